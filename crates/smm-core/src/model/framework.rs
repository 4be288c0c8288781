//! Framework catalogues (`smm-navigator/framework`): the requirements of another
//! framework that SMM practices are mapped to, by identifier and short title, in
//! groups of one or more tiers (a 62443 part and its foundational requirements,
//! a CSF function and its categories, an ISO/IEC 27001 theme). The built-in ones
//! are ISA/IEC 62443, NIST CSF 2.0 and ISO/IEC 27001:2022 Annex A; a user loads
//! another one as a file of the same format.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use crate::model::assessment::Role;

/// The `format` value of a framework catalogue.
pub const FRAMEWORK_FORMAT: &str = "smm-navigator/framework";
/// The newest framework catalogue version.
pub const FRAMEWORK_VERSION: u32 = 1;
pub use crate::base::limits::{MAX_GROUPS, MAX_GROUP_TIERS, MAX_ID_BYTES, MAX_REQUIREMENTS};

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
    /// Where each id is, built on the first look-up ([`Lookup::default()`]
    /// when a framework is written by hand). Not part of the file.
    #[serde(skip)]
    #[cfg_attr(feature = "schema", schemars(skip))]
    pub lookup: Lookup,
}

/// The positions of a framework's groups and requirements by id, so that a
/// look-up takes the same time in a framework of 5,000 requirements as in one
/// of 50. Built once, on the first look-up; a framework is not changed after
/// it is read. Two lookups are always equal: it holds nothing of the file.
#[derive(Clone, Debug, Default)]
pub struct Lookup(std::sync::OnceLock<Positions>);

#[derive(Clone, Debug)]
struct Positions {
    groups: HashMap<String, usize>,
    requirements: HashMap<String, usize>,
}

impl PartialEq for Lookup {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

/// Where a group sits, found by following its parents up to the top tier.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tier {
    /// A top-level group (0) or a group that many tiers below one.
    Depth(usize),
    /// A parent that is not in the framework.
    MissingParent,
    /// A chain of parents that comes back to a group already on it.
    Cycle,
    /// More than [`MAX_GROUP_TIERS`] tiers.
    TooDeep,
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

pub(crate) fn is_framework_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= MAX_ID_BYTES
        && id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'.')
        && id.bytes().next().is_some_and(|b| b.is_ascii_alphanumeric())
}

impl Framework {
    fn positions(&self) -> &Positions {
        self.lookup.0.get_or_init(|| {
            let mut groups = HashMap::with_capacity(self.groups.len());
            for (i, g) in self.groups.iter().enumerate() {
                groups.entry(g.id.clone()).or_insert(i);
            }
            let mut requirements = HashMap::with_capacity(self.requirements.len());
            for (i, r) in self.requirements.iter().enumerate() {
                requirements.entry(r.id.clone()).or_insert(i);
            }
            Positions { groups, requirements }
        })
    }

    /// The requirement with this id (the first, if two share it).
    pub fn requirement(&self, id: &str) -> Option<&Requirement> {
        self.positions().requirements.get(id).and_then(|&i| self.requirements.get(i))
    }

    /// The position in [`Framework::requirements`] of the requirement with this id.
    pub fn requirement_position(&self, id: &str) -> Option<usize> {
        self.positions().requirements.get(id).copied()
    }

    /// The position in [`Framework::groups`] of the group with this id.
    pub fn group_position(&self, id: &str) -> Option<usize> {
        self.positions().groups.get(id).copied()
    }

    /// The group with this id (the first, if two share it).
    pub fn group(&self, id: &str) -> Option<&Group> {
        self.positions().groups.get(id).and_then(|&i| self.groups.get(i))
    }

    /// How far below the top tier `group` sits, or why that cannot be said:
    /// read off its [`Framework::ancestry`], which follows at most
    /// [`MAX_GROUP_TIERS`] groups (a cycle longer than that reads as too deep).
    pub fn tier(&self, group: &Group) -> Tier {
        let chain = self.ancestry(&group.id);
        let Some(top) = chain.first() else { return Tier::MissingParent };
        match top.parent.as_deref().map(|p| self.group(p)) {
            None => Tier::Depth(chain.len() - 1),
            Some(None) => Tier::MissingParent,
            Some(Some(up)) if chain.iter().any(|g| g.id == up.id) => Tier::Cycle,
            Some(Some(_)) => Tier::TooDeep,
        }
    }

    /// The groups from the top tier down to `group` (itself last). Stops at a
    /// missing parent or a cycle, and after [`MAX_GROUP_TIERS`] groups.
    pub fn ancestry(&self, group: &str) -> Vec<&Group> {
        let mut out: Vec<&Group> = Vec::new();
        let mut at = self.group(group);
        while let Some(g) = at {
            if out.len() == MAX_GROUP_TIERS || out.iter().any(|x| x.id == g.id) {
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
}
