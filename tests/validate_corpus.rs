//! Acceptance of `papermeta validate` on the real files of `../shared/corpus/validate/`: by
//! exit status alone it agrees with the real tools on every file.
//!
//! - JATS: valid exactly when `xmllint --noout --valid --nonet` accepts the file with an XML
//!   catalog of the DTDs papermeta bundles (written here from `official::BUNDLES`, pointing
//!   into `../shared/vendor/jats-dtds/`), run live on each file.
//! - BibTeX: invalid exactly when at least two of bibtex, biber, pybtex and bibtexparser fail
//!   on it (`verdicts.tsv`: `reject` means at least two fail, `mixed` exactly one).
//! - JSON-LD: valid exactly when `../shared/tools/check-jsonld` passes it, run live.
//!
//! Also: the packed DTDs are the vendor's files byte for byte, and no abbreviated page range
//! raises `profile-page-order`. Skips with a message when ../shared or a tool is absent,
//! and fails instead under env `CI`.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use papermeta::validate::files::Validator;
use papermeta::validate::official;
use papermeta::validate::profiles::Profile;

fn shared() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared")
}

fn corpus() -> PathBuf {
    shared().join("corpus/validate")
}

/// Skips (or, under CI, fails) when a prerequisite is missing.
fn require(what: &str, present: bool) -> bool {
    if !present {
        assert!(
            std::env::var_os("CI").is_none(),
            "{what} is required under CI but absent"
        );
        eprintln!("SKIPPED validate_corpus: {what} is absent");
    }
    present
}

fn has_tool(name: &str) -> bool {
    Command::new(name)
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success() || !o.stderr.is_empty() || !o.stdout.is_empty())
}

fn files_in(dir: &str) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(corpus().join(dir))
        .map(|d| d.flatten().map(|e| e.path()).collect())
        .unwrap_or_default();
    files.sort();
    files
}

/// An XML catalog of the bundled DTDs, as files of the vendor folder.
fn write_catalog(dir: &Path) -> PathBuf {
    let vendor = shared()
        .join("vendor/jats-dtds")
        .canonicalize()
        .expect("vendor");
    let vendor_of: HashMap<&str, &str> = official::packed_files()
        .map(|(path, vendor_path, _)| (path, vendor_path))
        .collect();
    let mut xml = String::from("<?xml version=\"1.0\"?>\n<catalog xmlns=\"urn:oasis:names:tc:entity:xmlns:xml:catalog\" prefer=\"public\">\n");
    for bundle in &official::BUNDLES {
        let file = vendor.join(vendor_of[bundle.main]);
        let uri = format!("file://{}", file.display());
        for id in bundle.public_ids {
            xml.push_str(&format!("  <public publicId=\"{id}\" uri=\"{uri}\"/>\n"));
        }
        for id in bundle.system_ids {
            xml.push_str(&format!("  <system systemId=\"{id}\" uri=\"{uri}\"/>\n"));
        }
    }
    xml.push_str("</catalog>\n");
    let path = dir.join("catalog.xml");
    std::fs::write(&path, xml).expect("write catalog");
    path
}

#[test]
fn jats_verdicts_agree_with_xmllint_on_the_declared_dtds() {
    if !require("../shared/corpus/validate", corpus().is_dir())
        || !require("xmllint", has_tool("xmllint"))
    {
        return;
    }
    let tmp = tempfile::tempdir().expect("tempdir");
    let catalog = write_catalog(tmp.path());
    let validator = Validator::default();
    let files = files_in("jats");
    assert!(files.len() >= 200, "{} JATS files", files.len());
    let mut disagree = Vec::new();
    let mut valid = 0;
    for file in &files {
        let xl = Command::new("xmllint")
            .args(["--noout", "--valid", "--nonet"])
            .arg(file)
            .env("XML_CATALOG_FILES", &catalog)
            .output()
            .expect("xmllint runs");
        let report = validator.validate_file(file);
        valid += usize::from(report.is_valid());
        if xl.status.success() != report.is_valid() {
            disagree.push(format!(
                "{}: xmllint {} / papermeta {}: {:?} | {}",
                file.display(),
                xl.status.success(),
                report.is_valid(),
                report.problem.or_else(|| report
                    .findings
                    .first()
                    .map(|f| f.diagnostic.message.clone())),
                String::from_utf8_lossy(&xl.stderr)
                    .lines()
                    .next()
                    .unwrap_or("")
            ));
        }
    }
    assert!(
        disagree.is_empty(),
        "{} of {} disagree:\n{}",
        disagree.len(),
        files.len(),
        disagree.join("\n")
    );
    // The declared DTDs make a real share of the corpus valid.
    assert!(valid >= 50, "{valid} valid");
}

