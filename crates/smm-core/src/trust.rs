//! The trustworthiness frame around the SMM: the five characteristics rated on
//! one scale (minimum, target, current), trade-offs between them, the four
//! aspects of a system's trustworthiness, and SMM Navigator's own software
//! lifecycle checklist. The catalogue is data (`data/trustworthiness.json`).

use std::collections::{BTreeMap, HashSet};
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use crate::catalogue::is_kebab_id;
use crate::report::csv_row;

/// The `format` value of the trustworthiness catalogue.
pub const TRUST_FORMAT: &str = "smm-navigator/trustworthiness-catalogue";

const BUILTIN_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/trustworthiness.json"));

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
    /// The built-in catalogue (checked by the invariant tests).
    pub fn builtin() -> &'static TrustCatalogue {
        static BUILTIN: OnceLock<TrustCatalogue> = OnceLock::new();
        BUILTIN.get_or_init(|| {
            serde_json::from_str(BUILTIN_JSON)
                .unwrap_or_else(|e| panic!("the trustworthiness catalogue is invalid: {e}"))
        })
    }

    /// The item with this id.
    pub fn item(&self, id: &str) -> Option<&ChecklistItem> {
        self.items.iter().find(|i| i.id == id)
    }

    /// Every broken invariant; empty when sound.
    pub fn problems(&self) -> Vec<String> {
        let mut p = Vec::new();
        if self.format != TRUST_FORMAT || self.version != 1 {
            p.push(format!("format/version is {}/{}", self.format, self.version));
        }
        if self.scale.iter().map(|s| s.value).collect::<Vec<_>>() != [0, 1, 2, 3, 4] {
            p.push("the scale must list 0 to 4 in order".into());
        }
        let ids = |v: &[String]| v.iter().map(String::as_str).collect::<Vec<_>>().join(",");
        let chars: Vec<String> = self.characteristics.iter().map(|c| c.id.clone()).collect();
        if ids(&chars) != "safety,security,reliability,resilience,privacy" {
            p.push(format!(
                "characteristics must be safety, security, reliability, resilience, privacy; found {}",
                ids(&chars)
            ));
        }
        if self.aspects.len() != 4 || self.aspects.iter().any(|a| a.prompts.is_empty()) {
            p.push("four aspects, each with prompts".into());
        }
        let phases: HashSet<&str> = self.phases.iter().map(|x| x.id.as_str()).collect();
        let topics: HashSet<&str> = self.topics.iter().map(|x| x.id.as_str()).collect();
        let mut seen = HashSet::new();
        for named in self.phases.iter().chain(&self.topics).map(|n| &n.id).chain(self.aspects.iter().map(|a| &a.id)) {
            if !is_kebab_id(named) {
                p.push(format!("`{named}` is not a well-formed id"));
            }
        }
        for item in &self.items {
            if !seen.insert(item.id.as_str()) {
                p.push(format!("item id `{}` is used twice", item.id));
            }
            let well_formed = item
                .id
                .split_once('.')
                .is_some_and(|(ph, n)| ph == item.phase && n.len() == 2 && n.bytes().all(|b| b.is_ascii_digit()));
            if !well_formed {
                p.push(format!("item id `{}` should be `{}.<nn>`", item.id, item.phase));
            }
            if !phases.contains(item.phase.as_str()) {
                p.push(format!("`{}` names unknown phase `{}`", item.id, item.phase));
            }
            if let Some(t) = &item.topic {
                if !topics.contains(t.as_str()) {
                    p.push(format!("`{}` names unknown topic `{t}`", item.id));
                }
            }
            if !item.question.trim_end().ends_with('?') {
                p.push(format!("`{}`: the question should end with a question mark", item.id));
            }
            if item.evidence.is_empty() || item.evidence.iter().any(|e| e.trim().is_empty()) {
                p.push(format!("`{}` needs examples of evidence", item.id));
            }
        }
        for ph in &self.phases {
            if !self.items.iter().any(|i| i.phase == ph.id) {
                p.push(format!("phase `{}` has no item", ph.id));
            }
        }
        for t in &self.topics {
            if self.items.iter().filter(|i| i.topic.as_deref() == Some(t.id.as_str())).count() < 3 {
                p.push(format!("topic `{}` has fewer than three items", t.id));
            }
        }
        p
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

/// Counts of answers in a group of items, SMM Navigator's own summary.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct ChecklistSummary {
    /// Items in the group.
    pub items: u32,
    /// Answered yes.
    pub yes: u32,
    /// Answered partly.
    pub partly: u32,
    /// Answered no.
    pub no: u32,
    /// Not applicable.
    pub not_applicable: u32,
    /// Not answered yet.
    pub unanswered: u32,
}

impl ChecklistSummary {
    /// Coverage in percent: (yes + partly / 2) / (yes + partly + no), rounded down;
    /// `None` when no applicable item is answered. SMM Navigator's own figure.
    pub fn coverage_percent(&self) -> Option<u32> {
        let answered = self.yes + self.partly + self.no;
        (answered > 0).then(|| (self.yes * 200 + self.partly * 100) / (answered * 2))
    }
}

