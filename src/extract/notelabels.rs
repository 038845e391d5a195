//! The note-label lexer: the shapes a footnote label (`(1)`, `[1]`, `⁽¹⁾`, `¹`, `^1`, `1.`,
//! `*`) takes at the start of a note line, and the marker shapes found in running text.
//! Page zoning ([`super::pages`]), footnotes ([`super::footnotes`]), headings and reference
//! lists read labels through it.
//!
//! pdftotext prints raised labels and markers as plain digits: a label alone on its line
//! (`12`), glued to the note (`12See`) or spaced (`12 See`) — see [`plain_label`] — and a
//! marker glued to a word or to punctuation (`law.12`, `law, 12`) — see
//! [`scan_plain_markers`], which leaves out numbers that a word before them makes a
//! quantity or a reference (`note 12`, `S. 12`, per-language in `markers::notes`).

use super::markers::notes as notes_table;
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
    /// A digit run that pdftotext printed for a raised number in Arabic text, with no bracket
    /// or raising left: a label glued to its note's first word (`١القحطاني`) or alone on the
    /// line before the note's text; a marker glued to its word (`معه1.`), set off by a
    /// space before punctuation (`المصرف ١.`) or alone on a line.
    Plain,
}

impl MarkForm {
    /// Forms a zone may mix: raised forms go together, the others stand alone.
    pub(crate) fn family(self) -> u8 {
        match self {
            MarkForm::Paren => 0,
            MarkForm::Bracket => 1,
            MarkForm::SuperParen | MarkForm::Superscript | MarkForm::Caret => 2,
            // Plain labels are bare numbers that lost their space (`5الزعبي` beside
            // `4 Okafor`): one family.
            MarkForm::Bare | MarkForm::Plain => 3,
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

/// A label of 1–3 digits glued to the first Arabic letter of its note (`١القحطاني`).
static GLUED_LABEL_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"^\s*(?P<digits>{DIGIT}{{1,3}})\p{{Arabic}}"))
        .expect("glued label pattern")
});

/// A line that is only a note number, 1–3 digits (the label on the line before its note's
/// text, or a marker pdftotext set on a line of its own): the number.
pub fn lone_number(text: &str) -> Option<u32> {
    let t = text.trim();
    if t.is_empty() || t.chars().count() > 3 || !t.chars().all(crate::script::is_digit) {
        return None;
    }
    parse_number(t)
}

