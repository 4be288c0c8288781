//! Targets at a glance, for a workshop: the 18 practices on one screen, each
//! target set from the keyboard. Arrow keys (or Home/End) move between
//! practices; 0 to 4 set the level; G, I and S the scope; R (or Enter) opens the
//! rationale, and Enter or Escape returns to the grid. The one-at-a-time editor
//! stays for the full guidance.

use leptos::prelude::*;
use smm_core::{Catalogue, Level, Scope, Target};
use wasm_bindgen::JsCast;

use crate::shared::route::Section;
use crate::workbench::state::Current;

/// Id of the instructions every row points to.
const HELP_ID: &str = "target-grid-help";

fn focus(id: &str) {
    if let Some(el) = document().get_element_by_id(id).and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = el.focus();
    }
}

fn row_id(i: usize) -> String {
    format!("target-grid-row-{i}")
}

/// What a key press does on a row of the grid.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GridKey {
    /// Move to row n.
    Move(usize),
    /// Set the level.
    Level(u8),
    /// Set the scope.
    Scope(Scope),
    /// Open the rationale.
    Rationale,
}

/// The action of `key` on row `row` of `rows` (None: the key is not the grid's).
pub fn grid_key(key: &str, row: usize, rows: usize) -> Option<GridKey> {
    let last = rows.saturating_sub(1);
    Some(match key {
        "ArrowDown" | "ArrowRight" => GridKey::Move((row + 1).min(last)),
        "ArrowUp" | "ArrowLeft" => GridKey::Move(row.saturating_sub(1)),
        "Home" => GridKey::Move(0),
        "End" => GridKey::Move(last),
        "0" | "1" | "2" | "3" | "4" => GridKey::Level(key.as_bytes()[0] - b'0'),
        "g" | "G" => GridKey::Scope(Scope::General),
        "i" | "I" => GridKey::Scope(Scope::Industry),
        "s" | "S" => GridKey::Scope(Scope::System),
        "r" | "R" | "Enter" => GridKey::Rationale,
        _ => return None,
    })
}

