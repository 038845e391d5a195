//! In-text (author–year) citations: `(Andersen & Mills, 2019)`, `(Dahl, 2015, p. 104)`,
//! `Lopez (2017) argues…`, `(Smith et al., 2020a; Dahl, 2015)`, `(العبيدي، ٢٠١٧، ص ١٥)`,
//! `(العبيدي، ٢٠١٧: ١٥)`, `(جواد وآخرون، ٢٠١٨)`, `يرى العبيدي (٢٠١٧) أن…`.
//!
//! The pass reads the text inlines of paragraphs, list items, quotes and section titles (never
//! footnotes, which `citations` handles) and cuts each citation out as an
//! [`Inline::Citation`], linked to the reference list.
//!
//! A candidate is a parenthesized group whose `;`/`؛`-separated parts read
//! `[prefix] Names[,] Year[suffix][, Year…][, locator]`, or a group holding only years (and
//! a locator) after an author's name (narrative form). A year is four digits of any form from
//! 1500 to 2100, optionally with a letter suffix (`2020a`), or a "no date" form (`n.d.`,
//! `د.ت`). Each part is resolved by the family names of the cited authors (first author,
//! `&`/`and`/`و` further authors, `et al.`/`وآخرون`) and the year; the letter suffix (or, when
//! the list prints none, list order) picks between works of one author and year.
//!
//! Decision on unresolved candidates: a part that resolves (or matches several works equally)
//! is always a citation. A part that resolves to nothing becomes a citation (with no
//! reference, and a warning) only when its shape is unmistakable (a name-like part, a comma,
//! a year; or `Name et al. (Year)`) *and* the paper shows it cites author–year: some other
//! part resolved, or the paper has no reference list and several such shapes. So
//! `(UN, n.d.)` with no `UN` entry is a citation in an APA paper but stays text in a
//! footnote-style paper, where a parenthesized place and year is no citation. Bare years
//! (`(2014)` after a word that names no cited author), resolution numbers (`(2169)`) and
//! footnote markers never become citations.

use super::markers::common;
use super::markers::intext::{all_of, IntextMarkers};
use super::references::text::{find_all, fold, page_range, starts_with_any, tokens};
use crate::model::Script;
use crate::model::{
    Agent, Block, Body, Diagnostic, Inline, Locator, Reference, ReferenceGroup, Section,
    SectionKind,
};
use crate::script::{detect_script, digit_value, is_arabic_letter, parse_number};
use regex::Regex;
use std::sync::LazyLock;

/// The longest parenthesized group read, in bytes; longer ones are prose, not citations.
const MAX_GROUP_BYTES: usize = 600;
/// How many words before a year-only group may hold the cited names (`A, B and C et al.`).
const MAX_NARRATIVE_WORDS: usize = 8;
/// The most words a cited name list may have.
const MAX_NAME_WORDS: usize = 10;

/// The marker fields of every language, merged once.
struct Markers {
    et_al: Vec<Vec<String>>,
    joiners: Vec<String>,
    attached_joiners: Vec<String>,
    no_date: Vec<&'static str>,
    page_labels: Vec<&'static str>,
    prefixes: Vec<&'static str>,
    non_names: Vec<&'static str>,
}

/// Token sequences of a marker field (`et al.` → `["et", "al"]`), longest first.
fn token_lists(entries: &[&'static str]) -> Vec<Vec<String>> {
    let mut v: Vec<Vec<String>> = entries
        .iter()
        .map(|m| tokens(m, &[]))
        .filter(|t| !t.is_empty())
        .collect();
    v.sort_by_key(|t| std::cmp::Reverse(t.len()));
    v.dedup();
    v
}

/// Single folded words of a marker field.
fn folded_words(field: fn(&IntextMarkers) -> &'static [&'static str]) -> Vec<String> {
    all_of(field)
        .iter()
        .map(|m| fold(m).trim().to_string())
        .filter(|m| !m.is_empty())
        .collect()
}

static MARKERS: LazyLock<Markers> = LazyLock::new(|| {
    let mut non_names = all_of(|m| m.non_names);
    // Month names are declared once, in the common table.
    non_names.extend(common::MONTH_NAMES.iter());
    // Pinpoints take the page labels and labels of their own, longest first.
    let mut page_labels = common::PAGE_LABELS.clone();
    page_labels.extend(all_of(|m| m.pinpoint_labels));
    page_labels.sort_by_key(|l| std::cmp::Reverse(l.chars().count()));
    Markers {
        et_al: token_lists(&common::ET_AL),
        joiners: folded_words(|m| m.joiners),
        attached_joiners: folded_words(|m| m.attached_joiners),
        no_date: common::NO_DATE.clone(),
        page_labels,
        prefixes: all_of(|m| m.prefixes),
        non_names,
    }
});

/// A possessive `'s` after a name (`Lopez's (2017) account`), dropped before matching.
static POSSESSIVE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"['’]s(\s|$)").expect("valid possessive regex"));

/// Finds the author–year citations in `body` and links them to `groups`. Returns a warning,
/// with its line, for each citation that resolves to no reference or to several equally.
pub fn link_intext_citations(body: &mut Body, groups: &[ReferenceGroup]) -> Vec<Diagnostic> {
    let index = RefIndex::new(groups);
    // Pass 1: every candidate of every container, in visit order.
    let mut found: Vec<Vec<Candidate>> = Vec::new();
    visit(body, &mut |content, _| {
        found.push(scan_content(content, &index))
    });
    let matched = found.iter().flatten().filter(|c| c.matched()).count();
    let shapes = found.iter().flatten().filter(|c| c.unmistakable).count();
    let author_year = matched > 0 || (index.refs.is_empty() && shapes >= 2);
    // Pass 2: cut the accepted ones out of their text.
    let mut diags = Vec::new();
    let mut found = found.into_iter();
    visit(body, &mut |content, line| {
        let Some(cands) = found.next() else {
            return;
        };
        let accepted: Vec<Candidate> = cands
            .into_iter()
            .filter(|c| c.matched() || (author_year && c.unmistakable))
            .collect();
        for c in &accepted {
            if let Some(problem) = &c.problem {
                let (code, what) = match problem {
                    Problem::Unresolved(w) => ("in-text-citation-unresolved", w),
                    Problem::Ambiguous(w) => ("in-text-citation-ambiguous", w),
                };
                diags.push(Diagnostic::warning(
                    code,
                    format!("the in-text citation `{}` {what}", c.text),
                    Some(line),
                ));
            }
        }
        if !accepted.is_empty() {
            apply(content, accepted);
        }
    });
    diags
}

