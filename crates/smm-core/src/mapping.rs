//! Mappings from SMM practices and levels to requirements of another
//! framework (here ISA/IEC 62443), per role; and the requirement views of an
//! assessment. The shipped mapping is SMM Navigator's own indicative one; a user
//! who holds the official tables loads them as a file of the same format.

use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use crate::assessment::{Assessment, Role};
use crate::catalogue::Catalogue;
use crate::document::{read_typed, text_problem, DocumentError, Problem, MAX_PROBLEMS};
use crate::engine::gap_analysis;
use crate::iec62443::Iec62443;
use crate::level::Level;
use crate::report::csv_row;

/// The `format` value of a mapping file.
pub const MAPPING_FORMAT: &str = "smm-navigator/mapping";

const BUILTIN_JSON: &str = include_str!("../data/mappings/indicative-62443.json");

/// A mapping file.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Mapping {
    /// Always [`MAPPING_FORMAT`].
    pub format: String,
    /// 1.
    pub version: u32,
    /// Stable id.
    pub id: String,
    /// Display name.
    pub name: String,
    /// What it is and where it comes from.
    pub about: String,
    /// The rows.
    pub rows: Vec<MappingRow>,
}

/// One row: a practice at a level, for a role, relates to a requirement.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MappingRow {
    /// Practice id.
    pub practice: String,
    /// Level 1-4.
    pub level: Level,
    /// The role.
    pub role: Role,
    /// Standard part, e.g. `62443-3-3`.
    pub part: String,
    /// Requirement id, e.g. `SR 1.1`.
    pub requirement: String,
    /// One line on why.
    pub rationale: String,
}

impl Mapping {
    /// The shipped indicative mapping (checked by the invariant tests).
    pub fn builtin() -> &'static Mapping {
        static BUILTIN: OnceLock<Mapping> = OnceLock::new();
        BUILTIN.get_or_init(|| {
            serde_json::from_str(BUILTIN_JSON).unwrap_or_else(|e| panic!("the built-in mapping is invalid: {e}"))
        })
    }

    /// Every problem with this mapping against the catalogues, with paths.
    pub fn problems(&self, catalogue: &Catalogue, iec: &Iec62443) -> Vec<Problem> {
        let mut p = Vec::new();
        let mut push = |path: String, message: String| {
            if p.len() < MAX_PROBLEMS {
                p.push(Problem { path, message });
            }
        };
        if !crate::catalogue::is_kebab_id(&self.id) {
            push("id".into(), "the id must be lowercase words joined by hyphens".into());
        }
        for (field, v) in [("name", &self.name), ("about", &self.about)] {
            if v.trim().is_empty() {
                push(field.into(), "must not be empty".into());
            }
            if let Some(m) = text_problem(v) {
                push(field.into(), m);
            }
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
            match iec.requirement(&r.requirement) {
                None => push(at("requirement"), format!("unknown requirement id `{}`", r.requirement)),
                Some(req) if req.part != r.part => push(
                    at("part"),
                    format!("requirement `{}` belongs to part {}, not {}", r.requirement, req.part, r.part),
                ),
                Some(_) => {}
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

/// Reads and checks a mapping file (the format users load their own tables in).
pub fn parse_mapping(bytes: &[u8], catalogue: &Catalogue, iec: &Iec62443) -> Result<Mapping, DocumentError> {
    let m: Mapping = read_typed(bytes, MAPPING_FORMAT, "an SMM Navigator mapping")?;
    let problems = m.problems(catalogue, iec);
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
    /// Part.
    pub part: String,
    /// Short title.
    pub title: String,
    /// Foundational requirement, where the part has them.
    pub fr: Option<String>,
    /// The practice levels that imply it.
    pub sources: Vec<Source>,
    /// True when every source is covered.
    pub covered: bool,
}

/// The requirements implied, for `role`, by each practice's target level **and
/// every lower level** (lower levels must be met too), in catalogue order of the
/// requirements; each marked covered when the achieved level of every practice
/// that implies it reaches the mapped level. Not-applicable practices and
/// practices without a target imply nothing.
pub fn implied_requirements(
    catalogue: &Catalogue,
    iec: &Iec62443,
    mapping: &Mapping,
    assessment: &Assessment,
    role: Role,
) -> Vec<RequirementStatus> {
    let gaps = gap_analysis(catalogue, assessment);
    let mut out: Vec<RequirementStatus> = Vec::new();
    for req in &iec.requirements {
        let sources: Vec<Source> = mapping
            .rows
            .iter()
            .filter(|r| r.role == role && r.requirement == req.id)
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
            out.push(RequirementStatus {
                requirement: req.id.clone(),
                part: req.part.clone(),
                title: req.title.clone(),
                fr: req.fr.clone(),
                covered: sources.iter().all(|s| s.covered),
                sources,
            });
        }
    }
    out
}

/// The reverse view: the mapping rows that relate to one requirement.
pub fn rows_for_requirement<'a>(mapping: &'a Mapping, requirement: &str) -> Vec<&'a MappingRow> {
    mapping.rows.iter().filter(|r| r.requirement == requirement).collect()
}

/// The requirement checklist as CSV (UTF-8 with BOM, RFC 4180 quoting, CRLF).
pub fn requirements_csv(catalogue: &Catalogue, list: &[RequirementStatus]) -> String {
    let mut s = String::from("\u{FEFF}");
    csv_row(&mut s, &["part", "requirement", "title", "foundational_requirement", "covered", "implied_by"]);
    for r in list {
        let by: Vec<String> = r
            .sources
            .iter()
            .map(|src| {
                let name = catalogue.practice(&src.practice).map_or(src.practice.as_str(), |p| p.name.as_str());
                format!("{name} level {}{}", src.level, if src.covered { "" } else { " (not yet achieved)" })
            })
            .collect();
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
