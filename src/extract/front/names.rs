//! Front matter helpers: folded word matching against the marker tables, labels, academic
//! prefixes and person names (prefix, superscript labels, given/family split).

use crate::extract::markers::front::{FrontMarkers, ALL};
use crate::extract::person_names::{is_inverted_arabic_name, split_arabic_name};
use crate::model::{AcademicPrefix, AcademicRank, PersonName, Script};
use crate::script::{detect_script, is_arabic_letter, is_latin_letter};
use regex::Regex;
use std::sync::LazyLock;

pub(crate) use crate::script::fold::{fold, fold_char, is_ignorable};

/// Whether `c` is a letter of a word (Arabic or Latin or any other alphabetic).
fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || is_arabic_letter(c) || is_latin_letter(c)
}

/// Matches `entry` at the start of `text`, folding both, skipping ignorable characters of the
/// text and letting a space of the entry match any run of whitespace. With `dots_flexible`, a
/// `.` of the entry may be surrounded by spaces and a final dot may be missing in the text.
/// The match must end at a word boundary. Returns the byte length of the match in `text`.
pub(crate) fn match_at_start(text: &str, entry: &str, dots_flexible: bool) -> Option<usize> {
    // Most entries fail on their first character: check it before decoding the whole text
    // (callers try every entry at every word start).
    if let Some(e0) = entry.chars().next() {
        if e0 != ' ' && !(e0 == '.' && dots_flexible) {
            let t0 = text.chars().find(|&c| !is_ignorable(c));
            if t0.is_none_or(|c| fold_char(c) != fold_char(e0)) {
                return None;
            }
        }
    }
    let t: Vec<(usize, char)> = text.char_indices().collect();
    let e: Vec<char> = entry.chars().collect();
    let mut ti = 0;
    let skip_ignorable = |ti: &mut usize| {
        while t.get(*ti).is_some_and(|&(_, c)| is_ignorable(c)) {
            *ti += 1;
        }
    };
    let skip_space = |ti: &mut usize| {
        while t
            .get(*ti)
            .is_some_and(|&(_, c)| c.is_whitespace() || is_ignorable(c))
        {
            *ti += 1;
        }
    };
    for (ei, &ec) in e.iter().enumerate() {
        skip_ignorable(&mut ti);
        if ec == ' ' {
            // After a flexible dot the spaces are already consumed.
            let after_dot = dots_flexible && ei > 0 && e.get(ei - 1) == Some(&'.');
            if !after_dot && !t.get(ti).is_some_and(|&(_, c)| c.is_whitespace()) {
                return None;
            }
            skip_space(&mut ti);
            continue;
        }
        if ec == '.' && dots_flexible {
            skip_space(&mut ti);
            let last = ei + 1 == e.len();
            if t.get(ti).is_some_and(|&(_, c)| c == '.') {
                ti += 1;
                if !last {
                    skip_space(&mut ti);
                }
            } else if !last || !t.get(ti).is_none_or(|&(_, c)| c.is_whitespace()) {
                // A missing dot is allowed only at the end, before a space.
                return None;
            }
            continue;
        }
        match t.get(ti) {
            Some(&(_, c)) if fold_char(c) == fold_char(ec) => ti += 1,
            _ => return None,
        }
    }
    if dots_flexible && e.last().is_some_and(|&c| c != '.') {
        // An optional final dot the entry does not spell (`م.م.`).
        let mut probe = ti;
        while t.get(probe).is_some_and(|&(_, c)| c == ' ') {
            probe += 1;
        }
        if t.get(probe).is_some_and(|&(_, c)| c == '.') && e.contains(&'.') {
            ti = probe + 1;
        }
    }
    skip_ignorable(&mut ti);
    let ended_with_dot = ti > 0 && t.get(ti - 1).is_some_and(|&(_, c)| c == '.');
    if let Some(&(_, c)) = t.get(ti) {
        if is_word_char(c) && !ended_with_dot {
            return None;
        }
    }
    Some(t.get(ti).map_or(text.len(), |&(b, _)| b))
}

