//! The outcome of the last export or import, and the passphrase prompt of an
//! encrypted file being imported.

use leptos::prelude::*;

use crate::workbench::state::AppState;
use crate::workbench::transfer::unseal;

/// The last transfer message (a live region) and, when an encrypted file is
/// waiting, the prompt for its passphrase.
#[component]
pub fn TransferNotice() -> impl IntoView {
    let state = AppState::expect();
    let passphrase = RwSignal::new(String::new());
    // The passphrase leaves the form as soon as it is tried: a wrong one is typed
    // again, and the next prompt starts empty.
    let open = move || {
        let p = passphrase.get_untracked();
        passphrase.set(String::new());
        if !p.is_empty() {
            unseal(state, p);
        }
    };
    view! {
        {move || state.pending_unseal.get().map(|s| view! {
            <form class="card unseal" role="group" aria-labelledby="unseal-q"
                on:submit=move |ev| { ev.prevent_default(); open(); }>
                <p id="unseal-q">{format!(
                    "“{}” is encrypted (age format). Type its passphrase to import it; nothing is stored until it opens.",
                    s.file_name
                )}</p>
                <label>"Passphrase"
                    <input type="password" autocomplete="current-password" autofocus
                        prop:value=move || passphrase.get() on:input=move |ev| passphrase.set(event_target_value(&ev)) />
                </label>
                <button type="submit" prop:disabled=s.busy>{if s.busy { "Decrypting…" } else { "Open" }}</button>
                <button type="button" class="secondary" on:click=move |_| {
                    state.pending_unseal.set(None);
                    passphrase.set(String::new());
                }>"Cancel"</button>
                {s.error.map(|e| view! { <p class="form-error" role="alert">{e}</p> })}
            </form>
        })}
        <div class="transfer-message" role="status" aria-live="polite">
            {move || state.transfer.get().map(|m| view! {
                <div class=if m.ok { "notice ok" } else { "notice error" }>
                    <p>{m.summary}</p>
                    {(!m.details.is_empty()).then(|| view! { <ul>{m.details.into_iter().map(|d| view! { <li>{d}</li> }).collect_view()}</ul> })}
                </div>
            })}
        </div>
    }
}
