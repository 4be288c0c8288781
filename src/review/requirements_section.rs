//! The frameworks view of an assessment: for a chosen framework (ISA/IEC 62443,
//! NIST CSF 2.0, ISO/IEC 27001:2022 or one the user loaded), the requirements
//! its targets imply (for a role, where the framework has roles), covered or
//! not by the achieved levels; the coverage per group as a table and a chart;
//! the crosswalk matrix; CSV export; and the reverse lookup.

use leptos::prelude::*;
use smm_core::framework::Framework;
use smm_core::mapping::{requirements_csv, rows_for_requirement, GroupCoverage, Mapping, RequirementStatus};
use smm_core::{Catalogue, Role};

use super::crosswalk_matrix::CrosswalkMatrix;
use crate::shared::download::file_stem;
use crate::workbench::outbox::{self, Notice, Outgoing};
use crate::workbench::seal_choice::SealChoice;
use crate::workbench::state::Current;

/// An empty framework, shown while the catalogues load.
fn not_loaded() -> Framework {
    Framework {
        format: smm_core::framework::FRAMEWORK_FORMAT.into(),
        version: smm_core::framework::FRAMEWORK_VERSION,
        id: String::new(),
        name: String::new(),
        edition: String::new(),
        about: String::new(),
        group_kinds: Vec::new(),
        caution: None,
        groups: Vec::new(),
        requirements: Vec::new(),
        lookup: Default::default(),
    }
}

