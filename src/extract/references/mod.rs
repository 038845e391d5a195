//! The reference list: groups, entries and their typed fields.
//!
//! The input is the lines under the reference-list heading (page-break blank runs and
//! footnote zones already removed by the body reader; blank lines are tolerated anyway).
//! Group headings (`- المصادر العربية :`, `2. Foreign sources:`, `Books`) open groups; entries
//! are bulleted, numbered or bare and may wrap (a URL alone on a line belongs to the entry
//! above). Each entry keeps its raw text and gets typed fields from [`parse::parse_work`].
//!
//! In a bare list (no bullets, no blank lines) a line opens a new entry when the line above
//! ended one (full stop, closing mark, URL or DOI) and this line does not read as a wrapped
//! rest (lower-case start, a place, publisher or field label); without such an end, only an
//! inverted person head (`Family, I.`, `Family، Given.`) followed by an author-date year, or
//! following an entry that already has its year, opens one. Page numbers, separator rules and
//! raised-label footnotes that slipped in are dropped first.

mod bounded;
#[cfg(test)]
mod cases;
mod compact;
pub(crate) mod parse;
pub(crate) mod text;
mod title;

use super::markers::common;
use super::markers::references::all_of;
use super::notelabels::MarkForm;
use super::text::Line;
use crate::model::{Diagnostic, Reference, ReferenceGroup, ReferenceType, Span};
use crate::script::{default_lang, detect_script};
use regex::Regex;
use std::sync::LazyLock;

/// A bullet or number opening an entry or a group heading: `-`, `•`, `1.`, `١-`, `[3]`, `(3)`.
static LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*([-–—•▪●◦■]|\*\s|\[\s*\d{1,3}\s*\]|\(\s*\d{1,3}\s*\)|\d{1,3}\s*[.\-–)](?:\s|$|[^\d]))")
        .expect("valid label regex")
});

/// An APA-like year near the start of a line (`(2019)`, `(n.d.)`), telling a new bare entry.
static EARLY_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^.{0,120}?\(\s*(?:\d{4}[a-z]?|n\.\s?d\.?|د\.\s?ت)\s*[),]").expect("valid regex")
});

/// A Latin inverted person at the start of a line: `Family, I.`, `Family, Given.`,
/// `van Dijk, J.`, `Al-Rahim, Rend and ...`.
static LATIN_HEAD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?P<family>(?:\p{Ll}{1,5}[\s\-])*\p{Lu}[\p{L}'’\-]*(?:\s+(?:\p{Ll}{1,4}|\p{Lu}[\p{L}'’\-]*)){0,2})\s*,\s*(?P<given>\p{Lu}\.(?:\s*-?\s*\p{Lu}\.)*|\p{Lu}\p{Ll}[\p{L}'’\-]*(?:[\s\-]+\p{Lu}\p{Ll}[\p{L}'’\-]*){0,2}(?:\s+\p{Lu}\.)?(?:\s*(?:[.,(&;]|and\s)|\s*$))",
    )
    .expect("valid regex")
});

/// An Arabic inverted person at the start of a line: `Family، Given.` / `Family، Given (`.
static ARABIC_HEAD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?P<family>[\p{Arabic}&&[\p{L}\p{M}]]+(?:\s+[\p{Arabic}&&[\p{L}\p{M}]]+){0,2})\s*[،,]\s*(?P<given>[\p{Arabic}&&[\p{L}\p{M}]]+(?:\s+[\p{Arabic}&&[\p{L}\p{M}]]+){0,3})\s*(?:[.(،,]|$)",
    )
    .expect("valid regex")
});

/// A four-digit number standing alone (a year candidate).
static YEAR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?:^|[^\d])(\d{4})(?:[^\d]|$)").expect("valid regex"));

fn plausible_year(m: &str) -> bool {
    let digits: String = m.chars().filter(|c| crate::script::is_digit(*c)).collect();
    crate::script::parse_number(&digits).is_some_and(|y| (1500..=2100).contains(&y))
}

/// A line that opens with a journal's name and its numbers (`Ethnos 54:120–42.`,
/// `European Journal of Sociology, 3(3), 319-363.`): the wrapped rest of an article.
static JOURNAL_RUN_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\p{Lu}[^\d().:;,]{0,80}?,?\s\d{1,4}\s*(?:\(\s*[\d/\-–]{1,9}\s*\))?\s*[:,]\s*\d")
        .expect("valid regex")
});

/// A line that is only a page number (`12`, `- ١٢ -`, `[3]` is a label, not this).
static PAGE_NUMBER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[\s\-–—|]*\d{1,4}[\s\-–—|]*$").expect("valid regex"));

/// A footnote separator rule (`_____`, `-----`).
static SEPARATOR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*[_\x{0640}\-–—]{5,}\s*$").expect("valid regex"));

/// The bullet or number of a line, and the rest of it.
fn split_label(line: &str) -> (Option<String>, &str) {
    if let Some(c) = LABEL.captures(line) {
        if let Some(m) = c.get(1) {
            let mut label = m.as_str().trim().to_string();
            let mut end = m.end();
            // The number pattern may have eaten the first character of the text.
            if let Some(last) = label.chars().last() {
                if !matches!(
                    last,
                    '.' | '-' | '–' | ')' | ']' | '—' | '•' | '▪' | '●' | '◦' | '■' | '*'
                ) && !last.is_whitespace()
                {
                    end -= last.len_utf8();
                    label.pop();
                    label = label.trim().to_string();
                }
            }
            let rest = line.get(end..).unwrap_or("").trim();
            return (Some(label), rest);
        }
    }
    (None, line.trim())
}

