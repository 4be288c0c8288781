//! Layer 7, edits: the changes applied to an assessment (indicators met,
//! interviews and their answers, resolutions, snapshots, a step's status, sign-offs), each keeping the
//! document's rules.

pub mod history;
pub mod interview;
pub mod plan;
pub mod results;
pub mod signoff;
