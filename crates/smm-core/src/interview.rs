//! Interviews: several people answer the same questions, and the owner of the
//! assessment sees where they disagree before deciding the result.
//!
//! - An *interview file* (`smm-navigator/interview`, version 1) asks about
//!   chosen practices. It carries the assessment's id and title and nothing
//!   else of it: no results, notes, targets or names.
//! - An *answers file* (`smm-navigator/answers`, version 1) is what one
//!   interviewee sends back: the indicators they say are met, their notes, and
//!   the name or pseudonym they chose.
//! - The assessment keeps each interview and the answers imported into it
//!   ([`Interview`], [`Response`]), and per practice how the owner resolved them
//!   ([`Resolution`]).
//!
//! The consolidation ([`consensus`]) derives a level per interviewee with the
//! same rule as the assessment (all indicators of a level and of every level
//! below met), and shows per indicator who said met and who did not. The spread
//! of a practice is the highest derived level minus the lowest: a figure of SMM
//! Navigator's own, not of the SMM.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;

use serde::{Deserialize, Serialize};

use crate::assessment::{Assessment, PracticeResult};
use crate::catalogue::Catalogue;
use crate::document::{check_header, decode_text, parse_value, text_problem, typed_pass, DocumentError, Problem};
use crate::level::Level;

/// The `format` value of an interview file.
pub const INTERVIEW_FORMAT: &str = "smm-navigator/interview";
/// The interview file version this build writes and reads.
pub const INTERVIEW_VERSION: u32 = 1;
/// The `format` value of an answers file.
pub const ANSWERS_FORMAT: &str = "smm-navigator/answers";
/// The answers file version this build writes and reads.
pub const ANSWERS_VERSION: u32 = 1;
/// The most interviews one assessment keeps, and the most answers per interview.
pub const MAX_INTERVIEWS: usize = 50;
/// The most answers kept per interview.
pub const MAX_RESPONSES: usize = 100;
/// The longest interviewee name, in characters.
pub const MAX_NAME_CHARS: usize = 100;

/// The questions sent to interviewees.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(title = "SMM Navigator interview file, format version 1"))]
#[serde(deny_unknown_fields)]
pub struct InterviewFile {
    /// Always `smm-navigator/interview`.
    pub format: String,
    /// The format version, 1.
    pub version: u32,
    /// The interview's id, unique within its assessment.
    pub id: String,
    /// The id of the assessment the answers go back into.
    pub assessment_id: String,
    /// The assessment's title, shown to the interviewee.
    pub title: String,
    /// When the interview was made, `YYYY-MM-DD`.
    #[serde(default)]
    pub created: String,
    /// The practice ids asked about, in catalogue order.
    pub practices: Vec<String>,
}

/// One interviewee's answers.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(title = "SMM Navigator answers file, format version 1"))]
#[serde(deny_unknown_fields)]
pub struct AnswersFile {
    /// Always `smm-navigator/answers`.
    pub format: String,
    /// The format version, 1.
    pub version: u32,
    /// The interview answered.
    pub interview_id: String,
    /// The assessment the interview belongs to.
    pub assessment_id: String,
    /// The assessment's title, as the interview file gave it.
    #[serde(default)]
    pub title: String,
    /// The interviewee's name or a pseudonym they chose.
    pub interviewee: String,
    /// When the answers were saved, `YYYY-MM-DD`.
    #[serde(default)]
    pub answered_on: String,
    /// Answers per practice id.
    #[serde(default)]
    pub answers: BTreeMap<String, Answer>,
}

/// What one interviewee said about one practice.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Answer {
    /// Ids of the indicators they say are met; every other indicator of the practice is "not met".
    #[serde(default)]
    pub indicators_met: Vec<String>,
    /// Their notes.
    #[serde(default)]
    pub notes: String,
}

