//! Where the current assessment stands among its peers
//! (`review.html#/assessments/<id>/peers`), against the benchmark loaded in
//! this browser: per practice, the group's size, how many peers are below, at
//! and above this assessment's level, and the peers' median level and target.

use leptos::prelude::*;
use smm_core::portfolio::{position, Benchmark, POSITION_FORMULA};
use smm_core::{Catalogue, Incoming};

use crate::shared::storage;
use crate::workbench::state::Current;

/// The peers page of the current assessment.
#[component]
pub fn PeersSection() -> impl IntoView {
    let c = Current::expect();
    let cat = Catalogue::builtin();
    let bench = RwSignal::new(storage::load_benchmark(cat));
    let message = RwSignal::new(None::<String>);
    let load = move |ev: leptos::ev::Event| {
        use wasm_bindgen::JsCast;
        let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else { return };
        let Some(file) = input.files().and_then(|l| l.get(0)) else { return };
        input.set_value("");
        leptos::task::spawn_local(async move {
            let name = file.name();
            let bytes = match crate::workbench::transfer::read_browser_file(&file).await {
                Ok(b) => b,
                Err(e) => return message.set(Some(format!("“{name}” was not read: {e}."))),
            };
            // The one way in; nothing is stored unless the file is a benchmark that reads.
            let text = match smm_core::read_any(&bytes, Catalogue::builtin()) {
                Ok(Incoming::Benchmark(b)) => match storage::save_benchmark(&b) {
                    Ok(()) => {
                        let t = format!(
                            "Loaded the benchmark “{name}”: {} assessments, made on {}.",
                            b.assessments, b.made_on
                        );
                        bench.set(Some(*b));
                        t
                    }
                    Err(e) => format!("The benchmark “{name}” was not stored: {e}."),
                },
                Ok(other) => format!("“{name}” is {}, not a benchmark; nothing was changed.", other.kind_name()),
                Err(e) => format!("“{name}” was refused, nothing was changed: {}", e.lines().join("; ")),
            };
            message.set(Some(text));
        });
    };
    view! {
        <section class="page peers">
            <h1 tabindex="-1">"Peers"</h1>
            <p class="lead">
                "Where this assessment stands in a group of peers of the same role, from a benchmark file: a coordinator makes it with "
                <code>"smm benchmark"</code>" from the members' redacted copies. It holds counts per level and nothing per member, and no figure comes from fewer than five assessments."
            </p>
            <p class="no-print">
                <label class="file-pick">"Load a benchmark file…"
                    <input type="file" accept=".json,application/json" on:change=load />
                </label>
                <span role="status" class="inline-status">{move || message.get()}</span>
            </p>
            {move || match bench.get() {
                None => view! { <p class="empty">"No benchmark is loaded in this browser yet."</p> }.into_any(),
                Some(b) => c.with(|a| peers_table(cat, &b, a)).unwrap_or_else(|| ().into_any()),
            }}
            <p class="muted">{POSITION_FORMULA}</p>
        </section>
    }
}

fn peers_table(cat: &Catalogue, b: &Benchmark, a: &smm_core::Assessment) -> AnyView {
    let rows = position(cat, b, a);
    let name = |id: &str| cat.practice(id).map_or(id.to_string(), |p| p.name.clone());
    let level = |l: Option<u8>| l.map_or("-".to_string(), |l| l.to_string());
    view! {
        <p>{format!(
            "Benchmark of {} assessments made on {}; {} practice(s) have a group of {} for this role, of at least {} each.",
            b.assessments, b.made_on, rows.len(), a.metadata.role.plural(), b.min_group
        )}</p>
        {if rows.is_empty() {
            view! { <p class="empty">"The benchmark has no group of this assessment's role."</p> }.into_any()
        } else {
            view! {
                <table class="data peers-table">
                    <caption>"This assessment against its peers, per practice"</caption>
                    <thead><tr>
                        <th scope="col">"Practice"</th><th scope="col">"This assessment (target)"</th><th scope="col">"Group size"</th>
                        <th scope="col">"Peers below"</th><th scope="col">"At the same level"</th><th scope="col">"Above"</th>
                        <th scope="col">"Peers' median (target)"</th><th scope="col">"Place in the group"</th>
                    </tr></thead>
                    <tbody>{rows.into_iter().map(|p| view! {
                        <tr data-practice=p.practice.clone()>
                            <th scope="row">{name(&p.practice)}</th>
                            <td>{format!("{} ({})", level(p.mine), level(p.my_target))}</td>
                            <td>{format!("{} peers", p.n)}</td>
                            <td>{p.below}</td><td>{p.same}</td><td>{p.above}</td>
                            <td>{format!("{} ({})", p.median, p.target_median)}</td>
                            <td>{p.band}</td>
                        </tr>
                    }).collect_view()}</tbody>
                </table>
            }.into_any()
        }}
    }
    .into_any()
}
