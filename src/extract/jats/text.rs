//! Text values taken from JATS elements: the element's own text, with the white space that
//! only lays out the XML (a line break with the indentation around it) read as one space.
//! A bare line break is the text's own and is kept, so papermeta's JATS reads back exactly.

use super::tree::Element;
use crate::model::Inline;

/// `text` with every layout run of white space (a line break together with spaces or tabs)
/// made one space; nothing else changes.
pub(crate) fn tidy_runs(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut run = String::new();
    let flush = |run: &mut String, out: &mut String| {
        if run.contains('\n') && run.contains([' ', '\t']) {
            out.push(' ');
        } else {
            out.push_str(run);
        }
        run.clear();
    };
    for c in text.chars() {
        if c.is_whitespace() {
            run.push(c);
        } else {
            flush(&mut run, &mut out);
            out.push(c);
        }
    }
    flush(&mut run, &mut out);
    out
}

/// `text` tidied ([`tidy_runs`]) and trimmed.
pub(crate) fn tidy(text: &str) -> String {
    tidy_runs(text).trim().to_string()
}

/// An element's text, tidied and trimmed.
pub(crate) fn leaf(e: &Element) -> String {
    tidy(&e.text())
}

/// An element's text when it has any.
pub(crate) fn leaf_opt(e: Option<&Element>) -> Option<String> {
    e.map(leaf).filter(|t| !t.is_empty())
}

/// Inlines with adjacent text runs merged, layout white space tidied and the ends trimmed.
pub(crate) fn finish_inlines(inlines: Vec<Inline>) -> Vec<Inline> {
    let mut out: Vec<Inline> = Vec::with_capacity(inlines.len());
    for inline in inlines {
        match (out.last_mut(), inline) {
            (Some(Inline::Text { text: last }), Inline::Text { text }) => last.push_str(&text),
            (_, inline) => out.push(inline),
        }
    }
    for inline in &mut out {
        if let Inline::Text { text } = inline {
            *text = tidy_runs(text);
        }
    }
    if let Some(Inline::Text { text }) = out.first_mut() {
        *text = text.trim_start().to_string();
    }
    if let Some(Inline::Text { text }) = out.last_mut() {
        *text = text.trim_end().to_string();
    }
    out.retain(|i| !matches!(i, Inline::Text { text } if text.is_empty()));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn layout_white_space_is_one_space_a_bare_line_break_stays() {
        assert_eq!(
            tidy("\n    A title\n      in two lines\n  "),
            "A title in two lines"
        );
        assert_eq!(
            tidy("Entry text.\n<https://example.org>"),
            "Entry text.\n<https://example.org>"
        );
        assert_eq!(tidy_runs("a  b"), "a  b");
        assert_eq!(tidy_runs("a\n\nb"), "a\n\nb");
        let inl = finish_inlines(vec![
            Inline::Text {
                text: "\n  Some ".into(),
            },
            Inline::Text {
                text: "text\n   ".into(),
            },
        ]);
        assert_eq!(
            inl,
            vec![Inline::Text {
                text: "Some text".into()
            }]
        );
    }
}