/// Reads the label at the start of a footnote line, if the line has one and text after it.
pub fn note_label(text: &str) -> Option<NoteLabel> {
    let Some(caps) = LABEL_RE.captures(text) else {
        return glued_label(text);
    };
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

/// A [`MarkForm::Plain`] label glued to its note's first Arabic word.
fn glued_label(text: &str) -> Option<NoteLabel> {
    let digits = GLUED_LABEL_RE.captures(text)?.name("digits")?;
    let first = text.get(digits.end()..)?.chars().next()?;
    if !crate::script::is_arabic_letter(first) {
        return None;
    }
    Some(NoteLabel {
        form: MarkForm::Plain,
        label: digits.as_str().to_string(),
        number: parse_number(digits.as_str()),
        rest: digits.end(),
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
    let mut out = bracketed_markers(text);
    let plain = plain_markers(text, &out);
    if !plain.is_empty() {
        out.extend(plain);
        out.sort_by_key(|c| c.start);
    }
    out
}

/// Whether `c` ends the word a marker is glued to, or stands after a loose one.
fn closes_marker(c: char) -> bool {
    ".,:;،؛)]\"»”!?؟".contains(c)
}

/// The [`MarkForm::Plain`] markers of Arabic text: a digit run right after an Arabic word
/// (weight 2), after a word or a bracket and a space before punctuation (weight 1, not after
/// a word that numbers things: `العدد ٣،`), or alone on the line (weight 2). Decimals, digits
/// beside Latin text and ranges already taken by `taken` are left out. These weights stay
/// under the bar for a marker without a note, so a plain digit only counts as a marker when
/// a note of its number is on its page.
fn plain_markers(text: &str, taken: &[MarkerCandidate]) -> Vec<MarkerCandidate> {
    use crate::script::{is_arabic_letter, is_digit};
    let mut out = Vec::new();
    if !text.chars().any(|c| is_arabic_letter(c) || is_digit(c)) {
        return out;
    }
    if let Some(number) = lone_number(text).filter(|&n| n > 0 && n < 100) {
        let start = text.len() - text.trim_start().len();
        out.push(MarkerCandidate {
            start,
            end: start + text.trim().len(),
            form: MarkForm::Plain,
            number,
            weight: 2,
        });
        return out;
    }
    if !text.chars().any(is_arabic_letter) {
        return out;
    }
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        if !is_digit(chars[i].1) {
            i += 1;
            continue;
        }
        let s = i;
        while i < chars.len() && is_digit(chars[i].1) {
            i += 1;
        }
        let e = i;
        let (start, end) = (chars[s].0, chars.get(e).map_or(text.len(), |c| c.0));
        if e - s > 2 || taken.iter().any(|c| c.start < end && start < c.end) {
            continue;
        }
        let next = chars.get(e).map(|c| c.1);
        let after_next = chars.get(e + 1).map(|c| c.1);
        let ends = next.is_none_or(|c| {
            c.is_whitespace() || (closes_marker(c) && after_next.is_none_or(|a| !is_digit(a)))
        });
        if !ends {
            continue;
        }
        // The character before the digits, marks skipped.
        let before = chars[..s]
            .iter()
            .rev()
            .map(|c| c.1)
            .find(|&c| !matches!(c, '\u{064B}'..='\u{065F}' | '\u{0670}'));
        let weight = match before {
            Some(c) if is_arabic_letter(c) => 2,
            Some(' ') if next.is_none_or(closes_marker) => {
                let word = text
                    .get(..start)
                    .unwrap_or("")
                    .split_whitespace()
                    .next_back()
                    .unwrap_or("");
                let last = word.chars().next_back();
                let counted = super::markers::notes::ALL
                    .iter()
                    .flat_map(|t| t.number_words.iter())
                    .any(|w| w.eq_ignore_ascii_case(word));
                match last {
                    Some(c) if !counted && (is_arabic_letter(c) || ")(".contains(c)) => 1,
                    _ => continue,
                }
            }
            _ => continue,
        };
        let Some(number) = number_in(text.get(start..end).unwrap_or("")) else {
            continue;
        };
        if number == 0 {
            continue;
        }
        out.push(MarkerCandidate {
            start,
            end,
            form: MarkForm::Plain,
            number,
            weight,
        });
    }
    out
}

/// The bracketed, raised and caret markers of `text`.
fn bracketed_markers(text: &str) -> Vec<MarkerCandidate> {
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

/// How a zone line opens when labels are plain digits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PlainLabel {
    /// Only a number: a label whose note is on another line (`12`).
    Alone(u32),
    /// A number before the note text, spaced or glued to a capital or a caseless letter
    /// (`12 See`, `12See`, `١٢المصدر`);
    /// `rest` is the byte offset of the text.
    Led {
        /// The number.
        number: u32,
        /// Byte offset of the note text.
        rest: usize,
    },
    /// Only an author-note mark (`*`, `†`, `‡`).
    StarAlone,
    /// An author-note mark before its text (`† Professor ...`).
    StarLed {
        /// Byte offset of the note text.
        rest: usize,
    },
    /// No label: text.
    Text,
}

/// The author-note marks.
pub const STAR_MARKS: &[char] = &['*', '†', '‡'];

static PLAIN_LED_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r#"^\s*(?P<n>{DIGIT}{{1,3}})(?:\.?\s+|(?P<glued>[\p{{Lu}}\p{{Lo}}“"‘'(\[§]))"#
    ))
    .expect("plain label pattern")
});

