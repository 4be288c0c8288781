//! The consolidation of interview answers: a level per interviewee by the
//! assessment's rule, who said met for each indicator, the spread (SMM
//! Navigator's own figure, formula in [`SPREAD_FORMULA`]).

use serde::Serialize;

use crate::base::level::Level;
use crate::engine::gaps::derived_level;
use crate::model::assessment::{Assessment, PracticeResult};
use crate::model::catalogue::Catalogue;
use crate::model::interview::{Answer, Resolution};

/// Who said an indicator is met, and who did not.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct IndicatorVotes {
    /// The indicator id.
    pub id: String,
    /// The level it belongs to.
    pub level: Level,
    /// Interviewees who said met.
    pub met: Vec<String>,
    /// Interviewees who said not met.
    pub not_met: Vec<String>,
    /// Whether the assessment's result has it met now.
    pub in_result: bool,
    /// Whether it counts toward the level for the assessment's role; the
    /// others are extra evidence (see [`crate::model::catalogue::Indicator::roles`]).
    pub applies: bool,
}

impl IndicatorVotes {
    /// True when some said met and some did not, on an indicator that counts
    /// for the assessment's role: a dispute that can change the level.
    pub fn disputed(&self) -> bool {
        self.applies && !self.met.is_empty() && !self.not_met.is_empty()
    }
    /// True when more than half said met.
    pub fn majority_met(&self) -> bool {
        self.met.len() * 2 > self.met.len() + self.not_met.len()
    }
}

/// One interviewee's view of a practice.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Opinion {
    /// Name or pseudonym.
    pub interviewee: String,
    /// The level their answers derive, by the assessment's rule.
    pub level: Level,
    /// Their notes.
    pub notes: String,
}

/// The consolidation of one practice.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct PracticeConsensus {
    /// The practice id.
    pub practice: String,
    /// Each interviewee's derived level, in the order answers were imported.
    pub opinions: Vec<Opinion>,
    /// Highest derived level minus lowest (SMM Navigator's own figure).
    pub spread: u8,
    /// Per indicator of the practice, in catalogue order.
    pub indicators: Vec<IndicatorVotes>,
    /// How the owner resolved it, if they have.
    pub resolution: Option<Resolution>,
}

impl PracticeConsensus {
    /// The level more than half of the interviewees derive, if one is.
    pub fn majority_level(&self) -> Option<Level> {
        let n = self.opinions.len();
        Level::ALL.into_iter().find(|l| self.opinions.iter().filter(|o| o.level == *l).count() * 2 > n)
    }

    /// How `level` stands against [`PracticeConsensus::majority_level`].
    pub fn standing(&self, level: Level) -> Standing {
        match self.majority_level().map(|m| level.cmp(&m)) {
            None if self.spread > 0 => Standing::Split,
            None | Some(std::cmp::Ordering::Equal) => Standing::Same,
            Some(std::cmp::Ordering::Less) => Standing::Below,
            Some(std::cmp::Ordering::Greater) => Standing::Above,
        }
    }

    /// True when the interviewees disagree on any indicator.
    pub fn disagreement(&self) -> bool {
        self.indicators.iter().any(IndicatorVotes::disputed)
    }
    /// The indicators more than half of the interviewees said are met.
    pub fn majority(&self) -> Vec<String> {
        self.indicators.iter().filter(|v| v.majority_met()).map(|v| v.id.clone()).collect()
    }
}

/// How one interviewee's level stands in a practice's answers (the heatmap's rule).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Standing {
    /// The level more than half of the interviewees hold (or all agree).
    Same,
    /// Below that level.
    Below,
    /// Above it.
    Above,
    /// No level is held by more than half, and the levels differ.
    Split,
}

/// The formula of the spread, shown wherever it is.
pub const SPREAD_FORMULA: &str = "Spread = the highest level derived from one interviewee's answers minus the lowest. \
     Each level is derived as in the assessment: a level counts when all its indicators and those of every lower level are met. \
     The spread is SMM Navigator's own figure; the SMM does not define one.";

/// The consolidation of every practice that has answers, in catalogue order.
/// When an interviewee answered the same practice in two interviews, the later
/// interview's answer counts.
pub fn consensus(catalogue: &Catalogue, assessment: &Assessment) -> Vec<PracticeConsensus> {
    let mut out = Vec::new();
    for practice in &catalogue.practices {
        let mut by_person: Vec<(String, &Answer)> = Vec::new();
        for interview in &assessment.interviews {
            for r in &interview.responses {
                if let Some(a) = r.answers.get(&practice.id) {
                    match by_person.iter_mut().find(|(n, _)| *n == r.interviewee) {
                        Some(slot) => slot.1 = a,
                        None => by_person.push((r.interviewee.clone(), a)),
                    }
                }
            }
        }
        if by_person.is_empty() {
            continue;
        }
        let opinions: Vec<Opinion> = by_person
            .iter()
            .map(|(name, a)| {
                let result = PracticeResult { indicators_met: a.indicators_met.clone(), ..PracticeResult::default() };
                Opinion {
                    interviewee: name.clone(),
                    level: derived_level(practice, assessment.metadata.role, &result),
                    notes: a.notes.clone(),
                }
            })
            .collect();
        let levels = opinions.iter().map(|o| o.level.get());
        let spread = levels.clone().max().unwrap_or(0) - levels.min().unwrap_or(0);
        let current = assessment.results.get(&practice.id);
        let indicators = practice
            .levels
            .iter()
            .flat_map(|l| l.indicators.iter().map(move |i| (l.level, i)))
            .map(|(level, ind)| {
                let (met, not_met): (Vec<_>, Vec<_>) =
                    by_person.iter().partition(|(_, a)| a.indicators_met.contains(&ind.id));
                IndicatorVotes {
                    id: ind.id.clone(),
                    level,
                    met: met.into_iter().map(|(n, _)| n.clone()).collect(),
                    not_met: not_met.into_iter().map(|(n, _)| n.clone()).collect(),
                    in_result: current.is_some_and(|r| r.is_met(&ind.id)),
                    applies: ind.applies_to(assessment.metadata.role),
                }
            })
            .collect();
        out.push(PracticeConsensus {
            practice: practice.id.clone(),
            opinions,
            spread,
            indicators,
            resolution: assessment.consensus.get(&practice.id).cloned(),
        });
    }
    out
}

/// Every interviewee of the assessment, in the order first imported.
pub fn interviewees(assessment: &Assessment) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    for r in assessment.interviews.iter().flat_map(|i| &i.responses) {
        if !names.contains(&r.interviewee) {
            names.push(r.interviewee.clone());
        }
    }
    names
}
