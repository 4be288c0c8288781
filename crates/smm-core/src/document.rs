//! Reading assessment files: size limit, text encoding, JSON syntax, format and
//! version, the typed structure, and the catalogue's ids. Every problem names
//! the JSON path it is at, so that the CLI and the app give the same message.

use std::collections::HashSet;
use std::fmt;

use serde_json::Value;

use crate::assessment::{Assessment, ASSESSMENT_FORMAT, ASSESSMENT_VERSION};
use crate::catalogue::Catalogue;

/// The largest assessment file accepted, in bytes (5 MiB). A full assessment of
/// 18 practices with long notes is well under 200 KiB.
pub const MAX_FILE_BYTES: usize = 5 * 1024 * 1024;

/// At most this many problems are listed for one file.
pub const MAX_PROBLEMS: usize = 50;

/// One thing wrong with a file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// JSON path, e.g. `targets.threat-modeling.level`; empty for the file as a whole.
    pub path: String,
    /// What is wrong, in words.
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            f.write_str(&self.message)
        } else {
            write!(f, "at `{}`: {}", self.path, self.message)
        }
    }
}

/// Why a file was refused: one or more problems.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DocumentError {
    /// The problems, at least one, at most [`MAX_PROBLEMS`].
    pub problems: Vec<Problem>,
}

impl DocumentError {
    pub(crate) fn one(path: &str, message: impl Into<String>) -> DocumentError {
        DocumentError { problems: vec![Problem { path: path.to_string(), message: message.into() }] }
    }
}

impl fmt::Display for DocumentError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, p) in self.problems.iter().enumerate() {
            if i > 0 {
                f.write_str("\n")?;
            }
            write!(f, "{p}")?;
        }
        Ok(())
    }
}

impl std::error::Error for DocumentError {}

/// An assessment read from a file, with what was done to bring it to the current version.
#[derive(Clone, Debug, PartialEq)]
pub struct ReadAssessment {
    /// The assessment, at [`ASSESSMENT_VERSION`].
    pub assessment: Assessment,
    /// The version the file had.
    pub file_version: u32,
    /// One line per migration step applied; empty when the file was current.
    pub migration_log: Vec<String>,
}

/// Reads an assessment file of any supported version and checks it against the catalogue.
pub fn parse_assessment(bytes: &[u8], catalogue: &Catalogue) -> Result<Assessment, DocumentError> {
    read_assessment(bytes, catalogue).map(|r| r.assessment)
}

/// Like [`parse_assessment`], and says which migrations were applied.
pub fn read_assessment(bytes: &[u8], catalogue: &Catalogue) -> Result<ReadAssessment, DocumentError> {
    let text = decode_text(bytes)?;
    let value = parse_value(text)?;
    read_assessment_value(text, value, catalogue)
}

/// Checks the structure (nesting, duplicate keys) and parses the JSON syntax.
pub(crate) fn parse_value(text: &str) -> Result<Value, DocumentError> {
    crate::scan::check_structure(text)?;
    serde_json::from_str(text).map_err(|e| DocumentError::one("", format!("the file is not valid JSON: {e}")))
}

/// The assessment pipeline after decoding: header, migrations, one typed pass, validation.
/// `text` is the source of `value` (used as is when no migration is needed).
pub(crate) fn read_assessment_value(
    text: &str,
    mut value: Value,
    catalogue: &Catalogue,
) -> Result<ReadAssessment, DocumentError> {
    let file_version = check_header(&value, ASSESSMENT_FORMAT, ASSESSMENT_VERSION, "an SMM Navigator assessment")?;
    let mut migration_log = Vec::new();
    let migrated;
    let text = if file_version == ASSESSMENT_VERSION {
        text
    } else {
        for from in file_version..ASSESSMENT_VERSION {
            migration_log.push(migrate_assessment_step(&mut value, from)?);
        }
        migrated = value.to_string();
        migrated.as_str()
    };
    // One typed pass over text (current or migrated), so that only one
    // deserialiser is compiled into the app.
    let assessment: Assessment = typed_pass(text)?;
    let problems = validate(&assessment, catalogue);
    if problems.is_empty() {
        Ok(ReadAssessment { assessment, file_version, migration_log })
    } else {
        Err(DocumentError { problems })
    }
}

/// Deserialises `text` into `T`. An error names the JSON path of the value it
/// is about, found from the parser's position in `text`.
pub(crate) fn typed_pass<T: serde::de::DeserializeOwned>(text: &str) -> Result<T, DocumentError> {
    serde_json::from_str(text)
        .map_err(|e| DocumentError::one(&crate::scan::path_at(text, e.line(), e.column()), e.to_string()))
}

