//! Input → model. Each file owns one concern; all of them keep source lines and return
//! warnings instead of guessing silently.
//!
//! [`extract_document`] tells the kind of input from its first bytes ([`input_kind`]): a
//! JATS (or NLM) article is read straight into the model by [`jats::read_jats`], since its
//! markup already says what each part is; everything else is a paper's text.
//!
//! A reader of a paper's text fills the input seam ([`input::PagedInput`], pages of lines with optional layout):
//! [`text::read_text`] for text files. [`extract_pages`] does the rest, the same for every
//! reader: [`repair::repair_input`] (PDF extraction artefacts) → [`pages::input_pages`]
//! (furniture, footnote zones) → [`front::extract_front_matter`]
//! → [`sections::extract_body`] (which uses [`footnotes`]) → [`references::extract_references`]
//! → [`citations::link_citations`] → [`intext::link_intext_citations`], then the model's own
//! normalisation and checks ([`Document::drop_blank_values`], [`Document::verify`], whose
//! findings join the warnings).

pub mod citations;
pub mod footnotes;
pub mod front;
pub mod input;
pub mod intext;
pub mod jats;
pub mod markers;
pub mod pages;
pub mod references;
pub mod repair;
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
    /// The input is XML that is not well-formed, or cannot be decoded as its declaration says.
    #[error("{file}:{line}:{column}: {message}")]
    Xml {
        /// The input's name.
        file: String,
        /// Line (1-based).
        line: usize,
        /// Column (1-based, in bytes).
        column: usize,
        /// What is wrong.
        message: String,
    },
    /// The input is XML but holds no JATS `article`.
    #[error("{file}:{line}: the root element is `{root}`, not a JATS `article`; papermeta reads JATS 1.0–1.3 and NLM 3.0 articles")]
    NotJats {
        /// The input's name.
        file: String,
        /// The root element's name.
        root: String,
        /// Its line.
        line: usize,
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

/// What kind of input a file is, told from its first bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InputKind {
    /// A paper's text (as a PDF text extractor writes it).
    Text,
    /// A PDF file (`%PDF-`).
    Pdf,
    /// An XML file, read as a JATS article (see [`jats::looks_like_xml`]).
    Jats,
}

/// The kind of an input, from its first bytes.
pub fn input_kind(bytes: &[u8]) -> InputKind {
    if bytes.starts_with(b"%PDF-") {
        InputKind::Pdf
    } else if jats::looks_like_xml(bytes) {
        InputKind::Jats
    } else {
        InputKind::Text
    }
}

/// Reads one paper from its bytes into the canonical model, by the kind of input it is.
pub fn extract_document(bytes: &[u8], file_name: &str) -> Result<Document, ExtractError> {
    match input_kind(bytes) {
        InputKind::Jats => jats::read_jats(bytes, file_name),
        // No PDF reader yet: the text reader refuses a PDF's bytes as binary.
        InputKind::Text | InputKind::Pdf => extract_pages(&text::read_text(bytes, file_name)?),
    }
}

/// Reads a paper from the pages of lines a reader made into the canonical model.
pub fn extract_pages(input: &PagedInput) -> Result<Document, ExtractError> {
    let repaired = repair::repair_input(input);
    let input = repaired.as_ref().unwrap_or(input);
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
    // Before in-text citations are matched against the references.
    for group in &mut reference_groups {
        group.drop_blank_values();
    }
    let mut doc_body = body.body;
    sections::attach_reference_groups(&mut doc_body, &reference_groups);
    warnings.extend(intext::link_intext_citations(
        &mut doc_body,
        &reference_groups,
    ));
    let mut doc = Document {
        source: input.source.clone(),
        front: front.front,
        body: doc_body,
        back: crate::model::Back {
            footnotes,
            reference_groups,
        },
        warnings,
        ..Document::default()
    };
    doc.drop_blank_values();
    let found = doc.verify();
    doc.warnings.extend(found);
    doc.warnings.sort_by_key(|w| w.line.unwrap_or(0));
    Ok(doc)
}
