//! CSL-JSON (the input format of citeproc: Zotero, Mendeley, pandoc): an array with the
//! paper first, then one item per reference.
//!
//! Names are `{family, given}` when the parts are known and `{literal}` otherwise (an
//! organization, or a name whose parts are unknown), so an Arabic name is never split on
//! spaces. Dates are `date-parts` of Gregorian numbers; a date that is only printed (an
//! access date) is kept as `raw`. What CSL 1.0.2 has no variable for (translated titles,
//! abstracts in other languages, `et al.`) goes to `note`.

use serde_json::{json, Map, Value};

use super::xmlout::clean;
use super::{Export, ExportError};
use crate::model::{
    Agent, Contributor, ContributorRole, Diagnostic, Document, PageRange, Reference, ReferenceType,
};

const FORMAT: &str = "CSL-JSON";

/// CSL item type per reference type.
pub const REFERENCE_TYPES: &[(ReferenceType, &str)] = &[
    (ReferenceType::JournalArticle, "article-journal"),
    (ReferenceType::Book, "book"),
    (ReferenceType::Chapter, "chapter"),
    (ReferenceType::MastersThesis, "thesis"),
    (ReferenceType::DoctoralThesis, "thesis"),
    (ReferenceType::WebPage, "webpage"),
    (ReferenceType::NewsArticle, "article-newspaper"),
    (ReferenceType::Report, "report"),
    (ReferenceType::LegalDocument, "legislation"),
    (ReferenceType::Other, "document"),
];

/// CSL `genre` of theses.
const THESIS_GENRES: &[(ReferenceType, &str)] = &[
    (ReferenceType::MastersThesis, "Master's thesis"),
    (ReferenceType::DoctoralThesis, "Doctoral dissertation"),
];

/// The name variable per contributor role of the paper.
const ROLE_VARIABLES: &[(ContributorRole, &str)] = &[
    (ContributorRole::Author, "author"),
    (ContributorRole::Editor, "editor"),
    (ContributorRole::Translator, "translator"),
];

fn name(family: Option<&str>, given: Option<&str>, whole: &str) -> Value {
    let family = family.map(clean).filter(|f| !f.is_empty());
    let given = given.map(clean).filter(|g| !g.is_empty());
    match (family, given) {
        (Some(f), Some(g)) => json!({"family": f, "given": g}),
        (Some(f), None) => json!({"family": f}),
        _ => json!({"literal": clean(whole)}),
    }
}

fn contributor(c: &Contributor) -> Value {
    name(
        c.name.family.as_deref(),
        c.name.given.as_deref(),
        &c.name.as_written,
    )
}

fn agent(a: &Agent) -> Value {
    match a {
        Agent::Person {
            as_written,
            family,
            given,
        } => name(family.as_deref(), given.as_deref(), as_written),
        Agent::Organization { name } => json!({"literal": clean(name)}),
    }
}

fn page(p: &PageRange) -> String {
    match (p.first, p.last) {
        (Some(f), Some(l)) if l != f => format!("{f}-{l}"),
        (Some(f), _) => f.to_string(),
        _ => clean(&p.raw),
    }
}

fn put(item: &mut Map<String, Value>, key: &str, value: Option<&str>) {
    if let Some(v) = value.map(clean).filter(|v| !v.is_empty()) {
        item.insert(key.to_string(), Value::String(v));
    }
}

fn doi(d: Option<&crate::model::Printed<crate::model::Doi>>) -> Option<String> {
    d.map(|d| super::identifier(d).unwrap_or_else(|| d.to_string()))
}

fn language(tag: &str) -> Option<&str> {
    let t = tag.trim();
    (!t.is_empty()).then_some(t)
}

