//! Identifiers and machine fields, each defined once: ISSN, DOI, ORCID iD, ISO 8601 dates,
//! BCP 47 language tags, and the Gregorian calendar rules they rely on.
//!
//! Every type parses with [`std::str::FromStr`] into a typed error that says what is wrong,
//! and displays in its canonical form (`parse(display(x)) == x`). The model keeps the printed
//! text next to the reading with [`crate::model::Printed`]. No input makes a parser panic.

use super::common::PartialDate;
use regex::Regex;
use std::fmt;
use std::str::FromStr;
use std::sync::LazyLock;
use thiserror::Error;

// ---------------------------------------------------------------------------------------
// Calendar
// ---------------------------------------------------------------------------------------

/// English month names, for messages.
const MONTH_NAMES: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// The English name of a month (1–12), for messages.
fn month_name(month: &u8) -> &'static str {
    usize::from(*month)
        .checked_sub(1)
        .and_then(|i| MONTH_NAMES.get(i))
        .copied()
        .unwrap_or("that month")
}

/// Whether `year` is a Gregorian leap year.
pub fn is_leap_year(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

/// Days in `month` (1–12) of `year` (Gregorian); `None` when there is no such month.
pub fn days_in_month(year: i32, month: u8) -> Option<u8> {
    match month {
        2 if is_leap_year(year) => Some(29),
        2 => Some(28),
        4 | 6 | 9 | 11 => Some(30),
        1..=12 => Some(31),
        _ => None,
    }
}

/// The most days `month` has in any year (29 for February), for a date whose year is unknown.
pub fn max_days_in_month(month: u8) -> Option<u8> {
    match month {
        2 => Some(29),
        _ => days_in_month(1, month),
    }
}

// ---------------------------------------------------------------------------------------
// ISO 8601 dates
// ---------------------------------------------------------------------------------------

/// Why a text is not an ISO 8601 date.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum DateError {
    /// The text does not have the form `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    #[error("`{0}` is not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD)")]
    NotADate(String),
    /// The year cannot be written with four digits.
    #[error("the year {0} is not between 0000 and 9999")]
    YearOutOfRange(i32),
    /// The month is not 1 to 12.
    #[error("`{text}` does not exist: there is no month {month}")]
    NoSuchMonth {
        /// The date as given.
        text: String,
        /// The month given.
        month: u8,
    },
    /// The day is not a day of that month.
    #[error("`{text}` does not exist: {} {year} has {days} days", month_name(.month))]
    NoSuchDay {
        /// The date as given.
        text: String,
        /// Its year.
        year: i32,
        /// Its month, 1 to 12.
        month: u8,
        /// The day given.
        day: u8,
        /// How many days the month has that year.
        days: u8,
    },
}

/// A calendar date that exists, given as a year, a year and month, or a full date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct IsoDate {
    year: i32,
    month: Option<u8>,
    day: Option<u8>,
}

impl IsoDate {
    /// The date from its parts; fails when the year has more than four digits or the month
    /// or day does not exist. A day without a month is no date.
    pub fn new(year: i32, month: Option<u8>, day: Option<u8>) -> Result<IsoDate, DateError> {
        let text = || match (month, day) {
            (Some(m), Some(d)) => format!("{year:04}-{m:02}-{d:02}"),
            (Some(m), None) => format!("{year:04}-{m:02}"),
            (None, Some(d)) => format!("{year:04}-??-{d:02}"),
            (None, None) => format!("{year:04}"),
        };
        if !(0..=9999).contains(&year) {
            return Err(DateError::YearOutOfRange(year));
        }
        match (month, day) {
            (None, Some(_)) => Err(DateError::NotADate(text())),
            (Some(m), _) if !(1..=12).contains(&m) => Err(DateError::NoSuchMonth {
                text: text(),
                month: m,
            }),
            (Some(m), Some(d)) => {
                let days = days_in_month(year, m).unwrap_or(31);
                if d == 0 || d > days {
                    Err(DateError::NoSuchDay {
                        text: text(),
                        year,
                        month: m,
                        day: d,
                        days,
                    })
                } else {
                    Ok(IsoDate { year, month, day })
                }
            }
            _ => Ok(IsoDate { year, month, day }),
        }
    }

