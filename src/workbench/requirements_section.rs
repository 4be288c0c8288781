//! The ISA/IEC 62443 view of an assessment: the requirements its targets imply
//! for a role, covered or not by the achieved levels; and the reverse lookup.

use leptos::prelude::*;
use smm_core::iec62443::Iec62443;
use smm_core::mapping::{implied_requirements, requirements_csv, rows_for_requirement};
use smm_core::{Catalogue, Role};

use crate::shared::download::{download, file_stem};
use crate::workbench::state::Current;

/// Requirements implied by the targets, with filters, CSV export and reverse lookup.
#[component]
pub fn RequirementsSection() -> impl IntoView {
    let c = Current::expect();
    let cat = Catalogue::builtin();
    let iec = Iec62443::builtin();
    let role = RwSignal::new(c.with(|a| a.metadata.role).unwrap_or_default());
    let mapping_id = RwSignal::new(smm_core::mapping::Mapping::builtin().id.clone());
    let part = RwSignal::new(String::new());
    let fr = RwSignal::new(String::new());
    let lookup = RwSignal::new(String::new());
    let message = RwSignal::new(None::<String>);
    let mapping = move || {
        let id = mapping_id.get();
        c.state
            .mappings()
            .into_iter()
            .find(|m| m.id == id)
            .unwrap_or_else(|| smm_core::mapping::Mapping::builtin().clone())
    };
    let list = Memo::new(move |_| {
        let m = mapping();
        let (p, f) = (part.get(), fr.get());
        c.with(|a| implied_requirements(cat, iec, &m, a, role.get()))
            .unwrap_or_default()
            .into_iter()
            .filter(|r| p.is_empty() || r.part == p)
            .filter(|r| f.is_empty() || r.fr.as_deref() == Some(f.as_str()))
            .collect::<Vec<_>>()
    });
    let export = move |_| {
        let csv = requirements_csv(cat, &list.get_untracked());
        let name = c.with(|a| file_stem(&a.metadata.name)).unwrap_or_default();
        message.set(Some(
            match download(&format!("{name}-62443-{}.csv", role.get_untracked().id()), "text/csv;charset=utf-8", &csv) {
                Ok(()) => "The requirement checklist was exported as CSV.".into(),
                Err(e) => e,
            },
        ));
    };
    let rows = move || {
        list.get()
            .into_iter()
            .map(|r| {
                let sources = r
                    .sources
                    .iter()
                    .map(|s| {
                        let name = cat.practice(&s.practice).map_or(s.practice.clone(), |p| p.name.clone());
                        let mark = if s.covered { "achieved" } else { "not yet achieved" };
                        view! { <li title=s.rationale.clone()>{format!("{name}, level {} ({mark})", s.level)}</li> }
                    })
                    .collect_view();
                view! {
                    <tr data-requirement=r.requirement.clone() class=if r.covered { "covered" } else { "open" }>
                        <th scope="row">{r.requirement.clone()}</th>
                        <td>{r.title.clone()}</td>
                        <td>{r.part.clone()}</td>
                        <td>{r.fr.clone().unwrap_or_default()}</td>
                        <td><ul class="sources">{sources}</ul></td>
                        <td>{if r.covered { "Covered" } else { "Not covered" }}</td>
                    </tr>
                }
            })
            .collect_view()
    };
    let parts_for_role = move || {
        let r = role.get();
        iec.parts.iter().filter(|p| p.roles.contains(&r)).map(|p| (p.id.clone(), p.title.clone())).collect::<Vec<_>>()
    };
    view! {
        <section class="page requirements">
            <h1 tabindex="-1">"ISA/IEC 62443 requirements"</h1>
            <p class="lead">
                "For each practice, the requirements related to its target level and to every lower level, since lower levels must be met too. "
                "A requirement is covered when the achieved level of every practice that implies it reaches the mapped level."
            </p>
            <p class="levels-note" role="note">
                <strong>"Two different scales. "</strong>
                "SMM levels (0 to 4) measure how comprehensive a practice is; 62443 security levels (SL 1 to 4) measure the strength "
                "a system needs against an attacker. An SMM target of 3 is not SL 3, and nothing on this page converts one into the other. "
                "62443-2-1 appears only as its eight programme elements (SPE 1 to SPE 8): element-level references, not single requirements."
            </p>
            <form class="card requirement-filters" on:submit=|ev| ev.prevent_default()>
                <label>
                    "Mapping"
                    <select id="req-mapping" prop:value=move || mapping_id.get() on:change=move |ev| mapping_id.set(event_target_value(&ev))>
                        {move || c.state.mappings().into_iter().map(|m| view! { <option value=m.id.clone()>{m.name.clone()}</option> }).collect_view()}
                    </select>
                </label>
                <label>
                    "Role"
                    <select id="req-role" prop:value=move || role.get().id().to_string() on:change=move |ev| {
                        let v = event_target_value(&ev);
                        if let Some(r) = Role::ALL.into_iter().find(|r| r.id() == v) { role.set(r); part.set(String::new()); }
                    }>
                        {Role::ALL.into_iter().map(|r| view! { <option value=r.id()>{r.name()}</option> }).collect_view()}
                    </select>
                </label>
                <label>
                    "Standard part"
                    <select id="req-part" prop:value=move || part.get() on:change=move |ev| part.set(event_target_value(&ev))>
                        <option value="">"All parts for this role"</option>
                        {move || parts_for_role().into_iter().map(|(id, title)| view! { <option value=id.clone()>{format!("{id} {title}")}</option> }).collect_view()}
                    </select>
                </label>
                <label>
                    "Foundational requirement"
                    <select id="req-fr" prop:value=move || fr.get() on:change=move |ev| fr.set(event_target_value(&ev))>
                        <option value="">"All"</option>
                        {iec.foundational_requirements.iter().map(|f| view! { <option value=f.id.clone()>{format!("{} {}", f.id, f.title)}</option> }).collect_view()}
                    </select>
                </label>
            </form>
            <p class="muted">{move || mapping().about}</p>
            <p class="summary" role="status">{move || {
                let l = list.get();
                format!("{} requirement(s) implied by the targets; {} covered by the achieved levels, {} not yet.",
                    l.len(), l.iter().filter(|r| r.covered).count(), l.iter().filter(|r| !r.covered).count())
            }}</p>
            <p>
                <button type="button" on:click=export>"Export the checklist as CSV"</button>
                <span role="status" class="inline-status">{move || message.get()}</span>
            </p>
            <div class="table-wrap" tabindex="0">
                <table class="requirement-table">
                    <caption>"Requirements implied by the targets"</caption>
                    <thead><tr>
                        <th scope="col">"Requirement"</th><th scope="col">"Title"</th><th scope="col">"Part"</th>
                        <th scope="col">"FR"</th><th scope="col">"Implied by"</th><th scope="col">"Status"</th>
                    </tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
            <h2>"Which practices relate to a requirement?"</h2>
            <label class="block">
                "Requirement id, for example SR 1.1, EDR 3.14, SM-1, SP.03.01, ZCR 3 or SPE 4"
                <input type="text" class="lookup" prop:value=move || lookup.get() on:input=move |ev| lookup.set(event_target_value(&ev)) />
            </label>
            {move || {
                let q = lookup.get().trim().to_string();
                (!q.is_empty()).then(|| {
                    let m = mapping();
                    let title = iec.requirement(&q).map(|r| format!("{} ({}): {}", r.id, r.part, r.title));
                    let found: Vec<_> = rows_for_requirement(&m, &q).into_iter().cloned().collect();
                    view! {
                        <div class="reverse" role="status">
                            <p><strong>{title.unwrap_or_else(|| format!("No requirement with the id “{q}” in the catalogue."))}</strong></p>
                            {if found.is_empty() {
                                view! { <p>"No practice of this mapping relates to it."</p> }.into_any()
                            } else {
                                view! { <ul class="reverse-rows">{found.into_iter().map(|r| {
                                    let name = cat.practice(&r.practice).map_or(r.practice.clone(), |p| p.name.clone());
                                    view! { <li>{format!("{name}, level {}, {}: {}", r.level, r.role.name().to_lowercase(), r.rationale)}</li> }
                                }).collect_view()}</ul> }.into_any()
                            }}
                        </div>
                    }
                })
            }}
        </section>
    }
}
