//! Profiles: industry and system guidance that extends the practice tables
//! beyond general scope, with optional suggested targets. The shipped Retail
//! point-of-sale profile is SMM Navigator's own guidance; users load their own
//! profiles (for instance transcribed from an official publication) as files
//! of the same format.

use serde::{Deserialize, Serialize};

use crate::base::level::{Level, Scope};
use crate::model::catalogue::Indicator;

/// The `format` value of a profile file.
pub const PROFILE_FORMAT: &str = "smm-navigator/profile";

/// A profile.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Profile {
    /// Always [`PROFILE_FORMAT`].
    pub format: String,
    /// 1.
    pub version: u32,
    /// Stable id, e.g. `retail-pos`.
    pub id: String,
    /// Display name.
    pub name: String,
    /// The profile's own version.
    pub profile_version: String,
    /// What it covers and whose guidance it is.
    pub about: String,
    /// The industry it addresses, if any.
    #[serde(default)]
    pub industry: String,
    /// The kind of system it addresses, if any.
    #[serde(default)]
    pub system: String,
    /// Guidance per practice, level and scope.
    pub entries: Vec<ProfileEntry>,
    /// Suggested targets.
    #[serde(default)]
    pub suggested_targets: Vec<SuggestedTarget>,
}

/// Industry or system guidance for one practice at one level.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProfileEntry {
    /// Practice id.
    pub practice: String,
    /// Level 1-4.
    pub level: Level,
    /// `industry` or `system`.
    pub scope: Scope,
    /// What changes at this level.
    pub guidance: String,
    /// What to do.
    pub actions: Vec<String>,
    /// Evidence; ids `<profile>.<practice>.<level>.<scope>.<letter>`.
    pub indicators: Vec<Indicator>,
}

/// A target the profile suggests.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SuggestedTarget {
    /// Practice id.
    pub practice: String,
    /// Level 0-4.
    pub level: Level,
    /// Scope.
    pub scope: Scope,
    /// Why.
    pub rationale: String,
}

impl Profile {
    /// The entries for one practice, by level then scope.
    pub fn entries_for<'a>(&'a self, practice: &'a str) -> impl Iterator<Item = &'a ProfileEntry> + 'a {
        self.entries.iter().filter(move |e| e.practice == practice)
    }
}
