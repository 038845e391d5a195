//! Differential check of the DTD engine against `xmllint --dtdvalid`, and of the project's
//! JATS subset DTD against the official NISO JATS 1.3 Journal Publishing DTD.
//!
//! Corpus: the golden JATS outputs (tests/golden/*/*.jats.xml), the hand-written articles in
//! tests/dtd_corpus/, and mutations of each generated here (elements deleted, moved,
//! duplicated, renamed; unknown elements and attributes; bad enumerated values; duplicate
//! IDs and dangling IDREFs; text where only elements are allowed; ...). Mutated files go to
//! a temporary directory, kept (and named) only when a check fails.
//!
//! Checks, each over the whole corpus:
//! 1. the engine with the official DTD (through its catalog) agrees with xmllint on valid
//!    or invalid;
//! 2. the engine with the project DTD agrees with xmllint on the project DTD;
//! 3. whatever the project DTD accepts (per xmllint), the official DTD accepts too;
//! 4. schemas/jats/check_subset.py proves the same declaration by declaration (when python3
//!    with lxml is present).
//!
//! Needs ../shared/vendor/jats-1.3 and xmllint; skips with a message when either is absent.

mod common;

use std::collections::{BTreeMap, HashMap};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

use papermeta::model::Severity;
use papermeta::validate::dtd::{Dtd, DtdOptions};
use quick_xml::events::Event;
use quick_xml::Reader;

/// Fewest documents the corpus must hold.
const MIN_CORPUS: usize = 200;
/// Mutations kept per kind and base document (evenly spread over the candidates).
const PER_KIND: usize = 3;

fn manifest_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn jats_vendor_dir() -> PathBuf {
    manifest_dir().join("../shared/vendor/jats-1.3")
}

fn official_dtd_path() -> PathBuf {
    jats_vendor_dir().join("publishing/JATS-journalpublishing1-3.dtd")
}

fn catalog_path() -> PathBuf {
    jats_vendor_dir().join("catalog.xml")
}

fn project_dtd_path() -> PathBuf {
    manifest_dir().join("schemas/jats/papermeta-jats1-3.dtd")
}

/// Why the differential cannot run here, if it cannot.
fn missing_prerequisite() -> Option<String> {
    if !official_dtd_path().is_file() || !catalog_path().is_file() {
        return Some(format!(
            "the official JATS 1.3 DTD is absent ({}): ../shared is not laid out beside the crate",
            official_dtd_path().display()
        ));
    }
    match Command::new("xmllint").arg("--version").output() {
        Ok(out) if out.status.success() || !out.stderr.is_empty() => None,
        _ => Some("xmllint is not installed (Debian: libxml2-utils)".to_string()),
    }
}

macro_rules! skip_unless_ready {
    () => {
        if let Some(why) = missing_prerequisite() {
            common::skip(&format!("dtd_differential: {why}"));
            return;
        }
    };
}

// ----------------------------------------------------------------------------------------
// A small DOM that keeps text, attribute values, comments and the prolog byte for byte.
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
    /// Attribute names and values as written (escaped).
    attrs: Vec<(String, String)>,
    children: Vec<Node>,
}

#[derive(Debug, Clone)]
struct Doc {
    /// Everything before the root element (XML declaration, DOCTYPE, comments).
    prolog: String,
    root: Elem,
    /// Everything after the root element.
    epilog: String,
}

