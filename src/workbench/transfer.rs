//! Export and import: files made and read in the page, never sent anywhere.
//! Every export is read back and compared with what is stored before it goes
//! out through the one way out ([`crate::workbench::outbox`]); every import is
//! read once by the core's one way in ([`smm_core::read_any`]) and routed by
//! one exhaustive `match`, and leaves storage untouched unless it is accepted.

use smm_core::bundle::{verify_export, Bundle, BUNDLE_FORMAT, BUNDLE_VERSION};
use smm_core::history::Snapshots;
use smm_core::{assessment_to_json, read_any, Catalogue, Incoming};

use leptos::prelude::*;

use crate::shared::clock::{now_iso, today};
use crate::shared::download::file_stem;
use crate::shared::storage;
use crate::workbench::outbox::{self, Notice, Outgoing};
use crate::workbench::state::AppState;
pub use crate::workbench::transfer_state::{ImportChoice, PendingImport, Sealed, TransferMessage, WorkbookReview};

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
    let summary = format!("Exported {} assessment(s) and their snapshots as one file.", list.len());
    let mut out = Outgoing::json(format!("smm-navigator-backup-{}.json", today()), json, summary);
    out.backup = true;
    out.fingerprint = true;
    outbox::send(state, out, Notice::Transfer)
}

/// The largest file read from disk (a workbook; the same as the workbook reader's limit).
const WORKBOOK_LIMIT: usize = 10 * 1024 * 1024;

