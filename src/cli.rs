//! Command line: argument parsing, exit codes and what is printed. No conversion logic here.

use anyhow::Result;
use clap::{Args, Parser, Subcommand, ValueEnum};
use papermeta::convert::{self, ConvertOptions, Job, Outcome, Phase, WritePolicy};
use papermeta::format::Format;
use papermeta::meta::{explain, format_explain, parse_metadata, FactFlags, Metadata};
use papermeta::summary::{
    format_diagnostic, format_export_warning, outline, render_diagnostic, summary,
};
use papermeta::validate::{self, profiles::Profile};
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

/// Exit status: everything valid.
pub const EXIT_OK: u8 = 0;
/// Exit status: an output or a checked file failed validation.
pub const EXIT_INVALID: u8 = 1;
/// Exit status: bad usage or unreadable input.
pub const EXIT_USAGE: u8 = 2;

/// An error that carries the exit status it should end the process with.
#[derive(Debug, thiserror::Error)]
#[error("{message}")]
pub struct Failure {
    /// The exit status.
    pub status: u8,
    /// What went wrong.
    pub message: String,
}

fn fail(status: u8, message: impl Into<String>) -> anyhow::Error {
    Failure {
        status,
        message: message.into(),
    }
    .into()
}

#[derive(Parser)]
#[command(
    name = "papermeta",
    version,
    about = "Turns a scholarly paper (its PDF, its extracted text or its JATS) into JATS XML, schema.org JSON-LD, BibTeX, Crossref deposit XML, RIS, CSL-JSON and MARCXML, each validated before it is written",
    after_help = "Examples:\n  papermeta extract samples/political-issues-000.txt --meta samples/political-issues.meta.toml -o out\n  papermeta extract paper.txt --to bibtex --outline\n  papermeta validate out/political-issues-000.jats.xml --profile pmc\n\nExit status: 0 all valid, 1 validation failed, 2 usage or input error."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Read a paper (PDF, text or JATS) and write its records (JATS, JSON-LD, BibTeX, model JSON by default; --to for the others).
    #[command(
        after_help = "Example:\n  papermeta extract samples/political-issues-000.txt --meta samples/political-issues.meta.toml -o out\n\nOutputs go to DIR/<stem>.jats.xml, .jsonld, .bib and .model.json, each validated first and written atomically."
    )]
    Extract(ExtractArgs),
    /// Re-export a model JSON (e.g. one corrected by hand) to JATS, JSON-LD or BibTeX.
    #[command(
        after_help = "Example:\n  papermeta export out/paper.model.json --to jats,bibtex -o out\n\nThe model is checked first (its format version, then schemas/document.schema.json); every problem is printed with its JSON pointer, line and column, and nothing is written."
    )]
    Export(ExportArgs),
    /// Check JATS, JSON-LD, BibTeX or model files (or every such file under a directory) as
    /// their real consumers judge them.
    #[command(
        after_help = "JATS is validated against the DTD its DOCTYPE declares (bundled: JATS Journal Publishing 1.0, 1.1, 1.3, NLM Journal Publishing 3.0), BibTeX as bibtex and biber read it, JSON-LD against the schema.org vocabulary.\n\nExamples:\n  papermeta validate article.xml --profile pmc\n  papermeta validate submissions/ --json\n  papermeta validate article.xml --dtd archiving/JATS-archivearticle1.dtd --catalog archiving/catalog.xml\n  papermeta validate out/paper.jats.xml --profile papermeta"
    )]
    Validate(ValidateArgs),
    /// Convert many papers: files, directories (recursively) and `@manifest` lists of paths,
    /// on all cores; or JSON lines on standard input with `--jsonl`.
    #[command(
        after_help = "Each paper's sibling <stem>.meta.toml overrides the shared --meta. One paper's failure is reported and the others go on; the summary counts papers, outputs, warnings and failures by kind.\n\nExamples:\n  papermeta batch issue-12/ -o out --meta journal.toml --report out/report.jsonl\n  papermeta batch @papers.txt -o out -j 4 --resume\n  papermeta batch --jsonl --meta journal.toml < requests.jsonl > answers.jsonl\n\n--jsonl reads lines {\"id\": ..., \"text\": \"...\" | \"path\": \"...\", \"meta\": {...}} and writes one line per paper {\"id\", \"status\", \"outputs\": {format: text}, \"warnings\", \"failures\"}, in order."
    )]
    Batch(BatchArgs),
    /// Print the JSON Schema of papermeta's document model (schemas/document.schema.json).
    Schema,
}