fn parse_doc(text: &str) -> Result<Doc, String> {
    let mut reader = Reader::from_str(text);
    let mut stack: Vec<Elem> = Vec::new();
    let mut root: Option<Elem> = None;
    let mut prolog_end = None;
    let mut epilog_start = None;
    let open = |e: &quick_xml::events::BytesStart| -> Result<Elem, String> {
        let name = String::from_utf8_lossy(e.name().as_ref()).into_owned();
        let mut attrs = Vec::new();
        for a in e.attributes() {
            let a = a.map_err(|e| e.to_string())?;
            attrs.push((
                String::from_utf8_lossy(a.key.as_ref()).into_owned(),
                String::from_utf8_lossy(&a.value).into_owned(),
            ));
        }
        Ok(Elem {
            name,
            attrs,
            children: Vec::new(),
        })
    };
    loop {
        let pos = reader.buffer_position() as usize;
        let event = reader.read_event().map_err(|e| e.to_string())?;
        let raw = |s: String, stack: &mut Vec<Elem>| {
            if let Some(top) = stack.last_mut() {
                top.children.push(Node::Raw(s));
            }
        };
        match event {
            Event::Eof => break,
            Event::Start(e) => {
                if stack.is_empty() && root.is_none() {
                    prolog_end.get_or_insert(pos);
                }
                stack.push(open(&e)?);
            }
            Event::Empty(e) => {
                if stack.is_empty() && root.is_none() {
                    prolog_end.get_or_insert(pos);
                }
                let el = open(&e)?;
                match stack.last_mut() {
                    Some(top) => top.children.push(Node::Elem(el)),
                    None => {
                        root = Some(el);
                        epilog_start = Some(reader.buffer_position() as usize);
                    }
                }
            }
            Event::End(_) => {
                let el = stack.pop().ok_or("unbalanced end tag")?;
                match stack.last_mut() {
                    Some(top) => top.children.push(Node::Elem(el)),
                    None => {
                        root = Some(el);
                        epilog_start = Some(reader.buffer_position() as usize);
                    }
                }
            }
            Event::Text(t) => {
                if let Some(top) = stack.last_mut() {
                    top.children
                        .push(Node::Text(String::from_utf8_lossy(&t).into_owned()));
                }
            }
            Event::CData(c) => raw(
                format!("<![CDATA[{}]]>", String::from_utf8_lossy(&c)),
                &mut stack,
            ),
            Event::Comment(c) => raw(
                format!("<!--{}-->", String::from_utf8_lossy(&c)),
                &mut stack,
            ),
            Event::PI(p) => raw(format!("<?{}?>", String::from_utf8_lossy(&p)), &mut stack),
            Event::Decl(_) | Event::DocType(_) => {}
        }
    }
    let root = root.ok_or("no root element")?;
    let prolog = text
        .get(..prolog_end.unwrap_or(0))
        .unwrap_or("")
        .to_string();
    let epilog = text
        .get(epilog_start.unwrap_or(text.len())..)
        .unwrap_or("")
        .to_string();
    Ok(Doc {
        prolog,
        root,
        epilog,
    })
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
    out.push_str(&doc.epilog);
    out
}

/// Paths (child indices from the root) of every element, in document order, with names.
fn element_paths(doc: &Doc) -> Vec<(Vec<usize>, String)> {
    fn walk(el: &Elem, path: &mut Vec<usize>, out: &mut Vec<(Vec<usize>, String)>) {
        out.push((path.clone(), el.name.clone()));
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

fn elem_at<'a>(root: &'a mut Elem, path: &[usize]) -> Option<&'a mut Elem> {
    let mut cur = root;
    for &i in path {
        cur = match cur.children.get_mut(i)? {
            Node::Elem(e) => e,
            _ => return None,
        };
    }
    Some(cur)
}

fn get_elem<'a>(root: &'a Elem, path: &[usize]) -> Option<&'a Elem> {
    let mut cur = root;
    for &i in path {
        cur = match cur.children.get(i)? {
            Node::Elem(e) => e,
            _ => return None,
        };
    }
    Some(cur)
}

// ----------------------------------------------------------------------------------------
// Mutations
// ----------------------------------------------------------------------------------------

/// One generated document.
#[derive(Debug, Clone)]
struct Case {
    /// File name in the work directory.
    name: String,
    /// Where it came from and what was changed.
    what: String,
    text: String,
}

/// Elements whose deletion often breaks a required part of a model.
const REQUIRED_CHILDREN: &[&str] = &[
    "front",
    "journal-meta",
    "journal-id",
    "issn",
    "article-meta",
    "title-group",
    "article-title",
    "year",
    "trans-title",
    "title",
    "p",
    "kwd",
    "contrib",
    "name",
    "surname",
    "publisher-name",
    "list-item",
    "mixed-citation",
    "element-citation",
    "fn",
    "subject",
    "license-p",
];

