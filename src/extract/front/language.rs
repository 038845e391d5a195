//! The language of a line of front matter written in a script several languages share: a
//! German title and its English translation, a French abstract in an Arabic paper. Told by
//! the function words of `markers::languages`.

use crate::extract::markers::languages::ALL;
use crate::model::Script;
use crate::script::{default_lang, detect_script};

/// The language whose function words `text` holds most, when it holds at least one and no
/// other language holds as many.
pub(super) fn guess_language(text: &str) -> Option<&'static str> {
    let words: Vec<String> = text
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    let mut counts: Vec<(usize, &'static str)> = ALL
        .iter()
        .map(|t| {
            let n = words
                .iter()
                .filter(|w| t.words.contains(&w.as_str()))
                .count();
            (n, t.lang)
        })
        .collect();
    counts.sort_by_key(|c| std::cmp::Reverse(c.0));
    match counts.as_slice() {
        [(best, lang), rest @ ..] if *best > 0 && rest.first().is_none_or(|(n, _)| n < best) => {
            Some(lang)
        }
        _ => None,
    }
}

/// The language of a block of front-matter text: for Latin script, the language its words
/// tell, else the language of the label that opened it when that label is not Arabic, else
/// the script's usual language.
pub(super) fn block_language(text: &str, label_lang: Option<&'static str>) -> String {
    let script = detect_script(text);
    let fallback = || {
        default_lang(script)
            .or(label_lang)
            .unwrap_or("und")
            .to_string()
    };
    if script != Script::Latin {
        return fallback();
    }
    guess_language(text)
        .or(label_lang.filter(|l| *l != "ar"))
        .map_or_else(fallback, str::to_string)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tells_latin_languages_apart() {
        assert_eq!(
            guess_language("Die Zukunft des Rechts und der Welt"),
            Some("de")
        );
        assert_eq!(
            guess_language("The future of law and the world"),
            Some("en")
        );
        assert_eq!(
            guess_language("Le droit et la société des marchés"),
            Some("fr")
        );
        assert_eq!(guess_language("Rivers"), None);
        assert_eq!(block_language("Rivers", Some("fr")), "fr");
        assert_eq!(block_language("Rivers", Some("ar")), "en");
        assert_eq!(block_language("نهر", Some("en")), "ar");
    }
}
