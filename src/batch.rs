//! Many papers in one process: the inputs (files, directories walked recursively, manifests of
//! paths), each converted by [`crate::convert::convert`] on a thread pool, one paper's failure
//! (or panic) isolated and reported while the others go on, and a summary of the whole run.
//! [`run_jsonl`] serves engines that distribute the work themselves: one JSON line per paper
//! in, one JSON line per paper out, outputs inlined.

use crate::convert::{self, ConvertError, ConvertOptions, InputError, Job, Status};
use crate::format::Format;
use crate::meta::{parse_metadata, Metadata};
use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::io::{BufRead, Write};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant, SystemTime};

/// The file name suffixes of papers a directory walk takes (text and PDF).
pub const PAPER_EXTENSIONS: &[&str] = &["txt", "pdf"];

/// One paper of a batch.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paper {
    /// The input file.
    pub input: PathBuf,
    /// Where its outputs go, relative to the batch's output directory (the input's folder
    /// under the directory it was found in, so equal stems in two folders do not collide).
    pub subdir: PathBuf,
    /// The stem of its outputs.
    pub stem: String,
}

impl Paper {
    /// The sibling metadata file `<stem>.meta.toml`, when there is one.
    pub fn sibling_meta(&self) -> Option<PathBuf> {
        let path = self
            .input
            .with_file_name(format!("{}.meta.toml", self.stem));
        path.is_file().then_some(path)
    }
}

/// Why the inputs of a batch could not be listed.
#[derive(Debug, thiserror::Error)]
pub enum CollectError {
    /// An input path or manifest could not be read.
    #[error("cannot read {}: {source}", path.display())]
    Io {
        /// The path.
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
}

/// Lists the papers named by `inputs`: a file is a paper; a directory is walked recursively
/// for `*.txt` and `*.pdf` (metadata files and hidden entries left out); `@FILE` is a
/// manifest with one path per line (`#` comments and blank lines skipped; `@-` reads the
/// manifest from standard input). Papers are listed in a stable order, each once.
pub fn collect_inputs(inputs: &[PathBuf]) -> Result<Vec<Paper>, CollectError> {
    let mut papers = Vec::new();
    for input in inputs {
        let text = input.to_string_lossy();
        if let Some(manifest) = text.strip_prefix('@') {
            for path in read_manifest(Path::new(manifest))? {
                papers.push(paper_at(&path, Path::new("")));
            }
        } else if input.is_dir() {
            walk(input, input, &mut papers)?;
        } else {
            papers.push(paper_at(input, Path::new("")));
        }
    }
    let mut seen = std::collections::HashSet::new();
    papers.retain(|p| seen.insert(p.input.clone()));
    Ok(papers)
}

fn read_manifest(path: &Path) -> Result<Vec<PathBuf>, CollectError> {
    let io = |source| CollectError::Io {
        path: path.to_path_buf(),
        source,
    };
    let text = if path == Path::new("-") {
        let mut s = String::new();
        std::io::Read::read_to_string(&mut std::io::stdin(), &mut s).map_err(io)?;
        s
    } else {
        std::fs::read_to_string(path).map_err(io)?
    };
    let base = path.parent().unwrap_or(Path::new(""));
    Ok(text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| {
            let p = PathBuf::from(l);
            if p.is_relative() && path != Path::new("-") {
                base.join(p)
            } else {
                p
            }
        })
        .collect())
}

fn paper_at(input: &Path, subdir: &Path) -> Paper {
    Paper {
        input: input.to_path_buf(),
        subdir: subdir.to_path_buf(),
        stem: convert::output_stem(&input.to_string_lossy()),
    }
}

fn walk(root: &Path, dir: &Path, out: &mut Vec<Paper>) -> Result<(), CollectError> {
    let io = |source| CollectError::Io {
        path: dir.to_path_buf(),
        source,
    };
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(io)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            !p.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with('.'))
        })
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            walk(root, &path, out)?;
            continue;
        }
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let is_paper = path
            .extension()
            .is_some_and(|e| PAPER_EXTENSIONS.iter().any(|x| e.eq_ignore_ascii_case(x)))
            && !name.ends_with(".meta.toml");
        if is_paper {
            let subdir = path
                .parent()
                .and_then(|p| p.strip_prefix(root).ok())
                .unwrap_or(Path::new(""))
                .to_path_buf();
            out.push(paper_at(&path, &subdir));
        }
    }
    Ok(())
}

