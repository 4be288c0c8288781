//! Setting the target: stakeholder priorities, then a level and scope per practice.

use leptos::prelude::*;
use smm_core::{Catalogue, Level, NotApplicable, Priority, Scope, Target};

use super::practice_nav::{practice_pager, unknown_practice};
use super::target_grid::TargetGrid;
use crate::shared::route::Section;
use crate::workbench::state::Current;

/// Priorities and the 18 targets, or the editor of one practice's target.
#[component]
pub fn TargetSection(practice: Option<String>) -> impl IntoView {
    match practice {
        Some(p) => view! { <TargetEditor practice=p /> }.into_any(),
        None => view! { <TargetOverview /> }.into_any(),
    }
}

#[component]
fn TargetOverview() -> impl IntoView {
    let c = Current::expect();
    let cat = Catalogue::builtin();
    let select = move |label: String,
                       get: Box<dyn Fn() -> Priority + Send + Sync>,
                       set: Box<dyn Fn(Priority) + Send + Sync>| {
        view! {
            <label class="priority">
                <span>{label}</span>
                <select prop:value=move || get().id() on:change=move |ev| {
                    let v = event_target_value(&ev);
                    set(Priority::ALL.into_iter().find(|p| p.id() == v).unwrap_or_default())
                }>
                    {Priority::ALL.into_iter().map(|p| view! { <option value=p.id()>{p.name()}</option> }).collect_view()}
                </select>
            </label>
        }
    };
    let priorities = cat
        .domains
        .iter()
        .map(|d| {
            let did = d.id.clone();
            let did2 = d.id.clone();
            let subs = d
                .subdomains
                .iter()
                .map(|s| {
                    let sid = s.id.clone();
                    let sid2 = s.id.clone();
                    select(
                        s.name.clone(),
                        Box::new(move || c.with(|a| a.subdomain_priority(&sid)).unwrap_or_default()),
                        Box::new(move |p| {
                            let sid = sid2.clone();
                            c.edit(|a| {
                                a.priorities.subdomains.insert(sid, p);
                            })
                        }),
                    )
                })
                .collect_view();
            view! {
                <fieldset class="priority-group">
                    <legend>{d.name.clone()}</legend>
                    {select(
                        format!("{} (domain)", d.name),
                        Box::new(move || c.with(|a| a.domain_priority(&did)).unwrap_or_default()),
                        Box::new(move |p| { let did = did2.clone(); c.edit(|a| { a.priorities.domains.insert(did, p); }) }),
                    )}
                    <div class="subdomain-priorities">{subs}</div>
                </fieldset>
            }
        })
        .collect_view();
    let first = c.href(Section::Targets(Some(cat.practices[0].id.clone())));
    view! {
        <section class="page targets">
            <h1 tabindex="-1">"Set the targets"</h1>
            <p class="lead">
                "A target is the level and scope a practice needs, given your risks, obligations and budget. "
                "The right target fits the need: a higher level is not better by itself, and going beyond the need costs effort "
                "that may be better spent elsewhere. Write down why each target fits."
            </p>
            <form class="card" on:submit=|ev| ev.prevent_default()>
                <h2>"Stakeholder priorities"</h2>
                <p class="muted">"Priorities order the roadmap: high-priority domains and subdomains come first."</p>
                <div class="priority-grid">{priorities}</div>
            </form>
            <p><a class="button" href=first>"Set targets one practice at a time, with the guidance"</a></p>
            <TargetGrid />
        </section>
    }
}

