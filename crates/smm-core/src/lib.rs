//! # smm-core
//!
//! The IIC IoT Security Maturity Model (SMM) as data, and SMM Navigator's
//! scoring engine over it. Plain Rust with serde: no web dependency, so the
//! same code runs natively (tests, the `smm` command) and in the browser (the
//! app, compiled to WebAssembly).
//!
//! - [`catalogue`]: the 3 domains, 9 subdomains and 18 practices with their
//!   levels, actions and indicators, embedded from `data/catalogue.json`.
//! - [`assessment`]: the assessment file format (`smm-navigator/assessment`, version 5).
//! - [`document`]: reading files with clear, path-naming errors.
//! - [`engine`]: derived level, gap analysis, roll-ups, roadmap.
//! - [`report`]: the report as JSON, Markdown and CSV.
//! - [`history`]: snapshots, trends and comparisons.
//!
//! The SMM scores each practice on its own (a level and a scope). The roll-ups
//! in [`engine::Rollup`] are SMM Navigator's own; their formulas are in
//! [`engine::ROLLUP_FORMULAS`].

#![forbid(unsafe_code)]
#![warn(missing_docs)]

pub mod assessment;
pub mod bundle;
pub mod catalogue;
pub mod document;
pub mod engine;
pub mod framework;
pub mod history;
pub mod iec62443;
pub mod interview;
pub mod level;
pub mod mapping;
pub mod profile;
pub mod report;
pub mod scan;
pub mod seal;
pub mod trust;

pub use assessment::{
    Assessment, Evidence, FileFingerprint, Metadata, NotApplicable, Override, PracticeResult, Priorities, Priority,
    Role, StepPlan, StepStatus, Target, ASSESSMENT_FORMAT, ASSESSMENT_VERSION,
};
pub use catalogue::{Catalogue, Domain, Indicator, Practice, PracticeLevel, Subdomain};
pub use document::{
    assessment_to_json, parse_assessment, read_assessment, DocumentError, Problem, ReadAssessment, MAX_FILE_BYTES,
};
pub use engine::{GapStatus, PracticeGap, RoadmapStep, Rollup, Rollups, ROLLUP_FORMULAS};
pub use level::{Level, Scope};
pub use report::Report;

/// JSON Schemas generated from the file-format types.
#[cfg(feature = "schema")]
pub mod schema {
    fn pretty(schema: schemars::Schema) -> String {
        let mut s = serde_json::to_string_pretty(&schema).unwrap_or_default();
        s.push('\n');
        s
    }

    /// The JSON Schema of the assessment file format, pretty-printed.
    pub fn assessment_schema_json() -> String {
        pretty(schemars::schema_for!(crate::Assessment))
    }

    /// The JSON Schema of the interview file format, pretty-printed.
    pub fn interview_schema_json() -> String {
        pretty(schemars::schema_for!(crate::interview::InterviewFile))
    }

    /// The JSON Schema of the answers file format, pretty-printed.
    pub fn answers_schema_json() -> String {
        pretty(schemars::schema_for!(crate::interview::AnswersFile))
    }

    /// The JSON Schema of the framework catalogue format, pretty-printed.
    pub fn framework_schema_json() -> String {
        pretty(schemars::schema_for!(crate::framework::Framework))
    }

    /// The JSON Schema of the mapping format (version 2), pretty-printed.
    pub fn mapping_schema_json() -> String {
        pretty(schemars::schema_for!(crate::mapping::Mapping))
    }
}
