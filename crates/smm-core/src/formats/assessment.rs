//! Reading assessment files of every released version: header, migrations
//! from version 1 up, one typed pass, validation.

use serde_json::Value;

use crate::base::error::DocumentError;
use crate::base::json::{check_header, parse_value, typed_pass};
use crate::base::text::decode_text;
use crate::model::assessment::{Assessment, ASSESSMENT_FORMAT, ASSESSMENT_VERSION};
use crate::model::catalogue::Catalogue;
use crate::validation::assessment::validate;

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
        5 => {
            obj.insert("version".into(), Value::from(6));
            Ok("version 5 to 6: nothing changed; sign-offs, tags, evidence holders and review dates, \
                and the references and status histories of roadmap steps are new and start empty"
                .into())
        }
        _ => Err(DocumentError::one("version", format!("no migration from version {from}"))),
    }
}
