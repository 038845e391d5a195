//! schema.org `ScholarlyArticle` JSON-LD.
//!
//! One JSON object with `"@context": "https://schema.org"`, pretty-printed with a fixed key
//! order and a final newline. Every type and property written here exists in schema.org and
//! is used on a type in its domain (checked by `../shared/tools/check-jsonld`); what schema.org
//! cannot hold is reported as a warning.
//!
//! Word count rule (`wordCount`): the words of the body — paragraphs, list items, quotations
//! and section headings (label and title) before and inside sections — where a word is a
//! whitespace-separated token holding at least one letter or digit. Footnote markers,
//! footnotes, the reference list (sections of kind `references`/`reference-group` and all
//! their subsections) and the front matter are not counted.

use super::{Export, ExportError};
use crate::model::identifiers::{IssnError, DOI_RESOLVER, ORCID_RESOLVER};
use crate::model::{
    Affiliation, Agent, Block, Contributor, ContributorRole, Diagnostic, Document, Front,
    HistoryKind, LocalizedText, PageRange, Reference, ReferenceType, Section, SectionKind,
};
use serde_json::{json, Map, Value};

const FORMAT: &str = "JSON-LD";

/// schema.org asks for headlines of at most this many characters.
pub const HEADLINE_MAX_CHARS: usize = 110;

/// The schema.org type of a cited work, by reference type.
const CITATION_TYPES: &[(ReferenceType, &str)] = &[
    (ReferenceType::Book, "Book"),
    (ReferenceType::Chapter, "Chapter"),
    (ReferenceType::JournalArticle, "ScholarlyArticle"),
    (ReferenceType::MastersThesis, "Thesis"),
    (ReferenceType::DoctoralThesis, "Thesis"),
    (ReferenceType::NewsArticle, "NewsArticle"),
    (ReferenceType::WebPage, "WebPage"),
    (ReferenceType::Report, "Report"),
    (ReferenceType::LegalDocument, "Legislation"),
    (ReferenceType::Other, "CreativeWork"),
];

/// The schema.org type of the container (`Reference::container`) of a cited work.
const CONTAINER_TYPES: &[(ReferenceType, &str)] = &[
    (ReferenceType::JournalArticle, "Periodical"),
    (ReferenceType::NewsArticle, "Newspaper"),
    (ReferenceType::WebPage, "WebSite"),
    (ReferenceType::Chapter, "Book"),
    (ReferenceType::Book, "BookSeries"),
];

/// `Thesis.inSupportOf`, by reference type.
const THESIS_DEGREES: &[(ReferenceType, &str)] = &[
    (ReferenceType::MastersThesis, "Master's degree"),
    (ReferenceType::DoctoralThesis, "Doctoral degree"),
];

/// Cited-work types on which schema.org allows `pagination`/`pageStart`/`pageEnd`
/// (Article and its subclasses, Chapter).
const PAGINATED_TYPES: &[&str] = &["ScholarlyArticle", "NewsArticle", "Report", "Chapter"];

/// Container types whose volume and issue are written as PublicationVolume/PublicationIssue.
const PERIODICAL_TYPES: &[&str] = &["Periodical", "Newspaper"];

/// `PropertyValue.propertyID` of a DOI.
const DOI_PROPERTY: &str = "DOI";
/// `PropertyValue.propertyID` of an ORCID iD.
const ORCID_PROPERTY: &str = "ORCID";

