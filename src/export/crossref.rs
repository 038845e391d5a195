//! Crossref metadata deposit XML, schema 5.3.1: one `doi_batch` registering the article's
//! DOI, with its journal and issue, contributors, abstracts and reference list.
//!
//! The DOI, the landing page URL, the depositor and the publication date are required by
//! Crossref; without one of them the export fails with the metadata key to set. Values the
//! schema bounds (lengths, the name pattern, the DOI pattern) are checked here, and what
//! cannot be written is reported, never truncated.

use std::time::{SystemTime, UNIX_EPOCH};

use sha2::{Digest, Sha256};

use super::xmlout::{clean, document, Element};
use super::{Export, ExportError};
use crate::model::{
    Agent, Contributor, ContributorRole, Diagnostic, Document, Doi, HistoryKind, LocalizedText,
    NameOrigin, PartialDate, Reference, ReferenceType,
};

const FORMAT: &str = "Crossref";

/// The deposit schema's namespace and the published location of its XSD.
pub const NAMESPACE: &str = "http://www.crossref.org/schema/5.3.1";
const SCHEMA_LOCATION: &str =
    "http://www.crossref.org/schema/5.3.1 https://www.crossref.org/schemas/crossref5.3.1.xsd";
const NS_JATS: &str = "http://www.ncbi.nlm.nih.gov/JATS1";
const NS_AI: &str = "http://www.crossref.org/AccessIndicators.xsd";
const NS_XSI: &str = "http://www.w3.org/2001/XMLSchema-instance";
const ORCID_RESOLVER: &str = "https://orcid.org/";

/// `contributor_role` per model role.
const CONTRIBUTOR_ROLES: &[(ContributorRole, &str)] = &[
    (ContributorRole::Author, "author"),
    (ContributorRole::Editor, "editor"),
    (ContributorRole::Translator, "translator"),
];

/// Length bounds (in characters) of the schema's string elements papermeta writes.
const LIMITS: &[(&str, usize, usize)] = &[
    ("depositor_name", 1, 130),
    ("email_address", 6, 200),
    ("registrant", 1, 255),
    ("full_title", 1, 255),
    ("given_name", 1, 60),
    ("surname", 1, 60),
    ("institution_name", 1, 1024),
    ("institution_department", 2, 255),
    ("institution_place", 2, 255),
    ("volume", 1, 32),
    ("issue", 1, 32),
    ("first_page", 1, 32),
    ("last_page", 1, 32),
    ("item_number", 1, 32),
    ("edition_number", 1, 15),
    ("doi", 6, 2048),
    ("resource", 1, 2048),
];

/// Which citation elements a reference's fields go to, per reference type:
/// (type, element for the title, element for the container).
const CITATION_FIELDS: &[(ReferenceType, Option<&str>, Option<&str>)] = &[
    (
        ReferenceType::JournalArticle,
        Some("article_title"),
        Some("journal_title"),
    ),
    (
        ReferenceType::NewsArticle,
        Some("article_title"),
        Some("journal_title"),
    ),
    (
        ReferenceType::Chapter,
        Some("article_title"),
        Some("volume_title"),
    ),
    (ReferenceType::Book, Some("volume_title"), None),
    (ReferenceType::MastersThesis, Some("volume_title"), None),
    (ReferenceType::DoctoralThesis, Some("volume_title"), None),
    (ReferenceType::Report, Some("volume_title"), None),
    (ReferenceType::WebPage, Some("article_title"), None),
    (ReferenceType::LegalDocument, Some("article_title"), None),
    (ReferenceType::Other, Some("article_title"), None),
];

/// How the deposit is stamped.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CrossrefOptions {
    /// The deposit's `timestamp` (`yyyyMMddHHmmss`); Crossref keeps the deposit with the
    /// highest one. `None`: the current UTC time.
    pub timestamp: Option<u64>,
}

fn limit(name: &str) -> (usize, usize) {
    LIMITS
        .iter()
        .find(|(n, _, _)| *n == name)
        .map_or((1, usize::MAX), |&(_, lo, hi)| (lo, hi))
}

