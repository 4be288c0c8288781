//! Every standard, edition, requirement id and regulation the shipped content
//! names exists as our reference data holds it, and no text names a replaced
//! edition. Content rule: "every requirement id or edition in our data exists
//! in its standard as the reference files give it; when unsure, leave it out",
//! and "regulations and payment programmes are stated as they stand now, with
//! sources" (`docs/sources.md`).
//!
//! The texts checked: the catalogue (objectives, level descriptions, actions,
//! indicators), every shipped profile (about, guidance, actions, indicators,
//! rationales) and every shipped mapping (about and row rationales).

use regex::Regex;
use smm_core::framework::Framework;
use smm_core::mapping::Mapping;
use smm_core::profile::Profile;
use smm_core::Catalogue;

/// Every shipped text, with where it sits.
fn texts() -> Vec<(String, String)> {
    let mut out = Vec::new();
    for p in &Catalogue::builtin().practices {
        out.push((format!("{}.objective", p.id), p.objective.clone()));
        for l in &p.levels {
            out.push((format!("{}.{}.description", p.id, l.level), l.description.clone()));
            for (i, a) in l.actions.iter().enumerate() {
                out.push((format!("{}.{}.actions[{i}]", p.id, l.level), a.clone()));
            }
            for ind in &l.indicators {
                out.push((ind.id.clone(), ind.text.clone()));
            }
        }
    }
    for pr in Profile::builtin_all() {
        out.push((format!("{}.about", pr.id), pr.about.clone()));
        for e in &pr.entries {
            let at = format!("{}.{}.{}.{}", pr.id, e.practice, e.level, e.scope.id());
            out.push((format!("{at}.guidance"), e.guidance.clone()));
            for (i, a) in e.actions.iter().enumerate() {
                out.push((format!("{at}.actions[{i}]"), a.clone()));
            }
            for ind in &e.indicators {
                out.push((ind.id.clone(), ind.text.clone()));
            }
        }
        for t in &pr.suggested_targets {
            out.push((format!("{}.suggested_targets.{}", pr.id, t.practice), t.rationale.clone()));
        }
    }
    for m in Mapping::builtin_all() {
        out.push((format!("{}.about", m.id), m.about.clone()));
        for r in &m.rows {
            out.push((format!("{} {} L{} {}", m.id, r.practice, r.level, r.requirement), r.rationale.clone()));
        }
    }
    out
}

/// Each match of `pattern` in every text, as (where, the whole match, the first group).
fn matches(pattern: &str) -> Vec<(String, String, String)> {
    let re = Regex::new(pattern).expect("pattern");
    let mut out = Vec::new();
    for (at, text) in texts() {
        for c in re.captures_iter(&text) {
            let group = c.get(1).map_or("", |m| m.as_str()).to_string();
            out.push((at.clone(), c[0].to_string(), group));
        }
    }
    out
}

fn framework(id: &str) -> &'static Framework {
    Framework::builtin(id).unwrap_or_else(|| panic!("built-in framework {id}"))
}

fn fail_if_any(what: &str, found: Vec<String>) {
    assert!(found.is_empty(), "{what}:\n{}", found.join("\n"));
}

/// Fails, saying `what`, when a match of `pattern` has a first group that `known` refuses.
fn every_named_is_known(what: &str, pattern: &str, known: impl Fn(&str) -> bool) {
    let found = matches(pattern)
        .into_iter()
        .filter(|(_, _, named)| !known(named))
        .map(|(at, m, _)| format!("{at}: {m}"))
        .collect();
    fail_if_any(what, found);
}

#[test]
fn every_62443_part_named_is_one_our_catalogue_holds() {
    let iec = framework("iec62443");
    every_named_is_known(
        "62443 parts that are not in crates/smm-core/data/frameworks/iec62443.json",
        r"62443-(\d-\d+)",
        |part| iec.group(&format!("62443-{part}")).is_some(),
    );
}

#[test]
fn every_62443_requirement_id_named_exists() {
    let iec = framework("iec62443");
    let pattern = r"\b((?:SR|CR|EDR|HDR|NDR|SAR|ZCR|SPE) \d+(?:\.\d+)?(?: RE\(\d+\))?|SP\.\d{2}\.\d{2}(?: RE\(\d+\))?|(?:SM|SR|SD|SI|SVV|DM|SUM|SG)-\d+)\b";
    every_named_is_known("62443 requirement ids that are not in our 62443 catalogue", pattern, |id| {
        iec.requirement(id).is_some() || iec.group(&format!("62443-2-4 {id}")).is_some()
    });
}

