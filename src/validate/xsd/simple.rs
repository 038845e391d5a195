//! Simple types (XML Schema Part 2): the built-in datatypes' lexical spaces, white-space
//! normalization, facets, lists and unions, and the value comparisons that enumerations,
//! fixed values and bounds need.

use std::cmp::Ordering;
use std::sync::OnceLock;

use regex::Regex;

use super::TypeId;

/// The built-in datatypes. A user type remembers the most derived built-in it restricts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Builtin {
    AnySimpleType,
    String,
    NormalizedString,
    Token,
    Language,
    Name,
    NCName,
    NmToken,
    Id,
    IdRef,
    Entity,
    QName,
    Notation,
    AnyUri,
    Boolean,
    Decimal,
    Integer,
    NonPositiveInteger,
    NegativeInteger,
    Long,
    Int,
    Short,
    Byte,
    NonNegativeInteger,
    UnsignedLong,
    UnsignedInt,
    UnsignedShort,
    UnsignedByte,
    PositiveInteger,
    Float,
    Double,
    Duration,
    DateTime,
    Time,
    Date,
    GYearMonth,
    GYear,
    GMonthDay,
    GDay,
    GMonth,
    HexBinary,
    Base64Binary,
}

/// Atomic built-ins by local name, each with the built-in it is derived from (`None` for
/// the primitives, whose base is anySimpleType).
pub(crate) const ATOMIC_BUILTINS: &[(&str, Builtin, Option<Builtin>)] = &[
    ("anySimpleType", Builtin::AnySimpleType, None),
    ("string", Builtin::String, None),
    (
        "normalizedString",
        Builtin::NormalizedString,
        Some(Builtin::String),
    ),
    ("token", Builtin::Token, Some(Builtin::NormalizedString)),
    ("language", Builtin::Language, Some(Builtin::Token)),
    ("Name", Builtin::Name, Some(Builtin::Token)),
    ("NCName", Builtin::NCName, Some(Builtin::Name)),
    ("NMTOKEN", Builtin::NmToken, Some(Builtin::Token)),
    ("ID", Builtin::Id, Some(Builtin::NCName)),
    ("IDREF", Builtin::IdRef, Some(Builtin::NCName)),
    ("ENTITY", Builtin::Entity, Some(Builtin::NCName)),
    ("QName", Builtin::QName, None),
    ("NOTATION", Builtin::Notation, None),
    ("anyURI", Builtin::AnyUri, None),
    ("boolean", Builtin::Boolean, None),
    ("decimal", Builtin::Decimal, None),
    ("integer", Builtin::Integer, Some(Builtin::Decimal)),
    (
        "nonPositiveInteger",
        Builtin::NonPositiveInteger,
        Some(Builtin::Integer),
    ),
    (
        "negativeInteger",
        Builtin::NegativeInteger,
        Some(Builtin::NonPositiveInteger),
    ),
    ("long", Builtin::Long, Some(Builtin::Integer)),
    ("int", Builtin::Int, Some(Builtin::Long)),
    ("short", Builtin::Short, Some(Builtin::Int)),
    ("byte", Builtin::Byte, Some(Builtin::Short)),
    (
        "nonNegativeInteger",
        Builtin::NonNegativeInteger,
        Some(Builtin::Integer),
    ),
    (
        "unsignedLong",
        Builtin::UnsignedLong,
        Some(Builtin::NonNegativeInteger),
    ),
    (
        "unsignedInt",
        Builtin::UnsignedInt,
        Some(Builtin::UnsignedLong),
    ),
    (
        "unsignedShort",
        Builtin::UnsignedShort,
        Some(Builtin::UnsignedInt),
    ),
    (
        "unsignedByte",
        Builtin::UnsignedByte,
        Some(Builtin::UnsignedShort),
    ),
    (
        "positiveInteger",
        Builtin::PositiveInteger,
        Some(Builtin::NonNegativeInteger),
    ),
    ("float", Builtin::Float, None),
    ("double", Builtin::Double, None),
    ("duration", Builtin::Duration, None),
    ("dateTime", Builtin::DateTime, None),
    ("time", Builtin::Time, None),
    ("date", Builtin::Date, None),
    ("gYearMonth", Builtin::GYearMonth, None),
    ("gYear", Builtin::GYear, None),
    ("gMonthDay", Builtin::GMonthDay, None),
    ("gDay", Builtin::GDay, None),
    ("gMonth", Builtin::GMonth, None),
    ("hexBinary", Builtin::HexBinary, None),
    ("base64Binary", Builtin::Base64Binary, None),
];

