//! The ISA/IEC 62443 catalogue as data: parts, foundational requirements,
//! groups and requirements, by identifier and short title only (never the
//! standards' text). Embedded from `data/iec62443.json`.

use std::collections::HashSet;
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use crate::assessment::Role;

/// The `format` value of the 62443 catalogue.
pub const IEC62443_FORMAT: &str = "smm-navigator/iec62443-catalogue";

const BUILTIN_JSON: &str = include_str!("../data/iec62443.json");

/// The catalogue.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Iec62443 {
    /// Always [`IEC62443_FORMAT`].
    pub format: String,
    /// 1.
    pub version: u32,
    /// What this is, and that it holds ids and short titles only.
    pub about: String,
    /// The parts of the standard covered.
    pub parts: Vec<Part>,
    /// FR 1 to FR 7.
    pub foundational_requirements: Vec<Foundational>,
    /// Groups of requirements (4-1 practices, 2-4 areas, 2-1 programme elements).
    pub groups: Vec<Group>,
    /// Every requirement.
    pub requirements: Vec<Requirement>,
}

/// A part of the standard.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Part {
    /// E.g. `62443-3-3`.
    pub id: String,
    /// Short title.
    pub title: String,
    /// Edition.
    pub edition: String,
    /// The roles it addresses.
    pub roles: Vec<Role>,
}

/// A foundational requirement.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Foundational {
    /// `FR 1` to `FR 7`.
    pub id: String,
    /// E.g. `IAC`.
    pub abbr: String,
    /// Short title.
    pub title: String,
}

/// A group of requirements within a part.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Group {
    /// The part.
    pub part: String,
    /// E.g. `SM`, `SP.01`, `ORG`.
    pub id: String,
    /// Short title.
    pub title: String,
    /// `uncertain` where the source is inferred or unverified.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub confidence: Option<String>,
}

/// One requirement (or requirement enhancement).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Requirement {
    /// The part.
    pub part: String,
    /// E.g. `SR 1.1`, `SR 1.1 RE(1)`, `EDR 3.10`, `SM-1`, `SP.01.01`, `SPE 1`, `ZCR 3`.
    pub id: String,
    /// Short title (ours where the standard's is not known).
    pub title: String,
    /// Foundational requirement, for 3-3 and 4-2.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fr: Option<String>,
    /// Lowest security level at which 3-3 requires it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_sl: Option<u8>,
    /// The requirement an enhancement belongs to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent: Option<String>,
    /// Group within the part.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group: Option<String>,
    /// A note, e.g. the component types it applies to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// `uncertain` where the source is inferred or unverified.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub confidence: Option<String>,
}

impl Iec62443 {
    /// The built-in catalogue (checked by the invariant tests).
    pub fn builtin() -> &'static Iec62443 {
        static BUILTIN: OnceLock<Iec62443> = OnceLock::new();
        BUILTIN.get_or_init(|| {
            serde_json::from_str(BUILTIN_JSON)
                .unwrap_or_else(|e| panic!("the built-in 62443 catalogue is invalid: {e}"))
        })
    }

    /// The requirement with this id.
    pub fn requirement(&self, id: &str) -> Option<&Requirement> {
        self.requirements.iter().find(|r| r.id == id)
    }

    /// The part with this id.
    pub fn part(&self, id: &str) -> Option<&Part> {
        self.parts.iter().find(|p| p.id == id)
    }

    /// Every broken invariant; empty when sound. Ids unique and well formed
    /// for their part; every part, group, parent and foundational requirement
    /// referred to exists; minimum security levels 1-4; no empty title.
    pub fn problems(&self) -> Vec<String> {
        let mut p = Vec::new();
        if self.format != IEC62443_FORMAT || self.version != 1 {
            p.push(format!("format/version is {}/{}, expected {IEC62443_FORMAT}/1", self.format, self.version));
        }
        let parts: HashSet<&str> = self.parts.iter().map(|x| x.id.as_str()).collect();
        let frs: HashSet<&str> = self.foundational_requirements.iter().map(|f| f.id.as_str()).collect();
        let groups: HashSet<(&str, &str)> = self.groups.iter().map(|g| (g.part.as_str(), g.id.as_str())).collect();
        let mut ids = HashSet::new();
        for r in &self.requirements {
            if !ids.insert(r.id.as_str()) {
                p.push(format!("requirement id `{}` is used twice", r.id));
            }
            if !parts.contains(r.part.as_str()) {
                p.push(format!("`{}` names unknown part `{}`", r.id, r.part));
            }
            if !well_formed(&r.part, &r.id) {
                p.push(format!("`{}` is not a well-formed id for part {}", r.id, r.part));
            }
            if r.title.trim().is_empty() {
                p.push(format!("`{}` has no title", r.id));
            }
            if let Some(fr) = &r.fr {
                if !frs.contains(fr.as_str()) {
                    p.push(format!("`{}` names unknown foundational requirement `{fr}`", r.id));
                }
            }
            if let Some(g) = &r.group {
                if !groups.contains(&(r.part.as_str(), g.as_str())) {
                    p.push(format!("`{}` names unknown group `{g}`", r.id));
                }
            }
            if r.min_sl.is_some_and(|s| !(1..=4).contains(&s)) {
                p.push(format!("`{}` has a minimum security level outside 1-4", r.id));
            }
        }
        for r in &self.requirements {
            if let Some(parent) = &r.parent {
                if !self.requirements.iter().any(|x| x.id == *parent && x.part == r.part) {
                    p.push(format!("`{}` names unknown parent `{parent}`", r.id));
                }
            }
        }
        p
    }
}

/// True when `id` has the shape of a requirement id of `part` (62443-2-1, 2-4,
/// 3-2, 3-3, 4-1 or 4-2; any other part has no well-formed id).
pub fn well_formed(part: &str, id: &str) -> bool {
    let num = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let dotted = |s: &str| s.split('.').all(num) && s.split('.').count() == 2;
    let (base, re) = match id.split_once(" RE(") {
        Some((b, rest)) => (b, rest.strip_suffix(')').is_some_and(num)),
        None => (id, true),
    };
    re && match part {
        "62443-3-3" => base.strip_prefix("SR ").is_some_and(dotted),
        "62443-4-2" => ["CR ", "EDR ", "HDR ", "NDR ", "SAR "].iter().any(|p| base.strip_prefix(p).is_some_and(dotted)),
        "62443-4-1" => base
            .split_once('-')
            .is_some_and(|(g, n)| !g.is_empty() && g.bytes().all(|b| b.is_ascii_uppercase()) && num(n)),
        "62443-2-4" => base.strip_prefix("SP.").is_some_and(|s| s.split('.').count() == 2 && s.split('.').all(num)),
        "62443-2-1" => base.strip_prefix("SPE ").is_some_and(num),
        "62443-3-2" => id == base && base.strip_prefix("ZCR ").is_some_and(|s| s.split('.').all(num)),
        _ => false,
    }
}
