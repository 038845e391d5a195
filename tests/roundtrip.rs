//! Round trips on every golden case: papermeta's own JATS reads back (through the JATS
//! reader) into a model that writes the same JATS again, byte for byte; and every golden
//! model JSON reads back into a document that writes every golden output again.

mod common;

use papermeta::convert::{self, ConvertOptions};
use papermeta::extract::{input_kind, InputKind};
use papermeta::format::Format;

#[test]
fn own_jats_imports_and_exports_to_the_same_bytes() {
    let mut checked = 0;
    let mut problems = Vec::new();
    for case in common::golden_cases() {
        let path = case.join("output.jats.xml");
        let Ok(jats) = std::fs::read(&path) else {
            continue;
        };
        assert_eq!(input_kind(&jats), InputKind::Jats, "{}", path.display());
        let doc = convert::read_document(&jats, "output.jats.xml", None)
            .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let again = convert::render(&doc, Format::JATS, &ConvertOptions::default())
            .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        assert!(
            again.report.is_valid(),
            "{}: {:?}",
            path.display(),
            again.report
        );
        if let Some(p) = first_difference(&jats, &again.bytes) {
            problems.push(format!("{}: {p}", path.display()));
        }
        checked += 1;
    }
    assert!(checked >= 9, "only {checked} golden JATS files");
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn golden_models_export_to_the_golden_outputs() {
    let mut checked = 0;
    let mut problems = Vec::new();
    for case in common::golden_cases() {
        let model = std::fs::read(case.join("output.model.json")).unwrap();
        let doc = papermeta::model_file::read_model(&model, "output.model.json")
            .unwrap_or_else(|e| panic!("{}: {e}", case.display()));
        let mut options = ConvertOptions::default();
        options.export.crossref.timestamp = Some(common::GOLDEN_CROSSREF_TIMESTAMP);
        for format in Format::all() {
            let golden = case.join(format!("output{}", format.extension()));
            let Ok(expected) = std::fs::read(&golden) else {
                continue;
            };
            let artifact = convert::render(&doc, format, &options)
                .unwrap_or_else(|e| panic!("{}: {e}", golden.display()));
            if let Some(p) = first_difference(&expected, &artifact.bytes) {
                problems.push(format!("{}: {p}", golden.display()));
            }
            checked += 1;
        }
    }
    assert!(checked >= 36, "only {checked} golden outputs");
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// The first line where two outputs differ, when they do.
fn first_difference(expected: &[u8], actual: &[u8]) -> Option<String> {
    if expected == actual {
        return None;
    }
    let e = String::from_utf8_lossy(expected);
    let a = String::from_utf8_lossy(actual);
    let (n, (el, al)) = e
        .lines()
        .chain(std::iter::repeat(""))
        .zip(a.lines().chain(std::iter::repeat("")))
        .enumerate()
        .find(|(_, (x, y))| x != y)
        .unwrap_or((0, ("", "")));
    Some(format!(
        "differs at line {}:\n  expected: {el}\n  actual:   {al}",
        n + 1
    ))
}
