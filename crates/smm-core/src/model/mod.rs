//! Layer 2, model: the types every file kind holds (assessment, benchmark, interview and
//! answers, snapshots, catalogue, framework, mapping, profile, trustworthiness)
//! with their lookups. No reading, checking or computing beyond a lookup.

pub mod assessment;
pub mod benchmark;
pub mod catalogue;
pub mod framework;
pub mod history;
pub mod interview;
pub mod mapping;
pub mod profile;
pub mod trust;
