//! Small value types shared by the whole model.

use schemars::{JsonSchema, Schema, SchemaGenerator};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::borrow::Cow;
use std::fmt;
use std::str::FromStr;

/// Where a value was read from: a range of source lines (1-based, inclusive) and, where the
/// reader knows them, the page it starts on and its box on that page.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Span {
    /// First line, counted from 1.
    pub line: usize,
    /// Last line, counted from 1; equal to `line` for a single line.
    pub end_line: usize,
    /// The page the first line is on, counted from 1, when the input has pages.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page: Option<usize>,
    /// The value's box on that page, when the input gives positions (a PDF does).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bbox: Option<BoundingBox>,
}

impl Span {
    /// A span covering one line.
    pub fn line(line: usize) -> Self {
        Span {
            line,
            end_line: line,
            page: None,
            bbox: None,
        }
    }
    /// A span from `line` to `end_line`.
    pub fn lines(line: usize, end_line: usize) -> Self {
        Span {
            line,
            end_line: end_line.max(line),
            page: None,
            bbox: None,
        }
    }
}

/// A rectangle on a page, in PDF points (1/72 inch) measured from the page's top-left corner.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct BoundingBox {
    /// Left edge.
    pub x0: f32,
    /// Top edge.
    pub y0: f32,
    /// Right edge.
    pub x1: f32,
    /// Bottom edge.
    pub y1: f32,
}

impl BoundingBox {
    /// The smallest box holding both.
    pub fn union(self, other: BoundingBox) -> BoundingBox {
        BoundingBox {
            x0: self.x0.min(other.x0),
            y0: self.y0.min(other.y0),
            x1: self.x1.max(other.x1),
            y1: self.y1.max(other.y1),
        }
    }
    /// Width of the box.
    pub fn width(&self) -> f32 {
        self.x1 - self.x0
    }
    /// Height of the box.
    pub fn height(&self) -> f32 {
        self.y1 - self.y0
    }
}

/// Text in one language, tagged with a BCP 47 language tag (`ar`, `en`, ...).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct LocalizedText {
    /// BCP 47 language tag of `text`.
    pub lang: String,
    /// The text exactly as the source has it.
    pub text: String,
    /// Where the text was read from; absent when it came from a metadata file.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<Span>,
}

/// A writing system, as far as papermeta needs to tell them apart.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Script {
    /// Arabic script (Arabic, Persian, Urdu, Kurdish ...).
    Arabic,
    /// Latin script.
    Latin,
    /// Anything else, or a mix with no clear majority.
    #[default]
    Other,
}

impl Script {
    /// The ISO 15924 code of the script (`Arab`, `Latn`, `Zyyy`).
    pub fn iso15924(self) -> &'static str {
        match self {
            Script::Arabic => "Arab",
            Script::Latin => "Latn",
            Script::Other => "Zyyy",
        }
    }
}

/// A value read from text, kept as printed next to its machine reading
/// (so `٢٠١١` stays `٢٠١١` while `value` is `2011`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct MaybeTyped<T> {
    /// The value exactly as printed.
    pub raw: String,
    /// The normalized value, when the raw text could be read as one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<T>,
}

impl<T> MaybeTyped<T> {
    /// A value with both its printed form and its reading.
    pub fn typed(raw: impl Into<String>, value: T) -> Self {
        MaybeTyped {
            raw: raw.into(),
            value: Some(value),
        }
    }
    /// A value that could not be read.
    pub fn untyped(raw: impl Into<String>) -> Self {
        MaybeTyped {
            raw: raw.into(),
            value: None,
        }
    }
}

/// A machine value kept as printed (or as given in a metadata file), with its reading: an
/// ISSN, a DOI, an ORCID iD, a volume or issue number. It serializes as the printed text
/// alone, so the reading is made once, when the value is read, and again from the text
/// whenever a document is deserialized.
pub struct Printed<T: FromStr> {
    text: String,
    reading: Result<T, T::Err>,
}

impl<T: FromStr> Printed<T> {
    /// The value printed as `text`, read with `T`'s parser.
    pub fn new(text: impl Into<String>) -> Self {
        let text = text.into();
        let reading = text.parse();
        Printed { text, reading }
    }
    /// The printed text.
    pub fn as_str(&self) -> &str {
        &self.text
    }
    /// The reading, or why the text could not be read.
    pub fn reading(&self) -> Result<&T, &T::Err> {
        self.reading.as_ref()
    }
    /// The reading, when the text could be read.
    pub fn value(&self) -> Option<&T> {
        self.reading.as_ref().ok()
    }
}

impl<T: FromStr + fmt::Display> Printed<T> {
    /// A value printed in its canonical form.
    pub fn from_value(value: T) -> Self {
        Printed {
            text: value.to_string(),
            reading: Ok(value),
        }
    }
}

impl<T: FromStr> std::ops::Deref for Printed<T> {
    type Target = str;
    fn deref(&self) -> &str {
        &self.text
    }
}

