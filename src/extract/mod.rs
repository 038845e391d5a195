//! Input → model. Each file owns one concern; all of them keep source lines and return
//! warnings instead of guessing silently.
//!
//! A reader fills the input seam ([`input::PagedInput`], pages of lines with optional layout):
//! [`text::read_text`] for text files. [`extract_pages`] does the rest, the same for every
//! reader: [`pages::input_pages`] (furniture, footnote zones) → [`front::extract_front_matter`]
//! → [`sections::extract_body`] (which uses [`footnotes`]) → [`references::extract_references`]
//! → [`citations::link_citations`] → [`intext::link_intext_citations`].

pub mod citations;
pub mod footnotes;
pub mod front;
pub mod input;
pub mod intext;
pub mod markers;
pub mod pages;
pub mod pdf;
pub mod references;
pub mod sections;
pub mod text;

use crate::model::Document;
use input::PagedInput;
use thiserror::Error;

/// Why an input could not be read at all.
#[derive(Debug, Error, PartialEq)]
pub enum ExtractError {
    /// The input has no text.
    #[error("{file}: the input is empty")]
    Empty {
        /// The input's name.
        file: String,
    },
    /// The input holds bytes that no text has (NUL or other control bytes).
    #[error("{file}:{line}:{column}: the input looks binary (byte 0x{byte:02X} at offset {offset}); papermeta reads text extracted from a PDF")]
    Binary {
        /// The input's name.
        file: String,
        /// The offending byte.
        byte: u8,
        /// Its offset in the input.
        offset: usize,
        /// Its line (1-based).
        line: usize,
        /// Its column (1-based, in bytes).
        column: usize,
    },
    /// The input is neither UTF-8, UTF-16 with a BOM, nor Windows-1256.
    #[error("{file}:{line}:{column}: the input is not valid UTF-8 (byte 0x{byte:02X} at offset {offset}) and does not read as Windows-1256 Arabic text either; convert it to UTF-8")]
    Encoding {
        /// The input's name.
        file: String,
        /// The first byte that is not valid UTF-8.
        byte: u8,
        /// Its offset in the input.
        offset: usize,
        /// Its line (1-based).
        line: usize,
        /// Its column (1-based, in bytes).
        column: usize,
    },
    /// The PDF is encrypted and needs a password to open.
    #[error("{file}: the PDF is encrypted and needs a password; decrypt it first (e.g. `qpdf --decrypt --password=... in.pdf out.pdf`)")]
    PdfEncrypted {
        /// The input's name.
        file: String,
    },
    /// The PDF has no text to read (a scan).
    #[error(
        "{file}: no text layer: run OCR first (the PDF's {pages} page(s) hold images, not text)"
    )]
    PdfNoText {
        /// The input's name.
        file: String,
        /// How many pages it has.
        pages: usize,
    },
    /// The PDF is truncated or damaged past reading.
    #[error("{file}: the PDF is damaged: {detail}")]
    PdfDamaged {
        /// The input's name.
        file: String,
        /// What is wrong.
        detail: String,
    },
    /// A stream of the PDF inflates past the limit (a decompression bomb).
    #[error("{file}: refused: a stream of the PDF inflates past {limit_mib} MiB (a decompression bomb?)")]
    PdfBomb {
        /// The input's name.
        file: String,
        /// The limit, in MiB.
        limit_mib: usize,
    },
    /// No line could be taken for the paper's title.
    #[error("{file}: no title found: the first text line ({detail}) does not look like a title")]
    NoTitle {
        /// The input's name.
        file: String,
        /// What was found instead.
        detail: String,
    },
}

/// Reads one paper from its bytes into the canonical model: a PDF (by its `%PDF-`
/// signature) through [`pdf::read_pdf`], anything else as text through [`text::read_text`].
pub fn extract_document(bytes: &[u8], file_name: &str) -> Result<Document, ExtractError> {
    read_input(bytes, file_name).and_then(|input| extract_pages(&input))
}

