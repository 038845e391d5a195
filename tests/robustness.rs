//! Hostile and damaged input never panics the reader, and whatever the writers make of it
//! passes papermeta's own validators: the golden inputs are mutated at random (lines
//! deleted, duplicated and swapped; marker-like characters inserted; text cut short) and
//! run through the whole pipeline.

mod common;

use papermeta::convert::{self, ConvertOptions};
use papermeta::format::Format;
use papermeta::meta::parse_metadata;
use proptest::prelude::*;
use std::sync::LazyLock;

/// Every golden input, decoded, with its metadata file's text.
static INPUTS: LazyLock<Vec<(String, Option<String>)>> = LazyLock::new(|| {
    common::golden_cases()
        .into_iter()
        .map(|case| {
            let bytes = std::fs::read(case.join("input.txt")).unwrap();
            let text = papermeta::extract::text::decode(&bytes, "input.txt")
                .unwrap()
                .text;
            (text, std::fs::read_to_string(case.join("meta.toml")).ok())
        })
        .collect()
});

const INSERTS: &[&str] = &[
    "(",
    ")",
    "(1)",
    "(١)",
    "⁽¹⁾",
    "^(٢)",
    "¹",
    "[3]",
    "*",
    ":",
    ":-",
    "-",
    "•",
    "\u{c}",
    "\n",
    "\n\n\n\n",
    " ",
    "،",
    ".",
    "<",
    ">",
    "&",
    "\"",
    "«",
    "»",
    "ص ص",
    "المصدر نفسه",
    "Ibid.",
    "op. cit.",
    "المبحث الأول:",
    "أولاً:",
    "1.1",
    "الهوامش",
    "References",
    "الكلمات المفتاحية:",
    "Abstract:",
    "(2019)",
    "(Smith, 2019)",
    "https://doi.org/10.1/x",
    "\u{200f}",
    "\u{feff}",
    "ـ",
    "ً",
];

#[derive(Debug, Clone)]
enum Mutation {
    DeleteLine(usize),
    DuplicateLine(usize),
    SwapLines(usize, usize),
    Insert(usize, usize),
    Truncate(usize),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        any::<usize>().prop_map(Mutation::DeleteLine),
        any::<usize>().prop_map(Mutation::DuplicateLine),
        (any::<usize>(), any::<usize>()).prop_map(|(a, b)| Mutation::SwapLines(a, b)),
        (any::<usize>(), 0..INSERTS.len()).prop_map(|(at, what)| Mutation::Insert(at, what)),
        any::<usize>().prop_map(Mutation::Truncate),
    ]
}

fn apply(text: &str, mutations: &[Mutation]) -> String {
    let mut lines: Vec<String> = text.split('\n').map(str::to_string).collect();
    for m in mutations {
        let n = lines.len().max(1);
        match *m {
            Mutation::DeleteLine(i) if lines.len() > 1 => {
                lines.remove(i % n);
            }
            Mutation::DuplicateLine(i) if !lines.is_empty() => {
                let l = lines[i % n].clone();
                lines.insert(i % n, l);
            }
            Mutation::SwapLines(a, b) if !lines.is_empty() => lines.swap(a % n, b % n),
            Mutation::Insert(at, what) if !lines.is_empty() => {
                let line = &mut lines[at % n];
                let chars: Vec<char> = line.chars().collect();
                let pos = (at / n) % (chars.len() + 1);
                let mut s: String = chars[..pos].iter().collect();
                s.push_str(INSERTS[what]);
                s.extend(&chars[pos..]);
                *line = s;
            }
            Mutation::Truncate(at) => {
                let joined = lines.join("\n");
                let chars: Vec<char> = joined.chars().collect();
                let keep = chars.len() / 2 + at % (chars.len() / 2 + 1);
                lines = chars[..keep.min(chars.len())]
                    .iter()
                    .collect::<String>()
                    .split('\n')
                    .map(str::to_string)
                    .collect();
            }
            _ => {}
        }
    }
    lines.join("\n")
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn mutated_papers_never_panic_and_outputs_validate(
        which in any::<usize>(),
        mutations in prop::collection::vec(mutation(), 1..12),
    ) {
        let (text, meta) = &INPUTS[which % INPUTS.len()];
        let mutated = apply(text, &mutations);
        let meta = meta.as_deref().map(|m| parse_metadata(m, "meta.toml").unwrap());
        // A damaged paper may be refused (no title, say), but with a typed error, not a panic.
        if let Ok(doc) = convert::read_document(mutated.as_bytes(), "input.txt", meta.as_ref()) {
            for format in Format::all() {
                if let Ok(artifact) = convert::render(&doc, format, &ConvertOptions::default()) {
                    prop_assert!(
                        artifact.report.is_valid(),
                        "{format} output fails papermeta's own validator: {:#?}\n--- mutated input ---\n{mutated}",
                        artifact.report.errors().collect::<Vec<_>>()
                    );
                }
            }
        }
    }
}

