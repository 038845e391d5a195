//! Visual order → logical order for one line of glyphs: a PDF places glyphs left to right on
//! the page, and right-to-left text (Arabic) must be read back in the order it was written,
//! each glyph's own characters kept in their order (so a lam-alef glyph stays `لا`), numbers
//! and Latin runs inside Arabic kept left to right, and brackets drawn mirrored read as the
//! brackets they stand for.

/// The bidirectional class of one glyph, as far as reordering needs it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Class {
    /// A left-to-right letter (Latin, Greek, Cyrillic, …).
    Left,
    /// A right-to-left letter (Arabic, Hebrew, Syriac, Thaana).
    Right,
    /// A digit (European or Arabic-Indic).
    Number,
    /// A separator that stays inside a number (`.`, `,`, `:`, `/`, `-`, `+`).
    Separator,
    /// A sign that ends a number (`%`, `٪`, `‰`, `°`): drawn to its right, it reads with it.
    Terminator,
    /// Anything else (spaces, most punctuation, marks).
    Neutral,
}

fn is_rtl_letter(c: char) -> bool {
    matches!(c as u32, 0x0590..=0x05FF | 0x0600..=0x065F | 0x066E..=0x06EF | 0x06FA..=0x08FF | 0xFB1D..=0xFDFF | 0xFE70..=0xFEFF)
}

fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || matches!(c as u32, 0x0660..=0x0669 | 0x06F0..=0x06F9)
}

/// The class of a glyph's text: its first letter or digit decides.
pub fn classify(text: &str) -> Class {
    for c in text.chars() {
        if is_digit(c) {
            return Class::Number;
        }
        if is_rtl_letter(c) {
            return Class::Right;
        }
        if c.is_alphabetic() {
            return Class::Left;
        }
    }
    match text {
        "." | "," | ":" | "/" | "-" | "+" | "\u{066B}" | "\u{066C}" => Class::Separator,
        "%" | "\u{066A}" | "‰" | "°" => Class::Terminator,
        _ => Class::Neutral,
    }
}

/// Whether a line reads right to left on a page whose text mostly does (`rtl_page`) or not:
/// on a right-to-left page a line with a fair share of right-to-left letters does (a line of
/// Arabic quoting a long Latin title), elsewhere only a line with more of them than Latin ones.
pub fn is_rtl_line_on(classes: &[(Class, usize)], rtl_page: bool) -> bool {
    let (mut right, mut left) = (0usize, 0usize);
    for &(class, chars) in classes {
        match class {
            Class::Right => right += chars,
            Class::Left => left += chars,
            _ => {}
        }
    }
    if rtl_page {
        right > 0 && right * 3 >= left
    } else {
        right > left
    }
}

/// Whether text reads right to left: it has more right-to-left letters than left-to-right
/// ones.
pub fn is_rtl_line(classes: &[(Class, usize)]) -> bool {
    let (mut right, mut left) = (0usize, 0usize);
    for &(class, chars) in classes {
        match class {
            Class::Right => right += chars,
            Class::Left => left += chars,
            _ => {}
        }
    }
    right > left
}

/// The mirror image of a bracket.
pub fn mirror(text: &str) -> Option<&'static str> {
    Some(match text {
        "(" => ")",
        ")" => "(",
        "[" => "]",
        "]" => "[",
        "{" => "}",
        "}" => "{",
        "<" => ">",
        ">" => "<",
        "«" => "»",
        "»" => "«",
        "‹" => "›",
        "›" => "‹",
        _ => return None,
    })
}

