//! `front`: journal-meta and article-meta.

use super::tables::{contrib_type, rank_prefix, same_lang};
use super::xml::Element;
use super::{Ctx, IdKind};
use crate::model::identifiers::ORCID_RESOLVER;
use crate::model::{
    Affiliation, Contributor, HistoryKind, Journal, LocalizedText, Numbering, PartialDate,
    PersonName, Script,
};
use crate::script::{detect_script, western_digits};

/// One `aff` per affiliation, ids declared.
pub(super) fn affiliations(ctx: &mut Ctx) -> Vec<Element> {
    let doc = ctx.doc;
    doc.front
        .affiliations
        .iter()
        .map(|a| affiliation(ctx, a))
        .collect()
}

/// The `author-notes` of all author notes (ids `an1`, ... declared), when there are any.
pub(super) fn author_notes(ctx: &mut Ctx) -> Option<Element> {
    let doc = ctx.doc;
    if doc.front.author_notes.is_empty() {
        return None;
    }
    let mut group = Element::new("author-notes");
    for (i, note) in doc.front.author_notes.iter().enumerate() {
        let id = ctx.declare(
            IdKind::AuthorNote,
            &note_key(i),
            note.source.map(|s| s.line),
        );
        group.push(
            Element::new("fn")
                .attr("id", id)
                .child(Element::text_leaf("p", note.text.clone())),
        );
    }
    Some(group)
}

/// The model-side key of the `i`th author note (notes have no id in the model).
fn note_key(i: usize) -> String {
    format!("an{}", i + 1)
}

/// The whole `front` element.
pub(super) fn front(ctx: &mut Ctx, affs: Vec<Element>, notes: Option<Element>) -> Element {
    let doc = ctx.doc;
    let mut front = Element::new("front");
    if let Some(journal) = &doc.front.publication.journal {
        front.push(journal_meta(ctx, journal));
    }
    front.push(article_meta(ctx, affs, notes));
    front
}

fn journal_meta(ctx: &mut Ctx, j: &Journal) -> Element {
    let mut meta = Element::new("journal-meta");
    if let Some(id) = &j.id {
        meta.push(
            Element::text_leaf("journal-id", id.clone()).attr("journal-id-type", "publisher-id"),
        );
    }
    let titles: Vec<&LocalizedText> = j.titles.iter().filter(|t| !t.text.is_empty()).collect();
    if titles.is_empty() {
        ctx.warn(
            "missing-journal-title",
            "no journal title: set `journal.title` in the metadata file",
            None,
        );
    } else {
        let main = titles
            .iter()
            .position(|t| same_lang(&t.lang, ctx.lang))
            .unwrap_or(0);
        let mut group = Element::new("journal-title-group");
        if let Some(t) = titles.get(main) {
            group.push(lang_leaf("journal-title", t));
        }
        for (i, t) in titles.iter().enumerate() {
            if i != main {
                group.push(
                    Element::new("trans-title-group")
                        .lang(&t.lang)
                        .child(Element::text_leaf("trans-title", t.text.clone())),
                );
            }
        }
        meta.push(group);
    }
    for (issn, format) in [(&j.issn_print, "print"), (&j.issn_electronic, "electronic")] {
        if let Some(issn) = issn.as_deref().filter(|s| !s.trim().is_empty()) {
            let pub_type = if format == "print" { "ppub" } else { "epub" };
            meta.push(
                Element::text_leaf("issn", issn)
                    .attr("pub-type", pub_type)
                    .attr("publication-format", format),
            );
        }
    }
    match (&j.publisher_name, &j.publisher_place) {
        (Some(name), place) => {
            let mut p = Element::new("publisher").child(Element::text_leaf(
                "publisher-name",
                name.clone(),
            ));
            if let Some(place) = place {
                p.push(Element::text_leaf("publisher-loc", place.clone()));
            }
            meta.push(p);
        }
        (None, Some(place)) => ctx.warn(
            "publisher-place-not-rendered",
            format!("the publisher place `{place}` cannot be written without a publisher name: set `journal.publisher` with a name"),
            None,
        ),
        (None, None) => {}
    }
    meta
}

