//! The report of one assessment: gap analysis, roll-ups and roadmap, as a
//! serialisable value and rendered as Markdown or CSV.

use std::fmt::Write as _;

use serde::Serialize;

use crate::base::table::{csv_row, md_escape};
use crate::engine::gaps::{self as engine, Formula, PracticeGap, RoadmapStep, Rollup, Rollups, ROLLUP_FORMULAS};
use crate::model::assessment::{Assessment, Metadata};
use crate::model::catalogue::Catalogue;

/// The `format` value of a JSON report.
pub const REPORT_FORMAT: &str = "smm-navigator/report";
/// The JSON report's version (2 adds `evidence` and `interviews`; 3 adds
/// `as_of`, `signoff`, `plan`, `progress`, `stale_indicators` and the
/// evidence's holder, dates, indicators and `expired`).
pub const REPORT_VERSION: u32 = 3;

/// One evidence reference of the report, with the fingerprint of its file if taken.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct EvidenceRow {
    /// The practice id.
    pub practice: String,
    /// The reference as written.
    pub reference: String,
    /// The file's fingerprint.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub file: Option<crate::model::assessment::FileFingerprint>,
    /// Who holds it.
    pub holder: String,
    /// When it was obtained.
    pub obtained: String,
    /// The date it needs another look by.
    pub review_by: String,
    /// The indicators it supports (empty: the practice as a whole).
    pub indicators: Vec<String>,
    /// True when the report's date is past `review_by`.
    pub expired: bool,
}

/// One practice's interview answers, summed up.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct InterviewRow {
    /// The practice id.
    pub practice: String,
    /// How many interviewees answered.
    pub answers: usize,
    /// Highest minus lowest derived level.
    pub spread: u8,
    /// Indicators some said met and others not.
    pub disputed_indicators: usize,
    /// How the owner resolved it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub resolution: Option<crate::model::interview::Resolution>,
}

/// Everything the engine computes for one assessment.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Report {
    /// Always [`REPORT_FORMAT`].
    pub format: &'static str,
    /// [`REPORT_VERSION`].
    pub version: u32,
    /// The assessment's id.
    pub assessment_id: String,
    /// The assessment's metadata.
    pub metadata: Metadata,
    /// Gap analysis per practice, in catalogue order.
    pub practices: Vec<PracticeGap>,
    /// SMM Navigator's own roll-ups (the SMM defines none).
    pub rollups: Rollups,
    /// How each roll-up figure is computed.
    pub rollup_formulas: &'static [Formula],
    /// Ordered roadmap steps.
    pub roadmap: Vec<RoadmapStep>,
    /// The trustworthiness view: characteristic ratings and the software checklist summary.
    pub trustworthiness: crate::engine::trust::TrustReport,
    /// Every evidence reference, in catalogue order, with file fingerprints.
    pub evidence: Vec<EvidenceRow>,
    /// The interview answers per practice (empty without interviews).
    pub interviews: Vec<InterviewRow>,
    /// The date the report was made for: evidence past its date and overdue steps are judged on it.
    pub as_of: String,
    /// Where the assessment stands against its newest sign-off.
    pub signoff: crate::engine::signoff::SignOffState,
    /// The roadmap plan as recorded: owner, due date, status, reference and history per step id.
    pub plan: std::collections::BTreeMap<String, crate::model::assessment::StepPlan>,
    /// Progress against the plan (SMM Navigator's own figure; formula in `progress_formula`).
    pub progress: crate::engine::progress::PlanProgress,
    /// How progress is computed.
    pub progress_formula: &'static str,
    /// Met indicators whose evidence has all passed its review date: for the assessor to look at again.
    pub stale_indicators: Vec<crate::engine::evidence::StaleIndicator>,
}

