//! Fonts: how a font's string bytes split into character codes, what text and width each
//! code has, and the font's name, weight and slant.

use super::cmap::CMap;
use super::encodings::{glyph_text, BaseEncoding};
use super::objects::{
    as_stream, decode_stream, dict_entry, entry, name_entry, number, number_entry, numbers,
    resolve, StreamError,
};
use lopdf::{Dictionary, Document, Object};
use std::collections::HashMap;

/// A font, ready to decode strings.
#[derive(Debug, Clone)]
pub struct Font {
    /// The font's name without the subset prefix (`ABCDEF+`).
    pub name: String,
    /// Whether the font is bold (by name, weight or flags).
    pub bold: bool,
    /// Whether the font is italic or oblique.
    pub italic: bool,
    /// Composite (Type 0) fonts take multi-byte codes.
    composite: bool,
    /// The encoding CMap of a composite font, for code lengths.
    encoding_cmap: Option<CMap>,
    to_unicode: Option<CMap>,
    /// A simple font's code → text from its encoding.
    simple_codes: Vec<Option<String>>,
    /// Widths by code, in text-space units per unit of font size.
    widths: HashMap<u32, f32>,
    default_width: f32,
}

/// One character code of a string.
#[derive(Debug, Clone, PartialEq)]
pub struct Glyph {
    /// Its text (empty when the font does not say).
    pub text: String,
    /// Its advance, per unit of font size.
    pub width: f32,
    /// Whether it is the single-byte code 32 (word spacing applies).
    pub is_space_code: bool,
}

fn strip_subset(name: &str) -> &str {
    match name.split_once('+') {
        Some((prefix, rest))
            if prefix.len() == 6 && prefix.bytes().all(|b| b.is_ascii_uppercase()) =>
        {
            rest
        }
        _ => name,
    }
}

fn style_of(name: &str, descriptor: Option<(&Dictionary, &Document)>) -> (bool, bool) {
    let lower = name.to_ascii_lowercase();
    let mut bold = ["bold", "black", "heavy", "semibold", "demi", "-bd", ",bd"]
        .iter()
        .any(|w| lower.contains(w))
        || lower.ends_with("-b")
        || lower.ends_with("bx")
        || lower.starts_with("cmb");
    let mut italic = ["italic", "oblique", "slanted", "-it", ",it", "-ital"]
        .iter()
        .any(|w| lower.contains(w))
        || lower.ends_with("-i")
        || lower.starts_with("cmti")
        || lower.starts_with("cmsl");
    if let Some((d, doc)) = descriptor {
        let flags = number_entry(doc, d, b"Flags").unwrap_or(0.0) as i64;
        if flags & (1 << 18) != 0 || number_entry(doc, d, b"FontWeight").is_some_and(|w| w >= 600.0)
        {
            bold = true;
        }
        if flags & (1 << 6) != 0
            || number_entry(doc, d, b"ItalicAngle").is_some_and(|a| a.abs() > 3.0)
        {
            italic = true;
        }
    }
    (bold, italic)
}

/// Approximate advances for the standard fonts, which may come without widths.
fn standard_width(name: &str, code: u32) -> f32 {
    if name.to_ascii_lowercase().contains("courier") {
        return 0.6;
    }
    match char::from_u32(code) {
        Some(' ') => 0.25,
        Some(c) if c.is_ascii_uppercase() => 0.667,
        Some(
            'i' | 'j' | 'l' | 'f' | 't' | 'r' | '.' | ',' | ':' | ';' | '\'' | '!' | '(' | ')',
        ) => 0.278,
        Some('m' | 'w' | 'M' | 'W') => 0.833,
        _ => 0.5,
    }
}

