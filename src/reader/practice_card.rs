//! A compact card for one practice, for documentation pages: the objective and
//! the four levels as tabs, each with its actions and indicators.

use leptos::prelude::*;
use smm_core::Catalogue;

/// The practice `id` as a card with one tab per level (arrow keys move between tabs).
#[component]
pub fn PracticeCard(#[prop(into)] id: String) -> impl IntoView {
    let cat = Catalogue::builtin();
    let Some(p) = cat.practice(&id) else {
        return view! { <p class="smm-embed-error">{format!("SMM Navigator: there is no practice “{id}”.")}</p> }
            .into_any();
    };
    let selected = RwSignal::new(0usize);
    let base = format!("smm-card-{}", p.id);
    let count = p.levels.len();
    let tabs = p
        .levels
        .iter()
        .enumerate()
        .map(|(i, l)| {
            let tab_id = format!("{base}-tab-{i}");
            let panel_id = format!("{base}-panel-{i}");
            let card = base.clone();
            view! {
                <button type="button" role="tab" id=tab_id aria-controls=panel_id
                    aria-selected=move || (selected.get() == i).to_string()
                    tabindex=move || if selected.get() == i { "0" } else { "-1" }
                    on:click=move |_| selected.set(i)
                    on:keydown=move |ev: leptos::ev::KeyboardEvent| {
                        let next = match ev.key().as_str() {
                            "ArrowRight" => Some((i + 1) % count),
                            "ArrowLeft" => Some((i + count - 1) % count),
                            "Home" => Some(0),
                            "End" => Some(count - 1),
                            _ => None,
                        };
                        if let Some(n) = next {
                            ev.prevent_default();
                            selected.set(n);
                            if let Some(el) = document().get_element_by_id(&format!("{card}-tab-{n}")) {
                                use wasm_bindgen::JsCast;
                                if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
                                    let _ = el.focus();
                                }
                            }
                        }
                    }>
                    {format!("Level {} · {}", l.level, l.level.name())}
                </button>
            }
        })
        .collect_view();
    let panels = p
        .levels
        .iter()
        .enumerate()
        .map(|(i, l)| {
            view! {
                <div role="tabpanel" id=format!("{base}-panel-{i}") aria-labelledby=format!("{base}-tab-{i}")
                    hidden=move || selected.get() != i tabindex="0">
                    <p>{l.description.clone()}</p>
                    <p class="smm-embed-label">"Actions"</p>
                    <ul>{l.actions.iter().map(|a| view! { <li>{a.clone()}</li> }).collect_view()}</ul>
                    <p class="smm-embed-label">"Indicators of accomplishment"</p>
                    <ul>{l.indicators.iter().map(|ind| {
                        let roles = (!ind.roles.is_empty()).then(|| format!("For {} only: ", ind.roles_label()));
                        view! { <li>{roles}{ind.text.clone()}</li> }
                    }).collect_view()}</ul>
                </div>
            }
        })
        .collect_view();
    view! {
        <article class="smm-embed smm-card" data-practice=p.id.clone()>
            <p class="smm-embed-kicker">"IoT Security Maturity Model practice"</p>
            <h3>{p.name.clone()}</h3>
            <p>{p.objective.clone()}</p>
            <div role="tablist" aria-label=format!("Levels of {}", p.name)>{tabs}</div>
            {panels}
            <p class="smm-embed-foot">"Levels are cumulative; the right level is the one that fits the need. Text: SMM Navigator's own wording."</p>
        </article>
    }
    .into_any()
}
