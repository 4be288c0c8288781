//! The assessment file format (`smm-navigator/assessment`), version
//! [`ASSESSMENT_VERSION`]; the history of its versions is on that constant.
//!
//! Plain serde types. Everything saved is keyed by stable string ids (practice,
//! indicator, domain and subdomain ids), never by position. Reading, with the
//! migrations from every earlier version, is in [`crate::formats::assessment`];
//! the rules, with JSON paths in the messages, in [`crate::validation::assessment`].

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::base::level::{Level, Scope};
pub use crate::base::role::Role;

/// The `format` value of an assessment file.
pub const ASSESSMENT_FORMAT: &str = "smm-navigator/assessment";
/// The newest assessment format version; this build reads it and every earlier one.
///
/// History: version 1 (first release); version 2 adds `plan`, the owner, due
/// date and status of roadmap steps (a version 1 file migrates with an empty
/// plan); version 3 adds `profiles`, the ids of the profiles the assessment uses
/// (a version 2 file migrates with none); version 4 adds `trustworthiness`
/// (characteristic ratings, trade-offs, aspects, software lifecycle checklist),
/// optional, so a version 3 file migrates unchanged; version 5 turns each
/// evidence reference into an object that may carry a file fingerprint
/// (`{"reference": "..."}` from the plain string of version 4) and adds
/// `interviews` and `consensus` (see [`crate::model::interview`]), both optional;
/// version 6 adds `signoffs` (see [`SignOff`]) and free `tags`
/// in the metadata, gives an evidence reference its holder, the date it was
/// obtained, a "review by" date and the indicators it supports, and gives a
/// roadmap step an external reference and a history of its status changes;
/// every new field is optional, so a version 5 file migrates unchanged.
pub const ASSESSMENT_VERSION: u32 = 6;

/// One assessment: metadata, stakeholder priorities, targets and results.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(title = "SMM Navigator assessment, format version 6"))]
#[serde(deny_unknown_fields)]
pub struct Assessment {
    /// Always `smm-navigator/assessment`.
    pub format: String,
    /// The format version, 6.
    pub version: u32,
    /// A stable id for this assessment (any string without spaces; the app uses a random one).
    pub id: String,
    /// Who assessed what, for whom, and when.
    pub metadata: Metadata,
    /// Stakeholder priorities per domain and subdomain; a missing entry means medium.
    #[serde(default)]
    pub priorities: Priorities,
    /// The target per practice id. A practice without an entry has no target yet.
    #[serde(default)]
    pub targets: BTreeMap<String, Target>,
    /// The assessed state per practice id. A practice without an entry is not assessed.
    #[serde(default)]
    pub results: BTreeMap<String, PracticeResult>,
    /// Plans for roadmap steps, by step id `<practice-id>@<level>` (version 2).
    #[serde(default)]
    pub plan: BTreeMap<String, StepPlan>,
    /// Ids of the profiles (industry and system guidance) this assessment uses (version 3).
    #[serde(default)]
    pub profiles: Vec<String>,
    /// The trustworthiness view and software lifecycle checklist (version 4); absent when empty.
    #[serde(default, skip_serializing_if = "crate::model::trust::Trustworthiness::is_empty")]
    pub trustworthiness: crate::model::trust::Trustworthiness,
    /// Interview rounds: the practices each asked about and the answers
    /// imported from the interviewees (version 5); absent when none.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub interviews: Vec<crate::model::interview::Interview>,
    /// Per practice id, how the owner resolved the interviewees' answers into
    /// the result, and why (version 5); absent when none.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub consensus: BTreeMap<String, crate::model::interview::Resolution>,
    /// Every sign-off, oldest first; the last is the one in force (version 6); absent when none.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub signoffs: Vec<SignOff>,
}

/// Who does a roadmap step, by when, and how far it has got.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct StepPlan {
    /// Who is responsible.
    #[serde(default)]
    pub owner: String,
    /// Due date, `YYYY-MM-DD`, or empty.
    #[serde(default)]
    pub due: String,
    /// Progress.
    #[serde(default)]
    pub status: StepStatus,
    /// An outside reference, such as a ticket id or an address (version 6).
    /// Shown as text, never opened or fetched.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub reference: String,
    /// Every change of `status`, oldest first (version 6).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub history: Vec<StatusChange>,
}

/// One change of a roadmap step's status.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct StatusChange {
    /// When, `YYYY-MM-DD`.
    pub on: String,
    /// The status from then on.
    pub status: StepStatus,
    /// Why or what happened; empty in a redacted copy.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

/// Progress of a roadmap step.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub enum StepStatus {
    /// Not started.
    #[default]
    Planned,
    /// Under way.
    InProgress,
    /// Finished.
    Done,
}

impl StepStatus {
    /// All statuses.
    pub const ALL: [StepStatus; 3] = [StepStatus::Planned, StepStatus::InProgress, StepStatus::Done];