/// A group heading: its title as printed (ordinal and colon removed) and the type its
/// entries default to.
fn group_heading(text: &str) -> Option<(String, ReferenceType)> {
    let t = text
        .trim()
        .trim_end_matches([':', '-', ' ', '：', '.'])
        .trim();
    if t.is_empty() || t.contains("http") || t.contains([',', '،', '(', '<', '.']) {
        return None;
    }
    let ordinals = all_of(|m| m.group_ordinals);
    let t = match text::starts_with_any(t, &ordinals) {
        Some(f) => t[f.end..]
            .trim_start_matches([':', '-', '–', '.', ' '])
            .trim(),
        None => t,
    };
    let words = t.split_whitespace().count();
    if words == 0 || words > 6 || t.chars().any(crate::script::is_digit) {
        return None;
    }
    let table: Vec<(&'static str, ReferenceType)> = super::markers::references::ALL
        .iter()
        .flat_map(|m| m.group_words.iter().copied())
        .collect();
    let names: Vec<&'static str> = table.iter().map(|(w, _)| *w).collect();
    let found = text::find_all(t, &names);
    if found.is_empty() {
        return None;
    }
    // Most words of a heading are group words (`المصادر العربية`), unlike an entry's title.
    let covered: usize = found
        .iter()
        .map(|f| t[f.start..f.end].split_whitespace().count())
        .sum();
    if covered * 2 < words {
        return None;
    }
    // A Latin heading is group words only (`Primary Sources`, `Books and Articles`): a line
    // like `Lexington Books` is the wrapped end of an entry.
    let latin = t
        .chars()
        .filter(|c| c.is_alphabetic())
        .all(crate::script::is_latin_letter);
    if latin {
        let linking = ["and", "&", "of", "the", "und", "et"];
        let uncovered = t
            .split_whitespace()
            .filter(|w| !linking.contains(&w.to_lowercase().as_str()))
            .count();
        if covered < uncovered {
            return None;
        }
    }
    let kind = found
        .iter()
        .filter_map(|f| table.iter().find(|(w, _)| *w == f.marker).map(|(_, k)| *k))
        .find(|k| *k != ReferenceType::Other)
        .unwrap_or(ReferenceType::Other);
    Some((t.to_string(), kind))
}

/// Whether a line is the heading of the whole list (when the caller left it in).
fn is_list_heading(text: &str) -> bool {
    let t = text.trim().trim_end_matches([':', '-', ' ', '.']).trim();
    let undoubled = crate::extract::sections::undoubled(t);
    text::equals_any(
        undoubled.as_deref().unwrap_or(t),
        &all_of(|m| m.list_headings),
    )
}

/// Whether a line without a label continues the entry above whatever the layout.
fn always_continues(rest: &str) -> bool {
    let t = rest.trim();
    let only_url = {
        let urls = text::find_urls(t);
        !urls.is_empty() && {
            let mut s = t.to_string();
            for u in urls.iter().rev() {
                s.replace_range(u.start..u.end, "");
            }
            text::trim_punct(&s).is_empty()
        }
    };
    only_url
        || text::find_doi(t).is_some_and(|(_, s, _)| s == 0)
        || text::starts_with_any(t, &all_of(|m| m.url_leads)).is_some()
        || text::starts_with_any(t, &all_of(|m| m.accessed_leads)).is_some()
        || t.chars().next().is_some_and(|c| c.is_lowercase())
}

/// Whether `s` names a place, publisher, journal, university or organization rather than
/// a person (so `Boston, MA.` or `دار الثقافة، عمان.` is not a name head).
fn not_a_person(s: &str) -> bool {
    let s = text::trim_punct(s);
    text::is_place(s)
        || text::contains_any(s, &all_of(|m| m.publisher_words))
        || text::contains_any(s, &all_of(|m| m.journal_words))
        || text::contains_any(s, &all_of(|m| m.university_words))
        || text::contains_any(s, &all_of(|m| m.organization_words))
        || text::contains_any(s, &all_of(|m| m.news_words))
}

/// Whether a line opens with an inverted person name (`Family, I.`, `Family, Given.`,
/// `Family، Given.`), the head of an author-first entry.
fn person_head(rest: &str) -> bool {
    let t = rest.trim();
    let caps = LATIN_HEAD
        .captures(t)
        .map(|c| (c, true))
        .or_else(|| ARABIC_HEAD.captures(t).map(|c| (c, false)));
    let Some((c, latin)) = caps else {
        return false;
    };
    let family = c.name("family").map_or("", |m| m.as_str()).trim();
    let given = c.name("given").map_or("", |m| m.as_str());
    let given = given
        .trim_end_matches(|ch: char| ch.is_whitespace() || matches!(ch, ',' | '(' | '&' | ';'))
        .trim_end_matches(" and")
        .trim();
    if family.is_empty() || given.is_empty() || not_a_person(family) || not_a_person(given) {
        return false;
    }
    // `Foreign Affairs, Vol. 3.` is a wrapped journal line, not `Family, Given.`.
    let labels = [
        all_of(|m| m.volume_labels),
        all_of(|m| m.issue_labels),
        common::PAGE_LABELS.to_vec(),
        all_of(|m| m.edition_before),
    ]
    .concat();
    if text::starts_with_any(given, &labels).is_some() {
        return false;
    }
    latin || (parse::name_like(family) && parse::name_like(given))
}

/// Whether a line opens like a new entry whatever the line before: an inverted person, or
/// a short author or title lead followed by an author-date year.
fn strong_head(rest: &str) -> bool {
    person_head(rest) || bounded::is_apa_head(rest.trim())
}

/// Whether an unlabelled line reads as the wrapped rest of an entry: lower-case start, a
/// lone URL, a number, a bracket, or a lead that is a place, a publisher, a journal or a
/// field label (`Boston: Harbor Press.`, `Vol. 3`, `العدد ٢`).
fn continuation_like(rest: &str) -> bool {
    let t = rest.trim();
    let Some(first) = t.chars().next() else {
        return true;
    };
    if always_continues(t)
        || JOURNAL_RUN_LINE.is_match(t)
        || first.is_numeric()
        || matches!(first, '(' | '[' | '&' | ':' | ',' | '،' | ';' | '؛' | ')')
    {
        return true;
    }
    let lead = t
        .split(['.', ',', '،', ':', ';', '؛', '('])
        .next()
        .unwrap_or("")
        .trim();
    if text::is_place(lead)
        || text::contains_any(lead, &all_of(|m| m.publisher_words))
        || text::contains_any(lead, &all_of(|m| m.university_words))
        || text::starts_with_any(lead, &all_of(|m| m.journal_words)).is_some()
    {
        return true;
    }
    let labels: Vec<&'static str> = [
        all_of(|m| m.volume_labels),
        all_of(|m| m.issue_labels),
        common::PAGE_LABELS.to_vec(),
        all_of(|m| m.edition_before),
        all_of(|m| m.editor_words),
        all_of(|m| m.translator_words),
        all_of(|m| m.chapter_words),
    ]
    .concat();
    text::starts_with_any(t, &labels).is_some()
}

