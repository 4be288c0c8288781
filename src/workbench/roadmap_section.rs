//! The roadmap: the engine's ordered steps, each with an owner, a due date, a
//! status with the history of its changes, and an outside reference.

use leptos::prelude::*;
use smm_core::report::roadmap_to_csv;
use smm_core::{Catalogue, RoadmapStep, StepPlan, StepStatus};

use crate::shared::clock::today;
use crate::shared::download::file_stem;
use crate::workbench::outbox::{self, Notice, Outgoing};
use crate::workbench::state::Current;

/// The ordered roadmap with its plan, and the CSV export.
#[component]
pub fn RoadmapSection() -> impl IntoView {
    let c = Current::expect();
    let message = RwSignal::new(None::<String>);
    let export = move |_| {
        let Some((csv, name)) = c.with(|a| {
            let report = smm_core::Report::new(Catalogue::builtin(), a, &crate::shared::clock::today());
            (roadmap_to_csv(Catalogue::builtin(), &report.roadmap, &a.plan), a.metadata.name.clone())
        }) else {
            return;
        };
        let out =
            Outgoing::csv(format!("{}-roadmap.csv", file_stem(&name)), csv, "The roadmap was exported as a CSV file.");
        let shown = outbox::send(c.state, out, Notice::Inline(message));
        message.set(Some(shown.summary));
    };
    // A memo: an edit of the plan changes the report but not the steps, and
    // the cards (with what is being typed in them) stay.
    let steps = Memo::new(move |_| c.report.with(|r| r.as_ref().map(|r| r.roadmap.clone()).unwrap_or_default()));
    view! {
        <section class="page roadmap">
            <h1 tabindex="-1">"Roadmap"</h1>
            <p class="lead">
                "One step for each level a practice still has to reach, with the actions that get there and the evidence still missing. "
                "Steps are ordered by domain priority, then subdomain priority, then the size of the practice's shortfall. "
                "Each change of a step's status is kept with its date and note; a reference is kept as text and never opened."
            </p>
            <p>
                <button type="button" class="primary" on:click=export>"Export the roadmap as CSV"</button>
                <span role="status" class="inline-status">{move || message.get()}</span>
            </p>
            {move || {
                let list = steps.get();
                if list.is_empty() {
                    view! { <p class="empty">"No practice is below its target: there is no step to plan. Set targets and assess practices to build the roadmap."</p> }.into_any()
                } else {
                    view! { <ol class="roadmap-steps">{list.into_iter().map(|s| view! { <StepCard step=s /> }).collect_view()}</ol> }.into_any()
                }
            }}
        </section>
    }
}

#[component]
fn StepCard(step: RoadmapStep) -> impl IntoView {
    let c = Current::expect();
    let cat = Catalogue::builtin();
    let name = cat.practice(&step.practice).map_or(step.practice.clone(), |p| p.name.clone());
    let sid = StoredValue::new(step.id.clone());
    let plan = move || c.with(|a| a.plan.get(&sid.get_value()).cloned().unwrap_or_default()).unwrap_or_default();
    let edit = move |f: Box<dyn FnOnce(&mut StepPlan)>| {
        c.edit(|a| {
            let p = a.plan.entry(sid.get_value()).or_default();
            f(p);
            if *p == StepPlan::default() {
                a.plan.remove(&sid.get_value());
            }
        })
    };
    let base = step.id.replace('@', "-");
    let note = RwSignal::new(String::new());
    let set_status = move |s: StepStatus| {
        let text = note.get_untracked();
        c.edit(|a| smm_core::plan::set_step_status(a, &sid.get_value(), s, &today(), &text));
        note.set(String::new());
    };
    let overdue = move || {
        let p = plan();
        p.status != StepStatus::Done && p.due.len() == 10 && p.due < today()
    };
    let unmet = step
        .unmet_indicators
        .iter()
        .map(|id| {
            let text = cat.indicator(id).map_or(String::new(), |r| r.indicator.text.clone());
            view! { <li>{text} " " <span class="indicator-id">{id.clone()}</span></li> }
        })
        .collect_view();
    view! {
        <li class="card step" data-step=step.id.clone()>
            <h2>{format!("{name}: reach level {} ({})", step.level, step.level.name())}</h2>
            <p class="muted">{format!(
                "Domain priority {}, subdomain priority {}; this practice is {} level(s) below target.",
                step.domain_priority.name().to_lowercase(), step.subdomain_priority.name().to_lowercase(), step.shortfall
            )}</p>
            <div class="step-body">
                <div>
                    <h3>"Actions"</h3>
                    <ul>{step.actions.iter().map(|a| view! { <li>{a.clone()}</li> }).collect_view()}</ul>
                </div>
                <div>
                    <h3>"Evidence still missing"</h3>
                    <ul>{unmet}</ul>
                </div>
            </div>
            <div class="step-plan">
                <label>
                    "Owner"
                    <input type="text" id=format!("owner-{base}") maxlength="200" prop:value=move || plan().owner
                        on:input=move |ev| { let v = event_target_value(&ev); edit(Box::new(move |p| p.owner = v)); } />
                </label>
                <label>
                    "Due"
                    <input type="date" id=format!("due-{base}") prop:value=move || plan().due
                        on:input=move |ev| { let v = event_target_value(&ev); edit(Box::new(move |p| p.due = v)); } />
                </label>
                <label>
                    "Status"
                    <select id=format!("status-{base}") prop:value=move || plan().status.id()
                        on:change=move |ev| {
                            let v = event_target_value(&ev);
                            if let Some(s) = StepStatus::ALL.into_iter().find(|s| s.id() == v) { set_status(s); }
                        }>
                        {StepStatus::ALL.into_iter().map(|s| view! { <option value=s.id()>{s.name()}</option> }).collect_view()}
                    </select>
                </label>
                <label>
                    "Note for the next status change"
                    <input type="text" id=format!("note-{base}") maxlength="500" prop:value=move || note.get()
                        on:input=move |ev| note.set(event_target_value(&ev)) />
                </label>
                <label>
                    "Reference (ticket id or address)"
                    <input type="text" id=format!("reference-{base}") maxlength="500" prop:value=move || plan().reference
                        on:input=move |ev| { let v = event_target_value(&ev); edit(Box::new(move |p| p.reference = v)); } />
                </label>
            </div>
            {move || overdue().then(|| view! { <p class="overdue">{format!("Overdue: due {}, not done.", plan().due)}</p> })}
            {move || {
                let history = plan().history;
                (!history.is_empty()).then(|| view! {
                    <details class="step-history">
                        <summary>{format!("Status history ({})", history.len())}</summary>
                        <ol>{history.into_iter().map(|h| {
                            let note = if h.note.is_empty() { String::new() } else { format!(": {}", h.note) };
                            view! { <li>{format!("{} {}{note}", h.on, h.status.name())}</li> }
                        }).collect_view()}</ol>
                    </details>
                })
            }}
        </li>
    }
}