/// The longest entry of `entries` that `text` starts with (see [`match_at_start`]), as
/// (entry, matched byte length).
pub(crate) fn longest_match<'e>(
    text: &str,
    entries: impl Iterator<Item = &'e str>,
    dots_flexible: bool,
) -> Option<(&'e str, usize)> {
    let mut best: Option<(&'e str, usize)> = None;
    for entry in entries {
        if let Some(len) = match_at_start(text, entry, dots_flexible) {
            let longer = best.is_none_or(|(b, _)| entry.chars().count() > b.chars().count());
            if longer {
                best = Some((entry, len));
            }
        }
    }
    best
}

/// Byte offsets where words start in `text`.
fn word_starts(text: &str) -> impl Iterator<Item = usize> + '_ {
    let mut prev_word = false;
    text.char_indices().filter_map(move |(i, c)| {
        let w = is_word_char(c);
        let start = w && !prev_word;
        if !is_ignorable(c) {
            prev_word = w;
        }
        start.then_some(i)
    })
}

/// The char position of the first word of `text` where one of `entries` matches as whole
/// words, if any.
pub(crate) fn find_words<'e>(
    text: &str,
    entries: impl Iterator<Item = &'e str> + Clone,
) -> Option<usize> {
    for start in word_starts(text) {
        let rest = text.get(start..).unwrap_or("");
        if longest_match(rest, entries.clone(), false).is_some() {
            return Some(text.get(..start).unwrap_or("").chars().count());
        }
    }
    None
}

/// Entries of one list of all marker tables.
pub(crate) fn all_entries(
    pick: fn(&FrontMarkers) -> &'static [&'static str],
) -> impl Iterator<Item = &'static str> + Clone {
    ALL.iter().flat_map(move |m| pick(m).iter().copied())
}

/// What a label line opens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum LabelKind {
    /// An abstract.
    Abstract,
    /// A keyword list.
    Keywords,
}

/// A label found at the start of a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Label<'a> {
    /// What the label opens.
    pub kind: LabelKind,
    /// The language of the table the label comes from.
    pub lang: &'static str,
    /// The text after the label and its separator, trimmed.
    pub rest: &'a str,
}

/// Leading decoration before a label: bullets, stars, brackets.
static LABEL_LEAD: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[\s*•■▪\-–—(\[]*").expect("valid regex"));
/// The separator after a label: `:`, `:-`, `-`, `.` and brackets; optional.
static LABEL_SEP: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[\s)\]*]*([:：\-–—.]+)?\s*").expect("valid regex"));

/// The abstract or keyword label `line` starts with: label alone on its line or followed by a
/// separator (`Abstract: text`, `الملخص:-`, `Keywords - a, b`).
pub(crate) fn find_label(line: &str) -> Option<Label<'_>> {
    let lead = LABEL_LEAD.find(line).map_or(0, |m| m.end());
    let text = line.get(lead..)?;
    let mut best: Option<(Label<'_>, usize)> = None;
    for m in ALL {
        for (kind, list) in [
            (LabelKind::Abstract, m.abstract_labels),
            (LabelKind::Keywords, m.keyword_labels),
        ] {
            let Some((entry, len)) = longest_match(text, list.iter().copied(), false) else {
                continue;
            };
            let after = text.get(len..).unwrap_or("");
            let sep = LABEL_SEP.captures(after);
            let sep_len = sep.as_ref().and_then(|c| c.get(0)).map_or(0, |g| g.end());
            let has_sep = sep.as_ref().and_then(|c| c.get(1)).is_some();
            let rest = after.get(sep_len..).unwrap_or("").trim();
            if !has_sep && !rest.is_empty() {
                continue;
            }
            let n = entry.chars().count();
            if best.as_ref().is_none_or(|(_, b)| n > *b) {
                best = Some((
                    Label {
                        kind,
                        lang: m.lang,
                        rest,
                    },
                    n,
                ));
            }
        }
    }
    best.map(|(l, _)| l)
}

/// Numbering before a heading: `1.`, `1-`, `I.`, `(1)`.
static HEADING_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*(?:\(?[0-9٠-٩]{1,2}[.)\-]?|[IVX]{1,4}[.)\-])?\s*").expect("valid regex")
});

/// Whether `line` is a short numbered line starting with a capital (`1. Introduction`,
/// `2 How do markets see wars?`): a section heading when it follows a blank line.
pub(crate) fn is_numbered_heading(line: &str) -> bool {
    static NUMBERED: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^\s*(?:[0-9]{1,2}|[IVX]{1,4})\.?\s+\p{Lu}").expect("valid regex")
    });
    let words = line.split_whitespace().count();
    NUMBERED.is_match(line) && (2..=12).contains(&words) && !line.trim_end().ends_with([',', ';'])
}

