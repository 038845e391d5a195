//! papermeta: turns the text of a scholarly paper into structured records.
//!
//! Readers (`extract`, `meta`) fill one canonical [`model::Document`]; writers (`export`)
//! turn it into JATS XML, schema.org JSON-LD and BibTeX; `validate` checks every output
//! against its schema before `convert` lets it be written.
//!
//! ```
//! use papermeta::convert::{self, ConvertOptions};
//! use papermeta::format::Format;
//!
//! let text = "Water Governance in Coastal Cities\n\nDr. Samira Haddad\nUniversity of Basrah\n\n\
//!             Abstract: How cities reorganized their water utilities.\n\n\
//!             Keywords: water; cities.\n\n1. Introduction\n\nCities face a double pressure.\n";
//! let doc = convert::read_document(text.as_bytes(), "paper.txt", None).unwrap();
//! assert_eq!(doc.front.titles[0].text, "Water Governance in Coastal Cities");
//! assert_eq!(doc.front.keywords[0].keywords, ["water", "cities"]);
//!
//! // Every output is validated; BibTeX needs no journal facts.
//! let bib = convert::render(&doc, Format::BIBTEX, &ConvertOptions::default()).unwrap();
//! assert!(bib.report.is_valid());
//! assert!(String::from_utf8(bib.bytes).unwrap().contains("Haddad"));
//! ```

pub mod batch;
pub mod convert;
pub mod export;
pub mod extract;
pub mod format;
pub mod meta;
pub mod model;
pub mod model_file;
pub mod output;
pub mod script;
pub mod summary;
pub mod validate;

#[cfg(test)]
pub(crate) mod testing;
