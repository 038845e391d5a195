//! `papermeta validate`: files and directory trees → one report per file, judged as the real
//! consumers of each format judge it (JATS against the DTD it declares, BibTeX as bibtex and
//! biber read it, JSON-LD as schema.org expands it), plus the profiles asked for.
//!
//! The command line only parses arguments, loops over paths and prints these reports.

use crate::format::Format;
use crate::model::{Diagnostic, Severity};
use crate::validate::dtd::Dtd;
use crate::validate::jats::LocalDtds;
use crate::validate::profiles::{self, Profile};
use crate::validate::{bibtex, jats, jsonld, model, schemaorg, Report};
use std::path::{Path, PathBuf};

/// What `papermeta validate` checks, and how.
#[derive(Default)]
pub struct ValidateOptions {
    /// The files' format; detected from each file's name and content when `None`.
    pub format: Option<Format>,
    /// A DTD that every JATS file is validated against instead of the one it declares.
    pub dtd: Option<Dtd>,
    /// Profiles checked on top of the format's own rules.
    pub profiles: Vec<Profile>,
    /// Profile findings become errors.
    pub strict: bool,
    /// Files larger than this many bytes are refused before they are read (`None`: no limit);
    /// checking a file takes memory in proportion to its size.
    pub max_input: Option<u64>,
}

/// One finding about one file.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    /// What was checked: `dtd`, `bibtex`, `jsonld`, `model`, or `profile:NAME`.
    pub check: String,
    /// The finding, with its rule (`code`), severity and position.
    pub diagnostic: Diagnostic,
}

/// The findings about one file.
#[derive(Debug, Clone, PartialEq)]
pub struct FileReport {
    /// The file as named (by the caller, or found under a directory).
    pub path: PathBuf,
    /// Its format, when known.
    pub format: Option<Format>,
    /// Why the file could not be checked at all (unreadable, format unknown).
    pub problem: Option<String>,
    /// Findings in document order, the format's own first, then each profile's.
    pub findings: Vec<Finding>,
}

impl FileReport {
    /// Whether the file was checked and holds no error.
    pub fn is_valid(&self) -> bool {
        self.problem.is_none() && self.errors() == 0
    }

    /// How many errors.
    pub fn errors(&self) -> usize {
        self.findings
            .iter()
            .filter(|f| f.diagnostic.severity == Severity::Error)
            .count()
    }

    /// How many warnings.
    pub fn warnings(&self) -> usize {
        self.findings.len() - self.errors()
    }

    /// The report as JSON: the file's verdict and one record per finding, each naming the
    /// file, line, column, rule, severity, message and check (`code` repeats `rule`).
    pub fn to_json(&self) -> serde_json::Value {
        let file = self.path.display().to_string();
        let records: Vec<serde_json::Value> = self
            .findings
            .iter()
            .map(|f| {
                let d = &f.diagnostic;
                serde_json::json!({
                    "file": file,
                    "line": d.line,
                    "column": d.column,
                    "rule": d.code,
                    "code": d.code,
                    "severity": match d.severity { Severity::Error => "error", Severity::Warning => "warning" },
                    "message": d.message,
                    "check": f.check,
                })
            })
            .collect();
        serde_json::json!({
            "file": file,
            "format": self.format.map(Format::name),
            "valid": self.is_valid(),
            "problem": self.problem,
            "errors": self.errors(),
            "warnings": self.warnings(),
            "diagnostics": records,
        })
    }
}

/// Counts over a batch of files.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Summary {
    /// Files checked or attempted.
    pub files: usize,
    /// Files with no error.
    pub valid: usize,
    /// Files with an error.
    pub invalid: usize,
    /// Files that could not be checked (unreadable, unknown format).
    pub unchecked: usize,
    /// Errors over all files.
    pub errors: usize,
    /// Warnings over all files.
    pub warnings: usize,
    /// Files under a directory left aside: not of a format papermeta validates.
    pub skipped: usize,
}

impl Summary {
    /// Adds one file's report.
    pub fn add(&mut self, report: &FileReport) {
        self.files += 1;
        if report.problem.is_some() {
            self.unchecked += 1;
        } else if report.is_valid() {
            self.valid += 1;
        } else {
            self.invalid += 1;
        }
        self.errors += report.errors();
        self.warnings += report.warnings();
    }

