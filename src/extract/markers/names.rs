//! Personal-name markers: the elements that make a compound name element, per language, with
//! the romanization a catalogue gives them (ALA-LC), for the splitter of
//! `crate::extract::person_names` and the machine romanization of [`crate::script::romanize`].

/// One word that builds a compound name element, with its ALA-LC romanization.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NameWord {
    /// The word as written.
    pub written: &'static str,
    /// Its romanization as a catalogue writes it (`ʻAbd`, `al-Dīn`).
    pub latin: &'static str,
}

const fn w(written: &'static str, latin: &'static str) -> NameWord {
    NameWord { written, latin }
}

/// The compound-element words of one language's personal names.
#[derive(Debug, Clone, Copy)]
pub struct NameMarkers {
    /// BCP 47 tag of the language.
    pub lang: &'static str,
    /// Words that join the next word into one element (`عبد الله`, `أبو زيد`, `ذو الفقار`).
    pub joins_next: &'static [NameWord],
    /// Lineage words (`بن`, `ابن`, `بنت`): they join the next word into one element, and a
    /// chain of them stays with the given names unless it ends the name.
    pub lineage: &'static [NameWord],
    /// Family particles (`آل`): they join the next word into one element.
    pub family_particles: &'static [NameWord],
    /// Words that join the previous word into one element (`نور الدين`, `عطا الله`).
    pub joins_previous: &'static [NameWord],
    /// The definite article, written glued to its word; a detached one joins the next word.
    pub article: NameWord,
    /// Glued compounds: a word that starts with one of these and goes on with the article
    /// (`عبدالرحمن`) is read as the two words (`عبد الرحمن`) for romanization.
    pub glued_heads: &'static [NameWord],
}

impl NameMarkers {
    /// Every word that joins the next word (compound heads, lineage words, family particles,
    /// the detached article).
    pub fn heads(&self) -> impl Iterator<Item = &NameWord> {
        self.joins_next
            .iter()
            .chain(self.lineage)
            .chain(self.family_particles)
            .chain(std::iter::once(&self.article))
    }

    /// Every word of the table.
    pub fn all(&self) -> impl Iterator<Item = &NameWord> {
        self.heads().chain(self.joins_previous)
    }
}

/// Arabic personal names (modern and classical).
pub const ARABIC: NameMarkers = NameMarkers {
    lang: "ar",
    joins_next: &[
        w("عبد", "ʻAbd"),
        w("أبو", "Abū"),
        w("ابو", "Abū"),
        w("أبي", "Abī"),
        w("ابي", "Abī"),
        w("أبا", "Abā"),
        w("أم", "Umm"),
        w("ام", "Umm"),
        w("ذو", "Dhū"),
        w("ذي", "Dhī"),
    ],
    lineage: &[
        w("بن", "bin"),
        w("ابن", "ibn"),
        w("إبن", "ibn"),
        w("بنت", "bint"),
    ],
    family_particles: &[w("آل", "Āl")],
    joins_previous: &[
        w("الدين", "al-Dīn"),
        w("الله", "Allāh"),
        w("الرحمن", "al-Raḥmān"),
        w("الإسلام", "al-Islām"),
        w("الزمان", "al-Zamān"),
        w("الحق", "al-Ḥaqq"),
    ],
    article: w("ال", "al-"),
    glued_heads: &[w("عبد", "ʻAbd"), w("أبو", "Abū"), w("ابو", "Abū")],
};

/// The tables to try, in order.
pub const ALL: &[&NameMarkers] = &[&ARABIC];

/// Lower-case name particles of Latin-script names (`van`, `de`, `al`, `ibn`): they belong to
/// the family name, so a reference reader never takes them for a given name or an initial.
pub const LATIN_PARTICLES: &[&str] = &[
    "al", "el", "de", "van", "von", "der", "den", "del", "da", "di", "du", "le", "la", "bin",
    "ibn", "abu", "y", "dos", "das", "ter", "ten", "st.",
];
