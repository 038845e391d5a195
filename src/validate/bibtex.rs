//! Checks BibTeX output: syntax, keys, entry types and their fields.
//!
//! A hand-written tokenizer reads `@type{key, field = value, ...}` entries (also with
//! parentheses), `@string`, `@preamble` and `@comment`. It reports, with line and column
//! (1-based, column in characters): unbalanced braces (at the brace left open or the stray
//! closing one), malformed entries and fields, missing commas, duplicate fields, keys that
//! repeat (compared case-insensitively, as BibTeX does) or use characters outside
//! `[A-Za-z0-9_:.-]`, unknown entry types, missing required fields (errors; `soft_required`
//! ones are warnings), unknown fields (warnings), undefined macros, and `@` or other text
//! outside entries. Entry types and fields come from `schemas/bibtex-entry-types.json`.

use super::cursor::CharCursor;
use super::Report;
use crate::model::{Diagnostic, Severity};
use serde::Deserialize;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::LazyLock;

/// The entry-type table's JSON text.
pub const ENTRY_TYPES: &str = include_str!("../../schemas/bibtex-entry-types.json");

/// The entry-type table.
#[derive(Debug, Deserialize)]
struct EntryTypes {
    types: BTreeMap<String, TypeSpec>,
    #[serde(default)]
    common_optional: Vec<String>,
    #[serde(default)]
    soft_required: Vec<String>,
    #[serde(default)]
    macros: Vec<String>,
}

/// Fields of one entry type.
#[derive(Debug, Deserialize)]
struct TypeSpec {
    /// Each item: alternatives, one of which must be present.
    required: Vec<Vec<String>>,
    optional: Vec<String>,
}

static TYPES: LazyLock<Result<EntryTypes, String>> =
    LazyLock::new(|| serde_json::from_str(ENTRY_TYPES).map_err(|e| e.to_string()));

/// Validates BibTeX that papermeta wrote (and `--profile papermeta`): on top of what BibTeX
/// itself requires, keys are ASCII, required fields are present, nothing stands outside
/// entries.
pub fn validate_bibtex(bytes: &[u8]) -> Report {
    check(bytes, None)
}

/// Validates a BibTeX file as its consumers judge it (bibtex, biber, pybtex, bibtexparser):
/// errors only where most of them fail (syntax, unbalanced braces, keys that repeat, fields
/// that repeat, names with too many commas, input that is not UTF-8, named `input` with its
/// likely encoding), warnings where they warn (missing required fields, unknown entry types,
/// undefined strings, cross-references to missing entries). Keys may use any script; text
/// between entries is a comment.
pub fn validate_bibtex_input(bytes: &[u8], input: &str) -> Report {
    check(bytes, Some(input))
}

/// The likely encoding of bytes that are not UTF-8: an Emacs `coding:` cookie when the file
/// has one, else a statistical guess.
fn likely_encoding(bytes: &[u8]) -> &'static str {
    let head = String::from_utf8_lossy(bytes.get(..bytes.len().min(1024)).unwrap_or(bytes));
    let cookie = head.lines().take(3).find_map(|l| {
        let rest = &l[l.find("coding:")? + 7..];
        let label: String = rest
            .trim_start()
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
            .collect();
        let label = label
            .trim_end_matches("-unix")
            .trim_end_matches("-dos")
            .trim_end_matches("-mac");
        encoding_rs::Encoding::for_label(label.as_bytes())
    });
    if let Some(e) = cookie {
        return e.name();
    }
    let mut detector = chardetng::EncodingDetector::new();
    detector.feed(bytes, true);
    detector.guess(None, true).name()
}

