//! Marker table: sections.
//!
//! The heading words of the genre, one table per language. The body reader folds both the
//! text and these words (see [`fold`]) before comparing, so spelling variants of hamza,
//! tanween and letter case need not be listed.

use crate::model::SectionKind;
use std::sync::LazyLock;

/// Heading words of one language.
#[derive(Debug, Clone, Copy)]
pub struct SectionMarkers {
    /// BCP 47 tag of the language.
    pub lang: &'static str,
    /// Headings that name a section of a known kind (`المقدمة`, `Conclusion`), longest first
    /// where one starts another.
    pub kinds: &'static [(&'static str, SectionKind)],
    /// Words of `kinds` that name their kind only as a whole heading: `Sources` is the
    /// reference list, `Sources of the data` a section of the paper.
    pub alone: &'static [&'static str],
    /// Kinds whose unnumbered heading opens a top-level section in this language.
    pub top_kinds: &'static [SectionKind],
    /// Kinds that are part of a conclusion when they come under one (`التوصيات`).
    pub conclusion_parts: &'static [SectionKind],
    /// Division words with their rank, larger rank = deeper (`الفصل` 1, `المبحث` 2, ...).
    pub divisions: &'static [(&'static str, u8)],
    /// Ordinal words that follow a division word (`الأول`, `الثاني`, ...).
    pub division_ordinals: &'static [&'static str],
    /// Ordinal adverbs that label a heading (`أولاً`, `ثانياً`, ...).
    pub ordinal_labels: &'static [&'static str],
    /// First words of a sentence that may look like a run-in label (`قال:`, `Note:`) but
    /// are not one.
    pub not_labels: &'static [&'static str],
    /// Headings of a table of contents.
    pub contents: &'static [&'static str],
    /// Words of the labels run in to a paragraph (`الإشكالية : ...`, `Research problem: ...`),
    /// matched inside the folded label. A short label without one of them is only taken
    /// for a run-in heading when its neighbours are run-in labels too.
    pub run_in_words: &'static [&'static str],
    /// Phrases that announce a list (`ما يأتي`, `the following`): a line ending in a colon
    /// that holds one is a sentence, not a heading.
    pub list_leads: &'static [&'static str],
    /// Headings of what may follow the reference list and ends it: notes on the authors,
    /// contact details (`About the author`, `Zum Autor`). Matched as the whole line.
    pub after_references: &'static [&'static str],
}

