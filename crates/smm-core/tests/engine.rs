//! The scoring engine: derived level, gaps, roll-ups, roadmap; with property tests.

use proptest::prelude::*;
use smm_core::engine::{derived_level, gap_analysis, practice_gap, roadmap, rollups, GapStatus, Rollup};
use smm_core::{Assessment, Catalogue, Level, NotApplicable, Override, PracticeResult, Priority, Role, Scope, Target};

fn cat() -> &'static Catalogue {
    Catalogue::builtin()
}

fn lv(n: u8) -> Level {
    Level::new(n).unwrap()
}

/// A result with every indicator of levels 1..=n met.
fn met_up_to(practice_id: &str, n: u8) -> PracticeResult {
    let p = cat().practice(practice_id).unwrap();
    PracticeResult {
        indicators_met: p.indicators().filter(|(l, _)| l.level.get() <= n).map(|(_, i)| i.id.clone()).collect(),
        ..PracticeResult::default()
    }
}

#[test]
fn derived_level_is_cumulative() {
    let p = cat().practice("threat-modeling").unwrap();
    assert_eq!(derived_level(p, Role::AssetOwner, &PracticeResult::default()), lv(0));
    assert_eq!(derived_level(p, Role::AssetOwner, &met_up_to("threat-modeling", 2)), lv(2));
    assert_eq!(derived_level(p, Role::AssetOwner, &met_up_to("threat-modeling", 4)), lv(4));
    // Everything of levels 2-4 but one level-1 indicator missing: level 0.
    let mut r = met_up_to("threat-modeling", 4);
    r.indicators_met.retain(|i| i != "threat-modeling.1.a");
    assert_eq!(derived_level(p, Role::AssetOwner, &r), lv(0));
    // Levels 1 and 3 complete, one level-2 indicator missing: level 1.
    let mut r = met_up_to("threat-modeling", 3);
    r.indicators_met.retain(|i| i != "threat-modeling.2.b");
    assert_eq!(derived_level(p, Role::AssetOwner, &r), lv(1));
}

/// The practices and levels with an indicator for some roles only, with it.
fn role_limited() -> Vec<(&'static smm_core::Practice, Level, &'static smm_core::Indicator)> {
    cat()
        .practices
        .iter()
        .flat_map(|p| p.indicators().filter(|(_, i)| !i.roles.is_empty()).map(move |(l, i)| (p, l.level, i)))
        .collect()
}

#[test]
fn an_indicator_for_other_roles_neither_blocks_nor_counts() {
    let limited = role_limited();
    assert!(!limited.is_empty(), "the catalogue has indicators for some roles only");
    for (p, level, ind) in limited {
        // Everything up to `level` met except this indicator.
        let mut r = met_up_to(&p.id, level.get());
        r.indicators_met.retain(|i| *i != ind.id);
        for role in Role::ALL {
            let d = derived_level(p, role, &r);
            if ind.applies_to(role) {
                assert!(d < level, "{} blocks {} at level {level}, yet {role:?} reached {d}", ind.id, p.id);
            } else {
                assert_eq!(d, level, "{} is not for {role:?} but kept {} below level {level}", ind.id, p.id);
            }
        }
        // Met alone, it lifts no role past a level whose own indicators are missing.
        let only = PracticeResult { indicators_met: vec![ind.id.clone()], ..PracticeResult::default() };
        for role in Role::ALL.into_iter().filter(|r| !ind.applies_to(*r)) {
            assert_eq!(derived_level(p, role, &only), lv(0), "{} alone gave {role:?} a level", ind.id);
        }
    }
}

#[test]
fn the_roadmap_lists_only_the_indicators_that_count_for_the_role() {
    for (p, level, ind) in role_limited() {
        for role in Role::ALL {
            let mut a = Assessment::new("a", "Roadmap", role);
            a.targets.insert(p.id.clone(), Target::new(level, Scope::General));
            a.results.insert(p.id.clone(), PracticeResult::default());
            let steps = roadmap(cat(), &a, &gap_analysis(cat(), &a));
            let step = steps.iter().find(|s| s.practice == p.id && s.level == level).expect("a step to the level");
            assert_eq!(step.unmet_indicators.contains(&ind.id), ind.applies_to(role), "{} for {role:?}", ind.id);
        }
    }
}

