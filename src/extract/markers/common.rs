//! Marker table: the forms several concerns read, declared once: `et al.` and no-date forms
//! and page labels (reference lists, footnotes and in-text citations) and month names
//! (dates of the front matter and of references).
//!
//! Entries are matched as the reading concern matches its own table: as whole words after
//! folding (alef forms, `ة`/`ه`, `ى`/`ي`, no tatweel or diacritics; Latin
//! case-insensitively), or inside patterns (month names in dates).

use std::sync::LazyLock;

/// A word that stands for a number: a month name (`March` = 3, `آذار` = 3) or an ordinal
/// (`الثالث` = 3).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Numbered {
    /// The word as usually written.
    pub written: &'static str,
    /// Its value.
    pub value: u32,
}

/// Shorthand for the tables below.
const fn nb(written: &'static str, value: u32) -> Numbered {
    Numbered { written, value }
}

/// The shared markers of one language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CommonMarkers {
    /// BCP 47 tag of the language.
    pub lang: &'static str,
    /// `et al.` forms that end an author list, in a reference or in a citation.
    pub et_al: &'static [&'static str],
    /// "No date" forms that stand for the year (`د.ت`, `n.d.`).
    pub no_date: &'static [&'static str],
    /// Page labels (`ص ص`, `ص`, `pp.`, `p.`).
    pub page_labels: &'static [&'static str],
    /// Month names (Gregorian; Levantine/Iraqi, Egyptian and Maghrebi forms in Arabic, with
    /// and without hamza; full and abbreviated forms in English), each with its number.
    pub months: &'static [Numbered],
}

/// Arabic markers.
pub const ARABIC: CommonMarkers = CommonMarkers {
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
    no_date: &["د.ت", "د. ت", "د ت", "دون تاريخ", "بدون تاريخ", "بلا تاريخ"],
    page_labels: &["ص ص", "صص", "ص.ص", "ص", "صفحة"],
    months: &[
        nb("يناير", 1),
        nb("فبراير", 2),
        nb("مارس", 3),
        nb("أبريل", 4),
        nb("ابريل", 4),
        nb("إبريل", 4),
        nb("مايو", 5),
        nb("يونيو", 6),
        nb("يونيه", 6),
        nb("يوليو", 7),
        nb("يوليه", 7),
        nb("أغسطس", 8),
        nb("اغسطس", 8),
        nb("سبتمبر", 9),
        nb("أكتوبر", 10),
        nb("اكتوبر", 10),
        nb("نوفمبر", 11),
        nb("ديسمبر", 12),
        nb("كانون الثاني", 1),
        nb("شباط", 2),
        nb("آذار", 3),
        nb("نيسان", 4),
        nb("أيار", 5),
        nb("ايار", 5),
        nb("حزيران", 6),
        nb("تموز", 7),
        nb("آب", 8),
        nb("أيلول", 9),
        nb("ايلول", 9),
        nb("تشرين الأول", 10),
        nb("تشرين الاول", 10),
        nb("تشرين الثاني", 11),
        nb("كانون الأول", 12),
        nb("كانون الاول", 12),
        nb("جانفي", 1),
        nb("فيفري", 2),
        nb("أفريل", 4),
        nb("ماي", 5),
        nb("جوان", 6),
        nb("جويلية", 7),
        nb("أوت", 8),
    ],
};

/// English markers.
pub const ENGLISH: CommonMarkers = CommonMarkers {
    lang: "en",
    et_al: &["et al.", "et al", "et. al.", "and colleagues", "and others"],
    no_date: &["n.d.", "n.d", "n. d.", "no date", "s.d.", "N.D."],
    page_labels: &["pp.", "pp", "p.", "pages", "page", "P.", "Pp."],
    months: &[
        nb("January", 1),
        nb("February", 2),
        nb("March", 3),
        nb("April", 4),
        nb("May", 5),
        nb("June", 6),
        nb("July", 7),
        nb("August", 8),
        nb("September", 9),
        nb("October", 10),
        nb("November", 11),
        nb("December", 12),
        nb("Jan.", 1),
        nb("Feb.", 2),
        nb("Mar.", 3),
        nb("Apr.", 4),
        nb("Jun.", 6),
        nb("Jul.", 7),
        nb("Aug.", 8),
        nb("Sep.", 9),
        nb("Sept.", 9),
        nb("Oct.", 10),
        nb("Nov.", 11),
        nb("Dec.", 12),
        nb("Jan", 1),
        nb("Feb", 2),
        nb("Mar", 3),
        nb("Apr", 4),
        nb("Jun", 6),
        nb("Jul", 7),
        nb("Aug", 8),
        nb("Sep", 9),
        nb("Sept", 9),
        nb("Oct", 10),
        nb("Nov", 11),
        nb("Dec", 12),
    ],
};

/// French markers.
pub const FRENCH: CommonMarkers = CommonMarkers {
    lang: "fr",
    et_al: &["et al.", "et coll."],
    no_date: &["s.d.", "s. d.", "sans date"],
    page_labels: &["p.", "pp."],
    months: &[
        nb("janvier", 1),
        nb("février", 2),
        nb("mars", 3),
        nb("avril", 4),
        nb("mai", 5),
        nb("juin", 6),
        nb("juillet", 7),
        nb("août", 8),
        nb("septembre", 9),
        nb("octobre", 10),
        nb("novembre", 11),
        nb("décembre", 12),
    ],
};