/// Writes the paper and its references as a CSL-JSON array.
pub fn write_csljson(doc: &Document) -> Result<Export, ExportError> {
    let front = &doc.front;
    let title = super::required_title(doc, FORMAT)?;
    let mut warnings = Vec::new();
    let mut items = Vec::new();
    let mut notes: Vec<String> = Vec::new();

    let mut paper = Map::new();
    paper.insert("id".into(), json!("article"));
    paper.insert("type".into(), json!("article-journal"));
    put(&mut paper, "title", Some(&title.text));
    for t in front.titles.iter().filter(|t| !std::ptr::eq(*t, title)) {
        notes.push(format!("Title [{}]: {}", t.lang, clean(&t.text)));
    }
    for (role, var) in ROLE_VARIABLES {
        let names: Vec<Value> = front
            .contributors
            .iter()
            .filter(|c| c.role == *role)
            .map(contributor)
            .collect();
        if !names.is_empty() {
            paper.insert((*var).into(), Value::Array(names));
        }
    }
    let p = &front.publication;
    match &p.published {
        Some(d) => {
            let mut parts = vec![json!(d.year)];
            if let Some(m) = d.month {
                parts.push(json!(m));
                if let Some(day) = d.day {
                    parts.push(json!(day));
                }
            }
            paper.insert("issued".into(), json!({"date-parts": [parts]}));
        }
        None => warnings.push(Diagnostic::warning(
            "missing-publication-date",
            "no publication date: set `article.published` in the metadata file",
            None,
        )),
    }
    if let Some(j) = &p.journal {
        put(
            &mut paper,
            "container-title",
            j.titles.first().map(|t| t.text.as_str()),
        );
        let issn = j.issn_print.as_ref().or(j.issn_electronic.as_ref());
        put(
            &mut paper,
            "ISSN",
            issn.map(|i| super::identifier(i).unwrap_or_else(|| i.to_string()))
                .as_deref(),
        );
        put(&mut paper, "publisher", j.publisher_name.as_deref());
        put(&mut paper, "publisher-place", j.publisher_place.as_deref());
    }
    put(
        &mut paper,
        "volume",
        p.volume.as_ref().map(super::numbering).as_deref(),
    );
    put(
        &mut paper,
        "issue",
        p.issue.as_ref().map(super::numbering).as_deref(),
    );
    match (&p.pages, &p.elocation) {
        (Some(pg), _) => put(&mut paper, "page", Some(&page(pg))),
        (None, Some(e)) => put(&mut paper, "number", Some(e)),
        _ => {}
    }
    put(&mut paper, "DOI", doi(p.doi.as_ref()).as_deref());
    put(&mut paper, "URL", p.url.as_deref());
    put(&mut paper, "language", language(&front.language));
    let main_abstract = front
        .abstracts
        .iter()
        .find(|a| a.lang == front.language && !a.text.trim().is_empty())
        .or_else(|| front.abstracts.iter().find(|a| !a.text.trim().is_empty()));
    if let Some(a) = main_abstract {
        put(&mut paper, "abstract", Some(&a.text));
        for other in front
            .abstracts
            .iter()
            .filter(|o| !std::ptr::eq(*o, a) && !o.text.trim().is_empty())
        {
            notes.push(format!("Abstract [{}]: {}", other.lang, clean(&other.text)));
        }
    }
    let keywords: Vec<String> = front
        .keywords
        .iter()
        .flat_map(|g| g.keywords.iter().map(|k| clean(k)))
        .filter(|k| !k.is_empty())
        .collect();
    if !keywords.is_empty() {
        paper.insert("keyword".into(), json!(keywords.join(", ")));
    }
    if let Some(l) = p
        .license
        .as_ref()
        .and_then(|l| l.url.as_deref().or(l.text.as_deref()))
    {
        notes.push(format!("License: {}", clean(l)));
    }
    if !notes.is_empty() {
        paper.insert("note".into(), json!(notes.join("\n")));
    }
    items.push(Value::Object(paper));

    for r in doc.back.references() {
        items.push(reference(r, &mut warnings));
    }
    let mut bytes =
        serde_json::to_vec_pretty(&Value::Array(items)).map_err(|e| ExportError::Serialize {
            format: FORMAT,
            message: e.to_string(),
        })?;
    bytes.push(b'\n');
    Ok(Export { bytes, warnings })
}

