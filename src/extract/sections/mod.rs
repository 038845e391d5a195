//! The body reader: the section tree and its blocks, page footnotes and endnotes with their
//! markers linked, and the lines of the reference list.
//!
//! The body is read as one stream of non-blank lines across pages (footnote zones and page
//! furniture already left out by [`super::pages`]). A line opens a new block after a blank
//! line; at a page break the text joins the previous page's last block when that block did
//! not end a sentence (a paragraph cut by the page). Headings are recognized by shape (see
//! `headings.rs`) and get their level from their style: section names and division
//! words have fixed ranks, other styles (ordinals, numbers, labels) nest under the heading
//! above them and are siblings of the last heading of the same style.
//!
//! This file holds the steps; each concern has its file: [`stream`] (reading order over
//! [`lines`]), [`contents`] (tables of contents left out), [`endnotes`], [`headings`] and
//! [`levels`], [`builder`] (the section walk) with [`blocks`] and [`inlines`] (markers linked
//! as footnote references), and [`tree`] (nesting, identifiers, reference groups).

mod blocks;
mod builder;
mod contents;
mod endnotes;
mod headings;
mod inlines;
mod levels;
mod lines;
mod stream;
mod tree;

pub use headings::undoubled;
pub use tree::{attach_reference_groups, MAX_SECTION_DEPTH};

use super::footnotes::{collect_footnotes, drop_front_notes, link_markers};
use super::pages::PageLines;
use super::text::Line;
use crate::model::{Body, Diagnostic, Footnote, Page, SectionKind};
use builder::Builder;
use contents::drop_contents;
use endnotes::{find_endnotes, merge_notes};
use headings::classify;
use stream::stream;
use tree::{assign_ids, nest};

/// What the body reader found.
#[derive(Debug, Clone, PartialEq)]
pub struct BodyExtraction<'a> {
    /// The body: pages, blocks and sections (the references section holds no blocks).
    pub body: Body,
    /// The numbered footnotes, markers linked.
    pub footnotes: Vec<Footnote>,
    /// Identifiers of the footnotes that a marker of the running text calls.
    pub called: std::collections::HashSet<String>,
    /// The lines under the reference-list heading, across pages, footnote zones left out.
    pub reference_lines: Vec<Line<'a>>,
    /// What the reader was unsure about.
    pub warnings: Vec<Diagnostic>,
}

/// Reads the body, starting at `start_line`.
///
/// When `start_line` is at or before the first line of text (no front matter was told
/// apart), the body starts at the first introduction heading, if there is one.
pub fn extract_body<'a>(pages: &[PageLines<'a>], start_line: usize) -> BodyExtraction<'a> {
    let footnotes = collect_footnotes(pages);
    let mut lines = drop_contents(stream(pages, start_line));
    let first_text = pages
        .iter()
        .flat_map(|p| p.body.iter())
        .find(|l| !l.is_blank())
        .map_or(1, |l| l.number);
    if start_line <= first_text {
        let intro = (0..lines.len())
            .find(|&k| classify(&lines, k).is_some_and(|h| h.kind == SectionKind::Introduction));
        if let Some(k) = intro {
            lines.drain(..k);
            if let Some(first) = lines.first_mut() {
                first.block_start = true;
            }
        }
    }
    // Markers count from where the body begins: the front matter's superscripts tie authors
    // to affiliations.
    let body_start = lines
        .first()
        .map_or(start_line, |l| l.line.number)
        .max(start_line);
    let footnotes = drop_front_notes(pages, footnotes, body_start);
    let endnotes = find_endnotes(&lines, pages);
    let footnotes = merge_notes(footnotes, &endnotes);
    let skip: Vec<(usize, usize)> = endnotes.iter().map(|e| e.lines).collect();
    let (links, warnings) = link_markers(pages, &footnotes, body_start, &skip);
    let called = links
        .by_line
        .values()
        .flatten()
        .filter_map(|m| m.footnote_id.clone())
        .collect();
    let mut builder = Builder::new(&lines, &links.by_line);
    builder.notes_sections = endnotes.iter().map(|e| (e.heading, e.end)).collect();
    let refs = builder.run();
    let mut reference_lines: Vec<Line<'a>> = Vec::new();
    for (after, until) in refs {
        let list: Vec<Line<'a>> = pages
            .iter()
            .flat_map(|p| p.body.iter())
            .filter(|l| l.number > after && until.is_none_or(|u| l.number < u))
            .skip_while(|l| l.is_blank())
            .copied()
            .collect();
        reference_lines.extend(list);
    }
    let body_pages = pages
        .iter()
        .enumerate()
        .map(|(index, p)| Page {
            number: p.number,
            source: p.span,
            footnote_zone_line: p.footnote_zone_line(),
            footnote_count: footnotes.iter().filter(|f| f.page == p.number).count(),
            marker_count: links.per_page.get(index).copied().unwrap_or(0),
        })
        .collect();
    let mut sections = nest(builder.flat);
    assign_ids(&mut sections, "sec");
    BodyExtraction {
        body: Body {
            pages: body_pages,
            blocks: builder.preamble,
            sections,
        },
        footnotes,
        called,
        reference_lines,
        warnings,
    }
}

#[cfg(test)]
mod sample_tests {
    use super::*;
    use crate::extract::{pages::split_pages, text};
    use crate::model::inline_text;
    use crate::model::{Block, Inline, Section};

    fn outline(sections: &[Section], out: &mut Vec<String>) {
        for s in sections {
            out.push(format!(
                "{}{} [{}] {:?} {:?} {} run_in={} blocks={}",
                "  ".repeat(usize::from(s.level)),
                s.id,
                s.source.line,
                s.kind,
                s.label,
                s.title_text(),
                s.run_in,
                s.blocks.len()
            ));
            for b in &s.blocks {
                let (kind, span, text) = match b {
                    Block::Paragraph(p) => ("P", p.source, inline_text(&p.content)),
                    Block::List(l) => (
                        "L",
                        l.source,
                        format!(
                            "{} items {:?}",
                            l.items.len(),
                            l.items.iter().map(|i| i.label.clone()).collect::<Vec<_>>()
                        ),
                    ),
                    Block::Quote(q) => ("Q", q.source, inline_text(&q.content)),
                };
                let short: String = text.chars().take(40).collect();
                out.push(format!(
                    "      {kind} {}-{} {short}",
                    span.line, span.end_line
                ));
            }
            outline(&s.sections, out);
        }
    }

    fn count(sections: &[Section]) -> usize {
        sections.iter().map(|s| 1 + count(&s.sections)).sum()
    }