    /// Reads `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (ASCII digits, nothing around them).
    pub fn parse(text: &str) -> Result<IsoDate, DateError> {
        let not_a_date = || DateError::NotADate(text.to_string());
        let parts: Vec<&str> = text.split('-').collect();
        let digits = |p: &str, len: usize| p.len() == len && p.bytes().all(|b| b.is_ascii_digit());
        let well_formed = parts.len() <= 3
            && parts.first().is_some_and(|y| digits(y, 4))
            && parts.iter().skip(1).all(|p| digits(p, 2));
        if !well_formed {
            return Err(not_a_date());
        }
        let number = |i: usize| parts.get(i).and_then(|p| p.parse::<u8>().ok());
        let year: i32 = parts[0].parse().map_err(|_| not_a_date())?;
        IsoDate::new(year, number(1), number(2)).map_err(|e| match e {
            // Report the date as given, not as reassembled.
            DateError::NoSuchMonth { month, .. } => DateError::NoSuchMonth {
                text: text.to_string(),
                month,
            },
            DateError::NoSuchDay {
                year,
                month,
                day,
                days,
                ..
            } => DateError::NoSuchDay {
                text: text.to_string(),
                year,
                month,
                day,
                days,
            },
            other => other,
        })
    }

    /// The year.
    pub fn year(&self) -> i32 {
        self.year
    }
    /// The month, 1 to 12, when given.
    pub fn month(&self) -> Option<u8> {
        self.month
    }
    /// The day of the month, when given.
    pub fn day(&self) -> Option<u8> {
        self.day
    }
}

// Read and written as a `PartialDate` here, so that `common` needs nothing of this module.
impl From<IsoDate> for PartialDate {
    fn from(date: IsoDate) -> Self {
        PartialDate {
            year: date.year(),
            month: date.month(),
            day: date.day(),
        }
    }
}

impl PartialDate {
    /// The date, when it exists (a real month and day, a four-digit year).
    pub fn checked(&self) -> Result<IsoDate, DateError> {
        IsoDate::new(self.year, self.month, self.day)
    }
}

impl FromStr for IsoDate {
    type Err = DateError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        IsoDate::parse(s)
    }
}

impl fmt::Display for IsoDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&PartialDate::from(*self).iso())
    }
}

// ---------------------------------------------------------------------------------------
// ISSN
// ---------------------------------------------------------------------------------------

/// Why a text is not an ISSN.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum IssnError {
    /// Not eight digits (the last may be `X`) written `NNNN-NNNC`.
    #[error("`{0}` is not an ISSN of the form NNNN-NNNC")]
    Form(String),
    /// The form is right but the check digit is not.
    #[error("`{issn}` has a wrong check digit (expected {expected})")]
    CheckDigit {
        /// The ISSN as given.
        issn: String,
        /// The check character its first seven digits call for.
        expected: char,
    },
}

/// An International Standard Serial Number with a verified check digit (ISO 3297).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Issn {
    digits: [u8; 7],
    check: u8,
}

impl Issn {
    /// The ISSN whose first seven digits are `digits` (each 0–9), with its check digit.
    pub fn from_digits(digits: [u8; 7]) -> Option<Issn> {
        digits.iter().all(|d| *d <= 9).then(|| Issn {
            digits,
            check: issn_check(&digits),
        })
    }

    /// Reads `NNNN-NNNC` (`C` a digit or `X`, either case), nothing around it.
    pub fn parse(text: &str) -> Result<Issn, IssnError> {
        let form = || IssnError::Form(text.to_string());
        let b = text.as_bytes();
        if b.len() != 9 || b[4] != b'-' {
            return Err(form());
        }
        let mut digits = [0u8; 7];
        for (slot, &c) in digits.iter_mut().zip(b[..4].iter().chain(&b[5..8])) {
            if !c.is_ascii_digit() {
                return Err(form());
            }
            *slot = c - b'0';
        }
        let given = match b[8] {
            c @ b'0'..=b'9' => c - b'0',
            b'X' | b'x' => 10,
            _ => return Err(form()),
        };
        let check = issn_check(&digits);
        if given != check {
            return Err(IssnError::CheckDigit {
                issn: text.to_string(),
                expected: check_char(check),
            });
        }
        Ok(Issn { digits, check })
    }
}

/// The ISSN check value (0–10, 10 written `X`) of the first seven digits: weights 8 to 2,
/// modulus 11.
fn issn_check(digits: &[u8; 7]) -> u8 {
    let sum: u32 = digits
        .iter()
        .zip((2..=8u32).rev())
        .map(|(d, w)| u32::from(*d) * w)
        .sum();
    ((11 - sum % 11) % 11) as u8
}

/// A check value (0–10) as written: a digit or `X`.
fn check_char(value: u8) -> char {
    if value == 10 {
        'X'
    } else {
        char::from(b'0' + value)
    }
}

impl FromStr for Issn {
    type Err = IssnError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Issn::parse(s)
    }
}

