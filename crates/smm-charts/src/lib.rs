//! The only code that draws charts: plotters drawings of the engine's report,
//! as SVG for the pages and, with the `png` feature, as PNG images for the
//! Word report ([`png`]), from the same drawing functions. Layout math (rows,
//! positions, segments) is plain functions over the report, kept apart from
//! the drawing so that it can be tested natively.

#![forbid(unsafe_code)]

#[cfg(feature = "png")]
pub mod png;

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use smm_core::engine::{GapStatus, PracticeGap};
use smm_core::interview::Standing;
use smm_core::{Catalogue, Report};

/// Colours, chosen for contrast on white and to differ in lightness as well as
/// hue, so that shortfall and excess stay apart in grey scale too.
pub mod colour {
    use plotters::style::RGBColor;
    /// Achieved, up to the target.
    pub const ACHIEVED: RGBColor = RGBColor(37, 99, 235);
    /// Missing levels up to the target (shortfall).
    pub const SHORTFALL: RGBColor = RGBColor(253, 186, 116);
    /// Border of the shortfall segment.
    pub const SHORTFALL_EDGE: RGBColor = RGBColor(194, 65, 12);
    /// Levels beyond the target (possible over-investment).
    pub const EXCESS: RGBColor = RGBColor(126, 34, 206);
    /// Practices on target.
    pub const ON_TARGET: RGBColor = RGBColor(21, 128, 61);
    /// Not assessed / no target.
    pub const NEUTRAL: RGBColor = RGBColor(156, 163, 175);
    /// Text and the target marker.
    pub const INK: RGBColor = RGBColor(17, 24, 39);
    /// Grid lines.
    pub const GRID: RGBColor = RGBColor(209, 213, 219);
}

/// White, for text on dark segments.
const PAPER: RGBColor = RGBColor(255, 255, 255);

/// One row of the target-versus-achieved chart.
#[derive(Clone, Debug, PartialEq)]
pub enum Row {
    /// A domain heading.
    Domain(String),
    /// A practice.
    Practice {
        /// Display name.
        name: String,
        /// Achieved level, if assessed and applicable.
        achieved: Option<u8>,
        /// Target level, if set and applicable.
        target: Option<u8>,
        /// Status.
        status: GapStatus,
    },
}

/// The rows of the target-versus-achieved chart, grouped by domain in catalogue order.
pub fn gap_rows(catalogue: &Catalogue, gaps: &[PracticeGap]) -> Vec<Row> {
    let mut rows = Vec::new();
    for d in &catalogue.domains {
        rows.push(Row::Domain(d.name.clone()));
        for p in catalogue.practices_in_domain(d) {
            if let Some(g) = gaps.iter().find(|g| g.id == p.id) {
                rows.push(Row::Practice {
                    name: p.name.clone(),
                    achieved: g.achieved.map(|l| l.get()),
                    target: g.target.map(|t| t.level.get()),
                    status: g.status,
                });
            }
        }
    }
    rows
}

/// The horizontal segments of one practice row, in level units: (from, to, kind).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Segment {
    /// Achieved, up to the target (or all of it when there is no target).
    Achieved(u8, u8),
    /// Missing up to the target.
    Shortfall(u8, u8),
    /// Beyond the target.
    Excess(u8, u8),
}

/// Splits a practice's bar into achieved, shortfall and excess segments.
pub fn segments(achieved: Option<u8>, target: Option<u8>) -> Vec<Segment> {
    let mut out = Vec::new();
    match (achieved, target) {
        (Some(a), Some(t)) => {
            if a.min(t) > 0 {
                out.push(Segment::Achieved(0, a.min(t)));
            }
            if t > a {
                out.push(Segment::Shortfall(a, t));
            }
            if a > t {
                out.push(Segment::Excess(t, a));
            }
        }
        (Some(a), None) if a > 0 => out.push(Segment::Achieved(0, a)),
        (None, Some(t)) if t > 0 => out.push(Segment::Shortfall(0, t)),
        _ => {}
    }
    out
}

/// The short text at the end of a practice row.
pub fn row_note(achieved: Option<u8>, target: Option<u8>, status: GapStatus) -> String {
    match status {
        GapStatus::NotApplicable => "not applicable".into(),
        GapStatus::NotAssessed => "not assessed".into(),
        GapStatus::NoTarget => format!("{} (no target)", achieved.unwrap_or(0)),
        GapStatus::OnTarget => format!("{} = target", achieved.unwrap_or(0)),
        GapStatus::BelowTarget => format!(
            "{} of {} (−{})",
            achieved.unwrap_or(0),
            target.unwrap_or(0),
            target.unwrap_or(0).saturating_sub(achieved.unwrap_or(0))
        ),
        GapStatus::AboveTarget => format!(
            "{} vs {} (+{} over)",
            achieved.unwrap_or(0),
            target.unwrap_or(0),
            achieved.unwrap_or(0).saturating_sub(target.unwrap_or(0))
        ),
    }
}

const WIDTH: u32 = 860;
const ROW: i32 = 26;
const LABEL_W: i32 = 330;
const NOTE_W: i32 = 150;
const TOP: i32 = 34;

/// The size of the target-versus-achieved chart of `rows`, in pixels.
fn gap_chart_size(rows: &[Row]) -> (u32, u32) {
    let legend_h = 40;
    (WIDTH, (TOP + ROW * rows.len() as i32 + legend_h) as u32)
}

