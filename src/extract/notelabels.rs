//! The note-label lexer: the shapes a footnote label (`(1)`, `[1]`, `⁽¹⁾`, `¹`, `^1`, `1.`,
//! `*`) takes at the start of a note line, and the marker shapes found in running text.
//! Page zoning ([`super::pages`]), footnotes ([`super::footnotes`]), headings and reference
//! lists read labels through it.

use crate::script::{digit_value, parse_number};
use regex::Regex;
use std::sync::LazyLock;

/// How a footnote label or an in-text marker is printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MarkForm {
    /// `(1)`, `(١)`.
    Paren,
    /// `[1]`.
    Bracket,
    /// `⁽¹⁾`.
    SuperParen,
    /// `¹`.
    Superscript,
    /// `^1`, `^(١)`.
    Caret,
    /// A bare number at the start of a footnote line: `1 `, `1.`, `1-`.
    Bare,
    /// `*`: an author note, not a numbered footnote.
    Star,
}

impl MarkForm {
    /// Forms a zone may mix: raised forms go together, the others stand alone.
    pub(crate) fn family(self) -> u8 {
        match self {
            MarkForm::Paren => 0,
            MarkForm::Bracket => 1,
            MarkForm::SuperParen | MarkForm::Superscript | MarkForm::Caret => 2,
            MarkForm::Bare => 3,
            MarkForm::Star => 4,
        }
    }
    /// Whether two forms belong to one family of labels (the raised forms go together).
    pub fn same_family(self, other: MarkForm) -> bool {
        self.family() == other.family()
    }
    /// Typographic markers (raised, caret) are markers whatever their number.
    pub(crate) fn is_raised(self) -> bool {
        self.family() == 2
    }
}

/// The label at the start of a footnote line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NoteLabel {
    /// How it is printed.
    pub form: MarkForm,
    /// The digits as printed, without brackets (empty for `*`).
    pub label: String,
    /// The label's number (none for `*`).
    pub number: Option<u32>,
    /// Byte offset in the line where the note text begins.
    pub rest: usize,
}

const DIGIT: &str = r"[0-9\x{0660}-\x{0669}\x{06F0}-\x{06F9}]";
const SUP: &str = r"[\x{2070}\x{00B9}\x{00B2}\x{00B3}\x{2074}-\x{2079}]";

// The patterns are constants; a failure to compile is a bug caught by every test.
static LABEL_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^\s*(?:\(\s*(?P<paren>{DIGIT}{{1,3}})\s*\)|\[\s*(?P<bracket>{DIGIT}{{1,3}})\s*\]|\x{{207D}}\s*(?P<sparen>(?:{SUP}|{DIGIT}){{1,3}})\s*\x{{207E}}|\^\(?\s*(?P<caret>{DIGIT}{{1,3}})\s*\)?|(?P<sup>{SUP}{{1,3}})|(?P<bare>{DIGIT}{{1,3}})(?:[.)\-\x{{2013}}]|\s)|(?P<star>\*+))\s*"
    ))
    .expect("footnote label pattern")
});

static MARKER_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?P<caret>\^\(\s*{DIGIT}{{1,3}}\s*\)|\^{DIGIT}{{1,3}})|(?P<sparen>\x{{207D}}\s?(?:{SUP}|{DIGIT}){{1,3}}\s?\x{{207E}})|(?P<paren>\(\s?{DIGIT}{{1,3}}\s?\))|(?P<bracket>\[{DIGIT}{{1,3}}\])|(?P<sup>{SUP}{{1,3}})"
    ))
    .expect("footnote marker pattern")
});

/// The value of a superscript digit.
fn superscript_value(c: char) -> Option<u32> {
    match c {
        '\u{2070}' => Some(0),
        '\u{00B9}' => Some(1),
        '\u{00B2}' => Some(2),
        '\u{00B3}' => Some(3),
        '\u{2074}'..='\u{2079}' => Some(c as u32 - 0x2070),
        _ => None,
    }
}

/// Reads the digits of `text` (any script, superscripts included), ignoring other characters.
fn number_in(text: &str) -> Option<u32> {
    let mut value: Option<u32> = None;
    for c in text.chars() {
        if let Some(d) = digit_value(c).or_else(|| superscript_value(c)) {
            value = Some(value.unwrap_or(0).checked_mul(10)?.checked_add(d)?);
        }
    }
    value
}

