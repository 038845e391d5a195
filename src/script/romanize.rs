//! Romanization of Arabic names, for matching emails and building ASCII citation keys.
//!
//! The table is a simple, deterministic letter-by-letter transliteration close to the spelling
//! Arab authors use for their own names in email addresses (`غ` → `gh`, `ش` → `sh`, `ع` → `a`,
//! long `و`/`ي` → `u`/`i`). It is not a scholarly transliteration: it must stay ASCII-only and
//! stable, because citation keys are built from it.

use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

/// Whether `c` is an Arabic short vowel or other diacritic mark (harakat, tanween, shadda, sukun).
fn is_arabic_mark(c: char) -> bool {
    matches!(c as u32, 0x064B..=0x065F | 0x0670 | 0x06D6..=0x06ED)
}

/// Arabic-script consonants that never act as vowels, with their Latin form.
fn arabic_consonant(c: char) -> Option<&'static str> {
    Some(match c {
        'ب' => "b",
        'ت' => "t",
        'ث' => "th",
        'ج' => "j",
        'ح' => "h",
        'خ' => "kh",
        'د' => "d",
        'ذ' => "dh",
        'ر' => "r",
        'ز' => "z",
        'س' => "s",
        'ش' => "sh",
        'ص' => "s",
        'ض' => "d",
        'ط' => "t",
        'ظ' => "z",
        'غ' => "gh",
        'ف' => "f",
        'ق' => "q",
        'ك' | 'ک' => "k",
        'ل' => "l",
        'م' => "m",
        'ن' => "n",
        'ه' | 'ھ' | 'ہ' => "h",
        'پ' => "p",
        'چ' => "ch",
        'ژ' => "zh",
        'گ' => "g",
        'ڤ' | 'ۋ' => "v",
        _ => return None,
    })
}

/// Whether `c` is `ا`, `أ`, `إ`, `آ` or `ى` (letters read as a long `a`/`i`).
fn is_alef(c: char) -> bool {
    matches!(c, 'ا' | 'أ' | 'إ' | 'آ' | 'ٱ' | 'ى')
}

/// Latin form of one Arabic letter, given its neighbours within the word.
///
/// `و` and `ي` are consonants (`w`, `y`) at the start of a word or next to an alef, and long
/// vowels (`u`, `i`) elsewhere; `ة` and `ى` are `a`; hamza carriers give their vowel.
fn arabic_letter(prev: Option<char>, c: char, next: Option<char>) -> Option<&'static str> {
    if let Some(s) = arabic_consonant(c) {
        return Some(s);
    }
    let at_start = prev.is_none();
    let near_alef = prev.is_some_and(is_alef) || next.is_some_and(is_alef);
    Some(match c {
        'ا' | 'أ' | 'آ' | 'ٱ' | 'ى' => "a",
        'إ' => "i",
        'ة' => "a",
        'ع' => "a",
        'ء' => "",
        'ئ' => "i",
        'ؤ' => "u",
        'و' | 'ۆ' | 'ۇ' => {
            if at_start || near_alef || next.is_some_and(|n| n == 'ي' || n == 'ی') {
                "w"
            } else {
                "u"
            }
        }
        'ي' | 'ی' | 'ێ' => {
            if at_start || near_alef || next.is_some_and(|n| n == 'و') {
                "y"
            } else {
                "i"
            }
        }
        '\u{064E}' => "a",
        '\u{0650}' => "i",
        '\u{064F}' => "u",
        'ـ' => "",
        _ => return None,
    })
}

/// ASCII form of a Latin letter that does not decompose into a base letter and marks.
fn latin_special(c: char) -> Option<&'static str> {
    Some(match c {
        'ß' => "ss",
        'æ' | 'Æ' => "ae",
        'œ' | 'Œ' => "oe",
        'ø' | 'Ø' => "o",
        'đ' | 'Đ' | 'ð' | 'Ð' => "d",
        'ł' | 'Ł' => "l",
        'þ' | 'Þ' => "th",
        'ı' => "i",
        _ => return None,
    })
}

