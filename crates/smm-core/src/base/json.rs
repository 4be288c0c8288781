//! The one bounded JSON reader: the structure scan ([`crate::base::scan`]),
//! the syntax, the `format` and `version` header, and one typed pass whose
//! errors name the JSON path. Every JSON file kind is read through these.

use serde_json::Value;

use crate::base::error::DocumentError;

/// Checks the structure (nesting, duplicate keys) and parses the JSON syntax.
pub(crate) fn parse_value(text: &str) -> Result<Value, DocumentError> {
    crate::base::scan::check_structure(text)?;
    serde_json::from_str(text).map_err(|e| DocumentError::one("", format!("the file is not valid JSON: {e}")))
}

/// Deserialises `text` into `T`. An error names the JSON path of the value it
/// is about, found from the parser's position in `text`.
pub(crate) fn typed_pass<T: serde::de::DeserializeOwned>(text: &str) -> Result<T, DocumentError> {
    serde_json::from_str(text)
        .map_err(|e| DocumentError::one(&crate::base::scan::path_at(text, e.line(), e.column()), e.to_string()))
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

/// The header check and typed pass of a document already decoded (`text`) and
/// parsed (`value`): returns the document and the version the file had.
pub(crate) fn typed_from<T: serde::de::DeserializeOwned>(
    text: &str,
    value: &Value,
    format: &str,
    newest: u32,
    what: &str,
) -> Result<(T, u32), DocumentError> {
    let version = check_header(value, format, newest, what)?;
    Ok((typed_pass(text)?, version))
}