/// Target versus achieved for every practice, grouped by domain, as an SVG document.
pub fn gap_chart_svg(catalogue: &Catalogue, report: &Report) -> String {
    let rows = gap_rows(catalogue, &report.practices);
    let (width, height) = gap_chart_size(&rows);
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (width, height)).into_drawing_area();
        let _ = draw_gap_chart(&root, &rows, height);
        let _ = root.present();
    }
    svg
}

fn draw_gap_chart<DB: DrawingBackend>(
    root: &DrawingArea<DB, plotters::coord::Shift>,
    rows: &[Row],
    height: u32,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    root.fill(&WHITE)?;
    let x0 = LABEL_W;
    let x1 = WIDTH as i32 - NOTE_W;
    let x_of = |level: u8| x0 + (x1 - x0) * i32::from(level) / 4;
    let text = |size: i32, h: HPos| {
        TextStyle::from(("sans-serif", size).into_font()).color(&colour::INK).pos(Pos::new(h, VPos::Center))
    };
    let bottom = TOP + ROW * rows.len() as i32;
    for level in 0..=4u8 {
        let x = x_of(level);
        root.draw(&PathElement::new(vec![(x, TOP - 6), (x, bottom)], colour::GRID))?;
        root.draw(&Text::new(format!("{level}"), (x, TOP - 16), text(12, HPos::Center)))?;
    }
    root.draw(&Text::new("Level", (x0 - 12, TOP - 16), text(12, HPos::Right)))?;
    for (i, row) in rows.iter().enumerate() {
        let y = TOP + ROW * i as i32;
        let mid = y + ROW / 2;
        match row {
            Row::Domain(name) => {
                let style = TextStyle::from(("sans-serif", 14).into_font().style(FontStyle::Bold))
                    .color(&colour::INK)
                    .pos(Pos::new(HPos::Left, VPos::Center));
                root.draw(&Text::new(name.clone(), (6, mid), style))?;
            }
            Row::Practice { name, achieved, target, status } => {
                root.draw(&Text::new(truncate(name, 52), (16, mid), text(12, HPos::Left)))?;
                let (top, bot) = (y + 5, y + ROW - 5);
                for seg in segments(*achieved, *target) {
                    let (from, to, fill, edge) = match seg {
                        Segment::Achieved(a, b) => (a, b, colour::ACHIEVED, colour::ACHIEVED),
                        Segment::Shortfall(a, b) => (a, b, colour::SHORTFALL, colour::SHORTFALL_EDGE),
                        Segment::Excess(a, b) => (a, b, colour::EXCESS, colour::EXCESS),
                    };
                    root.draw(&Rectangle::new([(x_of(from), top), (x_of(to), bot)], fill.filled()))?;
                    root.draw(&Rectangle::new([(x_of(from), top), (x_of(to), bot)], edge.stroke_width(1)))?;
                }
                if let Some(t) = target {
                    let x = x_of(*t);
                    root.draw(&Rectangle::new([(x - 2, y + 1), (x + 2, y + ROW - 1)], colour::INK.filled()))?;
                }
                root.draw(&Text::new(row_note(*achieved, *target, *status), (x1 + 10, mid), text(12, HPos::Left)))?;
            }
        }
    }
    // Legend.
    let ly = bottom + 20;
    let mut lx = 16;
    for (label, fill, edge) in [
        ("Achieved", colour::ACHIEVED, colour::ACHIEVED),
        ("Shortfall (below target)", colour::SHORTFALL, colour::SHORTFALL_EDGE),
        ("Above target (possible over-investment)", colour::EXCESS, colour::EXCESS),
    ] {
        root.draw(&Rectangle::new([(lx, ly - 7), (lx + 16, ly + 7)], fill.filled()))?;
        root.draw(&Rectangle::new([(lx, ly - 7), (lx + 16, ly + 7)], edge.stroke_width(1)))?;
        root.draw(&Text::new(label, (lx + 22, ly), text(12, HPos::Left)))?;
        lx += 30 + 7 * label.len() as i32;
    }
    root.draw(&Rectangle::new([(lx, ly - 9), (lx + 4, ly + 9)], colour::INK.filled()))?;
    root.draw(&Text::new("Target", (lx + 10, ly), text(12, HPos::Left)))?;
    let _ = height;
    Ok(())
}

/// Counts of practice statuses in one domain, for the summary chart.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DomainCounts {
    /// Domain name.
    pub name: String,
    /// (label, count, colour) in drawing order.
    pub parts: Vec<(&'static str, u32, RGBColor)>,
}

/// Per-domain counts of practice statuses.
pub fn domain_counts(catalogue: &Catalogue, report: &Report) -> Vec<DomainCounts> {
    catalogue
        .domains
        .iter()
        .map(|d| {
            let count = |wanted: &[GapStatus]| {
                catalogue
                    .practices_in_domain(d)
                    .filter(|p| report.practices.iter().any(|g| g.id == p.id && wanted.contains(&g.status)))
                    .count() as u32
            };
            DomainCounts {
                name: d.name.clone(),
                parts: vec![
                    ("On target", count(&[GapStatus::OnTarget]), colour::ON_TARGET),
                    ("Above target", count(&[GapStatus::AboveTarget]), colour::EXCESS),
                    ("Below target", count(&[GapStatus::BelowTarget]), colour::SHORTFALL_EDGE),
                    (
                        "Not assessed or no target",
                        count(&[GapStatus::NotAssessed, GapStatus::NoTarget]),
                        colour::NEUTRAL,
                    ),
                    ("Not applicable", count(&[GapStatus::NotApplicable]), colour::GRID),
                ],
            }
        })
        .collect()
}

