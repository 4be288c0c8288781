//! The portfolio as JSON, Markdown and CSV; the benchmark file as JSON.

use std::fmt::Write as _;

use crate::base::table::{csv_row, md_escape};
use crate::engine::portfolio::{Portfolio, PortfolioCell};
use crate::model::benchmark::Benchmark;
use crate::model::catalogue::Catalogue;

/// The `format` value of a portfolio in JSON.
pub const PORTFOLIO_FORMAT: &str = "smm-navigator/portfolio";
/// Its version.
pub const PORTFOLIO_VERSION: u32 = 1;

/// How a heatmap cell reads in a table: `-2` (shortfall), `+1` (over), `0`, or
/// what stands in for a gap (`n/a`, `not assessed`, `no target`).
pub fn cell_text(c: &PortfolioCell) -> String {
    match (c.gap, c.status) {
        (Some(0), _) => "0".into(),
        (Some(g), _) if g > 0 => format!("+{g}"),
        (Some(g), _) => g.to_string(),
        (None, crate::engine::gaps::GapStatus::NotApplicable) => "n/a".into(),
        (None, crate::engine::gaps::GapStatus::NoTarget) => "no target".into(),
        (None, _) => "not assessed".into(),
    }
}

impl Portfolio {
    /// Pretty-printed JSON, with `format` and `version`.
    pub fn to_json(&self) -> String {
        let mut v = serde_json::to_value(self).unwrap_or_default();
        if let Some(o) = v.as_object_mut() {
            o.insert("format".into(), PORTFOLIO_FORMAT.into());
            o.insert("version".into(), PORTFOLIO_VERSION.into());
        }
        serde_json::to_string_pretty(&v).unwrap_or_default()
    }

    /// A Markdown document: the share on target per assessment, the weakest
    /// practices, the heatmap as a table and the distribution per practice.
    pub fn to_markdown(&self, catalogue: &Catalogue) -> String {
        let name = |id: &str| catalogue.practice(id).map_or(id.to_string(), |p| p.name.clone());
        let mut s = format!("# Portfolio of {} assessment(s)\n\n", self.rows.len());
        s.push_str("## Share on target per assessment\n\n| Assessment | Role | Tags | On target | Share | Shortfall | Excess |\n|---|---|---|---|---|---|---|\n");
        for r in &self.rows {
            let _ = writeln!(
                s,
                "| {} | {} | {} | {} of {} | {} | {} | {} |",
                md_escape(&r.name),
                r.role.name(),
                md_escape(&r.tags.join(", ")),
                r.on_target,
                r.with_target,
                r.share_on_target.map_or("-".into(), |p| format!("{p}%")),
                r.total_shortfall,
                r.total_excess
            );
        }
        s.push_str("\n## Weakest practices across the portfolio\n\n");
        if self.weakest.is_empty() {
            s.push_str("No practice is below its target in any assessment shown.\n");
        }
        for (i, id) in self.weakest.iter().enumerate() {
            let p = self.practices.iter().find(|x| x.practice == *id);
            let _ = writeln!(
                s,
                "{}. {}: {} level(s) of shortfall in all, {} assessment(s) below target",
                i + 1,
                md_escape(&name(id)),
                p.map_or(0, |p| p.total_shortfall),
                p.map_or(0, |p| p.below)
            );
        }
        s.push_str("\n## Gap per practice and assessment (achieved minus target)\n\n| Practice |");
        for r in &self.rows {
            let _ = write!(s, " {} |", md_escape(&r.name));
        }
        s.push_str("\n|---|");
        s.push_str(&"---|".repeat(self.rows.len()));
        s.push('\n');
        for (i, p) in catalogue.practices.iter().enumerate() {
            let _ = write!(s, "| {} |", md_escape(&p.name));
            for r in &self.rows {
                let _ = write!(s, " {} |", r.cells.get(i).map_or(String::new(), cell_text));
            }
            s.push('\n');
        }
        s.push_str("\n## Achieved levels and targets per practice\n\n| Practice | Achieved 0/1/2/3/4 | Targets 0/1/2/3/4 | Below target | Above target |\n|---|---|---|---|---|\n");
        for p in &self.practices {
            let join = |c: &[u32; 5]| c.iter().map(u32::to_string).collect::<Vec<_>>().join("/");
            let _ = writeln!(
                s,
                "| {} | {} | {} | {} | {} |",
                md_escape(&name(&p.practice)),
                join(&p.achieved),
                join(&p.targets),
                p.below,
                p.above
            );
        }
        s.push_str("\n## How the figures are computed (SMM Navigator's own)\n\n");
        for (label, formula) in self.formulas {
            let _ = writeln!(s, "- **{label}**: {formula}");
        }
        s
    }

    /// CSV, one row per assessment: its figures, then the gap of each practice
    /// (columns named by practice id). UTF-8, RFC 4180 quoting, CRLF.
    pub fn to_csv(&self, catalogue: &Catalogue) -> String {
        let mut s = String::new();
        let mut head: Vec<&str> = vec![
            "assessment_id",
            "name",
            "role",
            "tags",
            "on_target",
            "with_target",
            "share_on_target_percent",
            "total_shortfall",
            "total_excess",
        ];
        head.extend(catalogue.practices.iter().map(|p| p.id.as_str()));
        csv_row(&mut s, &head);
        for r in &self.rows {
            let mut cells: Vec<String> = vec![
                r.id.clone(),
                r.name.clone(),
                r.role.id().into(),
                r.tags.join("; "),
                r.on_target.to_string(),
                r.with_target.to_string(),
                r.share_on_target.map_or(String::new(), |p| p.to_string()),
                r.total_shortfall.to_string(),
                r.total_excess.to_string(),
            ];
            cells.extend(r.cells.iter().map(cell_text));
            let refs: Vec<&str> = cells.iter().map(String::as_str).collect();
            csv_row(&mut s, &refs);
        }
        s
    }
}

impl Benchmark {
    /// The file, pretty-printed.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }
}