/// The metadata layers: a journal file, article files, then single facts as flags.
#[derive(Args)]
struct MetaArgs {
    /// A journal-level metadata file (TOML or JSON) shared by an issue's articles; applied first.
    #[arg(long, value_name = "FILE")]
    journal_meta: Option<PathBuf>,
    /// An article-level metadata file (TOML or JSON); its values override the journal file's
    /// and the extracted ones. May be given more than once (later files win).
    #[arg(long, value_name = "FILE")]
    meta: Vec<PathBuf>,
    /// The article's DOI (overrides every file).
    #[arg(long, value_name = "DOI")]
    doi: Option<String>,
    /// The article's page range, e.g. 101-125 (overrides every file).
    #[arg(long, value_name = "RANGE")]
    pages: Option<String>,
    /// The volume (overrides every file).
    #[arg(long, value_name = "VOLUME")]
    volume: Option<String>,
    /// The issue (overrides every file).
    #[arg(long, value_name = "ISSUE")]
    issue: Option<String>,
    /// The publication date: YYYY, YYYY-MM or YYYY-MM-DD (overrides every file).
    #[arg(long, value_name = "DATE")]
    published: Option<String>,
    /// Print every publication fact with where its value came from (a file, a flag, the input).
    #[arg(long)]
    explain: bool,
}

impl MetaArgs {
    /// Reads the layers in the order they apply.
    fn layers(&self) -> Result<Vec<Metadata>> {
        let mut layers = Vec::new();
        for path in self.journal_meta.iter().chain(&self.meta) {
            let text = std::fs::read_to_string(path)
                .map_err(|e| fail(EXIT_USAGE, format!("cannot read {}: {e}", path.display())))?;
            layers.push(
                parse_metadata(&text, &path.display().to_string())
                    .map_err(|e| fail(EXIT_USAGE, e.to_string()))?,
            );
        }
        let flags = FactFlags {
            doi: self.doi.clone(),
            pages: self.pages.clone(),
            volume: self.volume.clone(),
            issue: self.issue.clone(),
            published: self.published.clone(),
        };
        if let Some(m) = flags
            .to_metadata()
            .map_err(|e| fail(EXIT_USAGE, e.to_string()))?
        {
            layers.push(m);
        }
        Ok(layers)
    }
}

#[derive(Args)]
struct ExportArgs {
    /// The model JSON (`<stem>.model.json`, as `extract` writes it).
    model: String,
    /// Directory for the outputs (created if missing).
    #[arg(short, long, default_value = ".")]
    output: PathBuf,
    /// The outputs to write, comma-separated.
    #[arg(long, value_delimiter = ',', default_value = "jats,jsonld,bibtex", value_parser = parse_format)]
    to: Vec<Format>,
    #[command(flatten)]
    meta: MetaArgs,
    /// Validate JATS against this DTD instead of the built-in one.
    #[arg(long, value_name = "PATH")]
    jats_dtd: Option<PathBuf>,
    /// An XML catalog for the public identifiers used by --jats-dtd.
    #[arg(long, value_name = "PATH")]
    catalog: Option<PathBuf>,
    /// Print only warnings and errors.
    #[arg(short, long)]
    quiet: bool,
    /// When some outputs fail, still write the valid ones.
    #[arg(long)]
    partial: bool,
}

