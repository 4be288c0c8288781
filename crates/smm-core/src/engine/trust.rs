//! Trustworthiness figures: the checklist's coverage per group and the
//! characteristics' rows with security derived from the SMM results (SMM
//! Navigator's own formulas, [`COVERAGE_FORMULA`] and [`SECURITY_FORMULA`]).

use serde::Serialize;

use crate::engine::gaps::PracticeGap;
use crate::model::trust::*;

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

/// How the current security rating is taken from the SMM results.
pub const SECURITY_FORMULA: &str =
    "current security = the mean achieved SMM level of the applicable, assessed practices, rounded down (0 to 4). \
     SMM Navigator's own link between the two scales; the SMM itself defines no such figure.";

/// The current security rating derived from the SMM gap analysis; `None` when no practice is assessed.
pub fn security_from_smm(gaps: &[PracticeGap]) -> Option<u8> {
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
pub fn trust_report(t: &Trustworthiness, gaps: &[PracticeGap]) -> TrustReport {
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
