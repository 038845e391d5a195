//! Footnotes: the numbered notes of each page's footnote zone and the markers in the text.
//!
//! A footnote zone (found by [`super::pages`]) holds lines that start with a label: `(1)`,
//! `(١)`, `[1]`, `⁽¹⁾`, `⁽١⁾`, `¹`, `^1`, or a bare `1`/`1.`; `*` lines are author notes and are
//! left to the front matter. In the running text the same shapes are markers. A number in
//! parentheses is only taken for a marker when a footnote of that number is on the page
//! (aligned in order, see [`link_markers`]), so years, counts and resolution numbers stay
//! text. Only the body's markers count: in the front matter the same shapes tie authors to
//! affiliations (see [`drop_front_notes`]).
//!
//! A zone labelled with plain digits (pdftotext's raised labels, see [`super::plainnotes`])
//! is read as a whole, and its markers are plain numbers too (`law.12`): the numbers of the
//! running text are taken for markers only where they pair, in order, with the page's notes.
//!
//! Endnotes (an endnotes section found by `super::sections`) are read by
//! [`collect_endnotes`] with the same label forms and linked by [`link_markers`] across the
//! whole paper; a paper may hold both kinds.

use super::layout::{line_label, line_markers, top};
use super::notelabels::{
    align_markers, has_plain_labels, lone_number, note_label, MarkForm, MarkerCandidate, NoteLabel,
};
use super::pages::PageLines;
use super::plainnotes::{parse_plain_zone, PlainZone};
use super::text::Line;
use crate::model::{Diagnostic, Footnote, NotePlacement, Span};
use std::collections::HashMap;

/// A footnote read from a zone, before it gets its identifier.
#[derive(Debug, Clone, PartialEq)]
struct RawNote {
    page: usize,
    label: String,
    number: u32,
    text: String,
    first: usize,
    last: usize,
    /// Which of the page's label sequences the note belongs to: a page of parallel columns
    /// (one per language) numbers its notes once per column.
    sequence: usize,
}

fn append(text: &mut String, piece: &str) {
    let piece = piece.trim();
    if piece.is_empty() {
        return;
    }
    if !text.is_empty() {
        text.push(' ');
    }
    text.push_str(piece);
}

/// Appends a wrapped line to a note's text: with a space, or with none after a word broken
/// by a hyphen (kept) or a soft hyphen (dropped, it only marked the break).
fn join_line(text: &mut String, piece: &str) {
    let piece = piece.trim();
    if piece.is_empty() {
        return;
    }
    let next_lower = piece.chars().next().is_some_and(char::is_lowercase);
    if text.ends_with('\u{AD}') {
        text.pop();
    } else {
        let mut rev = text.chars().rev();
        let hyphenated =
            rev.next() == Some('-') && rev.next().is_some_and(char::is_alphabetic) && next_lower;
        if !text.is_empty() && !hyphenated {
            text.push(' ');
        }
    }
    text.push_str(piece);
}

/// Reads the numbered footnotes of every page's zone, in document order, with identifiers
/// `fn1..fnN`. Lines of a zone that carry no label continue the note above them (a wrapped
/// line, a URL); when a zone opens with such lines they finish the previous page's last note.
/// `*` author notes and their continuations are skipped. A page of parallel columns that
/// each number the same notes (one column per language, where the reader saw the page) gives
/// one sequence per column, and a column's unlabelled head lines go on the last note of its
/// own sequence on the page before.
pub fn collect_footnotes(pages: &[PageLines]) -> Vec<Footnote> {
    let mut notes: Vec<RawNote> = Vec::new();
    // The last zone line of each label sequence on the page before.
    let mut prev_tails: Vec<&str> = Vec::new();
    for page in pages {
        let lines: Vec<&Line> = page.notes.iter().filter(|l| !l.is_blank()).collect();
        let mut tails = Vec::new();
        for (sequence, group) in label_sequences(&lines).into_iter().enumerate() {
            let texts: Vec<&str> = group.iter().map(|l| l.text).collect();
            let prev_tail = prev_tails.get(sequence).copied();
            let plain = has_plain_labels(&texts)
                .then(|| parse_plain_zone(&texts, prev_tail))
                .flatten();
            let carry = carried_note(&notes, page.number, sequence);
            match plain {
                Some(zone) => {
                    collect_plain_zone(page.number, group, &zone, sequence, carry, &mut notes)
                }
                None => collect_labelled_zone(page.number, group, sequence, carry, &mut notes),
            }
            tails.extend(texts.last().copied());
        }
        prev_tails = tails;
    }
    notes
        .into_iter()
        .enumerate()
        .map(|(i, n)| Footnote {
            id: format!("fn{}", i + 1),
            page: n.page,
            label: n.label,
            number: n.number,
            text: n.text,
            source: Span::lines(n.first, n.last),
            citation: None,
            placement: NotePlacement::Foot,
        })
        .collect()
}

