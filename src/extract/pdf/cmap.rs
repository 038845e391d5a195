//! CMaps: the `/ToUnicode` map from a font's character codes to text, and the code-space
//! ranges that say how many bytes each code of a composite font takes.

use std::collections::HashMap;

/// A parsed CMap: code-space ranges and code → text mappings.
#[derive(Debug, Clone, Default)]
pub struct CMap {
    /// `(byte length, low, high)` of each code-space range.
    codespace: Vec<(usize, u32, u32)>,
    /// Single codes.
    chars: HashMap<u32, String>,
    /// `(low, high, first text)` ranges: `low + i` maps to `first` with its last char + i.
    ranges: Vec<(u32, u32, String)>,
}

/// Ranges wider than this are cut (a damaged map must not allocate without bound).
const MAX_RANGE: u32 = 0x1_0000;

#[derive(Debug, Clone, PartialEq)]
enum Token {
    Hex(Vec<u8>),
    Int(i64),
    Open,
    Close,
    Word(String),
}

fn tokens(data: &[u8]) -> Vec<Token> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < data.len() {
        let c = data[i];
        match c {
            b'%' => {
                while i < data.len() && data[i] != b'\n' && data[i] != b'\r' {
                    i += 1;
                }
            }
            b'<' if data.get(i + 1) == Some(&b'<') => {
                i += 2;
                continue;
            }
            b'>' if data.get(i + 1) == Some(&b'>') => {
                i += 2;
                continue;
            }
            b'<' => {
                let start = i + 1;
                let end = data[start..]
                    .iter()
                    .position(|&b| b == b'>')
                    .map_or(data.len(), |p| start + p);
                out.push(Token::Hex(hex_bytes(&data[start..end])));
                i = end + 1;
                continue;
            }
            b'[' => out.push(Token::Open),
            b']' => out.push(Token::Close),
            b'(' => {
                // Literal strings are rare in CMaps (CMapName etc.); skip them.
                let mut depth = 0usize;
                while i < data.len() {
                    match data[i] {
                        b'\\' => i += 1,
                        b'(' => depth += 1,
                        b')' => {
                            depth -= 1;
                            if depth == 0 {
                                break;
                            }
                        }
                        _ => {}
                    }
                    i += 1;
                }
            }
            _ if c.is_ascii_whitespace() => {}
            _ => {
                let start = i;
                while i < data.len()
                    && !data[i].is_ascii_whitespace()
                    && !b"<>[]()%/".contains(&data[i])
                {
                    i += 1;
                }
                if i == start {
                    // A lone `/` (name start) or another delimiter.
                    i += 1;
                    continue;
                }
                let word = String::from_utf8_lossy(&data[start..i]).into_owned();
                out.push(match word.parse::<i64>() {
                    Ok(n) => Token::Int(n),
                    Err(_) => Token::Word(word),
                });
                continue;
            }
        }
        i += 1;
    }
    out
}

fn hex_bytes(hex: &[u8]) -> Vec<u8> {
    let digits: Vec<u8> = hex
        .iter()
        .filter_map(|&b| (b as char).to_digit(16).map(|d| d as u8))
        .collect();
    digits
        .chunks(2)
        .map(|p| (p[0] << 4) | p.get(1).copied().unwrap_or(0))
        .collect()
}

fn code_of(bytes: &[u8]) -> u32 {
    bytes
        .iter()
        .take(4)
        .fold(0u32, |acc, &b| (acc << 8) | u32::from(b))
}

/// UTF-16BE bytes as text (lone surrogates dropped).
fn utf16_text(bytes: &[u8]) -> String {
    let units: Vec<u16> = bytes
        .chunks(2)
        .map(|p| (u16::from(p[0]) << 8) | u16::from(p.get(1).copied().unwrap_or(0)))
        .collect();
    char::decode_utf16(units).filter_map(Result::ok).collect()
}

