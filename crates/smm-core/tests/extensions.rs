//! Invariants of the 62443 catalogue, the shipped profile and the shipped 62443
//! mapping; the requirement views; hostile profile and mapping files.

use std::collections::HashSet;

use smm_core::engine::gap_analysis;
use smm_core::framework::Framework;
use smm_core::iec62443::{part_of, well_formed};
use smm_core::mapping::{implied_requirements, parse_mapping, requirements_csv, rows_for_requirement, Mapping};
use smm_core::profile::{derived_scope, parse_profile, Profile};
use smm_core::{parse_assessment, Catalogue, Level, PracticeResult, Role, Scope, Target};

fn cat() -> &'static Catalogue {
    Catalogue::builtin()
}

fn iec() -> &'static Framework {
    Framework::iec62443()
}

/// The 62443 part of a requirement (the top-level group of the 62443 catalogue).
fn part(id: &str) -> &'static str {
    part_of(iec(), id).unwrap_or("")
}

/// The second-tier group of a requirement without its part, e.g. `FR 1` or `SM`.
fn subgroup(r: &smm_core::framework::Requirement) -> Option<String> {
    let p = part(&r.id);
    r.group.strip_prefix(&format!("{p} ")).map(str::to_string)
}

#[test]
fn the_62443_catalogue_is_sound() {
    let iec = iec();
    assert_eq!(iec.problems(), vec![]);
    let count = |p: &str| iec.requirements.iter().filter(|r| part(&r.id) == p).count();
    assert_eq!(count("62443-4-1"), 47, "4-1 has 47 requirements");
    assert!(count("62443-3-3") >= 51 && count("62443-4-2") >= 51 && count("62443-2-4") >= 50);
    assert_eq!(count("62443-2-1"), 8);
    let frs: HashSet<String> = iec.requirements.iter().filter_map(subgroup).filter(|g| g.starts_with("FR ")).collect();
    assert_eq!(frs.len(), 7, "seven foundational requirements");
    let sr11 = iec.requirement("SR 1.1").unwrap();
    assert_eq!((subgroup(sr11).as_deref(), sr11.min_sl), (Some("FR 1"), Some(1)));
    // Parts keep their editions and roles.
    let p33 = iec.group("62443-3-3").unwrap();
    assert_eq!(p33.edition.as_deref(), Some("2013"));
    assert_eq!(p33.roles, vec![Role::AssetOwner, Role::ProductSupplier]);
    assert!(
        iec.caution.as_deref().is_some_and(|c| c.contains("not SL 3")),
        "the two-scales note travels with the data"
    );
    assert_eq!(iec.requirement("SR 1.1 RE(1)").unwrap().parent.as_deref(), Some("SR 1.1"));
    for bad in [
        ("62443-3-3", "SR1.1"),
        ("62443-3-3", "CR 1.1"),
        ("62443-4-1", "SM 1"),
        ("62443-2-4", "SP.1"),
        ("62443-3-3", "SR 1.1 RE(x)"),
    ] {
        assert!(!well_formed(bad.0, bad.1), "{bad:?}");
    }
}

#[test]
fn the_retail_profile_is_sound_and_covers_all_practices() {
    let p = Profile::builtin("retail-pos").unwrap();
    assert_eq!(p.problems(cat()), vec![]);
    let practices: HashSet<&str> = p.entries.iter().map(|e| e.practice.as_str()).collect();
    assert_eq!(practices.len(), 18, "guidance for every practice");
    assert_eq!(p.suggested_targets.len(), 18);
    assert!(p.about.to_lowercase().contains("not the official"), "labelled as our own: {}", p.about);
    assert!(
        p.suggested_targets.iter().filter(|t| t.level == Level::MAX).count() <= 4,
        "fit for need, not 4 everywhere"
    );
    let text = serde_json::to_string(p).unwrap();
    assert!(text.contains("PCI"));
}

#[test]
fn the_indicative_mapping_is_sound_and_complete() {
    let m = Mapping::builtin();
    assert_eq!(m.problems(cat(), iec()), vec![]);
    assert!(m.about.to_lowercase().contains("indicative"));
    let parts = |role: Role| -> &'static [&'static str] {
        match role {
            Role::AssetOwner => &["62443-2-1", "62443-3-2", "62443-3-3"],
            Role::ProductSupplier => &["62443-4-1", "62443-4-2"],
            Role::ServiceProvider => &["62443-2-4"],
        }
    };
    for p in &cat().practices {
        for level in Level::GRADED {
            for role in Role::ALL {
                let rows: Vec<_> =
                    m.rows.iter().filter(|r| r.practice == p.id && r.level == level && r.role == Some(role)).collect();
                assert!(!rows.is_empty(), "no row for {} level {level} {}", p.id, role.id());
                for r in rows {
                    let at = part(&r.requirement);
                    assert!(parts(role).contains(&at), "{} {level} {}: part {at}", p.id, role.id());
                }
            }
        }
    }
}

