//! The state of one front-matter reading: what was read so far (the front, warnings, emails
//! and notes waiting for their authors, affiliation labels), and how it is finished.

use super::affil::AffParts;
use super::emails::match_emails;
use super::facts;
use crate::model::{AuthorNote, Diagnostic, Front, HistoryKind, Script, Span};
use crate::script::detect_script;

/// An email found in the front matter, before it is matched to an author.
#[derive(Debug, Clone)]
pub(super) struct FoundEmail {
    pub(super) email: String,
    pub(super) line: usize,
    /// Index into `Reader::notes` when the email comes from a `*` note.
    pub(super) note: Option<usize>,
    /// Whether the line names the corresponding author.
    pub(super) corresponding: bool,
    /// The contributor printed on the same line, when there is exactly one.
    pub(super) direct: Option<usize>,
    /// The whole line, kept as an unattached note when no author matches.
    pub(super) text: String,
}

/// A `*` note being read.
#[derive(Debug, Clone)]
pub(super) struct Note {
    pub(super) note: AuthorNote,
    pub(super) parts: AffParts,
}

/// An affiliation printed in the header, before deduplication.
#[derive(Debug, Clone)]
pub(super) struct PendingAff {
    pub(super) label: Option<u32>,
    pub(super) texts: Vec<String>,
    pub(super) parts: AffParts,
    pub(super) first_line: usize,
    pub(super) last_line: usize,
}

/// Authors printed together, and the affiliations printed after them.
#[derive(Debug, Clone, Default)]
pub(super) struct Group {
    pub(super) members: Vec<usize>,
    pub(super) affs: Vec<PendingAff>,
}

/// The state of one front-matter reading.
#[derive(Debug, Default)]
pub(super) struct Reader {
    pub(super) front: Front,
    pub(super) warnings: Vec<Diagnostic>,
    pub(super) emails: Vec<FoundEmail>,
    pub(super) notes: Vec<Note>,
    /// Affiliation labels printed after each contributor's name.
    pub(super) labels: Vec<Vec<u32>>,
    /// The contributor whose name (or other-script name) was read last, for an ORCID line
    /// printed under a name.
    pub(super) last_person: Option<usize>,
    /// The first line number of each page after the first: an abstract does not run on
    /// past a page break once a paragraph of it has ended.
    pub(super) page_starts: Vec<usize>,
}

impl Reader {
    pub(super) fn warn(&mut self, code: &str, message: impl Into<String>, line: Option<usize>) {
        self.warnings.push(Diagnostic::warning(code, message, line));
    }

    /// The script of the main title.
    pub(super) fn main_script(&self) -> Script {
        self.front
            .titles
            .first()
            .map_or(Script::Other, |t| detect_script(&t.text))
    }

    /// Keeps the publication facts printed in the paper. The metadata file, applied later,
    /// overrides volume, issue, DOI and publication date.
    pub(super) fn apply_facts(&mut self, found: facts::Facts) {
        let publication = &mut self.front.publication;
        publication.volume = publication.volume.take().or(found.volume);
        publication.issue = publication.issue.take().or(found.issue);
        publication.doi = publication.doi.take().or(found.doi);
        if publication.published.is_none() {
            // The printed publication date, when it is read.
            publication.published = found
                .history
                .iter()
                .find(|h| h.kind == HistoryKind::Published)
                .and_then(|h| h.date);
        }
        publication.history = found.history;
        self.warnings.extend(found.warnings);
    }

