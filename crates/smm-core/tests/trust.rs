//! The trustworthiness catalogue and the trustworthiness part of an assessment.

use smm_core::trust::{checklist_csv, checklist_summary, Answer, ChecklistAnswer, TradeOff, TrustCatalogue};
use smm_core::{assessment_to_json, parse_assessment, Catalogue};

const BOTTLING: &str = include_str!("../../../examples/bottling-line-asset-owner.smm.json");

#[test]
fn the_catalogue_is_sound() {
    let c = TrustCatalogue::builtin();
    assert_eq!(c.problems(), Vec::<String>::new());
    assert_eq!(c.characteristics.len(), 5);
    assert_eq!(c.phases.len(), 7);
    assert_eq!(c.topics.len(), 5);
    assert!(c.items.len() >= 35);
    assert!(c.about.contains("SMM Navigator's own"), "labelled as our own checklist");
    let mut broken = c.clone();
    broken.items[0].id = "nowhere.01".into();
    broken.items[1].question = "No question mark".into();
    broken.characteristics.pop();
    let p = broken.problems().join("\n");
    assert!(p.contains("should be") && p.contains("question mark") && p.contains("characteristics must be"), "{p}");
}

#[test]
fn an_assessment_carries_ratings_tradeoffs_and_answers() {
    let cat = Catalogue::builtin();
    let tc = TrustCatalogue::builtin();
    let mut a = parse_assessment(BOTTLING.as_bytes(), cat).unwrap();
    let r = a.trustworthiness.characteristics.entry("safety".into()).or_default();
    r.minimum = Some(3);
    r.target = Some(3);
    r.current = Some(2);
    r.target_rationale = "Line stops must never injure operators.".into();
    a.trustworthiness.tradeoffs.push(TradeOff {
        description: "Firmware updates wait for the annual shutdown to keep the line running.".into(),
        affects: vec!["security".into(), "reliability".into(), "safety".into()],
    });
    a.trustworthiness.aspects.insert("process".into(), "Change board meets weekly.".into());
    let first = &tc.items[0];
    let second = &tc.items[1];
    a.trustworthiness
        .checklist
        .insert(first.id.clone(), ChecklistAnswer { answer: Answer::Yes, notes: "ConOps v2".into() });
    a.trustworthiness
        .checklist
        .insert(second.id.clone(), ChecklistAnswer { answer: Answer::Partly, notes: String::new() });
    let back = parse_assessment(assessment_to_json(&a).as_bytes(), cat).unwrap();
    assert_eq!(back, a, "round trip");

    let (phases, topics) = checklist_summary(tc, &a.trustworthiness);
    assert_eq!(phases.len(), 7);
    assert_eq!(topics.len(), 5);
    let (_, s) = phases.iter().find(|(id, _)| *id == first.phase).unwrap();
    assert_eq!((s.yes, s.partly), (1, u32::from(second.phase == first.phase)));
    assert_eq!(s.items, tc.items.iter().filter(|i| i.phase == first.phase).count() as u32);
    assert_eq!(s.coverage_percent(), Some(if second.phase == first.phase { 75 } else { 100 }));
    let csv = checklist_csv(tc, &a.trustworthiness);
    assert!(csv.starts_with('\u{FEFF}') && csv.contains(",Yes,ConOps v2\r\n"));
}

#[test]
fn bad_trustworthiness_data_is_refused_with_paths() {
    let cat = Catalogue::builtin();
    let base: serde_json::Value = serde_json::from_str(BOTTLING).unwrap();
    let cases = [
        (
            serde_json::json!({"characteristics": {"safety": {"target": 7}}}),
            "trustworthiness.characteristics.safety.target",
            "rating 7 is out of range",
        ),
        (
            serde_json::json!({"characteristics": {"beauty": {}}}),
            "trustworthiness.characteristics.beauty",
            "unknown characteristic",
        ),
        (
            serde_json::json!({"tradeoffs": [{"description": "x", "affects": ["safety"]}]}),
            "trustworthiness.tradeoffs[0].affects",
            "at least two",
        ),
        (
            serde_json::json!({"tradeoffs": [{"description": "x", "affects": ["safety", "speed"]}]}),
            "trustworthiness.tradeoffs[0].affects[1]",
            "unknown characteristic",
        ),
        (serde_json::json!({"aspects": {"weather": "sunny"}}), "trustworthiness.aspects.weather", "unknown aspect"),
        (
            serde_json::json!({"checklist": {"implementation.99": {"answer": "yes"}}}),
            "trustworthiness.checklist.implementation.99",
            "unknown checklist item",
        ),
        (
            serde_json::json!({"checklist": {"implementation.01": {"answer": "maybe"}}}),
            "trustworthiness.checklist.implementation.01.answer",
            "unknown variant `maybe`",
        ),
    ];
    for (t, path, needle) in cases {
        let mut v = base.clone();
        v["trustworthiness"] = t;
        let err = parse_assessment(v.to_string().as_bytes(), cat).unwrap_err();
        assert!(err.to_string().contains(needle), "expected `{needle}` in `{err}`");
        assert_eq!(err.problems[0].path, path, "{err}");
    }
}
