//! Changes to the result of one practice.

use crate::model::assessment::{Assessment, PracticeResult};
use crate::model::catalogue::Practice;

/// Marks indicator `id` met or not met in `result`. The list of met indicators
/// keeps one order whoever edits it (the assess view, the resolution of
/// interviews): the catalogue's order, then any other id (a profile's) in the
/// order of its text, so that the same answers always make the same file.
pub fn set_met(result: &mut PracticeResult, practice: &Practice, id: &str, met: bool) {
    set_in(&mut result.indicators_met, practice, id, met);
}

/// [`set_met`] on any list of met indicator ids (an interviewee's answer too).
pub fn set_in(list: &mut Vec<String>, practice: &Practice, id: &str, met: bool) {
    list.retain(|x| x != id);
    if met {
        list.push(id.to_string());
    }
    order_met(list, practice);
}

/// Stops using profile `profile`: it leaves the assessment's list, and its
/// indicators leave every result with it.
pub fn drop_profile(assessment: &mut Assessment, profile: &str) {
    assessment.profiles.retain(|x| x != profile);
    let prefix = format!("{profile}.");
    for r in assessment.results.values_mut() {
        r.indicators_met.retain(|i| !i.starts_with(&prefix));
    }
}

/// Puts `met` in the canonical order of [`set_met`]. (No general sort: the
/// lists are short, and a sort's machinery would cost the workbench bundle
/// more than this.)
pub fn order_met(met: &mut Vec<String>, practice: &Practice) {
    let mut ordered: Vec<String> =
        practice.indicators().map(|(_, i)| &i.id).filter(|id| met.contains(id)).cloned().collect();
    let first_other = ordered.len();
    for id in met.iter() {
        if practice.indicators().all(|(_, i)| i.id != *id) {
            let at = ordered[first_other..].iter().position(|o| o > id).map_or(ordered.len(), |p| first_other + p);
            ordered.insert(at, id.clone());
        }
    }
    *met = ordered;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::catalogue::Catalogue;

    #[test]
    fn the_order_is_the_same_whatever_the_order_of_clicks() {
        let cat = Catalogue::builtin();
        let p = &cat.practices[0];
        let ids: Vec<String> = p.indicators().map(|(_, i)| i.id.clone()).take(4).collect();
        let profile = ["retail-pos.x.1.industry.b".to_string(), "retail-pos.x.1.industry.a".to_string()];
        let (mut a, mut b) = (PracticeResult::default(), PracticeResult::default());
        for id in ids.iter().rev().chain(profile.iter()) {
            set_met(&mut a, p, id, true);
        }
        for id in profile.iter().rev().chain(ids.iter()) {
            set_met(&mut b, p, id, true);
        }
        assert_eq!(a.indicators_met, b.indicators_met);
        assert_eq!(&a.indicators_met[..4], &ids[..]);
        assert_eq!(a.indicators_met[4], "retail-pos.x.1.industry.a");
        set_met(&mut a, p, &ids[1], false);
        assert!(!a.is_met(&ids[1]) && a.indicators_met.len() == 5);
    }
}
