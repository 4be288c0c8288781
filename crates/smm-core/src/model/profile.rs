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
/// The newest profile format version: 2 added the indicators' `roles`.
/// Version 1 files (no roles) read unchanged.
pub const PROFILE_VERSION: u32 = 2;

/// A profile.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Profile {
    /// Always [`PROFILE_FORMAT`].
    pub format: String,
    /// 1 or 2 ([`PROFILE_VERSION`]).
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

/// A profile indicator id, `<profile>.<practice>.<level>.<scope>.<letter>`, in its parts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ProfileIndicatorId<'a> {
    /// The profile's id.
    pub profile: &'a str,
    /// The practice's id.
    pub practice: &'a str,
    /// The level, `1` to `4` when well formed.
    pub level: &'a str,
    /// The scope, `industry` or `system` when well formed.
    pub scope: &'a str,
    /// The indicator's letter.
    pub letter: &'a str,
}

impl<'a> ProfileIndicatorId<'a> {
    /// The parts of `id` when it has five dot-separated parts; `None` when it
    /// is not a profile indicator id at all (a catalogue id has three).
    pub fn split(id: &'a str) -> Option<ProfileIndicatorId<'a>> {
        let mut parts = id.split('.');
        let mut next = || parts.next();
        let (profile, practice, level, scope, letter) = (next()?, next()?, next()?, next()?, next()?);
        next().is_none().then_some(ProfileIndicatorId { profile, practice, level, scope, letter })
    }

    /// True when the level is 1 to 4, the scope industry or system, and the letter one character.
    pub fn well_formed(&self) -> bool {
        matches!(self.level, "1" | "2" | "3" | "4")
            && matches!(self.scope, "industry" | "system")
            && self.letter.len() == 1
    }
}
