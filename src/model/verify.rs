//! Model-level guarantees every reader gives and every writer can rely on:
//! [`Document::drop_blank_values`] removes values that hold nothing visible, and
//! [`Document::verify`] reports what is still wrong with the facts — malformed identifiers
//! and language tags, dates that do not exist, reversed page ranges, history dates out of
//! order, identifiers that point nowhere or twice.

use super::common::{Diagnostic, PageRange, PartialDate, Printed, Span};
use super::identifiers::{IssnError, LanguageTag};
use super::{Document, Front, HistoryKind, Reference, ReferenceGroup};
use crate::script::digits::is_blank;
use std::collections::HashSet;
use std::fmt::Display;
use std::str::FromStr;

/// Clears an optional text value that holds nothing visible.
fn clear_blank<T: AsRef<str>>(field: &mut Option<T>) {
    if field.as_ref().is_some_and(|v| is_blank(v.as_ref())) {
        *field = None;
    }
}

impl Reference {
    /// Parsed fields that hold nothing visible (a stray byte order mark or direction mark left
    /// by PDF extraction) are no fields at all. The raw entry text keeps them.
    pub fn drop_blank_values(&mut self) {
        for field in [
            &mut self.title,
            &mut self.container,
            &mut self.edition,
            &mut self.publisher,
            &mut self.place,
            &mut self.url,
            &mut self.accessed,
        ] {
            clear_blank(field);
        }
        clear_blank(&mut self.volume);
        clear_blank(&mut self.issue);
        clear_blank(&mut self.doi);
        self.authors.retain(|a| !is_blank(a.as_written()));
        if self.year.as_ref().is_some_and(|y| is_blank(&y.raw)) {
            self.year = None;
        }
        if self.pages.as_ref().is_some_and(|p| is_blank(&p.raw)) {
            self.pages = None;
        }
    }
}

impl ReferenceGroup {
    /// Drops the blank values of every entry (see [`Reference::drop_blank_values`]).
    pub fn drop_blank_values(&mut self) {
        for r in &mut self.references {
            r.drop_blank_values();
        }
    }
}

impl Front {
    /// Titles, abstracts, keywords and contributors whose text holds nothing visible are
    /// dropped, and so are blank emails, ORCID iDs and publication facts; an author note that
    /// pointed at a dropped contributor points at none.
    pub fn drop_blank_values(&mut self) {
        let p = &mut self.publication;
        clear_blank(&mut p.volume);
        clear_blank(&mut p.issue);
        clear_blank(&mut p.doi);
        for field in [&mut p.elocation, &mut p.url, &mut p.subject] {
            clear_blank(field);
        }
        if let Some(j) = &mut p.journal {
            j.titles.retain(|t| !is_blank(&t.text));
            clear_blank(&mut j.issn_print);
            clear_blank(&mut j.issn_electronic);
        }
        self.titles.retain(|t| !is_blank(&t.text));
        self.abstracts.retain(|a| !is_blank(&a.text));
        for group in &mut self.keywords {
            group.keywords.retain(|k| !is_blank(k));
        }
        self.keywords.retain(|g| !g.keywords.is_empty());
        let blank: Vec<String> = self
            .contributors
            .iter()
            .filter(|c| is_blank(&c.name.as_written))
            .map(|c| c.id.clone())
            .collect();
        self.contributors.retain(|c| !blank.contains(&c.id));
        for c in &mut self.contributors {
            clear_blank(&mut c.email);
            clear_blank(&mut c.orcid);
        }
        for note in &mut self.author_notes {
            if note
                .contributor_id
                .as_ref()
                .is_some_and(|id| blank.contains(id))
            {
                note.contributor_id = None;
            }
        }
    }
}

impl Document {
    /// Removes values that hold nothing visible from the front matter and the reference list,
    /// so that no writer has to guard against them. Readers call it before they hand the
    /// document on; it changes nothing twice.
    pub fn drop_blank_values(&mut self) {
        self.front.drop_blank_values();
        for group in &mut self.back.reference_groups {
            group.drop_blank_values();
        }
    }

