//! Answering an interview received as a file, on the interviewee's own machine.

use leptos::prelude::*;
use smm_core::interview::Answer;
use smm_core::Catalogue;

use crate::shared::clock::today;
use crate::shared::download::file_stem;
use crate::shared::not_found::NotFound;
use crate::shared::route::Route;
use crate::shared::storage::{self, Answering};
use crate::workbench::outbox::{self, Notice, Outgoing};
use crate::workbench::seal_choice::SealChoice;
use crate::workbench::state::AppState;
use crate::workbench::transfer_notice::TransferNotice;

/// The questions of interview `id`: per practice its indicators to tick and a
/// note; the interviewee's name or pseudonym; and the answers file to send
/// back. Every change is kept in this browser until the interview is forgotten.
#[component]
pub fn AnswerPage(#[prop(into)] id: String) -> impl IntoView {
    let state = AppState::expect();
    let cat = Catalogue::builtin();
    let Some(found) = storage::load_answering(cat).into_iter().find(|a| a.interview.id == id) else {
        return view! { <NotFound path=format!("answer/{id}") /> }.into_any();
    };
    let draft = RwSignal::new(found);
    let saved = RwSignal::new(None::<String>);
    let change = move |f: Box<dyn FnOnce(&mut Answering)>| {
        let mut d = draft.get_untracked();
        f(&mut d);
        match storage::save_answering(&d) {
            Ok(()) => {
                saved.set(None);
                draft.set(d);
            }
            Err(e) => saved.set(Some(format!("Not kept: {e}."))),
        }
    };
    let answer_of = move |pid: &str| draft.with(|d| d.answers.answers.get(pid).cloned()).unwrap_or_default();
    let edit_answer = move |pid: String, f: Box<dyn FnOnce(&mut Answer)>| {
        change(Box::new(move |d| f(d.answers.answers.entry(pid).or_default())))
    };
    let problem = RwSignal::new(None::<String>);
    let save_file = move || {
        let mut d = draft.get_untracked();
        if d.answers.interviewee.trim().is_empty() {
            problem.set(Some("Give your name or a pseudonym first: the owner needs to tell the answers apart.".into()));
            return;
        }
        problem.set(None);
        d.answers.answered_on = today();
        // Every practice of the interview is answered, a practice left alone as "nothing met".
        for p in &d.interview.practices {
            d.answers.answers.entry(p.clone()).or_default();
        }
        let json = serde_json::to_string_pretty(&d.answers).unwrap_or_default();
        let _ = storage::save_answering(&d);
        let name = format!("answers-{}-{}.json", file_stem(&d.answers.interviewee), d.interview.id);
        let out = Outgoing::json(
            name,
            json,
            "Saved your answers file. Send it back to the person who sent you the interview.",
        );
        state.transfer.set(Some(outbox::send(state, out, Notice::Transfer)));
        draft.set(d);
    };
    let practices = draft.with_untracked(|d| d.interview.practices.clone());
    let role = draft.with_untracked(|d| d.interview.role);
    let body = practices
        .into_iter()
        .filter_map(|pid| cat.practice(&pid).map(|p| (pid, p)))
        .map(|(pid, p)| {
            let pid = StoredValue::new(pid);
            let levels = p
                .levels
                .iter()
                .map(|l| {
                    let item = move |ind: &smm_core::Indicator, tag: Option<String>| {
                        let iid = ind.id.clone();
                        let iid2 = ind.id.clone();
                        let input_id = format!("ans-{}", ind.id);
                        view! {
                            <li>
                                <input type="checkbox" id=input_id.clone()
                                    prop:checked=move || answer_of(&pid.get_value()).indicators_met.contains(&iid)
                                    on:change=move |ev| {
                                        let on = event_target_checked(&ev);
                                        let iid = iid2.clone();
                                        let practice = Catalogue::builtin().practice(&pid.get_value());
                                        edit_answer(pid.get_value(), Box::new(move |a| {
                                            if let Some(p) = practice {
                                                smm_core::edits::results::set_in(&mut a.indicators_met, p, &iid, on);
                                            }
                                        }));
                                    } />
                                <label for=input_id>
                                    {tag.map(|t| view! { <span class="role-tag">{t}</span>" " })}
                                    {ind.text.clone()}
                                </label>
                            </li>
                        }
                    };
                    // With the assessment's role known (version 2 interviews),
                    // the indicators for other roles are folded apart.
                    let (mine, others): (Vec<_>, Vec<_>) =
                        l.indicators.iter().partition(|i| role.is_none_or(|r| i.applies_to(r)));
                    let items = mine.into_iter().map(|i| item(i, None)).collect_view();
                    let folded = (!others.is_empty()).then(|| {
                        let n = others.len();
                        view! {
                            <details class="other-roles">
                                <summary>{format!(
                                    "{n} indicator{} for other roles: extra evidence, not counted toward the level",
                                    if n == 1 { "" } else { "s" }
                                )}</summary>
                                <ul class="indicator-list">
                                    {others.into_iter().map(|i| item(i, i.roles_tag())).collect_view()}
                                </ul>
                            </details>
                        }
                    });
                    view! {
                        <fieldset class="level-indicators">
                            <legend>{format!("Level {} ({})", l.level, l.level.name())}</legend>
                            <ul class="indicator-list">{items}</ul>
                            {folded}
                        </fieldset>
                    }
                })
                .collect_view();
            let heading = format!("ans-h-{}", p.id);
            view! {
                <section class="card answer-practice" aria-labelledby=heading data-practice=p.id.clone()>
                    <h2 id=heading.clone()>{p.name.clone()}</h2>
                    <p class="muted">{p.objective.clone()}</p>
                    {levels}
                    <label class="block">"Your notes on this practice"
                        <textarea rows="3" maxlength="20000" prop:value=move || answer_of(&pid.get_value()).notes
                            on:input=move |ev| {
                                let v = event_target_value(&ev);
                                edit_answer(pid.get_value(), Box::new(move |a| a.notes = v));
                            } />
                    </label>
                </section>
            }
        })
        .collect_view();
    let forget = move || {
        let id = draft.with_untracked(|d| d.interview.id.clone());
        if storage::remove_answering(&id).is_ok() {
            let _ = window().location().set_hash(&Route::Assessments.hash());
        }
    };
    view! {
        <section class="page answer-page">
            <h1 tabindex="-1">{move || format!("Interview: {}", draft.with(|d| d.interview.title.clone()))}</h1>
            <p class="lead">
                "Tick each indicator you can show evidence for (a record, a document, a configuration, a test result). "
                "Leave it unticked when you cannot, or do not know. Your answers are kept in this browser as you go; "
                "when you are done, save the answers file and send it back."
            </p>
            <label class="block">"Your name or a pseudonym (shown to the owner of the assessment)"
                <input type="text" maxlength="100" autocomplete="name" prop:value=move || draft.with(|d| d.answers.interviewee.clone())
                    on:change=move |ev| {
                        let v = event_target_value(&ev).trim().to_string();
                        change(Box::new(move |d| d.answers.interviewee = v));
                    } />
            </label>
            {body}
            <section class="card">
                <SealChoice />
                <button type="button" on:click=move |_| save_file()>"Save the answers file"</button>
                {move || problem.get().map(|p| view! { <p class="form-error" role="alert">{p}</p> })}
                <p class="muted" role="status">{move || saved.get()}</p>
                <TransferNotice />
                <button type="button" class="secondary" on:click=move |_| forget()>"Forget this interview here"</button>
            </section>
        </section>
    }
    .into_any()
}