fn article_meta(ctx: &mut Ctx, affs: Vec<Element>, notes: Option<Element>) -> Element {
    let doc = ctx.doc;
    let front = &doc.front;
    let publication = &front.publication;
    let mut meta = Element::new("article-meta");
    if let Some(doi) = publication.doi.as_deref().filter(|d| !d.is_empty()) {
        meta.push(Element::text_leaf("article-id", doi).attr("pub-id-type", "doi"));
    }
    match publication.subject.as_deref().filter(|s| !s.trim().is_empty()) {
        Some(subject) => meta.push(
            Element::new("article-categories").child(
                Element::new("subj-group")
                    .attr("subj-group-type", "heading")
                    .child(Element::text_leaf("subject", subject)),
            ),
        ),
        None => ctx.warn(
            "missing-subject",
            "no subject heading: set `article.subject` in the metadata file to write article-categories",
            None,
        ),
    }
    meta.push(title_group(ctx));

    let contributors = &front.contributors;
    if !contributors.is_empty() {
        let mut group = Element::new("contrib-group");
        for c in contributors {
            group.push(contrib(ctx, c));
        }
        meta.push(group);
    }
    for aff in affs {
        meta.push(aff);
    }
    if let Some(notes) = notes {
        meta.push(notes);
    }
    match &publication.published {
        Some(date) => meta.push(pub_date(date)),
        None => {
            ctx.warn(
                "missing-publication-date",
                "no publication date: set `article.published` in the metadata file",
                None,
            );
        }
    }
    if let Some(v) = publication.volume.as_ref().filter(|v| !v.is_empty()) {
        meta.push(Element::text_leaf("volume", number_field(v)));
    }
    if let Some(i) = publication.issue.as_ref().filter(|v| !v.is_empty()) {
        meta.push(Element::text_leaf("issue", number_field(i)));
    }
    pages(ctx, &mut meta);
    if let Some(h) = history(ctx) {
        meta.push(h);
    }
    if let Some(license) = &publication.license {
        let url = license.url.as_deref().filter(|u| !u.is_empty());
        let text = license.text.as_deref().filter(|t| !t.is_empty());
        if url.is_some() || text.is_some() {
            let mut l = Element::new("license").attr_opt("xlink:href", url);
            if let Some(url) = url {
                l.push(Element::text_leaf("ali:license_ref", url));
            }
            // The project's JATS subset needs a license-p; the URL stands in for a
            // missing statement.
            match (text, url) {
                (Some(text), _) => l.push(Element::text_leaf("license-p", text)),
                (None, Some(url)) => l.push(
                    Element::new("license-p").child(
                        Element::text_leaf("ext-link", url)
                            .attr("ext-link-type", "uri")
                            .attr("xlink:href", url),
                    ),
                ),
                (None, None) => {}
            }
            meta.push(Element::new("permissions").child(l));
        }
    }
    if let Some(url) = publication.url.as_deref().filter(|u| !u.is_empty()) {
        meta.push(
            Element::text_leaf("self-uri", url)
                .attr("xlink:href", url)
                .attr("content-type", "landing-page"),
        );
    }
    let abstracts: Vec<&LocalizedText> = front
        .abstracts
        .iter()
        .filter(|a| !a.text.is_empty())
        .collect();
    // One element per language, in the order the languages first appear: PMC allows a
    // single `abstract`, and a paper that prints two abstracts in one language (or one split
    // by a heading) keeps both texts as paragraphs of it.
    let mut by_lang: Vec<(&str, Vec<&LocalizedText>)> = Vec::new();
    for a in &abstracts {
        match by_lang
            .iter_mut()
            .find(|(lang, _)| same_lang(lang, &a.lang))
        {
            Some((_, group)) => group.push(a),
            None => by_lang.push((a.lang.as_str(), vec![a])),
        }
    }
    let main = by_lang
        .iter()
        .position(|(lang, _)| same_lang(lang, ctx.lang));
    let order = main
        .into_iter()
        .chain((0..by_lang.len()).filter(|i| Some(*i) != main));
    for i in order {
        let Some((lang, group)) = by_lang.get(i) else {
            continue;
        };
        let name = if Some(i) == main {
            "abstract"
        } else {
            "trans-abstract"
        };
        let mut e = Element::new(name).lang(lang);
        for a in group {
            e.push(Element::text_leaf("p", a.text.clone()));
        }
        meta.push(e);
    }
    for group in &front.keywords {
        let kwds: Vec<&String> = group.keywords.iter().filter(|k| !k.is_empty()).collect();
        if kwds.is_empty() {
            continue;
        }
        let mut g = Element::new("kwd-group").lang(&group.lang);
        for k in kwds {
            g.push(Element::text_leaf("kwd", k.clone()));
        }
        meta.push(g);
    }
    meta
}

