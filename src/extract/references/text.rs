//! Text helpers shared by the reference-list parser and the citation linker: folding for
//! matching, marker search on whole words, markdown residue, URLs and page ranges.
//!
//! Folding is for comparison only; values stored in the model keep the text as printed.

use crate::extract::markers::references::all_of;
use crate::model::{Doi, PageRange, Printed};
use crate::script::{digit_value, parse_number};
use regex::Regex;
use std::cell::RefCell;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::rc::Rc;
use std::sync::LazyLock;

/// Folds one character for matching: drops diacritics, tatweel and direction marks, unifies
/// alef forms, `ة`/`ه`, `ى`/`ي` and Persian letter forms, lower-cases Latin letters.
pub(crate) fn fold_char(c: char) -> Option<char> {
    match c {
        '\u{064B}'..='\u{065F}'
        | '\u{0670}'
        | '\u{0640}'
        | '\u{200B}'..='\u{200F}'
        | '\u{061C}'
        | '\u{202A}'..='\u{202E}'
        | '\u{2066}'..='\u{2069}' => None,
        'أ' | 'إ' | 'آ' | 'ٱ' => Some('ا'),
        'ة' => Some('ه'),
        'ى' | 'ی' | 'ے' => Some('ي'),
        'ک' => Some('ك'),
        'ۀ' | 'ہ' => Some('ه'),
        // Fast paths, same result: ASCII, and the Arabic block (no case, no spaces).
        c if c.is_ascii() => Some(if c.is_whitespace() {
            ' '
        } else {
            c.to_ascii_lowercase()
        }),
        '\u{0600}'..='\u{06FF}' => Some(c),
        c if c.is_whitespace() => Some(' '),
        c if c.is_uppercase() => c.to_lowercase().next(),
        c => Some(c),
    }
}

/// The folded form of `text` (see [`fold_char`]).
pub(crate) fn fold(text: &str) -> String {
    text.chars().filter_map(fold_char).collect()
}

/// `text` folded, with the byte range of each folded character in the original. Folded on
/// demand, so that a search that stops early (the first marker, a marker at the start) reads
/// only the text it needs.
struct Folded<'a> {
    rest: std::str::CharIndices<'a>,
    chars: Vec<char>,
    starts: Vec<usize>,
    ends: Vec<usize>,
}

impl<'a> Folded<'a> {
    fn new(text: &'a str) -> Self {
        Folded {
            rest: text.char_indices(),
            chars: Vec::new(),
            starts: Vec::new(),
            ends: Vec::new(),
        }
    }

    /// Folds on until character `at` and the one after it are known (or the text ends), so
    /// that the end of character `at` takes in every mark dropped after it.
    fn fill(&mut self, at: usize) {
        while self.chars.len() <= at + 1 {
            let Some((i, c)) = self.rest.next() else {
                return;
            };
            if let Some(fc) = fold_char(c) {
                self.chars.push(fc);
                self.starts.push(i);
                self.ends.push(i + c.len_utf8());
            } else if let Some(last) = self.ends.last_mut() {
                // A dropped mark (tanween, tatweel) belongs to the character before it.
                if *last == i {
                    *last = i + c.len_utf8();
                }
            }
        }
    }

    fn char_at(&mut self, at: usize) -> Option<char> {
        self.fill(at);
        self.chars.get(at).copied()
    }

    /// Length in folded characters of a match of `marker` starting at folded index `at`.
    fn match_at(&mut self, at: usize, marker: &[char]) -> Option<usize> {
        let mut i = at;
        let mut prev: Option<char> = None;
        for &m in marker {
            if m == ' ' {
                // A space matches any run of spaces; after a dot the run may be empty
                // (`Op. cit.` matches `Op.cit.`).
                let start = i;
                while self.char_at(i) == Some(' ') {
                    i += 1;
                }
                if i == start && prev != Some('.') {
                    return None;
                }
            } else {
                if self.char_at(i) != Some(m) {
                    return None;
                }
                i += 1;
            }
            prev = Some(m);
        }
        Some(i - at)
    }
}

fn is_word_char(c: char) -> bool {
    crate::script::is_alphanumeric(c)
}

/// Whether `a` and `b` are both letters or both digits, so no word boundary lies between
/// them (`ص51` holds the label `ص`).
fn same_word(a: char, b: char) -> bool {
    (a.is_alphabetic() && b.is_alphabetic()) || (a.is_numeric() && b.is_numeric())
}

/// A marker found in a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Found {
    /// Byte offset of the match in the original text.
    pub start: usize,
    /// Byte offset just after the match.
    pub end: usize,
    /// The table entry that matched.
    pub marker: &'static str,
}