/// Whether `line` is a heading that opens the body (`المقدمة`, `1. Introduction`), or a short
/// line ending in a colon (a run-in heading).
pub(crate) fn is_body_heading(line: &str) -> bool {
    let t = line.trim();
    let words = t.split_whitespace().count();
    if words == 0 || words > 8 {
        return false;
    }
    let lead = HEADING_NUMBER.find(t).map_or(0, |m| m.end());
    let rest = t.get(lead..).unwrap_or("");
    if longest_match(rest, all_entries(|m| m.body_headings), false).is_some() {
        return true;
    }
    words <= 5 && (t.ends_with(':') || t.ends_with(":-")) && find_label(t).is_none()
}

/// Digits that label authors and affiliations: Western, Arabic-Indic, superscript.
const LABEL_DIGITS: &str =
    r"0-9\x{0660}-\x{0669}\x{06F0}-\x{06F9}\x{00B9}\x{00B2}\x{00B3}\x{2070}\x{2074}-\x{2079}";

/// A run of labels after a name: `¹`, `1,2`, `²,³`, `(1)`, `[2]`.
static NAME_LABELS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"[\(\[]\s*[{d}]+(?:\s*[,،]\s*[{d}]+)*\s*[\)\]]|[{d}]+(?:\s*[,،]\s*[{d}]+)*",
        d = LABEL_DIGITS
    ))
    .expect("valid regex")
});

/// A label before an affiliation: `¹`, `1`, `(1)`, `1.`, `[1]`.
static AFF_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^\s*(?:[\(\[]\s*([{d}]{{1,2}})\s*[\)\]]|([\x{{00B9}}\x{{00B2}}\x{{00B3}}\x{{2070}}\x{{2074}}-\x{{2079}}]{{1,2}})|([0-9٠-٩]{{1,2}})[.)\-]?(?:\s|$))\s*",
        d = LABEL_DIGITS
    ))
    .expect("valid regex")
});

/// The value of a label digit (superscripts included).
fn label_digit(c: char) -> Option<u32> {
    match c {
        '\u{00B9}' => Some(1),
        '\u{00B2}' => Some(2),
        '\u{00B3}' => Some(3),
        '\u{2070}' => Some(0),
        '\u{2074}'..='\u{2079}' => Some(c as u32 - 0x2070),
        _ => crate::script::digit_value(c),
    }
}

/// The numbers of a label run (`1,2` → [1, 2]).
fn label_numbers(text: &str) -> Vec<u32> {
    let mut out = Vec::new();
    let mut cur: Option<u32> = None;
    for c in text.chars() {
        match label_digit(c) {
            Some(d) => cur = Some(cur.unwrap_or(0).saturating_mul(10).saturating_add(d)),
            None => {
                if let Some(v) = cur.take() {
                    out.push(v);
                }
            }
        }
    }
    out.extend(cur);
    out
}

/// The label an affiliation line starts with, and the text after it.
pub(crate) fn split_affiliation_label(line: &str) -> (Option<u32>, &str) {
    if let Some(c) = AFF_LABEL.captures(line) {
        let label = (1..=3)
            .filter_map(|i| c.get(i))
            .find_map(|g| label_numbers(g.as_str()).first().copied());
        if let (Some(label), Some(all)) = (label, c.get(0)) {
            return (Some(label), line.get(all.end()..).unwrap_or("").trim());
        }
    }
    (None, line.trim())
}

/// An author name read from a line.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct ParsedAuthor {
    /// The name, its script and parts.
    pub name: PersonName,
    /// The academic prefix, when one was printed.
    pub prefix: Option<AcademicPrefix>,
    /// Affiliation labels printed after the name.
    pub labels: Vec<u32>,
}

/// The academic prefix `text` starts with (longest table entry), its rank and its length.
pub(crate) fn match_prefix(text: &str) -> Option<(Option<AcademicRank>, usize)> {
    let mut best: Option<(usize, Option<AcademicRank>, usize)> = None;
    for m in ALL {
        for p in m.prefixes {
            if let Some(len) = match_at_start(text, p.written, true) {
                let n = p.written.chars().count();
                if best.is_none_or(|(b, _, _)| n > b) {
                    best = Some((n, p.rank, len));
                }
            }
        }
    }
    best.map(|(_, rank, len)| (rank, len))
}

