//! The state one JATS reading shares between its parts: the article's language, the
//! warnings, the ids handed out (so generated ones never repeat one of the file's), and the
//! elements the model has no place for, reported once per name.

use super::tree::Element;
use crate::model::Diagnostic;
use std::collections::{BTreeMap, HashSet};

/// The `xml:lang` the JATS and NLM DTDs give an `article` that names none.
pub(crate) const DTD_DEFAULT_LANG: &str = "en";

/// State shared by the parts of one reading: the article's language, warnings, the ids
/// handed out, and what could not be read.
pub(crate) struct Ctx {
    /// The article's `xml:lang`.
    pub lang: String,
    /// Warnings so far.
    pub warnings: Vec<Diagnostic>,
    /// Ids in use, per kind, so generated ones never repeat one.
    used: HashSet<(IdKind, String)>,
    /// Elements the model cannot hold: name → (count, first line).
    not_read: BTreeMap<String, (usize, usize)>,
    /// References whose text was composed from their fields: (id, line), in order.
    composed: Vec<(String, usize)>,
}

/// The kinds of id the model keeps apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum IdKind {
    Contributor,
    Affiliation,
    Section,
    Footnote,
    RefList,
    Reference,
}

impl Ctx {
    pub(crate) fn new(root: &Element) -> Self {
        let mut ctx = Ctx {
            lang: DTD_DEFAULT_LANG.to_string(),
            warnings: Vec::new(),
            used: HashSet::new(),
            not_read: BTreeMap::new(),
            composed: Vec::new(),
        };
        // Ids written in the file are taken as they are; generated ones avoid them.
        ctx.reserve_ids(root);
        ctx
    }

    fn reserve_ids(&mut self, e: &Element) {
        if let Some(id) = e.attr_trimmed("id") {
            let kind = match e.name.as_str() {
                "aff" => Some(IdKind::Affiliation),
                "sec" | "app" | "ack" => Some(IdKind::Section),
                "fn" => Some(IdKind::Footnote),
                "ref-list" => Some(IdKind::RefList),
                "ref" => Some(IdKind::Reference),
                _ => None,
            };
            if let Some(kind) = kind {
                self.used.insert((kind, id.to_string()));
            }
        }
        for c in e.elements() {
            self.reserve_ids(c);
        }
    }

    /// Records a warning about an XML line.
    pub fn warn(&mut self, code: &str, message: impl Into<String>, line: usize) {
        self.warnings
            .push(Diagnostic::warning(code, message, Some(line)));
    }

    /// The element's own id when it has one, else a fresh `<prefix><n>` unused in `kind`.
    pub fn id_for(&mut self, kind: IdKind, e: &Element, prefix: &str) -> String {
        match e.attr_trimmed("id") {
            Some(id) => id.to_string(),
            None => self.fresh_id(kind, prefix),
        }
    }

    /// A fresh `<prefix><n>` unused in `kind`.
    pub fn fresh_id(&mut self, kind: IdKind, prefix: &str) -> String {
        let id = (1..)
            .map(|n| format!("{prefix}{n}"))
            .find(|id| !self.used.contains(&(kind, id.clone())))
            .unwrap_or_default();
        self.used.insert((kind, id.clone()));
        id
    }

    /// Notes an element the model has no place for (reported once per name).
    pub fn not_read(&mut self, name: &str, line: usize) {
        let entry = self.not_read.entry(name.to_string()).or_insert((0, line));
        entry.0 += 1;
    }

    /// Notes a reference with no printed form, whose text is composed from its fields.
    pub fn composed(&mut self, id: &str, line: usize) {
        self.composed.push((id.to_string(), line));
    }

    /// One warning for all composed references: a list of hundreds gives one line, not one
    /// per entry; the ids of the first few name where they are.
    pub(crate) fn report_composed(&mut self) {
        const NAMED: usize = 5;
        let found = std::mem::take(&mut self.composed);
        let Some((first_id, line)) = found.first() else {
            return;
        };
        let message = if found.len() == 1 {
            format!("reference {first_id} has no printed form (mixed-citation); its text is composed from its fields")
        } else {
            let mut ids: Vec<&str> = found
                .iter()
                .take(NAMED)
                .map(|(id, _)| id.as_str())
                .collect();
            let more = found.len().saturating_sub(NAMED);
            let more = if more > 0 {
                format!(" and {more} more")
            } else {
                String::new()
            };
            ids.dedup();
            format!(
                "{} references have no printed form (mixed-citation): their text is composed from their fields ({}{more}; the first at this line)",
                found.len(),
                ids.join(", ")
            )
        };
        let line = *line;
        self.warn("jats-reference-composed", message, line);
    }

    pub(crate) fn report_not_read(&mut self) {
        let found = std::mem::take(&mut self.not_read);
        for (name, (count, line)) in found {
            let what = match name.as_str() {
                "fig" | "fig-group" | "graphic" | "inline-graphic" | "media" => "images",
                "table-wrap" | "table-wrap-group" | "table" | "array" => "tables",
                "disp-formula" | "disp-formula-group" | "chem-struct-wrap" => "display formulas",
                "supplementary-material" => "supplementary files",
                "sub-article" | "response" => "sub-articles",
                "contrib" => "contributors other than authors, editors and translators",
                _ => "this element",
            };
            self.warn(
                "jats-not-read",
                format!(
                    "{count} `{name}` element{} not read: the model holds no {what} (the first at this line)",
                    if count == 1 { " is" } else { "s are" }
                ),
                line,
            );
        }
    }
}

/// The language of an element: its own `xml:lang`, else `inherited`.
pub(crate) fn lang_of(e: &Element, inherited: &str) -> String {
    e.attr_trimmed("xml:lang")
        .map_or_else(|| inherited.to_string(), str::to_string)
}