/// How a batch runs.
pub struct BatchOptions {
    /// Where the outputs go (each paper's in its subdirectory).
    pub out_dir: PathBuf,
    /// The outputs to write for every paper.
    pub formats: Vec<Format>,
    /// Metadata shared by every paper (a journal's facts); a paper's sibling
    /// `<stem>.meta.toml` overrides it.
    pub shared_meta: Option<Metadata>,
    /// Threads; 0 for one per core.
    pub jobs: usize,
    /// Skip papers whose outputs are all newer than their inputs.
    pub resume: bool,
    /// The size limit of one input.
    pub max_input: u64,
    /// How each paper is rendered, checked and written.
    pub convert: ConvertOptions,
}

/// What became of one paper.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum PaperStatus {
    /// Every output was valid and written.
    Converted,
    /// Its outputs were newer than its inputs (`--resume`).
    Skipped,
    /// Some outputs failed; see the failures.
    Failed,
}

/// A failure of one paper, by kind.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Failure {
    /// `input`, `metadata`, `missing-fact`, `invalid-output`, `writer`, `write` or `panic`.
    pub kind: String,
    /// What went wrong.
    pub message: String,
}

/// One paper's line of the report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PaperReport {
    /// The input file.
    pub input: PathBuf,
    /// What became of it.
    pub status: PaperStatus,
    /// The files written.
    pub outputs: Vec<PathBuf>,
    /// Warnings of the reader and the writers, by code.
    pub warnings: BTreeMap<String, usize>,
    /// What failed.
    pub failures: Vec<Failure>,
    /// Wall time spent on it, in milliseconds.
    pub millis: f64,
}

fn failure(kind: &str, message: impl Into<String>) -> Failure {
    Failure {
        kind: kind.to_string(),
        message: message.into(),
    }
}

/// Whether every output of `paper` exists and is newer than its input and metadata files.
fn up_to_date(paper: &Paper, options: &BatchOptions, sibling: Option<&Path>) -> bool {
    let modified = |p: &Path| std::fs::metadata(p).and_then(|m| m.modified()).ok();
    let Some(mut newest_input) = modified(&paper.input) else {
        return false;
    };
    if let Some(t) = sibling.and_then(modified) {
        newest_input = newest_input.max(t);
    }
    let dir = options.out_dir.join(&paper.subdir);
    options.formats.iter().all(|f| {
        modified(&convert::output_path(&dir, &paper.stem, *f))
            .is_some_and(|t: SystemTime| t >= newest_input)
    })
}

/// Converts one paper of a batch; never panics (a panic inside is a `panic` failure).
pub fn convert_paper(paper: &Paper, options: &BatchOptions) -> PaperReport {
    let started = Instant::now();
    let sibling = paper.sibling_meta();
    let mut report = PaperReport {
        input: paper.input.clone(),
        status: PaperStatus::Failed,
        outputs: Vec::new(),
        warnings: BTreeMap::new(),
        failures: Vec::new(),
        millis: 0.0,
    };
    if options.resume && up_to_date(paper, options, sibling.as_deref()) {
        report.status = PaperStatus::Skipped;
        report.millis = started.elapsed().as_secs_f64() * 1e3;
        return report;
    }
    let result = catch_unwind(AssertUnwindSafe(|| {
        convert_inner(paper, options, sibling.as_deref(), &mut report)
    }));
    if let Err(payload) = result {
        let message = payload
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown panic".to_string());
        report.failures.push(failure("panic", message));
        report.status = PaperStatus::Failed;
    }
    report.millis = started.elapsed().as_secs_f64() * 1e3;
    report
}

