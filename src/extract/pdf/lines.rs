//! Glyphs → lines of one page: glyphs grouped by baseline (raised, smaller glyphs joined to
//! the line they mark, as superscripts), columns found by the gutter no line crosses, lines put
//! in reading order (column by column, right column first on right-to-left pages), words
//! spaced by the gaps between glyphs, each line read in logical order, and blank lines where
//! the vertical gap is wider than the page's line spacing.

use super::bidi::{classify, is_rtl_line, is_rtl_line_on, logical_order, mirror, Class};
use super::content::DrawnGlyph;
use super::fonts::Font;
use super::unicode::clean_glyph_text;
use crate::extract::input::LineLayout;
use crate::model::BoundingBox;
use unicode_normalization::UnicodeNormalization;

/// One glyph ready for layout.
#[derive(Debug, Clone)]
struct Cell {
    text: String,
    x0: f32,
    x1: f32,
    y: f32,
    size: f32,
    font: usize,
    raised: bool,
    /// A glyph with no text of its own (an unmapped glyph, a kashida): it takes room on the
    /// line, so no word space is seen across it, but adds no text.
    filler: bool,
}

impl Cell {
    fn is_space(&self) -> bool {
        !self.filler && self.text.chars().all(char::is_whitespace)
    }
}

/// A line laid out on its page: its text in logical order and how it is set.
#[derive(Debug, Clone, PartialEq)]
pub struct LaidLine {
    /// The text; empty for a blank line (a paragraph or block break).
    pub text: String,
    /// How it is set (absent for a blank line).
    pub layout: Option<LineLayout>,
}

/// What a page's glyphs give.
#[derive(Debug, Default)]
pub struct PageText {
    /// The lines in reading order, blank lines between blocks.
    pub lines: Vec<LaidLine>,
    /// Glyphs drawn with no text the font could name.
    pub unmapped: usize,
    /// Glyphs with text.
    pub mapped: usize,
    /// The x of the gutter between the page's two columns, if it has two.
    pub gutter: Option<f32>,
}

fn is_mark(text: &str) -> bool {
    !text.is_empty()
        && text.chars().all(|c| {
            matches!(c as u32, 0x0300..=0x036F | 0x064B..=0x065F | 0x0670 | 0x06D6..=0x06ED | 0x08D3..=0x08FF)
        })
}

/// A glyph's place in the frame where glyphs of its turn stand upright: `(x, y)` and the
/// frame's width and height.
fn turned(g: &DrawnGlyph, turns: u8, page: (f32, f32)) -> (f32, f32, (f32, f32)) {
    let (w, h) = page;
    match turns {
        1 => (h - g.y, g.x, (h, w)),
        2 => (w - g.x, h - g.y, (w, h)),
        3 => (g.y, w - g.x, (h, w)),
        _ => (g.x, g.y, (w, h)),
    }
}

/// Glyphs → cells: the glyphs of one turn on the page, in the frame where they stand upright,
/// text cleaned, combining marks joined to the glyph they sit on, overprinted copies
/// (simulated bold) dropped.
fn cells(
    glyphs: &[DrawnGlyph],
    turns: u8,
    page: (f32, f32),
    text: &mut PageText,
) -> (Vec<Cell>, (f32, f32)) {
    let mut out: Vec<Cell> = Vec::with_capacity(glyphs.len());
    // Combining marks, with where they came in the drawing order: joined at the end.
    let mut marks: Vec<(usize, f32, f32, String)> = Vec::new();
    let mut frame = page;
    for g in glyphs {
        if g.quarter_turns != Some(turns) {
            continue;
        }
        let (x, y, f) = turned(g, turns, page);
        frame = f;
        if g.size < 1.0 || x < -g.size || x > frame.0 + g.size || y < 0.0 || y > frame.1 + g.size {
            continue;
        }
        let mut t = clean_glyph_text(&g.text);
        let filler = t.is_empty() || t == "\u{640}";
        if t.is_empty() && g.text.chars().all(char::is_whitespace) && !g.text.is_empty() {
            t = " ".to_string();
        }
        if t.is_empty() {
            text.unmapped += 1;
        } else {
            text.mapped += 1;
        }
        let filler = filler && t != " ";
        if filler {
            t.clear();
        }
        // A spacing accent drawn over the letter before it (TeX's `\'e`) is that letter's
        // mark; one with room of its own (an apostrophe set as `´`) stays a character.
        let centre = x + g.width.max(0.0) / 2.0;
        let accent = spacing_accent(&t).filter(|_| {
            out.last().is_some_and(|p: &Cell| {
                p.text.chars().any(char::is_alphabetic)
                    && (p.y - y).abs() < 0.3 * p.size
                    && p.x0 <= centre
                    && centre <= p.x1
            })
        });
        if let Some(mark) = accent {
            marks.push((out.len(), centre, y, mark.to_string()));
            continue;
        }
        if is_mark(&t) && !out.is_empty() {
            marks.push((out.len(), x, y, t));
            continue;
        }
        let cell = Cell {
            text: t,
            x0: x,
            x1: x + g.width.max(0.0),
            y,
            size: g.size,
            font: g.font,
            raised: false,
            filler,
        };
        // Simulated bold draws a glyph again a hair's breadth away.
        let tol = 0.12 * cell.size;
        let duplicate = out.iter().rev().take(3).any(|p| {
            p.text == cell.text
                && (p.x0 - cell.x0).abs() < tol
                && (p.y - cell.y).abs() < tol
                && (p.x0 != cell.x0 || p.y != cell.y || !cell.is_space())
        });
        if !duplicate {
            out.push(cell);
        }
    }
    join_marks(&mut out, marks);
    (out, frame)
}

