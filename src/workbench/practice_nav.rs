//! Pieces shared by the per-practice sections (targets, assessment): the pager
//! between practices and the two-column list of all practices.

use leptos::prelude::*;
use smm_core::Catalogue;

use crate::shared::route::Section;
use crate::workbench::state::Current;

/// Previous and next practice links for the section `to`, and after the last
/// practice a link onward to `last` with the text `last_label`.
pub fn practice_pager(
    c: Current,
    index: usize,
    to: fn(Option<String>) -> Section,
    last: Section,
    last_label: &'static str,
) -> impl IntoView {
    let cat = Catalogue::builtin();
    let link = move |i: Option<usize>, label: &'static str, rel: &'static str| {
        i.and_then(|i| cat.practices.get(i)).map(|n| {
            view! { <a rel=rel class="button secondary" href=c.href(to(Some(n.id.clone())))>{format!("{label}: {}", n.name)}</a> }
        })
    };
    view! {
        <nav class="pager" aria-label="Other practices">
            {link(index.checked_sub(1), "Previous", "prev")}
            {link(Some(index + 1), "Next", "next")}
            {(index + 1 == cat.practices.len()).then(|| view! { <a class="button" href=c.href(last)>{last_label}</a> })}
        </nav>
    }
}

/// A keyboard-scrollable table of the practices with one more column.
pub fn practice_table(caption: &'static str, column: &'static str, rows: impl IntoView) -> impl IntoView {
    view! {
        <div class="table-wrap" tabindex="0">
            <table>
                <caption class="visually-hidden">{caption}</caption>
                <thead><tr><th scope="col">"Practice"</th><th scope="col">{column}</th></tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}

/// The message for an unknown practice id in a per-practice section.
pub fn unknown_practice(id: &str) -> AnyView {
    view! { <p role="alert">{format!("There is no practice with the id “{id}”.")}</p> }.into_any()
}
