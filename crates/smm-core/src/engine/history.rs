//! The trend of each practice across snapshots, and the comparison of any two
//! assessments (or snapshots).

use serde::Serialize;

use crate::base::level::Level;
use crate::engine::gaps::{gap_analysis, GapStatus, PracticeGap, TargetLevel};
use crate::model::assessment::Assessment;
use crate::model::catalogue::Catalogue;
use crate::model::history::Snapshot;

/// One practice's achieved level across snapshots, against the current target.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PracticeTrend {
    /// Practice id.
    pub practice: String,
    /// The current target (`None` if not set or not applicable).
    pub target: Option<TargetLevel>,
    /// Achieved level per snapshot, in snapshot order, then the current state last
    /// (`None` where not assessed or not applicable).
    pub achieved: Vec<Option<Level>>,
}

/// The trend of every practice: achieved levels in each snapshot and now, against the current target.
pub fn trend(catalogue: &Catalogue, current: &Assessment, snapshots: &[Snapshot]) -> Vec<PracticeTrend> {
    let columns: Vec<Vec<PracticeGap>> = snapshots
        .iter()
        .map(|s| gap_analysis(catalogue, &s.assessment))
        .chain(std::iter::once(gap_analysis(catalogue, current)))
        .collect();
    let now = &columns[columns.len() - 1];
    now.iter()
        .enumerate()
        .map(|(i, g)| PracticeTrend {
            practice: g.id.clone(),
            target: g.target,
            achieved: columns.iter().map(|c| c[i].achieved).collect(),
        })
        .collect()
}

/// How one practice changed between two assessments.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Change {
    /// The achieved level went up.
    Improved,
    /// The achieved level went down.
    Regressed,
    /// Same achieved level (or neither assessed).
    Unchanged,
    /// Assessed now, not before.
    NewlyAssessed,
    /// Assessed before, not now.
    NoLongerAssessed,
}

/// One practice compared between two assessments.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PracticeComparison {
    /// Practice id.
    pub practice: String,
    /// The gap analysis in the first (older) assessment.
    pub before: PracticeGap,
    /// The gap analysis in the second (newer) assessment.
    pub after: PracticeGap,
    /// How the achieved level moved.
    pub change: Change,
    /// True when the target level or scope differs.
    pub target_changed: bool,
}

/// Compares two assessments practice by practice.
pub fn compare(catalogue: &Catalogue, before: &Assessment, after: &Assessment) -> Vec<PracticeComparison> {
    gap_analysis(catalogue, before)
        .into_iter()
        .zip(gap_analysis(catalogue, after))
        .map(|(b, a)| {
            let change = match (b.achieved, a.achieved) {
                (Some(x), Some(y)) if y > x => Change::Improved,
                (Some(x), Some(y)) if y < x => Change::Regressed,
                (None, Some(_)) => Change::NewlyAssessed,
                (Some(_), None) => Change::NoLongerAssessed,
                _ => Change::Unchanged,
            };
            let target_changed = b.target != a.target
                || (b.status == GapStatus::NotApplicable) != (a.status == GapStatus::NotApplicable);
            PracticeComparison { practice: b.id.clone(), before: b, after: a, change, target_changed }
        })
        .collect()
}
