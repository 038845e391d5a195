//! Marker table: author–year citations in the running text (`(Dahl, 2015, p. 104)`,
//! `(العبيدي، ٢٠١٧، ص ١٥)`, `Lopez et al. (2020)`).
//!
//! Entries are matched as whole words after folding (alef forms, `ة`/`ه`, `ى`/`ي`, no
//! tatweel or diacritics; Latin case-insensitively). Longer entries win at one position.

/// In-text citation markers of one language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct IntextMarkers {
    /// BCP 47 tag of the language.
    pub lang: &'static str,
    /// `et al.` forms that end a cited author list.
    pub et_al: &'static [&'static str],
    /// Words that join cited authors (`and`, `&`, `و`).
    pub joiners: &'static [&'static str],
    /// Joiners written attached to the next name (`و` in `جواد وحسين`).
    pub attached_joiners: &'static [&'static str],
    /// "No date" forms that stand for the year (`n.d.`, `د.ت`).
    pub no_date: &'static [&'static str],
    /// Page labels of a pinpoint (`pp.`, `p.`, `ص ص`, `ص`).
    pub page_labels: &'static [&'static str],
    /// Words that open a citation inside the parentheses (`see`, `e.g.,`, `انظر`).
    pub prefixes: &'static [&'static str],
    /// Words that show a parenthesized "name, year" is not a citation (tables, laws, dates).
    pub non_names: &'static [&'static str],
}

/// Arabic markers.
pub const ARABIC: IntextMarkers = IntextMarkers {
    lang: "ar",
    et_al: &[
        "وآخرون",
        "وأخرون",
        "واخرون",
        "وآخرين",
        "وأخرين",
        "واخرين",
        "و آخرون",
        "و آخرين",
        "وزملاؤه",
        "وزملائه",
    ],
    joiners: &["و"],
    attached_joiners: &["و"],
    no_date: &["د.ت", "د. ت", "د ت", "دون تاريخ", "بدون تاريخ", "بلا تاريخ"],
    page_labels: &["ص ص", "صص", "ص.ص", "ص.", "ص", "صفحة"],
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
    et_al: &["et al.", "et al", "et. al.", "and colleagues", "and others"],
    joiners: &["and", "&"],
    attached_joiners: &[],
    no_date: &["n.d.", "n.d", "n. d.", "no date", "s.d."],
    page_labels: &[
        "pp.", "pp", "p.", "p", "pages", "page", "paras.", "para.", "chap.", "ch.",
    ],
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
