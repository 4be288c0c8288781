//! Every limit of `smm_core::limits` at the limit and one past it, the
//! documentation's table held to the list, and growth checks: for the shapes
//! an attacker builds (long chains of parents, long ids, wide frameworks with
//! many mapping rows), 8 times the input takes less than 16 times the time.

use std::time::{Duration, Instant};

use serde_json::{json, Value};
use smm_core::framework::{parse_framework, Framework};
use smm_core::limits::*;
use smm_core::mapping::{coverage, crosswalk, parse_mapping};
use smm_core::scan::check_structure;
use smm_core::{engine::gap_analysis, parse_assessment, Assessment, Catalogue, Level, Role, Scope, Target};

fn cat() -> &'static Catalogue {
    Catalogue::builtin()
}

fn messages(e: &smm_core::DocumentError) -> String {
    e.problems.iter().map(|p| format!("{}: {}", p.path, p.message)).collect::<Vec<_>>().join("\n")
}

/// A framework of `groups` groups in a chain of `tiers` tiers (the rest top-level),
/// `requirements` requirements spread over the groups, ids of `id_len` bytes.
fn framework(groups: usize, tiers: usize, requirements: usize, id_len: usize) -> Value {
    let gid = |i: usize| {
        let stem = format!("G{i}-");
        format!("{stem}{}", "g".repeat(id_len.saturating_sub(stem.len())))
    };
    let rid = |i: usize| {
        let stem = format!("R{i}-");
        format!("{stem}{}", "r".repeat(id_len.saturating_sub(stem.len())))
    };
    let groups: Vec<Value> = (0..groups)
        .map(|i| {
            let mut g = json!({ "id": gid(i), "title": format!("Group {i}") });
            if i > 0 && i < tiers {
                g["parent"] = json!(gid(i - 1));
            }
            g
        })
        .collect();
    let n = groups.len();
    let requirements: Vec<Value> = (0..requirements)
        .map(|i| json!({ "id": rid(i), "title": format!("Requirement {i}"), "group": gid(if tiers > 1 { tiers - 1 } else { i % n }) }))
        .collect();
    json!({
        "format": "smm-navigator/framework", "version": 1, "id": "limits-test", "name": "Limits test",
        "edition": "2026", "about": "Made by the limits test.", "group_kinds": ["Tier"],
        "groups": groups, "requirements": requirements,
    })
}

fn read_framework(v: &Value) -> Result<Framework, String> {
    parse_framework(v.to_string().as_bytes()).map_err(|e| messages(&e))
}

/// A mapping of `rows` rows onto the framework's first requirements (each
/// requirement at levels 1 to 4, for the practices in turn).
fn mapping(f: &Framework, rows: usize) -> Value {
    let practices: Vec<&str> = cat().practices.iter().map(|p| p.id.as_str()).collect();
    let n = f.requirements.len();
    let rows: Vec<Value> = (0..rows)
        .map(|i| {
            let (r, k) = (i % n, i / n);
            json!({ "practice": practices[r % practices.len()], "level": 1 + k % 4, "requirement": f.requirements[r].id,
                    "rationale": "Made by the limits test." })
        })
        .collect();
    json!({ "format": "smm-navigator/mapping", "version": 2, "id": "limits-test", "framework": f.id,
            "name": "Limits test", "about": "Made by the limits test.", "rows": rows })
}

fn thousands(n: u64) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[test]
fn the_documented_table_lists_every_limit_with_its_value() {
    let doc = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../docs/file-formats.md")).unwrap();
    let table = &doc[doc.find("## Limits").unwrap()..];
    let table = &table[..table[3..].find("\n## ").unwrap()];
    for l in LIMITS {
        let row = table
            .lines()
            .find(|line| line.contains(&format!("`{}`", l.name)))
            .unwrap_or_else(|| panic!("docs/file-formats.md's Limits table has no row for {}", l.name));
        assert!(row.contains(&thousands(l.value)), "the row of {} does not say {}: {row}", l.name, thousands(l.value));
    }
    let rows = table.lines().filter(|line| line.starts_with("| ") && line.ends_with("` |")).count();
    assert_eq!(rows, LIMITS.len(), "a row names a limit that limits.rs does not list");
}

