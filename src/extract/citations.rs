//! Footnote citations: what each footnote cites, back-references resolved.
//!
//! A footnote is read in this order: its page locator (`ص ٢٢`, `pp. 3-5`) is taken off; a
//! back-reference form (`المصدر نفسه`, `Ibid.`, `مصدر سبق ذكره`, `Op. cit.`, `supra note 12`)
//! makes it point to an earlier footnote's work; otherwise it is matched against the
//! reference list by its words (author, title, year), folded so that spelling variants and
//! OCR slips still meet. A footnote that cites a work missing from the list adds that work
//! (`from_footnote`); a footnote that only comments gets no citation.

use super::markers::common;
use super::markers::references::all_of;
use super::references::lang_of;
use super::references::parse::{parse_work, Origin};
use super::references::text::{self as t, find_first, fold, tokens};
use crate::model::{
    Agent, Citation, CitationKind, Diagnostic, Footnote, Locator, Reference, ReferenceGroup,
    ReferenceType, Span,
};
use crate::script::parse_number;
use regex::Regex;
use rustc_hash::FxHashMap;
use std::collections::HashMap;
use std::sync::LazyLock;

/// Folded words that never identify a work: stopwords, months, URL and page labels.
static STOP: LazyLock<Vec<String>> = LazyLock::new(|| {
    let mut v: Vec<String> = Vec::new();
    for list in [
        all_of(|m| m.stopwords),
        common::MONTH_NAMES.to_vec(),
        all_of(|m| m.url_leads),
        common::PAGE_LABELS.to_vec(),
        all_of(|m| m.accessed_leads),
        all_of(|m| m.see_prefixes),
    ] {
        for entry in list {
            for w in fold(entry).split(|c: char| !c.is_alphanumeric()) {
                if !w.is_empty() && !v.iter().any(|x| x == w) {
                    v.push(w.to_string());
                }
            }
        }
    }
    v
});

/// The last page locator of a footnote: label as printed and the range.
static LOCATOR: LazyLock<Regex> = LazyLock::new(|| {
    let mut labels = common::PAGE_LABELS.to_vec();
    labels.dedup();
    let alt = labels
        .iter()
        .map(|l| regex::escape(l).replace(' ', r"\s*"))
        .collect::<Vec<_>>()
        .join("|");
    Regex::new(&format!(
        r"(?:^|[\s(\[,،.:؛;])({alt})\s*\.?\s*(\d+(?:\s*[-–—_ـ]+\s*\d+)?)"
    ))
    .expect("valid locator regex")
});

/// `supra note 12` and the like: the number of the footnote named.
static SUPRA_NUMBER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*(?:note|n\.?|رقم)?\s*\(?(\d+)\)?").expect("valid regex"));

/// A folded token with its characters decoded once: fuzzy comparison runs on every
/// footnote × reference token pair, so it must not re-decode or allocate per pair.
struct Tok {
    text: String,
    chars: Vec<char>,
    /// Which characters occur, one bit per code point modulo 64.
    mask: u64,
}

fn toks(words: Vec<String>) -> Vec<Tok> {
    words
        .into_iter()
        .map(|text| {
            let chars: Vec<char> = text.chars().collect();
            let mask = chars
                .iter()
                .fold(0u64, |m, &c| m | 1 << (u32::from(c) % 64));
            Tok { text, chars, mask }
        })
        .collect()
}

/// Every distinct folded token of the reference profiles, numbered: a footnote's words are
/// compared with each distinct word once, not once per reference that holds it, and each
/// distinct footnote word with the vocabulary once ([`Vocab::matches`] remembers it), so
/// the cost grows with the paper, not with footnotes × references.
#[derive(Default)]
struct Vocab {
    ids: FxHashMap<String, usize>,
    toks: Vec<Tok>,
    /// Token ids by length in characters, for the fuzzy comparison.
    by_len: Vec<Vec<usize>>,
    /// For a query word: the vocabulary size when its matches were found, and the matches.
    memo: std::cell::RefCell<FxHashMap<String, (usize, Vec<usize>)>>,
}

impl Vocab {
    fn intern(&mut self, words: Vec<String>) -> Vec<usize> {
        words
            .into_iter()
            .map(|w| match self.ids.get(&w) {
                Some(&id) => id,
                None => {
                    let id = self.toks.len();
                    self.ids.insert(w.clone(), id);
                    if let Some(t) = toks(vec![w]).pop() {
                        let len = t.chars.len();
                        if self.by_len.len() <= len {
                            self.by_len.resize_with(len + 1, Vec::new);
                        }
                        if let Some(bucket) = self.by_len.get_mut(len) {
                            bucket.push(id);
                        }
                        self.toks.push(t);
                    }
                    id
                }
            })
            .collect()
    }

    /// Whether vocabulary token `t` may match a query token of `l` characters: lengths too
    /// far apart never match (the distance is at least the difference); `same_token` decides.
    fn near_length(l: usize, len: usize) -> bool {
        len >= 4 && l.abs_diff(len) <= l.max(len) / 4 + 1
    }

    /// The vocabulary tokens a query token matches ([`same_token`]), in id order.
    fn matches(&self, q: &Tok) -> Vec<usize> {
        let l = q.chars.len();
        let fuzzy = |t: &Tok| {
            t.text == q.text || (l >= 4 && Self::near_length(l, t.chars.len()) && same_token(q, t))
        };
        let mut memo = self.memo.borrow_mut();
        if let Some((known, found)) = memo.get_mut(&q.text) {
            // Tokens interned since (works added from footnotes) are checked now.
            for id in *known..self.toks.len() {
                if self.toks.get(id).is_some_and(fuzzy) {
                    found.push(id);
                }
            }
            *known = self.toks.len();
            return found.clone();
        }
        let mut found = Vec::new();
        if let Some(&id) = self.ids.get(&q.text) {
            found.push(id);
        }
        if l >= 4 {
            for (len, bucket) in self.by_len.iter().enumerate().skip(4) {
                if !Self::near_length(l, len) {
                    continue;
                }
                for &id in bucket {
                    if self
                        .toks
                        .get(id)
                        .is_some_and(|t| t.text != q.text && same_token(q, t))
                    {
                        found.push(id);
                    }
                }
            }
        }
        found.sort_unstable();
        found.dedup();
        memo.insert(q.text.clone(), (self.toks.len(), found.clone()));
        found
    }

    /// Which of `query`'s tokens each vocabulary token matches ([`same_token`]).
    fn hits(&self, query: &[Tok]) -> Hits {
        let words = query.len().div_ceil(64).max(1);
        let mut slots: FxHashMap<usize, usize> = FxHashMap::default();
        let mut bits: Vec<u64> = Vec::new();
        for (j, q) in query.iter().enumerate() {
            for id in self.matches(q) {
                let slot = *slots.entry(id).or_insert_with(|| {
                    bits.resize(bits.len() + words, 0);
                    bits.len() / words - 1
                });
                if let Some(w) = bits.get_mut(slot * words + j / 64) {
                    *w |= 1 << (j % 64);
                }
            }
        }
        Hits {
            words,
            len: query.len(),
            slots,
            bits,
        }
    }
}

/// For each vocabulary token found in a query, the set of query tokens it matches (bits,
/// `words` u64 each); tokens not found have no slot.
struct Hits {
    words: usize,
    len: usize,
    slots: FxHashMap<usize, usize>,
    bits: Vec<u64>,
}

