//! Publication facts the text rarely holds, in layers: a journal-level file shared by an
//! issue's articles (`--journal-meta`), an article-level file (`--meta`), then single facts
//! given as flags (`--doi`, `--pages`, `--volume`, `--issue`, `--published`). Each layer is a
//! [`Metadata`] that names its origin; later layers override earlier ones, and every layer
//! overrides what was read from the paper. [`explain`] tells, for every key, which source the
//! final value came from. Files are TOML or JSON (the same keys, documented in
//! `docs/metadata.md`).
//!
//! Extracted values (volume, issue, DOI and publication date read from the paper's first page,
//! `extract::front`) are replaced when a layer sets them, and a `received`/`accepted` date
//! replaces the printed history date of that kind. Unknown keys are errors that name the
//! closest valid key; every value is checked (ISSN check digit, ISO dates, ORCID checksum, DOI
//! form).

mod explain;

pub use explain::{explain, format_explain, Origin, ValueOrigin};

use crate::model::identifiers::primary_language;
use crate::model::{
    Contributor, Depositor, Diagnostic, Document, Doi, HistoryDate, HistoryKind, IsoDate, Issn,
    Journal, LanguageTag, License, LocalizedText, NameOrigin, Numbering, Orcid, PageRange,
    PartialDate, PersonName, Printed, Script,
};
use serde::Deserialize;
use std::collections::BTreeMap;
use thiserror::Error;

/// Why a metadata file (or flag) was refused: the file and, where it applies, the line and
/// column.
#[derive(Debug, Error, PartialEq)]
#[error("{}", self.render())]
pub struct MetaError {
    /// The metadata file's name, or the flag (`--doi`).
    pub file: String,
    /// Line (1-based); 0 for a flag.
    pub line: usize,
    /// Column (1-based, characters); 0 for a flag.
    pub column: usize,
    /// What is wrong and how to fix it.
    pub message: String,
}

impl MetaError {
    fn render(&self) -> String {
        if self.line == 0 {
            format!("{}: {}", self.file, self.message)
        } else {
            format!(
                "{}:{}:{}: {}",
                self.file, self.line, self.column, self.message
            )
        }
    }
}

/// The syntax of a metadata file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Syntax {
    /// TOML (`key = "value"`).
    Toml,
    /// JSON (`{"key": "value"}`).
    Json,
}

impl Syntax {
    /// The syntax of a file: JSON when its name ends in `.json` or its text opens with `{`.
    pub fn of(file: &str, text: &str) -> Syntax {
        if file.to_ascii_lowercase().ends_with(".json")
            || text
                .trim_start_matches('\u{FEFF}')
                .trim_start()
                .starts_with('{')
        {
            Syntax::Json
        } else {
            Syntax::Toml
        }
    }
}

/// One layer of metadata: a parsed file, or the facts given as flags.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Metadata {
    /// Where the layer comes from (the file's name, or `command line`), for [`explain`].
    #[serde(skip)]
    pub origin: String,
    /// `[journal]`.
    #[serde(default)]
    pub journal: Option<JournalMeta>,
    /// `[article]`.
    #[serde(default)]
    pub article: Option<ArticleMeta>,
    /// `[[authors]]`, by position.
    #[serde(default)]
    pub authors: Vec<AuthorMeta>,
    /// `[depositor]`: who deposits DOI metadata.
    #[serde(default)]
    pub depositor: Option<DepositorMeta>,
    /// The organization owning the DOI prefix.
    #[serde(default)]
    pub registrant: Option<String>,
}

/// `[depositor]` table.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DepositorMeta {
    /// Depositor name.
    pub name: Option<String>,
    /// Email address for deposit reports.
    pub email: Option<String>,
}

/// `[journal]` table.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct JournalMeta {
    /// journal-id (publisher-id).
    pub id: Option<String>,
    /// Title per language; the first is the main title.
    pub title: Option<toml::Table>,
    /// Print ISSN.
    pub issn_print: Option<String>,
    /// Electronic ISSN.
    pub issn_electronic: Option<String>,
    /// Publisher.
    pub publisher: Option<PublisherMeta>,
}

/// `publisher = { name, place }`.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PublisherMeta {
    /// Publisher name.
    pub name: Option<String>,
    /// Publisher place.
    pub place: Option<String>,
}

/// `[article]` table.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ArticleMeta {
    /// Volume.
    pub volume: Option<String>,
    /// Issue.
    pub issue: Option<String>,
    /// ISO date: year, year-month or full date.
    pub published: Option<String>,
    /// ISO date the manuscript was received.
    pub received: Option<String>,
    /// ISO date the manuscript was accepted.
    pub accepted: Option<String>,
    /// Page range `101-125`.
    pub pages: Option<String>,
    /// Electronic location id, instead of pages.
    pub elocation: Option<String>,
    /// DOI.
    pub doi: Option<String>,
    /// Landing page URL.
    pub url: Option<String>,
    /// License.
    pub license: Option<LicenseMeta>,
    /// Translated titles of the article, per language.
    pub title: Option<toml::Table>,
    /// Article category.
    pub subject: Option<String>,
}

