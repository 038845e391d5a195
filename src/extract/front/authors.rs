//! Authors: the names of the header lines, grouped with the affiliations printed after them,
//! and the forms of known authors' names in another script (the Latin form of an Arabic
//! name), matched by romanization.

use super::affil::is_affiliation_text;
use super::contacts::contact_rest;
use super::emails::{email_name_score, token_similarity, EMAIL, EMAIL_MATCH_THRESHOLD};
use super::lines::{is_position_line, split_inline_affiliation, Kind};
use super::names::{is_name_like, parse_author_line, ParsedAuthor};
use super::reader::{Group, PendingAff, Reader};
use crate::extract::text::Line;
use crate::model::{Contributor, ContributorRole, PersonName, Script, Span};
use crate::script::detect_script;

/// The lowest romanization score at which a name in another script is taken for the author at
/// the same position (below [`EMAIL_MATCH_THRESHOLD`], which decides without position).
pub(super) const ALT_POSITION_THRESHOLD: f64 = 0.45;

/// How well the first names of two forms of a name in different scripts agree, in 0..=1.
pub(super) const FIRST_NAME_THRESHOLD: f64 = 0.65;

/// How well two forms of a name in different scripts agree, in 0..=1 (the Latin form is read
/// like an email's local part against the romanized Arabic form). The whole-name score is
/// generous with unrelated names (a title scores about 0.5), so the first given name, printed
/// first in both forms, must agree too.
pub(super) fn cross_script_score(a: &str, b: &str) -> f64 {
    let whole = email_name_score(a, b).max(email_name_score(b, a));
    let (latin, arabic) = match (detect_script(a), detect_script(b)) {
        (Script::Latin, Script::Arabic) => (a, b),
        (Script::Arabic, Script::Latin) => (b, a),
        _ => return whole,
    };
    let first = latin
        .split(|c: char| c.is_whitespace() || c == '-')
        .find(|w| !w.is_empty())
        .unwrap_or("")
        .to_lowercase();
    let words: Vec<&str> = arabic.split_whitespace().collect();
    // `Abdulrahman` is `عبد الرحمن`: try the first Arabic word and the first two glued.
    let forms = [
        words.first().map(|w| w.to_string()),
        words.get(..2).map(|w| w.concat()),
    ];
    let first_score = forms
        .iter()
        .flatten()
        .map(|f| token_similarity(&first, f))
        .fold(0.0, f64::max);
    if first_score < FIRST_NAME_THRESHOLD {
        0.0
    } else {
        whole
    }
}