    /// Matches emails to authors, applies notes, and warns about what stayed unsure.
    pub(super) fn finish(&mut self) {
        let forms: Vec<Vec<String>> = self
            .front
            .contributors
            .iter()
            .map(|c| {
                std::iter::once(c.name.as_written.clone())
                    .chain(c.alt_names.iter().map(|a| a.as_written.clone()))
                    .collect()
            })
            .collect();
        let refs: Vec<&[String]> = forms.iter().map(|f| f.as_slice()).collect();
        let to_match: Vec<usize> = (0..self.emails.len())
            .filter(|&i| self.emails.get(i).is_some_and(|e| e.direct.is_none()))
            .collect();
        let addresses: Vec<&str> = to_match
            .iter()
            .filter_map(|&i| self.emails.get(i).map(|e| e.email.as_str()))
            .collect();
        let matched = match_emails(&addresses, &refs);
        let mut owner: Vec<Option<usize>> = self.emails.iter().map(|e| e.direct).collect();
        for (k, &i) in to_match.iter().enumerate() {
            if let (Some(slot), Some(m)) = (owner.get_mut(i), matched.get(k)) {
                *slot = *m;
            }
        }
        // One author and one `*` note: the note can only be that author's.
        let note_emails: Vec<usize> = (0..self.emails.len())
            .filter(|&i| self.emails.get(i).is_some_and(|e| e.note.is_some()))
            .collect();
        if self.front.contributors.len() == 1 && note_emails.len() == 1 {
            if let Some(&i) = note_emails.first() {
                if owner.get(i).is_some_and(|o| o.is_none()) {
                    if let Some(slot) = owner.get_mut(i) {
                        *slot = Some(0);
                    }
                    let line = self.emails.get(i).map(|e| e.line);
                    self.warn(
                        "email-guessed",
                        "the only author note's email was given to the only author although it does not spell the author's name",
                        line,
                    );
                }
            }
        }
        let mut requests: Vec<(usize, AffParts, String, usize)> = Vec::new();
        let emails = std::mem::take(&mut self.emails);
        for (i, e) in emails.iter().enumerate() {
            let who = owner.get(i).copied().flatten();
            if let Some(n) = e.note.and_then(|n| self.notes.get_mut(n)) {
                n.note.email.get_or_insert_with(|| e.email.clone());
            }
            match who {
                Some(c) => {
                    let id = match self.front.contributors.get_mut(c) {
                        Some(contrib) => {
                            contrib.email.get_or_insert_with(|| e.email.clone());
                            contrib.corresponding |= e.corresponding;
                            contrib.id.clone()
                        }
                        None => continue,
                    };
                    if let Some(n) = e.note.and_then(|n| self.notes.get_mut(n)) {
                        n.note.contributor_id.get_or_insert(id);
                        requests.push((c, n.parts.clone(), n.note.text.clone(), e.line));
                    }
                }
                None => {
                    self.warn(
                        "email-unmatched",
                        format!("the email {} matches no author's name; it is kept as an unattached note", e.email),
                        Some(e.line),
                    );
                    if e.note.is_none() {
                        self.notes.push(Note {
                            note: AuthorNote {
                                text: e.text.clone(),
                                contributor_id: None,
                                email: Some(e.email.clone()),
                                department: None,
                                source: Some(Span::line(e.line)),
                            },
                            parts: AffParts::default(),
                        });
                    }
                }
            }
        }
        self.give_notes_without_email(&mut requests);
        self.apply_note_affiliations(requests);
        for n in &self.notes {
            if n.note.contributor_id.is_none() && n.note.email.is_none() {
                self.warnings.push(Diagnostic::warning(
                    "author-note-unmatched",
                    "an author note has no email and could not be given to an author",
                    n.note.source.map(|s| s.line),
                ));
            }
        }
        self.front.author_notes = self.notes.drain(..).map(|n| n.note).collect();
        // Latin forms of names in Arabic script: from the email, else romanized.
        for c in &mut self.front.contributors {
            crate::extract::person_names::fill_latin_form(c);
        }
        if self.front.contributors.is_empty() {
            let line = self
                .front
                .titles
                .first()
                .and_then(|t| t.source)
                .map(|s| s.end_line + 1);
            self.warn(
                "authors-missing",
                "no author line was found after the title",
                line,
            );
        }
        let without: Vec<(String, Option<usize>)> = self
            .front
            .contributors
            .iter()
            .filter(|c| c.affiliation_ids.is_empty())
            .map(|c| (c.name.as_written.clone(), c.source.map(|s| s.line)))
            .collect();
        for (name, line) in without {
            self.warn(
                "author-without-affiliation",
                format!("no affiliation was found for the author {name}"),
                line,
            );
        }
    }

    /// A note without an email belongs to the author it names (`* Prof. Dr. Jane Roe is
    /// professor at …`), or to the only author: it joins `requests`.
    fn give_notes_without_email(&mut self, requests: &mut Vec<(usize, AffParts, String, usize)>) {
        let single = self.front.contributors.len() == 1;
        for n in self
            .notes
            .iter_mut()
            .filter(|n| n.note.contributor_id.is_none() && n.note.email.is_none())
        {
            let named = self.front.contributors.iter().position(|c| {
                c.name
                    .family
                    .as_deref()
                    .is_some_and(|f| f.chars().count() > 1 && note_names(&n.note.text, f))
            });
            let Some(c) = named.or(single.then_some(0)) else {
                continue;
            };
            let Some(contrib) = self.front.contributors.get(c) else {
                continue;
            };
            n.note.contributor_id = Some(contrib.id.clone());
            let line = n.note.source.map_or(0, |s| s.line);
            requests.push((c, n.parts.clone(), n.note.text.clone(), line));
        }
    }
}

/// Whether a note's text holds `family` as a whole word.
fn note_names(text: &str, family: &str) -> bool {
    text.match_indices(family).any(|(i, _)| {
        let before = text[..i].chars().next_back();
        let after = text[i + family.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}
