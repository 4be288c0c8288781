//! The requirements implied by an assessment's targets, as CSV and Markdown.

use crate::base::table::csv_row;
use crate::engine::coverage::GroupCoverage;
use crate::engine::coverage::{implied_by, RequirementStatus};
use crate::model::catalogue::Catalogue;
use crate::model::framework::Framework;
use crate::model::mapping::Mapping;

/// The requirement checklist as CSV (UTF-8 with BOM, RFC 4180 quoting, CRLF).
/// Every row names the mapping it was read through (the shipped ones say
/// "Indicative ... (SMM Navigator)"), so that a row that reaches an auditor
/// on its own still says whose reading it is.
pub fn requirements_csv(catalogue: &Catalogue, mapping: &Mapping, list: &[RequirementStatus]) -> String {
    let mut s = String::from("\u{FEFF}");
    csv_row(&mut s, &["group", "requirement", "title", "subgroup", "covered", "implied_by", "mapping"]);
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
                &mapping.name,
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