/// `license = { url, text }`.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LicenseMeta {
    /// License URL.
    pub url: Option<String>,
    /// License statement.
    pub text: Option<String>,
}

/// One `[[authors]]` entry; matched to the extracted authors by position.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AuthorMeta {
    /// The name as it should be printed (`Given Family`): replaces the name read from the
    /// text, or adds an author the text did not yield.
    pub name: Option<String>,
    /// Latin form of the name (`Given Family`).
    pub latin: Option<String>,
    /// ORCID iD, bare or as `https://orcid.org/…`.
    pub orcid: Option<String>,
    /// Email, overriding the one found in the text.
    pub email: Option<String>,
    /// Whether this is the corresponding author.
    pub corresponding: Option<bool>,
}

/// The valid keys of each table, for "did you mean" suggestions.
const TOP_KEYS: &[&str] = &["journal", "article", "authors", "depositor", "registrant"];
const DEPOSITOR_KEYS: &[&str] = &["name", "email"];
const JOURNAL_KEYS: &[&str] = &["id", "title", "issn_print", "issn_electronic", "publisher"];
const PUBLISHER_KEYS: &[&str] = &["name", "place"];
const ARTICLE_KEYS: &[&str] = &[
    "volume",
    "issue",
    "published",
    "received",
    "accepted",
    "pages",
    "elocation",
    "doi",
    "url",
    "license",
    "title",
    "subject",
];
const LICENSE_KEYS: &[&str] = &["url", "text"];
const AUTHOR_KEYS: &[&str] = &["name", "latin", "orcid", "email", "corresponding"];

/// Reads and checks a metadata file's text, TOML or JSON (see [`Syntax::of`]).
pub fn parse_metadata(text: &str, file: &str) -> Result<Metadata, MetaError> {
    let mut meta = match Syntax::of(file, text) {
        Syntax::Toml => parse_toml(text, file)?,
        Syntax::Json => parse_json(text, file)?,
    };
    meta.origin = file.to_string();
    Ok(meta)
}

fn parse_toml(text: &str, file: &str) -> Result<Metadata, MetaError> {
    let err_at = |offset: usize, message: String| {
        let (line, column) = line_column(text, offset);
        MetaError {
            file: file.to_string(),
            line,
            column,
            message,
        }
    };
    let table: toml::Table = toml::from_str(text).map_err(|e| {
        let offset = e.span().map_or(0, |s| s.start);
        err_at(offset, format!("not valid TOML: {}", e.message()))
    })?;
    let source = Source {
        text,
        file,
        syntax: Syntax::Toml,
    };
    check_all_keys(&table, &source)?;
    let meta: Metadata = toml::from_str(text).map_err(|e| {
        let offset = e.span().map_or(0, |s| s.start);
        err_at(offset, e.message().to_string())
    })?;
    check_values(&meta, &source)?;
    Ok(meta)
}

/// Reads a JSON metadata file: the keys and values of the TOML form, as JSON objects.
fn parse_json(text: &str, file: &str) -> Result<Metadata, MetaError> {
    let text = text.trim_start_matches('\u{FEFF}');
    let at = |e: &serde_json::Error, message: String| MetaError {
        file: file.to_string(),
        line: e.line(),
        column: e.column(),
        message,
    };
    let value: serde_json::Value =
        serde_json::from_str(text).map_err(|e| at(&e, format!("not valid JSON: {e}")))?;
    let source = Source {
        text,
        file,
        syntax: Syntax::Json,
    };
    let table = match json_to_toml(&value, &source)? {
        toml::Value::Table(t) => t,
        _ => return Err(MetaError {
            file: file.to_string(),
            line: 1,
            column: 1,
            message:
                "a JSON metadata file is one object (`{\"journal\": {...}, \"article\": {...}}`)"
                    .into(),
        }),
    };
    check_all_keys(&table, &source)?;
    let meta: Metadata = serde_json::from_str(text).map_err(|e| {
        let message = e.to_string();
        let message = message
            .rsplit_once(" at line ")
            .map_or(message.as_str(), |(m, _)| m)
            .to_string();
        at(&e, message)
    })?;
    check_values(&meta, &source)?;
    Ok(meta)
}

/// A JSON value as the TOML value the key checks read; `null` has no TOML form.
fn json_to_toml(value: &serde_json::Value, source: &Source) -> Result<toml::Value, MetaError> {
    use serde_json::Value as J;
    Ok(match value {
        J::Null => {
            return Err(MetaError {
                file: source.file.to_string(),
                line: 1,
                column: 1,
                message: "`null` is no value: leave the key out instead".into(),
            })
        }
        J::Bool(b) => toml::Value::Boolean(*b),
        J::Number(n) => match n.as_i64() {
            Some(i) => toml::Value::Integer(i),
            None => toml::Value::Float(n.as_f64().unwrap_or(0.0)),
        },
        J::String(s) => toml::Value::String(s.clone()),
        J::Array(items) => toml::Value::Array(
            items
                .iter()
                .map(|v| json_to_toml(v, source))
                .collect::<Result<_, _>>()?,
        ),
        J::Object(map) => {
            let mut t = toml::Table::new();
            for (k, v) in map {
                t.insert(k.clone(), json_to_toml(v, source)?);
            }
            toml::Value::Table(t)
        }
    })
}