/// Reads how a zone line opens when labels are printed as plain digits.
pub fn plain_label(text: &str) -> PlainLabel {
    let t = text.trim();
    if t.is_empty() {
        return PlainLabel::Text;
    }
    if t.chars().count() <= 3 && t.chars().all(|c| digit_value(c).is_some()) {
        return parse_number(t).map_or(PlainLabel::Text, PlainLabel::Alone);
    }
    if t.chars().all(|c| STAR_MARKS.contains(&c)) && t.chars().count() <= 3 {
        return PlainLabel::StarAlone;
    }
    let lead = text.len() - text.trim_start().len();
    if t.starts_with(STAR_MARKS) {
        let marks = t.len() - t.trim_start_matches(STAR_MARKS).len();
        let after = t.get(marks..).unwrap_or("");
        // `* * *` is a divider, not a note.
        if after.trim_start().starts_with(STAR_MARKS) || after.trim().is_empty() {
            return PlainLabel::Text;
        }
        let rest = lead + marks + (after.len() - after.trim_start().len());
        return PlainLabel::StarLed { rest };
    }
    let Some(caps) = PLAIN_LED_RE.captures(text) else {
        return PlainLabel::Text;
    };
    let (Some(n), Some(all)) = (caps.name("n"), caps.get(0)) else {
        return PlainLabel::Text;
    };
    let rest = match caps.name("glued") {
        Some(g) => g.start(),
        None => all.end(),
    };
    match parse_number(n.as_str()) {
        Some(number) if text.get(rest..).is_some_and(|r| !r.trim().is_empty()) => {
            PlainLabel::Led { number, rest }
        }
        _ => PlainLabel::Text,
    }
}

/// Words after which a number is a quantity or a reference, from every notes table.
static NUMBER_LEADS: LazyLock<Vec<String>> = LazyLock::new(|| {
    notes_table::ALL
        .iter()
        .flat_map(|t| t.number_words.iter())
        .map(|w| w.to_lowercase())
        .collect()
});

/// Punctuation a marker may be glued to (`law.12`, `law,12`, `“law”12`).
const MARKER_AFTER_PUNCT: &str = ".,;:)]”’\"'!?»";

/// Finds the numbers of running text that may be note markers printed as plain digits:
/// one to three digits glued to a word or to punctuation (weight 3), after a space that
/// follows punctuation (2), or after a space that follows a word (1; 2 when the number ends
/// the line). Numbers inside larger figures (`4.2`, `3:16`, `1-2`, `K-12`, `$15`), before a
/// letter (`2nd`), or after a word that makes them a quantity or a reference (`note 12`,
/// `p. 4`, `§ 5`) are left out. Whether a candidate is a marker is decided by the notes of
/// its page (see `super::footnotes::link_markers`).
pub fn scan_plain_markers(text: &str) -> Vec<MarkerCandidate> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let Some(&(start, c)) = chars.get(i) else {
            break;
        };
        if digit_value(c).is_none() {
            i += 1;
            continue;
        }
        let mut j = i;
        while chars.get(j).is_some_and(|&(_, d)| digit_value(d).is_some()) {
            j += 1;
        }
        let end = chars.get(j).map_or(text.len(), |&(p, _)| p);
        let run = j - i;
        let before = i.checked_sub(1).and_then(|k| chars.get(k)).map(|&(_, b)| b);
        let before2 = i.checked_sub(2).and_then(|k| chars.get(k)).map(|&(_, b)| b);
        let after = chars.get(j).map(|&(_, a)| a);
        let after2 = chars.get(j + 1).map(|&(_, a)| a);
        i = j;
        if run > 3 {
            continue;
        }
        let is_digit = |c: Option<char>| c.is_some_and(|c| digit_value(c).is_some());
        // A marker glued to the next word by a lost space (`Oslo 15permit`): a spaced
        // number before a lower-case word of three letters or more (`2nd`, `10am` stay).
        let glued_word = before.is_some_and(char::is_whitespace)
            && after.is_some_and(char::is_lowercase)
            && chars
                .get(j..)
                .is_some_and(|r| r.iter().take_while(|(_, c)| c.is_alphabetic()).count() >= 3);
        // Part of a figure: `4.2`, `1,5`, `3:16`, `2016/17`, `1-2`, `K-12`, `$15`, `§5`.
        if before.is_some_and(|b| "-–—/+−$€£§#№%&=<>@_^".contains(b))
            || (before.is_some_and(|b| ".,:".contains(b)) && is_digit(before2))
            || (after.is_some_and(|a| ".,:/-–".contains(a)) && is_digit(after2))
            || after.is_some_and(|a| "%°/-–".contains(a) || (a.is_alphanumeric() && !glued_word))
            || before.is_some_and(|b| b == '(' || b == '[')
        {
            continue;
        }
        if !glued_word
            && after.is_some_and(|a| !a.is_whitespace() && !MARKER_AFTER_PUNCT.contains(a))
        {
            continue;
        }
        let Some(number) = parse_number(text.get(start..end).unwrap_or("")) else {
            continue;
        };
        if number == 0 {
            continue;
        }
        let ends_line = text.get(end..).is_some_and(|r| r.trim().is_empty());
        let weight = match before {
            _ if glued_word => {
                let head = text.get(..start).unwrap_or("").trim_end();
                let word = head.rsplit(char::is_whitespace).next().unwrap_or("");
                if NUMBER_LEADS.iter().any(|l| *l == word.to_lowercase()) {
                    continue;
                }
                1
            }
            Some(b) if b.is_alphabetic() || MARKER_AFTER_PUNCT.contains(b) => 3,
            Some(b) if b.is_whitespace() => {
                let head = text.get(..start).unwrap_or("").trim_end();
                let word = head.rsplit(char::is_whitespace).next().unwrap_or("");
                if NUMBER_LEADS.iter().any(|l| *l == word.to_lowercase()) {
                    continue;
                }
                match head.chars().next_back() {
                    Some(p) if MARKER_AFTER_PUNCT.contains(p) => 2,
                    Some(p) if digit_value(p).is_some() => 1,
                    Some(_) if ends_line => 2,
                    Some(_) => 1,
                    // The number alone on its line, or opening it.
                    None if ends_line => 2,
                    None => continue,
                }
            }
            Some(_) => continue,
            None if ends_line => 2,
            None => continue,
        };
        out.push(MarkerCandidate {
            start,
            end,
            form: MarkForm::Bare,
            number,
            weight,
        });
    }
    out
}

