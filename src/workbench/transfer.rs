//! Export and import: files made and read in the page, never sent anywhere.
//! Every export is read back and compared with what is stored before the
//! download starts; every import goes through the same parser as the `smm`
//! command and leaves storage untouched unless it is accepted.

use smm_core::bundle::{read_file, redact, verify_export, Bundle, Imported, BUNDLE_FORMAT, BUNDLE_VERSION};
use smm_core::document::ReadAssessment;
use smm_core::history::Snapshots;
use smm_core::{assessment_to_json, Catalogue, MAX_FILE_BYTES};

use leptos::prelude::*;

use crate::shared::clock::{now_iso, today};
use crate::shared::download::{download, file_stem};
use crate::shared::storage;
use crate::workbench::state::AppState;

/// The outcome of an export or import, for the page to show.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TransferMessage {
    /// True for success.
    pub ok: bool,
    /// One sentence.
    pub summary: String,
    /// Details: problems with their JSON paths, or migration notes.
    pub details: Vec<String>,
}

impl TransferMessage {
    fn ok(summary: String, details: Vec<String>) -> TransferMessage {
        TransferMessage { ok: true, summary, details }
    }
    fn failed(summary: String, details: Vec<String>) -> TransferMessage {
        TransferMessage { ok: false, summary, details }
    }
}

/// An import waiting for the user's answer: some ids already exist.
#[derive(Clone, Debug, PartialEq)]
pub struct PendingImport {
    /// The file's name.
    pub file_name: String,
    /// What it holds.
    pub assessments: Vec<ReadAssessment>,
    /// Its snapshots.
    pub snapshots: Vec<Snapshots>,
    /// Names of the assessments whose id is already stored.
    pub conflicts: Vec<String>,
}

/// How to treat assessments whose id already exists.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ImportChoice {
    /// Overwrite the stored ones.
    Replace,
    /// Store the imported ones under new ids.
    KeepBoth,
    /// Import nothing.
    Cancel,
}

/// Exports every assessment and its snapshots as one bundle.
pub fn export_all(state: AppState) -> TransferMessage {
    let mut list = state.assessments.get_untracked();
    list.sort_by(|a, b| a.id.cmp(&b.id));
    let snapshots: Vec<Snapshots> =
        list.iter().map(|a| storage::load_snapshots(&a.id)).filter(|s| !s.snapshots.is_empty()).collect();
    let now = now_iso();
    let json = Bundle {
        format: BUNDLE_FORMAT,
        version: BUNDLE_VERSION,
        exported_at: &now,
        assessments: &list,
        snapshots: &snapshots,
    }
    .to_json();
    if let Err(e) = verify_export(&json, &list, &snapshots, Catalogue::builtin()) {
        return TransferMessage::failed(format!("Nothing was exported: {e}."), vec![]);
    }
    if let Err(e) = download(&format!("smm-navigator-backup-{}.json", today()), "application/json", &json) {
        return TransferMessage::failed(e, vec![]);
    }
    let _ = storage::set_last_export(&now);
    let summary = format!("Exported {} assessment(s) and their snapshots as one file.", list.len());
    leptos::task::spawn_local(add_fingerprint(state, summary.clone(), json));
    TransferMessage::ok(summary, vec![])
}

/// Adds the SHA-256 fingerprint of an exported file to the export's message,
/// computed by the on-demand worker (loaded on the first export), so that the
/// user can later check that a copy is this very file.
async fn add_fingerprint(state: AppState, summary: String, json: String) {
    let line = match crate::workbench::on_demand::sha256(json.as_bytes()).await {
        Ok(hex) => format!(
            "SHA-256 fingerprint of the file: {hex}. Keep it to check later that a copy is this very file \
             (sha256sum on Linux, shasum -a 256 on macOS, Get-FileHash in Windows PowerShell)."
        ),
        Err(e) => format!("No fingerprint: {e}. The file itself was exported."),
    };
    state.transfer.update(|m| {
        if let Some(m) = m.as_mut().filter(|m| m.ok && m.summary == summary) {
            m.details.push(line);
        }
    });
}

