//! Forms as frozen versions: edited in place until an evaluation uses a version, then a new
//! version; JSON import and export; the shipped templates.

use hark::evaluation;
use hark::scorecard::{AnswerType, FailEffect, ScorecardError, file, forms, templates};
use hark::session;
use hark::store::users::Role;

use super::fixture::{forty_twenty, yes_no};
use crate::common::TestDb;

#[test]
fn the_three_templates_are_valid_forms_with_critical_items_and_na_where_it_fits() {
    let all = templates::all().expect("templates parse and validate");
    let names: Vec<&str> = all.iter().map(|d| d.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "Customer service",
            "Sales compliance",
            "Collections compliance"
        ]
    );
    for form in &all {
        let questions: Vec<_> = form.questions().map(|(_, q)| q).collect();
        assert!(
            questions.len() >= 10,
            "{}: {} questions",
            form.name,
            questions.len()
        );
        assert!(
            questions
                .iter()
                .any(|q| q.fail_effect == FailEffect::Critical),
            "{}",
            form.name
        );
        assert!(questions.iter().any(|q| q.allow_na), "{}", form.name);
        assert!(questions.iter().all(|q| !q.key.is_empty()));
        assert!(form.pass_mark.is_some());
    }
    // Every answer type the designer offers appears in at least one template.
    let kinds = |f: fn(&AnswerType) -> bool| {
        all.iter()
            .flat_map(|d| {
                d.questions()
                    .map(|(_, q)| q.answer.clone())
                    .collect::<Vec<_>>()
            })
            .any(|a| f(&a))
    };
    assert!(kinds(|a| matches!(a, AnswerType::YesNo { .. })));
    assert!(kinds(|a| matches!(a, AnswerType::Scale { .. })));
    assert!(kinds(|a| matches!(a, AnswerType::Choice { .. })));
    assert!(kinds(|a| matches!(a, AnswerType::Checkboxes { .. })));
    assert!(kinds(|a| matches!(a, AnswerType::Text)));
}

#[test]
fn a_form_is_edited_in_place_until_used_then_editing_makes_a_new_version() {
    let mut t = TestDb::new();
    hark::synthetic::generate(&mut t.db, &t.admin, 5, 3).expect("library");
    let created = forms::create(&mut t.db, &t.admin, forty_twenty()).expect("create");
    assert_eq!((created.version, created.frozen), (1, false));

    let mut edited = forty_twenty();
    edited.sections[1].questions.push(yes_no("d", 2.0));
    let saved =
        forms::save(&mut t.db, &t.admin, created.scorecard_id, edited.clone()).expect("save");
    assert_eq!(
        (saved.form.version, saved.new_version),
        (1, false),
        "unused: edited in place"
    );
    assert_eq!(saved.form.id, created.id);

    // An evaluation (even a draft) uses version 1: it is frozen from now on.
    let recording = 1;
    evaluation::start(&mut t.db, &t.admin, recording, created.scorecard_id).expect("start");
    let v1 = forms::version(t.db.conn(), created.id).expect("v1");
    assert!(v1.frozen);

    let mut again = edited.clone();
    again.sections[0].weight = 50.0;
    let saved = forms::save(&mut t.db, &t.admin, created.scorecard_id, again).expect("save");
    assert!(saved.new_version);
    assert_eq!(saved.form.version, 2);
    assert_eq!(
        forms::version(t.db.conn(), created.id)
            .expect("v1")
            .definition,
        edited,
        "v1 unchanged"
    );
    let unchanged = forms::save(
        &mut t.db,
        &t.admin,
        created.scorecard_id,
        saved.form.definition.clone(),
    )
    .expect("save the same");
    assert!(unchanged.unchanged);

    // The schema itself refuses to change a used version, whoever writes to the file.
    let refused = t.db.conn().execute(
        "UPDATE scorecard_versions SET definition = '{}' WHERE id = ?1",
        [created.id],
    );
    let message = refused.expect_err("frozen").to_string();
    assert!(message.contains("frozen"), "{message}");
    assert!(
        t.db.conn()
            .execute("DELETE FROM scorecard_versions WHERE id = ?1", [created.id])
            .is_err()
    );
}

