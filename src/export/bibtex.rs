//! BibTeX.
