//! The page for an unknown route or practice id.

use leptos::prelude::*;

use crate::shared::route::Route;

/// Says that nothing lives at this address and offers a way on.
#[component]
pub fn NotFound(#[prop(into)] path: String) -> impl IntoView {
    view! {
        <section class="page">
            <h1 tabindex="-1">"Page not found"</h1>
            <p>"There is nothing at " <code>{format!("#/{path}")}</code> "."</p>
            <p><a href=Route::Practices.href()>"Browse the 18 practices"</a> " or go to the " <a href=Route::Home.href()>"home page"</a> "."</p>
        </section>
    }
}
