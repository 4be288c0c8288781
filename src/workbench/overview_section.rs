//! The overview of an assessment: its metadata and where it stands.

use leptos::prelude::*;
use smm_core::{Catalogue, Metadata, Role};

use super::profile_picker::ProfilePicker;
use crate::shared::route::Section;
use crate::workbench::state::Current;
use crate::workbench::transfer::export_one;

/// Metadata form, progress and next steps.
#[component]
pub fn OverviewSection() -> impl IntoView {
    let c = Current::expect();
    let total = Catalogue::builtin().practices.len();
    let field =
        move |label: &'static str, kind: &'static str, get: fn(&Metadata) -> String, set: fn(&mut Metadata, String)| {
            view! {
                <label>
                    {label}
                    <input type=kind maxlength="500"
                        prop:value=move || c.with(|a| get(&a.metadata)).unwrap_or_default()
                        on:input=move |ev| { let v = event_target_value(&ev); c.edit(|a| set(&mut a.metadata, v)); } />
                </label>
            }
        };
    let targets = move || c.with(|a| a.targets.len()).unwrap_or(0);
    let assessed = move || c.with(|a| a.results.len()).unwrap_or(0);
    view! {
        <section class="page overview">
            <h1 tabindex="-1">{move || c.with(|a| a.metadata.name.clone()).unwrap_or_default()}</h1>
            <div class="progress-cards">
                <a class="card progress-card" href=c.href(Section::Targets(None))>
                    <strong>{move || format!("{} of {total}", targets())}</strong>
                    <span>"practices have a target"</span>
                </a>
                <a class="card progress-card" href=c.href(Section::Assess(None))>
                    <strong>{move || format!("{} of {total}", assessed())}</strong>
                    <span>"practices assessed"</span>
                </a>
                <a class="card progress-card" href=c.href(Section::Results)>
                    <strong>{move || c.report.with(|r| r.as_ref().map(|r| r.rollups.overall.total_shortfall)).unwrap_or(0)}</strong>
                    <span>"levels of shortfall in all"</span>
                </a>
            </div>
            <form class="card metadata-form" on:submit=|ev| ev.prevent_default()>
                <h2>"About this assessment"</h2>
                <div class="form-grid">
                    {field("Name", "text", |m| m.name.clone(), |m, v| m.name = v)}
                    {field("Organisation", "text", |m| m.organisation.clone(), |m, v| m.organisation = v)}
                    {field("System under assessment", "text", |m| m.system.clone(), |m, v| m.system = v)}
                    {field("Assessor", "text", |m| m.assessor.clone(), |m, v| m.assessor = v)}
                    {field("Assessed on", "date", |m| m.assessed_on.clone(), |m, v| m.assessed_on = v)}
                    <label>
                        "Tags (site, business unit, product line; separated by commas)"
                        <input type="text" maxlength="1300"
                            prop:value=move || c.with(|a| a.metadata.tags.join(", ")).unwrap_or_default()
                            on:change=move |ev| {
                                let tags = smm_core::assessment::parse_tags(&event_target_value(&ev));
                                c.edit(|a| a.metadata.tags = tags);
                            } />
                    </label>
                    <label>
                        "Role"
                        <select on:change=move |ev| {
                            let v = event_target_value(&ev);
                            if let Some(r) = Role::from_id(&v) { c.edit(|a| a.metadata.role = r); }
                        }>
                            {Role::ALL.into_iter().map(|r| view! {
                                <option value=r.id() selected=move || c.with(|a| a.metadata.role == r).unwrap_or(false)>{r.name()}</option>
                            }).collect_view()}
                        </select>
                    </label>
                </div>
                <p class="muted">{move || c.with(|a| format!("Created {}, last changed {}.", a.metadata.created, a.metadata.updated)).unwrap_or_default()}</p>
            </form>
            <ProfilePicker />
            <section class="card exports" aria-labelledby="export-heading">
                <h2 id="export-heading">"Export"</h2>
                <p>"Files are made in this page and saved by your browser; nothing is uploaded."</p>
                <button type="button" on:click=move |_| c.state.transfer.set(Some(export_one(c.state, &c.id.get_value(), false)))>"Export this assessment"</button>
                " "
                <button type="button" on:click=move |_| c.state.transfer.set(Some(export_one(c.state, &c.id.get_value(), true)))>"Export a redacted copy for sharing"</button>
                <p class="muted">{smm_core::bundle::REDACTED_COPY_KEEPS}</p>
                <p><a href=c.href(Section::Exchange)>"Spreadsheet and OSCAL"</a>": a workbook to edit in Excel or LibreOffice and import back, and OSCAL assessment results."</p>
                <crate::workbench::seal_choice::SealChoice />
                <crate::workbench::transfer_notice::TransferNotice />
            </section>
            <h2>"How to proceed"</h2>
            <ol class="steps">
                <li><a href=c.href(Section::Targets(None))>"Set the targets"</a>": the level and scope each practice needs, with your reasons."</li>
                <li><a href=c.href(Section::Assess(None))>"Assess the current state"</a>": tick the indicators that are met."</li>
                <li><a href=c.href(Section::Results)>"Read the results"</a>": shortfall and possible over-investment against the targets."</li>
                <li><a href=c.href(Section::Roadmap)>"Plan the roadmap"</a>": owners, dates and status for each step."</li>
            </ol>
        </section>
    }
}
