//! Invariants of the built-in catalogue (`data/catalogue.json`).

use std::collections::HashSet;

use smm_core::catalogue::{is_kebab_id, Catalogue};
use smm_core::Level;

/// The reference table of the model: (domain, subdomain, practice id, display name).
const REFERENCE: &[(&str, &str, &str, &str)] = &[
    ("governance", "strategy-and-governance", "security-program-management", "Security Program Management"),
    ("governance", "strategy-and-governance", "compliance-management", "Compliance Management"),
    ("governance", "threat-modeling", "threat-modeling", "Threat Modeling"),
    ("governance", "threat-modeling", "risk-attitude", "Risk Attitude"),
    (
        "governance",
        "supply-chain-risk-management",
        "product-supply-chain-risk-management",
        "Product Supply Chain Risk Management",
    ),
    (
        "governance",
        "supply-chain-risk-management",
        "services-third-party-dependencies-management",
        "Services Third-Party Dependencies Management",
    ),
    (
        "enablement",
        "identity-and-access-management",
        "establishing-and-maintaining-identities",
        "Establishing and Maintaining Identities",
    ),
    ("enablement", "identity-and-access-management", "access-control", "Access Control"),
    (
        "enablement",
        "asset-management",
        "asset-change-and-configuration-management",
        "Asset, Change and Configuration Management",
    ),
    ("enablement", "asset-management", "physical-protection", "Physical Protection"),
    ("enablement", "data-protection", "protection-model-and-policy-for-data", "Protection Model and Policy for Data"),
    (
        "enablement",
        "data-protection",
        "implementation-of-data-protection-controls",
        "Implementation of Data Protection Controls",
    ),
    ("hardening", "vulnerability-and-patch-management", "vulnerability-assessment", "Vulnerability Assessment"),
    ("hardening", "vulnerability-and-patch-management", "patch-management", "Patch Management"),
    ("hardening", "situational-awareness", "monitoring-practices", "Monitoring Practices"),
    (
        "hardening",
        "situational-awareness",
        "situational-awareness-and-information-sharing",
        "Situational Awareness and Information Sharing",
    ),
    (
        "hardening",
        "event-and-incident-response",
        "event-detection-and-response-plan",
        "Event Detection and Response Plan",
    ),
    (
        "hardening",
        "event-and-incident-response",
        "remediation-recovery-and-continuity-of-operations",
        "Remediation, Recovery and Continuity of Operations",
    ),
];

#[test]
fn the_builtin_catalogue_has_no_problem() {
    let c = Catalogue::from_json(Catalogue::builtin_json()).expect("the built-in catalogue parses");
    assert_eq!(c.problems(), Vec::<String>::new());
}

#[test]
fn three_domains_nine_subdomains_eighteen_practices_as_in_the_reference_table() {
    let c = Catalogue::builtin();
    assert_eq!(c.domains.len(), 3);
    assert_eq!(c.domains.iter().map(|d| d.subdomains.len()).sum::<usize>(), 9);
    assert_eq!(c.practices.len(), 18);
    for (p, (domain, subdomain, id, name)) in c.practices.iter().zip(REFERENCE) {
        assert_eq!(&p.id, id);
        assert_eq!(&p.name, name, "display name of {id}");
        assert_eq!(&p.subdomain, subdomain, "subdomain of {id}");
        let (d, _) = c.parents_of(p).expect("subdomain resolves");
        assert_eq!(&d.id, domain, "domain of {id}");
    }
    let ids: HashSet<_> = c.practices.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(ids.len(), 18, "practice ids are unique");
}

#[test]
fn every_practice_has_four_complete_levels() {
    let c = Catalogue::builtin();
    for p in &c.practices {
        assert!(p.objective.split_whitespace().count() >= 10, "{} objective is too short", p.id);
        assert_eq!(p.levels.iter().map(|l| l.level).collect::<Vec<_>>(), Level::GRADED, "{}", p.id);
        for l in &p.levels {
            assert!(l.description.split_whitespace().count() >= 10, "{}.{} description", p.id, l.level);
            assert!(!l.actions.is_empty(), "{}.{} actions", p.id, l.level);
            assert!(l.indicators.len() >= 3, "{}.{} has fewer than three indicators", p.id, l.level);
        }
    }
}