/// Reads a zone whose lines open with bracketed, raised or bare labels, line by line. Lines
/// above the first label go on the note `carry`.
fn collect_labelled_zone(
    page: usize,
    lines: &[&Line],
    sequence: usize,
    carry: Option<usize>,
    notes: &mut Vec<RawNote>,
) {
    let mut family: Option<u8> = None;
    let mut last_number: Option<u32> = None;
    // Where continuation lines go: a note of this page, a star note, or (at the top of
    // the zone) the previous page's last note.
    #[derive(Clone, Copy)]
    enum Target {
        Carry,
        Star,
        Note(usize),
    }
    let mut target = Target::Carry;
    for (i, line) in lines.iter().enumerate() {
        let label = line_label(line).or_else(|| {
            // A number alone on its line labels the note on the next line.
            let next = lines.get(i + 1)?;
            let number = lone_number(line.text)?;
            (note_label(next.text).is_none() && lone_number(next.text).is_none()).then(|| {
                NoteLabel {
                    form: MarkForm::Plain,
                    label: line.text.trim().to_string(),
                    number: Some(number),
                    rest: line.text.len(),
                }
            })
        });
        let starts_note = match &label {
            Some(l) if l.form == MarkForm::Star => {
                target = Target::Star;
                continue;
            }
            Some(l) => {
                family.is_none_or(|f| f == l.form.family())
                    && l.number.is_some()
                    && (l.form != MarkForm::Bare
                        || last_number.is_none_or(|n| l.number == Some(n + 1)))
            }
            None => false,
        };
        match (starts_note, label) {
            (true, Some(l)) => {
                family = Some(l.form.family());
                last_number = l.number;
                let mut text = String::new();
                append(&mut text, line.text.get(l.rest..).unwrap_or(""));
                notes.push(RawNote {
                    page,
                    label: l.label,
                    number: l.number.unwrap_or(0),
                    text,
                    first: line.number,
                    last: line.number,
                    sequence,
                });
                target = Target::Note(notes.len() - 1);
            }
            _ => {
                let index = match target {
                    Target::Star => None,
                    Target::Note(i) => Some(i),
                    Target::Carry => carry,
                };
                if let Some(note) = index.and_then(|i| notes.get_mut(i)) {
                    append(&mut note.text, line.text);
                    note.last = line.number;
                }
            }
        }
    }
}

