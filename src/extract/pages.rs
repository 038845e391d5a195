//! Pages and their zones: running text and the footnote zone at the bottom.
//!
//! A page break is a form feed, or, in text without form feeds, a run of blank lines longer
//! than the runs that separate paragraphs. Running headers and footers (lines found at the
//! edge of several pages, digits and case aside) and page numbers are dropped; a bare number
//! at a page's edge is its page number only when it runs with the pages (the same offset
//! from the page's place as on other pages), so a note label pdftotext put at the bottom of
//! the page stays. The footnote zone is the last stretch of a page made of labelled notes
//! (see [`super::notelabels::note_label`]) and their continuation lines, or everything below
//! a separator rule. The zone may follow the last text line with no blank line between; it
//! never opens on a list that starts right under the reference-list or endnotes heading (the
//! endnotes are read by `super::sections`), nor takes in a heading or a line of text that
//! calls a note. When no such zone is found, the labels may be plain digits as pdftotext
//! prints raised ones (see [`super::plainnotes`]): the zone is then the bottom stretch that
//! reads as plain-labelled notes called by plain-digit markers in the text above it, the
//! start that the most markers call (the lowest one on a tie). A note cut by the page goes
//! on at the top of the next page's zone: lines above its first note that are wider than
//! the body's lines (notes are set smaller) or read as its continuation.

use super::input::PagedInput;
use super::markers::notes as table;
use super::markers::sections::{self as sections_table, fold};
use super::notelabels::{
    align_markers, lone_number, note_label, plain_label, scan_line_markers, scan_markers, MarkForm,
    MarkerCandidate, NoteLabel, PlainLabel, STAR_MARKS,
};
use super::plainnotes::{parse_plain_zone, PlainZone};
use super::text::Line;
use crate::model::{SectionKind, Span};
use regex::Regex;
use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

/// One page of the input, split into zones.
#[derive(Debug, Clone, PartialEq)]
pub struct PageLines<'a> {
    /// Page number, counted from 1.
    pub number: usize,
    /// The page's whole line range.
    pub span: Span,
    /// Lines of running text (headers, footers and page numbers dropped).
    pub body: Vec<Line<'a>>,
    /// Lines of the footnote zone, `*` author notes included (blank lines left out).
    pub notes: Vec<Line<'a>>,
}

impl PageLines<'_> {
    /// The first line of the footnote zone, when the page has one.
    pub fn footnote_zone_line(&self) -> Option<usize> {
        self.notes.first().map(|l| l.number)
    }
}

/// Splits text lines into pages (see [`super::text::page_chunks`]), drops page furniture and
/// finds each page's footnote zone.
pub fn split_pages<'a>(lines: &[Line<'a>]) -> Vec<PageLines<'a>> {
    let chunks = super::text::page_chunks(lines);
    zone_pages(
        chunks
            .into_iter()
            .enumerate()
            .map(|(i, c)| (i + 1, c))
            .collect(),
    )
}

/// The pages of a reader's input, furniture dropped and footnote zones found.
pub fn input_pages(input: &PagedInput) -> Vec<PageLines<'_>> {
    zone_pages(
        input
            .pages
            .iter()
            .map(|p| (p.number, p.lines.iter().map(Line::from).collect()))
            .collect(),
    )
}

/// A page's lines after furniture, and where its zone starts.
struct Zoned<'a> {
    number: usize,
    span: Span,
    content: Vec<Line<'a>>,
    /// (end of the body, start of the zone).
    zone: Option<(usize, usize)>,
    /// Whether the zone's labels are plain digits.
    plain: bool,
    /// Line numbers of running text printed inside the zone (they go back to the body).
    displaced: Vec<usize>,
    /// Which lines are notes, where the layout tells (small type at a column's foot).
    mask: Option<Vec<bool>>,
}

/// Whether a page's running text (the lines the mask leaves out of the notes) holds the
/// reference list's heading.
fn opens_references(content: &[Line], mask: &[bool]) -> bool {
    content
        .iter()
        .zip(mask)
        .any(|(l, &is_note)| !is_note && section_line_kind(l.text) == Some(SectionKind::References))
}

/// Drops page furniture from numbered pages of lines and finds each page's footnote zone.
/// Blank lines at a page's edges are left out; a page with no text gives no page.
fn zone_pages<'a>(chunks: Vec<(usize, Vec<Line<'a>>)>) -> Vec<PageLines<'a>> {
    let chunks: Vec<(usize, Vec<Line<'a>>)> = chunks
        .into_iter()
        .map(|(n, c)| (n, trim_blank_edges(c)))
        .filter(|(_, c)| !c.is_empty())
        .collect();
    let repeated = repeated_furniture(&chunks);
    let offset = page_number_offset(&chunks);
    let mut zoned: Vec<Zoned<'a>> = Vec::with_capacity(chunks.len());
    let mut prev_tail: Option<&'a str> = None;
    let mut prev_last: Option<u32> = None;
    let mut references_seen = false;
    let body_size = super::layout::body_font_size(chunks.iter().map(|(_, c)| c.as_slice()));
    let mut had_zone = false;
    for (index, (number, chunk)) in chunks.into_iter().enumerate() {
        let span = match (chunk.first(), chunk.last()) {
            (Some(a), Some(b)) => Span::lines(a.number, b.number),
            _ => continue,
        };
        let content = strip_furniture(chunk, &repeated, offset.map(|o| (o, number)));
        // Typography, where the input has it: the notes are the small type at the foot of
        // each column.
        if let Some(mask) = super::layout::note_mask(&content, body_size, had_zone) {
            had_zone = true;
            prev_last = None;
            prev_tail = content
                .iter()
                .zip(&mask)
                .rev()
                .find(|(l, &is_note)| is_note && !l.is_blank())
                .map(|(l, _)| l.text);
            // Numbered lines on the pages after a reference list's heading are its entries.
            references_seen = references_seen || opens_references(&content, &mask);
            zoned.push(Zoned {
                number,
                span,
                content,
                zone: None,
                plain: false,
                displaced: Vec::new(),
                mask: Some(mask),
            });
            continue;
        }
        let mut plain = false;
        let mut last_number = None;
        let mut displaced = Vec::new();
        let zone = find_zone(&content, index)
            .map(|(end, start)| {
                if end != start {
                    return (end, start);
                }
                // A zone with no rule above it: the rest of the previous page's last note
                // may open it, unlabelled.
                let carried = zoned.last().map_or(0, |prev| {
                    let previous_notes: Vec<Line> = prev
                        .zone
                        .and_then(|(_, z)| prev.content.get(z..))
                        .unwrap_or_default()
                        .iter()
                        .filter(|l| !l.is_blank())
                        .copied()
                        .collect();
                    carried_note_lines(&content, start, &previous_notes)
                });
                (start - carried, start - carried)
            })
            .or_else(|| {
                // Numbered lines after the reference list's heading are its entries.
                if references_seen {
                    return None;
                }
                let found = find_plain_zone(&content, index, prev_tail, prev_last)?;
                plain = true;
                last_number = Some(found.last);
                displaced = found.displaced;
                Some((found.start, found.start))
            });
        prev_last = last_number;
        had_zone = zone.is_some();
        prev_tail = zone.and_then(|(_, z)| {
            content
                .get(z..)
                .and_then(|r| r.iter().rev().find(|l| !l.is_blank()))
                .map(|l| l.text)
        });
        zoned.push(Zoned {
            number,
            span,
            content,
            zone,
            plain,
            displaced,
            mask: None,
        });
        references_seen = references_seen
            || zoned.last().is_some_and(|z| {
                z.content
                    .iter()
                    .any(|l| section_line_kind(l.text) == Some(SectionKind::References))
            });
    }
    carry_cut_notes(&mut zoned);
    zoned
        .into_iter()
        .map(|z| {
            if let Some(mask) = &z.mask {
                let (notes, body): (Vec<_>, Vec<_>) = z
                    .content
                    .iter()
                    .zip(mask)
                    .partition(|(_, &is_note)| is_note);
                let mut body: Vec<Line<'a>> = body.into_iter().map(|(l, _)| *l).collect();
                while body.last().is_some_and(|l| l.is_blank()) {
                    body.pop();
                }
                let notes = notes
                    .into_iter()
                    .map(|(l, _)| *l)
                    .filter(|l| !l.is_blank())
                    .collect();
                return PageLines {
                    number: z.number,
                    span: z.span,
                    body,
                    notes,
                };
            }
            let (body_end, zone_start) = z.zone.unwrap_or((z.content.len(), z.content.len()));
            let mut body: Vec<Line<'a>> = z.content.get(..body_end).unwrap_or_default().to_vec();
            while body.last().is_some_and(|l| l.is_blank()) {
                body.pop();
            }
            let (notes, displaced): (Vec<Line<'a>>, Vec<Line<'a>>) = z
                .content
                .get(zone_start..)
                .unwrap_or_default()
                .iter()
                .filter(|l| !l.is_blank())
                .partition(|l| !z.displaced.contains(&l.number));
            body.extend(displaced);
            PageLines {
                number: z.number,
                span: z.span,
                body,
                notes,
            }
        })
        .collect()
}

