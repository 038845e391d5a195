//! JATS body and back-matter sections → the model's section tree: headings with their
//! labels, paragraphs, lists and quotations, footnote markers and in-text citations linked to
//! their targets (`xref` to an `fn` or a `ref`). Acknowledgements and appendices of the back
//! matter join the tree as the kinds of section they are.

use super::context::{Ctx, IdKind};
use super::notes::Footnotes;
use super::refs::References;
use super::text::{finish_inlines, leaf, leaf_opt, tidy};
use super::tree::{Element, Node};
use crate::model::{
    Block, Body, Inline, List, ListItem, Paragraph, Quote, Section, SectionKind, Span,
};
use std::collections::HashSet;

/// `sec-type` values → section kinds (the JATS suggested values and common variants).
pub(crate) const SEC_TYPES: &[(&str, SectionKind)] = &[
    ("intro", SectionKind::Introduction),
    ("introduction", SectionKind::Introduction),
    ("methods", SectionKind::Methods),
    ("materials|methods", SectionKind::Methods),
    ("materials", SectionKind::Methods),
    ("conclusions", SectionKind::Conclusion),
    ("conclusion", SectionKind::Conclusion),
    ("recommendations", SectionKind::Recommendations),
    ("acknowledgments", SectionKind::Acknowledgements),
    ("acknowledgements", SectionKind::Acknowledgements),
    ("appendix", SectionKind::Appendix),
    ("appendices", SectionKind::Appendix),
];

/// Elements whose content the model cannot hold; each is reported, not read.
const NOT_READ: &[&str] = &[
    "fig",
    "fig-group",
    "table-wrap",
    "table-wrap-group",
    "table",
    "array",
    "graphic",
    "inline-graphic",
    "media",
    "disp-formula",
    "disp-formula-group",
    "chem-struct-wrap",
    "supplementary-material",
];

/// Elements of a section that other parts of the reader take, or that hold no text.
const TAKEN_ELSEWHERE: &[&str] = &[
    "label",
    "title",
    "ref-list",
    "fn-group",
    "sec-meta",
    "object-id",
    "sig-block",
];

/// Reads the body and the sections of the back matter.
pub(super) fn read_body(
    ctx: &mut Ctx,
    body: Option<&Element>,
    back: Option<&Element>,
    notes: &Footnotes,
    references: &References,
) -> Body {
    let ref_ids = references
        .groups
        .iter()
        .flat_map(|g| g.references.iter().map(|r| r.id.clone()))
        .collect();
    let mut walker = Walker {
        ctx,
        notes,
        ref_ids,
        unknown_rids: HashSet::new(),
    };
    let mut out = Body::default();
    if let Some(b) = body {
        let (blocks, sections) = walker.content(b, 1, "sec");
        out.blocks = blocks;
        out.sections = sections;
    }
    if let Some(back) = back {
        for c in back.elements() {
            let kind = match c.name.as_str() {
                "sec" => sec_kind(c),
                "ack" => SectionKind::Acknowledgements,
                "app" => SectionKind::Appendix,
                "notes" | "glossary" | "bio" => SectionKind::Other,
                "app-group" => {
                    for app in c.children_named("app") {
                        let s = walker.section(app, 1, "sec", SectionKind::Appendix);
                        out.sections.push(s);
                    }
                    continue;
                }
                _ => continue,
            };
            let s = walker.section(c, 1, "sec", kind);
            out.sections.push(s);
        }
    }
    out
}

fn sec_kind(e: &Element) -> SectionKind {
    let Some(t) = e.attr_trimmed("sec-type") else {
        return SectionKind::Other;
    };
    SEC_TYPES
        .iter()
        .find(|(name, _)| name.eq_ignore_ascii_case(t))
        .map_or(SectionKind::Other, |(_, k)| *k)
}

struct Walker<'a> {
    ctx: &'a mut Ctx,
    notes: &'a Footnotes,
    ref_ids: HashSet<String>,
    unknown_rids: HashSet<String>,
}

