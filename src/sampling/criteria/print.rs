//! Criteria back to canonical text. `and` and `or` nested in each other are always
//! parenthesised (`(a and b) or c`), even where precedence would not need it, so the text
//! reads the way it groups.

use super::value::format;
use super::{Criteria, Value};

pub(super) fn print(criteria: &Criteria) -> String {
    match criteria {
        Criteria::All => String::new(),
        other => expr(other).0,
    }
}

/// Whether text must be wrapped when it is one operand of `and`, `or` or `not`.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Shape {
    Simple,
    Compound,
}

fn expr(criteria: &Criteria) -> (String, Shape) {
    match criteria {
        Criteria::All => ("all".into(), Shape::Simple),
        Criteria::And { items } => joined(items, " and ", "all"),
        // An empty `or` holds for no call.
        Criteria::Or { items } => joined(items, " or ", "not all"),
        Criteria::Not { item } => (format!("not {}", operand(item)), Shape::Simple),
        Criteria::Flag { flag } => (flag.name().into(), Shape::Simple),
        Criteria::Compare { field, op, value } => (
            format!("{} {} {}", field.name(), op.symbol(), format(value)),
            Shape::Simple,
        ),
        Criteria::In { field, values } => (
            format!("{} in ({})", field.name(), list(values)),
            Shape::Simple,
        ),
        Criteria::Between { field, low, high } => (
            format!(
                "{} between {} and {}",
                field.name(),
                format(low),
                format(high)
            ),
            Shape::Simple,
        ),
    }
}

fn joined(items: &[Criteria], separator: &str, empty: &str) -> (String, Shape) {
    match items {
        [] => (empty.into(), Shape::Simple),
        [only] => expr(only),
        _ => (
            items
                .iter()
                .map(operand)
                .collect::<Vec<_>>()
                .join(separator),
            Shape::Compound,
        ),
    }
}

fn operand(criteria: &Criteria) -> String {
    match expr(criteria) {
        (text, Shape::Compound) => format!("({text})"),
        (text, Shape::Simple) => text,
    }
}

fn list(values: &[Value]) -> String {
    values.iter().map(format).collect::<Vec<_>>().join(", ")
}
