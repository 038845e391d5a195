//! XML Schema regular expressions (XML Schema Part 2, appendix F) translated into the syntax
//! of the `regex` crate.
//!
//! The dialects differ where it matters: an XSD pattern always matches the whole value (no
//! anchors exist, so `^` and `$` are ordinary characters); `.` excludes `\r` as well as `\n`;
//! `\s` is only the four XML white-space characters; `\i`/`\c` are XML name characters;
//! character classes can be subtracted (`[a-z-[aeiou]]`); and `\p{IsBlock}` names Unicode
//! blocks. Every character is written out as `\x{…}` so nothing the `regex` crate treats
//! specially (`&&`, `--`, `~~`, `#`, white space) can leak through.

use std::fmt::Write as _;

/// XML name start characters (XML 1.0 fifth edition), for `\i`.
const NAME_START: &str = r":A-Z_a-z\x{C0}-\x{D6}\x{D8}-\x{F6}\x{F8}-\x{2FF}\x{370}-\x{37D}\x{37F}-\x{1FFF}\x{200C}-\x{200D}\x{2070}-\x{218F}\x{2C00}-\x{2FEF}\x{3001}-\x{D7FF}\x{F900}-\x{FDCF}\x{FDF0}-\x{FFFD}\x{10000}-\x{EFFFF}";
/// The characters a name may continue with besides [`NAME_START`], for `\c`.
const NAME_MORE: &str = r"\-.0-9\x{B7}\x{300}-\x{36F}\x{203F}-\x{2040}";

/// Unicode general categories XSD's `\p{…}` accepts (the `regex` crate knows them all).
const CATEGORIES: &[&str] = &[
    "L", "Lu", "Ll", "Lt", "Lm", "Lo", "M", "Mn", "Mc", "Me", "N", "Nd", "Nl", "No", "P", "Pc",
    "Pd", "Ps", "Pe", "Pi", "Pf", "Po", "Z", "Zs", "Zl", "Zp", "S", "Sm", "Sc", "Sk", "So", "C",
    "Cc", "Cf", "Co", "Cn",
];

/// Unicode blocks for `\p{IsBlock}`: the common ones, as (XSD name, first, last).
const BLOCKS: &[(&str, u32, u32)] = &[
    ("BasicLatin", 0x0000, 0x007F),
    ("Latin-1Supplement", 0x0080, 0x00FF),
    ("LatinExtended-A", 0x0100, 0x017F),
    ("LatinExtended-B", 0x0180, 0x024F),
    ("IPAExtensions", 0x0250, 0x02AF),
    ("SpacingModifierLetters", 0x02B0, 0x02FF),
    ("CombiningDiacriticalMarks", 0x0300, 0x036F),
    ("Greek", 0x0370, 0x03FF),
    ("Cyrillic", 0x0400, 0x04FF),
    ("Armenian", 0x0530, 0x058F),
    ("Hebrew", 0x0590, 0x05FF),
    ("Arabic", 0x0600, 0x06FF),
    ("Syriac", 0x0700, 0x074F),
    ("Thaana", 0x0780, 0x07BF),
    ("Devanagari", 0x0900, 0x097F),
    ("LatinExtendedAdditional", 0x1E00, 0x1EFF),
    ("GreekExtended", 0x1F00, 0x1FFF),
    ("GeneralPunctuation", 0x2000, 0x206F),
    ("SuperscriptsandSubscripts", 0x2070, 0x209F),
    ("CurrencySymbols", 0x20A0, 0x20CF),
    ("LetterlikeSymbols", 0x2100, 0x214F),
    ("NumberForms", 0x2150, 0x218F),
    ("Arrows", 0x2190, 0x21FF),
    ("MathematicalOperators", 0x2200, 0x22FF),
    ("AlphabeticPresentationForms", 0xFB00, 0xFB4F),
    ("ArabicPresentationForms-A", 0xFB50, 0xFDFF),
    ("ArabicPresentationForms-B", 0xFE70, 0xFEFE),
    ("Specials", 0xFFF0, 0xFFFF),
];

