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
//! Ambiguous cases stay as they are: digits beside Latin text in a mixed run, brackets that a
//! typesetter mirrored, and a reversed lam-alef after a joining letter (`العالقات` may be
//! `العلاقات`, but `العالم` is a word) unless the whole document prints its ligatures
//! backwards, where word structure decides ([`lam_alef`]).

use super::input::{PagedInput, SourceLine, SourcePage};
use letters::{is_alef, is_mark, Ch};
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

/// Repairs one line (see the module comment for what is repaired).
pub fn repair_line(line: &str) -> RepairedLine<'_> {
    repair_line_in(line, None)
}

/// Repairs one line of a document that printed its lam-alef ligatures backwards (`reversing`
/// holds its words, see [`lam_alef`]) or not.
fn repair_line_in<'a>(line: &'a str, reversing: Option<&lam_alef::Vocabulary>) -> RepairedLine<'a> {
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
    let chars = join_split_words(chars, &mut counts);
    let chars = close_dotted_abbreviations(chars, &mut counts);
    let mut chars = repair_ligatures(chars, &mut counts);
    if let Some(words) = reversing {
        counts.ligatures += lam_alef::resolve(&mut chars, words);
    }
    // To a fixed point (it ends: every change moves a `)` to the right), since unmirroring
    // one number can leave its neighbour's brackets mirrored.
    loop {
        let before = counts.visual_runs;
        chars = unmirror_number_brackets(chars, &mut counts);
        if counts.visual_runs == before {
            break;
        }
    }
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

