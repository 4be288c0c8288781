//! A compact card for one practice, for documentation pages: the objective and
//! the four levels as tabs, each with its actions and indicators.

use leptos::prelude::*;
use smm_core::Catalogue;

/// The practice `id` as a card with one tab per level (arrow keys move between
/// tabs); `level` (1 to 4) picks the tab open at first; `heading` (2 to 6) is
/// the level of the card's title in the page's outline (3 when not given).
#[component]
pub fn PracticeCard(
    #[prop(into)] id: String,
    #[prop(optional)] level: Option<u8>,
    #[prop(optional)] heading: Option<u8>,
) -> impl IntoView {
    let cat = Catalogue::builtin();
    let Some(p) = cat.practice(&id) else {
        // The id comes from a page's attribute: shown as text, never as markup, and cut short.
        let shown: String = id.chars().take(60).collect();
        return view! { <p class="smm-embed-error" role="status">{format!("SMM Navigator: there is no practice “{shown}”.")}</p> }
            .into_any();
    };
    let first = level.and_then(|l| p.levels.iter().position(|x| x.level.get() == l)).unwrap_or(0);
    let selected = RwSignal::new(first);
    let base = format!("smm-card-{}", p.id);
    let count = p.levels.len();
    let tabs = p
        .levels
        .iter()
        .enumerate()
        .map(|(i, l)| {
            let tab_id = format!("{base}-tab-{i}");
            let panel_id = format!("{base}-panel-{i}");
            view! {
                <button type="button" role="tab" part="tab" id=tab_id aria-controls=panel_id
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
                            // The sibling tab, found from this one: the card may sit in a
                            // shadow root, which `document` does not search.
                            use wasm_bindgen::JsCast;
                            let tab = ev
                                .current_target()
                                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                                .and_then(|t| t.parent_element())
                                .and_then(|list| list.children().item(n as u32))
                                .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok());
                            if let Some(el) = tab {
                                let _ = el.focus();
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
                <div role="tabpanel" part="panel" id=format!("{base}-panel-{i}") aria-labelledby=format!("{base}-tab-{i}")
                    hidden=move || selected.get() != i tabindex="0">
                    <p class="smm-print-level" aria-hidden="true">{format!("Level {} · {}", l.level, l.level.name())}</p>
                    <p>{l.description.clone()}</p>
                    <p class="smm-embed-label">"Actions"</p>
                    <ul>{l.actions.iter().map(|a| view! { <li>{a.clone()}</li> }).collect_view()}</ul>
                    <p class="smm-embed-label">"Indicators of accomplishment"</p>
                    <ul>{l.indicators.iter().map(|ind| {
                        let roles = ind.roles_tag().map(|t| format!("{t}: "));
                        view! { <li>{roles}{ind.text.clone()}</li> }
                    }).collect_view()}</ul>
                </div>
            }
        })
        .collect_view();
    view! {
        <article class="smm-embed smm-card" part="card" data-practice=p.id.clone()>
            <p class="smm-embed-kicker">"IoT Security Maturity Model practice"</p>
            {title(heading.unwrap_or(3), p.name.clone())}
            <p>{p.objective.clone()}</p>
            <div role="tablist" part="tabs" aria-label=format!("Levels of {}", p.name)>{tabs}</div>
            {panels}
            <p class="smm-embed-foot">"Levels are cumulative; the right level is the one that fits the need. Text: SMM Navigator's own wording."</p>
        </article>
    }
    .into_any()
}

/// The card's title at outline level `n` (2 to 6; anything else: 3).
fn title(n: u8, text: String) -> AnyView {
    match n {
        2 => view! { <h2 class="smm-card-title">{text}</h2> }.into_any(),
        4 => view! { <h4 class="smm-card-title">{text}</h4> }.into_any(),
        5 => view! { <h5 class="smm-card-title">{text}</h5> }.into_any(),
        6 => view! { <h6 class="smm-card-title">{text}</h6> }.into_any(),
        _ => view! { <h3 class="smm-card-title">{text}</h3> }.into_any(),
    }
}
