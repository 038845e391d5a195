//! The encoding built into a bare CFF font program (`/FontFile3`, subtype `Type1C`): which
//! glyph name each single-byte code draws. A simple font with no `/Encoding` and no
//! `ToUnicode` map (TeX's Type 1 fonts converted to CFF) has no other key to its codes.
//!
//! Only what the encoding needs is read (Adobe Technical Note #5176, "The Compact Font Format
//! Specification"): the header, the Name, Top DICT and String INDEXes, the charset and the
//! encoding. A damaged or unusual program (CID-keyed, predefined expert sets) gives `None`.

/// The CFF standard strings (SIDs 0–390, spec Appendix A): glyph names, then expert names
/// (`ff`, `ffi`, small capitals, old-style figures) and a few style words. A font's own
/// strings start at SID 391.
const STANDARD_STRINGS: [&str; 391] = [
    ".notdef",
    "space",
    "exclam",
    "quotedbl",
    "numbersign",
    "dollar",
    "percent",
    "ampersand",
    "quoteright",
    "parenleft",
    "parenright",
    "asterisk",
    "plus",
    "comma",
    "hyphen",
    "period",
    "slash",
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "colon",
    "semicolon",
    "less",
    "equal",
    "greater",
    "question",
    "at",
    "A",
    "B",
    "C",
    "D",
    "E",
    "F",
    "G",
    "H",
    "I",
    "J",
    "K",
    "L",
    "M",
    "N",
    "O",
    "P",
    "Q",
    "R",
    "S",
    "T",
    "U",
    "V",
    "W",
    "X",
    "Y",
    "Z",
    "bracketleft",
    "backslash",
    "bracketright",
    "asciicircum",
    "underscore",
    "quoteleft",
    "a",
    "b",
    "c",
    "d",
    "e",
    "f",
    "g",
    "h",
    "i",
    "j",
    "k",
    "l",
    "m",
    "n",
    "o",
    "p",
    "q",
    "r",
    "s",
    "t",
    "u",
    "v",
    "w",
    "x",
    "y",
    "z",
    "braceleft",
    "bar",
    "braceright",
    "asciitilde",
    "exclamdown",
    "cent",
    "sterling",
    "fraction",
    "yen",
    "florin",
    "section",
    "currency",
    "quotesingle",
    "quotedblleft",
    "guillemotleft",
    "guilsinglleft",
    "guilsinglright",
    "fi",
    "fl",
    "endash",
    "dagger",
    "daggerdbl",
    "periodcentered",
    "paragraph",
    "bullet",
    "quotesinglbase",
    "quotedblbase",
    "quotedblright",
    "guillemotright",
    "ellipsis",
    "perthousand",
    "questiondown",
    "grave",
    "acute",
    "circumflex",
    "tilde",
    "macron",
    "breve",
    "dotaccent",
    "dieresis",
    "ring",
    "cedilla",
    "hungarumlaut",
    "ogonek",
    "caron",
    "emdash",
    "AE",
    "ordfeminine",
    "Lslash",
    "Oslash",
    "OE",
    "ordmasculine",
    "ae",
    "dotlessi",
    "lslash",
    "oslash",
    "oe",
    "germandbls",
    "onesuperior",
    "logicalnot",
    "mu",
    "trademark",
    "Eth",
    "onehalf",
    "plusminus",
    "Thorn",
    "onequarter",
    "divide",
    "brokenbar",
    "degree",
    "thorn",
    "threequarters",
    "twosuperior",
    "registered",
    "minus",
    "eth",
    "multiply",
    "threesuperior",
    "copyright",
    "Aacute",
    "Acircumflex",
    "Adieresis",
    "Agrave",
    "Aring",
    "Atilde",
    "Ccedilla",
    "Eacute",
    "Ecircumflex",
    "Edieresis",
    "Egrave",
    "Iacute",
    "Icircumflex",
    "Idieresis",
    "Igrave",
    "Ntilde",
    "Oacute",
    "Ocircumflex",
    "Odieresis",
    "Ograve",
    "Otilde",
    "Scaron",
    "Uacute",
    "Ucircumflex",
    "Udieresis",
    "Ugrave",
    "Yacute",
    "Ydieresis",
    "Zcaron",
    "aacute",
    "acircumflex",
    "adieresis",
    "agrave",
    "aring",
    "atilde",
    "ccedilla",
    "eacute",
    "ecircumflex",
    "edieresis",
    "egrave",
    "iacute",
    "icircumflex",
    "idieresis",
    "igrave",
    "ntilde",
    "oacute",
    "ocircumflex",
    "odieresis",
    "ograve",
    "otilde",
    "scaron",
    "uacute",
    "ucircumflex",
    "udieresis",
    "ugrave",
    "yacute",
    "ydieresis",
    "zcaron",
    "exclamsmall",
    "Hungarumlautsmall",
    "dollaroldstyle",
    "dollarsuperior",
    "ampersandsmall",
    "Acutesmall",
    "parenleftsuperior",
    "parenrightsuperior",
    "twodotenleader",
    "onedotenleader",
    "zerooldstyle",
    "oneoldstyle",
    "twooldstyle",
    "threeoldstyle",
    "fouroldstyle",
    "fiveoldstyle",
    "sixoldstyle",
    "sevenoldstyle",
    "eightoldstyle",
    "nineoldstyle",
    "commasuperior",
    "threequartersemdash",
    "periodsuperior",
    "questionsmall",
    "asuperior",
    "bsuperior",
    "centsuperior",
    "dsuperior",
    "esuperior",
    "isuperior",
    "lsuperior",
    "msuperior",
    "nsuperior",
    "osuperior",
    "rsuperior",
    "ssuperior",
    "tsuperior",
    "ff",
    "ffi",
    "ffl",
    "parenleftinferior",
    "parenrightinferior",
    "Circumflexsmall",
    "hyphensuperior",
    "Gravesmall",
    "Asmall",
    "Bsmall",
    "Csmall",
    "Dsmall",
    "Esmall",
    "Fsmall",
    "Gsmall",
    "Hsmall",
    "Ismall",
    "Jsmall",
    "Ksmall",
    "Lsmall",
    "Msmall",
    "Nsmall",
    "Osmall",
    "Psmall",
    "Qsmall",
    "Rsmall",
    "Ssmall",
    "Tsmall",
    "Usmall",
    "Vsmall",
    "Wsmall",
    "Xsmall",
    "Ysmall",
    "Zsmall",
    "colonmonetary",
    "onefitted",
    "rupiah",
    "Tildesmall",
    "exclamdownsmall",
    "centoldstyle",
    "Lslashsmall",
    "Scaronsmall",
    "Zcaronsmall",
    "Dieresissmall",
    "Brevesmall",
    "Caronsmall",
    "Dotaccentsmall",
    "Macronsmall",
    "figuredash",
    "hypheninferior",
    "Ogoneksmall",
    "Ringsmall",
    "Cedillasmall",
    "questiondownsmall",
    "oneeighth",
    "threeeighths",
    "fiveeighths",
    "seveneighths",
    "onethird",
    "twothirds",
    "zerosuperior",
    "foursuperior",
    "fivesuperior",
    "sixsuperior",
    "sevensuperior",
    "eightsuperior",
    "ninesuperior",
    "zeroinferior",
    "oneinferior",
    "twoinferior",
    "threeinferior",
    "fourinferior",
    "fiveinferior",
    "sixinferior",
    "seveninferior",
    "eightinferior",
    "nineinferior",
    "centinferior",
    "dollarinferior",
    "periodinferior",
    "commainferior",
    "Agravesmall",
    "Aacutesmall",
    "Acircumflexsmall",
    "Atildesmall",
    "Adieresissmall",
    "Aringsmall",
    "AEsmall",
    "Ccedillasmall",
    "Egravesmall",
    "Eacutesmall",
    "Ecircumflexsmall",
    "Edieresissmall",
    "Igravesmall",
    "Iacutesmall",
    "Icircumflexsmall",
    "Idieresissmall",
    "Ethsmall",
    "Ntildesmall",
    "Ogravesmall",
    "Oacutesmall",
    "Ocircumflexsmall",
    "Otildesmall",
    "Odieresissmall",
    "OEsmall",
    "Oslashsmall",
    "Ugravesmall",
    "Uacutesmall",
    "Ucircumflexsmall",
    "Udieresissmall",
    "Yacutesmall",
    "Thornsmall",
    "Ydieresissmall",
    "001.000",
    "001.001",
    "001.002",
    "001.003",
    "Black",
    "Bold",
    "Book",
    "Light",
    "Medium",
    "Regular",
    "Roman",
    "Semibold",
];

