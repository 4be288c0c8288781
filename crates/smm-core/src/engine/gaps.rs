//! The scoring engine: derived level, gap analysis, roll-ups and roadmap.
//!
//! Pure functions over a [`Catalogue`] and an [`Assessment`]. The SMM scores at
//! the practice level only; every roll-up here is SMM Navigator's own, and its
//! formula is in [`ROLLUP_FORMULAS`] so that the app and the reports can show it.

use serde::Serialize;

use crate::base::level::{Level, Scope};
use crate::model::assessment::{Assessment, Override, PracticeResult, Priority, Role, Target};
use crate::model::catalogue::{Catalogue, Practice};

/// The derived level of a practice for an assessment of `role`: the highest
/// level `L` such that every indicator of levels 1..=L that applies to the
/// role is met; 0 if any such level-1 indicator is missing. Levels are
/// cumulative, so indicators met at level 3 count for nothing while a level-2
/// indicator is missing. Indicators for other roles only (say, an advisory
/// only a product's supplier can publish) neither block nor count: a role
/// reaches each level on the evidence it can produce.
pub fn derived_level(practice: &Practice, role: Role, result: &PracticeResult) -> Level {
    let mut achieved = Level::NONE;
    for level in &practice.levels {
        if level.indicators_for(role).all(|i| result.is_met(&i.id)) {
            achieved = level.level;
        } else {
            break;
        }
    }
    achieved
}

/// True when every indicator of `level` of `practice` that applies to `role`
/// is met in `result` (that level alone; [`derived_level`] asks it of every
/// level up to one).
pub fn level_met(practice: &Practice, level: Level, role: Role, result: &PracticeResult) -> bool {
    practice.level(level).is_some_and(|pl| pl.indicators_for(role).all(|i| result.is_met(&i.id)))
}

/// The level that counts for a practice: the override if there is one, else the derived level.
pub fn achieved_level(practice: &Practice, role: Role, result: &PracticeResult) -> Level {
    result.level_override.as_ref().map_or_else(|| derived_level(practice, role, result), |o| o.level)
}

/// Where a practice stands against its target.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum GapStatus {
    /// Marked not applicable: left out of every roll-up and of the roadmap.
    NotApplicable,
    /// No result recorded yet.
    NotAssessed,
    /// Assessed, but no target set.
    NoTarget,
    /// Achieved level below the target level.
    BelowTarget,
    /// Achieved level equal to the target level.
    OnTarget,
    /// Achieved level above the target: possible over-investment, not a win.
    AboveTarget,
}

impl GapStatus {
    /// The stable id, as in files and reports.
    pub const fn id(self) -> &'static str {
        match self {
            GapStatus::NotApplicable => "not-applicable",
            GapStatus::NotAssessed => "not-assessed",
            GapStatus::NoTarget => "no-target",
            GapStatus::BelowTarget => "below-target",
            GapStatus::OnTarget => "on-target",
            GapStatus::AboveTarget => "above-target",
        }
    }

    /// A short label for people.
    pub const fn label(self) -> &'static str {
        match self {
            GapStatus::NotApplicable => "Not applicable",
            GapStatus::NotAssessed => "Not assessed",
            GapStatus::NoTarget => "No target",
            GapStatus::BelowTarget => "Below target",
            GapStatus::OnTarget => "On target",
            GapStatus::AboveTarget => "Above target (possible over-investment)",
        }
    }
}

/// A target level and scope, as reported.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct TargetLevel {
    /// Target level.
    pub level: Level,
    /// Target scope.
    pub scope: Scope,
}

/// The gap analysis of one practice.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PracticeGap {
    /// Practice id.
    pub id: String,
    /// Level and scope of the target; `None` when not applicable or not set.
    pub target: Option<TargetLevel>,
    /// The level that counts (override or derived); `None` when not assessed.
    pub achieved: Option<Level>,
    /// The scope of the result; `None` when not assessed.
    pub achieved_scope: Option<Scope>,
    /// The level derived from the indicators met; `None` when not assessed.
    pub derived_level: Option<Level>,
    /// The assessor's override, shown as such.
    #[serde(rename = "override")]
    pub level_override: Option<Override>,
    /// See [`GapStatus`].
    pub status: GapStatus,
    /// Target minus achieved when positive, else 0.
    pub shortfall: u8,
    /// Achieved minus target when positive, else 0: possible over-investment.
    pub excess: u8,
    /// True when the achieved scope is narrower than the target scope.
    pub scope_shortfall: bool,
}

