//! The printable report: metadata, the sign-off, summary, charts, gap table,
//! roll-ups, roadmap with progress against the plan, evidence and what is past its date.

use leptos::prelude::*;
use smm_core::engine::ROLLUP_FORMULAS;
use smm_core::framework::Framework;
use smm_core::mapping::coverage;
use smm_core::{Assessment, Catalogue, Report};

use super::signoff_panel::SignOffPanel;
use super::trust_section::{checklist_table, trust_figures};
use crate::workbench::charts;
use crate::workbench::results_section::{expired_evidence, gap_table, rollup_table, summary_figures};
use crate::workbench::state::Current;

/// The report of the current assessment, laid out for print.
#[component]
pub fn ReportSection() -> impl IntoView {
    let c = Current::expect();
    c.state.load_builtin();
    // Framework ids whose coverage summary the report includes.
    let chosen = RwSignal::new(Vec::<String>::new());
    let choices = move || {
        c.state
            .frameworks()
            .into_iter()
            .map(|f| {
                let id = f.id.clone();
                let check_id = format!("report-fw-{}", f.id.replace('.', "-"));
                let on = id.clone();
                view! {
                    <span class="check-inline">
                        <input type="checkbox" id=check_id.clone() prop:checked=move || chosen.get().contains(&on)
                            on:change=move |ev| {
                                let id = id.clone();
                                chosen.update(|v| { v.retain(|x| *x != id); if event_target_checked(&ev) { v.push(id); } });
                            } />
                        <label for=check_id>{f.name.clone()}</label>
                    </span>
                }
            })
            .collect_view()
    };
    let coverage = move || {
        let ids = chosen.get();
        c.state
            .frameworks()
            .into_iter()
            .filter(|f| ids.contains(&f.id))
            .filter_map(|f| c.state.mappings_for(&f.id).into_iter().next().map(|m| (f, m)))
            .collect::<Vec<_>>()
    };
    let message = RwSignal::new(None::<String>);
    let docx = move |_| {
        let m = crate::workbench::transfer::export_docx(
            c.state,
            &c.id.get_value(),
            chosen.get_untracked(),
            false,
            crate::workbench::outbox::Notice::Inline(message),
        );
        message.set(Some(m.summary));
    };
    view! {
        <section class="page report">
            <p class="no-print">
                <button type="button" class="primary" on:click=move |_| { let _ = window().print(); }>"Print or save as PDF"</button>
                " "
                <button type="button" on:click=docx>"Download as Word (DOCX)"</button>
                <span role="status" class="inline-status">{move || message.get()}</span>
                <br />
                " The printout leaves out navigation and buttons, and keeps each chart and table row on one page. "
                "For management, "<a href=c.href(crate::shared::route::Section::Board)>"the board page"</a>" sums it up on one page."
            </p>
            <fieldset class="no-print report-frameworks">
                <legend>"Include the coverage of these frameworks (in print and in the Word report)"</legend>
                {choices}
            </fieldset>
            <div class="no-print"><crate::workbench::seal_choice::SealChoice /></div>
            {move || c.assessment.get().zip(c.report.get()).map(|(a, r)| view! { <ReportBody assessment=a report=r coverage=coverage() /> })}
            // Outside the body, which is drawn again when the frameworks arrive: what is typed stays.
            <SignOffPanel />
        </section>
    }
}

/// The coverage summary of one framework for the report: the top-level groups and
/// the tier below them that hold implied requirements.
fn framework_coverage(
    assessment: &Assessment,
    report: &Report,
    framework: &Framework,
    mapping: &smm_core::mapping::Mapping,
) -> impl IntoView {
    let smm_core::mapping::Coverage { role, requirements: list, groups } =
        coverage(framework, mapping, &report.practices, assessment.metadata.role);
    let rows = groups
        .into_iter()
        .filter(|g| g.in_report_summary())
        .map(|g| {
            view! {
                <tr class=format!("depth-{}", g.depth)>
                    <th scope="row">{format!("{} {}", g.group, g.title)}</th>
                    <td>{g.implied}</td><td>{g.covered}</td><td>{g.implied - g.covered}</td>
                </tr>
            }
        })
        .collect_view();
    let covered = list.iter().filter(|r| r.covered).count();
    view! {
        <section class="report-framework" data-framework=framework.id.clone()>
            <h2>{format!("{} coverage", framework.name)}</h2>
            <p>{format!(
                "{covered} of {} requirements implied by the targets are covered by the achieved levels ({}{}).",
                list.len(), mapping.name, role.map_or(String::new(), |r| format!(", {} role", r.name().to_lowercase()))
            )}</p>
            {framework.caution.clone().map(|t| view! { <p class="levels-note">{t}</p> })}
            <table class="coverage-table">
                <caption>{format!("Implied and covered {} requirements per group", framework.name)}</caption>
                <thead><tr><th scope="col">"Group"</th><th scope="col">"Implied"</th><th scope="col">"Covered"</th><th scope="col">"Open"</th></tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </section>
    }
}

