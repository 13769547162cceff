//! Splits criteria text into tokens, each with the line and column it starts at.

use super::{CompareOp, CriteriaError, Position};

#[derive(Debug, Clone, PartialEq)]
pub(super) enum TokenKind {
    /// A bare run of characters: a keyword, field name or unquoted value.
    Word(String),
    /// A double-quoted string, escapes resolved.
    Quoted(String),
    Open,
    Close,
    Comma,
    Op(CompareOp),
    End,
}

#[derive(Debug, Clone, PartialEq)]
pub(super) struct Token {
    pub kind: TokenKind,
    pub at: Position,
}

impl Token {
    /// The token as an error message quotes it.
    pub fn describe(&self) -> String {
        match &self.kind {
            TokenKind::Word(word) => format!("'{word}'"),
            TokenKind::Quoted(text) => format!("\"{text}\""),
            TokenKind::Open => "'('".into(),
            TokenKind::Close => "')'".into(),
            TokenKind::Comma => "','".into(),
            TokenKind::Op(op) => format!("'{}'", op.symbol()),
            TokenKind::End => "the end of the criteria".into(),
        }
    }
}

/// Characters that end a bare word (besides white space).
pub(super) fn is_delimiter(ch: char) -> bool {
    matches!(ch, '(' | ')' | ',' | '"' | '=' | '!' | '<' | '>') || ch.is_whitespace()
}

struct Cursor<'a> {
    chars: std::iter::Peekable<std::str::Chars<'a>>,
    line: u32,
    column: u32,
}

impl Cursor<'_> {
    fn at(&self) -> Position {
        Position {
            line: self.line,
            column: self.column,
        }
    }

    fn peek(&mut self) -> Option<char> {
        self.chars.peek().copied()
    }

    fn bump(&mut self) -> Option<char> {
        let ch = self.chars.next()?;
        if ch == '\n' {
            self.line += 1;
            self.column = 1;
        } else {
            self.column += 1;
        }
        Some(ch)
    }
}

pub(super) fn tokenize(text: &str) -> Result<Vec<Token>, CriteriaError> {
    let mut cursor = Cursor {
        chars: text.chars().peekable(),
        line: 1,
        column: 1,
    };
    let mut tokens = Vec::new();
    loop {
        while cursor.peek().is_some_and(char::is_whitespace) {
            cursor.bump();
        }
        let at = cursor.at();
        let Some(ch) = cursor.bump() else {
            tokens.push(Token {
                kind: TokenKind::End,
                at,
            });
            return Ok(tokens);
        };
        let kind = match ch {
            '(' => TokenKind::Open,
            ')' => TokenKind::Close,
            ',' => TokenKind::Comma,
            '"' => TokenKind::Quoted(quoted(&mut cursor, at)?),
            '=' => TokenKind::Op(CompareOp::Eq),
            '!' if cursor.peek() == Some('=') => {
                cursor.bump();
                TokenKind::Op(CompareOp::Ne)
            }
            '!' => {
                return Err(CriteriaError::at(
                    at,
                    "'!' on its own means nothing here: write != or not",
                ));
            }
            '<' | '>' => {
                let or_equal = cursor.peek() == Some('=');
                if or_equal {
                    cursor.bump();
                }
                TokenKind::Op(match (ch, or_equal) {
                    ('<', false) => CompareOp::Lt,
                    ('<', true) => CompareOp::Le,
                    (_, false) => CompareOp::Gt,
                    (_, true) => CompareOp::Ge,
                })
            }
            first => {
                let mut word = String::from(first);
                while let Some(next) = cursor.peek().filter(|c| !is_delimiter(*c)) {
                    word.push(next);
                    cursor.bump();
                }
                TokenKind::Word(word)
            }
        };
        tokens.push(Token { kind, at });
    }
}

/// The rest of a double-quoted string whose opening quote was at `start`.
fn quoted(cursor: &mut Cursor<'_>, start: Position) -> Result<String, CriteriaError> {
    let mut text = String::new();
    loop {
        let escape_at = cursor.at();
        match cursor.bump() {
            None => {
                return Err(CriteriaError::at(
                    start,
                    "this quoted text has no closing quote (\")",
                ));
            }
            Some('"') => return Ok(text),
            Some('\\') => match cursor.bump() {
                Some(ch @ ('"' | '\\')) => text.push(ch),
                _ => {
                    return Err(CriteriaError::at(
                        escape_at,
                        "in quoted text, a backslash must be followed by \" or \\",
                    ));
                }
            },
            Some(ch) => text.push(ch),
        }
    }
}
