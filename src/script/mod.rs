//! Script detection, digit reading and romanization shared by readers and writers.
//!
//! Nothing here changes source text: digits are read as numbers only for machine fields.

pub mod digits;
pub mod fold;
pub mod romanize;

pub use digits::{digit_value, is_blank, is_digit, is_invisible, parse_number, western_digits};

use crate::model::Script;

/// Whether `c` is a letter of the Arabic script (base block, supplement and presentation forms).
pub fn is_arabic_letter(c: char) -> bool {
    matches!(c as u32,
        0x0620..=0x064A | 0x066E..=0x06D3 | 0x06D5 | 0x06EE..=0x06EF | 0x06FA..=0x06FF
        | 0x0750..=0x077F | 0x08A0..=0x08FF | 0xFB50..=0xFDFF | 0xFE70..=0xFEFF)
}

/// Whether `c` is a Latin letter.
pub fn is_latin_letter(c: char) -> bool {
    c.is_ascii_alphabetic()
        || (matches!(c as u32, 0x00C0..=0x024F | 0x1E00..=0x1EFF) && c.is_alphabetic())
}

/// Exactly [`char::is_alphanumeric`], answered without a table search for ASCII and the
/// basic Arabic letters (text scans call it for every character).
pub fn is_alphanumeric(c: char) -> bool {
    match c {
        c if c.is_ascii() => c.is_ascii_alphanumeric(),
        '\u{0621}'..='\u{063A}' | '\u{0641}'..='\u{064A}' | '\u{0660}'..='\u{0669}' => true,
        c => c.is_alphanumeric(),
    }
}

/// Counts Arabic and Latin letters in `text`.
pub fn letter_counts(text: &str) -> (usize, usize) {
    let mut arabic = 0;
    let mut latin = 0;
    for c in text.chars() {
        if is_arabic_letter(c) {
            arabic += 1;
        } else if is_latin_letter(c) {
            latin += 1;
        }
    }
    (arabic, latin)
}

/// The dominant script of `text`: the one with more than half of its Arabic and Latin letters.
pub fn detect_script(text: &str) -> Script {
    let (arabic, latin) = letter_counts(text);
    if arabic == 0 && latin == 0 {
        Script::Other
    } else if arabic > latin {
        Script::Arabic
    } else if latin > arabic {
        Script::Latin
    } else {
        Script::Other
    }
}

/// The BCP 47 language papermeta assumes for a script (`ar` for Arabic, `en` for Latin).
pub fn default_lang(script: Script) -> Option<&'static str> {
    match script {
        Script::Arabic => Some("ar"),
        Script::Latin => Some("en"),
        Script::Other => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn alphanumeric_matches_std() {
        let mut seen = 0;
        for c in (0u32..0x2100).filter_map(char::from_u32) {
            assert_eq!(is_alphanumeric(c), c.is_alphanumeric(), "{c:?}");
            seen += usize::from(is_alphanumeric(c));
        }
        assert!(is_alphanumeric('ب') && is_alphanumeric('٣') && !is_alphanumeric('،'));
        assert!(seen > 1000);
    }

    #[test]
    fn reads_all_digit_forms() {
        assert_eq!(parse_number("٢٠١١"), Some(2011));
        assert_eq!(parse_number("۲۰۲۴"), Some(2024));
        assert_eq!(parse_number(" 1998 "), Some(1998));
        assert_eq!(parse_number("19a8"), None);
        assert_eq!(western_digits("ص ٢٢"), "ص 22");
    }

    #[test]
    fn detects_script_by_majority() {
        assert_eq!(detect_script("الملخص"), Script::Arabic);
        assert_eq!(detect_script("Summary: the text"), Script::Latin);
        assert_eq!(detect_script("123"), Script::Other);
    }
}
