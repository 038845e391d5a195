//! Arbitrary bytes as a JATS document against the built-in project DTD (and the profile
//! checks, which parse the same input): diagnostics, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use papermeta::validate::jats::{builtin_dtd, validate_jats};
use papermeta::validate::profiles::{check_profile, Profile};

fuzz_target!(|data: &[u8]| {
    let _ = builtin_dtd().validate(data);
    let _ = validate_jats(data);
    let _ = check_profile(data, Profile::Pmc);
});
