//! What a framework asks of an assessment through a mapping: the requirements
//! its targets imply, covered or not by the achieved levels; coverage per group;
//! the crosswalk of practices against groups.

use serde::Serialize;

use crate::base::level::Level;
use crate::engine::gaps::PracticeGap;
use crate::model::assessment::Role;
use crate::model::catalogue::Catalogue;
use crate::model::framework::Framework;
use crate::model::mapping::{Mapping, MappingRow};

/// Why a requirement is implied: a practice at a level up to its target.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize)]
pub struct Source {
    /// Practice id.
    pub practice: String,
    /// The level (at or below the practice's target).
    pub level: Level,
    /// The mapping's rationale.
    pub rationale: String,
    /// True when the practice's achieved level reaches `level`.
    pub covered: bool,
}

/// A requirement implied by the targets, and whether the achieved levels cover it.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize)]
pub struct RequirementStatus {
    /// Requirement id.
    pub requirement: String,
    /// Its top-level group (62443 part, CSF function, ISO theme).
    pub part: String,
    /// Short title.
    pub title: String,
    /// The group it is listed in, where that is not the top-level group (62443 FR, CSF category).
    pub fr: Option<String>,
    /// The practice levels that imply it.
    pub sources: Vec<Source>,
    /// True when every source is covered.
    pub covered: bool,
}

/// The coverage of a framework by an assessment: the requirements its targets
/// imply and how far each group is covered, for the role it was read for.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Coverage {
    /// The role the framework was read for; `None` for a framework without roles.
    pub role: Option<Role>,
    /// The implied requirements, in framework order.
    pub requirements: Vec<RequirementStatus>,
    /// Per group of the top tier.
    pub groups: Vec<GroupCoverage>,
}

/// The coverage of `framework` through `mapping` for an organisation in
/// `role` (which applies only when the framework names roles), from the gap
/// analysis `gaps`: the one rule the frameworks view, the report, the workbook
/// and the CLI use.
pub fn coverage(framework: &Framework, mapping: &Mapping, gaps: &[PracticeGap], role: Role) -> Coverage {
    let role = framework.has_roles().then_some(role);
    let requirements = implied_requirements(framework, mapping, gaps, role);
    let groups = group_coverage(framework, &requirements);
    Coverage { role, requirements, groups }
}

/// The requirements implied, for `role` (`None`: every role), by each
/// practice's target level **and every lower level** (lower levels must be met
/// too), in framework order; each marked covered when the achieved level of
/// every practice that implies it reaches the mapped level. Not-applicable
/// practices and practices without a target imply nothing. `gaps` is the
/// engine's gap analysis of the assessment ([`crate::engine::gap_analysis`],
/// also [`crate::Report::practices`]), so that a caller that has it already
/// does not compute it again.
pub fn implied_requirements(
    framework: &Framework,
    mapping: &Mapping,
    gaps: &[PracticeGap],
    role: Option<Role>,
) -> Vec<RequirementStatus> {
    // The rows of each requirement, found once: time linear in the rows and the requirements.
    let mut rows_of: Vec<Vec<&MappingRow>> = vec![Vec::new(); framework.requirements.len()];
    for r in mapping.rows.iter().filter(|r| r.for_role(role)) {
        if let Some(i) = framework.requirement_position(&r.requirement) {
            rows_of[i].push(r);
        }
    }
    let mut out: Vec<RequirementStatus> = Vec::new();
    for (req, rows) in framework.requirements.iter().zip(&rows_of) {
        if rows.is_empty() || role.is_some_and(|r| !framework.applies_to(req, r)) {
            continue;
        }
        let sources: Vec<Source> = rows
            .iter()
            .filter_map(|r| {
                let g = gaps.iter().find(|g| g.id == r.practice)?;
                let target = g.target?;
                (r.level <= target.level).then(|| Source {
                    practice: r.practice.clone(),
                    level: r.level,
                    rationale: r.rationale.clone(),
                    covered: g.achieved.is_some_and(|a| a >= r.level),
                })
            })
            .collect();
        if !sources.is_empty() {
            let top = framework.top_group(req).map(|g| g.id.clone()).unwrap_or_else(|| req.group.clone());
            out.push(RequirementStatus {
                requirement: req.id.clone(),
                fr: (req.group != top)
                    .then(|| framework.group(&req.group).map_or(req.group.clone(), |g| g.title.clone())),
                part: top,
                title: req.title.clone(),
                covered: sources.iter().all(|s| s.covered),
                sources,
            });
        }
    }
    out
}

/// Coverage of one group: how many implied requirements it holds (with the groups under it), how many covered.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize)]
pub struct GroupCoverage {
    /// Group id.
    pub group: String,
    /// Its title.
    pub title: String,
    /// 0 for a top-level group, 1 for the tier below, and so on.
    pub depth: usize,
    /// Implied requirements in it.
    pub implied: usize,
    /// Of those, covered by the achieved levels.
    pub covered: usize,
}

impl GroupCoverage {
    /// True for the groups a report's coverage summary lists: every top-level
    /// group, and the tier below it where it holds implied requirements.
    pub fn in_report_summary(&self) -> bool {
        self.depth == 0 || (self.depth == 1 && self.implied > 0)
    }
}

