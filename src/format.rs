//! The output formats papermeta writes and validates.

use std::fmt;
use std::str::FromStr;

/// An output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Format {
    /// JATS 1.3 Journal Publishing XML.
    Jats,
    /// schema.org JSON-LD.
    JsonLd,
    /// BibTeX.
    Bibtex,
    /// papermeta's own model as JSON.
    Model,
}

impl Format {
    /// Every format, in the order outputs are written.
    pub const ALL: [Format; 4] = [Format::Jats, Format::JsonLd, Format::Bibtex, Format::Model];

    /// The name used on the command line.
    pub fn name(self) -> &'static str {
        match self {
            Format::Jats => "jats",
            Format::JsonLd => "jsonld",
            Format::Bibtex => "bibtex",
            Format::Model => "model",
        }
    }

    /// The file name suffix of an output, appended to the input's stem.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Jats => ".jats.xml",
            Format::JsonLd => ".jsonld",
            Format::Bibtex => ".bib",
            Format::Model => ".model.json",
        }
    }

    /// Guesses the format of a file from its content (and, for JSON, its keys).
    pub fn detect(bytes: &[u8]) -> Option<Format> {
        let text = String::from_utf8_lossy(&bytes[..bytes.len().min(4096)]);
        let t = text.trim_start_matches('\u{FEFF}').trim_start();
        if t.starts_with('<') {
            Some(Format::Jats)
        } else if t.starts_with('{') || t.starts_with('[') {
            if text.contains("\"@context\"") {
                Some(Format::JsonLd)
            } else {
                Some(Format::Model)
            }
        } else if t.starts_with('@') || t.starts_with('%') {
            Some(Format::Bibtex)
        } else {
            None
        }
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Format {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "jats" | "xml" => Ok(Format::Jats),
            "jsonld" | "json-ld" => Ok(Format::JsonLd),
            "bibtex" | "bib" => Ok(Format::Bibtex),
            "model" | "json" => Ok(Format::Model),
            other => Err(format!(
                "unknown format `{other}` (expected jats, jsonld, bibtex or model)"
            )),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_formats_by_content() {
        assert_eq!(
            Format::detect(b"<?xml version=\"1.0\"?><article/>"),
            Some(Format::Jats)
        );
        assert_eq!(
            Format::detect(b"{\"@context\": \"https://schema.org\"}"),
            Some(Format::JsonLd)
        );
        assert_eq!(Format::detect(b"{\"source\": {}}"), Some(Format::Model));
        assert_eq!(Format::detect(b"\n@article{x,\n}"), Some(Format::Bibtex));
        assert_eq!(Format::detect(b"plain text"), None);
        assert_eq!("json-ld".parse::<Format>(), Ok(Format::JsonLd));
    }
}
