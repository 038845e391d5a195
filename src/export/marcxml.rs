//! MARCXML (MARC 21 bibliographic, `MARC21slim.xsd`): one record describing the article
//! as a component part of its journal, in a `collection`.
//!
//! Leader `aa` (language material, monographic component part); 008 with the publication
//! year and the MARC language code; 024 DOI; 041 languages of the text and summaries;
//! 100/700 names as catalogued (`Family, Given`) with relator terms, affiliations and ORCID;
//! 245 title with its statement of responsibility; 246 parallel titles; 520 abstracts; 540
//! license; 653 keywords; 773 host item (journal, ISSN, volume, issue, pages); 856 URL.
//! Where a Latin form of a name in another script is known, the regular field holds the
//! Latin form and a linked 880 field the original script (`$6` linkage with the MARC script
//! code); where none is known the field holds the name as printed.

use super::xmlout::{clean, document, Element};
use super::{Export, ExportError};
use crate::model::{Contributor, ContributorRole, Diagnostic, Document, PersonName, Script};

const FORMAT: &str = "MARCXML";

/// The MARCXML namespace and the published location of its schema.
pub const NAMESPACE: &str = "http://www.loc.gov/MARC21/slim";
const SCHEMA_LOCATION: &str =
    "http://www.loc.gov/MARC21/slim http://www.loc.gov/standards/marcxml/schema/MARC21slim.xsd";
const NS_XSI: &str = "http://www.w3.org/2001/XMLSchema-instance";

/// MARC language codes (MARC Code List for Languages) of BCP 47 primary subtags.
pub const LANGUAGE_CODES: &[(&str, &str)] = &[
    ("ar", "ara"),
    ("en", "eng"),
    ("fr", "fre"),
    ("de", "ger"),
    ("es", "spa"),
    ("it", "ita"),
    ("fa", "per"),
    ("tr", "tur"),
    ("ku", "kur"),
    ("ur", "urd"),
    ("he", "heb"),
    ("ru", "rus"),
    ("pt", "por"),
    ("nl", "dut"),
    ("zh", "chi"),
    ("ja", "jpn"),
];

/// Script identification codes of `$6` (MARC 21 Specifications, 880 linkage) and the
/// field orientation.
const SCRIPT_CODES: &[(Script, &str)] = &[(Script::Arabic, "(3/r")];

/// The leader: 00-04 length (not computed in MARCXML), 05 `n` new, 06 `a` language
/// material, 07 `a` monographic component part, 09 `a` UCS/Unicode, 10-11 indicator and
/// subfield code counts, 12-16 base address, 17 `7` minimal level, 18 ` ` non-ISBD
/// punctuation, 20-23 `4500`.
const LEADER: &str = "00000naa a22000007  4500";

/// Relator terms (`$e`) per role.
const RELATORS: &[(ContributorRole, &str)] = &[
    (ContributorRole::Author, "author"),
    (ContributorRole::Editor, "editor"),
    (ContributorRole::Translator, "translator"),
];

fn count(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

fn language_code(tag: &str) -> Option<&'static str> {
    let primary = tag.split('-').next().unwrap_or("").to_ascii_lowercase();
    LANGUAGE_CODES
        .iter()
        .find(|(b, _)| *b == primary)
        .map(|(_, m)| *m)
}

fn datafield(tag: &str, ind1: char, ind2: char, subfields: &[(char, String)]) -> Option<Element> {
    let mut f = Element::new("datafield")
        .attr("tag", tag)
        .attr("ind1", ind1.to_string())
        .attr("ind2", ind2.to_string());
    for (code, value) in subfields {
        let v = clean(value);
        if !v.is_empty() {
            f.push(Element::leaf("subfield", v).attr("code", code.to_string()));
        }
    }
    (!f.is_empty()).then_some(f)
}

/// 008 for books (a component part is described as one): 00-05 date entered (left
/// blank: not known), 06 type of date, 07-10 date 1, 15-17 place (`xx `: unknown), 29-31
/// conference, festschrift, index (`0`: no), 33 literary form (`0`: not fiction), 35-37
/// language, 39 cataloguing source (`d`: other).
fn field_008(date_type: char, year: &str, language: &str) -> String {
    let mut f = [' '; 40];
    f[6] = date_type;
    for (i, c) in year.chars().take(4).enumerate() {
        f[7 + i] = c;
    }
    f[15] = 'x';
    f[16] = 'x';
    f[29] = '0';
    f[30] = '0';
    f[31] = '0';
    f[33] = '0';
    for (i, c) in language.chars().take(3).enumerate() {
        f[35 + i] = c;
    }
    f[39] = 'd';
    f.iter().collect()
}

