//! The DTD parser (XML 1.0 §2.8, §3.2–3.4, §4.2–4.4): markup declarations, parameter
//! entities (internal, and external files resolved relative to the declaring file or
//! through the catalog), conditional sections, comments and processing instructions.
//!
//! Input is a stack of frames (the DTD file, then each entity being expanded). A parameter
//! entity referenced inside a declaration is read with one space before and after it
//! (§4.4.8); referenced inside an entity value it is read as is (§4.4.5).

use super::catalog::{has_scheme, Catalog};
use super::content::{ContentSpec, Occurrence, Particle};
use super::{line_col, DtdError, DtdFiles, Limits};
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::rc::Rc;

/// The declared type of an attribute (§3.3.1).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AttType {
    /// `CDATA`
    Cdata,
    /// `ID`
    Id,
    /// `IDREF`
    Idref,
    /// `IDREFS`
    Idrefs,
    /// `ENTITY`
    Entity,
    /// `ENTITIES`
    Entities,
    /// `NMTOKEN`
    Nmtoken,
    /// `NMTOKENS`
    Nmtokens,
    /// `NOTATION (a | b)`
    Notation(Vec<String>),
    /// `(a | b | c)`
    Enumeration(Vec<String>),
}

impl AttType {
    /// The type as written in a DTD.
    pub fn render(&self) -> String {
        match self {
            AttType::Cdata => "CDATA".into(),
            AttType::Id => "ID".into(),
            AttType::Idref => "IDREF".into(),
            AttType::Idrefs => "IDREFS".into(),
            AttType::Entity => "ENTITY".into(),
            AttType::Entities => "ENTITIES".into(),
            AttType::Nmtoken => "NMTOKEN".into(),
            AttType::Nmtokens => "NMTOKENS".into(),
            AttType::Notation(v) => format!("NOTATION ({})", v.join(" | ")),
            AttType::Enumeration(v) => format!("({})", v.join(" | ")),
        }
    }
}

/// The default declaration of an attribute (§3.3.2).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DefaultDecl {
    /// `#REQUIRED`
    Required,
    /// `#IMPLIED`
    Implied,
    /// `#FIXED "value"` (the literal as written).
    Fixed(String),
    /// `"value"` (the literal as written).
    Value(String),
}

/// One attribute definition.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AttDef {
    /// Attribute name (with its prefix, if any: DTDs are namespace-unaware).
    pub name: String,
    /// Declared type.
    pub ty: AttType,
    /// Default declaration.
    pub default: DefaultDecl,
}

/// A general entity declaration (§4.2).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum GeneralEntity {
    /// The replacement text (character references already expanded).
    Internal(String),
    /// An external entity; never loaded during validation.
    External {
        /// Public identifier.
        public: Option<String>,
        /// System identifier.
        system: String,
        /// Notation name of an unparsed entity.
        ndata: Option<String>,
    },
}

/// Everything a DTD declares, in declaration order where that matters.
#[derive(Debug, Clone, Default)]
pub struct Decls {
    /// Element declarations in order.
    pub elements: Vec<(String, ContentSpec)>,
    /// Element name → index in `elements`.
    pub element_index: HashMap<String, usize>,
    /// Attribute lists, one per element, merged (first definition of a name wins).
    pub attlists: Vec<(String, Vec<AttDef>)>,
    /// Element name → index in `attlists`.
    pub attlist_index: HashMap<String, usize>,
    /// General entities (first declaration wins).
    pub general: HashMap<String, GeneralEntity>,
    /// Declared notation names.
    pub notations: HashSet<String>,
    /// Element types declared more than once (a validity error, §3.2).
    pub duplicate_elements: Vec<String>,
}

impl Decls {
    fn add_element(&mut self, name: String, spec: ContentSpec) {
        if self.element_index.contains_key(&name) {
            self.duplicate_elements.push(name);
            return;
        }
        self.element_index.insert(name.clone(), self.elements.len());
        self.elements.push((name, spec));
    }

    fn add_attlist(&mut self, element: &str, defs: Vec<AttDef>) {
        let i = match self.attlist_index.get(element) {
            Some(&i) => i,
            None => {
                self.attlist_index
                    .insert(element.to_string(), self.attlists.len());
                self.attlists.push((element.to_string(), Vec::new()));
                self.attlists.len() - 1
            }
        };
        if let Some((_, list)) = self.attlists.get_mut(i) {
            for d in defs {
                if !list.iter().any(|x| x.name == d.name) {
                    list.push(d);
                }
            }
        }
    }

    /// Declarations of `self` first, then those of `later` that do not clash (first
    /// declaration wins), as when an internal subset precedes the external subset.
    pub fn merged_with(&self, later: &Decls) -> Decls {
        let mut out = self.clone();
        for (name, spec) in &later.elements {
            out.add_element(name.clone(), spec.clone());
        }
        for (name, defs) in &later.attlists {
            out.add_attlist(name, defs.clone());
        }
        for (k, v) in &later.general {
            out.general.entry(k.clone()).or_insert_with(|| v.clone());
        }
        out.notations.extend(later.notations.iter().cloned());
        out
    }
}

#[derive(Debug, Clone)]
enum ParamEntity {
    Internal(Rc<str>),
    External {
        public: Option<String>,
        system: String,
        /// Directory of the file that declared it (relative system ids resolve there).
        dir: Option<PathBuf>,
    },
}

#[derive(Debug)]
enum Kind {
    /// A file (or the string given to `from_str`), with the entity that named it.
    File {
        name: Rc<str>,
        dir: Option<PathBuf>,
        entity: Option<Rc<str>>,
    },
    /// The replacement text of an internal parameter entity.
    Entity(Rc<str>),
    /// The space around a parameter entity referenced in a declaration.
    Pad,
}

