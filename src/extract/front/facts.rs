//! Publication facts printed on the first page: submission history dates (`Received: …`,
//! `تاريخ القبول: …`), the DOI, and the volume/issue of a journal running head
//! (`Vol. 12, No. 2`, `المجلد ١٢ العدد ٢`, `العدد الثالث`).
//!
//! Dates: a slashed numeric date is read day/month/year (the order of Arabic and most
//! non-US journals), unless its first number has four digits (year/month/day, also what an
//! RTL extraction makes of a reversed `d/m/y`). When day/month/year is impossible but
//! month/day/year is not (`3/15/2024`), the latter is taken. Month names come from the
//! marker tables; text after a `الموافق` (a date in another calendar) is ignored. A date that
//! cannot be read keeps its raw text and is reported.

use super::names::{fold, longest_match, match_at_start};
use crate::extract::markers::common::{self, Numbered};
use crate::extract::markers::front::ALL;
use crate::extract::text::Line;
use crate::model::{
    Diagnostic, Doi, HistoryDate, HistoryKind, IsoDate, Numbering, PartialDate, Printed, Span,
};
use crate::script::{parse_number, western_digits};
use regex::Regex;
use std::sync::LazyLock;

/// Characters that may open a line before its label (bullets, brackets).
const LEAD: &str = "*•-–—([";

/// Earliest and latest year taken for a Gregorian history date (a Hijri `1445` is not one).
const YEARS: std::ops::RangeInclusive<i32> = 1900..=2100;

/// A numeric date `15/3/2024`, `2024-03-15`, `15.3.2024` (Western digits).
static NUMERIC_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?:^|[^0-9])([0-9]{1,4})\s*[/.\-]\s*([0-9]{1,2})\s*[/.\-]\s*([0-9]{1,4})(?:$|[^0-9])",
    )
    .expect("valid regex")
});

/// A numeric month and year `03/2024` or `2024/03` (Western digits), alone.
static MONTH_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:([0-9]{1,2})\s*[/.\-]\s*([0-9]{4})|([0-9]{4})\s*[/.\-]\s*([0-9]{1,2}))$")
        .expect("valid regex")
});

/// A run of digits (Western).
static NUMBER: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"[0-9]+").expect("valid regex"));

/// A number right after a volume/issue word: `: 12`, `(١٢)`, `#3`, `64-65`.
static NUMBER_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^[\s:：.#№(\[]*([0-9٠-٩۰-۹]{1,4}(?:\s*[-–]\s*[0-9٠-٩۰-۹]{1,3})?)(?:$|[^0-9٠-٩۰-۹/.])",
    )
    .expect("valid regex")
});

/// An issue in brackets right after a volume number: `12(2)`, `12 (2)`.
static BRACKET_ISSUE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*\(\s*([0-9٠-٩۰-۹]{1,4})\s*\)").expect("valid regex"));

/// Publication facts read from the front zone of a paper.
#[derive(Debug, Clone, Default, PartialEq)]
pub(super) struct Facts {
    /// History dates, in the order printed.
    pub history: Vec<HistoryDate>,
    /// The first DOI printed on a DOI or journal line, without a resolver.
    pub doi: Option<Printed<Doi>>,
    /// Volume as printed (an ordinal word is given as a Western number).
    pub volume: Option<Numbering>,
    /// Issue as printed (an ordinal word is given as a Western number).
    pub issue: Option<Numbering>,
    /// What could not be read.
    pub warnings: Vec<Diagnostic>,
}

/// Reads history, DOI and volume/issue from `lines` (the front zone, in order).
/// `is_journal` tells a journal running head whose volume/issue may be read.
pub(super) fn read_facts(lines: &[Line<'_>], is_journal: impl Fn(&Line<'_>) -> bool) -> Facts {
    let mut facts = Facts::default();
    for line in lines {
        let t = line.text.trim();
        if t.is_empty() {
            continue;
        }
        if is_history_line(t) {
            let (dates, warnings) = read_history(t, line.number);
            facts.history.extend(dates);
            facts.warnings.extend(warnings);
            continue;
        }
        let journal = is_journal(line);
        if facts.doi.is_none() && (journal || is_doi_line(t)) {
            facts.doi = doi_in(t).map(Printed::from_value);
        }
        if journal {
            let (v, i) = read_volume_issue(t);
            if facts.volume.is_none() {
                facts.volume = v.map(Numbering::new);
            }
            if facts.issue.is_none() {
                facts.issue = i.map(Numbering::new);
            }
        }
    }
    facts
}

