//! The only module that touches the browser's localStorage (through gloo-storage).
//!
//! Layout, versioned by key prefix `smm-navigator.v1.`:
//! - `smm-navigator.v1.assessment.<id>`: one assessment, in the assessment file
//!   format (the same JSON an export holds, read back by the same parser).
//! - `smm-navigator.v1.snapshots.<id>`: the snapshots of that assessment
//!   (`smm-navigator/snapshots`).
//!
//! A failed write leaves the previous value of the key in place, so the last
//! good state stays stored; the caller shows the error.

use gloo_storage::{LocalStorage, Storage};
use smm_core::history::{parse_snapshots, Snapshots};
use smm_core::{assessment_to_json, read_assessment, Assessment, Catalogue};

/// Prefix of every key this app writes.
pub const PREFIX: &str = "smm-navigator.v1.";
const ASSESSMENT: &str = "assessment.";
const SNAPSHOTS: &str = "snapshots.";

/// Why a storage operation failed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StorageError {
    /// The browser offers no localStorage (disabled, or a sandboxed frame).
    Unavailable,
    /// The storage quota is used up: the write did not happen.
    QuotaExceeded,
    /// Anything else the browser reported.
    Other(String),
}

impl std::fmt::Display for StorageError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            StorageError::Unavailable => f.write_str("this browser does not let the page use local storage"),
            StorageError::QuotaExceeded => {
                f.write_str("the browser's storage for this site is full; the last change was not saved")
            }
            StorageError::Other(m) => write!(f, "the browser could not save: {m}"),
        }
    }
}

/// A stored entry that could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BrokenEntry {
    /// Its localStorage key.
    pub key: String,
    /// What is wrong with it.
    pub message: String,
}

/// Everything found in storage at start.
#[derive(Clone, Debug, Default)]
pub struct Loaded {
    /// The readable assessments.
    pub assessments: Vec<Assessment>,
    /// Entries that could not be read; left untouched.
    pub broken: Vec<BrokenEntry>,
}

fn storage() -> Result<web_sys::Storage, StorageError> {
    // gloo's `raw()` panics when storage is unavailable; ask the window first.
    let window = web_sys::window().ok_or(StorageError::Unavailable)?;
    match window.local_storage() {
        Ok(Some(_)) => Ok(LocalStorage::raw()),
        _ => Err(StorageError::Unavailable),
    }
}

fn write(key: &str, value: &str) -> Result<(), StorageError> {
    storage()?.set_item(key, value).map_err(|e| {
        let name = js_sys::Reflect::get(&e, &"name".into()).ok().and_then(|n| n.as_string()).unwrap_or_default();
        if name == "QuotaExceededError" || name == "NS_ERROR_DOM_QUOTA_REACHED" {
            StorageError::QuotaExceeded
        } else {
            StorageError::Other(format!("{e:?}"))
        }
    })
}

fn keys() -> Result<Vec<String>, StorageError> {
    let s = storage()?;
    let n = s.length().map_err(|e| StorageError::Other(format!("{e:?}")))?;
    Ok((0..n).filter_map(|i| s.key(i).ok().flatten()).collect())
}

/// Key of an assessment.
pub fn assessment_key(id: &str) -> String {
    format!("{PREFIX}{ASSESSMENT}{id}")
}

/// Key of an assessment's snapshots.
pub fn snapshots_key(id: &str) -> String {
    format!("{PREFIX}{SNAPSHOTS}{id}")
}

/// Reads every stored assessment with the file parser; unreadable entries are reported, not touched.
pub fn load_all(catalogue: &Catalogue) -> Result<Loaded, StorageError> {
    let s = storage()?;
    let mut loaded = Loaded::default();
    let prefix = format!("{PREFIX}{ASSESSMENT}");
    for key in keys()?.into_iter().filter(|k| k.starts_with(&prefix)) {
        let raw = s.get_item(&key).ok().flatten().unwrap_or_default();
        match read_assessment(raw.as_bytes(), catalogue) {
            Ok(read) if assessment_key(&read.assessment.id) == key => loaded.assessments.push(read.assessment),
            Ok(read) => loaded.broken.push(BrokenEntry {
                key: key.clone(),
                message: format!("it holds assessment `{}` under another id's key", read.assessment.id),
            }),
            Err(e) => loaded.broken.push(BrokenEntry { key, message: e.to_string() }),
        }
    }
    Ok(loaded)
}

/// Saves one assessment.
pub fn save_assessment(a: &Assessment) -> Result<(), StorageError> {
    write(&assessment_key(&a.id), &assessment_to_json(a))
}

/// Deletes an assessment and its snapshots.
pub fn delete_assessment(id: &str) -> Result<(), StorageError> {
    let s = storage()?;
    for key in [assessment_key(id), snapshots_key(id)] {
        s.remove_item(&key).map_err(|e| StorageError::Other(format!("{e:?}")))?;
    }
    Ok(())
}

/// The snapshots of an assessment (none when nothing or something unreadable is stored).
pub fn load_snapshots(id: &str) -> Snapshots {
    storage()
        .ok()
        .and_then(|s| s.get_item(&snapshots_key(id)).ok().flatten())
        .and_then(|raw| parse_snapshots(&raw, Catalogue::builtin()).ok())
        .filter(|s| s.assessment_id == id)
        .unwrap_or_else(|| Snapshots::empty(id))
}

/// Saves the snapshots of an assessment.
pub fn save_snapshots(s: &Snapshots) -> Result<(), StorageError> {
    write(&snapshots_key(&s.assessment_id), &serde_json::to_string_pretty(s).unwrap_or_default())
}
