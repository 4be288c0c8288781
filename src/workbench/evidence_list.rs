//! The evidence of one practice's result: references, each with an optional
//! fingerprint of the local file it names.

use leptos::prelude::*;
use smm_core::{Evidence, FileFingerprint};
use wasm_bindgen::JsCast;

use crate::shared::clock::today;
use crate::workbench::state::Current;

/// A change to the evidence list of the practice.
type EvidenceChange = Box<dyn FnOnce(&mut Vec<Evidence>)>;

/// What a verification found, shown beside the entry.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Check {
    index: usize,
    /// `None` while the file is read and hashed; then whether it is the same document.
    ok: Option<bool>,
    text: String,
}

impl Check {
    /// The message's class: grey while comparing, then green or red.
    fn class(&self) -> &'static str {
        match self.ok {
            None => "verify pending",
            Some(true) => "verify ok",
            Some(false) => "verify differs",
        }
    }
}

fn picked_file(ev: &leptos::ev::Event) -> Option<(web_sys::HtmlInputElement, web_sys::File)> {
    let input: web_sys::HtmlInputElement = ev.target()?.dyn_into().ok()?;
    let file = input.files()?.get(0)?;
    Some((input, file))
}

/// Groups a 64-digit digest in fours for reading aloud or comparing by eye.
fn spaced(hex: &str) -> String {
    hex.as_bytes().chunks(8).map(|c| String::from_utf8_lossy(c).into_owned()).collect::<Vec<_>>().join(" ")
}

/// The verdict of comparing a picked file with a stored fingerprint.
fn verdict(stored: &FileFingerprint, name: &str, size: u64, hex: &str) -> (bool, String) {
    if hex == stored.sha256 {
        (true, format!("Same document: “{name}” has the SHA-256 recorded on {} ({size} bytes).", stored.taken_on))
    } else {
        let size_note = if size == stored.size {
            "the same size, so the content was changed".to_string()
        } else {
            format!("{size} bytes instead of {}", stored.size)
        };
        (
            false,
            format!(
                "Not the same document: “{name}” has a different SHA-256 ({size_note}). Its SHA-256 is {}.",
                spaced(hex)
            ),
        )
    }
}

