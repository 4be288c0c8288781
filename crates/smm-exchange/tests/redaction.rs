//! Redaction by construction: every string of an assessment (every value, and
//! in a second pass every map key too) is replaced by a unique marker, and no
//! marker may appear in anything made from the redacted copy: its JSON, the
//! report as JSON, Markdown and CSV, the roadmap, the requirements of every
//! built-in framework, the checklist, the interview consolidation, the XLSX
//! workbook (every part of the package, inflated) and the OSCAL document.
//! (Here rather than in smm-core because the workbook and OSCAL are made here.) A field
//! added to the format later is filled with a marker by the same walk, so it
//! fails here until the redaction's allow-list takes it on purpose (or not).

use proptest::prelude::*;
use serde_json::Value;
use smm_core::bundle::{redact, redacted_file_name, REDACTED_NAME};
use smm_core::framework::Framework;
use smm_core::interview::{consensus_csv, consensus_json, consensus_md, make_interview, take_answers, AnswersFile};
use smm_core::mapping::{group_coverage, implied_requirements, requirements_csv, requirements_md, Mapping};
use smm_core::report::roadmap_to_csv;
use smm_core::trust::{checklist_csv, Answer, ChecklistAnswer, TradeOff, TrustCatalogue};
use smm_core::{
    assessment_to_json, parse_assessment, Assessment, Catalogue, Evidence, FileFingerprint, Report, StepPlan,
    StepStatus,
};

const BOTTLING: &str = include_str!("../../../examples/bottling-line-asset-owner.smm.json");
const CAMERA: &str = include_str!("../../../examples/home-camera-product-supplier.smm.json");

/// An assessment with every part of the format filled in: metadata, targets
/// with rationales and a not-applicable reason, results with notes, overrides,
/// evidence references and fingerprints, a profile indicator, the plan,
/// trustworthiness (ratings, rationales, trade-offs, aspects, checklist notes),
/// an interview with two interviewees' answers and notes, and resolutions.
fn rich(source: &str) -> Assessment {
    let c = Catalogue::builtin();
    let mut a = parse_assessment(source.as_bytes(), c).unwrap();
    a.metadata.assessor = "Assessor Name".into();
    a.metadata.assessed_on = "2026-11-30".into();
    let practice = c.practices[0].clone();
    let r = a.results.entry(practice.id.clone()).or_default();
    r.notes = "practice notes".into();
    r.evidence.push(Evidence {
        reference: "REF-1".into(),
        holder: "Holder Name".into(),
        obtained: "2026-01-10".into(),
        review_by: "2026-06-30".into(),
        indicators: vec![practice.levels[0].indicators[0].id.clone()],
        ..Evidence::default()
    });
    r.evidence.push(Evidence {
        reference: "policy.pdf".into(),
        file: Some(FileFingerprint {
            name: "policy.pdf".into(),
            size: 1234,
            sha256: "ab".repeat(32),
            taken_on: "2026-11-01".into(),
        }),
        ..Evidence::default()
    });
    a.metadata.tags = vec!["Site Tag".into(), "Unit Tag".into()];
    a.plan.insert(
        format!("{}@2", practice.id),
        StepPlan {
            owner: "Owner Name".into(),
            due: "2027-01-31".into(),
            reference: "TICKET-77".into(),
            ..StepPlan::default()
        },
    );
    smm_core::plan::set_step_status(
        &mut a,
        &format!("{}@2", practice.id),
        StepStatus::InProgress,
        "2026-11-05",
        "Step note",
    );
    let trust = TrustCatalogue::builtin();
    let t = &mut a.trustworthiness;
    for ch in &trust.characteristics {
        let rating = t.characteristics.entry(ch.id.clone()).or_default();
        (rating.minimum, rating.target, rating.current) = (Some(1), Some(3), Some(2));
        rating.minimum_rationale = "min why".into();
        rating.target_rationale = "target why".into();
        rating.current_rationale = "current why".into();
    }
    t.tradeoffs.push(TradeOff {
        description: "a trade-off".into(),
        affects: trust.characteristics.iter().take(2).map(|c| c.id.clone()).collect(),
    });
    for aspect in &trust.aspects {
        t.aspects.insert(aspect.id.clone(), "aspect notes".into());
    }
    for item in trust.items.iter().take(3) {
        t.checklist
            .insert(item.id.clone(), ChecklistAnswer { answer: Answer::Partly, notes: "checklist notes".into() });
    }
    make_interview(&mut a, c, "round-1", std::slice::from_ref(&practice.id), "2026-11-02").unwrap();
    for (who, met) in [("First Interviewee", 1), ("Second Interviewee", 0)] {
        let answers = serde_json::json!({
            "format": "smm-navigator/answers", "version": 1, "interview_id": "round-1",
            "assessment_id": a.id, "title": a.metadata.name, "interviewee": who, "answered_on": "2026-11-03",
            "answers": { practice.id.clone(): {
                "indicators_met": practice.levels[0].indicators.iter().take(met).map(|i| i.id.clone()).collect::<Vec<_>>(),
                "notes": "interviewee notes" } }
        });
        let file: AnswersFile = serde_json::from_value(answers).unwrap();
        take_answers(&mut a, c, file).unwrap();
    }
    a.consensus.insert(
        practice.id.clone(),
        smm_core::interview::Resolution {
            note: "resolution note".into(),
            resolved_on: "2026-11-04".into(),
            answers: 2,
            disagreed: true,
        },
    );
    let who = smm_core::signoff::Signer {
        name: "Signer Name".into(),
        role: "Signer Role".into(),
        statement: "Signer statement".into(),
        scope: "Signer scope".into(),
    };
    let hash = smm_core::signoff::content_sha256(&smm_core::signoff::signed_content(&a));
    smm_core::signoff::sign(&mut a, &who, "2026-11-06", &hash).unwrap();
    a.targets.values_mut().next().unwrap().rationale.push_str(" changed after sign-off");
    a
}

