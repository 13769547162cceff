//! The score, by one formula everyone can check:
//!
//! ```text
//! score = Σ earned(q) × weight(q) / Σ possible(q) × weight(q)   over answered, non-N/A questions
//! weight(q) = section weight × question weight
//! ```
//!
//! N/A answers are left out of both sums unless the form counts them as earned. A failed
//! section auto-fail question makes its section earn 0 (its possible points stay); a failed
//! critical question makes the evaluation's score 0 and marks it Failed, with the computed
//! score kept beside it. Unanswered questions are left out, so the live score while scoring is
//! the score of what has been answered so far.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::content::{AnswerValue, EvaluationContent};
use super::definition::{AnswerType, FailEffect, NaScoring, Question, ScorecardDefinition};

/// How one question scored.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct QuestionScore {
    pub key: String,
    /// Unweighted points earned (after a section auto-fail: still the answer's own points).
    pub earned: f64,
    pub possible: f64,
    /// Section weight × question weight.
    pub weight: f64,
    pub na: bool,
    pub failed: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SectionScore {
    pub key: String,
    /// Weighted sums of the section's answered, scoring questions.
    pub earned: f64,
    pub possible: f64,
    pub percent: Option<f64>,
    /// A section auto-fail question failed: the section earns 0.
    pub auto_failed: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Score {
    /// Weighted sums over every section.
    pub earned: f64,
    pub possible: f64,
    /// `earned / possible` in percent; `None` until a scoring question is answered.
    pub computed: Option<f64>,
    /// The score shown: 0 when a critical question failed, else `computed`.
    pub score: Option<f64>,
    pub critical_failed: bool,
    /// Against the form's pass mark, when it has one (a critical fail never passes).
    pub passed: Option<bool>,
    pub sections: Vec<SectionScore>,
    pub questions: Vec<QuestionScore>,
    /// Scoring questions answered (N/A included) and in all.
    pub answered: u32,
    pub scoring_questions: u32,
}

/// Points earned by `value` on `question`; `None` for N/A or kinds that do not score.
fn earned(question: &Question, value: &AnswerValue) -> Option<f64> {
    match (&question.answer, value) {
        (AnswerType::YesNo { points }, AnswerValue::Yes) => Some(*points),
        (AnswerType::YesNo { .. }, AnswerValue::No) => Some(0.0),
        (AnswerType::Scale { max, points, .. }, AnswerValue::Scale(v)) => {
            Some(points * f64::from(*v) / f64::from(*max))
        }
        (AnswerType::Choice { options }, AnswerValue::Choice(i)) => {
            options.get(*i as usize).map(|o| o.points)
        }
        (AnswerType::Points { max }, AnswerValue::Points(p)) => Some(p.clamp(0.0, *max)),
        _ => None,
    }
}

/// Scores `content` on `form`. Values that do not fit their question (which saving refuses)
/// count as unanswered.
pub fn score(form: &ScorecardDefinition, content: &EvaluationContent) -> Score {
    let mut total_earned = 0.0;
    let mut total_possible = 0.0;
    let mut critical_failed = false;
    let mut answered = 0;
    let mut scoring_questions = 0;
    let mut sections = Vec::with_capacity(form.sections.len());
    let mut questions = Vec::new();
    for section in &form.sections {
        let (mut earned_sum, mut possible_sum, mut auto_failed) = (0.0, 0.0, false);
        for question in &section.questions {
            let Some(possible) = question.answer.possible() else {
                continue;
            };
            scoring_questions += 1;
            let Some(value) = content
                .answers
                .get(&question.key)
                .and_then(|a| a.value.as_ref())
            else {
                continue;
            };
            if value.check(question).is_err() {
                continue;
            }
            answered += 1;
            let weight = section.weight * question.weight;
            let (points, na) = match (value, form.na_scoring) {
                (AnswerValue::Na, NaScoring::Exclude) => (None, true),
                (AnswerValue::Na, NaScoring::CountAsEarned) => (Some(possible), true),
                (value, _) => (earned(question, value), false),
            };
            let failed =
                !na && points.is_some_and(|p| p < question.pass_points().unwrap_or(possible));
            if let Some(points) = points {
                earned_sum += points * weight;
                possible_sum += possible * weight;
            }
            if failed {
                match question.fail_effect {
                    FailEffect::None => {}
                    FailEffect::Section => auto_failed = true,
                    FailEffect::Critical => critical_failed = true,
                }
            }
            questions.push(QuestionScore {
                key: question.key.clone(),
                earned: points.unwrap_or(0.0),
                possible: if points.is_some() { possible } else { 0.0 },
                weight,
                na,
                failed,
            });
        }
        if auto_failed {
            earned_sum = 0.0;
        }
        total_earned += earned_sum;
        total_possible += possible_sum;
        sections.push(SectionScore {
            key: section.key.clone(),
            earned: earned_sum,
            possible: possible_sum,
            percent: percent(earned_sum, possible_sum),
            auto_failed,
        });
    }
    let computed = percent(total_earned, total_possible);
    let score = computed.map(|c| if critical_failed { 0.0 } else { c });
    let passed = form
        .pass_mark
        .zip(score)
        .map(|(mark, score)| !critical_failed && score >= mark);
    Score {
        earned: total_earned,
        possible: total_possible,
        computed,
        score,
        critical_failed,
        passed,
        sections,
        questions,
        answered,
        scoring_questions,
    }
}

fn percent(earned: f64, possible: f64) -> Option<f64> {
    (possible > 0.0).then(|| earned / possible * 100.0)
}