/// How the checklist coverage is computed, for the page and the report.
pub const COVERAGE_FORMULA: &str =
    "coverage = (items answered yes + half the items answered partly) / items answered yes, partly or no; \
     items not applicable or not answered are left out. SMM Navigator's own figure.";

/// A summary per group id (phase or topic), in catalogue order.
pub type GroupSummaries = Vec<(String, ChecklistSummary)>;

/// Summaries of the checklist: per phase, per topic, in catalogue order.
pub fn checklist_summary(catalogue: &TrustCatalogue, t: &Trustworthiness) -> (GroupSummaries, GroupSummaries) {
    let sum = |filter: &dyn Fn(&ChecklistItem) -> bool| {
        let mut s = ChecklistSummary::default();
        for item in catalogue.items.iter().filter(|i| filter(i)) {
            s.items += 1;
            match t.checklist.get(&item.id).map(|a| a.answer) {
                Some(Answer::Yes) => s.yes += 1,
                Some(Answer::Partly) => s.partly += 1,
                Some(Answer::No) => s.no += 1,
                Some(Answer::NotApplicable) => s.not_applicable += 1,
                None => s.unanswered += 1,
            }
        }
        s
    };
    let phases = catalogue.phases.iter().map(|p| (p.id.clone(), sum(&|i| i.phase == p.id))).collect();
    let topics = catalogue
        .topics
        .iter()
        .map(|tp| (tp.id.clone(), sum(&|i| i.topic.as_deref() == Some(tp.id.as_str()))))
        .collect();
    (phases, topics)
}

/// The checklist as CSV (UTF-8 with BOM, RFC 4180 quoting, CRLF).
pub fn checklist_csv(catalogue: &TrustCatalogue, t: &Trustworthiness) -> String {
    let mut s = String::from("\u{FEFF}");
    csv_row(&mut s, &["item", "phase", "topic", "question", "answer", "notes"]);
    for item in &catalogue.items {
        let a = t.checklist.get(&item.id);
        csv_row(
            &mut s,
            &[
                &item.id,
                &item.phase,
                item.topic.as_deref().unwrap_or(""),
                &item.question,
                a.map_or("", |a| a.answer.name()),
                a.map_or("", |a| a.notes.as_str()),
            ],
        );
    }
    s
}

/// How the current security rating is taken from the SMM results.
pub const SECURITY_FORMULA: &str =
    "current security = the mean achieved SMM level of the applicable, assessed practices, rounded down (0 to 4). \
     SMM Navigator's own link between the two scales; the SMM itself defines no such figure.";

/// The current security rating derived from the SMM gap analysis; `None` when no practice is assessed.
pub fn security_from_smm(gaps: &[crate::engine::PracticeGap]) -> Option<u8> {
    let levels: Vec<u32> = gaps.iter().filter_map(|g| g.achieved).map(|l| u32::from(l.get())).collect();
    (!levels.is_empty()).then(|| (levels.iter().sum::<u32>() / levels.len() as u32) as u8)
}

/// One characteristic's ratings as reported (security's current from the SMM).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CharacteristicRow {
    /// Characteristic id.
    pub id: String,
    /// Display name.
    pub name: String,
    /// Minimum.
    pub minimum: Option<u8>,
    /// Target.
    pub target: Option<u8>,
    /// Current.
    pub current: Option<u8>,
    /// True when `current` comes from the SMM results ([`SECURITY_FORMULA`]).
    pub current_from_smm: bool,
}

/// The trustworthiness part of a report.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TrustReport {
    /// Ratings per characteristic, in catalogue order.
    pub characteristics: Vec<CharacteristicRow>,
    /// Trade-offs.
    pub tradeoffs: Vec<TradeOff>,
    /// Checklist summary per phase.
    pub phases: GroupSummaries,
    /// Checklist summary per topic.
    pub topics: GroupSummaries,
    /// How coverage is computed.
    pub coverage_formula: &'static str,
    /// How current security is derived.
    pub security_formula: &'static str,
}

/// The trustworthiness report of an assessment, given its SMM gap analysis.
pub fn trust_report(t: &Trustworthiness, gaps: &[crate::engine::PracticeGap]) -> TrustReport {
    let cat = TrustCatalogue::builtin();
    let (phases, topics) = checklist_summary(cat, t);
    TrustReport {
        characteristics: cat
            .characteristics
            .iter()
            .map(|c| {
                let r = t.characteristics.get(&c.id).cloned().unwrap_or_default();
                let from_smm = c.id == "security";
                CharacteristicRow {
                    id: c.id.clone(),
                    name: c.name.clone(),
                    minimum: r.minimum,
                    target: r.target,
                    current: if from_smm { security_from_smm(gaps) } else { r.current },
                    current_from_smm: from_smm,
                }
            })
            .collect(),
        tradeoffs: t.tradeoffs.clone(),
        phases,
        topics,
        coverage_formula: COVERAGE_FORMULA,
        security_formula: SECURITY_FORMULA,
    }
}
