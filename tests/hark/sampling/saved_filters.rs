//! Named filters: saved canonical, unique by name, every change audited.

use hark::sampling::Criteria;
use hark::store::{StoreError, audit_log, saved_filters};

use crate::common::TestDb;

#[test]
fn filters_are_saved_listed_updated_and_deleted_with_audit_entries() {
    let mut t = TestDb::new();
    let admin = t.admin.clone();
    let criteria = Criteria::parse("AGENT = \"سارا احمدی\" and silence > 0.3").expect("parse");
    let saved =
        t.db.write(|tx| saved_filters::save(tx, &admin, "  Long silences ", &criteria))
            .expect("save");
    assert_eq!(saved.name, "Long silences");
    assert_eq!(saved.criteria, "agent = \"سارا احمدی\" and silence > 30%");
    assert_eq!(saved.created_by, admin.name);
    assert_eq!(
        Criteria::parse(&saved.criteria).expect("stored text parses"),
        criteria
    );

    let again =
        t.db.write(|tx| saved_filters::save(tx, &admin, "Long silences", &Criteria::All));
    assert!(
        matches!(&again, Err(StoreError::Invalid(m)) if m.contains("already exists")),
        "{again:?}"
    );
    let unnamed =
        t.db.write(|tx| saved_filters::save(tx, &admin, "   ", &Criteria::All));
    assert!(matches!(unnamed, Err(StoreError::Invalid(_))));

    let weekend = Criteria::parse("weekday in (sat, sun)").expect("parse");
    t.db.write(|tx| saved_filters::save(tx, &admin, "Weekend", &weekend))
        .expect("save");
    let names: Vec<String> = saved_filters::list(t.db.conn())
        .expect("list")
        .into_iter()
        .map(|f| f.name)
        .collect();
    assert_eq!(names, ["Long silences", "Weekend"]);

    let sunday = Criteria::parse("weekday = sun").expect("parse");
    let updated =
        t.db.write(|tx| saved_filters::update(tx, &admin, "Weekend", &sunday))
            .expect("update");
    assert_eq!(updated.criteria, "weekday = sun");

    t.db.write(|tx| saved_filters::delete(tx, &admin, "Long silences"))
        .expect("delete");
    assert!(
        saved_filters::get(t.db.conn(), "Long silences")
            .expect("get")
            .is_none()
    );
    let missing =
        t.db.write(|tx| saved_filters::delete(tx, &admin, "Long silences"));
    assert!(matches!(missing, Err(StoreError::NotFound { .. })));

    let actions: Vec<String> = audit_log::recent(t.db.conn(), 10)
        .expect("audit")
        .into_iter()
        .map(|e| e.action)
        .filter(|a| a.starts_with("filter."))
        .collect();
    assert_eq!(
        actions,
        [
            "filter.delete",
            "filter.update",
            "filter.save",
            "filter.save"
        ]
    );
    assert!(audit_log::verify(t.db.conn()).expect("verify").ok);
}