/// The per-domain summary as an SVG document: one stacked bar of practice statuses per domain.
pub fn domain_chart_svg(catalogue: &Catalogue, report: &Report) -> String {
    let counts = domain_counts(catalogue, report);
    let (width, height) = domain_chart_size(&counts);
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (width, height)).into_drawing_area();
        let _ = draw_domain_chart(&root, &counts);
        let _ = root.present();
    }
    svg
}

/// The size of the per-domain chart of `counts`, in pixels.
fn domain_chart_size(counts: &[DomainCounts]) -> (u32, u32) {
    (WIDTH, 40 + 44 * counts.len() as u32 + 50)
}

fn draw_domain_chart<DB: DrawingBackend>(
    root: &DrawingArea<DB, plotters::coord::Shift>,
    counts: &[DomainCounts],
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    root.fill(&WHITE)?;
    let x0 = 160;
    let x1 = WIDTH as i32 - 20;
    let label = |h: HPos, c: &'static RGBColor| {
        TextStyle::from(("sans-serif", 13).into_font()).color(c).pos(Pos::new(h, VPos::Center))
    };
    for (i, d) in counts.iter().enumerate() {
        let y = 30 + 44 * i as i32;
        let total: u32 = d.parts.iter().map(|p| p.1).sum::<u32>().max(1);
        root.draw(&Text::new(d.name.clone(), (10, y + 15), label(HPos::Left, &colour::INK)))?;
        let mut x = x0;
        for (_, n, c) in &d.parts {
            if *n == 0 {
                continue;
            }
            let w = (x1 - x0) * *n as i32 / total as i32;
            root.draw(&Rectangle::new([(x, y), (x + w, y + 30)], c.filled()))?;
            root.draw(&Rectangle::new([(x, y), (x + w, y + 30)], WHITE.stroke_width(1)))?;
            let ink = if *c == colour::GRID || *c == colour::NEUTRAL { &colour::INK } else { &PAPER };
            root.draw(&Text::new(format!("{n}"), (x + w / 2, y + 15), label(HPos::Center, ink)))?;
            x += w;
        }
    }
    let ly = 30 + 44 * counts.len() as i32 + 20;
    let mut lx = 10;
    for (name, _, c) in counts.first().map(|d| d.parts.clone()).unwrap_or_default() {
        root.draw(&Rectangle::new([(lx, ly - 7), (lx + 16, ly + 7)], c.filled()))?;
        root.draw(&Text::new(name, (lx + 22, ly), label(HPos::Left, &colour::INK)))?;
        lx += 34 + 7 * name.len() as i32;
    }
    Ok(())
}

/// One bar of the coverage chart: a top-level group, covered and open requirements.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CoverageBar {
    /// Group id and title.
    pub label: String,
    /// Implied requirements covered.
    pub covered: usize,
    /// Implied requirements not yet covered.
    pub open: usize,
}

/// The bars of the coverage chart: one per top-level group, in framework order.
pub fn coverage_bars(coverage: &[smm_core::mapping::GroupCoverage]) -> Vec<CoverageBar> {
    coverage
        .iter()
        .filter(|g| g.depth == 0)
        .map(|g| CoverageBar {
            label: truncate(&format!("{} {}", g.group, g.title), 24),
            covered: g.covered,
            open: g.implied - g.covered,
        })
        .collect()
}

/// The coverage summary as an SVG document: per top-level group, a bar of
/// covered and open implied requirements on a common scale.
pub fn coverage_chart_svg(coverage: &[smm_core::mapping::GroupCoverage]) -> String {
    let bars = coverage_bars(coverage);
    let height = 30 + 36 * bars.len() as u32 + 40;
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (WIDTH, height)).into_drawing_area();
        let _ = draw_coverage_chart(&root, &bars);
        let _ = root.present();
    }
    svg
}

fn draw_coverage_chart<DB: DrawingBackend>(
    root: &DrawingArea<DB, plotters::coord::Shift>,
    bars: &[CoverageBar],
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    root.fill(&WHITE)?;
    let x0 = 220;
    let x1 = WIDTH as i32 - 70;
    let most = bars.iter().map(|b| b.covered + b.open).max().unwrap_or(0).max(1) as i32;
    let label = |h: HPos, c: &'static RGBColor| {
        TextStyle::from(("sans-serif", 13).into_font()).color(c).pos(Pos::new(h, VPos::Center))
    };
    for (i, b) in bars.iter().enumerate() {
        let y = 20 + 36 * i as i32;
        root.draw(&Text::new(b.label.clone(), (10, y + 12), label(HPos::Left, &colour::INK)))?;
        let wc = (x1 - x0) * b.covered as i32 / most;
        let wo = (x1 - x0) * b.open as i32 / most;
        if wc > 0 {
            root.draw(&Rectangle::new([(x0, y), (x0 + wc, y + 24)], colour::ACHIEVED.filled()))?;
        }
        if wo > 0 {
            root.draw(&Rectangle::new([(x0 + wc, y), (x0 + wc + wo, y + 24)], colour::SHORTFALL.filled()))?;
            root.draw(&Rectangle::new([(x0 + wc, y), (x0 + wc + wo, y + 24)], colour::SHORTFALL_EDGE.stroke_width(1)))?;
        }
        let text = format!("{} of {}", b.covered, b.covered + b.open);
        root.draw(&Text::new(text, (x0 + wc + wo + 6, y + 12), label(HPos::Left, &colour::INK)))?;
    }
    let ly = 20 + 36 * bars.len() as i32 + 16;
    for (k, (name, c)) in
        [("Covered", colour::ACHIEVED), ("Not yet covered", colour::SHORTFALL)].into_iter().enumerate()
    {
        let lx = 10 + 150 * k as i32;
        root.draw(&Rectangle::new([(lx, ly - 7), (lx + 16, ly + 7)], c.filled()))?;
        root.draw(&Text::new(name, (lx + 22, ly), label(HPos::Left, &colour::INK)))?;
    }
    Ok(())
}

