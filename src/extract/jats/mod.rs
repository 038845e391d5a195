//! JATS in: a JATS 1.0–1.3 or NLM 3.0 `article` read straight into the model.
//!
//! A JATS file already says what each part is (title, contributor, section, footnote,
//! reference), so it does not go through the pages-of-lines seam of the text readers
//! (`extract::input`): flattening its markup into lines only to find the parts again would
//! lose what the markup states. The reader parses the XML into a small tree ([`tree`]) and
//! maps it element by element: journal and article facts, titles, abstracts and keywords
//! ([`front`]), contributors, affiliations and author notes ([`contrib`]), the reference
//! lists ([`refs`]), footnotes ([`notes`]) and the section tree with its citation links
//! ([`body`]). Every value keeps the XML line of its element as its source.
//!
//! papermeta's own JATS output reads back into a model that writes the same bytes again
//! (`tests/jats_roundtrip.rs`). What the model cannot hold (figures, tables, display
//! formulas, sub-articles, contributors other than authors, editors and translators) is
//! reported as a warning with its line, never dropped silently.

mod body;
mod context;
mod contrib;
mod entities;
mod front;
mod notes;
mod refs;
mod text;
mod tree;

use crate::extract::error::ExtractError;
use crate::model::{Back, Body, Document, Front, SourceInfo};
use context::{Ctx, DTD_DEFAULT_LANG};
use tree::Element;

/// Whether the bytes are XML: after a byte order mark and white space, an XML declaration,
/// a comment, a DOCTYPE or an element opens the file.
pub fn looks_like_xml(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(crate::format::Sniff::PREFIX)];
    let text = match encoding_rs::Encoding::for_bom(head) {
        Some((encoding, bom)) => encoding.decode_without_bom_handling(&head[bom..]).0,
        None => String::from_utf8_lossy(head),
    };
    let start = text.trim_start();
    start.starts_with("<?xml")
        || start.starts_with("<!--")
        || start.starts_with("<!DOCTYPE")
        || start
            .strip_prefix('<')
            .and_then(|r| r.chars().next())
            .is_some_and(|c| c.is_alphabetic() || c == '_')
}

/// Reads a JATS or NLM article into the model.
///
/// The root must be `article`; a file that wraps one article in another element (a test
/// fixture's `<root>`, an OAI-PMH record) is read from that article, with a warning.
pub fn read_jats(bytes: &[u8], file_name: &str) -> Result<Document, ExtractError> {
    let file = tree::parse(bytes, file_name)?;
    let mut ctx = Ctx::new(&file.root);
    ctx.warnings.extend(file.warnings.iter().cloned());
    let article = match find_article(&file.root) {
        Some(a) if std::ptr::eq(a, &file.root) => a,
        Some(a) => {
            ctx.warn(
                "jats-wrapped-article",
                format!(
                    "the article is inside a `{}` element; it is read from its `article` element",
                    file.root.name
                ),
                a.line,
            );
            a
        }
        None => {
            return Err(ExtractError::NotJats {
                file: file_name.to_string(),
                root: file.root.name.clone(),
                line: file.root.line,
            })
        }
    };
    ctx.lang = article
        .attr_trimmed("xml:lang")
        .unwrap_or(DTD_DEFAULT_LANG)
        .to_string();
    let empty = Element::default();
    let front_el = article.child("front").unwrap_or(&empty);
    let body_el = article.child("body");
    let back_el = article.child("back");
    for sub in article
        .elements()
        .filter(|e| matches!(e.name.as_str(), "sub-article" | "response"))
    {
        ctx.not_read(&sub.name, sub.line);
    }

    // Targets first: references and footnotes, so every citation link can be resolved.
    let mut references = refs::read_reference_lists(&mut ctx, back_el, body_el);
    let mut footnotes = notes::read_footnotes(&mut ctx, body_el, back_el);
    notes::link_footnotes(&mut ctx, &mut footnotes, &references.groups);
    let mut front = Front {
        language: ctx.lang.clone(),
        ..Front::default()
    };
    front::read_front(&mut ctx, front_el, &mut front);
    contrib::read_contributors(&mut ctx, front_el, &mut front, &footnotes.ids);
    let mut doc_body = body::read_body(&mut ctx, body_el, back_el, &footnotes, &references);
    doc_body.sections.append(&mut references.sections);
    if let Some(notes_section) = footnotes.section.take() {
        doc_body.sections.push(notes_section);
    }
    refs::fill_cited_by(&mut references.groups, &footnotes.notes);
    ctx.report_composed();
    ctx.report_not_read();

    let mut doc = Document {
        source: SourceInfo {
            file_name: file_name.to_string(),
            encoding: file.encoding.to_string(),
            had_bom: file.had_bom,
            sha256: crate::extract::text::sha256_hex(bytes),
            line_count: file.line_count,
            repairs: Default::default(),
        },
        front,
        body: Body {
            pages: Vec::new(),
            ..doc_body
        },
        back: Back {
            footnotes: footnotes.notes,
            reference_groups: references.groups,
        },
        warnings: ctx.warnings,
        ..Document::default()
    };
    doc.drop_blank_values();
    let found = doc.verify();
    doc.warnings.extend(found);
    doc.warnings.sort_by_key(|w| w.line.unwrap_or(0));
    Ok(doc)
}

/// The root `article`, or the first `article` a few levels inside another root.
fn find_article(root: &Element) -> Option<&Element> {
    fn search(e: &Element, depth: usize) -> Option<&Element> {
        if e.is("article") {
            return Some(e);
        }
        if depth == 0 {
            return None;
        }
        e.elements().find_map(|c| search(c, depth - 1))
    }
    search(root, 4)
}

#[cfg(test)]
mod tests;