/// `Family, Given`, or the name whole when its parts are unknown.
fn catalogued(n: &PersonName) -> String {
    match (
        n.family.as_deref().map(str::trim).filter(|f| !f.is_empty()),
        n.given.as_deref().map(str::trim).filter(|g| !g.is_empty()),
    ) {
        (Some(f), Some(g)) => format!("{f}, {g}"),
        (Some(f), None) => f.to_string(),
        _ => n.as_written.trim().to_string(),
    }
}

struct Fields {
    fields: Vec<(String, Element)>,
    /// 880 fields, in the order they are linked.
    alternates: Vec<Element>,
}

impl Fields {
    fn add(&mut self, tag: &str, field: Option<Element>) {
        if let Some(f) = field {
            self.fields.push((tag.to_string(), f));
        }
    }
}

/// Writes `doc` as a MARCXML collection holding one bibliographic record.
pub fn write_marcxml(doc: &Document) -> Result<Export, ExportError> {
    let front = &doc.front;
    let title = super::required_title(doc, FORMAT)?;
    let p = &front.publication;
    let mut warnings = Vec::new();
    let mut out = Fields {
        fields: Vec::new(),
        alternates: Vec::new(),
    };

    let lang = language_code(&front.language).or_else(|| language_code(&title.lang));
    if lang.is_none() {
        warnings.push(Diagnostic::warning(
            "marc-language",
            format!(
                "no MARC language code is known for `{}`; 008/35-37 says `und`",
                front.language
            ),
            None,
        ));
    }
    // 008 (books, for a component part): date entered left blank (not known), then the
    // publication year, unknown place, language, cataloguing source "other".
    let (date_type, year) = match &p.published {
        Some(d) if (0..=9999).contains(&d.year) => ('s', format!("{:04}", d.year)),
        _ => {
            warnings.push(Diagnostic::warning(
                "missing-publication-date",
                "no publication date: set `article.published` in the metadata file (008 says `uuuu`)",
                None,
            ));
            ('n', "uuuu".to_string())
        }
    };
    let f008 = field_008(date_type, &year, lang.unwrap_or("und"));

    let doi = p
        .doi
        .as_ref()
        .map(|d| super::identifier(d).unwrap_or_else(|| d.to_string()));
    if let Some(d) = &doi {
        out.add(
            "024",
            datafield("024", '7', ' ', &[('a', d.clone()), ('2', "doi".into())]),
        );
    }
    let summary_langs: Vec<&str> = front
        .abstracts
        .iter()
        .filter(|a| !a.text.trim().is_empty())
        .filter_map(|a| language_code(&a.lang))
        .filter(|c| Some(*c) != lang)
        .collect();
    if let (Some(l), false) = (lang, summary_langs.is_empty()) {
        let mut subs = vec![('a', l.to_string())];
        let mut seen = Vec::new();
        for s in summary_langs {
            if !seen.contains(&s) {
                seen.push(s);
                subs.push(('b', s.to_string()));
            }
        }
        out.add("041", datafield("041", '0', ' ', &subs));
    }

    let mut link = 0usize;
    let mut first_author = true;
    for c in &front.contributors {
        let tag = if first_author && c.role == ContributorRole::Author {
            first_author = false;
            "100"
        } else {
            "700"
        };
        let field = name_field(doc, c, tag, &mut link, &mut out.alternates);
        out.add(tag, field);
    }
    let has_main_entry = out.fields.iter().any(|(t, _)| t == "100");

    // 245: the title, and the names as printed as statement of responsibility.
    let responsibility: Vec<String> = front
        .contributors
        .iter()
        .filter(|c| c.role == ContributorRole::Author)
        .map(|c| c.name.as_written.trim().to_string())
        .collect();
    let mut t245 = vec![('a', clean(&title.text))];
    if !responsibility.is_empty() {
        t245[0].1.push_str(" /");
        t245.push(('c', responsibility.join(", ")));
    }
    out.add(
        "245",
        datafield("245", if has_main_entry { '1' } else { '0' }, '0', &t245),
    );
    for t in front.titles.iter().filter(|t| !std::ptr::eq(*t, title)) {
        out.add("246", datafield("246", '3', '1', &[('a', t.text.clone())]));
    }
    for a in front.abstracts.iter().filter(|a| !a.text.trim().is_empty()) {
        out.add("520", datafield("520", '3', ' ', &[('a', a.text.clone())]));
    }
    if let Some(l) = &p.license {
        let mut subs = Vec::new();
        if let Some(t) = &l.text {
            subs.push(('a', t.clone()));
        }
        if let Some(u) = &l.url {
            subs.push(('u', u.clone()));
        }
        out.add("540", datafield("540", ' ', ' ', &subs));
    }
    for k in front.keywords.iter().flat_map(|g| g.keywords.iter()) {
        out.add("653", datafield("653", ' ', ' ', &[('a', k.clone())]));
    }

    // 773: the host item.
    match &p.journal {
        Some(j) => {
            let mut subs = Vec::new();
            if let Some(t) = j.titles.first() {
                subs.push(('t', t.text.clone()));
            }
            let place_pub: Vec<&str> = [j.publisher_place.as_deref(), j.publisher_name.as_deref()]
                .into_iter()
                .flatten()
                .collect();
            if !place_pub.is_empty() {
                subs.push(('d', place_pub.join(" : ")));
            }
            let mut g = Vec::new();
            if let Some(v) = &p.volume {
                g.push(format!("Vol. {}", v.as_str().trim()));
            }
            if let Some(i) = &p.issue {
                g.push(format!("no. {}", i.as_str().trim()));
            }
            let mut g = g.join(", ");
            if let Some(d) = &p.published {
                g = format!("{g} ({})", d.year).trim().to_string();
            }
            match (&p.pages, &p.elocation) {
                (Some(pg), _) => {
                    let pages = match (pg.first, pg.last) {
                        (Some(f), Some(l)) if l != f => format!("{f}-{l}"),
                        (Some(f), _) => f.to_string(),
                        _ => pg.raw.clone(),
                    };
                    g = format!("{g}, p. {pages}").trim_start_matches(", ").to_string();
                }
                (None, Some(e)) => {
                    g = format!("{g}, {e}").trim_start_matches(", ").to_string();
                }
                _ => {}
            }
            if !g.is_empty() {
                subs.push(('g', g));
            }
            for issn in [&j.issn_print, &j.issn_electronic].into_iter().flatten() {
                subs.push(('x', super::identifier(issn).unwrap_or_else(|| issn.to_string())));
            }
            // $q: the enumeration, machine-readable (`volume:issue<first page`).
            let mut q = String::new();
            if let Some(v) = &p.volume {
                q.push_str(&super::numbering(v));
                if let Some(i) = &p.issue {
                    q.push(':');
                    q.push_str(&super::numbering(i));
                }
                if let Some(f) = p.pages.as_ref().and_then(|pg| pg.first) {
                    q.push_str(&format!("<{f}"));
                }
            }
            if !q.is_empty() {
                subs.push(('q', q));
            }
            out.add("773", datafield("773", '0', ' ', &subs));
        }
        None => warnings.push(Diagnostic::warning(
            "marc-no-host",
            "no journal is known, so the record has no 773 host item: set `journal.title` in the metadata file",
            None,
        )),
    }
    match (&p.url, &doi) {
        (Some(u), _) => out.add("856", datafield("856", '4', '0', &[('u', u.clone())])),
        (None, Some(d)) => out.add(
            "856",
            datafield("856", '4', '0', &[('u', format!("https://doi.org/{d}"))]),
        ),
        _ => {}
    }
    let refs = doc.back.references().count();
    if refs > 0 {
        warnings.push(Diagnostic::warning(
            "marc-no-references",
            format!(
                "a MARC bibliographic record holds no reference list; {} not written",
                count(refs, "reference is", "references are")
            ),
            None,
        ));
    }
    let emails = front
        .contributors
        .iter()
        .filter(|c| c.email.is_some())
        .count();
    if emails > 0 {
        warnings.push(Diagnostic::warning(
            "marc-no-email",
            format!(
                "MARC name fields hold no email address; {} not written",
                count(emails, "email is", "emails are")
            ),
            None,
        ));
    }

    let mut record = Element::new("record")
        .attr("type", "Bibliographic")
        .child(Element::leaf("leader", LEADER))
        .child(Element::leaf("controlfield", f008).attr("tag", "008"));
    out.fields.sort_by(|a, b| a.0.cmp(&b.0));
    for (_, f) in out.fields {
        record.push(f);
    }
    for f in out.alternates {
        record.push(f);
    }
    let root = Element::new("collection")
        .attr("xmlns", NAMESPACE)
        .attr("xmlns:xsi", NS_XSI)
        .attr("xsi:schemaLocation", SCHEMA_LOCATION)
        .child(record);
    Ok(Export {
        bytes: document(&root),
        warnings,
    })
}