#[test]
fn implied_requirements_include_lower_levels_and_mark_coverage() {
    let c = cat();
    let iec = iec();
    let m = Mapping::builtin();
    let mut a = smm_core::Assessment::new("t", "T", Role::AssetOwner);
    a.targets.insert("access-control".into(), Target::new(Level::new(3).unwrap(), Scope::General));
    let p = c.practice("access-control").unwrap();
    a.results.insert(
        "access-control".into(),
        PracticeResult {
            indicators_met: p.indicators().filter(|(l, _)| l.level.get() <= 1).map(|(_, i)| i.id.clone()).collect(),
            ..Default::default()
        },
    );
    let list = implied_requirements(iec, m, &gap_analysis(c, &a), Some(Role::AssetOwner));
    let rows: Vec<_> =
        m.rows.iter().filter(|r| r.practice == "access-control" && r.role == Some(Role::AssetOwner)).collect();
    let want: HashSet<&str> = rows.iter().filter(|r| r.level.get() <= 3).map(|r| r.requirement.as_str()).collect();
    let got: HashSet<&str> = list.iter().map(|r| r.requirement.as_str()).collect();
    assert_eq!(got, want, "levels 1 to 3, not 4");
    for r in &list {
        let lowest = r.sources.iter().map(|s| s.level.get()).max().unwrap();
        assert_eq!(r.covered, lowest <= 1, "{}: covered only up to the achieved level 1", r.requirement);
    }
    // Not applicable implies nothing.
    a.targets.get_mut("access-control").unwrap().not_applicable = Some(smm_core::NotApplicable { reason: "x".into() });
    assert!(implied_requirements(iec, m, &gap_analysis(c, &a), Some(Role::AssetOwner)).is_empty());
    // Reverse view and CSV.
    let any = &m.rows[0];
    assert!(rows_for_requirement(m, &any.requirement).iter().any(|r| r.practice == any.practice));
    let csv = requirements_csv(c, m, &list);
    assert!(csv.starts_with('\u{FEFF}'));
    // Every row names the mapping, and the shipped one says it is indicative.
    assert!(csv.lines().next().unwrap().ends_with(",mapping"));
    for line in csv.lines().skip(1) {
        assert!(line.contains("Indicative SMM to ISA/IEC 62443 mapping (SMM Navigator)"), "{line}");
    }
}

#[test]
fn profile_indicators_give_the_result_its_scope() {
    let p = Profile::builtin("retail-pos").unwrap();
    let e = p.entries.iter().find(|e| e.scope == Scope::Industry).unwrap();
    let mut r = PracticeResult::default();
    let lvl = e.level;
    assert_eq!(derived_scope(&e.practice, lvl, smm_core::Role::AssetOwner, &r, &[p]), Some(Scope::General));
    for entry in p.entries_for(&e.practice).filter(|x| x.scope == Scope::Industry && x.level <= lvl) {
        r.indicators_met.extend(entry.indicators.iter().map(|i| i.id.clone()));
    }
    assert_eq!(derived_scope(&e.practice, lvl, smm_core::Role::AssetOwner, &r, &[p]), Some(Scope::Industry));
    assert_eq!(derived_scope(&e.practice, lvl, smm_core::Role::AssetOwner, &r, &[]), None);
}

#[test]
fn an_assessment_using_the_profile_validates_its_indicators() {
    let base = include_str!("../../../examples/bottling-line-asset-owner.smm.json");
    let p = Profile::builtin("retail-pos").unwrap();
    let e = &p.entries[0];
    let mut v: serde_json::Value = serde_json::from_str(base).unwrap();
    v["results"][&e.practice]["indicators_met"].as_array_mut().unwrap().push(e.indicators[0].id.clone().into());
    let err = parse_assessment(v.to_string().as_bytes(), cat()).unwrap_err().to_string();
    assert!(err.contains("which this assessment does not use"), "{err}");
    v["profiles"] = serde_json::json!(["retail-pos"]);
    parse_assessment(v.to_string().as_bytes(), cat()).unwrap();
    v["results"][&e.practice]["indicators_met"]
        .as_array_mut()
        .unwrap()
        .push(format!("retail-pos.{}.1.industry.z", e.practice).into());
    let err = parse_assessment(v.to_string().as_bytes(), cat()).unwrap_err().to_string();
    assert!(err.contains("in profile `retail-pos`"), "{err}");
}

