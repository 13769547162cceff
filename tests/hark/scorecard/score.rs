//! The score formula on hand-computed cases:
//! score = Σ earned × weight / Σ possible × weight over answered, non-N/A questions, with
//! weight = section weight × question weight.

use hark::scorecard::{
    AnswerType, AnswerValue, FailEffect, NaScoring, Question, SubmitProblemKind, check_values,
    score, submit_problems,
};

use super::fixture::{
    answers, choice, critical, form, forty_twenty, question, scale, section, yes_no, yes_no_na,
};

fn close(actual: Option<f64>, expected: f64) {
    let actual = actual.expect("a score");
    assert!(
        (actual - expected).abs() < 1e-9,
        "score {actual} but {expected} by hand"
    );
}

#[test]
fn the_issues_check_two_sections_weighted_40_and_20_score_60_percent() {
    // First section earns 1 of 2 points, the second 1 of 1:
    // (1×40 + 1×20) / (2×40 + 1×20) = 60 / 100.
    let form = forty_twenty();
    let content = answers(&[
        ("a", AnswerValue::Yes),
        ("b", AnswerValue::No),
        ("c", AnswerValue::Yes),
    ]);
    let result = score(&form, &content);
    close(result.score, 60.0);
    assert_eq!((result.earned, result.possible), (60.0, 100.0));
    close(result.sections[0].percent, 50.0);
    close(result.sections[1].percent, 100.0);
    assert!(!result.critical_failed);
    assert_eq!((result.answered, result.scoring_questions), (3, 3));
}

#[test]
fn na_is_left_out_of_both_earned_and_possible_by_default() {
    // Yes, No, N/A: 1 of 2 = 50 %. Counting N/A as a pass would give 66.7 %, lowering the score
    // without shrinking the denominator 33.3 %.
    let form = form(
        "N/A",
        vec![section(
            "s",
            1.0,
            vec![yes_no("yes", 1.0), yes_no("no", 1.0), yes_no_na("na", 1.0)],
        )],
    );
    let content = answers(&[
        ("yes", AnswerValue::Yes),
        ("no", AnswerValue::No),
        ("na", AnswerValue::Na),
    ]);
    let result = score(&form, &content);
    close(result.score, 50.0);
    assert_eq!((result.earned, result.possible), (1.0, 2.0));
    let na = result.questions.iter().find(|q| q.key == "na").expect("na");
    assert!(na.na && !na.failed && na.possible == 0.0);

    // Only when the form says so does N/A count as earned: 2 of 3.
    let counted = hark::scorecard::ScorecardDefinition {
        na_scoring: NaScoring::CountAsEarned,
        ..form
    };
    close(score(&counted, &content).score, 200.0 / 3.0);
}

#[test]
fn na_is_refused_where_the_question_does_not_allow_it() {
    let form = forty_twenty();
    let error = check_values(&form, &answers(&[("a", AnswerValue::Na)])).expect_err("no N/A");
    assert!(
        error.to_string().contains("N/A is not an answer"),
        "{error}"
    );
}

#[test]
fn scales_earn_their_value_out_of_their_maximum() {
    // 4 on 1-5 earns 4 of 5; 7 on 0-10 earns 7 of 10; both sections weighted 10:
    // (4×10 + 7×10) / (5×10 + 10×10) = 110 / 150 = 73.33 %.
    let form = form(
        "Scales",
        vec![
            section("five", 10.0, vec![scale("five", 1, 5)]),
            section("ten", 10.0, vec![scale("ten", 0, 10)]),
        ],
    );
    let content = answers(&[
        ("five", AnswerValue::Scale(4)),
        ("ten", AnswerValue::Scale(7)),
    ]);
    let result = score(&form, &content);
    close(result.score, 110.0 / 150.0 * 100.0);
    // Short of full marks fails by default; 0 on 0-10 is a valid answer, 6 on 1-5 is not.
    assert!(result.questions.iter().all(|q| q.failed));
    assert!(check_values(&form, &answers(&[("ten", AnswerValue::Scale(0))])).is_ok());
    assert!(check_values(&form, &answers(&[("five", AnswerValue::Scale(6))])).is_err());
    assert!(check_values(&form, &answers(&[("five", AnswerValue::Scale(0))])).is_err());
}

#[test]
fn multiple_choice_earns_the_chosen_options_points_and_question_weights_multiply() {
    // Choice worth 3 answered "2 points"; a yes/no of 1 point with question weight 2 answered
    // Yes: (2×1 + 1×2) / (3×1 + 1×2) = 4 / 5 = 80 %.
    let weighted = Question {
        weight: 2.0,
        ..yes_no("weighted", 1.0)
    };
    let form = form(
        "Choice",
        vec![section(
            "s",
            1.0,
            vec![
                choice(
                    "outcome",
                    &[("Resolved", 3.0), ("Next step", 2.0), ("Nothing", 0.0)],
                ),
                weighted,
            ],
        )],
    );
    let content = answers(&[
        ("outcome", AnswerValue::Choice(1)),
        ("weighted", AnswerValue::Yes),
    ]);
    let result = score(&form, &content);
    close(result.score, 80.0);
    assert!(check_values(&form, &answers(&[("outcome", AnswerValue::Choice(3))])).is_err());
}

#[test]
fn points_questions_earn_what_is_entered_up_to_their_maximum() {
    let form = form(
        "Points",
        vec![section(
            "s",
            1.0,
            vec![question("p", AnswerType::Points { max: 10.0 })],
        )],
    );
    close(
        score(&form, &answers(&[("p", AnswerValue::Points(7.5))])).score,
        75.0,
    );
    assert!(check_values(&form, &answers(&[("p", AnswerValue::Points(10.5))])).is_err());
    assert!(check_values(&form, &answers(&[("p", AnswerValue::Points(-1.0))])).is_err());
}