/// The author–year citations of a note's text (`see Lee and Cho (2007)`), for notes that
/// cite works of the reference list this way rather than by title.
pub(crate) struct NoteCitations {
    index: RefIndex,
}

impl NoteCitations {
    /// Indexes the references of `groups`.
    pub(crate) fn new(groups: &[ReferenceGroup]) -> Self {
        NoteCitations {
            index: RefIndex::new(groups),
        }
    }

    /// The ids of the references `text` cites by author and year, in order of citation; a
    /// name and year that several works share gives none.
    pub(crate) fn cited(&self, text: &str) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for c in scan_text(text, &self.index) {
            // `Lee (1973, 1979)` cites two works; a name and year two works share is no link.
            if !c.matched() || matches!(c.problem, Some(Problem::Ambiguous(_))) {
                continue;
            }
            for id in &c.reference_ids {
                if !out.contains(id) {
                    out.push(id.clone());
                }
            }
        }
        out
    }
}

/// Calls `f` on the inline content of every block and section title of the running text, in
/// document order, with its first source line. Reference-list sections are skipped.
fn visit(body: &mut Body, f: &mut dyn FnMut(&mut Vec<Inline>, usize)) {
    fn blocks(list: &mut [Block], f: &mut dyn FnMut(&mut Vec<Inline>, usize)) {
        for block in list {
            match block {
                Block::Paragraph(p) => f(&mut p.content, p.source.line),
                Block::List(l) => {
                    for item in &mut l.items {
                        f(&mut item.content, item.source.line);
                    }
                }
                Block::Quote(q) => f(&mut q.content, q.source.line),
            }
        }
    }
    fn sections(list: &mut [Section], f: &mut dyn FnMut(&mut Vec<Inline>, usize)) {
        for s in list {
            if matches!(
                s.kind,
                SectionKind::References | SectionKind::ReferenceGroup
            ) {
                continue;
            }
            f(&mut s.title, s.source.line);
            blocks(&mut s.blocks, f);
            sections(&mut s.sections, f);
        }
    }
    blocks(&mut body.blocks, f);
    sections(&mut body.sections, f);
}

/// Why an accepted citation links to no reference.
#[derive(Debug, Clone, PartialEq)]
enum Problem {
    /// No reference matched (the text says what was looked for).
    Unresolved(String),
    /// Several references matched equally.
    Ambiguous(String),
}

/// A citation found in one text inline.
#[derive(Debug, Clone, PartialEq)]
struct Candidate {
    /// Index of the text inline in its container.
    inline: usize,
    /// Byte range of the citation in that text.
    start: usize,
    end: usize,
    /// The citation as printed.
    text: String,
    /// The references it resolved to.
    reference_ids: Vec<String>,
    /// Its pinpoint.
    locator: Option<Locator>,
    /// Whether the names matched some reference's authors and year (one or several works).
    names_matched: bool,
    /// Whether the shape alone says it is a citation.
    unmistakable: bool,
    /// What to warn about, if anything.
    problem: Option<Problem>,
}

impl Candidate {
    fn matched(&self) -> bool {
        self.names_matched
    }
}

/// The candidates of one container's text inlines.
fn scan_content(content: &[Inline], index: &RefIndex) -> Vec<Candidate> {
    let mut out = Vec::new();
    for (i, inline) in content.iter().enumerate() {
        if let Inline::Text { text } = inline {
            for mut c in scan_text(text, index) {
                c.inline = i;
                out.push(c);
            }
        }
    }
    out
}

/// Replaces each text inline holding accepted candidates by its pieces.
fn apply(content: &mut Vec<Inline>, accepted: Vec<Candidate>) {
    let old = std::mem::take(content);
    let mut cands = accepted.into_iter().peekable();
    for (i, inline) in old.into_iter().enumerate() {
        let Inline::Text { text } = inline else {
            content.push(inline);
            continue;
        };
        let mut at = 0;
        while let Some(c) = cands.next_if(|c| c.inline == i) {
            let (Some(before), Some(_)) = (text.get(at..c.start), text.get(c.start..c.end)) else {
                continue;
            };
            if !before.is_empty() {
                content.push(Inline::Text {
                    text: before.to_string(),
                });
            }
            content.push(Inline::Citation {
                text: c.text,
                reference_ids: c.reference_ids,
                locator: c.locator,
            });
            at = c.end;
        }
        match text.get(at..) {
            Some(rest) if at == 0 => content.push(Inline::Text {
                text: rest.to_string(),
            }),
            Some(rest) if !rest.is_empty() => content.push(Inline::Text {
                text: rest.to_string(),
            }),
            _ => {}
        }
    }
}

// ---------------------------------------------------------------------------------------
// Reading the text
// ---------------------------------------------------------------------------------------

/// A year or "no date" printed in a citation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct DateTok {
    start: usize,
    end: usize,
    /// The year; `None` for a "no date" form.
    year: Option<i32>,
    /// The letter after the year (`a` in `2020a`).
    suffix: Option<char>,
}

/// Whether `c` can be a year's letter suffix (`2020a`, `٢٠٢٠أ`).
fn is_suffix_letter(c: char) -> bool {
    c.is_ascii_lowercase() || matches!(c, 'أ' | 'ب' | 'ج' | 'د')
}

/// The years and "no date" forms of `s`, in order.
fn date_tokens(s: &str) -> Vec<DateTok> {
    let mut out = Vec::new();
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    let mut k = 0;
    while k < chars.len() {
        let Some(&(start, c)) = chars.get(k) else {
            break;
        };
        if digit_value(c).is_none() {
            k += 1;
            continue;
        }
        let mut e = k;
        while chars.get(e).is_some_and(|&(_, d)| digit_value(d).is_some()) {
            e += 1;
        }
        let end = chars.get(e).map_or(s.len(), |&(i, _)| i);
        let before_ok = k == 0 || chars.get(k - 1).is_some_and(|&(_, p)| !p.is_alphabetic());
        let run = s.get(start..end).unwrap_or("");
        let value = (e - k == 4)
            .then(|| parse_number(run))
            .flatten()
            .filter(|v| (1500..=2100).contains(v));
        if let (true, Some(v)) = (before_ok, value) {
            let next = chars.get(e).map(|&(_, n)| n);
            let after_next = chars.get(e + 1).map(|&(_, n)| n);
            let tok = match next {
                Some(n) if is_suffix_letter(n) && !after_next.is_some_and(char::is_alphabetic) => {
                    Some(DateTok {
                        start,
                        end: end + n.len_utf8(),
                        year: i32::try_from(v).ok(),
                        suffix: Some(n),
                    })
                }
                Some(n) if n.is_alphabetic() => None,
                _ => Some(DateTok {
                    start,
                    end,
                    year: i32::try_from(v).ok(),
                    suffix: None,
                }),
            };
            out.extend(tok);
        }
        k = e;
    }
    for f in find_all(s, &MARKERS.no_date) {
        out.push(DateTok {
            start: f.start,
            end: f.end,
            year: None,
            suffix: None,
        });
    }
    out.sort_by_key(|d| d.start);
    out
}