/// A zone's lines cut where a column's numbering starts over (parallel columns, each
/// numbering the same notes in its own language); one group for an ordinary zone.
fn label_sequences<'z, 'l>(lines: &'z [&'l Line<'l>]) -> Vec<&'z [&'l Line<'l>]> {
    let mut groups = Vec::new();
    let mut start = 0;
    let mut highest: Option<u32> = None;
    for i in 0..lines.len() {
        if i > start && starts_column(lines, i) && restarts_numbering(lines, i, highest) {
            groups.push(&lines[start..i]);
            start = i;
            highest = None;
        }
        if let Some(n) = lines
            .get(i)
            .and_then(|l| line_label(l))
            .and_then(|l| l.number)
        {
            highest = Some(highest.map_or(n, |h| h.max(n)));
        }
    }
    groups.push(&lines[start..]);
    groups
}

/// Whether the `i`th line of a zone stands higher on the page than the line before it: the
/// zone goes on at the foot of the next column.
fn starts_column(lines: &[&Line], i: usize) -> bool {
    let Some(prev) = i.checked_sub(1).and_then(|k| lines.get(k)) else {
        return false;
    };
    match (lines.get(i).and_then(|l| top(l)), top(prev)) {
        (Some(here), Some(before)) => here + COLUMN_RISE < before,
        _ => false,
    }
}

/// How much higher (points) a line must stand than the one before it to open a column.
const COLUMN_RISE: f32 = 4.0;

/// Whether the first numbered label from the `i`th line on, in the same column, is not above
/// `last`: the numbering starts over.
fn restarts_numbering(lines: &[&Line], i: usize, last: Option<u32>) -> bool {
    let Some(last) = last else { return false };
    let mut k = i;
    while let Some(line) = lines.get(k) {
        if k > i && starts_column(lines, k) {
            return false;
        }
        if let Some(n) = line_label(line).and_then(|l| l.number) {
            return n <= last;
        }
        k += 1;
    }
    false
}

/// The note that unlabelled lines at the head of a zone's `sequence` go on: the last note
/// of that sequence on an earlier page, or else the last note read.
fn carried_note(notes: &[RawNote], page: usize, sequence: usize) -> Option<usize> {
    let earlier = notes.iter().rposition(|n| n.page != page);
    let last_page = earlier.map(|k| notes[k].page);
    notes
        .iter()
        .rposition(|n| Some(n.page) == last_page && n.sequence == sequence)
        .or_else(|| {
            (sequence == 0)
                .then_some(())
                .and(notes.len().checked_sub(1))
        })
        .or(earlier)
}

/// Reads a plain-digit zone parsed by [`parse_plain_zone`]: its carried lines finish the
/// note `carry`, its author notes are left out.
fn collect_plain_zone(
    page: usize,
    lines: &[&Line],
    zone: &PlainZone,
    sequence: usize,
    carry: Option<usize>,
    notes: &mut Vec<RawNote>,
) {
    if let Some(note) = carry.and_then(|i| notes.get_mut(i)) {
        for line in zone.carry.iter().filter_map(|&i| lines.get(i)) {
            join_line(&mut note.text, line.text);
            note.last = line.number;
        }
    }
    for n in &zone.notes {
        let mut text = String::new();
        let mut span: Option<(usize, usize)> = None;
        for &(i, offset) in &n.pieces {
            let Some(line) = lines.get(i) else { continue };
            join_line(&mut text, line.text.get(offset..).unwrap_or(""));
            span = Some(span.map_or((line.number, line.number), |(a, _)| (a, line.number)));
        }
        let Some((first, last)) = span else { continue };
        notes.push(RawNote {
            page,
            label: n.label.clone(),
            number: n.number,
            text,
            first,
            last,
            sequence,
        });
    }
}

/// Whether a page's footnote zone is labelled with plain digits, so that its markers are
/// plain numbers too.
fn page_is_plain(page: &PageLines) -> bool {
    let texts: Vec<&str> = page.notes.iter().map(|l| l.text).collect();
    !texts.is_empty() && has_plain_labels(&texts)
}

/// Leaves out the notes that only the front matter calls: on a page holding lines before
/// `start_line`, a note whose number is marked there (an author's name) and nowhere in the
/// running text below is an affiliation note, not a footnote, unless the numbering runs on
/// from it into the text (the next number is a note of the page called below: the first
/// footnote holds the author's affiliation). The others keep their order and are numbered
/// `fn1..fnN` again.
pub fn drop_front_notes(
    pages: &[PageLines],
    footnotes: Vec<Footnote>,
    start_line: usize,
) -> Vec<Footnote> {
    let numbers = |page: &PageLines, front: bool| -> Vec<u32> {
        let plain = page_is_plain(page);
        page.body
            .iter()
            .filter(|l| (l.number < start_line) == front)
            .flat_map(|l| line_markers(l, plain))
            .map(|c| c.number)
            .collect()
    };
    let mut front_only: Vec<(usize, u32)> = Vec::new();
    for page in pages.iter().filter(|p| p.span.line < start_line) {
        let below = numbers(page, false);
        let runs_on = |n: u32| {
            below.contains(&(n + 1))
                && footnotes
                    .iter()
                    .any(|f| f.page == page.number && f.number == n + 1)
        };
        front_only.extend(
            numbers(page, true)
                .into_iter()
                .filter(|&n| !below.contains(&n) && !runs_on(n))
                .map(|n| (page.number, n)),
        );
    }
    if front_only.is_empty() {
        return footnotes;
    }
    footnotes
        .into_iter()
        .filter(|f| !front_only.contains(&(f.page, f.number)))
        .enumerate()
        .map(|(i, f)| Footnote {
            id: format!("fn{}", i + 1),
            ..f
        })
        .collect()
}

/// Links each author to the numbered footnotes that the author's name calls and no marker
/// of the running text does (`Ann Lee 1` over the note that gives her post, numbered with
/// the others): a marker on one of the author's lines, and a footnote of that number on the
/// same page.
pub fn link_front_calls(
    pages: &[PageLines],
    contributors: &mut [crate::model::Contributor],
    footnotes: &[Footnote],
    called: &std::collections::HashSet<String>,
) {
    for c in contributors.iter_mut() {
        let Some(span) = c.source else { continue };
        let Some(page) = pages
            .iter()
            .find(|p| p.span.line <= span.line && span.line <= p.span.end_line.max(p.span.line))
        else {
            continue;
        };
        let plain = page_is_plain(page);
        let numbers: Vec<u32> = page
            .body
            .iter()
            .filter(|l| span.line <= l.number && l.number <= span.end_line.max(span.line))
            .flat_map(|l| line_markers(l, plain))
            .map(|m| m.number)
            .collect();
        for n in numbers {
            let note = footnotes
                .iter()
                .find(|f| f.page == page.number && f.number == n && !called.contains(&f.id));
            if let Some(f) = note {
                if !c.footnote_ids.contains(&f.id) {
                    c.footnote_ids.push(f.id.clone());
                }
            }
        }
    }
}

/// A marker found in the running text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LinkedMarker {
    /// Byte range in its line.
    pub start: usize,
    /// End of the byte range.
    pub end: usize,
    /// The footnote it points to, when one was found.
    pub footnote_id: Option<String>,
}

