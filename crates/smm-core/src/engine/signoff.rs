//! The state of an assessment against its newest sign-off: unsigned,
//! unchanged, or changed with the list of what changed (against the content
//! kept at signing). The rule is here once; the workbench, the report and
//! `smm validate` call it.
//!
//! The canonical content is the JSON of [`SignedContent`] with the keys of
//! every object in sorted order and no white space ([`canonical_json`]);
//! the sign-off's SHA-256 is over its UTF-8 bytes. Anyone can recompute it:
//! `jq -cS '{targets, results, plan, trustworthiness} | del(..|nulls)'` is
//! close, but the program's own `smm validate` is the reference.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use crate::model::assessment::Assessment;
use crate::model::assessment::SignedContent;
use crate::model::catalogue::Catalogue;

/// What a sign-off would cover now.
pub fn signed_content(a: &Assessment) -> SignedContent {
    SignedContent {
        targets: a.targets.clone(),
        results: a.results.clone(),
        plan: a.plan.clone(),
        trustworthiness: a.trustworthiness.clone(),
    }
}

/// The canonical JSON of a content: sorted keys at every depth, no white space.
pub fn canonical_json(content: &SignedContent) -> String {
    // serde_json's own map is ordered by key (the crate is built without
    // `preserve_order`; `tests/signoff.rs` holds it), so a pass through
    // `Value` sorts every object, including the fields of structs.
    serde_json::to_value(content).map(|v| v.to_string()).unwrap_or_default()
}

/// SHA-256 of the canonical JSON, as 64 lowercase hexadecimal digits.
#[cfg(feature = "digest")]
pub fn content_sha256(content: &SignedContent) -> String {
    use sha2::{Digest, Sha256};
    Sha256::digest(canonical_json(content).as_bytes()).iter().map(|b| format!("{b:02x}")).collect()
}

/// One thing that changed since the sign-off.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ContentChange {
    /// What it belongs to: a practice id, a roadmap step id (`<practice>@<level>`) or `trustworthiness`.
    pub subject: String,
    /// That subject's name for people (the practice's name, with the level for a step).
    pub label: String,
    /// What changed, in a short phrase.
    pub what: String,
}

/// Where an assessment stands against its newest sign-off.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum SignOffStatus {
    /// Nobody has signed it.
    Unsigned,
    /// The content is the one signed.
    Unchanged,
    /// The content changed since; the changes are listed.
    Changed,
    /// The signed content is not in this copy (a redacted copy), so what
    /// changed cannot be listed.
    Unknown,
}

/// The sign-off state of an assessment.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct SignOffState {
    /// The state.
    pub status: SignOffStatus,
    /// When the newest sign-off was made (empty when unsigned).
    pub signed_on: String,
    /// Who made it, as typed.
    pub name: String,
    /// Their role, as typed.
    pub role: String,
    /// How many sign-offs the file keeps.
    pub count: usize,
    /// What changed since the newest sign-off, in catalogue order.
    pub changes: Vec<ContentChange>,
}

impl SignOffState {
    /// One sentence for the page, the report and the CLI.
    pub fn sentence(&self) -> String {
        let by = if self.name.is_empty() { String::new() } else { format!(" by {}", self.name) };
        let on = self.signed_on.get(..10).unwrap_or(&self.signed_on);
        match self.status {
            SignOffStatus::Unsigned => "Not signed off.".into(),
            SignOffStatus::Unchanged => format!("Unchanged since sign-off on {on}{by}."),
            SignOffStatus::Changed => format!(
                "Changed since sign-off on {on}{by}: {} change{}.",
                self.changes.len(),
                if self.changes.len() == 1 { "" } else { "s" }
            ),
            SignOffStatus::Unknown => {
                format!(
                    "Signed off on {on}{by}; this copy does not keep the signed content, so changes cannot be listed."
                )
            }
        }
    }
}

