//! The built-in framework catalogues and SMM Navigator's indicative mappings,
//! listed once in `data/builtin.json`: [`BUILTIN_FILES`] is generated from it
//! by `build.rs`, and the CLI, the tests and the app (which fetches the files)
//! read it; `scripts/stamp-sw.sh` reads the same list for the service worker.

use crate::model::framework::Framework;
use crate::model::mapping::Mapping;

/// The id of the built-in ISA/IEC 62443 catalogue.
pub const IEC62443: &str = "iec62443";

include!(concat!(env!("OUT_DIR"), "/builtin_frameworks.rs"));

impl Framework {
    /// The built-in frameworks: ISA/IEC 62443, NIST CSF 2.0, ISO/IEC 27001:2022
    /// Annex A (checked by the invariant tests).
    #[cfg(feature = "builtin-frameworks")]
    pub fn builtin_all() -> &'static [Framework] {
        static BUILTIN: std::sync::OnceLock<Vec<Framework>> = std::sync::OnceLock::new();
        BUILTIN.get_or_init(|| {
            BUILTIN_TEXTS
                .iter()
                .map(|(text, _)| {
                    serde_json::from_str(text)
                        .unwrap_or_else(|e| panic!("a built-in framework catalogue is invalid: {e}"))
                })
                .collect()
        })
    }

    /// The built-in framework with this id.
    #[cfg(feature = "builtin-frameworks")]
    pub fn builtin(id: &str) -> Option<&'static Framework> {
        Framework::builtin_all().iter().find(|f| f.id == id)
    }

    /// The built-in ISA/IEC 62443 catalogue.
    #[cfg(feature = "builtin-frameworks")]
    pub fn iec62443() -> &'static Framework {
        Framework::builtin(IEC62443).unwrap_or_else(|| panic!("the 62443 catalogue is built in"))
    }
}

impl Mapping {
    /// The shipped indicative mappings, one per built-in framework (checked by the invariant tests).
    #[cfg(feature = "builtin-frameworks")]
    pub fn builtin_all() -> &'static [Mapping] {
        static BUILTIN: std::sync::OnceLock<Vec<Mapping>> = std::sync::OnceLock::new();
        BUILTIN.get_or_init(|| {
            BUILTIN_TEXTS
                .iter()
                .map(|(_, t)| serde_json::from_str(t).unwrap_or_else(|e| panic!("a built-in mapping is invalid: {e}")))
                .collect()
        })
    }

    /// The shipped mapping for framework `framework`.
    #[cfg(feature = "builtin-frameworks")]
    pub fn builtin_for(framework: &str) -> Option<&'static Mapping> {
        Mapping::builtin_all().iter().find(|m| m.framework == framework)
    }

    /// The shipped indicative 62443 mapping.
    #[cfg(feature = "builtin-frameworks")]
    pub fn builtin() -> &'static Mapping {
        Mapping::builtin_for(IEC62443).unwrap_or_else(|| panic!("the 62443 mapping is built in"))
    }
}