/// `text` without leading bullets, brackets and spaces.
fn strip_lead(text: &str) -> &str {
    text.trim_start_matches(|c: char| c.is_whitespace() || LEAD.contains(c))
}

/// The history label `text` starts with, as (event, matched byte length); the longest label
/// of all tables wins.
fn label_at(text: &str) -> Option<(HistoryKind, usize)> {
    let mut best: Option<(usize, HistoryKind, usize)> = None;
    for label in ALL.iter().flat_map(|m| m.history_labels.iter()) {
        if let Some(len) = match_at_start(text, label.written, false) {
            let chars = label.written.chars().count();
            if best.is_none_or(|(b, _, _)| chars > b) {
                best = Some((chars, label.kind, len));
            }
        }
    }
    best.map(|(_, kind, len)| (kind, len))
}

/// The part of a history line from its first label on (after bullets and an
/// `Article history:` heading), when the line is one.
fn history_body(text: &str) -> Option<&str> {
    let t = strip_lead(text);
    if label_at(t).is_some() {
        return Some(t);
    }
    let headings = ALL.iter().flat_map(|m| m.history_headings.iter().copied());
    let (_, len) = longest_match(t, headings, false)?;
    let rest = t
        .get(len..)?
        .trim_start_matches(|c: char| c.is_whitespace() || ":：-–—".contains(c));
    label_at(rest).map(|_| rest)
}

/// Whether `text` is a submission-history line (`Received: …`, `تاريخ الاستلام: …`,
/// `Article history: Received …`).
pub(super) fn is_history_line(text: &str) -> bool {
    // A label then a colon or a number: `Received wisdom holds …` is prose.
    history_body(text).is_some_and(|t| {
        let rest = label_at(t).and_then(|(_, len)| t.get(len..)).unwrap_or("");
        rest.trim_start().starts_with([':', '：']) || rest.chars().any(crate::script::is_digit)
    })
}

/// Byte offsets where words start in `text`.
fn word_starts(text: &str) -> Vec<usize> {
    let mut prev = false;
    let mut out = Vec::new();
    for (i, c) in text.char_indices() {
        let w = c.is_alphanumeric();
        if w && !prev {
            out.push(i);
        }
        prev = w;
    }
    out
}

/// Reads every labelled date of a history line (`Received 2024-03-15; Accepted 2024-05-02`).
pub(super) fn read_history(text: &str, line: usize) -> (Vec<HistoryDate>, Vec<Diagnostic>) {
    let mut dates = Vec::new();
    let mut warnings = Vec::new();
    let Some(t) = history_body(text).filter(|_| is_history_line(text)) else {
        return (dates, warnings);
    };
    // (label start, label end, event), labels found at word starts outside earlier labels.
    let mut found: Vec<(usize, usize, HistoryKind)> = Vec::new();
    let mut after = 0;
    for start in word_starts(t) {
        if start < after {
            continue;
        }
        if let Some((kind, len)) = t.get(start..).and_then(label_at) {
            found.push((start, start + len, kind));
            after = start + len;
        }
    }
    for (k, &(_, end, kind)) in found.iter().enumerate() {
        let stop = found.get(k + 1).map_or(t.len(), |f| f.0);
        let raw = t
            .get(end..stop)
            .unwrap_or("")
            .trim_matches(|c: char| c.is_whitespace() || ":：-–—()[]|;,،؛./•".contains(c));
        if raw.is_empty() {
            warnings.push(Diagnostic::warning(
                "history-date-missing",
                "a submission-history label has no date after it",
                Some(line),
            ));
            continue;
        }
        let date = parse_date(raw);
        if date.is_none() {
            warnings.push(Diagnostic::warning(
                "history-date-unparsed",
                format!(
                    "the history date `{raw}` could not be read as a date; it is kept as printed"
                ),
                Some(line),
            ));
        }
        dates.push(HistoryDate {
            kind,
            date,
            raw: raw.to_string(),
            source: Some(Span::line(line)),
        });
    }
    (dates, warnings)
}