    /// What is wrong with the document's facts, as warnings with their source lines: values
    /// that hold nothing visible, identifiers (ISSN, DOI, ORCID iD) and language tags that
    /// are not well-formed, dates that do not exist, page ranges that end before they start,
    /// history dates out of order, and identifiers that point nowhere or are used twice.
    /// Writers may rely on it instead of checking these facts again; an empty list means there
    /// is nothing to say.
    pub fn verify(&self) -> Vec<Diagnostic> {
        let mut v = Verifier::default();
        v.front(&self.front);
        for group in &self.back.reference_groups {
            v.lang_opt(
                group.lang.as_deref(),
                "reference group heading",
                line(group.source),
            );
            for r in &group.references {
                v.reference(r);
            }
        }
        self.links(&mut v);
        v.found
    }

    /// Identifiers that must be unique, and references between parts of the document.
    fn links(&self, v: &mut Verifier) {
        let front = &self.front;
        let unique = |v: &mut Verifier, what: &str, ids: Vec<(&str, Option<usize>)>| {
            let mut seen = HashSet::new();
            for (id, line) in ids {
                if !seen.insert(id) {
                    v.warn(
                        "duplicate-id",
                        format!("the {what} identifier `{id}` is used more than once"),
                        line,
                    );
                }
            }
        };
        unique(
            v,
            "contributor",
            front
                .contributors
                .iter()
                .map(|c| (c.id.as_str(), line(c.source)))
                .collect(),
        );
        unique(
            v,
            "affiliation",
            front
                .affiliations
                .iter()
                .map(|a| (a.id.as_str(), line(a.source)))
                .collect(),
        );
        unique(
            v,
            "footnote",
            self.back
                .footnotes
                .iter()
                .map(|f| (f.id.as_str(), Some(f.source.line)))
                .collect(),
        );
        unique(
            v,
            "reference",
            self.back
                .references()
                .map(|r| (r.id.as_str(), Some(r.source.line)))
                .collect(),
        );
        let affiliations: HashSet<&str> =
            front.affiliations.iter().map(|a| a.id.as_str()).collect();
        for c in &front.contributors {
            for id in c
                .affiliation_ids
                .iter()
                .filter(|id| !affiliations.contains(id.as_str()))
            {
                v.warn(
                    "dangling-affiliation",
                    format!("contributor {} names the affiliation `{id}`, which the document does not have", c.id),
                    line(c.source),
                );
            }
        }
        let notes: HashSet<&str> = self.back.footnotes.iter().map(|f| f.id.as_str()).collect();
        for c in &front.contributors {
            for id in c
                .footnote_ids
                .iter()
                .filter(|id| !notes.contains(id.as_str()))
            {
                v.warn(
                    "dangling-footnote",
                    format!("contributor {} calls the footnote `{id}`, which the document does not have", c.id),
                    line(c.source),
                );
            }
        }
        let contributors: HashSet<&str> =
            front.contributors.iter().map(|c| c.id.as_str()).collect();
        for note in &front.author_notes {
            if let Some(id) = note
                .contributor_id
                .as_deref()
                .filter(|id| !contributors.contains(id))
            {
                v.warn(
                    "dangling-contributor",
                    format!("an author note belongs to the contributor `{id}`, which the document does not have"),
                    line(note.source),
                );
            }
        }
        let references: HashSet<&str> = self.back.references().map(|r| r.id.as_str()).collect();
        let footnotes: HashSet<&str> = self.back.footnotes.iter().map(|f| f.id.as_str()).collect();
        for f in &self.back.footnotes {
            let Some(c) = &f.citation else { continue };
            if let Some(id) = c
                .reference_id
                .as_deref()
                .filter(|id| !references.contains(id))
            {
                v.warn(
                    "dangling-reference",
                    format!(
                        "footnote {} cites the reference `{id}`, which the document does not have",
                        f.id
                    ),
                    Some(f.source.line),
                );
            }
            if let Some(id) = c
                .via_footnote_id
                .as_deref()
                .filter(|id| !footnotes.contains(id))
            {
                v.warn(
                    "dangling-footnote",
                    format!("footnote {} points back to the footnote `{id}`, which the document does not have", f.id),
                    Some(f.source.line),
                );
            }
        }
        for r in self.back.references() {
            for id in r
                .cited_by
                .iter()
                .filter(|id| !footnotes.contains(id.as_str()))
            {
                v.warn(
                    "dangling-footnote",
                    format!("reference {} is cited by the footnote `{id}`, which the document does not have", r.id),
                    Some(r.source.line),
                );
            }
        }
    }
}

