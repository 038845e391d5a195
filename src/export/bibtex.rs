//! BibTeX.
//!
//! The paper itself comes first as `@article`, then (when asked) one entry per reference.
//! The output is UTF-8 and is read alike by `bibtex` with the standard styles, biber's
//! data model, pybtex, bibtexparser and citation-js:
//!
//! * every value is braced; the characters LaTeX or BibTeX treat specially are escaped so that
//!   braces always balance (`{` becomes `\textbraceleft{}`, `%` becomes `\%`, ...); `url` and
//!   `doi` are verbatim fields and keep their text (braces and backslashes percent-encoded);
//! * names are always written `Family, Given` so BibTeX never guesses; a family name of more
//!   than one token (`عبد الله`, `al-Sayyid`) is braced whole so no part of it becomes a
//!   "von" particle, a compound Arabic given name is braced whole, an organization is braced
//!   whole (`{{Organization}}`), and `et al.` becomes `and others`;
//! * a reference is written with the most specific entry type whose required fields it has
//!   (the standard styles warn about missing ones); otherwise as `@misc`. Facts the chosen type
//!   has no field for go to `note`, with a warning;
//!   A chapter is `@inbook` with `booktitle` (biber's `@incollection` would need an editor),
//!   which needs pages for plain.bst; an entry without author gets `key` for sorting;
//! * `year` holds only a Gregorian year (biber wants an integer); an undated `@misc` gets
//!   `date = {XXXX}` (ISO 8601-2: year unspecified), which biber requires and BibTeX ignores;
//! * keys are ASCII `[a-z0-9]`: romanized family name of the first author (articles such as
//!   `al-` dropped; `anon` without author) + year (`nd` without) + first significant title
//!   word, made unique with `a`, `b`, … (compared case-insensitively).

use super::{Export, ExportError};
use crate::model::identifiers::primary_language;
use crate::model::{
    Agent, Contributor, Diagnostic, Document, IsoDate, NameOrigin, PageRange, Reference,
    ReferenceType, Script,
};
use crate::script::romanize::romanize;
use crate::script::{detect_script, parse_number, western_digits};
use std::collections::HashSet;

const FORMAT: &str = "BibTeX";

/// What to write.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BibtexOptions {
    /// Whether to write one entry per reference after the paper's own entry (default true).
    pub include_references: bool,
}

impl Default for BibtexOptions {
    fn default() -> Self {
        BibtexOptions {
            include_references: true,
        }
    }
}

/// The fields each entry type is written with, in output order; a fact whose field is not
/// listed for the chosen type goes to `note`. These are the fields the standard styles read
/// that biber's data model also allows for the type.
const TYPE_FIELDS: &[(&str, &[&str])] = &[
    (
        "article",
        &[
            "author", "title", "journal", "year", "month", "volume", "number", "pages", "issn",
            "doi", "url", "urldate", "keywords", "abstract", "langid", "note",
        ],
    ),
    (
        "book",
        &[
            "author",
            "title",
            "edition",
            "volume",
            "publisher",
            "address",
            "year",
            "doi",
            "url",
            "urldate",
            "langid",
            "note",
        ],
    ),
    (
        "inbook",
        &[
            "author",
            "title",
            "booktitle",
            "edition",
            "volume",
            "publisher",
            "address",
            "year",
            "pages",
            "doi",
            "url",
            "urldate",
            "langid",
            "note",
        ],
    ),
    (
        "mastersthesis",
        &[
            "author", "title", "school", "address", "year", "doi", "url", "urldate", "langid",
            "note",
        ],
    ),
    (
        "phdthesis",
        &[
            "author", "title", "school", "address", "year", "doi", "url", "urldate", "langid",
            "note",
        ],
    ),
    (
        "techreport",
        &[
            "author",
            "title",
            "institution",
            "number",
            "address",
            "year",
            "doi",
            "url",
            "urldate",
            "langid",
            "note",
        ],
    ),
    (
        "misc",
        &[
            "author",
            "title",
            "key",
            "howpublished",
            "organization",
            "address",
            "year",
            "date",
            "doi",
            "url",
            "urldate",
            "langid",
            "note",
        ],
    ),
];

/// How a fact is labelled when it has to go to `note`.
const NOTE_LABELS: &[(&str, &str)] = &[
    ("journal", ""),
    ("booktitle", "in: "),
    ("howpublished", ""),
    ("publisher", ""),
    ("organization", ""),
    ("school", ""),
    ("institution", ""),
    ("address", ""),
    ("edition", "ed. "),
    ("volume", "vol. "),
    ("number", "no. "),
    ("pages", "pp. "),
    ("year", ""),
    ("urldate", "accessed "),
];

