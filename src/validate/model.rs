//! Model files (`.model.json`) checked against `schemas/document.schema.json`, the JSON Schema
//! generated from `crate::model`: JSON syntax, the format version, the schema (each problem
//! with its JSON pointer, line and column), then the model's own types.

use super::json_pointer::{position_of, value_positions};
use super::Report;
use crate::model::{Diagnostic, Document, MODEL_FORMAT_VERSION};
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

/// Why a model JSON's version is not the one this papermeta reads, when it is not.
pub fn version_problem(value: &serde_json::Value) -> Option<String> {
    let current = u64::from(MODEL_FORMAT_VERSION);
    match value.get("format_version") {
        None if value.is_object() => Some(format!(
            "the model has no `format_version`: it was written by a papermeta older than model format 1, and this papermeta reads model format {current}; extract the paper again (or add `\"format_version\": {current}` once the model is checked against schemas/document.schema.json)"
        )),
        Some(v) => match v.as_u64() {
            Some(n) if n < current => Some(format!(
                "the model is in format {n}, written by an older papermeta; this papermeta reads model format {current}: extract the paper again, or bring the model up to format {current} (see schemas/document.schema.json)"
            )),
            Some(n) if n > current => Some(format!(
                "the model is in format {n}, written by a newer papermeta; this papermeta reads model format {current}: use a papermeta that reads format {n}"
            )),
            _ => None,
        },
        None => None,
    }
}

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

/// Validates a model file's bytes: JSON syntax (with line and column), the format version,
/// the schema (every problem with its JSON pointer, line and column), then the model's types.
pub fn validate_model(bytes: &[u8]) -> Report {
    let mut report = Report::default();
    let text = match std::str::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let before = &bytes[..e.valid_up_to()];
            let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
            report.diagnostics.push(Diagnostic::error(
                "json-syntax",
                format!("not UTF-8 (at byte {})", e.valid_up_to()),
                Some(line),
            ));
            return report;
        }
    };
    let value: serde_json::Value = match serde_json::from_str(text) {
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
    if let Some(problem) = version_problem(&value) {
        let at = value_positions(text);
        let (line, column) = position_of(&at, "/format_version").unwrap_or((1, 1));
        let mut d = Diagnostic::error("model-version", problem, Some(line));
        d.column = Some(column);
        report.diagnostics.push(d);
        return report;
    }
    match &*VALIDATOR {
        Ok(validator) => {
            let mut positions = None;
            for error in validator.iter_errors(&value) {
                let pointer = error.instance_path.to_string();
                let at = positions.get_or_insert_with(|| value_positions(text));
                let (line, column) = position_of(at, &pointer).unwrap_or((1, 1));
                let mut d = Diagnostic::error(
                    "model-schema",
                    format!(
                        "at `{}`: {error}",
                        if pointer.is_empty() { "/" } else { &pointer }
                    ),
                    Some(line),
                );
                d.column = Some(column);
                report.diagnostics.push(d);
            }
        }
        Err(e) => report.diagnostics.push(Diagnostic::error(
            "model-schema",
            format!("the model schema does not compile: {e}"),
            None,
        )),
    }
    if report.is_valid() {
        if let Err(e) = serde_json::from_str::<Document>(text) {
            let mut d = Diagnostic::error(
                "model-shape",
                format!("not a papermeta document: {e}"),
                Some(e.line()),
            );
            d.column = Some(e.column());
            report.diagnostics.push(d);
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
        let broken = br#"{"format_version": 1, "source": 3}"#;
        assert!(!validate_model(broken).is_valid());
        let report = validate_model(b"{\n  \"a\": }");
        assert_eq!(report.diagnostics[0].line, Some(2));
    }

    #[test]
    fn schema_errors_name_pointer_line_and_column() {
        let mut doc = Document::default();
        doc.front.language = "ar".into();
        doc.front.titles.push(crate::model::LocalizedText {
            lang: "ar".into(),
            text: "عنوان".into(),
            source: None,
        });
        let text = serde_json::to_string_pretty(&doc)
            .unwrap()
            .replace("\"text\": \"عنوان\"", "\"text\": 7");
        let report = validate_model(text.as_bytes());
        let d = &report.diagnostics[0];
        assert!(d.message.starts_with("at `/front/titles/0/text`:"), "{d:?}");
        let line = text
            .lines()
            .position(|l| l.contains("\"text\": 7"))
            .unwrap()
            + 1;
        assert_eq!(d.line, Some(line));
        assert!(d.column.is_some());
    }

    #[test]
    fn other_format_versions_are_refused_with_a_message() {
        let old = validate_model(br#"{"source": {}, "front": {}}"#);
        assert_eq!(old.diagnostics[0].code, "model-version");
        assert!(old.diagnostics[0]
            .message
            .contains("older than model format 1"));
        let newer = validate_model(b"{\n\"format_version\": 99}");
        assert!(newer.diagnostics[0]
            .message
            .contains("written by a newer papermeta"));
        assert_eq!(newer.diagnostics[0].line, Some(2));
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