/// List built-ins: (name, item type).
pub(crate) const LIST_BUILTINS: &[(&str, &str)] = &[
    ("NMTOKENS", "NMTOKEN"),
    ("IDREFS", "IDREF"),
    ("ENTITIES", "ENTITY"),
];

/// The `whiteSpace` facet.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum WhiteSpace {
    Preserve,
    Replace,
    Collapse,
}

impl WhiteSpace {
    pub(crate) fn parse(v: &str) -> Option<WhiteSpace> {
        Some(match v {
            "preserve" => WhiteSpace::Preserve,
            "replace" => WhiteSpace::Replace,
            "collapse" => WhiteSpace::Collapse,
            _ => return None,
        })
    }

    /// Applies the normalization to a value.
    pub(crate) fn apply(self, v: &str) -> String {
        match self {
            WhiteSpace::Preserve => v.to_string(),
            WhiteSpace::Replace => v
                .chars()
                .map(|c| {
                    if matches!(c, '\t' | '\n' | '\r') {
                        ' '
                    } else {
                        c
                    }
                })
                .collect(),
            WhiteSpace::Collapse => collapse(v),
        }
    }
}

/// XML white space.
pub(crate) fn is_xml_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\r')
}

/// `whiteSpace=collapse`.
pub(crate) fn collapse(v: &str) -> String {
    let mut out = String::with_capacity(v.len());
    for word in v.split(is_xml_space).filter(|w| !w.is_empty()) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

impl Builtin {
    /// The white-space normalization the type applies (only `string` preserves).
    pub(crate) fn whitespace(self) -> WhiteSpace {
        match self {
            Builtin::String | Builtin::AnySimpleType => WhiteSpace::Preserve,
            Builtin::NormalizedString => WhiteSpace::Replace,
            _ => WhiteSpace::Collapse,
        }
    }

    /// The XSD name, for messages.
    pub(crate) fn name(self) -> &'static str {
        ATOMIC_BUILTINS
            .iter()
            .find(|(_, b, _)| *b == self)
            .map_or("anySimpleType", |(n, _, _)| n)
    }

    fn is_integer_family(self) -> bool {
        matches!(
            self,
            Builtin::Integer
                | Builtin::NonPositiveInteger
                | Builtin::NegativeInteger
                | Builtin::Long
                | Builtin::Int
                | Builtin::Short
                | Builtin::Byte
                | Builtin::NonNegativeInteger
                | Builtin::UnsignedLong
                | Builtin::UnsignedInt
                | Builtin::UnsignedShort
                | Builtin::UnsignedByte
                | Builtin::PositiveInteger
        )
    }

    /// Checks a normalized value against the lexical space; returns its value.
    pub(crate) fn parse(self, v: &str) -> Result<Value, String> {
        let bad = || {
            format!(
                "'{v}' is not a valid value of the atomic type 'xs:{}'",
                self.name()
            )
        };
        match self {
            Builtin::AnySimpleType
            | Builtin::String
            | Builtin::NormalizedString
            | Builtin::Token => Ok(Value::Str(v.to_string())),
            Builtin::Language => {
                let ok = v.split('-').enumerate().all(|(i, part)| {
                    (1..=8).contains(&part.len())
                        && if i == 0 {
                            part.chars().all(|c| c.is_ascii_alphabetic())
                        } else {
                            part.chars().all(|c| c.is_ascii_alphanumeric())
                        }
                });
                ok.then(|| Value::Str(v.to_string())).ok_or_else(bad)
            }
            Builtin::Name => is_name(v)
                .then(|| Value::Str(v.to_string()))
                .ok_or_else(bad),
            Builtin::NCName | Builtin::Id | Builtin::IdRef | Builtin::Entity => is_ncname(v)
                .then(|| Value::Str(v.to_string()))
                .ok_or_else(bad),
            Builtin::NmToken => (!v.is_empty() && v.chars().all(is_name_char))
                .then(|| Value::Str(v.to_string()))
                .ok_or_else(bad),
            Builtin::QName | Builtin::Notation => {
                let ok = match v.split_once(':') {
                    Some((p, l)) => is_ncname(p) && is_ncname(l),
                    None => is_ncname(v),
                };
                ok.then(|| Value::Str(v.to_string())).ok_or_else(bad)
            }
            Builtin::AnyUri => is_uri_reference(v)
                .then(|| Value::Str(v.to_string()))
                .ok_or_else(bad),
            Builtin::Boolean => match v {
                "true" | "1" => Ok(Value::Bool(true)),
                "false" | "0" => Ok(Value::Bool(false)),
                _ => Err(bad()),
            },
            Builtin::Decimal => Decimal::parse(v, false).map(Value::Dec).ok_or_else(bad),
            b if b.is_integer_family() => {
                let d = Decimal::parse(v, true).ok_or_else(bad)?;
                let (lo, hi): (Option<&str>, Option<&str>) = match b {
                    Builtin::NonPositiveInteger => (None, Some("0")),
                    Builtin::NegativeInteger => (None, Some("-1")),
                    Builtin::Long => (Some("-9223372036854775808"), Some("9223372036854775807")),
                    Builtin::Int => (Some("-2147483648"), Some("2147483647")),
                    Builtin::Short => (Some("-32768"), Some("32767")),
                    Builtin::Byte => (Some("-128"), Some("127")),
                    Builtin::NonNegativeInteger => (Some("0"), None),
                    Builtin::UnsignedLong => (Some("0"), Some("18446744073709551615")),
                    Builtin::UnsignedInt => (Some("0"), Some("4294967295")),
                    Builtin::UnsignedShort => (Some("0"), Some("65535")),
                    Builtin::UnsignedByte => (Some("0"), Some("255")),
                    Builtin::PositiveInteger => (Some("1"), None),
                    _ => (None, None),
                };
                let below = lo
                    .and_then(|l| Decimal::parse(l, true))
                    .is_some_and(|l| d.cmp(&l) == Ordering::Less);
                let above = hi
                    .and_then(|h| Decimal::parse(h, true))
                    .is_some_and(|h| d.cmp(&h) == Ordering::Greater);
                if below || above {
                    Err(bad())
                } else {
                    Ok(Value::Dec(d))
                }
            }
            Builtin::Float | Builtin::Double => parse_float(v).map(Value::Float).ok_or_else(bad),
            Builtin::Duration => is_duration(v)
                .then(|| Value::Str(v.to_string()))
                .ok_or_else(bad),
            Builtin::DateTime
            | Builtin::Time
            | Builtin::Date
            | Builtin::GYearMonth
            | Builtin::GYear
            | Builtin::GMonthDay
            | Builtin::GDay
            | Builtin::GMonth => parse_temporal(self, v).map(Value::Time).ok_or_else(bad),
            Builtin::HexBinary => (v.len().is_multiple_of(2)
                && v.bytes().all(|b| b.is_ascii_hexdigit()))
            .then(|| Value::Bin(v.to_ascii_uppercase(), v.len() / 2))
            .ok_or_else(bad),
            Builtin::Base64Binary => base64_octets(v)
                .map(|n| Value::Bin(v.chars().filter(|c| *c != ' ').collect(), n))
                .ok_or_else(bad),
            _ => Ok(Value::Str(v.to_string())),
        }
    }
}