/// Whether `s` holds only separators between two years (`, ` `، `).
fn only_separators(s: &str) -> bool {
    s.chars()
        .all(|c| c.is_whitespace() || matches!(c, ',' | '،'))
}

/// One `;`-separated part of a parenthesized group, read.
#[derive(Debug, Clone, PartialEq)]
struct Part {
    /// Byte range of the cited text (prefix words and spaces left out).
    start: usize,
    end: usize,
    /// Byte range of the names before the year; empty for a year-only part.
    names: (usize, usize),
    /// Whether a comma separates the names from the year.
    comma: bool,
    /// The years, in order.
    dates: Vec<DateTok>,
    /// The pinpoint after the years.
    locator: Option<Locator>,
}

/// Reads `s` as `[prefix] Names[,] Year[, Year…][, locator]`; `None` when it is not that.
fn parse_part(s: &str) -> Option<Part> {
    let dates = date_tokens(s);
    let first = *dates.first()?;
    let mut run = vec![first];
    for d in dates.iter().skip(1) {
        let prev_end = run.last().map_or(first.end, |p| p.end);
        match s.get(prev_end..d.start) {
            Some(gap) if only_separators(gap) => run.push(*d),
            _ => break,
        }
    }
    let run_end = run.last().map_or(first.end, |d| d.end);
    let (locator, end) = read_rest(s.get(run_end..)?, run_end)?;
    let before = s.get(..first.start)?;
    let mut names_start = 0;
    if let Some(f) = starts_with_any(before, &MARKERS.prefixes) {
        names_start = f.end;
    }
    let lead = before.get(names_start..)?;
    names_start += lead.len()
        - lead
            .trim_start_matches(|c: char| c.is_whitespace() || matches!(c, ',' | '،' | ':'))
            .len();
    let trimmed = before.trim_end_matches(|c: char| c.is_whitespace() || matches!(c, ',' | '،'));
    let names_end = trimmed.len().max(names_start);
    let comma = before
        .get(names_end..)
        .is_some_and(|t| t.contains([',', '،']));
    let start = if names_end > names_start {
        names_start
    } else {
        first.start
    };
    Some(Part {
        start,
        end,
        names: (names_start, names_end),
        comma,
        dates: run,
        locator,
    })
}

/// Reads what follows the years: nothing, or a locator (`, p. 7`, `: 15`, `، ص ١٥`).
/// Returns the locator and where the cited text ends, or `None` for anything else.
fn read_rest(rest: &str, offset: usize) -> Option<(Option<Locator>, usize)> {
    if rest.trim().is_empty() {
        return Some((None, offset));
    }
    let skip = rest.len()
        - rest
            .trim_start_matches(|c: char| c.is_whitespace() || matches!(c, ',' | '،'))
            .len();
    let r = rest.get(skip..)?;
    let (label, range_at) = if let Some(after) = r.strip_prefix(':') {
        (String::new(), skip + r.len() - after.len())
    } else {
        let f = starts_with_any(r, &MARKERS.page_labels).filter(|f| f.start == 0)?;
        let label = r.get(f.start..f.end)?.to_string();
        // `p.` may be printed `p` followed by a dot the table entry lacks.
        let after = r.get(f.end..)?;
        let dot = usize::from(after.starts_with('.'));
        (label + &".".repeat(dot), skip + f.end + dot)
    };
    let range = rest.get(range_at..)?.trim();
    let starts_with_digit = range
        .chars()
        .next()
        .is_some_and(|c| digit_value(c).is_some());
    let clean = range
        .chars()
        .all(|c| digit_value(c).is_some() || c.is_whitespace() || "-–—_ـ,".contains(c));
    if !starts_with_digit || !clean {
        return None;
    }
    let end = offset + rest.trim_end().len();
    let pages = page_range(range.trim_end_matches(','));
    Some((Some(Locator { label, pages }), end))
}

/// Whether `names` reads as a list of author or organization names.
fn name_like(names: &str) -> bool {
    let words: Vec<&str> = names.split_whitespace().collect();
    if words.is_empty() || words.len() > MAX_NAME_WORDS {
        return false;
    }
    let allowed = |c: char| {
        c.is_alphabetic()
            || c.is_whitespace()
            || matches!(c, '.' | '-' | '\'' | '’' | '&' | ',' | '،')
            || ('\u{064B}'..='\u{0652}').contains(&c)
    };
    if !names.chars().all(allowed) {
        return false;
    }
    let capitalized = words.iter().any(|w| {
        w.chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || is_arabic_letter(c))
    });
    capitalized && find_all(names, &MARKERS.non_names).is_empty()
}

/// The candidates of one text, left to right, not overlapping.
fn scan_text(text: &str, index: &RefIndex) -> Vec<Candidate> {
    let mut out = Vec::new();
    let mut floor = 0; // Narrative names never reach back past an earlier group.
    let mut from = 0;
    while let Some(open_rel) = text.get(from..).and_then(|t| t.find('(')) {
        let open = from + open_rel;
        let inner_start = open + 1;
        let Some(tail) = text.get(inner_start..) else {
            break;
        };
        let close_rel = tail.find([')', '(']);
        let Some(close_rel) =
            close_rel.filter(|&c| tail.get(c..).is_some_and(|t| t.starts_with(')')))
        else {
            from = inner_start;
            continue;
        };
        let close = inner_start + close_rel;
        from = close + 1;
        if close_rel > MAX_GROUP_BYTES {
            floor = from;
            continue;
        }
        let inner = text.get(inner_start..close).unwrap_or("");
        group(
            text,
            inner_start,
            inner,
            (open, close + 1),
            floor,
            index,
            &mut out,
        );
        floor = from;
    }
    out
}

