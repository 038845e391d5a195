//! Heading recognition for the body reader: which lines are headings, their label, title,
//! kind and numbering style. Levels are decided in `levels.rs` from the styles seen so far.
//!
//! A heading is told from a list item or a sentence by its shape: a division word with an
//! ordinal (`المبحث الأول`), an ordinal adverb (`ثانياً :`), a known section name
//! (`المقدمة`, `References`), a short numbered line followed by running text (not by the
//! next item of the same list), a short label ending in a colon, or a short label run in to
//! its paragraph (`الإشكالية : ...`).

use super::lines::SLine;
use crate::extract::markers::sections::{self as table, fold, SectionMarkers};
use crate::extract::notelabels::scan_markers;
use crate::extract::text::Line;
use crate::model::Script;
use crate::model::SectionKind;
use crate::script::detect_script;
use regex::Regex;
use std::sync::LazyLock;

/// How a heading is numbered or marked; headings of one style are siblings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Style {
    /// An unnumbered top-level section name (`المقدمة`, `Conclusion`).
    Top,
    /// A division word of this rank (`المبحث`, `المطلب`, `Chapter`).
    Division(u8),
    /// An ordinal adverb (`أولاً`, `First`).
    Ordinal,
    /// A number: digit script (0 Western, 1 Arabic-Indic, 2 Persian), delimiter, depth.
    Number(u8, Option<char>, usize),
    /// A Roman numeral and its delimiter.
    Roman(char),
    /// A letter (Arabic or Latin) and its delimiter.
    Letter(bool, char),
    /// A short label ending in a colon, or run in to its paragraph.
    Label,
}

/// A recognized heading.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Heading {
    /// Its numbering style.
    pub style: Style,
    /// Its kind, when its title names one.
    pub kind: SectionKind,
    /// Whether its kind makes it a top-level section in its language.
    pub top: bool,
    /// Byte range of the label in the first line.
    pub label: Option<(usize, usize)>,
    /// Stream offset (0 or 1) of the line holding the title, and its byte range there.
    pub title: (usize, usize, usize),
    /// For a run-in heading, where the paragraph text begins in the first line.
    pub run_in: Option<usize>,
    /// Stream lines the heading takes (1, or 2 when the title is on the next line).
    pub lines: usize,
}

const DIGIT: &str = r"[0-9\x{0660}-\x{0669}\x{06F0}-\x{06F9}]";

static NUMBER_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^(?P<num>{DIGIT}{{1,3}}(?:\.{DIGIT}{{1,3}})*)(?:(?P<delim>[.)\-\x{{2013}}/])\s*|\s+)"
    ))
    .expect("heading number pattern")
});
static ROMAN_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?P<num>X{0,3}(?:IX|IV|VI{0,3}|I{1,3})|X{1,3})(?P<delim>[.)\-\x{2013}])\s+")
        .expect("roman pattern")
});
static LETTER_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:(?P<latin>[A-Z])(?P<ldelim>[.)])\s+|(?P<arabic>[أبجدهوزحطي])\s?(?P<adelim>[)\-\x{2013}/])\s*)")
        .expect("letter pattern")
});
static BULLET_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^\s*(?P<label>[-\x{{2013}}\x{{2022}}\x{{25AA}}\x{{25CF}}\x{{25E6}}\x{{00B7}}*]|\({DIGIT}{{1,2}}\)|\([a-zأ-ي]\))\s+\S"
    ))
    .expect("bullet pattern")
});

/// A numbered, lettered or bulleted line: its label's byte range, whether it is ordered, and
/// the style it would have as a heading.
pub(super) struct ItemLabel {
    /// Byte range of the label (delimiter included) in the line.
    pub range: (usize, usize),
    /// Where the item text begins.
    pub rest: usize,
    /// Whether the label is a number or letter.
    pub ordered: bool,
    /// Its style (bullets get `None`).
    pub style: Option<Style>,
}

fn digit_script(c: char) -> u8 {
    match c {
        '\u{0660}'..='\u{0669}' => 1,
        '\u{06F0}'..='\u{06F9}' => 2,
        _ => 0,
    }
}

