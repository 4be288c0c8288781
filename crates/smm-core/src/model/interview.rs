//! Interviews as types: the interview file sent to interviewees
//! (`smm-navigator/interview`, version 2), the answers file each sends back
//! (`smm-navigator/answers`, version 1), and what an assessment keeps of them
//! ([`Interview`], [`Response`]) and of the owner's decision ([`Resolution`]).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::base::role::Role;

/// The `format` value of an interview file.
pub const INTERVIEW_FORMAT: &str = "smm-navigator/interview";
/// The interview file version this build writes; it reads 1 too. Version 2
/// added `role`.
pub const INTERVIEW_VERSION: u32 = 2;
/// The `format` value of an answers file.
pub const ANSWERS_FORMAT: &str = "smm-navigator/answers";
/// The answers file version this build writes and reads.
pub const ANSWERS_VERSION: u32 = 1;
pub use crate::base::limits::{MAX_INTERVIEWS, MAX_NAME_CHARS, MAX_RESPONSES, MAX_TITLE_CHARS};

/// The questions sent to interviewees.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(title = "SMM Navigator interview file, format version 2"))]
#[serde(deny_unknown_fields)]
pub struct InterviewFile {
    /// Always `smm-navigator/interview`.
    pub format: String,
    /// The format version, 1 or 2.
    pub version: u32,
    /// The interview's id, unique within its assessment.
    pub id: String,
    /// The id of the assessment the answers go back into.
    pub assessment_id: String,
    /// The assessment's title, shown to the interviewee.
    pub title: String,
    /// When the interview was made, `YYYY-MM-DD`.
    #[serde(default)]
    pub created: String,
    /// The practice ids asked about, in catalogue order.
    pub practices: Vec<String>,
    /// The assessment's role (version 2 on): the interviewee's page puts the
    /// indicators for other roles apart, as the checklist does. A version 1
    /// file has none, and every indicator is asked as it was.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<Role>,
}

/// One interviewee's answers.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(title = "SMM Navigator answers file, format version 1"))]
#[serde(deny_unknown_fields)]
pub struct AnswersFile {
    /// Always `smm-navigator/answers`.
    pub format: String,
    /// The format version, 1.
    pub version: u32,
    /// The interview answered.
    pub interview_id: String,
    /// The assessment the interview belongs to.
    pub assessment_id: String,
    /// The assessment's title, as the interview file gave it.
    #[serde(default)]
    pub title: String,
    /// The interviewee's name or a pseudonym they chose.
    pub interviewee: String,
    /// When the answers were saved, `YYYY-MM-DD`.
    #[serde(default)]
    pub answered_on: String,
    /// Answers per practice id.
    #[serde(default)]
    pub answers: BTreeMap<String, Answer>,
}

/// What one interviewee said about one practice.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Answer {
    /// Ids of the indicators they say are met; every other indicator of the practice is "not met".
    #[serde(default)]
    pub indicators_met: Vec<String>,
    /// Their notes.
    #[serde(default)]
    pub notes: String,
}

/// An interview as the assessment keeps it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Interview {
    /// The id the interview file carries.
    pub id: String,
    /// When it was made, `YYYY-MM-DD`.
    #[serde(default)]
    pub created: String,
    /// The practice ids asked about.
    pub practices: Vec<String>,
    /// The answers imported so far, one per interviewee.
    #[serde(default)]
    pub responses: Vec<Response>,
}

/// One interviewee's answers, as imported into the assessment.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Response {
    /// Name or pseudonym; "Interviewee N" in a redacted copy.
    pub interviewee: String,
    /// When they saved their answers.
    #[serde(default)]
    pub answered_on: String,
    /// Answers per practice id (only practices of the interview).
    #[serde(default)]
    pub answers: BTreeMap<String, Answer>,
}

/// How the owner turned the answers about one practice into the result.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Resolution {
    /// Why the result is what it is; required when the answers disagreed.
    #[serde(default)]
    pub note: String,
    /// When it was resolved, `YYYY-MM-DD`.
    #[serde(default)]
    pub resolved_on: String,
    /// How many answers the resolution considered.
    #[serde(default)]
    pub answers: u32,
    /// Whether those answers disagreed on any indicator.
    #[serde(default)]
    pub disagreed: bool,
}

/// True for an interview id: 1 to 64 letters, digits, dots, dashes and underscores.
pub(crate) fn is_id(id: &str) -> bool {
    !id.is_empty() && id.len() <= 64 && id.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '.' | '_'))
}