    /// The bundled sample: numbers only, no text of it is repeated here.
    #[test]
    fn sample_pages_footnotes_and_outline() {
        let bytes = std::fs::read(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/samples/political-issues-000.txt"
        ))
        .expect("the bundled sample is readable");
        let source = text::decode(&bytes, "sample").unwrap();
        let lines = text::lines(&source.text);
        let pages = split_pages(&lines);
        let body = extract_body(&pages, 1);
        let mut out = Vec::new();
        outline(&body.body.sections, &mut out);
        // Every marker links to the footnote of its own number, and no footnote's text is
        // in the running text.
        let mut all = Vec::new();
        fn collect<'s>(sections: &'s [Section], out: &mut Vec<&'s Block>) {
            for s in sections {
                out.extend(s.blocks.iter());
                collect(&s.sections, out);
            }
        }
        collect(&body.body.sections, &mut all);
        let mut linked = 0;
        let mut running = String::new();
        for block in all {
            let content: Vec<&Inline> = match block {
                Block::Paragraph(p) => p.content.iter().collect(),
                Block::List(l) => l.items.iter().flat_map(|i| i.content.iter()).collect(),
                Block::Quote(q) => q.content.iter().collect(),
            };
            for inline in content {
                match inline {
                    Inline::FootnoteRef {
                        marker,
                        footnote_id,
                    } => {
                        let note = body
                            .footnotes
                            .iter()
                            .find(|f| Some(&f.id) == footnote_id.as_ref());
                        let note = note.unwrap_or_else(|| panic!("{marker} unlinked"));
                        let digits: String =
                            marker.chars().filter(|c| c.is_alphanumeric()).collect();
                        let number = crate::script::parse_number(&digits).or_else(|| {
                            super::super::notelabels::scan_markers(marker)
                                .first()
                                .map(|c| c.number)
                        });
                        assert_eq!(number, Some(note.number), "{marker} -> {}", note.id);
                        linked += 1;
                    }
                    Inline::Text { text } | Inline::Citation { text, .. } => running.push_str(text),
                }
            }
        }
        assert_eq!(linked, 49);
        for note in &body.footnotes {
            assert!(!running.contains(&note.text), "{} leaked", note.id);
        }
        let counts: Vec<usize> = body.body.pages.iter().map(|p| p.footnote_count).collect();
        assert_eq!(counts, vec![0, 1, 6, 8, 5, 4, 5, 3, 4, 8, 5, 0, 0, 0]);
        let markers: Vec<usize> = body.body.pages.iter().map(|p| p.marker_count).collect();
        assert_eq!(markers, counts);
        assert!(body.warnings.is_empty(), "{:?}", body.warnings);
        assert_eq!(count(&body.body.sections), 23);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::{pages::split_pages, text};
    use crate::model::inline_text;
    use crate::model::{Block, Inline, Paragraph, ReferenceGroup, Section, Span};

    fn read(src: &'static str) -> (BodyExtraction<'static>, Vec<PageLines<'static>>) {
        let lines: &'static [Line<'static>] = Box::leak(text::lines(src).into_boxed_slice());
        let pages = split_pages(lines);
        (extract_body(&pages, 1), pages)
    }

    /// (depth, label, title, kind, run_in) of every section, in document order.
    fn flat(sections: &[Section]) -> Vec<(u8, Option<String>, String, SectionKind, bool)> {
        let mut out = Vec::new();
        for s in sections {
            out.push((s.level, s.label.clone(), s.title_text(), s.kind, s.run_in));
            out.extend(flat(&s.sections));
        }
        out
    }

    fn refs(content: &[Inline]) -> Vec<(String, Option<String>)> {
        content
            .iter()
            .filter_map(|i| match i {
                Inline::FootnoteRef {
                    marker,
                    footnote_id,
                } => Some((marker.clone(), footnote_id.clone())),
                _ => None,
            })
            .collect()
    }

    fn paragraphs(blocks: &[Block]) -> Vec<&Paragraph> {
        blocks
            .iter()
            .filter_map(|b| match b {
                Block::Paragraph(p) => Some(p),
                _ => None,
            })
            .collect()
    }

    const ENGLISH_PAPER: &str = "Journal of Testing 12(3)\n\n1. Introduction\n\nThis paper studies things.¹ It continues with a long sentence that wraps onto the\nnext line of the same paragraph.\n\n1.1 Background\n\nEarlier work² found results. Figures from 2019 (n = 120) and (2020) show this\nand the text goes on to the next page without ending\n\n¹ Smith, J. A Book. London, 2001.\n² Jones, K. \"Title\", Journal 3, 2005,\nhttps://example.org/jones\n\n- 1 -\n\u{0C}Journal of Testing 12(3)\nthe sentence here.³\n\n2. Methods\n\nWe used the following steps:\n\n1. Collect the data.\n2. Clean the data.\n\n2.1 Sampling\n\n    An indented quotation from a source,\n    set apart from the text.\n\n³ Brown, Another Book, 2010.\n\n- 2 -\n\u{0C}Journal of Testing 12(3)\n3. Conclusion\n\nIt ends.⁴\n\nReferences\n\nSmith, J. (2001). A Book. London.\n\n⁴ Ibid., p. 4.\n- 3 -\n";

    #[test]
    fn english_numbered_headings_and_running_footnotes() {
        let (body, pages) = read(ENGLISH_PAPER);
        assert_eq!(pages.len(), 3);
        assert!(body.warnings.is_empty(), "{:?}", body.warnings);
        let outline = flat(&body.body.sections);
        let titles: Vec<(u8, Option<&str>, &str, SectionKind)> = outline
            .iter()
            .map(|(l, label, title, kind, _)| (*l, label.as_deref(), title.as_str(), *kind))
            .collect();
        assert_eq!(
            titles,
            vec![
                (1, Some("1."), "Introduction", SectionKind::Introduction),
                (2, Some("1.1"), "Background", SectionKind::Other),
                (1, Some("2."), "Methods", SectionKind::Methods),
                (2, Some("2.1"), "Sampling", SectionKind::Other),
                (1, Some("3."), "Conclusion", SectionKind::Conclusion),
                (1, None, "References", SectionKind::References),
            ]
        );
        let ids: Vec<&str> = body.body.sections.iter().map(|s| s.id.as_str()).collect();
        assert_eq!(ids, vec!["sec1", "sec2", "sec3", "sec4"]);
        assert_eq!(body.body.sections[0].sections[0].id, "sec1-1");
        // Footnotes run through the paper: 1..4, one per marker, across three pages.
        let notes: Vec<(&str, usize, u32)> = body
            .footnotes
            .iter()
            .map(|f| (f.id.as_str(), f.page, f.number))
            .collect();
        assert_eq!(
            notes,
            vec![("fn1", 1, 1), ("fn2", 1, 2), ("fn3", 2, 3), ("fn4", 3, 4)]
        );
        assert_eq!(
            body.footnotes[1].text,
            "Jones, K. \"Title\", Journal 3, 2005, https://example.org/jones"
        );
        // The paragraph cut by the page break is one paragraph with both markers.
        let background = &body.body.sections[0].sections[0];
        let p = paragraphs(&background.blocks);
        assert_eq!(p.len(), 1);
        assert_eq!(p[0].source, Span::lines(10, 19));
        assert_eq!(
            refs(&p[0].content),
            vec![
                ("²".into(), Some("fn2".into())),
                ("³".into(), Some("fn3".into()))
            ]
        );
        let text = inline_text(&p[0].content);
        assert!(
            text.contains("(n = 120) and (2020) show this and the text"),
            "{text}"
        );
        assert!(
            text.ends_with("without ending the sentence here."),
            "{text}"
        );
        // The wrapped first paragraph is joined with one space.
        let intro = paragraphs(&body.body.sections[0].blocks);
        assert!(inline_text(&intro[0].content).contains("onto the next line"));
        // A list under Methods, a quotation under Sampling.
        let methods = &body.body.sections[1];
        assert!(matches!(&methods.blocks[1], Block::List(l) if l.ordered && l.items.len() == 2));
        assert!(matches!(&methods.sections[0].blocks[0], Block::Quote(_)));
        let refs_text: Vec<&str> = body.reference_lines.iter().map(|l| l.text).collect();
        assert_eq!(refs_text, vec!["Smith, J. (2001). A Book. London."]);
        assert_eq!(body.body.pages[2].marker_count, 1);
    }

    const ARABIC_PAPER: &str = "عنوان تجريبي للبحث\n\nالمحتويات\nالمقدمة ........ 2\nالفرع الأول: الإطار النظري ........ 3\nالخاتمة ........ 5\n\nالمقدمة\n\nيتناول هذا البحث موضوعاً تجريبياً⁽¹⁾ ويعرض فيه نصاً مكتوباً من أجل الاختبار فقط.\n\nأهمية البحث: تكمن أهمية البحث في أنه مثال.\n\n(1) مرجع تجريبي أول، ص ١٠.\n\n\n\nالفرع الأول\nالإطار النظري\n\nأولاً: المفاهيم\n\nنص الفقرة الأولى في الإطار النظري⁽¹⁾ وفيها عدد (٢٥) من الأمثلة وقرار رقم (١٢٣٤)⁽²⁾ ثم يستمر\n\n(1) مرجع ثان.\n(2) مرجع ثالث على الرابط:\nhttps://example.org/a\n\n\n\nالكلام في الصفحة التالية حتى ينتهي هنا.\n\nثانياً: الأدوات\n\nنص قصير عن الأدوات يكفي للاختبار هنا.\n\nالفرع الثاني: التطبيق\n\n- بند أول\n- بند ثان\n\nالخاتمة:\n\nخلاصة البحث.\n\nقائمة المصادر:\n- مرجع تجريبي أول.\n";

    #[test]
    fn arabic_branches_toc_and_per_page_footnotes() {
        let (body, pages) = read(ARABIC_PAPER);
        assert_eq!(pages.len(), 3);
        assert!(body.warnings.is_empty(), "{:?}", body.warnings);
        let outline = flat(&body.body.sections);
        let titles: Vec<(u8, Option<&str>, &str, bool)> = outline
            .iter()
            .map(|(l, label, title, _, run_in)| (*l, label.as_deref(), title.as_str(), *run_in))
            .collect();
        assert_eq!(
            titles,
            vec![
                (1, None, "المقدمة", false),
                (2, None, "أهمية البحث", true),
                (1, Some("الفرع الأول"), "الإطار النظري", false),
                (2, Some("أولاً"), "المفاهيم", false),
                (2, Some("ثانياً"), "الأدوات", false),
                (1, Some("الفرع الثاني"), "التطبيق", false),
                (1, None, "الخاتمة", false),
                (1, None, "قائمة المصادر", false),
            ]
        );
        let labels: Vec<(&str, usize)> = body
            .footnotes
            .iter()
            .map(|f| (f.label.as_str(), f.page))
            .collect();
        assert_eq!(labels, vec![("1", 1), ("1", 2), ("2", 2)]);
        assert_eq!(
            body.footnotes[2].text,
            "مرجع ثالث على الرابط: https://example.org/a"
        );
        let concepts = &body.body.sections[1].sections[0];
        let p = paragraphs(&concepts.blocks);
        assert_eq!(p.len(), 1, "the paragraph continues over the page break");
        assert_eq!(
            refs(&p[0].content),
            vec![
                ("⁽¹⁾".into(), Some("fn2".into())),
                ("⁽²⁾".into(), Some("fn3".into()))
            ]
        );
        assert!(
            inline_text(&p[0].content).contains("(٢٥) من الأمثلة وقرار رقم (١٢٣٤) ثم يستمر الكلام")
        );
        let run_in = &body.body.sections[0].sections[0];
        assert_eq!(
            inline_text(&paragraphs(&run_in.blocks)[0].content),
            "تكمن أهمية البحث في أنه مثال."
        );
        assert!(
            matches!(&body.body.sections[2].blocks[0], Block::List(l) if !l.ordered && l.items.len() == 2)
        );
        let refs_text: Vec<&str> = body.reference_lines.iter().map(|l| l.text).collect();
        assert_eq!(refs_text, vec!["- مرجع تجريبي أول."]);
        let counts: Vec<(usize, usize, Option<usize>)> = body
            .body
            .pages
            .iter()
            .map(|p| (p.footnote_count, p.marker_count, p.footnote_zone_line))
            .collect();
        assert_eq!(
            counts,
            vec![(1, 1, Some(14)), (2, 2, Some(25)), (0, 0, None)]
        );
    }

    #[test]
    fn numbered_lines_are_headings_over_paragraphs_and_items_in_lists() {
        let src = "المبحث الأول: عنوان المبحث\n\nالمطلب الأول: عنوان المطلب\n\nومن أبرز النتائج ما يأتي:\n\n١. النتيجة الأولى هي كذا.\n٢. النتيجة الثانية هي كذا.\n\n١. العنوان الفرعي الأول\n\nفقرة طويلة تحت العنوان الفرعي الأول وهي تحتوي على كلمات كثيرة بما يكفي لتكون فقرة.\n\n٢. العنوان الفرعي الثاني:\n\nفقرة أخرى تحت العنوان الثاني.\n\n«هذا اقتباس منفصل عن النص بين علامتي تنصيص.»\n\nالمطلب الثاني : عنوان آخر\n\nنص.\n";
        let (body, _) = read(src);
        let outline: Vec<(u8, Option<String>, String)> = flat(&body.body.sections)
            .into_iter()
            .map(|(l, label, t, _, _)| (l, label, t))
            .collect();
        assert_eq!(
            outline,
            vec![
                (1, Some("المبحث الأول".into()), "عنوان المبحث".into()),
                (2, Some("المطلب الأول".into()), "عنوان المطلب".into()),
                (3, Some("١.".into()), "العنوان الفرعي الأول".into()),
                (3, Some("٢.".into()), "العنوان الفرعي الثاني".into()),
                (2, Some("المطلب الثاني".into()), "عنوان آخر".into()),
            ]
        );
        let matlab = &body.body.sections[0].sections[0];
        assert!(matches!(&matlab.blocks[0], Block::Paragraph(_)));
        assert!(
            matches!(&matlab.blocks[1], Block::List(l) if l.ordered && l.items[1].label.as_deref() == Some("٢."))
        );
        assert!(matches!(&matlab.sections[1].blocks[1], Block::Quote(_)));
    }

    #[test]
    fn english_unnumbered_sections_and_sentences_with_colons() {
        let src = "Introduction\n\nThe study opens here with a sentence that is long enough to read as text.\n\nHe said: this is not a heading at all.\n\nLiterature Review\n\nPrior studies exist and are described in a paragraph of reasonable length here.\n\nConclusion\n\nIt ends.\n";
        let (body, _) = read(src);
        let outline: Vec<(u8, String)> = flat(&body.body.sections)
            .into_iter()
            .map(|(l, _, t, _, _)| (l, t))
            .collect();
        assert_eq!(
            outline,
            vec![
                (1, "Introduction".to_string()),
                (1, "Literature Review".to_string()),
                (1, "Conclusion".to_string()),
            ]
        );
        let src = "المقدمة\n\nوهذا يعني: أن النص ليس عنواناً هنا.\n\nفقرة أخرى تتبعها.\n";
        let (body, _) = read(src);
        assert_eq!(body.body.sections.len(), 1);
        assert!(body.body.sections[0].sections.is_empty());
    }

    #[test]
    fn attaches_titled_reference_groups() {
        let (mut body, _) = read("Introduction\n\nText.\n\nReferences\n\nA. Book.\n");
        let group = |title: Option<&str>| ReferenceGroup {
            id: "refs1".into(),
            title: title.map(str::to_string),
            lang: None,
            references: Vec::new(),
            source: Some(Span::line(7)),
        };
        attach_reference_groups(
            &mut body.body,
            &[group(Some("Books")), group(None), group(Some("Web"))],
        );
        let refs = &body.body.sections[1];
        let subs: Vec<(&str, u8, SectionKind, String)> = refs
            .sections
            .iter()
            .map(|s| (s.id.as_str(), s.level, s.kind, s.title_text()))
            .collect();
        assert_eq!(
            subs,
            vec![
                (
                    "sec2-1",
                    2,
                    SectionKind::ReferenceGroup,
                    "Books".to_string()
                ),
                ("sec2-2", 2, SectionKind::ReferenceGroup, "Web".to_string()),
            ]
        );
    }

    #[test]
    fn keeps_preamble_and_start_line() {
        let src = "Title line\n\nAbstract text here.\n\nOpening paragraph before any heading.\n\nMethods\n\nWe did it.\n";
        let lines = text::lines(src);
        let pages = split_pages(&lines);
        let body = extract_body(&pages, 5);
        assert_eq!(body.body.blocks.len(), 1);
        assert_eq!(body.body.sections.len(), 1);
        assert_eq!(body.body.sections[0].kind, SectionKind::Methods);
    }

    /// Reads `src` with the body starting at the first line that starts with `start`.
    fn read_from(
        src: &'static str,
        start: &str,
    ) -> (BodyExtraction<'static>, Vec<PageLines<'static>>) {
        let lines: &'static [Line<'static>] = Box::leak(text::lines(src).into_boxed_slice());
        let first = lines
            .iter()
            .find(|l| l.text.starts_with(start))
            .map_or(1, |l| l.number);
        let pages = split_pages(lines);
        (extract_body(&pages, first), pages)
    }

    fn all_refs(sections: &[Section]) -> Vec<(String, Option<String>)> {
        let mut out = Vec::new();
        for s in sections {
            for b in &s.blocks {
                match b {
                    Block::Paragraph(p) => out.extend(refs(&p.content)),
                    Block::List(l) => l.items.iter().for_each(|i| out.extend(refs(&i.content))),
                    Block::Quote(q) => out.extend(refs(&q.content)),
                }
            }
            out.extend(all_refs(&s.sections));
        }
        out
    }

    #[test]
    fn front_matter_superscripts_are_not_markers() {
        // Affiliations under the names at the top of page 1, real notes at its bottom right
        // after the last text line.
        let src = "Tides and Towns\n\nLena Marsh¹, Tomas Ruiz²\n\n¹ Institute of Marine Policy, Harbour University, Portsmouth\n² Department of Geography, Inland College, Madrid\n\nAbstract: A short summary of what the paper does.\n\n1. Introduction\n\nPorts grew quickly after the canal opened,¹ and towns followed them inland.² The pattern held for most of a century and is traced below in some detail.\n¹ Ana Costa, Harbours (Lisbon: Mar, 1999), p. 4.\n² Ibid., p. 9.\n";
        let (body, pages) = read_from(src, "1. Introduction");
        assert!(body.warnings.is_empty(), "{:?}", body.warnings);
        assert_eq!(pages[0].footnote_zone_line(), Some(13));
        assert_eq!(body.body.pages[0].marker_count, 2);
        assert_eq!(
            all_refs(&body.body.sections),
            vec![
                ("¹".to_string(), Some("fn1".to_string())),
                ("²".to_string(), Some("fn2".to_string()))
            ]
        );
        // The same in Arabic with bracketed numbers, which are only markers when a note of
        // their number is on the page.
        let src = "المدن والموانئ\n\nد. سعاد كريم (1)، د. هادي ناصر (2)\n\n(1) جامعة البصرة، كلية الآداب\n(2) جامعة الموصل، كلية العلوم السياسية\n\nالملخص: يدرس البحث نمو الموانئ.\n\nالمقدمة\n\nنمت الموانئ بسرعة بعد افتتاح القناة(1)، وتبعتها المدن في الداخل(2) على امتداد قرن كامل من الزمن.\n(1) سامي يوسف، الموانئ، بغداد، ٢٠٠١، ص ٤.\n(2) المصدر نفسه، ص ٩.\n";
        let (body, _) = read_from(src, "المقدمة");
        assert!(body.warnings.is_empty(), "{:?}", body.warnings);
        assert_eq!(body.body.pages[0].marker_count, 2);
        let ids: Vec<Option<String>> = all_refs(&body.body.sections)
            .into_iter()
            .map(|(_, id)| id)
            .collect();
        assert_eq!(ids, vec![Some("fn1".into()), Some("fn2".into())]);
    }

    #[test]
    fn notes_right_after_a_reference_list_are_not_references() {
        let src = "1. Findings\n\nThe results are clear and are summarized in the paragraph that follows here.\n\n\n\nIt ends with a last claim¹ that needs its own note.²\n\nReferences\n\n1. Adams, R. (2001). Old Ports. London: Sea Press.\n2. Baker, T. (2010). New Ports. York: Dock Books.\n¹ Interview with a harbour master, 2020.\n² Port authority, Annual Report, 2019, p. 3.\n";
        let (body, pages) = read(src);
        assert_eq!(pages.len(), 2);
        assert!(body.warnings.is_empty(), "{:?}", body.warnings);
        let refs_text: Vec<&str> = body.reference_lines.iter().map(|l| l.text).collect();
        assert_eq!(
            refs_text,
            vec![
                "1. Adams, R. (2001). Old Ports. London: Sea Press.",
                "2. Baker, T. (2010). New Ports. York: Dock Books."
            ]
        );
        let notes: Vec<(usize, u32)> = body.footnotes.iter().map(|f| (f.page, f.number)).collect();
        assert_eq!(notes, vec![(2, 1), (2, 2)]);
    }

    #[test]
    fn roman_letter_and_number_headings_nest_in_that_order() {
        let src = "I. Introduction\n\nThe opening part sets out the question in a paragraph of ordinary length.\n\nII. The Setting\n\nA. Geography of the Coast\n\nThe coast runs north to south and its towns sit at the mouths of rivers.\n\n1. Northern Towns\n\nThe northern towns are small and depend on fishing for most of their income.\n\n2. Southern Towns\n\nThe southern towns trade with the interior and have grown faster since the war.\n\nB. Climate\n\nThe climate is mild, with rain in winter and dry summers along the whole coast.\n\nIII. Conclusion\n\nIt ends.\n";
        let (body, _) = read(src);
        let outline: Vec<(u8, Option<String>)> = flat(&body.body.sections)
            .into_iter()
            .map(|(l, label, _, _, _)| (l, label))
            .collect();
        let expect = [
            (1, "I."),
            (1, "II."),
            (2, "A."),
            (3, "1."),
            (3, "2."),
            (2, "B."),
            (1, "III."),
        ];
        let expect: Vec<(u8, Option<String>)> = expect
            .iter()
            .map(|(l, s)| (*l, Some(s.to_string())))
            .collect();
        assert_eq!(outline, expect);
        assert_eq!(body.body.sections[2].kind, SectionKind::Conclusion);
    }

    #[test]
    fn ordinal_main_sections_and_stacked_headings() {
        // `مقدمة`, `أولاً`, `ثانياً`, `خاتمة`: the ordinal parts are the introduction's siblings.
        let src = "مقدمة\n\nيتناول البحث مسألة قديمة من زاوية جديدة في هذه الفقرة القصيرة جدا.\n\nأولاً: الأسواق في الريف\n\nكانت الأسواق الأسبوعية تعقد في الريف كل أسبوع وتجمع الناس من القرى المجاورة.\n\nثانياً: الضرائب\n\nفرضت الإدارة ضرائب على الأسواق وجعلتها موردا ثابتا لخزينتها في تلك المدة.\n\nخاتمة\n\nانتهى البحث.\n";
        let (body, _) = read(src);
        let levels: Vec<u8> = flat(&body.body.sections)
            .into_iter()
            .map(|(l, ..)| l)
            .collect();
        assert_eq!(levels, vec![1, 1, 1, 1]);
        // A short heading over an ordinal one, no blank line between: both are headings.
        let src = "مقدمة\n\nيتناول البحث مسألة قديمة من زاوية جديدة في هذه الفقرة القصيرة جدا.\n\nالإطار النظري\nأولاً: مفهوم التعلم\nيعرف التعلم بأنه صيغة تعليمية يندمج فيها التعلم الإلكتروني مع التعلم الصفي التقليدي.\nثانياً: مهارات التفكير\nتتعدد تصنيفات مهارات التفكير غير أن أكثرها شيوعا في الدراسات العربية يشمل خمسا.\n\nمنهج البحث\n\nاستخدم البحث المنهج شبه التجريبي على عينة من طلاب الصف الأول الثانوي في مدرستين من مدارس المدينة الكبيرة.\n";
        let (body, _) = read(src);
        let outline: Vec<(u8, String)> = flat(&body.body.sections)
            .into_iter()
            .map(|(l, _, t, _, _)| (l, t))
            .collect();
        assert_eq!(
            outline,
            [
                (1, "مقدمة".to_string()),
                (1, "الإطار النظري".to_string()),
                (2, "مفهوم التعلم".to_string()),
                (2, "مهارات التفكير".to_string()),
                (1, "منهج البحث".to_string()),
            ]
        );
    }

    #[test]
    fn numbered_main_sections_after_an_unnumbered_introduction() {
        // `Introduction`, `I.`, `II.`, `Conclusion`: the Roman parts are its siblings.
        let src = "Introduction\n\nThe question is old, and this paper takes it up again from a new angle here.\n\nI. The Setting\n\nA. Rivers\n\nRivers carry the trade of the interior down to the coast in most seasons of the year.\n\nB. Roads\n\nRoads were built late and carried little of the trade until the railways arrived.\n\nII. The Reforms\n\nThe reforms came in two waves, each with its own aims and its own failures.\n\nConclusion\n\nIt ends.\n";
        let (body, _) = read(src);
        let outline: Vec<(u8, Option<String>, String)> = flat(&body.body.sections)
            .into_iter()
            .map(|(l, label, t, _, _)| (l, label, t))
            .collect();
        let expect: Vec<(u8, Option<String>, String)> = [
            (1, None, "Introduction"),
            (1, Some("I."), "The Setting"),
            (2, Some("A."), "Rivers"),
            (2, Some("B."), "Roads"),
            (1, Some("II."), "The Reforms"),
            (1, None, "Conclusion"),
        ]
        .iter()
        .map(|(l, label, t)| (*l, label.map(str::to_string), t.to_string()))
        .collect();
        assert_eq!(outline, expect);
        // Numbered parts of an Arabic introduction stay under it.
        let src = "المقدمة\n\nيتناول البحث مسألة قديمة من زاوية جديدة في هذه الفقرة القصيرة.\n\n١. أهمية البحث\n\nتكمن أهمية البحث في جدته وفي حاجة المكتبة إليه منذ مدة طويلة من الزمن.\n\n٢. مشكلة البحث\n\nتتمثل مشكلة البحث في السؤال الآتي عن أسباب الإصلاح وحدوده ونتائجه.\n\nالخاتمة\n\nانتهى البحث.\n";
        let (body, _) = read(src);
        let levels: Vec<u8> = flat(&body.body.sections)
            .into_iter()
            .map(|(l, ..)| l)
            .collect();
        assert_eq!(levels, vec![1, 2, 2, 1]);
    }

    #[test]
    fn dotted_numbers_nest_by_their_depth() {
        let src = "1. Introduction\n\nThe opening paragraph states the aim of the paper in a plain way.\n\n1.1 Data\n\nThe data are council minutes and interviews with officials in twelve towns.\n\n1.2. Cases\n\nThe cases were chosen for their size and for the reform model they followed.\n\n1.2.1 Small towns\n\nSmall towns kept one operator and did not split billing from operation at all.\n\n2. Findings\n\nThe findings are summarized here in a paragraph of ordinary length for a test.\n";
        let (body, _) = read(src);
        let outline: Vec<(u8, Option<String>)> = flat(&body.body.sections)
            .into_iter()
            .map(|(l, label, ..)| (l, label))
            .collect();
        let expect: Vec<(u8, Option<String>)> =
            [(1, "1."), (2, "1.1"), (2, "1.2."), (3, "1.2.1"), (1, "2.")]
                .iter()
                .map(|(l, s)| (*l, Some(s.to_string())))
                .collect();
        assert_eq!(outline, expect);
        // Arabic-Indic numbers, the subsection first printed without its parent's style seen
        // at a deeper level.
        let src = "١. الإطار النظري\n\nفقرة تمهيدية طويلة بما يكفي لتكون نصاً جارياً تحت العنوان الأول هنا.\n\n١.١. المفهوم\n\nفقرة أخرى طويلة بما يكفي لتكون نصاً جارياً تحت العنوان الفرعي الأول.\n\n١.٢ الخصائص\n\nفقرة ثالثة طويلة بما يكفي لتكون نصاً جارياً تحت العنوان الفرعي الثاني.\n";
        let (body, _) = read(src);
        let levels: Vec<u8> = flat(&body.body.sections)
            .into_iter()
            .map(|(l, ..)| l)
            .collect();
        assert_eq!(levels, vec![1, 2, 2]);
    }

    #[test]
    fn a_source_section_is_not_the_reference_list() {
        let src = "Introduction\n\nThe paper opens with a plain paragraph that is long enough to be running text.\n\nSources of the data\n\nThe data come from council minutes kept in twelve towns over a whole decade of reform.\n\nReferences\n\nAdams, R. (2001). Old Ports. London: Sea Press.\n";
        let (body, _) = read(src);
        let outline: Vec<(String, SectionKind)> = flat(&body.body.sections)
            .into_iter()
            .map(|(_, _, t, k, _)| (t, k))
            .collect();
        assert_eq!(
            outline,
            vec![
                ("Introduction".to_string(), SectionKind::Introduction),
                ("References".to_string(), SectionKind::References)
            ]
        );
        assert_eq!(body.reference_lines.len(), 1);
    }

    /// A compiled issue: the second paper's introduction, on a page of its own, ends the first
    /// paper's reference list, and both papers' lists are read.
    #[test]
    fn a_colophon_labelled_author_closes_the_reference_list() {
        let src = "Ports\n\nIntroduction\n\nThis paper on ports opens with a plain paragraph that is long enough to be running text.\n\nReferences\n\nAdams, R. (2001). Old ports. London: Sea Press.\nBaker, S. (2003). New ports. Leeds: Tide Press.\n\nAuthor: Ruth Adams\nTitle: Ports\nEditor: Prof. Sam Lee\nISSN: 1234-5678\n";
        let (body, _) = read(src);
        let refs: Vec<&str> = body
            .reference_lines
            .iter()
            .map(|l| l.text)
            .filter(|t| !t.is_empty())
            .collect();
        assert_eq!(
            refs,
            vec![
                "Adams, R. (2001). Old ports. London: Sea Press.",
                "Baker, S. (2003). New ports. Leeds: Tide Press."
            ]
        );
    }

    #[test]
    fn an_introduction_after_a_reference_list_opens_the_next_paper() {
        let paper = |title: &str, topic: &str, author: &str| {
            format!("{title}\n\nIntroduction\n\nThis paper on {topic} opens with a plain paragraph that is long enough to be running text.\n\nReferences\n\n{author}, R. (2001). Old {topic}. London: Sea Press. <https://example.org/{topic}>\n")
        };
        let src = format!(
            "{}\n\n\n\n{}",
            paper("Ports", "ports", "Adams"),
            paper("Canals of the north\nand their towns", "canals", "Baker")
        );
        let src: &'static str = Box::leak(src.into_boxed_str());
        let (body, _) = read(src);
        let kinds: Vec<SectionKind> = flat(&body.body.sections)
            .into_iter()
            .map(|(_, _, _, k, _)| k)
            .collect();
        assert_eq!(
            kinds,
            vec![
                SectionKind::Introduction,
                SectionKind::References,
                SectionKind::Introduction,
                SectionKind::References
            ]
        );
        let refs: Vec<&str> = body.reference_lines.iter().map(|l| l.text).collect();
        // The second paper's title lines stay with the first list (no paper splitting yet);
        // its running text does not.
        assert!(refs[0].starts_with("Adams"), "{refs:?}");
        assert!(
            refs.last().is_some_and(|r| r.starts_with("Baker")),
            "{refs:?}"
        );
        assert!(
            !refs.iter().any(|r| r.contains("plain paragraph")),
            "{refs:?}"
        );
    }

    /// The reference-list headings of English, French, German and Arabic papers, and one set
    /// in simulated bold (every letter doubled), open the reference list; `Literature review`
    /// does not.
    #[test]
    fn reference_list_headings_of_every_language() {
        for heading in [
            "References",
            "Literature",
            "LITERATURE",
            "Bibliography",
            "Bibliographical references",
            "Works cited",
            "Literatur",
            "Literaturverzeichnis",
            "Bibliographie",
            "Références",
            "Références bibliographiques",
            "قائمة المصادر والمراجع",
            "RREEFFEERREENNCCEESS",
            "BBIIBBLLIIOOGGRRAAPPHHYY",
        ] {
            let src = format!("Introduction\n\nThe paper opens with a plain paragraph that is long enough to be running text.\n\n{heading}\n\nAdams, R. (2001). Old Ports. London: Sea Press.\n");
            let src: &'static str = Box::leak(src.into_boxed_str());
            let (body, _) = read(src);
            assert_eq!(body.reference_lines.len(), 1, "{heading}");
        }
        let (body, _) = read("Introduction\n\nThe paper opens with a plain paragraph that is long enough to be running text.\n\nLiterature review\n\nAdams (2001) found that old ports decline when the river silts up.\n");
        assert!(body.reference_lines.is_empty());
        assert_eq!(
            undoubled("RREEFFEERREENNCCEESS").as_deref(),
            Some("REFERENCES")
        );
        assert_eq!(
            undoubled("WWOORRKKSS CCIITTEEDD").as_deref(),
            Some("WORKS CITED")
        );
        assert_eq!(undoubled("Bookkeeping"), None);
        assert_eq!(undoubled("EE"), None);
    }

    /// A table of contents without page numbers, under its heading or without one, is no
    /// part of the body: its `References` entry does not open the reference list.
    #[test]
    fn contents_without_page_numbers_do_not_open_the_reference_list() {
        let body_text = "\n1. Introduction\nThe paper opens with a plain paragraph that is long enough to be running text.\n\n2. Ports\nMore running text follows in the second section of the paper here.\n\nReferences\nAdams, R. (2001). Old Ports. London: Sea Press.\n";
        for toc in [
            "Table of Contents\n1. Introduction\n2. Ports\n2.1 The quays of the south\nReferences\nAuthor\n",
            "1. Introduction\n2. Ports\n2.1 The quays of the south\nReferences\nAuthor\n",
        ] {
            let src = format!("Harbours\n\n{toc}{body_text}");
            let src: &'static str = Box::leak(src.into_boxed_str());
            let (body, _) = read(src);
            let refs: Vec<&str> = body.reference_lines.iter().map(|l| l.text).collect();
            assert_eq!(refs, vec!["Adams, R. (2001). Old Ports. London: Sea Press."], "{toc}");
        }
        // A numbered reference list in one block is no table of contents.
        let src = "Harbours\n\n1. Introduction\nThe paper opens with a plain paragraph that is long enough to be running text.\n\nReferences\n1. Adams R (2001) Old Ports of the\nnorth. Sea Rev 3:1-9\n2. Baker T (2010) New Ports\n3. Cole M (2012) Quays\n4. Dunn K (2014) Docks\n";
        let (body, _) = read(src);
        assert_eq!(body.reference_lines.len(), 5);
    }

    #[test]
    fn notes_called_only_by_the_names_are_not_footnotes() {
        // Names long enough to look like running text, their affiliations at the page
        // bottom, and one real note.
        let src = "Harbours in Transition\n\nHelena M. Varga¹, Kofi B. Mensah², Jonathan P. Richardson³\n\nIntroduction\n\nThe harbours of the coast changed hands three times in the last century,¹ and each change left its mark on the towns around them.\n\n¹ Harbour records, 1950, p. 2.\n² Department of Geography, University of the North\n³ School of Law, University of the South\n";
        let (body, _) = read_from(src, "Introduction");
        assert!(body.warnings.is_empty(), "{:?}", body.warnings);
        let notes: Vec<(&str, u32)> = body
            .footnotes
            .iter()
            .map(|f| (f.id.as_str(), f.number))
            .collect();
        assert_eq!(notes, vec![("fn1", 1)]);
        assert_eq!(body.body.pages[0].footnote_count, 1);
    }

    #[test]
    fn a_ninth_letter_is_not_a_roman_one() {
        let mut src = String::from("I. Cases\n\nThe cases are listed one by one below, each under its own letter here.\n\n");
        for c in 'A'..='I' {
            src.push_str(&format!("{c}. Town {c}\n\nThe town grew along the river and kept its harbour open through the war.\n\n"));
        }
        src.push_str("II. Results\n\nThe results follow from the cases above and are set out in this part.\n");
        let src: &'static str = Box::leak(src.into_boxed_str());
        let (body, _) = read(src);
        let levels: Vec<u8> = flat(&body.body.sections)
            .into_iter()
            .map(|(l, ..)| l)
            .collect();
        assert_eq!(levels, vec![1, 2, 2, 2, 2, 2, 2, 2, 2, 2, 1]);
    }

    #[test]
    fn the_page_type_makes_headings_and_their_levels() {
        // Sections set large and bold, subsections smaller and bold, over running text:
        // two stacked headings with no blank line and no colon are headings only by type.
        let src: &[(&str, f32, bool)] = &[
            ("Introduction", 17.0, true),
            (
                "Ports grew quickly after the canal opened, and the towns followed them inland.",
                12.0,
                false,
            ),
            ("", 12.0, false),
            ("Theoretical frame", 17.0, true),
            ("Harbour trade", 14.0, true),
            (
                "Trade grew along the river, and the harbour kept its quays open through",
                12.0,
                false,
            ),
            (
                "the long war that closed the other ports of the coast.",
                12.0,
                false,
            ),
            ("Harbour towns", 14.0, true),
            (
                "The towns kept their markets and their guilds, and they grew with the",
                12.0,
                false,
            ),
            ("trade of the harbour over most of a century.", 12.0, false),
            ("Method", 17.0, true),
            (
                "We read the harbour books of every year and counted the ships they list.",
                12.0,
                false,
            ),
        ];
        let lines: Vec<Line<'static>> = src
            .iter()
            .enumerate()
            .map(|(k, &(text, font_size, bold))| {
                let layout: &'static crate::extract::input::LineLayout =
                    Box::leak(Box::new(crate::extract::input::LineLayout {
                        font_size,
                        bold,
                        ..Default::default()
                    }));
                Line {
                    number: k + 1,
                    text,
                    layout: (!text.is_empty()).then_some(layout),
                }
            })
            .collect();
        let read = |lines: Vec<Line<'static>>| {
            let lines: &'static [Line<'static>] = Box::leak(lines.into_boxed_slice());
            let body = extract_body(&split_pages(lines), 1);
            flat(&body.body.sections)
                .into_iter()
                .map(|(level, _, title, ..)| (level, title))
                .collect::<Vec<_>>()
        };
        let by_type = read(lines.clone());
        let expect = |v: &[(u8, &str)]| -> Vec<(u8, String)> {
            v.iter().map(|&(l, t)| (l, t.to_string())).collect()
        };
        assert_eq!(
            by_type,
            expect(&[
                (1, "Introduction"),
                (1, "Theoretical frame"),
                (2, "Harbour trade"),
                (2, "Harbour towns"),
                (1, "Method")
            ])
        );
        // As flat text the stacked lines read as running text.
        let plain = read(
            lines
                .into_iter()
                .map(|l| Line { layout: None, ..l })
                .collect(),
        );
        assert!(
            !plain.iter().any(|(_, t)| t == "Harbour trade"),
            "{plain:?}"
        );
    }
}