/// Serializes the document as a schema.org `ScholarlyArticle`.
///
/// Fails only when the title, the language or every author is missing (the JSON-LD schema
/// requires them); other missing facts become warnings.
pub fn write_jsonld(doc: &Document) -> Result<Export, ExportError> {
    let front = &doc.front;
    let mut warnings = Vec::new();
    let main_title = super::required_title(doc, FORMAT)?;
    let language = if front.language.trim().is_empty() {
        main_title.lang.trim()
    } else {
        front.language.trim()
    };
    if language.is_empty() {
        return Err(ExportError::MissingFact {
            format: FORMAT,
            what: "the article language",
            key: "article.title",
        });
    }
    let authors = super::required_authors(doc, FORMAT)?;

    let mut root = Map::new();
    root.insert("@context".into(), json!("https://schema.org"));
    root.insert("@type".into(), json!("ScholarlyArticle"));
    let titles: Vec<&LocalizedText> = std::iter::once(main_title)
        .chain(
            front
                .titles
                .iter()
                .filter(|t| !std::ptr::eq(*t, main_title)),
        )
        .filter(|t| !t.text.trim().is_empty())
        .collect();
    if let Some(name) = localized(&titles) {
        root.insert("name".into(), name);
    }
    let headline_chars = main_title.text.chars().count();
    if headline_chars > HEADLINE_MAX_CHARS {
        warnings.push(Diagnostic::warning(
            "headline-too-long",
            format!(
                "the title has {headline_chars} characters; schema.org wants a headline of at most {HEADLINE_MAX_CHARS} (written whole)"
            ),
            main_title.source.map(|s| s.line),
        ));
    }
    root.insert("headline".into(), json!(main_title.text));
    root.insert("inLanguage".into(), json!(language));
    root.insert(
        "author".into(),
        Value::Array(authors.iter().map(|c| person(c, front)).collect()),
    );
    for (role, property) in [
        (ContributorRole::Editor, "editor"),
        (ContributorRole::Translator, "translator"),
    ] {
        let people: Vec<Value> = front
            .contributors
            .iter()
            .filter(|c| c.role == role)
            .map(|c| person(c, front))
            .collect();
        if !people.is_empty() {
            root.insert(property.into(), Value::Array(people));
        }
    }
    let abstracts = super::abstracts_by_language(doc);
    let abstracts: Vec<&LocalizedText> = abstracts.iter().collect();
    if let Some(value) = localized(&abstracts) {
        root.insert("abstract".into(), value);
    }
    let keywords: Vec<Value> = front
        .keywords
        .iter()
        .flat_map(|g| g.keywords.iter().map(move |k| tagged(k, &g.lang)))
        .collect();
    if !keywords.is_empty() {
        root.insert("keywords".into(), Value::Array(keywords));
    }
    let publication = &front.publication;
    if let Some(subject) = publication.subject.as_deref().filter(|s| !s.is_empty()) {
        root.insert("genre".into(), json!(subject));
    }
    let sections = article_sections(&doc.body.sections);
    if !sections.is_empty() {
        root.insert("articleSection".into(), json!(sections));
    }
    if let Some(part_of) = is_part_of(front, &mut warnings) {
        root.insert("isPartOf".into(), part_of);
    }
    match &publication.published {
        Some(date) => {
            root.insert("datePublished".into(), json!(date.iso()));
        }
        None => warnings.push(Diagnostic::warning(
            "missing-date",
            "no publication date: datePublished is left out (set `article.published` in the metadata file)",
            None,
        )),
    }
    // schema.org has no received/accepted property: say so once, never invent one.
    let unrendered: Vec<&str> = publication
        .history
        .iter()
        .filter(|h| h.kind != HistoryKind::Published)
        .map(|h| match h.kind {
            HistoryKind::Received => "received",
            HistoryKind::Revised => "revised",
            _ => "accepted",
        })
        .collect();
    if !unrendered.is_empty() {
        warnings.push(Diagnostic::warning(
            "history-not-rendered",
            format!(
                "schema.org has no property for the submission history ({}); it is left out",
                unrendered.join(", ")
            ),
            None,
        ));
    }
    if let Some(pages) = &publication.pages {
        insert_pages(&mut root, pages);
    }
    if let Some(eloc) = &publication.elocation {
        warnings.push(Diagnostic::warning(
            "elocation-not-rendered",
            format!("schema.org has no property for the electronic location `{eloc}`"),
            None,
        ));
    }
    if let Some(doi) = publication.doi.as_deref().filter(|d| !d.is_empty()) {
        root.insert("identifier".into(), property_value(DOI_PROPERTY, doi));
        let iri = iri_escape(&format!("{DOI_RESOLVER}{doi}"));
        identify(&mut root, &iri);
        root.insert("sameAs".into(), json!(iri));
    }
    if let Some(url) = publication.url.as_deref().filter(|u| !u.is_empty()) {
        root.insert("url".into(), json!(absolute_url(url, None, &mut warnings)));
    }
    if let Some(license) = &publication.license {
        match (&license.url, &license.text) {
            (Some(url), None) => {
                root.insert(
                    "license".into(),
                    json!(absolute_url(url, None, &mut warnings)),
                );
            }
            (url, Some(text)) => {
                let mut node = typed("CreativeWork");
                node.insert("name".into(), json!(text));
                if let Some(url) = url {
                    node.insert("url".into(), json!(absolute_url(url, None, &mut warnings)));
                }
                root.insert("license".into(), Value::Object(node));
            }
            (None, None) => {}
        }
    }
    root.insert("wordCount".into(), json!(word_count(doc)));
    // A DOI that names two nodes (a repeated entry, the article citing itself) would merge them
    // in RDF: only a DOI used once becomes a node's `@id`.
    let mut doi_uses: std::collections::HashMap<String, usize> = Default::default();
    let dois = doc.back.references().filter_map(|r| r.doi.as_deref());
    for doi in dois.chain(publication.doi.as_deref()) {
        *doi_uses.entry(doi.trim().to_lowercase()).or_default() += 1;
    }
    let citations: Vec<Value> = doc
        .back
        .references()
        .map(|r| {
            let own_doi = r.doi.as_deref().map(|d| d.trim().to_lowercase());
            let unique = own_doi.is_some_and(|d| doi_uses.get(&d) == Some(&1));
            citation(r, unique, &mut warnings)
        })
        .collect();
    if !citations.is_empty() {
        root.insert("citation".into(), Value::Array(citations));
    }

    let mut text =
        serde_json::to_string_pretty(&Value::Object(root)).map_err(|e| ExportError::Serialize {
            format: FORMAT,
            message: e.to_string(),
        })?;
    text.push('\n');
    Ok(Export {
        bytes: text.into_bytes(),
        warnings,
    })
}

/// A language-tagged string (`{"@value", "@language"}`), or a plain string when the language
/// is unknown.
fn tagged(text: &str, lang: &str) -> Value {
    if lang.trim().is_empty() {
        json!(text)
    } else {
        json!({ "@value": text, "@language": lang.trim() })
    }
}

/// One tagged value, an array of them, or nothing.
fn localized(texts: &[&LocalizedText]) -> Option<Value> {
    match texts {
        [] => None,
        [one] => Some(tagged(&one.text, &one.lang)),
        many => Some(Value::Array(
            many.iter().map(|t| tagged(&t.text, &t.lang)).collect(),
        )),
    }
}

/// A fresh node with its `@type`.
fn typed(schema_type: &str) -> Map<String, Value> {
    let mut node = Map::new();
    node.insert("@type".into(), json!(schema_type));
    node
}

/// A `PropertyValue` identifier.
/// Names a node by its persistent IRI (DOI, ORCID), placed right after its `@type`. Harvesters
/// merge what they know of one work or person under it; it also keeps the node out of blank-node
/// matching, which RDF consumers pay for per node.
fn identify(node: &mut Map<String, Value>, iri: &str) {
    let at = node.keys().position(|k| k == "@type").map_or(0, |i| i + 1);
    node.shift_insert(at, "@id".into(), json!(iri));
}

fn property_value(id: &str, value: &str) -> Value {
    json!({ "@type": "PropertyValue", "propertyID": id, "value": value })
}

