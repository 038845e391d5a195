//! Titles: the main title at the head of the paper, and titles in other languages printed
//! among the header lines or between the abstracts.

use super::lines::{classify, title_end, Kind};
use super::reader::Reader;
use crate::extract::text::Line;
use crate::model::{LocalizedText, Script, Span};
use crate::script::{default_lang, detect_script};

impl Reader {
    /// Reads the title, authors, affiliations and contact lines of the header.
    pub(super) fn read_header(&mut self, header: &[Line<'_>]) {
        let kinds: Vec<Kind> = header
            .iter()
            .enumerate()
            .map(|(i, l)| if i == 0 { Kind::Text } else { classify(l.text) })
            .collect();
        let end =
            crate::extract::layout::title_end(header).unwrap_or_else(|| title_end(header, &kinds));
        let title_lines = header.get(..end).unwrap_or(&[]);
        let main_script = title_lines
            .first()
            .map_or(Script::Other, |l| detect_script(l.text));
        let (main, other): (Vec<&Line<'_>>, Vec<&Line<'_>>) = title_lines.iter().partition(|l| {
            let s = detect_script(l.text);
            s == main_script || s == Script::Other
        });
        self.front.language = default_lang(main_script).unwrap_or("und").to_string();
        self.push_title(&main, main_script);
        if !other.is_empty() {
            let script = detect_script(other.first().map_or("", |l| l.text));
            self.push_title(&other, script);
        }
        self.read_people(
            header.get(end..).unwrap_or(&[]),
            kinds.get(end..).unwrap_or(&[]),
            false,
        );
    }

    /// Adds a title made of `lines` (joined with a space), unless one exists in that language.
    pub(super) fn push_title(&mut self, lines: &[&Line<'_>], script: Script) {
        let (Some(first), Some(last)) = (lines.first(), lines.last()) else {
            return;
        };
        let lang = default_lang(script).unwrap_or("und").to_string();
        if self.front.titles.iter().any(|t| t.lang == lang) {
            return;
        }
        let joined = lines
            .iter()
            .map(|l| l.text.trim())
            .collect::<Vec<_>>()
            .join(" ");
        let text = without_note_call(&joined).to_string();
        self.front.titles.push(LocalizedText {
            lang,
            text,
            source: Some(Span::lines(first.number, last.number)),
        });
    }

    /// Reads the lines between two labelled blocks: a title in another language, names in
    /// another script, contact lines.
    pub(super) fn read_gap(&mut self, gap: &[Line<'_>]) {
        if gap.is_empty() {
            return;
        }
        let kinds: Vec<Kind> = gap.iter().map(|l| classify(l.text)).collect();
        let first_script = detect_script(gap.first().map_or("", |l| l.text));
        let lang = default_lang(first_script).unwrap_or("und");
        let has_title = self.front.titles.iter().any(|t| t.lang == lang);
        let mut start = 0;
        // A title line may name a university (`University Students' Trust in ...:`): one
        // that ends with a colon, or is long and has no comma, is no affiliation here.
        let title_like_affiliation = kinds.first() == Some(&Kind::Affiliation)
            && gap.first().is_some_and(|l| reads_as_title(l.text));
        if !has_title
            && (title_like_affiliation
                || matches!(kinds.first(), Some(Kind::Text | Kind::Candidate)))
        {
            let mut k = kinds.clone();
            if let Some(first) = k.first_mut() {
                *first = Kind::Text;
            }
            // Between abstracts no affiliation is read: a line right under the title's first
            // that names a school or a university (`… among Secondary School Students`) and
            // has no comma continues the title.
            for i in 1..k.len() {
                let continues = k.get(i) == Some(&Kind::Affiliation)
                    && gap.get(i).is_some_and(|l| {
                        detect_script(l.text) == first_script && !l.text.contains([',', '،'])
                    });
                if !continues {
                    break;
                }
                if let Some(kind) = k.get_mut(i) {
                    *kind = Kind::Text;
                }
            }
            let mut end = title_end(gap, &k);
            // Names of known authors reprinted under the translated title end it.
            if let Some(p) = (1..end).find(|&i| {
                matches!(k.get(i), Some(Kind::Candidate | Kind::Author))
                    && gap.get(i).is_some_and(|l| self.names_known_authors(l.text))
            }) {
                end = p;
            }
            let lines: Vec<&Line<'_>> = gap
                .get(..end)
                .unwrap_or(&[])
                .iter()
                .filter(|l| detect_script(l.text) == first_script)
                .collect();
            self.push_title(&lines, first_script);
            start = end;
        }
        self.read_people(
            gap.get(start..).unwrap_or(&[]),
            kinds.get(start..).unwrap_or(&[]),
            true,
        );
    }

    /// Whether a header line after the authors starts a title in another script: text (or
    /// name-like words that name no known author) in a script with no title yet.
    pub(super) fn is_translated_title(&self, text: &str, kind: Kind) -> bool {
        let main = self.main_script();
        let script = detect_script(text);
        if main == Script::Other || script == main || script == Script::Other {
            return false;
        }
        let lang = default_lang(script).unwrap_or("und");
        if self.front.titles.iter().any(|t| t.lang == lang) || self.front.contributors.is_empty() {
            return false;
        }
        match kind {
            Kind::Text => text.chars().filter(|c| c.is_alphabetic()).count() >= 3,
            Kind::Candidate => !self.names_known_authors(text),
            Kind::Affiliation => reads_as_title(text),
            _ => false,
        }
    }
}

/// Whether a line that names an institution reads as a title line instead: it ends with a
/// colon (`University Students' Trust in ...:`), or it is long, with no comma and no
/// separator between a name and an affiliation (`Ann Lee / University of Kufa`).
fn reads_as_title(text: &str) -> bool {
    let t = text.trim();
    !t.contains([',', '،', '/', '|', '(', '@'])
        && super::lines::split_inline_affiliation(t).is_none()
        && (t.ends_with(':') || t.split_whitespace().count() >= 7)
}

/// A title without the call of its note at the end (`… Analysis *`, `… Analysis∗`,
/// `… Rechts1`): the note itself is read with the others.
pub(super) fn without_note_call(title: &str) -> &str {
    let t = title.trim_end();
    let marks = t.trim_end_matches(['*', '∗', '†', '‡']);
    if marks.len() < t.len() {
        return marks.trim_end();
    }
    // A digit or two glued to the last word's letters, no other digit in the title.
    let digits = t.len() - t.trim_end_matches(|c: char| c.is_ascii_digit()).len();
    let head = &t[..t.len() - digits];
    let letters_before = head.chars().rev().take_while(|c| c.is_alphabetic()).count();
    let other_digits = head.chars().any(|c| c.is_ascii_digit());
    if (1..=2).contains(&digits) && letters_before >= 3 && !other_digits {
        return head;
    }
    t
}
