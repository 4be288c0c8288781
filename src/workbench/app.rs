//! The workbench's frame: header, routed main area, footer. It shows the
//! assessments and everything under them; the reader's routes go to the reader.

use leptos::prelude::*;

use super::app_frame::AppFrame;
use super::assessment_list::AssessmentList;
use super::assessment_page::AssessmentPage;
use crate::shared::not_found::NotFound;
use crate::shared::route::{Bundle, Route};
use crate::shared::router::route_signal;
use crate::workbench::state::AppState;

/// The assessment workbench.
#[component]
pub fn Workbench() -> impl IntoView {
    let state = AppState::load();
    provide_context(state);
    state.follow_other_tabs();
    let route = route_signal(Bundle::Workbench);

    view! {
        <AppFrame route=route list_after_drop=true>
        {move || match route.get() {
            Route::Assessment(id, section) => view! { <AssessmentPage id=id section=section /> }.into_any(),
            Route::NotFound(path) => view! { <NotFound path=path /> }.into_any(),
            // The reader's routes were handed over to the reader's page.
            _ => view! { <AssessmentList /> }.into_any(),
        }}
        </AppFrame>
    }
}
