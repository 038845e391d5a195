//! A model JSON read back: a document a person may have edited, checked before any output is
//! made from it, so that `papermeta export` writes from exactly what the file says or from
//! nothing. The checks are those of `validate::model`: syntax, the format version (another
//! version is refused with a message that names both), the model's JSON Schema
//! (`schemas/document.schema.json`) with the JSON pointer, line and column of each problem,
//! then the model's own types.

use crate::model::{Diagnostic, Document};
use crate::validate::model::validate_model;
use thiserror::Error;

/// Why a model JSON cannot be read.
#[derive(Debug, Error, PartialEq)]
#[error("{}", render(.file, .problems))]
pub struct ModelError {
    /// The model file's name.
    pub file: String,
    /// Every problem found, each with its line and column where known.
    pub problems: Vec<Diagnostic>,
}

fn render(file: &str, problems: &[Diagnostic]) -> String {
    let lines: Vec<String> = problems
        .iter()
        .map(|d| match (d.line, d.column) {
            (Some(l), Some(c)) => format!("{file}:{l}:{c}: {}", d.message),
            (Some(l), None) => format!("{file}:{l}: {}", d.message),
            _ => format!("{file}: {}", d.message),
        })
        .collect();
    lines.join("\n")
}

/// Reads a model JSON into a document, refusing it with every problem when it is not a
/// valid model of this papermeta's format version.
pub fn read_model(bytes: &[u8], file: &str) -> Result<Document, ModelError> {
    let report = validate_model(bytes);
    let problems: Vec<Diagnostic> = report.errors().cloned().collect();
    if !problems.is_empty() {
        return Err(ModelError {
            file: file.to_string(),
            problems,
        });
    }
    serde_json::from_slice(bytes).map_err(|e| ModelError {
        file: file.to_string(),
        problems: vec![{
            let mut d = Diagnostic::error(
                "model-shape",
                format!("not a papermeta document: {e}"),
                Some(e.line()),
            );
            d.column = Some(e.column());
            d
        }],
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_written_model_reads_back_equal() {
        let mut doc = Document::default();
        doc.front.language = "en".into();
        doc.front.publication.doi = Some("10.5555/x".into());
        let bytes = crate::export::model::write_model(&doc).unwrap().bytes;
        assert_eq!(read_model(&bytes, "m.json").unwrap(), doc);
    }

    #[test]
    fn problems_are_listed_with_file_line_and_column() {
        let err =
            read_model(b"{\n  \"format_version\": 1,\n  \"source\": 5\n}", "m.json").unwrap_err();
        let text = err.to_string();
        assert!(text.starts_with("m.json:3:13: at `/source`:"), "{text}");
        let old = read_model(b"{\"source\": {}}", "old.json").unwrap_err();
        assert!(
            old.to_string().contains("older than model format 1"),
            "{old}"
        );
    }
}
