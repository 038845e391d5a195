//! Folding for comparison: the forms a word takes in print (alef with or without hamza,
//! `ة`/`ه`, `ى`/`ي`, Latin case, direction marks and diacritics) compare equal.

/// Characters a PDF extractor leaves in text that carry no content (direction marks, zero
/// widths, tatweel, Arabic diacritics): skipped when comparing.
pub fn is_ignorable(c: char) -> bool {
    matches!(c as u32,
        0x200B..=0x200F | 0x202A..=0x202E | 0x2066..=0x2069 | 0x061C | 0xFEFF | 0x0640
        | 0x064B..=0x065F | 0x0670)
}

/// One character folded for comparison: alef forms, `ة`/`ه`, `ى`/`ي`, Latin case.
pub fn fold_char(c: char) -> char {
    match c {
        'أ' | 'إ' | 'آ' | 'ٱ' => 'ا',
        'ة' => 'ه',
        'ى' | 'ی' => 'ي',
        'ک' => 'ك',
        _ => c.to_lowercase().next().unwrap_or(c),
    }
}

/// `text` folded for comparison, ignorable characters dropped.
pub fn fold(text: &str) -> String {
    text.chars()
        .filter(|&c| !is_ignorable(c))
        .map(fold_char)
        .collect()
}