    /// The stable id used in files.
    pub const fn id(self) -> &'static str {
        match self {
            StepStatus::Planned => "planned",
            StepStatus::InProgress => "in-progress",
            StepStatus::Done => "done",
        }
    }

    /// Display name.
    pub const fn name(self) -> &'static str {
        match self {
            StepStatus::Planned => "Planned",
            StepStatus::InProgress => "In progress",
            StepStatus::Done => "Done",
        }
    }
}

/// Descriptive data of an assessment.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Metadata {
    /// A short name, e.g. "Line 3 bottling, 2026 review".
    pub name: String,
    /// The organisation assessed.
    #[serde(default)]
    pub organisation: String,
    /// The system under assessment.
    #[serde(default)]
    pub system: String,
    /// The role of the organisation for this system.
    pub role: Role,
    /// Who made the assessment.
    #[serde(default)]
    pub assessor: String,
    /// When the assessment was created, `YYYY-MM-DD` (a full RFC 3339 time is accepted too).
    #[serde(default)]
    pub created: String,
    /// When it was last changed, same form.
    #[serde(default)]
    pub updated: String,
    /// The date the current state was assessed, same form; empty if not yet.
    #[serde(default)]
    pub assessed_on: String,
    /// Free tags (site, business unit, product line) for grouping and
    /// filtering many assessments (version 6).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
}

/// A stakeholder priority.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub enum Priority {
    /// Comes first in the roadmap.
    High,
    /// The default.
    #[default]
    Medium,
    /// Comes last in the roadmap.
    Low,
}

impl Priority {
    /// All priorities, highest first.
    pub const ALL: [Priority; 3] = [Priority::High, Priority::Medium, Priority::Low];

    /// The stable id used in files.
    pub const fn id(self) -> &'static str {
        match self {
            Priority::High => "high",
            Priority::Medium => "medium",
            Priority::Low => "low",
        }
    }

    /// Display name.
    pub const fn name(self) -> &'static str {
        match self {
            Priority::High => "High",
            Priority::Medium => "Medium",
            Priority::Low => "Low",
        }
    }
}

/// Stakeholder priorities by domain id and subdomain id.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Priorities {
    /// Priority per domain id.
    #[serde(default)]
    pub domains: BTreeMap<String, Priority>,
    /// Priority per subdomain id.
    #[serde(default)]
    pub subdomains: BTreeMap<String, Priority>,
}

/// The target of one practice: a level and a scope, or not applicable with a reason.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Target {
    /// The target comprehensiveness level, 0-4.
    pub level: Level,
    /// The target scope.
    #[serde(default)]
    pub scope: Scope,
    /// Why this target fits the need.
    #[serde(default)]
    pub rationale: String,
    /// When present, the practice does not apply to this system and is left out of
    /// every gap, roll-up and roadmap; `level` and `scope` are kept for when it applies again.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub not_applicable: Option<NotApplicable>,
}

/// Why a practice does not apply.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct NotApplicable {
    /// The reason, required.
    pub reason: String,
}

impl Target {
    /// A target at a level and scope, with no rationale.
    pub fn new(level: Level, scope: Scope) -> Target {
        Target { level, scope, rationale: String::new(), not_applicable: None }
    }

    /// True unless the practice is marked not applicable.
    pub fn is_applicable(&self) -> bool {
        self.not_applicable.is_none()
    }
}

/// The assessed state of one practice.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct PracticeResult {
    /// Ids of the indicators of accomplishment that are met.
    #[serde(default)]
    pub indicators_met: Vec<String>,
    /// The scope the achieved result covers.
    #[serde(default)]
    pub scope: Scope,
    /// The assessor's override of the derived level, if any.
    #[serde(default, rename = "override", skip_serializing_if = "Option::is_none")]
    pub level_override: Option<Override>,
    /// Free-text notes.
    #[serde(default)]
    pub notes: String,
    /// References to evidence (document names, ticket numbers, paths), each
    /// with an optional fingerprint of the file it names (version 5).
    #[serde(default)]
    pub evidence: Vec<Evidence>,
}

/// One piece of evidence: a reference an assessor can follow, and optionally
/// the fingerprint of a local file, so that a later look can tell whether a
/// document is the one that was seen. The file's content is never stored.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Evidence {
    /// Document name, ticket number, path or link text; empty in a redacted copy.
    #[serde(default)]
    pub reference: String,
    /// The fingerprint of the file the reference names, if one was taken.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub file: Option<FileFingerprint>,
    /// Who holds the evidence (a person or a team) (version 6); empty in a redacted copy.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub holder: String,
    /// When it was obtained, `YYYY-MM-DD` (version 6).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub obtained: String,
    /// The date by which it needs another look, `YYYY-MM-DD` (version 6); past
    /// it, the evidence is shown as expired.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub review_by: String,
    /// The ids of the practice's indicators this evidence supports (version 6);
    /// empty means the practice as a whole.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub indicators: Vec<String>,
}

impl Evidence {
    /// A reference without a fingerprint.
    pub fn reference(text: impl Into<String>) -> Evidence {
        Evidence { reference: text.into(), ..Evidence::default() }
    }
}

