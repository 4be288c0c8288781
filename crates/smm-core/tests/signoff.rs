//! Sign-offs, evidence that expires and progress against the plan
//! (assessment format version 6), on the bottling example.

use smm_core::evidence::{is_expired, stale_indicators};
use smm_core::plan::{plan_progress, set_step_status};
use smm_core::signoff::{
    canonical_json, changes, content_sha256, sign, signed_content, signoff_state, verify_newest, SignOffStatus,
    SignedContent, Signer,
};
use smm_core::{parse_assessment, Assessment, Catalogue, Level, StepStatus};

const BOTTLING: &str = include_str!("../../../examples/bottling-line-asset-owner.smm.json");

fn bottling() -> Assessment {
    parse_assessment(BOTTLING.as_bytes(), Catalogue::builtin()).unwrap()
}

fn who() -> Signer {
    Signer { name: "A. Lee".into(), role: "Plant manager".into(), statement: String::new(), scope: "Line 3".into() }
}

fn signed(mut a: Assessment, on: &str) -> Assessment {
    let hash = content_sha256(&signed_content(&a));
    sign(&mut a, &who(), on, &hash).unwrap();
    a
}

/// Keys sorted at every depth: what makes the hash reproducible outside the program.
fn assert_sorted(v: &serde_json::Value, at: &str) {
    match v {
        serde_json::Value::Object(map) => {
            let keys: Vec<&String> = map.keys().collect();
            let mut sorted = keys.clone();
            sorted.sort();
            assert_eq!(keys, sorted, "keys out of order at {at}");
            for (k, x) in map {
                assert_sorted(x, &format!("{at}.{k}"));
            }
        }
        serde_json::Value::Array(list) => list.iter().for_each(|x| assert_sorted(x, at)),
        _ => {}
    }
}

