//! schema.org JSON-LD as the web reads it: the document is expanded (JSON-LD 1.1 expansion,
//! the subset schema.org markup uses: `@context` as the schema.org URL, objects with
//! `@vocab`, prefixes and term definitions with `@id`/`@type` coercion, arrays of those,
//! keyword aliases, `@graph`, `@list`, `@set`, value objects) against the schema.org
//! context embedded in the binary, and every type and property is checked against the
//! schema.org vocabulary (`schemas/schemaorg/schemaorg.tsv`, derived from schema.org 30.0 by
//! `schemas/schemaorg/derive.py`).
//!
//! The findings follow `../shared/tools/check-jsonld` (pyld + rdflib), the consumer papermeta
//! answers to: errors where it fails (JSON syntax, a remote context, a term that expands to
//! nothing, a type or property outside schema.org, no triple, no top-level
//! ScholarlyArticle with a name and an author, bad language tags, ISSNs and dates),
//! warnings where it warns (domain and range mismatches, superseded terms, relative IRIs,
//! authors given as text, ISSN check digits, keys that look like keywords).

use super::jsonld::{located, pointer_positions};
use super::Report;
use crate::model::Diagnostic;
use serde_json::Value;
use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

/// The derived schema.org table.
const TABLE: &str = include_str!("../../schemas/schemaorg/schemaorg.tsv");

/// The schema.org vocabulary and context.
struct Vocab {
    /// Class → direct superclasses.
    classes: HashMap<&'static str, Vec<&'static str>>,
    /// Property → (domainIncludes, rangeIncludes).
    properties: HashMap<&'static str, (Vec<&'static str>, Vec<&'static str>)>,
    /// Terms superseded by others.
    superseded: HashMap<&'static str, Vec<&'static str>>,
    /// Context prefixes → IRI.
    prefixes: HashMap<&'static str, &'static str>,
    /// Context terms with a special IRI or a coercion: term → (IRI, coercion).
    terms: HashMap<&'static str, (&'static str, &'static str)>,
    /// The context's `@vocab`.
    vocab: &'static str,
}

static VOCAB: LazyLock<Vocab> = LazyLock::new(|| {
    let mut v = Vocab {
        classes: HashMap::new(),
        properties: HashMap::new(),
        superseded: HashMap::new(),
        prefixes: HashMap::new(),
        terms: HashMap::new(),
        vocab: "http://schema.org/",
    };
    let list = |s: Option<&'static str>| -> Vec<&'static str> {
        s.unwrap_or("")
            .split(',')
            .filter(|x| !x.is_empty())
            .collect()
    };
    for line in TABLE.lines().filter(|l| !l.starts_with('#')) {
        let mut f = line.split('\t');
        match (f.next(), f.next()) {
            (Some("C"), Some(name)) => {
                v.classes.insert(name, list(f.next()));
            }
            (Some("P"), Some(name)) => {
                let domain = list(f.next());
                v.properties.insert(name, (domain, list(f.next())));
            }
            (Some("S"), Some(name)) => {
                v.superseded.insert(name, list(f.next()));
            }
            (Some("X"), Some(name)) => {
                v.prefixes.insert(name, f.next().unwrap_or(""));
            }
            (Some("T"), Some(name)) => {
                let iri = f.next().unwrap_or("");
                v.terms.insert(name, (iri, f.next().unwrap_or("")));
            }
            (Some("V"), Some(vocab)) => v.vocab = vocab,
            _ => {}
        }
    }
    v
});

impl Vocab {
    /// A class and all its superclasses.
    fn ancestors<'a>(&'a self, class: &'a str) -> HashSet<&'a str> {
        let mut seen = HashSet::new();
        let mut todo = vec![class];
        while let Some(c) = todo.pop() {
            if seen.insert(c) {
                if let Some(sup) = self.classes.get(c) {
                    todo.extend(sup.iter().copied());
                }
            }
        }
        seen
    }
}

/// The schema.org local name of an IRI (`http://schema.org/name` or `https://…` → `name`).
fn local_name(iri: &str) -> Option<&str> {
    iri.strip_prefix("http://schema.org/")
        .or_else(|| iri.strip_prefix("https://schema.org/"))
}