/// A volume or issue: a plain number is written with Western digits, anything else as printed.
fn number_field(value: &Numbering) -> String {
    match value.number() {
        Some(n) => n.to_string(),
        None => value.to_string(),
    }
}

/// `fpage`/`lpage` or `elocation-id`, or a warning when neither is known.
fn pages(ctx: &mut Ctx, meta: &mut Element) {
    let publication = &ctx.doc.front.publication;
    let elocation = publication.elocation.as_deref().filter(|e| !e.is_empty());
    match (&publication.pages, elocation) {
        (Some(range), elocation) => {
            match range.first {
                Some(first) => {
                    meta.push(Element::text_leaf("fpage", first.to_string()));
                    if let Some(last) = range.last {
                        meta.push(Element::text_leaf("lpage", last.to_string()));
                    }
                }
                None => {
                    // Keep what was printed; JATS has no typed slot for it.
                    meta.push(Element::text_leaf("fpage", western_digits(&range.raw)));
                    ctx.warn(
                        "pages-not-numeric",
                        format!("the page range `{}` has no numeric first page; written as printed in fpage", range.raw),
                        None,
                    );
                }
            }
            if let Some(e) = elocation {
                ctx.warn(
                    "elocation-not-rendered",
                    format!("JATS holds pages or an elocation-id, not both: `{e}` is not written"),
                    None,
                );
            }
        }
        (None, Some(e)) => meta.push(Element::text_leaf("elocation-id", e)),
        (None, None) => ctx.warn(
            "missing-pages",
            "no page range or elocation-id: set `article.pages` (or `article.elocation`) in the metadata file",
            None,
        ),
    }
}

/// The `history` of the received, revised and accepted dates, in the order printed. The
/// publication date is `pub-date`'s; a date that could not be read is reported, not written.
fn history(ctx: &mut Ctx) -> Option<Element> {
    let doc = ctx.doc;
    let mut h = Element::new("history");
    let mut any = false;
    for event in &doc.front.publication.history {
        let date_type = match event.kind {
            HistoryKind::Received => "received",
            HistoryKind::Revised => "rev-recd",
            HistoryKind::Accepted => "accepted",
            HistoryKind::Published => continue,
        };
        let Some(date) = &event.date else {
            ctx.warn(
                "history-date-not-rendered",
                format!(
                    "the {date_type} date `{}` could not be read as a date and is not written",
                    event.raw
                ),
                event.source.map(|s| s.line),
            );
            continue;
        };
        let e = Element::new("date")
            .attr("date-type", date_type)
            .attr("iso-8601-date", date.iso());
        h.push(date_parts(e, date));
        any = true;
    }
    any.then_some(h)
}