/// The line length below which `share` of `lengths` fall.
fn percentile(mut lengths: Vec<usize>, share: f64) -> usize {
    lengths.sort_unstable();
    let k = ((lengths.len() as f64) * share) as usize;
    lengths
        .get(k.min(lengths.len().saturating_sub(1)))
        .copied()
        .unwrap_or(0)
}

/// A note cut by the page goes on at the top of the next page's zone, above its first
/// labelled note and with no label: when the previous page's last note line does not end a
/// sentence and notes are set smaller than the body (their full lines hold more
/// characters), the plain zone takes in the unlabelled lines right above it that are wider
/// than the body's lines (the last of them may be short).
fn carry_cut_notes(zoned: &mut [Zoned]) {
    let chars = |l: &Line| l.text.trim().chars().count();
    let mut body_lengths = Vec::new();
    let mut note_lengths = Vec::new();
    for z in zoned.iter() {
        let (end, start) = z.zone.unwrap_or((z.content.len(), z.content.len()));
        let nonblank = |r: &[Line]| {
            r.iter()
                .filter(|l| !l.is_blank())
                .map(chars)
                .collect::<Vec<_>>()
        };
        body_lengths.extend(nonblank(z.content.get(..end).unwrap_or_default()));
        note_lengths.extend(nonblank(z.content.get(start..).unwrap_or_default()));
    }
    if body_lengths.len() < 20 || note_lengths.len() < 10 {
        return;
    }
    let body_width = percentile(body_lengths, 0.95);
    // Notes set smaller than the body hold more characters in a full line.
    let wider = percentile(note_lengths, 0.9) * 20 >= body_width * 21;
    for i in 1..zoned.len() {
        let unfinished = zoned.get(i - 1).is_some_and(|prev| {
            prev.zone.is_some_and(|(_, z)| {
                prev.content
                    .get(z..)
                    .and_then(|r| r.iter().rev().find(|l| !l.is_blank()))
                    .is_some_and(|l| !ends_note_line(l.text))
            })
        });
        let Some(z) = zoned.get_mut(i) else { continue };
        let Some((_, start)) = z.zone.filter(|_| z.plain && unfinished) else {
            continue;
        };
        // Walk up over note-like lines; one line that does not read as a note is passed
        // when the line above it does (a title wrapped inside the citation).
        let note_like = |l: &Line| (wider && chars(l) > body_width) || reads_as_citation(l.text);
        let mut k = start;
        let mut taken = 0;
        while k > 0 {
            let Some(line) = z.content.get(k - 1) else {
                break;
            };
            if line.is_blank() || plain_label(line.text) != PlainLabel::Text {
                break;
            }
            if note_like(line) {
                taken += 1;
                k -= 1;
                continue;
            }
            let above = k.checked_sub(2).and_then(|a| z.content.get(a));
            if above.is_some_and(|a| {
                !a.is_blank() && plain_label(a.text) == PlainLabel::Text && note_like(a)
            }) {
                k -= 1;
                continue;
            }
            break;
        }
        if taken >= 2
            && z.content
                .get(..k)
                .is_some_and(|b| b.iter().any(|l| !l.is_blank()))
        {
            z.zone = Some((k, k));
        }
    }
}

/// Whether a line ends a sentence (or a note): final punctuation, or a URL.
fn ends_note_line(text: &str) -> bool {
    super::plainnotes::ends_note(text)
}

/// Whether a line holds Arabic letters.
fn has_arabic(text: &str) -> bool {
    text.chars().any(crate::script::is_arabic_letter)
}

/// Whether a note's text ends a sentence.
fn ends_sentence(text: &str) -> bool {
    text.trim_end()
        .chars()
        .next_back()
        .is_some_and(|c| ".!?؟\")»”".contains(c))
}

/// How many lines right above a page's zone (no rule, no blank line between) finish the
/// previous page's last note, which broke off mid-sentence: Word and LibreOffice print the
/// rest of a note at the top of the next page's notes. The lines are Arabic text without a
/// label or a marker, at most three, the last ending a sentence; the first follows a line
/// that ends one (the end of the body's paragraph).
fn carried_note_lines(lines: &[Line], zone: usize, previous_notes: &[Line]) -> usize {
    let Some(last_note) = previous_notes.last() else {
        return 0;
    };
    if ends_sentence(last_note.text) || !has_arabic(last_note.text) {
        return 0;
    }
    let candidate = |l: &Line| {
        !l.is_blank()
            && has_arabic(l.text)
            && note_label(l.text).is_none()
            && scan_markers(l.text).is_empty()
    };
    if !zone
        .checked_sub(1)
        .and_then(|i| lines.get(i))
        .is_some_and(|l| candidate(l) && ends_sentence(l.text))
    {
        return 0;
    }
    for count in 1..=3 {
        let Some(above) = zone.checked_sub(count + 1).and_then(|i| lines.get(i)) else {
            return 0;
        };
        if above.is_blank() || ends_sentence(above.text) {
            return count;
        }
        if !candidate(above) {
            return 0;
        }
    }
    0
}