/// `langid` (babel language name) by primary language subtag.
const LANGIDS: &[(&str, &str)] = &[
    ("ar", "arabic"),
    ("en", "english"),
    ("fr", "french"),
    ("de", "german"),
    ("es", "spanish"),
    ("it", "italian"),
    ("tr", "turkish"),
    ("ru", "russian"),
];

/// Month macros of the standard styles.
const MONTHS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

/// Title words skipped when choosing the key's title word (compared before romanization).
const KEY_STOP_WORDS: &[&str] = &[
    "a", "an", "the", "of", "on", "in", "and", "for", "to", "at", "by", "with", "from", "toward",
    "towards", "about", "is", "are", "de", "la", "le", "les", "des", "du", "في", "من", "على", "عن",
    "إلى", "الى", "حول", "بين", "مع", "ما", "هل", "و", "او", "أو", "لدى", "نحو", "دور",
];

/// Romanized tokens that are articles, not names (`al-`, `el-`).
const KEY_STOP_TOKENS: &[&str] = &["al", "el", "ul", "ad", "as", "an", "ar", "az", "at"];

/// The Arabic definite article, dropped from a key word (`الوجود` → `وجود`).
const ARABIC_ARTICLE: &str = "ال";

/// Longest title word kept in a key.
const KEY_WORD_MAX: usize = 16;

/// An entry before it is written.
struct Entry {
    entry_type: &'static str,
    key: String,
    /// Field name and its written value (braces included).
    fields: Vec<(&'static str, String)>,
}

/// Serializes the document (and, by default, its references) as BibTeX.
///
/// Fails when the paper has no title, no author or no journal title: `@article` cannot be
/// valid without them. Without a journal or a year the paper's entry is an `@misc`, with a
/// `bibtex-paper-as-misc` warning (and a missing year a `missing-year` one).
pub fn write_bibtex(doc: &Document, options: &BibtexOptions) -> Result<Export, ExportError> {
    let mut warnings = Vec::new();
    let mut keys = KeySet::default();
    let mut entries = vec![own_entry(doc, &mut keys, &mut warnings)?];
    if options.include_references {
        for r in doc.back.references() {
            entries.push(reference_entry(r, &mut keys, &mut warnings));
        }
    }
    let mut out = String::new();
    for (i, entry) in entries.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        out.push('@');
        out.push_str(entry.entry_type);
        out.push('{');
        out.push_str(&entry.key);
        for (name, value) in &entry.fields {
            out.push_str(",\n  ");
            out.push_str(name);
            out.push_str(" = ");
            out.push_str(value);
        }
        out.push_str("\n}\n");
    }
    Ok(Export {
        bytes: out.into_bytes(),
        warnings,
    })
}

