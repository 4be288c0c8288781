//! The banner with the app's name and main navigation.

use leptos::prelude::*;

use crate::shared::route::Route;

/// Header and main navigation; marks the current section.
#[component]
pub fn SiteHeader(route: RwSignal<Route>) -> impl IntoView {
    let link = move |target: Route, label: &'static str| {
        let href = target.href();
        let current = move || target.is_section_of(&route.get()).then_some("page");
        view! { <li><a href=href aria-current=current>{label}</a></li> }
    };
    view! {
        <header class="smm-header">
            <a class="brand" href=Route::Home.href()>
                <span class="brand-mark" aria-hidden="true">"◆"</span>
                " SMM Navigator"
            </a>
            <nav aria-label="Main">
                <ul>
                    {link(Route::Home, "Home")}
                    {link(Route::Practices, "Practices")}
                    {link(Route::Assessments, "Assessments")}
                </ul>
            </nav>
        </header>
    }
}