/// How one interviewee's derived level stands against the others' on a practice.
/// A heatmap cell level with the majority.
const SAME: RGBColor = RGBColor(219, 234, 254);
/// A heatmap cell in a row with no majority.
const SPLIT: RGBColor = RGBColor(254, 240, 138);

/// One practice row of the interview heatmap.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HeatRow {
    /// Practice name.
    pub label: String,
    /// Per interviewee (in `names` order): their derived level and how it stands, or no answer.
    pub cells: Vec<Option<(u8, Standing)>>,
    /// Highest minus lowest derived level.
    pub spread: u8,
}

/// The heatmap's rows: per practice with answers, each interviewee's level and
/// how it stands against the level more than half of them hold (the core's
/// rule, [`smm_core::interview::PracticeConsensus::standing`]).
pub fn heat_rows(
    catalogue: &Catalogue,
    consensus: &[smm_core::interview::PracticeConsensus],
    names: &[String],
) -> Vec<HeatRow> {
    consensus
        .iter()
        .map(|c| {
            let cells = names
                .iter()
                .map(|n| c.opinions.iter().find(|o| o.interviewee == *n).map(|o| (o.level.get(), c.standing(o.level))))
                .collect();
            HeatRow {
                label: catalogue.practice(&c.practice).map_or(c.practice.clone(), |p| p.name.clone()),
                cells,
                spread: c.spread,
            }
        })
        .collect()
}

/// The interview heatmap as an SVG document: practices down, interviewees
/// across, each cell the level their answers derive; cells off the majority,
/// rows without one, and rows with a spread stand out.
pub fn heatmap_svg(rows: &[HeatRow], names: &[String]) -> String {
    let cols = names.len() as u32 + 1;
    let cell_w = 124u32;
    let width = (230 + cell_w * cols + 20).max(WIDTH.min(560));
    let height = 70 + 30 * rows.len() as u32 + 72;
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (width, height)).into_drawing_area();
        let _ = draw_heatmap(&root, rows, names, cell_w as i32);
        let _ = root.present();
    }
    svg
}

fn draw_heatmap<DB: DrawingBackend>(
    root: &DrawingArea<DB, plotters::coord::Shift>,
    rows: &[HeatRow],
    names: &[String],
    cell_w: i32,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    root.fill(&WHITE)?;
    let x0 = 230;
    let y0 = 60;
    let style = |h: HPos, c: &'static RGBColor| {
        TextStyle::from(("sans-serif", 13).into_font()).color(c).pos(Pos::new(h, VPos::Center))
    };
    for (j, n) in names.iter().chain(std::iter::once(&"Spread".to_string())).enumerate() {
        let x = x0 + cell_w * j as i32 + cell_w / 2;
        root.draw(&Text::new(truncate(n, 16), (x, y0 - 16), style(HPos::Center, &colour::INK)))?;
    }
    for (i, r) in rows.iter().enumerate() {
        let y = y0 + 30 * i as i32;
        root.draw(&Text::new(truncate(&r.label, 30), (10, y + 13), style(HPos::Left, &colour::INK)))?;
        for (j, cell) in r.cells.iter().enumerate() {
            let x = x0 + cell_w * j as i32;
            let rect = [(x + 2, y + 1), (x + cell_w - 2, y + 26)];
            let (fill, ink, text) = match cell {
                None => (PAPER, &colour::NEUTRAL, "-".to_string()),
                Some((l, Standing::Same)) => (SAME, &colour::INK, l.to_string()),
                Some((l, Standing::Below)) => (colour::SHORTFALL, &colour::INK, format!("{l} (lower)")),
                Some((l, Standing::Above)) => (colour::EXCESS, &PAPER, format!("{l} (higher)")),
                Some((l, Standing::Split)) => (SPLIT, &colour::INK, format!("{l} (split)")),
            };
            root.draw(&Rectangle::new(rect, fill.filled()))?;
            root.draw(&Rectangle::new(rect, colour::GRID.stroke_width(1)))?;
            root.draw(&Text::new(text, (x + cell_w / 2, y + 13), style(HPos::Center, ink)))?;
        }
        let x = x0 + cell_w * r.cells.len() as i32;
        let rect = [(x + 2, y + 1), (x + cell_w - 2, y + 26)];
        let (fill, ink) = if r.spread > 0 { (colour::SHORTFALL_EDGE, &PAPER) } else { (PAPER, &colour::INK) };
        root.draw(&Rectangle::new(rect, fill.filled()))?;
        root.draw(&Rectangle::new(rect, colour::GRID.stroke_width(1)))?;
        root.draw(&Text::new(r.spread.to_string(), (x + cell_w / 2, y + 13), style(HPos::Center, ink)))?;
    }
    let ly = y0 + 30 * rows.len() as i32 + 22;
    for (k, (name, c)) in [
        ("As most", SAME),
        ("Lower than most", colour::SHORTFALL),
        ("Higher than most", colour::EXCESS),
        ("No majority", SPLIT),
        ("Spread over 0", colour::SHORTFALL_EDGE),
    ]
    .into_iter()
    .enumerate()
    {
        let (lx, ly) = (10 + 170 * (k as i32 % 3), ly + 22 * (k as i32 / 3));
        root.draw(&Rectangle::new([(lx, ly - 7), (lx + 16, ly + 7)], c.filled()))?;
        root.draw(&Rectangle::new([(lx, ly - 7), (lx + 16, ly + 7)], colour::GRID.stroke_width(1)))?;
        root.draw(&Text::new(name, (lx + 22, ly), style(HPos::Left, &colour::INK)))?;
    }
    Ok(())
}

