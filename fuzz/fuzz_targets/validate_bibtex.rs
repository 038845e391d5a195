//! Arbitrary bytes as a BibTeX file, judged both as its consumers judge it and as
//! papermeta's own output: diagnostics with a position, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use papermeta::validate::bibtex::{validate_bibtex, validate_bibtex_input};

fuzz_target!(|data: &[u8]| {
    let report = validate_bibtex_input(data, "fuzz.bib");
    assert!(report.diagnostics.iter().all(|d| d.line.is_some()));
    let _ = validate_bibtex(data);
});