/// Turns an assessment of version `from` into version `from + 1`; returns a line for the log.
fn migrate_assessment_step(value: &mut Value, from: u32) -> Result<String, DocumentError> {
    let obj = value.as_object_mut().ok_or_else(|| DocumentError::one("", "not a JSON object"))?;
    match from {
        1 => {
            obj.entry("plan").or_insert_with(|| Value::Object(serde_json::Map::new()));
            obj.insert("version".into(), Value::from(2));
            Ok("version 1 to 2: added an empty roadmap plan (owners, due dates and statuses of steps)".into())
        }
        2 => {
            obj.entry("profiles").or_insert_with(|| Value::Array(Vec::new()));
            obj.insert("version".into(), Value::from(3));
            Ok("version 2 to 3: added an empty list of profiles".into())
        }
        3 => {
            obj.insert("version".into(), Value::from(4));
            Ok("version 3 to 4: the trustworthiness view is new and starts empty; nothing else changed".into())
        }
        4 => {
            let mut turned = 0usize;
            if let Some(Value::Object(results)) = obj.get_mut("results") {
                for result in results.values_mut() {
                    if let Some(Value::Array(list)) = result.get_mut("evidence") {
                        for item in list.iter_mut() {
                            if let Value::String(text) = item {
                                let reference = std::mem::take(text);
                                *item = serde_json::json!({ "reference": reference });
                                turned += 1;
                            }
                        }
                    }
                }
            }
            obj.insert("version".into(), Value::from(5));
            Ok(format!(
                "version 4 to 5: {turned} evidence reference(s) kept as they were, now able to carry a file fingerprint; \
                 interviews are new and start empty"
            ))
        }
        _ => Err(DocumentError::one("version", format!("no migration from version {from}"))),
    }
}

/// Serialises an assessment as the pretty-printed JSON of its file format.
pub fn assessment_to_json(assessment: &Assessment) -> String {
    // Serialising plain structs, strings and maps with string keys cannot fail.
    serde_json::to_string_pretty(assessment).unwrap_or_default()
}

/// Size limit, empty file, byte-order mark and UTF-8.
pub(crate) fn decode_text(bytes: &[u8]) -> Result<&str, DocumentError> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err(DocumentError::one(
            "",
            format!(
                "the file is {:.1} MiB; files over {} MiB are refused",
                bytes.len() as f64 / (1024.0 * 1024.0),
                MAX_FILE_BYTES / (1024 * 1024)
            ),
        ));
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = std::str::from_utf8(bytes).map_err(|e| {
        DocumentError::one("", format!("the file is not UTF-8 text (invalid byte at offset {})", e.valid_up_to()))
    })?;
    if text.trim().is_empty() {
        return Err(DocumentError::one("", "the file is empty"));
    }
    Ok(text)
}

/// Checks that `value` is an object with the expected `format` and a `version`
/// this build reads; returns the version.
pub(crate) fn check_header(value: &Value, format: &str, newest: u32, what: &str) -> Result<u32, DocumentError> {
    let Some(obj) = value.as_object() else {
        let kind = match value {
            Value::Array(_) => "a JSON array",
            Value::String(_) => "a JSON string",
            Value::Number(_) => "a JSON number",
            Value::Bool(_) => "a JSON boolean",
            _ => "JSON null",
        };
        return Err(DocumentError::one("", format!("the file holds {kind}, not {what} (a JSON object)")));
    };
    match obj.get("format") {
        None => {
            return Err(DocumentError::one(
                "format",
                format!("no `format` field: this is not {what} (expected \"format\": \"{format}\")"),
            ))
        }
        Some(Value::String(f)) if f == format => {}
        Some(other) => {
            return Err(DocumentError::one(
                "format",
                format!("the format is {other}, not \"{format}\": this is not {what}"),
            ))
        }
    }
    let version = match obj.get("version") {
        None => return Err(DocumentError::one("version", "no `version` field")),
        Some(v) => v.as_u64().filter(|&n| n >= 1).ok_or_else(|| {
            DocumentError::one("version", format!("the version is {v}; it must be a whole number from 1"))
        })?,
    };
    if version > u64::from(newest) {
        return Err(DocumentError::one(
            "version",
            format!(
                "the file is format version {version}, made by a newer SMM Navigator; \
                 this app reads versions 1 to {newest}"
            ),
        ));
    }
    Ok(version as u32)
}

