//! `back`: footnotes (`fn-group`) and the reference list (`ref-list`).

use super::body::inlines;
use super::tables::{publication_type, references_title, same_lang};
use super::xml::Element;
use super::{Ctx, IdKind};
use crate::model::{Agent, CitationKind, Reference, ReferenceType, Section, SectionKind};

/// The reference lists: one per printed group, nested under one list titled with the
/// reference heading when there are several groups.
pub(super) fn reference_lists(ctx: &mut Ctx) -> Vec<Element> {
    let doc = ctx.doc;
    let groups = &doc.back.reference_groups;
    if groups.is_empty() {
        return Vec::new();
    }
    let heading = find_references_section(&doc.body.sections);
    let heading_title = |ctx: &mut Ctx| -> Element {
        let mut title = Element::new("title");
        if let Some(s) = heading {
            inlines(ctx, &mut title, &s.title, Some(s.source.line));
        }
        if title.is_empty() {
            title.push_text(references_title(ctx.lang));
        }
        title
    };
    let mut lists = Vec::new();
    for g in groups {
        let id = ctx.declare(IdKind::RefList, &g.id, g.source.map(|s| s.line));
        let mut list = Element::new("ref-list").attr("id", id);
        match g.title.as_deref().filter(|t| !t.is_empty()) {
            Some(t) => list.push(Element::text_leaf("title", t)),
            None if groups.len() == 1 => list.push(heading_title(ctx)),
            None => list.push(Element::text_leaf("title", references_title(ctx.lang))),
        }
        for r in &g.references {
            list.push(reference(ctx, r));
        }
        lists.push(list);
    }
    if lists.len() == 1 {
        return lists;
    }
    let outer_key = heading.map_or("reflist", |s| s.id.as_str());
    let id = ctx.declare(IdKind::RefList, outer_key, heading.map(|s| s.source.line));
    let mut outer = Element::new("ref-list")
        .attr("id", id)
        .child(heading_title(ctx));
    for l in lists {
        outer.push(l);
    }
    vec![outer]
}

fn find_references_section(sections: &[Section]) -> Option<&Section> {
    sections.iter().find_map(|s| {
        if s.kind == SectionKind::References {
            Some(s)
        } else {
            find_references_section(&s.sections)
        }
    })
}

/// One `ref`: the entry as printed (`mixed-citation`) beside its typed reading
/// (`element-citation`).
fn reference(ctx: &mut Ctx, r: &Reference) -> Element {
    let id = ctx.declare(IdKind::Ref, &r.id, Some(r.source.line));
    let mut e = Element::new("ref").attr("id", id);
    // A bullet is layout, a number or letter is a label.
    if let Some(label) = r
        .label
        .as_deref()
        .filter(|l| l.chars().any(char::is_alphanumeric))
    {
        e.push(Element::text_leaf("label", label));
    }
    let lang = (!r.lang.is_empty() && !same_lang(&r.lang, ctx.lang)).then(|| r.lang.clone());
    let mixed = Element::text_leaf("mixed-citation", r.raw.clone())
        .attr("publication-type", publication_type(r.ref_type))
        .attr_opt("xml:lang", lang.clone());
    let typed = element_citation(r, lang);
    if typed.is_empty() {
        e.push(mixed);
    } else {
        e.push(
            Element::new("citation-alternatives")
                .child(mixed)
                .child(typed),
        );
    }
    e
}