#[component]
fn ReportBody(
    assessment: Assessment,
    report: Report,
    coverage: Vec<(Framework, smm_core::mapping::Mapping)>,
) -> impl IntoView {
    let cat = Catalogue::builtin();
    let m = &assessment.metadata;
    let meta = [
        ("Organisation", m.organisation.clone()),
        ("System under assessment", m.system.clone()),
        ("Role", m.role.name().to_string()),
        ("Assessor", m.assessor.clone()),
        ("Assessed on", m.assessed_on.clone()),
        ("Last changed", m.updated.clone()),
    ]
    .into_iter()
    .filter(|(_, v)| !v.is_empty())
    .map(|(k, v)| view! { <dt>{k}</dt><dd>{v}</dd> })
    .collect_view();
    let o = report.rollups.overall;
    let steps = report
        .roadmap
        .iter()
        .map(|s| {
            let name = cat.practice(&s.practice).map_or(s.practice.clone(), |p| p.name.clone());
            let plan = assessment.plan.get(&s.id).cloned().unwrap_or_default();
            let plan_line =
                smm_core::report::plan_sentence(&plan, report.progress.overdue.contains(&s.id));
            let history = plan
                .history
                .iter()
                .map(smm_core::report::status_change_words)
                .collect::<Vec<_>>();
            view! {
                <li class="report-step">
                    <strong>{format!("{name}: reach level {} ({})", s.level, s.level.name())}</strong>
                    <p>{plan_line}</p>
                    {(!history.is_empty()).then(|| view! { <p class="muted">{format!("Status history: {}.", history.join("; "))}</p> })}
                    <ul>{s.actions.iter().map(|a| view! { <li>{a.clone()}</li> }).collect_view()}</ul>
                    <p class="muted">{format!("{} indicator(s) still unmet: {}", s.unmet_indicators.len(), s.unmet_indicators.join(", "))}</p>
                </li>
            }
        })
        .collect_view();
    let overrides = report
        .practices
        .iter()
        .filter_map(|g| g.level_override.as_ref().map(|o| (g, o)))
        .map(|(g, o)| {
            let name = cat.practice(&g.id).map_or(g.id.clone(), |p| p.name.clone());
            view! { <li><strong>{name}</strong>{format!(": recorded level {} instead of the derived {}. ", o.level, g.derived_level.map_or(0, |d| d.get()))}{o.justification.clone()}</li> }
        })
        .collect_view();
    view! {
        <article class="report-body">
            <header>
                <p class="muted">"SMM Navigator report · IoT Security Maturity Model"</p>
                <h1 tabindex="-1">{m.name.clone()}</h1>
                <dl class="meta">{meta}</dl>
            </header>
            {signoff_summary(&report)}
            <h2>"Summary"</h2>
            <p>{format!(
                "{} of {} practices with a target are on or above it. The total shortfall is {} level(s). {} practice(s) are above target, a possible over-investment to review. {} practice(s) are not assessed and {} are not applicable.",
                o.on_or_above_target, o.with_target, o.total_shortfall, o.above_target, o.not_assessed, o.not_applicable
            )}</p>
            {summary_figures(&o)}
            <p class="muted">"A higher level is not better in itself: each target is the level that fits the need."</p>
            <section class="report-chart">
                <h2>"Target versus achieved"</h2>
                <div class="chart-svg" role="img" aria-label="Target and achieved level for each practice; the gap table gives the same figures." inner_html=charts::gap_chart_svg(cat, &report)></div>
            </section>
            {gap_table(&report, "report-gap-table")}
            {(!report.practices.iter().all(|g| g.level_override.is_none())).then(|| view! {
                <h2>"Overrides"</h2>
                <ul>{overrides}</ul>
            })}
            <section class="report-chart">
                <h2>"Summary by domain"</h2>
                <div class="chart-svg" role="img" aria-label="Practice statuses per domain; the roll-up table gives the same counts." inner_html=charts::domain_chart_svg(cat, &report)></div>
            </section>
            {rollup_table(&report, "report-rollup-table")}
            <h2>"How the roll-ups are computed"</h2>
            <p>"The SMM scores each practice on its own. The roll-ups are SMM Navigator's own:"</p>
            <dl class="formula-list">
                {ROLLUP_FORMULAS.iter().map(|f| view! { <dt>{f.label}</dt><dd>{f.formula}"."</dd> }).collect_view()}
            </dl>
            {coverage.iter().map(|(f, m)| framework_coverage(&assessment, &report, f, m)).collect_view()}
            <h2>"Trustworthiness"</h2>
            {trust_figures(report.trustworthiness.clone())}
            {checklist_table(&assessment.trustworthiness)}
            <h2>"Roadmap"</h2>
            {if report.roadmap.is_empty() {
                view! { <p>"No practice is below its target."</p> }.into_any()
            } else {
                view! { <ol class="report-roadmap">{steps}</ol> }.into_any()
            }}
            {progress_table(&report)}
            {(!report.interviews.is_empty()).then(|| view! {
                <h2>"Interviews"</h2>
                <table class="data report-interviews">
                    <thead><tr><th scope="col">"Practice"</th><th scope="col">"Answers"</th><th scope="col">"Spread"</th><th scope="col">"Indicators in dispute"</th><th scope="col">"Resolved"</th></tr></thead>
                    <tbody>{report.interviews.iter().map(|r| view! {
                        <tr>
                            <th scope="row">{cat.practice(&r.practice).map_or(r.practice.clone(), |p| p.name.clone())}</th>
                            <td>{r.answers}</td><td>{r.spread}</td><td>{r.disputed_indicators}</td>
                            <td>{r.resolution.as_ref().map_or("no".to_string(), |x| if x.note.is_empty() { x.resolved_on.clone() } else { format!("{}: {}", x.resolved_on, x.note) })}</td>
                        </tr>
                    }).collect_view()}</tbody>
                </table>
                <p class="muted">{smm_core::interview::SPREAD_FORMULA}</p>
            })}
            {(!report.evidence.is_empty()).then(|| view! {
                <h2>"Evidence"</h2>
                <table class="data report-evidence">
                    <thead><tr><th scope="col">"Practice"</th><th scope="col">"Reference"</th><th scope="col">"Held by"</th><th scope="col">"Review by"</th><th scope="col">"File fingerprint (SHA-256)"</th></tr></thead>
                    <tbody>{report.evidence.iter().map(|e| view! {
                        <tr class:expired=e.expired>
                            <th scope="row">{cat.practice(&e.practice).map_or(e.practice.clone(), |p| p.name.clone())}</th>
                            <td>{e.reference.clone()}</td>
                            <td>{e.holder.clone()}</td>
                            <td>{e.review_by.clone()}{e.expired.then_some(" (past its date)")}</td>
                            <td>{e.file.as_ref().map(|f| view! {
                                {format!("{}, {} bytes, taken {}: ", f.name, f.size, f.taken_on)}<code class="digest">{f.sha256.clone()}</code>
                            })}</td>
                        </tr>
                    }).collect_view()}</tbody>
                </table>
            })}
            {expired_evidence(&report, "report-expired-evidence")}
        </article>
    }
}

