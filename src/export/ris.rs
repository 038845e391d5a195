//! RIS (the tagged format EndNote, Zotero and Mendeley import): the paper first, then one
//! record per reference.
//!
//! Every line is `XY  - value` (values on one line); records open with `TY` and close with
//! `ER`; records are separated by a blank line. Names are `Family, Given` when the parts are
//! known and otherwise whole (an Arabic name is never split on spaces here), so importers
//! never guess. `PY` holds the Gregorian year, `DA` the date as `YYYY/MM/DD`.

use super::xmlout::clean;
use super::{Export, ExportError};
use crate::model::{
    Agent, Contributor, ContributorRole, Diagnostic, Document, PageRange, PartialDate, Reference,
    ReferenceType,
};

const FORMAT: &str = "RIS";

/// `TY` per reference type.
pub const REFERENCE_TYPES: &[(ReferenceType, &str)] = &[
    (ReferenceType::JournalArticle, "JOUR"),
    (ReferenceType::Book, "BOOK"),
    (ReferenceType::Chapter, "CHAP"),
    (ReferenceType::MastersThesis, "THES"),
    (ReferenceType::DoctoralThesis, "THES"),
    (ReferenceType::WebPage, "ELEC"),
    (ReferenceType::NewsArticle, "NEWS"),
    (ReferenceType::Report, "RPRT"),
    (ReferenceType::LegalDocument, "GEN"),
    (ReferenceType::Other, "GEN"),
];

/// `M3` (type of work) of theses.
const THESIS_KINDS: &[(ReferenceType, &str)] = &[
    (ReferenceType::MastersThesis, "Master's thesis"),
    (ReferenceType::DoctoralThesis, "Doctoral dissertation"),
];

/// The name tag per contributor role of the paper.
const ROLE_TAGS: &[(ContributorRole, &str)] = &[
    (ContributorRole::Author, "AU"),
    (ContributorRole::Editor, "A2"),
    (ContributorRole::Translator, "A4"),
];

