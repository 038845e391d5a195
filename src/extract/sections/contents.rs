//! Tables of contents: a contents heading with the entries under it (with page numbers, or
//! short lines in one unbroken block), or a run of entries with dot leaders, left out of the
//! body.

use super::headings::{is_contents_heading, item_label, kind_of};
use super::lines::SLine;
use regex::Regex;
use std::sync::LazyLock;

pub(super) const DIGIT: &str = r"[0-9\x{0660}-\x{0669}\x{06F0}-\x{06F9}]";

/// A table-of-contents entry with dot leaders: `Introduction ........ 3`.
pub(super) static TOC_LEADERS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?:(?:\.\s?){{3,}}|…{{2,}}|_{{3,}}|\t+)\s*{DIGIT}{{1,4}}\s*$|^\s*{DIGIT}{{1,4}}\s*(?:(?:\.\s?){{3,}}|…{{2,}}|_{{3,}}|\t+)"
    ))
    .expect("contents pattern")
});

/// A table-of-contents entry without leaders, under a contents heading: `Introduction 3`.
pub(super) static TOC_LOOSE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"\S\s+{DIGIT}{{1,4}}\s*$|^\s*{DIGIT}{{1,4}}\s+\S"))
        .expect("contents pattern")
});

/// A contents entry printed without page numbers: a short line that ends no sentence
/// (`2.1 The trade of the harbour`, `References`). Under a contents heading such lines are
/// entries as long as no blank line parts them.
fn bare_entry(text: &str) -> bool {
    let t = text.trim();
    let words = t.split_whitespace().count();
    (1..=16).contains(&words) && !t.ends_with(['.', ',', ';', ':'])
}

/// The length of a table of contents printed without its heading and page numbers, at the
/// start of `lines`: four or more headings in one unbroken block, numbered (`2.1 The demand
/// for training`) or not, two or more of them section names (`1. Introduction`,
/// `References`), few wrapped; 0 when there is none. Body text never stacks four headings
/// with no text between them, and a numbered reference list names no sections.
fn headings_run(lines: &[SLine]) -> usize {
    let (mut entries, mut named, mut wrapped, mut n) = (0, 0, 0, 0);
    for (k, l) in lines.iter().enumerate() {
        if k > 0 && l.block_start {
            break;
        }
        let t = l.line.text.trim();
        if !bare_entry(t) {
            break;
        }
        let label = item_label(t).filter(|x| x.ordered);
        let title = label.as_ref().and_then(|x| t.get(x.rest..)).unwrap_or(t);
        if kind_of(title, 0).is_some() {
            named += 1;
            entries += 1;
        } else if label.is_some() && t.chars().any(char::is_alphabetic) {
            entries += 1;
        } else if n > 0 && lines.get(k + 1).is_some_and(|next| !next.block_start) {
            // A wrapped entry (`... and the Tidal` / `Economy of ...`).
            wrapped += 1;
        } else {
            break;
        }
        n = k + 1;
    }
    if named >= 2 && entries >= 4 && wrapped * 3 <= entries {
        n
    } else {
        0
    }
}

/// Leaves out a table of contents: a contents heading with the entries under it, or a run of
/// three or more entries with dot leaders.
pub(super) fn drop_contents(lines: Vec<SLine>) -> Vec<SLine> {
    let mut out = Vec::with_capacity(lines.len());
    let mut i = 0;
    let mut dropped = false;
    while let Some(sl) = lines.get(i) {
        let text = sl.line.text;
        let run = lines
            .get(i..)
            .unwrap_or_default()
            .iter()
            .take_while(|l| TOC_LEADERS.is_match(l.line.text))
            .count();
        if is_contents_heading(text) {
            i += 1;
            let mut first = true;
            while lines.get(i).is_some_and(|l| {
                TOC_LEADERS.is_match(l.line.text)
                    || TOC_LOOSE.is_match(l.line.text)
                    || ((first || !l.block_start) && bare_entry(l.line.text))
            }) {
                i += 1;
                first = false;
            }
            dropped = true;
            continue;
        }
        if run >= 3 {
            i += run;
            dropped = true;
            continue;
        }
        let listed = headings_run(lines.get(i..).unwrap_or_default());
        if listed > 0 {
            i += listed;
            dropped = true;
            continue;
        }
        let mut sl = *sl;
        if dropped {
            sl.block_start = true;
            dropped = false;
        }
        out.push(sl);
        i += 1;
    }
    out
}
