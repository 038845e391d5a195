//! Instance validation in one streaming pass over quick-xml events (XML Schema 1.0 Part 1
//! §3.3.4 and §3.4.4): each element is assessed against the declaration its parent's
//! automaton matched (or, for the root and lax/strict wildcards, the global declaration of
//! its name), attributes against the type's attribute uses and wildcard, character data
//! against the content type, and simple values against their simple type.
//!
//! Where XML Schema leaves room, libxml2's reading is followed: a CDATA section counts as
//! character content even when it holds only white space; white space is not allowed in an
//! element whose content type is empty; an element's fixed value must equal its text as
//! written (`07` is not the fixed `7`), while an attribute's is compared by value.

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::Arc;

use quick_xml::events::{BytesStart, Event};
use quick_xml::name::{QName, ResolveResult};
use quick_xml::NsReader;

use super::automaton::{Automaton, Matcher};
use super::simple::{atomic_length, collapse, is_xml_space, Builtin, SimpleType, Value, Variety};
use super::{Content, ElemId, Process, Schema, TypeId, TypeKind, ValueConstraint, NS_XSI};
use crate::model::Diagnostic;

/// Deepest element nesting accepted.
const MAX_DEPTH: usize = 1_000;
/// Most diagnostics reported for one document.
const MAX_DIAGNOSTICS: usize = 200;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    /// Assessed against a type.
    Strict { ty: TypeId, decl: Option<ElemId> },
    /// Under a lax wildcard without a declaration: children with a global declaration are
    /// assessed, the rest is not.
    Lax,
    /// Not assessed at all.
    Skip,
}

/// What the content of a strictly assessed element may be.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Shape {
    Simple(TypeId),
    Empty,
    Elements { mixed: bool },
}

struct Frame {
    mode: Mode,
    shape: Shape,
    name: String,
    automaton: Option<Arc<Automaton>>,
    state: u64,
    /// A content error was reported; further content errors of this element are not.
    failed: bool,
    text: String,
    /// Character data (even white space) or a child element was seen.
    nonempty: bool,
    has_children: bool,
    nil: bool,
    offset: usize,
}

/// How a child element is assessed.
enum Next {
    Skip,
    Enter(ElemId),
    /// Matched a wildcard (or sits under a lax one): look for a global declaration.
    Wildcard(Process),
}

enum Token {
    Id(String),
    IdRef(String),
}

struct Validator<'s, 'x> {
    schema: &'s Schema,
    src: &'x [u8],
    line_starts: Option<Vec<usize>>,
    diags: Vec<Diagnostic>,
    stack: Vec<Frame>,
    seen_root: bool,
    ids: HashMap<String, usize>,
    idrefs: Vec<(String, usize)>,
    stop: bool,
}

fn is_xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..='\u{10FFFF}')
}

/// XML end-of-line handling (§2.11): `\r\n` and lone `\r` become `\n`.
fn normalize_newlines(s: &str) -> Cow<'_, str> {
    if !s.contains('\r') {
        return Cow::Borrowed(s);
    }
    Cow::Owned(s.replace("\r\n", "\n").replace('\r', "\n"))
}

/// Unescapes the predefined entities and character references.
fn unescape(raw: &str) -> Result<String, String> {
    quick_xml::escape::unescape(raw)
        .map(Cow::into_owned)
        .map_err(|e| format!("{e}"))
}