impl Hits {
    fn of(&self, id: usize) -> &[u64] {
        self.slots
            .get(&id)
            .and_then(|&slot| self.bits.get(slot * self.words..(slot + 1) * self.words))
            .unwrap_or(&[])
    }

    /// Whether vocabulary token `id` matches some query token.
    fn found(&self, id: usize) -> bool {
        self.of(id).iter().any(|&w| w != 0)
    }

    /// The vocabulary tokens found, in no order.
    fn found_ids(&self) -> impl Iterator<Item = usize> + '_ {
        self.slots.keys().copied()
    }

    /// Share of `part` (vocabulary ids) found among the query tokens.
    fn coverage_of(&self, part: &[usize]) -> f64 {
        if part.is_empty() {
            return 0.0;
        }
        part.iter().filter(|&&id| self.found(id)).count() as f64 / part.len() as f64
    }

    /// Share of the query tokens found in `whole` (vocabulary ids).
    fn coverage_in(&self, whole: &[usize]) -> f64 {
        if self.len == 0 {
            return 0.0;
        }
        let mut union = vec![0u64; self.words];
        for &id in whole {
            for (u, w) in union.iter_mut().zip(self.of(id)) {
                *u |= w;
            }
        }
        union.iter().map(|w| w.count_ones() as usize).sum::<usize>() as f64 / self.len as f64
    }
}

/// Matching data of one reference: vocabulary ids of its tokens.
#[derive(PartialEq, Eq, Hash)]
struct Profile {
    title: Vec<usize>,
    authors: Vec<usize>,
    all: Vec<usize>,
    year: Option<i32>,
    /// Folded tokens of the first author's family name (or organization name).
    family: Vec<usize>,
}

fn dedup(mut v: Vec<String>) -> Vec<String> {
    let mut seen = Vec::new();
    v.retain(|x| {
        if seen.contains(x) {
            false
        } else {
            seen.push(x.clone());
            true
        }
    });
    v
}

fn without_urls(text: &str) -> String {
    let mut s = text.to_string();
    for u in t::find_urls(text).iter().rev() {
        s.replace_range(u.start..u.end, " ");
    }
    s
}

fn profile(r: &Reference, vocab: &mut Vocab) -> Profile {
    let names: String = r
        .authors
        .iter()
        .map(Agent::as_written)
        .collect::<Vec<_>>()
        .join(" ");
    Profile {
        title: vocab.intern(dedup(tokens(r.title.as_deref().unwrap_or(""), &STOP))),
        authors: vocab.intern(dedup(tokens(&names, &STOP))),
        all: vocab.intern(dedup(tokens(&without_urls(&r.raw), &STOP))),
        year: r.year.as_ref().and_then(|y| y.value),
        family: vocab.intern(
            r.authors
                .first()
                .map(|a| match a {
                    Agent::Person {
                        family: Some(f), ..
                    } => tokens(f, &STOP),
                    other => tokens(other.as_written(), &STOP),
                })
                .unwrap_or_default(),
        ),
    }
}

/// A weaker match for a footnote that names the first author's family name and the year:
/// enough of the title's words (folded, so sentence and title case meet) then suffice.
fn family_year_title(hits: &Hits, fn_years: &[i32], p: &Profile) -> Option<f64> {
    let year_ok = p.year.is_some_and(|y| fn_years.contains(&y));
    if !year_ok || p.family.is_empty() || p.title.is_empty() {
        return None;
    }
    if !p.family.iter().all(|&f| hits.found(f)) {
        return None;
    }
    let title_cov = hits.coverage_of(&p.title);
    (title_cov >= 0.34).then_some(title_cov)
}

/// Whether two folded tokens are the same word, allowing a small spelling difference
/// (normalized Levenshtein similarity of at least 0.75 between words of 4+ letters).
fn same_token(a: &Tok, b: &Tok) -> bool {
    if a.text == b.text {
        return true;
    }
    let (la, lb) = (a.chars.len(), b.chars.len());
    if la < 4 || lb < 4 {
        return false;
    }
    let longest = la.max(lb);
    // The largest distance that passes, by the same float test as
    // `strsim::normalized_levenshtein(a, b) >= 0.75`.
    let Some(max) = (0..=longest / 4 + 1)
        .rev()
        .find(|&d| 1.0 - (d as f64) / (longest as f64) >= 0.75)
    else {
        return false;
    };
    // The distance is at least the length difference, and at least the number of
    // character classes found in one word only (each needs its own edit).
    let only_a = (a.mask & !b.mask).count_ones() as usize;
    let only_b = (b.mask & !a.mask).count_ones() as usize;
    la.abs_diff(lb) <= max && only_a.max(only_b) <= max && within_distance(&a.chars, &b.chars, max)
}

/// Whether the Levenshtein distance of `a` and `b` is at most `max`. Stops as soon as a
/// whole row of the table exceeds `max` (row minima never decrease).
fn within_distance(a: &[char], b: &[char], max: usize) -> bool {
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, &ca) in a.iter().enumerate() {
        let mut diag = i;
        let mut left = i + 1;
        let mut row_min = left;
        if let Some(first) = row.first_mut() {
            *first = left;
        }
        for (cell, &cb) in row.iter_mut().skip(1).zip(b) {
            let up = *cell;
            let v = if ca == cb {
                diag
            } else {
                1 + diag.min(up).min(left)
            };
            diag = up;
            *cell = v;
            left = v;
            row_min = row_min.min(v);
        }
        if row_min > max {
            return false;
        }
    }
    row.last().is_some_and(|&d| d <= max)
}

/// How well a footnote's words describe a reference, from 0 to about 1.
fn score(hits: &Hits, fn_years: &[i32], p: &Profile) -> f64 {
    let title_cov = hits.coverage_of(&p.title);
    let fn_cov = hits.coverage_in(&p.all);
    let auth_cov = if p.authors.is_empty() {
        title_cov
    } else {
        hits.coverage_of(&p.authors)
    };
    if p.title.is_empty() {
        if auth_cov < 0.99 || fn_cov < 0.5 {
            return 0.0;
        }
    } else if title_cov < 0.5 {
        return 0.0;
    }
    let year = match p.year {
        Some(y) if fn_years.contains(&y) => 0.05,
        _ => 0.0,
    };
    0.45 * title_cov + 0.2 * auth_cov + 0.35 * fn_cov + year
}

fn years_in(text: &str) -> Vec<i32> {
    static YEAR: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"(?:^|\D)(\d{4})(?:\D|$)").expect("valid regex"));
    YEAR.captures_iter(text)
        .filter_map(|c| c.get(1).and_then(|m| parse_number(m.as_str())))
        .map(|y| y as i32)
        .collect()
}

/// A footnote's page locator and its text with the locator removed.
fn take_locator(text: &str) -> (Option<Locator>, String) {
    let Some(c) = LOCATOR.captures_iter(text).last() else {
        return (None, text.to_string());
    };
    let (Some(label), Some(value), Some(whole)) = (c.get(1), c.get(2), c.get(0)) else {
        return (None, text.to_string());
    };
    let mut rest = text.to_string();
    rest.replace_range(label.start()..whole.end(), " ");
    (
        Some(Locator {
            label: label.as_str().to_string(),
            pages: t::page_range(value.as_str()),
        }),
        rest,
    )
}

/// What a footnote's words say it does.
enum Form {
    Ibid,
    OpCit(String),
    Supra(Option<u32>, String),
    Plain(String),
}