/// Every check against the catalogue and the format's rules, with JSON paths.
pub fn validate(a: &Assessment, catalogue: &Catalogue) -> Vec<Problem> {
    let mut p = Vec::new();
    let mut push = |path: String, message: String| {
        if p.len() < MAX_PROBLEMS {
            p.push(Problem { path, message });
        }
    };
    if a.id.trim().is_empty() || a.id.len() > 128 || a.id.chars().any(|c| c.is_whitespace() || c.is_control()) {
        push("id".into(), "the id must be 1 to 128 characters without spaces".into());
    }
    let mut text = |path: String, value: &str| {
        if let Some(m) = text_problem(value) {
            push(path, m);
        }
    };
    for (field, value) in [
        ("name", &a.metadata.name),
        ("organisation", &a.metadata.organisation),
        ("system", &a.metadata.system),
        ("assessor", &a.metadata.assessor),
    ] {
        text(format!("metadata.{field}"), value);
    }
    for (id, t) in &a.targets {
        text(format!("targets.{id}.rationale"), &t.rationale);
        if let Some(n) = &t.not_applicable {
            text(format!("targets.{id}.not_applicable.reason"), &n.reason);
        }
    }
    for (id, r) in &a.results {
        text(format!("results.{id}.notes"), &r.notes);
        for (i, e) in r.evidence.iter().enumerate() {
            text(format!("results.{id}.evidence[{i}].reference"), &e.reference);
            if let Some(f) = &e.file {
                text(format!("results.{id}.evidence[{i}].file.name"), &f.name);
            }
        }
        if let Some(o) = &r.level_override {
            text(format!("results.{id}.override.justification"), &o.justification);
        }
    }
    for (step, plan) in &a.plan {
        text(format!("plan.{step}.owner"), &plan.owner);
    }
    if a.metadata.name.trim().is_empty() {
        push("metadata.name".into(), "the assessment needs a name".into());
    }
    for (field, value) in
        [("created", &a.metadata.created), ("updated", &a.metadata.updated), ("assessed_on", &a.metadata.assessed_on)]
    {
        if !value.is_empty() && !is_iso_date_prefix(value) {
            push(format!("metadata.{field}"), format!("`{value}` is not a date of the form YYYY-MM-DD"));
        }
    }
    for id in a.priorities.domains.keys() {
        if catalogue.domain(id).is_none() {
            push(format!("priorities.domains.{id}"), format!("unknown domain id `{id}`"));
        }
    }
    for id in a.priorities.subdomains.keys() {
        if catalogue.subdomain(id).is_none() {
            push(format!("priorities.subdomains.{id}"), format!("unknown subdomain id `{id}`"));
        }
    }
    for (id, t) in &a.targets {
        if catalogue.practice(id).is_none() {
            push(format!("targets.{id}"), format!("unknown practice id `{id}`"));
        }
        if t.not_applicable.as_ref().is_some_and(|n| n.reason.trim().is_empty()) {
            push(
                format!("targets.{id}.not_applicable.reason"),
                "a practice marked not applicable needs a reason".into(),
            );
        }
    }
    for (id, r) in &a.results {
        let Some(practice) = catalogue.practice(id) else {
            push(format!("results.{id}"), format!("unknown practice id `{id}`"));
            continue;
        };
        let mut seen = HashSet::new();
        for (i, ind) in r.indicators_met.iter().enumerate() {
            let at = format!("results.{id}.indicators_met[{i}]");
            if let Some(problem) = profile_indicator_problem(a, id, ind) {
                if !problem.is_empty() {
                    push(at, problem);
                }
                if !seen.insert(ind.as_str()) {
                    push(format!("results.{id}.indicators_met[{i}]"), format!("indicator `{ind}` is listed twice"));
                }
                continue;
            }
            match catalogue.indicator(ind) {
                Some(found) if found.practice.id == practice.id => {}
                Some(found) => {
                    push(at, format!("indicator `{ind}` belongs to practice `{}`, not `{id}`", found.practice.id))
                }
                None => push(at, format!("unknown indicator id `{ind}`")),
            }
            if !seen.insert(ind.as_str()) {
                push(format!("results.{id}.indicators_met[{i}]"), format!("indicator `{ind}` is listed twice"));
            }
        }
        if r.level_override.as_ref().is_some_and(|o| o.justification.trim().is_empty()) {
            push(
                format!("results.{id}.override.justification"),
                "an override of the derived level needs a written justification".into(),
            );
        }
    }
    validate_trust(&a.trustworthiness, &mut push);
    crate::interview::validate_interviews(a, catalogue, &mut push);
    for (id, r) in &a.results {
        for (i, e) in r.evidence.iter().enumerate() {
            let at = format!("results.{id}.evidence[{i}]");
            if e.reference.trim().is_empty() && e.file.is_none() {
                push(at.clone(), "an evidence entry needs a reference or a file fingerprint".into());
            }
            if let Some(f) = &e.file {
                if f.sha256.len() != 64 || !f.sha256.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f')) {
                    push(
                        format!("{at}.file.sha256"),
                        "a SHA-256 fingerprint is 64 lowercase hexadecimal digits".into(),
                    );
                }
                if !is_iso_date_prefix(&f.taken_on) {
                    push(
                        format!("{at}.file.taken_on"),
                        format!("`{}` is not a date of the form YYYY-MM-DD", f.taken_on),
                    );
                }
            }
        }
    }
    for (i, id) in a.profiles.iter().enumerate() {
        if !crate::catalogue::is_kebab_id(id) {
            push(format!("profiles[{i}]"), format!("`{id}` is not a profile id"));
        }
    }
    for (step, plan) in &a.plan {
        let known = step.split_once('@').is_some_and(|(practice, level)| {
            catalogue.practice(practice).is_some() && matches!(level, "1" | "2" | "3" | "4")
        });
        if !known {
            push(format!("plan.{step}"), format!("`{step}` is not a roadmap step id (`<practice-id>@<level 1-4>`)"));
        }
        if !plan.due.is_empty() && !is_iso_date_prefix(&plan.due) {
            push(format!("plan.{step}.due"), format!("`{}` is not a date of the form YYYY-MM-DD", plan.due));
        }
    }
    p
}

