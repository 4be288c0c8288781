//! Entry point of the reader bundle (`reader.js`, `reader_bg.wasm`), built by Trunk.
//!
//! It also exports what `embed.js`'s custom elements (`<smm-practice-card>`,
//! `<smm-mini-assessment>`) call: these live here, in the reader's own entry,
//! so that no other bundle carries them.

use wasm_bindgen::prelude::*;

/// A view a custom element shows; `unmount` (or the element's removal, which
/// calls it) releases what it held.
#[wasm_bindgen]
pub struct EmbedHandle(Option<smm_navigator::reader::embed::Mounted>);

#[wasm_bindgen]
impl EmbedHandle {
    /// Unmounts the view; a second call does nothing.
    pub fn unmount(&mut self) {
        self.0.take();
    }
}

/// Shows the card of `practice` in `host`, a `div` in the element's shadow root.
#[wasm_bindgen]
pub fn mount_practice_card(
    host: web_sys::HtmlElement,
    practice: String,
    level: Option<String>,
    heading: Option<String>,
    theme: Option<String>,
) -> EmbedHandle {
    EmbedHandle(Some(smm_navigator::reader::embed::mount_card_element(host, practice, level, heading, theme)))
}

/// Shows the mini self-assessment of `practices` (comma-separated) in `host`.
#[wasm_bindgen]
pub fn mount_mini_assessment(
    host: web_sys::HtmlElement,
    practices: String,
    app_url: Option<String>,
    role: Option<String>,
    theme: Option<String>,
) -> EmbedHandle {
    EmbedHandle(Some(smm_navigator::reader::embed::mount_mini_element(host, practices, app_url, role, theme)))
}

fn main() {
    smm_navigator::reader::start();
}
