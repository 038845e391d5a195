//! Document validation (XML 1.0 §3 validity constraints) over quick-xml events.
//!
//! Positions are byte offsets into the document, turned into 1-based line and column only
//! when a diagnostic is written. Text inside an entity's replacement text is reported at
//! the entity reference.

use super::content::Dfa;
use super::parser::{self, Access, GeneralEntity, Parser};
use super::{line_col, AttType, Content, DefaultDecl, Dtd, DtdError, Element, Limits};
use crate::model::Diagnostic;
use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;
use std::borrow::Cow;
use std::collections::HashMap;

/// Longest content model quoted in full in a message.
const MAX_MODEL_CHARS: usize = 400;

fn is_ws(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r')
}

fn all_ws(s: &[u8]) -> bool {
    s.iter().all(|&b| is_ws(b))
}

fn is_name_start_char(c: char) -> bool {
    matches!(c, ':' | 'A'..='Z' | '_' | 'a'..='z' | '\u{C0}'..='\u{D6}' | '\u{D8}'..='\u{F6}'
        | '\u{F8}'..='\u{2FF}' | '\u{370}'..='\u{37D}' | '\u{37F}'..='\u{1FFF}'
        | '\u{200C}'..='\u{200D}' | '\u{2070}'..='\u{218F}' | '\u{2C00}'..='\u{2FEF}'
        | '\u{3001}'..='\u{D7FF}' | '\u{F900}'..='\u{FDCF}' | '\u{FDF0}'..='\u{FFFD}'
        | '\u{10000}'..='\u{EFFFF}')
}

fn is_name_char(c: char) -> bool {
    is_name_start_char(c)
        || matches!(c, '-' | '.' | '0'..='9' | '\u{B7}' | '\u{300}'..='\u{36F}' | '\u{203F}'..='\u{2040}')
}

/// XML `Name`.
pub(crate) fn is_name(s: &str) -> bool {
    let mut it = s.chars();
    it.next().is_some_and(is_name_start_char) && it.all(is_name_char)
}

/// XML `Nmtoken`.
pub(crate) fn is_nmtoken(s: &str) -> bool {
    !s.is_empty() && s.chars().all(is_name_char)
}

fn predefined(name: &str) -> Option<char> {
    Some(match name {
        "lt" => '<',
        "gt" => '>',
        "amp" => '&',
        "apos" => '\'',
        "quot" => '"',
        _ => return None,
    })
}

fn char_ref(body: &str) -> Option<char> {
    let v = match body.strip_prefix('x') {
        Some(h) if !h.is_empty() && h.bytes().all(|b| b.is_ascii_hexdigit()) => {
            u32::from_str_radix(h, 16).ok()?
        }
        Some(_) => return None,
        None if !body.is_empty() && body.bytes().all(|b| b.is_ascii_digit()) => {
            body.parse().ok()?
        }
        None => return None,
    };
    char::from_u32(v).filter(|&c| parser::is_xml_char(c))
}

/// Attribute-value normalization (§3.3.3) against a set of general entities; `Err` says
/// why the value is not well-formed.
fn normalize_with<'e>(
    raw: &str,
    cdata: bool,
    lookup: &dyn Fn(&str) -> Option<&'e GeneralEntity>,
    limits: &Limits,
    budget: &mut usize,
    depth: usize,
) -> Result<String, (&'static str, String)> {
    let mut out = String::with_capacity(raw.len());
    let mut rest = raw;
    while let Some(i) = rest.find(['&', '<', '\t', '\n', '\r']) {
        out.push_str(&rest[..i]);
        let tail = &rest[i..];
        if tail.starts_with('<') {
            return Err((
                "xml-syntax",
                "'<' is not allowed in an attribute value".into(),
            ));
        }
        if !tail.starts_with('&') {
            out.push(' ');
            rest = &tail[1..];
            continue;
        }
        let Some(end) = tail.find(';') else {
            return Err((
                "xml-syntax",
                "'&' not followed by a reference in an attribute value".into(),
            ));
        };
        let body = &tail[1..end];
        rest = &tail[end + 1..];
        if let Some(num) = body.strip_prefix('#') {
            match char_ref(num) {
                Some(c) => out.push(c),
                None => {
                    return Err((
                        "xml-syntax",
                        format!("invalid character reference &{body};"),
                    ))
                }
            }
        } else if let Some(c) = predefined(body) {
            out.push(c);
        } else {
            match lookup(body) {
                None => {
                    return Err((
                        "dtd-undeclared-entity",
                        format!("entity &{body}; is not declared"),
                    ))
                }
                Some(GeneralEntity::External { .. }) => {
                    return Err((
                        "dtd-external-entity",
                        format!(
                            "external entity &{body}; may not be referenced in an attribute value"
                        ),
                    ))
                }
                Some(GeneralEntity::Internal(text)) => {
                    if depth >= limits.max_entity_depth {
                        return Err((
                            "dtd-limit",
                            "entity references nested deeper than max_entity_depth".into(),
                        ));
                    }
                    if text.len() > *budget {
                        return Err((
                            "dtd-limit",
                            format!("expanding &{body}; exceeds max_entity_expansion_bytes"),
                        ));
                    }
                    *budget -= text.len();
                    let inner = normalize_with(text, true, lookup, limits, budget, depth + 1)?;
                    out.push_str(&inner);
                }
            }
        }
    }
    out.push_str(rest);
    if !cdata {
        let collapsed = out
            .split(' ')
            .filter(|t| !t.is_empty())
            .collect::<Vec<_>>()
            .join(" ");
        return Ok(collapsed);
    }
    Ok(out)
}