#[derive(Args)]
struct ExtractArgs {
    /// The paper: its text file, a JATS XML article, or `-` for standard input.
    input: String,
    /// Directory for the outputs (created if missing).
    #[arg(short, long, default_value = ".")]
    output: PathBuf,
    #[command(flatten)]
    meta: MetaArgs,
    /// The outputs to write, comma-separated.
    #[arg(long, value_delimiter = ',', default_value = "jats,jsonld,bibtex,model", value_parser = parse_format)]
    to: Vec<Format>,
    /// Print the section tree and the footnotes and markers per page.
    #[arg(long)]
    outline: bool,
    /// Print each footnote with the reference it resolved to, and how.
    #[arg(long)]
    citations: bool,
    /// Validate JATS against this DTD (e.g. the official NISO JATS 1.3 DTD) instead of the built-in one.
    #[arg(long, value_name = "PATH")]
    jats_dtd: Option<PathBuf>,
    /// An XML catalog for the public identifiers used by --jats-dtd.
    #[arg(long, value_name = "PATH")]
    catalog: Option<PathBuf>,
    /// Print only warnings and errors.
    #[arg(short, long)]
    quiet: bool,
    /// When some outputs fail, still write the valid ones even beside an earlier output of a
    /// failed format (named as stale). By default the valid ones are written only when no
    /// earlier output of a failed format is there, so a folder never mixes two runs.
    #[arg(long)]
    partial: bool,
    /// Refuse inputs larger than this (bytes; K, M or G suffixes).
    #[arg(long, value_name = "SIZE", default_value = "64M", value_parser = parse_size)]
    max_input: u64,
}

/// A size with an optional K, M or G (binary) suffix.
fn parse_size(s: &str) -> Result<u64, String> {
    let t = s.trim();
    let (digits, unit) = match t.char_indices().find(|(_, c)| !c.is_ascii_digit()) {
        Some((i, _)) => t.split_at(i),
        None => (t, ""),
    };
    let n: u64 = digits
        .parse()
        .map_err(|_| format!("`{s}` is not a size (e.g. 64M)"))?;
    let factor: u64 = match unit
        .trim()
        .to_ascii_uppercase()
        .trim_end_matches("IB")
        .trim_end_matches('B')
    {
        "" => 1,
        "K" => 1 << 10,
        "M" => 1 << 20,
        "G" => 1 << 30,
        _ => return Err(format!("`{s}` has an unknown unit (use K, M or G)")),
    };
    n.checked_mul(factor)
        .ok_or_else(|| format!("`{s}` is too large"))
}

#[derive(Args)]
struct BatchArgs {
    /// Papers: files, directories (walked for *.txt and *.pdf) and @FILE manifests (one path per line).
    #[arg(required_unless_present = "jsonl", conflicts_with = "jsonl")]
    inputs: Vec<PathBuf>,
    /// Directory for the outputs (each paper's beside its folder's name).
    #[arg(short, long, default_value = ".")]
    output: PathBuf,
    /// Metadata shared by every paper (a journal's facts); a paper's <stem>.meta.toml overrides it.
    #[arg(long, value_name = "FILE")]
    meta: Option<PathBuf>,
    /// The outputs to write, comma-separated.
    #[arg(long, value_delimiter = ',', default_value = "jats,jsonld,bibtex,model", value_parser = parse_format)]
    to: Vec<Format>,
    /// Threads (default: one per core).
    #[arg(short = 'j', long, default_value_t = 0)]
    jobs: usize,
    /// Skip papers whose outputs are newer than their inputs.
    #[arg(long)]
    resume: bool,
    /// Write one JSON line per paper (status, warnings, outputs, timing) to this file.
    #[arg(long, value_name = "FILE.jsonl")]
    report: Option<PathBuf>,
    /// Write a paper's valid outputs even when another of its outputs fails.
    #[arg(long)]
    partial: bool,
    /// Read JSON request lines on standard input and answer each on standard output.
    #[arg(long)]
    jsonl: bool,
    /// Refuse inputs larger than this (bytes; K, M or G suffixes).
    #[arg(long, value_name = "SIZE", default_value = "64M", value_parser = parse_size)]
    max_input: u64,
    /// Print only failures and the summary.
    #[arg(short, long)]
    quiet: bool,
}

