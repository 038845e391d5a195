//! Titles: the main title at the head of the paper, and titles in other languages printed
//! among the header lines or between the abstracts.

use super::language::guess_language;
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
        let mut end =
            crate::extract::layout::title_end(header).unwrap_or_else(|| title_end(header, &kinds));
        // A title printed twice ends where its second printing has as many lines as the
        // first: the lines after it are the authors'.
        let title_refs: Vec<&Line<'_>> = header.get(..end).unwrap_or(&[]).iter().collect();
        if let Some(split) = parallel_title_split(&title_refs) {
            end = end.min(2 * split);
        }
        let title_lines = header.get(..end).unwrap_or(&[]);
        let main_script = title_lines
            .first()
            .map_or(Script::Other, |l| detect_script(l.text));
        let (main, other): (Vec<&Line<'_>>, Vec<&Line<'_>>) = title_lines.iter().partition(|l| {
            let s = detect_script(l.text);
            s == main_script || s == Script::Other
        });
        self.front.language = default_lang(main_script).unwrap_or("und").to_string();
        if !self.push_parallel_titles(&main) {
            self.push_title(&main, main_script);
        }
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

    /// Reads a title printed twice in two languages of one script, each its shared first line
    /// and a subtitle (`Law of the Future` / `Studien über das Recht¹` / `Law of the Future` /
    /// `Toward a Design of Law¹`): the repeat of the first line opens the second. Each is
    /// the title, a full stop and the subtitle, in the language its words tell; the one in
    /// the document's language comes first. False when the lines are not so printed or the
    /// two languages cannot be told apart.
    fn push_parallel_titles(&mut self, lines: &[&Line<'_>]) -> bool {
        let Some(split) = parallel_title_split(lines) else {
            return false;
        };
        let (a, b) = lines.split_at(split);
        let (ta, tb) = (title_with_subtitle(a), title_with_subtitle(b));
        let (Some(la), Some(lb)) = (guess_language(&ta), guess_language(&tb)) else {
            return false;
        };
        if la == lb
            || self
                .front
                .titles
                .iter()
                .any(|t| t.lang == la || t.lang == lb)
        {
            return false;
        }
        let span = |part: &[&Line<'_>]| match (part.first(), part.last()) {
            (Some(f), Some(l)) => Some(Span::lines(f.number, l.number)),
            _ => None,
        };
        let mut titles = vec![
            LocalizedText {
                lang: la.to_string(),
                text: ta,
                source: span(a),
            },
            LocalizedText {
                lang: lb.to_string(),
                text: tb,
                source: span(b),
            },
        ];
        if lb == self.front.language {
            titles.reverse();
        }
        self.front.titles.extend(titles);
        true
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

/// Where the second of two parallel titles starts: at the repeat of the first line, when
/// each half has a line after the shared ones.
fn parallel_title_split(lines: &[&Line<'_>]) -> Option<usize> {
    let text = |i: usize| {
        lines
            .get(i)
            .map_or("", |l| without_note_call(l.text.trim()))
    };
    let first = text(0);
    if first.is_empty() {
        return None;
    }
    let split = (1..lines.len()).find(|&k| text(k) == first)?;
    (split >= 2 && lines.len() - split >= 2).then_some(split)
}

/// A title's first line and its subtitle lines: `Title. Subtitle` (no full stop after a
/// line that ends with punctuation), each without the call of its note.
fn title_with_subtitle(lines: &[&Line<'_>]) -> String {
    let part = |ls: &[&Line<'_>]| {
        let joined = ls
            .iter()
            .map(|l| l.text.trim())
            .filter(|t| !t.is_empty())
            .collect::<Vec<_>>()
            .join(" ");
        without_note_call(&joined).to_string()
    };
    let lines: Vec<&Line<'_>> = lines
        .iter()
        .copied()
        .filter(|l| !l.text.trim().is_empty())
        .collect();
    let title = part(lines.get(..1).unwrap_or(&[]));
    let subtitle = part(lines.get(1..).unwrap_or(&[]));
    if subtitle.is_empty() {
        title
    } else if title.ends_with(['.', ':', '?', '!']) {
        format!("{title} {subtitle}")
    } else {
        format!("{title}. {subtitle}")
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
