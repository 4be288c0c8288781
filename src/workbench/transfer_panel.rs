//! Backup and restore: export all, import by file picker or drop, the answer to
//! an id conflict, and the state of the browser's storage.

use leptos::prelude::*;

use crate::shared::storage;
use crate::workbench::seal_choice::SealChoice;
use crate::workbench::state::AppState;
use crate::workbench::transfer::{export_all, finish_import, import_picked, ImportChoice};
use crate::workbench::transfer_notice::TransferNotice;

/// Export, import and storage status, shown on the assessments page.
#[component]
pub fn TransferPanel() -> impl IntoView {
    let state = AppState::expect();
    let persisted = RwSignal::new(None::<Option<bool>>);
    let quota = RwSignal::new(None::<f64>);
    leptos::task::spawn_local(async move {
        persisted.set(Some(storage::request_persistence().await));
        quota.set(storage::quota().await);
    });
    let used = move || {
        state.assessments.track();
        state.save.track();
        storage::bytes_used()
    };
    let last_export = move || {
        state.transfer.track();
        storage::last_export()
    };
    let choose = move |c: ImportChoice| {
        if let Some(p) = state.pending_import.get_untracked() {
            state.pending_import.set(None);
            state.transfer.set(Some(finish_import(state, p, c)));
        }
    };
    view! {
        <section class="card transfer" aria-labelledby="transfer-heading">
            <h2 id="transfer-heading">"Backup and files"</h2>
            <div class="transfer-actions">
                <button type="button" on:click=move |_| state.transfer.set(Some(export_all(state)))>"Export all (backup file)"</button>
                <label class="file-pick">
                    "Import files (assessments, backups, workbooks, interview or answers files, profiles, frameworks, mappings; encrypted or not)"
                    <input type="file" multiple accept=".json,.age,.xlsx,application/json"
                        on:change=move |ev| import_picked(state, &ev) />
                </label>
                <span class="muted">"You can also drop a file anywhere on this page."</span>
            </div>
            {move || state.pending_import.get().map(|p| view! {
                <div class="card conflict" role="alertdialog" aria-labelledby="conflict-q">
                    <p id="conflict-q">{format!(
                        "“{}” holds {} assessment(s); these are already stored here: {}. Replace them, keep both, or cancel?",
                        p.file_name, p.assessments.len(), p.conflicts.join(", ")
                    )}</p>
                    <button type="button" on:click=move |_| choose(ImportChoice::Replace)>"Replace"</button>
                    <button type="button" on:click=move |_| choose(ImportChoice::KeepBoth)>"Keep both"</button>
                    <button type="button" on:click=move |_| choose(ImportChoice::Cancel)>"Cancel"</button>
                </div>
            })}
            <TransferNotice />
            <SealChoice />
            <dl class="storage-facts">
                <dt>"Persistent storage"</dt>
                <dd>{move || match persisted.get() {
                    None => "asking the browser…".to_string(),
                    Some(Some(true)) => "granted: the browser will not clear this site's data on its own".to_string(),
                    Some(Some(false)) => "not granted: the browser may clear this site's data when space runs low".to_string(),
                    Some(None) => "this browser does not say".to_string(),
                }}</dd>
                <dt>"Space used"</dt>
                <dd>{move || match quota.get() {
                    Some(q) => format!("{:.1} KB of about {:.0} MB available to this site", used() as f64 / 1024.0, q / 1_048_576.0),
                    None => format!("{:.1} KB", used() as f64 / 1024.0),
                }}</dd>
                <dt>"Last export"</dt>
                <dd>{move || match last_export() {
                    Some(t) => {
                        let days = ((js_sys::Date::now() - js_sys::Date::parse(&t)) / 86_400_000.0).floor();
                        let ago = if days.is_nan() || days < 1.0 { "today".to_string() } else { format!("{days} day(s) ago") };
                        let reminder = if days >= 30.0 { " It is time for a new backup." } else { " Export again after important changes." };
                        format!("{ago} ({} UTC).{reminder}", t.get(..16).unwrap_or(&t).replace('T', " "))
                    }
                    None => "never: export a backup file now and then, since browser data can be lost".to_string(),
                }}</dd>
            </dl>
        </section>
    }
}