/// What a sign-off means, for every place that shows one.
pub const SIGNOFF_MEANING: &str = "A sign-off records who approved this assessment and when, and a SHA-256 \
fingerprint of its targets, results, plan and trustworthiness view at that moment, so that any later change \
shows. It is a record of approval and of integrity, not proof of identity: the name is whatever was typed.";

/// The state of `a` against its newest sign-off.
pub fn signoff_state(catalogue: &Catalogue, a: &Assessment) -> SignOffState {
    let Some(last) = a.signoffs.last() else {
        return SignOffState {
            status: SignOffStatus::Unsigned,
            signed_on: String::new(),
            name: String::new(),
            role: String::new(),
            count: 0,
            changes: Vec::new(),
        };
    };
    let (status, changes) = match &last.content {
        None => (SignOffStatus::Unknown, Vec::new()),
        Some(signed) => {
            let now = signed_content(a);
            if *signed == now {
                (SignOffStatus::Unchanged, Vec::new())
            } else {
                let mut list = changes(catalogue, signed, &now);
                if list.is_empty() {
                    // Entries that hold nothing (an empty result or plan) came or went.
                    list.push(ContentChange {
                        subject: String::new(),
                        label: "Assessment".into(),
                        what: "an empty result or plan entry added or removed".into(),
                    });
                }
                (SignOffStatus::Changed, list)
            }
        }
    };
    SignOffState {
        status,
        signed_on: last.signed_on.clone(),
        name: last.name.clone(),
        role: last.role.clone(),
        count: a.signoffs.len(),
        changes,
    }
}

/// The hash checks of the newest sign-off: whether the content it keeps
/// matches its hash, and whether the current content does.
#[cfg(feature = "digest")]
pub fn verify_newest(a: &Assessment) -> Option<(Option<bool>, bool)> {
    let last = a.signoffs.last()?;
    let kept = last.content.as_ref().map(|c| content_sha256(c) == last.sha256);
    Some((kept, content_sha256(&signed_content(a)) == last.sha256))
}