#[component]
fn TargetEditor(practice: String) -> impl IntoView {
    let c = Current::expect();
    let cat = Catalogue::builtin();
    let Some(p) = cat.practice(&practice) else {
        return unknown_practice(&practice);
    };
    let index = cat.practice_index(&p.id).unwrap_or(0);
    let pid = StoredValue::new(p.id.clone());
    let target = move || c.with(|a| a.targets.get(&pid.get_value()).cloned()).flatten();
    let set_level = move |l: Level| {
        c.edit(|a| {
            let t = a.targets.entry(pid.get_value()).or_insert_with(|| Target::new(l, Scope::General));
            t.level = l;
        })
    };
    let na_open = RwSignal::new(target().is_some_and(|t| !t.is_applicable()));
    let na_reason = RwSignal::new(target().and_then(|t| t.not_applicable).map(|n| n.reason).unwrap_or_default());
    let apply_na = move || {
        let reason = na_reason.get_untracked();
        c.edit(|a| {
            let t = a.targets.entry(pid.get_value()).or_insert_with(|| Target::new(Level::NONE, Scope::General));
            t.not_applicable = (na_open.get_untracked() && !reason.trim().is_empty())
                .then(|| NotApplicable { reason: reason.clone() });
        })
    };
    let level_cards = Level::ALL
        .into_iter()
        .map(|l| {
            let text = p.level(l).map_or_else(
                || cat.level_info(l).map(|i| i.summary.clone()).unwrap_or_default(),
                |pl| pl.description.clone(),
            );
            let input_id = format!("target-level-{}", l.get());
            view! {
                <div class=format!("level-choice level-{}", l.get())>
                    <input type="radio" name="target-level" id=input_id.clone() value=l.get()
                        prop:checked=move || target().is_some_and(|t| t.level == l)
                        on:change=move |_| set_level(l) />
                    <label for=input_id>
                        <span class="level-number">{format!("Level {}", l.get())}</span>
                        <strong>{l.name()}</strong>
                        <span class="level-text">{text}</span>
                    </label>
                </div>
            }
        })
        .collect_view();
    let scope_choices = Scope::ALL
        .into_iter()
        .map(|s| {
            let input_id = format!("target-scope-{}", s.id());
            let info = cat.scope_info(s).map(|i| i.summary.clone()).unwrap_or_default();
            view! {
                <div class="scope-choice">
                    <input type="radio" name="target-scope" id=input_id.clone() value=s.id()
                        prop:disabled=move || target().is_none()
                        prop:checked=move || target().is_some_and(|t| t.scope == s)
                        on:change=move |_| c.edit(|a| { if let Some(t) = a.targets.get_mut(&pid.get_value()) { t.scope = s; } }) />
                    <label for=input_id><strong>{s.name()}</strong>" " <span class="muted">{info}</span></label>
                </div>
            }
        })
        .collect_view();
    view! {
        <section class="page target-editor" data-practice=p.id.clone()>
            <h1 tabindex="-1">{format!("Target for {}", p.name)}</h1>
            <p class="muted">{format!("Practice {} of {}. ", index + 1, cat.practices.len())}<a href=c.href(Section::Targets(None))>"All targets and priorities"</a></p>
            <p>{p.objective.clone()}</p>
            <fieldset class="level-choices">
                <legend>"Target level (levels are cumulative; pick the one that fits the need)"</legend>
                <div class="level-choice-grid">{level_cards}</div>
            </fieldset>
            {move || {
                let pid = pid.get_value();
                let entries: Vec<(String, smm_core::profile::ProfileEntry)> = c
                    .profiles_used()
                    .into_iter()
                    .flat_map(|pr| pr.entries.iter().filter(|e| e.practice == pid).cloned().map(|e| (pr.name.clone(), e)).collect::<Vec<_>>())
                    .collect();
                (!entries.is_empty()).then(|| view! {
                    <section class="profile-guidance" aria-labelledby="profile-guidance-h">
                        <h2 id="profile-guidance-h">"Industry and system guidance from your profiles"</h2>
                        <ul>
                            {entries.into_iter().map(|(name, e)| view! {
                                <li>
                                    <strong>{format!("Level {} · {} scope", e.level, e.scope.name())}</strong>
                                    <span class="muted">{format!(" ({name})")}</span>
                                    <p>{e.guidance.clone()}</p>
                                    <ul>{e.actions.iter().map(|a| view! { <li>{a.clone()}</li> }).collect_view()}</ul>
                                </li>
                            }).collect_view()}
                        </ul>
                    </section>
                })
            }}
            <fieldset class="scope-choices">
                <legend>"Target scope"</legend>
                {scope_choices}
            </fieldset>
            <label class="block">
                "Why this target fits"
                <textarea rows="3" maxlength="4000" prop:disabled=move || target().is_none()
                    prop:value=move || target().map(|t| t.rationale).unwrap_or_default()
                    on:input=move |ev| { let v = event_target_value(&ev); c.edit(|a| { if let Some(t) = a.targets.get_mut(&pid.get_value()) { t.rationale = v; } }) } />
            </label>
            {move || target().filter(|t| t.level == Level::MAX && t.rationale.trim().is_empty() && t.is_applicable()).map(|_| view! {
                <p class="gentle-prompt" role="status">
                    "Level 4 asks for a formal, measured and continuously improved practice. "
                    "That is the right target only where the risk calls for it: please note why it does here."
                </p>
            })}
            <div class="na-box">
                <label class="checkbox">
                    <input type="checkbox" prop:checked=move || na_open.get()
                        on:change=move |ev| { na_open.set(event_target_checked(&ev)); apply_na(); } />
                    "This practice does not apply to this system"
                </label>
                {move || na_open.get().then(|| view! {
                    <label class="block">
                        "Why it does not apply (required)"
                        <textarea rows="2" maxlength="2000" prop:value=move || na_reason.get()
                            on:input=move |ev| { na_reason.set(event_target_value(&ev)); apply_na(); } />
                    </label>
                    {move || na_reason.get().trim().is_empty().then(|| view! {
                        <p class="form-error">"Until a reason is given, the practice still counts as applicable."</p>
                    })}
                })}
            </div>
            {practice_pager(c, index, Section::Targets, Section::Assess(None), "Go on to the assessment")}
        </section>
    }
    .into_any()
}
