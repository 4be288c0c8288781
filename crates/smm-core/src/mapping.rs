//! Mappings from SMM practices and levels to the requirements of a framework
//! (`smm-navigator/mapping`, version 2): rows of practice, level, optional role,
//! requirement and rationale, for one framework catalogue
//! ([`crate::framework`]); and the requirement views of an assessment. The
//! shipped mappings are SMM Navigator's own indicative ones; a user who holds
//! official tables loads them as a file of the same format.
//!
//! Version 1 (62443 only: every row with a role and the 62443 part) is migrated
//! on reading: the framework is `iec62443`, and each row's part must be the part
//! its requirement is in.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::assessment::Role;
use crate::catalogue::Catalogue;
use crate::document::{
    check_header, decode_text, parse_value, text_problem, typed_pass, DocumentError, Problem, MAX_PROBLEMS,
};
use crate::engine::PracticeGap;
use crate::framework::{Framework, IEC62443};
use crate::level::Level;
use crate::report::csv_row;

/// The `format` value of a mapping file.
pub const MAPPING_FORMAT: &str = "smm-navigator/mapping";
/// The newest mapping version.
pub const MAPPING_VERSION: u32 = 2;
/// The most rows a mapping file may hold.
pub const MAX_ROWS: usize = 20_000;

#[cfg(feature = "builtin-frameworks")]
const IEC62443_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/mappings__indicative-62443.json"));
#[cfg(feature = "builtin-frameworks")]
const CSF_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/mappings__indicative-csf-2.0.json"));
#[cfg(feature = "builtin-frameworks")]
const ISO27001_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/mappings__indicative-iso27001-2022.json"));

/// A mapping file.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Mapping {
    /// Always [`MAPPING_FORMAT`].
    pub format: String,
    /// [`MAPPING_VERSION`].
    pub version: u32,
    /// Stable id.
    pub id: String,
    /// The id of the framework catalogue its requirements belong to.
    pub framework: String,
    /// Display name.
    pub name: String,
    /// What it is and where it comes from.
    pub about: String,
    /// The rows.
    pub rows: Vec<MappingRow>,
}

/// One row: a practice at a level (for a role, or for every role) relates to a requirement.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct MappingRow {
    /// Practice id.
    pub practice: String,
    /// Level 1-4.
    pub level: Level,
    /// The role the row is for; none: every role.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<Role>,
    /// Requirement id in the framework, e.g. `SR 1.1`.
    pub requirement: String,
    /// Why: what this level of the practice asks for that the requirement is about.
    pub rationale: String,
}

impl MappingRow {
    /// True when the row holds for `role` (`None`: any role).
    pub fn for_role(&self, role: Option<Role>) -> bool {
        match (self.role, role) {
            (Some(mine), Some(asked)) => mine == asked,
            _ => true,
        }
    }
}

