//! Reading order: the body's non-blank lines across pages with block starts marked; at a page
//! break the text joins the previous page's last block when that block did not end a
//! sentence (a paragraph cut by the page).

use super::headings::{classify, core_end, item_label, TERMINAL};
use super::lines::SLine;
use crate::extract::pages::PageLines;
use crate::extract::text::Line;

/// The body lines from `start` on, in reading order, with block starts marked.
pub(super) fn stream<'a>(pages: &[PageLines<'a>], start: usize) -> Vec<SLine<'a>> {
    let mut out: Vec<SLine<'a>> = Vec::new();
    for page in pages {
        let mut blank = true;
        let mut first_on_page = true;
        for line in page.body.iter().filter(|l| l.number >= start) {
            if line.is_blank() {
                blank = true;
                continue;
            }
            let block_start = match (first_on_page, out.last()) {
                (true, Some(prev)) => !joins_across_page(prev.line, *line),
                (true, None) => true,
                (false, _) => blank,
            };
            out.push(SLine {
                line: *line,
                block_start,
            });
            blank = false;
            first_on_page = false;
        }
    }
    out
}

/// Whether the first line of a page continues the last line of the previous one: the last
/// line ends no sentence, is no heading, and the new line opens no list item.
pub(super) fn joins_across_page(prev: Line, next: Line) -> bool {
    if core_end(prev.text).ends_with(TERMINAL) || item_label(next.text).is_some() {
        return false;
    }
    let pair = [
        SLine {
            line: prev,
            block_start: true,
        },
        SLine {
            line: next,
            block_start: false,
        },
    ];
    // A heading even inside a paragraph (a section name alone, a division) opens the page.
    classify(&pair, 0).is_none() && classify(&pair, 1).is_none()
}