impl fmt::Display for Issn {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let d = |i: usize| char::from(b'0' + self.digits[i]);
        write!(
            f,
            "{}{}{}{}-{}{}{}{}",
            d(0),
            d(1),
            d(2),
            d(3),
            d(4),
            d(5),
            d(6),
            check_char(self.check)
        )
    }
}

// ---------------------------------------------------------------------------------------
// ORCID iD
// ---------------------------------------------------------------------------------------

/// The resolver an ORCID iD is written behind in its URI form.
pub const ORCID_RESOLVER: &str = "https://orcid.org/";

/// Why a text is not an ORCID iD.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum OrcidError {
    /// Not sixteen digits (the last may be `X`) written in four groups of four.
    #[error("`{0}` is not an ORCID iD of the form NNNN-NNNN-NNNN-NNNC")]
    Form(String),
    /// The form is right but the check digit is not.
    #[error("`{orcid}` has a wrong check digit (expected {expected})")]
    CheckDigit {
        /// The iD as given.
        orcid: String,
        /// The check character its first fifteen digits call for.
        expected: char,
    },
}

/// An ORCID iD with a verified check digit (ISO 7064 MOD 11-2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Orcid {
    digits: [u8; 15],
    check: u8,
}

impl Orcid {
    /// The iD whose first fifteen digits are `digits` (each 0–9), with its check digit.
    pub fn from_digits(digits: [u8; 15]) -> Option<Orcid> {
        digits.iter().all(|d| *d <= 9).then(|| Orcid {
            digits,
            check: orcid_check(&digits),
        })
    }

    /// Reads `NNNN-NNNN-NNNN-NNNC` (`C` a digit or `X`, either case), nothing around it.
    pub fn parse(text: &str) -> Result<Orcid, OrcidError> {
        let form = || OrcidError::Form(text.to_string());
        let b = text.as_bytes();
        if b.len() != 19 || [4, 9, 14].iter().any(|i| b[*i] != b'-') {
            return Err(form());
        }
        let chars: Vec<u8> = b.iter().copied().filter(|c| *c != b'-').collect();
        if chars.len() != 16 {
            return Err(form());
        }
        let mut digits = [0u8; 15];
        for (slot, &c) in digits.iter_mut().zip(&chars[..15]) {
            if !c.is_ascii_digit() {
                return Err(form());
            }
            *slot = c - b'0';
        }
        let given = match chars[15] {
            c @ b'0'..=b'9' => c - b'0',
            b'X' | b'x' => 10,
            _ => return Err(form()),
        };
        let check = orcid_check(&digits);
        if given != check {
            return Err(OrcidError::CheckDigit {
                orcid: text.to_string(),
                expected: check_char(check),
            });
        }
        Ok(Orcid { digits, check })
    }

    /// Reads an iD bare or as an `https://orcid.org/…` (or `http://`) address, surrounding
    /// whitespace ignored.
    pub fn parse_any(text: &str) -> Result<Orcid, OrcidError> {
        let t = text.trim();
        let bare = t
            .strip_prefix(ORCID_RESOLVER)
            .or_else(|| t.strip_prefix("http://orcid.org/"))
            .unwrap_or(t);
        Orcid::parse(bare).map_err(|e| match e {
            OrcidError::Form(_) => OrcidError::Form(text.to_string()),
            other => other,
        })
    }
}

/// The ORCID check value (0–10, 10 written `X`) of the first fifteen digits.
fn orcid_check(digits: &[u8; 15]) -> u8 {
    let total = digits
        .iter()
        .fold(0u32, |total, d| (total + u32::from(*d)) * 2);
    ((12 - total % 11) % 11) as u8
}

impl FromStr for Orcid {
    type Err = OrcidError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Orcid::parse(s)
    }
}

impl fmt::Display for Orcid {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, d) in self.digits.iter().enumerate() {
            if i > 0 && i % 4 == 0 {
                f.write_str("-")?;
            }
            write!(f, "{d}")?;
        }
        write!(f, "{}", check_char(self.check))
    }
}

// ---------------------------------------------------------------------------------------
// DOI
// ---------------------------------------------------------------------------------------

/// The resolver a DOI is written behind in its URI form.
pub const DOI_RESOLVER: &str = "https://doi.org/";