#[test]
fn indicator_ids_are_unique_and_well_formed() {
    let c = Catalogue::builtin();
    let mut seen = HashSet::new();
    for p in &c.practices {
        for (level, ind) in p.indicators() {
            let parts: Vec<&str> = ind.id.split('.').collect();
            assert_eq!(parts.len(), 3, "{}", ind.id);
            assert_eq!(parts[0], p.id);
            assert_eq!(parts[1], level.level.to_string());
            assert!(parts[2].len() == 1 && parts[2].as_bytes()[0].is_ascii_lowercase(), "{}", ind.id);
            assert!(seen.insert(ind.id.clone()), "duplicate indicator id {}", ind.id);
            let found = c.indicator(&ind.id).expect("indicator lookup resolves");
            assert_eq!(found.practice.id, p.id);
            let words = ind.text.split_whitespace().count();
            assert!((6..=40).contains(&words), "{} has {words} words", ind.id);
        }
    }
    assert!(seen.len() >= 18 * 4 * 3);
}

#[test]
fn indicator_texts_are_distinct() {
    let c = Catalogue::builtin();
    let mut seen = HashSet::new();
    for p in &c.practices {
        for (_, ind) in p.indicators() {
            assert!(seen.insert(ind.text.to_lowercase()), "indicator text repeated: {}", ind.text);
        }
    }
}

#[test]
fn ids_are_kebab_case_and_cross_references_resolve() {
    let c = Catalogue::builtin();
    for d in &c.domains {
        assert!(is_kebab_id(&d.id));
        for s in &d.subdomains {
            assert!(is_kebab_id(&s.id));
            assert!(c.practices_in_subdomain(&s.id).count() == 2, "subdomain {} has two practices", s.id);
        }
        assert_eq!(c.practices_in_domain(d).count(), 6);
    }
    for p in &c.practices {
        assert!(c.subdomain(&p.subdomain).is_some(), "{} -> {}", p.id, p.subdomain);
    }
    for l in Level::ALL {
        assert!(c.level_info(l).is_some());
    }
}

#[test]
fn broken_catalogues_are_reported() {
    let mut c = Catalogue::builtin().clone();
    c.practices[0].levels[2].indicators.truncate(2);
    c.practices[1].id = "Compliance".into();
    c.practices[2].subdomain = "nowhere".into();
    c.practices[3].levels[0].description = "TBD".into();
    c.practices[4].levels[1].indicators[0].id = "product-supply-chain-risk-management.2.z".into();
    c.practices[5].levels.pop();
    let problems = c.problems().join("\n");
    for needle in [
        "security-program-management.3 has 2 indicators",
        "practice id `Compliance`",
        "unknown subdomain `nowhere`",
        "placeholder text `tbd`",
        "should have id `product-supply-chain-risk-management.2.a`",
        "must describe levels 1, 2, 3, 4",
    ] {
        assert!(problems.contains(needle), "missing `{needle}` in:\n{problems}");
    }
    let json = serde_json::to_string(&c).unwrap();
    assert!(Catalogue::from_json(&json).is_err());
}

#[test]
fn the_compiled_builtin_catalogue_equals_the_parsed_file() {
    // build.rs turns data/catalogue.json into static data; reading the file with
    // the ordinary parser must give exactly the same catalogue.
    let parsed = Catalogue::from_json(Catalogue::builtin_json()).expect("the shipped catalogue parses");
    assert_eq!(Catalogue::builtin(), &parsed);
    assert!(Catalogue::builtin().problems().is_empty());
}

/// Phrases that make an indicator testimony (a person explaining, saying or
/// naming something) instead of evidence an assessor can ask to see.
const TESTIMONY: &[&str] = &[
    "can give",
    "give an example",
    "can recall",
    "is aware",
    "are aware",
    "can explain",
    "can say",
    "can name",
    "can describe",
    "can tell",
    "can show",
    "can demonstrate",
    "can confirm",
    "could explain",
    "could name",
    "could say",
    "could describe",
    "is able to",
    "are able to",
    "when asked",
    "staff asked",
    "staff know",
    "knows where",
    "know where",
    "knows how",
    "know how",
];

