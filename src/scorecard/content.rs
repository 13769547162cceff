//! What a reviewer fills in: an answer (and comment) per question, comments pinned to moments
//! of the call, and overall feedback to the agent. Drafts and revisions store this as JSON.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::definition::{AnswerType, Question};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct EvaluationContent {
    /// By question key.
    #[serde(default)]
    pub answers: BTreeMap<String, Answer>,
    #[serde(default)]
    pub pins: Vec<Pin>,
    #[serde(default)]
    pub feedback: Feedback,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Answer {
    /// `None` while unanswered (a comment may already be written).
    #[serde(default)]
    pub value: Option<AnswerValue>,
    #[serde(default)]
    pub comment: String,
}

/// An answer's value; which kinds fit a question depends on its [`AnswerType`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", content = "value", rename_all = "camelCase")]
pub enum AnswerValue {
    Yes,
    No,
    Na,
    /// A scale value.
    Scale(u8),
    /// The index of the chosen option.
    Choice(u32),
    Points(f64),
    Text(String),
    /// The indexes of the ticked options.
    Checked(Vec<u32>),
}

/// A comment pinned to a moment of the call, optionally about one question.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Pin {
    pub id: u32,
    #[ts(type = "number")]
    pub at_ms: u64,
    pub text: String,
    #[serde(default)]
    pub question: Option<String>,
}

/// Overall feedback to the agent.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Feedback {
    #[serde(default)]
    pub strengths: String,
    #[serde(default)]
    pub improvements: String,
    #[serde(default)]
    pub notes: String,
}

impl AnswerValue {
    /// Whether this value is a possible answer to `question`; the message says why not.
    pub fn check(&self, question: &Question) -> Result<(), String> {
        let fits = match (&question.answer, self) {
            (answer, AnswerValue::Na) => answer.scores() && question.allow_na,
            (AnswerType::YesNo { .. }, AnswerValue::Yes | AnswerValue::No) => true,
            (AnswerType::Scale { min, max, .. }, AnswerValue::Scale(v)) => (min..=max).contains(&v),
            (AnswerType::Choice { options }, AnswerValue::Choice(i)) => {
                (*i as usize) < options.len()
            }
            (AnswerType::Points { max }, AnswerValue::Points(p)) => {
                p.is_finite() && *p >= 0.0 && p <= max
            }
            (AnswerType::Text, AnswerValue::Text(_)) => true,
            (AnswerType::Checkboxes { options }, AnswerValue::Checked(ticked)) => {
                ticked.iter().all(|i| (*i as usize) < options.len())
            }
            _ => false,
        };
        match fits {
            true => Ok(()),
            false => Err(format!(
                "{} is not an answer to question {:?}",
                self.describe(&question.answer),
                question.text
            )),
        }
    }

    /// The answer as people read it ("Yes", "4 of 5", the option's label).
    pub fn describe(&self, answer: &AnswerType) -> String {
        match (self, answer) {
            (AnswerValue::Yes, _) => "Yes".into(),
            (AnswerValue::No, _) => "No".into(),
            (AnswerValue::Na, _) => "N/A".into(),
            (AnswerValue::Scale(v), AnswerType::Scale { max, .. }) => format!("{v} of {max}"),
            (AnswerValue::Scale(v), _) => v.to_string(),
            (AnswerValue::Choice(i), AnswerType::Choice { options }) => options
                .get(*i as usize)
                .map_or_else(|| format!("option {i}"), |o| o.label.clone()),
            (AnswerValue::Choice(i), _) => format!("option {i}"),
            (AnswerValue::Points(p), _) => format_points(*p),
            (AnswerValue::Text(text), _) => text.clone(),
            (AnswerValue::Checked(ticked), AnswerType::Checkboxes { options }) => ticked
                .iter()
                .map(|i| {
                    options
                        .get(*i as usize)
                        .cloned()
                        .unwrap_or_else(|| format!("option {i}"))
                })
                .collect::<Vec<_>>()
                .join("; "),
            (AnswerValue::Checked(ticked), _) => format!("{ticked:?}"),
        }
    }
}

/// Points as people write them: no trailing ".0", at most two decimals.
pub fn format_points(points: f64) -> String {
    let rounded = (points * 100.0).round() / 100.0;
    if rounded.fract() == 0.0 {
        format!("{rounded:.0}")
    } else {
        format!("{rounded}")
    }
}
