//! Every rule of a benchmark file, with JSON paths: known practices, one cell
//! per practice and role, counts that add up to the cell's size, quartiles
//! that follow from the counts, and no cell below the minimum group size,
//! which is never below [`BENCHMARK_MIN_GROUP`].

use std::collections::HashSet;

use crate::base::error::{Problem, MAX_PROBLEMS};
use crate::base::limits::MAX_BENCHMARK_CELLS;
use crate::base::text::is_iso_date_prefix;
use crate::model::benchmark::{Benchmark, BenchmarkCell, BENCHMARK_MIN_GROUP};
use crate::model::catalogue::Catalogue;

/// Every problem of `b` against the catalogue.
pub fn validate(b: &Benchmark, catalogue: &Catalogue) -> Vec<Problem> {
    let mut p = Vec::new();
    let mut push = |path: String, message: String| {
        if p.len() < MAX_PROBLEMS {
            p.push(Problem { path, message });
        }
    };
    if !(b.made_on.len() == 10 && is_iso_date_prefix(&b.made_on)) {
        push("made_on".into(), format!("`{}` is not a date of the form YYYY-MM-DD", b.made_on));
    }
    if b.min_group < BENCHMARK_MIN_GROUP {
        push(
            "min_group".into(),
            format!(
                "the minimum group is {}: a benchmark never has cells of fewer than {BENCHMARK_MIN_GROUP} assessments",
                b.min_group
            ),
        );
    }
    if b.cells.len() > MAX_BENCHMARK_CELLS {
        push("cells".into(), format!("at most {MAX_BENCHMARK_CELLS} cells (one per practice and role) are read"));
        return p;
    }
    let mut seen = HashSet::new();
    for (i, c) in b.cells.iter().enumerate() {
        let at = format!("cells[{i}]");
        if catalogue.practice(&c.practice).is_none() {
            push(format!("{at}.practice"), format!("unknown practice id `{}`", c.practice));
        }
        if !seen.insert((c.practice.as_str(), c.role)) {
            push(at.clone(), format!("a second cell for `{}` and {}", c.practice, c.role.plural()));
        }
        if c.n < b.min_group.max(BENCHMARK_MIN_GROUP) {
            push(
                format!("{at}.n"),
                format!(
                    "a cell of {} assessments: cells of fewer than {} are refused, so that no member can be singled out",
                    c.n,
                    b.min_group.max(BENCHMARK_MIN_GROUP)
                ),
            );
        }
        if c.n > b.assessments {
            push(format!("{at}.n"), format!("{} assessments in a cell of a benchmark of {}", c.n, b.assessments));
        }
        for (field, counts, quartiles) in
            [("achieved", &c.achieved, &c.achieved_quartiles), ("targets", &c.targets, &c.target_quartiles)]
        {
            let sum: u64 = counts.iter().map(|&x| u64::from(x)).sum();
            if counts.len() != 5 {
                push(
                    format!("{at}.{field}"),
                    format!("{} counts: five are needed, one per level 0 to 4", counts.len()),
                );
            } else if sum != u64::from(c.n) {
                push(format!("{at}.{field}"), format!("the counts add up to {sum}, not to the cell's {}", c.n));
            } else if *quartiles != BenchmarkCell::quartiles(counts) {
                let name = if field == "achieved" { "achieved_quartiles" } else { "target_quartiles" };
                push(
                    format!("{at}.{name}"),
                    format!(
                        "{quartiles:?} are not the quartiles of the counts ({:?})",
                        BenchmarkCell::quartiles(counts)
                    ),
                );
            }
        }
    }
    p
}
