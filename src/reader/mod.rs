//! The reader (`index.html`, `embed.js`): the home page, the practice explorer,
//! the practice pages and the embeds for documentation pages (practice cards
//! and mini self-assessments). It carries the SMM catalogue and nothing of the
//! workbench; a link to the assessments loads the workbench's page.

pub mod app;
pub mod embed;
pub mod explorer;
pub mod home;
pub mod level_column;
pub mod mini_assessment;
pub mod practice_card;
pub mod practice_page;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::shared::route::Bundle;

/// Mounts the reader into `parent` and keeps it running.
pub fn mount_into(parent: web_sys::HtmlElement) {
    Bundle::Reader.set_running();
    leptos::mount::mount_to(parent, app::Reader).forget();
}

/// Starts what the page asks for:
/// - an embed route (`#/embed/practice/<id>`, `#/embed/mini/<id,id>`, optionally
///   followed by `?theme=dark`): only that card, for an iframe;
/// - the reader in the first `[data-smm-app]` element;
/// - else practice cards and mini self-assessments in every `[data-smm-practice]`
///   and `[data-smm-mini]` element of a documentation page;
/// - else, unless `embed.js` loaded it (whose custom elements mount themselves),
///   the reader in `<body>`.
pub fn start() {
    console_error_panic_hook::set_once();
    Bundle::Reader.set_running();
    let hash = window().location().hash().unwrap_or_default();
    if let Some(rest) = hash.strip_prefix("#/embed/") {
        embed::mount_route(rest);
        return;
    }
    let doc = document();
    let app = doc
        .query_selector(&format!("[{}]", crate::MOUNT_ATTRIBUTE))
        .ok()
        .flatten()
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    // Loaded by `embed.js` in a documentation page (it sets the base first):
    // only the marked elements, never the whole reader in the page's body; the
    // custom elements mount themselves.
    let embedded = js_sys::Reflect::get(&js_sys::global(), &"SMM_NAVIGATOR_BASE".into()).is_ok_and(|v| v.is_string());
    if let Some(parent) = app {
        mount_into(parent);
    } else if !embed::mount_elements() && !embedded {
        if let Some(body) = doc.body() {
            mount_into(body);
        }
    }
}
