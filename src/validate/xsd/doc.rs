//! Reads one schema document into a small tree of its XSD elements. Annotations and
//! foreign elements are dropped; attributes holding QNames (`type`, `ref`, `base`,
//! `memberTypes`, ...) are resolved against the namespace declarations in scope where they
//! are written, so later stages never see a prefix.

use quick_xml::events::{BytesStart, Event};
use quick_xml::name::{QName, ResolveResult};
use quick_xml::NsReader;

use super::{XName, XsdError, NS_XML, NS_XSD};

/// Attributes whose value is a QName (or, for `memberTypes`, a list of them).
const QNAME_ATTRS: &[&str] = &["type", "ref", "base", "itemType", "substitutionGroup"];

/// The elements of the XSD vocabulary (others are kept under their own name).
const ELEMENTS: &[&str] = &[
    "schema",
    "element",
    "attribute",
    "complexType",
    "simpleType",
    "sequence",
    "choice",
    "all",
    "group",
    "attributeGroup",
    "any",
    "anyAttribute",
    "complexContent",
    "simpleContent",
    "extension",
    "restriction",
    "list",
    "union",
    "include",
    "import",
    "redefine",
    "notation",
    "enumeration",
    "pattern",
    "length",
    "minLength",
    "maxLength",
    "minInclusive",
    "maxInclusive",
    "minExclusive",
    "maxExclusive",
    "totalDigits",
    "fractionDigits",
    "whiteSpace",
    "key",
    "keyref",
    "unique",
    "selector",
    "field",
    "override",
    "assert",
];

/// The attributes of the XSD vocabulary; others are not read.
const ATTRIBUTES: &[&str] = &[
    "name",
    "ref",
    "type",
    "base",
    "minOccurs",
    "maxOccurs",
    "use",
    "default",
    "fixed",
    "form",
    "nillable",
    "abstract",
    "block",
    "final",
    "mixed",
    "namespace",
    "processContents",
    "value",
    "itemType",
    "memberTypes",
    "substitutionGroup",
    "targetNamespace",
    "elementFormDefault",
    "attributeFormDefault",
    "blockDefault",
    "finalDefault",
    "schemaLocation",
    "id",
    "version",
    "public",
    "system",
    "refer",
    "xpath",
];

fn vocabulary(table: &'static [&'static str], name: &str) -> Option<&'static str> {
    table.iter().copied().find(|n| *n == name)
}

/// An element of a schema document in the XSD namespace.
#[derive(Debug, Clone)]
pub(crate) struct XNode {
    /// Local name (`element`, `complexType`, ...).
    pub name: std::borrow::Cow<'static, str>,
    /// The XSD attributes with their values, unescaped.
    pub attrs: Vec<(&'static str, Box<str>)>,
    /// QName-valued attributes resolved to expanded names.
    pub qnames: Vec<(&'static str, Vec<XName>)>,
    /// Child elements in the XSD namespace, annotations excluded.
    pub children: Vec<XNode>,
    /// Byte offset of the start tag in the document.
    pub offset: usize,
}

impl XNode {
    /// An attribute's value.
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(k, _)| *k == name)
            .map(|(_, v)| &**v)
    }

    /// A QName-valued attribute, resolved.
    pub fn qname(&self, name: &str) -> Option<&XName> {
        self.qnames
            .iter()
            .find(|(k, _)| *k == name)
            .and_then(|(_, v)| v.first())
    }

    /// A QName-list attribute (`memberTypes`), resolved.
    pub fn qname_list(&self, name: &str) -> &[XName] {
        self.qnames
            .iter()
            .find(|(k, _)| *k == name)
            .map_or(&[], |(_, v)| v.as_slice())
    }

    /// The children with a given local name.
    pub fn children_named<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a XNode> + 'a {
        self.children.iter().filter(move |c| &*c.name == name)
    }

    /// The first child with a given local name.
    pub fn child(&self, name: &str) -> Option<&XNode> {
        self.children.iter().find(|c| &*c.name == name)
    }
}