impl Report {
    /// Runs the engine over an assessment, on the date `today` (`YYYY-MM-DD`).
    pub fn new(catalogue: &Catalogue, assessment: &Assessment, today: &str) -> Report {
        let practices = engine::gap_analysis(catalogue, assessment);
        let rollups = engine::rollups(catalogue, &practices);
        let roadmap = engine::roadmap(catalogue, assessment, &practices);
        let trustworthiness = crate::engine::trust::trust_report(&assessment.trustworthiness, &practices);
        let evidence = catalogue
            .practices
            .iter()
            .filter_map(|p| assessment.results.get(&p.id).map(|r| (p, r)))
            .flat_map(|(p, r)| {
                r.evidence.iter().map(|e| EvidenceRow {
                    practice: p.id.clone(),
                    reference: e.reference.clone(),
                    file: e.file.clone(),
                    holder: e.holder.clone(),
                    obtained: e.obtained.clone(),
                    review_by: e.review_by.clone(),
                    indicators: e.indicators.clone(),
                    expired: crate::engine::evidence::is_expired(e, today),
                })
            })
            .collect();
        let interviews = crate::engine::consensus::consensus(catalogue, assessment)
            .into_iter()
            .map(|c| InterviewRow {
                answers: c.opinions.len(),
                spread: c.spread,
                disputed_indicators: c.indicators.iter().filter(|v| v.disputed()).count(),
                resolution: c.resolution,
                practice: c.practice,
            })
            .collect();
        let stale_indicators = catalogue
            .practices
            .iter()
            .filter_map(|p| assessment.results.get(&p.id).map(|r| (p, r)))
            .flat_map(|(p, r)| crate::engine::evidence::stale_indicators(&p.id, r, today))
            .collect();
        let progress = crate::engine::progress::plan_progress(assessment, &practices, &roadmap, today);
        Report {
            as_of: today.get(..10).unwrap_or(today).to_string(),
            signoff: crate::engine::signoff::signoff_state(catalogue, assessment),
            plan: assessment.plan.clone(),
            progress,
            progress_formula: crate::engine::progress::PROGRESS_FORMULA,
            stale_indicators,
            format: REPORT_FORMAT,
            version: REPORT_VERSION,
            assessment_id: assessment.id.clone(),
            metadata: assessment.metadata.clone(),
            practices,
            rollups,
            rollup_formulas: ROLLUP_FORMULAS,
            roadmap,
            trustworthiness,
            evidence,
            interviews,
        }
    }

