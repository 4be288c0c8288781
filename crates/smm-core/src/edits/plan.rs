//! Changes to the roadmap plan: a step's status, kept with its history.

use crate::base::limits::MAX_STEP_HISTORY;
use crate::model::assessment::{Assessment, StatusChange, StepStatus};

/// Sets the status of step `step` and records the change (date `on`, and a
/// note) in its history. Setting the status it already has records nothing.
/// The history keeps the newest [`MAX_STEP_HISTORY`] changes.
pub fn set_step_status(a: &mut Assessment, step: &str, status: StepStatus, on: &str, note: &str) {
    // Nothing to record, and no entry made, when the status is the one it has.
    if a.plan.get(step).map_or(StepStatus::Planned, |p| p.status) == status {
        return;
    }
    let plan = a.plan.entry(step.to_string()).or_default();
    plan.status = status;
    plan.history.push(StatusChange { on: on.get(..10).unwrap_or(on).to_string(), status, note: note.trim().into() });
    let over = plan.history.len().saturating_sub(MAX_STEP_HISTORY);
    plan.history.drain(..over);
}