/// The sign-off state in the report: the sentence and what changed.
fn signoff_summary(report: &Report) -> impl IntoView {
    let s = &report.signoff;
    view! {
        <p class="report-signoff"><strong>{s.sentence()}</strong></p>
        {(!s.changes.is_empty()).then(|| view! {
            <ul class="signoff-changes">
                {s.changes.iter().map(|x| view! { <li>{format!("{}: {}", x.label, x.what)}</li> }).collect_view()}
            </ul>
        })}
    }
}

/// Progress against the plan, with its formula.
fn progress_table(report: &Report) -> impl IntoView {
    let g = &report.progress;
    view! {
        <h2>"Progress against the plan"</h2>
        <table class="data report-progress">
            <caption>{format!(
                "Roadmap steps as of {}{}",
                report.as_of,
                g.percent_reached().map_or(String::new(), |p| format!(": {p}% reached"))
            )}</caption>
            <thead><tr>
                <th scope="col">"Steps"</th><th scope="col">"Reached"</th><th scope="col">"Marked done"</th>
                <th scope="col">"In progress"</th><th scope="col">"Planned"</th><th scope="col">"Overdue"</th><th scope="col">"Dropped"</th>
            </tr></thead>
            <tbody><tr>
                <td>{g.steps}</td><td>{g.reached}</td><td>{g.marked_done}</td>
                <td>{g.in_progress}</td><td>{g.planned}</td><td>{g.overdue.len()}</td><td>{g.dropped}</td>
            </tr></tbody>
        </table>
        <p class="muted">{report.progress_formula}</p>
    }
}
