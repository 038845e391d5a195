//! Marker table: notes and page furniture.
//!
//! Words printed around page numbers in running headers and footers (`Page 3 of 12`,
//! `صفحة ٣`). The footnote labels themselves are digits and brackets, read by
//! `extract::footnotes`, so they need no per-language words.

/// Page-furniture words of one language.
#[derive(Debug, Clone, Copy)]
pub struct NoteMarkers {
    /// BCP 47 tag of the language.
    pub lang: &'static str,
    /// Words printed before a page number (`Page`, `ص`).
    pub page_words: &'static [&'static str],
    /// Words between a page number and the page count (`of`, `من`).
    pub page_of: &'static [&'static str],
}

/// Arabic page words.
pub const ARABIC: NoteMarkers = NoteMarkers {
    lang: "ar",
    page_words: &["الصفحة", "صفحة", "ص"],
    page_of: &["من"],
};

/// English page words.
pub const ENGLISH: NoteMarkers = NoteMarkers {
    lang: "en",
    page_words: &["page", "pg.", "p."],
    page_of: &["of"],
};

/// The tables to try, in order.
pub const ALL: &[NoteMarkers] = &[ARABIC, ENGLISH];