/// Replaces each string value of `a` (and each map key when `keys`) by a unique
/// marker `<prefix>N<suffix>`, wherever the result is still an assessment (the
/// enum fields, such as the role, stay as they are); returns the markers used.
fn mark(a: &Assessment, prefix: &str, suffix: &str, keys: bool) -> (Assessment, Vec<String>) {
    let mut value = serde_json::to_value(a).unwrap();
    let mut markers = Vec::new();
    let mut paths = Vec::new();
    collect(&value, &mut Vec::new(), &mut paths, keys);
    for (path, is_key) in paths {
        let marker = format!("{prefix}{}{suffix}", markers.len());
        let mut trial = value.clone();
        if replace(&mut trial, &path, is_key, &marker) && serde_json::from_value::<Assessment>(trial.clone()).is_ok() {
            value = trial;
            markers.push(marker);
        }
    }
    let marked: Assessment = serde_json::from_value(value).unwrap();
    (marked, markers)
}

#[derive(Clone, Debug)]
enum Step {
    Key(String),
    Index(usize),
}

fn collect(v: &Value, at: &mut Vec<Step>, out: &mut Vec<(Vec<Step>, bool)>, keys: bool) {
    match v {
        Value::String(_) => out.push((at.clone(), false)),
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                at.push(Step::Index(i));
                collect(item, at, out, keys);
                at.pop();
            }
        }
        Value::Object(map) => {
            for (k, item) in map {
                at.push(Step::Key(k.clone()));
                collect(item, at, out, keys);
                // Keys of maps the format keys by id (not the fixed field names).
                if keys && !matches!(k.as_str(), "format" | "metadata") && item.is_object() && !at.is_empty() {
                    out.push((at.clone(), true));
                }
                at.pop();
            }
        }
        _ => {}
    }
}

fn replace(v: &mut Value, path: &[Step], is_key: bool, marker: &str) -> bool {
    let Some((last, parents)) = path.split_last() else { return false };
    let mut cur = v;
    for step in parents {
        cur = match (step, cur) {
            (Step::Key(k), Value::Object(m)) => match m.get_mut(k) {
                Some(x) => x,
                None => return false,
            },
            (Step::Index(i), Value::Array(a)) => match a.get_mut(*i) {
                Some(x) => x,
                None => return false,
            },
            _ => return false,
        };
    }
    match (last, cur, is_key) {
        (Step::Key(k), Value::Object(m), true) => match m.remove(k) {
            Some(x) => {
                m.insert(marker.to_string(), x);
                true
            }
            None => false,
        },
        (Step::Key(k), Value::Object(m), false) => match m.get_mut(k) {
            Some(x @ Value::String(_)) => {
                *x = Value::String(marker.into());
                true
            }
            _ => false,
        },
        (Step::Index(i), Value::Array(a), false) => match a.get_mut(*i) {
            Some(x @ Value::String(_)) => {
                *x = Value::String(marker.into());
                true
            }
            _ => false,
        },
        _ => false,
    }
}

