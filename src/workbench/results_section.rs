//! Results: roll-ups, the gap table, and the charts with their table equivalents.

use leptos::prelude::*;
use smm_core::engine::{Rollup, ROLLUP_FORMULAS};
use smm_core::{Catalogue, Report};

use crate::workbench::charts;
use crate::workbench::state::Current;

/// The results of the current assessment.
#[component]
pub fn ResultsSection() -> impl IntoView {
    let c = Current::expect();
    view! {
        <section class="page results">
            <h1 tabindex="-1">"Results"</h1>
            <p class="lead">
                "Shortfall shows where a practice is below its target. Above target is shown apart, as a possible "
                "over-investment to review, not as a success: the aim is the level that fits the need."
            </p>
            <p>
                "To print: "<a href=c.href(crate::shared::route::Section::Board)>"the board page"</a>
                " (one page for management) or "<a href=c.href(crate::shared::route::Section::Report)>"the full report"</a>"."
            </p>
            {move || c.report.get().map(|r| view! { <ResultsBody report=r /> })}
        </section>
    }
}

/// A summary figure with its formula one click away.
fn figure(value: String, label: &'static str, field: &'static str, class: &'static str) -> impl IntoView {
    let formula = ROLLUP_FORMULAS.iter().find(|f| f.field == field).map_or("", |f| f.formula);
    view! {
        <div class=format!("card figure {class}")>
            <strong class="figure-value">{value}</strong>
            <span>{label}</span>
            <details>
                <summary>"How is this computed?"</summary>
                <p>{formula}"."</p>
                <p class="muted">"This roll-up is SMM Navigator's own: the SMM scores each practice on its own and defines no total."</p>
            </details>
        </div>
    }
}

/// The summary figures of a roll-up.
pub fn summary_figures(o: &Rollup) -> impl IntoView {
    view! {
        <div class="figures">
            {figure(format!("{} of {}", o.on_or_above_target, o.with_target), "practices on or above target", "on_or_above_target", "ok")}
            {figure(format!("{} levels", o.total_shortfall), "total shortfall", "total_shortfall", "short")}
            {figure(format!("{} ({} levels)", o.above_target, o.total_excess), "above target: possible over-investment", "above_target", "over")}
            {figure(o.not_assessed.to_string(), "not assessed", "not_assessed", "neutral")}
        </div>
    }
}

