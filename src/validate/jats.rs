//! JATS XML validation.
//!
//! - [`validate_declared`] (`papermeta validate`): well-formedness, then validity against
//!   the DTD the file's DOCTYPE declares (a bundled official DTD, see
//!   [`official`](crate::validate::official), or one beside the file), or against `--dtd`.
//! - [`validate_jats`] / [`validate_jats_with`] (papermeta's own output, and
//!   `--profile papermeta` through [`check_papermeta_profile`]): the JATS 1.3 Journal
//!   Publishing DOCTYPE and validity against the project's JATS subset DTD
//!   (`schemas/jats/papermeta-jats1-3.dtd`, embedded), or a DTD loaded with [`load_dtd`].
//!
//! The project DTD is stricter than the official one, never looser: a document it accepts is
//! also valid JATS 1.3 (tests/dtd_differential.rs checks that against the official DTD).

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, LazyLock, Mutex};

use quick_xml::events::Event;
use quick_xml::Reader;

use crate::model::Diagnostic;
use crate::validate::dtd::{Dtd, DtdError, DtdOptions};
use crate::validate::{official, Report};

/// The public identifier of the JATS 1.3 Journal Publishing DTD (MathML 2 flavour), which a
/// papermeta JATS document must name in its DOCTYPE.
pub const PUBLIC_ID: &str = "-//NLM//DTD JATS (Z39.96) Journal Publishing DTD v1.3 20210610//EN";

/// The system identifier papermeta writes next to [`PUBLIC_ID`]. Only informative: it is
/// never fetched.
pub const SYSTEM_ID: &str = "https://jats.nlm.nih.gov/publishing/1.3/JATS-journalpublishing1-3.dtd";

/// The root element every JATS article has.
pub const ROOT_ELEMENT: &str = "article";

/// The text of the project's JATS subset DTD, embedded at build time.
pub const PROJECT_DTD: &str = include_str!("../../schemas/jats/papermeta-jats1-3.dtd");

/// The project DTD compiled once per process (or why it failed to compile).
static BUILTIN: LazyLock<Result<Dtd, DtdError>> =
    LazyLock::new(|| Dtd::from_str(PROJECT_DTD, None, &DtdOptions::default()));

/// The project's JATS subset DTD, compiled on first use and shared by the whole process.
///
/// # Panics
/// When the embedded DTD does not compile — a build defect that the unit tests of this
/// module catch; use [`try_builtin_dtd`] to get the error instead.
pub fn builtin_dtd() -> &'static Dtd {
    match try_builtin_dtd() {
        Ok(dtd) => dtd,
        Err(e) => panic!("the embedded project JATS DTD does not compile: {e}"),
    }
}

/// The project's JATS subset DTD, or the error that kept it from compiling.
pub fn try_builtin_dtd() -> Result<&'static Dtd, &'static DtdError> {
    BUILTIN.as_ref()
}

/// Loads a JATS DTD from a file (for `--jats-dtd PATH`), resolving public identifiers of
/// its modules through an OASIS XML catalog when one is given.
pub fn load_dtd(path: &Path, catalog: Option<&Path>) -> Result<Dtd, DtdError> {
    let options = DtdOptions {
        catalog: catalog.map(Path::to_path_buf),
        ..DtdOptions::default()
    };
    Dtd::from_file(path, &options)
}

/// Validates a JATS document against the project DTD: well-formedness, the JATS 1.3 DOCTYPE,
/// then DTD validity.
pub fn validate_jats(xml: &[u8]) -> Report {
    match try_builtin_dtd() {
        Ok(dtd) => validate_jats_with(xml, dtd),
        Err(e) => {
            // Still report what can be checked without a DTD.
            let mut report = Report {
                diagnostics: prolog_and_policy(xml).diagnostics,
            };
            report.diagnostics.push(Diagnostic::error(
                "jats-dtd-unavailable",
                format!("the embedded project JATS DTD does not compile: {e}"),
                None,
            ));
            report
        }
    }
}

