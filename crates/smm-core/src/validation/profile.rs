//! The rules of a profile: ids, practices, levels, scopes, indicators, texts.

use std::collections::HashSet;

use crate::base::error::{Problem, MAX_PROBLEMS};
use crate::base::level::{Level, Scope};
use crate::base::text::{is_kebab_id, text_problem};
use crate::model::catalogue::Catalogue;
use crate::model::profile::*;
use crate::validation::catalogue::check_roles;

impl Profile {
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
                let mut roles = Vec::new();
                check_roles(&mut roles, self.version, ind);
                for m in roles {
                    push(at(&format!("indicators[{j}].roles")), m);
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
