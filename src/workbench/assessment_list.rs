//! The list of assessments kept in this browser: create, rename, duplicate, delete (with undo).

use leptos::prelude::*;
use smm_core::{Catalogue, Role};

use super::loaded_files::LoadedFiles;
use super::transfer_panel::TransferPanel;
use crate::shared::route::{Route, Section};
use crate::workbench::state::AppState;

fn role_from_id(id: &str) -> Role {
    Role::from_id(id).unwrap_or_default()
}

/// Every stored assessment, and a form to start a new one.
#[component]
pub fn AssessmentList() -> impl IntoView {
    let state = AppState::expect();
    let name = RwSignal::new(String::new());
    let role = RwSignal::new(Role::AssetOwner);
    let problem = RwSignal::new(None::<String>);
    let create = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let n = name.get_untracked().trim().to_string();
        if n.is_empty() {
            problem.set(Some("Give the assessment a name.".into()));
            return;
        }
        problem.set(None);
        if let Some(id) = state.create(&n, role.get_untracked()) {
            name.set(String::new());
            let _ = window().location().set_hash(&Route::Assessment(id, Section::Overview).href());
        }
    };
    let sorted = move || {
        let mut v = state.assessments.get();
        v.sort_by(|a, b| b.metadata.updated.cmp(&a.metadata.updated).then(a.metadata.name.cmp(&b.metadata.name)));
        v
    };
    let practices = Catalogue::builtin().practices.len();
    view! {
        <section class="page assessments">
            <h1 tabindex="-1">"Your assessments"</h1>
            <p class="lead">
                "Assessments are kept in this browser only. Every change is saved at once; nothing is sent anywhere."
            </p>
            <p><a href=Route::Answer(String::new()).href()>"Answer an interview someone sent you"</a>
                " · "<a href=Route::Portfolio.href()>"Portfolio: all assessments at a glance"</a></p>
            <form class="create-form card" on:submit=create>
                <h2>"Start a new assessment"</h2>
                <div class="field-row">
                    <label>
                        "Name"
                        <input type="text" required maxlength="200" placeholder="e.g. Line 3 bottling, 2026 review"
                            prop:value=move || name.get()
                            on:input=move |ev| name.set(event_target_value(&ev)) />
                    </label>
                    <label>
                        "Your role for this system"
                        <select on:change=move |ev| role.set(role_from_id(&event_target_value(&ev)))>
                            {Role::ALL.into_iter().map(|r| view! {
                                <option value=r.id() selected=move || role.get() == r>{r.name()}</option>
                            }).collect_view()}
                        </select>
                    </label>
                    <button type="submit" class="primary">"Create"</button>
                </div>
                {move || problem.get().map(|p| view! { <p class="form-error" role="alert">{p}</p> })}
            </form>
            <DeletedNotice />
            <TransferPanel />
            <LoadedFiles />
            {move || {
                let list = sorted();
                if list.is_empty() {
                    view! { <p class="empty">"No assessment yet. Create one above to set targets and assess the 18 practices."</p> }.into_any()
                } else {
                    view! {
                        <ul class="assessment-list">
                            {list.into_iter().map(|a| {
                                let id = a.id.clone();
                                let assessed = a.results.len();
                                let detail = [a.metadata.organisation.as_str(), a.metadata.system.as_str()]
                                    .iter()
                                    .filter(|s| !s.is_empty())
                                    .copied()
                                    .collect::<Vec<_>>()
                                    .join(" · ");
                                let progress = format!("{assessed} of {practices} practices assessed");
                                view! { <AssessmentRow id=id name=a.metadata.name.clone() detail=detail
                                    role=a.metadata.role.name() updated=a.metadata.updated.clone() progress=progress /> }
                            }).collect_view()}
                        </ul>
                    }.into_any()
                }
            }}
        </section>
    }
}

/// One assessment in the list, with rename, duplicate and delete.
#[component]
fn AssessmentRow(
    id: String,
    name: String,
    detail: String,
    role: &'static str,
    updated: String,
    progress: String,
) -> impl IntoView {
    let state = AppState::expect();
    let renaming = RwSignal::new(false);
    let confirming = RwSignal::new(false);
    let draft = RwSignal::new(name.clone());
    let id = StoredValue::new(id);
    let href = Route::Assessment(id.get_value(), Section::Overview).href();
    let save_name = move || {
        let n = draft.get_untracked().trim().to_string();
        if !n.is_empty() {
            state.update(&id.get_value(), |a| a.metadata.name = n);
        }
        renaming.set(false);
    };
    let label = name.clone();
    view! {
        <li class="assessment-row card" data-assessment=id.get_value()>
            <div class="row-main">
                {move || if renaming.get() {
                    view! {
                        <form class="rename" on:submit=move |ev| { ev.prevent_default(); save_name(); }>
                            <label class="visually-hidden" for=format!("rename-{}", id.get_value())>"New name"</label>
                            <input id=format!("rename-{}", id.get_value()) type="text" maxlength="200"
                                prop:value=move || draft.get() on:input=move |ev| draft.set(event_target_value(&ev)) />
                            <button type="submit">"Save name"</button>
                            <button type="button" on:click=move |_| renaming.set(false)>"Cancel"</button>
                        </form>
                    }.into_any()
                } else {
                    view! { <h2 class="row-title"><a href=href.clone()>{name.clone()}</a></h2> }.into_any()
                }}
                <p class="muted">{detail}</p>
                <p class="row-meta"><span>{role}</span><span>{progress}</span><span>{format!("Updated {updated}")}</span></p>
            </div>
            <div class="row-actions">
                <button type="button" on:click=move |_| renaming.set(true)>"Rename"</button>
                <button type="button" on:click=move |_| { state.duplicate(&id.get_value()); }>"Duplicate"</button>
                {move || if confirming.get() {
                    view! {
                        <span class="confirm" role="group" aria-label="Confirm deletion">
                            <span>"Delete for good?"</span>
                            <button type="button" class="danger" on:click=move |_| state.delete(&id.get_value())>"Yes, delete"</button>
                            <button type="button" on:click=move |_| confirming.set(false)>"Keep it"</button>
                        </span>
                    }.into_any()
                } else {
                    view! { <button type="button" class="danger" aria-label=format!("Delete {label}") on:click=move |_| confirming.set(true)>"Delete"</button> }.into_any()
                }}
            </div>
        </li>
    }
}

/// After a deletion: what was deleted, and an undo button.
#[component]
fn DeletedNotice() -> impl IntoView {
    let state = AppState::expect();
    view! {
        <div role="status" class="notice-slot">
            {move || state.deleted.get().map(|d| view! {
                <p class="notice">
                    {format!("Deleted “{}”. ", d.assessment.metadata.name)}
                    <button type="button" on:click=move |_| state.undo_delete()>"Undo"</button>
                </p>
            })}
        </div>
    }
}
