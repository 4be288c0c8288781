//! The board page: one printed A4 page of what management reads, laid out
//! from the core's [`smm_core::report::BoardPage`].

use leptos::prelude::*;
use smm_core::report::{step_words, BoardPage};
use smm_core::Catalogue;

use crate::shared::route::Section;
use crate::workbench::charts;
use crate::workbench::results_section::summary_figures;
use crate::workbench::state::Current;

/// The board page of the current assessment, with its print button.
#[component]
pub fn BoardSection() -> impl IntoView {
    let c = Current::expect();
    let page = move || {
        c.assessment.get().zip(c.report.get()).map(|(a, r)| {
            let board = BoardPage::new(Catalogue::builtin(), &a, &r);
            view! { <BoardBody board=board report=r /> }
        })
    };
    let message = RwSignal::new(None::<String>);
    let docx = move |_| {
        let m = crate::workbench::transfer::export_docx(
            c.state,
            &c.id.get_value(),
            Vec::new(),
            true,
            crate::workbench::outbox::Notice::Inline(message),
        );
        message.set(Some(m.summary));
    };
    view! {
        <section class="page board">
            <p class="no-print">
                <button type="button" class="primary" on:click=move |_| { let _ = window().print(); }>"Print or save as PDF"</button>
                " "
                <button type="button" on:click=docx>"Download as Word (DOCX)"</button>
                <span role="status" class="inline-status">{move || message.get()}</span>
                <br />
                " One A4 page for management. The full report, with every practice, the roadmap and the evidence, is "
                <a href=c.href(Section::Report)>"the report"</a>"."
            </p>
            {page}
        </section>
    }
}

#[component]
fn BoardBody(board: BoardPage, report: smm_core::Report) -> impl IntoView {
    let cat = Catalogue::builtin();
    let gaps = board
        .gaps
        .iter()
        .map(|g| {
            let steps = if g.steps.is_empty() {
                view! { <p>"Widen the scope the result covers."</p> }.into_any()
            } else {
                view! { <ul class="board-steps">{g.steps.iter().map(|s| view! { <li>{step_words(s)}</li> }).collect_view()}</ul> }.into_any()
            };
            view! {
                <tr data-practice=g.practice.clone()>
                    <th scope="row">{g.name.clone()}</th>
                    <td>{g.target.get()}</td>
                    <td>{g.achieved.map_or("not assessed".to_string(), |l| l.get().to_string())}</td>
                    <td>{format!("{}{}", g.shortfall, if g.scope_shortfall { " and scope" } else { "" })}</td>
                    <td>{steps}</td>
                </tr>
            }
        })
        .collect_view();
    let over = board
        .over_investment
        .iter()
        .map(|e| {
            view! {
                <tr data-practice=e.practice.clone()>
                    <th scope="row">{e.name.clone()}</th>
                    <td>{e.target.get()}</td><td>{e.achieved.get()}</td><td>{e.excess}</td>
                </tr>
            }
        })
        .collect_view();
    let counts = charts::domain_counts(cat, &report);
    let headings = counts
        .first()
        .map(|d| d.parts.iter().map(|(label, _, _)| view! { <th scope="col">{*label}</th> }).collect_view());
    let domains = counts
        .into_iter()
        .map(|d| {
            view! {
                <tr>
                    <th scope="row">{d.name}</th>
                    {d.parts.iter().map(|(_, n, _)| view! { <td>{*n}</td> }).collect_view()}
                </tr>
            }
        })
        .collect_view();
    view! {
        <article class="board-page">
            <header>
                <p class="muted">"SMM Navigator board page · IoT Security Maturity Model"</p>
                <h1 tabindex="-1">{board.title.clone()}</h1>
                <p class="board-context">{board.context.clone()}</p>
            </header>
            <p class="board-summary">{board.summary.clone()}</p>
            {summary_figures(&report.rollups.overall)}
            <section class="board-gaps">
                <h2>{format!("The largest gaps ({} of {})", board.gaps.len(), board.gaps_in_all)}</h2>
                {if board.gaps.is_empty() {
                    view! { <p>"No practice is below its target."</p> }.into_any()
                } else {
                    view! {
                        <div class="table-wrap" tabindex="0"><table class="data board-gap-table">
                            <caption class="visually-hidden">"The largest gaps with their planned steps, owners, dates and statuses"</caption>
                            <thead><tr><th scope="col">"Practice"</th><th scope="col">"Target"</th><th scope="col">"Achieved"</th><th scope="col">"Short by"</th><th scope="col">"Planned steps"</th></tr></thead>
                            <tbody>{gaps}</tbody>
                        </table></div>
                    }.into_any()
                }}
            </section>
            <div class="board-columns">
                <section class="board-over">
                    <h2>"Possible over-investment to review"</h2>
                    {if board.over_investment.is_empty() {
                        view! { <p>"No practice is above its target."</p> }.into_any()
                    } else {
                        view! {
                            <div class="table-wrap" tabindex="0"><table class="data board-over-table">
                                <caption class="visually-hidden">"Practices above their target"</caption>
                                <thead><tr><th scope="col">"Practice"</th><th scope="col">"Target"</th><th scope="col">"Achieved"</th><th scope="col">"Above by"</th></tr></thead>
                                <tbody>{over}</tbody>
                            </table></div>
                        }.into_any()
                    }}
                </section>
                <section class="board-chart">
                    <h2>"Practices by domain"</h2>
                    <div class="chart-svg" role="img" aria-label="Practice statuses per domain; the table below gives the same counts." inner_html=charts::domain_chart_svg(cat, &report)></div>
                    <div class="table-wrap" tabindex="0"><table class="data board-domain-table">
                        <caption class="visually-hidden">"Practice statuses per domain"</caption>
                        <thead><tr><th scope="col">"Domain"</th>{headings}</tr></thead>
                        <tbody>{domains}</tbody>
                    </table></div>
                </section>
            </div>
            <p class="muted board-rule">{board.rule}</p>
        </article>
    }
}
