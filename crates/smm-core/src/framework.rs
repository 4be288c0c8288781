//! Framework catalogues (`smm-navigator/framework`): the requirements of another
//! framework that SMM practices are mapped to, by identifier and short title, in
//! groups of one or more tiers (a 62443 part and its foundational requirements,
//! a CSF function and its categories, an ISO/IEC 27001 theme). The built-in ones
//! are ISA/IEC 62443, NIST CSF 2.0 and ISO/IEC 27001:2022 Annex A; a user loads
//! another one as a file of the same format.

use std::collections::HashSet;

use serde::{Deserialize, Serialize};

use crate::assessment::Role;
use crate::document::{read_typed, text_problem, DocumentError, Problem, MAX_PROBLEMS};

/// The `format` value of a framework catalogue.
pub const FRAMEWORK_FORMAT: &str = "smm-navigator/framework";
/// The newest framework catalogue version.
pub const FRAMEWORK_VERSION: u32 = 1;
/// The most requirements a framework file may hold (the largest built-in one has 330).
pub const MAX_REQUIREMENTS: usize = 5000;
/// The most groups a framework file may hold.
pub const MAX_GROUPS: usize = 1000;

/// A framework catalogue.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Framework {
    /// Always [`FRAMEWORK_FORMAT`].
    pub format: String,
    /// [`FRAMEWORK_VERSION`].
    pub version: u32,
    /// Stable id, e.g. `csf-2.0` (lowercase letters, digits, dots and hyphens).
    pub id: String,
    /// Display name.
    pub name: String,
    /// Which edition or version of the framework this lists.
    pub edition: String,
    /// What the file holds and where it comes from.
    pub about: String,
    /// The names of the group tiers, top first, e.g. `["Function", "Category"]`.
    pub group_kinds: Vec<String>,
    /// A note the requirements view shows above the list (for 62443: SMM levels
    /// are not security levels).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub caution: Option<String>,
    /// The groups, in framework order; a group with a parent is in the tier below it.
    pub groups: Vec<Group>,
    /// The requirements, in framework order.
    pub requirements: Vec<Requirement>,
}

/// A group of requirements.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Group {
    /// Id, unique in the framework.
    pub id: String,
    /// Short title.
    pub title: String,
    /// The group it belongs to (none for a top-level group).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent: Option<String>,
    /// The edition of this part, where parts have their own.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub edition: Option<String>,
    /// The roles the group's requirements apply to (top-level groups only); none: every role.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub roles: Vec<Role>,
    /// `uncertain` where the entry is inferred or unverified.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub confidence: Option<String>,
}

/// A requirement (control, outcome, subcategory).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Requirement {
    /// Id, unique in the framework, e.g. `SR 1.1`, `GV.OC-01`, `5.1`.
    pub id: String,
    /// Short title (for CSF 2.0, NIST's outcome statement, which is public domain).
    pub title: String,
    /// The group it is listed in.
    pub group: String,
    /// The requirement it enhances (62443 requirement enhancements).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent: Option<String>,
    /// The lowest 62443 security level that asks for it (1-4).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_sl: Option<u8>,
    /// A short note.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// `uncertain` where the entry is inferred or unverified.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub confidence: Option<String>,
}

#[cfg(feature = "builtin-frameworks")]
const IEC62443_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/frameworks__iec62443.json"));
#[cfg(feature = "builtin-frameworks")]
const CSF_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/frameworks__csf-2.0.json"));
#[cfg(feature = "builtin-frameworks")]
const ISO27001_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/frameworks__iso27001-2022.json"));

/// The id of the built-in ISA/IEC 62443 catalogue.
pub const IEC62443: &str = "iec62443";

/// The built-in framework catalogues and their indicative mappings: (framework
/// id, framework file, mapping file), the files as paths under `data/` (the web
/// app serves them from its folder), in the order the frameworks are offered.
pub const BUILTIN_FILES: [(&str, &str, &str); 3] = [
    (IEC62443, "frameworks/iec62443.json", "mappings/indicative-62443.json"),
    ("csf-2.0", "frameworks/csf-2.0.json", "mappings/indicative-csf-2.0.json"),
    ("iso27001-2022", "frameworks/iso27001-2022.json", "mappings/indicative-iso27001-2022.json"),
];

