//! Many assessments at a glance, and a group compared without a server (SMM
//! Navigator's own figures; the SMM scores each assessment on its own).
//!
//! - [`Portfolio`]: per assessment and practice the gap (shortfall or
//!   over-investment), per practice the distribution of achieved levels
//!   against targets, the practices weakest across the portfolio, and the
//!   share on target per assessment; filtered by role, profile and tag.
//! - [`build_benchmark`]: the benchmark file of a group (counts per level and
//!   quartiles per practice and role, nothing per member, no cell of fewer
//!   than the minimum group).
//! - [`position`]: where one assessment stands against a benchmark.

use serde::Serialize;

use crate::base::role::Role;
use crate::engine::gaps::{gap_analysis, GapStatus, PracticeGap};
use crate::model::assessment::Assessment;
use crate::model::benchmark::{Benchmark, BenchmarkCell, BENCHMARK_FORMAT, BENCHMARK_MIN_GROUP, BENCHMARK_VERSION};
use crate::model::catalogue::Catalogue;

/// How the portfolio's own figures are computed.
pub const PORTFOLIO_FORMULAS: &[(&str, &str)] = &[
    (
        "Share on target",
        "practices of the assessment whose achieved level is at least the target, over the practices with an applicable target (assessed or not); SMM Navigator's own figure",
    ),
    (
        "Gap of a cell",
        "achieved level minus target level of one practice in one assessment: below 0 a shortfall, above 0 a possible over-investment, 0 on target; empty when not assessed, without a target or not applicable",
    ),
    (
        "Weakest practices",
        "the practices with the largest total shortfall across the assessments shown (sum of max(0, target - achieved) over the assessments that assessed them), then the most assessments below target, then catalogue order; at most five",
    ),
];

/// One cell of the heatmap: one practice in one assessment.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct PortfolioCell {
    /// The practice id.
    pub practice: String,
    /// The target level, when set and applicable.
    pub target: Option<u8>,
    /// The achieved level, when assessed and applicable.
    pub achieved: Option<u8>,
    /// The gap status.
    pub status: GapStatus,
    /// Achieved minus target, when both are there.
    pub gap: Option<i8>,
}

/// One assessment of the portfolio.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct PortfolioRow {
    /// The assessment id.
    pub id: String,
    /// Its name.
    pub name: String,
    /// Its role.
    pub role: Role,
    /// Its tags.
    pub tags: Vec<String>,
    /// The profiles it uses.
    pub profiles: Vec<String>,
    /// Practices on or above their target.
    pub on_target: u32,
    /// Practices with an applicable target.
    pub with_target: u32,
    /// Share on target, in whole percent (rounded down); `None` without targets.
    pub share_on_target: Option<u32>,
    /// Total shortfall in levels.
    pub total_shortfall: u32,
    /// Total excess in levels (possible over-investment).
    pub total_excess: u32,
    /// One cell per practice, in catalogue order.
    pub cells: Vec<PortfolioCell>,
}

/// One practice across the portfolio.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct PracticeSpread {
    /// The practice id.
    pub practice: String,
    /// How many assessments achieve level 0, 1, 2, 3 and 4 (applicable and assessed).
    pub achieved: [u32; 5],
    /// How many target level 0, 1, 2, 3 and 4 (applicable, with a target).
    pub targets: [u32; 5],
    /// Assessments below their target on it.
    pub below: u32,
    /// Assessments above their target on it.
    pub above: u32,
    /// Total shortfall on it, in levels.
    pub total_shortfall: u32,
}

/// The portfolio of the assessments shown.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Portfolio {
    /// One row per assessment, in the order given.
    pub rows: Vec<PortfolioRow>,
    /// One entry per practice, in catalogue order.
    pub practices: Vec<PracticeSpread>,
    /// The weakest practices across the portfolio (ids, weakest first).
    pub weakest: Vec<String>,
    /// How each figure is computed.
    pub formulas: &'static [(&'static str, &'static str)],
}

/// Which assessments a portfolio shows: every condition given must hold.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PortfolioFilter {
    /// Only this role.
    pub role: Option<Role>,
    /// Only assessments that use this profile.
    pub profile: Option<String>,
    /// Only assessments with this tag.
    pub tag: Option<String>,
}

impl PortfolioFilter {
    /// True when `a` passes.
    pub fn admits(&self, a: &Assessment) -> bool {
        self.passes(a.metadata.role, &a.profiles, &a.metadata.tags)
    }

    /// True when the assessment of `row` passes (the same rule, on a row made once).
    pub fn admits_row(&self, row: &PortfolioRow) -> bool {
        self.passes(row.role, &row.profiles, &row.tags)
    }

    fn passes(&self, role: Role, profiles: &[String], tags: &[String]) -> bool {
        self.role.is_none_or(|r| role == r)
            && self.profile.as_ref().is_none_or(|p| profiles.contains(p))
            && self.tag.as_ref().is_none_or(|t| tags.contains(t))
    }
}

