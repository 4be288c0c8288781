//! The one way out of the workbench and the exchange page: every file either
//! page writes (assessments, backups, redacted copies, interview and answers
//! files, workbooks, OSCAL documents, the roadmap, requirements and checklist
//! CSVs, recovered storage text) is handed to [`send`], which applies the
//! user's choices: encryption when a passphrase is set (the file becomes
//! `NAME.age`, made in the on-demand worker), and the file name. Redaction is
//! [`assessment_file`]'s: a redacted copy is built by the core's allow-list,
//! under a fresh random id and a neutral name. Nothing else in these pages
//! calls the download code (`tests/tidy.rs` holds it).

use leptos::prelude::*;
use smm_core::{assessment_to_json, Assessment, Catalogue};

use crate::shared::clock::{now_iso, today};
use crate::shared::download::{file_stem, offer};
use crate::shared::storage;
use crate::workbench::state::AppState;
use crate::workbench::transfer_state::{Encryption, TransferMessage};

/// A file on its way out, with what to say once it is out.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Outgoing {
    /// The file name, before the `.age` of an encrypted copy.
    pub name: String,
    /// Its media type in clear.
    pub mime: &'static str,
    /// Its bytes in clear.
    pub bytes: Vec<u8>,
    /// The sentence shown once the file is out.
    pub summary: String,
    /// Lines shown under it.
    pub details: Vec<String>,
    /// A backup of the stored assessments: records when the last one was made.
    pub backup: bool,
    /// Adds the SHA-256 of the file as downloaded to the message.
    pub fingerprint: bool,
}

impl Outgoing {
    /// A file with nothing to do after it is out.
    pub fn new(name: String, mime: &'static str, bytes: Vec<u8>, summary: impl Into<String>) -> Outgoing {
        Outgoing { name, mime, bytes, summary: summary.into(), details: Vec::new(), backup: false, fingerprint: false }
    }

    /// A CSV table.
    pub fn csv(name: String, text: String, summary: impl Into<String>) -> Outgoing {
        Outgoing::new(name, "text/csv;charset=utf-8", text.into_bytes(), summary)
    }

    /// A JSON document.
    pub fn json(name: String, text: String, summary: impl Into<String>) -> Outgoing {
        Outgoing::new(name, "application/json", text.into_bytes(), summary)
    }
}

/// Where the outcome of a [`send`] is shown.
#[derive(Clone, Copy, Debug)]
pub enum Notice {
    /// The page's transfer notice (`state.transfer`).
    Transfer,
    /// A status line of the section that asked for the file.
    Inline(RwSignal<Option<String>>),
}

impl Notice {
    /// Shows `m` in place of `waiting`, only if that is still what is shown,
    /// so that a later message is never overwritten.
    fn replace(self, state: AppState, waiting: &str, m: TransferMessage) {
        match self {
            Notice::Transfer => state.transfer.update(|shown| {
                if shown.as_ref().is_none_or(|s| s.summary == waiting) {
                    *shown = Some(m);
                }
            }),
            Notice::Inline(line) => line.update(|shown| {
                if shown.as_deref().is_none_or(|s| s == waiting) {
                    *shown = Some(std::iter::once(m.summary).chain(m.details).collect::<Vec<_>>().join(" "));
                }
            }),
        }
    }
}

/// Offers `out` as a download: as it is, or, when the user chose a passphrase,
/// encrypted in the on-demand worker as `NAME.age`. Returns the message to
/// show now; when encryption (or the fingerprint) finishes later, the message
/// in `notice` is updated.
pub fn send(state: AppState, out: Outgoing, notice: Notice) -> TransferMessage {
    let passphrase = match state.seal.get_untracked() {
        Encryption::Off => {
            return match offer(&out.name, out.mime, &out.bytes) {
                Err(e) => TransferMessage::failed(e, vec![]),
                Ok(()) => finished(state, out.bytes, out.summary, out.details, out.backup, out.fingerprint, notice),
            }
        }
        Encryption::Unready => {
            return TransferMessage::failed(
                format!(
                    "Nothing was exported: “Encrypt exported files” is ticked, but the passphrase is not ready. \
                     Type the same passphrase of at least {} characters twice, or untick the box to export “{}” in clear.",
                    crate::workbench::seal_choice::MIN_PASSPHRASE_CHARS,
                    out.name
                ),
                vec![],
            )
        }
        Encryption::Passphrase(p) => p,
    };
    let name = format!("{}.age", out.name);
    let waiting = format!("Encrypting “{name}” with your passphrase…");
    in_background(state, notice, &waiting, async move {
        let started = js_sys::Date::now();
        let result = crate::workbench::on_demand::encrypt(&out.bytes, &passphrase).await;
        let ms = js_sys::Date::now() - started;
        match result {
            Err(e) => {
                TransferMessage::failed(format!("Nothing was exported: the file could not be encrypted ({e})."), vec![])
            }
            Ok(sealed) => match offer(&name, "application/octet-stream", &sealed) {
                Err(e) => TransferMessage::failed(e, vec![]),
                Ok(()) => {
                    let mut details = out.details;
                    details.push(format!(
                        "Encrypted with your passphrase in the age format in {ms:.0} ms, as “{name}”. \
                         SMM Navigator opens it again after asking the passphrase; so do `age -d` and `rage -d`. \
                         Without the passphrase nobody can read it, SMM Navigator included."
                    ));
                    finished(state, sealed, out.summary, details, out.backup, out.fingerprint, notice)
                }
            },
        }
    })
}

