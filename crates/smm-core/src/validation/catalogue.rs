//! The invariants of the catalogues: the SMM catalogue and the
//! trustworthiness catalogue, for the built-in files and for a catalogue a user
//! brings.

use std::collections::HashSet;

use crate::base::level::Scope;
use crate::base::role::Role;
use crate::base::text::is_kebab_id;
use crate::model::catalogue::*;
use crate::model::trust::{TrustCatalogue, TRUST_FORMAT};

impl Catalogue {
    /// Every broken invariant, as readable lines; empty when the catalogue is sound.
    ///
    /// Checks: format and version; levels 0-4 and the three scopes listed once each;
    /// ids unique and kebab-case; each practice in a known subdomain with levels 1-4
    /// complete, at least one action and three indicators per level; indicator ids
    /// `<practice>.<level>.<letter>` with letters a, b, c... in order; no empty or
    /// placeholder text; an indicator's `roles` (version 2 on) name one or two
    /// roles, each once, and every level keeps at least
    /// [`MIN_INDICATORS_PER_ROLE`] indicators for every role.
    pub fn problems(&self) -> Vec<String> {
        let mut p = Vec::new();
        if self.format != CATALOGUE_FORMAT {
            p.push(format!("format is `{}`, expected `{CATALOGUE_FORMAT}`", self.format));
        }
        if !CATALOGUE_VERSIONS.contains(&self.version) {
            p.push(format!(
                "version is {}, this build reads versions {} to {}",
                self.version,
                CATALOGUE_VERSIONS.start(),
                CATALOGUE_VERSIONS.end()
            ));
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
                    check_roles(&mut p, self.version, ind);
                }
                for role in Role::ALL {
                    let n = l.indicators_for(role).count();
                    if n < MIN_INDICATORS_PER_ROLE {
                        p.push(format!(
                            "{at} has {n} indicator(s) for {}, at least {MIN_INDICATORS_PER_ROLE} are needed",
                            role.plural()
                        ));
                    }
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
}

/// The fewest indicators a level keeps for each role, so that no role reaches a
/// level on a single piece of evidence.
pub const MIN_INDICATORS_PER_ROLE: usize = 2;

/// An indicator's `roles`: absent in version 1; else one or two roles, each
/// once (all three is written as no list).
pub(crate) fn check_roles(p: &mut Vec<String>, version: u32, ind: &Indicator) {
    if ind.roles.is_empty() {
        return;
    }
    if version < 2 {
        p.push(format!("indicator `{}` names roles, which needs format version 2", ind.id));
    }
    let mut seen = ind.roles.clone();
    seen.sort();
    seen.dedup();
    if seen.len() != ind.roles.len() {
        p.push(format!("indicator `{}` names a role twice", ind.id));
    }
    if seen.len() == Role::ALL.len() {
        p.push(format!("indicator `{}` names every role: leave `roles` out instead", ind.id));
    }
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

impl TrustCatalogue {
    /// Every broken invariant; empty when sound.
    pub fn problems(&self) -> Vec<String> {
        let mut p = Vec::new();
        if self.format != TRUST_FORMAT || self.version != 1 {
            p.push(format!("format/version is {}/{}", self.format, self.version));
        }
        if self.scale.iter().map(|s| s.value).collect::<Vec<_>>() != [0, 1, 2, 3, 4] {
            p.push("the scale must list 0 to 4 in order".into());
        }
        let ids = |v: &[String]| v.iter().map(String::as_str).collect::<Vec<_>>().join(",");
        let chars: Vec<String> = self.characteristics.iter().map(|c| c.id.clone()).collect();
        if ids(&chars) != "safety,security,reliability,resilience,privacy" {
            p.push(format!(
                "characteristics must be safety, security, reliability, resilience, privacy; found {}",
                ids(&chars)
            ));
        }
        if self.aspects.len() != 4 || self.aspects.iter().any(|a| a.prompts.is_empty()) {
            p.push("four aspects, each with prompts".into());
        }
        let phases: HashSet<&str> = self.phases.iter().map(|x| x.id.as_str()).collect();
        let topics: HashSet<&str> = self.topics.iter().map(|x| x.id.as_str()).collect();
        let mut seen = HashSet::new();
        for named in self.phases.iter().chain(&self.topics).map(|n| &n.id).chain(self.aspects.iter().map(|a| &a.id)) {
            if !is_kebab_id(named) {
                p.push(format!("`{named}` is not a well-formed id"));
            }
        }
        for item in &self.items {
            if !seen.insert(item.id.as_str()) {
                p.push(format!("item id `{}` is used twice", item.id));
            }
            let well_formed = item
                .id
                .split_once('.')
                .is_some_and(|(ph, n)| ph == item.phase && n.len() == 2 && n.bytes().all(|b| b.is_ascii_digit()));
            if !well_formed {
                p.push(format!("item id `{}` should be `{}.<nn>`", item.id, item.phase));
            }
            if !phases.contains(item.phase.as_str()) {
                p.push(format!("`{}` names unknown phase `{}`", item.id, item.phase));
            }
            if let Some(t) = &item.topic {
                if !topics.contains(t.as_str()) {
                    p.push(format!("`{}` names unknown topic `{t}`", item.id));
                }
            }
            if !item.question.trim_end().ends_with('?') {
                p.push(format!("`{}`: the question should end with a question mark", item.id));
            }
            if item.evidence.is_empty() || item.evidence.iter().any(|e| e.trim().is_empty()) {
                p.push(format!("`{}` needs examples of evidence", item.id));
            }
        }
        for ph in &self.phases {
            if !self.items.iter().any(|i| i.phase == ph.id) {
                p.push(format!("phase `{}` has no item", ph.id));
            }
        }
        for t in &self.topics {
            if self.items.iter().filter(|i| i.topic.as_deref() == Some(t.id.as_str())).count() < 3 {
                p.push(format!("topic `{}` has fewer than three items", t.id));
            }
        }
        p
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholder_words_are_found_but_not_inside_other_words() {
        let mut p = Vec::new();
        check_text(&mut p, "x", "Write the TODO list");
        check_text(&mut p, "y", "Keep a stock of spares...");
        check_text(&mut p, "z", "A mastodon of a network");
        assert_eq!(p.len(), 2, "{p:?}");
    }
}
