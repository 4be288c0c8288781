//! The interviews being answered in this browser, and the way in for a new one.

use leptos::prelude::*;
use smm_core::Catalogue;

use crate::shared::route::Route;
use crate::shared::storage;
use crate::workbench::state::AppState;
use crate::workbench::transfer::import_picked;
use crate::workbench::transfer_notice::TransferNotice;

/// Lists the interviews kept here and offers to open an interview file.
#[component]
pub fn AnsweringList() -> impl IntoView {
    let state = AppState::expect();
    let list = move || {
        state.transfer.track();
        storage::load_answering(Catalogue::builtin())
    };
    view! {
        <section class="page answering">
            <h1 tabindex="-1">"Answer an interview"</h1>
            <p class="lead">
                "Someone assessing security maturity sent you an interview file. Open it here, tick what you can show "
                "evidence for, and save your answers file to send back. Nothing leaves this computer unless you send it."
            </p>
            <label class="file-pick">
                "Open an interview file"
                <input type="file" accept=".json,.age,application/json"
                    on:change=move |ev| import_picked(state, &ev) />
            </label>
            <TransferNotice />
            {move || {
                let items = list();
                (!items.is_empty()).then(|| view! {
                    <section class="card" aria-labelledby="answering-h">
                        <h2 id="answering-h">"Interviews you are answering"</h2>
                        <ul>{items.into_iter().map(|a| view! {
                            <li><a href=Route::Answer(a.interview.id.clone()).href()>{a.interview.title.clone()}</a>
                                {format!(" ({} practices)", a.interview.practices.len())}</li>
                        }).collect_view()}</ul>
                    </section>
                })
            }}
        </section>
    }
}
