//! The output formats: one table entry per format, with its name, file extension, media
//! type, content detection, writer and validator. Adding a format is one writer module and
//! one entry in [`BUILTIN`]; everything else (the command line's `--to`, `validate`'s
//! detection, the conversion loop) reads the table.

use crate::export::{self, Export, ExportError};
use crate::model::Document;
use crate::validate::{self, dtd::Dtd, Report};
use std::fmt;
use std::str::FromStr;

/// How the writers render (the options of every writer, each taking its own).
#[derive(Debug, Clone, Default)]
pub struct ExportOptions {
    /// JATS writer options.
    pub jats: export::jats::JatsOptions,
    /// BibTeX writer options.
    pub bibtex: export::bibtex::BibtexOptions,
    /// Crossref writer options.
    pub crossref: export::crossref::CrossrefOptions,
}

/// How the validators check an output.
#[derive(Debug, Clone, Copy, Default)]
pub struct ValidateOptions<'a> {
    /// A DTD to validate JATS against instead of the built-in project DTD.
    pub jats_dtd: Option<&'a Dtd>,
}

/// What content detection sees of a file: its first bytes, read once for every entry.
#[derive(Debug, Clone, Copy)]
pub struct Sniff<'a> {
    /// The start of the file as text, byte order mark and leading white space removed.
    pub head: &'a str,
    /// The local name of the root element, for XML.
    pub xml_root: Option<&'a str>,
}

impl<'a> Sniff<'a> {
    /// How many bytes detection looks at.
    pub const PREFIX: usize = 4096;

    /// Reads the start of `text` (lossy UTF-8 of the file's first [`Sniff::PREFIX`] bytes).
    pub fn new(text: &'a str) -> Self {
        let head = text.trim_start_matches('\u{FEFF}').trim_start();
        Sniff {
            head,
            xml_root: xml_root(head),
        }
    }

    /// Whether the file is JSON whose top level holds `key` (within the first bytes).
    pub fn json_has_key(&self, key: &str) -> bool {
        self.head.starts_with(['{', '[']) && self.head.contains(&format!("\"{key}\""))
    }
}

/// The local name of the first element, skipping the XML declaration, processing
/// instructions, comments and the DOCTYPE.
fn xml_root(head: &str) -> Option<&str> {
    let mut rest = head;
    loop {
        rest = rest.trim_start();
        if !rest.starts_with('<') {
            return None;
        }
        if let Some(r) = rest.strip_prefix("<?") {
            rest = r.split_once("?>")?.1;
        } else if let Some(r) = rest.strip_prefix("<!--") {
            rest = r.split_once("-->")?.1;
        } else if let Some(r) = rest.strip_prefix("<!") {
            // A DOCTYPE may hold an internal subset in brackets.
            let close = match (r.find('['), r.find('>')) {
                (Some(b), Some(g)) if b < g => r[b..].find("]>").map(|e| b + e + 2)?,
                (_, Some(g)) => g + 1,
                _ => return None,
            };
            rest = &r[close..];
        } else {
            let name = rest[1..]
                .split(|c: char| c.is_whitespace() || c == '>' || c == '/')
                .next()?;
            return Some(name.rsplit(':').next().unwrap_or(name));
        }
    }
}

/// Everything papermeta knows about one output format.
#[derive(Debug)]
pub struct FormatSpec {
    /// The name used on the command line (`--to jats`).
    pub name: &'static str,
    /// Other names the command line accepts.
    pub aliases: &'static [&'static str],
    /// The file name suffix of an output, appended to the input's stem.
    pub extension: &'static str,
    /// The IANA media type (or the one in common use).
    pub media_type: &'static str,
    /// Whether a file's content is in this format.
    pub detect: fn(&Sniff) -> bool,
    /// Renders a document.
    pub write: fn(&Document, &ExportOptions) -> Result<Export, ExportError>,
    /// Validates bytes in this format.
    pub validate: fn(&[u8], &ValidateOptions) -> Report,
}