fn line(span: Option<Span>) -> Option<usize> {
    span.map(|s| s.line)
}

/// Collects the findings of [`Document::verify`].
#[derive(Default)]
struct Verifier {
    found: Vec<Diagnostic>,
}

impl Verifier {
    fn warn(&mut self, code: &str, message: String, line: Option<usize>) {
        self.found.push(Diagnostic::warning(code, message, line));
    }

    fn blank(&mut self, what: &str, line: Option<usize>) {
        self.warn(
            "blank-value",
            format!("the {what} holds nothing visible"),
            line,
        );
    }

    /// A text that must hold something visible.
    fn text(&mut self, text: &str, what: &str, line: Option<usize>) {
        if is_blank(text) {
            self.blank(what, line);
        }
    }

    /// An optional text that, when present, must hold something visible.
    fn text_opt(&mut self, text: Option<&str>, what: &str, line: Option<usize>) {
        if let Some(t) = text {
            self.text(t, what, line);
        }
    }

    /// A language tag that must be present and well-formed.
    fn lang(&mut self, tag: &str, what: &str, line: Option<usize>) {
        if is_blank(tag) {
            self.blank(&format!("language of the {what}"), line);
        } else if let Err(e) = LanguageTag::parse(tag) {
            self.warn("invalid-language-tag", format!("the {what}: {e}"), line);
        }
    }

    fn lang_opt(&mut self, tag: Option<&str>, what: &str, line: Option<usize>) {
        if let Some(t) = tag {
            self.lang(t, what, line);
        }
    }

    /// A printed identifier: present means visible and readable.
    fn identifier<T: FromStr>(
        &mut self,
        value: Option<&Printed<T>>,
        code: &str,
        what: &str,
        line: Option<usize>,
    ) where
        T::Err: Display,
    {
        let Some(value) = value else { return };
        if is_blank(value) {
            self.blank(what, line);
        } else if let Err(e) = value.reading() {
            self.warn(code, format!("the {what}: {e}"), line);
        }
    }

    fn date(&mut self, date: &PartialDate, what: &str, line: Option<usize>) {
        if let Err(e) = date.checked() {
            self.warn("impossible-date", format!("the {what}: {e}"), line);
        }
    }

    fn pages(&mut self, pages: &PageRange, what: &str, line: Option<usize>) {
        self.text(&pages.raw, what, line);
        if let (Some(first), Some(last)) = (pages.first, pages.last) {
            if last < first {
                self.warn(
                    "page-range-reversed",
                    format!(
                        "the {what} `{}` ends on page {last}, before its first page {first}",
                        pages.raw
                    ),
                    line,
                );
            }
        }
    }

    fn front(&mut self, front: &Front) {
        self.lang(&front.language, "article", None);
        for t in &front.titles {
            self.text(&t.text, "title", line(t.source));
            self.lang(&t.lang, "title", line(t.source));
        }
        for a in &front.abstracts {
            self.text(&a.text, "abstract", line(a.source));
            self.lang(&a.lang, "abstract", line(a.source));
        }
        for g in &front.keywords {
            self.lang(&g.lang, "keyword group", line(g.source));
            for k in &g.keywords {
                self.text(k, "keyword", line(g.source));
            }
        }
        for c in &front.contributors {
            let at = line(c.source);
            for name in std::iter::once(&c.name).chain(&c.alt_names) {
                self.text(&name.as_written, "contributor name", at);
                self.lang(&name.lang, "contributor name", at);
            }
            self.text_opt(c.email.as_deref(), "contributor email", at);
            self.identifier(c.orcid.as_ref(), "invalid-orcid", "ORCID iD", at);
        }
        for a in &front.affiliations {
            let at = line(a.source);
            self.text(&a.raw, "affiliation", at);
            self.lang(&a.lang, "affiliation", at);
        }
        let p = &front.publication;
        if let Some(j) = &p.journal {
            for t in &j.titles {
                self.text(&t.text, "journal title", None);
                self.lang(&t.lang, "journal title", None);
            }
            for issn in [&j.issn_print, &j.issn_electronic].into_iter().flatten() {
                let code = match issn.reading() {
                    Err(IssnError::CheckDigit { .. }) => "issn-check-digit",
                    _ => "invalid-issn",
                };
                self.identifier(Some(issn), code, "ISSN", None);
            }
        }
        self.text_opt(p.volume.as_deref(), "volume", None);
        self.text_opt(p.issue.as_deref(), "issue", None);
        self.text_opt(p.elocation.as_deref(), "electronic location", None);
        self.text_opt(p.url.as_deref(), "landing page URL", None);
        self.text_opt(p.subject.as_deref(), "subject", None);
        self.identifier(p.doi.as_ref(), "invalid-doi", "article DOI", None);
        if let Some(d) = &p.published {
            self.date(d, "publication date", None);
        }
        if let Some(pages) = &p.pages {
            self.pages(pages, "page range", None);
        }
        for h in &p.history {
            if let Some(d) = &h.date {
                self.date(d, "history date", line(h.source));
            }
        }
        self.history_order(front);
    }