/// The candidates of one parenthesized group `inner` (at `inner_start` in `text`; the
/// parentheses span `outer`).
fn group(
    text: &str,
    inner_start: usize,
    inner: &str,
    outer: (usize, usize),
    floor: usize,
    index: &RefIndex,
    out: &mut Vec<Candidate>,
) {
    let mut pieces: Vec<(usize, &str)> = Vec::new();
    let mut last = 0;
    for (i, c) in inner.char_indices() {
        if c == ';' || c == '؛' {
            pieces.push((last, inner.get(last..i).unwrap_or("")));
            last = i + c.len_utf8();
        }
    }
    pieces.push((last, inner.get(last..).unwrap_or("")));
    let single = pieces.len() == 1;
    for (base, piece) in pieces {
        let Some(part) = parse_part(piece) else {
            continue;
        };
        let abs = inner_start + base;
        if part.names.1 > part.names.0 {
            let names = inner
                .get(base + part.names.0..base + part.names.1)
                .unwrap_or("");
            // A lone part that fills the parentheses owns them.
            let whole =
                single && part.start == leading_space(inner) && part.end == inner.trim_end().len();
            let (start, end) = if whole {
                outer
            } else {
                (abs + part.start, abs + part.end)
            };
            let res = index.resolve(names, &part.dates);
            let unmistakable = part.comma && name_like(names);
            out.push(candidate(text, start, end, res, part.locator, unmistakable));
        } else if single {
            narrative(text, outer, floor, &part, index, out);
        }
    }
}

/// Bytes of leading whitespace of `s`.
fn leading_space(s: &str) -> usize {
    s.len() - s.trim_start().len()
}

/// A year-only group after the cited names: `Lopez (2017)`, `العبيدي (٢٠١٧، ص ١٥)`.
fn narrative(
    text: &str,
    outer: (usize, usize),
    floor: usize,
    part: &Part,
    index: &RefIndex,
    out: &mut Vec<Candidate>,
) {
    let (open, close_end) = outer;
    let before = text.get(floor..open).unwrap_or("");
    // Start offsets of the words before the parenthesis.
    let mut words: Vec<usize> = Vec::new();
    let mut prev_space = true;
    for (i, c) in before.char_indices() {
        if !c.is_whitespace() && prev_space {
            words.push(i);
        }
        prev_space = c.is_whitespace();
    }
    let first = words.len().saturating_sub(MAX_NARRATIVE_WORDS);
    let mut best_unresolved: Option<Candidate> = None;
    for &w in words.get(first..).unwrap_or(&[]) {
        let word = before.get(w..).unwrap_or("");
        let lead = word.len()
            - word
                .trim_start_matches(|c: char| !c.is_alphanumeric())
                .len();
        let start = w + lead;
        let names = before.get(start..).unwrap_or("").trim_end();
        if names.is_empty() {
            continue;
        }
        let res = index.resolve(names, &part.dates);
        let abs_start = floor + start;
        if res.names_matched() {
            out.push(candidate(
                text,
                abs_start,
                close_end,
                res,
                part.locator.clone(),
                true,
            ));
            return;
        }
        // `Dahl (2019)` where Dahl is listed for other years only: a citation gone wrong.
        if best_unresolved.is_none() && (res.named || narrative_shape(names)) {
            best_unresolved = Some(candidate(
                text,
                abs_start,
                close_end,
                res,
                part.locator.clone(),
                true,
            ));
        }
    }
    out.extend(best_unresolved);
}

/// Whether the words before a year-only group are unmistakably cited names:
/// `Smith et al.`, `جواد وآخرون`, `Smith and Lee`, `Smith & Lee`.
fn narrative_shape(names: &str) -> bool {
    let words: Vec<&str> = names.split_whitespace().collect();
    if words.len() < 2 || words.len() > 4 || !name_like(names) {
        return false;
    }
    let t = tokens(names, &[]);
    let (rest, et_al) = strip_et_al(&t);
    let all_capitalized = |ws: &[&str]| {
        ws.iter().all(|w| {
            w.chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || is_arabic_letter(c))
        })
    };
    if et_al {
        return rest.len() == 1 && words.first().is_some_and(|w| all_capitalized(&[w]));
    }
    // `X and Y`, `X & Y` in Latin script only: Arabic has no capitals to tell names apart.
    matches!(words.as_slice(), [a, j, b]
        if MARKERS.joiners.iter().any(|m| *m == fold(j))
            && detect_script(names) == Script::Latin
            && all_capitalized(&[a, b]))
}

/// Builds a candidate from a resolution.
fn candidate(
    text: &str,
    start: usize,
    end: usize,
    res: Resolution,
    locator: Option<Locator>,
    unmistakable: bool,
) -> Candidate {
    let printed = text.get(start..end).unwrap_or("").to_string();
    let names_matched = res.names_matched();
    let problem = match (&res.ids.is_empty(), res.problem) {
        (true, None) => Some(Problem::Unresolved(
            "matches no entry of the reference list".to_string(),
        )),
        (_, p) => p,
    };
    Candidate {
        inline: 0,
        start,
        end,
        text: printed,
        reference_ids: res.ids,
        locator,
        names_matched,
        unmistakable,
        problem,
    }
}

// ---------------------------------------------------------------------------------------
// Resolving against the reference list
// ---------------------------------------------------------------------------------------

/// One reference, prepared for matching.
#[derive(Debug)]
struct Entry {
    id: String,
    /// Folded name tokens of each author (family name, or the whole name of an organization).
    authors: Vec<Vec<String>>,
    /// Whether the author list ends with `et al.`.
    et_al: bool,
    /// Folded tokens of the entry's opening, for works cited by title or organization.
    opening: Vec<String>,
    /// Folded tokens of the first author's whole name, sorted, when the family is known.
    first_full: Vec<String>,
    /// Its years (the parsed year, or years printed in it when none was parsed).
    years: Vec<i32>,
    /// Whether it says it has no date.
    no_date: bool,
    /// The letter printed after its year (`2020a`).
    suffix: Option<char>,
}

/// The reference list, prepared for matching.
#[derive(Debug, Default)]
struct RefIndex {
    refs: Vec<Entry>,
}

/// Tokens of an opening long enough to hold any cited organization name.
const OPENING_TOKENS: usize = 12;

impl RefIndex {
    fn new(groups: &[ReferenceGroup]) -> Self {
        let refs = groups
            .iter()
            .flat_map(|g| g.references.iter())
            .map(Entry::new)
            .collect();
        RefIndex { refs }
    }

