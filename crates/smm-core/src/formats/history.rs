//! Reading the snapshots of an assessment (kept in the browser and in bundles).

use crate::base::error::DocumentError;
use crate::model::catalogue::Catalogue;
use crate::model::history::*;

/// Reads a snapshots document: the header, then the typed structure (with JSON
/// paths in errors), then every snapshot's assessment against the catalogue.
pub fn parse_snapshots(text: &str, catalogue: &Catalogue) -> Result<Snapshots, DocumentError> {
    let one = |path: &str, message: String| crate::base::error::DocumentError {
        problems: vec![crate::base::error::Problem { path: path.to_string(), message }],
    };
    let s: Snapshots = crate::base::json::typed_pass(text)?;
    if s.format != SNAPSHOTS_FORMAT {
        return Err(one("format", format!("the format is `{}`, not `{SNAPSHOTS_FORMAT}`", s.format)));
    }
    if s.version != SNAPSHOTS_VERSION {
        return Err(one(
            "version",
            format!("version {} is not supported; this app reads version {SNAPSHOTS_VERSION}", s.version),
        ));
    }
    for (i, snap) in s.snapshots.iter().enumerate() {
        if let Some(p) = crate::validation::assessment::validate(&snap.assessment, catalogue).into_iter().next() {
            return Err(one(&format!("snapshots[{i}].assessment.{}", p.path), p.message));
        }
    }
    Ok(s)
}