    /// History events of a later kind dated before those of an earlier kind (compared as far
    /// as both dates are precise).
    fn history_order(&mut self, front: &Front) {
        let rank = |k: HistoryKind| match k {
            HistoryKind::Received => 0,
            HistoryKind::Revised => 1,
            HistoryKind::Accepted => 2,
            HistoryKind::Published => 3,
        };
        let history = &front.publication.history;
        for (i, later) in history.iter().enumerate() {
            for earlier in history.iter().take(i).chain(history.iter().skip(i + 1)) {
                let (Some(a), Some(b)) = (&earlier.date, &later.date) else {
                    continue;
                };
                if rank(earlier.kind) < rank(later.kind) && precedes(b, a) {
                    self.warn(
                        "history-out-of-order",
                        format!(
                            "the {} date {} comes before the {} date {}",
                            kind_name(later.kind),
                            b.iso(),
                            kind_name(earlier.kind),
                            a.iso()
                        ),
                        line(later.source),
                    );
                }
            }
        }
    }

    fn reference(&mut self, r: &Reference) {
        let at = Some(r.source.line);
        let what = |field: &str| format!("{field} of reference {}", r.id);
        self.lang(&r.lang, &format!("reference {}", r.id), at);
        for (value, field) in [
            (r.title.as_deref(), "title"),
            (r.container.as_deref(), "container"),
            (r.volume.as_deref(), "volume"),
            (r.issue.as_deref(), "issue"),
            (r.edition.as_deref(), "edition"),
            (r.publisher.as_deref(), "publisher"),
            (r.place.as_deref(), "place"),
            (r.url.as_deref(), "URL"),
            (r.accessed.as_deref(), "access date"),
        ] {
            self.text_opt(value, &what(field), at);
        }
        for a in &r.authors {
            self.text(a.as_written(), &what("author"), at);
        }
        if let Some(y) = &r.year {
            self.text(&y.raw, &what("year"), at);
        }
        self.identifier(r.doi.as_ref(), "invalid-doi", &what("DOI"), at);
        if let Some(pages) = &r.pages {
            self.pages(pages, &what("page range"), at);
        }
    }
}

/// Whether `a` is certainly before `b`, compared on the parts both dates have.
fn precedes(a: &PartialDate, b: &PartialDate) -> bool {
    let (month, day) = match (a.month.zip(b.month), a.day.zip(b.day)) {
        (Some(m), Some(d)) => (Some(m), Some(d)),
        (Some(m), None) => (Some(m), None),
        _ => (None, None),
    };
    (a.year, month.map(|m| m.0), day.map(|d| d.0)) < (b.year, month.map(|m| m.1), day.map(|d| d.1))
}