fn convert_inner(
    paper: &Paper,
    options: &BatchOptions,
    sibling: Option<&Path>,
    report: &mut PaperReport,
) {
    let name = paper.input.to_string_lossy().into_owned();
    let bytes = match convert::read_input(&name, options.max_input) {
        Ok(b) => b,
        Err(e) => {
            report.failures.push(failure("input", e.to_string()));
            return;
        }
    };
    let own_meta = match sibling.map(|p| {
        std::fs::read_to_string(p)
            .map_err(|e| format!("cannot read {}: {e}", p.display()))
            .and_then(|t| parse_metadata(&t, &p.to_string_lossy()).map_err(|e| e.to_string()))
    }) {
        Some(Err(message)) => {
            report.failures.push(failure("metadata", message));
            return;
        }
        Some(Ok(m)) => Some(m),
        None => None,
    };
    let layers: Vec<&Metadata> = options.shared_meta.iter().chain(own_meta.iter()).collect();
    let out_dir = options.out_dir.join(&paper.subdir);
    let job = Job {
        input_name: &name,
        bytes: &bytes,
        meta: &layers,
        formats: &options.formats,
        out_dir: &out_dir,
        stem: &paper.stem,
        progress: None,
    };
    let outcome = match convert::convert(&job, &options.convert) {
        Ok(o) => o,
        Err(e @ (ConvertError::Read(_) | ConvertError::Model(_))) => {
            report.failures.push(failure("input", e.to_string()));
            return;
        }
        Err(e @ ConvertError::Write(_)) => {
            report.failures.push(failure("write", e.to_string()));
            return;
        }
    };
    let mut count = |code: &str| *report.warnings.entry(code.to_string()).or_default() += 1;
    for w in &outcome.document.warnings {
        count(&w.code);
    }
    for a in &outcome.artifacts {
        for w in &a.warnings {
            count(&w.code);
        }
    }
    for (format, e) in &outcome.failed {
        let kind = match e {
            crate::export::ExportError::MissingFact { .. } => "missing-fact",
            _ => "writer",
        };
        report
            .failures
            .push(failure(kind, format!("{format}: {e}")));
    }
    for a in outcome.artifacts.iter().filter(|a| !a.report.is_valid()) {
        let first = a
            .report
            .errors()
            .next()
            .map(|d| d.message.clone())
            .unwrap_or_default();
        report
            .failures
            .push(failure("invalid-output", format!("{}: {first}", a.format)));
    }
    report.outputs = outcome.written.clone();
    report.status = if outcome.status() == Status::Ok {
        PaperStatus::Converted
    } else {
        PaperStatus::Failed
    };
}

/// Converts every paper on a pool of `options.jobs` threads, telling `done` of each as it
/// ends (in completion order); returns the reports in input order.
pub fn run(
    papers: &[Paper],
    options: &BatchOptions,
    done: &(dyn Fn(&PaperReport) + Sync),
) -> Result<Vec<PaperReport>, rayon::ThreadPoolBuildError> {
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(options.jobs)
        .build()?;
    Ok(pool.install(|| {
        papers
            .par_iter()
            .map(|p| {
                let report = convert_paper(p, options);
                done(&report);
                report
            })
            .collect()
    }))
}

/// The totals of a batch.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Summary {
    /// Papers listed.
    pub papers: usize,
    /// Papers whose outputs were all written.
    pub converted: usize,
    /// Papers skipped as up to date.
    pub skipped: usize,
    /// Papers with a failure.
    pub failed: usize,
    /// Output files written.
    pub outputs: usize,
    /// Warnings by code, over all papers.
    pub warnings: BTreeMap<String, usize>,
    /// Failures by kind, over all papers.
    pub failures: BTreeMap<String, usize>,
    /// Wall time of the whole batch.
    pub seconds: f64,
}

impl Summary {
    /// Adds up the reports.
    pub fn of(reports: &[PaperReport], elapsed: Duration) -> Self {
        let mut s = Summary {
            papers: reports.len(),
            seconds: elapsed.as_secs_f64(),
            ..Summary::default()
        };
        for r in reports {
            match r.status {
                PaperStatus::Converted => s.converted += 1,
                PaperStatus::Skipped => s.skipped += 1,
                PaperStatus::Failed => s.failed += 1,
            }
            s.outputs += r.outputs.len();
            for (code, n) in &r.warnings {
                *s.warnings.entry(code.clone()).or_default() += n;
            }
            for f in &r.failures {
                *s.failures.entry(f.kind.clone()).or_default() += 1;
            }
        }
        s
    }

