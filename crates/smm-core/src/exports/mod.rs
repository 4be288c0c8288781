//! Layer 8, exports: every file SMM Navigator writes, as text or values: the
//! assessment and bundle files, the redacted copy, the report (JSON, Markdown,
//! CSV), the roadmap, requirements, checklist and consensus tables, the
//! portfolio and the benchmark file.

pub mod board;
pub mod bundle;
pub mod consensus;
pub mod coverage;
pub mod portfolio;
pub mod redact;
pub mod report;
pub mod trust;
