//! One public component per file, each named as a noun.

pub mod app;
pub mod explorer;
pub mod home;
pub mod level_column;
pub mod not_found;
pub mod practice_page;
pub mod site_header;
