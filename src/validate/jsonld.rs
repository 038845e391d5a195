//! Checks papermeta's JSON-LD output (and `--profile papermeta`) against the shape of
//! `schemas/scholarly-article.schema.json` (JSON Schema 2020-12), written out as Rust data in
//! `jsonld_shape.rs` so that no JSON Schema is compiled at run time; a test holds the two
//! to the same findings.
//!
//! Every diagnostic carries the JSON pointer of the offending value in its message and, where
//! the value can be found in the text, its line and column (1-based, column in characters).

use super::cursor::CharCursor;
use super::Report;
use crate::model::Diagnostic;
use serde_json::Value;
use std::collections::HashMap;

/// The JSON Schema text papermeta's JSON-LD must satisfy.
pub const SCHEMA: &str = include_str!("../../schemas/scholarly-article.schema.json");

/// Validates JSON-LD bytes: UTF-8, JSON syntax (with line/column), then the schema.
pub fn validate_jsonld(bytes: &[u8]) -> Report {
    let mut report = Report::default();
    let text = match std::str::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let (line, column) = byte_position(bytes, e.valid_up_to());
            report.diagnostics.push(located(
                Diagnostic::error(
                    "jsonld-not-utf8",
                    format!("the output is not UTF-8 (at byte {})", e.valid_up_to()),
                    None,
                ),
                line,
                column,
            ));
            return report;
        }
    };
    let instance: Value = match serde_json::from_str(text) {
        Ok(v) => v,
        Err(e) => {
            report.diagnostics.push(located(
                Diagnostic::error(
                    "jsonld-syntax",
                    format!("the output is not JSON: {e}"),
                    None,
                ),
                e.line(),
                e.column(),
            ));
            return report;
        }
    };
    let mut errors: Vec<(String, String)> = Vec::new();
    super::jsonld_shape::check(
        &super::jsonld_shape::Shape::Object(&super::jsonld_shape::ARTICLE),
        &instance,
        "",
        &mut errors,
    );
    if errors.is_empty() {
        return report;
    }
    let positions = pointer_positions(text);
    for (pointer, message) in errors {
        let shown = if pointer.is_empty() { "/" } else { &pointer };
        let mut d = Diagnostic::error("jsonld-schema", format!("{shown}: {message}"), None);
        if let Some(&(line, column)) = positions.get(&pointer) {
            d = located(d, line, column);
        }
        report.diagnostics.push(d);
    }
    report
        .diagnostics
        .sort_by_key(|d| (d.line.unwrap_or(0), d.column.unwrap_or(0)));
    report
}

pub(super) fn located(mut d: Diagnostic, line: usize, column: usize) -> Diagnostic {
    d.line = Some(line);
    d.column = Some(column);
    d
}

/// Line and column (1-based, column in characters) of byte offset `offset`.
fn byte_position(bytes: &[u8], offset: usize) -> (usize, usize) {
    let before = bytes.get(..offset).unwrap_or(bytes);
    let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
    let line_start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |p| p + 1);
    let column = String::from_utf8_lossy(before.get(line_start..).unwrap_or(&[]))
        .chars()
        .count()
        + 1;
    (line, column)
}

/// The position of every value in a (syntactically valid) JSON text, by JSON pointer.
pub(super) fn pointer_positions(text: &str) -> HashMap<String, (usize, usize)> {
    let mut scanner = Scanner {
        cur: CharCursor::new(text),
        out: HashMap::new(),
    };
    scanner.value(String::new());
    scanner.out
}

/// A small JSON walker recording where each value starts; it trusts the text to be valid
/// JSON (serde_json checked it first) and stops quietly at anything unexpected.
struct Scanner {
    cur: CharCursor,
    out: HashMap<String, (usize, usize)>,
}

impl Scanner {
    fn peek(&self) -> Option<char> {
        self.cur.peek()
    }

    fn bump(&mut self) -> Option<char> {
        self.cur.bump()
    }