/// Whether a URL names the schema.org context.
fn is_schema_org_context(url: &str) -> bool {
    let u = url.split('#').next().unwrap_or("");
    let rest = u
        .strip_prefix("http://schema.org")
        .or_else(|| u.strip_prefix("https://schema.org"));
    matches!(
        rest,
        Some("" | "/" | "/docs/jsonldcontext.json" | "/docs/jsonldcontext.jsonld")
    )
}

/// Whether a string is an absolute IRI (has a scheme).
fn is_absolute(s: &str) -> bool {
    s.split_once(':').is_some_and(|(scheme, _)| {
        !scheme.is_empty()
            && scheme.starts_with(|c: char| c.is_ascii_alphabetic())
            && scheme
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
    })
}

const KEYWORDS: &[&str] = &[
    "@base",
    "@container",
    "@context",
    "@direction",
    "@graph",
    "@id",
    "@import",
    "@included",
    "@index",
    "@json",
    "@language",
    "@list",
    "@nest",
    "@none",
    "@prefix",
    "@propagate",
    "@protected",
    "@reverse",
    "@set",
    "@type",
    "@value",
    "@version",
    "@vocab",
];

/// A term defined by a document's own context.
#[derive(Clone, Debug)]
struct Term {
    /// `None`: the term is mapped to null (its values are dropped).
    iri: Option<String>,
    coercion: Option<String>,
}

/// The active context.
#[derive(Clone, Debug, Default)]
struct Context {
    /// The schema.org context is in force (its terms are looked up in [`VOCAB`]).
    schema: bool,
    vocab: Option<String>,
    language: Option<String>,
    terms: HashMap<String, Term>,
}

/// An expanded value.
#[derive(Debug)]
enum Expanded {
    Node(Node),
    Value {
        value: Value,
        language: Option<String>,
    },
}

/// An expanded node object.
#[derive(Debug, Default)]
struct Node {
    id: Option<String>,
    types: Vec<String>,
    /// Property IRI → values, with the JSON pointer of the key.
    properties: Vec<(String, Vec<Expanded>, String)>,
    /// Nodes held by `@graph`, `@included` and `@reverse`.
    nested: Vec<Node>,
    pointer: String,
}

struct Expander {
    findings: Vec<(String, Diagnostic)>,
}

impl Expander {
    fn error(&mut self, pointer: &str, code: &str, message: String) {
        self.findings
            .push((pointer.to_string(), Diagnostic::error(code, message, None)));
    }

    fn warn(&mut self, pointer: &str, code: &str, message: String) {
        self.findings.push((
            pointer.to_string(),
            Diagnostic::warning(code, message, None),
        ));
    }

    /// Applies a local context.
    fn process_context(&mut self, active: &Context, local: &Value, pointer: &str) -> Context {
        let mut ctx = active.clone();
        let items: Vec<&Value> = match local {
            Value::Array(a) => a.iter().collect(),
            v => vec![v],
        };
        for item in items {
            match item {
                Value::Null => ctx = Context::default(),
                Value::String(url) if is_schema_org_context(url) => {
                    ctx.schema = true;
                    ctx.vocab = Some(VOCAB.vocab.to_string());
                }
                Value::String(url) => self.error(
                    pointer,
                    "jsonld-remote-context",
                    format!("the context {url:?} is not the schema.org context, and remote contexts are never fetched"),
                ),
                Value::Object(map) => {
                    for (key, value) in map {
                        match key.as_str() {
                            "@vocab" => {
                                ctx.vocab = value.as_str().map(|v| {
                                    self.expand_iri(&ctx, v, true).unwrap_or_else(|| v.to_string())
                                })
                            }
                            "@language" => ctx.language = value.as_str().map(str::to_string),
                            "@import" => self.error(
                                pointer,
                                "jsonld-remote-context",
                                "@import loads a remote context, which is never fetched".to_string(),
                            ),
                            k if k.starts_with('@') => {}
                            term => {
                                let definition = match value {
                                    Value::Null => Term {
                                        iri: None,
                                        coercion: None,
                                    },
                                    Value::String(iri) => Term {
                                        iri: self.expand_iri(&ctx, iri, true),
                                        coercion: None,
                                    },
                                    Value::Object(def) => Term {
                                        iri: match def.get("@id").or_else(|| def.get("@reverse")) {
                                            Some(Value::String(iri)) => self.expand_iri(&ctx, iri, true),
                                            Some(_) => None,
                                            None => self.expand_iri(&ctx, term, true),
                                        },
                                        coercion: def
                                            .get("@type")
                                            .and_then(Value::as_str)
                                            .map(|t| {
                                                self.expand_iri(&ctx, t, true)
                                                    .unwrap_or_else(|| t.to_string())
                                            }),
                                    },
                                    _ => continue,
                                };
                                ctx.terms.insert(term.to_string(), definition);
                            }
                        }
                    }
                }
                _ => self.error(
                    pointer,
                    "jsonld-syntax",
                    "@context must be a URL, an object, an array of those, or null".to_string(),
                ),
            }
        }
        ctx
    }

