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

/// The version of the model's JSON form that this papermeta writes and reads. It goes up
/// whenever a model JSON written before would read differently or not at all; a model JSON
/// of another version is refused with a message that says which versions are involved.
pub const MODEL_FORMAT_VERSION: u32 = 1;

/// The version of the model's JSON form a document is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(transparent)]
pub struct FormatVersion(pub u32);

impl Default for FormatVersion {
    /// The version this papermeta writes ([`MODEL_FORMAT_VERSION`]).
    fn default() -> Self {
        FormatVersion(MODEL_FORMAT_VERSION)
    }
}

/// One scholarly paper: where it came from, its front matter, body and back matter.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Document {
    /// The version of the model's JSON form (see [`MODEL_FORMAT_VERSION`]).
    pub format_version: FormatVersion,
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
    /// The character encoding the input was decoded from (`UTF-8`, `UTF-16LE`, `windows-1256`, ...),
    /// or `PDF` when the text came from a PDF's text layer.
    pub encoding: String,
    /// Whether the input started with a byte order mark.
    #[serde(default)]
    pub had_bom: bool,
    /// Lower-case hexadecimal SHA-256 of the input bytes.
    pub sha256: String,
    /// Number of lines in the decoded text.
    pub line_count: usize,
    /// What was repaired in the text before extraction (artefacts of PDF text extraction).
    #[serde(default, skip_serializing_if = "TextRepairs::is_empty")]
    pub repairs: TextRepairs,
}

/// Counts of the repairs made to the input text, by kind: only what PDF text extraction
/// certainly broke is repaired.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TextRepairs {
    /// Bidi control characters removed (U+202A–U+202E, U+2066–U+2069, U+200E, U+200F).
    #[serde(default)]
    pub bidi_controls: usize,
    /// Runs printed in visual order (digits, punctuation, Latin text) put back in reading order.
    #[serde(default)]
    pub visual_runs: usize,
    /// Reversed lam-alef and Allah ligatures put back in order.
    #[serde(default)]
    pub ligatures: usize,
    /// Arabic presentation forms replaced by the letters they show.
    #[serde(default)]
    pub presentation_forms: usize,
    /// Arabic marks split off their letter and joined back to it.
    #[serde(default)]
    pub detached_marks: usize,
    /// Justification tatweels (kashida) removed.
    #[serde(default)]
    pub tatweels: usize,
    /// Spaces put inside a word after a letter that does not join the next (`التجار ية` for
    /// `التجارية`), removed.
    #[serde(default)]
    pub split_words: usize,
}

impl TextRepairs {
    /// Whether nothing was repaired.
    pub fn is_empty(&self) -> bool {
        self.total() == 0
    }

    /// All repairs together.
    pub fn total(&self) -> usize {
        self.bidi_controls
            + self.visual_runs
            + self.ligatures
            + self.presentation_forms
            + self.detached_marks
            + self.tatweels
            + self.split_words
    }

    /// Adds `other`'s counts to these.
    pub fn add(&mut self, other: &TextRepairs) {
        self.bidi_controls += other.bidi_controls;
        self.visual_runs += other.visual_runs;
        self.ligatures += other.ligatures;
        self.presentation_forms += other.presentation_forms;
        self.detached_marks += other.detached_marks;
        self.tatweels += other.tatweels;
        self.split_words += other.split_words;
    }
}