/// An interview as the assessment keeps it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Interview {
    /// The id the interview file carries.
    pub id: String,
    /// When it was made, `YYYY-MM-DD`.
    #[serde(default)]
    pub created: String,
    /// The practice ids asked about.
    pub practices: Vec<String>,
    /// The answers imported so far, one per interviewee.
    #[serde(default)]
    pub responses: Vec<Response>,
}

/// One interviewee's answers, as imported into the assessment.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Response {
    /// Name or pseudonym; "Interviewee N" in a redacted copy.
    pub interviewee: String,
    /// When they saved their answers.
    #[serde(default)]
    pub answered_on: String,
    /// Answers per practice id (only practices of the interview).
    #[serde(default)]
    pub answers: BTreeMap<String, Answer>,
}

/// How the owner turned the answers about one practice into the result.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Resolution {
    /// Why the result is what it is; required when the answers disagreed.
    #[serde(default)]
    pub note: String,
    /// When it was resolved, `YYYY-MM-DD`.
    #[serde(default)]
    pub resolved_on: String,
    /// How many answers the resolution considered.
    #[serde(default)]
    pub answers: u32,
    /// Whether those answers disagreed on any indicator.
    #[serde(default)]
    pub disagreed: bool,
}

/// Makes an interview about `practices` (unknown ids are an error), records it
/// in the assessment and returns the file to send.
pub fn make_interview(
    assessment: &mut Assessment,
    catalogue: &Catalogue,
    id: &str,
    practices: &[String],
    today: &str,
) -> Result<InterviewFile, String> {
    if !is_id(id) {
        return Err(format!("`{id}` cannot be an interview id (1 to 64 letters, digits, dots, dashes)"));
    }
    if assessment.interviews.iter().any(|i| i.id == id) {
        return Err(format!("this assessment already has an interview `{id}`"));
    }
    if assessment.interviews.len() >= MAX_INTERVIEWS {
        return Err(format!("an assessment keeps at most {MAX_INTERVIEWS} interviews"));
    }
    let wanted: BTreeSet<&str> = practices.iter().map(String::as_str).collect();
    if let Some(unknown) = wanted.iter().find(|p| catalogue.practice(p).is_none()) {
        return Err(format!("unknown practice id `{unknown}`"));
    }
    let ordered: Vec<String> =
        catalogue.practices.iter().filter(|p| wanted.contains(p.id.as_str())).map(|p| p.id.clone()).collect();
    if ordered.is_empty() {
        return Err("choose at least one practice to ask about".into());
    }
    assessment.interviews.push(Interview {
        id: id.to_string(),
        created: today.to_string(),
        practices: ordered.clone(),
        responses: Vec::new(),
    });
    Ok(InterviewFile {
        format: INTERVIEW_FORMAT.into(),
        version: INTERVIEW_VERSION,
        id: id.to_string(),
        assessment_id: assessment.id.clone(),
        title: assessment.metadata.name.clone(),
        created: today.to_string(),
        practices: ordered,
    })
}

/// The interview file of an interview the assessment already keeps (to send it again).
pub fn interview_file(assessment: &Assessment, interview: &Interview) -> InterviewFile {
    InterviewFile {
        format: INTERVIEW_FORMAT.into(),
        version: INTERVIEW_VERSION,
        id: interview.id.clone(),
        assessment_id: assessment.id.clone(),
        title: assessment.metadata.name.clone(),
        created: interview.created.clone(),
        practices: interview.practices.clone(),
    }
}

fn is_id(id: &str) -> bool {
    !id.is_empty() && id.len() <= 64 && id.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '.' | '_'))
}

fn header_and_type<T: serde::de::DeserializeOwned>(
    bytes: &[u8],
    format: &str,
    newest: u32,
    what: &str,
) -> Result<T, DocumentError> {
    let text = decode_text(bytes)?;
    let value = parse_value(text)?;
    check_header(&value, format, newest, what)?;
    typed_pass(text)
}