/// A lower-case ASCII romanization of `text`: Arabic letters are transliterated, Latin letters
/// lose their accents, digits of any form become Western digits, and everything else becomes a
/// single space (runs collapsed, no leading or trailing space). Deterministic and ASCII-only.
pub fn romanize(text: &str) -> String {
    // NFKC folds Arabic presentation forms (U+FB50–U+FEFF) into base letters.
    let chars: Vec<char> = text
        .nfkc()
        .filter(|&c| !is_arabic_mark_dropped(c))
        .collect();
    let mut out = String::with_capacity(chars.len() * 2);
    let mut pending_space = false;
    let push = |s: &str, out: &mut String, pending_space: &mut bool| {
        if s.is_empty() {
            return;
        }
        if *pending_space && !out.is_empty() {
            out.push(' ');
        }
        *pending_space = false;
        out.push_str(s);
    };
    for (i, &c) in chars.iter().enumerate() {
        if crate::script::is_arabic_letter(c) || c == 'ـ' || is_arabic_mark(c) {
            let prev = i
                .checked_sub(1)
                .and_then(|j| chars.get(j))
                .copied()
                .filter(|&p| crate::script::is_arabic_letter(p));
            let next = chars
                .get(i + 1)
                .copied()
                .filter(|&n| crate::script::is_arabic_letter(n));
            match arabic_letter(prev, c, next) {
                Some(s) => push(s, &mut out, &mut pending_space),
                None => pending_space = true,
            }
        } else if let Some(d) = crate::script::digit_value(c) {
            let digit = char::from_digit(d, 10).unwrap_or('0');
            push(
                digit.encode_utf8(&mut [0u8; 4]),
                &mut out,
                &mut pending_space,
            );
        } else if c.is_ascii_alphabetic() {
            let lower = c.to_ascii_lowercase();
            push(
                lower.encode_utf8(&mut [0u8; 4]),
                &mut out,
                &mut pending_space,
            );
        } else if let Some(s) = latin_special(c) {
            push(s, &mut out, &mut pending_space);
        } else if c.is_alphabetic() {
            // Accented Latin letters: keep the ASCII base letters of the decomposition.
            let base: String = c
                .to_string()
                .nfd()
                .filter(|d| !is_combining_mark(*d))
                .filter(|d| d.is_ascii_alphabetic())
                .map(|d| d.to_ascii_lowercase())
                .collect();
            if base.is_empty() {
                pending_space = true;
            } else {
                push(&base, &mut out, &mut pending_space);
            }
        } else if is_combining_mark(c) {
            // A combining accent after a Latin base letter: drop it without breaking the word.
        } else {
            pending_space = true;
        }
    }
    out
}

/// Marks that carry no sound worth writing (tanween, shadda, sukun, small high signs).
fn is_arabic_mark_dropped(c: char) -> bool {
    is_arabic_mark(c) && !matches!(c, '\u{064E}' | '\u{064F}' | '\u{0650}')
}

/// Consonants the French and English spellings of Arabic names write in other letters, as
/// one: `q` and hard `c` as `k`, soft `c` (before `e`, `i`, `y`) and `ç` as `s`, `ch` as
/// `sh` and `dj` as `j` (`Belkacemi` and `بلقاسمي`, `Cherifi` and `شريفي`, `Djamel` and
/// `جمال`).
fn fold_spellings(roman: &str) -> String {
    let chars: Vec<char> = roman.chars().flat_map(char::to_lowercase).collect();
    let mut out = String::with_capacity(roman.len());
    let mut i = 0;
    while let Some(&c) = chars.get(i) {
        let next = chars.get(i + 1).copied();
        match (c, next) {
            ('c', Some('h')) => {
                out.push_str("sh");
                i += 1;
            }
            ('d', Some('j')) => {
                out.push('j');
                i += 1;
            }
            ('c', Some('e' | 'i' | 'y')) | ('ç', _) => out.push('s'),
            ('c' | 'q', _) => out.push('k'),
            _ => out.push(c),
        }
        i += 1;
    }
    out
}

/// The consonant skeleton of a Latin or Arabic word, for spelling-tolerant name comparison:
/// the romanization with vowels (`a e i o u`), `w`, `y`, `h` after a consonant and
/// non-letters removed, and doubled letters collapsed (`Salman`, `Selman`, `سلمان` →
/// `slmn`), after folding the French and English spellings ([`fold_spellings`]).
pub fn consonant_skeleton(text: &str) -> String {
    let roman = fold_spellings(&romanize(text));
    let mut out = String::with_capacity(roman.len());
    let mut last: Option<char> = None;
    for c in roman.chars() {
        let keep = match c {
            'a' | 'e' | 'i' | 'o' | 'u' | 'w' | 'y' => false,
            // `h` only spells a sound on its own; `sh`, `kh`, `gh`, `th`, `dh` keep it.
            'h' => !matches!(last, Some('s' | 'k' | 'g' | 't' | 'd' | 'c')) || out.is_empty(),
            c => c.is_ascii_alphanumeric(),
        };
        if keep && last != Some(c) {
            out.push(c);
        }
        if c.is_ascii_alphanumeric() {
            last = Some(c);
        }
    }
    out
}