fn truncate(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_string()
    } else {
        let mut t: String = s.chars().take(max - 1).collect();
        t.push('…');
        t
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn segments_split_achieved_shortfall_and_excess() {
        assert_eq!(segments(Some(1), Some(3)), vec![Segment::Achieved(0, 1), Segment::Shortfall(1, 3)]);
        assert_eq!(segments(Some(4), Some(2)), vec![Segment::Achieved(0, 2), Segment::Excess(2, 4)]);
        assert_eq!(segments(Some(2), Some(2)), vec![Segment::Achieved(0, 2)]);
        assert_eq!(segments(Some(0), Some(2)), vec![Segment::Shortfall(0, 2)]);
        assert_eq!(segments(None, Some(2)), vec![Segment::Shortfall(0, 2)]);
        assert_eq!(segments(None, None), vec![]);
    }

    #[test]
    fn coverage_bars_are_top_level_groups_split_into_covered_and_open() {
        use smm_core::mapping::GroupCoverage;
        let g = |group: &str, depth, implied, covered| GroupCoverage {
            group: group.into(),
            title: "T".into(),
            depth,
            implied,
            covered,
        };
        let bars = coverage_bars(&[g("GV", 0, 5, 2), g("GV.OC", 1, 3, 1), g("ID", 0, 0, 0)]);
        assert_eq!(bars.len(), 2, "only top-level groups get a bar");
        assert_eq!((bars[0].covered, bars[0].open), (2, 3));
        assert_eq!((bars[1].covered, bars[1].open), (0, 0));
        assert!(coverage_chart_svg(&[g("GV", 0, 5, 2)]).contains("2 of 5"));
    }

    #[test]
    fn notes_name_shortfall_and_excess_differently() {
        assert_eq!(row_note(Some(1), Some(3), GapStatus::BelowTarget), "1 of 3 (−2)");
        assert_eq!(row_note(Some(3), Some(2), GapStatus::AboveTarget), "3 vs 2 (+1 over)");
    }
}

/// The vertex of axis `i` of `n` for a rating `value` (0-4) on a radar of
/// `radius` around `center`; axis 0 points up, the others follow clockwise.
pub fn radar_point(center: (i32, i32), radius: f64, i: usize, n: usize, value: f64) -> (i32, i32) {
    // Single-precision trigonometry is exact enough for whole pixels, and its
    // code is a fraction of the double-precision one in the wasm.
    let angle = -std::f32::consts::FRAC_PI_2 + std::f32::consts::TAU * i as f32 / n as f32;
    let r = radius * value / 4.0;
    (center.0 + (r * f64::from(angle.cos())).round() as i32, center.1 + (r * f64::from(angle.sin())).round() as i32)
}

/// A radar chart of minimum, target and current ratings (0-4) per characteristic,
/// as an SVG document; the first series is drawn dashed, on top. Missing ratings
/// are drawn at 0.
pub fn radar_svg(names: &[String], series: &[(&'static str, RGBColor, Vec<Option<u8>>)]) -> String {
    let (w, h) = (620u32, 470u32);
    let center = (310, 225);
    let radius = 165.0;
    let n = names.len().max(3);
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (w, h)).into_drawing_area();
        let _ = draw_radar(&root, names, series, center, radius, n);
        let _ = root.present();
    }
    svg
}