/// Normalizes a default value declared in the DTD.
pub(crate) fn normalize_static(
    raw: &str,
    cdata: bool,
    entities: &HashMap<String, GeneralEntity>,
    limits: &Limits,
) -> Result<String, String> {
    let mut budget = limits.max_entity_expansion_bytes;
    normalize_with(raw, cdata, &|n| entities.get(n), limits, &mut budget, 0).map_err(|(_, m)| m)
}

/// An open element.
struct Open {
    /// The element's symbol, when it is declared.
    sym: Option<u32>,
    /// DFA state, for element content.
    state: u32,
    /// A content error was already reported for this element.
    failed: bool,
    /// Text was already reported as not allowed here.
    text_reported: bool,
}

struct Validator<'d> {
    dtd: &'d Dtd,
    limits: &'d Limits,
    src: &'d [u8],
    line_starts: Option<Vec<usize>>,
    diags: Vec<Diagnostic>,
    stack: Vec<Open>,
    ids: HashMap<String, usize>,
    idrefs: Vec<(String, usize)>,
    doctype: Option<String>,
    seen_root: bool,
    /// Where diagnostics point while inside an entity's replacement text.
    anchor: Option<usize>,
    entity_stack: Vec<String>,
    budget: usize,
    sizes: HashMap<String, usize>,
    seen_attr: Vec<bool>,
    stop: bool,
}

impl<'d> Validator<'d> {
    fn at(&mut self, pos: usize) -> (usize, usize) {
        let pos = self.anchor.unwrap_or(pos).min(self.src.len());
        let starts = self.line_starts.get_or_insert_with(|| {
            let mut v = vec![0];
            v.extend(
                self.src
                    .iter()
                    .enumerate()
                    .filter(|(_, &b)| b == b'\n')
                    .map(|(i, _)| i + 1),
            );
            v
        });
        let line = starts.partition_point(|&s| s <= pos);
        let start = starts.get(line.saturating_sub(1)).copied().unwrap_or(0);
        let col = 1 + self
            .src
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

    /// Byte offset of `part` inside the document, when it is a slice of it.
    fn offset_of(&self, part: &[u8], fallback: usize) -> usize {
        let base = self.src.as_ptr() as usize;
        let p = part.as_ptr() as usize;
        if p >= base && p <= base + self.src.len() {
            p - base
        } else {
            fallback
        }
    }

    fn model_text(&self, e: &Element) -> String {
        let m = &*e.model;
        if m.chars().count() > MAX_MODEL_CHARS {
            let cut: String = m.chars().take(MAX_MODEL_CHARS).collect();
            format!("{cut}…")
        } else {
            m.to_string()
        }
    }

    fn expected_list(&self, dfa: &Dfa, state: u32) -> String {
        let mut v: Vec<String> = dfa
            .expected(state)
            .map(|s| format!("<{}>", self.dtd.name(s)))
            .collect();
        if dfa.accepts(state) {
            v.push(String::from("the end of the element"));
        }
        if v.is_empty() {
            "nothing".into()
        } else {
            v.join(", ")
        }
    }

    fn lookup(&self, name: &str) -> Option<&'d GeneralEntity> {
        self.dtd.decls.general.get(name)
    }