#[test]
fn hostile_profiles_and_mappings_are_refused_with_paths() {
    let c = cat();
    let iec = iec();
    let profile = serde_json::to_value(Profile::builtin("retail-pos").unwrap()).unwrap();
    let mapping = serde_json::to_value(Mapping::builtin()).unwrap();
    let with = |base: &serde_json::Value, pointer: &str, v: serde_json::Value| {
        let mut x = base.clone();
        *x.pointer_mut(pointer).unwrap() = v;
        x.to_string()
    };
    let profile_cases = [
        (String::new(), "", "the file is empty"),
        ("[]".to_string(), "", "a JSON array"),
        (with(&profile, "/format", "smm-navigator/assessment".into()), "format", "not \"smm-navigator/profile\""),
        (with(&profile, "/version", 3.into()), "version", "reads versions 1 to 2"),
        (with(&profile, "/entries/0/practice", "time-travel".into()), "entries[0].practice", "unknown practice id"),
        (with(&profile, "/entries/0/scope", "general".into()), "entries[0].scope", "general scope is the base model"),
        (with(&profile, "/entries/0/level", 7.into()), "entries[0].level", "level 7 is out of range"),
        (with(&profile, "/entries/0/indicators/0/id", "x".into()), "entries[0].indicators[0].id", "should look like"),
        (with(&profile, "/entries/0/guidance", "<b>\u{7}</b>".into()), "entries[0].guidance", "control character"),
        (with(&profile, "/id", "Retail POS".into()), "id", "lowercase words"),
    ];
    for (text, path, needle) in &profile_cases {
        let err = parse_profile(text.as_bytes(), c).unwrap_err();
        assert!(err.to_string().contains(needle), "profile: expected `{needle}` in `{err}`");
        assert_eq!(&err.problems[0].path, path, "profile: {err}");
    }
    let mapping_cases = [
        (with(&mapping, "/rows/0/requirement", "SR 99.9".into()), "rows[0].requirement", "unknown requirement id"),
        (with(&mapping, "/framework", "csf-2.0".into()), "framework", "not `iec62443`"),
        (with(&mapping, "/rows/0/level", 0.into()), "rows[0].level", "from 1 to 4"),
        (with(&mapping, "/rows/0/role", "regulator".into()), "rows[0].role", "unknown variant"),
        (with(&mapping, "/rows/0/rationale", "".into()), "rows[0].rationale", "one-line rationale"),
        (with(&mapping, "/rows/0/practice", "nothing".into()), "rows[0].practice", "unknown practice id"),
        (with(&mapping, "/format", "x".into()), "format", "not \"smm-navigator/mapping\""),
        ("{\"format\":\"smm-navigator/mapping\",\"version\":2,\"format\":1}".to_string(), "format", "appears twice"),
    ];
    for (text, path, needle) in &mapping_cases {
        let err = parse_mapping(text.as_bytes(), c, iec).unwrap_err();
        assert!(err.to_string().contains(needle), "mapping: expected `{needle}` in `{err}`");
        assert_eq!(&err.problems[0].path, path, "mapping: {err}");
    }
    // A valid user mapping (the shipped one, renamed) is accepted.
    let own = with(&mapping, "/id", "official-tables".into());
    assert_eq!(parse_mapping(own.as_bytes(), c, iec).unwrap().id, "official-tables");
}

fn corpus(dir: &str, read: impl Fn(&[u8]) -> Result<(), smm_core::DocumentError>) {
    let base = format!("{}/../../tests/fixtures/{dir}", env!("CARGO_MANIFEST_DIR"));
    let expected: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(format!("{base}/expected.json")).unwrap()).unwrap();
    assert!(expected.as_object().unwrap().len() >= 15, "{dir} corpus is too small");
    for (name, want) in expected.as_object().unwrap() {
        let bytes = std::fs::read(format!("{base}/{name}")).unwrap();
        let err = read(&bytes).expect_err(name);
        let message = want["message"].as_str().unwrap();
        assert!(err.to_string().contains(message), "{dir}/{name}: expected `{message}` in `{err}`");
        let path = want["path"].as_str().unwrap();
        let got = &err.problems[0].path;
        let ok = match path.strip_suffix('[') {
            Some(prefix) => got.starts_with(&format!("{prefix}[")),
            None => got == path,
        };
        assert!(ok, "{dir}/{name}: path `{got}` instead of `{path}` ({err})");
    }
}