/// Gap analysis of one practice, for an assessment of `role`.
pub fn practice_gap(
    practice: &Practice,
    role: Role,
    target: Option<&Target>,
    result: Option<&PracticeResult>,
) -> PracticeGap {
    let derived = result.map(|r| derived_level(practice, role, r));
    let achieved = result.map(|r| achieved_level(practice, role, r));
    let applicable = target.is_none_or(Target::is_applicable);
    let target_level = target.filter(|t| t.is_applicable()).map(|t| TargetLevel { level: t.level, scope: t.scope });
    let (status, shortfall, excess, scope_shortfall) = match (applicable, achieved, target_level) {
        (false, _, _) => (GapStatus::NotApplicable, 0, 0, false),
        (true, None, _) => (GapStatus::NotAssessed, 0, 0, false),
        (true, Some(_), None) => (GapStatus::NoTarget, 0, 0, false),
        (true, Some(a), Some(t)) => {
            let shortfall = t.level.get().saturating_sub(a.get());
            let excess = a.get().saturating_sub(t.level.get());
            let status = if shortfall > 0 {
                GapStatus::BelowTarget
            } else if excess > 0 {
                GapStatus::AboveTarget
            } else {
                GapStatus::OnTarget
            };
            let scope = result.map(|r| r.scope).unwrap_or_default();
            (status, shortfall, excess, scope < t.scope)
        }
    };
    PracticeGap {
        id: practice.id.clone(),
        target: target_level,
        achieved: if applicable { achieved } else { None },
        achieved_scope: if applicable { result.map(|r| r.scope) } else { None },
        derived_level: if applicable { derived } else { None },
        level_override: if applicable { result.and_then(|r| r.level_override.clone()) } else { None },
        status,
        shortfall,
        excess,
        scope_shortfall,
    }
}

/// Gap analysis of every practice of the catalogue, in catalogue order.
pub fn gap_analysis(catalogue: &Catalogue, assessment: &Assessment) -> Vec<PracticeGap> {
    let role = assessment.metadata.role;
    catalogue
        .practices
        .iter()
        .map(|p| practice_gap(p, role, assessment.targets.get(&p.id), assessment.results.get(&p.id)))
        .collect()
}

/// SMM Navigator's own summary of a group of practices (a subdomain, a domain, or all).
/// The SMM defines no roll-up; see [`ROLLUP_FORMULAS`].
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Rollup {
    /// Practices in the group, applicable or not.
    pub practices: u32,
    /// Practices whose status is on-target or above-target.
    pub on_or_above_target: u32,
    /// Practices that are applicable and have a target (assessed or not).
    pub with_target: u32,
    /// Sum of the shortfalls, in levels.
    pub total_shortfall: u32,
    /// Practices whose status is above-target.
    pub above_target: u32,
    /// Sum of the excesses, in levels.
    pub total_excess: u32,
    /// Practices whose status is not-assessed.
    pub not_assessed: u32,
    /// Practices marked not applicable (counted here only, excluded from every other figure).
    pub not_applicable: u32,
    /// Practices assessed at a narrower scope than their target.
    pub scope_shortfalls: u32,
}

impl Rollup {
    /// Sums the gaps given.
    pub fn of<'a>(gaps: impl IntoIterator<Item = &'a PracticeGap>) -> Rollup {
        let mut r = Rollup::default();
        for g in gaps {
            r.practices += 1;
            if g.status == GapStatus::NotApplicable {
                r.not_applicable += 1;
                continue;
            }
            if g.target.is_some() {
                r.with_target += 1;
            }
            match g.status {
                GapStatus::OnTarget => r.on_or_above_target += 1,
                GapStatus::AboveTarget => {
                    r.on_or_above_target += 1;
                    r.above_target += 1;
                }
                GapStatus::NotAssessed => r.not_assessed += 1,
                _ => {}
            }
            r.total_shortfall += u32::from(g.shortfall);
            r.total_excess += u32::from(g.excess);
            r.scope_shortfalls += u32::from(g.scope_shortfall);
        }
        r
    }

    /// on_or_above_target / with_target as a percentage, rounded down; `None` when no practice has a target.
    pub fn on_target_percent(&self) -> Option<u32> {
        (self.with_target > 0).then(|| self.on_or_above_target * 100 / self.with_target)
    }
}

/// The formula of one roll-up figure, for the "how is this computed?" notes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Formula {
    /// Field name in [`Rollup`] and in reports.
    pub field: &'static str,
    /// Short label.
    pub label: &'static str,
    /// How it is computed, in words.
    pub formula: &'static str,
}

/// How every roll-up figure is computed. These are SMM Navigator's own: the SMM
/// scores practices one by one and defines no roll-up.
pub const ROLLUP_FORMULAS: &[Formula] = &[
    Formula {
        field: "on_or_above_target",
        label: "On or above target",
        formula: "number of practices in the group whose achieved level is at least the target level \
                  (status on-target or above-target), shown out of `with_target`",
    },
    Formula {
        field: "with_target",
        label: "With a target",
        formula: "number of practices in the group that are applicable and have a target, assessed or not",
    },
    Formula {
        field: "total_shortfall",
        label: "Total shortfall",
        formula: "sum over the group of max(0, target level - achieved level), in levels; \
                  practices not assessed or not applicable add 0",
    },
    Formula {
        field: "above_target",
        label: "Above target",
        formula: "number of practices whose achieved level is higher than the target level: \
                  possible over-investment to review, not a success",
    },
    Formula {
        field: "total_excess",
        label: "Total excess",
        formula: "sum over the group of max(0, achieved level - target level), in levels",
    },
    Formula {
        field: "not_assessed",
        label: "Not assessed",
        formula: "number of applicable practices in the group with no recorded result",
    },
    Formula {
        field: "not_applicable",
        label: "Not applicable",
        formula: "number of practices marked not applicable; they are left out of every other figure",
    },
    Formula {
        field: "scope_shortfalls",
        label: "Scope shortfalls",
        formula: "number of practices whose result covers a narrower scope than the target \
                  (general < industry < system)",
    },
];

