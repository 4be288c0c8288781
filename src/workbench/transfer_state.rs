//! What an export or import leaves for the page to show or to ask: the
//! message, an import waiting for the user's choice, an encrypted file waiting
//! for its passphrase, a workbook waiting for confirmation. Plain data, so that
//! the state ([`crate::workbench::state`]) holds it without depending on the
//! code that makes it ([`crate::workbench::transfer`]).

use smm_core::formats::assessment::ReadAssessment;
use smm_core::history::Snapshots;

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
    /// A success.
    pub fn ok(summary: String, details: Vec<String>) -> TransferMessage {
        TransferMessage { ok: true, summary, details }
    }
    /// A refusal or failure.
    pub fn failed(summary: String, details: Vec<String>) -> TransferMessage {
        TransferMessage { ok: false, summary, details }
    }
    /// File `file_name` refused on import, for the reasons in `details`.
    pub fn not_imported(file_name: &str, details: Vec<String>) -> TransferMessage {
        TransferMessage::failed(format!("“{file_name}” was not imported; nothing stored was changed."), details)
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

/// A workbook read back, waiting for the user to confirm its changes.
#[derive(Clone, Debug, PartialEq)]
pub struct WorkbookReview {
    /// The file's name.
    pub file_name: String,
    /// The assessment it changes.
    pub assessment_id: String,
    /// Each change: sheet, row, id, field, old, new.
    pub changes: Vec<[String; 6]>,
    /// What was left out, each naming its place.
    pub left_out: Vec<String>,
    /// The assessment with the changes, as the worker's parser produced it.
    pub updated: smm_core::Assessment,
}

/// An encrypted file read for import, waiting for its passphrase.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sealed {
    /// The file's name.
    pub file_name: String,
    /// Its bytes (an age file).
    pub bytes: Vec<u8>,
    /// Why the last passphrase did not open it, if one was tried.
    pub error: Option<String>,
    /// True while the worker decrypts.
    pub busy: bool,
}

/// The user's choice about encrypting exports (the passphrase stays in this
/// page's memory only).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum Encryption {
    /// Exports are written in clear.
    #[default]
    Off,
    /// The user asked for encryption, but the passphrase is not ready (too
    /// short, or the two differ): exports are refused until it is, never
    /// written in clear.
    Unready,
    /// Exports are encrypted with this passphrase.
    Passphrase(String),
}
