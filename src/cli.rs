//! Command line: argument parsing, exit codes and what is printed. No conversion logic here.

use anyhow::Result;
use clap::{Args, Parser, Subcommand, ValueEnum};
use papermeta::convert::{self, ConvertOptions, Job, Outcome, Phase, WritePolicy};
use papermeta::format::{Format, ValidateOptions};
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
    about = "Turns the text of a scholarly paper into JATS XML, schema.org JSON-LD and BibTeX, each validated before it is written",
    after_help = "Examples:\n  papermeta extract samples/political-issues-000.txt --meta samples/political-issues.meta.toml -o out\n  papermeta extract paper.txt --to bibtex --outline\n  papermeta validate out/political-issues-000.jats.xml --profile pmc\n\nExit status: 0 all valid, 1 validation failed, 2 usage or input error."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Read a paper's text and write its records (JATS, JSON-LD, BibTeX, model JSON).
    #[command(
        after_help = "Example:\n  papermeta extract samples/political-issues-000.txt --meta samples/political-issues.meta.toml -o out\n\nOutputs go to DIR/<stem>.jats.xml, .jsonld, .bib and .model.json, each validated first and written atomically."
    )]
    Extract(ExtractArgs),
    /// Re-export a model JSON (e.g. one corrected by hand) to JATS, JSON-LD or BibTeX.
    #[command(
        after_help = "Example:\n  papermeta export out/paper.model.json --to jats,bibtex -o out\n\nThe model is checked first (its format version, then schemas/document.schema.json); every problem is printed with its JSON pointer, line and column, and nothing is written."
    )]
    Export(ExportArgs),
    /// Check JATS, JSON-LD, BibTeX or model files against their schemas.
    #[command(
        after_help = "Example:\n  papermeta validate out/paper.jats.xml --profile pmc\n  papermeta validate out/paper.jats.xml --dtd ../shared/vendor/jats-1.3/publishing/JATS-journalpublishing1-3.dtd --catalog ../shared/vendor/jats-1.3/catalog.xml"
    )]
    Validate(ValidateArgs),
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
    /// When some outputs fail, still write the valid ones (and name the earlier outputs of the
    /// failed formats that are now stale). By default a failed output means nothing is written.
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

#[derive(Clone, Copy, ValueEnum)]
enum ProfileArg {
    Pmc,
    Jats4r,
}

#[derive(Args)]
struct ValidateArgs {
    /// Files to check.
    #[arg(required = true)]
    files: Vec<PathBuf>,
    /// The files' format; detected from the content when absent.
    #[arg(long, value_parser = parse_format)]
    format: Option<Format>,
    /// Validate JATS against this DTD instead of the built-in one.
    #[arg(long, value_name = "PATH")]
    dtd: Option<PathBuf>,
    /// An XML catalog for the DTD's public identifiers.
    #[arg(long, value_name = "PATH")]
    catalog: Option<PathBuf>,
    /// Also check what PMC or JATS4R require beyond the DTD (JATS only).
    #[arg(long, value_enum)]
    profile: Option<ProfileArg>,
    /// Treat profile findings as errors.
    #[arg(long)]
    strict: bool,
    /// Print a machine-readable JSON report.
    #[arg(long)]
    json: bool,
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
        partial: args.partial,
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
        partial: args.partial,
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
    partial: bool,
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
        write!(
            out,
            "{}",
            papermeta::extract::citations::citation_report(doc)
        )?;
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
    if refused && outcome.written.is_empty() && !args.partial {
        writeln!(
            err,
            "error: no output was written because an output failed; earlier outputs in {} are left as they were (--partial writes the valid ones)",
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

fn validate_files(args: ValidateArgs) -> Result<u8> {
    let dtd = args
        .dtd
        .as_deref()
        .map(|p| load_dtd(p, args.catalog.as_deref()))
        .transpose()?;
    let mut status = EXIT_OK;
    let mut json_reports = Vec::new();
    for path in &args.files {
        let name = path.display().to_string();
        let bytes = std::fs::read(path)
            .map_err(|e| fail(EXIT_USAGE, format!("cannot read {name}: {e}")))?;
        let Some(format) = args.format.or_else(|| Format::detect(&bytes)) else {
            return Err(fail(
                EXIT_USAGE,
                format!(
                    "{name}: cannot tell the format; pass --format {}",
                    papermeta::format::FormatTable::builtin()
                        .formats()
                        .map(|f| f.name())
                        .collect::<Vec<_>>()
                        .join("|")
                ),
            ));
        };
        let mut report = format.validate(
            &bytes,
            &ValidateOptions {
                jats_dtd: dtd.as_ref(),
            },
        );
        if let (Some(profile), true) = (args.profile, format == Format::JATS) {
            let profile = match profile {
                ProfileArg::Pmc => Profile::Pmc,
                ProfileArg::Jats4r => Profile::Jats4r,
            };
            let findings = validate::profiles::check_profile(&bytes, profile);
            let findings = if args.strict {
                findings.into_strict()
            } else {
                findings
            };
            report.diagnostics.extend(findings.diagnostics);
        }
        if !report.is_valid() {
            status = EXIT_INVALID;
        }
        if args.json {
            json_reports.push(serde_json::json!({
                "file": name,
                "format": format.name(),
                "valid": report.is_valid(),
                "diagnostics": report.diagnostics,
            }));
        } else {
            let text = std::str::from_utf8(&bytes).ok();
            for d in &report.diagnostics {
                let _ = write!(std::io::stderr(), "{}", render_diagnostic(&name, text, d));
            }
            let errors = report.errors().count();
            let warnings = report.diagnostics.len() - errors;
            let _ = writeln!(
                std::io::stdout(),
                "{name}: {format}: {} ({errors} errors, {warnings} warnings)",
                if report.is_valid() {
                    "valid"
                } else {
                    "INVALID"
                }
            );
        }
    }
    if args.json {
        let _ = writeln!(
            std::io::stdout(),
            "{}",
            serde_json::to_string_pretty(&json_reports)?
        );
    }
    Ok(status)
}