    /// Resolves cited `names` with each of `dates`.
    fn resolve(&self, names: &str, dates: &[DateTok]) -> Resolution {
        // Digits never belong to a name, and `tokens` would drop them silently.
        if names.chars().any(|c| digit_value(c).is_some()) {
            return Resolution::default();
        }
        let cleaned = POSSESSIVE.replace_all(names, "$1");
        let all = tokens(&cleaned, &[]);
        let (t, et_al) = strip_et_al(&all);
        let mut res = Resolution::default();
        if t.is_empty() {
            return res;
        }
        // Score every reference by its names once; years pick among them.
        let scored: Vec<(usize, &Entry)> = self
            .refs
            .iter()
            .filter_map(|e| e.name_score(t, et_al).map(|s| (s, e)))
            .collect();
        let mut missing = Vec::new();
        for d in dates {
            let dated: Vec<(usize, &Entry)> = scored
                .iter()
                .filter(|(_, e)| e.has_date(d))
                .copied()
                .collect();
            let best = dated.iter().map(|(s, _)| *s).max().unwrap_or(0);
            let top: Vec<&Entry> = dated
                .iter()
                .filter(|(s, _)| *s == best)
                .map(|(_, e)| *e)
                .collect();
            match pick(&top, d.suffix) {
                Picked::One(e) => {
                    res.matched = true;
                    if !res.ids.contains(&e.id) {
                        res.ids.push(e.id.clone());
                    }
                }
                Picked::Several(ids) => {
                    res.matched = true;
                    res.problem = Some(Problem::Ambiguous(format!(
                        "matches several entries of the reference list equally ({})",
                        ids.join(", ")
                    )));
                }
                Picked::None => missing.push(d),
            }
        }
        // Scores from 95 up name the authors themselves, not just an entry's opening words.
        res.named = scored.iter().any(|(s, _)| *s >= 95);
        if !missing.is_empty() && res.problem.is_none() {
            let years: Vec<String> = missing
                .iter()
                .map(|d| {
                    d.year
                        .map_or_else(|| "undated".to_string(), |y| y.to_string())
                })
                .collect();
            let years = years.join(", ");
            res.problem = Some(Problem::Unresolved(match (res.ids.is_empty(), res.named) {
                (true, false) => "names no author of the reference list".to_string(),
                (true, true) => format!(
                    "names an author of the reference list, but no work of theirs there is {years}"
                ),
                (false, _) => format!("is only partly linked: no listed work of theirs is {years}"),
            }));
        }
        res
    }
}

/// The outcome of resolving one citation.
#[derive(Debug, Default)]
struct Resolution {
    /// References found, in order.
    ids: Vec<String>,
    /// Whether the names and a year matched at least one work (several count).
    matched: bool,
    /// Whether the names are those of some listed work's authors, whatever its year.
    named: bool,
    /// What went wrong, if anything.
    problem: Option<Problem>,
}

impl Resolution {
    fn names_matched(&self) -> bool {
        self.matched
    }
}

/// Which of equally named works of one year is meant.
enum Picked<'a> {
    One(&'a Entry),
    Several(Vec<String>),
    None,
}

/// Picks among equally good works: the only one; else the one printing the cited letter
/// suffix; else, when the list prints no suffixes, the letter's place in list order.
fn pick<'a>(top: &[&'a Entry], suffix: Option<char>) -> Picked<'a> {
    match top {
        [] => Picked::None,
        [one] => Picked::One(one),
        _ => {
            if let Some(s) = suffix {
                let with: Vec<&&Entry> = top.iter().filter(|e| e.suffix == Some(s)).collect();
                if let [one] = with.as_slice() {
                    return Picked::One(one);
                }
                if top.iter().all(|e| e.suffix.is_none()) {
                    if let Some(e) = suffix_rank(s).and_then(|k| top.get(k)) {
                        return Picked::One(e);
                    }
                }
            }
            Picked::Several(top.iter().map(|e| e.id.clone()).collect())
        }
    }
}

/// The place of a suffix letter (`a` → 0, `ب` → 1).
fn suffix_rank(s: char) -> Option<usize> {
    match s {
        'a'..='z' => Some(s as usize - 'a' as usize),
        'أ' => Some(0),
        'ب' => Some(1),
        'ج' => Some(2),
        'د' => Some(3),
        _ => None,
    }
}

/// `t` without a trailing `et al.` form, and whether it had one.
fn strip_et_al(t: &[String]) -> (&[String], bool) {
    for m in &MARKERS.et_al {
        if t.len() > m.len() && t.ends_with(m) {
            return (t.get(..t.len() - m.len()).unwrap_or(t), true);
        }
    }
    (t, false)
}

impl Entry {
    fn new(r: &Reference) -> Self {
        let authors = r
            .authors
            .iter()
            .map(|a| match a {
                Agent::Person {
                    family: Some(f), ..
                } => tokens(f, &[]),
                Agent::Person { as_written, .. } => tokens(as_written, &[]),
                Agent::Organization { name } => tokens(name, &[]),
            })
            .filter(|t| !t.is_empty())
            .collect();
        let opening = tokens(&r.raw, &[])
            .into_iter()
            .take(OPENING_TOKENS)
            .collect();
        let mut years: Vec<i32> = r.year.as_ref().and_then(|y| y.value).into_iter().collect();
        if years.is_empty() && !r.no_date {
            years = date_tokens(&r.raw).iter().filter_map(|d| d.year).collect();
        }
        let suffix = r.year.as_ref().and_then(|y| printed_suffix(&r.raw, &y.raw));
        let first_full = match r.authors.first() {
            Some(Agent::Person {
                as_written,
                family: Some(_),
                ..
            }) => {
                let mut t = tokens(as_written, &[]);
                t.sort();
                t
            }
            _ => Vec::new(),
        };
        Entry {
            id: r.id.clone(),
            authors,
            et_al: r.et_al,
            opening,
            first_full,
            years,
            no_date: r.no_date,
            suffix,
        }
    }

    /// Whether the work has the cited date.
    fn has_date(&self, d: &DateTok) -> bool {
        match d.year {
            Some(y) => self.years.contains(&y),
            None => self.no_date || self.years.is_empty(),
        }
    }

    /// How well the cited name tokens `t` name this work's authors; `None` when they do not.
    fn name_score(&self, t: &[String], et_al: bool) -> Option<usize> {
        if let Some(m) = match_authors(t, &self.authors) {
            let n = self.authors.len();
            let fits = if et_al { n >= 3 || self.et_al } else { m == n };
            return Some(100 + 10 * m + if fits { 5 } else { 0 });
        }
        // The first author's whole name, in either order (`(محمد علي الزبيدي، ٢٠١٦)`).
        if !self.first_full.is_empty() {
            let mut sorted = t.to_vec();
            sorted.sort();
            if sorted == self.first_full {
                return Some(95);
            }
        }
        // An entry whose authors were not read: the cited names open it, in order.
        opens_with(&self.opening, t).then_some(90)
    }
}