/// A metadata file's text, name and syntax, for messages with positions.
struct Source<'a> {
    text: &'a str,
    file: &'a str,
    syntax: Syntax,
}

fn check_all_keys(table: &toml::Table, src: &Source) -> Result<(), MetaError> {
    check_keys(table, TOP_KEYS, "", src)?;
    if let Some(toml::Value::Table(journal)) = table.get("journal") {
        check_keys(journal, JOURNAL_KEYS, "journal.", src)?;
        if let Some(toml::Value::Table(p)) = journal.get("publisher") {
            check_keys(p, PUBLISHER_KEYS, "journal.publisher.", src)?;
        }
    }
    if let Some(toml::Value::Table(article)) = table.get("article") {
        check_keys(article, ARTICLE_KEYS, "article.", src)?;
        if let Some(toml::Value::Table(l)) = article.get("license") {
            check_keys(l, LICENSE_KEYS, "article.license.", src)?;
        }
    }
    if let Some(toml::Value::Table(d)) = table.get("depositor") {
        check_keys(d, DEPOSITOR_KEYS, "depositor.", src)?;
    }
    if let Some(toml::Value::Array(authors)) = table.get("authors") {
        for a in authors {
            if let toml::Value::Table(a) = a {
                check_keys(a, AUTHOR_KEYS, "authors.", src)?;
            }
        }
    }
    Ok(())
}

fn check_keys(
    table: &toml::Table,
    valid: &[&str],
    prefix: &str,
    src: &Source,
) -> Result<(), MetaError> {
    for key in table.keys() {
        if valid.contains(&key.as_str()) {
            continue;
        }
        let closest = valid
            .iter()
            .map(|v| (strsim::jaro_winkler(key, v), *v))
            .max_by(|a, b| a.0.total_cmp(&b.0))
            .map(|(_, v)| v)
            .unwrap_or_default();
        let (line, column) = find_key(src, key);
        return Err(MetaError {
            file: src.file.to_string(),
            line,
            column,
            message: format!(
                "unknown key `{prefix}{key}`; did you mean `{prefix}{closest}`? (valid keys here: {})",
                valid.join(", ")
            ),
        });
    }
    Ok(())
}

/// Where `key` is defined: the first line that assigns it (`key =`) or opens it (`[key]`),
/// or in JSON the first `"key":`.
fn find_key(src: &Source, key: &str) -> (usize, usize) {
    let text = src.text;
    if src.syntax == Syntax::Json {
        let quoted = format!("\"{key}\"");
        for (i, line) in text.lines().enumerate() {
            for (pos, _) in line.match_indices(&quoted) {
                if line[pos + quoted.len()..].trim_start().starts_with(':') {
                    return (i + 1, line[..pos].chars().count() + 1);
                }
            }
        }
        return (1, 1);
    }
    for (i, line) in text.lines().enumerate() {
        let code = line.split('#').next().unwrap_or("");
        for (pos, _) in code.match_indices(key) {
            let before = code[..pos].chars().last();
            let after = code[pos + key.len()..].trim_start().chars().next();
            let boundary = before.is_none_or(|c| !c.is_alphanumeric() && c != '_');
            if boundary && matches!(after, Some('=') | Some(']') | Some('.')) {
                return (i + 1, code[..pos].chars().count() + 1);
            }
        }
    }
    (1, 1)
}

fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let before = text.get(..offset).unwrap_or(text);
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, col)
}

fn check_values(meta: &Metadata, src: &Source) -> Result<(), MetaError> {
    let fail = |key: &str, message: String| {
        let leaf = key.rsplit('.').next().unwrap_or(key);
        let (line, column) = find_key(src, leaf);
        Err(MetaError {
            file: src.file.to_string(),
            line,
            column,
            message: format!("`{key}`: {message}"),
        })
    };
    if let Some(j) = &meta.journal {
        for (key, value) in [
            ("journal.issn_print", &j.issn_print),
            ("journal.issn_electronic", &j.issn_electronic),
        ] {
            if let Some(v) = value {
                if let Err(e) = Issn::parse(v) {
                    return fail(key, e.to_string());
                }
            }
        }
        if let Some(t) = &j.title {
            if let Err(m) = check_lang_table(t) {
                return fail("journal.title", m);
            }
        }
    }
    if let Some(a) = &meta.article {
        if let Some((key, message)) = article_problem(a) {
            return fail(key, message);
        }
    }
    if let Some(d) = &meta.depositor {
        if d.name.as_deref().is_some_and(|n| n.trim().is_empty()) {
            return fail("depositor.name", "must not be empty".into());
        }
        if let Some(e) = &d.email {
            if !is_email(e) {
                return fail("depositor.email", format!("`{e}` is not an email address"));
            }
        }
    }
    if meta
        .registrant
        .as_deref()
        .is_some_and(|r| r.trim().is_empty())
    {
        return fail("registrant", "must not be empty".into());
    }
    for author in &meta.authors {
        if let Some(o) = &author.orcid {
            if let Err(e) = Orcid::parse_any(o) {
                return fail("authors.orcid", e.to_string());
            }
        }
    }
    Ok(())
}

