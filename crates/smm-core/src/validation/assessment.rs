//! Every check of an assessment against the catalogue and the format's rules,
//! with JSON paths.

use std::collections::{BTreeSet, HashSet};

use crate::base::error::{Problem, MAX_PROBLEMS};
use crate::base::limits::{MAX_ASSESSMENT_ID_BYTES, MAX_SIGNOFFS, MAX_STEP_HISTORY, MAX_TAGS, MAX_TAG_CHARS};
use crate::base::text::{is_iso_date_prefix, is_kebab_id, name_problem, text_problem};
use crate::model::assessment::{is_assessment_id, Assessment};
use crate::model::catalogue::Catalogue;
use crate::model::interview::{is_id, MAX_INTERVIEWS, MAX_NAME_CHARS, MAX_RESPONSES};
use crate::model::profile::{Profile, ProfileIndicatorId};
use crate::model::trust::{TrustCatalogue, Trustworthiness};

/// Every check against the catalogue and the format's rules, with JSON paths.
pub fn validate(a: &Assessment, catalogue: &Catalogue) -> Vec<Problem> {
    let mut p = Vec::new();
    let mut push = |path: String, message: String| {
        if p.len() < MAX_PROBLEMS {
            p.push(Problem { path, message });
        }
    };
    if !is_assessment_id(&a.id) {
        push(
            "id".into(),
            format!(
                "the id must be 1 to {MAX_ASSESSMENT_ID_BYTES} letters, digits, dots, colons, hyphens or underscores"
            ),
        );
    }
    let mut text = |path: String, value: &str| {
        if let Some(m) = text_problem(value) {
            push(path, m);
        }
    };
    for (field, value) in [
        ("name", &a.metadata.name),
        ("organisation", &a.metadata.organisation),
        ("system", &a.metadata.system),
        ("assessor", &a.metadata.assessor),
    ] {
        text(format!("metadata.{field}"), value);
    }
    for (id, t) in &a.targets {
        text(format!("targets.{id}.rationale"), &t.rationale);
        if let Some(n) = &t.not_applicable {
            text(format!("targets.{id}.not_applicable.reason"), &n.reason);
        }
    }
    for (id, r) in &a.results {
        text(format!("results.{id}.notes"), &r.notes);
        for (i, e) in r.evidence.iter().enumerate() {
            text(format!("results.{id}.evidence[{i}].reference"), &e.reference);
            if let Some(f) = &e.file {
                text(format!("results.{id}.evidence[{i}].file.name"), &f.name);
            }
        }
        if let Some(o) = &r.level_override {
            text(format!("results.{id}.override.justification"), &o.justification);
        }
    }
    for (step, plan) in &a.plan {
        text(format!("plan.{step}.owner"), &plan.owner);
        text(format!("plan.{step}.reference"), &plan.reference);
        for (i, c) in plan.history.iter().enumerate() {
            text(format!("plan.{step}.history[{i}].note"), &c.note);
        }
    }
    for (id, r) in &a.results {
        for (i, e) in r.evidence.iter().enumerate() {
            text(format!("results.{id}.evidence[{i}].holder"), &e.holder);
        }
    }
    for (i, s) in a.signoffs.iter().enumerate() {
        for (field, value) in [("name", &s.name), ("role", &s.role), ("statement", &s.statement), ("scope", &s.scope)] {
            text(format!("signoffs[{i}].{field}"), value);
        }
    }
    if a.metadata.name.trim().is_empty() {
        push("metadata.name".into(), "the assessment needs a name".into());
    }
    for (field, value) in
        [("created", &a.metadata.created), ("updated", &a.metadata.updated), ("assessed_on", &a.metadata.assessed_on)]
    {
        if !value.is_empty() && !is_iso_date_prefix(value) {
            push(format!("metadata.{field}"), format!("`{value}` is not a date of the form YYYY-MM-DD"));
        }
    }
    for id in a.priorities.domains.keys() {
        if catalogue.domain(id).is_none() {
            push(format!("priorities.domains.{id}"), format!("unknown domain id `{id}`"));
        }
    }
    for id in a.priorities.subdomains.keys() {
        if catalogue.subdomain(id).is_none() {
            push(format!("priorities.subdomains.{id}"), format!("unknown subdomain id `{id}`"));
        }
    }
    for (id, t) in &a.targets {
        if catalogue.practice(id).is_none() {
            push(format!("targets.{id}"), format!("unknown practice id `{id}`"));
        }
        if t.not_applicable.as_ref().is_some_and(|n| n.reason.trim().is_empty()) {
            push(
                format!("targets.{id}.not_applicable.reason"),
                "a practice marked not applicable needs a reason".into(),
            );
        }
    }
    for (id, r) in &a.results {
        let Some(practice) = catalogue.practice(id) else {
            push(format!("results.{id}"), format!("unknown practice id `{id}`"));
            continue;
        };
        let mut seen = HashSet::new();
        for (i, ind) in r.indicators_met.iter().enumerate() {
            let at = format!("results.{id}.indicators_met[{i}]");
            if let Some(problem) = profile_indicator_problem(a, id, ind) {
                if !problem.is_empty() {
                    push(at, problem);
                }
                if !seen.insert(ind.as_str()) {
                    push(format!("results.{id}.indicators_met[{i}]"), format!("indicator `{ind}` is listed twice"));
                }
                continue;
            }
            match catalogue.indicator(ind) {
                Some(found) if found.practice.id == practice.id => {}
                Some(found) => {
                    push(at, format!("indicator `{ind}` belongs to practice `{}`, not `{id}`", found.practice.id))
                }
                None => push(at, format!("unknown indicator id `{ind}`")),
            }
            if !seen.insert(ind.as_str()) {
                push(format!("results.{id}.indicators_met[{i}]"), format!("indicator `{ind}` is listed twice"));
            }
        }
        if r.level_override.as_ref().is_some_and(|o| o.justification.trim().is_empty()) {
            push(
                format!("results.{id}.override.justification"),
                "an override of the derived level needs a written justification".into(),
            );
        }
    }
    validate_trust(&a.trustworthiness, &mut push);
    validate_interviews(a, catalogue, &mut push);
    for (id, r) in &a.results {
        for (i, e) in r.evidence.iter().enumerate() {
            let at = format!("results.{id}.evidence[{i}]");
            if e.reference.trim().is_empty() && e.file.is_none() {
                push(at.clone(), "an evidence entry needs a reference or a file fingerprint".into());
            }
            if let Some(f) = &e.file {
                if f.sha256.len() != 64 || !f.sha256.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f')) {
                    push(
                        format!("{at}.file.sha256"),
                        "a SHA-256 fingerprint is 64 lowercase hexadecimal digits".into(),
                    );
                }
                if !is_iso_date_prefix(&f.taken_on) {
                    push(
                        format!("{at}.file.taken_on"),
                        format!("`{}` is not a date of the form YYYY-MM-DD", f.taken_on),
                    );
                }
            }
        }
    }
    validate_v6(a, catalogue, &mut push);
    for (i, id) in a.profiles.iter().enumerate() {
        if !is_kebab_id(id) {
            push(format!("profiles[{i}]"), format!("`{id}` is not a profile id"));
        }
    }
    for (step, plan) in &a.plan {
        let known = step.split_once('@').is_some_and(|(practice, level)| {
            catalogue.practice(practice).is_some() && matches!(level, "1" | "2" | "3" | "4")
        });
        if !known {
            push(format!("plan.{step}"), format!("`{step}` is not a roadmap step id (`<practice-id>@<level 1-4>`)"));
        }
        if !plan.due.is_empty() && !is_iso_date_prefix(&plan.due) {
            push(format!("plan.{step}.due"), format!("`{}` is not a date of the form YYYY-MM-DD", plan.due));
        }
    }
    p
}

