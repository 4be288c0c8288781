//! The profiles shipped with SMM Navigator (`data/profiles/`).

use std::sync::OnceLock;

use crate::model::profile::Profile;

/// The shipped profiles: (id, file under the data folder). The app serves the
/// same files and fetches them when an assessment uses one or the picker opens.
pub const BUILTIN_PROFILE_FILES: [(&str, &str); 1] = [("retail-pos", "profiles/retail-pos.json")];

#[cfg(feature = "builtin-profiles")]
const RETAIL_POS_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/profiles__retail-pos.json"));

impl Profile {
    /// The profiles shipped with SMM Navigator (checked by the invariant tests),
    /// embedded with the `builtin-profiles` feature (the CLI and the tests); empty
    /// without it (the web app fetches the same files).
    pub fn builtin_all() -> &'static [Profile] {
        static BUILTIN: OnceLock<Vec<Profile>> = OnceLock::new();
        BUILTIN.get_or_init(|| {
            #[cfg(feature = "builtin-profiles")]
            {
                vec![serde_json::from_str(RETAIL_POS_JSON)
                    .unwrap_or_else(|e| panic!("the built-in profile is invalid: {e}"))]
            }
            #[cfg(not(feature = "builtin-profiles"))]
            {
                Vec::new()
            }
        })
    }

    /// True when `id` is the id of a shipped profile (embedded or not).
    pub fn is_builtin_id(id: &str) -> bool {
        BUILTIN_PROFILE_FILES.iter().any(|(b, _)| *b == id)
    }

    /// A shipped profile by id.
    pub fn builtin(id: &str) -> Option<&'static Profile> {
        Profile::builtin_all().iter().find(|p| p.id == id)
    }
}