/// The markers of the running text, by source line, and their count per page.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct MarkerLinks {
    /// Markers of each line, in order, by line number.
    pub by_line: HashMap<usize, Vec<LinkedMarker>>,
    /// Number of markers on each page (index 0 is page 1).
    pub per_page: Vec<usize>,
}

/// One page's marker candidates paired with the page's own footnotes.
struct PageWork<'f> {
    cands: Vec<(usize, MarkerCandidate)>,
    notes: Vec<&'f Footnote>,
    numbers: Vec<u32>,
    pairs: Vec<Option<usize>>,
    /// Candidates paired with the next page's first note (the note went over the page).
    across: Vec<Option<&'f Footnote>>,
    /// Whether the page's first note is called from the page before.
    called_before: bool,
}

/// Pass 1 of [`link_markers`]: each page's candidates (from `start_line` on, outside `skip`)
/// aligned with the page's footnotes.
fn pair_page_notes<'f>(
    pages: &[PageLines],
    footnotes: &'f [Footnote],
    start_line: usize,
    skip: &[(usize, usize)],
    plain_endnotes: bool,
) -> Vec<PageWork<'f>> {
    let skipped = |n: usize| skip.iter().any(|&(a, b)| (a..=b).contains(&n));
    let mut work = Vec::with_capacity(pages.len());
    for page in pages {
        let plain = plain_endnotes || page_is_plain(page);
        let cands: Vec<(usize, MarkerCandidate)> = page
            .body
            .iter()
            .filter(|l| l.number >= start_line && !skipped(l.number))
            .flat_map(|l| {
                line_markers(l, plain)
                    .into_iter()
                    .map(move |c| (l.number, c))
            })
            .collect();
        let notes: Vec<&Footnote> = footnotes
            .iter()
            .filter(|f| f.page == page.number && f.placement.is_foot())
            .collect();
        let keys: Vec<(usize, u32, u32)> = cands
            .iter()
            .enumerate()
            .map(|(i, (_, c))| (i, c.number, c.weight))
            .collect();
        let numbers: Vec<u32> = notes.iter().map(|f| f.number).collect();
        let pairs = align_markers(&keys, &numbers);
        work.push(PageWork {
            across: vec![None; cands.len()],
            cands,
            notes,
            numbers,
            pairs,
            called_before: false,
        });
    }
    pair_across_pages(&mut work);
    work
}

