//! `body`: the section tree and its blocks. Reference-list sections go to `back` as
//! `ref-list`s; top-level acknowledgements and appendices go to `back` as typed `sec`s
//! (the project's JATS subset has no `ack` or `app-group`).

use super::tables::sec_type;
use super::xml::Element;
use super::{Ctx, IdKind};
use crate::model::{Block, Inline, Section, SectionKind};

/// Sections that `back` holds instead of `body`.
#[derive(Debug, Default)]
pub(super) struct Moved {
    /// Acknowledgements, written before the reference lists.
    pub ack: Vec<Element>,
    /// Appendices, written last.
    pub appendices: Vec<Element>,
}

/// Whether a section's content lives in `back` (`ref-list`, or `fn-group` for endnotes) rather than in a section.
pub(super) fn is_reference_section(s: &Section) -> bool {
    matches!(
        s.kind,
        SectionKind::References | SectionKind::ReferenceGroup | SectionKind::Notes
    )
}

/// Whether a top-level section is written in `back`.
fn goes_to_back(s: &Section) -> bool {
    matches!(
        s.kind,
        SectionKind::Acknowledgements | SectionKind::Appendix
    )
}

/// The `body` element, or `None` when the paper has no running text.
pub(super) fn body(ctx: &mut Ctx) -> Option<Element> {
    let doc = ctx.doc;
    let mut body = Element::new("body");
    for block in &doc.body.blocks {
        body.push(block_element(ctx, block));
    }
    for s in &doc.body.sections {
        if is_reference_section(s) {
            report_reference_section_blocks(ctx, s);
        } else if !goes_to_back(s) {
            body.push(section(ctx, s));
        }
    }
    (!body.is_empty()).then_some(body)
}

/// The top-level acknowledgements and appendices, as `back` elements.
pub(super) fn back_sections(ctx: &mut Ctx) -> Moved {
    let doc = ctx.doc;
    let mut moved = Moved::default();
    for s in &doc.body.sections {
        match s.kind {
            SectionKind::Acknowledgements => moved.ack.push(section(ctx, s)),
            SectionKind::Appendix => moved.appendices.push(section(ctx, s)),
            _ => {}
        }
    }
    moved
}

/// Reference sections are written from `Back::reference_groups`; running text under them
/// has no place there and is reported.
fn report_reference_section_blocks(ctx: &mut Ctx, s: &Section) {
    if !s.blocks.is_empty() {
        ctx.warn(
            "reference-section-text-not-rendered",
            format!(
                "{} block(s) of text under the reference heading `{}` are not written in JATS",
                s.blocks.len(),
                s.title_text()
            ),
            Some(s.source.line),
        );
    }
    for sub in &s.sections {
        if is_reference_section(sub) {
            report_reference_section_blocks(ctx, sub);
        } else {
            ctx.warn(
                "reference-section-text-not-rendered",
                format!(
                    "the section `{}` inside the reference list is not written in JATS",
                    sub.title_text()
                ),
                Some(sub.source.line),
            );
        }
    }
}

/// A `sec` with its label, title, blocks and subsections.
fn section(ctx: &mut Ctx, s: &Section) -> Element {
    let id = ctx.declare(IdKind::Sec, &s.id, Some(s.source.line));
    let mut e = Element::new("sec")
        .attr("id", id)
        .attr_opt("sec-type", sec_type(s.kind));
    if let Some(label) = s.label.as_deref().filter(|l| !l.is_empty()) {
        e.push(Element::text_leaf("label", label));
    }
    // The project's JATS subset wants a title even where a label stands in for it.
    let mut title = Element::new("title");
    inlines(ctx, &mut title, &s.title, Some(s.source.line));
    e.push(title);
    for block in &s.blocks {
        e.push(block_element(ctx, block));
    }
    for sub in &s.sections {
        if is_reference_section(sub) {
            report_reference_section_blocks(ctx, sub);
        } else {
            e.push(section(ctx, sub));
        }
    }
    e
}

fn block_element(ctx: &mut Ctx, block: &Block) -> Element {
    match block {
        Block::Paragraph(p) => {
            let mut e = Element::new("p");
            inlines(ctx, &mut e, &p.content, Some(p.source.line));
            e
        }
        Block::List(l) => {
            let list_type = if l.ordered { "order" } else { "bullet" };
            let mut e = Element::new("list").attr("list-type", list_type);
            for item in &l.items {
                let mut li = Element::new("list-item");
                if let Some(label) = item.label.as_deref().filter(|l| !l.is_empty()) {
                    li.push(Element::text_leaf("label", label));
                }
                let mut p = Element::new("p");
                inlines(ctx, &mut p, &item.content, Some(item.source.line));
                li.push(p);
                e.push(li);
            }
            if l.items.is_empty() {
                ctx.warn(
                    "empty-list",
                    "a list without items is not written",
                    Some(l.source.line),
                );
                // `list` needs an item; an empty paragraph keeps the place.
                return Element::new("p");
            }
            e
        }
        Block::Quote(q) => {
            let mut p = Element::new("p");
            inlines(ctx, &mut p, &q.content, Some(q.source.line));
            Element::new("disp-quote").child(p)
        }
    }
}