/// A roll-up with the group it covers.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct GroupRollup {
    /// Domain or subdomain id.
    pub id: String,
    /// Display name.
    pub name: String,
    /// The figures.
    #[serde(flatten)]
    pub rollup: Rollup,
}

/// Roll-ups per subdomain, per domain and overall.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Rollups {
    /// All practices.
    pub overall: Rollup,
    /// Per domain, in catalogue order.
    pub domains: Vec<GroupRollup>,
    /// Per subdomain, in catalogue order.
    pub subdomains: Vec<GroupRollup>,
}

/// Roll-ups of a gap analysis made by [`gap_analysis`] on the same catalogue.
pub fn rollups(catalogue: &Catalogue, gaps: &[PracticeGap]) -> Rollups {
    fn in_subdomain<'a>(
        catalogue: &'a Catalogue,
        gaps: &'a [PracticeGap],
        sub: &'a str,
    ) -> impl Iterator<Item = &'a PracticeGap> + 'a {
        gaps.iter().filter(move |g| catalogue.practice(&g.id).is_some_and(|p| p.subdomain == sub))
    }
    Rollups {
        overall: Rollup::of(gaps),
        domains: catalogue
            .domains
            .iter()
            .map(|d| GroupRollup {
                id: d.id.clone(),
                name: d.name.clone(),
                rollup: Rollup::of(d.subdomains.iter().flat_map(|s| in_subdomain(catalogue, gaps, &s.id))),
            })
            .collect(),
        subdomains: catalogue
            .domains
            .iter()
            .flat_map(|d| d.subdomains.iter())
            .map(|s| GroupRollup {
                id: s.id.clone(),
                name: s.name.clone(),
                rollup: Rollup::of(in_subdomain(catalogue, gaps, &s.id)),
            })
            .collect(),
    }
}

/// One step of the roadmap: reach one level of one practice.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RoadmapStep {
    /// Stable id `<practice>@<level>`, for plans attached to the step.
    pub id: String,
    /// Practice id.
    pub practice: String,
    /// The level this step reaches.
    pub level: Level,
    /// Priority of the practice's domain.
    pub domain_priority: Priority,
    /// Priority of the practice's subdomain.
    pub subdomain_priority: Priority,
    /// The practice's whole shortfall, in levels.
    pub shortfall: u8,
    /// What to do, from the catalogue.
    pub actions: Vec<String>,
    /// Ids of this level's indicators that are not met yet.
    pub unmet_indicators: Vec<String>,
}

/// The roadmap: for each practice below target, one step per missing level
/// (achieved + 1 ..= target), with that level's actions and unmet indicators.
///
/// Order: domain priority (high first), then subdomain priority, then the
/// practice's shortfall (largest first), then catalogue order, then level.
pub fn roadmap(catalogue: &Catalogue, assessment: &Assessment, gaps: &[PracticeGap]) -> Vec<RoadmapStep> {
    let mut steps: Vec<(usize, RoadmapStep)> = Vec::new();
    for gap in gaps.iter().filter(|g| g.status == GapStatus::BelowTarget) {
        let (Some(index), Some(practice), Some(target), Some(achieved)) =
            (catalogue.practice_index(&gap.id), catalogue.practice(&gap.id), gap.target, gap.achieved)
        else {
            continue;
        };
        let Some((domain, subdomain)) = catalogue.parents_of(practice) else { continue };
        let result = assessment.results.get(&gap.id);
        for level in practice.levels.iter().filter(|l| l.level > achieved && l.level <= target.level) {
            steps.push((
                index,
                RoadmapStep {
                    id: format!("{}@{}", practice.id, level.level),
                    practice: practice.id.clone(),
                    level: level.level,
                    domain_priority: assessment.domain_priority(&domain.id),
                    subdomain_priority: assessment.subdomain_priority(&subdomain.id),
                    shortfall: gap.shortfall,
                    actions: level.actions.clone(),
                    unmet_indicators: level
                        .indicators_for(assessment.metadata.role)
                        .filter(|i| !result.is_some_and(|r| r.is_met(&i.id)))
                        .map(|i| i.id.clone())
                        .collect(),
                },
            ));
        }
    }
    steps.sort_by(|(ia, a), (ib, b)| {
        (a.domain_priority, a.subdomain_priority, std::cmp::Reverse(a.shortfall), ia, a.level).cmp(&(
            b.domain_priority,
            b.subdomain_priority,
            std::cmp::Reverse(b.shortfall),
            ib,
            b.level,
        ))
    });
    steps.into_iter().map(|(_, s)| s).collect()
}