/// The first value of an `[article]` table that is not what its key needs: the key and why.
fn article_problem(a: &ArticleMeta) -> Option<(&'static str, String)> {
    for (key, value) in [
        ("article.published", &a.published),
        ("article.received", &a.received),
        ("article.accepted", &a.accepted),
    ] {
        if let Some(d) = value {
            if let Err(e) = IsoDate::parse(d) {
                return Some((key, e.to_string()));
            }
        }
    }
    if let Some(p) = &a.pages {
        if parse_pages(p).first.is_none() {
            return Some((
                "article.pages",
                format!("`{p}` is not a page range like `101-125`"),
            ));
        }
    }
    if let Some(doi) = &a.doi {
        if let Err(e) = Doi::parse_any(doi) {
            return Some(("article.doi", e.to_string()));
        }
    }
    if let Some(u) = &a.url {
        if !is_http_url(u) {
            return Some(("article.url", format!("`{u}` is not an http(s) URL")));
        }
    }
    if let Some(t) = &a.title {
        if let Err(m) = check_lang_table(t) {
            return Some(("article.title", m));
        }
    }
    None
}

/// The origin [`explain`] names for the facts given as flags.
pub const FLAGS_ORIGIN: &str = "command line";

/// Single article facts given as flags (`--doi`, `--pages`, `--volume`, `--issue`,
/// `--published`): the last metadata layer.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FactFlags {
    /// `--doi`.
    pub doi: Option<String>,
    /// `--pages`.
    pub pages: Option<String>,
    /// `--volume`.
    pub volume: Option<String>,
    /// `--issue`.
    pub issue: Option<String>,
    /// `--published`.
    pub published: Option<String>,
}

impl FactFlags {
    /// The flags as a metadata layer (none when no flag is given), each value checked as in
    /// a file; an error names the flag.
    pub fn to_metadata(&self) -> Result<Option<Metadata>, MetaError> {
        if self == &FactFlags::default() {
            return Ok(None);
        }
        let article = ArticleMeta {
            doi: self.doi.clone(),
            pages: self.pages.clone(),
            volume: self.volume.clone(),
            issue: self.issue.clone(),
            published: self.published.clone(),
            ..ArticleMeta::default()
        };
        if let Some((key, message)) = article_problem(&article) {
            let flag = format!("--{}", key.trim_start_matches("article."));
            return Err(MetaError {
                file: flag,
                line: 0,
                column: 0,
                message,
            });
        }
        Ok(Some(Metadata {
            origin: FLAGS_ORIGIN.to_string(),
            article: Some(article),
            ..Metadata::default()
        }))
    }
}

fn check_lang_table(table: &toml::Table) -> Result<(), String> {
    for (lang, value) in table {
        if let Err(e) = LanguageTag::parse(lang) {
            return Err(e.to_string());
        }
        if !value.is_str() {
            return Err(format!("the `{lang}` value must be a string"));
        }
    }
    Ok(())
}

/// Reads `101-125`, `101–125` or `7` into a page range.
pub fn parse_pages(text: &str) -> PageRange {
    let raw = text.trim().to_string();
    let mut parts = raw.split(['-', '–', '—']).map(str::trim);
    let first = parts.next().and_then(crate::script::parse_number);
    let last = parts.next().and_then(crate::script::parse_number);
    PageRange {
        raw: raw.clone(),
        first,
        last,
    }
}

/// A plausible email address: `local@domain.tld`, no white space.
fn is_email(text: &str) -> bool {
    let t = text.trim();
    match t.split_once('@') {
        Some((local, domain)) => {
            !local.is_empty()
                && domain.contains('.')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
                && !t.contains(char::is_whitespace)
                && !domain.contains('@')
        }
        None => false,
    }
}

fn is_http_url(text: &str) -> bool {
    (text.starts_with("https://") || text.starts_with("http://"))
        && !text.contains(char::is_whitespace)
}

fn lang_texts(table: &toml::Table) -> Vec<LocalizedText> {
    table
        .iter()
        .filter_map(|(lang, v)| {
            v.as_str().map(|s| LocalizedText {
                lang: lang.clone(),
                text: s.to_string(),
                source: None,
            })
        })
        .collect()
}

