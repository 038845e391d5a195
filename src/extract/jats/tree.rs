//! XML bytes → a small element tree with the source line of every element: decoding (byte
//! order mark, the declared encoding), entities (the predefined ones, character references,
//! the JATS DTDs' named sets and the file's own internal subset), well-formedness errors with
//! line and column. Parsing is done by quick-xml; the readers of this module walk the tree.

use super::entities::dtd_entity;
use crate::extract::error::ExtractError;
use crate::model::Diagnostic;
use quick_xml::events::Event;
use quick_xml::Reader;
use std::collections::{HashMap, HashSet};

/// The deepest element nesting read; deeper input is refused rather than walked recursively.
pub(crate) const MAX_DEPTH: usize = 400;

/// A parsed XML file.
#[derive(Debug, Clone)]
pub(crate) struct XmlFile {
    /// The root element.
    pub root: Element,
    /// The encoding the bytes were decoded from.
    pub encoding: &'static str,
    /// Whether the file began with a byte order mark.
    pub had_bom: bool,
    /// How many lines the decoded text has.
    pub line_count: usize,
    /// Entities that could not be resolved, and other things read with a doubt.
    pub warnings: Vec<Diagnostic>,
}

/// One element: its qualified name, attributes in document order, children, and lines.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Element {
    /// The qualified name as written (`sec`, `mml:math`).
    pub name: String,
    /// Attributes with their values unescaped.
    pub attrs: Vec<(String, String)>,
    /// Child nodes.
    pub children: Vec<Node>,
    /// The line of the start tag (1-based).
    pub line: usize,
    /// The line of the end tag (equal to `line` for an empty element).
    pub end_line: usize,
}

/// A child of an element.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Node {
    /// An element.
    Element(Element),
    /// Character data, unescaped (CDATA sections included).
    Text(String),
}

impl Element {
    /// The name without its namespace prefix.
    pub fn local_name(&self) -> &str {
        self.name.rsplit(':').next().unwrap_or(&self.name)
    }

    /// Whether the element's qualified name is `name`.
    pub fn is(&self, name: &str) -> bool {
        self.name == name
    }

    /// An attribute's value.
    pub fn attr(&self, key: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }

    /// An attribute's value with surrounding white space trimmed, when it is not empty.
    pub fn attr_trimmed(&self, key: &str) -> Option<&str> {
        self.attr(key).map(str::trim).filter(|v| !v.is_empty())
    }

    /// The child elements, in order.
    pub fn elements(&self) -> impl Iterator<Item = &Element> {
        self.children.iter().filter_map(|c| match c {
            Node::Element(e) => Some(e),
            Node::Text(_) => None,
        })
    }

    /// The child elements named `name`.
    pub fn children_named<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a Element> {
        self.elements().filter(move |e| e.is(name))
    }

    /// The first child element named `name`.
    pub fn child(&self, name: &str) -> Option<&Element> {
        self.elements().find(|e| e.is(name))
    }

    /// Every descendant element named `name`, in document order (not below a match).
    pub fn descendants_named<'a>(&'a self, name: &str, out: &mut Vec<&'a Element>) {
        for e in self.elements() {
            if e.is(name) {
                out.push(e);
            } else {
                e.descendants_named(name, out);
            }
        }
    }

    /// The text of the element and all its descendants, as written (XPath's string value).
    pub fn text(&self) -> String {
        let mut out = String::new();
        self.append_text(&mut out);
        out
    }

    fn append_text(&self, out: &mut String) {
        for c in &self.children {
            match c {
                Node::Text(t) => out.push_str(t),
                Node::Element(e) => e.append_text(out),
            }
        }
    }
}

/// Decodes and parses an XML file.
pub(crate) fn parse(bytes: &[u8], file: &str) -> Result<XmlFile, ExtractError> {
    let (text, encoding, had_bom) = decode(bytes, file)?;
    if text.trim().is_empty() {
        return Err(ExtractError::Empty {
            file: file.to_string(),
        });
    }
    let mut parser = Parser {
        text: &text,
        file,
        lines: LineCounter::default(),
        entities: HashMap::new(),
        unknown_entities: HashSet::new(),
        warnings: Vec::new(),
    };
    let root = parser.run()?;
    Ok(XmlFile {
        root,
        encoding,
        had_bom,
        line_count: text.split('\n').count(),
        warnings: parser.warnings,
    })
}

