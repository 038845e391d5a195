//! The section tree: the flat list of sections nested by level, their identifiers, and one
//! subsection per titled reference group.

use crate::model::{Body, Inline, ReferenceGroup, Section, SectionKind};

/// Adds one subsection per titled reference group under the references section.
/// Untitled groups (a list printed without group headings) add no heading.
pub fn attach_reference_groups(body: &mut Body, groups: &[ReferenceGroup]) {
    let Some(parent) = find_references(&mut body.sections) else {
        return;
    };
    for group in groups {
        let Some(title) = group.title.as_ref().filter(|t| !t.trim().is_empty()) else {
            continue;
        };
        let n = parent.sections.len() + 1;
        parent.sections.push(Section {
            id: format!("{}-{n}", parent.id),
            level: parent.level.saturating_add(1),
            kind: SectionKind::ReferenceGroup,
            label: None,
            title: vec![Inline::Text {
                text: title.clone(),
            }],
            run_in: false,
            blocks: Vec::new(),
            sections: Vec::new(),
            source: group.source.unwrap_or(parent.source),
        });
    }
}

pub(super) fn find_references(sections: &mut [Section]) -> Option<&mut Section> {
    for section in sections.iter_mut() {
        if section.kind == SectionKind::References {
            return Some(section);
        }
        if let Some(found) = find_references(&mut section.sections) {
            return Some(found);
        }
    }
    None
}

/// Deepest section nesting kept: deeper headings become siblings at this depth, so that
/// every writer's output stays within what its readers accept (JSON parsers stop at 128
/// levels of nesting, each section taking two).
pub const MAX_SECTION_DEPTH: usize = 32;

/// Nests the flat list of sections by level; each section's level becomes its depth, at most
/// [`MAX_SECTION_DEPTH`].
pub(super) fn nest(flat: Vec<Section>) -> Vec<Section> {
    let mut roots: Vec<Section> = Vec::new();
    let mut stack: Vec<(u8, Section)> = Vec::new();
    fn close(stack: &mut Vec<(u8, Section)>, roots: &mut Vec<Section>) {
        if let Some((_, done)) = stack.pop() {
            match stack.last_mut() {
                Some((_, parent)) => parent.sections.push(done),
                None => roots.push(done),
            }
        }
    }
    for mut section in flat {
        let level = section.level;
        while stack.last().is_some_and(|(l, _)| *l >= level) || stack.len() >= MAX_SECTION_DEPTH {
            close(&mut stack, &mut roots);
        }
        section.level = u8::try_from(stack.len() + 1).unwrap_or(u8::MAX);
        stack.push((level, section));
    }
    while !stack.is_empty() {
        close(&mut stack, &mut roots);
    }
    roots
}

/// Gives each section its identifier: `sec1`, `sec1-2`, ...
pub(super) fn assign_ids(sections: &mut [Section], prefix: &str) {
    for (n, section) in sections.iter_mut().enumerate() {
        section.id = if prefix == "sec" {
            format!("sec{}", n + 1)
        } else {
            format!("{prefix}-{}", n + 1)
        };
        let id = section.id.clone();
        assign_ids(&mut section.sections, &id);
    }
}