struct Ctx {
    warnings: Vec<Diagnostic>,
}

impl Ctx {
    fn warn(&mut self, code: &str, message: String, line: Option<usize>) {
        self.warnings.push(Diagnostic::warning(code, message, line));
    }

    /// `<name>text</name>` when the cleaned text fits the element's length bounds.
    fn bounded(&mut self, name: &'static str, text: &str, line: Option<usize>) -> Option<Element> {
        let t = clean(text);
        let (lo, hi) = limit(name);
        let n = t.chars().count();
        if n < lo || n > hi {
            if !t.is_empty() {
                self.warn(
                    "crossref-value-length",
                    format!("`{t}` cannot be written as <{name}>: Crossref allows {lo} to {hi} characters, it has {n}"),
                    line,
                );
            }
            return None;
        }
        Some(Element::leaf(name, t))
    }
}

/// The current UTC time as `yyyyMMddHHmmss`.
fn now_timestamp() -> u64 {
    let secs = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let days = (secs / 86_400) as i64;
    let rem = secs % 86_400;
    // Civil date from days since 1970-01-01 (H. Hinnant's algorithm).
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    let (h, m, s) = (rem / 3600, rem / 60 % 60, rem % 60);
    (year as u64) * 10_000_000_000
        + (month as u64) * 100_000_000
        + (day as u64) * 1_000_000
        + h * 10_000
        + m * 100
        + s
}

