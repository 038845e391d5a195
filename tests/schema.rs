//! schemas/document.schema.json is generated from the model; this fails when it is stale.

mod common;

#[test]
fn document_schema_is_current() {
    let path = common::root().join("schemas/document.schema.json");
    let current = papermeta::validate::model::document_schema_text();
    let stored = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        stored == current,
        "schemas/document.schema.json is stale; regenerate it with:\n    cargo run -q -- schema > schemas/document.schema.json"
    );
}