    /// The summary as JSON.
    pub fn to_json(&self) -> serde_json::Value {
        serde_json::json!({
            "files": self.files, "valid": self.valid, "invalid": self.invalid,
            "unchecked": self.unchecked, "errors": self.errors, "warnings": self.warnings,
            "skipped": self.skipped,
        })
    }
}

impl std::fmt::Display for Summary {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} files: {} valid, {} invalid",
            self.files, self.valid, self.invalid
        )?;
        if self.unchecked > 0 {
            write!(f, ", {} not checked", self.unchecked)?;
        }
        write!(f, " ({} errors, {} warnings)", self.errors, self.warnings)?;
        if self.skipped > 0 {
            write!(f, "; {} other files skipped", self.skipped)?;
        }
        Ok(())
    }
}

/// The reports of a directory walk.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TreeReport {
    /// One report per file found, in path order.
    pub files: Vec<FileReport>,
    /// Counts, `skipped` included.
    pub summary: Summary,
}

/// File name endings a directory walk picks up.
const WALKED: &[&str] = &[
    ".xml", ".nxml", ".jats", ".bib", ".bibtex", ".jsonld", ".json",
];

/// Validates files, sharing compiled DTDs between them.
#[derive(Default)]
pub struct Validator {
    options: ValidateOptions,
    local_dtds: LocalDtds,
}

impl Validator {
    /// A validator with these options.
    pub fn new(options: ValidateOptions) -> Self {
        Validator {
            options,
            local_dtds: LocalDtds::default(),
        }
    }

    /// Reads and validates one file.
    pub fn validate_file(&self, path: &Path) -> FileReport {
        let too_large = self.options.max_input.and_then(|limit| {
            let size = std::fs::metadata(path).ok()?.len();
            (size > limit).then(|| {
                format!(
                    "{}: refused: the file is {size} bytes, over the input limit of {limit} bytes (raise it with --max-input)",
                    path.display()
                )
            })
        });
        if let Some(problem) = too_large {
            return FileReport {
                path: path.to_path_buf(),
                format: None,
                problem: Some(problem),
                findings: Vec::new(),
            };
        }
        match std::fs::read(path) {
            Ok(bytes) => self.validate_bytes(path, &bytes),
            Err(e) => FileReport {
                path: path.to_path_buf(),
                format: None,
                problem: Some(format!("cannot read {}: {e}", path.display())),
                findings: Vec::new(),
            },
        }
    }

    /// Validates a file's bytes; `path` names it in messages and places the DTDs its
    /// DOCTYPE names by relative path.
    pub fn validate_bytes(&self, path: &Path, bytes: &[u8]) -> FileReport {
        let mut report = FileReport {
            path: path.to_path_buf(),
            format: None,
            problem: None,
            findings: Vec::new(),
        };
        let format = match self.options.format {
            Some(f) => f,
            None => match detect(path, bytes) {
                Ok(f) => f,
                Err(why) => {
                    report.problem = Some(why);
                    return report;
                }
            },
        };
        report.format = Some(format);
        let name = path.display().to_string();
        let (check, own) = if format == Format::JATS {
            (
                "dtd",
                jats::validate_declared(
                    bytes,
                    path.parent(),
                    self.options.dtd.as_ref(),
                    &self.local_dtds,
                ),
            )
        } else if format == Format::BIBTEX {
            ("bibtex", bibtex::validate_bibtex_input(bytes, &name))
        } else if format == Format::JSONLD {
            ("jsonld", schemaorg::validate_schema_org(bytes, &name))
        } else if format == Format::MODEL {
            ("model", model::validate_model(bytes))
        } else {
            // A format with no consumer-side validator here: its own validator judges it.
            (
                format.name(),
                format.validate(
                    bytes,
                    &crate::format::ValidateOptions {
                        jats_dtd: self.options.dtd.as_ref(),
                    },
                ),
            )
        };
        push(&mut report.findings, check, own);
        for &profile in &self.options.profiles {
            let findings = profile_findings(format, profile, bytes);
            let findings = if self.options.strict {
                findings.into_strict()
            } else {
                findings
            };
            push(
                &mut report.findings,
                &format!("profile:{}", profile.name()),
                findings,
            );
        }
        report
    }

