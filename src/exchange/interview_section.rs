//! Interviews: make interview files for chosen practices, take the answers
//! back, see where the interviewees disagree, and resolve each practice.

use leptos::prelude::*;
use smm_core::interview::{consensus, interview_file, interviewees, make_interview, SPREAD_FORMULA};
use smm_core::Catalogue;

use super::consensus_card::ConsensusCard;
use crate::shared::clock::today;
use crate::shared::download::file_stem;
use crate::workbench::charts;
use crate::workbench::outbox::{self, Notice, Outgoing};
use crate::workbench::seal_choice::SealChoice;
use crate::workbench::state::Current;
use crate::workbench::transfer::{import_picked, TransferMessage};
use crate::workbench::transfer_notice::TransferNotice;

/// A fresh interview id: `iv-` and eight hexadecimal digits.
fn fresh_interview_id() -> String {
    let n = (js_sys::Math::random() * f64::from(u32::MAX)) as u32;
    format!("iv-{n:08x}")
}

/// Offers the interview file of interview `iv` of the current assessment.
fn send_interview(c: Current, iv: &smm_core::interview::Interview) -> TransferMessage {
    let Some(a) = c.assessment.get_untracked() else {
        return TransferMessage { ok: false, summary: "There is no such assessment.".into(), details: vec![] };
    };
    let file = interview_file(&a, iv);
    let json = serde_json::to_string_pretty(&file).unwrap_or_default();
    let out = Outgoing::json(
        format!("interview-{}-{}.json", file_stem(&a.metadata.name), iv.id),
        json,
        format!(
            "Made the interview file for {} practice(s). Send it to each interviewee: they open it in SMM Navigator \
             (Import, or drop it on the page), answer, and send back their answers file.",
            iv.practices.len()
        ),
    );
    outbox::send(c.state, out, Notice::Transfer)
}

