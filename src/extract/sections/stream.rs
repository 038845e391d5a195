//! Reading order: the body's non-blank lines across pages with block starts marked; at a page
//! break the text joins the previous page's last block when that block did not end a
//! sentence (a paragraph cut by the page).

use super::headings::{classify, core_end, item_label, TERMINAL};
use super::lines::{SLine, TypeKey};
use crate::extract::layout::body_font_size;
use crate::extract::pages::PageLines;
use crate::extract::text::Line;

/// How much larger than the running text a line is set to stand apart, in points.
const LARGER_BY: f32 = 1.0;

/// The body lines from `start` on, in reading order, with block starts marked.
pub(super) fn stream<'a>(pages: &[PageLines<'a>], start: usize) -> Vec<SLine<'a>> {
    let setting = body_setting(pages);
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
                set_apart: setting.and_then(|body| set_apart(line, body)),
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
            set_apart: None,
        },
        SLine {
            line: next,
            block_start: false,
            set_apart: None,
        },
    ];
    // A heading even inside a paragraph (a section name alone, a division) opens the page.
    classify(&pair, 0).is_none() && classify(&pair, 1).is_none()
}

/// The running text's font size and whether it is bold, when the lines have layout.
fn body_setting(pages: &[PageLines]) -> Option<(f32, bool)> {
    let size = body_font_size(pages.iter().map(|p| p.body.as_slice()))?;
    let (mut bold, mut regular) = (0usize, 0usize);
    for l in pages.iter().flat_map(|p| p.body.iter()) {
        if let Some(layout) = l.layout.filter(|x| (x.font_size - size).abs() < 0.05) {
            let n = l.text.chars().count();
            if layout.bold {
                bold += n;
            } else {
                regular += n;
            }
        }
    }
    Some((size, bold > regular))
}

/// The setting of a line larger than the running text, or bold where it is not.
fn set_apart(line: &Line, (size, bold): (f32, bool)) -> Option<TypeKey> {
    let l = line.layout?;
    let larger = l.font_size >= size + LARGER_BY;
    let bolder = l.bold && !bold;
    (larger || bolder).then(|| ((l.font_size * 2.0).round() as i16, l.bold))
}
