//! Where each publication fact of a document came from: the last metadata layer that sets
//! it (a journal file, an article file, the command line), else the input it was read from,
//! else nowhere (`papermeta extract --explain`).

use super::Metadata;
use crate::model::{Document, HistoryKind, LocalizedText};

/// Where a value came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    /// A metadata layer, by its origin (a file's name, or `command line`).
    Layer(String),
    /// The input, at this line when it is known.
    Input(Option<usize>),
    /// No source gives it.
    Unset,
}

/// One documented key with its final value and where that value came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValueOrigin {
    /// The metadata key (`article.doi`, `authors[2].orcid`).
    pub key: String,
    /// The document's value, as text.
    pub value: Option<String>,
    /// Where it came from.
    pub origin: Origin,
}

type Sets = fn(&Metadata) -> bool;
type Reads = fn(&Document) -> Option<(String, Option<usize>)>;
type AuthorField = (&'static str, Option<String>, fn(&super::AuthorMeta) -> bool);

/// The publication keys, what makes a layer set each, and how to read it from a document.
const KEYS: &[(&str, Sets, Reads)] = &[
    (
        "journal.id",
        |m| m.journal.as_ref().is_some_and(|j| j.id.is_some()),
        |d| journal(d).and_then(|j| j.id.clone()).map(|v| (v, None)),
    ),
    (
        "journal.title",
        |m| m.journal.as_ref().is_some_and(|j| j.title.is_some()),
        |d| journal(d).and_then(|j| texts(&j.titles)),
    ),
    (
        "journal.issn_print",
        |m| m.journal.as_ref().is_some_and(|j| j.issn_print.is_some()),
        |d| {
            journal(d)
                .and_then(|j| j.issn_print.as_ref())
                .map(|v| (v.to_string(), None))
        },
    ),
    (
        "journal.issn_electronic",
        |m| {
            m.journal
                .as_ref()
                .is_some_and(|j| j.issn_electronic.is_some())
        },
        |d| {
            journal(d)
                .and_then(|j| j.issn_electronic.as_ref())
                .map(|v| (v.to_string(), None))
        },
    ),
    (
        "journal.publisher",
        |m| m.journal.as_ref().is_some_and(|j| j.publisher.is_some()),
        |d| {
            let j = journal(d)?;
            let parts: Vec<&str> = [j.publisher_name.as_deref(), j.publisher_place.as_deref()]
                .into_iter()
                .flatten()
                .collect();
            (!parts.is_empty()).then(|| (parts.join(", "), None))
        },
    ),
    (
        "article.volume",
        |m| article(m).is_some_and(|a| a.volume.is_some()),
        |d| {
            d.front
                .publication
                .volume
                .as_ref()
                .map(|v| (v.to_string(), None))
        },
    ),
    (
        "article.issue",
        |m| article(m).is_some_and(|a| a.issue.is_some()),
        |d| {
            d.front
                .publication
                .issue
                .as_ref()
                .map(|v| (v.to_string(), None))
        },
    ),
    (
        "article.published",
        |m| article(m).is_some_and(|a| a.published.is_some()),
        |d| d.front.publication.published.map(|p| (p.iso(), None)),
    ),
    (
        "article.received",
        |m| article(m).is_some_and(|a| a.received.is_some()),
        |d| history(d, HistoryKind::Received),
    ),
    (
        "article.accepted",
        |m| article(m).is_some_and(|a| a.accepted.is_some()),
        |d| history(d, HistoryKind::Accepted),
    ),
    (
        "article.pages",
        |m| article(m).is_some_and(|a| a.pages.is_some()),
        |d| {
            d.front
                .publication
                .pages
                .as_ref()
                .map(|p| (p.raw.clone(), None))
        },
    ),
    (
        "article.elocation",
        |m| article(m).is_some_and(|a| a.elocation.is_some()),
        |d| d.front.publication.elocation.clone().map(|v| (v, None)),
    ),
    (
        "article.doi",
        |m| article(m).is_some_and(|a| a.doi.is_some()),
        |d| {
            d.front
                .publication
                .doi
                .as_ref()
                .map(|v| (v.to_string(), None))
        },
    ),
    (
        "article.url",
        |m| article(m).is_some_and(|a| a.url.is_some()),
        |d| d.front.publication.url.clone().map(|v| (v, None)),
    ),
    (
        "article.license",
        |m| article(m).is_some_and(|a| a.license.is_some()),
        |d| {
            let l = d.front.publication.license.as_ref()?;
            l.url.clone().or_else(|| l.text.clone()).map(|v| (v, None))
        },
    ),
    (
        "article.title",
        |m| article(m).is_some_and(|a| a.title.is_some()),
        |d| texts(&d.front.titles),
    ),
    (
        "article.subject",
        |m| article(m).is_some_and(|a| a.subject.is_some()),
        |d| d.front.publication.subject.clone().map(|v| (v, None)),
    ),
];

fn journal(d: &Document) -> Option<&crate::model::Journal> {
    d.front.publication.journal.as_ref()
}

fn article(m: &Metadata) -> Option<&super::ArticleMeta> {
    m.article.as_ref()
}

fn history(d: &Document, kind: HistoryKind) -> Option<(String, Option<usize>)> {
    let h = d
        .front
        .publication
        .history
        .iter()
        .find(|h| h.kind == kind)?;
    let value = h.date.map_or_else(|| h.raw.clone(), |date| date.iso());
    Some((value, h.source.map(|s| s.line)))
}

fn texts(list: &[LocalizedText]) -> Option<(String, Option<usize>)> {
    let first = list.first()?;
    let value = list
        .iter()
        .map(|t| format!("{}: {}", t.lang, t.text))
        .collect::<Vec<_>>()
        .join("; ");
    Some((value, first.source.map(|s| s.line)))
}

/// For every publication key and every author field, the document's value and where it came
/// from: the last of `layers` that sets it, else the input, else nowhere.
pub fn explain(doc: &Document, layers: &[&Metadata]) -> Vec<ValueOrigin> {
    let mut rows = Vec::new();
    let origin_of =
        |sets: &dyn Fn(&Metadata) -> bool, value: &Option<(String, Option<usize>)>| match layers
            .iter()
            .rev()
            .find(|m| sets(m))
        {
            Some(m) => Origin::Layer(m.origin.clone()),
            None => match value {
                Some((_, line)) => Origin::Input(*line),
                None => Origin::Unset,
            },
        };
    for (key, sets, reads) in KEYS {
        let value = reads(doc);
        rows.push(ValueOrigin {
            key: (*key).to_string(),
            origin: origin_of(sets, &value),
            value: value.map(|(v, _)| v),
        });
    }
    let count = layers
        .iter()
        .map(|m| m.authors.len())
        .chain(std::iter::once(doc.front.contributors.len()))
        .max()
        .unwrap_or(0);
    for i in 0..count {
        let c = doc.front.contributors.get(i);
        let line = c.and_then(|c| c.source.map(|s| s.line));
        let fields: [AuthorField; 5] = [
            ("name", c.map(|c| c.name.as_written.clone()), |a| {
                a.name.is_some()
            }),
            (
                "latin",
                c.and_then(|c| {
                    c.alt_names
                        .iter()
                        .find(|n| n.script == crate::model::Script::Latin)
                        .map(|n| n.as_written.clone())
                }),
                |a| a.latin.is_some(),
            ),
            (
                "orcid",
                c.and_then(|c| c.orcid.as_ref().map(|o| o.to_string())),
                |a| a.orcid.is_some(),
            ),
            ("email", c.and_then(|c| c.email.clone()), |a| {
                a.email.is_some()
            }),
            (
                "corresponding",
                c.filter(|c| c.corresponding).map(|_| "true".to_string()),
                |a| a.corresponding.is_some(),
            ),
        ];
        for (field, value, sets) in fields {
            let value = value.map(|v| (v, line));
            let sets_it = |m: &Metadata| m.authors.get(i).is_some_and(sets);
            let mut origin = origin_of(&sets_it, &value);
            // A Latin form papermeta derived says so, not the name's line.
            let derived = c
                .and_then(|c| {
                    c.alt_names
                        .iter()
                        .find(|n| n.script == crate::model::Script::Latin)
                })
                .map(|n| n.origin);
            if field == "latin" && matches!(origin, Origin::Input(_)) {
                match derived {
                    Some(crate::model::NameOrigin::Email) => {
                        origin = Origin::Layer("the author's email".to_string())
                    }
                    Some(crate::model::NameOrigin::Machine) => {
                        origin = Origin::Layer("papermeta's romanization, machine".to_string())
                    }
                    _ => {}
                }
            }
            rows.push(ValueOrigin {
                key: format!("authors[{}].{field}", i + 1),
                origin,
                value: value.map(|(v, _)| v),
            });
        }
    }
    rows
}

/// The rows of [`explain`] as lines: `key = value  (from …)`.
pub fn format_explain(rows: &[ValueOrigin], input: &str) -> String {
    let width = rows
        .iter()
        .map(|r| r.key.chars().count())
        .max()
        .unwrap_or(0);
    let mut out = String::new();
    for r in rows {
        let from = match &r.origin {
            Origin::Layer(origin) => format!("from {origin}"),
            Origin::Input(Some(line)) => format!("read from {input}:{line}"),
            Origin::Input(None) => format!("read from {input}"),
            Origin::Unset => "not set".to_string(),
        };
        let value = r.value.as_deref().unwrap_or("-");
        out.push_str(&format!("{:width$}  {value}  ({from})\n", r.key));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::meta::{apply_metadata, parse_metadata, FactFlags};

    #[test]
    fn later_layers_win_and_each_value_names_its_source() {
        let journal = parse_metadata(
            "[journal]\nid = \"j\"\nissn_print = \"2070-9250\"\n[article]\nvolume = \"4\"\nissue = \"1\"\n",
            "journal.toml",
        )
        .unwrap();
        let article = parse_metadata(
            "{\"article\": {\"issue\": \"2\", \"pages\": \"5-9\"}, \"authors\": [{\"orcid\": \"0000-0002-1825-0097\"}]}",
            "article.json",
        )
        .unwrap();
        let flags = FactFlags {
            pages: Some("7-9".into()),
            ..FactFlags::default()
        }
        .to_metadata()
        .unwrap()
        .unwrap();
        let mut doc = Document::default();
        doc.front.contributors.push(crate::model::Contributor {
            id: "c1".into(),
            name: crate::model::PersonName {
                as_written: "Ali Hasan".into(),
                ..Default::default()
            },
            source: Some(crate::model::Span::line(3)),
            ..Default::default()
        });
        doc.front.publication.doi = Some("10.5555/printed".into());
        let layers = [&journal, &article, &flags];
        for m in layers {
            apply_metadata(&mut doc, m);
        }
        let rows = explain(&doc, &layers);
        let row = |key: &str| rows.iter().find(|r| r.key == key).unwrap().clone();
        assert_eq!(
            row("article.volume").origin,
            Origin::Layer("journal.toml".into())
        );
        let issue = row("article.issue");
        assert_eq!(
            (issue.value.as_deref(), issue.origin),
            (Some("2"), Origin::Layer("article.json".into()))
        );
        let pages = row("article.pages");
        assert_eq!(
            (pages.value.as_deref(), pages.origin),
            (Some("7-9"), Origin::Layer("command line".into()))
        );
        assert_eq!(row("article.doi").origin, Origin::Input(None));
        assert_eq!(row("article.url").origin, Origin::Unset);
        assert_eq!(row("authors[1].name").origin, Origin::Input(Some(3)));
        assert_eq!(
            row("authors[1].orcid").origin,
            Origin::Layer("article.json".into())
        );
        let text = format_explain(&rows, "paper.txt");
        assert!(text.contains("article.pages"), "{text}");
        assert!(text.contains("7-9  (from command line)"), "{text}");
        assert!(text.contains("(read from paper.txt:3)"), "{text}");
    }

    #[test]
    fn a_derived_latin_form_says_where_it_came_from() {
        let mut doc = Document::default();
        for (id, email) in [("c1", Some("huda.salim@x.org")), ("c2", None)] {
            let mut c = crate::model::Contributor {
                id: id.into(),
                name: crate::model::PersonName {
                    as_written: "هدى سالم جواد".into(),
                    script: crate::model::Script::Arabic,
                    lang: "ar".into(),
                    given: Some("هدى سالم".into()),
                    family: Some("جواد".into()),
                    ..Default::default()
                },
                email: email.map(str::to_string),
                source: Some(crate::model::Span::line(3)),
                ..Default::default()
            };
            crate::extract::person_names::fill_latin_form(&mut c);
            doc.front.contributors.push(c);
        }
        let rows = explain(&doc, &[]);
        let row = |key: &str| rows.iter().find(|r| r.key == key).unwrap().clone();
        let email = row("authors[1].latin");
        assert_eq!(
            (email.value.as_deref(), email.origin),
            (
                Some("Huda Salim"),
                Origin::Layer("the author's email".into())
            )
        );
        assert_eq!(
            row("authors[2].latin").origin,
            Origin::Layer("papermeta's romanization, machine".into())
        );
    }
}