/// Decodes the bytes: a byte order mark decides, else the declared encoding, else UTF-8.
fn decode(bytes: &[u8], file: &str) -> Result<(String, &'static str, bool), ExtractError> {
    if let Some((encoding, bom_len)) = encoding_rs::Encoding::for_bom(bytes) {
        let (text, had_errors) = encoding.decode_without_bom_handling(&bytes[bom_len..]);
        if had_errors {
            return Err(encoding_error(bytes, bom_len, file));
        }
        return Ok((text.into_owned(), encoding.name(), true));
    }
    let declared = declared_encoding(bytes);
    let label = declared.as_deref().map(str::to_ascii_lowercase);
    match label.as_deref() {
        None | Some("utf-8" | "utf8" | "ascii" | "us-ascii") => match std::str::from_utf8(bytes) {
            Ok(text) => Ok((text.to_string(), "UTF-8", false)),
            Err(e) => Err(encoding_error(bytes, e.valid_up_to(), file)),
        },
        Some(label) => {
            let Some(encoding) = encoding_rs::Encoding::for_label(label.as_bytes()) else {
                return Err(ExtractError::Xml {
                    file: file.to_string(),
                    line: 1,
                    column: 1,
                    message: format!(
                        "the XML declaration names the encoding `{label}`, which papermeta does not know"
                    ),
                });
            };
            let (text, had_errors) = encoding.decode_without_bom_handling(bytes);
            if had_errors {
                return Err(encoding_error(bytes, 0, file));
            }
            Ok((text.into_owned(), encoding.name(), false))
        }
    }
}

fn encoding_error(bytes: &[u8], offset: usize, file: &str) -> ExtractError {
    let (line, column) = byte_position(bytes, offset);
    ExtractError::Encoding {
        file: file.to_string(),
        byte: bytes.get(offset).copied().unwrap_or(0),
        offset,
        line,
        column,
    }
}

/// The `encoding` pseudo-attribute of the XML declaration, when there is one.
fn declared_encoding(bytes: &[u8]) -> Option<String> {
    let head = &bytes[..bytes.len().min(512)];
    let head = String::from_utf8_lossy(head);
    let decl = head.trim_start().strip_prefix("<?xml")?;
    let decl = &decl[..decl.find("?>")?];
    let at = decl.find("encoding")?;
    let rest = decl[at + "encoding".len()..]
        .trim_start()
        .strip_prefix('=')?;
    let rest = rest.trim_start();
    let quote = rest.chars().next().filter(|c| *c == '"' || *c == '\'')?;
    let value = &rest[1..];
    Some(value[..value.find(quote)?].trim().to_string())
}

/// Line and column (1-based, bytes) of `offset`.
fn byte_position(bytes: &[u8], offset: usize) -> (usize, usize) {
    let before = &bytes[..offset.min(bytes.len())];
    let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
    let start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |p| p + 1);
    (line, offset - start + 1)
}

/// Counts lines up to increasing offsets without rescanning the text.
#[derive(Debug, Default)]
struct LineCounter {
    offset: usize,
    line: usize,
}

impl LineCounter {
    fn line_at(&mut self, text: &str, offset: usize) -> usize {
        let offset = offset.min(text.len());
        if offset < self.offset {
            self.offset = 0;
            self.line = 0;
        }
        let bytes = text.as_bytes();
        self.line += bytes[self.offset..offset]
            .iter()
            .filter(|&&b| b == b'\n')
            .count();
        self.offset = offset;
        self.line + 1
    }
}

struct Parser<'a> {
    text: &'a str,
    file: &'a str,
    lines: LineCounter,
    /// General entities of the internal subset, already expanded.
    entities: HashMap<String, String>,
    unknown_entities: HashSet<String>,
    warnings: Vec<Diagnostic>,
}

