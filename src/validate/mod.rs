//! Output plus schema → report. Validators never change the output they check.

use crate::model::{Diagnostic, Severity};

/// The findings of one validation.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Report {
    /// Errors and warnings, in document order.
    pub diagnostics: Vec<Diagnostic>,
}

impl Report {
    /// Whether the report holds no error.
    pub fn is_valid(&self) -> bool {
        !self
            .diagnostics
            .iter()
            .any(|d| d.severity == Severity::Error)
    }
    /// The errors.
    pub fn errors(&self) -> impl Iterator<Item = &Diagnostic> {
        self.diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error)
    }
    /// The same report with every warning raised to an error (the CLI's `--strict`).
    pub fn into_strict(mut self) -> Self {
        for d in &mut self.diagnostics {
            d.severity = Severity::Error;
        }
        self
    }
}

pub mod bibtex;
pub mod crossref;
pub mod csljson;
mod cursor;
pub mod dtd;
pub mod files;
pub mod jats;
pub mod json_pointer;
pub mod jsonld;
mod jsonld_shape;
pub mod marcxml;
pub mod model;
pub mod official;
pub mod profiles;
pub mod ris;
pub mod schemaorg;
pub mod xsd;