/// Element-only contexts (in the official DTD or the project DTD) to put stray text into.
const ELEMENT_ONLY: &[&str] = &[
    "article",
    "front",
    "journal-meta",
    "article-meta",
    "title-group",
    "contrib-group",
    "contrib",
    "name",
    "pub-date",
    "sec",
    "list",
    "list-item",
    "ref-list",
    "ref",
    "fn",
    "fn-group",
    "back",
    "body",
    "abstract",
    "kwd-group",
    "person-group",
    "element-citation",
    "permissions",
    "license",
    "publisher",
    "article-categories",
    "subj-group",
    "institution-wrap",
    "name-alternatives",
    "disp-quote",
    "citation-alternatives",
];

/// PCDATA-only elements that get a child element.
const TEXT_ONLY: &[&str] = &[
    "journal-id",
    "issn",
    "year",
    "fpage",
    "surname",
    "article-id",
    "pub-id",
    "volume",
    "city",
];

/// (attribute, bad value) pairs for enumerated attributes; and free-text ones that stay valid.
const ATTRIBUTE_VALUES: &[(&str, &str)] = &[
    ("ref-type", "footnote"),
    ("ref-type", "table"),
    ("pub-id-type", "DOI"),
    ("person-group-type", "authors"),
    ("name-style", "arabic"),
    ("corresp", "true"),
    ("equal-contrib", "1"),
    ("fn-type", "note"),
    ("dtd-version", "1.4"),
    ("authenticated", "yes"),
    ("xml:lang", "not a token"),
    ("contrib-type", "any free text"),
    ("publication-type", "any-free-text"),
    ("list-type", "roman-upper"),
];

/// Keeps at most `PER_KIND` candidates, spread over the list.
fn spread<T: Clone>(items: &[T]) -> Vec<T> {
    if items.len() <= PER_KIND {
        return items.to_vec();
    }
    (0..PER_KIND)
        .filter_map(|k| items.get(k * (items.len() - 1) / (PER_KIND - 1)).cloned())
        .collect()
}