fn check(bytes: &[u8], consumer_input: Option<&str>) -> Report {
    let mut report = Report::default();
    let types = match &*TYPES {
        Ok(t) => t,
        Err(message) => {
            report.diagnostics.push(Diagnostic::error(
                "bibtex-schema-broken",
                format!("the bundled BibTeX entry-type table does not parse: {message}"),
                None,
            ));
            return report;
        }
    };
    let text = match std::str::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let before = bytes.get(..e.valid_up_to()).unwrap_or(bytes);
            let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
            let line_start = before
                .iter()
                .rposition(|&b| b == b'\n')
                .map_or(0, |p| p + 1);
            let column = String::from_utf8_lossy(before.get(line_start..).unwrap_or(&[]))
                .chars()
                .count()
                + 1;
            let byte = bytes.get(e.valid_up_to()).copied().unwrap_or(0);
            let message = match consumer_input {
                Some(input) => format!(
                    "{input} is not UTF-8 (byte 0x{byte:02X}); it looks like {}: biber, pybtex and bibtexparser read only UTF-8, so convert it (e.g. iconv -f {} -t UTF-8)",
                    likely_encoding(bytes),
                    likely_encoding(bytes)
                ),
                None => format!("the output is not UTF-8 (at byte {})", e.valid_up_to()),
            };
            let mut d = Diagnostic::error("bibtex-not-utf8", message, Some(line));
            d.column = Some(column);
            report.diagnostics.push(d);
            return report;
        }
    };
    let mut parser = Parser::new(text, types, consumer_input.is_some());
    parser.run();
    parser.check_crossrefs();
    let mut diagnostics = parser.diagnostics;
    diagnostics.sort_by_key(|d| (d.line.unwrap_or(0), d.column.unwrap_or(0)));
    report.diagnostics = diagnostics;
    report
}

/// A parsed entry, for the semantic checks.
struct Entry {
    entry_type: String,
    key: String,
    /// (line, column) of the `@`.
    at: (usize, usize),
    /// Field name (lower case) → whether its value is non-empty, and where the name is.
    fields: Vec<(String, bool, (usize, usize))>,
    /// Name-list fields (`author`, `editor`) with their text, for the name checks.
    names: Vec<(String, String, (usize, usize))>,
}

struct Parser<'a> {
    cur: CharCursor,
    types: &'a EntryTypes,
    macros: HashSet<String>,
    keys: HashMap<String, (String, usize)>,
    diagnostics: Vec<Diagnostic>,
    /// Judge as BibTeX's consumers do (`validate_bibtex_input`), not as papermeta's writer.
    consumer: bool,
    /// `@string` texts, for the name checks.
    strings: HashMap<String, String>,
    /// `crossref` values with where they are.
    crossrefs: Vec<(String, (usize, usize))>,
}

/// Why parsing an entry stopped.
struct Stop;

impl<'a> Parser<'a> {
    fn new(text: &str, types: &'a EntryTypes, consumer: bool) -> Self {
        Parser {
            consumer,
            strings: HashMap::new(),
            crossrefs: Vec::new(),
            cur: CharCursor::new(text),
            types,
            macros: types
                .macros
                .iter()
                .map(|m| m.to_ascii_lowercase())
                .collect(),
            keys: HashMap::new(),
            diagnostics: Vec::new(),
        }
    }

    fn peek(&self) -> Option<char> {
        self.cur.peek()
    }

    fn bump(&mut self) -> Option<char> {
        self.cur.bump()
    }

    fn here(&self) -> (usize, usize) {
        (self.cur.line, self.cur.column)
    }

    fn skip_ws(&mut self) {
        while self.peek().is_some_and(char::is_whitespace) {
            self.bump();
        }
    }

    fn push(&mut self, severity: Severity, code: &str, message: String, at: (usize, usize)) {
        self.diagnostics.push(Diagnostic {
            severity,
            code: code.to_string(),
            message,
            line: Some(at.0),
            column: Some(at.1),
        });
    }

    fn error(&mut self, code: &str, message: String, at: (usize, usize)) -> Stop {
        self.push(Severity::Error, code, message, at);
        Stop
    }

