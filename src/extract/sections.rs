//! The section tree, its blocks, and the links from footnote markers to footnotes.

use super::pages::PageLines;
use super::text::Line;
use crate::model::{Body, Diagnostic, Footnote, ReferenceGroup};

/// What the body reader found.
#[derive(Debug, Clone, PartialEq)]
pub struct BodyExtraction<'a> {
    /// The body: pages, blocks and sections (the references section holds no blocks).
    pub body: Body,
    /// The numbered footnotes, markers linked.
    pub footnotes: Vec<Footnote>,
    /// The lines under the reference-list heading, across pages, footnote zones left out.
    pub reference_lines: Vec<Line<'a>>,
    /// What the reader was unsure about.
    pub warnings: Vec<Diagnostic>,
}

/// Reads the body, starting at `start_line`.
pub fn extract_body<'a>(pages: &[PageLines<'a>], start_line: usize) -> BodyExtraction<'a> {
    let _ = (pages, start_line);
    BodyExtraction {
        body: Body::default(),
        footnotes: Vec::new(),
        reference_lines: Vec::new(),
        warnings: Vec::new(),
    }
}

/// Adds one subsection per reference group under the references section.
pub fn attach_reference_groups(body: &mut Body, groups: &[ReferenceGroup]) {
    let _ = (body, groups);
}
