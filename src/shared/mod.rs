//! What every page uses: routes and the router, the one module that touches
//! localStorage ([`storage`]), the download primitive (called only by the
//! outbox and the reader's quick check), the clock, and the page frame (header,
//! footer, "not found").

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

/// Mounts `app` into the first `[data-smm-app]` element, else into `<body>`,
/// after removing the page's static frame (the workbench and exchange pages).
pub fn mount_page<F, V>(app: F)
where
    F: FnOnce() -> V + 'static,
    V: leptos::prelude::IntoView + 'static,
{
    use wasm_bindgen::JsCast;
    let document = leptos::prelude::document();
    let parent = document
        .query_selector(&format!("[{}]", crate::MOUNT_ATTRIBUTE))
        .ok()
        .flatten()
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        .or_else(|| document.body());
    remove_boot_frame();
    if let Some(parent) = parent {
        leptos::mount::mount_to(parent, app).forget();
    }
}
