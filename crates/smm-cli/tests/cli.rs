//! The `smm` command end to end: exit codes, messages and report contents.

use std::io::Write;
use std::process::{Command, Output, Stdio};

const BOTTLING: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/bottling-line-asset-owner.smm.json");
const CAMERA: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/home-camera-product-supplier.smm.json");
const REMOTE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/remote-ot-service-provider.smm.json");

fn smm(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_smm")).args(args).env("SMM_TODAY", "2026-12-06").output().unwrap()
}

fn smm_stdin(args: &[&str], input: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_smm"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(input).unwrap();
    child.wait_with_output().unwrap()
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

#[test]
fn validate_accepts_every_example() {
    for file in [BOTTLING, CAMERA, REMOTE] {
        let out = smm(&["validate", file]);
        assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
        assert!(text(&out.stdout).starts_with("valid: "));
    }
}

/// The derived level of each practice, in catalogue order, as `smm report` gives it.
fn derived_levels(file: &str) -> Vec<Option<u64>> {
    let out = smm(&["report", file, "--format", "json"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let r: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    r["practices"].as_array().unwrap().iter().map(|g| g["derived_level"].as_u64()).collect()
}

/// `file` with its role replaced, written to a temporary file.
fn as_role(file: &str, role: &str) -> std::path::PathBuf {
    let mut a: serde_json::Value = serde_json::from_slice(&std::fs::read(file).unwrap()).unwrap();
    a["metadata"]["role"] = role.into();
    let path = std::env::temp_dir().join(format!("smm-as-{role}-{}.json", std::process::id()));
    std::fs::write(&path, a.to_string()).unwrap();
    path
}

#[test]
fn each_role_example_derives_the_levels_its_assessor_recorded() {
    // One example per role; the levels are those its notes and evidence describe
    // (None: a practice marked not applicable), in catalogue order.
    let expected: [(&str, [Option<u64>; 18]); 3] = [
        (BOTTLING, [2, 1, 1, 2, 2, 1, 2, 2, 2, 3, 1, 1, 1, 1, 0, 1, 1, 2].map(Some)),
        (
            CAMERA,
            [
                Some(2),
                Some(2),
                Some(3),
                Some(2),
                Some(2),
                Some(2),
                Some(3),
                Some(3),
                Some(3),
                None,
                Some(2),
                Some(2),
                Some(2),
                Some(3),
                Some(2),
                Some(1),
                None,
                Some(1),
            ],
        ),
        (REMOTE, [2, 2, 2, 1, 1, 3, 3, 3, 2, 2, 2, 2, 2, 2, 3, 2, 2, 2].map(Some)),
    ];
    for (file, levels) in expected {
        assert_eq!(derived_levels(file), levels, "{file}");
    }
    // The bottling line reaches physical protection level 3 as an asset owner
    // without the device maker's own evidence (drawings of the device's
    // protections, a tamper-response test); read as a product supplier, the
    // same ticks miss that evidence from level 1 on.
    let pp = 9;
    let supplier = derived_levels(as_role(BOTTLING, "product-supplier").to_str().unwrap());
    assert_eq!((derived_levels(BOTTLING)[pp], supplier[pp]), (Some(3), Some(0)));
    // The service provider example ticks no indicator meant for another role only.
    let owner = derived_levels(as_role(REMOTE, "asset-owner").to_str().unwrap());
    assert_eq!(owner, derived_levels(REMOTE), "the service provider's evidence is also an asset owner's");
}

#[test]
fn json_report_has_the_documented_fields() {
    let out = smm(&["report", BOTTLING, "--format", "json"]);
    assert_eq!(out.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["format"], "smm-navigator/report");
    let practices = v["practices"].as_array().unwrap();
    assert_eq!(practices.len(), 18);
    for p in practices {
        for key in ["id", "target", "achieved", "derived_level", "override", "status", "shortfall", "excess"] {
            assert!(p.get(key).is_some(), "practice report lacks `{key}`: {p}");
        }
    }
    let erp = practices.iter().find(|p| p["id"] == "event-detection-and-response-plan").unwrap();
    assert_eq!(erp["achieved"], 2, "the override counts");
    assert_eq!(erp["derived_level"], 1);
    assert!(erp["override"]["justification"].as_str().unwrap().contains("TTX-2026-06"));
    let phys = practices.iter().find(|p| p["id"] == "physical-protection").unwrap();
    assert_eq!((phys["status"].as_str(), phys["excess"].as_u64()), (Some("above-target"), Some(1)));
    assert!(v["rollups"]["overall"]["total_shortfall"].as_u64().unwrap() > 0);
    assert_eq!(v["rollups"]["domains"].as_array().unwrap().len(), 3);
    assert_eq!(v["rollups"]["subdomains"].as_array().unwrap().len(), 9);
    assert!(!v["roadmap"].as_array().unwrap().is_empty());
    assert!(v["rollup_formulas"].as_array().unwrap().len() >= 5);

    let out = smm(&["report", CAMERA, "--format", "json"]);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let phys = v["practices"].as_array().unwrap().iter().find(|p| p["id"] == "physical-protection").unwrap();
    assert_eq!(phys["status"], "not-applicable");
    assert!(phys["target"].is_null() && phys["achieved"].is_null());
}

#[test]
fn markdown_and_csv_reports() {
    let out = smm(&["report", CAMERA, "--format", "md"]);
    assert_eq!(out.status.code(), Some(0));
    let md = text(&out.stdout);
    for needle in [
        "# HC-200 home camera",
        "## Gap analysis",
        "SMM Navigator's own",
        "How each figure is computed",
        "## Roadmap",
        "possible over-investment",
    ] {
        assert!(md.contains(needle), "markdown lacks {needle}");
    }
    let out = smm(&["report", CAMERA, "--format", "csv"]);
    let csv = text(&out.stdout);
    let lines: Vec<&str> = csv.split("\r\n").filter(|l| !l.is_empty()).collect();
    assert_eq!(lines.len(), 19, "header and 18 practices");
    assert!(lines[0].starts_with("practice_id,practice,domain"));
    assert!(csv.contains("\"Asset, Change and Configuration Management\""), "names with commas are quoted");
}

#[test]
fn invalid_input_exits_1_with_the_path_on_stderr() {
    let out = smm_stdin(&["validate", "-"], br#"{"format":"smm-navigator/assessment","version":7}"#);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("this app reads versions 1 to 6"), "{}", text(&out.stderr));
    assert!(out.stdout.is_empty());

    let bad = std::fs::read_to_string(BOTTLING).unwrap().replacen("\"level\": 2", "\"level\": 9", 1);
    let out = smm_stdin(&["report", "-"], bad.as_bytes());
    assert_eq!(out.status.code(), Some(1));
    let err = text(&out.stderr);
    assert!(err.contains("at `targets.") && err.contains("level 9 is out of range"), "{err}");

    let out = smm(&["validate", "/nonexistent/file.json"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("cannot read the file"));
}

#[test]
fn usage_errors_exit_2() {
    assert_eq!(smm(&[]).status.code(), Some(2));
    assert_eq!(smm(&["frobnicate"]).status.code(), Some(2));
    assert_eq!(smm(&["report", BOTTLING, "--format", "pdf"]).status.code(), Some(2));
    assert_eq!(smm(&["validate"]).status.code(), Some(2));
}

#[test]
fn template_and_catalogue_are_valid_documents() {
    let out = smm(&["template", "--role", "service-provider"]);
    assert_eq!(out.status.code(), Some(0));
    let check = smm_stdin(&["validate", "-"], &out.stdout);
    assert_eq!(check.status.code(), Some(0), "{}", text(&check.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["metadata"]["role"], "service-provider");
    assert_eq!(v["version"], 6);

    let out = smm(&["catalogue"]);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["practices"].as_array().unwrap().len(), 18);

    let out = smm(&["schema"]);
    let committed =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../schema/assessment-v6.schema.json"))
            .unwrap();
    assert_eq!(text(&out.stdout), committed);
}

#[test]
fn validate_reads_bundles_and_older_versions_with_the_same_messages() {
    let fixtures = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/fixtures");
    let out = smm(&["validate", &format!("{fixtures}/assessment-v1.smm.json")]);
    assert_eq!(out.status.code(), Some(0));
    assert!(text(&out.stderr).contains("migrated version 1 to 2"), "{}", text(&out.stderr));
    let out = smm(&["validate", &format!("{fixtures}/hostile/bundle-with-bad-assessment.json")]);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("at `assessments[1].targets.risk-attitude.level`: level 7 is out of range"));
    let out = smm(&["validate", &format!("{fixtures}/hostile/duplicate-key-top.json")]);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("at `id`: the key `id` appears twice"));
}

#[test]
fn requirements_lists_what_the_targets_imply() {
    let out = smm(&["requirements", CAMERA]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["role"], "product-supplier");
    assert_eq!(v["framework"]["id"], "iec62443");
    assert!(v["note"].as_str().unwrap().contains("An SMM target of 3 is not SL 3"));
    assert!(v["coverage"].as_array().unwrap().iter().any(|g| g["group"] == "62443-4-2"));
    let reqs = v["requirements"].as_array().unwrap();
    assert!(!reqs.is_empty());
    assert!(reqs.iter().all(|r| ["62443-4-1", "62443-4-2"].contains(&r["part"].as_str().unwrap())));
    assert!(reqs.iter().any(|r| r["covered"] == false) && reqs.iter().any(|r| r["covered"] == true));
    let out = smm(&["requirements", CAMERA, "--role", "asset-owner", "--format", "csv"]);
    let csv = text(&out.stdout);
    assert!(csv.starts_with('\u{FEFF}') && csv.contains("62443-3-3"));
    let out = smm(&["requirements", CAMERA, "--mapping", BOTTLING]);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("not \"smm-navigator/mapping\""), "{}", text(&out.stderr));
}

#[test]
fn requirements_reads_the_same_assessment_against_csf_and_iso() {
    for (framework, top) in
        [("csf-2.0", ["GV", "ID", "PR", "DE", "RS", "RC"].as_slice()), ("iso27001-2022", &["5", "6", "7", "8"])]
    {
        let out = smm(&["requirements", CAMERA, "--framework", framework]);
        assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(v["framework"]["id"], framework);
        assert!(v["role"].is_null(), "{framework} has no roles");
        let reqs = v["requirements"].as_array().unwrap();
        assert!(!reqs.is_empty(), "{framework}");
        assert!(reqs.iter().all(|r| top.contains(&r["part"].as_str().unwrap())), "{framework}");
        let md = text(&smm(&["requirements", CAMERA, "--framework", framework, "--format", "md"]).stdout);
        assert!(md.contains("## Coverage per group") && md.contains("| requirement | title | covered | implied by |"));
    }
    let out = smm(&["requirements", CAMERA, "--framework", "nist-800-53"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("smm frameworks"));
    let out = smm(&["frameworks"]);
    let listing = text(&out.stdout);
    for id in ["iec62443", "csf-2.0", "iso27001-2022"] {
        assert!(listing.contains(id), "{listing}");
    }
}

#[test]
fn requirements_reads_a_user_framework_with_its_mapping() {
    let dir = std::env::temp_dir().join(format!("smm-cli-fw-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../smm-core/data");
    let mut f: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(format!("{root}/frameworks/iso27001-2022.json")).unwrap())
            .unwrap();
    f["id"] = "our-controls".into();
    let mut m: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(format!("{root}/mappings/indicative-iso27001-2022.json")).unwrap(),
    )
    .unwrap();
    m["framework"] = "our-controls".into();
    let (fp, mp) = (dir.join("f.json"), dir.join("m.json"));
    std::fs::write(&fp, f.to_string()).unwrap();
    std::fs::write(&mp, m.to_string()).unwrap();
    let args = ["requirements", CAMERA, "--framework-file", fp.to_str().unwrap(), "--mapping", mp.to_str().unwrap()];
    let out = smm(&args);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["framework"]["id"], "our-controls");
    let builtin: serde_json::Value =
        serde_json::from_slice(&smm(&["requirements", CAMERA, "--framework", "iso27001-2022"]).stdout).unwrap();
    assert_eq!(v["requirements"], builtin["requirements"]);
    // A mapping for another framework is refused, naming the path.
    m["framework"] = "somewhere-else".into();
    std::fs::write(&mp, m.to_string()).unwrap();
    let out = smm(&args);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("framework"), "{}", text(&out.stderr));
    let _ = std::fs::remove_dir_all(&dir);
}