/// Validates a JATS document against the given DTD: well-formedness, the JATS 1.3 DOCTYPE,
/// then DTD validity. DTD validation is skipped when the document is not well-formed (its
/// findings would only repeat the syntax error).
pub fn validate_jats_with(xml: &[u8], dtd: &Dtd) -> Report {
    let prolog = prolog_and_policy(xml);
    let mut diagnostics = prolog.diagnostics;
    if prolog.well_formed {
        diagnostics.extend(dtd.validate(xml));
    }
    Report { diagnostics }
}

/// DTDs that documents name by a relative system identifier found beside them (as xmllint
/// would load them), each compiled once per batch.
#[derive(Default)]
pub struct LocalDtds {
    cache: Mutex<HashMap<PathBuf, Arc<Result<Dtd, String>>>>,
}

impl LocalDtds {
    fn get(&self, path: &Path) -> Arc<Result<Dtd, String>> {
        let key = path.canonicalize().unwrap_or_else(|_| path.to_path_buf());
        if let Some(found) = self.cache.lock().ok().and_then(|c| c.get(&key).cloned()) {
            return found;
        }
        let compiled =
            Arc::new(Dtd::from_file(&key, &DtdOptions::default()).map_err(|e| e.to_string()));
        if let Ok(mut cache) = self.cache.lock() {
            cache.insert(key, Arc::clone(&compiled));
        }
        compiled
    }
}

/// An empty DTD: a document whose DOCTYPE has only an internal subset is validated against
/// that subset alone.
static EMPTY: LazyLock<Result<Dtd, DtdError>> =
    LazyLock::new(|| Dtd::from_str("", None, &DtdOptions::default()));

/// The names of the bundled DTDs, for messages.
fn bundled_names() -> String {
    official::BUNDLES
        .iter()
        .map(|b| b.name)
        .collect::<Vec<_>>()
        .join(", ")
}

/// Validates a JATS file as `xmllint --valid` would: well-formedness, then validity against
/// `given` when set (`--dtd`, whatever the DOCTYPE says), else against the DTD its DOCTYPE
/// declares: a bundled official DTD ([`official::resolve`]), or a DTD file its relative
/// system identifier names beside the document (`base_dir`). A file with no DOCTYPE, or one
/// naming a DTD papermeta does not have, gets an error saying so (codes `jats-no-doctype`,
/// `jats-dtd-unbundled`, `jats-dtd-unavailable`).
pub fn validate_declared(
    xml: &[u8],
    base_dir: Option<&Path>,
    given: Option<&Dtd>,
    local: &LocalDtds,
) -> Report {
    let prolog = check_prolog(xml);
    let mut diagnostics = prolog.diagnostics;
    if !prolog.well_formed {
        return Report { diagnostics };
    }
    if let Some(dtd) = given {
        diagnostics.extend(dtd.validate(xml));
        return Report { diagnostics };
    }
    let hint = "validate it with --dtd PATH (and --catalog CATALOG for its modules)";
    let Some((text, offset)) = &prolog.doctype else {
        diagnostics.push(at(
            xml,
            prolog.root_offset.unwrap_or(0),
            Diagnostic::error(
                "jats-no-doctype",
                format!("no DOCTYPE: the file names no DTD to be valid against; {hint}, or declare one of the bundled DTDs ({})", bundled_names()),
                None,
            ),
        ));
        return Report { diagnostics };
    };
    let Some(doctype) = parse_doctype(text) else {
        diagnostics.push(at(
            xml,
            *offset,
            Diagnostic::error(
                "jats-no-doctype",
                format!("malformed DOCTYPE declaration; {hint}"),
                None,
            ),
        ));
        return Report { diagnostics };
    };
    let unavailable = |name: &str, e: &dyn std::fmt::Display| {
        at(
            xml,
            *offset,
            Diagnostic::error(
                "jats-dtd-unavailable",
                format!("the DTD {name} does not compile: {e}"),
                None,
            ),
        )
    };
    if let Some(bundle) = official::resolve(doctype.public_id, doctype.system_id) {
        match bundle.dtd() {
            Ok(dtd) => diagnostics.extend(dtd.validate(xml)),
            Err(e) => diagnostics.push(unavailable(bundle.name, e)),
        }
        return Report { diagnostics };
    }
    let beside = doctype
        .system_id
        .filter(|s| !s.is_empty() && !has_uri_scheme(s))
        .zip(base_dir)
        .map(|(s, dir)| dir.join(s))
        .filter(|p| p.is_file());
    if let Some(path) = beside {
        match &*local.get(&path) {
            Ok(dtd) => diagnostics.extend(dtd.validate(xml)),
            Err(e) => diagnostics.push(unavailable(&path.display().to_string(), e)),
        }
        return Report { diagnostics };
    }
    if doctype.public_id.is_none() && doctype.system_id.is_none() && doctype.internal_subset {
        match &*EMPTY {
            Ok(dtd) => diagnostics.extend(dtd.validate(xml)),
            Err(e) => diagnostics.push(unavailable("(internal subset)", e)),
        }
        return Report { diagnostics };
    }
    let named = match (doctype.public_id, doctype.system_id) {
        (Some(p), Some(s)) => format!("\"{p}\" (\"{s}\")"),
        (Some(p), None) => format!("\"{p}\""),
        (None, Some(s)) => format!("\"{s}\""),
        (None, None) => "no DTD".to_string(),
    };
    diagnostics.push(at(
        xml,
        *offset,
        Diagnostic::error(
            "jats-dtd-unbundled",
            format!("the DOCTYPE names {named}, a DTD papermeta does not bundle (it bundles {}); {hint}", bundled_names()),
            None,
        ),
    ));
    Report { diagnostics }
}