/// Whether an entry's last line ends it: a final full stop or closing mark, or a URL/DOI.
fn ends_entry(line: &str) -> bool {
    let t = line.trim_end();
    if t.ends_with(['.', ')', '>', '”', ']', '»', '"']) {
        return true;
    }
    t.split_whitespace()
        .last()
        .is_some_and(|w| !text::find_urls(w).is_empty() || text::find_doi(w).is_some())
}

/// Whether a line ends on the closing mark of a quoted title (`“The Analysis of Culture,”`,
/// `“On Symbols.”`).
fn ends_on_quoted_title(line: &str) -> bool {
    let t = line.trim_end();
    let Some(close) = t.chars().last() else {
        return false;
    };
    matches!(close, '”' | '"' | '’') && t[..t.len() - close.len_utf8()].ends_with([',', '.'])
}

/// Whether an entry's line stops where no entry can end: on an author joiner (`and`, `&`,
/// `und`, `و`), a dash left open by a page range (`1–`), or a lower-case function word of a
/// title (`Problems of` / `Definition, Measurement and …`).
fn ends_open(line: &str) -> bool {
    let t = line.trim_end();
    if t.ends_with(['–', '—']) || (t.ends_with('-') && !t.ends_with("--")) {
        return true;
    }
    t.split_whitespace().last().is_some_and(|w| {
        all_of(|m| m.author_joiners).contains(&w)
            || (w.chars().count() > 1
                && w.chars().all(char::is_lowercase)
                && all_of(|m| m.stopwords).contains(&w))
    })
}

/// Lines that are no part of the list: a page number, a separator rule, a footnote line with a
/// raised label (`¹`, `⁽¹⁾`, `^1`) that slipped in from a page's footnote zone.
enum Stray {
    /// A page number or a separator: drop the line.
    Furniture,
    /// A separator rule: what follows up to a blank line is a footnote zone.
    Separator,
    /// The first line of a footnote: drop it and the lines that continue it.
    Footnote,
}

/// Whether lines are being dropped as a stray footnote zone, and how that ends.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Skip {
    /// Reading the list.
    No,
    /// After a separator rule: until a blank line.
    UntilBlank,
    /// After a raised footnote label: until a blank line, a labelled line or an entry head.
    Note,
}

fn stray(text: &str) -> Option<Stray> {
    // A year alone on its line is an entry's wrapped end, not a page number.
    if PAGE_NUMBER.is_match(text) && !plausible_year(text) {
        return Some(Stray::Furniture);
    }
    if SEPARATOR.is_match(text) {
        return Some(Stray::Separator);
    }
    let raised = super::notelabels::note_label(text).is_some_and(|l| {
        matches!(
            l.form,
            MarkForm::Superscript | MarkForm::SuperParen | MarkForm::Caret
        )
    });
    raised.then_some(Stray::Footnote)
}

struct Entry<'a> {
    label: Option<String>,
    lines: Vec<(usize, &'a str)>,
}

struct Group<'a> {
    title: Option<String>,
    kind: ReferenceType,
    source: Option<usize>,
    entries: Vec<Entry<'a>>,
}

