//! The board page: one page of what management reads about one assessment
//! (issue 27). The overall picture in a sentence, the key figures, the five
//! largest gaps with their planned steps and owners, and the practices above
//! their target (possible over-investment to review). A selection and a
//! wording of SMM Navigator's own over the report's figures; the SMM defines no
//! such page. Rendered as JSON and Markdown; the review page lays it out for
//! print on one A4 page.

use std::fmt::Write as _;

use serde::Serialize;

use crate::base::level::Level;
use crate::base::table::md_escape;
use crate::engine::gaps::{GapStatus, PracticeGap, RoadmapStep};
use crate::exports::report::Report;
use crate::model::assessment::{Assessment, Priority, StepStatus};
use crate::model::catalogue::Catalogue;

/// The `format` value of a board page in JSON.
pub const BOARD_FORMAT: &str = "smm-navigator/board-page";
/// The board page's version.
pub const BOARD_VERSION: u32 = 1;
/// How many gaps the page lists.
pub const BOARD_GAPS: usize = 5;

/// How the page chooses its gaps and its practices to review: SMM Navigator's
/// own rule, printed on the page.
pub const BOARD_RULE: &str = "SMM Navigator's own selection: the practices furthest below their target \
(shortfall in levels, then a result that covers a narrower scope than the target), the higher domain \
priority first, then in catalogue order; at most five. Practices above their target are listed for \
review, not as a success: the level beyond the target may cost more than the risk needs.";

/// The key figures (from the report's overall roll-up).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct BoardFigures {
    /// Applicable practices with a target.
    pub with_target: u32,
    /// Of those, on or above the target.
    pub on_or_above_target: u32,
    /// Of those, below the target (assessed).
    pub below_target: u32,
    /// Shortfall summed over the practices, in levels.
    pub total_shortfall: u32,
    /// Practices above their target.
    pub above_target: u32,
    /// Excess summed over them, in levels.
    pub total_excess: u32,
    /// Applicable practices with no result yet.
    pub not_assessed: u32,
}

/// A planned step of a gap, with its plan.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct BoardStep {
    /// The roadmap step's id (`practice@level`).
    pub step: String,
    /// The level the step reaches.
    pub level: Level,
    /// Who is responsible (empty: nobody named yet).
    pub owner: String,
    /// Due date, `YYYY-MM-DD`, or empty.
    pub due: String,
    /// Its progress.
    pub status: StepStatus,
}

/// One of the largest gaps.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct BoardGap {
    /// The practice id.
    pub practice: String,
    /// Its name.
    pub name: String,
    /// The target level.
    pub target: Level,
    /// The achieved level (`None`: not assessed).
    pub achieved: Option<Level>,
    /// Levels below the target.
    pub shortfall: u8,
    /// The result covers a narrower scope than the target.
    pub scope_shortfall: bool,
    /// The roadmap steps that close it, in order.
    pub steps: Vec<BoardStep>,
}

/// A practice above its target.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct BoardExcess {
    /// The practice id.
    pub practice: String,
    /// Its name.
    pub name: String,
    /// The target level.
    pub target: Level,
    /// The achieved level.
    pub achieved: Level,
    /// Levels above the target.
    pub excess: u8,
}

/// The board page of one assessment.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct BoardPage {
    /// Always [`BOARD_FORMAT`].
    pub format: &'static str,
    /// [`BOARD_VERSION`].
    pub version: u32,
    /// The assessment's name.
    pub title: String,
    /// The organisation, the system, the role and the day of the assessment, in a line.
    pub context: String,
    /// The overall picture in one sentence.
    pub summary: String,
    /// The key figures.
    pub figures: BoardFigures,
    /// The largest gaps, at most [`BOARD_GAPS`], with their planned steps.
    pub gaps: Vec<BoardGap>,
    /// How many practices are below their target in all (the page lists at most five).
    pub gaps_in_all: usize,
    /// Every practice above its target, the largest excess first.
    pub over_investment: Vec<BoardExcess>,
    /// How the page chooses ([`BOARD_RULE`]).
    pub rule: &'static str,
}

