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
fn jats_without_journal_facts_names_the_key_and_the_others_are_written() {
    // An empty folder holds nothing to mix with: the valid outputs are written, JATS is
    // named with the key to set, and the exit status says an output failed.
    let sample = std::fs::read(common::root().join("samples/political-issues-000.txt")).unwrap();
    let (out, mut files) = extract_bytes(&sample, &["--quiet"]);
    files.sort();
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("set `journal.id` in the metadata file"),
        "{}",
        stderr(&out)
    );
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

/// `export` re-writes the outputs from a model JSON; a hand-broken model is refused with the
/// JSON pointer, line and column of the problem, and an unversioned one with a clear message.
#[test]
fn export_rewrites_from_a_model_and_refuses_a_broken_one() {
    let dir = tempfile::tempdir().unwrap();
    let sample = common::root().join("samples/political-issues-000.txt");
    let meta = common::root().join("samples/political-issues.meta.toml");
    let out = papermeta(&[
        "extract",
        sample.to_str().unwrap(),
        "--meta",
        meta.to_str().unwrap(),
        "-o",
        dir.path().to_str().unwrap(),
        "-q",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let model = dir.path().join("political-issues-000.model.json");
    let jats = std::fs::read(dir.path().join("political-issues-000.jats.xml")).unwrap();
    let again = dir.path().join("again");
    let out = papermeta(&[
        "export",
        model.to_str().unwrap(),
        "--to",
        "jats",
        "-o",
        again.to_str().unwrap(),
        "-q",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(
        std::fs::read(again.join("political-issues-000.jats.xml")).unwrap(),
        jats
    );

    let text = std::fs::read_to_string(&model).unwrap();
    let line = text
        .lines()
        .position(|l| l.contains("\"language\""))
        .unwrap()
        + 1;
    let broken = dir.path().join("broken.model.json");
    std::fs::write(
        &broken,
        text.replacen("\"language\": \"ar\"", "\"language\": 5", 1),
    )
    .unwrap();
    let out_dir = dir.path().join("broken-out");
    let out = papermeta(&[
        "export",
        broken.to_str().unwrap(),
        "-o",
        out_dir.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains(&format!("broken.model.json:{line}:")),
        "{}",
        stderr(&out)
    );
    assert!(
        stderr(&out).contains("at `/front/language`"),
        "{}",
        stderr(&out)
    );
    assert!(!out_dir.exists(), "nothing is written from a broken model");

    let old = dir.path().join("old.model.json");
    std::fs::write(&old, text.replacen("\"format_version\": 1,", "", 1)).unwrap();
    let out = papermeta(&[
        "export",
        old.to_str().unwrap(),
        "-o",
        out_dir.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("has no `format_version`"),
        "{}",
        stderr(&out)
    );
}

/// Metadata in layers: a journal file, an article file (JSON), then flags; `--explain` names
/// the source of each value.
#[test]
fn metadata_layers_override_in_order_and_explain_says_where_from() {
    let dir = tempfile::tempdir().unwrap();
    let journal = dir.path().join("journal.toml");
    std::fs::write(
        &journal,
        "[journal]\nid = \"pissue\"\nissn_print = \"2070-9250\"\n[article]\nvolume = \"12\"\nissue = \"1\"\n",
    )
    .unwrap();
    let article = dir.path().join("article.json");
    std::fs::write(
        &article,
        "{\"article\": {\"issue\": \"2\", \"pages\": \"5-9\"}}",
    )
    .unwrap();
    let sample = common::root().join("samples/political-issues-000.txt");
    let out = papermeta(&[
        "extract",
        sample.to_str().unwrap(),
        "--journal-meta",
        journal.to_str().unwrap(),
        "--meta",
        article.to_str().unwrap(),
        "--pages",
        "7-9",
        "--explain",
        "--to",
        "model",
        "-o",
        dir.path().to_str().unwrap(),
        "-q",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let printed = String::from_utf8_lossy(&out.stdout);
    let row = |key: &str| {
        printed
            .lines()
            .find(|l| l.starts_with(key))
            .unwrap_or_else(|| panic!("no {key} in {printed}"))
            .to_string()
    };
    assert!(row("article.volume").contains("12  (from"), "{printed}");
    assert!(row("article.volume").contains("journal.toml"), "{printed}");
    assert!(row("article.issue").contains("2  (from"), "{printed}");
    assert!(row("article.issue").contains("article.json"), "{printed}");
    assert!(
        row("article.pages").contains("7-9  (from command line)"),
        "{printed}"
    );
    let bad = papermeta(&[
        "extract",
        sample.to_str().unwrap(),
        "--published",
        "2025-02-30",
        "-o",
        dir.path().to_str().unwrap(),
    ]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(
        stderr(&bad).contains("--published: `2025-02-30` does not exist"),
        "{}",
        stderr(&bad)
    );
}

/// A JATS article is told from text by its content and read into the model.
#[test]
fn a_jats_article_is_extracted() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("article.xml");
    std::fs::write(
        &input,
        "<?xml version=\"1.0\"?>\n<article xml:lang=\"en\"><front><article-meta><title-group><article-title>Rivers</article-title></title-group><contrib-group><contrib contrib-type=\"author\"><name><surname>Haddad</surname><given-names>Samira</given-names></name></contrib></contrib-group></article-meta></front></article>\n",
    )
    .unwrap();
    let out = papermeta(&[
        "extract",
        input.to_str().unwrap(),
        "--to",
        "bibtex,model",
        "-o",
        dir.path().to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let bib = std::fs::read_to_string(dir.path().join("article.bib")).unwrap();
    assert!(bib.contains("author = {Haddad, Samira}"), "{bib}");
    std::fs::write(
        &input,
        "<?xml version=\"1.0\"?>\n<article>\n<front></article>\n",
    )
    .unwrap();
    let out = papermeta(&[
        "extract",
        input.to_str().unwrap(),
        "-o",
        dir.path().to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("article.xml:3:"), "{}", stderr(&out));
    std::fs::write(&input, "<?xml version=\"1.0\"?>\n<TEI><text/></TEI>\n").unwrap();
    let out = papermeta(&[
        "extract",
        input.to_str().unwrap(),
        "-o",
        dir.path().to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("the root element is `TEI`"),
        "{}",
        stderr(&out)
    );
}