/// Applies the metadata to a document; metadata values win over extracted ones.
/// Returns warnings for what could not be applied.
pub fn apply_metadata(doc: &mut Document, meta: &Metadata) -> Vec<Diagnostic> {
    let mut warnings = Vec::new();
    if let Some(j) = &meta.journal {
        let journal = doc
            .front
            .publication
            .journal
            .get_or_insert_with(Journal::default);
        if let Some(v) = &j.id {
            journal.id = Some(v.clone());
        }
        if let Some(t) = &j.title {
            journal.titles = lang_texts(t);
        }
        if let Some(v) = &j.issn_print {
            journal.issn_print = Some(Printed::new(v.to_uppercase()));
        }
        if let Some(v) = &j.issn_electronic {
            journal.issn_electronic = Some(Printed::new(v.to_uppercase()));
        }
        if let Some(p) = &j.publisher {
            if p.name.is_some() {
                journal.publisher_name = p.name.clone();
            }
            if p.place.is_some() {
                journal.publisher_place = p.place.clone();
            }
        }
    }
    if let Some(a) = &meta.article {
        let publication = &mut doc.front.publication;
        if let Some(v) = &a.volume {
            publication.volume = Some(Numbering::new(v.as_str()));
        }
        if let Some(i) = &a.issue {
            publication.issue = Some(Numbering::new(i.as_str()));
        }
        if let Some(d) = a.published.as_deref().and_then(|d| IsoDate::parse(d).ok()) {
            publication.published = Some(PartialDate::from(d));
        }
        for (kind, value) in [
            (HistoryKind::Received, &a.received),
            (HistoryKind::Accepted, &a.accepted),
        ] {
            if let Some(d) = value.as_deref().and_then(|d| IsoDate::parse(d).ok()) {
                let entry = HistoryDate {
                    kind,
                    date: Some(PartialDate::from(d)),
                    raw: value.clone().unwrap_or_default(),
                    source: None,
                };
                // Replaces the printed date of that kind, in its place when there was one.
                match publication.history.iter().position(|h| h.kind == kind) {
                    Some(i) => {
                        publication.history.retain(|h| h.kind != kind);
                        let at = i.min(publication.history.len());
                        publication.history.insert(at, entry);
                    }
                    None => {
                        let at = publication
                            .history
                            .iter()
                            .position(|h| history_rank(h.kind) > history_rank(kind))
                            .unwrap_or(publication.history.len());
                        publication.history.insert(at, entry);
                    }
                }
            }
        }
        if let Some(p) = &a.pages {
            publication.pages = Some(parse_pages(p));
        }
        if a.elocation.is_some() {
            publication.elocation = a.elocation.clone();
        }
        if let Some(doi) = a.doi.as_deref().and_then(|d| Doi::parse_any(d).ok()) {
            publication.doi = Some(Printed::from_value(doi));
        }
        if a.url.is_some() {
            publication.url = a.url.clone();
        }
        if let Some(l) = &a.license {
            publication.license = Some(License {
                url: l.url.clone(),
                text: l.text.clone(),
            });
        }
        if a.subject.is_some() {
            publication.subject = a.subject.clone();
        }
        if let Some(t) = &a.title {
            for title in lang_texts(t) {
                match doc.front.titles.iter_mut().find(|x| x.lang == title.lang) {
                    Some(existing) => *existing = title,
                    None => doc.front.titles.push(title),
                }
            }
        }
    }
    if let Some(d) = &meta.depositor {
        let name = d.name.as_deref().map(str::trim).unwrap_or_default();
        let email = d.email.as_deref().map(str::trim).unwrap_or_default();
        if name.is_empty() || email.is_empty() {
            warnings.push(Diagnostic::warning(
                "metadata-incomplete-depositor",
                format!(
                    "the metadata file's [depositor] needs both `name` and `email`; `{}` is missing, so no depositor is set",
                    if name.is_empty() { "depositor.name" } else { "depositor.email" }
                ),
                None,
            ));
        } else {
            doc.front.publication.depositor = Some(Depositor {
                name: name.to_string(),
                email: email.to_string(),
            });
        }
    }
    if let Some(r) = &meta.registrant {
        doc.front.publication.registrant = Some(r.trim().to_string());
    }
    let found = doc.front.contributors.len();
    for (i, author) in meta.authors.iter().enumerate().skip(found) {
        match author.name.as_deref().map(str::trim).filter(|n| !n.is_empty()) {
            Some(name) => {
                let id = (i + 1..)
                    .map(|n| format!("c{n}"))
                    .find(|id| doc.front.contributors.iter().all(|c| &c.id != id))
                    .unwrap_or_default();
                doc.front.contributors.push(Contributor { id, name: split_name(name, &doc.front.language), ..Contributor::default() });
            }
            None => warnings.push(Diagnostic::warning(
                "metadata-extra-author",
                format!(
                    "the metadata file's author {} has no `name` and the text has only {found} authors; the entry is ignored",
                    i + 1
                ),
                None,
            )),
        }
    }
    for (author, contributor) in meta.authors.iter().zip(doc.front.contributors.iter_mut()) {
        let name = author
            .name
            .as_deref()
            .map(str::trim)
            .filter(|n| !n.is_empty());
        if let Some(name) = name {
            contributor.name = split_name(name, &contributor.name.lang);
        }
        if author.email.is_some() {
            contributor.email = author.email.clone();
        }
        let renamed = name.is_some() || author.email.is_some();
        if renamed {
            // The Latin form read from the old name or email no longer fits.
            crate::extract::person_names::drop_derived_latin_forms(contributor);
        }
        if let Some(latin) = &author.latin {
            let latin = latin.trim();
            let (given, family) = match latin.rsplit_once(' ') {
                Some((g, f)) => (Some(g.trim().to_string()), Some(f.trim().to_string())),
                None => (None, Some(latin.to_string())),
            };
            let lang = match contributor.name.script {
                Script::Latin => contributor.name.lang.clone(),
                _ => format!("{}-Latn", primary_subtag(&contributor.name.lang)),
            };
            contributor.alt_names.retain(|n| n.script != Script::Latin);
            contributor.alt_names.push(PersonName {
                as_written: latin.to_string(),
                script: Script::Latin,
                lang,
                given,
                family,
                origin: NameOrigin::Metadata,
            });
        }
        if renamed {
            crate::extract::person_names::fill_latin_form(contributor);
        }
        if let Some(o) = author
            .orcid
            .as_deref()
            .and_then(|o| Orcid::parse_any(o).ok())
        {
            contributor.orcid = Some(Printed::from_value(o));
        }
        if let Some(c) = author.corresponding {
            contributor.corresponding = c;
        }
    }
    warnings
}

