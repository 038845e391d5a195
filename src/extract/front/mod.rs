//! Front matter: title, authors, affiliations, author notes, abstracts and keywords, and the
//! publication facts printed with them (history dates, DOI, volume/issue; see `facts.rs`).
//!
//! The reader walks the first page's running text: the title comes first, then a header of
//! author and affiliation lines, then labelled blocks (abstracts, keywords) possibly separated
//! by a translated title. `*` author notes are read from the footnote zone and, while pages
//! are not split, from running-text lines that start with `*`. Every marker word comes from
//! `markers::front`.
//!
//! This file holds the walk; each concern has its file: [`lines`] (how a line reads),
//! [`reader`] (the state, finished into a `Front`), [`titles`], [`authors`] (names and their
//! other-script forms), [`affiliations`] and [`affil`] (affiliation text), [`contacts`] and
//! [`emails`] (emails and ORCID iDs), [`notes`] (`*` author notes), [`blocks`] (abstracts and
//! keywords), [`facts`] (publication facts) and [`names`] (marker matching and person names).

mod affil;
mod affiliations;
mod authors;
mod blocks;
mod contacts;
pub(crate) mod emails;
mod facts;
mod head;
mod language;
mod lines;
pub(crate) mod names;
mod notes;
mod reader;
mod titles;

use super::error::ExtractError;
use super::layout;
use super::pages::PageLines;
use super::text::Line;
use crate::model::{Diagnostic, Front};
use lines::{
    collect_notes, is_article_type, is_history_line, is_journal_line, is_note_line, title_problem,
    MAX_HEADER_WORDS,
};
use names::{find_label, is_body_heading, LabelKind};
use reader::Reader;

/// Whether `text` is a submission-history line (`Received: …`, `Accepted 3 May 2020`).
pub(crate) fn is_submission_history(text: &str) -> bool {
    facts::is_history_line(text)
}

/// What the front-matter reader found, and where the body begins.
#[derive(Debug, Clone, PartialEq)]
pub struct FrontMatter {
    /// The front matter.
    pub front: Front,
    /// The first source line of the body.
    pub body_start_line: usize,
    /// What the reader was unsure about.
    pub warnings: Vec<Diagnostic>,
}

/// How many non-blank lines the header (title to first label) may have.
const MAX_HEADER_LINES: usize = 30;

/// How many non-blank lines may separate two labelled blocks (a translated title, names).
const MAX_GAP_LINES: usize = 8;

/// While the input is one unsplit page, how many lines after the body start may still hold
/// the first page's `*` author notes.
const UNSPLIT_NOTE_WINDOW: usize = 80;

/// Reads the front matter from the first pages.
pub fn extract_front_matter(
    pages: &[PageLines],
    file_name: &str,
) -> Result<FrontMatter, ExtractError> {
    let stream: Vec<Line<'_>> = pages.iter().flat_map(|p| p.body.iter().copied()).collect();
    let (first, authors_above) = title_line(&stream, file_name)?;
    // Typography, where the input has it: the title is set largest on the first page.
    let first = pages
        .first()
        .and_then(|p| {
            layout::title_start(
                &p.body,
                layout::body_font_size(pages.iter().map(|p| p.body.as_slice())),
            )
        })
        .filter(|&k| k > first)
        .unwrap_or(first);
    let mut reader = Reader {
        page_starts: pages.iter().skip(1).map(|p| p.span.line).collect(),
        ..Reader::default()
    };
    let (header, stop_reason_line) = header_lines(&stream, first);
    reader.read_header(&header);
    if !authors_above.is_empty() {
        // Author lines printed above the title.
        let lines: Vec<Line<'_>> = authors_above
            .iter()
            .filter_map(|&i| stream.get(i).copied())
            .collect();
        let kinds: Vec<lines::Kind> = lines.iter().map(|l| lines::classify(l.text)).collect();
        reader.read_people(&lines, &kinds, false);
    }
    let (body_start, saw_label) = read_labelled_blocks(
        &mut reader,
        &stream,
        stop_reason_line.unwrap_or(stream.len()),
    );
    let body_start_line = body_start
        .or_else(|| stream.last().map(|l| l.number + 1))
        .unwrap_or(1);
    if !saw_label {
        reader.warn(
            "abstract-missing",
            "no abstract or keyword label was found after the title and authors",
            Some(body_start_line),
        );
    } else if reader.front.abstracts.is_empty() {
        reader.warn(
            "abstract-missing",
            "no abstract was found",
            stream.get(first).map(|l| l.number),
        );
    }
    reader.read_notes(&note_lines(pages, body_start_line));

    // Publication facts: the front zone, and history/DOI lines of the first footnote zone.
    // Volume and issue are read only from journal heads above the first label, where no
    // abstract or footnote can cite another journal.
    let head_end = stop_reason_line
        .and_then(|k| stream.get(k))
        .map_or(body_start_line, |l| l.number);
    let found = facts::read_facts(&fact_lines(pages, &stream, body_start_line), |l| {
        l.number < head_end && is_journal_line(l.text)
    });
    reader.apply_facts(found);
    reader.finish();

    Ok(FrontMatter {
        front: reader.front,
        body_start_line,
        warnings: reader.warnings,
    })
}