/// The checks of what version 6 added: evidence dates and the indicators it
/// names, the status histories of roadmap steps, sign-offs and tags.
fn validate_v6(a: &Assessment, catalogue: &Catalogue, push: &mut impl FnMut(String, String)) {
    let date = |push: &mut dyn FnMut(String, String), at: String, v: &str, required: bool| {
        if (required || !v.is_empty()) && !is_iso_date_prefix(v) {
            push(at, format!("`{v}` is not a date of the form YYYY-MM-DD"));
        }
    };
    let hex = |v: &str| v.len() == 64 && v.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'));
    if a.metadata.tags.len() > MAX_TAGS {
        push("metadata.tags".into(), format!("at most {MAX_TAGS} tags are kept"));
    }
    // Past the limit only the first ones are looked at: the check for repeats is quadratic.
    for (i, tag) in a.metadata.tags.iter().enumerate().take(MAX_TAGS) {
        if let Some(m) = name_problem(tag, MAX_TAG_CHARS) {
            push(format!("metadata.tags[{i}]"), m);
        } else if a.metadata.tags[..i].contains(tag) {
            push(format!("metadata.tags[{i}]"), format!("tag `{tag}` is listed twice"));
        }
    }
    for (id, r) in &a.results {
        for (i, e) in r.evidence.iter().enumerate() {
            let at = format!("results.{id}.evidence[{i}]");
            date(push, format!("{at}.obtained"), &e.obtained, false);
            date(push, format!("{at}.review_by"), &e.review_by, false);
            for (j, ind) in e.indicators.iter().enumerate() {
                let own = catalogue.indicator(ind).is_some_and(|f| f.practice.id == *id)
                    || ProfileIndicatorId::split(ind).is_some_and(|p| p.practice == id && p.well_formed());
                if !own {
                    push(format!("{at}.indicators[{j}]"), format!("`{ind}` is not an indicator of practice `{id}`"));
                }
            }
        }
    }
    for (step, plan) in &a.plan {
        if plan.history.len() > MAX_STEP_HISTORY {
            push(format!("plan.{step}.history"), format!("at most {MAX_STEP_HISTORY} status changes are kept"));
        }
        for (i, c) in plan.history.iter().enumerate() {
            date(push, format!("plan.{step}.history[{i}].on"), &c.on, true);
        }
    }
    if a.signoffs.len() > MAX_SIGNOFFS {
        push("signoffs".into(), format!("at most {MAX_SIGNOFFS} sign-offs are kept"));
    }
    for (i, s) in a.signoffs.iter().enumerate() {
        // Empty in a redacted copy; otherwise a name that cannot disguise itself.
        for (field, value) in [("name", &s.name), ("role", &s.role)] {
            if let Some(m) = (!value.is_empty()).then(|| name_problem(value, MAX_NAME_CHARS)).flatten() {
                push(format!("signoffs[{i}].{field}"), m);
            }
        }
        date(push, format!("signoffs[{i}].signed_on"), &s.signed_on, true);
        if !hex(&s.sha256) {
            push(format!("signoffs[{i}].sha256"), "a SHA-256 digest is 64 lowercase hexadecimal digits".into());
        }
        if s.content.is_some() && i + 1 != a.signoffs.len() {
            push(
                format!("signoffs[{i}].content"),
                "only the newest sign-off keeps the signed content; an earlier one keeps its hash".into(),
            );
        }
    }
}

