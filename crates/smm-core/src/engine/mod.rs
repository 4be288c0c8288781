//! Layer 6, engine: the figures. Derived and achieved levels, gaps, roll-ups,
//! roadmap ([`gaps`]); framework coverage ([`coverage`]); the consolidation of
//! interviews ([`consensus`]); trustworthiness figures ([`trust`]); trends and
//! comparisons ([`history`]); the state against a sign-off ([`signoff`]); evidence past its date ([`evidence`]); progress against the plan ([`progress`]); portfolios, benchmarks and positions among peers ([`portfolio`]); the scope a profile makes ([`scope`]). Pure
//! functions; each rule is written once, here, and every view, export and the
//! CLI call it.

pub mod consensus;
pub mod coverage;
pub mod evidence;
pub mod gaps;
pub mod history;
pub mod portfolio;
pub mod progress;
pub mod scope;
pub mod signoff;
pub mod trust;

// `smm_core::engine::gap_analysis` and the rest of the gap analysis, as before the layers.
pub use gaps::*;
