//! Repair of what PDF text extraction certainly broke in a line of Arabic text, and nothing
//! else: bidi controls (with the visual order of the runs they wrap), reversed lam-alef and
//! Allah ligatures, presentation forms, marks split off their letter, justification tatweel.
//!
//! Each rule fires only on a sequence that correct Arabic or Latin text cannot hold, so
//! already-correct text passes unchanged and a repaired line repairs to itself. The patterns
//! are those `pdftotext` (poppler, default mode) prints for Word, LibreOffice and XeLaTeX
//! PDFs (see tools/arabic-corpus/README.md):
//! - every line of a right-to-left page is wrapped in U+202B … U+202C, and every run of
//!   digits, Latin text or weak punctuation in it in U+202A … U+202C, that run printed in
//!   visual order (`رقم [ 45]لسنة` for `رقم 45 لسنة`, `الله[ ،]والإلزام` for `الله، والإلزام`,
//!   with `[` for U+202A and `]` for U+202C);
//! - a ligature glyph's letters come out reversed: `األحكام` for `الأحكام`, `إال` for `إلا`,
//!   `اهلل` for `الله`;
//! - a mark over a ligature or a final letter is split off with a space: `أو ًال`, `فرقا ً`.
//!
//! Ambiguous cases stay as they are: a reversed lam-alef after a joining letter (`العالقات`
//! may be `العلاقات`, but `العالم` is a word), digits beside Latin text in a mixed run, brackets
//! that a typesetter mirrored.

use super::input::{PagedInput, SourceLine, SourcePage};
use std::borrow::Cow;

/// How many repairs of each kind were made (the model's record of them).
pub use crate::model::TextRepairs as RepairCounts;

/// A repaired line.
#[derive(Debug, Clone, PartialEq)]
pub struct RepairedLine<'a> {
    /// The line in reading order with correct characters (borrowed when nothing changed).
    pub text: Cow<'a, str>,
    /// For each character of `text`, the byte offset in the source line of the character it
    /// came from; empty when nothing changed.
    offsets: Vec<usize>,
    /// What was repaired.
    pub counts: RepairCounts,
}

impl RepairedLine<'_> {
    /// The byte offset in the source line of the character at byte `offset` of the repaired
    /// text (the source line's length past the end).
    pub fn source_offset(&self, offset: usize) -> usize {
        if self.offsets.is_empty() {
            return offset;
        }
        let mut pos = 0;
        for (c, &src) in self.text.chars().zip(&self.offsets) {
            if pos >= offset {
                return src;
            }
            pos += c.len_utf8();
        }
        self.offsets.last().map_or(0, |&o| o + 1)
    }
}

/// A character with the byte offset of its source in the input line.
type Ch = (char, usize);

/// Repairs one line (see the module comment for what is repaired).
pub fn repair_line(line: &str) -> RepairedLine<'_> {
    if !line.chars().any(needs_look) {
        return RepairedLine {
            text: Cow::Borrowed(line),
            offsets: Vec::new(),
            counts: RepairCounts::default(),
        };
    }
    let mut counts = RepairCounts::default();
    let chars: Vec<Ch> = line.char_indices().map(|(i, c)| (c, i)).collect();
    let chars = repair_bidi(chars, &mut counts);
    let chars = repair_presentation_forms(chars, &mut counts);
    let chars = join_detached_marks(chars, &mut counts);
    let chars = drop_tatweels(chars, &mut counts);
    let chars = repair_ligatures(chars, &mut counts);
    let text: String = chars.iter().map(|&(c, _)| c).collect();
    if text == line {
        return RepairedLine {
            text: Cow::Borrowed(line),
            offsets: Vec::new(),
            counts: RepairCounts::default(),
        };
    }
    RepairedLine {
        text: Cow::Owned(text),
        offsets: chars.iter().map(|&(_, o)| o).collect(),
        counts,
    }
}

