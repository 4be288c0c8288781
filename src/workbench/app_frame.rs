//! The frame of the workbench, review and exchange pages: files dropped
//! anywhere on the page are read through the one way in, then the skip link,
//! the header, the main region with the save status, and the footer.

use leptos::prelude::*;

use super::save_status::SaveStatus;
use crate::shared::route::Route;
use crate::shared::router::MAIN_ID;
use crate::shared::site_footer::SiteFooter;
use crate::shared::site_header::SiteHeader;
use crate::workbench::state::AppState;

/// The page frame around `children` (the routed main content). After a drop,
/// the page goes to the list of assessments when `list_after_drop`, where the
/// imported files show.
#[component]
pub fn AppFrame(route: RwSignal<Route>, #[prop(optional)] list_after_drop: bool, children: Children) -> impl IntoView {
    let state = AppState::expect();
    view! {
        <div class="smm-app"
            on:dragover=|ev| ev.prevent_default()
            on:drop=move |ev: leptos::ev::DragEvent| {
                ev.prevent_default();
                crate::workbench::transfer::import_files(state, ev.data_transfer().and_then(|d| d.files()));
                if list_after_drop {
                    let _ = window().location().set_hash(&Route::Assessments.hash());
                }
            }>
            <a class="skip-link" href=format!("#{MAIN_ID}")>"Skip to content"</a>
            <SiteHeader route=route />
            <main id=MAIN_ID class="smm-main" tabindex="-1">
                <SaveStatus />
                {children()}
            </main>
            <SiteFooter />
        </div>
    }
}
