//! The copy of an assessment for sharing with peers or a benchmark, built from
//! an allow-list: a new assessment is made and only what may be shared is
//! copied into it. A field added to the format later is left out until someone
//! adds it here on purpose.
//!
//! What is shared: the role; stakeholder priorities of known domains and
//! subdomains; per known practice the target level and scope (and that it is
//! not applicable, without the reason), the indicator ids met that the
//! catalogue or a shipped profile defines, the achieved scope, an override's
//! level (without the justification), and of each evidence entry that has
//! a fingerprint or a date, the size, SHA-256 and date of the file's
//! fingerprint, the dates it was obtained and is to be reviewed by, and the
//! known indicators it supports (not the reference, the file name or the
//! holder); the shipped profiles used; the trustworthiness ratings (0-4) of
//! known characteristics; interviews with pseudonyms ("Interviewee N") and the
//! indicators each said met; per known roadmap step, its status, due date and
//! the dates and statuses of its history (not the owner, the reference or the
//! notes); per sign-off, its date and SHA-256 (not the name, role, statement,
//! scope or signed content). Everything else (names, tags, the assessment's
//! dates, notes, rationales, references, file names, the trade-offs, aspects
//! and checklist of the trustworthiness view, the resolutions of interviews,
//! the assessment's id) is not copied; required texts read "(redacted)".

use std::collections::BTreeMap;

use crate::base::text::is_iso_date_prefix;
use crate::model::assessment::SignOff;
use crate::model::assessment::{
    Assessment, Evidence, FileFingerprint, NotApplicable, Override, PracticeResult, Priorities, StatusChange, StepPlan,
    Target,
};
use crate::model::catalogue::{Catalogue, Practice};
use crate::model::interview::{Answer, Interview, Response};
use crate::model::profile::{Profile, ProfileIndicatorId};
use crate::model::trust::{CharacteristicRating, TrustCatalogue, Trustworthiness};

/// What a redacted copy keeps and leaves out, in one sentence for the pages.
pub const REDACTED_COPY_KEEPS: &str = "The redacted copy keeps the role, priorities, target levels and scopes, \
the indicators met, file fingerprints, the dates of evidence, the statuses, due dates and status history of roadmap \
steps, and the dates and SHA-256 of sign-offs, under a new id; it leaves out every name (organisation, system, \
assessor, interviewees, signers, evidence holders, owners), tags, rationales, notes, evidence references, file \
names, ticket references and the signed content.";

/// Text that stands in for a required free-text field in a redacted copy.
pub const REDACTED: &str = "(redacted)";

/// The name every redacted copy carries.
pub const REDACTED_NAME: &str = "Redacted assessment";

/// The neutral file name of a redacted copy made on `date` (`YYYY-MM-DD`):
/// nothing of the assessment's name or id.
pub fn redacted_file_name(date: &str) -> String {
    let date = if is_iso_date_prefix(date) { &date[..10] } else { "undated" };
    format!("redacted-assessment-{date}.smm.json")
}

/// The copy of `a` for sharing, with the fresh id `new_id` (the caller draws a
/// random one), built from the allow-list in this module's documentation.
pub fn redact(a: &Assessment, catalogue: &Catalogue, trust: &TrustCatalogue, new_id: &str) -> Assessment {
    // Everything starts empty: the name and role are all the metadata shared.
    let mut r = Assessment::new(new_id, REDACTED_NAME, a.metadata.role);
    // Maps are filled by `insert`, not collected: collecting into a map sorts,
    // and each sort is code the bundle that runs this would carry.
    r.priorities = Priorities::default();
    for (id, p) in &a.priorities.domains {
        if catalogue.domain(id).is_some() {
            r.priorities.domains.insert(id.clone(), *p);
        }
    }
    for (id, p) in &a.priorities.subdomains {
        if catalogue.subdomain(id).is_some() {
            r.priorities.subdomains.insert(id.clone(), *p);
        }
    }
    r.profiles = a.profiles.iter().filter(|p| Profile::is_builtin_id(p)).cloned().collect();
    for (id, t) in &a.targets {
        if catalogue.practice(id).is_some() {
            let mut kept = Target::new(t.level, t.scope);
            if t.not_applicable.is_some() {
                kept.not_applicable = Some(NotApplicable { reason: REDACTED.into() });
            }
            r.targets.insert(id.clone(), kept);
        }
    }
    for (id, res) in &a.results {
        let Some(practice) = catalogue.practice(id) else { continue };
        let kept = PracticeResult {
            indicators_met: shareable_indicators(&res.indicators_met, practice, &r.profiles, catalogue),
            scope: res.scope,
            level_override: res
                .level_override
                .as_ref()
                .map(|o| Override { level: o.level, justification: REDACTED.into() }),
            notes: String::new(),
            evidence: res.evidence.iter().filter_map(|e| evidence(e, practice, &r.profiles, catalogue)).collect(),
        };
        r.results.insert(id.clone(), kept);
    }
    for (id, p) in &a.plan {
        let known = id.split_once('@').is_some_and(|(practice, level)| {
            catalogue.practice(practice).is_some() && matches!(level, "1" | "2" | "3" | "4")
        });
        if known {
            let kept = StepPlan {
                due: if date_ok(&p.due) { p.due.clone() } else { String::new() },
                status: p.status,
                history: p
                    .history
                    .iter()
                    .filter(|c| date_ok(&c.on))
                    .map(|c| StatusChange { on: c.on.clone(), status: c.status, note: String::new() })
                    .collect(),
                ..StepPlan::default()
            };
            r.plan.insert(id.clone(), kept);
        }
    }
    r.signoffs = a
        .signoffs
        .iter()
        .filter(|s| is_iso_date_prefix(&s.signed_on) && is_sha256(&s.sha256))
        .map(|s| SignOff { signed_on: s.signed_on.clone(), sha256: s.sha256.clone(), ..SignOff::default() })
        .collect();
    r.trustworthiness = trustworthiness(&a.trustworthiness, trust);
    let names = crate::engine::consensus::interviewees(a);
    r.interviews = a
        .interviews
        .iter()
        .enumerate()
        .map(|(i, iv)| interview(i, iv, &names, catalogue))
        .filter(|iv| !iv.practices.is_empty())
        .collect();
    r
}

