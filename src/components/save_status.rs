//! The "saved" indicator and the storage problems banner.

use leptos::prelude::*;

use crate::state::{AppState, SaveState};

/// Says whether the last change was saved, and lists stored entries that could not be read.
#[component]
pub fn SaveStatus() -> impl IntoView {
    let state = AppState::expect();
    view! {
        <p class="save-status" role="status" aria-live="polite">
            {move || match state.save.get() {
                SaveState::Idle => view! { <span class="saved">"Stored in this browser only"</span> }.into_any(),
                SaveState::Saved(at) => view! { <span class="saved">{format!("Saved in this browser at {at}")}</span> }.into_any(),
                SaveState::Failed(why) => view! { <span class="save-failed">{format!("Not saved: {why}")}</span> }.into_any(),
            }}
        </p>
        {move || {
            let broken = state.broken.get();
            (!broken.is_empty()).then(|| view! {
                <div class="banner warning" role="alert">
                    <p>{format!("{} stored item(s) could not be read and were left untouched:", broken.len())}</p>
                    <ul>{broken.into_iter().map(|b| view! { <li><code>{b.key}</code>": " {b.message}</li> }).collect_view()}</ul>
                </div>
            })
        }}
    }
}