/// A note printed at the top of the page after its marker: when a page's first note has no
/// marker on its page, the last unpaired candidate of the page before with its number, after
/// every paired one, calls it.
fn pair_across_pages(work: &mut [PageWork]) {
    for p in 1..work.len() {
        let (before, after) = work.split_at_mut(p);
        let (Some(prev), Some(next)) = (before.last_mut(), after.first_mut()) else {
            continue;
        };
        let Some(&first) = next.notes.first() else {
            continue;
        };
        if next.pairs.contains(&Some(0)) {
            continue;
        }
        let last_paired = prev.pairs.iter().rposition(Option::is_some);
        let from = last_paired.map_or(0, |k| k + 1);
        let found = (from..prev.cands.len()).rev().find(|&k| {
            prev.cands.get(k).is_some_and(|(_, c)| {
                c.number == first.number && (c.weight >= 2 || c.form.is_raised())
            })
        });
        if let Some(slot) = found.and_then(|k| prev.across.get_mut(k)) {
            *slot = Some(first);
            next.called_before = true;
        }
    }
}

/// Pass 2 of [`link_markers`]: the candidates no footnote took, over the whole paper and
/// before the first endnotes section, aligned with the endnotes. Maps (page index, candidate
/// index) to (endnote index, true), or to (`usize::MAX`, false) for a marker that fits the
/// sequence without an endnote.
fn pair_endnotes(
    work: &[PageWork],
    endnotes: &[&Footnote],
    first_notes_line: usize,
) -> HashMap<(usize, usize), (usize, bool)> {
    // Pass 2: the candidates no footnote took, over the whole paper, with the endnotes.
    let mut left: Vec<(usize, usize)> = Vec::new();
    let mut left_cands: Vec<(usize, MarkerCandidate)> = Vec::new();
    if !endnotes.is_empty() {
        for (p, w) in work.iter().enumerate() {
            for (i, (line, cand)) in w.cands.iter().enumerate() {
                if w.pairs.get(i).copied().flatten().is_none() && *line < first_notes_line {
                    left.push((p, i));
                    left_cands.push((*line, cand.clone()));
                }
            }
        }
    }
    let end_numbers: Vec<u32> = endnotes.iter().map(|f| f.number).collect();
    let end_keys: Vec<(usize, u32, u32)> = left_cands
        .iter()
        .enumerate()
        .map(|(i, (_, c))| (i, c.number, c.weight))
        .collect();
    let end_pairs = align_markers(&end_keys, &end_numbers);
    let mut end_of: HashMap<(usize, usize), (usize, bool)> = HashMap::new();
    for (k, &(p, i)) in left.iter().enumerate() {
        let pair = end_pairs.get(k).copied().flatten();
        let fits = pair.is_none()
            && left_cands
                .get(k)
                .is_some_and(|(_, c)| fits_sequence(k, c, &left_cands, &end_pairs, &end_numbers));
        if let Some(j) = pair {
            end_of.insert((p, i), (j, true));
        } else if fits {
            end_of.insert((p, i), (usize::MAX, false));
        }
    }
    end_of
}

