//! Spreading a sample over reviewers: balance, daily caps and due dates.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use hark::sampling::{Assignment, assign};

fn date(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("date")
}

fn per_reviewer(assignments: &[Assignment]) -> BTreeMap<i64, Vec<&Assignment>> {
    let mut by_reviewer: BTreeMap<i64, Vec<&Assignment>> = BTreeMap::new();
    for assignment in assignments {
        by_reviewer
            .entry(assignment.reviewer)
            .or_default()
            .push(assignment);
    }
    by_reviewer
}

#[test]
fn calls_are_spread_round_robin_with_counts_within_one() {
    let start = date("2026-03-02");
    for picks in [0usize, 1, 7, 10, 31] {
        for reviewers in [vec![5], vec![5, 9], vec![5, 9, 2], vec![4, 3, 8, 1, 6]] {
            let assignments = assign(picks, &reviewers, None, start, 3);
            assert_eq!(assignments.len(), picks);
            let positions: Vec<u32> = assignments.iter().map(|a| a.position).collect();
            assert_eq!(positions, (0..picks as u32).collect::<Vec<_>>());
            let counts: Vec<usize> = reviewers
                .iter()
                .map(|r| assignments.iter().filter(|a| a.reviewer == *r).count())
                .collect();
            let (least, most) = (counts.iter().min(), counts.iter().max());
            assert!(
                most.zip(least).is_some_and(|(m, l)| m - l <= 1),
                "{counts:?}"
            );
            assert!(assignments.iter().all(|a| a.due_date == date("2026-03-05")));
        }
    }
    let order: Vec<i64> = assign(5, &[7, 3], None, start, 0)
        .iter()
        .map(|a| a.reviewer)
        .collect();
    assert_eq!(order, [7, 3, 7, 3, 7]);
}

#[test]
fn a_daily_cap_staggers_each_reviewers_due_dates() {
    let start = date("2026-03-02");
    let assignments = assign(11, &[1, 2], Some(2), start, 1);
    let by_reviewer = per_reviewer(&assignments);
    // Reviewer 1 has positions 0, 2, 4, 6, 8, 10: two a day from start + 1.
    let dates: Vec<NaiveDate> = by_reviewer[&1].iter().map(|a| a.due_date).collect();
    assert_eq!(
        dates,
        [
            "2026-03-03",
            "2026-03-03",
            "2026-03-04",
            "2026-03-04",
            "2026-03-05",
            "2026-03-05"
        ]
        .map(date)
    );
    assert_eq!(by_reviewer[&2].len(), 5);
    for (reviewer, theirs) in &by_reviewer {
        let mut per_day: BTreeMap<NaiveDate, u32> = BTreeMap::new();
        for assignment in theirs {
            *per_day.entry(assignment.due_date).or_insert(0) += 1;
        }
        assert!(
            per_day.values().all(|&n| n <= 2),
            "reviewer {reviewer}: {per_day:?}"
        );
    }
    // A cap of 0 cannot be met, and counts as none.
    assert!(
        assign(4, &[1], Some(0), start, 2)
            .iter()
            .all(|a| a.due_date == date("2026-03-04"))
    );
}

#[test]
fn no_reviewers_no_assignments_and_json_is_camel_case() {
    assert!(assign(5, &[], Some(3), date("2026-03-02"), 1).is_empty());
    let json =
        serde_json::to_value(&assign(1, &[42], None, date("2026-12-31"), 1)[0]).expect("json");
    assert_eq!(
        json,
        serde_json::json!({"position": 0, "reviewer": 42, "dueDate": "2027-01-01"})
    );
}
