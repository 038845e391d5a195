//! Arbitrary bytes as DTD text: compiling must return a DTD or an error, never panic, hang
//! or exhaust memory. No base directory is given, so no external entity is ever opened.
#![no_main]

use libfuzzer_sys::fuzz_target;
use papermeta::validate::dtd::{Dtd, DtdOptions};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    if let Ok(dtd) = Dtd::from_str(&text, None, &DtdOptions::default()) {
        // A DTD that compiles must also validate without panicking.
        let _ = dtd.validate(b"<?xml version=\"1.0\"?><article><front/></article>");
        let _ = dtd.element_names().count();
    }
});
