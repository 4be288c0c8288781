//! The review page's frame: header, routed main area, footer.

use leptos::prelude::*;

use super::board_section::BoardSection;
use super::history_section::HistorySection;
use super::peers_section::PeersSection;
use super::portfolio_section::PortfolioSection;
use super::report_section::ReportSection;
use super::requirements_section::RequirementsSection;
use super::trust_section::TrustSection;
use crate::shared::not_found::NotFound;
use crate::shared::route::{Bundle, Route, Section};
use crate::shared::router::route_signal;
use crate::workbench::app_frame::AppFrame;
use crate::workbench::assessment_frame::AssessmentFrame;
use crate::workbench::state::AppState;

/// The review app.
#[component]
pub fn ReviewApp() -> impl IntoView {
    let state = AppState::load();
    provide_context(state);
    state.follow_other_tabs();
    let route = route_signal(Bundle::Review);
    view! {
        <AppFrame route=route>
        {move || match route.get() {
            Route::Assessment(id, section) if section.bundle() == Bundle::Review => {
                view! { <ReviewPage id=id section=section /> }.into_any()
            }
            Route::Portfolio => view! { <PortfolioSection /> }.into_any(),
            other => view! { <NotFound path=other.hash().trim_start_matches("#/").to_string() /> }.into_any(),
        }}
        </AppFrame>
    }
}

/// One of the review sections of assessment `id`, in the assessment's frame.
#[component]
fn ReviewPage(#[prop(into)] id: String, section: Section) -> impl IntoView {
    view! {
        <AssessmentFrame id=id section=section.clone()>
            {match section.clone() {
                Section::Requirements => view! { <RequirementsSection /> }.into_any(),
                Section::Trust => view! { <TrustSection /> }.into_any(),
                Section::Report => view! { <ReportSection /> }.into_any(),
                Section::Board => view! { <BoardSection /> }.into_any(),
                Section::Peers => view! { <PeersSection /> }.into_any(),
                _ => view! { <HistorySection /> }.into_any(),
            }}
        </AssessmentFrame>
    }
}
