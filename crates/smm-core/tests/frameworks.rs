//! Invariants of the framework catalogues and their indicative mappings (NIST
//! CSF 2.0, ISO/IEC 27001:2022 Annex A, ISA/IEC 62443): ids and titles as in the
//! reference lists, every practice and level mapped, rationales reasoned from the
//! level; the version 1 mapping migration; coverage and crosswalk figures.

use std::collections::HashSet;

use smm_core::engine::gap_analysis;
use smm_core::framework::{parse_framework, Framework};
use smm_core::mapping::{crosswalk, group_coverage, implied_requirements, parse_mapping, requirements_md, Mapping};
use smm_core::{Catalogue, Level, PracticeResult, Role, Scope, Target};

fn cat() -> &'static Catalogue {
    Catalogue::builtin()
}

/// `| id | text |` rows of a reference table whose first cell satisfies `is_id`.
fn table_rows(text: &str, is_id: impl Fn(&str) -> bool) -> Vec<(String, String)> {
    text.lines()
        .filter_map(|l| {
            let cells: Vec<&str> = l.trim().strip_prefix('|')?.split('|').map(str::trim).collect();
            (cells.len() >= 2 && is_id(cells[0])).then(|| (cells[0].to_string(), cells[1].to_string()))
        })
        .collect()
}

#[test]
fn csf_ids_and_statements_are_those_of_the_reference() {
    let reference = include_str!("reference/nist-csf-2.md");
    let is_sub = |s: &str| s.len() == 8 && s.as_bytes()[2] == b'.' && s.as_bytes()[5] == b'-';
    let want: Vec<(String, String)> = table_rows(reference, is_sub);
    assert_eq!(want.len(), 106, "the reference lists 106 subcategories");
    let f = Framework::builtin("csf-2.0").unwrap();
    assert_eq!(f.problems(), vec![]);
    let got: Vec<(String, String)> = f.requirements.iter().map(|r| (r.id.clone(), r.title.clone())).collect();
    assert_eq!(got, want, "ids, order and NIST statements as in the reference");
    assert_eq!(f.groups.iter().filter(|g| g.parent.is_none()).count(), 6, "six functions");
    assert_eq!(f.groups.iter().filter(|g| g.parent.is_some()).count(), 22, "22 categories");
    for r in &f.requirements {
        assert_eq!(f.top_group(r).unwrap().id, r.id[..2], "{} sits under its function", r.id);
        assert_eq!(r.group, r.id[..5], "{} sits in its category", r.id);
    }
}

#[test]
fn iso_ids_and_short_titles_are_those_of_the_reference() {
    let whole = include_str!("reference/iso27001-2022.md");
    // Only the Annex A table (other sections list some controls again).
    let start = whole.find("## Annex A controls (93)").expect("the Annex A section");
    let reference = &whole[start..];
    let reference = &reference[..reference[3..].find("\n## ").map_or(reference.len(), |i| i + 3)];
    let is_control = |s: &str| {
        s.split_once('.').is_some_and(|(a, b)| {
            ["5", "6", "7", "8"].contains(&a) && !b.is_empty() && b.bytes().all(|x| x.is_ascii_digit())
        })
    };
    let want: Vec<(String, String)> = table_rows(reference, is_control);
    assert_eq!(want.len(), 93, "the reference lists 93 Annex A controls");
    let f = Framework::builtin("iso27001-2022").unwrap();
    assert_eq!(f.problems(), vec![]);
    let got: Vec<(String, String)> = f.requirements.iter().map(|r| (r.id.clone(), r.title.clone())).collect();
    assert_eq!(got, want, "ids and short titles only, as in the reference");
    assert_eq!(f.groups.len(), 4, "four themes");
    for r in &f.requirements {
        assert!(r.title.split_whitespace().count() <= 12, "{}: a short title, never the control text", r.id);
    }
}

/// Why `text` is not a full sentence reasoned from level `level`, if it is not.
fn rationale_problem(text: &str, level: Level) -> Option<String> {
    let t = text.trim();
    if !t.starts_with(&format!("Level {level} ")) {
        return Some("does not start from what the level asks".into());
    }
    if !t.ends_with('.') || t.split_whitespace().count() < 8 {
        return Some("is not a full sentence of eight words or more".into());
    }
    let lower = t.to_lowercase();
    for claim in ["security level", "implementation tier", "csf tier", "maturity level of iso"] {
        if lower.contains(claim) {
            return Some(format!("argues from a {claim}"));
        }
    }
    None
}

