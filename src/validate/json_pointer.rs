//! Where each value of a JSON text starts, by its JSON pointer (`/front/titles/0/lang`), so a
//! schema error found on the parsed value can name the line and column a person edits.

use std::collections::HashMap;

/// The line and column (1-based, column in characters) of every value of `text`, by JSON
/// pointer; the whole document is `""`. Text that is not JSON gives what was read before
/// the fault.
pub fn value_positions(text: &str) -> HashMap<String, (usize, usize)> {
    let mut scanner = Scanner {
        chars: text.chars().collect(),
        pos: 0,
        line: 1,
        column: 1,
        found: HashMap::new(),
    };
    let mut path = String::new();
    scanner.skip_space();
    scanner.value(&mut path);
    scanner.found
}

/// The position of the value at `pointer`, or of its nearest enclosing value that exists
/// (an error about a missing member points at the object that lacks it).
pub fn position_of(
    positions: &HashMap<String, (usize, usize)>,
    pointer: &str,
) -> Option<(usize, usize)> {
    let mut p = pointer;
    loop {
        if let Some(at) = positions.get(p) {
            return Some(*at);
        }
        if p.is_empty() {
            return None;
        }
        p = p.rfind('/').map_or("", |i| &p[..i]);
    }
}

struct Scanner {
    chars: Vec<char>,
    pos: usize,
    line: usize,
    column: usize,
    found: HashMap<String, (usize, usize)>,
}

impl Scanner {
    fn peek(&self) -> Option<char> {
        self.chars.get(self.pos).copied()
    }

    fn bump(&mut self) -> Option<char> {
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

    fn skip_space(&mut self) {
        while self.peek().is_some_and(|c| c.is_whitespace()) {
            self.bump();
        }
    }

    fn value(&mut self, path: &mut String) {
        self.found.insert(path.clone(), (self.line, self.column));
        match self.peek() {
            Some('{') => {
                self.bump();
                loop {
                    self.skip_space();
                    match self.peek() {
                        Some('"') => {}
                        Some('}') => {
                            self.bump();
                            return;
                        }
                        _ => return,
                    }
                    let key = self.string();
                    self.skip_space();
                    if self.bump() != Some(':') {
                        return;
                    }
                    self.skip_space();
                    let len = path.len();
                    path.push('/');
                    path.push_str(&key.replace('~', "~0").replace('/', "~1"));
                    self.value(path);
                    path.truncate(len);
                    self.skip_space();
                    match self.bump() {
                        Some(',') => continue,
                        _ => return,
                    }
                }
            }
            Some('[') => {
                self.bump();
                let mut index = 0usize;
                loop {
                    self.skip_space();
                    if self.peek() == Some(']') {
                        self.bump();
                        return;
                    }
                    let len = path.len();
                    path.push('/');
                    path.push_str(&index.to_string());
                    self.value(path);
                    path.truncate(len);
                    index += 1;
                    self.skip_space();
                    match self.bump() {
                        Some(',') => continue,
                        _ => return,
                    }
                }
            }
            Some('"') => {
                self.string();
            }
            Some(_) => {
                while self
                    .peek()
                    .is_some_and(|c| !matches!(c, ',' | '}' | ']') && !c.is_whitespace())
                {
                    self.bump();
                }
            }
            None => {}
        }
    }

    /// Reads a string (the opening quote next) and returns it unescaped.
    fn string(&mut self) -> String {
        let mut out = String::new();
        self.bump();
        while let Some(c) = self.bump() {
            match c {
                '"' => break,
                '\\' => match self.bump() {
                    Some('n') => out.push('\n'),
                    Some('t') => out.push('\t'),
                    Some('r') => out.push('\r'),
                    Some('b') => out.push('\u{8}'),
                    Some('f') => out.push('\u{C}'),
                    Some('u') => {
                        let hex: String = (0..4).filter_map(|_| self.bump()).collect();
                        let unit = u32::from_str_radix(&hex, 16).unwrap_or(0xFFFD);
                        // A surrogate pair names one character.
                        if (0xD800..0xDC00).contains(&unit) && self.peek() == Some('\\') {
                            self.bump();
                            self.bump();
                            let low: String = (0..4).filter_map(|_| self.bump()).collect();
                            let low = u32::from_str_radix(&low, 16).unwrap_or(0);
                            let code =
                                0x10000 + ((unit - 0xD800) << 10) + (low.wrapping_sub(0xDC00));
                            out.push(char::from_u32(code).unwrap_or('\u{FFFD}'));
                        } else {
                            out.push(char::from_u32(unit).unwrap_or('\u{FFFD}'));
                        }
                    }
                    Some(other) => out.push(other),
                    None => break,
                },
                c => out.push(c),
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_every_value_by_pointer() {
        let text = "{\n  \"a\": [1, {\"b/c\": \"x\\\"y\"}],\n  \"d\": {\n    \"e\": null\n  }\n}";
        let at = value_positions(text);
        assert_eq!(at.get(""), Some(&(1, 1)));
        assert_eq!(at.get("/a"), Some(&(2, 8)));
        assert_eq!(at.get("/a/0"), Some(&(2, 9)));
        assert_eq!(at.get("/a/1/b~1c"), Some(&(2, 20)));
        assert_eq!(at.get("/d/e"), Some(&(4, 10)));
        assert_eq!(position_of(&at, "/d/missing"), Some((3, 8)));
        assert_eq!(position_of(&at, "/nothing/here"), Some((1, 1)));
    }
}
