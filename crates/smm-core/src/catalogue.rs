//! The SMM catalogue: domains, subdomains, practices, and per level the
//! description, actions and indicators of accomplishment.
//!
//! The catalogue is data (`data/catalogue.json`, format `smm-navigator/catalogue`,
//! documented in `docs/file-formats.md`), embedded at compile time and parsed once.
//! [`Catalogue::problems`] checks every invariant, for the built-in file and for a
//! catalogue a user brings.

use std::collections::HashSet;
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use crate::level::{Level, Scope};

/// The `format` value of a catalogue file.
pub const CATALOGUE_FORMAT: &str = "smm-navigator/catalogue";
/// The catalogue format version this build reads.
pub const CATALOGUE_VERSION: u32 = 1;

const BUILTIN_JSON: &str = include_str!("../data/catalogue.json");

/// The whole catalogue.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Catalogue {
    /// Always [`CATALOGUE_FORMAT`].
    pub format: String,
    /// Format version, [`CATALOGUE_VERSION`].
    pub version: u32,
    /// What this catalogue is, and the note on its wording.
    pub about: String,
    /// The five levels, 0 to 4, with their meaning.
    pub levels: Vec<LevelInfo>,
    /// The three scopes with their meaning.
    pub scopes: Vec<ScopeInfo>,
    /// The domains, each with its subdomains, in model order.
    pub domains: Vec<Domain>,
    /// The practices, in model order.
    pub practices: Vec<Practice>,
}

/// The meaning of one level.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LevelInfo {
    /// 0 to 4.
    pub level: Level,
    /// Display name, e.g. "Ad hoc".
    pub name: String,
    /// What the level means in general.
    pub summary: String,
}

/// The meaning of one scope.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScopeInfo {
    /// The scope.
    pub id: Scope,
    /// Display name.
    pub name: String,
    /// What the scope adds.
    pub summary: String,
}

/// A domain (governance, enablement, hardening).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Domain {
    /// Stable id.
    pub id: String,
    /// Display name.
    pub name: String,
    /// One or two sentences on what the domain covers.
    pub summary: String,
    /// Its subdomains, in model order.
    pub subdomains: Vec<Subdomain>,
}

/// A subdomain.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Subdomain {
    /// Stable id.
    pub id: String,
    /// Display name.
    pub name: String,
    /// One or two sentences on what the subdomain covers.
    pub summary: String,
}

/// A practice and its table of levels 1 to 4.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Practice {
    /// Stable id, e.g. `threat-modeling`.
    pub id: String,
    /// Display name.
    pub name: String,
    /// Id of the subdomain it belongs to.
    pub subdomain: String,
    /// What the practice is for.
    pub objective: String,
    /// Levels 1 to 4, in order.
    pub levels: Vec<PracticeLevel>,
}

/// One level of a practice.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PracticeLevel {
    /// 1 to 4.
    pub level: Level,
    /// What the practice looks like at this level.
    pub description: String,
    /// What to do to reach this level from the one below.
    pub actions: Vec<String>,
    /// The evidence an assessor looks for; all must be met for the level.
    pub indicators: Vec<Indicator>,
}

/// An indicator of accomplishment.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Indicator {
    /// Stable id `<practice>.<level>.<letter>`, e.g. `threat-modeling.3.b`.
    pub id: String,
    /// The evidence, in one sentence.
    pub text: String,
}

/// Where an indicator sits in the catalogue.
#[derive(Clone, Copy, Debug)]
pub struct IndicatorRef<'a> {
    /// The practice it belongs to.
    pub practice: &'a Practice,
    /// The level it belongs to.
    pub level: &'a PracticeLevel,
    /// The indicator.
    pub indicator: &'a Indicator,
}

/// Why a catalogue file could not be used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CatalogueError {
    /// One line per problem found.
    pub problems: Vec<String>,
}

impl std::fmt::Display for CatalogueError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "the catalogue is not valid: {}", self.problems.join("; "))
    }
}

impl std::error::Error for CatalogueError {}

