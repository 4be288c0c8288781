//! SMM Navigator, the web app: a thin Leptos layer over `smm-core`.
//!
//! All domain logic (catalogue, scoring) lives in `smm-core`; the components
//! here only lay out what it computes.

pub mod charts;
pub mod components;
pub mod download;
pub mod route;
pub mod state;
pub mod storage;
pub mod transfer;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use components::app::App;

/// The attribute that marks the element the app mounts into.
pub const MOUNT_ATTRIBUTE: &str = "data-smm-app";

/// Mounts the app into `parent` and keeps it running.
pub fn mount_into(parent: web_sys::HtmlElement) {
    leptos::mount::mount_to(parent, App).forget();
}

/// Mounts the app into the first element with the `data-smm-app` attribute,
/// or into `<body>` when the page has none.
pub fn start() {
    console_error_panic_hook::set_once();
    let target = document()
        .query_selector(&format!("[{MOUNT_ATTRIBUTE}]"))
        .ok()
        .flatten()
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        .or_else(|| document().body());
    if let Some(parent) = target {
        mount_into(parent);
    }
}
