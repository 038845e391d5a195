//! DTD engine benchmarks (see benches/README.md for results and how to run them).
//!
//! - `compile/official-jats-1.3`: load and compile the whole official JATS 1.3 Journal
//!   Publishing DTD (all modules, through its catalog). Target < 20 ms.
//! - `compile/project`: compile the project's embedded JATS subset DTD.
//! - `validate/official/<file>` and `validate/project/<file>`: validate one JATS article
//!   against the compiled DTD (the sample's golden JATS output when present, a hand-written
//!   article, and a generated ~100 KB article). Target < 1 ms.
//! - `xmllint/<file>`: `xmllint --noout --nonet --dtdvalid <official DTD> <file>` as a
//!   spawned process, for comparison: it includes process start-up, reading and parsing the
//!   DTD and all its modules, parsing the document and validating it.
//!
//! Needs ../shared/vendor/jats-1.3; the official-DTD benchmarks are skipped (with a message)
//! when it is absent, the xmllint ones when xmllint is not installed.

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use papermeta::validate::dtd::{Dtd, DtdOptions};
use papermeta::validate::jats::PROJECT_DTD;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn official_dtd() -> PathBuf {
    root().join("../shared/vendor/jats-1.3/publishing/JATS-journalpublishing1-3.dtd")
}

fn catalog() -> PathBuf {
    root().join("../shared/vendor/jats-1.3/catalog.xml")
}

fn options() -> DtdOptions {
    DtdOptions {
        catalog: Some(catalog()),
        ..DtdOptions::default()
    }
}

/// The documents to validate: (label, path on disk, bytes).
fn documents(scratch: &Path) -> Vec<(String, PathBuf, Vec<u8>)> {
    let mut docs = Vec::new();
    let golden = root().join("tests/golden/seed");
    if let Ok(entries) = std::fs::read_dir(&golden) {
        let mut files: Vec<PathBuf> = entries
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.to_string_lossy().ends_with(".jats.xml"))
            .collect();
        files.sort();
        if let Some(f) = files.into_iter().next() {
            if let Ok(bytes) = std::fs::read(&f) {
                docs.push(("golden-seed".to_string(), f, bytes));
            }
        }
    }
    let hand = root().join("tests/dtd_corpus/02-full-front.xml");
    if let Ok(bytes) = std::fs::read(&hand) {
        docs.push(("full-front".to_string(), hand, bytes));
    }
    let big = large_article();
    let big_path = scratch.join("large-article.xml");
    if std::fs::write(&big_path, &big).is_ok() {
        docs.push(("large-100k".to_string(), big_path, big.into_bytes()));
    }
    docs
}

/// A valid article of about 100 KB: many sections of Arabic and English paragraphs with
/// footnote cross-references, and a reference list.
fn large_article() -> String {
    let mut body = String::new();
    let mut notes = String::new();
    let mut refs = String::new();
    let mut n = 0;
    while body.len() + notes.len() + refs.len() < 100_000 {
        n += 1;
        body.push_str(&format!(
            "<sec id=\"s{n}\"><label>{n}.</label><title>Section {n}</title>\
             <p>Paragraph text of section {n}, with <italic>emphasis</italic> and a note\
             <xref ref-type=\"fn\" rid=\"fn{n}\">{n}</xref>.</p>\
             <p>نص عربي في الفقرة الثانية من القسم، مع إحالة إلى المرجع\
             <xref ref-type=\"bibr\" rid=\"r{n}\">{n}</xref>.</p>\
             <list list-type=\"bullet\"><list-item><p>one</p></list-item><list-item><p>two</p></list-item></list></sec>\n"
        ));
        notes.push_str(&format!(
            "<fn id=\"fn{n}\"><label>{n}</label><p>Note {n}, see <xref ref-type=\"bibr\" rid=\"r{n}\">ref</xref>.</p></fn>\n"
        ));
        refs.push_str(&format!(
            "<ref id=\"r{n}\"><mixed-citation publication-type=\"journal\"><person-group person-group-type=\"author\">\
             <name><surname>Author{n}</surname><given-names>A.</given-names></name></person-group>. \
             <article-title>Title {n}</article-title>. <source>Journal</source> <year>2001</year>;\
             <volume>{n}</volume>:<fpage>1</fpage>-<lpage>9</lpage>.</mixed-citation></ref>\n"
        ));
    }
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE article PUBLIC \"-//NLM//DTD JATS (Z39.96) Journal Publishing DTD v1.3 20210610//EN\" \"https://jats.nlm.nih.gov/publishing/1.3/JATS-journalpublishing1-3.dtd\">\n\
         <article article-type=\"research-article\" dtd-version=\"1.3\" xml:lang=\"en\" xmlns:xlink=\"http://www.w3.org/1999/xlink\">\
         <front><journal-meta><journal-id>big</journal-id><issn>0317-8471</issn></journal-meta>\
         <article-meta><title-group><article-title>A large article</article-title></title-group>\
         <pub-date><year>2024</year></pub-date><fpage>1</fpage></article-meta></front>\n\
         <body>\n{body}</body>\n<back><fn-group>\n{notes}</fn-group>\n<ref-list>\n{refs}</ref-list></back></article>\n"
    )
}