impl<T: FromStr> AsRef<str> for Printed<T> {
    fn as_ref(&self) -> &str {
        &self.text
    }
}

impl<T: FromStr> From<String> for Printed<T> {
    fn from(text: String) -> Self {
        Printed::new(text)
    }
}

impl<T: FromStr> From<&str> for Printed<T> {
    fn from(text: &str) -> Self {
        Printed::new(text)
    }
}

impl<T: FromStr + Clone> Clone for Printed<T>
where
    T::Err: Clone,
{
    fn clone(&self) -> Self {
        Printed {
            text: self.text.clone(),
            reading: self.reading.clone(),
        }
    }
}

/// Two printed values are equal when their texts are (the reading follows from the text).
impl<T: FromStr> PartialEq for Printed<T> {
    fn eq(&self, other: &Self) -> bool {
        self.text == other.text
    }
}

impl<T: FromStr> Eq for Printed<T> {}

impl<T: FromStr> PartialEq<str> for Printed<T> {
    fn eq(&self, other: &str) -> bool {
        self.text == other
    }
}

impl<T: FromStr> PartialEq<&str> for Printed<T> {
    fn eq(&self, other: &&str) -> bool {
        self.text == *other
    }
}

impl<T: FromStr + fmt::Debug> fmt::Debug for Printed<T>
where
    T::Err: fmt::Debug,
{
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Printed")
            .field("text", &self.text)
            .field("reading", &self.reading)
            .finish()
    }
}

impl<T: FromStr> fmt::Display for Printed<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

impl<T: FromStr> Serialize for Printed<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.text)
    }
}

impl<'de, T: FromStr> Deserialize<'de> for Printed<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        String::deserialize(deserializer).map(Printed::new)
    }
}

/// In the schema a printed value is the string it serializes as.
impl<T: FromStr> JsonSchema for Printed<T> {
    fn inline_schema() -> bool {
        true
    }
    fn schema_name() -> Cow<'static, str> {
        String::schema_name()
    }
    fn schema_id() -> Cow<'static, str> {
        String::schema_id()
    }
    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        String::json_schema(generator)
    }
}

/// A whole number written with Western, Arabic-Indic or Persian digits (`12`, `١٢`, `۱۲`),
/// nothing else; displayed with Western digits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Numeral(pub u32);

/// Why a text is not a [`Numeral`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("`{0}` is not a number")]
pub struct NotANumeral(pub String);

impl FromStr for Numeral {
    type Err = NotANumeral;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        crate::script::digits::parse_number(s)
            .map(Numeral)
            .ok_or_else(|| NotANumeral(s.to_string()))
    }
}

impl fmt::Display for Numeral {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

/// A volume or issue as printed (`12`, `١٢`, `2 (special)`, `64-65`), read as a number when
/// it is one.
pub type Numbering = Printed<Numeral>;

impl Printed<Numeral> {
    /// The number, when the printed text is a plain number.
    pub fn number(&self) -> Option<u32> {
        self.value().map(|n| n.0)
    }
}

/// A page range such as `193 _ 194`, `pp. 3-5` or `٦٩-٧١`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PageRange {
    /// The range exactly as printed, without its `p.`/`ص` label.
    pub raw: String,
    /// First page, when it is a number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first: Option<u32>,
    /// Last page, when a range is given and it is a number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last: Option<u32>,
}

/// A calendar date that may lack its month or day.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PartialDate {
    /// Year (Gregorian).
    pub year: i32,
    /// Month, 1 to 12.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub month: Option<u8>,
    /// Day of the month, 1 to 31.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub day: Option<u8>,
}

impl PartialDate {
    /// ISO 8601 form: `2024`, `2024-03` or `2024-03-31`.
    pub fn iso(&self) -> String {
        match (self.month, self.day) {
            (Some(m), Some(d)) => format!("{:04}-{:02}-{:02}", self.year, m, d),
            (Some(m), None) => format!("{:04}-{:02}", self.year, m),
            _ => format!("{:04}", self.year),
        }
    }
}

/// How serious a diagnostic is.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Worth a look; the output is still complete and valid.
    #[default]
    Warning,
    /// The output is invalid or incomplete.
    Error,
}

/// A warning or error about the input or an output, with its position where known.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Diagnostic {
    /// How serious it is.
    pub severity: Severity,
    /// A stable kebab-case code, e.g. `footnote-without-marker`.
    pub code: String,
    /// One sentence a user understands.
    pub message: String,
    /// Source line (1-based), when the diagnostic points into the input.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
    /// Column (1-based, in characters), when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub column: Option<usize>,
}

impl Diagnostic {
    /// A warning about an input line.
    pub fn warning(code: &str, message: impl Into<String>, line: Option<usize>) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            code: code.to_string(),
            message: message.into(),
            line,
            column: None,
        }
    }
    /// An error about an input line.
    pub fn error(code: &str, message: impl Into<String>, line: Option<usize>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            code: code.to_string(),
            message: message.into(),
            line,
            column: None,
        }
    }
}