impl Parser<'_> {
    fn error(&self, offset: usize, message: String) -> ExtractError {
        let (line, column) = byte_position(self.text.as_bytes(), offset);
        ExtractError::Xml {
            file: self.file.to_string(),
            line,
            column,
            message,
        }
    }

    fn run(&mut self) -> Result<Element, ExtractError> {
        let text = self.text;
        let mut reader = Reader::from_str(text);
        let config = reader.config_mut();
        config.trim_text(false);
        config.expand_empty_elements = false;
        config.check_end_names = true;
        let mut stack: Vec<Element> = Vec::new();
        let mut root: Option<Element> = None;
        loop {
            let start = reader.buffer_position() as usize;
            let event = reader.read_event().map_err(|e| {
                let at = reader.error_position() as usize;
                self.error(at, format!("not well-formed XML: {e}"))
            })?;
            let line = self.lines.line_at(text, start);
            match event {
                Event::Start(_) | Event::Empty(_) if root.is_some() && stack.is_empty() => {
                    return Err(self.error(start, "a second root element".to_string()));
                }
                Event::Start(e) => {
                    if stack.len() >= MAX_DEPTH {
                        return Err(self.error(
                            start,
                            format!("elements are nested deeper than {MAX_DEPTH} levels"),
                        ));
                    }
                    let element = self.element(&e, line, start)?;
                    stack.push(element);
                }
                Event::Empty(e) => {
                    let element = self.element(&e, line, start)?;
                    match stack.last_mut() {
                        Some(parent) => parent.children.push(Node::Element(element)),
                        None => root = Some(element),
                    }
                }
                Event::End(_) => {
                    let Some(mut element) = stack.pop() else {
                        return Err(self.error(start, "an end tag without a start tag".into()));
                    };
                    element.end_line = line;
                    match stack.last_mut() {
                        Some(parent) => parent.children.push(Node::Element(element)),
                        None => root = Some(element),
                    }
                }
                Event::Text(t) => {
                    let raw = std::str::from_utf8(&t).unwrap_or_default();
                    if stack.is_empty() {
                        if !raw.trim().is_empty() {
                            return Err(self.error(start, "text outside the root element".into()));
                        }
                        continue;
                    }
                    let value = self.unescape(raw, line, false);
                    push_text(&mut stack, value);
                }
                Event::CData(t) => {
                    let raw = String::from_utf8_lossy(&t).into_owned();
                    if !stack.is_empty() {
                        push_text(&mut stack, normalize_newlines(&raw));
                    }
                }
                Event::DocType(d) => {
                    let raw = String::from_utf8_lossy(&d).into_owned();
                    self.internal_subset(&raw, line);
                }
                Event::Eof => break,
                Event::Comment(_) | Event::Decl(_) | Event::PI(_) => {}
            }
        }
        if let Some(open) = stack.last() {
            return Err(self.error(
                text.len(),
                format!(
                    "the file ends inside the element `{}` opened at line {}",
                    open.name, open.line
                ),
            ));
        }
        let root = root.ok_or_else(|| self.error(0, "no root element".to_string()))?;
        Ok(root)
    }

    fn element(
        &mut self,
        e: &quick_xml::events::BytesStart,
        line: usize,
        offset: usize,
    ) -> Result<Element, ExtractError> {
        let name = String::from_utf8_lossy(e.name().as_ref()).into_owned();
        let mut attrs = Vec::new();
        for attr in e.attributes() {
            let attr = attr.map_err(|err| {
                self.error(offset, format!("a bad attribute in `<{name}>`: {err}"))
            })?;
            let key = String::from_utf8_lossy(attr.key.as_ref()).into_owned();
            let raw = String::from_utf8_lossy(&attr.value).into_owned();
            let value = self.unescape(&raw, line, true);
            attrs.push((key, value));
        }
        Ok(Element {
            name,
            attrs,
            children: Vec::new(),
            line,
            end_line: line,
        })
    }

    /// Reads `<!ENTITY name "value">` declarations of the internal subset.
    fn internal_subset(&mut self, doctype: &str, line: usize) {
        let Some(open) = doctype.find('[') else {
            return;
        };
        let subset = &doctype[open..];
        let mut rest = subset;
        while let Some(at) = rest.find("<!ENTITY") {
            rest = &rest[at + "<!ENTITY".len()..];
            let decl = rest.trim_start();
            if decl.starts_with('%') {
                continue;
            }
            let name: String = decl.chars().take_while(|c| !c.is_whitespace()).collect();
            let after = decl[name.len()..].trim_start();
            let Some(quote) = after.chars().next().filter(|c| *c == '"' || *c == '\'') else {
                // An external entity (SYSTEM/PUBLIC) is not fetched.
                continue;
            };
            let Some(end) = after[1..].find(quote) else {
                continue;
            };
            let value = after[1..1 + end].to_string();
            let value = self.unescape(&value, line, false);
            self.entities.entry(name).or_insert(value);
        }
    }

    /// Replaces entity and character references; normalizes line ends (and, in attribute
    /// values, white space) as an XML processor does. An unknown entity is kept as written
    /// and reported once.
    fn unescape(&mut self, raw: &str, line: usize, attribute: bool) -> String {
        let raw = normalize_newlines(raw);
        let raw = if attribute {
            raw.replace(['\t', '\n'], " ")
        } else {
            raw
        };
        if !raw.contains('&') {
            return raw;
        }
        let mut out = String::with_capacity(raw.len());
        let mut rest = raw.as_str();
        while let Some(at) = rest.find('&') {
            out.push_str(&rest[..at]);
            rest = &rest[at..];
            let end = rest
                .char_indices()
                .take(40)
                .skip(1)
                .find(|(_, c)| matches!(c, ';' | '&' | '<') || c.is_whitespace())
                .filter(|(_, c)| *c == ';')
                .map(|(i, _)| i);
            let Some(end) = end else {
                out.push('&');
                rest = &rest[1..];
                continue;
            };
            let name = &rest[1..end];
            match self.resolve(name) {
                Some(value) => out.push_str(&value),
                None => {
                    if self.unknown_entities.insert(name.to_string()) {
                        self.warnings.push(Diagnostic::warning(
                            "xml-unknown-entity",
                            format!("the entity `&{name};` is declared neither by the JATS DTDs nor by the file; it is kept as written"),
                            Some(line),
                        ));
                    }
                    out.push_str(&rest[..=end]);
                }
            }
            rest = &rest[end + 1..];
        }
        out.push_str(rest);
        out
    }

    fn resolve(&self, name: &str) -> Option<String> {
        if let Some(num) = name.strip_prefix('#') {
            let code = match num.strip_prefix(['x', 'X']) {
                Some(hex) => u32::from_str_radix(hex, 16).ok(),
                None => num.parse().ok(),
            }?;
            return char::from_u32(code).map(String::from);
        }
        let predefined = match name {
            "amp" => Some("&"),
            "lt" => Some("<"),
            "gt" => Some(">"),
            "quot" => Some("\""),
            "apos" => Some("'"),
            _ => None,
        };
        predefined
            .map(str::to_string)
            .or_else(|| self.entities.get(name).cloned())
            .or_else(|| dtd_entity(name).map(str::to_string))
    }
}

