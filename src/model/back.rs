//! Back matter: footnotes, the reference list and the citations that link them.

use super::common::{MaybeTyped, Numbering, PageRange, Printed, Span};
use super::identifiers::Doi;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// Footnotes and references.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Back {
    /// Numbered footnotes and endnotes in document order (author `*` notes are in
    /// `Front::author_notes`); `Footnote::placement` tells them apart.
    #[serde(default)]
    pub footnotes: Vec<Footnote>,
    /// The reference list, in its printed groups.
    #[serde(default)]
    pub reference_groups: Vec<ReferenceGroup>,
}

impl Back {
    /// All references of all groups, in order.
    pub fn references(&self) -> impl Iterator<Item = &Reference> {
        self.reference_groups
            .iter()
            .flat_map(|g| g.references.iter())
    }
    /// The reference with this identifier.
    pub fn reference(&self, id: &str) -> Option<&Reference> {
        self.references().find(|r| r.id == id)
    }
}

/// A numbered footnote.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Footnote {
    /// Stable identifier (`fn1`, `fn2`, ... in document order).
    pub id: String,
    /// The page it is printed on, counted from 1.
    pub page: usize,
    /// Its label as printed, without brackets (`1`, `١`).
    pub label: String,
    /// The label's number.
    pub number: u32,
    /// The footnote text exactly as printed, joined where it wraps, label removed.
    pub text: String,
    /// Where the footnote is.
    pub source: Span,
    /// The work the footnote cites, when it cites one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub citation: Option<Citation>,
    /// Where the note is printed: at the foot of its page (the default, not serialized) or
    /// in an endnotes section near the end of the paper.
    #[serde(default, skip_serializing_if = "NotePlacement::is_foot")]
    pub placement: NotePlacement,
}

/// Where a numbered note is printed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum NotePlacement {
    /// At the foot of the page that calls it (numbering may restart on each page).
    #[default]
    Foot,
    /// In an endnotes section (`الهوامش`, `Notes`), numbered through the paper.
    End,
}

impl NotePlacement {
    /// Whether the note is a page footnote (the default).
    pub fn is_foot(&self) -> bool {
        *self == NotePlacement::Foot
    }
}

/// How a footnote refers to a work.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum CitationKind {
    /// The footnote describes the work itself.
    #[default]
    Direct,
    /// `Ibid.`, `المصدر نفسه`, `المرجع نفسه`: the previous footnote's work.
    Ibid,
    /// `Op. cit.`, `المصدر السابق`, `مصدر سبق ذكره`: an earlier footnote's work by the same author.
    OpCit,
    /// `supra note N`: the work of the footnote named.
    Supra,
}

/// A citation found in a footnote.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Citation {
    /// How the work is referred to.
    pub kind: CitationKind,
    /// The reference it resolved to, when it resolved.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reference_id: Option<String>,
    /// For back-references: the footnote whose work this one points to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub via_footnote_id: Option<String>,
    /// The page locator (`ص ٢٢`, `pp. 3-5`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub locator: Option<Locator>,
}

/// A pinpoint within a cited work.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Locator {
    /// The label as printed (`ص`, `ص ص`, `p.`, `pp.`).
    pub label: String,
    /// The pages.
    pub pages: PageRange,
}

/// A printed group of the reference list (Arabic sources, foreign sources, books, ...).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ReferenceGroup {
    /// Stable identifier (`refs1`, ...).
    pub id: String,
    /// The group heading as printed, without its bullet or number and trailing colon.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// BCP 47 tag of the group heading's language.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lang: Option<String>,
    /// The entries.
    pub references: Vec<Reference>,
    /// Where the group heading is, or the first entry when there is no heading.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<Span>,
}

/// The kind of work a reference describes.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum ReferenceType {
    /// A book.
    Book,
    /// A chapter in an edited book.
    Chapter,
    /// An article in a journal.
    JournalArticle,
    /// A master's thesis.
    MastersThesis,
    /// A doctoral thesis.
    DoctoralThesis,
    /// A newspaper or news-site article.
    NewsArticle,
    /// A web page.
    WebPage,
    /// A report.
    Report,
    /// A law, resolution or other government or legal document.
    LegalDocument,
    /// Anything else.
    #[default]
    Other,
}

/// A person or an organization credited with a work.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Agent {
    /// A person.
    Person {
        /// The name exactly as printed.
        as_written: String,
        /// Family name, kept whole (`الحسيني`, `عبد الله`, `Al-Rahim`).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        family: Option<String>,
        /// Given names.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        given: Option<String>,
    },
    /// An organization, kept as a literal name.
    Organization {
        /// The name exactly as printed.
        name: String,
    },
}

impl Agent {
    /// The name as printed.
    pub fn as_written(&self) -> &str {
        match self {
            Agent::Person { as_written, .. } => as_written,
            Agent::Organization { name } => name,
        }
    }
}

/// One entry of the reference list, or a work cited only in a footnote.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Reference {
    /// Stable identifier (`ref1`, ... in list order).
    pub id: String,
    /// The entry text exactly as printed (bullet or number removed, wrapped lines joined with a newline).
    pub raw: String,
    /// The entry's bullet or number as printed (`-`, `1.`, `[3]`), if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// BCP 47 tag of the entry's main language.
    pub lang: String,
    /// The kind of work.
    #[serde(rename = "type")]
    pub ref_type: ReferenceType,
    /// Authors in order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub authors: Vec<Agent>,
    /// Whether the author list ends with `et al.`/`وآخرون`.
    #[serde(default)]
    pub et_al: bool,
    /// Year of publication; `raw` keeps Arabic-Indic digits as printed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub year: Option<MaybeTyped<i32>>,
    /// Whether the entry says it has no date (`د.ت`, `n.d.`).
    #[serde(default)]
    pub no_date: bool,
    /// Title of the work (article, chapter, book, page).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Title of the container: journal, newspaper, book of a chapter, web site.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub container: Option<String>,
    /// Volume.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub volume: Option<Numbering>,
    /// Issue number (`العدد`, `no.`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub issue: Option<Numbering>,
    /// Pages.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pages: Option<PageRange>,
    /// Edition as printed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub edition: Option<String>,
    /// Publisher, or the university of a thesis.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub publisher: Option<String>,
    /// Place of publication.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<String>,
    /// URL, without markdown angle brackets.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// DOI without a resolver prefix.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub doi: Option<Printed<Doi>>,
    /// Access date as printed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub accessed: Option<String>,
    /// Whether the work was found only in a footnote, not in the reference list.
    #[serde(default)]
    pub from_footnote: bool,
    /// Footnotes that cite this reference, directly or through back-references.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub cited_by: Vec<String>,
    /// Where the entry is.
    pub source: Span,
}
