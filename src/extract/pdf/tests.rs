//! Tests of the PDF reader on PDFs built here byte by byte: text, superscripts, two columns,
//! and every kind of bad PDF (encrypted, text-less, truncated, damaged, bomb, many pages).

use super::*;

/// Builds a PDF of pages whose content streams are given, with one Helvetica font `/F1`
/// (WinAnsi, widths given) and one bold font `/F2`. `extra` objects are appended and
/// `trailer_extra` goes into the trailer.
pub(crate) fn build_pdf(pages: &[Vec<u8>], filter: Option<&[u8]>, trailer_extra: &str) -> Vec<u8> {
    let mut objects: Vec<Vec<u8>> = Vec::new();
    let n = pages.len();
    // 1 catalog, 2 pages, 3 font, 4 bold font, then per page: page, content.
    objects.push(b"<< /Type /Catalog /Pages 2 0 R >>".to_vec());
    let kids: String = (0..n).map(|i| format!("{} 0 R ", 5 + 2 * i)).collect();
    objects.push(format!("<< /Type /Pages /Kids [{kids}] /Count {n} >>").into_bytes());
    let widths: String = (32..127)
        .map(|c: u8| {
            if c == b' ' {
                "278 "
            } else if c.is_ascii_uppercase() {
                "667 "
            } else {
                "556 "
            }
        })
        .collect();
    objects.push(format!("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding /FirstChar 32 /LastChar 126 /Widths [{widths}] >>").into_bytes());
    objects.push(format!("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding /FirstChar 32 /LastChar 126 /Widths [{widths}] >>").into_bytes());
    for (i, content) in pages.iter().enumerate() {
        objects.push(format!("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> /Contents {} 0 R >>", 6 + 2 * i).into_bytes());
        let mut stream = match filter {
            Some(f) => format!(
                "<< /Length {} /Filter /{} >>\nstream\n",
                content.len(),
                String::from_utf8_lossy(f)
            )
            .into_bytes(),
            None => format!("<< /Length {} >>\nstream\n", content.len()).into_bytes(),
        };
        stream.extend_from_slice(content);
        stream.extend_from_slice(b"\nendstream");
        objects.push(stream);
    }
    let mut out = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::new();
    for (i, obj) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend_from_slice(format!("{} 0 obj\n", i + 1).as_bytes());
        out.extend_from_slice(obj);
        out.extend_from_slice(b"\nendobj\n");
    }
    let xref = out.len();
    out.extend_from_slice(
        format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes(),
    );
    for o in offsets {
        out.extend_from_slice(format!("{o:010} 00000 n \n").as_bytes());
    }
    out.extend_from_slice(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R {trailer_extra} >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .as_bytes(),
    );
    out
}

/// A content stream drawing lines of text: `(font, size, x, y, text)`.
pub(crate) fn text_content(lines: &[(&str, f32, f32, f32, &str)]) -> Vec<u8> {
    let mut out = String::new();
    for (font, size, x, y, text) in lines {
        out.push_str(&format!("BT /{font} {size} Tf {x} {y} Td ({text}) Tj ET\n"));
    }
    out.into_bytes()
}

/// Eight numbered lines of prose for one column of a two-column page.
fn column_texts(side: &str) -> Vec<String> {
    (0..8)
        .map(|i| format!("{side} column line number {i} of prose"))
        .collect()
}

/// The non-empty line texts of one page.
fn page_texts(input: &PagedInput, page: usize) -> Vec<&str> {
    input.pages[page]
        .lines
        .iter()
        .map(|l| l.text.as_str())
        .filter(|t| !t.is_empty())
        .collect()
}

fn lines_of(input: &PagedInput) -> Vec<&str> {
    input
        .pages
        .iter()
        .flat_map(|p| &p.lines)
        .map(|l| l.text.as_str())
        .collect()
}

#[test]
fn reads_lines_with_layout_superscripts_and_numbers() {
    let page = text_content(&[
        ("F2", 18.0, 72.0, 720.0, "A Title in Bold"),
        ("F1", 10.0, 72.0, 680.0, "Body text that calls a note."),
        ("F1", 6.0, 215.0, 684.0, "1"),
        ("F1", 10.0, 72.0, 668.0, "The second line of the paragraph."),
        ("F1", 8.0, 72.0, 100.0, "1 The note itself."),
    ]);
    let input = read_pdf(&build_pdf(&[page.clone(), page], None, ""), "t.pdf").unwrap();
    assert_eq!(input.pages.len(), 2);
    let lines = lines_of(&input);
    assert_eq!(
        &lines[..6],
        [
            "A Title in Bold",
            "",
            "Body text that calls a note.1",
            "The second line of the paragraph.",
            "",
            "1 The note itself."
        ]
    );
    let title = input.pages[0].lines[0].layout.as_ref().unwrap();
    assert!(title.bold && title.font_size == 18.0);
    assert_eq!(title.font_name.as_deref(), Some("Helvetica-Bold"));
    let body = &input.pages[0].lines[2];
    let layout = body.layout.as_ref().unwrap();
    assert_eq!(layout.superscripts.len(), 1);
    assert_eq!(&body.text[layout.superscripts[0].clone()], "1");
    assert!(layout.bbox.y0 < 792.0 - 680.0 && layout.bbox.y1 > 792.0 - 680.0);
    // Line numbers run through the document.
    let numbers: Vec<usize> = input
        .pages
        .iter()
        .flat_map(|p| &p.lines)
        .map(|l| l.number)
        .collect();
    assert_eq!(numbers, (1..=numbers.len()).collect::<Vec<_>>());
    assert_eq!(input.source.encoding, "PDF");
}