/// A heading numbered one level deeper than the last, 2,000 times over.
#[test]
fn headings_numbered_2000_levels_deep_give_outputs_that_pass_their_own_schemas() {
    let mut text = String::from(
        "Water Governance in Coastal Cities\n\nSamira Haddad\n\nAbstract: How cities reorganized their utilities.\n\nKeywords: water; cities.\n\n1. Introduction\n\nCities face a double pressure.\n\n",
    );
    let mut number = String::new();
    for level in 1..=2000 {
        number.push_str(if level == 1 { "1" } else { ".1" });
        text.push_str(&format!(
            "{number} Part {level}\n\nSome text of part {level}.\n\n"
        ));
    }
    let doc = convert::read_document(text.as_bytes(), "deep.txt", None).expect("reads");
    fn depth(s: &[papermeta::model::Section]) -> usize {
        s.iter().map(|x| 1 + depth(&x.sections)).max().unwrap_or(0)
    }
    // The headings nest, up to the depth every writer's readers accept.
    let depth = depth(&doc.body.sections);
    assert!(
        (2..=papermeta::extract::sections::MAX_SECTION_DEPTH).contains(&depth),
        "{depth}"
    );
    for format in Format::all() {
        if let Ok(artifact) = convert::render(&doc, format, &ConvertOptions::default()) {
            assert!(
                artifact.report.is_valid(),
                "{format} output fails papermeta's own validator: {:?}",
                artifact.report.errors().take(3).collect::<Vec<_>>()
            );
        }
    }
}

/// Characters that break TOML, DTD, BibTeX and JSON syntax when dropped in.
const SYNTAX_INSERTS: &[&str] = &[
    "\"",
    "'",
    "=",
    "[",
    "]",
    "{",
    "}",
    "(",
    ")",
    ",",
    "#",
    "%",
    "@",
    "<",
    ">",
    "|",
    "*",
    "?",
    "--",
    "\n",
    "\\",
    ":",
    "1234--567",
    "٣",
    "\u{0}",
    "((((((((((",
    "<!ENTITY % x \"(\">",
];

/// Applies byte-level mutations (insert a syntax character, delete a span, repeat a span)
/// at char boundaries.
fn mutate(text: &str, edits: &[(usize, usize, usize)]) -> String {
    let mut chars: Vec<char> = text.chars().collect();
    for &(at, len, what) in edits {
        let n = chars.len().max(1);
        let at = at % n;
        match what % 3 {
            0 => {
                let insert: Vec<char> =
                    SYNTAX_INSERTS[len % SYNTAX_INSERTS.len()].chars().collect();
                chars.splice(at.min(chars.len())..at.min(chars.len()), insert);
            }
            1 => {
                let end = (at + len % 40).min(chars.len());
                chars.drain(at.min(end)..end);
            }
            _ => {
                let end = (at + len % 40).min(chars.len());
                let span: Vec<char> = chars[at.min(end)..end].to_vec();
                chars.splice(end..end, span);
            }
        }
    }
    chars.into_iter().collect()
}

/// Every golden metadata file's text.
static METAS: LazyLock<Vec<String>> = LazyLock::new(|| {
    common::golden_cases()
        .into_iter()
        .filter_map(|case| std::fs::read_to_string(case.join("meta.toml")).ok())
        .collect()
});

/// Every golden BibTeX and JSON-LD output.
static OUTPUTS: LazyLock<Vec<(String, String)>> = LazyLock::new(|| {
    common::golden_cases()
        .into_iter()
        .flat_map(|case| {
            ["output.bib", "output.jsonld"]
                .into_iter()
                .filter_map(move |name| {
                    Some((
                        name.to_string(),
                        std::fs::read_to_string(case.join(name)).ok()?,
                    ))
                })
        })
        .collect()
});

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn mutated_metadata_files_never_panic(which in any::<usize>(), edits in prop::collection::vec((any::<usize>(), any::<usize>(), any::<usize>()), 1..8)) {
        prop_assume!(!METAS.is_empty());
        let meta = mutate(&METAS[which % METAS.len()], &edits);
        // Refused with a typed error or read; never a panic.
        if let Ok(meta) = parse_metadata(&meta, "meta.toml") {
            let (text, _) = &INPUTS[which % INPUTS.len()];
            if let Ok(doc) = convert::read_document(text.as_bytes(), "input.txt", Some(&meta)) {
                for format in Format::all() {
                    let _ = convert::render(&doc, format, &ConvertOptions::default());
                }
            }
        }
    }

    #[test]
    fn mutated_dtds_never_panic(edits in prop::collection::vec((any::<usize>(), any::<usize>(), any::<usize>()), 1..8)) {
        let dtd = mutate(papermeta::validate::jats::PROJECT_DTD, &edits);
        if let Ok(dtd) = papermeta::validate::dtd::Dtd::from_str(&dtd, None, &Default::default()) {
            let _ = dtd.validate(b"<article dtd-version=\"1.3\"><front/></article>");
        }
    }

    #[test]
    fn mutated_bibtex_and_jsonld_never_panic(which in any::<usize>(), edits in prop::collection::vec((any::<usize>(), any::<usize>(), any::<usize>()), 1..8)) {
        let (name, text) = &OUTPUTS[which % OUTPUTS.len()];
        let mutated = mutate(text, &edits);
        let report = papermeta::validate::files::Validator::default()
            .validate_bytes(std::path::Path::new(name), mutated.as_bytes());
        prop_assert!(report.findings.iter().all(|f| f.diagnostic.line.is_some() || f.diagnostic.code.starts_with("jsonld-")), "{:?}", report.findings);
        let _ = papermeta::validate::bibtex::validate_bibtex(mutated.as_bytes());
        let _ = papermeta::validate::jsonld::validate_jsonld(mutated.as_bytes());
    }
}
