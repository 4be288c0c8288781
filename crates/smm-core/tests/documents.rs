//! Reading assessment files: the examples, the schema, and the refusals with their JSON paths.

use smm_core::{assessment_to_json, parse_assessment, Assessment, Catalogue, Report, Role};

const BOTTLING: &str = include_str!("../../../examples/bottling-line-asset-owner.smm.json");
const CAMERA: &str = include_str!("../../../examples/home-camera-product-supplier.smm.json");

fn parse(text: &str) -> Result<Assessment, String> {
    parse_assessment(text.as_bytes(), Catalogue::builtin()).map_err(|e| e.to_string())
}

/// The bottling example with one JSON-pointer location replaced.
fn bottling_with(pointer: &str, value: serde_json::Value) -> String {
    let mut v: serde_json::Value = serde_json::from_str(BOTTLING).unwrap();
    *v.pointer_mut(pointer).unwrap_or_else(|| panic!("{pointer}")) = value;
    v.to_string()
}

#[test]
fn both_examples_parse_and_round_trip() {
    for text in [BOTTLING, CAMERA] {
        let a = parse(text).unwrap();
        assert_eq!(a.targets.len(), 18);
        let again = parse(&assessment_to_json(&a)).unwrap();
        assert_eq!(a, again);
    }
}

#[test]
fn the_examples_show_every_kind_of_status() {
    let c = Catalogue::builtin();
    let mut statuses = std::collections::HashSet::new();
    for text in [BOTTLING, CAMERA] {
        let r = Report::new(c, &parse(text).unwrap(), "2026-12-06");
        statuses.extend(r.practices.iter().map(|g| g.status.id()));
        assert!(!r.roadmap.is_empty());
    }
    for s in ["below-target", "on-target", "above-target", "not-applicable", "not-assessed"] {
        assert!(statuses.contains(s), "no example practice is {s}");
    }
}

