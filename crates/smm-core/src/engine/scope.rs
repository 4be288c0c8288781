//! The scope an achieved level covers, derived from the profile indicators met.

use crate::base::level::{Level, Scope};
use crate::model::assessment::PracticeResult;
use crate::model::profile::{Profile, ProfileEntry};

/// The scope a result covers, from the profiles' indicators: system when every
/// industry and system indicator of the applied profiles for this practice, at
/// the achieved level and below, is met (and there is system guidance); else
/// industry likewise; else general. `None` when no applied profile has guidance
/// for the practice (the assessor then states the scope).
pub fn derived_scope(practice: &str, achieved: Level, result: &PracticeResult, profiles: &[&Profile]) -> Option<Scope> {
    let entries: Vec<&ProfileEntry> = profiles.iter().flat_map(|p| p.entries_for(practice)).collect();
    if entries.is_empty() {
        return None;
    }
    if achieved == Level::NONE {
        return Some(Scope::General);
    }
    let met = |scope: Scope| {
        entries
            .iter()
            .filter(|e| e.scope == scope && e.level <= achieved)
            .all(|e| e.indicators.iter().all(|i| result.is_met(&i.id)))
    };
    let has = |scope: Scope| entries.iter().any(|e| e.scope == scope && e.level <= achieved);
    let industry = met(Scope::Industry);
    Some(if industry && met(Scope::System) && has(Scope::System) {
        Scope::System
    } else if industry && has(Scope::Industry) {
        Scope::Industry
    } else {
        Scope::General
    })
}
