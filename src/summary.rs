//! Plain-text views of a document for people checking an extraction: a short summary, the
//! section outline with per-page footnote counts, the citation report, and diagnostics in
//! compiler style.

use crate::model::{
    inline_text, Agent, Block, Body, CitationKind, Diagnostic, Document, Inline, Locator, Section,
    Severity,
};
use std::fmt::Write;

/// A few lines saying what was found.
pub fn summary(doc: &Document) -> String {
    let mut out = String::new();
    let front = &doc.front;
    let title = front.main_title().map_or("(none)", |t| t.text.as_str());
    let _ = writeln!(out, "title [{}]: {}", front.language, title);
    for t in front
        .titles
        .iter()
        .filter(|t| Some(*t) != front.main_title())
    {
        let _ = writeln!(out, "title [{}]: {}", t.lang, t.text);
    }
    for c in &front.contributors {
        let prefix = c
            .prefix
            .as_ref()
            .map_or(String::new(), |p| format!("{} ", p.as_written));
        let email = c.email.as_deref().unwrap_or("no email");
        let affs: Vec<&str> = c.affiliation_ids.iter().map(String::as_str).collect();
        let _ = writeln!(
            out,
            "author {}: {prefix}{} <{email}> [{}]",
            c.id,
            c.name.as_written,
            affs.join(", ")
        );
    }
    let abstracts: Vec<&str> = front.abstracts.iter().map(|a| a.lang.as_str()).collect();
    let _ = writeln!(
        out,
        "abstracts: {}",
        if abstracts.is_empty() {
            "none".into()
        } else {
            abstracts.join(", ")
        }
    );
    for k in &front.keywords {
        let _ = writeln!(out, "keywords [{}]: {}", k.lang, k.keywords.len());
    }
    let refs: Vec<String> = doc
        .back
        .reference_groups
        .iter()
        .map(|g| {
            format!(
                "{} {}",
                g.references.len(),
                g.title.as_deref().unwrap_or("(untitled)")
            )
        })
        .collect();
    let cited = doc
        .back
        .footnotes
        .iter()
        .filter(|f| f.citation.is_some())
        .count();
    let r = &doc.source.repairs;
    if !r.is_empty() {
        let kinds = [
            ("bidi controls", r.bidi_controls),
            ("visual-order runs", r.visual_runs),
            ("reversed ligatures", r.ligatures),
            ("presentation forms", r.presentation_forms),
            ("detached marks", r.detached_marks),
            ("tatweels", r.tatweels),
            ("split words", r.split_words),
        ];
        let made: Vec<String> = kinds
            .iter()
            .filter(|(_, n)| *n > 0)
            .map(|(k, n)| format!("{n} {k}"))
            .collect();
        let _ = writeln!(out, "repaired: {}", made.join(", "));
    }
    let _ = writeln!(
        out,
        "pages: {}, headings: {}, footnotes: {} ({} citing), references: {} ({})",
        doc.body.pages.len(),
        count_sections(&doc.body.sections),
        doc.back.footnotes.len(),
        cited,
        doc.back.references().count(),
        refs.join("; ")
    );
    out
}

fn count_sections(sections: &[Section]) -> usize {
    sections
        .iter()
        .map(|s| 1 + count_sections(&s.sections))
        .sum()
}