/// ALA-LC form of an Arabic consonant that is never a vowel.
fn ala_lc_consonant(c: char) -> Option<&'static str> {
    Some(match c {
        'ب' => "b",
        'ت' => "t",
        'ث' => "th",
        'ج' => "j",
        'ح' => "ḥ",
        'خ' => "kh",
        'د' => "d",
        'ذ' => "dh",
        'ر' => "r",
        'ز' => "z",
        'س' => "s",
        'ش' => "sh",
        'ص' => "ṣ",
        'ض' => "ḍ",
        'ط' => "ṭ",
        'ظ' => "ẓ",
        'ع' => "ʻ",
        'غ' => "gh",
        'ف' => "f",
        'ق' => "q",
        'ك' | 'ک' => "k",
        'ل' => "l",
        'م' => "m",
        'ن' => "n",
        'ه' | 'ھ' | 'ہ' => "h",
        'پ' => "p",
        'چ' => "ch",
        'ژ' => "zh",
        'گ' => "g",
        'ڤ' => "v",
        _ => return None,
    })
}

/// Whether `c` is a short-vowel mark (fatha, damma, kasra).
fn is_short_vowel_mark(c: char) -> bool {
    matches!(c, '\u{064E}' | '\u{064F}' | '\u{0650}')
}

/// One Arabic word letter by letter in the ALA-LC romanization, lower case: consonants with
/// their dots (`ḥ`, `ṣ`, `ʻ`), `ا`/`و`/`ي` as long vowels `ā`/`ū`/`ī` (consonants `w`/`y` at
/// the start, next to an alef or before a vowel), `ى` as `á`, `ة` as `ah`, hamza inside a
/// word as `ʼ`; vowel marks and shadda where the text has them. Short vowels the text does
/// not write are not guessed (`محمد` → `mḥmd`): see `docs/names.md`. Other characters pass
/// through when they are letters or `-`, and are dropped otherwise.
pub fn ala_lc_word(word: &str) -> String {
    let chars: Vec<char> = word
        .nfkc()
        .filter(|&c| c != 'ـ' && !matches!(c as u32, 0x200B..=0x200F | 0x061C | 0xFEFF))
        // Tanween, sukun and small signs carry nothing a name's romanization writes.
        .filter(|&c| !matches!(c as u32, 0x064B..=0x064D | 0x0652..=0x065F))
        .collect();
    let letter_at = |i: usize| {
        chars
            .get(i)
            .copied()
            .filter(|&c| crate::script::is_arabic_letter(c))
    };
    let mut out = String::with_capacity(chars.len() * 2);
    // The last consonant written and where it ends in `out`: a shadda doubles it, even when
    // the text puts the shadda after the consonant's vowel mark.
    let mut last_consonant: Option<(usize, &'static str)> = None;
    for (i, &c) in chars.iter().enumerate() {
        let prev = i.checked_sub(1).and_then(letter_at);
        let next = letter_at(i + 1);
        let marked = chars.get(i + 1).copied().is_some_and(is_short_vowel_mark);
        let at_start = out.is_empty();
        let near_alef = prev.is_some_and(is_alef) || next.is_some_and(is_alef);
        if let Some(s) = ala_lc_consonant(c) {
            out.push_str(s);
            last_consonant = Some((out.len(), s));
            continue;
        }
        // A word-initial alef or hamza carries the vowel its mark gives, else `a` (`i`
        // under `إ`).
        let opening = |vowel: &'static str| if marked { "" } else { vowel };
        let piece: &'static str = match c {
            'ا' | 'ٱ' | 'أ' if at_start => opening("a"),
            'إ' if at_start => opening("i"),
            'آ' if at_start => "ā",
            'ء' | 'ئ' | 'ؤ' if at_start => "",
            'ا' | 'ٱ' => "ā",
            'أ' | 'ء' | 'ئ' | 'ؤ' => "ʼ",
            'إ' => "ʼi",
            'آ' => "ʼā",
            'ى' => "á",
            'ة' if prev.is_some_and(is_alef) => "h",
            'ة' => "ah",
            'و' | 'ۆ' | 'ۇ' if at_start || near_alef || marked || next == Some('و') => "w",
            'و' | 'ۆ' | 'ۇ' => "ū",
            'ي' | 'ی' | 'ێ'
                if at_start
                    || near_alef
                    || marked
                    || next.is_some_and(|n| matches!(n, 'و' | 'ي' | 'ی')) =>
            {
                "y"
            }
            'ي' | 'ی' | 'ێ' => "ī",
            '\u{064E}' => "a",
            '\u{064F}' => "u",
            '\u{0650}' => "i",
            '\u{0670}' => "ā",
            '\u{0651}' => {
                // Shadda doubles the consonant before it.
                if let Some((end, s)) = last_consonant.take() {
                    out.insert_str(end, s);
                }
                continue;
            }
            c if c.is_alphabetic() || c == '-' => {
                out.push(c);
                last_consonant = None;
                continue;
            }
            _ => continue,
        };
        out.push_str(piece);
        last_consonant = match piece {
            "w" => Some((out.len(), "w")),
            "y" => Some((out.len(), "y")),
            // A vowel mark keeps the consonant it follows.
            _ if is_short_vowel_mark(c) => last_consonant,
            _ => None,
        };
    }
    out
}