#[test]
fn a_framework_at_each_limit_is_read_and_one_past_is_refused() {
    // Tiers: a chain of 8 groups is read, 9 refused.
    let f = read_framework(&framework(MAX_GROUP_TIERS, MAX_GROUP_TIERS, 1, 8)).unwrap();
    assert_eq!(f.ancestry(&f.requirements[0].group).len(), MAX_GROUP_TIERS);
    let e = read_framework(&framework(MAX_GROUP_TIERS + 1, MAX_GROUP_TIERS + 1, 1, 8)).unwrap_err();
    assert!(e.contains(&format!("groups[{MAX_GROUP_TIERS}].parent: group")) && e.contains("tiers deep"), "{e}");
    // Ids: 64 bytes read, 65 refused (for groups and for requirements).
    let f = read_framework(&framework(3, 1, 3, MAX_ID_BYTES)).unwrap();
    assert_eq!(f.requirements[0].id.len(), MAX_ID_BYTES);
    let e = read_framework(&framework(3, 1, 3, MAX_ID_BYTES + 1)).unwrap_err();
    assert!(e.contains("groups[0].id: the id is 65 bytes long"), "{e}");
    assert!(e.contains("requirements[0].id: the id is 65 bytes long"), "{e}");
    // Counts.
    read_framework(&framework(MAX_GROUPS, 1, 10, 8)).unwrap();
    let e = read_framework(&framework(MAX_GROUPS + 1, 1, 10, 8)).unwrap_err();
    assert!(e.contains(&format!("at most {MAX_GROUPS} are read")), "{e}");
    read_framework(&framework(10, 1, MAX_REQUIREMENTS, 8)).unwrap();
    let e = read_framework(&framework(10, 1, MAX_REQUIREMENTS + 1, 8)).unwrap_err();
    assert!(e.contains(&format!("at most {MAX_REQUIREMENTS} are read")), "{e}");
}

#[test]
fn a_cycle_and_a_chain_into_a_cycle_are_refused_in_bounded_steps() {
    let mut v = framework(20, 20, 1, 8);
    // The top group's parent is the last: every group is on one cycle of 20.
    v["groups"][0]["parent"] = v["groups"][19]["id"].clone();
    let e = read_framework(&v).unwrap_err();
    assert!(e.contains("is its own ancestor") || e.contains("tiers deep"), "{e}");
    // Group 5 onwards under a cycle of two at the top.
    let mut v = framework(6, 6, 1, 8);
    v["groups"][0]["parent"] = v["groups"][1]["id"].clone();
    let e = read_framework(&v).unwrap_err();
    assert!(e.contains("groups[0].parent: group `G0-ggggg` is its own ancestor"), "{e}");
    assert!(e.contains("groups[5].parent"), "a group under the cycle is refused too: {e}");
}

#[test]
fn a_mapping_at_its_row_limit_is_read_and_one_past_is_refused() {
    let f = read_framework(&framework(10, 1, MAX_ROWS / 4, 8)).unwrap();
    let at = mapping(&f, MAX_ROWS);
    let m = parse_mapping(at.to_string().as_bytes(), cat(), &f).map_err(|e| messages(&e)).unwrap();
    assert_eq!(m.rows.len(), MAX_ROWS);
    let past = mapping(&f, MAX_ROWS + 1);
    let e = parse_mapping(past.to_string().as_bytes(), cat(), &f).unwrap_err();
    assert!(messages(&e).contains(&format!("at most {MAX_ROWS} are read")), "{}", messages(&e));
}

fn assessment_json(change: impl FnOnce(&mut Value)) -> Vec<u8> {
    let a = Assessment::new("limits", "Limits", Role::AssetOwner);
    let mut v = serde_json::to_value(&a).unwrap();
    change(&mut v);
    v.to_string().into_bytes()
}