    // ----- elements ---------------------------------------------------------------------

    fn start(&mut self, e: &BytesStart<'_>, pos: usize, empty: bool) {
        if self.stack.len() >= self.limits.max_depth {
            self.error(
                "dtd-limit",
                pos,
                format!(
                    "elements nested deeper than max_depth ({})",
                    self.limits.max_depth
                ),
            );
            self.stop = true;
            return;
        }
        let raw_name = e.name();
        let name_bytes = raw_name.as_ref();
        let Ok(name) = std::str::from_utf8(name_bytes) else {
            self.error("xml-syntax", pos, "element name is not UTF-8".into());
            self.stop = true;
            return;
        };
        let sym = self.dtd.symbol(name_bytes);
        let element = sym.and_then(|s| self.dtd.element(s));
        let declared = element.is_some_and(|el| !matches!(el.content, Content::Undeclared));
        if self.stack.is_empty() {
            if self.seen_root && self.anchor.is_none() {
                self.error("xml-syntax", pos, format!("a second root element <{name}>"));
            }
            self.seen_root = true;
            if let Some(dt) = &self.doctype {
                if dt != name && self.anchor.is_none() {
                    let msg = format!(
                        "the DOCTYPE names the root <{dt}> but the root element is <{name}>"
                    );
                    self.error("dtd-root", pos, msg);
                }
            }
        } else {
            self.child(sym, name, pos);
        }
        if !declared {
            self.error(
                "dtd-undeclared-element",
                pos,
                format!("element <{name}> is not declared in the DTD"),
            );
        }
        self.attributes(e, element.filter(|_| declared), name, pos);
        self.stack.push(Open {
            sym: sym.filter(|_| declared),
            state: 0,
            failed: false,
            text_reported: false,
        });
        if empty {
            self.end(pos);
        }
    }

    /// Checks child `sym` against the content model of the open element.
    fn child(&mut self, sym: Option<u32>, name: &str, pos: usize) {
        let Some(top) = self.stack.last() else { return };
        let Some(psym) = top.sym else { return };
        let Some(parent) = self.dtd.element(psym) else {
            return;
        };
        let pname = self.dtd.name(psym);
        match &parent.content {
            Content::Undeclared | Content::Any => {}
            Content::Empty => {
                if !top.failed {
                    let msg = format!("<{pname}> is declared EMPTY but contains <{name}>");
                    self.error("dtd-content", pos, msg);
                    if let Some(t) = self.stack.last_mut() {
                        t.failed = true;
                    }
                }
            }
            Content::Mixed(allowed) => {
                if sym.is_none_or(|s| allowed.binary_search(&s).is_err()) {
                    let msg = format!(
                        "<{pname}> expected {} but found <{name}>",
                        self.model_text(parent)
                    );
                    self.error("dtd-content", pos, msg);
                }
            }
            Content::Children(dfa) => {
                if top.failed {
                    return;
                }
                let state = top.state;
                match sym.and_then(|s| dfa.step(state, s)) {
                    Some(next) => {
                        if let Some(t) = self.stack.last_mut() {
                            t.state = next;
                        }
                    }
                    None => {
                        let msg = format!(
                            "<{pname}> expected {} but found <{name}> (allowed here: {})",
                            self.model_text(parent),
                            self.expected_list(dfa, state)
                        );
                        self.error("dtd-content", pos, msg);
                        if let Some(t) = self.stack.last_mut() {
                            t.failed = true;
                        }
                    }
                }
            }
        }
    }

    fn end(&mut self, pos: usize) {
        let Some(top) = self.stack.pop() else { return };
        let Some(sym) = top.sym else { return };
        let Some(el) = self.dtd.element(sym) else {
            return;
        };
        if let Content::Children(dfa) = &el.content {
            if !top.failed && !dfa.accepts(top.state) {
                let name = self.dtd.name(sym);
                let msg = format!(
                    "<{name}> expected {} but found the end of <{name}> (still needed: {})",
                    self.model_text(el),
                    self.expected_list(dfa, top.state)
                );
                self.error("dtd-content", pos, msg);
            }
        }
    }

    // ----- text -------------------------------------------------------------------------

