//! Assessing the current state: the indicators of each practice as a checklist.

use leptos::prelude::*;
use smm_core::edits::results::set_met;
use smm_core::engine::{achieved_level, derived_level, level_met, practice_gap};
use smm_core::{Catalogue, Level, Override, PracticeResult, Scope};

use super::evidence_list::EvidenceList;
use super::practice_nav::{practice_pager, practice_table, unknown_practice};
use super::results_section::gap_table;
use crate::shared::route::Section;
use crate::workbench::charts;
use crate::workbench::state::Current;

/// The checklist of one practice, or the list of all 18 with their progress.
#[component]
pub fn AssessSection(practice: Option<String>) -> impl IntoView {
    match practice {
        Some(p) => view! { <PracticeChecklist practice=p /> }.into_any(),
        None => view! { <AssessOverview /> }.into_any(),
    }
}

fn progress_text(c: Current) -> String {
    let total = Catalogue::builtin().practices.len();
    let n = c.with(|a| a.results.len()).unwrap_or(0);
    format!("{n} of {total} practices assessed")
}

#[component]
fn AssessOverview() -> impl IntoView {
    let c = Current::expect();
    let cat = Catalogue::builtin();
    let first_open = move || {
        c.with(|a| cat.practices.iter().find(|p| !a.results.contains_key(&p.id)).map(|p| p.id.clone()))
            .flatten()
            .unwrap_or_else(|| cat.practices[0].id.clone())
    };
    let rows = cat
        .practices
        .iter()
        .map(|p| {
            let id = p.id.clone();
            let level = move || {
                c.report
                    .with(|r| {
                        r.as_ref().and_then(|r| r.practices.iter().find(|g| g.id == id)).map(|g| match g.achieved {
                            None => g.status.label().to_string(),
                            Some(l) if g.level_override.is_some() => format!("level {l} (override)"),
                            Some(l) => format!("level {l} ({})", l.name()),
                        })
                    })
                    .unwrap_or_default()
            };
            view! { <tr><th scope="row"><a href=c.href(Section::Assess(Some(p.id.clone())))>{p.name.clone()}</a></th><td>{level}</td></tr> }
        })
        .collect_view();
    view! {
        <section class="page assess">
            <h1 tabindex="-1">"Assess the current state"</h1>
            <p class="lead">
                "For each practice, tick the indicators of accomplishment that you can show evidence for. "
                "The level follows from the ticks: a level counts only when all of its indicators for your role and those of every lower level are met. "
                "Indicators that only another role can produce (an advisory only a product's maker publishes, say) are folded under each level: tick them as extra evidence; they do not count toward the level."
            </p>
            <p class="progress" role="status">{move || progress_text(c)}</p>
            <p><a class="button" href=move || c.href(Section::Assess(Some(first_open())))>"Assess the next open practice"</a></p>
            {practice_table("Assessed level of each practice", "Achieved", rows)}
        </section>
    }
}