fn draw_radar<DB: DrawingBackend>(
    root: &DrawingArea<DB, plotters::coord::Shift>,
    names: &[String],
    series: &[(&'static str, RGBColor, Vec<Option<u8>>)],
    center: (i32, i32),
    radius: f64,
    n: usize,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    root.fill(&WHITE)?;
    let text =
        |h: HPos| TextStyle::from(("sans-serif", 13).into_font()).color(&colour::INK).pos(Pos::new(h, VPos::Center));
    for ring in 1..=4 {
        let pts: Vec<(i32, i32)> = (0..=n).map(|i| radar_point(center, radius, i % n, n, f64::from(ring))).collect();
        root.draw(&PathElement::new(pts, colour::GRID))?;
        let (x, y) = radar_point(center, radius, 0, n, f64::from(ring));
        root.draw(&Text::new(format!("{ring}"), (x + 6, y), text(HPos::Left)))?;
    }
    for (i, name) in names.iter().enumerate() {
        root.draw(&PathElement::new(vec![center, radar_point(center, radius, i, n, 4.0)], colour::GRID))?;
        let (x, y) = radar_point(center, radius + 22.0, i, n, 4.0);
        let h = if x < center.0 - 10 {
            HPos::Right
        } else if x > center.0 + 10 {
            HPos::Left
        } else {
            HPos::Center
        };
        root.draw(&Text::new(name.clone(), (x, y), text(h)))?;
    }
    for (_, colour, values) in series {
        let pts: Vec<(i32, i32)> = (0..=n)
            .map(|i| {
                radar_point(center, radius, i % n, n, f64::from(values.get(i % n).copied().flatten().unwrap_or(0)))
            })
            .collect();
        root.draw(&PathElement::new(pts.clone(), colour.stroke_width(3)))?;
        for p in &pts {
            root.draw(&Circle::new(*p, 4, colour.filled()))?;
        }
    }
    let mut lx = 20;
    let ly = 455;
    for (label, colour, _) in series {
        root.draw(&Rectangle::new([(lx, ly - 6), (lx + 22, ly + 6)], colour.filled()))?;
        root.draw(&Text::new(*label, (lx + 28, ly), text(HPos::Left)))?;
        lx += 40 + 8 * label.len() as i32;
    }
    Ok(())
}

#[cfg(test)]
mod heat_tests {
    use super::*;
    use smm_core::interview::{consensus, make_interview, take_answers, Answer, AnswersFile};

    #[test]
    fn cells_off_the_median_stand_out_and_missing_answers_are_blank() {
        let cat = Catalogue::builtin();
        let p = &cat.practices[0];
        let l1: Vec<String> = p.levels[0].indicators.iter().map(|i| i.id.clone()).collect();
        let mut a = smm_core::Assessment::new("a", "A", smm_core::Role::AssetOwner);
        make_interview(&mut a, cat, "iv", std::slice::from_ref(&p.id), "2026-12-01").unwrap();
        for (who, met) in [("A", l1.clone()), ("B", l1.clone()), ("C", vec![])] {
            let f = AnswersFile {
                format: smm_core::interview::ANSWERS_FORMAT.into(),
                version: 1,
                interview_id: "iv".into(),
                assessment_id: "a".into(),
                title: String::new(),
                interviewee: who.into(),
                answered_on: String::new(),
                answers: [(p.id.clone(), Answer { indicators_met: met, notes: String::new() })].into(),
            };
            take_answers(&mut a, cat, f).unwrap();
        }
        let names = vec!["A".to_string(), "B".into(), "C".into(), "D".into()];
        let rows = heat_rows(cat, &consensus(cat, &a), &names);
        assert_eq!(
            rows[0].cells,
            vec![Some((1, Standing::Same)), Some((1, Standing::Same)), Some((0, Standing::Below)), None]
        );
        assert_eq!(rows[0].spread, 1);
        let svg = heatmap_svg(&rows, &names);
        assert!(svg.contains("0 (lower)") && svg.contains("Spread"), "{svg}");
    }
}

#[cfg(test)]
mod radar_tests {
    use super::*;

    #[test]
    fn radar_points_scale_with_the_rating() {
        assert_eq!(radar_point((100, 100), 80.0, 0, 5, 4.0), (100, 20), "axis 0 points up");
        assert_eq!(radar_point((100, 100), 80.0, 0, 5, 0.0), (100, 100));
        let (x, _) = radar_point((100, 100), 80.0, 1, 5, 4.0);
        assert!(x > 100, "axis 1 is to the right");
    }
}

/// The portfolio heatmap as an SVG document: practices down, assessments
/// across, each cell the gap (achieved minus target) with its number: orange
/// shades for shortfall (darker the larger), purple for over-investment, pale
/// green on target, grey not applicable, white not assessed or without target.
/// `columns` are the assessments' names; `cells[c][p]` the gap of practice `p`
/// in assessment `c` as the table words it (`-2`, `0`, `+1`, `n/a`, ...).
///
/// Up to [`PORTFOLIO_NUMBERS_UP_TO`] assessments each cell carries its number
/// and each column its name (plotters). Past that the chart carries colours
/// only, the table beside it every figure, and it is written directly: all the
/// runs of one colour are one path, so that the drawing has a few dozen
/// elements however many assessments it shows, and a filter's redraw stays
/// within its budget (issue 28).
pub fn portfolio_heatmap_svg(practices: &[String], columns: &[String], cells: &[Vec<String>]) -> String {
    if columns.len() > PORTFOLIO_NUMBERS_UP_TO {
        return portfolio_runs_svg(practices, cells);
    }
    let (label_w, head_h, cell_w) = (300u32, 150u32, 46u32);
    let width = label_w + cell_w * columns.len() as u32 + 20;
    let height = head_h + 24 * practices.len() as u32 + 60;
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (width, height)).into_drawing_area();
        let _ = draw_portfolio(&root, practices, columns, cells, (label_w as i32, head_h as i32, cell_w as i32));
        let _ = root.present();
    }
    svg
}

/// The most assessments the portfolio heatmap draws with numbers and names.
pub const PORTFOLIO_NUMBERS_UP_TO: usize = 40;

/// The legend of the portfolio heatmap: label and a cell text of its colour.
const PORTFOLIO_LEGEND: [(&str, &str); 6] = [
    ("Shortfall of 2 or more", "-2"),
    ("Shortfall of 1", "-1"),
    ("On target", "0"),
    ("Above target", "+1"),
    ("Not applicable", "n/a"),
    ("Not assessed (–) or no target (·)", "not assessed"),
];