impl Reader {
    /// Reads author, affiliation and contact lines. In `alt_mode` (lines between abstracts)
    /// names only add other-script forms to known authors and affiliations are not read.
    pub(super) fn read_people(&mut self, lines: &[Line<'_>], kinds: &[Kind], alt_mode: bool) {
        let mut groups: Vec<Group> = Vec::new();
        let mut labeled: Vec<PendingAff> = Vec::new();
        let mut prev = Kind::Text;
        // A translated title printed among the header lines, being read.
        let mut title_lines: Vec<&Line<'_>> = Vec::new();
        for (line, &kind) in lines.iter().zip(kinds) {
            let t = line.text.trim();
            let continues = !title_lines.is_empty() && kind == Kind::Text;
            if !alt_mode && (continues || self.is_translated_title(t, kind)) {
                title_lines.push(line);
                continue;
            }
            if let Some(first) = title_lines.first() {
                self.push_title(&title_lines, detect_script(first.text));
                title_lines.clear();
            }
            let other_script =
                detect_script(t) != self.main_script() && self.main_script() != Script::Other;
            let mut aff_text = t.to_string();
            if kind == Kind::Affiliation && other_script {
                // `Ali Hassan / University of Kufa`: the Latin form of a known author's name
                // printed with the affiliation's translation.
                let without_email = EMAIL.replace_all(t, " ");
                if let Some((names, rest)) = self.leading_known_names(&without_email) {
                    self.add_authors(parse_author_line(&names), line.number, alt_mode);
                    aff_text = rest;
                }
            }
            // `مدرس المناهج وطرق التدريس` under a name: that author's position, no name.
            let under_name = matches!(prev, Kind::Author | Kind::Candidate)
                && groups.last().is_some_and(|g| g.affs.is_empty());
            if !alt_mode
                && under_name
                && matches!(kind, Kind::Author | Kind::Candidate | Kind::Text)
                && is_position_line(t)
            {
                let last = groups.last().and_then(|g| g.members.last()).copied();
                if let Some(c) = last.and_then(|c| self.front.contributors.get_mut(c)) {
                    if c.position.is_none() {
                        c.position = Some(t.to_string());
                        continue;
                    }
                }
            }
            match kind {
                Kind::Author | Kind::Candidate => {
                    let without_email = EMAIL.replace_all(t, " ");
                    let (names_text, inline_aff) =
                        match split_inline_affiliation(without_email.trim()) {
                            Some((n, a)) => (n.to_string(), Some(a.to_string())),
                            None => (without_email.trim().to_string(), None),
                        };
                    let added =
                        self.add_authors(parse_author_line(&names_text), line.number, alt_mode);
                    if !added.is_empty() {
                        let new_group = groups
                            .last()
                            .is_none_or(|g| !g.affs.is_empty() || prev != kind);
                        if new_group {
                            groups.push(Group::default());
                        }
                        if let Some(g) = groups.last_mut() {
                            g.members.extend(added);
                        }
                    }
                    self.collect_emails(t, line.number, None);
                    if let (Some(a), false) = (inline_aff, alt_mode) {
                        self.push_affiliation(&a, line.number, false, &mut groups, &mut labeled);
                        prev = Kind::Affiliation;
                        continue;
                    }
                }
                Kind::Affiliation => {
                    self.collect_emails(t, line.number, None);
                    if !alt_mode {
                        let after_aff = prev == Kind::Affiliation;
                        self.push_affiliation(
                            &aff_text,
                            line.number,
                            after_aff,
                            &mut groups,
                            &mut labeled,
                        );
                    }
                }
                Kind::Contact => {
                    // `Jane Roe, jroe@x.org`: an author printed with their email.
                    let rest = contact_rest(t);
                    let known = self.single_named_author(&rest).is_some();
                    if !rest.is_empty() && !known && is_name_like(&rest) && !alt_mode {
                        let added = self.add_authors(parse_author_line(&rest), line.number, false);
                        if !added.is_empty() {
                            groups.push(Group {
                                members: added,
                                affs: Vec::new(),
                            });
                        }
                    }
                    self.read_contact(t, line.number);
                }
                Kind::Note | Kind::Text => {}
            }
            prev = kind;
        }
        if let Some(first) = title_lines.first() {
            self.push_title(&title_lines, detect_script(first.text));
        }
        if !alt_mode {
            self.link_affiliations(groups, labeled);
        }
    }

    /// Creates contributors for `authors` (or alt names for known ones), returning the indexes
    /// of the new contributors.
    pub(super) fn add_authors(
        &mut self,
        authors: Vec<ParsedAuthor>,
        line: usize,
        alt_mode: bool,
    ) -> Vec<usize> {
        let main_script = self.main_script();
        let mut added = Vec::new();
        for a in authors {
            let other_script = main_script != Script::Other && a.name.script != main_script;
            if other_script || alt_mode {
                if let Some(c) = self.best_alt_match(&a.name) {
                    if let Some(contrib) = self.front.contributors.get_mut(c) {
                        let mut alt = a.name;
                        // The Latin form of an Arabic name is romanized Arabic, not English.
                        if contrib.name.script == Script::Arabic && alt.script == Script::Latin {
                            alt.lang = format!("{}-Latn", contrib.name.lang);
                        }
                        contrib.alt_names.push(alt);
                    }
                    self.last_person = Some(c);
                    continue;
                }
                if alt_mode && !self.front.contributors.is_empty() {
                    continue;
                }
            }
            let id = format!("c{}", self.front.contributors.len() + 1);
            self.front.contributors.push(Contributor {
                id,
                role: ContributorRole::Author,
                name: a.name,
                alt_names: Vec::new(),
                prefix: a.prefix,
                position: None,
                email: None,
                orcid: None,
                affiliation_ids: Vec::new(),
                footnote_ids: Vec::new(),
                corresponding: false,
                source: Some(Span::line(line)),
            });
            self.labels.push(a.labels);
            added.push(self.front.contributors.len() - 1);
            self.last_person = Some(self.front.contributors.len() - 1);
        }
        added
    }

    /// The known contributor whose name matches `name` written in another script: the best
    /// match by romanization when it is sure, otherwise the first contributor still without a
    /// name in that script (names are reprinted in the same order) when romanization does not
    /// contradict it.
    pub(super) fn best_alt_match(&self, name: &PersonName) -> Option<usize> {
        let mut best: Option<(f64, usize)> = None;
        let mut first_open: Option<(f64, usize)> = None;
        for (i, c) in self.front.contributors.iter().enumerate() {
            if c.name.script == name.script || c.alt_names.iter().any(|a| a.script == name.script) {
                continue;
            }
            let score = cross_script_score(&name.as_written, &c.name.as_written);
            if first_open.is_none() {
                first_open = Some((score, i));
            }
            if score >= EMAIL_MATCH_THRESHOLD && best.is_none_or(|(b, _)| score > b) {
                best = Some((score, i));
            }
        }
        best.or(first_open.filter(|(s, _)| *s >= ALT_POSITION_THRESHOLD))
            .map(|(_, i)| i)
    }

    /// The names of known authors printed before an affiliation on one line
    /// (`Ali Hassan / University of Kufa`), when there are such names.
    pub(super) fn leading_known_names(&self, text: &str) -> Option<(String, String)> {
        for (p, c) in text.char_indices() {
            let spaced_dash =
                matches!(c, '-' | '–' | '—') && text.get(..p).is_some_and(|b| b.ends_with(' '));
            if !(matches!(c, '/' | '،' | ',' | '(' | '|') || spaced_dash) {
                continue;
            }
            let before = text.get(..p).unwrap_or("").trim();
            let after = text.get(p + c.len_utf8()..).unwrap_or("");
            if before.is_empty() || is_affiliation_text(before) {
                return None;
            }
            if is_affiliation_text(after) && self.names_known_authors(before) {
                return Some((before.to_string(), after.trim().to_string()));
            }
        }
        None
    }

    /// Whether every name on `text` is another-script form of a known author.
    pub(super) fn names_known_authors(&self, text: &str) -> bool {
        let parsed = parse_author_line(&EMAIL.replace_all(text, " "));
        !self.front.contributors.is_empty()
            && !parsed.is_empty()
            && parsed
                .iter()
                .all(|a| self.best_alt_match(&a.name).is_some())
    }
}
