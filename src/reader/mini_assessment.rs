//! A mini self-assessment for documentation pages: a few practices, their
//! indicators as checklists, the derived levels; answers kept in this page's
//! storage under the embed's own key, and carried to the full app on request.

use leptos::prelude::*;
use smm_core::engine::derived_level;
use smm_core::{assessment_to_json, Assessment, Catalogue, PracticeResult, Role};

use crate::shared::download::offer;
use crate::shared::storage;

/// Where "Continue in SMM Navigator" may go, as the browser reads the address
/// the page gives (relative to the page).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AppLink {
    /// An `http:` or `https:` address on this page's origin, which shares its storage.
    SameOrigin(String),
    /// An `http:` or `https:` address on another origin.
    OtherOrigin(String),
    /// Anything else (`javascript:`, `data:`, `file:`, an address that does not parse): never opened.
    Refused,
}

/// Reads `raw` as the browser would (relative to the page) and, when it is an
/// `http:` or `https:` address, gives it without its fragment.
pub fn app_link(raw: &str) -> AppLink {
    let base = document().base_uri().ok().flatten().or_else(|| window().location().href().ok()).unwrap_or_default();
    let Ok(url) = web_sys::Url::new_with_base(raw, &base) else { return AppLink::Refused };
    if !matches!(url.protocol().as_str(), "http:" | "https:") {
        return AppLink::Refused;
    }
    url.set_hash("");
    if window().location().origin().is_ok_and(|o| o == url.origin()) {
        AppLink::SameOrigin(url.href())
    } else {
        AppLink::OtherOrigin(url.href())
    }
}

/// Offers the answers as an assessment file to download.
fn save_as_file(a: &Assessment) -> Result<(), String> {
    offer("quick-check.smm.json", "application/json", assessment_to_json(a).as_bytes())
}

/// Opens `url` in a new tab that has no handle on this page (`noopener`) and
/// is not told where it came from (`noreferrer`).
fn open_apart(url: &str) {
    let _ = window().open_with_url_and_target_and_features(url, "_blank", "noopener,noreferrer");
}

