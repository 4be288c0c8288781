//! The board page (issue 27, item 2): its figures are the report's, its gaps
//! the largest shortfalls in the documented order with their planned steps, its
//! practices above target the ones with an excess, and its sentence names
//! shortfall and over-investment, never "higher is better".

use smm_core::report::{BoardPage, BOARD_GAPS};
use smm_core::{Assessment, Catalogue, Report};

const BOTTLING: &str = include_str!("../../../examples/bottling-line-asset-owner.smm.json");
const CAMERA: &str = include_str!("../../../examples/home-camera-product-supplier.smm.json");

fn board(a: &Assessment) -> (BoardPage, Report) {
    let cat = Catalogue::builtin();
    let report = Report::new(cat, a, "2026-12-06");
    (BoardPage::new(cat, a, &report), report)
}

fn read(text: &str) -> Assessment {
    smm_core::parse_assessment(text.as_bytes(), Catalogue::builtin()).unwrap()
}

#[test]
fn the_figures_gaps_and_excess_follow_the_report() {
    for text in [BOTTLING, CAMERA] {
        let a = read(text);
        let (page, report) = board(&a);
        let o = &report.rollups.overall;
        assert_eq!(page.figures.with_target, o.with_target);
        assert_eq!(page.figures.on_or_above_target, o.on_or_above_target);
        assert_eq!(page.figures.total_shortfall, o.total_shortfall);
        assert_eq!(page.figures.above_target, o.above_target);
        assert_eq!(page.figures.total_excess, o.total_excess);
        let short: Vec<_> = report.practices.iter().filter(|g| g.shortfall > 0).collect();
        assert_eq!(page.figures.below_target as usize, short.len(), "{}", a.id);
        assert!(page.gaps.len() <= BOARD_GAPS);
        assert!(page.gaps_in_all >= short.len());
        // The largest first; none left out that is larger than one shown.
        for w in page.gaps.windows(2) {
            assert!(w[0].shortfall >= w[1].shortfall, "{}: {} before {}", a.id, w[0].practice, w[1].practice);
        }
        if let Some(last) = page.gaps.last() {
            let shown: Vec<&str> = page.gaps.iter().map(|g| g.practice.as_str()).collect();
            assert!(short.iter().filter(|g| !shown.contains(&g.id.as_str())).all(|g| g.shortfall <= last.shortfall));
        }
        // Each gap's steps are the roadmap's steps of that practice, with their plan.
        for g in &page.gaps {
            let steps: Vec<&str> =
                report.roadmap.iter().filter(|s| s.practice == g.practice).map(|s| s.id.as_str()).collect();
            assert_eq!(g.steps.iter().map(|s| s.step.as_str()).collect::<Vec<_>>(), steps, "{}", g.practice);
            for s in &g.steps {
                let plan = a.plan.get(&s.step).cloned().unwrap_or_default();
                assert_eq!((&s.owner, &s.due, s.status), (&plan.owner, &plan.due, plan.status));
            }
        }
        let over: Vec<&str> = report.practices.iter().filter(|g| g.excess > 0).map(|g| g.id.as_str()).collect();
        let mut listed: Vec<&str> = page.over_investment.iter().map(|e| e.practice.as_str()).collect();
        listed.sort_unstable();
        let mut want = over.clone();
        want.sort_unstable();
        assert_eq!(listed, want, "{}", a.id);
        assert!(page.rule.contains("SMM Navigator's own selection"));
    }
}

#[test]
fn the_bottling_line_in_one_sentence() {
    let (page, _) = board(&read(BOTTLING));
    assert_eq!(
        page.summary,
        "6 of 18 practices with a target reach it; 12 fall short by 14 levels in all; \
         2 practices are above their target by 2 levels (possible over-investment to review)."
    );
    // Patch management and monitoring are 2 levels short: they come first.
    assert_eq!(page.gaps[0].practice, "patch-management");
    assert_eq!(page.gaps[1].practice, "monitoring-practices");
    assert_eq!(page.gaps[0].steps[0].owner, "J. Meyer (maintenance)");
}

#[test]
fn no_target_no_gap_and_no_excess_are_said_plainly() {
    let mut a = read(BOTTLING);
    a.targets.clear();
    let (page, _) = board(&a);
    assert_eq!(page.summary, "No practice has a target yet: set the targets to read this assessment against them.");
    assert!(page.gaps.is_empty() && page.over_investment.is_empty());
    let md = page.to_markdown();
    assert!(md.contains("No practice is below its target.") && md.contains("No practice is above its target."));

    // Every target set at the achieved level: nothing short, nothing above.
    let mut b = read(BOTTLING);
    let report = Report::new(Catalogue::builtin(), &b, "2026-12-06");
    for g in &report.practices {
        if let (Some(t), Some(l)) = (b.targets.get_mut(&g.id), g.achieved) {
            t.level = l;
            t.scope = g.achieved_scope.unwrap_or(t.scope);
        }
    }
    let (page, _) = board(&b);
    assert!(page.gaps.is_empty(), "{:?}", page.gaps);
    assert!(!page.summary.contains("short") && !page.summary.contains("above"), "{}", page.summary);
}

#[test]
fn user_text_is_escaped_in_markdown() {
    let mut a = read(BOTTLING);
    a.metadata.name = "Line | 3 <b>".into();
    a.plan.entry("patch-management@2".into()).or_default().owner = "Ops | team".into();
    let md = board(&a).0.to_markdown();
    assert!(md.contains("# Board page: Line \\| 3"), "{md}");
    assert!(!md.contains("<b>"), "{md}");
    assert!(md.contains("Ops \\| team"), "{md}");
}