fn form_of(text: &str) -> Form {
    // `المصدر السابق نفسه` holds `المصدر السابق`: look for ibid forms first.
    if find_first(text, &all_of(|m| m.ibid)).is_some() {
        return Form::Ibid;
    }
    if let Some(f) = find_first(text, &all_of(|m| m.op_cit)) {
        return Form::OpCit(text[..f.start].to_string());
    }
    if let Some(f) = find_first(text, &all_of(|m| m.supra)) {
        let after = &text[f.end..];
        let n = SUPRA_NUMBER
            .captures(after)
            .and_then(|c| c.get(1))
            .and_then(|m| parse_number(m.as_str()));
        return Form::Supra(n, text[..f.start].to_string());
    }
    let mut s = text.trim();
    if let Some(f) = t::starts_with_any(s, &all_of(|m| m.see_prefixes)) {
        s = s[f.end..].trim_start_matches([':', ',', '،', ' ']);
    }
    Form::Plain(s.to_string())
}

/// How a footnote dates a work in parentheses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum DatedBy {
    /// A parenthetical closing on a year after an author and title (`Roe, Rivers 12 (1999)`,
    /// `(2d ed. 2004)`, `(Lake Press 1950) (1801)`) or a year with a period after it
    /// (`Lake Society. (1975). Title.`).
    Work,
    /// An author's initial before the year (`Roe, J. (2006).`): an author–date citation
    /// even inside a comment.
    Initial,
}

/// A year (1500–2099) in parentheses as citation styles print a work's date: closing a
/// parenthetical after a comma in the same sentence (Bluebook), or opening one followed by a
/// period (APA, where the month may follow: `(2018, June 28).`). Year ranges (`(1881-1914)`)
/// are periods of time, not dates of works.
fn dated_parenthetical(text: &str) -> Option<DatedBy> {
    static PAREN: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"\(([^()]*)\)").expect("valid regex"));
    let year = |w: &str| {
        let digits = w.trim_end_matches(|c: char| c.is_ascii_lowercase());
        digits.chars().count() == 4
            && parse_number(digits).is_some_and(|y| (1500..2100).contains(&y))
    };
    let mut found = None;
    for c in PAREN.captures_iter(text) {
        let (Some(whole), Some(inner)) = (c.get(0), c.get(1)) else {
            continue;
        };
        let inner = inner.as_str().trim();
        let head = text.get(..whole.start()).unwrap_or("").trim_end();
        let period_after = text.get(whole.end()..).is_some_and(|r| r.starts_with('.'));
        let mut words = inner.split([' ', ',']).filter(|w| !w.is_empty());
        let opens_with_year = words.next().is_some_and(year)
            && !words.next().is_some_and(|w| w.starts_with(['-', '–', '—']));
        let last = inner.rsplit([' ', ',']).next().unwrap_or("");
        let closes_with_year = year(last)
            && !inner
                .get(..inner.len() - last.len())
                .unwrap_or("")
                .trim_end()
                .ends_with(['-', '–', '—']);
        let sentence_has_comma = head
            .rsplit(['.', ';'])
            .next()
            .is_some_and(|x| x.contains(','));
        let dated = (closes_with_year && (sentence_has_comma || period_after))
            || (opens_with_year && period_after);
        if !dated {
            continue;
        }
        let mut rev = head.chars().rev();
        let initial = rev.next() == Some('.')
            && rev.next().is_some_and(char::is_uppercase)
            && rev
                .next()
                .is_none_or(|ch| ch == ' ' || ch == '.' || ch == '-');
        if initial {
            return Some(DatedBy::Initial);
        }
        found = Some(DatedBy::Work);
    }
    found
}

/// How a footnote's text refers back to an earlier work (`Ibid.`, `op. cit.`, `supra`),
/// when it does; `None` for a note that names its work itself.
pub(crate) fn back_reference_kind(text: &str) -> Option<CitationKind> {
    let (_, rest) = take_locator(text);
    match form_of(&rest) {
        Form::Ibid => Some(CitationKind::Ibid),
        Form::OpCit(_) => Some(CitationKind::OpCit),
        Form::Supra(..) => Some(CitationKind::Supra),
        Form::Plain(_) => None,
    }
}

/// Whether an unmatched footnote still reads as a citation of a work (not a comment).
fn citation_like(text: &str, has_locator: bool) -> bool {
    let words = text.split_whitespace().count();
    if words == 0 {
        return false;
    }
    let fields = text.matches([',', '،']).count();
    // A citation opens with an author or a title; a comment opens with a long sentence.
    let lead_words = text
        .split([',', '،', '.'])
        .next()
        .map_or(0, |x| x.split_whitespace().count());
    let dated = dated_parenthetical(text);
    if lead_words > 14 && t::find_urls(text).is_empty() && dated != Some(DatedBy::Initial) {
        return false;
    }
    // An author or a title leads a citation: after its first word, a word of four letters
    // or more set lower case (or a decade, `1980s`) makes the lead a sentence (`Since the
    // 1980s, …`, `A second version will be taught in 2002, …`). Scripts without case never
    // show it.
    let sentence_lead = {
        let lead = text.split([',', '،', '.', ':', ';']).next().unwrap_or("");
        lead.split_whitespace().skip(1).any(|w| {
            let letters = w.chars().filter(|c| c.is_alphanumeric()).count();
            w.chars()
                .next()
                .is_some_and(|c| c.is_lowercase() || c.is_ascii_digit())
                && letters >= 4
        })
    };
    dated.is_some()
        || !t::find_urls(text).is_empty()
        || t::find_doi(text).is_some()
        || (has_locator && words <= 60)
        || (!years_in(text).is_empty() && fields >= 2 && words <= 60 && !sentence_lead)
        || t::contains_any(text, &all_of(|m| m.publisher_words)) && fields >= 2
}

struct Linker<'a> {
    groups: &'a mut Vec<ReferenceGroup>,
    /// The reference ids, in list order (works added from footnotes last).
    ids: Vec<String>,
    /// References with the same profile score alike: each class is scored once.
    classes: Vec<Class>,
    class_of: FxHashMap<std::rc::Rc<Profile>, usize>,
    /// For each vocabulary id, the classes holding the token (ascending, no repeats): only
    /// they can score above zero for a footnote that holds it.
    postings: Vec<Vec<usize>>,
    vocab: Vocab,
    /// Author–year citations of the reference list, for notes that cite that way.
    author_year: super::intext::NoteCitations,
}

/// References whose profiles are equal.
struct Class {
    profile: std::rc::Rc<Profile>,
    /// Indexes into [`Linker::ids`], ascending.
    members: Vec<usize>,
}

impl Class {
    fn last(&self) -> usize {
        self.members.last().copied().unwrap_or(0)
    }
}

impl<'a> Linker<'a> {
    fn new(groups: &'a mut Vec<ReferenceGroup>) -> Self {
        let author_year = super::intext::NoteCitations::new(groups);
        let mut linker = Linker {
            author_year,
            groups,
            ids: Vec::new(),
            classes: Vec::new(),
            class_of: FxHashMap::default(),
            postings: Vec::new(),
            vocab: Vocab::default(),
        };
        let refs: Vec<Reference> = linker
            .groups
            .iter()
            .flat_map(|g| g.references.iter())
            .cloned()
            .collect();
        for r in &refs {
            linker.push_profile(r);
        }
        linker
    }

