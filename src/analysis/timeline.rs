//! Span arithmetic over talk segments: silences, dead air, overtalk and monologues.

use super::Span;

/// Talk by the other side shorter than this is a back-channel ("mm-hm", "yes"): it does not
/// end a monologue. One second, the same bar as overtalk.
const BACK_CHANNEL_MS: u64 = 1000;

/// Both lists' talk merged into one ordered, disjoint list.
pub fn union(a: &[Span], b: &[Span]) -> Vec<Span> {
    let mut all: Vec<Span> = a.iter().chain(b).copied().collect();
    all.sort_by_key(|s| s.start_ms);
    let mut merged: Vec<Span> = Vec::with_capacity(all.len());
    for span in all {
        match merged.last_mut() {
            Some(last) if span.start_ms <= last.end_ms => {
                last.end_ms = last.end_ms.max(span.end_ms)
            }
            _ => merged.push(span),
        }
    }
    merged
}

/// Where both ordered, disjoint lists have talk.
pub fn intersection(a: &[Span], b: &[Span]) -> Vec<Span> {
    let (mut i, mut j, mut out) = (0, 0, Vec::new());
    while i < a.len() && j < b.len() {
        let start = a[i].start_ms.max(b[j].start_ms);
        let end = a[i].end_ms.min(b[j].end_ms);
        if end > start {
            out.push(Span::new(start, end));
        }
        if a[i].end_ms < b[j].end_ms {
            i += 1;
        } else {
            j += 1;
        }
    }
    out
}

/// The gaps of an ordered, disjoint talk list within `[0, duration_ms)`.
pub fn silences(talk: &[Span], duration_ms: u64) -> Vec<Span> {
    let mut out = Vec::new();
    let mut cursor = 0;
    for span in talk {
        if span.start_ms > cursor {
            out.push(Span::new(cursor, span.start_ms));
        }
        cursor = cursor.max(span.end_ms);
    }
    if duration_ms > cursor {
        out.push(Span::new(cursor, duration_ms));
    }
    out
}

/// Silences of at least `min_ms` between the first and the last talk: the silence before
/// anyone speaks (ringing, connecting) and after the last word is not dead air in the call.
pub fn dead_air(talk: &[Span], min_ms: u64) -> Vec<Span> {
    talk.windows(2)
        .map(|w| Span::new(w[0].end_ms, w[1].start_ms))
        .filter(|gap| gap.len_ms() >= min_ms.max(1))
        .collect()
}

/// The longest stretch one side holds the floor: its talk, with its own pauses, until the
/// other side takes a turn (talks at least [`BACK_CHANNEL_MS`]) or dead air falls.
pub fn longest_monologue(own: &[Span], other: &[Span], dead_air_ms: u64) -> u64 {
    let mut turn_starts: Vec<u64> = other
        .iter()
        .filter(|s| s.len_ms() >= BACK_CHANNEL_MS)
        .map(|s| s.start_ms)
        .collect();
    turn_starts.sort_unstable();
    let other_turn_between = |from: u64, to: u64| {
        turn_starts.partition_point(|&t| t < to) > turn_starts.partition_point(|&t| t < from)
    };
    let mut longest = 0;
    let mut run: Option<Span> = None;
    for &span in own {
        run = match run {
            Some(r)
                if span.start_ms.saturating_sub(r.end_ms) < dead_air_ms.max(1)
                    && !other_turn_between(r.start_ms, span.start_ms) =>
            {
                Some(Span::new(r.start_ms, span.end_ms))
            }
            _ => Some(span),
        };
        longest = longest.max(run.map_or(0, |r| r.len_ms()));
    }
    longest
}

pub fn total_ms(spans: &[Span]) -> u64 {
    spans.iter().map(Span::len_ms).sum()
}