/// `url` values are IRIs in the schema.org context: a URL printed without a scheme
/// (`www.example.org/x`) would become a relative IRI, so it gets `http://`.
fn absolute_url(url: &str, line: Option<usize>, warnings: &mut Vec<Diagnostic>) -> String {
    let url = url.trim();
    let has_scheme = url
        .split_once(':')
        .map(|(scheme, _)| {
            !scheme.is_empty()
                && scheme
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
                && scheme
                    .chars()
                    .next()
                    .is_some_and(|c| c.is_ascii_alphabetic())
        })
        .unwrap_or(false);
    if has_scheme {
        iri_escape(url)
    } else {
        warnings.push(Diagnostic::warning(
            "url-without-scheme",
            format!("the URL `{url}` has no scheme; written as http://{url}"),
            line,
        ));
        iri_escape(&format!("http://{url}"))
    }
}

/// Percent-encodes the characters an IRI may not hold (space, `"<>\^`{|}`, controls and
/// invisible format characters), so
/// RDF tools accept the value; everything else is kept.
fn iri_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_whitespace()
            || c.is_control()
            || crate::script::is_invisible(c)
            || matches!(c, '"' | '<' | '>' | '\\' | '^' | '`' | '{' | '|' | '}')
        {
            let mut buf = [0u8; 4];
            for b in c.encode_utf8(&mut buf).bytes() {
                out.push_str(&format!("%{b:02X}"));
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// `pagination`, and `pageStart`/`pageEnd` when the pages are numbers.
fn insert_pages(node: &mut Map<String, Value>, pages: &PageRange) {
    if !pages.raw.is_empty() {
        node.insert("pagination".into(), json!(pages.raw));
    }
    if let Some(first) = pages.first {
        node.insert("pageStart".into(), json!(first));
    }
    if let Some(last) = pages.last {
        node.insert("pageEnd".into(), json!(last));
    }
}

/// A contributor as a `Person`.
fn person(c: &Contributor, front: &Front) -> Value {
    let mut node = typed("Person");
    node.insert("name".into(), json!(c.name.as_written));
    if let Some(given) = c.name.given.as_deref().filter(|g| !g.is_empty()) {
        node.insert("givenName".into(), json!(given));
    }
    if let Some(family) = c.name.family.as_deref().filter(|f| !f.is_empty()) {
        node.insert("familyName".into(), json!(family));
    }
    let alternates: Vec<&str> = c
        .alt_names
        .iter()
        .map(|n| n.as_written.as_str())
        .filter(|n| !n.is_empty() && *n != c.name.as_written)
        .collect();
    match alternates.as_slice() {
        [] => {}
        [one] => {
            node.insert("alternateName".into(), json!(one));
        }
        many => {
            node.insert("alternateName".into(), json!(many));
        }
    }
    if let Some(prefix) = &c.prefix {
        node.insert("honorificPrefix".into(), json!(prefix.as_written));
    }
    if let Some(position) = c.position.as_deref().filter(|p| !p.trim().is_empty()) {
        node.insert("jobTitle".into(), json!(position));
    }
    if let Some(email) = c.email.as_deref().filter(|e| !e.is_empty()) {
        node.insert("email".into(), json!(email));
    }
    if let Some(orcid) = c.orcid.as_deref().filter(|o| !o.is_empty()) {
        node.insert("identifier".into(), property_value(ORCID_PROPERTY, orcid));
        let iri = iri_escape(&format!("{ORCID_RESOLVER}{orcid}"));
        identify(&mut node, &iri);
        node.insert("sameAs".into(), json!(iri));
    }
    let affiliations: Vec<Value> = c
        .affiliation_ids
        .iter()
        .filter_map(|id| front.affiliations.iter().find(|a| &a.id == id))
        .map(organization)
        .collect();
    if !affiliations.is_empty() {
        node.insert("affiliation".into(), Value::Array(affiliations));
    }
    Value::Object(node)
}

/// An affiliation as an `Organization`: the most specific unit named (department, then
/// faculty, then institution), each unit the `parentOrganization` of the one below it; the
/// printed text is the name when no part is known.
fn organization(a: &Affiliation) -> Value {
    let units: Vec<&str> = [&a.department, &a.faculty, &a.institution]
        .into_iter()
        .filter_map(|u| u.as_deref())
        .filter(|u| !u.trim().is_empty())
        .collect();
    let mut node: Option<Map<String, Value>> = None;
    // Build from the institution down so each unit holds its parent.
    for unit in units.iter().rev() {
        let mut org = typed("Organization");
        org.insert("name".into(), json!(unit));
        if let Some(parent) = node.take() {
            org.insert("parentOrganization".into(), Value::Object(parent));
        }
        node = Some(org);
    }
    let mut node = node.unwrap_or_else(|| {
        let mut org = typed("Organization");
        org.insert("name".into(), json!(a.raw));
        org
    });
    let city = a.city.as_deref().filter(|c| !c.trim().is_empty());
    let country = a.country.as_deref().filter(|c| !c.trim().is_empty());
    if city.is_some() || country.is_some() {
        let mut address = typed("PostalAddress");
        if let Some(city) = city {
            address.insert("addressLocality".into(), json!(city));
        }
        if let Some(country) = country {
            address.insert("addressCountry".into(), json!(country));
        }
        node.insert("address".into(), Value::Object(address));
    }
    Value::Object(node)
}

/// The `isPartOf` chain: PublicationIssue → PublicationVolume → Periodical, as far as known.
fn is_part_of(front: &Front, warnings: &mut Vec<Diagnostic>) -> Option<Value> {
    let publication = &front.publication;
    let periodical = match &publication.journal {
        Some(journal) => {
            let mut node = typed("Periodical");
            let titles: Vec<&LocalizedText> = journal
                .titles
                .iter()
                .filter(|t| !t.text.trim().is_empty())
                .collect();
            match localized(&titles) {
                Some(name) => {
                    node.insert("name".into(), name);
                }
                None => warnings.push(Diagnostic::warning(
                    "missing-journal-title",
                    "the journal has no title (set `journal.title` in the metadata file)",
                    None,
                )),
            }
            let mut issns: Vec<String> = Vec::new();
            for issn in [&journal.issn_print, &journal.issn_electronic]
                .into_iter()
                .flatten()
            {
                match issn.reading() {
                    Ok(valid) => issns.push(valid.to_string()),
                    Err(IssnError::Form(_)) => {
                        warnings.push(Diagnostic::warning(
                            "invalid-issn",
                            format!("the ISSN `{issn}` is not of the form NNNN-NNNC; left out"),
                            None,
                        ));
                    }
                    // Kept: the form is right, only the printed check digit is not.
                    Err(IssnError::CheckDigit { .. }) => {
                        warnings.push(Diagnostic::warning(
                            "issn-check-digit",
                            format!("the ISSN `{issn}` has a wrong check digit"),
                            None,
                        ));
                        issns.push(issn.to_string());
                    }
                }
            }
            match issns.as_slice() {
                [] => warnings.push(Diagnostic::warning(
                    "missing-issn",
                    "the journal has no ISSN (set `journal.issn_print` or `journal.issn_electronic`)",
                    None,
                )),
                [one] => {
                    node.insert("issn".into(), json!(one));
                }
                many => {
                    node.insert("issn".into(), json!(many));
                }
            }
            if let Some(name) = journal.publisher_name.as_deref().filter(|n| !n.is_empty()) {
                let mut publisher = typed("Organization");
                publisher.insert("name".into(), json!(name));
                if let Some(place) = journal.publisher_place.as_deref().filter(|p| !p.is_empty()) {
                    publisher.insert("location".into(), json!(place));
                }
                node.insert("publisher".into(), Value::Object(publisher));
            }
            Some(node)
        }
        None => {
            warnings.push(Diagnostic::warning(
                "missing-journal",
                "no journal is known: isPartOf names no Periodical (set `[journal]` in the metadata file)",
                None,
            ));
            None
        }
    };
    periodical_chain(
        periodical,
        publication.volume.as_deref(),
        publication.issue.as_deref(),
    )
    .map(Value::Object)
}

/// Wraps a periodical in PublicationVolume and PublicationIssue nodes as far as known.
fn periodical_chain(
    periodical: Option<Map<String, Value>>,
    volume: Option<&str>,
    issue: Option<&str>,
) -> Option<Map<String, Value>> {
    let mut node = periodical;
    if let Some(volume) = volume.filter(|v| !v.trim().is_empty()) {
        let mut vol = typed("PublicationVolume");
        vol.insert("volumeNumber".into(), json!(volume));
        if let Some(parent) = node.take() {
            vol.insert("isPartOf".into(), Value::Object(parent));
        }
        node = Some(vol);
    }
    if let Some(issue) = issue.filter(|i| !i.trim().is_empty()) {
        let mut iss = typed("PublicationIssue");
        iss.insert("issueNumber".into(), json!(issue));
        if let Some(parent) = node.take() {
            iss.insert("isPartOf".into(), Value::Object(parent));
        }
        node = Some(iss);
    }
    node
}

/// Titles of the top-level sections, the reference list excluded.
fn article_sections(sections: &[Section]) -> Vec<String> {
    sections
        .iter()
        .filter(|s| !is_reference_section(s))
        .filter_map(|s| {
            let title = s.title_text();
            let title = title.trim();
            if !title.is_empty() {
                Some(title.to_string())
            } else {
                s.label
                    .as_deref()
                    .map(str::trim)
                    .filter(|l| !l.is_empty())
                    .map(str::to_string)
            }
        })
        .collect()
}

fn is_reference_section(s: &Section) -> bool {
    matches!(
        s.kind,
        SectionKind::References | SectionKind::ReferenceGroup | SectionKind::Notes
    )
}

/// Words of `text`: whitespace-separated tokens with at least one letter or digit.
fn count_words(text: &str) -> usize {
    text.split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count()
}

fn block_words(block: &Block) -> usize {
    match block {
        Block::Paragraph(p) => count_words(&crate::model::inline_text(&p.content)),
        Block::Quote(q) => count_words(&crate::model::inline_text(&q.content)),
        Block::List(l) => l
            .items
            .iter()
            .map(|i| count_words(&crate::model::inline_text(&i.content)))
            .sum(),
    }
}

fn section_words(s: &Section) -> usize {
    if is_reference_section(s) {
        return 0;
    }
    let heading = count_words(&s.title_text()) + s.label.as_deref().map(count_words).unwrap_or(0);
    heading
        + s.blocks.iter().map(block_words).sum::<usize>()
        + s.sections.iter().map(section_words).sum::<usize>()
}

/// The body word count (see the module documentation for the rule).
pub fn word_count(doc: &Document) -> usize {
    doc.body.blocks.iter().map(block_words).sum::<usize>()
        + doc.body.sections.iter().map(section_words).sum::<usize>()
}

fn lookup<'a>(table: &'a [(ReferenceType, &'a str)], t: ReferenceType) -> Option<&'a str> {
    table.iter().find(|(k, _)| *k == t).map(|(_, v)| *v)
}

/// An author of a cited work as a `Person` or `Organization`.
fn agent(a: &Agent) -> Value {
    match a {
        Agent::Person {
            as_written,
            family,
            given,
        } => {
            let mut node = typed("Person");
            node.insert("name".into(), json!(as_written));
            if let Some(given) = given.as_deref().filter(|g| !g.is_empty()) {
                node.insert("givenName".into(), json!(given));
            }
            if let Some(family) = family.as_deref().filter(|f| !f.is_empty()) {
                node.insert("familyName".into(), json!(family));
            }
            Value::Object(node)
        }
        Agent::Organization { name } => {
            let mut node = typed("Organization");
            node.insert("name".into(), json!(name));
            Value::Object(node)
        }
    }
}

/// One entry of the reference list as a typed `citation` node.
fn citation(r: &Reference, doi_is_unique: bool, warnings: &mut Vec<Diagnostic>) -> Value {
    let line = Some(r.source.line);
    let schema_type = lookup(CITATION_TYPES, r.ref_type).unwrap_or("CreativeWork");
    let mut node = typed(schema_type);
    let lang = r.lang.trim();
    match r.title.as_deref().filter(|t| !t.trim().is_empty()) {
        Some(title) => {
            node.insert("name".into(), tagged(title, lang));
        }
        None => {
            // The printed entry is the best name there is; nothing of it is lost.
            node.insert("name".into(), tagged(&r.raw, lang));
            warnings.push(Diagnostic::warning(
                "reference-without-title",
                format!(
                    "reference {} has no title: its printed text is used as its name",
                    r.id
                ),
                line,
            ));
        }
    }
    if !r.authors.is_empty() {
        node.insert(
            "author".into(),
            Value::Array(r.authors.iter().map(agent).collect()),
        );
    }
    if r.et_al {
        warnings.push(Diagnostic::warning(
            "et-al-not-rendered",
            format!(
                "reference {}: schema.org cannot say that the author list is cut short (et al.)",
                r.id
            ),
            line,
        ));
    }
    if let Some(year) = &r.year {
        match year.value {
            Some(y) => {
                node.insert("datePublished".into(), json!(format!("{y:04}")));
            }
            None => warnings.push(Diagnostic::warning(
                "reference-date-not-rendered",
                format!(
                    "reference {}: the date `{}` is not a year and is left out",
                    r.id, year.raw
                ),
                line,
            )),
        }
    }
    if let Some(edition) = r.edition.as_deref().filter(|e| !e.is_empty()) {
        let property = if schema_type == "Book" {
            "bookEdition"
        } else {
            "version"
        };
        node.insert(property.into(), json!(edition));
    }
    if let Some(degree) = lookup(THESIS_DEGREES, r.ref_type) {
        node.insert("inSupportOf".into(), json!(degree));
    }
    let publisher = r.publisher.as_deref().filter(|p| !p.trim().is_empty());
    let place = r.place.as_deref().filter(|p| !p.trim().is_empty());
    if let Some(name) = publisher {
        let mut org = typed("Organization");
        org.insert("name".into(), json!(name));
        if let Some(place) = place {
            org.insert("location".into(), json!(place));
        }
        node.insert("publisher".into(), Value::Object(org));
    } else if let Some(place) = place {
        let mut p = typed("Place");
        p.insert("name".into(), json!(place));
        node.insert("locationCreated".into(), Value::Object(p));
    }
    insert_container(&mut node, r, schema_type, warnings);
    if let Some(pages) = &r.pages {
        if PAGINATED_TYPES.contains(&schema_type) {
            insert_pages(&mut node, pages);
        } else {
            warnings.push(Diagnostic::warning(
                "reference-pages-not-rendered",
                format!(
                    "reference {}: schema.org has no pages for a {schema_type}; `{}` is left out",
                    r.id, pages.raw
                ),
                line,
            ));
        }
    }
    if let Some(url) = r.url.as_deref().filter(|u| !u.trim().is_empty()) {
        node.insert("url".into(), json!(absolute_url(url, line, warnings)));
    }
    if let Some(doi) = r.doi.as_deref().filter(|d| !d.trim().is_empty()) {
        node.insert("identifier".into(), property_value(DOI_PROPERTY, doi));
        let iri = iri_escape(&format!("{DOI_RESOLVER}{doi}"));
        if doi_is_unique {
            identify(&mut node, &iri);
        }
        node.insert("sameAs".into(), json!(iri));
    }
    if let Some(accessed) = r.accessed.as_deref().filter(|a| !a.is_empty()) {
        warnings.push(Diagnostic::warning(
            "access-date-not-rendered",
            format!(
                "reference {}: schema.org has no access date; `{accessed}` is left out",
                r.id
            ),
            line,
        ));
    }
    if !lang.is_empty() {
        node.insert("inLanguage".into(), json!(lang));
    }
    Value::Object(node)
}

/// `isPartOf` of a cited work: its container, wrapped in volume and issue for periodicals.
fn insert_container(
    node: &mut Map<String, Value>,
    r: &Reference,
    schema_type: &str,
    warnings: &mut Vec<Diagnostic>,
) {
    let line = Some(r.source.line);
    let container_type = lookup(CONTAINER_TYPES, r.ref_type).unwrap_or("CreativeWork");
    let container = r
        .container
        .as_deref()
        .filter(|c| !c.trim().is_empty())
        .map(|name| {
            let mut c = typed(container_type);
            c.insert("name".into(), tagged(name, &r.lang));
            c
        });
    let volume = r.volume.as_deref().filter(|v| !v.trim().is_empty());
    let issue = r.issue.as_deref().filter(|i| !i.trim().is_empty());
    let part_of = if PERIODICAL_TYPES.contains(&container_type) {
        periodical_chain(container, volume, issue)
    } else {
        if let Some(issue) = issue {
            if schema_type == "Report" {
                node.insert("reportNumber".into(), json!(issue));
            } else {
                warnings.push(Diagnostic::warning(
                    "reference-issue-not-rendered",
                    format!(
                        "reference {}: schema.org has no issue number for a {schema_type}; `{issue}` is left out",
                        r.id
                    ),
                    line,
                ));
            }
        }
        if let Some(volume) = volume {
            warnings.push(Diagnostic::warning(
                "reference-volume-not-rendered",
                format!(
                    "reference {}: schema.org has no volume for a {schema_type}; `{volume}` is left out",
                    r.id
                ),
                line,
            ));
        }
        container
    };
    if let Some(part_of) = part_of {
        node.insert("isPartOf".into(), Value::Object(part_of));
    }
}

/// A hand-made rich document shared by the writers' unit tests.
#[cfg(test)]
pub(crate) mod test_fixtures {
    use crate::model::Document;

    /// An Arabic paper with an English title and abstract, two authors, an editor, a full
    /// publication record, sections (one the reference list) and a reference of every type.
    pub(crate) const RICH: &str = r#"{
  "format_version": 1,
  "source": {"file_name": "t.txt", "encoding": "UTF-8", "sha256": "00", "line_count": 400},
  "front": {
    "language": "ar",
    "titles": [
      {"lang": "ar", "text": "التحولات في بنية الدولة: دراسة مقارنة", "source": {"line": 1, "end_line": 1}},
      {"lang": "en", "text": "Shifts in State Structure: A Comparative Study"}
    ],
    "contributors": [
      {"id": "c1", "name": {"as_written": "حسن عبد الله", "script": "arabic", "lang": "ar", "given": "حسن", "family": "عبد الله"},
       "alt_names": [{"as_written": "Hasan Abd Allah", "script": "latin", "lang": "en", "given": "Hasan", "family": "Abd Allah"}],
       "prefix": {"as_written": "أ.م.د", "meaning": "assistant-professor"},
       "email": "hasan@example.edu", "orcid": "0000-0002-1825-0097", "affiliation_ids": ["aff1"], "corresponding": true},
      {"id": "c2", "name": {"as_written": "Sara al-Rawi", "script": "latin", "lang": "en", "given": "Sara", "family": "al-Rawi"},
       "affiliation_ids": ["aff2"]},
      {"id": "c3", "role": "editor", "name": {"as_written": "Omar Khalid", "script": "latin", "lang": "en", "given": "Omar", "family": "Khalid"}}
    ],
    "affiliations": [
      {"id": "aff1", "raw": "جامعة المثال / كلية العلوم السياسية / قسم النظم", "lang": "ar",
       "institution": "جامعة المثال", "faculty": "كلية العلوم السياسية", "department": "قسم النظم",
       "city": "مدينة المثال", "country": "العراق"},
      {"id": "aff2", "raw": "Example Institute for Policy Research", "lang": "en"}
    ],
    "abstracts": [
      {"lang": "ar", "text": "يتناول البحث تحولات الدولة & أثرها 100% على {البنية}."},
      {"lang": "en", "text": "The paper studies state shifts."}
    ],
    "keywords": [
      {"lang": "ar", "keywords": ["الدولة", "البنية"]},
      {"lang": "en", "keywords": ["state", "structure"]}
    ],
    "publication": {
      "journal": {"titles": [{"lang": "ar", "text": "مجلة المثال السياسية"}, {"lang": "en", "text": "Example Political Journal"}],
                  "issn_print": "2070-9250", "publisher_name": "Example University Press", "publisher_place": "Example City"},
      "volume": "15", "issue": "٦٣",
      "published": {"year": 2024, "month": 3, "day": 15},
      "pages": {"raw": "193-220", "first": 193, "last": 220},
      "doi": "10.5555/pm.2024_15", "url": "https://journal.example.org/article/12",
      "license": {"url": "https://creativecommons.org/licenses/by/4.0/"},
      "subject": "Research Article"
    }
  },
  "body": {
    "pages": [],
    "blocks": [{"type": "paragraph", "content": [{"type": "text", "text": "مقدمة قصيرة جدا"}], "source": {"line": 10, "end_line": 10}}],
    "sections": [
      {"id": "sec1", "level": 1, "kind": "introduction", "label": "أولاً", "title": [{"type": "text", "text": "المقدمة"}],
       "blocks": [{"type": "paragraph", "content": [{"type": "text", "text": "نص الفقرة الأولى"}, {"type": "footnote-ref", "marker": "(1)", "footnote_id": "fn1"}, {"type": "text", "text": " - تتمة"}], "source": {"line": 12, "end_line": 13}}],
       "sections": [
         {"id": "sec1-1", "level": 2, "title": [{"type": "text", "text": "Sub heading"}],
          "blocks": [{"type": "list", "ordered": true, "items": [{"label": "1.", "content": [{"type": "text", "text": "one item"}], "source": {"line": 15, "end_line": 15}}], "source": {"line": 15, "end_line": 15}},
                     {"type": "quote", "content": [{"type": "text", "text": "a quoted line"}], "source": {"line": 16, "end_line": 16}}],
          "source": {"line": 14, "end_line": 14}}
       ],
       "source": {"line": 11, "end_line": 11}},
      {"id": "sec2", "level": 1, "kind": "references", "title": [{"type": "text", "text": "المصادر"}], "blocks": [],
       "sections": [], "source": {"line": 300, "end_line": 300}}
    ]
  },
  "back": {
    "footnotes": [{"id": "fn1", "page": 1, "label": "1", "number": 1, "text": "هامش لا يحسب", "source": {"line": 20, "end_line": 20}}],
    "reference_groups": [{"id": "refs1", "title": "المصادر العربية", "lang": "ar", "references": [
      {"id": "ref1", "raw": "ناصر، علي. الوجود والدولة. بغداد: دار المثال، ٢٠١١.", "lang": "ar", "type": "book",
       "authors": [{"kind": "person", "as_written": "علي ناصر", "family": "ناصر", "given": "علي"}],
       "year": {"raw": "٢٠١١", "value": 2011}, "title": "الوجود والدولة", "publisher": "دار المثال", "place": "بغداد",
       "edition": "ط2", "pages": {"raw": "٢٢", "first": 22}, "source": {"line": 301, "end_line": 301}},
      {"id": "ref2", "raw": "...", "lang": "en", "type": "journal-article",
       "authors": [{"kind": "person", "as_written": "John Smith", "family": "Smith", "given": "John"},
                   {"kind": "person", "as_written": "Ahmad al-Sayyid", "family": "al-Sayyid", "given": "Ahmad"}],
       "et_al": true, "year": {"raw": "2019", "value": 2019}, "title": "Power & Order in #Iraq_Politics",
       "container": "Journal of Examples", "volume": "7", "issue": "2", "pages": {"raw": "3-5", "first": 3, "last": 5},
       "doi": "10.1000/xyz{1}", "source": {"line": 302, "end_line": 302}},
      {"id": "ref3", "raw": "...", "lang": "ar", "type": "masters-thesis",
       "authors": [{"kind": "person", "as_written": "أبو بكر محمد", "family": "محمد", "given": "أبو بكر"}],
       "year": {"raw": "2015", "value": 2015}, "title": "رسالة عن الحكم", "publisher": "جامعة المثال", "source": {"line": 303, "end_line": 303}},
      {"id": "ref4", "raw": "...", "lang": "ar", "type": "web-page",
       "authors": [{"kind": "organization", "name": "وزارة التخطيط"}], "no_date": true,
       "title": "تقرير التنمية", "container": "موقع الوزارة", "url": "www.example.gov/report?id=1&x=2",
       "accessed": "12/3/2020", "source": {"line": 304, "end_line": 304}},
      {"id": "ref5", "raw": "...", "lang": "en", "type": "chapter",
       "authors": [{"kind": "person", "as_written": "Mary Jones", "family": "Jones", "given": "Mary"}],
       "year": {"raw": "2001", "value": 2001}, "title": "A Chapter", "container": "The Edited Book", "publisher": "Academic Press",
       "place": "London", "pages": {"raw": "10-20", "first": 10, "last": 20}, "source": {"line": 305, "end_line": 305}},
      {"id": "ref6", "raw": "قانون رقم ١٠ لسنة ٢٠٠٥", "lang": "ar", "type": "legal-document",
       "year": {"raw": "٢٠٠٥", "value": 2005}, "source": {"line": 306, "end_line": 306}},
      {"id": "ref7", "raw": "...", "lang": "en", "type": "report",
       "authors": [{"kind": "organization", "name": "World Bank"}], "year": {"raw": "2018", "value": 2018},
       "title": "Annual Report", "publisher": "World Bank", "issue": "44", "accessed": "2020-01-05",
       "url": "https://example.org/r.pdf", "source": {"line": 307, "end_line": 307}},
      {"id": "ref8", "raw": "...", "lang": "ar", "type": "news-article",
       "authors": [{"kind": "person", "as_written": "كاتب صحفي"}], "year": {"raw": "١٤٢٠هـ"},
       "title": "خبر", "container": "جريدة المثال", "source": {"line": 308, "end_line": 308}},
      {"id": "ref9", "raw": "...", "lang": "ar", "type": "doctoral-thesis",
       "authors": [{"kind": "person", "as_written": "علي ناصر", "family": "ناصر", "given": "علي"}],
       "year": {"raw": "2011", "value": 2011}, "title": "الوجود في الفكر", "publisher": "جامعة المثال", "place": "بغداد",
       "source": {"line": 309, "end_line": 309}}
    ], "source": {"line": 300, "end_line": 300}}]
  }
}"#;

    /// The rich document.
    pub(crate) fn rich() -> Document {
        match serde_json::from_str(RICH) {
            Ok(doc) => doc,
            Err(e) => panic!("test fixture does not parse: {e}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::test_fixtures::rich;
    use super::*;
    use crate::validate::jsonld::validate_jsonld;

    fn render(doc: &Document) -> (Value, Export) {
        let export = match write_jsonld(doc) {
            Ok(e) => e,
            Err(e) => panic!("export failed: {e}"),
        };
        let value = match serde_json::from_slice(&export.bytes) {
            Ok(v) => v,
            Err(e) => panic!("not JSON: {e}"),
        };
        (value, export)
    }

    #[test]
    fn rich_document_is_valid_against_the_schema() {
        let (_, export) = render(&rich());
        let report = validate_jsonld(&export.bytes);
        assert!(report.is_valid(), "{:#?}", report.diagnostics);
        assert!(export.bytes.ends_with(b"}\n"));
    }

    #[test]
    fn titles_are_language_tagged_and_headline_is_plain() {
        let (v, _) = render(&rich());
        assert_eq!(v["name"][0]["@language"], "ar");
        assert_eq!(
            v["name"][1]["@value"],
            "Shifts in State Structure: A Comparative Study"
        );
        assert_eq!(v["headline"], "التحولات في بنية الدولة: دراسة مقارنة");
        assert_eq!(v["inLanguage"], "ar");
        let keys: Vec<&String> = v
            .as_object()
            .map(|o| o.keys().collect())
            .unwrap_or_default();
        assert_eq!(keys.first().map(|k| k.as_str()), Some("@context"));
        assert_eq!(keys.get(1).map(|k| k.as_str()), Some("@type"));
    }

    #[test]
    fn authors_carry_latin_name_orcid_and_nested_affiliation() {
        let (v, _) = render(&rich());
        let a = &v["author"][0];
        assert_eq!(a["familyName"], "عبد الله");
        assert_eq!(a["alternateName"], "Hasan Abd Allah");
        assert_eq!(a["honorificPrefix"], "أ.م.د");
        assert_eq!(a["sameAs"], "https://orcid.org/0000-0002-1825-0097");
        let aff = &a["affiliation"][0];
        assert_eq!(aff["name"], "قسم النظم");
        assert_eq!(aff["parentOrganization"]["name"], "كلية العلوم السياسية");
        assert_eq!(
            aff["parentOrganization"]["parentOrganization"]["name"],
            "جامعة المثال"
        );
        assert_eq!(aff["address"]["addressCountry"], "العراق");
        assert_eq!(
            v["author"][1]["affiliation"][0]["name"],
            "Example Institute for Policy Research"
        );
        assert_eq!(v["editor"][0]["name"], "Omar Khalid");
    }

    #[test]
    fn persistent_identifiers_name_their_nodes_unless_shared() {
        let mut doc = rich();
        let (v, _) = render(&doc);
        let keys = |n: &Value| n.as_object().unwrap().keys().cloned().collect::<Vec<_>>();
        assert_eq!(v["@id"], "https://doi.org/10.5555/pm.2024_15");
        assert_eq!(keys(&v)[2], "@id", "right after @type");
        assert_eq!(
            v["author"][0]["@id"],
            "https://orcid.org/0000-0002-1825-0097"
        );
        let cited = v["citation"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["sameAs"].as_str().is_some_and(|s| s.contains("xyz")))
            .expect("the cited work with a DOI");
        assert!(cited["@id"]
            .as_str()
            .unwrap()
            .starts_with("https://doi.org/10.1000/xyz"));
        // The same DOI on the article and a reference: neither reference node is merged into it.
        let article_doi = doc.front.publication.doi.clone();
        let references = doc.back.reference_groups.iter_mut();
        for r in references.flat_map(|g| g.references.iter_mut()) {
            if r.doi.is_some() {
                r.doi = article_doi.clone();
            }
        }
        let (v, _) = render(&doc);
        assert_eq!(v["@id"], "https://doi.org/10.5555/pm.2024_15");
        for c in v["citation"].as_array().unwrap() {
            assert!(c.get("@id").is_none(), "{c}");
        }
    }

    #[test]
    fn publication_chain_dates_pages_and_identifiers() {
        let (v, _) = render(&rich());
        let issue = &v["isPartOf"];
        assert_eq!(issue["@type"], "PublicationIssue");
        assert_eq!(issue["issueNumber"], "٦٣");
        assert_eq!(issue["isPartOf"]["volumeNumber"], "15");
        assert_eq!(issue["isPartOf"]["isPartOf"]["issn"], "2070-9250");
        assert_eq!(v["datePublished"], "2024-03-15");
        assert_eq!(v["pageStart"], 193);
        assert_eq!(v["identifier"]["propertyID"], "DOI");
        assert_eq!(v["sameAs"], "https://doi.org/10.5555/pm.2024_15");
        assert_eq!(v["articleSection"], json!(["المقدمة"]));
    }

    #[test]
    fn word_count_follows_the_documented_rule() {
        // blocks: 3; section: label 1 + title 1 + paragraph 4 ("-" is not a word);
        // subsection: title 2 + list 2 + quote 3; references and footnotes excluded.
        assert_eq!(word_count(&rich()), 3 + 2 + 4 + 2 + 2 + 3);
    }

    #[test]
    fn citations_are_typed_with_containers() {
        let (v, export) = render(&rich());
        let c = &v["citation"];
        assert_eq!(c[0]["@type"], "Book");
        assert_eq!(c[0]["bookEdition"], "ط2");
        assert_eq!(c[0]["publisher"]["location"], "بغداد");
        assert_eq!(c[1]["@type"], "ScholarlyArticle");
        assert_eq!(c[1]["isPartOf"]["@type"], "PublicationIssue");
        assert_eq!(
            c[1]["isPartOf"]["isPartOf"]["isPartOf"]["@type"],
            "Periodical"
        );
        assert_eq!(c[2]["inSupportOf"], "Master's degree");
        assert_eq!(c[3]["isPartOf"]["@type"], "WebSite");
        assert_eq!(c[3]["url"], "http://www.example.gov/report?id=1&x=2");
        assert_eq!(c[3]["author"][0]["@type"], "Organization");
        assert_eq!(c[4]["@type"], "Chapter");
        assert_eq!(c[4]["isPartOf"]["@type"], "Book");
        assert_eq!(c[5]["@type"], "Legislation");
        assert_eq!(c[5]["name"]["@value"], "قانون رقم ١٠ لسنة ٢٠٠٥");
        assert_eq!(c[6]["reportNumber"], "44");
        let codes: Vec<&str> = export.warnings.iter().map(|w| w.code.as_str()).collect();
        for code in [
            "reference-pages-not-rendered",
            "et-al-not-rendered",
            "url-without-scheme",
            "access-date-not-rendered",
            "reference-without-title",
            "reference-date-not-rendered",
        ] {
            assert!(codes.contains(&code), "{code} missing from {codes:?}");
        }
    }

    #[test]
    fn long_headline_is_warned_not_cut() {
        let mut doc = rich();
        let long = "A".repeat(120);
        if let Some(t) = doc.front.titles.first_mut() {
            t.text = long.clone();
        }
        let (v, export) = render(&doc);
        assert_eq!(v["headline"], long);
        assert!(export
            .warnings
            .iter()
            .any(|w| w.code == "headline-too-long"));
    }

    #[test]
    fn missing_facts() {
        let mut doc = rich();
        doc.front.publication = Default::default();
        let (v, export) = render(&doc);
        assert!(v.get("isPartOf").is_none());
        let codes: Vec<&str> = export.warnings.iter().map(|w| w.code.as_str()).collect();
        assert!(codes.contains(&"missing-journal") && codes.contains(&"missing-date"));
        doc.front
            .contributors
            .retain(|c| c.role != ContributorRole::Author);
        assert!(matches!(
            write_jsonld(&doc),
            Err(ExportError::MissingFact {
                key: "authors[].name",
                ..
            })
        ));
        doc.front.titles.clear();
        assert!(matches!(
            write_jsonld(&doc),
            Err(ExportError::MissingFact {
                key: "article.title",
                ..
            })
        ));
    }

    #[test]
    fn real_consumer_accepts_the_output() {
        let tool =
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/tools/check-jsonld");
        if !tool.exists() {
            crate::testing::skip(&format!("{} is absent", tool.display()));
            return;
        }
        let (_, export) = render(&rich());
        let dir = tempfile::tempdir().map_err(|e| e.to_string());
        let Ok(dir) = dir else { panic!("tempdir") };
        let path = dir.path().join("a.jsonld");
        assert!(std::fs::write(&path, &export.bytes).is_ok());
        let Ok(out) = std::process::Command::new(&tool).arg(&path).output() else {
            panic!("cannot run {}", tool.display())
        };
        let stdout = String::from_utf8_lossy(&out.stdout);
        let bad: Vec<&str> = stdout
            .lines()
            .filter(|l| l.starts_with("FAIL") || l.starts_with("WARN"))
            .collect();
        assert!(out.status.success() && bad.is_empty(), "{stdout}");
    }

    #[test]
    fn english_paper_without_journal_issn_warns() {
        let mut doc = rich();
        doc.front.language = "en".into();
        doc.front.titles.reverse();
        if let Some(j) = doc.front.publication.journal.as_mut() {
            j.issn_print = None;
        }
        let (v, export) = render(&doc);
        assert_eq!(
            v["headline"],
            "Shifts in State Structure: A Comparative Study"
        );
        assert_eq!(v["name"][0]["@language"], "en");
        assert!(export.warnings.iter().any(|w| w.code == "missing-issn"));
        assert!(validate_jsonld(&export.bytes).is_valid());
    }
}