    /// Expands a term, compact IRI or IRI. `vocab`: relative to `@vocab` (keys, types),
    /// else left as a (document-relative) reference (`@id`).
    fn expand_iri(&self, ctx: &Context, s: &str, vocab: bool) -> Option<String> {
        if s.starts_with('@') {
            return KEYWORDS.contains(&s).then(|| s.to_string());
        }
        if vocab {
            if let Some(term) = ctx.terms.get(s) {
                return term.iri.clone();
            }
            if ctx.schema {
                if let Some((iri, _)) = VOCAB.terms.get(s) {
                    return self
                        .expand_iri(
                            &Context {
                                schema: true,
                                ..Context::default()
                            },
                            iri,
                            false,
                        )
                        .or_else(|| Some(iri.to_string()));
                }
            }
        }
        if let Some((prefix, suffix)) = s.split_once(':') {
            if prefix == "_" || suffix.starts_with("//") {
                return Some(s.to_string());
            }
            if let Some(term) = ctx.terms.get(prefix) {
                return term.iri.as_ref().map(|iri| format!("{iri}{suffix}"));
            }
            if ctx.schema {
                if let Some(iri) = VOCAB.prefixes.get(prefix) {
                    return Some(format!("{iri}{suffix}"));
                }
            }
            if is_absolute(s) {
                return Some(s.to_string());
            }
        }
        if vocab {
            return ctx.vocab.as_ref().map(|v| format!("{v}{s}"));
        }
        Some(s.to_string())
    }

    /// The coercion of a property's values.
    fn coercion(&self, ctx: &Context, key: &str) -> Option<String> {
        if let Some(term) = ctx.terms.get(key) {
            return term.coercion.clone();
        }
        if ctx.schema {
            if let Some((_, c)) = VOCAB.terms.get(key).filter(|(_, c)| !c.is_empty()) {
                return Some(if c.starts_with('@') {
                    c.to_string()
                } else {
                    format!("{}{c}", VOCAB.vocab)
                });
            }
        }
        None
    }