/// Spacing accents that a typesetter draws over a letter as glyphs of their own, with the
/// combining mark each stands for.
const SPACING_ACCENTS: &[(char, char)] = &[
    ('\u{B4}', '\u{301}'),
    ('`', '\u{300}'),
    ('\u{A8}', '\u{308}'),
    ('\u{2C6}', '\u{302}'),
    ('\u{2DC}', '\u{303}'),
    ('\u{AF}', '\u{304}'),
    ('\u{2D8}', '\u{306}'),
    ('\u{2D9}', '\u{307}'),
    ('\u{2DA}', '\u{30A}'),
    ('\u{B8}', '\u{327}'),
    ('\u{2DD}', '\u{30B}'),
    ('\u{2C7}', '\u{30C}'),
    ('\u{2DB}', '\u{328}'),
];

/// The combining mark a glyph's text stands for when it is a lone spacing accent.
fn spacing_accent(text: &str) -> Option<char> {
    let mut chars = text.chars();
    let c = chars.next()?;
    if chars.next().is_some() {
        return None;
    }
    SPACING_ACCENTS
        .iter()
        .find(|(spacing, _)| *spacing == c)
        .map(|(_, mark)| *mark)
}

/// Whether a combining mark sits below its letter (cedilla, ogonek).
fn is_mark_below(c: char) -> bool {
    matches!(c as u32, 0x0316..=0x0333)
}

/// How many glyphs drawn before or after a mark may be the one it sits over.
const MARK_REACH: usize = 6;

/// Joins each combining mark to the glyph it sits over: of the glyphs drawn near it, on its
/// line, the one nearest its position (a right-to-left line may be drawn in visual order, so
/// the glyph drawn just before a mark can be the next letter, a comma or a space).
fn join_marks(out: &mut [Cell], marks: Vec<(usize, f32, f32, String)>) {
    for (at, x, y, text) in marks {
        // Never across a space drawn between: a mark drawn right after a word's space sits
        // over the next word's letter, not over the letter before the space.
        let space_at = |k: usize| out.get(k).is_some_and(|c| c.is_space());
        let mut from = at;
        while from > at.saturating_sub(MARK_REACH) && !space_at(from - 1) {
            from -= 1;
        }
        let mut to = at;
        while to < (at + MARK_REACH).min(out.len()) && !space_at(to) {
            to += 1;
        }
        if from == to {
            from = at.saturating_sub(MARK_REACH);
            to = (at + MARK_REACH).min(out.len());
        }
        // A mark sits over a letter, never over punctuation beside it.
        let distance = |b: &Cell| {
            let penalty = if b.text.chars().any(char::is_alphabetic) {
                0.0
            } else {
                1000.0
            };
            penalty
                + if x < b.x0 {
                    b.x0 - x
                } else if x > b.x1 {
                    x - b.x1
                } else {
                    0.0
                }
        };
        let best = (from..to)
            .filter(|&k| {
                out.get(k)
                    .is_some_and(|b| !b.is_space() && !b.filler && (b.y - y).abs() < b.size)
            })
            .min_by(|&i, &j| {
                // On a tie, the glyph drawn before the mark (marks follow their letter).
                let rank = |k: usize| if k < at { at - k } else { MARK_REACH + k - at };
                distance(&out[i])
                    .total_cmp(&distance(&out[j]))
                    .then(rank(i).cmp(&rank(j)))
            });
        if let Some(base) = best.and_then(|k| out.get_mut(k)) {
            // TeX sets an accented i on the dotless one.
            if base.text == "ı" && !text.chars().any(is_mark_below) {
                base.text = "i".to_string();
            }
            base.text.push_str(&text);
            // A Latin letter and its mark are one character where Unicode has it (`ü`);
            // Arabic marks stay as drawn.
            if !base.text.chars().any(crate::script::is_arabic_letter) {
                base.text = base.text.nfc().collect();
            }
        }
    }
}

/// A row of cells sharing a baseline.
#[derive(Debug, Clone)]
struct Row {
    cells: Vec<Cell>,
    y: f32,
    size: f32,
}

fn median(values: &mut [f32]) -> f32 {
    if values.is_empty() {
        return 0.0;
    }
    values.sort_by(f32::total_cmp);
    values[values.len() / 2]
}

/// A capital set smaller than the largest type on its baseline: a small capital, whose size
/// is not the line's (a law review's `1 RICHARD HOOKER` has more small capitals than
/// full-size letters).
fn is_small_capital(cell: &Cell, largest: f32) -> bool {
    cell.size < SMALL_CAPITAL_SHARE * largest
        && !cell.text.is_empty()
        && cell.text.chars().all(char::is_uppercase)
}

/// Small capitals are set at most at this share of the full size.
const SMALL_CAPITAL_SHARE: f32 = 0.9;

fn row_of(cells: Vec<Cell>) -> Row {
    let mut ys: Vec<f32> = cells.iter().filter(|c| !c.raised).map(|c| c.y).collect();
    let largest = cells
        .iter()
        .filter(|c| !c.is_space())
        .map(|c| c.size)
        .fold(0.0, f32::max);
    let mut sizes: Vec<f32> = cells
        .iter()
        .filter(|c| !c.is_space() && !is_small_capital(c, largest))
        .map(|c| c.size)
        .collect();
    if ys.is_empty() {
        ys = cells.iter().map(|c| c.y).collect();
    }
    if sizes.is_empty() {
        sizes = cells.iter().map(|c| c.size).collect();
    }
    Row {
        y: median(&mut ys),
        size: median(&mut sizes),
        cells,
    }
}

