//! Bundles, self-verifying exports and redaction.

use smm_core::bundle::{read_file, redact, verify_export, Bundle, Imported, BUNDLE_FORMAT, BUNDLE_VERSION, REDACTED};
use smm_core::history::Snapshots;
use smm_core::trust::TrustCatalogue;
use smm_core::{assessment_to_json, parse_assessment, Catalogue};

const BOTTLING: &str = include_str!("../../../examples/bottling-line-asset-owner.smm.json");
const CAMERA: &str = include_str!("../../../examples/home-camera-product-supplier.smm.json");

#[test]
fn a_bundle_round_trips_and_verifies() {
    let c = Catalogue::builtin();
    let list = vec![parse_assessment(BOTTLING.as_bytes(), c).unwrap(), parse_assessment(CAMERA.as_bytes(), c).unwrap()];
    let mut shots = Snapshots::empty(&list[0].id);
    shots.take(&list[0], "2026-11-01T09:00:00Z", "Baseline");
    let snapshots = vec![shots];
    let json = Bundle {
        format: BUNDLE_FORMAT,
        version: BUNDLE_VERSION,
        exported_at: "2026-11-25T10:00:00Z",
        assessments: &list,
        snapshots: &snapshots,
    }
    .to_json();
    verify_export(&json, &list, &snapshots, c).unwrap();
    match read_file(json.as_bytes(), c).unwrap() {
        Imported::Bundle { assessments, snapshots: s } => {
            assert_eq!(assessments.len(), 2);
            assert_eq!(s, snapshots);
        }
        other => panic!("not a bundle: {other:?}"),
    }
    // A single assessment verifies too, and a mismatch is an error.
    let one = assessment_to_json(&list[0]);
    verify_export(&one, &list[..1], &[], c).unwrap();
    let mut changed = list[0].clone();
    changed.metadata.name.push('!');
    assert!(verify_export(&one, &[changed], &[], c).unwrap_err().contains("reads back differently"));
    assert!(verify_export("{", &list[..1], &[], c).unwrap_err().contains("does not read back"));
}

#[test]
fn redaction_keeps_levels_and_targets_and_drops_every_free_text() {
    let c = Catalogue::builtin();
    let a = parse_assessment(BOTTLING.as_bytes(), c).unwrap();
    let r = redact(&a, c, TrustCatalogue::builtin(), "shared-copy-1");
    let json = assessment_to_json(&r);
    assert_eq!(r.id, "shared-copy-1");
    assert!(!json.contains(&a.id), "the assessment's id is left in the redacted export");
    for secret in
        ["Brightwater", "Okafor", "Line 3 filling", "TTX-2026-06", "J. Meyer", "SEC-CHARTER-2026.pdf", "40,000 EUR"]
    {
        assert!(!json.contains(secret), "`{secret}` left in the redacted export");
    }
    assert_eq!(r.metadata.role, a.metadata.role);
    assert_eq!(r.priorities, a.priorities);
    for (id, t) in &a.targets {
        assert_eq!((r.targets[id].level, r.targets[id].scope), (t.level, t.scope));
    }
    for (id, res) in &a.results {
        assert_eq!(r.results[id].indicators_met, res.indicators_met);
        assert_eq!(
            r.results[id].level_override.as_ref().map(|o| o.level),
            res.level_override.as_ref().map(|o| o.level)
        );
    }
    assert_eq!(r.results["event-detection-and-response-plan"].level_override.as_ref().unwrap().justification, REDACTED);
    // The redacted file is a valid assessment with the same report figures.
    let back = parse_assessment(json.as_bytes(), c).unwrap();
    let (ra, rb) = (smm_core::Report::new(c, &a, "2026-12-06"), smm_core::Report::new(c, &back, "2026-12-06"));
    let figures = |r: &smm_core::Report| {
        r.practices.iter().map(|g| (g.id.clone(), g.status, g.achieved, g.shortfall, g.excess)).collect::<Vec<_>>()
    };
    assert_eq!(figures(&ra), figures(&rb));
    assert_eq!(ra.rollups, rb.rollups);
}