impl Catalogue {
    /// The catalogue shipped with SMM Navigator, parsed on first use.
    ///
    /// The embedded file is checked by this crate's invariant tests
    /// (`tests/catalogue_invariants.rs`), so a build that ships can parse it.
    pub fn builtin() -> &'static Catalogue {
        static BUILTIN: OnceLock<Catalogue> = OnceLock::new();
        BUILTIN.get_or_init(|| {
            Catalogue::from_json(BUILTIN_JSON)
                .unwrap_or_else(|e| panic!("the built-in catalogue is invalid (the invariant tests catch this): {e}"))
        })
    }

    /// The built-in catalogue's source text.
    pub fn builtin_json() -> &'static str {
        BUILTIN_JSON
    }

    /// Parses and checks a catalogue file. Structural errors name the line and
    /// column; broken invariants name the practice, level or indicator.
    pub fn from_json(text: &str) -> Result<Catalogue, CatalogueError> {
        let catalogue: Catalogue = serde_json::from_str(text).map_err(|e| CatalogueError {
            problems: vec![format!("the catalogue does not have the expected structure: {e}")],
        })?;
        let problems = catalogue.problems();
        if problems.is_empty() {
            Ok(catalogue)
        } else {
            Err(CatalogueError { problems })
        }
    }

    /// Every broken invariant, as readable lines; empty when the catalogue is sound.
    ///
    /// Checks: format and version; levels 0-4 and the three scopes listed once each;
    /// ids unique and kebab-case; each practice in a known subdomain with levels 1-4
    /// complete, at least one action and three indicators per level; indicator ids
    /// `<practice>.<level>.<letter>` with letters a, b, c... in order; no empty or
    /// placeholder text.
    pub fn problems(&self) -> Vec<String> {
        let mut p = Vec::new();
        if self.format != CATALOGUE_FORMAT {
            p.push(format!("format is `{}`, expected `{CATALOGUE_FORMAT}`", self.format));
        }
        if self.version != CATALOGUE_VERSION {
            p.push(format!("version is {}, this build reads version {CATALOGUE_VERSION}", self.version));
        }
        check_text(&mut p, "about", &self.about);
        let levels: Vec<u8> = self.levels.iter().map(|l| l.level.get()).collect();
        if levels != [0, 1, 2, 3, 4] {
            p.push(format!("levels must list 0, 1, 2, 3, 4 in order, found {levels:?}"));
        }
        for l in &self.levels {
            check_text(&mut p, &format!("levels[{}].name", l.level), &l.name);
            check_text(&mut p, &format!("levels[{}].summary", l.level), &l.summary);
        }
        let scopes: Vec<Scope> = self.scopes.iter().map(|s| s.id).collect();
        if scopes != Scope::ALL {
            p.push("scopes must list general, industry, system in order".to_string());
        }
        for s in &self.scopes {
            check_text(&mut p, &format!("scopes.{}.summary", s.id), &s.summary);
        }

        let mut seen = HashSet::new();
        let mut subdomain_ids = HashSet::new();
        for d in &self.domains {
            check_id(&mut p, "domain", &d.id);
            if !seen.insert(("domain", d.id.as_str())) {
                p.push(format!("domain id `{}` is used twice", d.id));
            }
            check_text(&mut p, &format!("domains.{}.name", d.id), &d.name);
            check_text(&mut p, &format!("domains.{}.summary", d.id), &d.summary);
            if d.subdomains.is_empty() {
                p.push(format!("domain `{}` has no subdomain", d.id));
            }
            for s in &d.subdomains {
                check_id(&mut p, "subdomain", &s.id);
                if !subdomain_ids.insert(s.id.as_str()) {
                    p.push(format!("subdomain id `{}` is used twice", s.id));
                }
                check_text(&mut p, &format!("subdomains.{}.name", s.id), &s.name);
                check_text(&mut p, &format!("subdomains.{}.summary", s.id), &s.summary);
            }
        }

        let mut practice_ids = HashSet::new();
        let mut indicator_ids = HashSet::new();
        let mut used_subdomains = HashSet::new();
        for pr in &self.practices {
            check_id(&mut p, "practice", &pr.id);
            if !practice_ids.insert(pr.id.as_str()) {
                p.push(format!("practice id `{}` is used twice", pr.id));
            }
            if !subdomain_ids.contains(pr.subdomain.as_str()) {
                p.push(format!("practice `{}` names unknown subdomain `{}`", pr.id, pr.subdomain));
            }
            used_subdomains.insert(pr.subdomain.as_str());
            check_text(&mut p, &format!("{}.name", pr.id), &pr.name);
            check_text(&mut p, &format!("{}.objective", pr.id), &pr.objective);
            let lv: Vec<u8> = pr.levels.iter().map(|l| l.level.get()).collect();
            if lv != [1, 2, 3, 4] {
                p.push(format!("practice `{}` must describe levels 1, 2, 3, 4 in order, found {lv:?}", pr.id));
            }
            for l in &pr.levels {
                let at = format!("{}.{}", pr.id, l.level);
                check_text(&mut p, &format!("{at}.description"), &l.description);
                if l.actions.is_empty() {
                    p.push(format!("{at} has no action"));
                }
                for (i, a) in l.actions.iter().enumerate() {
                    check_text(&mut p, &format!("{at}.actions[{i}]"), a);
                }
                if l.indicators.len() < 3 {
                    p.push(format!("{at} has {} indicators, at least 3 are needed", l.indicators.len()));
                }
                for (i, ind) in l.indicators.iter().enumerate() {
                    let letter = char::from(b'a' + (i % 26) as u8);
                    let expected = format!("{at}.{letter}");
                    if ind.id != expected {
                        p.push(format!("indicator `{}` should have id `{expected}`", ind.id));
                    }
                    if !indicator_ids.insert(ind.id.as_str()) {
                        p.push(format!("indicator id `{}` is used twice", ind.id));
                    }
                    check_text(&mut p, &ind.id, &ind.text);
                }
            }
        }
        for id in &subdomain_ids {
            if !used_subdomains.contains(id) {
                p.push(format!("subdomain `{id}` has no practice"));
            }
        }
        p
    }

    /// The practice with this id.
    pub fn practice(&self, id: &str) -> Option<&Practice> {
        self.practices.iter().find(|p| p.id == id)
    }

    /// The position of a practice in catalogue order.
    pub fn practice_index(&self, id: &str) -> Option<usize> {
        self.practices.iter().position(|p| p.id == id)
    }

    /// The domain with this id.
    pub fn domain(&self, id: &str) -> Option<&Domain> {
        self.domains.iter().find(|d| d.id == id)
    }

    /// The subdomain with this id, with its domain.
    pub fn subdomain(&self, id: &str) -> Option<(&Domain, &Subdomain)> {
        self.domains.iter().find_map(|d| d.subdomains.iter().find(|s| s.id == id).map(|s| (d, s)))
    }

    /// The domain and subdomain a practice belongs to.
    pub fn parents_of(&self, practice: &Practice) -> Option<(&Domain, &Subdomain)> {
        self.subdomain(&practice.subdomain)
    }

    /// The practices of a subdomain, in catalogue order.
    pub fn practices_in_subdomain<'a>(&'a self, subdomain: &'a str) -> impl Iterator<Item = &'a Practice> + 'a {
        self.practices.iter().filter(move |p| p.subdomain == subdomain)
    }

    /// The practices of a domain, in catalogue order.
    pub fn practices_in_domain<'a>(&'a self, domain: &'a Domain) -> impl Iterator<Item = &'a Practice> + 'a {
        self.practices.iter().filter(move |p| domain.subdomains.iter().any(|s| s.id == p.subdomain))
    }

    /// The indicator with this id, with its practice and level.
    pub fn indicator(&self, id: &str) -> Option<IndicatorRef<'_>> {
        let practice = self.practice(id.split('.').next()?)?;
        practice.levels.iter().find_map(|level| {
            level.indicators.iter().find(|i| i.id == id).map(|indicator| IndicatorRef { practice, level, indicator })
        })
    }

    /// The meaning of a level.
    pub fn level_info(&self, level: Level) -> Option<&LevelInfo> {
        self.levels.iter().find(|l| l.level == level)
    }

    /// The meaning of a scope.
    pub fn scope_info(&self, scope: Scope) -> Option<&ScopeInfo> {
        self.scopes.iter().find(|s| s.id == scope)
    }
}