/// A full date when the numbers make one that exists.
fn full_date(year: u32, month: u32, day: u32) -> Option<PartialDate> {
    let year = i32::try_from(year).ok().filter(|y| YEARS.contains(y))?;
    let month = u8::try_from(month).ok()?;
    let day = u8::try_from(day).ok()?;
    IsoDate::new(year, Some(month), Some(day))
        .ok()
        .map(PartialDate::from)
}

/// A year (and optional month) when they make one.
fn partial_date(year: u32, month: Option<u32>) -> Option<PartialDate> {
    let year = i32::try_from(year).ok().filter(|y| YEARS.contains(y))?;
    let month = match month {
        Some(m) => Some(u8::try_from(m).ok()?),
        None => None,
    };
    IsoDate::new(year, month, None).ok().map(PartialDate::from)
}

/// The month names found in `text`, by value.
fn months_in(text: &str) -> Vec<u32> {
    let months = || common::ALL.iter().flat_map(|m| m.months.iter());
    let mut found: Vec<u32> = Vec::new();
    let mut after = 0;
    for start in word_starts(text) {
        if start < after {
            continue;
        }
        let rest = text.get(start..).unwrap_or("");
        let best = longest_numbered(rest, months(), true);
        if let Some((value, len)) = best {
            found.push(value);
            after = start + len;
        }
    }
    found
}

/// The longest of `entries` that `text` starts with, as (value, matched byte length). With
/// `dots_flexible`, an entry's final dot may be missing in the text.
fn longest_numbered<'e>(
    text: &str,
    entries: impl Iterator<Item = &'e Numbered>,
    dots_flexible: bool,
) -> Option<(u32, usize)> {
    let mut best: Option<(usize, u32, usize)> = None;
    for e in entries {
        // `Feb.` also matches `Feb` (a missing final dot).
        let bare = e.written.strip_suffix('.').filter(|_| dots_flexible);
        let found = match_at_start(text, e.written, false)
            .or_else(|| bare.and_then(|b| match_at_start(text, b, false)));
        if let Some(len) = found {
            let chars = e.written.chars().count();
            if best.is_none_or(|(b, _, _)| chars > b) {
                best = Some((chars, e.value, len));
            }
        }
    }
    best.map(|(_, v, len)| (v, len))
}

/// `text` cut before a word that introduces a date in another calendar (`الموافق`).
fn cut_alternate_calendar(text: &str) -> &str {
    let stops = || ALL.iter().flat_map(|m| m.date_stop_words.iter().copied());
    for start in word_starts(text) {
        let rest = text.get(start..).unwrap_or("");
        if longest_match(rest, stops(), false).is_some() {
            return text.get(..start).unwrap_or(text);
        }
    }
    text
}

/// Reads a printed date: numeric (`15/3/2024`, `2024-03-15`, `٢٠٢٤/٥/٢`), with a month name
/// (`15 March 2024`, `March 15, 2024`, `١٥ كانون الثاني ٢٠٢٤`), month and year, or a year.
pub(super) fn parse_date(raw: &str) -> Option<PartialDate> {
    let text = western_digits(cut_alternate_calendar(raw));
    let text = text.trim();
    if let Some(c) = NUMERIC_DATE.captures(text) {
        let part = |i: usize| c.get(i).map_or("", |m| m.as_str());
        let (a, b, z) = (part(1), part(2), part(3));
        let n = |s: &str| parse_number(s).unwrap_or(0);
        return if a.len() == 4 {
            full_date(n(a), n(b), n(z))
        } else if z.len() == 4 {
            full_date(n(z), n(b), n(a)).or_else(|| full_date(n(z), n(a), n(b)))
        } else {
            None
        };
    }
    let numbers: Vec<&str> = NUMBER.find_iter(text).map(|m| m.as_str()).collect();
    let months = months_in(text);
    if let Some(&month) = months.first() {
        if months.iter().any(|m| *m != month) {
            return None;
        }
        let years: Vec<&&str> = numbers.iter().filter(|n| n.len() == 4).collect();
        let days: Vec<&&str> = numbers.iter().filter(|n| n.len() <= 2).collect();
        if years.len() != 1 || days.len() > 1 || years.len() + days.len() != numbers.len() {
            return None;
        }
        let year = years.first().and_then(|y| parse_number(y))?;
        return match days.first().and_then(|d| parse_number(d)) {
            Some(day) => full_date(year, month, day),
            None => partial_date(year, Some(month)),
        };
    }
    if let Some(c) = MONTH_YEAR.captures(text) {
        let get = |i: usize| c.get(i).and_then(|m| parse_number(m.as_str()));
        return match (get(1), get(2), get(3), get(4)) {
            (Some(m), Some(y), _, _) | (_, _, Some(y), Some(m)) => partial_date(y, Some(m)),
            _ => None,
        };
    }
    match numbers.as_slice() {
        [year] if year.len() == 4 => partial_date(parse_number(year)?, None),
        _ => None,
    }
}