/// A number in brackets that a typesetter mirrored in Arabic text (XeLaTeX's bidi prints
/// `(٣٨٠)` as `)٣٨٠(` and `١١(٣)` as `١١)٣(`): a closing bracket, a number (digits with
/// decimal or thousands separators, a percent sign), an opening bracket. Correct text never
/// closes a bracket right before a number that it then opens one after. Counted as visual runs.
fn unmirror_number_brackets(mut chars: Vec<Ch>, counts: &mut RepairCounts) -> Vec<Ch> {
    if !chars
        .iter()
        .any(|&(c, _)| crate::script::is_arabic_letter(c))
    {
        return chars;
    }
    let mut i = 0;
    while i < chars.len() {
        if chars[i].0 != ')' {
            i += 1;
            continue;
        }
        // `(٣)` closes a correctly bracketed number: this `)` is no mirrored `(`.
        let mut k = i;
        while k > 0 && (is_digit(chars[k - 1].0) || matches!(chars[k - 1].0, '.' | ',' | '٫' | '٬'))
        {
            k -= 1;
        }
        if k < i && k > 0 && chars[k - 1].0 == '(' {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        while j < chars.len()
            && (is_digit(chars[j].0) || matches!(chars[j].0, '.' | ',' | '٫' | '٬' | '%' | '٪'))
        {
            j += 1;
        }
        let number = j > i + 1 && is_digit(chars[i + 1].0) && is_digit(chars[j - 1].0)
            || (j > i + 2 && matches!(chars[j - 1].0, '%' | '٪') && is_digit(chars[j - 2].0));
        if number && chars.get(j).is_some_and(|&(c, _)| c == '(') {
            chars[i].0 = '(';
            chars[j].0 = ')';
            counts.visual_runs += 1;
            i = j + 1;
        } else {
            i += 1;
        }
    }
    chars
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
        if let Some(fixed) = latin_note_after_label(&chars, &runs)
            .or_else(|| latin_run_with_label_at_end(&chars, &runs))
            .or_else(|| latin_run_and_its_closing_bracket(&chars, &runs))
            .or_else(|| arabic_line_set_left_to_right(&chars, &runs))
        {
            counts.visual_runs += 1;
            return fixed;
        }
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
                    // A line of digits and punctuation only flows right to left (a
                    // reference's page range wrapped onto its own line) when its full stop
                    // was printed at the left or its digits are Arabic-Indic; `2018.` ends a
                    // Latin reference.
                    let rtl_digits = !body.iter().any(|&(c, _)| is_ltr(c))
                        && body.iter().any(|&(c, _)| is_digit(c))
                        && (body
                            .first()
                            .is_some_and(|&(c, _)| matches!(c, '.' | '،' | ','))
                            || body.iter().any(|&(c, _)| arabic_digit(c).is_some()));
                    if alone && !rtl_digits {
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
    let wrapped = chars[first].0 == RLE && chars[last].0 == PDF;
    // A left-to-right line may start and end with an Arabic run: then the line's own RLE
    // does not hold the rest.
    runs_of_shape(chars, wrapped).or_else(|| wrapped.then(|| runs_of_shape(chars, false)).flatten())
}

/// [`poppler_runs`] for one reading of the line: a right-to-left line wrapped in its own
/// RLE … PDF, or a left-to-right line.
fn runs_of_shape(chars: &[Ch], rtl_line: bool) -> Option<PopplerRuns> {
    let first = chars.iter().position(|&(c, _)| !c.is_whitespace())?;
    let last = chars.iter().rposition(|&(c, _)| !c.is_whitespace())?;
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

/// A footnote of Latin text in a right-to-left paragraph, on the line of its label `(N)`:
/// poppler prints the label's opening bracket alone and the label's rest at the right end
/// of the Latin run (`(` + `Jean Martin, Droit civil )2`, `(` + `.Ibid., p. 93)3`, the
/// sentence's full stop at the run's left). Gives `(2) Jean Martin, Droit civil`,
/// `(3) Ibid., p. 93.`; any other shape is left to the general rules.
fn latin_note_after_label(chars: &[Ch], runs: &PopplerRuns) -> Option<Vec<Ch>> {
    if !runs.rtl_line {
        return None;
    }
    let mut ltr = runs.runs.iter().filter(|r| r.kind == RunKind::Ltr);
    let (Some(latin), None) = (ltr.next(), ltr.next()) else {
        return None;
    };
    let visible = |range: std::ops::Range<usize>| -> Vec<Ch> {
        chars[range]
            .iter()
            .filter(|&&(c, _)| !c.is_whitespace() && !is_bidi_control(c))
            .copied()
            .collect()
    };
    let opening = visible(0..latin.start);
    if !visible(latin.end..chars.len()).is_empty() || opening.len() != 1 {
        return None;
    }
    let open = opening[0];
    if open.0 != '(' {
        return None;
    }
    let run = &chars[latin.start..latin.end];
    let end = run.iter().rposition(|&(c, _)| !c.is_whitespace())? + 1;
    let digits = run[..end]
        .iter()
        .rev()
        .take_while(|&&(c, _)| c.is_ascii_digit())
        .count();
    if !(1..=3).contains(&digits) {
        return None;
    }
    let close = end - digits - 1;
    if run.get(close)?.0 != ')' {
        return None;
    }
    let punct = run
        .iter()
        .take_while(|&&(c, _)| matches!(c, '.' | ',' | ';'))
        .count();
    let text = &run[punct..close];
    let text_end = text.iter().rposition(|&(c, _)| !c.is_whitespace())? + 1;
    let text = &text[..text_end];
    // The note's text is Latin and its own brackets pair up.
    if !text.first().is_some_and(|&(c, _)| is_ltr(c)) {
        return None;
    }
    let balance = bracket_balance(text);
    if balance.unclosed > 0 || balance.unopened > 0 {
        return None;
    }
    let mut out = vec![open];
    out.extend_from_slice(&run[end - digits..end]);
    out.push(run[close]);
    out.push((' ', run[close].1));
    out.extend_from_slice(text);
    out.extend(run[..punct].iter().rev());
    Some(out)
}

/// The one left-to-right run of a right-to-left line, when nothing but `outside` (checked
/// on the visible characters around it) is printed beside it.
fn sole_latin_run<'r>(
    chars: &[Ch],
    runs: &'r PopplerRuns,
    outside: impl Fn(&[Ch]) -> bool,
) -> Option<&'r Run> {
    if !runs.rtl_line {
        return None;
    }
    let mut ltr = runs.runs.iter().filter(|r| r.kind == RunKind::Ltr);
    let (Some(latin), None) = (ltr.next(), ltr.next()) else {
        return None;
    };
    let visible: Vec<Ch> = chars[..latin.start]
        .iter()
        .chain(&chars[latin.end..])
        .filter(|&&(c, _)| !c.is_whitespace() && !is_bidi_control(c))
        .copied()
        .collect();
    outside(&visible).then_some(latin)
}

/// A line of a Latin note in a right-to-left paragraph whose label has no brackets: poppler
/// prints the label at the run's right end, `.Hale, Contracts, p. 44 2` for `2 Hale,
/// Contracts, p. 44.` and `Ferrand, Droit, Paris, -2` for `2- Ferrand, Droit, Paris,`. A
/// number after a space is only a label when the run ends a sentence (its full stop at the
/// left end); a hyphen before the number is one anyway, unless it joins two numbers of a line
/// that ends no sentence.
fn latin_run_with_label_at_end(chars: &[Ch], runs: &PopplerRuns) -> Option<Vec<Ch>> {
    let latin = sole_latin_run(chars, runs, |v| v.is_empty())?;
    let run = &chars[latin.start..latin.end];
    let end = run.iter().rposition(|&(c, _)| !c.is_whitespace())? + 1;
    let digits = run[..end]
        .iter()
        .rev()
        .take_while(|&&(c, _)| c.is_ascii_digit())
        .count();
    if !(1..=3).contains(&digits) || end <= digits + 1 {
        return None;
    }
    let punct = run
        .iter()
        .take_while(|&&(c, _)| matches!(c, '.' | ',' | ';'))
        .count();
    let label_start = end - digits;
    let before = run[label_start - 1].0;
    let hyphen = before == '-';
    let text_end = if hyphen { label_start - 1 } else { label_start };
    let joined_numbers = hyphen
        && run
            .get(text_end.wrapping_sub(1))
            .is_some_and(|&(c, _)| c.is_ascii_digit());
    // `p. 44 2`: the label follows the note's last number; `p. 88` is that number alone.
    let after_number = || {
        run[..label_start - 1]
            .iter()
            .rev()
            .find(|&&(c, _)| !c.is_whitespace())
            .is_some_and(|&(c, _)| c.is_ascii_digit())
    };
    let labelled = if hyphen {
        !joined_numbers || punct > 0
    } else {
        before == ' ' && punct > 0 && after_number()
    };
    if !labelled {
        return None;
    }
    let text = &run[punct..text_end];
    let text_end = text.iter().rposition(|&(c, _)| !c.is_whitespace())? + 1;
    let text = &text[..text_end];
    if !text.first().is_some_and(|&(c, _)| is_ltr(c))
        || text.iter().filter(|&&(c, _)| is_ltr(c)).count() < 3
    {
        return None;
    }
    let mut out: Vec<Ch> = run[label_start..end].to_vec();
    if hyphen {
        out.push(run[label_start - 1]);
    }
    out.push((' ', run[label_start].1));
    out.extend_from_slice(text);
    out.extend(run[..punct].iter().rev());
    Some(out)
}

/// A Latin line (an English title's second line) on a right-to-left page, whose closing
/// bracket poppler printed outside the run, at the line's right: `)` + `and Trade (1881-1914`
/// reads `and Trade (1881-1914)`.
fn latin_run_and_its_closing_bracket(chars: &[Ch], runs: &PopplerRuns) -> Option<Vec<Ch>> {
    let latin = sole_latin_run(chars, runs, |v| {
        !v.is_empty() && v.iter().all(|&(c, _)| is_closing(c))
    })?;
    let run = &chars[latin.start..latin.end];
    let closing: Vec<Ch> = chars[..latin.start]
        .iter()
        .filter(|&&(c, _)| is_closing(c))
        .copied()
        .collect();
    if !run.iter().any(|&(c, _)| is_ltr(c))
        || bracket_balance(run).unclosed != closing.len()
        || bracket_balance(run).unopened > 0
        || !chars[latin.end..]
            .iter()
            .all(|&(c, _)| c.is_whitespace() || is_bidi_control(c))
    {
        return None;
    }
    let mut out = run.to_vec();
    out.extend(closing.iter().rev());
    Some(out)
}

/// An Arabic line that poppler laid out left to right (on a page whose lines are mostly
/// Latin): Arabic runs wrapped in RLE … PDF between digits and punctuation, in visual order,
/// and no Latin letter. Read right to left, run by run; the pieces between the Arabic runs
/// read right to left too, numbers kept whole: `2021 ،01 ` + `العدد` + `،09 ` + `مجلة المجلد`
/// reads `مجلة المجلد 09، العدد 01، 2021`.
fn arabic_line_set_left_to_right(chars: &[Ch], runs: &PopplerRuns) -> Option<Vec<Ch>> {
    if runs.rtl_line
        || !runs.runs.iter().any(|r| r.kind == RunKind::Rtl)
        || chars
            .iter()
            .any(|&(c, _)| is_ltr(c) && !crate::script::is_arabic_letter(c))
    {
        return None;
    }
    let mut out = Vec::with_capacity(chars.len());
    for run in runs.runs.iter().rev() {
        let body: Vec<Ch> = chars[run.start..run.end]
            .iter()
            .filter(|&&(c, _)| !is_bidi_control(c))
            .copied()
            .collect();
        match run.kind {
            RunKind::Rtl => out.extend(body),
            _ => out.extend(number_runs_reversed(&body)),
        }
    }
    // The spaces at the line's edges are the run's margins, not the text's.
    let start = out.iter().position(|&(c, _)| !c.is_whitespace())?;
    let end = out.iter().rposition(|&(c, _)| !c.is_whitespace())? + 1;
    let mut trimmed: Vec<Ch> = Vec::with_capacity(end - start);
    for &ch in &out[start..end] {
        if ch.0 == ' ' && trimmed.last().is_some_and(|&(p, _)| p == ' ') {
            continue;
        }
        trimmed.push(ch);
    }
    Some(trimmed)
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
    // A range is written rising (`33–58`, `1870-1914`): one that already rises in visual
    // order was set left to right as a whole (XeLaTeX does) and stays one unit.
    let value = |u: &[Ch]| -> Option<u64> {
        let digits: String = u
            .iter()
            .filter_map(|&(c, _)| c.to_digit(10).or_else(|| arabic_digit(c)))
            .map(|d| char::from_digit(d, 10).unwrap_or('0'))
            .collect();
        (u.iter().all(|&(c, _)| is_digit(c)) && !digits.is_empty())
            .then(|| digits.parse().ok())
            .flatten()
    };
    let mut grouped: Vec<Vec<Ch>> = Vec::with_capacity(units.len());
    let mut k = 0;
    while k < units.len() {
        if let (Some(a), Some(dash), Some(b)) = (
            units.get(k).and_then(|u| value(u)),
            units.get(k + 1),
            units.get(k + 2).and_then(|u| value(u)),
        ) {
            if matches!(dash, [('-' | '–' | '—', _)]) && a < b {
                grouped.push(units[k..k + 3].concat());
                k += 3;
                continue;
            }
        }
        grouped.push(units[k].to_vec());
        k += 1;
    }
    grouped.into_iter().rev().flatten().collect()
}

/// The value of an Arabic-Indic or Persian digit.
fn arabic_digit(c: char) -> Option<u32> {
    match c {
        '\u{0660}'..='\u{0669}' => Some(c as u32 - 0x0660),
        '\u{06F0}'..='\u{06F9}' => Some(c as u32 - 0x06F0),
        _ => None,
    }
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
        let final_taa = chars.get(i + 2).is_some_and(|&(t, _)| t == 'ة')
            && chars
                .get(i + 3)
                .is_none_or(|&(d, _)| !crate::script::is_arabic_letter(d) && !is_mark(d));
        if c == ' '
            && final_taa
            && is_mark(chars[i + 1].0)
            && out
                .last()
                .is_some_and(|&(p, _)| crate::script::is_arabic_letter(p))
        {
            // `أدا ًة`: the tanween printed before the word's final taa marbuta is its own
            counts.detached_marks += 1;
            out.push(chars[i + 2]);
            out.push(chars[i + 1]);
            i += 3;
            continue;
        }
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
        if a == 'ا'
            && b == 'ل'
            && c == '\u{064B}'
            && i > 0
            && crate::script::is_arabic_letter(chars[i - 1].0)
            && chars
                .get(i + 3)
                .is_none_or(|&(d, _)| !crate::script::is_arabic_letter(d) && !is_mark(d))
        {
            // ا ل ً at a word's end → ل ا ً: a tanween fatha sits on the alef after a lam,
            // never on a lam after an alef (`أوالً` for `أولاً`)
            chars.swap(i, i + 1);
            counts.ligatures += 1;
            i += 3;
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

/// Letters that never join the letter after them: a glyph gap after one may come out of
/// pdftotext as a space inside the word.
fn ends_join(c: char) -> bool {
    matches!(c, 'ا' | 'أ' | 'إ' | 'آ' | 'د' | 'ذ' | 'ر' | 'ز' | 'و' | 'ؤ')
}

/// Word endings that never stand alone as a word (`ية`, `يات`).
const BOUND_ENDINGS: &[&str] = &["ية", "يات", "يتها", "يته", "يتهم", "يين"];

/// Joins a word that pdftotext split after a letter that does not join the next (XeLaTeX
/// kerns there): `التجار ية` → `التجارية`, when what follows the space is an ending that is
/// never a word; `الر ياض` → `الرياض`, when what precedes it is the article and one letter.
fn join_split_words(chars: Vec<Ch>, counts: &mut RepairCounts) -> Vec<Ch> {
    if !chars.iter().any(|&(c, _)| c == ' ') {
        return chars;
    }
    let is_letter = |c: char| crate::script::is_arabic_letter(c) && !is_mark(c);
    let mut out: Vec<Ch> = Vec::with_capacity(chars.len());
    for (i, &ch) in chars.iter().enumerate() {
        if ch.0 == ' ' && i > 0 && ends_join(chars[i - 1].0) {
            let after: String = chars[i + 1..]
                .iter()
                .map(|&(c, _)| c)
                .take_while(|&c| is_letter(c))
                .collect();
            // The word before the space, back to its start.
            let word: String = {
                let mut w: Vec<char> = out
                    .iter()
                    .rev()
                    .map(|&(c, _)| c)
                    .take_while(|&c| is_letter(c))
                    .collect();
                w.reverse();
                w.into_iter().collect()
            };
            // `الر`, `الز`: the article and one of these letters is never a word (`الا`
            // may be a misspelt `إلا`, so alef and waw do not count).
            let article_and_letter = ["ال", "وال", "بال", "فال"].iter().any(|a| {
                word.strip_prefix(a).is_some_and(|r| {
                    r.chars().count() == 1 && r.chars().all(|c| matches!(c, 'د' | 'ذ' | 'ر' | 'ز'))
                })
            });
            let splits = !after.is_empty()
                && (BOUND_ENDINGS.contains(&after.as_str())
                    || (article_and_letter && after.chars().count() >= 2));
            if splits {
                counts.split_words += 1;
                continue;
            }
        }
        out.push(ch);
    }
    out
}

/// Closes up an abbreviation of dotted single letters that pdftotext opened with spaces
/// (`م. د. علي` → `م.د. علي`, `أ. م. د.` → `أ.م.د.`): in a stretched (justified) line it
/// reads the gap after each dot as a space, so the same title comes out closed on one line
/// and open on the next. Arabic titles and abbreviations of letters (`أ.د.`, `م.م.`,
/// `ق.م.`) are written closed up, so the closed form is the printed one. Only a chain of
/// letters that each stand alone before their dot is joined; a letter and a dot before a
/// word (`أ. التعريف`, `د. علي`) stay. Counted as split words.
fn close_dotted_abbreviations(chars: Vec<Ch>, counts: &mut RepairCounts) -> Vec<Ch> {
    let is_letter = |c: char| crate::script::is_arabic_letter(c) && !is_mark(c);
    let text: Vec<char> = chars.iter().map(|&(c, _)| c).collect();
    // A dotted single letter at `i`: a letter, not after a letter, then a dot.
    let dotted_letter = |i: usize| {
        i + 1 < text.len()
            && is_letter(text[i])
            && text[i + 1] == '.'
            && (i == 0 || !(is_letter(text[i - 1]) || is_mark(text[i - 1])))
    };
    let mut drop = vec![false; chars.len()];
    let mut i = 0;
    while i < text.len() {
        if !dotted_letter(i) {
            i += 1;
            continue;
        }
        let mut k = i + 2;
        loop {
            let mut next = k;
            while next < text.len() && text[next] == ' ' {
                next += 1;
            }
            if next == k || !dotted_letter(next) {
                break;
            }
            for d in &mut drop[k..next] {
                *d = true;
            }
            counts.split_words += 1;
            k = next + 2;
        }
        i = k;
    }
    if !drop.contains(&true) {
        return chars;
    }
    chars
        .into_iter()
        .zip(drop)
        .filter_map(|(ch, d)| (!d).then_some(ch))
        .collect()
}

/// Repairs every line of a reader's pages; `None` when no line needed it. The counts go to
/// `source.repairs`; line numbers are kept, so every extracted unit still points at its line.
pub fn repair_input(input: &PagedInput) -> Option<PagedInput> {
    // Each line is repaired once; only a document that prints lam-alef backwards needs its
    // vocabulary and a second pass with it.
    let mut certain = 0;
    let mut printed = 0;
    let mut first: Vec<Vec<RepairedLine>> = Vec::with_capacity(input.pages.len());
    for page in &input.pages {
        let mut lines = Vec::with_capacity(page.lines.len());
        for line in &page.lines {
            let repaired = repair_line(&line.text);
            certain += repaired.counts.ligatures;
            printed += lam_alef::printed_lam_alef(&line.text);
            lines.push(repaired);
        }
        first.push(lines);
    }
    if lam_alef::document_reverses(certain, printed) {
        let mut words = lam_alef::Vocabulary::default();
        for repaired in first.iter().flatten() {
            words.add_line(&repaired.text);
        }
        first = input
            .pages
            .iter()
            .map(|page| {
                page.lines
                    .iter()
                    .map(|line| repair_line_in(&line.text, Some(&words)))
                    .collect()
            })
            .collect();
    }
    let mut counts = RepairCounts::default();
    let mut pages = Vec::with_capacity(input.pages.len());
    for (page, repaired_lines) in input.pages.iter().zip(first) {
        let mut lines = Vec::with_capacity(page.lines.len());
        for (line, repaired) in page.lines.iter().zip(repaired_lines) {
            counts.add(&repaired.counts);
            lines.push(SourceLine {
                number: line.number,
                text: repaired.text.into_owned(),
                layout: line.layout.clone(),
            });
        }
        pages.push(SourcePage {
            number: page.number,
            lines,
            size: page.size,
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

mod lam_alef;
mod letters;
#[cfg(test)]
mod tests;