/// Reads a workbook in the on-demand worker against the stored assessments and
/// shows its changes for confirmation; nothing is stored yet.
pub async fn review_workbook(state: AppState, name: &str, bytes: &[u8]) -> Option<TransferMessage> {
    let stored: Vec<String> = state.assessments.get_untracked().iter().map(assessment_to_json).collect();
    let params = format!(r#"{{"today": "{}", "assessments": [{}]}}"#, crate::shared::clock::today(), stored.join(", "));
    let refused = |why: String| Some(TransferMessage::not_imported(name, vec![why]));
    let out = match crate::workbench::on_demand::run(crate::workbench::on_demand::XLSX_READ, bytes, &params).await {
        Ok(out) => out,
        Err(e) => return refused(e.to_string()),
    };
    let v: serde_json::Value = serde_json::from_slice(&out).unwrap_or_default();
    let updated = match smm_core::parse_assessment(v["updated"].to_string().as_bytes(), Catalogue::builtin()) {
        Ok(a) => a,
        Err(e) => return refused(e.to_string()),
    };
    let text = |x: &serde_json::Value, k: &str| match &x[k] {
        serde_json::Value::String(s) => s.clone(),
        other => other.to_string(),
    };
    let changes = v["changes"]
        .as_array()
        .map(|list| list.iter().map(|c| ["sheet", "row", "id", "field", "old", "new"].map(|k| text(c, k))).collect())
        .unwrap_or_default();
    let left_out = v["left_out"]
        .as_array()
        .map(|l| l.iter().filter_map(|x| x.as_str().map(str::to_string)).collect())
        .unwrap_or_default();
    state.pending_workbook.set(Some(WorkbookReview {
        file_name: name.to_string(),
        assessment_id: text(&v, "assessment_id"),
        changes,
        left_out,
        updated,
    }));
    None
}

/// Applies the workbook waiting for confirmation.
pub fn apply_workbook(state: AppState) -> TransferMessage {
    let Some(r) = state.pending_workbook.get_untracked() else {
        return TransferMessage::failed("There is no workbook to apply.".into(), vec![]);
    };
    state.pending_workbook.set(None);
    let (id, n, updated) = (r.assessment_id.clone(), r.changes.len(), r.updated);
    let wanted = updated.clone();
    state.update(&id, move |a| {
        let updated_on = a.metadata.updated.clone();
        *a = updated;
        a.metadata.updated = updated_on;
    });
    let stored = state.get(&id);
    if stored
        .as_ref()
        .is_some_and(|a| a.targets == wanted.targets && a.results == wanted.results && a.plan == wanted.plan)
    {
        TransferMessage::ok(format!("Applied {n} change(s) from “{}”.", r.file_name), vec![])
    } else {
        TransferMessage::failed(format!("The changes from “{}” were not saved.", r.file_name), vec![])
    }
}

/// Offers the XLSX workbook of assessment `id`, made in the on-demand worker,
/// with the coverage of the shipped frameworks (encrypted when a passphrase is
/// chosen: `NAME.xlsx.age`).
pub fn export_workbook(state: AppState, id: &str) -> TransferMessage {
    let Some(a) = state.get(id) else {
        return TransferMessage::failed("There is no such assessment.".into(), vec![]);
    };
    let name = format!("{}.xlsx", file_stem(&a.metadata.name));
    outbox::in_background(state, Notice::Transfer, "Making the workbook…", async move {
        let started = js_sys::Date::now();
        let _ = state.builtin_ready().await;
        // The worker reads the files as they were fetched (no serialiser needed here).
        let coverage: Vec<String> = state
            .builtin
            .get_untracked()
            .and_then(Result::ok)
            .map(|b| b.texts.iter().map(|(f, m)| format!(r#"{{"framework": {f}, "mapping": {m}}}"#)).collect())
            .unwrap_or_default();
        let input = format!(r#"{{"assessment": {}, "coverage": [{}]}}"#, assessment_to_json(&a), coverage.join(", "));
        let job = crate::workbench::on_demand::XLSX_EXPORT;
        let result = crate::workbench::on_demand::run(job, input.as_bytes(), &now_iso()).await;
        let ms = js_sys::Date::now() - started;
        match result {
            Err(e) => TransferMessage::failed(format!("No workbook was made: {e}."), vec![]),
            Ok(book) => {
                let mut out = Outgoing::new(
                    name.clone(),
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                    book,
                    format!("Exported the workbook “{name}” (made in {ms:.0} ms)."),
                );
                out.details.push("Edit the white columns in a spreadsheet and import the workbook here: every change is shown before any is applied.".into());
                outbox::send(state, out, Notice::Transfer)
            }
        }
    })
}

/// Offers the Word report of assessment `id` (or its board page when
/// `board`), made in the on-demand worker, with the coverage of the shipped
/// frameworks whose ids are in `frameworks` (encrypted when a passphrase is
/// chosen: `NAME.docx.age`). The message goes to `notice`.
pub fn export_docx(state: AppState, id: &str, frameworks: Vec<String>, board: bool, notice: Notice) -> TransferMessage {
    let Some(a) = state.get(id) else {
        return TransferMessage::failed("There is no such assessment.".into(), vec![]);
    };
    let what = if board { "board page" } else { "report" };
    let name = format!("{}{}.docx", file_stem(&a.metadata.name), if board { "-board-page" } else { "-report" });
    let waiting = format!("Making the Word {what}…");
    outbox::in_background(state, notice, &waiting, async move {
        let started = js_sys::Date::now();
        let (job, input) = if board {
            (crate::workbench::on_demand::DOCX_BOARD, assessment_to_json(&a))
        } else {
            let _ = state.builtin_ready().await;
            let coverage: Vec<String> = state
                .builtin
                .get_untracked()
                .and_then(Result::ok)
                .map(|b| {
                    b.texts
                        .iter()
                        .zip(&b.frameworks)
                        .filter(|(_, f)| frameworks.contains(&f.id))
                        .map(|((f, m), _)| format!(r#"{{"framework": {f}, "mapping": {m}}}"#))
                        .collect()
                })
                .unwrap_or_default();
            let input =
                format!(r#"{{"assessment": {}, "coverage": [{}]}}"#, assessment_to_json(&a), coverage.join(", "));
            (crate::workbench::on_demand::DOCX_REPORT, input)
        };
        let result = crate::workbench::on_demand::run(job, input.as_bytes(), &crate::shared::clock::today()).await;
        let ms = js_sys::Date::now() - started;
        match result {
            Err(e) => TransferMessage::failed(format!("No Word {what} was made: {e}."), vec![]),
            Ok(doc) => {
                let out = Outgoing::new(
                    name.clone(),
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                    doc,
                    format!("Exported the Word {what} “{name}” (made in {ms:.0} ms)."),
                );
                outbox::send(state, out, notice)
            }
        }
    })
}

/// Offers the OSCAL assessment-results document of assessment `id` (encrypted
/// when a passphrase is chosen), made in the on-demand worker.
pub fn export_oscal(state: AppState, id: &str) -> TransferMessage {
    let Some(a) = state.get(id) else {
        return TransferMessage::failed("There is no such assessment.".into(), vec![]);
    };
    outbox::in_background(state, Notice::Transfer, "Making the OSCAL document…", async move {
        let job = crate::workbench::on_demand::OSCAL_EXPORT;
        match crate::workbench::on_demand::run(job, assessment_to_json(&a).as_bytes(), &now_iso()).await {
            Err(e) => TransferMessage::failed(format!("No OSCAL document was made: {e}."), vec![]),
            Ok(doc) => {
                let name = format!("{}.oscal-assessment-results.json", file_stem(&a.metadata.name));
                let summary = "Exported the assessment as OSCAL 1.1.2 assessment results.";
                outbox::send(state, Outgoing::new(name, "application/json", doc, summary), Notice::Transfer)
            }
        }
    })
}

/// Exports one assessment, in full or as the redacted copy for sharing (made
/// in the on-demand worker).
pub fn export_one(state: AppState, id: &str, redacted: bool) -> TransferMessage {
    let Some(a) = state.get(id) else {
        return TransferMessage::failed("There is no such assessment.".into(), vec![]);
    };
    if !redacted {
        return match outbox::assessment_file(&a) {
            Ok(out) => outbox::send(state, out, Notice::Transfer),
            Err(e) => TransferMessage::failed(format!("Nothing was exported: {e}."), vec![]),
        };
    }
    outbox::in_background(state, Notice::Transfer, "Making the redacted copy…", async move {
        match outbox::redacted_file(&a).await {
            Ok(out) => outbox::send(state, out, Notice::Transfer),
            Err(e) => TransferMessage::failed(format!("Nothing was exported: {e}."), vec![]),
        }
    })
}

/// Reads a file chosen or dropped by the user, refusing one over the size limit unread.
pub async fn read_browser_file(file: &web_sys::File) -> Result<Vec<u8>, String> {
    finish_read(start_read(file)?).await
}

/// How many files [`FileReads`] asks the browser for at once.
pub const READS_AT_ONCE: usize = 16;

/// Many files read in their order, [`READS_AT_ONCE`] at a time: each read
/// waits on the browser, and one after the other, 200 files took most of the
/// portfolio's second. The caller takes each file's bytes as they come, so
/// that no more than the files in flight are held. Each file is checked and
/// refused as [`read_browser_file`] does.
pub struct FileReads {
    files: std::vec::IntoIter<web_sys::File>,
    flight: std::collections::VecDeque<(web_sys::File, Result<wasm_bindgen_futures::JsFuture, String>)>,
}

impl FileReads {
    /// Starts reading `files`.
    pub fn new(files: Vec<web_sys::File>) -> Self {
        let mut reads = FileReads { files: files.into_iter(), flight: Default::default() };
        reads.fill();
        reads
    }

    fn fill(&mut self) {
        while self.flight.len() < READS_AT_ONCE {
            let Some(f) = self.files.next() else { break };
            let read = start_read(&f);
            self.flight.push_back((f, read));
        }
    }

    /// The next file and its bytes, or why it was not read; `None` after the last.
    pub async fn next(&mut self) -> Option<(web_sys::File, Result<Vec<u8>, String>)> {
        let (file, read) = self.flight.pop_front()?;
        self.fill();
        let bytes = match read {
            Err(e) => Err(e),
            Ok(read) => finish_read(read).await,
        };
        Some((file, bytes))
    }
}

/// The bytes of a read [`start_read`] began.
async fn finish_read(read: wasm_bindgen_futures::JsFuture) -> Result<Vec<u8>, String> {
    match read.await {
        Ok(bytes) => Ok(js_sys::Uint8Array::new(&bytes).to_vec()),
        // The message of a file past its limit.
        Err(e) if e.is_string() => Err(e.as_string().unwrap_or_default()),
        Err(e) => Err(format!("the browser could not read the file: {e:?}")),
    }
}

/// Starts reading a file, up to its limit: a workbook up to 10 MiB, any other
/// file (an encrypted one is a little larger than what it holds) up to 5 MiB.
/// The bytes come from the file's stream, a piece at a time, and the read
/// stops at the first piece past the limit. The file's size is not asked
/// first: in Chromium that is a synchronous call to the browser process, which
/// took up to a third of the time of opening 200 files for the portfolio.
fn start_read(file: &web_sys::File) -> Result<wasm_bindgen_futures::JsFuture, String> {
    let (limit, shown) = if file.name().to_lowercase().ends_with(".xlsx") {
        (WORKBOOK_LIMIT, WORKBOOK_LIMIT)
    } else {
        (smm_core::seal::MAX_SEALED_BYTES, smm_core::MAX_FILE_BYTES)
    };
    let file = file.clone();
    // A promise, so that the reads of [`FileReads`] go on while the page awaits an earlier one.
    let read = wasm_bindgen_futures::future_to_promise(async move {
        read_up_to(&file, limit).await?.map(|bytes| js_sys::Uint8Array::from(bytes.as_slice()).into()).ok_or_else(
            || {
                // Past the limit: only now is the size asked, for the message.
                let size = file.size() / (1024.0 * 1024.0);
                format!("the file is {size:.1} MiB; files over {} MiB are refused", shown / (1024 * 1024)).into()
            },
        )
    });
    Ok(wasm_bindgen_futures::JsFuture::from(read))
}

/// The bytes of `file`, or `None` when it holds more than `limit` bytes (the
/// read stops there).
async fn read_up_to(file: &web_sys::File, limit: usize) -> Result<Option<Vec<u8>>, wasm_bindgen::JsValue> {
    use wasm_bindgen::JsCast;
    let reader: web_sys::ReadableStreamDefaultReader = file.stream().get_reader().unchecked_into();
    let mut bytes = Vec::new();
    loop {
        let piece = wasm_bindgen_futures::JsFuture::from(reader.read()).await?;
        if js_sys::Reflect::get(&piece, &"done".into())?.is_truthy() {
            return Ok(Some(bytes));
        }
        let chunk: js_sys::Uint8Array = js_sys::Reflect::get(&piece, &"value".into())?.unchecked_into();
        if bytes.len() + chunk.length() as usize > limit {
            let _ = reader.cancel();
            return Ok(None);
        }
        let at = bytes.len();
        bytes.resize(at + chunk.length() as usize, 0);
        chunk.copy_to(&mut bytes[at..]);
    }
}

/// Where an import stands after the file was read.
#[derive(Clone, Debug, PartialEq)]
pub enum ImportStep {
    /// Finished (stored, or refused with nothing changed).
    Done(TransferMessage),
    /// Some ids already exist: the user chooses.
    Ask(PendingImport),
    /// The file is encrypted: the page asks for its passphrase.
    Locked(Sealed),
    /// Another part of the page took the file and reports on its own (a workbook).
    Handed,
}

/// An interview or answers file, as the one way in left it: its header read,
/// the rest read by the exchange page (the workbench carries no code for these kinds).
#[derive(Clone, Debug, PartialEq)]
pub enum InterviewKind {
    /// An interview to answer.
    Interview(Box<smm_core::interview::InterviewText>),
    /// An interviewee's answers.
    Answers(Box<smm_core::interview::AnswersText>),
}

/// Reads an imported file once, through the core's one way in, and routes it
/// by its kind: one exhaustive `match`, so that a new kind of file does not
/// compile until this import handles it. Nothing is stored on error.
pub async fn import_bytes(state: AppState, file_name: &str, bytes: Vec<u8>) -> ImportStep {
    let refused = |details: Vec<String>| ImportStep::Done(TransferMessage::not_imported(file_name, details));
    let incoming = match read_any(&bytes, Catalogue::builtin()) {
        Ok(i) => i,
        // A file named as a workbook goes to the workbook reader, which says why it is not one.
        Err(_) if file_name.to_lowercase().ends_with(".xlsx") => Incoming::Workbook,
        Err(e) => return refused(e.lines()),
    };
    match incoming {
        Incoming::Encrypted => {
            ImportStep::Locked(Sealed { file_name: file_name.to_string(), bytes, error: None, busy: false })
        }
        Incoming::Workbook => match WORKBOOKS.get() {
            Some(read) => {
                read(state, file_name.to_string(), bytes);
                ImportStep::Handed
            }
            None => ImportStep::Done(TransferMessage::failed(
                format!(
                    "“{file_name}” is a workbook: import it on the “Spreadsheet and OSCAL” page of its assessment."
                ),
                vec!["Nothing stored was changed.".into()],
            )),
        },
        Incoming::Profile(p) => ImportStep::Done(match storage::save_profile(&p) {
            Ok(()) => {
                let name = p.name.clone();
                state.user_profiles.update(|v| {
                    v.retain(|x| x.id != p.id);
                    v.push(*p);
                });
                TransferMessage::ok(format!("Loaded the profile “{name}”; assessments can now use it."), vec![])
            }
            Err(e) => TransferMessage::failed(e.to_string(), vec![]),
        }),
        Incoming::Framework(f) if state.is_builtin_framework(&f.id) => ImportStep::Done(TransferMessage::failed(
            format!(
                "“{file_name}” was not loaded: `{}` is the id of a built-in framework; give yours another id.",
                f.id
            ),
            vec![],
        )),
        Incoming::Framework(f) => ImportStep::Done(match storage::save_framework(&f) {
            Ok(()) => {
                let summary = format!(
                    "Loaded the framework catalogue “{}” ({} requirements); load a mapping for it to use it.",
                    f.name,
                    f.requirements.len()
                );
                state.user_frameworks.update(|v| {
                    v.retain(|x| x.id != f.id);
                    v.push(*f);
                });
                TransferMessage::ok(summary, vec![])
            }
            Err(e) => TransferMessage::failed(e.to_string(), vec![]),
        }),
        Incoming::Mapping(m) => {
            // A mapping is read against its framework: the shipped ones first.
            if let Err(e) = state.builtin_ready().await {
                return refused(vec![e]);
            }
            let wanted = m.framework.clone();
            let Some(framework) = state.frameworks().into_iter().find(|f| f.id == wanted) else {
                return ImportStep::Done(TransferMessage::failed(
                    format!("“{file_name}” was not loaded; nothing stored was changed."),
                    vec![format!(
                        "framework: the mapping is for `{wanted}`, which is neither built in nor loaded; load its framework catalogue first"
                    )],
                ));
            };
            match m.check(Catalogue::builtin(), &framework) {
                Err(e) => refused(e.lines()),
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
            }
        }
        Incoming::Interview(f) => interview_kind(state, file_name, InterviewKind::Interview(f)),
        Incoming::Answers(f) => interview_kind(state, file_name, InterviewKind::Answers(f)),
        Incoming::Benchmark(b) => ImportStep::Done(match crate::shared::storage::save_benchmark(&b) {
            Ok(()) => TransferMessage::ok(
                format!(
                    "Loaded the benchmark “{file_name}”: {} assessments, made on {}, {} practice-and-role cells of at least {} each.                      Each assessment's Peers page compares with it.",
                    b.assessments,
                    b.made_on,
                    b.cells.len(),
                    b.min_group
                ),
                vec![],
            ),
            Err(e) => TransferMessage::not_imported(file_name, vec![format!("the benchmark was not stored: {e}")]),
        }),
        Incoming::Assessment(a) => take_assessments(state, file_name, vec![*a], Vec::new()).await,
        Incoming::Bundle { assessments, snapshots } => take_assessments(state, file_name, assessments, snapshots).await,
    }
}

/// An interview or answers file: read here on the exchange page, handed over to it from the workbench.
fn interview_kind(state: AppState, file_name: &str, kind: InterviewKind) -> ImportStep {
    match INTERVIEW_FILES.get() {
        Some(handler) => handler(state, file_name, kind),
        None => ImportStep::Done(hand_to_interviews(state, file_name, &kind)),
    }
}

/// Assessments read from a file: checked against the shipped profiles they use,
/// then stored, or held for the user's choice when an id is already taken.
async fn take_assessments(
    state: AppState,
    file_name: &str,
    assessments: Vec<smm_core::ReadAssessment>,
    snapshots: Vec<Snapshots>,
) -> ImportStep {
    let refused = |details: Vec<String>| ImportStep::Done(TransferMessage::not_imported(file_name, details));
    // The shipped profiles are fetched, not embedded: their indicators are checked here.
    if assessments.iter().any(|r| r.assessment.profiles.iter().any(|p| smm_core::profile::Profile::is_builtin_id(p))) {
        if let Err(e) = state.profiles_ready().await {
            return refused(vec![e]);
        }
    }
    let shipped = state.shipped_profiles.get_untracked().and_then(Result::ok).unwrap_or_default();
    let unknown: Vec<String> = assessments
        .iter()
        .flat_map(|r| smm_core::document::unknown_profile_indicators(&r.assessment, &shipped))
        .map(|p| p.to_string())
        .collect();
    if !unknown.is_empty() {
        return refused(unknown);
    }
    let conflicts: Vec<String> =
        assessments.iter().filter_map(|r| state.get(&r.assessment.id).map(|old| old.metadata.name)).collect();
    let pending = PendingImport { file_name: file_name.to_string(), assessments, snapshots, conflicts };
    if pending.conflicts.is_empty() {
        ImportStep::Done(finish_import(state, pending, ImportChoice::KeepBoth))
    } else {
        ImportStep::Ask(pending)
    }
}

/// How the exchange page reads interview and answers files (registered by
/// it at start; the workbench, which never registers one, hands such files over).
pub type InterviewFilesHandler = fn(AppState, &str, InterviewKind) -> ImportStep;

static INTERVIEW_FILES: std::sync::OnceLock<InterviewFilesHandler> = std::sync::OnceLock::new();

/// How a page reads a workbook picked or dropped on it (the file's name and bytes).
pub type WorkbookHandler = fn(AppState, String, Vec<u8>);

static WORKBOOKS: std::sync::OnceLock<WorkbookHandler> = std::sync::OnceLock::new();

/// Lets this page read workbooks with [`review_workbook`] (the exchange page
/// registers it at start; the workbench, which does not carry that code, points
/// to the exchange page instead).
pub fn set_workbook_handler() {
    let _ = WORKBOOKS.set(|state, name, bytes| {
        leptos::task::spawn_local(async move {
            if let Some(m) = review_workbook(state, &name, &bytes).await {
                state.transfer.set(Some(m));
            }
        })
    });
}

/// Registers the reader of interview and answers files (the exchange page does, at start).
pub fn set_interview_files_handler(handler: InterviewFilesHandler) {
    let _ = INTERVIEW_FILES.set(handler);
}

/// Keeps an interview or answers file for the exchange page and opens it
/// there: the workbench does not carry the code that reads these kinds.
fn hand_to_interviews(state: AppState, file_name: &str, kind: &InterviewKind) -> TransferMessage {
    use crate::shared::route::{Route, Section};
    let unread = match kind {
        InterviewKind::Interview(f) => f.unread(),
        InterviewKind::Answers(f) => f.unread(),
    };
    if let Err(e) = storage::push_inbox(file_name, unread.text()) {
        return TransferMessage::failed(format!("“{file_name}” was not imported: {e}."), vec![]);
    }
    // The exchange page reads the file and opens what it is about; answers go
    // to the interviews of their assessment when it is stored here.
    let route = match kind {
        InterviewKind::Answers(_) => match unread.field("assessment_id").filter(|id| state.get(id).is_some()) {
            Some(id) => Route::Assessment(id.to_string(), Section::Interviews),
            None => Route::Answer(String::new()),
        },
        InterviewKind::Interview(_) => Route::Answer(String::new()),
    };
    let _ = window().location().assign(&route.href());
    TransferMessage::ok(format!("Opening “{file_name}” on the exchange page…"), vec![])
}

/// Imports `files` (chosen or dropped) one after the other, reporting through
/// `state`. An encrypted file stops the run and asks for its passphrase.
pub fn import_files(state: AppState, files: Option<web_sys::FileList>) {
    let Some(list) = files else { return };
    let files: Vec<web_sys::File> = (0..list.length()).filter_map(|i| list.get(i)).collect();
    if files.is_empty() {
        return;
    }
    state.pending_import.set(None);
    state.pending_unseal.set(None);
    state.pending_workbook.set(None);
    leptos::task::spawn_local(async move {
        let mut messages = Vec::new();
        for file in files {
            let name = file.name();
            match read_browser_file(&file).await {
                Ok(bytes) => match import_bytes(state, &name, bytes).await {
                    ImportStep::Done(m) => messages.push(m),
                    ImportStep::Handed => {}
                    ImportStep::Ask(p) => {
                        state.pending_import.set(Some(p));
                        break;
                    }
                    ImportStep::Locked(s) => {
                        state.pending_unseal.set(Some(s));
                        break;
                    }
                },
                Err(e) => messages.push(TransferMessage::not_imported(&name, vec![e])),
            }
        }
        if let Some(m) = combine(messages) {
            state.transfer.set(Some(m));
        }
    });
}

/// Imports the files picked in the `<input type="file">` that fired `ev`, then
/// clears it so that picking the same file again fires again.
pub fn import_picked(state: AppState, ev: &leptos::ev::Event) {
    use wasm_bindgen::JsCast;
    let input: Option<web_sys::HtmlInputElement> = ev.target().and_then(|t| t.dyn_into().ok());
    if let Some(input) = input {
        import_files(state, input.files());
        input.set_value("");
    }
}

/// One message for several files' outcomes.
fn combine(mut messages: Vec<TransferMessage>) -> Option<TransferMessage> {
    if messages.len() <= 1 {
        return messages.pop();
    }
    let ok = messages.iter().filter(|m| m.ok).count();
    let mut details = Vec::new();
    for m in &messages {
        details.push(m.summary.clone());
        details.extend(m.details.iter().map(|d| format!("  {d}")));
    }
    let summary = format!("{} files: {ok} taken, {} refused.", messages.len(), messages.len() - ok);
    Some(if ok == messages.len() {
        TransferMessage::ok(summary, details)
    } else {
        TransferMessage::failed(summary, details)
    })
}

/// Tries `passphrase` on the encrypted file waiting for one; on success the
/// import goes on as for any file (a workbook to the workbook reader, and so
/// on), otherwise the prompt stays with the reason.
pub fn unseal(state: AppState, passphrase: String) {
    let Some(sealed) = state.pending_unseal.get_untracked() else { return };
    state.pending_unseal.update(|p| {
        if let Some(p) = p {
            p.busy = true;
            p.error = None;
        }
    });
    leptos::task::spawn_local(async move {
        let started = js_sys::Date::now();
        let result = crate::workbench::on_demand::decrypt(&sealed.bytes, &passphrase).await;
        let ms = js_sys::Date::now() - started;
        match result {
            Err(e) => state.pending_unseal.update(|p| {
                if let Some(p) = p {
                    p.busy = false;
                    p.error = Some(format!("{e}."));
                }
            }),
            Ok(plain) => {
                state.pending_unseal.set(None);
                let inner = sealed.file_name.strip_suffix(".age").unwrap_or(&sealed.file_name).to_string();
                match import_bytes(state, &inner, plain).await {
                    ImportStep::Done(mut m) => {
                        m.details.push(format!("Decrypted “{}” in {ms:.0} ms.", sealed.file_name));
                        state.transfer.set(Some(m));
                    }
                    ImportStep::Handed => {}
                    ImportStep::Ask(p) => state.pending_import.set(Some(p)),
                    ImportStep::Locked(s) => state.pending_unseal.set(Some(s)),
                }
            }
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