#[test]
fn every_builtin_mapping_is_sound_complete_and_reasoned_from_the_level() {
    assert!(rationale_problem("Level 2 tracks advisories for the main systems of the site.", Level::new(3).unwrap())
        .is_some());
    assert!(rationale_problem("Level 2 maps to SL 2, the security level it needs.", Level::new(2).unwrap()).is_some());
    assert_eq!(Mapping::builtin_all().len(), 3);
    for f in Framework::builtin_all() {
        let m = Mapping::builtin_for(&f.id).unwrap_or_else(|| panic!("no mapping for {}", f.id));
        assert_eq!(m.problems(cat(), f), vec![], "{}", m.id);
        assert!(
            m.about.to_lowercase().contains("indicative") && m.name.contains("SMM Navigator"),
            "{}: labelled as ours",
            m.id
        );
        let mut problems = Vec::new();
        for p in &cat().practices {
            for level in Level::GRADED {
                if !m.rows.iter().any(|r| r.practice == p.id && r.level == level) {
                    problems.push(format!("{}: no row for {} level {level}", m.id, p.id));
                }
            }
        }
        for (i, r) in m.rows.iter().enumerate() {
            if let Some(why) = rationale_problem(&r.rationale, r.level) {
                problems.push(format!("{} rows[{i}] rationale {why}: {}", m.id, r.rationale));
            }
        }
        assert!(problems.is_empty(), "{}", problems.join("\n"));
        // CSF and ISO apply to every role: their rows name none.
        if !f.has_roles() {
            assert!(m.rows.iter().all(|r| r.role.is_none()), "{}", m.id);
        }
    }
}

#[test]
fn a_version_1_mapping_migrates_without_losing_anything() {
    let v1 = include_bytes!("../../../tests/fixtures/mapping-v1.json");
    let text = std::str::from_utf8(v1).unwrap();
    assert!(text.contains("\"version\": 1") && text.contains("\"part\""), "the fixture is a version 1 file");
    let migrated = parse_mapping(v1, cat(), Framework::iec62443()).unwrap();
    assert_eq!(migrated.version, 2);
    // The fixture is the released version 1 file, frozen: the migration keeps
    // every one of its rows, roles and rationales (the shipped mapping has
    // moved on since, so it is compared with its own rows, not with today's).
    let raw: serde_json::Value = serde_json::from_str(text).unwrap();
    let rows = raw["rows"].as_array().unwrap();
    assert_eq!(migrated.rows.len(), rows.len(), "every row survives");
    for (r, m) in rows.iter().zip(&migrated.rows) {
        assert_eq!(r["practice"], m.practice.as_str());
        assert_eq!(r["level"], m.level.get());
        assert_eq!(r["role"], m.role.map_or("", |x| x.id()));
        assert_eq!(r["requirement"], m.requirement.as_str());
        assert_eq!(r["rationale"], m.rationale.as_str());
    }
    for key in ["id", "name", "about"] {
        assert_eq!(raw[key], serde_json::to_value(&migrated).unwrap()[key], "{key}");
    }
    // A version 1 file is a 62443 mapping, not one for another framework.
    let err = parse_mapping(v1, cat(), Framework::builtin("csf-2.0").unwrap()).unwrap_err();
    assert_eq!(err.problems[0].path, "version", "{err}");
}

#[test]
fn a_user_framework_and_mapping_work_like_the_builtin_ones() {
    let mut f = Framework::builtin("iso27001-2022").unwrap().clone();
    f.id = "our-controls".into();
    f.name = "Our control set".into();
    let f = parse_framework(serde_json::to_string(&f).unwrap().as_bytes()).unwrap();
    let mut m = Mapping::builtin_for("iso27001-2022").unwrap().clone();
    m.id = "our-mapping".into();
    m.framework = "our-controls".into();
    let bytes = serde_json::to_string(&m).unwrap();
    let m = parse_mapping(bytes.as_bytes(), cat(), &f).unwrap();
    // The same file is refused against a framework it does not name.
    let err = parse_mapping(bytes.as_bytes(), cat(), Framework::builtin("csf-2.0").unwrap()).unwrap_err();
    assert_eq!(err.problems[0].path, "framework");
    let a = assessment();
    assert_eq!(
        implied_requirements(&f, &m, &gap_analysis(cat(), &a), None),
        implied_requirements(
            Framework::builtin("iso27001-2022").unwrap(),
            Mapping::builtin_for("iso27001-2022").unwrap(),
            &gap_analysis(cat(), &a),
            None
        )
    );
}

/// Access control targeted at 3 and achieved at 1; threat modeling targeted at 2, not assessed.
fn assessment() -> smm_core::Assessment {
    let mut a = smm_core::Assessment::new("t", "T", Role::ProductSupplier);
    a.targets.insert("access-control".into(), Target::new(Level::new(3).unwrap(), Scope::General));
    a.targets.insert("threat-modeling".into(), Target::new(Level::new(2).unwrap(), Scope::General));
    let p = cat().practice("access-control").unwrap();
    a.results.insert(
        "access-control".into(),
        PracticeResult {
            indicators_met: p.indicators().filter(|(l, _)| l.level.get() <= 1).map(|(_, i)| i.id.clone()).collect(),
            ..Default::default()
        },
    );
    a
}