/// The usual order of history events.
fn history_rank(kind: HistoryKind) -> u8 {
    match kind {
        HistoryKind::Received => 0,
        HistoryKind::Revised => 1,
        HistoryKind::Accepted => 2,
        HistoryKind::Published => 3,
    }
}

/// A name given in the metadata file: the last word is the family name, the rest given names.
fn split_name(name: &str, fallback_lang: &str) -> PersonName {
    let script = crate::script::detect_script(name);
    let lang = crate::script::default_lang(script)
        .map_or_else(|| fallback_lang.to_string(), str::to_string);
    let (given, family) = match (script, name.rsplit_once(' ')) {
        (Script::Arabic, _) => crate::extract::person_names::split_arabic_name(name),
        (_, Some((g, f))) => (Some(g.trim().to_string()), Some(f.trim().to_string())),
        (_, None) => (None, Some(name.to_string())),
    };
    PersonName {
        as_written: name.to_string(),
        script,
        lang,
        given,
        family,
        origin: NameOrigin::Metadata,
    }
}

/// The primary language subtag of `tag`, `und` when it has none.
fn primary_subtag(tag: &str) -> String {
    let p = primary_language(tag);
    if p.is_empty() {
        "und".to_string()
    } else {
        p
    }
}

/// Metadata keys in the order the README documents them, with what each holds.
pub const DOCUMENTED_KEYS: &[(&str, &str)] = &[
    ("journal.id", "journal-id (publisher-id); JATS needs it"),
    (
        "journal.title",
        "journal title per language, e.g. { ar = \"…\", en = \"…\" }; the first is the main title",
    ),
    (
        "journal.issn_print",
        "print ISSN, check digit verified; JATS needs this or issn_electronic",
    ),
    (
        "journal.issn_electronic",
        "electronic ISSN, check digit verified",
    ),
    ("journal.publisher", "{ name = \"…\", place = \"…\" }"),
    ("article.volume", "volume"),
    ("article.issue", "issue"),
    (
        "article.published",
        "publication date: YYYY, YYYY-MM or YYYY-MM-DD",
    ),
    (
        "article.received",
        "date the manuscript was received: YYYY, YYYY-MM or YYYY-MM-DD",
    ),
    (
        "article.accepted",
        "date the manuscript was accepted: YYYY, YYYY-MM or YYYY-MM-DD",
    ),
    ("article.pages", "page range, e.g. \"101-125\""),
    (
        "article.elocation",
        "electronic location id, instead of pages",
    ),
    ("article.doi", "DOI, e.g. \"10.5555/example\""),
    ("article.url", "landing page URL"),
    ("article.license", "{ url = \"…\", text = \"…\" }"),
    ("article.title", "translated titles, e.g. { en = \"…\" }"),
    (
        "article.subject",
        "article category, e.g. \"Research Article\"",
    ),
    (
        "authors[].name",
        "the author's name (`Given Family`): replaces the one read from the text, or adds an author the text did not yield",
    ),
    (
        "authors[].latin",
        "Latin form of the author's name, by position",
    ),
    ("authors[].orcid", "ORCID iD, checksum verified"),
    (
        "authors[].email",
        "email, overriding the one found in the text",
    ),
    (
        "authors[].corresponding",
        "true for the corresponding author",
    ),
    (
        "depositor.name",
        "who deposits the DOI metadata (Crossref `depositor_name`); Crossref needs it",
    ),
    (
        "depositor.email",
        "where Crossref sends its deposit reports (`email_address`); Crossref needs it",
    ),
    (
        "registrant",
        "the organization owning the DOI prefix (Crossref `registrant`); defaults to the publisher's name",
    ),
];

