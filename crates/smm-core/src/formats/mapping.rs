//! Reading mappings, version 1 (62443 only, migrated) and version 2.

use serde_json::Value;

use crate::base::error::{DocumentError, Problem, MAX_PROBLEMS};
use crate::base::json::{check_header, parse_value, typed_pass};
use crate::base::text::decode_text;
use crate::model::catalogue::Catalogue;
use crate::model::framework::Framework;
use crate::model::mapping::*;
use crate::reference::frameworks::IEC62443;

/// Turns a version 1 mapping (62443, `part` and `role` on every row) into
/// version 2. A row whose part is not the part of its requirement is refused.
fn migrate_v1(value: &mut Value, framework: &Framework) -> Result<(), DocumentError> {
    let obj = value.as_object_mut().ok_or_else(|| DocumentError::one("", "not a JSON object"))?;
    obj.insert("version".into(), Value::from(2));
    obj.insert("framework".into(), Value::from(IEC62443));
    let mut problems = Vec::new();
    if let Some(rows) = obj.get_mut("rows").and_then(Value::as_array_mut) {
        for (i, row) in rows.iter_mut().enumerate() {
            let Some(row) = row.as_object_mut() else { continue };
            let Some(part) = row.remove("part") else {
                // Capped like every list of problems (found by fuzzing: a
                // version 1 file of 340 rows without parts listed 340).
                if problems.len() < MAX_PROBLEMS {
                    problems.push(Problem {
                        path: format!("rows[{i}].part"),
                        message: "a version 1 row must name its 62443 part (`part`)".into(),
                    });
                }
                continue;
            };
            let id = row.get("requirement").and_then(Value::as_str).unwrap_or_default();
            if let (Some(req), Some(part)) = (framework.requirement(id), part.as_str()) {
                let actual = framework.top_group(req).map_or("", |g| g.id.as_str());
                if actual != part && problems.len() < MAX_PROBLEMS {
                    problems.push(Problem {
                        path: format!("rows[{i}].part"),
                        message: format!("requirement `{id}` belongs to part {actual}, not {part}"),
                    });
                }
            }
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(DocumentError { problems })
    }
}

/// A mapping file read as far as it can be without its framework: decoded,
/// parsed, its header checked. [`MappingFile::check`] finishes the reading
/// against the framework it names, so a file is decoded and parsed once.
#[derive(Clone, Debug, PartialEq)]
pub struct MappingFile {
    /// The framework id the file names (`iec62443` for a version 1 file).
    pub framework: String,
    /// The version the file had.
    pub version: u32,
    value: Value,
    text: String,
}

impl MappingFile {
    /// Decodes, parses and checks the header of a mapping file.
    pub fn read(bytes: &[u8]) -> Result<MappingFile, DocumentError> {
        let text = decode_text(bytes)?;
        MappingFile::from_value(text, parse_value(text)?)
    }

    /// [`MappingFile::read`] of a file already decoded and parsed.
    pub(crate) fn from_value(text: &str, value: Value) -> Result<MappingFile, DocumentError> {
        let version = check_header(&value, MAPPING_FORMAT, MAPPING_VERSION, "an SMM Navigator mapping")?;
        let framework = match version {
            1 => IEC62443.to_string(),
            _ => value.get("framework").and_then(Value::as_str).unwrap_or_default().to_string(),
        };
        Ok(MappingFile { framework, version, value, text: text.to_string() })
    }

    /// Finishes reading against `framework` (the one [`MappingFile::framework`]
    /// names): a version 1 (62443) file is migrated, then the typed structure
    /// and every rule of [`Mapping::problems`] are checked.
    pub fn check(self, catalogue: &Catalogue, framework: &Framework) -> Result<Mapping, DocumentError> {
        let MappingFile { version, mut value, text, .. } = self;
        let migrated;
        let text = if version == 1 {
            if framework.id != IEC62443 {
                return Err(DocumentError::one(
                    "version",
                    format!("a version 1 mapping is a 62443 mapping, not one for {}", framework.name),
                ));
            }
            migrate_v1(&mut value, framework)?;
            migrated = value.to_string();
            migrated.as_str()
        } else {
            text.as_str()
        };
        let m: Mapping = typed_pass(text)?;
        let problems = m.problems(catalogue, framework);
        if problems.is_empty() {
            Ok(m)
        } else {
            Err(DocumentError { problems })
        }
    }
}

/// Reads and checks a mapping file for `framework` (the format users load their
/// own tables in); a version 1 (62443) file is migrated first.
pub fn parse_mapping(bytes: &[u8], catalogue: &Catalogue, framework: &Framework) -> Result<Mapping, DocumentError> {
    MappingFile::read(bytes)?.check(catalogue, framework)
}