/// Reads an interview file: format, version, structure, known practice ids.
pub fn parse_interview(bytes: &[u8], catalogue: &Catalogue) -> Result<InterviewFile, DocumentError> {
    let f: InterviewFile = header_and_type(bytes, INTERVIEW_FORMAT, INTERVIEW_VERSION, "an SMM Navigator interview")?;
    let mut problems = Vec::new();
    if !is_id(&f.id) {
        problems.push(Problem { path: "id".into(), message: "not an interview id".into() });
    }
    if f.assessment_id.trim().is_empty() || f.assessment_id.len() > 128 {
        problems.push(Problem { path: "assessment_id".into(), message: "not an assessment id".into() });
    }
    if let Some(m) = text_problem(&f.title)
        .or_else(|| (f.title.chars().count() > 500).then(|| "the title is over 500 characters".into()))
    {
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
        problems.truncate(crate::document::MAX_PROBLEMS);
        Err(DocumentError { problems })
    }
}

/// Reads an answers file: format, version and structure, the interviewee's
/// name and the text limits. What it answers is checked against the
/// assessment by [`take_answers`].
pub fn parse_answers(bytes: &[u8]) -> Result<AnswersFile, DocumentError> {
    let f: AnswersFile = header_and_type(bytes, ANSWERS_FORMAT, ANSWERS_VERSION, "an SMM Navigator answers file")?;
    let mut problems = Vec::new();
    if f.interviewee.trim().is_empty() {
        problems.push(Problem { path: "interviewee".into(), message: "the answers need a name or pseudonym".into() });
    } else if f.interviewee.chars().count() > MAX_NAME_CHARS || f.interviewee.chars().any(char::is_control) {
        problems.push(Problem {
            path: "interviewee".into(),
            message: format!("a name is at most {MAX_NAME_CHARS} characters, on one line"),
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
        problems.truncate(crate::document::MAX_PROBLEMS);
        Err(DocumentError { problems })
    }
}

/// What [`take_answers`] did with an answers file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Taken {
    /// The interview the answers went into.
    pub interview_id: String,
    /// The interviewee.
    pub interviewee: String,
    /// How many practices' answers were kept.
    pub practices: usize,
    /// One line per thing left out, naming it.
    pub left_out: Vec<String>,
    /// True when these answers replaced earlier ones of the same interviewee.
    pub replaced: bool,
}

/// Takes an answers file into the assessment: refused when it is for another
/// assessment or an interview the assessment does not have; practices not in
/// the interview and indicator ids the practice does not have are left out and
/// listed. The same interviewee answering again replaces their earlier answers.
pub fn take_answers(
    assessment: &mut Assessment,
    catalogue: &Catalogue,
    file: AnswersFile,
) -> Result<Taken, DocumentError> {
    if file.assessment_id != assessment.id {
        return Err(DocumentError::one(
            "assessment_id",
            format!(
                "these answers are for another assessment (`{}`), not “{}” (`{}`)",
                file.assessment_id, assessment.metadata.name, assessment.id
            ),
        ));
    }
    let Some(interview) = assessment.interviews.iter_mut().find(|i| i.id == file.interview_id) else {
        return Err(DocumentError::one(
            "interview_id",
            format!("this assessment has no interview `{}`", file.interview_id),
        ));
    };
    let mut left_out = Vec::new();
    let mut answers = BTreeMap::new();
    for (practice_id, answer) in file.answers {
        if !interview.practices.contains(&practice_id) {
            left_out.push(format!("answers.{practice_id}: practice `{practice_id}` is not in this interview"));
            continue;
        }
        let Some(practice) = catalogue.practice(&practice_id) else { continue };
        let mut kept = Vec::new();
        for (i, ind) in answer.indicators_met.iter().enumerate() {
            let ok = practice.levels.iter().any(|l| l.indicators.iter().any(|x| x.id == *ind));
            if !ok {
                left_out.push(format!(
                    "answers.{practice_id}.indicators_met[{i}]: `{ind}` is not an indicator of this practice"
                ));
            } else if !kept.contains(ind) {
                kept.push(ind.clone());
            }
        }
        answers.insert(practice_id, Answer { indicators_met: kept, notes: answer.notes });
    }
    let name = file.interviewee.trim().to_string();
    let response = Response { interviewee: name.clone(), answered_on: file.answered_on, answers };
    let practices = response.answers.len();
    let replaced = if let Some(slot) = interview.responses.iter_mut().find(|r| r.interviewee == name) {
        *slot = response;
        true
    } else {
        if interview.responses.len() >= MAX_RESPONSES {
            return Err(DocumentError::one("", format!("an interview keeps at most {MAX_RESPONSES} answers")));
        }
        interview.responses.push(response);
        false
    };
    Ok(Taken { interview_id: interview.id.clone(), interviewee: name, practices, left_out, replaced })
}

/// Who said an indicator is met, and who did not.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct IndicatorVotes {
    /// The indicator id.
    pub id: String,
    /// The level it belongs to.
    pub level: Level,
    /// Interviewees who said met.
    pub met: Vec<String>,
    /// Interviewees who said not met.
    pub not_met: Vec<String>,
    /// Whether the assessment's result has it met now.
    pub in_result: bool,
}