#[test]
fn bad_files_are_refused_with_the_json_path() {
    let cases: Vec<(String, &str)> = vec![
        (String::new(), "the file is empty"),
        ("not json".into(), "not valid JSON"),
        (BOTTLING[..BOTTLING.len() / 2].into(), "not valid JSON"),
        ("[1,2]".into(), "a JSON array"),
        ("42".into(), "a JSON number"),
        (r#"{"version":1}"#.into(), "no `format` field"),
        (r#"{"format":"something-else","version":1}"#.into(), "not \"smm-navigator/assessment\""),
        (r#"{"format":"smm-navigator/assessment"}"#.into(), "no `version` field"),
        (r#"{"format":"smm-navigator/assessment","version":"1"}"#.into(), "whole number"),
        (r#"{"format":"smm-navigator/assessment","version":99}"#.into(), "this app reads versions 1 to 6"),
        (
            bottling_with("/targets/threat-modeling/level", 5.into()),
            "at `targets.threat-modeling.level`: level 5 is out of range",
        ),
        (bottling_with("/targets/threat-modeling/level", (-1).into()), "at `targets.threat-modeling.level`: level -1"),
        (
            bottling_with("/targets/threat-modeling/level", "3".into()),
            "at `targets.threat-modeling.level`: invalid type",
        ),
        (bottling_with("/metadata/role", "owner".into()), "at `metadata.role`"),
        (
            bottling_with("/results/patch-management/indicators_met/0", "patch-management.9.z".into()),
            "at `results.patch-management.indicators_met[0]`: unknown indicator id",
        ),
        (
            bottling_with("/results/patch-management/indicators_met/0", "access-control.1.a".into()),
            "belongs to practice `access-control`",
        ),
        (bottling_with("/metadata/created", "yesterday".into()), "at `metadata.created`"),
        (
            bottling_with("/results/event-detection-and-response-plan/override/justification", " ".into()),
            "at `results.event-detection-and-response-plan.override.justification`",
        ),
        (bottling_with("/metadata/name", "".into()), "at `metadata.name`"),
    ];
    for (text, needle) in &cases {
        let err = parse(text).expect_err(needle);
        assert!(err.contains(needle), "expected `{needle}` in `{err}`");
    }
    let mut v: serde_json::Value = serde_json::from_str(BOTTLING).unwrap();
    let t = v["targets"]["threat-modeling"].clone();
    v["targets"]["no-such-practice"] = t;
    v["priorities"]["domains"]["nowhere"] = "high".into();
    v["surprise"] = 1.into();
    let err = parse(&v.to_string()).unwrap_err();
    assert!(err.contains("unknown field `surprise`"), "{err}");
    v.as_object_mut().unwrap().remove("surprise");
    let err = parse(&v.to_string()).unwrap_err();
    assert!(err.contains("at `targets.no-such-practice`: unknown practice id"), "{err}");
    assert!(err.contains("at `priorities.domains.nowhere`: unknown domain id"), "{err}");
}

#[test]
fn byte_order_mark_is_accepted_and_invalid_utf8_refused() {
    let mut with_bom = b"\xEF\xBB\xBF".to_vec();
    with_bom.extend_from_slice(CAMERA.as_bytes());
    assert!(parse_assessment(&with_bom, Catalogue::builtin()).is_ok());
    let mut bad = CAMERA.as_bytes().to_vec();
    bad[10] = 0xFF;
    let err = parse_assessment(&bad, Catalogue::builtin()).unwrap_err().to_string();
    assert!(err.contains("not UTF-8"), "{err}");
    let huge = vec![b' '; smm_core::MAX_FILE_BYTES + 1];
    let err = parse_assessment(&huge, Catalogue::builtin()).unwrap_err().to_string();
    assert!(err.contains("files over 5 MiB are refused"), "{err}");
}

#[test]
fn a_new_assessment_is_valid() {
    let a = Assessment::new("x1", "Fresh", Role::ServiceProvider);
    assert_eq!(parse(&assessment_to_json(&a)).unwrap(), a);
}

#[test]
fn the_committed_schema_matches_the_types() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../schema/assessment-v6.schema.json");
    let generated = smm_core::schema::assessment_schema_json();
    if std::env::var_os("UPDATE_SCHEMA").is_some() {
        std::fs::write(path, &generated).unwrap();
    }
    let committed = std::fs::read_to_string(path).unwrap_or_default();
    assert!(
        committed == generated,
        "schema/assessment-v6.schema.json is out of date: run `UPDATE_SCHEMA=1 cargo test -p smm-core` and commit it"
    );
}

#[test]
fn the_committed_framework_and_mapping_schemas_match_the_types() {
    for (file, generated) in [
        ("framework-v1.schema.json", smm_core::schema::framework_schema_json()),
        ("interview-v2.schema.json", smm_core::schema::interview_schema_json()),
        ("answers-v1.schema.json", smm_core::schema::answers_schema_json()),
        ("mapping-v2.schema.json", smm_core::schema::mapping_schema_json()),
        ("benchmark-v1.schema.json", smm_core::schema::benchmark_schema_json()),
    ] {
        let path = format!("{}/../../schema/{file}", env!("CARGO_MANIFEST_DIR"));
        if std::env::var_os("UPDATE_SCHEMA").is_some() {
            std::fs::write(&path, &generated).unwrap();
        }
        let committed = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            committed == generated,
            "schema/{file} is out of date: run `UPDATE_SCHEMA=1 cargo test -p smm-core` and commit it"
        );
    }
}

#[test]
fn every_released_version_still_imports() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/fixtures");
    let v1 = std::fs::read(format!("{dir}/assessment-v1.smm.json")).unwrap();
    let read = smm_core::read_assessment(&v1, Catalogue::builtin()).unwrap();
    assert_eq!(read.file_version, 1);
    assert_eq!(read.assessment.version, smm_core::ASSESSMENT_VERSION);
    assert_eq!(read.migration_log.len(), 5);
    assert!(read.migration_log[0].contains("version 1 to 2"), "{:?}", read.migration_log);
    assert!(read.migration_log[1].contains("version 2 to 3"), "{:?}", read.migration_log);
    assert!(read.assessment.plan.is_empty());
    // The migrated assessment keeps every target and result of the original:
    // the bottling example as released in version 5, which the v5 fixture
    // holds with one file fingerprint more.
    let current = {
        let v5 = std::fs::read(format!("{dir}/assessment-v5.smm.json")).unwrap();
        let mut a = smm_core::read_assessment(&v5, Catalogue::builtin()).unwrap().assessment;
        for r in a.results.values_mut() {
            r.evidence.retain(|e| e.file.is_none());
        }
        a
    };
    assert_eq!(read.assessment.targets, current.targets);
    assert_eq!(read.assessment.results, current.results);
    // The version 2 fixture reads as it is.
    let v2 = std::fs::read(format!("{dir}/assessment-v2.smm.json")).unwrap();
    let read2 = smm_core::read_assessment(&v2, Catalogue::builtin()).unwrap();
    assert_eq!((read2.file_version, read2.migration_log.len()), (2, 4));
    assert_eq!(read2.assessment, current, "the version 2 fixture is the bottling example before profiles");
    // And the version 3 fixture.
    let v3 = std::fs::read(format!("{dir}/assessment-v3.smm.json")).unwrap();
    let read3 = smm_core::read_assessment(&v3, Catalogue::builtin()).unwrap();
    assert_eq!((read3.file_version, read3.migration_log.len()), (3, 3));
    assert!(read3.migration_log[0].contains("version 3 to 4"));
    assert_eq!(read3.assessment, current);
    // And the version 4 fixture: plain-string evidence becomes references.
    let v4 = std::fs::read(format!("{dir}/assessment-v4.smm.json")).unwrap();
    let read4 = smm_core::read_assessment(&v4, Catalogue::builtin()).unwrap();
    assert_eq!((read4.file_version, read4.migration_log.len()), (4, 2));
    assert!(read4.migration_log[0].contains("version 4 to 5"), "{:?}", read4.migration_log);
    let v4_json: serde_json::Value = serde_json::from_slice(&v4).unwrap();
    let strings = v4_json["results"]
        .as_object()
        .unwrap()
        .values()
        .flat_map(|r| r["evidence"].as_array().cloned().unwrap_or_default())
        .count();
    assert!(strings > 0, "the v4 fixture has evidence to migrate");
    assert!(read4.migration_log[0].contains(&format!("{strings} evidence reference(s)")));
    assert_eq!(read4.assessment, current);
    for (id, r) in &read4.assessment.results {
        let before = v4_json["results"][id]["evidence"].as_array().cloned().unwrap_or_default();
        let after: Vec<&str> = r.evidence.iter().map(|e| e.reference.as_str()).collect();
        assert_eq!(before.iter().map(|v| v.as_str().unwrap()).collect::<Vec<_>>(), after);
        assert!(r.evidence.iter().all(|e| e.file.is_none()));
    }
    // And the version 5 fixture (with a file fingerprint): nothing changes but the version.
    let v5 = std::fs::read(format!("{dir}/assessment-v5.smm.json")).unwrap();
    let read5 = smm_core::read_assessment(&v5, Catalogue::builtin()).unwrap();
    assert_eq!((read5.file_version, read5.migration_log.len()), (5, 1));
    assert!(read5.migration_log[0].contains("version 5 to 6"), "{:?}", read5.migration_log);
    let mut v5_json: serde_json::Value = serde_json::from_slice(&v5).unwrap();
    v5_json["version"] = serde_json::json!(smm_core::ASSESSMENT_VERSION);
    let again: serde_json::Value = serde_json::from_str(&assessment_to_json(&read5.assessment)).unwrap();
    assert_eq!(again, v5_json, "a version 5 file keeps every field, only its version moves");
    assert!(read5.assessment.results.values().any(|r| r.evidence.iter().any(|e| e.file.is_some())));
    assert!(read5.assessment.signoffs.is_empty() && read5.assessment.metadata.tags.is_empty());
    // A current file needs no migration.
    let read = smm_core::read_assessment(BOTTLING.as_bytes(), Catalogue::builtin()).unwrap();
    assert!(read.migration_log.is_empty());
}

#[test]
fn roadmap_plans_are_checked() {
    let err = parse(&bottling_with("/plan/patch-management@2/due", "soon".into())).unwrap_err();
    assert!(err.contains("at `plan.patch-management@2.due`"), "{err}");
    let err = parse(&bottling_with("/plan/patch-management@2/status", "blocked".into())).unwrap_err();
    assert!(err.contains("at `plan.patch-management@2.status`"), "{err}");
    let mut v: serde_json::Value = serde_json::from_str(BOTTLING).unwrap();
    v["plan"]["patch-management@7"] = serde_json::json!({"owner": "x"});
    let err = parse(&v.to_string()).unwrap_err();
    assert!(err.contains("is not a roadmap step id"), "{err}");
}

#[test]
fn roadmap_csv_has_a_bom_quotes_and_the_plan() {
    let c = Catalogue::builtin();
    let a = parse(BOTTLING).unwrap();
    let report = Report::new(c, &a, "2026-12-06");
    let csv = smm_core::report::roadmap_to_csv(c, &report.roadmap, &a.plan);
    assert!(csv.starts_with('\u{FEFF}'));
    let rows: Vec<&str> = csv.trim_start_matches('\u{FEFF}').split("\r\n").filter(|l| !l.is_empty()).collect();
    assert!(rows[0].starts_with("order,step_id,practice_id"));
    let pm2 = csv.lines().find(|l| l.contains(",patch-management@2,")).expect("patch-management@2 row");
    assert!(pm2.contains("J. Meyer (maintenance)") || csv.contains("J. Meyer (maintenance),2027-01-31,In progress"));
    assert!(csv.contains("J. Meyer (maintenance),2027-01-31,In progress,OT-142,2026-11-02 in-progress: Patch window with the line vendor agreed\r\n"), "plan columns end the row");
}
