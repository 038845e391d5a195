//! Every BibTeX output round-trips through the `biblatex` crate with the same entries (keys,
//! types) and fields, passes papermeta's own validator, and — when `../shared/tools` is
//! present — the real consumers (`check-bibtex`: bibtex, biber, pybtex, bibtexparser,
//! citation-js).

mod common;

use biblatex::{Bibliography, ChunksExt};
use papermeta::export::bibtex::{write_bibtex, BibtexOptions};
use papermeta::model::Document;
use papermeta::validate::bibtex::validate_bibtex;
use std::path::Path;
use std::process::Command;

/// An English paper (no month, no DOI, print and electronic ISSN) citing works in Arabic and
/// English, with names and titles full of characters BibTeX treats specially.
const ENGLISH_PAPER: &str = r#"{
  "format_version": 1,
  "source": {"file_name": "en.txt", "encoding": "UTF-8", "sha256": "00", "line_count": 200},
  "front": {
    "language": "en",
    "titles": [{"lang": "en", "text": "Water {Rights} & Power: 100% of $Costs_in ~Basra^2 \\ Iraq"}],
    "contributors": [
      {"id": "c1", "name": {"as_written": "Layla Abd al-Karim", "script": "latin", "lang": "en", "given": "Layla", "family": "Abd al-Karim"}},
      {"id": "c2", "name": {"as_written": "van der Berg, Jan", "script": "latin", "lang": "en", "given": "Jan", "family": "van der Berg"}},
      {"id": "c3", "name": {"as_written": "Mohammed Nasser Salih", "script": "latin", "lang": "en"}}
    ],
    "abstracts": [{"lang": "en", "text": "An abstract with {braces} and a % sign."}],
    "keywords": [{"lang": "en", "keywords": ["water", "power & state"]}],
    "publication": {
      "journal": {"titles": [{"lang": "en", "text": "Journal of Testing"}], "issn_print": "0000-0019", "issn_electronic": "1234-5678"},
      "volume": "vol. II", "issue": "3",
      "published": {"year": 2023},
      "pages": {"raw": "e12"}
    }
  },
  "body": {"pages": [], "sections": []},
  "back": {
    "footnotes": [],
    "reference_groups": [
      {"id": "refs1", "references": [
        {"id": "ref1", "raw": "x", "lang": "ar", "type": "book",
         "authors": [{"kind": "person", "as_written": "عبد الرحمن بدوي", "family": "بدوي", "given": "عبد الرحمن"}],
         "year": {"raw": "١٩٩٨", "value": 1998}, "title": "مناهج البحث", "publisher": "دار النهضة", "place": "القاهرة",
         "source": {"line": 150, "end_line": 150}},
        {"id": "ref2", "raw": "x", "lang": "ar", "type": "book",
         "authors": [{"kind": "person", "as_written": "عبد الرحمن بدوي", "family": "بدوي", "given": "عبد الرحمن"}],
         "year": {"raw": "١٩٩٨", "value": 1998}, "title": "مناهج الفكر", "publisher": "دار النهضة",
         "source": {"line": 151, "end_line": 151}},
        {"id": "ref3", "raw": "x", "lang": "ar", "type": "book",
         "authors": [{"kind": "person", "as_written": "نور الدين زنكي", "family": "نور الدين", "given": "محمود"}],
         "no_date": true, "title": "كتاب بلا تاريخ", "publisher": "د.ن",
         "source": {"line": 152, "end_line": 152}},
        {"id": "ref4", "raw": "x", "lang": "en", "type": "journal-article",
         "authors": [{"kind": "organization", "name": "Research and Development Unit"}],
         "year": {"raw": "2010", "value": 2010}, "title": "Notes on {Sets}", "container": "Bulletin of R&D",
         "volume": "١٢", "pages": {"raw": "pp. iv-x"}, "url": "https://example.org/a_b%20c?x={1}",
         "source": {"line": 153, "end_line": 153}},
        {"id": "ref5", "raw": "x", "lang": "en", "type": "chapter",
         "authors": [{"kind": "person", "as_written": "A. B. Writer", "family": "Writer", "given": "A. B."}],
         "year": {"raw": "2005", "value": 2005}, "title": "A Chapter Without Pages", "container": "Collected Essays",
         "publisher": "Press", "source": {"line": 154, "end_line": 154}},
        {"id": "ref6", "raw": "x", "lang": "ar", "type": "news-article",
         "authors": [{"kind": "person", "as_written": "صحفي", "family": "صحفي"}],
         "year": {"raw": "2021", "value": 2021}, "title": "خبر اليوم", "container": "جريدة الصباح",
         "url": "https://news.example/1", "accessed": "2021-05-06",
         "source": {"line": 155, "end_line": 155}},
        {"id": "ref7", "raw": "Constitution of Nowhere, art. 5 & 6", "lang": "en", "type": "legal-document",
         "source": {"line": 156, "end_line": 156}},
        {"id": "ref8", "raw": "x", "lang": "en", "type": "report",
         "authors": [{"kind": "person", "as_written": "Ann Lee", "family": "Lee", "given": "Ann"}],
         "title": "Report Without Year", "publisher": "Institute",
         "source": {"line": 157, "end_line": 157}}
      ]}
    ]
  }
}"#;