/// Everything that differs between the signed content and the current one.
pub fn changes(catalogue: &Catalogue, before: &SignedContent, after: &SignedContent) -> Vec<ContentChange> {
    let mut out = Vec::new();
    let name = |id: &str| catalogue.practice(id).map_or_else(|| id.to_string(), |p| p.name.clone());
    let mut push = |subject: &str, label: String, what: String| {
        out.push(ContentChange { subject: subject.to_string(), label, what });
    };
    let order = |id: &str| catalogue.practice_index(id).unwrap_or(usize::MAX);
    let mut ids: Vec<&String> = before
        .targets
        .keys()
        .chain(after.targets.keys())
        .chain(before.results.keys())
        .chain(after.results.keys())
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    ids.sort_by_key(|id| (order(id), id.as_str()));
    for id in ids {
        let label = name(id);
        match (before.targets.get(id), after.targets.get(id)) {
            (None, Some(t)) => push(id, label.clone(), format!("target set to level {}", t.level)),
            (Some(_), None) => push(id, label.clone(), "target removed".into()),
            (Some(b), Some(t)) => {
                if b.level != t.level {
                    push(id, label.clone(), format!("target level {} → {}", b.level, t.level));
                }
                if b.scope != t.scope {
                    push(id, label.clone(), format!("target scope {} → {}", b.scope.name(), t.scope.name()));
                }
                if b.not_applicable.is_some() != t.not_applicable.is_some() {
                    let now = if t.is_applicable() { "applicable again" } else { "marked not applicable" };
                    push(id, label.clone(), now.into());
                } else if b.not_applicable != t.not_applicable {
                    push(id, label.clone(), "reason for not applicable edited".into());
                }
                if b.rationale != t.rationale {
                    push(id, label.clone(), "target rationale edited".into());
                }
            }
            (None, None) => {}
        }
        let empty = Default::default();
        let (b, r) = (before.results.get(id).unwrap_or(&empty), after.results.get(id).unwrap_or(&empty));
        if b == r {
            continue;
        }
        let added: Vec<&str> = r.indicators_met.iter().filter(|i| !b.is_met(i)).map(String::as_str).collect();
        let removed: Vec<&str> = b.indicators_met.iter().filter(|i| !r.is_met(i)).map(String::as_str).collect();
        if !added.is_empty() {
            push(id, label.clone(), format!("indicators now met: {}", added.join(", ")));
        }
        if !removed.is_empty() {
            push(id, label.clone(), format!("indicators no longer met: {}", removed.join(", ")));
        }
        if b.scope != r.scope {
            push(id, label.clone(), format!("achieved scope {} → {}", b.scope.name(), r.scope.name()));
        }
        match (&b.level_override, &r.level_override) {
            (None, Some(o)) => push(id, label.clone(), format!("level overridden to {}", o.level)),
            (Some(_), None) => push(id, label.clone(), "override removed".into()),
            (Some(x), Some(y)) if x != y => {
                push(id, label.clone(), format!("override {} → {} or its justification edited", x.level, y.level))
            }
            _ => {}
        }
        if b.notes != r.notes {
            push(id, label.clone(), "notes edited".into());
        }
        if b.evidence != r.evidence {
            let (n, m) = (b.evidence.len(), r.evidence.len());
            let what = if n == m {
                format!("evidence edited ({m} reference{})", if m == 1 { "" } else { "s" })
            } else {
                format!("evidence {n} → {m} reference{}", if m == 1 { "" } else { "s" })
            };
            push(id, label.clone(), what);
        }
    }
    plan_changes(catalogue, &before.plan, &after.plan, &mut push);
    let (b, t) = (&before.trustworthiness, &after.trustworthiness);
    if b != t {
        let ids: BTreeSet<&String> = b.characteristics.keys().chain(t.characteristics.keys()).collect();
        for id in ids {
            if b.characteristics.get(id) != t.characteristics.get(id) {
                push("trustworthiness", "Trustworthiness".into(), format!("ratings of {id} changed"));
            }
        }
        if b.tradeoffs != t.tradeoffs || b.aspects != t.aspects || b.checklist != t.checklist {
            push("trustworthiness", "Trustworthiness".into(), "trade-offs, aspects or checklist edited".into());
        }
    }
    out
}

fn plan_changes(
    catalogue: &Catalogue,
    before: &BTreeMap<String, crate::model::assessment::StepPlan>,
    after: &BTreeMap<String, crate::model::assessment::StepPlan>,
    push: &mut impl FnMut(&str, String, String),
) {
    let steps: BTreeSet<&String> = before.keys().chain(after.keys()).collect();
    let mut steps: Vec<&String> = steps.into_iter().collect();
    let order = |s: &str| {
        let (p, l) = s.split_once('@').unwrap_or((s, ""));
        (catalogue.practice_index(p).unwrap_or(usize::MAX), l.to_string())
    };
    steps.sort_by_key(|s| order(s));
    for step in steps {
        let (p, level) = step.split_once('@').unwrap_or((step, "?"));
        let label = format!("{}, step to level {level}", catalogue.practice(p).map_or(p, |x| x.name.as_str()));
        let empty = Default::default();
        let (b, a) = (before.get(step).unwrap_or(&empty), after.get(step).unwrap_or(&empty));
        if b.status != a.status {
            push(step, label.clone(), format!("status {} → {}", b.status.name(), a.status.name()));
        }
        if b.owner != a.owner {
            push(step, label.clone(), "owner changed".into());
        }
        if b.due != a.due {
            push(step, label.clone(), "due date changed".into());
        }
        if b.reference != a.reference {
            push(step, label.clone(), "reference changed".into());
        }
        if b.history != a.history && b.status == a.status {
            push(step, label.clone(), "status history edited".into());
        }
    }
}