/// A marker list folded once: the folded characters of each non-empty marker, in list
/// order, and for each first folded character the markers that open with it.
struct Prepared {
    /// The list it was built from, compared by address to check a cache hit.
    markers: Vec<&'static str>,
    folded: Vec<(Vec<char>, &'static str)>,
    /// Distinct first characters, sorted, each with the markers (list order) opening with it.
    by_first: Vec<(char, Vec<usize>)>,
    /// One bit per first character (code point modulo 64): most text characters open no
    /// marker and are skipped without a search.
    first_mask: u64,
    /// Each marker folded with its spaces collapsed, for [`equals_any`].
    collapsed: Vec<String>,
}

impl Prepared {
    fn new(markers: &[&'static str]) -> Self {
        let folded: Vec<(Vec<char>, &'static str)> = markers
            .iter()
            .map(|m| (fold(m).chars().collect::<Vec<_>>(), *m))
            .filter(|(c, _)| !c.is_empty())
            .collect();
        let mut by_first: Vec<(char, Vec<usize>)> = Vec::new();
        for (k, (mc, _)) in folded.iter().enumerate() {
            if let Some(&c) = mc.first() {
                match by_first.binary_search_by_key(&c, |e| e.0) {
                    Ok(at) => {
                        if let Some(e) = by_first.get_mut(at) {
                            e.1.push(k);
                        }
                    }
                    Err(at) => by_first.insert(at, (c, vec![k])),
                }
            }
        }
        let first_mask = by_first
            .iter()
            .fold(0u64, |m, (c, _)| m | 1 << (u32::from(*c) % 64));
        let collapsed = markers
            .iter()
            .map(|m| fold(m).split_whitespace().collect::<Vec<_>>().join(" "))
            .collect();
        Prepared {
            markers: markers.to_vec(),
            folded,
            by_first,
            first_mask,
            collapsed,
        }
    }

    /// Whether this was built from exactly these static strings.
    fn built_from(&self, markers: &[&'static str]) -> bool {
        self.markers.len() == markers.len()
            && self
                .markers
                .iter()
                .zip(markers)
                .all(|(a, b)| std::ptr::eq(*a, *b))
    }
}

/// Hasher for keys that are already well mixed 64-bit values.
#[derive(Default)]
struct KeyHasher(u64);

impl Hasher for KeyHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0.rotate_left(8) ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

/// The prepared form of a marker list, cached per thread: the same table lists are
/// searched for every line and footnote, and folding them each time dominated the cost.
/// Lists are identified by the addresses of their static entries.
fn prepared(markers: &[&'static str]) -> Rc<Prepared> {
    thread_local! {
        static CACHE: RefCell<HashMap<u64, Rc<Prepared>, BuildHasherDefault<KeyHasher>>> =
            RefCell::new(HashMap::default());
    }
    let key = markers.iter().fold(markers.len() as u64, |h, m| {
        (h.rotate_left(7) ^ (m.as_ptr() as u64) ^ ((m.len() as u64) << 48))
            .wrapping_mul(0x0100_0000_01b3)
    });
    CACHE.with(|cell| {
        let mut cache = cell.borrow_mut();
        if let Some(p) = cache.get(&key).filter(|p| p.built_from(markers)) {
            return Rc::clone(p);
        }
        // Bounded: lists built on the fly must not grow the cache without end.
        if cache.len() >= 1024 {
            cache.clear();
        }
        let p = Rc::new(Prepared::new(markers));
        cache.insert(key, Rc::clone(&p));
        p
    })
}

/// All whole-word occurrences of any of `markers` in `text`, leftmost first; at one
/// position the longest marker wins and matches do not overlap.
pub(crate) fn find_all(text: &str, markers: &[&'static str]) -> Vec<Found> {
    let mut out = Vec::new();
    scan(text, markers, usize::MAX, |found| {
        out.push(found);
        true
    });
    out
}

/// The scan behind [`find_all`]: hands each match starting at byte `last_start` or before
/// to `found`, leftmost first, and stops when it returns false.
fn scan(
    text: &str,
    markers: &[&'static str],
    last_start: usize,
    mut found: impl FnMut(Found) -> bool,
) {
    let prep = prepared(markers);
    let mut f = Folded::new(text);
    let mut i = 0;
    while let Some(c) = f.char_at(i) {
        if f.starts.get(i).is_some_and(|&s| s > last_start) {
            return;
        }
        let mut best: Option<(usize, &'static str)> = None;
        // Only markers opening with this character can match here (a marker opening with
        // a space needs a space too); list order is kept, so ties go to the earlier entry.
        let candidates = if prep.first_mask & 1 << (u32::from(c) % 64) == 0 {
            &[][..]
        } else {
            match prep.by_first.binary_search_by_key(&c, |e| e.0) {
                Ok(at) => prep.by_first.get(at).map_or(&[][..], |e| e.1.as_slice()),
                Err(_) => &[],
            }
        };
        for (mc, m) in candidates.iter().filter_map(|&k| prep.folded.get(k)) {
            if let Some(len) = f.match_at(i, mc) {
                let first_ok = match (mc.first().copied(), i.checked_sub(1)) {
                    (Some(a), Some(p)) if is_word_char(a) => {
                        !f.char_at(p).is_some_and(|b| same_word(a, b))
                    }
                    _ => true,
                };
                let last_ok = match mc.last().copied() {
                    Some(a) if is_word_char(a) => {
                        !f.char_at(i + len).is_some_and(|b| same_word(a, b))
                    }
                    _ => true,
                };
                if first_ok && last_ok && best.is_none_or(|(l, _)| len > l) {
                    best = Some((len, m));
                }
            }
        }
        match best {
            Some((len, m)) => {
                f.fill(i + len - 1);
                if let (Some(&s), Some(&e)) = (f.starts.get(i), f.ends.get(i + len - 1)) {
                    let more = found(Found {
                        start: s,
                        end: e,
                        marker: m,
                    });
                    if !more {
                        return;
                    }
                }
                i += len;
            }
            None => i += 1,
        }
    }
}

/// The leftmost whole-word occurrence of any of `markers`.
pub(crate) fn find_first(text: &str, markers: &[&'static str]) -> Option<Found> {
    let mut first = None;
    scan(text, markers, usize::MAX, |found| {
        first = Some(found);
        false
    });
    first
}

/// Whether `text` holds any of `markers` as whole words.
pub(crate) fn contains_any(text: &str, markers: &[&'static str]) -> bool {
    find_first(text, markers).is_some()
}

/// The marker `text` opens with (leading spaces and punctuation ignored).
pub(crate) fn starts_with_any(text: &str, markers: &[&'static str]) -> Option<Found> {
    let lead = text
        .char_indices()
        .find(|(_, c)| c.is_alphanumeric())
        .map_or(text.len(), |(i, _)| i);
    // The leftmost match, looked for only as far as the lead: one starting later is no
    // match, however long the text.
    let mut first = None;
    scan(text, markers, lead, |found| {
        first = Some(found);
        false
    });
    first
}

/// Whether the folded `text` equals one of `markers` (whole text, surrounding punctuation
/// and spaces ignored).
pub(crate) fn equals_any(text: &str, markers: &[&'static str]) -> bool {
    let t = fold(trim_punct(text));
    let t = t.split_whitespace().collect::<Vec<_>>().join(" ");
    prepared(markers).collapsed.contains(&t)
}

/// `text` without surrounding spaces and field punctuation.
pub(crate) fn trim_punct(text: &str) -> &str {
    text.trim_matches(|c: char| {
        c.is_whitespace()
            || crate::script::is_invisible(c)
            || matches!(
                c,
                '.' | ',' | '،' | ';' | '؛' | ':' | '-' | '–' | '—' | '_' | '|' | '*' | '/'
            )
    })
}

static MD_LINK: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\[([^\]\n]*)\]\(([^)\s]*)\)").expect("valid regex"));

/// `text` without markdown residue: `*italic*`, `**bold**` and `[name](#)` links become
/// their plain text.
pub(crate) fn clean_markdown(text: &str) -> String {
    let no_links = MD_LINK.replace_all(text, "$1");
    no_links.replace('*', "")
}

static URL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"<\s*((?:https?://|www\.)[^>\s]+)\s*>|((?:https?://|www\.)[^\s<>]+)")
        .expect("valid regex")
});

/// A URL found in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct FoundUrl {
    /// The URL, angle brackets and trailing punctuation removed.
    pub url: String,
    /// Byte range of the URL with its brackets in the text.
    pub start: usize,
    /// End of that range.
    pub end: usize,
}

/// The URLs of `text`, in order.
pub(crate) fn find_urls(text: &str) -> Vec<FoundUrl> {
    URL.captures_iter(text)
        .filter_map(|c| {
            let whole = c.get(0)?;
            let url = c.get(1).or_else(|| c.get(2))?.as_str();
            let url = url.trim_end_matches(['.', ',', ';', ':', ')', ']', '،', '"', '\'', '*']);
            Some(FoundUrl {
                url: url.to_string(),
                start: whole.start(),
                end: whole.end(),
            })
        })
        .collect()
}

/// The first DOI in `text` (without resolver prefix) and the byte range it takes, its
/// resolver or `doi:` label included.
pub(crate) fn find_doi(text: &str) -> Option<(Printed<Doi>, usize, usize)> {
    Doi::find(text).map(|f| (Printed::from_value(f.doi), f.start, f.end))
}

static RANGE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*(\d+)\s*(?:[-–—_ـ]+|\s+to\s+)?\s*(\d+)?\s*$").expect("valid regex")
});

/// Reads a page range as printed (`193 _ 194`, `٥-٣`, `45–67`, `12`).
///
/// A range printed high-to-low (as right-to-left layouts often leave it) is read low-to-high,
/// and an abbreviated end (`123-5`) is completed.
pub(crate) fn page_range(raw: &str) -> PageRange {
    let raw_t = raw.trim().to_string();
    let mut range = PageRange {
        raw: raw_t.clone(),
        first: None,
        last: None,
    };
    if let Some(c) = RANGE.captures(&raw_t) {
        let a = c.get(1).and_then(|m| parse_number(m.as_str()));
        let b = c.get(2).and_then(|m| parse_number(m.as_str()));
        range.first = a;
        if let (Some(a), Some(mut b)) = (a, b) {
            let da = c.get(1).map_or(0, |m| m.as_str().chars().count());
            let db = c.get(2).map_or(0, |m| m.as_str().chars().count());
            if db < da && b < a {
                let p = 10u32.pow(db as u32);
                b += a / p * p;
            }
            range.first = Some(a.min(b));
            range.last = Some(a.max(b));
        }
    }
    range
}

/// Whether `c` is a digit of any form.
pub(crate) fn is_digit(c: char) -> bool {
    digit_value(c).is_some()
}

/// Content tokens of `text` for matching: folded words without definite-article prefixes,
/// pure numbers and `stop` words.
pub(crate) fn tokens(text: &str, stop: &[String]) -> Vec<String> {
    let folded = fold(text);
    folded
        .split(|c: char| !crate::script::is_alphanumeric(c))
        .filter(|w| !w.is_empty())
        .filter(|w| !w.chars().all(is_digit))
        .filter(|w| !stop.iter().any(|s| s == w))
        .map(strip_article)
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

/// A folded Arabic word without its article (`ال`, `وال`, `بال`, `لل`, ...), kept whole
/// when too little would remain.
fn strip_article(w: &str) -> &str {
    for p in ["وال", "بال", "كال", "فال", "لل", "ال"] {
        if let Some(rest) = w.strip_prefix(p) {
            if rest.chars().count() >= 2 {
                return rest;
            }
            if rest.is_empty() {
                return "";
            }
        }
    }
    w
}

/// Byte ranges of the quoted spans of `text` (“…”, "…", «…», „…“, ―…‖, and ‘…’ when the
/// closing mark ends a word before punctuation, not an apostrophe), quote marks included.
pub(crate) fn quoted_ranges(text: &str) -> Vec<(usize, usize)> {
    let mut spans = single_quoted(text);
    for (open, close) in [('“', '”'), ('"', '"'), ('«', '»'), ('„', '“'), ('―', '‖')]
    {
        let mut from = 0;
        while let Some(s) = text.get(from..).and_then(|t| t.find(open)) {
            let s = from + s;
            let after = s + open.len_utf8();
            match text.get(after..).and_then(|t| t.find(close)) {
                Some(e) => {
                    let e = after + e + close.len_utf8();
                    spans.push((s, e));
                    from = e;
                }
                None => break,
            }
        }
    }
    spans
}

/// Spans quoted in single marks (`‘Keeping the Light Burning’, The Harbour Review`): the
/// opening mark starts a word, the closing one is followed by punctuation, a space and
/// `in`, or the end; a `’` inside a word (`Peoples’ Understanding`) is an apostrophe.
fn single_quoted(text: &str) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    let mut from = 0;
    while let Some(s) = text.get(from..).and_then(|t| t.find('‘')) {
        let s = from + s;
        let opens_word = text
            .get(..s)
            .and_then(|b| b.chars().last())
            .is_none_or(|c| c.is_whitespace() || matches!(c, '(' | '[' | ':' | ','));
        let after = s + '‘'.len_utf8();
        if !opens_word {
            from = after;
            continue;
        }
        let mut end = None;
        let mut at = after;
        while let Some(e) = text.get(at..).and_then(|t| t.find('’')) {
            let e = at + e;
            let close = e + '’'.len_utf8();
            let rest = text.get(close..).unwrap_or("");
            let closes = rest.is_empty()
                || rest.starts_with([',', '.', ';', ':', ')', '?', '!'])
                || rest.trim_start().starts_with("in ")
                || rest.trim_start().starts_with("In ")
                || (rest.starts_with(char::is_whitespace)
                    && text
                        .get(e - 1..e)
                        .is_some_and(|p| matches!(p, "?" | "!" | ".")));
            if closes {
                end = Some(close);
                break;
            }
            at = close;
        }
        match end {
            Some(e) => {
                spans.push((s, e));
                from = e;
            }
            None => break,
        }
    }
    spans
}

/// Whether `s` names places only (`London`, `Paris - Beirut`, `New York, NY`).
pub(crate) fn is_place(s: &str) -> bool {
    let places = all_of(|t| t.places);
    let parts: Vec<&str> = s
        .split(['-', '–', ',', '،', '/'])
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    !parts.is_empty()
        && parts.iter().any(|p| equals_any(p, &places))
        && parts.iter().all(|p| {
            equals_any(p, &places)
                || (p.len() == 2 && p.chars().all(|c| c.is_ascii_uppercase()))
                || p.replace('.', "").chars().all(|c| c.is_ascii_uppercase())
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The per-thread cache of prepared lists tells lists apart by their entries, also lists
    /// built on the fly (freed and reallocated at the same address), and keeps ties to the
    /// earlier entry.
    #[test]
    fn cached_marker_lists_stay_distinct() {
        let text = "راجع المصدر نفسه، see Ibid. p. 4";
        for _ in 0..3 {
            let arabic: Vec<&'static str> = vec!["المصدر نفسه", "المصدر"];
            let found = find_all(text, &arabic);
            assert_eq!(found.len(), 1);
            assert_eq!(found[0].marker, "المصدر نفسه");
            drop(arabic);
            let english: Vec<&'static str> = vec!["ibid.", "p."];
            let found: Vec<&str> = find_all(text, &english).iter().map(|f| f.marker).collect();
            assert_eq!(found, ["ibid.", "p."]);
        }
        // Two entries folding alike: the first listed wins.
        assert_eq!(
            find_first("IBID", &["ibid", "Ibid"]).map(|f| f.marker),
            Some("ibid")
        );
        assert_eq!(
            find_first("IBID", &["Ibid", "ibid"]).map(|f| f.marker),
            Some("Ibid")
        );
        assert!(equals_any(" Cairo. ", &["cairo"]) && !equals_any("Cairo", &["Beirut"]));
    }

    #[test]
    fn folds_arabic_variants_and_case() {
        assert_eq!(fold("إلى المكتبةُ"), "الي المكتبه");
        assert_eq!(fold("Op.Cit"), "op.cit");
    }

    #[test]
    fn finds_whole_words_and_flexible_spaces() {
        let f = find_first("نص، المصدر  السابق، ص 3", &["المصدر السابق"]).unwrap();
        assert_eq!(f.marker, "المصدر السابق");
        assert!(find_first("Smith, Op.Cit.", &["Op. cit."]).is_some());
        assert!(find_first("الصحيفة", &["ص"]).is_none());
        assert!(find_first("ص51", &["ص"]).is_some());
    }

    #[test]
    fn reads_page_ranges_both_directions() {
        let r = page_range("٥-٣");
        assert_eq!((r.first, r.last), (Some(3), Some(5)));
        let r = page_range("193 _ 194");
        assert_eq!(
            (r.first, r.last, r.raw.as_str()),
            (Some(193), Some(194), "193 _ 194")
        );
        let r = page_range("123-5");
        assert_eq!((r.first, r.last), (Some(123), Some(125)));
        assert_eq!(page_range("xii").first, None);
    }

    #[test]
    fn urls_lose_brackets_and_trailing_punctuation() {
        let u = find_urls("see <https://a.org/x:> and http://b.com/y.");
        assert_eq!(u[0].url, "https://a.org/x");
        assert_eq!(u[1].url, "http://b.com/y");
        assert_eq!(
            find_doi("Title. https://doi.org/10.1234/ab.c5.").unwrap().0,
            "10.1234/ab.c5"
        );
    }

    #[test]
    fn cleans_markdown() {
        assert_eq!(
            clean_markdown("[Jane Roe](#), *A Title*"),
            "Jane Roe, A Title"
        );
    }

    #[test]
    fn tokens_drop_articles_numbers_and_stopwords() {
        let stop = vec!["في".to_string(), "the".to_string()];
        assert_eq!(
            tokens("البحوث في العلوم 1995 The Press", &stop),
            vec!["بحوث", "علوم", "press"]
        );
    }
}
