//! Signing the assessment off, on the report page: who, in what role, the
//! statement and the scope; the SHA-256 of the signed content is computed in
//! the on-demand worker. Every sign-off is listed, newest first.

use leptos::prelude::*;
use smm_core::signoff::{canonical_json, sign, signed_content, Signer, DEFAULT_STATEMENT, SIGNOFF_MEANING};

use crate::shared::clock::today;
use crate::workbench::state::Current;

/// The form and the list of sign-offs.
#[component]
pub fn SignOffPanel() -> impl IntoView {
    let c = Current::expect();
    let name = RwSignal::new(String::new());
    let role = RwSignal::new(String::new());
    let statement = RwSignal::new(String::new());
    let scope = RwSignal::new(String::new());
    let message = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(canonical) = c.with(|a| canonical_json(&signed_content(a))) else { return };
        let who = Signer {
            name: name.get_untracked(),
            role: role.get_untracked(),
            statement: statement.get_untracked(),
            scope: scope.get_untracked(),
        };
        busy.set(true);
        message.set(Some("Computing the SHA-256 of the assessment's content…".into()));
        leptos::task::spawn_local(async move {
            let hash = crate::workbench::on_demand::sha256(canonical.as_bytes()).await;
            busy.set(false);
            let hash = match hash {
                Ok(h) => h,
                Err(e) => return message.set(Some(format!("Not signed: {e}."))),
            };
            // Signed on a copy first, so that a refusal leaves the stored
            // assessment as it was; and the content may have changed while the
            // worker hashed it (another tab).
            let outcome = match c.with(Clone::clone) {
                None => Err("the assessment was deleted".to_string()),
                Some(_) if c.with(|a| canonical_json(&signed_content(a))).as_deref() != Some(canonical.as_str()) => {
                    Err("the assessment changed while it was being signed; sign again".into())
                }
                Some(mut trial) => sign(&mut trial, &who, &today(), &hash).map(|()| trial),
            };
            let outcome = outcome.map(|signed| c.edit(move |a| *a = signed));
            match outcome {
                Ok(()) => {
                    message.set(Some(format!("Signed off by {} on {}.", who.name.trim(), today())));
                    statement.set(String::new());
                }
                Err(e) => message.set(Some(format!("Not signed: {e}."))),
            }
        });
    };
    let signoffs = move || c.with(|a| a.signoffs.clone()).unwrap_or_default();
    view! {
        <section class="signoff-panel" id="signoff" aria-labelledby="signoff-title">
            <h2 id="signoff-title">"Sign-off"</h2>
            <p class="muted">{SIGNOFF_MEANING}</p>
            <form class="no-print signoff-form" on:submit=submit>
                <label>"Name of the signer" <input type="text" required maxlength="100" autocomplete="name"
                    prop:value=move || name.get() on:input=move |ev| name.set(event_target_value(&ev)) /></label>
                <label>"Role or title" <input type="text" required maxlength="100" autocomplete="organization-title"
                    prop:value=move || role.get() on:input=move |ev| role.set(event_target_value(&ev)) /></label>
                <label>"Scope of the approval" <input type="text" maxlength="500"
                    prop:value=move || scope.get() on:input=move |ev| scope.set(event_target_value(&ev)) /></label>
                <label class="wide">"Statement"
                    <textarea rows="2" maxlength="2000" placeholder=DEFAULT_STATEMENT
                        prop:value=move || statement.get() on:input=move |ev| statement.set(event_target_value(&ev))></textarea>
                </label>
                <button type="submit" class="primary" prop:disabled=move || busy.get()>"Sign off"</button>
                <p role="status" class="inline-status">{move || message.get()}</p>
            </form>
            {move || {
                let list = signoffs();
                (!list.is_empty()).then(|| view! {
                    <table class="data signoff-list">
                        <caption>{format!("Sign-offs, newest first ({})", list.len())}</caption>
                        <thead><tr>
                            <th scope="col">"Date"</th><th scope="col">"Name"</th><th scope="col">"Role"</th>
                            <th scope="col">"Scope and statement"</th><th scope="col">"SHA-256 of the signed content"</th>
                        </tr></thead>
                        <tbody>{list.into_iter().rev().enumerate().map(|(i, s)| { let old = i != 0; view! {
                            <tr class=if old { "superseded" } else { "" }>
                                <td>{s.signed_on.clone()}{old.then_some(" (superseded)")}</td>
                                <td>{s.name.clone()}</td><td>{s.role.clone()}</td>
                                <td>{if s.scope.is_empty() { s.statement.clone() } else { format!("{}: {}", s.scope, s.statement) }}</td>
                                <td><code class="digest">{s.sha256.clone()}</code></td>
                            </tr>
                        }}).collect_view()}</tbody>
                    </table>
                })
            }}
        </section>
    }
}
