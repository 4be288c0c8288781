//! The benchmark file (`smm-navigator/benchmark`, version 1): where a group of
//! organisations stands, per practice and role, without anything per member.
//!
//! A coordinator collects redacted assessments and runs `smm benchmark`; the
//! file holds, per practice and role, how many assessments went into the cell
//! and the distribution of their achieved levels and of their targets (counts
//! per level and quartiles). No cell is built from fewer than
//! [`BENCHMARK_MIN_GROUP`] assessments (the coordinator may ask for more, never
//! for fewer), so that no member can be singled out. SMM Navigator's own
//! figure: the SMM defines no benchmark.

use serde::{Deserialize, Serialize};

use crate::base::role::Role;

/// The `format` value of a benchmark file.
pub const BENCHMARK_FORMAT: &str = "smm-navigator/benchmark";
/// The benchmark format version this build writes and reads.
pub const BENCHMARK_VERSION: u32 = 1;
/// The fewest assessments a cell may be built from; a benchmark's own
/// minimum may be higher, never lower.
pub const BENCHMARK_MIN_GROUP: u32 = 5;

/// A benchmark file.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(title = "SMM Navigator benchmark, format version 1"))]
#[serde(deny_unknown_fields)]
pub struct Benchmark {
    /// Always `smm-navigator/benchmark`.
    pub format: String,
    /// The format version, 1.
    pub version: u32,
    /// When it was made, `YYYY-MM-DD`.
    pub made_on: String,
    /// The fewest assessments a cell was allowed to hold (at least 5).
    pub min_group: u32,
    /// How many assessments went in, in all.
    pub assessments: u32,
    /// One cell per practice and role with enough assessments, in catalogue
    /// order then role order. A practice and role with too few is absent.
    pub cells: Vec<BenchmarkCell>,
}

/// The distribution of one practice for one role.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct BenchmarkCell {
    /// The practice id.
    pub practice: String,
    /// The role of the organisations in the cell.
    pub role: Role,
    /// How many assessments the cell holds: those of this role in which the
    /// practice applies, has a target and was assessed.
    pub n: u32,
    /// How many of them achieve level 0, 1, 2, 3 and 4 (five counts).
    pub achieved: Vec<u32>,
    /// How many of them target level 0, 1, 2, 3 and 4 (five counts).
    pub targets: Vec<u32>,
    /// First quartile, median and third quartile of the achieved levels
    /// (nearest rank: the level at rank ⌈p·n⌉ of the sorted levels).
    pub achieved_quartiles: Vec<u8>,
    /// The same of the targets.
    pub target_quartiles: Vec<u8>,
}

impl BenchmarkCell {
    /// First quartile, median and third quartile of the levels counted in
    /// `counts` (nearest rank: the level at rank ⌈p·n⌉, for p = ¼, ½, ¾).
    pub fn quartiles(counts: &[u32]) -> Vec<u8> {
        let n: u64 = counts.iter().map(|&c| u64::from(c)).sum();
        let at = |num: u64| {
            let rank = (num * n).div_ceil(4).max(1);
            let mut seen = 0u64;
            for (level, &c) in counts.iter().enumerate() {
                seen += u64::from(c);
                if seen >= rank {
                    return level as u8;
                }
            }
            4
        };
        vec![at(1), at(2), at(3)]
    }
}