/// The coverage summary per group, every tier, in framework order; groups with
/// no implied requirement are listed with zero so that gaps in a framework show.
///
/// Each requirement is counted once in its own group and in every group above
/// it, so the time grows with the list times the depth of the tiers (at most
/// [`MAX_GROUP_TIERS`](crate::base::limits::MAX_GROUP_TIERS)).
pub fn group_coverage(framework: &Framework, list: &[RequirementStatus]) -> Vec<GroupCoverage> {
    let mut counts = vec![(0usize, 0usize); framework.groups.len()];
    for s in list {
        let Some(r) = framework.requirement(&s.requirement) else { continue };
        for g in framework.ancestry(&r.group) {
            if let Some(c) = framework.group_position(&g.id).and_then(|i| counts.get_mut(i)) {
                c.0 += 1;
                c.1 += usize::from(s.covered);
            }
        }
    }
    framework
        .groups
        .iter()
        .zip(counts)
        .map(|(g, (implied, covered))| GroupCoverage {
            group: g.id.clone(),
            title: g.title.clone(),
            depth: framework.ancestry(&g.id).len().saturating_sub(1),
            implied,
            covered,
        })
        .collect()
}

/// One cell of the crosswalk: for a practice and a top-level group, the
/// requirements the practice's target implies there, and how many its achieved
/// level covers.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize)]
pub struct CrosswalkCell {
    /// Top-level group id.
    pub group: String,
    /// Distinct requirements implied by this practice in the group.
    pub implied: usize,
    /// Of those, covered by the practice's achieved level.
    pub covered: usize,
}

/// One row of the crosswalk: a practice and its cells, one per top-level group.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize)]
pub struct CrosswalkRow {
    /// Practice id.
    pub practice: String,
    /// False when the practice has no target (or is not applicable): it implies nothing.
    pub targeted: bool,
    /// One cell per top-level group, in framework order.
    pub cells: Vec<CrosswalkCell>,
}

/// The crosswalk matrix of an assessment: the 18 practices against the
/// framework's top-level groups. A requirement counts as covered for a practice
/// when its achieved level reaches every level at which the practice (up to its
/// target) maps to it. `gaps` as for [`implied_requirements`].
pub fn crosswalk(
    catalogue: &Catalogue,
    framework: &Framework,
    mapping: &Mapping,
    gaps: &[PracticeGap],
    role: Option<Role>,
) -> Vec<CrosswalkRow> {
    let tops: Vec<&crate::model::framework::Group> = framework.groups.iter().filter(|g| g.parent.is_none()).collect();
    // The cell of each top-level group, by the group's position.
    let mut cell_of: Vec<Option<usize>> = vec![None; framework.groups.len()];
    for (c, top) in tops.iter().enumerate() {
        if let Some(slot) = framework.group_position(&top.id).and_then(|i| cell_of.get_mut(i)) {
            *slot = Some(c);
        }
    }
    catalogue
        .practices
        .iter()
        .map(|p| {
            let g = gaps.iter().find(|g| g.id == p.id);
            let target = g.and_then(|g| g.target).map(|t| t.level);
            let achieved = g.and_then(|g| g.achieved);
            // The highest mapped level up to the target, per requirement (by position).
            let mut level_of: Vec<Option<Level>> = vec![None; framework.requirements.len()];
            if let Some(t) = target {
                for r in mapping.rows.iter().filter(|r| r.practice == p.id && r.for_role(role) && r.level <= t) {
                    let Some(i) = framework.requirement_position(&r.requirement) else { continue };
                    if role.is_some_and(|x| !framework.applies_to(&framework.requirements[i], x)) {
                        continue;
                    }
                    level_of[i] = Some(level_of[i].map_or(r.level, |l| l.max(r.level)));
                }
            }
            let mut cells: Vec<CrosswalkCell> =
                tops.iter().map(|top| CrosswalkCell { group: top.id.clone(), implied: 0, covered: 0 }).collect();
            for (req, level) in framework.requirements.iter().zip(&level_of) {
                let Some(level) = level else { continue };
                let top = framework.top_group(req).and_then(|t| framework.group_position(&t.id));
                if let Some(cell) = top.and_then(|i| cell_of[i]).and_then(|c| cells.get_mut(c)) {
                    cell.implied += 1;
                    cell.covered += usize::from(achieved.is_some_and(|a| a >= *level));
                }
            }
            CrosswalkRow { practice: p.id.clone(), targeted: target.is_some(), cells }
        })
        .collect()
}

/// The reverse view: the mapping rows that relate to one requirement.
pub fn rows_for_requirement<'a>(mapping: &'a Mapping, requirement: &str) -> Vec<&'a MappingRow> {
    mapping.rows.iter().filter(|r| r.requirement == requirement).collect()
}

/// The practice levels that imply a requirement, as words: "Access Control level 2 (not yet achieved)".
pub fn implied_by(catalogue: &Catalogue, r: &RequirementStatus) -> Vec<String> {
    r.sources
        .iter()
        .map(|src| {
            let name = catalogue.practice(&src.practice).map_or(src.practice.as_str(), |p| p.name.as_str());
            format!("{name} level {}{}", src.level, if src.covered { "" } else { " (not yet achieved)" })
        })
        .collect()
}