/// Arabic heading words.
pub const ARABIC: SectionMarkers = SectionMarkers {
    lang: "ar",
    kinds: &[
        ("المقدمة", SectionKind::Introduction),
        ("مقدمة", SectionKind::Introduction),
        ("التمهيد", SectionKind::Introduction),
        ("تمهيد", SectionKind::Introduction),
        ("منهجية البحث", SectionKind::Methods),
        ("منهجية الدراسة", SectionKind::Methods),
        ("منهج البحث", SectionKind::Methods),
        ("منهج الدراسة", SectionKind::Methods),
        ("مناهج البحث", SectionKind::Methods),
        ("مناهج الدراسة", SectionKind::Methods),
        ("المنهجية", SectionKind::Methods),
        ("الخاتمة", SectionKind::Conclusion),
        ("خاتمة", SectionKind::Conclusion),
        ("الاستنتاجات", SectionKind::Conclusion),
        ("النتائج والتوصيات", SectionKind::Conclusion),
        ("التوصيات", SectionKind::Recommendations),
        ("المقترحات", SectionKind::Recommendations),
        ("قائمة المصادر والمراجع", SectionKind::References),
        ("قائمة المراجع والمصادر", SectionKind::References),
        ("قائمة المراجع", SectionKind::References),
        ("قائمة المصادر", SectionKind::References),
        ("المصادر والمراجع", SectionKind::References),
        ("المراجع والمصادر", SectionKind::References),
        ("المراجع", SectionKind::References),
        ("المصادر", SectionKind::References),
        ("شكر وتقدير", SectionKind::Acknowledgements),
        ("الملاحق", SectionKind::Appendix),
        ("الملحق", SectionKind::Appendix),
        ("ملحق", SectionKind::Appendix),
    ],
    alone: &[],
    top_kinds: &[
        SectionKind::Introduction,
        SectionKind::Conclusion,
        SectionKind::Recommendations,
        SectionKind::References,
        SectionKind::Notes,
        SectionKind::Acknowledgements,
        SectionKind::Appendix,
    ],
    conclusion_parts: &[SectionKind::Recommendations],
    divisions: &[
        ("الباب", 0),
        ("الفصل", 1),
        ("المبحث", 2),
        ("المحور", 2),
        ("المطلب", 3),
        ("الفرع", 4),
    ],
    division_ordinals: &[
        "الأول",
        "الثاني",
        "الثالث",
        "الرابع",
        "الخامس",
        "السادس",
        "السابع",
        "الثامن",
        "التاسع",
        "العاشر",
        "الأولى",
        "الثانية",
        "الثالثة",
        "الرابعة",
        "الخامسة",
        "التمهيدي",
    ],
    ordinal_labels: &[
        "أولاً",
        "ثانياً",
        "ثالثاً",
        "رابعاً",
        "خامساً",
        "سادساً",
        "سابعاً",
        "ثامناً",
        "تاسعاً",
        "عاشراً",
    ],
    not_labels: &[
        "قال",
        "وقال",
        "يقول",
        "ويقول",
        "أضاف",
        "وأضاف",
        "أكد",
        "وأكد",
        "مثال",
        "مثلا",
        "أي",
        "ملاحظة",
        "المصدر",
        "انظر",
        "ينظر",
    ],
    contents: &["المحتويات", "فهرس المحتويات", "الفهرس", "فهرس الموضوعات"],
    run_in_words: &[
        "أهمية",
        "اهداف",
        "هدف",
        "إشكالية",
        "مشكلة",
        "فرضية",
        "فرضيات",
        "منهج",
        "منهجية",
        "مناهج",
        "هيكلية",
        "حدود",
        "تساؤلات",
        "أسئلة",
        "الدراسات السابقة",
        "نطاق",
        "خطة",
        "مصطلحات",
    ],
    list_leads: &[
        "ما يأتي",
        "ما يلي",
        "الآتي",
        "الآتية",
        "التالي",
        "التالية",
        "كالآتي",
        "كالتالي",
        "منها",
    ],
    after_references: &["نبذة عن الباحث", "نبذة عن المؤلف", "السيرة الذاتية"],
};