impl IndicatorVotes {
    /// True when some said met and some did not.
    pub fn disputed(&self) -> bool {
        !self.met.is_empty() && !self.not_met.is_empty()
    }
    /// True when more than half said met.
    pub fn majority_met(&self) -> bool {
        self.met.len() * 2 > self.met.len() + self.not_met.len()
    }
}

/// One interviewee's view of a practice.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Opinion {
    /// Name or pseudonym.
    pub interviewee: String,
    /// The level their answers derive, by the assessment's rule.
    pub level: Level,
    /// Their notes.
    pub notes: String,
}

/// The consolidation of one practice.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct PracticeConsensus {
    /// The practice id.
    pub practice: String,
    /// Each interviewee's derived level, in the order answers were imported.
    pub opinions: Vec<Opinion>,
    /// Highest derived level minus lowest (SMM Navigator's own figure).
    pub spread: u8,
    /// Per indicator of the practice, in catalogue order.
    pub indicators: Vec<IndicatorVotes>,
    /// How the owner resolved it, if they have.
    pub resolution: Option<Resolution>,
}

impl PracticeConsensus {
    /// True when the interviewees disagree on any indicator.
    pub fn disagreement(&self) -> bool {
        self.indicators.iter().any(IndicatorVotes::disputed)
    }
    /// The indicators more than half of the interviewees said are met.
    pub fn majority(&self) -> Vec<String> {
        self.indicators.iter().filter(|v| v.majority_met()).map(|v| v.id.clone()).collect()
    }
}

/// The formula of the spread, shown wherever it is.
pub const SPREAD_FORMULA: &str = "Spread = the highest level derived from one interviewee's answers minus the lowest. \
     Each level is derived as in the assessment: a level counts when all its indicators and those of every lower level are met. \
     The spread is SMM Navigator's own figure; the SMM does not define one.";

