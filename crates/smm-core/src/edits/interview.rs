//! Changes an interview makes to an assessment: a new interview, answers
//! taken in, a practice resolved.

use std::collections::{BTreeMap, BTreeSet};

use crate::base::error::DocumentError;
use crate::base::text::text_problem;
use crate::engine::consensus::consensus;
use crate::model::assessment::Assessment;
use crate::model::catalogue::Catalogue;
use crate::model::interview::*;

/// Makes an interview about `practices` (unknown ids are an error), records it
/// in the assessment and returns the file to send.
pub fn make_interview(
    assessment: &mut Assessment,
    catalogue: &Catalogue,
    id: &str,
    practices: &[String],
    today: &str,
) -> Result<InterviewFile, String> {
    if !is_id(id) {
        return Err(format!("`{id}` cannot be an interview id (1 to 64 letters, digits, dots, dashes)"));
    }
    if assessment.interviews.iter().any(|i| i.id == id) {
        return Err(format!("this assessment already has an interview `{id}`"));
    }
    if assessment.interviews.len() >= MAX_INTERVIEWS {
        return Err(format!("an assessment keeps at most {MAX_INTERVIEWS} interviews"));
    }
    let wanted: BTreeSet<&str> = practices.iter().map(String::as_str).collect();
    if let Some(unknown) = wanted.iter().find(|p| catalogue.practice(p).is_none()) {
        return Err(format!("unknown practice id `{unknown}`"));
    }
    let ordered: Vec<String> =
        catalogue.practices.iter().filter(|p| wanted.contains(p.id.as_str())).map(|p| p.id.clone()).collect();
    if ordered.is_empty() {
        return Err("choose at least one practice to ask about".into());
    }
    assessment.interviews.push(Interview {
        id: id.to_string(),
        created: today.to_string(),
        practices: ordered.clone(),
        responses: Vec::new(),
    });
    Ok(InterviewFile {
        format: INTERVIEW_FORMAT.into(),
        version: INTERVIEW_VERSION,
        id: id.to_string(),
        assessment_id: assessment.id.clone(),
        title: assessment.metadata.name.clone(),
        created: today.to_string(),
        practices: ordered,
        role: Some(assessment.metadata.role),
    })
}

/// What [`take_answers`] did with an answers file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Taken {
    /// The interview the answers went into.
    pub interview_id: String,
    /// The interviewee.
    pub interviewee: String,
    /// How many practices' answers were kept.
    pub practices: usize,
    /// One line per thing left out, naming it.
    pub left_out: Vec<String>,
    /// True when these answers replaced earlier ones of the same interviewee.
    pub replaced: bool,
}

/// The interview file of an interview the assessment already keeps (to send it again).
pub fn interview_file(assessment: &Assessment, interview: &Interview) -> InterviewFile {
    InterviewFile {
        format: INTERVIEW_FORMAT.into(),
        version: INTERVIEW_VERSION,
        id: interview.id.clone(),
        assessment_id: assessment.id.clone(),
        title: assessment.metadata.name.clone(),
        created: interview.created.clone(),
        practices: interview.practices.clone(),
        role: Some(assessment.metadata.role),
    }
}

/// Takes an answers file into the assessment: refused when it is for another
/// assessment or an interview the assessment does not have; practices not in
/// the interview and indicator ids the practice does not have are left out and
/// listed. The same interviewee answering again replaces their earlier answers.
pub fn take_answers(
    assessment: &mut Assessment,
    catalogue: &Catalogue,
    file: AnswersFile,
) -> Result<Taken, DocumentError> {
    if file.assessment_id != assessment.id {
        return Err(DocumentError::one(
            "assessment_id",
            format!(
                "these answers are for another assessment (`{}`), not “{}” (`{}`)",
                file.assessment_id, assessment.metadata.name, assessment.id
            ),
        ));
    }
    let Some(interview) = assessment.interviews.iter_mut().find(|i| i.id == file.interview_id) else {
        return Err(DocumentError::one(
            "interview_id",
            format!("this assessment has no interview `{}`", file.interview_id),
        ));
    };
    let mut left_out = Vec::new();
    let mut answers = BTreeMap::new();
    for (practice_id, answer) in file.answers {
        if !interview.practices.contains(&practice_id) {
            left_out.push(format!("answers.{practice_id}: practice `{practice_id}` is not in this interview"));
            continue;
        }
        let Some(practice) = catalogue.practice(&practice_id) else { continue };
        let mut kept = Vec::new();
        for (i, ind) in answer.indicators_met.iter().enumerate() {
            let ok = practice.levels.iter().any(|l| l.indicators.iter().any(|x| x.id == *ind));
            if !ok {
                left_out.push(format!(
                    "answers.{practice_id}.indicators_met[{i}]: `{ind}` is not an indicator of this practice"
                ));
            } else if !kept.contains(ind) {
                kept.push(ind.clone());
            }
        }
        answers.insert(practice_id, Answer { indicators_met: kept, notes: answer.notes });
    }
    let name = file.interviewee.trim().to_string();
    let response = Response { interviewee: name.clone(), answered_on: file.answered_on, answers };
    let practices = response.answers.len();
    let replaced = if let Some(slot) = interview.responses.iter_mut().find(|r| r.interviewee == name) {
        *slot = response;
        true
    } else {
        if interview.responses.len() >= MAX_RESPONSES {
            return Err(DocumentError::one("", format!("an interview keeps at most {MAX_RESPONSES} answers")));
        }
        interview.responses.push(response);
        false
    };
    Ok(Taken { interview_id: interview.id.clone(), interviewee: name, practices, left_out, replaced })
}