fn xmllint_available() -> bool {
    Command::new("xmllint").arg("--version").output().is_ok()
}

fn benches(c: &mut Criterion) {
    let scratch = tempfile::tempdir().expect("scratch directory");
    let docs = documents(scratch.path());
    let have_official = official_dtd().is_file() && catalog().is_file();

    let mut compile = c.benchmark_group("compile");
    compile.sample_size(30);
    compile.bench_function("project", |b| {
        b.iter(|| Dtd::from_str(black_box(PROJECT_DTD), None, &DtdOptions::default()))
    });
    if have_official {
        compile.bench_function("official-jats-1.3", |b| {
            b.iter(|| Dtd::from_file(black_box(&official_dtd()), &options()))
        });
    } else {
        eprintln!("skipping official DTD benchmarks: ../shared/vendor/jats-1.3 is absent");
    }
    compile.finish();

    let project = Dtd::from_str(PROJECT_DTD, None, &DtdOptions::default()).ok();
    let official = if have_official {
        Dtd::from_file(&official_dtd(), &options()).ok()
    } else {
        None
    };
    // What is being timed: each document's verdict, so a broken input cannot pass for a fast one.
    for (label, _, bytes) in &docs {
        for (name, dtd) in [("official", &official), ("project", &project)] {
            if let Some(dtd) = dtd {
                let errors = dtd
                    .validate(bytes)
                    .iter()
                    .filter(|d| d.severity == papermeta::model::Severity::Error)
                    .count();
                eprintln!("{label} against the {name} DTD: {errors} error(s)");
            }
        }
    }
    let mut validate = c.benchmark_group("validate");
    for (label, _, bytes) in &docs {
        validate.throughput(Throughput::Bytes(bytes.len() as u64));
        if let Some(dtd) = &official {
            validate.bench_function(format!("official/{label}"), |b| {
                b.iter(|| dtd.validate(black_box(bytes)))
            });
        }
        if let Some(dtd) = &project {
            validate.bench_function(format!("project/{label}"), |b| {
                b.iter(|| dtd.validate(black_box(bytes)))
            });
        }
    }
    validate.finish();

    if have_official && xmllint_available() {
        let mut xmllint = c.benchmark_group("xmllint");
        xmllint.sample_size(10);
        xmllint.measurement_time(Duration::from_secs(5));
        for (label, path, _) in &docs {
            xmllint.bench_function(label.as_str(), |b| {
                b.iter(|| {
                    Command::new("xmllint")
                        .env("XML_CATALOG_FILES", catalog())
                        .args(["--noout", "--nonet", "--dtdvalid"])
                        .arg(official_dtd())
                        .arg(path)
                        .output()
                        .map(|o| o.status.success())
                })
            });
        }
        xmllint.finish();
    } else {
        eprintln!("skipping xmllint benchmarks: xmllint or the official DTD is absent");
    }
}

criterion_group!(dtd, benches);
criterion_main!(dtd);
