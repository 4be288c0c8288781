//! The profiles, framework catalogues and mappings the user loaded: listed,
//! each with a way to remove it (they are stored apart from the assessments,
//! so removing one never touches an assessment).

use leptos::prelude::*;

use crate::shared::storage;
use crate::workbench::state::AppState;

/// One loaded file, as the list shows it.
#[derive(Clone, PartialEq)]
struct Entry {
    kind: &'static str,
    id: String,
    name: String,
    key: String,
}

/// The list of loaded files; nothing when there are none.
#[component]
pub fn LoadedFiles() -> impl IntoView {
    let state = AppState::expect();
    // Stored mappings are read against their framework, so with the shipped ones.
    if storage::has_mappings() {
        state.load_builtin();
    }
    let entry = |kind: &'static str, id: &str, name: &str, key: fn(&str) -> String| Entry {
        kind,
        id: id.to_string(),
        name: name.to_string(),
        key: key(id),
    };
    let entries = move || {
        let mut v: Vec<Entry> = Vec::new();
        state
            .user_profiles
            .with(|l| v.extend(l.iter().map(|p| entry("Profile", &p.id, &p.name, storage::profile_key))));
        state
            .user_frameworks
            .with(|l| v.extend(l.iter().map(|f| entry("Framework catalogue", &f.id, &f.name, storage::framework_key))));
        state
            .user_mappings
            .with(|l| v.extend(l.iter().map(|m| entry("Mapping", &m.id, &m.name, storage::mapping_key))));
        v
    };
    move || {
        let list = entries();
        (!list.is_empty()).then(|| {
            view! {
                <section class="card loaded-files" aria-labelledby="loaded-files-title">
                    <h2 id="loaded-files-title">"Files you loaded"</h2>
                    <p>"Profiles, framework catalogues and mappings you imported are kept in this browser apart from the assessments. Removing one leaves every assessment as it is."</p>
                    <table>
                        <thead><tr><th scope="col">"Kind"</th><th scope="col">"Name"</th><th scope="col">"Id"</th><th scope="col"><span class="visually-hidden">"Action"</span></th></tr></thead>
                        <tbody>
                            {list.into_iter().map(|e| {
                                let key = StoredValue::new(e.key.clone());
                                let label = format!("Remove the {} {}", e.kind.to_lowercase(), e.name);
                                view! {
                                    <tr data-key=e.key.clone()>
                                        <td>{e.kind}</td><td>{e.name.clone()}</td><td><code>{e.id.clone()}</code></td>
                                        <td><button type="button" class="small danger" aria-label=label
                                            on:click=move |_| state.remove_loaded(&key.get_value())>"Remove"</button></td>
                                    </tr>
                                }
                            }).collect_view()}
                        </tbody>
                    </table>
                </section>
            }
        })
    }
}
