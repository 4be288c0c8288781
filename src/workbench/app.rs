//! The workbench's frame: header, routed main area, footer. It shows the
//! assessments and everything under them; the reader's routes go to the reader.

use leptos::prelude::*;

use super::assessment_list::AssessmentList;
use super::assessment_page::AssessmentPage;
use super::save_status::SaveStatus;
use crate::shared::not_found::NotFound;
use crate::shared::route::{Bundle, Route};
use crate::shared::router::{route_signal, MAIN_ID};
use crate::shared::site_footer::SiteFooter;
use crate::shared::site_header::SiteHeader;
use crate::workbench::state::AppState;

/// The assessment workbench.
#[component]
pub fn Workbench() -> impl IntoView {
    let state = AppState::load();
    provide_context(state);
    state.follow_other_tabs();
    let route = route_signal(Bundle::Workbench);

    view! {
        <div class="smm-app"
            on:dragover=|ev| ev.prevent_default()
            on:drop=move |ev: leptos::ev::DragEvent| {
                ev.prevent_default();
                crate::workbench::transfer::import_files(state, ev.data_transfer().and_then(|d| d.files()));
                let _ = window().location().set_hash(&Route::Assessments.hash());
            }>
            <a class="skip-link" href=format!("#{MAIN_ID}")>"Skip to content"</a>
            <SiteHeader route=route />
            <main id=MAIN_ID class="smm-main" tabindex="-1">
                <SaveStatus />
                {move || match route.get() {
                    Route::Assessment(id, section) => view! { <AssessmentPage id=id section=section /> }.into_any(),
                    Route::NotFound(path) => view! { <NotFound path=path /> }.into_any(),
                    // The reader's routes were handed over to the reader's page.
                    _ => view! { <AssessmentList /> }.into_any(),
                }}
            </main>
            <SiteFooter />
        </div>
    }
}
