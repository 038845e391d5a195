//! JATS reference lists → the model's reference groups: each `ref` as printed
//! (`mixed-citation`) with its typed reading (`element-citation`, or the tags of a
//! `mixed-citation`), nested lists as groups under one reference heading.

use super::context::{lang_of, Ctx, IdKind};
use super::front::page_range;
use super::text::{leaf, leaf_opt};
use super::tree::Element;
use crate::model::{
    Agent, Footnote, Inline, MaybeTyped, Numbering, PageRange, Printed, Reference, ReferenceGroup,
    ReferenceType, Section, SectionKind, Span,
};

/// The reference lists of an article.
#[derive(Debug, Default)]
pub(super) struct References {
    /// One group per list of references.
    pub groups: Vec<ReferenceGroup>,
    /// The heading over the lists, as the references section the writers take it from.
    pub sections: Vec<Section>,
}

/// Reads every reference list of the back matter and the body (outside sub-articles).
pub(super) fn read_reference_lists(
    ctx: &mut Ctx,
    back: Option<&Element>,
    body: Option<&Element>,
) -> References {
    let mut lists = Vec::new();
    for part in [back, body].into_iter().flatten() {
        top_lists(part, &mut lists);
    }
    let mut out = References::default();
    let single = lists.len() == 1 && lists[0].child("ref-list").is_none();
    for list in lists {
        let nested: Vec<&Element> = list.children_named("ref-list").collect();
        let title = leaf_opt(list.child("title"));
        if nested.is_empty() {
            let mut group = group(ctx, list);
            if single {
                // The one list's title is the references heading.
                if let Some(title) = group.title.take() {
                    out.sections
                        .push(references_section(ctx, None, title, list));
                }
            }
            out.groups.push(group);
            continue;
        }
        if list.child("ref").is_some() {
            out.groups.push(group(ctx, list));
        }
        let mut inner = Vec::new();
        flatten(list, &mut inner);
        for l in inner {
            out.groups.push(group(ctx, l));
        }
        if let Some(title) = title {
            out.sections.push(references_section(
                ctx,
                list.attr_trimmed("id"),
                title,
                list,
            ));
        }
    }
    out
}

/// Reference lists not inside another one, in document order.
fn top_lists<'a>(e: &'a Element, out: &mut Vec<&'a Element>) {
    for c in e.elements() {
        match c.name.as_str() {
            "ref-list" => out.push(c),
            "sub-article" | "response" => {}
            _ => top_lists(c, out),
        }
    }
}

/// The lists nested in `list`, at any depth, in document order.
fn flatten<'a>(list: &'a Element, out: &mut Vec<&'a Element>) {
    for l in list.children_named("ref-list") {
        if l.child("ref").is_some() || l.child("ref-list").is_none() {
            out.push(l);
        }
        flatten(l, out);
    }
}

fn references_section(ctx: &mut Ctx, id: Option<&str>, title: String, list: &Element) -> Section {
    let id = match id {
        Some(id) => id.to_string(),
        None => ctx.fresh_id(IdKind::Section, "sec-refs"),
    };
    Section {
        id,
        level: 1,
        kind: SectionKind::References,
        title: vec![Inline::Text { text: title }],
        source: Span::line(list.line),
        ..Section::default()
    }
}

fn group(ctx: &mut Ctx, list: &Element) -> ReferenceGroup {
    let id = ctx.id_for(IdKind::RefList, list, "refs");
    let lang = ctx.lang.clone();
    let references = list
        .children_named("ref")
        .map(|r| reference(ctx, r, &lang))
        .collect();
    ReferenceGroup {
        id,
        title: leaf_opt(list.child("title")),
        lang: None,
        references,
        source: Some(Span::line(list.line)),
    }
}

/// Whether an element is one of the citation forms a `ref` holds.
fn is_citation(e: &Element) -> bool {
    matches!(
        e.name.as_str(),
        "mixed-citation" | "element-citation" | "nlm-citation" | "citation"
    )
}

