//! Signing an assessment off.

use crate::base::limits::MAX_SIGNOFFS;
use crate::base::text::{is_iso_date_prefix, name_problem, text_problem};
use crate::engine::signoff::signed_content;
use crate::model::assessment::Assessment;
use crate::model::assessment::SignOff;

/// Who signs and what for; the date and the hash come separately.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Signer {
    /// Name, required (1 to 100 characters).
    pub name: String,
    /// Role or title, required.
    pub role: String,
    /// What they approve.
    pub statement: String,
    /// What the approval covers.
    pub scope: String,
}

/// The statement used when none is given.
pub const DEFAULT_STATEMENT: &str = "I have reviewed the targets, results, roadmap plan and trustworthiness \
view of this assessment and approve them as the record of this review.";

/// Adds a sign-off by `who` on `signed_on` with `sha256`, the SHA-256 of the
/// canonical JSON of [`signed_content`] now (the caller computes it: the CLI
/// in the core, the page in its worker). The new sign-off keeps the content;
/// earlier ones keep only their hash. Refused when a field is not fit or the
/// assessment keeps [`MAX_SIGNOFFS`] already.
pub fn sign(a: &mut Assessment, who: &Signer, signed_on: &str, sha256: &str) -> Result<(), String> {
    for (what, value) in [("name", &who.name), ("role", &who.role)] {
        if let Some(m) = name_problem(value, crate::base::limits::MAX_NAME_CHARS) {
            return Err(format!("the signer's {what}: {m}"));
        }
    }
    for (what, value) in [("statement", &who.statement), ("scope", &who.scope)] {
        if let Some(m) = text_problem(value) {
            return Err(format!("the {what}: {m}"));
        }
    }
    if !is_iso_date_prefix(signed_on) {
        return Err(format!("`{signed_on}` is not a date of the form YYYY-MM-DD"));
    }
    if sha256.len() != 64 || !sha256.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f')) {
        return Err("the SHA-256 digest is not 64 lowercase hexadecimal digits".into());
    }
    if a.signoffs.len() >= MAX_SIGNOFFS {
        return Err(format!("an assessment keeps at most {MAX_SIGNOFFS} sign-offs"));
    }
    for earlier in &mut a.signoffs {
        earlier.content = None;
    }
    let statement =
        if who.statement.trim().is_empty() { DEFAULT_STATEMENT.into() } else { who.statement.trim().into() };
    a.signoffs.push(SignOff {
        name: who.name.trim().into(),
        role: who.role.trim().into(),
        signed_on: signed_on.into(),
        statement,
        scope: who.scope.trim().into(),
        sha256: sha256.into(),
        content: Some(signed_content(a)),
    });
    Ok(())
}