/// What identifies a file without its content: name, size, SHA-256, and when
/// the fingerprint was taken.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct FileFingerprint {
    /// The file's name as picked (no folder); empty in a redacted copy.
    #[serde(default)]
    pub name: String,
    /// Its size in bytes.
    pub size: u64,
    /// The SHA-256 digest of its bytes, 64 lowercase hexadecimal digits.
    pub sha256: String,
    /// When the fingerprint was taken, `YYYY-MM-DD`.
    pub taken_on: String,
}

/// An assessor's override of the derived level.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Override {
    /// The level the assessor records instead of the derived one.
    pub level: Level,
    /// Why, required.
    pub justification: String,
}

impl PracticeResult {
    /// True if the indicator with this id is met.
    pub fn is_met(&self, indicator_id: &str) -> bool {
        self.indicators_met.iter().any(|i| i == indicator_id)
    }
}

impl Assessment {
    /// An empty assessment with this id, name and role, at the newest format version.
    pub fn new(id: impl Into<String>, name: impl Into<String>, role: Role) -> Assessment {
        Assessment {
            format: ASSESSMENT_FORMAT.to_string(),
            version: ASSESSMENT_VERSION,
            id: id.into(),
            metadata: Metadata { name: name.into(), role, ..Metadata::default() },
            priorities: Priorities::default(),
            targets: BTreeMap::new(),
            results: BTreeMap::new(),
            plan: BTreeMap::new(),
            profiles: Vec::new(),
            trustworthiness: crate::model::trust::Trustworthiness::default(),
            interviews: Vec::new(),
            consensus: BTreeMap::new(),
            signoffs: Vec::new(),
        }
    }

    /// The priority of a domain (medium when unset).
    pub fn domain_priority(&self, domain_id: &str) -> Priority {
        self.priorities.domains.get(domain_id).copied().unwrap_or_default()
    }

    /// The priority of a subdomain (medium when unset).
    pub fn subdomain_priority(&self, subdomain_id: &str) -> Priority {
        self.priorities.subdomains.get(subdomain_id).copied().unwrap_or_default()
    }
}

// Sign-offs (version 6): who approved the assessment, when, with what
// statement and scope, and a SHA-256 over its content at that moment, with the
// content itself kept so that a later change can be listed. A record of
// approval and of integrity, not proof of identity: anyone who can edit the
// file can type any name.

/// One sign-off. The newest is the last in [`Assessment::signoffs`];
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
    pub trustworthiness: crate::model::trust::Trustworthiness,
}

/// Tags typed as one text, separated by commas: trimmed, empty ones and
/// repeats dropped, control characters removed, each cut to
/// [`MAX_TAG_CHARS`](crate::base::limits::MAX_TAG_CHARS) characters, at most
/// [`MAX_TAGS`](crate::base::limits::MAX_TAGS) kept.
pub fn parse_tags(text: &str) -> Vec<String> {
    use crate::base::limits::{MAX_TAGS, MAX_TAG_CHARS};
    let mut out: Vec<String> = Vec::new();
    for part in text.split(',') {
        let clean: String = part.chars().filter(|c| !c.is_control()).take(MAX_TAG_CHARS).collect();
        let tag = clean.trim().to_string();
        if !tag.is_empty() && !out.contains(&tag) && out.len() < MAX_TAGS {
            out.push(tag);
        }
    }
    out
}

/// True for an assessment id the app keeps: 1 to
/// [`MAX_ASSESSMENT_ID_BYTES`](crate::base::limits::MAX_ASSESSMENT_ID_BYTES)
/// ASCII letters, digits, dots, colons, hyphens or underscores. Nothing that a
/// URL reads as a path, query or fragment (`/`, `?`, `#`), so that an id in a
/// link opens its own assessment and no other.
pub fn is_assessment_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= crate::base::limits::MAX_ASSESSMENT_ID_BYTES
        && id.bytes().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b':' | b'-' | b'_'))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn json<T: Serialize>(v: T) -> String {
        serde_json::to_string(&v).unwrap()
    }

    #[test]
    fn tags_typed_in_one_field_are_cleaned() {
        assert_eq!(parse_tags(" Leeds , Line 3,,Leeds, \u{7}x "), ["Leeds", "Line 3", "x"]);
        assert_eq!(parse_tags(&"a,".repeat(50)).len(), 1);
        let many: String = (0..30).map(|i| format!("t{i},")).collect();
        assert_eq!(parse_tags(&many).len(), crate::base::limits::MAX_TAGS);
        assert_eq!(parse_tags(&"y".repeat(100))[0].chars().count(), crate::base::limits::MAX_TAG_CHARS);
    }

    /// The ids the app writes into `<select>` values are the ids of the file format.
    #[test]
    fn enum_ids_are_their_serde_names() {
        for p in Priority::ALL {
            assert_eq!(json(p), format!("\"{}\"", p.id()));
        }
        for r in Role::ALL {
            assert_eq!(json(r), format!("\"{}\"", r.id()));
        }
        for s in StepStatus::ALL {
            assert_eq!(json(s), format!("\"{}\"", s.id()));
        }
    }
}
