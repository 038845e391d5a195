//! Marker table: author–year citations in the running text (`(Dahl, 2015, p. 104)`,
//! `(العبيدي، ٢٠١٧، ص ١٥)`, `Lopez et al. (2020)`).
//!
//! Entries are matched as whole words after folding (alef forms, `ة`/`ه`, `ى`/`ي`, no
//! tatweel or diacritics; Latin case-insensitively). Longer entries win at one position. `et al.`, no-date forms and page labels are in
//! [`super::common`].

/// In-text citation markers of one language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct IntextMarkers {
    /// BCP 47 tag of the language.
    pub lang: &'static str,
    /// Words that join cited authors (`and`, `&`, `و`).
    pub joiners: &'static [&'static str],
    /// Joiners written attached to the next name (`و` in `جواد وحسين`).
    pub attached_joiners: &'static [&'static str],
    /// Pinpoint labels beyond the page labels of [`super::common`]: a bare `p` (in a
    /// reference list a bare `P` is an initial), `ص.` taken with its dot, paragraphs and
    /// chapters.
    pub pinpoint_labels: &'static [&'static str],
    /// Words that open a citation inside the parentheses (`see`, `e.g.,`, `انظر`).
    pub prefixes: &'static [&'static str],
    /// Words that show a parenthesized "name, year" is not a citation (tables, laws, dates).
    pub non_names: &'static [&'static str],
}

/// Arabic markers.
pub const ARABIC: IntextMarkers = IntextMarkers {
    lang: "ar",
    joiners: &["و"],
    attached_joiners: &["و"],
    pinpoint_labels: &["ص."],
    prefixes: &[
        "للمزيد ينظر",
        "للمزيد انظر",
        "ينظر",
        "انظر",
        "أنظر",
        "راجع",
        "مثلاً",
        "مثلا",
        "نقلاً عن",
        "نقلا عن",
        "وكذلك",
        "كذلك",
    ],
    non_names: &[
        "جدول",
        "الجدول",
        "شكل",
        "الشكل",
        "ملحق",
        "الملحق",
        "قانون",
        "القانون",
        "قرار",
        "القرار",
        "المادة",
        "مادة",
        "رقم",
        "عام",
        "العام",
        "لعام",
        "سنة",
        "السنة",
        "لسنة",
        "منذ",
        "حتى",
        "في",
        "من",
        "إلى",
        "الى",
        "هـ",
        "م",
    ],
};

/// English markers.
pub const ENGLISH: IntextMarkers = IntextMarkers {
    lang: "en",
    joiners: &["and", "&"],
    attached_joiners: &[],
    pinpoint_labels: &["p", "paras.", "para.", "chap.", "ch."],
    prefixes: &[
        "see also",
        "see, e.g.,",
        "see e.g.",
        "see",
        "e.g.,",
        "e.g.",
        "i.e.,",
        "cf.",
        "as cited in",
        "cited in",
        "quoted in",
        "also",
    ],
    non_names: &[
        "Table",
        "Figure",
        "Fig.",
        "Chapter",
        "Section",
        "Appendix",
        "Article",
        "Law",
        "Act",
        "Resolution",
        "No.",
        "in",
        "since",
        "until",
        "from",
        "to",
        "circa",
        "c.",
        "year",
        "AD",
        "BC",
        "CE",
    ],
};

/// The tables to try, in order.
pub const ALL: &[IntextMarkers] = &[ARABIC, ENGLISH];

/// Every entry of one field of every table, longest first (so that `pp.` is tried before
/// `p.` where order matters), without repeats.
pub fn all_of(field: fn(&IntextMarkers) -> &'static [&'static str]) -> Vec<&'static str> {
    let mut v: Vec<&'static str> = Vec::new();
    for m in ALL.iter().flat_map(field) {
        if !v.contains(m) {
            v.push(m);
        }
    }
    // A stable sort keeps the tables' order among entries of one length.
    v.sort_by_key(|m| std::cmp::Reverse(m.chars().count()));
    v
}
