//! Layer 4, validation: every rule a document must keep, with the JSON path of
//! each problem. Readers (layer 5) call these; so do the invariant tests.

pub mod assessment;
pub mod benchmark;
pub mod catalogue;
pub mod framework;
pub mod mapping;
pub mod profile;
