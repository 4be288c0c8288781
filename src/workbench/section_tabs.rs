//! Navigation between the sections of an assessment.

use leptos::prelude::*;

use crate::shared::route::Section;
use crate::workbench::state::Current;

/// Links to every section of an assessment: the four steps of the SMM process
/// (targets, assess, results, roadmap), numbered, among the views around them.
#[component]
pub fn SectionTabs(current: Section) -> impl IntoView {
    let c = Current::expect();
    let sections = [
        (Section::Overview, "Overview"),
        (Section::Targets(None), "1 Targets"),
        (Section::Assess(None), "2 Assess"),
        (Section::Interviews, "Interviews"),
        (Section::Results, "3 Results"),
        (Section::Roadmap, "4 Roadmap"),
        (Section::Requirements, "Frameworks"),
        (Section::Trust, "Trust"),
        (Section::Report, "Report"),
        (Section::Exchange, "Spreadsheet and OSCAL"),
        (Section::History, "History"),
        (Section::Peers, "Peers"),
    ];
    view! {
        <nav class="section-tabs" aria-label="Assessment sections">
            <ul>
                {sections.into_iter().map(|(s, label)| {
                    // The board page is the report's one-page summary.
                    let here = (s.same_kind(&current) || (s == Section::Report && current == Section::Board)).then_some("page");
                    view! { <li><a href=c.href(s) aria-current=here>{label}</a></li> }
                }).collect_view()}
            </ul>
        </nav>
    }
}