/// Text as XML character data.
fn xml(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

/// `#rrggbb` of a colour.
fn hex(c: RGBColor) -> String {
    format!("#{:02X}{:02X}{:02X}", c.0, c.1, c.2)
}

/// The colour-only portfolio heatmap (past [`PORTFOLIO_NUMBERS_UP_TO`]
/// assessments): practice names, one path per colour holding every run of
/// equal cells of every row, white lines between the columns, the legend.
/// Text is set at the size plotters gives the other charts' 12-point labels.
fn portfolio_runs_svg(practices: &[String], cells: &[Vec<String>]) -> String {
    use std::fmt::Write as _;
    const LABEL_W: usize = 300;
    const HEAD_H: usize = 20;
    const CELL_W: usize = 16;
    const ROW_H: usize = 24;
    let width = LABEL_W + CELL_W * cells.len() + 20;
    let bottom = HEAD_H + ROW_H * practices.len();
    let height = bottom + 60;
    let text = |out: &mut String, x: usize, y: usize, t: &str| {
        let _ = write!(
            out,
            r#"<text x="{x}" y="{y}" dy="0.5ex" font-family="sans-serif" font-size="9.68" fill="{}">{}</text>"#,
            hex(colour::INK),
            xml(t)
        );
    };
    let mut svg = format!(
        r#"<svg width="{width}" height="{height}" viewBox="0 0 {width} {height}" xmlns="http://www.w3.org/2000/svg"><rect width="{width}" height="{height}" fill="{}"/>"#,
        hex(PAPER)
    );
    // One path per fill colour, in the order the colours first appear.
    let mut paths: Vec<(RGBColor, String)> = Vec::new();
    let cell = |j: usize, i: usize| cells[j].get(i).map_or("", String::as_str);
    for (i, name) in practices.iter().enumerate() {
        let y = HEAD_H + ROW_H * i;
        text(&mut svg, 8, y + 12, &truncate(name, 44));
        let mut j = 0;
        while j < cells.len() {
            let (fill, _) = portfolio_colours(cell(j, i));
            let mut k = j + 1;
            while k < cells.len() && portfolio_colours(cell(k, i)).0 == fill {
                k += 1;
            }
            if fill != PAPER {
                let d = match paths.iter_mut().find(|(c, _)| *c == fill) {
                    Some((_, d)) => d,
                    None => {
                        paths.push((fill, String::new()));
                        &mut paths.last_mut().expect("just pushed").1
                    }
                };
                let _ = write!(d, "M{} {}h{}v22h-{}z", LABEL_W + CELL_W * j, y + 1, CELL_W * (k - j), CELL_W * (k - j));
            }
            j = k;
        }
    }
    for (fill, d) in &paths {
        let _ = write!(svg, r#"<path fill="{}" d="{d}"/>"#, hex(*fill));
    }
    let mut lines = String::new();
    for j in 0..=cells.len() {
        let _ = write!(lines, "M{} {HEAD_H}V{bottom}", LABEL_W + CELL_W * j);
    }
    let _ = write!(svg, r#"<path stroke="{}" stroke-width="2" fill="none" d="{lines}"/>"#, hex(PAPER));
    let ly = bottom + 26;
    let mut lx = 8;
    for (label, sample) in PORTFOLIO_LEGEND {
        let (fill, _) = portfolio_colours(sample);
        let _ = write!(
            svg,
            r#"<rect x="{lx}" y="{}" width="14" height="14" fill="{}" stroke="{}"/>"#,
            ly - 7,
            hex(fill),
            hex(colour::GRID)
        );
        text(&mut svg, lx + 20, ly, label);
        lx += 34 + 7 * label.len();
    }
    svg.push_str("</svg>");
    svg
}

/// The fill and ink of a portfolio cell, from its text.
fn portfolio_colours(text: &str) -> (RGBColor, &'static RGBColor) {
    const ON: RGBColor = RGBColor(220, 252, 231);
    const NA: RGBColor = RGBColor(229, 231, 235);
    match text.parse::<i8>() {
        Ok(0) => (ON, &colour::INK),
        Ok(g) if g < -1 => (colour::SHORTFALL_EDGE, &PAPER),
        Ok(g) if g < 0 => (colour::SHORTFALL, &colour::INK),
        Ok(_) => (colour::EXCESS, &PAPER),
        Err(_) if text == "n/a" => (NA, &colour::INK),
        Err(_) => (PAPER, &colour::NEUTRAL),
    }
}

fn draw_portfolio<DB: DrawingBackend>(
    root: &DrawingArea<DB, plotters::coord::Shift>,
    practices: &[String],
    columns: &[String],
    cells: &[Vec<String>],
    (x0, y0, cell_w): (i32, i32, i32),
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    root.fill(&WHITE)?;
    let style = |size: i32, h: HPos, c: &'static RGBColor| {
        TextStyle::from(("sans-serif", size).into_font()).color(c).pos(Pos::new(h, VPos::Center))
    };
    // Column heads, turned up so that many assessments fit.
    for (j, name) in columns.iter().enumerate() {
        let x = x0 + cell_w * j as i32 + cell_w / 2;
        let head = TextStyle::from(("sans-serif", 12).into_font().transform(FontTransform::Rotate270))
            .color(&colour::INK)
            .pos(Pos::new(HPos::Left, VPos::Center));
        root.draw(&Text::new(truncate(name, 22), (x, y0 - 8), head))?;
    }
    for (i, p) in practices.iter().enumerate() {
        let y = y0 + 24 * i as i32;
        root.draw(&Text::new(truncate(p, 44), (8, y + 12), style(12, HPos::Left, &colour::INK)))?;
        for (j, col) in cells.iter().enumerate() {
            let text = col.get(i).map_or("", String::as_str);
            let (fill, ink) = portfolio_colours(text);
            let x = x0 + cell_w * j as i32;
            let rect = [(x + 1, y + 1), (x + cell_w - 1, y + 23)];
            root.draw(&Rectangle::new(rect, fill.filled()))?;
            root.draw(&Rectangle::new(rect, colour::GRID.stroke_width(1)))?;
            let short = match text {
                "not assessed" => "–",
                "no target" => "·",
                t => t,
            };
            root.draw(&Text::new(short.to_string(), (x + cell_w / 2, y + 12), style(12, HPos::Center, ink)))?;
        }
    }
    let ly = y0 + 24 * practices.len() as i32 + 26;
    let mut lx = 8;
    for (label, sample) in PORTFOLIO_LEGEND {
        let (fill, _) = portfolio_colours(sample);
        root.draw(&Rectangle::new([(lx, ly - 7), (lx + 14, ly + 7)], fill.filled()))?;
        root.draw(&Rectangle::new([(lx, ly - 7), (lx + 14, ly + 7)], colour::GRID.stroke_width(1)))?;
        root.draw(&Text::new(label, (lx + 20, ly), style(12, HPos::Left, &colour::INK)))?;
        lx += 34 + 7 * label.len() as i32;
    }
    Ok(())
}

#[cfg(test)]
mod portfolio_tests {
    use super::*;

    fn grid(columns: usize, practices: usize, cell: impl Fn(usize, usize) -> &'static str) -> Vec<Vec<String>> {
        (0..columns).map(|j| (0..practices).map(|i| cell(j, i).to_string()).collect()).collect()
    }

    /// The runs of equal colour in row `i`, counted the plain way.
    fn runs(cells: &[Vec<String>], i: usize) -> usize {
        let fills: Vec<RGBColor> = cells.iter().map(|c| portfolio_colours(&c[i]).0).collect();
        let mut n = 0;
        for (j, f) in fills.iter().enumerate() {
            if *f != PAPER && (j == 0 || fills[j - 1] != *f) {
                n += 1;
            }
        }
        n
    }

    #[test]
    fn past_forty_assessments_every_run_of_one_colour_is_a_subpath_of_one_path() {
        const KINDS: [&str; 7] = ["-2", "-1", "0", "+1", "n/a", "not assessed", "no target"];
        let practices: Vec<String> = (0..18).map(|i| format!("Practice {i}")).collect();
        let columns: Vec<String> = (0..200).map(|j| format!("Site {j}")).collect();
        let cells = grid(200, 18, |j, i| KINDS[(j / 3 + i) % KINDS.len()]);
        let svg = portfolio_heatmap_svg(&practices, &columns, &cells);
        // Five filled colours, one path each, and one path of column lines.
        assert_eq!(svg.matches("<path").count(), 6, "{svg}");
        let subpaths: usize =
            svg.split("<path").skip(1).filter(|p| !p.contains("stroke=")).map(|p| p.matches('M').count()).sum();
        assert_eq!(subpaths, (0..18).map(|i| runs(&cells, i)).sum::<usize>());
        // Practice 3: the first run of "-2" (three columns) at its place in the dark orange path.
        let dark = svg.split("<path").find(|p| p.contains(&hex(colour::SHORTFALL_EDGE))).expect("a dark orange path");
        let j1 = (0..200).find(|&j| cells[j][3] == "-2" && (j == 0 || cells[j - 1][3] != "-2")).expect("a run of -2");
        assert!(dark.contains(&format!("M{} {}h48v22h-48z", 300 + 16 * j1, 20 + 24 * 3 + 1)), "{dark}");
        // No column names past forty: the table beside the chart has them.
        assert!(!svg.contains("Site 1"));
        assert!(svg.contains(">Practice 17<"));
        // The element count does not grow with the assessments.
        let more = grid(800, 18, |j, i| KINDS[(j / 3 + i) % KINDS.len()]);
        let names: Vec<String> = (0..800).map(|j| format!("Site {j}")).collect();
        let big = portfolio_heatmap_svg(&practices, &names, &more);
        assert_eq!(big.matches('<').count(), svg.matches('<').count());
    }

    #[test]
    fn up_to_forty_assessments_each_cell_has_its_number_and_each_column_its_name() {
        let practices: Vec<String> = vec!["Threat Modeling".into(), "<Policies & more>".into()];
        let columns: Vec<String> = (0..40).map(|j| format!("Line {j}")).collect();
        let cells = grid(40, 2, |j, _| if j % 2 == 0 { "-1" } else { "+2" });
        let svg = portfolio_heatmap_svg(&practices, &columns, &cells);
        assert!(svg.contains("\nLine 39\n"));
        assert_eq!(svg.matches("\n-1\n").count(), 40);
        assert_eq!(svg.matches("\n+2\n").count(), 40);
        assert!(svg.contains("&lt;Policies &amp; more&gt;"));
        let many = portfolio_runs_svg(&practices, &cells);
        assert!(many.contains("&lt;Policies &amp; more&gt;"));
    }
}
