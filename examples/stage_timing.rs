//! Temporary: per-stage extraction timing (deleted after the perf task).
use papermeta::extract::{citations, front, pages, references, sections, text};
use std::time::Instant;

fn main() {
    let path = std::env::args().nth(1).unwrap_or_else(|| "samples/political-issues-000.txt".into());
    let n: usize = std::env::args().nth(2).and_then(|s| s.parse().ok()).unwrap_or(50);
    let bytes = std::fs::read(&path).expect("read");
    let mut t = [f64::MAX; 7];
    for _ in 0..n {
        let s = Instant::now();
        let source = text::decode(&bytes, "x.txt").expect("decode");
        let lines = text::lines(&source.text);
        t[0] = t[0].min(s.elapsed().as_secs_f64());
        let s = Instant::now();
        let pages = pages::split_pages(&lines);
        t[1] = t[1].min(s.elapsed().as_secs_f64());
        let s = Instant::now();
        let fr = front::extract_front_matter(&pages, "x.txt").expect("front");
        t[2] = t[2].min(s.elapsed().as_secs_f64());
        let s = Instant::now();
        let body = sections::extract_body(&pages, fr.body_start_line);
        t[3] = t[3].min(s.elapsed().as_secs_f64());
        let s = Instant::now();
        let (mut groups, _w) = references::extract_references(&body.reference_lines);
        t[4] = t[4].min(s.elapsed().as_secs_f64());
        let s = Instant::now();
        let mut notes = body.footnotes;
        let _ = citations::link_citations(&mut notes, &mut groups);
        t[5] = t[5].min(s.elapsed().as_secs_f64());
        let s = Instant::now();
        let _ = papermeta::extract::extract_document(&bytes, "x.txt").expect("doc");
        t[6] = t[6].min(s.elapsed().as_secs_f64());
    }
    let names = ["decode+lines", "split_pages", "front", "extract_body", "extract_references", "link_citations", "TOTAL extract_document"];
    for (name, v) in names.iter().zip(t) {
        println!("{name:24} {:8.3} ms", v * 1e3);
    }
}
