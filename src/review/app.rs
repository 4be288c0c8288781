//! The review page's frame: header, routed main area, footer.

use leptos::prelude::*;

use super::board_section::BoardSection;
use super::history_section::HistorySection;
use super::report_section::ReportSection;
use super::requirements_section::RequirementsSection;
use super::trust_section::TrustSection;
use crate::shared::not_found::NotFound;
use crate::shared::route::{Bundle, Route, Section};
use crate::shared::router::{route_signal, MAIN_ID};
use crate::shared::site_footer::SiteFooter;
use crate::shared::site_header::SiteHeader;
use crate::workbench::save_status::SaveStatus;
use crate::workbench::section_tabs::SectionTabs;
use crate::workbench::state::{AppState, Current};

/// The review app.
#[component]
pub fn ReviewApp() -> impl IntoView {
    let state = AppState::load();
    provide_context(state);
    state.follow_other_tabs();
    let route = route_signal(Bundle::Review);
    view! {
        <div class="smm-app"
            on:dragover=|ev| ev.prevent_default()
            on:drop=move |ev: leptos::ev::DragEvent| {
                ev.prevent_default();
                crate::workbench::transfer::import_files(state, ev.data_transfer().and_then(|d| d.files()));
            }>
            <a class="skip-link" href=format!("#{MAIN_ID}")>"Skip to content"</a>
            <SiteHeader route=route />
            <main id=MAIN_ID class="smm-main" tabindex="-1">
                <SaveStatus />
                {move || match route.get() {
                    Route::Assessment(
                        id,
                        section @ (Section::Requirements | Section::Trust | Section::Report | Section::Board | Section::History),
                    ) => {
                        view! { <ReviewPage id=id section=section /> }.into_any()
                    }
                    other => view! { <NotFound path=other.hash().trim_start_matches("#/").to_string() /> }.into_any(),
                }}
            </main>
            <SiteFooter />
        </div>
    }
}

/// One of the review sections of assessment `id`, in the assessment's frame.
#[component]
fn ReviewPage(#[prop(into)] id: String, section: Section) -> impl IntoView {
    let current = Current::new(AppState::expect(), id.clone());
    provide_context(current);
    if current.assessment.get_untracked().is_none() {
        return view! { <NotFound path=format!("assessments/{id}") /> }.into_any();
    }
    let body = match section {
        Section::Requirements => view! { <RequirementsSection /> }.into_any(),
        Section::Trust => view! { <TrustSection /> }.into_any(),
        Section::Report => view! { <ReportSection /> }.into_any(),
        Section::Board => view! { <BoardSection /> }.into_any(),
        _ => view! { <HistorySection /> }.into_any(),
    };
    view! {
        <div class="assessment-page">
            <p class="assessment-name">
                <a href=Route::Assessments.href()>"Assessments"</a>
                " › "
                <span>{move || current.with(|a| a.metadata.name.clone()).unwrap_or_default()}</span>
            </p>
            <SectionTabs current=section />
            {move || if current.assessment.with(Option::is_none) {
                view! { <p role="alert">"This assessment was deleted."</p> }.into_any()
            } else {
                ().into_any()
            }}
            {body}
        </div>
    }
    .into_any()
}