#[test]
fn every_csf_id_named_exists_in_csf_2_0() {
    let csf = framework("csf-2.0");
    every_named_is_known(
        "CSF ids that are not CSF 2.0 subcategories or categories",
        r"\b((?:GV|ID|PR|DE|RS|RC)\.[A-Z]{2}(?:-\d{2})?)\b",
        |id| csf.requirement(id).is_some() || csf.group(id).is_some(),
    );
}

#[test]
fn no_replaced_edition_or_clause_number_of_one() {
    let mut found = Vec::new();
    // Replaced editions: 62443-2-1 edition 1 (2009/2010), ISO/IEC 27001 and
    // 27002 of 2013, PA-DSS named as if current is checked below.
    for pattern in [
        r"(?i)\bedition 1\b",
        r"(?i)\bfirst edition\b",
        r"62443-2-1:20(?:09|10)",
        r"2700[12]:2013",
        // Clause numbers four deep (4.3.3.3) are edition-1 62443-2-1 clauses; ours has none.
        r"\b\d+\.\d+\.\d+\.\d+\b",
        // NIS 1 wording for the entities NIS2 covers.
        r"(?i)operators of essential services",
    ] {
        found.extend(matches(pattern).into_iter().map(|(at, m, _)| format!("{at}: `{m}`")));
    }
    fail_if_any("replaced editions, edition-1 clause numbers or NIS 1 wording", found);
}

#[test]
fn every_iso_27001_edition_named_is_2022() {
    every_named_is_known("ISO/IEC 27001/27002 editions other than 2022", r"ISO/IEC 2700[12]:(\d{4})", |year| {
        year == "2022"
    });
}

/// The regulations and payment programmes named, each of which must have its
/// source in `docs/sources.md`, as the key the file lists it under.
const CITED: &[(&str, &str)] = &[
    (r"\bNIS ?2\b", "NIS2"),
    (r"Cyber Resilience Act|\bCRA\b", "Cyber Resilience Act"),
    (r"Radio Equipment Directive|2022/30\b", "Radio Equipment Directive"),
    (r"PCI DSS", "PCI DSS"),
    (r"\bPTS\b", "PTS POI"),
    (r"Secure Software Standard", "Secure Software Standard"),
    (r"PA-DSS", "PA-DSS"),
    (r"\bMPoC\b", "MPoC"),
    (r"PCI PIN", "PCI PIN"),
];

#[test]
fn every_regulation_and_payment_programme_named_has_a_source() {
    let sources = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../docs/sources.md"))
        .expect("docs/sources.md");
    let mut found = Vec::new();
    for (pattern, key) in CITED {
        let named = matches(pattern);
        if let Some((at, m, _)) = named.first() {
            if !sources.contains(key) {
                found.push(format!("{at} names `{m}`, but docs/sources.md has no source for {key}"));
            }
        }
    }
    fail_if_any("regulations or programmes without a source", found);
}

#[test]
fn every_pci_dss_version_named_is_the_current_one_or_said_retired() {
    let found = matches(r"PCI DSS (?:v|version )?(\d\.\d(?:\.\d)?)")
        .into_iter()
        .filter(|(at, _, v)| {
            v != "4.0.1" && !texts().iter().any(|(w, t)| w == at && (t.contains("retired") || t.contains("no longer")))
        })
        .map(|(at, m, _)| format!("{at}: {m}"))
        .collect();
    fail_if_any("PCI DSS versions other than v4.0.1 that are not said to be retired", found);
}

#[test]
fn the_checks_catch_what_they_guard_against() {
    let iec = framework("iec62443");
    assert!(iec.group("62443-2-1").is_some() && iec.group("62443-1-1").is_none());
    assert!(iec.requirement("SR 1.1").is_some() && iec.requirement("SR 9.9").is_none());
    let csf = framework("csf-2.0");
    assert!(csf.requirement("PR.AA-01").is_some() && csf.requirement("PR.AC-01").is_none());
    let four_deep = Regex::new(r"\b\d+\.\d+\.\d+\.\d+\b").unwrap();
    assert!(four_deep.is_match("IEC 62443-2-1 4.3.3.3 asks for physical security"));
    assert!(!four_deep.is_match("PCI DSS v4.0.1 requirement 8.4.2"));
    let ids = Regex::new(r"\b((?:GV|ID|PR|DE|RS|RC)\.[A-Z]{2}(?:-\d{2})?)\b").unwrap();
    assert_eq!(&ids.captures("see PR.AC-01 there").unwrap()[1], "PR.AC-01");
}
