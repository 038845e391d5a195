//! Golden tests: each case under tests/golden/<case>/ holds an input (and a metadata file),
//! and every expected output. Whole outputs are compared; every output must also pass
//! papermeta's own validator. `UPDATE_GOLDEN=1 cargo test` rewrites them
//! (`UPDATE_GOLDEN=seed,english-apa` only the cases named).

mod common;

use papermeta::convert::{self, ConvertOptions};
use papermeta::format::Format;
use papermeta::meta::parse_metadata;
use papermeta::summary::{format_diagnostic, format_export_warning, outline};

#[test]
fn golden_cases_match_and_validate() {
    let cases = common::golden_cases();
    assert!(
        cases.len() >= 4,
        "expected at least four golden cases, found {cases:?}"
    );
    let mut problems = Vec::new();
    for case in &cases {
        check_case(case, "input.txt", case, &mut problems);
    }
    assert!(problems.is_empty(), "{}", problems.join("\n\n"));
}

/// The cases typeset as PDF (`input.pdf` beside `input.txt`), read from the PDF itself: their
/// expected outputs are in `from-pdf/` (`UPDATE_GOLDEN=1` or `UPDATE_GOLDEN=from-pdf`).
#[test]
fn golden_pdf_cases_match_and_validate() {
    let cases = common::pdf_golden_cases();
    assert!(
        cases.len() >= 4,
        "expected at least four PDF golden cases, found {cases:?}"
    );
    let mut problems = Vec::new();
    for case in &cases {
        let out = case.join("from-pdf");
        if common::updating(&out) {
            std::fs::create_dir_all(&out).unwrap();
        }
        check_case(case, "input.pdf", &out, &mut problems);
    }
    assert!(problems.is_empty(), "{}", problems.join("\n\n"));
}

/// Reads `case/input_name` with the case's metadata and compares every output, the outline,
/// the citations and the warnings with the files in `out`.
fn check_case(
    case: &std::path::Path,
    input_name: &str,
    out: &std::path::Path,
    problems: &mut Vec<String>,
) {
    let input = std::fs::read(case.join(input_name)).unwrap();
    let meta_path = case.join("meta.toml");
    let meta = meta_path.is_file().then(|| {
        let text = std::fs::read_to_string(&meta_path).unwrap();
        parse_metadata(&text, "meta.toml").unwrap_or_else(|e| panic!("{e}"))
    });
    let doc = convert::read_document(&input, input_name, meta.as_ref())
        .unwrap_or_else(|e| panic!("{}: {e}", case.display()));
    let mut options = ConvertOptions::default();
    // A deposit's timestamp is the time it is written; golden outputs need a fixed one.
    options.export.crossref.timestamp = Some(common::GOLDEN_CROSSREF_TIMESTAMP);
    let mut log = String::new();
    for w in &doc.warnings {
        log.push_str(&format_diagnostic(input_name, w));
        log.push('\n');
    }
    for format in Format::all() {
        let name = format!("output{}", format.extension());
        match convert::render(&doc, format, &options) {
            Ok(artifact) => {
                for w in &artifact.warnings {
                    log.push_str(&format_export_warning(input_name, &name, w));
                    log.push('\n');
                }
                if !artifact.report.is_valid() {
                    problems.push(format!(
                        "{}/{name} fails papermeta's validator: {:#?}",
                        out.display(),
                        artifact.report.diagnostics
                    ));
                }
                if let Some(p) = common::compare_or_update(&out.join(&name), &artifact.bytes) {
                    problems.push(p);
                }
            }
            Err(e) => {
                log.push_str(&format!("{name}: not written: {e}\n"));
                // A golden output of a format that now fails is stale: removed only when
                // rewriting, reported otherwise.
                let stale = out.join(&name);
                if common::updating(out) {
                    let _ = std::fs::remove_file(&stale);
                } else if stale.exists() {
                    problems.push(format!(
                        "{} exists but {name} is no longer written: {e}",
                        stale.display()
                    ));
                }
            }
        }
    }
    let views = [
        ("outline.txt", outline(&doc)),
        ("citations.txt", papermeta::summary::citation_report(&doc)),
        ("warnings.txt", log),
    ];
    for (file, text) in views {
        if let Some(p) = common::compare_or_update(&out.join(file), text.as_bytes()) {
            problems.push(p);
        }
    }
}