/// Translates an XSD pattern into an anchored `regex` crate pattern matching the same
/// strings, or says why the pattern is not a valid XSD regular expression.
pub(crate) fn translate(pattern: &str) -> Result<String, String> {
    let mut p = Parser {
        chars: pattern.chars().collect(),
        pos: 0,
    };
    let mut out = String::from(r"\A(?:");
    p.reg_exp(&mut out)?;
    if let Some(c) = p.peek() {
        return Err(format!("unexpected `{c}` at character {}", p.pos + 1));
    }
    out.push_str(r")\z");
    Ok(out)
}

struct Parser {
    chars: Vec<char>,
    pos: usize,
}

fn lit(c: char, out: &mut String) {
    let _ = write!(out, "\\x{{{:X}}}", c as u32);
}

impl Parser {
    fn peek(&self) -> Option<char> {
        self.chars.get(self.pos).copied()
    }
    fn peek_at(&self, n: usize) -> Option<char> {
        self.chars.get(self.pos + n).copied()
    }
    fn bump(&mut self) -> Option<char> {
        let c = self.peek()?;
        self.pos += 1;
        Some(c)
    }
    fn err<T>(&self, what: &str) -> Result<T, String> {
        Err(format!("{what} at character {}", self.pos + 1))
    }

    fn reg_exp(&mut self, out: &mut String) -> Result<(), String> {
        self.branch(out)?;
        while self.peek() == Some('|') {
            self.bump();
            out.push('|');
            self.branch(out)?;
        }
        Ok(())
    }

    fn branch(&mut self, out: &mut String) -> Result<(), String> {
        while let Some(c) = self.peek() {
            if c == '|' || c == ')' {
                break;
            }
            self.piece(out)?;
        }
        Ok(())
    }

    fn piece(&mut self, out: &mut String) -> Result<(), String> {
        let mut atom = String::new();
        self.atom(&mut atom)?;
        match self.peek() {
            Some(q @ ('?' | '*' | '+')) => {
                self.bump();
                let _ = write!(out, "(?:{atom}){q}");
            }
            Some('{') => {
                self.bump();
                let min = self.number()?;
                let max = if self.peek() == Some(',') {
                    self.bump();
                    if self.peek() == Some('}') {
                        None
                    } else {
                        Some(self.number()?)
                    }
                } else {
                    Some(min)
                };
                if self.bump() != Some('}') {
                    return self.err("quantifier not closed with `}`");
                }
                if max.is_some_and(|m| m < min) {
                    return self.err("quantifier maximum below its minimum");
                }
                match max {
                    Some(m) if m == min => {
                        let _ = write!(out, "(?:{atom}){{{min}}}");
                    }
                    Some(m) => {
                        let _ = write!(out, "(?:{atom}){{{min},{m}}}");
                    }
                    None => {
                        let _ = write!(out, "(?:{atom}){{{min},}}");
                    }
                }
            }
            _ => out.push_str(&atom),
        }
        Ok(())
    }

    fn number(&mut self) -> Result<u32, String> {
        let start = self.pos;
        while self.peek().is_some_and(|c| c.is_ascii_digit()) {
            self.bump();
        }
        let digits: String = self.chars[start..self.pos].iter().collect();
        digits
            .parse()
            .or_else(|_| self.err("quantifier bound is not a number"))
    }

    fn atom(&mut self, out: &mut String) -> Result<(), String> {
        let Some(c) = self.bump() else {
            return self.err("pattern ends where an atom was expected");
        };
        match c {
            '(' => {
                out.push_str("(?:");
                self.reg_exp(out)?;
                if self.bump() != Some(')') {
                    return self.err("group not closed with `)`");
                }
                out.push(')');
            }
            '[' => {
                self.class_expr_body(out)?;
            }
            '.' => out.push_str(r"[^\n\r]"),
            '\\' => {
                let esc = self.escape()?;
                match esc {
                    Esc::Char(c) => lit(c, out),
                    Esc::Class(s) => {
                        let _ = write!(out, "[{s}]");
                    }
                }
            }
            '?' | '*' | '+' | '{' | '}' | ')' | ']' | '|' => {
                self.pos -= 1;
                return self.err(&format!("`{c}` must be escaped"));
            }
            c => lit(c, out),
        }
        Ok(())
    }