/// A value in a built-in's value space, as far as comparisons need it.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Value {
    Str(String),
    Bool(bool),
    Dec(Decimal),
    Float(f64),
    /// Date/time values: the fields compared in order (year, month, day, seconds).
    Time(TimeKey),
    /// Binary data: canonical text and length in octets.
    Bin(String, usize),
}

impl Value {
    /// Order, for the bound facets; `None` when the values are not ordered.
    pub(crate) fn partial_cmp(&self, other: &Value) -> Option<Ordering> {
        match (self, other) {
            (Value::Dec(a), Value::Dec(b)) => Some(a.cmp(b)),
            (Value::Float(a), Value::Float(b)) => a.partial_cmp(b),
            (Value::Time(a), Value::Time(b)) => a.partial_cmp(b),
            _ => None,
        }
    }

    /// Equality in the value space (`1.0` equals `1`; NaN equals NaN for enumerations).
    pub(crate) fn same(&self, other: &Value) -> bool {
        match (self, other) {
            (Value::Float(a), Value::Float(b)) => a == b || (a.is_nan() && b.is_nan()),
            (Value::Dec(a), Value::Dec(b)) => a.cmp(b) == Ordering::Equal,
            (Value::Bin(a, _), Value::Bin(b, _)) => a == b,
            _ => self == other,
        }
    }
}