#[derive(Clone, Copy, ValueEnum)]
enum ProfileArg {
    /// PubMed Central's tagging rules (JATS).
    Pmc,
    /// The JATS4R recommendations (JATS).
    Jats4r,
    /// What papermeta asks of its own output (JATS, JSON-LD, BibTeX).
    Papermeta,
}

#[derive(Args)]
struct ValidateArgs {
    /// Files to check, or directories to check every JATS, BibTeX and JSON-LD file under.
    #[arg(required = true)]
    files: Vec<PathBuf>,
    /// The files' format; detected from each file's name and content when absent.
    #[arg(long, value_parser = parse_format)]
    format: Option<Format>,
    /// Validate JATS against this DTD instead of the one each file declares.
    #[arg(long, value_name = "PATH")]
    dtd: Option<PathBuf>,
    /// An XML catalog for the DTD's public identifiers.
    #[arg(long, value_name = "PATH")]
    catalog: Option<PathBuf>,
    /// Also check a profile (repeatable): pmc and jats4r for JATS, papermeta for papermeta's own output.
    #[arg(long, value_enum)]
    profile: Vec<ProfileArg>,
    /// Treat profile findings as errors.
    #[arg(long)]
    strict: bool,
    /// Print a JSON report: per file, one record per finding (file, line, column, rule, severity, message).
    #[arg(long)]
    json: bool,
    /// Refuse files larger than this (bytes; K, M or G suffixes).
    #[arg(long, value_name = "SIZE", default_value = "64M", value_parser = parse_size)]
    max_input: u64,
}

fn parse_format(s: &str) -> Result<Format, String> {
    s.parse()
}

/// Parses the arguments and runs the command; returns the exit status.
pub fn run() -> Result<u8> {
    let cli = Cli::parse();
    match cli.command {
        Command::Extract(args) => extract(args),
        Command::Export(args) => export(args),
        Command::Validate(args) => validate_files(args),
        Command::Batch(args) => batch(args),
        Command::Schema => {
            let _ = write!(
                std::io::stdout(),
                "{}",
                validate::model::document_schema_text()
            );
            Ok(EXIT_OK)
        }
    }
}

fn load_dtd(path: &Path, catalog: Option<&Path>) -> Result<validate::dtd::Dtd> {
    validate::jats::load_dtd(path, catalog).map_err(|e| {
        fail(
            EXIT_USAGE,
            format!("cannot load DTD {}: {e}", path.display()),
        )
    })
}

fn extract(args: ExtractArgs) -> Result<u8> {
    let bytes = convert::read_input(&args.input, args.max_input)
        .map_err(|e| fail(EXIT_USAGE, e.to_string()))?;
    let meta = args.meta.layers()?;
    let options = ConvertOptions {
        jats_dtd: args
            .jats_dtd
            .as_deref()
            .map(|p| load_dtd(p, args.catalog.as_deref()))
            .transpose()?,
        policy: if args.partial {
            WritePolicy::Partial
        } else {
            WritePolicy::AllOrNothing
        },
        ..ConvertOptions::default()
    };
    let layers: Vec<&Metadata> = meta.iter().collect();
    let stem = convert::output_stem(&args.input);
    let show_progress =
        !args.quiet && bytes.len() >= PROGRESS_MIN_INPUT && std::io::stderr().is_terminal();
    let progress = |phase: Phase| {
        let what = match phase {
            Phase::Reading => "reading the paper".to_string(),
            Phase::Rendering(f) => format!("rendering and validating {f}"),
            Phase::Writing => "writing".to_string(),
        };
        let _ = write!(
            std::io::stderr(),
            "\r\x1b[Kpapermeta: {}: {what}…",
            args.input
        );
    };
    let job = Job {
        input_name: &args.input,
        bytes: &bytes,
        meta: &layers,
        formats: &args.to,
        out_dir: &args.output,
        stem: &stem,
        progress: show_progress.then_some(&progress as &(dyn Fn(Phase) + Sync)),
    };
    let result = convert::convert(&job, &options);
    if show_progress {
        let _ = write!(std::io::stderr(), "\r\x1b[K");
    }
    let outcome = result.map_err(|e| fail(e.status().code(), e.to_string()))?;
    // The outputs are written: a closed pipe from here on ends the program quietly.
    let shown = Shown {
        input: &args.input,
        output: &args.output,
        quiet: args.quiet,
        outline: args.outline,
        citations: args.citations,
        explain: args.meta.explain.then_some(layers.as_slice()),
    };
    let _ = print_outcome(&shown, &stem, &outcome);
    Ok(outcome.status().code())
}

