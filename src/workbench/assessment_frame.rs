//! The frame of one assessment's page, the same on the workbench, the review
//! page and the exchange page: the assessment made current (or "not found"),
//! the way back to the list with the assessment's name, the section tabs, a
//! notice when another tab deleted the assessment, the sign-off state, and
//! the section itself.

use leptos::prelude::*;

use super::section_tabs::SectionTabs;
use super::signoff_banner::SignOffBanner;
use crate::shared::not_found::NotFound;
use crate::shared::route::{Route, Section};
use crate::workbench::state::{AppState, Current};

/// Assessment `id` made the current one for `children` (the section, built
/// only once it is), in its frame with `section`'s tab marked; "not found"
/// when no assessment has that id.
#[component]
pub fn AssessmentFrame(#[prop(into)] id: String, section: Section, children: Children) -> impl IntoView {
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
            <SectionTabs current=section />
            <SignOffBanner />
            {move || if current.assessment.with(Option::is_none) {
                view! { <p role="alert">"This assessment was deleted."</p> }.into_any()
            } else {
                ().into_any()
            }}
            {children()}
        </div>
    }
    .into_any()
}
