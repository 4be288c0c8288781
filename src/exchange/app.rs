//! The exchange page's frame: header, routed main area, footer.

use leptos::prelude::*;

use super::answer_page::AnswerPage;
use super::answering_list::AnsweringList;
use super::exchange_section::ExchangeSection;
use super::inbox::take_inbox;
use super::interview_section::InterviewSection;
use crate::shared::not_found::NotFound;
use crate::shared::route::{Bundle, Route, Section};
use crate::shared::router::{route_signal, MAIN_ID};
use crate::shared::site_footer::SiteFooter;
use crate::shared::site_header::SiteHeader;
use crate::workbench::save_status::SaveStatus;
use crate::workbench::section_tabs::SectionTabs;
use crate::workbench::state::{AppState, Current};

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
                    Route::Answer(id) if id.is_empty() => view! { <AnsweringList /> }.into_any(),
                    Route::Answer(id) => view! { <AnswerPage id=id /> }.into_any(),
                    Route::Assessment(id, section @ (Section::Interviews | Section::Exchange)) => view! { <OwnerPage id=id section=section /> }.into_any(),
                    other => view! { <NotFound path=other.hash().trim_start_matches("#/").to_string() /> }.into_any(),
                }}
            </main>
            <SiteFooter />
        </div>
    }
}

/// The interviews or the exchange of assessment `id`, in the assessment's frame.
#[component]
fn OwnerPage(#[prop(into)] id: String, section: Section) -> impl IntoView {
    let current = Current::new(AppState::expect(), id.clone());
    provide_context(current);
    if current.assessment.get_untracked().is_none() {
        return view! { <NotFound path=format!("assessments/{id}") /> }.into_any();
    }
    view! {
        <div class="assessment-page">
            <p class="assessment-name">
                <a href=Route::Assessments.href()>"Assessments"</a>
                " › "
                <span>{move || current.with(|a| a.metadata.name.clone()).unwrap_or_default()}</span>
            </p>
            <SectionTabs current=section.clone() />
            {if section == Section::Exchange { view! { <ExchangeSection /> }.into_any() } else { view! { <InterviewSection /> }.into_any() }}
        </div>
    }
    .into_any()
}