/// The indicator ids met that the catalogue defines for `practice`, or that a
/// shipped profile in `profiles` could define (their shape; the reader checks
/// the rest), in the order given, each once.
fn shareable_indicators(
    met: &[String],
    practice: &Practice,
    profiles: &[String],
    catalogue: &Catalogue,
) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for id in met {
        let known = catalogue.indicator(id).is_some_and(|i| i.practice.id == practice.id)
            || ProfileIndicatorId::split(id).is_some_and(|p| {
                profiles.iter().any(|x| x == p.profile)
                    && p.practice == practice.id
                    && p.well_formed()
                    && p.letter.bytes().all(|b| b.is_ascii_lowercase())
            });
        if known && !out.contains(id) {
            out.push(id.clone());
        }
    }
    out
}

/// A date of the form `YYYY-MM-DD` exactly (no time, which could say more than the day).
fn date_ok(d: &str) -> bool {
    d.len() == 10 && is_iso_date_prefix(d)
}

fn is_sha256(h: &str) -> bool {
    h.len() == 64 && h.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
}

/// The shareable part of one evidence entry: its fingerprint's size, hash and
/// date, its dates and the known indicators it supports; `None` when it has no
/// well-formed fingerprint and no date.
fn evidence(e: &Evidence, practice: &Practice, profiles: &[String], catalogue: &Catalogue) -> Option<Evidence> {
    let file = e.file.as_ref().filter(|f| is_sha256(&f.sha256) && date_ok(&f.taken_on)).map(|f| FileFingerprint {
        name: String::new(),
        size: f.size,
        sha256: f.sha256.clone(),
        taken_on: f.taken_on.clone(),
    });
    let date = |d: &String| if date_ok(d) { d.clone() } else { String::new() };
    let (obtained, review_by) = (date(&e.obtained), date(&e.review_by));
    if file.is_none() && obtained.is_empty() && review_by.is_empty() {
        return None;
    }
    Some(Evidence {
        // A reference is required when there is no fingerprint.
        reference: if file.is_some() { String::new() } else { REDACTED.into() },
        file,
        holder: String::new(),
        obtained,
        review_by,
        indicators: shareable_indicators(&e.indicators, practice, profiles, catalogue),
    })
}

fn trustworthiness(t: &Trustworthiness, trust: &TrustCatalogue) -> Trustworthiness {
    let rating = |v: Option<u8>| v.filter(|&v| v <= 4);
    let mut kept = Trustworthiness::default();
    for (id, c) in &t.characteristics {
        if trust.characteristics.iter().any(|k| k.id == *id) {
            let r = CharacteristicRating {
                minimum: rating(c.minimum),
                target: rating(c.target),
                current: rating(c.current),
                ..CharacteristicRating::default()
            };
            kept.characteristics.insert(id.clone(), r);
        }
    }
    kept
}

/// An interview with a neutral id, the known practices asked about, and each
/// response under its pseudonym with the known indicators said met.
fn interview(i: usize, iv: &Interview, names: &[String], catalogue: &Catalogue) -> Interview {
    let practices: Vec<String> = iv.practices.iter().filter(|p| catalogue.practice(p).is_some()).cloned().collect();
    let responses = iv
        .responses
        .iter()
        .map(|resp| {
            let n = names.iter().position(|x| *x == resp.interviewee).map_or(0, |p| p + 1);
            let mut answers = BTreeMap::new();
            for (p, ans) in &resp.answers {
                if let Some(practice) = catalogue.practice(p).filter(|_| practices.contains(p)) {
                    let met = shareable_indicators(&ans.indicators_met, practice, &[], catalogue);
                    answers.insert(p.clone(), Answer { indicators_met: met, notes: String::new() });
                }
            }
            Response { interviewee: format!("Interviewee {n}"), answered_on: String::new(), answers }
        })
        .collect();
    Interview { id: format!("interview-{}", i + 1), created: String::new(), practices, responses }
}