/// Parses the lines under the reference-list heading.
pub fn extract_references(lines: &[Line]) -> (Vec<ReferenceGroup>, Vec<Diagnostic>) {
    let runs = justified_words(lines);
    let lines: Vec<Line> = lines
        .iter()
        .filter(|l| runs.blanks.binary_search(&l.number).is_err())
        .copied()
        .collect();
    let kept = without_strays(&lines, &runs.words);
    let labelled_list = is_labelled_list(&kept, &runs.words);
    let groups = group_entries(kept, labelled_list, &runs.words);
    parse_groups(groups)
}

/// Words that a justified line scattered one per line (`Autoridade` / blank /
/// `Portuária` / blank / `do` / ...), as pdftotext prints a line stretched across the
/// column: they continue the line above them. Line numbers, sorted.
#[derive(Debug, Default)]
struct JustifiedRuns {
    /// The lines of the scattered words.
    words: Vec<usize>,
    /// The blank lines between them.
    blanks: Vec<usize>,
}

/// How many scattered words make a run: fewer could be a short entry's wrapped lines.
const MIN_JUSTIFIED_WORDS: usize = 3;

fn is_single_word(l: &Line) -> bool {
    let t = l.text.trim();
    !t.is_empty() && !t.contains(char::is_whitespace)
}

/// Finds the runs of scattered words: three or more one-word lines, each at most one blank
/// line from the next, after a line of text.
fn justified_words(lines: &[Line]) -> JustifiedRuns {
    let mut runs = JustifiedRuns::default();
    let mut i = 0;
    while i < lines.len() {
        let starts = is_single_word(&lines[i])
            && lines[..i]
                .iter()
                .rev()
                .find(|l| !l.is_blank())
                .is_some_and(|l| !is_single_word(l));
        if !starts {
            i += 1;
            continue;
        }
        let mut members = vec![i];
        let mut blanks = Vec::new();
        let mut j = i;
        loop {
            let next = match lines.get(j + 1) {
                Some(l) if l.is_blank() => lines.get(j + 2).map(|n| (j + 2, Some(j + 1), n)),
                Some(l) => Some((j + 1, None, l)),
                None => None,
            };
            match next {
                Some((k, blank, l)) if is_single_word(l) => {
                    members.push(k);
                    blanks.extend(blank);
                    j = k;
                }
                _ => break,
            }
        }
        if members.len() >= MIN_JUSTIFIED_WORDS && !blanks.is_empty() {
            runs.words.extend(members.iter().map(|&k| lines[k].number));
            runs.blanks.extend(blanks.iter().map(|&k| lines[k].number));
        }
        i = j + 1;
    }
    runs
}

/// The lines without stray page numbers and footnote zones, so that neither counts as an
/// entry.
fn without_strays<'l, 'a>(lines: &'l [Line<'a>], words: &[usize]) -> Vec<&'l Line<'a>> {
    // Stray page numbers and footnote zones go first, so neither counts as an entry.
    let mut kept: Vec<&Line> = Vec::new();
    let mut skip = Skip::No;
    for l in lines {
        if l.is_blank() {
            skip = Skip::No;
            kept.push(l);
            continue;
        }
        // A scattered word is no page number even when it is a number (`13` of `13 May`).
        if words.binary_search(&l.number).is_ok() {
            if skip == Skip::No {
                kept.push(l);
            }
            continue;
        }
        match stray(l.text) {
            Some(Stray::Furniture) => continue,
            Some(Stray::Separator) => {
                skip = Skip::UntilBlank;
                continue;
            }
            Some(Stray::Footnote) => {
                if skip != Skip::UntilBlank {
                    skip = Skip::Note;
                }
                continue;
            }
            None => {}
        }
        if skip == Skip::Note {
            let (label, rest) = split_label(l.text);
            if label.is_some() || strong_head(rest) {
                skip = Skip::No;
            }
        }
        if skip == Skip::No {
            kept.push(l);
        }
    }
    kept
}

/// Whether the list is labelled (`[1]`, `1.`): then unlabelled lines are continuations.
fn is_labelled_list(kept: &[&Line], words: &[usize]) -> bool {
    // First pass: is the list labelled? Then unlabelled lines are continuations.
    let mut labelled = 0usize;
    let mut starts = 0usize;
    for l in kept
        .iter()
        .filter(|l| !l.is_blank() && words.binary_search(&l.number).is_err())
    {
        let (label, rest) = split_label(l.text);
        if group_heading(rest).is_some() || (always_continues(rest) && !strong_head(rest)) {
            continue;
        }
        starts += 1;
        if label.is_some() {
            labelled += 1;
        }
    }
    labelled > 0 && labelled * 3 >= starts
}