fn export(args: ExportArgs) -> Result<u8> {
    let bytes = convert::read_input(&args.model, convert::DEFAULT_MAX_INPUT)
        .map_err(|e| fail(EXIT_USAGE, e.to_string()))?;
    let meta = args.meta.layers()?;
    let layers: Vec<&Metadata> = meta.iter().collect();
    let options = ConvertOptions {
        jats_dtd: args
            .jats_dtd
            .as_deref()
            .map(|p| load_dtd(p, args.catalog.as_deref()))
            .transpose()?,
        policy: if args.partial {
            WritePolicy::Partial
        } else {
            WritePolicy::AllOrNothing
        },
        ..ConvertOptions::default()
    };
    let stem = convert::output_stem(&args.model);
    let job = Job {
        input_name: &args.model,
        bytes: &bytes,
        meta: &layers,
        formats: &args.to,
        out_dir: &args.output,
        stem: &stem,
        progress: None,
    };
    let outcome = convert::convert_model(&job, &options)
        .map_err(|e| fail(e.status().code(), e.to_string()))?;
    // The model's lines are those of the paper it was read from.
    let source = outcome.document.source.file_name.clone();
    let shown = Shown {
        input: &source,
        output: &args.output,
        quiet: args.quiet,
        outline: false,
        citations: false,
        explain: args.meta.explain.then_some(layers.as_slice()),
    };
    let _ = print_outcome(&shown, &stem, &outcome);
    Ok(outcome.status().code())
}

/// What to print of an outcome.
struct Shown<'a> {
    input: &'a str,
    output: &'a Path,
    quiet: bool,
    outline: bool,
    citations: bool,
    /// The metadata layers, when `--explain` asks where each value came from.
    explain: Option<&'a [&'a Metadata]>,
}

/// Inputs at least this large get a progress line at a terminal.
const PROGRESS_MIN_INPUT: usize = 2 * 1024 * 1024;

/// Prints what a conversion found and did: the summary, the views asked for, every warning
/// and failure, and the files written. Stops at the first write that fails (a closed pipe).
fn print_outcome(args: &Shown, stem: &str, outcome: &Outcome) -> std::io::Result<()> {
    let mut out = std::io::stdout().lock();
    let mut err = std::io::stderr().lock();
    let doc = &outcome.document;
    if !args.quiet {
        write!(err, "{}", summary(doc))?;
    }
    if let Some(layers) = args.explain {
        write!(out, "{}", format_explain(&explain(doc, layers), args.input))?;
    }
    if args.outline {
        write!(out, "{}", outline(doc))?;
    }
    if args.citations {
        write!(out, "{}", papermeta::summary::citation_report(doc))?;
    }
    out.flush()?;
    for w in &doc.warnings {
        writeln!(err, "{}", format_diagnostic(args.input, w))?;
    }
    for (format, e) in &outcome.failed {
        writeln!(err, "error: {format} not written: {e}")?;
    }
    for artifact in &outcome.artifacts {
        let name = convert::output_path(Path::new(""), stem, artifact.format)
            .display()
            .to_string();
        for w in &artifact.warnings {
            writeln!(err, "{}", format_export_warning(args.input, &name, w))?;
        }
        for d in &artifact.report.diagnostics {
            write!(
                err,
                "{}",
                render_diagnostic(&name, std::str::from_utf8(&artifact.bytes).ok(), d)
            )?;
        }
        if !artifact.report.is_valid() {
            writeln!(err, "error: {name} failed validation and was not written")?;
        }
    }
    let refused =
        !outcome.failed.is_empty() || outcome.artifacts.iter().any(|a| !a.report.is_valid());
    if refused && !outcome.kept.is_empty() {
        let kept: Vec<String> = outcome
            .kept
            .iter()
            .map(|p| p.display().to_string())
            .collect();
        writeln!(
            err,
            "error: no output was written: {} from an earlier run would not be replaced, and writing the others would mix two runs in {}; the earlier outputs are left as they were (--partial writes the valid ones)",
            kept.join(", "),
            args.output.display()
        )?;
    }
    for path in &outcome.stale {
        writeln!(
            err,
            "warning: {} is from an earlier run: its format failed this time",
            path.display()
        )?;
    }
    for path in &outcome.removed_temporaries {
        writeln!(
            err,
            "removed {}, a temporary left by an interrupted run",
            path.display()
        )?;
    }
    if !args.quiet {
        for path in &outcome.written {
            writeln!(err, "wrote {}", path.display())?;
        }
    }
    Ok(())
}

