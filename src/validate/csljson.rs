//! CSL-JSON validation against the CSL 1.0.2 input schema (`schemas/csl/csl-data.json`,
//! embedded).
//!
//! Rather than compiling JSON Schema at run time, the schema is read (on first use, a few
//! microseconds) into a small tree of the keywords it actually uses — `type`, `enum`,
//! `items`, `$ref` into `definitions`, `anyOf`, `properties`, `additionalProperties`,
//! `required`, `minItems`, `maxItems` — and checked by hand. A schema using any other
//! validation keyword is refused, so a newer schema cannot be half-understood.
//! Diagnostics carry the line and column of the item at fault and the JSON path inside it.

use std::collections::BTreeMap;
use std::sync::LazyLock;

use serde_json::Value;

use crate::model::Diagnostic;
use crate::validate::Report;

/// The embedded CSL 1.0.2 input schema.
pub const SCHEMA: &str = include_str!("../../schemas/csl/csl-data.json");

/// Annotation keywords that do not validate.
const ANNOTATIONS: &[&str] = &[
    "title",
    "description",
    "examples",
    "$schema",
    "$id",
    "$comment",
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum JType {
    String,
    Number,
    Integer,
    Boolean,
    Object,
    Array,
    Null,
}

impl JType {
    fn parse(s: &str) -> Option<JType> {
        Some(match s {
            "string" => JType::String,
            "number" => JType::Number,
            "integer" => JType::Integer,
            "boolean" => JType::Boolean,
            "object" => JType::Object,
            "array" => JType::Array,
            "null" => JType::Null,
            _ => return None,
        })
    }
    fn matches(self, v: &Value) -> bool {
        match self {
            JType::String => v.is_string(),
            JType::Number => v.is_number(),
            JType::Integer => v.is_i64() || v.is_u64(),
            JType::Boolean => v.is_boolean(),
            JType::Object => v.is_object(),
            JType::Array => v.is_array(),
            JType::Null => v.is_null(),
        }
    }
    fn name(self) -> &'static str {
        match self {
            JType::String => "string",
            JType::Number => "number",
            JType::Integer => "integer",
            JType::Boolean => "boolean",
            JType::Object => "object",
            JType::Array => "array",
            JType::Null => "null",
        }
    }
}

/// One schema node.
#[derive(Debug, Default)]
struct Node {
    types: Option<Vec<JType>>,
    enumeration: Option<Vec<Value>>,
    items: Option<Box<Node>>,
    reference: Option<String>,
    any_of: Option<Vec<Node>>,
    properties: BTreeMap<String, Node>,
    additional: Option<bool>,
    required: Vec<String>,
    min_items: Option<usize>,
    max_items: Option<usize>,
}

struct Schema {
    root: Node,
    definitions: BTreeMap<String, Node>,
}

fn read_node(v: &Value, path: &str) -> Result<Node, String> {
    let Some(obj) = v.as_object() else {
        return Err(format!("{path}: a schema must be an object"));
    };
    let mut n = Node::default();
    for (k, val) in obj {
        let at = format!("{path}/{k}");
        match k.as_str() {
            "type" => {
                let list: Vec<&Value> = match val {
                    Value::Array(a) => a.iter().collect(),
                    one => vec![one],
                };
                let mut types = Vec::new();
                for t in list {
                    let t = t
                        .as_str()
                        .and_then(JType::parse)
                        .ok_or_else(|| format!("{at}: unknown type {t}"))?;
                    types.push(t);
                }
                n.types = Some(types);
            }
            "enum" => {
                n.enumeration = Some(
                    val.as_array()
                        .ok_or_else(|| format!("{at}: enum must be an array"))?
                        .clone(),
                )
            }
            "items" => n.items = Some(Box::new(read_node(val, &at)?)),
            "$ref" => {
                let r = val.as_str().unwrap_or("");
                let name = r.strip_prefix("#/definitions/").ok_or_else(|| {
                    format!("{at}: only #/definitions/… references are supported")
                })?;
                n.reference = Some(name.to_string());
            }
            "anyOf" => {
                let mut alts = Vec::new();
                for (i, a) in val
                    .as_array()
                    .ok_or_else(|| format!("{at}: anyOf must be an array"))?
                    .iter()
                    .enumerate()
                {
                    alts.push(read_node(a, &format!("{at}/{i}"))?);
                }
                n.any_of = Some(alts);
            }
            "properties" => {
                for (name, p) in val
                    .as_object()
                    .ok_or_else(|| format!("{at}: properties must be an object"))?
                {
                    n.properties
                        .insert(name.clone(), read_node(p, &format!("{at}/{name}"))?);
                }
            }
            "additionalProperties" => {
                n.additional = Some(val.as_bool().ok_or_else(|| {
                    format!("{at}: only boolean additionalProperties is supported")
                })?)
            }
            "required" => {
                n.required = val
                    .as_array()
                    .ok_or_else(|| format!("{at}: required must be an array"))?
                    .iter()
                    .filter_map(|s| s.as_str().map(str::to_string))
                    .collect()
            }
            "minItems" => n.min_items = val.as_u64().map(|x| x as usize),
            "maxItems" => n.max_items = val.as_u64().map(|x| x as usize),
            "definitions" => {}
            k if ANNOTATIONS.contains(&k) => {}
            other => return Err(format!("{at}: keyword `{other}` is not supported")),
        }
    }
    Ok(n)
}