/// The groups of the list (under their headings) and their entries, each of its lines.
fn group_entries<'a>(kept: Vec<&Line<'a>>, labelled_list: bool, words: &[usize]) -> Vec<Group<'a>> {
    let mut groups: Vec<Group> = Vec::new();
    let mut seen_text = false;
    let mut blank_before = false;
    // A label printed alone on its line (`[12]`), waiting for its entry's text.
    let mut pending_label: Option<String> = None;
    for l in kept {
        if l.is_blank() {
            blank_before = true;
            continue;
        }
        if words.binary_search(&l.number).is_ok() {
            if let Some(e) = groups.last_mut().and_then(|g| g.entries.last_mut()) {
                e.lines.push((l.number, l.text.trim()));
                blank_before = false;
                continue;
            }
        }
        // In an unlabelled list a leading number is text (`25.` ending a page range), not
        // a label.
        let (mut label, rest) = if labelled_list {
            split_label(l.text)
        } else {
            (None, l.text.trim())
        };
        if label.is_some() && rest.is_empty() {
            pending_label = label;
            continue;
        }
        if label.is_none() {
            label = pending_label.take();
        }
        pending_label = None;
        if !seen_text && label.is_none() && is_list_heading(rest) {
            seen_text = true;
            continue;
        }
        seen_text = true;
        if let Some((title, kind)) = group_heading(rest) {
            groups.push(Group {
                title: Some(title),
                kind,
                source: Some(l.number),
                entries: Vec::new(),
            });
            blank_before = false;
            continue;
        }
        if groups.is_empty() {
            groups.push(Group {
                title: None,
                kind: ReferenceType::Other,
                source: None,
                entries: Vec::new(),
            });
        }
        let Some(group) = groups.last_mut() else {
            continue;
        };
        let continues = continues_entry(
            rest,
            &label,
            group.entries.last(),
            labelled_list,
            blank_before,
        );
        blank_before = false;
        if continues {
            if let Some(e) = group.entries.last_mut() {
                e.lines.push((l.number, rest));
            }
        } else {
            group.entries.push(Entry {
                label,
                lines: vec![(l.number, rest)],
            });
        }
    }
    groups
}

/// Whether an unlabelled line (`rest`, its text after any label) continues the entry above
/// it rather than opening a new one.
fn continues_entry(
    rest: &str,
    label: &Option<String>,
    prev: Option<&Entry>,
    labelled_list: bool,
    blank_before: bool,
) -> bool {
    match (label, prev) {
        (_, None) => false,
        (Some(_), _) => false,
        (None, Some(prev)) => {
            let head = strong_head(rest);
            let prev_text = prev.lines.last().map_or("", |x| x.1);
            if (always_continues(rest) && !head)
                || labelled_list
                || (!blank_before && ends_open(prev_text))
            {
                true
            } else {
                // A quoted title just closed (`“Title,”`) still waits for its container:
                // only a strong head opens a new entry after it.
                let ended = ends_entry(prev_text) && !ends_on_quoted_title(prev_text);
                // The old, looser head test still serves after a blank line.
                let loose_head = EARLY_YEAR.is_match(rest)
                    || rest
                        .split_whitespace()
                        .take(4)
                        .any(|w| w.ends_with([',', '،']));
                // An entry that already has its year is complete enough for a person
                // head to open the next one even without a final full stop.
                let prev_has_year = prev
                    .lines
                    .iter()
                    .any(|(_, t)| YEAR.find_iter(t).any(|m| plausible_year(m.as_str())));
                let new = (ended && (head || !continuation_like(rest)))
                    || (blank_before && (head || loose_head))
                    || (person_head(rest) && (bounded::is_apa_head(rest.trim()) || prev_has_year));
                !new
            }
        }
    }
}

/// Each entry parsed into a reference, numbered through the list, in groups.
fn parse_groups(groups: Vec<Group>) -> (Vec<ReferenceGroup>, Vec<Diagnostic>) {
    let mut diags = Vec::new();
    let mut out = Vec::new();
    let mut n_ref = 0usize;
    for g in groups.into_iter().filter(|g| !g.entries.is_empty()) {
        let mut refs = Vec::new();
        for e in g.entries {
            n_ref += 1;
            let raw = e
                .lines
                .iter()
                .map(|(_, t)| t.trim())
                .collect::<Vec<_>>()
                .join("\n");
            let first = e.lines.first().map_or(0, |x| x.0);
            let last = e.lines.last().map_or(first, |x| x.0);
            let mut r = parse::parse_work(&raw, parse::Origin::ListEntry, g.kind);
            r.id = format!("ref{n_ref}");
            r.label = e.label;
            r.lang = lang_of(&raw).to_string();
            r.source = Span::lines(first, last);
            if r.title.is_none() {
                diags.push(Diagnostic::warning(
                    "reference-without-title",
                    format!("reference {} has no title that could be told apart", r.id),
                    Some(first),
                ));
            }
            r.raw = raw;
            refs.push(r);
        }
        let lang = match &g.title {
            Some(t) => default_lang(detect_script(t)).map(str::to_string),
            None => majority_lang(&refs),
        };
        let source = g.source.or_else(|| refs.first().map(|r| r.source.line));
        out.push(ReferenceGroup {
            id: format!("refs{}", out.len() + 1),
            title: g.title,
            lang,
            references: refs,
            source: source.map(Span::line),
        });
    }
    (out, diags)
}

/// BCP 47 tag for a text by its script (`und` when it cannot be told).
pub(crate) fn lang_of(text: &str) -> &'static str {
    default_lang(detect_script(text)).unwrap_or("und")
}