#[test]
fn gap_statuses_shortfall_excess_and_scope() {
    let p = cat().practice("patch-management").unwrap();
    let t3 = Target::new(lv(3), Scope::Industry);
    let g = practice_gap(p, Role::AssetOwner, Some(&t3), None);
    assert_eq!((g.status, g.achieved, g.shortfall), (GapStatus::NotAssessed, None, 0));

    let g = practice_gap(p, Role::AssetOwner, Some(&t3), Some(&met_up_to("patch-management", 1)));
    assert_eq!((g.status, g.shortfall, g.excess), (GapStatus::BelowTarget, 2, 0));
    assert!(g.scope_shortfall, "general result against an industry target");

    let mut r = met_up_to("patch-management", 3);
    r.scope = Scope::System;
    let g = practice_gap(p, Role::AssetOwner, Some(&t3), Some(&r));
    assert_eq!((g.status, g.shortfall, g.excess, g.scope_shortfall), (GapStatus::OnTarget, 0, 0, false));

    let g = practice_gap(
        p,
        Role::AssetOwner,
        Some(&Target::new(lv(1), Scope::General)),
        Some(&met_up_to("patch-management", 4)),
    );
    assert_eq!((g.status, g.shortfall, g.excess), (GapStatus::AboveTarget, 0, 3));

    let g = practice_gap(p, Role::AssetOwner, None, Some(&met_up_to("patch-management", 2)));
    assert_eq!((g.status, g.achieved), (GapStatus::NoTarget, Some(lv(2))));

    let na = Target {
        not_applicable: Some(NotApplicable { reason: "No field devices".into() }),
        ..Target::new(lv(4), Scope::General)
    };
    let g = practice_gap(p, Role::AssetOwner, Some(&na), Some(&met_up_to("patch-management", 1)));
    assert_eq!((g.status, g.target, g.achieved, g.shortfall), (GapStatus::NotApplicable, None, None, 0));
}

#[test]
fn an_override_counts_and_stays_visible() {
    let p = cat().practice("access-control").unwrap();
    let mut r = met_up_to("access-control", 1);
    r.level_override = Some(Override { level: lv(3), justification: "Audit report AC-2026-04".into() });
    let g = practice_gap(p, Role::AssetOwner, Some(&Target::new(lv(3), Scope::General)), Some(&r));
    assert_eq!(g.achieved, Some(lv(3)));
    assert_eq!(g.derived_level, Some(lv(1)));
    assert_eq!(g.status, GapStatus::OnTarget);
    assert_eq!(g.level_override.unwrap().justification, "Audit report AC-2026-04");
}

#[test]
fn rollups_count_by_group() {
    let mut a = Assessment::new("t", "Test", Role::AssetOwner);
    a.targets.insert("threat-modeling".into(), Target::new(lv(3), Scope::General));
    a.targets.insert("risk-attitude".into(), Target::new(lv(2), Scope::General));
    a.targets.insert("patch-management".into(), Target::new(lv(1), Scope::General));
    a.results.insert("threat-modeling".into(), met_up_to("threat-modeling", 1));
    a.results.insert("patch-management".into(), met_up_to("patch-management", 3));
    let gaps = gap_analysis(cat(), &a);
    let r = rollups(cat(), &gaps);
    assert_eq!(r.overall.practices, 18);
    assert_eq!(r.overall.with_target, 3);
    assert_eq!(r.overall.on_or_above_target, 1);
    assert_eq!(r.overall.total_shortfall, 2);
    assert_eq!(r.overall.above_target, 1);
    assert_eq!(r.overall.total_excess, 2);
    assert_eq!(r.overall.not_assessed, 16);
    let tm = r.subdomains.iter().find(|s| s.id == "threat-modeling").unwrap();
    assert_eq!((tm.rollup.with_target, tm.rollup.total_shortfall, tm.rollup.not_assessed), (2, 2, 1));
    let hardening = r.domains.iter().find(|d| d.id == "hardening").unwrap();
    assert_eq!((hardening.rollup.on_or_above_target, hardening.rollup.above_target), (1, 1));
    assert_eq!(r.overall.on_target_percent(), Some(33));
}