    fn skip_ws(&mut self) {
        while self.peek().is_some_and(|c| c.is_whitespace()) {
            self.bump();
        }
    }

    fn value(&mut self, pointer: String) {
        self.skip_ws();
        self.out
            .insert(pointer.clone(), (self.cur.line, self.cur.column));
        match self.peek() {
            Some('{') => {
                self.bump();
                loop {
                    self.skip_ws();
                    match self.peek() {
                        Some('}') => {
                            self.bump();
                            return;
                        }
                        Some(',') => {
                            self.bump();
                        }
                        Some('"') => {
                            let key = self.string();
                            self.skip_ws();
                            if self.peek() != Some(':') {
                                return;
                            }
                            self.bump();
                            let escaped = key.replace('~', "~0").replace('/', "~1");
                            self.value(format!("{pointer}/{escaped}"));
                        }
                        _ => return,
                    }
                }
            }
            Some('[') => {
                self.bump();
                let mut index = 0usize;
                loop {
                    self.skip_ws();
                    match self.peek() {
                        Some(']') => {
                            self.bump();
                            return;
                        }
                        Some(',') => {
                            self.bump();
                        }
                        Some(_) => {
                            let before = self.cur.pos;
                            self.value(format!("{pointer}/{index}"));
                            index += 1;
                            if self.cur.pos == before {
                                return;
                            }
                        }
                        None => return,
                    }
                }
            }
            Some('"') => {
                self.string();
            }
            Some(_) => {
                while self
                    .peek()
                    .is_some_and(|c| !matches!(c, ',' | '}' | ']') && !c.is_whitespace())
                {
                    self.bump();
                }
            }
            None => {}
        }
    }

    /// Reads a string token and returns its decoded text (escapes resolved).
    fn string(&mut self) -> String {
        let start = self.cur.pos;
        self.bump();
        while let Some(c) = self.bump() {
            match c {
                '\\' => {
                    self.bump();
                }
                '"' => break,
                _ => {}
            }
        }
        let raw: String = self
            .cur
            .chars
            .get(start..self.cur.pos)
            .map(|s| s.iter().collect())
            .unwrap_or_default();
        serde_json::from_str::<String>(&raw).unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const MINIMAL: &str = r#"{
  "@context": "https://schema.org",
  "@type": "ScholarlyArticle",
  "name": {"@value": "عنوان البحث", "@language": "ar"},
  "headline": "عنوان البحث",
  "inLanguage": "ar",
  "author": [{"@type": "Person", "name": "كاتب"}]
}
"#;

    /// The JSON Schema file and the hand-written shape find the same problems (by pointer)
    /// on the golden outputs and on mutations of them.
    #[test]
    fn the_shape_and_the_schema_file_agree() {
        let schema: Value = serde_json::from_str(SCHEMA).unwrap();
        let validator = jsonschema::validator_for(&schema).unwrap();
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden");
        let mut docs: Vec<Value> = Vec::new();
        for case in std::fs::read_dir(dir).unwrap().flatten() {
            if let Ok(text) = std::fs::read_to_string(case.path().join("output.jsonld")) {
                docs.push(serde_json::from_str(&text).unwrap());
            }
        }
        docs.push(serde_json::from_str(MINIMAL).unwrap());
        let mut variants: Vec<Value> = Vec::new();
        fn mutations(v: &Value, out: &mut Vec<Value>, root: &Value, path: &mut Vec<String>) {
            if let Value::Object(map) = v {
                for (k, child) in map {
                    path.push(k.clone());
                    for replacement in [
                        Value::Null,
                        Value::from(""),
                        Value::from(7),
                        Value::from("x y"),
                        serde_json::json!([]),
                    ] {
                        let mut doc = root.clone();
                        if let Some(slot) = doc.pointer_mut(&format!("/{}", path.join("/"))) {
                            *slot = replacement;
                        }
                        out.push(doc);
                    }
                    let mut doc = root.clone();
                    let parent = format!("/{}", path[..path.len() - 1].join("/"));
                    if let Some(Value::Object(m)) =
                        doc.pointer_mut(if parent == "/" { "" } else { &parent })
                    {
                        m.remove(k);
                        m.insert("unexpected".into(), Value::from(1));
                    }
                    out.push(doc);
                    if path.len() < 4 {
                        mutations(child, out, root, path);
                    }
                    path.pop();
                }
            }
        }
        for d in &docs {
            variants.push(d.clone());
            mutations(d, &mut variants, d, &mut Vec::new());
        }
        assert!(variants.len() > 200, "{}", variants.len());
        for v in &variants {
            let mut ours: Vec<(String, String)> = Vec::new();
            super::super::jsonld_shape::check(
                &super::super::jsonld_shape::Shape::Object(&super::super::jsonld_shape::ARTICLE),
                v,
                "",
                &mut ours,
            );
            let theirs = validator.iter_errors(v).count();
            assert_eq!(ours.is_empty(), theirs == 0, "{v}\nours: {ours:?}");
        }
    }