    fn run(&mut self) {
        let mut stray_reported = false;
        while let Some(c) = self.peek() {
            match c {
                '@' => {
                    stray_reported = false;
                    if self.entry().is_err() {
                        self.recover();
                    }
                }
                '}' | '{' if self.consumer => {
                    // Braces between entries are comment text to BibTeX.
                    self.bump();
                }
                '}' | '{' => {
                    let at = self.here();
                    self.bump();
                    self.push(
                        Severity::Error,
                        "bibtex-unbalanced-brace",
                        format!("`{c}` outside any entry"),
                        at,
                    );
                }
                c if c.is_whitespace() => {
                    self.bump();
                }
                _ if self.consumer => {
                    self.bump();
                }
                _ => {
                    if !stray_reported {
                        let at = self.here();
                        self.push(
                            Severity::Warning,
                            "bibtex-text-outside-entry",
                            "text outside entries is ignored by BibTeX".to_string(),
                            at,
                        );
                        stray_reported = true;
                    }
                    self.bump();
                }
            }
        }
    }

    /// After an error: skip to the next `@` that starts a line.
    fn recover(&mut self) {
        let mut at_line_start = false;
        while let Some(c) = self.peek() {
            if c == '@' && at_line_start {
                return;
            }
            if c == '\n' {
                at_line_start = true;
            } else if !c.is_whitespace() {
                at_line_start = false;
            }
            self.bump();
        }
    }

