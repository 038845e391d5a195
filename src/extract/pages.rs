//! Pages and their zones: running text and the footnote zone at the bottom.

use super::text::Line;
use crate::model::Span;

/// One page of the input, split into zones.
#[derive(Debug, Clone, PartialEq)]
pub struct PageLines<'a> {
    /// Page number, counted from 1.
    pub number: usize,
    /// The page's whole line range.
    pub span: Span,
    /// Lines of running text (headers, footers and page numbers dropped).
    pub body: Vec<Line<'a>>,
    /// Lines of the footnote zone, `*` author notes included.
    pub notes: Vec<Line<'a>>,
}

/// Splits the input into pages. (Body work replaces this first cut.)
pub fn split_pages<'a>(lines: &[Line<'a>]) -> Vec<PageLines<'a>> {
    let last = lines.last().map_or(1, |l| l.number);
    vec![PageLines {
        number: 1,
        span: Span::lines(1, last),
        body: lines.to_vec(),
        notes: Vec::new(),
    }]
}
