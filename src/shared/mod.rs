//! What both apps use: routes and the router, the one module that touches
//! localStorage, downloads, the clock, and the page frame (header, footer,
//! "not found").

pub mod clock;
pub mod download;
pub mod not_found;
pub mod route;
pub mod router;
pub mod site_footer;
pub mod site_header;
pub mod storage;