/// The section tree with levels, then footnotes and markers per page.
pub fn outline(doc: &Document) -> String {
    let mut out = String::from("sections (level, line, heading):\n");
    fn walk(out: &mut String, sections: &[Section]) {
        for s in sections {
            let indent = "  ".repeat(usize::from(s.level.saturating_sub(1)));
            let label = match s.label.as_deref() {
                Some(l)
                    if l.chars().any(char::is_alphabetic) && !l.ends_with(['.', ')', '-', ':']) =>
                {
                    format!("{l}: ")
                }
                Some(l) => format!("{l} "),
                None => String::new(),
            };
            let _ = writeln!(
                out,
                "{indent}{} [{}{}] {label}{}",
                s.level,
                s.source.line,
                place(&s.source),
                inline_text(&s.title)
            );
            walk(out, &s.sections);
        }
    }
    walk(&mut out, &doc.body.sections);
    let _ = writeln!(out, "{} headings", count_sections(&doc.body.sections));
    out.push_str("pages (page, lines, footnotes, markers):\n");
    for p in &doc.body.pages {
        let _ = writeln!(
            out,
            "  {:>3}  {:>4}-{:<4}  {:>3}  {:>3}",
            p.number, p.source.line, p.source.end_line, p.footnote_count, p.marker_count
        );
    }
    // Where the input gave positions (a PDF), each footnote's place on its page.
    if doc.back.footnotes.iter().any(|f| f.source.page.is_some()) {
        out.push_str("footnotes (id, label, line, page and box):\n");
        for f in &doc.back.footnotes {
            let _ = writeln!(
                out,
                "  {} {} [{}{}]",
                f.id,
                f.label,
                f.source.line,
                place(&f.source)
            );
        }
    }
    let footnotes: usize = doc.body.pages.iter().map(|p| p.footnote_count).sum();
    let markers: usize = doc.body.pages.iter().map(|p| p.marker_count).sum();
    let _ = writeln!(
        out,
        "{} pages, {footnotes} footnotes, {markers} markers",
        doc.body.pages.len()
    );
    out
}

/// ` p. N (x0,y0)-(x1,y1)` for a span with a place on its page, empty otherwise.
fn place(span: &crate::model::Span) -> String {
    match (span.page, span.bbox) {
        (Some(page), Some(b)) => format!(
            " p. {page} ({:.0},{:.0})-({:.0},{:.0})",
            b.x0, b.y0, b.x1, b.y1
        ),
        (Some(page), None) => format!(" p. {page}"),
        _ => String::new(),
    }
}

/// One diagnostic as `file:line:column: warning[code]: message`.
pub fn format_diagnostic(file: &str, d: &Diagnostic) -> String {
    let severity = match d.severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    };
    let position = match (d.line, d.column) {
        (Some(l), Some(c)) => format!("{file}:{l}:{c}"),
        (Some(l), None) => format!("{file}:{l}"),
        _ => file.to_string(),
    };
    format!("{position}: {severity}[{}]: {}", d.code, d.message)
}

/// A writer's warning: it points into the input (`line`), and names the output it concerns.
pub fn format_export_warning(input: &str, output: &str, d: &Diagnostic) -> String {
    let mut d = d.clone();
    d.message = format!("{output}: {}", d.message);
    format_diagnostic(input, &d)
}

/// A diagnostic with the source line it points at and a caret under its column, as
/// compilers print them. Long lines are shown as a window around the column.
pub fn render_diagnostic(file: &str, source: Option<&str>, d: &Diagnostic) -> String {
    let line = source
        .zip(d.line)
        .and_then(|(text, line)| text.lines().nth(line.saturating_sub(1)));
    render_diagnostic_line(file, line, d)
}

/// [`render_diagnostic`] given the text of the line the diagnostic points at (for callers
/// that print many diagnostics of one long file and split its lines once).
pub fn render_diagnostic_line(file: &str, source_line: Option<&str>, d: &Diagnostic) -> String {
    const WIDTH: usize = 120;
    let mut out = format_diagnostic(file, d);
    out.push('\n');
    if let (Some(src), Some(line)) = (source_line, d.line) {
        {
            let chars: Vec<char> = src.chars().collect();
            let col = d.column.unwrap_or(1).max(1) - 1;
            let start = if col + 20 > WIDTH { col - WIDTH / 2 } else { 0 };
            let end = (start + WIDTH).min(chars.len());
            let mut shown: String = chars[start.min(end)..end].iter().collect();
            let lead = if start > 0 { "…" } else { "" };
            if end < chars.len() {
                shown.push('…');
            }
            let gutter = line.to_string().len();
            let _ = writeln!(out, "{:gutter$} |", "");
            let _ = writeln!(out, "{line} | {lead}{shown}");
            if d.column.is_some() {
                let pad: String = chars[start.min(col)..col.min(chars.len())]
                    .iter()
                    .map(|&c| if c == '\t' { '\t' } else { ' ' })
                    .collect();
                let _ = writeln!(
                    out,
                    "{:gutter$} | {}{pad}^",
                    "",
                    if start > 0 { " " } else { "" }
                );
            }
        }
    }
    out
}