/// Checks the trustworthiness part: known ids, ratings 0-4, trade-offs that
/// name at least two characteristics, and the usual text limits.
fn validate_trust(t: &crate::trust::Trustworthiness, push: &mut impl FnMut(String, String)) {
    // Nothing to check (and the trustworthiness catalogue is not even parsed).
    if t.is_empty() {
        return;
    }
    let cat = crate::trust::TrustCatalogue::builtin();
    let known = |id: &str| cat.characteristics.iter().any(|c| c.id == id);
    for (id, r) in &t.characteristics {
        let at = format!("trustworthiness.characteristics.{id}");
        if !known(id) {
            push(at.clone(), format!("unknown characteristic `{id}`"));
        }
        for (field, v) in [("minimum", r.minimum), ("target", r.target), ("current", r.current)] {
            if v.is_some_and(|v| v > 4) {
                push(
                    format!("{at}.{field}"),
                    format!("rating {} is out of range: ratings run from 0 to 4", v.unwrap_or(0)),
                );
            }
        }
        for (field, v) in [
            ("minimum_rationale", &r.minimum_rationale),
            ("target_rationale", &r.target_rationale),
            ("current_rationale", &r.current_rationale),
        ] {
            if let Some(m) = text_problem(v) {
                push(format!("{at}.{field}"), m);
            }
        }
    }
    for (i, tr) in t.tradeoffs.iter().enumerate() {
        let at = format!("trustworthiness.tradeoffs[{i}]");
        if tr.description.trim().is_empty() {
            push(format!("{at}.description"), "a trade-off needs a description".into());
        } else if let Some(m) = text_problem(&tr.description) {
            push(format!("{at}.description"), m);
        }
        let distinct: std::collections::HashSet<&String> = tr.affects.iter().collect();
        if distinct.len() < 2 {
            push(format!("{at}.affects"), "a trade-off names at least two characteristics".into());
        }
        for (j, c) in tr.affects.iter().enumerate() {
            if !known(c) {
                push(format!("{at}.affects[{j}]"), format!("unknown characteristic `{c}`"));
            }
        }
    }
    for (id, notes) in &t.aspects {
        if !cat.aspects.iter().any(|a| a.id == *id) {
            push(format!("trustworthiness.aspects.{id}"), format!("unknown aspect `{id}`"));
        } else if let Some(m) = text_problem(notes) {
            push(format!("trustworthiness.aspects.{id}"), m);
        }
    }
    for (id, answer) in &t.checklist {
        if cat.item(id).is_none() {
            push(format!("trustworthiness.checklist.{id}"), format!("unknown checklist item `{id}`"));
        } else if let Some(m) = text_problem(&answer.notes) {
            push(format!("trustworthiness.checklist.{id}.notes"), m);
        }
    }
}