    /// Pretty-printed JSON.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// A Markdown document: summary, gap table, roll-ups with their formulas, roadmap.
    pub fn to_markdown(&self, catalogue: &Catalogue) -> String {
        let m = &self.metadata;
        let mut s = String::new();
        let _ = writeln!(s, "# {}\n", md_escape(&m.name));
        for (label, value) in [
            ("Organisation", m.organisation.as_str()),
            ("System", m.system.as_str()),
            ("Role", m.role.name()),
            ("Assessor", m.assessor.as_str()),
            ("Assessed on", m.assessed_on.as_str()),
        ] {
            if !value.is_empty() {
                let _ = writeln!(s, "- {label}: {}", md_escape(value));
            }
        }
        let _ = writeln!(s, "- Report as of: {}", md_escape(&self.as_of));
        let _ = writeln!(s, "\n## Sign-off\n\n{}\n", md_escape(&self.signoff.sentence()));
        for c in &self.signoff.changes {
            let _ = writeln!(s, "- {}: {}", md_escape(&c.label), md_escape(&c.what));
        }
        if !self.signoff.changes.is_empty() {
            s.push('\n');
        }
        let _ = writeln!(s, "{}", crate::engine::signoff::SIGNOFF_MEANING);
        let o = &self.rollups.overall;
        let _ = writeln!(
            s,
            "\n## Summary\n\n{} of {} practices with a target are on or above it; total shortfall {} level(s); \
             {} practice(s) above target (possible over-investment); {} not assessed; {} not applicable.\n",
            o.on_or_above_target, o.with_target, o.total_shortfall, o.above_target, o.not_assessed, o.not_applicable
        );
        s.push_str("A higher level is not better in itself: the target is the level that fits the need.\n\n");
        s.push_str("## Gap analysis\n\n| Practice | Target | Achieved | Status | Shortfall | Excess |\n|---|---|---|---|---|---|\n");
        for g in &self.practices {
            let name = catalogue.practice(&g.id).map_or(g.id.as_str(), |p| p.name.as_str());
            let target = g.target.map_or("-".to_string(), |t| format!("{} ({})", t.level, t.scope));
            let achieved = match (g.achieved, &g.level_override) {
                (None, _) => "-".to_string(),
                (Some(a), Some(_)) => format!("{a} (override; derived {})", g.derived_level.map_or(0, |d| d.get())),
                (Some(a), None) => a.to_string(),
            };
            let scope_note = if g.scope_shortfall { ", scope below target" } else { "" };
            let _ = writeln!(
                s,
                "| {} | {target} | {achieved} | {}{scope_note} | {} | {} |",
                md_escape(name),
                g.status.label(),
                g.shortfall,
                g.excess
            );
        }
        s.push_str("\n## Roll-ups (SMM Navigator's own; the SMM defines none)\n\n");
        s.push_str("| Group | On or above target | Total shortfall | Above target | Not assessed | Not applicable |\n|---|---|---|---|---|---|\n");
        let row = |s: &mut String, name: &str, r: &Rollup| {
            let _ = writeln!(
                s,
                "| {} | {} of {} | {} | {} | {} | {} |",
                md_escape(name),
                r.on_or_above_target,
                r.with_target,
                r.total_shortfall,
                r.above_target,
                r.not_assessed,
                r.not_applicable
            );
        };
        row(&mut s, "All practices", &self.rollups.overall);
        for d in &self.rollups.domains {
            row(&mut s, &d.name, &d.rollup);
        }
        for d in &self.rollups.subdomains {
            row(&mut s, &format!("  {}", d.name), &d.rollup);
        }
        s.push_str("\nHow each figure is computed:\n\n");
        for f in self.rollup_formulas {
            let _ = writeln!(s, "- **{}** (`{}`): {}", f.label, f.field, f.formula);
        }
        s.push_str("\n## Roadmap\n\n");
        if self.roadmap.is_empty() {
            s.push_str("No practice is below its target.\n");
        }
        for (n, step) in self.roadmap.iter().enumerate() {
            let name = catalogue.practice(&step.practice).map_or(step.practice.as_str(), |p| p.name.as_str());
            let _ = writeln!(
                s,
                "{}. **{}: reach level {} ({})**. Priority: domain {}, subdomain {}.",
                n + 1,
                md_escape(name),
                step.level,
                step.level.name(),
                step.domain_priority.name(),
                step.subdomain_priority.name()
            );
            if let Some(p) = self.plan.get(&step.id) {
                let mut parts = vec![format!("Status: {}", p.status.name())];
                for (label, v) in [("Owner", &p.owner), ("Due", &p.due), ("Reference", &p.reference)] {
                    if !v.is_empty() {
                        parts.push(format!("{label}: {}", md_escape(v)));
                    }
                }
                if self.progress.overdue.contains(&step.id) {
                    parts.push("**overdue**".into());
                }
                let _ = writeln!(s, "   - {}", parts.join("; "));
                for c in &p.history {
                    let _ = writeln!(s, "   - {}", md_escape(&status_change_words(c)));
                }
            }
            for a in &step.actions {
                let _ = writeln!(s, "   - Action: {}", md_escape(a));
            }
            for id in &step.unmet_indicators {
                let text = catalogue.indicator(id).map_or("", |r| r.indicator.text.as_str());
                let _ = writeln!(s, "   - Evidence still missing (`{id}`): {}", md_escape(text));
            }
        }
        let g = &self.progress;
        let _ = writeln!(
            s,
            "\n## Progress against the plan\n\n| Steps | Reached | Marked done | In progress | Planned | Overdue | Dropped |\n|---|---|---|---|---|---|---|\n| {} | {} | {} | {} | {} | {} | {} |\n\n{}",
            g.steps,
            g.reached,
            g.marked_done,
            g.in_progress,
            g.planned,
            g.overdue.len(),
            g.dropped,
            self.progress_formula
        );
        let t = &self.trustworthiness;
        s.push_str("\n## Trustworthiness\n\n| Characteristic | Minimum | Target | Current |\n|---|---|---|---|\n");
        let opt = |v: Option<u8>| v.map_or("-".to_string(), |v| v.to_string());
        for c in &t.characteristics {
            let from = if c.current_from_smm { " (from the SMM results)" } else { "" };
            let _ = writeln!(s, "| {} | {} | {} | {}{from} |", c.name, opt(c.minimum), opt(c.target), opt(c.current));
        }
        let _ = writeln!(s, "\n{}\n", t.security_formula);
        for tr in &t.tradeoffs {
            let _ = writeln!(s, "- Trade-off ({}): {}", tr.affects.join(", "), md_escape(&tr.description));
        }
        s.push_str("\n| Software lifecycle | Yes | Partly | No | Not applicable | Unanswered | Coverage |\n|---|---|---|---|---|---|---|\n");
        let trust_cat = crate::model::trust::TrustCatalogue::builtin();
        for (id, sum) in t.phases.iter().chain(&t.topics) {
            let name = trust_cat
                .phases
                .iter()
                .chain(&trust_cat.topics)
                .find(|n| n.id == *id)
                .map_or(id.as_str(), |n| n.name.as_str());
            let cov = sum.coverage_percent().map_or("-".to_string(), |c| format!("{c}%"));
            let _ = writeln!(
                s,
                "| {name} | {} | {} | {} | {} | {} | {cov} |",
                sum.yes, sum.partly, sum.no, sum.not_applicable, sum.unanswered
            );
        }
        let _ = writeln!(s, "\n{}", t.coverage_formula);
        if !self.evidence.is_empty() {
            s.push_str("\n## Evidence\n\n| Practice | Reference | Holder | Obtained | Review by | File | Size (bytes) | SHA-256 | Fingerprint taken |\n|---|---|---|---|---|---|---|---|---|\n");
            for e in &self.evidence {
                let name = catalogue.practice(&e.practice).map_or(e.practice.as_str(), |p| p.name.as_str());
                let (file, size, hash, on) = match &e.file {
                    Some(f) => (f.name.as_str(), f.size.to_string(), f.sha256.as_str(), f.taken_on.as_str()),
                    None => ("-", "-".to_string(), "-", "-"),
                };
                let review = if e.expired {
                    format!("{} (**past its date**)", md_escape(&e.review_by))
                } else {
                    md_escape(&e.review_by)
                };
                let _ = writeln!(
                    s,
                    "| {} | {} | {} | {} | {review} | {} | {size} | {} | {} |",
                    md_escape(name),
                    md_escape(&e.reference),
                    md_escape(&e.holder),
                    md_escape(&e.obtained),
                    md_escape(file),
                    if hash == "-" { "-".to_string() } else { format!("`{}`", md_escape(hash)) },
                    md_escape(on)
                );
            }
        }
        if !self.stale_indicators.is_empty() {
            s.push_str("\nIndicators met whose evidence has all passed its review date (still counted; for the assessor to look at again):\n\n");
            for x in &self.stale_indicators {
                let _ =
                    writeln!(s, "- `{}` (evidence to review by {})", md_escape(&x.indicator), md_escape(&x.review_by));
            }
        }
        if !self.interviews.is_empty() {
            s.push_str("\n## Interviews\n\n| Practice | Answers | Spread | Indicators in dispute | Resolved |\n|---|---|---|---|---|\n");
            for r in &self.interviews {
                let name = catalogue.practice(&r.practice).map_or(r.practice.as_str(), |p| p.name.as_str());
                let resolved = r.resolution.as_ref().map_or("no".to_string(), |x| {
                    if x.note.is_empty() {
                        md_escape(&x.resolved_on)
                    } else {
                        format!("{}: {}", md_escape(&x.resolved_on), md_escape(&x.note))
                    }
                });
                let _ = writeln!(
                    s,
                    "| {} | {} | {} | {} | {resolved} |",
                    md_escape(name),
                    r.answers,
                    r.spread,
                    r.disputed_indicators
                );
            }
            let _ = writeln!(s, "\n{}", crate::engine::consensus::SPREAD_FORMULA);
        }
        s
    }