/// Checks the trustworthiness part: known ids, ratings 0-4, trade-offs that
/// name at least two characteristics, and the usual text limits.
fn validate_trust(t: &Trustworthiness, push: &mut impl FnMut(String, String)) {
    // Nothing to check (and the trustworthiness catalogue is not even parsed).
    if t.is_empty() {
        return;
    }
    let cat = TrustCatalogue::builtin();
    let known = |id: &str| cat.characteristics.iter().any(|c| c.id == id);
    for (id, r) in &t.characteristics {
        let at = format!("trustworthiness.characteristics.{id}");
        if !known(id) {
            push(at.clone(), format!("unknown characteristic `{id}`"));
        }
        for (field, v) in [("minimum", r.minimum), ("target", r.target), ("current", r.current)] {
            if v.is_some_and(|v| v > 4) {
                push(
                    format!("{at}.{field}"),
                    format!("rating {} is out of range: ratings run from 0 to 4", v.unwrap_or(0)),
                );
            }
        }
        for (field, v) in [
            ("minimum_rationale", &r.minimum_rationale),
            ("target_rationale", &r.target_rationale),
            ("current_rationale", &r.current_rationale),
        ] {
            if let Some(m) = text_problem(v) {
                push(format!("{at}.{field}"), m);
            }
        }
    }
    for (i, tr) in t.tradeoffs.iter().enumerate() {
        let at = format!("trustworthiness.tradeoffs[{i}]");
        if tr.description.trim().is_empty() {
            push(format!("{at}.description"), "a trade-off needs a description".into());
        } else if let Some(m) = text_problem(&tr.description) {
            push(format!("{at}.description"), m);
        }
        let distinct: HashSet<&String> = tr.affects.iter().collect();
        if distinct.len() < 2 {
            push(format!("{at}.affects"), "a trade-off names at least two characteristics".into());
        }
        for (j, c) in tr.affects.iter().enumerate() {
            if !known(c) {
                push(format!("{at}.affects[{j}]"), format!("unknown characteristic `{c}`"));
            }
        }
    }
    for (id, notes) in &t.aspects {
        if !cat.aspects.iter().any(|a| a.id == *id) {
            push(format!("trustworthiness.aspects.{id}"), format!("unknown aspect `{id}`"));
        } else if let Some(m) = text_problem(notes) {
            push(format!("trustworthiness.aspects.{id}"), m);
        }
    }
    for (id, answer) in &t.checklist {
        if cat.item(id).is_none() {
            push(format!("trustworthiness.checklist.{id}"), format!("unknown checklist item `{id}`"));
        } else if let Some(m) = text_problem(&answer.notes) {
            push(format!("trustworthiness.checklist.{id}.notes"), m);
        }
    }
}

