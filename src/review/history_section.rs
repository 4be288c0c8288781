//! History: snapshots, the trend of each practice, and side-by-side comparison.

use leptos::prelude::*;
use smm_core::history::{compare, trend, Change, Snapshots};
use smm_core::{Assessment, Catalogue, Level};

use crate::shared::clock::now_iso;
use crate::shared::storage;
use crate::workbench::state::Current;

const NOW: &str = "now";

fn level_text(l: Option<Level>) -> String {
    l.map_or("–".into(), |l| l.to_string())
}

/// Snapshots of the current assessment, the trend across them, and a comparison.
#[component]
pub fn HistorySection() -> impl IntoView {
    let c = Current::expect();
    let snapshots = RwSignal::new(storage::load_snapshots(&c.id.get_value()));
    let label = RwSignal::new(String::new());
    let take = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(a) = c.assessment.get_untracked() else { return };
        let mut next = snapshots.get_untracked();
        next.take(&a, &now_iso(), label.get_untracked().trim());
        if c.state.save_snapshots(&next) {
            snapshots.set(next);
            label.set(String::new());
        }
    };
    let remove = move |id: String| {
        let mut next = snapshots.get_untracked();
        next.snapshots.retain(|s| s.id != id);
        if c.state.save_snapshots(&next) {
            snapshots.set(next);
        }
    };
    view! {
        <section class="page history">
            <h1 tabindex="-1">"History"</h1>
            <p class="lead">"A snapshot freezes the assessment as it is now, so that later changes can be compared with it."</p>
            <form class="card snapshot-form" on:submit=take>
                <label>
                    "Label (optional)"
                    <input type="text" maxlength="200" placeholder="e.g. Before the 2027 audit"
                        prop:value=move || label.get() on:input=move |ev| label.set(event_target_value(&ev)) />
                </label>
                <button type="submit" class="primary">"Take a snapshot"</button>
            </form>
            {move || {
                let s = snapshots.get();
                if s.snapshots.is_empty() {
                    view! { <p class="empty">"No snapshot yet."</p> }.into_any()
                } else {
                    view! {
                        <h2>"Snapshots"</h2>
                        <ul class="snapshot-list">
                            {s.snapshots.iter().map(|snap| {
                                let id = snap.id.clone();
                                view! {
                                    <li data-snapshot=snap.id.clone()>
                                        <span>{snapshot_name(snap.taken_at.as_str(), snap.label.as_str())}</span>
                                        " "
                                        <button type="button" class="secondary small" aria-label=format!("Delete snapshot {}", snapshot_name(&snap.taken_at, &snap.label))
                                            on:click=move |_| remove(id.clone())>"Delete"</button>
                                    </li>
                                }
                            }).collect_view()}
                        </ul>
                    }.into_any()
                }
            }}
            <h2>"Trend"</h2>
            {move || c.assessment.get().map(|a| trend_table(&a, &snapshots.get()))}
            <h2>"Compare"</h2>
            <Comparison snapshots=snapshots />
        </section>
    }
}

fn snapshot_name(taken_at: &str, label: &str) -> String {
    let date = taken_at.get(..16).unwrap_or(taken_at).replace('T', " ");
    if label.is_empty() {
        date
    } else {
        format!("{date} · {label}")
    }
}

fn trend_table(current: &Assessment, snapshots: &Snapshots) -> impl IntoView {
    let cat = Catalogue::builtin();
    let rows = trend(cat, current, &snapshots.snapshots);
    let headers = snapshots
        .snapshots
        .iter()
        .map(|s| view! { <th scope="col">{snapshot_name(&s.taken_at, &s.label)}</th> })
        .collect_view();
    let body = rows
        .into_iter()
        .map(|t| {
            let name = cat.practice(&t.practice).map_or(t.practice.clone(), |p| p.name.clone());
            let target = t.target.map(|x| x.level);
            let mut prev: Option<Level> = None;
            let cells = t
                .achieved
                .iter()
                .map(|l| {
                    let arrow = match (prev, *l) {
                        (Some(p), Some(n)) if n > p => " ▲",
                        (Some(p), Some(n)) if n < p => " ▼",
                        _ => "",
                    };
                    prev = *l;
                    let class = match (l, target) {
                        (Some(l), Some(t)) if *l < t => "below",
                        (Some(l), Some(t)) if *l > t => "above",
                        (Some(_), Some(_)) => "on",
                        _ => "",
                    };
                    view! { <td class=format!("num {class}")>{level_text(*l)}{arrow}</td> }
                })
                .collect_view();
            view! { <tr data-practice=t.practice.clone()><th scope="row">{name}</th>{cells}<td class="num">{level_text(target)}</td></tr> }
        })
        .collect_view();
    view! {
        <div class="table-wrap" tabindex="0">
            <table class="trend-table">
                <caption>"Achieved level per practice in each snapshot and now, against the current target (▲ up, ▼ down)"</caption>
                <thead><tr><th scope="col">"Practice"</th>{headers}<th scope="col">"Now"</th><th scope="col">"Target now"</th></tr></thead>
                <tbody>{body}</tbody>
            </table>
        </div>
    }
}