impl Font {
    /// Reads a font dictionary. Damaged parts (a broken CMap, odd widths) give what can be
    /// read; a bomb in a font's stream is refused.
    pub fn load(doc: &Document, dict: &Dictionary) -> Result<Font, StreamError> {
        let subtype = name_entry(doc, dict, b"Subtype").unwrap_or(b"");
        let composite = subtype == b"Type0";
        let base = name_entry(doc, dict, b"BaseFont")
            .map(|n| String::from_utf8_lossy(n).into_owned())
            .unwrap_or_default();
        let name = strip_subset(&base).to_string();
        let descendant = if composite {
            match entry(doc, dict, b"DescendantFonts") {
                Some(Object::Array(items)) => items.first().and_then(|o| match resolve(doc, o) {
                    Object::Dictionary(d) => Some(d),
                    _ => None,
                }),
                _ => None,
            }
        } else {
            None
        };
        let font_dict = descendant.unwrap_or(dict);
        let descriptor = dict_entry(doc, font_dict, b"FontDescriptor");
        let (bold, italic) = style_of(&name, descriptor.map(|d| (d, doc)));
        let to_unicode = cmap_entry(doc, dict, b"ToUnicode")?.filter(|m| !m.is_empty());
        let encoding_cmap = if composite {
            cmap_entry(doc, dict, b"Encoding")?
        } else {
            None
        };
        // Type 3 glyph widths are in glyph space, scaled by the font matrix.
        let scale = match entry(doc, dict, b"FontMatrix") {
            Some(m) if subtype == b"Type3" => numbers(doc, m).first().copied().unwrap_or(0.001),
            _ => 0.001,
        };
        let mut widths = HashMap::new();
        let default_width;
        if let Some(desc) = descendant {
            default_width = number_entry(doc, desc, b"DW").unwrap_or(1000.0) * scale;
            if let Some(Object::Array(w)) = entry(doc, desc, b"W") {
                read_cid_widths(doc, w, scale, &mut widths);
            }
        } else {
            let first = number_entry(doc, dict, b"FirstChar")
                .unwrap_or(0.0)
                .max(0.0) as u32;
            if let Ok(w) = dict.get(b"Widths") {
                for (i, width) in numbers(doc, w).into_iter().enumerate().take(65536) {
                    widths.insert(first + i as u32, width * scale);
                }
            }
            default_width = descriptor
                .and_then(|d| number_entry(doc, d, b"MissingWidth"))
                .map_or(0.0, |w| w * scale);
        }
        // A symbolic font with no encoding but a ToUnicode map: its codes mean only what the
        // map says, and a code missing from it is a glyph with no text of its own (a joining
        // piece of an Arabic ligature), not a WinAnsi letter.
        let mapped_only = to_unicode.is_some()
            && is_symbolic(doc, descriptor)
            && entry(doc, dict, b"Encoding").is_none();
        let simple_codes = if composite || mapped_only {
            Vec::new()
        } else {
            simple_encoding(doc, dict, subtype, &name, descriptor)
        };
        Ok(Font {
            name,
            bold,
            italic,
            composite,
            encoding_cmap,
            to_unicode,
            simple_codes,
            widths,
            default_width,
        })
    }

    /// Splits a string's bytes into glyphs.
    pub fn glyphs(&self, bytes: &[u8]) -> Vec<Glyph> {
        let mut out = Vec::with_capacity(bytes.len());
        let mut i = 0;
        while i < bytes.len() {
            let len = if self.composite {
                match &self.encoding_cmap {
                    Some(cmap) => cmap.code_length(&bytes[i..], 2),
                    None => 2,
                }
            } else {
                1
            }
            .min(bytes.len() - i);
            let code = bytes[i..i + len]
                .iter()
                .fold(0u32, |acc, &b| (acc << 8) | u32::from(b));
            i += len;
            let text = self
                .to_unicode
                .as_ref()
                .and_then(|m| m.lookup(code))
                .or_else(|| self.simple_codes.get(code as usize).cloned().flatten())
                .unwrap_or_default();
            let width = match self.widths.get(&code) {
                Some(&w) => w,
                None if self.widths.is_empty() && !self.composite => {
                    standard_width(&self.name, code)
                }
                None => self.default_width,
            };
            out.push(Glyph {
                text,
                width,
                is_space_code: !self.composite && code == 32,
            });
        }
        out
    }
}

