//! The exchange page's frame: header, routed main area, footer.

use leptos::prelude::*;

use super::answer_page::AnswerPage;
use super::answering_list::AnsweringList;
use super::exchange_section::ExchangeSection;
use super::inbox::take_inbox;
use super::interview_section::InterviewSection;
use crate::shared::not_found::NotFound;
use crate::shared::route::{Bundle, Route, Section};
use crate::shared::router::route_signal;
use crate::workbench::app_frame::AppFrame;
use crate::workbench::assessment_frame::AssessmentFrame;
use crate::workbench::state::AppState;

/// The exchange app.
#[component]
pub fn ExchangeApp() -> impl IntoView {
    let state = AppState::load();
    provide_context(state);
    // Files imported in the workbench and handed over to this page.
    take_inbox(state);
    state.follow_other_tabs();
    let route = route_signal(Bundle::Exchange);
    view! {
        <AppFrame route=route>
        {move || match route.get() {
            Route::Answer(id) if id.is_empty() => view! { <AnsweringList /> }.into_any(),
            Route::Answer(id) => view! { <AnswerPage id=id /> }.into_any(),
            Route::Assessment(id, section) if section.bundle() == Bundle::Exchange => view! { <OwnerPage id=id section=section /> }.into_any(),
            other => view! { <NotFound path=other.hash().trim_start_matches("#/").to_string() /> }.into_any(),
        }}
        </AppFrame>
    }
}

/// The interviews or the exchange of assessment `id`, in the assessment's frame.
#[component]
fn OwnerPage(#[prop(into)] id: String, section: Section) -> impl IntoView {
    view! {
        <AssessmentFrame id=id section=section.clone()>
            {if section == Section::Exchange {
                view! { <ExchangeSection /> }.into_any()
            } else {
                view! { <InterviewSection /> }.into_any()
            }}
        </AssessmentFrame>
    }
}
