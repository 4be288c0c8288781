//! One assessment: its section tabs and the section shown.

use leptos::prelude::*;

use super::assess_section::AssessSection;
use super::assessment_frame::AssessmentFrame;
use super::overview_section::OverviewSection;
use super::results_section::ResultsSection;
use super::roadmap_section::RoadmapSection;
use super::target_section::TargetSection;
use crate::shared::not_found::NotFound;
use crate::shared::route::Section;

/// The page of assessment `id`, showing `section`.
#[component]
pub fn AssessmentPage(#[prop(into)] id: String, section: Section) -> impl IntoView {
    let path = format!("assessments/{id}");
    view! {
        <AssessmentFrame id=id section=section.clone()>
            {match section.clone() {
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
                | Section::Exchange
                | Section::Peers => view! { <NotFound path=path.clone() /> }.into_any(),
            }}
        </AssessmentFrame>
    }
}