fn read_meta_file(path: &Path) -> Result<papermeta::meta::Metadata> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| fail(EXIT_USAGE, format!("cannot read {}: {e}", path.display())))?;
    parse_metadata(&text, &path.display().to_string()).map_err(|e| fail(EXIT_USAGE, e.to_string()))
}

fn batch(args: BatchArgs) -> Result<u8> {
    use papermeta::batch::{self, BatchOptions, PaperReport, PaperStatus, Summary};
    let shared_meta = args.meta.as_deref().map(read_meta_file).transpose()?;
    let convert = ConvertOptions {
        policy: if args.partial {
            WritePolicy::Partial
        } else {
            WritePolicy::AllOrNothing
        },
        ..ConvertOptions::default()
    };
    if args.jsonl {
        let failed = batch::run_jsonl(
            std::io::stdin().lock(),
            std::io::stdout().lock(),
            &args.to,
            shared_meta.as_ref(),
            &convert,
            args.max_input,
            args.jobs,
        );
        return match failed {
            Ok(0) => Ok(EXIT_OK),
            Ok(_) => Ok(EXIT_INVALID),
            // A closed pipe ends the answers quietly.
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(EXIT_OK),
            Err(e) => Err(fail(EXIT_USAGE, format!("batch --jsonl: {e}"))),
        };
    }
    let papers =
        batch::collect_inputs(&args.inputs).map_err(|e| fail(EXIT_USAGE, e.to_string()))?;
    let options = BatchOptions {
        out_dir: args.output.clone(),
        formats: args.to.clone(),
        shared_meta,
        jobs: args.jobs,
        resume: args.resume,
        max_input: args.max_input,
        convert,
    };
    let terminal = std::io::stderr().is_terminal() && !args.quiet;
    let bar = terminal.then(|| {
        let bar = indicatif::ProgressBar::new(papers.len() as u64);
        bar.set_style(
            indicatif::ProgressStyle::with_template(
                "{bar:40} {pos}/{len} papers, {per_sec}, {eta} left {msg}",
            )
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
        );
        bar
    });
    let quiet = args.quiet;
    let line = |r: &PaperReport| {
        let text = match r.status {
            PaperStatus::Converted if quiet => return,
            PaperStatus::Skipped if quiet => return,
            PaperStatus::Converted => format!("ok {} ({:.0} ms)", r.input.display(), r.millis),
            PaperStatus::Skipped => format!("skipped {} (up to date)", r.input.display()),
            PaperStatus::Failed => {
                let why: Vec<String> = r
                    .failures
                    .iter()
                    .map(|f| format!("{}: {}", f.kind, f.message))
                    .collect();
                format!("FAILED {}: {}", r.input.display(), why.join("; "))
            }
        };
        match &bar {
            Some(bar) => {
                if r.status == PaperStatus::Failed {
                    bar.println(text);
                }
                bar.inc(1);
            }
            None => {
                let _ = writeln!(std::io::stderr(), "{text}");
            }
        }
    };
    let started = std::time::Instant::now();
    let reports =
        batch::run(&papers, &options, &line).map_err(|e| fail(EXIT_USAGE, e.to_string()))?;
    if let Some(bar) = &bar {
        bar.finish_and_clear();
    }
    let summary = Summary::of(&reports, started.elapsed());
    if let Some(path) = &args.report {
        let mut text = String::new();
        for r in &reports {
            text.push_str(&serde_json::to_string(r)?);
            text.push('\n');
        }
        papermeta::output::write_atomic(path, text.as_bytes())
            .map_err(|e| fail(EXIT_USAGE, e.to_string()))?;
    }
    let _ = write!(std::io::stderr(), "{}", summary.table());
    let usage_kinds = ["input", "metadata", "missing-fact", "write", "panic"];
    Ok(if summary.failed == 0 {
        EXIT_OK
    } else if summary
        .failures
        .keys()
        .any(|k| usage_kinds.contains(&k.as_str()))
    {
        EXIT_USAGE
    } else {
        EXIT_INVALID
    })
}