/// The `@article` entry of the paper itself.
fn own_entry(
    doc: &Document,
    keys: &mut KeySet,
    warnings: &mut Vec<Diagnostic>,
) -> Result<Entry, ExportError> {
    let front = &doc.front;
    let title = super::required_title(doc, FORMAT)?;
    let authors: Vec<&Contributor> = front.authors().collect();
    let publication = &front.publication;
    // Without a journal `@article` is incomplete for every style; `@misc` is complete, so the
    // paper's entry degrades to it with a warning rather than failing the whole export.
    let journal = publication
        .journal
        .as_ref()
        .and_then(|j| j.titles.first())
        .filter(|t| !t.text.trim().is_empty());
    // `@article` needs its year too (bibtex's plain style and biber both require it).
    let year = publication.published.map(|d| d.year);
    // `@article` needs an author (plain.bst warns and biber rejects it); `@misc` has none
    // required, so a paper whose authors were not found is still a record to import.
    let is_article = journal.is_some() && year.is_some() && !authors.is_empty();
    if !is_article {
        let missing = if authors.is_empty() {
            "no author was found"
        } else if journal.is_none() {
            "the journal is unknown"
        } else {
            "the publication year is unknown"
        };
        warnings.push(Diagnostic::warning(
            "bibtex-paper-as-misc",
            format!("{missing}: the paper's own entry is written as @misc, with its volume, issue and ISSN in `note` (set `authors`, `journal.title` and `article.published` in the metadata file for @article)"),
            None,
        ));
    }
    let mut fields: Vec<(&'static str, String)> = Vec::new();
    let names: Vec<String> = authors
        .iter()
        .map(|c| {
            person_name(
                c.name.family.as_deref(),
                c.name.given.as_deref(),
                &c.name.as_written,
            )
        })
        .collect();
    if names.is_empty() {
        // plain.bst sorts by `key` when there is no author.
        fields.push(("key", braced(&escape(&title.text))));
    } else {
        fields.push(("author", braced(&names.join(" and "))));
    }
    fields.push(("title", title_value(&title.text)));
    if let Some(journal) = journal {
        if is_article {
            fields.push(("journal", braced(&escape(&journal.text))));
        } else {
            fields.push(("howpublished", braced(&escape(&journal.text))));
        }
    }
    match &publication.published {
        Some(date) => {
            fields.push(("year", braced(&date.year.to_string())));
            if let Some(month) = date
                .month
                .and_then(|m| MONTHS.get(usize::from(m).wrapping_sub(1)))
            {
                fields.push(("month", (*month).to_string()));
            }
        }
        None => {
            // ISO 8601-2 "year unspecified", which biber requires and BibTeX ignores.
            fields.push(("date", braced("XXXX")));
            warnings.push(Diagnostic::warning(
                "missing-year",
                "the paper has no publication year: its entry is written with `date = {XXXX}` and no `year` (set `article.published` in the metadata file)",
                None,
            ));
        }
    }
    let mut notes = Vec::new();
    if let Some(volume) = publication.volume.as_ref().filter(|v| !v.trim().is_empty()) {
        match volume.number().filter(|_| is_article) {
            Some(n) => fields.push(("volume", braced(&n.to_string()))),
            None => notes.push(format!("vol. {}", escape(volume))),
        }
    }
    if let Some(issue) = publication
        .issue
        .as_deref()
        .filter(|i| !i.trim().is_empty())
    {
        if is_article {
            fields.push(("number", braced(&escape(issue))));
        } else {
            notes.push(format!("no. {}", escape(issue)));
        }
    }
    if let Some(pages) = &publication.pages {
        if is_article {
            fields.push(("pages", braced(&pages_value(pages))));
        } else {
            // `@misc` has no `pages`.
            notes.push(format!("pp. {}", pages_value(pages)));
        }
    } else if let Some(eloc) = publication.elocation.as_deref().filter(|e| !e.is_empty()) {
        notes.push(escape(eloc));
    }
    if let Some(journal) = &publication.journal {
        // biber checks the form and the check digit: only a valid ISSN is written.
        let issn = [&journal.issn_print, &journal.issn_electronic]
            .into_iter()
            .flatten()
            .find_map(|i| i.value());
        match issn {
            Some(issn) if is_article => fields.push(("issn", braced(&issn.to_string()))),
            // biber's @misc has no `issn`.
            Some(issn) => notes.push(format!("ISSN {issn}")),
            None => {}
        }
    }
    if let Some(doi) = publication.doi.as_deref().filter(|d| !d.is_empty()) {
        fields.push(("doi", braced(&verbatim(doi))));
    }
    if let Some(url) = publication.url.as_deref().filter(|u| !u.is_empty()) {
        fields.push(("url", braced(&verbatim(url))));
    }
    let keywords: Vec<String> = front
        .keywords
        .iter()
        .flat_map(|g| g.keywords.iter())
        .filter(|k| !k.trim().is_empty())
        .map(|k| escape(k))
        .collect();
    if !keywords.is_empty() {
        fields.push(("keywords", braced(&keywords.join(", "))));
    }
    let abstracts = super::abstracts_by_language(doc);
    let main_abstract = abstracts
        .iter()
        .find(|a| a.lang == front.language)
        .or(abstracts.first());
    if let Some(abs) = main_abstract {
        fields.push(("abstract", braced(&escape(&abs.text))));
    }
    if let Some(langid) = langid(&front.language) {
        fields.push(("langid", braced(langid)));
    }
    if !notes.is_empty() {
        fields.push(("note", braced(&notes.join("; "))));
    }
    let unrendered = front.titles.len().saturating_sub(1)
        + abstracts
            .len()
            .saturating_sub(usize::from(main_abstract.is_some()));
    if unrendered > 0 {
        warnings.push(Diagnostic::warning(
            "bibtex-translations-not-rendered",
            format!(
                "BibTeX holds one title and one abstract: {unrendered} title(s) or abstract(s) in other languages are left out"
            ),
            None,
        ));
    }
    let first = authors.first().map(|c| key_name_of_contributor(c));
    let key = keys.claim(&key_base(first, year, Some(&title.text)));
    let entry_type = if is_article { "article" } else { "misc" };
    order_fields(&mut fields, entry_type);
    Ok(Entry {
        entry_type,
        key,
        fields,
    })
}

/// The name a contributor's key starts with: the family name of a Latin form printed or
/// given in the metadata file when one is known (it romanizes best), else the printed family
/// name, else the whole name. Latin forms papermeta derived (from an email, or romanized)
/// are not used: keys stay what the printed name gives.
fn key_name_of_contributor(c: &Contributor) -> KeyName<'_> {
    let latin = c
        .alt_names
        .iter()
        .filter(|n| matches!(n.origin, NameOrigin::Printed | NameOrigin::Metadata))
        .chain(std::iter::once(&c.name))
        .find(|n| n.script == Script::Latin);
    match (latin, c.name.family.as_deref()) {
        (Some(n), _) => n
            .family
            .as_deref()
            .map_or(KeyName::FullName(&n.as_written), KeyName::Family),
        (None, Some(family)) => KeyName::Family(family),
        (None, None) => KeyName::FullName(&c.name.as_written),
    }
}