#[test]
fn roadmap_orders_by_priority_then_shortfall_then_catalogue() {
    let mut a = Assessment::new("t", "Test", Role::AssetOwner);
    for id in ["security-program-management", "threat-modeling", "access-control", "patch-management"] {
        a.results.insert(id.into(), met_up_to(id, 1));
    }
    a.targets.insert("security-program-management".into(), Target::new(lv(2), Scope::General));
    a.targets.insert("threat-modeling".into(), Target::new(lv(4), Scope::General));
    a.targets.insert("access-control".into(), Target::new(lv(3), Scope::General));
    a.targets.insert("patch-management".into(), Target::new(lv(2), Scope::General));
    a.priorities.domains.insert("hardening".into(), Priority::High);
    a.priorities.domains.insert("governance".into(), Priority::Low);
    a.priorities.subdomains.insert("identity-and-access-management".into(), Priority::High);
    let gaps = gap_analysis(cat(), &a);
    let steps = roadmap(cat(), &a, &gaps);
    let ids: Vec<&str> = steps.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "patch-management@2",
            "access-control@2",
            "access-control@3",
            "threat-modeling@2",
            "threat-modeling@3",
            "threat-modeling@4",
            "security-program-management@2",
        ]
    );
    let step = &steps[0];
    let level2 = cat().practice("patch-management").unwrap().level(lv(2)).unwrap();
    assert_eq!(step.actions, level2.actions);
    assert_eq!(step.unmet_indicators.len(), level2.indicators.len());
}

#[test]
fn roadmap_lists_only_unmet_indicators() {
    let mut a = Assessment::new("t", "Test", Role::ProductSupplier);
    let mut r = met_up_to("vulnerability-assessment", 1);
    r.indicators_met.push("vulnerability-assessment.2.a".into());
    a.results.insert("vulnerability-assessment".into(), r);
    a.targets.insert("vulnerability-assessment".into(), Target::new(lv(2), Scope::General));
    let steps = roadmap(cat(), &a, &gap_analysis(cat(), &a));
    assert_eq!(steps.len(), 1);
    assert!(!steps[0].unmet_indicators.contains(&"vulnerability-assessment.2.a".to_string()));
    assert!(steps[0].unmet_indicators.contains(&"vulnerability-assessment.2.b".to_string()));
}

/// A random assessment over the real catalogue: per practice, maybe a target
/// (maybe not applicable), maybe a result with a random subset of indicators,
/// maybe an override; random priorities.
fn arb_assessment() -> impl Strategy<Value = Assessment> {
    let n = cat().practices.len();
    let per_practice = (
        prop::option::of((0u8..=4, 0usize..3, any::<bool>())),
        prop::option::of((prop::collection::vec(any::<bool>(), 30), prop::option::of(0u8..=4), 0usize..3)),
    );
    (prop::collection::vec(per_practice, n), prop::collection::vec(0usize..3, 12)).prop_map(|(practices, prios)| {
        let c = cat();
        let mut a = Assessment::new("p", "Property", Role::AssetOwner);
        let pr = [Priority::High, Priority::Medium, Priority::Low];
        for (i, d) in c.domains.iter().enumerate() {
            a.priorities.domains.insert(d.id.clone(), pr[prios[i]]);
        }
        for (i, s) in c.domains.iter().flat_map(|d| &d.subdomains).enumerate() {
            a.priorities.subdomains.insert(s.id.clone(), pr[prios[3 + i]]);
        }
        for (p, (target, result)) in c.practices.iter().zip(practices) {
            if let Some((level, scope, na)) = target {
                let mut t = Target::new(lv(level), Scope::ALL[scope]);
                if na {
                    t.not_applicable = Some(NotApplicable { reason: "n/a".into() });
                }
                a.targets.insert(p.id.clone(), t);
            }
            if let Some((mask, ov, scope)) = result {
                let met = p.indicators().zip(mask.iter().cycle()).filter(|(_, m)| **m).map(|((_, i), _)| i.id.clone());
                a.results.insert(
                    p.id.clone(),
                    PracticeResult {
                        indicators_met: met.collect(),
                        scope: Scope::ALL[scope],
                        level_override: ov.map(|l| Override { level: lv(l), justification: "x".into() }),
                        ..PracticeResult::default()
                    },
                );
            }
        }
        a
    })
}