/// The label a zone line opens a note with: a [`note_label`], or a number alone on its line
/// (pdftotext sets a raised label apart from its note's text), taken as a
/// [`MarkForm::Plain`] label when the next line is text without a label.
fn zone_label(lines: &[Line], i: usize) -> Option<NoteLabel> {
    let line = lines.get(i)?;
    if let Some(label) = note_label(line.text) {
        return Some(label);
    }
    let number = lone_number(line.text)?;
    let next = lines.get(i + 1..)?.iter().find(|l| !l.is_blank())?;
    if note_label(next.text).is_some() || lone_number(next.text).is_some() {
        return None;
    }
    Some(NoteLabel {
        form: MarkForm::Plain,
        label: line.text.trim().to_string(),
        number: Some(number),
        rest: line.text.len(),
    })
}

/// The lines without the blank lines at their start and end.
fn trim_blank_edges(mut lines: Vec<Line<'_>>) -> Vec<Line<'_>> {
    while lines.last().is_some_and(|l| l.is_blank()) {
        lines.pop();
    }
    let lead = lines.iter().take_while(|l| l.is_blank()).count();
    lines.drain(..lead);
    lines
}

static PAGE_NUMBER_RE: LazyLock<Regex> = LazyLock::new(|| {
    let words: Vec<String> = table::ALL
        .iter()
        .flat_map(|t| t.page_words.iter())
        .map(|w| regex::escape(w))
        .collect();
    let of: Vec<String> = table::ALL
        .iter()
        .flat_map(|t| t.page_of.iter())
        .map(|w| regex::escape(w))
        .collect();
    let digit = r"[0-9\x{0660}-\x{0669}\x{06F0}-\x{06F9}]";
    Regex::new(&format!(
        r"(?i)^[\s\-\x{{2013}}\x{{2014}}|•·\[\]]*(?:(?:{})\s*)?{digit}{{1,4}}(?:\s*(?:{}|/)\s*{digit}{{1,4}})?[\s\-\x{{2013}}\x{{2014}}|•·\[\]]*$",
        words.join("|"),
        of.join("|")
    ))
    .expect("page number pattern")
});

static SEPARATOR_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*[_\x{0640}\x{2014}\x{2013}\-]{5,}\s*$").expect("separator pattern")
});

/// Whether a line is only a page number (`12`, `- 12 -`, `Page 3 of 9`, `ص ٣`).
fn is_page_number(text: &str) -> bool {
    PAGE_NUMBER_RE.is_match(text)
}

/// A line's shape with its digits blanked and its case folded, to spot a header repeated
/// with changing numbers (`[Vol.4:2 2019]` on later pages, `[VOL.4:2 2019]` on the first).
/// Lines without letters are never repeated furniture: page numbers are told apart by their
/// sequence, and a lone number may be a note label.
fn furniture_key(text: &str) -> Option<String> {
    let t = text.trim();
    // A note line is no furniture (`1 Id.` may open a zone on many pages); a number glued
    // to more digits (`10.5771/...`, a DOI) is no label.
    // A page number set apart by a rule (`12 — Author / Title`, `12 | Journal`) is a header.
    let labelled = note_label(t).is_some_and(|n| {
        let rest = t.get(n.rest..).unwrap_or("");
        let ruled = rest.trim_start().starts_with(HEADER_RULES);
        !ruled
            && (!rest.chars().next().is_some_and(|c| c.is_ascii_digit())
                || t.get(n.rest.saturating_sub(1)..n.rest) == Some(" "))
    });
    if labelled {
        return None;
    }
    shape_key(t)
}

/// What sets a running header's page number apart from its text.
const HEADER_RULES: [char; 5] = ['—', '–', '|', '•', '·'];

/// A line's shape as [`furniture_key`] makes it, labelled lines included.
fn shape_key(t: &str) -> Option<String> {
    if t.is_empty() || t.split_whitespace().count() > 20 || !t.chars().any(char::is_alphabetic) {
        return None;
    }
    let mut key = String::new();
    for word in t.split_whitespace() {
        if !key.is_empty() {
            key.push(' ');
        }
        // A run of digits is one `#`: page 9 and page 15 carry one header.
        let mut in_number = false;
        for c in word.chars() {
            if crate::script::is_digit(c) {
                if !in_number {
                    key.push('#');
                }
                in_number = true;
            } else {
                in_number = false;
                key.extend(c.to_lowercase());
            }
        }
    }
    Some(key)
}

/// The key of a line set at a known place on its page: its shape and its height on the
/// page, so a footer that opens with a number (`3 CC BY 4.0` at the foot of every page) is
/// told apart from a note label by where it stands, as a reader of the page sees it.
fn placed_key(line: &Line) -> Option<String> {
    let y = line.layout?.bbox.y0;
    let shape = shape_key(line.text.trim())?;
    Some(format!("@{}:{shape}", (y / PLACE_TOLERANCE).round()))
}

/// Lines whose tops differ by less than about this (points) stand at one place.
const PLACE_TOLERANCE: f32 = 2.0;

/// How many lines at each edge of a page may be furniture.
const EDGE: usize = 4;

/// Keys of lines found at an edge (top or bottom) of enough pages to be furniture. A line
/// counts wherever it is printed at an edge: first pages carry at the bottom the header that
/// later pages carry at the top.
fn repeated_furniture(chunks: &[(usize, Vec<Line>)]) -> HashSet<String> {
    let mut seen: HashMap<String, HashSet<usize>> = HashMap::new();
    for (index, (_, chunk)) in chunks.iter().enumerate() {
        let texts: Vec<&Line> = chunk.iter().filter(|l| !l.is_blank()).collect();
        let top = texts.iter().take(EDGE).copied();
        let bottom = texts.iter().rev().take(EDGE).copied();
        let placed_edges = placed_edge_lines(&texts);
        for line in top.chain(bottom).chain(placed_edges) {
            for key in [furniture_key(line.text), placed_key(line)]
                .into_iter()
                .flatten()
            {
                seen.entry(key).or_default().insert(index);
            }
        }
    }
    // Alternating headers (journal on even pages, article on odd) appear on half the pages.
    let needed = (chunks.len() / 4).max(2);
    seen.into_iter()
        .filter(|(_, pages)| pages.len() >= needed)
        .map(|(key, _)| key)
        .collect()
}

/// The lines set at the top or foot of a page by their place on it (the few highest and lowest
/// lines), wherever the reading order puts them: a two-column page carries its left footer
/// between the columns.
fn placed_edge_lines<'l, 'a>(lines: &[&'l Line<'a>]) -> Vec<&'l Line<'a>> {
    let mut heights: Vec<f32> = lines
        .iter()
        .filter_map(|l| l.layout.map(|x| (x.bbox.y0 / PLACE_TOLERANCE).round()))
        .collect();
    if heights.len() < lines.len() || heights.is_empty() {
        return Vec::new();
    }
    heights.sort_by(f32::total_cmp);
    heights.dedup();
    let high = heights[heights.len().min(EDGE) - 1];
    let low = heights[heights.len().saturating_sub(EDGE)];
    lines
        .iter()
        .copied()
        .filter(|l| {
            l.layout
                .map(|x| (x.bbox.y0 / PLACE_TOLERANCE).round())
                .is_some_and(|y| y <= high || y >= low)
        })
        .collect()
}

