//! Reading the lam-alef ligatures that a whole document printed backwards, where the
//! sequence alone does not tell (`الإعالم` may be `الإعلام`, but `العالم` is a word).
//!
//! A font with a lam-alef glyph (KacstBook, Word's Simplified and Traditional Arabic) makes
//! pdftotext print every lam-alef of the document as alef, lam. Such a document shows it by
//! the certain repairs (`األ`, `إال`, `االلتزام`) and by printing almost no lam followed by
//! alef; only then is every alef, lam that the source printed side by side after the article
//! a candidate, and Arabic word structure decides: the pattern vowel stands after the second
//! root letter in the patterns with a long stem before the pair (إفعال, افتعال, استفعال) and
//! the `لات` plural, before the last root letter in فاعل and فعال words that end in the pair.
//! A short stem of one letter, the pair, one letter (`سالم`: سالم or سلام) stays as printed.
//! A hamza alef and lam at a word's start (`ألن`) is read `لأن` when the word after the lam
//! is one of the document's.

use super::letters::{is_alef, is_mark, Ch};
use std::collections::HashSet;

/// Letters a word may begin with before the article (`و`, `ف`) or in its place (`ب`, `ك`,
/// `ل`).
const CONJUNCTIONS: [char; 2] = ['و', 'ف'];
const PREPOSITIONS: [char; 3] = ['ب', 'ك', 'ل'];

/// Endings a stem takes (feminine, plural, relative, pronouns, accusative alef), longest
/// first.
const SUFFIXES: [&str; 17] = [
    "هما", "يات", "ية", "ات", "ين", "ون", "ان", "ها", "هم", "هن", "كم", "نا", "يا", "ة", "ي", "ه",
    "ا",
];

/// The two-letter words that stand after a lam preposition as often as any (`لأن`).
const SHORT_WORDS_AFTER_LAM: [&str; 1] = ["أن"];

/// The words of a document (Arabic letters only), with and without the article and the
/// letters joined before it.
#[derive(Debug, Default)]
pub(super) struct Vocabulary(HashSet<String>);

impl Vocabulary {
    /// Adds the words of a (repaired) line.
    pub(super) fn add_line(&mut self, line: &str) {
        for word in line.split(|c: char| !crate::script::is_arabic_letter(c)) {
            if word.is_empty() {
                continue;
            }
            self.0.insert(word.to_string());
            let chars: Vec<char> = word.chars().collect();
            let start = stem_start(&chars).0;
            if start > 0 && start < chars.len() {
                self.0.insert(chars[start..].iter().collect());
            }
        }
    }

    fn contains(&self, word: &str) -> bool {
        self.0.contains(word)
    }
}

/// Whether the document printed its lam-alef ligatures backwards: enough certain repairs,
/// and lam before alef almost never printed (`printed_lam_alef` counts them in the source).
pub(super) fn document_reverses(certain_repairs: usize, printed_lam_alef: usize) -> bool {
    certain_repairs >= 3 && printed_lam_alef * 10 <= certain_repairs
}

/// How many times lam stands right before alef in a source line.
pub(super) fn printed_lam_alef(line: &str) -> usize {
    line.chars()
        .zip(line.chars().skip(1))
        .filter(|&(a, b)| a == 'ل' && is_alef(b))
        .count()
}

fn is_word_char(c: char) -> bool {
    crate::script::is_arabic_letter(c) || is_mark(c)
}

/// Puts back in order the alef, lam pairs of a line of a reversing document that are read
/// as lam-alef (see the module comment); returns how many.
pub(super) fn resolve(chars: &mut [Ch], words: &Vocabulary) -> usize {
    let mut swapped = 0;
    let mut i = 0;
    while i < chars.len() {
        if !is_word_char(chars[i].0) {
            i += 1;
            continue;
        }
        let end = (i..chars.len())
            .find(|&k| !is_word_char(chars[k].0))
            .unwrap_or(chars.len());
        swapped += resolve_word(&mut chars[i..end], words);
        i = end;
    }
    swapped
}

