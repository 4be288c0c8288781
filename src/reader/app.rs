//! The reader's frame: header, routed main area, footer. It shows the home
//! page, the explorer and the practice pages from the catalogue alone; the
//! workbench's routes go to the workbench.

use leptos::prelude::*;

use super::explorer::Explorer;
use super::home::Home;
use super::practice_page::PracticePage;
use crate::shared::not_found::NotFound;
use crate::shared::route::{Bundle, Route};
use crate::shared::router::{route_signal, MAIN_ID};
use crate::shared::site_footer::SiteFooter;
use crate::shared::site_header::SiteHeader;

/// The light app for reading about the model.
#[component]
pub fn Reader() -> impl IntoView {
    let route = route_signal(Bundle::Reader);
    view! {
        <div class="smm-app">
            <a class="skip-link" href=format!("#{MAIN_ID}")>"Skip to content"</a>
            <SiteHeader route=route />
            <main id=MAIN_ID class="smm-main" tabindex="-1">
                {move || match route.get() {
                    Route::Home => view! { <Home /> }.into_any(),
                    Route::Practices => view! { <Explorer /> }.into_any(),
                    Route::Practice(id) => view! { <PracticePage id=id /> }.into_any(),
                    Route::NotFound(path) => view! { <NotFound path=path /> }.into_any(),
                    // The workbench's routes were handed over to the workbench's page.
                    _ => ().into_any(),
                }}
            </main>
            <SiteFooter />
        </div>
    }
}
