//! The trustworthiness view of an assessment: five characteristics rated on
//! one scale (security linked to the SMM results), a radar chart with its table,
//! trade-offs, the four aspects, and the software lifecycle checklist.

use leptos::prelude::*;
use smm_core::trust::{
    checklist_csv, checklist_summary, Answer, ChecklistAnswer, TradeOff, TrustCatalogue, COVERAGE_FORMULA,
    SECURITY_FORMULA,
};

use crate::shared::download::file_stem;
use crate::workbench::charts;
use crate::workbench::outbox::{self, Notice, Outgoing};
use crate::workbench::seal_choice::SealChoice;
use crate::workbench::state::Current;

type Field = fn(&mut smm_core::trust::CharacteristicRating) -> &mut Option<u8>;
type TextField = fn(&mut smm_core::trust::CharacteristicRating) -> &mut String;

/// A rationale input for one rating of one characteristic.
fn rationale_input(c: Current, id: String, label: &'static str, field: TextField) -> impl IntoView {
    let read = id.clone();
    view! {
        <label class="block">
            {label}
            <input type="text" maxlength="2000"
                prop:value=move || c.with(|a| a.trustworthiness.characteristics.get(&read).map(|r| field(&mut r.clone()).clone())).flatten().unwrap_or_default()
                on:input=move |ev| { let v = event_target_value(&ev); let id = id.clone(); c.edit(|a| *field(a.trustworthiness.characteristics.entry(id).or_default()) = v); } />
        </label>
    }
}