/// `e` with the `day`, `month` and `year` of `date` added.
fn date_parts(mut e: Element, date: &PartialDate) -> Element {
    if let (Some(_), Some(day)) = (date.month, date.day) {
        e.push(Element::text_leaf("day", format!("{day:02}")));
    }
    if let Some(month) = date.month {
        e.push(Element::text_leaf("month", format!("{month:02}")));
    }
    e.push(Element::text_leaf("year", format!("{:04}", date.year)));
    e
}

fn pub_date(date: &PartialDate) -> Element {
    let e = Element::new("pub-date")
        .attr("date-type", "pub")
        .attr("publication-format", "electronic")
        .attr("iso-8601-date", date.iso());
    date_parts(e, date)
}

fn title_group(ctx: &mut Ctx) -> Element {
    let front = &ctx.doc.front;
    let mut group = Element::new("title-group");
    let main = front
        .titles
        .iter()
        .position(|t| same_lang(&t.lang, &front.language))
        .or(if front.titles.is_empty() {
            None
        } else {
            Some(0)
        });
    match main.and_then(|i| front.titles.get(i)) {
        Some(t) => group.push(Element::text_leaf("article-title", t.text.clone())),
        None => {
            ctx.warn("missing-title", "the article has no title", None);
            group.push(Element::new("article-title"));
        }
    }
    for (i, t) in front.titles.iter().enumerate() {
        if Some(i) != main {
            group.push(
                Element::new("trans-title-group")
                    .lang(&t.lang)
                    .child(Element::text_leaf("trans-title", t.text.clone())),
            );
        }
    }
    group
}

fn lang_leaf(name: &'static str, t: &LocalizedText) -> Element {
    Element::text_leaf(name, t.text.clone()).lang(&t.lang)
}

fn contrib(ctx: &mut Ctx, c: &Contributor) -> Element {
    let line = c.source.map(|s| s.line);
    let mut e = Element::new("contrib").attr("contrib-type", contrib_type(c.role));
    if c.corresponding {
        e = e.attr("corresp", "yes");
    }
    if let Some(orcid) = c.orcid.as_deref().filter(|o| !o.is_empty()) {
        e.push(
            Element::text_leaf("contrib-id", format!("{ORCID_RESOLVER}{orcid}"))
                .attr("contrib-id-type", "orcid"),
        );
    }
    let prefix = c.prefix.as_ref();
    // PMC wants every name of a `name-alternatives` to carry `specific-use` when one does:
    // where a form is derived, each form says its origin.
    let labelled = c.alt_names.iter().any(|a| a.origin.is_derived());
    let main = name_element(&c.name, prefix.map(|p| p.as_written.clone()), labelled);
    if c.alt_names.is_empty() {
        if main.name == "name" {
            e.push(main);
        } else {
            // PMC accepts no lone string-name in a contrib: an unsplit name is written
            // whole as the surname, the PMC convention for single names.
            ctx.warn(
                "contributor-name-unsplit",
                format!(
                    "the given and family names of `{}` are unknown; the whole name is written as the surname",
                    c.name.as_written
                ),
                line,
            );
            e.push(whole_name_as_surname(
                &c.name,
                prefix.map(|p| p.as_written.clone()),
            ));
        }
    } else {
        let mut alts = Element::new("name-alternatives").child(main);
        for alt in &c.alt_names {
            // The printed prefix fits a name form in its own script; others get the
            // rank's prefix in their language, or none.
            let alt_script = name_script(alt);
            let alt_prefix = prefix.and_then(|p| {
                if detect_script(&p.as_written) == alt_script && alt_script != Script::Other {
                    Some(p.as_written.clone())
                } else {
                    p.meaning
                        .and_then(|m| rank_prefix(m, alt_script))
                        .map(str::to_string)
                }
            });
            alts.push(name_element(alt, alt_prefix, labelled));
        }
        e.push(alts);
    }
    let doc = ctx.doc;
    let note_email = doc
        .front
        .author_notes
        .iter()
        .filter(|n| n.contributor_id.as_deref() == Some(c.id.as_str()))
        .find_map(|n| n.email.clone());
    if let Some(email) = c.email.clone().or(note_email).filter(|m| !m.is_empty()) {
        e.push(Element::text_leaf("email", email));
    }
    if let Some(position) = c.position.as_deref().filter(|p| !p.trim().is_empty()) {
        e.push(Element::text_leaf("role", position));
    }
    for aff_id in &c.affiliation_ids {
        match ctx.id_of(IdKind::Aff, aff_id) {
            Some(rid) => e.push(
                Element::new("xref")
                    .attr("ref-type", "aff")
                    .attr("rid", rid),
            ),
            None => ctx.warn(
                "unknown-affiliation",
                format!(
                    "contributor `{}` names affiliation `{aff_id}`, which does not exist",
                    c.name.as_written
                ),
                line,
            ),
        }
    }
    for fn_id in &c.footnote_ids {
        let note = doc.back.footnotes.iter().find(|f| &f.id == fn_id);
        match (note, ctx.id_of(IdKind::Fn, fn_id)) {
            (Some(note), Some(rid)) => e.push(
                Element::text_leaf("xref", note.label.clone())
                    .attr("ref-type", "fn")
                    .attr("rid", rid),
            ),
            _ => ctx.warn(
                "unknown-footnote",
                format!(
                    "contributor `{}` calls footnote `{fn_id}`, which does not exist",
                    c.name.as_written
                ),
                line,
            ),
        }
    }
    for (i, note) in doc.front.author_notes.iter().enumerate() {
        if note.contributor_id.as_deref() == Some(c.id.as_str()) {
            if let Some(rid) = ctx.id_of(IdKind::AuthorNote, &note_key(i)) {
                e.push(
                    Element::new("xref")
                        .attr("ref-type", "author-notes")
                        .attr("rid", rid),
                );
            }
        }
    }
    e
}