#[derive(Debug)]
struct Frame {
    text: Rc<str>,
    pos: usize,
    kind: Kind,
}

/// What the parser may open.
pub struct Access<'a> {
    /// Catalog for PUBLIC/SYSTEM identifiers.
    pub catalog: Option<&'a Catalog>,
    /// Canonical directory tree relative system identifiers must stay within; `None`
    /// forbids them.
    pub root: Option<PathBuf>,
    /// Whether external entities may be loaded at all (false for a document's internal
    /// subset).
    pub external: bool,
    /// Files held in memory: when set, system identifiers resolve inside it (against
    /// `root`, lexically) and the file system is never read.
    pub files: Option<&'a dyn DtdFiles>,
}

/// The DTD parser.
pub struct Parser<'a> {
    frames: Vec<Frame>,
    limits: &'a Limits,
    access: Access<'a>,
    pes: HashMap<String, ParamEntity>,
    decls: Decls,
    expanded: usize,
    includes: usize,
    /// Parentheses open in the content model being read (bounded by `Limits::max_depth`).
    group_depth: usize,
    files: HashMap<PathBuf, Rc<str>>,
}

type Res<T> = Result<T, DtdError>;

static PAD: &str = " ";

fn is_ws(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r')
}

fn is_name_start(b: u8) -> bool {
    b.is_ascii_alphabetic() || b == b'_' || b == b':' || b >= 0x80
}

fn is_name_byte(b: u8) -> bool {
    is_name_start(b) || b.is_ascii_digit() || b == b'-' || b == b'.'
}

/// Decodes an external entity's bytes (BOM, or the encoding of its text declaration,
/// else UTF-8), normalizes line ends (§2.11) and drops the text declaration (§4.3.1).
pub fn decode_entity(bytes: &[u8]) -> String {
    let (enc, bom_len) = match encoding_rs::Encoding::for_bom(bytes) {
        Some((e, n)) => (e, n),
        None => {
            let head = &bytes[..bytes.len().min(200)];
            let decl_end = head.windows(2).position(|w| w == b"?>").unwrap_or(0);
            let declared = std::str::from_utf8(&head[..decl_end])
                .ok()
                .filter(|h| h.starts_with("<?xml"))
                .and_then(|decl| {
                    let i = decl.find("encoding")?;
                    let rest = decl[i + 8..].trim_start().strip_prefix('=')?.trim_start();
                    let q = rest.chars().next()?;
                    let rest = rest.get(1..)?;
                    let j = rest.find(q)?;
                    encoding_rs::Encoding::for_label(&rest.as_bytes()[..j])
                });
            (declared.unwrap_or(encoding_rs::UTF_8), 0)
        }
    };
    let body = bytes.get(bom_len..).unwrap_or_default();
    let (text, _) = enc.decode_without_bom_handling(body);
    let mut s = if text.contains('\r') {
        text.replace("\r\n", "\n").replace('\r', "\n")
    } else {
        text.into_owned()
    };
    if s.starts_with("<?xml") && s.as_bytes().get(5).copied().is_some_and(is_ws) {
        if let Some(end) = s.find("?>") {
            s.replace_range(..end + 2, "");
        }
    }
    s
}