impl Mapping {
    /// The shipped indicative mappings, one per built-in framework (checked by the invariant tests).
    #[cfg(feature = "builtin-frameworks")]
    pub fn builtin_all() -> &'static [Mapping] {
        static BUILTIN: std::sync::OnceLock<Vec<Mapping>> = std::sync::OnceLock::new();
        BUILTIN.get_or_init(|| {
            [IEC62443_JSON, CSF_JSON, ISO27001_JSON]
                .iter()
                .map(|t| serde_json::from_str(t).unwrap_or_else(|e| panic!("a built-in mapping is invalid: {e}")))
                .collect()
        })
    }

    /// The shipped mapping for framework `framework`.
    #[cfg(feature = "builtin-frameworks")]
    pub fn builtin_for(framework: &str) -> Option<&'static Mapping> {
        Mapping::builtin_all().iter().find(|m| m.framework == framework)
    }

    /// The shipped indicative 62443 mapping.
    #[cfg(feature = "builtin-frameworks")]
    pub fn builtin() -> &'static Mapping {
        Mapping::builtin_for(IEC62443).unwrap_or_else(|| panic!("the 62443 mapping is built in"))
    }

    /// Every problem with this mapping against the catalogue and its framework, with paths.
    pub fn problems(&self, catalogue: &Catalogue, framework: &Framework) -> Vec<Problem> {
        let mut p = Vec::new();
        let mut push = |path: String, message: String| {
            if p.len() < MAX_PROBLEMS {
                p.push(Problem { path, message });
            }
        };
        if !crate::catalogue::is_kebab_id(&self.id) && !self.id.contains('.') {
            push("id".into(), "the id must be lowercase words joined by hyphens".into());
        }
        if self.framework != framework.id {
            push("framework".into(), format!("the mapping is for `{}`, not `{}`", self.framework, framework.id));
            return p;
        }
        for (field, v) in [("name", &self.name), ("about", &self.about)] {
            if v.trim().is_empty() {
                push(field.into(), "must not be empty".into());
            }
            if let Some(m) = text_problem(v) {
                push(field.into(), m);
            }
        }
        if self.rows.len() > MAX_ROWS {
            push("rows".into(), format!("{} rows; at most {MAX_ROWS} are read", self.rows.len()));
            return p;
        }
        let mut seen = std::collections::HashSet::new();
        for (i, r) in self.rows.iter().enumerate() {
            let at = |f: &str| format!("rows[{i}].{f}");
            if catalogue.practice(&r.practice).is_none() {
                push(at("practice"), format!("unknown practice id `{}`", r.practice));
            }
            if r.level == Level::NONE {
                push(at("level"), "a mapping row is for a level from 1 to 4".into());
            }
            match framework.requirement(&r.requirement) {
                None => {
                    push(at("requirement"), format!("unknown requirement id `{}` in {}", r.requirement, framework.name))
                }
                Some(req) => {
                    if let Some(role) = r.role {
                        if !framework.applies_to(req, role) {
                            push(
                                at("role"),
                                format!("requirement `{}` does not apply to the {} role", r.requirement, role.id()),
                            );
                        }
                    }
                }
            }
            if r.rationale.trim().is_empty() {
                push(at("rationale"), "a row needs a one-line rationale".into());
            } else if let Some(m) = text_problem(&r.rationale) {
                push(at("rationale"), m);
            }
            if !seen.insert((&r.practice, r.level, r.role, &r.requirement)) {
                push(at("requirement"), format!("the same row for `{}` appears twice", r.requirement));
            }
        }
        p
    }
}

/// The framework id a mapping file names, read from its header only (version 1
/// files are 62443 mappings); `None` when the file is not a mapping.
pub fn mapping_framework(bytes: &[u8]) -> Option<String> {
    let value = parse_value(decode_text(bytes).ok()?).ok()?;
    if value.get("format").and_then(Value::as_str) != Some(MAPPING_FORMAT) {
        return None;
    }
    match value.get("version").and_then(Value::as_u64) {
        Some(1) => Some(IEC62443.into()),
        _ => value.get("framework").and_then(Value::as_str).map(str::to_string),
    }
}