    fn expand(
        &mut self,
        ctx: &Context,
        value: &Value,
        pointer: &str,
        coercion: Option<&str>,
    ) -> Vec<Expanded> {
        match value {
            Value::Null => Vec::new(),
            Value::Array(items) => items
                .iter()
                .enumerate()
                .flat_map(|(i, v)| self.expand(ctx, v, &format!("{pointer}/{i}"), coercion))
                .collect(),
            Value::Object(map) => {
                let ctx = match map.get("@context") {
                    Some(local) => self.process_context(ctx, local, &format!("{pointer}/@context")),
                    None => ctx.clone(),
                };
                let alias = |k: &str| -> String {
                    self.expand_iri(&ctx, k, true)
                        .unwrap_or_else(|| k.to_string())
                };
                let keys: HashMap<String, &str> =
                    map.keys().map(|k| (alias(k), k.as_str())).collect();
                if let Some(v) = keys.get("@value").and_then(|k| map.get(*k)) {
                    let language = keys
                        .get("@language")
                        .and_then(|k| map.get(*k))
                        .and_then(Value::as_str)
                        .map(str::to_string);
                    return vec![Expanded::Value {
                        value: v.clone(),
                        language,
                    }];
                }
                for list in ["@list", "@set"] {
                    if let Some(k) = keys.get(list) {
                        let p = format!("{pointer}/{}", escape(k));
                        return self.expand(&ctx, &map[*k], &p, coercion);
                    }
                }
                vec![Expanded::Node(self.node(&ctx, map, pointer))]
            }
            scalar => {
                if let (Some(c), Value::String(s)) = (coercion, scalar) {
                    if c == "@id" || c == "@vocab" {
                        let node = Node {
                            id: self.expand_iri(ctx, s, c == "@vocab"),
                            pointer: pointer.to_string(),
                            ..Node::default()
                        };
                        return vec![Expanded::Node(node)];
                    }
                }
                let language = match (scalar, coercion) {
                    (Value::String(_), None) => ctx.language.clone(),
                    _ => None,
                };
                vec![Expanded::Value {
                    value: scalar.clone(),
                    language,
                }]
            }
        }
    }

    fn node(&mut self, ctx: &Context, map: &serde_json::Map<String, Value>, pointer: &str) -> Node {
        let mut node = Node {
            pointer: pointer.to_string(),
            ..Node::default()
        };
        for (key, value) in map {
            let p = format!("{pointer}/{}", escape(key));
            if key == "@context" {
                continue;
            }
            let Some(iri) = self.expand_iri(ctx, key, true) else {
                if key.starts_with('@') {
                    self.warn(
                        &p,
                        "jsonld-keyword-like",
                        format!("`{key}` looks like a keyword but is none; JSON-LD ignores it"),
                    );
                } else {
                    self.error(
                        &p,
                        "jsonld-dropped",
                        format!(
                            "`{key}` expands to no IRI (no @vocab, no term), so JSON-LD drops it"
                        ),
                    );
                }
                continue;
            };
            match iri.as_str() {
                "@id" => {
                    node.id = value.as_str().and_then(|s| self.expand_iri(ctx, s, false));
                }
                "@type" => {
                    let types: Vec<&Value> = match value {
                        Value::Array(a) => a.iter().collect(),
                        v => vec![v],
                    };
                    for t in types.iter().filter_map(|t| t.as_str()) {
                        if let Some(full) = self.expand_iri(ctx, t, true) {
                            node.types.push(full);
                        } else {
                            self.error(
                                &p,
                                "jsonld-dropped",
                                format!("the type `{t}` expands to no IRI"),
                            );
                        }
                    }
                }
                "@graph" | "@included" | "@reverse" => {
                    let values: Vec<Expanded> = if iri == "@reverse" {
                        value.as_object().map_or_else(Vec::new, |m| {
                            m.iter()
                                .flat_map(|(k, v)| {
                                    self.expand(ctx, v, &format!("{p}/{}", escape(k)), None)
                                })
                                .collect()
                        })
                    } else {
                        self.expand(ctx, value, &p, None)
                    };
                    node.nested
                        .extend(values.into_iter().filter_map(|v| match v {
                            Expanded::Node(n) => Some(n),
                            Expanded::Value { .. } => None,
                        }));
                }
                k if k.starts_with('@') => {}
                _ => {
                    let coercion = self.coercion(ctx, key);
                    let values = self.expand(ctx, value, &p, coercion.as_deref());
                    node.properties.push((iri, values, p));
                }
            }
        }
        node
    }
}

/// Escapes a key for a JSON pointer.
fn escape(key: &str) -> String {
    key.replace('~', "~0").replace('/', "~1")
}

