//! Every saved finding (`crates/smm-fuzz/regressions/<target>/`) and every
//! seed of every target passes its target's checks: a bug the fuzzer found
//! stays fixed, and the properties hold on the real files.

use smm_fuzz::harness::replay;
use smm_fuzz::seeds::{regressions_dir, seeds};
use smm_fuzz::{Outcome, TARGETS};

#[global_allocator]
static ALLOC: smm_fuzz::alloc::Counting = smm_fuzz::alloc::Counting;

#[test]
fn every_seed_and_saved_finding_passes_its_target() {
    let mut failures = Vec::new();
    for t in TARGETS {
        let list = seeds(t.name);
        assert!(!list.is_empty(), "{}: no seeds", t.name);
        let mut accepted = 0;
        for (i, input) in list.iter().enumerate() {
            match replay(t, input) {
                Ok(Outcome::Accepted(_)) => accepted += 1,
                Ok(Outcome::Refused(_)) => {}
                Err(m) => failures.push(format!("{} seed {i}: {m}", t.name)),
            }
        }
        // Each target's seeds include files it accepts, so that mutations start from valid ones.
        assert!(accepted > 0, "{}: no seed is accepted", t.name);
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn saved_findings_are_named_by_their_target() {
    let names: Vec<&str> = TARGETS.iter().map(|t| t.name).collect();
    let root = regressions_dir("x").parent().map(std::path::Path::to_path_buf).unwrap_or_default();
    for entry in std::fs::read_dir(&root).into_iter().flatten().filter_map(Result::ok) {
        let name = entry.file_name().to_string_lossy().to_string();
        assert!(names.contains(&name.as_str()), "regressions/{name} is no target's folder");
    }
}

#[test]
fn a_broken_property_is_a_finding() {
    // The scan target compares the scan with serde_json's reading: feed it a
    // case each way and check that agreement is what makes a pass.
    let scan = smm_fuzz::target("scan").unwrap();
    assert_eq!(replay(scan, br#"{"a":1}"#), Ok(Outcome::Accepted("well-formed".into())));
    assert!(matches!(replay(scan, br#"{"a":1,"a":2}"#), Ok(Outcome::Refused(_))));
    let deep = format!("{}{}", "[".repeat(65), "]".repeat(65));
    assert!(matches!(replay(scan, deep.as_bytes()), Ok(Outcome::Refused(_))));
    let fine = format!("{}{}", "[".repeat(64), "]".repeat(64));
    assert_eq!(replay(scan, fine.as_bytes()), Ok(Outcome::Accepted("well-formed".into())));
}