fn document() -> Document {
    match serde_json::from_str(ENGLISH_PAPER) {
        Ok(d) => d,
        Err(e) => panic!("fixture does not parse: {e}"),
    }
}

fn render(doc: &Document, include_references: bool) -> String {
    let export = match write_bibtex(doc, &BibtexOptions { include_references }) {
        Ok(e) => e,
        Err(e) => panic!("export failed: {e}"),
    };
    match String::from_utf8(export.bytes) {
        Ok(t) => t,
        Err(e) => panic!("not UTF-8: {e}"),
    }
}

/// (type, key, field names in order) of each entry, read from the writer's fixed layout
/// (`@type{key,` then one `  name = value` line per field).
fn layout(text: &str) -> Vec<(String, String, Vec<String>)> {
    let mut out: Vec<(String, String, Vec<String>)> = Vec::new();
    for line in text.lines() {
        if let Some(rest) = line.strip_prefix('@') {
            let (ty, key) = rest.split_once('{').unwrap_or((rest, ""));
            out.push((
                ty.to_string(),
                key.trim_end_matches(',').to_string(),
                Vec::new(),
            ));
        } else if let Some((name, _)) = line.strip_prefix("  ").and_then(|l| l.split_once(" = ")) {
            if let Some(last) = out.last_mut() {
                last.2.push(name.to_string());
            }
        }
    }
    out
}

#[test]
fn entries_round_trip_through_biblatex() {
    let text = render(&document(), true);
    let bib = match Bibliography::parse(&text) {
        Ok(b) => b,
        Err(e) => panic!("biblatex cannot parse the output: {e:?}\n{text}"),
    };
    let expected = layout(&text);
    assert_eq!(bib.len(), expected.len(), "{text}");
    assert_eq!(expected.len(), 9);
    for (entry, (ty, key, fields)) in bib.iter().zip(&expected) {
        assert_eq!(&entry.key, key);
        assert_eq!(&entry.entry_type.to_string().to_lowercase(), ty, "{key}");
        let mut parsed: Vec<&String> = entry.fields.keys().collect();
        let mut written: Vec<&String> = fields.iter().collect();
        parsed.sort();
        written.sort();
        assert_eq!(parsed, written, "fields of {key}");
    }
}