/// The consolidation of every practice that has answers, in catalogue order.
/// When an interviewee answered the same practice in two interviews, the later
/// interview's answer counts.
pub fn consensus(catalogue: &Catalogue, assessment: &Assessment) -> Vec<PracticeConsensus> {
    let mut out = Vec::new();
    for practice in &catalogue.practices {
        let mut by_person: Vec<(String, &Answer)> = Vec::new();
        for interview in &assessment.interviews {
            for r in &interview.responses {
                if let Some(a) = r.answers.get(&practice.id) {
                    match by_person.iter_mut().find(|(n, _)| *n == r.interviewee) {
                        Some(slot) => slot.1 = a,
                        None => by_person.push((r.interviewee.clone(), a)),
                    }
                }
            }
        }
        if by_person.is_empty() {
            continue;
        }
        let opinions: Vec<Opinion> = by_person
            .iter()
            .map(|(name, a)| {
                let result = PracticeResult { indicators_met: a.indicators_met.clone(), ..PracticeResult::default() };
                Opinion {
                    interviewee: name.clone(),
                    level: crate::engine::derived_level(practice, &result),
                    notes: a.notes.clone(),
                }
            })
            .collect();
        let levels = opinions.iter().map(|o| o.level.get());
        let spread = levels.clone().max().unwrap_or(0) - levels.min().unwrap_or(0);
        let current = assessment.results.get(&practice.id);
        let indicators = practice
            .levels
            .iter()
            .flat_map(|l| l.indicators.iter().map(move |i| (l.level, i)))
            .map(|(level, ind)| {
                let (met, not_met): (Vec<_>, Vec<_>) =
                    by_person.iter().partition(|(_, a)| a.indicators_met.contains(&ind.id));
                IndicatorVotes {
                    id: ind.id.clone(),
                    level,
                    met: met.into_iter().map(|(n, _)| n.clone()).collect(),
                    not_met: not_met.into_iter().map(|(n, _)| n.clone()).collect(),
                    in_result: current.is_some_and(|r| r.is_met(&ind.id)),
                }
            })
            .collect();
        out.push(PracticeConsensus {
            practice: practice.id.clone(),
            opinions,
            spread,
            indicators,
            resolution: assessment.consensus.get(&practice.id).cloned(),
        });
    }
    out
}

/// Resolves a practice: sets the result's indicators met to `indicators_met`
/// (catalogue indicators of the practice only; profile indicators already in
/// the result stay), and keeps the note. A practice whose answers disagree
/// needs a note.
pub fn resolve(
    assessment: &mut Assessment,
    catalogue: &Catalogue,
    practice_id: &str,
    indicators_met: &[String],
    note: &str,
    today: &str,
) -> Result<(), String> {
    let Some(practice) = catalogue.practice(practice_id) else {
        return Err(format!("unknown practice id `{practice_id}`"));
    };
    let Some(c) = consensus(catalogue, assessment).into_iter().find(|c| c.practice == practice_id) else {
        return Err(format!("no interviewee has answered about {}", practice.name));
    };
    if c.disagreement() && note.trim().is_empty() {
        return Err(format!(
            "the answers about {} disagree: say in a short note why the result is what it is",
            practice.name
        ));
    }
    if let Some(m) = text_problem(note) {
        return Err(m);
    }
    let own: Vec<&str> = practice.levels.iter().flat_map(|l| l.indicators.iter().map(|i| i.id.as_str())).collect();
    if let Some(bad) = indicators_met.iter().find(|i| !own.contains(&i.as_str())) {
        return Err(format!("`{bad}` is not an indicator of {}", practice.name));
    }
    let result = assessment.results.entry(practice_id.to_string()).or_default();
    result.indicators_met.retain(|i| !own.contains(&i.as_str()));
    for id in own.iter().filter(|id| indicators_met.iter().any(|x| x == *id)) {
        result.indicators_met.push((*id).to_string());
    }
    assessment.consensus.insert(
        practice_id.to_string(),
        Resolution {
            note: note.trim().to_string(),
            resolved_on: today.to_string(),
            answers: c.opinions.len() as u32,
            disagreed: c.disagreement(),
        },
    );
    Ok(())
}

/// Every interviewee of the assessment, in the order first imported.
pub fn interviewees(assessment: &Assessment) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    for r in assessment.interviews.iter().flat_map(|i| &i.responses) {
        if !names.contains(&r.interviewee) {
            names.push(r.interviewee.clone());
        }
    }
    names
}

