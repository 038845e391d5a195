//! Export orchestration: every output is rendered, then validated against its schema, and
//! only then written (atomically). Invalid output is never written silently.

use crate::export::bibtex::{write_bibtex, BibtexOptions};
use crate::export::jats::{write_jats, JatsOptions};
use crate::export::jsonld::write_jsonld;
use crate::export::{Export, ExportError};
use crate::extract::{extract_document, ExtractError};
use crate::format::Format;
use crate::meta::{apply_metadata, Metadata};
use crate::model::{Diagnostic, Document};
use crate::output::{write_atomic, OutputError};
use crate::validate::dtd::Dtd;
use crate::validate::{validate_bytes, Report};
use std::path::{Path, PathBuf};

/// How to render and check the outputs.
#[derive(Default)]
pub struct ConvertOptions {
    /// JATS writer options.
    pub jats: JatsOptions,
    /// BibTeX writer options.
    pub bibtex: BibtexOptions,
    /// A DTD to validate JATS against instead of the built-in project DTD.
    pub jats_dtd: Option<Dtd>,
}

/// One rendered and validated output.
#[derive(Debug, Clone)]
pub struct Artifact {
    /// Its format.
    pub format: Format,
    /// Its bytes.
    pub bytes: Vec<u8>,
    /// What the writer could not render or found missing.
    pub warnings: Vec<Diagnostic>,
    /// What validation found.
    pub report: Report,
}

/// Reads a paper and applies the metadata file, if any. Metadata warnings join the document's.
pub fn read_document(
    bytes: &[u8],
    file_name: &str,
    meta: Option<&Metadata>,
) -> Result<Document, ExtractError> {
    let mut doc = extract_document(bytes, file_name)?;
    if let Some(meta) = meta {
        let warnings = apply_metadata(&mut doc, meta);
        doc.warnings.extend(warnings);
    }
    Ok(doc)
}

/// Serializes the document in one format, without validating it.
pub fn export(
    doc: &Document,
    format: Format,
    options: &ConvertOptions,
) -> Result<Export, ExportError> {
    match format {
        Format::Jats => write_jats(doc, &options.jats),
        Format::JsonLd => write_jsonld(doc),
        Format::Bibtex => write_bibtex(doc, &options.bibtex),
        Format::Model => {
            let mut bytes = serde_json::to_vec_pretty(doc).map_err(|e| ExportError::Serialize {
                format: "model",
                message: e.to_string(),
            })?;
            bytes.push(b'\n');
            Ok(Export {
                bytes,
                warnings: Vec::new(),
            })
        }
    }
}

/// Serializes the document in one format and validates the result.
pub fn render(
    doc: &Document,
    format: Format,
    options: &ConvertOptions,
) -> Result<Artifact, ExportError> {
    let Export { bytes, warnings } = export(doc, format, options)?;
    let report = validate_bytes(format, &bytes, options.jats_dtd.as_ref());
    Ok(Artifact {
        format,
        bytes,
        warnings,
        report,
    })
}

/// The path an output of `format` gets: `DIR/<stem><extension>`.
pub fn output_path(dir: &Path, stem: &str, format: Format) -> PathBuf {
    dir.join(format!("{stem}{}", format.extension()))
}

/// Writes the artifacts that passed validation, atomically; returns the paths written.
/// An invalid artifact is never written.
pub fn write_valid(
    dir: &Path,
    stem: &str,
    artifacts: &[Artifact],
) -> Result<Vec<PathBuf>, OutputError> {
    let mut written = Vec::new();
    for artifact in artifacts.iter().filter(|a| a.report.is_valid()) {
        let path = output_path(dir, stem, artifact.format);
        write_atomic(&path, &artifact.bytes)?;
        written.push(path);
    }
    Ok(written)
}

/// The stem of an input's outputs: its file name without the last extension (`paper` for
/// `paper.txt`, `stdin` for `-`).
pub fn output_stem(input: &str) -> String {
    if input == "-" {
        return "stdin".to_string();
    }
    Path::new(input)
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| "paper".to_string())
}
