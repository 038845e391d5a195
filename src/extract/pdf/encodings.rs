//! Simple fonts' encodings: the base encodings (Standard, WinAnsi, MacRoman), `/Differences`,
//! and glyph names to text through the Adobe Glyph List.
//!
//! `glyphlist.txt` is the Adobe Glyph List 2.0 (Apache-2.0, github.com/adobe-type-tools/
//! agl-aglfn), as TeX Live ships it.

use std::collections::HashMap;
use std::sync::LazyLock;

static GLYPH_LIST: LazyLock<HashMap<&'static str, String>> = LazyLock::new(|| {
    include_str!("glyphlist.txt")
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| {
            let (name, codes) = l.split_once(';')?;
            let text: Option<String> = codes
                .split(' ')
                .map(|h| u32::from_str_radix(h, 16).ok().and_then(char::from_u32))
                .collect();
            Some((name, text?))
        })
        .collect()
});

/// The text a glyph name stands for: the Adobe Glyph List, `uniXXXX…`, `uXXXX[XX]`,
/// ligature names joined by `_`, suffixes after `.` ignored.
pub fn glyph_text(name: &str) -> Option<String> {
    let base = name.split('.').next().unwrap_or(name);
    if base.is_empty() {
        return None;
    }
    if base.contains('_') {
        let parts: Option<String> = base.split('_').map(glyph_text).collect();
        return parts;
    }
    if let Some(text) = GLYPH_LIST.get(base) {
        return Some(text.clone());
    }
    if let Some(hex) = base.strip_prefix("uni") {
        if hex.len() >= 4 && hex.len() % 4 == 0 && hex.bytes().all(|b| b.is_ascii_hexdigit()) {
            return (0..hex.len() / 4)
                .map(|i| {
                    u32::from_str_radix(&hex[i * 4..i * 4 + 4], 16)
                        .ok()
                        .and_then(char::from_u32)
                })
                .collect();
        }
    }
    if let Some(hex) = base.strip_prefix('u') {
        if (4..=6).contains(&hex.len()) && hex.bytes().all(|b| b.is_ascii_hexdigit()) {
            return u32::from_str_radix(hex, 16)
                .ok()
                .and_then(char::from_u32)
                .map(String::from);
        }
    }
    None
}

/// A simple font's base encoding.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BaseEncoding {
    /// Adobe StandardEncoding (the default of Type 1 fonts).
    Standard,
    /// WinAnsiEncoding (Windows code page 1252).
    WinAnsi,
    /// MacRomanEncoding.
    MacRoman,
}

impl BaseEncoding {
    /// The encoding a `/BaseEncoding` or `/Encoding` name gives.
    pub fn from_name(name: &[u8]) -> Option<BaseEncoding> {
        match name {
            b"WinAnsiEncoding" => Some(BaseEncoding::WinAnsi),
            b"MacRomanEncoding" | b"MacExpertEncoding" => Some(BaseEncoding::MacRoman),
            b"StandardEncoding" => Some(BaseEncoding::Standard),
            _ => None,
        }
    }

    /// The text of one code.
    pub fn decode(self, code: u8) -> Option<char> {
        match self {
            BaseEncoding::WinAnsi => single_byte(encoding_rs::WINDOWS_1252, code),
            BaseEncoding::MacRoman => single_byte(encoding_rs::MACINTOSH, code),
            BaseEncoding::Standard => standard(code),
        }
    }
}

fn single_byte(encoding: &'static encoding_rs::Encoding, code: u8) -> Option<char> {
    if code < 0x20 {
        return None;
    }
    let bytes = [code];
    let (text, _, errors) = encoding.decode(&bytes);
    let c = text.chars().next()?;
    (!errors && !c.is_control()).then_some(c)
}

/// Adobe StandardEncoding: ASCII with curly quotes, and its own upper half.
fn standard(code: u8) -> Option<char> {
    const UPPER: &[(u8, char)] = &[
        (0xA1, '¡'),
        (0xA2, '¢'),
        (0xA3, '£'),
        (0xA4, '⁄'),
        (0xA5, '¥'),
        (0xA6, 'ƒ'),
        (0xA7, '§'),
        (0xA8, '¤'),
        (0xA9, '\''),
        (0xAA, '“'),
        (0xAB, '«'),
        (0xAC, '‹'),
        (0xAD, '›'),
        (0xAE, '\u{FB01}'),
        (0xAF, '\u{FB02}'),
        (0xB1, '–'),
        (0xB2, '†'),
        (0xB3, '‡'),
        (0xB4, '·'),
        (0xB6, '¶'),
        (0xB7, '•'),
        (0xB8, '‚'),
        (0xB9, '„'),
        (0xBA, '”'),
        (0xBB, '»'),
        (0xBC, '…'),
        (0xBD, '‰'),
        (0xBF, '¿'),
        (0xC1, '`'),
        (0xC2, '´'),
        (0xC3, 'ˆ'),
        (0xC4, '˜'),
        (0xC5, '¯'),
        (0xC6, '˘'),
        (0xC7, '˙'),
        (0xC8, '¨'),
        (0xCA, '˚'),
        (0xCB, '¸'),
        (0xCD, '˝'),
        (0xCE, '˛'),
        (0xCF, 'ˇ'),
        (0xD0, '—'),
        (0xE1, 'Æ'),
        (0xE3, 'ª'),
        (0xE8, 'Ł'),
        (0xE9, 'Ø'),
        (0xEA, 'Œ'),
        (0xEB, 'º'),
        (0xF1, 'æ'),
        (0xF5, 'ı'),
        (0xF8, 'ł'),
        (0xF9, 'ø'),
        (0xFA, 'œ'),
        (0xFB, 'ß'),
    ];
    match code {
        0x27 => Some('’'),
        0x60 => Some('‘'),
        0x20..=0x7E => Some(code as char),
        _ => UPPER.iter().find(|(c, _)| *c == code).map(|(_, ch)| *ch),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn glyph_names() {
        assert_eq!(glyph_text("A").as_deref(), Some("A"));
        assert_eq!(glyph_text("quoteright").as_deref(), Some("’"));
        assert_eq!(glyph_text("uni06440627").as_deref(), Some("لا"));
        assert_eq!(glyph_text("u1D400").as_deref(), Some("\u{1D400}"));
        assert_eq!(glyph_text("f_f_i").as_deref(), Some("ffi"));
        assert_eq!(glyph_text("a.sc").as_deref(), Some("a"));
        assert_eq!(glyph_text("g123"), None);
    }

    #[test]
    fn base_encodings() {
        assert_eq!(BaseEncoding::WinAnsi.decode(0x93), Some('“'));
        assert_eq!(BaseEncoding::MacRoman.decode(0x8E), Some('é'));
        assert_eq!(BaseEncoding::Standard.decode(0x27), Some('’'));
        assert_eq!(BaseEncoding::Standard.decode(0xAE), Some('\u{FB01}'));
        assert_eq!(BaseEncoding::WinAnsi.decode(0x05), None);
    }
}