/// The evidence references of practice `practice`, editable while the practice
/// has a result: add, edit or remove a reference; fingerprint a local file
/// (name, size, SHA-256 and date are kept, never the content); verify a file
/// against the stored fingerprint.
#[component]
pub fn EvidenceList(#[prop(into)] practice: String) -> impl IntoView {
    let c = Current::expect();
    let pid = StoredValue::new(practice);
    let list = move || c.with(|a| a.results.get(&pid.get_value()).map(|r| r.evidence.clone())).flatten();
    let editable = move || list().is_some();
    let edit = move |f: EvidenceChange| {
        c.edit(move |a| {
            if let Some(r) = a.results.get_mut(&pid.get_value()) {
                f(&mut r.evidence);
            }
        })
    };
    let new_reference = RwSignal::new(String::new());
    let busy = RwSignal::new(None::<String>);
    let check = RwSignal::new(None::<Check>);
    let add = move || {
        let text = new_reference.get_untracked().trim().to_string();
        if !text.is_empty() {
            edit(Box::new(move |v| v.push(Evidence::reference(text))));
            new_reference.set(String::new());
        }
    };
    // Fingerprints a picked file into entry `index`, or into a new entry named after the file.
    let fingerprint = move |index: Option<usize>, ev: leptos::ev::Event| {
        let Some((input, file)) = picked_file(&ev) else { return };
        input.set_value("");
        let name = file.name();
        busy.set(Some(format!("Computing the SHA-256 of “{name}”…")));
        leptos::task::spawn_local(async move {
            match crate::workbench::on_demand::sha256_file(&file).await {
                Err(e) => busy.set(Some(format!("No fingerprint was taken: {e}."))),
                Ok(hex) => {
                    busy.set(None);
                    let fp = FileFingerprint {
                        name: name.clone(),
                        size: file.size() as u64,
                        sha256: hex,
                        taken_on: today(),
                    };
                    edit(Box::new(move |v| match index.and_then(|i| v.get_mut(i)) {
                        Some(e) => e.file = Some(fp),
                        None => v.push(Evidence { reference: name, file: Some(fp), ..Evidence::default() }),
                    }));
                }
            }
        });
    };
    let verify = move |index: usize, ev: leptos::ev::Event| {
        let Some((input, file)) = picked_file(&ev) else { return };
        input.set_value("");
        let Some(stored) = list().and_then(|v| v.get(index).and_then(|e| e.file.clone())) else { return };
        let name = file.name();
        check.set(Some(Check { index, ok: None, text: format!("Comparing “{name}”…") }));
        leptos::task::spawn_local(async move {
            let result = crate::workbench::on_demand::sha256_file(&file).await;
            let (ok, text) = match result {
                Err(e) => (false, format!("The file could not be checked: {e}.")),
                Ok(hex) => verdict(&stored, &name, file.size() as u64, &hex),
            };
            check.set(Some(Check { index, ok: Some(ok), text }));
        });
    };
    view! {
        <fieldset class="evidence-list">
            <legend>"Evidence"</legend>
            <p class="muted">
                "A reference an assessor can follow: a document name, ticket number or path, with who holds it and when it needs another look. "
                "A file's fingerprint (SHA-256) lets anyone check later that a document is the one seen; "
                "the file itself never leaves this computer and is not stored."
            </p>
            <ul class="evidence-items">
                {move || list().unwrap_or_default().into_iter().enumerate().map(|(i, e)| {
                    let label = format!("Evidence reference {}", i + 1);
                    let has_file = e.file.is_some();
                    view! {
                        <li class="evidence-item">
                            <input type="text" aria-label=label.clone() maxlength="2000" prop:value=e.reference.clone()
                                on:change=move |ev| {
                                    let v = event_target_value(&ev).trim().to_string();
                                    edit(Box::new(move |list| {
                                        if let Some(item) = list.get_mut(i) {
                                            item.reference = v;
                                        }
                                        // An entry with neither a reference nor a fingerprint goes.
                                        if list.get(i).is_some_and(|x| x.reference.is_empty() && x.file.is_none()) {
                                            list.remove(i);
                                        }
                                    }));
                                } />
                            <span class="evidence-dates">
                                <label>"Held by"
                                    <input type="text" maxlength="200" prop:value=e.holder.clone()
                                        aria-label=format!("Held by: {label}")
                                        on:change=move |ev| { let v = event_target_value(&ev).trim().to_string();
                                            edit(Box::new(move |l| if let Some(x) = l.get_mut(i) { x.holder = v; })); } />
                                </label>
                                <label>"Obtained"
                                    <input type="date" prop:value=e.obtained.clone() aria-label=format!("Obtained: {label}")
                                        on:change=move |ev| { let v = event_target_value(&ev);
                                            edit(Box::new(move |l| if let Some(x) = l.get_mut(i) { x.obtained = v; })); } />
                                </label>
                                <label>"Review by"
                                    <input type="date" prop:value=e.review_by.clone() aria-label=format!("Review by: {label}")
                                        on:change=move |ev| { let v = event_target_value(&ev);
                                            edit(Box::new(move |l| if let Some(x) = l.get_mut(i) { x.review_by = v; })); } />
                                </label>
                            </span>
                            {smm_core::evidence::is_expired(&e, &today()).then(|| view! {
                                <p class="expired">{format!("Past its review date ({}): look at it again.", e.review_by)}</p>
                            })}
                            <IndicatorLinks practice=pid.get_value() index=i chosen=e.indicators.clone() />
                            {e.file.clone().map(|f| view! {
                                <p class="fingerprint">
                                    {format!("File “{}”, {} bytes, fingerprint taken {}. SHA-256: ", f.name, f.size, f.taken_on)}
                                    <code class="digest">{spaced(&f.sha256)}</code>
                                </p>
                            })}
                            <span class="evidence-actions">
                                <label class="file-pick small">
                                    {if has_file { "Fingerprint again…" } else { "Fingerprint a file…" }}
                                    <input type="file" aria-label=format!("Fingerprint a file for {label}")
                                        on:change=move |ev| fingerprint(Some(i), ev) />
                                </label>
                                {has_file.then(|| view! {
                                    <label class="file-pick small">
                                        "Verify a file…"
                                        <input type="file" aria-label=format!("Verify a file against {label}")
                                            on:change=move |ev| verify(i, ev) />
                                    </label>
                                })}
                                <button type="button" class="secondary small" aria-label=format!("Remove {label}")
                                    on:click=move |_| edit(Box::new(move |v| { if i < v.len() { v.remove(i); } }))>"Remove"</button>
                            </span>
                            {move || check.get().filter(|k| k.index == i).map(|k| view! {
                                <p class=k.class() role="status">{k.text.clone()}</p>
                            })}
                        </li>
                    }
                }).collect_view()}
            </ul>
            <div class="evidence-add">
                <label>"New reference"
                    <input type="text" maxlength="2000" prop:disabled=move || !editable() prop:value=move || new_reference.get()
                        on:input=move |ev| new_reference.set(event_target_value(&ev))
                        on:keydown=move |ev| if ev.key() == "Enter" { ev.prevent_default(); add(); } />
                </label>
                <button type="button" prop:disabled=move || !editable() on:click=move |_| add()>"Add"</button>
                <label class="file-pick small">
                    "Or fingerprint a file…"
                    <input type="file" prop:disabled=move || !editable() on:change=move |ev| fingerprint(None, ev) />
                </label>
            </div>
            <p class="muted" role="status" aria-live="polite">{move || busy.get()}</p>
        </fieldset>
    }
}

