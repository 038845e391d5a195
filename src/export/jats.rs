//! JATS 1.3 Journal Publishing XML.
//!
//! [`write_jats`] turns a [`Document`] into JATS XML valid against the official JATS 1.3
//! Journal Publishing DTD (MathML 2 flavour) and the PMC Style Checker. It never parses
//! text: every value comes from the model, and content JATS cannot hold is reported as a
//! warning. The output is built as a small tree ([`xml`]) from the front matter ([`front`]),
//! the section tree ([`body`]) and the footnotes and reference lists ([`back`]), then
//! serialized with 2-space indentation outside mixed content.

mod back;
mod body;
mod front;
mod tables;
mod xml;

use crate::export::{Export, ExportError};
use crate::model::{Diagnostic, Document, Footnote};
use std::collections::{HashMap, HashSet};
use xml::{Element, Serializer};

/// The DOCTYPE public identifier of the JATS 1.3 Journal Publishing DTD.
pub const PUBLIC_ID: &str = "-//NLM//DTD JATS (Z39.96) Journal Publishing DTD v1.3 20210610//EN";
/// The DOCTYPE system identifier of the JATS 1.3 Journal Publishing DTD.
pub const SYSTEM_ID: &str = "https://jats.nlm.nih.gov/publishing/1.3/JATS-journalpublishing1-3.dtd";

/// How the JATS output is written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JatsOptions {
    /// Indent element-only content with 2 spaces (mixed content is never re-spaced).
    pub pretty: bool,
    /// The `article/@article-type` value.
    pub article_type: String,
}

impl Default for JatsOptions {
    fn default() -> Self {
        JatsOptions {
            pretty: true,
            article_type: "research-article".to_string(),
        }
    }
}

/// Writes `doc` as JATS 1.3 Journal Publishing XML.
///
/// Fails with [`ExportError::MissingFact`] when the document lacks a fact the DTD requires
/// (`journal.id`, an ISSN); facts JATS lets go missing (publication date, pages, subject)
/// are reported in [`Export::warnings`].
pub fn write_jats(doc: &Document, options: &JatsOptions) -> Result<Export, ExportError> {
    let journal = doc.front.publication.journal.as_ref();
    let has_id = journal
        .and_then(|j| j.id.as_deref())
        .is_some_and(|id| !id.trim().is_empty());
    if !has_id {
        return Err(ExportError::MissingFact {
            format: "JATS",
            what: "a journal identifier (journal-id)",
            key: "journal.id",
        });
    }
    let has_issn = journal.is_some_and(|j| {
        [&j.issn_print, &j.issn_electronic]
            .iter()
            .any(|i| i.as_deref().is_some_and(|s| !s.trim().is_empty()))
    });
    if !has_issn {
        return Err(ExportError::MissingFact {
            format: "JATS",
            what: "an ISSN (print or electronic)",
            key: "journal.issn_print",
        });
    }

    let mut ctx = Ctx::new(doc);
    // Targets of cross-references are built first so every rid can be checked.
    let affs = front::affiliations(&mut ctx);
    let author_notes = front::author_notes(&mut ctx);
    let ref_lists = back::reference_lists(&mut ctx);
    let fn_group = back::footnotes(&mut ctx);
    let body = body::body(&mut ctx);
    let moved = body::back_sections(&mut ctx);
    let front = front::front(&mut ctx, affs, author_notes);

    let lang = if doc.front.language.trim().is_empty() {
        ctx.warn(
            "missing-language",
            "the article has no main language; xml:lang is set to `und`",
            None,
        );
        "und".to_string()
    } else {
        doc.front.language.clone()
    };
    let mut article = Element::new("article")
        .attr("article-type", options.article_type.clone())
        .attr("dtd-version", "1.3")
        .attr("xml:lang", lang)
        .attr("xmlns:xlink", "http://www.w3.org/1999/xlink")
        .attr("xmlns:mml", "http://www.w3.org/1998/Math/MathML")
        .attr("xmlns:ali", "http://www.niso.org/schemas/ali/1.0/")
        .child(front);
    if let Some(body) = body {
        article.push(body);
    }
    let mut back = Element::new("back");
    for e in moved.ack {
        back.push(e);
    }
    for e in ref_lists {
        back.push(e);
    }
    if let Some(g) = fn_group {
        back.push(g);
    }
    for e in moved.appendices {
        back.push(e);
    }
    if !back.is_empty() {
        article.push(back);
    }

    let mut ser = Serializer::new(options.pretty);
    ser.raw("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    ser.raw(&format!(
        "<!DOCTYPE article PUBLIC \"{PUBLIC_ID}\" \"{SYSTEM_ID}\">\n"
    ));
    ser.element(&article);
    if ser.replaced_chars > 0 {
        let n = ser.replaced_chars;
        ctx.warn(
            "jats-invalid-character",
            format!("{n} character(s) that XML 1.0 cannot hold were written as U+FFFD"),
            None,
        );
    }
    let mut text = ser.finish();
    text.push('\n');
    Ok(Export {
        bytes: text.into_bytes(),
        warnings: ctx.warnings,
    })
}