/// Requirements implied by the targets, with filters, coverage, crosswalk, CSV export and reverse lookup.
#[component]
pub fn RequirementsSection() -> impl IntoView {
    let c = Current::expect();
    let cat = Catalogue::builtin();
    let framework_id = RwSignal::new(smm_core::framework::IEC62443.to_string());
    let role = RwSignal::new(c.with(|a| a.metadata.role).unwrap_or_default());
    let mapping_id = RwSignal::new(String::new());
    let part = RwSignal::new(String::new());
    let fr = RwSignal::new(String::new());
    let lookup = RwSignal::new(String::new());
    let message = RwSignal::new(None::<String>);
    // The shipped catalogues are fetched from the app's folder the first time.
    c.state.load_builtin();
    let framework = Memo::new(move |_| {
        let id = framework_id.get();
        let all = c.state.frameworks();
        all.iter().find(|f| f.id == id).or(all.first()).cloned().unwrap_or_else(not_loaded)
    });
    let mappings = Memo::new(move |_| c.state.mappings_for(&framework.with(|f| f.id.clone())));
    let mapping = Memo::new(move |_| {
        let id = mapping_id.get();
        let all = mappings.get();
        all.iter().find(|m| m.id == id).or(all.first()).cloned()
    });
    let has_roles = move || framework.with(Framework::has_roles);
    let read = Memo::new(move |_| {
        let (f, m) = (framework.get(), mapping.get());
        m.and_then(|m| {
            c.report.with(|r| r.as_ref().map(|r| smm_core::mapping::coverage(&f, &m, &r.practices, role.get())))
        })
    });
    // A memo, so that what depends on the role only (the group choices, the
    // crosswalk) is not made again when a result changes.
    let role_used = Memo::new(move |_| read.with(|r| r.as_ref().and_then(|r| r.role)));
    let list = Memo::new(move |_| {
        let (p, g) = (part.get(), fr.get());
        framework.with(|f| {
            read.with(|r| {
                r.iter()
                    .flat_map(|r| &r.requirements)
                    .filter(|r| p.is_empty() || r.part == p)
                    .filter(|r| g.is_empty() || f.requirement(&r.requirement).is_some_and(|x| f.in_group(x, &g)))
                    .cloned()
                    .collect::<Vec<_>>()
            })
        })
    });
    let coverage = Memo::new(move |_| read.with(|r| r.as_ref().map(|r| r.groups.clone()).unwrap_or_default()));
    let kinds = move |i: usize| framework.with(|f| f.group_kinds.get(i).cloned());
    let export = move |_| {
        let Some(m) = mapping.get_untracked() else { return };
        let csv = requirements_csv(cat, &m, &list.get_untracked());
        let name = c.with(|a| file_stem(&a.metadata.name)).unwrap_or_default();
        let fid = framework.with_untracked(|f| f.id.clone());
        let suffix = role_used.get_untracked().map_or(String::new(), |r| format!("-{}", r.id()));
        let out =
            Outgoing::csv(format!("{name}-{fid}{suffix}.csv"), csv, "The requirement checklist was exported as CSV.");
        let shown = outbox::send(c.state, out, Notice::Inline(message));
        message.set(Some(shown.summary));
    };
    let choose_framework = move |id: String| {
        framework_id.set(id);
        mapping_id.set(String::new());
        part.set(String::new());
        fr.set(String::new());
    };
    // One row per requirement, keyed by everything it shows: a change of the
    // results makes again only the rows whose coverage changed.
    let row = move |r: RequirementStatus| {
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
    };
    // Top-level groups that apply to the role, and the groups under the chosen one.
    let tops = move || {
        let f = framework.get();
        let r = role_used.get();
        f.groups
            .iter()
            .filter(|g| g.parent.is_none() && r.is_none_or(|r| g.roles.is_empty() || g.roles.contains(&r)))
            .map(|g| (g.id.clone(), g.title.clone()))
            .collect::<Vec<_>>()
    };
    let subs = move || {
        let f = framework.get();
        let p = part.get();
        let tops: Vec<String> = tops().into_iter().map(|(id, _)| id).collect();
        f.groups
            .iter()
            .filter(|g| g.parent.as_ref().is_some_and(|x| if p.is_empty() { tops.contains(x) } else { *x == p }))
            .map(|g| (g.id.clone(), g.title.clone()))
            .collect::<Vec<_>>()
    };
    let coverage_shown =
        move || coverage.get().into_iter().filter(|g| g.implied > 0 || g.depth == 0).collect::<Vec<_>>();
    let coverage_row = move |g: GroupCoverage| {
        let share = (g.covered * 100).checked_div(g.implied).map_or_else(|| "–".to_string(), |p| format!("{p} %"));
        view! {
            <tr class=format!("depth-{}", g.depth) data-group=g.group.clone()>
                <th scope="row">{format!("{} {}", g.group, g.title)}</th>
                <td>{g.implied}</td>
                <td>{g.covered}</td>
                <td>{g.implied - g.covered}</td>
                <td>{share}</td>
            </tr>
        }
    };
    view! {
        <section class="page requirements">
            <h1 tabindex="-1">"Frameworks"</h1>
            <p class="lead">
                "Assess once, read it against several frameworks. For each practice, the requirements related to its target level and to every lower level, since lower levels must be met too. "
                "A requirement is covered when the achieved level of every practice that implies it reaches the mapped level."
            </p>
            {move || match c.state.builtin.with(|b| b.as_ref().map(|r| r.as_ref().err().cloned())) {
                None => Some(view! { <p role="status" class="loading">"Loading the framework catalogues…"</p> }.into_any()),
                Some(Some(e)) => Some(view! {
                    <p role="alert" class="notice error">{format!("The framework catalogues could not be loaded: {e}. They are cached for offline use after one visit online.")}</p>
                }.into_any()),
                Some(None) => None,
            }}
            <form class="card requirement-filters" on:submit=|ev| ev.prevent_default()>
                <label>
                    "Framework"
                    <select id="req-framework" prop:value=move || framework_id.get() on:change=move |ev| choose_framework(event_target_value(&ev))>
                        {move || c.state.frameworks().into_iter().map(|f| view! { <option value=f.id.clone()>{format!("{} {}", f.name, f.edition)}</option> }).collect_view()}
                    </select>
                </label>
                <label>
                    "Mapping"
                    <select id="req-mapping" prop:value=move || mapping.with(|m| m.as_ref().map(|m| m.id.clone()).unwrap_or_default())
                        on:change=move |ev| mapping_id.set(event_target_value(&ev))>
                        {move || mappings.get().into_iter().map(|m| view! { <option value=m.id.clone()>{m.name.clone()}</option> }).collect_view()}
                    </select>
                </label>
                <Show when=has_roles>
                    <label>
                        "Role"
                        <select id="req-role" prop:value=move || role.get().id().to_string() on:change=move |ev| {
                            let v = event_target_value(&ev);
                            if let Some(r) = Role::from_id(&v) { role.set(r); part.set(String::new()); fr.set(String::new()); }
                        }>
                            {Role::ALL.into_iter().map(|r| view! { <option value=r.id()>{r.name()}</option> }).collect_view()}
                        </select>
                    </label>
                </Show>
                <label>
                    {move || kinds(0).unwrap_or_else(|| "Group".into())}
                    <select id="req-part" prop:value=move || part.get() on:change=move |ev| { part.set(event_target_value(&ev)); fr.set(String::new()); }>
                        <option value="">"All"</option>
                        {move || tops().into_iter().map(|(id, title)| view! { <option value=id.clone()>{format!("{id} {title}")}</option> }).collect_view()}
                    </select>
                </label>
                <Show when=move || kinds(1).is_some()>
                    <label>
                        {move || kinds(1).unwrap_or_default()}
                        <select id="req-fr" prop:value=move || fr.get() on:change=move |ev| fr.set(event_target_value(&ev))>
                            <option value="">"All"</option>
                            {move || subs().into_iter().map(|(id, title)| view! { <option value=id.clone()>{title}</option> }).collect_view()}
                        </select>
                    </label>
                </Show>
            </form>
            {move || framework.get().caution.map(|t| view! { <p class="levels-note" role="note">{t}</p> })}
            <p class="muted">{move || match mapping.get() {
                Some(m) => format!("{}: {}", m.name, m.about),
                None => "No mapping is loaded for this framework: import one under Assessments, Backup and files.".into(),
            }}</p>
            <p class="summary" role="status">{move || {
                let l = list.get();
                format!("{} requirement(s) implied by the targets; {} covered by the achieved levels, {} not yet.",
                    l.len(), l.iter().filter(|r| r.covered).count(), l.iter().filter(|r| !r.covered).count())
            }}</p>
            <h2>"Coverage per group"</h2>
            <p class="muted">"SMM Navigator's own summary: in each group, the implied requirements and how many of them the achieved levels cover."</p>
            <figure class="chart coverage-chart">
                <div class="chart-svg" aria-hidden="true" inner_html=move || crate::workbench::charts::coverage_chart_svg(&coverage.get()) />
                <figcaption>"Covered and open requirements per top-level group; the table below holds the same figures."</figcaption>
            </figure>
            <div class="table-wrap" tabindex="0">
                <table class="coverage-table">
                    <caption>"Coverage per group"</caption>
                    <thead><tr>
                        <th scope="col">"Group"</th><th scope="col">"Implied"</th><th scope="col">"Covered"</th>
                        <th scope="col">"Open"</th><th scope="col">"Share covered"</th>
                    </tr></thead>
                    <tbody><For each=coverage_shown key=|g| g.clone() children=coverage_row /></tbody>
                </table>
            </div>
            <h2>"Requirements"</h2>
            <SealChoice />
            <p>
                <button type="button" on:click=export>"Export the checklist as CSV"</button>
                <span role="status" class="inline-status">{move || message.get()}</span>
            </p>
            <div class="table-wrap" tabindex="0">
                <table class="requirement-table">
                    <caption>"Requirements implied by the targets"</caption>
                    <thead><tr>
                        <th scope="col">"Requirement"</th><th scope="col">"Title"</th>
                        <th scope="col">{move || kinds(0).unwrap_or_else(|| "Group".into())}</th>
                        <th scope="col">{move || kinds(1).unwrap_or_else(|| "Subgroup".into())}</th>
                        <th scope="col">"Implied by"</th><th scope="col">"Status"</th>
                    </tr></thead>
                    <tbody><For each=move || list.get() key=|r| r.clone() children=row /></tbody>
                </table>
            </div>
            {move || mapping.get().map(|m| view! { <CrosswalkMatrix framework=framework.get() mapping=m role=role_used.get() /> })}
            <h2>"Which practices relate to a requirement?"</h2>
            <label class="block">
                {move || {
                    let examples = framework.with(|f| f.requirements.iter().step_by((f.requirements.len() / 4).max(1)).take(4).map(|r| r.id.clone()).collect::<Vec<_>>());
                    format!("Requirement id, for example {}", examples.join(", "))
                }}
                <input type="text" class="lookup" prop:value=move || lookup.get() on:input=move |ev| lookup.set(event_target_value(&ev)) />
            </label>
            {move || {
                let q = lookup.get().trim().to_string();
                (!q.is_empty()).then(|| {
                    let f = framework.get();
                    let m: Option<Mapping> = mapping.get();
                    let title = f.requirement(&q).map(|r| {
                        let top = f.top_group(r).map_or(String::new(), |g| format!(" ({})", g.id));
                        format!("{}{top}: {}", r.id, r.title)
                    });
                    let found: Vec<_> = m.as_ref().map(|m| rows_for_requirement(m, &q).into_iter().cloned().collect()).unwrap_or_default();
                    view! {
                        <div class="reverse" role="status">
                            <p><strong>{title.unwrap_or_else(|| format!("No requirement with the id “{q}” in {}.", f.name))}</strong></p>
                            {if found.is_empty() {
                                view! { <p>"No practice of this mapping relates to it."</p> }.into_any()
                            } else {
                                view! { <ul class="reverse-rows">{found.into_iter().map(|r| {
                                    let name = cat.practice(&r.practice).map_or(r.practice.clone(), |p| p.name.clone());
                                    let who = r.role.map_or(String::new(), |x| format!(", {}", x.name().to_lowercase()));
                                    view! { <li>{format!("{name}, level {}{who}: {}", r.level, r.rationale)}</li> }
                                }).collect_view()}</ul> }.into_any()
                            }}
                        </div>
                    }
                })
            }}
        </section>
    }
}