/// English heading words.
pub const ENGLISH: SectionMarkers = SectionMarkers {
    lang: "en",
    kinds: &[
        ("Introduction", SectionKind::Introduction),
        ("Literature review", SectionKind::Other),
        ("Theoretical framework", SectionKind::Other),
        ("Background", SectionKind::Other),
        ("Results and discussion", SectionKind::Other),
        ("Results", SectionKind::Other),
        ("Findings", SectionKind::Other),
        ("Discussion", SectionKind::Other),
        ("Materials and methods", SectionKind::Methods),
        ("Methodology", SectionKind::Methods),
        ("Methods", SectionKind::Methods),
        ("Research method", SectionKind::Methods),
        ("Conclusions", SectionKind::Conclusion),
        ("Conclusion", SectionKind::Conclusion),
        ("Concluding remarks", SectionKind::Conclusion),
        ("Recommendations", SectionKind::Recommendations),
        ("References", SectionKind::References),
        ("Reference list", SectionKind::References),
        ("Bibliography", SectionKind::References),
        ("Works cited", SectionKind::References),
        ("Sources", SectionKind::References),
        ("Bibliographical references", SectionKind::References),
        ("Bibliographic references", SectionKind::References),
        ("References cited", SectionKind::References),
        ("Literature cited", SectionKind::References),
        ("Cited literature", SectionKind::References),
        ("Literature", SectionKind::References),
        ("Acknowledgements", SectionKind::Acknowledgements),
        ("Acknowledgments", SectionKind::Acknowledgements),
        ("Appendices", SectionKind::Appendix),
        ("Appendix", SectionKind::Appendix),
    ],
    alone: &["Sources", "Bibliography", "Literature"],
    // `Other` here: the unnumbered names of the usual sections of an English paper
    // (Literature review, Results, Discussion) are top-level too.
    top_kinds: &[
        SectionKind::Introduction,
        SectionKind::Other,
        SectionKind::Methods,
        SectionKind::Conclusion,
        SectionKind::Recommendations,
        SectionKind::References,
        SectionKind::Notes,
        SectionKind::Acknowledgements,
        SectionKind::Appendix,
    ],
    conclusion_parts: &[SectionKind::Recommendations],
    divisions: &[("Part", 0), ("Chapter", 1), ("Section", 2)],
    division_ordinals: &[
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    ],
    ordinal_labels: &[
        "First", "Second", "Third", "Fourth", "Fifth", "Sixth", "Seventh", "Eighth",
    ],
    not_labels: &[
        "Note", "Notes", "Source", "Sources", "See", "E.g", "I.e", "Example", "Table", "Figure",
        "He", "She", "It", "They", "This",
    ],
    contents: &["Contents", "Table of contents", "Table of Contents"],
    run_in_words: &[
        "problem",
        "objective",
        "aim",
        "purpose",
        "hypothes",
        "method",
        "significance",
        "question",
        "scope",
        "limitation",
        "contribution",
        "definition",
    ],
    list_leads: &[
        "the following",
        "as follows",
        "following",
        "include",
        "includes",
    ],
    after_references: &[
        "Author",
        "Authors",
        "The author",
        "The authors",
        "About the author",
        "About the authors",
        "Author biography",
        "Author biographies",
        "Biographical note",
        "Biographical notes",
        "Notes on contributors",
        "Author information",
        "Author details",
        "Contact",
        "Correspondence",
        "Contact of the corresponding author",
        "Corresponding author",
    ],
};

/// French heading words.
pub const FRENCH: SectionMarkers = SectionMarkers {
    lang: "fr",
    kinds: &[
        ("Introduction", SectionKind::Introduction),
        ("Méthodologie", SectionKind::Methods),
        ("Conclusions", SectionKind::Conclusion),
        ("Conclusion", SectionKind::Conclusion),
        ("Références bibliographiques", SectionKind::References),
        ("Références", SectionKind::References),
        ("Bibliographie", SectionKind::References),
        ("Ouvrages cités", SectionKind::References),
        ("Remerciements", SectionKind::Acknowledgements),
        ("Annexes", SectionKind::Appendix),
        ("Annexe", SectionKind::Appendix),
    ],
    alone: &["Références", "Bibliographie"],
    top_kinds: &[
        SectionKind::Introduction,
        SectionKind::Methods,
        SectionKind::Conclusion,
        SectionKind::References,
        SectionKind::Notes,
        SectionKind::Acknowledgements,
        SectionKind::Appendix,
    ],
    conclusion_parts: &[],
    divisions: &[("Partie", 0), ("Chapitre", 1)],
    division_ordinals: &["un", "deux", "trois", "quatre", "cinq"],
    ordinal_labels: &["Premièrement", "Deuxièmement", "Troisièmement"],
    not_labels: &["Note", "Source", "Voir", "Tableau", "Figure"],
    contents: &["Sommaire", "Table des matières"],
    run_in_words: &["problématique", "objectif", "hypothèse", "méthode"],
    list_leads: &["suivant", "suivants", "suivantes"],
    after_references: &[
        "L'auteur",
        "Les auteurs",
        "À propos de l'auteur",
        "Notice biographique",
    ],
};