/// Whether `opening` starts with the first cited token and holds the others in order
/// (`Andersen & Mills` opens `Andersen, P., & Mills, K. (2019)`); joiners are skipped.
fn opens_with(opening: &[String], t: &[String]) -> bool {
    let Some((first, others)) = t.split_first() else {
        return false;
    };
    if opening.first() != Some(first) {
        return false;
    }
    let mut cited = others
        .iter()
        .filter(|w| !MARKERS.joiners.iter().any(|m| m == *w));
    let mut rest = opening.iter().skip(1);
    cited.all(|w| rest.any(|o| o == w))
}

/// The letter printed right after the year `year_raw` in `raw` (`2020a`), if any.
fn printed_suffix(raw: &str, year_raw: &str) -> Option<char> {
    if year_raw.is_empty() {
        return None;
    }
    let at = raw.find(year_raw)? + year_raw.len();
    let mut rest = raw.get(at..)?.chars();
    let s = rest.next().filter(|&c| is_suffix_letter(c))?;
    (!rest.next().is_some_and(char::is_alphabetic)).then_some(s)
}

/// How many authors of `authors` the cited tokens `t` name, in order, all tokens used
/// (joiners between them allowed, `و` attached to a name allowed); `None` when they do not.
fn match_authors(t: &[String], authors: &[Vec<String>]) -> Option<usize> {
    let mut i = 0;
    let mut j = 0;
    while let Some(a) = authors.get(j) {
        let rest = t.get(i..)?;
        if !(rest.starts_with(a) || (j > 0 && attached_match(rest, a))) {
            break;
        }
        i += a.len();
        j += 1;
        if i == t.len() {
            return Some(j);
        }
        while t
            .get(i)
            .is_some_and(|w| MARKERS.joiners.iter().any(|m| m == w))
        {
            i += 1;
        }
        if i == t.len() {
            return None;
        }
    }
    None
}