struct Record {
    lines: Vec<(&'static str, String)>,
}

impl Record {
    fn new(ty: &str) -> Self {
        Record {
            lines: vec![("TY", ty.to_string())],
        }
    }
    /// Adds a line when the value is not empty once cleaned.
    fn tag(&mut self, tag: &'static str, value: &str) {
        let v = clean(value);
        if !v.is_empty() {
            self.lines.push((tag, v));
        }
    }
    fn write(&self, out: &mut String) {
        for (tag, value) in &self.lines {
            out.push_str(tag);
            out.push_str("  - ");
            out.push_str(value);
            out.push('\n');
        }
        out.push_str("ER  - \n");
    }
}

/// `Family, Given`, or the name whole when its parts are unknown.
fn name(family: Option<&str>, given: Option<&str>, whole: &str) -> String {
    match (
        family.map(str::trim).filter(|f| !f.is_empty()),
        given.map(str::trim).filter(|g| !g.is_empty()),
    ) {
        (Some(f), Some(g)) => format!("{f}, {g}"),
        (Some(f), None) => f.to_string(),
        _ => whole.trim().to_string(),
    }
}

fn contributor_name(c: &Contributor) -> String {
    name(
        c.name.family.as_deref(),
        c.name.given.as_deref(),
        &c.name.as_written,
    )
}

fn agent_name(a: &Agent) -> String {
    match a {
        Agent::Person {
            as_written,
            family,
            given,
        } => name(family.as_deref(), given.as_deref(), as_written),
        Agent::Organization { name } => name.trim().to_string(),
    }
}

fn date_value(d: &PartialDate) -> String {
    match (d.month, d.day) {
        (Some(m), Some(day)) => format!("{:04}/{m:02}/{day:02}", d.year),
        (Some(m), None) => format!("{:04}/{m:02}/", d.year),
        _ => format!("{:04}//", d.year),
    }
}

fn pages(r: &mut Record, p: &PageRange) {
    match (p.first, p.last) {
        (Some(f), l) => {
            r.tag("SP", &f.to_string());
            if let Some(l) = l.filter(|l| *l != f) {
                r.tag("EP", &l.to_string());
            }
        }
        (None, _) => r.tag("SP", &p.raw),
    }
}

/// Primary language subtag (`ar` of `ar-Latn`).
fn language(tag: &str) -> &str {
    tag.split('-').next().unwrap_or("").trim()
}

/// Writes the paper and its references as RIS records.
pub fn write_ris(doc: &Document) -> Result<Export, ExportError> {
    let front = &doc.front;
    let title = super::required_title(doc, FORMAT)?;
    let mut warnings = Vec::new();
    let mut out = String::new();

    let mut paper = Record::new("JOUR");
    paper.tag("ID", "article");
    paper.tag("TI", &title.text);
    for t in front.titles.iter().filter(|t| !std::ptr::eq(*t, title)) {
        paper.tag("TT", &t.text);
    }
    for c in &front.contributors {
        let tag = ROLE_TAGS
            .iter()
            .find(|(r, _)| *r == c.role)
            .map_or("AU", |(_, t)| t);
        paper.tag(tag, &contributor_name(c));
    }
    let p = &front.publication;
    if let Some(d) = &p.published {
        paper.tag("PY", &format!("{:04}", d.year));
        paper.tag("DA", &date_value(d));
    } else {
        warnings.push(Diagnostic::warning(
            "missing-publication-date",
            "no publication date: set `article.published` in the metadata file",
            None,
        ));
    }
    if let Some(j) = &p.journal {
        if let Some(t) = j.titles.first() {
            paper.tag("T2", &t.text);
        }
        for issn in [&j.issn_print, &j.issn_electronic].into_iter().flatten() {
            paper.tag(
                "SN",
                &super::identifier(issn).unwrap_or_else(|| issn.to_string()),
            );
        }
        if let Some(pb) = &j.publisher_name {
            paper.tag("PB", pb);
        }
        if let Some(cy) = &j.publisher_place {
            paper.tag("CY", cy);
        }
    }
    if let Some(v) = &p.volume {
        paper.tag("VL", &super::numbering(v));
    }
    if let Some(i) = &p.issue {
        paper.tag("IS", &super::numbering(i));
    }
    if let Some(pg) = &p.pages {
        pages(&mut paper, pg);
    } else if let Some(e) = &p.elocation {
        paper.tag("SP", e);
    }
    if let Some(d) = &p.doi {
        paper.tag("DO", &super::identifier(d).unwrap_or_else(|| d.to_string()));
    }
    if let Some(u) = &p.url {
        paper.tag("UR", u);
    }
    paper.tag("LA", language(&front.language));
    // The main-language abstract is the abstract; the others are notes, marked with their
    // language (RIS has one abstract field).
    let mut abstracts = front.abstracts.iter().filter(|a| !a.text.trim().is_empty());
    let main_abstract = front
        .abstracts
        .iter()
        .find(|a| a.lang == front.language && !a.text.trim().is_empty());
    if let Some(a) = main_abstract.or_else(|| abstracts.next()) {
        paper.tag("AB", &a.text);
        for other in front
            .abstracts
            .iter()
            .filter(|o| !std::ptr::eq(*o, a) && !o.text.trim().is_empty())
        {
            paper.tag("N1", &format!("Abstract [{}]: {}", other.lang, other.text));
        }
    }
    for k in front.keywords.iter().flat_map(|g| g.keywords.iter()) {
        paper.tag("KW", k);
    }
    if let Some(l) = p
        .license
        .as_ref()
        .and_then(|l| l.url.as_deref().or(l.text.as_deref()))
    {
        paper.tag("N1", &format!("License: {l}"));
    }
    paper.write(&mut out);

    for r in doc.back.references() {
        out.push('\n');
        reference(r, &mut warnings).write(&mut out);
    }
    Ok(Export {
        bytes: out.into_bytes(),
        warnings,
    })
}

fn reference(r: &Reference, warnings: &mut Vec<Diagnostic>) -> Record {
    let ty = REFERENCE_TYPES
        .iter()
        .find(|(t, _)| *t == r.ref_type)
        .map_or("GEN", |(_, n)| n);
    let mut rec = Record::new(ty);
    rec.tag("ID", &r.id);
    match r.title.as_deref().filter(|t| !t.trim().is_empty()) {
        Some(t) => rec.tag("TI", t),
        None => {
            warnings.push(Diagnostic::warning(
                "ris-reference-without-title",
                format!(
                    "reference {} has no title; its whole text is written as TI",
                    r.id
                ),
                Some(r.source.line),
            ));
            rec.tag("TI", &r.raw);
        }
    }
    for a in &r.authors {
        rec.tag("AU", &agent_name(a));
    }
    if r.et_al {
        rec.tag("N1", "et al.");
    }
    if let Some(c) = &r.container {
        rec.tag("T2", c);
    }
    if let Some(y) = &r.year {
        match y.value {
            Some(v) => rec.tag("PY", &format!("{v:04}")),
            None => rec.tag("N1", &format!("Year: {}", y.raw)),
        }
    }
    if let Some(v) = &r.volume {
        rec.tag("VL", &super::numbering(v));
    }
    if let Some(i) = &r.issue {
        rec.tag("IS", &super::numbering(i));
    }
    if let Some(p) = &r.pages {
        pages(&mut rec, p);
    }
    if let Some(e) = &r.edition {
        rec.tag("ET", e);
    }
    if let Some((_, kind)) = THESIS_KINDS.iter().find(|(t, _)| *t == r.ref_type) {
        rec.tag("M3", kind);
    }
    if let Some(p) = &r.publisher {
        rec.tag("PB", p);
    }
    if let Some(p) = &r.place {
        rec.tag("CY", p);
    }
    if let Some(d) = &r.doi {
        rec.tag("DO", &super::identifier(d).unwrap_or_else(|| d.to_string()));
    }
    if let Some(u) = &r.url {
        rec.tag("UR", u);
    }
    if let Some(a) = &r.accessed {
        rec.tag("N1", &format!("Accessed: {a}"));
    }
    rec.tag("LA", language(&r.lang));
    rec
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{LocalizedText, ReferenceGroup};

    #[test]
    fn paper_then_references_with_names_family_first() {
        let mut doc = Document::default();
        doc.front.language = "ar".into();
        doc.front.titles.push(LocalizedText {
            lang: "ar".into(),
            text: "عنوان\nالبحث".into(),
            source: None,
        });
        doc.back.reference_groups.push(ReferenceGroup {
            id: "refs1".into(),
            references: vec![Reference {
                id: "ref1".into(),
                raw: "x".into(),
                lang: "ar".into(),
                ref_type: ReferenceType::Book,
                authors: vec![Agent::Person {
                    as_written: "عبد الله، نور الدين".into(),
                    family: Some("عبد الله".into()),
                    given: Some("نور الدين".into()),
                }],
                title: Some("كتاب".into()),
                ..Reference::default()
            }],
            ..ReferenceGroup::default()
        });
        let out = write_ris(&doc).unwrap();
        let text = String::from_utf8(out.bytes).unwrap();
        assert!(
            text.starts_with("TY  - JOUR\nID  - article\nTI  - عنوان البحث\n"),
            "{text}"
        );
        assert!(
            text.contains("\n\nTY  - BOOK\nID  - ref1\nTI  - كتاب\nAU  - عبد الله, نور الدين\n"),
            "{text}"
        );
        assert!(crate::validate::ris::validate_ris(text.as_bytes()).is_valid());
    }
}
