//! Model files (`.model.json`) checked against `schemas/document.schema.json`, the JSON Schema
//! generated from `crate::model`.

use super::Report;
use crate::model::{Diagnostic, Document};
use std::sync::LazyLock;

/// The JSON Schema of [`Document`], generated from the model's types.
pub fn document_schema() -> serde_json::Value {
    let schema = schemars::schema_for!(Document);
    serde_json::to_value(&schema).unwrap_or(serde_json::Value::Null)
}

/// The generated schema as the text stored in `schemas/document.schema.json`.
pub fn document_schema_text() -> String {
    let mut text = serde_json::to_string_pretty(&document_schema()).unwrap_or_default();
    text.push('\n');
    text
}

static VALIDATOR: LazyLock<Result<jsonschema::Validator, String>> =
    LazyLock::new(|| jsonschema::validator_for(&document_schema()).map_err(|e| e.to_string()));

/// Validates a model file's bytes: JSON syntax (with line and column), then the schema.
pub fn validate_model(bytes: &[u8]) -> Report {
    let mut report = Report::default();
    let value: serde_json::Value = match serde_json::from_slice(bytes) {
        Ok(v) => v,
        Err(e) => {
            let mut d = Diagnostic::error(
                "json-syntax",
                format!("not valid JSON: {e}"),
                Some(e.line()),
            );
            d.column = Some(e.column());
            report.diagnostics.push(d);
            return report;
        }
    };
    match &*VALIDATOR {
        Ok(validator) => {
            for error in validator.iter_errors(&value) {
                report.diagnostics.push(Diagnostic::error(
                    "model-schema",
                    format!("at `{}`: {}", error.instance_path, error),
                    None,
                ));
            }
        }
        Err(e) => report.diagnostics.push(Diagnostic::error(
            "model-schema",
            format!("the model schema does not compile: {e}"),
            None,
        )),
    }
    if report.is_valid() {
        if let Err(e) = serde_json::from_value::<Document>(value) {
            report.diagnostics.push(Diagnostic::error(
                "model-shape",
                format!("not a papermeta document: {e}"),
                None,
            ));
        }
    }
    report
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_serialized_document_is_valid_and_a_broken_one_is_not() {
        let mut doc = Document::default();
        doc.front.language = "ar".into();
        let bytes = serde_json::to_vec(&doc).unwrap();
        assert!(
            validate_model(&bytes).is_valid(),
            "{:?}",
            validate_model(&bytes)
        );
        let broken = br#"{"source": 3}"#;
        assert!(!validate_model(broken).is_valid());
        let report = validate_model(b"{\n  \"a\": }");
        assert_eq!(report.diagnostics[0].line, Some(2));
    }
}