/// Whether `rest` opens with the name `a` written with an attached joiner (`وحسين`).
fn attached_match(rest: &[String], a: &[String]) -> bool {
    let (Some(first), Some(a0)) = (rest.first(), a.first()) else {
        return false;
    };
    MARKERS.attached_joiners.iter().any(|j| {
        first.strip_prefix(j.as_str()) == Some(a0.as_str())
            && rest
                .get(1..a.len())
                .is_some_and(|r| r == a.get(1..).unwrap_or(&[]))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{MaybeTyped, Paragraph, Span};

    fn person(family: &str) -> Agent {
        Agent::Person {
            as_written: family.to_string(),
            family: Some(family.to_string()),
            given: None,
        }
    }

    fn reference(id: &str, families: &[&str], year: Option<&str>, raw: &str) -> Reference {
        Reference {
            id: id.to_string(),
            raw: raw.to_string(),
            lang: "en".to_string(),
            authors: families.iter().map(|f| person(f)).collect(),
            year: year.map(|y| {
                MaybeTyped::typed(
                    y,
                    parse_number(y)
                        .and_then(|v| i32::try_from(v).ok())
                        .unwrap_or(0),
                )
            }),
            no_date: year.is_none(),
            source: Span::line(1),
            ..Reference::default()
        }
    }

    fn groups(refs: Vec<Reference>) -> Vec<ReferenceGroup> {
        vec![ReferenceGroup {
            id: "refs1".to_string(),
            references: refs,
            ..ReferenceGroup::default()
        }]
    }

    fn body_of(paragraphs: &[&str]) -> Body {
        Body {
            blocks: paragraphs
                .iter()
                .enumerate()
                .map(|(i, p)| {
                    Block::Paragraph(Paragraph {
                        content: vec![Inline::Text {
                            text: p.to_string(),
                        }],
                        source: Span::line(i + 1),
                    })
                })
                .collect(),
            ..Body::default()
        }
    }

    /// (text, ids, locator pages raw) of every citation of paragraph `k`.
    fn cites(body: &Body, k: usize) -> Vec<(String, Vec<String>, Option<String>)> {
        let Some(Block::Paragraph(p)) = body.blocks.get(k) else {
            panic!("no paragraph {k}");
        };
        p.content
            .iter()
            .filter_map(|i| match i {
                Inline::Citation {
                    text,
                    reference_ids,
                    locator,
                } => Some((
                    text.clone(),
                    reference_ids.clone(),
                    locator
                        .as_ref()
                        .map(|l| format!("{}|{}", l.label, l.pages.raw)),
                )),
                _ => None,
            })
            .collect()
    }

    fn ids(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    fn english_refs() -> Vec<ReferenceGroup> {
        groups(vec![
            reference(
                "ref1",
                &["Andersen", "Mills"],
                Some("2019"),
                "Andersen, P., & Mills, K. (2019). Decentralized utilities.",
            ),
            reference(
                "ref2",
                &["Dahl"],
                Some("2015"),
                "Dahl, H. (2015). Tariffs and water.",
            ),
            reference(
                "ref3",
                &["Lopez"],
                Some("2017"),
                "Lopez, M. (2017). Reforming services.",
            ),
            reference(
                "ref4",
                &["Okafor", "Brandt", "Tanaka"],
                Some("2020"),
                "Okafor, C., Brandt, L., & Tanaka, Y. (2020a). Port cities.",
            ),
            reference(
                "ref5",
                &["Okafor", "Brandt", "Tanaka"],
                Some("2020"),
                "Okafor, C., Brandt, L., & Tanaka, Y. (2020b). Harbour towns.",
            ),
            reference(
                "ref6",
                &["van der Berg"],
                Some("2011"),
                "van der Berg, J. (2011). Dikes.",
            ),
        ])
    }

    #[test]
    fn english_apa_paragraph() {
        let mut body = body_of(&[
            "Reform is fragile (Andersen & Mills, 2019; Dahl, 2015, p. 104). Lopez (2017) argues otherwise, and Okafor et al. (2020b) agree (Okafor et al., 2020a, pp. 3–5).",
            "Earlier work (van der Berg, 2011: 15) and (see Dahl, 2015) are cited in 2016. Lopez's (2017) view stands.",
        ]);
        let before = crate::model::inline_text(match body.blocks.first() {
            Some(Block::Paragraph(p)) => &p.content,
            _ => &[],
        });
        let diags = link_intext_citations(&mut body, &english_refs());
        assert!(diags.is_empty(), "{diags:?}");
        assert_eq!(
            cites(&body, 0),
            vec![
                ("Andersen & Mills, 2019".into(), ids(&["ref1"]), None),
                (
                    "Dahl, 2015, p. 104".into(),
                    ids(&["ref2"]),
                    Some("p.|104".into())
                ),
                ("Lopez (2017)".into(), ids(&["ref3"]), None),
                ("Okafor et al. (2020b)".into(), ids(&["ref5"]), None),
                (
                    "(Okafor et al., 2020a, pp. 3–5)".into(),
                    ids(&["ref4"]),
                    Some("pp.|3–5".into())
                ),
            ]
        );
        assert_eq!(
            cites(&body, 1),
            vec![
                (
                    "(van der Berg, 2011: 15)".into(),
                    ids(&["ref6"]),
                    Some("|15".into())
                ),
                ("Dahl, 2015".into(), ids(&["ref2"]), None),
                ("Lopez's (2017)".into(), ids(&["ref3"]), None),
            ]
        );
        // The paragraph's text is unchanged, cut into pieces.
        let Some(Block::Paragraph(p)) = body.blocks.first() else {
            panic!()
        };
        assert_eq!(crate::model::inline_text(&p.content), before);
        assert!(
            matches!(p.content.first(), Some(Inline::Text { text }) if text == "Reform is fragile (")
        );
        assert!(matches!(p.content.get(2), Some(Inline::Text { text }) if text == "; "));
        let Some(Inline::Citation {
            locator: Some(l), ..
        }) = p.content.iter().rev().nth(1)
        else {
            panic!("{:?}", p.content)
        };
        assert_eq!((l.pages.first, l.pages.last), (Some(3), Some(5)));
    }

    #[test]
    fn arabic_paragraph() {
        let refs = groups(vec![
            reference(
                "ref1",
                &["العبيدي"],
                Some("٢٠١٧"),
                "العبيدي، سامر. (٢٠١٧). الدولة والمجتمع.",
            ),
            reference(
                "ref2",
                &["جواد", "حسين", "كاظم"],
                Some("٢٠١٨"),
                "جواد، علي وحسين، نور وكاظم، زيد. (٢٠١٨). الانتخابات.",
            ),
            reference(
                "ref3",
                &["الحسيني", "مراد"],
                Some("٢٠١٢"),
                "الحسيني، رنا ومراد، هادي. (٢٠١٢). البرلمان.",
            ),
        ]);
        let mut body = body_of(&[
            "تتسم المرحلة بالاضطراب (العبيدي، ٢٠١٧، ص ١٥)، ويرى العبيدي (٢٠١٧) أن الدولة ضعيفة (جواد وآخرون، ٢٠١٨؛ العبيدي، ٢٠١٧: ٤٠).",
            "ويؤكد ذلك (الحسيني والمراد، ٢٠١٢) وكذلك (الحسيني ومراد، ٢٠١٢).",
        ]);
        let diags = link_intext_citations(&mut body, &refs);
        assert!(diags.is_empty(), "{diags:?}");
        assert_eq!(
            cites(&body, 0),
            vec![
                (
                    "(العبيدي، ٢٠١٧، ص ١٥)".into(),
                    ids(&["ref1"]),
                    Some("ص|١٥".into())
                ),
                ("العبيدي (٢٠١٧)".into(), ids(&["ref1"]), None),
                ("جواد وآخرون، ٢٠١٨".into(), ids(&["ref2"]), None),
                (
                    "العبيدي، ٢٠١٧: ٤٠".into(),
                    ids(&["ref1"]),
                    Some("|٤٠".into())
                ),
            ]
        );
        let c = cites(&body, 1);
        assert_eq!(c.len(), 2, "{c:?}");
        assert!(c.iter().all(|(_, i, _)| *i == ids(&["ref3"])), "{c:?}");
    }

    #[test]
    fn bare_years_numbers_and_markers_stay_text() {
        let mut body = body_of(&[
            "The council met in (2014) and passed resolution (2169) on the matter (١) as planned (see Table 2).",
            "القرار رقم (2170) عام 2014 ثم (٢٤اكتوبر ٢٠١٨ - ٧مايو ٢٠٢٠) وفي (عام ٢٠١٥).",
            "The period (1998-2003) and (March, 2019) and (n = 120, 2019) are no citations.",
        ]);
        let before = body.clone();
        let diags = link_intext_citations(&mut body, &english_refs());
        assert!(diags.is_empty(), "{diags:?}");
        assert_eq!(body, before);
    }

    #[test]
    fn unresolved_shapes_need_an_author_year_paper() {
        // A footnote-style paper: nothing resolves, so `(UN, n.d.)` stays text.
        let mut body = body_of(&["The mission ended (UN, n.d.) after talks in (Baghdad, 2014)."]);
        let before = body.clone();
        let diags = link_intext_citations(&mut body, &english_refs());
        assert!(diags.is_empty());
        assert_eq!(body, before);
        // An author–year paper: the same shape is a citation with no reference, and a warning.
        let mut body = body_of(&[
            "Water reform stalled (Dahl, 2015).",
            "The mission ended (UN, n.d.), as Smith et al. (2021) note.",
        ]);
        let diags = link_intext_citations(&mut body, &english_refs());
        assert_eq!(
            cites(&body, 1),
            vec![
                ("(UN, n.d.)".into(), vec![], None),
                ("Smith et al. (2021)".into(), vec![], None),
            ]
        );
        assert_eq!(diags.len(), 2, "{diags:?}");
        assert!(diags
            .iter()
            .all(|d| d.code == "in-text-citation-unresolved" && d.line == Some(2)));
    }

    #[test]
    fn suffixes_pick_by_list_order_when_unprinted_and_ambiguity_warns() {
        let refs = groups(vec![
            reference(
                "r1",
                &["Nakamura"],
                Some("2016"),
                "Nakamura, E. (2016). First.",
            ),
            reference(
                "r2",
                &["Nakamura"],
                Some("2016"),
                "Nakamura, E. (2016). Second.",
            ),
        ]);
        let mut body = body_of(&["As shown (Nakamura, 2016b), and again (Nakamura, 2016)."]);
        let diags = link_intext_citations(&mut body, &refs);
        let c = cites(&body, 0);
        assert_eq!(c.first().map(|c| c.1.clone()), Some(ids(&["r2"])));
        assert_eq!(c.get(1).map(|c| c.1.clone()), Some(vec![]));
        assert_eq!(diags.len(), 1);
        assert_eq!(
            diags.first().map(|d| d.code.as_str()),
            Some("in-text-citation-ambiguous")
        );
    }

    #[test]
    fn several_years_and_second_authors_must_match() {
        let refs = groups(vec![
            reference("r1", &["Dahl"], Some("2015"), "Dahl, H. (2015). One."),
            reference("r2", &["Dahl"], Some("2018"), "Dahl, H. (2018). Two."),
            reference(
                "r3",
                &["Andersen", "Mills"],
                Some("2019"),
                "Andersen, P., & Mills, K. (2019). Three.",
            ),
        ]);
        let mut body = body_of(&[
            "Dahl (2015, 2018) and (Dahl, 2015, 2018) hold, while (Andersen & Brown, 2019) is unknown.",
        ]);
        let diags = link_intext_citations(&mut body, &refs);
        let c = cites(&body, 0);
        assert_eq!(c.first().map(|c| c.1.clone()), Some(ids(&["r1", "r2"])));
        assert_eq!(c.get(1).map(|c| c.1.clone()), Some(ids(&["r1", "r2"])));
        assert_eq!(
            c.get(2).map(|c| (c.0.clone(), c.1.clone())),
            Some(("(Andersen & Brown, 2019)".into(), vec![]))
        );
        assert_eq!(diags.len(), 1, "{diags:?}");
        // A listed author with a year the list lacks is still a citation, with a warning.
        let mut body = body_of(&["Later, Dahl (2021) changed course (Dahl, 2015, 2016)."]);
        let diags = link_intext_citations(&mut body, &refs);
        let c = cites(&body, 0);
        assert_eq!(
            c.first().map(|c| (c.0.as_str(), c.1.len())),
            Some(("Dahl (2021)", 0))
        );
        assert_eq!(c.get(1).map(|c| c.1.clone()), Some(ids(&["r1"])));
        let messages: Vec<&str> = diags.iter().map(|d| d.message.as_str()).collect();
        assert_eq!(messages.len(), 2, "{messages:?}");
        assert!(messages
            .iter()
            .any(|m| m.contains("no work of theirs there is 2021")));
        assert!(messages
            .iter()
            .any(|m| m.contains("partly linked") && m.contains("2016")));
    }

    #[test]
    fn organizations_and_titles_resolve_by_opening() {
        let refs = groups(vec![
            Reference {
                id: "r1".into(),
                raw: "Regional Water Council. (2021). Utilities in transition.".into(),
                authors: vec![Agent::Organization {
                    name: "Regional Water Council".into(),
                }],
                year: Some(MaybeTyped::typed("2021", 2021)),
                ..Reference::default()
            },
            Reference {
                id: "r2".into(),
                raw: "الأمم المتحدة. (د.ت). تقرير التنمية.".into(),
                no_date: true,
                ..Reference::default()
            },
        ]);
        let mut body =
            body_of(&["Costs rose (Regional Water Council, 2021) و(الأمم المتحدة، د.ت)."]);
        let diags = link_intext_citations(&mut body, &refs);
        assert!(diags.is_empty(), "{diags:?}");
        let c = cites(&body, 0);
        assert_eq!(
            c.iter().map(|c| c.1.clone()).collect::<Vec<_>>(),
            vec![ids(&["r1"]), ids(&["r2"])]
        );
    }

    #[test]
    fn titles_lists_and_reference_sections() {
        use crate::model::{List, ListItem};
        let mut body = Body {
            sections: vec![
                Section {
                    id: "sec1".into(),
                    level: 1,
                    title: vec![Inline::Text {
                        text: "Revisiting Lopez (2017)".into(),
                    }],
                    blocks: vec![Block::List(List {
                        ordered: false,
                        items: vec![ListItem {
                            label: Some("-".into()),
                            content: vec![Inline::Text {
                                text: "tariffs (Dahl, 2015);".into(),
                            }],
                            source: Span::line(3),
                        }],
                        source: Span::line(3),
                    })],
                    source: Span::line(1),
                    ..Section::default()
                },
                Section {
                    id: "sec2".into(),
                    level: 1,
                    kind: SectionKind::References,
                    title: vec![Inline::Text {
                        text: "References".into(),
                    }],
                    blocks: vec![Block::Paragraph(Paragraph {
                        content: vec![Inline::Text {
                            text: "Dahl, H. (2015). Tariffs and water.".into(),
                        }],
                        source: Span::line(9),
                    })],
                    source: Span::line(8),
                    ..Section::default()
                },
            ],
            ..Body::default()
        };
        link_intext_citations(&mut body, &english_refs());
        let s = &body.sections;
        assert!(
            matches!(s[0].title.get(1), Some(Inline::Citation { reference_ids, .. }) if *reference_ids == ids(&["ref3"]))
        );
        assert_eq!(s[0].title_text(), "Revisiting Lopez (2017)");
        let Some(Block::List(l)) = s[0].blocks.first() else {
            panic!()
        };
        assert!(l.items[0]
            .content
            .iter()
            .any(|i| matches!(i, Inline::Citation { .. })));
        let Some(Block::Paragraph(p)) = s[1].blocks.first() else {
            panic!()
        };
        assert_eq!(p.content.len(), 1, "reference sections are left alone");
    }

    #[test]
    fn whole_names_and_unread_authors_resolve() {
        let mut whole = reference(
            "r1",
            &[],
            Some("٢٠١٦"),
            "الزبيدي، محمد علي. (٢٠١٦). الحكم الرشيد.",
        );
        whole.authors = vec![Agent::Person {
            as_written: "الزبيدي، محمد علي".into(),
            family: Some("الزبيدي".into()),
            given: Some("محمد علي".into()),
        }];
        // Authors the reference parser did not read: the entry's opening still names them.
        let unread = reference(
            "r2",
            &[],
            Some("2019"),
            "Andersen, P., & Mills, K. (2019). Utilities.",
        );
        let refs = groups(vec![whole, unread]);
        let mut body = body_of(&[
            "كما يرى (محمد علي الزبيدي، ٢٠١٦) and (Andersen & Mills, 2019) and (Andersen & Lee, 2019).",
        ]);
        link_intext_citations(&mut body, &refs);
        let c = cites(&body, 0);
        let got: Vec<Vec<String>> = c.iter().map(|c| c.1.clone()).collect();
        assert_eq!(got, vec![ids(&["r1"]), ids(&["r2"]), vec![]], "{c:?}");
    }

    #[test]
    fn date_tokens_read_digits_suffixes_and_no_date() {
        let d = date_tokens("Smith, 2020a, ٢٠١٧, n.d., 2169, 12345, 1999th");
        let got: Vec<(Option<i32>, Option<char>)> = d.iter().map(|d| (d.year, d.suffix)).collect();
        assert_eq!(
            got,
            vec![(Some(2020), Some('a')), (Some(2017), None), (None, None)]
        );
    }
}