fn level(l: Option<crate::base::level::Level>) -> Option<u8> {
    l.map(crate::base::level::Level::get)
}

/// The row of one assessment from its gap analysis.
pub fn portfolio_row(a: &Assessment, gaps: &[PracticeGap]) -> PortfolioRow {
    let mut row = PortfolioRow {
        id: a.id.clone(),
        name: a.metadata.name.clone(),
        role: a.metadata.role,
        tags: a.metadata.tags.clone(),
        profiles: a.profiles.clone(),
        on_target: 0,
        with_target: 0,
        share_on_target: None,
        total_shortfall: 0,
        total_excess: 0,
        cells: Vec::with_capacity(gaps.len()),
    };
    for g in gaps {
        let applicable = g.status != GapStatus::NotApplicable;
        let target = g.target.filter(|_| applicable).map(|t| t.level.get());
        let achieved = level(g.achieved).filter(|_| applicable);
        if target.is_some() {
            row.with_target += 1;
            if matches!(g.status, GapStatus::OnTarget | GapStatus::AboveTarget) {
                row.on_target += 1;
            }
        }
        row.total_shortfall += u32::from(g.shortfall);
        row.total_excess += u32::from(g.excess);
        let gap = target.zip(achieved).map(|(t, a)| a as i8 - t as i8);
        row.cells.push(PortfolioCell { practice: g.id.clone(), target, achieved, status: g.status, gap });
    }
    row.share_on_target = (row.with_target > 0).then(|| row.on_target * 100 / row.with_target);
    row
}

impl Portfolio {
    /// The portfolio of `rows` (each made once by [`portfolio_row`], so that a
    /// filter change recomputes no gap analysis).
    pub fn from_rows(catalogue: &Catalogue, rows: Vec<PortfolioRow>) -> Portfolio {
        let mut practices: Vec<PracticeSpread> = catalogue
            .practices
            .iter()
            .map(|p| PracticeSpread {
                practice: p.id.clone(),
                achieved: [0; 5],
                targets: [0; 5],
                below: 0,
                above: 0,
                total_shortfall: 0,
            })
            .collect();
        for row in &rows {
            for (spread, cell) in practices.iter_mut().zip(&row.cells) {
                if let Some(a) = cell.achieved {
                    spread.achieved[usize::from(a.min(4))] += 1;
                }
                if let Some(t) = cell.target {
                    spread.targets[usize::from(t.min(4))] += 1;
                }
                match cell.status {
                    GapStatus::BelowTarget => spread.below += 1,
                    GapStatus::AboveTarget => spread.above += 1,
                    _ => {}
                }
                // As the roll-ups count it: a practice not assessed adds nothing.
                if let Some(g) = cell.gap.filter(|g| *g < 0) {
                    spread.total_shortfall += u32::from(g.unsigned_abs());
                }
            }
        }
        let mut order: Vec<(usize, &PracticeSpread)> =
            practices.iter().enumerate().filter(|(_, s)| s.total_shortfall > 0).collect();
        order.sort_by(|(i, a), (j, b)| {
            b.total_shortfall.cmp(&a.total_shortfall).then(b.below.cmp(&a.below)).then(i.cmp(j))
        });
        let weakest = order.into_iter().take(5).map(|(_, s)| s.practice.clone()).collect();
        Portfolio { rows, practices, weakest, formulas: PORTFOLIO_FORMULAS }
    }

    /// The portfolio of the assessments `filter` admits.
    pub fn new(catalogue: &Catalogue, assessments: &[Assessment], filter: &PortfolioFilter) -> Portfolio {
        let rows = assessments
            .iter()
            .filter(|a| filter.admits(a))
            .map(|a| portfolio_row(a, &gap_analysis(catalogue, a)))
            .collect();
        Portfolio::from_rows(catalogue, rows)
    }
}

/// Why no benchmark was made.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BenchmarkError {
    /// The minimum asked for is below the floor.
    MinimumTooLow(u32),
    /// No practice and role has enough assessments.
    TooFew {
        /// How many assessments were given.
        given: usize,
        /// The minimum group.
        min_group: u32,
    },
}

impl std::fmt::Display for BenchmarkError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            BenchmarkError::MinimumTooLow(n) => write!(
                f,
                "a minimum group of {n} is refused: a benchmark never has cells of fewer than {BENCHMARK_MIN_GROUP} assessments"
            ),
            BenchmarkError::TooFew { given, min_group } => write!(
                f,
                "{given} assessment(s) given: a benchmark needs at least {min_group} assessments of one role with a target \
                 and a result for a practice (the minimum group), so that no member can be singled out"
            ),
        }
    }
}

impl std::error::Error for BenchmarkError {}

