//! The changes an edited workbook brings, for the user to confirm or cancel.

use leptos::prelude::*;

use crate::workbench::state::AppState;
use crate::workbench::transfer::apply_workbook;

/// Every change of the workbook waiting for confirmation (sheet, row, id,
/// field, now, in the workbook), what was left out, and Apply or Cancel.
#[component]
pub fn WorkbookReviewPanel() -> impl IntoView {
    let state = AppState::expect();
    view! {
        {move || state.pending_workbook.get().map(|r| view! {
            <section class="card workbook-review" aria-labelledby="wb-review-h">
                <h2 id="wb-review-h">{format!("Changes in “{}”", r.file_name)}</h2>
                <p>{if r.changes.is_empty() { "The workbook changes nothing.".to_string() } else {
                    format!("{} change(s) to “{}”. Nothing is applied until you confirm.", r.changes.len(), r.updated.metadata.name)
                }}</p>
                {(!r.changes.is_empty()).then(|| view! {
                    <table class="data workbook-changes">
                        <caption class="visually-hidden">"Every change the workbook makes"</caption>
                        <thead><tr><th scope="col">"Sheet"</th><th scope="col">"Row"</th><th scope="col">"Id"</th><th scope="col">"Field"</th><th scope="col">"Now"</th><th scope="col">"In the workbook"</th></tr></thead>
                        <tbody>{r.changes.iter().map(|c| view! {
                            <tr>{c.iter().map(|v| view! { <td>{v.clone()}</td> }).collect_view()}</tr>
                        }).collect_view()}</tbody>
                    </table>
                })}
                {(!r.left_out.is_empty()).then(|| view! {
                    <p><strong>"Left out (not applied):"</strong></p>
                    <ul class="left-out">{r.left_out.iter().map(|l| view! { <li>{l.clone()}</li> }).collect_view()}</ul>
                })}
                <button type="button" prop:disabled=r.changes.is_empty()
                    on:click=move |_| state.transfer.set(Some(apply_workbook(state)))>{format!("Apply {} change(s)", r.changes.len())}</button>
                <button type="button" class="secondary" on:click=move |_| {
                    state.pending_workbook.set(None);
                    state.transfer.set(Some(crate::workbench::transfer::TransferMessage::ok("The workbook was not applied; nothing was changed.".into(), vec![])));
                }>"Cancel"</button>
            </section>
        })}
    }
}
