//! XSD engine benchmarks (see benches/README.md for results and how to run them).
//!
//! - `compile/crossref-5.3.1`: load and compile the embedded Crossref deposit schema with
//!   everything it imports (Crossref's JATS 1.3 XSD, MathML 3, XLink, ALI, xml.xsd): what
//!   the first `--to crossref` of a process pays.
//! - `compile/crossref-5.3.1+automata`: the same, then every content automaton compiled
//!   (normally each is compiled when first needed).
//! - `compile/marc21-slim`: the MARC 21 slim schema.
//! - `compile/crossref-5.3.1+first-validation`: compile, then validate the golden deposit
//!   (which compiles the automata it needs): a process's first `--to crossref`.
//! - `validate/<file>`: validate a golden output against the compiled schema.
//! - `xmllint/<file>`: `xmllint --noout --nonet --schema <official XSD> <file>` as a spawned
//!   process, for comparison (includes process start-up and parsing the schema).

use std::hint::black_box;
use std::path::PathBuf;
use std::process::Command;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use papermeta::validate::xsd::{self, Schema};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn bench(c: &mut Criterion) {
    let mut g = c.benchmark_group("compile");
    g.measurement_time(Duration::from_secs(8));
    g.bench_function("crossref-5.3.1", |b| {
        b.iter(|| black_box(Schema::from_bundle(&xsd::CROSSREF_5_3_1).expect("compiles")))
    });
    g.bench_function("crossref-5.3.1+automata", |b| {
        b.iter(|| {
            let s = Schema::from_bundle(&xsd::CROSSREF_5_3_1).expect("compiles");
            black_box(s.compile_all().expect("automata compile"))
        })
    });
    g.bench_function("marc21-slim", |b| {
        b.iter(|| black_box(Schema::from_bundle(&xsd::MARC21_SLIM).expect("compiles")))
    });
    // What a process's first Crossref validation pays: the schema, then the automata of
    // the types the document uses.
    if let Ok(bytes) = std::fs::read(root().join("tests/golden/seed-complete/output.crossref.xml"))
    {
        g.bench_function("crossref-5.3.1+first-validation", |b| {
            b.iter(|| {
                let s = Schema::from_bundle(&xsd::CROSSREF_5_3_1).expect("compiles");
                black_box(s.validate(&bytes))
            })
        });
    }
    g.finish();

    let docs = [
        (
            "crossref-seed-complete",
            "tests/golden/seed-complete/output.crossref.xml",
            xsd::crossref_schema().expect("compiles"),
            "../shared/vendor/crossref/schemas/crossref5.3.1.xsd",
        ),
        (
            "crossref-rich",
            "tests/xsd_corpus/crossref-rich.xml",
            xsd::crossref_schema().expect("compiles"),
            "../shared/vendor/crossref/schemas/crossref5.3.1.xsd",
        ),
        (
            "marc-seed-complete",
            "tests/golden/seed-complete/output.marc.xml",
            xsd::marc21_schema().expect("compiles"),
            "../shared/vendor/marc21/MARC21slim.xsd",
        ),
    ];
    let mut g = c.benchmark_group("validate");
    for (label, file, schema, _) in &docs {
        let Ok(bytes) = std::fs::read(root().join(file)) else {
            eprintln!("skipping validate/{label}: {file} is missing");
            continue;
        };
        let errors = schema.validate(&bytes).len();
        eprintln!("validate/{label}: {errors} errors ({} bytes)", bytes.len());
        g.throughput(Throughput::Bytes(bytes.len() as u64));
        g.bench_function(*label, |b| b.iter(|| black_box(schema.validate(&bytes))));
    }
    g.finish();

    if Command::new("xmllint").arg("--version").output().is_err() {
        eprintln!("skipping xmllint/*: xmllint is not installed");
        return;
    }
    let catalog = root().join("../shared/vendor/crossref/catalog.xml");
    let mut g = c.benchmark_group("xmllint");
    g.sample_size(10);
    for (label, file, _, xsd_path) in &docs {
        let (file, xsd_path) = (root().join(file), root().join(xsd_path));
        if !xsd_path.is_file() || !file.is_file() {
            eprintln!("skipping xmllint/{label}: ../shared/vendor is absent");
            continue;
        }
        g.bench_function(*label, |b| {
            b.iter(|| {
                let out = Command::new("xmllint")
                    .env("XML_CATALOG_FILES", &catalog)
                    .args(["--noout", "--nonet", "--schema"])
                    .arg(&xsd_path)
                    .arg(&file)
                    .output()
                    .expect("xmllint runs");
                black_box(out.status.success())
            })
        });
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
