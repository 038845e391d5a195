//! The PDF reader: a PDF's text layer → the input seam's pages of lines, each line with its
//! layout (box, font, size, weight, superscripts). Pages are read one at a time, so memory
//! holds the file, its object table and one page's glyphs, never all pages' glyphs.
//!
//! [`lopdf`] parses the file (objects, cross-references, filters, encryption); the text
//! layer is ours: [`content`] runs the drawing operators with [`fonts`] ([`cmap`],
//! [`encodings`]), [`lines`] lays glyphs out in lines in reading order, [`bidi`] puts
//! right-to-left text in logical order and [`unicode`] cleans each glyph's text. The choice
//! of engine is measured in `docs/pdf-engines.md`.

pub mod bidi;
pub mod cff;
pub mod cmap;
pub mod content;
pub mod encodings;
pub mod fonts;
pub mod lexer;
pub mod lines;
pub mod objects;
pub mod unicode;

use super::error::ExtractError;
use super::input::{PagedInput, SourceLine, SourcePage};
use crate::model::{Diagnostic, SourceInfo};
use content::{ContentError, FontCache};
use lopdf::{Document, Object};
use objects::{decode_stream, inherited, numbers, resolve, StreamError, MAX_STREAM_BYTES};

/// The most pages a PDF may have.
pub const MAX_PAGES: usize = 20_000;

/// Whether the bytes are a PDF: `%PDF-` within the first kilobyte (files may carry a few
/// bytes of junk before it).
pub fn is_pdf(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(1024)];
    head.windows(5).any(|w| w == b"%PDF-")
}

fn damaged(file: &str, detail: impl Into<String>) -> ExtractError {
    ExtractError::PdfDamaged {
        file: file.to_string(),
        detail: detail.into(),
    }
}

fn bomb(file: &str) -> ExtractError {
    ExtractError::PdfBomb {
        file: file.to_string(),
        limit_mib: MAX_STREAM_BYTES / (1024 * 1024),
    }
}

/// Loads the document: parsed, decrypted when no password is needed, refused otherwise.
fn load(bytes: &[u8], file: &str) -> Result<Document, ExtractError> {
    let tail = &bytes[bytes.len().saturating_sub(2048)..];
    if !tail.windows(5).any(|w| w == b"%%EOF") {
        return Err(damaged(
            file,
            "the file is truncated (no end-of-file marker)",
        ));
    }
    let options = lopdf::LoadOptions {
        max_decompressed_size: Some(MAX_STREAM_BYTES),
        ..lopdf::LoadOptions::default()
    };
    let doc = match lopdf::Document::load_mem_with_options(bytes, options) {
        Ok(doc) => doc,
        Err(lopdf::Error::Decompress(lopdf::DecompressError::MemoryLimitExceeded { .. })) => {
            return Err(bomb(file))
        }
        Err(lopdf::Error::InvalidPassword | lopdf::Error::Decryption(_)) => {
            return Err(ExtractError::PdfEncrypted {
                file: file.to_string(),
            })
        }
        Err(e) => return Err(damaged(file, e.to_string())),
    };
    if doc.trailer.has(b"Encrypt") {
        return Err(ExtractError::PdfEncrypted {
            file: file.to_string(),
        });
    }
    Ok(doc)
}

/// The page's visible box (crop box, else media box) as `[x0, y0, x1, y1]`.
fn page_box(doc: &Document, page: &lopdf::Dictionary) -> [f32; 4] {
    for key in [b"CropBox".as_slice(), b"MediaBox"] {
        if let Some(b) = inherited(doc, page, key) {
            let n = numbers(doc, b);
            if n.len() == 4 && n[2] != n[0] && n[3] != n[1] {
                return [
                    n[0].min(n[2]),
                    n[1].min(n[3]),
                    n[0].max(n[2]),
                    n[1].max(n[3]),
                ];
            }
        }
    }
    [0.0, 0.0, 612.0, 792.0]
}