#[test]
fn two_columns_read_column_by_column() {
    let mut lines = Vec::new();
    let left = column_texts("Left");
    let right = column_texts("Right");
    for i in 0..8 {
        lines.push(("F1", 10.0, 50.0, 700.0 - 12.0 * i as f32, left[i].as_str()));
        lines.push((
            "F1",
            10.0,
            320.0,
            700.0 - 12.0 * i as f32,
            right[i].as_str(),
        ));
    }
    let input = read_pdf(&build_pdf(&[text_content(&lines)], None, ""), "c.pdf").unwrap();
    let got: Vec<&str> = lines_of(&input)
        .into_iter()
        .filter(|l| !l.is_empty())
        .collect();
    let want: Vec<&str> = left.iter().chain(&right).map(String::as_str).collect();
    assert_eq!(got, want);
}

#[test]
fn detects_pdf_by_signature() {
    assert!(is_pdf(b"%PDF-1.7\n..."));
    assert!(is_pdf(b"\xef\xbb\xbf junk %PDF-1.4"));
    assert!(!is_pdf(b"A paper about %PDF files\n"[..4].as_ref()));
    assert!(!is_pdf(b"plain text"));
}

#[test]
fn refuses_bad_pdfs_with_typed_errors() {
    let good = build_pdf(
        &[text_content(&[(
            "F1",
            10.0,
            72.0,
            700.0,
            "Some text on a page of a paper.",
        )])],
        None,
        "",
    );
    // Truncated.
    let cut = &good[..good.len() / 2];
    assert!(matches!(
        read_pdf(cut, "t.pdf"),
        Err(ExtractError::PdfDamaged { .. })
    ));
    // Garbage after the signature.
    assert!(matches!(
        read_pdf(b"%PDF-1.4\n garbage %%EOF", "g.pdf"),
        Err(ExtractError::PdfDamaged { .. })
    ));
    // No text layer: a page that only paints.
    let scan = build_pdf(&[b"q 612 0 0 792 0 0 cm 0 0 1 1 re f Q".to_vec()], None, "");
    let err = read_pdf(&scan, "s.pdf").unwrap_err();
    assert!(
        err.to_string().contains("no text layer: run OCR first"),
        "{err}"
    );
    // Encrypted with a password it does not know.
    let encrypted = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/pdf/encrypted.pdf"
    ))
    .unwrap();
    let err = read_pdf(&encrypted, "e.pdf").unwrap_err();
    assert!(matches!(err, ExtractError::PdfEncrypted { .. }), "{err}");
    assert!(err.to_string().contains("encrypted"));
}

#[test]
fn refuses_a_decompression_bomb() {
    use std::io::Write;
    // 80 MiB of spaces deflate to about 80 KiB.
    let mut encoder = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
    let chunk = vec![b' '; 1 << 20];
    for _ in 0..80 {
        encoder.write_all(&chunk).unwrap();
    }
    let bomb = encoder.finish().unwrap();
    assert!(bomb.len() < 200_000);
    let pdf = build_pdf(&[bomb], Some(b"FlateDecode"), "");
    let err = read_pdf(&pdf, "b.pdf").unwrap_err();
    assert!(matches!(err, ExtractError::PdfBomb { .. }), "{err}");
}

#[test]
fn reads_a_500_page_pdf() {
    let pages: Vec<Vec<u8>> = (0..500)
        .map(|i| {
            text_content(&[(
                "F1",
                10.0,
                72.0,
                700.0,
                &format!("Page {i} has a line of text on it."),
            )])
        })
        .collect();
    let input = read_pdf(&build_pdf(&pages, None, ""), "long.pdf").unwrap();
    assert_eq!(input.pages.len(), 500);
    assert_eq!(
        input.pages[499].lines[0].text,
        "Page 499 has a line of text on it."
    );
}