fn mutations(base: &str, doc: &Doc) -> Vec<Case> {
    let paths = element_paths(doc);
    let mut cases = Vec::new();
    let mut push = |kind: &str, detail: String, d: Doc| {
        let n = cases.len();
        cases.push(Case {
            name: format!("{base}.m{n:03}-{kind}.xml"),
            what: format!("{base}: {kind}: {detail}"),
            text: write_doc(&d),
        });
    };
    let non_root: Vec<&(Vec<usize>, String)> =
        paths.iter().filter(|(p, _)| !p.is_empty()).collect();

    // Required children deleted (first occurrence of each listed name).
    for name in REQUIRED_CHILDREN {
        if let Some((path, _)) = non_root.iter().find(|(_, n)| n == name) {
            let mut d = doc.clone();
            let (last, parent) = path.split_last().unwrap();
            if let Some(p) = elem_at(&mut d.root, parent) {
                p.children.remove(*last);
                push("delete", format!("<{name}> at {path:?}"), d);
            }
        }
    }

    // Elements moved: swapped with their previous element sibling.
    let swappable: Vec<_> = non_root
        .iter()
        .filter_map(|(path, name)| {
            let (last, parent) = path.split_last()?;
            let p = get_elem(&doc.root, parent)?;
            let prev = p.children[..*last]
                .iter()
                .rposition(|c| matches!(c, Node::Elem(e) if e.name != *name))?;
            Some((parent.to_vec(), prev, *last, name.clone()))
        })
        .collect();
    for (parent, a, b, name) in spread(&swappable) {
        let mut d = doc.clone();
        if let Some(p) = elem_at(&mut d.root, &parent) {
            p.children.swap(a, b);
            push(
                "swap",
                format!("<{name}> with its previous sibling in {parent:?}"),
                d,
            );
        }
    }

    // Elements moved to the wrong parent: made the first child of the root's first child
    // (front), or appended to the root.
    for (path, name) in spread(
        &non_root
            .iter()
            .filter(|(p, _)| p.len() >= 3)
            .cloned()
            .collect::<Vec<_>>(),
    ) {
        let mut d = doc.clone();
        let (last, parent) = path.split_last().unwrap();
        let moved = elem_at(&mut d.root, parent).map(|p| p.children.remove(*last));
        if let Some(node) = moved {
            d.root.children.push(node);
            push(
                "move",
                format!("<{name}> from {path:?} to the end of the root"),
                d,
            );
        }
    }

    // Elements duplicated in place.
    for (path, name) in spread(
        &non_root
            .iter()
            .filter(|(_, n)| {
                matches!(
                    n.as_str(),
                    "front"
                        | "title-group"
                        | "article-meta"
                        | "journal-meta"
                        | "article-title"
                        | "title"
                        | "fpage"
                        | "volume"
                        | "label"
                        | "permissions"
                        | "body"
                        | "back"
                )
            })
            .cloned()
            .collect::<Vec<_>>(),
    ) {
        let mut d = doc.clone();
        let (last, parent) = path.split_last().unwrap();
        if let Some(p) = elem_at(&mut d.root, parent) {
            let copy = p.children[*last].clone();
            p.children.insert(*last + 1, copy);
            push("duplicate", format!("<{name}> at {path:?}"), d);
        }
    }

    // Unknown elements: inserted, or an existing element renamed.
    for (path, name) in spread(&paths) {
        let mut d = doc.clone();
        if let Some(e) = elem_at(&mut d.root, &path) {
            e.children.insert(
                0,
                Node::Elem(Elem {
                    name: "made-up".into(),
                    attrs: vec![],
                    children: vec![],
                }),
            );
            push("unknown-element", format!("<made-up/> into <{name}>"), d);
        }
    }
    for (path, name) in spread(&non_root) {
        let mut d = doc.clone();
        if let Some(e) = elem_at(&mut d.root, path) {
            e.name = format!("{name}-x");
            push("rename", format!("<{name}> to <{name}-x>"), d);
        }
    }

    // Unknown attributes.
    for (path, name) in spread(&paths) {
        let mut d = doc.clone();
        if let Some(e) = elem_at(&mut d.root, &path) {
            e.attrs.push(("data-extra".into(), "1".into()));
            push("unknown-attribute", format!("data-extra on <{name}>"), d);
        }
    }
    // A declared attribute moved to an element that does not declare it.
    for (path, name) in spread(
        &non_root
            .iter()
            .filter(|(_, n)| matches!(n.as_str(), "journal-id" | "p" | "surname" | "kwd" | "sec"))
            .cloned()
            .collect::<Vec<_>>(),
    ) {
        let mut d = doc.clone();
        if let Some(e) = elem_at(&mut d.root, path) {
            e.attrs.push(("person-group-type".into(), "author".into()));
            push(
                "misplaced-attribute",
                format!("person-group-type on <{name}>"),
                d,
            );
        }
    }

    // Enumerated (and free-text) attribute values.
    for (attr, value) in ATTRIBUTE_VALUES {
        let hits: Vec<_> = paths
            .iter()
            .filter(|(p, _)| {
                get_elem(&doc.root, p).is_some_and(|e| e.attrs.iter().any(|(k, _)| k == attr))
            })
            .cloned()
            .collect();
        if let Some((path, name)) = hits.first() {
            let mut d = doc.clone();
            if let Some(e) = elem_at(&mut d.root, path) {
                for (k, v) in &mut e.attrs {
                    if k == attr {
                        *v = (*value).to_string();
                    }
                }
                push(
                    "attribute-value",
                    format!("{attr}=\"{value}\" on <{name}>"),
                    d,
                );
            }
        }
    }

    // Required attributes removed (pub-id-type, rid, xlink:href, dtd-version).
    for attr in ["pub-id-type", "rid", "xlink:href", "dtd-version"] {
        if let Some((path, name)) = paths.iter().find(|(p, _)| {
            get_elem(&doc.root, p).is_some_and(|e| e.attrs.iter().any(|(k, _)| k == attr))
        }) {
            let mut d = doc.clone();
            if let Some(e) = elem_at(&mut d.root, path) {
                e.attrs.retain(|(k, _)| k != attr);
                push("attribute-removed", format!("{attr} from <{name}>"), d);
            }
        }
    }

    // Duplicate IDs: the second id takes the first one's value.
    let ids: Vec<(Vec<usize>, String)> = paths
        .iter()
        .filter_map(|(p, _)| {
            let e = get_elem(&doc.root, p)?;
            let v = e.attrs.iter().find(|(k, _)| k == "id")?.1.clone();
            Some((p.clone(), v))
        })
        .collect();
    if let [(_, first), (second, _), ..] = ids.as_slice() {
        let mut d = doc.clone();
        if let Some(e) = elem_at(&mut d.root, second) {
            for (k, v) in &mut e.attrs {
                if k == "id" {
                    *v = first.clone();
                }
            }
            push("duplicate-id", format!("id=\"{first}\" twice"), d);
        }
    }
    // Dangling IDREF(S): a rid pointing nowhere, or one of several.
    let rids: Vec<_> = paths
        .iter()
        .filter(|(p, _)| {
            get_elem(&doc.root, p).is_some_and(|e| e.attrs.iter().any(|(k, _)| k == "rid"))
        })
        .cloned()
        .collect();
    for (i, (path, name)) in spread(&rids).into_iter().enumerate() {
        let mut d = doc.clone();
        if let Some(e) = elem_at(&mut d.root, &path) {
            for (k, v) in &mut e.attrs {
                if k == "rid" {
                    *v = if i % 2 == 0 {
                        "nowhere".into()
                    } else {
                        format!("{v} nowhere")
                    };
                }
            }
            push("dangling-idref", format!("rid on <{name}>"), d);
        }
    }
    // An id that is not a name.
    if let Some((path, _)) = ids.first() {
        let mut d = doc.clone();
        if let Some(e) = elem_at(&mut d.root, path) {
            for (k, v) in &mut e.attrs {
                if k == "id" {
                    *v = "1bad id".into();
                }
            }
            push("bad-id", "id=\"1bad id\"".into(), d);
        }
    }

    // Text where only elements are allowed; whitespace there (which stays valid).
    let element_only: Vec<_> = paths
        .iter()
        .filter(|(_, n)| ELEMENT_ONLY.contains(&n.as_str()))
        .cloned()
        .collect();
    for (path, name) in spread(&element_only) {
        let mut d = doc.clone();
        if let Some(e) = elem_at(&mut d.root, &path) {
            e.children.insert(0, Node::Text("stray text".into()));
            push("text-in-element-content", format!("into <{name}>"), d);
        }
    }
    for (path, name) in spread(&element_only).into_iter().take(1) {
        let mut d = doc.clone();
        if let Some(e) = elem_at(&mut d.root, &path) {
            e.children.insert(0, Node::Text("\n \t ".into()));
            push("whitespace-in-element-content", format!("into <{name}>"), d);
        }
    }
    // A child element where only text is allowed.
    let text_only: Vec<_> = paths
        .iter()
        .filter(|(_, n)| TEXT_ONLY.contains(&n.as_str()))
        .cloned()
        .collect();
    for (path, name) in spread(&text_only) {
        let mut d = doc.clone();
        if let Some(e) = elem_at(&mut d.root, &path) {
            let inner = std::mem::take(&mut e.children);
            e.children.push(Node::Elem(Elem {
                name: "bold".into(),
                attrs: vec![],
                children: inner,
            }));
            push(
                "element-in-text-content",
                format!("<bold> into <{name}>"),
                d,
            );
        }
    }
    // Text put into elements written empty (etal, break, ...).
    for (path, name) in spread(
        &paths
            .iter()
            .filter(|(p, _)| get_elem(&doc.root, p).is_some_and(|e| e.children.is_empty()))
            .cloned()
            .collect::<Vec<_>>(),
    ) {
        let mut d = doc.clone();
        if let Some(e) = elem_at(&mut d.root, &path) {
            e.children.push(Node::Text("x".into()));
            push("text-in-empty", format!("into <{name}>"), d);
        }
    }
    // Not well-formed: an end tag cut off.
    {
        let mut text = write_doc(doc);
        if let Some(pos) = text.rfind("</") {
            text.truncate(pos);
            let n = cases.len();
            cases.push(Case {
                name: format!("{base}.m{n:03}-truncated.xml"),
                what: format!("{base}: truncated: last end tag cut"),
                text,
            });
        }
    }
    cases
}

