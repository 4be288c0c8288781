//! Many assessments at a glance, and a group compared without a server
//! (issue 28): the portfolio's figures against the engine's gap analysis, the
//! benchmark built from twelve redacted members, its refusals (too few, a
//! minimum below five, hostile files), the position of one member, and time
//! that grows linearly with the count.

use std::time::Instant;

use smm_core::engine::{gap_analysis, GapStatus};
use smm_core::portfolio::{
    build_benchmark, parse_benchmark, position, Benchmark, BenchmarkCell, BenchmarkError, Portfolio, PortfolioFilter,
    BENCHMARK_MIN_GROUP,
};
use smm_core::{parse_assessment, read_any, Assessment, Catalogue, Incoming, Role};

const DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/fixtures");

fn cat() -> &'static Catalogue {
    Catalogue::builtin()
}

fn examples() -> Vec<Assessment> {
    ["bottling-line-asset-owner", "home-camera-product-supplier", "remote-ot-service-provider"]
        .iter()
        .map(|e| {
            let path = format!("{}/../../examples/{e}.smm.json", env!("CARGO_MANIFEST_DIR"));
            parse_assessment(&std::fs::read(path).unwrap(), cat()).unwrap()
        })
        .collect()
}

fn members() -> Vec<Assessment> {
    let mut files: Vec<_> = std::fs::read_dir(format!("{DIR}/benchmark-members"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.to_string_lossy().ends_with(".smm.json"))
        .collect();
    files.sort();
    files.iter().map(|p| parse_assessment(&std::fs::read(p).unwrap(), cat()).unwrap()).collect()
}

#[test]
fn the_portfolio_agrees_with_each_assessments_gap_analysis() {
    let mut all = examples();
    all.extend(members());
    let p = Portfolio::new(cat(), &all, &PortfolioFilter::default());
    assert_eq!(p.rows.len(), 15);
    for (row, a) in p.rows.iter().zip(&all) {
        let gaps = gap_analysis(cat(), a);
        let report = smm_core::Report::new(cat(), a, "2026-12-06");
        assert_eq!(row.on_target, report.rollups.overall.on_or_above_target, "{}", a.id);
        assert_eq!(row.with_target, report.rollups.overall.with_target, "{}", a.id);
        assert_eq!(row.total_shortfall, report.rollups.overall.total_shortfall, "{}", a.id);
        assert_eq!(row.share_on_target, Some(row.on_target * 100 / row.with_target));
        for (cell, g) in row.cells.iter().zip(&gaps) {
            match (g.target, g.achieved, g.status) {
                (_, _, GapStatus::NotApplicable) => assert_eq!(cell.gap, None),
                (Some(t), Some(l), _) => {
                    assert_eq!(cell.gap, Some(l.get() as i8 - t.level.get() as i8), "{}", g.id);
                    // Shortfall and over-investment are the two signs of one figure.
                    assert_eq!(cell.gap.unwrap() < 0, g.shortfall > 0, "{}", g.id);
                    assert_eq!(cell.gap.unwrap() > 0, g.excess > 0, "{}", g.id);
                }
                _ => assert_eq!(cell.gap, None),
            }
        }
    }
    // Per practice, the counts are those of the cells.
    for (i, spread) in p.practices.iter().enumerate() {
        let achieved = p.rows.iter().filter(|r| r.cells[i].achieved.is_some()).count() as u32;
        assert_eq!(spread.achieved.iter().sum::<u32>(), achieved, "{}", spread.practice);
        let below = p.rows.iter().filter(|r| r.cells[i].status == GapStatus::BelowTarget).count() as u32;
        assert_eq!(spread.below, below);
        // Shortfall as the roll-ups count it: what the assessed fall short by.
        let short: u32 =
            p.rows.iter().filter_map(|r| r.cells[i].gap).filter(|g| *g < 0).map(|g| g.unsigned_abs() as u32).sum();
        assert_eq!(spread.total_shortfall, short, "{}", spread.practice);
    }
    // The weakest come first by total shortfall.
    let shortfall = |id: &str| p.practices.iter().find(|s| s.practice == id).unwrap().total_shortfall;
    assert!(p.weakest.windows(2).all(|w| shortfall(&w[0]) >= shortfall(&w[1])), "{:?}", p.weakest);
    assert!(p.weakest.len() <= 5 && !p.weakest.is_empty());
}

#[test]
fn filters_by_role_profile_and_tag() {
    let all = examples();
    let by = |f: PortfolioFilter| Portfolio::new(cat(), &all, &f).rows.iter().map(|r| r.id.clone()).collect::<Vec<_>>();
    assert_eq!(by(PortfolioFilter { role: Some(Role::ProductSupplier), ..Default::default() }), [all[1].id.clone()]);
    assert_eq!(by(PortfolioFilter { tag: Some("Line 3".into()), ..Default::default() }), [all[0].id.clone()]);
    assert!(by(PortfolioFilter { tag: Some("Line".into()), ..Default::default() }).is_empty(), "tags match whole");
    let with_profile: Vec<String> = all.iter().filter(|a| !a.profiles.is_empty()).map(|a| a.id.clone()).collect();
    if let Some(p) = all.iter().find_map(|a| a.profiles.first().cloned()) {
        assert_eq!(by(PortfolioFilter { profile: Some(p), ..Default::default() }), with_profile);
    }
}

#[test]
fn a_benchmark_of_twelve_members_has_cells_of_five_or_more_and_nothing_per_member() {
    let group = members();
    assert_eq!(group.len(), 12);
    let b = build_benchmark(cat(), &group, BENCHMARK_MIN_GROUP, "2026-12-06").unwrap();
    assert_eq!(b.assessments, 12);
    assert!(!b.cells.is_empty());
    for c in &b.cells {
        assert!(c.n >= 5, "{} {:?}: {}", c.practice, c.role, c.n);
        assert_eq!(c.achieved.iter().sum::<u32>(), c.n);
        assert_eq!(c.targets.iter().sum::<u32>(), c.n);
        // The counts are those of the members of that role with a target and a result.
        let levels: Vec<u8> = group
            .iter()
            .filter(|a| a.metadata.role == c.role)
            .filter_map(|a| {
                let g = gap_analysis(cat(), a).into_iter().find(|g| g.id == c.practice)?;
                (g.status != GapStatus::NotApplicable && g.target.is_some()).then_some(g.achieved?.get())
            })
            .collect();
        assert_eq!(levels.len() as u32, c.n);
        for (l, count) in c.achieved.iter().enumerate() {
            assert_eq!(levels.iter().filter(|&&x| x as usize == l).count() as u32, *count);
        }
    }
    // Nothing in the file names or identifies a member.
    let json = b.to_json();
    for a in &group {
        assert!(!json.contains(&a.id), "{} in the benchmark", a.id);
    }
    // The file is what the CLI made for the fixture, and it reads back through the one way in.
    let fixture = std::fs::read(format!("{DIR}/benchmark-v1.json")).unwrap();
    assert_eq!(String::from_utf8_lossy(&fixture).trim_end(), json);
    match read_any(json.as_bytes(), cat()).unwrap() {
        Incoming::Benchmark(read) => assert_eq!(*read, b),
        other => panic!("read as {}", other.kind_name()),
    }
}

#[test]
fn four_members_or_a_minimum_below_five_are_refused() {
    let group = members();
    let e = build_benchmark(cat(), &group[..4], BENCHMARK_MIN_GROUP, "2026-12-06").unwrap_err();
    assert_eq!(e, BenchmarkError::TooFew { given: 4, min_group: 5 });
    assert!(e.to_string().contains("at least 5 assessments"), "{e}");
    let e = build_benchmark(cat(), &group, 4, "2026-12-06").unwrap_err();
    assert!(e.to_string().contains("never has cells of fewer than 5"), "{e}");
    // A higher minimum leaves more cells out.
    let five = build_benchmark(cat(), &group, 5, "2026-12-06").unwrap();
    assert!(build_benchmark(cat(), &group, 7, "2026-12-06").is_err(), "no role has seven members");
    assert!(five.cells.iter().all(|c| c.n == 6));
}

#[test]
fn every_hostile_benchmark_is_refused_with_its_message_and_path() {
    let dir = format!("{DIR}/hostile-benchmarks");
    let expected: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(format!("{dir}/expected.json")).unwrap()).unwrap();
    assert!(expected.as_object().unwrap().len() >= 16);
    for (name, want) in expected.as_object().unwrap() {
        let bytes = std::fs::read(format!("{dir}/{name}")).unwrap();
        let e = parse_benchmark(&bytes, cat()).expect_err(name);
        let message = want["message"].as_str().unwrap();
        assert!(e.to_string().contains(message), "{name}: `{message}` not in `{e}`");
        assert_eq!(e.problems[0].path, want["path"].as_str().unwrap(), "{name}: {e}");
        // The one way in refuses it the same way.
        assert!(read_any(&bytes, cat()).is_err(), "{name}");
    }
}

