//! The interviews page (`interviews.html`, `src/bin/interviews.rs`): answering
//! an interview received as a file (the interviewee), and the owner's view of
//! the answers with the consensus. Few visits need it, so it is its own bundle:
//! the workbench links to it, and a file of these kinds imported in the
//! workbench is handed over to it (see [`crate::workbench::transfer`]).
//! It uses the workbench's state, storage, transfer and chart modules.

pub mod answer_page;
pub mod answering_list;
pub mod app;
pub mod consensus_card;
pub mod inbox;
pub mod interview_section;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::shared::route::Bundle;

/// Mounts the interviews app into the first `[data-smm-app]` element, else into `<body>`.
pub fn start() {
    console_error_panic_hook::set_once();
    Bundle::Interviews.set_running();
    crate::workbench::transfer::set_interview_files_handler(inbox::import_interview_kinds);
    let parent = document()
        .query_selector(&format!("[{}]", crate::MOUNT_ATTRIBUTE))
        .ok()
        .flatten()
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        .or_else(|| document().body());
    crate::shared::remove_boot_frame();
    if let Some(parent) = parent {
        leptos::mount::mount_to(parent, app::InterviewsApp).forget();
    }
}
