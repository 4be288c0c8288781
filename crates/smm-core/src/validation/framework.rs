//! The rules of a framework catalogue: ids, groups, requirements, limits.

use std::collections::HashSet;

use crate::base::error::{Problem, MAX_PROBLEMS};
use crate::base::text::{is_bidi_control, text_problem};
use crate::model::framework::*;

/// What is wrong with a group or requirement id, if anything: too long, or a
/// control character.
fn id_problem(id: &str) -> Option<String> {
    if id.len() > MAX_ID_BYTES {
        Some(format!("the id is {} bytes long; at most {MAX_ID_BYTES} are accepted", id.len()))
    } else if id.chars().any(|c| c.is_control() || is_bidi_control(c)) {
        Some("the id contains a control character".into())
    } else {
        None
    }
}

impl Framework {
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
            } else if let Some(m) = id_problem(&g.id) {
                push(at("id"), m);
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
                } else {
                    match self.tier(g) {
                        Tier::Depth(_) | Tier::MissingParent => {}
                        Tier::Cycle => {
                            push(format!("groups[{i}].parent"), format!("group `{}` is its own ancestor", g.id))
                        }
                        Tier::TooDeep => push(
                            format!("groups[{i}].parent"),
                            format!("group `{}` is more than {MAX_GROUP_TIERS} tiers deep", g.id),
                        ),
                    }
                }
            }
        }
        let mut ids = HashSet::new();
        for (i, r) in self.requirements.iter().enumerate() {
            let at = |f: &str| format!("requirements[{i}].{f}");
            if r.id.trim().is_empty() {
                push(at("id"), "a requirement needs an id".into());
            } else if let Some(m) = id_problem(&r.id) {
                push(at("id"), m);
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
