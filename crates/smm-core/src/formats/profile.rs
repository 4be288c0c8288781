//! Reading profiles.

use crate::base::error::DocumentError;
use serde_json::Value;

use crate::base::json::{parse_value, typed_from};
use crate::base::text::decode_text;
use crate::model::catalogue::Catalogue;
use crate::model::profile::*;

/// Reads and checks a profile file, with the same rigour as assessment files.
pub fn parse_profile(bytes: &[u8], catalogue: &Catalogue) -> Result<Profile, DocumentError> {
    let text = decode_text(bytes)?;
    profile_from(text, &parse_value(text)?, catalogue)
}

/// [`parse_profile`] of a file already decoded and parsed.
pub(crate) fn profile_from(text: &str, value: &Value, catalogue: &Catalogue) -> Result<Profile, DocumentError> {
    let (profile, _): (Profile, u32) =
        typed_from(text, value, PROFILE_FORMAT, PROFILE_VERSION, "an SMM Navigator profile")?;
    let problems = profile.problems(catalogue);
    if problems.is_empty() {
        Ok(profile)
    } else {
        Err(DocumentError { problems })
    }
}
