//! The letter classes and the character-with-offset unit shared by the repair steps.

/// A character with the byte offset of its source in the input line.
pub(super) type Ch = (char, usize);

/// Arabic combining marks (harakat, tanween, shadda, sukun, superscript alef, ...).
pub(super) fn is_mark(c: char) -> bool {
    matches!(c, '\u{064B}'..='\u{065F}' | '\u{0670}')
}

/// The alef and its hamza and madda forms.
pub(super) fn is_alef(c: char) -> bool {
    matches!(c, 'ا' | 'أ' | 'إ' | 'آ')
}