/// Most glyphs a font program may declare (the CharStrings INDEX count is 16-bit).
const MAX_GLYPHS: usize = 65535;

/// Top DICT operators.
const OP_CHARSET: u16 = 15;
const OP_ENCODING: u16 = 16;
const OP_CHARSTRINGS: u16 = 17;
const OP_ROS: u16 = 0x0c00 | 30;

/// The glyph name each code 0–255 draws, from a CFF program's own encoding. `None` when the
/// program uses the Standard or Expert encoding (the caller's base applies) or cannot be read.
pub fn builtin_encoding(data: &[u8]) -> Option<Vec<Option<String>>> {
    let header_size = usize::from(*data.get(2)?);
    let (_names, after_names) = index(data, header_size)?;
    let (top_dicts, after_top) = index(data, after_names)?;
    let (strings, _) = index(data, after_top)?;
    let top = dict(top_dicts.first()?)?;
    let operand = |op: u16, default: i64| {
        top.iter()
            .find(|(o, _)| *o == op)
            .and_then(|(_, values)| values.first().copied())
            .unwrap_or(default)
    };
    if top.iter().any(|(o, _)| *o == OP_ROS) {
        return None;
    }
    let encoding_at = usize::try_from(operand(OP_ENCODING, 0)).ok()?;
    if encoding_at <= 1 {
        return None;
    }
    let charstrings_at = usize::try_from(operand(OP_CHARSTRINGS, -1)).ok()?;
    let glyph_count = index_count(data, charstrings_at)?.min(MAX_GLYPHS);
    let charset_at = usize::try_from(operand(OP_CHARSET, 0)).ok()?;
    let sids = charset(data, charset_at, glyph_count)?;
    let name_of = |sid: usize| -> Option<String> {
        match sid {
            s if s < STANDARD_STRINGS.len() => Some(STANDARD_STRINGS[s].to_string()),
            s => strings
                .get(s - STANDARD_STRINGS.len())
                .map(|b| String::from_utf8_lossy(b).into_owned()),
        }
    };
    let mut table: Vec<Option<String>> = vec![None; 256];
    let format = *data.get(encoding_at)?;
    let mut at = encoding_at + 1;
    let mut gid = 1usize;
    let assign = |code: usize, gid: usize, table: &mut Vec<Option<String>>| {
        if let (Some(slot), Some(&sid)) = (table.get_mut(code), sids.get(gid)) {
            *slot = name_of(sid);
        }
    };
    match format & 0x7f {
        0 => {
            let count = usize::from(*data.get(at)?);
            at += 1;
            for code in data.get(at..at + count)? {
                assign(usize::from(*code), gid, &mut table);
                gid += 1;
            }
            at += count;
        }
        1 => {
            let ranges = usize::from(*data.get(at)?);
            at += 1;
            for r in 0..ranges {
                let first = usize::from(*data.get(at + 2 * r)?);
                let left = usize::from(*data.get(at + 2 * r + 1)?);
                for code in first..=first + left {
                    assign(code, gid, &mut table);
                    gid += 1;
                }
            }
            at += 2 * ranges;
        }
        _ => return None,
    }
    if format & 0x80 != 0 {
        let count = usize::from(*data.get(at)?);
        at += 1;
        for s in 0..count {
            let code = usize::from(*data.get(at + 3 * s)?);
            let sid = usize::from(u16::from_be_bytes([
                *data.get(at + 3 * s + 1)?,
                *data.get(at + 3 * s + 2)?,
            ]));
            if let Some(slot) = table.get_mut(code) {
                *slot = name_of(sid);
            }
        }
    }
    Some(table)
}