// ----------------------------------------------------------------------------------------
// Corpus and verdicts
// ----------------------------------------------------------------------------------------

struct Corpus {
    dir: tempfile::TempDir,
    cases: Vec<Case>,
    /// xmllint verdicts per DTD ("official", "project") and file name: Ok or first error.
    xmllint: HashMap<&'static str, BTreeMap<String, Result<(), String>>>,
}

fn base_documents() -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut add_dir = |dir: PathBuf, prefix: &str, suffix: &str| {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            return;
        };
        let mut files: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
        files.sort();
        for f in files {
            let name = f
                .file_name()
                .and_then(|n| n.to_str())
                .unwrap_or("")
                .to_string();
            if name.ends_with(suffix) {
                if let Ok(text) = std::fs::read_to_string(&f) {
                    out.push((format!("{prefix}{}", name.trim_end_matches(".xml")), text));
                }
            }
        }
    };
    add_dir(manifest_dir().join("tests/dtd_corpus"), "corpus-", ".xml");
    if let Ok(entries) = std::fs::read_dir(manifest_dir().join("tests/golden")) {
        let mut dirs: Vec<PathBuf> = entries
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.is_dir())
            .collect();
        dirs.sort();
        for d in dirs {
            let tag = d
                .file_name()
                .and_then(|n| n.to_str())
                .unwrap_or("g")
                .to_string();
            add_dir(d, &format!("golden-{tag}-"), ".jats.xml");
        }
    }
    out
}

