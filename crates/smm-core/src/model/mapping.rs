//! Mappings from SMM practices and levels to the requirements of a framework
//! (`smm-navigator/mapping`, version 2): rows of practice, level, optional role,
//! requirement and rationale, for one framework catalogue
//! ([`crate::framework`]); and the requirement views of an assessment. The
//! shipped mappings are SMM Navigator's own indicative ones; a user who holds
//! official tables loads them as a file of the same format.
//!
//! Version 1 (62443 only: every row with a role and the 62443 part) is migrated
//! on reading: the framework is `iec62443`, and each row's part must be the part
//! its requirement is in.

use serde::{Deserialize, Serialize};

use crate::base::level::Level;
use crate::model::assessment::Role;

/// The `format` value of a mapping file.
pub const MAPPING_FORMAT: &str = "smm-navigator/mapping";
/// The newest mapping version.
pub const MAPPING_VERSION: u32 = 2;
pub use crate::base::limits::MAX_ROWS;

/// A mapping file.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Mapping {
    /// Always [`MAPPING_FORMAT`].
    pub format: String,
    /// [`MAPPING_VERSION`].
    pub version: u32,
    /// Stable id.
    pub id: String,
    /// The id of the framework catalogue its requirements belong to.
    pub framework: String,
    /// Display name.
    pub name: String,
    /// What it is and where it comes from.
    pub about: String,
    /// The rows.
    pub rows: Vec<MappingRow>,
}

/// One row: a practice at a level (for a role, or for every role) relates to a requirement.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct MappingRow {
    /// Practice id.
    pub practice: String,
    /// Level 1-4.
    pub level: Level,
    /// The role the row is for; none: every role.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<Role>,
    /// Requirement id in the framework, e.g. `SR 1.1`.
    pub requirement: String,
    /// Why: what this level of the practice asks for that the requirement is about.
    pub rationale: String,
}

impl MappingRow {
    /// True when the row holds for `role` (`None`: any role).
    pub fn for_role(&self, role: Option<Role>) -> bool {
        match (self.role, role) {
            (Some(mine), Some(asked)) => mine == asked,
            _ => true,
        }
    }
}