/// One reference as an entry of the most specific type its facts allow.
fn reference_entry(r: &Reference, keys: &mut KeySet, warnings: &mut Vec<Diagnostic>) -> Entry {
    let line = Some(r.source.line);
    let year = r.year.as_ref().and_then(|y| y.value);
    let has = |v: &Option<String>| v.as_deref().is_some_and(|s| !s.trim().is_empty());
    let has_authors = !r.authors.is_empty();
    let base_ok = has_authors && year.is_some() && has(&r.title);
    let entry_type: &'static str = match r.ref_type {
        ReferenceType::JournalArticle | ReferenceType::NewsArticle
            if base_ok && has(&r.container) =>
        {
            "article"
        }
        ReferenceType::Book if base_ok && has(&r.publisher) => "book",
        // biber's @incollection needs an editor the model does not have; @inbook (with
        // booktitle) satisfies biber, and plain.bst's chapter-or-pages rule needs the pages.
        ReferenceType::Chapter
            if base_ok && has(&r.container) && has(&r.publisher) && r.pages.is_some() =>
        {
            "inbook"
        }
        ReferenceType::MastersThesis if base_ok && has(&r.publisher) => "mastersthesis",
        ReferenceType::DoctoralThesis if base_ok && has(&r.publisher) => "phdthesis",
        ReferenceType::Report if base_ok && has(&r.publisher) => "techreport",
        _ => "misc",
    };
    let downgraded = entry_type == "misc"
        && !matches!(
            r.ref_type,
            ReferenceType::WebPage | ReferenceType::LegalDocument | ReferenceType::Other
        );
    if downgraded {
        warnings.push(Diagnostic::warning(
            "bibtex-reference-as-misc",
            format!(
                "reference {} lacks a field its entry type requires (author, title, year, container or publisher): written as @misc",
                r.id
            ),
            line,
        ));
    }

    // Every fact under its natural field; `place_fields` moves what the type lacks to note.
    let mut facts: Vec<(&'static str, String)> = Vec::new();
    if !has_authors {
        // plain.bst sorts by `key` when there is no author.
        let sort = r
            .title
            .as_deref()
            .filter(|t| !t.trim().is_empty())
            .unwrap_or(&r.raw);
        facts.push(("key", braced(&escape(sort))));
    }
    if has_authors {
        let mut names: Vec<String> = r.authors.iter().map(agent_name).collect();
        if r.et_al {
            names.push("others".to_string());
        }
        facts.push(("author", braced(&names.join(" and "))));
    }
    match r.title.as_deref().filter(|t| !t.trim().is_empty()) {
        Some(title) => facts.push(("title", title_value(title))),
        None => {
            facts.push(("title", title_value(&r.raw)));
            warnings.push(Diagnostic::warning(
                "reference-without-title",
                format!(
                    "reference {} has no title: its printed text is used as the title",
                    r.id
                ),
                line,
            ));
        }
    }
    let container = r.container.as_deref().filter(|c| !c.trim().is_empty());
    let publisher = r.publisher.as_deref().filter(|p| !p.trim().is_empty());
    if let Some(container) = container {
        let field = match entry_type {
            "article" => "journal",
            "inbook" => "booktitle",
            _ => "howpublished",
        };
        facts.push((field, braced(&escape(container))));
    }
    if let Some(publisher) = publisher {
        let field = match entry_type {
            "mastersthesis" | "phdthesis" => "school",
            "techreport" => "institution",
            "misc" if container.is_none() => "howpublished",
            "misc" => "organization",
            _ => "publisher",
        };
        facts.push((field, braced(&escape(publisher))));
    }
    if let Some(place) = r.place.as_deref().filter(|p| !p.trim().is_empty()) {
        facts.push(("address", braced(&escape(place))));
    }
    if let Some(edition) = r.edition.as_deref().filter(|e| !e.trim().is_empty()) {
        facts.push(("edition", braced(&escape(edition))));
    }
    if let Some(volume) = r.volume.as_ref().filter(|v| !v.trim().is_empty()) {
        // biber wants an integer volume; anything else is kept in note.
        match volume.number() {
            Some(n) => facts.push(("volume", braced(&n.to_string()))),
            None => facts.push(("note:volume", braced(&escape(volume)))),
        }
    }
    if let Some(issue) = r.issue.as_deref().filter(|i| !i.trim().is_empty()) {
        facts.push(("number", braced(&escape(issue))));
    }
    if let Some(pages) = &r.pages {
        facts.push(("pages", braced(&pages_value(pages))));
    }
    match (year, &r.year) {
        (Some(y), _) => facts.push(("year", braced(&y.to_string()))),
        (None, Some(raw)) if !raw.raw.trim().is_empty() => {
            facts.push(("note:year", braced(&escape(&raw.raw))));
        }
        _ => {}
    }
    if year.is_none() && entry_type == "misc" {
        facts.push(("date", braced("XXXX")));
    }
    if let Some(doi) = r.doi.as_deref().filter(|d| !d.trim().is_empty()) {
        facts.push(("doi", braced(&verbatim(doi))));
    }
    if let Some(url) = r.url.as_deref().filter(|u| !u.trim().is_empty()) {
        facts.push(("url", braced(&verbatim(url))));
    }
    if let Some(accessed) = r.accessed.as_deref().filter(|a| !a.trim().is_empty()) {
        let iso = western_digits(accessed.trim());
        if IsoDate::parse(&iso).is_ok_and(|d| d.day().is_some()) {
            facts.push(("urldate", braced(&iso)));
        } else {
            facts.push(("note:urldate", braced(&escape(accessed))));
        }
    }
    if let Some(langid) = langid(&r.lang) {
        facts.push(("langid", braced(langid)));
    }
    let fields = place_fields(facts, entry_type, &r.id, line, warnings);
    let first = r.authors.first().map(|a| match a {
        Agent::Person {
            family, as_written, ..
        } => family
            .as_deref()
            .map_or(KeyName::FullName(as_written), KeyName::Family),
        Agent::Organization { name } => KeyName::Organization(name),
    });
    let key = keys.claim(&key_base(first, year, r.title.as_deref()));
    Entry {
        entry_type,
        key,
        fields,
    }
}