/// The index in `stream` of the title line: the first line with text, past a journal running
/// head (name, volume, issue), history lines, an article category, lines with no letter at
/// all (a page number, a stray mark), a section label or a masthead printed above the
/// title; with the indexes of author lines printed above the title.
fn title_line(stream: &[Line<'_>], file_name: &str) -> Result<(usize, Vec<usize>), ExtractError> {
    let no_title = |detail: &str| ExtractError::NoTitle {
        file: file_name.to_string(),
        detail: detail.to_string(),
    };
    let mut first = stream
        .iter()
        .position(|l| !l.is_blank())
        .ok_or_else(|| no_title("the input has no text line"))?;
    let mut authors = Vec::new();
    loop {
        while stream.get(first).is_some_and(|l| {
            is_journal_line(l.text)
                || is_history_line(l.text)
                || is_article_type(l.text)
                || !l.text.chars().any(char::is_alphabetic)
        }) {
            match stream
                .iter()
                .enumerate()
                .skip(first + 1)
                .find(|(_, l)| !l.is_blank())
            {
                Some((k, _)) => first = k,
                None => break,
            }
        }
        let above = head::above_title(stream, first);
        if above.first == first {
            break;
        }
        first = above.first;
        authors.extend(above.authors);
    }
    // A cover label alone on the first line (`ABSTRACT` above the title): the title follows.
    let lone_label = |l: &Line| {
        find_label(l.text.trim())
            .is_some_and(|x| x.kind == LabelKind::Abstract && x.rest.is_empty())
    };
    if stream.get(first).is_some_and(lone_label) {
        let next = stream
            .iter()
            .enumerate()
            .skip(first + 1)
            .find(|(_, l)| !l.is_blank());
        if let Some((k, l)) = next {
            if title_problem(l.text.trim()).is_none() {
                first = k;
            }
        }
    }
    let first_text = stream.get(first).map_or("", |l| l.text.trim());
    if let Some(problem) = title_problem(first_text) {
        return Err(no_title(&problem));
    }
    Ok((first, authors))
}

/// The header: from the title at `stream[first]` to the first label, heading or running
/// paragraph, whose index is returned too.
fn header_lines<'a>(stream: &[Line<'a>], first: usize) -> (Vec<Line<'a>>, Option<usize>) {
    let mut header: Vec<Line<'_>> = Vec::new();
    let mut i = first;
    let mut stop_reason_line: Option<usize> = None;
    while let Some(line) = stream.get(i) {
        let t = line.text.trim();
        let skip = !header.is_empty()
            && (!t.chars().any(char::is_alphabetic) || is_history_line(t) || is_journal_line(t));
        if t.is_empty() || skip {
            i += 1;
            continue;
        }
        if !header.is_empty()
            && (find_label(t).is_some()
                || is_body_heading(t)
                || head::is_contents_line(t)
                || head::starts_prose(stream, i)
                || t.split_whitespace().count() > MAX_HEADER_WORDS
                || header.len() >= MAX_HEADER_LINES)
        {
            stop_reason_line = Some(i);
            break;
        }
        header.push(*line);
        i += 1;
    }
    (header, stop_reason_line)
}