/// The profile indicators of `a` that `profiles` (shipped profiles fetched by
/// the app) do not define, with paths: the check [`validate`] makes against the
/// embedded profiles, for a build that fetches them instead.
pub fn unknown_profile_indicators(a: &Assessment, profiles: &[crate::profile::Profile]) -> Vec<Problem> {
    let mut out = Vec::new();
    for (id, r) in &a.results {
        for (i, ind) in r.indicators_met.iter().enumerate() {
            let Some(profile) = ind.split('.').next() else { continue };
            let Some(pr) = profiles.iter().find(|p| p.id == profile) else { continue };
            if ind.split('.').count() == 5 && !pr.entries.iter().any(|e| e.indicators.iter().any(|x| x.id == *ind)) {
                out.push(Problem {
                    path: format!("results.{id}.indicators_met[{i}]"),
                    message: format!("unknown indicator id `{ind}` in profile `{profile}`"),
                });
            }
        }
    }
    out.truncate(MAX_PROBLEMS);
    out
}

/// `None` when `ind` is not a profile indicator id (five dot-separated parts);
/// otherwise `Some("")` when it is fine, or `Some(problem)`. A profile indicator
/// must belong to a profile the assessment uses and to the practice it is
/// recorded under; for a shipped profile it must exist in it (a profile loaded
/// by the user is checked where it is loaded).
fn profile_indicator_problem(a: &Assessment, practice: &str, ind: &str) -> Option<String> {
    let parts: Vec<&str> = ind.split('.').collect();
    let [profile, p, level, scope, letter] = parts.as_slice() else { return None };
    Some(if !a.profiles.iter().any(|x| x == profile) {
        format!("indicator `{ind}` is from profile `{profile}`, which this assessment does not use")
    } else if *p != practice {
        format!("indicator `{ind}` belongs to practice `{p}`, not `{practice}`")
    } else if !matches!(*level, "1" | "2" | "3" | "4") || !matches!(*scope, "industry" | "system") || letter.len() != 1
    {
        format!("`{ind}` is not a profile indicator id (`<profile>.<practice>.<level>.<scope>.<letter>`)")
    } else if crate::profile::Profile::builtin(profile)
        .is_some_and(|pr| !pr.entries.iter().any(|e| e.indicators.iter().any(|i| i.id == ind)))
    {
        format!("unknown indicator id `{ind}` in profile `{profile}`")
    } else {
        String::new()
    })
}

/// The longest text accepted in one field, in characters.
pub const MAX_TEXT_CHARS: usize = 100_000;

/// What is wrong with a free-text value, if anything: too long, or control
/// characters other than tab and line breaks.
pub fn text_problem(value: &str) -> Option<String> {
    let n = value.chars().count();
    if n > MAX_TEXT_CHARS {
        return Some(format!("the text is {n} characters long; at most {MAX_TEXT_CHARS} are accepted"));
    }
    value
        .chars()
        .find(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t'))
        .map(|c| format!("the text contains the control character U+{:04X}", u32::from(c)))
}

/// The date `days` days after 1970-01-01, as `YYYY-MM-DD` (Howard Hinnant's
/// civil-from-days algorithm); for the CLI's clock and spreadsheet dates.
pub fn date_from_days(days: i64) -> String {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!("{y:04}-{m:02}-{d:02}")
}

/// True for `YYYY-MM-DD`, optionally followed by a time (`T...`).
fn is_iso_date_prefix(s: &str) -> bool {
    let b = s.as_bytes();
    let digits = |r: std::ops::Range<usize>| b.get(r).is_some_and(|x| x.iter().all(u8::is_ascii_digit));
    let ok = digits(0..4) && b.get(4) == Some(&b'-') && digits(5..7) && b.get(7) == Some(&b'-') && digits(8..10);
    if !ok || !(b.len() == 10 || b.get(10) == Some(&b'T')) {
        return false;
    }
    let month: u32 = s[5..7].parse().unwrap_or(0);
    let day: u32 = s[8..10].parse().unwrap_or(0);
    (1..=12).contains(&month) && (1..=31).contains(&day)
}

/// Reads a document of another format with the same checks as an assessment:
/// size, encoding, structure, JSON syntax, `format` and `version` (only
/// `version` 1 exists for these formats), then the typed structure with paths.
pub(crate) fn read_typed<T: serde::de::DeserializeOwned>(
    bytes: &[u8],
    format: &str,
    what: &str,
) -> Result<T, DocumentError> {
    let text = decode_text(bytes)?;
    let value = parse_value(text)?;
    check_header(&value, format, 1, what)?;
    typed_pass(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso_dates() {
        assert!(is_iso_date_prefix("2026-11-25"));
        assert!(is_iso_date_prefix("2026-11-25T10:00:00Z"));
        for bad in ["2026-13-01", "26-11-25", "2026/11/25", "2026-11-25x", "2026-11-00"] {
            assert!(!is_iso_date_prefix(bad), "{bad}");
        }
    }
}
