//! The input seam: the pages of lines every reader fills (the text reader, the PDF reader),
//! with the layout it knows of each line. Everything after it is shared.
//!
//! A reader cuts its input into pages and lines, numbers the lines the way a user finds them
//! again (the text reader uses the file's own line numbers), and, where it can see the page,
//! adds a [`LineLayout`]. With no layout, extraction works from the text alone.

use crate::model::{BoundingBox, Diagnostic, SourceInfo};
use std::ops::Range;

/// A paper cut into pages of lines, ready for extraction.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PagedInput {
    /// Facts about the input file.
    pub source: SourceInfo,
    /// The pages in reading order; blank lines are kept (they separate paragraphs).
    pub pages: Vec<SourcePage>,
    /// What the reader repaired or was unsure about, each with its line.
    pub warnings: Vec<Diagnostic>,
}

/// One page of the input.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SourcePage {
    /// The page's number in the input, counted from 1.
    pub number: usize,
    /// The page's lines, top to bottom (in reading order for several columns).
    pub lines: Vec<SourceLine>,
    /// The page's width and height in points, when the reader knows them.
    pub size: Option<(f32, f32)>,
}

/// One line of a page.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SourceLine {
    /// The line's number in the input, counted from 1 (a line cut by a form feed gives two
    /// lines with one number).
    pub number: usize,
    /// The line's text, without its line ending.
    pub text: String,
    /// How the line is set on the page, when the reader can see it.
    pub layout: Option<LineLayout>,
}

impl SourceLine {
    /// A line with no layout.
    pub fn plain(number: usize, text: impl Into<String>) -> Self {
        SourceLine {
            number,
            text: text.into(),
            layout: None,
        }
    }
}

/// How a line is set: its box, its main font and the spans set apart from it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct LineLayout {
    /// The line's box on its page.
    pub bbox: BoundingBox,
    /// The size of the line's main font, in points.
    pub font_size: f32,
    /// The main font's name, as the file names it.
    pub font_name: Option<String>,
    /// Whether the main font is bold.
    pub bold: bool,
    /// Whether the main font is italic.
    pub italic: bool,
    /// Byte ranges of the text set raised and smaller than the line (note markers).
    pub superscripts: Vec<Range<usize>>,
}

#[cfg(test)]
impl LineLayout {
    /// A test line of `size`-point type whose 230-point-wide box starts at (`x`, `y`).
    pub(crate) fn placed(x: f32, y: f32, size: f32) -> Self {
        LineLayout {
            bbox: BoundingBox {
                x0: x,
                y0: y,
                x1: x + 230.0,
                y1: y + size,
            },
            font_size: size,
            ..LineLayout::default()
        }
    }
}