fn kind_name(kind: Option<CitationKind>) -> &'static str {
    match kind {
        Some(CitationKind::Direct) => "direct",
        Some(CitationKind::Ibid) => "ibid",
        Some(CitationKind::OpCit) => "op. cit.",
        Some(CitationKind::Supra) => "supra",
        None => "none",
    }
}

/// One line per footnote: page, label, kind (direct / ibid / op. cit. / supra / none), the
/// resolved reference with its first author and short title, and the locator.
pub fn citation_report(doc: &Document) -> String {
    let mut out = String::new();
    for f in &doc.back.footnotes {
        let c = f.citation.as_ref();
        let kind = kind_name(c.map(|c| c.kind));
        let reference = c
            .and_then(|c| c.reference_id.as_deref())
            .map(|id| {
                let work = doc.back.reference(id).map(|r| {
                    let author = r.authors.first().map_or("-", Agent::as_written);
                    let title = r.title.as_deref().unwrap_or("-");
                    let mut short: String = title
                        .split_whitespace()
                        .take(6)
                        .collect::<Vec<_>>()
                        .join(" ");
                    if title.split_whitespace().count() > 6 {
                        short.push('…');
                    }
                    format!("{author} — {short}")
                });
                format!("{id}\t{}", work.unwrap_or_else(|| "?".into()))
            })
            .unwrap_or_else(|| "-\t-".into());
        let via = c
            .and_then(|c| c.via_footnote_id.as_deref())
            .map(|v| format!(" (via {v})"))
            .unwrap_or_default();
        let locator = c
            .and_then(|c| c.locator.as_ref())
            .map(|l| format!("{} {}", l.label, l.pages.raw))
            .unwrap_or_else(|| "-".into());
        out.push_str(&format!(
            "p{}\t{}\t{}{}\t{}\t{}\n",
            f.page, f.label, kind, via, reference, locator
        ));
    }
    // In-text citations after the footnotes, in document order, so a paper without any
    // keeps its footnote-only report.
    for (text, ids, locator) in intext_citations(&doc.body) {
        let ids = if ids.is_empty() {
            "-".to_string()
        } else {
            ids.join(",")
        };
        let locator = locator
            .map(|l| format!("{} {}", l.label, l.pages.raw).trim().to_string())
            .unwrap_or_else(|| "-".into());
        out.push_str(&format!("{text}\tin-text\t{ids}\t{locator}\n"));
    }
    out
}

