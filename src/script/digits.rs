//! Digits of the three forms (Western, Arabic-Indic, Persian) read for machine fields, and
//! the invisible characters that make a text blank. Nothing here depends on the model, so
//! the model's own types may read numbers with it.

/// The value of a decimal digit in Western, Arabic-Indic (`٠`–`٩`) or Persian (`۰`–`۹`) form.
pub fn digit_value(c: char) -> Option<u32> {
    match c {
        '0'..='9' => Some(c as u32 - '0' as u32),
        '\u{0660}'..='\u{0669}' => Some(c as u32 - 0x0660),
        '\u{06F0}'..='\u{06F9}' => Some(c as u32 - 0x06F0),
        _ => None,
    }
}

/// Whether `c` is an invisible format character that PDF extraction leaves in text: byte
/// order mark, zero-width space and joiners, direction marks, word joiner.
pub fn is_invisible(c: char) -> bool {
    matches!(c, '\u{FEFF}' | '\u{200B}'..='\u{200F}' | '\u{2060}' | '\u{061C}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Whether `text` holds nothing a reader can see: only whitespace and invisible characters.
pub fn is_blank(text: &str) -> bool {
    text.chars().all(|c| c.is_whitespace() || is_invisible(c))
}

/// Whether `c` is a decimal digit of any of the three forms.
pub fn is_digit(c: char) -> bool {
    digit_value(c).is_some()
}

/// `text` with Arabic-Indic and Persian digits replaced by Western ones, for machine fields.
pub fn western_digits(text: &str) -> String {
    text.chars()
        .map(|c| match digit_value(c) {
            Some(d) => char::from_digit(d, 10).unwrap_or(c),
            None => c,
        })
        .collect()
}

/// Reads `text` (digits of any form, surrounding whitespace allowed) as an unsigned number.
pub fn parse_number(text: &str) -> Option<u32> {
    let t = text.trim();
    if t.is_empty() || t.chars().count() > 9 {
        return None;
    }
    let mut value: u32 = 0;
    for c in t.chars() {
        value = value.checked_mul(10)?.checked_add(digit_value(c)?)?;
    }
    Some(value)
}
