//! The scope an achieved level covers, derived from the profile indicators met.

use crate::base::level::{Level, Scope};
use crate::base::role::Role;
use crate::model::assessment::PracticeResult;
use crate::model::profile::{Profile, ProfileEntry};

/// The scope a result covers, from the profiles' indicators: system when every
/// industry and system indicator of the applied profiles for this practice, at
/// the achieved level and below, that applies to `role` is met (and there is
/// system guidance); else industry likewise; else general. `None` when no
/// applied profile has guidance for the practice (the assessor then states the
/// scope).
pub fn derived_scope(
    practice: &str,
    achieved: Level,
    role: Role,
    result: &PracticeResult,
    profiles: &[&Profile],
) -> Option<Scope> {
    let entries: Vec<&ProfileEntry> = profiles.iter().flat_map(|p| p.entries_for(practice)).collect();
    if entries.is_empty() {
        return None;
    }
    if achieved == Level::NONE {
        return Some(Scope::General);
    }
    // An entry with no indicator for the role gives that role no guidance to
    // meet: it neither counts as met nor as guidance there is.
    let counted = |scope: Scope| {
        entries
            .iter()
            .filter(move |e| e.scope == scope && e.level <= achieved && e.indicators.iter().any(|i| i.applies_to(role)))
    };
    let met = |scope: Scope| {
        counted(scope).all(|e| e.indicators.iter().filter(|i| i.applies_to(role)).all(|i| result.is_met(&i.id)))
    };
    let has = |scope: Scope| counted(scope).next().is_some();
    let industry = met(Scope::Industry);
    Some(if industry && met(Scope::System) && has(Scope::System) {
        Scope::System
    } else if industry && has(Scope::Industry) {
        Scope::Industry
    } else {
        Scope::General
    })
}