/// The indicators one evidence entry supports, chosen among those met; none
/// chosen means the practice as a whole.
#[component]
fn IndicatorLinks(practice: String, index: usize, chosen: Vec<String>) -> impl IntoView {
    let c = Current::expect();
    let met = c.with(|a| a.results.get(&practice).map(|r| r.indicators_met.clone())).flatten().unwrap_or_default();
    if met.is_empty() {
        return ().into_any();
    }
    let practice = StoredValue::new(practice);
    let count = chosen.len();
    view! {
        <details class="evidence-indicators">
            <summary>{if count == 0 { "Supports: the practice as a whole".to_string() } else { format!("Supports {count} indicator(s)") }}</summary>
            <p class="muted">"Tick the indicators this evidence shows. When its review date passes, an indicator whose only evidence it is gets flagged for a new look; it stays ticked."</p>
            {met.into_iter().map(|id| {
                let on = chosen.contains(&id);
                let key = id.clone();
                view! {
                    <label class="check">
                        <input type="checkbox" prop:checked=on on:change=move |ev| {
                            let tick = event_target_checked(&ev);
                            let key = key.clone();
                            c.edit(move |a| {
                                if let Some(e) = a.results.get_mut(&practice.get_value()).and_then(|r| r.evidence.get_mut(index)) {
                                    e.indicators.retain(|x| *x != key);
                                    if tick { e.indicators.push(key); }
                                }
                            });
                        } />
                        {id.clone()}
                    </label>
                }
            }).collect_view()}
        </details>
    }
    .into_any()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_changed_byte_is_reported_as_another_document() {
        let stored =
            FileFingerprint { name: "a.pdf".into(), size: 3, sha256: "ab".repeat(32), taken_on: "2026-12-01".into() };
        assert!(verdict(&stored, "a.pdf", 3, &"ab".repeat(32)).0);
        let (ok, text) = verdict(&stored, "a.pdf", 3, &"cd".repeat(32));
        assert!(!ok);
        assert!(text.contains("the same size, so the content was changed"), "{text}");
        assert_eq!(spaced(&"ab".repeat(32)).split(' ').count(), 8);
    }
}
