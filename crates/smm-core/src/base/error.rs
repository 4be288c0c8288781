//! Why a file was refused: [`Problem`]s, each at a JSON path (or a line and
//! column), gathered in a [`DocumentError`]. Every reader of outside input
//! returns these, so that the CLI and the app give the same messages.

use std::fmt;

pub use crate::base::limits::MAX_PROBLEMS;

/// One thing wrong with a file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// JSON path, e.g. `targets.threat-modeling.level`; empty for the file as a whole.
    pub path: String,
    /// What is wrong, in words.
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            f.write_str(&self.message)
        } else {
            write!(f, "at `{}`: {}", self.path, self.message)
        }
    }
}

/// Why a file was refused: one or more problems.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DocumentError {
    /// The problems, at least one, at most [`MAX_PROBLEMS`].
    pub problems: Vec<Problem>,
}

impl DocumentError {
    /// Each problem as one line (its place and what is wrong), for a list shown to the user.
    pub fn lines(&self) -> Vec<String> {
        self.problems.iter().map(ToString::to_string).collect()
    }

    /// The first problem, and how many more there are: one line for a list of
    /// stored entries, where every problem of a hostile file would be a wall.
    pub fn summary(&self) -> String {
        match self.problems.as_slice() {
            [] => String::new(),
            [one] => one.to_string(),
            [first, rest @ ..] => format!("{first} (and {} more problem(s))", rest.len()),
        }
    }

    pub(crate) fn one(path: &str, message: impl Into<String>) -> DocumentError {
        DocumentError { problems: vec![Problem { path: path.to_string(), message: message.into() }] }
    }
}

impl fmt::Display for DocumentError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, p) in self.problems.iter().enumerate() {
            if i > 0 {
                f.write_str("\n")?;
            }
            write!(f, "{p}")?;
        }
        Ok(())
    }
}

impl std::error::Error for DocumentError {}

/// `e` with every path put under `prefix` (a part of a larger file).
pub(crate) fn prefixed(prefix: &str, e: DocumentError) -> DocumentError {
    DocumentError {
        problems: e
            .problems
            .into_iter()
            .map(|p| Problem {
                path: if p.path.is_empty() { prefix.to_string() } else { format!("{prefix}.{}", p.path) },
                message: p.message,
            })
            .collect(),
    }
}

#[cfg(test)]
mod summary_tests {
    use super::*;

    #[test]
    fn a_summary_is_the_first_problem_and_a_count() {
        let p = |n: usize| Problem { path: format!("groups[{n}].parent"), message: "too deep".into() };
        assert_eq!(DocumentError { problems: vec![p(1)] }.summary(), "at `groups[1].parent`: too deep");
        let many = DocumentError { problems: (0..50).map(p).collect() };
        assert_eq!(many.summary(), "at `groups[0].parent`: too deep (and 49 more problem(s))");
    }
}