/// A resolver address a DOI may be written behind.
const DOI_RESOLVER_PATTERN: &str = r"(?i:https?://(?:dx\.)?doi\.org/)";
/// A resolver address or `doi:` label a DOI may be written behind.
const DOI_LABEL: &str = r"(?i:https?://(?:dx\.)?doi\.org/|doi\s*:\s*)";
/// The DOI prefix: directory `10.`, a registrant code of four to nine digits, `/`.
const DOI_PREFIX: &str = r"10\.[0-9]{4,9}/";
/// Characters that end a DOI in running text (beside whitespace): quotes and the angle
/// brackets of a bracketed link.
const DOI_TEXT_SUFFIX: &str = r#"[^\s"<>]+"#;
/// Punctuation that ends a sentence or bracket after a DOI in running text, not part of it.
const DOI_TRAILING: &[char] = &['.', ',', ';', ':', ')', ']', '}', '>', '*', '،', '؛'];

/// A whole value that is a bare DOI.
static DOI_BARE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r"^{DOI_PREFIX}\S+$")).expect("constant regex"));
/// A DOI in running text, optionally behind a resolver or label; group 1 is the DOI.
static DOI_IN_TEXT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?:{DOI_LABEL})?\b({DOI_PREFIX}{DOI_TEXT_SUFFIX})"
    ))
    .expect("constant regex")
});
/// A whole value that is a DOI behind an optional resolver or label; group 1 is the DOI.
static DOI_ANY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"^(?:{DOI_LABEL})?({DOI_PREFIX}\S+)$")).expect("constant regex")
});

/// A resolver address at the start of a text.
static DOI_RESOLVER_AT_START: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!("^{DOI_RESOLVER_PATTERN}")).expect("constant regex"));

/// Why a text is not a DOI.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum DoiError {
    /// Not `10.` + registrant code + `/` + suffix.
    #[error("`{0}` is not a DOI (it must start with `10.` and hold a `/`)")]
    Form(String),
}

/// A Digital Object Identifier without resolver (`10.5555/example`), as given: DOIs are
/// compared case-insensitively by their registry, but kept as written here.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Doi(String);

/// A DOI found in running text, with the byte range of what it took (its resolver or label
/// included).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FoundDoi {
    /// The DOI, trailing punctuation left out.
    pub doi: Doi,
    /// Byte offset where the match (resolver or label included) starts.
    pub start: usize,
    /// Byte offset where the match ends.
    pub end: usize,
}

impl Doi {
    /// Reads a bare DOI: `10.`, a registrant code of four to nine digits, `/`, and a suffix
    /// without whitespace.
    pub fn parse(text: &str) -> Result<Doi, DoiError> {
        if DOI_BARE.is_match(text) {
            Ok(Doi(text.to_string()))
        } else {
            Err(DoiError::Form(text.to_string()))
        }
    }

    /// Reads a DOI bare, behind `doi:`, or as a `https://doi.org/…` address, surrounding
    /// whitespace ignored.
    pub fn parse_any(text: &str) -> Result<Doi, DoiError> {
        DOI_ANY
            .captures(text.trim())
            .and_then(|c| c.get(1))
            .map(|m| Doi(m.as_str().to_string()))
            .ok_or_else(|| DoiError::Form(text.to_string()))
    }

    /// The first DOI in running text (behind a resolver or `doi:` label or not), without
    /// the punctuation that follows it.
    pub fn find(text: &str) -> Option<FoundDoi> {
        let c = DOI_IN_TEXT.captures(text)?;
        let whole = c.get(0)?;
        let doi = c.get(1)?.as_str().trim_end_matches(DOI_TRAILING);
        let suffix = doi.split_once('/').map_or("", |(_, s)| s);
        (!suffix.is_empty()).then(|| FoundDoi {
            doi: Doi(doi.to_string()),
            start: whole.start(),
            end: whole.end(),
        })
    }

    /// Whether `text` starts with a DOI resolver address (`https://doi.org/`,
    /// `http://dx.doi.org/`, any case).
    pub fn starts_with_resolver(text: &str) -> bool {
        DOI_RESOLVER_AT_START.is_match(text)
    }

    /// The DOI as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl FromStr for Doi {
    type Err = DoiError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Doi::parse(s)
    }
}

