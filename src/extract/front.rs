//! Front matter: title, authors, affiliations, author notes, abstracts and keywords.

use super::pages::PageLines;
use super::ExtractError;
use crate::model::{Diagnostic, Front};

/// What the front-matter reader found, and where the body begins.
#[derive(Debug, Clone, PartialEq)]
pub struct FrontMatter {
    /// The front matter.
    pub front: Front,
    /// The first source line of the body.
    pub body_start_line: usize,
    /// What the reader was unsure about.
    pub warnings: Vec<Diagnostic>,
}

/// Reads the front matter from the first pages.
pub fn extract_front_matter(
    pages: &[PageLines],
    file_name: &str,
) -> Result<FrontMatter, ExtractError> {
    let _ = (pages, file_name);
    Ok(FrontMatter {
        front: Front::default(),
        body_start_line: 1,
        warnings: Vec::new(),
    })
}
