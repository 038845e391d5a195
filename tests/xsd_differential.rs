//! Differential check of the XSD engine (`papermeta::validate::xsd`) against
//! `xmllint --noout --schema` (libxml2) with the official schemas in ../shared/vendor.
//!
//! Corpus, per schema (Crossref 5.3.1 and MARC21slim): every golden output of its writer
//! (`tests/golden/*/output.crossref.xml`, `output.marc.xml`), the writer's output for every
//! other golden case once the facts Crossref requires are filled in, the hand-written
//! documents of `tests/xsd_corpus/` (Crossref's JATS, MathML and XLink parts, every MARC
//! construct), and seeded random
//! mutations of each: elements deleted, duplicated, swapped, moved, renamed, given or
//! stripped of a namespace prefix; attributes removed, added, given bad values; text made
//! to break patterns, lengths, enumerations and numeric bounds; stray text, CDATA and
//! elements where they are not allowed; `xsi:nil`; comments and processing instructions
//! (which change nothing). At least 1,000 distinct documents per schema; the engine must
//! give xmllint's verdict (valid or not) on every one.
//!
//! Needs ../shared/vendor and xmllint; skips with the reason when either is absent (fails
//! under `CI`). Failing documents are kept in a directory the message names.

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;

use papermeta::convert;
use papermeta::export::crossref::{write_crossref, CrossrefOptions};
use papermeta::export::marcxml::write_marcxml;
use papermeta::meta::parse_metadata;
use papermeta::model::{Depositor, Document, Journal, LocalizedText, PartialDate};
use papermeta::validate::xsd::{self, Schema};
use quick_xml::events::Event;
use quick_xml::Reader;

/// Fewest distinct documents per schema.
const MIN_DOCUMENTS: usize = 1_000;
/// Mutation attempts per base document and kind.
const PER_KIND: usize = 9;

// ----------------------------------------------------------------------------------------
// A small DOM that keeps text and attribute values as written.
// ----------------------------------------------------------------------------------------

#[derive(Debug, Clone)]
enum Node {
    Elem(Elem),
    /// Character data as written (escaped).
    Text(String),
    /// A comment, PI or CDATA section, as written.
    Raw(String),
}

#[derive(Debug, Clone)]
struct Elem {
    name: String,
    attrs: Vec<(String, String)>,
    children: Vec<Node>,
}

#[derive(Debug, Clone)]
struct Doc {
    prolog: String,
    root: Elem,
}

fn parse_doc(text: &str) -> Doc {
    let mut reader = Reader::from_str(text);
    let mut stack: Vec<Elem> = Vec::new();
    let mut root = None;
    let mut prolog_end = None;
    let open = |e: &quick_xml::events::BytesStart| Elem {
        name: String::from_utf8_lossy(e.name().as_ref()).into_owned(),
        attrs: e
            .attributes()
            .map(|a| {
                let a = a.expect("attribute");
                (
                    String::from_utf8_lossy(a.key.as_ref()).into_owned(),
                    String::from_utf8_lossy(&a.value).into_owned(),
                )
            })
            .collect(),
        children: Vec::new(),
    };
    loop {
        let pos = reader.buffer_position() as usize;
        let ev = reader.read_event().expect("well-formed base document");
        match ev {
            Event::Eof => break,
            Event::Start(e) => {
                prolog_end.get_or_insert(pos);
                stack.push(open(&e));
            }
            Event::Empty(e) => {
                prolog_end.get_or_insert(pos);
                let el = open(&e);
                match stack.last_mut() {
                    Some(top) => top.children.push(Node::Elem(el)),
                    None => root = Some(el),
                }
            }
            Event::End(_) => {
                let el = stack.pop().expect("balanced");
                match stack.last_mut() {
                    Some(top) => top.children.push(Node::Elem(el)),
                    None => root = Some(el),
                }
            }
            Event::Text(t) => {
                if let Some(top) = stack.last_mut() {
                    top.children
                        .push(Node::Text(String::from_utf8_lossy(&t).into_owned()));
                }
            }
            Event::CData(c) => {
                if let Some(top) = stack.last_mut() {
                    top.children.push(Node::Raw(format!(
                        "<![CDATA[{}]]>",
                        String::from_utf8_lossy(&c)
                    )));
                }
            }
            Event::Comment(c) => {
                if let Some(top) = stack.last_mut() {
                    top.children
                        .push(Node::Raw(format!("<!--{}-->", String::from_utf8_lossy(&c))));
                }
            }
            _ => {}
        }
    }
    Doc {
        prolog: text[..prolog_end.unwrap_or(0)].to_string(),
        root: root.expect("root element"),
    }
}