    /// CSV, one row per practice: the gap table. UTF-8, comma-separated, RFC 4180 quoting.
    pub fn gaps_to_csv(&self, catalogue: &Catalogue) -> String {
        let mut s = String::new();
        csv_row(
            &mut s,
            &[
                "practice_id",
                "practice",
                "domain",
                "subdomain",
                "target_level",
                "target_scope",
                "achieved",
                "achieved_scope",
                "derived_level",
                "override",
                "status",
                "shortfall",
                "excess",
                "scope_shortfall",
            ],
        );
        for g in &self.practices {
            let practice = catalogue.practice(&g.id);
            let parents = practice.and_then(|p| catalogue.parents_of(p));
            let opt = |l: Option<crate::base::level::Level>| l.map_or(String::new(), |l| l.to_string());
            csv_row(
                &mut s,
                &[
                    &g.id,
                    practice.map_or("", |p| p.name.as_str()),
                    parents.map_or("", |(d, _)| d.name.as_str()),
                    parents.map_or("", |(_, sd)| sd.name.as_str()),
                    &g.target.map_or(String::new(), |t| t.level.to_string()),
                    g.target.map_or("", |t| t.scope.id()),
                    &opt(g.achieved),
                    g.achieved_scope.map_or("", |sc| sc.id()),
                    &opt(g.derived_level),
                    &g.level_override.as_ref().map_or(String::new(), |o| o.level.to_string()),
                    g.status.id(),
                    &g.shortfall.to_string(),
                    &g.excess.to_string(),
                    if g.scope_shortfall { "yes" } else { "no" },
                ],
            );
        }
        s
    }
}