/// The typed fields of a reference; empty when none is known.
fn element_citation(r: &Reference, lang: Option<String>) -> Element {
    let mut e = Element::new("element-citation")
        .attr("publication-type", publication_type(r.ref_type))
        .attr_opt("xml:lang", lang);
    let mut fields = Vec::new();
    if !r.authors.is_empty() || r.et_al {
        let mut group = Element::new("person-group").attr("person-group-type", "author");
        for a in &r.authors {
            group.push(agent(a));
        }
        if r.et_al {
            group.push(Element::new("etal"));
        }
        fields.push(group);
    }
    let title = r.title.as_deref().filter(|t| !t.is_empty());
    let container = r.container.as_deref().filter(|t| !t.is_empty());
    match (r.ref_type, title, container) {
        // A book's own title is its source; a container is the series it belongs to,
        // which the project's JATS subset can only hold as a comment.
        (ReferenceType::Book, t, c) => {
            if let Some(t) = t {
                fields.push(Element::text_leaf("source", t));
            }
            if let Some(c) = c {
                fields.push(Element::text_leaf("comment", c).attr("content-type", "series"));
            }
        }
        // A part of something else: the part is the article title, the whole the source.
        (_, Some(t), Some(c)) => {
            fields.push(Element::text_leaf("article-title", t));
            fields.push(Element::text_leaf("source", c));
        }
        (ReferenceType::JournalArticle | ReferenceType::NewsArticle, Some(t), None) => {
            fields.push(Element::text_leaf("article-title", t));
        }
        (_, Some(t), None) => fields.push(Element::text_leaf("source", t)),
        (_, None, Some(c)) => fields.push(Element::text_leaf("source", c)),
        (_, None, None) => {}
    }
    if let Some(year) = r.year.as_ref().filter(|y| !y.raw.is_empty()) {
        let mut y = Element::text_leaf("year", year.raw.clone());
        if let Some(v) = year.value {
            y = y.attr("iso-8601-date", format!("{v:04}"));
        }
        fields.push(y);
    }
    for (name, value) in [
        ("volume", r.volume.as_deref()),
        ("issue", r.issue.as_deref()),
        ("edition", r.edition.as_deref()),
    ] {
        if let Some(v) = value.filter(|v| !v.is_empty()) {
            fields.push(Element::text_leaf(name, v));
        }
    }
    if let Some(pages) = &r.pages {
        match pages.first {
            Some(first) => {
                fields.push(Element::text_leaf("fpage", first.to_string()));
                if let Some(last) = pages.last {
                    fields.push(Element::text_leaf("lpage", last.to_string()));
                }
            }
            // Not a number (roman numerals, a range in words): kept as printed.
            None if !pages.raw.is_empty() => fields.push(
                Element::text_leaf("comment", pages.raw.clone()).attr("content-type", "pages"),
            ),
            None => {}
        }
    }
    if let Some(place) = r.place.as_deref().filter(|v| !v.is_empty()) {
        fields.push(Element::text_leaf("publisher-loc", place));
    }
    if let Some(publisher) = r.publisher.as_deref().filter(|v| !v.is_empty()) {
        fields.push(Element::text_leaf("publisher-name", publisher));
    }
    if let Some(doi) = r.doi.as_deref().filter(|v| !v.is_empty()) {
        fields.push(Element::text_leaf("pub-id", doi).attr("pub-id-type", "doi"));
    }
    if let Some(url) = r.url.as_deref().filter(|v| !v.is_empty()) {
        fields.push(
            Element::text_leaf("ext-link", url)
                .attr("ext-link-type", "uri")
                .attr("xlink:href", url),
        );
    }
    if let Some(accessed) = r.accessed.as_deref().filter(|v| !v.is_empty()) {
        fields.push(
            Element::text_leaf("date-in-citation", accessed).attr("content-type", "access-date"),
        );
    }
    if fields.is_empty() {
        return Element::new("element-citation");
    }
    for f in fields {
        e.push(f);
    }
    e
}

fn agent(a: &Agent) -> Element {
    match a {
        Agent::Person {
            as_written,
            family,
            given,
        } => match family.as_deref().filter(|f| !f.is_empty()) {
            Some(f) => {
                let mut n = Element::new("name").child(Element::text_leaf("surname", f));
                if let Some(g) = given.as_deref().filter(|g| !g.is_empty()) {
                    n.push(Element::text_leaf("given-names", g));
                }
                n
            }
            None => Element::text_leaf("string-name", as_written.clone()),
        },
        Agent::Organization { name } => Element::text_leaf("collab", name.clone()),
    }
}

/// The printed title of the first endnotes section, if any.
fn notes_heading(sections: &[Section]) -> Option<String> {
    sections.iter().find_map(|s| {
        if s.kind == SectionKind::Notes {
            Some(s.title_text()).filter(|t| !t.trim().is_empty())
        } else {
            notes_heading(&s.sections)
        }
    })
}

/// The `fn-group` of the numbered footnotes, each linked to the work it cites.
pub(super) fn footnotes(ctx: &mut Ctx) -> Option<Element> {
    let doc = ctx.doc;
    let notes = &doc.back.footnotes;
    if notes.is_empty() {
        return None;
    }
    // All ids first: a back-reference may point to any footnote.
    let ids: Vec<String> = notes
        .iter()
        .map(|f| ctx.declare(IdKind::Fn, &f.id, Some(f.source.line)))
        .collect();
    let mut group = Element::new("fn-group");
    // A paper whose notes are all endnotes: the group says so and carries the printed
    // heading of the endnotes section. Mixed papers keep one plain group.
    if notes.iter().all(|f| !f.placement.is_foot()) {
        group = group.attr("content-type", "endnotes");
        if let Some(title) = notes_heading(&doc.body.sections) {
            group.push(Element::text_leaf("title", title));
        }
    }
    for (f, id) in notes.iter().zip(ids) {
        let mut e = Element::new("fn").attr("id", id);
        if !f.label.is_empty() {
            e.push(Element::text_leaf("label", f.label.clone()));
        }
        let mut p = Element::text_leaf("p", f.text.clone());
        if let Some(c) = &f.citation {
            let line = Some(f.source.line);
            match (&c.reference_id, &c.via_footnote_id) {
                (Some(ref_id), _) => match ctx.id_of(IdKind::Ref, ref_id) {
                    // An empty xref links the note to the work without adding text.
                    Some(rid) => p.push(Element::new("xref").attr("ref-type", "bibr").attr("rid", rid)),
                    None => ctx.warn(
                        "unknown-reference",
                        format!("footnote `{}` cites reference `{ref_id}`, which does not exist; the link is not written", f.id),
                        line,
                    ),
                },
                (None, Some(via)) if c.kind != CitationKind::Direct => match ctx.id_of(IdKind::Fn, via) {
                    Some(rid) => p.push(Element::new("xref").attr("ref-type", "fn").attr("rid", rid)),
                    None => ctx.warn(
                        "unknown-footnote",
                        format!("footnote `{}` refers back to footnote `{via}`, which does not exist; the link is not written", f.id),
                        line,
                    ),
                },
                _ => {}
            }
        }
        e.push(p);
        group.push(e);
    }
    Some(group)
}
