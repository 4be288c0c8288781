//! Files that SMM Navigator exports and imports: one assessment, or a bundle of
//! several with their snapshots; the redacted form for sharing; and the check
//! that an export reads back as exactly what was stored.

use serde::Serialize;
use serde_json::Value;

use crate::assessment::{Assessment, ASSESSMENT_FORMAT};
use crate::catalogue::Catalogue;
use crate::document::{
    check_header, decode_text, parse_value, read_assessment_value, DocumentError, Problem, ReadAssessment,
};
use crate::history::{parse_snapshots, Snapshots};

/// The `format` value of a bundle.
pub const BUNDLE_FORMAT: &str = "smm-navigator/bundle";
/// The bundle version this build writes and reads.
pub const BUNDLE_VERSION: u32 = 1;

/// Several assessments and their snapshots in one file.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Bundle<'a> {
    /// Always [`BUNDLE_FORMAT`].
    pub format: &'static str,
    /// [`BUNDLE_VERSION`].
    pub version: u32,
    /// When the bundle was made (RFC 3339).
    pub exported_at: &'a str,
    /// The assessments, each in the assessment file format.
    pub assessments: &'a [Assessment],
    /// Snapshots of those assessments.
    pub snapshots: &'a [Snapshots],
}

impl Bundle<'_> {
    /// Pretty-printed JSON.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }
}

/// What an imported file held.
#[derive(Clone, Debug, PartialEq)]
pub enum Imported {
    /// One assessment.
    Assessment(Box<ReadAssessment>),
    /// A bundle.
    Bundle {
        /// Its assessments, each with its migration log.
        assessments: Vec<ReadAssessment>,
        /// Its snapshots.
        snapshots: Vec<Snapshots>,
    },
}

impl Imported {
    /// Every assessment in the file.
    pub fn assessments(&self) -> Vec<&ReadAssessment> {
        match self {
            Imported::Assessment(a) => vec![a.as_ref()],
            Imported::Bundle { assessments, .. } => assessments.iter().collect(),
        }
    }
}

fn prefixed(prefix: &str, e: DocumentError) -> DocumentError {
    DocumentError {
        problems: e
            .problems
            .into_iter()
            .map(|p| Problem {
                path: if p.path.is_empty() { prefix.to_string() } else { format!("{prefix}.{}", p.path) },
                message: p.message,
            })
            .collect(),
    }
}

/// Reads an assessment file or a bundle, of any supported version.
pub fn read_file(bytes: &[u8], catalogue: &Catalogue) -> Result<Imported, DocumentError> {
    let text = decode_text(bytes)?;
    let value = parse_value(text)?;
    if value.get("format").and_then(Value::as_str) != Some(BUNDLE_FORMAT) {
        if value.get("format").and_then(Value::as_str) != Some(ASSESSMENT_FORMAT) && value.is_object() {
            let found = value.get("format").map_or("none".to_string(), Value::to_string);
            return Err(DocumentError::one(
                "format",
                format!(
                    "this is not an SMM Navigator file: the format is {found}; \
                     expected \"{ASSESSMENT_FORMAT}\" or \"{BUNDLE_FORMAT}\""
                ),
            ));
        }
        return read_assessment_value(text, value, catalogue).map(|a| Imported::Assessment(Box::new(a)));
    }
    check_header(&value, BUNDLE_FORMAT, BUNDLE_VERSION, "an SMM Navigator bundle")?;
    let list = |key: &str| -> Result<Vec<Value>, DocumentError> {
        match value.get(key) {
            None => Ok(Vec::new()),
            Some(Value::Array(items)) => Ok(items.clone()),
            Some(_) => Err(DocumentError::one(key, "must be a list")),
        }
    };
    let mut assessments: Vec<ReadAssessment> = Vec::new();
    for (i, item) in list("assessments")?.into_iter().enumerate() {
        let at = format!("assessments[{i}]");
        let read = read_assessment_value(&item.to_string(), item, catalogue).map_err(|e| prefixed(&at, e))?;
        if assessments.iter().any(|a| a.assessment.id == read.assessment.id) {
            return Err(DocumentError::one(
                &format!("{at}.id"),
                format!("the id `{}` is used twice", read.assessment.id),
            ));
        }
        assessments.push(read);
    }
    let mut snapshots = Vec::new();
    for (i, item) in list("snapshots")?.into_iter().enumerate() {
        let at = format!("snapshots[{i}]");
        let s = parse_snapshots(&item.to_string(), catalogue).map_err(|e| prefixed(&at, e))?;
        if !assessments.iter().any(|a| a.assessment.id == s.assessment_id) {
            return Err(DocumentError::one(
                &format!("{at}.assessment_id"),
                format!("no assessment in the bundle has the id `{}`", s.assessment_id),
            ));
        }
        snapshots.push(s);
    }
    Ok(Imported::Bundle { assessments, snapshots })
}

/// Checks that exported `json` reads back as exactly `expected` (and `snapshots`):
/// the self-check run before a download starts.
pub fn verify_export(
    json: &str,
    expected: &[Assessment],
    snapshots: &[Snapshots],
    catalogue: &Catalogue,
) -> Result<(), String> {
    let read = read_file(json.as_bytes(), catalogue).map_err(|e| format!("the export does not read back: {e}"))?;
    let (got, got_snapshots): (Vec<&Assessment>, &[Snapshots]) = match &read {
        Imported::Assessment(a) => (vec![&a.assessment], &[]),
        Imported::Bundle { assessments, snapshots } => (assessments.iter().map(|a| &a.assessment).collect(), snapshots),
    };
    if got.len() != expected.len() || got.iter().zip(expected).any(|(g, e)| *g != e) {
        return Err("the export reads back differently from what is stored".into());
    }
    if got_snapshots != snapshots {
        return Err("the exported snapshots read back differently from what is stored".into());
    }
    Ok(())
}

/// Text that replaces a required free-text field in a redacted export.
pub const REDACTED: &str = "(redacted)";

/// A copy for sharing with peers or a benchmark: keeps the role, priorities,
/// target levels and scopes, results (indicators met, scope, override level)
/// and drops every free text: names of the organisation, system and assessor,
/// rationales, notes, evidence references, fingerprinted file names, interviewee
/// names and their notes, and the roadmap plan. File fingerprints (size, SHA-256,
/// date) stay, so that a peer can still tell whether a document is the one
/// seen. Required texts (not-applicable reasons, override justifications)
/// become "(redacted)".
pub fn redact(a: &Assessment) -> Assessment {
    let mut r = a.clone();
    r.metadata.name = "Redacted assessment".into();
    r.metadata.organisation.clear();
    r.metadata.system.clear();
    r.metadata.assessor.clear();
    for t in r.targets.values_mut() {
        t.rationale.clear();
        if let Some(n) = &mut t.not_applicable {
            n.reason = REDACTED.into();
        }
    }
    for res in r.results.values_mut() {
        res.notes.clear();
        res.evidence.retain_mut(|e| {
            e.reference.clear();
            if let Some(f) = &mut e.file {
                f.name.clear();
            }
            e.file.is_some()
        });
        if let Some(o) = &mut res.level_override {
            o.justification = REDACTED.into();
        }
    }
    r.plan.clear();
    crate::interview::redact_interviews(&mut r);
    r
}

/// The `format` named by a file, if it is a JSON object that names one (used
/// to route an imported file to the assessment, profile or mapping reader).
pub fn detect_format(bytes: &[u8]) -> Option<String> {
    let text = decode_text(bytes).ok()?;
    let value = parse_value(text).ok()?;
    value.get("format")?.as_str().map(str::to_string)
}