    /// A name: BibTeX's own identifier characters for its consumers (anything but space and
    /// `"#%'(),={}`), a narrower ASCII set for papermeta's output.
    fn identifier(&mut self) -> String {
        let consumer = self.consumer;
        let mut out = String::new();
        while let Some(c) = self.peek().filter(|&c| {
            if consumer {
                is_bibtex_id_char(c)
            } else {
                c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | ':' | '.' | '+')
            }
        }) {
            out.push(c);
            self.bump();
        }
        out
    }

    fn entry(&mut self) -> Result<(), Stop> {
        let at = self.here();
        self.bump(); // '@'
        self.skip_ws();
        let type_at = self.here();
        let entry_type = self.identifier().to_ascii_lowercase();
        let starts_well = if self.consumer {
            !entry_type.starts_with(|c: char| c.is_ascii_digit())
        } else {
            entry_type.starts_with(|c: char| c.is_ascii_alphabetic())
        };
        if entry_type.is_empty() || !starts_well {
            return Err(self.error(
                "bibtex-stray-at",
                "`@` not followed by an entry type".to_string(),
                at,
            ));
        }
        self.skip_ws();
        let close = match self.peek() {
            Some('{') => '}',
            Some('(') => ')',
            _ => {
                return Err(self.error(
                    "bibtex-stray-at",
                    format!("`@` does not start an entry (`@{entry_type}` is not followed by `{{` or `(`)"),
                    at,
                ));
            }
        };
        let open_at = self.here();
        self.bump();
        match entry_type.as_str() {
            "comment" | "preamble" => self.skip_balanced(close, open_at),
            "string" => self.string_definition(close, open_at),
            _ => self.regular_entry(entry_type, type_at, at, close, open_at),
        }
    }

    /// Skips to the matching close delimiter.
    fn skip_balanced(&mut self, close: char, open_at: (usize, usize)) -> Result<(), Stop> {
        let mut depth = 0usize;
        while let Some(c) = self.bump() {
            match c {
                '{' => depth += 1,
                '}' if depth > 0 => depth -= 1,
                c if c == close && depth == 0 => return Ok(()),
                _ => {}
            }
        }
        Err(self.error(
            "bibtex-unbalanced-brace",
            "this opening delimiter is never closed".to_string(),
            open_at,
        ))
    }

    fn string_definition(&mut self, close: char, open_at: (usize, usize)) -> Result<(), Stop> {
        self.skip_ws();
        let name = self.identifier().to_ascii_lowercase();
        if name.is_empty() {
            let here = self.here();
            return Err(self.error("bibtex-syntax", "@string needs a name".to_string(), here));
        }
        self.skip_ws();
        if self.peek() != Some('=') {
            let here = self.here();
            return Err(self.error("bibtex-syntax", "expected `=`".to_string(), here));
        }
        self.bump();
        let (_, text) = self.value()?;
        self.skip_ws();
        if self.peek() == Some(close) {
            self.bump();
            self.strings.insert(name.clone(), text);
            self.macros.insert(name);
            Ok(())
        } else {
            Err(self.error(
                "bibtex-unbalanced-brace",
                "this @string is never closed".to_string(),
                open_at,
            ))
        }
    }

    fn regular_entry(
        &mut self,
        entry_type: String,
        type_at: (usize, usize),
        at: (usize, usize),
        close: char,
        open_at: (usize, usize),
    ) -> Result<(), Stop> {
        self.skip_ws();
        let key_at = self.here();
        let mut key = String::new();
        while let Some(c) = self
            .peek()
            .filter(|c| !matches!(c, ',' | '}' | ')' | '{' | '(' | '=' | '"') && !c.is_whitespace())
        {
            key.push(c);
            self.bump();
        }
        self.skip_ws();
        if key.is_empty() {
            return Err(self.error(
                "bibtex-missing-key",
                format!("the @{entry_type} entry has no key"),
                key_at,
            ));
        }
        if self.peek() != Some(',') {
            if self.peek() == Some(close) {
                self.bump();
            } else {
                let here = self.here();
                return Err(self.error(
                    "bibtex-syntax",
                    format!("expected `,` after the key `{key}`"),
                    here,
                ));
            }
        } else {
            self.bump();
        }
        let mut entry = Entry {
            entry_type,
            key,
            at,
            fields: Vec::new(),
            names: Vec::new(),
        };
        self.fields(&mut entry, close, open_at)?;
        self.check_entry(&entry, type_at, key_at);
        Ok(())
    }

    fn fields(
        &mut self,
        entry: &mut Entry,
        close: char,
        open_at: (usize, usize),
    ) -> Result<(), Stop> {
        loop {
            self.skip_ws();
            match self.peek() {
                None => {
                    return Err(self.error(
                        "bibtex-unbalanced-brace",
                        format!("the entry `{}` is never closed", entry.key),
                        open_at,
                    ))
                }
                Some(c) if c == close => {
                    self.bump();
                    return Ok(());
                }
                Some('@') => {
                    return Err(self.error(
                        "bibtex-unbalanced-brace",
                        format!(
                            "the entry `{}` is not closed before the next entry",
                            entry.key
                        ),
                        open_at,
                    ))
                }
                _ => {}
            }
            let name_at = self.here();
            let name = self.identifier().to_lowercase();
            let starts_well = if self.consumer {
                !name.starts_with(|c: char| c.is_ascii_digit())
            } else {
                name.starts_with(|c: char| c.is_ascii_alphabetic())
            };
            if name.is_empty() || !starts_well {
                let found = self
                    .peek()
                    .map_or("end of input".to_string(), |c| format!("`{c}`"));
                return Err(self.error(
                    "bibtex-syntax",
                    format!("expected a field name in `{}`, found {found}", entry.key),
                    name_at,
                ));
            }
            self.skip_ws();
            if self.peek() != Some('=') {
                let here = self.here();
                return Err(self.error(
                    "bibtex-syntax",
                    format!("expected `=` after the field name `{name}`"),
                    here,
                ));
            }
            self.bump();
            let value_at = self.here();
            let (non_empty, text) = self.value()?;
            if name == "author" || name == "editor" {
                entry.names.push((name.clone(), text.clone(), value_at));
            }
            if name == "crossref" {
                self.crossrefs.push((text.trim().to_string(), value_at));
            }
            if entry.fields.iter().any(|(f, _, _)| *f == name) {
                self.push(
                    Severity::Error,
                    "bibtex-duplicate-field",
                    format!("the field `{name}` appears twice in `{}`", entry.key),
                    name_at,
                );
            }
            entry.fields.push((name, non_empty, name_at));
            self.skip_ws();
            match self.peek() {
                Some(',') => {
                    self.bump();
                }
                Some(c) if c == close => {}
                None => {
                    return Err(self.error(
                        "bibtex-unbalanced-brace",
                        format!("the entry `{}` is never closed", entry.key),
                        open_at,
                    ))
                }
                _ => {
                    let here = self.here();
                    return Err(self.error(
                        "bibtex-missing-comma",
                        format!("expected `,` or the end of the entry `{}`", entry.key),
                        here,
                    ));
                }
            }
        }
    }

    /// Reads a value (`{...}`, `"..."`, a number or a macro, joined by `#`); returns whether
    /// it holds any non-space text, and its text (braces and delimiters dropped only at the
    /// outer level).
    fn value(&mut self) -> Result<(bool, String), Stop> {
        let mut non_empty = false;
        let mut text = String::new();
        loop {
            self.skip_ws();
            let at = self.here();
            match self.peek() {
                Some('{') => {
                    self.bump();
                    let start = self.cur.pos;
                    non_empty |= self.delimited('}', at)?;
                    text.extend(
                        self.cur
                            .chars
                            .get(start..self.cur.pos - 1)
                            .unwrap_or_default(),
                    );
                }
                Some('"') => {
                    self.bump();
                    let start = self.cur.pos;
                    non_empty |= self.delimited('"', at)?;
                    text.extend(
                        self.cur
                            .chars
                            .get(start..self.cur.pos - 1)
                            .unwrap_or_default(),
                    );
                }
                Some(c) if c.is_ascii_digit() => {
                    while let Some(d) = self.peek().filter(|c| c.is_ascii_digit()) {
                        text.push(d);
                        self.bump();
                    }
                    if self.consumer && self.peek().is_some_and(is_bibtex_id_char) {
                        let here = self.here();
                        return Err(self.error(
                            "bibtex-syntax",
                            "a number runs into letters; put the value in braces".to_string(),
                            here,
                        ));
                    }
                    non_empty = true;
                }
                Some(c) if c.is_ascii_alphabetic() || (self.consumer && is_bibtex_id_char(c)) => {
                    let name = self.identifier().to_lowercase();
                    if !self.macros.contains(&name) {
                        // BibTeX only warns; papermeta's writer never leaves one.
                        let severity = if self.consumer {
                            Severity::Warning
                        } else {
                            Severity::Error
                        };
                        self.push(
                            severity,
                            "bibtex-undefined-macro",
                            format!("the string `{name}` is not defined"),
                            at,
                        );
                    }
                    if let Some(t) = self.strings.get(&name) {
                        text.push_str(t);
                    }
                    non_empty = true;
                }
                _ => {
                    return Err(self.error(
                        "bibtex-syntax",
                        "expected a value: `{...}`, `\"...\"`, a number or a string name"
                            .to_string(),
                        at,
                    ))
                }
            }
            self.skip_ws();
            if self.peek() == Some('#') {
                self.bump();
            } else {
                return Ok((non_empty, text));
            }
        }
    }

    /// Reads up to the closing `end` at brace depth 0 (the opener is consumed).
    fn delimited(&mut self, end: char, open_at: (usize, usize)) -> Result<bool, Stop> {
        let mut depth = 0usize;
        let mut non_empty = false;
        let mut opened: Vec<(usize, usize)> = Vec::new();
        loop {
            if !self.consumer && self.peek() == Some('\n') && self.next_line_is_field() {
                // The value runs into a line that reads `name = ...`: a closing brace is
                // missing; blame the innermost brace still open.
                let at = opened.last().copied().unwrap_or(open_at);
                return Err(self.error(
                    "bibtex-unbalanced-brace",
                    format!(
                        "this brace is not closed before the next field (line {})",
                        self.cur.line + 1
                    ),
                    at,
                ));
            }
            let at = self.here();
            let Some(c) = self.bump() else {
                let at = opened.last().copied().unwrap_or(open_at);
                return Err(self.error(
                    "bibtex-unbalanced-brace",
                    "this brace is never closed".to_string(),
                    at,
                ));
            };
            match c {
                '{' => {
                    depth += 1;
                    opened.push(at);
                }
                '}' if depth > 0 => {
                    depth -= 1;
                    opened.pop();
                }
                '}' if end == '"' => {
                    return Err(self.error(
                        "bibtex-unbalanced-brace",
                        "`}` closes no brace in this quoted value".to_string(),
                        at,
                    ));
                }
                c if c == end && depth == 0 => return Ok(non_empty),
                '@' if !self.consumer && depth == 0 && self.at_line_start_before(at) => {
                    // An entry start inside a value: the value was never closed.
                    return Err(self.error(
                        "bibtex-unbalanced-brace",
                        "this value is never closed".to_string(),
                        open_at,
                    ));
                }
                c if !c.is_whitespace() => non_empty = true,
                _ => {}
            }
        }
    }

    /// Whether the line after the newline at the current position starts with `name =`.
    fn next_line_is_field(&self) -> bool {
        let mut i = self.cur.pos + 1;
        let at = |i: usize| self.cur.chars.get(i).copied();
        while at(i).is_some_and(|c| c == ' ' || c == '\t') {
            i += 1;
        }
        if !at(i).is_some_and(|c| c.is_ascii_alphabetic()) {
            return false;
        }
        while at(i).is_some_and(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-')) {
            i += 1;
        }
        while at(i).is_some_and(|c| c == ' ' || c == '\t') {
            i += 1;
        }
        at(i) == Some('=')
    }

    /// Whether the character just read (at `at`) was the first non-space of its line.
    fn at_line_start_before(&self, at: (usize, usize)) -> bool {
        let start = self.cur.pos.saturating_sub(at.1);
        self.cur
            .chars
            .get(start..self.cur.pos.saturating_sub(1))
            .is_some_and(|s| s.iter().all(|c| c.is_whitespace()))
    }

    fn check_entry(&mut self, entry: &Entry, type_at: (usize, usize), key_at: (usize, usize)) {
        let lower = entry.key.to_lowercase();
        if let Some((first, line)) = self.keys.get(&lower).cloned() {
            self.push(
                Severity::Error,
                "bibtex-duplicate-key",
                format!(
                    "the key `{}` repeats `{first}` (line {line}); keys are compared case-insensitively",
                    entry.key
                ),
                key_at,
            );
        } else {
            self.keys.insert(lower, (entry.key.clone(), entry.at.0));
        }
        for (field, text, at) in &entry.names {
            if let Some(name) = split_names(text)
                .into_iter()
                .find(|n| top_level_commas(n) > 2)
            {
                self.push(
                    Severity::Error,
                    "bibtex-name-commas",
                    format!(
                        "the {field} name `{}` in `{}` has more than two commas (at most `von Last, Jr, First`); bibtex and pybtex stop on it",
                        name.trim(),
                        entry.key
                    ),
                    *at,
                );
            }
        }
        if self.consumer {
            self.check_fields_as_warnings(entry, type_at);
            return;
        }
        if let Some(bad) = entry
            .key
            .chars()
            .find(|c| !(c.is_ascii_alphanumeric() || matches!(c, '_' | ':' | '.' | '-')))
        {
            self.push(
                Severity::Error,
                "bibtex-key-characters",
                format!(
                    "the key `{}` holds `{bad}`; keys may use only A-Z, a-z, 0-9, `_`, `:`, `.`, `-`",
                    entry.key
                ),
                key_at,
            );
        }
        let types = self.types;
        let Some(spec) = types.types.get(&entry.entry_type) else {
            self.push(
                Severity::Error,
                "bibtex-unknown-type",
                format!("`@{}` is not a standard entry type", entry.entry_type),
                type_at,
            );
            return;
        };
        let present = |f: &str| entry.fields.iter().any(|(n, ne, _)| n == f && *ne);
        for alternatives in &spec.required {
            if alternatives.iter().any(|f| present(f)) {
                continue;
            }
            let soft = alternatives
                .iter()
                .all(|f| types.soft_required.iter().any(|s| s == f));
            let (severity, code) = if soft {
                (Severity::Warning, "bibtex-missing-soft-field")
            } else {
                (Severity::Error, "bibtex-missing-field")
            };
            self.push(
                severity,
                code,
                format!(
                    "@{} `{}` needs `{}`",
                    entry.entry_type,
                    entry.key,
                    alternatives.join("` or `")
                ),
                entry.at,
            );
        }
        for (name, _, at) in &entry.fields {
            let known = spec.required.iter().flatten().any(|f| f == name)
                || spec.optional.iter().any(|f| f == name)
                || types.common_optional.iter().any(|f| f == name);
            if !known {
                self.push(
                    Severity::Warning,
                    "bibtex-unknown-field",
                    format!(
                        "@{} does not use the field `{name}` (in `{}`)",
                        entry.entry_type, entry.key
                    ),
                    *at,
                );
            }
        }
    }
}