#[test]
fn special_characters_survive_the_round_trip() {
    let text = render(&document(), false);
    let bib = match Bibliography::parse(&text) {
        Ok(b) => b,
        Err(e) => panic!("biblatex cannot parse the output: {e:?}\n{text}"),
    };
    let entry = match bib.iter().next() {
        Some(e) => e,
        None => panic!("no entry"),
    };
    let field = |name: &str| {
        entry
            .fields
            .get(name)
            .map(|c| c.format_verbatim())
            .unwrap_or_default()
    };
    let title = field("title");
    for piece in ["Water", "Rights", "Power", "100", "Costs", "Basra", "Iraq"] {
        assert!(title.contains(piece), "{piece} lost from {title:?}");
    }
    assert!(field("abstract").contains("braces"));
    assert_eq!(field("year"), "2023");
    assert_eq!(field("journal"), "Journal of Testing");
    // The only valid ISSN is kept; the volume that is not a number goes to note.
    assert_eq!(field("issn"), "0000-0019");
    assert!(!entry.fields.contains_key("volume"));
    assert!(field("note").contains("vol. II"));
}

#[test]
fn names_are_kept_whole() {
    let text = render(&document(), true);
    // Compound family names are braced so BibTeX finds no "von" part; a name without parts
    // is braced whole; organizations are braced whole.
    assert!(
        text.contains(
            "author = {{Abd al-Karim}, Layla and {van der Berg}, Jan and {Mohammed Nasser Salih}}"
        ),
        "{text}"
    );
    assert!(text.contains("author = {بدوي, {عبد الرحمن}}"), "{text}");
    assert!(text.contains("author = {{نور الدين}, محمود}"), "{text}");
    assert!(
        text.contains("author = {{Research and Development Unit}}"),
        "{text}"
    );
}

#[test]
fn keys_are_ascii_unique_and_readable() {
    let text = render(&document(), true);
    let keys: Vec<String> = layout(&text).into_iter().map(|(_, k, _)| k).collect();
    let mut seen = std::collections::HashSet::new();
    for key in &keys {
        assert!(
            key.chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || "_:-".contains(c)),
            "{key}"
        );
        assert!(seen.insert(key.to_lowercase()), "duplicate {key}");
    }
    // Family name (articles dropped) + year + first significant title word.
    assert_eq!(keys[0], "abdkarim2023water");
    assert_eq!(keys[4], "research2010notes");
    // Same author, year and title word: the second gets a suffix.
    assert!(keys[1].contains("1998"), "{keys:?}");
    assert_eq!(keys[2], format!("{}a", keys[1]));
    // No year: `nd`; no author: `anon`.
    assert!(keys[3].contains("nd"), "{keys:?}");
    assert_eq!(keys[7], "anonnd");
}

#[test]
fn output_passes_papermeta_validator() {
    for include in [true, false] {
        let text = render(&document(), include);
        let report = validate_bibtex(text.as_bytes());
        assert!(
            report.diagnostics.is_empty(),
            "{:#?}\n{text}",
            report.diagnostics
        );
    }
}

#[test]
fn output_passes_real_consumers() {
    let tool = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/tools/check-bibtex");
    if !tool.exists() {
        common::skip(&format!(
            "{} is absent; real-consumer check not run",
            tool.display()
        ));
        return;
    }
    let dir = match tempfile::tempdir() {
        Ok(d) => d,
        Err(e) => panic!("tempdir: {e}"),
    };
    let path = dir.path().join("refs.bib");
    if let Err(e) = std::fs::write(&path, render(&document(), true)) {
        panic!("write: {e}");
    }
    let out = match Command::new(&tool).arg(&path).output() {
        Ok(o) => o,
        Err(e) => panic!("cannot run {}: {e}", tool.display()),
    };
    let stdout = String::from_utf8_lossy(&out.stdout);
    let failures: Vec<&str> = stdout.lines().filter(|l| l.starts_with("FAIL")).collect();
    assert!(
        out.status.success() && failures.is_empty(),
        "check-bibtex failed:\n{stdout}"
    );
    // plain.bst's "number but no volume" is a style remark about the data (an issue printed
    // without a volume), not a defect of the output.
    let warnings: Vec<&str> = stdout
        .lines()
        .filter(|l| l.starts_with("WARN") && !l.contains("there's a number but no volume"))
        .collect();
    assert!(
        warnings.is_empty(),
        "check-bibtex warned:\n{}",
        warnings.join("\n")
    );
}
