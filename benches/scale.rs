//! How extraction grows with the input, and batch throughput:
//! - the bundled sample read whole at 1×, 10× and 100× (the body and its notes and
//!   references repeated under one front matter): cost should grow linearly;
//! - an invented paper with 2,000 references and 3,000 footnotes (all citing the list);
//! - `batch` on 1,000 invented papers on one thread, outputs written to a temporary folder.

#[path = "../tests/common/gen.rs"]
mod gen;

use criterion::{black_box, criterion_group, criterion_main, Criterion, SamplingMode, Throughput};
use papermeta::batch::{self, BatchOptions, Paper};
use papermeta::convert::{self, ConvertOptions};
use papermeta::meta::parse_metadata;
use std::path::Path;
use std::time::Duration;

/// The sample with its body (from the introduction heading on) repeated `n` times, each copy
/// on pages of its own: a compiled issue whose papers share one front matter.
pub fn repeated_sample(n: usize) -> String {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let text =
        std::fs::read_to_string(root.join("samples/political-issues-000.txt")).expect("sample");
    let lines: Vec<&str> = text.split('\n').collect();
    let start = lines
        .iter()
        .position(|l| l.trim_end_matches([' ', ':']) == "المقدمة")
        .expect("the sample has an introduction heading");
    let body = lines[start..].join("\n");
    let mut out = text.clone();
    for _ in 1..n {
        out.push_str("\n\n\n\n");
        out.push_str(&body);
    }
    out
}

fn bench_scaling(c: &mut Criterion) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let meta_text =
        std::fs::read_to_string(root.join("samples/political-issues.meta.toml")).expect("meta");
    let meta = parse_metadata(&meta_text, "meta.toml").expect("valid metadata");
    let mut group = c.benchmark_group("scaling");
    group.sampling_mode(SamplingMode::Flat);
    for n in [1usize, 10, 100] {
        let input = repeated_sample(n);
        group.throughput(Throughput::Bytes(input.len() as u64));
        group.sample_size(if n >= 100 { 10 } else { 20 });
        group.measurement_time(Duration::from_secs(if n >= 100 { 60 } else { 10 }));
        group.bench_function(format!("read the sample {n}x"), |b| {
            b.iter(|| {
                convert::read_document(black_box(input.as_bytes()), "sample.txt", Some(&meta))
                    .expect("extracts")
            })
        });
    }
    let big = gen::paper(42, 1000, 3, 2000);
    group.throughput(Throughput::Bytes(big.len() as u64));
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(60));
    group.bench_function("read 2000 references and 3000 footnotes", |b| {
        b.iter(|| {
            convert::read_document(black_box(big.as_bytes()), "big.txt", None).expect("extracts")
        })
    });
    group.finish();
}

fn bench_batch(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temp dir");
    let input = dir.path().join("in");
    std::fs::create_dir_all(&input).expect("folder");
    for i in 0..1000u64 {
        std::fs::write(
            input.join(format!("paper-{i:04}.txt")),
            gen::paper(i + 1, 2, 3, 8),
        )
        .expect("write");
    }
    let papers: Vec<Paper> = batch::collect_inputs(std::slice::from_ref(&input)).expect("inputs");
    assert_eq!(papers.len(), 1000);
    let options = BatchOptions {
        out_dir: dir.path().join("out"),
        // The four default outputs (the invented metadata has no DOI, which Crossref needs).
        formats: {
            use papermeta::format::Format;
            vec![Format::JATS, Format::JSONLD, Format::BIBTEX, Format::MODEL]
        },
        shared_meta: Some(parse_metadata(gen::META, "journal.toml").expect("meta")),
        jobs: 1,
        resume: false,
        max_input: convert::DEFAULT_MAX_INPUT,
        convert: ConvertOptions::default(),
    };
    let mut group = c.benchmark_group("batch");
    group.sampling_mode(SamplingMode::Flat);
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(60));
    group.throughput(Throughput::Elements(papers.len() as u64));
    group.bench_function("1000 invented papers, one thread, four outputs each", |b| {
        b.iter(|| {
            let reports = batch::run(&papers, &options, &|_| {}).expect("pool");
            assert!(reports
                .iter()
                .all(|r| r.status == batch::PaperStatus::Converted));
        })
    });
    group.finish();
}

criterion_group!(benches, bench_scaling, bench_batch);
criterion_main!(benches);
