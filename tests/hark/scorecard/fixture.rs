//! Small forms and answers built in code, so each test shows the numbers it checks.

use hark::scorecard::{
    Answer, AnswerType, AnswerValue, ChoiceOption, EvaluationContent, FailEffect, NaScoring,
    Question, ScorecardDefinition, Section,
};

pub fn question(key: &str, answer: AnswerType) -> Question {
    Question {
        key: key.into(),
        text: format!("Question {key}"),
        help: String::new(),
        guidelines: String::new(),
        answer,
        weight: 1.0,
        allow_na: false,
        required: true,
        comment_required_when_failed: false,
        fail_effect: FailEffect::None,
        pass_points: None,
    }
}

pub fn yes_no(key: &str, points: f64) -> Question {
    question(key, AnswerType::YesNo { points })
}

pub fn yes_no_na(key: &str, points: f64) -> Question {
    Question {
        allow_na: true,
        ..yes_no(key, points)
    }
}

pub fn scale(key: &str, min: u8, max: u8) -> Question {
    question(
        key,
        AnswerType::Scale {
            min,
            max,
            points: f64::from(max),
        },
    )
}

pub fn choice(key: &str, options: &[(&str, f64)]) -> Question {
    question(
        key,
        AnswerType::Choice {
            options: options
                .iter()
                .map(|(label, points)| ChoiceOption {
                    label: (*label).into(),
                    points: *points,
                })
                .collect(),
        },
    )
}

pub fn critical(question: Question) -> Question {
    Question {
        fail_effect: FailEffect::Critical,
        ..question
    }
}

pub fn section(key: &str, weight: f64, questions: Vec<Question>) -> Section {
    Section {
        key: key.into(),
        title: format!("Section {key}"),
        description: String::new(),
        weight,
        questions,
    }
}

pub fn form(name: &str, sections: Vec<Section>) -> ScorecardDefinition {
    ScorecardDefinition {
        name: name.into(),
        description: String::new(),
        na_scoring: NaScoring::Exclude,
        pass_mark: None,
        sections,
    }
}

pub fn answers(values: &[(&str, AnswerValue)]) -> EvaluationContent {
    let mut content = EvaluationContent::default();
    for (key, value) in values {
        content.answers.insert(
            (*key).into(),
            Answer {
                value: Some(value.clone()),
                comment: String::new(),
            },
        );
    }
    content
}

/// The form of the check: sections weighted 40 and 20; the first has two one-point
/// yes/no questions, the second one.
pub fn forty_twenty() -> ScorecardDefinition {
    form(
        "Forty twenty",
        vec![
            section("first", 40.0, vec![yes_no("a", 1.0), yes_no("b", 1.0)]),
            section("second", 20.0, vec![yes_no("c", 1.0)]),
        ],
    )
}
