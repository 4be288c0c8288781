//! Profiles: industry and system guidance that extends the practice tables
//! beyond general scope, with optional suggested targets. The shipped Retail
//! point-of-sale profile is SMM Navigator's own guidance; users load their own
//! profiles (for instance transcribed from an official publication) as files
//! of the same format.

use std::collections::HashSet;
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use crate::assessment::PracticeResult;
use crate::catalogue::{is_kebab_id, Catalogue, Indicator};
use crate::document::{read_typed, text_problem, DocumentError, Problem, MAX_PROBLEMS};
use crate::level::{Level, Scope};

/// The `format` value of a profile file.
pub const PROFILE_FORMAT: &str = "smm-navigator/profile";

/// The shipped profiles: (id, file under the data folder). The app serves the
/// same files and fetches them when an assessment uses one or the picker opens.
pub const BUILTIN_PROFILE_FILES: [(&str, &str); 1] = [("retail-pos", "profiles/retail-pos.json")];

#[cfg(feature = "builtin-profiles")]
const RETAIL_POS_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/profiles__retail-pos.json"));

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
    /// The profiles shipped with SMM Navigator (checked by the invariant tests),
    /// embedded with the `builtin-profiles` feature (the CLI and the tests); empty
    /// without it (the web app fetches the same files).
    pub fn builtin_all() -> &'static [Profile] {
        static BUILTIN: OnceLock<Vec<Profile>> = OnceLock::new();
        BUILTIN.get_or_init(|| {
            #[cfg(feature = "builtin-profiles")]
            {
                vec![serde_json::from_str(RETAIL_POS_JSON)
                    .unwrap_or_else(|e| panic!("the built-in profile is invalid: {e}"))]
            }
            #[cfg(not(feature = "builtin-profiles"))]
            {
                Vec::new()
            }
        })
    }

    /// True when `id` is the id of a shipped profile (embedded or not).
    pub fn is_builtin_id(id: &str) -> bool {
        BUILTIN_PROFILE_FILES.iter().any(|(b, _)| *b == id)
    }

    /// A shipped profile by id.
    pub fn builtin(id: &str) -> Option<&'static Profile> {
        Profile::builtin_all().iter().find(|p| p.id == id)
    }

    /// The entries for one practice, by level then scope.
    pub fn entries_for<'a>(&'a self, practice: &'a str) -> impl Iterator<Item = &'a ProfileEntry> + 'a {
        self.entries.iter().filter(move |e| e.practice == practice)
    }

    /// Every problem, with paths: format, ids, practices, levels, scopes,
    /// indicator ids, texts, suggested targets.
    pub fn problems(&self, catalogue: &Catalogue) -> Vec<Problem> {
        let mut p = Vec::new();
        let mut push = |path: String, message: String| {
            if p.len() < MAX_PROBLEMS {
                p.push(Problem { path, message });
            }
        };
        if !is_kebab_id(&self.id) {
            push("id".into(), "the id must be lowercase words joined by hyphens".into());
        }
        for (field, v) in [("name", &self.name), ("about", &self.about), ("profile_version", &self.profile_version)] {
            if v.trim().is_empty() {
                push(field.into(), "must not be empty".into());
            }
        }
        if self.entries.is_empty() {
            push("entries".into(), "a profile needs at least one entry".into());
        }
        let mut ids = HashSet::new();
        for (i, e) in self.entries.iter().enumerate() {
            let at = |f: &str| format!("entries[{i}].{f}");
            if catalogue.practice(&e.practice).is_none() {
                push(at("practice"), format!("unknown practice id `{}`", e.practice));
            }
            if e.level == Level::NONE {
                push(at("level"), "guidance is for a level from 1 to 4".into());
            }
            if e.scope == Scope::General {
                push(at("scope"), "a profile adds industry or system guidance; general scope is the base model".into());
            }
            for (path, text) in std::iter::once((at("guidance"), &e.guidance))
                .chain(e.actions.iter().enumerate().map(|(j, a)| (at(&format!("actions[{j}]")), a)))
            {
                if text.trim().is_empty() {
                    push(path, "must not be empty".into());
                } else if let Some(m) = text_problem(text) {
                    push(path, m);
                }
            }
            if e.indicators.is_empty() {
                push(at("indicators"), "an entry needs at least one indicator".into());
            }
            for (j, ind) in e.indicators.iter().enumerate() {
                let prefix = format!("{}.{}.{}.{}.", self.id, e.practice, e.level, e.scope.id());
                let ok =
                    ind.id.strip_prefix(&prefix).is_some_and(|l| l.len() == 1 && l.as_bytes()[0].is_ascii_lowercase());
                if !ok {
                    push(at(&format!("indicators[{j}].id")), format!("`{}` should look like `{prefix}a`", ind.id));
                }
                if !ids.insert(ind.id.clone()) {
                    push(at(&format!("indicators[{j}].id")), format!("indicator id `{}` is used twice", ind.id));
                }
                if ind.text.trim().is_empty() {
                    push(at(&format!("indicators[{j}].text")), "must not be empty".into());
                } else if let Some(m) = text_problem(&ind.text) {
                    push(at(&format!("indicators[{j}].text")), m);
                }
            }
        }
        let mut targets = HashSet::new();
        for (i, t) in self.suggested_targets.iter().enumerate() {
            if catalogue.practice(&t.practice).is_none() {
                push(format!("suggested_targets[{i}].practice"), format!("unknown practice id `{}`", t.practice));
            }
            if !targets.insert(&t.practice) {
                push(format!("suggested_targets[{i}].practice"), format!("`{}` has two suggested targets", t.practice));
            }
        }
        p
    }
}

/// Reads and checks a profile file, with the same rigour as assessment files.
pub fn parse_profile(bytes: &[u8], catalogue: &Catalogue) -> Result<Profile, DocumentError> {
    let profile: Profile = read_typed(bytes, PROFILE_FORMAT, "an SMM Navigator profile")?;
    let problems = profile.problems(catalogue);
    if problems.is_empty() {
        Ok(profile)
    } else {
        Err(DocumentError { problems })
    }
}

/// The scope a result covers, from the profiles' indicators: system when every
/// industry and system indicator of the applied profiles for this practice, at
/// the achieved level and below, is met (and there is system guidance); else
/// industry likewise; else general. `None` when no applied profile has guidance
/// for the practice (the assessor then states the scope).
pub fn derived_scope(practice: &str, achieved: Level, result: &PracticeResult, profiles: &[&Profile]) -> Option<Scope> {
    let entries: Vec<&ProfileEntry> = profiles.iter().flat_map(|p| p.entries_for(practice)).collect();
    if entries.is_empty() {
        return None;
    }
    if achieved == Level::NONE {
        return Some(Scope::General);
    }
    let met = |scope: Scope| {
        entries
            .iter()
            .filter(|e| e.scope == scope && e.level <= achieved)
            .all(|e| e.indicators.iter().all(|i| result.is_met(&i.id)))
    };
    let has = |scope: Scope| entries.iter().any(|e| e.scope == scope && e.level <= achieved);
    let industry = met(Scope::Industry);
    Some(if industry && met(Scope::System) && has(Scope::System) {
        Scope::System
    } else if industry && has(Scope::Industry) {
        Scope::Industry
    } else {
        Scope::General
    })
}
