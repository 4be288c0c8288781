//! An OSCAL `assessment-results` document (OSCAL 1.1.2, JSON) of an assessment.
//!
//! The mapping of SMM concepts to OSCAL fields is documented in
//! `docs/xlsx-and-oscal.md`. In short: one result; the practices are the
//! reviewed controls (`smm-<practice id>`, in an SMM Navigator catalogue named by
//! a URN); one finding per practice with a target, satisfied when the achieved
//! level is on or above the target; observations from the indicators met and
//! the evidence (with file fingerprints); one risk per practice below target,
//! its roadmap steps as planned remediations with owner, due date and status.
//! Identifiers are UUIDs derived from the assessment, so the same assessment
//! always gives the same document.

use serde_json::{json, Value};
use smm_core::engine::{gap_analysis, roadmap, GapStatus};
use smm_core::report::md_escape_lines;
use smm_core::{Assessment, Catalogue};

use crate::stable_uuid;

/// The OSCAL version the document declares.
pub const OSCAL_VERSION: &str = "1.1.2";

fn props(list: &[(&str, String)]) -> Value {
    Value::Array(
        list.iter()
            .filter(|(_, v)| !v.is_empty())
            .map(|(n, v)| json!({ "name": n, "ns": "urn:smm-navigator", "value": v }))
            .collect(),
    )
}

/// A timestamp OSCAL accepts: a date alone becomes midnight UTC.
fn datetime(s: &str, fallback: &str) -> String {
    let s = if s.is_empty() { fallback } else { s };
    if s.len() == 10 {
        format!("{s}T00:00:00Z")
    } else {
        s.to_string()
    }
}

