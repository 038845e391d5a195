//! The conversion of one paper: read it, apply the metadata, render every requested output,
//! validate each, and write the valid ones atomically. Invalid output is never written
//! silently; the [`Outcome`] says what was written, what failed and why, and the exit status
//! that follows from it. Front ends (the command line, a batch runner) only print it.

use crate::extract::{extract_document, ExtractError};
use crate::format::{ExportOptions, Format, ValidateOptions};
use crate::meta::{apply_metadata, Metadata};
use crate::model::{Diagnostic, Document};
use crate::output::{remove_stale_temporaries, OutputError, OutputSet};
use crate::validate::dtd::Dtd;
use crate::validate::Report;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};
use thiserror::Error;

/// How to render, check and write the outputs.
#[derive(Default)]
pub struct ConvertOptions {
    /// The writers' options.
    pub export: ExportOptions,
    /// A DTD to validate JATS against instead of the built-in project DTD.
    pub jats_dtd: Option<Dtd>,
    /// What to write when some outputs fail.
    pub policy: WritePolicy,
}

/// What a conversion writes when some requested outputs fail (their writer refused the
/// document, or they failed validation).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum WritePolicy {
    /// Never mix two runs in a folder: when an earlier output of a failed format is there,
    /// write nothing (every earlier output stays as it was, named in [`Outcome::kept`]);
    /// when there is none, the valid outputs are written, since they then mix with nothing.
    #[default]
    AllOrNothing,
    /// Write the valid outputs; the earlier outputs of the failed formats are left in place
    /// and named in [`Outcome::stale`].
    Partial,
}

impl ConvertOptions {
    fn validate_options(&self) -> ValidateOptions<'_> {
        ValidateOptions {
            jats_dtd: self.jats_dtd.as_ref(),
        }
    }
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

/// The exit status a conversion ends with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Status {
    /// Every requested output was valid and written.
    Ok,
    /// An output failed validation (or its writer failed) and was not written.
    Invalid,
    /// The input or the metadata could not be used, or a format lacks a fact it needs.
    Usage,
}

impl Status {
    /// The process exit code: 0, 1 or 2.
    pub fn code(self) -> u8 {
        match self {
            Status::Ok => 0,
            Status::Invalid => 1,
            Status::Usage => 2,
        }
    }
}

/// Why a conversion stopped before its outputs were decided.
#[derive(Debug, Error)]
pub enum ConvertError {
    /// The input could not be read into a document.
    #[error(transparent)]
    Read(#[from] ExtractError),
    /// A model JSON could not be read (`papermeta export`).
    #[error(transparent)]
    Model(#[from] crate::model_file::ModelError),
    /// An output directory or file could not be written.
    #[error(transparent)]
    Write(#[from] OutputError),
}

impl ConvertError {
    /// The exit status it ends the process with.
    pub fn status(&self) -> Status {
        Status::Usage
    }
}

/// One paper to convert.
#[derive(Clone, Copy)]
pub struct Job<'a> {
    /// The input's name as given (`-` for standard input), used in messages.
    pub input_name: &'a str,
    /// The input's bytes.
    pub bytes: &'a [u8],
    /// Publication facts that override what the text gives, in layers: each later one
    /// overrides the earlier ones (a journal's file, then an article's).
    pub meta: &'a [&'a Metadata],
    /// The outputs to render, in any order and possibly repeated.
    pub formats: &'a [Format],
    /// The directory the outputs go to (created when something is written).
    pub out_dir: &'a Path,
    /// The stem of the output names: `<stem><extension>`.
    pub stem: &'a str,
    /// Told each phase as it starts (for a progress line on long inputs).
    pub progress: Option<&'a (dyn Fn(Phase) + Sync)>,
}

/// A phase of a conversion, for progress reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Phase {
    /// Reading the input into the model.
    Reading,
    /// Rendering and validating one output.
    Rendering(Format),
    /// Writing the outputs.
    Writing,
}

/// How long each phase took.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Timing {
    /// Reading the input into the model and applying the metadata.
    pub read: Duration,
    /// Rendering and validating every output.
    pub render: Duration,
    /// Writing the outputs.
    pub write: Duration,
}