/// The list or heading label at the start of a line, unless the layout shows it raised: a
/// note marker opening a line of running text (`⁷³Oklahoma requires ...`), not a number.
pub(super) fn line_item_label(line: &Line) -> Option<ItemLabel> {
    let item = item_label(line.text)?;
    let raised = line.layout.is_some_and(|l| {
        l.superscripts
            .iter()
            .any(|r| r.start < item.range.1 && item.range.0 < r.end)
    });
    (!raised).then_some(item)
}

/// Reads a list or heading label at the start of a line.
pub(super) fn item_label(text: &str) -> Option<ItemLabel> {
    let lead = text.len() - text.trim_start().len();
    let t = text.get(lead..)?;
    if let Some(c) = NUMBER_RE.captures(t) {
        let num = c.name("num")?;
        let delim = c.name("delim").and_then(|d| d.as_str().chars().next());
        let depth = num.as_str().split('.').count();
        let end = c.get(0)?.end();
        let next = t.get(end..).and_then(|r| r.chars().next());
        // `1 Introduction` needs a capital; `12 يوليو` and `3.5 million` are not labels.
        let ok = match (delim, depth) {
            (None, 1) => next.is_some_and(|n| n.is_ascii_uppercase()),
            (None, _) => next.is_some_and(|n| !n.is_lowercase()),
            (Some(_), _) => next.is_some(),
        };
        if ok {
            let script = num.as_str().chars().next().map_or(0, digit_script);
            let label_end = num.end() + delim.map_or(0, char::len_utf8);
            return Some(ItemLabel {
                range: (lead, lead + label_end),
                rest: lead + end,
                ordered: true,
                style: Some(Style::Number(script, delim, depth)),
            });
        }
    }
    if let Some(c) = ROMAN_RE.captures(t) {
        let num = c.name("num")?;
        let delim = c.name("delim").and_then(|d| d.as_str().chars().next())?;
        if !num.as_str().is_empty() {
            return Some(ItemLabel {
                range: (lead, lead + num.end() + delim.len_utf8()),
                rest: lead + c.get(0)?.end(),
                ordered: true,
                style: Some(Style::Roman(delim)),
            });
        }
    }
    if let Some(c) = LETTER_RE.captures(t) {
        let (letter, delim, arabic) = match (c.name("latin"), c.name("arabic")) {
            (Some(l), _) => (l, c.name("ldelim")?, false),
            (None, Some(a)) => (a, c.name("adelim")?, true),
            _ => return None,
        };
        let end = c.get(0)?.end();
        if t.get(end..).is_some_and(|r| !r.trim().is_empty()) {
            let d = delim.as_str().chars().next()?;
            let _ = letter;
            return Some(ItemLabel {
                range: (lead, lead + delim.end()),
                rest: lead + end,
                ordered: true,
                style: Some(Style::Letter(arabic, d)),
            });
        }
    }
    if let Some(c) = BULLET_RE.captures(text) {
        let label = c.name("label")?;
        let after = text.get(label.end()..)?;
        let rest = label.end() + (after.len() - after.trim_start().len());
        let ordered = label.as_str().starts_with('(');
        return Some(ItemLabel {
            range: (label.start(), label.end()),
            rest,
            ordered,
            style: None,
        });
    }
    None
}

/// Characters that end a sentence (or a list item), not a heading.
const SENTENCE_END: &[char] = &['.', '؟', '?', '!', '،', ',', '؛', ';', '…'];
/// Characters that end a sentence, a heading's colon included.
pub(super) const TERMINAL: &[char] = &['.', '؟', '?', '!', ':', '…', '؛', ';'];

/// The text with trailing footnote markers, quotes and spaces removed, to see how it ends.
pub(super) fn core_end(text: &str) -> &str {
    let mut t = text.trim_end();
    loop {
        let markers = scan_markers(t);
        if let Some(m) = markers.last().filter(|m| m.end == t.len()) {
            t = t.get(..m.start).unwrap_or("").trim_end();
            continue;
        }
        let trimmed = t.trim_end_matches(['"', '»', '”', '\'', '*']).trim_end();
        if trimmed.len() == t.len() {
            return t;
        }
        t = trimmed;
    }
}

/// Whether text ends like a sentence.
fn ends_sentence(text: &str) -> bool {
    core_end(text).ends_with(SENTENCE_END)
}

