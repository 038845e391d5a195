//! Marker table: notes and page furniture.
//!
//! Words printed around page numbers in running headers and footers (`Page 3 of 12`,
//! `صفحة ٣`), and the headings of an endnotes section (`الهوامش`, `Notes`). The note labels
//! themselves are digits and brackets, read by `extract::footnotes`, so they need no
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
    /// Words a number follows as a count or a part's number (`العدد ٣،`, `المادة ٥.`): after
    /// them a loose digit in the running text is no note marker.
    pub number_words: &'static [&'static str],
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
        "No.", "Vol.", "p.", "pp.", "Table", "Figure", "Fig.", "Art.", "Article", "Section",
        "Chapter",
    ],
};

/// The tables to try, in order.
pub const ALL: &[NoteMarkers] = &[ARABIC, ENGLISH];