/// The assessment-results document of `a`, made at `now` (RFC 3339).
pub fn assessment_results(catalogue: &Catalogue, a: &Assessment, now: &str) -> Value {
    let gaps = gap_analysis(catalogue, a);
    let steps = roadmap(catalogue, a, &gaps);
    let m = &a.metadata;
    let u = |kind: &str, key: &str| stable_uuid(&["smm-navigator", &a.id, kind, key]);
    let mut observations = Vec::new();
    let mut findings = Vec::new();
    let mut risks = Vec::new();
    let collected = datetime(&m.assessed_on, now);
    // Evidence past its review date is judged on the day the document is made.
    let today = now.get(..10).unwrap_or(now);
    for p in &catalogue.practices {
        let Some(g) = gaps.iter().find(|g| g.id == p.id) else { continue };
        let control = format!("smm-{}", p.id);
        let result = a.results.get(&p.id);
        let mut related = Vec::new();
        if let Some(r) = result {
            // Indicators for other roles only are extra evidence: said apart.
            let role = a.metadata.role;
            let counts = |id: &str| catalogue.indicator(id).is_none_or(|f| f.indicator.applies_to(role));
            let (met, extra): (Vec<&str>, Vec<&str>) =
                r.indicators_met.iter().map(String::as_str).partition(|id| counts(id));
            let uuid = u("observation-indicators", &p.id);
            let mut description = if met.is_empty() {
                format!("No indicator of accomplishment of {} that counts for {} is met.", p.name, role.plural())
            } else {
                format!("Indicators of accomplishment met for {}: {}.", p.name, met.join(", "))
            };
            if !extra.is_empty() {
                description.push_str(&format!(
                    " Also met, as extra evidence (indicators for other roles, not counted toward the level): {}.",
                    extra.join(", ")
                ));
            }
            let stale = smm_core::evidence::stale_indicators(&p.id, r, today);
            if !stale.is_empty() {
                let ids: Vec<&str> = stale.iter().map(|x| x.indicator.as_str()).collect();
                description.push_str(&format!(
                    " The evidence of {} has all passed its review date: still counted, to be looked at again.",
                    ids.join(", ")
                ));
            }
            let mut evidence: Vec<Value> = r
                .evidence
                .iter()
                .map(|e| {
                    // OSCAL's descriptions and remarks are Markdown: the user's text goes in escaped.
                    let mut v = json!({ "description": if e.reference.is_empty() { "Evidence (reference redacted)".to_string() } else { md_escape_lines(&e.reference) } });
                    let f = e.file.clone().unwrap_or_default();
                    let expired = smm_core::evidence::is_expired(e, today);
                    let list = props(&[
                        ("file-name", f.name.clone()),
                        ("file-size", if e.file.is_some() { f.size.to_string() } else { String::new() }),
                        ("file-sha256", f.sha256.clone()),
                        ("fingerprint-taken-on", f.taken_on.clone()),
                        ("holder", e.holder.clone()),
                        ("obtained", e.obtained.clone()),
                        ("review-by", e.review_by.clone()),
                        ("past-review-date", if expired { "true".into() } else { String::new() }),
                        ("supports-indicators", e.indicators.join(" ")),
                    ]);
                    if list.as_array().is_some_and(|l| !l.is_empty()) {
                        v["props"] = list;
                    }
                    v
                })
                .collect();
            let mut obs = json!({
                "uuid": uuid,
                "title": format!("{}: indicators and evidence", p.name),
                "description": description,
                "props": props(&[("practice", p.id.clone()), ("derived-level", g.derived_level.map(|l| l.to_string()).unwrap_or_default())]),
                "methods": ["EXAMINE"],
                "types": ["control-objective"],
                "collected": collected,
            });
            if !r.notes.is_empty() {
                obs["remarks"] = Value::String(md_escape_lines(&r.notes));
            }
            if !evidence.is_empty() {
                obs["relevant-evidence"] = Value::Array(std::mem::take(&mut evidence));
            }
            observations.push(obs);
            related.push(json!({ "observation-uuid": uuid }));
        }
        let Some(target) = g.target else { continue };
        if g.status == GapStatus::NotApplicable || g.status == GapStatus::NotAssessed {
            continue;
        }
        let achieved = g.achieved.map(|l| l.get()).unwrap_or(0);
        let satisfied = g.shortfall == 0 && !g.scope_shortfall;
        let mut statement =
            format!("Target level {} ({} scope); achieved level {achieved}. ", target.level, target.scope.id());
        if g.shortfall > 0 {
            statement.push_str(&format!("Shortfall of {} level(s). ", g.shortfall));
        }
        if g.scope_shortfall {
            statement.push_str("The result covers a narrower scope than the target. ");
        }
        if g.excess > 0 {
            statement.push_str(&format!(
                "{} level(s) above target: a possible over-investment to review, not a success in itself. ",
                g.excess
            ));
        }
        let mut finding = json!({
            "uuid": u("finding", &p.id),
            "title": format!("{}: {}", p.name, g.status.label()),
            "description": statement.trim_end(),
            "props": props(&[
                ("target-level", target.level.to_string()),
                ("target-scope", target.scope.id().into()),
                ("achieved-level", achieved.to_string()),
                ("shortfall", g.shortfall.to_string()),
                ("excess", g.excess.to_string()),
            ]),
            "target": {
                "type": "objective-id",
                "target-id": format!("{control}_obj"),
                "title": format!("{} at level {}", p.name, target.level),
                "status": { "state": if satisfied { "satisfied" } else { "not-satisfied" } },
            },
        });
        if !related.is_empty() {
            finding["related-observations"] = Value::Array(related.clone());
        }
        if g.shortfall > 0 || g.scope_shortfall {
            let risk_uuid = u("risk", &p.id);
            let remediations: Vec<Value> = steps
                .iter()
                .filter(|s| s.practice == p.id)
                .map(|s| {
                    let plan = a.plan.get(&s.id).cloned().unwrap_or_default();
                    let mut r = json!({
                        "uuid": u("remediation", &s.id),
                        "lifecycle": "planned",
                        "title": format!("Reach level {} ({})", s.level, s.level.name()),
                        "description": if s.actions.is_empty() { format!("Reach level {} of {}.", s.level, p.name) } else { s.actions.join(" ") },
                        "props": props(&[
                            ("step-id", s.id.clone()),
                            ("owner", plan.owner.clone()),
                            ("status", plan.status.id().into()),
                            ("due", plan.due.clone()),
                            ("reference", plan.reference.clone()),
                        ]),
                    });
                    if !plan.history.is_empty() {
                        let lines: Vec<String> = plan
                            .history
                            .iter()
                            .map(|c| {
                                let note = if c.note.is_empty() { String::new() } else { format!(": {}", c.note) };
                                md_escape_lines(&format!("{} {}{note}", c.on, c.status.id()))
                            })
                            .collect();
                        r["remarks"] = Value::String(format!("Status history:\n\n{}", lines.join("\n\n")));
                    }
                    if !plan.due.is_empty() {
                        r["tasks"] = json!([{
                            "uuid": u("task", &s.id),
                            "type": "milestone",
                            "title": format!("Level {} of {} reached", s.level, p.name),
                            "timing": { "on-date": { "date": datetime(&plan.due, now) } },
                        }]);
                    }
                    r
                })
                .collect();
            let all_done = !remediations.is_empty()
                && steps
                    .iter()
                    .filter(|s| s.practice == p.id)
                    .all(|s| a.plan.get(&s.id).is_some_and(|x| x.status == smm_core::StepStatus::Done));
            let mut risk = json!({
                "uuid": risk_uuid,
                "title": format!("{} below its target", p.name),
                "description": statement.trim_end(),
                "statement": format!("{} is at level {achieved} where the target is {}; the practice's objective is met only in part.", p.name, target.level),
                "status": if all_done { "investigating" } else { "open" },
            });
            if !remediations.is_empty() {
                risk["remediations"] = Value::Array(remediations);
            }
            risks.push(risk);
            finding["related-risks"] = json!([{ "risk-uuid": risk_uuid }]);
        }
        findings.push(finding);
    }
    let controls: Vec<Value> = catalogue
        .practices
        .iter()
        .filter(|p| a.targets.get(&p.id).is_some_and(|t| t.is_applicable()))
        .map(|p| json!({ "control-id": format!("smm-{}", p.id) }))
        .collect();
    let mut result = json!({
        "uuid": u("result", "1"),
        "title": format!("IoT Security Maturity Model assessment: {}", m.name),
        "description": "Each practice of the IIC IoT Security Maturity Model is a reviewed control; a finding per practice with a target compares the achieved comprehensiveness level with the target. SMM levels are maturity levels, not security levels of other standards.",
        "start": datetime(&m.created, now),
        "reviewed-controls": {
            "description": "The SMM practices with an applicable target.",
            "control-selections": [ if controls.is_empty() { json!({ "include-all": {} }) } else { json!({ "include-controls": controls }) } ],
        },
    });
    if !m.assessed_on.is_empty() {
        result["end"] = Value::String(datetime(&m.assessed_on, now));
    }
    if !observations.is_empty() {
        result["observations"] = Value::Array(observations);
    }
    if !risks.is_empty() {
        result["risks"] = Value::Array(risks);
    }
    if !findings.is_empty() {
        result["findings"] = Value::Array(findings);
    }
    let mut metadata = json!({
        "title": format!("SMM assessment results: {}", m.name),
        "last-modified": datetime(&m.updated, now),
        "version": if a.metadata.updated.is_empty() { "1".to_string() } else { a.metadata.updated.clone() },
        "oscal-version": OSCAL_VERSION,
        "props": props(&[
            ("assessment-id", a.id.clone()),
            ("role", m.role.id().into()),
            ("made-by", "SMM Navigator".into()),
            ("tags", m.tags.join(", ")),
            ("signoff-state", signoff_status(catalogue, a)),
            ("signed-on", a.signoffs.last().map(|x| x.signed_on.clone()).unwrap_or_default()),
            ("signoff-sha256", a.signoffs.last().map(|x| x.sha256.clone()).unwrap_or_default()),
        ]),
    });
    if !m.organisation.is_empty() {
        metadata["parties"] =
            json!([{ "uuid": u("party", "organisation"), "type": "organization", "name": m.organisation }]);
    }
    json!({
        "assessment-results": {
            "uuid": u("document", &a.metadata.updated),
            "metadata": metadata,
            "import-ap": { "href": format!("urn:smm-navigator:assessment-plan:{}", a.id), "remarks": "SMM Navigator keeps no separate assessment plan: the plan is the assessment's targets." },
            "results": [result],
        }
    })
}

/// The sign-off state's id (`unsigned`, `unchanged`, `changed`, `unknown`).
fn signoff_status(catalogue: &Catalogue, a: &Assessment) -> String {
    let state = smm_core::signoff::signoff_state(catalogue, a);
    serde_json::to_value(state.status).ok().and_then(|v| v.as_str().map(str::to_string)).unwrap_or_default()
}

/// The document as pretty-printed JSON.
pub fn assessment_results_json(catalogue: &Catalogue, a: &Assessment, now: &str) -> String {
    serde_json::to_string_pretty(&assessment_results(catalogue, a, now)).unwrap_or_default()
}