/// One step's plan in a sentence, for the printed and the Word report:
/// owner, due date, status, the reference when there is one, and "Overdue."
/// when the report says so.
pub fn plan_sentence(plan: &crate::model::assessment::StepPlan, overdue: bool) -> String {
    let or = |v: &str| if v.is_empty() { "not set".to_string() } else { v.to_string() };
    let mut line = format!("Owner: {}. Due: {}. Status: {}.", or(&plan.owner), or(&plan.due), plan.status.name());
    if !plan.reference.is_empty() {
        line.push_str(&format!(" Reference: {}.", plan.reference));
    }
    if overdue {
        line.push_str(" Overdue.");
    }
    line
}

/// One change of a step's status in words: `2026-11-02 In progress: note`.
pub fn status_change_words(c: &crate::model::assessment::StatusChange) -> String {
    let note = if c.note.is_empty() { String::new() } else { format!(": {}", c.note) };
    format!("{} {}{note}", c.on, c.status.name())
}

/// The roadmap as CSV for Excel and LibreOffice: UTF-8 with a byte-order mark,
/// comma-separated, RFC 4180 quoting, CRLF line ends; one row per step in
/// roadmap order, with the plan's owner, due date and status.
pub fn roadmap_to_csv(
    catalogue: &Catalogue,
    steps: &[RoadmapStep],
    plan: &std::collections::BTreeMap<String, crate::model::assessment::StepPlan>,
) -> String {
    let mut s = String::from("\u{FEFF}");
    csv_row(
        &mut s,
        &[
            "order",
            "step_id",
            "practice_id",
            "practice",
            "level",
            "level_name",
            "domain_priority",
            "subdomain_priority",
            "shortfall",
            "actions",
            "unmet_indicators",
            "owner",
            "due",
            "status",
            "reference",
            "history",
        ],
    );
    for (n, step) in steps.iter().enumerate() {
        let name = catalogue.practice(&step.practice).map_or("", |p| p.name.as_str());
        let unmet: Vec<String> = step
            .unmet_indicators
            .iter()
            .map(|id| match catalogue.indicator(id) {
                Some(r) => format!("{id}: {}", r.indicator.text),
                None => id.clone(),
            })
            .collect();
        let p = plan.get(&step.id).cloned().unwrap_or_default();
        csv_row(
            &mut s,
            &[
                &(n + 1).to_string(),
                &step.id,
                &step.practice,
                name,
                &step.level.to_string(),
                step.level.name(),
                step.domain_priority.name(),
                step.subdomain_priority.name(),
                &step.shortfall.to_string(),
                &step.actions.join("\n"),
                &unmet.join("\n"),
                &p.owner,
                &p.due,
                p.status.name(),
                &p.reference,
                &p.history
                    .iter()
                    .map(|c| {
                        if c.note.is_empty() {
                            format!("{} {}", c.on, c.status.id())
                        } else {
                            format!("{} {}: {}", c.on, c.status.id(), c.note)
                        }
                    })
                    .collect::<Vec<_>>()
                    .join("\n"),
            ],
        );
    }
    s
}

#[cfg(test)]
#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_quotes_what_needs_it_and_guards_formulas() {
        let mut s = String::new();
        csv_row(&mut s, &["plain", "a,b", "say \"hi\"", "two\nlines", "=SUM(A1)", "ünï"]);
        assert_eq!(s, "plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",'=SUM(A1),ünï\r\n");
    }

    #[test]
    fn markdown_escape_makes_html_inert() {
        assert_eq!(md_escape("<script>|x"), "&lt;script&gt;\\|x");
    }
}