/// What converting one paper did.
#[derive(Debug)]
pub struct Outcome {
    /// The document the outputs were rendered from.
    pub document: Document,
    /// Formats whose writer refused the document, with why (in table order).
    pub failed: Vec<(Format, crate::export::ExportError)>,
    /// Every rendered output with its validation report (in table order), valid or not.
    pub artifacts: Vec<Artifact>,
    /// The files written.
    pub written: Vec<PathBuf>,
    /// Outputs of an earlier run that this run did not replace because their format failed
    /// (with [`WritePolicy::Partial`]; with the default policy nothing is replaced then).
    pub stale: Vec<PathBuf>,
    /// Outputs of an earlier run, of formats that failed, because of which the default policy
    /// wrote nothing (writing the others would have mixed two runs).
    pub kept: Vec<PathBuf>,
    /// Temporaries a killed papermeta had left in the output directory, removed by this run.
    pub removed_temporaries: Vec<PathBuf>,
    /// How long each phase took.
    pub timing: Timing,
}

impl Outcome {
    /// The exit status that follows: a missing fact is a usage error, an invalid output or
    /// a failed writer an invalid result.
    pub fn status(&self) -> Status {
        let failed = self.failed.iter().map(|(_, e)| match e {
            crate::export::ExportError::MissingFact { .. } => Status::Usage,
            _ => Status::Invalid,
        });
        let invalid = self
            .artifacts
            .iter()
            .filter(|a| !a.report.is_valid())
            .map(|_| Status::Invalid);
        failed.chain(invalid).max().unwrap_or(Status::Ok)
    }
}

/// Converts one paper: reads it, renders and validates every requested format, and writes
/// the valid outputs atomically into the job's directory.
pub fn convert(job: &Job, options: &ConvertOptions) -> Result<Outcome, ConvertError> {
    let started = Instant::now();
    job.tell(Phase::Reading);
    let document = read_document_layers(job.bytes, job.input_name, job.meta)?;
    finish(document, started.elapsed(), job, options)
}

/// Re-exports a model JSON (a document a person may have edited): the job's bytes are the
/// model, read by [`crate::model_file::read_model`] (format version and schema checked, every
/// problem with its JSON pointer and line), then the metadata layers apply and every
/// requested format is rendered, validated and written as [`convert`] does.
pub fn convert_model(job: &Job, options: &ConvertOptions) -> Result<Outcome, ConvertError> {
    let started = Instant::now();
    job.tell(Phase::Reading);
    let mut document = crate::model_file::read_model(job.bytes, job.input_name)?;
    for meta in job.meta {
        let warnings = apply_metadata(&mut document, meta);
        document.warnings.extend(warnings);
    }
    finish(document, started.elapsed(), job, options)
}

impl Job<'_> {
    fn tell(&self, phase: Phase) {
        if let Some(progress) = self.progress {
            progress(phase);
        }
    }
}

/// Renders, validates and writes the outputs of a document that has been read.
fn finish(
    document: Document,
    read: Duration,
    job: &Job,
    options: &ConvertOptions,
) -> Result<Outcome, ConvertError> {
    let tell = |phase| job.tell(phase);
    let started = Instant::now();
    let mut formats = job.formats.to_vec();
    formats.sort();
    formats.dedup();
    let mut failed = Vec::new();
    let mut artifacts = Vec::new();
    for format in formats {
        tell(Phase::Rendering(format));
        match render(&document, format, options) {
            Ok(artifact) => artifacts.push(artifact),
            Err(e) => failed.push((format, e)),
        }
    }
    let render = started.elapsed();
    let started = Instant::now();
    // Outputs of an earlier run that this run cannot replace: their format failed.
    let unreplaced: Vec<PathBuf> = failed
        .iter()
        .map(|(f, _)| *f)
        .chain(
            artifacts
                .iter()
                .filter(|a| !a.report.is_valid())
                .map(|a| a.format),
        )
        .map(|f| output_path(job.out_dir, job.stem, f))
        .filter(|p| p.is_file())
        .collect();
    let write = options.policy == WritePolicy::Partial || unreplaced.is_empty();
    let mut written = Vec::new();
    let mut removed_temporaries = Vec::new();
    if write && artifacts.iter().any(|a| a.report.is_valid()) {
        tell(Phase::Writing);
        std::fs::create_dir_all(job.out_dir).map_err(|source| OutputError {
            path: job.out_dir.to_path_buf(),
            source,
        })?;
        removed_temporaries = remove_stale_temporaries(job.out_dir);
        written = write_valid(job.out_dir, job.stem, &artifacts)?;
    }
    let (stale, kept) = if write {
        (unreplaced, Vec::new())
    } else {
        (Vec::new(), unreplaced)
    };
    Ok(Outcome {
        document,
        failed,
        artifacts,
        written,
        stale,
        kept,
        removed_temporaries,
        timing: Timing {
            read,
            render,
            write: started.elapsed(),
        },
    })
}

