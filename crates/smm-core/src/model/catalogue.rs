//! The SMM catalogue: domains, subdomains, practices, and per level the
//! description, actions and indicators of accomplishment.
//!
//! The catalogue is data (`data/catalogue.json`, format `smm-navigator/catalogue`,
//! documented in `docs/file-formats.md`), embedded at compile time and parsed once.
//! [`Catalogue::problems`] checks every invariant, for the built-in file and for a
//! catalogue a user brings.

use serde::{Deserialize, Serialize};

use crate::base::level::{Level, Scope};
use crate::base::role::Role;

/// The `format` value of a catalogue file.
pub const CATALOGUE_FORMAT: &str = "smm-navigator/catalogue";
/// The catalogue format version this build writes. Version 2 added the
/// indicators' `roles`; this build also reads version 1, which has none.
pub const CATALOGUE_VERSION: u32 = 2;
/// The catalogue format versions this build reads.
pub const CATALOGUE_VERSIONS: std::ops::RangeInclusive<u32> = 1..=2;

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
    /// The roles that can produce this evidence, when not all of them (an
    /// advisory published for a product, say, only its supplier can show).
    /// Empty means every role. For the other roles the indicator does not
    /// count toward the level; it is shown folded and can still be ticked as
    /// extra evidence.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub roles: Vec<Role>,
}

impl Indicator {
    /// An indicator for every role.
    pub fn new(id: impl Into<String>, text: impl Into<String>) -> Indicator {
        Indicator { id: id.into(), text: text.into(), roles: Vec::new() }
    }

    /// Whether the indicator counts toward the level for `role`.
    pub fn applies_to(&self, role: Role) -> bool {
        self.roles.is_empty() || self.roles.contains(&role)
    }

    /// The roles it is for, in words ("product suppliers and service
    /// providers"); empty when it is for every role.
    pub fn roles_label(&self) -> String {
        let names: Vec<&str> = self.roles.iter().map(|r| r.plural()).collect();
        match names.as_slice() {
            [] => String::new(),
            [one] => (*one).to_string(),
            [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
        }
    }

    /// The tag every page shows beside an indicator for some roles only ("For
    /// product suppliers only"); `None` when it is for every role.
    pub fn roles_tag(&self) -> Option<String> {
        (!self.roles.is_empty()).then(|| format!("For {} only", self.roles_label()))
    }
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

impl Catalogue {
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

impl PracticeLevel {
    /// The indicators that count toward this level for `role`, in order.
    pub fn indicators_for(&self, role: Role) -> impl Iterator<Item = &Indicator> {
        self.indicators.iter().filter(move |i| i.applies_to(role))
    }

    /// The indicators for other roles only: shown folded, extra evidence for `role`.
    pub fn indicators_not_for(&self, role: Role) -> impl Iterator<Item = &Indicator> {
        self.indicators.iter().filter(move |i| !i.applies_to(role))
    }
}