/// The SID of each glyph (glyph 0 is `.notdef`), from the charset at `at`.
fn charset(data: &[u8], at: usize, glyph_count: usize) -> Option<Vec<usize>> {
    let mut sids = Vec::with_capacity(glyph_count);
    sids.push(0);
    match at {
        // ISOAdobe: glyph i is SID i.
        0 => sids.extend(1..glyph_count),
        // The predefined expert charsets name no glyph with text.
        1 | 2 => return None,
        _ => {
            let format = *data.get(at)?;
            let mut p = at + 1;
            let u16_at = |p: usize| -> Option<usize> {
                Some(usize::from(u16::from_be_bytes([
                    *data.get(p)?,
                    *data.get(p + 1)?,
                ])))
            };
            while sids.len() < glyph_count {
                match format {
                    0 => {
                        sids.push(u16_at(p)?);
                        p += 2;
                    }
                    1 | 2 => {
                        let first = u16_at(p)?;
                        let left = if format == 1 {
                            usize::from(*data.get(p + 2)?)
                        } else {
                            u16_at(p + 2)?
                        };
                        p += if format == 1 { 3 } else { 4 };
                        let room = glyph_count - sids.len();
                        sids.extend((first..=first + left).take(room));
                    }
                    _ => return None,
                }
            }
        }
    }
    Some(sids)
}