#[test]
fn coverage_per_group_and_the_crosswalk_add_up_to_the_implied_requirements() {
    let a = assessment();
    for f in Framework::builtin_all() {
        let m = Mapping::builtin_for(&f.id).unwrap();
        let role = f.has_roles().then_some(a.metadata.role);
        let list = implied_requirements(f, m, &gap_analysis(cat(), &a), role);
        assert!(!list.is_empty(), "{}: two targets imply something", f.id);
        // Only the two targeted practices, at their target level or below.
        for r in &list {
            for s in &r.sources {
                let t = if s.practice == "access-control" { 3 } else { 2 };
                assert!(["access-control", "threat-modeling"].contains(&s.practice.as_str()) && s.level.get() <= t);
                assert_eq!(
                    s.covered,
                    s.practice == "access-control" && s.level.get() <= 1,
                    "{}: {}",
                    f.id,
                    r.requirement
                );
            }
        }
        let coverage = group_coverage(f, &list);
        let tops: Vec<_> = coverage.iter().filter(|g| g.depth == 0).collect();
        assert_eq!(
            tops.iter().map(|g| g.implied).sum::<usize>(),
            list.len(),
            "{}: every requirement in one top group",
            f.id
        );
        assert_eq!(tops.iter().map(|g| g.covered).sum::<usize>(), list.iter().filter(|r| r.covered).count());
        // The crosswalk: untargeted practices imply nothing; a targeted practice's
        // cells count the distinct requirements it implies.
        let matrix = crosswalk(cat(), f, m, &gap_analysis(cat(), &a), role);
        assert_eq!(matrix.len(), 18);
        for row in &matrix {
            let per_practice: HashSet<&str> = list
                .iter()
                .filter(|r| r.sources.iter().any(|s| s.practice == row.practice))
                .map(|r| r.requirement.as_str())
                .collect();
            let cells: usize = row.cells.iter().map(|c| c.implied).sum();
            assert_eq!(cells, per_practice.len(), "{}: {}", f.id, row.practice);
            assert_eq!(row.targeted, ["access-control", "threat-modeling"].contains(&row.practice.as_str()));
            if row.practice == "threat-modeling" {
                assert!(row.cells.iter().all(|c| c.covered == 0), "nothing assessed, nothing covered");
            }
        }
        let md = requirements_md(cat(), f, m, &list, &coverage);
        assert!(md.contains(&f.name) && md.contains(&m.name) && md.contains("| group | implied | covered |"));
    }
}

#[test]
fn a_framework_without_roles_reads_the_same_for_every_role() {
    let f = Framework::builtin("csf-2.0").unwrap();
    let m = Mapping::builtin_for("csf-2.0").unwrap();
    let mut a = assessment();
    let any = implied_requirements(f, m, &gap_analysis(cat(), &a), None);
    a.metadata.role = Role::AssetOwner;
    assert_eq!(implied_requirements(f, m, &gap_analysis(cat(), &a), Some(Role::ServiceProvider)), any);
}

#[test]
fn the_builtin_file_list_names_each_framework_and_its_mapping() {
    let data = concat!(env!("CARGO_MANIFEST_DIR"), "/data");
    let ids: Vec<&str> = Framework::builtin_all().iter().map(|f| f.id.as_str()).collect();
    assert_eq!(smm_core::framework::BUILTIN_FILES.map(|(id, _, _)| id).to_vec(), ids);
    for (id, framework, mapping) in smm_core::framework::BUILTIN_FILES {
        let f = parse_framework(&std::fs::read(format!("{data}/{framework}")).unwrap()).unwrap();
        assert_eq!(f.id, id);
        let m = parse_mapping(&std::fs::read(format!("{data}/{mapping}")).unwrap(), cat(), &f).unwrap();
        assert_eq!(&m, Mapping::builtin_for(id).unwrap());
    }
}

/// `data/builtin.json` is the one list of shipped data: every framework,
/// mapping and profile file in `data/` is in it, and everything in it exists.
#[test]
fn every_shipped_data_file_is_in_the_one_list_and_nothing_else() {
    let data = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
    let mut on_disk: Vec<String> = ["frameworks", "mappings", "profiles"]
        .iter()
        .flat_map(|dir| {
            std::fs::read_dir(data.join(dir))
                .unwrap()
                .map(move |e| format!("{dir}/{}", e.unwrap().file_name().to_string_lossy()))
        })
        .collect();
    let mut listed: Vec<String> = smm_core::framework::BUILTIN_FILES
        .iter()
        .flat_map(|(_, f, m)| [f.to_string(), m.to_string()])
        .chain(smm_core::profile::BUILTIN_PROFILE_FILES.iter().map(|(_, p)| p.to_string()))
        .collect();
    on_disk.sort();
    listed.sort();
    assert_eq!(listed, on_disk);
    let ids: Vec<&str> = smm_core::profile::Profile::builtin_all().iter().map(|p| p.id.as_str()).collect();
    assert_eq!(smm_core::profile::BUILTIN_PROFILE_FILES.map(|(id, _)| id).to_vec(), ids);
}