/// The value of a line that is only a number (`12`, `١٢`).
fn bare_number(text: &str) -> Option<i64> {
    let t = text.trim();
    if t.is_empty() || t.chars().count() > 4 || !t.chars().all(crate::script::is_digit) {
        return None;
    }
    crate::script::parse_number(t).map(i64::from)
}

/// How printed page numbers run with the pages: the offset between a bare number at a
/// page's edge and the page's number, found on at least two pages and on more pages than
/// any other offset. Without one, a bare number is a page number only as a page's outermost
/// line.
fn page_number_offset(chunks: &[(usize, Vec<Line>)]) -> Option<i64> {
    let mut counts: HashMap<i64, usize> = HashMap::new();
    for (number, chunk) in chunks {
        let texts: Vec<&Line> = chunk.iter().filter(|l| !l.is_blank()).collect();
        let edges = texts.iter().take(EDGE).chain(texts.iter().rev().take(EDGE));
        let offsets: HashSet<i64> = edges
            .filter_map(|l| bare_number(l.text))
            .map(|v| v - *number as i64)
            .collect();
        for o in offsets {
            *counts.entry(o).or_default() += 1;
        }
    }
    let mut best: Vec<(usize, i64)> = counts.into_iter().map(|(o, c)| (c, o)).collect();
    best.sort_unstable_by(|a, b| b.cmp(a));
    match best.as_slice() {
        [(c, o), rest @ ..] if *c >= 2 && rest.first().is_none_or(|(d, _)| d < c) => Some(*o),
        _ => None,
    }
}

/// Drops page numbers and repeated headers from the top and footers from the bottom.
/// `numbering` is the page-number offset and the page's number, when numbers run with the
/// pages.
fn strip_furniture<'a>(
    mut chunk: Vec<Line<'a>>,
    repeated: &HashSet<String>,
    numbering: Option<(i64, usize)>,
) -> Vec<Line<'a>> {
    let is_furniture = |line: &Line, outermost: bool| match bare_number(line.text) {
        Some(v) => match numbering {
            Some((offset, page)) => v - page as i64 == offset,
            None => outermost,
        },
        None => {
            is_page_number(line.text)
                || furniture_key(line.text).is_some_and(|k| repeated.contains(&k))
                || placed_key(line).is_some_and(|k| repeated.contains(&k))
        }
    };
    for round in 0..=EDGE {
        match chunk.iter().position(|l| !l.is_blank()) {
            Some(i) if chunk.get(i).is_some_and(|l| is_furniture(l, round == 0)) => {
                chunk.drain(..=i);
            }
            _ => break,
        }
    }
    for round in 0..=EDGE {
        match chunk.iter().rposition(|l| !l.is_blank()) {
            Some(i) if chunk.get(i).is_some_and(|l| is_furniture(l, round == 0)) => {
                chunk.truncate(i);
            }
            _ => break,
        }
    }
    // A repeated line at its place on the page's edge, inside the reading order (a column's
    // footer).
    let texts: Vec<&Line> = chunk.iter().filter(|l| !l.is_blank()).collect();
    let inner: HashSet<usize> = placed_edge_lines(&texts)
        .into_iter()
        .filter(|l| placed_key(l).is_some_and(|k| repeated.contains(&k)))
        .map(|l| l.number)
        .collect();
    if !inner.is_empty() {
        chunk.retain(|l| !inner.contains(&l.number));
    }
    let lead = chunk.iter().take_while(|l| l.is_blank()).count();
    chunk.drain(..lead);
    while chunk.last().is_some_and(|l| l.is_blank()) {
        chunk.pop();
    }
    chunk
}

/// Whether a line without a label can continue a footnote: a URL, a DOI, or wrapped text
/// that starts in lower case.
fn continues_note(text: &str) -> bool {
    let t = text.trim_start();
    let lower = t.to_ascii_lowercase();
    lower.starts_with("<http")
        || lower.starts_with("http")
        || lower.starts_with("www.")
        || lower.starts_with("doi")
        || t.chars().next().is_some_and(|c| c.is_lowercase())
}