/// Whether `word` (folded) is one of the entries of a list of any table.
fn is_entry(word: &str, pick: fn(&FrontMarkers) -> &'static [&'static str]) -> bool {
    let w = fold(word.trim_matches(|c: char| !is_word_char(c) && c != '-'));
    !w.is_empty() && all_entries(pick).any(|e| fold(e) == w)
}

/// Splits a name (prefix removed) into given names and family name. Arabic names are split
/// as Arabic catalogues do ([`split_arabic_name`]: compounds whole, the last element the
/// family name, `Family، Given` inverted); Latin names are `Given Family` with particles
/// (`van`, `al`) kept with the family.
pub(crate) fn split_name(name: &str, script: Script) -> (Option<String>, Option<String>) {
    let tokens: Vec<&str> = name.split_whitespace().collect();
    if tokens.is_empty() {
        return (None, None);
    }
    if script == Script::Arabic {
        return split_arabic_name(name);
    }
    // Latin particles join the family name only (`Maria de la Cruz` → `de la Cruz`), so that
    // a particle never glues two given names.
    let mut family_start = tokens.len() - 1;
    while family_start > 1 && is_entry(tokens[family_start - 1], |m| m.joins_next) {
        family_start -= 1;
    }
    if tokens.len() == 1 {
        return (None, Some(tokens[0].to_string()));
    }
    let given = tokens.get(..family_start).map(|g| g.join(" "));
    let family = tokens.get(family_start..).map(|f| f.join(" "));
    (given.filter(|g| !g.is_empty()), family)
}

/// Parses one person from `piece` (no separators left in it).
fn parse_person(piece: &str, labels: Vec<u32>, family_first: bool) -> Option<ParsedAuthor> {
    let t = piece
        .trim()
        .trim_matches(|c: char| c.is_whitespace() || "*†‡,،;؛:".contains(c));
    if t.is_empty() {
        return None;
    }
    let (prefix, rest) = match match_prefix(t) {
        Some((rank, len)) => {
            let written = t.get(..len).unwrap_or("").trim();
            (
                Some(AcademicPrefix {
                    as_written: written.to_string(),
                    meaning: rank,
                }),
                t.get(len..).unwrap_or("").trim(),
            )
        }
        None => (None, t),
    };
    let rest = rest.trim_matches(|c: char| c.is_whitespace() || "*†‡/".contains(c));
    if rest.is_empty() || !rest.chars().any(is_word_char) {
        return None;
    }
    let script = match detect_script(rest) {
        Script::Other => Script::Latin,
        s => s,
    };
    let lang = crate::script::default_lang(script)
        .unwrap_or("und")
        .to_string();
    let (given, family) = if family_first {
        match rest.split_once([',', '،']) {
            Some((f, g)) => (Some(g.trim().to_string()), Some(f.trim().to_string())),
            None => split_name(rest, script),
        }
    } else {
        split_name(rest, script)
    };
    Some(ParsedAuthor {
        name: PersonName {
            as_written: rest.to_string(),
            script,
            lang,
            given,
            family,
            ..Default::default()
        },
        prefix,
        labels,
    })
}

/// Splits `chunk` on author separators (`,`, `،`, `;`, `and`, `&`, `و`), keeping spans.
fn split_authors(chunk: &str) -> Vec<&str> {
    let mut pieces = Vec::new();
    let mut start = 0;
    for (i, c) in chunk.char_indices() {
        if matches!(c, ',' | '،' | ';' | '؛') {
            pieces.push(chunk.get(start..i).unwrap_or(""));
            start = i + c.len_utf8();
        }
    }
    pieces.push(chunk.get(start..).unwrap_or(""));
    let mut out = Vec::new();
    for p in pieces {
        let mut last = 0;
        let mut words = p.split_whitespace().peekable();
        let mut offset = 0;
        while let Some(w) = words.next() {
            let pos = p
                .get(offset..)
                .and_then(|r| r.find(w))
                .map_or(offset, |x| x + offset);
            offset = pos + w.len();
            let sep = all_entries(|m| m.author_separators).any(|s| fold(s) == fold(w));
            if sep && pos > last && words.peek().is_some() {
                out.push(p.get(last..pos).unwrap_or(""));
                last = offset;
            }
        }
        out.push(p.get(last..).unwrap_or(""));
    }
    // A separator that ends the line (`Jane Roe Æ` before a wrapped list) joins nothing.
    let is_sep = |w: &str| all_entries(|m| m.author_separators).any(|s| fold(s) == fold(w));
    out.into_iter()
        .map(|piece| {
            let t = piece.trim_end();
            match t.rsplit_once(char::is_whitespace) {
                Some((head, last)) if is_sep(last) => head,
                _ => piece,
            }
        })
        .filter(|s| !s.trim().is_empty())
        .collect()
}