    #[test]
    fn schema_compiles_and_accepts_minimal_article() {
        let report = validate_jsonld(MINIMAL.as_bytes());
        assert!(report.is_valid(), "{:?}", report.diagnostics);
    }

    #[test]
    fn syntax_error_has_line_and_column() {
        let report = validate_jsonld(b"{\n  \"a\": 1,\n  \"b\" 2\n}\n");
        let d = &report.diagnostics[0];
        assert_eq!(d.code, "jsonld-syntax");
        assert_eq!(d.line, Some(3));
        assert!(d.column.is_some());
    }

    #[test]
    fn schema_error_points_at_value() {
        let bad = MINIMAL.replace(
            "\"inLanguage\": \"ar\"",
            "\"inLanguage\": \"arabic language\"",
        );
        let report = validate_jsonld(bad.as_bytes());
        assert!(!report.is_valid());
        let d = report
            .errors()
            .find(|d| d.message.starts_with("/inLanguage"))
            .expect("inLanguage error");
        assert_eq!(d.line, Some(6));
        assert_eq!(d.column, Some(17));
    }

    #[test]
    fn missing_author_and_bad_issn_are_errors() {
        let text = r#"{"@context": "https://schema.org", "@type": "ScholarlyArticle",
"name": "A title", "headline": "A title", "inLanguage": "en",
"isPartOf": {"@type": "Periodical", "issn": "12345678"}}"#;
        let report = validate_jsonld(text.as_bytes());
        let messages: Vec<&str> = report.errors().map(|d| d.message.as_str()).collect();
        assert!(
            messages.iter().any(|m| m.contains("author")),
            "{messages:?}"
        );
        assert!(
            messages.iter().any(|m| m.starts_with("/isPartOf")),
            "{messages:?}"
        );
    }

    #[test]
    fn language_tagged_values_need_a_valid_tag() {
        let bad = MINIMAL.replace("\"@language\": \"ar\"", "\"@language\": \"ar_IQ\"");
        assert!(!validate_jsonld(bad.as_bytes()).is_valid());
        let good = MINIMAL.replace("\"@language\": \"ar\"", "\"@language\": \"ar-IQ\"");
        assert!(validate_jsonld(good.as_bytes()).is_valid());
    }

    #[test]
    fn pointers_of_nested_arrays_are_found() {
        let positions = pointer_positions("{\"a\": [1, {\"b/c\": \"x\"}]}");
        assert_eq!(positions.get("/a/1/b~1c"), Some(&(1, 19)));
        assert_eq!(positions.get("/a/0"), Some(&(1, 8)));
    }

    #[test]
    fn invalid_utf8_is_reported() {
        let report = validate_jsonld(b"{\"a\": \"\xff\"}");
        assert_eq!(report.diagnostics[0].code, "jsonld-not-utf8");
        assert_eq!(report.diagnostics[0].column, Some(8));
    }
}