/// Appends text to the innermost open element, merging adjacent runs.
fn push_text(stack: &mut [Element], value: String) {
    if value.is_empty() {
        return;
    }
    if let Some(parent) = stack.last_mut() {
        if let Some(Node::Text(last)) = parent.children.last_mut() {
            last.push_str(&value);
        } else {
            parent.children.push(Node::Text(value));
        }
    }
}

/// `\r\n` and a lone `\r` read as `\n`, as XML 1.0 requires.
fn normalize_newlines(text: &str) -> String {
    if text.contains('\r') {
        text.replace("\r\n", "\n").replace('\r', "\n")
    } else {
        text.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_str(text: &str) -> Result<XmlFile, ExtractError> {
        parse(text.as_bytes(), "a.xml")
    }

    #[test]
    fn keeps_lines_text_and_entities() {
        let xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE article PUBLIC \"-//NLM//DTD x//EN\" \"x.dtd\" [\n<!ENTITY mine \"own &amp; text\">\n]>\n<article a=\"x&#10;y\tz\">\n  <p>a &lt; b &ndash; &mine; &#x0661; &bogus;</p>\r\n<q><![CDATA[<raw>]]></q></article>\n";
        let file = parse_str(xml).unwrap();
        let root = &file.root;
        assert_eq!(
            (root.name.as_str(), root.line, root.end_line),
            ("article", 5, 7)
        );
        assert_eq!(root.attr("a"), Some("x\ny z"));
        let p = root.child("p").unwrap();
        assert_eq!(p.line, 6);
        assert_eq!(p.text(), "a < b – own & text ١ &bogus;");
        assert_eq!(root.child("q").unwrap().text(), "<raw>");
        assert_eq!(file.warnings.len(), 1);
        assert_eq!(file.warnings[0].code, "xml-unknown-entity");
        assert_eq!(file.warnings[0].line, Some(6));
    }

    #[test]
    fn bad_xml_is_an_error_with_its_position() {
        let err = parse_str("<article>\n  <p>open\n</article>").unwrap_err();
        match err {
            ExtractError::Xml { line, .. } => assert_eq!(line, 3),
            other => panic!("{other:?}"),
        }
        let err = parse_str("<article>\n<p>").unwrap_err();
        assert!(
            err.to_string().contains("ends inside the element `p`"),
            "{err}"
        );
        let deep = "<a>".repeat(MAX_DEPTH + 5);
        assert!(parse_str(&deep)
            .unwrap_err()
            .to_string()
            .contains("nested deeper"));
    }

    #[test]
    fn reads_the_declared_encoding() {
        let mut bytes = b"<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><article>caf".to_vec();
        bytes.push(0xE9);
        bytes.extend_from_slice(b"</article>");
        let file = parse(&bytes, "a.xml").unwrap();
        assert_eq!(file.root.text(), "café");
        let mut utf16 = vec![0xFF, 0xFE];
        for unit in "<article>ب</article>".encode_utf16() {
            utf16.extend_from_slice(&unit.to_le_bytes());
        }
        let file = parse(&utf16, "a.xml").unwrap();
        assert_eq!((file.root.text().as_str(), file.had_bom), ("ب", true));
    }
}