/// German heading words.
pub const GERMAN: SectionMarkers = SectionMarkers {
    lang: "de",
    kinds: &[
        ("Einleitung", SectionKind::Introduction),
        ("Einführung", SectionKind::Introduction),
        ("Methode", SectionKind::Methods),
        ("Methoden", SectionKind::Methods),
        ("Fazit", SectionKind::Conclusion),
        ("Schlussfolgerungen", SectionKind::Conclusion),
        ("Schluss", SectionKind::Conclusion),
        ("Literaturverzeichnis", SectionKind::References),
        ("Literaturangaben", SectionKind::References),
        ("Literatur", SectionKind::References),
        ("Quellen- und Literaturverzeichnis", SectionKind::References),
        ("Quellenverzeichnis", SectionKind::References),
        ("Bibliographie", SectionKind::References),
        ("Bibliografie", SectionKind::References),
        ("Danksagung", SectionKind::Acknowledgements),
        ("Anhang", SectionKind::Appendix),
    ],
    alone: &["Literatur", "Schluss", "Bibliographie"],
    top_kinds: &[
        SectionKind::Introduction,
        SectionKind::Methods,
        SectionKind::Conclusion,
        SectionKind::References,
        SectionKind::Notes,
        SectionKind::Acknowledgements,
        SectionKind::Appendix,
    ],
    conclusion_parts: &[],
    divisions: &[("Teil", 0), ("Kapitel", 1)],
    division_ordinals: &["eins", "zwei", "drei", "vier", "fünf"],
    ordinal_labels: &["Erstens", "Zweitens", "Drittens"],
    not_labels: &["Anmerkung", "Quelle", "Siehe", "Tabelle", "Abbildung"],
    contents: &["Inhalt", "Inhaltsverzeichnis"],
    run_in_words: &["Fragestellung", "Ziel", "Hypothese", "Methode"],
    list_leads: &["folgende", "folgenden", "wie folgt"],
    after_references: &[
        "Autor",
        "Autorin",
        "Autoren",
        "Zum Autor",
        "Zur Autorin",
        "Die Autoren",
        "Angaben zu den Autoren",
        "Kontakt",
    ],
};

/// The tables to try, in order.
pub const ALL: &[SectionMarkers] = &[ARABIC, ENGLISH, FRENCH, GERMAN];

/// One table with its entries folded once: matching folds the text and compares it with
/// folded entries, and the tables never change.
pub struct FoldedSectionMarkers {
    /// The table folded.
    pub table: &'static SectionMarkers,
    /// `kinds`, folded, then the endnotes headings of `super::notes` (see [`FOLDED`]).
    pub kinds: Vec<(String, SectionKind)>,
    /// `alone`, folded, then the `endnote_alone` headings of `super::notes`.
    pub alone: Vec<String>,
    /// `divisions`, folded.
    pub divisions: Vec<(String, u8)>,
    /// `division_ordinals`, folded.
    pub division_ordinals: Vec<String>,
    /// `ordinal_labels`, folded.
    pub ordinal_labels: Vec<String>,
    /// `not_labels`, folded.
    pub not_labels: Vec<String>,
    /// `contents`, folded.
    pub contents: Vec<String>,
    /// `run_in_words`, folded.
    pub run_in_words: Vec<String>,
    /// `list_leads`, folded and padded with a space on each side, for whole-word search.
    pub list_leads_padded: Vec<String>,
    /// `after_references`, folded (also in `kinds` as `Other` and in `alone`).
    pub after_references: Vec<String>,
}

/// [`ALL`] folded, in the same order. `kinds` and `alone` take in, after the table's own
/// entries, the endnotes headings of the same language from [`super::notes`]: the mixed
/// ones as references (the body reader turns them into notes when notes follow), then the
/// endnotes headings as notes.
pub static FOLDED: LazyLock<Vec<FoldedSectionMarkers>> = LazyLock::new(|| {
    let list = |l: &[&str]| l.iter().map(|w| fold(w)).collect::<Vec<_>>();
    ALL.iter()
        .map(|t| {
            let notes = super::notes::ALL.iter().filter(|n| n.lang == t.lang);
            let mut kinds: Vec<(String, SectionKind)> =
                t.kinds.iter().map(|(w, k)| (fold(w), *k)).collect();
            let mut alone = list(t.alone);
            // What follows the reference list is a section of its own, named alone.
            kinds.extend(
                t.after_references
                    .iter()
                    .map(|w| (fold(w), SectionKind::Other)),
            );
            alone.extend(list(t.after_references));
            for n in notes {
                kinds.extend(
                    n.mixed_headings
                        .iter()
                        .map(|w| (fold(w), SectionKind::References)),
                );
                kinds.extend(
                    n.endnote_headings
                        .iter()
                        .map(|w| (fold(w), SectionKind::Notes)),
                );
                alone.extend(list(n.endnote_alone));
            }
            (t, kinds, alone)
        })
        .map(|(t, kinds, alone)| FoldedSectionMarkers {
            table: t,
            kinds,
            alone,
            divisions: t.divisions.iter().map(|(w, r)| (fold(w), *r)).collect(),
            division_ordinals: list(t.division_ordinals),
            ordinal_labels: list(t.ordinal_labels),
            not_labels: list(t.not_labels),
            contents: list(t.contents),
            run_in_words: list(t.run_in_words),
            list_leads_padded: t
                .list_leads
                .iter()
                .map(|w| format!(" {} ", fold(w)))
                .collect(),
            after_references: list(t.after_references),
        })
        .collect()
});

