//! One public component per file, each named as a noun.

pub mod app;
pub mod assess_section;
pub mod assessment_list;
pub mod assessment_page;
pub mod explorer;
pub mod history_section;
pub mod home;
pub mod level_column;
pub mod mini_assessment;
pub mod not_found;
pub mod overview_section;
pub mod practice_card;
pub mod practice_nav;
pub mod practice_page;
pub mod profile_picker;
pub mod recovery_banner;
pub mod report_section;
pub mod requirements_section;
pub mod results_section;
pub mod roadmap_section;
pub mod save_status;
pub mod section_tabs;
pub mod site_header;
pub mod target_section;
pub mod transfer_panel;
pub mod trust_section;