/// Keeps the facts the entry type has fields for, in the type's field order, and joins the
/// rest into `note` (labelled), with one warning naming what moved.
fn place_fields(
    facts: Vec<(&'static str, String)>,
    entry_type: &'static str,
    id: &str,
    line: Option<usize>,
    warnings: &mut Vec<Diagnostic>,
) -> Vec<(&'static str, String)> {
    let allowed = allowed_fields(entry_type);
    let mut kept = Vec::new();
    let mut notes = Vec::new();
    let mut moved = Vec::new();
    for (field, value) in facts {
        let (field, forced) = match field.strip_prefix("note:") {
            Some(f) => (f, true),
            None => (field, false),
        };
        if !forced && allowed.contains(&field) {
            kept.push((field_name(field), value));
        } else {
            let label = NOTE_LABELS
                .iter()
                .find(|(f, _)| *f == field)
                .map_or("", |(_, l)| *l);
            notes.push(format!("{label}{}", unbrace(&value)));
            moved.push(field);
        }
    }
    if !moved.is_empty() {
        warnings.push(Diagnostic::warning(
            "bibtex-fields-in-note",
            format!(
                "reference {id}: @{entry_type} has no field for {}; written in note",
                moved.join(", ")
            ),
            line,
        ));
        kept.push(("note", braced(&notes.join("; "))));
    }
    order_fields(&mut kept, entry_type);
    kept
}

/// The `'static` name of a field (facts are named by the constants in this module).
fn field_name(field: &str) -> &'static str {
    TYPE_FIELDS
        .iter()
        .flat_map(|(_, fields)| fields.iter())
        .find(|f| **f == field)
        .copied()
        .unwrap_or("note")
}

fn allowed_fields(entry_type: &str) -> &'static [&'static str] {
    TYPE_FIELDS
        .iter()
        .find(|(t, _)| *t == entry_type)
        .map_or(&[], |(_, f)| *f)
}

