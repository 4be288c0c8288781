//! One assessment: its section tabs and the section shown.

use leptos::prelude::*;

use super::assess_section::AssessSection;
use super::overview_section::OverviewSection;
use super::results_section::ResultsSection;
use super::roadmap_section::RoadmapSection;
use super::section_tabs::SectionTabs;
use super::target_section::TargetSection;
use crate::shared::not_found::NotFound;
use crate::shared::route::{Route, Section};
use crate::workbench::state::{AppState, Current};

/// The page of assessment `id`, showing `section`.
#[component]
pub fn AssessmentPage(#[prop(into)] id: String, section: Section) -> impl IntoView {
    let current = Current::new(AppState::expect(), id.clone());
    provide_context(current);
    if current.assessment.get_untracked().is_none() {
        return view! { <NotFound path=format!("assessments/{id}") /> }.into_any();
    }
    let tab = section.clone();
    let body = match section {
        Section::Overview => view! { <OverviewSection /> }.into_any(),
        Section::Targets(p) => view! { <TargetSection practice=p /> }.into_any(),
        Section::Assess(p) => view! { <AssessSection practice=p /> }.into_any(),
        Section::Results => view! { <ResultsSection /> }.into_any(),
        Section::Roadmap => view! { <RoadmapSection /> }.into_any(),
        // Shown by the review page (review.html) and the exchange page
        // (exchange.html), each its own bundle.
        Section::Report
        | Section::Board
        | Section::History
        | Section::Requirements
        | Section::Trust
        | Section::Interviews
        | Section::Exchange => view! { <NotFound path=format!("assessments/{id}") /> }.into_any(),
    };
    view! {
        <div class="assessment-page">
            <p class="assessment-name">
                <a href=Route::Assessments.href()>"Assessments"</a>
                " › "
                <span>{move || current.with(|a| a.metadata.name.clone()).unwrap_or_default()}</span>
            </p>
            <SectionTabs current=tab />
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