/// Keys documented for each table, for tests that keep the README honest.
pub fn documented_keys() -> BTreeMap<&'static str, &'static str> {
    DOCUMENTED_KEYS.iter().copied().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// docs/metadata.md names every key a metadata file may hold, and documents each.
    #[test]
    fn docs_metadata_md_documents_every_accepted_key() {
        let doc = include_str!("../../docs/metadata.md");
        let tables: [(&str, &[&str]); 6] = [
            ("journal.", JOURNAL_KEYS),
            ("journal.publisher.", PUBLISHER_KEYS),
            ("article.", ARTICLE_KEYS),
            ("article.license.", LICENSE_KEYS),
            ("authors[].", AUTHOR_KEYS),
            ("depositor.", DEPOSITOR_KEYS),
        ];
        let documented = documented_keys();
        for (prefix, keys) in tables {
            for key in keys {
                let full = format!("{prefix}{key}");
                // A sub-table is documented by its parent row (`article.license`).
                let covered = documented.contains_key(full.as_str())
                    || documented
                        .keys()
                        .any(|d| full.starts_with(&format!("{d}.")))
                    || (prefix == "journal." && *key == "publisher");
                assert!(covered, "`{full}` is accepted but not in DOCUMENTED_KEYS");
            }
        }
        for key in TOP_KEYS
            .iter()
            .filter(|k| !["journal", "article", "authors", "depositor"].contains(k))
        {
            assert!(documented.contains_key(key), "`{key}` is not documented");
        }
        for key in documented.keys() {
            assert!(
                doc.contains(&format!("| `{key}` |")),
                "docs/metadata.md lacks `{key}`"
            );
        }
    }

    #[test]
    fn issn_1234_double_hyphen_567_in_meta_is_an_error_not_a_panic() {
        let e = crate::model::identifiers::Issn::parse("1234--567").expect_err("not an ISSN");
        assert!(e.to_string().contains("1234--567"), "{e}");
        let e = parse_metadata("[journal]\nissn_print = \"1234--567\"\n", "m.toml")
            .expect_err("a metadata file with that ISSN is refused");
        assert!(e.to_string().contains("1234--567"), "{e}");
        assert!(crate::model::identifiers::Issn::parse("0317-8471").is_ok());
    }

    #[test]
    fn unknown_key_names_the_closest_valid_one_with_position() {
        let text = "[journal]\nid = \"x\"\nisn_print = \"2070-9250\"\n";
        let err = parse_metadata(text, "m.toml").unwrap_err();
        assert_eq!((err.line, err.column), (3, 1));
        assert!(
            err.message.contains("did you mean `journal.issn_print`"),
            "{}",
            err.message
        );
    }

    #[test]
    fn checks_issn_check_digit() {
        assert!(parse_metadata("[journal]\nissn_print = \"2070-9250\"\n", "m.toml").is_ok());
        let err = parse_metadata("[journal]\nissn_print = \"2070-9251\"\n", "m.toml").unwrap_err();
        assert!(err.message.contains("check digit"), "{}", err.message);
        assert_eq!(err.line, 2);
    }

    /// `1234--567` has nine characters and a hyphen fifth but only seven digits: the check
    /// once indexed an eighth digit and panicked.
    #[test]
    fn issn_1234_double_hyphen_567_is_refused_not_a_panic() {
        let err =
            parse_metadata("[journal]\nissn_electronic = \"1234--567\"\n", "m.toml").unwrap_err();
        assert_eq!(
            err.message,
            "`journal.issn_electronic`: `1234--567` is not an ISSN of the form NNNN-NNNC"
        );
        assert_eq!((err.line, err.column), (2, 1));
    }

    #[test]
    fn reads_dates_pages_doi_orcid() {
        let meta = |text: &str| parse_metadata(text, "m.toml");
        let err = meta("[article]\npublished = \"2025-02-30\"\n").unwrap_err();
        assert_eq!(
            err.message,
            "`article.published`: `2025-02-30` does not exist: February 2025 has 28 days"
        );
        let err = meta("[article]\npublished = \"25-03\"\n").unwrap_err();
        assert!(err.message.contains("is not an ISO date"), "{err}");
        assert_eq!(
            parse_pages("101-125"),
            PageRange {
                raw: "101-125".into(),
                first: Some(101),
                last: Some(125)
            }
        );
        assert!(meta("[article]\ndoi = \"5555/x\"\n").is_err());
        let err = meta("[[authors]]\norcid = \"0000-0002-1825-0098\"\n").unwrap_err();
        assert!(
            err.message.contains("wrong check digit (expected 7)"),
            "{err}"
        );
        let good = meta(
            "[article]\npublished = \"2025-03\"\ndoi = \"https://doi.org/10.5555/x\"\n[[authors]]\norcid = \"https://orcid.org/0000-0002-1694-233x\"\n",
        )
        .unwrap();
        let mut doc = Document::default();
        doc.front.contributors.push(Contributor::default());
        apply_metadata(&mut doc, &good);
        let p = &doc.front.publication;
        assert_eq!(
            p.published,
            Some(PartialDate {
                year: 2025,
                month: Some(3),
                day: None
            })
        );
        assert_eq!(p.doi.as_deref(), Some("10.5555/x"));
        assert_eq!(
            doc.front.contributors[0].orcid.as_deref(),
            Some("0000-0002-1694-233X")
        );
    }

    #[test]
    fn metadata_overrides_printed_facts() {
        let text = "[article]\nvolume = \"4\"\ndoi = \"https://doi.org/10.5555/meta\"\nreceived = \"2024-01-02\"\naccepted = \"2024-02\"\n";
        let meta = parse_metadata(text, "m.toml").unwrap();
        let mut doc = Document::default();
        let printed = |kind, raw: &str| HistoryDate {
            kind,
            date: None,
            raw: raw.into(),
            source: Some(crate::model::Span::line(2)),
        };
        let p = &mut doc.front.publication;
        p.volume = Some("٩".into());
        p.issue = Some("2".into());
        p.doi = Some("10.5555/printed".into());
        p.history = vec![
            printed(HistoryKind::Received, "soon"),
            printed(HistoryKind::Published, "later"),
        ];
        apply_metadata(&mut doc, &meta);
        let p = &doc.front.publication;
        assert_eq!(p.volume.as_deref(), Some("4"));
        // Not set in the file: the printed value stays.
        assert_eq!(p.issue.as_deref(), Some("2"));
        assert_eq!(p.doi.as_deref(), Some("10.5555/meta"));
        let kinds: Vec<HistoryKind> = p.history.iter().map(|h| h.kind).collect();
        assert_eq!(
            kinds,
            [
                HistoryKind::Received,
                HistoryKind::Accepted,
                HistoryKind::Published
            ]
        );
        assert_eq!(p.history[0].raw, "2024-01-02");
        assert_eq!(p.history[0].source, None);
        assert_eq!(
            p.history[1].date.map(|d| d.iso()).as_deref(),
            Some("2024-02")
        );
        let bad = parse_metadata("[article]\naccepted = \"2/5/2024\"\n", "m.toml").unwrap_err();
        assert!(bad.message.contains("article.accepted"), "{bad}");
    }

    #[test]
    fn titles_keep_their_order_and_apply() {
        let text = "[journal]\nid = \"j\"\ntitle = { ar = \"مجلة\", en = \"Journal\" }\n[article]\ntitle = { en = \"A title\" }\n[[authors]]\nlatin = \"Ali Hasan\"\norcid = \"0000-0002-1825-0097\"\ncorresponding = true\n";
        let meta = parse_metadata(text, "m.toml").unwrap();
        let mut doc = Document::default();
        doc.front.contributors.push(crate::model::Contributor {
            id: "c1".into(),
            name: PersonName {
                as_written: "علي حسن".into(),
                script: Script::Arabic,
                lang: "ar".into(),
                ..Default::default()
            },
            ..Default::default()
        });
        let warnings = apply_metadata(&mut doc, &meta);
        assert!(warnings.is_empty());
        let journal = doc.front.publication.journal.as_ref().unwrap();
        assert_eq!(
            journal
                .titles
                .iter()
                .map(|t| t.lang.as_str())
                .collect::<Vec<_>>(),
            ["ar", "en"]
        );
        assert_eq!(doc.front.titles[0].text, "A title");
        let c = &doc.front.contributors[0];
        assert_eq!(c.alt_names[0].lang, "ar-Latn");
        assert_eq!(c.alt_names[0].family.as_deref(), Some("Hasan"));
        assert!(c.corresponding);
    }

    #[test]
    fn authors_missing_from_the_text_can_be_named() {
        let meta = parse_metadata(
            "[[authors]]\nname = \"Ali Hasan\"\n[[authors]]\norcid = \"0000-0002-1825-0097\"\n",
            "m.toml",
        )
        .unwrap();
        let mut doc = Document::default();
        doc.front.language = "en".into();
        let warnings = apply_metadata(&mut doc, &meta);
        assert_eq!(doc.front.contributors.len(), 1);
        let c = &doc.front.contributors[0];
        assert_eq!(
            (
                c.id.as_str(),
                c.name.family.as_deref(),
                c.name.lang.as_str()
            ),
            ("c1", Some("Hasan"), "en")
        );
        assert_eq!(warnings.len(), 1, "{warnings:?}");
        assert_eq!(warnings[0].code, "metadata-extra-author");
    }

    #[test]
    fn depositor_and_registrant_apply_and_are_checked() {
        let text =
            "registrant = \"Press\"\n[depositor]\nname = \"Desk\"\nemail = \"desk@example.org\"\n";
        let meta = parse_metadata(text, "m.toml").unwrap();
        let mut doc = Document::default();
        assert!(apply_metadata(&mut doc, &meta).is_empty());
        let p = &doc.front.publication;
        assert_eq!(p.registrant.as_deref(), Some("Press"));
        assert_eq!(
            p.depositor.as_ref().map(|d| d.email.as_str()),
            Some("desk@example.org")
        );
        let bad = parse_metadata(
            "[depositor]\nname = \"D\"\nemail = \"desk at example\"\n",
            "m.toml",
        )
        .unwrap_err();
        assert_eq!(bad.line, 3, "{bad}");
        assert!(bad.message.contains("depositor.email"), "{bad}");
        let typo = parse_metadata("[depositor]\nmail = \"x@y.z\"\n", "m.toml").unwrap_err();
        assert!(
            typo.message.contains("did you mean `depositor.email`"),
            "{typo}"
        );
        let half = parse_metadata("[depositor]\nname = \"D\"\n", "m.toml").unwrap();
        let mut doc = Document::default();
        let w = apply_metadata(&mut doc, &half);
        assert_eq!(w[0].code, "metadata-incomplete-depositor");
        assert!(doc.front.publication.depositor.is_none());
    }

    #[test]
    fn bad_toml_reports_line_and_column() {
        let err = parse_metadata("[journal\nid = 1\n", "m.toml").unwrap_err();
        assert_eq!(err.line, 1);
        assert!(err.message.starts_with("not valid TOML"), "{}", err.message);
    }
}