/// German markers.
pub const GERMAN: CommonMarkers = CommonMarkers {
    lang: "de",
    et_al: &["u.a.", "u. a.", "et al."],
    no_date: &["o.J.", "o. J.", "ohne Jahr"],
    page_labels: &["S.", "Seite", "Seiten"],
    months: &[
        nb("Januar", 1),
        nb("Jänner", 1),
        nb("Februar", 2),
        nb("März", 3),
        nb("April", 4),
        nb("Mai", 5),
        nb("Juni", 6),
        nb("Juli", 7),
        nb("August", 8),
        nb("September", 9),
        nb("Oktober", 10),
        nb("November", 11),
        nb("Dezember", 12),
    ],
};

/// Russian markers (GOST-style references in Russian and East European journals).
pub const RUSSIAN: CommonMarkers = CommonMarkers {
    lang: "ru",
    et_al: &["и др.", "и др"],
    no_date: &["б. г.", "б.г."],
    page_labels: &["С.", "с."],
    months: &[
        nb("января", 1),
        nb("февраля", 2),
        nb("марта", 3),
        nb("апреля", 4),
        nb("мая", 5),
        nb("июня", 6),
        nb("июля", 7),
        nb("августа", 8),
        nb("сентября", 9),
        nb("октября", 10),
        nb("ноября", 11),
        nb("декабря", 12),
    ],
};

/// Portuguese markers.
pub const PORTUGUESE: CommonMarkers = CommonMarkers {
    lang: "pt",
    et_al: &["et al.", "e col."],
    no_date: &["s.d.", "s/d"],
    page_labels: &["p.", "pp."],
    months: &[
        nb("janeiro", 1),
        nb("fevereiro", 2),
        nb("março", 3),
        nb("abril", 4),
        nb("maio", 5),
        nb("junho", 6),
        nb("julho", 7),
        nb("agosto", 8),
        nb("setembro", 9),
        nb("outubro", 10),
        nb("novembro", 11),
        nb("dezembro", 12),
    ],
};

/// Spanish markers.
pub const SPANISH: CommonMarkers = CommonMarkers {
    lang: "es",
    et_al: &["et al.", "y cols."],
    no_date: &["s.f.", "s. f."],
    page_labels: &["p.", "pp.", "págs."],
    months: &[
        nb("enero", 1),
        nb("febrero", 2),
        nb("marzo", 3),
        nb("abril", 4),
        nb("mayo", 5),
        nb("junio", 6),
        nb("julio", 7),
        nb("agosto", 8),
        nb("septiembre", 9),
        nb("octubre", 10),
        nb("noviembre", 11),
        nb("diciembre", 12),
    ],
};

/// The tables to try, in order.
pub const ALL: &[&CommonMarkers] = &[
    &ARABIC,
    &ENGLISH,
    &FRENCH,
    &GERMAN,
    &RUSSIAN,
    &PORTUGUESE,
    &SPANISH,
];

/// Every entry of one field of every table, longest first (a stable sort keeps the tables'
/// order among entries of one length), without repeats.
fn merged(entries: impl Iterator<Item = &'static str>) -> Vec<&'static str> {
    let mut v: Vec<&'static str> = Vec::new();
    for e in entries {
        if !v.contains(&e) {
            v.push(e);
        }
    }
    v.sort_by_key(|e| std::cmp::Reverse(e.chars().count()));
    v
}

/// `et al.` forms of every language, longest first.
pub static ET_AL: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| merged(ALL.iter().flat_map(|t| t.et_al.iter().copied())));

/// No-date forms of every language, longest first.
pub static NO_DATE: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| merged(ALL.iter().flat_map(|t| t.no_date.iter().copied())));

/// Page labels of every language, longest first (`ص ص` before `ص`, `pp.` before `p.`).
pub static PAGE_LABELS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| merged(ALL.iter().flat_map(|t| t.page_labels.iter().copied())));

/// Month names of every language as written, longest first.
pub static MONTH_NAMES: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| merged(ALL.iter().flat_map(|t| t.months.iter().map(|m| m.written))));

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn merged_fields_are_longest_first_and_complete() {
        for list in [&*ET_AL, &*NO_DATE, &*PAGE_LABELS, &*MONTH_NAMES] {
            assert!(list
                .windows(2)
                .all(|w| w[0].chars().count() >= w[1].chars().count()));
        }
        let mut distinct: Vec<&str> = ALL
            .iter()
            .flat_map(|t| t.months.iter().map(|m| m.written))
            .collect();
        distinct.sort_unstable();
        distinct.dedup();
        assert_eq!(MONTH_NAMES.len(), distinct.len());
        assert!(PAGE_LABELS.contains(&"pages") && PAGE_LABELS.contains(&"S."));
        assert!(ALL
            .iter()
            .flat_map(|t| t.months.iter())
            .all(|m| (1..=12).contains(&m.value)));
    }
}