/// The whole trustworthiness view.
#[component]
pub fn TrustSection() -> impl IntoView {
    let c = Current::expect();
    let tc = TrustCatalogue::builtin();
    // The engine's report of the assessment already holds the trustworthiness part.
    let report = Memo::new(move |_| c.report.with(|r| r.as_ref().map(|r| r.trustworthiness.clone())));
    let scale = tc
        .scale
        .iter()
        .map(|s| view! { <li><strong>{format!("{} {}", s.value, s.name)}</strong>": " {s.summary.clone()}</li> })
        .collect_view();
    let rating_select = move |cid: String, label: &'static str, field: Field| {
        let read = cid.clone();
        view! {
            <label>
                {label}
                <select on:change=move |ev| {
                    let v = event_target_value(&ev).parse::<u8>().ok();
                    let id = cid.clone();
                    c.edit(|a| { *field(a.trustworthiness.characteristics.entry(id).or_default()) = v; });
                } prop:value=move || c.with(|a| a.trustworthiness.characteristics.get(&read).and_then(|r| *field(&mut r.clone())).map_or(String::new(), |v| v.to_string())).unwrap_or_default()>
                    <option value="">"Not rated"</option>
                    {tc.scale.iter().map(|s| view! { <option value=s.value.to_string()>{format!("{} {}", s.value, s.name)}</option> }).collect_view()}
                </select>
            </label>
        }
    };
    let characteristics = tc
        .characteristics
        .iter()
        .map(|ch| {
            let id = ch.id.clone();
            let is_security = ch.id == "security";
            view! {
                <fieldset class="characteristic" data-characteristic=id.clone()>
                    <legend>{ch.name.clone()}</legend>
                    <p class="muted">{ch.summary.clone()}</p>
                    <div class="rating-row">
                        {rating_select(id.clone(), "Minimum", |r| &mut r.minimum)}
                        {rating_select(id.clone(), "Target", |r| &mut r.target)}
                        {if is_security {
                            view! {
                                <p class="smm-link">
                                    <strong>"Current: "</strong>
                                    {move || report.with(|r| r.as_ref().and_then(|r| r.characteristics.iter().find(|x| x.id == "security").and_then(|x| x.current)).map_or("not assessed yet".to_string(), |v| v.to_string()))}
                                    " (from the SMM results of this assessment: "
                                    {move || c.report.with(|r| r.as_ref().map(|r| {
                                        let o = r.rollups.overall;
                                        format!("{} of {} practices on or above target, total shortfall {} level(s)", o.on_or_above_target, o.with_target, o.total_shortfall)
                                    })).unwrap_or_default()}
                                    ")"
                                </p>
                            }.into_any()
                        } else {
                            rating_select(id.clone(), "Current", |r| &mut r.current).into_any()
                        }}
                    </div>
                    {rationale_input(c, id.clone(), "Why this minimum", |r| &mut r.minimum_rationale)}
                    {rationale_input(c, id.clone(), "Why this target", |r| &mut r.target_rationale)}
                    {(!is_security).then(|| rationale_input(c, id.clone(), "Why this current rating", |r| &mut r.current_rationale))}
                </fieldset>
            }
        })
        .collect_view();
    let radar = move || report.get().map(trust_figures);
    // Trade-offs.
    let draft = RwSignal::new(String::new());
    let affects = RwSignal::new(Vec::<String>::new());
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let t = TradeOff { description: draft.get_untracked().trim().to_string(), affects: affects.get_untracked() };
        if t.description.is_empty() || t.affects.len() < 2 {
            return;
        }
        c.edit(|a| a.trustworthiness.tradeoffs.push(t));
        draft.set(String::new());
        affects.set(Vec::new());
    };
    let tradeoffs = move || {
        c.with(|a| a.trustworthiness.tradeoffs.clone()).unwrap_or_default().into_iter().enumerate().map(|(i, t)| view! {
            <li class="tradeoff">{t.description.clone()}<span class="muted">{format!(" (affects {})", t.affects.join(", "))}</span>" "
                <button type="button" class="small secondary" on:click=move |_| c.edit(|a| { if i < a.trustworthiness.tradeoffs.len() { a.trustworthiness.tradeoffs.remove(i); } })>"Remove"</button></li>
        }).collect_view()
    };
    let aspects = tc
        .aspects
        .iter()
        .map(|asp| {
            let id = asp.id.clone();
            let rid = id.clone();
            view! {
                <fieldset class="aspect">
                    <legend>{asp.name.clone()}</legend>
                    <ul>{asp.prompts.iter().map(|p| view! { <li>{p.clone()}</li> }).collect_view()}</ul>
                    <label class="block">
                        "Notes"
                        <textarea rows="2" maxlength="20000" prop:value=move || c.with(|a| a.trustworthiness.aspects.get(&rid).cloned().unwrap_or_default()).unwrap_or_default()
                            on:input=move |ev| { let v = event_target_value(&ev); let id = id.clone(); c.edit(|a| { if v.is_empty() { a.trustworthiness.aspects.remove(&id); } else { a.trustworthiness.aspects.insert(id, v); } }); } />
                    </label>
                </fieldset>
            }
        })
        .collect_view();
    // Checklist.
    let checklist = tc
        .phases
        .iter()
        .map(|ph| {
            let items = tc
                .items
                .iter()
                .filter(|i| i.phase == ph.id)
                .map(|item| {
                    let iid = StoredValue::new(item.id.clone());
                    let topic = item.topic.as_ref().and_then(|t| tc.topics.iter().find(|x| x.id == *t)).map(|t| t.name.clone());
                    let answer = move || c.with(|a| a.trustworthiness.checklist.get(&iid.get_value()).map(|x| x.answer)).flatten();
                    let radios = Answer::ALL.into_iter().map(|ans| {
                        let input = format!("ck-{}-{}", item.id.replace('.', "-"), ans.id());
                        view! {
                            <span class="answer">
                                <input type="radio" name=format!("ck-{}", item.id) id=input.clone() value=ans.id()
                                    prop:checked=move || answer() == Some(ans)
                                    on:change=move |_| c.edit(|a| {
                                        let e = a.trustworthiness.checklist.entry(iid.get_value()).or_insert(ChecklistAnswer { answer: ans, notes: String::new() });
                                        e.answer = ans;
                                    }) />
                                <label for=input>{ans.name()}</label>
                            </span>
                        }
                    }).collect_view();
                    view! {
                        <li class="check-item" data-item=item.id.clone()>
                            <p class="question">{item.question.clone()} " " <span class="indicator-id">{item.id.clone()}</span></p>
                            {topic.map(|t| view! { <p class="scope-tag">{t}</p> })}
                            <p class="muted">{format!("Evidence, for example: {}.", item.evidence.join("; "))}</p>
                            <div class="answers" role="radiogroup" aria-label=format!("Answer to {}", item.id)>{radios}</div>
                            <label class="notes">
                                "Notes"
                                <input type="text" maxlength="4000" prop:disabled=move || answer().is_none()
                                    prop:value=move || c.with(|a| a.trustworthiness.checklist.get(&iid.get_value()).map(|x| x.notes.clone())).flatten().unwrap_or_default()
                                    on:input=move |ev| { let v = event_target_value(&ev); c.edit(|a| { if let Some(e) = a.trustworthiness.checklist.get_mut(&iid.get_value()) { e.notes = v; } }); } />
                            </label>
                        </li>
                    }
                })
                .collect_view();
            view! { <fieldset class="phase"><legend>{ph.name.clone()}</legend><ul class="check-items">{items}</ul></fieldset> }
        })
        .collect_view();
    let summary = move || c.with(|a| checklist_table(&a.trustworthiness));
    let message = RwSignal::new(None::<String>);
    let export = move |_| {
        let Some((csv, name)) = c.with(|a| (checklist_csv(tc, &a.trustworthiness), file_stem(&a.metadata.name))) else {
            return;
        };
        let out = Outgoing::csv(format!("{name}-software-checklist.csv"), csv, "The checklist was exported as CSV.");
        let shown = outbox::send(c.state, out, Notice::Inline(message));
        message.set(Some(shown.summary));
    };
    view! {
        <section class="page trust">
            <h1 tabindex="-1">"Trustworthiness"</h1>
            <p class="lead">"Security is one of five characteristics that decide whether people can trust a system. Rate each on one scale: the minimum it must meet, the target, and where it stands. Security's current rating comes from the SMM results of this assessment."</p>
            <details><summary>"The rating scale (SMM Navigator's own: the IIC defines no named scale)"</summary><ul>{scale}</ul></details>
            <h2>"Characteristics"</h2>
            <form on:submit=|ev| ev.prevent_default()>{characteristics}</form>
            <h2>"Minimum, target and current"</h2>
            {radar}
            <h2>"Trade-offs"</h2>
            <p class="muted">"Characteristics pull against each other: note where one is given up for another, for example a security update delayed to keep a line running, which may put safety at risk."</p>
            <ul class="tradeoffs">{tradeoffs}</ul>
            <form class="card tradeoff-form" on:submit=add>
                <label class="block">"Trade-off" <input type="text" maxlength="2000" prop:value=move || draft.get() on:input=move |ev| draft.set(event_target_value(&ev)) /></label>
                <fieldset><legend>"Characteristics it affects (at least two)"</legend>
                    {tc.characteristics.iter().map(|ch| {
                        let id = ch.id.clone();
                        let id2 = ch.id.clone();
                        view! { <label class="checkbox"><input type="checkbox" prop:checked=move || affects.get().contains(&id)
                            on:change=move |ev| { let on = event_target_checked(&ev); let id = id2.clone(); affects.update(|v| { v.retain(|x| *x != id); if on { v.push(id); } }); } />{ch.name.clone()}</label> }
                    }).collect_view()}
                </fieldset>
                <button type="submit">"Add the trade-off"</button>
            </form>
            <h2>"The system as a whole"</h2>
            {aspects}
            <h2>"Software lifecycle checklist"</h2>
            <p class="muted">"SMM Navigator's own checklist, by lifecycle phase and by the topics teams tend to forget."</p>
            {summary}
            <SealChoice />
            <p><button type="button" on:click=export>"Export the checklist as CSV"</button><span role="status" class="inline-status">{move || message.get()}</span></p>
            {checklist}
        </section>
    }
}