/// `--profile papermeta` for JATS: what papermeta asks of its own output beyond the DTD a
/// file declares: the JATS 1.3 Publishing DOCTYPE and validity against the project's subset
/// DTD. Nothing is reported for a file that is not well-formed (its syntax error is).
pub fn check_papermeta_profile(xml: &[u8]) -> Report {
    let prolog = check_prolog(xml);
    if !prolog.well_formed {
        return Report::default();
    }
    let mut diagnostics = doctype_policy(xml, &prolog);
    match try_builtin_dtd() {
        Ok(dtd) => diagnostics.extend(dtd.validate(xml)),
        Err(e) => diagnostics.push(Diagnostic::error(
            "jats-dtd-unavailable",
            format!("the embedded project JATS DTD does not compile: {e}"),
            None,
        )),
    }
    Report { diagnostics }
}

/// Whether a system identifier is a URI with a scheme (`http:`), not a relative path.
fn has_uri_scheme(s: &str) -> bool {
    s.split_once(':').is_some_and(|(scheme, _)| {
        scheme.len() > 1
            && scheme.starts_with(|c: char| c.is_ascii_alphabetic())
            && scheme
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
    })
}

/// What the prolog scan found.
struct Prolog {
    /// No syntax error was found.
    well_formed: bool,
    /// Syntax findings.
    diagnostics: Vec<Diagnostic>,
    /// The DOCTYPE declaration's content and byte offset, when there is one.
    doctype: Option<(String, u64)>,
    /// Byte offset of the root element's start tag.
    root_offset: Option<u64>,
}

/// A DOCTYPE declaration split into its parts.
#[derive(Debug, PartialEq, Eq)]
struct Doctype<'a> {
    /// The declared root element name.
    root: &'a str,
    /// The public identifier, when the external id is `PUBLIC`.
    public_id: Option<&'a str>,
    /// The system identifier, when present.
    system_id: Option<&'a str>,
    /// Whether an internal subset (`[...]`) follows.
    internal_subset: bool,
}

/// Splits the content of a DOCTYPE declaration (what follows `<!DOCTYPE`). `None` when it is
/// malformed.
fn parse_doctype(text: &str) -> Option<Doctype<'_>> {
    let rest = text.trim_start();
    let name_end = rest
        .find(|c: char| c.is_whitespace() || c == '[')
        .unwrap_or(rest.len());
    let (root, mut rest) = rest.split_at(name_end);
    if root.is_empty() {
        return None;
    }
    rest = rest.trim_start();
    let mut public_id = None;
    let mut system_id = None;
    if let Some(r) = rest.strip_prefix("PUBLIC") {
        let (p, r) = quoted(r)?;
        public_id = Some(p);
        rest = r;
        // The system literal is required after PUBLIC in a DOCTYPE (XML 1.0 [75]).
        let (s, r) = quoted(rest)?;
        system_id = Some(s);
        rest = r;
    } else if let Some(r) = rest.strip_prefix("SYSTEM") {
        let (s, r) = quoted(r)?;
        system_id = Some(s);
        rest = r;
    }
    let rest = rest.trim_start();
    let internal_subset = rest.starts_with('[');
    if !internal_subset && !rest.is_empty() {
        return None;
    }
    Some(Doctype {
        root,
        public_id,
        system_id,
        internal_subset,
    })
}

