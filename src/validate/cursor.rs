//! A character cursor that tracks line and column, shared by the hand-written scanners of
//! the validators so every diagnostic can point into the checked file.

/// Walks a text character by character, counting lines and columns (1-based).
#[derive(Debug, Clone)]
pub(crate) struct CharCursor {
    /// The text's characters.
    pub chars: Vec<char>,
    /// Index of the next character.
    pub pos: usize,
    /// Line of the next character.
    pub line: usize,
    /// Column of the next character, in characters.
    pub column: usize,
}

impl CharCursor {
    /// A cursor at the start of `text`.
    pub fn new(text: &str) -> Self {
        CharCursor {
            chars: text.chars().collect(),
            pos: 0,
            line: 1,
            column: 1,
        }
    }

    /// The next character, not consumed.
    pub fn peek(&self) -> Option<char> {
        self.chars.get(self.pos).copied()
    }

    /// Consumes the next character, moving the line and column on.
    pub fn bump(&mut self) -> Option<char> {
        let c = self.peek()?;
        self.pos += 1;
        if c == '\n' {
            self.line += 1;
            self.column = 1;
        } else {
            self.column += 1;
        }
        Some(c)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_lines_and_columns() {
        let mut c = CharCursor::new("ab\nc");
        assert_eq!(
            (c.bump(), c.bump(), c.bump()),
            (Some('a'), Some('b'), Some('\n'))
        );
        assert_eq!((c.line, c.column, c.peek()), (2, 1, Some('c')));
        c.bump();
        assert_eq!(c.bump(), None);
    }
}