    /// Papers converted or skipped per second of wall time.
    pub fn papers_per_second(&self) -> f64 {
        if self.seconds > 0.0 {
            (self.converted + self.skipped + self.failed) as f64 / self.seconds
        } else {
            0.0
        }
    }

    /// The summary as a plain-text table.
    pub fn table(&self) -> String {
        use std::fmt::Write as _;
        let mut out = String::new();
        let _ = writeln!(out, "papers      {:>8}", self.papers);
        let _ = writeln!(out, "  converted {:>8}", self.converted);
        let _ = writeln!(out, "  skipped   {:>8}", self.skipped);
        let _ = writeln!(out, "  failed    {:>8}", self.failed);
        let _ = writeln!(out, "outputs     {:>8}", self.outputs);
        let total: usize = self.warnings.values().sum();
        let _ = writeln!(out, "warnings    {total:>8}");
        let mut by_count: Vec<(&String, &usize)> = self.warnings.iter().collect();
        by_count.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
        for (code, n) in by_count.iter().take(10) {
            let _ = writeln!(out, "  {code:<40} {n:>8}");
        }
        if by_count.len() > 10 {
            let _ = writeln!(out, "  ({} more codes)", by_count.len() - 10);
        }
        let failures: usize = self.failures.values().sum();
        let _ = writeln!(out, "failures    {failures:>8}");
        for (kind, n) in &self.failures {
            let _ = writeln!(out, "  {kind:<40} {n:>8}");
        }
        let _ = writeln!(
            out,
            "time        {:>8.2} s ({:.1} papers/s)",
            self.seconds,
            self.papers_per_second()
        );
        out
    }
}

/// One request line of [`run_jsonl`]: the paper's text (or a path to it) and its metadata
/// (the metadata file's keys as a JSON object).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Request {
    /// The caller's identifier, echoed in the answer.
    pub id: serde_json::Value,
    /// The paper's text.
    #[serde(default)]
    pub text: Option<String>,
    /// A path to the paper (text or PDF), when `text` is absent.
    #[serde(default)]
    pub path: Option<PathBuf>,
    /// Metadata, as the metadata file's tables in JSON.
    #[serde(default)]
    pub meta: Option<serde_json::Value>,
}

/// One answer line of [`run_jsonl`].
#[derive(Debug, Clone, Serialize)]
pub struct Answer {
    /// The request's identifier.
    pub id: serde_json::Value,
    /// `converted` or `failed`.
    pub status: PaperStatus,
    /// Each valid output by format name, inlined.
    pub outputs: BTreeMap<String, String>,
    /// Warnings of the reader and writers, as printed by a single run.
    pub warnings: Vec<String>,
    /// What failed.
    pub failures: Vec<Failure>,
}

/// Metadata given as JSON, read as the metadata file would be.
fn meta_from_json(value: &serde_json::Value) -> Result<Metadata, String> {
    let toml =
        toml::to_string(value).map_err(|e| format!("meta is not a table of metadata keys: {e}"))?;
    parse_metadata(&toml, "meta").map_err(|e| e.to_string())
}

/// Answers one request line (never panics).
pub fn answer(
    line: &str,
    formats: &[Format],
    shared: Option<&Metadata>,
    options: &ConvertOptions,
    max_input: u64,
) -> Answer {
    let mut answer = Answer {
        id: serde_json::Value::Null,
        status: PaperStatus::Failed,
        outputs: BTreeMap::new(),
        warnings: Vec::new(),
        failures: Vec::new(),
    };
    let request: Request = match serde_json::from_str(line) {
        Ok(r) => r,
        Err(e) => {
            answer
                .failures
                .push(failure("request", format!("not a request line: {e}")));
            return answer;
        }
    };
    answer.id = request.id.clone();
    let result = catch_unwind(AssertUnwindSafe(|| {
        answer_inner(&request, formats, shared, options, max_input, &mut answer)
    }));
    if let Err(payload) = result {
        let message = payload
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown panic".to_string());
        answer.failures.push(failure("panic", message));
        answer.outputs.clear();
    }
    answer
}

