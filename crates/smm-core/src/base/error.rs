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
        let message = shown(&self.message, SHOWN_MESSAGE);
        if self.path.is_empty() {
            f.write_str(&message)
        } else {
            write!(f, "at `{}`: {message}", shown(&self.path, SHOWN_PATH))
        }
    }
}

/// The longest path a problem shows whole. A hostile file's key can be
/// megabytes long, and a path or message names it: past this, the start and
/// the end are shown, with the length.
pub const SHOWN_PATH: usize = 160;
/// The longest message a problem shows whole (see [`SHOWN_PATH`]); a name
/// quoted in it (between backticks) is shortened first.
pub const SHOWN_MESSAGE: usize = 400;
/// The longest name quoted in a message that is shown whole.
const SHOWN_NAME: usize = 60;

/// `text` as shown: whole up to `max` characters, else shortened. Names
/// between backticks longer than [`SHOWN_NAME`] are shortened first.
fn shown(text: &str, max: usize) -> std::borrow::Cow<'_, str> {
    if text.len() <= max {
        return text.into();
    }
    let mut out = String::new();
    for (i, part) in text.split('`').enumerate() {
        if i > 0 {
            out.push('`');
        }
        // Odd parts lie between backticks.
        if i % 2 == 1 {
            out.push_str(&clip(part, SHOWN_NAME));
        } else {
            out.push_str(part);
        }
    }
    clip(&out, max).into_owned().into()
}

/// `text` whole up to `max` characters, else its start and end around an
/// ellipsis, with its length.
fn clip(text: &str, max: usize) -> std::borrow::Cow<'_, str> {
    let n = text.chars().count();
    if n <= max {
        return text.into();
    }
    let end = max / 4;
    let start: String = text.chars().take(max - end).collect();
    let tail: String = text.chars().skip(n - end).collect();
    format!("{start}… ({n} characters) …{tail}").into()
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
    fn a_long_path_or_name_is_shown_by_its_start_and_end() {
        let key = "k".repeat(300_000);
        let p = Problem {
            path: format!("metadata.{key}"),
            message: format!("unknown field `{key}`, expected one of `name`, `role`"),
        };
        let line = p.to_string();
        assert!(line.chars().count() < SHOWN_PATH + SHOWN_MESSAGE + 80, "{} characters", line.chars().count());
        assert!(line.starts_with("at `metadata.kkk"), "{line}");
        assert!(line.contains("(300009 characters)"), "{line}");
        assert!(line.contains("(300000 characters)"), "{line}");
        assert!(line.ends_with("expected one of `name`, `role`"), "{line}");
        // Short ones are shown as they are.
        let short = Problem { path: "targets.x.level".into(), message: "unknown field `y`".into() };
        assert_eq!(short.to_string(), "at `targets.x.level`: unknown field `y`");
        // Characters of several bytes are cut between characters.
        let wide = Problem { path: String::new(), message: "é".repeat(1000) };
        assert!(wide.to_string().contains("(1000 characters)"));
    }

    #[test]
    fn a_summary_is_the_first_problem_and_a_count() {
        let p = |n: usize| Problem { path: format!("groups[{n}].parent"), message: "too deep".into() };
        assert_eq!(DocumentError { problems: vec![p(1)] }.summary(), "at `groups[1].parent`: too deep");
        let many = DocumentError { problems: (0..50).map(p).collect() };
        assert_eq!(many.summary(), "at `groups[0].parent`: too deep (and 49 more problem(s))");
    }
}