    /// Adds a reference's profile to its class and indexes a new class's tokens.
    fn push_profile(&mut self, r: &Reference) {
        let p = std::rc::Rc::new(profile(r, &mut self.vocab));
        let member = self.ids.len();
        self.ids.push(r.id.clone());
        if let Some(&c) = self.class_of.get(&p) {
            if let Some(class) = self.classes.get_mut(c) {
                class.members.push(member);
            }
            return;
        }
        let index = self.classes.len();
        let mut ids: Vec<usize> = p
            .title
            .iter()
            .chain(&p.authors)
            .chain(&p.all)
            .chain(&p.family)
            .copied()
            .collect();
        ids.sort_unstable();
        ids.dedup();
        for id in ids {
            if self.postings.len() <= id {
                self.postings.resize_with(id + 1, Vec::new);
            }
            if let Some(list) = self.postings.get_mut(id) {
                list.push(index);
            }
        }
        self.class_of.insert(p.clone(), index);
        self.classes.push(Class {
            profile: p,
            members: vec![member],
        });
    }

    /// The classes that hold some token the query matched, ordered by their last member.
    fn candidates(&self, hits: &Hits) -> Vec<&Class> {
        let mut out: Vec<usize> = hits
            .found_ids()
            .filter_map(|id| self.postings.get(id))
            .flatten()
            .copied()
            .collect();
        out.sort_unstable();
        out.dedup();
        let mut classes: Vec<&Class> = out.iter().filter_map(|&c| self.classes.get(c)).collect();
        classes.sort_by_key(|c| c.last());
        classes
    }

    /// The reference id of a member.
    fn id(&self, member: usize) -> String {
        self.ids.get(member).cloned().unwrap_or_default()
    }

    fn best_match(&self, text: &str) -> Option<(String, f64)> {
        let toks = toks(dedup(tokens(&without_urls(text), &STOP)));
        if toks.is_empty() {
            return None;
        }
        let hits = self.vocab.hits(&toks);
        let years = years_in(text);
        let candidates = self.candidates(&hits);
        // Of equal scores the last reference wins.
        let best = candidates
            .iter()
            .map(|c| (c, score(&hits, &years, &c.profile)))
            .filter(|(_, s)| *s >= 0.45)
            .max_by(|a, b| a.1.total_cmp(&b.1));
        if let Some((c, s)) = best {
            return Some((self.id(c.last()), s));
        }
        // Family name + year + some title words, when exactly one reference fits.
        let fits: Vec<(&Class, f64)> = candidates
            .iter()
            .filter_map(|c| family_year_title(&hits, &years, &c.profile).map(|f| (*c, f)))
            .collect();
        match fits.as_slice() {
            [(one, f)] if one.members.len() == 1 => Some((self.id(one.last()), *f)),
            _ => None,
        }
    }

    /// Adds a work known only from a footnote to the group of its language.
    fn add_from_footnote(&mut self, text: &str, source: Span) -> String {
        let lang = lang_of(text);
        let id = format!("ref{}", self.ids.len() + 1);
        let mut r = parse_work(text, Origin::Footnote, ReferenceType::Other);
        r.id = id.clone();
        r.raw = text.to_string();
        r.lang = lang.to_string();
        r.from_footnote = true;
        r.source = source;
        let pos = self
            .groups
            .iter()
            .rposition(|g| {
                let n = g.references.iter().filter(|x| x.lang == lang).count();
                n * 2 > g.references.len()
            })
            .or_else(|| self.groups.len().checked_sub(1));
        self.push_profile(&r);
        match pos.and_then(|p| self.groups.get_mut(p)) {
            Some(g) => g.references.push(r),
            None => {
                let gid = format!("refs{}", self.groups.len() + 1);
                self.groups.push(ReferenceGroup {
                    id: gid,
                    title: None,
                    lang: Some(lang.to_string()),
                    references: vec![r],
                    source: Some(source),
                });
            }
        }
        id
    }
}

/// Whether the words before an op. cit. form (author and/or title) name this work.
fn names_work(pre: &Hits, p: &Profile) -> bool {
    if pre.len == 0 {
        return false;
    }
    let mut union = vec![0u64; pre.words];
    for &id in p.authors.iter().chain(&p.title) {
        for (u, w) in union.iter_mut().zip(pre.of(id)) {
            *u |= w;
        }
    }
    let hit = union.iter().map(|w| w.count_ones() as usize).sum::<usize>();
    let pre = pre.len;
    hit * 5 >= pre * 3 && hit >= 1
}

/// What a footnote cites: its kind, the reference, and the footnote it goes through.
type Resolved = (Option<CitationKind>, Option<String>, Option<String>);

/// The reference an earlier footnote cites, through that footnote.
fn via(f: &Footnote) -> (Option<String>, Option<String>) {
    (
        f.citation.as_ref().and_then(|c| c.reference_id.clone()),
        Some(f.id.clone()),
    )
}

/// Resolves one footnote, after the `earlier` ones; `rest` is its text without the locator.
/// What the footnotes before the current one cite, kept as the loop goes so each footnote
/// looks back in constant time.
#[derive(Default)]
struct BackState {
    /// The last footnote that cites a work.
    last_citing: Option<usize>,
    /// The last footnote citing each work, by reference id.
    last_citing_work: HashMap<String, usize>,
    /// The last footnote of each number.
    last_of_number: HashMap<u32, usize>,
}

/// The footnotes before the current one, and what they cite.
struct LookBack<'a> {
    footnotes: &'a [Footnote],
    state: &'a BackState,
}

impl LookBack<'_> {
    fn previous_citing(&self) -> Option<&Footnote> {
        self.state.last_citing.and_then(|k| self.footnotes.get(k))
    }
    fn last_numbered(&self, n: u32) -> Option<&Footnote> {
        self.state
            .last_of_number
            .get(&n)
            .and_then(|&k| self.footnotes.get(k))
    }
    /// The latest footnote citing one of these works.
    fn latest_citing<'i>(&self, ids: impl Iterator<Item = &'i String>) -> Option<&Footnote> {
        ids.filter_map(|id| self.state.last_citing_work.get(id).copied())
            .max()
            .and_then(|k| self.footnotes.get(k))
    }
}

fn resolve(
    linker: &mut Linker,
    note: &Footnote,
    earlier: &LookBack,
    rest: &str,
    has_locator: bool,
    diags: &mut Vec<Diagnostic>,
) -> Resolved {
    let line = note.source.line;
    let previous_citing = earlier.previous_citing();
    match form_of(rest) {
        Form::Ibid => match previous_citing {
            Some(f) => {
                let (r, v) = via(f);
                (Some(CitationKind::Ibid), r, v)
            }
            None => {
                diags.push(Diagnostic::warning(
                    "ibid-without-antecedent",
                    format!(
                        "footnote {} says ibid but no earlier footnote cites a work",
                        note.label
                    ),
                    Some(line),
                ));
                (Some(CitationKind::Ibid), None, None)
            }
        },
        Form::OpCit(pre) | Form::Supra(None, pre) => {
            let kind = if matches!(form_of(rest), Form::Supra(..)) {
                CitationKind::Supra
            } else {
                CitationKind::OpCit
            };
            resolve_earlier_work(linker, note, earlier, previous_citing, &pre, kind, diags)
        }
        Form::Supra(Some(n), _) => match earlier.last_numbered(n) {
            Some(f) => {
                let (r, v) = via(f);
                (Some(CitationKind::Supra), r, v)
            }
            None => {
                diags.push(Diagnostic::warning(
                    "supra-note-missing",
                    format!(
                        "footnote {} points to note {n}, which comes nowhere before it",
                        note.label
                    ),
                    Some(line),
                ));
                (Some(CitationKind::Supra), None, None)
            }
        },
        Form::Plain(text) => {
            if let Some((id, _)) = linker.best_match(&text) {
                return (Some(CitationKind::Direct), Some(id), None);
            }
            // `For the data, see Lee and Cho (2007).`: the note cites a listed work by its
            // authors and year.
            if let Some(id) = linker.author_year.cited(&text).into_iter().next() {
                return (Some(CitationKind::Direct), Some(id), None);
            }
            if !citation_like(&text, has_locator) {
                return (None, None, None);
            }
            let id = linker.add_from_footnote(&note.text, note.source);
            diags.push(Diagnostic::warning(
                "reference-from-footnote",
                format!(
                    "footnote {} cites a work missing from the reference list; added as {id}",
                    note.label
                ),
                Some(line),
            ));
            (Some(CitationKind::Direct), Some(id), None)
        }
    }
}