/// Resolves a practice: sets the result's indicators met to `indicators_met`
/// (catalogue indicators of the practice only; profile indicators already in
/// the result stay), and keeps the note. A practice whose answers disagree
/// needs a note.
pub fn resolve(
    assessment: &mut Assessment,
    catalogue: &Catalogue,
    practice_id: &str,
    indicators_met: &[String],
    note: &str,
    today: &str,
) -> Result<(), String> {
    let Some(practice) = catalogue.practice(practice_id) else {
        return Err(format!("unknown practice id `{practice_id}`"));
    };
    let Some(c) = consensus(catalogue, assessment).into_iter().find(|c| c.practice == practice_id) else {
        return Err(format!("no interviewee has answered about {}", practice.name));
    };
    if c.disagreement() && note.trim().is_empty() {
        return Err(format!(
            "the answers about {} disagree: say in a short note why the result is what it is",
            practice.name
        ));
    }
    if let Some(m) = text_problem(note) {
        return Err(m);
    }
    let own: Vec<&str> = practice.levels.iter().flat_map(|l| l.indicators.iter().map(|i| i.id.as_str())).collect();
    if let Some(bad) = indicators_met.iter().find(|i| !own.contains(&i.as_str())) {
        return Err(format!("`{bad}` is not an indicator of {}", practice.name));
    }
    let result = assessment.results.entry(practice_id.to_string()).or_default();
    result.indicators_met.retain(|i| !own.contains(&i.as_str()));
    for id in own.iter().filter(|id| indicators_met.iter().any(|x| x == *id)) {
        result.indicators_met.push((*id).to_string());
    }
    crate::edits::results::order_met(&mut result.indicators_met, practice);
    assessment.consensus.insert(
        practice_id.to_string(),
        Resolution {
            note: note.trim().to_string(),
            resolved_on: today.to_string(),
            answers: c.opinions.len() as u32,
            disagreed: c.disagreement(),
        },
    );
    Ok(())
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::*;
    use crate::engine::consensus::consensus;
    use crate::model::assessment::Role;
    use crate::model::catalogue::Catalogue;

    fn answers(a: &Assessment, iv: &str, who: &str, practice: &str, met: &[&str]) -> AnswersFile {
        AnswersFile {
            format: ANSWERS_FORMAT.into(),
            version: 1,
            interview_id: iv.into(),
            assessment_id: a.id.clone(),
            title: a.metadata.name.clone(),
            interviewee: who.into(),
            answered_on: "2026-12-01".into(),
            answers: BTreeMap::from([(
                practice.to_string(),
                Answer { indicators_met: met.iter().map(|s| s.to_string()).collect(), notes: String::new() },
            )]),
        }
    }

    #[test]
    fn two_interviewees_who_disagree_show_a_spread_and_need_a_note() {
        let cat = Catalogue::builtin();
        let p = &cat.practices[0];
        let l1: Vec<&str> = p.levels[0].indicators.iter().map(|i| i.id.as_str()).collect();
        let mut a = Assessment::new("a1", "Plant", Role::AssetOwner);
        make_interview(&mut a, cat, "iv1", std::slice::from_ref(&p.id), "2026-12-01").unwrap();
        let f0 = answers(&a, "iv1", "Ana", &p.id, &l1);
        take_answers(&mut a, cat, f0).unwrap();
        let f0 = answers(&a, "iv1", "Ben", &p.id, &[]);
        take_answers(&mut a, cat, f0).unwrap();
        let c = consensus(cat, &a);
        assert_eq!(c.len(), 1);
        assert_eq!(c[0].opinions.iter().map(|o| o.level.get()).collect::<Vec<_>>(), vec![1, 0]);
        assert_eq!(c[0].spread, 1);
        assert!(c[0].disagreement());
        assert!(c[0].majority().is_empty(), "one of two is not a majority");
        let e = resolve(&mut a, cat, &p.id, &[], "", "2026-12-02").unwrap_err();
        assert!(e.contains("note"), "{e}");
        let met: Vec<String> = l1.iter().map(|s| s.to_string()).collect();
        resolve(&mut a, cat, &p.id, &met, "Ana showed the records", "2026-12-02").unwrap();
        assert_eq!(a.results[&p.id].indicators_met, met);
        assert!(a.consensus[&p.id].disagreed);
        assert!(consensus(cat, &a)[0].indicators[0].in_result);
    }

    #[test]
    fn answers_for_another_assessment_or_interview_are_refused_and_strays_are_listed() {
        let cat = Catalogue::builtin();
        let p = &cat.practices[0];
        let other = &cat.practices[1];
        let mut a = Assessment::new("a1", "Plant", Role::AssetOwner);
        make_interview(&mut a, cat, "iv1", std::slice::from_ref(&p.id), "2026-12-01").unwrap();
        let mut f = answers(&a, "iv1", "Ana", &p.id, &[p.levels[0].indicators[0].id.as_str(), "no-such"]);
        f.answers.insert(other.id.clone(), Answer::default());
        let mut wrong = f.clone();
        wrong.assessment_id = "elsewhere".into();
        assert_eq!(take_answers(&mut a, cat, wrong).unwrap_err().problems[0].path, "assessment_id");
        let mut unknown = f.clone();
        unknown.interview_id = "iv9".into();
        assert_eq!(take_answers(&mut a, cat, unknown).unwrap_err().problems[0].path, "interview_id");
        let before = a.clone();
        let t = take_answers(&mut a, cat, f.clone()).unwrap();
        assert_eq!(t.left_out.len(), 2, "{:?}", t.left_out);
        assert!(t.left_out.iter().any(|l| l.contains("no-such")));
        assert!(t.left_out.iter().any(|l| l.contains(&other.id)));
        assert_ne!(a, before);
        let again = take_answers(&mut a, cat, f).unwrap();
        assert!(again.replaced);
        assert_eq!(a.interviews[0].responses.len(), 1);
    }
}