#[component]
fn PracticeChecklist(practice: String) -> impl IntoView {
    let c = Current::expect();
    let cat = Catalogue::builtin();
    let Some(p) = cat.practice(&practice) else {
        return unknown_practice(&practice);
    };
    let index = cat.practice_index(&p.id).unwrap_or(0);
    let pid = StoredValue::new(p.id.clone());
    let result = move || c.with(|a| a.results.get(&pid.get_value()).cloned()).flatten();
    let role = move || c.with(|a| a.metadata.role).unwrap_or_default();
    let edit_result = move |f: Box<dyn FnOnce(&mut PracticeResult)>| {
        c.edit(|a| f(a.results.entry(pid.get_value()).or_default()));
    };
    let live_open = RwSignal::new(false);
    let toggle = move |indicator: String, on: bool| {
        let profiles = c.profiles_used();
        let role = c.with(|a| a.metadata.role).unwrap_or_default();
        edit_result(Box::new(move |r| {
            let Some(p) = cat.practice(&pid.get_value()) else { return };
            set_met(r, p, &indicator, on);
            // Profile indicators decide the scope the result covers.
            let refs: Vec<&smm_core::profile::Profile> = profiles.iter().collect();
            if let Some(scope) = smm_core::profile::derived_scope(&p.id, achieved_level(p, role, r), role, r, &refs) {
                r.scope = scope;
            }
        }))
    };
    let profile_scope = move || {
        let id = pid.get_value();
        c.profiles_used().iter().any(|p| p.entries.iter().any(|e| e.practice == id))
    };
    let gap = move || {
        c.with(|a| {
            let id = pid.get_value();
            cat.practice(&id).map(|p| practice_gap(p, a.metadata.role, a.targets.get(&id), a.results.get(&id)))
        })
        .flatten()
    };
    let derived = move || result().and_then(|r| cat.practice(&pid.get_value()).map(|p| derived_level(p, role(), &r)));
    let status_line = move || {
        let Some(g) = gap() else { return String::new() };
        let target = g.target.map_or("no target set".to_string(), |t| format!("target {} ({})", t.level, t.scope.id()));
        match (derived(), g.achieved) {
            (None, _) => format!("Not assessed yet; {target}."),
            (Some(d), Some(a)) if g.level_override.is_some() => {
                format!("Derived level {d}, overridden to {a}; {target}. {}", g.status.label())
            }
            (Some(d), _) => format!("Derived level {d} ({}); {target}. {}", d.name(), g.status.label()),
        }
    };
    // Met indicators whose evidence has all passed its review date: flagged, never un-ticked.
    let stale = Memo::new(move |_| {
        result()
            .map(|r| smm_core::evidence::stale_indicators(&pid.get_value(), &r, &crate::shared::clock::today()))
            .unwrap_or_default()
            .into_iter()
            .map(|s| (s.indicator, s.review_by))
            .collect::<Vec<_>>()
    });
    // One checkbox per indicator; `tag` says where it comes from or whom it is for.
    let item = move |id: String, text: String, tag: String, class: &'static str| {
        let (iid, iid2, iid3) = (id.clone(), id.clone(), id.clone());
        let input_id = format!("ind-{}", id.replace('.', "-"));
        view! {
            <li class=class>
                <input type="checkbox" id=input_id.clone() data-indicator=id.clone()
                    prop:checked=move || result().is_some_and(|r| r.is_met(&iid))
                    on:change=move |ev| toggle(iid2.clone(), event_target_checked(&ev)) />
                <label for=input_id>
                    {(!tag.is_empty()).then(|| view! { <span class="scope-tag">{tag.clone()}</span>" " })}
                    {text} " " <span class="indicator-id">{id.clone()}</span>
                    {move || stale.with(|v| v.iter().find(|(i, _)| *i == iid3).map(|(_, by)| view! {
                        " " <span class="stale">{format!("Evidence past its review date ({by}): check it again")}</span>
                    }))}
                </label>
            </li>
        }
    };
    let levels = p
        .levels
        .iter()
        .map(|l| {
            let level = StoredValue::new(l.clone());
            // The indicators that count for the assessment's role, then the
            // profiles' (with the profile's name), then, folded, those for
            // other roles only: extra evidence that can still be ticked.
            let items = move || {
                let l = level.get_value();
                l.indicators_for(role())
                    .map(|i| item(i.id.clone(), i.text.clone(), String::new(), "").into_any())
                    .collect_view()
            };
            let lv = l.level;
            let profile_items = move || {
                let id = pid.get_value();
                let role = role();
                c.profiles_used()
                    .into_iter()
                    .flat_map(|pr| {
                        let name = pr.name.clone();
                        pr.entries
                            .into_iter()
                            .filter(|e| e.practice == id && e.level == lv)
                            .flat_map(move |e| {
                                let name = name.clone();
                                e.indicators.into_iter().map(move |i| (name.clone(), e.scope, i))
                            })
                            .collect::<Vec<_>>()
                    })
                    .map(|(profile, scope, i)| {
                        let mut tag = format!("{profile} · {} scope", scope.name().to_lowercase());
                        if !i.applies_to(role) {
                            tag.push_str(&format!(
                                " · {}, extra evidence",
                                i.roles_tag().unwrap_or_default().to_lowercase()
                            ));
                        }
                        item(i.id.clone(), i.text.clone(), tag, "profile-indicator")
                    })
                    .collect_view()
            };
            let others = move || {
                let l = level.get_value();
                let role = role();
                let rest: Vec<_> = l.indicators_not_for(role).cloned().collect();
                (!rest.is_empty()).then(|| {
                    let n = rest.len();
                    view! {
                        <details class="other-roles">
                            <summary>{format!(
                                "{n} indicator{} for other roles: extra evidence, not counted toward this level for {}",
                                if n == 1 { "" } else { "s" },
                                role.plural()
                            )}</summary>
                            <ul class="checklist">
                                {rest.into_iter().map(|i| {
                                    let tag = i.roles_tag().unwrap_or_default();
                                    item(i.id, i.text, tag, "other-role-indicator")
                                }).collect_view()}
                            </ul>
                        </details>
                    }
                })
            };
            let complete = move || {
                result().is_some_and(|r| cat.practice(&pid.get_value()).is_some_and(|p| level_met(p, lv, role(), &r)))
            };
            view! {
                <fieldset class=format!("checklist-level level-{}", l.level)>
                    <legend>
                        {format!("Level {} · {}", l.level, l.level.name())}
                        {move || complete().then_some(" ✓ all met")}
                    </legend>
                    <p class="muted">{l.description.clone()}</p>
                    <ul class="checklist">{items}{profile_items}</ul>
                    {others}
                </fieldset>
            }
        })
        .collect_view();
    let override_open = RwSignal::new(result().is_some_and(|r| r.level_override.is_some()));
    let override_level = RwSignal::new(result().and_then(|r| r.level_override.map(|o| o.level)).unwrap_or(Level::NONE));
    let justification =
        RwSignal::new(result().and_then(|r| r.level_override.map(|o| o.justification)).unwrap_or_default());
    let apply_override = move || {
        let j = justification.get_untracked();
        let o = (override_open.get_untracked() && !j.trim().is_empty())
            .then(|| Override { level: override_level.get_untracked(), justification: j });
        edit_result(Box::new(move |r| r.level_override = o));
    };
    view! {
        <section class="page checklist-page" data-practice=p.id.clone()>
            <h1 tabindex="-1">{format!("Assess {}", p.name)}</h1>
            <p class="muted">
                {move || progress_text(c)} ". "
                {format!("Practice {} of {}. ", index + 1, cat.practices.len())}
                <a href=c.href(Section::Assess(None))>"All practices"</a>
            </p>
            <p class="live-level" role="status" aria-live="polite">{status_line}</p>
            {levels}
            <fieldset class="scope-choices">
                <legend>"Scope the result covers"</legend>
                {move || profile_scope().then(|| view! {
                    <p class="muted">"Set from the industry and system indicators of your profiles: all of them up to the achieved level must be met."</p>
                })}
                {Scope::ALL.into_iter().map(|s| {
                    let input_id = format!("result-scope-{}", s.id());
                    view! {
                        <span class="scope-choice inline">
                            <input type="radio" name="result-scope" id=input_id.clone()
                                prop:disabled=move || result().is_none() || profile_scope()
                                prop:checked=move || result().is_some_and(|r| r.scope == s)
                                on:change=move |_| edit_result(Box::new(move |r| r.scope = s)) />
                            <label for=input_id>{s.name()}</label>
                        </span>
                    }
                }).collect_view()}
            </fieldset>
            <div class="override-box">
                <label class="checkbox">
                    <input type="checkbox" prop:disabled=move || result().is_none() prop:checked=move || override_open.get()
                        on:change=move |ev| { override_open.set(event_target_checked(&ev)); apply_override(); } />
                    "Override the derived level"
                </label>
                {move || override_open.get().then(|| view! {
                    <div class="override-fields">
                        <label>
                            "Level to record"
                            <select prop:value=move || override_level.get().get().to_string()
                                on:change=move |ev| {
                                    if let Some(l) = event_target_value(&ev).parse::<u8>().ok().and_then(Level::new) { override_level.set(l); }
                                    apply_override();
                                }>
                                {Level::ALL.into_iter().map(|l| view! { <option value=l.get().to_string()>{format!("{} {}", l.get(), l.name())}</option> }).collect_view()}
                            </select>
                        </label>
                        <label class="block">
                            "Justification (required; stays visible in every report)"
                            <textarea rows="2" maxlength="4000" prop:value=move || justification.get()
                                on:input=move |ev| { justification.set(event_target_value(&ev)); apply_override(); } />
                        </label>
                        {move || justification.get().trim().is_empty().then(|| view! {
                            <p class="form-error">"The override is not applied until it has a justification."</p>
                        })}
                    </div>
                })}
            </div>
            <label class="block">
                "Notes"
                <textarea rows="3" maxlength="20000" prop:disabled=move || result().is_none()
                    prop:value=move || result().map(|r| r.notes).unwrap_or_default()
                    on:input=move |ev| { let v = event_target_value(&ev); edit_result(Box::new(move |r| r.notes = v)); } />
            </label>
            <EvidenceList practice=p.id.clone() />
            <p>
                {move || if result().is_none() {
                    view! { <button type="button" on:click=move |_| edit_result(Box::new(|_| {}))>"Nothing is met yet: record level 0"</button> }.into_any()
                } else {
                    view! { <button type="button" class="secondary" on:click=move |_| c.edit(|a| { a.results.remove(&pid.get_value()); })>"Clear this result"</button> }.into_any()
                }}
            </p>
            <details class="live-results" on:toggle=move |ev| {
                use wasm_bindgen::JsCast;
                let open = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlDetailsElement>().ok()).is_some_and(|d| d.open());
                live_open.set(open);
            }>
                <summary>"Live results: the gap table and chart of all practices"</summary>
                // Drawn only while open: no chart work at start or on edits otherwise.
                {move || live_open.get().then(|| c.report.with(|r| r.as_ref().map(|r| view! {
                    <div class="chart-svg" role="img"
                        aria-label="Target and achieved level for each practice; the gap table below gives the same figures."
                        inner_html=charts::gap_chart_svg(cat, r)></div>
                    {gap_table(r, "live-gap-table")}
                })))}
            </details>
            {practice_pager(c, index, Section::Assess, Section::Results, "See the results")}
        </section>
    }
    .into_any()
}