impl<'a> Parser<'a> {
    /// A parser over `text`, named `name` in messages, with relative system identifiers
    /// resolved against `dir`.
    pub fn new(
        text: &str,
        name: &str,
        dir: Option<PathBuf>,
        limits: &'a Limits,
        access: Access<'a>,
    ) -> Parser<'a> {
        let text = if text.contains('\r') {
            text.replace("\r\n", "\n").replace('\r', "\n")
        } else {
            text.to_string()
        };
        Parser {
            frames: vec![Frame {
                text: Rc::from(text),
                pos: 0,
                kind: Kind::File {
                    name: Rc::from(name),
                    dir,
                    entity: None,
                },
            }],
            limits,
            access,
            pes: HashMap::new(),
            decls: Decls::default(),
            expanded: 0,
            includes: 0,
            group_depth: 0,
            files: HashMap::new(),
        }
    }

    /// Parses the whole subset and returns its declarations.
    pub fn parse(mut self) -> Res<Decls> {
        self.parse_subset()?;
        Ok(self.decls)
    }

    // ----- locations and errors -------------------------------------------------------

    fn location(&self) -> (String, usize, usize, String) {
        let mut via: Vec<String> = Vec::new();
        for f in self.frames.iter().rev() {
            match &f.kind {
                Kind::File { name, .. } => {
                    let (line, col) = line_col(f.text.as_bytes(), f.pos);
                    let note = if via.is_empty() {
                        String::new()
                    } else {
                        format!(" (in the replacement text of {})", via.join(" in "))
                    };
                    return (name.to_string(), line, col, note);
                }
                Kind::Entity(e) => via.push(format!("%{e};")),
                Kind::Pad => {}
            }
        }
        ("<dtd>".into(), 1, 1, String::new())
    }

    fn syntax(&self, message: impl Into<String>) -> DtdError {
        let (file, line, column, note) = self.location();
        DtdError::Syntax {
            file,
            line,
            column,
            message: format!("{}{note}", message.into()),
        }
    }

    fn limit(&self, message: impl Into<String>) -> DtdError {
        let (file, line, column, _) = self.location();
        DtdError::Limit {
            file,
            line,
            column,
            message: message.into(),
        }
    }

    // ----- reading ----------------------------------------------------------------------

    /// The next byte, leaving exhausted entity frames (the outermost frame is never left).
    fn peek(&mut self) -> Option<u8> {
        loop {
            let f = self.frames.last()?;
            if let Some(&b) = f.text.as_bytes().get(f.pos) {
                return Some(b);
            }
            if self.frames.len() == 1 {
                return None;
            }
            self.frames.pop();
        }
    }

    fn bump(&mut self) {
        if let Some(f) = self.frames.last_mut() {
            f.pos += 1;
        }
    }

    fn advance(&mut self, n: usize) {
        if let Some(f) = self.frames.last_mut() {
            f.pos = (f.pos + n).min(f.text.len());
        }
    }

    /// The rest of the current frame.
    fn rest(&self) -> &str {
        self.frames
            .last()
            .and_then(|f| f.text.get(f.pos..))
            .unwrap_or("")
    }

    fn at(&mut self, s: &str) -> bool {
        self.peek().is_some() && self.rest().starts_with(s)
    }

    fn expect(&mut self, b: u8, what: &str) -> Res<()> {
        match self.peek() {
            Some(x) if x == b => {
                self.bump();
                Ok(())
            }
            Some(x) => Err(self.syntax(format!("expected {what} but found {:?}", char::from(x)))),
            None => Err(self.syntax(format!("expected {what} but the DTD ended"))),
        }
    }

    /// Skips white space and parameter entity references (expanding them); returns
    /// whether anything was skipped.
    fn skip_ws_pe(&mut self) -> Res<bool> {
        let mut any = false;
        while let Some(b) = self.peek() {
            if is_ws(b) {
                // Skip the whole run in this frame at once (DTDs align with long runs).
                if let Some(f) = self.frames.last_mut() {
                    let bytes = f.text.as_bytes();
                    let n = bytes
                        .get(f.pos..)
                        .unwrap_or_default()
                        .iter()
                        .position(|&b| !is_ws(b))
                        .unwrap_or(bytes.len() - f.pos);
                    f.pos += n;
                }
                any = true;
            } else if b == b'%'
                && self
                    .rest()
                    .as_bytes()
                    .get(1)
                    .copied()
                    .is_some_and(is_name_start)
            {
                self.expand_pe(true)?;
                any = true;
            } else {
                break;
            }
        }
        Ok(any)
    }

    fn require_ws(&mut self, after: &str) -> Res<()> {
        if self.skip_ws_pe()? {
            Ok(())
        } else {
            Err(self.syntax(format!("white space required after {after}")))
        }
    }

    fn read_name(&mut self) -> Res<String> {
        let Some(b) = self.peek() else {
            return Err(self.syntax("expected a name but the DTD ended"));
        };
        if !is_name_start(b) {
            return Err(self.syntax(format!("expected a name but found {:?}", char::from(b))));
        }
        Ok(self.take_while(is_name_byte))
    }

    fn read_nmtoken(&mut self) -> Res<String> {
        match self.peek() {
            Some(b) if is_name_byte(b) => Ok(self.take_while(is_name_byte)),
            Some(b) => Err(self.syntax(format!(
                "expected a name token but found {:?}",
                char::from(b)
            ))),
            None => Err(self.syntax("expected a name token but the DTD ended")),
        }
    }

    fn take_while(&mut self, f: impl Fn(u8) -> bool) -> String {
        let rest = self.rest();
        let n = rest.bytes().position(|b| !f(b)).unwrap_or(rest.len());
        let s = rest.get(..n).unwrap_or("").to_string();
        self.advance(n);
        s
    }

    /// A quoted literal read verbatim from the current frame (system and public
    /// identifiers, attribute defaults).
    fn read_quoted_raw(&mut self) -> Res<String> {
        let q = match self.peek() {
            Some(q @ (b'"' | b'\'')) => q,
            _ => return Err(self.syntax("expected a quoted literal")),
        };
        self.bump();
        let rest = self.rest();
        match rest.bytes().position(|b| b == q) {
            Some(n) => {
                let s = rest.get(..n).unwrap_or("").to_string();
                self.advance(n + 1);
                Ok(s)
            }
            None => Err(self.syntax("unterminated literal")),
        }
    }

    /// An entity value literal: parameter entities and character references expanded,
    /// general entity references kept (§4.4.5, §4.4.7).
    fn read_entity_value(&mut self) -> Res<String> {
        let q = match self.peek() {
            Some(q @ (b'"' | b'\'')) => q,
            _ => return Err(self.syntax("expected a quoted entity value")),
        };
        self.bump();
        let base = self.frames.len();
        let mut out = String::new();
        loop {
            let Some(f) = self.frames.last() else {
                return Err(self.syntax("unterminated entity value"));
            };
            let bytes = f.text.as_bytes();
            let Some(&b) = bytes.get(f.pos) else {
                if self.frames.len() > base {
                    self.frames.pop();
                    continue;
                }
                return Err(self.syntax("unterminated entity value"));
            };
            let nested = self.frames.len() > base;
            if b == q && !nested {
                self.bump();
                break;
            }
            if b == b'%' {
                self.expand_pe(false)?;
                continue;
            }
            if b == b'&' && bytes.get(f.pos + 1) == Some(&b'#') {
                let c = self.char_ref()?;
                out.push(c);
                continue;
            }
            let start = f.pos;
            let n = bytes[start + 1..]
                .iter()
                .position(|&x| x == b'%' || x == b'&' || (x == q && !nested))
                .map_or(bytes.len() - start, |n| n + 1);
            out.push_str(f.text.get(start..start + n).unwrap_or(""));
            self.advance(n);
            if out.len() > self.limits.max_entity_expansion_bytes {
                return Err(self.limit("entity value larger than max_entity_expansion_bytes"));
            }
        }
        Ok(out)
    }

    /// `&#N;` or `&#xH;` at the current position.
    fn char_ref(&mut self) -> Res<char> {
        let rest = self.rest();
        let Some(end) = rest.find(';') else {
            return Err(self.syntax("unterminated character reference"));
        };
        let body = rest.get(2..end).unwrap_or("");
        let value = match body.strip_prefix('x') {
            Some(hex) => u32::from_str_radix(hex, 16).ok(),
            None => body.parse::<u32>().ok(),
        };
        match value.and_then(char::from_u32).filter(|&c| is_xml_char(c)) {
            Some(c) => {
                self.advance(end + 1);
                Ok(c)
            }
            None => Err(self.syntax(format!("invalid character reference &#{body};"))),
        }
    }

    // ----- parameter entities ---------------------------------------------------------

    fn expand_pe(&mut self, pad: bool) -> Res<()> {
        let start = self.frames.last().map_or(0, |f| f.pos);
        let depth_before = self.frames.len();
        let result = self.expand_pe_inner(pad);
        if result.is_err() && self.frames.len() == depth_before {
            // Point errors at the '%' of the reference, not past it.
            if let Some(f) = self.frames.last_mut() {
                f.pos = start;
            }
            return Err(match result {
                Err(DtdError::UnresolvedEntity { name, message, .. }) => {
                    let (file, line, column, _) = self.location();
                    DtdError::UnresolvedEntity {
                        file,
                        line,
                        column,
                        name,
                        message,
                    }
                }
                Err(DtdError::Forbidden {
                    system_id, message, ..
                }) => self.forbidden(&system_id, &message),
                Err(other) => other,
                Ok(()) => return Ok(()),
            });
        }
        result
    }

    fn expand_pe_inner(&mut self, pad: bool) -> Res<()> {
        self.bump(); // '%'
        let name = self.read_name()?;
        if self.peek() != Some(b';') {
            return Err(self.syntax(format!("parameter entity reference %{name} lacks ';'")));
        }
        self.bump();
        let Some(entity) = self.pes.get(&name).cloned() else {
            let (file, line, column, _) = self.location();
            return Err(DtdError::UnresolvedEntity {
                file,
                line,
                column,
                name,
                message: "not declared (declare it before use)".into(),
            });
        };
        let mut depth = 0;
        for f in &self.frames {
            let n = match &f.kind {
                Kind::Entity(n) => Some(n),
                Kind::File { entity, .. } => entity.as_ref(),
                Kind::Pad => None,
            };
            if let Some(n) = n {
                depth += 1;
                if **n == *name {
                    let (file, line, column, _) = self.location();
                    return Err(DtdError::UnresolvedEntity {
                        file,
                        line,
                        column,
                        name,
                        message: "refers to itself (recursive entity)".into(),
                    });
                }
            }
        }
        if depth >= self.limits.max_entity_depth {
            return Err(self.limit(format!(
                "parameter entities nested deeper than max_entity_depth ({})",
                self.limits.max_entity_depth
            )));
        }
        let rc_name: Rc<str> = Rc::from(name.as_str());
        let frame = match entity {
            ParamEntity::Internal(text) => Frame {
                text,
                pos: 0,
                kind: Kind::Entity(rc_name),
            },
            ParamEntity::External {
                public,
                system,
                dir,
            } => {
                let (path, text) =
                    self.load_external(public.as_deref(), &system, dir.as_deref())?;
                Frame {
                    text,
                    pos: 0,
                    kind: Kind::File {
                        name: Rc::from(path.display().to_string()),
                        dir: path.parent().map(Path::to_path_buf),
                        entity: Some(rc_name),
                    },
                }
            }
        };
        self.expanded = self.expanded.saturating_add(frame.text.len());
        if self.expanded > self.limits.max_entity_expansion_bytes {
            return Err(self.limit(format!(
                "parameter entity expansion exceeded max_entity_expansion_bytes ({})",
                self.limits.max_entity_expansion_bytes
            )));
        }
        let pad_frame = || Frame {
            text: Rc::from(PAD),
            pos: 0,
            kind: Kind::Pad,
        };
        if pad {
            self.frames.push(pad_frame());
        }
        self.frames.push(frame);
        if pad {
            self.frames.push(pad_frame());
        }
        Ok(())
    }

    fn current_dir(&self) -> Option<PathBuf> {
        self.frames.iter().rev().find_map(|f| match &f.kind {
            Kind::File { dir, .. } => Some(dir.clone()),
            _ => None,
        })?
    }

    fn forbidden(&self, system: &str, message: &str) -> DtdError {
        let (file, line, column, _) = self.location();
        DtdError::Forbidden {
            file,
            line,
            column,
            system_id: system.to_string(),
            message: message.to_string(),
        }
    }

    /// Finds and reads an external entity: the catalog first, then the system identifier
    /// relative to the declaring file, which must stay inside the DTD's directory tree.
    fn load_external(
        &mut self,
        public: Option<&str>,
        system: &str,
        dir: Option<&Path>,
    ) -> Res<(PathBuf, Rc<str>)> {
        if !self.access.external {
            return Err(self.forbidden(
                system,
                "external entities named in a document are never loaded",
            ));
        }
        if let Some(files) = self.access.files {
            return self.load_in_memory(files, system, dir);
        }
        let from_catalog = self.access.catalog.and_then(|c| {
            c.resolve_external(public, Some(system))
                .or_else(|| c.resolve_uri(system))
                .filter(|p| p.is_file())
        });
        let path = match from_catalog {
            Some(p) => p,
            None => {
                if has_scheme(system) {
                    return Err(self.forbidden(
                        system,
                        "not mapped by the catalog, and URLs are never fetched",
                    ));
                }
                let (Some(dir), Some(root)) = (dir, self.access.root.as_ref()) else {
                    return Err(self.forbidden(system, "no base directory to resolve it against"));
                };
                let candidate = dir.join(system);
                let canon = match candidate.canonicalize() {
                    Ok(c) => c,
                    Err(source) => {
                        let (file, line, column, _) = self.location();
                        return Err(DtdError::Io {
                            file,
                            line,
                            column,
                            path: candidate,
                            source,
                        });
                    }
                };
                if !canon.starts_with(root) {
                    return Err(self.forbidden(
                        system,
                        "outside the DTD's directory tree and not mapped by the catalog",
                    ));
                }
                canon
            }
        };
        if let Some(text) = self.files.get(&path) {
            return Ok((path, text.clone()));
        }
        let meta_len = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
        if meta_len > self.limits.max_document_bytes as u64 {
            return Err(self.limit(format!(
                "{} is larger than max_document_bytes",
                path.display()
            )));
        }
        let bytes = match std::fs::read(&path) {
            Ok(b) => b,
            Err(source) => {
                let (file, line, column, _) = self.location();
                return Err(DtdError::Io {
                    file,
                    line,
                    column,
                    path,
                    source,
                });
            }
        };
        let text: Rc<str> = Rc::from(decode_entity(&bytes));
        self.files.insert(path.clone(), text.clone());
        Ok((path, text))
    }

    /// Reads an external entity from in-memory files: the system identifier joined to the
    /// declaring file's directory, `.` and `..` resolved, must stay inside `root`.
    fn load_in_memory(
        &mut self,
        files: &dyn DtdFiles,
        system: &str,
        dir: Option<&Path>,
    ) -> Res<(PathBuf, Rc<str>)> {
        if has_scheme(system) {
            return Err(self.forbidden(
                system,
                "not in the bundled files, and URLs are never fetched",
            ));
        }
        let (Some(dir), Some(root)) = (dir, self.access.root.as_ref()) else {
            return Err(self.forbidden(system, "no base directory to resolve it against"));
        };
        let mut parts: Vec<&str> = Vec::new();
        let joined = format!("{}/{system}", dir.to_string_lossy());
        for part in joined.split(['/', '\\']) {
            match part {
                "" | "." => {}
                ".." => {
                    parts.pop();
                }
                p => parts.push(p),
            }
        }
        let name = parts.join("/");
        let path = PathBuf::from(&name);
        if !path.starts_with(root) {
            return Err(self.forbidden(system, "outside the bundled DTD's directory tree"));
        }
        if let Some(text) = self.files.get(&path) {
            return Ok((path, text.clone()));
        }
        let Some(bytes) = files.read(&name) else {
            let (file, line, column, _) = self.location();
            return Err(DtdError::Io {
                file,
                line,
                column,
                path,
                source: std::io::Error::new(std::io::ErrorKind::NotFound, "not a bundled file"),
            });
        };
        let text: Rc<str> = Rc::from(decode_entity(&bytes));
        self.files.insert(path.clone(), text.clone());
        Ok((path, text))
    }

    // ----- declarations ---------------------------------------------------------------

    fn parse_subset(&mut self) -> Res<()> {
        loop {
            self.skip_ws_pe()?;
            let Some(b) = self.peek() else { break };
            if b == b'<' {
                let rest = self.rest();
                if rest.starts_with("<!--") {
                    self.skip_until("-->", "comment")?;
                } else if rest.starts_with("<?") {
                    self.skip_until("?>", "processing instruction")?;
                } else if rest.starts_with("<![") {
                    self.conditional()?;
                } else if rest.starts_with("<!ELEMENT") {
                    self.advance(9);
                    self.element_decl()?;
                } else if rest.starts_with("<!ATTLIST") {
                    self.advance(9);
                    self.attlist_decl()?;
                } else if rest.starts_with("<!ENTITY") {
                    self.advance(8);
                    self.entity_decl()?;
                } else if rest.starts_with("<!NOTATION") {
                    self.advance(10);
                    self.notation_decl()?;
                } else {
                    return Err(self.syntax("unknown markup declaration"));
                }
            } else if b == b']' && self.rest().starts_with("]]>") && self.includes > 0 {
                self.includes -= 1;
                self.advance(3);
            } else {
                return Err(self.syntax(format!(
                    "unexpected {:?} between markup declarations",
                    char::from(b)
                )));
            }
        }
        if self.includes > 0 {
            return Err(self.syntax("conditional section not closed with ]]>"));
        }
        Ok(())
    }

    fn skip_until(&mut self, end: &str, what: &str) -> Res<()> {
        match self.rest().get(2..).and_then(|r| r.find(end)) {
            Some(i) => {
                self.advance(i + 2 + end.len());
                Ok(())
            }
            None => Err(self.syntax(format!("unterminated {what}"))),
        }
    }

    fn conditional(&mut self) -> Res<()> {
        self.advance(3);
        self.skip_ws_pe()?;
        let kw = self.read_name()?;
        self.skip_ws_pe()?;
        self.expect(b'[', "'[' after the conditional section keyword")?;
        match kw.as_str() {
            "INCLUDE" => {
                self.includes += 1;
                Ok(())
            }
            "IGNORE" => {
                // Ignored sections nest; their content is not parsed (§3.4).
                let rest = self.rest().as_bytes();
                let mut depth = 1usize;
                let mut i = 0;
                while i < rest.len() {
                    if rest[i..].starts_with(b"<![") {
                        depth += 1;
                        i += 3;
                    } else if rest[i..].starts_with(b"]]>") {
                        depth -= 1;
                        i += 3;
                        if depth == 0 {
                            self.advance(i);
                            return Ok(());
                        }
                    } else {
                        i += 1;
                    }
                }
                Err(self.syntax("IGNORE section not closed with ]]>"))
            }
            other => Err(self.syntax(format!(
                "conditional section keyword must be INCLUDE or IGNORE, found {other:?}"
            ))),
        }
    }

    fn element_decl(&mut self) -> Res<()> {
        self.require_ws("<!ELEMENT")?;
        let name = self.read_name()?;
        self.require_ws("the element name")?;
        let spec = match self.peek() {
            Some(b'(') => {
                self.bump();
                self.skip_ws_pe()?;
                if self.at("#PCDATA") {
                    self.advance(7);
                    self.mixed()?
                } else {
                    ContentSpec::Children(self.group()?)
                }
            }
            _ => match self.read_name()?.as_str() {
                "EMPTY" => ContentSpec::Empty,
                "ANY" => ContentSpec::Any,
                other => {
                    return Err(self.syntax(format!(
                        "content of <{name}> must be EMPTY, ANY or a model in parentheses, found {other:?}"
                    )))
                }
            },
        };
        self.skip_ws_pe()?;
        self.expect(b'>', "'>' closing <!ELEMENT>")?;
        self.decls.add_element(name, spec);
        Ok(())
    }

    fn mixed(&mut self) -> Res<ContentSpec> {
        let mut names: Vec<String> = Vec::new();
        loop {
            self.skip_ws_pe()?;
            match self.peek() {
                Some(b')') => {
                    self.bump();
                    break;
                }
                Some(b'|') => {
                    self.bump();
                    self.skip_ws_pe()?;
                    let n = self.read_name()?;
                    if !names.contains(&n) {
                        names.push(n);
                    }
                }
                _ => return Err(self.syntax("expected '|' or ')' in mixed content")),
            }
        }
        if self.peek() == Some(b'*') {
            self.bump();
        } else if !names.is_empty() {
            return Err(self.syntax("mixed content with element names must end with \")*\""));
        }
        Ok(ContentSpec::Mixed(names))
    }

    /// A choice or sequence whose '(' has been read.
    fn group(&mut self) -> Res<Particle> {
        let mut items = vec![self.cp()?];
        let mut sep: Option<u8> = None;
        loop {
            self.skip_ws_pe()?;
            match self.peek() {
                Some(b')') => {
                    self.bump();
                    break;
                }
                Some(b @ (b',' | b'|')) => {
                    if sep.is_some_and(|s| s != b) {
                        return Err(self.syntax("',' and '|' mixed in one group"));
                    }
                    sep = Some(b);
                    self.bump();
                    items.push(self.cp()?);
                }
                _ => return Err(self.syntax("expected ',', '|' or ')' in a content model")),
            }
        }
        let occ = self.occurrence();
        Ok(if sep == Some(b'|') {
            Particle::Choice(items, occ)
        } else {
            Particle::Seq(items, occ)
        })
    }

    fn cp(&mut self) -> Res<Particle> {
        self.skip_ws_pe()?;
        if self.peek() == Some(b'(') {
            // Groups nest by recursion: bound them as the document's elements are bounded.
            if self.group_depth >= self.limits.max_depth {
                return Err(self.limit(format!(
                    "content model groups nested deeper than max_depth ({})",
                    self.limits.max_depth
                )));
            }
            self.bump();
            self.skip_ws_pe()?;
            self.group_depth += 1;
            let group = self.group();
            self.group_depth -= 1;
            return group;
        }
        let name = self.read_name()?;
        Ok(Particle::Name(name, self.occurrence()))
    }

    fn occurrence(&mut self) -> Occurrence {
        let occ = match self
            .frames
            .last()
            .and_then(|f| f.text.as_bytes().get(f.pos))
        {
            Some(b'?') => Occurrence::Optional,
            Some(b'*') => Occurrence::ZeroOrMore,
            Some(b'+') => Occurrence::OneOrMore,
            _ => return Occurrence::One,
        };
        self.bump();
        occ
    }

    fn attlist_decl(&mut self) -> Res<()> {
        self.require_ws("<!ATTLIST")?;
        let element = self.read_name()?;
        let mut defs = Vec::new();
        loop {
            let ws = self.skip_ws_pe()?;
            if self.peek() == Some(b'>') {
                self.bump();
                break;
            }
            if !ws {
                return Err(self.syntax("white space required between attribute definitions"));
            }
            let name = self.read_name()?;
            self.require_ws("the attribute name")?;
            let ty = if self.peek() == Some(b'(') {
                AttType::Enumeration(self.token_list(true)?)
            } else {
                match self.read_name()?.as_str() {
                    "CDATA" => AttType::Cdata,
                    "ID" => AttType::Id,
                    "IDREF" => AttType::Idref,
                    "IDREFS" => AttType::Idrefs,
                    "ENTITY" => AttType::Entity,
                    "ENTITIES" => AttType::Entities,
                    "NMTOKEN" => AttType::Nmtoken,
                    "NMTOKENS" => AttType::Nmtokens,
                    "NOTATION" => {
                        self.require_ws("NOTATION")?;
                        AttType::Notation(self.token_list(false)?)
                    }
                    other => return Err(self.syntax(format!("unknown attribute type {other:?}"))),
                }
            };
            self.require_ws("the attribute type")?;
            let default = if self.peek() == Some(b'#') {
                self.bump();
                match self.read_name()?.as_str() {
                    "REQUIRED" => DefaultDecl::Required,
                    "IMPLIED" => DefaultDecl::Implied,
                    "FIXED" => {
                        self.require_ws("#FIXED")?;
                        DefaultDecl::Fixed(self.read_quoted_raw()?)
                    }
                    other => {
                        return Err(self.syntax(format!("unknown default #{other}")));
                    }
                }
            } else {
                DefaultDecl::Value(self.read_quoted_raw()?)
            };
            defs.push(AttDef { name, ty, default });
        }
        self.decls.add_attlist(&element, defs);
        Ok(())
    }

    /// `(a | b | c)`; name tokens when `nmtokens`, else names.
    fn token_list(&mut self, nmtokens: bool) -> Res<Vec<String>> {
        self.expect(b'(', "'('")?;
        let mut out = Vec::new();
        loop {
            self.skip_ws_pe()?;
            let t = if nmtokens {
                self.read_nmtoken()?
            } else {
                self.read_name()?
            };
            out.push(t);
            self.skip_ws_pe()?;
            match self.peek() {
                Some(b'|') => self.bump(),
                Some(b')') => {
                    self.bump();
                    break;
                }
                _ => return Err(self.syntax("expected '|' or ')' in an enumeration")),
            }
        }
        Ok(out)
    }

    fn external_id(&mut self, kw: &str) -> Res<(Option<String>, String)> {
        match kw {
            "SYSTEM" => {
                self.require_ws("SYSTEM")?;
                Ok((None, self.read_quoted_raw()?))
            }
            "PUBLIC" => {
                self.require_ws("PUBLIC")?;
                let public = self.read_quoted_raw()?;
                self.require_ws("the public identifier")?;
                Ok((Some(public), self.read_quoted_raw()?))
            }
            other => Err(self.syntax(format!(
                "expected a quoted value, SYSTEM or PUBLIC, found {other:?}"
            ))),
        }
    }

    fn entity_decl(&mut self) -> Res<()> {
        self.require_ws("<!ENTITY")?;
        let is_pe =
            self.peek() == Some(b'%') && self.rest().as_bytes().get(1).copied().is_some_and(is_ws);
        if is_pe {
            self.bump();
            self.require_ws("'%'")?;
        }
        let name = self.read_name()?;
        self.require_ws("the entity name")?;
        let dir = self.current_dir();
        if matches!(self.peek(), Some(b'"' | b'\'')) {
            let value = self.read_entity_value()?;
            self.skip_ws_pe()?;
            self.expect(b'>', "'>' closing <!ENTITY>")?;
            if is_pe {
                self.pes
                    .entry(name)
                    .or_insert_with(|| ParamEntity::Internal(Rc::from(value)));
            } else {
                self.decls
                    .general
                    .entry(name)
                    .or_insert(GeneralEntity::Internal(value));
            }
            return Ok(());
        }
        let kw = self.read_name()?;
        let (public, system) = self.external_id(&kw)?;
        let ws = self.skip_ws_pe()?;
        let mut ndata = None;
        if !is_pe && ws && self.at("NDATA") {
            self.advance(5);
            self.require_ws("NDATA")?;
            ndata = Some(self.read_name()?);
            self.skip_ws_pe()?;
        }
        self.expect(b'>', "'>' closing <!ENTITY>")?;
        if is_pe {
            self.pes.entry(name).or_insert(ParamEntity::External {
                public,
                system,
                dir,
            });
        } else {
            self.decls
                .general
                .entry(name)
                .or_insert(GeneralEntity::External {
                    public,
                    system,
                    ndata,
                });
        }
        Ok(())
    }

    fn notation_decl(&mut self) -> Res<()> {
        self.require_ws("<!NOTATION")?;
        let name = self.read_name()?;
        loop {
            self.skip_ws_pe()?;
            match self.peek() {
                Some(b'>') => {
                    self.bump();
                    break;
                }
                Some(b'"' | b'\'') => {
                    self.read_quoted_raw()?;
                }
                Some(_) => {
                    self.read_name()?;
                }
                None => return Err(self.syntax("unterminated <!NOTATION>")),
            }
        }
        self.decls.notations.insert(name);
        Ok(())
    }
}

