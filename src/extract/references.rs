//! The reference list: groups, entries and their typed fields.

use super::text::Line;
use crate::model::{Diagnostic, ReferenceGroup};

/// Parses the lines under the reference-list heading.
pub fn extract_references(lines: &[Line]) -> (Vec<ReferenceGroup>, Vec<Diagnostic>) {
    let _ = lines;
    (Vec::new(), Vec::new())
}
