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
        let end = title_end(header, &kinds);
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
        let text = lines
            .iter()
            .map(|l| l.text.trim())
            .collect::<Vec<_>>()
            .join(" ");
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
        if !has_title && matches!(kinds.first(), Some(Kind::Text | Kind::Candidate)) {
            let mut k = kinds.clone();
            if let Some(first) = k.first_mut() {
                *first = Kind::Text;
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
            _ => false,
        }
    }
}