    /// Character data (or only white space) at `pos` in the open element.
    fn char_data(&mut self, pos: usize, whitespace_only: bool, cdata_section: bool) {
        let Some(top) = self.stack.last() else {
            if !whitespace_only {
                self.error("xml-syntax", pos, "text outside the root element".into());
            }
            return;
        };
        if top.text_reported {
            return;
        }
        let Some(sym) = top.sym else { return };
        let Some(el) = self.dtd.element(sym) else {
            return;
        };
        let name = self.dtd.name(sym);
        let msg = match &el.content {
            Content::Empty => format!("<{name}> is declared EMPTY but contains text"),
            Content::Children(_) if !whitespace_only || cdata_section => format!(
                "<{name}> has element content {}; text is not allowed there",
                self.model_text(el)
            ),
            _ => return,
        };
        self.error("dtd-text-not-allowed", pos, msg);
        if let Some(t) = self.stack.last_mut() {
            t.text_reported = true;
        }
    }

    /// Raw (unescaped) text at byte `pos`: checks it and every entity reference in it.
    fn text(&mut self, raw: &[u8], pos: usize) {
        let mut i = 0;
        let mut chars = false;
        while i < raw.len() && !self.stop {
            let rest = raw.get(i..).unwrap_or_default();
            let Some(k) = rest.iter().position(|&b| b == b'&') else {
                chars |= !all_ws(rest);
                break;
            };
            chars |= !all_ws(rest.get(..k).unwrap_or_default());
            let at = i + k;
            let tail = raw.get(at + 1..).unwrap_or_default();
            let Some(semi) = tail.iter().take(256).position(|&b| b == b';') else {
                self.error(
                    "xml-syntax",
                    pos + at,
                    "'&' not followed by an entity or character reference".into(),
                );
                return;
            };
            let body = String::from_utf8_lossy(tail.get(..semi).unwrap_or_default());
            i = at + semi + 2;
            if let Some(num) = body.strip_prefix('#') {
                if char_ref(num).is_none() {
                    self.error(
                        "xml-syntax",
                        pos + at,
                        format!("invalid character reference &{body};"),
                    );
                }
                chars = true;
            } else if predefined(&body).is_some() {
                chars = true;
            } else {
                if chars {
                    self.char_data(pos, false, false);
                    chars = false;
                }
                self.entity(&body, pos + at);
            }
        }
        if chars {
            self.char_data(pos, false, false);
        } else if !raw.is_empty() && self.stack.last().is_some() {
            self.char_data(pos, true, false);
        }
    }

    /// Fully expanded size of an internal entity, bounded (saturating) and memoized.
    fn size_of(&mut self, name: &str, depth: usize) -> usize {
        if let Some(&s) = self.sizes.get(name) {
            return s;
        }
        if depth > self.limits.max_entity_depth {
            return usize::MAX;
        }
        // Guard against cycles: a name being sized counts as huge.
        self.sizes.insert(name.to_string(), usize::MAX);
        let Some(GeneralEntity::Internal(text)) = self.lookup(name) else {
            self.sizes.insert(name.to_string(), 0);
            return 0;
        };
        let mut total = 0usize;
        let mut rest = text.as_str();
        while let Some(i) = rest.find('&') {
            total = total.saturating_add(i);
            let tail = &rest[i + 1..];
            let Some(end) = tail.find(';') else { break };
            let body = &tail[..end];
            if body.starts_with('#') || predefined(body).is_some() {
                total = total.saturating_add(4);
            } else {
                let s = self.size_of(body, depth + 1);
                total = total.saturating_add(s);
            }
            rest = &tail[end + 1..];
        }
        total = total.saturating_add(rest.len());
        self.sizes.insert(name.to_string(), total);
        total
    }

