//! Prints the lines papermeta's PDF reader makes of a PDF, page by page, optionally with
//! each line's layout: `cargo run --release --example pdf_lines -- paper.pdf [--layout]`.
//! Used to compare engines (docs/pdf-engines.md) and to look at what extraction gets.

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let Some(path) = args.get(1) else {
        eprintln!("usage: pdf_lines FILE.pdf [--layout]");
        std::process::exit(2);
    };
    let layout = args.iter().any(|a| a == "--layout");
    if let Some(word) = args
        .iter()
        .position(|a| a == "--glyphs")
        .and_then(|i| args.get(i + 1))
    {
        print_glyphs(path, word);
        return;
    }
    let bytes = std::fs::read(path).unwrap_or_else(|e| {
        eprintln!("cannot read {path}: {e}");
        std::process::exit(2);
    });
    let start = std::time::Instant::now();
    let input = match papermeta::extract::pdf::read_pdf(&bytes, path) {
        Ok(input) => input,
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(2);
        }
    };
    let elapsed = start.elapsed();
    if std::env::var_os("PDF_LINES_LOAD_TIME").is_some() {
        eprintln!("lopdf load: {:.1} ms", load_time(&bytes));
    }
    let mut out = String::new();
    for (i, page) in input.pages.iter().enumerate() {
        if i > 0 {
            out.push('\x0c');
        }
        for line in &page.lines {
            if layout {
                if let Some(l) = &line.layout {
                    out.push_str(&format!(
                        "[{:.0},{:.0} {:.1}{}{} {:?} {}] ",
                        l.bbox.x0,
                        l.bbox.y0,
                        l.font_size,
                        if l.bold { "b" } else { "" },
                        if l.italic { "i" } else { "" },
                        l.superscripts,
                        l.font_name.as_deref().unwrap_or("")
                    ));
                }
            }
            out.push_str(&line.text);
            out.push('\n');
        }
    }
    print!("{out}");
    for w in &input.warnings {
        eprintln!("warning: {}", w.message);
    }
    eprintln!(
        "{} pages, {} lines, {:.1} ms",
        input.pages.len(),
        input.source.line_count,
        elapsed.as_secs_f64() * 1000.0
    );
}

/// Prints the glyphs of the rows that contain `word` (for debugging the layout).
fn print_glyphs(path: &str, word: &str) {
    use papermeta::extract::pdf::content::{run_page, FontCache};
    let doc = lopdf::Document::load(path).expect("load");
    let mut fonts = FontCache::default();
    for (_, id) in doc.get_pages() {
        let page = doc.get_dictionary(id).expect("page");
        let data = doc.get_page_content(id);
        let drawn = run_page(&doc, &mut fonts, page, [0.0, 0.0, 612.0, 842.0], &data).expect("run");
        let rows: Vec<f32> = drawn
            .glyphs
            .iter()
            .filter(|g| word.contains(g.text.as_str()) && !g.text.trim().is_empty())
            .map(|g| g.y)
            .collect();
        for g in drawn
            .glyphs
            .iter()
            .filter(|g| rows.iter().any(|y| (y - g.y).abs() < 4.0))
        {
            println!(
                "{:?} x={:.2} w={:.2} y={:.2} size={:.1} font={}",
                g.text, g.x, g.width, g.y, g.size, fonts.fonts[g.font].name
            );
        }
    }
}

#[allow(dead_code)]
fn load_time(bytes: &[u8]) -> f64 {
    let t = std::time::Instant::now();
    let _ = lopdf::Document::load_mem(bytes);
    t.elapsed().as_secs_f64() * 1000.0
}