/// An output format: a handle on its table entry.
#[derive(Clone, Copy)]
pub struct Format(&'static FormatSpec);

/// The built-in formats, in the order outputs are written and detection tries them (more
/// specific detections first).
pub static BUILTIN: [&FormatSpec; 8] = [
    &JATS, &JSONLD, &BIBTEX, &CROSSREF, &RIS, &CSLJSON, &MARCXML, &MODEL,
];

static JATS: FormatSpec = FormatSpec {
    name: "jats",
    aliases: &["xml"],
    extension: ".jats.xml",
    media_type: "application/jats+xml",
    detect: |s| s.xml_root == Some("article"),
    write: |doc, o| export::jats::write_jats(doc, &o.jats),
    validate: |bytes, o| match o.jats_dtd {
        Some(dtd) => validate::jats::validate_jats_with(bytes, dtd),
        None => validate::jats::validate_jats(bytes),
    },
};

static JSONLD: FormatSpec = FormatSpec {
    name: "jsonld",
    aliases: &["json-ld"],
    extension: ".jsonld",
    media_type: "application/ld+json",
    detect: |s| s.json_has_key("@context"),
    write: |doc, _| export::jsonld::write_jsonld(doc),
    validate: |bytes, _| validate::jsonld::validate_jsonld(bytes),
};

static BIBTEX: FormatSpec = FormatSpec {
    name: "bibtex",
    aliases: &["bib"],
    extension: ".bib",
    media_type: "application/x-bibtex",
    detect: |s| s.head.starts_with(['@', '%']),
    write: |doc, o| export::bibtex::write_bibtex(doc, &o.bibtex),
    validate: |bytes, _| validate::bibtex::validate_bibtex(bytes),
};

static CROSSREF: FormatSpec = FormatSpec {
    name: "crossref",
    aliases: &[],
    extension: ".crossref.xml",
    media_type: "application/vnd.crossref.deposit+xml",
    detect: |s| s.xml_root == Some("doi_batch"),
    write: |doc, o| export::crossref::write_crossref(doc, &o.crossref),
    validate: |bytes, _| validate::crossref::validate_crossref(bytes),
};

static RIS: FormatSpec = FormatSpec {
    name: "ris",
    aliases: &[],
    extension: ".ris",
    media_type: "application/x-research-info-systems",
    detect: |s| s.head.starts_with("TY  - "),
    write: |doc, _| export::ris::write_ris(doc),
    validate: |bytes, _| validate::ris::validate_ris(bytes),
};

static CSLJSON: FormatSpec = FormatSpec {
    name: "csljson",
    aliases: &["csl-json", "csl"],
    extension: ".csl.json",
    media_type: "application/vnd.citationstyles.csl+json",
    detect: |s| {
        s.head.starts_with('[')
            && s.json_has_key("id")
            && s.json_has_key("type")
            && !s.json_has_key("@context")
    },
    write: |doc, _| export::csljson::write_csljson(doc),
    validate: |bytes, _| validate::csljson::validate_csljson(bytes),
};

static MARCXML: FormatSpec = FormatSpec {
    name: "marcxml",
    aliases: &["marc"],
    extension: ".marc.xml",
    media_type: "application/marcxml+xml",
    detect: |s| {
        matches!(s.xml_root, Some("collection") | Some("record")) && s.head.contains("MARC21/slim")
    },
    write: |doc, _| export::marcxml::write_marcxml(doc),
    validate: |bytes, _| validate::marcxml::validate_marcxml(bytes),
};

static MODEL: FormatSpec = FormatSpec {
    name: "model",
    aliases: &["json"],
    extension: ".model.json",
    media_type: "application/json",
    detect: |s| s.head.starts_with('{') && s.json_has_key("source") && s.json_has_key("front"),
    write: |doc, _| export::model::write_model(doc),
    // The model is typed serde output: reading it back into the types the schema is made
    // from checks it without compiling the schema (`papermeta validate` uses the schema).
    validate: |bytes, _| validate::model::check_model_output(bytes),
};

impl Format {
    /// JATS 1.3 Journal Publishing XML.
    pub const JATS: Format = Format(&JATS);
    /// schema.org JSON-LD.
    pub const JSONLD: Format = Format(&JSONLD);
    /// BibTeX.
    pub const BIBTEX: Format = Format(&BIBTEX);
    /// papermeta's own model as JSON.
    pub const MODEL: Format = Format(&MODEL);
    /// Crossref metadata deposit XML (schema 5.3.1).
    pub const CROSSREF: Format = Format(&CROSSREF);
    /// RIS.
    pub const RIS: Format = Format(&RIS);
    /// CSL-JSON.
    pub const CSLJSON: Format = Format(&CSLJSON);
    /// MARCXML.
    pub const MARCXML: Format = Format(&MARCXML);

    /// A format from its table entry (for formats outside the built-in table).
    pub const fn from_spec(spec: &'static FormatSpec) -> Self {
        Format(spec)
    }

    /// Every built-in format, in the order outputs are written.
    pub fn all() -> impl Iterator<Item = Format> {
        BUILTIN.iter().map(|spec| Format(spec))
    }

    /// The format's table entry.
    pub fn spec(self) -> &'static FormatSpec {
        self.0
    }

    /// The name used on the command line.
    pub fn name(self) -> &'static str {
        self.0.name
    }

    /// The file name suffix of an output, appended to the input's stem.
    pub fn extension(self) -> &'static str {
        self.0.extension
    }

    /// The media type of the format.
    pub fn media_type(self) -> &'static str {
        self.0.media_type
    }

    /// Renders `doc` in this format, without validating it.
    pub fn write(self, doc: &Document, options: &ExportOptions) -> Result<Export, ExportError> {
        (self.0.write)(doc, options)
    }

    /// Validates bytes in this format.
    pub fn validate(self, bytes: &[u8], options: &ValidateOptions) -> Report {
        (self.0.validate)(bytes, options)
    }

    /// Guesses the built-in format of a file from its content.
    pub fn detect(bytes: &[u8]) -> Option<Format> {
        FormatTable::builtin().detect(bytes)
    }

    /// Where the format stands in the table's order (outputs are written in this order).
    fn rank(self) -> usize {
        BUILTIN
            .iter()
            .position(|s| std::ptr::eq(*s, self.0))
            .unwrap_or(BUILTIN.len())
    }
}