/// BCP 47 language tag syntax (as check-jsonld spells it).
fn is_bcp47(tag: &str) -> bool {
    static RE: LazyLock<regex::Regex> = LazyLock::new(|| {
        regex::Regex::new(concat!(
            r"^(?:[A-Za-z]{2,3}(?:-[A-Za-z]{3}){0,3}(?:-[A-Za-z]{4})?(?:-(?:[A-Za-z]{2}|[0-9]{3}))?",
            r"(?:-(?:[A-Za-z0-9]{5,8}|[0-9][A-Za-z0-9]{3}))*(?:-[0-9A-WY-Za-wy-z](?:-[A-Za-z0-9]{2,8})+)*",
            r"(?:-[Xx](?:-[A-Za-z0-9]{1,8})+)?|[Xx](?:-[A-Za-z0-9]{1,8})+",
            r"|i-(?:ami|bnn|default|enochian|hak|klingon|lux|mingo|navajo|pwn|tao|tay|tsu)",
            r"|en-GB-oed|sgn-(?:BE-FR|BE-NL|CH-DE))$"
        ))
        .expect("constant regex")
    });
    RE.is_match(tag)
}

fn is_iso_date(s: &str) -> bool {
    static RE: LazyLock<regex::Regex> = LazyLock::new(|| {
        regex::Regex::new(r"^-?\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$")
            .expect("constant regex")
    });
    RE.is_match(s)
}

const DATE_PROPERTIES: &[&str] = &[
    "datePublished",
    "dateCreated",
    "dateModified",
    "birthDate",
    "deathDate",
    "startDate",
    "endDate",
    "uploadDate",
    "expires",
    "dateReceived",
    "sdDatePublished",
];

fn issn_check_digit_ok(issn: &str) -> bool {
    let digits: Vec<char> = issn.chars().filter(|c| *c != '-').collect();
    let sum: u32 = digits
        .iter()
        .take(7)
        .zip((2..=8).rev())
        .map(|(c, w)| c.to_digit(10).unwrap_or(0) * w)
        .sum();
    let check = (11 - sum % 11) % 11;
    let expected = if check == 10 {
        'X'
    } else {
        char::from_digit(check, 10).unwrap_or('?')
    };
    digits.get(7) == Some(&expected)
}

/// Every node, nested ones included.
fn all_nodes<'a>(nodes: &'a [Node], out: &mut Vec<&'a Node>) {
    for n in nodes {
        out.push(n);
        all_nodes(&n.nested, out);
        for (_, values, _) in &n.properties {
            for v in values {
                if let Expanded::Node(child) = v {
                    all_nodes(std::slice::from_ref(child), out);
                }
            }
        }
    }
}

/// Validates schema.org JSON-LD (`input` names the file in messages).
pub fn validate_schema_org(bytes: &[u8], input: &str) -> Report {
    let mut report = Report::default();
    let text = match std::str::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            report.diagnostics.push(Diagnostic::error(
                "jsonld-not-utf8",
                format!(
                    "{input} is not UTF-8 (at byte {}); JSON is UTF-8",
                    e.valid_up_to()
                ),
                None,
            ));
            return report;
        }
    };
    let document: Value = match serde_json::from_str(text) {
        Ok(v) => v,
        Err(e) => {
            report.diagnostics.push(located(
                Diagnostic::error("jsonld-syntax", format!("not JSON: {e}"), None),
                e.line(),
                e.column(),
            ));
            return report;
        }
    };
    let mut ex = Expander {
        findings: Vec::new(),
    };
    let expanded = ex.expand(&Context::default(), &document, "", None);
    // A top-level object holding only @graph expands to the graph's nodes.
    let mut tops: Vec<Node> = Vec::new();
    for e in expanded {
        if let Expanded::Node(n) = e {
            if n.id.is_none() && n.types.is_empty() && n.properties.is_empty() {
                tops.extend(n.nested);
            } else {
                tops.push(n);
            }
        }
    }
    let mut nodes = Vec::new();
    all_nodes(&tops, &mut nodes);
    check_vocabulary(&mut ex, &nodes);
    check_article(&mut ex, &tops);
    check_literals(&mut ex, &nodes);
    let triples: usize = nodes
        .iter()
        .map(|n| n.types.len() + n.properties.iter().map(|(_, v, _)| v.len()).sum::<usize>())
        .sum();
    if triples == 0 {
        ex.error(
            "",
            "jsonld-empty",
            "the document expands to no RDF triple".to_string(),
        );
    }
    let positions = pointer_positions(text);
    for (pointer, d) in ex.findings {
        let d = match positions.get(&pointer) {
            Some(&(line, column)) => located(d, line, column),
            None => d,
        };
        report.diagnostics.push(d);
    }
    report
        .diagnostics
        .sort_by_key(|d| (d.line.unwrap_or(0), d.column.unwrap_or(0)));
    report
}