/// Exports one assessment, in full or redacted for sharing.
pub fn export_one(state: AppState, id: &str, redacted: bool) -> TransferMessage {
    let Some(a) = state.get(id) else {
        return TransferMessage::failed("There is no such assessment.".into(), vec![]);
    };
    let a = if redacted { redact(&a) } else { a };
    let json = assessment_to_json(&a);
    if let Err(e) = verify_export(&json, std::slice::from_ref(&a), &[], Catalogue::builtin()) {
        return TransferMessage::failed(format!("Nothing was exported: {e}."), vec![]);
    }
    let name = if redacted { format!("{}-redacted", file_stem(&a.id)) } else { file_stem(&a.metadata.name) };
    if let Err(e) = download(&format!("{name}.smm.json"), "application/json", &json) {
        return TransferMessage::failed(e, vec![]);
    }
    if !redacted {
        let _ = storage::set_last_export(&now_iso());
    }
    TransferMessage::ok(
        if redacted {
            "Exported a redacted copy: levels, scopes and targets only, without names, notes or evidence.".into()
        } else {
            "Exported the assessment as a file.".into()
        },
        vec![],
    )
}

/// Reads a file chosen or dropped by the user, refusing one over the size limit unread.
pub async fn read_browser_file(file: &web_sys::File) -> Result<Vec<u8>, String> {
    let size = file.size();
    if size > MAX_FILE_BYTES as f64 {
        return Err(format!(
            "the file is {:.1} MiB; files over {} MiB are refused",
            size / (1024.0 * 1024.0),
            MAX_FILE_BYTES / (1024 * 1024)
        ));
    }
    let buffer = wasm_bindgen_futures::JsFuture::from(file.array_buffer())
        .await
        .map_err(|e| format!("the browser could not read the file: {e:?}"))?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// Where an import stands after the file was read.
#[derive(Clone, Debug, PartialEq)]
pub enum ImportStep {
    /// Finished (stored, or refused with nothing changed).
    Done(TransferMessage),
    /// Some ids already exist: the user chooses.
    Ask(PendingImport),
}

/// Parses an imported file. Stores it at once when no id is taken; otherwise
/// returns the pending import for the user to decide. Nothing is stored on error.
pub fn start_import(state: AppState, file_name: &str, bytes: &[u8]) -> ImportStep {
    let refused = |e: smm_core::DocumentError| {
        ImportStep::Done(TransferMessage::failed(
            format!("“{file_name}” was not imported; nothing stored was changed."),
            e.problems.iter().map(ToString::to_string).collect(),
        ))
    };
    match smm_core::bundle::detect_format(bytes).as_deref() {
        Some(smm_core::profile::PROFILE_FORMAT) => {
            return match smm_core::profile::parse_profile(bytes, Catalogue::builtin()) {
                Err(e) => refused(e),
                Ok(p) => ImportStep::Done(match storage::save_profile(&p) {
                    Ok(()) => {
                        let name = p.name.clone();
                        state.user_profiles.update(|v| {
                            v.retain(|x| x.id != p.id);
                            v.push(p);
                        });
                        TransferMessage::ok(format!("Loaded the profile “{name}”; assessments can now use it."), vec![])
                    }
                    Err(e) => TransferMessage::failed(e.to_string(), vec![]),
                }),
            };
        }
        Some(smm_core::framework::FRAMEWORK_FORMAT) => {
            return match smm_core::framework::parse_framework(bytes) {
                Err(e) => refused(e),
                Ok(f) if state.is_builtin_framework(&f.id) => ImportStep::Done(TransferMessage::failed(
                    format!(
                        "“{file_name}” was not loaded: `{}` is the id of a built-in framework; give yours another id.",
                        f.id
                    ),
                    vec![],
                )),
                Ok(f) => ImportStep::Done(match storage::save_framework(&f) {
                    Ok(()) => {
                        let summary = format!(
                            "Loaded the framework catalogue “{}” ({} requirements); load a mapping for it to use it.",
                            f.name,
                            f.requirements.len()
                        );
                        state.user_frameworks.update(|v| {
                            v.retain(|x| x.id != f.id);
                            v.push(f);
                        });
                        TransferMessage::ok(summary, vec![])
                    }
                    Err(e) => TransferMessage::failed(e.to_string(), vec![]),
                }),
            };
        }
        Some(smm_core::mapping::MAPPING_FORMAT) => {
            let wanted = smm_core::mapping::mapping_framework(bytes).unwrap_or_default();
            let Some(framework) = state.frameworks().into_iter().find(|f| f.id == wanted) else {
                return ImportStep::Done(TransferMessage::failed(
                    format!("“{file_name}” was not loaded; nothing stored was changed."),
                    vec![format!(
                        "framework: the mapping is for `{wanted}`, which is neither built in nor loaded; load its framework catalogue first"
                    )],
                ));
            };
            return match smm_core::mapping::parse_mapping(bytes, Catalogue::builtin(), &framework) {
                Err(e) => refused(e),
                Ok(m) => ImportStep::Done(match storage::save_mapping(&m) {
                    Ok(()) => {
                        let summary = format!(
                            "Loaded the mapping “{}” ({} rows); the frameworks view can use it for {}.",
                            m.name,
                            m.rows.len(),
                            framework.name
                        );
                        state.user_mappings.update(|v| {
                            v.retain(|x| x.id != m.id);
                            v.push(m);
                        });
                        TransferMessage::ok(summary, vec![])
                    }
                    Err(e) => TransferMessage::failed(e.to_string(), vec![]),
                }),
            };
        }
        _ => {}
    }
    let imported = match read_file(bytes, Catalogue::builtin()) {
        Ok(i) => i,
        Err(e) => {
            return ImportStep::Done(TransferMessage::failed(
                format!("“{file_name}” was not imported; nothing stored was changed."),
                e.problems.iter().map(ToString::to_string).collect(),
            ))
        }
    };
    let (assessments, snapshots) = match imported {
        Imported::Assessment(a) => (vec![*a], Vec::new()),
        Imported::Bundle { assessments, snapshots } => (assessments, snapshots),
    };
    let conflicts: Vec<String> =
        assessments.iter().filter_map(|r| state.get(&r.assessment.id).map(|old| old.metadata.name)).collect();
    let pending = PendingImport { file_name: file_name.to_string(), assessments, snapshots, conflicts };
    if pending.conflicts.is_empty() {
        ImportStep::Done(finish_import(state, pending, ImportChoice::KeepBoth))
    } else {
        ImportStep::Ask(pending)
    }
}

/// Imports the first of `files` (chosen or dropped), reporting through `state`.
pub fn import_files(state: AppState, files: Option<web_sys::FileList>) {
    let Some(file) = files.and_then(|f| f.get(0)) else { return };
    state.pending_import.set(None);
    leptos::task::spawn_local(async move {
        let name = file.name();
        let step = match read_browser_file(&file).await {
            Ok(bytes) => {
                // A mapping is read against its framework: the shipped ones first.
                if smm_core::bundle::detect_format(&bytes).as_deref() == Some(smm_core::mapping::MAPPING_FORMAT) {
                    if let Err(e) = state.builtin_ready().await {
                        state.transfer.set(Some(TransferMessage::failed(
                            format!("“{name}” was not imported; nothing stored was changed."),
                            vec![e],
                        )));
                        return;
                    }
                }
                start_import(state, &name, &bytes)
            }
            Err(e) => ImportStep::Done(TransferMessage::failed(
                format!("“{name}” was not imported; nothing stored was changed."),
                vec![e],
            )),
        };
        match step {
            ImportStep::Done(m) => state.transfer.set(Some(m)),
            ImportStep::Ask(p) => state.pending_import.set(Some(p)),
        }
    });
}

/// Completes an import with the user's choice for ids that already exist.
pub fn finish_import(state: AppState, pending: PendingImport, choice: ImportChoice) -> TransferMessage {
    if choice == ImportChoice::Cancel {
        return TransferMessage::ok(
            format!("Import of “{}” cancelled; nothing was changed.", pending.file_name),
            vec![],
        );
    }
    let mut details = Vec::new();
    let mut count = 0;
    for read in pending.assessments {
        let mut a = read.assessment;
        let mut shots = pending.snapshots.iter().find(|s| s.assessment_id == a.id).cloned();
        if choice == ImportChoice::KeepBoth && state.get(&a.id).is_some() {
            a.id = state.fresh_id();
            a.metadata.name = format!("{} (imported)", a.metadata.name);
            if let Some(s) = &mut shots {
                s.assessment_id = a.id.clone();
            }
        }
        for line in &read.migration_log {
            details.push(format!("{}: migrated {line}", a.metadata.name));
        }
        if !state.store_imported(a, shots) {
            return TransferMessage::failed(
                format!("The import stopped after {count} assessment(s): the browser did not save the rest."),
                details,
            );
        }
        count += 1;
    }
    TransferMessage::ok(format!("Imported {count} assessment(s) from “{}”.", pending.file_name), details)
}