/// What can be compared: a snapshot of this assessment, its current state, or another assessment.
fn resolve(c: Current, snapshots: &Snapshots, key: &str) -> Option<Assessment> {
    if key == NOW {
        return c.assessment.get();
    }
    if let Some(id) = key.strip_prefix("snap:") {
        return snapshots.get(id).map(|s| s.assessment.clone());
    }
    key.strip_prefix("other:").and_then(|id| c.state.get(id))
}

#[component]
fn Comparison(snapshots: RwSignal<Snapshots>) -> impl IntoView {
    let c = Current::expect();
    let before =
        RwSignal::new(snapshots.get_untracked().snapshots.last().map_or(NOW.to_string(), |s| format!("snap:{}", s.id)));
    let after = RwSignal::new(NOW.to_string());
    let options = move || {
        let mut o: Vec<(String, String)> = snapshots
            .get()
            .snapshots
            .iter()
            .map(|s| (format!("snap:{}", s.id), format!("Snapshot {}", snapshot_name(&s.taken_at, &s.label))))
            .collect();
        o.push((NOW.into(), "This assessment now".into()));
        let me = c.id.get_value();
        for a in c.state.assessments.get().iter().filter(|a| a.id != me) {
            o.push((format!("other:{}", a.id), format!("Assessment “{}”", a.metadata.name)));
        }
        o
    };
    let picker = move |label: &'static str, sig: RwSignal<String>| {
        view! {
            <label>
                {label}
                <select prop:value=move || sig.get() on:change=move |ev| sig.set(event_target_value(&ev))>
                    {move || options().into_iter().map(|(k, v)| view! { <option value=k.clone() selected=sig.get() == k>{v}</option> }).collect_view()}
                </select>
            </label>
        }
    };
    let table = move || {
        let s = snapshots.get();
        let (Some(b), Some(a)) = (resolve(c, &s, &before.get()), resolve(c, &s, &after.get())) else {
            return view! { <p>"Pick two states to compare."</p> }.into_any();
        };
        let cat = Catalogue::builtin();
        let diff = compare(cat, &b, &a);
        let improved = diff.iter().filter(|d| d.change == Change::Improved).count();
        let regressed = diff.iter().filter(|d| d.change == Change::Regressed).count();
        let rows = diff
            .iter()
            .map(|d| {
                let name = cat.practice(&d.practice).map_or(d.practice.clone(), |p| p.name.clone());
                let (label, class) = match d.change {
                    Change::Improved => ("Improved", "improved"),
                    Change::Regressed => ("Regressed", "regressed"),
                    Change::Unchanged => ("Unchanged", ""),
                    Change::NewlyAssessed => ("Newly assessed", ""),
                    Change::NoLongerAssessed => ("No longer assessed", "regressed"),
                };
                let target_note = d.target_changed.then_some(" (target changed)");
                view! {
                    <tr class=class data-practice=d.practice.clone()>
                        <th scope="row">{name}</th>
                        <td class="num">{level_text(d.before.achieved)}</td>
                        <td class="num">{level_text(d.after.achieved)}</td>
                        <td>{label}{target_note}</td>
                    </tr>
                }
            })
            .collect_view();
        view! {
            <p class="compare-summary" role="status">{format!("{improved} practice(s) improved, {regressed} regressed.")}</p>
            <div class="table-wrap" tabindex="0">
                <table class="compare-table">
                    <caption>"Achieved level before and after, per practice"</caption>
                    <thead><tr><th scope="col">"Practice"</th><th scope="col">"Before"</th><th scope="col">"After"</th><th scope="col">"Change"</th></tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        }
        .into_any()
    };
    view! {
        <div class="compare-pickers card">
            {picker("Before", before)}
            {picker("After", after)}
        </div>
        {table}
    }
}