/// Turns a version 1 mapping (62443, `part` and `role` on every row) into
/// version 2. A row whose part is not the part of its requirement is refused.
fn migrate_v1(value: &mut Value, framework: &Framework) -> Result<(), DocumentError> {
    let obj = value.as_object_mut().ok_or_else(|| DocumentError::one("", "not a JSON object"))?;
    obj.insert("version".into(), Value::from(2));
    obj.insert("framework".into(), Value::from(IEC62443));
    let mut problems = Vec::new();
    if let Some(rows) = obj.get_mut("rows").and_then(Value::as_array_mut) {
        for (i, row) in rows.iter_mut().enumerate() {
            let Some(row) = row.as_object_mut() else { continue };
            let Some(part) = row.remove("part") else {
                // Capped like every list of problems (found by fuzzing: a
                // version 1 file of 340 rows without parts listed 340).
                if problems.len() < MAX_PROBLEMS {
                    problems.push(Problem {
                        path: format!("rows[{i}].part"),
                        message: "a version 1 row must name its 62443 part (`part`)".into(),
                    });
                }
                continue;
            };
            let id = row.get("requirement").and_then(Value::as_str).unwrap_or_default();
            if let (Some(req), Some(part)) = (framework.requirement(id), part.as_str()) {
                let actual = framework.top_group(req).map_or("", |g| g.id.as_str());
                if actual != part && problems.len() < MAX_PROBLEMS {
                    problems.push(Problem {
                        path: format!("rows[{i}].part"),
                        message: format!("requirement `{id}` belongs to part {actual}, not {part}"),
                    });
                }
            }
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(DocumentError { problems })
    }
}

/// Reads and checks a mapping file for `framework` (the format users load their
/// own tables in); a version 1 (62443) file is migrated first.
pub fn parse_mapping(bytes: &[u8], catalogue: &Catalogue, framework: &Framework) -> Result<Mapping, DocumentError> {
    let text = decode_text(bytes)?;
    let mut value = parse_value(text)?;
    let version = check_header(&value, MAPPING_FORMAT, MAPPING_VERSION, "an SMM Navigator mapping")?;
    let migrated;
    let text = if version == 1 {
        if framework.id != IEC62443 {
            return Err(DocumentError::one(
                "version",
                format!("a version 1 mapping is a 62443 mapping, not one for {}", framework.name),
            ));
        }
        migrate_v1(&mut value, framework)?;
        migrated = value.to_string();
        migrated.as_str()
    } else {
        text
    };
    let m: Mapping = typed_pass(text)?;
    let problems = m.problems(catalogue, framework);
    if problems.is_empty() {
        Ok(m)
    } else {
        Err(DocumentError { problems })
    }
}

/// Why a requirement is implied: a practice at a level up to its target.
#[derive(Clone, Debug, PartialEq, Serialize)]
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
#[derive(Clone, Debug, PartialEq, Serialize)]
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
    let mut out: Vec<RequirementStatus> = Vec::new();
    for req in &framework.requirements {
        if role.is_some_and(|r| !framework.applies_to(req, r)) {
            continue;
        }
        let sources: Vec<Source> = mapping
            .rows
            .iter()
            .filter(|r| r.for_role(role) && r.requirement == req.id)
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
#[derive(Clone, Debug, PartialEq, Serialize)]
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

/// The coverage summary per group, every tier, in framework order; groups with
/// no implied requirement are listed with zero so that gaps in a framework show.
pub fn group_coverage(framework: &Framework, list: &[RequirementStatus]) -> Vec<GroupCoverage> {
    framework
        .groups
        .iter()
        .map(|g| {
            let inside: Vec<&RequirementStatus> = list
                .iter()
                .filter(|s| framework.requirement(&s.requirement).is_some_and(|r| framework.in_group(r, &g.id)))
                .collect();
            GroupCoverage {
                group: g.id.clone(),
                title: g.title.clone(),
                depth: framework.ancestry(&g.id).len().saturating_sub(1),
                implied: inside.len(),
                covered: inside.iter().filter(|s| s.covered).count(),
            }
        })
        .collect()
}

/// One cell of the crosswalk: for a practice and a top-level group, the
/// requirements the practice's target implies there, and how many its achieved
/// level covers.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CrosswalkCell {
    /// Top-level group id.
    pub group: String,
    /// Distinct requirements implied by this practice in the group.
    pub implied: usize,
    /// Of those, covered by the practice's achieved level.
    pub covered: usize,
}

/// One row of the crosswalk: a practice and its cells, one per top-level group.
#[derive(Clone, Debug, PartialEq, Serialize)]
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
    let tops: Vec<&crate::framework::Group> = framework.groups.iter().filter(|g| g.parent.is_none()).collect();
    catalogue
        .practices
        .iter()
        .map(|p| {
            let g = gaps.iter().find(|g| g.id == p.id);
            let target = g.and_then(|g| g.target).map(|t| t.level);
            let achieved = g.and_then(|g| g.achieved);
            let cells = tops
                .iter()
                .map(|top| {
                    let mut reqs: Vec<(&str, Level)> = Vec::new();
                    for r in mapping.rows.iter().filter(|r| r.practice == p.id && r.for_role(role)) {
                        let Some(t) = target else { continue };
                        let Some(req) = framework.requirement(&r.requirement) else { continue };
                        if r.level > t
                            || !framework.in_group(req, &top.id)
                            || role.is_some_and(|x| !framework.applies_to(req, x))
                        {
                            continue;
                        }
                        match reqs.iter_mut().find(|(id, _)| *id == req.id) {
                            Some(slot) => slot.1 = slot.1.max(r.level),
                            None => reqs.push((req.id.as_str(), r.level)),
                        }
                    }
                    CrosswalkCell {
                        group: top.id.clone(),
                        implied: reqs.len(),
                        covered: reqs.iter().filter(|(_, l)| achieved.is_some_and(|a| a >= *l)).count(),
                    }
                })
                .collect();
            CrosswalkRow { practice: p.id.clone(), targeted: target.is_some(), cells }
        })
        .collect()
}

