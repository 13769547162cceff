//! Checks of filled-in content against its form: what any save must meet (answers that fit
//! their questions) and what submitting adds (required answers, comments on failed answers).

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::ScorecardError;
use super::content::EvaluationContent;
use super::definition::ScorecardDefinition;
use super::score::Score;

/// Something that stops an evaluation from being submitted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SubmitProblem {
    /// The question at fault, if it is one question.
    pub question: Option<String>,
    pub kind: SubmitProblemKind,
    pub message: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum SubmitProblemKind {
    Unanswered,
    CommentRequired,
}

/// Refuses content that no save may store: answers to questions the form does not have,
/// values that do not fit their question, pins about unknown questions.
pub fn check_values(
    form: &ScorecardDefinition,
    content: &EvaluationContent,
) -> Result<(), ScorecardError> {
    for (key, answer) in &content.answers {
        let Some((_, question)) = form.question(key) else {
            return Err(ScorecardError::Invalid(format!(
                "the form {:?} has no question {key:?}",
                form.name
            )));
        };
        if let Some(value) = &answer.value {
            value.check(question).map_err(ScorecardError::Invalid)?;
        }
    }
    for pin in &content.pins {
        if let Some(key) = &pin.question
            && form.question(key).is_none()
        {
            return Err(ScorecardError::Invalid(format!(
                "comment at {} ms is about question {key:?}, which the form {:?} does not have",
                pin.at_ms, form.name
            )));
        }
    }
    Ok(())
}

/// What stops `content` from being submitted, in form order; empty when it can be.
pub fn submit_problems(
    form: &ScorecardDefinition,
    content: &EvaluationContent,
    score: &Score,
) -> Vec<SubmitProblem> {
    let mut problems = Vec::new();
    for (_, question) in form.questions() {
        let answer = content.answers.get(&question.key);
        let value = answer.and_then(|a| a.value.as_ref());
        let blank_text = matches!(value, Some(super::AnswerValue::Text(t)) if t.trim().is_empty());
        if question.required && (value.is_none() || blank_text) {
            problems.push(SubmitProblem {
                question: Some(question.key.clone()),
                kind: SubmitProblemKind::Unanswered,
                message: format!("{:?} is not answered", question.text),
            });
            continue;
        }
        let failed = score
            .questions
            .iter()
            .any(|q| q.key == question.key && q.failed);
        let commented = answer.is_some_and(|a| !a.comment.trim().is_empty())
            || content
                .pins
                .iter()
                .any(|p| p.question.as_deref() == Some(&question.key) && !p.text.trim().is_empty());
        if failed && question.comment_required_when_failed && !commented {
            problems.push(SubmitProblem {
                question: Some(question.key.clone()),
                kind: SubmitProblemKind::CommentRequired,
                message: format!("{:?} failed and needs a comment", question.text),
            });
        }
    }
    problems
}