/// Finds the markers of each page's running text from `start_line` on and links each to the
/// footnote of the same page with its number, or else to the endnote with its number.
/// Warns about markers without a note and notes without a marker.
///
/// Lines before `start_line` are the front matter: their superscripts and bracketed numbers
/// tie authors to affiliations and are not footnote markers. Lines inside `skip` (the line
/// ranges of endnotes sections, inclusive) hold the notes themselves and are not searched.
///
/// Page footnotes (placement `Foot`) are paired page by page first. Endnotes are numbered
/// through the paper: the markers left over, in reading order over all pages and before the
/// first endnotes section, are aligned with the endnotes' numbers, so a number in
/// parentheses is only a marker when an endnote of that number exists and the numbers rise
/// through the text (years and counts stay text).
pub fn link_markers(
    pages: &[PageLines],
    footnotes: &[Footnote],
    start_line: usize,
    skip: &[(usize, usize)],
) -> (MarkerLinks, Vec<Diagnostic>) {
    let mut links = MarkerLinks::default();
    let mut warnings = Vec::new();
    let first_notes_line = skip.iter().map(|&(a, _)| a).min().unwrap_or(usize::MAX);
    let endnotes: Vec<&Footnote> = footnotes
        .iter()
        .filter(|f| !f.placement.is_foot())
        .collect();
    // Endnotes labelled with bare numbers are called by plain numbers.
    let line_text = |n: usize| {
        pages
            .iter()
            .flat_map(|p| p.body.iter())
            .find(|l| l.number == n)
            .map(|l| l.text)
    };
    let plain_endnotes = !endnotes.is_empty()
        && endnotes.iter().all(|f| {
            line_text(f.source.line)
                .and_then(note_label)
                .is_some_and(|l| l.form == MarkForm::Bare)
        });
    let work = pair_page_notes(pages, footnotes, start_line, skip, plain_endnotes);
    let end_of = pair_endnotes(&work, &endnotes, first_notes_line);
    let mut linked_ends = vec![false; endnotes.len()];
    // Pass 3: keep the markers, page by page.
    for (p, (page, w)) in pages.iter().zip(&work).enumerate() {
        let mut count = 0;
        let mut linked_notes = vec![false; w.notes.len()];
        if w.called_before {
            if let Some(flag) = linked_notes.first_mut() {
                *flag = true;
            }
        }
        for (i, (line, cand)) in w.cands.iter().enumerate() {
            let pair = w.pairs.get(i).copied().flatten();
            let across = w.across.get(i).copied().flatten();
            let end = end_of.get(&(p, i)).copied();
            let taken = across.is_some()
                || match (pair, end) {
                    (Some(j), _) => {
                        if let Some(flag) = linked_notes.get_mut(j) {
                            *flag = true;
                        }
                        true
                    }
                    (None, Some((j, true))) => {
                        if let Some(flag) = linked_ends.get_mut(j) {
                            *flag = true;
                        }
                        true
                    }
                    (None, Some((_, false))) => true,
                    (None, None) => {
                        cand.form.is_raised()
                            || fits_sequence(i, cand, &w.cands, &w.pairs, &w.numbers)
                    }
                };
            if !taken {
                continue;
            }
            count += 1;
            let footnote_id = match (pair, end) {
                _ if across.is_some() => across.map(|f| f.id.clone()),
                (Some(j), _) => w.notes.get(j).map(|f| f.id.clone()),
                (None, Some((j, true))) => endnotes.get(j).map(|f| f.id.clone()),
                _ => None,
            };
            if footnote_id.is_none() {
                let message = if endnotes.is_empty() {
                    format!(
                        "footnote marker {} on page {} has no footnote on its page",
                        cand.number, page.number
                    )
                } else {
                    format!(
                        "note marker {} on page {} has no footnote on its page and no endnote",
                        cand.number, page.number
                    )
                };
                warnings.push(Diagnostic::warning(
                    "marker-without-footnote",
                    message,
                    Some(*line),
                ));
            }
            links.by_line.entry(*line).or_default().push(LinkedMarker {
                start: cand.start,
                end: cand.end,
                footnote_id,
            });
        }
        for (note, linked) in w.notes.iter().zip(&linked_notes) {
            if !linked {
                warnings.push(Diagnostic::warning(
                    "footnote-without-marker",
                    format!(
                        "footnote {} on page {} has no marker in the page's text",
                        note.label, page.number
                    ),
                    Some(note.source.line),
                ));
            }
        }
        links.per_page.push(count);
    }
    for (note, linked) in endnotes.iter().zip(&linked_ends) {
        if !linked {
            warnings.push(Diagnostic::warning(
                "footnote-without-marker",
                format!("endnote {} has no marker in the text", note.label),
                Some(note.source.line),
            ));
        }
    }
    (links, warnings)
}

