//! Choosing the profiles an assessment uses, and applying their suggested targets.

use std::collections::BTreeMap;

use leptos::prelude::*;
use smm_core::Target;

use crate::workbench::state::Current;

/// The profiles available, each with a switch, its suggested targets and an undo.
#[component]
pub fn ProfilePicker() -> impl IntoView {
    let c = Current::expect();
    c.state.load_profiles();
    let undo = RwSignal::new(None::<(String, BTreeMap<String, Target>)>);
    let uses = move |id: &str| c.with(|a| a.profiles.iter().any(|p| p == id)).unwrap_or(false);
    view! {
        <section class="card profiles" aria-labelledby="profiles-heading">
            <h2 id="profiles-heading">"Profiles: industry and system guidance"</h2>
            <p class="muted">"A profile adds guidance and indicators at industry or system scope to the general practice tables. Its indicators then count toward the scope of your results."</p>
            <ul class="profile-list">
                {move || c.state.profiles().into_iter().map(|p| {
                    let id = StoredValue::new(p.id.clone());
                    let builtin = smm_core::profile::Profile::is_builtin_id(&p.id);
                    let count = p.suggested_targets.len();
                    let name = p.name.clone();
                    let apply = move |_| {
                        let Some(profile) = c.state.profiles().into_iter().find(|x| x.id == id.get_value()) else { return };
                        let before = c.with(|a| a.targets.clone()).unwrap_or_default();
                        c.edit(|a| {
                            for t in &profile.suggested_targets {
                                let entry = a.targets.entry(t.practice.clone()).or_insert_with(|| Target::new(t.level, t.scope));
                                entry.level = t.level;
                                entry.scope = t.scope;
                                entry.not_applicable = None;
                                entry.rationale = format!("Suggested by the profile “{}”: {}", profile.name, t.rationale);
                            }
                            if !a.profiles.contains(&profile.id) {
                                a.profiles.push(profile.id.clone());
                            }
                        });
                        undo.set(Some((profile.name.clone(), before)));
                    };
                    view! {
                        <li class="profile" data-profile=p.id.clone()>
                            <label class="checkbox">
                                <input type="checkbox" prop:checked=move || uses(&id.get_value())
                                    on:change=move |ev| {
                                        let on = event_target_checked(&ev);
                                        let pid = id.get_value();
                                        c.edit(|a| {
                                            // Its indicators leave the results with it.
                                            smm_core::edits::results::drop_profile(a, &pid);
                                            if on {
                                                a.profiles.push(pid.clone());
                                            }
                                        });
                                    } />
                                {format!("Use “{}”", p.name)}
                            </label>
                            <p class="muted">{p.about.clone()}{(!builtin).then_some(" (loaded from your file)")}</p>
                            {(count > 0).then(|| view! {
                                <button type="button" on:click=apply>{format!("Apply its {count} suggested targets")}</button>
                            })}
                            <span class="visually-hidden">{name}</span>
                        </li>
                    }
                }).collect_view()}
            </ul>
            <div role="status" aria-live="polite">
                {move || undo.get().map(|(name, before)| view! {
                    <p class="notice ok">
                        {format!("Applied the suggested targets of “{name}”. ")}
                        <button type="button" on:click=move |_| {
                            let before = before.clone();
                            c.edit(|a| a.targets = before);
                            undo.set(None);
                        }>"Undo"</button>
                    </p>
                })}
            </div>
        </section>
    }
}
