//! The section walk: the line stream read into a flat list of sections (headings with their
//! level, label and title) and their blocks; the reference list is left to the references
//! reader and endnotes sections to the notes.

use super::headings::{classify, core_end, labels_after_list, names_after_list, Heading, Style};
use super::levels::Levels;
use super::lines::SLine;
use crate::extract::footnotes::LinkedMarker;
use crate::model::{Block, Section, SectionKind, Span};
use std::collections::HashMap;

/// Builds the flat list of sections and their blocks from the line stream.
pub(super) struct Builder<'a, 'm> {
    pub(super) lines: &'m [SLine<'a>],
    pub(super) links: &'m HashMap<usize, Vec<LinkedMarker>>,
    pub(super) flat: Vec<Section>,
    pub(super) preamble: Vec<Block>,
    /// The levels of the headings read so far.
    pub(super) levels: Levels,
    /// The last Latin letter that labelled a heading, to read `I.` after `H.` as a letter.
    pub(super) last_letter: Option<char>,
    /// Endnotes sections: stream index of the heading and of the first line after them.
    pub(super) notes_sections: Vec<(usize, usize)>,
}

impl<'a, 'm> Builder<'a, 'm> {
    pub(super) fn new(
        lines: &'m [SLine<'a>],
        links: &'m HashMap<usize, Vec<LinkedMarker>>,
    ) -> Self {
        Builder {
            lines,
            links,
            flat: Vec::new(),
            preamble: Vec::new(),
            levels: Levels::new(lines),
            last_letter: None,
            notes_sections: Vec::new(),
        }
    }

    /// Reads the stream. Returns, for each reference list found (one per paper of a compiled
    /// issue), the last line of its heading and the first line after the list, if any.
    pub(super) fn run(&mut self) -> Vec<(usize, Option<usize>)> {
        let lines = self.lines;
        let mut refs = Vec::new();
        let mut i = 0;
        while let Some(sl) = lines.get(i) {
            if let Some(mut h) = classify(lines, i) {
                let notes_end = self
                    .notes_sections
                    .iter()
                    .find(|(at, _)| *at == i)
                    .map(|(_, end)| *end);
                // A notes heading without notes under it opens an ordinary section; a
                // notes-or-references heading with notes under it is the endnotes.
                h.kind = match (notes_end, h.kind) {
                    (Some(_), _) => SectionKind::Notes,
                    (None, SectionKind::Notes) => SectionKind::Other,
                    (None, kind) => kind,
                };
                let section = self.section(&h, i);
                self.flat.push(section);
                if let Some(end) = notes_end {
                    i = end.max(i + 1);
                    continue;
                }
                let after = i + h.lines;
                if h.kind == SectionKind::References && h.run_in.is_none() {
                    let last = lines
                        .get(after - 1)
                        .map_or(sl.line.number, |l| l.line.number);
                    let notes_at = &self.notes_sections;
                    let end = (after..lines.len()).find(|&k| {
                        notes_at.iter().any(|(at, _)| *at == k) || closes_reference_list(lines, k)
                    });
                    refs.push((last, end.and_then(|k| lines.get(k)).map(|l| l.line.number)));
                    match end {
                        Some(k) => {
                            i = k;
                            continue;
                        }
                        None => break,
                    }
                }
                i = match h.run_in {
                    Some(rest) => self.paragraph(i, Some(rest)),
                    None => after,
                };
                continue;
            }
            i = self.block(i);
        }
        refs
    }

    pub(super) fn section(&mut self, h: &Heading, i: usize) -> Section {
        let lines = self.lines;
        let first = lines.get(i).map(|l| l.line);
        let label = match (h.label, first) {
            (Some((s, e)), Some(line)) => line.text.get(s..e).map(str::to_string),
            _ => None,
        };
        let mut title = Vec::new();
        if let Some(line) = lines.get(i + h.title.0) {
            self.push_range(&mut title, line.line, h.title.1, h.title.2);
        }
        // `I.`, `V.`, `X.` right after `H.`, `U.`, `W.` continue the letters, not a Roman list.
        let letter = label
            .as_deref()
            .and_then(|l| l.trim().chars().next())
            .filter(|c| c.is_ascii_uppercase());
        let mut heading = h.clone();
        if let (Style::Roman(d), Some(c), Some(prev)) = (&h.style, letter, self.last_letter) {
            let single = label
                .as_deref()
                .is_some_and(|l| l.trim().chars().count() == 2);
            if single && u32::from(prev) + 1 == u32::from(c) {
                heading.style = Style::Letter(false, *d);
            }
        }
        if let Style::Letter(false, _) = heading.style {
            self.last_letter = letter;
        }
        let level = self.levels.level(&heading, i);
        let start = first.map_or(0, |l| l.number);
        let end = lines.get(i + h.lines - 1).map_or(start, |l| l.line.number);
        Section {
            id: String::new(),
            level,
            kind: h.kind,
            label,
            title,
            run_in: h.run_in.is_some(),
            blocks: Vec::new(),
            sections: Vec::new(),
            source: Span::lines(start, end),
        }
    }
}

/// Whether stream line `k` ends the reference list: an appendix, acknowledgements or a note
/// on the authors under their heading (a section name alone on its line, `Appendix`, `About
/// the author`), a line such a heading labels (`Author: Jane Roe`), or a submission-history
/// line (`Received on: 01/08/2014`) printed after it.
fn closes_reference_list(lines: &[SLine], k: usize) -> bool {
    let Some(line) = lines.get(k) else {
        return false;
    };
    if crate::extract::front::is_submission_history(line.line.text) {
        return true;
    }
    let after_entry = line.block_start
        || k.checked_sub(1)
            .and_then(|p| lines.get(p))
            .is_some_and(|p| core_end(p.line.text).ends_with(['.', ')']));
    if after_entry && labels_after_list(line.line.text) {
        return true;
    }
    after_entry
        && classify(lines, k).is_some_and(|h| {
            h.run_in.is_none()
                && match h.kind {
                    // An introduction after the list opens the next paper of a compiled issue.
                    SectionKind::Appendix
                    | SectionKind::Acknowledgements
                    | SectionKind::Introduction => true,
                    SectionKind::Other => names_after_list(line.line.text),
                    _ => false,
                }
        })
}