/// Reads one paper's bytes into pages of lines, choosing the reader by content.
pub fn read_input(bytes: &[u8], file_name: &str) -> Result<PagedInput, ExtractError> {
    if pdf::is_pdf(bytes) {
        pdf::read_pdf(bytes, file_name)
    } else {
        text::read_text(bytes, file_name)
    }
}

/// Reads a paper from the pages of lines a reader made into the canonical model.
pub fn extract_pages(input: &PagedInput) -> Result<Document, ExtractError> {
    let pages = pages::input_pages(input);
    let front = front::extract_front_matter(&pages, &input.source.file_name)?;
    let mut warnings = input.warnings.clone();
    warnings.extend(front.warnings);
    let body = sections::extract_body(&pages, front.body_start_line);
    warnings.extend(body.warnings);
    let (mut reference_groups, ref_warnings) =
        references::extract_references(&body.reference_lines);
    warnings.extend(ref_warnings);
    let mut footnotes = body.footnotes;
    warnings.extend(citations::link_citations(
        &mut footnotes,
        &mut reference_groups,
    ));
    drop_blank_fields(&mut reference_groups);
    let mut doc_body = body.body;
    sections::attach_reference_groups(&mut doc_body, &reference_groups);
    warnings.extend(intext::link_intext_citations(
        &mut doc_body,
        &reference_groups,
    ));
    warnings.sort_by_key(|w| w.line.unwrap_or(0));
    let mut front = front.front;
    drop_blank_front_values(&mut front);
    Ok(Document {
        source: input.source.clone(),
        front,
        body: doc_body,
        back: crate::model::Back {
            footnotes,
            reference_groups,
        },
        warnings,
    })
}

/// Parsed reference fields that hold nothing visible (a stray byte order mark or direction
/// mark left by PDF extraction) are no fields at all: every writer would have to guard
/// against them otherwise. The raw entry text keeps them.
fn drop_blank_fields(groups: &mut [crate::model::ReferenceGroup]) {
    use crate::script::is_blank;
    fn clear(field: &mut Option<String>) {
        if field.as_deref().is_some_and(is_blank) {
            *field = None;
        }
    }
    for r in groups.iter_mut().flat_map(|g| g.references.iter_mut()) {
        for field in [
            &mut r.title,
            &mut r.container,
            &mut r.volume,
            &mut r.issue,
            &mut r.edition,
            &mut r.publisher,
            &mut r.place,
            &mut r.url,
            &mut r.doi,
            &mut r.accessed,
        ] {
            clear(field);
        }
        r.authors.retain(|a| !is_blank(a.as_written()));
        if r.year.as_ref().is_some_and(|y| is_blank(&y.raw)) {
            r.year = None;
        }
        if r.pages.as_ref().is_some_and(|p| is_blank(&p.raw)) {
            r.pages = None;
        }
    }
}

/// Titles, abstracts, keywords and contributor names that hold nothing visible are dropped, as reference fields
/// are (see [`drop_blank_fields`]).
fn drop_blank_front_values(front: &mut crate::model::Front) {
    use crate::script::is_blank;
    front.titles.retain(|t| !is_blank(&t.text));
    front.abstracts.retain(|a| !is_blank(&a.text));
    for group in &mut front.keywords {
        group.keywords.retain(|k| !is_blank(k));
    }
    front.keywords.retain(|g| !g.keywords.is_empty());
    let blank: Vec<String> = front
        .contributors
        .iter()
        .filter(|c| is_blank(&c.name.as_written))
        .map(|c| c.id.clone())
        .collect();
    front.contributors.retain(|c| !blank.contains(&c.id));
    for note in &mut front.author_notes {
        if note
            .contributor_id
            .as_ref()
            .is_some_and(|id| blank.contains(id))
        {
            note.contributor_id = None;
        }
    }
}
