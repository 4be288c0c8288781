//! Changes to the result of one practice.

use crate::model::assessment::PracticeResult;
use crate::model::catalogue::Practice;

/// Marks indicator `id` met or not met in `result`. The list of met indicators
/// keeps one order whoever edits it (the assess view, the resolution of
/// interviews, a workbook): the catalogue's order, then any other id (a
/// profile's) in the order it was met.
pub fn set_met(result: &mut PracticeResult, practice: &Practice, id: &str, met: bool) {
    result.indicators_met.retain(|x| x != id);
    if met {
        result.indicators_met.push(id.to_string());
    }
    order_met(&mut result.indicators_met, practice);
}

/// Puts `met` in the canonical order of [`set_met`].
pub fn order_met(met: &mut [String], practice: &Practice) {
    let rank = |id: &str| practice.indicators().position(|(_, i)| i.id == id).unwrap_or(usize::MAX);
    met.sort_by_key(|id| rank(id));
}