/// Finds the footnote zone of a page: returns the end of the body and the start of the zone
/// (they differ when a separator rule lies between them).
fn find_zone(lines: &[Line], page_index: usize) -> Option<(usize, usize)> {
    let has_text_before = |i: usize| {
        lines
            .get(..i)
            .is_some_and(|b| b.iter().any(|l| !l.is_blank()))
    };
    if let Some(sep) = lines.iter().rposition(|l| SEPARATOR_RE.is_match(l.text)) {
        if has_text_before(sep)
            && lines
                .get(sep + 1..)
                .is_some_and(|r| r.iter().any(|l| !l.is_blank()))
        {
            return Some((sep, sep + 1));
        }
    }
    // Blocks of non-blank lines, bottom up; collect the possible zone starts.
    let mut blocks: Vec<(usize, usize)> = Vec::new();
    let mut start = None;
    for (i, line) in lines.iter().enumerate() {
        match (line.is_blank(), start) {
            (false, None) => start = Some(i),
            (true, Some(s)) => {
                blocks.push((s, i));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        blocks.push((s, lines.len()));
    }
    // Every labelled line of the trailing blocks may open the zone: the zone may follow the
    // last body line with no blank line between (then the block mixes text and notes), and a
    // numbered list or reference list may stand right above it.
    let mut starts = Vec::new();
    for (b, &(s, e)) in blocks.iter().enumerate().rev() {
        let labelled: Vec<usize> = (s..e).filter(|&i| zone_label(lines, i).is_some()).collect();
        match labelled.first() {
            Some(&k) => {
                starts.extend(labelled.iter().rev());
                // Text above the first label goes on only when the block above ends with a
                // number alone, the label of that text (pdftotext put a blank line between).
                let labelled_above =
                    b.checked_sub(1)
                        .and_then(|p| blocks.get(p))
                        .is_some_and(|&(_, pe)| {
                            lines
                                .get(pe.saturating_sub(1))
                                .is_some_and(|l| lone_number(l.text).is_some())
                        });
                if k > s && !labelled_above {
                    break;
                }
            }
            None if (s..e).all(|i| lines.get(i).is_some_and(|l| continues_note(l.text))) => {}
            // Arabic notes have no lower case to tell a wrapped line: a short block at the
            // very bottom, under blank lines pdftotext put inside a note, may end one.
            None if starts.is_empty()
                && e - s <= 2
                && (s..e).all(|i| lines.get(i).is_some_and(|l| has_arabic(l.text))) => {}
            None => break,
        }
        if starts.len() >= MAX_ZONE_STARTS {
            break;
        }
    }
    starts.truncate(MAX_ZONE_STARTS);
    // A numbered list that opens right under the reference-list heading (`References` /
    // `[1] ...`) or an endnotes heading (`الهوامش` / `(١) ...`) is that list, whatever text
    // cites it on the page: no line from its first entry down to `k` has a label of another
    // family.
    let under_heading = |k: usize| {
        let Some(form) = lines
            .get(k)
            .and_then(|l| note_label(l.text))
            .map(|n| n.form)
        else {
            return false;
        };
        let above = lines.get(..k).unwrap_or_default();
        let Some(heading) = above.iter().rposition(|l| {
            matches!(
                section_line_kind(l.text),
                Some(SectionKind::References | SectionKind::Notes)
            )
        }) else {
            return false;
        };
        let list = above.get(heading + 1..).unwrap_or_default();
        // A group heading may stand between (`أولاً: المراجع العربية`, `Primary sources`):
        // a short line without a label that ends no sentence.
        let group_heading = |l: &&Line<'_>| {
            let t = l.text.trim();
            note_label(t).is_none()
                && (1..=8).contains(&t.split_whitespace().count())
                && !t.ends_with(['.', '؟', '?', '!'])
        };
        list.iter()
            .find(|l| !l.is_blank() && !group_heading(l))
            .is_none_or(|first| note_label(first.text).is_some_and(|n| n.form.same_family(form)))
            && list
                .iter()
                .all(|l| note_label(l.text).is_none_or(|n| n.form.same_family(form)))
    };
    starts
        .into_iter()
        .rev()
        .find(|&k| has_text_before(k) && !under_heading(k) && zone_is_valid(lines, k, page_index))
        .map(|k| (k, k))
}

/// Finds a footnote zone whose labels are plain digits (see [`super::plainnotes`]): tries
/// each line that may open it (a label, or a line after a blank line), bottom up, and keeps
/// the start whose notes the most plain-digit markers of the text above call, the lowest one
/// on a tie (lines above it are running text without markers). A start is taken only when
/// its lines read as numbered notes with rising numbers, hold no heading, at least half of
/// its notes are called from the text above, and lines above its first note, if any, read
/// as the previous page's note going on. Between starts the markers call alike, the one
/// whose first number follows the previous page's last (`prev_last`) wins. `prev_tail` is
/// the last line of the previous page's zone.
fn find_plain_zone(
    lines: &[Line],
    page_index: usize,
    prev_tail: Option<&str>,
    prev_last: Option<u32>,
) -> Option<PlainStart> {
    let has_text_before = |i: usize| {
        lines
            .get(..i)
            .is_some_and(|b| b.iter().any(|l| !l.is_blank()))
    };
    let starts: Vec<usize> = (0..lines.len())
        .rev()
        .filter(|&i| {
            lines.get(i).is_some_and(|l| {
                !l.is_blank()
                    && (plain_label(l.text) != PlainLabel::Text
                        || i.checked_sub(1)
                            .and_then(|p| lines.get(p))
                            .is_some_and(|p| p.is_blank()))
            }) && has_text_before(i)
        })
        .take(MAX_ZONE_STARTS)
        .collect();
    let mut best: Option<((usize, bool), PlainStart)> = None;
    for k in starts {
        if let Some((called, zone)) = plain_zone_score(lines, k, page_index, prev_tail) {
            let numbers = zone.numbers();
            let first = numbers.first().copied().unwrap_or(0);
            let follows = prev_last.map_or(first == 1, |p| first == p + 1);
            let score = (called, follows);
            if best.as_ref().is_none_or(|(b, _)| score > *b) {
                let zone_lines: Vec<usize> = lines
                    .get(k..)
                    .unwrap_or_default()
                    .iter()
                    .filter(|l| !l.is_blank())
                    .map(|l| l.number)
                    .collect();
                let found = PlainStart {
                    start: k,
                    last: numbers.last().copied().unwrap_or(0),
                    displaced: zone
                        .displaced
                        .iter()
                        .filter_map(|&i| zone_lines.get(i).copied())
                        .collect(),
                };
                best = Some((score, found));
            }
        }
    }
    best.map(|(_, found)| found)
}

/// A plain zone found on a page.
struct PlainStart {
    /// Index of its first line.
    start: usize,
    /// Its last note number.
    last: u32,
    /// Line numbers of running text printed inside it.
    displaced: Vec<usize>,
}

/// The markers of running text lines, raised and plain, in reading order, with whether each
/// sits in a long line.
fn body_markers(lines: &[Line]) -> Vec<(MarkerCandidate, bool)> {
    let mut out = Vec::new();
    for line in lines {
        let long = line.text.trim().chars().count() > 55;
        out.extend(
            scan_line_markers(line.text, true)
                .into_iter()
                .map(|c| (c, long)),
        );
    }
    out
}

/// How many notes of the plain zone opening at `lines[start]` the text above calls (author
/// notes count once when a mark is printed above), with the zone read, or `None` when the
/// lines are no zone.
fn plain_zone_score(
    lines: &[Line],
    start: usize,
    page_index: usize,
    prev_tail: Option<&str>,
) -> Option<(usize, PlainZone)> {
    let zone: Vec<&Line> = lines
        .get(start..)?
        .iter()
        .filter(|l| !l.is_blank())
        .collect();
    let texts: Vec<&str> = zone.iter().map(|l| l.text).collect();
    let parsed = parse_plain_zone(&texts, prev_tail)?;
    if zone.iter().any(|l| is_section_line(l.text)) {
        return None;
    }
    // Lines above the first note continue the previous page's note.
    let carried_ok = parsed.carry.iter().all(|&i| {
        texts
            .get(i)
            .is_some_and(|t| prev_tail.is_some() && (continues_note(t) || reads_as_citation(t)))
    });
    if !carried_ok {
        return None;
    }
    let numbers = parsed.numbers();
    let above = lines.get(..start).unwrap_or_default();
    let markers = body_markers(above);
    let keys: Vec<(usize, u32, u32)> = markers
        .iter()
        .enumerate()
        .map(|(i, (c, _))| (i, c.number, c.weight))
        .collect();
    let pairs = align_markers(&keys, &numbers);
    let matched: Vec<bool> = pairs
        .iter()
        .zip(&markers)
        .filter(|(p, _)| p.is_some())
        .map(|(_, (_, long))| *long)
        .collect();
    if matched.is_empty() || matched.len() * 2 < numbers.len() {
        return None;
    }
    // On the first page, notes called only from short lines (the authors' names) are
    // affiliations for the front matter, not footnotes.
    if page_index == 0 && matched.iter().all(|long| !long) {
        return None;
    }
    let star_marked = above
        .iter()
        .any(|l| l.text.trim_end().ends_with(STAR_MARKS) || l.text.contains(" † "));
    let stars = usize::from(!parsed.stars.is_empty() && star_marked);
    Some((matched.len() + stars, parsed))
}

/// Whether a line reads as part of a citation: a URL or DOI, page numbers (`pp. 3`), a year
/// in parentheses or between commas (`(2001)`, `, 2001,`), a page range after a year, two
/// initials (`A. B. Author`, `Author, A., Writer, B.`) or an `in:` of a collection.
fn reads_as_citation(text: &str) -> bool {
    static CITATION_RE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"(?:https?://|www\.|\bdoi:|\bpp?\.\s*\d|\((?:1[5-9]|20)\d\d\)|,\s*(?:1[5-9]|20)\d\d[,.;]|\b\p{Lu}\.(?:[\s-]*\p{Lu}\.)?,?\s+\p{Lu}[\p{Ll}\p{Lu}]+,?\s+\p{Lu}\.|\bin:\s)",
        )
        .expect("citation pattern")
    });
    CITATION_RE.is_match(text)
}