impl PartialEq for Format {
    fn eq(&self, other: &Self) -> bool {
        self.0.name == other.0.name
    }
}

impl Eq for Format {}

impl std::hash::Hash for Format {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.0.name.hash(state);
    }
}

impl PartialOrd for Format {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Format {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        (self.rank(), self.0.name).cmp(&(other.rank(), other.0.name))
    }
}

impl fmt::Debug for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Format({})", self.0.name)
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0.name)
    }
}

impl FromStr for Format {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        FormatTable::builtin().by_name(s)
    }
}

/// A table of formats: the built-in one, or one extended with formats of the caller's.
#[derive(Debug, Clone)]
pub struct FormatTable {
    specs: Vec<&'static FormatSpec>,
}

impl FormatTable {
    /// The built-in formats.
    pub fn builtin() -> Self {
        FormatTable {
            specs: BUILTIN.to_vec(),
        }
    }

    /// The table with one more format (tried after the others in detection).
    pub fn with(mut self, spec: &'static FormatSpec) -> Self {
        self.specs.push(spec);
        self
    }

    /// The formats, in table order.
    pub fn formats(&self) -> impl Iterator<Item = Format> + '_ {
        self.specs.iter().map(|s| Format(s))
    }

    /// The format a command-line name (or alias) names.
    pub fn by_name(&self, name: &str) -> Result<Format, String> {
        let wanted = name.trim().to_ascii_lowercase();
        self.formats()
            .find(|f| f.0.name == wanted || f.0.aliases.contains(&wanted.as_str()))
            .ok_or_else(|| {
                let names: Vec<&str> = self.specs.iter().map(|s| s.name).collect();
                format!("unknown format `{wanted}` (expected {})", names.join(", "))
            })
    }

    /// The first format whose detection accepts the file's content.
    pub fn detect(&self, bytes: &[u8]) -> Option<Format> {
        let text = String::from_utf8_lossy(&bytes[..bytes.len().min(Sniff::PREFIX)]);
        let sniff = Sniff::new(&text);
        self.formats().find(|f| (f.0.detect)(&sniff))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_formats_by_content() {
        assert_eq!(
            Format::detect(b"<?xml version=\"1.0\"?><article/>"),
            Some(Format::JATS)
        );
        assert_eq!(
            Format::detect(b"<?xml version=\"1.0\"?>\n<!DOCTYPE article PUBLIC \"x\" \"y\" [ <!ENTITY a \"b\"> ]>\n<!-- c -->\n<article dtd-version=\"1.3\">"),
            Some(Format::JATS)
        );
        assert_eq!(
            Format::detect(b"{\"@context\": \"https://schema.org\"}"),
            Some(Format::JSONLD)
        );
        assert_eq!(
            Format::detect(b"{\"source\": {}, \"front\": {}}"),
            Some(Format::MODEL)
        );
        assert_eq!(Format::detect(b"\n@article{x,\n}"), Some(Format::BIBTEX));
        assert_eq!(Format::detect(b"plain text"), None);
        // Other XML and other JSON are not taken for JATS or the model.
        assert_eq!(
            Format::detect(b"<doi_batch version=\"5.3.1\"/>"),
            Some(Format::CROSSREF)
        );
        assert_eq!(
            Format::detect(b"[{\"id\": \"a\", \"type\": \"book\"}]"),
            Some(Format::CSLJSON)
        );
        assert_eq!(
            Format::detect(b"<collection xmlns=\"http://www.loc.gov/MARC21/slim\"><record/>"),
            Some(Format::MARCXML)
        );
        assert_eq!(Format::detect(b"TY  - JOUR\nER  - \n"), Some(Format::RIS));
        assert_eq!(Format::detect(b"<record/>"), None);
        assert_eq!("json-ld".parse::<Format>(), Ok(Format::JSONLD));
        assert!("tei"
            .parse::<Format>()
            .unwrap_err()
            .contains("jats, jsonld"));
    }

    #[test]
    fn formats_sort_in_table_order() {
        let mut v = vec![
            Format::MODEL,
            Format::MARCXML,
            Format::BIBTEX,
            Format::CSLJSON,
            Format::JATS,
            Format::RIS,
            Format::JSONLD,
            Format::CROSSREF,
        ];
        v.sort();
        assert_eq!(v, Format::all().collect::<Vec<_>>());
    }
}
