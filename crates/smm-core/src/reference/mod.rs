//! Layer 3, reference data: the SMM catalogue, the trustworthiness catalogue,
//! the built-in frameworks and mappings and the shipped profiles, embedded from
//! `data/`; and the identifier grammar of ISA/IEC 62443.

pub mod catalogue;
pub mod frameworks;
pub mod iec62443;
pub mod profiles;
pub mod trust;
