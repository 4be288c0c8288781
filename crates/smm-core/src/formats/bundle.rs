//! Reading a backup bundle (`smm-navigator/bundle`): several assessments and
//! their snapshots in one file.

use serde_json::Value;

use crate::base::error::{prefixed, DocumentError};
use crate::base::json::{check_header, parse_value};
use crate::base::text::decode_text;
use crate::formats::assessment::{read_assessment_value, ReadAssessment};
use crate::formats::history::parse_snapshots;
use crate::model::assessment::ASSESSMENT_FORMAT;
use crate::model::catalogue::Catalogue;
use crate::model::history::Snapshots;

/// The `format` value of a bundle.
pub const BUNDLE_FORMAT: &str = "smm-navigator/bundle";
/// The bundle version this build writes and reads.
pub const BUNDLE_VERSION: u32 = 1;

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

/// Reads an assessment file or a bundle, of any supported version.
pub fn read_file(bytes: &[u8], catalogue: &Catalogue) -> Result<Imported, DocumentError> {
    let text = decode_text(bytes)?;
    read_file_value(text, parse_value(text)?, catalogue)
}

/// [`read_file`] of a file already decoded and parsed.
pub(crate) fn read_file_value(text: &str, value: Value, catalogue: &Catalogue) -> Result<Imported, DocumentError> {
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