/// The kinds of element that carry an `id`, each its own namespace in the model.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum IdKind {
    Aff,
    AuthorNote,
    Sec,
    Fn,
    RefList,
    Ref,
}

impl IdKind {
    /// Prefix of generated ids.
    fn prefix(self) -> &'static str {
        match self {
            IdKind::Aff => "aff",
            IdKind::AuthorNote => "an",
            IdKind::Sec => "sec",
            IdKind::Fn => "fn",
            IdKind::RefList => "reflist",
            IdKind::Ref => "ref",
        }
    }
}

/// Shared state of one export: the document, warnings and the ids handed out.
pub(crate) struct Ctx<'a> {
    /// The document being written.
    pub doc: &'a Document,
    /// The article's main language.
    pub lang: &'a str,
    /// Warnings so far.
    pub warnings: Vec<Diagnostic>,
    used: HashSet<String>,
    assigned: HashMap<(IdKind, String), String>,
    footnotes: HashMap<&'a str, &'a Footnote>,
    generated: usize,
}

impl<'a> Ctx<'a> {
    fn new(doc: &'a Document) -> Self {
        let mut footnotes = HashMap::new();
        for f in &doc.back.footnotes {
            footnotes.entry(f.id.as_str()).or_insert(f);
        }
        Ctx {
            doc,
            lang: doc.front.language.as_str(),
            warnings: Vec::new(),
            used: HashSet::new(),
            assigned: HashMap::new(),
            footnotes,
            generated: 0,
        }
    }

    /// Records a warning.
    pub fn warn(&mut self, code: &str, message: impl Into<String>, line: Option<usize>) {
        self.warnings.push(Diagnostic::warning(code, message, line));
    }

    /// Hands out a document-unique XML id for the model id `model_id` of `kind`. Invalid or
    /// repeated ids are replaced (and reported); the first element with a model id is the
    /// one `rid`s to that model id point to.
    pub fn declare(&mut self, kind: IdKind, model_id: &str, line: Option<usize>) -> String {
        let mut id = model_id.to_string();
        if !is_ncname(&id) {
            id = self.fresh(kind);
            self.warn(
                "jats-id-replaced",
                format!("identifier `{model_id}` is not a valid XML id; written as `{id}`"),
                line,
            );
        } else if self.used.contains(&id) {
            let fresh = self.fresh(kind);
            self.warn(
                "jats-duplicate-id",
                format!(
                    "identifier `{model_id}` is used twice; the second is written as `{fresh}`"
                ),
                line,
            );
            id = fresh;
        }
        self.used.insert(id.clone());
        self.assigned
            .entry((kind, model_id.to_string()))
            .or_insert_with(|| id.clone());
        id
    }

    /// The XML id given to a model id, if an element with it is written.
    pub fn id_of(&self, kind: IdKind, model_id: &str) -> Option<String> {
        self.assigned.get(&(kind, model_id.to_string())).cloned()
    }

    /// The footnote with this model id.
    pub fn footnote(&self, model_id: &str) -> Option<&'a Footnote> {
        self.footnotes.get(model_id).copied()
    }

    fn fresh(&mut self, kind: IdKind) -> String {
        loop {
            self.generated += 1;
            let id = format!("{}-x{}", kind.prefix(), self.generated);
            if !self.used.contains(&id) {
                return id;
            }
        }
    }
}

/// Whether `s` can be an XML `ID` (an ASCII NCName, the form every consumer accepts).
fn is_ncname(s: &str) -> bool {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) if c.is_ascii_alphabetic() || c == '_' => {}
        _ => return false,
    }
    chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
}

#[cfg(test)]
pub(crate) mod tests;