#[test]
fn the_canonical_content_has_sorted_keys_no_white_space_and_a_known_hash() {
    let empty = SignedContent::default();
    assert_eq!(canonical_json(&empty), r#"{"plan":{},"results":{},"targets":{}}"#);
    // sha256sum of those 37 bytes.
    assert_eq!(content_sha256(&empty), "8b669990b03bb9689ecb695ae02f82cc944b75b87c659ff268a2380095b4a9b1");
    let text = canonical_json(&signed_content(&bottling()));
    let value: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(value.to_string(), text, "compact: no white space between tokens");
    // The text is read back by a parser that keeps the order of the keys as written.
    let raw: Vec<(usize, &str)> = text.match_indices("\"targets\"").collect();
    assert_eq!(raw.len(), 1);
    assert!(text.find("\"plan\"") < text.find("\"results\"") && text.find("\"results\"") < text.find("\"targets\""));
    assert!(text.find("\"indicators_met\"") < text.find("\"scope\""), "fields of a struct are sorted too");
    assert_sorted(&serde_json::from_str(&text).unwrap(), "");
}

#[test]
fn a_change_after_signing_is_listed_and_a_new_sign_off_supersedes_the_last() {
    let c = Catalogue::builtin();
    let a = bottling();
    assert_eq!(signoff_state(c, &a).status, SignOffStatus::Unsigned);
    let mut a = signed(a, "2026-12-01");
    let state = signoff_state(c, &a);
    assert_eq!(state.status, SignOffStatus::Unchanged);
    assert_eq!(state.sentence(), "Unchanged since sign-off on 2026-12-01 by A. Lee.");
    assert_eq!(verify_newest(&a), Some((Some(true), true)));
    assert!(a.signoffs[0].statement.contains("approve"), "the standard statement when none is given");

    // Change a target, an indicator and a step's status.
    let before = a.targets["threat-modeling"].level;
    a.targets.get_mut("threat-modeling").unwrap().level = Level::new(4).unwrap();
    a.results.get_mut("threat-modeling").unwrap().indicators_met.pop();
    set_step_status(&mut a, "patch-management@2", StepStatus::Done, "2026-12-03", "Patched");
    let state = signoff_state(c, &a);
    assert_eq!(state.status, SignOffStatus::Changed);
    assert!(
        state.sentence().starts_with("Changed since sign-off on 2026-12-01 by A. Lee: 3 changes"),
        "{}",
        state.sentence()
    );
    let whats: Vec<String> = state.changes.iter().map(|x| format!("{}: {}", x.label, x.what)).collect();
    assert_eq!(
        whats,
        [
            format!("Threat Modeling: target level {before} → 4"),
            "Threat Modeling: indicators no longer met: threat-modeling.1.c".to_string(),
            "Patch Management, step to level 2: status In progress → Done".to_string(),
        ]
    );
    assert_eq!(verify_newest(&a), Some((Some(true), false)));

    // Signing again: two kept, the first keeps only its hash, the state is clean.
    let a = signed(a, "2026-12-04");
    assert_eq!(a.signoffs.len(), 2);
    assert!(a.signoffs[0].content.is_none() && a.signoffs[1].content.is_some());
    assert_ne!(a.signoffs[0].sha256, a.signoffs[1].sha256);
    assert_eq!(signoff_state(c, &a).status, SignOffStatus::Unchanged);
    // The file reads back as it was written, sign-offs and all.
    let back = parse_assessment(smm_core::assessment_to_json(&a).as_bytes(), c).unwrap();
    assert_eq!(back, a);

    // A record whose kept content was edited no longer matches its hash.
    let mut forged = a.clone();
    forged.signoffs[1].content.as_mut().unwrap().targets.clear();
    assert_eq!(verify_newest(&forged), Some((Some(false), true)));
}

#[test]
fn signing_refuses_unfit_names_dates_and_hashes() {
    let mut a = bottling();
    let hash = content_sha256(&signed_content(&a));
    let bad = |a: &mut Assessment, w: Signer, on: &str, h: &str| sign(a, &w, on, h).unwrap_err();
    assert!(bad(&mut a, Signer { name: " ".into(), ..who() }, "2026-12-01", &hash).contains("name"));
    assert!(bad(&mut a, Signer { name: "A\u{202E}gnp".into(), ..who() }, "2026-12-01", &hash).contains("direction"));
    assert!(bad(&mut a, who(), "soon", &hash).contains("not a date"));
    assert!(bad(&mut a, who(), "2026-12-01", "ABC").contains("SHA-256"));
    assert!(a.signoffs.is_empty());
}

#[test]
fn only_the_changes_are_listed_in_catalogue_order() {
    let c = Catalogue::builtin();
    let a = bottling();
    assert!(changes(c, &signed_content(&a), &signed_content(&a)).is_empty());
    let mut b = a.clone();
    b.results.get_mut("patch-management").unwrap().notes.push_str(" More.");
    b.targets.get_mut("security-program-management").unwrap().rationale.push_str(" More.");
    b.trustworthiness.aspects.insert("x".into(), "y".into());
    let list = changes(c, &signed_content(&a), &signed_content(&b));
    let subjects: Vec<&str> = list.iter().map(|x| x.subject.as_str()).collect();
    assert_eq!(subjects, ["security-program-management", "patch-management", "trustworthiness"]);
}

#[test]
fn evidence_past_its_date_flags_indicators_without_unticking_them() {
    let a = bottling();
    let pp = &a.results["physical-protection"];
    // The site audit is to be reviewed by 2026-06-30: current on that day, past it the day after.
    assert!(!is_expired(&pp.evidence[0], "2026-06-30"));
    assert!(is_expired(&pp.evidence[0], "2026-07-01"));
    assert!(stale_indicators("physical-protection", pp, "2026-06-30").is_empty());
    let stale = stale_indicators("physical-protection", pp, "2026-12-06");
    assert_eq!(stale.len(), pp.indicators_met.len(), "practice-wide evidence supports every met indicator");
    assert!(stale.iter().all(|s| s.review_by == "2026-06-30"));
    // Still met: the engine's level is unchanged by expiry.
    let r = smm_core::Report::new(Catalogue::builtin(), &a, "2026-12-06");
    let r0 = smm_core::Report::new(Catalogue::builtin(), &a, "2026-06-30");
    assert_eq!(r.practices, r0.practices);
    assert!(r.evidence.iter().any(|e| e.practice == "physical-protection" && e.expired));
    assert!(r0.evidence.iter().all(|e| !e.expired));
    assert_eq!(r.stale_indicators, stale);

    // Evidence that names an indicator counts for that one only; a second,
    // current piece for the practice keeps the others off the list.
    let mut ac = a.results["access-control"].clone();
    ac.evidence[0].review_by = "2026-01-01".into();
    let stale = stale_indicators("access-control", &ac, "2026-12-06");
    assert_eq!(stale.iter().map(|s| s.indicator.as_str()).collect::<Vec<_>>(), ["access-control.3.a"]);
    ac.evidence.push(smm_core::Evidence { reference: "Firewall rules".into(), ..Default::default() });
    assert!(stale_indicators("access-control", &ac, "2026-12-06").is_empty());
}

#[test]
fn a_status_change_enters_the_history_once() {
    let mut a = bottling();
    set_step_status(&mut a, "patch-management@2", StepStatus::InProgress, "2026-12-05", "again");
    assert_eq!(a.plan["patch-management@2"].history.len(), 1, "the status it has already: nothing recorded");
    set_step_status(&mut a, "patch-management@2", StepStatus::Done, "2026-12-05T10:00:00Z", "  Rolled out  ");
    let last = a.plan["patch-management@2"].history.last().unwrap();
    assert_eq!((last.on.as_str(), last.status, last.note.as_str()), ("2026-12-05", StepStatus::Done, "Rolled out"));
    set_step_status(&mut a, "threat-modeling@2", StepStatus::Planned, "2026-12-05", "");
    assert!(!a.plan.contains_key("threat-modeling@2"), "setting the default status makes no entry");
    set_step_status(&mut a, "threat-modeling@2", StepStatus::InProgress, "2026-12-05", "");
    assert_eq!(a.plan["threat-modeling@2"].history.len(), 1, "a step without a plan gains one");
}

#[test]
fn progress_against_the_plan_counts_reached_open_and_overdue_steps() {
    let c = Catalogue::builtin();
    let a = bottling();
    let r = smm_core::Report::new(c, &a, "2027-02-15");
    let p = &r.progress;
    assert_eq!(p.open, r.roadmap.len());
    assert_eq!(p.steps, p.open + p.reached);
    assert_eq!(p.planned + p.in_progress + p.marked_done, p.open);
    // patch-management@2 is due 2027-01-31 and in progress: overdue on 2027-02-15, not on 2026-12-06.
    assert!(p.overdue.contains(&"patch-management@2".to_string()), "{p:?}");
    assert!(smm_core::Report::new(c, &a, "2026-12-06").progress.overdue.is_empty());
    // Reaching the level takes a step off the roadmap and counts it as reached.
    let mut b = a.clone();
    let practice = c.practice("monitoring-practices").unwrap();
    let ids: Vec<String> = practice.levels[0].indicators_for(b.metadata.role).map(|i| i.id.clone()).collect();
    b.results.entry("monitoring-practices".into()).or_default().indicators_met = ids;
    let rb = smm_core::Report::new(c, &b, "2026-12-06");
    assert!(!rb.roadmap.iter().any(|s| s.id == "monitoring-practices@1"));
    assert_eq!(rb.progress.reached, p.reached + 1, "{:?}", rb.progress);
    // A step that left the roadmap because its target went down is dropped, not reached.
    let mut d = a.clone();
    d.targets.get_mut("patch-management").unwrap().level = Level::new(1).unwrap();
    let rd = plan_progress(
        &d,
        &smm_core::engine::gap_analysis(c, &d),
        &smm_core::engine::roadmap(c, &d, &smm_core::engine::gap_analysis(c, &d)),
        "2026-12-06",
    );
    assert!(rd.dropped >= 2, "{rd:?}");
}

#[test]
fn an_empty_entry_added_after_signing_is_a_change_as_the_hash_says() {
    let c = Catalogue::builtin();
    let mut a = signed(bottling(), "2026-12-01");
    a.results.insert("monitoring-practices-x".into(), Default::default());
    a.results.remove("monitoring-practices-x");
    assert_eq!(signoff_state(c, &a).status, SignOffStatus::Unchanged);
    a.plan.insert("threat-modeling@3".into(), Default::default());
    let state = signoff_state(c, &a);
    assert_eq!(state.status, SignOffStatus::Changed);
    assert_eq!(state.changes.len(), 1);
    assert_eq!(verify_newest(&a), Some((Some(true), false)));
}
