//! Reading framework catalogues.

use crate::base::error::DocumentError;
use serde_json::Value;

use crate::base::json::{parse_value, typed_from};
use crate::base::text::decode_text;
use crate::model::framework::*;

/// Reads and checks a framework catalogue file.
pub fn parse_framework(bytes: &[u8]) -> Result<Framework, DocumentError> {
    let text = decode_text(bytes)?;
    framework_from(text, &parse_value(text)?)
}

/// [`parse_framework`] of a file already decoded and parsed.
pub(crate) fn framework_from(text: &str, value: &Value) -> Result<Framework, DocumentError> {
    let (f, _): (Framework, u32) =
        typed_from(text, value, FRAMEWORK_FORMAT, FRAMEWORK_VERSION, "an SMM Navigator framework catalogue")?;
    let problems = f.problems();
    if problems.is_empty() {
        Ok(f)
    } else {
        Err(DocumentError { problems })
    }
}