fn reference(r: &Reference, warnings: &mut Vec<Diagnostic>) -> Value {
    let ty = REFERENCE_TYPES
        .iter()
        .find(|(t, _)| *t == r.ref_type)
        .map_or("document", |(_, n)| n);
    let mut item = Map::new();
    let mut notes = Vec::new();
    item.insert("id".into(), json!(r.id));
    item.insert("type".into(), json!(ty));
    match r.title.as_deref().filter(|t| !t.trim().is_empty()) {
        Some(t) => put(&mut item, "title", Some(t)),
        None => {
            warnings.push(Diagnostic::warning(
                "csljson-reference-without-title",
                format!(
                    "reference {} has no title; its whole text is written as the title",
                    r.id
                ),
                Some(r.source.line),
            ));
            put(&mut item, "title", Some(&r.raw));
        }
    }
    if !r.authors.is_empty() {
        item.insert(
            "author".into(),
            Value::Array(r.authors.iter().map(agent).collect()),
        );
    }
    if r.et_al {
        notes.push("et al.".to_string());
    }
    put(&mut item, "container-title", r.container.as_deref());
    if let Some(y) = &r.year {
        match y.value {
            Some(v) => {
                item.insert("issued".into(), json!({"date-parts": [[v]]}));
            }
            None => {
                item.insert("issued".into(), json!({"raw": clean(&y.raw)}));
            }
        }
    }
    put(
        &mut item,
        "volume",
        r.volume.as_ref().map(super::numbering).as_deref(),
    );
    put(
        &mut item,
        "issue",
        r.issue.as_ref().map(super::numbering).as_deref(),
    );
    if let Some(p) = &r.pages {
        put(&mut item, "page", Some(&page(p)));
    }
    put(&mut item, "edition", r.edition.as_deref());
    if let Some((_, g)) = THESIS_GENRES.iter().find(|(t, _)| *t == r.ref_type) {
        item.insert("genre".into(), json!(g));
    }
    put(&mut item, "publisher", r.publisher.as_deref());
    put(&mut item, "publisher-place", r.place.as_deref());
    put(&mut item, "DOI", doi(r.doi.as_ref()).as_deref());
    put(&mut item, "URL", r.url.as_deref());
    if let Some(a) = r.accessed.as_deref().map(clean).filter(|a| !a.is_empty()) {
        item.insert("accessed".into(), json!({ "raw": a }));
    }
    put(&mut item, "language", language(&r.lang));
    if !notes.is_empty() {
        item.insert("note".into(), json!(notes.join("\n")));
    }
    Value::Object(item)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{LocalizedText, ReferenceGroup};

    #[test]
    fn paper_and_references_validate_with_names_kept_whole() {
        let mut doc = Document::default();
        doc.front.language = "ar".into();
        doc.front.titles.push(LocalizedText {
            lang: "ar".into(),
            text: "عنوان".into(),
            source: None,
        });
        doc.back.reference_groups.push(ReferenceGroup {
            id: "refs1".into(),
            references: vec![Reference {
                id: "ref1".into(),
                raw: "x".into(),
                lang: "ar".into(),
                ref_type: ReferenceType::MastersThesis,
                authors: vec![
                    Agent::Person {
                        as_written: "نور الدين عبدالله".into(),
                        family: None,
                        given: None,
                    },
                    Agent::Organization {
                        name: "بي بي سي".into(),
                    },
                ],
                title: Some("رسالة".into()),
                ..Reference::default()
            }],
            ..ReferenceGroup::default()
        });
        let out = write_csljson(&doc).unwrap();
        let v: Value = serde_json::from_slice(&out.bytes).unwrap();
        assert_eq!(v[1]["author"][0], json!({"literal": "نور الدين عبدالله"}));
        assert_eq!(v[1]["type"], json!("thesis"));
        let report = crate::validate::csljson::validate_csljson(&out.bytes);
        assert!(report.is_valid(), "{:?}", report.diagnostics);
    }
}