/// An op. cit. or a `supra` without a number: the earlier footnote whose work the words
/// before the form (`pre`) name, else the previous citing footnote when there are no such
/// words, else the reference those words match best.
fn resolve_earlier_work(
    linker: &Linker,
    note: &Footnote,
    earlier: &LookBack,
    previous_citing: Option<&Footnote>,
    pre: &str,
    kind: CitationKind,
    diags: &mut Vec<Diagnostic>,
) -> Resolved {
    let line = note.source.line;
    let pre_toks = toks(dedup(tokens(&without_urls(pre), &STOP)));
    let pre_hits = linker.vocab.hits(&pre_toks);
    // The latest earlier footnote whose work the words name: only works holding a word
    // found can be named.
    let named = earlier.latest_citing(
        linker
            .candidates(&pre_hits)
            .into_iter()
            .filter(|c| names_work(&pre_hits, &c.profile))
            .flat_map(|c| c.members.iter())
            .filter_map(|&m| linker.ids.get(m)),
    );
    match (named, pre_toks.is_empty()) {
        (Some(f), _) => {
            let (r, v) = via(f);
            (Some(kind), r, v)
        }
        (None, true) => match previous_citing {
            Some(f) => {
                let (r, v) = via(f);
                (Some(kind), r, v)
            }
            None => (Some(kind), None, None),
        },
        (None, false) => {
            let found = linker.best_match(pre).map(|(id, _)| id);
            if found.is_none() {
                diags.push(Diagnostic::warning(
                    "op-cit-unresolved",
                    format!(
                        "footnote {} refers to an earlier work that no earlier footnote or reference names",
                        note.label
                    ),
                    Some(line),
                ));
            }
            (Some(kind), found, None)
        }
    }
}