fn check_vocabulary(ex: &mut Expander, nodes: &[&Node]) {
    let v = &*VOCAB;
    for n in nodes {
        for t in &n.types {
            match local_name(t) {
                Some(name) if v.classes.contains_key(name) => {
                    if let Some(by) = v.superseded.get(name) {
                        ex.warn(
                            &n.pointer,
                            "jsonld-superseded",
                            format!("schema:{name} is superseded by {}", by.join(", ")),
                        );
                    }
                }
                Some(name) => ex.error(
                    &n.pointer,
                    "jsonld-unknown-type",
                    format!("schema:{name} is not a schema.org class"),
                ),
                None => ex.error(
                    &n.pointer,
                    "jsonld-foreign-iri",
                    format!("the type <{t}> is outside the schema.org vocabulary"),
                ),
            }
        }
        let types: Vec<&str> = n
            .types
            .iter()
            .filter_map(|t| local_name(t))
            .filter(|t| v.classes.contains_key(t))
            .collect();
        for (iri, values, pointer) in &n.properties {
            let Some(name) = local_name(iri) else {
                ex.error(
                    pointer,
                    "jsonld-foreign-iri",
                    format!("the property <{iri}> is outside the schema.org vocabulary"),
                );
                continue;
            };
            let Some((domain, range)) = v.properties.get(name) else {
                let what = if v.classes.contains_key(name) {
                    " (a class, not a property)"
                } else {
                    ""
                };
                ex.error(
                    pointer,
                    "jsonld-unknown-property",
                    format!("schema:{name} is not a schema.org property{what}"),
                );
                continue;
            };
            if let Some(by) = v.superseded.get(name) {
                ex.warn(
                    pointer,
                    "jsonld-superseded",
                    format!("schema:{name} is superseded by {}", by.join(", ")),
                );
            }
            if !types.is_empty()
                && !domain.is_empty()
                && !types
                    .iter()
                    .any(|t| v.ancestors(t).iter().any(|a| domain.contains(a)))
            {
                ex.warn(
                    pointer,
                    "jsonld-domain",
                    format!(
                        "schema:{name} used on {}; its domain is {}",
                        types.join("/"),
                        domain.join(", ")
                    ),
                );
            }
            for value in values {
                let Expanded::Node(child) = value else {
                    continue;
                };
                let child_types: Vec<&str> = child
                    .types
                    .iter()
                    .filter_map(|t| local_name(t))
                    .filter(|t| v.classes.contains_key(t))
                    .collect();
                if !child_types.is_empty()
                    && !range.is_empty()
                    && !child_types
                        .iter()
                        .any(|t| v.ancestors(t).iter().any(|a| range.contains(a)))
                {
                    ex.warn(
                        &child.pointer,
                        "jsonld-range",
                        format!(
                            "schema:{name} holds a {}; its range is {}",
                            child_types.join("/"),
                            range.join(", ")
                        ),
                    );
                }
            }
        }
        let references: Vec<&str> =
            n.id.iter()
                .map(String::as_str)
                .chain(n.properties.iter().flat_map(|(_, values, _)| {
                    values.iter().filter_map(|v| match v {
                        Expanded::Node(c) if c.types.is_empty() && c.properties.is_empty() => {
                            c.id.as_deref()
                        }
                        _ => None,
                    })
                }))
                .collect();
        for r in references {
            if !is_absolute(r) {
                ex.warn(&n.pointer, "jsonld-relative-iri", format!("the IRI {r:?} is relative: it resolves against the page that embeds the JSON-LD; use an absolute URL"));
            }
        }
    }
}