/// `name` when the family or given name is known, `string-name` otherwise; with `labelled`,
/// `specific-use` names the form's origin.
fn name_element(n: &PersonName, prefix: Option<String>, labelled: bool) -> Element {
    let specific_use = labelled.then(|| n.origin.as_str());
    let prefix = prefix.filter(|p| !p.is_empty());
    let lang = (!n.lang.is_empty()).then(|| n.lang.clone());
    let family = n.family.as_deref().filter(|f| !f.is_empty());
    let given = n.given.as_deref().filter(|g| !g.is_empty());
    match (family, given) {
        (None, None) => {
            let mut e = Element::new("string-name")
                .attr_opt("specific-use", specific_use)
                .attr_opt("xml:lang", lang);
            if let Some(p) = prefix {
                e.push(Element::text_leaf("prefix", p));
                e.push_text(" ");
            }
            e.push_text(n.as_written.clone());
            e
        }
        (family, given) => {
            // Arabic and Latin names alike are printed given name first.
            let style = if family.is_some() {
                "western"
            } else {
                "given-only"
            };
            let mut e = Element::new("name")
                .attr("name-style", style)
                .attr_opt("specific-use", specific_use)
                .attr_opt("xml:lang", lang);
            if let Some(f) = family {
                e.push(Element::text_leaf("surname", f));
            }
            if let Some(g) = given {
                e.push(Element::text_leaf("given-names", g));
            }
            if let Some(p) = prefix {
                e.push(Element::text_leaf("prefix", p));
            }
            e
        }
    }
}

/// The script a name is written in: the letters decide, the model's field breaks ties.
fn name_script(n: &PersonName) -> Script {
    match detect_script(&n.as_written) {
        Script::Other => n.script,
        s => s,
    }
}

/// A `name` holding the whole name as its surname.
fn whole_name_as_surname(n: &PersonName, prefix: Option<String>) -> Element {
    let mut e = Element::new("name")
        .attr("name-style", "western")
        .attr_opt("xml:lang", (!n.lang.is_empty()).then(|| n.lang.clone()))
        .child(Element::text_leaf("surname", n.as_written.clone()));
    if let Some(p) = prefix.filter(|p| !p.is_empty()) {
        e.push(Element::text_leaf("prefix", p));
    }
    e
}

