//! Marker table: the function words that tell languages written in the same script apart
//! (a German title beside its English translation, a French abstract in an Arabic paper).
//!
//! Only short, frequent words that rarely occur in the other languages of the table: a line
//! is given the language whose words it holds most.

/// The function words of one language.
#[derive(Debug, Clone, Copy)]
pub struct LanguageWords {
    /// BCP 47 tag of the language.
    pub lang: &'static str,
    /// Function words, lower case.
    pub words: &'static [&'static str],
}

/// English function words.
pub const ENGLISH: LanguageWords = LanguageWords {
    lang: "en",
    words: &[
        "the", "of", "and", "to", "in", "is", "for", "on", "with", "as", "by", "from", "that",
        "toward", "towards", "its", "their", "an", "this", "which", "are", "or",
    ],
};

/// German function words.
pub const GERMAN: LanguageWords = LanguageWords {
    lang: "de",
    words: &[
        "der", "die", "das", "des", "dem", "den", "und", "über", "für", "zur", "zum", "im", "ist",
        "mit", "ein", "eine", "einer", "eines", "von", "vom", "auf", "nicht", "sich", "als",
        "oder", "zwischen", "nach",
    ],
};

/// French function words.
pub const FRENCH: LanguageWords = LanguageWords {
    lang: "fr",
    words: &[
        "le", "la", "les", "des", "du", "et", "une", "est", "dans", "pour", "sur", "au", "aux",
        "par", "entre", "qui", "que", "en", "ou", "ce", "cette",
    ],
};

/// The tables to try, in order.
pub const ALL: &[LanguageWords] = &[ENGLISH, GERMAN, FRENCH];
