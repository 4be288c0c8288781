//! The practice explorer: domains, subdomains and the 18 practices.

use leptos::prelude::*;
use smm_core::Catalogue;

use crate::shared::route::Route;

/// Every domain with its subdomains and practices, as a navigable outline.
#[component]
pub fn Explorer() -> impl IntoView {
    let catalogue = Catalogue::builtin();
    let domains = catalogue
        .domains
        .iter()
        .map(|d| {
            let subdomains = d
                .subdomains
                .iter()
                .map(|s| {
                    let practices = catalogue
                        .practices_in_subdomain(&s.id)
                        .map(|p| {
                            view! {
                                <li>
                                    <a class="practice-link" href=Route::Practice(p.id.clone()).href() data-practice=p.id.clone()>
                                        {p.name.clone()}
                                    </a>
                                </li>
                            }
                        })
                        .collect_view();
                    view! {
                        <li class="subdomain">
                            <h3>{s.name.clone()}</h3>
                            <p class="muted">{s.summary.clone()}</p>
                            <ul class="practice-list">{practices}</ul>
                        </li>
                    }
                })
                .collect_view();
            let heading_id = format!("domain-{}", d.id);
            let labelled_by = heading_id.clone();
            view! {
                <section class="domain" aria-labelledby=labelled_by>
                    <h2 id=heading_id>{d.name.clone()}</h2>
                    <p>{d.summary.clone()}</p>
                    <ul class="subdomain-list">{subdomains}</ul>
                </section>
            }
        })
        .collect_view();
    view! {
        <section class="page explorer">
            <h1 tabindex="-1">"The 18 practices"</h1>
            <p class="lead">
                {format!(
                    "The model groups its {} practices into {} domains and {} subdomains. Open a practice to read its objective and what each level asks for.",
                    catalogue.practices.len(),
                    catalogue.domains.len(),
                    catalogue.domains.iter().map(|d| d.subdomains.len()).sum::<usize>(),
                )}
            </p>
            <div class="domains">{domains}</div>
        </section>
    }
}
