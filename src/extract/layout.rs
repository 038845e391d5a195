//! Layout hints as evidence for the text rules: what a reader that saw the page (a PDF's)
//! tells about a line — raised note markers and labels, the small type of the footnote zone,
//! the title's size and weight. Each function falls back to what the text alone shows, so
//! input without layout is read exactly as before.

use super::notelabels::{note_label, scan_line_markers, MarkForm, MarkerCandidate, NoteLabel};
use super::text::Line;
use crate::script::parse_number;
use std::collections::HashMap;

/// The longest raised run read as a note number (`123`).
const MAX_RAISED_DIGITS: usize = 3;

/// A footnote zone's type is at most this share of the running text's size.
const NOTE_SIZE_SHARE: f32 = 0.93;

/// Two sizes closer than this (points) are one size.
const SIZE_EPSILON: f32 = 0.3;

/// The raised runs of a line that read as note numbers: digits only, on character
/// boundaries of the line's text.
fn raised_numbers<'a>(line: &Line<'a>) -> impl Iterator<Item = (usize, usize, &'a str)> + 'a {
    let text = line.text;
    line.layout
        .into_iter()
        .flat_map(|l| l.superscripts.iter())
        .filter_map(move |r| {
            let digits = text.get(r.clone())?;
            (!digits.is_empty()
                && digits.chars().count() <= MAX_RAISED_DIGITS
                && digits.chars().all(crate::script::is_digit))
            .then_some((r.start, r.end, digits))
        })
}

/// The label at the start of a note line: a raised number when the layout shows one (`1`
/// set small and high, then the note's text), else what the text shows.
pub fn line_label(line: &Line) -> Option<NoteLabel> {
    let lead = line.text.len() - line.text.trim_start().len();
    if let Some((_, end, digits)) = raised_numbers(line).find(|&(start, _, _)| start == lead) {
        let rest_text = line.text.get(end..).unwrap_or("");
        let rest = end + (rest_text.len() - rest_text.trim_start().len());
        if line.text.get(rest..).is_some_and(|r| !r.trim().is_empty()) {
            return Some(NoteLabel {
                form: MarkForm::Superscript,
                label: digits.to_string(),
                number: parse_number(digits),
                rest,
            });
        }
    }
    note_label(line.text)
}

/// The marker candidates of a line of running text: the shapes the text shows, and every
/// raised number the layout shows (a raised digit is a marker whatever its shape); `plain`
/// admits plain digits glued to the text (a page whose notes have plain labels).
pub fn line_markers(line: &Line, plain: bool) -> Vec<MarkerCandidate> {
    let mut found = scan_line_markers(line.text, plain);
    for (start, end, digits) in raised_numbers(line) {
        if found.iter().any(|c| c.start < end && start < c.end) {
            continue;
        }
        let Some(number) = parse_number(digits) else {
            continue;
        };
        found.push(MarkerCandidate {
            start,
            end,
            form: MarkForm::Superscript,
            number,
            weight: 4,
        });
    }
    found.sort_by_key(|c| c.start);
    found
}

/// The size most characters of the running text are set in: counted over the upper part of
/// each page (footnotes may fill more of a page than its running text, but not its top),
/// when the lines have layout.
pub fn body_font_size<'a, 'b: 'a>(pages: impl Iterator<Item = &'a [Line<'b>]>) -> Option<f32> {
    let mut tally: HashMap<i32, usize> = HashMap::new();
    for lines in pages {
        let tops = lines.iter().filter_map(top);
        let (min, max) = tops.fold((f32::MAX, f32::MIN), |(a, b), y| (a.min(y), b.max(y)));
        let upper = min + (max - min) * UPPER_SHARE;
        for line in lines {
            if let Some(l) = line.layout.filter(|l| l.bbox.y0 <= upper) {
                *tally
                    .entry((l.font_size * 10.0).round() as i32)
                    .or_default() += line.text.chars().count();
            }
        }
    }
    tally
        .into_iter()
        .max_by_key(|&(size, n)| (n, size))
        .map(|(size, _)| size as f32 / 10.0)
}

/// The share of a page, from the top, whose lines tell the running text's size.
const UPPER_SHARE: f32 = 0.4;

/// Whether a line is set in smaller type than the running text.
fn is_small(line: &Line, body_size: f32) -> bool {
    line.layout
        .is_some_and(|l| l.font_size > 0.0 && l.font_size <= body_size * NOTE_SIZE_SHARE)
}

/// How much larger than a note's own type its continuation lines may be set (points).
const NOTE_SIZE_SLACK: f32 = 0.5;

/// The top of a line on its page, when it has layout.
pub fn top(line: &Line) -> Option<f32> {
    line.layout.map(|l| l.bbox.y0)
}

/// The label numbers of a run of note lines: those of the first label's family (raised
/// labels, or bare numbers), a bare number only where the first label stands (a number that
/// opens an indented continuation line is text: `170. Perhaps ...`).
fn run_labels(run: &[Line]) -> Vec<u32> {
    let labelled =
        |l: &Line| line_label(l).filter(|n| n.number.is_some() && n.form != MarkForm::Star);
    let Some((first, first_label)) = run.iter().find_map(|l| labelled(l).map(|n| (*l, n))) else {
        return Vec::new();
    };
    let left = first.layout.map(|x| x.bbox.x0);
    run.iter()
        .filter_map(|l| {
            let n = labelled(l)?;
            let aligned = match (left, l.layout.map(|x| x.bbox.x0)) {
                (Some(a), Some(b)) => b <= a + LABEL_ALIGN,
                _ => true,
            };
            (n.form.same_family(first_label.form) && (n.form != MarkForm::Bare || aligned))
                .then_some(n.number)
                .flatten()
        })
        .collect()
}

/// How far right of the first label (points) another label may stand.
const LABEL_ALIGN: f32 = 2.0;

/// How many lines above a run of small type tell whether it runs under text set small.
const SMALL_TEXT_ABOVE: usize = 10;

/// The footnote zones of a page by typography: each a run of lines in smaller type at the
/// foot of a column (the page ends after it, or the next line starts higher up: the next
/// column), opened by a labelled line, its labels rising, one of them called by a marker of
/// the page's running text. Lines of the run above its first label continue a note: the
/// previous page's last one (when `carry`, that page had notes) or the previous column's.
/// A page's only run of small type, unlabelled and ending the page, continues the previous
/// page's last note when `carry`. Returns which lines are notes, or None when no zone is
/// seen (the text rules then decide).
pub fn note_mask(lines: &[Line], body_size: Option<f32>, carry: bool) -> Option<Vec<bool>> {
    let body_size = body_size?;
    let mut mask = vec![false; lines.len()];
    let mut any = false;
    let mut i = 0;
    while i < lines.len() {
        let Some(first) = lines
            .get(i)
            .filter(|l| !l.is_blank() && is_small(l, body_size))
        else {
            i += 1;
            continue;
        };
        let note_size = lines
            .iter()
            .skip(i)
            .take_while(|l| l.is_blank() || is_small(l, body_size))
            .find(|l| line_label(l).is_some_and(|n| n.number.is_some()))
            .unwrap_or(first)
            .layout
            .map_or(0.0, |l| l.font_size);
        let mut last = i;
        let mut j = i;
        let mut broken = false;
        while let Some(l) = lines.get(j) {
            if l.is_blank() {
                broken = true;
            } else {
                let size = l.layout.map_or(0.0, |x| x.font_size);
                let fits = size <= note_size + NOTE_SIZE_SLACK;
                // Smaller type opening with a label after a break is a block of its own (a
                // list set small, then the notes below it).
                let prev = lines[last].layout.map_or(0.0, |x| x.font_size);
                let smaller_block = broken
                    && j > i
                    && size < prev - SIZE_EPSILON
                    && line_label(l).is_some_and(|n| n.number.is_some());
                if !is_small(l, body_size) || !fits || smaller_block {
                    break;
                }
                last = j;
                broken = false;
            }
            j += 1;
        }
        let run = &lines[i..=last];
        let next = lines
            .get(last + 1..)
            .and_then(|r| r.iter().find(|l| !l.is_blank()));
        let at_foot = next.is_none_or(|n| top(n).zip(top(first)).is_some_and(|(a, b)| a < b));
        let labels = run_labels(run);
        let rising = labels.windows(2).all(|w| w[1] > w[0]);
        let text_above = lines
            .get(..i)
            .is_some_and(|b| b.iter().any(|l| !l.is_blank() && !is_small(l, body_size)));
        let called = labels.iter().any(|n| {
            lines
                .iter()
                .enumerate()
                .filter(|(k, l)| !(i..=last).contains(k) && !is_small(l, body_size))
                .any(|(_, l)| line_markers(l, false).iter().any(|m| m.number == *n))
        });
        let continues = labels.is_empty() && carry && !any && next.is_none();
        let under_heading = lines
            .get(..i)
            .and_then(|b| b.iter().rev().find(|l| !l.is_blank()))
            .is_some_and(|l| is_heading_like(l, body_size));
        // Small type that goes on above the run, a line or two set larger between (a list set
        // small, a reference list), is no footnote zone: notes sit under running text.
        let above: Vec<&Line> = lines[..i]
            .iter()
            .enumerate()
            .rev()
            .filter(|&(k, l)| !l.is_blank() && !mask[k])
            .take(SMALL_TEXT_ABOVE)
            .map(|(_, l)| l)
            .collect();
        let small_above = above.iter().filter(|l| is_small(l, body_size)).count();
        let in_small_text = small_above * 2 > above.len();
        if at_foot
            && !under_heading
            && !in_small_text
            && ((!labels.is_empty() && rising && text_above && called) || continues)
        {
            // The zone opens at its first label: a numbered note, or an author's `*` note
            // above it.
            let open = run
                .iter()
                .position(|l| {
                    !l.is_blank()
                        && line_label(l)
                            .is_some_and(|n| n.number.is_some() || n.form == MarkForm::Star)
                })
                .unwrap_or(0);
            let from = if carry || any || continues {
                i
            } else {
                i + open
            };
            for flag in mask.iter_mut().take(last + 1).skip(from) {
                *flag = true;
            }
            any = true;
        }
        i = last + 1;
    }
    any.then_some(mask)
}

/// Whether a line reads as a heading by its setting: short, not ending a sentence, and set
/// apart from the running text (another size, bold, or in capitals: `LITERATURE` in small
/// capitals). A page's running text never ends on a heading (typesetters keep a heading
/// with what follows it), so small type right under one is a list set small (a reference
/// list at the foot of a page), not the footnote zone.
fn is_heading_like(line: &Line, body_size: f32) -> bool {
    let t = line.text.trim();
    let capitals = t.chars().filter(|c| c.is_alphabetic()).count() >= 3
        && t.chars()
            .filter(|c| c.is_alphabetic())
            .all(char::is_uppercase);
    let set_apart = line
        .layout
        .is_some_and(|l| (l.font_size - body_size).abs() > SIZE_EPSILON || l.bold || capitals);
    set_apart
        && t.split_whitespace().count() <= HEADING_WORDS
        && !t.ends_with(['.', '!', '?', '؟', '。'])
}

/// The most words a heading line has, for [`is_heading_like`].
const HEADING_WORDS: usize = 8;

/// The font size and weight of a line, when it has layout.
fn style(line: &Line) -> Option<(f32, bool)> {
    line.layout.map(|l| (l.font_size, l.bold))
}

/// Where the title ends in the header lines (the title first) by typography: the title's
/// lines share its size and weight, and the title is set apart from what follows it. None
/// without layout, or when the first line after the title looks the same.
pub fn title_end(header: &[Line]) -> Option<usize> {
    let (size, bold) = style(header.first()?)?;
    let same =
        |l: &Line| style(l).is_some_and(|(s, b)| (s - size).abs() < SIZE_EPSILON && b == bold);
    let mut end = header.iter().position(|l| !same(l))?;
    // A line set apart by dashes right below, in type a little smaller, ends the title
    // (`– 2nd deliverable of ... –`): an author line never opens with a dash.
    while header.get(end).is_some_and(|l| {
        l.text.trim_start().starts_with(['–', '—'])
            && style(l).is_some_and(|(s, _)| s >= size * SUBTITLE_SHARE && s <= size)
    }) {
        end += 1;
    }
    (end > 0).then_some(end)
}

/// A title's dashed continuation is set at least at this share of the title's size.
const SUBTITLE_SHARE: f32 = 0.75;

/// The title's first line among the first page's running text by typography: the first line
/// set in the largest type of the page's words (a line of one word, such as a journal's name
/// or a rubric, set larger still, aside), when it is larger than the running text.
pub fn title_start(first_page: &[Line], body_size: Option<f32>) -> Option<usize> {
    let body_size = body_size?;
    let worded = |l: &Line| {
        l.text
            .split_whitespace()
            .filter(|w| w.chars().any(char::is_alphabetic))
            .count()
            >= 2
    };
    let largest = first_page
        .iter()
        .filter(|l| worded(l))
        .filter_map(|l| l.layout.map(|x| x.font_size))
        .fold(None::<f32>, |m, s| Some(m.map_or(s, |m| m.max(s))))?;
    if largest < body_size * 1.15 {
        return None;
    }
    first_page.iter().position(|l| {
        worded(l)
            && l.layout
                .is_some_and(|x| (x.font_size - largest).abs() < SIZE_EPSILON)
    })
}

#[cfg(test)]
#[allow(clippy::single_range_in_vec_init)] // one raised run per test line
mod tests {
    use super::*;
    use crate::extract::input::LineLayout;

    fn laid(text: &str, size: f32, raised: Vec<std::ops::Range<usize>>) -> LineLayout {
        let _ = text;
        LineLayout {
            font_size: size,
            superscripts: raised,
            ..LineLayout::default()
        }
    }

    #[test]
    fn raised_digits_are_labels_and_markers() {
        let l = laid("", 9.0, vec![0..1]);
        let line = Line {
            number: 1,
            text: "1 See the first note.",
            layout: Some(&l),
        };
        let label = line_label(&line).expect("raised label");
        assert_eq!(
            (label.form, label.label.as_str(), label.number, label.rest),
            (MarkForm::Superscript, "1", Some(1), 2)
        );
        let m = laid("", 11.0, vec![21..23]);
        let body = Line {
            number: 2,
            text: "as the court held it.12 Then",
            layout: Some(&m),
        };
        let found = line_markers(&body, false);
        assert_eq!(found.len(), 1);
        assert_eq!(
            (found[0].number, found[0].start, found[0].weight),
            (12, 21, 4)
        );
        // Without layout the same text has no marker and a bare label.
        let plain = Line::new(2, body.text);
        assert!(line_markers(&plain, false).is_empty());
        assert_eq!(
            line_label(&Line::new(1, line.text)).map(|l| l.form),
            Some(MarkForm::Bare)
        );
    }

    fn at(size: f32, y: f32, raised: Vec<std::ops::Range<usize>>) -> LineLayout {
        LineLayout {
            bbox: crate::model::BoundingBox {
                x0: 50.0,
                y0: y,
                x1: 500.0,
                y1: y + size,
            },
            font_size: size,
            superscripts: raised,
            ..LineLayout::default()
        }
    }

    #[test]
    fn the_zone_is_the_small_type_at_the_foot() {
        let (b1, b2, b3) = (
            at(11.0, 100.0, vec![43..44]),
            at(11.0, 300.0, vec![37..38]),
            at(11.0, 320.0, vec![]),
        );
        let (n1, w, n2) = (
            at(9.0, 600.0, vec![0..1]),
            at(9.0, 612.0, vec![]),
            at(9.0, 624.0, vec![0..1]),
        );
        let line = |number, text, layout| Line {
            number,
            text,
            layout: Some(layout),
        };
        let lines = [
            line(1, "Running text of the page that calls a note.1", &b1),
            line(2, "More running text, and a second call.2", &b2),
            line(3, "Running text again, the last of the page.", &b3),
            line(4, "1 First note, which wraps", &n1),
            line(5, "Onto a line that starts in capitals.", &w),
            line(6, "2 Second note.", &n2),
        ];
        let size = body_font_size(std::iter::once(&lines[..]));
        assert_eq!(size, Some(11.0));
        let mask = note_mask(&lines, size, false).expect("a zone");
        assert_eq!(mask, vec![false, false, false, true, true, true]);
        // Small lines above the first label continue the previous page's note only.
        let carried = [lines[0], lines[1], lines[4], lines[5]];
        assert_eq!(
            note_mask(&carried, size, true),
            Some(vec![false, false, true, true])
        );
        assert_eq!(
            note_mask(&carried, size, false),
            Some(vec![false, false, false, true])
        );
        // A note nobody calls is no note; without layout the text rules decide.
        let uncalled = [lines[2], lines[3]];
        assert_eq!(note_mask(&uncalled, size, false), None);
        // A numbered list set small, then, after a break, the notes in smaller type: the
        // list is running text.
        let (r1, r2) = (at(10.0, 400.0, vec![]), at(10.0, 412.0, vec![]));
        let blank = Line::new(0, "");
        let listed = [
            lines[0],
            lines[1],
            line(7, "1- A work listed small.", &r1),
            line(8, "2- Another work listed.", &r2),
            blank,
            lines[3],
            lines[4],
            lines[5],
        ];
        assert_eq!(
            note_mask(&listed, size, false),
            Some(vec![false, false, false, false, false, true, true, true])
        );
        // A numbered list set small right under a heading (a reference list at the foot
        // of a page) is no zone, though the page calls its numbers.
        let heading = at(13.0, 560.0, vec![]);
        let under = [
            lines[0],
            lines[1],
            line(9, "References in Arabic", &heading),
            lines[3],
            lines[4],
            lines[5],
        ];
        assert_eq!(note_mask(&under, size, false), None);
        // So is one under a heading in capitals at the running text's size.
        let capitals = at(11.0, 560.0, vec![]);
        let mut under_capitals = under;
        under_capitals[2] = line(9, "LITERATURE", &capitals);
        assert_eq!(note_mask(&under_capitals, size, false), None);
        // A numbered list set small whose run one line at the running text's size breaks
        // (a glyph set larger): the rest of the list runs on under small type, no zone.
        let small: Vec<LineLayout> = (0..6)
            .map(|k| at(9.0, 400.0 + 12.0 * k as f32, vec![]))
            .collect();
        let larger = at(11.0, 472.0, vec![]);
        let broken_list = [
            lines[0],
            lines[1],
            line(10, "1. Ash, R. (2001) A listed work.", &small[0]),
            line(11, "2. Birch, S. (2003) Another listed work.", &small[1]),
            line(12, "3. Cole, T. (2005) A third listed work.", &small[2]),
            line(13, "4. Dunn, U. (2007) A fourth listed work.", &small[3]),
            line(14, "5. Eyre, V. (2009) A fifth listed work", &small[4]),
            line(15, "(2009) set in the larger size of the text.", &larger),
            lines[3],
            lines[4],
            lines[5],
        ];
        assert_eq!(note_mask(&broken_list, size, false), None);
        let plain: Vec<Line> = lines.iter().map(|l| Line::new(l.number, l.text)).collect();
        assert_eq!(body_font_size(std::iter::once(&plain[..])), None);
    }

    #[test]
    fn the_title_by_size_and_weight() {
        let big = LineLayout {
            font_size: 17.0,
            bold: true,
            ..LineLayout::default()
        };
        let names = LineLayout {
            font_size: 12.0,
            ..LineLayout::default()
        };
        let text = LineLayout {
            font_size: 11.0,
            ..LineLayout::default()
        };
        let lines = [
            Line {
                number: 1,
                text: "https://doi.org/10.1/x",
                layout: Some(&names),
            },
            Line {
                number: 2,
                text: "A Title in Large Type:",
                layout: Some(&big),
            },
            Line {
                number: 3,
                text: "And Its Second Line",
                layout: Some(&big),
            },
            Line {
                number: 4,
                text: "Author Name",
                layout: Some(&names),
            },
            Line {
                number: 5,
                text: "Running text of the paper.",
                layout: Some(&text),
            },
            Line {
                number: 6,
                text: "Running text of the paper.",
                layout: Some(&text),
            },
        ];
        assert_eq!(title_start(&lines, Some(11.0)), Some(1));
        assert_eq!(title_end(&lines[1..]), Some(2));
        // A line set apart by dashes below it, a little smaller, ends the title.
        let dashed = LineLayout {
            font_size: 14.0,
            ..LineLayout::default()
        };
        let with_subtitle = [
            lines[1],
            Line {
                number: 3,
                text: "– The Second Report of a Working Group –",
                layout: Some(&dashed),
            },
            lines[3],
        ];
        assert_eq!(title_end(&with_subtitle), Some(2));
        let plain: Vec<Line> = lines.iter().map(|l| Line::new(l.number, l.text)).collect();
        assert_eq!(title_end(&plain), None);
    }
}