/// The values of a schema.org property of a node.
fn values_of<'a>(node: &'a Node, name: &str) -> impl Iterator<Item = &'a Expanded> {
    let name = name.to_string();
    node.properties
        .iter()
        .filter(move |(iri, _, _)| local_name(iri) == Some(name.as_str()))
        .flat_map(|(_, v, _)| v)
}

fn check_article(ex: &mut Expander, tops: &[Node]) {
    let v = &*VOCAB;
    let articles: Vec<&Node> =
        tops.iter()
            .filter(|n| {
                n.types.iter().filter_map(|t| local_name(t)).any(|t| {
                    v.classes.contains_key(t) && v.ancestors(t).contains("ScholarlyArticle")
                })
            })
            .collect();
    if articles.is_empty() {
        ex.error(
            "",
            "jsonld-not-scholarly",
            "no top-level node is a schema:ScholarlyArticle (or a subclass)".to_string(),
        );
    }
    for a in articles {
        let titled = values_of(a, "name").chain(values_of(a, "headline")).any(|v| {
            matches!(v, Expanded::Value { value: Value::String(s), .. } if !s.trim().is_empty())
        });
        if !titled {
            ex.error(
                &a.pointer,
                "jsonld-no-title",
                "the ScholarlyArticle has no name or headline".to_string(),
            );
        }
        let authors: Vec<&Expanded> = values_of(a, "author").collect();
        if authors.is_empty() {
            ex.error(
                &a.pointer,
                "jsonld-no-author",
                "the ScholarlyArticle has no author".to_string(),
            );
        }
        for au in authors {
            match au {
                Expanded::Value { value, .. } => ex.warn(&a.pointer, "jsonld-author-text", format!("author given as text {value}; consumers expect a Person or Organization with a name")),
                Expanded::Node(n) => {
                    let named = values_of(n, "name").next().is_some() || values_of(n, "familyName").next().is_some();
                    let reference = n.types.is_empty() && n.properties.is_empty();
                    if !named && !reference {
                        ex.warn(&n.pointer, "jsonld-author-unnamed", "an author without name or familyName".to_string());
                    }
                }
            }
        }
    }
}

