//! The body: pages, the section tree and its blocks.

use super::common::Span;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// The running text of the paper.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Body {
    /// The pages of the input, in order.
    #[serde(default)]
    pub pages: Vec<Page>,
    /// Blocks that come before the first heading.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub blocks: Vec<Block>,
    /// Top-level sections, each holding its subsections.
    #[serde(default)]
    pub sections: Vec<Section>,
}

/// One printed page of the input.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Page {
    /// Page number in the input, counted from 1.
    pub number: usize,
    /// The page's lines in the source.
    pub source: Span,
    /// First line of the page's footnote zone, when it has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub footnote_zone_line: Option<usize>,
    /// Number of numbered notes printed on the page: its footnotes, and the endnotes of an
    /// endnotes section that are printed on this page.
    pub footnote_count: usize,
    /// Number of note markers (for footnotes or endnotes) in the page's running text.
    pub marker_count: usize,
}

/// What a section is, when its heading says so.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum SectionKind {
    /// Introduction.
    Introduction,
    /// Methods or approach.
    Methods,
    /// Conclusion.
    Conclusion,
    /// Recommendations.
    Recommendations,
    /// The reference list; its entries live in `Back::reference_groups`.
    References,
    /// A group of the reference list (e.g. Arabic sources).
    ReferenceGroup,
    /// An endnotes section (`الهوامش`, `Notes`); its notes live in `Back::footnotes` with
    /// placement `End`, and writers do not write it as a body section.
    Notes,
    /// Acknowledgements.
    Acknowledgements,
    /// Appendix.
    Appendix,
    /// Any other section.
    #[default]
    Other,
}

/// A heading with the blocks and subsections under it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Section {
    /// Stable identifier (`sec1`, `sec1-2`, ...).
    pub id: String,
    /// Depth in the tree, 1 for top level.
    pub level: u8,
    /// What the section is.
    #[serde(default)]
    pub kind: SectionKind,
    /// The label or ordinal printed before the title (`المبحث الأول`, `1.2`, `أولاً`), when it is apart from it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// The heading text as printed, without the label and the trailing colon.
    pub title: Vec<Inline>,
    /// Whether the heading was run in to the first paragraph (`الإشكالية : ...`).
    #[serde(default)]
    pub run_in: bool,
    /// Blocks under the heading, before the first subsection.
    #[serde(default)]
    pub blocks: Vec<Block>,
    /// Subsections.
    #[serde(default)]
    pub sections: Vec<Section>,
    /// Where the heading is.
    pub source: Span,
}

impl Section {
    /// The title as plain text (markers dropped).
    pub fn title_text(&self) -> String {
        inline_text(&self.title)
    }
}

/// A block of running text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "type", rename_all = "kebab-case")]
pub enum Block {
    /// A paragraph.
    Paragraph(Paragraph),
    /// An ordered or bulleted list.
    List(List),
    /// A quotation set apart from the text.
    Quote(Quote),
}

/// A paragraph, joined across line wraps and page breaks.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Paragraph {
    /// Text and footnote markers, in order.
    pub content: Vec<Inline>,
    /// Where the paragraph is; it may span a page break.
    pub source: Span,
}

/// A list.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct List {
    /// Whether items are numbered.
    pub ordered: bool,
    /// The items.
    pub items: Vec<ListItem>,
    /// Where the list is.
    pub source: Span,
}

/// One item of a list.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ListItem {
    /// The label as printed (`١.`, `-`, `•`), if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// Text and footnote markers of the item.
    pub content: Vec<Inline>,
    /// Where the item is.
    pub source: Span,
}

/// A quotation set apart from the running text.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Quote {
    /// Text and footnote markers of the quotation.
    pub content: Vec<Inline>,
    /// Where the quotation is.
    pub source: Span,
}

/// A piece of running text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "type", rename_all = "kebab-case")]
pub enum Inline {
    /// Plain text, exactly as in the source.
    Text {
        /// The text.
        text: String,
    },
    /// A footnote marker, linked to its footnote.
    FootnoteRef {
        /// The marker exactly as printed (`⁽¹⁾`, `^(١)`, `(3)`).
        marker: String,
        /// Identifier of the footnote it points to (`fn12`); absent when none was found.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        footnote_id: Option<String>,
    },
    /// An author–year citation in the running text (`(Dahl, 2015, p. 104)`, `Lopez (2017)`,
    /// `(العبيدي، ٢٠١٧: ١٥)`), linked to the reference list. In-text citations are found by
    /// walking the body; `Reference::cited_by` lists footnotes only.
    Citation {
        /// The citation exactly as printed: the parentheses are included when they belong to
        /// this citation alone, and a narrative citation includes the name before them.
        text: String,
        /// Identifiers of the references it resolves to, in order; empty when none matched.
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        reference_ids: Vec<String>,
        /// The pinpoint printed with it (`p. 7`, `ص ١٥`; `: 15` gives an empty label).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        locator: Option<super::back::Locator>,
    },
}

/// The plain text of inlines, markers dropped (a citation's printed text is kept: it is part
/// of the sentence).
pub fn inline_text(inlines: &[Inline]) -> String {
    let mut out = String::new();
    for inline in inlines {
        match inline {
            Inline::Text { text } | Inline::Citation { text, .. } => out.push_str(text),
            Inline::FootnoteRef { .. } => {}
        }
    }
    out
}