/// Everything SMM Navigator writes from an assessment, as text.
fn every_output(a: &Assessment) -> Vec<(String, String)> {
    let c = Catalogue::builtin();
    let trust = TrustCatalogue::builtin();
    let report = Report::new(c, a, "2026-12-06");
    let mut out = vec![
        ("assessment JSON".to_string(), assessment_to_json(a)),
        ("report JSON".into(), report.to_json()),
        ("report Markdown".into(), report.to_markdown(c)),
        ("gaps CSV".into(), report.gaps_to_csv(c)),
        ("roadmap CSV".into(), roadmap_to_csv(c, &report.roadmap, &a.plan)),
        ("checklist CSV".into(), checklist_csv(trust, &a.trustworthiness)),
        ("consensus Markdown".into(), consensus_md(c, a)),
        ("consensus CSV".into(), consensus_csv(c, a)),
        ("consensus JSON".into(), consensus_json(c, a)),
    ];
    let pairs: Vec<_> =
        Framework::builtin_all().iter().filter_map(|f| Mapping::builtin_for(&f.id).map(|m| (f, m))).collect();
    let book = smm_exchange::xlsx::write_workbook(c, a, &pairs, "2026-12-06T00:00:00Z").unwrap();
    out.push(("workbook".into(), workbook_text(&book)));
    out.push(("OSCAL".into(), smm_exchange::oscal::assessment_results_json(c, a, "2026-12-06T00:00:00Z")));
    for f in Framework::builtin_all() {
        let m = Mapping::builtin_for(&f.id).unwrap();
        let list = implied_requirements(f, m, &report.practices, Some(a.metadata.role));
        out.push((format!("{} requirements CSV", f.id), requirements_csv(c, m, &list)));
        let coverage = group_coverage(f, &list);
        out.push((format!("{} requirements Markdown", f.id), requirements_md(c, f, m, &list, &coverage)));
    }
    out
}

/// Every part of a workbook package, inflated, as one text.
fn workbook_text(book: &[u8]) -> String {
    use std::io::Read;
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(book)).unwrap();
    let mut all = String::new();
    for i in 0..archive.len() {
        let mut part = archive.by_index(i).unwrap();
        let mut bytes = Vec::new();
        part.read_to_end(&mut bytes).unwrap();
        all.push_str(&String::from_utf8_lossy(&bytes));
    }
    all
}

fn assert_no_marker(marked: &Assessment, markers: &[String]) {
    let c = Catalogue::builtin();
    let redacted = redact(marked, c, TrustCatalogue::builtin(), "fresh-id");
    for (what, text) in every_output(&redacted) {
        for m in markers {
            assert!(!text.contains(m.as_str()), "marker `{m}` reached the redacted {what}");
        }
    }
    // The redacted copy is itself an assessment the reader accepts.
    parse_assessment(assessment_to_json(&redacted).as_bytes(), c).unwrap();
}

#[test]
fn no_string_of_an_assessment_reaches_a_redacted_output() {
    for source in [BOTTLING, CAMERA] {
        let a = rich(source);
        for keys in [false, true] {
            let (marked, markers) = mark(&a, "QZX", "XZQ", keys);
            // The walk reached the free texts this test is about.
            assert!(markers.len() > 60, "only {} strings were marked", markers.len());
            // Unredacted, the markers are in the outputs: the check can fail.
            let all: String = every_output(&marked).into_iter().map(|(_, t)| t).collect();
            assert!(markers.iter().filter(|m| all.contains(m.as_str())).count() > markers.len() / 2);
            assert_no_marker(&marked, &markers);
        }
    }
}