impl Walker<'_> {
    /// The blocks and sections of a container (`body`, `sec`, `app`, ...).
    fn content(&mut self, e: &Element, level: u8, id_prefix: &str) -> (Vec<Block>, Vec<Section>) {
        let mut blocks = Vec::new();
        let mut sections = Vec::new();
        for c in e.elements() {
            if c.is("sec") {
                let s = self.section(c, level, id_prefix, sec_kind(c));
                sections.push(s);
            } else {
                self.block(c, &mut blocks);
            }
        }
        (blocks, sections)
    }

    fn section(&mut self, e: &Element, level: u8, id_prefix: &str, kind: SectionKind) -> Section {
        let id = self.ctx.id_for(IdKind::Section, e, id_prefix);
        let title = e
            .child("title")
            .map(|t| self.inlines(t))
            .unwrap_or_default();
        let (blocks, sections) = self.content(e, level.saturating_add(1), &format!("{id}-"));
        Section {
            id,
            level,
            kind,
            label: leaf_opt(e.child("label")),
            title,
            run_in: false,
            blocks,
            sections,
            source: Span::line(e.line),
        }
    }

    /// Appends the blocks an element of a section gives.
    fn block(&mut self, e: &Element, out: &mut Vec<Block>) {
        let name = e.name.as_str();
        if TAKEN_ELSEWHERE.contains(&name) {
            return;
        }
        if NOT_READ.contains(&name) {
            self.ctx.not_read(name, e.line);
            return;
        }
        match name {
            "p" => out.push(Block::Paragraph(Paragraph {
                content: self.inlines(e),
                source: Span::lines(e.line, e.end_line),
            })),
            "list" => {
                let mut items = Vec::new();
                self.list_items(e, &mut items);
                out.push(Block::List(List {
                    ordered: is_ordered(e),
                    items,
                    source: Span::lines(e.line, e.end_line),
                }));
            }
            "def-list" => {
                let items = e
                    .children_named("def-item")
                    .map(|item| {
                        let term = item.child("term").map(leaf).unwrap_or_default();
                        let def = item.child("def").map(leaf).unwrap_or_default();
                        let text = match (term.is_empty(), def.is_empty()) {
                            (false, false) => format!("{term}: {def}"),
                            (false, true) => term,
                            _ => def,
                        };
                        ListItem {
                            label: None,
                            content: vec![Inline::Text { text }],
                            source: Span::line(item.line),
                        }
                    })
                    .collect();
                out.push(Block::List(List {
                    ordered: false,
                    items,
                    source: Span::lines(e.line, e.end_line),
                }));
            }
            "disp-quote" => {
                let mut content = Vec::new();
                for part in e.elements() {
                    if !content.is_empty() {
                        content.push(Inline::Text { text: " ".into() });
                    }
                    content.extend(self.inlines(part));
                }
                out.push(Block::Quote(Quote {
                    content: finish_inlines(content),
                    source: Span::lines(e.line, e.end_line),
                }));
            }
            "preformat" | "code" | "speech" | "verse-line" => {
                let text = tidy(&e.text());
                if !text.is_empty() {
                    out.push(Block::Paragraph(Paragraph {
                        content: vec![Inline::Text { text }],
                        source: Span::lines(e.line, e.end_line),
                    }));
                }
            }
            _ => {
                // A container the model has no block for (`boxed-text`, `statement`,
                // `verse-group`, a namespaced treatment): its headings and paragraphs are
                // read in place.
                if e.children
                    .iter()
                    .any(|c| matches!(c, Node::Text(t) if !t.trim().is_empty()))
                {
                    out.push(Block::Paragraph(Paragraph {
                        content: self.inlines(e),
                        source: Span::lines(e.line, e.end_line),
                    }));
                    return;
                }
                for c in e.elements() {
                    match c.name.as_str() {
                        "title" | "label" => {
                            let content = self.inlines(c);
                            if !content.is_empty() {
                                out.push(Block::Paragraph(Paragraph {
                                    content,
                                    source: Span::line(c.line),
                                }));
                            }
                        }
                        "sec" => {
                            let s = self.section(c, 1, "sec", SectionKind::Other);
                            flatten_section(s, out);
                        }
                        _ => self.block(c, out),
                    }
                }
            }
        }
    }

    fn list_items(&mut self, list: &Element, out: &mut Vec<ListItem>) {
        for item in list.children_named("list-item") {
            let mut content = Vec::new();
            let mut nested = Vec::new();
            for c in item.elements() {
                match c.name.as_str() {
                    "label" => {}
                    "list" => nested.push(c),
                    _ => {
                        if !content.is_empty() {
                            content.push(Inline::Text { text: " ".into() });
                        }
                        content.extend(self.inlines(c));
                    }
                }
            }
            if item.elements().all(|c| c.is("label") || c.is("list")) {
                content = self.inlines_except(item, &["label", "list"]);
            }
            out.push(ListItem {
                label: leaf_opt(item.child("label")),
                content: finish_inlines(content),
                source: Span::lines(item.line, item.end_line),
            });
            for n in nested {
                self.list_items(n, out);
            }
        }
    }

    /// The inlines of a mixed-content element.
    fn inlines(&mut self, e: &Element) -> Vec<Inline> {
        self.inlines_except(e, &[])
    }

    fn inlines_except(&mut self, e: &Element, skip: &[&str]) -> Vec<Inline> {
        let mut out = Vec::new();
        for c in &e.children {
            match c {
                Node::Text(t) => out.push(Inline::Text { text: t.clone() }),
                Node::Element(c) if skip.contains(&c.name.as_str()) => {}
                Node::Element(c) => self.inline(c, &mut out),
            }
        }
        finish_inlines(out)
    }

    fn inline(&mut self, e: &Element, out: &mut Vec<Inline>) {
        let name = e.name.as_str();
        if NOT_READ.contains(&name) {
            self.ctx.not_read(name, e.line);
            return;
        }
        match name {
            "xref" if e.attr("ref-type") == Some("fn") => {
                let marker = tidy(&e.text());
                let target = e
                    .attr("rid")
                    .unwrap_or("")
                    .split_whitespace()
                    .find_map(|rid| self.notes.ids.get(rid));
                match target {
                    Some(id) => out.push(Inline::FootnoteRef {
                        marker,
                        footnote_id: Some(id.clone()),
                    }),
                    None => out.push(Inline::Text { text: e.text() }),
                }
            }
            "xref" if e.attr("ref-type") == Some("bibr") => self.citation(e, out),
            "fn" => {
                let Some(id) = self.notes.by_element.get(&(e as *const Element)) else {
                    return;
                };
                let marker = leaf_opt(e.child("label")).unwrap_or_else(|| {
                    self.notes
                        .notes
                        .iter()
                        .find(|n| &n.id == id)
                        .map(|n| n.number.to_string())
                        .unwrap_or_default()
                });
                out.push(Inline::FootnoteRef {
                    marker,
                    footnote_id: Some(id.clone()),
                });
            }
            "break" => out.push(Inline::Text { text: " ".into() }),
            "alternatives" => {
                if let Some(first) = e.elements().next() {
                    self.inline(first, out);
                }
            }
            _ => {
                for c in &e.children {
                    match c {
                        Node::Text(t) => out.push(Inline::Text { text: t.clone() }),
                        Node::Element(c) => self.inline(c, out),
                    }
                }
            }
        }
    }

    /// A `bibr` cross-reference: a citation of the references its `rid` names. An empty one
    /// right after a citation adds its references to that citation (as papermeta writes a
    /// citation of several references).
    fn citation(&mut self, e: &Element, out: &mut Vec<Inline>) {
        let mut ids = Vec::new();
        for rid in e.attr("rid").unwrap_or("").split_whitespace() {
            if self.ref_ids.contains(rid) {
                ids.push(rid.to_string());
            } else if self.unknown_rids.insert(rid.to_string()) {
                self.ctx.warn(
                    "jats-unknown-rid",
                    format!("a citation names `{rid}`, which is no reference of the article"),
                    e.line,
                );
            }
        }
        let text = tidy(&e.text());
        if text.is_empty() {
            if let Some(Inline::Citation { reference_ids, .. }) = out.last_mut() {
                reference_ids.extend(ids);
                return;
            }
        }
        out.push(Inline::Citation {
            text,
            reference_ids: ids,
            locator: None,
        });
    }
}

/// A section met inside a container the model has no block for: its title and blocks.
fn flatten_section(s: Section, out: &mut Vec<Block>) {
    if !s.title.is_empty() {
        out.push(Block::Paragraph(Paragraph {
            content: s.title,
            source: s.source,
        }));
    }
    out.extend(s.blocks);
    for sub in s.sections {
        flatten_section(sub, out);
    }
}

fn is_ordered(list: &Element) -> bool {
    matches!(
        list.attr("list-type").map(str::trim),
        Some("order" | "ordered" | "alpha-lower" | "alpha-upper" | "roman-lower" | "roman-upper")
    )
}
