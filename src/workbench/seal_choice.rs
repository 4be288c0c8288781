//! The choice to encrypt exported files with a passphrase.

use leptos::prelude::*;

use crate::workbench::state::AppState;
use crate::workbench::transfer_state::Encryption;

/// The shortest passphrase accepted for encrypting exports.
pub const MIN_PASSPHRASE_CHARS: usize = 10;

/// A checkbox and two passphrase fields; while both match, every export from
/// this page is encrypted in the age format ([`crate::workbench::outbox`]);
/// while the box is ticked and they do not, exports are refused rather than
/// written in clear. The passphrase stays in this page's memory only, and
/// never in a form: shown again, the fields start empty and the passphrase
/// chosen before stays in use until a new one is typed.
#[component]
pub fn SealChoice() -> impl IntoView {
    let state = AppState::expect();
    let kept = RwSignal::new(matches!(state.seal.get_untracked(), Encryption::Passphrase(_)));
    let on = RwSignal::new(state.seal.get_untracked() != Encryption::Off);
    let first = RwSignal::new(String::new());
    let second = RwSignal::new(String::new());
    // The passphrase chosen earlier stays until the fields are typed in.
    let keeping = move || kept.get() && first.with(String::is_empty) && second.with(String::is_empty);
    let problem = move || {
        let (a, b) = (first.get(), second.get());
        if keeping() {
            None
        } else if a.chars().count() < MIN_PASSPHRASE_CHARS {
            Some(format!("Use at least {MIN_PASSPHRASE_CHARS} characters; several unrelated words are easy to type and hard to guess."))
        } else if a != b {
            Some("The two passphrases differ.".to_string())
        } else {
            None
        }
    };
    Effect::new(move |_| {
        if on.get() && keeping() {
            return;
        }
        let value = match (on.get(), problem()) {
            (false, _) => {
                // Turned off: a passphrase is typed anew when turned on again.
                if kept.get_untracked() {
                    kept.set(false);
                }
                Encryption::Off
            }
            (true, Some(_)) => Encryption::Unready,
            (true, None) => Encryption::Passphrase(first.get()),
        };
        if state.seal.get_untracked() != value {
            state.seal.set(value);
        }
    });
    view! {
        <fieldset class="seal-choice">
            <legend>"Encryption of exported files"</legend>
            <label class="checkbox">
                <input type="checkbox" prop:checked=move || on.get() on:change=move |ev| on.set(event_target_checked(&ev)) />
                "Encrypt exported files with a passphrase (age format)"
            </label>
            {move || on.get().then(|| view! {
                <div class="seal-fields">
                    <label>"Passphrase"
                        <input type="password" autocomplete="new-password" prop:value=move || first.get()
                            on:input=move |ev| first.set(event_target_value(&ev)) />
                    </label>
                    <label>"Passphrase again"
                        <input type="password" autocomplete="new-password" prop:value=move || second.get()
                            on:input=move |ev| second.set(event_target_value(&ev)) />
                    </label>
                    <p class="muted" role="status">{move || match problem() {
                        Some(p) => p,
                        None if keeping() => "Exports from this page are encrypted with the passphrase you chose \
                                 earlier (it is not shown). Type a new one in both fields to change it.".to_string(),
                        None => "Exports from this page are now encrypted. Nobody can open them without the passphrase, \
                                 SMM Navigator included: keep it somewhere safe. Anyone with it can also use the \
                                 standard age or rage tools (age -d file.age).".to_string(),
                    }}</p>
                </div>
            })}
        </fieldset>
    }
}
