//! What a glyph's text becomes: Arabic presentation forms and Latin ligatures folded to the
//! letters they show, bidi controls and other invisible controls dropped, and the tatweel a
//! font glued to a letter (a shaping artefact, not the author's) removed.

use unicode_normalization::UnicodeNormalization;

/// Whether `c` is a presentation form (Latin or Arabic ligatures, Arabic contextual forms).
fn is_presentation_form(c: char) -> bool {
    matches!(c as u32, 0xFB00..=0xFB06 | 0xFB50..=0xFDFF | 0xFE70..=0xFEFF)
}

/// Bidi embedding, override and isolate controls, and marks: the page shows their effect,
/// the text must not keep them.
fn is_bidi_control(c: char) -> bool {
    matches!(c as u32, 0x200E | 0x200F | 0x061C | 0x202A..=0x202E | 0x2066..=0x2069)
}

/// The text of one glyph, cleaned. A glyph that stands for a letter with a tatweel (a
/// stretched join the font drew) gives the letter alone.
pub fn clean_glyph_text(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    for c in raw.chars() {
        if is_bidi_control(c) || c == '\u{FEFF}' || c == '\u{FFFD}' || (c.is_control() && c != '\t')
        {
            continue;
        }
        if c == '\u{FEFF}' {
            continue;
        }
        if is_presentation_form(c) {
            out.extend(c.to_string().nfkc());
        } else if c == '\u{A0}' || c == '\t' {
            out.push(' ');
        } else {
            out.push(c);
        }
    }
    if out.contains('\u{640}') && out.chars().any(|c| c != '\u{640}' && c.is_alphabetic()) {
        out.retain(|c| c != '\u{640}');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_and_drops() {
        assert_eq!(clean_glyph_text("\u{FEFB}"), "لا");
        assert_eq!(clean_glyph_text("\u{FB01}"), "fi");
        assert_eq!(clean_glyph_text("\u{FEE3}"), "م");
        assert_eq!(clean_glyph_text("\u{202B}ب\u{202C}"), "ب");
        assert_eq!(clean_glyph_text("ـك"), "ك");
        assert_eq!(clean_glyph_text("ـ"), "ـ");
        assert_eq!(clean_glyph_text("\u{A0}"), " ");
        assert_eq!(clean_glyph_text("\u{FFFD}"), "");
    }
}
