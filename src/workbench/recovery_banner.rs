//! The banner for stored entries that could not be read.

use leptos::prelude::*;

use crate::shared::storage;
use crate::workbench::outbox::{self, Notice, Outgoing};
use crate::workbench::state::AppState;

/// Lists unreadable stored entries, offers their raw text for download and
/// their removal; every other assessment stays usable.
#[component]
pub fn RecoveryBanner() -> impl IntoView {
    let state = AppState::expect();
    move || {
        let broken = state.broken.get();
        (!broken.is_empty()).then(|| {
            view! {
                <div class="banner warning" role="alert">
                    <p><strong>{format!("{} stored item(s) could not be read or were set aside.", broken.len())}</strong>
                        " They were left as they are; everything else works normally. Download the text to keep it or to repair it, then remove the entry."</p>
                    <ul>
                        {broken.into_iter().map(|b| {
                            let key = StoredValue::new(b.key.clone());
                            view! {
                                <li class="broken-entry" data-key=b.key.clone()>
                                    <code>{b.key.clone()}</code>": " {b.message.clone()} " "
                                    <button type="button" class="small" on:click=move |_| {
                                        let raw = storage::raw(&key.get_value()).unwrap_or_default();
                                        let name = format!("{}.recovered.txt", key.get_value().replace(['.', '/'], "-"));
                                        let out = Outgoing::new(name, "text/plain;charset=utf-8", raw.into_bytes(), "The stored text was saved as a file.");
                                        state.transfer.set(Some(outbox::send(state, out, Notice::Transfer)));
                                    }>"Download the stored text"</button>
                                    " "
                                    <button type="button" class="small danger" on:click=move |_| state.forget_broken(&key.get_value())>"Remove this entry"</button>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                </div>
            }
        })
    }
}