proptest! {
    #[test]
    fn derived_level_matches_the_cumulative_rule(a in arb_assessment()) {
        for (id, r) in &a.results {
            let p = cat().practice(id).unwrap();
            let d = derived_level(p, a.metadata.role, r);
            // Every indicator of levels 1..=d that applies to the role is met.
            for (l, i) in p.indicators() {
                if l.level <= d && i.applies_to(a.metadata.role) {
                    prop_assert!(r.is_met(&i.id));
                }
            }
            // Level d+1, if there is one, has an unmet indicator for the role.
            if let Some(next) = Level::new(d.get() + 1) {
                let l = p.level(next).unwrap();
                prop_assert!(l.indicators_for(a.metadata.role).any(|i| !r.is_met(&i.id)));
            }
        }
    }

    #[test]
    fn shortfall_and_excess_are_never_both_positive(a in arb_assessment()) {
        for g in gap_analysis(cat(), &a) {
            prop_assert!(g.shortfall == 0 || g.excess == 0);
            match g.status {
                GapStatus::BelowTarget => prop_assert!(g.shortfall > 0),
                GapStatus::AboveTarget => prop_assert!(g.excess > 0),
                _ => prop_assert!(g.shortfall == 0 && g.excess == 0),
            }
            if let (Some(t), Some(ach)) = (g.target, g.achieved) {
                prop_assert_eq!(i16::from(t.level.get()) - i16::from(ach.get()), i16::from(g.shortfall) - i16::from(g.excess));
            }
        }
    }

    #[test]
    fn not_applicable_practices_are_excluded_from_every_rollup(a in arb_assessment()) {
        let gaps = gap_analysis(cat(), &a);
        let r = rollups(cat(), &gaps);
        let applicable: Vec<_> = gaps.iter().filter(|g| g.status != GapStatus::NotApplicable).cloned().collect();
        let without = Rollup::of(&applicable);
        let na = (gaps.len() - applicable.len()) as u32;
        prop_assert_eq!(r.overall.not_applicable, na);
        prop_assert_eq!(Rollup { practices: without.practices + na, not_applicable: na, ..without }, r.overall);
        // Changing a not-applicable practice's result changes no figure.
        let mut b = a.clone();
        for (id, t) in &a.targets {
            if !t.is_applicable() {
                b.results.insert(id.clone(), met_up_to(id, 4));
            }
        }
        prop_assert_eq!(rollups(cat(), &gap_analysis(cat(), &b)), r.clone());
        // Domains add up to the whole.
        let sum: u32 = r.domains.iter().map(|d| d.rollup.total_shortfall).sum();
        prop_assert_eq!(sum, r.overall.total_shortfall);
        let sum: u32 = r.subdomains.iter().map(|d| d.rollup.with_target).sum();
        prop_assert_eq!(sum, r.overall.with_target);
    }

    #[test]
    fn roadmap_steps_exactly_cover_every_shortfall(a in arb_assessment()) {
        let gaps = gap_analysis(cat(), &a);
        let steps = roadmap(cat(), &a, &gaps);
        let total: u32 = gaps.iter().map(|g| u32::from(g.shortfall)).sum();
        prop_assert_eq!(steps.len() as u32, total);
        for g in &gaps {
            let mine: Vec<u8> = steps.iter().filter(|s| s.practice == g.id).map(|s| s.level.get()).collect();
            if g.shortfall > 0 {
                let from = g.achieved.unwrap().get() + 1;
                let to = g.target.unwrap().level.get();
                prop_assert_eq!(mine, (from..=to).collect::<Vec<_>>());
            } else {
                prop_assert!(mine.is_empty());
            }
        }
        // Ordered by priority keys.
        for w in steps.windows(2) {
            prop_assert!((w[0].domain_priority, w[0].subdomain_priority) <= (w[1].domain_priority, w[1].subdomain_priority));
        }
    }
}
