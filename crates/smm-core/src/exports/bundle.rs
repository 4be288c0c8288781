//! Assessment and bundle files as written, and the check that an export reads
//! back as exactly what was stored.

use serde::Serialize;

use crate::formats::bundle::{read_file, Imported};
use crate::model::assessment::Assessment;
use crate::model::catalogue::Catalogue;
use crate::model::history::Snapshots;

/// Serialises an assessment as the pretty-printed JSON of its file format.
pub fn assessment_to_json(assessment: &Assessment) -> String {
    // Serialising plain structs, strings and maps with string keys cannot fail.
    serde_json::to_string_pretty(assessment).unwrap_or_default()
}

/// Several assessments and their snapshots in one file.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Bundle<'a> {
    /// Always [`crate::formats::bundle::BUNDLE_FORMAT`].
    pub format: &'static str,
    /// [`crate::formats::bundle::BUNDLE_VERSION`].
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
