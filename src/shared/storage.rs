//! The only module that touches the browser's localStorage (through gloo-storage).
//!
//! Layout, versioned by key prefix `smm-navigator.v1.`:
//! - `smm-navigator.v1.assessment.<id>`: one assessment, in the assessment file
//!   format (the same JSON an export holds, read back by the same parser).
//! - `smm-navigator.v1.snapshots.<id>`: the snapshots of that assessment
//!   (`smm-navigator/snapshots`).
//! - `smm-navigator.v1.answering.<interview id>`: an interview someone is
//!   answering in this browser, with their answers so far ([`Answering`]).
//!
//! A failed write leaves the previous value of the key in place, so the last
//! good state stays stored; the caller shows the error.

use gloo_storage::{LocalStorage, Storage};
use smm_core::history::{parse_snapshots, Snapshots};
use smm_core::{assessment_to_json, read_assessment, Assessment, Catalogue};
use wasm_bindgen::JsCast;

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
            Ok(read) if assessment_key(&read.assessment.id) == key => {
                seen(&key, &raw);
                loaded.assessments.push(read.assessment);
            }
            Ok(read) => loaded.broken.push(BrokenEntry {
                key: key.clone(),
                message: format!("it holds assessment `{}` under another id's key", read.assessment.id),
            }),
            Err(e) => loaded.broken.push(BrokenEntry { key, message: e.summary() }),
        }
    }
    Ok(loaded)
}

/// Saves one assessment (new, imported or restored), whatever is stored.
pub fn save_assessment(a: &Assessment) -> Result<(), StorageError> {
    let (key, text) = (assessment_key(&a.id), assessment_to_json(a));
    write(&key, &text)?;
    seen(&key, &text);
    Ok(())
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

/// The raw text stored under `key` (for the recovery download), if any.
pub fn raw(key: &str) -> Option<String> {
    storage().ok()?.get_item(key).ok().flatten()
}

/// Removes one entry (used by the recovery banner once its text was saved
/// elsewhere, and by the list of loaded files), with its set-aside note.
pub fn remove(key: &str) -> Result<(), StorageError> {
    let s = storage()?;
    s.remove_item(key).map_err(|e| StorageError::Other(format!("{e:?}")))?;
    let _ = s.remove_item(&aside_key(key));
    Ok(())
}

/// The stored assessment `id` as the file parser reads it (`None` when absent or unreadable).
pub fn load_assessment(id: &str, catalogue: &Catalogue) -> Option<Assessment> {
    let key = assessment_key(id);
    let raw = raw(&key)?;
    let a = read_assessment(raw.as_bytes(), catalogue).ok()?.assessment;
    seen(&key, &raw);
    Some(a)
}

thread_local! {
    /// The text of each assessment key as this tab last read or wrote it.
    static SEEN: std::cell::RefCell<std::collections::HashMap<String, String>> = Default::default();
}

fn seen(key: &str, raw: &str) {
    SEEN.with(|s| s.borrow_mut().insert(key.to_string(), raw.to_string()));
}

/// Saves `new` only if the stored text is still what this tab last read or
/// wrote (or nothing is stored): a change made in another tab is never
/// overwritten silently.
pub fn save_assessment_checked(new: &Assessment) -> Result<(), SaveError> {
    let key = assessment_key(&new.id);
    let current = raw(&key);
    let last = SEEN.with(|s| s.borrow().get(&key).cloned());
    if current.is_some() && current != last {
        return Err(SaveError::Conflict);
    }
    let text = assessment_to_json(new);
    write(&key, &text).map_err(SaveError::Storage)?;
    seen(&key, &text);
    Ok(())
}

/// Why a checked save did not happen.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SaveError {
    /// Another tab changed the stored assessment since this tab read it.
    Conflict,
    /// The browser refused the write.
    Storage(StorageError),
}

const BENCHMARK: &str = "benchmark";

/// The benchmark loaded in this browser (one at a time), read again through
/// the core's reader: storage is outside input too. `None` when there is none
/// or it no longer reads.
pub fn load_benchmark(catalogue: &Catalogue) -> Option<smm_core::portfolio::Benchmark> {
    smm_core::portfolio::parse_benchmark(raw(&format!("{PREFIX}{BENCHMARK}"))?.as_bytes(), catalogue).ok()
}