#[test]
fn quartiles_are_nearest_rank() {
    assert_eq!(BenchmarkCell::quartiles(&[0, 2, 4, 0, 0]), [1, 2, 2]);
    assert_eq!(BenchmarkCell::quartiles(&[5, 0, 0, 0, 0]), [0, 0, 0]);
    assert_eq!(BenchmarkCell::quartiles(&[1, 1, 1, 1, 1]), [1, 2, 3]);
    assert_eq!(BenchmarkCell::quartiles(&[0, 0, 0, 0, 8]), [4, 4, 4]);
}

#[test]
fn a_member_sees_where_it_stands_with_the_group_size() {
    let group = members();
    let b: Benchmark = build_benchmark(cat(), &group, 5, "2026-12-06").unwrap();
    let me = &group[0];
    let pos = position(cat(), &b, me);
    assert!(!pos.is_empty());
    for p in &pos {
        let cell = b.cells.iter().find(|c| c.practice == p.practice && c.role == me.metadata.role).unwrap();
        assert_eq!(p.n, cell.n);
        if p.mine.is_some() {
            assert_eq!(p.below + p.same + p.above, p.n, "{}", p.practice);
            assert!(p.same >= 1, "{}: the member itself is in the group", p.practice);
        }
    }
    // Another role's member gets its own role's cells only.
    let supplier = group.iter().find(|a| a.metadata.role == Role::ProductSupplier).unwrap();
    assert!(position(cat(), &b, supplier).iter().all(|p| {
        b.cells.iter().any(|c| c.practice == p.practice && c.role == Role::ProductSupplier && c.n == p.n)
    }));
}

#[test]
fn portfolio_and_benchmark_time_grows_linearly() {
    let group = members();
    let many = |n: usize| -> Vec<Assessment> { (0..n).map(|i| group[i % group.len()].clone()).collect() };
    let time = |f: &dyn Fn()| {
        (0..3)
            .map(|_| {
                let t = Instant::now();
                f();
                t.elapsed()
            })
            .min()
            .unwrap()
    };
    let (small, large) = (many(100), many(800));
    let p1 = time(&|| {
        let _ = Portfolio::new(cat(), &small, &PortfolioFilter::default());
        let _ = build_benchmark(cat(), &small, 5, "2026-12-06");
    });
    let p8 = time(&|| {
        let _ = Portfolio::new(cat(), &large, &PortfolioFilter::default());
        let _ = build_benchmark(cat(), &large, 5, "2026-12-06");
    });
    let ratio = p8.as_secs_f64() / p1.as_secs_f64().max(1e-9);
    println!("portfolio and benchmark: 100 assessments {p1:?}, 800 {p8:?}, ratio {ratio:.1}");
    assert!(ratio < 16.0, "8 times the assessments took {ratio:.1} times as long");
}