/// The 18 targets, set from the keyboard.
#[component]
pub fn TargetGrid() -> impl IntoView {
    let c = Current::expect();
    let cat = Catalogue::builtin();
    let count = cat.practices.len();
    let active = RwSignal::new(0usize);
    let editing = RwSignal::new(None::<usize>);
    let set = move |practice: String, change: Box<dyn FnOnce(&mut Target)>| {
        c.edit(move |a| {
            let t = a.targets.entry(practice).or_insert_with(|| Target::new(Level::NONE, Scope::General));
            change(t);
        })
    };
    let rows = cat
        .practices
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let id = StoredValue::new(p.id.clone());
            let name = p.name.clone();
            let target = move || c.with(|a| a.targets.get(&id.get_value()).cloned()).flatten();
            let state = move || match target() {
                None => "not set".to_string(),
                Some(t) if !t.is_applicable() => "not applicable".to_string(),
                Some(t) => format!("level {} {}, {} scope", t.level, t.level.name(), t.scope.name().to_lowercase()),
            };
            let label = {
                let name = name.clone();
                move || format!("{name}: {}", state())
            };
            let on_key = move |ev: leptos::ev::KeyboardEvent| {
                if ev.ctrl_key() || ev.meta_key() || ev.alt_key() {
                    return;
                }
                let Some(action) = grid_key(&ev.key(), i, count) else { return };
                ev.prevent_default();
                match action {
                    GridKey::Move(n) => {
                        active.set(n);
                        focus(&row_id(n));
                    }
                    GridKey::Level(l) => {
                        if let Some(level) = Level::new(l) {
                            set(id.get_value(), Box::new(move |t| t.level = level));
                        }
                    }
                    GridKey::Scope(s) => set(id.get_value(), Box::new(move |t| t.scope = s)),
                    GridKey::Rationale => {
                        editing.set(Some(i));
                        request_animation_frame(move || focus(&format!("{}-rationale", row_id(i))));
                    }
                }
            };
            let close = move |ev: leptos::ev::KeyboardEvent| {
                if ev.key() == "Enter" || ev.key() == "Escape" {
                    ev.prevent_default();
                    editing.set(None);
                    request_animation_frame(move || focus(&row_id(i)));
                }
            };
            let href = c.href(Section::Targets(Some(p.id.clone())));
            let rationale_label = format!("Why this target fits {name}");
            let details_label = format!("Details for {name}");
            view! {
                <tr data-practice=p.id.clone() class:active=move || active.get() == i>
                    <th scope="row">
                        <button type="button" class="grid-row" id=row_id(i) aria-describedby=HELP_ID
                            aria-keyshortcuts="0 1 2 3 4 G I S R"
                            tabindex=move || if active.get() == i { "0" } else { "-1" }
                            on:focus=move |_| active.set(i) on:keydown=on_key>
                            <span class="visually-hidden">{label}</span>
                            <span aria-hidden="true">{name.clone()}</span>
                        </button>
                    </th>
                    <td class="grid-level">{move || target().filter(Target::is_applicable).map(|t| format!("{} {}", t.level, t.level.name())).unwrap_or_else(|| "–".into())}</td>
                    <td class="grid-scope">{move || target().filter(Target::is_applicable).map(|t| t.scope.name().to_string()).unwrap_or_default()}</td>
                    <td class="grid-rationale">
                        {move || if editing.get() == Some(i) {
                            view! {
                                <input type="text" id=format!("{}-rationale", row_id(i)) aria-label=rationale_label.clone()
                                    prop:value=move || target().map(|t| t.rationale).unwrap_or_default()
                                    on:input=move |ev| { let v = event_target_value(&ev); set(id.get_value(), Box::new(move |t| t.rationale = v)); }
                                    on:keydown=close />
                            }.into_any()
                        } else {
                            view! { <span>{move || target().map(|t| t.rationale).filter(|r| !r.trim().is_empty()).unwrap_or_else(|| "–".into())}</span> }.into_any()
                        }}
                    </td>
                    <td><a href=href.clone() aria-label=details_label>"Details"</a></td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <section class="target-grid" aria-labelledby="target-grid-heading">
            <h2 id="target-grid-heading">"Targets at a glance"</h2>
            <p id=HELP_ID class="muted">
                "For a workshop: move between practices with the arrow keys; press 0 to 4 to set the level, "
                "G, I or S for general, industry or system scope, and R or Enter to write why the target fits "
                "(Enter or Escape returns to the list). Every change is saved at once."
            </p>
            <div class="table-wrap" tabindex="0">
                <table class="target-grid-table">
                    <caption class="visually-hidden">"The target of every practice"</caption>
                    <thead><tr>
                        <th scope="col">"Practice"</th><th scope="col">"Level"</th><th scope="col">"Scope"</th>
                        <th scope="col">"Why it fits"</th><th scope="col">"Editor"</th>
                    </tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_move_within_the_rows_and_set_level_scope_and_rationale() {
        assert_eq!(grid_key("ArrowDown", 0, 18), Some(GridKey::Move(1)));
        assert_eq!(grid_key("ArrowDown", 17, 18), Some(GridKey::Move(17)), "stays on the last row");
        assert_eq!(grid_key("ArrowUp", 0, 18), Some(GridKey::Move(0)));
        assert_eq!(grid_key("End", 3, 18), Some(GridKey::Move(17)));
        assert_eq!(grid_key("3", 5, 18), Some(GridKey::Level(3)));
        assert_eq!(grid_key("5", 5, 18), None, "there is no level 5");
        assert_eq!(grid_key("I", 5, 18), Some(GridKey::Scope(Scope::Industry)));
        assert_eq!(grid_key("Enter", 5, 18), Some(GridKey::Rationale));
        assert_eq!(grid_key("x", 5, 18), None);
    }
}