/// The markers of one line of running text in order: raised and bracketed forms, and, when
/// the notes are labelled with plain digits (`plain`), plain numbers too (where no other
/// form holds them).
pub fn scan_line_markers(text: &str, plain: bool) -> Vec<MarkerCandidate> {
    let mut cands = scan_markers(text);
    if plain {
        for c in scan_plain_markers(text) {
            if !cands.iter().any(|r| r.start < c.end && c.start < r.end) {
                cands.push(c);
            }
        }
        cands.sort_by_key(|c| c.start);
    }
    cands
}

/// Whether a zone's labels are plain digits: no line opens with a bracketed or raised
/// label.
pub fn has_plain_labels(notes: &[&str]) -> bool {
    notes
        .iter()
        .all(|l| note_label(l).is_none_or(|n| matches!(n.form, MarkForm::Bare | MarkForm::Star)))
}

/// Pairs candidates with footnotes in order, maximizing the total weight of the pairs
/// (a weighted longest common subsequence on the numbers). Returns, for each candidate,
/// the index of its footnote.
pub fn align_markers(cands: &[(usize, u32, u32)], notes: &[u32]) -> Vec<Option<usize>> {
    let (n, m) = (cands.len(), notes.len());
    let width = m + 1;
    let mut dp = vec![0u32; (n + 1) * width];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            let skip_c = dp[(i + 1) * width + j];
            let skip_n = dp[i * width + j + 1];
            let mut best = skip_c.max(skip_n);
            if let (Some(c), Some(&note)) = (cands.get(i), notes.get(j)) {
                if c.1 == note {
                    best = best.max(c.2 + dp[(i + 1) * width + j + 1]);
                }
            }
            dp[i * width + j] = best;
        }
    }
    let mut out = vec![None; n];
    let (mut i, mut j) = (0, 0);
    while i < n && j < m {
        let here = dp[i * width + j];
        let (c, note) = (cands[i], notes[j]);
        if c.1 == note && here == c.2 + dp[(i + 1) * width + j + 1] {
            out[i] = Some(j);
            i += 1;
            j += 1;
        } else if here == dp[(i + 1) * width + j] {
            i += 1;
        } else {
            j += 1;
        }
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
        // pdftotext's plain labels of Arabic notes
        let l = note_label("١القحطاني، سعد").expect("glued label");
        assert_eq!(
            (l.form, l.number, l.rest),
            (MarkForm::Plain, Some(1), "١".len())
        );
        assert_eq!(note_label("٢٠١٠م عام"), None);
        assert_eq!(note_label("3D printing"), None);
        assert_eq!(lone_number(" ٣ "), Some(3));
        assert_eq!(lone_number("12a"), None);
    }

    #[test]
    fn plain_markers_of_arabic_text() {
        let found = |t: &str| -> Vec<(u32, u32)> {
            scan_markers(t)
                .iter()
                .filter(|c| c.form == MarkForm::Plain)
                .map(|c| (c.number, c.weight))
                .collect()
        };
        // glued (LibreOffice), spaced before punctuation (XeLaTeX), alone on a line
        assert_eq!(found("يتعاقد معه1. وال شك"), vec![(1, 2)]);
        assert_eq!(found("على عميلاً١."), vec![(1, 2)]);
        assert_eq!(found("في الدراسات المصرفية ٢. غير أن"), vec![(2, 1)]);
        assert_eq!(found("عند مستوى )0.05( ٢. و يعني"), vec![(2, 1)]);
        assert_eq!(found("2"), vec![(2, 2)]);
        // counts, decimals, parts and Latin text are no markers
        assert_eq!(found("المجلد ٥، العدد ٣، ص ٦١."), vec![]);
        assert_eq!(found("بلغ ٢٦٫٤ درجة"), vec![]);
        assert_eq!(found("page 12."), vec![]);
        assert_eq!(found("رقم (٤٠) لسنة ١٩٥١"), vec![]);
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

    #[test]
    fn reads_plain_labels_as_pdftotext_prints_them() {
        assert_eq!(plain_label("12"), PlainLabel::Alone(12));
        assert_eq!(plain_label(" 7 "), PlainLabel::Alone(7));
        assert_eq!(plain_label("2019"), PlainLabel::Text);
        assert_eq!(
            plain_label("4 See the report."),
            PlainLabel::Led { number: 4, rest: 2 }
        );
        assert_eq!(
            plain_label("31Jones, Rivers"),
            PlainLabel::Led {
                number: 31,
                rest: 2
            }
        );
        assert_eq!(plain_label("2012, pp. 4-6."), PlainLabel::Text);
        assert_eq!(plain_label("3rd edition"), PlainLabel::Text);
        assert_eq!(plain_label("†"), PlainLabel::StarAlone);
        assert_eq!(
            plain_label("* Professor of Law"),
            PlainLabel::StarLed { rest: 2 }
        );
        assert_eq!(plain_label("* * *"), PlainLabel::Text);
        assert_eq!(plain_label("Id. at 4."), PlainLabel::Text);
    }

    #[test]
    fn scans_plain_markers_glued_or_spaced() {
        let found = |t: &str| -> Vec<(u32, u32)> {
            scan_plain_markers(t)
                .iter()
                .map(|c| (c.number, c.weight))
                .collect()
        };
        assert_eq!(
            found("the markets.1 Then rivers2 and lakes, 3 or seas 4"),
            vec![(1, 3), (2, 3), (3, 2), (4, 2)]
        );
        // Figures, ordinals, references and quantities are not markers.
        assert_eq!(
            found("In 1975 the K-12 plan, 4.2 km, 3:16, $15, the 2nd ed."),
            vec![]
        );
        assert_eq!(found("see note 12 and p. 4, § 5, Art. 3 and S. 7"), vec![]);
        assert_eq!(found("cities 14 grew"), vec![(14, 1)]);
        assert_eq!(found("Oslo 15permit the 3rd and 10am"), vec![(15, 1)]);
        assert_eq!(found("73"), vec![(73, 2)]);
        assert_eq!(found("1. First item"), vec![]);
        let text = "a claim.” 12 Next";
        let c = &scan_plain_markers(text)[0];
        assert_eq!(&text[c.start..c.end], "12");
    }
}
