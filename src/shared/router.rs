//! The current route of the running app, kept in step with the location hash.
//! A route that the other app shows (a bookmark, a typed address, an old link)
//! goes to that app's page, keeping the hash, so it lands where it always did.

use leptos::ev;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::shared::route::{Bundle, Route};

/// Id of the main region, target of the skip link.
pub const MAIN_ID: &str = "smm-main";

/// The route of the location hash as app `here` reads it: an empty hash is the
/// reader's home page, the workbench's list of assessments, and the interviews
/// page's list of interviews being answered.
fn current_route(here: Bundle) -> Option<Route> {
    let hash = window().location().hash().unwrap_or_default();
    if hash.trim_start_matches('#').trim_start_matches('/').is_empty() {
        match here {
            Bundle::Workbench => return Some(Route::Assessments),
            Bundle::Exchange => return Some(Route::Answer(String::new())),
            // The review page shows sections of one assessment only.
            Bundle::Review => return Some(Route::Assessments),
            Bundle::Reader => {}
        }
    }
    Route::from_hash(&hash)
}

/// Loads the other app's page at `route` in place of this one, when `route` is not `here`'s.
/// Returns true when it did.
pub fn hand_over(here: Bundle, route: &Route) -> bool {
    if route.bundle() == here {
        return false;
    }
    window().location().replace(&route.href_from(here)).is_ok()
}

/// The route signal of app `here`: follows the hash, hands other apps' routes
/// over to their page, and after a change moves focus to the new page's heading
/// so that keyboard and screen-reader users start reading at its top.
pub fn route_signal(here: Bundle) -> RwSignal<Route> {
    here.set_running();
    let start = current_route(here).unwrap_or(Route::Home);
    hand_over(here, &start);
    let route = RwSignal::new(start);
    let listener = window_event_listener(ev::hashchange, move |_| {
        if let Some(r) = current_route(here) {
            if !hand_over(here, &r) {
                route.set(r);
            }
        }
    });
    on_cleanup(move || listener.remove());
    Effect::new(move |previous: Option<Route>| {
        let r = route.get();
        if previous.is_some_and(|p| p != r) {
            request_animation_frame(focus_main_heading);
        }
        r
    });
    route
}

fn focus_main_heading() {
    let heading = document()
        .query_selector(&format!("#{MAIN_ID} h1"))
        .ok()
        .flatten()
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(h) = heading {
        let _ = h.focus();
        h.scroll_into_view();
    }
}