/// Reads the numbered notes of an endnotes section. `lines` are the section's lines after
/// its heading, in reading order, each with the page it is printed on. The first labelled
/// line sets the label family; a line opens a new note when it has a label of that family
/// whose number is above the last one (a bare number must follow it by one); any other line
/// continues the note above it, across page breaks too. Lines before the first note are
/// left out. The notes get placement `End` and no identifier yet.
pub fn collect_endnotes(lines: &[(usize, Line)]) -> Vec<Footnote> {
    let mut notes: Vec<Footnote> = Vec::new();
    let mut family: Option<u8> = None;
    let mut last: Option<u32> = None;
    for (page, line) in lines.iter().filter(|(_, l)| !l.is_blank()) {
        let label = note_label(line.text).filter(|l| {
            l.form != MarkForm::Star
                && family.is_none_or(|f| f == l.form.family())
                && l.number.is_some_and(|n| match (l.form, last) {
                    (_, None) => true,
                    (MarkForm::Bare, Some(p)) => n == p + 1,
                    (_, Some(p)) => n > p,
                })
        });
        match label {
            Some(l) => {
                family = Some(l.form.family());
                last = l.number;
                let mut text = String::new();
                append(&mut text, line.text.get(l.rest..).unwrap_or(""));
                notes.push(Footnote {
                    id: String::new(),
                    page: *page,
                    label: l.label,
                    number: l.number.unwrap_or(0),
                    text,
                    source: Span::line(line.number),
                    citation: None,
                    placement: NotePlacement::End,
                });
            }
            None => {
                if let Some(note) = notes.last_mut() {
                    append(&mut note.text, line.text);
                    note.source = Span::lines(note.source.line, line.number);
                }
            }
        }
    }
    notes
}

