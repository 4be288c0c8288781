//! The home page: what the SMM is, in a few sentences, and where to start.

use leptos::prelude::*;
use smm_core::Catalogue;

use crate::shared::route::Route;

/// Introduction to the model and the app.
#[component]
pub fn Home() -> impl IntoView {
    let catalogue = Catalogue::builtin();
    let levels = catalogue
        .levels
        .iter()
        .map(|l| {
            view! {
                <tr>
                    <th scope="row">{format!("{} {}", l.level.get(), l.name)}</th>
                    <td>{l.summary.clone()}</td>
                </tr>
            }
        })
        .collect_view();
    let scopes = catalogue
        .scopes
        .iter()
        .map(|s| view! { <li><strong>{s.name.clone()}</strong>": " {s.summary.clone()}</li> })
        .collect_view();
    let domains = catalogue
        .domains
        .iter()
        .map(|d| {
            let count = catalogue.practices_in_domain(d).count();
            view! {
                <li class="domain-card">
                    <h3>{d.name.clone()}</h3>
                    <p>{d.summary.clone()}</p>
                    <p class="muted">{format!("{} subdomains, {count} practices", d.subdomains.len())}</p>
                </li>
            }
        })
        .collect_view();
    view! {
        <section class="page home">
            <h1 tabindex="-1">"Find the security maturity your IoT system needs"</h1>
            <p class="lead">
                "The IoT Security Maturity Model (SMM) of the Industry IoT Consortium describes 18 security practices. "
                "For each one, an organisation decides how far it should go, checks how far it has got, "
                "and plans the steps in between."
            </p>
            <p>
                "The model does not reward the highest level everywhere. The right level for a practice is the one that "
                "matches your risks, your obligations and your budget: falling short leaves risk unmanaged, and going "
                "well beyond the target spends effort that may be better used elsewhere. SMM Navigator therefore shows "
                "both shortfall and possible over-investment against the target you set."
            </p>
            <h2>"How an assessment runs"</h2>
            <ol class="steps">
                <li><strong>"Set the goal. "</strong>"Business stakeholders state what must be protected and rank the domains by priority."</li>
                <li><strong>"Set the target. "</strong>"For each practice, choose a level from 0 to 4 and a scope that fits the need."</li>
                <li><strong>"Assess. "</strong>"Check the indicators of accomplishment, level by level, to find where you stand today."</li>
                <li><strong>"Compare. "</strong>"The gap between target and current state shows where to act, and where you may be doing more than needed."</li>
                <li><strong>"Plan and repeat. "</strong>"Close the gaps step by step, and reassess when threats, rules or the system change."</li>
            </ol>
            <h2>"Levels"</h2>
            <p>"Levels are cumulative: a practice is at level 3 only when everything levels 1, 2 and 3 ask for is in place."</p>
            <div class="table-wrap" tabindex="0">
                <table class="levels-table">
                    <caption class="visually-hidden">"The five comprehensiveness levels"</caption>
                    <thead><tr><th scope="col">"Level"</th><th scope="col">"What it means"</th></tr></thead>
                    <tbody>{levels}</tbody>
                </table>
            </div>
            <h2>"Scope"</h2>
            <p>"A target or a result is a level plus a scope, for example level 3 at industry scope."</p>
            <ul>{scopes}</ul>
            <h2>"Three domains"</h2>
            <ul class="domain-cards">{domains}</ul>
            <p class="cta"><a class="button" href=Route::Practices.href()>"Explore the 18 practices"</a></p>
        </section>
    }
}