pub(crate) fn validate(schema: &Schema, xml: &[u8]) -> Vec<Diagnostic> {
    let body = xml.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(xml);
    let mut v = Validator {
        schema,
        src: xml,
        line_starts: None,
        diags: Vec::new(),
        stack: Vec::new(),
        seen_root: false,
        ids: HashMap::new(),
        idrefs: Vec::new(),
        stop: false,
    };
    let Ok(text) = std::str::from_utf8(body) else {
        let at = std::str::from_utf8(body)
            .err()
            .map_or(0, |e| e.valid_up_to());
        v.error("xml-encoding", at, "the document is not UTF-8".into());
        return v.diags;
    };
    let shift = xml.len() - body.len();
    let mut reader = NsReader::from_str(text);
    reader.config_mut().check_end_names = true;
    loop {
        if v.stop || v.diags.len() >= MAX_DIAGNOSTICS {
            break;
        }
        let pos = reader.buffer_position() as usize + shift;
        let event = match reader.read_event() {
            Ok(x) => x,
            Err(e) => {
                let at = reader.error_position() as usize + shift;
                v.error("xml-syntax", at, format!("not well-formed: {e}"));
                break;
            }
        };
        match event {
            Event::Start(e) => {
                let (res, _) = reader.resolve_element(e.name());
                v.start(&reader, res, &e, pos, false)
            }
            Event::Empty(e) => {
                let (res, _) = reader.resolve_element(e.name());
                v.start(&reader, res, &e, pos, true)
            }
            Event::End(_) => v.end(pos),
            Event::Text(t) => {
                let raw = String::from_utf8_lossy(t.as_ref()).into_owned();
                match unescape(&normalize_newlines(&raw)) {
                    Ok(s) => v.text(&s, false, pos),
                    Err(m) => v.error("xml-syntax", pos, format!("not well-formed: {m}")),
                }
            }
            Event::CData(c) => {
                let raw = String::from_utf8_lossy(c.as_ref()).into_owned();
                v.text(&normalize_newlines(&raw), true, pos);
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if !v.stop && v.diags.is_empty() {
        if !v.seen_root {
            v.error("xml-syntax", 0, "the document has no root element".into());
        } else if !v.stack.is_empty() {
            v.error(
                "xml-syntax",
                xml.len(),
                "the document ends inside an element".into(),
            );
        }
    }
    let dangling: Vec<(String, usize)> = v
        .idrefs
        .iter()
        .filter(|(r, _)| !v.ids.contains_key(r))
        .cloned()
        .collect();
    for (r, at) in dangling {
        v.error(
            "xsd-idref",
            at,
            format!("IDREF '{r}' does not match any ID in the document"),
        );
    }
    v.diags
}

impl Validator<'_, '_> {
    fn at(&mut self, pos: usize) -> (usize, usize) {
        let pos = pos.min(self.src.len());
        let src = self.src;
        let starts = self.line_starts.get_or_insert_with(|| {
            let mut v = vec![0];
            v.extend(
                src.iter()
                    .enumerate()
                    .filter(|(_, &b)| b == b'\n')
                    .map(|(i, _)| i + 1),
            );
            v
        });
        let line = starts.partition_point(|&s| s <= pos);
        let start = starts.get(line.saturating_sub(1)).copied().unwrap_or(0);
        let col = 1 + src
            .get(start..pos)
            .unwrap_or_default()
            .iter()
            .filter(|&&b| (b & 0xC0) != 0x80)
            .count();
        (line.max(1), col)
    }

    fn error(&mut self, code: &str, pos: usize, message: String) {
        let (line, column) = self.at(pos);
        let mut d = Diagnostic::error(code, message, Some(line));
        d.column = Some(column);
        self.diags.push(d);
    }

    fn shape_of(&self, ty: TypeId) -> Shape {
        match self.schema.types.get(ty as usize).map(|t| &t.kind) {
            Some(TypeKind::Simple(_)) | None => Shape::Simple(ty),
            Some(TypeKind::Complex(c)) => match &c.content {
                Content::Empty => Shape::Empty,
                Content::Simple(s) => Shape::Simple(*s),
                Content::Elements { mixed, .. } => Shape::Elements { mixed: *mixed },
            },
        }
    }

    fn push(&mut self, mode: Mode, name: String, offset: usize) {
        self.stack.push(Frame {
            mode,
            shape: Shape::Elements { mixed: true },
            name,
            automaton: None,
            state: 0,
            failed: false,
            text: String::new(),
            nonempty: false,
            has_children: false,
            nil: false,
            offset,
        });
    }

    fn start(
        &mut self,
        reader: &NsReader<&[u8]>,
        res: ResolveResult<'_>,
        e: &BytesStart<'_>,
        pos: usize,
        empty: bool,
    ) {
        if self.stack.len() >= MAX_DEPTH {
            self.error(
                "xsd-limit",
                pos,
                format!("elements nested deeper than {MAX_DEPTH}"),
            );
            self.stop = true;
            return;
        }
        let local = String::from_utf8_lossy(e.local_name().as_ref()).into_owned();
        let ns = match res {
            ResolveResult::Bound(n) => String::from_utf8_lossy(n.as_ref()).into_owned(),
            ResolveResult::Unbound => String::new(),
            ResolveResult::Unknown(p) => {
                let p = String::from_utf8_lossy(&p).into_owned();
                self.error(
                    "xml-namespace",
                    pos,
                    format!("the namespace prefix `{p}` of <{p}:{local}> is not declared"),
                );
                self.push(Mode::Skip, local, pos);
                if empty {
                    self.end(pos);
                }
                return;
            }
        };
        let label = if ns.is_empty() {
            local.clone()
        } else {
            format!("{{{ns}}}{local}")
        };
        let schema = self.schema;
        if self.stack.is_empty() {
            if self.seen_root {
                self.error(
                    "xml-syntax",
                    pos,
                    format!("a second root element <{local}>"),
                );
            }
            self.seen_root = true;
            match schema.global_elements.get(&super::XName::new(&ns, &local)) {
                Some(&d) => self.enter(reader, e, d, label, pos),
                None => {
                    self.error(
                        "xsd-root",
                        pos,
                        format!("Element '{label}': No matching global declaration available for the validation root."),
                    );
                    self.push(Mode::Skip, label, pos);
                }
            }
        } else {
            self.child(reader, e, &ns, &local, label, pos);
        }
        if empty {
            self.end(pos);
        }
    }

    fn child(
        &mut self,
        reader: &NsReader<&[u8]>,
        e: &BytesStart<'_>,
        ns: &str,
        local: &str,
        label: String,
        pos: usize,
    ) {
        let schema = self.schema;
        let global = || {
            schema
                .global_elements
                .get(&super::XName::new(ns, local))
                .copied()
        };
        let (problem, next) = self.decide_child(ns, local, &label);
        if let Some((code, message)) = problem {
            self.error(code, pos, message);
        }
        match next {
            Next::Skip => self.push(Mode::Skip, label, pos),
            Next::Enter(d) => self.enter(reader, e, d, label, pos),
            Next::Wildcard(process) => match (process, global()) {
                (Process::Skip, _) => self.push(Mode::Skip, label, pos),
                (_, Some(d)) => self.enter(reader, e, d, label, pos),
                (Process::Lax, None) => {
                    self.lax_attributes(reader, e, pos);
                    self.push(Mode::Lax, label, pos);
                }
                (Process::Strict, None) => {
                    self.error(
                        "xsd-content",
                        pos,
                        format!("Element '{label}': No matching global element declaration available, but demanded by the strict wildcard."),
                    );
                    self.push(Mode::Skip, label, pos);
                }
            },
        }
    }

    /// What a child element of the innermost open element is assessed as, and the content
    /// error it causes, if any.
    fn decide_child(
        &mut self,
        ns: &str,
        local: &str,
        label: &str,
    ) -> (Option<(&'static str, String)>, Next) {
        let schema = self.schema;
        let Some(top) = self.stack.last_mut() else {
            return (None, Next::Skip);
        };
        top.nonempty = true;
        top.has_children = true;
        let parent = top.name.clone();
        match top.mode {
            Mode::Skip => (None, Next::Skip),
            Mode::Lax => (None, Next::Wildcard(Process::Lax)),
            Mode::Strict { .. } => {
                if top.nil || !matches!(top.shape, Shape::Elements { .. }) {
                    let report = !top.failed;
                    top.failed = true;
                    let why = if top.nil {
                        format!("Element '{parent}': Neither character nor element content is allowed because the element is 'nilled'.")
                    } else if top.shape == Shape::Empty {
                        format!("Element '{parent}': Element content is not allowed, because the content type is empty.")
                    } else {
                        format!("Element '{parent}': Element content is not allowed, because the content type is a simple type definition.")
                    };
                    return (report.then_some(("xsd-content", why)), Next::Skip);
                }
                if top.failed {
                    return (None, Next::Skip);
                }
                let Some(aut) = top.automaton.clone() else {
                    return (None, Next::Skip);
                };
                let sym = aut.symbol(schema, ns, local);
                match aut.step(top.state, sym) {
                    None => {
                        let expected = aut.expected(schema, top.state);
                        top.failed = true;
                        let msg = if expected.is_empty() {
                            format!("Element '{label}': This element is not expected (<{parent}> allows no more children here).")
                        } else {
                            format!(
                                "Element '{label}': This element is not expected. Expected is one of ( {} ).",
                                expected.join(", ")
                            )
                        };
                        (Some(("xsd-content", msg)), Next::Skip)
                    }
                    Some((state, matcher)) => {
                        top.state = state;
                        match matcher {
                            Matcher::Element(d) => (None, Next::Enter(*d)),
                            Matcher::Any(w) => (None, Next::Wildcard(w.process)),
                        }
                    }
                }
            }
        }
    }

    /// Starts assessing an element against declaration `d`.
    fn enter(
        &mut self,
        reader: &NsReader<&[u8]>,
        e: &BytesStart<'_>,
        d: ElemId,
        label: String,
        pos: usize,
    ) {
        let schema = self.schema;
        let Some(decl) = schema.elements.get(d as usize) else {
            self.push(Mode::Skip, label, pos);
            return;
        };
        if decl.is_abstract {
            self.error(
                "xsd-content",
                pos,
                format!("Element '{label}': The element declaration is abstract."),
            );
            self.push(Mode::Skip, label, pos);
            return;
        }
        let mut ty = decl.ty;
        let mut nil = false;
        for a in e.attributes() {
            let Ok(a) = a else { continue };
            // Only a prefixed attribute can be in the xsi namespace.
            if a.key.prefix().is_none() {
                continue;
            }
            let (res, alocal) = reader.resolve_attribute(a.key);
            let in_xsi = matches!(res, ResolveResult::Bound(n) if n.as_ref() == NS_XSI.as_bytes());
            if !in_xsi {
                continue;
            }
            let value = match attr_value(a.value.as_ref()) {
                Ok(v) => collapse(&v),
                Err(_) => continue,
            };
            match alocal.as_ref() {
                b"type" => {
                    let (tres, tlocal) = reader.resolve_element(QName(value.as_bytes()));
                    let tns = match tres {
                        ResolveResult::Bound(n) => String::from_utf8_lossy(n.as_ref()).into_owned(),
                        ResolveResult::Unbound => String::new(),
                        ResolveResult::Unknown(_) => {
                            self.error("xsd-type", pos, format!("Element '{label}': the prefix of xsi:type '{value}' is not declared."));
                            continue;
                        }
                    };
                    let tname =
                        super::XName::new(&tns, &String::from_utf8_lossy(tlocal.as_ref()));
                    match schema.global_types.get(&tname) {
                        None => self.error(
                            "xsd-type",
                            pos,
                            format!("Element '{label}': The QName value '{value}' of the xsi:type attribute does not resolve to a type definition."),
                        ),
                        Some(&xt) => {
                            let blocked = decl.block
                                | schema.types.get(ty as usize).map_or(0, |t| t.block);
                            if schema.derives_from(xt, ty, blocked & 3) {
                                ty = xt;
                            } else {
                                self.error("xsd-type", pos, format!("Element '{label}': The type definition '{value}', specified by xsi:type, is blocked or not validly derived from the type definition of the element declaration."));
                            }
                        }
                    }
                }
                b"nil" => match value.as_str() {
                    "true" | "1" => {
                        if decl.nillable {
                            nil = true;
                            if decl.constraint.as_ref().is_some_and(|c| c.fixed) {
                                self.error("xsd-nil", pos, format!("Element '{label}': The element cannot be 'nilled' because there is a fixed value constraint defined for it."));
                            }
                        } else {
                            self.error("xsd-nil", pos, format!("Element '{label}': The element is not 'nillable'."));
                        }
                    }
                    "false" | "0" => {}
                    _ => self.error(
                        "xsd-value",
                        pos,
                        format!("Element '{label}', attribute 'xsi:nil': '{value}' is not a valid value of the atomic type 'xs:boolean'."),
                    ),
                },
                _ => {}
            }
        }
        if let Some(TypeKind::Complex(c)) = schema.types.get(ty as usize).map(|t| &t.kind) {
            if c.is_abstract {
                self.error(
                    "xsd-type",
                    pos,
                    format!("Element '{label}': The type definition is abstract."),
                );
            }
        }
        self.attributes(reader, e, ty, &label, pos);
        let shape = self.shape_of(ty);
        let automaton = match schema
            .types
            .get(ty as usize)
            .and_then(|t| schema.automaton_of(t))
        {
            Some(Ok(a)) => Some(a),
            Some(Err(m)) => {
                self.error(
                    "xsd-schema",
                    pos,
                    format!(
                        "Element '{label}': the schema's content model cannot be compiled: {m}"
                    ),
                );
                None
            }
            None => None,
        };
        self.stack.push(Frame {
            mode: Mode::Strict { ty, decl: Some(d) },
            shape,
            name: label,
            failed: automaton.is_none() && matches!(shape, Shape::Elements { .. }),
            automaton,
            state: 0,
            text: String::new(),
            nonempty: false,
            has_children: false,
            nil,
            offset: pos,
        });
    }

    fn attributes(
        &mut self,
        reader: &NsReader<&[u8]>,
        e: &BytesStart<'_>,
        ty: TypeId,
        label: &str,
        pos: usize,
    ) {
        let schema = self.schema;
        let (uses, wildcard) = match schema.types.get(ty as usize).map(|t| &t.kind) {
            Some(TypeKind::Complex(c)) => (c.attributes.as_slice(), c.wildcard.as_ref()),
            _ => (&[][..], None),
        };
        let mut seen = vec![false; uses.len()];
        for a in e.attributes() {
            let a = match a {
                Ok(a) => a,
                Err(err) => {
                    self.error("xml-syntax", pos, format!("not well-formed: {err}"));
                    continue;
                }
            };
            if a.key.as_namespace_binding().is_some() {
                continue;
            }
            let (res, alocal) = reader.resolve_attribute(a.key);
            let alocal = String::from_utf8_lossy(alocal.as_ref()).into_owned();
            let ans = match res {
                ResolveResult::Bound(n) => String::from_utf8_lossy(n.as_ref()).into_owned(),
                ResolveResult::Unbound => String::new(),
                ResolveResult::Unknown(p) => {
                    let p = String::from_utf8_lossy(&p).into_owned();
                    self.error(
                        "xml-namespace",
                        pos,
                        format!(
                            "the namespace prefix `{p}` of attribute {p}:{alocal} is not declared"
                        ),
                    );
                    continue;
                }
            };
            let aname = if ans.is_empty() {
                alocal.clone()
            } else {
                format!("{{{ans}}}{alocal}")
            };
            let value = match attr_value(a.value.as_ref()) {
                Ok(v) => v,
                Err(m) => {
                    self.error("xml-syntax", pos, format!("not well-formed: {m}"));
                    continue;
                }
            };
            if ans == NS_XSI {
                if !matches!(
                    alocal.as_str(),
                    "type" | "nil" | "schemaLocation" | "noNamespaceSchemaLocation"
                ) {
                    self.error("xsd-attribute", pos, format!("Element '{label}', attribute '{aname}': The attribute '{aname}' is not allowed."));
                }
                continue;
            }
            let context = || format!("Element '{label}', attribute '{aname}'");
            if let Some(i) = uses
                .iter()
                .position(|u| &*u.name.ns == ans.as_str() && &*u.name.local == alocal.as_str())
            {
                seen[i] = true;
                let u = &uses[i];
                self.check_value(u.ty, &value, u.constraint.as_ref(), &context, pos);
                continue;
            }
            match wildcard.filter(|w| w.ns.allows(&ans)) {
                Some(w) => {
                    let decl = schema
                        .global_attributes
                        .get(&super::XName::new(&ans, &alocal));
                    match (w.process, decl) {
                        (Process::Skip, _) => {}
                        (_, Some(d)) => {
                            self.check_value(d.ty, &value, d.constraint.as_ref(), &context, pos)
                        }
                        (Process::Lax, None) => {}
                        (Process::Strict, None) => self.error(
                            "xsd-attribute",
                            pos,
                            format!("{}: No matching global attribute declaration available, but demanded by the strict wildcard.", context()),
                        ),
                    }
                }
                None => self.error(
                    "xsd-attribute",
                    pos,
                    format!("{}: The attribute '{aname}' is not allowed.", context()),
                ),
            }
        }
        for (u, s) in uses.iter().zip(&seen) {
            if u.required && !s {
                self.error(
                    "xsd-attribute",
                    pos,
                    format!(
                        "Element '{label}': The attribute '{}' is required but missing.",
                        u.name
                    ),
                );
            }
        }
    }

    /// Attributes of an element under a lax wildcard: those with a global declaration.
    fn lax_attributes(&mut self, reader: &NsReader<&[u8]>, e: &BytesStart<'_>, pos: usize) {
        let schema = self.schema;
        for a in e.attributes().flatten() {
            if a.key.as_namespace_binding().is_some() {
                continue;
            }
            let (res, alocal) = reader.resolve_attribute(a.key);
            let ResolveResult::Bound(n) = res else {
                continue;
            };
            let name = super::XName::new(
                &String::from_utf8_lossy(n.as_ref()),
                &String::from_utf8_lossy(alocal.as_ref()),
            );
            if let (Some(d), Ok(v)) = (
                schema.global_attributes.get(&name),
                attr_value(a.value.as_ref()),
            ) {
                let context = || format!("attribute '{name}'");
                self.check_value(d.ty, &v, d.constraint.as_ref(), &context, pos);
            }
        }
    }

    fn text(&mut self, s: &str, cdata: bool, pos: usize) {
        if let Some(bad) = s.chars().find(|c| !is_xml_char(*c)) {
            self.error(
                "xml-syntax",
                pos,
                format!("character U+{:04X} is not allowed in XML", bad as u32),
            );
        }
        let Some(top) = self.stack.last_mut() else {
            if !s.chars().all(is_xml_space) {
                self.error("xml-syntax", pos, "text outside the root element".into());
            }
            return;
        };
        if !matches!(top.mode, Mode::Strict { .. }) {
            return;
        }
        if s.is_empty() && !cdata {
            return;
        }
        top.nonempty = true;
        let name = top.name.clone();
        if top.nil {
            if !top.failed {
                top.failed = true;
                self.error("xsd-nil", pos, format!("Element '{name}': Neither character nor element content is allowed because the element is 'nilled'."));
            }
            return;
        }
        match top.shape {
            Shape::Simple(_) => top.text.push_str(s),
            Shape::Empty => {
                if !top.failed {
                    top.failed = true;
                    self.error("xsd-content", pos, format!("Element '{name}': Character content is not allowed, because the content type is empty."));
                }
            }
            Shape::Elements { mixed: false } => {
                if (cdata || !s.chars().all(is_xml_space)) && !top.failed {
                    top.failed = true;
                    self.error("xsd-content", pos, format!("Element '{name}': Character content other than whitespace is not allowed because the content type is 'element-only'."));
                }
            }
            Shape::Elements { mixed: true } => {
                top.text.push_str(s);
            }
        }
    }

    fn end(&mut self, pos: usize) {
        let Some(f) = self.stack.pop() else {
            return;
        };
        let Mode::Strict { decl, .. } = f.mode else {
            return;
        };
        if f.nil {
            return;
        }
        let schema = self.schema;
        let constraint = decl
            .and_then(|d| schema.elements.get(d as usize))
            .and_then(|d| d.constraint.clone());
        match f.shape {
            Shape::Simple(st) => {
                let value = match (&constraint, f.nonempty) {
                    (Some(c), false) => c.value.to_string(),
                    _ => f.text.clone(),
                };
                let name = f.name.clone();
                let context = || format!("Element '{name}'");
                // An element's fixed value is compared with its text as written (below);
                // an attribute's in the value space (`check_value`).
                let not_fixed = constraint.clone().filter(|c| !c.fixed);
                self.check_value(st, &value, not_fixed.as_ref(), &context, f.offset);
                if let Some(c) = constraint.filter(|c| c.fixed) {
                    if value != *c.value {
                        self.error(
                            "xsd-value",
                            f.offset,
                            format!(
                                "{}: The element content '{value}' does not match the fixed value constraint '{}'.",
                                context(),
                                c.value
                            ),
                        );
                    }
                }
            }
            Shape::Empty => {}
            Shape::Elements { mixed } => {
                if let Some(aut) = &f.automaton {
                    if !f.failed && !aut.accepts(f.state) {
                        let expected = aut.expected(schema, f.state);
                        self.error(
                            "xsd-content",
                            pos.max(f.offset),
                            format!(
                                "Element '{}': Missing child element(s). Expected is ( {} ).",
                                f.name,
                                expected.join(", ")
                            ),
                        );
                    }
                }
                if let Some(c) = constraint.filter(|c| c.fixed && mixed && !f.has_children) {
                    if f.nonempty && f.text != *c.value {
                        self.error(
                            "xsd-value",
                            f.offset,
                            format!(
                                "Element '{}': The element content '{}' does not match the fixed value constraint '{}'.",
                                f.name, f.text, c.value
                            ),
                        );
                    }
                }
            }
        }
    }

    /// Checks a value against a simple type (and a fixed value), recording IDs and IDREFs.
    fn check_value(
        &mut self,
        ty: TypeId,
        raw: &str,
        constraint: Option<&ValueConstraint>,
        context: &dyn Fn() -> String,
        pos: usize,
    ) {
        if let Some(bad) = raw.chars().find(|c| !is_xml_char(*c)) {
            self.error(
                "xml-syntax",
                pos,
                format!(
                    "{}: character U+{:04X} is not allowed in XML",
                    context(),
                    bad as u32
                ),
            );
            return;
        }
        let mut tokens = Vec::new();
        if let Err(m) = check_simple(self.schema, ty, raw, &mut tokens, 0) {
            self.error("xsd-value", pos, format!("{}: {m}", context()));
            return;
        }
        if let Some(c) = constraint.filter(|c| c.fixed) {
            if !same_value(self.schema, ty, raw, &c.value) {
                self.error(
                    "xsd-value",
                    pos,
                    format!(
                        "{}: The value '{raw}' does not match the fixed value constraint '{}'.",
                        context(),
                        c.value
                    ),
                );
            }
        }
        for t in tokens {
            match t {
                Token::Id(id) => {
                    if self.ids.insert(id.clone(), pos).is_some() {
                        self.error(
                            "xsd-id",
                            pos,
                            format!("{}: '{id}' is not a valid value of the atomic type 'xs:ID' (the ID is already used).", context()),
                        );
                    }
                }
                Token::IdRef(r) => self.idrefs.push((r, pos)),
            }
        }
    }
}

/// An attribute value after XML attribute-value normalization (§3.3.3, CDATA): line ends
/// and literal tabs and newlines become spaces; references are expanded.
fn attr_value(raw: &[u8]) -> Result<String, String> {
    if !raw
        .iter()
        .any(|b| matches!(b, b'&' | b'\t' | b'\n' | b'\r'))
    {
        return Ok(String::from_utf8_lossy(raw).into_owned());
    }
    let raw = String::from_utf8_lossy(raw);
    let spaced: String = normalize_newlines(&raw)
        .chars()
        .map(|c| if matches!(c, '\t' | '\n') { ' ' } else { c })
        .collect();
    unescape(&spaced)
}

/// Validates `raw` against simple type `ty`, collecting ID/IDREF tokens.
fn check_simple(
    schema: &Schema,
    ty: TypeId,
    raw: &str,
    tokens: &mut Vec<Token>,
    depth: usize,
) -> Result<(), String> {
    if depth > 64 {
        return Err("simple types nest too deeply".into());
    }
    let Some(st) = schema.simple(ty) else {
        return Err(format!("{} is not a simple type", schema.type_label(ty)));
    };
    match &st.variety {
        Variety::Atomic => {
            let norm = st.whitespace.apply(raw);
            let value = st.builtin.parse(&norm).map_err(|_| {
                format!(
                    "'{norm}' is not a valid value of the atomic type {}.",
                    if schema
                        .types
                        .get(ty as usize)
                        .is_some_and(|t| t.name.is_some())
                    {
                        schema.type_label(ty)
                    } else {
                        format!("derived from 'xs:{}'", st.builtin.name())
                    }
                )
            })?;
            check_facets(
                st,
                &norm,
                Some(&value),
                atomic_length(st.builtin, &norm, &value),
            )?;
            match st.builtin {
                Builtin::Id => tokens.push(Token::Id(norm)),
                Builtin::IdRef => tokens.push(Token::IdRef(norm)),
                _ => {}
            }
            Ok(())
        }
        Variety::List(item) => {
            let norm = collapse(raw);
            let items: Vec<&str> = if norm.is_empty() {
                Vec::new()
            } else {
                norm.split(' ').collect()
            };
            for it in &items {
                check_simple(schema, *item, it, tokens, depth + 1)?;
            }
            check_facets(st, &norm, None, Some(items.len()))
        }
        Variety::Union(members) => {
            for m in members {
                let mut own = Vec::new();
                if check_simple(schema, *m, raw, &mut own, depth + 1).is_ok() {
                    tokens.extend(own);
                    return check_facets(st, &collapse(raw), None, None);
                }
            }
            Err(format!(
                "'{raw}' is not a valid value of the union type {}.",
                schema.type_label(ty)
            ))
        }
    }
}

fn check_facets(
    st: &SimpleType,
    norm: &str,
    value: Option<&Value>,
    length: Option<usize>,
) -> Result<(), String> {
    let f = &st.facets;
    if let Some(n) = length {
        if let Some(l) = f.length.filter(|l| *l != n) {
            return Err(format!("[facet 'length'] The value '{norm}' has a length of '{n}'; this differs from the allowed length of '{l}'."));
        }
        if let Some(l) = f.min_length.filter(|l| n < *l) {
            return Err(format!("[facet 'minLength'] The value '{norm}' has a length of '{n}'; this underruns the allowed minimum length of '{l}'."));
        }
        if let Some(l) = f.max_length.filter(|l| n > *l) {
            return Err(format!("[facet 'maxLength'] The value '{norm}' has a length of '{n}'; this exceeds the allowed maximum length of '{l}'."));
        }
    }
    for set in &f.enumerations {
        let found = set.iter().any(|(lit, parsed)| match (parsed, value) {
            (Some(p), Some(v)) => p.same(v),
            _ => **lit == *norm,
        });
        if !found {
            let all: Vec<String> = set.iter().map(|(l, _)| format!("'{l}'")).collect();
            let shown = if all.len() > 12 {
                format!("{}, ...", all[..12].join(", "))
            } else {
                all.join(", ")
            };
            return Err(format!(
                "[facet 'enumeration'] The value '{norm}' is not an element of the set {{{shown}}}."
            ));
        }
    }
    for set in &f.patterns {
        let mut ok = false;
        for p in set {
            if p.matches(norm)? {
                ok = true;
                break;
            }
        }
        if !ok {
            let srcs: Vec<&str> = set.iter().map(|p| &*p.source).collect();
            return Err(format!(
                "[facet 'pattern'] The value '{norm}' is not accepted by the pattern '{}'.",
                srcs.join("|")
            ));
        }
    }
    if let Some(v) = value {
        let cmp = |b: &Option<Value>, ok: &dyn Fn(std::cmp::Ordering) -> bool, facet: &str| match b
        {
            Some(b) => match v.partial_cmp(b) {
                Some(o) if ok(o) => Ok(()),
                _ => Err(format!(
                    "[facet '{facet}'] The value '{norm}' is out of the allowed range."
                )),
            },
            None => Ok(()),
        };
        use std::cmp::Ordering::*;
        cmp(&f.min_inclusive, &|o| o != Less, "minInclusive")?;
        cmp(&f.min_exclusive, &|o| o == Greater, "minExclusive")?;
        cmp(&f.max_inclusive, &|o| o != Greater, "maxInclusive")?;
        cmp(&f.max_exclusive, &|o| o == Less, "maxExclusive")?;
        if let Value::Dec(d) = v {
            if let Some(t) = f.total_digits.filter(|t| d.total_digits() > *t) {
                return Err(format!("[facet 'totalDigits'] The value '{norm}' has more digits than are allowed ('{t}')."));
            }
            if let Some(t) = f.fraction_digits.filter(|t| d.fraction_digits() > *t) {
                return Err(format!("[facet 'fractionDigits'] The value '{norm}' has more fractional digits than are allowed ('{t}')."));
            }
        }
    }
    Ok(())
}

/// Whether two lexical forms denote the same value of `ty` (for fixed value constraints).
fn same_value(schema: &Schema, ty: TypeId, a: &str, b: &str) -> bool {
    match schema.simple(ty) {
        Some(st) if matches!(st.variety, Variety::Atomic) => {
            let (na, nb) = (st.whitespace.apply(a), st.whitespace.apply(b));
            match (st.builtin.parse(&na), st.builtin.parse(&nb)) {
                (Ok(x), Ok(y)) => x.same(&y),
                _ => na == nb,
            }
        }
        _ => collapse(a) == collapse(b),
    }
}