impl Practice {
    /// The table entry for a level 1-4.
    pub fn level(&self, level: Level) -> Option<&PracticeLevel> {
        self.levels.iter().find(|l| l.level == level)
    }

    /// Every indicator of every level, in order.
    pub fn indicators(&self) -> impl Iterator<Item = (&PracticeLevel, &Indicator)> {
        self.levels.iter().flat_map(|l| l.indicators.iter().map(move |i| (l, i)))
    }
}

/// True for a stable id: lowercase ASCII letters and digits in words joined by single hyphens.
pub fn is_kebab_id(id: &str) -> bool {
    !id.is_empty()
        && id.split('-').all(|w| !w.is_empty() && w.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit()))
}

fn check_id(p: &mut Vec<String>, what: &str, id: &str) {
    if !is_kebab_id(id) {
        p.push(format!("{what} id `{id}` is not lowercase words joined by hyphens"));
    }
}

/// Words that mark unfinished text.
const PLACEHOLDERS: &[&str] = &["todo", "tbd", "lorem", "ipsum", "xxx", "fixme", "placeholder", "..."];

fn check_text(p: &mut Vec<String>, at: &str, text: &str) {
    let t = text.trim();
    if t.is_empty() {
        p.push(format!("{at} is empty"));
        return;
    }
    if t != text {
        p.push(format!("{at} has leading or trailing spaces"));
    }
    let lower = t.to_lowercase();
    for ph in PLACEHOLDERS {
        let hit = if ph.chars().all(|c| c.is_ascii_alphabetic()) {
            lower.split(|c: char| !c.is_ascii_alphanumeric()).any(|w| w == *ph)
        } else {
            lower.contains(ph)
        };
        if hit {
            p.push(format!("{at} contains placeholder text `{ph}`"));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kebab_ids() {
        assert!(is_kebab_id("threat-modeling"));
        assert!(is_kebab_id("sr-1"));
        for bad in ["", "Threat", "a--b", "-a", "a-", "a_b", "a b"] {
            assert!(!is_kebab_id(bad), "{bad}");
        }
    }

    #[test]
    fn placeholder_words_are_found_but_not_inside_other_words() {
        let mut p = Vec::new();
        check_text(&mut p, "x", "Write the TODO list");
        check_text(&mut p, "y", "Keep a stock of spares...");
        check_text(&mut p, "z", "A mastodon of a network");
        assert_eq!(p.len(), 2, "{p:?}");
    }
}