/// Appends inlines to a mixed-content element: text as is, footnote markers as `xref`s
/// holding the footnote's label, in-text citations as `bibr` `xref`s (see [`citation`]).
pub(super) fn inlines(
    ctx: &mut Ctx,
    parent: &mut Element,
    content: &[Inline],
    line: Option<usize>,
) {
    for inline in content {
        match inline {
            Inline::Text { text } => parent.push_text(text.clone()),
            Inline::Citation {
                text,
                reference_ids,
                ..
            } => citation(ctx, parent, text, reference_ids, line),
            Inline::FootnoteRef {
                marker,
                footnote_id,
            } => {
                let target = footnote_id.as_deref().and_then(|id| {
                    let rid = ctx.id_of(IdKind::Fn, id)?;
                    let label = ctx
                        .footnote(id)
                        .map(|f| f.label.clone())
                        .filter(|l| !l.is_empty())
                        .unwrap_or_else(|| marker.clone());
                    Some((rid, label))
                });
                match target {
                    Some((rid, label)) => parent.push(
                        Element::text_leaf("xref", label)
                            .attr("ref-type", "fn")
                            .attr("rid", rid),
                    ),
                    None => {
                        parent.push_text(marker.clone());
                        let why = match footnote_id {
                            Some(id) => format!("points to footnote `{id}`, which does not exist"),
                            None => "has no footnote".to_string(),
                        };
                        ctx.warn(
                            "unlinked-footnote-marker",
                            format!("the footnote marker `{marker}` {why}; written as text"),
                            line,
                        );
                    }
                }
            }
        }
    }
}

/// An in-text citation: its printed text inside an `xref` to the first reference it resolves
/// to, followed by an empty `xref` for each further reference (the printed text cannot be cut
/// between them, and an empty `xref` is valid in JATS). A citation that resolves to nothing
/// written is plain text.
fn citation(
    ctx: &mut Ctx,
    parent: &mut Element,
    text: &str,
    reference_ids: &[String],
    line: Option<usize>,
) {
    let mut rids = Vec::new();
    for id in reference_ids {
        match ctx.id_of(IdKind::Ref, id) {
            Some(rid) => rids.push(rid),
            None => ctx.warn(
                "unlinked-citation",
                format!("the citation `{text}` points to reference `{id}`, which is not written"),
                line,
            ),
        }
    }
    let mut rids = rids.into_iter();
    let Some(first) = rids.next() else {
        parent.push_text(text.to_string());
        return;
    };
    parent.push(
        Element::text_leaf("xref", text.to_string())
            .attr("ref-type", "bibr")
            .attr("rid", first),
    );
    for rid in rids {
        parent.push(
            Element::new("xref")
                .attr("ref-type", "bibr")
                .attr("rid", rid),
        );
    }
}

#[cfg(test)]
mod citation_tests {
    use crate::export::jats::{write_jats, JatsOptions};
    use crate::model::*;

    fn text(t: &str) -> Inline {
        Inline::Text {
            text: t.to_string(),
        }
    }

    fn cite(t: &str, ids: &[&str]) -> Inline {
        Inline::Citation {
            text: t.to_string(),
            reference_ids: ids.iter().map(|s| s.to_string()).collect(),
            locator: None,
        }
    }

    /// A document whose body holds `title` and `content`, with references `r1` and `r2`.
    fn jats_of(title: Vec<Inline>, content: Vec<Inline>) -> (String, Vec<Diagnostic>) {
        let mut doc = crate::export::jats::tests::minimal("en", "T");
        doc.body.sections = vec![Section {
            id: "sec1".to_string(),
            level: 1,
            title,
            blocks: vec![Block::Paragraph(Paragraph {
                content,
                source: Span::line(5),
            })],
            source: Span::line(4),
            ..Default::default()
        }];
        doc.back.reference_groups = vec![ReferenceGroup {
            id: "refs1".to_string(),
            references: ["r1", "r2"]
                .iter()
                .map(|id| Reference {
                    id: id.to_string(),
                    raw: format!("Author {id}. (2015). A work."),
                    lang: "en".to_string(),
                    source: Span::line(9),
                    ..Default::default()
                })
                .collect(),
            ..Default::default()
        }];
        let options = JatsOptions {
            pretty: false,
            ..Default::default()
        };
        let export = write_jats(&doc, &options).expect("export");
        let report = crate::validate::jats::validate_jats(&export.bytes);
        let errors: Vec<_> = report.errors().collect();
        assert!(errors.is_empty(), "invalid JATS: {errors:#?}");
        (
            String::from_utf8(export.bytes).expect("utf-8"),
            export.warnings,
        )
    }

    #[test]
    fn citations_become_bibr_xrefs() {
        let (xml, warnings) = jats_of(
            vec![text("On "), cite("Dahl (2015)", &["r1"])],
            vec![
                text("As argued ("),
                cite("Dahl, 2015, 2018", &["r1", "r2"]),
                text("; "),
                cite("UN, n.d.", &[]),
                text(") and "),
                cite("(Gone, 2001)", &["r9"]),
                text("."),
            ],
        );
        assert!(
            xml.contains(r#"<title>On <xref ref-type="bibr" rid="r1">Dahl (2015)</xref></title>"#),
            "{xml}"
        );
        assert!(
            xml.contains(r#"<p>As argued (<xref ref-type="bibr" rid="r1">Dahl, 2015, 2018</xref><xref ref-type="bibr" rid="r2"/>; UN, n.d.) and (Gone, 2001).</p>"#),
            "{xml}"
        );
        let unlinked: Vec<_> = warnings
            .iter()
            .filter(|w| w.code == "unlinked-citation")
            .collect();
        assert_eq!(unlinked.len(), 1, "{warnings:?}");
        assert!(unlinked.iter().all(|w| w.message.contains("r9")));
    }
}