impl fmt::Display for Doi {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

// ---------------------------------------------------------------------------------------
// BCP 47 language tags
// ---------------------------------------------------------------------------------------

/// Tags RFC 5646 keeps for compatibility (its `grandfathered` production), in registry case.
const GRANDFATHERED: &[&str] = &[
    "en-GB-oed",
    "i-ami",
    "i-bnn",
    "i-default",
    "i-enochian",
    "i-hak",
    "i-klingon",
    "i-lux",
    "i-mingo",
    "i-navajo",
    "i-pwn",
    "i-tao",
    "i-tay",
    "i-tsu",
    "sgn-BE-FR",
    "sgn-BE-NL",
    "sgn-CH-DE",
    "art-lojban",
    "cel-gaulish",
    "no-bok",
    "no-nyn",
    "zh-guoyu",
    "zh-hakka",
    "zh-min",
    "zh-min-nan",
    "zh-xiang",
];

/// Why a text is not a language tag.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[error("`{0}` is not a BCP 47 language tag (e.g. `ar`, `en`)")]
pub struct LanguageTagError(pub String);

/// A well-formed BCP 47 language tag (RFC 5646 syntax; the subtag registry is not
/// consulted), in the recommended case: `ar`, `en-US`, `ar-Latn`, `zh-Hant-TW`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct LanguageTag(String);

impl LanguageTag {
    /// Reads a tag (any case), nothing around it.
    pub fn parse(text: &str) -> Result<LanguageTag, LanguageTagError> {
        let bad = || LanguageTagError(text.to_string());
        if let Some(g) = GRANDFATHERED.iter().find(|g| g.eq_ignore_ascii_case(text)) {
            return Ok(LanguageTag((*g).to_string()));
        }
        let parts: Vec<&str> = text.split('-').collect();
        let alnum = |p: &str| p.bytes().all(|b| b.is_ascii_alphanumeric());
        if parts
            .iter()
            .any(|p| p.is_empty() || p.len() > 8 || !alnum(p))
        {
            return Err(bad());
        }
        canonical_subtags(&parts)
            .map(|subtags| LanguageTag(subtags.join("-")))
            .ok_or_else(bad)
    }

    /// The primary language subtag, lower-case (`ar` for `ar-IQ`; `x` for a private-use tag).
    pub fn primary(&self) -> &str {
        self.0.split('-').next().unwrap_or("")
    }

