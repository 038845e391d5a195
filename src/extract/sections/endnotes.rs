//! Endnotes sections: a notes heading followed by numbered notes called from the text above
//! it, read into footnotes and merged with the page footnotes in document order.

use super::headings::{self, classify};
use super::lines::SLine;
use crate::extract::footnotes::collect_endnotes;
use crate::extract::markers::notes as notes_table;
use crate::extract::markers::sections::fold;
use crate::extract::notelabels::{note_label, scan_markers};
use crate::extract::pages::PageLines;
use crate::extract::text::Line;
use crate::model::{Footnote, SectionKind};
use std::sync::LazyLock;

/// An endnotes section found in the line stream.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Endnotes {
    /// Stream index of its heading.
    pub(super) heading: usize,
    /// Stream index of the first line after the section.
    pub(super) end: usize,
    /// Its source lines, heading included (first, last).
    pub(super) lines: (usize, usize),
    /// Its notes, without identifiers.
    pub(super) notes: Vec<Footnote>,
}

/// Whether a folded heading is one of the notes-or-references headings of the tables.
pub(super) fn is_mixed_heading(title: &str) -> bool {
    static MIXED: LazyLock<Vec<String>> = LazyLock::new(|| {
        notes_table::ALL
            .iter()
            .flat_map(|t| t.mixed_headings.iter())
            .map(|w| fold(w))
            .collect()
    });
    let folded = fold(title.trim().trim_end_matches([':', '-', '.', ' ']));
    MIXED.contains(&folded)
}

/// Finds the endnotes sections: a heading of kind `Notes` (or a notes-or-references
/// heading such as `الهوامش والمصادر`) that stands alone on its line and is followed by
/// numbered notes. The section runs to the next heading that names a section (`المصادر`,
/// `Appendix`) or a division (`المبحث الثالث`); a line with a note label never ends it.
/// A mixed heading is only taken when at least half of its notes are called by a marker
/// shape with their number in the text above it; a `Notes` heading when at least one is.
pub(super) fn find_endnotes(lines: &[SLine], pages: &[PageLines]) -> Vec<Endnotes> {
    let mut out: Vec<Endnotes> = Vec::new();
    let mut k = 0;
    while k < lines.len() {
        let Some(sl) = lines.get(k) else { break };
        if sl.line.text.split_whitespace().count() > 8 || !may_name_notes(sl.line.text) {
            k += 1;
            continue;
        }
        let Some(h) = classify(lines, k).filter(|h| h.run_in.is_none()) else {
            k += 1;
            continue;
        };
        let title = sl.line.text.get(h.title.1..h.title.2).unwrap_or("");
        let mixed = h.kind == SectionKind::References && is_mixed_heading(title);
        if h.kind != SectionKind::Notes && !mixed {
            k += 1;
            continue;
        }
        let from = k + h.lines;
        let end = (from..lines.len())
            .find(|&j| {
                lines.get(j).is_some_and(|l| {
                    note_label(l.line.text).is_none()
                        && classify(lines, j).is_some_and(|x| {
                            x.kind != SectionKind::Other
                                || matches!(
                                    x.style,
                                    headings::Style::Top | headings::Style::Division(_)
                                )
                        })
                })
            })
            .unwrap_or(lines.len());
        let body: Vec<(usize, Line)> = lines
            .get(from..end)
            .unwrap_or_default()
            .iter()
            .map(|l| (page_of(pages, l.line.number), l.line))
            .collect();
        let notes = collect_endnotes(&body);
        let called: std::collections::HashSet<u32> = lines
            .get(..k)
            .unwrap_or_default()
            .iter()
            .flat_map(|l| scan_markers(l.line.text))
            .map(|c| c.number)
            .collect();
        let marked = notes.iter().filter(|n| called.contains(&n.number)).count();
        let enough = if mixed {
            marked * 2 >= notes.len()
        } else {
            marked >= 1
        };
        if notes.is_empty() || !enough {
            k += 1;
            continue;
        }
        let first = sl.line.number;
        let last = lines
            .get(end.saturating_sub(1))
            .map_or(first, |l| l.line.number);
        out.push(Endnotes {
            heading: k,
            end,
            lines: (first, last),
            notes,
        });
        k = end;
    }
    out
}

/// Whether a line holds one of the endnotes or notes-or-references headings of the tables
/// (a cheap test before the heading is classified).
pub(super) fn may_name_notes(text: &str) -> bool {
    static WORDS: LazyLock<Vec<String>> = LazyLock::new(|| {
        notes_table::ALL
            .iter()
            .flat_map(|t| t.endnote_headings.iter().chain(t.mixed_headings.iter()))
            .map(|w| fold(w))
            .collect()
    });
    let folded = fold(text);
    WORDS.iter().any(|w| folded.contains(w.as_str()))
}

/// The page a source line is printed on (pages are in line order).
pub(super) fn page_of(pages: &[PageLines], line: usize) -> usize {
    let i = pages.partition_point(|p| p.span.line <= line);
    pages.get(i.saturating_sub(1)).map_or(1, |p| p.number)
}

/// Page footnotes and endnotes in one list in document order (by source line), numbered
/// `fn1..fnN` again when endnotes were added.
pub(super) fn merge_notes(footnotes: Vec<Footnote>, endnotes: &[Endnotes]) -> Vec<Footnote> {
    if endnotes.is_empty() {
        return footnotes;
    }
    let mut all = footnotes;
    all.extend(endnotes.iter().flat_map(|e| e.notes.iter().cloned()));
    all.sort_by_key(|f| f.source.line);
    for (i, f) in all.iter_mut().enumerate() {
        f.id = format!("fn{}", i + 1);
    }
    all
}
