//! The rules of a mapping: known practices, levels, roles and requirements of its framework.

use crate::base::error::{Problem, MAX_PROBLEMS};
use crate::base::level::Level;
use crate::base::text::text_problem;
use crate::model::catalogue::Catalogue;
use crate::model::framework::Framework;
use crate::model::mapping::*;

impl Mapping {
    /// Every problem with this mapping against the catalogue and its framework, with paths.
    pub fn problems(&self, catalogue: &Catalogue, framework: &Framework) -> Vec<Problem> {
        let mut p = Vec::new();
        let mut push = |path: String, message: String| {
            if p.len() < MAX_PROBLEMS {
                p.push(Problem { path, message });
            }
        };
        if !crate::base::text::is_kebab_id(&self.id) && !self.id.contains('.') {
            push("id".into(), "the id must be lowercase words joined by hyphens".into());
        }
        if self.framework != framework.id {
            push("framework".into(), format!("the mapping is for `{}`, not `{}`", self.framework, framework.id));
            return p;
        }
        for (field, v) in [("name", &self.name), ("about", &self.about)] {
            if v.trim().is_empty() {
                push(field.into(), "must not be empty".into());
            }
            if let Some(m) = text_problem(v) {
                push(field.into(), m);
            }
        }
        if self.rows.len() > MAX_ROWS {
            push("rows".into(), format!("{} rows; at most {MAX_ROWS} are read", self.rows.len()));
            return p;
        }
        let mut seen = std::collections::HashSet::new();
        for (i, r) in self.rows.iter().enumerate() {
            let at = |f: &str| format!("rows[{i}].{f}");
            if catalogue.practice(&r.practice).is_none() {
                push(at("practice"), format!("unknown practice id `{}`", r.practice));
            }
            if r.level == Level::NONE {
                push(at("level"), "a mapping row is for a level from 1 to 4".into());
            }
            match framework.requirement(&r.requirement) {
                None => {
                    push(at("requirement"), format!("unknown requirement id `{}` in {}", r.requirement, framework.name))
                }
                Some(req) => {
                    if let Some(role) = r.role {
                        if !framework.applies_to(req, role) {
                            push(
                                at("role"),
                                format!("requirement `{}` does not apply to the {} role", r.requirement, role.id()),
                            );
                        }
                    }
                }
            }
            if r.rationale.trim().is_empty() {
                push(at("rationale"), "a row needs a one-line rationale".into());
            } else if let Some(m) = text_problem(&r.rationale) {
                push(at("rationale"), m);
            }
            if !seen.insert((&r.practice, r.level, r.role, &r.requirement)) {
                push(at("requirement"), format!("the same row for `{}` appears twice", r.requirement));
            }
        }
        p
    }
}