const INTERVIEWS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/fixtures/interviews");

fn smm_env(args: &[&str], var: &str, value: &str) -> Output {
    Command::new(env!("CARGO_BIN_EXE_smm")).args(args).env(var, value).output().unwrap()
}

#[test]
fn interview_names_only_the_title_and_records_the_interview() {
    let dir = std::env::temp_dir().join(format!("smm-iv-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let saved = dir.join("a.smm.json");
    let out = smm(&[
        "interview",
        BOTTLING,
        "--practices",
        "patch-management,threat-modeling",
        "--id",
        "round-1",
        "--save-assessment",
        saved.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let file: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(file["format"], "smm-navigator/interview");
    assert_eq!(file["practices"], serde_json::json!(["threat-modeling", "patch-management"]), "catalogue order");
    let keys: Vec<&str> = file.as_object().unwrap().keys().map(String::as_str).collect();
    assert_eq!(keys, ["assessment_id", "created", "format", "id", "practices", "role", "title", "version"]);
    // The role (not private: a redacted copy keeps it too) lets the interviewee's
    // page fold the indicators for other roles.
    assert_eq!((file["role"].as_str(), file["version"].as_u64()), (Some("asset-owner"), Some(2)));
    let stdout = text(&out.stdout);
    for private in ["Brightwater", "Okafor", "J. Meyer", "SEC-CHARTER"] {
        assert!(!stdout.contains(private), "the interview file leaks `{private}`");
    }
    let a: serde_json::Value = serde_json::from_slice(&std::fs::read(&saved).unwrap()).unwrap();
    assert_eq!(a["interviews"][0]["id"], "round-1");
    let again = smm(&["interview", saved.to_str().unwrap(), "--practices", "patch-management", "--id", "round-1"]);
    assert_eq!(again.status.code(), Some(2));
    assert!(text(&again.stderr).contains("already has an interview `round-1`"), "{}", text(&again.stderr));
    let bad = smm(&["interview", BOTTLING, "--practices", "time-travel", "--id", "x"]);
    assert!(text(&bad.stderr).contains("unknown practice id `time-travel`"));
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn consolidate_prints_the_disagreement_in_every_format() {
    let a = format!("{INTERVIEWS}/assessment.smm.json");
    let ana = format!("{INTERVIEWS}/answers-ana.json");
    let ben = format!("{INTERVIEWS}/answers-ben.json");
    let md = smm(&["consolidate", &a, &ana, &ben]);
    assert_eq!(md.status.code(), Some(0), "{}", text(&md.stderr));
    let md = text(&md.stdout);
    assert!(md.contains("| Threat Modeling | 2 | 1 | 1 | 4 | no |"), "{md}");
    assert!(md.contains("| Access Control | 1 | 1 | 0 | 0 | no |"), "{md}");
    assert!(md.contains("`patch-management.2.c` (level 2)"), "{md}");
    let csv = text(&smm(&["consolidate", &a, &ana, &ben, "--format", "csv"]).stdout);
    assert!(csv
        .lines()
        .next()
        .unwrap()
        .ends_with("practice_id,indicator_id,level,met_by,not_met_by,disputed,in_result,practice_spread,resolved"));
    assert!(csv.contains("threat-modeling,threat-modeling.2.a,2,Ana (OT engineer),Ben (plant manager),yes,"), "{csv}");
    let json: serde_json::Value =
        serde_json::from_slice(&smm(&["consolidate", &a, &ana, &ben, "--format", "json"]).stdout).unwrap();
    assert_eq!(json["interviewees"], serde_json::json!(["Ana (OT engineer)", "Ben (plant manager)"]));
    let tm = json["practices"].as_array().unwrap().iter().find(|p| p["practice"] == "threat-modeling").unwrap();
    assert_eq!(tm["spread"], 1);
    // Answers for another assessment are refused with the field named.
    let out = smm(&["consolidate", BOTTLING, &ana]);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("this assessment has no interview `line3-dec`"), "{}", text(&out.stderr));
}

#[test]
fn passphrase_env_encrypts_documents_and_reads_them_back() {
    let dir = std::env::temp_dir().join(format!("smm-age-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let sealed = dir.join("report.age");
    let out = smm_env(
        &["report", BOTTLING, "--format", "md", "--passphrase-env", "SMM_TEST_PASS"],
        "SMM_TEST_PASS",
        "tide pool",
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(out.stdout.starts_with(b"age-encryption.org/v1\n-> scrypt "), "age binary format");
    assert!(!text(&out.stdout).contains("Line 3 bottling"));
    std::fs::write(&sealed, &out.stdout).unwrap();
    // An encrypted assessment reads with the passphrase, and only with it.
    let tpl = smm_env(&["template", "--passphrase-env", "P"], "P", "tide pool");
    let tpl_path = dir.join("t.smm.json.age");
    std::fs::write(&tpl_path, &tpl.stdout).unwrap();
    let ok = smm_env(&["validate", tpl_path.to_str().unwrap(), "--passphrase-env", "P"], "P", "tide pool");
    assert_eq!(
        text(&ok.stdout),
        "valid: New assessment (0 targets, 0 results)\nsign-off: Not signed off.\n",
        "{}",
        text(&ok.stderr)
    );
    let wrong = smm_env(&["validate", tpl_path.to_str().unwrap(), "--passphrase-env", "P"], "P", "tide poo1");
    assert_eq!(wrong.status.code(), Some(1));
    assert!(text(&wrong.stderr).contains("the passphrase does not open this file"), "{}", text(&wrong.stderr));
    let none = smm(&["validate", tpl_path.to_str().unwrap()]);
    assert!(text(&none.stderr).contains("give its passphrase with --passphrase-env"), "{}", text(&none.stderr));
    let unset = smm(&["validate", BOTTLING, "--passphrase-env", "SMM_SURELY_UNSET_VAR"]);
    assert_eq!(unset.status.code(), Some(2));
    std::fs::remove_dir_all(&dir).ok();
}

/// Names and texts of the bottling example that a shared copy must not carry.
const BOTTLING_SECRETS: [&str; 6] =
    ["Brightwater", "Okafor", "Line 3", "TTX-2026-06", "J. Meyer", "brightwater-line3-2026"];

#[test]
fn export_prints_the_assessment_and_its_redacted_copy() {
    let full = smm(&["export", BOTTLING]);
    assert_eq!(full.status.code(), Some(0), "{}", text(&full.stderr));
    let v: serde_json::Value = serde_json::from_slice(&full.stdout).unwrap();
    let original: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(BOTTLING).unwrap()).unwrap();
    assert_eq!(v["id"], original["id"]);
    assert_eq!(v["metadata"], original["metadata"]);
    let shared = smm(&["export", BOTTLING, "--redact"]);
    assert_eq!(shared.status.code(), Some(0), "{}", text(&shared.stderr));
    let out = text(&shared.stdout);
    for secret in BOTTLING_SECRETS {
        assert!(!out.contains(secret), "`{secret}` in the redacted export");
    }
    let r: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(r["metadata"]["role"], original["metadata"]["role"]);
    assert_eq!(r["targets"]["patch-management"]["level"], original["targets"]["patch-management"]["level"]);
    // A fresh id each time: two copies do not link to each other.
    let again: serde_json::Value = serde_json::from_slice(&smm(&["export", BOTTLING, "--redact"]).stdout).unwrap();
    assert_ne!(r["id"], again["id"]);
    // It reads back as an assessment.
    let check = smm_stdin(&["validate", "-"], out.as_bytes());
    assert_eq!(check.status.code(), Some(0), "{}", text(&check.stderr));
}

#[test]
fn every_report_format_can_be_redacted() {
    for format in ["json", "md", "csv", "xlsx", "oscal", "roadmap", "checklist"] {
        let plain = smm(&["report", BOTTLING, "--format", format]);
        let shared = smm(&["report", BOTTLING, "--format", format, "--redact"]);
        assert_eq!(shared.status.code(), Some(0), "{format}: {}", text(&shared.stderr));
        let bytes = |o: &Output| -> String {
            if format == "xlsx" {
                // Every part of the package, inflated.
                use std::io::Read;
                let mut zip = zip::ZipArchive::new(std::io::Cursor::new(o.stdout.clone())).unwrap();
                let mut all = String::new();
                for i in 0..zip.len() {
                    let mut part = Vec::new();
                    zip.by_index(i).unwrap().read_to_end(&mut part).unwrap();
                    all.push_str(&String::from_utf8_lossy(&part));
                }
                all
            } else {
                text(&o.stdout)
            }
        };
        let (plain, shared) = (bytes(&plain), bytes(&shared));
        if matches!(format, "csv" | "checklist") {
            // The gap table holds figures only, and the example's checklist is empty: the same in both.
            assert_eq!(plain, shared);
        } else {
            // The check can fail: the plain report carries the names.
            assert!(BOTTLING_SECRETS.iter().any(|s| plain.contains(s)), "{format}: the plain report names nothing");
        }
        for secret in BOTTLING_SECRETS {
            assert!(!shared.contains(secret), "{format}: `{secret}` in the redacted report");
        }
    }
}

#[test]
fn a_file_of_another_kind_is_named_and_refused() {
    let profile = concat!(env!("CARGO_MANIFEST_DIR"), "/../smm-core/data/profiles/retail-pos.json");
    let out = smm(&["report", profile]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).contains("this is a profile, not an assessment or a bundle of assessments"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn the_roadmap_and_checklist_tables_are_the_pages_exports() {
    let c = smm_core::Catalogue::builtin();
    let a = smm_core::parse_assessment(std::fs::read(BOTTLING).unwrap().as_slice(), c).unwrap();
    let report = smm_core::Report::new(c, &a, "2026-12-06");
    let roadmap = smm(&["report", BOTTLING, "--format", "roadmap"]);
    assert_eq!(roadmap.status.code(), Some(0), "{}", text(&roadmap.stderr));
    assert_eq!(text(&roadmap.stdout), smm_core::report::roadmap_to_csv(c, &report.roadmap, &a.plan));
    assert!(text(&roadmap.stdout).lines().count() > 2, "the example has roadmap steps");
    let checklist = smm(&["report", BOTTLING, "--format", "checklist"]);
    let trust = smm_core::trust::TrustCatalogue::builtin();
    assert_eq!(text(&checklist.stdout), smm_core::trust::checklist_csv(trust, &a.trustworthiness));
    assert_eq!(text(&checklist.stdout).lines().count(), trust.items.len() + 1);
}

#[test]
fn report_board_prints_the_board_page_as_json_markdown_or_docx_only() {
    let file = concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/bottling-line-asset-owner.smm.json");
    let json = smm(&["report", file, "--board", "--format", "json"]);
    assert!(json.status.success(), "{}", String::from_utf8_lossy(&json.stderr));
    let v: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(v["format"], "smm-navigator/board-page");
    assert_eq!(v["gaps"][0]["practice"], "patch-management");
    assert_eq!(v["gaps"].as_array().unwrap().len(), 5);
    let md = smm(&["report", file, "--board", "--format", "md"]);
    let text = String::from_utf8(md.stdout).unwrap();
    assert!(text.starts_with("# Board page: Line 3 bottling"), "{text}");
    assert!(text.contains("## Possible over-investment to review"), "{text}");
    // A redacted board page has no owners: the plan's owners are not in a shared copy.
    let shared = smm(&["report", file, "--board", "--redact", "--format", "md"]);
    let shared = String::from_utf8(shared.stdout).unwrap();
    assert!(!shared.contains("Meyer") && !shared.contains("Brightwater"), "{shared}");
    let csv = smm(&["report", file, "--board", "--format", "csv"]);
    assert!(!csv.status.success());
    assert!(String::from_utf8_lossy(&csv.stderr).contains("--format json, md or docx"));
    let docx = smm(&["report", file, "--board", "--format", "docx"]);
    assert!(docx.status.success() && docx.stdout.starts_with(b"PK"), "a Word document (a zip package)");
    let report = smm(&["report", file, "--format", "docx"]);
    assert!(report.status.success() && report.stdout.starts_with(b"PK"));
    assert!(report.stdout.len() > docx.stdout.len(), "the full report is longer than the board page");
    // The same day gives the same bytes.
    assert_eq!(smm(&["report", file, "--format", "docx"]).stdout, report.stdout);
}

#[test]
fn signoff_then_validate_reports_the_state_and_what_changed() {
    let dir = std::env::temp_dir().join(format!("smm-signoff-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let signed = smm(&["signoff", BOTTLING, "--name", "A. Lee", "--role", "Plant manager", "--scope", "Line 3"]);
    assert_eq!(signed.status.code(), Some(0), "{}", text(&signed.stderr));
    let v: serde_json::Value = serde_json::from_slice(&signed.stdout).unwrap();
    let so = &v["signoffs"][0];
    assert_eq!((so["name"].as_str(), so["signed_on"].as_str()), (Some("A. Lee"), Some("2026-12-06")));
    // The hash is sha256sum of the canonical content, which any tool can recompute.
    let content = so["content"].clone();
    let canonical = content.to_string();
    let digest = {
        use std::io::Write as _;
        let mut child = Command::new("sha256sum").stdin(Stdio::piped()).stdout(Stdio::piped()).spawn().unwrap();
        child.stdin.take().unwrap().write_all(canonical.as_bytes()).unwrap();
        text(&child.wait_with_output().unwrap().stdout).split_whitespace().next().unwrap().to_string()
    };
    assert_eq!(so["sha256"].as_str(), Some(digest.as_str()));
    let path = dir.join("signed.smm.json");
    std::fs::write(&path, &signed.stdout).unwrap();
    let ok = smm(&["validate", path.to_str().unwrap()]);
    let out = text(&ok.stdout);
    assert!(out.contains("sign-off: Unchanged since sign-off on 2026-12-06 by A. Lee."), "{out}");
    assert!(out.contains("the signed content kept in the file matches its SHA-256"), "{out}");
    assert!(out.contains("not proof of identity"), "{out}");

    // Change a target after signing: validate lists it, still exit 0 (the file is valid).
    let mut changed = v.clone();
    changed["targets"]["threat-modeling"]["level"] = serde_json::json!(4);
    std::fs::write(&path, changed.to_string()).unwrap();
    let out = smm(&["validate", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0));
    let out = text(&out.stdout);
    assert!(out.contains("sign-off: Changed since sign-off on 2026-12-06 by A. Lee: 1 change."), "{out}");
    assert!(out.contains("  changed: Threat Modeling: target level 2 → 4"), "{out}");
    assert!(out.contains("the current content does not match the signed SHA-256"), "{out}");
    // The report says the same.
    let report: serde_json::Value = serde_json::from_slice(&smm(&["report", path.to_str().unwrap()]).stdout).unwrap();
    assert_eq!(report["signoff"]["status"], "changed");
    assert_eq!(report["signoff"]["changes"][0]["what"], "target level 2 → 4");
    let md = text(&smm(&["report", path.to_str().unwrap(), "--format", "md"]).stdout);
    assert!(md.contains("Changed since sign-off on 2026-12-06 by A. Lee") && md.contains("target level 2 → 4"), "{md}");

    // A forged record: the kept content edited to match the change.
    let mut forged = changed.clone();
    forged["signoffs"][0]["content"]["targets"]["threat-modeling"]["level"] = serde_json::json!(4);
    std::fs::write(&path, forged.to_string()).unwrap();
    let out = text(&smm(&["validate", path.to_str().unwrap()]).stdout);
    assert!(out.contains("does not match its SHA-256: the record was edited"), "{out}");

    // Signing again keeps both; the redacted copy keeps dates and hashes, no names.
    std::fs::write(&path, changed.to_string()).unwrap();
    let again = smm(&["signoff", path.to_str().unwrap(), "--name", "B. Kaur", "--role", "CISO"]);
    let w: serde_json::Value = serde_json::from_slice(&again.stdout).unwrap();
    assert_eq!(w["signoffs"].as_array().unwrap().len(), 2);
    assert!(w["signoffs"][0].get("content").is_none());
    std::fs::write(&path, &again.stdout).unwrap();
    let red: serde_json::Value =
        serde_json::from_slice(&smm(&["export", path.to_str().unwrap(), "--redact"]).stdout).unwrap();
    for (i, so) in red["signoffs"].as_array().unwrap().iter().enumerate() {
        assert_eq!(so["signed_on"], w["signoffs"][i]["signed_on"]);
        assert_eq!(so["sha256"], w["signoffs"][i]["sha256"]);
        assert!(so.get("name").is_none_or(|n| n == "") && so.get("content").is_none(), "{so}");
    }
    let bad = smm(&["signoff", BOTTLING, "--name", "", "--role", "CISO"]);
    assert_eq!(bad.status.code(), Some(1));
    assert!(text(&bad.stderr).contains("the signer's name"), "{}", text(&bad.stderr));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn the_report_shows_expired_evidence_and_progress_as_of_its_date() {
    let run = |today: &str| {
        let out = Command::new(env!("CARGO_BIN_EXE_smm"))
            .args(["report", BOTTLING])
            .env("SMM_TODAY", today)
            .output()
            .unwrap();
        serde_json::from_slice::<serde_json::Value>(&out.stdout).unwrap()
    };
    let now = run("2026-12-06");
    assert_eq!(now["as_of"], "2026-12-06");
    let expired: Vec<&serde_json::Value> =
        now["evidence"].as_array().unwrap().iter().filter(|e| e["expired"] == true).collect();
    assert_eq!(expired.len(), 1);
    assert_eq!(expired[0]["practice"], "physical-protection");
    assert!(now["stale_indicators"].as_array().unwrap().iter().all(|s| s["practice"] == "physical-protection"));
    assert!(!now["stale_indicators"].as_array().unwrap().is_empty());
    let before = run("2026-06-01");
    assert!(before["evidence"].as_array().unwrap().iter().all(|e| e["expired"] == false));
    assert_eq!(before["stale_indicators"].as_array().unwrap().len(), 0);
    assert_eq!(
        now["progress"]["steps"],
        now["progress"]["open"].as_u64().unwrap() + now["progress"]["reached"].as_u64().unwrap()
    );
    let md = text(&smm(&["report", BOTTLING, "--format", "md"]).stdout);
    assert!(md.contains("2026-06-30 (**past its date**)"), "{md}");
    assert!(md.contains("## Progress against the plan"));
    assert!(
        md.contains("Reference: OT-142")
            && md.contains("2026-11-02 In progress: Patch window with the line vendor agreed"),
        "{md}"
    );
}

#[test]
fn portfolio_and_benchmark_commands() {
    let ex = |n: &str| format!("{}/../../examples/{n}.smm.json", env!("CARGO_MANIFEST_DIR"));
    let files = [ex("bottling-line-asset-owner"), ex("home-camera-product-supplier"), ex("remote-ot-service-provider")];
    let args = |fmt: &str| {
        let mut a = vec!["portfolio"];
        a.extend(files.iter().map(String::as_str));
        a.extend(["--format", fmt]);
        a.into_iter().map(String::from).collect::<Vec<_>>()
    };
    let run = |a: Vec<String>| smm(&a.iter().map(String::as_str).collect::<Vec<_>>());
    let json: serde_json::Value = serde_json::from_slice(&run(args("json")).stdout).unwrap();
    assert_eq!(json["format"], "smm-navigator/portfolio");
    assert_eq!(json["rows"].as_array().unwrap().len(), 3);
    let c = smm_core::Catalogue::builtin();
    let all: Vec<_> =
        files.iter().map(|f| smm_core::parse_assessment(&std::fs::read(f).unwrap(), c).unwrap()).collect();
    let p = smm_core::portfolio::Portfolio::new(c, &all, &Default::default());
    assert_eq!(json, serde_json::from_str::<serde_json::Value>(&p.to_json()).unwrap());
    let csv = text(&run(args("csv")).stdout);
    assert_eq!(csv.lines().count(), 4, "a header and three assessments");
    assert!(text(&run(args("md")).stdout).contains("## Weakest practices across the portfolio"));
    let book = run(args("xlsx")).stdout;
    assert!(book.starts_with(b"PK"));
    let mut role = args("json");
    role.extend(["--role".into(), "product-supplier".into()]);
    let only: serde_json::Value = serde_json::from_slice(&run(role).stdout).unwrap();
    assert_eq!(only["rows"].as_array().unwrap().len(), 1);

    // The benchmark of the twelve members is the fixture; four are refused, naming the minimum.
    let dir = format!("{}/../../tests/fixtures/benchmark-members", env!("CARGO_MANIFEST_DIR"));
    let mut members: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path().to_string_lossy().into_owned())
        .filter(|p| p.ends_with(".smm.json"))
        .collect();
    members.sort();
    let mut b = vec!["benchmark".to_string()];
    b.extend(members.iter().cloned());
    let out = run(b.clone());
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let fixture = std::fs::read_to_string(format!("{dir}/../benchmark-v1.json")).unwrap();
    assert_eq!(text(&out.stdout), fixture);
    let mut four = vec!["benchmark".to_string()];
    four.extend(members.iter().take(4).cloned());
    let out = run(four);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("needs at least 5 assessments"), "{}", text(&out.stderr));
    let mut low = b.clone();
    low.extend(["--min-group".into(), "3".into()]);
    let out = run(low);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("never has cells of fewer than 5"), "{}", text(&out.stderr));
    let v = smm(&["validate", &format!("{dir}/../benchmark-v1.json")]);
    assert!(text(&v.stdout).starts_with("valid: benchmark of 12 assessment(s)"), "{}", text(&v.stdout));
}