/// Classifies each footnote, links it to a reference and resolves ibid / op. cit. chains.
pub fn link_citations(
    footnotes: &mut [Footnote],
    groups: &mut Vec<ReferenceGroup>,
) -> Vec<Diagnostic> {
    let mut diags = Vec::new();
    let mut linker = Linker::new(groups);

    let mut back = BackState::default();
    for i in 0..footnotes.len() {
        let Some(note) = footnotes.get(i) else {
            continue;
        };
        let (locator, rest) = take_locator(&note.text);
        let (kind, reference_id, via_footnote_id) = resolve(
            &mut linker,
            note,
            &LookBack {
                footnotes,
                state: &back,
            },
            &rest,
            locator.is_some(),
            &mut diags,
        );
        if let Some(id) = &reference_id {
            back.last_citing = Some(i);
            back.last_citing_work.insert(id.clone(), i);
        }
        if let Some(note) = footnotes.get_mut(i) {
            back.last_of_number.insert(note.number, i);
            if let Some(kind) = kind {
                note.citation = Some(Citation {
                    kind,
                    reference_id,
                    via_footnote_id,
                    locator,
                });
            }
        }
    }

    // Every footnote that cites a reference, in footnote order.
    let mut cited_by: HashMap<&str, Vec<String>> = HashMap::new();
    for note in footnotes.iter() {
        if let Some(id) = note
            .citation
            .as_ref()
            .and_then(|c| c.reference_id.as_deref())
        {
            cited_by.entry(id).or_default().push(note.id.clone());
        }
    }
    for r in linker
        .groups
        .iter_mut()
        .flat_map(|g| g.references.iter_mut())
    {
        if let Some(notes) = cited_by.remove(r.id.as_str()) {
            r.cited_by.extend(notes);
        }
    }
    diags
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::references::extract_references;
    use crate::extract::text::Line;
    use crate::model::Document;

    /// The bounded comparison agrees with the normalized Levenshtein test it replaces, on
    /// Arabic and Latin words of near and far lengths.
    #[test]
    fn same_token_agrees_with_normalized_levenshtein() {
        let words = [
            "كتاب",
            "الكتاب",
            "كتب",
            "مكتبه",
            "السياسه",
            "سياسة",
            "السياسيه",
            "سياسي",
            "ديمقراطيه",
            "الديموقراطيه",
            "ديمقراطي",
            "politics",
            "political",
            "politic",
            "policy",
            "polity",
            "economy",
            "economics",
            "econ",
            "analysis",
            "analyses",
            "analysing",
            "review",
            "reviews",
            "reveiw",
            "جامعة",
            "جامعه",
            "الجامعه",
            "abcd",
            "abce",
            "abcdefgh",
            "abcdefgi",
            "abcdefhg",
            "zzzzzzzzzzzz",
            "z",
        ];
        let mut agree = 0;
        for a in words {
            for b in words {
                let expected = a == b
                    || (a.chars().count() >= 4
                        && b.chars().count() >= 4
                        && strsim::normalized_levenshtein(a, b) >= 0.75);
                let got = same_token(&toks(vec![a.to_string()])[0], &toks(vec![b.to_string()])[0]);
                assert_eq!(got, expected, "{a} / {b}");
                agree += usize::from(got);
            }
        }
        // Some pairs other than identical ones match, so the test exercises the fuzzy path.
        assert!(agree > words.len(), "{agree}");
    }

    /// Interned matching gives the pairwise coverages it replaces, with a query longer than
    /// one 64-bit word and fuzzy, exact and short tokens.
    #[test]
    fn vocabulary_hits_match_pairwise_comparison() {
        let words = |t: &str| t.split(' ').map(str::to_string).collect::<Vec<_>>();
        let mut vocab = Vocab::default();
        let title = vocab.intern(words("السياسه الخارجيه للدوله الحديثه"));
        let all = vocab.intern(words("policy review foreign affairs السياسه عام"));
        let mut q: Vec<String> = words("سياسه الخارجيه polcy reviews عام xyz");
        q.extend((0..70).map(|i| format!("filler{i}")));
        let query = toks(q);
        let hits = vocab.hits(&query);
        let brute_found = |id: usize| query.iter().any(|t| same_token(&vocab.toks[id], t));
        let expected_title =
            title.iter().filter(|&&id| brute_found(id)).count() as f64 / title.len() as f64;
        assert_eq!(hits.coverage_of(&title), expected_title);
        let expected_in = query
            .iter()
            .filter(|t| all.iter().any(|&id| same_token(t, &vocab.toks[id])))
            .count() as f64
            / query.len() as f64;
        assert_eq!(hits.coverage_in(&all), expected_in);
        // Exact `الخارجيه` only (`سياسه` is two letters short of `السياسه`); in `all`, fuzzy
        // `polcy` and `reviews` and the short exact `عام`.
        assert_eq!(hits.coverage_of(&title), 0.25);
        assert_eq!(hits.coverage_in(&all) * query.len() as f64, 3.0);
    }

    fn note(n: usize, page: usize, number: u32, text: &str) -> Footnote {
        Footnote {
            id: format!("fn{n}"),
            page,
            label: number.to_string(),
            number,
            text: text.to_string(),
            source: Span::line(n * 10),
            placement: Default::default(),
            citation: None,
        }
    }

    fn refs(src: &str) -> Vec<ReferenceGroup> {
        let lines: Vec<Line> = src
            .lines()
            .enumerate()
            .map(|(i, t)| Line::new(i + 1, t))
            .collect();
        extract_references(&lines).0
    }

    fn cite(f: &Footnote) -> (Option<CitationKind>, Option<&str>, Option<&str>) {
        match &f.citation {
            Some(c) => (
                Some(c.kind),
                c.reference_id.as_deref(),
                c.via_footnote_id.as_deref(),
            ),
            None => (None, None, None),
        }
    }

    /// The citation of every note, in order, for comparing a test's notes at once.
    fn cites(notes: &[Footnote]) -> Vec<(Option<CitationKind>, Option<&str>, Option<&str>)> {
        notes.iter().map(cite).collect()
    }

    #[test]
    fn english_footnotes_with_ibid_op_cit_and_supra() {
        let mut groups = refs("Bibliography\n- Ward, Helen. (2011). Rivers and Empires. Delta Press. London.\n- Osei, Kofi. (2016). Grain markets in the Sahel. Journal of Food Policy, 22(4), 310-333. https://doi.org/10.7777/jfp.22.4\n- Lund, Erik. (2009). Harbour Law. Norden University Press. Oslo.");
        let mut notes = vec![
            note(1, 1, 1, "Helen Ward, Rivers and Empires, London: Delta Press, 2011, p. 7."),
            note(2, 1, 2, "Ibid., pp. 9-11."),
            note(3, 1, 3, "Kofi Osei, \"Grain markets in the Sahel,\" Journal of Food Policy 22, no. 4 (2016): 312."),
            note(4, 2, 4, "This point is disputed by several authors who do not publish on it."),
            note(5, 2, 5, "Ward, op. cit., p. 40."),
            note(6, 2, 6, "Ibid."),
            note(7, 2, 7, "Erik Lund, Harbour Law (Oslo: Norden University Press, 2009), 14."),
            note(8, 3, 8, "Osei, supra note 3, at 315."),
            note(9, 3, 9, "Mara Quist, Salt and Silver, Coast Books, Bergen, 2001, p. 3."),
            note(10, 3, 10, "Quist, Op. Cit., p. 5."),
        ];
        let diags = link_citations(&mut notes, &mut groups);
        assert_eq!(
            cite(&notes[0]),
            (Some(CitationKind::Direct), Some("ref1"), None)
        );
        assert_eq!(
            cite(&notes[1]),
            (Some(CitationKind::Ibid), Some("ref1"), Some("fn1"))
        );
        assert_eq!(
            notes[1]
                .citation
                .as_ref()
                .and_then(|c| c.locator.as_ref())
                .map(|l| (l.label.as_str(), l.pages.first, l.pages.last)),
            Some(("pp.", Some(9), Some(11)))
        );
        assert_eq!(
            cite(&notes[2]),
            (Some(CitationKind::Direct), Some("ref2"), None)
        );
        assert_eq!(cite(&notes[3]), (None, None, None));
        assert_eq!(
            cite(&notes[4]),
            (Some(CitationKind::OpCit), Some("ref1"), Some("fn2"))
        );
        // An ibid after an op. cit. points to the op. cit.'s work.
        assert_eq!(
            cite(&notes[5]),
            (Some(CitationKind::Ibid), Some("ref1"), Some("fn5"))
        );
        assert_eq!(
            cite(&notes[6]),
            (Some(CitationKind::Direct), Some("ref3"), None)
        );
        assert_eq!(
            cite(&notes[7]),
            (Some(CitationKind::Supra), Some("ref2"), Some("fn3"))
        );
        // A work missing from the list is added from its footnote, with a warning.
        assert_eq!(
            cite(&notes[8]),
            (Some(CitationKind::Direct), Some("ref4"), None)
        );
        assert_eq!(
            cite(&notes[9]),
            (Some(CitationKind::OpCit), Some("ref4"), Some("fn9"))
        );
        let added = groups
            .iter()
            .flat_map(|g| &g.references)
            .find(|r| r.id == "ref4")
            .unwrap();
        assert!(added.from_footnote);
        assert_eq!(added.title.as_deref(), Some("Salt and Silver"));
        assert!(diags.iter().any(|d| d.code == "reference-from-footnote"));
        let r1 = groups
            .iter()
            .flat_map(|g| &g.references)
            .find(|r| r.id == "ref1")
            .unwrap();
        assert_eq!(r1.cited_by, vec!["fn1", "fn2", "fn5", "fn6"]);
    }

    #[test]
    fn arabic_footnotes_survive_spelling_variants_and_inversion() {
        let mut groups = refs("- المصادر العربية :\n - الزبيدي، منى عادل.(2003). مناهج البحوث في الإدارة العامة. دار الرافدين. بغداد.\n - الزبيدي، منى عادل.(2010). الإدارة المحلية والتنمية. دار الرافدين. بغداد.\n - هيئة الإحصاء الوطنية.(2019) التقرير السنوي للسكان.\n<https://stats.example.gov/2019>");
        let mut notes = vec![
            note(1, 1, 1, "منى عادل الزبيدى، مناهج البحث فى الادارة العامة، بغداد، دار الرافدين، ٢٠٠٣، ص ٢٢."),
            note(2, 1, 2, "المصدر نفسه، ص ص ٤٠-٤١."),
            note(3, 1, 3, "هيئة الإحصاء الوطنية، التقرير السنوي للسكان، 2019، على الرابط التالي: <https://stats.example.gov/2019>"),
            note(4, 2, 1, "منى عادل الزبيدي، الإدارة المحلية والتنمية، دار الرافدين، 2010، ص51."),
            note(5, 2, 2, "يرى الباحث أن هذه المسألة تحتاج إلى مزيد من النقاش في المستقبل."),
            note(6, 2, 3, "منى عادل الزبيدي، مصدر سبق ذكره، ص 60."),
            note(7, 2, 4, "هيئة الإحصاء الوطنية، المصدر السابق."),
        ];
        link_citations(&mut notes, &mut groups);
        assert_eq!(
            cite(&notes[0]),
            (Some(CitationKind::Direct), Some("ref1"), None)
        );
        let loc = notes[0]
            .citation
            .as_ref()
            .and_then(|c| c.locator.clone())
            .unwrap();
        assert_eq!(
            (loc.label.as_str(), loc.pages.raw.as_str(), loc.pages.first),
            ("ص", "٢٢", Some(22))
        );
        assert_eq!(
            cite(&notes[1]),
            (Some(CitationKind::Ibid), Some("ref1"), Some("fn1"))
        );
        assert_eq!(
            cite(&notes[2]),
            (Some(CitationKind::Direct), Some("ref3"), None)
        );
        assert_eq!(
            cite(&notes[3]),
            (Some(CitationKind::Direct), Some("ref2"), None)
        );
        assert_eq!(cite(&notes[4]), (None, None, None));
        // The most recent earlier footnote by the same author.
        assert_eq!(
            cite(&notes[5]),
            (Some(CitationKind::OpCit), Some("ref2"), Some("fn4"))
        );
        assert_eq!(
            cite(&notes[6]),
            (Some(CitationKind::OpCit), Some("ref3"), Some("fn3"))
        );
    }

    #[test]
    fn report_lists_each_footnote() {
        let mut doc = Document::default();
        doc.back.reference_groups =
            refs("- Ward, Helen. (2011). Rivers and Empires. Delta Press. London.");
        doc.back.footnotes = vec![
            note(
                1,
                4,
                1,
                "Helen Ward, Rivers and Empires, Delta Press, 2011, p. 7.",
            ),
            note(
                2,
                4,
                2,
                "A remark without any source at all, only an opinion of ours.",
            ),
        ];
        link_citations(&mut doc.back.footnotes, &mut doc.back.reference_groups);
        let report = crate::summary::citation_report(&doc);
        let lines: Vec<&str> = report.lines().collect();
        assert_eq!(lines.len(), 2);
        assert!(
            lines[0].starts_with("p4\t1\tdirect\tref1\tWard, Helen — Rivers and Empires\tp. 7"),
            "{}",
            lines[0]
        );
        assert!(lines[1].contains("\tnone\t"), "{}", lines[1]);
    }

    #[test]
    fn a_note_citing_by_author_and_year_links_to_the_listed_work() {
        let mut groups = refs("References\nOrtega, Lina/Brandt, Kai (2009): Harbour tolls in the long nineteenth century. Port History Review 12, 33-58.\nBrandt, Kai (2011): Customs books as sources. Archive Notes 4, 1-9.");
        let mut notes = vec![
            note(1, 1, 1, "For the toll series, see Ortega and Brandt (2009) and, on the sources, Brandt (2011)."),
            note(2, 1, 2, "For quotes of more than a dozen harbour masters, see Ortega and Brandt (2009)."),
        ];
        let diags = link_citations(&mut notes, &mut groups);
        let direct = (Some(CitationKind::Direct), Some("ref1"), None);
        assert_eq!(cites(&notes), vec![direct, direct]);
        let all: Vec<&Reference> = groups.iter().flat_map(|g| g.references.iter()).collect();
        assert_eq!(all.len(), 2);
        assert!(!diags.iter().any(|d| d.code == "reference-from-footnote"));
    }

    #[test]
    fn a_note_citing_two_years_of_one_author_links_and_adds_nothing() {
        let mut groups = refs("References\nMarsh, Ida (1973). Harbour dues in the north. Port Review 2, 1-9.\nMarsh, Ida (1979). Dock labour and the guilds. Port Review 8, 11-30.");
        let mut notes = vec![note(1, 1, 1, "See also MARSH (1973, 1979).")];
        let diags = link_citations(&mut notes, &mut groups);
        assert_eq!(
            cites(&notes),
            vec![(Some(CitationKind::Direct), Some("ref1"), None)]
        );
        let all: Vec<&Reference> = groups.iter().flat_map(|g| g.references.iter()).collect();
        assert_eq!(all.len(), 2);
        assert!(!diags.iter().any(|d| d.code == "reference-from-footnote"));
    }

    #[test]
    fn chicago_notes_link_to_a_bare_apa_list_in_sentence_case() {
        let mut groups = refs("References\nOkafor, C. N., & Lind, B. (2020). Ferry networks and island budgets. Island Studies Review, 9(4), 45–67. https://doi.org/10.4321/isr.94\nVarga, E. (2011). Managing river basins (3rd ed.). London: Tideway Press.\nNakamura, R. (2012). Coastal councils and the long shadow of debt: Evidence from five ports. Harbor Studies, 7(1), 1–20.");
        let mut notes = vec![
            note(1, 1, 1, "Chidi Okafor and Bea Lind, “Ferry Networks and Island Budgets,” Island Studies Review 9, no. 4 (2020), p. 50."),
            note(2, 1, 2, "Eva Varga, Managing River Basins, 3rd ed. (London: Tideway Press, 2011), pp. 10-12."),
            // A short title: the family name and the year carry the match.
            note(3, 2, 3, "Ryo Nakamura, Coastal Councils and Debt (2012), p. 4."),
            note(4, 2, 4, "Varga, op. cit., p. 30."),
        ];
        let diags = link_citations(&mut notes, &mut groups);
        assert_eq!(
            cites(&notes),
            vec![
                (Some(CitationKind::Direct), Some("ref1"), None),
                (Some(CitationKind::Direct), Some("ref2"), None),
                (Some(CitationKind::Direct), Some("ref3"), None),
                (Some(CitationKind::OpCit), Some("ref2"), Some("fn2")),
            ]
        );
        let all: Vec<&Reference> = groups.iter().flat_map(|g| g.references.iter()).collect();
        assert_eq!(all.len(), 3);
        assert!(all.iter().all(|r| !r.from_footnote));
        assert!(!diags.iter().any(|d| d.code == "reference-from-footnote"));
    }

    #[test]
    fn arabic_note_links_to_an_entry_whose_given_name_is_ali() {
        let mut groups = refs("المصادر\n١- الكعبي، حسن علي. (٢٠١٩). إدارة الموانئ النهرية. البصرة: دار الشط.\n٢- السامرائي، ندى. (٢٠٠٨). الجسور والمدن. بغداد: دار الرافدين.");
        let mut notes = vec![
            note(
                1,
                1,
                1,
                "حسن علي الكعبي، إدارة الموانئ النهرية، دار الشط، البصرة، ٢٠١٩، ص ١٤.",
            ),
            note(2, 1, 2, "المصدر نفسه، ص ٢٠."),
        ];
        link_citations(&mut notes, &mut groups);
        assert_eq!(
            cite(&notes[0]),
            (Some(CitationKind::Direct), Some("ref1"), None)
        );
        assert_eq!(
            cite(&notes[1]),
            (Some(CitationKind::Ibid), Some("ref1"), Some("fn1"))
        );
        let r1 = &groups[0].references[0];
        assert_eq!(r1.authors.len(), 1);
        assert_eq!(r1.title.as_deref(), Some("إدارة الموانئ النهرية"));
        assert_eq!(r1.cited_by, vec!["fn1", "fn2"]);
    }
}

