//! Labelled blocks: an abstract (paragraphs up to the next label, heading or script change)
//! and a keyword list (wrapped lines joined, split on separators).

use super::lines::{is_history_line, is_journal_line, is_note_line};
use super::names::{find_label, is_body_heading, Label};
use super::reader::Reader;
use crate::extract::text::Line;
use crate::model::{KeywordGroup, LocalizedText, Script, Span};
use crate::script::{default_lang, detect_script};

impl Reader {
    /// Reads an abstract opened by `label` at `stream[at]`; returns the index after its text.
    pub(super) fn read_abstract(
        &mut self,
        stream: &[Line<'_>],
        at: usize,
        label: &Label<'_>,
    ) -> usize {
        let mut paras: Vec<Vec<&str>> = Vec::new();
        let mut cur: Vec<&str> = Vec::new();
        let mut script = Some(detect_script(label.rest)).filter(|s| *s != Script::Other);
        if !label.rest.is_empty() {
            cur.push(label.rest);
        }
        let mut last = at;
        let mut j = at + 1;
        while let Some(line) = stream.get(j) {
            let t = line.text.trim();
            if t.is_empty() {
                if !cur.is_empty() {
                    paras.push(std::mem::take(&mut cur));
                }
                j += 1;
                continue;
            }
            if find_label(t).is_some()
                || is_body_heading(t)
                || is_note_line(t)
                || is_history_line(t)
            {
                break;
            }
            let s = detect_script(t);
            match script {
                Some(sc) if s != Script::Other && s != sc => break,
                None if s != Script::Other => script = Some(s),
                _ => {}
            }
            cur.push(t);
            last = j;
            j += 1;
        }
        if !cur.is_empty() {
            paras.push(cur);
        }
        let text = paras
            .iter()
            .map(|p| p.join("\n"))
            .collect::<Vec<_>>()
            .join("\n\n");
        let line_no = |i: usize| stream.get(i).map_or(0, |l| l.number);
        if text.is_empty() {
            self.warn(
                "abstract-empty",
                "an abstract label is followed by no text",
                Some(line_no(at)),
            );
        } else {
            let lang = script
                .and_then(default_lang)
                .unwrap_or(label.lang)
                .to_string();
            if self.front.abstracts.iter().any(|a| a.lang == lang) {
                self.warn(
                    "abstract-repeated",
                    format!("a second abstract in language `{lang}` was kept"),
                    Some(line_no(at)),
                );
            }
            self.front.abstracts.push(LocalizedText {
                lang,
                text,
                source: Some(Span::lines(line_no(at), line_no(last))),
            });
        }
        last + 1
    }

    /// Reads a keyword list opened by `label` at `stream[at]`; returns the index after it.
    pub(super) fn read_keywords(
        &mut self,
        stream: &[Line<'_>],
        at: usize,
        label: &Label<'_>,
    ) -> usize {
        let mut text = label.rest.to_string();
        let mut last = at;
        let usable = |t: &str| {
            !t.is_empty()
                && find_label(t).is_none()
                && !is_body_heading(t)
                && !is_note_line(t)
                && !is_history_line(t)
                && !is_journal_line(t)
        };
        if text.is_empty() {
            if let Some((k, line)) = stream
                .iter()
                .enumerate()
                .skip(at + 1)
                .find(|(_, l)| !l.is_blank())
            {
                if usable(line.text.trim()) {
                    text = line.text.trim().to_string();
                    last = k;
                }
            }
        }
        // Wrapped keyword lines: the next line directly below, in the same script, or any
        // next line when the list ends with a separator.
        loop {
            let open = text.ends_with(',') || text.ends_with('،') || text.ends_with(';');
            let next = if open {
                stream
                    .iter()
                    .enumerate()
                    .skip(last + 1)
                    .find(|(_, l)| !l.is_blank())
            } else {
                stream.get(last + 1).map(|l| (last + 1, l))
            };
            let Some((k, line)) = next else { break };
            let t = line.text.trim();
            let same_script = detect_script(t) == detect_script(&text);
            let short = t.split_whitespace().count() <= 12;
            if !usable(t) || !same_script || !(open || short) || text.ends_with('.') {
                break;
            }
            text.push(' ');
            text.push_str(t);
            last = k;
        }
        let keywords: Vec<String> = text
            .split([',', '،', ';', '؛', '/'])
            .map(|k| {
                k.trim()
                    .trim_end_matches(['.', '。', '۔'])
                    .trim()
                    .to_string()
            })
            .filter(|k| !k.is_empty())
            .collect();
        let line_no = |i: usize| stream.get(i).map_or(0, |l| l.number);
        if keywords.is_empty() {
            self.warn(
                "keywords-empty",
                "a keyword label is followed by no keyword",
                Some(line_no(at)),
            );
            return last + 1;
        }
        let lang = default_lang(detect_script(&text))
            .unwrap_or(label.lang)
            .to_string();
        let span = Span::lines(line_no(at), line_no(last));
        match self.front.keywords.iter_mut().find(|g| g.lang == lang) {
            Some(group) => {
                group.keywords.extend(keywords);
                if let Some(s) = group.source.as_mut() {
                    s.end_line = s.end_line.max(span.end_line);
                }
            }
            None => self.front.keywords.push(KeywordGroup {
                lang,
                keywords,
                source: Some(span),
            }),
        }
        last + 1
    }
}