fn is_framework_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 64
        && id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'.')
        && id.bytes().next().is_some_and(|b| b.is_ascii_alphanumeric())
}

impl Framework {
    /// The built-in frameworks: ISA/IEC 62443, NIST CSF 2.0, ISO/IEC 27001:2022
    /// Annex A (checked by the invariant tests).
    #[cfg(feature = "builtin-frameworks")]
    pub fn builtin_all() -> &'static [Framework] {
        static BUILTIN: std::sync::OnceLock<Vec<Framework>> = std::sync::OnceLock::new();
        BUILTIN.get_or_init(|| {
            [IEC62443_JSON, CSF_JSON, ISO27001_JSON]
                .iter()
                .map(|text| {
                    serde_json::from_str(text)
                        .unwrap_or_else(|e| panic!("a built-in framework catalogue is invalid: {e}"))
                })
                .collect()
        })
    }

    /// The built-in framework with this id.
    #[cfg(feature = "builtin-frameworks")]
    pub fn builtin(id: &str) -> Option<&'static Framework> {
        Framework::builtin_all().iter().find(|f| f.id == id)
    }

    /// The built-in ISA/IEC 62443 catalogue.
    #[cfg(feature = "builtin-frameworks")]
    pub fn iec62443() -> &'static Framework {
        Framework::builtin(IEC62443).unwrap_or_else(|| panic!("the 62443 catalogue is built in"))
    }

    /// The requirement with this id.
    pub fn requirement(&self, id: &str) -> Option<&Requirement> {
        self.requirements.iter().find(|r| r.id == id)
    }

    /// The group with this id.
    pub fn group(&self, id: &str) -> Option<&Group> {
        self.groups.iter().find(|g| g.id == id)
    }

    /// The groups from the top tier down to `group` (itself last). Stops at a
    /// missing parent or a cycle.
    pub fn ancestry(&self, group: &str) -> Vec<&Group> {
        let mut out: Vec<&Group> = Vec::new();
        let mut at = self.group(group);
        while let Some(g) = at {
            if out.iter().any(|x| x.id == g.id) {
                break;
            }
            out.push(g);
            at = g.parent.as_deref().and_then(|p| self.group(p));
        }
        out.reverse();
        out
    }

    /// The top-level group a requirement is in (its 62443 part, CSF function, ISO theme).
    pub fn top_group(&self, requirement: &Requirement) -> Option<&Group> {
        self.ancestry(&requirement.group).into_iter().next()
    }

    /// True when some top-level group limits its requirements to roles.
    pub fn has_roles(&self) -> bool {
        self.groups.iter().any(|g| !g.roles.is_empty())
    }

    /// True when `requirement` applies to `role` (always when its top group names no roles).
    pub fn applies_to(&self, requirement: &Requirement, role: Role) -> bool {
        self.top_group(requirement).is_none_or(|g| g.roles.is_empty() || g.roles.contains(&role))
    }

    /// True when `requirement` is listed in `group` or in a group under it.
    pub fn in_group(&self, requirement: &Requirement, group: &str) -> bool {
        self.ancestry(&requirement.group).iter().any(|g| g.id == group)
    }

    /// Every broken invariant, with JSON paths: format and version; ids unique
    /// and non-empty; every parent and group referred to exists, with no cycle;
    /// roles only on top-level groups; security levels 1-4; no empty or
    /// placeholder text; sizes within the limits.
    pub fn problems(&self) -> Vec<Problem> {
        let mut p = Vec::new();
        let mut push = |path: String, message: String| {
            if p.len() < MAX_PROBLEMS {
                p.push(Problem { path, message });
            }
        };
        if self.format != FRAMEWORK_FORMAT || self.version != FRAMEWORK_VERSION {
            push(
                "format".into(),
                format!(
                    "format/version is {}/{}, expected {FRAMEWORK_FORMAT}/{FRAMEWORK_VERSION}",
                    self.format, self.version
                ),
            );
        }
        if !is_framework_id(&self.id) {
            push("id".into(), "the id must be lowercase letters, digits, dots and hyphens".into());
        }
        for (field, v) in [("name", &self.name), ("edition", &self.edition), ("about", &self.about)] {
            if v.trim().is_empty() {
                push(field.into(), "must not be empty".into());
            } else if let Some(m) = text_problem(v) {
                push(field.into(), m);
            }
        }
        if self.group_kinds.is_empty() || self.group_kinds.iter().any(|k| k.trim().is_empty()) {
            push("group_kinds".into(), "name each tier of groups, top first (for example Function, Category)".into());
        }
        if self.groups.len() > MAX_GROUPS {
            push("groups".into(), format!("{} groups; at most {MAX_GROUPS} are read", self.groups.len()));
            return p;
        }
        if self.requirements.len() > MAX_REQUIREMENTS {
            push(
                "requirements".into(),
                format!("{} requirements; at most {MAX_REQUIREMENTS} are read", self.requirements.len()),
            );
            return p;
        }
        let mut groups = HashSet::new();
        for (i, g) in self.groups.iter().enumerate() {
            let at = |f: &str| format!("groups[{i}].{f}");
            if g.id.trim().is_empty() {
                push(at("id"), "a group needs an id".into());
            } else if !groups.insert(g.id.as_str()) {
                push(at("id"), format!("group id `{}` is used twice", g.id));
            }
            if g.title.trim().is_empty() {
                push(at("title"), "a group needs a title".into());
            } else if let Some(m) = text_problem(&g.title) {
                push(at("title"), m);
            }
            if g.parent.is_some() && !g.roles.is_empty() {
                push(at("roles"), "only a top-level group names roles".into());
            }
        }
        for (i, g) in self.groups.iter().enumerate() {
            if let Some(parent) = &g.parent {
                if !groups.contains(parent.as_str()) {
                    push(format!("groups[{i}].parent"), format!("unknown group `{parent}`"));
                } else if self.ancestry(&g.id).first().is_some_and(|top| top.parent.is_some()) {
                    push(format!("groups[{i}].parent"), format!("group `{}` is its own ancestor", g.id));
                }
            }
        }
        let mut ids = HashSet::new();
        for (i, r) in self.requirements.iter().enumerate() {
            let at = |f: &str| format!("requirements[{i}].{f}");
            if r.id.trim().is_empty() {
                push(at("id"), "a requirement needs an id".into());
            } else if !ids.insert(r.id.as_str()) {
                push(at("id"), format!("requirement id `{}` is used twice", r.id));
            }
            if r.title.trim().is_empty() {
                push(at("title"), "a requirement needs a short title".into());
            } else if let Some(m) = text_problem(&r.title) {
                push(at("title"), m);
            }
            if !groups.contains(r.group.as_str()) {
                push(at("group"), format!("unknown group `{}`", r.group));
            }
            if r.min_sl.is_some_and(|s| !(1..=4).contains(&s)) {
                push(at("min_sl"), "a security level is 1 to 4".into());
            }
        }
        for (i, r) in self.requirements.iter().enumerate() {
            if let Some(parent) = &r.parent {
                if !ids.contains(parent.as_str()) || parent == &r.id {
                    push(format!("requirements[{i}].parent"), format!("unknown requirement `{parent}`"));
                }
            }
        }
        p
    }
}

/// Reads and checks a framework catalogue file.
pub fn parse_framework(bytes: &[u8]) -> Result<Framework, DocumentError> {
    let f: Framework = read_typed(bytes, FRAMEWORK_FORMAT, "an SMM Navigator framework catalogue")?;
    let problems = f.problems();
    if problems.is_empty() {
        Ok(f)
    } else {
        Err(DocumentError { problems })
    }
}
