//! JATS footnotes → the model's numbered notes: every `fn` of the body and back matter (in
//! an `fn-group` or inline in a paragraph), endnote groups with their heading, and the work
//! or earlier note each footnote cites (its `bibr` or `fn` cross-reference).

use super::context::{Ctx, IdKind};
use super::text::{leaf, tidy};
use super::tree::{Element, Node};
use crate::model::{
    Citation, CitationKind, Footnote, Inline, NotePlacement, ReferenceGroup, Section, SectionKind,
    Span,
};
use std::collections::{HashMap, HashSet};

/// The footnotes of an article.
#[derive(Debug, Default)]
pub(super) struct Footnotes {
    /// The notes, in document order.
    pub notes: Vec<Footnote>,
    /// XML id → model id.
    pub ids: HashMap<String, String>,
    /// The model id of each `fn` element, by its address in the tree (for notes inline in a
    /// paragraph).
    pub by_element: HashMap<*const Element, String>,
    /// The heading of an endnotes group, as the endnotes section the writers look for.
    pub section: Option<Section>,
    /// The targets each note's cross-references name: (`bibr` rids, `fn` rids).
    links: Vec<(Vec<String>, Vec<String>)>,
}

/// Elements whose notes belong to content the model does not hold.
const SKIPPED: &[&str] = &[
    "table-wrap",
    "table-wrap-group",
    "fig",
    "fig-group",
    "sub-article",
    "response",
    "ref-list",
];

/// Collects every footnote of the body and back matter.
pub(super) fn read_footnotes(
    ctx: &mut Ctx,
    body: Option<&Element>,
    back: Option<&Element>,
) -> Footnotes {
    let mut notes = Footnotes::default();
    for part in [body, back].into_iter().flatten() {
        collect(ctx, part, NotePlacement::Foot, &mut notes);
    }
    notes
}

fn collect(ctx: &mut Ctx, e: &Element, placement: NotePlacement, out: &mut Footnotes) {
    for c in e.elements() {
        if SKIPPED.contains(&c.name.as_str()) {
            continue;
        }
        if c.is("fn") {
            read_note(ctx, c, placement, out);
        } else if c.is("fn-group") {
            let endnotes = c.attr("content-type") == Some("endnotes");
            if endnotes && out.section.is_none() {
                if let Some(title) = c.child("title").map(leaf).filter(|t| !t.is_empty()) {
                    out.section = Some(Section {
                        id: ctx.fresh_id(IdKind::Section, "sec-notes"),
                        level: 1,
                        kind: SectionKind::Notes,
                        title: vec![Inline::Text { text: title }],
                        source: Span::line(c.line),
                        ..Section::default()
                    });
                }
            }
            let placement = if endnotes {
                NotePlacement::End
            } else {
                placement
            };
            collect(ctx, c, placement, out);
        } else {
            collect(ctx, c, placement, out);
        }
    }
}

fn read_note(ctx: &mut Ctx, e: &Element, placement: NotePlacement, out: &mut Footnotes) {
    let id = ctx.id_for(IdKind::Footnote, e, "fn");
    if let Some(xml_id) = e.attr_trimmed("id") {
        if out.ids.contains_key(xml_id) {
            ctx.warn(
                "jats-duplicate-id",
                format!("the footnote id `{xml_id}` is used twice; the second note is left out"),
                e.line,
            );
            return;
        }
        out.ids.insert(xml_id.to_string(), id.clone());
    }
    let label = e.child("label").map(leaf).unwrap_or_default();
    let paragraphs: Vec<String> = e
        .children_named("p")
        .map(leaf)
        .filter(|p| !p.is_empty())
        .collect();
    let text = if paragraphs.is_empty() {
        let text: String = e
            .children
            .iter()
            .map(|c| match c {
                Node::Text(t) => t.clone(),
                Node::Element(c) if c.is("label") => String::new(),
                Node::Element(c) => c.text(),
            })
            .collect();
        tidy(&text)
    } else {
        paragraphs.join("\n")
    };
    let mut xrefs = Vec::new();
    e.descendants_named("xref", &mut xrefs);
    let rids = |kind: &str| -> Vec<String> {
        xrefs
            .iter()
            .filter(|x| x.attr("ref-type") == Some(kind))
            .flat_map(|x| x.attr("rid").unwrap_or("").split_whitespace())
            .map(str::to_string)
            .collect()
    };
    let links = (rids("bibr"), rids("fn"));
    let number = crate::script::parse_number(&label)
        .unwrap_or_else(|| u32::try_from(out.notes.len() + 1).unwrap_or(u32::MAX));
    out.by_element.insert(e as *const Element, id.clone());
    out.notes.push(Footnote {
        id,
        // JATS has no pages: the whole article is read as one.
        page: 1,
        label,
        number,
        text,
        source: Span::lines(e.line, e.end_line),
        citation: None,
        placement,
    });
    out.links.push(links);
}

/// Links each footnote to the reference its first `bibr` cross-reference names, or, for a
/// note that refers back (`Ibid.`, `op. cit.`), to the note its `fn` cross-reference names.
pub(super) fn link_footnotes(ctx: &mut Ctx, notes: &mut Footnotes, groups: &[ReferenceGroup]) {
    let references: HashSet<&str> = groups
        .iter()
        .flat_map(|g| g.references.iter().map(|r| r.id.as_str()))
        .collect();
    let links = std::mem::take(&mut notes.links);
    for (note, (bibr, fns)) in notes.notes.iter_mut().zip(links) {
        let back = crate::extract::citations::back_reference_kind(&note.text);
        let reference = bibr.iter().find(|r| references.contains(r.as_str()));
        if let Some(r) = reference {
            note.citation = Some(Citation {
                kind: back.unwrap_or(CitationKind::Direct),
                reference_id: Some(r.clone()),
                via_footnote_id: None,
                locator: None,
            });
        } else if let Some(via) = fns.iter().find_map(|f| notes.ids.get(f)) {
            note.citation = Some(Citation {
                // A link to an earlier note is a back-reference, whatever its words.
                kind: back.unwrap_or(CitationKind::OpCit),
                reference_id: None,
                via_footnote_id: Some(via.clone()),
                locator: None,
            });
        }
        if let Some(missing) = bibr.iter().find(|r| !references.contains(r.as_str())) {
            ctx.warn(
                "jats-unknown-rid",
                format!(
                    "footnote {} cites `{missing}`, which is no reference of the article",
                    note.id
                ),
                note.source.line,
            );
        }
    }
}