/// Cells → rows by baseline; rows of smaller, raised glyphs (note markers) join the line they
/// are raised above.
fn rows(mut cells: Vec<Cell>) -> Vec<Row> {
    cells.sort_by(|a, b| a.y.total_cmp(&b.y).then(a.x0.total_cmp(&b.x0)));
    let mut groups: Vec<Vec<Cell>> = Vec::new();
    for cell in cells {
        match groups.last_mut() {
            Some(g) if (cell.y - g[0].y).abs() <= 0.2 * cell.size.min(g[0].size).max(1.0) => {
                g.push(cell)
            }
            _ => groups.push(vec![cell]),
        }
    }
    let mut rows: Vec<Row> = groups.into_iter().map(row_of).collect();
    // Join small raised rows to the row below (superscripts) or, failing that, above.
    let mut i = 0;
    while i < rows.len() {
        let small = &rows[i];
        let target = [i + 1, i.wrapping_sub(1)].into_iter().find(|&j| {
            let Some(base) = rows.get(j) else {
                return false;
            };
            let rise = base.y - small.y;
            let overlaps = small.cells.iter().all(|c| {
                base.cells
                    .iter()
                    .any(|b| c.x0 < b.x1 + base.size * 1.5 && c.x1 > b.x0 - base.size * 1.5)
            });
            // A number set apart on a baseline of its own beside its line (a note label
            // above text in small capitals) joins it too.
            let number_beside = small
                .cells
                .iter()
                .all(|c| c.is_space() || c.text.chars().all(|ch| ch.is_ascii_digit()))
                && small.size < 1.05 * base.size
                && rise.abs() < 0.35 * base.size;
            (small.size < 0.9 * base.size || number_beside)
                && rise > -0.35 * base.size
                && rise < 0.75 * base.size
                && overlaps
        });
        if let Some(j) = target {
            let small = rows.remove(i);
            let j = if j > i { j - 1 } else { j };
            let base = &mut rows[j];
            for mut c in small.cells {
                c.raised = base.y - c.y > 0.15 * base.size;
                base.cells.push(c);
            }
            let (y, size) = (base.y, base.size);
            let cells = std::mem::take(&mut base.cells);
            *base = Row { cells, y, size };
            if j < i {
                continue;
            }
        } else {
            i += 1;
        }
    }
    for row in &mut rows {
        row.cells.sort_by(|a, b| a.x0.total_cmp(&b.x0));
    }
    rows
}

/// Fewest numbers in a run of margin line numbers.
const LINE_NUMBER_RUN: usize = 10;

/// A margin line number stands at least this many sizes away from its row's text.
const LINE_NUMBER_GAP: f32 = 2.0;

/// Drops the line numbers a manuscript prints in its margin (`1`, `2`, … down the page, one
/// per line, text or not): digit words at a row's edge, set apart from its text, standing one
/// above the other at one x and counting up by one from row to row, at least
/// [`LINE_NUMBER_RUN`] of them. A list's or a table's numbers stand beside their text, so they
/// stay.
fn drop_margin_line_numbers(rows: &mut Vec<Row>) {
    // (row, first cell, cell count, x0, x1, value)
    let mut found: Vec<(usize, usize, usize, f32, f32, u32)> = Vec::new();
    for (r, row) in rows.iter().enumerate() {
        let inked: Vec<usize> = (0..row.cells.len())
            .filter(|&i| !row.cells[i].is_space() && !row.cells[i].filler)
            .collect();
        let word_at = |from_start: bool| -> Option<(usize, usize, f32, f32, u32)> {
            let mut members: Vec<usize> = Vec::new();
            let order: Box<dyn Iterator<Item = &usize>> = if from_start {
                Box::new(inked.iter())
            } else {
                Box::new(inked.iter().rev())
            };
            let mut next_text = None;
            for &i in order {
                let c = &row.cells[i];
                let joined = members.last().is_none_or(|&m| {
                    let p = &row.cells[m];
                    let gap = if from_start { c.x0 - p.x1 } else { p.x0 - c.x1 };
                    gap < 0.3 * row.size
                });
                if joined && c.text.len() == 1 && c.text.as_bytes()[0].is_ascii_digit() {
                    members.push(i);
                } else {
                    next_text = Some(i);
                    break;
                }
            }
            let (&first, &last) = (members.first()?, members.last()?);
            let (lo, hi) = if from_start {
                (first, last)
            } else {
                (last, first)
            };
            let (x0, x1) = (row.cells[lo].x0, row.cells[hi].x1);
            if let Some(n) = next_text {
                let c = &row.cells[n];
                let gap = if from_start { c.x0 - x1 } else { x0 - c.x1 };
                if gap < LINE_NUMBER_GAP * row.size {
                    return None;
                }
            }
            if members.len() > 3 {
                return None;
            }
            let value: String = (lo..=hi).map(|i| row.cells[i].text.as_str()).collect();
            Some((lo, hi - lo + 1, x0, x1, value.parse().ok()?))
        };
        for from_start in [true, false] {
            if let Some((first, count, x0, x1, value)) = word_at(from_start) {
                found.push((r, first, count, x0, x1, value));
                break;
            }
        }
    }
    if found.len() < LINE_NUMBER_RUN {
        return;
    }
    let mut drop: Vec<(usize, usize, usize)> = Vec::new();
    // Right-aligned numbers share their right edge, left-aligned ones their left edge.
    for by_right in [true, false] {
        let edge = |f: &(usize, usize, usize, f32, f32, u32)| if by_right { f.4 } else { f.3 };
        let mut used = vec![false; found.len()];
        for a in 0..found.len() {
            if used[a] {
                continue;
            }
            let column: Vec<usize> = (a..found.len())
                .filter(|&b| !used[b] && (edge(&found[b]) - edge(&found[a])).abs() < 1.5)
                .collect();
            // Runs counting up by one, top to bottom (rows are in y order).
            let mut run: Vec<usize> = Vec::new();
            let mut flush = |run: &mut Vec<usize>, used: &mut Vec<bool>| {
                if run.len() >= LINE_NUMBER_RUN {
                    for &k in run.iter() {
                        used[k] = true;
                        let f = &found[k];
                        drop.push((f.0, f.1, f.2));
                    }
                }
                run.clear();
            };
            for &b in &column {
                let follows = run
                    .last()
                    .is_some_and(|&p| found[b].5 == found[p].5 + 1 && found[b].0 > found[p].0);
                if !follows {
                    flush(&mut run, &mut used);
                }
                run.push(b);
            }
            flush(&mut run, &mut used);
        }
    }
    if drop.is_empty() {
        return;
    }
    drop.sort_unstable();
    drop.dedup();
    for &(r, first, count) in drop.iter().rev() {
        if let Some(row) = rows.get_mut(r) {
            if first + count <= row.cells.len() {
                row.cells.drain(first..first + count);
            }
        }
    }
    rows.retain(|row| row.cells.iter().any(|c| !c.is_space() && !c.filler));
}