fn answer_inner(
    request: &Request,
    formats: &[Format],
    shared: Option<&Metadata>,
    options: &ConvertOptions,
    max_input: u64,
    answer: &mut Answer,
) {
    let (name, bytes) = match (&request.text, &request.path) {
        (Some(text), _) => ("input.txt".to_string(), text.clone().into_bytes()),
        (None, Some(path)) => {
            let name = path.to_string_lossy().into_owned();
            match convert::read_input(&name, max_input) {
                Ok(b) => (name, b),
                Err(e) => {
                    answer.failures.push(failure("input", e.to_string()));
                    return;
                }
            }
        }
        (None, None) => {
            answer
                .failures
                .push(failure("request", "a request needs `text` or `path`"));
            return;
        }
    };
    if bytes.len() as u64 > max_input {
        let e = InputError::TooLarge {
            name: name.clone(),
            size: bytes.len() as u64,
            limit: max_input,
        };
        answer.failures.push(failure("input", e.to_string()));
        return;
    }
    let own = match request.meta.as_ref().map(meta_from_json) {
        Some(Err(m)) => {
            answer.failures.push(failure("metadata", m));
            return;
        }
        Some(Ok(m)) => Some(m),
        None => None,
    };
    let layers: Vec<&Metadata> = shared.into_iter().chain(own.iter()).collect();
    let doc = match convert::read_document_layers(&bytes, &name, &layers) {
        Ok(d) => d,
        Err(e) => {
            answer.failures.push(failure("input", e.to_string()));
            return;
        }
    };
    for w in &doc.warnings {
        answer
            .warnings
            .push(crate::summary::format_diagnostic(&name, w));
    }
    let mut formats = formats.to_vec();
    formats.sort();
    formats.dedup();
    for format in formats {
        match convert::render(&doc, format, options) {
            Ok(a) if a.report.is_valid() => {
                for w in &a.warnings {
                    let out = format!("output{}", format.extension());
                    answer
                        .warnings
                        .push(crate::summary::format_export_warning(&name, &out, w));
                }
                answer.outputs.insert(
                    format.name().to_string(),
                    String::from_utf8_lossy(&a.bytes).into_owned(),
                );
            }
            Ok(a) => {
                let first = a
                    .report
                    .errors()
                    .next()
                    .map(|d| d.message.clone())
                    .unwrap_or_default();
                answer
                    .failures
                    .push(failure("invalid-output", format!("{format}: {first}")));
            }
            Err(e) => {
                let kind = match e {
                    crate::export::ExportError::MissingFact { .. } => "missing-fact",
                    _ => "writer",
                };
                answer
                    .failures
                    .push(failure(kind, format!("{format}: {e}")));
            }
        }
    }
    answer.status = if answer.failures.is_empty() {
        PaperStatus::Converted
    } else {
        PaperStatus::Failed
    };
}

/// Reads request lines from `input` and writes one answer line per request to `output`, in
/// request order; requests are answered in chunks on the thread pool. Returns how many
/// answers failed.
pub fn run_jsonl(
    input: impl BufRead,
    mut output: impl Write,
    formats: &[Format],
    shared: Option<&Metadata>,
    options: &ConvertOptions,
    max_input: u64,
    jobs: usize,
) -> std::io::Result<usize> {
    const CHUNK: usize = 256;
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(jobs)
        .build()
        .map_err(std::io::Error::other)?;
    let mut failed = 0;
    let mut lines = input.lines();
    loop {
        let mut chunk = Vec::with_capacity(CHUNK);
        for line in lines.by_ref() {
            let line = line?;
            if !line.trim().is_empty() {
                chunk.push(line);
            }
            if chunk.len() == CHUNK {
                break;
            }
        }
        if chunk.is_empty() {
            break;
        }
        let answers: Vec<Answer> = pool.install(|| {
            chunk
                .par_iter()
                .map(|l| answer(l, formats, shared, options, max_input))
                .collect()
        });
        for a in &answers {
            if a.status != PaperStatus::Converted {
                failed += 1;
            }
            serde_json::to_writer(&mut output, a)?;
            output.write_all(b"\n")?;
        }
        output.flush()?;
    }
    Ok(failed)
}