impl Parser<'_> {
    /// BibTeX's own judgement of an entry's type and fields: warnings only.
    fn check_fields_as_warnings(&mut self, entry: &Entry, type_at: (usize, usize)) {
        let types = self.types;
        let Some(spec) = types.types.get(&entry.entry_type) else {
            self.push(
                Severity::Warning,
                "bibtex-unknown-type",
                format!(
                    "`@{}` is not a standard BibTeX entry type (bibtex's standard styles skip it)",
                    entry.entry_type
                ),
                type_at,
            );
            return;
        };
        let present = |f: &str| entry.fields.iter().any(|(n, ne, _)| n == f && *ne);
        // Fields an entry may inherit through `crossref` are not missing.
        if present("crossref") {
            return;
        }
        for alternatives in &spec.required {
            if !alternatives.iter().any(|f| present(f)) {
                self.push(
                    Severity::Warning,
                    "bibtex-missing-field",
                    format!(
                        "@{} `{}` has no `{}` (bibtex warns)",
                        entry.entry_type,
                        entry.key,
                        alternatives.join("` or `")
                    ),
                    entry.at,
                );
            }
        }
    }

    /// Cross-references to keys no entry has: bibtex reports them; the others resolve
    /// what they can.
    fn check_crossrefs(&mut self) {
        if !self.consumer {
            return;
        }
        for (target, at) in std::mem::take(&mut self.crossrefs) {
            if !self.keys.contains_key(&target.to_lowercase()) {
                self.push(
                    Severity::Warning,
                    "bibtex-crossref-missing",
                    format!("`crossref = {{{target}}}` names no entry of this file"),
                    at,
                );
            }
        }
        self.diagnostics
            .sort_by_key(|d| (d.line.unwrap_or(0), d.column.unwrap_or(0)));
    }
}