/// Checks the interviews and resolutions of an assessment (ids, practices,
/// indicators, names, text limits), with JSON paths.
fn validate_interviews(a: &Assessment, catalogue: &Catalogue, push: &mut impl FnMut(String, String)) {
    if a.interviews.len() > MAX_INTERVIEWS {
        push("interviews".into(), format!("at most {MAX_INTERVIEWS} interviews are kept"));
    }
    let mut ids = BTreeSet::new();
    for (i, iv) in a.interviews.iter().enumerate() {
        let at = format!("interviews[{i}]");
        if !is_id(&iv.id) {
            push(format!("{at}.id"), format!("`{}` is not an interview id", iv.id));
        } else if !ids.insert(iv.id.as_str()) {
            push(format!("{at}.id"), format!("the interview id `{}` is used twice", iv.id));
        }
        if iv.practices.is_empty() {
            push(format!("{at}.practices"), "the interview asks about no practice".into());
        }
        for (j, p) in iv.practices.iter().enumerate() {
            if catalogue.practice(p).is_none() {
                push(format!("{at}.practices[{j}]"), format!("unknown practice id `{p}`"));
            }
        }
        if iv.responses.len() > MAX_RESPONSES {
            push(format!("{at}.responses"), format!("at most {MAX_RESPONSES} answers are kept per interview"));
        }
        let mut names = BTreeSet::new();
        for (k, r) in iv.responses.iter().enumerate() {
            let rat = format!("{at}.responses[{k}]");
            if !r.answered_on.is_empty() && !is_iso_date_prefix(&r.answered_on) {
                push(format!("{rat}.answered_on"), format!("`{}` is not a date of the form YYYY-MM-DD", r.answered_on));
            }
            if let Some(m) = name_problem(&r.interviewee, MAX_NAME_CHARS) {
                push(format!("{rat}.interviewee"), m);
            } else if !names.insert(r.interviewee.as_str()) {
                push(format!("{rat}.interviewee"), format!("`{}` answered twice", r.interviewee));
            }
            for (p, ans) in &r.answers {
                if !iv.practices.contains(p) {
                    push(format!("{rat}.answers.{p}"), format!("practice `{p}` is not in this interview"));
                    continue;
                }
                if let Some(m) = text_problem(&ans.notes) {
                    push(format!("{rat}.answers.{p}.notes"), m);
                }
                for (n, ind) in ans.indicators_met.iter().enumerate() {
                    if catalogue.indicator(ind).is_none_or(|r| r.practice.id != *p) {
                        push(
                            format!("{rat}.answers.{p}.indicators_met[{n}]"),
                            format!("`{ind}` is not an indicator of practice `{p}`"),
                        );
                    }
                }
            }
        }
    }
    for (p, res) in &a.consensus {
        if catalogue.practice(p).is_none() {
            push(format!("consensus.{p}"), format!("unknown practice id `{p}`"));
        }
        if let Some(m) = text_problem(&res.note) {
            push(format!("consensus.{p}.note"), m);
        }
        if !res.resolved_on.is_empty() && !is_iso_date_prefix(&res.resolved_on) {
            push(
                format!("consensus.{p}.resolved_on"),
                format!("`{}` is not a date of the form YYYY-MM-DD", res.resolved_on),
            );
        }
    }
}