/// Two letters that the source printed side by side in that order (a pair that a certain
/// repair moved is not one).
fn printed_side_by_side(word: &[Ch], i: usize) -> bool {
    i + 1 < word.len() && word[i + 1].1 == word[i].1 + word[i].0.len_utf8()
}

/// An alef and a lam printed side by side.
fn printed_pair(word: &[Ch], i: usize) -> bool {
    printed_side_by_side(word, i) && word[i].0 == 'ا' && word[i + 1].0 == 'ل'
}

fn letters(word: &[Ch]) -> Vec<char> {
    word.iter().map(|&(c, _)| c).collect()
}

/// Where the stem of a word begins (after a conjunction, a preposition, the article) and
/// whether it has the article.
fn stem_start(text: &[char]) -> (usize, bool) {
    let n = text.len();
    let start = usize::from(n > 3 && CONJUNCTIONS.contains(&text[0]));
    if text.get(start) == Some(&'ل') && text.get(start + 1) == Some(&'ل') {
        // `لل`: the preposition and the article, contracted
        (start + 2, true)
    } else if text.get(start..start + 2) == Some(&['ا', 'ل'][..]) {
        (start + 2, true)
    } else if text.get(start).is_some_and(|c| PREPOSITIONS.contains(c))
        && text.get(start + 1..start + 3) == Some(&['ا', 'ل'][..])
    {
        (start + 3, true)
    } else if n >= start + 5 && PREPOSITIONS.contains(&text[start]) {
        (start + 1, false)
    } else {
        (start, false)
    }
}

fn resolve_word(word: &mut [Ch], words: &Vocabulary) -> usize {
    // Marks make positions ambiguous; pdftotext prints the letters of such words apart.
    if word.iter().any(|&(c, _)| is_mark(c)) {
        return 0;
    }
    let mut text = letters(word);
    let n = text.len();
    // The article never stands alone: `ال`, `وال`, `فال` are `لا`, `ولا`, `فلا`.
    let lone = match n {
        2 => Some(0),
        3 if CONJUNCTIONS.contains(&text[0]) => Some(1),
        _ => None,
    };
    if let Some(k) = lone {
        if printed_pair(word, k) {
            word.swap(k, k + 1);
            return 1;
        }
        return 0;
    }
    let mut swapped = 0;
    let first = usize::from(n > 3 && CONJUNCTIONS.contains(&text[0]));
    if text[first] == 'ل'
        && text.get(first + 1).copied().is_some_and(is_alef)
        && text.get(first + 2) == Some(&'ل')
        && printed_side_by_side(word, first + 1)
    {
        // `لال…`, `لإل…`: a preposition before the article contracts to `لل`, so this is
        // `للا…`, `للإ…`
        word.swap(first + 1, first + 2);
        swapped += 1;
        text = letters(word);
    } else if matches!(text[first], 'أ' | 'إ')
        && text.get(first + 1) == Some(&'ل')
        && printed_side_by_side(word, first)
    {
        // `ألن` for `لأن`, `إلعادة` for `لإعادة`: read so when the word after the lam is one
        // of the document's (`أن`, `إعادة`)
        let after: String = std::iter::once(text[first])
            .chain(text[first + 2..].iter().copied())
            .collect();
        let long = after.chars().count() >= 3;
        if (long || SHORT_WORDS_AFTER_LAM.contains(&after.as_str())) && words.contains(&after) {
            word.swap(first, first + 1);
            return 1;
        }
    }
    let (start, article) = stem_start(&text);
    let mut i = start;
    while i + 1 < n {
        if !printed_pair(word, i) {
            i += 1;
            continue;
        }
        let chars = letters(word);
        let rest: String = chars[i + 2..].iter().collect();
        if lam_alef_reading(&chars[start..i], &rest, article) {
            word.swap(i, i + 1);
            swapped += 1;
            i += 2;
        } else {
            i += 1;
        }
    }
    swapped
}