impl CMap {
    /// Parses a CMap stream's decoded bytes. Unknown operators are skipped; a damaged map
    /// gives the mappings read before the damage.
    pub fn parse(data: &[u8]) -> CMap {
        let mut map = CMap::default();
        let toks = tokens(data);
        let mut i = 0;
        while i < toks.len() {
            let Token::Word(w) = &toks[i] else {
                i += 1;
                continue;
            };
            match w.as_str() {
                "begincodespacerange" => {
                    i += 1;
                    while let (Some(Token::Hex(lo)), Some(Token::Hex(hi))) =
                        (toks.get(i), toks.get(i + 1))
                    {
                        if !lo.is_empty() {
                            map.codespace
                                .push((lo.len().min(4), code_of(lo), code_of(hi)));
                        }
                        i += 2;
                    }
                }
                "beginbfchar" => {
                    i += 1;
                    while let (Some(Token::Hex(src)), Some(Token::Hex(dst))) =
                        (toks.get(i), toks.get(i + 1))
                    {
                        map.chars.insert(code_of(src), utf16_text(dst));
                        i += 2;
                    }
                }
                "beginbfrange" => {
                    i += 1;
                    while let (Some(Token::Hex(lo)), Some(Token::Hex(hi))) =
                        (toks.get(i), toks.get(i + 1))
                    {
                        let (lo, hi) = (code_of(lo), code_of(hi));
                        let hi = hi.min(lo.saturating_add(MAX_RANGE));
                        match toks.get(i + 2) {
                            Some(Token::Hex(dst)) => {
                                if lo <= hi {
                                    map.ranges.push((lo, hi, utf16_text(dst)));
                                }
                                i += 3;
                            }
                            Some(Token::Open) => {
                                let mut j = i + 3;
                                let mut code = lo;
                                while let Some(Token::Hex(dst)) = toks.get(j) {
                                    if code <= hi {
                                        map.chars.insert(code, utf16_text(dst));
                                    }
                                    code = code.saturating_add(1);
                                    j += 1;
                                }
                                i = j + 1;
                            }
                            _ => break,
                        }
                    }
                }
                _ => i += 1,
            }
        }
        map
    }

    /// Whether the map maps nothing.
    pub fn is_empty(&self) -> bool {
        self.chars.is_empty() && self.ranges.is_empty()
    }

    /// The byte length of the code starting at `bytes`, by the code-space ranges;
    /// `default` when the map declares none.
    pub fn code_length(&self, bytes: &[u8], default: usize) -> usize {
        if self.codespace.is_empty() {
            return default;
        }
        for len in 1..=4 {
            if len > bytes.len() {
                break;
            }
            let code = code_of(&bytes[..len]);
            if self
                .codespace
                .iter()
                .any(|&(l, lo, hi)| l == len && (lo..=hi).contains(&code))
            {
                return len;
            }
        }
        default
    }

    /// The text a code maps to.
    pub fn lookup(&self, code: u32) -> Option<String> {
        if let Some(text) = self.chars.get(&code) {
            return Some(text.clone());
        }
        let &(lo, _, ref first) = self
            .ranges
            .iter()
            .find(|(lo, hi, _)| (*lo..=*hi).contains(&code))?;
        let mut chars: Vec<char> = first.chars().collect();
        let last = chars.pop()?;
        let shifted = char::from_u32(last as u32 + (code - lo))?;
        chars.push(shifted);
        Some(chars.into_iter().collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_chars_ranges_and_arrays() {
        let data = b"/CIDInit /ProcSet findresource begin\n1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n2 beginbfchar\n<0003> <0020>\n<0010> <06440627>\nendbfchar\n2 beginbfrange\n<0020> <0022> <0041>\n<0030> <0031> [<0066006C> <D835DC00>]\nendbfrange\nendcmap";
        let map = CMap::parse(data);
        assert_eq!(map.lookup(3).as_deref(), Some(" "));
        assert_eq!(map.lookup(0x10).as_deref(), Some("لا"));
        assert_eq!(map.lookup(0x22).as_deref(), Some("C"));
        assert_eq!(map.lookup(0x30).as_deref(), Some("fl"));
        assert_eq!(map.lookup(0x31).as_deref(), Some("\u{1D400}"));
        assert_eq!(map.lookup(0x40), None);
        assert_eq!(map.code_length(&[0, 3], 1), 2);
    }

    #[test]
    fn damaged_maps_give_what_was_read() {
        let map = CMap::parse(b"1 beginbfchar <01> <0041> <02");
        assert_eq!(map.lookup(1).as_deref(), Some("A"));
        let huge = CMap::parse(b"1 beginbfrange <00000000> <FFFFFFFF> [<0041>] endbfrange");
        assert_eq!(huge.lookup(0).as_deref(), Some("A"));
        assert!(CMap::parse(b"").is_empty());
    }
}