/// Shows `waiting` now and runs `work` in the background; its message then
/// takes the place of `waiting` in `notice` (unless a later message came first).
pub fn in_background(
    state: AppState,
    notice: Notice,
    waiting: &str,
    work: impl std::future::Future<Output = TransferMessage> + 'static,
) -> TransferMessage {
    let shown = waiting.to_string();
    leptos::task::spawn_local(async move {
        let message = work.await;
        notice.replace(state, &shown, message);
    });
    TransferMessage::ok(waiting.to_string(), vec![])
}

/// The message of a file that is out, after the bookkeeping it asks for.
fn finished(
    state: AppState,
    bytes: Vec<u8>,
    summary: String,
    details: Vec<String>,
    backup: bool,
    fingerprint: bool,
    notice: Notice,
) -> TransferMessage {
    if backup {
        let _ = storage::set_last_export(&now_iso());
    }
    if fingerprint {
        leptos::task::spawn_local(add_fingerprint(state, summary.clone(), bytes, notice));
    }
    TransferMessage::ok(summary, details)
}

/// Adds the SHA-256 fingerprint of an exported file to the export's message,
/// computed by the on-demand worker, so that the user can later check that a
/// copy is this very file.
async fn add_fingerprint(state: AppState, summary: String, bytes: Vec<u8>, notice: Notice) {
    let line = match crate::workbench::on_demand::sha256(&bytes).await {
        Ok(hex) => format!(
            "SHA-256 fingerprint of the file: {hex}. Keep it to check later that a copy is this very file \
             (sha256sum on Linux, shasum -a 256 on macOS, Get-FileHash in Windows PowerShell)."
        ),
        Err(e) => format!("No fingerprint: {e}. The file itself was exported."),
    };
    match notice {
        Notice::Transfer => state.transfer.update(|m| {
            if let Some(m) = m.as_mut().filter(|m| m.ok && m.summary == summary) {
                m.details.push(line);
            }
        }),
        Notice::Inline(shown) => shown.update(|s| {
            if let Some(s) = s.as_mut().filter(|s| s.starts_with(&summary)) {
                s.push(' ');
                s.push_str(&line);
            }
        }),
    }
}

/// The file of assessment `a`. The JSON is read back and compared with what
/// is stored before it is offered.
pub fn assessment_file(a: &Assessment) -> Result<Outgoing, String> {
    let json = assessment_to_json(a);
    smm_core::bundle::verify_export(&json, std::slice::from_ref(a), &[], Catalogue::builtin())?;
    let name = format!("{}.smm.json", file_stem(&a.metadata.name));
    let mut out = Outgoing::json(name, json, "Exported the assessment as a file.");
    out.backup = true;
    Ok(out)
}

/// The copy of `a` for sharing: the core's allow-list redaction
/// ([`smm_core::bundle::redact`], run in the on-demand worker, so that the
/// workbench bundle does not carry it) under a fresh random id, named
/// `redacted-assessment-DATE.smm.json`. What the worker made is read back as
/// an assessment, with its new id, before it is offered.
pub async fn redacted_file(a: &Assessment) -> Result<Outgoing, String> {
    let fresh = crate::shared::clock::random_id("shared");
    let job = crate::workbench::on_demand::REDACT;
    let bytes = crate::workbench::on_demand::run(job, assessment_to_json(a).as_bytes(), &fresh)
        .await
        .map_err(|e| e.to_string())?;
    let copy = smm_core::parse_assessment(&bytes, Catalogue::builtin()).map_err(|e| e.to_string())?;
    if copy.id != fresh {
        return Err("the redacted copy does not carry its own new id".into());
    }
    let summary = format!("Exported a redacted copy. {}", smm_core::bundle::REDACTED_COPY_KEEPS);
    Ok(Outgoing::new(smm_core::bundle::redacted_file_name(&today()), "application/json", bytes, summary))
}
