//! The text reader: decodes a text file (as a PDF text extractor writes it), cuts it into
//! pages of lines for the input seam, and defines the line view every extractor works on.

use super::error::ExtractError;
use super::input::{LineLayout, PagedInput, SourceLine, SourcePage};
use crate::model::{Diagnostic, SourceInfo};
use sha2::{Digest, Sha256};
use std::collections::HashMap;

/// The decoded input.
#[derive(Debug, Clone, PartialEq)]
pub struct SourceText {
    /// The text, with line endings kept as in the input.
    pub text: String,
    /// The encoding it was decoded from (`UTF-8`, `UTF-16LE`, `UTF-16BE`, `windows-1256`).
    pub encoding: &'static str,
    /// Whether the input began with a byte order mark.
    pub had_bom: bool,
    /// The stray control bytes dropped from the input, if any.
    pub dropped_controls: Option<DroppedControls>,
}

/// Control bytes dropped from an input that is otherwise text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DroppedControls {
    /// How many were dropped.
    pub count: usize,
    /// The line of the first (1-based).
    pub line: usize,
    /// Its column (1-based, in bytes).
    pub column: usize,
}

/// One line of the input, without its line ending.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Line<'a> {
    /// Line number, counted from 1.
    pub number: usize,
    /// The line's text.
    pub text: &'a str,
    /// How the line is set on its page, when the reader saw the page.
    pub layout: Option<&'a LineLayout>,
}

impl<'a> From<&'a SourceLine> for Line<'a> {
    fn from(line: &'a SourceLine) -> Self {
        Line {
            number: line.number,
            text: &line.text,
            layout: line.layout.as_ref(),
        }
    }
}

impl<'a> Line<'a> {
    /// A line of plain text, with no layout.
    pub fn new(number: usize, text: &'a str) -> Self {
        Line {
            number,
            text,
            layout: None,
        }
    }

    /// Whether the line holds nothing visible (whitespace, or a stray byte order mark or
    /// direction mark left by PDF extraction).
    pub fn is_blank(&self) -> bool {
        crate::script::is_blank(self.text)
    }
}

/// Line and column (1-based, bytes) of `offset` in `bytes`.
fn position(bytes: &[u8], offset: usize) -> (usize, usize) {
    let before = &bytes[..offset.min(bytes.len())];
    let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
    let line_start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |p| p + 1);
    (line, offset - line_start + 1)
}

/// Whether a byte is a control byte no text has (C0 controls other than tab, line feed,
/// carriage return and form feed).
fn is_control(b: u8) -> bool {
    b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0C)
}

/// At most this share of an input's bytes may be stray control bytes (left by a broken font
/// map) for it to be read as text: past it, the input is mostly not text.
const MAX_CONTROL_SHARE: f64 = 0.01;

/// How many bytes [`looks_binary`] reads.
pub const BINARY_PROBE: usize = 64 * 1024;

/// Why the start of an input shows it is not text, if it does: a NUL byte (outside UTF-16)
/// or more stray control bytes than text has. Reading the first [`BINARY_PROBE`] bytes is
/// enough to tell, so a huge binary file is refused before it is read whole.
pub fn looks_binary(prefix: &[u8], file_name: &str) -> Option<ExtractError> {
    if encoding_rs::Encoding::for_bom(prefix).is_some() || utf16_without_bom(prefix).is_some() {
        return None;
    }
    let controls = prefix.iter().filter(|&&b| is_control(b)).count();
    let offset = prefix.iter().position(|&b| b == 0).or_else(|| {
        (controls as f64 > MAX_CONTROL_SHARE * prefix.len() as f64)
            .then(|| prefix.iter().position(|&b| is_control(b)))
            .flatten()
    })?;
    let (line, column) = position(prefix, offset);
    Some(ExtractError::Binary {
        file: file_name.to_string(),
        byte: prefix[offset],
        offset,
        line,
        column,
    })
}

