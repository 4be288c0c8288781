//! The exchange page (`exchange.html`, `src/bin/exchange.rs`): working with
//! other people and tools. Answering an interview received as a file (the
//! interviewee); the owner's view of the answers with the consensus; the
//! spreadsheet workbook out and back; OSCAL assessment results. Few visits need
//! it, so it is its own bundle: the workbench links to it, and an interview or
//! answers file imported in the workbench is handed over to it (see
//! [`crate::workbench::transfer`]). It uses the workbench's state, storage,
//! transfer and chart modules.

pub mod answer_page;
pub mod answering_list;
pub mod app;
pub mod consensus_card;
pub mod exchange_section;
pub mod inbox;
pub mod interview_section;
pub mod workbook_review_panel;

use crate::shared::route::Bundle;

/// Mounts the exchange app into the first `[data-smm-app]` element, else into `<body>`.
pub fn start() {
    console_error_panic_hook::set_once();
    Bundle::Exchange.set_running();
    crate::workbench::transfer::set_interview_files_handler(inbox::import_interview_kinds);
    crate::workbench::transfer::set_workbook_handler();
    crate::shared::mount_page(app::ExchangeApp);
}