/// The logical order of glyphs given in visual (left-to-right) order, and for each position
/// of that order whether the glyph sits in right-to-left text (and so was drawn mirrored).
///
/// `texts` are the glyphs' texts: a range of two numbers (`311-329`) is written rising, so in
/// right-to-left text it reads rising whichever way the typesetter drew it (LibreOffice draws
/// it as two numbers right to left, XeLaTeX as one run left to right).
pub fn logical_order(classes: &[Class], texts: &[&str], rtl: bool) -> Vec<(usize, bool)> {
    let n = classes.len();
    if !rtl {
        let mut order: Vec<(usize, bool)> = (0..n).map(|i| (i, false)).collect();
        let mut i = 0;
        while i < n {
            if classes[i] != Class::Right {
                i += 1;
                continue;
            }
            // A right-to-left run: from this letter to the last right-to-left letter before
            // the next left-to-right one.
            let mut end = i;
            let mut j = i;
            while j < n && classes[j] != Class::Left {
                if classes[j] == Class::Right {
                    end = j;
                }
                j += 1;
            }
            let mut run: Vec<usize> = (i..=end).rev().collect();
            restore_numbers(&mut run, classes);
            for (k, idx) in run.into_iter().enumerate() {
                order[i + k] = (idx, classes[idx] != Class::Number);
            }
            i = end + 1;
        }
        return order;
    }
    // Right-to-left line: cut the visual sequence into chunks that read left to right
    // (a Latin run with the numbers it carries, a number) and single glyphs, then read the
    // chunks from right to left.
    let mut chunks: Vec<(usize, usize, bool)> = Vec::new();
    let all: Vec<usize> = (0..n).collect();
    let mut i = 0;
    while i < n {
        match classes[i] {
            Class::Left => {
                let mut end = i;
                let mut j = i;
                while j < n && classes[j] != Class::Right {
                    if matches!(classes[j], Class::Left | Class::Number) {
                        end = j;
                    }
                    j += 1;
                }
                chunks.push((i, end, false));
                i = end + 1;
            }
            Class::Number => {
                let end = number_end(&all, i, classes);
                // `329-311` drawn as two numbers: each reads on its own.
                let dash = (i + 1..end).find(|&k| texts.get(k) == Some(&"-"));
                let values = dash.map(|d| {
                    (
                        d,
                        digits_value(texts, i, d),
                        digits_value(texts, d + 1, end + 1),
                    )
                });
                match values {
                    Some((d, Some(a), Some(b))) if a > b => {
                        chunks.push((i, d - 1, false));
                        chunks.push((d, d, true));
                        chunks.push((d + 1, end, false));
                    }
                    _ => chunks.push((i, end, false)),
                }
                i = end + 1;
            }
            _ => {
                chunks.push((i, i, true));
                i += 1;
            }
        }
    }
    // `33 – 58` drawn left to right as a whole (a dash that is no number separator between
    // them): one chunk.
    let mut merged: Vec<(usize, usize, bool)> = Vec::with_capacity(chunks.len());
    let mut k = 0;
    while k < chunks.len() {
        if let (Some(&(a0, a1, false)), Some(&(d, d1, true)), Some(&(b0, b1, false))) =
            (chunks.get(k), chunks.get(k + 1), chunks.get(k + 2))
        {
            let dash = d == d1 && matches!(texts.get(d), Some(&("\u{2013}" | "\u{2014}" | "-")));
            let adjacent = d == a1 + 1 && b0 == d + 1;
            let rising = match (
                digits_value(texts, a0, a1 + 1),
                digits_value(texts, b0, b1 + 1),
            ) {
                (Some(a), Some(b)) => a < b,
                _ => false,
            };
            if dash && adjacent && rising {
                merged.push((a0, b1, false));
                k += 3;
                continue;
            }
        }
        merged.push(chunks[k]);
        k += 1;
    }
    merged
        .into_iter()
        .rev()
        .flat_map(|(a, b, in_rtl)| (a..=b).map(move |idx| (idx, in_rtl)))
        .collect()
}