#[cfg(test)]
mod endnote_tests {
    use super::*;
    use crate::extract::{pages::split_pages, text};
    use crate::model::{inline_text, NotePlacement};
    use crate::model::{Block, Inline, Section, Span};

    fn read(src: &'static str) -> BodyExtraction<'static> {
        let lines: &'static [Line<'static>] = Box::leak(text::lines(src).into_boxed_slice());
        let pages: &'static [PageLines<'static>] = Box::leak(split_pages(lines).into_boxed_slice());
        extract_body(pages, 1)
    }

    fn kinds(sections: &[Section]) -> Vec<(String, SectionKind)> {
        sections
            .iter()
            .flat_map(|s| std::iter::once((s.title_text(), s.kind)).chain(kinds(&s.sections)))
            .collect()
    }

    fn markers(sections: &[Section]) -> Vec<(String, Option<String>)> {
        let mut out = Vec::new();
        for s in sections {
            for b in &s.blocks {
                if let Block::Paragraph(p) = b {
                    for i in &p.content {
                        if let Inline::FootnoteRef {
                            marker,
                            footnote_id,
                        } = i
                        {
                            out.push((marker.clone(), footnote_id.clone()));
                        }
                    }
                }
            }
            out.extend(markers(&s.sections));
        }
        out
    }

    fn running_text(sections: &[Section]) -> String {
        let mut out = String::new();
        for s in sections {
            for b in &s.blocks {
                if let Block::Paragraph(p) = b {
                    out.push_str(&inline_text(&p.content));
                    out.push('\n');
                }
            }
            out.push_str(&running_text(&s.sections));
        }
        out
    }

    const ARABIC: &str = "المقدمة\n\nشهدت المدينة في عام (٢٠١٤) نزوح (120) أسرة على الأقل (١)، وتبع ذلك تدخل واسع للهيئات المحلية في المدينة (٢).\n\nالمحور الأول: الاستجابة\n\nتباينت الاستجابة بين المحافظات تبايناً كبيراً في السنوات التالية(٣).\n\n\u{0C}الهوامش\n\n(١) خالد يوسف الربيعي، المدن والنزوح، دار الرافدين، بغداد،\n٢٠٢٠، ص ٣١.\n(٢) المصدر نفسه، ص ٤٤.\n(٣) ليلى حسن، الاستجابة المحلية، مجلة الدراسات\n\u{0C}الاجتماعية، العدد ٩، ٢٠٢١، ص ٧.\n\nالمصادر\n\n١- الربيعي، خالد يوسف. (٢٠٢٠). المدن والنزوح. بغداد: دار الرافدين.\n";

    #[test]
    fn arabic_endnotes_under_their_heading() {
        let body = read(ARABIC);
        assert!(body.warnings.is_empty(), "{:?}", body.warnings);
        let notes: Vec<(&str, usize, &str, u32, NotePlacement)> = body
            .footnotes
            .iter()
            .map(|f| {
                (
                    f.id.as_str(),
                    f.page,
                    f.label.as_str(),
                    f.number,
                    f.placement,
                )
            })
            .collect();
        assert_eq!(
            notes,
            vec![
                ("fn1", 2, "١", 1, NotePlacement::End),
                ("fn2", 2, "٢", 2, NotePlacement::End),
                ("fn3", 2, "٣", 3, NotePlacement::End),
            ]
        );
        // Wrapped and carried over the page break, joined, label removed.
        assert_eq!(
            body.footnotes[0].text,
            "خالد يوسف الربيعي، المدن والنزوح، دار الرافدين، بغداد، ٢٠٢٠، ص ٣١."
        );
        assert_eq!(
            body.footnotes[2].text,
            "ليلى حسن، الاستجابة المحلية، مجلة الدراسات الاجتماعية، العدد ٩، ٢٠٢١، ص ٧."
        );
        assert_eq!(body.footnotes[2].source, Span::lines(14, 15));
        assert_eq!(
            markers(&body.body.sections),
            vec![
                ("(١)".to_string(), Some("fn1".to_string())),
                ("(٢)".to_string(), Some("fn2".to_string())),
                ("(٣)".to_string(), Some("fn3".to_string())),
            ]
        );
        let text = running_text(&body.body.sections);
        assert!(text.contains("(٢٠١٤)") && text.contains("(120)"), "{text}");
        assert!(
            !text.contains("الربيعي"),
            "notes leaked into the body: {text}"
        );
        let k = kinds(&body.body.sections);
        assert_eq!(
            k.iter().map(|(_, k)| *k).collect::<Vec<_>>(),
            vec![
                SectionKind::Introduction,
                SectionKind::Other,
                SectionKind::Notes,
                SectionKind::References
            ]
        );
        // The reference list still goes to the references reader.
        let refs: Vec<&str> = body
            .reference_lines
            .iter()
            .filter(|l| !l.is_blank())
            .map(|l| l.text)
            .collect();
        assert_eq!(
            refs,
            vec!["١- الربيعي، خالد يوسف. (٢٠٢٠). المدن والنزوح. بغداد: دار الرافدين."]
        );
        let per_page: Vec<(usize, usize)> = body
            .body
            .pages
            .iter()
            .map(|p| (p.footnote_count, p.marker_count))
            .collect();
        assert_eq!(per_page, vec![(0, 3), (3, 0), (0, 0)]);
    }

    const ENGLISH: &str = "Introduction\n\nCities grew fast after the reform,¹ and the census of 2011 counted 3 districts.² Later surveys disagree.⁵\n\nDiscussion\n\nThe figures are weak,³ as the next section shows.\n\nNotes\n\n1. R. Hale, Cities and Reform (York: Dock Press, 2010), 14.\n2. Ibid., 20.\n3. M. Ortiz, \"Counting Districts,\" Urban Review 4 (2015): 2-9,\nhttps://example.org/ortiz\n4. A note nobody calls.\n\nReferences\n\nHale, R. (2010). Cities and Reform. York: Dock Press.\n";

    #[test]
    fn english_notes_section_with_superscript_markers() {
        let body = read(ENGLISH);
        let notes: Vec<(&str, u32, &str)> = body
            .footnotes
            .iter()
            .map(|f| (f.id.as_str(), f.number, f.text.as_str()))
            .collect();
        assert_eq!(
            notes,
            vec![
                (
                    "fn1",
                    1,
                    "R. Hale, Cities and Reform (York: Dock Press, 2010), 14."
                ),
                ("fn2", 2, "Ibid., 20."),
                (
                    "fn3",
                    3,
                    "M. Ortiz, \"Counting Districts,\" Urban Review 4 (2015): 2-9, https://example.org/ortiz"
                ),
                ("fn4", 4, "A note nobody calls."),
            ]
        );
        assert!(body
            .footnotes
            .iter()
            .all(|f| f.placement == NotePlacement::End));
        assert_eq!(
            markers(&body.body.sections),
            vec![
                ("¹".to_string(), Some("fn1".to_string())),
                ("²".to_string(), Some("fn2".to_string())),
                ("⁵".to_string(), None),
                ("³".to_string(), Some("fn3".to_string())),
            ]
        );
        let codes: Vec<&str> = body.warnings.iter().map(|w| w.code.as_str()).collect();
        assert_eq!(
            codes,
            vec!["marker-without-footnote", "footnote-without-marker"]
        );
        assert_eq!(
            kinds(&body.body.sections).last(),
            Some(&("References".to_string(), SectionKind::References))
        );
    }

    #[test]
    fn notes_as_an_ordinary_word_is_no_endnotes_section() {
        let src: &'static str = "Introduction\n\nWe interviewed officials (1) in the capital and (2) in the provinces.\n\nNotes on method\n\n1. Interviews were recorded with consent.\n2. Names are withheld.\n\nNotes\n\nThe appendix lists the questions asked in each interview round.\n";
        let body = read(src);
        assert!(body.footnotes.is_empty(), "{:?}", body.footnotes);
        assert!(markers(&body.body.sections).is_empty());
        let k = kinds(&body.body.sections);
        assert!(k.iter().all(|(_, k)| *k != SectionKind::Notes), "{k:?}");
        let text = running_text(&body.body.sections);
        assert!(text.contains("questions asked"), "{text}");
        assert!(text.contains("(1) in the capital"), "{text}");
    }

    #[test]
    fn page_footnotes_and_endnotes_in_one_paper() {
        let src: &'static str = "المقدمة\n\nيرى الباحثون أن الإصلاح الإداري تأخر كثيراً في المحافظات الجنوبية⁽¹⁾ بسبب ضعف التمويل (١)، وأن الرقابة غابت عن المشاريع (٢).\n\n⁽¹⁾ يقصد بالإصلاح هنا إعادة توزيع الصلاحيات.\n\u{0C}الخاتمة\n\nانتهى البحث إلى نتائج محددة.\n\nالهوامش\n\n(١) عمر فاضل، الإدارة المحلية، بغداد، ٢٠١٩، ص ٨.\n(٢) المصدر نفسه، ص ١٢.\n";
        let body = read(src);
        assert!(body.warnings.is_empty(), "{:?}", body.warnings);
        let notes: Vec<(&str, usize, NotePlacement)> = body
            .footnotes
            .iter()
            .map(|f| (f.id.as_str(), f.page, f.placement))
            .collect();
        assert_eq!(
            notes,
            vec![
                ("fn1", 1, NotePlacement::Foot),
                ("fn2", 2, NotePlacement::End),
                ("fn3", 2, NotePlacement::End),
            ]
        );
        let ids: Vec<Option<String>> = markers(&body.body.sections)
            .into_iter()
            .map(|(_, id)| id)
            .collect();
        assert_eq!(
            ids,
            vec![
                Some("fn1".to_string()),
                Some("fn2".to_string()),
                Some("fn3".to_string())
            ]
        );
    }

    #[test]
    fn a_mixed_heading_without_called_notes_stays_the_reference_list() {
        let src: &'static str = "المقدمة\n\nنص البحث من دون إحالات مرقمة في المتن.\n\nالهوامش والمصادر\n\n(١) كتاب أول، بغداد، ٢٠١٠.\n(٢) كتاب ثان، القاهرة، ٢٠١٢.\n";
        let body = read(src);
        assert!(body.footnotes.is_empty());
        assert_eq!(
            kinds(&body.body.sections).last().map(|(_, k)| *k),
            Some(SectionKind::References)
        );
        assert_eq!(
            body.reference_lines
                .iter()
                .filter(|l| !l.is_blank())
                .count(),
            2
        );
    }
}