/// One `aff`: the printed text with its known parts tagged where they occur in it.
fn affiliation(ctx: &mut Ctx, a: &Affiliation) -> Element {
    let line = a.source.map(|s| s.line);
    let id = ctx.declare(IdKind::Aff, &a.id, line);
    let mut e = Element::new("aff").attr("id", id);
    let parts: Vec<(Part, &str)> = [
        (Part::Institution("university"), a.institution.as_deref()),
        (Part::Institution("faculty"), a.faculty.as_deref()),
        (Part::Institution("department"), a.department.as_deref()),
        (Part::City, a.city.as_deref()),
        (Part::Country, a.country.as_deref()),
    ]
    .into_iter()
    .filter_map(|(p, v)| v.filter(|v| !v.trim().is_empty()).map(|v| (p, v)))
    .collect();

    if a.raw.trim().is_empty() {
        // Only the parts are known (e.g. from a metadata file).
        let institutions: Vec<_> = parts
            .iter()
            .filter_map(|(p, v)| match p {
                Part::Institution(t) => {
                    Some(Element::text_leaf("institution", *v).attr("content-type", *t))
                }
                _ => None,
            })
            .collect();
        let mut first = true;
        if !institutions.is_empty() {
            let mut wrap = Element::new("institution-wrap");
            for i in institutions {
                wrap.push(i);
            }
            e.push(wrap);
            first = false;
        }
        for (p, v) in &parts {
            if !matches!(p, Part::Institution(_)) {
                if !first {
                    e.push_text(", ");
                }
                e.push(p.element(v));
                first = false;
            }
        }
        return e;
    }

    // Longest parts claim their place first so that a city inside a university's
    // name does not steal it.
    let mut order: Vec<usize> = (0..parts.len()).collect();
    order.sort_by_key(|&i| std::cmp::Reverse(parts.get(i).map_or(0, |(_, v)| v.len())));
    let mut placed: Vec<(usize, usize, usize)> = Vec::new();
    let mut missing: Vec<usize> = Vec::new();
    for i in order {
        let Some((_, value)) = parts.get(i) else {
            continue;
        };
        let spot = a
            .raw
            .match_indices(value)
            .map(|(s, _)| (s, s + value.len()))
            .find(|&(s, end)| placed.iter().all(|&(ps, pe, _)| end <= ps || s >= pe));
        match spot {
            Some((s, end)) => placed.push((s, end, i)),
            None => missing.push(i),
        }
    }
    placed.sort_by_key(|&(s, _, _)| s);
    let mut at = 0;
    for (s, end, i) in placed {
        if let (Some(before), Some((part, _))) = (a.raw.get(at..s), parts.get(i)) {
            e.push_text(before);
            if let Some(v) = a.raw.get(s..end) {
                e.push(part.element(v));
            }
            at = end;
        }
    }
    if let Some(rest) = a.raw.get(at..) {
        e.push_text(rest);
    }
    // Parts known from elsewhere (e.g. an author note) are facts of this affiliation
    // too: they follow the printed text, in the model's order.
    missing.sort_unstable();
    let separator = if detect_script(&a.raw) == Script::Arabic {
        "، "
    } else {
        ", "
    };
    for i in missing {
        if let Some((part, value)) = parts.get(i) {
            e.push_text(separator);
            e.push(part.element(value));
            ctx.warn(
                "affiliation-part-appended",
                format!(
                    "`{value}` does not occur in the affiliation text `{}`; it is appended to it",
                    a.raw
                ),
                line,
            );
        }
    }
    e
}