/// XML 1.0 `Char`.
pub fn is_xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..='\u{10FFFF}')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Res<Decls> {
        parse_with(text, "test.dtd", &Limits::default())
    }

    /// Parses a DTD held in memory (no base directory, no catalog) under `limits`.
    fn parse_with(text: &str, name: &str, limits: &Limits) -> Res<Decls> {
        Parser::new(
            text,
            name,
            None,
            limits,
            Access {
                catalog: None,
                root: None,
                external: true,
                files: None,
            },
        )
        .parse()
    }

    #[test]
    fn parameter_entities_build_models_and_attlists() {
        let d = parse(
            r#"<!-- a comment with <!ELEMENT fake ANY> inside -->
<!ENTITY % inline "b | i">
<!ENTITY % common 'id ID #IMPLIED lang NMTOKEN "en"'>
<!ENTITY % p.model "(#PCDATA | %inline;)*">
<!ELEMENT p %p.model;>
<!ELEMENT doc (title, (p | list)+, note?)>
<!ATTLIST doc %common; kind (a|b) "a">
<!ATTLIST doc id CDATA #REQUIRED extra CDATA #FIXED "x">
<?pi ignored?>
<!ENTITY % draft "IGNORE">
<![%draft;[ <!ELEMENT title ANY> <![INCLUDE[ nested ]]> ]]>
<![ INCLUDE [ <!ELEMENT title (#PCDATA)> ]]>
<!ENTITY eacute "&#xE9;">
<!ENTITY copy "&amp;c &eacute;">
"#,
        )
        .expect("parses");
        let p = &d.elements[d.element_index["p"]].1;
        assert_eq!(p.render(), "(#PCDATA | b | i)*");
        assert_eq!(
            d.elements[d.element_index["doc"]].1.render(),
            "(title, (p | list)+, note?)"
        );
        assert_eq!(
            d.elements[d.element_index["title"]].1,
            ContentSpec::Mixed(vec![])
        );
        let atts = &d.attlists[d.attlist_index["doc"]].1;
        let names: Vec<_> = atts.iter().map(|a| a.name.as_str()).collect();
        assert_eq!(names, ["id", "lang", "kind", "extra"]);
        // First declaration of `id` wins.
        assert_eq!(atts[0].ty, AttType::Id);
        assert_eq!(
            d.general.get("eacute"),
            Some(&GeneralEntity::Internal("é".into()))
        );
        assert_eq!(
            d.general.get("copy"),
            Some(&GeneralEntity::Internal("&amp;c &eacute;".into()))
        );
    }

    #[test]
    fn errors_name_line_and_column() {
        let e =
            parse("<!ELEMENT a (b, c)>\n<!ELEMENT d (e | f, g)>").expect_err("mixed separators");
        match e {
            DtdError::Syntax { line, file, .. } => {
                assert_eq!(line, 2);
                assert_eq!(file, "test.dtd");
            }
            other => panic!("unexpected {other:?}"),
        }
        let e = parse("<!ELEMENT a %undeclared;>").expect_err("undeclared PE");
        assert!(
            matches!(e, DtdError::UnresolvedEntity { ref name, column: 13, .. } if name == "undeclared"),
            "{e:?}"
        );
        let e =
            parse("<!ENTITY % a '%b;'><!ENTITY % b '%a;'><!ELEMENT x %a;>").expect_err("recursion");
        assert!(matches!(e, DtdError::UnresolvedEntity { .. }), "{e:?}");
    }

    #[test]
    fn dtd_with_50000_nested_parentheses_is_refused_not_a_stack_overflow() {
        let deep = format!("<!ELEMENT a {}b{}>", "(".repeat(50_000), ")".repeat(50_000));
        let e = parse(&deep).expect_err("must hit the nesting limit");
        assert!(
            matches!(e, DtdError::Limit { ref message, .. } if message.contains("max_depth")),
            "{e:?}"
        );
        // Up to the limit the model still compiles, even on a test thread's small stack.
        let depth = Limits::default().max_depth;
        let ok = format!("<!ELEMENT a {}b{}>", "(".repeat(depth), ")".repeat(depth));
        let dtd = crate::validate::dtd::Dtd::from_str(&ok, None, &Default::default())
            .expect("a model nested to the limit compiles");
        assert!(dtd
            .validate(b"<a><b/></a>")
            .iter()
            .all(|d| d.code != "dtd-content"));
    }

    #[test]
    fn parameter_billion_laughs_is_bounded() {
        let mut dtd = String::from("<!ENTITY % l0 \"laughlaughlaugh\">\n");
        for i in 1..=12 {
            let p = i - 1;
            dtd.push_str(&format!(
                "<!ENTITY % l{i} \"%l{p};%l{p};%l{p};%l{p};%l{p};%l{p};%l{p};%l{p};%l{p};%l{p};\">\n"
            ));
        }
        let limits = Limits {
            max_entity_expansion_bytes: 1 << 20,
            ..Limits::default()
        };
        let start = std::time::Instant::now();
        let e = parse_with(&dtd, "laughs.dtd", &limits).expect_err("must hit the limit");
        assert!(matches!(e, DtdError::Limit { .. }), "{e:?}");
        assert!(start.elapsed().as_secs() < 5);
    }

    #[test]
    fn external_files_stay_inside_the_tree() {
        let dir = tempfile::tempdir().expect("tempdir");
        let root = dir.path().join("dtd");
        std::fs::create_dir_all(root.join("mods")).expect("mkdir");
        std::fs::write(
            root.join("mods/m.ent"),
            b"<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\r\n<!ENTITY % inner SYSTEM \"n.ent\">%inner;\r\n<!ENTITY e \"\xe9\">",
        )
        .expect("write");
        std::fs::write(root.join("mods/n.ent"), "<!ELEMENT n EMPTY>").expect("write");
        std::fs::write(dir.path().join("secret.ent"), "<!ELEMENT s EMPTY>").expect("write");
        let limits = Limits::default();
        let canon = root.canonicalize().expect("canon");
        let run = |text: &str| {
            Parser::new(
                text,
                "main.dtd",
                Some(canon.clone()),
                &limits,
                Access {
                    catalog: None,
                    root: Some(canon.clone()),
                    external: true,
                    files: None,
                },
            )
            .parse()
        };
        let d = run("<!ENTITY % m SYSTEM \"mods/m.ent\"> %m;").expect("loads");
        assert!(
            d.element_index.contains_key("n"),
            "nested file resolved relative to mods/"
        );
        assert_eq!(
            d.general.get("e"),
            Some(&GeneralEntity::Internal("é".into()))
        );
        let e = run("<!ENTITY % s SYSTEM \"../secret.ent\"> %s;").expect_err("escapes the tree");
        assert!(matches!(e, DtdError::Forbidden { .. }), "{e:?}");
        let e = run("<!ENTITY % u SYSTEM \"http://example.org/x.ent\"> %u;").expect_err("URL");
        assert!(matches!(e, DtdError::Forbidden { .. }), "{e:?}");
    }
}
