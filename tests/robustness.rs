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
