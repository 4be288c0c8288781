//! One practice's answers side by side, and the owner's resolution.

use leptos::prelude::*;
use smm_core::interview::{resolve, PracticeConsensus};
use smm_core::Catalogue;

use crate::shared::clock::today;
use crate::workbench::state::Current;

/// Per indicator who said met and who did not; the owner ticks what goes into
/// the result (at first the result as it stands if resolved before, else the
/// majority), writes why, and resolves.
#[component]
pub fn ConsensusCard(consensus: PracticeConsensus) -> impl IntoView {
    let c = Current::expect();
    let cat = Catalogue::builtin();
    let Some(practice) = cat.practice(&consensus.practice) else { return ().into_any() };
    let start: Vec<String> = if consensus.resolution.is_some() {
        consensus.indicators.iter().filter(|v| v.in_result).map(|v| v.id.clone()).collect()
    } else {
        consensus.majority()
    };
    let chosen = RwSignal::new(start);
    let note = RwSignal::new(consensus.resolution.as_ref().map(|r| r.note.clone()).unwrap_or_default());
    let problem = RwSignal::new(None::<String>);
    let pid = StoredValue::new(consensus.practice.clone());
    let heading = format!("cc-{}", consensus.practice);
    let apply = move || {
        let mut err = None;
        let (met, text) = (chosen.get_untracked(), note.get_untracked());
        c.edit(|a| {
            if let Err(e) = resolve(a, cat, &pid.get_value(), &met, &text, &today()) {
                err = Some(e);
            }
        });
        problem.set(err.map(|e| format!("{e}.")));
    };
    let disagreement = consensus.disagreement();
    let status = match (&consensus.resolution, disagreement) {
        (Some(r), _) => format!(
            "Resolved on {}{}",
            r.resolved_on,
            if r.note.is_empty() { String::new() } else { format!(": {}", r.note) }
        ),
        (None, true) => "The answers disagree: not resolved yet.".to_string(),
        (None, false) => "Everyone gave the same answers: not resolved yet.".to_string(),
    };
    view! {
        <section class="card consensus-card" class:disputed=disagreement aria-labelledby=heading data-practice=consensus.practice.clone()>
            <h2 id=heading.clone()>{practice.name.clone()}</h2>
            <p>{consensus.opinions.iter().map(|o| format!("{}: level {}", o.interviewee, o.level)).collect::<Vec<_>>().join("; ")}
               {format!(". Spread {}.", consensus.spread)}</p>
            <p class="muted" role="status">{status}</p>
            <table class="data votes">
                <caption class="visually-hidden">{format!("Answers per indicator for {}", practice.name)}</caption>
                <thead><tr><th scope="col">"Indicator"</th><th scope="col">"Met, say"</th><th scope="col">"Not met, say"</th><th scope="col">"In the result"</th></tr></thead>
                <tbody>
                    {consensus.indicators.iter().map(|v| {
                        let found = cat.indicator(&v.id);
                        let text = found.map_or(String::new(), |r| r.indicator.text.clone());
                        // Extra evidence: an indicator for other roles only, which does not count toward the level.
                        let extra = (!v.applies)
                            .then(|| found.and_then(|r| r.indicator.roles_tag()))
                            .flatten();
                        let id = v.id.clone();
                        let id2 = v.id.clone();
                        let label = format!("Put {} in the result", v.id);
                        view! {
                            <tr class:disputed=v.disputed()>
                                <th scope="row"><span class="indicator-id">{format!("{} (level {})", v.id, v.level)}</span>" "
                                    {extra.map(|t| view! { <span class="role-tag">{t}</span>" " })}{text}</th>
                                <td>{if v.met.is_empty() { "nobody".to_string() } else { v.met.join(", ") }}</td>
                                <td>{if v.not_met.is_empty() { "nobody".to_string() } else { v.not_met.join(", ") }}</td>
                                <td><input type="checkbox" aria-label=label prop:checked=move || chosen.with(|c| c.contains(&id))
                                    on:change=move |ev| {
                                        let on = event_target_checked(&ev);
                                        let id = id2.clone();
                                        chosen.update(|c| { c.retain(|x| *x != id); if on { c.push(id); } });
                                    } /></td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
            {(!consensus.opinions.iter().all(|o| o.notes.is_empty())).then(|| view! {
                <ul class="interviewee-notes">
                    {consensus.opinions.iter().filter(|o| !o.notes.is_empty()).map(|o| view! {
                        <li><strong>{o.interviewee.clone()}": "</strong>{o.notes.clone()}</li>
                    }).collect_view()}
                </ul>
            })}
            <label class="block">
                {if disagreement { "Why the result is what it is (required: the answers disagree)" } else { "Note (optional)" }}
                <textarea rows="2" maxlength="4000" prop:value=move || note.get() on:input=move |ev| note.set(event_target_value(&ev)) />
            </label>
            <button type="button" on:click=move |_| apply()>"Resolve: set the result"</button>
            {move || problem.get().map(|p| view! { <p class="form-error" role="alert">{p}</p> })}
        </section>
    }
    .into_any()
}