/// Whether an unpaired `(n)` attached to a word sits where a missing footnote would be:
/// between the numbers of the paired markers around it, or right after the last one.
fn fits_sequence(
    i: usize,
    cand: &MarkerCandidate,
    cands: &[(usize, MarkerCandidate)],
    pairs: &[Option<usize>],
    numbers: &[u32],
) -> bool {
    if cand.weight < 3 {
        return false;
    }
    let number_of = |k: usize| {
        pairs
            .get(k)
            .copied()
            .flatten()
            .and_then(|j| numbers.get(j))
            .copied()
    };
    let prev = (0..i).rev().find_map(number_of);
    let next = (i + 1..cands.len()).find_map(number_of);
    let v = cand.number;
    match (prev, next) {
        (Some(a), Some(b)) => a < v && v < b,
        (Some(a), None) => v == a + 1,
        (None, Some(b)) => v + 1 == b,
        (None, None) => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Span;

    fn page<'a>(
        number: usize,
        body: &[(usize, &'a str)],
        notes: &[(usize, &'a str)],
    ) -> PageLines<'a> {
        let mk = |v: &[(usize, &'a str)]| {
            v.iter()
                .map(|&(number, text)| Line::new(number, text))
                .collect::<Vec<_>>()
        };
        PageLines {
            number,
            span: Span::lines(1, 100),
            body: mk(body),
            notes: mk(notes),
        }
    }

    #[test]
    fn parallel_columns_number_their_notes_each_and_carry_them_apart() {
        // A bilingual page: the left column's notes in one language, the right column's the
        // same notes in the other; the second notes of both go on at the next page's top.
        let place = |x: f32, y: f32| crate::extract::input::LineLayout::placed(x, y, 7.0);
        let left = |y: f32| place(50.0, y);
        let right = |y: f32| place(300.0, y);
        let slots = [left(700.0), left(708.0), right(700.0), right(708.0)];
        let laid = |texts: [&'static str; 4], first: usize| {
            texts
                .into_iter()
                .zip(&slots)
                .enumerate()
                .map(|(k, (text, at))| Line {
                    number: first + k,
                    text,
                    layout: Some(at),
                })
                .collect::<Vec<_>>()
        };
        let pages = [
            PageLines {
                number: 1,
                span: Span::lines(1, 10),
                body: vec![],
                notes: laid(
                    [
                        "1 Erste Anmerkung.",
                        "2 Zweite, die",
                        "1 First note.",
                        "2 Second, which",
                    ],
                    5,
                ),
            },
            PageLines {
                number: 2,
                span: Span::lines(11, 20),
                body: vec![],
                notes: laid(["weitergeht.", "3 Dritte.", "goes on.", "3 Third."], 15),
            },
        ];
        let got: Vec<(usize, String, String)> = collect_footnotes(&pages)
            .into_iter()
            .map(|f| (f.page, f.label, f.text))
            .collect();
        let want = [
            (1, "1", "Erste Anmerkung."),
            (1, "2", "Zweite, die weitergeht."),
            (1, "1", "First note."),
            (1, "2", "Second, which goes on."),
            (2, "3", "Dritte."),
            (2, "3", "Third."),
        ];
        let want: Vec<(usize, String, String)> = want
            .iter()
            .map(|&(p, l, t)| (p, l.to_string(), t.to_string()))
            .collect();
        assert_eq!(got, want);
    }

    #[test]
    fn collects_wrapped_notes_skips_stars_and_carries_over_pages() {
        let pages = [
            page(
                1,
                &[(1, "Text(1) more(2).")],
                &[
                    (3, "* Department of politics"),
                    (4, "author@example.org"),
                    (5, "(1) Smith, A Book, available at:"),
                    (6, "<https://example.org/x>"),
                    (7, "(2) Jones, Another"),
                ],
            ),
            page(2, &[(9, "Body.")], &[(11, "continued title, 2001.")]),
        ];
        let notes = collect_footnotes(&pages);
        assert_eq!(notes.len(), 2);
        assert_eq!(
            notes[0].text,
            "Smith, A Book, available at: <https://example.org/x>"
        );
        assert_eq!(notes[0].source, Span::lines(5, 6));
        assert_eq!(notes[1].text, "Jones, Another continued title, 2001.");
        assert_eq!((notes[1].id.as_str(), notes[1].page), ("fn2", 1));
    }

    #[test]
    fn bare_labels_must_count_up() {
        let pages = [page(
            1,
            &[(1, "Text¹ and²")],
            &[
                (3, "1 Smith, Book."),
                (4, "120 pages long."),
                (5, "2 Jones."),
            ],
        )];
        let notes = collect_footnotes(&pages);
        let texts: Vec<&str> = notes.iter().map(|n| n.text.as_str()).collect();
        assert_eq!(texts, vec!["Smith, Book. 120 pages long.", "Jones."]);
    }

    #[test]
    fn links_per_page_numbering_and_ignores_non_markers() {
        let pages = [
            page(
                1,
                &[
                    (
                        1,
                        "أصدر المجلس القرار (2169) عام 2014 وأطلق (120) سجيناً(1)، ثم (2):",
                    ),
                    (2, "١. بند أول."),
                ],
                &[(4, "(1) مصدر أول."), (5, "(2) مصدر ثان.")],
            ),
            page(2, &[(7, "نص⁽¹⁾ آخر")], &[(9, "(1) مصدر ثالث.")]),
        ];
        let notes = collect_footnotes(&pages);
        let (links, warnings) = link_markers(&pages, &notes, 1, &[]);
        assert!(warnings.is_empty(), "{warnings:?}");
        assert_eq!(links.per_page, vec![2, 1]);
        let ids: Vec<Option<&str>> = links.by_line[&1]
            .iter()
            .map(|m| m.footnote_id.as_deref())
            .collect();
        assert_eq!(ids, vec![Some("fn1"), Some("fn2")]);
        assert_eq!(links.by_line[&7][0].footnote_id.as_deref(), Some("fn3"));
    }

    #[test]
    fn links_running_numbers_and_warns_about_gaps() {
        let pages = [
            page(
                1,
                &[(1, "First claim.[1] Second.[2]")],
                &[(3, "[1] A."), (4, "[2] B.")],
            ),
            page(
                2,
                &[(6, "Third.[3] Fourth.[4] Fifth.[5] A ratio (2) here.")],
                &[(8, "[3] C."), (9, "[5] E."), (10, "[6] F.")],
            ),
        ];
        let notes = collect_footnotes(&pages);
        let (links, warnings) = link_markers(&pages, &notes, 1, &[]);
        let codes: Vec<(&str, Option<usize>)> =
            warnings.iter().map(|w| (w.code.as_str(), w.line)).collect();
        assert_eq!(
            codes,
            vec![
                ("marker-without-footnote", Some(6)),
                ("footnote-without-marker", Some(10))
            ]
        );
        assert_eq!(links.per_page, vec![2, 3]);
        let ids: Vec<Option<&str>> = links.by_line[&6]
            .iter()
            .map(|m| m.footnote_id.as_deref())
            .collect();
        assert_eq!(ids, vec![Some("fn3"), None, Some("fn4")]);
    }
}