    /// After `\`: a single-character escape or a class escape (as class items).
    fn escape(&mut self) -> Result<Esc, String> {
        let Some(c) = self.bump() else {
            return self.err("pattern ends after `\\`");
        };
        Ok(match c {
            'n' => Esc::Char('\n'),
            'r' => Esc::Char('\r'),
            't' => Esc::Char('\t'),
            '\\' | '|' | '.' | '?' | '*' | '+' | '(' | ')' | '{' | '}' | '-' | '[' | ']' | '^' => {
                Esc::Char(c)
            }
            's' => Esc::Class(r"\x20\t\n\r".into()),
            'S' => Esc::Class(r"^\x20\t\n\r".into()),
            'i' => Esc::Class(NAME_START.into()),
            'I' => Esc::Class(format!("^{NAME_START}")),
            'c' => Esc::Class(format!("{NAME_START}{NAME_MORE}")),
            'C' => Esc::Class(format!("^{NAME_START}{NAME_MORE}")),
            'd' => Esc::Class(r"\p{Nd}".into()),
            'D' => Esc::Class(r"\P{Nd}".into()),
            'w' => Esc::Class(r"^\p{P}\p{Z}\p{C}".into()),
            'W' => Esc::Class(r"\p{P}\p{Z}\p{C}".into()),
            'p' | 'P' => {
                if self.bump() != Some('{') {
                    return self.err("`\\p` must be followed by `{`");
                }
                let start = self.pos;
                while self.peek().is_some_and(|c| c != '}') {
                    self.bump();
                }
                let name: String = self.chars[start..self.pos].iter().collect();
                if self.bump() != Some('}') {
                    return self.err("`\\p{` not closed with `}`");
                }
                let neg = if c == 'P' { "^" } else { "" };
                if let Some(block) = name.strip_prefix("Is") {
                    let Some(&(_, lo, hi)) = BLOCKS.iter().find(|(n, _, _)| *n == block) else {
                        return self.err(&format!("unsupported Unicode block `{name}`"));
                    };
                    Esc::Class(format!("{neg}\\x{{{lo:X}}}-\\x{{{hi:X}}}"))
                } else if CATEGORIES.contains(&name.as_str()) {
                    Esc::Class(format!("{neg}\\p{{{name}}}"))
                } else {
                    return self.err(&format!("unknown character property `{name}`"));
                }
            }
            other => return self.err(&format!("unknown escape `\\{other}`")),
        })
    }