/// UTF-16 without a byte order mark, told by its NUL bytes: the high byte of every ASCII
/// character (spaces, digits, line ends) is NUL, so NUL bytes stand on the odd offsets only
/// for little-endian and on the even ones only for big-endian, and the bytes decode cleanly.
fn utf16_without_bom(bytes: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    let probe = &bytes[..bytes.len().min(4096) & !1];
    if probe.len() < 32 {
        return None;
    }
    let nul_at = |parity: usize| {
        probe
            .iter()
            .enumerate()
            .filter(|(i, b)| **b == 0 && i % 2 == parity)
            .count()
    };
    let (even, odd) = (nul_at(0), nul_at(1));
    // At least one character in 16 is ASCII, and nearly no NUL sits on the other side.
    let enough = |n: usize| n >= 4 && n * 32 >= probe.len();
    let encoding = if enough(odd) && even * 50 <= odd {
        encoding_rs::UTF_16LE
    } else if enough(even) && odd * 50 <= even {
        encoding_rs::UTF_16BE
    } else {
        return None;
    };
    let (text, had_errors) = encoding.decode_without_bom_handling(probe);
    let controls = text
        .chars()
        .filter(|&c| (c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r' | '\u{0C}'))
        .count();
    (!had_errors && controls * 100 <= text.chars().count()).then_some(encoding)
}

/// Decodes the input: UTF-8 (with or without BOM), UTF-16 (with a BOM, or without one when
/// its NUL bytes show it), or Windows-1256.
///
/// Binary input (see [`looks_binary`]) is refused, and so is input that is not UTF-8 and
/// does not read as Arabic Windows-1256 text. A few stray control bytes (a PDF extractor's
/// broken font map) are dropped and counted in [`SourceText::dropped_controls`].
pub fn decode(bytes: &[u8], file_name: &str) -> Result<SourceText, ExtractError> {
    let file = file_name.to_string();
    let bom =
        encoding_rs::Encoding::for_bom(bytes).or_else(|| utf16_without_bom(bytes).map(|e| (e, 0)));
    if let Some((encoding, bom_len)) = bom {
        let (text, had_errors) = encoding.decode_without_bom_handling(&bytes[bom_len..]);
        if had_errors {
            let (line, column) = position(bytes, bom_len);
            return Err(ExtractError::Encoding {
                file,
                byte: bytes[bom_len.min(bytes.len() - 1)],
                offset: bom_len,
                line,
                column,
            });
        }
        return finish(text.into_owned(), encoding.name(), bom_len > 0, file);
    }
    if let Some(err) = looks_binary(bytes, file_name) {
        return Err(err);
    }
    let cleaned;
    let (bytes, dropped) = match bytes.iter().position(|&b| is_control(b)) {
        None => (bytes, None),
        Some(first) => {
            let (line, column) = position(bytes, first);
            cleaned = bytes
                .iter()
                .copied()
                .filter(|&b| !is_control(b))
                .collect::<Vec<u8>>();
            (
                cleaned.as_slice(),
                Some(DroppedControls {
                    count: bytes.len() - cleaned.len(),
                    line,
                    column,
                }),
            )
        }
    };
    let mut decoded = decode_8bit(bytes, file)?;
    decoded.dropped_controls = dropped;
    if decoded.encoding == "UTF-8" {
        drop_c1_controls(&mut decoded);
    }
    Ok(decoded)
}

/// Whether a character is a C1 control (U+0080–U+009F): in UTF-8 text only a broken font
/// map prints one (a bullet or a dingbat read as `U+0084`).
fn is_c1_control(c: char) -> bool {
    ('\u{80}'..='\u{9f}').contains(&c)
}

/// Drops the C1 controls of decoded UTF-8 text, counted with the control bytes dropped
/// before decoding (whose first place, when there is one, stays the one reported).
fn drop_c1_controls(decoded: &mut SourceText) {
    let Some(first) = decoded.text.find(is_c1_control) else {
        return;
    };
    let (line, column) = position(decoded.text.as_bytes(), first);
    let before = decoded.text.chars().count();
    decoded.text.retain(|c| !is_c1_control(c));
    let count = before - decoded.text.chars().count();
    decoded.dropped_controls = Some(match decoded.dropped_controls {
        Some(d) => DroppedControls {
            count: d.count + count,
            ..d
        },
        None => DroppedControls {
            count,
            line,
            column,
        },
    });
}

/// Decodes input without a byte order mark: UTF-8, else Windows-1256 Arabic.
fn decode_8bit(bytes: &[u8], file: String) -> Result<SourceText, ExtractError> {
    match std::str::from_utf8(bytes) {
        Ok(text) => finish(text.to_string(), "UTF-8", false, file),
        Err(err) => {
            let offset = err.valid_up_to();
            let (line, column) = position(bytes, offset);
            let (text, _, had_errors) = encoding_rs::WINDOWS_1256.decode(bytes);
            if !had_errors && looks_like_arabic_1256(&text) {
                return finish(text.into_owned(), "windows-1256", false, file);
            }
            Err(ExtractError::Encoding {
                file,
                byte: bytes[offset],
                offset,
                line,
                column,
            })
        }
    }
}

/// Windows-1256 maps every byte, so "decodes" proves nothing: the text must also be mostly
/// Arabic letters among its non-ASCII characters.
fn looks_like_arabic_1256(text: &str) -> bool {
    let mut arabic = 0usize;
    let mut other = 0usize;
    for c in text.chars().filter(|c| !c.is_ascii()) {
        if crate::script::is_arabic_letter(c)
            || c == '\u{060C}'
            || c == '\u{061F}'
            || c == '\u{061B}'
        {
            arabic += 1;
        } else if !c.is_whitespace() {
            other += 1;
        }
    }
    arabic > 0 && arabic >= 4 * other
}

fn finish(
    text: String,
    encoding: &'static str,
    had_bom: bool,
    file: String,
) -> Result<SourceText, ExtractError> {
    if text.trim().is_empty() {
        return Err(ExtractError::Empty { file });
    }
    Ok(SourceText {
        text,
        encoding,
        had_bom,
        dropped_controls: None,
    })
}

/// The input's lines, numbered from 1, without line endings (`\n`, `\r\n`).
pub fn lines(text: &str) -> Vec<Line<'_>> {
    text.split('\n')
        .enumerate()
        .map(|(i, l)| Line::new(i + 1, l.strip_suffix('\r').unwrap_or(l)))
        .collect()
}

/// Reads a text file into pages of lines: decoded (see [`decode`]) and cut into pages by
/// form feeds or, without them, by blank runs longer than those between paragraphs.
pub fn read_text(bytes: &[u8], file_name: &str) -> Result<PagedInput, ExtractError> {
    let source = decode(bytes, file_name)?;
    let lines = lines(&source.text);
    let pages = page_chunks(&lines)
        .into_iter()
        .enumerate()
        .map(|(i, chunk)| SourcePage {
            number: i + 1,
            lines: chunk
                .iter()
                .map(|l| SourceLine::plain(l.number, l.text))
                .collect(),
            size: None,
        })
        .collect();
    Ok(PagedInput {
        source: SourceInfo {
            file_name: file_name.to_string(),
            encoding: source.encoding.to_string(),
            had_bom: source.had_bom,
            sha256: sha256_hex(bytes),
            line_count: lines.len(),
            repairs: Default::default(),
        },
        pages,
        warnings: source
            .dropped_controls
            .map(|d| {
                let mut w = Diagnostic::warning(
                    "control-bytes-dropped",
                    format!(
                        "dropped {} control byte{} that no text has (the first at column {}), as a PDF text extractor leaves for glyphs of a broken font map",
                        d.count,
                        if d.count == 1 { "" } else { "s" },
                        d.column
                    ),
                    Some(d.line),
                );
                w.column = Some(d.column);
                w
            })
            .into_iter()
            .collect(),
    })
}

/// Cuts the lines into pages, each without its leading and trailing blank lines; pages with
/// no text are left out.
pub(crate) fn page_chunks<'a>(lines: &[Line<'a>]) -> Vec<Vec<Line<'a>>> {
    let mut chunks: Vec<Vec<Line<'a>>> = Vec::new();
    let mut current: Vec<Line<'a>> = Vec::new();
    if lines.iter().any(|l| l.text.contains('\u{0C}')) {
        for line in lines {
            let mut parts = line.text.split('\u{0C}');
            if let Some(first) = parts.next() {
                current.push(Line {
                    text: first,
                    ..*line
                });
            }
            for part in parts {
                chunks.push(std::mem::take(&mut current));
                current.push(Line {
                    text: part,
                    ..*line
                });
            }
        }
    } else {
        let threshold = break_threshold(lines);
        let mut blank_run = 0;
        for line in lines {
            if line.is_blank() {
                blank_run += 1;
                current.push(*line);
                continue;
            }
            if blank_run >= threshold && current.iter().any(|l| !l.is_blank()) {
                chunks.push(std::mem::take(&mut current));
            }
            blank_run = 0;
            current.push(*line);
        }
    }
    chunks.push(current);
    chunks
        .into_iter()
        .map(|mut c| {
            while c.last().is_some_and(|l| l.is_blank()) {
                c.pop();
            }
            let lead = c.iter().take_while(|l| l.is_blank()).count();
            c.drain(..lead);
            c
        })
        .filter(|c| !c.is_empty())
        .collect()
}