/// Reads a paper and applies the metadata file, if any. Metadata warnings join the document's.
pub fn read_document(
    bytes: &[u8],
    file_name: &str,
    meta: Option<&Metadata>,
) -> Result<Document, ExtractError> {
    read_document_layers(bytes, file_name, meta.as_slice())
}

/// Reads a paper and applies metadata layers in order (later ones override earlier ones).
pub fn read_document_layers(
    bytes: &[u8],
    file_name: &str,
    layers: &[&Metadata],
) -> Result<Document, ExtractError> {
    let mut doc = extract_document(bytes, file_name)?;
    for meta in layers {
        let warnings = apply_metadata(&mut doc, meta);
        doc.warnings.extend(warnings);
    }
    Ok(doc)
}

/// Serializes the document in one format and validates the result.
pub fn render(
    doc: &Document,
    format: Format,
    options: &ConvertOptions,
) -> Result<Artifact, crate::export::ExportError> {
    let crate::export::Export { bytes, warnings } = format.write(doc, &options.export)?;
    let report = format.validate(&bytes, &options.validate_options());
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

/// Writes the artifacts that passed validation as one set (all staged, then renamed);
/// returns the paths written. An invalid artifact is never written.
pub fn write_valid(
    dir: &Path,
    stem: &str,
    artifacts: &[Artifact],
) -> Result<Vec<PathBuf>, OutputError> {
    let mut set = OutputSet::new();
    for artifact in artifacts.iter().filter(|a| a.report.is_valid()) {
        set.stage(&output_path(dir, stem, artifact.format), &artifact.bytes)?;
    }
    set.commit()
}

/// The default for [`read_input`]'s size limit: 64 MiB, far above any paper's text.
pub const DEFAULT_MAX_INPUT: u64 = 64 * 1024 * 1024;

/// Why an input file could not be read.
#[derive(Debug, Error)]
pub enum InputError {
    /// The file (or standard input) could not be read.
    #[error("cannot read {name}: {source}")]
    Io {
        /// The input's name.
        name: String,
        /// The underlying error.
        source: std::io::Error,
    },
    /// The input is larger than the limit.
    #[error("{name}: the input is {size} bytes, over the limit of {limit} bytes (raise it with --max-input)")]
    TooLarge {
        /// The input's name.
        name: String,
        /// Its size (or, for a stream, how much was read before stopping).
        size: u64,
        /// The limit.
        limit: u64,
    },
    /// The start of the input shows it is not text.
    #[error(transparent)]
    Binary(ExtractError),
}

/// Reads an input file (`-` for standard input) whole, refusing it at once when it is larger
/// than `limit` bytes or when its first bytes show it is binary (a PDF is let through for
/// its reader).
pub fn read_input(name: &str, limit: u64) -> Result<Vec<u8>, InputError> {
    use std::io::Read;
    let io = |source| InputError::Io {
        name: name.to_string(),
        source,
    };
    let mut reader: Box<dyn Read> = if name == "-" {
        Box::new(std::io::stdin().lock())
    } else {
        let file = std::fs::File::open(name).map_err(io)?;
        let size = file.metadata().map_err(io)?.len();
        if size > limit {
            return Err(InputError::TooLarge {
                name: name.to_string(),
                size,
                limit,
            });
        }
        Box::new(file)
    };
    let mut bytes = Vec::new();
    (&mut reader)
        .take(crate::extract::text::BINARY_PROBE as u64)
        .read_to_end(&mut bytes)
        .map_err(io)?;
    if !bytes.starts_with(b"%PDF-") {
        if let Some(err) = crate::extract::text::looks_binary(&bytes, name) {
            return Err(InputError::Binary(err));
        }
    }
    reader
        .take(limit.saturating_sub(bytes.len() as u64) + 1)
        .read_to_end(&mut bytes)
        .map_err(io)?;
    if bytes.len() as u64 > limit {
        return Err(InputError::TooLarge {
            name: name.to_string(),
            size: bytes.len() as u64,
            limit,
        });
    }
    Ok(bytes)
}

/// The stem of an input's outputs: its file name without the last extension (`paper` for
/// `paper.txt`, `stdin` for `-`); a model JSON's `.model.json` goes whole (`paper` for
/// `paper.model.json`), so a re-export replaces the outputs it was made with.
pub fn output_stem(input: &str) -> String {
    if input == "-" {
        return "stdin".to_string();
    }
    if let Some(stem) = Path::new(input)
        .file_name()
        .and_then(|n| n.to_str())
        .and_then(|n| n.strip_suffix(".model.json"))
        .filter(|s| !s.is_empty())
    {
        return stem.to_string();
    }
    Path::new(input)
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| "paper".to_string())
}
