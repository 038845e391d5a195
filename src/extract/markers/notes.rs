//! Marker table: notes and page furniture.
//!
//! Words printed around page numbers in running headers and footers (`Page 3 of 12`,
//! `صفحة ٣`), the headings of an endnotes section (`الهوامش`, `Notes`), the words after which
//! a plain number is a quantity or a reference and not a note marker (`note 12`, `S. 12`), and
//! the words a note's text typically opens with (`See`, `Id.`, `Vgl.`). The note labels
//! themselves are digits and brackets, read by `extract::notelabels`, so they need no
//! per-language words. The section reader (`markers::sections::FOLDED`) takes the endnotes
//! headings in with the other section names.

/// Page-furniture words of one language.
#[derive(Debug, Clone, Copy)]
pub struct NoteMarkers {
    /// BCP 47 tag of the language.
    pub lang: &'static str,
    /// Words printed before a page number (`Page`, `ص`).
    pub page_words: &'static [&'static str],
    /// Words between a page number and the page count (`of`, `من`).
    pub page_of: &'static [&'static str],
    /// Headings of an endnotes section (`الهوامش`, `Notes`); taken for one only when numbered
    /// notes follow, else the heading opens an ordinary section.
    pub endnote_headings: &'static [&'static str],
    /// Endnotes headings that name their section only as a whole heading: `Notes` is the
    /// endnotes, `Notes on method` a section of the paper.
    pub endnote_alone: &'static [&'static str],
    /// Headings shared by notes and the reference list (`الهوامش والمصادر`, `Notes and
    /// references`): an endnotes section when numbered notes called from the text follow,
    /// otherwise the reference list. Longest first where one starts another.
    pub mixed_headings: &'static [&'static str],
    /// Words after which a plain number is a page, a section, an article or another note
    /// (`note 12`, `p. 3`, `§ 5`, `Art. 3`), never a note marker glued to the text.
    pub number_words: &'static [&'static str],
    /// Words a note's text typically opens with (`See`, `Id.`, `Cf.`, `Vgl.`): where a note
    /// whose label pdftotext moved away starts among the lines of the zone.
    pub note_openers: &'static [&'static str],
}

/// Arabic page words.
pub const ARABIC: NoteMarkers = NoteMarkers {
    lang: "ar",
    page_words: &["الصفحة", "صفحة", "ص"],
    page_of: &["من"],
    endnote_headings: &[
        "الهوامش والإحالات",
        "الإحالات والهوامش",
        "هوامش البحث",
        "هوامش الدراسة",
        "الهوامش",
        "الحواشي",
        "الإحالات",
    ],
    endnote_alone: &[],
    mixed_headings: &[
        "الهوامش والمصادر والمراجع",
        "الهوامش والمصادر",
        "الهوامش والمراجع",
        "المصادر والهوامش",
        "المراجع والهوامش",
    ],
    number_words: &[
        "العدد",
        "عدد",
        "المجلد",
        "مجلد",
        "الجزء",
        "جزء",
        "رقم",
        "الرقم",
        "ص",
        "ص.",
        "ط",
        "المادة",
        "مادة",
        "الفقرة",
        "فقرة",
        "البند",
        "بند",
        "الجدول",
        "جدول",
        "الشكل",
        "شكل",
        "سنة",
        "لسنة",
        "عام",
        "الفصل",
        "الباب",
        "الآية",
        "الحديث",
        "المحور",
        "الفرضية",
        "الملحق",
    ],
    note_openers: &["ينظر", "انظر", "راجع", "المصدر نفسه", "المصدر السابق"],
};

/// English page words.
pub const ENGLISH: NoteMarkers = NoteMarkers {
    lang: "en",
    page_words: &["page", "pg.", "p."],
    page_of: &["of"],
    endnote_headings: &["Endnotes", "End notes", "Notes"],
    endnote_alone: &["Endnotes", "End notes", "Notes"],
    mixed_headings: &[
        "Notes and references",
        "References and notes",
        "Notes and bibliography",
    ],
    number_words: &[
        "Table", "Figure", "Fig.", "Chapter", "Section", "Article", "note", "notes", "n.", "nn.",
        "fn.", "p.", "pp.", "page", "pages", "No.", "no.", "Nos.", "vol.", "Vol.", "volume",
        "art.", "Art.", "article", "articles", "section", "sections", "sec.", "§", "§§", "ch.",
        "chapter", "chapters", "para.", "paras.", "fig.", "figure", "table", "tab.", "part",
        "grade", "grades", "level", "step", "phase", "rule", "rules", "version", "v.", "at",
        "tit.", "cl.", "Pub.", "L.", "Stat.", "U.S.C.", "Id.", "id.",
    ],
    note_openers: &[
        "See", "Id.", "Ibid.", "Cf.", "But see", "Compare", "Accord", "E.g.,", "Contra", "Quoted",
        "Cited", "On", "For",
    ],
};

/// German page words and note markers.
pub const GERMAN: NoteMarkers = NoteMarkers {
    lang: "de",
    page_words: &["Seite", "S."],
    page_of: &["von"],
    endnote_headings: &["Anmerkungen", "Endnoten", "Fußnoten"],
    endnote_alone: &["Anmerkungen", "Endnoten", "Fußnoten"],
    mixed_headings: &["Anmerkungen und Literatur"],
    number_words: &[
        "Fn.", "Fußnote", "Anm.", "S.", "Seite", "Nr.", "Art.", "Artikel", "Abs.", "Bd.", "Band",
        "Rn.", "Rdnr.", "Kap.", "Kapitel", "Ziff.", "lit.", "Tz.", "Heft", "Jg.", "§", "§§",
    ],
    note_openers: &[
        "Vgl.", "vgl.", "Siehe", "S. auch", "Ebd.", "Ebenda", "Ders.", "Dies.", "So", "Zit.",
        "Näher", "Dazu", "Hierzu", "Statt",
    ],
};

/// French page words and note markers.
pub const FRENCH: NoteMarkers = NoteMarkers {
    lang: "fr",
    page_words: &["page"],
    page_of: &["sur", "de"],
    endnote_headings: &["Notes de fin", "Notes"],
    endnote_alone: &["Notes de fin", "Notes"],
    mixed_headings: &["Notes et références", "Notes et bibliographie"],
    number_words: &[
        "note", "n.", "n°", "p.", "pp.", "page", "art.", "article", "al.", "t.", "vol.", "chap.",
        "chapitre", "§", "fasc.",
    ],
    note_openers: &[
        "Voir", "V.", "Cf.", "Ibid.", "Id.", "Op. cit.", "Idem", "Ibidem", "Sur", "Pour",
    ],
};

/// The tables to try, in order.
pub const ALL: &[NoteMarkers] = &[ARABIC, ENGLISH, GERMAN, FRENCH];