/// The title range with a trailing colon, `:-` and spaces removed.
fn trim_title(text: &str, start: usize, end: usize) -> (usize, usize) {
    let mut e = end;
    let mut s = start;
    while let Some(piece) = text.get(s..e) {
        let trimmed = piece.trim_end();
        let trimmed = trimmed
            .strip_suffix(":-")
            .or_else(|| trimmed.strip_suffix(':'))
            .or_else(|| trimmed.strip_suffix('\u{FF1A}'))
            .unwrap_or(trimmed);
        let lead = trimmed.len() - trimmed.trim_start().len();
        if trimmed.len() == piece.len() && lead == 0 {
            break;
        }
        s += lead;
        e = s + trimmed.len() - lead;
    }
    (s, e)
}

fn word_count(text: &str) -> usize {
    text.split_whitespace()
        .filter(|w| w.chars().any(crate::script::is_alphanumeric))
        .count()
}

/// The end of the separators (`:`, `-`, `.`, spaces) that follow a label.
fn skip_separators(text: &str, from: usize) -> usize {
    let rest = text.get(from..).unwrap_or("");
    let skipped = rest.len()
        - rest
            .trim_start_matches(|c: char| {
                c.is_whitespace() || matches!(c, ':' | '-' | '\u{2013}' | '.' | ')' | '/')
            })
            .len();
    from + skipped
}

/// The section kind named by `head`, with the table it came from: `head` is the name itself
/// or the name followed by at most `extra` words.
pub(super) fn kind_of(head: &str, extra: usize) -> Option<(SectionKind, &'static SectionMarkers)> {
    let folded = fold(head.trim_end_matches([':', '-', '.', ' ']));
    let folded = undoubled(&folded).unwrap_or(folded);
    for ft in table::FOLDED.iter() {
        for (w, kind) in &ft.kinds {
            if folded == *w {
                return Some((*kind, ft.table));
            }
            if let Some(rest) = folded.strip_prefix(w.as_str()) {
                let alone = ft.alone.iter().any(|a| a == w);
                if rest.starts_with(' ') && word_count(rest) <= extra && !alone {
                    return Some((*kind, ft.table));
                }
            }
        }
    }
    None
}