/// Reads one quoted literal after optional white space: the literal and what follows it.
fn quoted(text: &str) -> Option<(&str, &str)> {
    let text = text.trim_start();
    let quote = text.chars().next().filter(|c| *c == '"' || *c == '\'')?;
    let body = text.get(1..)?;
    let end = body.find(quote)?;
    Some((body.get(..end)?, body.get(end + 1..)?))
}

/// 1-based line and column (in characters) of a byte offset.
fn line_column(xml: &[u8], offset: usize) -> (usize, usize) {
    let offset = offset.min(xml.len());
    let before = xml.get(..offset).unwrap_or(xml);
    let line_start = before
        .iter()
        .rposition(|b| *b == b'\n')
        .map_or(0, |p| p + 1);
    let line = 1 + before.iter().filter(|b| **b == b'\n').count();
    let column = 1 + String::from_utf8_lossy(before.get(line_start..).unwrap_or(&[]))
        .chars()
        .count();
    (line, column)
}

/// A diagnostic at a byte offset of the document.
fn at(xml: &[u8], offset: u64, mut d: Diagnostic) -> Diagnostic {
    let (line, column) = line_column(xml, usize::try_from(offset).unwrap_or(usize::MAX));
    d.line = Some(line);
    d.column = Some(column);
    d
}

/// Scans the whole document for well-formedness (tags balanced, one root, no text outside
/// it, attributes well-formed and unique) and checks its DOCTYPE.
fn check_prolog(xml: &[u8]) -> Prolog {
    let mut diagnostics = Vec::new();
    let mut reader = Reader::from_reader(xml);
    reader.config_mut().check_end_names = true;
    let mut depth: usize = 0;
    let mut roots = 0usize;
    let mut doctype_seen = false;
    let mut doctype = None;
    let mut root_offset = None;
    let mut well_formed = true;
    loop {
        let start = reader.buffer_position();
        let event = match reader.read_event() {
            Ok(event) => event,
            Err(e) => {
                diagnostics.push(at(
                    xml,
                    reader.error_position(),
                    Diagnostic::error("xml-syntax", format!("not well-formed XML: {e}"), None),
                ));
                well_formed = false;
                break;
            }
        };
        match event {
            Event::Eof => break,
            Event::Start(ref e) | Event::Empty(ref e) => {
                if depth == 0 {
                    roots += 1;
                    if roots == 2 {
                        diagnostics.push(at(
                            xml,
                            start,
                            Diagnostic::error(
                                "xml-syntax",
                                "not well-formed XML: a second root element",
                                None,
                            ),
                        ));
                        well_formed = false;
                        break;
                    }
                    root_offset = Some(start);
                }
                if let Some(err) = e.attributes().with_checks(true).find_map(Result::err) {
                    diagnostics.push(at(
                        xml,
                        start,
                        Diagnostic::error(
                            "xml-syntax",
                            format!("not well-formed XML: bad attribute: {err}"),
                            None,
                        ),
                    ));
                    well_formed = false;
                    break;
                }
                if matches!(event, Event::Start(_)) {
                    depth += 1;
                }
            }
            Event::End(_) => depth = depth.saturating_sub(1),
            Event::Text(ref t) if depth == 0 && t.iter().any(|b| !b.is_ascii_whitespace()) => {
                diagnostics.push(at(
                    xml,
                    start,
                    Diagnostic::error(
                        "xml-syntax",
                        "not well-formed XML: text outside the root element",
                        None,
                    ),
                ));
                well_formed = false;
                break;
            }
            Event::CData(_) if depth == 0 => {
                diagnostics.push(at(
                    xml,
                    start,
                    Diagnostic::error(
                        "xml-syntax",
                        "not well-formed XML: CDATA outside the root element",
                        None,
                    ),
                ));
                well_formed = false;
                break;
            }
            Event::DocType(ref d) => {
                if doctype_seen || roots > 0 {
                    diagnostics.push(at(
                        xml,
                        start,
                        Diagnostic::error(
                            "xml-syntax",
                            "not well-formed XML: a DOCTYPE must come once, before the root element",
                            None,
                        ),
                    ));
                    well_formed = false;
                    break;
                }
                doctype_seen = true;
                doctype = Some((String::from_utf8_lossy(d).into_owned(), start));
            }
            _ => {}
        }
    }
    if well_formed && depth > 0 {
        diagnostics.push(at(
            xml,
            reader.buffer_position(),
            Diagnostic::error(
                "xml-syntax",
                format!("not well-formed XML: {depth} element(s) not closed at the end"),
                None,
            ),
        ));
        well_formed = false;
    }
    if well_formed && roots == 0 {
        diagnostics.push(Diagnostic::error(
            "xml-syntax",
            "not well-formed XML: no root element",
            Some(1),
        ));
        well_formed = false;
    }
    Prolog {
        well_formed,
        diagnostics,
        doctype,
        root_offset,
    }
}