/// Characters that can start a repair; a line without any is left alone at once.
fn needs_look(c: char) -> bool {
    matches!(c,
        '\u{0621}'..='\u{0670}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}'
        | '\u{2066}'..='\u{2069}' | '\u{FB50}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFE}')
}

const LRE: char = '\u{202A}';
const RLE: char = '\u{202B}';
const PDF: char = '\u{202C}';

fn is_bidi_control(c: char) -> bool {
    matches!(
        c,
        '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'
    )
}

/// Strong right-to-left: Arabic and Hebrew letters (marks count with their letter).
fn is_rtl(c: char) -> bool {
    matches!(c,
        '\u{0590}'..='\u{05FF}' | '\u{0608}' | '\u{060B}' | '\u{060D}' | '\u{061B}'..='\u{064A}'
        | '\u{066D}'..='\u{06D5}' | '\u{06E5}' | '\u{06E6}' | '\u{06EE}' | '\u{06EF}'
        | '\u{06FA}'..='\u{08FF}' | '\u{FB1D}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFE}')
}

/// Strong left-to-right: letters of the other scripts.
fn is_ltr(c: char) -> bool {
    c.is_alphabetic() && !is_rtl(c) && !is_mark(c)
}

fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || matches!(c, '\u{0660}'..='\u{0669}' | '\u{06F0}'..='\u{06F9}')
}

/// Arabic combining marks (harakat, tanween, shadda, sukun, superscript alef, ...).
fn is_mark(c: char) -> bool {
    matches!(c, '\u{064B}'..='\u{065F}' | '\u{0670}')
}

