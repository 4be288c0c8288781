//! Evidence that expires (assessment format version 6): which references are
//! past their "review by" date, and which met indicators rest only on such
//! evidence. A flag for the assessor: nothing is un-ticked by itself.

use serde::Serialize;

use crate::base::text::is_iso_date_prefix;
use crate::model::assessment::{Evidence, PracticeResult};

/// True when the evidence has a "review by" date and `today` is past it.
/// On the date itself it is still current. Without a date it never expires.
pub fn is_expired(e: &Evidence, today: &str) -> bool {
    is_iso_date_prefix(&e.review_by) && is_iso_date_prefix(today) && e.review_by[..10] < today[..10]
}

/// True when the evidence counts for `indicator`: it names it, or names no
/// indicator (evidence for the practice as a whole).
pub fn supports(e: &Evidence, indicator: &str) -> bool {
    e.indicators.is_empty() || e.indicators.iter().any(|i| i == indicator)
}

/// One met indicator whose evidence has all expired.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct StaleIndicator {
    /// The practice id.
    pub practice: String,
    /// The indicator id.
    pub indicator: String,
    /// The latest "review by" date among its evidence.
    pub review_by: String,
}

/// The met indicators of one practice whose supporting evidence (see
/// [`supports`]) is not empty and all past its date, in the order met.
/// An indicator with no evidence at all is not flagged here: that is the
/// assessor's call, not an expiry.
pub fn stale_indicators(practice: &str, r: &PracticeResult, today: &str) -> Vec<StaleIndicator> {
    r.indicators_met
        .iter()
        .filter_map(|ind| {
            let mut own = r.evidence.iter().filter(|e| supports(e, ind)).peekable();
            own.peek()?;
            let mut latest = String::new();
            for e in own {
                if !is_expired(e, today) {
                    return None;
                }
                if e.review_by > latest {
                    latest.clone_from(&e.review_by);
                }
            }
            Some(StaleIndicator { practice: practice.to_string(), indicator: ind.clone(), review_by: latest })
        })
        .collect()
}