    /// A general entity referenced in content at `pos`.
    fn entity(&mut self, name: &str, pos: usize) {
        let Some(ent) = self.lookup(name) else {
            self.error(
                "dtd-undeclared-entity",
                pos,
                format!("entity &{name}; is not declared"),
            );
            return;
        };
        let text = match ent {
            GeneralEntity::External { ndata: Some(_), .. } => {
                let msg = format!("unparsed entity &{name}; may not be referenced in content");
                self.error("dtd-external-entity", pos, msg);
                return;
            }
            GeneralEntity::External { system, .. } => {
                let msg =
                    format!("&{name}; names the external entity {system:?}, which is never loaded");
                self.error("dtd-external-entity", pos, msg);
                return;
            }
            GeneralEntity::Internal(t) => t,
        };
        if self.entity_stack.iter().any(|n| n == name) {
            self.error(
                "xml-syntax",
                pos,
                format!("entity &{name}; refers to itself"),
            );
            return;
        }
        if self.entity_stack.len() >= self.limits.max_entity_depth {
            let msg = format!(
                "entity references nested deeper than max_entity_depth ({})",
                self.limits.max_entity_depth
            );
            self.error("dtd-limit", pos, msg);
            self.stop = true;
            return;
        }
        let size = self.size_of(name, 0);
        if size > self.budget {
            let msg = format!(
                "expanding &{name}; would exceed max_entity_expansion_bytes ({}); expansion stopped",
                self.limits.max_entity_expansion_bytes
            );
            self.error("dtd-limit", pos, msg);
            self.stop = true;
            return;
        }
        self.budget -= text.len().min(self.budget);
        let saved = self.anchor;
        self.anchor = Some(saved.unwrap_or(pos));
        self.entity_stack.push(name.to_string());
        if text.contains('<') {
            self.run(text.as_bytes(), true);
        } else {
            self.text(text.as_bytes(), pos);
        }
        self.entity_stack.pop();
        self.anchor = saved;
    }

    // ----- attributes -------------------------------------------------------------------

