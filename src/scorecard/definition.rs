//! What a scorecard is: weighted sections of questions, each with an answer type, points, a
//! weight and what failing it means. A definition is plain data (stored as JSON per version);
//! [`ScorecardDefinition::validate`] is the one place that says what a usable form is.

use std::collections::HashSet;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::ScorecardError;

/// A scorecard form: its sections and questions and the rules scoring them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ScorecardDefinition {
    pub name: String,
    #[serde(default)]
    pub description: String,
    /// How an N/A answer counts.
    #[serde(default)]
    pub na_scoring: NaScoring,
    /// A score (percent) at or above which an evaluation passes, if the form has one.
    #[serde(default)]
    pub pass_mark: Option<f64>,
    pub sections: Vec<Section>,
}

/// How N/A answers enter the score.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum NaScoring {
    /// Left out of both points earned and points possible (the default).
    #[default]
    Exclude,
    /// Counted as full points earned (some programmes want this; it is never implicit).
    CountAsEarned,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Section {
    /// Stable across versions, so reports line a section up across them (made from the
    /// title when a file leaves it out).
    #[serde(default)]
    pub key: String,
    pub title: String,
    #[serde(default)]
    pub description: String,
    /// Multiplies the points of every question in the section.
    pub weight: f64,
    pub questions: Vec<Question>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Question {
    /// Stable across versions, so reports line a question up across them (made from the
    /// text when a file leaves it out).
    #[serde(default)]
    pub key: String,
    pub text: String,
    /// One line shown under the question.
    #[serde(default)]
    pub help: String,
    /// How to score it, shown on request.
    #[serde(default)]
    pub guidelines: String,
    pub answer: AnswerType,
    /// Multiplies the question's points, on top of the section's weight.
    #[serde(default = "one")]
    pub weight: f64,
    /// May be answered N/A.
    #[serde(default)]
    pub allow_na: bool,
    /// Must be answered before submitting.
    #[serde(default = "yes")]
    pub required: bool,
    /// A failed answer needs a comment before submitting.
    #[serde(default)]
    pub comment_required_when_failed: bool,
    /// What failing this question does beyond its own points.
    #[serde(default)]
    pub fail_effect: FailEffect,
    /// Points below which an answer fails; by default anything short of full points fails.
    #[serde(default)]
    pub pass_points: Option<f64>,
}

fn one() -> f64 {
    1.0
}

fn yes() -> bool {
    true
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum FailEffect {
    #[default]
    None,
    /// The question's section scores 0 (its possible points stay).
    Section,
    /// Critical: the whole evaluation scores 0 and shows as Failed; the computed score is
    /// kept beside it for reports.
    Critical,
}

/// The kinds of answer. Scoring kinds have points; text and checkboxes do not score.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(tag = "type", rename_all = "camelCase")]
pub enum AnswerType {
    /// Yes earns the points, No earns none (with `allowNa`: yes/no/N/A).
    YesNo { points: f64 },
    /// A value from `min` to `max` (1-5 or 0-10) earns `points × value / max`.
    #[serde(rename_all = "camelCase")]
    Scale { min: u8, max: u8, points: f64 },
    /// One option, each with its own points; possible is the best option's.
    Choice { options: Vec<ChoiceOption> },
    /// Any number of points from 0 to `max`.
    Points { max: f64 },
    /// Free text; does not score.
    Text,
    /// Any of the options ticked; does not score.
    Checkboxes { options: Vec<String> },
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ChoiceOption {
    pub label: String,
    pub points: f64,
}

impl AnswerType {
    /// The points a full answer earns, or `None` for kinds that do not score.
    pub fn possible(&self) -> Option<f64> {
        match self {
            AnswerType::YesNo { points } | AnswerType::Scale { points, .. } => Some(*points),
            AnswerType::Choice { options } => {
                Some(options.iter().map(|o| o.points).fold(0.0, f64::max))
            }
            AnswerType::Points { max } => Some(*max),
            AnswerType::Text | AnswerType::Checkboxes { .. } => None,
        }
    }

    pub fn scores(&self) -> bool {
        self.possible().is_some()
    }
}

impl Question {
    /// Points below which an answer fails.
    pub fn pass_points(&self) -> Option<f64> {
        let possible = self.answer.possible()?;
        Some(self.pass_points.unwrap_or(possible))
    }
}

impl ScorecardDefinition {
    pub fn questions(&self) -> impl Iterator<Item = (&Section, &Question)> {
        self.sections
            .iter()
            .flat_map(|s| s.questions.iter().map(move |q| (s, q)))
    }

    pub fn question(&self, key: &str) -> Option<(&Section, &Question)> {
        self.questions().find(|(_, q)| q.key == key)
    }

    /// Gives every section and question without a key one made from its title or text.
    pub fn fill_keys(&mut self) {
        let mut taken: HashSet<String> = self
            .questions()
            .map(|(_, q)| q.key.clone())
            .chain(self.sections.iter().map(|s| s.key.clone()))
            .filter(|k| !k.trim().is_empty())
            .collect();
        for section in &mut self.sections {
            if section.key.trim().is_empty() {
                section.key = new_key(&section.title, &taken);
                taken.insert(section.key.clone());
            }
            for question in &mut section.questions {
                if question.key.trim().is_empty() {
                    question.key = new_key(&question.text, &taken);
                    taken.insert(question.key.clone());
                }
            }
        }
    }

    /// Checks that the form can be filled in and scored; the error names the section or
    /// question at fault.
    pub fn validate(&self) -> Result<(), ScorecardError> {
        let invalid = |message: String| Err(ScorecardError::Invalid(message));
        if self.name.trim().is_empty() {
            return invalid("a scorecard needs a name".into());
        }
        if let Some(mark) = self.pass_mark
            && !(0.0..=100.0).contains(&mark)
        {
            return invalid(format!(
                "pass mark {mark} is not a percentage from 0 to 100"
            ));
        }
        if self.sections.is_empty() {
            return invalid("a scorecard needs at least one section".into());
        }
        let mut keys = HashSet::new();
        let mut scoring = 0;
        for section in &self.sections {
            let title = &section.title;
            if section.key.trim().is_empty() || !keys.insert(format!("s:{}", section.key)) {
                return invalid(format!(
                    "section {title:?}: its key {:?} is empty or used twice",
                    section.key
                ));
            }
            if title.trim().is_empty() {
                return invalid(format!("section {:?} needs a title", section.key));
            }
            if !(section.weight.is_finite() && section.weight >= 0.0) {
                return invalid(format!(
                    "section {title:?}: weight {} must be 0 or more",
                    section.weight
                ));
            }
            for question in &section.questions {
                validate_question(question)
                    .map_err(|m| ScorecardError::Invalid(format!("section {title:?}: {m}")))?;
                if !keys.insert(format!("q:{}", question.key)) {
                    return invalid(format!(
                        "question {:?}: its key {:?} is used twice",
                        question.text, question.key
                    ));
                }
                scoring += usize::from(question.answer.scores());
            }
        }
        if scoring == 0 {
            return invalid("a scorecard needs at least one question that scores".into());
        }
        Ok(())
    }
}

fn finite_non_negative(value: f64) -> bool {
    value.is_finite() && value >= 0.0
}

fn validate_question(question: &Question) -> Result<(), String> {
    let text = &question.text;
    if question.key.trim().is_empty() {
        return Err(format!("question {text:?} needs a key"));
    }
    if text.trim().is_empty() {
        return Err(format!("question {:?} needs its text", question.key));
    }
    if !finite_non_negative(question.weight) {
        return Err(format!(
            "question {text:?}: weight {} must be 0 or more",
            question.weight
        ));
    }
    match &question.answer {
        AnswerType::YesNo { points } if !(finite_non_negative(*points) && *points > 0.0) => {
            return Err(format!("question {text:?}: points must be more than 0"));
        }
        AnswerType::Scale { min, max, points } => {
            if !matches!((min, max), (1, 5) | (0, 10)) {
                return Err(format!(
                    "question {text:?}: a scale runs 1-5 or 0-10, not {min}-{max}"
                ));
            }
            if !(finite_non_negative(*points) && *points > 0.0) {
                return Err(format!("question {text:?}: points must be more than 0"));
            }
        }
        AnswerType::Choice { options } => {
            if options.len() < 2 {
                return Err(format!(
                    "question {text:?}: a choice needs two options or more"
                ));
            }
            if let Some(bad) = options
                .iter()
                .find(|o| o.label.trim().is_empty() || !finite_non_negative(o.points))
            {
                return Err(format!(
                    "question {text:?}: option {:?} needs a label and points of 0 or more",
                    bad.label
                ));
            }
            if options.iter().all(|o| o.points == 0.0) {
                return Err(format!("question {text:?}: no option earns points"));
            }
        }
        AnswerType::Points { max } if !(finite_non_negative(*max) && *max > 0.0) => {
            return Err(format!(
                "question {text:?}: the maximum must be more than 0"
            ));
        }
        AnswerType::Checkboxes { options } if options.is_empty() => {
            return Err(format!("question {text:?}: checkboxes need options"));
        }
        _ => {}
    }
    if !question.answer.scores()
        && (question.fail_effect != FailEffect::None || question.comment_required_when_failed)
    {
        return Err(format!(
            "question {text:?}: an answer that does not score cannot fail"
        ));
    }
    if let (Some(pass), Some(possible)) = (question.pass_points, question.answer.possible())
        && !(finite_non_negative(pass) && pass <= possible)
    {
        return Err(format!(
            "question {text:?}: pass points {pass} must be from 0 to {possible}"
        ));
    }
    Ok(())
}

/// A key for a new section or question: the text's letters and digits in lower case joined by
/// dashes, made unique among `taken` with a numeric suffix.
pub fn new_key(text: &str, taken: &HashSet<String>) -> String {
    let mut base = String::new();
    for word in text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(5)
    {
        if !base.is_empty() {
            base.push('-');
        }
        base.extend(word.chars().flat_map(char::to_lowercase));
    }
    if base.is_empty() {
        base.push('q');
    }
    if !taken.contains(&base) {
        return base;
    }
    let mut n = 2;
    loop {
        let candidate = format!("{base}-{n}");
        if !taken.contains(&candidate) {
            return candidate;
        }
        n += 1;
    }
}