fn validate_files(args: ValidateArgs) -> Result<u8> {
    use validate::files::{FileReport, Summary, ValidateOptions, Validator};
    let dtd = args
        .dtd
        .as_deref()
        .map(|p| load_dtd(p, args.catalog.as_deref()))
        .transpose()?;
    let profiles = args
        .profile
        .iter()
        .map(|p| match p {
            ProfileArg::Pmc => Profile::Pmc,
            ProfileArg::Jats4r => Profile::Jats4r,
            ProfileArg::Papermeta => Profile::Papermeta,
        })
        .collect();
    let validator = Validator::new(ValidateOptions {
        format: args.format,
        dtd,
        profiles,
        strict: args.strict,
        max_input: Some(args.max_input),
    });
    let mut reports: Vec<FileReport> = Vec::new();
    let mut summary = Summary::default();
    let mut walked = false;
    for path in &args.files {
        if path.is_dir() {
            walked = true;
            let tree = validator.validate_tree(path);
            summary.skipped += tree.summary.skipped;
            reports.extend(tree.files);
        } else {
            reports.push(validator.validate_file(path));
        }
    }
    for report in &reports {
        summary.add(report);
    }
    if args.json {
        let files: Vec<serde_json::Value> = reports.iter().map(FileReport::to_json).collect();
        let _ = writeln!(
            std::io::stdout(),
            "{}",
            serde_json::to_string_pretty(&files)?
        );
    } else {
        for report in &reports {
            let name = report.path.display().to_string();
            if let Some(problem) = &report.problem {
                let _ = writeln!(std::io::stderr(), "error: {problem}");
                continue;
            }
            let bytes = std::fs::read(&report.path).ok();
            let lines: Vec<&str> = bytes
                .as_deref()
                .and_then(|b| std::str::from_utf8(b).ok())
                .map(|t| t.lines().collect())
                .unwrap_or_default();
            for f in &report.findings {
                let line = f
                    .diagnostic
                    .line
                    .and_then(|l| lines.get(l.checked_sub(1)?).copied());
                let _ = write!(
                    std::io::stderr(),
                    "{}",
                    papermeta::summary::render_diagnostic_line(&name, line, &f.diagnostic)
                );
            }
            let _ = writeln!(
                std::io::stdout(),
                "{name}: {}: {} ({} errors, {} warnings)",
                report.format.map_or("?", Format::name),
                if report.is_valid() {
                    "valid"
                } else {
                    "INVALID"
                },
                report.errors(),
                report.warnings()
            );
        }
        if walked || reports.len() > 1 {
            let _ = writeln!(std::io::stdout(), "{summary}");
        }
    }
    Ok(if summary.unchecked > 0 {
        EXIT_USAGE
    } else if summary.invalid > 0 {
        EXIT_INVALID
    } else {
        EXIT_OK
    })
}
