//! Recursive descent over the tokens: `or` of `and`s of (`not`) tests, flags and parentheses.

use super::lexer::{Token, TokenKind, tokenize};
use super::{CompareOp, Criteria, CriteriaError, Field, Flag, Value, value};

pub(super) fn parse(text: &str) -> Result<Criteria, CriteriaError> {
    let mut parser = Parser {
        tokens: tokenize(text)?,
        next: 0,
    };
    if parser.peek().kind == TokenKind::End {
        return Ok(Criteria::All);
    }
    let criteria = parser.or_expr()?;
    let last = parser.peek();
    if last.kind != TokenKind::End {
        return Err(CriteriaError::at(
            last.at,
            format!("expected 'and', 'or' or the end, found {}", last.describe()),
        ));
    }
    Ok(criteria)
}

struct Parser {
    tokens: Vec<Token>,
    next: usize,
}

/// The word as a keyword, if it is one (keywords ignore case).
fn is_keyword(token: &Token, keyword: &str) -> bool {
    matches!(&token.kind, TokenKind::Word(word) if word.eq_ignore_ascii_case(keyword))
}

impl Parser {
    fn peek(&self) -> &Token {
        // The token list always ends with End, and nothing advances past it.
        &self.tokens[self.next.min(self.tokens.len() - 1)]
    }

    fn advance(&mut self) -> Token {
        let token = self.peek().clone();
        if token.kind != TokenKind::End {
            self.next += 1;
        }
        token
    }

    fn eat_keyword(&mut self, keyword: &str) -> bool {
        let found = is_keyword(self.peek(), keyword);
        if found {
            self.advance();
        }
        found
    }

    fn or_expr(&mut self) -> Result<Criteria, CriteriaError> {
        let mut items = vec![self.and_expr()?];
        while self.eat_keyword("or") {
            items.push(self.and_expr()?);
        }
        Ok(if items.len() == 1 {
            items.remove(0)
        } else {
            Criteria::Or { items }
        })
    }

    fn and_expr(&mut self) -> Result<Criteria, CriteriaError> {
        let mut items = vec![self.unary()?];
        while self.eat_keyword("and") {
            items.push(self.unary()?);
        }
        Ok(if items.len() == 1 {
            items.remove(0)
        } else {
            Criteria::And { items }
        })
    }

    fn unary(&mut self) -> Result<Criteria, CriteriaError> {
        if self.eat_keyword("not") {
            return Ok(Criteria::Not {
                item: Box::new(self.unary()?),
            });
        }
        self.primary()
    }

    fn primary(&mut self) -> Result<Criteria, CriteriaError> {
        let token = self.advance();
        match &token.kind {
            TokenKind::Open => {
                let inner = self.or_expr()?;
                let close = self.advance();
                if close.kind != TokenKind::Close {
                    return Err(CriteriaError::at(
                        close.at,
                        format!(
                            "expected ')' to close the '(' at line {}, column {}, found {}",
                            token.at.line,
                            token.at.column,
                            close.describe()
                        ),
                    ));
                }
                Ok(inner)
            }
            TokenKind::Word(word) => {
                let lower = word.to_lowercase();
                if lower == "all" {
                    return Ok(Criteria::All);
                }
                if let Some(flag) = Flag::ALL.into_iter().find(|f| f.name() == lower) {
                    return self.flag(flag);
                }
                match Field::ALL.into_iter().find(|f| f.name() == lower) {
                    Some(field) => self.test(field),
                    None => Err(unknown_field(&token, word)),
                }
            }
            _ => Err(CriteriaError::at(
                token.at,
                format!(
                    "expected a field, a flag or '(', found {}",
                    token.describe()
                ),
            )),
        }
    }

    fn flag(&mut self, flag: Flag) -> Result<Criteria, CriteriaError> {
        let next = self.peek();
        if matches!(next.kind, TokenKind::Op(_)) || is_keyword(next, "in") {
            return Err(CriteriaError::at(
                next.at,
                format!(
                    "{0} is a yes/no flag and takes no value: write {0} or not {0}",
                    flag.name()
                ),
            ));
        }
        Ok(Criteria::Flag { flag })
    }

