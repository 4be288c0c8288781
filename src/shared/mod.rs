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

/// Removes the static page frame a page shows while its app loads
/// (`[data-boot-frame]` in workbench.html and exchange.html).
pub fn remove_boot_frame() {
    if let Some(frame) = leptos::prelude::document().query_selector("[data-boot-frame]").ok().flatten() {
        frame.remove();
    }
}