/// The spans of a row's text, joined over gaps narrower than a word space or so.
fn spans(row: &Row) -> Vec<(f32, f32)> {
    let mut out: Vec<(f32, f32)> = Vec::new();
    for c in row.cells.iter().filter(|c| !c.is_space() && !c.filler) {
        match out.last_mut() {
            Some(last) if c.x0 - last.1 < 1.2 * row.size => last.1 = last.1.max(c.x1),
            _ => out.push((c.x0, c.x1)),
        }
    }
    out
}

/// The x of the gutter between two columns, when the page has one: a vertical band in the
/// middle of the page that many rows have text on both sides of and few cross.
fn gutter(rows: &[Row], width: f32) -> Option<f32> {
    let row_spans: Vec<Vec<(f32, f32)>> = rows.iter().map(spans).collect();
    let (lo, hi) = (width * 0.25, width * 0.75);
    // Rows with a column's worth of prose left of x, and right of x, that do not cross it;
    // the columns' baselines need not line up.
    let sides = |x: f32| {
        let (mut left_rows, mut right_rows) = (0usize, 0usize);
        for spans in &row_spans {
            if spans.iter().any(|&(a, b)| a < x && b > x) {
                continue;
            }
            let left: f32 = spans.iter().filter(|s| s.1 <= x).map(|s| s.1 - s.0).sum();
            let right: f32 = spans.iter().filter(|s| s.0 >= x).map(|s| s.1 - s.0).sum();
            left_rows += usize::from(left >= 0.2 * width);
            right_rows += usize::from(right >= 0.2 * width);
        }
        left_rows.min(right_rows)
    };
    let mut best: Option<(f32, usize)> = None;
    let mut x = lo;
    while x <= hi {
        let both = sides(x);
        if both >= 5 && both * 100 >= rows.len() * 10 && best.is_none_or(|(_, b)| both > b) {
            best = Some((x, both));
        }
        x += 2.0;
    }
    best.map(|(x, _)| {
        // The middle of the empty band around the best place.
        let clear = |x: f32| {
            row_spans
                .iter()
                .filter(|s| s.iter().any(|&(a, b)| a < x && b > x))
                .count()
        };
        let base = clear(x);
        let (mut left, mut right) = (x, x);
        while left - 1.0 > lo && clear(left - 1.0) <= base {
            left -= 1.0;
        }
        while right + 1.0 < hi && clear(right + 1.0) <= base {
            right += 1.0;
        }
        (left + right) / 2.0
    })
}

/// The gutter of the page before (`previous`) carried onto a page whose two columns hold
/// only a few lines (the end of a reference list above a full-width block): the rows from
/// the first with text on both sides of it to the first that crosses it or stands after a
/// wide vertical gap, when at least two rows of them have text on both sides.
fn carried_columns(
    rows: &[Row],
    width: f32,
    previous: Option<f32>,
) -> Option<(f32, std::ops::Range<usize>)> {
    let g = previous.filter(|&g| g > 0.25 * width && g < 0.75 * width)?;
    let row_spans: Vec<Vec<(f32, f32)>> = rows.iter().map(spans).collect();
    let both_sides = |s: &Vec<(f32, f32)>| s.iter().any(|x| x.1 <= g) && s.iter().any(|x| x.0 >= g);
    let crosses = |s: &Vec<(f32, f32)>| s.iter().any(|&(a, b)| a < g && b > g);
    let first = row_spans.iter().position(both_sides)?;
    let mut end = first + 1;
    while end < rows.len()
        && !crosses(&row_spans[end])
        && rows[end].y - rows[end - 1].y <= 2.5 * rows[end].size.max(rows[end - 1].size)
    {
        end += 1;
    }
    let paired = row_spans[first..end]
        .iter()
        .filter(|s| both_sides(s))
        .count();
    (paired >= 2).then_some((g, first..end))
}