fn majority_lang(refs: &[Reference]) -> Option<String> {
    let ar = refs.iter().filter(|r| r.lang == "ar").count();
    let en = refs.iter().filter(|r| r.lang == "en").count();
    match (ar, en) {
        (0, 0) => None,
        (a, e) if a >= e => Some("ar".into()),
        _ => Some("en".into()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Agent;

    fn lines(text: &str) -> Vec<Line<'_>> {
        text.lines()
            .enumerate()
            .map(|(i, t)| Line::new(i + 100, t))
            .collect()
    }

    #[test]
    fn two_groups_bullets_wraps_and_page_break() {
        let src = "- المراجع العربية :\n - البدري، سامي.(2001). مدن الماء. دار النهر. بغداد.\n - مكتب الإحصاء.(2020) تقرير السكان السنوي.\n<https://stats.example/r>\n\n\n\n- القيسي، منى.(د.ت) الأسواق القديمة.\n\n2. المراجع الأجنبية:\n\n- Lane, Mark.(2015). *River towns*. <https://example.org/rt>";
        let l = lines(src);
        let (groups, _) = extract_references(&l);
        assert_eq!(groups.len(), 2);
        assert_eq!(groups[0].title.as_deref(), Some("المراجع العربية"));
        assert_eq!(groups[0].lang.as_deref(), Some("ar"));
        assert_eq!(groups[1].title.as_deref(), Some("المراجع الأجنبية"));
        // The heading's language, whatever its entries' script.
        assert_eq!(groups[1].lang.as_deref(), Some("ar"));
        assert_eq!(groups[1].references[0].lang, "en");
        assert_eq!(groups[0].references.len(), 3);
        let r2 = &groups[0].references[1];
        assert_eq!(
            r2.raw,
            "مكتب الإحصاء.(2020) تقرير السكان السنوي.\n<https://stats.example/r>"
        );
        assert_eq!(r2.url.as_deref(), Some("https://stats.example/r"));
        assert_eq!(r2.source, Span::lines(102, 103));
        assert!(matches!(r2.authors[0], Agent::Organization { .. }));
        assert!(groups[0].references[2].no_date);
        assert_eq!(groups[1].references[0].id, "ref4");
        assert_eq!(
            groups[1].references[0].title.as_deref(),
            Some("River towns")
        );
        assert_eq!(groups[1].references[0].label.as_deref(), Some("-"));
    }

    #[test]
    fn open_line_ends_and_lone_numbers_continue_an_unlabelled_entry() {
        // Invented entries: a line ending on `and` or on an open page range `1–` never ends
        // an entry, and in an unlabelled list `25.` alone on its line is text, not a label.
        let src = "References\nRowe, N. and Hale, D. S. (2001). Town Halls and Their Keepers, edited by Marsh, D. and\nQuill, J. P. Leeds: Northgate Press.\nVance, J. (2008). Tolls on Old Bridges. Journal of Roads 33(1): 1–\n25.\nYoung, K. (2009). Canal Locks. Journal of Water 3(1): 1–25.";
        let (groups, _) = extract_references(&lines(src));
        let r = &groups[0].references;
        assert_eq!(r.len(), 3, "{r:#?}");
        assert!(r[0].raw.ends_with("Leeds: Northgate Press."));
        assert!(r[1].raw.ends_with("1–\n25."));
        assert_eq!(r[1].label, None);
        assert!(r[2].raw.starts_with("Young, K."));
    }

    #[test]
    fn a_line_ending_on_a_function_word_goes_on() {
        // `Problems of` cannot end an entry, so `Definition, Measurement …` is no new author.
        let src = "References\nMarsh, A. and B. North (2003), Harbour Dues: Problems of\nDefinition, Measurement and Causality, Paper presented at the Port Conference.\nOrme, C. (2008), Salt Roads, Leeds, Northgate Press.";
        let (groups, _) = extract_references(&lines(src));
        let r = &groups[0].references;
        assert_eq!(r.len(), 2, "{r:#?}");
        assert!(r[0].raw.contains("Problems of\nDefinition"));
    }

    #[test]
    fn a_closed_quoted_title_and_a_journal_run_line_continue_an_entry() {
        // Invented entries: after `“Title,”` the journal line is no new entry, nor is a line
        // that opens with a journal's name and numbers after a full stop.
        let src = "References\nMarsh, Ada. 1991. “The Keepers of Small Harbours,”\nTide 54:120–42.\nNorth, Ben (1997). Quays and Their Towns.\nCoastal Studies Quarterly, 3(3), 319-363.\nOrme, Cy. 2001. Salt Roads. Leeds: Northgate Press.";
        let (groups, _) = extract_references(&lines(src));
        let r = &groups[0].references;
        assert_eq!(r.len(), 3, "{r:#?}");
        assert_eq!(r[0].container.as_deref(), Some("Tide"));
        assert_eq!(r[1].container.as_deref(), Some("Coastal Studies Quarterly"));
    }

    #[test]
    fn numbered_english_apa_list_with_dois_no_heading() {
        let src = "References\n[1] Adams, R., & Cole, M. (2019). Ports and trade. Maritime Review, 8(1), 1-20. https://doi.org/10.4242/mr.8.1\n[2] Baker, S. (2020). Salt roads (3rd ed.). Harbor Press.\n[3] Chen, L. (n.d.). Tide tables online. Retrieved May 2, 2022, from https://tides.example.com";
        let (groups, _) = extract_references(&lines(src));
        assert_eq!(groups.len(), 1);
        assert_eq!(groups[0].title, None);
        let r = &groups[0].references;
        assert_eq!(r.len(), 3);
        assert_eq!(r[0].label.as_deref(), Some("[1]"));
        assert_eq!(r[0].doi.as_deref(), Some("10.4242/mr.8.1"));
        assert_eq!(r[0].ref_type, ReferenceType::JournalArticle);
        assert_eq!(r[1].ref_type, ReferenceType::Book);
        assert_eq!(r[1].publisher.as_deref(), Some("Harbor Press"));
        assert!(r[2].no_date);
        assert_eq!(r[2].accessed.as_deref(), Some("May 2, 2022"));
        assert_eq!(r[2].ref_type, ReferenceType::WebPage);
    }

    #[test]
    fn bare_entries_split_on_terminal_punctuation_and_typed_by_group() {
        let src = "Books\nHart, Ann. Old Maps of the Coast. London: Tidewater\nPress, 2004.\nIvers, Tom. Lighthouses. Boston: Beacon Books, 1990.\nWebsites\nHarbor authority. Annual notice. https://harbor.example.gov";
        let (groups, _) = extract_references(&lines(src));
        assert_eq!(groups.len(), 2);
        assert_eq!(groups[0].references.len(), 2);
        assert_eq!(
            groups[0].references[0].raw,
            "Hart, Ann. Old Maps of the Coast. London: Tidewater\nPress, 2004."
        );
        assert_eq!(groups[0].references[1].place.as_deref(), Some("Boston"));
        assert_eq!(groups[1].references[0].ref_type, ReferenceType::WebPage);
    }

    /// A wrapped publisher line (`Lexington Books`) is no group heading: a Latin group
    #[test]
    fn arabic_group_headings_by_language() {
        for h in [
            "أولاً: المراجع باللغة العربية",
            "ثانياً: المراجع باللغة الفرنسية",
            "المراجع الإنكليزية",
        ] {
            assert!(group_heading(h).is_some(), "{h}");
        }
        assert!(group_heading("الثورة الفرنسية وأثرها في الجزائر").is_none());
    }

    /// heading is group words only.
    #[test]
    fn a_publisher_line_is_not_a_group_heading() {
        assert!(group_heading("Primary Sources").is_some());
        assert!(group_heading("Books and Articles").is_some());
        assert!(group_heading("Lexington Books").is_none());
        let src = "Hale, A. (2001). First book. Lanham, MD:\nLexington Books.\nIto, B. (2004). Second book. Quay Press.";
        let (groups, _) = extract_references(&lines(src));
        assert_eq!(groups.len(), 1);
        assert_eq!(groups[0].references.len(), 2);
    }

    #[test]
    fn arabic_numbered_entries_with_arabic_indic_labels() {
        let src = "أولاً: الكتب\n١- الجبوري، كامل. الحكم المحلي. بيروت. ٢٠١٢.\n٢- سعيد، نوال. المدن والريف. القاهرة. ١٩٩٩.";
        let (groups, _) = extract_references(&lines(src));
        assert_eq!(groups[0].title.as_deref(), Some("الكتب"));
        let r = &groups[0].references;
        assert_eq!(r.len(), 2);
        assert_eq!(r[0].label.as_deref(), Some("١-"));
        assert_eq!(r[0].raw, "الجبوري، كامل. الحكم المحلي. بيروت. ٢٠١٢.");
        assert_eq!(r[0].year.as_ref().and_then(|y| y.value), Some(2012));
        assert_eq!(r[0].year.as_ref().map(|y| y.raw.as_str()), Some("٢٠١٢"));
        assert_eq!(r[0].ref_type, ReferenceType::Book);
    }

    fn raws(groups: &[ReferenceGroup]) -> Vec<&str> {
        groups
            .iter()
            .flat_map(|g| g.references.iter())
            .map(|r| r.raw.as_str())
            .collect()
    }

    #[test]
    fn bare_apa_entries_on_consecutive_lines_split_and_wraps_stay() {
        let src = "Okafor, C. N., & Lind, B. (2020). Ferry networks. Island Review, 9(4), 45–67. https://doi.org/10.4321/ir.94\nLind, B. (2016). Tolls and quays. Sea Policy, 3(1), 1–9. doi:10.4321/sp.31\nvan Rooij, A. (2014). Port cities in decline. Rotterdam: Quay\nPress.\nMarsh, Helen. (2019). Tidal towns,\nrevisited and reconsidered. Coast Journal, 2, 3–4.\nNordic Harbour Council. (2021). Annual survey 2021.\nhttps://example.org/survey\nVarga, E. (2011). Managing river basins (3rd ed.).\nBoston: Tideway Press.";
        let (groups, _) = extract_references(&lines(src));
        assert_eq!(
            raws(&groups),
            vec![
                "Okafor, C. N., & Lind, B. (2020). Ferry networks. Island Review, 9(4), 45–67. https://doi.org/10.4321/ir.94",
                "Lind, B. (2016). Tolls and quays. Sea Policy, 3(1), 1–9. doi:10.4321/sp.31",
                "van Rooij, A. (2014). Port cities in decline. Rotterdam: Quay\nPress.",
                "Marsh, Helen. (2019). Tidal towns,\nrevisited and reconsidered. Coast Journal, 2, 3–4.",
                "Nordic Harbour Council. (2021). Annual survey 2021.\nhttps://example.org/survey",
                "Varga, E. (2011). Managing river basins (3rd ed.).\nBoston: Tideway Press.",
            ]
        );
        let r = &groups[0].references;
        assert_eq!(r[5].place.as_deref(), Some("Boston"));
        assert_eq!(r[5].edition.as_deref(), Some("3rd"));
    }

    #[test]
    fn bare_arabic_entries_split_on_family_given_heads() {
        let src = "الكعبي، حسن علي. (٢٠١٩). إدارة الموانئ النهرية. البصرة: دار الشط.\nالسامرائي، ندى. الجسور والمدن.\nدار الرافدين، بغداد، ٢٠٠٨.\nعبد الله، سامر جواد. (٢٠١٢). النقل النهري. مجلة الخليج، العدد ٤.";
        let (groups, _) = extract_references(&lines(src));
        let r: Vec<&Reference> = groups.iter().flat_map(|g| g.references.iter()).collect();
        assert_eq!(r.len(), 3, "{:?}", raws(&groups));
        assert_eq!(
            r[1].raw,
            "السامرائي، ندى. الجسور والمدن.\nدار الرافدين، بغداد، ٢٠٠٨."
        );
        assert!(!r[0].authors.is_empty());
        assert_eq!(r[2].source, Span::line(103));
        // No final full stops: a person head after an entry that has its year opens the next.
        let src = "الجبوري، كامل. الحكم المحلي. بيروت ٢٠١٢\nسعيد، نوال. المدن والريف. القاهرة ١٩٩٩\nHart, Ann. Old Maps. London 2004\nForeign Affairs, Vol. 3\nIvers, Tom. Lighthouses. Boston 1990";
        let (groups, _) = extract_references(&lines(src));
        assert_eq!(
            raws(&groups),
            vec![
                "الجبوري، كامل. الحكم المحلي. بيروت ٢٠١٢",
                "سعيد، نوال. المدن والريف. القاهرة ١٩٩٩",
                "Hart, Ann. Old Maps. London 2004\nForeign Affairs, Vol. 3",
                "Ivers, Tom. Lighthouses. Boston 1990",
            ]
        );
    }

    #[test]
    fn every_label_form_splits_and_a_lone_label_waits_for_its_text() {
        for (src, label) in [
            ("١- سالم، هدى. كتاب أول.\n٢- ناصر، علي. كتاب ثان.", "١-"),
            ("1. Hale, A. First book.\n2. Ito, B. Second book.", "1."),
            ("[1] Hale, A. First book.\n[2] Ito, B. Second book.", "[1]"),
            ("(1) Hale, A. First book.\n(2) Ito, B. Second book.", "(1)"),
            ("- Hale, A. First book.\n- Ito, B. Second book.", "-"),
            ("• Hale, A. First book.\n• Ito, B. Second book.", "•"),
            ("* Hale, A. First book.\n* Ito, B. Second book.", "*"),
        ] {
            let (groups, _) = extract_references(&lines(src));
            let r: Vec<&Reference> = groups.iter().flat_map(|g| g.references.iter()).collect();
            assert_eq!(r.len(), 2, "{src}");
            assert_eq!(r[0].label.as_deref(), Some(label), "{src}");
            assert!(!r[1].raw.starts_with(['-', '•', '*', '[', '(']), "{src}");
        }
        let (groups, _) = extract_references(&lines(
            "[1]\nHale, A. First book.\n[2]\nIto, B. Second book.",
        ));
        let r = &groups[0].references;
        assert_eq!(r.len(), 2);
        assert_eq!(r[1].label.as_deref(), Some("[2]"));
        assert_eq!(r[1].raw, "Ito, B. Second book.");
    }

    #[test]
    fn stray_page_numbers_and_footnote_zones_are_not_entries() {
        let src = "Hale, A. (2001). First book. Dock Press.\n14\nIto, B. (2004). Second book. Quay Press.\n¹ Interview with a harbour master, 3 May 2019.\ncontinued note text that wraps.\n² Ibid., p. 4.\n\nRoy, C. (2012). Third book. Tide Press.\n__________\n1. A note printed under a rule.\n\n- ٧ -\nSen, D. (2015). Fourth book. Bay Press.";
        let (groups, _) = extract_references(&lines(src));
        assert_eq!(
            raws(&groups),
            vec![
                "Hale, A. (2001). First book. Dock Press.",
                "Ito, B. (2004). Second book. Quay Press.",
                "Roy, C. (2012). Third book. Tide Press.",
                "Sen, D. (2015). Fourth book. Bay Press.",
            ]
        );
        // A year alone on its line stays with its entry.
        let (groups, _) = extract_references(&lines(
            "Hart, Ann. Old Maps. London: Tidewater Press,\n2004\n12",
        ));
        assert_eq!(
            raws(&groups),
            vec!["Hart, Ann. Old Maps. London: Tidewater Press,\n2004"]
        );
        // Arabic raised labels too.
        let src = "١- سالم، هدى. كتاب أول.\n⁽¹⁾ مقابلة مع مسؤول محلي.\n٢- ناصر، علي. كتاب ثان.";
        let (groups, _) = extract_references(&lines(src));
        assert_eq!(
            raws(&groups),
            vec!["سالم، هدى. كتاب أول.", "ناصر، علي. كتاب ثان."]
        );
    }
}