#[test]
fn assessment_ids_texts_and_file_sizes_at_and_past_their_limits() {
    let id = |s: String| assessment_json(|v| v["id"] = json!(s));
    parse_assessment(&id("a".repeat(MAX_ASSESSMENT_ID_BYTES)), cat()).unwrap();
    let e = parse_assessment(&id("a".repeat(MAX_ASSESSMENT_ID_BYTES + 1)), cat()).unwrap_err();
    assert!(messages(&e).contains("id: the id must be 1 to 128"), "{}", messages(&e));
    for bad in ["a/b", "a?b", "a#b", "a b", "a%2Fb", "", "é"] {
        assert!(parse_assessment(&id(bad.into()), cat()).is_err(), "{bad:?} is refused");
    }
    parse_assessment(&id("a-1.2:3_4".into()), cat()).unwrap();

    let name = |n: usize| assessment_json(|v| v["metadata"]["name"] = json!("n".repeat(n)));
    parse_assessment(&name(MAX_TEXT_CHARS), cat()).unwrap();
    let e = parse_assessment(&name(MAX_TEXT_CHARS + 1), cat()).unwrap_err();
    assert!(messages(&e).contains(&format!("at most {MAX_TEXT_CHARS} are accepted")), "{}", messages(&e));

    // A file of exactly MAX_FILE_BYTES (padded with spaces) is read; one byte more is refused unread.
    let mut file = assessment_json(|_| {});
    file.resize(MAX_FILE_BYTES, b' ');
    parse_assessment(&file, cat()).unwrap();
    file.push(b' ');
    let e = parse_assessment(&file, cat()).unwrap_err();
    assert!(messages(&e).contains("files over 5 MiB are refused"), "{}", messages(&e));

    // Nesting: 64 levels pass the scan, 65 do not.
    let nest = |n: usize| format!("{}{}", "[".repeat(n), "]".repeat(n));
    check_structure(&nest(MAX_DEPTH)).unwrap();
    let e = check_structure(&nest(MAX_DEPTH + 1)).unwrap_err();
    assert!(messages(&e).contains("nested more than 64 levels deep"), "{}", messages(&e));
}

#[test]
fn interviewee_names_and_titles_at_and_past_their_limits() {
    use smm_core::interview::parse_answers;
    let answers = |name: &str| {
        json!({ "format": "smm-navigator/answers", "version": 1, "assessment_id": "a", "interview_id": "iv-1",
                "interviewee": name, "answered_on": "2026-12-01", "answers": {} })
        .to_string()
    };
    parse_answers(answers(&"x".repeat(MAX_NAME_CHARS)).as_bytes()).unwrap();
    let e = parse_answers(answers(&"x".repeat(MAX_NAME_CHARS + 1)).as_bytes()).unwrap_err();
    assert!(messages(&e).contains("1 to 100 characters"), "{}", messages(&e));
    for bidi in ['\u{202E}', '\u{2066}', '\u{200F}', '\u{061C}'] {
        let e = parse_answers(answers(&format!("Ana {bidi}neB")).as_bytes()).unwrap_err();
        assert!(messages(&e).contains("reverses or isolates"), "{bidi:?}: {}", messages(&e));
    }
}

/// The least of three timings of `f`.
fn time(mut f: impl FnMut()) -> Duration {
    (0..3)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed()
        })
        .min()
        .unwrap()
}

/// Asserts that 8 times the input takes under 16 times as long (sub-quadratic:
/// a quadratic path takes 64 times), and prints the figures.
fn assert_growth(what: &str, small: Duration, large: Duration) {
    let ratio = large.as_secs_f64() / small.as_secs_f64().max(1e-6);
    println!("growth {what}: n {small:?}, 8n {large:?}, ratio {ratio:.1} (bound 16)");
    assert!(ratio < 16.0, "{what}: 8x the input took {ratio:.1}x the time ({small:?} -> {large:?})");
}

#[test]
fn framework_reading_grows_sub_quadratically_on_attack_shapes() {
    // The review's attack: one long chain of parents with long ids (refused, but
    // the refusal must come in time proportional to the file).
    let chain = |n: usize| framework(n, n, 10, MAX_ID_BYTES * 8).to_string();
    let (small, large) = (chain(120), chain(960));
    let t1 = time(|| assert!(parse_framework(small.as_bytes()).is_err()));
    let t8 = time(|| assert!(parse_framework(large.as_bytes()).is_err()));
    assert_growth("framework, one chain of long ids", t1, t8);
    // Wide: many groups and requirements at the id limit, all valid.
    let wide = |n: usize| framework(n / 5, 1, n, MAX_ID_BYTES).to_string();
    let (small, large) = (wide(600), wide(4800));
    let t1 = time(|| assert!(parse_framework(small.as_bytes()).is_ok()));
    let t8 = time(|| assert!(parse_framework(large.as_bytes()).is_ok()));
    assert_growth("framework, wide", t1, t8);
}