/// Keeps `b` as the benchmark of this browser, replacing any other.
pub fn save_benchmark(b: &smm_core::portfolio::Benchmark) -> Result<(), StorageError> {
    write(&format!("{PREFIX}{BENCHMARK}"), &b.to_json())
}

const META: &str = "meta.last-export";

/// When the last export was made (RFC 3339), if ever.
pub fn last_export() -> Option<String> {
    raw(&format!("{PREFIX}{META}"))
}

/// Records the time of an export.
pub fn set_last_export(when: &str) -> Result<(), StorageError> {
    write(&format!("{PREFIX}{META}"), when)
}

/// True when `key` is an assessment key; returns the assessment id.
pub fn assessment_id_of_key(key: &str) -> Option<&str> {
    key.strip_prefix(PREFIX)?.strip_prefix(ASSESSMENT)
}

/// The bytes this app keeps in localStorage (keys and values, UTF-16 as browsers count them).
pub fn bytes_used() -> usize {
    let Ok(s) = storage() else { return 0 };
    keys()
        .unwrap_or_default()
        .into_iter()
        .filter(|k| k.starts_with(PREFIX))
        .map(|k| {
            let v = s.get_item(&k).ok().flatten().unwrap_or_default();
            2 * (k.encode_utf16().count() + v.encode_utf16().count())
        })
        .sum()
}

/// Asks the browser to keep this site's storage under storage pressure; resolves
/// to whether it is persisted. `None` when the browser has no such API.
pub async fn request_persistence() -> Option<bool> {
    let navigator = web_sys::window()?.navigator();
    let manager = navigator.storage();
    let persisted = wasm_bindgen_futures::JsFuture::from(manager.persisted().ok()?).await.ok()?;
    if persisted.as_bool() == Some(true) {
        return Some(true);
    }
    let granted = wasm_bindgen_futures::JsFuture::from(manager.persist().ok()?).await.ok()?;
    granted.as_bool()
}

/// The browser's estimate of the quota for this site, in bytes.
pub async fn quota() -> Option<f64> {
    let manager = web_sys::window()?.navigator().storage();
    let estimate = wasm_bindgen_futures::JsFuture::from(manager.estimate().ok()?).await.ok()?;
    js_sys::Reflect::get(&estimate, &"quota".into()).ok()?.as_f64()
}

const PROFILE: &str = "profile.";
const MAPPING: &str = "mapping.";

/// The key naming the stored file being read right now; left behind when the
/// page stops while reading it (closed, crashed, or stopped by the browser).
const READING: &str = "reading";
/// `aside.<key>`: why a stored file is set aside (not read at start).
const ASIDE: &str = "aside.";
/// The longest reading one stored profile, framework or mapping may take at
/// start before it is set aside, in milliseconds (the largest file the
/// readers accept reads in well under this on a slow phone).
const SLOW_READ_MS: f64 = 500.0;

fn aside_key(key: &str) -> String {
    format!("{PREFIX}{ASIDE}{key}")
}

/// The stored files of one kind, each read with `parse`: the readable ones,
/// and the others as broken entries (left as they are, for the banner that
/// offers their text and their removal). A file whose reading did not finish
/// the last time, or took longer than [`SLOW_READ_MS`], is set aside: not read
/// again at start until the user removes it, so one hostile file never costs a
/// start of the app.
fn load_prefixed<T>(
    prefix: &str,
    parse: impl Fn(&[u8]) -> Result<T, smm_core::DocumentError>,
) -> (Vec<T>, Vec<BrokenEntry>) {
    let (mut read, mut broken) = (Vec::new(), Vec::new());
    let Ok(s) = storage() else { return (read, broken) };
    let reading = format!("{PREFIX}{READING}");
    if let Some(key) = s.get_item(&reading).ok().flatten() {
        let _ = write(&aside_key(&key), "reading it did not finish the last time the app started");
        let _ = s.remove_item(&reading);
    }
    let full = format!("{PREFIX}{prefix}");
    for key in keys().unwrap_or_default().into_iter().filter(|k| k.starts_with(&full)) {
        if let Some(why) = s.get_item(&aside_key(&key)).ok().flatten() {
            broken.push(BrokenEntry { key, message: format!("set aside and not read: {why}") });
            continue;
        }
        let Some(raw) = s.get_item(&key).ok().flatten() else { continue };
        let _ = write(&reading, &key);
        let start = js_sys::Date::now();
        let result = parse(raw.as_bytes());
        let took = js_sys::Date::now() - start;
        let _ = s.remove_item(&reading);
        match result {
            Ok(_) if took > SLOW_READ_MS => {
                let why = format!("reading it took {took:.0} ms, which would slow every start of the app");
                let _ = write(&aside_key(&key), &why);
                broken.push(BrokenEntry { key, message: format!("set aside and not read: {why}") });
            }
            Ok(v) => read.push(v),
            Err(e) => broken.push(BrokenEntry { key, message: e.summary() }),
        }
    }
    (read, broken)
}

