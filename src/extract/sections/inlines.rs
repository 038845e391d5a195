//! Running text into inlines: lines joined with one space (none inside a word broken by a
//! hyphen), and footnote markers linked to their notes.

use super::builder::Builder;
use crate::extract::text::Line;
use crate::model::Inline;

/// Appends text to inlines, merging with a text piece before it.
pub(super) fn push_text(out: &mut Vec<Inline>, text: &str) {
    if text.is_empty() {
        return;
    }
    if let Some(Inline::Text { text: last }) = out.last_mut() {
        last.push_str(text);
    } else {
        out.push(Inline::Text {
            text: text.to_string(),
        });
    }
}

impl<'a, 'm> Builder<'a, 'm> {
    /// Appends `line[from..to]` with its markers.
    pub(super) fn push_range(&self, out: &mut Vec<Inline>, line: Line, from: usize, to: usize) {
        let text = line.text;
        let mut cursor = from;
        for m in self.links.get(&line.number).into_iter().flatten() {
            if m.start >= cursor && m.end <= to {
                push_text(out, text.get(cursor..m.start).unwrap_or(""));
                out.push(Inline::FootnoteRef {
                    marker: text.get(m.start..m.end).unwrap_or("").to_string(),
                    footnote_id: m.footnote_id.clone(),
                });
                cursor = m.end;
            }
        }
        push_text(out, text.get(cursor..to).unwrap_or(""));
    }

    /// Appends a whole line (trimmed), joined to what is before it with one space, or with
    /// none after a word broken by a hyphen.
    pub(super) fn push_line(&self, out: &mut Vec<Inline>, line: Line, from: Option<usize>) {
        let text = line.text;
        let start = from.unwrap_or(text.len() - text.trim_start().len());
        let end = text.trim_end().len();
        let start = start
            + text
                .get(start..)
                .map_or(0, |r| r.len() - r.trim_start().len());
        if !out.is_empty() {
            let hyphenated = match out.last() {
                Some(Inline::Text { text: prev }) => {
                    let mut rev = prev.chars().rev();
                    rev.next() == Some('-')
                        && rev.next().is_some_and(|c| c.is_alphabetic())
                        && text
                            .get(start..)
                            .and_then(|r| r.chars().next())
                            .is_some_and(char::is_lowercase)
                }
                _ => false,
            };
            if !hyphenated {
                push_text(out, " ");
            }
        }
        if start < end {
            self.push_range(out, line, start, end);
        }
    }
}