/// Lays out one page: the upright text first, then text turned by quarter turns (a
/// landscape table, a margin note), each in its own frame. Skewed glyphs are left out.
///
/// `previous_gutter` is the column gutter of the page before, if it had two columns.
pub fn lay_out_page(
    glyphs: &[DrawnGlyph],
    fonts: &[Font],
    page: (f32, f32),
    previous_gutter: Option<f32>,
) -> PageText {
    let mut text = PageText::default();
    let mut turns: Vec<(u8, usize)> = (0..4u8)
        .map(|t| {
            (
                t,
                glyphs.iter().filter(|g| g.quarter_turns == Some(t)).count(),
            )
        })
        .filter(|&(t, n)| n > 0 && (t == 0 || n >= 8))
        .collect();
    turns.sort_by_key(|&(t, n)| (t != 0, std::cmp::Reverse(n)));
    for (t, _) in turns {
        let (cells, frame) = cells(glyphs, t, page, &mut text);
        let mut rows = rows(cells);
        drop_margin_line_numbers(&mut rows);
        let hint = if t == 0 { previous_gutter } else { None };
        let (ordered, gutter) = reading_order(rows, frame.0, hint);
        if t == 0 {
            text.gutter = gutter;
        }
        let rtl_page = is_rtl_text(&ordered);
        let lines = dehyphenated(with_breaks(
            ordered
                .iter()
                .map(|r| make_line(r, fonts, rtl_page))
                .collect(),
        ));
        if !text.lines.is_empty() && !lines.is_empty() {
            text.lines.push(LaidLine {
                text: String::new(),
                layout: None,
            });
        }
        text.lines.extend(lines);
    }
    text
}

/// Rows in reading order: on a page with two columns, the rows above, between and below
/// full-width rows in blocks, each block column by column.
fn reading_order(rows: Vec<Row>, width: f32, previous: Option<f32>) -> (Vec<Row>, Option<f32>) {
    let (g, columned) = match gutter(&rows, width) {
        Some(g) => (g, 0..rows.len()),
        None => match carried_columns(&rows, width, previous) {
            Some(found) => found,
            None => return (rows, None),
        },
    };
    let rtl = is_rtl_text(&rows);
    let mut out = Vec::with_capacity(rows.len() * 2);
    let (mut left, mut right): (Vec<Row>, Vec<Row>) = (Vec::new(), Vec::new());
    let flush = |out: &mut Vec<Row>, left: &mut Vec<Row>, right: &mut Vec<Row>| {
        if rtl {
            out.append(right);
            out.append(left);
        } else {
            out.append(left);
            out.append(right);
        }
    };
    for (i, row) in rows.into_iter().enumerate() {
        if !columned.contains(&i) || spans(&row).iter().any(|&(a, b)| a < g && b > g) {
            flush(&mut out, &mut left, &mut right);
            out.push(row);
            continue;
        }
        let (l, r): (Vec<Cell>, Vec<Cell>) =
            row.cells.into_iter().partition(|c| (c.x0 + c.x1) / 2.0 < g);
        if l.iter().any(|c| !c.is_space()) {
            left.push(Row {
                cells: l,
                y: row.y,
                size: row.size,
            });
        }
        if r.iter().any(|c| !c.is_space()) {
            right.push(Row {
                cells: r,
                y: row.y,
                size: row.size,
            });
        }
    }
    flush(&mut out, &mut left, &mut right);
    (out, Some(g))
}

/// Whether the rows' text mostly reads right to left.
fn is_rtl_text(rows: &[Row]) -> bool {
    let counts: Vec<(Class, usize)> = rows
        .iter()
        .flat_map(|r| r.cells.iter())
        .map(|c| (classify(&c.text), c.text.chars().count()))
        .collect();
    is_rtl_line(&counts)
}

/// One row → a line: spaces where glyphs stand apart, logical order, layout.
/// A space glyph drawn inside the glyph before it, with the next glyph set flush against
/// that one, leaves no gap on the page: some typesetters draw one after a ligature
/// (`identiﬁ cation`). It is no word break.
fn is_swallowed_space(after: &[Cell], space: &Cell, prev_end: Option<f32>, size: f32) -> bool {
    let Some(end) = prev_end else {
        return false;
    };
    let inside = end - space.x0 > 0.25 * (space.x1 - space.x0).max(0.1 * size);
    let next = after.iter().find(|c| !c.is_space() && !c.filler);
    inside && next.is_some_and(|n| n.x0 - end < 0.1 * size)
}

