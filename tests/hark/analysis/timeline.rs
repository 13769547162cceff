//! Span arithmetic behind the metrics: monologues, dead air, overtalk.

use hark::analysis::{Span, timeline};

fn spans(list: &[(u64, u64)]) -> Vec<Span> {
    list.iter().map(|&(s, e)| Span::new(s, e)).collect()
}

#[test]
fn a_monologue_runs_through_own_pauses_and_back_channels_until_the_other_side_takes_a_turn() {
    let agent = spans(&[(0, 4000), (4500, 9000), (9300, 12000), (20000, 21000)]);
    // "mm-hm" (0.4 s) inside the agent's run, then a real turn (2 s) from 12.5 s.
    let customer = spans(&[(5000, 5400), (12500, 14500)]);
    assert_eq!(timeline::longest_monologue(&agent, &customer, 2000), 12000);
    // A real turn in the middle splits the run.
    let customer = spans(&[(4100, 5600), (9000, 9300)]);
    assert_eq!(timeline::longest_monologue(&agent, &customer, 2000), 7500);
    // Dead air ends a run too: 12 s to 20 s is silence.
    assert_eq!(timeline::longest_monologue(&agent, &[], 2000), 12000);
    assert_eq!(timeline::longest_monologue(&agent, &[], 10_000), 21000);
}

#[test]
fn silences_dead_air_and_overtalk() {
    let agent = spans(&[(1000, 5000), (12000, 15000)]);
    let customer = spans(&[(4000, 6500), (14000, 18000)]);
    let talk = timeline::union(&agent, &customer);
    assert_eq!(talk, spans(&[(1000, 6500), (12000, 18000)]));
    assert_eq!(
        timeline::silences(&talk, 20000),
        spans(&[(0, 1000), (6500, 12000), (18000, 20000)])
    );
    // Only between talk: the lead-in and tail are not dead air.
    assert_eq!(timeline::dead_air(&talk, 2000), spans(&[(6500, 12000)]));
    assert_eq!(timeline::dead_air(&talk, 6000), Vec::<Span>::new());
    assert_eq!(
        timeline::intersection(&agent, &customer),
        spans(&[(4000, 5000), (14000, 15000)])
    );
}
