//! Snapshots as types: dated copies of an assessment
//! (`smm-navigator/snapshots`, version 1).

use serde::{Deserialize, Serialize};

use crate::model::assessment::Assessment;

/// The `format` value of a snapshots document.
pub const SNAPSHOTS_FORMAT: &str = "smm-navigator/snapshots";
/// The snapshots document version.
pub const SNAPSHOTS_VERSION: u32 = 1;

/// A frozen, dated copy of an assessment.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Snapshot {
    /// Stable id, unique among the assessment's snapshots.
    pub id: String,
    /// When it was taken, RFC 3339.
    pub taken_at: String,
    /// A label, e.g. "Before the 2026 audit".
    #[serde(default)]
    pub label: String,
    /// The assessment as it was.
    pub assessment: Assessment,
}

/// All snapshots of one assessment, oldest first.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Snapshots {
    /// Always [`SNAPSHOTS_FORMAT`].
    pub format: String,
    /// [`SNAPSHOTS_VERSION`].
    pub version: u32,
    /// The id of the assessment they belong to.
    pub assessment_id: String,
    /// Oldest first.
    pub snapshots: Vec<Snapshot>,
}

impl Snapshots {
    /// No snapshot yet.
    pub fn empty(assessment_id: &str) -> Snapshots {
        Snapshots {
            format: SNAPSHOTS_FORMAT.into(),
            version: SNAPSHOTS_VERSION,
            assessment_id: assessment_id.into(),
            snapshots: Vec::new(),
        }
    }

    /// The snapshot with this id.
    pub fn get(&self, id: &str) -> Option<&Snapshot> {
        self.snapshots.iter().find(|s| s.id == id)
    }
}