fn make_line(row: &Row, fonts: &[Font], rtl_page: bool) -> (LaidLine, f32, f32) {
    // Visual units: glyph texts with spaces between words.
    let mut units: Vec<&Cell> = Vec::with_capacity(row.cells.len() + 8);
    let space = Cell {
        text: " ".to_string(),
        x0: 0.0,
        x1: 0.0,
        y: row.y,
        size: row.size,
        font: 0,
        raised: false,
        filler: false,
    };
    let mut prev_end: Option<f32> = None;
    let mut last_space = true;
    for (i, c) in row.cells.iter().enumerate() {
        if c.filler {
            prev_end = Some(prev_end.map_or(c.x1, |e: f32| e.max(c.x1)));
            continue;
        }
        if c.is_space() {
            if !last_space && !is_swallowed_space(&row.cells[i + 1..], c, prev_end, row.size) {
                units.push(&space);
                last_space = true;
            }
            prev_end = Some(prev_end.map_or(c.x1, |e: f32| e.max(c.x1)));
            continue;
        }
        if let Some(end) = prev_end {
            let size = c.size.max(row.size * 0.6);
            if c.x0 - end > 0.15 * size && !last_space {
                units.push(&space);
            }
        }
        units.push(c);
        last_space = false;
        prev_end = Some(prev_end.map_or(c.x1, |e: f32| e.max(c.x1)));
    }
    while units.last().is_some_and(|u| u.is_space()) {
        units.pop();
    }
    let classes: Vec<Class> = units.iter().map(|u| classify(&u.text)).collect();
    let counts: Vec<(Class, usize)> = units
        .iter()
        .zip(&classes)
        .map(|(u, &c)| (c, u.text.chars().count()))
        .collect();
    let rtl = is_rtl_line_on(&counts, rtl_page);
    let texts: Vec<&str> = units.iter().map(|u| u.text.as_str()).collect();
    let mut order = logical_order(&classes, &texts, rtl);
    if !rtl && rtl_page {
        latin_line_in_rtl_paragraph(&mut order, &units, &classes);
    }
    let flip = mirrors_brackets(&order, &units);
    let mut text = String::new();
    let mut superscripts: Vec<std::ops::Range<usize>> = Vec::new();
    for (i, in_rtl) in order {
        let Some(u) = units.get(i) else {
            // The space a label moved to the line's start is set off by.
            text.push(' ');
            continue;
        };
        let start = text.len();
        match (in_rtl && flip, mirror(&u.text)) {
            (true, Some(m)) => text.push_str(m),
            _ => text.push_str(&u.text),
        }
        if u.raised {
            match superscripts.last_mut() {
                Some(r) if r.end == start => r.end = text.len(),
                _ => superscripts.push(start..text.len()),
            }
        }
    }
    let visible: Vec<&Cell> = row
        .cells
        .iter()
        .filter(|c| !c.is_space() && !c.filler)
        .collect();
    let bbox = visible.iter().fold(None::<BoundingBox>, |acc, c| {
        let b = BoundingBox {
            x0: c.x0,
            y0: c.y - 0.8 * c.size,
            x1: c.x1,
            y1: c.y + 0.2 * c.size,
        };
        Some(acc.map_or(b, |a| a.union(b)))
    });
    // The main font: the one most characters are set in, raised ones aside.
    let mut tally: Vec<(usize, usize)> = Vec::new();
    for c in visible.iter().filter(|c| !c.raised) {
        let n = c.text.chars().count();
        match tally.iter_mut().find(|(f, _)| *f == c.font) {
            Some(t) => t.1 += n,
            None => tally.push((c.font, n)),
        }
    }
    let main = tally.iter().max_by_key(|t| t.1).map(|t| t.0);
    let font = main.and_then(|f| fonts.get(f));
    let layout = bbox.map(|bbox| LineLayout {
        bbox,
        font_size: (row.size * 10.0).round() / 10.0,
        font_name: font.map(|f| f.name.clone()),
        bold: font.is_some_and(|f| f.bold),
        italic: font.is_some_and(|f| f.italic),
        superscripts,
    });
    (LaidLine { text, layout }, row.y, row.size)
}