#[test]
fn the_hostile_profile_and_mapping_corpora_are_refused() {
    corpus("hostile-profiles", |b| parse_profile(b, cat()).map(|_| ()));
    corpus("hostile-mappings", |b| parse_mapping(b, cat(), iec()).map(|_| ()));
    corpus("hostile-frameworks", |b| smm_core::framework::parse_framework(b).map(|_| ()));
}

/// Requirements that 62443-4-2 defines only per component type (software
/// application, embedded, host and network device), never as a general CR:
/// the number and the component types that carry it.
const COMPONENT_TYPE_ONLY: &[(&str, &[&str])] = &[
    ("1.6", &["NDR"]),
    ("1.13", &["NDR"]),
    ("2.4", &["SAR", "EDR", "HDR", "NDR"]),
    ("2.13", &["EDR", "HDR", "NDR"]),
    ("3.2", &["SAR", "EDR", "HDR", "NDR"]),
    ("3.10", &["EDR", "HDR", "NDR"]),
    ("3.11", &["EDR", "HDR", "NDR"]),
    ("3.12", &["EDR", "HDR", "NDR"]),
    ("3.13", &["EDR", "HDR", "NDR"]),
    ("3.14", &["EDR", "HDR", "NDR"]),
    ("5.2", &["NDR"]),
    ("5.3", &["NDR"]),
];

/// System requirements with no component-level counterpart in 62443-4-2.
const NO_COMPONENT_EQUIVALENT: &[&str] = &["2.3", "7.5"];

/// The 4-1 practices.
const PRACTICES_4_1: &[&str] = &["SM", "SR", "SD", "SI", "SVV", "DM", "SUM", "SG"];

fn number(s: &str) -> Option<u32> {
    (!s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())).then(|| s.parse().ok()).flatten()
}

/// `x.y` with x in 1..=7 (a foundational requirement) and y >= 1.
fn fr_dotted(s: &str) -> Option<(u32, u32)> {
    let (a, b) = s.split_once('.')?;
    let (a, b) = (number(a)?, number(b)?);
    ((1..=7).contains(&a) && b >= 1).then_some((a, b))
}

/// Why `id` is not a valid identifier of `part`, following the grammar of each
/// part; `None` when it is.
fn grammar_problem(part: &str, id: &str) -> Option<String> {
    let (base, re) = match id.split_once(" RE(") {
        Some((b, rest)) => match rest.strip_suffix(')').and_then(number) {
            Some(n) if n >= 1 => (b, true),
            _ => return Some(format!("`{id}`: a requirement enhancement is written RE(n)")),
        },
        None => (id, false),
    };
    let ok = match part {
        "62443-3-3" => base.strip_prefix("SR ").and_then(fr_dotted).is_some(),
        "62443-4-2" => {
            let Some((kind, num)) = base.split_once(' ') else { return Some(format!("`{id}`: no component prefix")) };
            if fr_dotted(num).is_none() {
                return Some(format!("`{id}`: not CR/SAR/EDR/HDR/NDR x.y"));
            }
            match kind {
                "CR" if COMPONENT_TYPE_ONLY.iter().any(|(n, _)| *n == num) => {
                    return Some(format!("`{id}`: 62443-4-2 defines {num} only per component type, not as a CR"))
                }
                "CR" if NO_COMPONENT_EQUIVALENT.contains(&num) => {
                    return Some(format!("`{id}`: 62443-4-2 has no component requirement for SR {num}"))
                }
                "CR" => true,
                "SAR" | "EDR" | "HDR" | "NDR" => {
                    if !COMPONENT_TYPE_ONLY.iter().any(|(n, kinds)| *n == num && kinds.contains(&kind)) {
                        return Some(format!("`{id}`: not a component-type requirement that 62443-4-2 defines"));
                    }
                    true
                }
                _ => false,
            }
        }
        "62443-4-1" => {
            !re && base
                .split_once('-')
                .is_some_and(|(g, n)| PRACTICES_4_1.contains(&g) && number(n).is_some_and(|n| n >= 1))
        }
        "62443-2-4" => {
            !re && base.strip_prefix("SP.").is_some_and(|s| {
                s.split_once('.')
                    .is_some_and(|(a, b)| a.len() == 2 && b.len() == 2 && number(a).is_some() && number(b).is_some())
            })
        }
        "62443-2-1" => !re && base.strip_prefix("SPE ").and_then(number).is_some_and(|n| (1..=8).contains(&n)),
        "62443-3-2" => !re && base.strip_prefix("ZCR ").and_then(number).is_some_and(|n| (1..=7).contains(&n)),
        _ => return Some(format!("`{id}`: unknown part {part}")),
    };
    (!ok).then(|| format!("`{id}` does not follow the identifier grammar of {part}"))
}

