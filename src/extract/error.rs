//! Why an input could not be read at all: the errors of the extraction layer.

use thiserror::Error;

/// Why an input could not be read at all.
#[derive(Debug, Error, PartialEq)]
pub enum ExtractError {
    /// The input has no text.
    #[error("{file}: the input is empty")]
    Empty {
        /// The input's name.
        file: String,
    },
    /// The input holds bytes that no text has (NUL or other control bytes).
    #[error("{file}:{line}:{column}: the input looks binary (byte 0x{byte:02X} at offset {offset}); papermeta reads text extracted from a PDF")]
    Binary {
        /// The input's name.
        file: String,
        /// The offending byte.
        byte: u8,
        /// Its offset in the input.
        offset: usize,
        /// Its line (1-based).
        line: usize,
        /// Its column (1-based, in bytes).
        column: usize,
    },
    /// The input is neither UTF-8, UTF-16 with a BOM, nor Windows-1256.
    #[error("{file}:{line}:{column}: the input is not valid UTF-8 (byte 0x{byte:02X} at offset {offset}) and does not read as Windows-1256 Arabic text either; convert it to UTF-8")]
    Encoding {
        /// The input's name.
        file: String,
        /// The first byte that is not valid UTF-8.
        byte: u8,
        /// Its offset in the input.
        offset: usize,
        /// Its line (1-based).
        line: usize,
        /// Its column (1-based, in bytes).
        column: usize,
    },
    /// The PDF is encrypted and needs a password to open.
    #[error("{file}: the PDF is encrypted and needs a password; decrypt it first (e.g. `qpdf --decrypt --password=... in.pdf out.pdf`)")]
    PdfEncrypted {
        /// The input's name.
        file: String,
    },
    /// The PDF has no text to read (a scan).
    #[error(
        "{file}: no text layer: run OCR first (the PDF's {pages} page(s) hold images, not text)"
    )]
    PdfNoText {
        /// The input's name.
        file: String,
        /// How many pages it has.
        pages: usize,
    },
    /// The PDF is truncated or damaged past reading.
    #[error("{file}: the PDF is damaged: {detail}")]
    PdfDamaged {
        /// The input's name.
        file: String,
        /// What is wrong.
        detail: String,
    },
    /// A stream of the PDF inflates past the limit (a decompression bomb).
    #[error("{file}: refused: a stream of the PDF inflates past {limit_mib} MiB (a decompression bomb?)")]
    PdfBomb {
        /// The input's name.
        file: String,
        /// The limit, in MiB.
        limit_mib: usize,
    },
    /// The input is XML that is not well-formed, or cannot be decoded as its declaration says.
    #[error("{file}:{line}:{column}: {message}")]
    Xml {
        /// The input's name.
        file: String,
        /// Line (1-based).
        line: usize,
        /// Column (1-based, in bytes).
        column: usize,
        /// What is wrong.
        message: String,
    },
    /// The input is XML but holds no JATS `article`.
    #[error("{file}:{line}: the root element is `{root}`, not a JATS `article`; papermeta reads JATS 1.0–1.3 and NLM 3.0 articles")]
    NotJats {
        /// The input's name.
        file: String,
        /// The root element's name.
        root: String,
        /// Its line.
        line: usize,
    },
    /// No line could be taken for the paper's title.
    #[error("{file}: no title found: the first text line ({detail}) does not look like a title")]
    NoTitle {
        /// The input's name.
        file: String,
        /// What was found instead.
        detail: String,
    },
}
