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
    let entries = move || {
        let mut v: Vec<Entry> = Vec::new();
        state.user_profiles.with(|l| {
            v.extend(l.iter().map(|p| Entry {
                kind: "Profile",
                id: p.id.clone(),
                name: p.name.clone(),
                key: storage::profile_key(&p.id),
            }))
        });
        state.user_frameworks.with(|l| {
            v.extend(l.iter().map(|f| Entry {
                kind: "Framework catalogue",
                id: f.id.clone(),
                name: f.name.clone(),
                key: storage::framework_key(&f.id),
            }))
        });
        state.user_mappings.with(|l| {
            v.extend(l.iter().map(|m| Entry {
                kind: "Mapping",
                id: m.id.clone(),
                name: m.name.clone(),
                key: storage::mapping_key(&m.id),
            }))
        });
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
