use hark::session;
use hark::store::users::{self, Role};

use crate::common::TestDb;

#[test]
fn profiles_are_created_with_a_role_and_recorded_in_the_audit_log() {
    let mut t = TestDb::new();
    let lead =
        session::create_user(&mut t.db, Some(&t.admin), "  Leila  ", Role::Lead).expect("create");
    assert_eq!(lead.name, "Leila");
    assert_eq!(lead.role, Role::Lead);
    let current = session::current_user(t.db.conn()).expect("current");
    assert_eq!(current, Some(lead.clone()));

    let log = hark::store::audit_log::recent(t.db.conn(), 10).expect("log");
    assert_eq!(log[0].action, "user.create");
    assert_eq!(
        log[0].user_name, "Test Admin",
        "the admin made the lead's profile"
    );
    assert!(log[0].details.contains("Leila"));
}

#[test]
fn duplicate_and_empty_names_are_refused() {
    let mut t = TestDb::new();
    let duplicate = session::create_user(&mut t.db, Some(&t.admin), "Test Admin", Role::Reviewer);
    assert!(
        duplicate
            .expect_err("duplicate")
            .to_string()
            .contains("already exists")
    );
    let empty = session::create_user(&mut t.db, Some(&t.admin), "   ", Role::Reviewer);
    assert!(
        empty
            .expect_err("empty")
            .to_string()
            .contains("needs a name")
    );
    assert_eq!(users::list(t.db.conn()).expect("list").len(), 1);
}

#[test]
fn the_command_line_acts_as_the_named_or_current_profile() {
    let mut t = TestDb::new();
    let auditor =
        session::create_user(&mut t.db, Some(&t.admin), "Aud", Role::Auditor).expect("create");
    assert_eq!(
        session::actor_for_cli(&mut t.db, None).expect("current"),
        auditor
    );
    assert_eq!(
        session::actor_for_cli(&mut t.db, Some("Test Admin")).expect("named"),
        t.admin
    );
    let missing = session::actor_for_cli(&mut t.db, Some("Nobody"));
    assert!(missing.expect_err("unknown").to_string().contains("Nobody"));
}
