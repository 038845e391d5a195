//! The binary end to end: bad input gets a clear error and exit 2 and leaves no output file;
//! the sample converts; `validate` reports a broken file.

mod common;

use std::path::Path;
use std::process::{Command, Output};

fn papermeta(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_papermeta"))
        .args(args)
        .output()
        .expect("the binary runs")
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// Runs `extract` on `bytes` into a fresh directory; returns the output and the files left.
fn extract_bytes(bytes: &[u8], extra: &[&str]) -> (Output, Vec<String>) {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("paper.txt");
    std::fs::write(&input, bytes).unwrap();
    let out_dir = dir.path().join("out");
    let mut args = vec![
        "extract",
        input.to_str().unwrap(),
        "-o",
        out_dir.to_str().unwrap(),
    ];
    args.extend_from_slice(extra);
    let out = papermeta(&args);
    let files = std::fs::read_dir(&out_dir)
        .map(|rd| {
            rd.filter_map(|e| e.ok())
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    (out, files)
}

fn assert_refused(bytes: &[u8], needle: &str) {
    let (out, files) = extract_bytes(bytes, &[]);
    assert_eq!(out.status.code(), Some(2), "stderr: {}", stderr(&out));
    assert!(
        stderr(&out).contains(needle),
        "expected `{needle}` in: {}",
        stderr(&out)
    );
    assert!(files.is_empty(), "output files were left behind: {files:?}");
}

#[test]
fn empty_file_is_refused() {
    assert_refused(b"", "empty");
    assert_refused(b"\n  \n\n", "empty");
}

#[test]
fn binary_file_is_refused_with_position() {
    assert_refused(
        b"GIF89a\n\x00\x01\x02binary",
        "paper.txt:2:1: the input looks binary",
    );
    // A PDF signature sends the bytes to the PDF reader, which names what is wrong.
    assert_refused(b"%PDF-1.7\n\x00\x01\x02binary", "the PDF is damaged");
}

#[test]
fn invalid_utf8_that_is_not_windows_1256_is_refused_with_position() {
    assert_refused(
        b"Title line\nsome text \xC3\x28\xFF\xFE\xA9\xAE more",
        "paper.txt:2:11: the input is not valid UTF-8",
    );
}

#[test]
fn file_without_a_title_is_refused() {
    assert_refused(
        "Keywords: water, policy, cities.\n\nAbstract: This text has no title line.\n".as_bytes(),
        "no title",
    );
}

#[test]
fn unknown_metadata_key_is_refused_with_closest_key() {
    let dir = tempfile::tempdir().unwrap();
    let meta = dir.path().join("m.toml");
    std::fs::write(&meta, "[article]\nvolum = \"3\"\n").unwrap();
    let sample = common::root().join("samples/political-issues-000.txt");
    let out_dir = dir.path().join("out");
    let out = papermeta(&[
        "extract",
        sample.to_str().unwrap(),
        "--meta",
        meta.to_str().unwrap(),
        "-o",
        out_dir.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out)
            .contains("m.toml:2:1: unknown key `article.volum`; did you mean `article.volume`?"),
        "{}",
        stderr(&out)
    );
    assert!(!out_dir.exists() || std::fs::read_dir(&out_dir).unwrap().next().is_none());
}

#[test]
fn jats_without_journal_facts_names_the_key_and_nothing_is_written() {
    let sample = std::fs::read(common::root().join("samples/political-issues-000.txt")).unwrap();
    let (out, files) = extract_bytes(&sample, &["--quiet"]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("set `journal.id` in the metadata file"),
        "{}",
        stderr(&out)
    );
    assert!(files.is_empty(), "{files:?}");
    // --partial writes the others.
    let (out, mut files) = extract_bytes(&sample, &["--quiet", "--partial"]);
    files.sort();
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert_eq!(files, ["paper.bib", "paper.jsonld", "paper.model.json"]);
}

#[test]
fn sample_converts_with_its_metadata() {
    let dir = tempfile::tempdir().unwrap();
    let root = common::root();
    let out = papermeta(&[
        "extract",
        root.join("samples/political-issues-000.txt")
            .to_str()
            .unwrap(),
        "--meta",
        root.join("samples/political-issues.meta.toml")
            .to_str()
            .unwrap(),
        "-o",
        dir.path().to_str().unwrap(),
        "--outline",
        "--citations",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    for ext in [".jats.xml", ".jsonld", ".bib", ".model.json"] {
        assert!(
            dir.path()
                .join(format!("political-issues-000{ext}"))
                .is_file(),
            "{ext} missing"
        );
    }
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("25 headings"), "{stdout}");
    assert!(
        stdout.contains("14 pages, 49 footnotes, 49 markers"),
        "{stdout}"
    );
}

#[test]
fn stdin_input_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let sample = std::fs::read(common::root().join("samples/political-issues-000.txt")).unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_papermeta"))
        .args([
            "extract",
            "-",
            "--to",
            "bibtex",
            "-o",
            dir.path().to_str().unwrap(),
        ])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write;
    child.stdin.take().unwrap().write_all(&sample).unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(dir.path().join("stdin.bib").is_file());
}

#[test]
fn validate_reports_a_broken_jats_file_with_position() {
    let dir = tempfile::tempdir().unwrap();
    let good = common::root().join("tests/golden/seed-complete/output.jats.xml");
    let text = std::fs::read_to_string(&good).unwrap();
    // Move the ISSN out of journal-meta: the DTD requires it there.
    let broken = text
        .replacen("<issn", "<issnx", 1)
        .replacen("</issn>", "</issnx>", 1);
    let path = dir.path().join("broken.jats.xml");
    std::fs::write(&path, broken).unwrap();
    let out = papermeta(&["validate", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(
        err.contains("broken.jats.xml:") && err.contains("issnx"),
        "{err}"
    );
    let ok = papermeta(&["validate", good.to_str().unwrap()]);
    assert_eq!(ok.status.code(), Some(0), "{}", stderr(&ok));
    let usage = papermeta(&["validate"]);
    assert_eq!(usage.status.code(), Some(2));
    assert!(Path::new(&good).is_file());
}

#[test]
fn profile_findings_are_warnings_unless_strict() {
    // The sample's own metadata holds no publication date or pages: PMC wants both.
    let jats = common::root().join("tests/golden/seed/output.jats.xml");
    let path = jats.to_str().unwrap();
    let lenient = papermeta(&["validate", path, "--profile", "pmc"]);
    assert_eq!(lenient.status.code(), Some(0), "{}", stderr(&lenient));
    assert!(
        stderr(&lenient).contains("warning[profile-"),
        "{}",
        stderr(&lenient)
    );
    let strict = papermeta(&["validate", path, "--profile", "pmc", "--strict"]);
    assert_eq!(strict.status.code(), Some(1), "{}", stderr(&strict));
    assert!(
        stderr(&strict).contains("error[profile-"),
        "{}",
        stderr(&strict)
    );
    let json = papermeta(&["validate", path, "--profile", "pmc", "--json"]);
    let report: serde_json::Value =
        serde_json::from_slice(&json.stdout).expect("--json prints JSON");
    assert_eq!(report[0]["valid"], true);
    assert!(report[0]["diagnostics"]
        .as_array()
        .is_some_and(|d| !d.is_empty()));
}