    fn attributes(
        &mut self,
        e: &BytesStart<'_>,
        element: Option<&'d Element>,
        name: &str,
        pos: usize,
    ) {
        if let Some(el) = element {
            self.seen_attr.clear();
            self.seen_attr.resize(el.attrs.len(), false);
        }
        let mut count = 0usize;
        for attr in e.attributes() {
            let attr = match attr {
                Ok(a) => a,
                Err(err) => {
                    self.error(
                        "xml-syntax",
                        pos,
                        format!("in the attributes of <{name}>: {err}"),
                    );
                    break;
                }
            };
            count += 1;
            if count > self.limits.max_attributes {
                let msg = format!(
                    "<{name}> has more than max_attributes ({}) attributes",
                    self.limits.max_attributes
                );
                self.error("dtd-limit", pos, msg);
                break;
            }
            let key = attr.key.as_ref();
            let apos = self.offset_of(key, pos);
            let Some(el) = element else { continue };
            let Some(idx) = el.attrs.iter().position(|a| a.name.as_bytes() == key) else {
                let key_str = String::from_utf8_lossy(key);
                let msg = format!("attribute {key_str} is not declared for <{name}>");
                self.error("dtd-undeclared-attribute", apos, msg);
                continue;
            };
            if let Some(s) = self.seen_attr.get_mut(idx) {
                *s = true;
            }
            let Some(def) = el.attrs.get(idx) else {
                continue;
            };
            let key_str = &*def.name;
            let Ok(raw) = std::str::from_utf8(&attr.value) else {
                self.error(
                    "xml-syntax",
                    apos,
                    format!("value of {key_str} is not UTF-8"),
                );
                continue;
            };
            let cdata = def.ty == AttType::Cdata;
            let value: Cow<'_, str> = if !cdata || raw.contains(['&', '<', '\t', '\n', '\r']) {
                let dtd = self.dtd;
                match normalize_with(
                    raw,
                    cdata,
                    &|n| dtd.decls.general.get(n),
                    self.limits,
                    &mut self.budget,
                    0,
                ) {
                    Ok(v) => Cow::Owned(v),
                    Err((code, msg)) => {
                        self.error(
                            code,
                            apos,
                            format!("attribute {key_str} of <{name}>: {msg}"),
                        );
                        continue;
                    }
                }
            } else {
                Cow::Borrowed(raw)
            };
            self.check_value(def.name.as_ref(), &def.ty, &def.default, &value, name, apos);
        }
        if let Some(el) = element.filter(|el| el.has_required) {
            for (i, a) in el.attrs.iter().enumerate() {
                if a.default == DefaultDecl::Required
                    && !self.seen_attr.get(i).copied().unwrap_or(false)
                {
                    let msg = format!("<{name}> requires attribute {} ({})", a.name, a.ty.render());
                    self.error("dtd-required-attribute", pos, msg);
                }
            }
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn check_value(
        &mut self,
        att: &str,
        ty: &AttType,
        default: &DefaultDecl,
        v: &str,
        el: &str,
        pos: usize,
    ) {
        let bad = |what: &str| format!("value {v:?} of attribute {att} on <{el}> is not {what}");
        match ty {
            AttType::Cdata => {}
            AttType::Id => {
                if !is_name(v) {
                    self.error("dtd-attribute-value", pos, bad("an XML name (ID)"));
                } else if let Some(&first) = self.ids.get(v) {
                    let (l, c) = self.at(first);
                    let msg = format!("ID {v:?} on <{el}> is already used at line {l}, column {c}");
                    self.error("dtd-duplicate-id", pos, msg);
                } else {
                    let at = self.anchor.unwrap_or(pos);
                    self.ids.insert(v.to_string(), at);
                }
            }
            AttType::Idref | AttType::Idrefs => {
                let many = *ty == AttType::Idrefs;
                let mut n = 0;
                for t in v.split(' ') {
                    n += 1;
                    if !is_name(t) {
                        self.error(
                            "dtd-attribute-value",
                            pos,
                            bad("a list of XML names (IDREF)"),
                        );
                        return;
                    }
                    let at = self.anchor.unwrap_or(pos);
                    self.idrefs.push((t.to_string(), at));
                }
                if n > 1 && !many {
                    self.error("dtd-attribute-value", pos, bad("a single XML name (IDREF)"));
                }
            }
            AttType::Entity | AttType::Entities => {
                let many = *ty == AttType::Entities;
                let tokens: Vec<&str> = v.split(' ').collect();
                if tokens.len() > 1 && !many {
                    self.error("dtd-attribute-value", pos, bad("a single entity name"));
                    return;
                }
                for t in tokens {
                    if !matches!(
                        self.lookup(t),
                        Some(GeneralEntity::External { ndata: Some(_), .. })
                    ) {
                        let msg = format!("attribute {att} on <{el}> names {t:?}, which is not a declared unparsed entity");
                        self.error("dtd-attribute-value", pos, msg);
                    }
                }
            }
            AttType::Nmtoken => {
                if !is_nmtoken(v) {
                    self.error("dtd-attribute-value", pos, bad("a name token (NMTOKEN)"));
                }
            }
            AttType::Nmtokens => {
                if v.is_empty() || !v.split(' ').all(is_nmtoken) {
                    self.error(
                        "dtd-attribute-value",
                        pos,
                        bad("a list of name tokens (NMTOKENS)"),
                    );
                }
            }
            AttType::Enumeration(list) | AttType::Notation(list) => {
                if !list.iter().any(|x| x == v) {
                    let msg = format!(
                        "value {v:?} of attribute {att} on <{el}> is not one of {}",
                        ty.render()
                    );
                    self.error("dtd-enumeration", pos, msg);
                }
            }
        }
        if let DefaultDecl::Fixed(f) = default {
            if f != v {
                let msg = format!("attribute {att} on <{el}> is #FIXED to {f:?} but has {v:?}");
                self.error("dtd-fixed-attribute", pos, msg);
            }
        }
    }

    // ----- the event loop ---------------------------------------------------------------

    /// Reads `bytes` (the document, or an entity's replacement text when `nested`).
    fn run(&mut self, bytes: &[u8], nested: bool) {
        let mut reader = Reader::from_reader(bytes);
        let cfg = reader.config_mut();
        cfg.trim_text(false);
        cfg.expand_empty_elements = false;
        cfg.check_end_names = true;
        cfg.check_comments = true;
        let base_depth = self.stack.len();
        while !self.stop {
            let pos = reader.buffer_position() as usize;
            let event = match reader.read_event() {
                Ok(e) => e,
                Err(err) => {
                    let at = reader.error_position() as usize;
                    self.error("xml-syntax", at, format!("not well-formed: {err}"));
                    self.stop = true;
                    return;
                }
            };
            match event {
                Event::Start(e) => self.start(&e, pos, false),
                Event::Empty(e) => self.start(&e, pos, true),
                Event::End(_) => {
                    if self.stack.len() <= base_depth {
                        self.error(
                            "xml-syntax",
                            pos,
                            "end tag without a start tag in this entity".into(),
                        );
                        self.stop = true;
                        return;
                    }
                    self.end(pos);
                }
                Event::Text(t) => {
                    let raw: &[u8] = &t;
                    self.text(raw, pos);
                }
                Event::CData(t) => {
                    if !t.is_empty() || self.stack.last().is_some() {
                        self.char_data(pos, false, true);
                    }
                }
                Event::Comment(_) | Event::PI(_) => self.markup_in_empty(pos),
                Event::Decl(_) => {
                    if nested || pos != 0 {
                        self.error(
                            "xml-syntax",
                            pos,
                            "XML declaration not at the start of the document".into(),
                        );
                    }
                }
                Event::DocType(t) => {
                    if nested || self.seen_root {
                        self.error("xml-syntax", pos, "DOCTYPE not allowed here".into());
                    } else {
                        let raw: &[u8] = &t;
                        let name_len = raw
                            .iter()
                            .position(|&b| is_ws(b) || b == b'[')
                            .unwrap_or(raw.len());
                        self.doctype = Some(
                            String::from_utf8_lossy(raw.get(..name_len).unwrap_or_default())
                                .into_owned(),
                        );
                    }
                }
                Event::Eof => {
                    if !nested {
                        if let Some(open) = self.stack.last() {
                            let name = open.sym.map_or("an element", |s| self.dtd.name(s));
                            let msg =
                                format!("the document ends inside <{name}> (end tag missing)");
                            self.error("xml-syntax", bytes.len(), msg);
                            self.stop = true;
                        }
                    }
                    break;
                }
            }
        }
        if nested && !self.stop && self.stack.len() != base_depth {
            self.error(
                "xml-syntax",
                0,
                "an entity's replacement text leaves an element open".into(),
            );
            self.stack.truncate(base_depth);
        }
    }

    /// A comment or processing instruction: not allowed in an EMPTY element.
    fn markup_in_empty(&mut self, pos: usize) {
        let Some(top) = self.stack.last() else { return };
        let Some(sym) = top.sym else { return };
        if matches!(
            self.dtd.element(sym).map(|e| &e.content),
            Some(Content::Empty)
        ) && !top.failed
        {
            let name = self.dtd.name(sym);
            self.error(
                "dtd-content",
                pos,
                format!(
                    "<{name}> is declared EMPTY but contains a comment or processing instruction"
                ),
            );
            if let Some(t) = self.stack.last_mut() {
                t.failed = true;
            }
        }
    }

    fn finish(&mut self) {
        if !self.stop && !self.seen_root {
            self.error(
                "xml-syntax",
                self.src.len(),
                "the document has no root element".into(),
            );
        }
        let refs = std::mem::take(&mut self.idrefs);
        for (r, at) in refs {
            if !self.ids.contains_key(&r) {
                self.error(
                    "dtd-dangling-idref",
                    at,
                    format!("IDREF {r:?} matches no ID in the document"),
                );
            }
        }
    }
}

/// Finds the internal subset of the DOCTYPE, with its byte offset.
fn internal_subset(xml: &[u8]) -> Option<(String, usize)> {
    let mut reader = Reader::from_reader(xml);
    loop {
        match reader.read_event() {
            Ok(Event::DocType(t)) => {
                let raw: &[u8] = &t;
                let base = (raw.as_ptr() as usize).checked_sub(xml.as_ptr() as usize)?;
                // The first '[' outside quoted literals opens the internal subset.
                let mut quote: Option<u8> = None;
                let mut open = None;
                for (i, &b) in raw.iter().enumerate() {
                    match quote {
                        Some(q) if b == q => quote = None,
                        Some(_) => {}
                        None if b == b'"' || b == b'\'' => quote = Some(b),
                        None if b == b'[' => {
                            open = Some(i);
                            break;
                        }
                        None => {}
                    }
                }
                let open = open?;
                let close = raw.iter().rposition(|&b| b == b']').filter(|&c| c > open)?;
                let text = String::from_utf8_lossy(raw.get(open + 1..close)?).into_owned();
                return Some((text, base + open + 1));
            }
            Ok(Event::Start(_) | Event::Empty(_) | Event::Eof) | Err(_) => return None,
            Ok(_) => {}
        }
    }
}

/// Re-encodes a document that is not UTF-8 (by BOM or declaration) into UTF-8.
fn as_utf8(xml: &[u8]) -> Cow<'_, [u8]> {
    if let Some((enc, bom)) = encoding_rs::Encoding::for_bom(xml) {
        if enc == encoding_rs::UTF_8 {
            return Cow::Borrowed(xml.get(bom..).unwrap_or_default());
        }
        let (t, _) = enc.decode_without_bom_handling(xml.get(bom..).unwrap_or_default());
        return Cow::Owned(t.into_owned().into_bytes());
    }
    let head = xml.get(..xml.len().min(200)).unwrap_or_default();
    if head.starts_with(b"<?xml") {
        if let Some(end) = head.windows(2).position(|w| w == b"?>") {
            let decl = String::from_utf8_lossy(&head[..end]).to_ascii_lowercase();
            if let Some(i) = decl.find("encoding") {
                let rest = decl[i + 8..]
                    .trim_start()
                    .trim_start_matches('=')
                    .trim_start();
                let label: String = rest
                    .trim_start_matches(['"', '\''])
                    .chars()
                    .take_while(|c| !matches!(c, '"' | '\''))
                    .collect();
                if let Some(enc) = encoding_rs::Encoding::for_label(label.as_bytes()) {
                    if enc != encoding_rs::UTF_8
                        && enc != encoding_rs::UTF_16LE
                        && enc != encoding_rs::UTF_16BE
                    {
                        let (t, _) = enc.decode_without_bom_handling(xml);
                        // The declaration still names the old encoding; quick-xml ignores it.
                        return Cow::Owned(t.into_owned().into_bytes());
                    }
                }
            }
        }
    }
    Cow::Borrowed(xml)
}