/// A page's content streams, decoded and joined, within the stream limit.
fn page_content(
    doc: &Document,
    page: &lopdf::Dictionary,
    file: &str,
    number: usize,
) -> Result<Vec<u8>, ExtractError> {
    let Some(contents) = page.get(b"Contents").ok() else {
        return Ok(Vec::new());
    };
    let streams: Vec<&Object> = match resolve(doc, contents) {
        Object::Array(items) => items.iter().collect(),
        _ => vec![contents],
    };
    let mut data = Vec::new();
    for item in streams {
        if let Object::Reference(id) = item {
            if doc.get_object(*id).is_err() {
                return Err(damaged(
                    file,
                    format!(
                        "page {number} refers to content that is missing (object {} {})",
                        id.0, id.1
                    ),
                ));
            }
        }
        let Object::Stream(stream) = resolve(doc, item) else {
            continue;
        };
        match decode_stream(stream) {
            Ok(bytes) => {
                if data.len() + bytes.len() > MAX_STREAM_BYTES {
                    return Err(bomb(file));
                }
                data.extend_from_slice(&bytes);
                data.push(b'\n');
            }
            Err(StreamError::TooLarge) => return Err(bomb(file)),
            Err(StreamError::Damaged(e)) => {
                return Err(damaged(file, format!("page {number}: {e}")))
            }
        }
    }
    Ok(data)
}

/// Reads a PDF's text layer into pages of lines with layout. Line numbers run through the
/// document; blank lines separate blocks. Encrypted, damaged, bomb-like and text-less PDFs
/// are refused with a typed error.
pub fn read_pdf(bytes: &[u8], file_name: &str) -> Result<PagedInput, ExtractError> {
    let doc = load(bytes, file_name)?;
    let page_ids = doc.get_pages();
    if page_ids.is_empty() {
        return Err(damaged(file_name, "the document has no pages"));
    }
    if page_ids.len() > MAX_PAGES {
        return Err(damaged(
            file_name,
            format!(
                "the document has {} pages, more than the {MAX_PAGES} papermeta reads",
                page_ids.len()
            ),
        ));
    }
    let mut fonts = FontCache::default();
    let mut pages = Vec::with_capacity(page_ids.len());
    let mut line_number = 0usize;
    // The column gutter of the page before: a page ending two columns in a few lines keeps it.
    let mut gutter: Option<f32> = None;
    let (mut mapped, mut unmapped) = (0usize, 0usize);
    for (index, (_, id)) in page_ids.iter().enumerate() {
        let number = index + 1;
        let Ok(page) = doc.get_dictionary(*id) else {
            return Err(damaged(file_name, format!("page {number} is missing")));
        };
        let media = page_box(&doc, page);
        let size = (media[2] - media[0], media[3] - media[1]);
        let data = page_content(&doc, page, file_name, number)?;
        let drawn = match content::run_page(&doc, &mut fonts, page, media, &data) {
            Ok(d) => d,
            Err(ContentError::TooLarge) => return Err(bomb(file_name)),
            Err(ContentError::TooManyGlyphs) => {
                return Err(damaged(
                    file_name,
                    format!(
                        "page {number} draws more than {} glyphs",
                        content::MAX_GLYPHS_PER_PAGE
                    ),
                ))
            }
        };
        let laid = lines::lay_out_page(&drawn.glyphs, &fonts.fonts, size, gutter);
        gutter = laid.gutter;
        mapped += laid.mapped;
        unmapped += laid.unmapped;
        let mut source_lines = Vec::with_capacity(laid.lines.len());
        for line in laid.lines {
            line_number += 1;
            source_lines.push(SourceLine {
                number: line_number,
                text: line.text,
                layout: line.layout,
            });
        }
        pages.push(SourcePage {
            number,
            lines: source_lines,
            size: Some(size),
        });
    }
    let visible: usize = pages
        .iter()
        .flat_map(|p| &p.lines)
        .map(|l| l.text.chars().filter(|c| !c.is_whitespace()).count())
        .sum();
    if visible < 16 * pages.len().min(8) {
        return Err(ExtractError::PdfNoText {
            file: file_name.to_string(),
            pages: pages.len(),
        });
    }
    let mut warnings = Vec::new();
    if unmapped * 20 > mapped + unmapped {
        warnings.push(Diagnostic::warning(
            "pdf-unmapped-glyphs",
            format!("{unmapped} of {} glyphs have no character map in their font and were left out; the text may miss words", mapped + unmapped),
            None,
        ));
    }
    Ok(PagedInput {
        source: SourceInfo {
            file_name: file_name.to_string(),
            encoding: "PDF".to_string(),
            had_bom: false,
            sha256: super::text::sha256_hex(bytes),
            line_count: line_number,
            repairs: Default::default(),
        },
        pages,
        warnings,
    })
}
#[cfg(test)]
mod tests;