/// The in-text citations of the running text (`Inline::Citation`), in document order:
/// printed text, reference ids and locator. Block content comes before the subsections of
/// the same section, as the text reads.
fn intext_citations(body: &Body) -> Vec<(&str, &[String], Option<&Locator>)> {
    fn inlines<'a>(
        list: &'a [Inline],
        out: &mut Vec<(&'a str, &'a [String], Option<&'a Locator>)>,
    ) {
        for i in list {
            if let Inline::Citation {
                text,
                reference_ids,
                locator,
            } = i
            {
                out.push((text.as_str(), reference_ids.as_slice(), locator.as_ref()));
            }
        }
    }
    fn blocks<'a>(list: &'a [Block], out: &mut Vec<(&'a str, &'a [String], Option<&'a Locator>)>) {
        for b in list {
            match b {
                Block::Paragraph(p) => inlines(&p.content, out),
                Block::List(l) => l.items.iter().for_each(|it| inlines(&it.content, out)),
                Block::Quote(q) => inlines(&q.content, out),
            }
        }
    }
    fn sections<'a>(
        list: &'a [Section],
        out: &mut Vec<(&'a str, &'a [String], Option<&'a Locator>)>,
    ) {
        for s in list {
            inlines(&s.title, out);
            blocks(&s.blocks, out);
            sections(&s.sections, out);
        }
    }
    let mut out = Vec::new();
    blocks(&body.blocks, &mut out);
    sections(&body.sections, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_a_caret_under_the_column() {
        let mut d = Diagnostic::error("dtd-content", "unexpected <x>", Some(2));
        d.column = Some(3);
        let text = render_diagnostic("a.xml", Some("<a>\n  <x/>\n</a>"), &d);
        assert_eq!(
            text,
            "a.xml:2:3: error[dtd-content]: unexpected <x>\n  |\n2 |   <x/>\n  |   ^\n"
        );
    }

    #[test]
    fn long_lines_are_windowed_around_the_column() {
        let mut d = Diagnostic::error("dtd-enumeration", "bad value", Some(1));
        d.column = Some(300);
        let line = format!("{}X{}", "a".repeat(299), "b".repeat(300));
        let text = render_diagnostic("a.xml", Some(&line), &d);
        let lines: Vec<&str> = text.lines().collect();
        let x = lines[2].chars().position(|c| c == 'X').unwrap();
        let caret = lines[3].chars().position(|c| c == '^').unwrap();
        assert_eq!(x, caret, "{text}");
        assert!(lines[2].contains('…'));
    }

    #[test]
    fn summary_counts_repairs_only_when_there_are_some() {
        let mut doc = Document::default();
        assert!(!summary(&doc).contains("repaired"));
        doc.source.repairs.bidi_controls = 4;
        doc.source.repairs.ligatures = 2;
        assert!(
            summary(&doc).contains("repaired: 4 bidi controls, 2 reversed ligatures\n"),
            "{}",
            summary(&doc)
        );
    }

    #[test]
    fn outline_counts_headings_and_pages() {
        let mut doc = Document::default();
        doc.body.sections.push(Section {
            id: "sec1".into(),
            level: 1,
            title: vec![crate::model::Inline::Text {
                text: "Introduction".into(),
            }],
            sections: vec![Section {
                id: "sec1-1".into(),
                level: 2,
                ..Default::default()
            }],
            ..Default::default()
        });
        let text = outline(&doc);
        assert!(text.contains("1 [0] Introduction\n"), "{text}");
        assert!(text.contains("2 headings"));
    }

    #[test]
    fn report_appends_in_text_citations_after_footnotes() {
        use crate::model::{Inline, Locator, PageRange, Paragraph, Span};
        let cite = |text: &str, ids: &[&str], loc: Option<(&str, &str)>| Inline::Citation {
            text: text.to_string(),
            reference_ids: ids.iter().map(|s| s.to_string()).collect(),
            locator: loc.map(|(label, raw)| Locator {
                label: label.to_string(),
                pages: PageRange {
                    raw: raw.to_string(),
                    ..PageRange::default()
                },
            }),
        };
        let para = |content: Vec<Inline>| {
            Block::Paragraph(Paragraph {
                content,
                source: Span::line(1),
            })
        };
        let mut doc = Document::default();
        doc.back.footnotes = vec![crate::model::Footnote {
            id: "fn1".into(),
            page: 2,
            label: "1".into(),
            number: 1,
            text: "A remark of ours, no source.".into(),
            source: Span::line(10),
            placement: Default::default(),
            citation: None,
        }];
        doc.body.blocks = vec![para(vec![
            Inline::Text {
                text: "As shown ".into(),
            },
            cite("(Hale, 2001, p. 7)", &["ref1"], Some(("p.", "7"))),
        ])];
        doc.body.sections = vec![Section {
            id: "sec1".into(),
            level: 1,
            blocks: vec![para(vec![cite(
                "(العبيدي، ٢٠١٧: ١٥)",
                &[],
                Some(("", "١٥")),
            )])],
            sections: vec![Section {
                id: "sec1-1".into(),
                level: 2,
                blocks: vec![para(vec![cite(
                    "Ito and Roy (2004)",
                    &["ref2", "ref3"],
                    None,
                )])],
                ..Section::default()
            }],
            ..Section::default()
        }];
        let report = citation_report(&doc);
        let lines: Vec<&str> = report.lines().collect();
        assert_eq!(lines.len(), 4, "{report}");
        assert!(lines[0].starts_with("p2\t1\tnone\t"), "{}", lines[0]);
        assert_eq!(lines[1], "(Hale, 2001, p. 7)\tin-text\tref1\tp. 7");
        assert_eq!(lines[2], "(العبيدي، ٢٠١٧: ١٥)\tin-text\t-\t١٥");
        assert_eq!(lines[3], "Ito and Roy (2004)\tin-text\tref2,ref3\t-");
    }
}