#[test]
fn small_capitals_do_not_set_a_lines_size() {
    // A note's first line in small capitals (`1 RICHARD HOOKER` with the capitals after the
    // first set small) under its raised label: the line is set at 9 points, and the label
    // joins it as a raised number.
    let page = text_content(&[
        (
            "F1",
            12.0,
            72.0,
            720.0,
            "Running text set larger than the notes.",
        ),
        ("F1", 6.0, 92.0, 503.0, "108"),
        ("F1", 9.0, 105.0, 500.0, "1 R"),
        ("F1", 6.5, 116.0, 500.0, "ICHARD "),
        ("F1", 9.0, 140.0, 500.0, "H"),
        ("F1", 6.5, 147.0, 500.0, "OOKER, OF THE LAWS OF POLITY"),
        ("F1", 9.0, 250.0, 500.0, " 232 (1907)"),
        ("F1", 9.0, 105.0, 489.0, "(1594, 1597)."),
    ]);
    let input = read_pdf(&build_pdf(&[page], None, ""), "t.pdf").unwrap();
    let line = input.pages[0]
        .lines
        .iter()
        .find(|l| l.text.starts_with("108"))
        .expect("the label joins its line");
    let layout = line.layout.as_ref().unwrap();
    assert_eq!(layout.font_size, 9.0, "{}", line.text);
    assert_eq!(layout.superscripts.first(), Some(&(0..3)));
}

#[test]
fn margin_line_numbers_are_dropped_and_a_lists_numbers_kept() {
    // A manuscript numbers every line in the left margin, text or not; a numbered list in
    // the text keeps its numbers.
    let mut lines: Vec<(&str, f32, f32, f32, String)> = Vec::new();
    for i in 0..14 {
        let y = 720.0 - 12.0 * i as f32;
        lines.push(("F1", 10.0, 20.0, y, format!("{}", i + 1)));
        if i % 4 != 3 {
            lines.push((
                "F1",
                10.0,
                90.0,
                y,
                format!("{} item of the body text.", i + 1),
            ));
        }
    }
    let borrowed: Vec<(&str, f32, f32, f32, &str)> = lines
        .iter()
        .map(|(f, s, x, y, t)| (*f, *s, *x, *y, t.as_str()))
        .collect();
    let input = read_pdf(&build_pdf(&[text_content(&borrowed)], None, ""), "t.pdf").unwrap();
    let texts = page_texts(&input, 0);
    assert_eq!(texts.len(), 11, "{texts:?}");
    assert_eq!(texts[0], "1 item of the body text.");
    assert!(texts.iter().all(|t| t.ends_with("body text.")), "{texts:?}");
}

#[test]
fn a_page_ending_two_columns_in_a_few_lines_keeps_the_columns_of_the_page_before() {
    let left = column_texts("Left");
    let right = column_texts("Right");
    let mut first = Vec::new();
    for i in 0..8 {
        let y = 700.0 - 12.0 * i as f32;
        first.push(("F1", 10.0, 50.0, y, left[i].as_str()));
        first.push(("F1", 10.0, 320.0, y, right[i].as_str()));
    }
    let wide = "A full-width paragraph under both columns runs from the left edge to the right one";
    let mut second = Vec::new();
    for i in 0..3 {
        let y = 700.0 - 12.0 * i as f32;
        second.push(("F1", 10.0, 50.0, y, left[i].as_str()));
        second.push(("F1", 10.0, 320.0, y, right[i].as_str()));
    }
    second.push(("F1", 10.0, 50.0, 620.0, "About the author"));
    second.push(("F1", 10.0, 50.0, 608.0, wide));
    let pdf = build_pdf(&[text_content(&first), text_content(&second)], None, "");
    let input = read_pdf(&pdf, "c.pdf").unwrap();
    let got = page_texts(&input, 1);
    let mut want: Vec<&str> = left[..3]
        .iter()
        .chain(&right[..3])
        .map(String::as_str)
        .collect();
    want.extend(["About the author", wide]);
    assert_eq!(got, want);
    // Alone, the short page reads row by row: two columns of three lines are no evidence.
    let alone = read_pdf(&build_pdf(&[text_content(&second)], None, ""), "c.pdf").unwrap();
    assert_eq!(alone.pages[0].lines[0].text.matches("column").count(), 2);
}

#[test]
fn a_spacing_accent_drawn_over_a_letter_joins_it_and_one_with_room_of_its_own_stays() {
    // `e` of "Fontagne" spans 112.03–117.59 at 10 pt; the acute is drawn over it, as TeX
    // does; the one after "don" stands in a gap of its own.
    let content = b"BT /F1 10 Tf 72 700 Td (Fontagne) Tj ET\n\
BT /F1 10 Tf 113.5 700.4 Td (\\264) Tj ET\n\
BT /F1 10 Tf 117.59 700 Td ( and Lu) Tj ET\n\
BT /F1 10 Tf 148.5 700.4 Td (\\250) Tj ET\n\
BT /F1 10 Tf 152.06 700 Td (thje) Tj ET\n\
BT /F1 10 Tf 72 680 Td (don) Tj ET\n\
BT /F1 10 Tf 89.0 680 Td (\\264) Tj ET\n\
BT /F1 10 Tf 89.5 680 Td (t) Tj ET\n"
        .to_vec();
    let input = read_pdf(&build_pdf(&[content], None, ""), "a.pdf").unwrap();
    assert_eq!(page_texts(&input, 0), vec!["Fontagné and Lüthje", "don´t"]);
}
