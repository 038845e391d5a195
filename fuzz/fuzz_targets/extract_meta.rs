//! Arbitrary bytes as a paper and as its metadata file, through the whole conversion: the
//! input split at the first NUL-free `\x1e` byte into metadata text and paper. Reading,
//! metadata errors and every writer and validator return errors or diagnostics, never panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use papermeta::convert::{self, ConvertOptions};
use papermeta::format::Format;
use papermeta::meta::parse_metadata;

fuzz_target!(|data: &[u8]| {
    let (meta, paper) = match data.iter().position(|&b| b == 0x1e) {
        Some(i) => (&data[..i], &data[i + 1..]),
        None => (&data[..0], data),
    };
    let meta = std::str::from_utf8(meta)
        .ok()
        .filter(|t| !t.is_empty())
        .and_then(|t| parse_metadata(t, "fuzz.meta.toml").ok());
    let Ok(doc) = convert::read_document(paper, "fuzz.txt", meta.as_ref()) else {
        return;
    };
    let options = ConvertOptions::default();
    for format in Format::all() {
        if let Ok(artifact) = convert::render(&doc, format, &options) {
            // Our own output must pass our own validators.
            assert!(
                artifact.report.is_valid(),
                "{format}: {:?}",
                artifact.report.diagnostics
            );
        }
    }
});