fn write_elem(el: &Elem, out: &mut String) {
    out.push('<');
    out.push_str(&el.name);
    for (k, v) in &el.attrs {
        let q = if v.contains('"') { '\'' } else { '"' };
        let _ = write!(out, " {k}={q}{v}{q}");
    }
    if el.children.is_empty() {
        out.push_str("/>");
        return;
    }
    out.push('>');
    for c in &el.children {
        match c {
            Node::Elem(e) => write_elem(e, out),
            Node::Text(t) | Node::Raw(t) => out.push_str(t),
        }
    }
    let _ = write!(out, "</{}>", el.name);
}

fn write_doc(doc: &Doc) -> String {
    let mut out = doc.prolog.clone();
    write_elem(&doc.root, &mut out);
    out.push('\n');
    out
}

fn paths(doc: &Doc) -> Vec<Vec<usize>> {
    fn walk(el: &Elem, path: &mut Vec<usize>, out: &mut Vec<Vec<usize>>) {
        out.push(path.clone());
        for (i, c) in el.children.iter().enumerate() {
            if let Node::Elem(e) = c {
                path.push(i);
                walk(e, path, out);
                path.pop();
            }
        }
    }
    let mut out = Vec::new();
    walk(&doc.root, &mut Vec::new(), &mut out);
    out
}

fn at<'a>(root: &'a mut Elem, path: &[usize]) -> Option<&'a mut Elem> {
    let mut cur = root;
    for &i in path {
        cur = match cur.children.get_mut(i)? {
            Node::Elem(e) => e,
            _ => return None,
        };
    }
    Some(cur)
}

fn get<'a>(root: &'a Elem, path: &[usize]) -> Option<&'a Elem> {
    let mut cur = root;
    for &i in path {
        cur = match cur.children.get(i)? {
            Node::Elem(e) => e,
            _ => return None,
        };
    }
    Some(cur)
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// The element's text when it holds only text.
fn leaf_text(e: &Elem) -> Option<String> {
    if e.children.iter().all(|c| matches!(c, Node::Text(_))) {
        Some(
            e.children
                .iter()
                .map(|c| match c {
                    Node::Text(t) => t.as_str(),
                    _ => "",
                })
                .collect(),
        )
    } else {
        None
    }
}

// ----------------------------------------------------------------------------------------
// Mutations
// ----------------------------------------------------------------------------------------

/// splitmix64: a small deterministic generator, so every run builds the same corpus.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> Option<&'a T> {
        (!items.is_empty()).then(|| &items[self.below(items.len())])
    }
}

const ATTRIBUTE_VALUES: &[&str] = &[
    "",
    " ",
    "x",
    "bad value",
    "1",
    "0",
    "true",
    "-1",
    "ar",
    " en ",
    "zz",
    "print",
    "electronic",
    "online",
    "first",
    "additional",
    "author",
    "editor",
    "translator",
    "full_text",
    "abstract_only",
    "Bibliographic",
    "Authority",
    "a",
    "A",
    "#",
    "00",
    "001",
    "0A1",
    "245",
    "1234",
    "z",
    "@",
    "~",
    "ab",
    "٣",
    "5.3.0",
    "5.3.1",
    "ref1",
    "vor",
    "2024-02-30",
    "2024-02-29",
];

const ATTRIBUTE_NAMES: &[&str] = &[
    "language",
    "media_type",
    "sequence",
    "contributor_role",
    "key",
    "id",
    "ind1",
    "code",
    "tag",
    "type",
    "version",
    "xml:lang",
    "name-style",
    "publication_type",
    "authenticated",
    "foo",
];