/// Whether an alef, lam pair with the stem letters `before` and the letters `rest` after it
/// reads as lam-alef.
fn lam_alef_reading(before: &[char], rest: &str, after_article: bool) -> bool {
    let p = before.len();
    if p == 0 {
        // a stem of the article that begins with alef, lam: the article's lam and that alef
        // would have made a ligature, printed `اال`; a pair printed in order is lam-alef
        return after_article;
    }
    // `…الل` at the stem's end (`خالل`, `إخالل`): no word ends in alef, lam, lam
    if let Some(tail) = rest.strip_prefix('ل') {
        if tail.is_empty() || SUFFIXES.contains(&tail) {
            return true;
        }
    }
    // `…الت` after a stem of two letters or more: the `ات` plural (`مجالت`), not a verb
    if rest == "ت" {
        return p >= 2;
    }
    // the pair ends the stem (`مجال`, `الإحالة`): the pattern vowel before the last letter
    if rest.is_empty() || SUFFIXES.contains(&rest) {
        return false;
    }
    let stem_rest = SUFFIXES
        .iter()
        .find_map(|s| rest.strip_suffix(s).filter(|r| !r.is_empty()))
        .unwrap_or(rest);
    let q = stem_rest.chars().count();
    match p {
        1 => q >= 2,
        2 => matches!(before[0], 'إ' | 'أ' | 'ا'),
        _ => true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(word: &str) -> String {
        let mut words = Vocabulary::default();
        words.add_line("أن إعادة");
        let mut chars: Vec<Ch> = word.char_indices().map(|(i, c)| (c, i)).collect();
        resolve(&mut chars, &words);
        chars.iter().map(|&(c, _)| c).collect()
    }

    #[test]
    fn long_stems_and_plurals_read_lam_alef() {
        assert_eq!(run("الإعالم"), "الإعلام");
        assert_eq!(run("بالإعالم"), "بالإعلام");
        assert_eq!(run("الاستهالك"), "الاستهلاك");
        assert_eq!(run("الاصطالحي"), "الاصطلاحي");
        assert_eq!(run("المجالت"), "المجلات");
        assert_eq!(run("الإخالل"), "الإخلال");
        assert_eq!(run("خالل"), "خلال");
        assert_eq!(run("لاللتزام"), "للالتزام");
        assert_eq!(run("الالزمة"), "اللازمة");
        assert_eq!(run("المالحظات"), "الملاحظات");
        assert_eq!(run("ال تكفي"), "لا تكفي");
        assert_eq!(run("وال"), "ولا");
        assert_eq!(run("ألن"), "لأن");
        assert_eq!(run("وألن"), "ولأن");
        assert_eq!(run("إلعادة"), "لإعادة");
        assert_eq!(run("لإلخالل"), "للإخلال");
    }

    #[test]
    fn words_with_alef_before_lam_stay() {
        for word in [
            "العالم",
            "سالم",
            "خالد",
            "الطالب",
            "طالبا",
            "طالبات",
            "لصالح",
            "الشمالية",
            "الأعمال",
            "مجال",
            "مجالس",
            "المطالب",
            "لمطالب",
            "بمعالجة",
            "وقالت",
            "استقالة",
            "الإحالة",
            "بالطريقة",
            "إلى",
            "ألم",
            "الإلكترونية",
        ] {
            assert_eq!(run(word), word, "{word}");
        }
    }

    #[test]
    fn the_gate_needs_certain_repairs_and_no_printed_lam_alef() {
        assert!(document_reverses(60, 0));
        assert!(document_reverses(93, 3));
        assert!(!document_reverses(2, 0));
        assert!(!document_reverses(20, 28));
        assert_eq!(printed_lam_alef("لا إله"), 1);
    }
}