/// The gap table: one row per practice.
pub fn gap_table(report: &Report, table_id: &'static str) -> impl IntoView {
    let cat = Catalogue::builtin();
    let rows = report
        .practices
        .iter()
        .map(|g| {
            let name = cat.practice(&g.id).map_or(g.id.clone(), |p| p.name.clone());
            let target = g.target.map_or("–".to_string(), |t| format!("{} ({})", t.level, t.scope.id()));
            let achieved = match (g.achieved, &g.level_override) {
                (None, _) => "–".to_string(),
                (Some(a), Some(_)) => format!("{a} (override; derived {})", g.derived_level.map_or(0, |d| d.get())),
                (Some(a), None) => a.to_string(),
            };
            let scope_note = g.scope_shortfall.then_some(" · scope below target");
            view! {
                <tr class=format!("status-{}", g.status.id()) data-practice=g.id.clone()>
                    <th scope="row">{name}</th>
                    <td>{target}</td>
                    <td>{achieved}</td>
                    <td>{g.status.label()}{scope_note}</td>
                    <td class="num">{g.shortfall}</td>
                    <td class="num">{g.excess}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="table-wrap" tabindex="0">
            <table id=table_id class="gap-table">
                <caption>"Gap analysis by practice"</caption>
                <thead>
                    <tr>
                        <th scope="col">"Practice"</th><th scope="col">"Target"</th><th scope="col">"Achieved"</th>
                        <th scope="col">"Status"</th><th scope="col">"Shortfall"</th><th scope="col">"Excess"</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}

/// The roll-up table per domain and subdomain (also the text equivalent of the domain chart).
pub fn rollup_table(report: &Report, table_id: &'static str) -> impl IntoView {
    let row = |name: String, r: &Rollup, sub: bool| {
        view! {
            <tr class=if sub { "sub" } else { "" }>
                <th scope="row">{name}</th>
                <td class="num">{format!("{} of {}", r.on_or_above_target, r.with_target)}</td>
                <td class="num">{r.total_shortfall}</td>
                <td class="num">{r.above_target}</td>
                <td class="num">{r.not_assessed}</td>
                <td class="num">{r.not_applicable}</td>
            </tr>
        }
    };
    let cat = Catalogue::builtin();
    let mut rows = vec![row("All practices".into(), &report.rollups.overall, false).into_any()];
    for d in &report.rollups.domains {
        rows.push(row(d.name.clone(), &d.rollup, false).into_any());
        for s in report.rollups.subdomains.iter().filter(|s| cat.subdomain(&s.id).is_some_and(|(dd, _)| dd.id == d.id))
        {
            rows.push(row(s.name.clone(), &s.rollup, true).into_any());
        }
    }
    view! {
        <div class="table-wrap" tabindex="0">
            <table id=table_id class="rollup-table">
                <caption>"Roll-ups by domain and subdomain (SMM Navigator's own)"</caption>
                <thead>
                    <tr>
                        <th scope="col">"Group"</th><th scope="col">"On or above target"</th><th scope="col">"Total shortfall"</th>
                        <th scope="col">"Above target"</th><th scope="col">"Not assessed"</th><th scope="col">"Not applicable"</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}

/// The formulas of every roll-up.
pub fn formulas() -> impl IntoView {
    view! {
        <details class="formulas">
            <summary>"How are the roll-ups computed?"</summary>
            <p>"The SMM scores each practice on its own. These figures are SMM Navigator's own summaries:"</p>
            <dl>
                {ROLLUP_FORMULAS.iter().map(|f| view! { <dt>{f.label}</dt><dd>{f.formula}"."</dd> }).collect_view()}
            </dl>
        </details>
    }
}

#[component]
fn ResultsBody(report: Report) -> impl IntoView {
    let cat = Catalogue::builtin();
    let gap_svg = charts::gap_chart_svg(cat, &report);
    let domain_svg = charts::domain_chart_svg(cat, &report);
    view! {
        {summary_figures(&report.rollups.overall)}
        <h2>"Target versus achieved, by practice"</h2>
        <figure class="chart">
            <div class="chart-svg" role="img"
                aria-label="Bar chart of target and achieved level for each practice, grouped by domain. The gap table below gives the same figures."
                inner_html=gap_svg></div>
            <figcaption>"Bars show the achieved level; the black mark is the target. Orange: shortfall. Purple: above target (possible over-investment). The gap table gives the same information."</figcaption>
        </figure>
        {gap_table(&report, "gap-table")}
        <h2>"Summary by domain"</h2>
        <figure class="chart">
            <div class="chart-svg" role="img"
                aria-label="Stacked bars of practice statuses per domain. The roll-up table below gives the same counts."
                inner_html=domain_svg></div>
            <figcaption>"Number of practices per status in each domain. The roll-up table gives the same counts."</figcaption>
        </figure>
        {rollup_table(&report, "rollup-table")}
        {formulas()}
        {expired_evidence(&report, "expired-evidence")}
    }
}

/// Evidence past its review date on the report's day, and the met indicators
/// that rest on it alone; nothing when all evidence is current.
pub fn expired_evidence(report: &Report, table_id: &'static str) -> impl IntoView {
    let cat = Catalogue::builtin();
    let name = |id: &str| cat.practice(id).map_or(id.to_string(), |p| p.name.clone());
    let rows: Vec<_> = report.evidence.iter().filter(|e| e.expired).cloned().collect();
    if rows.is_empty() {
        return ().into_any();
    }
    let stale = report.stale_indicators.clone();
    view! {
        <section class="expired-evidence" aria-labelledby=format!("{table_id}-title")>
            <h2 id=format!("{table_id}-title")>"Evidence past its review date"</h2>
            <p>{format!(
                "{} piece(s) of evidence needed another look before {}. The indicators they support stay met until the assessor decides otherwise.",
                rows.len(), report.as_of
            )}</p>
            <table id=table_id>
                <caption class="visually-hidden">"Evidence past its review date"</caption>
                <thead><tr><th scope="col">"Practice"</th><th scope="col">"Reference"</th><th scope="col">"Held by"</th><th scope="col">"Obtained"</th><th scope="col">"Review by"</th></tr></thead>
                <tbody>{rows.into_iter().map(|e| view! {
                    <tr><td>{name(&e.practice)}</td><td>{e.reference}</td><td>{e.holder}</td><td>{e.obtained}</td><td>{e.review_by}</td></tr>
                }).collect_view()}</tbody>
            </table>
            {(!stale.is_empty()).then(|| view! {
                <p>{format!(
                    "Met indicators whose evidence has all passed its date ({}): {}.",
                    stale.len(),
                    stale.iter().map(|s| s.indicator.as_str()).collect::<Vec<_>>().join(", ")
                )}</p>
            })}
        </section>
    }
    .into_any()
}