/// The key of a profile the user loaded.
pub fn profile_key(id: &str) -> String {
    format!("{PREFIX}{PROFILE}{id}")
}

/// The key of a framework catalogue the user loaded.
pub fn framework_key(id: &str) -> String {
    format!("{PREFIX}{FRAMEWORK}{id}")
}

/// The key of a mapping the user loaded.
pub fn mapping_key(id: &str) -> String {
    format!("{PREFIX}{MAPPING}{id}")
}

/// The profiles the user loaded, and the stored ones that could not be read.
pub fn load_profiles(catalogue: &Catalogue) -> (Vec<smm_core::profile::Profile>, Vec<BrokenEntry>) {
    load_prefixed(PROFILE, |b| smm_core::profile::parse_profile(b, catalogue))
}

/// Stores a profile the user loaded.
pub fn save_profile(p: &smm_core::profile::Profile) -> Result<(), StorageError> {
    write(&profile_key(&p.id), &serde_json::to_string_pretty(p).unwrap_or_default())
}

const FRAMEWORK: &str = "framework.";

/// The framework catalogues the user loaded, and the stored ones that could not be read.
pub fn load_frameworks() -> (Vec<smm_core::framework::Framework>, Vec<BrokenEntry>) {
    load_prefixed(FRAMEWORK, smm_core::framework::parse_framework)
}

/// Stores a framework catalogue the user loaded.
pub fn save_framework(f: &smm_core::framework::Framework) -> Result<(), StorageError> {
    write(&framework_key(&f.id), &serde_json::to_string_pretty(f).unwrap_or_default())
}

/// The mappings the user loaded, each read against its framework among
/// `frameworks` (a version 1 mapping stored by an earlier release is a 62443
/// one, migrated on reading), and the stored ones that could not be read.
pub fn load_mappings(
    catalogue: &Catalogue,
    frameworks: impl FnOnce() -> Vec<smm_core::framework::Framework>,
) -> (Vec<smm_core::mapping::Mapping>, Vec<BrokenEntry>) {
    // The frameworks are read only when some mapping is stored (rarely): no
    // parsing of the built-in catalogues at start otherwise.
    if !has_mappings() {
        return (Vec::new(), Vec::new());
    }
    let frameworks = frameworks();
    load_prefixed(MAPPING, |b| {
        let file = smm_core::mapping::MappingFile::read(b)?;
        let id = file.framework.clone();
        match frameworks.iter().find(|f| f.id == id) {
            Some(f) => file.check(catalogue, f),
            None => Err(smm_core::DocumentError {
                problems: vec![smm_core::Problem {
                    path: "framework".into(),
                    message: format!("unknown framework `{id}`"),
                }],
            }),
        }
    })
}

/// True when some mapping the user loaded is stored.
pub fn has_mappings() -> bool {
    let full = format!("{PREFIX}{MAPPING}");
    keys().unwrap_or_default().iter().any(|k| k.starts_with(&full))
}

/// Stores a mapping the user loaded.
pub fn save_mapping(m: &smm_core::mapping::Mapping) -> Result<(), StorageError> {
    write(&mapping_key(&m.id), &serde_json::to_string_pretty(m).unwrap_or_default())
}

const EMBED: &str = "embed.";

