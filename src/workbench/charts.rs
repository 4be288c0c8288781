//! The charts of the pages: drawn by the `smm-charts` crate, the one place
//! that draws charts (as SVG here; as PNG for the Word report, in the worker).

pub use smm_charts::*;
