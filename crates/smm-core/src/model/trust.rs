//! The trustworthiness frame around the SMM, as types: the catalogue of the
//! five characteristics, the four aspects and SMM Navigator's own software
//! lifecycle checklist (`data/trustworthiness.json`), and what an assessment
//! records against it (ratings, trade-offs, notes, checklist answers).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// The `format` value of the trustworthiness catalogue.
pub const TRUST_FORMAT: &str = "smm-navigator/trustworthiness-catalogue";

/// The catalogue.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TrustCatalogue {
    /// Always [`TRUST_FORMAT`].
    pub format: String,
    /// 1.
    pub version: u32,
    /// What it is, and that the checklist is SMM Navigator's own.
    pub about: String,
    /// The rating scale, 0 to 4.
    pub scale: Vec<ScaleStep>,
    /// Safety, security, reliability, resilience, privacy.
    pub characteristics: Vec<Characteristic>,
    /// The four aspects of a system's trustworthiness, with prompts.
    pub aspects: Vec<Aspect>,
    /// Lifecycle phases, in order.
    pub phases: Vec<Named>,
    /// Cross-cutting topics that teams tend to forget.
    pub topics: Vec<Named>,
    /// Checklist items.
    pub items: Vec<ChecklistItem>,
}

/// One step of the rating scale.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScaleStep {
    /// 0 to 4.
    pub value: u8,
    /// Short name.
    pub name: String,
    /// Meaning.
    pub summary: String,
}

/// A characteristic of trustworthiness.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Characteristic {
    /// Stable id.
    pub id: String,
    /// Display name.
    pub name: String,
    /// Our explanation.
    pub summary: String,
}

/// An aspect with the questions that prompt thinking about it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Aspect {
    /// Stable id.
    pub id: String,
    /// Display name.
    pub name: String,
    /// Questions.
    pub prompts: Vec<String>,
}

/// A phase or topic.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Named {
    /// Stable id.
    pub id: String,
    /// Display name.
    pub name: String,
}

/// One checklist item.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChecklistItem {
    /// Stable id `<phase>.<nn>`.
    pub id: String,
    /// Its phase.
    pub phase: String,
    /// Its cross-cutting topic, if any.
    pub topic: Option<String>,
    /// The question an assessor asks.
    pub question: String,
    /// Examples of evidence.
    pub evidence: Vec<String>,
}

impl TrustCatalogue {
    /// The item with this id.
    pub fn item(&self, id: &str) -> Option<&ChecklistItem> {
        self.items.iter().find(|i| i.id == id)
    }
}

/// The trustworthiness part of an assessment (format version 4).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Trustworthiness {
    /// Ratings per characteristic id.
    #[serde(default)]
    pub characteristics: BTreeMap<String, CharacteristicRating>,
    /// Trade-offs between characteristics.
    #[serde(default)]
    pub tradeoffs: Vec<TradeOff>,
    /// Notes per aspect id.
    #[serde(default)]
    pub aspects: BTreeMap<String, String>,
    /// Answers per checklist item id.
    #[serde(default)]
    pub checklist: BTreeMap<String, ChecklistAnswer>,
}

impl Trustworthiness {
    /// True when nothing is recorded.
    pub fn is_empty(&self) -> bool {
        *self == Trustworthiness::default()
    }
}

/// Minimum, target and current rating of one characteristic, each 0-4 with a rationale.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct CharacteristicRating {
    /// The least the system must meet.
    #[serde(default)]
    pub minimum: Option<u8>,
    /// What it aims for.
    #[serde(default)]
    pub target: Option<u8>,
    /// Where it stands. For security, the app shows the SMM results instead.
    #[serde(default)]
    pub current: Option<u8>,
    /// Why the minimum.
    #[serde(default)]
    pub minimum_rationale: String,
    /// Why the target.
    #[serde(default)]
    pub target_rationale: String,
    /// Why the current rating.
    #[serde(default)]
    pub current_rationale: String,
}

/// A trade-off between characteristics.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct TradeOff {
    /// What is traded for what.
    pub description: String,
    /// The characteristics it affects (at least two).
    pub affects: Vec<String>,
}

/// An answer to a checklist item.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub enum Answer {
    /// In place, with evidence.
    Yes,
    /// In part.
    Partly,
    /// Not in place.
    No,
    /// Does not apply.
    NotApplicable,
}

impl Answer {
    /// All answers.
    pub const ALL: [Answer; 4] = [Answer::Yes, Answer::Partly, Answer::No, Answer::NotApplicable];

    /// The stable id.
    pub const fn id(self) -> &'static str {
        match self {
            Answer::Yes => "yes",
            Answer::Partly => "partly",
            Answer::No => "no",
            Answer::NotApplicable => "not-applicable",
        }
    }

    /// Display name.
    pub const fn name(self) -> &'static str {
        match self {
            Answer::Yes => "Yes",
            Answer::Partly => "Partly",
            Answer::No => "No",
            Answer::NotApplicable => "Not applicable",
        }
    }
}

/// The answer to one checklist item, with notes.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ChecklistAnswer {
    /// The answer.
    pub answer: Answer,
    /// Notes and evidence.
    #[serde(default)]
    pub notes: String,
}
