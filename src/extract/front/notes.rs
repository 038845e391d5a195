//! Author notes: the `*` notes of the first page, their emails, departments and the
//! corresponding-author label.

use super::affil::parse_affiliation;
use super::emails::EMAIL;
use super::lines::{is_note_line, strip_note_mark};
use super::names::{self, all_entries};
use super::reader::{Note, Reader};
use crate::extract::text::Line;
use crate::model::{AuthorNote, Span};

impl Reader {
    /// Reads the `*` author notes.
    pub(super) fn read_notes(&mut self, lines: &[Line<'_>]) {
        for line in lines {
            let t = strip_note_mark(line.text);
            // A continuation line (email alone, the rest of a wrapped note) extends the
            // previous note; the lines given are notes, so a marked line opens one.
            if !is_note_line(line.text) && strip_note_mark(line.text) == line.text.trim() {
                if let Some(prev) = self.notes.last_mut() {
                    prev.note.text.push(' ');
                    prev.note.text.push_str(t);
                    if prev.parts.department.is_none() && prev.parts.institution.is_none() {
                        // A wrapped note names its institution on a later line.
                        prev.parts = parse_affiliation(&prev.note.text);
                        prev.note.department = prev.parts.department.clone();
                    }
                    prev.note.source = prev.note.source.map(|s| Span::lines(s.line, line.number));
                    let idx = self.notes.len() - 1;
                    self.collect_emails(t, line.number, Some(idx));
                }
                continue;
            }
            let parts = parse_affiliation(t);
            self.notes.push(Note {
                note: AuthorNote {
                    text: t.to_string(),
                    contributor_id: None,
                    email: None,
                    department: parts.department.clone(),
                    source: Some(Span::line(line.number)),
                },
                parts,
            });
            let idx = self.notes.len() - 1;
            let before = self.emails.len();
            self.collect_emails(t, line.number, Some(idx));
            if self.emails.len() == before {
                // A note without an email still belongs to some author.
                if let Some(e) = EMAIL.find(t) {
                    let email = e.as_str().to_string();
                    if let Some(found) = self.emails.iter_mut().find(|f| f.email == email) {
                        found.note.get_or_insert(idx);
                    }
                }
            }
            let corresponding =
                names::find_words(t, all_entries(|m| m.corresponding_labels)).is_some();
            for e in self.emails.iter_mut().skip(before) {
                e.corresponding |= corresponding;
            }
        }
    }
}
