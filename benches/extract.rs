//! Speed of the whole conversion on the bundled sample: extraction into the model, then each
//! writer with its validation (what `papermeta extract` does per file, minus the disk).

use criterion::{black_box, criterion_group, criterion_main, Criterion};
use papermeta::convert::{self, ConvertOptions};
use papermeta::format::Format;
use papermeta::meta::parse_metadata;
use std::path::Path;

fn bench_extract(c: &mut Criterion) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let input = std::fs::read(root.join("samples/political-issues-000.txt")).expect("sample");
    let meta_text =
        std::fs::read_to_string(root.join("tests/golden/seed-complete/meta.toml")).expect("meta");
    let meta = parse_metadata(&meta_text, "meta.toml").expect("valid metadata");
    c.bench_function("extract sample into the model", |b| {
        b.iter(|| {
            convert::read_document(black_box(&input), "sample.txt", Some(&meta)).expect("extracts")
        })
    });
    let doc = convert::read_document(&input, "sample.txt", Some(&meta)).expect("extracts");
    let options = ConvertOptions::default();
    for format in Format::all() {
        c.bench_function(&format!("render and validate {format}"), |b| {
            b.iter(|| convert::render(black_box(&doc), format, &options).expect("renders"))
        });
    }
}

criterion_group!(benches, bench_extract);
criterion_main!(benches);