/// Reads the labelled blocks from `stream[start]` on and the gaps between them. Returns the
/// first body line, when one was seen, and whether any label was.
fn read_labelled_blocks(
    reader: &mut Reader,
    stream: &[Line<'_>],
    start: usize,
) -> (Option<usize>, bool) {
    let mut body_start: Option<usize> = None;
    // A run-in table of contents between the header and the abstract is left out.
    let mut j = start + head::contents_lines(stream, start);
    let mut saw_label = false;
    while let Some(line) = stream.get(j) {
        let Some(label) = find_label(line.text.trim()) else {
            // A heading or running paragraph right after the header: the body.
            body_start = Some(line.number);
            break;
        };
        saw_label = true;
        let end = match label.kind {
            LabelKind::Abstract => reader.read_abstract(stream, j, &label),
            LabelKind::Keywords => reader.read_keywords(stream, j, &label),
        };
        // The gap up to the next label.
        let mut gap: Vec<Line<'_>> = Vec::new();
        let mut k = end;
        let mut next_label = false;
        while let Some(l) = stream.get(k) {
            let t = l.text.trim();
            if t.is_empty() || is_note_line(t) || is_history_line(t) || is_journal_line(t) {
                k += 1;
                continue;
            }
            if find_label(t).is_some() {
                next_label = true;
                break;
            }
            if is_body_heading(t)
                || t.split_whitespace().count() > MAX_HEADER_WORDS
                || gap.len() >= MAX_GAP_LINES
            {
                break;
            }
            gap.push(*l);
            k += 1;
        }
        if next_label {
            reader.read_gap(&gap);
            j = k;
            continue;
        }
        body_start = gap
            .first()
            .or(stream.get(k))
            .map(|l| l.number)
            .or_else(|| stream.last().map(|l| l.number + 1));
        break;
    }
    (body_start, saw_label)
}

/// Author notes: the footnote zone of the front pages, and `*` lines of their running text.
fn note_lines<'a>(pages: &[PageLines<'a>], body_start_line: usize) -> Vec<Line<'a>> {
    let mut note_lines: Vec<Line<'_>> = Vec::new();
    for (n, page) in pages.iter().enumerate() {
        // A cover page puts the authors' notes at the foot of the page the text opens on.
        let cover_notes = n == 1 && note_lines.is_empty();
        if n > 0 && page.span.line > body_start_line && !cover_notes {
            break;
        }
        collect_notes(&page.notes, true, &mut note_lines);
        // Until pages are split, the first page's notes sit in the running text shortly after
        // the front matter; `*` lines further on are other footnotes.
        let near: Vec<Line<'_>> = page
            .body
            .iter()
            .filter(|l| pages.len() > 1 || l.number < body_start_line + UNSPLIT_NOTE_WINDOW)
            .copied()
            .collect();
        collect_notes(&near, false, &mut note_lines);
    }
    note_lines.sort_by_key(|l| l.number);
    note_lines.dedup_by_key(|l| l.number);
    note_lines
}

/// The lines publication facts are read from: the front zone, and history/DOI lines of the
/// first footnote zone.
fn fact_lines<'a>(
    pages: &[PageLines<'a>],
    stream: &[Line<'a>],
    body_start_line: usize,
) -> Vec<Line<'a>> {
    let mut fact_lines: Vec<Line<'_>> = stream
        .iter()
        .filter(|l| l.number < body_start_line)
        .copied()
        .collect();
    if pages.len() > 1 {
        if let Some(page) = pages.first() {
            fact_lines.extend(
                page.notes
                    .iter()
                    .filter(|l| facts::is_history_line(l.text) || facts::is_doi_line(l.text))
                    .copied(),
            );
        }
    }
    fact_lines.sort_by_key(|l| l.number);
    fact_lines.dedup_by_key(|l| l.number);
    fact_lines
}

#[cfg(test)]
mod tests;
