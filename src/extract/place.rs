//! The place of every extracted unit on its page: one pass over the document that gives each
//! source span the page of its first line and the box of its lines on that page, from the
//! layout the reader saw (a PDF's). Input without layout keeps spans of lines alone.

use super::input::PagedInput;
use crate::model::{Block, BoundingBox, Document, Section, Span};
use std::collections::HashMap;

/// Page and box of each laid-out line, by line number.
struct Places(HashMap<usize, (usize, BoundingBox)>);

impl Places {
    fn of(input: &PagedInput) -> Places {
        let mut map = HashMap::new();
        for page in &input.pages {
            for line in &page.lines {
                if let Some(layout) = &line.layout {
                    map.insert(line.number, (page.number, layout.bbox));
                }
            }
        }
        Places(map)
    }

    fn fill(&self, span: &mut Span) {
        let Some(&(page, first)) = (span.line..=span.end_line).find_map(|n| self.0.get(&n)) else {
            return;
        };
        let bbox = (span.line..=span.end_line)
            .filter_map(|n| self.0.get(&n))
            .filter(|(p, _)| *p == page)
            .fold(first, |acc, (_, b)| acc.union(*b));
        span.page = Some(page);
        span.bbox = Some(bbox);
    }

    fn fill_opt(&self, span: &mut Option<Span>) {
        if let Some(s) = span {
            self.fill(s);
        }
    }

    fn blocks(&self, blocks: &mut [Block]) {
        for block in blocks {
            match block {
                Block::Paragraph(p) => self.fill(&mut p.source),
                Block::List(l) => {
                    self.fill(&mut l.source);
                    for item in &mut l.items {
                        self.fill(&mut item.source);
                    }
                }
                Block::Quote(q) => self.fill(&mut q.source),
            }
        }
    }

    fn sections(&self, sections: &mut [Section]) {
        for s in sections {
            self.fill(&mut s.source);
            self.blocks(&mut s.blocks);
            self.sections(&mut s.sections);
        }
    }
}

/// Gives every span of the document its page and box where the input has layout.
pub fn place_spans(doc: &mut Document, input: &PagedInput) {
    let places = Places::of(input);
    if places.0.is_empty() {
        return;
    }
    let front = &mut doc.front;
    for t in front.titles.iter_mut().chain(front.abstracts.iter_mut()) {
        places.fill_opt(&mut t.source);
    }
    for c in &mut front.contributors {
        places.fill_opt(&mut c.source);
    }
    for a in &mut front.affiliations {
        places.fill_opt(&mut a.source);
    }
    for k in &mut front.keywords {
        places.fill_opt(&mut k.source);
    }
    for n in &mut front.author_notes {
        places.fill_opt(&mut n.source);
    }
    for h in &mut front.publication.history {
        places.fill_opt(&mut h.source);
    }
    for p in &mut doc.body.pages {
        places.fill(&mut p.source);
    }
    places.blocks(&mut doc.body.blocks);
    places.sections(&mut doc.body.sections);
    for f in &mut doc.back.footnotes {
        places.fill(&mut f.source);
    }
    for g in &mut doc.back.reference_groups {
        places.fill_opt(&mut g.source);
        for r in &mut g.references {
            places.fill(&mut r.source);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::input::{LineLayout, SourceLine, SourcePage};

    #[test]
    fn spans_get_page_and_box_of_their_lines() {
        let line = |number: usize, y: f32| SourceLine {
            number,
            text: "x".into(),
            layout: Some(LineLayout {
                bbox: BoundingBox {
                    x0: 10.0,
                    y0: y,
                    x1: 100.0,
                    y1: y + 10.0,
                },
                ..Default::default()
            }),
        };
        let input = PagedInput {
            pages: vec![
                SourcePage {
                    number: 1,
                    lines: vec![line(1, 50.0), line(2, 62.0)],
                    size: None,
                },
                SourcePage {
                    number: 2,
                    lines: vec![line(3, 50.0)],
                    size: None,
                },
            ],
            ..Default::default()
        };
        let mut doc = Document::default();
        doc.back.footnotes.push(crate::model::Footnote {
            source: Span::lines(1, 3),
            ..Default::default()
        });
        place_spans(&mut doc, &input);
        let span = doc.back.footnotes[0].source;
        assert_eq!(span.page, Some(1));
        assert_eq!(
            span.bbox,
            Some(BoundingBox {
                x0: 10.0,
                y0: 50.0,
                x1: 100.0,
                y1: 72.0
            })
        );
        // Without layout nothing changes.
        let mut plain = Document::default();
        plain.back.footnotes.push(crate::model::Footnote {
            source: Span::line(1),
            ..Default::default()
        });
        place_spans(&mut plain, &PagedInput::default());
        assert_eq!(plain.back.footnotes[0].source, Span::line(1));
    }
}
