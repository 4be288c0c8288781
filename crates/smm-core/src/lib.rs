//! # smm-core
//!
//! The IIC IoT Security Maturity Model (SMM) as data, and SMM Navigator's
//! scoring engine over it. Plain Rust with serde: no web dependency, so the
//! same code runs natively (tests, the `smm` command) and in the browser (the
//! app, compiled to WebAssembly).
//!
//! - [`catalogue`]: the 3 domains, 9 subdomains and 18 practices with their
//!   levels, actions and indicators, embedded from `data/catalogue.json`.
//! - [`assessment`]: the assessment file format (`smm-navigator/assessment`, version 6).
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

pub mod base;
pub mod edits;
pub mod engine;
pub mod exports;
pub mod formats;
pub mod model;
pub mod reference;
pub mod validation;

// The public API by topic, for the app, the CLI and the tests. Inside this
// crate, code names the layer module (`crate::model::...`), never these: the
// layer test (`tests/layers.rs`) holds it.

/// The assessment file format's types.
pub mod assessment {
    pub use crate::model::assessment::*;
}
/// The SMM catalogue.
pub mod catalogue {
    pub use crate::base::text::is_kebab_id;
    pub use crate::formats::catalogue::*;
    pub use crate::model::catalogue::*;
}
/// Reading and checking assessment files; problems and limits.
pub mod document {
    pub use crate::base::error::*;
    pub use crate::base::text::{date_from_days, is_iso_date_prefix, text_problem, MAX_FILE_BYTES, MAX_TEXT_CHARS};
    pub use crate::exports::bundle::assessment_to_json;
    pub use crate::formats::assessment::*;
    pub use crate::validation::assessment::{unknown_profile_indicators, validate};
}
/// Assessment and bundle files, written and read; the redacted copy.
pub mod bundle {
    pub use crate::exports::bundle::*;
    pub use crate::exports::redact::*;
    pub use crate::formats::bundle::*;
}
/// Framework catalogues.
pub mod framework {
    pub use crate::formats::framework::*;
    pub use crate::model::framework::*;
    pub use crate::reference::frameworks::*;
}
/// Mappings and the framework views of an assessment.
pub mod mapping {
    pub use crate::engine::coverage::*;
    pub use crate::exports::coverage::*;
    pub use crate::formats::mapping::*;
    pub use crate::model::mapping::*;
}
/// Snapshots, trends and comparisons.
pub mod history {
    pub use crate::engine::history::*;
    pub use crate::formats::history::*;
    pub use crate::model::history::*;
}
/// ISA/IEC 62443 specifics.
pub mod iec62443 {
    pub use crate::reference::iec62443::*;
}
/// Interviews, answers and their consolidation.
pub mod interview {
    pub use crate::edits::interview::*;
    pub use crate::engine::consensus::*;
    pub use crate::exports::consensus::*;
    pub use crate::formats::interview::*;
    pub use crate::model::interview::*;
}
/// Levels and scopes.
pub mod level {
    pub use crate::base::level::*;
}
/// Profiles.
pub mod profile {
    pub use crate::engine::scope::*;
    pub use crate::formats::profile::*;
    pub use crate::model::profile::*;
    pub use crate::reference::profiles::*;
}
/// The report of an assessment, and its board page.
pub mod report {
    pub use crate::base::table::{csv_row, md_escape, md_escape_lines};
    pub use crate::exports::board::*;
    pub use crate::exports::report::*;
}
/// Sign-offs: the record, the state against it, signing.
pub mod signoff {
    pub use crate::edits::signoff::*;
    pub use crate::engine::signoff::*;
    pub use crate::model::assessment::{SignOff, SignedContent};
}
/// The roadmap plan: progress against it, a step's status with its history.
pub mod plan {
    pub use crate::edits::plan::*;
    pub use crate::engine::progress::*;
}
/// Many assessments at a glance; benchmarks of a group and positions among peers.
pub mod portfolio {
    pub use crate::engine::portfolio::*;
    pub use crate::exports::portfolio::*;
    pub use crate::formats::benchmark::*;
    pub use crate::model::benchmark::*;
}
/// Evidence past its "review by" date.
pub mod evidence {
    pub use crate::engine::evidence::*;
}
/// Passphrase encryption in the age format.
pub mod seal {
    pub use crate::base::seal::*;
}
/// Every limit of every reader of outside input.
pub mod limits {
    pub use crate::base::limits::*;
}
/// The structure scan of JSON text.
pub mod scan {
    pub use crate::base::scan::*;
}
/// The trustworthiness frame.
pub mod trust {
    pub use crate::engine::trust::*;
    pub use crate::exports::trust::*;
    pub use crate::model::trust::*;
}

pub use base::error::{DocumentError, Problem};
pub use base::level::{Level, Scope};
pub use base::text::MAX_FILE_BYTES;
pub use engine::gaps::{GapStatus, PracticeGap, RoadmapStep, Rollup, Rollups, ROLLUP_FORMULAS};
pub use exports::bundle::assessment_to_json;
pub use exports::report::Report;
pub use formats::assessment::{parse_assessment, read_assessment, ReadAssessment};
pub use formats::{read_any, Incoming};
pub use model::assessment::{
    is_assessment_id, Assessment, Evidence, FileFingerprint, Metadata, NotApplicable, Override, PracticeResult,
    Priorities, Priority, Role, StatusChange, StepPlan, StepStatus, Target, ASSESSMENT_FORMAT, ASSESSMENT_VERSION,
};
pub use model::catalogue::{Catalogue, Domain, Indicator, Practice, PracticeLevel, Subdomain};

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
        pretty(schemars::schema_for!(crate::model::assessment::Assessment))
    }

    /// The JSON Schema of the interview file format, pretty-printed.
    pub fn interview_schema_json() -> String {
        pretty(schemars::schema_for!(crate::model::interview::InterviewFile))
    }

    /// The JSON Schema of the answers file format, pretty-printed.
    pub fn answers_schema_json() -> String {
        pretty(schemars::schema_for!(crate::model::interview::AnswersFile))
    }

    /// The JSON Schema of the framework catalogue format, pretty-printed.
    pub fn framework_schema_json() -> String {
        pretty(schemars::schema_for!(crate::model::framework::Framework))
    }

    /// The JSON Schema of the benchmark file format, pretty-printed.
    pub fn benchmark_schema_json() -> String {
        pretty(schemars::schema_for!(crate::model::benchmark::Benchmark))
    }

    /// The JSON Schema of the mapping format (version 2), pretty-printed.
    pub fn mapping_schema_json() -> String {
        pretty(schemars::schema_for!(crate::model::mapping::Mapping))
    }
}