#[test]
fn the_identifier_grammar_refuses_what_it_guards_against() {
    for (part, id) in [
        ("62443-4-2", "CR 3.14"),
        ("62443-4-2", "CR 2.13 RE(1)"),
        ("62443-4-2", "CR 5.2"),
        ("62443-4-2", "CR 2.3"),
        ("62443-4-2", "EDR 5.2"),
        ("62443-4-2", "SAR 3.12"),
        ("62443-4-2", "XDR 1.1"),
        ("62443-3-3", "SR 8.1"),
        ("62443-3-3", "SR 1.1 RE(0)"),
        ("62443-4-1", "XX-1"),
        ("62443-2-4", "SP.1.01"),
        ("62443-2-1", "SPE 9"),
        ("62443-2-1", "ORG 1.1"),
        ("62443-3-2", "ZCR 8"),
        ("62443-9-9", "SR 1.1"),
    ] {
        assert!(grammar_problem(part, id).is_some(), "{part} {id} accepted");
    }
    for (part, id) in [
        ("62443-4-2", "CR 1.1 RE(2)"),
        ("62443-4-2", "NDR 1.13"),
        ("62443-4-2", "EDR 3.14 RE(1)"),
        ("62443-3-3", "SR 7.8"),
        ("62443-4-1", "SVV-5"),
        ("62443-2-4", "SP.12.02"),
        ("62443-2-1", "SPE 8"),
        ("62443-3-2", "ZCR 7"),
    ] {
        assert_eq!(grammar_problem(part, id), None, "{part} {id}");
    }
}