/// The indicators ticked in an embedded mini self-assessment (its own key): a
/// JSON array of indicator ids. Read with the browser's own JSON parser, so the
/// reader carries none; anything but an array of strings reads as no answers.
pub fn load_embed_answers(set: &str) -> Vec<String> {
    let Some(text) = raw(&format!("{PREFIX}{EMBED}{set}")) else { return Vec::new() };
    match js_sys::JSON::parse(&text).ok().and_then(|v| v.dyn_into::<js_sys::Array>().ok()) {
        Some(list) => list.iter().filter_map(|v| v.as_string()).collect(),
        None => Vec::new(),
    }
}

/// Saves the answers of an embedded mini self-assessment under its own key.
pub fn save_embed_answers(set: &str, answers: &[String]) -> Result<(), StorageError> {
    let list: js_sys::Array = answers.iter().map(|a| wasm_bindgen::JsValue::from_str(a)).collect();
    let text = js_sys::JSON::stringify(&list).ok().and_then(|s| s.as_string()).unwrap_or_else(|| "[]".into());
    write(&format!("{PREFIX}{EMBED}{set}"), &text)
}

const ANSWERING: &str = "answering.";

/// An interview being answered in this browser: the interview file as
/// received and the answers so far (key `smm-navigator.v1.answering.<interview id>`,
/// value `{"interview": <interview file>, "answers": <answers file>}`).
#[derive(Clone, Debug, PartialEq)]
pub struct Answering {
    /// The interview file, as read.
    pub interview: smm_core::interview::InterviewFile,
    /// The answers so far (the interviewee's name may still be empty).
    pub answers: smm_core::interview::AnswersFile,
}

/// The interviews being answered here, each read back with the file parsers
/// (unreadable ones are skipped).
pub fn load_answering(catalogue: &Catalogue) -> Vec<Answering> {
    let Ok(s) = storage() else { return Vec::new() };
    let full = format!("{PREFIX}{ANSWERING}");
    keys()
        .unwrap_or_default()
        .into_iter()
        .filter(|k| k.starts_with(&full))
        .filter_map(|k| s.get_item(&k).ok().flatten())
        .filter_map(|raw| {
            let v: serde_json::Value = serde_json::from_str(&raw).ok()?;
            let interview =
                smm_core::interview::parse_interview(v.get("interview")?.to_string().as_bytes(), catalogue).ok()?;
            let mut answers_json = v.get("answers")?.clone();
            // A draft may not have a name yet; the answers file needs one.
            let unnamed = answers_json.get("interviewee").and_then(|n| n.as_str()).is_some_and(|n| n.trim().is_empty());
            if unnamed {
                answers_json["interviewee"] = "-".into();
            }
            let mut answers = smm_core::interview::parse_answers(answers_json.to_string().as_bytes()).ok()?;
            if unnamed {
                answers.interviewee.clear();
            }
            Some(Answering { interview, answers })
        })
        .collect()
}

/// Stores an interview being answered (replacing the earlier state of the same interview).
pub fn save_answering(a: &Answering) -> Result<(), StorageError> {
    let value = serde_json::json!({ "interview": a.interview, "answers": a.answers });
    write(&format!("{PREFIX}{ANSWERING}{}", a.interview.id), &value.to_string())
}

/// Forgets an interview being answered.
pub fn remove_answering(interview_id: &str) -> Result<(), StorageError> {
    remove(&format!("{PREFIX}{ANSWERING}{interview_id}"))
}

const INBOX: &str = "inbox";

/// Keeps a file imported in the workbench for the exchange page, which reads
/// and removes it (`smm-navigator.v1.inbox`: a JSON list of `[name, text]`).
pub fn push_inbox(file_name: &str, text: &str) -> Result<(), StorageError> {
    let key = format!("{PREFIX}{INBOX}");
    let mut list: Vec<(String, String)> = raw(&key).and_then(|t| serde_json::from_str(&t).ok()).unwrap_or_default();
    list.push((file_name.to_string(), text.to_string()));
    write(&key, &serde_json::to_string(&list).unwrap_or_default())
}

/// Takes the files kept for the exchange page (and removes them).
pub fn take_inbox() -> Vec<(String, String)> {
    let key = format!("{PREFIX}{INBOX}");
    let list = raw(&key).and_then(|t| serde_json::from_str(&t).ok()).unwrap_or_default();
    let _ = remove(&key);
    list
}