/// The encoding built into an embedded font program, as code → text: a Type 1 program's
/// `dup 12 /fi put` entries (clear-text part) or a bare CFF program's own encoding.
fn builtin_encoding(doc: &Document, descriptor: &Dictionary) -> Option<Vec<Option<String>>> {
    if let Some(program) = descriptor
        .get(b"FontFile3")
        .ok()
        .and_then(|o| as_stream(doc, o))
        .filter(|s| name_entry(doc, &s.dict, b"Subtype") == Some(b"Type1C"))
    {
        let names = super::cff::builtin_encoding(&decode_stream(program).ok()?)?;
        return Some(
            names
                .iter()
                .map(|n| n.as_deref().and_then(glyph_text))
                .collect(),
        );
    }
    let stream = descriptor
        .get(b"FontFile")
        .ok()
        .and_then(|o| as_stream(doc, o))?;
    let data = decode_stream(stream).ok()?;
    let clear_len = number_entry(doc, &stream.dict, b"Length1")
        .map_or(data.len(), |n| (n.max(0.0) as usize).min(data.len()));
    let clear = &data[..clear_len];
    let start = clear.windows(9).position(|w| w == b"/Encoding")?;
    let text = String::from_utf8_lossy(&clear[start..]);
    if text[9..].trim_start().starts_with("StandardEncoding") {
        return None;
    }
    let mut table: Vec<Option<String>> = vec![None; 256];
    let mut tokens = text.split_ascii_whitespace();
    let mut found = false;
    while let Some(tok) = tokens.next() {
        if tok == "readonly" || tok == "eexec" || tok == "currentfile" {
            break;
        }
        if tok != "dup" {
            continue;
        }
        let (Some(code), Some(name)) = (tokens.next(), tokens.next()) else {
            break;
        };
        if let (Ok(code), Some(name)) = (code.parse::<usize>(), name.strip_prefix('/')) {
            if code < 256 {
                table[code] = glyph_text(name);
                found = true;
            }
        }
    }
    found.then_some(table)
}

/// A CMap stream entry; a damaged stream is no map, a bomb is refused.
fn cmap_entry(doc: &Document, dict: &Dictionary, key: &[u8]) -> Result<Option<CMap>, StreamError> {
    let Some(stream) = dict.get(key).ok().and_then(|o| as_stream(doc, o)) else {
        return Ok(None);
    };
    match decode_stream(stream) {
        Ok(data) => Ok(Some(CMap::parse(&data))),
        Err(StreamError::TooLarge) => Err(StreamError::TooLarge),
        Err(StreamError::Damaged(_)) => Ok(None),
    }
}

fn read_cid_widths(doc: &Document, w: &[Object], scale: f32, widths: &mut HashMap<u32, f32>) {
    let mut i = 0;
    while i < w.len() && widths.len() < 65536 {
        let Some(first) = number(resolve(doc, &w[i])) else {
            break;
        };
        let first = first.max(0.0) as u32;
        match w.get(i + 1).map(|o| resolve(doc, o)) {
            Some(Object::Array(list)) => {
                for (k, o) in list.iter().enumerate() {
                    if let Some(width) = number(resolve(doc, o)) {
                        widths.insert(first + k as u32, width * scale);
                    }
                }
                i += 2;
            }
            Some(o) => {
                let (Some(last), Some(width)) = (
                    number(o),
                    w.get(i + 2).and_then(|x| number(resolve(doc, x))),
                ) else {
                    break;
                };
                let last = (last.max(0.0) as u32).min(first.saturating_add(65536));
                for code in first..=last {
                    widths.insert(code, width * scale);
                }
                i += 3;
            }
            None => break,
        }
    }
}

/// A simple font's code → text table from `/Encoding` (base and differences).
/// Whether the font descriptor flags the font symbolic (and not non-symbolic): its codes
/// are the font's own, not a standard encoding's.
fn is_symbolic(doc: &Document, descriptor: Option<&Dictionary>) -> bool {
    descriptor
        .and_then(|d| number_entry(doc, d, b"Flags"))
        .is_some_and(|f| (f as i64) & 4 != 0 && (f as i64) & 32 == 0)
}

