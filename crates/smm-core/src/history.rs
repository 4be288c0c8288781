//! History: dated snapshots of an assessment, the trend of each practice across
//! them, and the comparison of any two assessments (or snapshots).

use serde::{Deserialize, Serialize};

use crate::assessment::Assessment;
use crate::catalogue::Catalogue;
use crate::engine::{gap_analysis, GapStatus, PracticeGap, TargetLevel};
use crate::level::Level;

/// The `format` value of a snapshots document.
pub const SNAPSHOTS_FORMAT: &str = "smm-navigator/snapshots";
/// The snapshots document version.
pub const SNAPSHOTS_VERSION: u32 = 1;

/// A frozen, dated copy of an assessment.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Snapshot {
    /// Stable id, unique among the assessment's snapshots.
    pub id: String,
    /// When it was taken, RFC 3339.
    pub taken_at: String,
    /// A label, e.g. "Before the 2026 audit".
    #[serde(default)]
    pub label: String,
    /// The assessment as it was.
    pub assessment: Assessment,
}

/// All snapshots of one assessment, oldest first.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Snapshots {
    /// Always [`SNAPSHOTS_FORMAT`].
    pub format: String,
    /// [`SNAPSHOTS_VERSION`].
    pub version: u32,
    /// The id of the assessment they belong to.
    pub assessment_id: String,
    /// Oldest first.
    pub snapshots: Vec<Snapshot>,
}

/// Reads a snapshots document: the header, then the typed structure (with JSON
/// paths in errors), then every snapshot's assessment against the catalogue.
pub fn parse_snapshots(text: &str, catalogue: &crate::Catalogue) -> Result<Snapshots, crate::DocumentError> {
    let one = |path: &str, message: String| crate::DocumentError {
        problems: vec![crate::Problem { path: path.to_string(), message }],
    };
    let s: Snapshots = crate::document::typed_pass(text)?;
    if s.format != SNAPSHOTS_FORMAT {
        return Err(one("format", format!("the format is `{}`, not `{SNAPSHOTS_FORMAT}`", s.format)));
    }
    if s.version != SNAPSHOTS_VERSION {
        return Err(one(
            "version",
            format!("version {} is not supported; this app reads version {SNAPSHOTS_VERSION}", s.version),
        ));
    }
    for (i, snap) in s.snapshots.iter().enumerate() {
        if let Some(p) = crate::document::validate(&snap.assessment, catalogue).into_iter().next() {
            return Err(one(&format!("snapshots[{i}].assessment.{}", p.path), p.message));
        }
    }
    Ok(s)
}

impl Snapshots {
    /// No snapshot yet.
    pub fn empty(assessment_id: &str) -> Snapshots {
        Snapshots {
            format: SNAPSHOTS_FORMAT.into(),
            version: SNAPSHOTS_VERSION,
            assessment_id: assessment_id.into(),
            snapshots: Vec::new(),
        }
    }

    /// Adds a snapshot of `assessment` taken at `taken_at`; its id is `s<n>`, n one more than the largest so far.
    pub fn take(&mut self, assessment: &Assessment, taken_at: &str, label: &str) -> &Snapshot {
        let next = self
            .snapshots
            .iter()
            .filter_map(|s| s.id.strip_prefix('s').and_then(|n| n.parse::<u32>().ok()))
            .max()
            .map_or(1, |n| n + 1);
        self.snapshots.push(Snapshot {
            id: format!("s{next}"),
            taken_at: taken_at.into(),
            label: label.into(),
            assessment: assessment.clone(),
        });
        &self.snapshots[self.snapshots.len() - 1]
    }

    /// The snapshot with this id.
    pub fn get(&self, id: &str) -> Option<&Snapshot> {
        self.snapshots.iter().find(|s| s.id == id)
    }
}

/// One practice's achieved level across snapshots, against the current target.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PracticeTrend {
    /// Practice id.
    pub practice: String,
    /// The current target (`None` if not set or not applicable).
    pub target: Option<TargetLevel>,
    /// Achieved level per snapshot, in snapshot order, then the current state last
    /// (`None` where not assessed or not applicable).
    pub achieved: Vec<Option<Level>>,
}

/// The trend of every practice: achieved levels in each snapshot and now, against the current target.
pub fn trend(catalogue: &Catalogue, current: &Assessment, snapshots: &[Snapshot]) -> Vec<PracticeTrend> {
    let columns: Vec<Vec<PracticeGap>> = snapshots
        .iter()
        .map(|s| gap_analysis(catalogue, &s.assessment))
        .chain(std::iter::once(gap_analysis(catalogue, current)))
        .collect();
    let now = &columns[columns.len() - 1];
    now.iter()
        .enumerate()
        .map(|(i, g)| PracticeTrend {
            practice: g.id.clone(),
            target: g.target,
            achieved: columns.iter().map(|c| c[i].achieved).collect(),
        })
        .collect()
}

/// How one practice changed between two assessments.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Change {
    /// The achieved level went up.
    Improved,
    /// The achieved level went down.
    Regressed,
    /// Same achieved level (or neither assessed).
    Unchanged,
    /// Assessed now, not before.
    NewlyAssessed,
    /// Assessed before, not now.
    NoLongerAssessed,
}

/// One practice compared between two assessments.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PracticeComparison {
    /// Practice id.
    pub practice: String,
    /// The gap analysis in the first (older) assessment.
    pub before: PracticeGap,
    /// The gap analysis in the second (newer) assessment.
    pub after: PracticeGap,
    /// How the achieved level moved.
    pub change: Change,
    /// True when the target level or scope differs.
    pub target_changed: bool,
}

/// Compares two assessments practice by practice.
pub fn compare(catalogue: &Catalogue, before: &Assessment, after: &Assessment) -> Vec<PracticeComparison> {
    gap_analysis(catalogue, before)
        .into_iter()
        .zip(gap_analysis(catalogue, after))
        .map(|(b, a)| {
            let change = match (b.achieved, a.achieved) {
                (Some(x), Some(y)) if y > x => Change::Improved,
                (Some(x), Some(y)) if y < x => Change::Regressed,
                (None, Some(_)) => Change::NewlyAssessed,
                (Some(_), None) => Change::NoLongerAssessed,
                _ => Change::Unchanged,
            };
            let target_changed = b.target != a.target
                || (b.status == GapStatus::NotApplicable) != (a.status == GapStatus::NotApplicable);
            PracticeComparison { practice: b.id.clone(), before: b, after: a, change, target_changed }
        })
        .collect()
}