/// The testimony phrase `text` relies on, if any (as whole words: "a scan shows"
/// is evidence, "someone can show" is not).
fn testimony(text: &str) -> Option<&'static str> {
    let t = text.to_lowercase();
    TESTIMONY
        .iter()
        .copied()
        .find(|p| t.match_indices(p).any(|(at, _)| !t[..at].chars().next_back().is_some_and(char::is_alphanumeric)))
}

#[test]
fn the_testimony_detector_flags_what_it_guards_against() {
    for bad in [
        "A named person can explain who to call about a device.",
        "The site manager is able to explain the risk decision.",
        "Staff asked could name the first step.",
        "Operators know where the contact list is kept.",
        "A named person can give an example of a recent advisory.",
    ] {
        assert!(testimony(bad).is_some(), "not flagged: {bad}");
    }
    assert_eq!(testimony("A contact list names who to call, with out-of-hours numbers."), None);
    assert_eq!(testimony("A network scan shows no Telnet on control devices."), None);
}

#[test]
fn no_indicator_is_testimony_only() {
    let mut found = Vec::new();
    for p in &Catalogue::builtin().practices {
        for (_, ind) in p.indicators() {
            if let Some(phrase) = testimony(&ind.text) {
                found.push(format!("{} (`{phrase}`): {}", ind.id, ind.text));
            }
        }
    }
    for profile in smm_core::profile::Profile::builtin_all() {
        for e in &profile.entries {
            for ind in &e.indicators {
                if let Some(phrase) = testimony(&ind.text) {
                    found.push(format!("{} (`{phrase}`): {}", ind.id, ind.text));
                }
            }
        }
    }
    assert!(found.is_empty(), "indicators must point to a record, not to someone's word:\n{}", found.join("\n"));
}

#[test]
fn every_level_keeps_two_indicators_for_every_role() {
    let mut short = Vec::new();
    for p in &Catalogue::builtin().practices {
        for l in &p.levels {
            for role in smm_core::Role::ALL {
                let n = l.indicators_for(role).count();
                if n < 2 {
                    short.push(format!("{} level {}: {n} for {}", p.id, l.level, role.plural()));
                }
            }
        }
    }
    assert!(short.is_empty(), "levels with fewer than two indicators for a role:\n{}", short.join("\n"));
}

#[test]
fn role_tags_name_one_or_two_roles_and_a_catalogue_that_leaves_a_role_short_is_refused() {
    let cat = Catalogue::builtin();
    for (_, ind) in cat.practices.iter().flat_map(|p| p.indicators()) {
        assert!(ind.roles.len() < 3, "{} lists every role", ind.id);
    }
    // Every indicator of one level for product suppliers only: both other roles fall short.
    let mut broken = cat.clone();
    for ind in &mut broken.practices[0].levels[1].indicators {
        ind.roles = vec![smm_core::Role::ProductSupplier];
    }
    let problems = broken.problems().join("\n");
    assert!(problems.contains("for asset owners, at least 2"), "{problems}");
    assert!(problems.contains("for service providers, at least 2"), "{problems}");
    // A role named twice, and roles in a version 1 file.
    let mut broken = cat.clone();
    broken.version = 1;
    broken.practices[0].levels[0].indicators[0].roles = vec![smm_core::Role::AssetOwner, smm_core::Role::AssetOwner];
    let problems = broken.problems().join("\n");
    assert!(problems.contains("names a role twice"), "{problems}");
    assert!(problems.contains("needs format version 2"), "{problems}");
}

#[test]
fn the_role_tag_every_page_shows_names_the_roles_in_words() {
    let cat = Catalogue::builtin();
    let find = |id: &str| cat.indicator(id).unwrap().indicator.clone();
    // For one role, for two roles, and for every role (no tag).
    let one = find("situational-awareness-and-information-sharing.3.d");
    assert_eq!(one.roles_tag().as_deref(), Some("For product suppliers only"));
    let two = find("physical-protection.1.c");
    assert_eq!(two.roles_tag().as_deref(), Some("For asset owners and service providers only"));
    let all = find("threat-modeling.2.a");
    assert!(all.roles.is_empty());
    assert_eq!(all.roles_tag(), None);
}