/// Puts back in reading order the runs that poppler printed in visual order, then drops the
/// bidi controls.
///
/// poppler writes a right-to-left line as RLE, the line, PDF, and each run it found left to
/// right (digits, Latin letters and the neutral characters around them) as LRE, the run in
/// visual order, PDF. In a run, the neutral characters at its left end stand after the
/// run's text in reading order and those at its right end before it; a run with no Latin
/// letter (digits and punctuation only) reads right to left, number by number. A left-to-
/// right line holds RLE … PDF runs of Arabic, whose neutral characters at the start (the
/// visual right end) stand after the Arabic text when a Latin letter or the line end
/// follows. Lines whose controls are not of this shape only lose their controls.
fn repair_bidi(chars: Vec<Ch>, counts: &mut RepairCounts) -> Vec<Ch> {
    if !chars.iter().any(|&(c, _)| is_bidi_control(c)) {
        return chars;
    }
    let reordered = poppler_runs(&chars).map(|runs| {
        let mut out = Vec::with_capacity(chars.len());
        let outer_rtl = runs.rtl_line;
        let n = runs.runs.len();
        for (i, run) in runs.runs.iter().enumerate() {
            let body = &chars[run.start..run.end];
            let fixed = match run.kind {
                RunKind::Plain => body.to_vec(),
                RunKind::Ltr if outer_rtl => {
                    let alone = runs
                        .runs
                        .iter()
                        .filter(|r| r.kind == RunKind::Plain)
                        .all(|r| {
                            chars[r.start..r.end]
                                .iter()
                                .all(|&(c, _)| c.is_whitespace() || is_bidi_control(c))
                        });
                    if alone {
                        whole_line_run(body)
                    } else {
                        ltr_run_in_rtl_line(body)
                    }
                }
                RunKind::Rtl if !outer_rtl => {
                    let next = runs.runs[i + 1..n]
                        .iter()
                        .flat_map(|r| chars[r.start..r.end].iter())
                        .find(|&&(c, _)| !c.is_whitespace() && !is_bidi_control(c));
                    let latin_or_end = next.is_none_or(|&(c, _)| is_ltr(c));
                    rtl_run_in_ltr_line(body, latin_or_end)
                }
                _ => body.to_vec(),
            };
            if fixed != body {
                counts.visual_runs += 1;
            }
            out.extend(fixed);
        }
        out
    });
    let base = reordered.unwrap_or(chars);
    let before = base.len();
    let out: Vec<Ch> = base
        .into_iter()
        .filter(|&(c, _)| !is_bidi_control(c))
        .collect();
    counts.bidi_controls += before - out.len();
    out
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum RunKind {
    /// Text at the line's own level.
    Plain,
    /// An LRE … PDF run (its content, without the controls).
    Ltr,
    /// An RLE … PDF run inside a left-to-right line.
    Rtl,
}

#[derive(Debug)]
struct Run {
    kind: RunKind,
    start: usize,
    end: usize,
}

struct PopplerRuns {
    rtl_line: bool,
    runs: Vec<Run>,
}

/// The line cut into the runs poppler's controls mark, when the controls have poppler's
/// shape: only LRE, RLE and PDF, never nested beyond one run inside the line's own RLE.
fn poppler_runs(chars: &[Ch]) -> Option<PopplerRuns> {
    if chars
        .iter()
        .any(|&(c, _)| is_bidi_control(c) && !matches!(c, LRE | RLE | PDF))
    {
        return None;
    }
    let first = chars.iter().position(|&(c, _)| !c.is_whitespace())?;
    let last = chars.iter().rposition(|&(c, _)| !c.is_whitespace())?;
    let rtl_line = chars[first].0 == RLE && chars[last].0 == PDF;
    let (inner_start, inner_end, inner) = if rtl_line {
        (first + 1, last, RunKind::Ltr)
    } else {
        (0, chars.len(), RunKind::Rtl)
    };
    let opener = if rtl_line { LRE } else { RLE };
    let mut runs = Vec::new();
    if rtl_line {
        runs.push(Run {
            kind: RunKind::Plain,
            start: 0,
            end: inner_start,
        });
    }
    let mut i = inner_start;
    let mut plain_start = i;
    while i < inner_end {
        let c = chars[i].0;
        if c == opener {
            let close = (i + 1..inner_end).find(|&k| matches!(chars[k].0, LRE | RLE | PDF))?;
            if chars[close].0 != PDF {
                return None;
            }
            runs.push(Run {
                kind: RunKind::Plain,
                start: plain_start,
                end: i + 1,
            });
            runs.push(Run {
                kind: inner,
                start: i + 1,
                end: close,
            });
            i = close;
            plain_start = close;
            i += 1;
            continue;
        }
        if matches!(c, LRE | RLE | PDF) {
            return None;
        }
        i += 1;
    }
    runs.push(Run {
        kind: RunKind::Plain,
        start: plain_start,
        end: chars.len(),
    });
    Some(PopplerRuns { rtl_line, runs })
}

/// Whether `c` anchors a left-to-right run: a Latin (non-Arabic) letter or a digit.
fn is_anchor(c: char) -> bool {
    is_ltr(c) || is_digit(c)
}

fn closing_for(open: char) -> Option<char> {
    Some(match open {
        '(' => ')',
        '[' => ']',
        '{' => '}',
        '«' => '»',
        _ => return None,
    })
}

/// The reading order of a run poppler printed in visual order inside a right-to-left line.
fn ltr_run_in_rtl_line(run: &[Ch]) -> Vec<Ch> {
    let Some(first) = run.iter().position(|&(c, _)| is_anchor(c)) else {
        // Neutral characters only: the whole run reads right to left.
        return run.iter().rev().copied().collect();
    };
    let last = run
        .iter()
        .rposition(|&(c, _)| is_anchor(c))
        .unwrap_or(first);
    let (mut core_start, mut core_end) = (first, last + 1);
    // A bracket at the core's edge that pairs with one inside it belongs to the core.
    loop {
        let depth = bracket_balance(&run[core_start..core_end]);
        if depth.unclosed > 0 && core_end < run.len() && is_closing(run[core_end].0) {
            core_end += 1;
        } else if depth.unopened > 0 && core_start > 0 && is_opening(run[core_start - 1].0) {
            core_start -= 1;
        } else {
            break;
        }
    }
    let core = &run[core_start..core_end];
    let mut out: Vec<Ch> = run[core_end..].iter().rev().copied().collect();
    if core.iter().any(|&(c, _)| is_ltr(c)) {
        out.extend_from_slice(core);
    } else {
        out.extend(number_runs_reversed(core));
    }
    out.extend(run[..core_start].iter().rev());
    out
}

struct Balance {
    unclosed: usize,
    unopened: usize,
}

fn is_opening(c: char) -> bool {
    closing_for(c).is_some()
}

fn is_closing(c: char) -> bool {
    matches!(c, ')' | ']' | '}' | '»')
}

fn bracket_balance(chars: &[Ch]) -> Balance {
    let mut unclosed = 0usize;
    let mut unopened = 0usize;
    for &(c, _) in chars {
        if is_opening(c) {
            unclosed += 1;
        } else if is_closing(c) {
            if unclosed > 0 {
                unclosed -= 1;
            } else {
                unopened += 1;
            }
        }
    }
    Balance { unclosed, unopened }
}

/// Digits and punctuation with no Latin letter, printed left to right: the numbers keep
/// their digit order (a number may hold one separator between digits: `12.5`, `2019/2020`,
/// `1,200`, `٢٦٫٤`), everything else reads right to left. A hyphen is not part of a number:
/// LibreOffice sets `1881-1914` in Arabic text as two numbers read right to left.
fn number_runs_reversed(core: &[Ch]) -> Vec<Ch> {
    let mut units: Vec<&[Ch]> = Vec::new();
    let mut i = 0;
    while i < core.len() {
        if is_digit(core[i].0) {
            let mut j = i + 1;
            loop {
                while j < core.len() && is_digit(core[j].0) {
                    j += 1;
                }
                let separator = j + 1 < core.len()
                    && matches!(core[j].0, '.' | ',' | '/' | ':' | '٫' | '٬')
                    && is_digit(core[j + 1].0);
                if separator {
                    j += 1;
                } else {
                    break;
                }
            }
            // A percent sign written after Western digits belongs to the number.
            if j < core.len() && core[j].0 == '%' && core[j - 1].0.is_ascii_digit() {
                j += 1;
            }
            units.push(&core[i..j]);
            i = j;
        } else {
            units.push(&core[i..i + 1]);
            i += 1;
        }
    }
    units.into_iter().rev().flatten().copied().collect()
}

/// A line that is one left-to-right run on a right-to-left page is a left-to-right line (an
/// English abstract) or a line of Latin text in a right-to-left paragraph (a note); only a
/// sentence's end punctuation, which the second kind prints at the left, tells them apart.
fn whole_line_run(run: &[Ch]) -> Vec<Ch> {
    let lead = run
        .iter()
        .take_while(|&&(c, _)| matches!(c, '.' | ',' | ';' | ':' | '!' | '?' | '،' | '؛'))
        .count();
    if lead == 0 || lead == run.len() || !run.get(lead).is_some_and(|&(c, _)| is_anchor(c)) {
        return run.to_vec();
    }
    let mut out = run[lead..].to_vec();
    out.extend(run[..lead].iter().rev());
    out
}

/// An RLE … PDF run of a left-to-right line is in reading order, except the neutral
/// characters at its start: they were at its visual right end, after the Arabic text.
fn rtl_run_in_ltr_line(run: &[Ch], latin_or_end_follows: bool) -> Vec<Ch> {
    if !latin_or_end_follows {
        return run.to_vec();
    }
    let lead = run
        .iter()
        .take_while(|&&(c, _)| !is_rtl(c) && !is_anchor(c))
        .count();
    if lead == 0 || lead == run.len() {
        return run.to_vec();
    }
    let mut out = run[lead..].to_vec();
    out.extend(run[..lead].iter().rev());
    out
}

/// Arabic presentation forms (U+FB50–U+FDFF, U+FE70–U+FEFE) become the letters they show;
/// a lam-alef form becomes lam then alef. Word ligatures that stand for a phrase or a sign
/// (ﷺ, ﷻ, ﷽, the rial sign) are kept.
fn repair_presentation_forms(chars: Vec<Ch>, counts: &mut RepairCounts) -> Vec<Ch> {
    use unicode_normalization::char::decompose_compatible;
    use unicode_normalization::UnicodeNormalization;
    if !chars.iter().any(|&(c, _)| is_presentation_form(c)) {
        return chars;
    }
    let mut out = Vec::with_capacity(chars.len());
    for (c, o) in chars {
        if !is_presentation_form(c) {
            out.push((c, o));
            continue;
        }
        let mut decomposed = String::new();
        decompose_compatible(c, |d| decomposed.push(d));
        // Isolated mark forms decompose to a space (or a tatweel) before the mark.
        if ('\u{FE70}'..='\u{FE7F}').contains(&c) {
            decomposed.retain(|d| d != ' ' && d != '\u{0640}');
        }
        // Hamza and madda forms are composed again (`لأ`, not lam, alef, hamza above).
        let letters: Vec<char> = decomposed.nfc().collect();
        if letters.is_empty() || letters == [c] {
            out.push((c, o));
            continue;
        }
        counts.presentation_forms += 1;
        out.extend(letters.into_iter().map(|d| (d, o)));
    }
    out
}

fn is_presentation_form(c: char) -> bool {
    matches!(c, '\u{FB50}'..='\u{FDF9}' | '\u{FE70}'..='\u{FEFE}') && c != '\u{FEFF}'
}

/// A mark after a space belongs to the letter before the space (no word starts with a
/// mark): `فرقا ً` → `فرقاً`.
fn join_detached_marks(chars: Vec<Ch>, counts: &mut RepairCounts) -> Vec<Ch> {
    let mut out: Vec<Ch> = Vec::with_capacity(chars.len());
    let mut i = 0;
    while i < chars.len() {
        let (c, _) = chars[i];
        if c == ' '
            && i + 1 < chars.len()
            && is_mark(chars[i + 1].0)
            && out
                .last()
                .is_some_and(|&(p, _)| crate::script::is_arabic_letter(p) || is_mark(p))
        {
            counts.detached_marks += 1;
            i += 1;
            continue;
        }
        out.push(chars[i]);
        i += 1;
    }
    out
}

fn is_alef(c: char) -> bool {
    matches!(c, 'ا' | 'أ' | 'إ' | 'آ')
}

/// Puts reversed ligatures back in order where the reversed sequence cannot be Arabic:
/// - two alefs in a row before a lam (`األ` → `الأ`, `إال` → `إلا`, `االلتزام` →
///   `الالتزام`): no word holds two alefs in a row, so the second alef and the lam are a
///   lam-alef ligature printed backwards;
/// - `اهلل` → `الله`: alef, heh, lam, lam is no Arabic word, it is alef and the Allah
///   ligature (lam, lam, heh) printed backwards;
/// - a mark, alef, lam inside a word (`أوًال` → `أولاً`): no mark is followed by alef and
///   lam in one word; the mark sat over a lam-alef ligature printed backwards.
fn repair_ligatures(mut chars: Vec<Ch>, counts: &mut RepairCounts) -> Vec<Ch> {
    // A swap can make a new pattern one position back (`ااال`): repeat until none is left.
    // Each swap moves a lam before an alef or mark, so this ends.
    loop {
        let before = counts.ligatures;
        chars = ligature_pass(chars, counts);
        if counts.ligatures == before {
            return chars;
        }
    }
}

fn ligature_pass(mut chars: Vec<Ch>, counts: &mut RepairCounts) -> Vec<Ch> {
    let mut i = 0;
    while i + 2 < chars.len() {
        let (a, b, c) = (chars[i].0, chars[i + 1].0, chars[i + 2].0);
        if is_alef(a) && is_alef(b) && c == 'ل' {
            chars.swap(i + 1, i + 2);
            counts.ligatures += 1;
            i += 2;
            continue;
        }
        if a == 'ا' && b == 'ه' && c == 'ل' && chars.get(i + 3).is_some_and(|&(d, _)| d == 'ل')
        {
            // ا ه ل ل → ا ل ل ه
            chars.swap(i + 1, i + 3);
            counts.ligatures += 1;
            i += 4;
            continue;
        }
        if is_mark(a)
            && b == 'ا'
            && c == 'ل'
            && i > 0
            && chars[i - 1].0 != 'ـ'
            && crate::script::is_arabic_letter(chars[i - 1].0)
        {
            // mark ا ل → ل ا mark
            chars.swap(i, i + 2);
            counts.ligatures += 1;
            i += 3;
            continue;
        }
        i += 1;
    }
    chars
}

/// Letters that join the letter after them (so a tatweel may stretch the join).
fn joins_left(c: char) -> bool {
    matches!(
        c,
        'ب' | 'ت'
            | 'ث'
            | 'ج'
            | 'ح'
            | 'خ'
            | 'س'
            | 'ش'
            | 'ص'
            | 'ض'
            | 'ط'
            | 'ظ'
            | 'ع'
            | 'غ'
            | 'ف'
            | 'ق'
            | 'ك'
            | 'ل'
            | 'م'
            | 'ن'
            | 'ه'
            | 'ي'
            | 'ئ'
            | 'ى'
            | 'ی'
            | 'ک'
            | 'گ'
            | 'پ'
            | 'چ'
            | 'ڤ'
            | 'ڨ'
            | 'ـ'
    )
}

/// Tatweels that stretch the join between two letters are justification, not text:
/// `الإلـكترونية` → `الإلكترونية`. A tatweel elsewhere (a rule of tatweels, one carrying a
/// mark) is kept.
fn drop_tatweels(chars: Vec<Ch>, counts: &mut RepairCounts) -> Vec<Ch> {
    if !chars.iter().any(|&(c, _)| c == 'ـ') {
        return chars;
    }
    let mut out: Vec<Ch> = Vec::with_capacity(chars.len());
    let mut i = 0;
    while i < chars.len() {
        if chars[i].0 == 'ـ' {
            let end = (i..chars.len())
                .find(|&k| chars[k].0 != 'ـ')
                .unwrap_or(chars.len());
            let before = out.last().map(|&(c, _)| c);
            let after = chars.get(end).map(|&(c, _)| c);
            let stretch = before.is_some_and(|b| joins_left(b) && b != 'ـ')
                && after.is_some_and(|a| crate::script::is_arabic_letter(a) && !is_mark(a));
            if stretch {
                counts.tatweels += end - i;
            } else {
                out.extend_from_slice(&chars[i..end]);
            }
            i = end;
            continue;
        }
        out.push(chars[i]);
        i += 1;
    }
    out
}

/// Repairs every line of a reader's pages; `None` when no line needed it. The counts go to
/// `source.repairs`; line numbers are kept, so every extracted unit still points at its line.
pub fn repair_input(input: &PagedInput) -> Option<PagedInput> {
    let mut counts = RepairCounts::default();
    let mut pages = Vec::with_capacity(input.pages.len());
    for page in &input.pages {
        let mut lines = Vec::with_capacity(page.lines.len());
        for line in &page.lines {
            let repaired = repair_line(&line.text);
            counts.add(&repaired.counts);
            let text = repaired.text.into_owned();
            lines.push(SourceLine {
                text,
                ..line.clone()
            });
        }
        pages.push(SourcePage {
            lines,
            ..page.clone()
        });
    }
    if counts.is_empty() {
        return None;
    }
    let mut source = input.source.clone();
    source.repairs.add(&counts);
    Some(PagedInput {
        source,
        pages,
        warnings: input.warnings.clone(),
    })
}

#[cfg(test)]
mod tests;