/// The number of items of the INDEX at `at`.
fn index_count(data: &[u8], at: usize) -> Option<usize> {
    Some(usize::from(u16::from_be_bytes([
        *data.get(at)?,
        *data.get(at + 1)?,
    ])))
}

/// The items of the INDEX at `at`, and where the next structure starts.
fn index(data: &[u8], at: usize) -> Option<(Vec<&[u8]>, usize)> {
    let count = index_count(data, at)?;
    if count == 0 {
        return Some((Vec::new(), at + 2));
    }
    let off_size = usize::from(*data.get(at + 2)?);
    if !(1..=4).contains(&off_size) {
        return None;
    }
    let offsets_at = at + 3;
    let offset = |i: usize| -> Option<usize> {
        let bytes = data.get(offsets_at + i * off_size..offsets_at + (i + 1) * off_size)?;
        Some(
            bytes
                .iter()
                .fold(0usize, |acc, &b| (acc << 8) | usize::from(b)),
        )
    };
    // Offsets count from the byte before the data.
    let base = offsets_at + (count + 1) * off_size - 1;
    let mut items = Vec::with_capacity(count);
    for i in 0..count {
        let (start, end) = (offset(i)?, offset(i + 1)?);
        if start == 0 || end < start {
            return None;
        }
        items.push(data.get(base + start..base + end)?);
    }
    Some((items, base + offset(count)?))
}

