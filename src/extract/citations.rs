//! Footnote citations: what each footnote cites, back-references resolved.

use crate::model::{Diagnostic, Footnote, ReferenceGroup};

/// Classifies each footnote, links it to a reference and resolves ibid / op. cit. chains.
pub fn link_citations(
    footnotes: &mut [Footnote],
    groups: &mut Vec<ReferenceGroup>,
) -> Vec<Diagnostic> {
    let _ = (footnotes, groups);
    Vec::new()
}