fn dtd_error_diag(e: &DtdError, xml: &[u8], base: usize) -> Diagnostic {
    let (code, line, column, message) = match e {
        DtdError::Syntax {
            line,
            column,
            message,
            ..
        } => ("dtd-syntax", *line, *column, message.clone()),
        DtdError::Limit {
            line,
            column,
            message,
            ..
        } => ("dtd-limit", *line, *column, message.clone()),
        DtdError::Forbidden {
            line,
            column,
            system_id,
            message,
            ..
        } => (
            "dtd-external-entity",
            *line,
            *column,
            format!("external entity {system_id:?} not loaded: {message}"),
        ),
        DtdError::UnresolvedEntity {
            line,
            column,
            name,
            message,
            ..
        } => (
            "dtd-undeclared-entity",
            *line,
            *column,
            format!("%{name};: {message}"),
        ),
        other => ("dtd-syntax", 1, 1, other.to_string()),
    };
    // Lines and columns are relative to the internal subset; shift them into the document.
    let (bl, bc) = line_col(xml, base);
    let (l, c) = if line <= 1 {
        (bl, bc + column.saturating_sub(1))
    } else {
        (bl + line - 1, column)
    };
    let mut d = Diagnostic::error(code, format!("in the internal subset: {message}"), Some(l));
    d.column = Some(c);
    d
}