    /// The tag as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// The subtags of a `langtag` or `privateuse` tag in their recommended case, or `None` when
/// they do not follow the RFC 5646 grammar. Every part is 1–8 ASCII alphanumerics.
fn canonical_subtags(parts: &[&str]) -> Option<Vec<String>> {
    let alpha = |p: &str| p.bytes().all(|b| b.is_ascii_alphabetic());
    let digit = |p: &str| p.bytes().all(|b| b.is_ascii_digit());
    let lower = |p: &str| p.to_ascii_lowercase();
    let mut out: Vec<String> = Vec::new();
    let mut i = 0;
    let at = |i: usize| parts.get(i).copied();
    // A tag made of private use subtags only.
    if at(0).is_some_and(|p| p.eq_ignore_ascii_case("x")) {
        return (parts.len() > 1).then(|| parts.iter().map(|p| p.to_ascii_lowercase()).collect());
    }
    let language = at(0)?;
    if !(alpha(language) && (2..=8).contains(&language.len())) {
        return None;
    }
    out.push(lower(language));
    i += 1;
    if language.len() <= 3 {
        // Up to three extended language subtags.
        let mut extlangs = 0;
        while extlangs < 3 && at(i).is_some_and(|p| p.len() == 3 && alpha(p)) {
            out.push(lower(at(i)?));
            i += 1;
            extlangs += 1;
        }
    }
    if let Some(script) = at(i).filter(|p| p.len() == 4 && alpha(p)) {
        let mut s = lower(script);
        s[..1].make_ascii_uppercase();
        out.push(s);
        i += 1;
    }
    if let Some(region) = at(i).filter(|p| (p.len() == 2 && alpha(p)) || (p.len() == 3 && digit(p)))
    {
        out.push(region.to_ascii_uppercase());
        i += 1;
    }
    let variant = |p: &str| {
        (5..=8).contains(&p.len())
            || (p.len() == 4 && p.as_bytes().first().is_some_and(u8::is_ascii_digit))
    };
    while let Some(v) = at(i).filter(|p| variant(p)) {
        out.push(lower(v));
        i += 1;
    }
    // Extensions: a singleton (not `x`) and one or more subtags of 2–8.
    while let Some(singleton) = at(i).filter(|p| p.len() == 1 && !p.eq_ignore_ascii_case("x")) {
        out.push(lower(singleton));
        i += 1;
        let start = i;
        while let Some(s) = at(i).filter(|p| p.len() >= 2) {
            out.push(lower(s));
            i += 1;
        }
        if i == start {
            return None;
        }
    }
    if at(i).is_some_and(|p| p.eq_ignore_ascii_case("x")) {
        if i + 1 >= parts.len() {
            return None;
        }
        out.extend(parts[i..].iter().map(|p| p.to_ascii_lowercase()));
        i = parts.len();
    }
    (i == parts.len()).then_some(out)
}

impl FromStr for LanguageTag {
    type Err = LanguageTagError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        LanguageTag::parse(s)
    }
}

impl fmt::Display for LanguageTag {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// The primary subtag of a stored language tag, lower-case, read leniently (the text before
/// the first `-` or `_`), for tags that may not be well-formed: `ar` for `ar-IQ` or `AR_iq`.
pub fn primary_language(tag: &str) -> String {
    tag.split(['-', '_'])
        .next()
        .unwrap_or("")
        .to_ascii_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn leap_years_follow_the_gregorian_rule() {
        assert!(is_leap_year(2024) && is_leap_year(2000) && is_leap_year(1600));
        assert!(!is_leap_year(2023) && !is_leap_year(1900) && !is_leap_year(2100));
        assert_eq!(days_in_month(2024, 2), Some(29));
        assert_eq!(days_in_month(2025, 2), Some(28));
        assert_eq!(days_in_month(2025, 4), Some(30));
        assert_eq!(days_in_month(2025, 12), Some(31));
        assert_eq!(days_in_month(2025, 0), None);
        assert_eq!(days_in_month(2025, 13), None);
        assert_eq!(max_days_in_month(2), Some(29));
        assert_eq!(max_days_in_month(13), None);
    }

    #[test]
    fn iso_dates_of_three_precisions() {
        let d = IsoDate::parse("2025-03").unwrap();
        assert_eq!((d.year(), d.month(), d.day()), (2025, Some(3), None));
        assert_eq!(IsoDate::parse("2025").unwrap().to_string(), "2025");
        assert_eq!(IsoDate::parse("2024-02-29").unwrap().day(), Some(29));
        assert_eq!(
            IsoDate::parse("0001-01-01").unwrap().to_string(),
            "0001-01-01"
        );
    }

    #[test]
    fn a_date_that_does_not_exist_is_told_from_one_that_is_not_a_date() {
        let e = IsoDate::parse("2025-02-30").unwrap_err();
        assert!(matches!(e, DateError::NoSuchDay { days: 28, .. }), "{e:?}");
        assert_eq!(
            e.to_string(),
            "`2025-02-30` does not exist: February 2025 has 28 days"
        );
        assert!(IsoDate::parse("2024-02-30")
            .unwrap_err()
            .to_string()
            .contains("February 2024 has 29 days"));
        assert!(matches!(
            IsoDate::parse("2025-04-00"),
            Err(DateError::NoSuchDay { days: 30, .. })
        ));
        assert!(matches!(
            IsoDate::parse("2025-13"),
            Err(DateError::NoSuchMonth { month: 13, .. })
        ));
        for text in [
            "25-03",
            "2025-3",
            "2025/03/01",
            "+202-03",
            "2025-+3",
            "٢٠٢٥",
            "",
            "2025-03-01-01",
            "2025-",
            " 2025",
        ] {
            assert!(
                matches!(IsoDate::parse(text), Err(DateError::NotADate(_))),
                "{text:?}"
            );
        }
        assert!(IsoDate::new(2025, None, Some(3)).is_err());
        assert_eq!(
            IsoDate::new(10000, None, None),
            Err(DateError::YearOutOfRange(10000))
        );
    }

    #[test]
    fn issn_check_digits() {
        for good in [
            "2070-9250",
            "0378-5955",
            "0317-8471",
            "1050-124X",
            "0000-0019",
        ] {
            assert_eq!(Issn::parse(good).unwrap().to_string(), good);
        }
        assert_eq!(Issn::parse("1050-124x").unwrap().to_string(), "1050-124X");
        assert_eq!(
            Issn::parse("2070-9251"),
            Err(IssnError::CheckDigit {
                issn: "2070-9251".into(),
                expected: '0'
            })
        );
        assert!(matches!(
            Issn::parse("1234-5678"),
            Err(IssnError::CheckDigit { .. })
        ));
        for bad in [
            "20709250",
            "2070-925",
            "2070 9250",
            "207a-9250",
            "2070-92X0",
            "",
        ] {
            assert!(matches!(Issn::parse(bad), Err(IssnError::Form(_))), "{bad}");
        }
        assert_eq!(
            Issn::from_digits([2, 0, 7, 0, 9, 2, 5]).map(|i| i.to_string()),
            Some("2070-9250".into())
        );
        assert_eq!(Issn::from_digits([10, 0, 0, 0, 0, 0, 0]), None);
    }

    /// `1234--567` made the metadata reader index past its digits and panic.
    #[test]
    fn issn_1234_double_hyphen_567_is_an_error_not_a_panic() {
        assert_eq!(
            Issn::parse("1234--567"),
            Err(IssnError::Form("1234--567".into()))
        );
        for text in [
            "1234-56-7",
            "-1234-567",
            "1234-567-",
            "12345-678",
            "١٢٣٤-٥٦٧٨",
        ] {
            assert!(Issn::parse(text).is_err(), "{text}");
        }
    }

    #[test]
    fn orcid_checksums() {
        let o = Orcid::parse("0000-0002-1825-0097").unwrap();
        assert_eq!(o.to_string(), "0000-0002-1825-0097");
        assert_eq!(
            Orcid::parse("0000-0001-5109-3700").unwrap().to_string(),
            "0000-0001-5109-3700"
        );
        assert_eq!(
            Orcid::parse("0000-0002-1694-233x").unwrap().to_string(),
            "0000-0002-1694-233X"
        );
        assert_eq!(
            Orcid::parse("0000-0002-1825-0098"),
            Err(OrcidError::CheckDigit {
                orcid: "0000-0002-1825-0098".into(),
                expected: '7'
            })
        );
        for bad in [
            "0000000218250097",
            "0000000218250097---",
            "0000-0002-1825-009",
            "0000-0002-1825-00977",
            "000a-0002-1825-0097",
            "0000-0002-18250-097",
        ] {
            assert!(
                matches!(Orcid::parse(bad), Err(OrcidError::Form(_))),
                "{bad}"
            );
        }
        assert_eq!(
            Orcid::parse_any(" https://orcid.org/0000-0002-1825-0097 ").unwrap(),
            o
        );
        assert_eq!(
            Orcid::parse_any("http://orcid.org/0000-0002-1825-0097").unwrap(),
            o
        );
    }

    #[test]
    fn dois_bare_behind_a_resolver_and_in_text() {
        assert_eq!(Doi::parse("10.5555/x").unwrap().as_str(), "10.5555/x");
        assert!(Doi::parse("https://doi.org/10.5555/x").is_err());
        assert!(Doi::parse("10.55/x").is_err());
        assert!(Doi::parse("5555/x").is_err());
        assert!(Doi::parse("10.5555/").is_err());
        assert!(Doi::parse("10.5555/a b").is_err());
        // SICI-style suffixes keep their angle brackets.
        assert!(Doi::parse("10.1002/(SICI)1097-4636(199706)35:4<448::AID-JBM3>3.0.CO;2-D").is_ok());
        for any in [
            "https://doi.org/10.5555/x",
            "http://dx.doi.org/10.5555/x",
            "doi:10.5555/x",
            "DOI: 10.5555/x",
            " 10.5555/x ",
        ] {
            assert_eq!(Doi::parse_any(any).unwrap().as_str(), "10.5555/x", "{any}");
        }
        let found = Doi::find("Title. https://doi.org/10.1234/ab.c5.").unwrap();
        assert_eq!(found.doi.as_str(), "10.1234/ab.c5");
        assert_eq!(found.start, 7);
        let found = Doi::find("see doi : 10.1234/x-1), and more").unwrap();
        assert_eq!((found.doi.as_str(), found.start), ("10.1234/x-1", 4));
        assert_eq!(
            Doi::find("DOI: 10.1234/abc.2024.12،").unwrap().doi.as_str(),
            "10.1234/abc.2024.12"
        );
        assert_eq!(
            Doi::find("<https://doi.org/10.1234/q>")
                .unwrap()
                .doi
                .as_str(),
            "10.1234/q"
        );
        assert_eq!(Doi::find("https://dx.doi.org/10.55/x)"), None);
        assert_eq!(Doi::find("10.1234/."), None);
        assert_eq!(Doi::find("210.1234/x"), None);
        assert!(Doi::starts_with_resolver("HTTPS://DX.DOI.ORG/10.1234/x"));
        assert!(!Doi::starts_with_resolver("see https://doi.org/10.1234/x"));
    }

    #[test]
    fn language_tags_are_well_formed_bcp47() {
        for (given, canonical) in [
            ("ar", "ar"),
            ("EN", "en"),
            ("ar-latn", "ar-Latn"),
            ("en-us", "en-US"),
            ("zh-hant-tw", "zh-Hant-TW"),
            ("es-419", "es-419"),
            ("de-CH-1996", "de-CH-1996"),
            ("sl-rozaj-biske", "sl-rozaj-biske"),
            ("zh-yue-HK", "zh-yue-HK"),
            ("en-a-bbb-x-a-ccc", "en-a-bbb-x-a-ccc"),
            ("x-whatever", "x-whatever"),
            ("I-KLINGON", "i-klingon"),
            ("en-gb-oed", "en-GB-oed"),
            ("und", "und"),
        ] {
            let tag = LanguageTag::parse(given).unwrap_or_else(|e| panic!("{e}"));
            assert_eq!(tag.to_string(), canonical);
        }
        assert_eq!(LanguageTag::parse("ar-IQ").unwrap().primary(), "ar");
        for bad in [
            "",
            "a",
            "ar_IQ",
            "ar-",
            "-ar",
            "ar--IQ",
            "arabic language",
            "ar-1",
            "en-a",
            "en-x",
            "x",
            "123",
            "abcdefghi",
            "ar-a-b",
            "de-419-1996-x",
        ] {
            assert!(LanguageTag::parse(bad).is_err(), "{bad:?}");
        }
        assert_eq!(
            LanguageTag::parse("ar_IQ").unwrap_err().to_string(),
            "`ar_IQ` is not a BCP 47 language tag (e.g. `ar`, `en`)"
        );
        assert_eq!(primary_language("AR_iq"), "ar");
        assert_eq!(primary_language(""), "");
    }

    fn issn_text() -> impl Strategy<Value = String> {
        proptest::collection::vec(0u8..10, 7).prop_map(|d| {
            let digits: [u8; 7] = d.try_into().unwrap_or([0; 7]);
            Issn::from_digits(digits)
                .map(|i| i.to_string())
                .unwrap_or_default()
        })
    }

    proptest! {
        #[test]
        fn no_input_makes_a_parser_panic(text in "\\PC{0,24}") {
            let _ = IsoDate::parse(&text);
            let _ = Issn::parse(&text);
            let _ = Orcid::parse(&text);
            let _ = Orcid::parse_any(&text);
            let _ = Doi::parse(&text);
            let _ = Doi::parse_any(&text);
            let _ = Doi::find(&text);
            let _ = LanguageTag::parse(&text);
        }

        #[test]
        fn near_identifiers_never_panic(text in "[0-9Xx\\-/.:a-z ]{0,22}") {
            let _ = IsoDate::parse(&text);
            let _ = Issn::parse(&text);
            let _ = Orcid::parse(&text);
            let _ = Doi::find(&text);
            let _ = LanguageTag::parse(&text);
        }

        #[test]
        fn iso_dates_round_trip(year in 0i32..=9999, month in proptest::option::of(1u8..=12), day in 1u8..=31) {
            let day = month.and_then(|m| days_in_month(year, m)).filter(|max| day <= *max).map(|_| day);
            let date = IsoDate::new(year, month, day).unwrap();
            prop_assert_eq!(IsoDate::parse(&date.to_string()), Ok(date));
        }

        #[test]
        fn parsed_dates_display_as_given(text in "[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?") {
            if let Ok(date) = IsoDate::parse(&text) {
                prop_assert_eq!(date.to_string(), text);
            }
        }

        #[test]
        fn issns_round_trip(text in issn_text()) {
            let issn = Issn::parse(&text).unwrap();
            prop_assert_eq!(issn.to_string(), text.clone());
            prop_assert_eq!(Issn::parse(&issn.to_string()), Ok(issn));
        }

        #[test]
        fn orcids_round_trip(digits in proptest::collection::vec(0u8..10, 15)) {
            let digits: [u8; 15] = digits.try_into().unwrap_or([0; 15]);
            let orcid = Orcid::from_digits(digits).unwrap();
            prop_assert_eq!(Orcid::parse(&orcid.to_string()), Ok(orcid));
            let url = format!("{ORCID_RESOLVER}{orcid}");
            prop_assert_eq!(Orcid::parse_any(&url), Ok(orcid));
        }

        #[test]
        fn dois_round_trip(text in "10\\.[0-9]{4,9}/[A-Za-z0-9._;()/:-]{1,20}") {
            let doi = Doi::parse(&text).unwrap();
            prop_assert_eq!(Doi::parse(&doi.to_string()), Ok(doi.clone()));
            let behind = format!("https://doi.org/{doi}");
            prop_assert_eq!(Doi::parse_any(&behind), Ok(doi));
        }

        #[test]
        fn language_tags_round_trip(text in "[a-zA-Z]{2,3}(-[a-zA-Z]{4})?(-([a-zA-Z]{2}|[0-9]{3}))?(-[a-z0-9]{5,8})?(-x-[a-z0-9]{1,8})?") {
            let tag = LanguageTag::parse(&text).unwrap();
            prop_assert!(tag.to_string().eq_ignore_ascii_case(&text));
            prop_assert_eq!(LanguageTag::parse(&tag.to_string()), Ok(tag));
        }
    }
}
