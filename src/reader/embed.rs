//! Embedding in documentation pages: practice cards and mini self-assessments,
//! mounted into marked elements of a host page or shown alone in an iframe.
//! They read and write nothing but their own storage keys (`smm-navigator.v1.embed.*`),
//! except when the reader asks to continue in the full app.

use leptos::prelude::*;
use smm_core::Role;
use wasm_bindgen::JsCast;

use super::mini_assessment::MiniAssessment;
use super::practice_card::PracticeCard;

/// The wrapper's classes: the look follows the reader's system unless the page
/// asks for `dark` or `light`.
fn theme_class(theme: Option<String>) -> &'static str {
    match theme.as_deref() {
        Some("dark") => "smm-embed-root smm-theme-dark",
        Some("light") => "smm-embed-root smm-theme-light",
        _ => "smm-embed-root",
    }
}

/// Where the full app lives: the `data-smm-app-url` of the element, else the
/// folder the embed script came from (set by `embed.js`), else this page.
fn app_url_of(el: Option<&web_sys::Element>) -> String {
    el.and_then(|e| e.get_attribute("data-smm-app-url"))
        .or_else(|| {
            js_sys::Reflect::get(&js_sys::global(), &"SMM_NAVIGATOR_BASE".into()).ok().and_then(|v| v.as_string())
        })
        .unwrap_or_else(|| window().location().pathname().unwrap_or_default())
}

/// The role a mini self-assessment asks for: `data-smm-role` (or `role=` in
/// an iframe's address) when it names one, else the asset owner. Anything else
/// an author writes there is ignored.
fn role_of(raw: Option<&str>) -> Role {
    raw.and_then(|r| Role::from_id(r.trim())).unwrap_or_default()
}

/// Shows one embed route in the whole page (for an iframe). Returns nothing:
/// an unknown route shows a short message.
pub fn mount_route(rest: &str) {
    let (path, query) = rest.split_once('?').unwrap_or((rest, ""));
    let theme = query.split('&').find_map(|kv| kv.strip_prefix("theme=")).map(str::to_string);
    let role = role_of(query.split('&').find_map(|kv| kv.strip_prefix("role=")));
    let Some(body) = document().body() else { return };
    let _ = body.class_list().add_1("smm-embed-frame");
    let route = path.to_string();
    let url = app_url_of(None);
    leptos::mount::mount_to(body, move || {
        let inner = match route.split_once('/') {
            Some(("practice", id)) => view! { <PracticeCard id=id.to_string() /> }.into_any(),
            Some(("mini", ids)) => {
                view! { <MiniAssessment practices=ids.split(',').map(str::to_string).collect() app_url=url role=role /> }
                    .into_any()
            }
            _ => view! { <p class="smm-embed-error">"SMM Navigator: unknown embed address."</p> }.into_any(),
        };
        view! { <div class=theme_class(theme)>{inner}</div> }
    })
    .forget();
}

/// What a custom element keeps while it shows something; dropping it unmounts
/// the view and releases what it held (signals, listeners).
pub type Mounted = Box<dyn std::any::Any>;

/// The practice card of `<smm-practice-card>` in `parent` (a `div` in the
/// element's shadow root). Attributes are outside input: an unknown practice
/// gets a message in the element; a level other than 1 to 4 opens level 1; a
/// heading other than 2 to 6 is 3.
pub fn mount_card_element(
    parent: web_sys::HtmlElement,
    practice: String,
    level: Option<String>,
    heading: Option<String>,
    theme: Option<String>,
) -> Mounted {
    let level = level.and_then(|l| l.trim().parse::<u8>().ok()).filter(|l| (1..=4).contains(l));
    let heading = heading.and_then(|h| h.trim().parse::<u8>().ok()).filter(|h| (2..=6).contains(h));
    let practice = practice.trim().to_string();
    Box::new(leptos::mount::mount_to(parent, move || {
        view! { <div class=theme_class(theme)><PracticeCard id=practice level=level.unwrap_or(1) heading=heading.unwrap_or(3) /></div> }
    }))
}

/// The mini self-assessment of `<smm-mini-assessment>` in `parent`.
/// `practices` is a comma-separated list (at most 18 distinct ids are read);
/// `app_url` follows [`super::mini_assessment::app_link`]'s rules; an unknown
/// role reads as asset owner.
pub fn mount_mini_element(
    parent: web_sys::HtmlElement,
    practices: String,
    app_url: Option<String>,
    role: Option<String>,
    theme: Option<String>,
) -> Mounted {
    let ids: Vec<String> =
        practices.split(',').map(|s| s.trim().to_string()).filter(|s| !s.is_empty()).take(64).collect();
    let url = app_url.unwrap_or_else(|| app_url_of(None));
    let role = role_of(role.as_deref());
    Box::new(leptos::mount::mount_to(parent, move || {
        view! { <div class=theme_class(theme)><MiniAssessment practices=ids app_url=url role=role /></div> }
    }))
}

/// Mounts a card into every `[data-smm-practice]` and a mini self-assessment into
/// every `[data-smm-mini]` element. Returns false when the page has none.
pub fn mount_elements() -> bool {
    let doc = document();
    let mut any = false;
    let each = |selector: &str, f: &dyn Fn(web_sys::HtmlElement)| {
        let Ok(list) = doc.query_selector_all(selector) else { return false };
        for i in 0..list.length() {
            if let Some(el) = list.item(i).and_then(|n| n.dyn_into::<web_sys::HtmlElement>().ok()) {
                f(el);
            }
        }
        list.length() > 0
    };
    any |= each("[data-smm-practice]", &|el| {
        let id = el.get_attribute("data-smm-practice").unwrap_or_default();
        let theme = el.get_attribute("data-smm-theme");
        leptos::mount::mount_to(el, move || view! { <div class=theme_class(theme)><PracticeCard id=id /></div> })
            .forget();
    });
    any |= each("[data-smm-mini]", &|el| {
        let ids: Vec<String> =
            el.get_attribute("data-smm-mini").unwrap_or_default().split(',').map(|s| s.trim().to_string()).collect();
        let theme = el.get_attribute("data-smm-theme");
        let url = app_url_of(Some(&el));
        let role = role_of(el.get_attribute("data-smm-role").as_deref());
        leptos::mount::mount_to(
            el,
            move || view! { <div class=theme_class(theme)><MiniAssessment practices=ids app_url=url role=role /></div> },
        )
        .forget();
    });
    any
}
