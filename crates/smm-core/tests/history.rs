//! Snapshots, trends and comparisons.

use smm_core::history::{compare, trend, Change, Snapshots};
use smm_core::{parse_assessment, Catalogue, Level};

const BOTTLING: &str = include_str!("../../../examples/bottling-line-asset-owner.smm.json");

#[test]
fn snapshots_trend_and_compare() {
    let c = Catalogue::builtin();
    let mut a = parse_assessment(BOTTLING.as_bytes(), c).unwrap();
    let mut shots = Snapshots::empty(&a.id);
    assert_eq!(shots.take(&a, "2026-10-28T10:00:00Z", "Baseline").id, "s1");

    // Tick every level-1 and level-2 indicator of monitoring practices; untick one of patch management level 1.
    let mp = c.practice("monitoring-practices").unwrap();
    let r = a.results.get_mut("monitoring-practices").unwrap();
    r.indicators_met = mp.indicators().filter(|(l, _)| l.level.get() <= 2).map(|(_, i)| i.id.clone()).collect();
    a.results.get_mut("patch-management").unwrap().indicators_met.retain(|i| i != "patch-management.1.a");
    assert_eq!(shots.take(&a, "2026-11-20T10:00:00Z", "After quick wins").id, "s2");

    let t = trend(c, &a, &shots.snapshots);
    let mon = t.iter().find(|p| p.practice == "monitoring-practices").unwrap();
    assert_eq!(mon.achieved, vec![Some(Level::NONE), Some(Level::new(2).unwrap()), Some(Level::new(2).unwrap())]);
    assert_eq!(mon.target.unwrap().level, Level::new(2).unwrap());

    let before = &shots.get("s1").unwrap().assessment;
    let diff = compare(c, before, &a);
    let by = |id: &str| diff.iter().find(|d| d.practice == id).unwrap().change;
    assert_eq!(by("monitoring-practices"), Change::Improved);
    assert_eq!(by("patch-management"), Change::Regressed);
    assert_eq!(by("threat-modeling"), Change::Unchanged);
    assert_eq!(diff.len(), 18);

    // Ids stay unique after a deletion.
    shots.snapshots.remove(0);
    assert_eq!(shots.take(&a, "2026-11-21T10:00:00Z", "").id, "s3");
}
