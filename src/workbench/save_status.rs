//! The "saved" indicator and the storage problems banner.

use leptos::prelude::*;

use super::recovery_banner::RecoveryBanner;
use crate::workbench::state::{AppState, SaveState};

/// Says whether the last change was saved; shows the recovery banner when needed.
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
        <RecoveryBanner />
    }
}