#[test]
fn only_admins_and_leads_design_forms() {
    let mut t = TestDb::new();
    let reviewer =
        session::create_user(&mut t.db, Some(&t.admin), "Dana", Role::Reviewer).expect("reviewer");
    let error = forms::create(&mut t.db, &reviewer, forty_twenty()).expect_err("reviewer");
    assert!(matches!(error, ScorecardError::NotAllowed(_)), "{error}");
    let lead = session::create_user(&mut t.db, Some(&t.admin), "Lee", Role::Lead).expect("lead");
    forms::create(&mut t.db, &lead, forty_twenty()).expect("a lead may");
}

#[test]
fn export_then_import_round_trips_and_names_are_unique() {
    let mut t = TestDb::new();
    let added = forms::install_templates(&mut t.db, &t.admin).expect("templates");
    assert_eq!(added.len(), 3);
    assert!(
        forms::install_templates(&mut t.db, &t.admin)
            .expect("again")
            .is_empty()
    );
    let json = forms::export(&added[2]);
    assert!(json.contains("\"format\": \"hark-scorecard\""));

    let mut other = TestDb::new();
    let imported =
        forms::import_text(&mut other.db, &other.admin, &json, "collections.json").expect("import");
    assert_eq!(imported.form.definition, added[2].definition);
    let again =
        forms::import_text(&mut other.db, &other.admin, &json, "collections.json").expect("again");
    assert!(again.unchanged);

    let mut renamed = forty_twenty();
    renamed.name = "Customer service".into();
    let taken =
        forms::save(&mut t.db, &t.admin, added[1].scorecard_id, renamed).expect_err("taken");
    assert!(taken.to_string().contains("already exists"), "{taken}");
}

#[test]
fn bad_files_are_refused_with_the_file_and_the_reason() {
    let cases = [
        ("not json", "not JSON"),
        (
            r#"{"format": "something-else", "formatVersion": 1}"#,
            "is not a Hark scorecard",
        ),
        (
            r#"{"format": "hark-scorecard", "formatVersion": 9, "scorecard": {"name": "X", "sections": []}}"#,
            "newer",
        ),
        (r#"{"name": "X", "sections": []}"#, "at least one section"),
        (
            r#"{"name": "X", "sections": [{"title": "S", "weight": 1, "questions": [
                {"text": "Q", "answer": {"type": "scale", "min": 2, "max": 7, "points": 5}}]}]}"#,
            "a scale runs 1-5 or 0-10",
        ),
        (
            r#"{"name": "X", "sections": [{"title": "S", "weight": -1, "questions": [
                {"text": "Q", "answer": {"type": "yesNo", "points": 1}}]}]}"#,
            "must be 0 or more",
        ),
        (
            r#"{"name": "X", "sections": [{"title": "S", "weight": 1, "questions": [
                {"key": "q", "text": "Q", "answer": {"type": "yesNo", "points": 1}},
                {"key": "q", "text": "R", "answer": {"type": "yesNo", "points": 1}}]}]}"#,
            "used twice",
        ),
        (
            r#"{"name": "X", "sections": [{"title": "S", "weight": 1, "questions": [
                {"text": "Notes", "answer": {"type": "text"}, "failEffect": "critical"}]}]}"#,
            "cannot fail",
        ),
    ];
    for (text, reason) in cases {
        let error = file::parse(text, "forms/bad name ✓.json").expect_err(text);
        let message = error.to_string();
        assert!(message.starts_with("forms/bad name ✓.json: "), "{message}");
        assert!(message.contains(reason), "{message} should say {reason:?}");
    }
}

#[test]
fn a_hand_written_file_without_keys_gets_keys_from_its_text() {
    let text = r#"{"name": "Quick", "sections": [{"title": "Opening", "weight": 1, "questions": [
        {"text": "Greeted the caller", "answer": {"type": "yesNo", "points": 1}},
        {"text": "Greeted the caller", "answer": {"type": "yesNo", "points": 1}},
        {"text": "سلام و احوالپرسی", "answer": {"type": "yesNo", "points": 1}}]}]}"#;
    let form = file::parse(text, "quick.json").expect("parse");
    let keys: Vec<&str> = form.questions().map(|(_, q)| q.key.as_str()).collect();
    assert_eq!(
        keys,
        [
            "greeted-the-caller",
            "greeted-the-caller-2",
            "سلام-و-احوالپرسی"
        ]
    );
    assert_eq!(form.sections[0].key, "opening");
    assert!(
        form.sections[0].questions[0].required,
        "scoring questions are required by default"
    );
}