#[test]
fn the_redacted_copy_keeps_what_may_be_shared() {
    let c = Catalogue::builtin();
    let a = rich(BOTTLING);
    let r = redact(&a, c, TrustCatalogue::builtin(), "fresh-id");
    assert_eq!((r.id.as_str(), r.metadata.name.as_str()), ("fresh-id", REDACTED_NAME));
    assert_eq!(r.metadata.role, a.metadata.role);
    assert_eq!(r.priorities, a.priorities);
    for (id, t) in &a.targets {
        assert_eq!((r.targets[id].level, r.targets[id].scope), (t.level, t.scope));
        assert_eq!(r.targets[id].not_applicable.is_some(), t.not_applicable.is_some());
    }
    for (id, res) in &a.results {
        assert_eq!(r.results[id].indicators_met, res.indicators_met, "{id}");
        let kept: Vec<_> =
            res.evidence.iter().filter_map(|e| e.file.as_ref().map(|f| (f.size, &f.sha256, &f.taken_on))).collect();
        let got: Vec<_> = r.results[id]
            .evidence
            .iter()
            .filter_map(|e| e.file.as_ref().map(|f| (f.size, &f.sha256, &f.taken_on)))
            .collect();
        assert_eq!(got, kept, "{id}");
    }
    for (id, rating) in &a.trustworthiness.characteristics {
        let got = &r.trustworthiness.characteristics[id];
        assert_eq!((got.minimum, got.target, got.current), (rating.minimum, rating.target, rating.current));
    }
    assert_eq!(r.interviews[0].responses[0].interviewee, "Interviewee 1");
    assert_eq!(r.interviews[0].responses[0].answers.values().next().unwrap().indicators_met.len(), 1);
    assert!(r.trustworthiness.tradeoffs.is_empty() && r.trustworthiness.aspects.is_empty());
    // Evidence keeps its dates and known indicators, not the reference or the holder.
    let first = &c.practices[0].id;
    let ev = r.results[first].evidence.iter().find(|e| e.review_by == "2026-06-30").expect("the dated reference");
    assert_eq!((ev.obtained.as_str(), ev.review_by.as_str()), ("2026-01-10", "2026-06-30"));
    assert_eq!(ev.indicators, [c.practices[0].levels[0].indicators[0].id.clone()]);
    assert!(ev.holder.is_empty() && ev.reference == smm_core::bundle::REDACTED);
    assert!(r.metadata.tags.is_empty(), "tags can name sites");
    // The plan keeps each step's status, due date and the dates and statuses
    // of its history; not the owner, the reference or the notes.
    assert_eq!(r.plan.len(), a.plan.len());
    for (id, p) in &a.plan {
        let got = &r.plan[id];
        assert_eq!((got.status, &got.due), (p.status, &p.due), "{id}");
        assert!(got.owner.is_empty() && got.reference.is_empty(), "{id}");
        let pairs = |h: &[smm_core::StatusChange]| h.iter().map(|c| (c.on.clone(), c.status)).collect::<Vec<_>>();
        assert_eq!(pairs(&got.history), pairs(&p.history), "{id}");
        assert!(got.history.iter().all(|c| c.note.is_empty()));
    }
    assert!(a.plan.values().any(|p| !p.history.is_empty()), "the rich assessment has a history to keep");
    // Sign-offs keep date and hash only.
    assert_eq!(r.signoffs.len(), 1);
    assert_eq!((&r.signoffs[0].signed_on, &r.signoffs[0].sha256), (&a.signoffs[0].signed_on, &a.signoffs[0].sha256));
    assert!(r.signoffs[0].name.is_empty() && r.signoffs[0].role.is_empty() && r.signoffs[0].content.is_none());
    let state = smm_core::signoff::signoff_state(c, &r);
    assert_eq!(state.status, smm_core::signoff::SignOffStatus::Unknown);
    assert!(state.sentence().contains("does not keep the signed content"), "{}", state.sentence());
    // The same figures as the original.
    let (ra, rr) = (Report::new(c, &a, "2026-12-06"), Report::new(c, &r, "2026-12-06"));
    assert_eq!(ra.rollups, rr.rollups);
    assert_eq!(redacted_file_name("2026-12-06T10:00:00Z"), "redacted-assessment-2026-12-06.smm.json");
    assert_eq!(redacted_file_name("not a date"), "redacted-assessment-undated.smm.json");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(12))]
    /// Markers of any length and letters, in either example, never leak.
    #[test]
    fn markers_of_any_shape_never_leak(prefix in "[A-Z]{3,8}", suffix in "[a-z0-9]{2,12}", camera in any::<bool>()) {
        let a = rich(if camera { CAMERA } else { BOTTLING });
        let (marked, markers) = mark(&a, &prefix, &format!("{suffix}END"), false);
        assert_no_marker(&marked, &markers);
    }
}
