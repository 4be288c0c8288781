//! The sign-off state of the current assessment, on every page of it: nothing
//! when unsigned, one line when unchanged, and what changed when it did.

use leptos::prelude::*;
use smm_core::signoff::SignOffStatus;

use crate::shared::route::Section;
use crate::workbench::state::Current;

/// The banner; the state comes from the core's one rule.
#[component]
pub fn SignOffBanner() -> impl IntoView {
    let c = Current::expect();
    // The report (computed once per edit for every figure) carries the state.
    let state = Memo::new(move |_| c.report.with(|r| r.as_ref().map(|r| r.signoff.clone())));
    move || {
        let s = state.get()?;
        let sentence = s.sentence();
        let sign_again = c.href(Section::Report);
        Some(match s.status {
            SignOffStatus::Unsigned => ().into_any(),
            SignOffStatus::Changed => view! {
                <div class="signoff-banner changed" role="status">
                    <p><strong>{sentence}</strong>" "<a href=sign_again>"Review and sign again"</a></p>
                    <details>
                        <summary>"What changed"</summary>
                        <ul class="signoff-changes">
                            {s.changes.into_iter().map(|x| view! { <li>{format!("{}: {}", x.label, x.what)}</li> }).collect_view()}
                        </ul>
                    </details>
                </div>
            }
            .into_any(),
            SignOffStatus::Unchanged | SignOffStatus::Unknown => {
                view! { <p class="signoff-banner" role="status">{sentence}</p> }.into_any()
            }
        })
    }
}
