//! Blocks of running text: paragraphs (a short line that ends a sentence ends one), lists of
//! one kind of item, and quotations set apart.

use super::builder::Builder;
use super::headings::{classify, core_end, line_item_label, TERMINAL};
use crate::model::{Block, List, ListItem, Paragraph, Quote, Span};

impl<'a, 'm> Builder<'a, 'm> {
    /// The block that line `i` opens (a list item, a quotation or a paragraph); returns the
    /// next line to read.
    pub(super) fn block(&mut self, i: usize) -> usize {
        let text = self.lines.get(i).map_or("", |sl| sl.line.text);
        if self
            .lines
            .get(i)
            .is_some_and(|sl| line_item_label(&sl.line).is_some())
        {
            self.list(i)
        } else if is_quote_start(text) {
            self.quote(i)
        } else {
            self.paragraph(i, None)
        }
    }

    pub(super) fn push_block(&mut self, block: Block) {
        match self.flat.last_mut() {
            Some(section) => section.blocks.push(block),
            None => self.preamble.push(block),
        }
    }

    /// Whether line `k` continues the block above it (no blank line, not a heading or item).
    pub(super) fn continues(&self, k: usize) -> bool {
        let lines = self.lines;
        lines.get(k).is_some_and(|l| {
            !l.block_start && line_item_label(&l.line).is_none() && classify(lines, k).is_none()
        })
    }

    /// A paragraph from line `i` (from byte `from` for a run-in heading's line) to the end of
    /// its block. Inside a block of wrapped lines, a short line that ends a sentence ends the
    /// paragraph. Returns the next line to read.
    pub(super) fn paragraph(&mut self, i: usize, from: Option<usize>) -> usize {
        let lines = self.lines;
        let Some(first) = lines.get(i) else {
            return i + 1;
        };
        let mut end = i + 1;
        while self.continues(end) {
            end += 1;
        }
        let widest = lines
            .get(i..end)
            .unwrap_or_default()
            .iter()
            .map(|l| l.line.text.trim().chars().count())
            .max()
            .unwrap_or(0);
        let mut content = Vec::new();
        self.push_line(&mut content, first.line, from);
        let mut k = i + 1;
        while k < end {
            let prev = lines.get(k - 1).map(|l| l.line.text.trim()).unwrap_or("");
            if widest >= 60
                && prev.chars().count() * 10 < widest * 6
                && core_end(prev).ends_with(TERMINAL)
            {
                break;
            }
            if let Some(l) = lines.get(k) {
                self.push_line(&mut content, l.line, None);
            }
            k += 1;
        }
        let last = lines
            .get(k - 1)
            .map_or(first.line.number, |l| l.line.number);
        if !content.is_empty() {
            self.push_block(Block::Paragraph(Paragraph {
                content,
                source: Span::lines(first.line.number, last),
            }));
        }
        k
    }

    /// A list: items of one kind (ordered or bulleted), each with its wrapped lines; blank
    /// lines between items do not end it.
    pub(super) fn list(&mut self, i: usize) -> usize {
        let lines = self.lines;
        let Some(ordered) = lines
            .get(i)
            .and_then(|l| line_item_label(&l.line))
            .map(|l| l.ordered)
        else {
            return self.paragraph(i, None);
        };
        let mut items = Vec::new();
        let mut k = i;
        while let Some(sl) = lines.get(k) {
            let Some(label) = line_item_label(&sl.line).filter(|l| l.ordered == ordered) else {
                break;
            };
            if k > i && classify(lines, k).is_some() {
                break;
            }
            let mut content = Vec::new();
            self.push_line(&mut content, sl.line, Some(label.rest));
            let mut last = sl.line.number;
            k += 1;
            while self.continues(k) {
                if let Some(l) = lines.get(k) {
                    self.push_line(&mut content, l.line, None);
                    last = l.line.number;
                }
                k += 1;
            }
            items.push(ListItem {
                label: sl
                    .line
                    .text
                    .get(label.range.0..label.range.1)
                    .map(str::to_string),
                content,
                source: Span::lines(sl.line.number, last),
            });
        }
        if items.is_empty() {
            return self.paragraph(i, None);
        }
        let source = Span::lines(
            items.first().map_or(0, |it| it.source.line),
            items.last().map_or(0, |it| it.source.end_line),
        );
        self.push_block(Block::List(List {
            ordered,
            items,
            source,
        }));
        k
    }

    /// A quotation set apart: a block in quotation marks, or indented.
    pub(super) fn quote(&mut self, i: usize) -> usize {
        let lines = self.lines;
        let mut end = i + 1;
        while self.continues(end) {
            end += 1;
        }
        let mut content = Vec::new();
        for l in lines.get(i..end).unwrap_or_default() {
            self.push_line(&mut content, l.line, None);
        }
        let first = lines.get(i).map_or(0, |l| l.line.number);
        let last = lines.get(end - 1).map_or(first, |l| l.line.number);
        self.push_block(Block::Quote(Quote {
            content,
            source: Span::lines(first, last),
        }));
        end
    }
}

/// An indented line opens a quotation; so does a line that is a whole quotation by itself.
pub(super) fn is_quote_start(text: &str) -> bool {
    if text.starts_with("    ") || text.starts_with('\t') {
        return true;
    }
    let t = text.trim();
    let Some(open) = t.chars().next() else {
        return false;
    };
    let close = match open {
        '«' => '»',
        '“' => '”',
        '"' => '"',
        _ => return false,
    };
    // Markers and a full stop may follow the closing mark: `«...»⁽¹⁾.`
    let mut end = t;
    loop {
        let trimmed = end.trim_end_matches(['.', '،', ',', ' ']);
        let trimmed = match crate::extract::notelabels::scan_markers(trimmed).last() {
            Some(m) if m.end == trimmed.len() => trimmed.get(..m.start).unwrap_or(""),
            _ => trimmed,
        };
        if trimmed.len() == end.len() {
            break;
        }
        end = trimmed;
    }
    end.len() > open.len_utf8()
        && end.ends_with(close)
        && !end
            .get(open.len_utf8()..end.len() - close.len_utf8())
            .is_some_and(|inner| inner.contains(close))
}
