//! One level of a practice: description, actions and indicators.

use leptos::prelude::*;
use smm_core::PracticeLevel;

/// A column (on narrow screens, a block) for one level of one practice.
#[component]
pub fn LevelColumn(level: &'static PracticeLevel) -> impl IntoView {
    let heading_id = format!("level-{}", level.level);
    let labelled_by = heading_id.clone();
    let actions = level.actions.iter().map(|a| view! { <li>{a.clone()}</li> }).collect_view();
    let indicators = level
        .indicators
        .iter()
        .map(|i| {
            // An indicator only some roles can produce says whose it is.
            let roles = i.roles_tag();
            view! {
                <li data-indicator=i.id.clone()>
                    {roles.map(|r| view! { <span class="role-tag">{r}</span>" " })}
                    {i.text.clone()}
                    " "
                    <span class="indicator-id">{i.id.clone()}</span>
                </li>
            }
        })
        .collect_view();
    view! {
        <section class=format!("level-column level-{}", level.level) aria-labelledby=labelled_by>
            <h2 id=heading_id>
                <span class="level-number">{format!("Level {}", level.level)}</span>
                <span class="level-name">{level.level.name()}</span>
            </h2>
            <p>{level.description.clone()}</p>
            <h3>"Actions"</h3>
            <ul>{actions}</ul>
            <h3>"Indicators of accomplishment"</h3>
            <ul class="indicators">{indicators}</ul>
        </section>
    }
}