fn text_variants(original: &str) -> Vec<String> {
    let o = original.to_string();
    vec![
        String::new(),
        " ".into(),
        format!("{o}?"),
        format!("1{o}"),
        format!("{o} "),
        format!("  {o}"),
        o.repeat(300 / o.chars().count().max(1) + 2),
        "x".into(),
        o.to_uppercase(),
        "٢٠٢٤".into(),
        "12".into(),
        "0".into(),
        "01".into(),
        "2201".into(),
        "1399".into(),
        "35".into(),
        "-3".into(),
        "+12".into(),
        "12.0".into(),
        "99999".into(),
        "abc def".into(),
        "http://x".into(),
        "https://example.org/a b".into(),
        "https://orcid.org/0000-0002-1825-009X".into(),
        "http://orcid.org/0000-0002-1825".into(),
        "10.5555/x".into(),
        "10.55/x".into(),
        "1234-567X".into(),
        "12345678".into(),
        "a &amp; b".into(),
        "00000naa a22000007  4500".into(),
        "00000naa a22000007  4501".into(),
        "      s2099    xx            000 0 ara d".into(),
        "\t".into(),
        "ab".into(),
        "A".into(),
    ]
}

struct Mutant {
    what: String,
    doc: Doc,
}

fn mutate(doc: &Doc, rng: &mut Rng, kind: &str) -> Option<Mutant> {
    let all = paths(doc);
    let non_root: Vec<Vec<usize>> = all.iter().filter(|p| !p.is_empty()).cloned().collect();
    let mut d = doc.clone();
    let name_of = |p: &[usize]| {
        get(&doc.root, p)
            .map(|e| e.name.clone())
            .unwrap_or_default()
    };
    let what = match kind {
        "delete" => {
            let p = rng.pick(&non_root)?.clone();
            let (last, parent) = p.split_last()?;
            at(&mut d.root, parent)?.children.remove(*last);
            format!("deleted <{}> at {p:?}", name_of(&p))
        }
        "duplicate" => {
            let p = rng.pick(&non_root)?.clone();
            let (last, parent) = p.split_last()?;
            let e = at(&mut d.root, parent)?;
            let copy = e.children[*last].clone();
            e.children.insert(*last + 1, copy);
            format!("duplicated <{}> at {p:?}", name_of(&p))
        }
        "swap" => {
            let p = rng.pick(&non_root)?.clone();
            let (last, parent) = p.split_last()?;
            let e = at(&mut d.root, parent)?;
            let prev = e.children[..*last]
                .iter()
                .rposition(|c| matches!(c, Node::Elem(_)))?;
            e.children.swap(prev, *last);
            format!(
                "swapped <{}> at {p:?} with its previous sibling",
                name_of(&p)
            )
        }
        "move" | "copy" => {
            let p = rng.pick(&non_root)?.clone();
            let target = rng.pick(&all)?.clone();
            if target.starts_with(&p) {
                return None;
            }
            let node = get(&doc.root, &p).cloned()?;
            let (last, parent) = p.split_last()?;
            if kind == "move" {
                at(&mut d.root, parent)?.children.remove(*last);
            }
            // The target path may have shifted after a removal; re-find it by position.
            let t = at(&mut d.root, &target).or(None)?;
            let pos = rng.below(t.children.len() + 1);
            t.children.insert(pos, Node::Elem(node));
            format!("{kind} <{}> from {p:?} into {target:?}", name_of(&p))
        }
        "rename" => {
            let p = rng.pick(&non_root)?.clone();
            let names: BTreeSet<String> = all.iter().map(|q| name_of(q)).collect();
            let names: Vec<String> = names.into_iter().collect();
            let e = at(&mut d.root, &p)?;
            let new = if rng.below(4) == 0 {
                format!("{}-x", e.name)
            } else {
                rng.pick(&names)?.clone()
            };
            let old = std::mem::replace(&mut e.name, new.clone());
            format!("renamed <{old}> at {p:?} to <{new}>")
        }
        "prefix" => {
            let p = rng.pick(&non_root)?.clone();
            let e = at(&mut d.root, &p)?;
            let old = e.name.clone();
            e.name = match old.split_once(':') {
                Some((_, local)) => local.to_string(),
                None => format!("jats:{old}"),
            };
            format!("<{old}> at {p:?} became <{}>", e.name)
        }
        "attr-value" => {
            let with: Vec<&Vec<usize>> = all
                .iter()
                .filter(|p| {
                    get(&doc.root, p)
                        .is_some_and(|e| e.attrs.iter().any(|(k, _)| !k.starts_with("xmlns")))
                })
                .collect();
            let p = (*rng.pick(&with)?).clone();
            let e = at(&mut d.root, &p)?;
            let idx: Vec<usize> = (0..e.attrs.len())
                .filter(|&i| !e.attrs[i].0.starts_with("xmlns"))
                .collect();
            let i = *rng.pick(&idx)?;
            let v = (*rng.pick(ATTRIBUTE_VALUES)?).to_string();
            e.attrs[i].1 = escape(&v);
            format!("{}=\"{v}\" on <{}>", e.attrs[i].0, e.name)
        }
        "attr-remove" => {
            let with: Vec<&Vec<usize>> = all
                .iter()
                .filter(|p| get(&doc.root, p).is_some_and(|e| !e.attrs.is_empty()))
                .collect();
            let p = (*rng.pick(&with)?).clone();
            let e = at(&mut d.root, &p)?;
            let i = rng.below(e.attrs.len());
            let (k, _) = e.attrs.remove(i);
            format!("removed {k} from <{}>", e.name)
        }
        "attr-add" => {
            let p = rng.pick(&all)?.clone();
            let e = at(&mut d.root, &p)?;
            let k = (*rng.pick(ATTRIBUTE_NAMES)?).to_string();
            if e.attrs.iter().any(|(n, _)| *n == k) {
                return None;
            }
            let v = (*rng.pick(ATTRIBUTE_VALUES)?).to_string();
            e.attrs.push((k.clone(), escape(&v)));
            format!("added {k}=\"{v}\" to <{}>", e.name)
        }
        "text" => {
            let leaves: Vec<&Vec<usize>> = all
                .iter()
                .filter(|p| get(&doc.root, p).and_then(leaf_text).is_some())
                .collect();
            let p = (*rng.pick(&leaves)?).clone();
            let e = at(&mut d.root, &p)?;
            let old = leaf_text(e)?;
            let variants = text_variants(&old);
            let new = rng.pick(&variants)?.clone();
            e.children = if new.is_empty() {
                Vec::new()
            } else {
                vec![Node::Text(if new.contains("&amp;") {
                    new.clone()
                } else {
                    escape(&new)
                })]
            };
            let shown: String = new.chars().take(40).collect();
            format!("text of <{}> at {p:?} became {shown:?}", e.name)
        }
        "char" => {
            // One character of a leaf's text replaced (fixed-length MARC fields, codes).
            let leaves: Vec<&Vec<usize>> = all
                .iter()
                .filter(|p| {
                    get(&doc.root, p)
                        .and_then(leaf_text)
                        .is_some_and(|t| !t.is_empty() && !t.contains('&'))
                })
                .collect();
            let p = (*rng.pick(&leaves)?).clone();
            let e = at(&mut d.root, &p)?;
            let mut chars: Vec<char> = leaf_text(e)?.chars().collect();
            let i = rng.below(chars.len());
            let c = *rng.pick(&[' ', 'a', 'Z', '9', '#', '|', 'é', '٣', '-', '?', '\t'])?;
            chars[i] = c;
            let new: String = chars.into_iter().collect();
            e.children = vec![Node::Text(escape(&new))];
            format!("character {i} of <{}> at {p:?} became {c:?}", e.name)
        }
        "stray-text" => {
            let p = rng.pick(&all)?.clone();
            let e = at(&mut d.root, &p)?;
            let t = *rng.pick(&["stray", " \n\t ", "<![CDATA[ ]]>", "<![CDATA[x]]>", "&#32;"])?;
            let pos = rng.below(e.children.len() + 1);
            let node = if t.starts_with("<!") {
                Node::Raw(t.to_string())
            } else {
                Node::Text(t.to_string())
            };
            e.children.insert(pos, node);
            format!("{t:?} into <{}> at {p:?}", e.name)
        }
        "wrap" => {
            let leaves: Vec<&Vec<usize>> = all
                .iter()
                .filter(|p| {
                    get(&doc.root, p)
                        .and_then(leaf_text)
                        .is_some_and(|t| !t.is_empty())
                })
                .collect();
            let p = (*rng.pick(&leaves)?).clone();
            let e = at(&mut d.root, &p)?;
            let w = *rng.pick(&["b", "i", "sup", "jats:italic", "foo"])?;
            let inner = std::mem::take(&mut e.children);
            e.children.push(Node::Elem(Elem {
                name: w.to_string(),
                attrs: Vec::new(),
                children: inner,
            }));
            format!("text of <{}> at {p:?} wrapped in <{w}>", e.name)
        }
        "nil" => {
            let p = rng.pick(&non_root)?.clone();
            let e = at(&mut d.root, &p)?;
            e.attrs.push(("xsi:nil".into(), "true".into()));
            if rng.below(2) == 0 {
                e.children.clear();
            }
            format!("xsi:nil on <{}>", e.name)
        }
        "comment" => {
            let p = rng.pick(&all)?.clone();
            let e = at(&mut d.root, &p)?;
            let pos = rng.below(e.children.len() + 1);
            let raw = *rng.pick(&["<!-- note -->", "<?pi data?>"])?;
            e.children.insert(pos, Node::Raw(raw.to_string()));
            format!("{raw} into <{}>", e.name)
        }
        _ => return None,
    };
    Some(Mutant { what, doc: d })
}

