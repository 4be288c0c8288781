//! The trustworthiness catalogue shipped with SMM Navigator (`data/trustworthiness.json`).

use std::sync::OnceLock;

use crate::model::trust::TrustCatalogue;

const BUILTIN_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/trustworthiness.json"));

impl TrustCatalogue {
    /// The built-in catalogue (checked by the invariant tests).
    pub fn builtin() -> &'static TrustCatalogue {
        static BUILTIN: OnceLock<TrustCatalogue> = OnceLock::new();
        BUILTIN.get_or_init(|| {
            serde_json::from_str(BUILTIN_JSON)
                .unwrap_or_else(|e| panic!("the trustworthiness catalogue is invalid: {e}"))
        })
    }
}