/// A character BibTeX accepts in entry types, field names and string names.
fn is_bibtex_id_char(c: char) -> bool {
    !c.is_whitespace()
        && !matches!(
            c,
            '"' | '#' | '%' | '\'' | '(' | ')' | ',' | '=' | '{' | '}'
        )
}

/// A name list split at ` and ` outside braces (case-insensitive, as BibTeX splits it).
fn split_names(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let mut names = Vec::new();
    let mut current = String::new();
    let mut depth = 0usize;
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        match c {
            '{' => depth += 1,
            '}' => depth = depth.saturating_sub(1),
            _ => {}
        }
        let is_and = depth == 0
            && c.is_whitespace()
            && chars
                .get(i + 1..i + 4)
                .is_some_and(|w| w.iter().collect::<String>().eq_ignore_ascii_case("and"))
            && chars.get(i + 4).is_some_and(|c| c.is_whitespace());
        if is_and {
            names.push(std::mem::take(&mut current));
            i += 4;
            continue;
        }
        current.push(c);
        i += 1;
    }
    names.push(current);
    names
}

/// Commas of a name outside braces.
fn top_level_commas(name: &str) -> usize {
    let mut depth = 0usize;
    name.chars()
        .filter(|&c| {
            match c {
                '{' => depth += 1,
                '}' => depth = depth.saturating_sub(1),
                _ => {}
            }
            c == ',' && depth == 0
        })
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codes(text: &str) -> Vec<(String, Option<usize>, Option<usize>)> {
        validate_bibtex(text.as_bytes())
            .diagnostics
            .into_iter()
            .map(|d| (d.code, d.line, d.column))
            .collect()
    }

    const GOOD: &str = "@article{hasan2020dawla,\n  author = {{عبد الله}, محمد and others},\n  title = {{الدولة}},\n  journal = {مجلة},\n  year = {2020},\n  month = mar\n}\n\n@misc{web, title = \"A \" # {page}, date = {XXXX}, url = {https://x.org/a%20b}}\n";

    #[test]
    fn accepts_well_formed_entries() {
        let report = validate_bibtex(GOOD.as_bytes());
        assert!(report.diagnostics.is_empty(), "{:?}", report.diagnostics);
    }

    #[test]
    fn unclosed_brace_points_at_the_open_brace() {
        let text = "@book{b1,\n  author = {Smith, John},\n  title = {An {Open Title},\n  publisher = {P},\n  year = {2001}\n}\n";
        let found = codes(text);
        assert!(
            found.contains(&("bibtex-unbalanced-brace".into(), Some(3), Some(11))),
            "{found:?}"
        );
    }

    #[test]
    fn missing_comma_is_located() {
        let text = "@misc{m1,\n  title = {T}\n  year = {2001}\n}\n";
        assert_eq!(
            codes(text),
            vec![("bibtex-missing-comma".into(), Some(3), Some(3))]
        );
    }

    #[test]
    fn keys_repeat_case_insensitively_and_must_be_ascii() {
        let text = "@misc{Key1, title={a}}\n@misc{key1, title={b}}\n@misc{مفتاح, title={c}}\n";
        let found = codes(text);
        assert!(found.contains(&("bibtex-duplicate-key".into(), Some(2), Some(7))));
        assert!(found
            .iter()
            .any(|(c, l, _)| c == "bibtex-key-characters" && *l == Some(3)));
    }

    #[test]
    fn required_and_unknown_fields() {
        let text = "@article{a1, author={X, Y}, title={T}, year={2001}, colour={red}}\n@book{b1, editor={E, F}, title={T}, publisher={P}}\n";
        let report = validate_bibtex(text.as_bytes());
        let found: Vec<(&str, Severity)> = report
            .diagnostics
            .iter()
            .map(|d| (d.code.as_str(), d.severity))
            .collect();
        assert!(
            found.contains(&("bibtex-missing-field", Severity::Error)),
            "{found:?}"
        );
        assert!(found.contains(&("bibtex-unknown-field", Severity::Warning)));
        // The book has an editor instead of an author, and lacks only the (soft) year.
        assert!(found.contains(&("bibtex-missing-soft-field", Severity::Warning)));
        assert_eq!(report.errors().count(), 1);
    }

    #[test]
    fn unknown_type_stray_at_and_undefined_macro() {
        let text = "@journal{j1, title={T}}\n@ not an entry\n@misc{m2, month = foo}\n";
        let found: Vec<String> = codes(text).into_iter().map(|c| c.0).collect();
        assert!(found.contains(&"bibtex-unknown-type".to_string()));
        assert!(found.contains(&"bibtex-stray-at".to_string()));
        assert!(found.contains(&"bibtex-undefined-macro".to_string()));
    }

    #[test]
    fn duplicate_field_and_string_macros() {
        let text = "@string{jn = {Journal}}\n@article{a, author={X, Y}, title={T}, journal=jn, year=2001, year={2002}}\n";
        assert_eq!(
            codes(text),
            vec![("bibtex-duplicate-field".into(), Some(2), Some(62))]
        );
    }

    #[test]
    fn stray_closing_brace_outside_entries() {
        let found = codes("@misc{m, title={T}}}\n");
        assert_eq!(
            found,
            vec![("bibtex-unbalanced-brace".into(), Some(1), Some(20))]
        );
    }

    #[test]
    fn parenthesized_entries_and_comments() {
        let text = "@comment{ anything {nested} here }\n@misc(m, title = {T})\n";
        assert!(codes(text).is_empty());
    }
}