#[cfg(test)]
mod sample_tests {
    use super::*;
    use crate::extract::references::extract_references;
    use crate::extract::text::{lines, Line};
    use crate::model::Document;

    /// The sample's footnotes built by hand from its text: a line opening with `(N)` is a
    /// footnote, a following URL line joins it with a space, and numbering restarting at 1
    /// opens a new page.
    fn sample_footnotes(all: &[Line]) -> Vec<Footnote> {
        static NOTE: LazyLock<Regex> =
            LazyLock::new(|| Regex::new(r"^\((\d+)\)\s*(.*)$").expect("valid regex"));
        let mut out: Vec<Footnote> = Vec::new();
        let mut page = 0;
        let mut open = false;
        for l in all {
            let text = l.text.trim();
            if let Some(c) = NOTE.captures(text) {
                let number = parse_number(&c[1]).unwrap_or(0);
                if number == 1 {
                    page += 1;
                }
                out.push(Footnote {
                    id: format!("fn{}", out.len() + 1),
                    page,
                    label: c[1].to_string(),
                    number,
                    text: c[2].trim().to_string(),
                    source: Span::line(l.number),
                    placement: Default::default(),
                    citation: None,
                });
                open = true;
            } else if open && text.starts_with('<') {
                if let Some(f) = out.last_mut() {
                    f.text.push(' ');
                    f.text.push_str(text);
                }
            } else if !text.is_empty() {
                open = false;
            }
        }
        out
    }