#[test]
fn every_62443_id_follows_the_grammar_of_its_part() {
    let iec = iec();
    let mut problems: Vec<String> =
        iec.requirements.iter().filter_map(|r| grammar_problem(part(&r.id), &r.id)).collect();
    for r in &iec.requirements {
        assert!(well_formed(part(&r.id), &r.id), "the core's check refuses {}", r.id);
        // The foundational requirement agrees with the number, where the part has them.
        if let Some(g) = subgroup(r) {
            if g.starts_with("FR ") {
                let num = r.id.split(' ').nth(1).and_then(|n| n.split('.').next()).unwrap_or("");
                if g != format!("FR {num}") {
                    problems.push(format!("`{}` names {g}", r.id));
                }
            } else if part(&r.id) == "62443-4-1" && !r.id.starts_with(&format!("{g}-")) {
                problems.push(format!("`{}` is filed in group {g}", r.id));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    // 62443-2-1 is present only as whole programme elements, and says so.
    for r in iec.requirements.iter().filter(|r| part(&r.id) == "62443-2-1") {
        assert!(r.title.ends_with("(element-level reference)"), "{}: {}", r.id, r.title);
    }
    assert_eq!(iec.requirements.iter().filter(|r| part(&r.id) == "62443-3-2").count(), 7, "ZCR 1 to ZCR 7");
    assert!(well_formed("62443-3-2", "ZCR 3") && !well_formed("62443-3-2", "ZCR 3 RE(1)"));
}

#[test]
fn every_mapping_row_points_to_a_well_formed_id_in_the_62443_data() {
    let mut problems = Vec::new();
    for (i, r) in Mapping::builtin().rows.iter().enumerate() {
        match iec().requirement(&r.requirement) {
            None => problems.push(format!("rows[{i}]: `{}` is not in the 62443 data", r.requirement)),
            Some(_) => {
                if let Some(p) = grammar_problem(part(&r.requirement), &r.requirement) {
                    problems.push(format!("rows[{i}]: {p}"));
                }
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// Why `text` is not at least one full sentence, if it is not.
fn sentence_problem(text: &str) -> Option<&'static str> {
    let t = text.trim();
    if !t.chars().next().is_some_and(char::is_uppercase) {
        return Some("does not start with a capital letter");
    }
    if !t.ends_with(['.', '!', '?']) {
        return Some("does not end with a full stop");
    }
    if t.split_whitespace().count() < 8 {
        return Some("is shorter than a sentence of eight words");
    }
    None
}

#[test]
fn every_mapping_rationale_is_a_full_sentence_reasoned_from_the_level() {
    for bad in ["", "remote access", "Remote access into plants", "Tackles remote access."] {
        assert!(sentence_problem(bad).is_some(), "accepted: {bad:?}");
    }
    let mut problems = Vec::new();
    for (i, r) in Mapping::builtin().rows.iter().enumerate() {
        if let Some(p) = sentence_problem(&r.rationale) {
            problems.push(format!("rows[{i}] rationale {p}: {}", r.rationale));
        }
        // The shipped rows say what the level asks for, never a security level.
        if !r.rationale.starts_with(&format!("Level {} ", r.level)) {
            problems
                .push(format!("rows[{i}] rationale does not start from what level {} asks: {}", r.level, r.rationale));
        }
        let lower = r.rationale.to_lowercase();
        if lower.contains("security level") || lower.contains(" sl ") || lower.contains(" sl1") || lower.contains("(sl")
        {
            problems.push(format!("rows[{i}] rationale argues from a security level: {}", r.rationale));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// Governance rows that point at technical requirements (3-3 or 4-2), each
/// reviewed for a rationale that says why; a new one must be added here on purpose.
const GOVERNANCE_TECHNICAL: &[(&str, u8, &str)] = &[
    ("compliance-management", 3, "SR 7.6"),
    ("compliance-management", 4, "SR 7.6 RE(1)"),
    ("product-supply-chain-risk-management", 2, "SR 7.8"),
    ("product-supply-chain-risk-management", 3, "SR 3.4"),
    ("services-third-party-dependencies-management", 2, "SR 1.13"),
    ("services-third-party-dependencies-management", 2, "SR 1.13 RE(1)"),
    ("services-third-party-dependencies-management", 4, "SR 5.2 RE(2)"),
];

#[test]
fn governance_practices_reach_technical_requirements_only_where_reviewed() {
    let c = cat();
    let mut problems = Vec::new();
    for r in &Mapping::builtin().rows {
        let p = c.practice(&r.practice).unwrap();
        let (domain, _) = c.parents_of(p).unwrap();
        let technical = matches!(part(&r.requirement), "62443-3-3" | "62443-4-2");
        if domain.id == "governance"
            && technical
            && !GOVERNANCE_TECHNICAL.contains(&(r.practice.as_str(), r.level.get(), r.requirement.as_str()))
        {
            problems.push(format!("{} level {} -> {}: {}", r.practice, r.level, r.requirement, r.rationale));
        }
    }
    assert!(problems.is_empty(), "governance rows pointing at technical requirements:\n{}", problems.join("\n"));
    // And the reviewed list holds no row the mapping no longer has.
    let stale: Vec<_> = GOVERNANCE_TECHNICAL
        .iter()
        .filter(|(p, l, req)| {
            !Mapping::builtin().rows.iter().any(|r| r.practice == *p && r.level.get() == *l && r.requirement == *req)
        })
        .collect();
    assert!(stale.is_empty(), "GOVERNANCE_TECHNICAL lists rows the mapping no longer has: {stale:?}");
    // Zone and conduit requirements are used where they fit.
    for practice in ["threat-modeling", "risk-attitude", "asset-change-and-configuration-management"] {
        assert!(
            Mapping::builtin().rows.iter().any(|r| r.practice == practice && part(&r.requirement) == "62443-3-2"),
            "{practice} has no 62443-3-2 row"
        );
    }
}

#[test]
fn a_version_1_mapping_lists_at_most_the_cap_of_problems() {
    // Found by fuzzing: every row of a version 1 file without its part was listed.
    let row = serde_json::json!({
        "practice": "threat-modeling", "level": 1, "requirement": "SR 1.1",
        "role": "asset-owner", "rationale": "A row without its part."
    });
    let file = serde_json::json!({
        "format": "smm-navigator/mapping", "version": 1, "id": "many-rows",
        "name": "Many rows", "about": "Rows without parts.", "rows": vec![row; 340]
    });
    let e = parse_mapping(file.to_string().as_bytes(), cat(), iec()).unwrap_err();
    assert_eq!(e.problems.len(), smm_core::document::MAX_PROBLEMS);
    assert!(e.problems.iter().all(|p| p.path.ends_with(".part") && p.message.contains("must name its 62443 part")));
}
