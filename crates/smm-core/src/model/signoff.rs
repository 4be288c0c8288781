//! Sign-offs (assessment format version 6): who approved the assessment, when,
//! with what statement and scope, and a SHA-256 over the assessment's content
//! at that moment, with the content itself kept so that a later change can be
//! listed.
//!
//! A sign-off is a record of approval and of integrity: it shows whether the
//! content is still the one approved. It is not proof of identity; anyone who
//! can edit the file can type any name.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::model::assessment::{PracticeResult, StepPlan, Target};
use crate::model::trust::Trustworthiness;

/// One sign-off. The newest is the last in [`crate::model::assessment::Assessment::signoffs`];
/// a new one supersedes the earlier ones, which are all kept.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct SignOff {
    /// The name of who signed, as typed; empty in a redacted copy.
    #[serde(default)]
    pub name: String,
    /// Their role or title, as typed (not the SMM role); empty in a redacted copy.
    #[serde(default)]
    pub role: String,
    /// When, `YYYY-MM-DD` or a full RFC 3339 time.
    pub signed_on: String,
    /// What they approve, in their words; empty in a redacted copy.
    #[serde(default)]
    pub statement: String,
    /// What the approval covers (systems, sites, parts of the assessment); empty in a redacted copy.
    #[serde(default)]
    pub scope: String,
    /// SHA-256 of the canonical JSON of the signed content
    /// ([`crate::engine::signoff::canonical_json`]), 64 lowercase hexadecimal digits.
    pub sha256: String,
    /// The content as signed, to list what changed since. Only the newest
    /// sign-off keeps it (an earlier one keeps its hash); a redacted copy keeps none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub content: Option<SignedContent>,
}

/// What a sign-off covers: targets, results, the roadmap plan and the
/// trustworthiness view. Not the metadata, the interviews or the sign-offs.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct SignedContent {
    /// The targets per practice id.
    #[serde(default)]
    pub targets: BTreeMap<String, Target>,
    /// The results per practice id.
    #[serde(default)]
    pub results: BTreeMap<String, PracticeResult>,
    /// The roadmap plan per step id.
    #[serde(default)]
    pub plan: BTreeMap<String, StepPlan>,
    /// The trustworthiness view.
    #[serde(default, skip_serializing_if = "crate::model::trust::Trustworthiness::is_empty")]
    pub trustworthiness: Trustworthiness,
}
