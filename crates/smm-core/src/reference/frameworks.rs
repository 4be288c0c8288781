//! The built-in framework catalogues and SMM Navigator's indicative mappings:
//! one list, [`BUILTIN_FILES`], that the CLI, the tests, the app (which
//! fetches the files) and the service worker read.

use crate::model::framework::Framework;
use crate::model::mapping::Mapping;

#[cfg(feature = "builtin-frameworks")]
const IEC62443_FRAMEWORK: &str = include_str!(concat!(env!("OUT_DIR"), "/frameworks__iec62443.json"));
#[cfg(feature = "builtin-frameworks")]
const CSF_FRAMEWORK: &str = include_str!(concat!(env!("OUT_DIR"), "/frameworks__csf-2.0.json"));
#[cfg(feature = "builtin-frameworks")]
const ISO27001_FRAMEWORK: &str = include_str!(concat!(env!("OUT_DIR"), "/frameworks__iso27001-2022.json"));

#[cfg(feature = "builtin-frameworks")]
const IEC62443_MAPPING: &str = include_str!(concat!(env!("OUT_DIR"), "/mappings__indicative-62443.json"));
#[cfg(feature = "builtin-frameworks")]
const CSF_MAPPING: &str = include_str!(concat!(env!("OUT_DIR"), "/mappings__indicative-csf-2.0.json"));
#[cfg(feature = "builtin-frameworks")]
const ISO27001_MAPPING: &str = include_str!(concat!(env!("OUT_DIR"), "/mappings__indicative-iso27001-2022.json"));

/// The id of the built-in ISA/IEC 62443 catalogue.
pub const IEC62443: &str = "iec62443";

/// The built-in framework catalogues and their indicative mappings: (framework
/// id, framework file, mapping file), the files as paths under `data/` (the web
/// app serves them from its folder), in the order the frameworks are offered.
pub const BUILTIN_FILES: [(&str, &str, &str); 3] = [
    (IEC62443, "frameworks/iec62443.json", "mappings/indicative-62443.json"),
    ("csf-2.0", "frameworks/csf-2.0.json", "mappings/indicative-csf-2.0.json"),
    ("iso27001-2022", "frameworks/iso27001-2022.json", "mappings/indicative-iso27001-2022.json"),
];

impl Framework {
    /// The built-in frameworks: ISA/IEC 62443, NIST CSF 2.0, ISO/IEC 27001:2022
    /// Annex A (checked by the invariant tests).
    #[cfg(feature = "builtin-frameworks")]
    pub fn builtin_all() -> &'static [Framework] {
        static BUILTIN: std::sync::OnceLock<Vec<Framework>> = std::sync::OnceLock::new();
        BUILTIN.get_or_init(|| {
            [IEC62443_FRAMEWORK, CSF_FRAMEWORK, ISO27001_FRAMEWORK]
                .iter()
                .map(|text| {
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
            [IEC62443_MAPPING, CSF_MAPPING, ISO27001_MAPPING]
                .iter()
                .map(|t| serde_json::from_str(t).unwrap_or_else(|e| panic!("a built-in mapping is invalid: {e}")))
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
