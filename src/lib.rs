//! papermeta: turns the text of a scholarly paper into structured records.
//!
//! Readers (`extract`, `meta`) fill one canonical [`model::Document`]; writers (`export`)
//! turn it into JATS XML, schema.org JSON-LD and BibTeX; `validate` checks every output
//! against its schema before `convert` lets it be written.

pub mod convert;
pub mod export;
pub mod extract;
pub mod format;
pub mod meta;
pub mod model;
pub mod output;
pub mod script;
pub mod summary;
pub mod validate;