/// The disagreement table as Markdown: per practice, each interviewee's level
/// and the spread; then every disputed indicator with who said met.
pub fn consensus_md(catalogue: &Catalogue, assessment: &Assessment) -> String {
    let rows = consensus(catalogue, assessment);
    let names = interviewees(assessment);
    let mut s = format!("# Interview answers: {}\n\n", crate::report::md_escape(&assessment.metadata.name));
    if rows.is_empty() {
        s.push_str("No answers have been imported.\n");
        return s;
    }
    s.push_str("| Practice |");
    for n in &names {
        let _ = write!(s, " {} |", crate::report::md_escape(n));
    }
    s.push_str(" Spread | Disputed indicators | Resolved |\n|---|");
    s.push_str(&"---|".repeat(names.len() + 3));
    s.push('\n');
    for c in &rows {
        let name = catalogue.practice(&c.practice).map_or(c.practice.as_str(), |p| p.name.as_str());
        let _ = write!(s, "| {} |", crate::report::md_escape(name));
        for n in &names {
            let cell = c.opinions.iter().find(|o| o.interviewee == *n).map_or("-".to_string(), |o| o.level.to_string());
            let _ = write!(s, " {cell} |");
        }
        let disputed = c.indicators.iter().filter(|v| v.disputed()).count();
        let resolved = if c.resolution.is_some() { "yes" } else { "no" };
        let _ = writeln!(s, " {} | {disputed} | {resolved} |", c.spread);
    }
    s.push_str("\n## Disputed indicators\n\n");
    let mut any = false;
    for c in &rows {
        for v in c.indicators.iter().filter(|v| v.disputed()) {
            any = true;
            let text = catalogue.indicator(&v.id).map_or("", |r| r.indicator.text.as_str());
            let _ = writeln!(
                s,
                "- `{}` (level {}): {} Met: {}. Not met: {}.",
                v.id,
                v.level,
                crate::report::md_escape(text.trim_end_matches('.')) + ".",
                crate::report::md_escape(&v.met.join(", ")),
                crate::report::md_escape(&v.not_met.join(", "))
            );
        }
    }
    if !any {
        s.push_str("None: every interviewee gave the same answer on every indicator.\n");
    }
    let _ = writeln!(s, "\n{SPREAD_FORMULA}");
    s
}

/// The disagreement table as CSV: one row per practice and indicator, with who
/// said met and who did not, and the practice's spread.
pub fn consensus_csv(catalogue: &Catalogue, assessment: &Assessment) -> String {
    let mut s = String::new();
    crate::report::csv_row(
        &mut s,
        &[
            "practice_id",
            "indicator_id",
            "level",
            "met_by",
            "not_met_by",
            "disputed",
            "in_result",
            "practice_spread",
            "resolved",
        ],
    );
    for c in consensus(catalogue, assessment) {
        let spread = c.spread.to_string();
        let resolved = if c.resolution.is_some() { "yes" } else { "no" };
        for v in &c.indicators {
            crate::report::csv_row(
                &mut s,
                &[
                    &c.practice,
                    &v.id,
                    &v.level.to_string(),
                    &v.met.join("; "),
                    &v.not_met.join("; "),
                    if v.disputed() { "yes" } else { "no" },
                    if v.in_result { "yes" } else { "no" },
                    &spread,
                    resolved,
                ],
            );
        }
    }
    s
}

/// The consolidation as JSON (`smm-navigator/consensus`, version 1).
pub fn consensus_json(catalogue: &Catalogue, assessment: &Assessment) -> String {
    #[derive(Serialize)]
    struct Doc<'a> {
        format: &'static str,
        version: u32,
        assessment_id: &'a str,
        interviewees: Vec<String>,
        spread_formula: &'static str,
        practices: Vec<PracticeConsensus>,
    }
    serde_json::to_string_pretty(&Doc {
        format: "smm-navigator/consensus",
        version: 1,
        assessment_id: &assessment.id,
        interviewees: interviewees(assessment),
        spread_formula: SPREAD_FORMULA,
        practices: consensus(catalogue, assessment),
    })
    .unwrap_or_default()
}

/// Replaces interviewee names by "Interviewee N" (numbered in the order first
/// imported) and drops their notes and the resolution notes: for a redacted copy.
pub fn redact_interviews(a: &mut Assessment) {
    let names = interviewees(a);
    for r in a.interviews.iter_mut().flat_map(|i| i.responses.iter_mut()) {
        let n = names.iter().position(|x| *x == r.interviewee).map_or(0, |p| p + 1);
        r.interviewee = format!("Interviewee {n}");
        for ans in r.answers.values_mut() {
            ans.notes.clear();
        }
    }
    for res in a.consensus.values_mut() {
        res.note.clear();
    }
}