fn build_corpus() -> Corpus {
    let dir = tempfile::Builder::new()
        .prefix("papermeta-dtd-differential-")
        .tempdir()
        .expect("temporary directory");
    let mut cases = Vec::new();
    for (base, text) in base_documents() {
        cases.push(Case {
            name: format!("{base}.xml"),
            what: format!("{base}: as written"),
            text: text.clone(),
        });
        match parse_doc(&text) {
            Ok(doc) => cases.extend(mutations(&base, &doc)),
            Err(e) => panic!("{base} does not parse for mutation: {e}"),
        }
    }
    for c in &cases {
        std::fs::write(dir.path().join(&c.name), &c.text).expect("write corpus file");
    }
    // xmllint re-reads the DTD for every file (~60 ms for the official one, ~5 ms for the
    // project's): the official runs go in two halves, beside the project run.
    let (half_a, half_b) = cases.split_at(cases.len() / 2);
    let (official, project) = std::thread::scope(|s| {
        let a = s.spawn(|| run_xmllint(&official_dtd_path(), dir.path(), half_a));
        let b = s.spawn(|| run_xmllint(&official_dtd_path(), dir.path(), half_b));
        let project = run_xmllint(&project_dtd_path(), dir.path(), &cases);
        let mut official = a.join().expect("xmllint thread");
        official.extend(b.join().expect("xmllint thread"));
        (official, project)
    });
    assert_eq!(official.len(), cases.len(), "file names are unique");
    let mut xmllint = HashMap::new();
    xmllint.insert("official", official);
    xmllint.insert("project", project);
    Corpus {
        dir,
        cases,
        xmllint,
    }
}

fn corpus() -> &'static Corpus {
    static CORPUS: OnceLock<Corpus> = OnceLock::new();
    CORPUS.get_or_init(build_corpus)
}

