//! The profiles shipped with SMM Navigator (`data/profiles/`), listed once in
//! `data/builtin.json`: [`BUILTIN_PROFILE_FILES`] is generated from it by `build.rs`.

use std::sync::OnceLock;

use crate::model::profile::Profile;

include!(concat!(env!("OUT_DIR"), "/builtin_profiles.rs"));

impl Profile {
    /// The profiles shipped with SMM Navigator (checked by the invariant tests),
    /// embedded with the `builtin-profiles` feature (the CLI and the tests); empty
    /// without it (the web app fetches the same files).
    pub fn builtin_all() -> &'static [Profile] {
        static BUILTIN: OnceLock<Vec<Profile>> = OnceLock::new();
        BUILTIN.get_or_init(|| {
            #[cfg(feature = "builtin-profiles")]
            {
                BUILTIN_TEXTS
                    .iter()
                    .map(|t| serde_json::from_str(t).unwrap_or_else(|e| panic!("a built-in profile is invalid: {e}")))
                    .collect()
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
