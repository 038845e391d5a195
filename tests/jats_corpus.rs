//! Acceptance of the JATS reader on the real JATS files of `../shared/corpus/validate/jats/`:
//!
//! - every file is read without a panic; a file the reader refuses is one lxml cannot parse
//!   either, and the refusal gives file, line and column;
//! - for every file read, the model's title, authors, abstract text and reference count equal
//!   what `tests/jats_corpus/expected.py` computes from the XML with lxml XPath (a reading
//!   independent of papermeta's XML tree and reader);
//! - every model exports to JSON-LD and BibTeX that `../shared/tools/check-jsonld` and
//!   `check-bibtex` pass, or is refused because the XML itself has no title or no author, with
//!   a message naming the metadata key that would supply it; and to Crossref XML that
//!   `check-crossref` passes, or is refused naming the missing key.
//!
//! Skips with a message when ../shared, python3 with lxml, or a check tool is absent, and fails
//! instead under env `CI`.

mod common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use papermeta::convert::{self, ConvertOptions};
use papermeta::format::Format;
use papermeta::model::{ContributorRole, Depositor, Document};
use serde::Deserialize;

fn corpus() -> PathBuf {
    common::root().join("../shared/corpus/validate/jats")
}

/// Skips (or, under CI, fails) when a prerequisite is missing.
fn require(what: &str, present: bool) -> bool {
    if !present {
        assert!(
            std::env::var_os("CI").is_none(),
            "{what} is required under CI but absent"
        );
        eprintln!("SKIPPED jats_corpus: {what} is absent");
    }
    present
}

fn files() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(corpus())
        .map(|d| {
            d.flatten()
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|x| x == "xml"))
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    files
}

/// What the independent reading found in one file.
#[derive(Debug, Deserialize)]
struct Expected {
    #[serde(default)]
    error: Option<String>,
    #[serde(default)]
    title: String,
    #[serde(default)]
    subtitle: String,
    #[serde(default)]
    authors: Vec<String>,
    #[serde(default)]
    abstract_text: String,
    #[serde(default)]
    references: usize,
}

