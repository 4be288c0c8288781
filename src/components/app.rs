//! The application frame: header, routed main area, footer.

use leptos::ev;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::assessment_list::AssessmentList;
use super::assessment_page::AssessmentPage;
use super::explorer::Explorer;
use super::home::Home;
use super::not_found::NotFound;
use super::practice_page::PracticePage;
use super::save_status::SaveStatus;
use super::site_header::SiteHeader;
use crate::route::Route;
use crate::state::AppState;

/// Id of the main region, target of the skip link.
pub const MAIN_ID: &str = "smm-main";

fn current_route() -> Option<Route> {
    Route::from_hash(&window().location().hash().unwrap_or_default())
}

/// The whole app.
#[component]
pub fn App() -> impl IntoView {
    let state = AppState::load();
    provide_context(state);
    // Another tab changed storage: show its version here too.
    let storage_listener = window_event_listener(ev::storage, move |e| match e.key() {
        Some(key) => {
            if let Some(id) = crate::storage::assessment_id_of_key(&key) {
                state.reload(id);
            }
        }
        None => state.reload_all(),
    });
    on_cleanup(move || storage_listener.remove());
    let route = RwSignal::new(current_route().unwrap_or(Route::Home));
    let listener = window_event_listener(ev::hashchange, move |_| {
        if let Some(r) = current_route() {
            route.set(r);
        }
    });
    on_cleanup(move || listener.remove());

    // After a route change, move focus to the new page's heading so that
    // keyboard and screen-reader users start reading at the top of it.
    Effect::new(move |previous: Option<Route>| {
        let r = route.get();
        if previous.is_some_and(|p| p != r) {
            request_animation_frame(focus_main_heading);
        }
        r
    });

    view! {
        <div class="smm-app"
            on:dragover=|ev| ev.prevent_default()
            on:drop=move |ev: leptos::ev::DragEvent| {
                ev.prevent_default();
                crate::transfer::import_files(state, ev.data_transfer().and_then(|d| d.files()));
                let _ = window().location().set_hash("#/assessments");
            }>
            <a class="skip-link" href=format!("#{MAIN_ID}")>"Skip to content"</a>
            <SiteHeader route=route />
            <main id=MAIN_ID class="smm-main" tabindex="-1">
                <SaveStatus />
                {move || match route.get() {
                    Route::Home => view! { <Home /> }.into_any(),
                    Route::Practices => view! { <Explorer /> }.into_any(),
                    Route::Practice(id) => view! { <PracticePage id=id /> }.into_any(),
                    Route::Assessments => view! { <AssessmentList /> }.into_any(),
                    Route::Assessment(id, section) => view! { <AssessmentPage id=id section=section /> }.into_any(),
                    Route::NotFound(path) => view! { <NotFound path=path /> }.into_any(),
                }}
            </main>
            <footer class="smm-footer">
                <p>
                    "SMM Navigator runs entirely in your browser. Nothing you enter is sent anywhere. "
                    "Practice names follow the IIC IoT Security Maturity Model; all descriptions are SMM Navigator's own wording."
                </p>
            </footer>
        </div>
    }
}

fn focus_main_heading() {
    let doc = document();
    let heading = doc
        .query_selector(&format!("#{MAIN_ID} h1"))
        .ok()
        .flatten()
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(h) = heading {
        let _ = h.focus();
        h.scroll_into_view();
    }
}