/// Reads the authors printed on one line: `* م.م Name *`, `Name¹, Name²`, `A and B`,
/// Marks that call a name's note (`Jane Roe*`, `Jane Roe ∗`, `JANE ROE †`).
const NOTE_MARKS: &str = "*∗†‡";

/// `Family, Given`.
pub(crate) fn parse_author_line(line: &str) -> Vec<ParsedAuthor> {
    let t = line
        .trim()
        .trim_matches(|c: char| c.is_whitespace() || NOTE_MARKS.contains(c));
    let t = strip_byline(t).unwrap_or(t);
    let mut chunks: Vec<(&str, Vec<u32>)> = Vec::new();
    let mut pos = 0;
    for m in NAME_LABELS.find_iter(t) {
        chunks.push((
            t.get(pos..m.start()).unwrap_or(""),
            label_numbers(m.as_str()),
        ));
        pos = m.end();
    }
    chunks.push((t.get(pos..).unwrap_or(""), Vec::new()));
    let mut out: Vec<ParsedAuthor> = Vec::new();
    for (chunk, labels) in chunks {
        // `Family, Given`: one comma, a one-word family before it, Latin script, no labels.
        let parts: Vec<&str> = chunk.split(',').collect();
        let latin_family_first = labels.is_empty()
            && parts.len() == 2
            && detect_script(chunk) == Script::Latin
            && parts[0].split_whitespace().count() == 1
            && match_prefix(parts[0].trim()).is_none()
            && !parts[1].trim().is_empty()
            && parts[1].split_whitespace().count() <= 3
            && !parts[1].contains(" and ");
        // `العبيدي، عبد الله محمد`: one name element before the comma.
        let arabic_family_first = labels.is_empty()
            && detect_script(chunk) == Script::Arabic
            && match_prefix(chunk.trim()).is_none()
            && is_inverted_arabic_name(chunk)
            && !chunk
                .split_whitespace()
                .any(|w| all_entries(|m| m.author_separators).any(|s| fold(s) == fold(w)));
        let family_first = latin_family_first || arabic_family_first;
        let pieces = if family_first {
            vec![chunk]
        } else {
            split_authors(chunk)
        };
        let n = pieces.len();
        for (k, piece) in pieces.into_iter().enumerate() {
            let l = if k + 1 == n {
                labels.clone()
            } else {
                Vec::new()
            };
            if is_post_nominal(piece) {
                // `Jane Roe, LL.M., Omar Haddad`: a degree, not a name; its labels are the
                // name's before it.
                if let Some(prev) = out.last_mut() {
                    prev.labels.extend(l);
                }
                continue;
            }
            out.extend(parse_person(piece, l, family_first));
        }
    }
    out
}

/// Whether `piece` (one name's text between separators) is only a degree printed after a
/// name (`LL.M.`, `Ph.D.`).
pub(crate) fn is_post_nominal(piece: &str) -> bool {
    let t = piece.trim();
    !t.is_empty() && all_entries(|m| m.post_nominals).any(|e| fold(e) == fold(t))
}

/// `text` without the academic prefixes that open its names (`Dr. iur.`, `Prof. Dr.`) and
/// the degrees printed after them (`, LL.M.,`): what is left are the names.
fn without_titles(text: &str) -> String {
    let mut out = String::new();
    for piece in text.split_inclusive([',', ';', '،', '؛']) {
        let (body, sep) = match piece.char_indices().next_back() {
            Some((i, c)) if ",;،؛".contains(c) => (piece.get(..i).unwrap_or(""), &piece[i..]),
            _ => (piece, ""),
        };
        if is_post_nominal(body) {
            continue;
        }
        // Prefixes at any word start of the piece (`and Dr. Jane Roe`).
        let mut rest = body;
        let mut kept = String::new();
        while !rest.is_empty() {
            let lead = rest.len() - rest.trim_start().len();
            let word_start = rest.get(lead..).unwrap_or("");
            if let Some((_, len)) = match_prefix(word_start) {
                if len > 0 {
                    kept.push(' ');
                    rest = word_start.get(len..).unwrap_or("");
                    continue;
                }
            }
            let end = word_start
                .find(char::is_whitespace)
                .unwrap_or(word_start.len());
            kept.push_str(rest.get(..lead + end).unwrap_or(""));
            rest = word_start.get(end..).unwrap_or("");
        }
        out.push_str(&kept);
        out.push_str(sep);
    }
    out
}