/// A DICT's operators with their integer operands (reals read as 0: no operator used here
/// takes one).
fn dict(data: &[u8]) -> Option<Vec<(u16, Vec<i64>)>> {
    let mut out = Vec::new();
    let mut operands = Vec::new();
    let mut p = 0;
    let byte = |p: usize| data.get(p).map(|&b| i64::from(b));
    while let Some(&b0) = data.get(p) {
        match b0 {
            0..=21 => {
                let op = if b0 == 12 {
                    p += 1;
                    0x0c00 | u16::from(*data.get(p)?)
                } else {
                    u16::from(b0)
                };
                out.push((op, std::mem::take(&mut operands)));
                p += 1;
            }
            28 => {
                operands.push(i64::from(i16::from_be_bytes([
                    *data.get(p + 1)?,
                    *data.get(p + 2)?,
                ])));
                p += 3;
            }
            29 => {
                let b = data.get(p + 1..p + 5)?;
                operands.push(i64::from(i32::from_be_bytes([b[0], b[1], b[2], b[3]])));
                p += 5;
            }
            30 => {
                p += 1;
                // A real's nibbles end with 0xf.
                while let Some(&n) = data.get(p) {
                    p += 1;
                    if n & 0x0f == 0x0f || n >> 4 == 0x0f {
                        break;
                    }
                }
                operands.push(0);
            }
            32..=246 => {
                operands.push(i64::from(b0) - 139);
                p += 1;
            }
            247..=250 => {
                operands.push((i64::from(b0) - 247) * 256 + byte(p + 1)? + 108);
                p += 2;
            }
            251..=254 => {
                operands.push(-(i64::from(b0) - 251) * 256 - byte(p + 1)? - 108);
                p += 2;
            }
            _ => return None,
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An INDEX of `items` with one-byte offsets.
    fn index_bytes(items: &[&[u8]]) -> Vec<u8> {
        let mut out = (items.len() as u16).to_be_bytes().to_vec();
        if items.is_empty() {
            return out;
        }
        out.push(1);
        let mut offset = 1u8;
        out.push(offset);
        for item in items {
            offset += item.len() as u8;
            out.push(offset);
        }
        for item in items {
            out.extend_from_slice(item);
        }
        out
    }

    /// A program with glyphs `.notdef`, `fi`, `eacute`, `uni0103` (a font string), codes
    /// 0x1c → fi and 0xe9 → eacute (format 0), and a supplement 0xe3 → `uni0103`.
    fn program(charset_format: u8) -> Vec<u8> {
        let header = [1u8, 0, 4, 1];
        let names = index_bytes(&[b"F"]);
        let strings = index_bytes(&[b"uni0103"]);
        let gsubrs = index_bytes(&[]);
        let charstrings = index_bytes(&[&[14], &[14], &[14], &[14]]);
        let charset: Vec<u8> = if charset_format == 0 {
            // fi (SID 109), eacute (SID 207), uni0103 (SID 391)
            vec![0, 0, 109, 0, 207, 1, 135]
        } else {
            vec![2, 0, 109, 0, 0, 0, 207, 0, 0, 1, 135, 0, 0]
        };
        let encoding = vec![0x80, 2, 0x1c, 0xe9, 1, 0xe3, 1, 135];
        // The Top DICT's size does not depend on the offsets: each is encoded with `29`.
        let top_len = 3 * 5 + 3;
        let top_index_len = 2 + 1 + 2 + top_len;
        let fixed = header.len() + names.len() + top_index_len + strings.len() + gsubrs.len();
        let charstrings_at = fixed;
        let charset_at = charstrings_at + charstrings.len();
        let encoding_at = charset_at + charset.len();
        let mut top = Vec::new();
        for (value, op) in [(charset_at, 15u8), (encoding_at, 16), (charstrings_at, 17)] {
            top.push(29);
            top.extend_from_slice(&(value as i32).to_be_bytes());
            top.push(op);
        }
        let top_index = index_bytes(&[&top]);
        assert_eq!(top_index.len(), top_index_len);
        [
            &header[..],
            &names,
            &top_index,
            &strings,
            &gsubrs,
            &charstrings,
            &charset,
            &encoding,
        ]
        .concat()
    }

    #[test]
    fn reads_a_custom_encoding_through_the_charset() {
        for format in [0, 2] {
            let table = builtin_encoding(&program(format)).expect("encoding");
            assert_eq!(
                table[0x1c].as_deref(),
                Some("fi"),
                "charset format {format}"
            );
            assert_eq!(table[0xe9].as_deref(), Some("eacute"));
            assert_eq!(table[0xe3].as_deref(), Some("uni0103"));
            assert_eq!(table[0x41], None);
        }
    }

    #[test]
    fn standard_encoding_and_damaged_programs_give_none() {
        let mut standard = program(0);
        // Point the Top DICT's encoding at 0 (Standard).
        let at = standard
            .windows(6)
            .position(|w| w[0] == 29 && w[5] == 16)
            .expect("encoding operator");
        standard[at + 1..at + 5].copy_from_slice(&0i32.to_be_bytes());
        assert_eq!(builtin_encoding(&standard), None);
        let whole = program(0);
        for cut in [0, 3, 10, whole.len() / 2, whole.len() - 3] {
            // Never a panic; a cut program reads as far as it goes or not at all.
            let _ = builtin_encoding(&whole[..cut]);
        }
        assert_eq!(builtin_encoding(&whole[..whole.len() / 2]), None);
    }

    #[test]
    fn standard_strings_stand_at_their_sids() {
        assert_eq!(STANDARD_STRINGS[109], "fi");
        assert_eq!(STANDARD_STRINGS[207], "eacute");
        assert_eq!(STANDARD_STRINGS[228], "zcaron");
        assert_eq!(STANDARD_STRINGS[266], "ff");
        assert_eq!(STANDARD_STRINGS[390], "Semibold");
    }
}