/// Sorts fields into the type's field order.
fn order_fields(fields: &mut [(&'static str, String)], entry_type: &str) {
    let order = allowed_fields(entry_type);
    fields.sort_by_key(|(f, _)| order.iter().position(|o| o == f).unwrap_or(usize::MAX));
}

/// `{value}`.
fn braced(value: &str) -> String {
    format!("{{{value}}}")
}

/// The inside of a braced value.
fn unbrace(value: &str) -> &str {
    value
        .strip_prefix('{')
        .and_then(|v| v.strip_suffix('}'))
        .unwrap_or(value)
}

/// A title, braced twice so styles keep its capitalization as printed.
fn title_value(title: &str) -> String {
    format!("{{{{{}}}}}", escape(title))
}

/// Text with LaTeX/BibTeX special characters escaped so braces always balance; line breaks
/// become spaces (BibTeX reads them alike).
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.trim().chars() {
        match c {
            '\\' => out.push_str("\\textbackslash{}"),
            '{' => out.push_str("\\textbraceleft{}"),
            '}' => out.push_str("\\textbraceright{}"),
            '%' => out.push_str("\\%"),
            '&' => out.push_str("\\&"),
            '#' => out.push_str("\\#"),
            '$' => out.push_str("\\$"),
            '_' => out.push_str("\\_"),
            '~' => out.push_str("\\textasciitilde{}"),
            '^' => out.push_str("\\textasciicircum{}"),
            '\n' | '\r' | '\t' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// A `url`/`doi` value: kept as is (they are verbatim fields) except the characters that
/// would unbalance BibTeX's braces, percent-encoded, and whitespace.
fn verbatim(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.trim().chars() {
        match c {
            '{' => out.push_str("%7B"),
            '}' => out.push_str("%7D"),
            '\\' => out.push_str("%5C"),
            c if c.is_whitespace() => out.push_str("%20"),
            c => out.push(c),
        }
    }
    out
}

/// `first--last` when both are numbers, else the range as printed.
fn pages_value(pages: &PageRange) -> String {
    match (pages.first, pages.last) {
        (Some(first), Some(last)) => format!("{first}--{last}"),
        (Some(first), None) if parse_number(&pages.raw).is_some() => first.to_string(),
        _ => escape(&pages.raw),
    }
}

/// The babel language name of a BCP 47 tag, when papermeta knows it.
fn langid(lang: &str) -> Option<&'static str> {
    let primary = primary_language(lang);
    LANGIDS
        .iter()
        .find(|(code, _)| *code == primary)
        .map(|(_, name)| *name)
}

/// Whether a name part must be braced whole so BibTeX reads it as one token: it has more
/// than one token (space, hyphen, tie), a comma, or starts with a lower-case letter (a
/// "von" particle to BibTeX).
fn needs_brace(part: &str) -> bool {
    part.contains(|c: char| c.is_whitespace() || matches!(c, '-' | '~' | ','))
        || part.chars().next().is_some_and(|c| c.is_ascii_lowercase())
}

/// A person as `Family, Given`, with the family name (and a compound Arabic given name)
/// braced whole; a name without parts is braced whole.
fn person_name(family: Option<&str>, given: Option<&str>, as_written: &str) -> String {
    // A part with no letter or digit (a stray `-` or `.`) is no name part: BibTeX would read
    // it as a separator and reject the name.
    let family = family
        .map(str::trim)
        .filter(|f| f.chars().any(char::is_alphanumeric));
    let given = given
        .map(str::trim)
        .filter(|g| g.chars().any(char::is_alphanumeric));
    match family {
        Some(family) => {
            let fam = escape(family);
            let fam = if needs_brace(family) || is_and(family) {
                braced(&fam)
            } else {
                fam
            };
            match given {
                Some(given) => {
                    let giv = escape(given);
                    let compound = given.contains(char::is_whitespace)
                        && detect_script(given) == Script::Arabic;
                    let giv = if compound
                        || given.contains(',')
                        || given.split_whitespace().any(is_and)
                    {
                        braced(&giv)
                    } else {
                        giv
                    };
                    format!("{fam}, {giv}")
                }
                None => fam,
            }
        }
        None => braced(&escape(as_written)),
    }
}

/// Whether a word is the name separator `and`.
fn is_and(word: &str) -> bool {
    word.eq_ignore_ascii_case("and")
}

/// A cited work's author as a BibTeX name.
fn agent_name(a: &Agent) -> String {
    match a {
        Agent::Person {
            as_written,
            family,
            given,
        } => person_name(family.as_deref(), given.as_deref(), as_written),
        Agent::Organization { name } => braced(&escape(name)),
    }
}

/// The keys already given out, compared case-insensitively.
#[derive(Default)]
struct KeySet {
    used: HashSet<String>,
}

impl KeySet {
    /// `base`, or `base` with the first free suffix `a`, `b`, … `z`, `aa`, ….
    fn claim(&mut self, base: &str) -> String {
        let mut candidate = base.to_string();
        let mut n = 0usize;
        while self.used.contains(&candidate.to_ascii_lowercase()) {
            candidate = format!("{base}{}", letters(n));
            n += 1;
        }
        self.used.insert(candidate.to_ascii_lowercase());
        candidate
    }
}

/// `a`, `b`, … `z`, `aa`, `ab`, … for n = 0, 1, ….
fn letters(mut n: usize) -> String {
    let mut out = Vec::new();
    loop {
        out.push(b'a' + (n % 26) as u8);
        if n < 26 {
            break;
        }
        n = n / 26 - 1;
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

/// The ASCII letters and digits of the first romanized token of `word` that is not an
/// article.
fn key_token(word: &str) -> Option<String> {
    let word = word.trim_matches(|c: char| !c.is_alphanumeric());
    let word = match word.strip_prefix(ARABIC_ARTICLE) {
        Some(rest) if rest.chars().count() >= 3 => rest,
        _ => word,
    };
    romanize(word)
        .split(|c: char| !c.is_ascii_alphanumeric())
        .map(|t| t.to_ascii_lowercase())
        .find(|t| !t.is_empty() && !KEY_STOP_TOKENS.contains(&t.as_str()))
}

/// The name a key starts with, by what is known of it.
enum KeyName<'a> {
    /// A family name: all its words (`Abd Allah` → `abdallah`, `al-Rawi` → `rawi`).
    Family(&'a str),
    /// A person's whole name without parts: its last word.
    FullName(&'a str),
    /// An organization: its first significant word.
    Organization(&'a str),
}

impl KeyName<'_> {
    fn token(&self) -> Option<String> {
        let token: String = match self {
            KeyName::Family(name) => name.split_whitespace().filter_map(key_token).collect(),
            KeyName::FullName(name) => name.split_whitespace().rev().find_map(key_token)?,
            KeyName::Organization(name) => name
                .split_whitespace()
                .filter(|w| !is_stop_word(w))
                .find_map(key_token)?,
        };
        Some(token).filter(|t| !t.is_empty())
    }
}

/// Whether a word is punctuation only or in [`KEY_STOP_WORDS`].
fn is_stop_word(word: &str) -> bool {
    let bare = word.trim_matches(|c: char| !c.is_alphanumeric());
    bare.is_empty() || KEY_STOP_WORDS.iter().any(|s| s.eq_ignore_ascii_case(bare))
}

/// `name` + year + first significant title word, ASCII `[a-z0-9]`; `anon` without a name,
/// `nd` without a year.
fn key_base(name: Option<KeyName<'_>>, year: Option<i32>, title: Option<&str>) -> String {
    let name_part = name
        .and_then(|n| n.token())
        .unwrap_or_else(|| "anon".to_string());
    let year_part = year.map_or_else(|| "nd".to_string(), |y| y.to_string());
    let title_part = title
        .and_then(|t| {
            t.split(|c: char| c.is_whitespace() || matches!(c, '-' | '/' | ':'))
                .filter(|w| !is_stop_word(w))
                .find_map(key_token)
        })
        .map(|t| t.chars().take(KEY_WORD_MAX).collect::<String>())
        .unwrap_or_default();
    format!("{name_part}{year_part}{title_part}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::jsonld::test_fixtures::rich;
    use crate::validate::bibtex::validate_bibtex;

    fn render(doc: &Document, include_references: bool) -> (String, Vec<Diagnostic>) {
        match write_bibtex(doc, &BibtexOptions { include_references }) {
            Ok(e) => (String::from_utf8_lossy(&e.bytes).into_owned(), e.warnings),
            Err(e) => panic!("export failed: {e}"),
        }
    }

    #[test]
    fn own_article_comes_first_and_validates() {
        let (text, _) = render(&rich(), true);
        assert!(text.starts_with("@article{abdallah2024"), "{text}");
        assert!(text.contains("  journal = {مجلة المثال السياسية},\n"));
        assert!(text.contains("  pages = {193--220},\n"));
        assert!(text.contains("  month = mar,\n"));
        assert!(text.contains("  number = {٦٣},\n"));
        assert!(text.ends_with("}\n"));
        let report = validate_bibtex(text.as_bytes());
        assert!(report.diagnostics.is_empty(), "{:#?}", report.diagnostics);
        let (alone, _) = render(&rich(), false);
        assert_eq!(alone.matches('@').count(), 1);
    }

    #[test]
    fn reference_types_follow_available_fields() {
        let (text, warnings) = render(&rich(), true);
        let types: Vec<&str> = text
            .lines()
            .filter_map(|l| l.strip_prefix('@'))
            .filter_map(|l| l.split('{').next())
            .collect();
        assert_eq!(
            types,
            [
                "article",
                "book",
                "article",
                "mastersthesis",
                "misc",
                "inbook",
                "misc",
                "techreport",
                "misc",
                "phdthesis"
            ]
        );
        // The Hijri year cannot be a BibTeX year: @misc, year in note, date unspecified.
        assert!(text.contains("  note = {١٤٢٠هـ}"));
        assert!(text.contains("  date = {XXXX},"));
        assert!(text.contains("  urldate = {2020-01-05},"));
        assert!(text.contains("  note = {accessed 12/3/2020}"));
        let codes: Vec<&str> = warnings.iter().map(|w| w.code.as_str()).collect();
        assert!(codes.contains(&"bibtex-reference-as-misc"));
        assert!(codes.contains(&"bibtex-fields-in-note"));
    }

    #[test]
    fn escaping_keeps_braces_balanced() {
        assert_eq!(
            escape("a {b} 100% & #1 $x_y ~z^ \\ end"),
            "a \\textbraceleft{}b\\textbraceright{} 100\\% \\& \\#1 \\$x\\_y \\textasciitilde{}z\\textasciicircum{} \\textbackslash{} end"
        );
        assert_eq!(
            verbatim("https://x.org/a_b%20c?{1}"),
            "https://x.org/a_b%20c?%7B1%7D"
        );
        assert_eq!(escape("line one\nline two"), "line one line two");
    }

    #[test]
    fn names_are_written_family_first_and_kept_whole() {
        assert_eq!(
            person_name(Some("الياسري"), Some("علي"), ""),
            "الياسري, علي"
        );
        assert_eq!(
            person_name(Some("عبد الله"), Some("حسن"), ""),
            "{عبد الله}, حسن"
        );
        assert_eq!(
            person_name(Some("al-Sayyid"), Some("Ahmad"), ""),
            "{al-Sayyid}, Ahmad"
        );
        assert_eq!(
            person_name(Some("Smith"), Some("John Paul"), ""),
            "Smith, John Paul"
        );
        assert_eq!(
            person_name(Some("محمد"), Some("أبو بكر"), ""),
            "محمد, {أبو بكر}"
        );
        assert_eq!(person_name(None, None, "كاتب مجهول"), "{كاتب مجهول}");
        assert_eq!(
            agent_name(&Agent::Organization {
                name: "Ministry of Planning & Development".into()
            }),
            "{Ministry of Planning \\& Development}"
        );
        let (text, _) = render(&rich(), true);
        assert!(text.contains("author = {Smith, John and {al-Sayyid}, Ahmad and others}"));
    }

    #[test]
    fn keys_are_ascii_readable_and_unique() {
        assert_eq!(
            key_base(
                Some(KeyName::Family("Smith")),
                Some(2019),
                Some("The Power of Order")
            ),
            "smith2019power"
        );
        assert_eq!(key_base(None, None, None), "anonnd");
        assert_eq!(
            key_base(
                Some(KeyName::Organization("The World Bank")),
                Some(2018),
                Some("A Report")
            ),
            "world2018report"
        );
        let mut keys = KeySet::default();
        assert_eq!(keys.claim("x2020a"), "x2020a");
        assert_eq!(keys.claim("X2020A"), "X2020Aa");
        assert_eq!(letters(25), "z");
        assert_eq!(letters(26), "aa");
        let base = key_base(Some(KeyName::Family("ناصر")), Some(2011), Some("في الوجود"));
        assert!(base.is_ascii() && base.contains("2011"), "{base}");
        assert!(!base.starts_with("anon"), "{base}");
    }

    #[test]
    fn missing_year_and_journal_are_warnings() {
        let mut doc = rich();
        doc.front.publication.published = None;
        let (text, warnings) = render(&doc, false);
        assert!(!text.contains("year ="));
        assert!(warnings.iter().any(|w| w.code == "missing-year"));
        doc.front.publication.journal = None;
        let (text, warnings) = render(&doc, false);
        assert!(text.starts_with("@misc{"), "{text}");
        assert!(!text.contains("journal ="));
        assert!(warnings.iter().any(|w| w.code == "bibtex-paper-as-misc"));
    }

    #[test]
    fn a_paper_without_authors_is_a_misc_entry_sorted_by_title() {
        let mut doc = rich();
        doc.front
            .contributors
            .retain(|c| c.role != crate::model::ContributorRole::Author);
        let (text, warnings) = render(&doc, false);
        assert!(text.starts_with("@misc{"), "{text}");
        assert!(!text.contains("author ="), "{text}");
        assert!(text.contains("  key = {"), "{text}");
        assert!(warnings
            .iter()
            .any(|w| w.code == "bibtex-paper-as-misc" && w.message.contains("no author")));
        let report = validate_bibtex(text.as_bytes());
        assert!(report.diagnostics.is_empty(), "{:#?}", report.diagnostics);
    }

    #[test]
    fn only_a_valid_issn_and_a_real_access_date_are_written() {
        let mut doc = rich();
        let (text, _) = render(&doc, true);
        assert!(text.contains("  issn = {2070-9250},\n"), "{text}");
        assert!(text.contains("urldate = {2020-01-05}"), "{text}");
        let set_issn = |doc: &mut Document, issn: &str| {
            if let Some(j) = doc.front.publication.journal.as_mut() {
                j.issn_print = Some(issn.into());
            }
        };
        set_issn(&mut doc, "2070-9251");
        let (text, _) = render(&doc, false);
        assert!(!text.contains("issn ="), "{text}");
        set_issn(&mut doc, "1050-124x");
        let (text, _) = render(&doc, false);
        assert!(text.contains("  issn = {1050-124X},\n"), "{text}");
        for r in doc
            .back
            .reference_groups
            .iter_mut()
            .flat_map(|g| g.references.iter_mut())
        {
            if r.accessed.is_some() {
                r.accessed = Some("2020-02-30".into());
            }
        }
        let (text, _) = render(&doc, true);
        assert!(!text.contains("urldate ="), "{text}");
        assert!(text.contains("accessed 2020-02-30"), "{text}");
    }
}