/// A decimal number: sign, integer digits without leading zeros, fraction digits without
/// trailing zeros.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Decimal {
    negative: bool,
    int: String,
    frac: String,
}

impl Decimal {
    /// Reads `[+-]?(\d+(\.\d*)?|\.\d+)` (ASCII digits), or only `[+-]?\d+` for integers.
    pub(crate) fn parse(v: &str, integer: bool) -> Option<Decimal> {
        let (negative, body) = match v.as_bytes().first() {
            Some(b'-') => (true, &v[1..]),
            Some(b'+') => (false, &v[1..]),
            _ => (false, v),
        };
        let (int, frac) = match body.split_once('.') {
            Some(_) if integer => return None,
            Some((i, f)) => (i, f),
            None => (body, ""),
        };
        if int.is_empty() && frac.is_empty() {
            return None;
        }
        if !int.bytes().all(|b| b.is_ascii_digit()) || !frac.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        if body.ends_with('.') && int.is_empty() {
            return None;
        }
        let int = int.trim_start_matches('0').to_string();
        let frac = frac.trim_end_matches('0').to_string();
        let zero = int.is_empty() && frac.is_empty();
        Some(Decimal {
            negative: negative && !zero,
            int,
            frac,
        })
    }

    /// Number of significant digits.
    pub(crate) fn total_digits(&self) -> usize {
        let digits = self.int.len() + self.frac.len();
        digits.max(1)
    }

    /// Number of fraction digits.
    pub(crate) fn fraction_digits(&self) -> usize {
        self.frac.len()
    }

    fn cmp_magnitude(&self, other: &Decimal) -> Ordering {
        self.int
            .len()
            .cmp(&other.int.len())
            .then_with(|| self.int.cmp(&other.int))
            .then_with(|| self.frac.cmp(&other.frac))
    }
}

impl Ord for Decimal {
    fn cmp(&self, other: &Self) -> Ordering {
        match (self.negative, other.negative) {
            (false, true) => Ordering::Greater,
            (true, false) => Ordering::Less,
            (false, false) => self.cmp_magnitude(other),
            (true, true) => other.cmp_magnitude(self),
        }
    }
}