/// The value of glyphs `from..to` when they are digits only.
fn digits_value(texts: &[&str], from: usize, to: usize) -> Option<u64> {
    let glyphs = texts.get(from..to)?;
    let mut value: u64 = 0;
    let mut any = false;
    for c in glyphs.iter().flat_map(|t| t.chars()) {
        let d = c.to_digit(10).or(match c as u32 {
            0x0660..=0x0669 => Some(c as u32 - 0x0660),
            0x06F0..=0x06F9 => Some(c as u32 - 0x06F0),
            _ => None,
        })?;
        value = value.checked_mul(10)?.checked_add(u64::from(d))?;
        any = true;
    }
    any.then_some(value)
}

/// The last index of the number starting at `start` in `seq`: digits with single separators
/// between them.
fn number_end(seq: &[usize], start: usize, classes: &[Class]) -> usize {
    let mut end = start;
    let mut j = start + 1;
    while j < seq.len() {
        match classes[seq[j]] {
            Class::Number => {
                end = j;
                j += 1;
            }
            Class::Separator if j + 1 < seq.len() && classes[seq[j + 1]] == Class::Number => j += 1,
            Class::Terminator => {
                end = j;
                break;
            }
            _ => break,
        }
    }
    end
}

/// Numbers inside a reversed right-to-left run read left to right again.
fn restore_numbers(run: &mut [usize], classes: &[Class]) {
    let mut i = 0;
    while i < run.len() {
        if classes[run[i]] == Class::Number {
            let end = number_end(run, i, classes);
            run[i..=end].reverse();
            i = end + 1;
        } else {
            i += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Lays out one logical string visually (glyph = char), the way a PDF draws it, then reads
    /// it back.
    fn read_back(visual: &str) -> String {
        let glyphs: Vec<String> = visual.chars().map(String::from).collect();
        let counts: Vec<(Class, usize)> = glyphs.iter().map(|g| (classify(g), 1)).collect();
        read_back_on(visual, is_rtl_line(&counts))
    }

    /// [`read_back`] on a page of the given direction.
    fn read_back_on(visual: &str, rtl_page: bool) -> String {
        let glyphs: Vec<String> = visual.chars().map(String::from).collect();
        let classes: Vec<Class> = glyphs.iter().map(|g| classify(g)).collect();
        let counts: Vec<(Class, usize)> = classes.iter().map(|&c| (c, 1)).collect();
        let rtl = is_rtl_line_on(&counts, rtl_page);
        let texts: Vec<&str> = glyphs.iter().map(String::as_str).collect();
        logical_order(&classes, &texts, rtl)
            .into_iter()
            .map(|(i, in_rtl)| {
                let g = glyphs[i].as_str();
                match (in_rtl, mirror(g)) {
                    (true, Some(m)) => m.to_string(),
                    _ => g.to_string(),
                }
            })
            .collect()
    }

    #[test]
    fn arabic_with_numbers_and_latin() {
        // Logical "في عام 2015 (ثم) SERVQUAL 64." drawn left to right, on an Arabic page
        // (the line has more Latin letters than Arabic ones).
        assert_eq!(
            read_back_on(".SERVQUAL 64 (مث) 2015 ماع يف", true),
            "في عام 2015 (ثم) SERVQUAL 64."
        );
        assert_eq!(read_back("2020و 2015 يماع"), "عامي 2015 و2020");
        assert_eq!(read_back("12-40 ص"), "ص 12-40");
        // A range drawn as two numbers right to left, or as one run: it reads rising.
        assert_eq!(read_back("329-311 ص"), "ص 311-329");
        assert_eq!(read_back("33–58 ص"), "ص 33–58");
        // A percent sign drawn on either side of its number.
        assert_eq!(read_back("ةبسنب 35% دعب"), "بعد 35% بنسبة");
        assert_eq!(read_back("ةبسنب %35 دعب"), "بعد 35% بنسبة");
    }

    #[test]
    fn latin_with_arabic_words() {
        assert_eq!(read_back("Smith and ملعلا wrote"), "Smith and العلم wrote");
        assert_eq!(read_back("plain text, 2015."), "plain text, 2015.");
    }
}