#[test]
fn coverage_and_crosswalk_grow_sub_quadratically() {
    // A framework of the deepest tiers with n requirements, a mapping of 4n rows,
    // and an assessment with every practice targeted at level 4.
    let mut a = Assessment::new("growth", "Growth", Role::AssetOwner);
    for p in &cat().practices {
        a.targets.insert(p.id.clone(), Target::new(Level::new(4).unwrap(), Scope::General));
    }
    let gaps = gap_analysis(cat(), &a);
    let setup = |n: usize| {
        let f = read_framework(&framework(n / 5, MAX_GROUP_TIERS, n, MAX_ID_BYTES)).unwrap();
        let m = parse_mapping(mapping(&f, 4 * n).to_string().as_bytes(), cat(), &f).map_err(|e| messages(&e)).unwrap();
        (f, m)
    };
    let (f1, m1) = setup(600);
    let (f8, m8) = setup(4800);
    let run = |f: &Framework, m: &smm_core::mapping::Mapping| {
        let c = coverage(f, m, &gaps, Role::AssetOwner);
        let x = crosswalk(cat(), f, m, &gaps, None);
        (c.requirements.len(), x.len())
    };
    assert_eq!(run(&f1, &m1), (600, 18));
    let t1 = time(|| {
        run(&f1, &m1);
    });
    let t8 = time(|| {
        run(&f8, &m8);
    });
    assert_growth("coverage and crosswalk", t1, t8);
    // Mapping validation against the framework, the same shapes.
    let (s1, s8) = (mapping(&f1, 2400).to_string(), mapping(&f8, 19_200).to_string());
    let t1 = time(|| assert!(parse_mapping(s1.as_bytes(), cat(), &f1).is_ok()));
    let t8 = time(|| assert!(parse_mapping(s8.as_bytes(), cat(), &f8).is_ok()));
    assert_growth("mapping", t1, t8);
}

#[test]
fn signoffs_step_histories_and_tags_at_and_past_their_limits() {
    let h = "ab".repeat(32);
    let signoffs =
        |n: usize| assessment_json(|v| v["signoffs"] = json!(vec![json!({"signed_on": "2026-12-01", "sha256": h}); n]));
    parse_assessment(&signoffs(MAX_SIGNOFFS), cat()).unwrap();
    let e = parse_assessment(&signoffs(MAX_SIGNOFFS + 1), cat()).unwrap_err();
    assert!(messages(&e).contains(&format!("at most {MAX_SIGNOFFS} sign-offs")), "{}", messages(&e));

    let history = |n: usize| {
        assessment_json(|v| {
            v["plan"] =
                json!({"patch-management@2": {"history": vec![json!({"on": "2026-12-01", "status": "done"}); n]}})
        })
    };
    parse_assessment(&history(MAX_STEP_HISTORY), cat()).unwrap();
    let e = parse_assessment(&history(MAX_STEP_HISTORY + 1), cat()).unwrap_err();
    assert!(messages(&e).contains(&format!("at most {MAX_STEP_HISTORY} status changes")), "{}", messages(&e));

    let tags = |n: usize, len: usize| {
        assessment_json(|v| v["metadata"]["tags"] = json!((0..n).map(|i| format!("{i:0>len$}")).collect::<Vec<_>>()))
    };
    parse_assessment(&tags(MAX_TAGS, MAX_TAG_CHARS), cat()).unwrap();
    let e = parse_assessment(&tags(MAX_TAGS + 1, 3), cat()).unwrap_err();
    assert!(messages(&e).contains(&format!("at most {MAX_TAGS} tags")), "{}", messages(&e));
    let e = parse_assessment(&tags(1, MAX_TAG_CHARS + 1), cat()).unwrap_err();
    assert!(messages(&e).contains(&format!("1 to {MAX_TAG_CHARS} characters")), "{}", messages(&e));

    // Signing refuses the one past the limit too, and a full history drops its oldest change.
    let mut a = Assessment::new("a", "A", Role::AssetOwner);
    let who = smm_core::signoff::Signer { name: "A. Lee".into(), role: "CISO".into(), ..Default::default() };
    for _ in 0..MAX_SIGNOFFS {
        smm_core::signoff::sign(&mut a, &who, "2026-12-01", &h).unwrap();
    }
    assert!(smm_core::signoff::sign(&mut a, &who, "2026-12-01", &h).unwrap_err().contains("at most 100"));
    for i in 0..=MAX_STEP_HISTORY {
        let status = if i % 2 == 0 { smm_core::StepStatus::Done } else { smm_core::StepStatus::Planned };
        smm_core::plan::set_step_status(
            &mut a,
            "patch-management@2",
            status,
            &format!("2026-12-{:02}", i % 28 + 1),
            "",
        );
    }
    let history = &a.plan["patch-management@2"].history;
    assert_eq!(history.len(), MAX_STEP_HISTORY);
    assert_eq!(history[0].status, smm_core::StepStatus::Planned, "the oldest change went");
}