/// Parses a schema document; `file` names it in errors.
pub(crate) fn parse(bytes: &[u8], file: &str) -> Result<XNode, XsdError> {
    let text = std::str::from_utf8(bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes))
        .map_err(|e| XsdError::at(file, bytes, e.valid_up_to(), "schema is not UTF-8"))?;
    let mut reader = NsReader::from_str(text);
    reader.config_mut().check_end_names = true;
    let mut stack: Vec<XNode> = Vec::new();
    // Depth inside a subtree that is skipped (annotation or foreign element).
    let mut skipping = 0usize;
    let mut root: Option<XNode> = None;
    loop {
        let offset = reader.buffer_position() as usize;
        let (res, event) = reader
            .read_resolved_event()
            .map_err(|e| XsdError::at(file, bytes, offset, &format!("malformed XML: {e}")))?;
        match event {
            Event::Start(ref e) | Event::Empty(ref e) => {
                let empty = matches!(event, Event::Empty(_));
                if skipping > 0 {
                    if !empty {
                        skipping += 1;
                    }
                    continue;
                }
                let in_xsd =
                    matches!(res, ResolveResult::Bound(ns) if ns.as_ref() == NS_XSD.as_bytes());
                let local = String::from_utf8_lossy(e.local_name().as_ref()).into_owned();
                if !in_xsd || local == "annotation" {
                    if !in_xsd && stack.is_empty() {
                        return Err(XsdError::at(
                            file,
                            bytes,
                            offset,
                            "the root element is not xs:schema",
                        ));
                    }
                    if !empty {
                        skipping = 1;
                    }
                    continue;
                }
                let node = read_node(&reader, e, local, offset, file, bytes)?;
                if empty {
                    attach(&mut stack, &mut root, node);
                } else {
                    stack.push(node);
                }
            }
            Event::End(_) => {
                if skipping > 0 {
                    skipping -= 1;
                    continue;
                }
                if let Some(node) = stack.pop() {
                    attach(&mut stack, &mut root, node);
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    let root = root.ok_or_else(|| XsdError::at(file, bytes, 0, "no xs:schema element"))?;
    if &*root.name != "schema" {
        return Err(XsdError::at(
            file,
            bytes,
            root.offset,
            "the root element is not xs:schema",
        ));
    }
    Ok(root)
}

fn attach(stack: &mut [XNode], root: &mut Option<XNode>, node: XNode) {
    match stack.last_mut() {
        Some(parent) => parent.children.push(node),
        None => *root = Some(node),
    }
}

fn read_node(
    reader: &NsReader<&[u8]>,
    e: &BytesStart<'_>,
    name: String,
    offset: usize,
    file: &str,
    bytes: &[u8],
) -> Result<XNode, XsdError> {
    let mut attrs = Vec::new();
    let mut qnames = Vec::new();
    for a in e.attributes() {
        let a =
            a.map_err(|err| XsdError::at(file, bytes, offset, &format!("bad attribute: {err}")))?;
        if a.key.prefix().is_some() {
            continue;
        }
        let Some(key) = std::str::from_utf8(a.key.as_ref())
            .ok()
            .and_then(|k| vocabulary(ATTRIBUTES, k))
        else {
            continue;
        };
        let value = a
            .unescape_value()
            .map_err(|err| {
                XsdError::at(file, bytes, offset, &format!("bad attribute value: {err}"))
            })?
            .into_owned();
        if QNAME_ATTRS.contains(&key) || key == "memberTypes" {
            let mut list = Vec::new();
            for q in value.split_ascii_whitespace() {
                list.push(resolve(reader, q).ok_or_else(|| {
                    XsdError::at(
                        file,
                        bytes,
                        offset,
                        &format!("the prefix of `{q}` in {key}=\"{value}\" is not declared"),
                    )
                })?);
            }
            qnames.push((key, list));
        }
        attrs.push((key, value.into_boxed_str()));
    }
    let name = match vocabulary(ELEMENTS, &name) {
        Some(n) => std::borrow::Cow::Borrowed(n),
        None => std::borrow::Cow::Owned(name),
    };
    Ok(XNode {
        name,
        attrs,
        qnames,
        children: Vec::new(),
        offset,
    })
}

/// Resolves a QName written in an attribute value (unprefixed names take the default
/// namespace, as XSD says for QName values).
fn resolve(reader: &NsReader<&[u8]>, q: &str) -> Option<XName> {
    if let Some(local) = q.strip_prefix("xml:") {
        return Some(XName::new(NS_XML, local));
    }
    let (res, local) = reader.resolve_element(QName(q.as_bytes()));
    let local = String::from_utf8_lossy(local.as_ref()).into_owned();
    match res {
        ResolveResult::Bound(ns) => Some(XName::new(&String::from_utf8_lossy(ns.as_ref()), &local)),
        ResolveResult::Unbound => Some(XName::new("", &local)),
        ResolveResult::Unknown(_) => None,
    }
}
