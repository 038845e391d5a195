//! The unit every body reader reads: one non-blank line of running text in reading order,
//! and whether it opens a block.

use crate::extract::text::Line;

/// One non-blank line of running text, in reading order.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct SLine<'a> {
    /// The source line.
    pub(super) line: Line<'a>,
    /// Whether it opens a block (after a blank line, or after a page break that ends one).
    pub(super) block_start: bool,
    /// How the line is set apart from the running text (larger or bold), when its layout
    /// shows it: the type headings are set in.
    pub(super) set_apart: Option<TypeKey>,
}

/// A setting that headings share: the font size in half points and whether it is bold.
pub(super) type TypeKey = (i16, bool);