/// The names of a byline (`by Jane Roe and Omar Haddad` → `Jane Roe and Omar Haddad`): the
/// line without its lead word, when one opens it and two words or more follow.
pub(crate) fn strip_byline(line: &str) -> Option<&str> {
    let t = line.trim();
    let (lead, rest) = t.split_once(char::is_whitespace)?;
    let rest = rest.trim_start();
    (all_entries(|m| m.byline_leads).any(|l| l == lead) && rest.split_whitespace().count() >= 2)
        .then_some(rest)
}

/// Whether `line` could hold only person names: short, no digits except labels, no sentence
/// punctuation, no title words; Latin words capitalized. Academic prefixes and degrees
/// around the names are left out first.
pub(crate) fn is_name_like(line: &str) -> bool {
    let t = line
        .trim()
        .trim_matches(|c: char| c.is_whitespace() || NOTE_MARKS.contains(c));
    let t = strip_byline(t).unwrap_or(t);
    // Labels are small numbers; a year or a code is no label (`Journal, 2023`).
    let long_number = t
        .split(|c: char| !crate::script::is_digit(c))
        .any(|run| run.chars().count() > 2);
    if long_number || all_entries(|m| m.article_types).any(|e| fold(e) == fold(t)) {
        return false;
    }
    let t = NAME_LABELS.replace_all(t, " ");
    let body = without_titles(&t);
    let words: Vec<&str> = body
        .split(|c: char| c.is_whitespace() || ",،;؛".contains(c))
        .filter(|w| !w.is_empty())
        .collect();
    if words.is_empty() || words.len() > 16 || body.chars().count() > 160 {
        return false;
    }
    if body.contains('@') || body.contains(':') || body.ends_with('?') || body.contains('"') {
        return false;
    }
    for w in words.iter().filter(|w| w.chars().any(is_word_char)) {
        if all_entries(|m| m.author_separators).any(|s| fold(s) == fold(w)) {
            continue;
        }
        if let Some((_, len)) = match_prefix(w) {
            if len == w.len() {
                continue;
            }
        }
        // An initial (`A.`) is no article.
        let initial = w.chars().count() == 2 && w.ends_with('.');
        if !initial && is_entry(w, |m| m.non_name_words) {
            return false;
        }
        let first = w.chars().find(|c| is_word_char(*c));
        match first {
            None => return false,
            Some(c) if c.is_numeric() => return false,
            Some(c) if is_latin_letter(c) && c.is_lowercase() && !is_entry(w, |m| m.joins_next) => {
                return false
            }
            _ => {}
        }
    }
    true
}

/// Whether `line` is certainly an author line: it starts with an academic prefix, is wrapped
/// in `*`, or ends its names with superscript labels.
pub(crate) fn is_strong_author_line(line: &str) -> bool {
    let t = line.trim();
    let inner = t.trim_matches(|c: char| c.is_whitespace() || c == '*');
    if inner.is_empty() || inner.contains('@') {
        return false;
    }
    if t.starts_with('*') && t.ends_with('*') && t.len() > 2 && is_name_like(inner) {
        return true;
    }
    // `by Jane Roe and Omar Haddad`: a byline.
    if strip_byline(inner).is_some_and(is_name_like) {
        return true;
    }
    if match_prefix(inner).is_some() && is_name_like(inner) {
        return true;
    }
    // `Name¹` or `Name1,2`: labels glued to a letter.
    let glued = NAME_LABELS.find_iter(inner).any(|m| {
        inner
            .get(..m.start())
            .and_then(|b| b.chars().last())
            .is_some_and(|c| is_word_char(c) && !c.is_numeric())
    });
    glued && is_name_like(inner) || ends_with_note_mark(t) && is_name_like(t)
}