    /// Validates every file of a format papermeta knows under `root` (hidden files and
    /// directories left out, symbolic links to directories not followed), in path order.
    pub fn validate_tree(&self, root: &Path) -> TreeReport {
        let mut tree = TreeReport::default();
        let mut found = Vec::new();
        walk(root, &mut found, &mut tree.summary.skipped);
        found.sort();
        for path in found {
            let report = self.validate_file(&path);
            // Under a directory, a file of an unknown kind is left aside, not an error.
            if report.format.is_none()
                && self.options.format.is_none()
                && report
                    .problem
                    .as_deref()
                    .is_some_and(|p| !p.starts_with("cannot read"))
            {
                tree.summary.skipped += 1;
                continue;
            }
            tree.summary.add(&report);
            tree.files.push(report);
        }
        tree
    }
}

fn push(out: &mut Vec<Finding>, check: &str, report: Report) {
    out.extend(report.diagnostics.into_iter().map(|diagnostic| Finding {
        check: check.to_string(),
        diagnostic,
    }));
}

/// A profile's findings for a file of `format` (a profile that does not apply to the format
/// finds nothing).
fn profile_findings(format: Format, profile: Profile, bytes: &[u8]) -> Report {
    let papermeta = profile == Profile::Papermeta;
    if format == Format::JATS && papermeta {
        jats::check_papermeta_profile(bytes)
    } else if format == Format::JATS {
        profiles::check_profile(bytes, profile)
    } else if format == Format::JSONLD && papermeta {
        jsonld::validate_jsonld(bytes)
    } else if format == Format::BIBTEX && papermeta {
        bibtex::validate_bibtex(bytes)
    } else {
        Report::default()
    }
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>, skipped: &mut usize) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        // Unreadable: reported when validated as a file.
        out.push(dir.to_path_buf());
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with('.') {
            continue;
        }
        let Ok(kind) = entry.file_type() else {
            continue;
        };
        if kind.is_dir() {
            walk(&path, out, skipped);
        } else if WALKED
            .iter()
            .any(|ext| name.to_ascii_lowercase().ends_with(ext))
        {
            out.push(path);
        } else if kind.is_file() || kind.is_symlink() {
            *skipped += 1;
        }
    }
}

/// The format of a file papermeta validates, from its name and content: XML whose root is
/// `<article>` is JATS, JSON with `@context` is JSON-LD, JSON with the model's `front` and
/// `body` is a model file, `.bib` (or text with `@type{` entries) is BibTeX. Anything else
/// is refused with the reason.
pub fn detect(path: &Path, bytes: &[u8]) -> Result<Format, String> {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    if name.ends_with(".bib") || name.ends_with(".bibtex") {
        return Ok(Format::BIBTEX);
    }
    let head = String::from_utf8_lossy(bytes.get(..bytes.len().min(64 * 1024)).unwrap_or(bytes));
    let text = head.trim_start_matches('\u{FEFF}').trim_start();
    let refuse = |what: String| {
        Err(format!(
            "{}: {what}; pass --format jats|jsonld|bibtex|model if it is one of those",
            path.display()
        ))
    };
    if text.starts_with('<') {
        return match xml_root(text) {
            Some("article") => Ok(Format::JATS),
            Some(root) => refuse(format!("XML with root <{root}>, not a JATS <article>")),
            None => refuse("XML without a root element".to_string()),
        };
    }
    if text.starts_with('{') || text.starts_with('[') {
        let Ok(value) = serde_json::from_slice::<serde_json::Value>(bytes) else {
            // Not JSON after all: JSON-LD by name, for its syntax error to be reported.
            return if name.ends_with(".jsonld") {
                Ok(Format::JSONLD)
            } else if name.ends_with(".model.json") {
                Ok(Format::MODEL)
            } else {
                refuse("text that starts like JSON but does not parse".to_string())
            };
        };
        let has = |v: &serde_json::Value, key: &str| v.get(key).is_some();
        let items: Vec<&serde_json::Value> = match &value {
            serde_json::Value::Array(a) => a.iter().collect(),
            v => vec![v],
        };
        if name.ends_with(".jsonld") || items.iter().any(|v| has(v, "@context")) {
            return Ok(Format::JSONLD);
        }
        if has(&value, "front") && has(&value, "body") {
            return Ok(Format::MODEL);
        }
        return refuse(
            "JSON that is neither JSON-LD (no @context) nor a papermeta model".to_string(),
        );
    }
    if text.starts_with('@') || text.starts_with('%') || has_bibtex_entry(text) {
        return Ok(Format::BIBTEX);
    }
    refuse("not XML, JSON or BibTeX".to_string())
}

