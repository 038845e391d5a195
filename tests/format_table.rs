//! A new output format is one module and one table entry: a toy format, defined here and
//! nowhere in the library, is rendered, validated, detected, named and written by the same
//! conversion loop as the built-in ones.

use papermeta::convert::{self, ConvertOptions, Job, Status};
use papermeta::format::{Format, FormatSpec, FormatTable};

/// The toy format's module: a writer (one line per title) and its validator.
mod toy {
    use papermeta::export::{Export, ExportError};
    use papermeta::format::{ExportOptions, ValidateOptions};
    use papermeta::model::{Diagnostic, Document};
    use papermeta::validate::Report;

    pub fn write(doc: &Document, _: &ExportOptions) -> Result<Export, ExportError> {
        let mut out = String::from("TOY 1\n");
        for t in &doc.front.titles {
            out.push_str(&format!("title[{}] {}\n", t.lang, t.text));
        }
        Ok(Export {
            bytes: out.into_bytes(),
            warnings: Vec::new(),
        })
    }

    pub fn validate(bytes: &[u8], _: &ValidateOptions) -> Report {
        let mut report = Report::default();
        if !bytes.starts_with(b"TOY 1\n") {
            report.diagnostics.push(Diagnostic::error(
                "toy-header",
                "a toy file starts with `TOY 1`",
                Some(1),
            ));
        }
        report
    }
}

/// The toy format's table entry.
static TOY: FormatSpec = FormatSpec {
    name: "toy",
    aliases: &["toy-text"],
    extension: ".toy.txt",
    media_type: "text/x-toy",
    detect: |s| s.head.starts_with("TOY 1"),
    write: toy::write,
    validate: toy::validate,
};

const PAPER: &str = "Water Governance in Coastal Cities\n\nDr. Samira Haddad\nUniversity of Basrah\n\nAbstract: How cities reorganized their water utilities.\n\nKeywords: water; cities.\n\n1. Introduction\n\nCities face a double pressure.\n";

#[test]
fn a_toy_format_is_one_module_and_one_table_entry() {
    let table = FormatTable::builtin().with(&TOY);
    let toy = table
        .by_name("toy-text")
        .expect("the table names the toy format");
    assert_eq!(toy, Format::from_spec(&TOY));
    assert!(FormatTable::builtin().by_name("toy").is_err());

    let dir = tempfile::tempdir().unwrap();
    let job = Job {
        input_name: "paper.txt",
        bytes: PAPER.as_bytes(),
        meta: &[],
        formats: &[toy, Format::BIBTEX],
        out_dir: dir.path(),
        stem: "paper",
        progress: None,
    };
    let outcome = convert::convert(&job, &ConvertOptions::default()).unwrap();
    assert_eq!(outcome.status(), Status::Ok, "{:?}", outcome.failed);
    let written = std::fs::read_to_string(dir.path().join("paper.toy.txt")).unwrap();
    assert_eq!(
        written,
        "TOY 1\ntitle[en] Water Governance in Coastal Cities\n"
    );
    assert!(dir.path().join("paper.bib").is_file());
    assert_eq!(table.detect(written.as_bytes()), Some(toy));
    assert_eq!(FormatTable::builtin().detect(written.as_bytes()), None);
    assert!(
        toy.validate(b"not toy", &Default::default())
            .errors()
            .count()
            == 1
    );
}
