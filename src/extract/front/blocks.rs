//! Labelled blocks: an abstract (paragraphs up to the next label, heading or script change)
//! and a keyword list (wrapped lines joined, split on separators).

use super::language::block_language;
use super::lines::{is_history_line, is_journal_line, is_note_line};
use super::names::{find_label, is_body_heading, is_numbered_heading, Label};
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
            // After a paragraph of the abstract (a blank line, or lines left out between):
            // a numbered short line is the first heading (`1. How do markets see wars?`), a
            // new page is no longer the abstract, a page number is no part of it.
            let prev = stream.get(last).map_or(0, |l| l.number);
            let gap = !cur.is_empty() && line.number > prev + 1;
            let after_paragraph = (cur.is_empty() && !paras.is_empty()) || gap;
            let new_page = self
                .page_starts
                .iter()
                .any(|&p| prev < p && line.number >= p);
            if after_paragraph && (is_numbered_heading(t) || new_page) {
                break;
            }
            if after_paragraph && !t.chars().any(char::is_alphabetic) {
                j += 1;
                continue;
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
            let lang = match script {
                Some(Script::Latin) | None => block_language(&text, Some(label.lang)),
                Some(_) => block_lang(script, label.lang),
            };
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
        let keywords: Vec<String> = split_keyword_list(&text)
            .into_iter()
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
        let lang = match detect_script(&text) {
            Script::Latin => block_language(&text, Some(label.lang)),
            s => block_lang(Some(s), label.lang),
        };
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

/// The language of a labelled block: the label's when the block is in that language's
/// script (`Résumé` opens French, `Abstract` English), else the script's usual language.
fn block_lang(script: Option<Script>, label_lang: &str) -> String {
    let label_script = if label_lang == "ar" {
        Script::Arabic
    } else {
        Script::Latin
    };
    match script.filter(|s| *s != Script::Other) {
        Some(s) if s == label_script => label_lang.to_string(),
        Some(s) => default_lang(s).unwrap_or(label_lang).to_string(),
        None => label_lang.to_string(),
    }
}

/// The keywords of a list: split on commas, semicolons and slashes, or, in a list with none
/// of them, on dashes set between spaces (`التعلم الذاتي - كلية التربية`) or between Arabic
/// words (a hyphen never joins Arabic words; `self-learning` keeps its own).
fn split_keyword_list(text: &str) -> Vec<&str> {
    const SEPARATORS: [char; 5] = [',', '،', ';', '؛', '/'];
    if text.contains(SEPARATORS) {
        return text.split(SEPARATORS).collect();
    }
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut pieces = Vec::new();
    let mut start = 0;
    for (i, &(at, c)) in chars.iter().enumerate() {
        if !matches!(c, '-' | '\u{2013}' | '\u{2014}') {
            continue;
        }
        let before = i.checked_sub(1).and_then(|k| chars.get(k)).map(|x| x.1);
        let after = chars.get(i + 1).map(|x| x.1);
        let spaced = before == Some(' ') && after == Some(' ');
        let arabic = before.is_some_and(crate::script::is_arabic_letter)
            && after.is_some_and(crate::script::is_arabic_letter);
        if spaced || arabic {
            pieces.push(&text[start..at]);
            start = at + c.len_utf8();
        }
    }
    pieces.push(&text[start..]);
    pieces
}

#[cfg(test)]
mod keyword_tests {
    use super::{block_lang, split_keyword_list};
    use crate::model::Script;

    #[test]
    fn a_block_takes_its_labels_language_in_that_languages_script() {
        assert_eq!(block_lang(Some(Script::Latin), "fr"), "fr");
        assert_eq!(block_lang(Some(Script::Latin), "en"), "en");
        assert_eq!(block_lang(Some(Script::Arabic), "fr"), "ar");
        assert_eq!(block_lang(Some(Script::Latin), "ar"), "en");
        assert_eq!(block_lang(None, "fr"), "fr");
        let label = crate::extract::front::names::find_label("Mots-clés : a ; b").unwrap();
        assert_eq!((label.lang, label.rest), ("fr", "a ; b"));
    }

    #[test]
    fn keyword_lists_split_on_dashes_when_they_have_no_comma() {
        assert_eq!(
            split_keyword_list("الصف المقلوب - التعلم الذاتي-كلية التربية"),
            vec!["الصف المقلوب ", " التعلم الذاتي", "كلية التربية"]
        );
        assert_eq!(
            split_keyword_list("self-learning, higher education"),
            vec!["self-learning", " higher education"]
        );
        assert_eq!(split_keyword_list("self-learning"), vec!["self-learning"]);
    }
}