/// Whether `text` is a line that gives the article's DOI: it opens with a DOI label or a
/// resolver address and holds a DOI.
pub(super) fn is_doi_line(text: &str) -> bool {
    let t = strip_lead(text);
    let labelled = Doi::starts_with_resolver(t)
        || longest_match(
            t,
            ALL.iter().flat_map(|m| m.doi_labels.iter().copied()),
            false,
        )
        .is_some();
    labelled && Doi::find(t).is_some()
}

/// The first DOI in `text`, without resolver and trailing punctuation.
pub(super) fn doi_in(text: &str) -> Option<Doi> {
    Doi::find(text).map(|found| found.doi)
}

/// Reads an ordinal word at the start of `text` (`الثالث`, `الحادي عشر`, `الحادي والعشرون`),
/// as its value.
fn ordinal_at(text: &str) -> Option<u32> {
    let units = || ALL.iter().flat_map(|m| m.ordinal_units.iter());
    let tens = || ALL.iter().flat_map(|m| m.ordinal_tens.iter());
    if let Some((t, _)) = longest_numbered(text, tens(), false) {
        return Some(t);
    }
    let (unit, len) = longest_numbered(text, units(), false)?;
    let rest = text.get(len..).unwrap_or("").trim_start();
    let teens = ALL.iter().flat_map(|m| m.ordinal_teen.iter().copied());
    if unit < 10 && longest_match(rest, teens, false).is_some() {
        return Some(10 + unit);
    }
    for and in ALL.iter().flat_map(|m| m.ordinal_and.iter().copied()) {
        if let Some(after) = rest.strip_prefix(and) {
            if let Some((t, _)) = longest_numbered(after, tens(), false) {
                return Some(t + unit);
            }
        }
    }
    Some(unit)
}

/// The number printed right after a volume/issue word: digits as printed, or an ordinal
/// word's value in Western digits. Also the `(2)` issue printed right after it.
fn number_after(rest: &str) -> Option<(String, Option<String>)> {
    if let Some(c) = NUMBER_AFTER.captures(rest) {
        let m = c.get(1)?;
        let bracket = rest
            .get(m.end()..)
            .and_then(|r| BRACKET_ISSUE.captures(r))
            .and_then(|b| b.get(1))
            .map(|b| b.as_str().to_string());
        return Some((m.as_str().to_string(), bracket));
    }
    let t = rest.trim_start_matches(|c: char| c.is_whitespace() || ":：".contains(c));
    ordinal_at(t).map(|n| (n.to_string(), None))
}