#[test]
fn a_failed_critical_question_scores_zero_and_keeps_the_computed_score() {
    // Two of three points earned (66.67 %), but the critical question failed: shown 0, Failed.
    let mut form = form(
        "Critical",
        vec![section(
            "s",
            1.0,
            vec![
                critical(yes_no("disclosure", 1.0)),
                yes_no("b", 1.0),
                yes_no("c", 1.0),
            ],
        )],
    );
    form.pass_mark = Some(50.0);
    let content = answers(&[
        ("disclosure", AnswerValue::No),
        ("b", AnswerValue::Yes),
        ("c", AnswerValue::Yes),
    ]);
    let result = score(&form, &content);
    assert!(result.critical_failed);
    close(result.score, 0.0);
    close(result.computed, 200.0 / 3.0);
    assert_eq!(result.passed, Some(false));

    // Passing it, the same answers score 100 % and pass.
    let passed = answers(&[
        ("disclosure", AnswerValue::Yes),
        ("b", AnswerValue::Yes),
        ("c", AnswerValue::Yes),
    ]);
    let result = score(&form, &passed);
    assert!(!result.critical_failed);
    close(result.score, 100.0);
    assert_eq!(result.passed, Some(true));
}

#[test]
fn a_failed_section_auto_fail_question_zeroes_its_section_only() {
    // Section A (weight 50): the auto-fail question fails, the other earns 1 → A earns 0 of
    // 2×50. Section B (weight 50) earns 1 of 1 → 50. Total 50 / 150 = 33.33 %, not critical.
    let gate = Question {
        fail_effect: FailEffect::Section,
        ..yes_no("gate", 1.0)
    };
    let form = form(
        "Sections",
        vec![
            section("a", 50.0, vec![gate, yes_no("a2", 1.0)]),
            section("b", 50.0, vec![yes_no("b1", 1.0)]),
        ],
    );
    let content = answers(&[
        ("gate", AnswerValue::No),
        ("a2", AnswerValue::Yes),
        ("b1", AnswerValue::Yes),
    ]);
    let result = score(&form, &content);
    assert!(!result.critical_failed);
    assert!(result.sections[0].auto_failed && !result.sections[1].auto_failed);
    close(result.sections[0].percent, 0.0);
    close(result.score, 100.0 / 3.0);
}

#[test]
fn the_live_score_counts_only_what_is_answered_so_far() {
    let form = forty_twenty();
    let result = score(&form, &answers(&[("a", AnswerValue::Yes)]));
    close(result.score, 100.0);
    assert_eq!((result.answered, result.scoring_questions), (1, 3));
    assert_eq!(score(&form, &answers(&[])).score, None);
}

#[test]
fn text_and_checkboxes_do_not_score() {
    let mut form = forty_twenty();
    form.sections[1]
        .questions
        .push(question("note", AnswerType::Text));
    form.sections[1].questions.push(question(
        "reason",
        AnswerType::Checkboxes {
            options: vec!["Billing".into(), "Other".into()],
        },
    ));
    let content = answers(&[
        ("a", AnswerValue::Yes),
        ("b", AnswerValue::No),
        ("c", AnswerValue::Yes),
        ("note", AnswerValue::Text("Good call".into())),
        ("reason", AnswerValue::Checked(vec![1])),
    ]);
    let result = score(&form, &content);
    close(result.score, 60.0);
    assert_eq!(result.scoring_questions, 3);
}

#[test]
fn submitting_needs_required_answers_and_comments_on_failed_questions() {
    let mut form = forty_twenty();
    form.sections[0].questions[1].comment_required_when_failed = true;
    let mut content = answers(&[("a", AnswerValue::Yes), ("b", AnswerValue::No)]);
    let problems = submit_problems(&form, &content, &score(&form, &content));
    let kinds: Vec<(Option<&str>, SubmitProblemKind)> = problems
        .iter()
        .map(|p| (p.question.as_deref(), p.kind))
        .collect();
    assert_eq!(
        kinds,
        vec![
            (Some("b"), SubmitProblemKind::CommentRequired),
            (Some("c"), SubmitProblemKind::Unanswered),
        ]
    );

    // A comment on the answer, or a comment pinned to the call about that question, will do.
    content.answers.insert(
        "c".into(),
        answers(&[("c", AnswerValue::Yes)]).answers["c"].clone(),
    );
    content.pins.push(hark::scorecard::Pin {
        id: 1,
        at_ms: 12_500,
        text: "Gave the wrong balance here".into(),
        question: Some("b".into()),
    });
    assert!(submit_problems(&form, &content, &score(&form, &content)).is_empty());
    content.pins[0].text = "   ".into();
    assert_eq!(
        submit_problems(&form, &content, &score(&form, &content)).len(),
        1
    );
}

#[test]
fn a_pass_mark_below_full_points_decides_when_an_answer_fails() {
    let lenient = Question {
        pass_points: Some(3.0),
        comment_required_when_failed: true,
        ..scale("tone", 1, 5)
    };
    let form = form("Pass", vec![section("s", 1.0, vec![lenient])]);
    for (value, fails) in [(2, true), (3, false), (5, false)] {
        let content = answers(&[("tone", AnswerValue::Scale(value))]);
        let result = score(&form, &content);
        assert_eq!(result.questions[0].failed, fails, "tone {value}");
        assert_eq!(
            submit_problems(&form, &content, &result).len(),
            usize::from(fails)
        );
    }
}