/// papermeta's DOCTYPE policy for its own JATS: the JATS 1.3 Publishing DOCTYPE, root
/// `article`, no internal subset (code `jats-doctype`, `jats-internal-subset`).
fn doctype_policy(xml: &[u8], prolog: &Prolog) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    match &prolog.doctype {
        Some((text, offset)) => check_doctype(text, |d| out.push(at(xml, *offset, d))),
        None => {
            if let Some(offset) = prolog.root_offset {
                out.push(at(
                    xml,
                    offset,
                    Diagnostic::error(
                        "jats-doctype",
                        format!("no DOCTYPE: a JATS article declares <!DOCTYPE article PUBLIC \"{PUBLIC_ID}\" \"{SYSTEM_ID}\">"),
                        None,
                    ),
                ));
            }
        }
    }
    out
}

/// Syntax findings, then the DOCTYPE policy's, in document order.
fn prolog_and_policy(xml: &[u8]) -> Prolog {
    let mut prolog = check_prolog(xml);
    let policy = doctype_policy(xml, &prolog);
    prolog.diagnostics.extend(policy);
    prolog
        .diagnostics
        .sort_by_key(|d| (d.line.unwrap_or(0), d.column.unwrap_or(0)));
    prolog
}

/// Checks the DOCTYPE's root name, public identifier and the absence of an internal subset.
fn check_doctype(text: &str, mut report: impl FnMut(Diagnostic)) {
    let Some(doctype) = parse_doctype(text) else {
        report(Diagnostic::error(
            "jats-doctype",
            "malformed DOCTYPE declaration",
            None,
        ));
        return;
    };
    if doctype.root != ROOT_ELEMENT {
        report(Diagnostic::error(
            "jats-doctype",
            format!(
                "DOCTYPE names root <{}>, a JATS article's root is <{ROOT_ELEMENT}>",
                doctype.root
            ),
            None,
        ));
    }
    match doctype.public_id {
        Some(id) if id == PUBLIC_ID => {}
        Some(id) => report(Diagnostic::error(
            "jats-doctype",
            format!("DOCTYPE public identifier is \"{id}\", expected \"{PUBLIC_ID}\""),
            None,
        )),
        None => report(Diagnostic::error(
            "jats-doctype",
            format!(
                "DOCTYPE has no public identifier (system id {:?}), expected PUBLIC \"{PUBLIC_ID}\"",
                doctype.system_id.unwrap_or("")
            ),
            None,
        )),
    }
    if doctype.internal_subset {
        // An internal subset could redeclare the content models being checked.
        report(Diagnostic::error(
            "jats-internal-subset",
            "DOCTYPE has an internal subset; papermeta JATS documents declare nothing locally",
            None,
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codes(report: &Report) -> Vec<&str> {
        report.diagnostics.iter().map(|d| d.code.as_str()).collect()
    }

    fn doc(doctype: &str, body: &str) -> String {
        format!("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n{doctype}\n{body}\n")
    }

    const DOCTYPE: &str = "<!DOCTYPE article PUBLIC \"-//NLM//DTD JATS (Z39.96) Journal Publishing DTD v1.3 20210610//EN\" \"https://jats.nlm.nih.gov/publishing/1.3/JATS-journalpublishing1-3.dtd\">";

    #[test]
    fn doctype_parts_are_split() {
        let d = parse_doctype(" article PUBLIC \"-//A//B//EN\" 'x.dtd'").unwrap();
        assert_eq!(d.root, "article");
        assert_eq!(d.public_id, Some("-//A//B//EN"));
        assert_eq!(d.system_id, Some("x.dtd"));
        assert!(!d.internal_subset);
        let d = parse_doctype("article SYSTEM \"a.dtd\" [ <!ENTITY x \"y\"> ]").unwrap();
        assert_eq!(d.public_id, None);
        assert!(d.internal_subset);
        let d = parse_doctype("article").unwrap();
        assert_eq!((d.public_id, d.system_id), (None, None));
        assert!(parse_doctype("article PUBLIC \"unterminated").is_none());
        assert!(parse_doctype("article PUBLIC \"only-public\"").is_none());
        assert!(parse_doctype("").is_none());
    }

    #[test]
    fn line_and_column_count_characters() {
        let text = "ab\nعربي<x>".as_bytes();
        let offset = text.iter().position(|b| *b == b'<').unwrap();
        assert_eq!(line_column(text, offset), (2, 5));
        assert_eq!(line_column(text, 0), (1, 1));
        assert_eq!(line_column(text, 10_000), (2, 8));
    }

    #[test]
    fn prolog_accepts_the_jats_doctype() {
        let xml = doc(DOCTYPE, "<article><front/></article>");
        let p = prolog_and_policy(xml.as_bytes());
        assert!(p.well_formed);
        assert!(p.diagnostics.is_empty(), "{:?}", p.diagnostics);
    }

    #[test]
    fn prolog_rejects_a_missing_or_foreign_doctype() {
        let p = prolog_and_policy(doc("", "<article/>").as_bytes());
        assert!(p.well_formed);
        assert_eq!(p.diagnostics.len(), 1);
        assert_eq!(p.diagnostics[0].code, "jats-doctype");
        assert_eq!(p.diagnostics[0].line, Some(3));

        let other = "<!DOCTYPE article PUBLIC \"-//NLM//DTD JATS (Z39.96) Journal Archiving and Interchange DTD v1.3 20210610//EN\" \"x.dtd\">";
        let p = prolog_and_policy(doc(other, "<article/>").as_bytes());
        assert_eq!(p.diagnostics.len(), 1);
        assert!(p.diagnostics[0].message.contains("Archiving"));

        let p = prolog_and_policy(doc("<!DOCTYPE book SYSTEM \"b.dtd\">", "<article/>").as_bytes());
        assert_eq!(p.diagnostics.len(), 2, "{:?}", p.diagnostics);
    }

    #[test]
    fn prolog_rejects_an_internal_subset() {
        // DOCTYPE holds one '>', its end: put an internal subset before it.
        let dt = DOCTYPE.replace('>', " [<!ENTITY x \"y\">]>");
        let p = prolog_and_policy(doc(&dt, "<article/>").as_bytes());
        assert!(
            p.diagnostics
                .iter()
                .any(|d| d.code == "jats-internal-subset"),
            "{:?}",
            p.diagnostics
        );
    }

    #[test]
    fn prolog_finds_syntax_errors() {
        for (body, why) in [
            ("<article><front></article>", "mismatched end tag"),
            ("<article><front>", "unclosed"),
            ("<article/><article/>", "two roots"),
            ("<article/>stray", "text after root"),
            ("<article a=\"1\" a=\"2\"/>", "duplicate attribute"),
            ("", "no root"),
        ] {
            let p = prolog_and_policy(doc(DOCTYPE, body).as_bytes());
            assert!(!p.well_formed, "{why}");
            assert!(
                p.diagnostics.iter().any(|d| d.code == "xml-syntax"),
                "{why}: {:?}",
                p.diagnostics
            );
        }
    }

    #[test]
    fn prolog_reports_arabic_text_positions() {
        let xml = doc(DOCTYPE, "<article>\n<p>نص عربي</x></article>");
        let p = prolog_and_policy(xml.as_bytes());
        assert!(!p.well_formed);
        let d = &p.diagnostics[0];
        assert_eq!(d.line, Some(4), "{d:?}");
    }

    #[test]
    fn the_project_dtd_compiles_and_declares_the_root() {
        let dtd = try_builtin_dtd().expect("embedded DTD compiles");
        let names: Vec<&str> = dtd.element_names().collect();
        assert!(names.contains(&"article"), "{names:?}");
        assert!(names.contains(&"ali:license_ref"), "{names:?}");
    }

    #[test]
    fn malformed_documents_skip_dtd_validation() {
        let report = validate_jats(doc(DOCTYPE, "<article>").as_bytes());
        assert!(!report.is_valid());
        assert_eq!(codes(&report), vec!["xml-syntax"]);
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(64))]
        #[test]
        fn never_panics_on_random_bytes(data in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..400)) {
            let _ = validate_jats(&data);
        }

        #[test]
        fn never_panics_on_a_mutated_article(cut in 0usize..MINIMAL.len(), len in 0usize..30, insert in "[<>&;#x/=\"a-z0-9 ]{0,12}") {
            let mut bytes = MINIMAL.as_bytes().to_vec();
            let end = (cut + len).min(bytes.len());
            bytes.splice(cut..end, insert.bytes());
            let report = validate_jats(&bytes);
            // Every finding is located.
            proptest::prop_assert!(report.diagnostics.iter().all(|d| d.line.is_some()), "{:?}", report.diagnostics);
        }
    }

    /// A minimal valid article (official and project DTD alike).
    const MINIMAL: &str = "<?xml version=\"1.0\"?>\n<!DOCTYPE article PUBLIC \"-//NLM//DTD JATS (Z39.96) Journal Publishing DTD v1.3 20210610//EN\" \"x.dtd\">\n<article dtd-version=\"1.3\" xml:lang=\"ar\"><front><journal-meta><journal-id>ج</journal-id><issn>0317-8471</issn></journal-meta><article-meta><title-group><article-title>عنوان &amp; نص</article-title></title-group></article-meta></front></article>\n";

    #[test]
    fn a_minimal_article_is_valid_and_a_broken_one_is_not() {
        let report = validate_jats(MINIMAL.as_bytes());
        assert!(report.diagnostics.is_empty(), "{:?}", report.diagnostics);
        // No ISSN: journal-meta needs one.
        let broken = MINIMAL.replace("<issn>0317-8471</issn>", "");
        let report = validate_jats(broken.as_bytes());
        assert!(!report.is_valid());
        assert!(
            report
                .diagnostics
                .iter()
                .all(|d| d.code.starts_with("dtd-")),
            "{:?}",
            report.diagnostics
        );
        // An element of JATS that the project subset leaves out.
        let wider = MINIMAL.replace(
            "</article-title>",
            "</article-title><alt-title>x</alt-title>",
        );
        assert!(!validate_jats(wider.as_bytes()).is_valid());
        // dtd-version is required by the project DTD.
        let no_version = MINIMAL.replace(" dtd-version=\"1.3\"", "");
        assert!(!validate_jats(no_version.as_bytes()).is_valid());
    }

    #[test]
    fn an_english_article_with_body_and_back_is_valid() {
        let xml = MINIMAL
            .replace("xml:lang=\"ar\"", "xml:lang=\"en\"")
            .replace("</front>", "</front><body><sec id=\"s1\"><title>Intro</title><p>Text<xref ref-type=\"fn\" rid=\"n1\">1</xref>.</p></sec></body><back><fn-group><fn id=\"n1\"><label>1</label><p>Note.</p></fn></fn-group></back>");
        let report = validate_jats(xml.as_bytes());
        assert!(report.is_valid(), "{:?}", report.diagnostics);
        let dangling = xml.replace("rid=\"n1\"", "rid=\"n2\"");
        let report = validate_jats(dangling.as_bytes());
        assert!(
            report.errors().any(|d| d.code == "dtd-dangling-idref"),
            "{:?}",
            report.diagnostics
        );
    }

    #[test]
    fn load_dtd_reports_a_missing_file() {
        let err = load_dtd(Path::new("/nonexistent/papermeta/x.dtd"), None)
            .expect_err("a missing file cannot load");
        assert!(err.to_string().contains("x.dtd"), "{err}");
    }
}
