//! Interview and answers files: the fixtures consolidate as expected, and the
//! hostile corpus (tests/fixtures/hostile-interviews/) is refused with the
//! message and JSON path each file names, the assessment untouched.

use smm_core::interview::{consensus, parse_answers, parse_interview, take_answers};
use smm_core::{Catalogue, DocumentError};

const FIX: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/fixtures");

fn read(path: &str) -> Vec<u8> {
    std::fs::read(format!("{FIX}/{path}")).unwrap()
}

fn owner() -> smm_core::Assessment {
    smm_core::parse_assessment(&read("interviews/assessment.smm.json"), Catalogue::builtin()).unwrap()
}

#[test]
fn the_fixture_answers_disagree_on_two_practices() {
    let cat = Catalogue::builtin();
    let interview = parse_interview(&read("interviews/interview.json"), cat).unwrap();
    let mut a = owner();
    assert_eq!(a.interviews[0].id, interview.id);
    for f in ["interviews/answers-ana.json", "interviews/answers-ben.json"] {
        let t = take_answers(&mut a, cat, parse_answers(&read(f)).unwrap()).unwrap();
        assert!(t.left_out.is_empty(), "{:?}", t.left_out);
    }
    let c = consensus(cat, &a);
    let spread: Vec<(&str, u8)> = c.iter().map(|p| (p.practice.as_str(), p.spread)).collect();
    assert_eq!(
        spread,
        [("security-program-management", 0), ("threat-modeling", 1), ("access-control", 0), ("patch-management", 1)]
    );
    // What the assessment keeps reads back the same.
    let json = smm_core::assessment_to_json(&a);
    assert_eq!(smm_core::parse_assessment(json.as_bytes(), cat).unwrap(), a);
}

fn check(name: &str, e: &DocumentError, message: &str, path: &str) {
    assert!(
        e.problems.iter().any(|p| p.message.contains(message) && p.path.starts_with(path)),
        "{name}: expected `{message}` at `{path}` in {e}"
    );
}

#[test]
fn every_hostile_interview_or_answers_file_is_refused_with_its_path() {
    let cat = Catalogue::builtin();
    let expected: serde_json::Value = serde_json::from_slice(&read("hostile-interviews/expected.json")).unwrap();
    let cases = expected.as_object().unwrap();
    assert_eq!(cases.len(), 21);
    for (name, case) in cases {
        let bytes = read(&format!("hostile-interviews/{name}"));
        let (message, path) = (case["message"].as_str().unwrap(), case["path"].as_str().unwrap_or(""));
        if name.starts_with("interview-") {
            check(name, &parse_interview(&bytes, cat).expect_err(name), message, path);
        } else {
            let mut a = owner();
            let before = a.clone();
            let e = match parse_answers(&bytes) {
                Err(e) => e,
                Ok(f) => take_answers(&mut a, cat, f).expect_err(name),
            };
            check(name, &e, message, path);
            assert_eq!(a, before, "{name}: nothing changed");
        }
    }
}