/// `word` with its first letter in capitals, past a leading `ʻ` or `ʼ` (`ʻAlī`).
pub fn capitalize_word(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    let mut done = false;
    for c in word.chars() {
        if !done && c.is_alphabetic() && !matches!(c, 'ʻ' | 'ʼ') {
            out.extend(c.to_uppercase());
            done = true;
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn romanizes_arabic_names_close_to_their_usual_spelling() {
        assert_eq!(romanize("راضي"), "radi");
        assert_eq!(romanize("علي"), "ali");
        assert_eq!(romanize("نور"), "nur");
        assert_eq!(romanize("الياسري"), "alyasri");
        assert_eq!(romanize("موسى"), "musa");
        assert_eq!(romanize("فاطمة"), "fatma");
        assert_eq!(romanize("خالد وليد"), "khald wlid");
        assert_eq!(romanize("شذى"), "shdha");
    }

    #[test]
    fn output_is_lower_case_ascii_and_collapses_separators() {
        let r = romanize("  Ülkü Çelik — عبد-الله ٢٠٢٣! ");
        assert!(r.is_ascii(), "{r}");
        assert_eq!(r, "ulku celik abd allh 2023");
        assert_eq!(romanize("José, ŁÓDŹ; Straße"), "jose lodz strasse");
        assert_eq!(romanize("…"), "");
    }

    #[test]
    fn folds_presentation_forms_and_ignores_diacritics() {
        // U+FEE3 U+FEA4 U+FEE4 U+FEAA: presentation forms of محمد.
        assert_eq!(romanize("\u{FEE3}\u{FEA4}\u{FEE4}\u{FEAA}"), "mhmd");
        assert_eq!(romanize("مُحَمَّد"), "muhamad");
        assert_eq!(romanize("مـحـمـد"), "mhmd");
    }

    #[test]
    fn is_deterministic() {
        let text = "أ.م.د سعاد عبد الرحمن Smith";
        assert_eq!(romanize(text), romanize(text));
        assert_eq!(romanize(text), "a m d saad abd alrhmn smith");
    }

    #[test]
    fn skeletons_tolerate_vowel_and_spelling_variation() {
        assert_eq!(consonant_skeleton("سلمان"), consonant_skeleton("Salman"));
        assert_eq!(consonant_skeleton("سلمان"), consonant_skeleton("Selman"));
        assert_eq!(consonant_skeleton("حسين"), consonant_skeleton("Hussein"));
        assert_eq!(
            consonant_skeleton("بلقاسمي"),
            consonant_skeleton("belkacemi")
        );
        assert_eq!(consonant_skeleton("شريفي"), consonant_skeleton("cherifi"));
        assert_eq!(consonant_skeleton("جمال"), consonant_skeleton("Djamel"));
        assert_eq!(
            consonant_skeleton("شمس الدين"),
            consonant_skeleton("shamsaldeen")
        );
        assert_eq!(
            consonant_skeleton("عبدالرحمن"),
            consonant_skeleton("Abdulrahman")
        );
        assert_eq!(consonant_skeleton("راضي"), consonant_skeleton("radhi"));
        assert_eq!(consonant_skeleton("شاكر"), "skr");
        assert_ne!(consonant_skeleton("نزار"), consonant_skeleton("Salman"));
    }
}
