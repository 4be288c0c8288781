//! The workbench (`workbench.html`): the assessments and everything under them
//! (targets, assess, results, roadmap, frameworks, trustworthiness, report, history,
//! files). Loaded when the user goes to the assessments; its links to the home
//! page and the practices load the reader's page.

pub mod app;
pub mod app_frame;
pub mod assess_section;
pub mod assessment_frame;
pub mod assessment_list;
pub mod assessment_page;
pub mod charts;
pub mod evidence_list;
pub mod loaded_files;
pub mod on_demand;
pub mod outbox;
pub mod overview_section;
pub mod practice_nav;
pub mod profile_picker;
pub mod recovery_banner;
pub mod results_section;
pub mod roadmap_section;
pub mod save_status;
pub mod seal_choice;
pub mod section_tabs;
pub mod signoff_banner;
pub mod state;
pub mod target_grid;
pub mod target_section;
pub mod transfer;
pub mod transfer_notice;
pub mod transfer_panel;
pub mod transfer_state;

use crate::shared::route::Bundle;

/// Mounts the workbench into the first `[data-smm-app]` element, else into `<body>`.
pub fn start() {
    console_error_panic_hook::set_once();
    Bundle::Workbench.set_running();
    crate::shared::mount_page(app::Workbench);
}
