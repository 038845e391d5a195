//! Input → model. Each file owns one concern; all of them keep source lines and return
//! warnings instead of guessing silently.
//!
//! [`extract_document`] tells the kind of input from its first bytes ([`input_kind`]): a
//! JATS (or NLM) article is read straight into the model by [`jats::read_jats`], since its
//! markup already says what each part is; a PDF or a paper's text fills the input seam
//! ([`input::PagedInput`], pages of lines with optional layout): [`pdf::read_pdf`] for PDFs,
//! [`text::read_text`] for text files (chosen by [`read_input`]). [`extract_pages`] does the rest, the same for every
//! reader: [`repair::repair_input`] (PDF extraction artefacts) → [`pages::input_pages`]
//! (furniture, footnote zones) → [`front::extract_front_matter`]
//! → [`sections::extract_body`] (which uses [`footnotes`]) → [`references::extract_references`]
//! → [`citations::link_citations`] → [`intext::link_intext_citations`], then the model's own
//! normalisation and checks ([`Document::drop_blank_values`], [`Document::verify`], whose
//! findings join the warnings).

pub mod citations;
mod error;
pub mod footnotes;
pub mod front;
pub mod input;
pub mod intext;
pub mod jats;
pub mod layout;
pub mod markers;
pub mod notelabels;
pub mod pages;
pub mod pdf;
pub(crate) mod person_names;
pub mod place;
pub mod plainnotes;
pub mod references;
pub mod repair;
pub mod sections;
pub mod text;

pub use error::ExtractError;

use crate::model::Document;
use input::PagedInput;

/// Reads one paper from its bytes into the canonical model, by the kind of input it is.
pub fn extract_document(bytes: &[u8], file_name: &str) -> Result<Document, ExtractError> {
    match input_kind(bytes) {
        InputKind::Jats => jats::read_jats(bytes, file_name),
        InputKind::Text | InputKind::Pdf => extract_pages(&read_input(bytes, file_name)?),
    }
}

/// Reads one paper's bytes into pages of lines, choosing the reader by content.
pub fn read_input(bytes: &[u8], file_name: &str) -> Result<PagedInput, ExtractError> {
    if pdf::is_pdf(bytes) {
        pdf::read_pdf(bytes, file_name)
    } else {
        text::read_text(bytes, file_name)
    }
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
    if pdf::is_pdf(bytes) {
        InputKind::Pdf
    } else if jats::looks_like_xml(bytes) {
        InputKind::Jats
    } else {
        InputKind::Text
    }
}

/// Reads a paper from the pages of lines a reader made into the canonical model.
pub fn extract_pages(input: &PagedInput) -> Result<Document, ExtractError> {
    let repaired = repair::repair_input(input);
    let input = repaired.as_ref().unwrap_or(input);
    let pages = pages::input_pages(input);
    let mut front = front::extract_front_matter(&pages, &input.source.file_name)?;
    let mut warnings = input.warnings.clone();
    warnings.append(&mut front.warnings);
    let body = sections::extract_body(&pages, front.body_start_line);
    warnings.extend(body.warnings);
    footnotes::link_front_calls(
        &pages,
        &mut front.front.contributors,
        &body.footnotes,
        &body.called,
    );
    // A note an author's name calls has its marker.
    let called_from_front: Vec<usize> = front
        .front
        .contributors
        .iter()
        .flat_map(|c| &c.footnote_ids)
        .filter_map(|id| body.footnotes.iter().find(|f| &f.id == id))
        .map(|f| f.source.line)
        .collect();
    warnings.retain(|w| {
        w.code != "footnote-without-marker"
            || !w.line.is_some_and(|l| called_from_front.contains(&l))
    });
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
    place::place_spans(&mut doc, input);
    let found = doc.verify();
    doc.warnings.extend(found);
    doc.warnings.sort_by_key(|w| w.line.unwrap_or(0));
    Ok(doc)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_numbered_note_that_only_an_author_calls_is_linked_to_the_author() {
        // Invented paper: the author's name calls note 1 (her post), the text calls 2.
        let text = "\
The Small Courts of the River Towns
Mara Quill 1
Introduction
Small courts heard most disputes of the river towns, and their records survive.2 They
show how the towns settled quarrels without the high court.

1 Archivist at the Town Library of Eastford.
2 Town Court Records, vol. 3 (1901), 14.
\u{c}Conclusion
The small courts mattered.
";
        let doc = extract_document(text.as_bytes(), "t.txt").unwrap();
        let notes = &doc.back.footnotes;
        assert_eq!(notes.len(), 2, "{notes:?}");
        let author = &doc.front.contributors[0];
        assert_eq!(author.footnote_ids, [notes[0].id.clone()]);
        assert!(!doc
            .warnings
            .iter()
            .any(|w| w.code == "footnote-without-marker"));
    }
}