fn reference(ctx: &mut Ctx, r: &Element, lang: &str) -> Reference {
    let id = ctx.id_for(IdKind::Reference, r, "ref");
    let mut forms: Vec<&Element> = Vec::new();
    for c in r.elements() {
        if is_citation(c) {
            forms.push(c);
        } else if c.is("citation-alternatives") {
            forms.extend(c.elements().filter(|e| is_citation(e)));
        }
    }
    let printed = forms
        .iter()
        .find(|f| f.is("mixed-citation") || f.is("citation"))
        .copied();
    let typed = forms
        .iter()
        .find(|f| f.is("element-citation") || f.is("nlm-citation"))
        .copied()
        .or(printed);
    let mut reference = Reference {
        id,
        label: leaf_opt(r.child("label")),
        lang: lang.to_string(),
        source: Span::lines(r.line, r.end_line),
        ..Reference::default()
    };
    if let Some(t) = typed {
        read_fields(t, &mut reference);
    }
    if let Some(lang_from) = printed.or(typed) {
        reference.lang = lang_of(lang_from, lang);
    }
    reference.raw = match printed {
        Some(p) => leaf(p),
        None => String::new(),
    };
    if reference.raw.is_empty() {
        reference.raw = compose(&reference);
        if typed.is_some() {
            ctx.composed(&reference.id, r.line);
        }
    }
    reference
}

/// Reads the typed fields of a citation element into `r`.
fn read_fields(t: &Element, r: &mut Reference) {
    let kind = t
        .attr("publication-type")
        .or(t.attr("citation-type"))
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    let mut authors = Vec::new();
    let mut et_al = false;
    let groups: Vec<&Element> = t
        .children_named("person-group")
        .filter(|g| matches!(g.attr("person-group-type"), None | Some("author")))
        .collect();
    if groups.is_empty() {
        read_names(t, &mut authors, &mut et_al);
    } else {
        for g in groups {
            read_names(g, &mut authors, &mut et_al);
        }
    }
    if t.child("etal").is_some() {
        et_al = true;
    }
    r.authors = authors;
    r.et_al = et_al;
    let part = leaf_opt(t.child("article-title")).or_else(|| leaf_opt(t.child("chapter-title")));
    let source = leaf_opt(t.child("source"));
    let comment = |kind: &str| {
        t.children_named("comment")
            .find(|c| c.attr("content-type") == Some(kind))
            .map(leaf)
            .filter(|c| !c.is_empty())
    };
    let raw_text = t.text().to_lowercase();
    r.ref_type = match kind.as_str() {
        "book" | "monograph" if part.is_some() => ReferenceType::Chapter,
        "book" | "monograph" => ReferenceType::Book,
        "journal" | "journal-article" => ReferenceType::JournalArticle,
        "thesis" | "dissertation" => {
            if ["master", "ماجستير", "m.a.", "m.sc", "mémoire"]
                .iter()
                .any(|w| raw_text.contains(w))
            {
                ReferenceType::MastersThesis
            } else {
                ReferenceType::DoctoralThesis
            }
        }
        "newspaper" | "news" => ReferenceType::NewsArticle,
        "webpage" | "web" | "website" => ReferenceType::WebPage,
        "report" => ReferenceType::Report,
        "government" | "legal-doc" | "law" | "patent" => ReferenceType::LegalDocument,
        _ => ReferenceType::Other,
    };
    match r.ref_type {
        ReferenceType::Book => {
            r.title = source;
            r.container = comment("series");
        }
        _ => match (part, source) {
            (Some(p), s) => {
                r.title = Some(p);
                r.container = s;
            }
            (None, Some(s))
                if matches!(
                    r.ref_type,
                    ReferenceType::JournalArticle | ReferenceType::NewsArticle
                ) =>
            {
                r.container = Some(s)
            }
            (None, s) => r.title = s,
        },
    }
    let year = t
        .child("year")
        .or_else(|| t.child("date").and_then(|d| d.child("year")));
    if let Some(y) = year {
        let raw = leaf(y);
        let value = match y.attr_trimmed("iso-8601-date") {
            Some(iso) => iso.get(..4).and_then(|v| v.parse().ok()),
            None => year_of(&raw),
        };
        if !raw.is_empty() {
            r.year = Some(MaybeTyped { raw, value });
        }
    }
    r.volume = leaf_opt(t.child("volume")).map(Numbering::new);
    r.issue = leaf_opt(t.child("issue")).map(Numbering::new);
    r.edition = leaf_opt(t.child("edition"));
    let fpage = leaf_opt(t.child("fpage"));
    r.pages = match fpage {
        Some(f) => Some(page_range(&f, leaf_opt(t.child("lpage")).as_deref())),
        None => comment("pages")
            .map(|raw| PageRange {
                raw,
                first: None,
                last: None,
            })
            .or_else(|| leaf_opt(t.child("page-range")).map(|p| crate::meta::parse_pages(&p)))
            .or_else(|| {
                leaf_opt(t.child("elocation-id")).map(|raw| PageRange {
                    raw,
                    first: None,
                    last: None,
                })
            }),
    };
    r.place = leaf_opt(t.child("publisher-loc"));
    r.publisher = leaf_opt(t.child("publisher-name")).or_else(|| {
        matches!(
            r.ref_type,
            ReferenceType::MastersThesis | ReferenceType::DoctoralThesis | ReferenceType::Report
        )
        .then(|| leaf_opt(t.child("institution")))
        .flatten()
    });
    r.doi = t
        .children_named("pub-id")
        .find(|p| p.attr("pub-id-type") == Some("doi"))
        .or_else(|| {
            t.children_named("ext-link")
                .find(|e| e.attr("ext-link-type") == Some("doi"))
        })
        .map(leaf)
        .filter(|d| !d.is_empty())
        .map(Printed::new);
    r.url = t
        .elements()
        .filter(|e| (e.is("ext-link") && e.attr("ext-link-type") != Some("doi")) || e.is("uri"))
        .find_map(|e| {
            e.attr_trimmed("xlink:href")
                .map(str::to_string)
                .or_else(|| leaf_opt(Some(e)))
        });
    r.accessed = t
        .children_named("date-in-citation")
        .find(|d| d.attr("content-type") == Some("access-date"))
        .or_else(|| t.child("access-date"))
        .map(leaf)
        .filter(|d| !d.is_empty());
}