fn kind_name(kind: HistoryKind) -> &'static str {
    match kind {
        HistoryKind::Received => "received",
        HistoryKind::Revised => "revised",
        HistoryKind::Accepted => "accepted",
        HistoryKind::Published => "published",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{
        Contributor, HistoryDate, Journal, LocalizedText, Numbering, PersonName, Script,
    };

    fn doc() -> Document {
        let mut doc = Document::default();
        doc.front.language = "ar".into();
        doc.front.titles.push(LocalizedText {
            lang: "ar".into(),
            text: "عنوان".into(),
            source: Some(Span::line(1)),
        });
        doc.front.contributors.push(Contributor {
            id: "c1".into(),
            name: PersonName {
                as_written: "علي حسن".into(),
                script: Script::Arabic,
                lang: "ar".into(),
                ..Default::default()
            },
            source: Some(Span::line(2)),
            ..Default::default()
        });
        doc
    }

    fn codes(doc: &Document) -> Vec<String> {
        doc.verify().into_iter().map(|d| d.code).collect()
    }

    #[test]
    fn a_sound_document_has_nothing_to_report() {
        assert_eq!(doc().verify(), Vec::new());
    }

    #[test]
    fn blank_values_are_dropped_once_and_reported_otherwise() {
        let mut d = doc();
        d.front.titles.push(LocalizedText {
            lang: "en".into(),
            text: "\u{200f} ".into(),
            source: None,
        });
        d.front.publication.volume = Some(Numbering::new("\u{feff}"));
        d.front.contributors[0].alt_names.push(PersonName {
            as_written: " ".into(),
            lang: "en".into(),
            ..Default::default()
        });
        assert_eq!(codes(&d), ["blank-value", "blank-value", "blank-value"]);
        d.drop_blank_values();
        assert_eq!(d.front.titles.len(), 1);
        assert_eq!(d.front.publication.volume, None);
        // A blank other-script name is reported, not guessed away.
        assert_eq!(codes(&d), ["blank-value"]);
        let once = d.clone();
        d.drop_blank_values();
        assert_eq!(d, once);
    }

    #[test]
    fn identifiers_language_tags_and_dates_are_checked() {
        let mut d = doc();
        d.front.language = "ar_IQ".into();
        d.front.contributors[0].orcid = Some("0000-0002-1825-0098".into());
        d.front.publication.journal = Some(Journal {
            issn_print: Some("2070-9251".into()),
            issn_electronic: Some("1234--567".into()),
            ..Default::default()
        });
        d.front.publication.doi = Some("https://doi.org/10.5555/x".into());
        d.front.publication.published = Some(PartialDate {
            year: 2025,
            month: Some(2),
            day: Some(30),
        });
        let found = d.verify();
        let codes: Vec<&str> = found.iter().map(|f| f.code.as_str()).collect();
        assert_eq!(
            codes,
            [
                "invalid-language-tag",
                "invalid-orcid",
                "issn-check-digit",
                "invalid-issn",
                "invalid-doi",
                "impossible-date"
            ]
        );
        assert_eq!(found[1].line, Some(2));
        assert!(
            found[5].message.contains("February 2025 has 28 days"),
            "{}",
            found[5].message
        );
    }

    #[test]
    fn inconsistent_facts_are_reported() {
        let mut d = doc();
        let dated = |kind, y, m, line| HistoryDate {
            kind,
            date: Some(PartialDate {
                year: y,
                month: m,
                day: None,
            }),
            raw: String::new(),
            source: Some(Span::line(line)),
        };
        d.front.publication.history = vec![
            dated(HistoryKind::Received, 2024, Some(5), 3),
            dated(HistoryKind::Accepted, 2024, Some(3), 4),
            dated(HistoryKind::Published, 2024, None, 5),
        ];
        d.front.publication.pages = Some(PageRange {
            raw: "125-101".into(),
            first: Some(125),
            last: Some(101),
        });
        d.front.contributors[0].affiliation_ids = vec!["aff9".into()];
        d.front.contributors[0].footnote_ids = vec!["fn99".into()];
        d.front.contributors.push(d.front.contributors[0].clone());
        let found = d.verify();
        let codes: Vec<&str> = found.iter().map(|f| f.code.as_str()).collect();
        assert_eq!(
            codes,
            [
                "page-range-reversed",
                "history-out-of-order",
                "duplicate-id",
                "dangling-affiliation",
                "dangling-affiliation",
                "dangling-footnote",
                "dangling-footnote"
            ]
        );
        assert_eq!(found[1].line, Some(4));
        assert_eq!(
            found[1].message,
            "the accepted date 2024-03 comes before the received date 2024-05"
        );
    }
}