#[test]
fn bibtex_verdicts_agree_with_the_majority_of_consumers() {
    let verdicts = corpus().join("verdicts.tsv");
    if !require("../shared/corpus/validate/verdicts.tsv", verdicts.is_file()) {
        return;
    }
    let text = std::fs::read_to_string(&verdicts).expect("verdicts");
    let validator = Validator::default();
    let mut checked = 0;
    let mut disagree = Vec::new();
    for line in text.lines().filter(|l| l.starts_with("bib/")) {
        let mut cols = line.split('\t');
        let (Some(file), Some(consensus)) = (cols.next(), cols.next()) else {
            continue;
        };
        let report = validator.validate_file(&corpus().join(file));
        let expected_valid = consensus != "reject";
        checked += 1;
        if report.is_valid() != expected_valid {
            disagree.push(format!(
                "{file}: consumers {consensus} / papermeta valid={}: {:?}",
                report.is_valid(),
                report
                    .findings
                    .iter()
                    .find(|f| f.diagnostic.severity == papermeta::model::Severity::Error)
                    .map(|f| &f.diagnostic.message)
            ));
        }
    }
    assert!(checked >= 50, "{checked} BibTeX files");
    assert!(disagree.is_empty(), "{}", disagree.join("\n"));
}

#[test]
fn jsonld_verdicts_agree_with_check_jsonld() {
    let tool = shared().join("tools/check-jsonld");
    if !require("../shared/tools/check-jsonld", tool.is_file()) {
        return;
    }
    let validator = Validator::default();
    let files = files_in("jsonld");
    assert!(!files.is_empty());
    for file in files {
        let out = Command::new(&tool)
            .arg(&file)
            .output()
            .expect("check-jsonld runs");
        if out.status.code() == Some(2) {
            assert!(require("pyld and rdflib (check-jsonld's packages)", false));
            return;
        }
        let report = validator.validate_file(&file);
        assert_eq!(
            out.status.success(),
            report.is_valid(),
            "{}: {:?}",
            file.display(),
            report.findings
        );
    }
}

#[test]
fn packed_dtds_are_the_vendor_files() {
    let vendor = shared().join("vendor/jats-dtds");
    if !require("../shared/vendor/jats-dtds", vendor.is_dir()) {
        return;
    }
    for (path, vendor_path, _) in official::packed_files() {
        let original = std::fs::read(vendor.join(vendor_path)).expect("vendor file");
        assert!(
            official::packed_file(path).as_deref() == Some(&original[..]),
            "{path} differs from {vendor_path}: re-run schemas/jats/official/pack.py"
        );
    }
}

#[test]
fn abbreviated_page_ranges_raise_no_page_order_finding() {
    if !require("../shared/corpus/validate", corpus().is_dir()) {
        return;
    }
    let pair =
        regex::Regex::new(r"<fpage>\s*(\d+)\s*</fpage>\s*[–-]?\s*<lpage>\s*(\d+)\s*</lpage>")
            .unwrap();
    let finding =
        regex::Regex::new(r"^<lpage> (\d+) \(page \d+\) comes before <fpage> (\d+)$").unwrap();
    // The last page completed from the first one's leading digits (`986–92` is 986–992).
    let complete = |first: &str, last: &str| -> (u64, u64) {
        let (f, l): (u64, u64) = (first.parse().unwrap_or(0), last.parse().unwrap_or(0));
        let scale = 10u64.pow(last.len() as u32);
        (
            f,
            if last.len() < first.len() {
                f / scale * scale + l
            } else {
                l
            },
        )
    };
    let (mut abbreviated, mut flagged) = (0, 0);
    for file in files_in("jats") {
        let bytes = std::fs::read(&file).expect("read");
        let text = String::from_utf8_lossy(&bytes);
        abbreviated += pair
            .captures_iter(&text)
            .filter(|c| c[2].len() < c[1].len())
            .count();
        let report = papermeta::validate::profiles::check_profile(&bytes, Profile::Pmc);
        for d in report
            .diagnostics
            .iter()
            .filter(|d| d.code == "profile-page-order" && d.message.contains("comes before"))
        {
            flagged += 1;
            let c = finding
                .captures(&d.message)
                .unwrap_or_else(|| panic!("{}", d.message));
            let (first, last) = complete(&c[2], &c[1]);
            assert!(
                last < first,
                "{}: {} is in order",
                file.display(),
                d.message
            );
        }
    }
    assert!(abbreviated > 100, "{abbreviated} abbreviated ranges");
    // Before abbreviations were completed, 358 ranges of the corpus were flagged.
    assert!(flagged < 10, "{flagged} ranges flagged");
}