/// Runs the lxml reading over every file, when python3 with lxml is here.
fn expected(files: &[PathBuf]) -> Option<BTreeMap<PathBuf, Expected>> {
    let lxml = Command::new("python3")
        .args(["-c", "import lxml"])
        .output()
        .is_ok_and(|o| o.status.success());
    if !require("python3 with lxml", lxml) {
        return None;
    }
    let out = Command::new("python3")
        .arg(common::root().join("tests/jats_corpus/expected.py"))
        .args(files)
        .output()
        .expect("python3 runs");
    assert!(
        out.status.success(),
        "expected.py failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let map: BTreeMap<String, Expected> =
        serde_json::from_slice(&out.stdout).expect("expected.py prints JSON");
    Some(
        map.into_iter()
            .map(|(k, v)| (PathBuf::from(k), v))
            .collect(),
    )
}

fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn no_space(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

/// Reads a file, turning a panic into an error message.
fn read(path: &Path) -> Result<Document, String> {
    let bytes = std::fs::read(path).expect("read corpus file");
    let name = path.display().to_string();
    std::panic::catch_unwind(|| convert::read_document(&bytes, &name, None))
        .map_err(|_| format!("{name}: PANIC while reading"))?
        .map_err(|e| e.to_string())
}

/// How the model differs from the independent reading, if it does.
fn differences(doc: &Document, exp: &Expected) -> Vec<String> {
    let mut out = Vec::new();
    let title = doc.front.titles.first().map_or("", |t| t.text.as_str());
    let (t, s, got) = (
        no_space(&exp.title),
        no_space(&exp.subtitle),
        no_space(title),
    );
    // A subtitle joins its title after `: ` (or a space after the title's own punctuation).
    let title_ok = if s.is_empty() {
        got == t
    } else {
        got == format!("{t}:{s}") || got == format!("{t}{s}")
    };
    if !title_ok {
        out.push(format!(
            "title: model `{title}`, XML `{}` / `{}`",
            exp.title, exp.subtitle
        ));
    }
    let authors: Vec<String> = doc
        .front
        .contributors
        .iter()
        .filter(|c| c.role == ContributorRole::Author)
        .map(|c| collapse(&c.name.as_written))
        .collect();
    if authors != exp.authors {
        out.push(format!("authors: model {authors:?}, XML {:?}", exp.authors));
    }
    let abstract_text: String = doc
        .front
        .abstracts
        .iter()
        .map(|a| no_space(&a.text))
        .collect();
    if abstract_text != exp.abstract_text {
        let common = abstract_text
            .chars()
            .zip(exp.abstract_text.chars())
            .take_while(|(a, b)| a == b)
            .count();
        let tail = |s: &str| s.chars().skip(common).take(60).collect::<String>();
        out.push(format!(
            "abstract differs after {common} characters: model `{}`, XML `{}`",
            tail(&abstract_text),
            tail(&exp.abstract_text)
        ));
    }
    let refs = doc.back.references().count();
    if refs != exp.references {
        out.push(format!("references: model {refs}, XML {}", exp.references));
    }
    out
}

#[test]
fn every_real_jats_file_reads_as_an_independent_xpath_reading_says() {
    if !require("../shared/corpus/validate/jats", corpus().is_dir()) {
        return;
    }
    let files = files();
    assert!(files.len() >= 221, "{} JATS files", files.len());
    let Some(expected) = expected(&files) else {
        return;
    };
    let mut problems = Vec::new();
    let mut compared = 0;
    for file in &files {
        let exp = &expected[file];
        match (read(file), &exp.error) {
            (Ok(doc), None) => {
                compared += 1;
                for d in differences(&doc, exp) {
                    problems.push(format!("{}: {d}", file.display()));
                }
            }
            (Err(e), Some(_)) => {
                // Refused, as lxml refuses it: the message must place the problem.
                let placed = e
                    .strip_prefix(&format!("{}:", file.display()))
                    .and_then(|rest| {
                        rest.split(':')
                            .take(2)
                            .map(str::parse::<usize>)
                            .collect::<Result<Vec<_>, _>>()
                            .ok()
                    })
                    .is_some_and(|n| n.len() == 2);
                if !placed {
                    problems.push(format!("refusal without line and column: {e}"));
                }
            }
            (Ok(_), Some(lxml)) => problems.push(format!(
                "{}: read, but lxml refuses it ({lxml})",
                file.display()
            )),
            (Err(e), None) => problems.push(e),
        }
    }
    assert!(compared >= 215, "only {compared} files compared");
    assert!(
        problems.is_empty(),
        "{} problems:\n{}",
        problems.len(),
        problems.join("\n")
    );
}

/// One export of one corpus file.
struct Written {
    path: PathBuf,
    source: PathBuf,
}

/// JSON-LD outputs up to this size go through check-jsonld in the CI run; rdflib's graph
/// comparison in it grows about with the square of the blank nodes, so the largest files take
/// minutes each (the ignored test below checks them all).
const CI_JSONLD_BYTES: usize = 40_000;

/// Every file through check-bibtex and check-crossref, and the JSON-LD outputs of up to
/// [`CI_JSONLD_BYTES`] through check-jsonld (about half of them).
#[test]
fn every_real_jats_file_exports_to_what_real_consumers_accept() {
    exports_pass_real_consumers(Some(CI_JSONLD_BYTES));
}

/// The same with every JSON-LD output: about two hours on the 2-core machine. Run it with
/// `cargo test --release --test jats_corpus -- --ignored`.
#[test]
#[ignore = "hours: check-jsonld over every JSON-LD output; run with --ignored"]
fn every_real_jats_file_exports_to_what_real_consumers_accept_with_every_jsonld() {
    exports_pass_real_consumers(None);
}

/// The test metadata a deposit needs beside the XML (landing page, depositor): when the file
/// lacks only these, the Crossref output is still written and checked.
fn with_deposit_facts(doc: &Document, stem: &str) -> Document {
    let mut doc = doc.clone();
    let p = &mut doc.front.publication;
    p.url
        .get_or_insert_with(|| format!("https://journal.example.org/articles/{stem}"));
    p.depositor.get_or_insert_with(|| Depositor {
        name: "papermeta tests".into(),
        email: "deposits@example.org".into(),
    });
    doc
}

fn exports_pass_real_consumers(jsonld_bound: Option<usize>) {
    if !require("../shared/corpus/validate/jats", corpus().is_dir()) {
        return;
    }
    let Some(tools) = common::shared_tools() else {
        require("../shared/tools", false);
        return;
    };
    let files = files();
    let tmp = tempfile::tempdir().expect("tempdir");
    let mut options = ConvertOptions::default();
    options.export.crossref.timestamp = Some(common::GOLDEN_CROSSREF_TIMESTAMP);
    let mut problems = Vec::new();
    let mut written: BTreeMap<&str, Vec<Written>> = BTreeMap::new();
    let mut refused: BTreeMap<&str, usize> = BTreeMap::new();
    for file in &files {
        let Ok(doc) = read(file) else {
            continue; // not well-formed: the other test checks the refusal
        };
        let has_title = doc.front.titles.iter().any(|t| !t.text.trim().is_empty());
        let has_author = doc
            .front
            .contributors
            .iter()
            .any(|c| c.role == ContributorRole::Author);
        let stem = file.file_stem().unwrap().to_string_lossy().to_string();
        for (tool, format) in [
            ("check-jsonld", Format::JSONLD),
            ("check-bibtex", Format::BIBTEX),
            ("check-crossref", Format::CROSSREF),
        ] {
            let rendered = match convert::render(&doc, format, &options) {
                Err(e) if format.name() == "crossref" => {
                    // Refused: the message names a key; retry with the test's deposit facts.
                    if !e.to_string().contains('`') {
                        problems.push(format!(
                            "{}: crossref refused without naming a key: {e}",
                            file.display()
                        ));
                    }
                    convert::render(&with_deposit_facts(&doc, &stem), format, &options)
                }
                other => other,
            };
            match rendered {
                Ok(artifact) => {
                    if !artifact.report.is_valid() {
                        problems.push(format!(
                            "{}: {} fails papermeta's own validation: {:?}",
                            file.display(),
                            format.name(),
                            artifact.report.diagnostics.first()
                        ));
                        continue;
                    }
                    if format.name() == "jsonld"
                        && jsonld_bound.is_some_and(|b| artifact.bytes.len() > b)
                    {
                        continue;
                    }
                    let path = tmp.path().join(format!("{stem}{}", format.extension()));
                    std::fs::write(&path, &artifact.bytes).unwrap();
                    written.entry(tool).or_default().push(Written {
                        path,
                        source: file.clone(),
                    });
                }
                Err(e) => {
                    let message = e.to_string();
                    // Refused: the XML must lack what the message says, and name the key.
                    let justified = if format.name() == "crossref" {
                        message.contains('`')
                    } else if message.contains("article.title") {
                        !has_title
                    } else if message.contains("authors[].name") {
                        !has_author
                    } else {
                        false
                    };
                    if justified {
                        *refused.entry(tool).or_default() += 1;
                    } else {
                        problems.push(format!(
                            "{}: {} refused: {message}",
                            file.display(),
                            format.name()
                        ));
                    }
                }
            }
        }
    }
    for (tool, outputs) in &written {
        if !require(tool, tools.join(tool).is_file()) {
            continue;
        }
        // One run over every output: the tool prints `== FILE` before each file's checks.
        for chunk in outputs.chunks(40) {
            let out = Command::new(tools.join(tool))
                .args(chunk.iter().map(|w| &w.path))
                .output()
                .unwrap_or_else(|e| panic!("cannot run {tool}: {e}"));
            let text = String::from_utf8_lossy(&out.stdout).to_string()
                + &String::from_utf8_lossy(&out.stderr);
            let mut current = String::new();
            for line in text.lines() {
                if let Some(f) = line.strip_prefix("== ") {
                    current = f.trim().to_string();
                } else if line.starts_with("FAIL") {
                    let source = chunk
                        .iter()
                        .find(|w| w.path.display().to_string() == current)
                        .map_or(current.clone(), |w| w.source.display().to_string());
                    problems.push(format!("{tool}: {source}: {line}"));
                }
            }
            if !out.status.success() && !text.lines().any(|l| l.starts_with("FAIL")) {
                problems.push(format!("{tool} failed without a FAIL line:\n{text}"));
            }
        }
    }
    eprintln!(
        "jats_corpus: written {:?}, refused for lack of a title, an author or a Crossref key {:?}",
        written
            .iter()
            .map(|(t, w)| (t, w.len()))
            .collect::<Vec<_>>(),
        refused
    );
    let least_jsonld = if jsonld_bound.is_some() { 80 } else { 200 };
    assert!(
        written.get("check-jsonld").map_or(0, Vec::len) >= least_jsonld,
        "too few JSON-LD outputs"
    );
    assert!(
        written.get("check-bibtex").map_or(0, Vec::len) >= 200,
        "too few BibTeX outputs"
    );
    assert!(
        written.get("check-crossref").map_or(0, Vec::len) >= 100,
        "too few Crossref outputs"
    );
    assert!(
        problems.is_empty(),
        "{} problems:\n{}",
        problems.len(),
        problems.join("\n")
    );
}
