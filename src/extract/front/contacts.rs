//! Contact lines: emails and ORCID iDs, the corresponding-author label, and the author a
//! line names.

use super::emails::{EMAIL, ORCID};
use super::names::{self, all_entries, longest_match};
use super::reader::{FoundEmail, Reader};
use regex::Regex;
use std::sync::LazyLock;

/// A web address (an ORCID or DOI resolver left after the iD is removed).
pub(super) static URL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\b(?:https?://|www\.)\S*").expect("valid regex"));

/// The text of a contact line without its emails, ORCID iDs and leading labels.
pub(super) fn contact_rest(text: &str) -> String {
    let mut rest = EMAIL.replace_all(text, " ").to_string();
    rest = ORCID.replace_all(&rest, " ").to_string();
    rest = URL.replace_all(&rest, " ").to_string();
    loop {
        let t = rest.trim_start_matches(|c: char| c.is_whitespace() || "*:-–()".contains(c));
        let label = longest_match(t, all_entries(|m| m.corresponding_labels), false)
            .or_else(|| longest_match(t, all_entries(|m| m.email_labels), false))
            .or_else(|| longest_match(t, all_entries(|m| m.orcid_labels), false));
        match label {
            Some((_, len)) => rest = t.get(len..).unwrap_or("").to_string(),
            None => {
                rest = t.to_string();
                break;
            }
        }
    }
    rest.trim_matches(|c: char| c.is_whitespace() || ",،;:()<>-".contains(c))
        .to_string()
}

impl Reader {
    /// Records the emails and ORCID iDs of a contact line.
    pub(super) fn read_contact(&mut self, text: &str, line: usize) {
        let corresponding =
            names::find_words(text, all_entries(|m| m.corresponding_labels)).is_some();
        let before = self.emails.len();
        self.collect_emails(text, line, None);
        for e in self.emails.iter_mut().skip(before) {
            e.corresponding = corresponding;
        }
        self.read_orcids(text);
        if corresponding && self.emails.len() == before {
            if let Some(c) = self.single_named_author(text) {
                if let Some(contrib) = self.front.contributors.get_mut(c) {
                    contrib.corresponding = true;
                }
            }
        }
    }

    /// Gives the ORCID iDs of a line to authors: the author named just before an iD (or just
    /// after it, `0000-… (Name)`); without names, one iD goes to the author printed last above
    /// the line, and as many iDs as authors without one go to them in order.
    pub(super) fn read_orcids(&mut self, text: &str) {
        let found: Vec<regex::Match<'_>> = ORCID.find_iter(text).collect();
        if found.is_empty() {
            return;
        }
        let mut unnamed: Vec<String> = Vec::new();
        for (k, m) in found.iter().enumerate() {
            let from = k
                .checked_sub(1)
                .and_then(|p| found.get(p))
                .map_or(0, |p| p.end());
            let to = found.get(k + 1).map_or(text.len(), |n| n.start());
            let before = text.get(from..m.start()).unwrap_or("");
            let after = text.get(m.end()..to).unwrap_or("");
            let who = self
                .single_named_author(before)
                .or_else(|| self.single_named_author(after));
            let id = m.as_str().to_string();
            match who {
                Some(c) => self.set_orcid(c, id),
                None => unnamed.push(id),
            }
        }
        let without: Vec<usize> = (0..self.front.contributors.len())
            .filter(|&c| {
                self.front
                    .contributors
                    .get(c)
                    .is_some_and(|x| x.orcid.is_none())
            })
            .collect();
        if unnamed.len() == 1 {
            let target = self
                .last_person
                .filter(|c| without.contains(c))
                .or_else(|| {
                    (without.len() == 1)
                        .then(|| without.first().copied())
                        .flatten()
                });
            if let (Some(c), Some(id)) = (target, unnamed.pop()) {
                self.set_orcid(c, id);
            }
        } else if unnamed.len() > 1 && unnamed.len() == without.len() {
            for (c, id) in without.into_iter().zip(unnamed) {
                self.set_orcid(c, id);
            }
        }
    }

    /// Sets a contributor's ORCID iD unless it has one.
    pub(super) fn set_orcid(&mut self, c: usize, id: String) {
        if let Some(contrib) = self.front.contributors.get_mut(c) {
            contrib.orcid.get_or_insert_with(|| id.into());
        }
    }

    /// The one known contributor whose name is printed in `text`.
    pub(super) fn single_named_author(&self, text: &str) -> Option<usize> {
        let hits: Vec<usize> = self
            .front
            .contributors
            .iter()
            .enumerate()
            .filter(|(_, c)| {
                std::iter::once(&c.name)
                    .chain(c.alt_names.iter())
                    .any(|n| text.contains(n.as_written.as_str()))
            })
            .map(|(i, _)| i)
            .collect();
        (hits.len() == 1).then(|| hits[0])
    }

    /// Records every email of `text`.
    pub(super) fn collect_emails(&mut self, text: &str, line: usize, note: Option<usize>) {
        let direct = self.single_named_author(&EMAIL.replace_all(text, " "));
        for m in EMAIL.find_iter(text) {
            let email = m.as_str().trim_end_matches('.').to_string();
            if self
                .emails
                .iter()
                .any(|e| e.email.eq_ignore_ascii_case(&email))
            {
                continue;
            }
            self.emails.push(FoundEmail {
                email,
                line,
                note,
                corresponding: false,
                direct,
                text: text.to_string(),
            });
        }
    }
}