fn plural(n: u32, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// The overall picture in one sentence: shortfall and over-investment, never
/// "higher is better".
fn summary(f: &BoardFigures) -> String {
    if f.with_target == 0 {
        return "No practice has a target yet: set the targets to read this assessment against them.".into();
    }
    let mut s = format!(
        "{} of {} with a target {} it",
        f.on_or_above_target,
        plural(f.with_target, "practice", "practices"),
        if f.on_or_above_target == 1 { "reaches" } else { "reach" }
    );
    if f.below_target > 0 {
        let _ = write!(
            s,
            "; {} {} short by {} in all",
            f.below_target,
            if f.below_target == 1 { "falls" } else { "fall" },
            plural(f.total_shortfall, "level", "levels")
        );
    }
    if f.not_assessed > 0 {
        let _ = write!(s, "; {} not assessed yet", plural(f.not_assessed, "practice is", "practices are"));
    }
    if f.above_target > 0 {
        let _ = write!(
            s,
            "; {} above {} target by {} (possible over-investment to review)",
            plural(f.above_target, "practice is", "practices are"),
            if f.above_target == 1 { "its" } else { "their" },
            plural(f.total_excess, "level", "levels")
        );
    }
    s.push('.');
    s
}

impl BoardPage {
    /// The board page of `a`, from its `report` (made by [`Report::new`] over the same assessment).
    pub fn new(catalogue: &Catalogue, a: &Assessment, report: &Report) -> BoardPage {
        let o = &report.rollups.overall;
        let below: Vec<&PracticeGap> = report
            .practices
            .iter()
            .filter(|g| g.target.is_some() && (g.shortfall > 0 || g.scope_shortfall))
            .filter(|g| !matches!(g.status, GapStatus::NotApplicable | GapStatus::NotAssessed))
            .collect();
        let figures = BoardFigures {
            with_target: o.with_target,
            on_or_above_target: o.on_or_above_target,
            below_target: below.iter().filter(|g| g.shortfall > 0).count() as u32,
            total_shortfall: o.total_shortfall,
            above_target: o.above_target,
            total_excess: o.total_excess,
            not_assessed: o.not_assessed,
        };
        let steps_of = |practice: &str| -> Vec<&RoadmapStep> {
            report.roadmap.iter().filter(|s| s.practice == practice).collect()
        };
        let priority =
            |practice: &str| -> Priority { steps_of(practice).first().map_or(Priority::Medium, |s| s.domain_priority) };
        let order = |id: &str| catalogue.practices.iter().position(|p| p.id == id).unwrap_or(usize::MAX);
        let mut ranked = below;
        ranked.sort_by_cached_key(|g| {
            (std::cmp::Reverse(g.shortfall), std::cmp::Reverse(g.scope_shortfall), priority(&g.id), order(&g.id))
        });
        let name = |id: &str| catalogue.practice(id).map_or_else(|| id.to_string(), |p| p.name.clone());
        let gaps_in_all = ranked.len();
        let gaps = ranked
            .into_iter()
            .take(BOARD_GAPS)
            .filter_map(|g| {
                let target = g.target.as_ref()?.level;
                let steps = steps_of(&g.id)
                    .into_iter()
                    .map(|s| {
                        let plan = a.plan.get(&s.id).cloned().unwrap_or_default();
                        BoardStep {
                            step: s.id.clone(),
                            level: s.level,
                            owner: plan.owner,
                            due: plan.due,
                            status: plan.status,
                        }
                    })
                    .collect();
                Some(BoardGap {
                    practice: g.id.clone(),
                    name: name(&g.id),
                    target,
                    achieved: g.achieved,
                    shortfall: g.shortfall,
                    scope_shortfall: g.scope_shortfall,
                    steps,
                })
            })
            .collect();
        let mut over: Vec<BoardExcess> = report
            .practices
            .iter()
            .filter(|g| g.excess > 0)
            .filter_map(|g| {
                Some(BoardExcess {
                    practice: g.id.clone(),
                    name: name(&g.id),
                    target: g.target.as_ref()?.level,
                    achieved: g.achieved?,
                    excess: g.excess,
                })
            })
            .collect();
        over.sort_by_key(|e| (std::cmp::Reverse(e.excess), order(&e.practice)));
        let m = &a.metadata;
        let context = [m.organisation.as_str(), m.system.as_str()]
            .into_iter()
            .filter(|s| !s.trim().is_empty())
            .map(str::to_string)
            .chain(std::iter::once(m.role.name().to_string()))
            .chain((!m.assessed_on.is_empty()).then(|| format!("assessed on {}", m.assessed_on)))
            .collect::<Vec<_>>()
            .join(" · ");
        BoardPage {
            format: BOARD_FORMAT,
            version: BOARD_VERSION,
            title: m.name.clone(),
            context,
            summary: summary(&figures),
            figures,
            gaps,
            gaps_in_all,
            over_investment: over,
            rule: BOARD_RULE,
        }
    }

    /// The page as pretty-printed JSON.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// The page as Markdown, user text escaped.
    pub fn to_markdown(&self) -> String {
        let mut md = String::new();
        let _ = writeln!(md, "# Board page: {}\n", md_escape(&self.title));
        let _ = writeln!(md, "{}\n", md_escape(&self.context));
        let _ = writeln!(md, "{}\n", self.summary);
        let f = &self.figures;
        let _ = writeln!(md, "## Key figures\n");
        let _ = writeln!(md, "| figure | value |\n|---|---|");
        let _ = writeln!(md, "| Practices with a target | {} |", f.with_target);
        let _ = writeln!(md, "| On or above the target | {} |", f.on_or_above_target);
        let _ = writeln!(
            md,
            "| Below the target | {} ({} in all) |",
            f.below_target,
            plural(f.total_shortfall, "level", "levels")
        );
        let _ = writeln!(md, "| Not assessed yet | {} |", f.not_assessed);
        let _ = writeln!(
            md,
            "| Above the target (possible over-investment) | {} ({} in all) |\n",
            f.above_target,
            plural(f.total_excess, "level", "levels")
        );
        let _ = writeln!(md, "## The largest gaps ({} of {})\n", self.gaps.len(), self.gaps_in_all);
        if self.gaps.is_empty() {
            let _ = writeln!(md, "No practice is below its target.\n");
        } else {
            let _ = writeln!(md, "| practice | target | achieved | shortfall | planned steps |\n|---|---|---|---|---|");
            for g in &self.gaps {
                let steps = if g.steps.is_empty() {
                    "the scope to widen".to_string()
                } else {
                    g.steps.iter().map(step_words).collect::<Vec<_>>().join("; ")
                };
                let _ = writeln!(
                    md,
                    "| {} | {} | {} | {}{} | {} |",
                    md_escape(&g.name),
                    g.target,
                    g.achieved.map_or("not assessed".into(), |l| l.to_string()),
                    g.shortfall,
                    if g.scope_shortfall { " (and scope)" } else { "" },
                    md_escape(&steps)
                );
            }
            md.push('\n');
        }
        let _ = writeln!(md, "## Possible over-investment to review\n");
        if self.over_investment.is_empty() {
            let _ = writeln!(md, "No practice is above its target.\n");
        } else {
            let _ = writeln!(md, "| practice | target | achieved | above by |\n|---|---|---|---|");
            for e in &self.over_investment {
                let _ = writeln!(md, "| {} | {} | {} | {} |", md_escape(&e.name), e.target, e.achieved, e.excess);
            }
            md.push('\n');
        }
        let _ = writeln!(md, "{}", self.rule);
        md
    }
}

/// A planned step in words: "level 3: R. Okafor, due 2027-03-31, planned".
pub fn step_words(s: &BoardStep) -> String {
    let owner = if s.owner.trim().is_empty() { "no owner yet".to_string() } else { s.owner.clone() };
    let due = if s.due.is_empty() { "no date".to_string() } else { format!("due {}", s.due) };
    format!("level {}: {owner}, {due}, {}", s.level, s.status.name().to_lowercase())
}
