//! The consolidation of interview answers as Markdown, CSV and JSON.

use std::fmt::Write as _;

use serde::Serialize;

use crate::base::table::{csv_row, md_escape};
use crate::engine::consensus::*;
use crate::model::assessment::Assessment;
use crate::model::catalogue::Catalogue;

/// The disagreement table as Markdown: per practice, each interviewee's level
/// and the spread; then every disputed indicator with who said met.
pub fn consensus_md(catalogue: &Catalogue, assessment: &Assessment) -> String {
    let rows = consensus(catalogue, assessment);
    let names = interviewees(assessment);
    let mut s = format!("# Interview answers: {}\n\n", md_escape(&assessment.metadata.name));
    if rows.is_empty() {
        s.push_str("No answers have been imported.\n");
        return s;
    }
    s.push_str("| Practice |");
    for n in &names {
        let _ = write!(s, " {} |", md_escape(n));
    }
    s.push_str(" Spread | Disputed indicators | Resolved |\n|---|");
    s.push_str(&"---|".repeat(names.len() + 3));
    s.push('\n');
    for c in &rows {
        let name = catalogue.practice(&c.practice).map_or(c.practice.as_str(), |p| p.name.as_str());
        let _ = write!(s, "| {} |", md_escape(name));
        for n in &names {
            let cell = c.opinions.iter().find(|o| o.interviewee == *n).map_or("-".to_string(), |o| o.level.to_string());
            let _ = write!(s, " {cell} |");
        }
        let disputed = c.indicators.iter().filter(|v| v.disputed()).count();
        let resolved = if c.resolution.is_some() { "yes" } else { "no" };
        let _ = writeln!(s, " {} | {disputed} | {resolved} |", c.spread);
    }
    s.push_str("\n## Disputed indicators\n\n");
    let mut any = false;
    for c in &rows {
        for v in c.indicators.iter().filter(|v| v.disputed()) {
            any = true;
            let text = catalogue.indicator(&v.id).map_or("", |r| r.indicator.text.as_str());
            let _ = writeln!(
                s,
                "- `{}` (level {}): {} Met: {}. Not met: {}.",
                v.id,
                v.level,
                md_escape(text.trim_end_matches('.')) + ".",
                md_escape(&v.met.join(", ")),
                md_escape(&v.not_met.join(", "))
            );
        }
    }
    if !any {
        s.push_str("None: every interviewee gave the same answer on every indicator.\n");
    }
    let _ = writeln!(s, "\n{SPREAD_FORMULA}");
    s
}

/// The disagreement table as CSV: one row per practice and indicator, with who
/// said met and who did not, and the practice's spread.
pub fn consensus_csv(catalogue: &Catalogue, assessment: &Assessment) -> String {
    let mut s = String::new();
    csv_row(
        &mut s,
        &[
            "practice_id",
            "indicator_id",
            "level",
            "met_by",
            "not_met_by",
            "disputed",
            "in_result",
            "practice_spread",
            "resolved",
        ],
    );
    for c in consensus(catalogue, assessment) {
        let spread = c.spread.to_string();
        let resolved = if c.resolution.is_some() { "yes" } else { "no" };
        for v in &c.indicators {
            csv_row(
                &mut s,
                &[
                    &c.practice,
                    &v.id,
                    &v.level.to_string(),
                    &v.met.join("; "),
                    &v.not_met.join("; "),
                    if v.disputed() { "yes" } else { "no" },
                    if v.in_result { "yes" } else { "no" },
                    &spread,
                    resolved,
                ],
            );
        }
    }
    s
}

/// The consolidation as JSON (`smm-navigator/consensus`, version 1).
pub fn consensus_json(catalogue: &Catalogue, assessment: &Assessment) -> String {
    #[derive(Serialize)]
    struct Doc<'a> {
        format: &'static str,
        version: u32,
        assessment_id: &'a str,
        interviewees: Vec<String>,
        spread_formula: &'static str,
        practices: Vec<PracticeConsensus>,
    }
    serde_json::to_string_pretty(&Doc {
        format: "smm-navigator/consensus",
        version: 1,
        assessment_id: &assessment.id,
        interviewees: interviewees(assessment),
        spread_formula: SPREAD_FORMULA,
        practices: consensus(catalogue, assessment),
    })
    .unwrap_or_default()
}
