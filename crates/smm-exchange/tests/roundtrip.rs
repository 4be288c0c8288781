//! The workbook reads back as no change at all, for every example; the OSCAL
//! document has a finding per practice with a target and the statuses the gap
//! analysis gives.

use smm_core::Catalogue;
use smm_exchange::{oscal, xlsx};

const EXAMPLES: [&str; 2] = [
    include_str!("../../../examples/bottling-line-asset-owner.smm.json"),
    include_str!("../../../examples/home-camera-product-supplier.smm.json"),
];

#[test]
fn an_unedited_workbook_changes_nothing() {
    let cat = Catalogue::builtin();
    for text in EXAMPLES {
        let a = smm_core::parse_assessment(text.as_bytes(), cat).unwrap();
        let book = xlsx::write_workbook(cat, &a, &[], "2026-12-02T00:00:00Z").unwrap();
        let p = xlsx::read_changes(&book, cat, &a).unwrap();
        assert_eq!(p.changes, vec![], "{}", a.id);
        assert_eq!(p.left_out, Vec::<String>::new(), "{}", a.id);
        assert_eq!(p.updated, a);
        // The same assessment always gives the same bytes.
        assert_eq!(book, xlsx::write_workbook(cat, &a, &[], "2026-12-02T00:00:00Z").unwrap());
    }
}

#[test]
fn a_workbook_of_another_assessment_is_refused() {
    let cat = Catalogue::builtin();
    let a = smm_core::parse_assessment(EXAMPLES[0].as_bytes(), cat).unwrap();
    let b = smm_core::parse_assessment(EXAMPLES[1].as_bytes(), cat).unwrap();
    let book = xlsx::write_workbook(cat, &a, &[], "now").unwrap();
    let e = xlsx::read_changes(&book, cat, &b).unwrap_err();
    assert!(e.contains("of another assessment"), "{e}");
}

#[test]
fn oscal_findings_follow_the_gap_analysis() {
    let cat = Catalogue::builtin();
    let a = smm_core::parse_assessment(EXAMPLES[0].as_bytes(), cat).unwrap();
    let doc = oscal::assessment_results(cat, &a, "2026-12-02T00:00:00Z");
    let result = &doc["assessment-results"]["results"][0];
    let findings = result["findings"].as_array().unwrap();
    let gaps = smm_core::engine::gap_analysis(cat, &a);
    let judged: Vec<_> = gaps
        .iter()
        .filter(|g| {
            g.target.is_some()
                && !matches!(g.status, smm_core::GapStatus::NotApplicable | smm_core::GapStatus::NotAssessed)
        })
        .collect();
    assert_eq!(findings.len(), judged.len());
    for (f, g) in findings.iter().zip(&judged) {
        let want = if g.shortfall == 0 && !g.scope_shortfall { "satisfied" } else { "not-satisfied" };
        assert_eq!(f["target"]["status"]["state"], want, "{}", g.id);
        assert_eq!(f["target"]["target-id"], format!("smm-{}_obj", g.id));
        assert_eq!(f.get("related-risks").is_some(), want == "not-satisfied");
    }
    assert_eq!(doc, oscal::assessment_results(cat, &a, "2026-12-02T00:00:00Z"), "stable");
    assert_eq!(doc["assessment-results"]["metadata"]["oscal-version"], "1.1.2");
}