/// Reads the label at the start of a footnote line, if the line has one and text after it.
pub fn note_label(text: &str) -> Option<NoteLabel> {
    let caps = LABEL_RE.captures(text)?;
    let end = caps.get(0)?.end();
    let rest = text.get(end..)?;
    if rest.trim().is_empty() {
        return None;
    }
    let (form, m) = [
        ("paren", MarkForm::Paren),
        ("bracket", MarkForm::Bracket),
        ("sparen", MarkForm::SuperParen),
        ("caret", MarkForm::Caret),
        ("sup", MarkForm::Superscript),
        ("bare", MarkForm::Bare),
        ("star", MarkForm::Star),
    ]
    .iter()
    .find_map(|(name, form)| caps.name(name).map(|m| (*form, m)))?;
    if form == MarkForm::Star {
        // `* * *` is a divider, `*name*` an emphasis: neither is an author note.
        if rest.starts_with('*') {
            return None;
        }
        return Some(NoteLabel {
            form,
            label: String::new(),
            number: None,
            rest: end,
        });
    }
    let label = m.as_str().to_string();
    let number = if form == MarkForm::Bare {
        parse_number(&label)
    } else {
        number_in(&label)
    };
    Some(NoteLabel {
        form,
        label,
        number,
        rest: end,
    })
}

/// How sure we are that a marker-shaped piece of text is a footnote marker.
fn marker_weight(form: MarkForm, before: Option<char>, after: Option<char>) -> u32 {
    if form.is_raised() {
        return 4;
    }
    let attached = before.is_some_and(|c| !c.is_whitespace() && c != '(' && c != '[');
    let closes = after.is_none_or(|c| ".,:;،؛)]\"»”!?؟".contains(c));
    match (attached, closes) {
        (true, _) => 3,
        (false, true) => 2,
        (false, false) => 1,
    }
}

/// A piece of text shaped like a footnote marker.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MarkerCandidate {
    /// Byte range in the line.
    pub start: usize,
    /// End of the byte range.
    pub end: usize,
    /// How it is printed.
    pub form: MarkForm,
    /// Its number.
    pub number: u32,
    /// How likely it is a marker (4 raised, 3 attached to a word, 2 before punctuation, 1 loose).
    pub weight: u32,
}

/// Finds every marker-shaped piece of `text`, in order.
pub fn scan_markers(text: &str) -> Vec<MarkerCandidate> {
    let mut out = Vec::new();
    for caps in MARKER_RE.captures_iter(text) {
        let Some(whole) = caps.get(0) else { continue };
        let form = if caps.name("caret").is_some() {
            MarkForm::Caret
        } else if caps.name("sparen").is_some() {
            MarkForm::SuperParen
        } else if caps.name("paren").is_some() {
            MarkForm::Paren
        } else if caps.name("bracket").is_some() {
            MarkForm::Bracket
        } else {
            MarkForm::Superscript
        };
        let Some(number) = number_in(whole.as_str()) else {
            continue;
        };
        let before = text
            .get(..whole.start())
            .and_then(|s| s.chars().next_back());
        let after = text.get(whole.end()..).and_then(|s| s.chars().next());
        out.push(MarkerCandidate {
            start: whole.start(),
            end: whole.end(),
            form,
            number,
            weight: marker_weight(form, before, after),
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_labels_of_every_form() {
        let cases = [
            ("(1) نص", MarkForm::Paren, "1", 1),
            ("(١٢)نص", MarkForm::Paren, "١٢", 12),
            ("[3] Text", MarkForm::Bracket, "3", 3),
            ("⁽²⁾ نص", MarkForm::SuperParen, "²", 2),
            ("⁽١٣⁾ نص", MarkForm::SuperParen, "١٣", 13),
            ("¹ Text", MarkForm::Superscript, "¹", 1),
            ("^(۴) متن", MarkForm::Caret, "۴", 4),
            ("7. Text", MarkForm::Bare, "7", 7),
        ];
        for (text, form, label, number) in cases {
            let l = note_label(text).unwrap_or_else(|| panic!("{text}"));
            assert_eq!(
                (l.form, l.label.as_str(), l.number),
                (form, label, Some(number)),
                "{text}"
            );
        }
        assert_eq!(
            note_label("* قسم العلوم").map(|l| l.form),
            Some(MarkForm::Star)
        );
        assert_eq!(note_label("* * *"), None);
        assert_eq!(note_label("2014 was a year"), None);
        assert_eq!(note_label("(1)"), None, "a label needs text");
        assert_eq!(note_label("نص (1)"), None);
    }

    #[test]
    fn scans_markers_and_weighs_their_shape() {
        let text = "كلمة^(١) ونص⁽²⁾ وقول⁽٦⁾ و(3). و (4): ثم (120) سجين و(2169) عام [5]";
        let found: Vec<(u32, u32)> = scan_markers(text)
            .iter()
            .map(|c| (c.number, c.weight))
            .collect();
        assert_eq!(
            found,
            vec![(1, 4), (2, 4), (6, 4), (3, 3), (4, 2), (120, 1), (5, 2)]
        );
        let marker = &scan_markers("word¹ more")[0];
        assert_eq!(&"word¹ more"[marker.start..marker.end], "¹");
    }
}