/// The two-letter language code Crossref's `language` attribute takes, if the tag has one.
fn count(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

fn language_code(tag: &str) -> Option<String> {
    let primary = tag.split('-').next().unwrap_or("").to_ascii_lowercase();
    (primary.len() == 2 && primary.chars().all(|c| c.is_ascii_alphabetic())).then_some(primary)
}

/// Crossref's name pattern `[^\d\?]*[^\?\s]+[^\d]*`: no digits, no `?`, not blank.
fn is_valid_name(s: &str) -> bool {
    !s.trim().is_empty() && !s.chars().any(|c| c.is_numeric() || c == '?')
}

/// Crossref's DOI pattern `10\.[0-9]{4,9}/.{1,200}`: a DOI ([`Doi::parse`]) whose suffix
/// has at most 200 characters.
fn is_valid_doi(doi: &str) -> bool {
    Doi::parse(doi).is_ok()
        && doi
            .split_once('/')
            .is_some_and(|(_, suffix)| (1..=200).contains(&suffix.chars().count()))
}

fn date_element(name: &'static str, d: &PartialDate, media: Option<&str>) -> Element {
    let mut e = Element::new(name).attr_opt("media_type", media);
    if let Some(m) = d.month {
        e.push(Element::leaf("month", format!("{m:02}")));
        if let Some(day) = d.day {
            e.push(Element::leaf("day", format!("{day:02}")));
        }
    }
    e.push(Element::leaf("year", d.year.to_string()));
    e
}

/// Writes `doc` as a Crossref 5.3.1 deposit.
///
/// Fails with [`ExportError::MissingFact`] without a DOI, a landing page URL, a depositor,
/// a registrant (or publisher), a journal title or a publication date.
pub fn write_crossref(doc: &Document, options: &CrossrefOptions) -> Result<Export, ExportError> {
    let front = &doc.front;
    let p = &front.publication;
    let missing = |what, key| ExportError::MissingFact {
        format: FORMAT,
        what,
        key,
    };
    let title = super::required_title(doc, FORMAT)?;
    let printed_doi = p
        .doi
        .as_ref()
        .filter(|d| !d.trim().is_empty())
        .ok_or(missing("the article's DOI", "article.doi"))?;
    let doi_text =
        super::identifier(printed_doi).ok_or(missing("a valid DOI (10.NNNN/…)", "article.doi"))?;
    let doi = doi_text.as_str();
    let url = p
        .url
        .as_deref()
        .filter(|u| !u.trim().is_empty())
        .ok_or(missing("the article's landing page URL", "article.url"))?;
    let depositor = p
        .depositor
        .as_ref()
        .ok_or(missing("a depositor (name and email)", "depositor.name"))?;
    let journal = p.journal.as_ref();
    let registrant = p
        .registrant
        .as_deref()
        .or(journal.and_then(|j| j.publisher_name.as_deref()))
        .filter(|r| !r.trim().is_empty())
        .ok_or(missing(
            "the registrant (owner of the DOI prefix)",
            "registrant",
        ))?;
    let journal_titles: Vec<&LocalizedText> = journal
        .map(|j| {
            j.titles
                .iter()
                .filter(|t| !t.text.trim().is_empty())
                .collect()
        })
        .unwrap_or_default();
    if journal_titles.is_empty() {
        return Err(missing("the journal title", "journal.title"));
    }
    let published = p
        .published
        .as_ref()
        .ok_or(missing("the publication date", "article.published"))?;
    if !is_valid_doi(doi) {
        return Err(missing(
            "a DOI of at most 200 characters after `10.NNNN/`",
            "article.doi",
        ));
    }

    let mut ctx = Ctx {
        warnings: Vec::new(),
    };
    let timestamp = options.timestamp.unwrap_or_else(now_timestamp);

    // head
    let mut hash = Sha256::new();
    hash.update(doi.as_bytes());
    let digest = hash.finalize();
    let short: String = digest.iter().take(6).map(|b| format!("{b:02x}")).collect();
    let mut dep = Element::new("depositor");
    let name_el = ctx.bounded("depositor_name", &depositor.name, None);
    let email_el = ctx.bounded("email_address", &depositor.email, None);
    let (Some(n), Some(e)) = (name_el, email_el) else {
        return Err(ExportError::MissingFact {
            format: FORMAT,
            what: "a depositor name and email Crossref accepts",
            key: "depositor.name",
        });
    };
    dep.push(n);
    dep.push(e);
    let Some(registrant_el) = ctx.bounded("registrant", registrant, None) else {
        return Err(missing(
            "a registrant name of 1 to 255 characters",
            "registrant",
        ));
    };
    let head = Element::new("head")
        .child(Element::leaf(
            "doi_batch_id",
            format!("papermeta-{timestamp}-{short}"),
        ))
        .child(Element::leaf("timestamp", timestamp.to_string()))
        .child(dep)
        .child(registrant_el);

    // journal_metadata
    let mut jm = Element::new("journal_metadata").attr_opt(
        "language",
        journal_titles.first().and_then(|t| language_code(&t.lang)),
    );
    for t in journal_titles.iter().take(10) {
        if let Some(e) = ctx.bounded("full_title", &t.text, None) {
            jm.push(e);
        }
    }
    if jm.is_empty() {
        return Err(missing(
            "a journal title of at most 255 characters",
            "journal.title",
        ));
    }
    let only_electronic =
        journal.is_some_and(|j| j.issn_print.is_none() && j.issn_electronic.is_some());
    if let Some(j) = journal {
        for (issn, media) in [(&j.issn_print, "print"), (&j.issn_electronic, "electronic")] {
            let Some(printed) = issn.as_ref().filter(|i| !i.trim().is_empty()) else {
                continue;
            };
            match super::identifier(printed) {
                Some(i) => jm.push(Element::leaf("issn", i).attr("media_type", media)),
                None => ctx.warn(
                    "crossref-issn",
                    format!("`{}` is not an ISSN and is not written", printed.as_str()),
                    None,
                ),
            }
        }
    }
    let media = if only_electronic { "online" } else { "print" };

    // journal_issue
    let mut issue_el = None;
    if p.volume.is_some() || p.issue.is_some() {
        let mut ji = Element::new("journal_issue").child(date_element(
            "publication_date",
            published,
            Some(media),
        ));
        if let Some(v) = p
            .volume
            .as_deref()
            .and_then(|v| ctx.bounded("volume", v, None))
        {
            ji.push(Element::new("journal_volume").child(v));
        }
        if let Some(i) = p
            .issue
            .as_deref()
            .and_then(|i| ctx.bounded("issue", i, None))
        {
            ji.push(i);
        }
        issue_el = Some(ji);
    }

    // journal_article
    let mut article = Element::new("journal_article")
        .attr("publication_type", "full_text")
        .attr_opt(
            "language",
            language_code(&front.language).or_else(|| language_code(&title.lang)),
        );
    article.push(titles(front, title));
    if let Some(c) = contributors(doc, &mut ctx) {
        article.push(c);
    }
    for a in front.abstracts.iter().filter(|a| !a.text.trim().is_empty()) {
        let mut abs = Element::new("jats:abstract");
        if !a.lang.trim().is_empty() {
            abs = abs.attr("xml:lang", a.lang.trim());
        }
        for para in a.text.split("\n\n").map(clean).filter(|t| !t.is_empty()) {
            abs.push(Element::leaf("jats:p", para));
        }
        if !abs.is_empty() {
            article.push(abs);
        }
    }
    article.push(date_element("publication_date", published, Some(media)));
    if let Some(acc) = p
        .history
        .iter()
        .find(|h| h.kind == HistoryKind::Accepted)
        .and_then(|h| h.date.as_ref())
    {
        article.push(date_element("acceptance_date", acc, None));
    }
    if let Some(pages) = &p.pages {
        let first = pages.first.map(|n| n.to_string());
        match first
            .as_deref()
            .and_then(|f| ctx.bounded("first_page", f, None))
        {
            Some(f) => {
                let mut pe = Element::new("pages").child(f);
                if let Some(l) = pages.last.filter(|l| Some(*l) != pages.first) {
                    pe.push(Element::leaf("last_page", l.to_string()));
                }
                article.push(pe);
            }
            None => ctx.warn(
                "crossref-pages",
                format!(
                    "the page range `{}` has no first page number and is not written",
                    pages.raw
                ),
                None,
            ),
        }
    }
    if let Some(e) = p
        .elocation
        .as_deref()
        .and_then(|e| ctx.bounded("item_number", e, None))
    {
        article.push(
            Element::new("publisher_item").child(e.attr("item_number_type", "article_number")),
        );
    }
    let mut uses_ai = false;
    if let Some(lic) = p.license.as_ref() {
        match lic.url.as_deref().filter(|u| is_http_url(u) && u.chars().count() >= 10) {
            Some(u) => {
                uses_ai = true;
                article.push(
                    Element::new("ai:program")
                        .attr("name", "AccessIndicators")
                        .child(Element::leaf("ai:license_ref", u.trim())),
                );
            }
            None => ctx.warn(
                "crossref-license",
                "the license has no http(s) URL; Crossref records a license only as a URL, so it is not written".into(),
                None,
            ),
        }
    }
    let Some(resource) = ctx.bounded("resource", url, None) else {
        return Err(missing(
            "a landing page URL of at most 2048 characters",
            "article.url",
        ));
    };
    if !is_http_url(url) {
        return Err(missing("an http(s) landing page URL", "article.url"));
    }
    article.push(
        Element::new("doi_data")
            .child(Element::leaf("doi", doi))
            .child(resource),
    );
    let refs: Vec<&Reference> = doc.back.references().collect();
    if !refs.is_empty() {
        let mut list = Element::new("citation_list");
        for r in refs {
            if let Some(c) = citation(r, &mut ctx) {
                list.push(c);
            }
        }
        article.push(list);
    }

    // What Crossref's journal article has no place for.
    let keywords: usize = front.keywords.iter().map(|k| k.keywords.len()).sum();
    if keywords > 0 {
        ctx.warn(
            "crossref-no-keywords",
            format!(
                "Crossref deposits have no keywords; {} not written",
                count(keywords, "keyword is", "keywords are")
            ),
            front
                .keywords
                .first()
                .and_then(|k| k.source.map(|s| s.line)),
        );
    }
    if p.subject.is_some() {
        ctx.warn(
            "crossref-no-subject",
            "Crossref journal articles have no subject heading; `article.subject` is not written"
                .into(),
            None,
        );
    }

    let mut journal_el = Element::new("journal").child(jm);
    if let Some(ji) = issue_el {
        journal_el.push(ji);
    }
    journal_el.push(article);
    let mut root = Element::new("doi_batch")
        .attr("xmlns", NAMESPACE)
        .attr("xmlns:jats", NS_JATS);
    if uses_ai {
        root = root.attr("xmlns:ai", NS_AI);
    }
    root = root
        .attr("xmlns:xsi", NS_XSI)
        .attr("xsi:schemaLocation", SCHEMA_LOCATION)
        .attr("version", "5.3.1")
        .child(head)
        .child(Element::new("body").child(journal_el));
    Ok(Export {
        bytes: document(&root),
        warnings: ctx.warnings,
    })
}

fn is_http_url(u: &str) -> bool {
    let l = u.trim().to_ascii_lowercase();
    (l.starts_with("http://") || l.starts_with("https://"))
        && !u.trim().contains(char::is_whitespace)
}

/// `titles`: an English title when the paper has one and is not in English, with the
/// original as `original_language_title`; else the main title.
fn titles(front: &crate::model::Front, main: &LocalizedText) -> Element {
    let is_en = |t: &LocalizedText| language_code(&t.lang).as_deref() == Some("en");
    let english = front
        .titles
        .iter()
        .find(|t| is_en(t) && !t.text.trim().is_empty() && !std::ptr::eq(*t, main));
    match english.filter(|_| !is_en(main)) {
        Some(en) => Element::new("titles")
            .child(Element::leaf("title", clean(&en.text)))
            .child(
                Element::leaf("original_language_title", clean(&main.text))
                    .attr_opt("language", language_code(&main.lang)),
            ),
        None => Element::new("titles").child(Element::leaf("title", clean(&main.text))),
    }
}

fn contributors(doc: &Document, ctx: &mut Ctx) -> Option<Element> {
    let front = &doc.front;
    let mut el = Element::new("contributors");
    let mut first = true;
    for c in &front.contributors {
        let role = CONTRIBUTOR_ROLES
            .iter()
            .find(|(r, _)| *r == c.role)
            .map_or("author", |(_, n)| n);
        match person_name(c, doc, ctx, if first { "first" } else { "additional" }, role) {
            Some(p) => {
                el.push(p);
                first = false;
            }
            None => ctx.warn(
                "crossref-contributor",
                format!(
                    "contributor `{}` has no surname Crossref accepts (1 to 60 characters, no digits or `?`) and is not written",
                    c.name.as_written
                ),
                c.source.map(|s| s.line),
            ),
        }
    }
    let emails = front
        .contributors
        .iter()
        .filter(|c| c.email.is_some())
        .count();
    if emails > 0 {
        ctx.warn(
            "crossref-no-email",
            format!(
                "Crossref contributors have no email address; {} not written",
                count(emails, "email is", "emails are")
            ),
            None,
        );
    }
    (!el.is_empty()).then_some(el)
}

/// Given and family name of a model name: the parts when known, else the whole name as the
/// surname.
fn name_parts(given: Option<&str>, family: Option<&str>, whole: &str) -> (Option<String>, String) {
    match family.map(str::trim).filter(|f| !f.is_empty()) {
        Some(f) => (given.map(clean).filter(|g| !g.is_empty()), clean(f)),
        None => (None, clean(whole)),
    }
}

fn name_children(
    ctx: &mut Ctx,
    given: Option<String>,
    surname: String,
    line: Option<usize>,
) -> Option<Vec<Element>> {
    if !is_valid_name(&surname) {
        return None;
    }
    let surname_el = ctx.bounded("surname", &surname, line)?;
    let mut out = Vec::new();
    if let Some(g) = given {
        if is_valid_name(&g) {
            if let Some(ge) = ctx.bounded("given_name", &g, line) {
                out.push(ge);
            }
        } else {
            ctx.warn(
                "crossref-given-name",
                format!("the given name `{g}` holds a digit or `?`, which Crossref refuses; it is not written"),
                line,
            );
        }
    }
    out.push(surname_el);
    Some(out)
}

fn person_name(
    c: &Contributor,
    doc: &Document,
    ctx: &mut Ctx,
    sequence: &str,
    role: &str,
) -> Option<Element> {
    let line = c.source.map(|s| s.line);
    let (given, surname) = name_parts(
        c.name.given.as_deref(),
        c.name.family.as_deref(),
        &c.name.as_written,
    );
    let parts = name_children(ctx, given, surname, line)?;
    let mut p = Element::new("person_name")
        .attr("sequence", sequence)
        .attr("contributor_role", role)
        .attr_opt("language", language_code(&c.name.lang));
    for e in parts {
        p.push(e);
    }
    let mut affs = Element::new("affiliations");
    for id in &c.affiliation_ids {
        let Some(a) = doc.front.affiliations.iter().find(|a| &a.id == id) else {
            continue;
        };
        let name = a.institution.as_deref().unwrap_or(&a.raw);
        let Some(n) = ctx.bounded("institution_name", name, a.source.map(|s| s.line)) else {
            continue;
        };
        let mut inst = Element::new("institution").child(n);
        let places: Vec<&str> = [a.city.as_deref(), a.country.as_deref()]
            .into_iter()
            .flatten()
            .collect();
        if !places.is_empty() {
            if let Some(pl) = ctx.bounded("institution_place", &places.join(", "), None) {
                inst.push(pl);
            }
        }
        for dept in [a.faculty.as_deref(), a.department.as_deref()]
            .into_iter()
            .flatten()
        {
            if let Some(d) = ctx.bounded("institution_department", dept, None) {
                inst.push(d);
            }
        }
        affs.push(inst);
    }
    if !affs.is_empty() {
        p.push(affs);
    }
    if let Some(printed) = &c.orcid {
        match super::identifier(printed) {
            Some(o) => p.push(Element::leaf("ORCID", format!("{ORCID_RESOLVER}{o}"))),
            None => ctx.warn(
                "crossref-orcid",
                format!(
                    "`{}` is not an ORCID iD and is not written",
                    printed.as_str()
                ),
                line,
            ),
        }
    }
    // Other scripts of the name (the Latin form of an Arabic name) as alternative names; a
    // deposit registers no machine romanization nobody checked.
    let mut alt = Element::new("alt-name");
    for n in c
        .alt_names
        .iter()
        .filter(|n| n.origin != NameOrigin::Machine)
    {
        let (g, s) = name_parts(n.given.as_deref(), n.family.as_deref(), &n.as_written);
        if let Some(parts) = name_children(ctx, g, s, line) {
            // Crossref wants the surname first inside <name>.
            let mut name = Element::new("name");
            for e in parts.into_iter().rev() {
                name.push(e);
            }
            alt.push(name);
        }
    }
    if !alt.is_empty() {
        p.push(alt);
    }
    Some(p)
}

fn citation(r: &Reference, ctx: &mut Ctx) -> Option<Element> {
    let line = Some(r.source.line);
    let mut c = Element::new("citation").attr("key", r.id.clone());
    let (title_el, container_el) = CITATION_FIELDS
        .iter()
        .find(|(t, _, _)| *t == r.ref_type)
        .map_or((Some("article_title"), None), |&(_, a, b)| (a, b));
    if let (Some(name), Some(t)) = (container_el, r.container.as_deref()) {
        let t = clean(t);
        if !t.is_empty() {
            c.push(Element::leaf(name, t));
        }
    }
    if let Some(first) = r.authors.first() {
        let name = match first {
            Agent::Person {
                family: Some(f), ..
            } => clean(f),
            other => clean(other.as_written()),
        };
        if !name.is_empty() {
            c.push(Element::leaf("author", name));
        }
    }
    if let Some(v) = r
        .volume
        .as_deref()
        .and_then(|v| ctx.bounded("volume", v, line))
    {
        c.push(v);
    }
    if let Some(i) = r
        .issue
        .as_deref()
        .and_then(|i| ctx.bounded("issue", i, line))
    {
        c.push(i);
    }
    if let Some(f) = r.pages.as_ref().and_then(|p| p.first) {
        c.push(Element::leaf("first_page", f.to_string()));
    }
    if let Some(y) = r.year.as_ref().and_then(|y| y.value) {
        c.push(Element::leaf("cYear", y.to_string()));
    }
    if let Some(printed) = &r.doi {
        let d = super::identifier(printed).unwrap_or_else(|| printed.as_str().to_string());
        if is_valid_doi(&d) {
            c.push(Element::leaf("doi", d));
        } else {
            ctx.warn(
                "crossref-citation-doi",
                format!(
                    "the DOI `{d}` of {} does not match Crossref's pattern and is not written",
                    r.id
                ),
                line,
            );
        }
    }
    if let Some(e) = r
        .edition
        .as_deref()
        .and_then(|e| ctx.bounded("edition_number", e, line))
    {
        c.push(e);
    }
    if let (Some(name), Some(t)) = (title_el, r.title.as_deref()) {
        let t = clean(t);
        if !t.is_empty() {
            c.push(Element::leaf(name, t));
        }
    }
    let raw = clean(&r.raw);
    if raw.is_empty() {
        ctx.warn(
            "crossref-empty-citation",
            format!("reference {} has no text and is not written", r.id),
            line,
        );
        return None;
    }
    c.push(Element::leaf("unstructured_citation", raw));
    Some(c)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Depositor, Journal, LocalizedText, PersonName, Script};

    fn complete() -> Document {
        let mut doc = Document::default();
        doc.front.language = "ar".into();
        doc.front.titles = vec![
            LocalizedText {
                lang: "ar".into(),
                text: "عنوان البحث".into(),
                source: None,
            },
            LocalizedText {
                lang: "en".into(),
                text: "The Title".into(),
                source: None,
            },
        ];
        doc.front.contributors.push(Contributor {
            id: "c1".into(),
            name: PersonName {
                as_written: "علي حسن".into(),
                script: Script::Arabic,
                lang: "ar".into(),
                given: Some("علي".into()),
                family: Some("حسن".into()),
                ..Default::default()
            },
            ..Contributor::default()
        });
        let p = &mut doc.front.publication;
        p.journal = Some(Journal {
            titles: vec![LocalizedText {
                lang: "en".into(),
                text: "Journal".into(),
                source: None,
            }],
            issn_print: Some("2070-9250".into()),
            ..Journal::default()
        });
        p.published = Some(PartialDate {
            year: 2099,
            month: Some(1),
            day: None,
        });
        p.doi = Some("10.5555/x.1".into());
        p.url = Some("https://example.org/x".into());
        p.depositor = Some(Depositor {
            name: "Desk".into(),
            email: "desk@example.org".into(),
        });
        p.registrant = Some("Press".into());
        doc
    }

    #[test]
    fn complete_document_is_valid_against_the_schema() {
        let out = write_crossref(
            &complete(),
            &CrossrefOptions {
                timestamp: Some(20990101000000),
            },
        )
        .unwrap();
        let text = String::from_utf8(out.bytes.clone()).unwrap();
        assert!(text.contains("<title>The Title</title>"), "{text}");
        assert!(text.contains(
            "<original_language_title language=\"ar\">عنوان البحث</original_language_title>"
        ));
        let schema = crate::validate::xsd::crossref_schema().unwrap();
        assert_eq!(schema.validate(&out.bytes), Vec::new(), "{text}");
    }

    #[test]
    fn missing_facts_name_their_key() {
        for (key, strip) in [
            (
                "article.doi",
                (|d: &mut Document| d.front.publication.doi = None) as fn(&mut Document),
            ),
            ("article.url", |d| d.front.publication.url = None),
            ("depositor.name", |d| d.front.publication.depositor = None),
            ("article.published", |d| {
                d.front.publication.published = None
            }),
        ] {
            let mut doc = complete();
            strip(&mut doc);
            match write_crossref(&doc, &CrossrefOptions::default()) {
                Err(ExportError::MissingFact { key: k, .. }) => assert_eq!(k, key),
                other => panic!("{key}: {other:?}"),
            }
        }
    }

    #[test]
    fn timestamps_are_utc_calendar_times() {
        let t = now_timestamp();
        assert!((20_240_101_000_000..30_000_101_000_000).contains(&t), "{t}");
        assert!(is_valid_doi("10.5555/x"));
        assert!(!is_valid_doi("10.55/x"));
        assert!(!is_valid_name("Ali 2"));
    }
}