/// A heading set in simulated bold, each letter printed twice (`RREEFFEERREENNCCEESS`),
/// with its letters once; `None` when the text is not doubled throughout. Real words do not
/// double every letter, so at least three pairs of letters are needed.
pub fn undoubled(text: &str) -> Option<String> {
    let mut out = String::with_capacity(text.len() / 2);
    let mut pairs = 0;
    for word in text.split_whitespace() {
        let chars: Vec<char> = word.chars().collect();
        if !chars.len().is_multiple_of(2) || chars.chunks(2).any(|p| p[0] != p[1]) {
            return None;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(chars.iter().step_by(2));
        pairs += chars.len() / 2;
    }
    (pairs >= 3 && out.chars().any(char::is_alphabetic)).then_some(out)
}

/// Whether a line is one of the headings that follow a reference list (`About the author`).
pub(super) fn names_after_list(text: &str) -> bool {
    let t = text.trim().trim_end_matches([':', '.', ' ']);
    let folded = fold(t);
    let folded = undoubled(&folded).unwrap_or(folded);
    table::FOLDED
        .iter()
        .any(|tb| tb.after_references.contains(&folded))
}

/// Whether a short line opens with one of those headings as a label (`Author: Jane Roe`,
/// a colophon after the list).
pub(super) fn labels_after_list(text: &str) -> bool {
    let Some((label, value)) = text.trim().split_once(':') else {
        return false;
    };
    !value.trim().is_empty()
        && text.split_whitespace().count() <= LABELLED_LINE_WORDS
        && names_after_list(label)
}

/// The most words of a labelled line after a reference list.
const LABELLED_LINE_WORDS: usize = 12;

/// `word` folded for [`folded_in`], with its closing punctuation trimmed.
fn fold_word(word: &str) -> String {
    fold(word.trim_end_matches([':', '-', '.', '،', ',', '\u{2013}']))
}

/// Whether a word folded by [`fold_word`] is one of the entries of `list` (entries folded
/// already).
fn folded_in(folded: &str, list: &[String]) -> bool {
    !folded.is_empty() && list.iter().any(|e| e == folded)
}

/// Whether the line opens with a word of the `not_labels` tables.
fn starts_with_non_label(text: &str) -> bool {
    text.split_whitespace().next().is_some_and(|w| {
        let w = fold_word(w);
        table::FOLDED.iter().any(|t| folded_in(&w, &t.not_labels))
    })
}

/// Whether the text holds a phrase that announces a list.
fn announces_list(text: &str) -> bool {
    let folded = format!(" {} ", fold(text));
    table::FOLDED
        .iter()
        .any(|t| t.list_leads_padded.iter().any(|lead| folded.contains(lead)))
}

/// Whether a label holds one of the words of an introduction's parts (`الإشكالية`,
/// `Research problem`, `Scope`).
pub(super) fn names_intro_part(text: &str) -> bool {
    let folded = fold(text);
    table::FOLDED
        .iter()
        .any(|tb| tb.run_in_words.iter().any(|w| folded.contains(w.as_str())))
}

/// Whether a line names a table of contents.
pub(super) fn is_contents_heading(text: &str) -> bool {
    let head = fold_word(text.trim().trim_end_matches([':', '-', ' ']));
    table::FOLDED.iter().any(|t| folded_in(&head, &t.contents))
}

fn has_sentence_punct(text: &str) -> bool {
    text.contains([
        '.', '،', ',', '؛', ';', '؟', '?', '!', '"', '«', '»', '“', '”', '(', '[',
    ])
}

/// The shape of a run-in label line: one to three plain words, a colon, then at least two
/// words of text.
fn run_in_shape(t: &str) -> bool {
    let Some(colon) = t.find(':') else {
        return false;
    };
    let head = t.get(..colon).unwrap_or("").trim();
    let rest = t.get(colon + 1..).unwrap_or("").trim();
    let rest = rest.strip_prefix('-').unwrap_or(rest).trim();
    head.chars().next().is_some_and(char::is_alphabetic)
        && !has_sentence_punct(head)
        && !head.chars().any(crate::script::is_digit)
        && scan_markers(head).is_empty()
        && (1..=3).contains(&word_count(head))
        && word_count(rest) >= 2
        && !rest.starts_with("//")
        && !starts_with_non_label(head)
}

/// A title on the next stream line, for a label printed alone (`المبحث الأول` / title).
fn next_line_title(lines: &[SLine], i: usize) -> Option<(usize, usize)> {
    let next = lines.get(i + 1)?;
    let text = next.line.text;
    let t = text.trim();
    if t.is_empty() || word_count(t) > 15 || ends_sentence(t) || item_label(text).is_some() {
        return None;
    }
    let lead = text.len() - text.trim_start().len();
    Some(trim_title(text, lead, lead + t.len()))
}

/// Whether stream line `i` is an ordinal heading (`أولاً: ...`) printed right under a short
/// line that opens its block: two stacked headings, the section's and its first
/// subsection's, with no blank line between them.
fn under_short_heading(lines: &[SLine], i: usize) -> bool {
    let Some(prev) = i.checked_sub(1).and_then(|p| lines.get(p)) else {
        return false;
    };
    let p = prev.line.text.trim();
    prev.block_start
        && (1..=8).contains(&word_count(p))
        && !ends_sentence(p)
        && !p.contains(':')
        && lines.get(i).is_some_and(|l| {
            l.line.text.split_whitespace().next().is_some_and(|first| {
                let bare = fold_word(first.trim_end_matches([':', '-', '.', '\u{2013}', ')']));
                table::FOLDED
                    .iter()
                    .any(|tb| folded_in(&bare, &tb.ordinal_labels))
            })
        })
}

/// Recognizes the heading that starts at stream line `i`, if any.
pub(super) fn classify(lines: &[SLine], i: usize) -> Option<Heading> {
    let sl = lines.get(i)?;
    let text = sl.line.text;
    let lead = text.len() - text.trim_start().len();
    let t = text.trim();
    if t.is_empty() {
        return None;
    }
    let end = lead + t.len();
    let words = word_count(t);
    let typeset = typeset_alone(lines, i, words);
    let block_start = sl.block_start
        || typeset
        || lines
            .get(i.wrapping_sub(1))
            .is_some_and(|p| core_end(p.line.text).ends_with(TERMINAL))
        || under_short_heading(lines, i);

    // A division word and its ordinal: `المبحث الأول: ...`, `Chapter 2 ...`.
    if let Some(h) = division(lines, i, text, lead, end, words) {
        return Some(h);
    }
    if !block_start {
        // Inside a paragraph only a section name alone on its line is a heading.
        return kind_of(t, 0)
            .filter(|_| !t.contains(':') || t.ends_with(':'))
            .map(|(kind, tb)| {
                let (s, e) = trim_title(text, lead, end);
                Heading {
                    style: Style::Top,
                    kind,
                    top: tb.top_kinds.contains(&kind),
                    label: None,
                    title: (0, s, e),
                    run_in: None,
                    lines: 1,
                }
            });
    }
    if let Some(item) = line_item_label(&sl.line) {
        return numbered(lines, i, text, item, end);
    }
    if let Some(h) = ordinal_heading(lines, i, text, lead, end) {
        return Some(h);
    }
    named_or_label_heading(lines, i, text, lead, words).or_else(|| {
        // A line the page sets apart (larger or bold), alone in that type, is a heading
        // whatever its words, on a line of its own.
        typeset.then(|| {
            let (s, e) = trim_title(text, lead, end);
            Heading {
                style: Style::Label,
                kind: SectionKind::Other,
                top: false,
                label: None,
                title: (0, s, e),
                run_in: None,
                lines: 1,
            }
        })
    })
}

/// The most words a line set apart is read as a heading with.
const TYPESET_HEADING_WORDS: usize = 12;

/// Whether stream line `i` is set apart from the running text (see [`SLine::set_apart`])
/// while the lines around it are not set like it: a short line alone in its type, not
/// ending a sentence, that opens with a letter or a number.
fn typeset_alone(lines: &[SLine], i: usize, words: usize) -> bool {
    let Some(key) = lines.get(i).and_then(|l| l.set_apart) else {
        return false;
    };
    let same = |k: Option<usize>| {
        k.and_then(|k| lines.get(k))
            .is_some_and(|l| l.set_apart == Some(key))
    };
    let t = lines[i].line.text.trim();
    (1..=TYPESET_HEADING_WORDS).contains(&words)
        && !ends_sentence(t)
        && t.chars().next().is_some_and(char::is_alphanumeric)
        && !same(i.checked_sub(1))
        && !same(Some(i + 1))
}

/// An ordinal adverb and its title, on the line or the next one: `أولاً : حادثة ...`.
fn ordinal_heading(
    lines: &[SLine],
    i: usize,
    text: &str,
    lead: usize,
    end: usize,
) -> Option<Heading> {
    let t = text.trim();
    let first = t.split_whitespace().next()?;
    let bare = first.trim_end_matches([':', '-', '.', '\u{2013}', ')']);
    let after = t.get(bare.len()..).and_then(|r| r.chars().next());
    let folded = fold_word(bare);
    if table::FOLDED
        .iter()
        .any(|tb| folded_in(&folded, &tb.ordinal_labels))
        && !matches!(after, Some(',' | '،'))
    {
        let label = (lead, lead + bare.len());
        let title_start = skip_separators(text, label.1);
        let (s, e) = trim_title(text, title_start, end);
        if s < e {
            if word_count(text.get(s..e).unwrap_or("")) <= 12 && !ends_sentence(t) {
                return Some(Heading {
                    style: Style::Ordinal,
                    kind: SectionKind::Other,
                    top: false,
                    label: Some(label),
                    title: (0, s, e),
                    run_in: None,
                    lines: 1,
                });
            }
        } else if let Some((s, e)) = next_line_title(lines, i) {
            return Some(Heading {
                style: Style::Ordinal,
                kind: SectionKind::Other,
                top: false,
                label: Some(label),
                title: (1, s, e),
                run_in: None,
                lines: 2,
            });
        }
    }
    None
}

/// A section name, alone or run in (`المقدمة :`, `Conclusion`, `الخاتمة: ...`), or a label
/// heading: a run-in label, a short label ending in a colon, or a short line over a long
/// paragraph.
fn named_or_label_heading(
    lines: &[SLine],
    i: usize,
    text: &str,
    lead: usize,
    words: usize,
) -> Option<Heading> {
    let t = text.trim();
    let colon = t.find(':');
    let head = colon.and_then(|c| t.get(..c)).unwrap_or(t).trim();
    let after_colon = colon.and_then(|c| t.get(c + 1..)).unwrap_or("").trim();
    let after_colon = after_colon.strip_prefix('-').unwrap_or(after_colon).trim();
    let head_end = lead + colon.unwrap_or(t.len());
    let (hs, he) = trim_title(text, lead, head_end);
    // A section name, alone or run in: `المقدمة :`, `Conclusion`, `الخاتمة: ...`.
    if !has_sentence_punct(head) {
        // An endnotes heading stands alone on its line: `Notes: the data ...` is a sentence.
        let named =
            kind_of(head, 4).filter(|(k, _)| *k != SectionKind::Notes || after_colon.is_empty());
        if let Some((kind, tb)) = named {
            let run_in = !after_colon.is_empty();
            if !run_in || word_count(head) <= 3 {
                return Some(Heading {
                    style: if tb.top_kinds.contains(&kind) {
                        Style::Top
                    } else {
                        Style::Label
                    },
                    kind,
                    top: tb.top_kinds.contains(&kind),
                    label: None,
                    title: (0, hs, he),
                    run_in: run_in.then(|| skip_separators(text, head_end)),
                    lines: 1,
                });
            }
        }
    }
    if starts_with_non_label(t) || !head.chars().next().is_some_and(char::is_alphabetic) {
        return None;
    }
    let plain_head = !has_sentence_punct(head)
        && !head.chars().any(crate::script::is_digit)
        && scan_markers(head).is_empty();
    // A run-in label: `الإشكالية : ...` (a short label, a colon, the paragraph), either
    // one of the genre's label words or one of a group of run-in labels.
    if colon.is_some() && run_in_shape(t) {
        let known = names_intro_part(head);
        let neighbour = |k: usize| {
            lines
                .get(k)
                .is_some_and(|l| l.block_start && run_in_shape(l.line.text.trim()))
        };
        let grouped = (i.saturating_sub(4)..i).any(neighbour) || (i + 1..i + 5).any(neighbour);
        if known || grouped {
            return Some(Heading {
                style: Style::Label,
                kind: kind_of(head, 0).map_or(SectionKind::Other, |k| k.0),
                top: false,
                label: None,
                title: (0, hs, he),
                run_in: Some(skip_separators(text, head_end)),
                lines: 1,
            });
        }
    }
    let next = lines.get(i + 1);
    let next_is_item = next.is_some_and(|n| item_label(n.line.text).is_some());
    // A short label alone on its line, ending in a colon, over running text.
    if colon.is_some()
        && after_colon.is_empty()
        && plain_head
        && (1..=10).contains(&word_count(head))
        && next.is_some()
        && !announces_list(head)
        && (!next_is_item || word_count(head) <= 3)
    {
        return Some(Heading {
            style: Style::Label,
            kind: SectionKind::Other,
            top: false,
            label: None,
            title: (0, hs, he),
            run_in: None,
            lines: 1,
        });
    }
    // A short line alone in its block, without final punctuation, over a long paragraph.
    if colon.is_none() && plain_head && (1..=8).contains(&words) && !ends_sentence(t) {
        if let Some(n) = next {
            let next_words = word_count(n.line.text);
            // pdftotext prints a Word or LibreOffice heading at the head of its block, the
            // paragraph right under it with no blank line: an Arabic line much shorter than
            // the full line below it.
            let heads_block = lines.get(i).is_some_and(|l| l.block_start)
                && !n.block_start
                && !next_is_item
                && next_words >= 8
                && t.chars().count() * 2 < n.line.text.trim().chars().count()
                && detect_script(t) == Script::Arabic;
            if n.block_start && !next_is_item && next_words >= 15 && ends_sentence(n.line.text)
                || n.block_start && next_words >= 40
                || heads_block
                || under_short_heading(lines, i + 1)
            {
                return Some(Heading {
                    style: Style::Label,
                    kind: SectionKind::Other,
                    top: false,
                    label: None,
                    title: (0, hs, he),
                    run_in: None,
                    lines: 1,
                });
            }
        }
    }
    None
}

/// `المبحث الأول: title`, `Chapter 2. Title`, or the label alone with its title below.
fn division(
    lines: &[SLine],
    i: usize,
    text: &str,
    lead: usize,
    end: usize,
    words: usize,
) -> Option<Heading> {
    let t = text.get(lead..end)?;
    let mut tokens = t.split_whitespace();
    let first = tokens.next()?;
    let second = tokens.next()?;
    let f = fold(first);
    let (ft, rank) = table::FOLDED.iter().find_map(|ft| {
        ft.divisions
            .iter()
            .find(|(w, _)| *w == f)
            .map(|(_, r)| (ft, *r))
    })?;
    let second_bare = second.trim_end_matches([':', '-', '.', '\u{2013}']);
    let is_ordinal = folded_in(&fold_word(second_bare), &ft.division_ordinals)
        || (!second_bare.is_empty()
            && second_bare
                .chars()
                .all(|c| crate::script::is_digit(c) || "IVX".contains(c)));
    if !is_ordinal || words > 20 || ends_sentence(t) {
        return None;
    }
    if first.chars().next().is_some_and(|c| c.is_ascii_lowercase()) {
        return None;
    }
    let second_at = t.find(second)? + second_bare.len();
    let label = (lead, lead + second_at);
    let title_start = skip_separators(text, label.1);
    let (s, e) = trim_title(text, title_start, end);
    let kind = kind_of(text.get(s..e).unwrap_or(""), 0).map_or(SectionKind::Other, |k| k.0);
    if s < e {
        return Some(Heading {
            style: Style::Division(rank),
            kind,
            top: false,
            label: Some(label),
            title: (0, s, e),
            run_in: None,
            lines: 1,
        });
    }
    let (title, lines_used) = match next_line_title(lines, i) {
        Some((s, e)) => ((1, s, e), 2),
        None => ((0, s, s), 1),
    };
    Some(Heading {
        style: Style::Division(rank),
        kind: SectionKind::Other,
        top: false,
        label: Some(label),
        title,
        run_in: None,
        lines: lines_used,
    })
}

/// A numbered line is a heading when it is short, does not end like a sentence, and is not
/// followed by the next item of the same list. A numbered section name (`1. Introduction`)
/// always is.
fn numbered(lines: &[SLine], i: usize, text: &str, item: ItemLabel, end: usize) -> Option<Heading> {
    let style = item.style.clone()?;
    let (s, e) = trim_title(text, item.rest, end);
    let title = text.get(s..e)?;
    // A numbered section name takes its level from its number, like its siblings
    // (`1. Introduction`, `2.1 Background`, `٣. التوصيات` under a conclusion).
    if let Some((kind, _)) = kind_of(title, 4).filter(|_| !has_sentence_punct(title)) {
        return Some(Heading {
            style,
            kind,
            top: false,
            label: Some(item.range),
            title: (0, s, e),
            run_in: None,
            lines: 1,
        });
    }
    if title.is_empty()
        || word_count(title) > 14
        || title.chars().count() > 150
        || ends_sentence(text)
    {
        return None;
    }
    if let Style::Number(0, _, _) | Style::Letter(false, _) | Style::Roman(_) = style {
        if title.chars().next().is_some_and(char::is_lowercase) {
            return None;
        }
    }
    let next = lines.get(i + 1)?;
    if item_label(next.line.text)
        .and_then(|n| n.style)
        .is_some_and(|s| s == style)
    {
        return None;
    }
    Some(Heading {
        style,
        kind: SectionKind::Other,
        top: false,
        label: Some(item.range),
        title: (0, s, e),
        run_in: None,
        lines: 1,
    })
}

#[cfg(test)]
#[allow(clippy::single_range_in_vec_init)] // one raised run
mod tests {
    use super::*;
    use crate::extract::input::LineLayout;

    #[test]
    fn a_raised_number_opening_a_line_is_a_marker_not_a_heading_number() {
        let text = "73 Oklahoma requires three units of history to";
        let raised = LineLayout {
            font_size: 12.0,
            superscripts: vec![0..2],
            ..LineLayout::default()
        };
        let at = |layout: Option<&'static LineLayout>| {
            vec![
                SLine {
                    line: Line {
                        number: 1,
                        text: "The state requires a course to graduate.",
                        layout: None,
                    },
                    block_start: true,
                    set_apart: None,
                },
                SLine {
                    line: Line {
                        number: 2,
                        text,
                        layout,
                    },
                    block_start: false,
                    set_apart: None,
                },
                SLine {
                    line: Line::new(3, "graduate from high school."),
                    block_start: false,
                    set_apart: None,
                },
            ]
        };
        // As flat text the line reads as a numbered heading; the layout shows a marker.
        assert!(classify(&at(None), 1).is_some());
        let raised: &'static LineLayout = Box::leak(Box::new(raised));
        assert!(classify(&at(Some(raised)), 1).is_none());
        assert!(line_item_label(&at(Some(raised))[1].line).is_none());
    }
}