/// Volume and issue read from a journal head: the number right after a volume word
/// (`Vol. 12`, `المجلد ١٢`) and after an issue word (`No. 2`, `العدد ٢`, `العدد الثالث`), or
/// `Vol. 12(2)`. A value is given only when every statement of it on the line agrees.
pub(super) fn read_volume_issue(text: &str) -> (Option<String>, Option<String>) {
    let vol_words = || ALL.iter().flat_map(|m| m.volume_words.iter().copied());
    let iss_words = || {
        ALL.iter()
            .flat_map(|m| m.issue_number_words.iter().copied())
    };
    let mut volumes: Vec<String> = Vec::new();
    let mut issues: Vec<String> = Vec::new();
    let mut after = 0;
    for start in word_starts(text) {
        if start < after {
            continue;
        }
        let rest = text.get(start..).unwrap_or("");
        let vol = longest_match(rest, vol_words(), true);
        let iss = longest_match(rest, iss_words(), true);
        let (is_volume, len) = match (vol, iss) {
            (Some((_, v)), Some((_, i))) => (v >= i, v.max(i)),
            (Some((_, v)), None) => (true, v),
            (None, Some((_, i))) => (false, i),
            (None, None) => continue,
        };
        after = start + len;
        let Some((number, bracket)) = rest.get(len..).and_then(number_after) else {
            continue;
        };
        if is_volume {
            volumes.push(number);
            issues.extend(bracket);
        } else {
            issues.push(number);
        }
    }
    let agreed = |values: Vec<String>| {
        let first = values.first()?.clone();
        let key = |v: &str| fold(&western_digits(v));
        values
            .iter()
            .all(|v| key(v) == key(&first))
            .then_some(first)
    };
    (agreed(volumes), agreed(issues))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: Option<u8>, d: Option<u8>) -> Option<PartialDate> {
        Some(PartialDate {
            year: y,
            month: m,
            day: d,
        })
    }

    #[test]
    fn reads_numeric_dates_in_both_orders() {
        assert_eq!(parse_date("١٥/٣/٢٠٢٤"), date(2024, Some(3), Some(15)));
        assert_eq!(parse_date("2024/5/2"), date(2024, Some(5), Some(2)));
        assert_eq!(parse_date("2024-03-15"), date(2024, Some(3), Some(15)));
        assert_eq!(parse_date("02.05.2024"), date(2024, Some(5), Some(2)));
        // Impossible as day/month/year, possible as month/day/year.
        assert_eq!(parse_date("3/15/2024"), date(2024, Some(3), Some(15)));
        assert_eq!(parse_date("31/2/2024"), None);
        assert_eq!(parse_date("15/3/24"), None);
    }

    #[test]
    fn reads_month_names_in_arabic_and_english() {
        assert_eq!(parse_date("15 March 2024"), date(2024, Some(3), Some(15)));
        assert_eq!(parse_date("March 15, 2024"), date(2024, Some(3), Some(15)));
        assert_eq!(parse_date("Sept. 2023"), date(2023, Some(9), None));
        assert_eq!(parse_date("2 Feb 2021"), date(2021, Some(2), Some(2)));
        assert_eq!(parse_date("2 Feb. 2021"), date(2021, Some(2), Some(2)));
        assert_eq!(
            parse_date("٣ كانون الثاني ٢٠٢٣"),
            date(2023, Some(1), Some(3))
        );
        assert_eq!(
            parse_date("20 تشرين الأول 2022"),
            date(2022, Some(10), Some(20))
        );
        assert_eq!(parse_date("٧ ابريل ٢٠٢١"), date(2021, Some(4), Some(7)));
        assert_eq!(parse_date("أيار/مايو 2020"), date(2020, Some(5), None));
        // Two different months: unsure.
        assert_eq!(parse_date("May June 2020"), None);
    }

    #[test]
    fn reads_partial_dates_and_refuses_other_calendars() {
        assert_eq!(parse_date("2019"), date(2019, None, None));
        assert_eq!(parse_date("06/2019"), date(2019, Some(6), None));
        assert_eq!(parse_date("1445"), None);
        assert_eq!(
            parse_date("١٠/١/٢٠٢٤م الموافق ٢٨/٦/١٤٤٥هـ"),
            date(2024, Some(1), Some(10))
        );
        assert_eq!(parse_date("soon"), None);
    }

    #[test]
    fn reads_several_labels_on_one_line() {
        let (d, w) = read_history("Received 2024-03-15; Accepted 2024-05-02", 4);
        assert!(w.is_empty());
        assert_eq!(d.len(), 2);
        assert_eq!(d[0].kind, HistoryKind::Received);
        assert_eq!(d[0].raw, "2024-03-15");
        assert_eq!(d[1].kind, HistoryKind::Accepted);
        assert_eq!(d[1].date, date(2024, Some(5), Some(2)));
        assert_eq!(d[1].source, Some(Span::line(4)));
    }

    #[test]
    fn longer_labels_win_and_headings_are_skipped() {
        let (d, _) = read_history(
            "Article history: Received 1 Feb 2021, Received in revised form 9 Mar. 2021",
            1,
        );
        let kinds: Vec<HistoryKind> = d.iter().map(|h| h.kind).collect();
        assert_eq!(kinds, [HistoryKind::Received, HistoryKind::Revised]);
        assert_eq!(d[1].date, date(2021, Some(3), Some(9)));
    }

    #[test]
    fn reads_arabic_history_lines() {
        let (d, w) = read_history("تاريخ الاستلام: ١٥/٣/٢٠٢٤     تاريخ القبول : 2024/5/2", 2);
        assert!(w.is_empty());
        assert_eq!(d.len(), 2);
        assert_eq!(d[0].raw, "١٥/٣/٢٠٢٤");
        assert_eq!(d[0].date, date(2024, Some(3), Some(15)));
        assert_eq!(d[1].kind, HistoryKind::Accepted);
        let (d, _) = read_history("- قبول النشر: ٢ حزيران ٢٠٢٢", 3);
        assert_eq!(d[0].kind, HistoryKind::Accepted);
        assert_eq!(d[0].date, date(2022, Some(6), Some(2)));
        let (d, _) = read_history("تاريخ النشر ١٢-١٢-٢٠٢٣", 3);
        assert_eq!(d[0].kind, HistoryKind::Published);
        assert_eq!(d[0].date, date(2023, Some(12), Some(12)));
    }

    #[test]
    fn keeps_unreadable_dates_raw_and_warns() {
        let (d, w) = read_history("استلام البحث: قريبا", 7);
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].raw, "قريبا");
        assert_eq!(d[0].date, None);
        assert_eq!(w.len(), 1);
        assert_eq!(w[0].code, "history-date-unparsed");
        assert_eq!(w[0].line, Some(7));
    }

    #[test]
    fn tells_history_lines_from_prose() {
        assert!(is_history_line("* Received: 3 May 2020"));
        assert!(is_history_line("تاريخ الاستلام ٢٠٢٠"));
        assert!(!is_history_line("The paper received wide attention."));
        assert!(!is_history_line(
            "Received wisdom holds that boards are weak."
        ));
        assert!(is_history_line("Accepted: pending"));
        assert!(!is_history_line("وقد تم قبول الطلب في ٢٠٢٠"));
    }

    #[test]
    fn reads_dois() {
        assert!(is_doi_line("DOI: 10.1234/abc.2024.12"));
        assert!(is_doi_line("https://doi.org/10.1234/xyz"));
        assert!(!is_doi_line("See 10.1234/xyz for details"));
        let doi = |t: &str| doi_in(t).map(|d| d.to_string());
        assert_eq!(
            doi("DOI: 10.1234/abc.2024.12.").as_deref(),
            Some("10.1234/abc.2024.12")
        );
        assert_eq!(doi("https://dx.doi.org/10.55/x)"), None);
        assert_eq!(
            doi("https://doi.org/10.5555/x-1").as_deref(),
            Some("10.5555/x-1")
        );
    }

    #[test]
    fn reads_volume_and_issue() {
        let s = |v: &str| Some(v.to_string());
        assert_eq!(
            read_volume_issue("Vol. 12, No. 2 (2024)"),
            (s("12"), s("2"))
        );
        assert_eq!(
            read_volume_issue("Journal of Things 7(3), 2021"),
            (None, None)
        );
        assert_eq!(read_volume_issue("Volume 7(3), 2021"), (s("7"), s("3")));
        assert_eq!(
            read_volume_issue("المجلد ١٢ العدد ٢ ٢٠٢٤"),
            (s("١٢"), s("٢"))
        );
        assert_eq!(read_volume_issue("مجلد 12 عدد 2"), (s("12"), s("2")));
        assert_eq!(
            read_volume_issue("مجلة كذا، المجلد (٥)، العدد (١)"),
            (s("٥"), s("١"))
        );
        assert_eq!(read_volume_issue("مجلة كذا - العدد الثالث"), (None, s("3")));
        assert_eq!(
            read_volume_issue("مجلة كذا - العدد الحادي عشر"),
            (None, s("11"))
        );
        assert_eq!(
            read_volume_issue("مجلة كذا - العدد الثاني والعشرون"),
            (None, s("22"))
        );
        assert_eq!(read_volume_issue("مجلة كذا - العدد الخاص"), (None, None));
        assert_eq!(read_volume_issue("العددان 64-65"), (None, None));
        assert_eq!(read_volume_issue("العدد 64-65"), (None, s("64-65")));
        // Disagreeing statements: unsure.
        assert_eq!(read_volume_issue("No. 2 ... No. 3"), (None, None));
    }
}