/// Runs `xmllint --noout --nonet --dtdvalid DTD` over all files in batches (one DTD parse per
/// batch) and reads each file's verdict from the messages that name it.
fn run_xmllint(dtd: &Path, dir: &Path, cases: &[Case]) -> BTreeMap<String, Result<(), String>> {
    let mut verdicts = BTreeMap::new();
    for chunk in cases.chunks(100) {
        let out = Command::new("xmllint")
            .env("XML_CATALOG_FILES", catalog_path())
            .arg("--noout")
            .arg("--nonet")
            .arg("--dtdvalid")
            .arg(dtd)
            .args(chunk.iter().map(|c| dir.join(&c.name)))
            .output()
            .expect("xmllint runs");
        let stderr = String::from_utf8_lossy(&out.stderr);
        for c in chunk {
            let path = dir.join(&c.name).display().to_string();
            let own = format!("{path}:");
            let fails = format!("Document {path} does not validate");
            let first = stderr
                .lines()
                .find(|l| l.starts_with(&fails) || (l.starts_with(&own) && l.contains("error")));
            verdicts.insert(
                c.name.clone(),
                first.map_or(Ok(()), |l| Err(l.replace(&own, ""))),
            );
        }
    }
    verdicts
}

fn engine_verdict(dtd: &Dtd, text: &str) -> Result<(), String> {
    let diags = dtd.validate(text.as_bytes());
    match diags.iter().find(|d| d.severity == Severity::Error) {
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

fn verdict_word(v: &Result<(), String>) -> &'static str {
    if v.is_ok() {
        "valid"
    } else {
        "invalid"
    }
}

/// Compares the engine with xmllint over the corpus; panics with every disagreement.
fn compare_engine(label: &'static str, dtd: &Dtd) {
    let corpus = corpus();
    assert!(
        corpus.cases.len() >= MIN_CORPUS,
        "corpus holds {} documents, fewer than {MIN_CORPUS}",
        corpus.cases.len()
    );
    let reference = &corpus.xmllint[label];
    let mut disagreements = Vec::new();
    let (mut valid, mut invalid) = (0, 0);
    for c in &corpus.cases {
        let theirs = &reference[&c.name];
        let ours = engine_verdict(dtd, &c.text);
        if theirs.is_ok() {
            valid += 1;
        } else {
            invalid += 1;
        }
        if theirs.is_ok() != ours.is_ok() {
            disagreements.push(format!(
                "  {} ({})\n    xmllint: {} {}\n    engine:  {} {}",
                c.name,
                c.what,
                verdict_word(theirs),
                theirs.as_ref().err().map_or("", String::as_str),
                verdict_word(&ours),
                ours.as_ref().err().map_or("", String::as_str),
            ));
        }
    }
    eprintln!(
        "{label} DTD: {} documents ({valid} valid, {invalid} invalid per xmllint), {} disagreements",
        corpus.cases.len(),
        disagreements.len()
    );
    if !disagreements.is_empty() {
        let kept = keep_dir(corpus);
        panic!(
            "the engine and xmllint disagree on {} of {} documents ({label} DTD); files kept in {}:\n{}",
            disagreements.len(),
            corpus.cases.len(),
            kept.display(),
            disagreements.join("\n")
        );
    }
}

/// Copies the corpus to a directory that outlives the test, for inspection.
fn keep_dir(corpus: &Corpus) -> PathBuf {
    let kept = std::env::temp_dir().join("papermeta-dtd-differential-failed");
    let _ = std::fs::create_dir_all(&kept);
    for c in &corpus.cases {
        let _ = std::fs::copy(corpus.dir.path().join(&c.name), kept.join(&c.name));
    }
    kept
}

// ----------------------------------------------------------------------------------------
// Tests
// ----------------------------------------------------------------------------------------

#[test]
fn engine_agrees_with_xmllint_on_the_official_dtd() {
    skip_unless_ready!();
    let options = DtdOptions {
        catalog: Some(catalog_path()),
        ..DtdOptions::default()
    };
    let dtd = Dtd::from_file(&official_dtd_path(), &options).expect("official DTD compiles");
    compare_engine("official", &dtd);
}

#[test]
fn engine_agrees_with_xmllint_on_the_project_dtd() {
    skip_unless_ready!();
    compare_engine("project", papermeta::validate::jats::builtin_dtd());
}

#[test]
fn project_dtd_accepts_nothing_the_official_dtd_rejects() {
    skip_unless_ready!();
    let corpus = corpus();
    let project = &corpus.xmllint["project"];
    let official = &corpus.xmllint["official"];
    let mut accepted = 0;
    let mut wider = Vec::new();
    for c in &corpus.cases {
        if project[&c.name].is_ok() {
            accepted += 1;
            if let Err(e) = &official[&c.name] {
                wider.push(format!("  {} ({}): official says {e}", c.name, c.what));
            }
        }
    }
    eprintln!(
        "project DTD accepts {accepted} of {} documents",
        corpus.cases.len()
    );
    // The corpus must exercise the property: the hand-written articles are valid.
    assert!(
        accepted >= 10,
        "only {accepted} documents valid against the project DTD"
    );
    assert!(
        wider.is_empty(),
        "the project DTD accepts documents the official DTD rejects:\n{}",
        wider.join("\n")
    );
}

#[test]
fn hand_written_articles_are_valid_jats() {
    skip_unless_ready!();
    let corpus = corpus();
    let official = &corpus.xmllint["official"];
    let bad: Vec<String> = corpus
        .cases
        .iter()
        .filter(|c| c.what.ends_with("as written"))
        .filter_map(|c| {
            official[&c.name]
                .as_ref()
                .err()
                .map(|e| format!("  {}: {e}", c.name))
        })
        .collect();
    assert!(
        bad.is_empty(),
        "hand-written or golden articles invalid:\n{}",
        bad.join("\n")
    );
    // Everything papermeta wrote, and every hand-written article meant for the subset, is
    // valid against the project DTD too: the DTD keeps up with the writer.
    let project = &corpus.xmllint["project"];
    let outside: Vec<String> = corpus
        .cases
        .iter()
        .filter(|c| c.what.ends_with("as written") && !c.name.contains("official-only"))
        .filter_map(|c| {
            project[&c.name]
                .as_ref()
                .err()
                .map(|e| format!("  {}: {e}", c.name))
        })
        .collect();
    assert!(
        outside.is_empty(),
        "articles outside the project DTD (declare what the writer emits in schemas/jats/):\n{}",
        outside.join("\n")
    );
}

#[test]
fn mutations_break_the_documents() {
    skip_unless_ready!();
    // Most mutations must make documents invalid, or the corpus tests little.
    let corpus = corpus();
    let official = &corpus.xmllint["official"];
    let mutated: Vec<&Case> = corpus
        .cases
        .iter()
        .filter(|c| !c.what.ends_with("as written"))
        .collect();
    let invalid = mutated
        .iter()
        .filter(|c| official[&c.name].is_err())
        .count();
    eprintln!("{invalid} of {} mutations are invalid JATS", mutated.len());
    assert!(
        invalid * 2 > mutated.len(),
        "{invalid} of {} mutations invalid",
        mutated.len()
    );
}

#[test]
fn project_dtd_declarations_are_a_subset_of_the_official_ones() {
    skip_unless_ready!();
    let script = manifest_dir().join("schemas/jats/check_subset.py");
    let probe = Command::new("python3").args(["-c", "import lxml"]).output();
    if !matches!(probe, Ok(ref o) if o.status.success()) {
        common::skip("subset proof: python3 with lxml is not installed");
        return;
    }
    let out = Command::new("python3")
        .arg(&script)
        .arg(official_dtd_path())
        .arg(project_dtd_path())
        .output()
        .expect("python3 runs");
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    eprintln!("{text}");
    assert!(
        out.status.success(),
        "check_subset.py found the project DTD wider:\n{text}"
    );
}

#[test]
fn dom_round_trip_keeps_documents_byte_for_byte_modulo_empty_tags() {
    // The mutation machinery must not itself change what it does not mean to change.
    let text = "<?xml version=\"1.0\"?>\n<!DOCTYPE a>\n<a x='say \"hi\"'>t&amp;u<!--c--><b/><![CDATA[<z>]]><?pi x?>\n<c k=\"v\">عربي</c></a>\n";
    let doc = parse_doc(text).unwrap();
    assert_eq!(write_doc(&doc), text);
    let muts = mutations("t", &doc);
    assert!(muts.iter().any(|m| m.what.contains("unknown-element")));
    assert!(
        muts.iter().all(|m| m.text != text),
        "a mutation changed nothing"
    );
}