    /// Footnote n (1-based) → (kind, reference, via footnote, has a locator), worked out by
    /// hand from the sample. D direct, I ibid, O op. cit.
    const EXPECTED: [(char, u32, u32, bool); 49] = [
        ('D', 15, 0, true),
        ('D', 1, 0, true),
        ('D', 5, 0, true),
        ('D', 4, 0, true),
        ('D', 31, 0, true),
        ('D', 3, 0, true),
        ('D', 17, 0, true),
        ('D', 27, 0, true),
        ('D', 28, 0, true),
        ('O', 17, 7, true),
        ('O', 28, 9, true),
        ('O', 27, 8, true),
        ('D', 24, 0, false),
        ('D', 8, 0, true),
        ('D', 6, 0, true),
        ('D', 16, 0, false),
        ('D', 29, 0, true),
        ('D', 19, 0, false),
        ('D', 13, 0, false),
        ('O', 29, 17, true),
        ('O', 29, 20, true),
        ('D', 26, 0, false),
        ('D', 2, 0, false),
        ('D', 23, 0, false),
        ('D', 21, 0, true),
        ('O', 23, 24, false),
        ('D', 22, 0, false),
        ('D', 20, 0, false),
        ('I', 20, 28, false),
        ('D', 25, 0, false),
        ('D', 12, 0, false),
        ('D', 11, 0, false),
        ('D', 33, 0, false),
        ('D', 7, 0, false),
        ('D', 36, 0, false),
        ('D', 18, 0, false),
        ('D', 9, 0, false),
        ('D', 14, 0, false),
        ('D', 37, 0, false),
        ('D', 10, 0, false),
        ('D', 32, 0, false),
        ('I', 32, 41, false),
        ('D', 34, 0, false),
        ('D', 35, 0, false),
        ('O', 36, 35, false),
        ('I', 36, 45, false),
        ('D', 30, 0, false),
        ('O', 37, 39, false),
        ('O', 36, 46, false),
    ];

    #[test]
    fn sample_footnotes_link_as_worked_out_by_hand() {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/samples/political-issues-000.txt"
        );
        let text = std::fs::read_to_string(path).expect("the bundled sample is readable");
        let all = lines(&text);
        let heading = all
            .iter()
            .rposition(|l| {
                t::equals_any(
                    l.text.trim().trim_end_matches([':', ' ']),
                    &all_of(|m| m.list_headings),
                )
            })
            .unwrap_or(all.len());
        let (mut groups, _) = extract_references(all.get(heading + 1..).unwrap_or(&[]));
        let mut notes = sample_footnotes(all.get(..heading).unwrap_or(&[]));
        assert_eq!(notes.len(), 49);
        let total: usize = groups.iter().map(|g| g.references.len()).sum();
        assert_eq!(total, 37);
        link_citations(&mut notes, &mut groups);
        let mut wrong = Vec::new();
        for (i, (f, &(k, r, v, loc))) in notes.iter().zip(EXPECTED.iter()).enumerate() {
            let kind = match k {
                'I' => CitationKind::Ibid,
                'O' => CitationKind::OpCit,
                _ => CitationKind::Direct,
            };
            let want = (
                Some(kind),
                Some(format!("ref{r}")),
                (v > 0).then(|| format!("fn{v}")),
                loc,
            );
            let got = (
                f.citation.as_ref().map(|c| c.kind),
                f.citation.as_ref().and_then(|c| c.reference_id.clone()),
                f.citation.as_ref().and_then(|c| c.via_footnote_id.clone()),
                f.citation.as_ref().is_some_and(|c| c.locator.is_some()),
            );
            if want != got {
                wrong.push(format!("fn{}: want {want:?} got {got:?}", i + 1));
            }
        }
        assert!(wrong.is_empty(), "{}", wrong.join("\n"));
        let located = notes
            .iter()
            .filter(|f| f.citation.as_ref().is_some_and(|c| c.locator.is_some()))
            .count();
        assert_eq!(located, 18);
        let report = crate::summary::citation_report(&Document {
            back: crate::model::Back {
                footnotes: notes.clone(),
                reference_groups: groups.clone(),
            },
            ..Document::default()
        });
        println!("{report}");
        let all_refs: Vec<&Reference> = groups.iter().flat_map(|g| &g.references).collect();
        assert!(all_refs
            .iter()
            .all(|r| !r.cited_by.is_empty() && !r.from_footnote));
        let urls = all_refs.iter().filter(|r| r.url.is_some()).count();
        assert_eq!(urls, 22);
        assert_eq!(
            groups
                .iter()
                .map(|g| g.references.len())
                .collect::<Vec<_>>(),
            vec![29, 8]
        );
        // Raw text is the printed entry without its bullet, wrapped lines kept.
        for r in &all_refs {
            let printed: Vec<&str> = (r.source.line..=r.source.end_line)
                .filter_map(|n| all.get(n - 1))
                .map(|l| l.text.trim())
                .collect();
            let first = printed
                .first()
                .map_or("", |x| x.trim_start_matches('-').trim());
            let mut want = vec![first];
            want.extend(printed.iter().skip(1));
            assert_eq!(r.raw, want.join("\n"), "{}", r.id);
        }
        let ty = |n: usize| all_refs.get(n - 1).map(|r| r.ref_type);
        assert_eq!(ty(1), Some(ReferenceType::MastersThesis));
        assert_eq!(ty(29), Some(ReferenceType::DoctoralThesis));
        assert_eq!(ty(3), Some(ReferenceType::Book));
        assert_eq!(ty(4), Some(ReferenceType::JournalArticle));
        assert_eq!(all_refs.get(3).and_then(|r| r.issue.as_deref()), Some("43"));
        assert_eq!(ty(16), Some(ReferenceType::NewsArticle));
        assert_eq!(ty(36), Some(ReferenceType::WebPage));
    }

    /// Works dated in parentheses, as Bluebook and APA notes print them, read as citations;
    /// periods of time and years in a sentence without an author do not.
    #[test]
    fn parenthesised_years_date_cited_works() {
        let cites = |t: &str| citation_like(t, false);
        assert!(cites("JANE ROE, A HISTORY OF RIVERS 65 (1989)."));
        assert!(cites(
            "See 2 OMAR HADDAD, LAKES AND SEAS 80 (Lake Press 1950) (1801)."
        ));
        assert!(cites(
            "Rivers Society of Oslo. (1975). Rivers: a course. Lake Press."
        ));
        assert!(cites("Roe, J. (2018, June 28). The lakes. Lake Press."));
        assert!(cites(
            "The exercise lets pupils think about a question and connect ideas before a \
             discussion with the class (see Roe, J. & Doe, K. (2013). Lakes. Lake Press)."
        ));
        assert!(!cites(
            "The rivers rose during the long war (1881-1914), as expected."
        ));
        assert!(!cites("The Lake Act (1998) changed little."));
        // A year in a sentence whose lead names no one is a remark, not a citation.
        assert!(!cites(
            "A third course on lakes will be taught in the spring term of 2003, with two \
             field trips, and a reading list."
        ));
        assert!(!cites(
            "Since the 1990s, when the lake shrank, fishers moved north, as in 2004."
        ));
        assert!(cites("Jane Roe, Lakes of the North, Oslo, 2003."));
        assert!(cites("Roe and Doe, Lakes and Seas, 2003, 12."));
        assert_eq!(dated_parenthetical("Rivers (1881 – 1914)."), None);
        assert_eq!(
            dated_parenthetical("In the river basin, Roe, J. (2001)."),
            Some(DatedBy::Initial)
        );
    }
}