/// The profile indicators of `a` that `profiles` (shipped profiles fetched by
/// the app) do not define, with paths: the check [`validate`] makes against the
/// embedded profiles, for a build that fetches them instead.
pub fn unknown_profile_indicators(a: &Assessment, profiles: &[Profile]) -> Vec<Problem> {
    let mut out = Vec::new();
    for (id, r) in &a.results {
        for (i, ind) in r.indicators_met.iter().enumerate() {
            let Some(profile) = ProfileIndicatorId::split(ind).map(|p| p.profile) else { continue };
            let Some(pr) = profiles.iter().find(|p| p.id == profile) else { continue };
            if !pr.entries.iter().any(|e| e.indicators.iter().any(|x| x.id == *ind)) {
                out.push(Problem {
                    path: format!("results.{id}.indicators_met[{i}]"),
                    message: format!("unknown indicator id `{ind}` in profile `{profile}`"),
                });
            }
        }
    }
    out.truncate(MAX_PROBLEMS);
    out
}

/// `None` when `ind` is not a profile indicator id (five dot-separated parts);
/// otherwise `Some("")` when it is fine, or `Some(problem)`. A profile indicator
/// must belong to a profile the assessment uses and to the practice it is
/// recorded under; for a shipped profile it must exist in it (a profile loaded
/// by the user is checked where it is loaded).
fn profile_indicator_problem(a: &Assessment, practice: &str, ind: &str) -> Option<String> {
    let id = ProfileIndicatorId::split(ind)?;
    let (profile, p) = (id.profile, id.practice);
    Some(if !a.profiles.iter().any(|x| x == profile) {
        format!("indicator `{ind}` is from profile `{profile}`, which this assessment does not use")
    } else if p != practice {
        format!("indicator `{ind}` belongs to practice `{p}`, not `{practice}`")
    } else if !id.well_formed() {
        format!("`{ind}` is not a profile indicator id (`<profile>.<practice>.<level>.<scope>.<letter>`)")
    } else if Profile::builtin(profile)
        .is_some_and(|pr| !pr.entries.iter().any(|e| e.indicators.iter().any(|i| i.id == ind)))
    {
        format!("unknown indicator id `{ind}` in profile `{profile}`")
    } else {
        String::new()
    })
}