fn read_schema(text: &str) -> Result<Schema, String> {
    let v: Value = serde_json::from_str(text).map_err(|e| e.to_string())?;
    let mut definitions = BTreeMap::new();
    if let Some(defs) = v.get("definitions").and_then(Value::as_object) {
        for (name, d) in defs {
            definitions.insert(
                name.clone(),
                read_node(d, &format!("#/definitions/{name}"))?,
            );
        }
    }
    Ok(Schema {
        root: read_node(&v, "#")?,
        definitions,
    })
}

static CSL: LazyLock<Result<Schema, String>> = LazyLock::new(|| read_schema(SCHEMA));

impl Schema {
    /// Checks `v` against `n`; appends `(path, message)` for each violation.
    fn check(&self, n: &Node, v: &Value, path: &str, out: &mut Vec<(String, String)>) {
        if let Some(r) = &n.reference {
            match self.definitions.get(r) {
                Some(d) => self.check(d, v, path, out),
                None => out.push((path.into(), format!("the schema has no definition `{r}`"))),
            }
        }
        if let Some(alts) = &n.any_of {
            let mut best: Option<Vec<(String, String)>> = None;
            for a in alts {
                let mut errs = Vec::new();
                self.check(a, v, path, &mut errs);
                if errs.is_empty() {
                    best = None;
                    break;
                }
                if best.as_ref().is_none_or(|b| errs.len() < b.len()) {
                    best = Some(errs);
                }
            }
            if let Some(errs) = best {
                out.extend(errs);
            }
        }
        if let Some(types) = &n.types {
            if !types.iter().any(|t| t.matches(v)) {
                let names: Vec<&str> = types.iter().map(|t| t.name()).collect();
                out.push((
                    path.into(),
                    format!("{v} is not of type {}", names.join(" or ")),
                ));
                return;
            }
        }
        if let Some(e) = &n.enumeration {
            if !e.contains(v) {
                out.push((path.into(), format!("{v} is not one of the allowed values")));
            }
        }
        if let Value::Array(a) = v {
            if n.min_items.is_some_and(|m| a.len() < m) {
                out.push((
                    path.into(),
                    format!("needs at least {} items", n.min_items.unwrap_or(0)),
                ));
            }
            if n.max_items.is_some_and(|m| a.len() > m) {
                out.push((
                    path.into(),
                    format!("has more than {} items", n.max_items.unwrap_or(0)),
                ));
            }
            if let Some(items) = &n.items {
                for (i, x) in a.iter().enumerate() {
                    self.check(items, x, &format!("{path}/{i}"), out);
                }
            }
        }
        if let Value::Object(o) = v {
            for r in &n.required {
                if !o.contains_key(r) {
                    out.push((
                        path.into(),
                        format!("the required property `{r}` is missing"),
                    ));
                }
            }
            for (k, x) in o {
                match n.properties.get(k) {
                    Some(p) => self.check(p, x, &format!("{path}/{k}"), out),
                    None if n.additional == Some(false) => out.push((
                        format!("{path}/{k}"),
                        format!(
                            "`{k}` is not a CSL variable (additional properties are not allowed)"
                        ),
                    )),
                    None => {}
                }
            }
        }
    }
}