/// Whether a line is a section name, numbered or not (`References`, `6. References`).
fn is_section_line(text: &str) -> bool {
    section_line_kind(text).is_some()
}

/// The kind of section a line names, numbered or not.
fn section_line_kind(text: &str) -> Option<SectionKind> {
    section_kind(text).or_else(|| {
        note_label(text)
            .and_then(|n| text.get(n.rest..))
            .and_then(section_kind)
    })
}

/// How many labelled lines, from the bottom of a page, are tried as the zone's first line;
/// no page prints more notes, and the bound keeps the search linear.
const MAX_ZONE_STARTS: usize = 64;

/// A zone must read as notes: one family of labels with rising numbers, most of them matched
/// by a marker in the text above. A zone of `*` notes alone is only taken near the start of
/// the paper, where author notes are printed.
fn zone_is_valid(lines: &[Line], start: usize, page_index: usize) -> bool {
    let Some(zone) = lines.get(start..) else {
        return false;
    };
    let labels: Vec<_> = (0..zone.len())
        .filter_map(|i| zone_label(zone, i))
        .collect();
    let numbered: Vec<_> = labels.iter().filter(|l| l.form != MarkForm::Star).collect();
    if numbered.is_empty() {
        return !labels.is_empty() && page_index <= 1;
    }
    let family = numbered.first().map(|l| l.form);
    let same = |a: MarkForm, b: MarkForm| {
        a == b
            || matches!(
                (a, b),
                (
                    MarkForm::SuperParen | MarkForm::Superscript | MarkForm::Caret,
                    MarkForm::SuperParen | MarkForm::Superscript | MarkForm::Caret
                )
            )
    };
    let mut numbers = Vec::new();
    for label in &numbered {
        if family.is_some_and(|f| !same(f, label.form)) {
            // A bare number in a wrapped line is text, and so is a number alone on a line
            // or glued to a word; any other foreign label spoils the zone.
            if matches!(label.form, MarkForm::Bare | MarkForm::Plain) {
                continue;
            }
            return false;
        }
        numbers.push(label.number.unwrap_or(0));
    }
    if numbers.windows(2).any(|w| w[1] <= w[0]) {
        return false;
    }
    // Running text taken in by a zone opened too high: a section heading, or, among raised
    // labels, an unlabelled line that calls a note (notes do not call notes).
    let raised = family.is_some_and(|f| same(f, MarkForm::Superscript));
    let spoiled = zone.iter().filter(|l| !l.is_blank()).any(|l| {
        let label = note_label(l.text);
        is_section_line(l.text)
            || (raised
                && label.is_none()
                && scan_markers(l.text)
                    .iter()
                    .any(|m| same(m.form, MarkForm::Superscript)))
    });
    if spoiled {
        return false;
    }
    // Plain labels are digits without brackets: they must count up by one from the page's
    // first note, as per-page numbering does.
    if family == Some(MarkForm::Plain) && numbers.windows(2).any(|w| w[1] != w[0] + 1) {
        return false;
    }
    if family == Some(MarkForm::Bare) {
        // A bare number is the weakest label (`1. Introduction`, `١ جامعة ...` are not
        // notes): every other line must be a URL or wrapped lower-case text, and the numbers
        // must count up by one.
        let loose = zone
            .iter()
            .filter(|l| !l.is_blank() && note_label(l.text).is_none())
            .any(|l| !continues_note(l.text));
        let gap = numbers.windows(2).any(|w| w[1] != w[0] + 1);
        let names_section = zone
            .iter()
            .filter_map(|l| note_label(l.text).map(|n| l.text.get(n.rest..).unwrap_or("")))
            .any(names_a_section);
        if loose || gap || names_section {
            return false;
        }
    }
    // Marker numbers above the zone, with whether each sits in a long line of running text.
    let mut markers: HashMap<u32, bool> = HashMap::new();
    for line in lines.get(..start).unwrap_or_default() {
        let long = line.text.trim().chars().count() > 55;
        for c in scan_markers(line.text) {
            *markers.entry(c.number).or_default() |= long;
        }
    }
    let matched: Vec<bool> = numbers
        .iter()
        .filter_map(|n| markers.get(n).copied())
        .collect();
    // On the first page, notes called only from short lines (the authors' names) are
    // affiliations for the front matter, not footnotes.
    if page_index == 0 && matched.iter().all(|long| !long) {
        return false;
    }
    !matched.is_empty() && matched.len() * 2 >= numbers.len()
}

/// Whether a line is only a section name (`Introduction`, `المقدمة`).
fn names_a_section(text: &str) -> bool {
    section_kind(text).is_some()
}