/// Whether some line starts a BibTeX entry (`@word{` or `@word(`).
fn has_bibtex_entry(text: &str) -> bool {
    text.lines().any(|line| {
        let Some(rest) = line.trim_start().strip_prefix('@') else {
            return false;
        };
        let word: String = rest
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect();
        !word.is_empty() && rest[word.len()..].trim_start().starts_with(['{', '('])
    })
}

/// The root element name of an XML text: after the XML declaration, processing
/// instructions, comments and the DOCTYPE.
fn xml_root(text: &str) -> Option<&str> {
    let mut rest = text;
    loop {
        rest = rest.trim_start();
        if let Some(r) = rest.strip_prefix("<?") {
            rest = &r[r.find("?>")? + 2..];
        } else if let Some(r) = rest.strip_prefix("<!--") {
            rest = &r[r.find("-->")? + 3..];
        } else if let Some(r) = rest.strip_prefix("<!DOCTYPE") {
            // Skip to the '>' that closes it, past an internal subset in brackets.
            let mut depth = 0usize;
            let end = r.char_indices().find_map(|(i, c)| match c {
                '[' => {
                    depth += 1;
                    None
                }
                ']' => {
                    depth = depth.saturating_sub(1);
                    None
                }
                '>' if depth == 0 => Some(i),
                _ => None,
            })?;
            rest = &r[end + 1..];
        } else if let Some(r) = rest.strip_prefix('<') {
            let end = r
                .find(|c: char| c.is_whitespace() || c == '>' || c == '/')
                .unwrap_or(r.len());
            return Some(&r[..end]).filter(|n| !n.is_empty());
        } else {
            return None;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_are_detected_by_name_and_content() {
        let d = |name: &str, text: &str| detect(Path::new(name), text.as_bytes());
        assert_eq!(
            d("a.xml", "<?xml version=\"1.0\"?>\n<!-- c -->\n<!DOCTYPE article [<!ENTITY x \"y\">]>\n<article/>"),
            Ok(Format::JATS)
        );
        assert!(d("a.xml", "<doi_batch version=\"5.3.1\"/>")
            .unwrap_err()
            .contains("<doi_batch>"));
        assert_eq!(
            d("x.txt", "{\"@context\": \"https://schema.org\"}"),
            Ok(Format::JSONLD)
        );
        assert_eq!(
            d("x.json", "[{\"@context\": {}, \"@type\": \"Person\"}]"),
            Ok(Format::JSONLD)
        );
        assert_eq!(
            d("m.json", "{\"front\": {}, \"body\": {}}"),
            Ok(Format::MODEL)
        );
        assert!(d("c.json", "[{\"id\": \"x\", \"type\": \"book\"}]").is_err());
        assert_eq!(d("refs.bib", "\u{fffd}garbage"), Ok(Format::BIBTEX));
        assert_eq!(
            d("refs.txt", "Some words.\n@misc{k, title={T}}\n"),
            Ok(Format::BIBTEX)
        );
        assert!(d("notes.txt", "plain words").is_err());
    }

    #[test]
    fn a_tree_is_walked_in_order_with_a_summary() {
        let dir = tempfile::tempdir().expect("tempdir");
        std::fs::create_dir_all(dir.path().join("sub/.hidden")).expect("mkdir");
        std::fs::write(dir.path().join("b.bib"), "@misc{k, title={T}}\n").expect("write");
        std::fs::write(dir.path().join("sub/a.bib"), "@misc{k, title={T}\n").expect("write");
        std::fs::write(dir.path().join("sub/.hidden/c.bib"), "@misc{").expect("write");
        std::fs::write(dir.path().join("notes.txt"), "words").expect("write");
        std::fs::write(dir.path().join("other.xml"), "<doi_batch/>").expect("write");
        let tree = Validator::default().validate_tree(dir.path());
        let names: Vec<String> = tree
            .files
            .iter()
            .map(|f| {
                f.path
                    .strip_prefix(dir.path())
                    .unwrap()
                    .display()
                    .to_string()
            })
            .collect();
        assert_eq!(names, ["b.bib", "sub/a.bib"]);
        assert_eq!(
            (
                tree.summary.files,
                tree.summary.valid,
                tree.summary.invalid,
                tree.summary.skipped
            ),
            (2, 1, 1, 2),
            "{:?}",
            tree.summary
        );
        let json = tree.files[1].to_json();
        let record = &json["diagnostics"][0];
        assert_eq!(record["rule"], "bibtex-unbalanced-brace");
        assert_eq!(record["line"], 1);
        assert!(record["file"].as_str().unwrap().ends_with("a.bib"));
    }
}
