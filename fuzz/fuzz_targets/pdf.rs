//! Arbitrary bytes as a PDF: `read_pdf` returns pages or a typed error, never a panic, a hang
//! or runaway memory; what it reads also goes through extraction.
#![no_main]

use libfuzzer_sys::fuzz_target;
use papermeta::extract::{extract_pages, pdf::read_pdf};

fuzz_target!(|data: &[u8]| {
    if let Ok(input) = read_pdf(data, "fuzz.pdf") {
        let _ = extract_pages(&input);
    }
});