fn simple_encoding(
    doc: &Document,
    dict: &Dictionary,
    subtype: &[u8],
    name: &str,
    descriptor: Option<&Dictionary>,
) -> Vec<Option<String>> {
    let symbolic = is_symbolic(doc, descriptor);
    let default_base = if subtype == b"TrueType" || !symbolic {
        Some(if subtype == b"Type1" || subtype == b"MMType1" {
            BaseEncoding::Standard
        } else {
            BaseEncoding::WinAnsi
        })
    } else {
        None
    };
    let lower = name.to_ascii_lowercase();
    let is_symbol = lower.contains("symbol") || lower.contains("dingbat");
    let builtin = descriptor.and_then(|d| builtin_encoding(doc, d));
    let mut base = default_base;
    let mut differences: Option<&Vec<Object>> = None;
    let mut named_base = false;
    match entry(doc, dict, b"Encoding") {
        Some(Object::Name(n)) => {
            named_base = BaseEncoding::from_name(n).is_some();
            base = BaseEncoding::from_name(n).or(base);
        }
        Some(Object::Dictionary(d)) => {
            if let Some(n) = name_entry(doc, d, b"BaseEncoding") {
                named_base = BaseEncoding::from_name(n).is_some();
                base = BaseEncoding::from_name(n).or(base);
            }
            if let Some(Object::Array(a)) = entry(doc, d, b"Differences") {
                differences = Some(a);
            }
        }
        _ => {}
    }
    let mut table: Vec<Option<String>> = (0..=255u8)
        .map(|code| {
            // An embedded Type 1 font's own encoding is the base unless a named one is given.
            if let (Some(b), false) = (&builtin, named_base) {
                if let Some(text) = &b[code as usize] {
                    return Some(text.clone());
                }
            }
            if is_symbol {
                return None;
            }
            match base {
                Some(b) => b.decode(code).map(String::from),
                // A symbolic font with no encoding: its codes are often the letters' own.
                None => (0x20..0x7F)
                    .contains(&code)
                    .then(|| (code as char).to_string()),
            }
        })
        .collect();
    if let Some(diffs) = differences {
        let mut code = 0usize;
        for item in diffs {
            match resolve(doc, item) {
                Object::Integer(n) => code = (*n).clamp(0, 255) as usize,
                Object::Name(glyph) => {
                    if code < 256 {
                        let glyph = String::from_utf8_lossy(glyph);
                        table[code] = glyph_text(&glyph).or_else(|| table[code].take());
                    }
                    code += 1;
                }
                _ => {}
            }
        }
    }
    table
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_styles() {
        assert_eq!(strip_subset("ABCDEF+Times-Bold"), "Times-Bold");
        assert_eq!(strip_subset("Times+Bold"), "Times+Bold");
        assert_eq!(style_of("Times-BoldItalic", None), (true, true));
        assert_eq!(style_of("PalatinoLinotype-Roman", None), (false, false));
        assert_eq!(style_of("CMBX10", None), (true, false));
        assert_eq!(style_of("Amiri-Regular", None), (false, false));
    }
}

#[cfg(test)]
mod mapping_tests {
    use super::*;
    use lopdf::{dictionary, Stream};

    /// A symbolic TrueType subset (as LibreOffice writes Arabic fonts) with `map` as its
    /// ToUnicode entries and `encoding` as its /Encoding, if any.
    fn font(map: &str, encoding: Option<&str>) -> Font {
        let mut doc = Document::with_version("1.5");
        let cmap = format!(
            "begincmap\n1 begincodespacerange\n<00> <FF>\nendcodespacerange\n{map}\nendcmap\n"
        );
        let to_unicode = doc.add_object(Stream::new(dictionary! {}, cmap.into_bytes()));
        let descriptor = doc.add_object(dictionary! {
            "Type" => "FontDescriptor",
            "FontName" => "BAAAAA+Amiri-Regular",
            "Flags" => 4,
        });
        let mut dict = dictionary! {
            "Type" => "Font",
            "Subtype" => "TrueType",
            "BaseFont" => "BAAAAA+Amiri-Regular",
            "FontDescriptor" => descriptor,
            "ToUnicode" => to_unicode,
        };
        if let Some(e) = encoding {
            dict.set("Encoding", Object::Name(e.as_bytes().to_vec()));
        }
        Font::load(&doc, &dict).expect("font")
    }

    #[test]
    fn a_code_missing_from_a_symbolic_fonts_map_has_no_text() {
        let map = "2 beginbfchar\n<01> <0627>\n<02> <0644>\nendbfchar";
        let texts = |f: &Font| -> Vec<String> {
            f.glyphs(&[0x01, 0xCC, 0x02])
                .into_iter()
                .map(|g| g.text)
                .collect()
        };
        // 0xCC is a joining piece the map leaves out, not WinAnsi `Ì`.
        assert_eq!(texts(&font(map, None)), ["ا", "", "ل"]);
        // With an encoding named, its letters stand in for what the map lacks.
        assert_eq!(texts(&font(map, Some("WinAnsiEncoding"))), ["ا", "Ì", "ل"]);
    }
}