/// The longest section name of the tables, in characters once folded: a longer line names
/// no section.
pub static LONGEST_KIND: LazyLock<usize> = LazyLock::new(|| {
    FOLDED
        .iter()
        .flat_map(|t| t.kinds.iter())
        .map(|(w, _)| w.chars().count())
        .max()
        .unwrap_or(0)
});

/// Whether `text` folds to more than `limit` characters, told without folding it: the
/// characters [`fold`] keeps (it drops marks and tatweel, collapses whitespace and never
/// shortens a letter by lower-casing) already number more.
pub fn folds_longer_than(text: &str, limit: usize) -> bool {
    text.chars()
        .filter(|&c| {
            !matches!(c, '\u{064B}'..='\u{0652}' | '\u{0670}' | '\u{0640}') && !c.is_whitespace()
        })
        .nth(limit)
        .is_some()
}

/// Folds text for comparison with the tables: drops Arabic diacritics and tatweel, unifies
/// alef, yeh and teh marbuta forms, lower-cases Latin letters and collapses whitespace.
/// Used only to compare; source text is never replaced by its fold.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    for c in text.chars() {
        let c = match c {
            '\u{064B}'..='\u{0652}' | '\u{0670}' | '\u{0640}' => continue,
            'أ' | 'إ' | 'آ' | 'ٱ' => 'ا',
            'ى' => 'ي',
            'ة' => 'ه',
            c if c.is_whitespace() => {
                space = !out.is_empty();
                continue;
            }
            c => c,
        };
        if space {
            out.push(' ');
            space = false;
        }
        // Fast paths, same result: ASCII, and the Arabic block (no case).
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
        } else if ('\u{0600}'..='\u{06FF}').contains(&c) {
            out.push(c);
        } else {
            out.extend(c.to_lowercase());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_spelling_variants() {
        assert_eq!(fold("أولاً"), fold("اولا"));
        assert_eq!(fold("  المقدّمة  "), "المقدمه");
        assert_eq!(fold("Table of\tContents"), "table of contents");
        assert_ne!(fold("الخاتمة"), fold("المقدمة"));
    }

    #[test]
    fn folded_tables_mirror_the_tables() {
        assert_eq!(FOLDED.len(), ALL.len());
        for (f, t) in FOLDED.iter().zip(ALL) {
            assert_eq!(f.table.lang, t.lang);
            assert!(f.kinds.len() >= t.kinds.len());
            for ((fw, fk), (w, k)) in f.kinds.iter().zip(t.kinds) {
                assert_eq!((fw.as_str(), fk), (fold(w).as_str(), k));
            }
            assert_eq!(
                f.contents,
                t.contents.iter().map(|w| fold(w)).collect::<Vec<_>>()
            );
            assert!(f
                .list_leads_padded
                .iter()
                .all(|l| l.starts_with(' ') && l.ends_with(' ')));
        }
        // The fast paths fold like the general case.
        assert_eq!(fold("ÉTUDE Ünïon ABC"), "étude ünïon abc");
        assert_eq!(fold("الفصلُ   الأول"), "الفصل الاول");
    }

    #[test]
    fn every_table_lists_its_kinds_words() {
        for table in ALL {
            assert!(table
                .kinds
                .iter()
                .any(|(_, k)| *k == SectionKind::References));
            assert!(!table.contents.is_empty(), "{}", table.lang);
        }
    }
}