/// A Latin line in a right-to-left paragraph (a note citing an English work in an Arabic
/// paper) is drawn with its paragraph's ends swapped: its closing stop at the left, its note
/// label at the right (`.Bergen, Flipping, p. 442` for `2Bergen, Flipping, p. 44.`, `Ferrand,
/// Paris, -2` for `2- Ferrand, Paris,`, `.Roe, p. 71)2(` for `(2)Roe, p. 71.`). The label goes
/// back to the start and the stop to the end when the page shows they belong to the
/// paragraph: the label is raised or set in another font than the Latin text next to it, its
/// brackets face away from its number (`)2(`: no left-to-right text draws that), the stop
/// is set in another font than the letter after it, or both ends are there. A bare number
/// label, drawn with no gap from the text (its gap is at the line's other end), is set off
/// by a space (an entry `usize::MAX` in the order).
fn latin_line_in_rtl_paragraph(order: &mut Vec<(usize, bool)>, units: &[&Cell], classes: &[Class]) {
    let n = order.len();
    let unit = |k: usize| units[order[k].0];
    let is_stop = |k: usize| matches!(unit(k).text.as_str(), "." | "،" | "," | ":" | "؛" | ";");
    let is_number = |k: usize| classes[order[k].0] == Class::Number;
    let lead = (0..n).take_while(|&k| is_stop(k)).count();
    if lead >= n || !matches!(classes[order[lead].0], Class::Left | Class::Number) {
        return;
    }
    // A Latin line: no right-to-left letter in it.
    if order.iter().any(|&(i, _)| classes[i] == Class::Right) {
        return;
    }
    // A bracketed label: bracket, digits, bracket at the right end (`)2(` or `(2)`).
    let bracketed = (n >= lead + 4 && mirror(&unit(n - 1).text).is_some())
        .then(|| (0..n - 1).rev().take_while(|&k| is_number(k)).count())
        .filter(|&d| {
            d > 0 && d <= 3 && n > lead + d + 2 && mirror(&unit(n - d - 2).text).is_some()
        });
    // The label: trailing digits, with the dash drawn before them (`-2`).
    let last_font = unit(n - 1).font;
    let digits = match bracketed {
        Some(d) => d,
        None => (0..n)
            .rev()
            .take_while(|&k| is_number(k) && unit(k).font == last_font)
            .count(),
    };
    let digits_end = if bracketed.is_some() { n - 1 } else { n };
    let mut label = if bracketed.is_some() {
        digits + 2
    } else {
        digits
    };
    let mut gap = 0;
    if bracketed.is_none() && digits > 0 && n > digits + 2 && unit(n - digits - 1).text == "-" {
        label += 1;
    }
    if label > 0 && n > label + lead + 1 && unit(n - label - 1).is_space() {
        gap = 1;
    }
    // The classes are those of the glyphs already classified, not computed again.
    let text_font = (0..n - label - gap)
        .rev()
        .find(|&k| classes[order[k].0] == Class::Left)
        .map(|k| unit(k).font);
    let raised = digits > 0 && (digits_end - digits..digits_end).all(|k| unit(k).raised);
    let own_font = digits > 0 && text_font.is_some_and(|f| last_font != f);
    // `)2(`: the opening bracket drawn right of the number, the closing one left of it.
    let facing_away = bracketed.is_some()
        && matches!(unit(n - 1).text.as_str(), "(" | "[" | "{")
        && matches!(unit(n - digits - 2).text.as_str(), ")" | "]" | "}");
    // A stop opening the line, right before a letter or digit, on a line that ends without
    // one: the sentence's end drawn at the left (`.1998, p. 142`).
    let ends_open = !is_stop(n - 1);
    let stop_apart = lead > 0 && (unit(lead - 1).font != unit(lead).font || ends_open);
    let has_label = raised || own_font || facing_away || (lead > 0 && label > digits);
    if !has_label && !stop_apart {
        return;
    }
    let mut fixed: Vec<(usize, bool)> = Vec::with_capacity(n + 1);
    let body_end = if has_label { n - label - gap } else { n };
    if has_label {
        if bracketed.is_some() {
            // The brackets read right to left, as the paragraph's: mirrored where drawn so.
            fixed.push((order[n - 1].0, true));
            fixed.extend_from_slice(&order[n - 1 - digits..n - 1]);
            fixed.push((order[n - digits - 2].0, true));
        } else {
            // `-12` drawn is `12-` read: the digits, then the dash, then the space after it.
            fixed.extend_from_slice(&order[n - digits..]);
            if label > digits {
                fixed.push(order[n - label]);
            }
        }
        if gap == 1 {
            fixed.push(order[n - label - 1]);
        } else if label == digits && !raised {
            fixed.push((usize::MAX, false));
        }
    }
    fixed.extend_from_slice(&order[lead..body_end]);
    fixed.extend(order[..lead].iter().rev());
    *order = fixed;
}

/// Latin words broken at a line's end by the typesetter (`bank-` / `ing security`) made
/// whole again: a line ending in a letter and a hyphen, followed in its block by a line that
/// opens with a lower-case letter, is joined with it, the hyphen dropped (as pdftotext does).
/// A capital after the break (`Jean-` / `Luc`) keeps the hyphen and the lines apart.
fn dehyphenated(lines: Vec<LaidLine>) -> Vec<LaidLine> {
    let mut out: Vec<LaidLine> = Vec::with_capacity(lines.len());
    for line in lines {
        let broken =
            out.last().is_some_and(|prev: &LaidLine| {
                let mut tail = prev.text.chars().rev();
                tail.next() == Some('-')
                    && tail.next().is_some_and(|c| {
                        c.is_alphabetic() && classify(&c.to_string()) == Class::Left
                    })
                    && line.text.chars().next().is_some_and(|c| {
                        c.is_lowercase() && classify(&c.to_string()) == Class::Left
                    })
            });
        let Some(prev) = out.last_mut().filter(|_| broken) else {
            out.push(line);
            continue;
        };
        prev.text.pop();
        let offset = prev.text.len();
        prev.text.push_str(&line.text);
        match (&mut prev.layout, line.layout) {
            (Some(a), Some(b)) => {
                a.bbox = a.bbox.union(b.bbox);
                a.superscripts.extend(
                    b.superscripts
                        .into_iter()
                        .map(|r| r.start + offset..r.end + offset),
                );
            }
            (a @ None, b) => *a = b,
            _ => {}
        }
    }
    out
}

/// Blank lines between blocks: where the baseline distance exceeds the page's usual line
/// spacing for that size, where the size changes, or where reading jumps back up (a new
/// column).
fn with_breaks(lines: Vec<(LaidLine, f32, f32)>) -> Vec<LaidLine> {
    let mut distances: Vec<f32> = lines
        .windows(2)
        .filter_map(|w| {
            let ((_, y0, s0), (_, y1, s1)) = (&w[0], &w[1]);
            let d = y1 - y0;
            ((s0 - s1).abs() < 0.1 * s0 && d > 0.8 * s0 && d < 3.0 * s0).then_some(d / s0)
        })
        .collect();
    let usual = if distances.len() >= 3 {
        median(&mut distances)
    } else {
        1.25
    };
    let mut out = Vec::with_capacity(lines.len() + lines.len() / 4);
    let mut prev: Option<(f32, f32)> = None;
    for (line, y, size) in lines {
        if let Some((py, ps)) = prev {
            let d = (y - py) / ps.max(size);
            let size_change = (size - ps).abs() > 0.18 * ps.max(size);
            if d > usual * 1.3 + 0.1 || d < -0.5 || size_change {
                out.push(LaidLine {
                    text: String::new(),
                    layout: None,
                });
            }
        }
        prev = Some((y, size));
        out.push(line);
    }
    out
}

