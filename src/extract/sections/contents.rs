//! Tables of contents: a contents heading with the entries under it, or a run of entries
//! with dot leaders, left out of the body.

use super::headings::is_contents_heading;
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
            while lines.get(i).is_some_and(|l| {
                TOC_LEADERS.is_match(l.line.text) || TOC_LOOSE.is_match(l.line.text)
            }) {
                i += 1;
            }
            dropped = true;
            continue;
        }
        if run >= 3 {
            i += run;
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