/// The year a year element's text holds: four digits, perhaps with a letter (`2001a`).
fn year_of(raw: &str) -> Option<i32> {
    let digits = crate::script::western_digits(raw.trim());
    let digits = digits.trim_end_matches(|c: char| c.is_ascii_lowercase());
    (digits.len() == 4 && digits.chars().all(|c| c.is_ascii_digit()))
        .then(|| digits.parse().ok())
        .flatten()
}

/// The persons and groups named in `e` (a person group or a citation).
fn read_names(e: &Element, out: &mut Vec<Agent>, et_al: &mut bool) {
    for n in e.elements() {
        match n.name.as_str() {
            "name" | "string-name" => push_person(n, out),
            "name-alternatives" => {
                if let Some(first) = n.elements().find(|e| e.is("name") || e.is("string-name")) {
                    push_person(first, out);
                }
            }
            "collab" => {
                let name = leaf(n);
                if !name.is_empty() {
                    out.push(Agent::Organization { name });
                }
            }
            "etal" => *et_al = true,
            _ => {}
        }
    }
}

fn push_person(n: &Element, out: &mut Vec<Agent>) {
    let (name, _) = super::contrib::person_name(n, "");
    if !name.as_written.is_empty() {
        out.push(Agent::Person {
            as_written: name.as_written,
            family: name.family,
            given: name.given,
        });
    }
}

/// A reference's text composed from its fields, for a reference printed nowhere.
fn compose(r: &Reference) -> String {
    let mut out = String::new();
    let names: Vec<&str> = r.authors.iter().map(Agent::as_written).collect();
    if !names.is_empty() {
        out.push_str(&names.join(", "));
        if r.et_al {
            out.push_str(", et al.");
        }
    }
    if let Some(y) = &r.year {
        out.push_str(&format!(" ({})", y.raw));
    }
    for part in [r.title.as_deref(), r.container.as_deref()]
        .into_iter()
        .flatten()
    {
        if !out.is_empty() {
            out.push_str(". ");
        }
        out.push_str(part);
    }
    let mut numbers = String::new();
    if let Some(v) = &r.volume {
        numbers.push_str(v);
    }
    if let Some(i) = &r.issue {
        numbers.push_str(&format!("({i})"));
    }
    if let Some(p) = &r.pages {
        if !numbers.is_empty() {
            numbers.push_str(": ");
        }
        numbers.push_str(&p.raw);
    }
    if !numbers.is_empty() {
        out.push_str(", ");
        out.push_str(&numbers);
    }
    for part in [r.publisher.as_deref(), r.doi.as_deref(), r.url.as_deref()]
        .into_iter()
        .flatten()
    {
        if !out.is_empty() {
            out.push_str(". ");
        }
        out.push_str(part);
    }
    out.trim().to_string()
}

/// Lists, on each reference, the footnotes that cite it.
pub(super) fn fill_cited_by(groups: &mut [ReferenceGroup], notes: &[Footnote]) {
    for group in groups {
        for r in &mut group.references {
            r.cited_by = notes
                .iter()
                .filter(|n| {
                    n.citation.as_ref().and_then(|c| c.reference_id.as_deref())
                        == Some(r.id.as_str())
                })
                .map(|n| n.id.clone())
                .collect();
        }
    }
}