    /// What follows a field: an operator and value, `in (...)`, `between .. and ..`, or
    /// `not in` / `not between`.
    fn test(&mut self, field: Field) -> Result<Criteria, CriteriaError> {
        let token = self.advance();
        if is_keyword(&token, "not") {
            let next = self.peek().clone();
            if is_keyword(&next, "in") || is_keyword(&next, "between") {
                return Ok(Criteria::Not {
                    item: Box::new(self.test(field)?),
                });
            }
            return Err(CriteriaError::at(
                next.at,
                format!(
                    "expected 'in' or 'between' after '{} not', found {}",
                    field.name(),
                    next.describe()
                ),
            ));
        }
        match &token.kind {
            TokenKind::Op(op) => {
                if !field.orders() && !matches!(op, CompareOp::Eq | CompareOp::Ne) {
                    return Err(only_matches(field, &token));
                }
                let value = self.value(field, &token)?;
                Ok(Criteria::Compare {
                    field,
                    op: *op,
                    value,
                })
            }
            _ if is_keyword(&token, "in") => Ok(Criteria::In {
                field,
                values: self.list(field, &token)?,
            }),
            _ if is_keyword(&token, "between") => {
                if !field.orders() {
                    return Err(only_matches(field, &token));
                }
                let low = self.value(field, &token)?;
                let and = self.advance();
                if !is_keyword(&and, "and") {
                    return Err(CriteriaError::at(
                        and.at,
                        format!(
                            "expected 'and' between the two ends of 'between', found {}",
                            and.describe()
                        ),
                    ));
                }
                let high = self.value(field, &and)?;
                Ok(Criteria::Between { field, low, high })
            }
            _ => Err(CriteriaError::at(
                token.at,
                format!(
                    "expected an operator after '{}' (=, !=, <, <=, >, >=, in, between), found {}",
                    field.name(),
                    token.describe()
                ),
            )),
        }
    }

    /// `( value, value, ... )` after `in`.
    fn list(&mut self, field: Field, in_token: &Token) -> Result<Vec<Value>, CriteriaError> {
        let open = self.advance();
        if open.kind != TokenKind::Open {
            return Err(CriteriaError::at(
                open.at,
                format!("expected '(' after 'in', found {}", open.describe()),
            ));
        }
        if self.peek().kind == TokenKind::Close {
            return Err(CriteriaError::at(
                self.peek().at,
                "an 'in' list needs at least one value",
            ));
        }
        let mut values = vec![self.value(field, in_token)?];
        loop {
            let token = self.advance();
            match token.kind {
                TokenKind::Comma => values.push(self.value(field, &token)?),
                TokenKind::Close => return Ok(values),
                _ => {
                    return Err(CriteriaError::at(
                        token.at,
                        format!(
                            "expected ',' or ')' in the 'in' list, found {}",
                            token.describe()
                        ),
                    ));
                }
            }
        }
    }

    /// A value for `field`, read from the next token; `after` is what it follows.
    fn value(&mut self, field: Field, after: &Token) -> Result<Value, CriteriaError> {
        let token = self.advance();
        let raw = match &token.kind {
            TokenKind::Word(word) => word,
            TokenKind::Quoted(text) => text,
            TokenKind::End => {
                return Err(CriteriaError::at(
                    token.at,
                    format!(
                        "expected a value for {} after {}, but the criteria end here",
                        field.name(),
                        after.describe()
                    ),
                ));
            }
            _ => {
                return Err(CriteriaError::at(
                    token.at,
                    format!(
                        "expected a value for {} after {}, found {}",
                        field.name(),
                        after.describe(),
                        token.describe()
                    ),
                ));
            }
        };
        value::parse(field, raw).map_err(|message| CriteriaError::at(token.at, message))
    }
}

fn only_matches(field: Field, token: &Token) -> CriteriaError {
    CriteriaError::at(
        token.at,
        format!(
            "{} can only be compared with =, != or in, not {}",
            field.name(),
            token.describe()
        ),
    )
}

fn unknown_field(token: &Token, word: &str) -> CriteriaError {
    let names = Field::ALL
        .iter()
        .map(|f| f.name())
        .chain(Flag::ALL.iter().map(|f| f.name()));
    let lower = word.to_lowercase();
    let closest = names
        .clone()
        .map(|name| (edit_distance(&lower, name), name))
        .min_by_key(|(distance, _)| *distance)
        .filter(|(distance, _)| *distance <= 2);
    let message = match closest {
        Some((_, name)) => format!("unknown field '{word}' (did you mean {name}?)"),
        None => format!(
            "unknown field '{word}': the fields and flags are {}",
            names.collect::<Vec<_>>().join(", ")
        ),
    };
    CriteriaError::at(token.at, message)
}

/// Levenshtein distance over characters, for "did you mean".
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut current = vec![i + 1];
        for (j, cb) in b.iter().enumerate() {
            let substitute = previous[j] + usize::from(ca != *cb);
            current.push(substitute.min(previous[j + 1] + 1).min(current[j] + 1));
        }
        previous = current;
    }
    previous[b.len()]
}