/// The shortest blank run that breaks a page. Paragraphs are separated by the most common
/// run length (usually one blank line); a longer run is a page break. When single and double
/// runs both occur beside longer ones, doubles are taken for stray spacing, not breaks.
/// When the most common run is already three or more, paragraphs are not separated by blank
/// lines at all and every run breaks a page.
fn break_threshold(lines: &[Line]) -> usize {
    let mut runs: HashMap<usize, usize> = HashMap::new();
    let mut run = 0;
    let mut seen_text = false;
    for line in lines {
        if line.is_blank() {
            run += 1;
        } else {
            if seen_text && run > 0 {
                *runs.entry(run).or_default() += 1;
            }
            seen_text = true;
            run = 0;
        }
    }
    let mode = runs
        .iter()
        .max_by_key(|(len, count)| (**count, std::cmp::Reverse(**len)))
        .map_or(1, |(len, _)| *len);
    let separator = if mode >= 3 { 0 } else { mode };
    let longer = runs.keys().any(|&len| len >= separator + 2);
    if separator == 1 && longer {
        3
    } else {
        separator + 1
    }
}

/// Lower-case hexadecimal SHA-256 of `bytes`.
pub fn sha256_hex(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_utf8_with_and_without_bom() {
        let plain = decode("عنوان\n".as_bytes(), "a.txt").unwrap();
        assert_eq!((plain.encoding, plain.had_bom), ("UTF-8", false));
        let mut bom = vec![0xEF, 0xBB, 0xBF];
        bom.extend_from_slice("عنوان\n".as_bytes());
        let with = decode(&bom, "a.txt").unwrap();
        assert_eq!(
            (with.encoding, with.had_bom, with.text.as_str()),
            ("UTF-8", true, "عنوان\n")
        );
    }

    #[test]
    fn decodes_utf16_with_bom() {
        let mut bytes = vec![0xFF, 0xFE];
        for unit in "Title\n".encode_utf16() {
            bytes.extend_from_slice(&unit.to_le_bytes());
        }
        let text = decode(&bytes, "a.txt").unwrap();
        assert_eq!((text.encoding, text.text.as_str()), ("UTF-16LE", "Title\n"));
    }

    #[test]
    fn decodes_windows_1256_arabic() {
        let (bytes, _, _) = encoding_rs::WINDOWS_1256.encode("الملخص: نص عربي\n");
        let text = decode(&bytes, "a.txt").unwrap();
        assert_eq!(
            (text.encoding, text.text.as_str()),
            ("windows-1256", "الملخص: نص عربي\n")
        );
    }

    #[test]
    fn refuses_empty_binary_and_bad_bytes() {
        assert!(matches!(
            decode(b" \n\n", "e.txt"),
            Err(ExtractError::Empty { .. })
        ));
        assert!(matches!(
            decode(b"ab\x00cd", "b.bin"),
            Err(ExtractError::Binary { offset: 2, .. })
        ));
        let err = decode(b"Title\nabc \xC3\x28 \xE9\xFF\xFE", "x.txt").unwrap_err();
        assert!(
            matches!(
                err,
                ExtractError::Encoding {
                    line: 2,
                    column: 5,
                    ..
                }
            ),
            "{err:?}"
        );
    }

    #[test]
    fn c1_controls_of_a_broken_font_map_are_dropped_and_counted() {
        let d = decode("Notes\n\u{84}\u{84} The Author\n".as_bytes(), "c.txt").unwrap();
        assert_eq!(d.text, "Notes\n The Author\n");
        assert_eq!(
            d.dropped_controls,
            Some(DroppedControls {
                count: 2,
                line: 2,
                column: 1
            })
        );
        let long = "word ".repeat(40);
        let d = decode(format!("a\x01b {long}\n\u{9f}c\n").as_bytes(), "c.txt").unwrap();
        assert_eq!(d.text, format!("ab {long}\nc\n"));
        assert_eq!(d.dropped_controls.map(|c| (c.count, c.line)), Some((2, 1)));
    }

    #[test]
    fn numbers_lines_and_strips_crlf() {
        let l = lines("a\r\nb\n");
        assert_eq!(l[1], Line::new(2, "b"));
        assert_eq!(l.len(), 3);
    }

    #[test]
    fn threshold_follows_paragraph_spacing() {
        let two = lines("a\n\nb\n\nc\n\n\nd\n\ne");
        assert_eq!(break_threshold(&two), 2);
        let three = lines("a\n\nb\n\n\nc\n\n\n\nd\n\ne");
        assert_eq!(break_threshold(&three), 3);
        let none = lines("a\nb\n\n\n\nc\nd\n\n\n\ne");
        assert_eq!(break_threshold(&none), 1);
    }
}