/// Whether the brackets of right-to-left text must be mirrored to read in logical order.
/// Producers differ: most map a bracket glyph to the character it shows (drawn mirrored, so
/// `)` shows an opening bracket), some (LibreOffice) to the character typed. The reading that
/// opens more brackets before it closes them is the logical one.
fn mirrors_brackets(order: &[(usize, bool)], units: &[&Cell]) -> bool {
    let unbalanced = |flip: bool| {
        let (mut depth, mut bad) = (0i32, 0usize);
        for &(i, in_rtl) in order {
            let Some(u) = units.get(i) else { continue };
            let text = match (in_rtl && flip, mirror(&u.text)) {
                (true, Some(m)) => m,
                _ => u.text.as_str(),
            };
            match text {
                "(" | "[" | "{" | "«" | "‹" => depth += 1,
                ")" | "]" | "}" | "»" | "›" => {
                    if depth == 0 {
                        bad += 1;
                    } else {
                        depth -= 1;
                    }
                }
                _ => {}
            }
        }
        bad + depth.max(0) as usize
    };
    unbalanced(true) <= unbalanced(false)
}

#[cfg(test)]
mod latin_in_rtl_tests {
    use super::*;

    #[test]
    fn a_word_broken_at_the_line_end_is_made_whole() {
        let laid = |text: &str| LaidLine {
            text: text.to_string(),
            layout: None,
        };
        let lines = vec![
            laid("Keywords: trust; bank-"),
            laid("ing security"),
            laid("written by Jean-"),
            laid("Luc Roe"),
            laid("1990-"),
            laid("ninety"),
        ];
        let texts: Vec<String> = dehyphenated(lines).into_iter().map(|l| l.text).collect();
        assert_eq!(
            texts,
            [
                "Keywords: trust; banking security",
                "written by Jean-",
                "Luc Roe",
                "1990-",
                "ninety"
            ]
        );
    }

    /// Glyphs of one line, left to right: (text, font).
    fn line(glyphs: &[(&str, usize)]) -> String {
        let cells: Vec<Cell> = glyphs
            .iter()
            .enumerate()
            .map(|(k, &(text, font))| Cell {
                text: text.to_string(),
                x0: k as f32 * 5.0,
                x1: k as f32 * 5.0 + 4.0,
                y: 100.0,
                size: 10.0,
                font,
                raised: false,
                filler: false,
            })
            .collect();
        let units: Vec<&Cell> = cells.iter().collect();
        let classes: Vec<Class> = units.iter().map(|u| classify(&u.text)).collect();
        let mut order: Vec<(usize, bool)> = (0..units.len()).map(|i| (i, false)).collect();
        latin_line_in_rtl_paragraph(&mut order, &units, &classes);
        let flip = mirrors_brackets(&order, &units);
        order
            .iter()
            .map(|&(i, in_rtl)| match units.get(i) {
                None => " ",
                Some(u) => match (in_rtl && flip, mirror(&u.text)) {
                    (true, Some(m)) => m,
                    _ => u.text.as_str(),
                },
            })
            .collect()
    }

    #[test]
    fn a_latin_note_in_an_arabic_paragraph_gets_its_label_and_stop_back() {
        // `.Roe, p. 44` + label `2` in the paragraph's font (1), text in the Latin font (0).
        let drawn = [
            (".", 1),
            ("R", 0),
            ("o", 0),
            ("e", 0),
            (",", 0),
            (" ", 0),
            ("p", 0),
            (".", 0),
            (" ", 0),
            ("4", 0),
            ("4", 0),
            ("2", 1),
        ];
        assert_eq!(line(&drawn), "2 Roe, p. 44.");
        // The same digits in the text's font are a page number: only the stop moves.
        let mut same = drawn;
        same[11].1 = 0;
        assert_eq!(line(&same), "Roe, p. 442.");
        // `-2` at the right end, in the paragraph's font: the label `2-` of a wrapped note.
        let wrapped = [
            ("R", 0),
            ("o", 0),
            ("e", 0),
            (",", 0),
            (" ", 0),
            ("-", 1),
            ("1", 1),
            ("2", 1),
        ];
        assert_eq!(line(&wrapped), "12- Roe,");
    }

    #[test]
    fn a_bracketed_label_drawn_at_the_right_end_goes_back_to_the_start() {
        let glyphs = |texts: &[&'static str]| -> Vec<(&'static str, usize)> {
            texts.iter().map(|&t| (t, 0)).collect()
        };
        // Brackets mapped to the characters typed: `)2(` at the right end, the stop at the
        // left.
        let typed = glyphs(&[
            ".", "R", "o", "e", ",", " ", "p", ".", " ", "7", "1", ")", "2", "(",
        ]);
        assert_eq!(line(&typed), "(2)Roe, p. 71.");
        // A wrapped first line: no stop, the label alone tells.
        let wrapped = glyphs(&[
            "R", "o", "e", ",", " ", "L", "a", "k", "e", " ", ")", "1", "2", "(",
        ]);
        assert_eq!(line(&wrapped), "(12) Roe, Lake");
        // Brackets mapped to the shapes shown: `(2)` drawn, with the stop at the left.
        let shown = glyphs(&[".", "R", "o", "e", " ", "7", "1", "(", "2", ")"]);
        assert_eq!(line(&shown), "(2)Roe 71.");
        // A Latin line that ends citing `(2)`, nothing else drawn apart: left as it is.
        let plain = glyphs(&["R", "o", "e", " ", "s", "e", "e", " ", "(", "2", ")"]);
        assert_eq!(line(&plain), "Roe see (2)");
    }
}
