//! Progress against the plan (SMM Navigator's own figure): how the roadmap
//! steps that were planned stand now.
//!
//! A step is *reached* when its plan entry remains, the roadmap no longer
//! lists it and the practice achieves that level now (a planned step that left
//! the roadmap because the target went down or the practice stopped applying
//! is *dropped*, and counts in neither); *marked done* when its
//! status says done but the assessment does not yet show the level; *overdue*
//! when it is still on the roadmap, not marked done, and its due date is past.

use std::collections::HashSet;

use serde::Serialize;

use crate::base::text::is_iso_date_prefix;
use crate::engine::gaps::{GapStatus, PracticeGap, RoadmapStep};
use crate::model::assessment::{Assessment, StepStatus};

/// The figures of progress against the plan.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct PlanProgress {
    /// Steps the plan or the roadmap knows: `open + reached`.
    pub steps: usize,
    /// Steps still on the roadmap.
    pub open: usize,
    /// Planned steps no longer on the roadmap because the level is achieved.
    pub reached: usize,
    /// Planned steps no longer on the roadmap for another reason (target lowered, not applicable).
    pub dropped: usize,
    /// Open steps marked done, waiting for the assessment to show the level.
    pub marked_done: usize,
    /// Open steps in progress.
    pub in_progress: usize,
    /// Open steps planned or without a plan.
    pub planned: usize,
    /// Ids of open steps past their due date and not marked done.
    pub overdue: Vec<String>,
    /// Open steps with an owner.
    pub with_owner: usize,
}

/// How the formula reads, for the report.
pub const PROGRESS_FORMULA: &str = "reached = planned steps no longer on the roadmap (the level is achieved); \
open = steps on the roadmap, split by their status; overdue = open steps past their due date and not marked done. \
Progress = reached / (reached + open). SMM Navigator's own figure; the SMM defines none.";

/// Progress of the plan of `a`, whose gap analysis is `gaps` and current
/// roadmap `roadmap`, on `today` (`YYYY-MM-DD`).
pub fn plan_progress(a: &Assessment, gaps: &[PracticeGap], roadmap: &[RoadmapStep], today: &str) -> PlanProgress {
    let on_roadmap: HashSet<&str> = roadmap.iter().map(|s| s.id.as_str()).collect();
    let mut p = PlanProgress { open: roadmap.len(), ..PlanProgress::default() };
    for step in roadmap {
        let plan = a.plan.get(&step.id);
        match plan.map(|x| x.status).unwrap_or_default() {
            StepStatus::Done => p.marked_done += 1,
            StepStatus::InProgress => p.in_progress += 1,
            StepStatus::Planned => p.planned += 1,
        }
        if let Some(plan) = plan {
            if !plan.owner.trim().is_empty() {
                p.with_owner += 1;
            }
            let late = is_iso_date_prefix(&plan.due) && is_iso_date_prefix(today) && plan.due[..10] < today[..10];
            if late && plan.status != StepStatus::Done {
                p.overdue.push(step.id.clone());
            }
        }
    }
    for id in a.plan.keys().filter(|id| !on_roadmap.contains(id.as_str())) {
        let achieved = id.split_once('@').and_then(|(practice, level)| {
            let level: u8 = level.parse().ok()?;
            let gap = gaps.iter().find(|g| g.id == practice)?;
            Some(gap.status != GapStatus::NotApplicable && gap.achieved.is_some_and(|l| l.get() >= level))
        });
        if achieved == Some(true) {
            p.reached += 1;
        } else {
            p.dropped += 1;
        }
    }
    p.steps = p.open + p.reached;
    p
}

impl PlanProgress {
    /// Percent of steps reached, rounded down; `None` without steps.
    pub fn percent_reached(&self) -> Option<usize> {
        (self.steps > 0).then(|| self.reached * 100 / self.steps)
    }
}
