//! Helpers shared by the integration tests: golden cases and the real consumers in ../shared.

#![allow(dead_code)]

pub mod gen;

use std::path::{Path, PathBuf};
use std::process::Command;

/// The Crossref `timestamp` golden outputs are written with.
pub const GOLDEN_CROSSREF_TIMESTAMP: u64 = 20990101120000;

/// The repository root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Every golden case directory (`tests/golden/<case>/`), sorted.
pub fn golden_cases() -> Vec<PathBuf> {
    let mut cases: Vec<PathBuf> = std::fs::read_dir(root().join("tests/golden"))
        .expect("tests/golden exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.join("input.txt").is_file())
        .collect();
    cases.sort();
    cases
}

/// The golden cases typeset as PDF: those with an `input.pdf`.
pub fn pdf_golden_cases() -> Vec<PathBuf> {
    golden_cases()
        .into_iter()
        .filter(|c| c.join("input.pdf").is_file())
        .collect()
}

/// Every folder of golden outputs: each case's, and the `from-pdf/` outputs of the cases
/// typeset as PDF.
pub fn golden_output_dirs() -> Vec<PathBuf> {
    let mut dirs = golden_cases();
    dirs.extend(pdf_golden_cases().into_iter().map(|c| c.join("from-pdf")));
    dirs
}

/// `../shared/tools`, when the shared folder is beside the checkout.
pub fn shared_tools() -> Option<PathBuf> {
    let tools = root().join("../shared/tools");
    tools.join("check-jats").is_file().then_some(tools)
}

/// `../shared/vendor`, when present.
pub fn shared_vendor() -> Option<PathBuf> {
    let vendor = root().join("../shared/vendor");
    vendor.is_dir().then_some(vendor)
}

/// What a real-consumer check printed.
#[derive(Debug)]
pub struct ConsumerRun {
    /// Checks that passed.
    pub passed: usize,
    /// Checks that failed.
    pub failed: usize,
    /// The `FAIL` lines and the detail lines under them, paths made relative.
    pub failures: Vec<String>,
    /// Everything printed, for messages.
    pub output: String,
}

/// Runs `../shared/tools/<tool> FILE` and reads its `N passed, N failed` line.
pub fn run_consumer(tools: &Path, tool: &str, file: &Path) -> ConsumerRun {
    let out = Command::new(tools.join(tool))
        .arg(file)
        .output()
        .unwrap_or_else(|e| panic!("cannot run {tool}: {e}"));
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    let summary = text
        .lines()
        .rev()
        .find_map(|l| {
            let l = l.trim();
            let (p, rest) = l.split_once(" passed, ")?;
            let f = rest.split_whitespace().next()?;
            Some((p.rsplit(' ').next()?.parse().ok()?, f.parse().ok()?))
        })
        .unwrap_or_else(|| panic!("{tool} printed no `N passed, N failed` line:\n{text}"));
    let mut failures = Vec::new();
    let mut in_fail = false;
    let dir = file
        .parent()
        .map(|d| d.display().to_string())
        .unwrap_or_default();
    for line in text.lines() {
        if line.starts_with("FAIL") {
            in_fail = true;
        } else if !line.starts_with("      ") {
            in_fail = false;
        }
        if in_fail {
            failures.push(line.replace(&dir, "<case>").trim_end().to_string());
        }
    }
    ConsumerRun {
        passed: summary.0,
        failed: summary.1,
        failures,
        output: text,
    }
}

/// A test that cannot run here (a tool or file is missing): under `CI` it fails, elsewhere
/// it says why it is skipped. Callers return right after it.
pub fn skip(why: &str) {
    assert!(
        std::env::var_os("CI").is_none(),
        "required under CI, but: {why}"
    );
    eprintln!("SKIPPED: {why}");
}

/// Whether the golden files of `case` (a directory under tests/golden) are to be rewritten
/// instead of compared: `UPDATE_GOLDEN=1` (or `all`) rewrites every case, `UPDATE_GOLDEN=a,b`
/// only the cases named.
pub fn updating(case: &Path) -> bool {
    let Some(value) = std::env::var_os("UPDATE_GOLDEN") else {
        return false;
    };
    let value = value.to_string_lossy();
    let name = case
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    match value.trim() {
        "" | "0" => false,
        "1" | "all" => true,
        list => list.split(',').any(|c| c.trim() == name),
    }
}

/// Compares `actual` with the file at `path` (or rewrites it when updating); returns a
/// description of the first difference.
pub fn compare_or_update(path: &Path, actual: &[u8]) -> Option<String> {
    if path.parent().is_some_and(updating) {
        std::fs::write(path, actual)
            .unwrap_or_else(|e| panic!("cannot write {}: {e}", path.display()));
        return None;
    }
    let expected = match std::fs::read(path) {
        Ok(e) => e,
        Err(_) => {
            return Some(format!(
                "{} is missing (run `UPDATE_GOLDEN=1 cargo test` and review the diff)",
                path.display()
            ))
        }
    };
    if expected == actual {
        return None;
    }
    let e = String::from_utf8_lossy(&expected);
    let a = String::from_utf8_lossy(actual);
    let (n, (el, al)) = e
        .lines()
        .chain(std::iter::repeat(""))
        .zip(a.lines().chain(std::iter::repeat("")))
        .enumerate()
        .find(|(_, (x, y))| x != y)
        .unwrap_or((0, ("", "")));
    Some(format!(
        "{} differs at line {}:\n  expected: {}\n  actual:   {}\n(run `UPDATE_GOLDEN=1 cargo test` and review the diff)",
        path.display(),
        n + 1,
        el,
        al
    ))
}
