//! The crosswalk matrix of an assessment: the 18 practices down the side, the
//! chosen framework's top-level groups across, each cell the number of mapped
//! requirements the practice's achieved level covers of those its target
//! implies there. A table (so it prints and reads aloud as it is), shaded by
//! share with the figures always written out.

use leptos::prelude::*;
use smm_core::framework::Framework;
use smm_core::mapping::{crosswalk, CrosswalkRow, Mapping};
use smm_core::{Catalogue, Role};

use crate::workbench::state::Current;

/// The class of a cell: every implied requirement covered, some, none, or nothing implied.
fn cell_class(implied: usize, covered: usize) -> &'static str {
    match (implied, covered) {
        (0, _) => "cw-empty",
        (i, c) if c >= i => "cw-full",
        (_, 0) => "cw-none",
        _ => "cw-part",
    }
}

/// Practices × top-level groups, covered of implied in each cell.
#[component]
pub fn CrosswalkMatrix(framework: Framework, mapping: Mapping, role: Option<Role>) -> impl IntoView {
    let c = Current::expect();
    let cat = Catalogue::builtin();
    let tops: Vec<(String, String)> = framework
        .groups
        .iter()
        .filter(|g| g.parent.is_none() && role.is_none_or(|r| g.roles.is_empty() || g.roles.contains(&r)))
        .map(|g| (g.id.clone(), g.title.clone()))
        .collect();
    let shown: Vec<String> = tops.iter().map(|(id, _)| id.clone()).collect();
    let kind = framework.group_kinds.first().cloned().unwrap_or_else(|| "Group".into());
    let name = framework.name.clone();
    let mapping_name = mapping.name.clone();
    let matrix = Memo::new(move |_| {
        c.report
            .with(|r| r.as_ref().map(|r| crosswalk(cat, &framework, &mapping, &r.practices, role)))
            .unwrap_or_default()
    });
    let key = tops.iter().map(|(id, title)| format!("{id}: {title}")).collect::<Vec<_>>().join(" · ");
    let head = tops
        .iter()
        .map(|(id, title)| view! { <th scope="col" title=title.clone()><abbr title=title.clone()>{id.clone()}</abbr></th> })
        .collect_view();
    // One row per practice, keyed by its figures: a change of the results
    // makes again only the rows whose figures changed.
    let row = move |row: CrosswalkRow| {
        let practice = cat.practice(&row.practice).map_or(row.practice.clone(), |p| p.name.clone());
        let cells = row
            .cells
            .iter()
            .filter(|cell| shown.contains(&cell.group))
            .map(|cell| {
                let text = if !row.targeted {
                    "–".to_string()
                } else if cell.implied == 0 {
                    "0".to_string()
                } else {
                    format!("{} of {}", cell.covered, cell.implied)
                };
                view! { <td class=cell_class(cell.implied, cell.covered) data-group=cell.group.clone()>{text}</td> }
            })
            .collect_view();
        view! { <tr data-practice=row.practice.clone()><th scope="row">{practice}</th>{cells}</tr> }
    };
    view! {
        <section class="crosswalk" aria-labelledby="crosswalk-heading">
            <h2 id="crosswalk-heading">"Crosswalk"</h2>
            <p class="muted">
                {format!("Each cell: of the {name} requirements that a practice's target implies in this {}, how many its achieved level covers. ", kind.to_lowercase())}
                "A dash: the practice has no target, so it implies nothing. The shading repeats the figures: all covered, some, none. "
                {format!("Read through the {mapping_name}.")}
            </p>
            <div class="table-wrap" tabindex="0">
                <table class="crosswalk-table">
                    <caption>{format!("Practices by {} of {name}: covered of implied requirements", kind.to_lowercase())}</caption>
                    <thead><tr><th scope="col">"Practice"</th>{head}</tr></thead>
                    <tbody><For each=move || matrix.get() key=|r| r.clone() children=row /></tbody>
                </table>
            </div>
            <p class="muted cw-key">{format!("{kind}s: {key}.")}</p>
        </section>
    }
}