/// The kind of the section a line names when it is only a section name.
fn section_kind(text: &str) -> Option<SectionKind> {
    let text = text.trim().trim_end_matches([':', '.', ' ']);
    if sections_table::folds_longer_than(text, *sections_table::LONGEST_KIND) {
        return None;
    }
    let folded = fold(text);
    sections_table::FOLDED
        .iter()
        .flat_map(|t| t.kinds.iter())
        .find(|(w, _)| *w == folded)
        .map(|(_, k)| *k)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::text::lines;

    fn texts<'a>(v: &[Line<'a>]) -> Vec<&'a str> {
        v.iter().filter(|l| !l.is_blank()).map(|l| l.text).collect()
    }

    #[test]
    fn a_numbered_footer_at_one_place_on_every_page_is_furniture() {
        let place = |y: f32| crate::extract::input::LineLayout {
            bbox: crate::model::BoundingBox {
                x0: 50.0,
                y0: y,
                x1: 500.0,
                y1: y + 8.0,
            },
            font_size: 8.0,
            ..Default::default()
        };
        let (body, foot) = (place(100.0), place(808.0));
        let notes: Vec<_> = (0..4).map(|p| place(600.0 + 24.0 * p as f32)).collect();
        let footers: Vec<String> = (1..=4).map(|p| format!("{p} CC BY 4.0")).collect();
        let words = ["First", "Second", "Third", "Fourth"];
        let bodies: Vec<String> = words.iter().map(|w| format!("{w} page's text.")).collect();
        let chunks: Vec<(usize, Vec<Line>)> = (0..4)
            .map(|p| {
                let lines = vec![
                    Line {
                        number: 3 * p + 1,
                        text: bodies[p].as_str(),
                        layout: Some(&body),
                    },
                    Line {
                        number: 3 * p + 2,
                        text: "1 A note that opens every page's zone.",
                        layout: Some(&notes[p]),
                    },
                    Line {
                        number: 3 * p + 3,
                        text: footers[p].as_str(),
                        layout: Some(&foot),
                    },
                ];
                (p + 1, lines)
            })
            .collect();
        let repeated = repeated_furniture(&chunks);
        for ((_, chunk), body) in chunks.into_iter().zip(&bodies) {
            let kept = strip_furniture(chunk, &repeated, None);
            assert_eq!(
                texts(&kept),
                vec![body.as_str(), "1 A note that opens every page's zone."]
            );
        }
    }

    #[test]
    fn a_column_footer_inside_the_reading_order_is_furniture() {
        // Two columns, each with its own footer at the foot of the page: the left one comes
        // between the columns in reading order.
        let place = |x: f32, y: f32| crate::extract::input::LineLayout::placed(x, y, 8.0);
        let slots: Vec<_> = [(50.0, 100.0), (50.0, 112.0), (50.0, 808.0)]
            .into_iter()
            .chain([(300.0, 100.0), (300.0, 112.0), (300.0, 808.0)])
            .map(|(x, y)| place(x, y))
            .collect();
        let words = ["first", "second", "third", "fourth"];
        let texts_of: Vec<Vec<String>> = (1..=4)
            .map(|p| {
                let w = words[p - 1];
                vec![
                    format!("Left column of the {w} page opens"),
                    format!("and goes on a {w} time."),
                    "THE JOURNAL 2023, 1".to_string(),
                    format!("Right column of the {w} page opens"),
                    format!("and ends a {w} time."),
                    format!("{p} CC BY 4.0"),
                ]
            })
            .collect();
        let chunks: Vec<(usize, Vec<Line>)> = texts_of
            .iter()
            .enumerate()
            .map(|(p, texts)| {
                let lines = texts
                    .iter()
                    .zip(&slots)
                    .enumerate()
                    .map(|(k, (t, at))| Line {
                        number: 6 * p + k + 1,
                        text: t.as_str(),
                        layout: Some(at),
                    })
                    .collect();
                (p + 1, lines)
            })
            .collect();
        let repeated = repeated_furniture(&chunks);
        for (p, (_, chunk)) in chunks.into_iter().enumerate() {
            let kept = strip_furniture(chunk, &repeated, None);
            let w = words[p];
            let want = [
                format!("Left column of the {w} page opens"),
                format!("and goes on a {w} time."),
                format!("Right column of the {w} page opens"),
                format!("and ends a {w} time."),
            ];
            assert_eq!(
                texts(&kept),
                want.iter().map(String::as_str).collect::<Vec<_>>()
            );
        }
    }

    #[test]
    fn splits_on_long_blank_runs_and_finds_zones() {
        let src = "\n\nعنوان البحث\n\nنص الفقرة الأولى من البحث وهي فقرة طويلة بما يكفي⁽¹⁾ وتستمر\n\n(1) مصدر أول، ص ٣.\n\n\n\nعلى الصفحة الثانية.\n\nفقرة.\n";
        let l = lines(src);
        let pages = split_pages(&l);
        assert_eq!(pages.len(), 2);
        assert_eq!(pages[0].span, Span::lines(3, 7));
        assert_eq!(
            texts(&pages[0].body),
            vec![
                "عنوان البحث",
                "نص الفقرة الأولى من البحث وهي فقرة طويلة بما يكفي⁽¹⁾ وتستمر"
            ]
        );
        assert_eq!(texts(&pages[0].notes), vec!["(1) مصدر أول، ص ٣."]);
        assert_eq!(pages[0].footnote_zone_line(), Some(7));
        assert_eq!(pages[1].notes, vec![]);
        assert_eq!(pages[1].number, 2);
    }

    #[test]
    fn splits_on_form_feeds_and_drops_headers_footers_and_page_numbers() {
        let src = "Journal of Studies, Vol. 3\nFirst page text that runs long enough for a paragraph[1].\n[1] A note.\n- 1 -\n\u{0C}Journal of Studies, Vol. 3\nSecond page.\nPage 2 of 3\n\u{0C}Journal of Studies, Vol. 3\nThird page.\n3\n";
        let l = lines(src);
        let pages = split_pages(&l);
        assert_eq!(pages.len(), 3);
        assert_eq!(
            texts(&pages[0].body),
            vec!["First page text that runs long enough for a paragraph[1]."]
        );
        assert_eq!(texts(&pages[0].notes), vec!["[1] A note."]);
        assert_eq!(texts(&pages[1].body), vec!["Second page."]);
        assert_eq!(texts(&pages[2].body), vec!["Third page."]);
    }

    #[test]
    fn alternating_headers_with_page_numbers_of_any_length_are_furniture() {
        // Odd pages carry `SERIES — Author / Title — 9`, even pages `10 — Author / Title —
        // SERIES`, the number set apart by a rule; pages 8 to 11 cross from one digit to two.
        let mut src = String::new();
        let bodies = [
            "The eighth page's text.",
            "The ninth page's text.",
            "The tenth page's text.",
            "The eleventh page's text.",
        ];
        for (k, body) in bodies.iter().enumerate() {
            let n = k + 8;
            let header = if n % 2 == 1 {
                format!("S R S — Roe / A Study of Ports — {n}")
            } else {
                format!("{n} — Roe / A Study of Ports — S R S")
            };
            src.push_str(&format!("\u{c}{header}\n\n{body}\n"));
        }
        let l = lines(&src);
        let pages = split_pages(&l);
        assert_eq!(pages.len(), 4);
        for (page, body) in pages.iter().zip(bodies) {
            assert_eq!(texts(&page.body), vec![body]);
        }
    }

    #[test]
    fn drops_a_repeated_journal_header_in_arabic() {
        let mut src = String::new();
        let bodies = [
            "نص البداية.",
            "نص يتبع الحديث.",
            "نص آخر مختلف.",
            "نص الختام.",
        ];
        for (p, body) in bodies.iter().enumerate() {
            src.push_str(&format!(
                "مجلة الدراسات السياسية العدد ٧٥ ص {p}\n\n{body}\n\n\n\n"
            ));
        }
        let l = lines(&src);
        let pages = split_pages(&l);
        assert_eq!(pages.len(), 4);
        for page in &pages {
            assert_eq!(texts(&page.body).len(), 1, "{:?}", page.body);
            assert!(page.body[0].text.starts_with("نص "));
        }
    }

    #[test]
    fn a_list_at_the_page_bottom_is_not_a_zone() {
        let src = "مقدمة النص:\n\n١. البند الأول.\n٢. البند الثاني.\n\n(1) قرار مهم\n";
        let l = lines(src);
        let pages = split_pages(&l);
        assert!(pages[0].notes.is_empty(), "{:?}", pages[0].notes);
        // Author notes at the bottom of the first page form a zone.
        let src =
            "Title\n\nAuthor*\n\nIntroduction text.\n\n* Department of Politics, University.\n";
        let l = lines(src);
        let pages = split_pages(&l);
        assert_eq!(
            texts(&pages[0].notes),
            vec!["* Department of Politics, University."]
        );
    }

    #[test]
    fn zone_keeps_url_blocks_and_stops_at_body() {
        let src = "نص أول.\n\nنص ثان طويل بما يكفي ليكون فقرة من فقرات البحث^(١) وثالث^(٢).\n\n(١) مصدر على الرابط:\n\n<https://example.org>\n\n(٢) مصدر آخر.\n";
        let l = lines(src);
        let pages = split_pages(&l);
        assert_eq!(
            texts(&pages[0].notes),
            vec![
                "(١) مصدر على الرابط:",
                "<https://example.org>",
                "(٢) مصدر آخر."
            ]
        );
        assert_eq!(texts(&pages[0].body).len(), 2);
    }

    #[test]
    fn separator_rule_opens_the_zone() {
        let src = "Body text¹ here.\n__________\ncontinued from the previous page.\n¹ Note one.\n";
        let l = lines(src);
        let pages = split_pages(&l);
        assert_eq!(texts(&pages[0].body), vec!["Body text¹ here."]);
        assert_eq!(pages[0].notes.len(), 2);
    }

    #[test]
    fn first_page_affiliation_notes_stay_in_the_body() {
        let src = "A Title\n\nJane Roe¹, Omar Haddad²\n\nThe running text of the first page is long enough to be a paragraph.\n\n¹ University of Kent, UK\n² University of Baghdad, Iraq\n";
        let l = lines(src);
        let pages = split_pages(&l);
        assert!(pages[0].notes.is_empty(), "{:?}", pages[0].notes);
        let src = "1. Introduction\nRivers cross borders¹ and so do their problems.\n\n1. Introduction\nMore text.\n";
        let l = lines(src);
        assert!(split_pages(&l)[0].notes.is_empty());
    }

    #[test]
    fn zone_right_under_the_text_without_a_blank_line() {
        let src = "Cover page of the issue\n\n\n\nThe second page carries on with the argument at length,¹ citing a source\nand then another one² before the page ends without any blank line below.\n¹ First source, 2001, p. 4.\n² Second source, available at\nhttps://example.org/second\n";
        let l = lines(src);
        let pages = split_pages(&l);
        assert_eq!(pages.len(), 2);
        assert_eq!(pages[1].footnote_zone_line(), Some(7));
        assert_eq!(texts(&pages[1].body).len(), 2);
        assert_eq!(pages[1].notes.len(), 3);
        // Arabic: a numbered reference list and the notes straight after it.
        let src = "صفحة أولى من البحث.\n\n\n\nالمصادر\n١- الكاتب، كتاب أول، بغداد، ٢٠٠١.\n٢- الكاتب، كتاب ثان، القاهرة، ٢٠١٠.\nوقد ورد هذا في التقرير السنوي للهيئة المستقلة الصادر عن المجلس⁽١⁾ وفي غيره⁽٢⁾.\n⁽١⁾ التقرير السنوي، ص ٣.\n⁽٢⁾ المصدر نفسه، ص ٥.\n";
        let l = lines(src);
        let pages = split_pages(&l);
        assert_eq!(
            texts(&pages[1].notes),
            vec!["⁽١⁾ التقرير السنوي، ص ٣.", "⁽٢⁾ المصدر نفسه، ص ٥."]
        );
        assert_eq!(texts(&pages[1].body).len(), 4);
    }

    #[test]
    fn labelled_lines_above_running_text_are_no_zone() {
        // A page without blank lines: affiliations under the names, then the text. The zone
        // may not run over a heading or over text that calls its own notes.
        for body in [
            "Introduction\nThe paper opens with a question about water and cities that runs on.",
            "The paper opens with a question¹ about water and cities that runs on and on.",
        ] {
            let src = format!("Cover\n\n\n\nA Title Here\nAnn Lee¹, Bo Chan²\n¹ Department of Politics, University of the North, Northtown\n² College of Law, University of the South\n{body}\nMore of the running text follows in this line.\n");
            let l = lines(&src);
            let pages = split_pages(&l);
            assert_eq!(pages.len(), 2);
            assert!(pages[1].notes.is_empty(), "{:?}", pages[1].notes);
            assert_eq!(texts(&pages[1].body).len(), 5 + body.lines().count());
        }
        // A numbered heading between notes spoils the zone too.
        let src = "Text with a note¹ and another² in a line long enough to be running text.\n¹ A note.\n2. Methods\n";
        let l = lines(src);
        assert!(split_pages(&l)[0].notes.is_empty());
    }

    #[test]
    fn endnotes_under_their_heading_are_not_a_zone() {
        // The notes end the last page, right under the text that calls them.
        let src = "نص يحيل إلى المصدر (١) وإلى المصدر الآخر (٢) في سطر طويل من الكلام المتصل.\n\nالهوامش\n\n(١) الكاتب، كتاب أول، بغداد، ٢٠٠١.\n(٢) المصدر نفسه، ص ٩.\n";
        let l = lines(src);
        assert!(split_pages(&l)[0].notes.is_empty());
        let src = "Text that calls a note¹ and another² in a line long enough to be running text.\n\nEndnotes\n¹ A first note.\n² A second note.\n";
        let l = lines(src);
        assert!(split_pages(&l)[0].notes.is_empty());
        // Without the heading the same notes are the page's footnotes.
        let src = "Text that calls a note¹ and another² in a line long enough to be running text.\n\n¹ A first note.\n² A second note.\n";
        let l = lines(src);
        assert_eq!(split_pages(&l)[0].notes.len(), 2);
    }

    #[test]
    fn a_numbered_reference_list_is_not_a_zone() {
        // Bracketed entries cited on the same page: still the list under its heading.
        let src = "5. Conclusion\n\nThe model fits the data [3] and agrees with the survey [4] in most cases.\n\nReferences\n\n[1] A. Hale, \"Ports,\" Sea Review, vol. 2, 2001.\n[2] B. Ito, Harbours. York: Dock, 2004.\n[3] C. Roy, \"Tides,\" Coast, vol. 9, 2012.\n[4] D. Sen, Survey of Ports, 2015.\n";
        let l = lines(src);
        let pages = split_pages(&l);
        assert!(pages[0].notes.is_empty(), "{:?}", pages[0].notes);
        // Arabic: a numbered heading over the list.
        let src = "نص يحيل إلى المصدر (1) وإلى المصدر الآخر (2) في سطر طويل من الكلام المتصل.\n\n٥. المصادر\n(1) الكاتب، كتاب أول، بغداد، ٢٠٠١.\n(2) الكاتب، كتاب ثان، القاهرة، ٢٠١٠.\n";
        let l = lines(src);
        assert!(split_pages(&l)[0].notes.is_empty());
    }
}
