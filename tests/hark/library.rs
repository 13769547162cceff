use hark::library::{self, LibraryQuery, LibrarySort};
use hark::store::recordings::Direction;

use crate::common::TestDb;

fn synthetic(count: u32) -> TestDb {
    let mut t = TestDb::new();
    hark::synthetic::generate(&mut t.db, &t.admin, count, 7).expect("generate");
    t
}

#[test]
fn pages_cover_every_row_once_in_order() {
    let t = synthetic(1_000);
    let mut seen = Vec::new();
    let mut previous_start = String::new();
    for offset in (0..1_000).step_by(300) {
        let page = library::page(
            t.db.conn(),
            &LibraryQuery {
                offset,
                limit: 300,
                ..LibraryQuery::default()
            },
        )
        .expect("page");
        assert_eq!(page.total, 1_000);
        for row in page.rows {
            let start = row.call_start.clone().expect("start");
            assert!(start >= previous_start, "{start} after {previous_start}");
            previous_start = start;
            seen.push(row.id);
        }
    }
    seen.sort_unstable();
    seen.dedup();
    assert_eq!(seen.len(), 1_000);
}

#[test]
fn filters_combine_and_count() {
    let t = synthetic(2_000);
    let query = LibraryQuery {
        agent: Some("Ivan Petrov".into()),
        direction: Some(Direction::Outbound),
        limit: 2_000,
        ..LibraryQuery::default()
    };
    let page = library::page(t.db.conn(), &query).expect("page");
    assert!(page.total > 0);
    assert_eq!(page.total as usize, page.rows.len());
    assert!(
        page.rows
            .iter()
            .all(|r| r.agent.as_deref() == Some("Ivan Petrov")
                && r.direction == Some(Direction::Outbound))
    );

    let count: i64 =
        t.db.conn()
            .query_row(
                "SELECT count(*) FROM recordings r JOIN agents a ON a.id = r.agent_id
             WHERE a.name = 'Ivan Petrov' AND r.direction = 'outbound'",
                [],
                |row| row.get(0),
            )
            .expect("count");
    assert_eq!(page.total, count);
}

#[test]
fn sorting_by_duration_descending_and_by_agent_name() {
    let t = synthetic(500);
    let by_duration = library::page(
        t.db.conn(),
        &LibraryQuery {
            sort_by: LibrarySort::DurationMs,
            sort_desc: true,
            limit: 500,
            ..LibraryQuery::default()
        },
    )
    .expect("page");
    let durations: Vec<i64> = by_duration
        .rows
        .iter()
        .filter_map(|r| r.duration_ms)
        .collect();
    assert!(durations.windows(2).all(|w| w[0] >= w[1]));

    let by_agent = library::page(
        t.db.conn(),
        &LibraryQuery {
            sort_by: LibrarySort::Agent,
            limit: 500,
            ..LibraryQuery::default()
        },
    )
    .expect("page");
    let agents: Vec<String> = by_agent
        .rows
        .iter()
        .filter_map(|r| r.agent.clone())
        .collect();
    assert!(agents.windows(2).all(|w| w[0] <= w[1]));
}

#[test]
fn search_treats_like_wildcards_literally_and_matches_non_latin_names() {
    let t = synthetic(300);
    let persian = library::page(
        t.db.conn(),
        &LibraryQuery {
            search: Some("احمدی".into()),
            limit: 300,
            ..LibraryQuery::default()
        },
    )
    .expect("page");
    assert!(persian.total > 0);
    assert!(
        persian
            .rows
            .iter()
            .all(|r| r.agent.as_deref() == Some("سارا احمدی"))
    );

    let wildcard = library::page(
        t.db.conn(),
        &LibraryQuery {
            search: Some("%".into()),
            ..LibraryQuery::default()
        },
    )
    .expect("page");
    assert_eq!(wildcard.total, 0, "a literal % matches nothing here");
}

#[test]
fn facets_list_each_value_once() {
    let t = synthetic(300);
    let facets = library::facets(t.db.conn()).expect("facets");
    assert_eq!(facets.agents.len(), 12);
    assert!(facets.teams.contains(&"Billing".to_owned()));
    assert_eq!(facets.queues.len(), 5);
}

#[test]
fn a_hundred_thousand_rows_page_from_anywhere() {
    let t = synthetic(100_000);
    let deep = library::page(
        t.db.conn(),
        &LibraryQuery {
            sort_by: LibrarySort::Agent,
            offset: 99_900,
            limit: 200,
            ..LibraryQuery::default()
        },
    )
    .expect("page");
    assert_eq!(deep.total, 100_000);
    assert_eq!(deep.rows.len(), 100);
}
