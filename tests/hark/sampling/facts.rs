//! `recording_facts`, which criteria and Library sorts read, follows every later change to
//! recordings, metrics, party names and samples (its triggers), not only inserts.

use hark::library;
use hark::sampling::criteria::{CompareOp, Field, Value};
use hark::sampling::{Criteria, count};
use hark::store::recordings::{self, CallFacts};
use hark::store::{StoreResult, metrics};

use super::fixture::build;

fn counted(conn: &rusqlite::Connection, text: &str) -> u64 {
    count(conn, &Criteria::parse(text).expect("parse")).expect("count")
}

/// Calls with exactly this silence share, built as the UI would (no decimal text between).
fn with_silence(conn: &rusqlite::Connection, share: f64) -> u64 {
    let criteria = Criteria::Compare {
        field: Field::Silence,
        op: CompareOp::Eq,
        value: Value::Share(share),
    };
    count(conn, &criteria).expect("count")
}

#[test]
fn facts_follow_status_metrics_names_and_samples() {
    let mut f = build(120);
    // An eligible, measured call that is in no sample.
    let call = f
        .calls
        .iter()
        .enumerate()
        .find(|(i, c)| {
            c.eligible()
                && c.metrics.is_some()
                && c.agent.is_some()
                && i % 5 != 0
                && i % 7 != 0
                && i % 11 != 0
                && i % 13 != 0
                && i % 17 != 0
        })
        .map(|(_, c)| c.clone())
        .expect("a plain call");
    let id = call.id;
    let silence = call.metrics.as_ref().expect("measured").silence;
    let before = with_silence(f.t.db.conn(), silence);
    assert!(before >= 1);

    // Re-analysed with another silence share (INSERT OR REPLACE): the old value is gone.
    let mut stored = metrics::get(f.t.db.conn(), id)
        .expect("get")
        .expect("metrics");
    stored.metrics.silence_share = 0.987;
    f.t.db
        .write(|tx| metrics::save(tx, id, &stored.content_hash, &stored.metrics))
        .expect("save");
    assert_eq!(with_silence(f.t.db.conn(), silence), before - 1);
    assert_eq!(counted(f.t.db.conn(), "silence = 98.7%"), 1);

    // Put in an open sample, then completed, then replaced, then the sample closed.
    let conn = f.t.db.conn();
    let flags = |conn: &rusqlite::Connection| {
        (
            counted(conn, "silence = 98.7% and reviewed"),
            counted(conn, "silence = 98.7% and in_open_sample"),
        )
    };
    assert_eq!(flags(conn), (0, 0));
    conn.execute(
        "INSERT INTO sample_items (sample_id, position, recording_id) VALUES (1, 10000, ?1)",
        [id],
    )
    .expect("item");
    assert_eq!(flags(conn), (0, 1));
    conn.execute(
        "UPDATE sample_items SET completed_at = '2026-11-05T10:00:00Z'
         WHERE sample_id = 1 AND position = 10000",
        [],
    )
    .expect("complete");
    assert_eq!(flags(conn), (1, 1));
    conn.execute("UPDATE samples SET status = 'closed' WHERE id = 1", [])
        .expect("close");
    assert_eq!(flags(conn), (1, 0));
    conn.execute("UPDATE samples SET status = 'open' WHERE id = 1", [])
        .expect("reopen");
    conn.execute(
        "UPDATE sample_items SET replaced_by = 10001, replaced_reason = 'wrong agent'
         WHERE sample_id = 1 AND position = 10000",
        [],
    )
    .expect("replace");
    assert_eq!(flags(conn), (1, 0));

    // The agent renamed: the Library shows and sorts by the new name, criteria find it.
    conn.execute(
        "UPDATE agents SET name = 'Renamed Agent' WHERE id = (SELECT agent_id FROM recordings WHERE id = ?1)",
        [id],
    )
    .expect("rename");
    let row = library::row(conn, id).expect("row").expect("exists");
    assert_eq!(row.agent.as_deref(), Some("Renamed Agent"));
    assert_eq!(
        counted(conn, "agent = \"Renamed Agent\" and silence = 98.7%"),
        1
    );

    // The file went missing: never eligible again, whatever the criteria.
    f.t.db
        .write(|tx| -> StoreResult<()> {
            recordings::mark_missing(tx, id)?;
            Ok(())
        })
        .expect("missing");
    assert_eq!(counted(f.t.db.conn(), "silence = 98.7%"), 0);
    assert_eq!(
        counted(f.t.db.conn(), "has_problems and silence = 98.7%"),
        0
    );

    // A call record fills a call with no queue: the queue criterion finds it.
    let queueless = f
        .calls
        .iter()
        .find(|c| c.eligible() && c.queue.is_none())
        .map(|c| c.id)
        .expect("a call with no queue");
    let before = counted(f.t.db.conn(), "queue = overflow");
    f.t.db
        .write(|tx| {
            recordings::fill_call_facts(
                tx,
                queueless,
                &CallFacts {
                    queue: Some("overflow".into()),
                    ..CallFacts::default()
                },
            )
        })
        .expect("fill");
    assert_eq!(before, 0);
    assert_eq!(counted(f.t.db.conn(), "queue = overflow"), 1);
}
