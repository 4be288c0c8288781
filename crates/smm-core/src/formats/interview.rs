//! Reading interview and answers files.

use std::collections::BTreeSet;

use crate::base::error::{DocumentError, Problem, MAX_PROBLEMS};
use crate::base::limits::MAX_ASSESSMENT_ID_BYTES;
use serde_json::Value;

use crate::base::json::{check_header, parse_value, typed_from};
use crate::base::text::decode_text;
use crate::base::text::{is_iso_date_prefix, name_problem, text_problem};
use crate::model::catalogue::Catalogue;
use crate::model::interview::*;

/// Reads an interview file: format, version, structure, known practice ids.
pub fn parse_interview(bytes: &[u8], catalogue: &Catalogue) -> Result<InterviewFile, DocumentError> {
    let text = decode_text(bytes)?;
    interview_from(text, &parse_value(text)?, catalogue)
}

/// [`parse_interview`] of a file already decoded and parsed.
pub(crate) fn interview_from(text: &str, value: &Value, catalogue: &Catalogue) -> Result<InterviewFile, DocumentError> {
    let (f, _): (InterviewFile, u32) =
        typed_from(text, value, INTERVIEW_FORMAT, INTERVIEW_VERSION, "an SMM Navigator interview")?;
    let mut problems = Vec::new();
    if !is_id(&f.id) {
        problems.push(Problem { path: "id".into(), message: "not an interview id".into() });
    }
    if f.assessment_id.trim().is_empty() || f.assessment_id.len() > MAX_ASSESSMENT_ID_BYTES {
        problems.push(Problem { path: "assessment_id".into(), message: "not an assessment id".into() });
    }
    if let Some(m) = text_problem(&f.title).or_else(|| {
        (f.title.chars().count() > MAX_TITLE_CHARS).then(|| format!("the title is over {MAX_TITLE_CHARS} characters"))
    }) {
        problems.push(Problem { path: "title".into(), message: m });
    }
    if f.practices.is_empty() {
        problems.push(Problem { path: "practices".into(), message: "the interview asks about no practice".into() });
    }
    let mut seen = BTreeSet::new();
    for (i, p) in f.practices.iter().enumerate() {
        if catalogue.practice(p).is_none() {
            problems.push(Problem { path: format!("practices[{i}]"), message: format!("unknown practice id `{p}`") });
        } else if !seen.insert(p) {
            problems.push(Problem { path: format!("practices[{i}]"), message: format!("`{p}` is listed twice") });
        }
    }
    if problems.is_empty() {
        Ok(f)
    } else {
        problems.truncate(MAX_PROBLEMS);
        Err(DocumentError { problems })
    }
}

/// Reads an answers file: format, version and structure, the interviewee's
/// name and the text limits. What it answers is checked against the
/// assessment by [`crate::edits::interview::take_answers`].
pub fn parse_answers(bytes: &[u8]) -> Result<AnswersFile, DocumentError> {
    let text = decode_text(bytes)?;
    answers_from(text, &parse_value(text)?)
}

/// [`parse_answers`] of a file already decoded and parsed.
pub(crate) fn answers_from(text: &str, value: &Value) -> Result<AnswersFile, DocumentError> {
    let (f, _): (AnswersFile, u32) =
        typed_from(text, value, ANSWERS_FORMAT, ANSWERS_VERSION, "an SMM Navigator answers file")?;
    let mut problems = Vec::new();
    if f.interviewee.trim().is_empty() {
        problems.push(Problem { path: "interviewee".into(), message: "the answers need a name or pseudonym".into() });
    } else if let Some(message) = name_problem(&f.interviewee, MAX_NAME_CHARS) {
        problems.push(Problem { path: "interviewee".into(), message });
    }
    if !f.answered_on.is_empty() && !is_iso_date_prefix(&f.answered_on) {
        problems.push(Problem {
            path: "answered_on".into(),
            message: format!("`{}` is not a date of the form YYYY-MM-DD", f.answered_on),
        });
    }
    for (p, a) in &f.answers {
        if let Some(m) = text_problem(&a.notes) {
            problems.push(Problem { path: format!("answers.{p}.notes"), message: m });
        }
    }
    if problems.is_empty() {
        Ok(f)
    } else {
        problems.truncate(MAX_PROBLEMS);
        Err(DocumentError { problems })
    }
}

/// An interview or answers file read up to its header (format and version
/// checked): the page that answers interviews finishes the reading with
/// [`InterviewText::read`] or [`AnswersText::read`]; the workbench hands the
/// text over to that page unread, and carries no code for these kinds.
#[derive(Clone, Debug, PartialEq)]
pub struct Unread {
    text: String,
    value: Value,
}

impl Unread {
    /// The file's text, to hand over as it is.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The text of top-level field `key` as the file gives it, unchecked (for
    /// routing the file, never for keeping it).
    pub fn field(&self, key: &str) -> Option<&str> {
        self.value.get(key).and_then(Value::as_str)
    }
}

/// An interview file whose header was read ([`Unread`]).
#[derive(Clone, Debug, PartialEq)]
pub struct InterviewText(pub(crate) Unread);

/// An answers file whose header was read ([`Unread`]).
#[derive(Clone, Debug, PartialEq)]
pub struct AnswersText(pub(crate) Unread);

impl InterviewText {
    /// Checks the header of an interview file that `text` holds, parsed as `value`.
    pub(crate) fn new(text: &str, value: Value) -> Result<InterviewText, DocumentError> {
        check_header(&value, INTERVIEW_FORMAT, INTERVIEW_VERSION, "an SMM Navigator interview")?;
        Ok(InterviewText(Unread { text: text.to_string(), value }))
    }
    /// The file's text, and its unchecked fields ([`Unread`]).
    pub fn unread(&self) -> &Unread {
        &self.0
    }
    /// Reads the rest of the file, as [`parse_interview`] does.
    pub fn read(&self, catalogue: &Catalogue) -> Result<InterviewFile, DocumentError> {
        interview_from(&self.0.text, &self.0.value, catalogue)
    }
}

impl AnswersText {
    /// Checks the header of an answers file that `text` holds, parsed as `value`.
    pub(crate) fn new(text: &str, value: Value) -> Result<AnswersText, DocumentError> {
        check_header(&value, ANSWERS_FORMAT, ANSWERS_VERSION, "an SMM Navigator answers file")?;
        Ok(AnswersText(Unread { text: text.to_string(), value }))
    }
    /// The file's text, and its unchecked fields ([`Unread`]).
    pub fn unread(&self) -> &Unread {
        &self.0
    }
    /// Reads the rest of the file, as [`parse_answers`] does.
    pub fn read(&self) -> Result<AnswersFile, DocumentError> {
        answers_from(&self.0.text, &self.0.value)
    }
}