/// A 100/700 field: the Latin form with a linked 880 in the original script when a Latin
/// form is known, else the name as printed.
fn name_field(
    doc: &Document,
    c: &Contributor,
    tag: &str,
    link: &mut usize,
    alternates: &mut Vec<Element>,
) -> Option<Element> {
    let relator = RELATORS
        .iter()
        .find(|(r, _)| *r == c.role)
        .map_or("author", |(_, t)| t);
    let mut extra: Vec<(char, String)> = vec![('e', relator.to_string())];
    for id in &c.affiliation_ids {
        if let Some(a) = doc.front.affiliations.iter().find(|a| &a.id == id) {
            extra.push(('u', a.raw.clone()));
        }
    }
    if let Some(o) = c.orcid.as_ref().and_then(super::identifier) {
        extra.push(('1', format!("https://orcid.org/{o}")));
    }
    let latin = (c.name.script != Script::Latin)
        .then(|| c.alt_names.iter().find(|n| n.script == Script::Latin))
        .flatten();
    let script_code = SCRIPT_CODES
        .iter()
        .find(|(s, _)| *s == c.name.script)
        .map(|(_, code)| *code);
    match (latin, script_code) {
        (Some(l), Some(code)) => {
            *link += 1;
            let n = format!("{:02}", *link);
            let mut subs = vec![('6', format!("880-{n}")), ('a', catalogued(l))];
            subs.extend(extra.iter().cloned());
            let mut alt = vec![
                ('6', format!("{tag}-{n}/{code}")),
                ('a', catalogued(&c.name)),
            ];
            alt.push(('e', relator.to_string()));
            if let Some(f) = datafield("880", '1', ' ', &alt) {
                alternates.push(f);
            }
            datafield(tag, '1', ' ', &subs)
        }
        _ => {
            let mut subs = vec![('a', catalogued(&c.name))];
            subs.extend(extra);
            datafield(tag, '1', ' ', &subs)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::LocalizedText;

    #[test]
    fn fixed_fields_have_their_lengths() {
        assert_eq!(LEADER.len(), 24);
        assert_eq!(field_008('s', "2099", "ara").len(), 40);
        assert_eq!(&field_008('s', "2099", "ara")[35..38], "ara");
    }

    #[test]
    fn arabic_name_with_latin_form_gets_a_linked_880() {
        let mut doc = Document::default();
        doc.front.language = "ar".into();
        doc.front.titles.push(LocalizedText {
            lang: "ar".into(),
            text: "عنوان".into(),
            source: None,
        });
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
            alt_names: vec![PersonName {
                as_written: "Ali Hasan".into(),
                script: Script::Latin,
                lang: "ar-Latn".into(),
                given: Some("Ali".into()),
                family: Some("Hasan".into()),
                ..Default::default()
            }],
            ..Contributor::default()
        });
        let out = write_marcxml(&doc).unwrap();
        let text = String::from_utf8(out.bytes.clone()).unwrap();
        assert!(
            text.contains("<subfield code=\"6\">880-01</subfield>"),
            "{text}"
        );
        assert!(
            text.contains("<subfield code=\"a\">Hasan, Ali</subfield>"),
            "{text}"
        );
        assert!(
            text.contains("<subfield code=\"6\">100-01/(3/r</subfield>"),
            "{text}"
        );
        assert!(
            text.contains("<subfield code=\"a\">حسن, علي</subfield>"),
            "{text}"
        );
        let report = crate::validate::marcxml::validate_marcxml(&out.bytes);
        assert!(report.is_valid(), "{:?}\n{text}", report.diagnostics);
    }
}
