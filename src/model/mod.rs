//! The canonical, format-neutral document model.
//!
//! Readers (`crate::extract`, `crate::meta`) fill it; writers (`crate::export`) read it.
//! It names no output format's elements and does no I/O.

mod back;
mod body;
mod common;
mod front;
pub mod identifiers;
mod verify;

pub use back::*;
pub use body::*;
pub use common::*;
pub use front::*;
pub use identifiers::{Doi, IsoDate, Issn, LanguageTag, Orcid};

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// One scholarly paper: where it came from, its front matter, body and back matter.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Document {
    /// The input the document was read from.
    pub source: SourceInfo,
    /// Title, contributors, abstracts, keywords and publication facts.
    pub front: Front,
    /// Pages, the section tree and its blocks.
    pub body: Body,
    /// Footnotes and the reference list.
    pub back: Back,
    /// Everything the readers were unsure about, each with its source line.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<Diagnostic>,
}

/// Facts about the input file.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SourceInfo {
    /// The file name as given (`-` for standard input).
    pub file_name: String,
    /// The character encoding the input was decoded from (`UTF-8`, `UTF-16LE`, `windows-1256`, ...).
    pub encoding: String,
    /// Whether the input started with a byte order mark.
    #[serde(default)]
    pub had_bom: bool,
    /// Lower-case hexadecimal SHA-256 of the input bytes.
    pub sha256: String,
    /// Number of lines in the decoded text.
    pub line_count: usize,
}
