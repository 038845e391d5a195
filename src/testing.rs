//! Helpers for the unit tests.

/// A test that cannot run here (a tool or file is missing): under `CI` it fails, elsewhere
/// it says why it is skipped. Callers return right after it.
pub(crate) fn skip(why: &str) {
    assert!(
        std::env::var_os("CI").is_none(),
        "required under CI, but: {why}"
    );
    eprintln!("SKIPPED: {why}");
}