impl PartialOrd for Decimal {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

fn parse_float(v: &str) -> Option<f64> {
    match v {
        "INF" => return Some(f64::INFINITY),
        "-INF" => return Some(f64::NEG_INFINITY),
        "NaN" => return Some(f64::NAN),
        _ => {}
    }
    let body = v.strip_prefix(['+', '-']).unwrap_or(v);
    let (mantissa, exp) = match body.find(['e', 'E']) {
        Some(i) => (&body[..i], Some(&body[i + 1..])),
        None => (body, None),
    };
    let (i, f) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if (i.is_empty() && f.is_empty()) || !digits(i) || !digits(f) {
        return None;
    }
    if let Some(e) = exp {
        let e = e.strip_prefix(['+', '-']).unwrap_or(e);
        if e.is_empty() || !digits(e) {
            return None;
        }
    }
    v.parse().ok()
}

/// Compared fields of a date/time value (timezones are not normalized).
pub(crate) type TimeKey = (i64, u8, u8, f64);

fn digits_n(s: &str, n: usize) -> Option<u32> {
    (s.len() == n && s.bytes().all(|b| b.is_ascii_digit()))
        .then(|| s.parse().ok())
        .flatten()
}

/// Splits an optional timezone (`Z`, `+hh:mm`, `-hh:mm`) off the end.
fn strip_tz(v: &str) -> Option<&str> {
    if let Some(rest) = v.strip_suffix('Z') {
        return Some(rest);
    }
    if v.len() >= 6 {
        let (rest, tz) = v.split_at(v.len() - 6);
        let b = tz.as_bytes();
        if (b[0] == b'+' || b[0] == b'-') && b[3] == b':' {
            let h = digits_n(&tz[1..3], 2)?;
            let m = digits_n(&tz[4..6], 2)?;
            if h > 14 || m > 59 || (h == 14 && m != 0) {
                return None;
            }
            return Some(rest);
        }
    }
    Some(v)
}

/// `-?YYYY` with at least four digits, no leading zero beyond four, never 0000.
fn parse_year(s: &str) -> Option<i64> {
    let (neg, d) = match s.strip_prefix('-') {
        Some(d) => (true, d),
        None => (false, s),
    };
    if d.len() < 4 || !d.bytes().all(|b| b.is_ascii_digit()) || (d.len() > 4 && d.starts_with('0'))
    {
        return None;
    }
    let y: i64 = d.parse().ok()?;
    if y == 0 {
        return None;
    }
    Some(if neg { -y } else { y })
}

fn days_in_month(year: i64, month: u32) -> u32 {
    match month {
        2 => {
            let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
            if leap {
                29
            } else {
                28
            }
        }
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

fn parse_time_of_day(s: &str) -> Option<f64> {
    let (hms, frac) = match s.split_once('.') {
        Some((a, f)) if !f.is_empty() && f.bytes().all(|b| b.is_ascii_digit()) => (a, f),
        Some(_) => return None,
        None => (s, ""),
    };
    let parts: Vec<&str> = hms.split(':').collect();
    if parts.len() != 3 {
        return None;
    }
    let h = digits_n(parts[0], 2)?;
    let m = digits_n(parts[1], 2)?;
    let sec = digits_n(parts[2], 2)?;
    let frac_zero = frac.bytes().all(|b| b == b'0');
    if m > 59 || sec > 59 || h > 24 || (h == 24 && (m != 0 || sec != 0 || !frac_zero)) {
        return None;
    }
    let f: f64 = if frac.is_empty() {
        0.0
    } else {
        format!("0.{frac}").parse().ok()?
    };
    Some(f64::from(h * 3600 + m * 60 + sec) + f)
}

fn parse_date_part(s: &str) -> Option<(i64, u8, u8)> {
    let (ys, rest) = s.rsplit_once('-').and_then(|(a, d)| {
        let (y, m) = a.rsplit_once('-')?;
        Some((y, (m, d)))
    })?;
    let y = parse_year(ys)?;
    let m = digits_n(rest.0, 2)?;
    let d = digits_n(rest.1, 2)?;
    if !(1..=12).contains(&m) || d == 0 || d > days_in_month(y, m) {
        return None;
    }
    Some((y, m as u8, d as u8))
}

fn parse_temporal(kind: Builtin, v: &str) -> Option<TimeKey> {
    let body = strip_tz(v)?;
    match kind {
        Builtin::DateTime => {
            let (date, time) = body.split_once('T')?;
            let (y, m, d) = parse_date_part(date)?;
            Some((y, m, d, parse_time_of_day(time)?))
        }
        Builtin::Date => {
            let (y, m, d) = parse_date_part(body)?;
            Some((y, m, d, 0.0))
        }
        Builtin::Time => Some((0, 0, 0, parse_time_of_day(body)?)),
        Builtin::GYear => Some((parse_year(body)?, 0, 0, 0.0)),
        Builtin::GYearMonth => {
            let (y, m) = body.rsplit_once('-')?;
            let m = digits_n(m, 2)?;
            (1..=12)
                .contains(&m)
                .then_some((parse_year(y)?, m as u8, 0, 0.0))
        }
        Builtin::GMonthDay => {
            let rest = body.strip_prefix("--")?;
            let (m, d) = rest.split_once('-')?;
            let m = digits_n(m, 2)?;
            let d = digits_n(d, 2)?;
            ((1..=12).contains(&m) && d >= 1 && d <= days_in_month(2000, m))
                .then_some((0, m as u8, d as u8, 0.0))
        }
        Builtin::GDay => {
            let d = digits_n(body.strip_prefix("---")?, 2)?;
            (1..=31).contains(&d).then_some((0, 0, d as u8, 0.0))
        }
        Builtin::GMonth => {
            let m = digits_n(body.strip_prefix("--")?, 2)?;
            (1..=12).contains(&m).then_some((0, m as u8, 0, 0.0))
        }
        _ => None,
    }
}

fn is_duration(v: &str) -> bool {
    let body = v.strip_prefix('-').unwrap_or(v);
    let Some(body) = body.strip_prefix('P') else {
        return false;
    };
    let (date, time) = match body.split_once('T') {
        Some((d, t)) => (d, Some(t)),
        None => (body, None),
    };
    let Some(n_date) = duration_fields(date, &['Y', 'M', 'D']) else {
        return false;
    };
    match time {
        None => n_date > 0,
        Some(t) => matches!(duration_fields(t, &['H', 'M', 'S']), Some(n) if n > 0),
    }
}

/// Counts the `nX` fields of a duration part, in designator order; only seconds may have
/// a fraction.
fn duration_fields(s: &str, designators: &[char]) -> Option<usize> {
    let mut rest = s;
    let mut next = 0;
    let mut count = 0;
    while !rest.is_empty() {
        let i = rest.find(|c: char| !c.is_ascii_digit() && c != '.')?;
        let (num, tail) = rest.split_at(i);
        let d = tail.chars().next()?;
        let idx = next + designators.get(next..)?.iter().position(|x| *x == d)?;
        let ok = match num.split_once('.') {
            None => !num.is_empty(),
            Some((a, b)) => d == 'S' && !a.is_empty() && !b.is_empty() && !b.contains('.'),
        };
        if !ok {
            return None;
        }
        count += 1;
        next = idx + 1;
        rest = &tail[d.len_utf8()..];
    }
    Some(count)
}

fn base64_octets(v: &str) -> Option<usize> {
    let chars: Vec<char> = v.chars().filter(|c| *c != ' ').collect();
    if !chars.len().is_multiple_of(4) {
        return None;
    }
    let pad = chars.iter().rev().take_while(|c| **c == '=').count();
    if pad > 2 {
        return None;
    }
    let body = &chars[..chars.len() - pad];
    if !body
        .iter()
        .all(|c| c.is_ascii_alphanumeric() || *c == '+' || *c == '/')
    {
        return None;
    }
    Some(chars.len() / 4 * 3 - pad)
}

fn is_name_start_char(c: char) -> bool {
    matches!(c, ':' | 'A'..='Z' | '_' | 'a'..='z' | '\u{C0}'..='\u{D6}' | '\u{D8}'..='\u{F6}'
        | '\u{F8}'..='\u{2FF}' | '\u{370}'..='\u{37D}' | '\u{37F}'..='\u{1FFF}'
        | '\u{200C}'..='\u{200D}' | '\u{2070}'..='\u{218F}' | '\u{2C00}'..='\u{2FEF}'
        | '\u{3001}'..='\u{D7FF}' | '\u{F900}'..='\u{FDCF}' | '\u{FDF0}'..='\u{FFFD}'
        | '\u{10000}'..='\u{EFFFF}')
}

fn is_name_char(c: char) -> bool {
    is_name_start_char(c)
        || matches!(c, '-' | '.' | '0'..='9' | '\u{B7}' | '\u{300}'..='\u{36F}' | '\u{203F}'..='\u{2040}')
}

fn is_name(v: &str) -> bool {
    let mut it = v.chars();
    it.next().is_some_and(is_name_start_char) && it.all(is_name_char)
}

pub(crate) fn is_ncname(v: &str) -> bool {
    is_name(v) && !v.contains(':')
}

/// An `anyURI` as libxml2 accepts it: characters a URI may not hold (space, non-ASCII, `<`,
/// `"`, ...) are first read as `_`, then the text must be an RFC 3986 URI reference.
pub(crate) fn is_uri_reference(v: &str) -> bool {
    let mapped: Vec<u8> = v
        .bytes()
        .map(|b| {
            if !(32..127).contains(&b)
                || matches!(
                    b,
                    b' ' | b'<' | b'>' | b'"' | b'{' | b'}' | b'|' | b'\\' | b'^' | b'`' | b'\''
                )
            {
                b'_'
            } else {
                b
            }
        })
        .collect();
    super::uri::absolute(&mapped) || super::uri::relative(&mapped)
}

/// A compiled `pattern` facet.
#[derive(Debug)]
pub(crate) struct Pattern {
    /// The XSD pattern, for messages.
    pub source: Box<str>,
    /// The `regex` translation.
    translated: String,
    compiled: OnceLock<Result<Regex, String>>,
}

impl Pattern {
    pub(crate) fn new(source: &str) -> Result<Pattern, String> {
        let translated = super::regex::translate(source)
            .map_err(|e| format!("invalid pattern '{source}': {e}"))?;
        Ok(Pattern {
            source: source.into(),
            translated,
            compiled: OnceLock::new(),
        })
    }

    /// Whether the (normalized) value matches; compiles the regex on first use.
    pub(crate) fn matches(&self, v: &str) -> Result<bool, String> {
        let re = self.compiled.get_or_init(|| {
            regex::RegexBuilder::new(&self.translated)
                .size_limit(64 << 20)
                .build()
                .map_err(|e| format!("pattern '{}' does not compile: {e}", self.source))
        });
        match re {
            Ok(re) => Ok(re.is_match(v)),
            Err(e) => Err(e.clone()),
        }
    }
}

/// Facets accumulated along a restriction chain; a value must satisfy all of them.
#[derive(Debug, Default)]
pub(crate) struct Facets {
    /// One set per restriction step that lists enumerations.
    pub enumerations: Vec<Vec<(Box<str>, Option<Value>)>>,
    /// One set per restriction step that has patterns (the step's patterns are alternatives).
    pub patterns: Vec<Vec<std::sync::Arc<Pattern>>>,
    pub length: Option<usize>,
    pub min_length: Option<usize>,
    pub max_length: Option<usize>,
    pub min_inclusive: Option<Value>,
    pub min_exclusive: Option<Value>,
    pub max_inclusive: Option<Value>,
    pub max_exclusive: Option<Value>,
    pub total_digits: Option<usize>,
    pub fraction_digits: Option<usize>,
}

impl Clone for Facets {
    fn clone(&self) -> Self {
        Facets {
            enumerations: self.enumerations.clone(),
            patterns: self.patterns.clone(),
            length: self.length,
            min_length: self.min_length,
            max_length: self.max_length,
            min_inclusive: self.min_inclusive.clone(),
            min_exclusive: self.min_exclusive.clone(),
            max_inclusive: self.max_inclusive.clone(),
            max_exclusive: self.max_exclusive.clone(),
            total_digits: self.total_digits,
            fraction_digits: self.fraction_digits,
        }
    }
}

/// What a simple type is made of.
#[derive(Debug, Clone)]
pub(crate) enum Variety {
    Atomic,
    List(TypeId),
    Union(Vec<TypeId>),
}

/// A simple type definition.
#[derive(Debug, Clone)]
pub(crate) struct SimpleType {
    /// The built-in this type restricts (for lists and unions: anySimpleType).
    pub builtin: Builtin,
    pub variety: Variety,
    pub whitespace: WhiteSpace,
    pub facets: Facets,
}

/// The length a `length` facet measures for an atomic value.
pub(crate) fn atomic_length(builtin: Builtin, normalized: &str, value: &Value) -> Option<usize> {
    match (builtin, value) {
        (Builtin::QName | Builtin::Notation, _) => None,
        (_, Value::Bin(_, n)) => Some(*n),
        (_, Value::Str(_)) => Some(normalized.chars().count()),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lexical_spaces() {
        assert!(Builtin::GYear.parse("2024").is_ok());
        assert!(Builtin::GYear.parse("0000").is_err());
        assert!(Builtin::GYear.parse("024").is_err());
        assert!(Builtin::GYear.parse("+2024").is_err());
        assert!(Builtin::GYear.parse("2024+05:00").is_ok());
        assert!(Builtin::Date.parse("2024-02-30").is_err());
        assert!(Builtin::Date.parse("2024-02-29").is_ok());
        assert!(Builtin::DateTime.parse("2024-02-29T24:00:00Z").is_ok());
        assert!(Builtin::Decimal.parse(".5").is_ok());
        assert!(Builtin::Decimal.parse("5.").is_ok());
        assert!(Builtin::Decimal.parse(".").is_err());
        assert!(Builtin::PositiveInteger.parse("0").is_err());
        assert!(Builtin::UnsignedByte.parse("256").is_err());
        assert!(Builtin::Language.parse("ar-Latn").is_ok());
        assert!(Builtin::Language.parse("abcdefghi").is_err());
        assert!(Builtin::Duration.parse("P1Y2MT3.5S").is_ok());
        assert!(Builtin::Duration.parse("PT").is_err());
        assert!(Builtin::Duration.parse("P").is_err());
        assert!(Builtin::Base64Binary.parse("QUJD").is_ok());
        assert!(Builtin::Base64Binary.parse("QUJ").is_err());
    }

    #[test]
    fn uris_as_libxml2_reads_them() {
        for ok in [
            "http://a b",
            "a:b",
            "%41",
            "",
            " ",
            "http://x/ü",
            "#",
            "?",
            "http://x:99999/",
        ] {
            assert!(is_uri_reference(ok), "{ok}");
        }
        for bad in [
            "http://x/%zz",
            "http://x/#a#b",
            "::",
            "http://[x",
            "ht tp://x",
            "http://x:ab/",
            "1a:b",
        ] {
            assert!(!is_uri_reference(bad), "{bad}");
        }
    }

    #[test]
    fn decimal_order_and_equality() {
        let d = |s| Decimal::parse(s, false).unwrap();
        assert_eq!(d("01.50").cmp(&d("1.5")), Ordering::Equal);
        assert_eq!(d("-0").cmp(&d("0")), Ordering::Equal);
        assert_eq!(d("-2").cmp(&d("-10")), Ordering::Greater);
        assert_eq!(d("10").cmp(&d("9.99")), Ordering::Greater);
        assert_eq!(d("123.450").total_digits(), 5);
        assert_eq!(collapse("  a \t b\n"), "a b");
    }
}