/// Whether a line of two or more names ends with the mark of a note (`JANE ROE †`,
/// `Jane Roe*`, `Jane Roe 1`): the author line calling its author note.
fn ends_with_note_mark(line: &str) -> bool {
    let t = line.trim();
    let (names, mark) = match t.char_indices().next_back() {
        Some((i, c)) if NOTE_MARKS.contains(c) => (t.get(..i).unwrap_or(""), true),
        Some(_) => {
            let digits = t.len() - t.trim_end_matches(|c: char| c.is_ascii_digit()).len();
            let head = t.get(..t.len() - digits).unwrap_or("");
            (head, (1..=2).contains(&digits) && head.ends_with(' '))
        }
        None => ("", false),
    };
    let words = names
        .split_whitespace()
        .filter(|w| w.chars().any(char::is_alphabetic))
        .count();
    mark && words >= 2
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_labels_with_their_separators() {
        let l = find_label("الملخص:-").unwrap();
        assert_eq!((l.kind, l.lang, l.rest), (LabelKind::Abstract, "ar", ""));
        let l = find_label("Abstract: The paper studies").unwrap();
        assert_eq!((l.kind, l.rest), (LabelKind::Abstract, "The paper studies"));
        let l = find_label("KEY WORDS - trade; oil").unwrap();
        assert_eq!(
            (l.kind, l.lang, l.rest),
            (LabelKind::Keywords, "en", "trade; oil")
        );
        let l = find_label("ملخص البحث").unwrap();
        assert_eq!(l.kind, LabelKind::Abstract);
        let l = find_label("الكلمات الدالة : الأمن، الدولة").unwrap();
        assert_eq!((l.kind, l.rest), (LabelKind::Keywords, "الأمن، الدولة"));
        // A title that starts with a label word is not a label.
        assert!(find_label("Summary of the Debate on Water").is_none());
        assert!(find_label("الملخصات الإحصائية للسكان").is_none());
    }

    #[test]
    fn matches_prefixes_with_loose_dots() {
        assert_eq!(
            match_prefix("م.م علي"),
            Some((Some(AcademicRank::AssistantLecturer), "م.م".len()))
        );
        assert_eq!(
            match_prefix("ا. م. د. سعاد").map(|p| p.0),
            Some(Some(AcademicRank::AssistantProfessor))
        );
        assert_eq!(
            match_prefix("Asst. Prof. Dr. Jane Roe").map(|p| p.0),
            Some(Some(AcademicRank::AssistantProfessor))
        );
        assert_eq!(
            match_prefix("Prof.Dr. Sami Aziz").map(|p| p.0),
            Some(Some(AcademicRank::Professor))
        );
        assert_eq!(
            match_prefix("المدرس المساعد هدى").map(|p| p.0),
            Some(Some(AcademicRank::AssistantLecturer))
        );
        // A doctoral student (Maghreb usage), not `د.` inside it.
        assert_eq!(
            match_prefix("ط.د. نسيمة"),
            Some((Some(AcademicRank::Researcher), "ط.د.".len()))
        );
        assert_eq!(match_prefix("Drake Lee"), None);
        assert_eq!(match_prefix("مها علي"), None);
    }

    #[test]
    fn splits_arabic_names_with_compounds() {
        let (g, f) = split_name("سعاد كريم عبد الرحيم", Script::Arabic);
        assert_eq!(
            (g.as_deref(), f.as_deref()),
            (Some("سعاد كريم"), Some("عبد الرحيم"))
        );
        let (g, f) = split_name("عز الدين حسن", Script::Arabic);
        assert_eq!(
            (g.as_deref(), f.as_deref()),
            (Some("عز الدين"), Some("حسن"))
        );
        let (g, f) = split_name("علي محمد أبو زيد", Script::Arabic);
        assert_eq!(
            (g.as_deref(), f.as_deref()),
            (Some("علي محمد"), Some("أبو زيد"))
        );
        let (g, f) = split_name("حسن علي سيف الدين", Script::Arabic);
        assert_eq!(
            (g.as_deref(), f.as_deref()),
            (Some("حسن علي"), Some("سيف الدين"))
        );
    }

    #[test]
    fn splits_latin_names() {
        let (g, f) = split_name("Maria de la Cruz", Script::Latin);
        assert_eq!(
            (g.as_deref(), f.as_deref()),
            (Some("Maria"), Some("de la Cruz"))
        );
        let (g, f) = split_name("Omar Al Khatib", Script::Latin);
        assert_eq!(
            (g.as_deref(), f.as_deref()),
            (Some("Omar"), Some("Al Khatib"))
        );
    }

    #[test]
    fn reads_author_lines_in_several_layouts() {
        let a = parse_author_line("* أ.م.د سعاد كريم عبدالرحيم *");
        assert_eq!(a.len(), 1);
        assert_eq!(a[0].prefix.as_ref().unwrap().as_written, "أ.م.د");
        assert_eq!(a[0].name.as_written, "سعاد كريم عبدالرحيم");
        assert_eq!(a[0].name.family.as_deref(), Some("عبدالرحيم"));

        let a = parse_author_line("Jane Roe¹,², Omar Haddad³ and Li Wei¹");
        let names: Vec<_> = a.iter().map(|x| x.name.as_written.as_str()).collect();
        assert_eq!(names, ["Jane Roe", "Omar Haddad", "Li Wei"]);
        assert_eq!(a[0].labels, [1, 2]);
        assert_eq!(a[1].labels, [3]);
        assert_eq!(a[2].labels, [1]);

        let a = parse_author_line("Roe, Jane");
        assert_eq!(a.len(), 1);
        assert_eq!(a[0].name.family.as_deref(), Some("Roe"));
        assert_eq!(a[0].name.given.as_deref(), Some("Jane"));

        let a = parse_author_line("د. هدى سالم و د. كريم جواد");
        assert_eq!(a.len(), 2);
        assert_eq!(a[1].name.as_written, "كريم جواد");
        assert_eq!(
            a[1].prefix.as_ref().unwrap().meaning,
            Some(AcademicRank::Doctor)
        );
    }

    #[test]
    fn reads_names_between_titles_and_degrees() {
        let line = "Ass. iur. Jana Roe, LL.M., Dr. iur. Omar Haddad and Dr. phil. Li Wei*";
        assert!(is_name_like(line));
        assert!(is_strong_author_line(line));
        let names: Vec<String> = parse_author_line(line)
            .into_iter()
            .map(|a| a.name.as_written)
            .collect();
        assert_eq!(names, ["Jana Roe", "Omar Haddad", "Li Wei"]);
    }

    #[test]
    fn an_author_line_ends_with_its_note_mark() {
        assert!(is_strong_author_line("JANE A. ROE †"));
        assert!(is_strong_author_line("Jane Roe 1"));
        assert!(is_strong_author_line("Jane Roe*"));
        assert!(!is_strong_author_line("Chapter 2"));
        assert!(!is_strong_author_line("The Politics of Water 2"));
        let a = parse_author_line("Jane Roe 1");
        assert_eq!(a[0].name.as_written, "Jane Roe");
        assert_eq!(a[0].labels, [1]);
    }

    #[test]
    fn tells_names_from_titles() {
        assert!(is_name_like("Jane Roe and Omar Haddad"));
        assert!(is_name_like("سعاد كريم عبد الرحيم"));
        assert!(!is_name_like("The Politics of Water in Iraq"));
        assert!(!is_name_like("أثر السياسات المائية في العراق"));
        assert!(is_strong_author_line("* م.م هدى سالم *"));
        assert!(is_strong_author_line("Jane Roe1, Omar Haddad2"));
        assert!(!is_strong_author_line("Water Politics"));
    }

    #[test]
    fn reads_affiliation_labels() {
        assert_eq!(
            split_affiliation_label("¹ University of Kent"),
            (Some(1), "University of Kent")
        );
        assert_eq!(
            split_affiliation_label("(2) جامعة بغداد"),
            (Some(2), "جامعة بغداد")
        );
        assert_eq!(
            split_affiliation_label("2. College of Law"),
            (Some(2), "College of Law")
        );
        assert_eq!(
            split_affiliation_label("University of Kent"),
            (None, "University of Kent")
        );
    }

    #[test]
    fn recognizes_body_headings() {
        assert!(is_body_heading("المقدمة :"));
        assert!(is_body_heading("1. Introduction"));
        assert!(is_body_heading("Research problem:"));
        assert!(!is_body_heading("Keywords:"));
        assert!(!is_body_heading(
            "The introduction of the new tax regime was slow."
        ));
    }
}