const KINDS: &[&str] = &[
    "delete",
    "duplicate",
    "swap",
    "move",
    "copy",
    "rename",
    "prefix",
    "attr-value",
    "attr-remove",
    "attr-add",
    "text",
    "text",
    "char",
    "char",
    "stray-text",
    "wrap",
    "nil",
    "comment",
];

// ----------------------------------------------------------------------------------------
// Base documents
// ----------------------------------------------------------------------------------------

/// Every golden case's document, read as the golden test reads it.
fn golden_documents() -> Vec<(String, Document)> {
    let mut out = Vec::new();
    for case in common::golden_cases() {
        let name = case.file_name().unwrap().to_string_lossy().into_owned();
        let input = std::fs::read(case.join("input.txt")).unwrap();
        let meta = std::fs::read_to_string(case.join("meta.toml"))
            .ok()
            .map(|t| parse_metadata(&t, "meta.toml").unwrap());
        let doc = convert::read_document(&input, "input.txt", meta.as_ref()).unwrap();
        out.push((name, doc));
    }
    out
}

/// The facts Crossref requires, filled in where a case lacks them (test data only).
fn with_deposit_facts(mut doc: Document, n: usize) -> Document {
    let p = &mut doc.front.publication;
    p.doi
        .get_or_insert_with(|| format!("10.5555/papermeta.differential.{n}").into());
    p.url
        .get_or_insert_with(|| format!("https://example.org/papermeta/differential/{n}"));
    p.depositor.get_or_insert(Depositor {
        name: "papermeta differential test".into(),
        email: "test@example.org".into(),
    });
    p.registrant.get_or_insert("papermeta test".into());
    p.published.get_or_insert(PartialDate {
        year: 2099,
        month: Some(2),
        day: None,
    });
    let j = p.journal.get_or_insert_with(Journal::default);
    if j.titles.is_empty() {
        j.titles.push(LocalizedText {
            lang: "en".into(),
            text: "Journal of Tests".into(),
            source: None,
        });
    }
    doc
}

