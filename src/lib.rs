//! SMM Navigator, the web app: a thin Leptos layer over `smm-core`.
//!
//! All domain logic (catalogue, scoring) lives in `smm-core`; the components
//! here only lay out what it computes.

pub mod charts;
pub mod components;
pub mod download;
pub mod embed;
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

/// Starts what the page asks for:
/// - an embed route (`#/embed/practice/<id>`, `#/embed/mini/<id,id>`, optionally
///   followed by `?theme=dark`): only that card, for an iframe;
/// - the full app in the first `[data-smm-app]` element;
/// - else practice cards and mini self-assessments in every `[data-smm-practice]`
///   and `[data-smm-mini]` element of a documentation page;
/// - else the full app in `<body>`.
pub fn start() {
    console_error_panic_hook::set_once();
    let hash = window().location().hash().unwrap_or_default();
    if let Some(rest) = hash.strip_prefix("#/embed/") {
        embed::mount_route(rest);
        return;
    }
    let doc = document();
    let app = doc
        .query_selector(&format!("[{MOUNT_ATTRIBUTE}]"))
        .ok()
        .flatten()
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(parent) = app {
        mount_into(parent);
    } else if !embed::mount_elements() {
        if let Some(body) = doc.body() {
            mount_into(body);
        }
    }
}