/// A taggable part of an affiliation.
#[derive(Debug, Clone, Copy)]
enum Part {
    Institution(&'static str),
    City,
    Country,
}

impl Part {
    fn element(self, value: &str) -> Element {
        match self {
            // JATS4R and PMC ask for each institution inside `institution-wrap`, where an
            // `institution-id` can later join it.
            Part::Institution(t) => Element::new("institution-wrap")
                .child(Element::text_leaf("institution", value).attr("content-type", t)),
            Part::City => Element::text_leaf("city", value),
            Part::Country => Element::text_leaf("country", value),
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::export::jats::{write_jats, JatsOptions};
    use crate::model::*;

    fn dated(kind: HistoryKind, date: Option<PartialDate>, raw: &str) -> HistoryDate {
        HistoryDate {
            kind,
            date,
            raw: raw.to_string(),
            source: Some(Span::line(3)),
        }
    }

    fn doc_with_history(history: Vec<HistoryDate>) -> Document {
        let mut doc = crate::export::jats::tests::minimal("en", "A made-up title");
        doc.front.publication.pages = Some(PageRange {
            raw: "3-9".to_string(),
            first: Some(3),
            last: Some(9),
        });
        doc.front.publication.license = Some(License {
            url: Some("https://creativecommons.org/licenses/by/4.0/".to_string()),
            text: None,
        });
        doc.front.publication.history = history;
        doc
    }

    fn write(doc: &Document) -> (String, Vec<Diagnostic>) {
        let options = JatsOptions {
            pretty: false,
            ..Default::default()
        };
        let export = write_jats(doc, &options).expect("export");
        let report = crate::validate::jats::validate_jats(&export.bytes);
        let errors: Vec<_> = report.errors().collect();
        assert!(errors.is_empty(), "invalid JATS: {errors:#?}");
        (
            String::from_utf8(export.bytes).expect("utf-8"),
            export.warnings,
        )
    }

    #[test]
    fn writes_history_between_pages_and_permissions() {
        let full = |y, m, d| {
            Some(PartialDate {
                year: y,
                month: Some(m),
                day: Some(d),
            })
        };
        let doc = doc_with_history(vec![
            dated(HistoryKind::Received, full(2024, 3, 15), "١٥/٣/٢٠٢٤"),
            dated(HistoryKind::Revised, None, "قريبا"),
            dated(
                HistoryKind::Accepted,
                Some(PartialDate {
                    year: 2024,
                    month: Some(5),
                    day: None,
                }),
                "May 2024",
            ),
            dated(HistoryKind::Published, full(2024, 6, 1), "1 June 2024"),
        ]);
        let (xml, warnings) = write(&doc);
        let received = r#"<date date-type="received" iso-8601-date="2024-03-15"><day>15</day><month>03</month><year>2024</year></date>"#;
        let accepted = r#"<date date-type="accepted" iso-8601-date="2024-05"><month>05</month><year>2024</year></date>"#;
        assert!(
            xml.contains(&format!("<history>{received}{accepted}</history>")),
            "{xml}"
        );
        let (lpage, history, permissions) = (
            xml.find("</lpage>").expect("lpage"),
            xml.find("<history>").expect("history"),
            xml.find("<permissions>").expect("permissions"),
        );
        assert!(lpage < history && history < permissions);
        // The published date belongs to pub-date, the unreadable one is reported.
        assert!(!xml.contains(r#"date-type="pub" iso"#));
        let unread: Vec<_> = warnings
            .iter()
            .filter(|w| w.code == "history-date-not-rendered")
            .collect();
        assert_eq!(unread.len(), 1);
        assert_eq!(unread[0].line, Some(3));
    }

    #[test]
    fn writes_no_history_without_readable_dates() {
        let (xml, _) = write(&doc_with_history(vec![]));
        assert!(!xml.contains("<history"));
        let (xml, _) = write(&doc_with_history(vec![dated(
            HistoryKind::Received,
            None,
            "n.d.",
        )]));
        assert!(!xml.contains("<history"));
    }
}