/// The benchmark of `assessments` (redacted copies, as a rule) made on
/// `made_on`, with no cell of fewer than `min_group` assessments. Cells with
/// too few are left out; when none is left, no benchmark.
pub fn build_benchmark(
    catalogue: &Catalogue,
    assessments: &[Assessment],
    min_group: u32,
    made_on: &str,
) -> Result<Benchmark, BenchmarkError> {
    if min_group < BENCHMARK_MIN_GROUP {
        return Err(BenchmarkError::MinimumTooLow(min_group));
    }
    // counts[practice][role] = (achieved, targets)
    let n = catalogue.practices.len();
    let mut counts = vec![[([0u32; 5], [0u32; 5]); 3]; n];
    for a in assessments {
        let r = Role::ALL.iter().position(|&x| x == a.metadata.role).unwrap_or(0);
        for (i, g) in gap_analysis(catalogue, a).iter().enumerate() {
            if g.status == GapStatus::NotApplicable {
                continue;
            }
            if let (Some(t), Some(l)) = (g.target, g.achieved) {
                counts[i][r].0[usize::from(l.get().min(4))] += 1;
                counts[i][r].1[usize::from(t.level.get().min(4))] += 1;
            }
        }
    }
    let mut cells = Vec::new();
    for (i, p) in catalogue.practices.iter().enumerate() {
        for (r, role) in Role::ALL.iter().enumerate() {
            let (achieved, targets) = counts[i][r];
            let size: u32 = achieved.iter().sum();
            if size >= min_group {
                cells.push(BenchmarkCell {
                    practice: p.id.clone(),
                    role: *role,
                    n: size,
                    achieved_quartiles: BenchmarkCell::quartiles(&achieved),
                    target_quartiles: BenchmarkCell::quartiles(&targets),
                    achieved: achieved.to_vec(),
                    targets: targets.to_vec(),
                });
            }
        }
    }
    if cells.is_empty() {
        return Err(BenchmarkError::TooFew { given: assessments.len(), min_group });
    }
    Ok(Benchmark {
        format: BENCHMARK_FORMAT.into(),
        version: BENCHMARK_VERSION,
        made_on: made_on.get(..10).unwrap_or(made_on).to_string(),
        min_group,
        assessments: assessments.len() as u32,
        cells,
    })
}

/// Where one practice of an assessment stands among its peers.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct PeerPosition {
    /// The practice id.
    pub practice: String,
    /// How many peers the figure is made of.
    pub n: u32,
    /// The assessment's achieved level (`None` when not assessed or not applicable).
    pub mine: Option<u8>,
    /// The assessment's target level.
    pub my_target: Option<u8>,
    /// Peers below the assessment's level.
    pub below: u32,
    /// Peers at the same level.
    pub same: u32,
    /// Peers above it.
    pub above: u32,
    /// The peers' median achieved level.
    pub median: u8,
    /// The peers' median target.
    pub target_median: u8,
    /// The quarter of the group the assessment's level falls in, in words.
    pub band: &'static str,
}

/// How a position is computed.
pub const POSITION_FORMULA: &str = "below, same and above count the peers of the same role whose achieved level on \
the practice is lower than, equal to or higher than this assessment's; the band compares this assessment's level with \
the peers' quartiles (nearest rank). SMM Navigator's own figure; a level above the peers' is not better in itself: the \
target is what fits the need.";

/// Where `a` stands against `b`, per practice of the catalogue that has a
/// cell for `a`'s role.
pub fn position(catalogue: &Catalogue, b: &Benchmark, a: &Assessment) -> Vec<PeerPosition> {
    let gaps = gap_analysis(catalogue, a);
    let role = a.metadata.role;
    gaps.iter()
        .filter_map(|g| {
            let cell = b.cells.iter().find(|c| c.practice == g.id && c.role == role)?;
            let applicable = g.status != GapStatus::NotApplicable;
            let mine = level(g.achieved).filter(|_| applicable);
            let my_target = g.target.filter(|_| applicable).map(|t| t.level.get());
            let (mut below, mut same, mut above) = (0, 0, 0);
            if let Some(m) = mine {
                for (l, &c) in cell.achieved.iter().enumerate() {
                    match (l as u8).cmp(&m) {
                        std::cmp::Ordering::Less => below += c,
                        std::cmp::Ordering::Equal => same += c,
                        std::cmp::Ordering::Greater => above += c,
                    }
                }
            }
            let (q1, median, q3) = match cell.achieved_quartiles[..] {
                [a, b, c] => (a, b, c),
                _ => return None,
            };
            let band = match mine {
                None => "not assessed",
                Some(m) if m < q1 => "below the lower quarter",
                Some(m) if m < median => "between the lower quarter and the median",
                Some(m) if m == median => "at the median",
                Some(m) if m <= q3 => "between the median and the upper quarter",
                Some(_) => "above the upper quarter",
            };
            Some(PeerPosition {
                practice: g.id.clone(),
                n: cell.n,
                mine,
                my_target,
                below,
                same,
                above,
                median,
                target_median: cell.target_quartiles.get(1).copied().unwrap_or(0),
                band,
            })
        })
        .collect()
}
