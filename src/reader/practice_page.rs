//! One practice: its objective and the four levels side by side.

use leptos::prelude::*;
use smm_core::Catalogue;

use super::level_column::LevelColumn;
use crate::shared::not_found::NotFound;
use crate::shared::route::Route;

/// The page of the practice `id`, or "not found" for an unknown id.
#[component]
pub fn PracticePage(#[prop(into)] id: String) -> impl IntoView {
    let catalogue = Catalogue::builtin();
    let (Some(practice), Some(index)) = (catalogue.practice(&id), catalogue.practice_index(&id)) else {
        return view! { <NotFound path=format!("practices/{id}") /> }.into_any();
    };
    let (domain, subdomain) = match catalogue.parents_of(practice) {
        Some((d, s)) => (d.name.clone(), s.name.clone()),
        None => (String::new(), String::new()),
    };
    let neighbour = |i: Option<usize>, rel: &'static str, label: &'static str| {
        i.and_then(|i| catalogue.practices.get(i)).map(|p| {
            view! {
                <a rel=rel href=Route::Practice(p.id.clone()).href()>
                    <span class="muted">{label}</span>
                    <span>{p.name.clone()}</span>
                </a>
            }
        })
    };
    let levels = practice.levels.iter().map(|l| view! { <LevelColumn level=l /> }).collect_view();
    view! {
        <article class="page practice" data-practice=practice.id.clone()>
            <nav aria-label="Breadcrumb" class="breadcrumb">
                <ol>
                    <li><a href=Route::Practices.href()>"Practices"</a></li>
                    <li>{domain}</li>
                    <li>{subdomain}</li>
                </ol>
            </nav>
            <h1 tabindex="-1">{practice.name.clone()}</h1>
            <p class="objective"><strong>"Objective. "</strong>{practice.objective.clone()}</p>
            <p class="muted">
                "Levels are cumulative: each level lists only what it adds to the ones before it. "
                "Pick the level that fits your need; a higher level is not better by itself."
            </p>
            <div class="level-grid">{levels}</div>
            <nav aria-label="Other practices" class="pager">
                {neighbour(index.checked_sub(1), "prev", "Previous practice")}
                {neighbour(Some(index + 1), "next", "Next practice")}
            </nav>
        </article>
    }
    .into_any()
}