fn check_literals(ex: &mut Expander, nodes: &[&Node]) {
    for n in nodes {
        for (iri, values, pointer) in &n.properties {
            let name = local_name(iri).unwrap_or("");
            for v in values {
                let Expanded::Value { value, language } = v else {
                    continue;
                };
                if let Some(tag) = language {
                    if !is_bcp47(tag) {
                        ex.error(
                            pointer,
                            "jsonld-language-tag",
                            format!("@language {tag:?} is not a BCP 47 tag"),
                        );
                    }
                }
                let Value::String(s) = value else { continue };
                if name == "inLanguage" && !is_bcp47(s) {
                    ex.error(
                        pointer,
                        "jsonld-language-tag",
                        format!("inLanguage {s:?} is not a BCP 47 tag"),
                    );
                }
                if name == "issn" {
                    let form = s.len() == 9
                        && s.char_indices().all(|(i, c)| {
                            if i == 4 {
                                c == '-'
                            } else if i == 8 {
                                c.is_ascii_digit() || c == 'X'
                            } else {
                                c.is_ascii_digit()
                            }
                        });
                    if !form {
                        ex.error(
                            pointer,
                            "jsonld-issn",
                            format!("issn {s:?} is not of the form NNNN-NNNC"),
                        );
                    } else if !issn_check_digit_ok(s) {
                        ex.warn(
                            pointer,
                            "jsonld-issn",
                            format!("issn {s:?} has a wrong check digit"),
                        );
                    }
                }
                if DATE_PROPERTIES.contains(&name) && !is_iso_date(s) {
                    ex.error(
                        pointer,
                        "jsonld-date",
                        format!("{name} {s:?} is not an ISO 8601 date"),
                    );
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Severity;

    fn rules(text: &str) -> Vec<(String, Severity)> {
        validate_schema_org(text.as_bytes(), "t.jsonld")
            .diagnostics
            .into_iter()
            .map(|d| (d.code, d.severity))
            .collect()
    }

    fn errors(text: &str) -> Vec<String> {
        rules(text)
            .into_iter()
            .filter(|(_, s)| *s == Severity::Error)
            .map(|(c, _)| c)
            .collect()
    }

    const ARTICLE: &str = r#"{
  "@context": "https://schema.org",
  "@type": "ScholarlyArticle",
  "name": "Water governance",
  "author": {"@type": "Person", "name": "Samira Haddad", "affiliation": "A University"},
  "datePublished": "2012-03-24",
  "isPartOf": {"@type": "PublicationIssue", "issueNumber": "3",
     "isPartOf": {"@type": "Periodical", "issn": "0317-8471"}},
  "url": "https://example.org/a"
}"#;

    #[test]
    fn a_plain_article_is_valid() {
        assert!(errors(ARTICLE).is_empty(), "{:?}", rules(ARTICLE));
    }

    #[test]
    fn unknown_terms_types_and_foreign_iris_are_errors() {
        let bad = ARTICLE.replace("\"name\": \"Water", "\"nmae\": \"x\", \"name\": \"Water");
        assert!(errors(&bad).contains(&"jsonld-unknown-property".to_string()));
        let bad = ARTICLE.replace("\"Person\"", "\"Persn\"");
        assert!(errors(&bad).contains(&"jsonld-unknown-type".to_string()));
        let bad = ARTICLE.replace("\"url\"", "\"dc:title\"");
        assert!(errors(&bad).contains(&"jsonld-foreign-iri".to_string()));
        let bad = ARTICLE.replace(
            "\"@context\": \"https://schema.org\"",
            "\"@context\": {\"name\": \"http://schema.org/name\"}",
        );
        assert!(
            errors(&bad).contains(&"jsonld-dropped".to_string()),
            "{:?}",
            rules(&bad)
        );
        let bad = ARTICLE.replace("https://schema.org\"", "https://example.org/ctx\"");
        assert!(errors(&bad).contains(&"jsonld-remote-context".to_string()));
    }

    #[test]
    fn compact_iris_vocab_contexts_and_graphs_expand() {
        let graph = r#"{"@context": {"@vocab": "http://schema.org/", "s": "https://schema.org/"},
          "@graph": [{"@type": "s:ScholarlyArticle", "s:name": "T", "author": {"@type": "Person", "name": "A"}}]}"#;
        assert!(errors(graph).is_empty(), "{:?}", rules(graph));
        let aliased = ARTICLE.replace(
            "\"@type\": \"ScholarlyArticle\"",
            "\"type\": \"ScholarlyArticle\"",
        );
        assert!(errors(&aliased).is_empty(), "{:?}", rules(&aliased));
    }

    #[test]
    fn domain_and_range_mismatches_are_warnings() {
        let text = ARTICLE.replace(
            "\"affiliation\": \"A University\"",
            "\"issueNumber\": \"2\", \"affiliation\": {\"@type\": \"Book\", \"name\": \"B\"}",
        );
        let found = rules(&text);
        assert!(
            found.contains(&("jsonld-domain".to_string(), Severity::Warning)),
            "{found:?}"
        );
        assert!(
            found.contains(&("jsonld-range".to_string(), Severity::Warning)),
            "{found:?}"
        );
        assert!(errors(&text).is_empty());
    }

    #[test]
    fn article_literals_are_checked() {
        let text = ARTICLE
            .replace("0317-8471", "12345678")
            .replace("2012-03-24", "24 March 2012");
        let e = errors(&text);
        assert!(
            e.contains(&"jsonld-issn".to_string()) && e.contains(&"jsonld-date".to_string()),
            "{e:?}"
        );
        let text = ARTICLE.replace("\"author\"", "\"creator\"");
        assert!(errors(&text).contains(&"jsonld-no-author".to_string()));
        let text = ARTICLE.replace("\"ScholarlyArticle\"", "\"Book\"");
        assert!(errors(&text).contains(&"jsonld-not-scholarly".to_string()));
        let d = validate_schema_org(b"{\n \"a\": }", "x.jsonld");
        assert_eq!(
            (d.diagnostics[0].code.as_str(), d.diagnostics[0].line),
            ("jsonld-syntax", Some(2))
        );
    }
}