/// Checks the interviews and resolutions of an assessment (ids, practices,
/// indicators, names, text limits), with JSON paths.
pub(crate) fn validate_interviews(a: &Assessment, catalogue: &Catalogue, push: &mut impl FnMut(String, String)) {
    if a.interviews.len() > MAX_INTERVIEWS {
        push("interviews".into(), format!("at most {MAX_INTERVIEWS} interviews are kept"));
    }
    let mut ids = BTreeSet::new();
    for (i, iv) in a.interviews.iter().enumerate() {
        let at = format!("interviews[{i}]");
        if !is_id(&iv.id) {
            push(format!("{at}.id"), format!("`{}` is not an interview id", iv.id));
        } else if !ids.insert(iv.id.as_str()) {
            push(format!("{at}.id"), format!("the interview id `{}` is used twice", iv.id));
        }
        if iv.practices.is_empty() {
            push(format!("{at}.practices"), "the interview asks about no practice".into());
        }
        for (j, p) in iv.practices.iter().enumerate() {
            if catalogue.practice(p).is_none() {
                push(format!("{at}.practices[{j}]"), format!("unknown practice id `{p}`"));
            }
        }
        if iv.responses.len() > MAX_RESPONSES {
            push(format!("{at}.responses"), format!("at most {MAX_RESPONSES} answers are kept per interview"));
        }
        let mut names = BTreeSet::new();
        for (k, r) in iv.responses.iter().enumerate() {
            let rat = format!("{at}.responses[{k}]");
            if r.interviewee.trim().is_empty() || r.interviewee.chars().count() > MAX_NAME_CHARS {
                push(format!("{rat}.interviewee"), format!("a name of 1 to {MAX_NAME_CHARS} characters is needed"));
            } else if r.interviewee.chars().any(char::is_control) {
                push(format!("{rat}.interviewee"), "the name contains a control character".into());
            } else if !names.insert(r.interviewee.as_str()) {
                push(format!("{rat}.interviewee"), format!("`{}` answered twice", r.interviewee));
            }
            for (p, ans) in &r.answers {
                if !iv.practices.contains(p) {
                    push(format!("{rat}.answers.{p}"), format!("practice `{p}` is not in this interview"));
                    continue;
                }
                if let Some(m) = text_problem(&ans.notes) {
                    push(format!("{rat}.answers.{p}.notes"), m);
                }
                for (n, ind) in ans.indicators_met.iter().enumerate() {
                    if catalogue.indicator(ind).is_none_or(|r| r.practice.id != *p) {
                        push(
                            format!("{rat}.answers.{p}.indicators_met[{n}]"),
                            format!("`{ind}` is not an indicator of practice `{p}`"),
                        );
                    }
                }
            }
        }
    }
    for (p, res) in &a.consensus {
        if catalogue.practice(p).is_none() {
            push(format!("consensus.{p}"), format!("unknown practice id `{p}`"));
        }
        if let Some(m) = text_problem(&res.note) {
            push(format!("consensus.{p}.note"), m);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::assessment::Role;

    fn answers(a: &Assessment, iv: &str, who: &str, practice: &str, met: &[&str]) -> AnswersFile {
        AnswersFile {
            format: ANSWERS_FORMAT.into(),
            version: 1,
            interview_id: iv.into(),
            assessment_id: a.id.clone(),
            title: a.metadata.name.clone(),
            interviewee: who.into(),
            answered_on: "2026-12-01".into(),
            answers: BTreeMap::from([(
                practice.to_string(),
                Answer { indicators_met: met.iter().map(|s| s.to_string()).collect(), notes: String::new() },
            )]),
        }
    }

    #[test]
    fn two_interviewees_who_disagree_show_a_spread_and_need_a_note() {
        let cat = Catalogue::builtin();
        let p = &cat.practices[0];
        let l1: Vec<&str> = p.levels[0].indicators.iter().map(|i| i.id.as_str()).collect();
        let mut a = Assessment::new("a1", "Plant", Role::AssetOwner);
        make_interview(&mut a, cat, "iv1", std::slice::from_ref(&p.id), "2026-12-01").unwrap();
        let f0 = answers(&a, "iv1", "Ana", &p.id, &l1);
        take_answers(&mut a, cat, f0).unwrap();
        let f0 = answers(&a, "iv1", "Ben", &p.id, &[]);
        take_answers(&mut a, cat, f0).unwrap();
        let c = consensus(cat, &a);
        assert_eq!(c.len(), 1);
        assert_eq!(c[0].opinions.iter().map(|o| o.level.get()).collect::<Vec<_>>(), vec![1, 0]);
        assert_eq!(c[0].spread, 1);
        assert!(c[0].disagreement());
        assert!(c[0].majority().is_empty(), "one of two is not a majority");
        let e = resolve(&mut a, cat, &p.id, &[], "", "2026-12-02").unwrap_err();
        assert!(e.contains("note"), "{e}");
        let met: Vec<String> = l1.iter().map(|s| s.to_string()).collect();
        resolve(&mut a, cat, &p.id, &met, "Ana showed the records", "2026-12-02").unwrap();
        assert_eq!(a.results[&p.id].indicators_met, met);
        assert!(a.consensus[&p.id].disagreed);
        assert!(consensus(cat, &a)[0].indicators[0].in_result);
    }

    #[test]
    fn answers_for_another_assessment_or_interview_are_refused_and_strays_are_listed() {
        let cat = Catalogue::builtin();
        let p = &cat.practices[0];
        let other = &cat.practices[1];
        let mut a = Assessment::new("a1", "Plant", Role::AssetOwner);
        make_interview(&mut a, cat, "iv1", std::slice::from_ref(&p.id), "2026-12-01").unwrap();
        let mut f = answers(&a, "iv1", "Ana", &p.id, &[p.levels[0].indicators[0].id.as_str(), "no-such"]);
        f.answers.insert(other.id.clone(), Answer::default());
        let mut wrong = f.clone();
        wrong.assessment_id = "elsewhere".into();
        assert_eq!(take_answers(&mut a, cat, wrong).unwrap_err().problems[0].path, "assessment_id");
        let mut unknown = f.clone();
        unknown.interview_id = "iv9".into();
        assert_eq!(take_answers(&mut a, cat, unknown).unwrap_err().problems[0].path, "interview_id");
        let before = a.clone();
        let t = take_answers(&mut a, cat, f.clone()).unwrap();
        assert_eq!(t.left_out.len(), 2, "{:?}", t.left_out);
        assert!(t.left_out.iter().any(|l| l.contains("no-such")));
        assert!(t.left_out.iter().any(|l| l.contains(&other.id)));
        assert_ne!(a, before);
        let again = take_answers(&mut a, cat, f).unwrap();
        assert!(again.replaced);
        assert_eq!(a.interviews[0].responses.len(), 1);
    }

    #[test]
    fn redaction_drops_names_and_notes_but_keeps_the_answers() {
        let cat = Catalogue::builtin();
        let p = &cat.practices[0];
        let mut a = Assessment::new("a1", "Plant", Role::AssetOwner);
        make_interview(&mut a, cat, "iv1", std::slice::from_ref(&p.id), "2026-12-01").unwrap();
        let mut f = answers(&a, "iv1", "Ana Secret", &p.id, &[p.levels[0].indicators[0].id.as_str()]);
        f.answers.get_mut(&p.id).unwrap().notes = "private".into();
        take_answers(&mut a, cat, f).unwrap();
        redact_interviews(&mut a);
        let r = &a.interviews[0].responses[0];
        assert_eq!(r.interviewee, "Interviewee 1");
        assert!(r.answers[&p.id].notes.is_empty());
        assert_eq!(r.answers[&p.id].indicators_met.len(), 1);
    }
}
