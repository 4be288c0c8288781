//! Interview and answers files as the exchange page reads them: an
//! interview to answer is kept and opened; answers go into their assessment,
//! with a list of what was left out. Files imported in the workbench arrive
//! through the storage inbox.

use leptos::prelude::*;
use smm_core::{Catalogue, Incoming};

use crate::shared::storage;
use crate::workbench::state::AppState;
use crate::workbench::transfer::{ImportStep, InterviewKind, TransferMessage};

/// Opens an interview or takes an answers file, as the one way in read it
/// (registered with the import as the handler of these kinds).
pub fn import_interview_kinds(state: AppState, file_name: &str, kind: InterviewKind) -> ImportStep {
    let read = match &kind {
        InterviewKind::Interview(f) => f.read(Catalogue::builtin()).map(open_interview),
        InterviewKind::Answers(f) => f.read().map(|f| take_answers_file(state, file_name, f)),
    };
    ImportStep::Done(read.unwrap_or_else(|e| TransferMessage::not_imported(file_name, e.lines())))
}

/// Reads the files the workbench handed over, reporting through `state`: each
/// through the core's one way in again (storage is outside input too), and
/// only interview and answers files are taken.
pub fn take_inbox(state: AppState) {
    let files = storage::take_inbox();
    let mut messages = Vec::new();
    for (name, text) in files {
        let kind = match smm_core::read_any(text.as_bytes(), Catalogue::builtin()) {
            Err(e) => Err(e.lines()),
            Ok(Incoming::Interview(f)) => Ok(InterviewKind::Interview(f)),
            Ok(Incoming::Answers(f)) => Ok(InterviewKind::Answers(f)),
            Ok(
                other @ (Incoming::Assessment(_)
                | Incoming::Bundle { .. }
                | Incoming::Profile(_)
                | Incoming::Framework(_)
                | Incoming::Mapping(_)
                | Incoming::Benchmark(_)
                | Incoming::Encrypted
                | Incoming::Workbook),
            ) => Err(vec![format!("this is {}, not an interview or answers file", other.kind_name())]),
        };
        match kind {
            Ok(kind) => {
                if let ImportStep::Done(m) = import_interview_kinds(state, &name, kind) {
                    messages.push(m);
                }
            }
            Err(details) => messages.push(TransferMessage::not_imported(&name, details)),
        }
    }
    if let Some(m) = messages.pop() {
        state.transfer.set(Some(m));
    }
}

/// Starts answering an interview received as a file: keeps it (with any
/// answers already given here) and opens its page.
pub fn open_interview(f: smm_core::interview::InterviewFile) -> TransferMessage {
    let existing = storage::load_answering(Catalogue::builtin()).into_iter().find(|a| a.interview.id == f.id);
    let draft = match existing {
        Some(a) if a.interview == f => a,
        _ => storage::Answering {
            answers: smm_core::interview::AnswersFile {
                format: smm_core::interview::ANSWERS_FORMAT.into(),
                version: smm_core::interview::ANSWERS_VERSION,
                interview_id: f.id.clone(),
                assessment_id: f.assessment_id.clone(),
                title: f.title.clone(),
                interviewee: String::new(),
                answered_on: String::new(),
                answers: Default::default(),
            },
            interview: f,
        },
    };
    if let Err(e) = storage::save_answering(&draft) {
        return TransferMessage::failed(format!("The interview could not be kept: {e}."), vec![]);
    }
    let _ = window().location().set_hash(&crate::shared::route::Route::Answer(draft.interview.id.clone()).hash());
    TransferMessage::ok(
        format!("Opened the interview “{}”: answer it below, then save your answers file.", draft.interview.title),
        vec![],
    )
}

/// Takes an interviewee's answers file into its assessment, listing what was left out.
pub fn take_answers_file(state: AppState, file_name: &str, f: smm_core::interview::AnswersFile) -> TransferMessage {
    let refused = |details: Vec<String>| {
        TransferMessage::failed(format!("“{file_name}” was not taken; nothing stored was changed."), details)
    };
    let Some(mut a) = state.get(&f.assessment_id) else {
        return refused(vec![format!(
            "at `assessment_id`: these answers are for another assessment (“{}”, `{}`), which is not kept in this browser",
            f.title, f.assessment_id
        )]);
    };
    let id = a.id.clone();
    match smm_core::interview::take_answers(&mut a, Catalogue::builtin(), f) {
        Err(e) => refused(e.lines()),
        Ok(t) => {
            let wanted = a.interviews.clone();
            state.update(&id, |x| *x = a);
            if state.get(&id).is_none_or(|x| x.interviews != wanted) {
                return refused(vec!["the browser did not save the assessment".into()]);
            }
            let mut details: Vec<String> = t.left_out.iter().map(|l| format!("Left out: {l}")).collect();
            if t.replaced {
                details.insert(0, format!("These replace the earlier answers of {}.", t.interviewee));
            }
            TransferMessage::ok(
                format!("Took the answers of {} on {} practice(s) from “{file_name}”.", t.interviewee, t.practices),
                details,
            )
        }
    }
}