fn base_documents(format: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let file = if format == "crossref" {
        "output.crossref.xml"
    } else {
        "output.marc.xml"
    };
    for case in common::golden_cases() {
        if let Ok(text) = std::fs::read_to_string(case.join(file)) {
            let name = case.file_name().unwrap().to_string_lossy().into_owned();
            out.push((format!("golden-{name}"), text));
        }
    }
    let prefix = if format == "crossref" {
        "crossref-"
    } else {
        "marc-"
    };
    let mut hand: Vec<PathBuf> = std::fs::read_dir(common::root().join("tests/xsd_corpus"))
        .map(|d| d.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    hand.sort();
    for f in hand {
        let name = f.file_name().unwrap().to_string_lossy().into_owned();
        if name.starts_with(prefix) && name.ends_with(".xml") {
            let text = std::fs::read_to_string(&f).unwrap();
            out.push((format!("corpus-{}", name.trim_end_matches(".xml")), text));
        }
    }
    if format == "crossref" {
        for (i, (name, doc)) in golden_documents().into_iter().enumerate() {
            let doc = with_deposit_facts(doc, i);
            let e = write_crossref(
                &doc,
                &CrossrefOptions {
                    timestamp: Some(20990101000000),
                },
            )
            .unwrap_or_else(|e| panic!("{name}: {e}"));
            out.push((
                format!("filled-{name}"),
                String::from_utf8(e.bytes).unwrap(),
            ));
        }
    } else {
        for (name, doc) in golden_documents() {
            let e = write_marcxml(&doc).unwrap();
            let text = String::from_utf8(e.bytes).unwrap();
            if !out.iter().any(|(_, t)| *t == text) {
                out.push((format!("written-{name}"), text));
            }
        }
    }
    out
}

// ----------------------------------------------------------------------------------------
// Verdicts
// ----------------------------------------------------------------------------------------

struct Case {
    name: String,
    what: String,
    text: String,
}

fn corpus(format: &str) -> Vec<Case> {
    let mut cases = Vec::new();
    let mut seen = BTreeSet::new();
    for (bi, (base, text)) in base_documents(format).into_iter().enumerate() {
        if seen.insert(text.clone()) {
            cases.push(Case {
                name: format!("{format}-{base}.xml"),
                what: format!("{base}: as written"),
                text: text.clone(),
            });
        }
        let doc = parse_doc(&text);
        let mut rng = Rng(0x5eed_0000 + bi as u64);
        for kind in KINDS {
            for _ in 0..PER_KIND {
                let Some(m) = mutate(&doc, &mut rng, kind) else {
                    continue;
                };
                let t = write_doc(&m.doc);
                if seen.insert(t.clone()) {
                    let n = cases.len();
                    cases.push(Case {
                        name: format!("{format}-{base}-{n:04}-{kind}.xml"),
                        what: format!("{base}: {}", m.what),
                        text: t,
                    });
                }
            }
        }
    }
    cases
}

fn vendor() -> PathBuf {
    common::root().join("../shared/vendor")
}

/// xmllint's verdict per file name: `Ok` or the first message about the file.
fn xmllint(
    schema: &Path,
    catalog: Option<&Path>,
    dir: &Path,
    cases: &[Case],
) -> BTreeMap<String, Result<(), String>> {
    let mut verdicts = BTreeMap::new();
    for chunk in cases.chunks(150) {
        let mut cmd = Command::new("xmllint");
        if let Some(c) = catalog {
            cmd.env("XML_CATALOG_FILES", c);
        }
        let out = cmd
            .args(["--noout", "--nonet", "--schema"])
            .arg(schema)
            .args(chunk.iter().map(|c| dir.join(&c.name)))
            .output()
            .expect("xmllint runs");
        let stderr = String::from_utf8_lossy(&out.stderr);
        for c in chunk {
            let path = dir.join(&c.name).display().to_string();
            let ok = stderr.lines().any(|l| l == format!("{path} validates"));
            let first = stderr
                .lines()
                .find(|l| l.starts_with(&format!("{path}:")))
                .unwrap_or("fails to validate")
                .replace(&format!("{path}:"), "");
            verdicts.insert(c.name.clone(), if ok { Ok(()) } else { Err(first) });
        }
    }
    verdicts
}

fn engine(schema: &Schema, text: &str) -> Result<(), String> {
    let diags = schema.validate(text.as_bytes());
    match diags.first() {
        None => Ok(()),
        Some(d) => Err(format!(
            "{}:{}: [{}] {}",
            d.line.unwrap_or(0),
            d.column.unwrap_or(0),
            d.code,
            d.message
        )),
    }
}

fn ready() -> bool {
    if !vendor()
        .join("crossref/schemas/crossref5.3.1.xsd")
        .is_file()
        || !vendor().join("marc21/MARC21slim.xsd").is_file()
    {
        common::skip("../shared/vendor (the official Crossref and MARC schemas) is absent");
        return false;
    }
    if Command::new("xmllint").arg("--version").output().is_err() {
        common::skip("xmllint is not installed (Debian: libxml2-utils)");
        return false;
    }
    true
}

fn differential(format: &str) {
    if !ready() {
        return;
    }
    let (xsd_path, catalog, schema) = match format {
        "crossref" => (
            vendor().join("crossref/schemas/crossref5.3.1.xsd"),
            Some(vendor().join("crossref/catalog.xml")),
            xsd::crossref_schema().expect("embedded Crossref schema compiles"),
        ),
        _ => (
            vendor().join("marc21/MARC21slim.xsd"),
            None,
            xsd::marc21_schema().expect("embedded MARC schema compiles"),
        ),
    };
    let cases = corpus(format);
    assert!(
        cases.len() >= MIN_DOCUMENTS,
        "{format}: only {} distinct documents",
        cases.len()
    );
    let dir = tempfile::Builder::new()
        .prefix(&format!("papermeta-xsd-differential-{format}-"))
        .tempdir()
        .unwrap();
    for c in &cases {
        std::fs::write(dir.path().join(&c.name), &c.text).unwrap();
    }
    let theirs = xmllint(&xsd_path, catalog.as_deref(), dir.path(), &cases);
    let mut disagreements = Vec::new();
    let (mut valid, mut invalid) = (0, 0);
    // XSD_DIFFERENTIAL_SHOW=N prints both reasons for every N-th document.
    let show: usize = std::env::var("XSD_DIFFERENTIAL_SHOW")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(0);
    for (i, c) in cases.iter().enumerate() {
        let t = &theirs[&c.name];
        let o = engine(schema, &c.text);
        if show > 0 && i % show == 0 {
            eprintln!(
                "{} ({})
  xmllint: {}
  engine:  {}",
                c.name,
                c.what,
                t.as_ref().err().map_or("valid", String::as_str),
                o.as_ref().err().map_or("valid", String::as_str)
            );
        }
        if t.is_ok() {
            valid += 1;
        } else {
            invalid += 1;
        }
        if t.is_ok() != o.is_ok() {
            disagreements.push(format!(
                "  {} ({})\n    xmllint: {}\n    engine:  {}",
                c.name,
                c.what,
                t.as_ref().err().map_or("valid", String::as_str),
                o.as_ref().err().map_or("valid", String::as_str),
            ));
        }
    }
    eprintln!(
        "{format}: {} documents ({valid} valid, {invalid} invalid per xmllint), {} disagreements",
        cases.len(),
        disagreements.len()
    );
    assert!(
        valid >= 50 && invalid >= 500,
        "{format}: the corpus is too one-sided ({valid} valid, {invalid} invalid)"
    );
    if !disagreements.is_empty() {
        let kept = dir.keep();
        panic!(
            "{} disagreements with xmllint (documents kept in {}):\n{}",
            disagreements.len(),
            kept.display(),
            disagreements.join("\n")
        );
    }
}

#[test]
fn crossref_verdicts_agree_with_xmllint() {
    differential("crossref");
}

#[test]
fn marcxml_verdicts_agree_with_xmllint() {
    differential("marc");
}

/// The embedded schemas are the vendored official files, byte for byte.
#[test]
fn embedded_schemas_are_the_official_files() {
    if !vendor().is_dir() {
        common::skip("../shared/vendor is absent");
        return;
    }
    for (bundle, dir) in [
        (&xsd::CROSSREF_5_3_1, vendor().join("crossref/schemas")),
        (&xsd::MARC21_SLIM, vendor().join("marc21")),
    ] {
        for (path, bytes) in bundle.files {
            let official = std::fs::read(dir.join(path)).unwrap_or_else(|e| panic!("{path}: {e}"));
            assert!(official == *bytes, "{path} differs from ../shared/vendor");
        }
    }
}