/// The reverse view: the mapping rows that relate to one requirement.
pub fn rows_for_requirement<'a>(mapping: &'a Mapping, requirement: &str) -> Vec<&'a MappingRow> {
    mapping.rows.iter().filter(|r| r.requirement == requirement).collect()
}

/// The practice levels that imply a requirement, as words: "Access Control level 2 (not yet achieved)".
fn implied_by(catalogue: &Catalogue, r: &RequirementStatus) -> Vec<String> {
    r.sources
        .iter()
        .map(|src| {
            let name = catalogue.practice(&src.practice).map_or(src.practice.as_str(), |p| p.name.as_str());
            format!("{name} level {}{}", src.level, if src.covered { "" } else { " (not yet achieved)" })
        })
        .collect()
}

/// The requirement checklist as CSV (UTF-8 with BOM, RFC 4180 quoting, CRLF).
pub fn requirements_csv(catalogue: &Catalogue, list: &[RequirementStatus]) -> String {
    let mut s = String::from("\u{FEFF}");
    csv_row(&mut s, &["group", "requirement", "title", "subgroup", "covered", "implied_by"]);
    for r in list {
        let by = implied_by(catalogue, r);
        csv_row(
            &mut s,
            &[
                &r.part,
                &r.requirement,
                &r.title,
                r.fr.as_deref().unwrap_or(""),
                if r.covered { "yes" } else { "no" },
                &by.join("; "),
            ],
        );
    }
    s
}

/// The requirement view as Markdown: the framework, the mapping (labelled as
/// such), the caution, the coverage per group and the requirement list.
pub fn requirements_md(
    catalogue: &Catalogue,
    framework: &Framework,
    mapping: &Mapping,
    list: &[RequirementStatus],
    coverage: &[GroupCoverage],
) -> String {
    let cell = |s: &str| s.replace('|', "\\|").replace('\n', " ");
    let mut s = format!("# {} requirements implied by the targets\n\n", framework.name);
    s.push_str(&format!("Framework: {} ({}). Mapping: {}.\n\n", framework.name, framework.edition, mapping.name));
    if let Some(c) = &framework.caution {
        s.push_str(&format!("> {c}\n\n"));
    }
    let covered = list.iter().filter(|r| r.covered).count();
    s.push_str(&format!(
        "{covered} of {} implied requirements are covered. A requirement is covered when the achieved level of every \
         practice that implies it reaches the mapped level (SMM Navigator's own reading of the mapping).\n\n",
        list.len()
    ));
    s.push_str("## Coverage per group\n\n| group | implied | covered |\n|---|---:|---:|\n");
    for g in coverage {
        let indent = "· ".repeat(g.depth);
        s.push_str(&format!("| {indent}{} {} | {} | {} |\n", cell(&g.group), cell(&g.title), g.implied, g.covered));
    }
    s.push_str("\n## Requirements\n\n| requirement | title | covered | implied by |\n|---|---|---|---|\n");
    for r in list {
        let by = implied_by(catalogue, r);
        s.push_str(&format!(
            "| {} | {} | {} | {} |\n",
            cell(&r.requirement),
            cell(&r.title),
            if r.covered { "yes" } else { "no" },
            cell(&by.join("; "))
        ));
    }
    s
}
