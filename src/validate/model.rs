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

/// Checks papermeta's own model output without compiling the schema: the bytes must read back
/// into the typed [`Document`] the schema is generated from (every field known, every value
/// of its type), with line and column where they do not. A file from elsewhere is checked
/// against the schema itself by [`validate_model`].
pub fn check_model_output(bytes: &[u8]) -> Report {
    let mut report = Report::default();
    if let Err(e) = serde_json::from_slice::<Document>(bytes) {
        let code = if e.is_syntax() || e.is_eof() {
            "json-syntax"
        } else {
            "model-schema"
        };
        let mut d = Diagnostic::error(code, format!("not a papermeta model: {e}"), Some(e.line()));
        d.column = Some(e.column());
        report.diagnostics.push(d);
    }
    report
}

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

    #[test]
    fn own_output_check_agrees_with_the_schema_on_a_broken_file() {
        let doc = crate::model::Document::default();
        let bytes = serde_json::to_vec(&doc).unwrap();
        assert!(check_model_output(&bytes).is_valid());
        let broken = String::from_utf8(bytes)
            .unwrap()
            .replacen("\"front\"", "\"frnot\"", 1);
        assert!(!check_model_output(broken.as_bytes()).is_valid());
        assert!(!validate_model(broken.as_bytes()).is_valid());
    }
}