/// The radar chart of the ratings, with its table equivalent.
pub fn trust_figures(r: smm_core::trust::TrustReport) -> impl IntoView {
    let names: Vec<String> = r.characteristics.iter().map(|x| x.name.clone()).collect();
    let pick =
        |f: fn(&smm_core::trust::CharacteristicRow) -> Option<u8>| r.characteristics.iter().map(f).collect::<Vec<_>>();
    let svg = charts::radar_svg(
        &names,
        &[
            ("Minimum", charts::colour::NEUTRAL, pick(|x| x.minimum)),
            ("Target", charts::colour::ACHIEVED, pick(|x| x.target)),
            ("Current", charts::colour::SHORTFALL_EDGE, pick(|x| x.current)),
        ],
    );
    let opt = |v: Option<u8>| v.map_or("–".to_string(), |v| v.to_string());
    view! {
        <figure class="chart report-chart">
            <div class="chart-svg radar" role="img" aria-label="Radar chart of minimum, target and current rating per characteristic; the table below gives the same figures." inner_html=svg></div>
        </figure>
        <div class="table-wrap" tabindex="0">
            <table class="trust-table">
                <caption>"Ratings per characteristic (0 to 4)"</caption>
                <thead><tr><th scope="col">"Characteristic"</th><th scope="col">"Minimum"</th><th scope="col">"Target"</th><th scope="col">"Current"</th></tr></thead>
                <tbody>
                    {r.characteristics.iter().map(|x| view! {
                        <tr data-characteristic=x.id.clone()><th scope="row">{x.name.clone()}</th><td class="num">{opt(x.minimum)}</td><td class="num">{opt(x.target)}</td>
                        <td class="num">{opt(x.current)}{x.current_from_smm.then_some(" (SMM)")}</td></tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
        <p class="muted">{SECURITY_FORMULA}</p>
        {(!r.tradeoffs.is_empty()).then(|| view! {
            <ul class="tradeoffs">{r.tradeoffs.iter().map(|t| view! { <li>{t.description.clone()}<span class="muted">{format!(" (affects {})", t.affects.join(", "))}</span></li> }).collect_view()}</ul>
        })}
    }
}

/// The checklist summary per phase and topic, with the coverage formula.
pub fn checklist_table(t: &smm_core::trust::Trustworthiness) -> impl IntoView {
    let tc = TrustCatalogue::builtin();
    let (phases, topics) = checklist_summary(tc, t);
    let name =
        |id: &str| tc.phases.iter().chain(&tc.topics).find(|n| n.id == id).map_or(id.to_string(), |n| n.name.clone());
    let row = |(id, s): (String, smm_core::trust::ChecklistSummary)| {
        view! {
            <tr data-group=id.clone()><th scope="row">{name(&id)}</th><td class="num">{s.yes}</td><td class="num">{s.partly}</td><td class="num">{s.no}</td>
            <td class="num">{s.not_applicable}</td><td class="num">{s.unanswered}</td><td class="num">{s.coverage_percent().map_or("–".to_string(), |p| format!("{p}%"))}</td></tr>
        }
    };
    view! {
        <div class="table-wrap" tabindex="0">
            <table class="checklist-summary">
                <caption>"Software lifecycle checklist by phase and by topic"</caption>
                <thead><tr><th scope="col">"Group"</th><th scope="col">"Yes"</th><th scope="col">"Partly"</th><th scope="col">"No"</th><th scope="col">"N/A"</th><th scope="col">"Open"</th><th scope="col">"Coverage"</th></tr></thead>
                <tbody>{phases.into_iter().map(row).collect_view()}{topics.into_iter().map(row).collect_view()}</tbody>
            </table>
        </div>
        <p class="muted">{COVERAGE_FORMULA}</p>
    }
}