/// Validates `xml` against `dtd`.
pub(crate) fn validate(dtd: &Dtd, xml: &[u8]) -> Vec<Diagnostic> {
    let limits = &dtd.options.limits;
    if xml.len() > limits.max_document_bytes {
        let mut d = Diagnostic::error(
            "dtd-limit",
            format!(
                "the document has {} bytes, more than max_document_bytes ({})",
                xml.len(),
                limits.max_document_bytes
            ),
            Some(1),
        );
        d.column = Some(1);
        return vec![d];
    }
    let xml = as_utf8(xml);
    let xml: &[u8] = &xml;
    let mut pre = Vec::new();
    let merged: Option<Dtd> = match internal_subset(xml) {
        Some((text, base)) => {
            let access = Access {
                catalog: None,
                root: None,
                external: false,
                files: None,
            };
            match Parser::new(&text, "internal subset", None, limits, access).parse() {
                Ok(decls)
                    if decls.elements.is_empty()
                        && decls.attlists.is_empty()
                        && decls.general.is_empty()
                        && decls.notations.is_empty() =>
                {
                    None
                }
                Ok(decls) => match Dtd::compile(
                    decls.merged_with(&dtd.decls),
                    &dtd.options,
                    "internal subset",
                ) {
                    Ok(d) => Some(d),
                    Err(e) => {
                        pre.push(dtd_error_diag(&e, xml, base));
                        None
                    }
                },
                Err(e) => {
                    pre.push(dtd_error_diag(&e, xml, base));
                    None
                }
            }
        }
        None => None,
    };
    let dtd = merged.as_ref().unwrap_or(dtd);
    let mut v = Validator {
        dtd,
        limits,
        src: xml,
        line_starts: None,
        diags: pre,
        stack: Vec::new(),
        ids: HashMap::new(),
        idrefs: Vec::new(),
        doctype: None,
        seen_root: false,
        anchor: None,
        entity_stack: Vec::new(),
        budget: limits.max_entity_expansion_bytes,
        sizes: HashMap::new(),
        seen_attr: Vec::new(),
        stop: false,
    };
    v.run(xml, false);
    v.finish();
    v.diags
}
