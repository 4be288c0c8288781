//! The review page (`review.html`, `src/bin/review.rs`): the views of an
//! assessment that few visits need, kept out of the workbench's first load.
//! The frameworks view (requirements implied by the targets and the
//! crosswalk), trustworthiness, the printable report with its one-page board
//! summary, the history of snapshots, the peers page (a benchmark), and the
//! portfolio of many assessments. The workbench's section tabs link to it as an ordinary page
//! load, like the exchange page; it uses the workbench's state, storage,
//! outbox, charts and the results tables.

pub mod app;
pub mod board_section;
pub mod crosswalk_matrix;
pub mod history_section;
pub mod peers_section;
pub mod portfolio_section;
pub mod report_section;
pub mod requirements_section;
pub mod signoff_panel;
pub mod trust_section;

use crate::shared::route::Bundle;

/// Mounts the review app into the first `[data-smm-app]` element, else into `<body>`.
pub fn start() {
    console_error_panic_hook::set_once();
    Bundle::Review.set_running();
    crate::shared::mount_page(app::ReviewApp);
}