/// The mini self-assessment of `practices` (ids) for an organisation of
/// `role`; `app_url` is where the full app lives.
#[component]
pub fn MiniAssessment(practices: Vec<String>, #[prop(into)] app_url: String, role: Role) -> impl IntoView {
    let cat = Catalogue::builtin();
    // The list comes from a page's attribute: each practice once, in the page's order.
    let mut known: Vec<&'static smm_core::Practice> = Vec::new();
    for p in practices.iter().filter_map(|id| cat.practice(id.trim())) {
        if !known.iter().any(|k| k.id == p.id) {
            known.push(p);
        }
    }
    if known.is_empty() {
        return view! {
            <p class="smm-embed-error" role="status">
                "SMM Navigator: this quick check names no known practice. Give practice ids such as threat-modeling, separated by commas."
            </p>
        }
        .into_any();
    }
    let set = known.iter().map(|p| p.id.as_str()).collect::<Vec<_>>().join(",");
    let set = StoredValue::new(set);
    let answers = RwSignal::new(storage::load_embed_answers(&set.get_value()));
    let message = RwSignal::new(None::<String>);
    let toggle = move |id: String, on: bool| {
        answers.update(|a| {
            a.retain(|x| *x != id);
            if on {
                a.push(id);
            }
        });
        if let Err(e) = storage::save_embed_answers(&set.get_value(), &answers.get_untracked()) {
            message.set(Some(e.to_string()));
        }
    };
    let ids: Vec<String> = known.iter().map(|p| p.id.clone()).collect();
    let ids = StoredValue::new(ids);
    let as_assessment = move || {
        let mut a = Assessment::new(crate::shared::clock::new_id(), "Quick check from the documentation", role);
        a.metadata.created = crate::shared::clock::today();
        a.metadata.updated = crate::shared::clock::today();
        let met = answers.get_untracked();
        for id in ids.get_value() {
            let indicators_met = met.iter().filter(|i| i.split('.').next() == Some(id.as_str())).cloned().collect();
            a.results.insert(id, PracticeResult { indicators_met, ..Default::default() });
        }
        a
    };
    let app = StoredValue::new(app_url);
    let open_in_app = move |_| {
        let a = as_assessment();
        // Across origins (or where this frame may not store, as a frame of
        // another site often may not), the answers go as a file.
        let as_file = |url: &str| match save_as_file(&a) {
            Ok(()) => {
                open_apart(&format!("{url}#/assessments"));
                "Your answers were saved as a file (quick-check.smm.json). SMM Navigator opened in a new tab: \
                 import the file there. It cannot read this page's storage."
                    .to_string()
            }
            Err(e) => e,
        };
        let text = match app_link(&app.get_value()) {
            AppLink::Refused => "The address this page gives for SMM Navigator is not a web address, so nothing was \
                                 opened. Use \u{201c}Save as a file\u{201d} and import the file in SMM Navigator."
                .to_string(),
            // The app shares this page's storage: it finds the assessment there.
            AppLink::SameOrigin(url) => match storage::save_assessment(&a) {
                Ok(()) => {
                    open_apart(&format!("{url}#/assessments/{}", a.id));
                    "Opened in SMM Navigator as a new assessment.".into()
                }
                Err(_) => as_file(&url),
            },
            AppLink::OtherOrigin(url) => as_file(&url),
        };
        message.set(Some(text));
    };
    let save_file = move |_| {
        message.set(Some(match save_as_file(&as_assessment()) {
            Ok(()) => "Saved as a file: import it in SMM Navigator.".into(),
            Err(e) => e,
        }));
    };
    let blocks = known
        .into_iter()
        .map(|p| {
            let pid = p.id.clone();
            let level = move || {
                let r = PracticeResult {
                    indicators_met: answers.get().into_iter().filter(|i| i.split('.').next() == Some(pid.as_str())).collect(),
                    ..Default::default()
                };
                cat.practice(&pid).map_or(smm_core::Level::NONE, |p| derived_level(p, role, &r))
            };
            let levels = p
                .levels
                .iter()
                .map(|l| {
                    view! {
                        <fieldset>
                            <legend>{format!("Level {} · {}", l.level, l.level.name())}</legend>
                            {l.indicators_for(role).map(|i| {
                                let iid = i.id.clone();
                                let iid2 = i.id.clone();
                                let input = format!("smm-mini-{}", i.id.replace('.', "-"));
                                view! {
                                    <div class="smm-check">
                                        <input type="checkbox" id=input.clone() data-indicator=i.id.clone()
                                            prop:checked=move || answers.get().contains(&iid)
                                            on:change=move |ev| toggle(iid2.clone(), event_target_checked(&ev)) />
                                        <label for=input>{i.text.clone()}</label>
                                    </div>
                                }
                            }).collect_view()}
                        </fieldset>
                    }
                })
                .collect_view();
            view! {
                <section class="smm-mini-practice" data-practice=p.id.clone()>
                    <h3>{p.name.clone()}</h3>
                    <p class="smm-mini-level" role="status">{move || { let l = level(); format!("Level reached: {} ({})", l, l.name()) }}</p>
                    {levels}
                </section>
            }
        })
        .collect_view();
    view! {
        <div class="smm-embed smm-mini" part="mini">
            <p class="smm-embed-kicker">"Quick self-check · IoT Security Maturity Model"</p>
            <p>{format!(
                "Tick what you can show evidence for, as {}. Answers stay in this browser, under this page's own storage.",
                role.plural()
            )}</p>
            {blocks}
            <div class="smm-mini-actions">
                <button type="button" on:click=open_in_app>"Continue in SMM Navigator"</button>
                <button type="button" on:click=save_file>"Save as a file"</button>
            </div>
            <p role="status" class="smm-mini-message">{move || message.get()}</p>
        </div>
    }
    .into_any()
}
