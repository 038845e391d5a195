//! Model → bytes, one module per format. Mapping tables are constants; content a format
//! cannot hold is reported as a warning, never dropped silently. No exporter parses text
//! or uses another exporter.

pub mod bibtex;
pub mod crossref;
pub mod csljson;
pub mod jats;
pub mod jsonld;
pub mod marcxml;
pub mod model;
pub mod ris;
pub(crate) mod xmlout;

use crate::model::{Contributor, Diagnostic, Document, LocalizedText};
use thiserror::Error;

/// A serialized output and what could not be rendered in it.
#[derive(Debug, Clone, PartialEq)]
pub struct Export {
    /// The output bytes (UTF-8).
    pub bytes: Vec<u8>,
    /// Facts missing or content the format could not hold.
    pub warnings: Vec<Diagnostic>,
}

/// Why an export could not be produced at all.
#[derive(Debug, Error, PartialEq)]
pub enum ExportError {
    /// The format cannot be valid without a fact the document lacks.
    #[error("{format} needs {what}: set `{key}` in the metadata file (--meta)")]
    MissingFact {
        /// The output format.
        format: &'static str,
        /// What is missing, in words.
        what: &'static str,
        /// The metadata key that supplies it.
        key: &'static str,
    },
    /// The serializer itself failed (a bug, reported rather than hidden).
    #[error("cannot serialize {format}: {message}")]
    Serialize {
        /// The output format.
        format: &'static str,
        /// The serializer's message.
        message: String,
    },
}

/// The canonical form of a printed identifier (DOI, ORCID iD, ISSN) when its text could be
/// read as one.
pub(crate) fn identifier<T>(printed: &crate::model::Printed<T>) -> Option<String>
where
    T: std::str::FromStr + std::fmt::Display,
{
    printed.value().map(|v| v.to_string())
}

/// A volume or issue for a machine field: Western digits when it is a plain number, else
/// the text as printed.
pub(crate) fn numbering(n: &crate::model::Numbering) -> String {
    n.number()
        .map_or_else(|| n.as_str().trim().to_string(), |v| v.to_string())
}

/// The main title, which every format needs.
pub(crate) fn required_title<'a>(
    doc: &'a Document,
    format: &'static str,
) -> Result<&'a LocalizedText, ExportError> {
    doc.front
        .main_title()
        .filter(|t| !t.text.trim().is_empty())
        .ok_or(ExportError::MissingFact {
            format,
            what: "the article title",
            key: "article.title",
        })
}

/// The authors, for formats that cannot describe a paper without one (the real JSON-LD
/// consumers require `author` on a ScholarlyArticle).
pub(crate) fn required_authors<'a>(
    doc: &'a Document,
    format: &'static str,
) -> Result<Vec<&'a Contributor>, ExportError> {
    let authors: Vec<&Contributor> = doc.front.authors().collect();
    if authors.is_empty() {
        return Err(ExportError::MissingFact {
            format,
            what: "at least one author",
            key: "authors[].name",
        });
    }
    Ok(authors)
}

/// The abstracts, one per language in the order the languages first appear: several texts
/// in one language are the paragraphs of one abstract (a structured abstract's sections, a
/// JATS abstract of several paragraphs), joined with a blank line.
pub(crate) fn abstracts_by_language(doc: &Document) -> Vec<LocalizedText> {
    let mut out: Vec<LocalizedText> = Vec::new();
    for a in doc
        .front
        .abstracts
        .iter()
        .filter(|a| !a.text.trim().is_empty())
    {
        match out.iter_mut().find(|o| o.lang == a.lang) {
            Some(o) => {
                o.text.push_str("\n\n");
                o.text.push_str(&a.text);
            }
            None => out.push(a.clone()),
        }
    }
    out
}
