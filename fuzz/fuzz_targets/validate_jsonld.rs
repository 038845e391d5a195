//! Arbitrary bytes as JSON-LD, expanded against the schema.org context and checked against
//! the vocabulary (and papermeta's own JSON-LD profile): diagnostics, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use papermeta::validate::jsonld::validate_jsonld;
use papermeta::validate::schemaorg::validate_schema_org;

fuzz_target!(|data: &[u8]| {
    let _ = validate_schema_org(data, "fuzz.jsonld");
    let _ = validate_jsonld(data);
});