/// The interviews of the current assessment.
#[component]
pub fn InterviewSection() -> impl IntoView {
    let c = Current::expect();
    let cat = Catalogue::builtin();
    let chosen = RwSignal::new(Vec::<String>::new());
    let problem = RwSignal::new(None::<String>);
    let make = move || {
        let practices = chosen.get_untracked();
        let id = fresh_interview_id();
        let Some(mut a) = c.assessment.get_untracked() else { return };
        match make_interview(&mut a, cat, &id, &practices, &today()) {
            Err(e) => problem.set(Some(format!("{e}."))),
            Ok(_) => {
                problem.set(None);
                let iv = a.interviews.last().cloned();
                c.edit(move |x| x.interviews = a.interviews);
                if let Some(iv) = iv.filter(|iv| c.with(|a| a.interviews.contains(iv)).unwrap_or(false)) {
                    c.state.transfer.set(Some(send_interview(c, &iv)));
                    chosen.set(Vec::new());
                }
            }
        }
    };
    let with_targets = move || {
        c.with(|a| {
            cat.practices
                .iter()
                .filter(|p| a.targets.get(&p.id).is_some_and(|t| t.is_applicable()))
                .map(|p| p.id.clone())
                .collect::<Vec<_>>()
        })
        .unwrap_or_default()
    };
    let rows = Memo::new(move |_| c.with(|a| consensus(cat, a)).unwrap_or_default());
    let names = Memo::new(move |_| c.with(interviewees).unwrap_or_default());
    view! {
        <section class="page interviews">
            <h1 tabindex="-1">"Interviews"</h1>
            <p class="lead">
                "Ask the people who know each practice (the plant manager, the OT engineer, the product owner) "
                "to answer on their own machines, then see where they disagree before you decide the result."
            </p>
            <section class="card" aria-labelledby="iv-new">
                <h2 id="iv-new">"Make an interview file"</h2>
                <p class="muted">
                    "The file holds the chosen practices and this assessment's title, nothing else: "
                    "no results, notes, targets or names. Each interviewee adds the name or pseudonym they choose."
                </p>
                <fieldset class="practice-choices">
                    <legend>"Practices to ask about"</legend>
                    <button type="button" class="secondary small" on:click=move |_| chosen.set(with_targets())>
                        "Choose the practices with a target"
                    </button>
                    <ul class="choice-list">
                        {cat.practices.iter().map(|p| {
                            let id = p.id.clone();
                            let id2 = p.id.clone();
                            let input_id = format!("iv-pick-{}", p.id);
                            view! {
                                <li>
                                    <input type="checkbox" id=input_id.clone()
                                        prop:checked=move || chosen.with(|v| v.contains(&id))
                                        on:change=move |ev| {
                                            let on = event_target_checked(&ev);
                                            let id = id2.clone();
                                            chosen.update(|v| { v.retain(|x| *x != id); if on { v.push(id); } });
                                        } />
                                    <label for=input_id>{p.name.clone()}</label>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                </fieldset>
                <SealChoice />
                <button type="button" prop:disabled=move || chosen.with(Vec::is_empty) on:click=move |_| make()>
                    {move || format!("Make the interview file ({} practices)", chosen.with(Vec::len))}
                </button>
                {move || problem.get().map(|p| view! { <p class="form-error" role="alert">{p}</p> })}
            </section>
            <section class="card" aria-labelledby="iv-list">
                <h2 id="iv-list">"Interviews and answers"</h2>
                <label class="file-pick">
                    "Import answers files"
                    <input type="file" multiple accept=".json,.age,application/json"
                        on:change=move |ev| import_picked(c.state, &ev) />
                </label>
                <TransferNotice />
                {move || {
                    let list = c.with(|a| a.interviews.clone()).unwrap_or_default();
                    if list.is_empty() {
                        return view! { <p>"No interview yet."</p> }.into_any();
                    }
                    view! {
                        <table class="data interviews-table">
                            <caption class="visually-hidden">"Interviews of this assessment"</caption>
                            <thead><tr><th scope="col">"Interview"</th><th scope="col">"Practices"</th><th scope="col">"Answers from"</th><th scope="col">"File"</th></tr></thead>
                            <tbody>
                                {list.into_iter().map(|iv| {
                                    let names: Vec<String> = iv.responses.iter().map(|r| format!("{} ({})", r.interviewee, r.answered_on)).collect();
                                    let practices: Vec<String> = iv.practices.iter().map(|p| cat.practice(p).map_or(p.clone(), |x| x.name.clone())).collect();
                                    let label = format!("Download again: interview file {}", iv.id);
                                    view! {
                                        <tr>
                                            <th scope="row">{format!("{} ({})", iv.id, iv.created)}</th>
                                            <td>{practices.join(", ")}</td>
                                            <td>{if names.is_empty() { "none yet".to_string() } else { names.join(", ") }}</td>
                                            <td><button type="button" class="secondary small" aria-label=label
                                                on:click=move |_| c.state.transfer.set(Some(send_interview(c, &iv)))>"Download again"</button></td>
                                        </tr>
                                    }
                                }).collect_view()}
                            </tbody>
                        </table>
                    }.into_any()
                }}
            </section>
            {move || (!rows.with(Vec::is_empty)).then(|| {
                let heat = charts::heat_rows(cat, &rows.get(), &names.get());
                let svg = charts::heatmap_svg(&heat, &names.get());
                view! {
                    <section class="card" aria-labelledby="iv-heat">
                        <h2 id="iv-heat">"Where the answers differ"</h2>
                        <div class="chart-svg" role="img"
                            aria-label="Level derived from each interviewee's answers, per practice; the table below gives the same figures."
                            inner_html=svg></div>
                        <table class="data consensus-table">
                            <caption>"Level derived from each interviewee's answers"</caption>
                            <thead><tr>
                                <th scope="col">"Practice"</th>
                                {names.get().into_iter().map(|n| view! { <th scope="col">{n}</th> }).collect_view()}
                                <th scope="col">"Spread"</th><th scope="col">"Indicators in dispute"</th><th scope="col">"Resolved"</th>
                            </tr></thead>
                            <tbody>
                                {heat.into_iter().zip(rows.get()).map(|(h, r)| view! {
                                    <tr class:disputed=r.disagreement()>
                                        <th scope="row">{h.label}</th>
                                        {h.cells.into_iter().map(|cell| view! { <td>{cell.map_or("-".to_string(), |(l, _)| l.to_string())}</td> }).collect_view()}
                                        <td>{h.spread}</td>
                                        <td>{r.indicators.iter().filter(|v| v.disputed()).count()}</td>
                                        <td>{r.resolution.as_ref().map_or("no".to_string(), |x| format!("yes, {}", x.resolved_on))}</td>
                                    </tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                        <p class="muted">{SPREAD_FORMULA}</p>
                    </section>
                }
            })}
            {move || rows.get().into_iter().map(|r| view! { <ConsensusCard consensus=r /> }).collect_view()}
        </section>
    }
}