/// Byte offsets of the values of a top-level JSON array.
fn element_offsets(text: &str) -> Vec<usize> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut depth = 0usize;
    let mut in_string = false;
    let mut escaped = false;
    let mut expect_value = false;
    for (i, &c) in b.iter().enumerate() {
        if in_string {
            if escaped {
                escaped = false;
            } else if c == b'\\' {
                escaped = true;
            } else if c == b'"' {
                in_string = false;
            }
            continue;
        }
        if expect_value && depth == 1 && !c.is_ascii_whitespace() && c != b']' {
            out.push(i);
            expect_value = false;
        }
        match c {
            b'"' => in_string = true,
            b'[' | b'{' => {
                depth += 1;
                if depth == 1 && c == b'[' {
                    expect_value = true;
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            b',' if depth == 1 => expect_value = true,
            _ => {}
        }
    }
    out
}

/// Validates CSL-JSON bytes against the CSL 1.0.2 input schema, plus what citeproc needs
/// beyond it (unique item ids).
pub fn validate_csljson(bytes: &[u8]) -> Report {
    let mut report = Report::default();
    let push = |report: &mut Report, code: &str, msg: String, line: usize, col: usize| {
        let mut d = Diagnostic::error(code, msg, Some(line));
        d.column = Some(col);
        report.diagnostics.push(d);
    };
    let text = match std::str::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let line = 1 + bytes[..e.valid_up_to()]
                .iter()
                .filter(|&&b| b == b'\n')
                .count();
            push(
                &mut report,
                "csljson-encoding",
                "the file is not UTF-8".into(),
                line,
                1,
            );
            return report;
        }
    };
    let value: Value = match serde_json::from_str(text) {
        Ok(v) => v,
        Err(e) => {
            push(
                &mut report,
                "json-syntax",
                e.to_string(),
                e.line(),
                e.column(),
            );
            return report;
        }
    };
    let schema = match CSL.as_ref() {
        Ok(s) => s,
        Err(e) => {
            push(
                &mut report,
                "csljson-schema-unavailable",
                format!("the embedded CSL schema cannot be read: {e}"),
                1,
                1,
            );
            return report;
        }
    };
    let mut errors = Vec::new();
    schema.check(&schema.root, &value, "", &mut errors);
    let offsets = element_offsets(text);
    let position = |path: &str| -> (usize, usize) {
        let idx: Option<usize> = path
            .strip_prefix('/')
            .and_then(|p| p.split('/').next())
            .and_then(|i| i.parse().ok());
        let off = idx.and_then(|i| offsets.get(i).copied()).unwrap_or(0);
        crate::validate::dtd::line_col(bytes, off)
    };
    for (path, msg) in errors {
        let (line, col) = position(&path);
        let shown = if path.is_empty() { "(root)" } else { &path };
        push(
            &mut report,
            "csljson-schema",
            format!("{shown}: {msg}"),
            line,
            col,
        );
    }
    if let Value::Array(items) = &value {
        let mut seen = std::collections::HashSet::new();
        for (i, it) in items.iter().enumerate() {
            if let Some(id) = it.get("id") {
                if !seen.insert(id.to_string()) {
                    let (line, col) = position(&format!("/{i}"));
                    push(
                        &mut report,
                        "csljson-duplicate-id",
                        format!("/{i}/id: the id {id} is used by an earlier item"),
                        line,
                        col,
                    );
                }
            }
        }
    }
    report
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn the_embedded_schema_is_understood() {
        let s = CSL.as_ref().unwrap();
        assert!(s.definitions.contains_key("name-variable"));
        assert!(read_schema(r#"{"type": "array", "pattern": "x"}"#).is_err());
    }

    /// The hand-written checker and the `jsonschema` crate agree, item by item.
    #[test]
    fn agrees_with_a_json_schema_implementation() {
        let schema: Value = serde_json::from_str(SCHEMA).unwrap();
        let reference = jsonschema::validator_for(&schema).unwrap();
        let base = json!({"id": "a", "type": "book", "title": "T",
            "author": [{"family": "F", "given": "G"}, {"literal": "Org"}],
            "issued": {"date-parts": [[2024, 3]]}, "page": "1-5", "volume": 3});
        let mutants: Vec<Value> = vec![
            base.clone(),
            json!({"id": "a", "type": "book"}),
            json!({"id": "a"}),
            json!({"type": "book"}),
            json!({"id": "a", "type": "novel"}),
            json!({"id": 7, "type": "book", "titel": "x"}),
            json!({"id": "a", "type": "book", "author": [{"family": "F", "first": "G"}]}),
            json!({"id": "a", "type": "book", "author": {"family": "F"}}),
            json!({"id": "a", "type": "book", "issued": {"date-parts": [[]]}}),
            json!({"id": "a", "type": "book", "issued": {"date-parts": [[1, 2, 3, 4]]}}),
            json!({"id": "a", "type": "book", "issued": {"date-parts": [[1], [2], [3]]}}),
            json!({"id": "a", "type": "book", "issued": {"raw": "1999"}}),
            json!({"id": "a", "type": "book", "issued": "1999"}),
            json!({"id": "a", "type": "book", "volume": true}),
            json!({"id": "a", "type": "book", "categories": ["x", 1]}),
            json!({"id": "a", "type": "book", "custom": {"anything": [1]}}),
            json!({"id": null, "type": "book"}),
        ];
        for m in mutants {
            let doc = Value::Array(vec![m.clone()]);
            let ours = {
                let mut e = Vec::new();
                let s = CSL.as_ref().unwrap();
                s.check(&s.root, &doc, "", &mut e);
                e.is_empty()
            };
            assert_eq!(ours, reference.is_valid(&doc), "{m}");
        }
        assert!(!validate_csljson(b"{}").is_valid());
    }

    #[test]
    fn errors_point_at_the_item() {
        let text =
            b"[\n  {\"id\": \"a\", \"type\": \"book\"},\n  {\"id\": \"a\", \"type\": \"bok\"}\n]\n";
        let r = validate_csljson(text);
        let errs: Vec<(Option<usize>, Option<usize>, &str)> = r
            .errors()
            .map(|d| (d.line, d.column, d.code.as_str()))
            .collect();
        assert_eq!(
            errs,
            [
                (Some(3), Some(3), "csljson-schema"),
                (Some(3), Some(3), "csljson-duplicate-id")
            ]
        );
    }
}