    /// After `[`: a character group, optional subtraction, and the closing `]`.
    fn class_expr_body(&mut self, out: &mut String) -> Result<(), String> {
        let negated = if self.peek() == Some('^') {
            self.bump();
            true
        } else {
            false
        };
        let mut items = String::new();
        let mut first = true;
        let mut subtraction: Option<String> = None;
        loop {
            let Some(c) = self.peek() else {
                return self.err("character class not closed with `]`");
            };
            if c == ']' && !first {
                self.bump();
                break;
            }
            if c == '-' && self.peek_at(1) == Some('[') && !first {
                self.bump();
                self.bump();
                let mut sub = String::new();
                self.class_expr_body(&mut sub)?;
                subtraction = Some(sub);
                if self.bump() != Some(']') {
                    return self.err("a subtracted class must end its character class");
                }
                break;
            }
            first = false;
            let start = self.class_char()?;
            match start {
                Esc::Class(s) => {
                    let _ = write!(items, "[{s}]");
                }
                Esc::Char(lo) => {
                    // `a-z`, unless the `-` ends the group or starts a subtraction.
                    if self.peek() == Some('-')
                        && !matches!(self.peek_at(1), Some(']') | Some('[') | None)
                    {
                        self.bump();
                        match self.class_char()? {
                            Esc::Char(hi) if hi >= lo => {
                                lit(lo, &mut items);
                                items.push('-');
                                lit(hi, &mut items);
                            }
                            Esc::Char(_) => return self.err("character range out of order"),
                            Esc::Class(_) => {
                                return self.err("a class escape cannot end a character range")
                            }
                        }
                    } else {
                        lit(lo, &mut items);
                    }
                }
            }
        }
        if items.is_empty() {
            return self.err("empty character class");
        }
        let base = if negated {
            format!("[^{items}]")
        } else {
            format!("[{items}]")
        };
        match subtraction {
            Some(sub) => {
                let _ = write!(out, "[{base}--{sub}]");
            }
            None => out.push_str(&base),
        }
        Ok(())
    }

    fn class_char(&mut self) -> Result<Esc, String> {
        match self.bump() {
            None => self.err("character class not closed with `]`"),
            Some('\\') => self.escape(),
            Some('[') => self.err("`[` must be escaped inside a character class"),
            Some(c) => Ok(Esc::Char(c)),
        }
    }
}

enum Esc {
    Char(char),
    /// Class items in `regex` syntax, without brackets; may start with `^`.
    Class(String),
}

#[cfg(test)]
mod tests {
    use super::translate;
    use regex::Regex;

    fn matches(pattern: &str, value: &str) -> bool {
        let re = Regex::new(&translate(pattern).unwrap()).unwrap();
        re.is_match(value)
    }

    #[test]
    fn whole_value_and_xsd_escapes() {
        assert!(matches(r"\d{4}-?\d{3}[\dX]", "2070-9250"));
        assert!(!matches(r"\d{4}-?\d{3}[\dX]", "x2070-9250"));
        assert!(matches(r"\d{3}", "١٢٣"));
        assert!(matches(r"a$^", "a$^"));
        assert!(!matches(r".", "\r"));
        assert!(matches(r"\s", "\t"));
        assert!(!matches(r"\s", "\u{A0}"));
        assert!(matches(r"10\.[0-9]{4,9}/.{1,200}", "10.5555/x"));
        assert!(!matches(r"10\.[0-9]{4,9}/.{1,200}", "10.55/x"));
    }

    #[test]
    fn classes_with_dashes_subtraction_and_specials() {
        let marc = r##"[\dA-Za-z!"#$%&'()*+,-./:;<=>?{}_^`~\[\]\\]{1}"##;
        for ok in ["a", "9", "-", ".", ",", "^", "[", "]", "\\", "~", "&"] {
            assert!(matches(marc, ok), "{ok}");
        }
        assert!(!matches(marc, " "));
        assert!(!matches(marc, "ab"));
        assert!(matches(r"[a-z-[aeiou]]", "b"));
        assert!(!matches(r"[a-z-[aeiou]]", "a"));
        assert!(matches(r"[^a-c-[x]]", "d"));
        assert!(!matches(r"[^a-c-[x]]", "x"));
        assert!(matches(r"[\d \-]+", "12 -3"));
        assert!(matches(r"[a-]", "-"));
        assert!(matches(r"\i\c*", "x-1"));
        assert!(!matches(r"\i\c*", "1x"));
        assert!(matches(r"\p{IsArabic}+", "عربي"));
    }

    #[test]
    fn rejects_what_xsd_rejects() {
        assert!(translate("a{2,1}").is_err());
        assert!(translate("(a").is_err());
        assert!(translate("[a").is_err());
        assert!(translate("a)").is_err());
        assert!(translate(r"\q").is_err());
        assert!(translate("*a").is_err());
        assert!(translate(r"\p{IsNoSuchBlock}").is_err());
    }
}
