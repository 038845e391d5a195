//! Schema documents → components. Documents are loaded depth-first from the entry
//! document through `include` (a document without a target namespace takes the includer's:
//! a chameleon include) and `import` (one document per namespace, as libxml2 does: a second
//! import of a namespace already imported is skipped). Every global component gets its id
//! before any is built, so references may point forwards, across documents and in cycles
//! through element declarations; derivation and group cycles are errors.

use std::collections::{HashMap, HashSet};
use std::sync::{Arc, OnceLock};

use super::doc::{self, XNode};
use super::simple::{
    Builtin, Facets, Pattern, SimpleType, Value, Variety, WhiteSpace, ATOMIC_BUILTINS,
    LIST_BUILTINS,
};
use super::{
    AttrDecl, AttrUse, ComplexType, Content, Derivation, ElemId, ElementDecl, FastMap, NsSet,
    Particle, Process, Schema, Source, Term, TypeDef, TypeId, TypeKind, ValueConstraint, Wildcard,
    XName, XsdError, BLOCK_EXTENSION, BLOCK_RESTRICTION, BLOCK_SUBSTITUTION, NS_XSD,
};

/// Most schema documents one schema may load.
const MAX_DOCUMENTS: usize = 200;

/// One loaded schema document.
struct Doc {
    location: String,
    bytes: Vec<u8>,
    root: XNode,
    /// The effective target namespace (the includer's, for a chameleon include).
    target: Box<str>,
    /// Whether the document has no target namespace of its own but was included into one.
    chameleon: bool,
    element_qualified: bool,
    attribute_qualified: bool,
    block_default: u8,
}

impl Doc {
    fn err(&self, node: &XNode, message: impl AsRef<str>) -> XsdError {
        XsdError::at(&self.location, &self.bytes, node.offset, message.as_ref())
    }
}

/// Loads the schema whose entry document is at `entry` in `source`.
pub(crate) fn load(source: &dyn Source, entry: &str) -> Result<Schema, XsdError> {
    let mut loader = Loader {
        source,
        docs: Vec::new(),
        seen: HashSet::new(),
        namespaces: HashMap::new(),
        warnings: Vec::new(),
    };
    loader.load(entry, Kind::Entry, None)?;
    let Loader { docs, warnings, .. } = loader;
    let mut b = Builder::new(&docs, warnings);
    b.collect()?;
    b.build_all()?;
    Ok(b.finish())
}

#[derive(Clone)]
enum Kind {
    Entry,
    Include(Box<str>),
    Import(Box<str>),
}

struct Loader<'s> {
    source: &'s dyn Source,
    docs: Vec<Doc>,
    seen: HashSet<(String, String)>,
    /// Namespace → the location it was imported from.
    namespaces: HashMap<Box<str>, String>,
    warnings: Vec<String>,
}

/// Joins a relative reference to the directory of `base`, refusing to climb above the
/// bundle's root; absolute URIs go through the source's URI map.
fn resolve_location(source: &dyn Source, base: &str, rel: &str) -> Result<String, String> {
    if rel.contains("://") || rel.starts_with("urn:") {
        return source.map_uri(rel).ok_or_else(|| {
            "an absolute URI not mapped onto a local copy (no network access)".into()
        });
    }
    let mut parts: Vec<&str> = base.split('/').collect();
    parts.pop();
    for seg in rel.split('/') {
        match seg {
            "" | "." => {}
            ".." => {
                if parts.pop().is_none() {
                    return Err("a path outside the schema's directory".into());
                }
            }
            s => parts.push(s),
        }
    }
    Ok(parts.join("/"))
}

impl Loader<'_> {
    fn load(
        &mut self,
        location: &str,
        kind: Kind,
        from: Option<(String, usize, usize)>,
    ) -> Result<(), XsdError> {
        let key_ns = match &kind {
            Kind::Include(ns) => ns.to_string(),
            _ => "#own".to_string(),
        };
        if !self.seen.insert((location.to_string(), key_ns)) {
            return Ok(());
        }
        if self.docs.len() >= MAX_DOCUMENTS {
            return Err(XsdError::Schema {
                file: location.into(),
                line: 1,
                column: 1,
                message: format!("more than {MAX_DOCUMENTS} schema documents"),
            });
        }
        let missing = |message: String| match from {
            Some((file, line, column)) => XsdError::Missing {
                file,
                line,
                column,
                location: location.into(),
                message,
            },
            None => XsdError::Missing {
                file: location.into(),
                line: 1,
                column: 1,
                location: location.into(),
                message,
            },
        };
        let bytes = match self.source.read(location) {
            Ok(b) => b.into_owned(),
            Err(m) => {
                if let Kind::Import(ns) = &kind {
                    // libxml2 treats an unreadable import as a hint it could not follow.
                    self.warnings.push(format!(
                        "could not read `{location}` imported for namespace `{ns}`: {m}"
                    ));
                    return Ok(());
                }
                return Err(missing(m));
            }
        };
        let root = doc::parse(&bytes, location)?;
        let own = root.attr("targetNamespace").map(str::to_string);
        let (target, chameleon) = match (&kind, own) {
            (Kind::Include(into), None) => (into.to_string(), !into.is_empty()),
            (Kind::Include(into), Some(t)) if *t != **into => {
                return Err(XsdError::at(
                    location,
                    &bytes,
                    root.offset,
                    &format!("included document has targetNamespace `{t}`, not `{into}`"),
                ))
            }
            (Kind::Import(ns), own) if own.as_deref().unwrap_or("") != &**ns => {
                return Err(XsdError::at(
                    location,
                    &bytes,
                    root.offset,
                    &format!(
                        "imported for namespace `{ns}` but its targetNamespace is `{}`",
                        own.unwrap_or_default()
                    ),
                ))
            }
            (_, own) => (own.unwrap_or_default(), false),
        };
        let block_default = parse_block(root.attr("blockDefault"));
        let doc = Doc {
            location: location.to_string(),
            bytes,
            target: target.clone().into(),
            chameleon,
            element_qualified: root.attr("elementFormDefault") == Some("qualified"),
            attribute_qualified: root.attr("attributeFormDefault") == Some("qualified"),
            block_default,
            root,
        };
        if matches!(kind, Kind::Entry) {
            self.namespaces
                .insert(target.clone().into(), location.to_string());
        }
        // Follow includes and imports in document order, depth first.
        let mut refs: Vec<(String, Kind, usize)> = Vec::new();
        for (i, child) in doc.root.children.iter().enumerate() {
            match &*child.name {
                "include" => {
                    let Some(loc) = child.attr("schemaLocation") else {
                        return Err(doc.err(child, "include without schemaLocation"));
                    };
                    let resolved = resolve_location(self.source, location, loc)
                        .map_err(|m| doc.err(child, format!("cannot include `{loc}`: {m}")))?;
                    refs.push((resolved, Kind::Include(target.clone().into()), i));
                }
                "import" => {
                    let ns: Box<str> = child.attr("namespace").unwrap_or("").into();
                    if *ns == *target {
                        return Err(doc.err(child, "a document cannot import its own namespace"));
                    }
                    let Some(loc) = child.attr("schemaLocation") else {
                        continue;
                    };
                    let resolved = match resolve_location(self.source, location, loc) {
                        Ok(r) => r,
                        Err(m) => {
                            self.warnings
                                .push(format!("{location}: import of `{loc}` skipped: {m}"));
                            continue;
                        }
                    };
                    if let Some(prev) = self.namespaces.get(&ns) {
                        if *prev != resolved {
                            self.warnings.push(format!(
                                "{location}: skipping import of `{resolved}` for namespace `{ns}`, already imported from `{prev}`"
                            ));
                        }
                        continue;
                    }
                    self.namespaces.insert(ns.clone(), resolved.clone());
                    refs.push((resolved, Kind::Import(ns), i));
                }
                "redefine" => {
                    return Err(doc.err(child, "xs:redefine is not supported"));
                }
                _ => {}
            }
        }
        let from: Vec<(String, usize, usize)> = refs
            .iter()
            .map(|(_, _, child)| {
                let offset = doc.root.children.get(*child).map_or(0, |c| c.offset);
                let (line, column) = crate::validate::dtd::line_col(&doc.bytes, offset);
                (doc.location.clone(), line, column)
            })
            .collect();
        self.docs.push(doc);
        for ((loc, kind, _), at) in refs.into_iter().zip(from) {
            self.load(&loc, kind, Some(at))?;
        }
        Ok(())
    }
}

fn parse_block(v: Option<&str>) -> u8 {
    let mut bits = 0;
    for t in v.unwrap_or("").split_ascii_whitespace() {
        bits |= match t {
            "#all" => BLOCK_EXTENSION | BLOCK_RESTRICTION | BLOCK_SUBSTITUTION,
            "extension" => BLOCK_EXTENSION,
            "restriction" => BLOCK_RESTRICTION,
            "substitution" => BLOCK_SUBSTITUTION,
            _ => 0,
        };
    }
    bits
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum DefKind {
    Element,
    Type,
    Group,
    AttributeGroup,
    Attribute,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum State {
    Pending,
    Building,
    Done,
}

/// A model group's attribute uses: (use, prohibited).
type AttrUses = Vec<(AttrUse, bool)>;

struct Builder<'d> {
    docs: &'d [Doc],
    defs: FastMap<(DefKind, XName), (usize, &'d XNode)>,
    types: Vec<Option<TypeDef>>,
    type_state: Vec<State>,
    type_def: FastMap<TypeId, (usize, &'d XNode)>,
    elements: Vec<Option<ElementDecl>>,
    elem_state: Vec<State>,
    elem_def: FastMap<ElemId, (usize, &'d XNode)>,
    global_elements: FastMap<XName, ElemId>,
    global_types: FastMap<XName, TypeId>,
    global_attributes: FastMap<XName, AttrDecl>,
    attr_building: HashSet<XName>,
    groups: FastMap<XName, Particle>,
    groups_building: HashSet<XName>,
    attr_groups: FastMap<XName, (AttrUses, Option<Wildcard>)>,
    attr_groups_building: HashSet<XName>,
    name_symbols: FastMap<Box<str>, FastMap<Box<str>, u32>>,
    symbol_names: Vec<XName>,
    namespaces: FastMap<Box<str>, u32>,
    any_type: TypeId,
    any_simple: TypeId,
    /// Anonymous complex types of element declarations, not built yet.
    deferred: Vec<TypeId>,
    warnings: Vec<String>,
}

fn occurs(doc: &Doc, node: &XNode) -> Result<(u32, Option<u32>), XsdError> {
    let min = match node.attr("minOccurs") {
        None => 1,
        Some(v) => v
            .trim()
            .parse()
            .map_err(|_| doc.err(node, format!("minOccurs=\"{v}\" is not a number")))?,
    };
    let max = match node.attr("maxOccurs").map(str::trim) {
        None => Some(1),
        Some("unbounded") => None,
        Some(v) => Some(
            v.parse()
                .map_err(|_| doc.err(node, format!("maxOccurs=\"{v}\" is not a number")))?,
        ),
    };
    if max.is_some_and(|m| m < min) {
        return Err(doc.err(node, "maxOccurs is less than minOccurs"));
    }
    Ok((min, max))
}

fn constraint(node: &XNode) -> Option<ValueConstraint> {
    if let Some(v) = node.attr("fixed") {
        return Some(ValueConstraint {
            fixed: true,
            value: v.into(),
        });
    }
    node.attr("default").map(|v| ValueConstraint {
        fixed: false,
        value: v.into(),
    })
}

fn wildcard_of(doc: &Doc, node: &XNode) -> Result<Wildcard, XsdError> {
    let process = match node.attr("processContents").unwrap_or("strict") {
        "strict" => Process::Strict,
        "lax" => Process::Lax,
        "skip" => Process::Skip,
        other => return Err(doc.err(node, format!("processContents=\"{other}\" is not valid"))),
    };
    let spec = node.attr("namespace").unwrap_or("##any").trim();
    let ns = match spec {
        "##any" => NsSet::Any,
        "##other" => NsSet::Not(doc.target.clone()),
        list => NsSet::Only(
            list.split_ascii_whitespace()
                .map(|t| match t {
                    "##targetNamespace" => doc.target.clone(),
                    "##local" => "".into(),
                    t => t.into(),
                })
                .collect(),
        ),
    };
    Ok(Wildcard { ns, process })
}

fn intersect(a: &NsSet, b: &NsSet) -> NsSet {
    match (a, b) {
        (NsSet::Any, x) | (x, NsSet::Any) => x.clone(),
        (NsSet::Only(x), NsSet::Only(y)) => {
            NsSet::Only(x.iter().filter(|n| y.contains(n)).cloned().collect())
        }
        (NsSet::Only(x), NsSet::Not(t)) | (NsSet::Not(t), NsSet::Only(x)) => NsSet::Only(
            x.iter()
                .filter(|n| !n.is_empty() && **n != *t)
                .cloned()
                .collect(),
        ),
        (NsSet::Not(t), NsSet::Not(_)) => NsSet::Not(t.clone()),
    }
}

fn union(a: &NsSet, b: &NsSet) -> NsSet {
    match (a, b) {
        (NsSet::Any, _) | (_, NsSet::Any) => NsSet::Any,
        (NsSet::Only(x), NsSet::Only(y)) => {
            let mut v = x.clone();
            v.extend(y.iter().filter(|n| !x.contains(n)).cloned());
            NsSet::Only(v)
        }
        (NsSet::Only(x), NsSet::Not(t)) | (NsSet::Not(t), NsSet::Only(x)) => {
            if x.contains(t) {
                NsSet::Any
            } else {
                NsSet::Not(t.clone())
            }
        }
        (NsSet::Not(t), NsSet::Not(u)) => {
            if t == u {
                NsSet::Not(t.clone())
            } else {
                NsSet::Any
            }
        }
    }
}

impl<'d> Builder<'d> {
    fn new(docs: &'d [Doc], warnings: Vec<String>) -> Self {
        let mut b = Builder {
            docs,
            defs: FastMap::default(),
            types: Vec::new(),
            type_state: Vec::new(),
            type_def: FastMap::default(),
            elements: Vec::new(),
            elem_state: Vec::new(),
            elem_def: FastMap::default(),
            global_elements: FastMap::default(),
            global_types: FastMap::default(),
            global_attributes: FastMap::default(),
            attr_building: HashSet::new(),
            groups: FastMap::default(),
            groups_building: HashSet::new(),
            attr_groups: FastMap::default(),
            attr_groups_building: HashSet::new(),
            name_symbols: FastMap::default(),
            symbol_names: Vec::new(),
            namespaces: FastMap::default(),
            any_type: 0,
            any_simple: 0,
            deferred: Vec::new(),
            warnings,
        };
        b.namespace_id("");
        b.builtins();
        b
    }

    fn push_type(&mut self, t: TypeDef) -> TypeId {
        let id = self.types.len() as TypeId;
        if let Some(n) = &t.name {
            self.global_types.insert(n.clone(), id);
        }
        self.types.push(Some(t));
        self.type_state.push(State::Done);
        id
    }

    fn builtins(&mut self) {
        let xs = |n: &str| XName::new(NS_XSD, n);
        self.any_type = self.push_type(TypeDef {
            name: Some(xs("anyType")),
            base: None,
            derivation: Derivation::Restriction,
            block: 0,
            kind: TypeKind::Complex(ComplexType {
                content: Content::Elements {
                    particle: Particle {
                        min: 0,
                        max: None,
                        term: Term::Any(Wildcard {
                            ns: NsSet::Any,
                            process: Process::Lax,
                        }),
                    },
                    mixed: true,
                },
                attributes: Vec::new(),
                wildcard: Some(Wildcard {
                    ns: NsSet::Any,
                    process: Process::Lax,
                }),
                is_abstract: false,
                automaton: OnceLock::new(),
            }),
        });
        let mut ids: FastMap<Builtin, TypeId> = FastMap::default();
        for &(name, builtin, base) in ATOMIC_BUILTINS {
            let base_id = match base {
                None if builtin == Builtin::AnySimpleType => self.any_type,
                None => self.any_simple,
                Some(b) => ids.get(&b).copied().unwrap_or(self.any_simple),
            };
            let facets = Facets::default();
            let id = self.push_type(TypeDef {
                name: Some(xs(name)),
                base: Some(base_id),
                derivation: Derivation::Restriction,
                block: 0,
                kind: TypeKind::Simple(Box::new(SimpleType {
                    builtin,
                    variety: Variety::Atomic,
                    whitespace: builtin.whitespace(),
                    facets,
                })),
            });
            if builtin == Builtin::AnySimpleType {
                self.any_simple = id;
            }
            ids.insert(builtin, id);
        }
        for &(name, item) in LIST_BUILTINS {
            let item_id = self
                .global_types
                .get(&xs(item))
                .copied()
                .unwrap_or(self.any_simple);
            let facets = Facets {
                min_length: Some(1),
                ..Facets::default()
            };
            self.push_type(TypeDef {
                name: Some(xs(name)),
                base: Some(self.any_simple),
                derivation: Derivation::Restriction,
                block: 0,
                kind: TypeKind::Simple(Box::new(SimpleType {
                    builtin: Builtin::AnySimpleType,
                    variety: Variety::List(item_id),
                    whitespace: WhiteSpace::Collapse,
                    facets,
                })),
            });
        }
    }

    fn namespace_id(&mut self, ns: &str) -> u32 {
        let next = self.namespaces.len() as u32;
        *self.namespaces.entry(ns.into()).or_insert(next)
    }

    fn intern(&mut self, name: &XName) -> u32 {
        self.namespace_id(&name.ns);
        let next = self.symbol_names.len() as u32;
        let map = self.name_symbols.entry(name.ns.clone()).or_default();
        if let Some(&s) = map.get(&name.local) {
            return s;
        }
        map.insert(name.local.clone(), next);
        self.symbol_names.push(name.clone());
        next
    }

    /// A QName written in `doc`, with a chameleon document's unqualified references moved
    /// into the namespace it was included into.
    fn qualify(&self, doc: usize, q: &XName) -> XName {
        let d = &self.docs[doc];
        if d.chameleon && q.ns.is_empty() {
            XName {
                ns: d.target.clone(),
                local: q.local.clone(),
            }
        } else {
            q.clone()
        }
    }

    /// Registers every global definition and gives global elements and types their ids.
    fn collect(&mut self) -> Result<(), XsdError> {
        let docs = self.docs;
        for (i, d) in docs.iter().enumerate() {
            for child in &d.root.children {
                let kind = match &*child.name {
                    "element" => DefKind::Element,
                    "complexType" | "simpleType" => DefKind::Type,
                    "group" => DefKind::Group,
                    "attributeGroup" => DefKind::AttributeGroup,
                    "attribute" => DefKind::Attribute,
                    "include" | "import" | "notation" => continue,
                    other => return Err(d.err(child, format!("unexpected top-level <xs:{other}>"))),
                };
                let Some(name) = child.attr("name") else {
                    return Err(d.err(child, format!("a global <xs:{}> needs a name", child.name)));
                };
                let xname = XName::new(&d.target, name);
                if self.defs.contains_key(&(kind, xname.clone())) {
                    self.warnings.push(format!(
                        "{}: {} `{xname}` is defined more than once; the first definition is used",
                        d.location, child.name
                    ));
                    continue;
                }
                if kind == DefKind::Type && self.global_types.contains_key(&xname) {
                    return Err(d.err(child, format!("type `{xname}` redefines a built-in type")));
                }
                self.defs.insert((kind, xname.clone()), (i, child));
                match kind {
                    DefKind::Element => {
                        let id = self.elements.len() as ElemId;
                        self.elements.push(None);
                        self.elem_state.push(State::Pending);
                        self.elem_def.insert(id, (i, child));
                        self.global_elements.insert(xname, id);
                    }
                    DefKind::Type => {
                        let id = self.types.len() as TypeId;
                        self.types.push(None);
                        self.type_state.push(State::Pending);
                        self.type_def.insert(id, (i, child));
                        self.global_types.insert(xname, id);
                    }
                    _ => {}
                }
            }
        }
        Ok(())
    }

    fn build_all(&mut self) -> Result<(), XsdError> {
        let mut tids: Vec<TypeId> = self.type_def.keys().copied().collect();
        tids.sort_unstable();
        for id in tids {
            self.ensure_type(id)?;
        }
        let mut eids: Vec<ElemId> = self.elem_def.keys().copied().collect();
        eids.sort_unstable();
        for id in eids {
            self.ensure_element(id)?;
        }
        let mut names: Vec<(usize, XName)> = self
            .defs
            .iter()
            .filter(|((k, _), _)| *k == DefKind::Attribute)
            .map(|((_, n), (d, _))| (*d, n.clone()))
            .collect();
        names.sort();
        for (d, n) in names {
            self.global_attribute(d, &n, None)?;
        }
        while !self.deferred.is_empty() {
            for id in std::mem::take(&mut self.deferred) {
                self.ensure_type(id)?;
            }
        }
        Ok(())
    }

    fn finish(self) -> Schema {
        let mut substitutes: FastMap<ElemId, Vec<ElemId>> = FastMap::default();
        let elements: Vec<ElementDecl> = self.elements.into_iter().flatten().collect();
        for (i, e) in elements.iter().enumerate() {
            if let Some(h) = e.subst_head {
                substitutes.entry(h).or_default().push(i as ElemId);
            }
        }
        Schema {
            elements,
            types: self.types.into_iter().flatten().collect(),
            global_elements: self.global_elements,
            global_types: self.global_types,
            global_attributes: self.global_attributes,
            substitutes,
            name_symbols: self.name_symbols,
            symbol_names: self.symbol_names,
            namespaces: self.namespaces,
            warnings: self.warnings,
        }
    }

    // ----- types ------------------------------------------------------------------------

    fn type_ref(&self, doc: usize, node: &XNode, q: &XName) -> Result<TypeId, XsdError> {
        let q = self.qualify(doc, q);
        self.global_types.get(&q).copied().ok_or_else(|| {
            self.docs[doc].err(node, format!("type `{q}` is not defined in the schema"))
        })
    }

    fn ensure_type(&mut self, id: TypeId) -> Result<(), XsdError> {
        match self.type_state.get(id as usize) {
            Some(State::Done) | None => return Ok(()),
            Some(State::Building) => {
                let (d, node) = self.type_def[&id];
                return Err(self.docs[d].err(node, "circular type derivation"));
            }
            Some(State::Pending) => {}
        }
        self.type_state[id as usize] = State::Building;
        let (d, node) = self.type_def[&id];
        let name = node
            .attr("name")
            .map(|n| XName::new(&self.docs[d].target, n));
        let t = if &*node.name == "simpleType" {
            self.simple_type(d, node, name)?
        } else {
            self.complex_type(d, node, name)?
        };
        self.types[id as usize] = Some(t);
        self.type_state[id as usize] = State::Done;
        Ok(())
    }

    fn type_def(&self, id: TypeId) -> Option<&TypeDef> {
        self.types.get(id as usize).and_then(Option::as_ref)
    }

    fn anonymous(&mut self, t: TypeDef) -> TypeId {
        let id = self.types.len() as TypeId;
        self.types.push(Some(t));
        self.type_state.push(State::Done);
        id
    }

    /// The type of a declaration: its `type` attribute, an inline definition, or `default`.
    fn declared_type(
        &mut self,
        d: usize,
        node: &'d XNode,
        default: TypeId,
    ) -> Result<TypeId, XsdError> {
        if let Some(q) = node.qname("type") {
            return self.type_ref(d, node, q);
        }
        if let Some(st) = node.child("simpleType") {
            let t = self.simple_type(d, st, None)?;
            return Ok(self.anonymous(t));
        }
        if let Some(ct) = node.child("complexType") {
            // Built later: its content may reach this declaration again through a group
            // (MathML's `semantics` does), which is legal through an element declaration.
            let id = self.types.len() as TypeId;
            self.types.push(None);
            self.type_state.push(State::Pending);
            self.type_def.insert(id, (d, ct));
            self.deferred.push(id);
            return Ok(id);
        }
        Ok(default)
    }

    fn simple_base(&mut self, d: usize, node: &'d XNode) -> Result<TypeId, XsdError> {
        let base = match node.qname("base") {
            Some(q) => self.type_ref(d, node, q)?,
            None => match node.child("simpleType") {
                Some(st) => {
                    let t = self.simple_type(d, st, None)?;
                    self.anonymous(t)
                }
                None => return Err(self.docs[d].err(node, "restriction without a base type")),
            },
        };
        self.ensure_type(base)?;
        Ok(base)
    }

    fn simple_type(
        &mut self,
        d: usize,
        node: &'d XNode,
        name: Option<XName>,
    ) -> Result<TypeDef, XsdError> {
        let doc = &self.docs[d];
        if let Some(r) = node.child("restriction") {
            let base = self.simple_base(d, r)?;
            let Some(base_simple) = self.type_def(base).and_then(|t| match &t.kind {
                TypeKind::Simple(s) => Some((**s).clone()),
                TypeKind::Complex(_) => None,
            }) else {
                return Err(doc.err(r, "a simple type cannot restrict a complex type"));
            };
            let st = self.restrict(d, r, &base_simple)?;
            return Ok(TypeDef {
                name,
                base: Some(base),
                derivation: Derivation::Restriction,
                block: 0,
                kind: TypeKind::Simple(Box::new(st)),
            });
        }
        if let Some(l) = node.child("list") {
            let item = match l.qname("itemType") {
                Some(q) => self.type_ref(d, l, q)?,
                None => match l.child("simpleType") {
                    Some(st) => {
                        let t = self.simple_type(d, st, None)?;
                        self.anonymous(t)
                    }
                    None => return Err(doc.err(l, "list without an item type")),
                },
            };
            return Ok(TypeDef {
                name,
                base: Some(self.any_simple),
                derivation: Derivation::Restriction,
                block: 0,
                kind: TypeKind::Simple(Box::new(SimpleType {
                    builtin: Builtin::AnySimpleType,
                    variety: Variety::List(item),
                    whitespace: WhiteSpace::Collapse,
                    facets: Facets::default(),
                })),
            });
        }
        if let Some(u) = node.child("union") {
            let mut members = Vec::new();
            for q in u.qname_list("memberTypes") {
                members.push(self.type_ref(d, u, q)?);
            }
            for st in u.children_named("simpleType") {
                let t = self.simple_type(d, st, None)?;
                members.push(self.anonymous(t));
            }
            if members.is_empty() {
                return Err(doc.err(u, "union without member types"));
            }
            return Ok(TypeDef {
                name,
                base: Some(self.any_simple),
                derivation: Derivation::Restriction,
                block: 0,
                kind: TypeKind::Simple(Box::new(SimpleType {
                    builtin: Builtin::AnySimpleType,
                    variety: Variety::Union(members),
                    whitespace: WhiteSpace::Collapse,
                    facets: Facets::default(),
                })),
            });
        }
        Err(doc.err(node, "simpleType needs a restriction, list or union"))
    }

    /// Applies the facets among `node`'s children to `base`.
    fn restrict(&self, d: usize, node: &XNode, base: &SimpleType) -> Result<SimpleType, XsdError> {
        let doc = &self.docs[d];
        let mut st = base.clone();
        let mut enums: Vec<(Box<str>, Option<Value>)> = Vec::new();
        let mut patterns = Vec::new();
        // The whiteSpace facet applies to the literals of the other facets too.
        if let Some(ws) = node.child("whiteSpace") {
            let v = ws.attr("value").unwrap_or("");
            let w = WhiteSpace::parse(v)
                .ok_or_else(|| doc.err(ws, format!("whiteSpace value `{v}` is not valid")))?;
            if matches!(st.variety, Variety::Atomic) {
                st.whitespace = w;
            }
        }
        let atomic = matches!(st.variety, Variety::Atomic);
        let parse_bound = |f: &XNode, v: &str| -> Result<Value, XsdError> {
            st.builtin
                .parse(&WhiteSpace::Collapse.apply(v))
                .map_err(|e| doc.err(f, format!("facet {}: {e}", f.name)))
        };
        let count = |f: &XNode, v: &str| -> Result<usize, XsdError> {
            v.trim()
                .parse()
                .map_err(|_| doc.err(f, format!("facet {} needs a number, not `{v}`", f.name)))
        };
        let mut facets = st.facets.clone();
        for f in &node.children {
            let v = f.attr("value");
            let value = || -> Result<&str, XsdError> {
                v.ok_or_else(|| doc.err(f, format!("facet {} has no value", f.name)))
            };
            match &*f.name {
                "enumeration" => {
                    let v = value()?;
                    let parsed = if atomic {
                        st.builtin.parse(&st.whitespace.apply(v)).ok()
                    } else {
                        None
                    };
                    enums.push((v.into(), parsed));
                }
                "pattern" => {
                    let p = Pattern::new(value()?).map_err(|e| doc.err(f, e))?;
                    patterns.push(Arc::new(p));
                }
                "length" => facets.length = Some(count(f, value()?)?),
                "minLength" => facets.min_length = Some(count(f, value()?)?),
                "maxLength" => facets.max_length = Some(count(f, value()?)?),
                "totalDigits" => facets.total_digits = Some(count(f, value()?)?),
                "fractionDigits" => facets.fraction_digits = Some(count(f, value()?)?),
                "minInclusive" => facets.min_inclusive = Some(parse_bound(f, value()?)?),
                "minExclusive" => facets.min_exclusive = Some(parse_bound(f, value()?)?),
                "maxInclusive" => facets.max_inclusive = Some(parse_bound(f, value()?)?),
                "maxExclusive" => facets.max_exclusive = Some(parse_bound(f, value()?)?),
                "whiteSpace" | "simpleType" => {}
                "attribute" | "attributeGroup" | "anyAttribute" => {}
                other => return Err(doc.err(f, format!("<xs:{other}> is not a facet"))),
            }
        }
        if !enums.is_empty() {
            facets.enumerations.push(enums);
        }
        if !patterns.is_empty() {
            facets.patterns.push(patterns);
        }
        st.facets = facets;
        Ok(st)
    }

    fn complex_type(
        &mut self,
        d: usize,
        node: &'d XNode,
        name: Option<XName>,
    ) -> Result<TypeDef, XsdError> {
        let doc = &self.docs[d];
        let mut mixed = node.attr("mixed").map(str::trim) == Some("true");
        let is_abstract = node.attr("abstract").map(str::trim) == Some("true");
        let block = match node.attr("block") {
            Some(b) => parse_block(Some(b)),
            None => doc.block_default & (BLOCK_EXTENSION | BLOCK_RESTRICTION),
        };
        let complex = |content, attributes, wildcard, base, derivation| TypeDef {
            name: name.clone(),
            base: Some(base),
            derivation,
            block,
            kind: TypeKind::Complex(ComplexType {
                content,
                attributes,
                wildcard,
                is_abstract,
                automaton: OnceLock::new(),
            }),
        };
        if let Some(sc) = node.child("simpleContent") {
            let (deriv, dnode) = derivation_child(doc, sc)?;
            let base = match dnode.qname("base") {
                Some(q) => self.type_ref(d, dnode, q)?,
                None => return Err(doc.err(dnode, "simpleContent derivation without a base")),
            };
            self.ensure_type(base)?;
            let (own, own_wc) = self.attribute_uses(d, dnode)?;
            let (base_content, base_attrs, base_wc) = match self.type_def(base).map(|t| &t.kind) {
                Some(TypeKind::Simple(_)) => (Content::Simple(base), Vec::new(), None),
                Some(TypeKind::Complex(c)) => {
                    (c.content.clone(), c.attributes.clone(), c.wildcard.clone())
                }
                None => return Err(doc.err(dnode, "base type is not built")),
            };
            let content = match deriv {
                Derivation::Extension => match base_content {
                    Content::Simple(s) => Content::Simple(s),
                    _ => {
                        return Err(doc.err(
                            dnode,
                            "simpleContent extension of a type without simple content",
                        ))
                    }
                },
                Derivation::Restriction => {
                    let simple_base = match (&base_content, dnode.child("simpleType")) {
                        (_, Some(st)) => {
                            let t = self.simple_type(d, st, None)?;
                            self.anonymous(t)
                        }
                        (Content::Simple(s), None) => *s,
                        _ => {
                            return Err(doc.err(
                                dnode,
                                "simpleContent restriction of a type without simple content",
                            ))
                        }
                    };
                    let Some(bs) = self.type_def(simple_base).and_then(|t| match &t.kind {
                        TypeKind::Simple(s) => Some((**s).clone()),
                        TypeKind::Complex(_) => None,
                    }) else {
                        return Err(doc.err(dnode, "simple content base is not a simple type"));
                    };
                    let st = self.restrict(d, dnode, &bs)?;
                    let id = self.anonymous(TypeDef {
                        name: None,
                        base: Some(simple_base),
                        derivation: Derivation::Restriction,
                        block: 0,
                        kind: TypeKind::Simple(Box::new(st)),
                    });
                    Content::Simple(id)
                }
            };
            let (attributes, wildcard) = merge_attributes(deriv, base_attrs, base_wc, own, own_wc);
            return Ok(complex(content, attributes, wildcard, base, deriv));
        }
        if let Some(cc) = node.child("complexContent") {
            if let Some(m) = cc.attr("mixed") {
                mixed = m.trim() == "true";
            }
            let (deriv, dnode) = derivation_child(doc, cc)?;
            let base = match dnode.qname("base") {
                Some(q) => self.type_ref(d, dnode, q)?,
                None => return Err(doc.err(dnode, "complexContent derivation without a base")),
            };
            self.ensure_type(base)?;
            let (base_content, base_attrs, base_wc) = match self.type_def(base).map(|t| &t.kind) {
                Some(TypeKind::Complex(c)) => {
                    (c.content.clone(), c.attributes.clone(), c.wildcard.clone())
                }
                _ => return Err(doc.err(dnode, "complexContent base is not a complex type")),
            };
            let explicit = self.explicit_content(d, dnode)?;
            let content = match deriv {
                Derivation::Restriction => match explicit {
                    Some(p) => Content::Elements { particle: p, mixed },
                    None if mixed => Content::Elements {
                        particle: empty_particle(),
                        mixed: true,
                    },
                    None => Content::Empty,
                },
                Derivation::Extension => match (explicit, base_content) {
                    (None, Content::Empty) if mixed => Content::Elements {
                        particle: empty_particle(),
                        mixed: true,
                    },
                    (None, base) => base,
                    (Some(p), Content::Empty) => Content::Elements { particle: p, mixed },
                    (Some(p), Content::Elements { particle: bp, .. }) => Content::Elements {
                        particle: Particle {
                            min: 1,
                            max: Some(1),
                            term: Term::Sequence(vec![bp, p]),
                        },
                        mixed,
                    },
                    (Some(_), Content::Simple(_)) => {
                        return Err(doc.err(
                            dnode,
                            "complexContent extension of a type with simple content",
                        ))
                    }
                },
            };
            let (own, own_wc) = self.attribute_uses(d, dnode)?;
            let (attributes, wildcard) = merge_attributes(deriv, base_attrs, base_wc, own, own_wc);
            return Ok(complex(content, attributes, wildcard, base, deriv));
        }
        // Shorthand: a restriction of anyType.
        let explicit = self.explicit_content(d, node)?;
        let content = match explicit {
            Some(p) => Content::Elements { particle: p, mixed },
            None if mixed => Content::Elements {
                particle: empty_particle(),
                mixed: true,
            },
            None => Content::Empty,
        };
        let (own, own_wc) = self.attribute_uses(d, node)?;
        let (attributes, wildcard) =
            merge_attributes(Derivation::Restriction, Vec::new(), None, own, own_wc);
        Ok(complex(
            content,
            attributes,
            wildcard,
            self.any_type,
            Derivation::Restriction,
        ))
    }

    /// The content particle among `node`'s children, or `None` when the explicit content
    /// is empty (XML Schema 1.0 §3.4.2, clauses 2.1.1–2.1.4).
    fn explicit_content(
        &mut self,
        d: usize,
        node: &'d XNode,
    ) -> Result<Option<Particle>, XsdError> {
        let Some(pnode) = node
            .children
            .iter()
            .find(|c| matches!(&*c.name, "group" | "all" | "choice" | "sequence"))
        else {
            return Ok(None);
        };
        let (min, max) = occurs(&self.docs[d], pnode)?;
        let no_children = !pnode.children.iter().any(|c| {
            matches!(
                &*c.name,
                "element" | "group" | "choice" | "sequence" | "any"
            )
        });
        let empty = match &*pnode.name {
            "all" | "sequence" => no_children,
            "choice" => no_children && min == 0,
            _ => false,
        } || max == Some(0);
        if empty {
            return Ok(None);
        }
        Ok(Some(self.particle(d, pnode)?))
    }

    // ----- particles --------------------------------------------------------------------

    fn particle(&mut self, d: usize, node: &'d XNode) -> Result<Particle, XsdError> {
        let (min, max) = occurs(&self.docs[d], node)?;
        let term = match &*node.name {
            "element" => Term::Element(self.local_element(d, node)?),
            "any" => {
                let w = wildcard_of(&self.docs[d], node)?;
                // Every namespace a wildcard names needs an id for the automata's alphabet.
                match &w.ns {
                    NsSet::Any => {}
                    NsSet::Not(t) => {
                        self.namespace_id(t);
                    }
                    NsSet::Only(list) => {
                        for n in list {
                            self.namespace_id(n);
                        }
                    }
                }
                Term::Any(w)
            }
            "group" => {
                let Some(q) = node.qname("ref") else {
                    return Err(self.docs[d].err(node, "a local group needs ref"));
                };
                let q = self.qualify(d, q);
                self.group(d, node, &q)?.term
            }
            kind @ ("sequence" | "choice" | "all") => {
                let mut items = Vec::new();
                for c in &node.children {
                    if matches!(
                        &*c.name,
                        "element" | "any" | "group" | "sequence" | "choice"
                    ) {
                        items.push(self.particle(d, c)?);
                    }
                }
                match kind {
                    "sequence" => Term::Sequence(items),
                    "choice" => Term::Choice(items),
                    _ => Term::All(items),
                }
            }
            other => return Err(self.docs[d].err(node, format!("<xs:{other}> is not a particle"))),
        };
        Ok(Particle { min, max, term })
    }

    fn group(&mut self, d: usize, at: &XNode, q: &XName) -> Result<Particle, XsdError> {
        if let Some(p) = self.groups.get(q) {
            return Ok(p.clone());
        }
        let Some(&(gd, gnode)) = self.defs.get(&(DefKind::Group, q.clone())) else {
            return Err(self.docs[d].err(at, format!("group `{q}` is not defined")));
        };
        if !self.groups_building.insert(q.clone()) {
            return Err(self.docs[d].err(at, format!("group `{q}` refers to itself")));
        }
        let Some(model) = gnode
            .children
            .iter()
            .find(|c| matches!(&*c.name, "all" | "choice" | "sequence"))
        else {
            return Err(self.docs[gd].err(gnode, "a group needs all, choice or sequence"));
        };
        let mut p = self.particle(gd, model)?;
        p.min = 1;
        p.max = Some(1);
        self.groups_building.remove(q);
        self.groups.insert(q.clone(), p.clone());
        Ok(p)
    }

    /// An element particle: a reference to a global declaration or a local declaration.
    fn local_element(&mut self, d: usize, node: &'d XNode) -> Result<ElemId, XsdError> {
        if let Some(q) = node.qname("ref") {
            let q = self.qualify(d, q);
            return self
                .global_elements
                .get(&q)
                .copied()
                .ok_or_else(|| self.docs[d].err(node, format!("element `{q}` is not declared")));
        }
        let doc = &self.docs[d];
        let Some(local) = node.attr("name") else {
            return Err(doc.err(node, "a local element needs a name or ref"));
        };
        let qualified = match node.attr("form") {
            Some(f) => f.trim() == "qualified",
            None => doc.element_qualified,
        };
        let ns: &str = if qualified { &doc.target } else { "" };
        let name = XName::new(ns, local);
        let id = self.elements.len() as ElemId;
        self.elements.push(None);
        self.elem_state.push(State::Building);
        let decl = self.element_decl(d, node, name, None)?;
        self.elements[id as usize] = Some(decl);
        self.elem_state[id as usize] = State::Done;
        Ok(id)
    }

    fn ensure_element(&mut self, id: ElemId) -> Result<(), XsdError> {
        match self.elem_state.get(id as usize) {
            Some(State::Done) | None => return Ok(()),
            Some(State::Building) => {
                let (d, node) = self.elem_def[&id];
                return Err(self.docs[d].err(node, "circular substitution group"));
            }
            Some(State::Pending) => {}
        }
        self.elem_state[id as usize] = State::Building;
        let (d, node) = self.elem_def[&id];
        let name = XName::new(&self.docs[d].target, node.attr("name").unwrap_or(""));
        let head = match node.qname("substitutionGroup") {
            Some(q) => {
                let q = self.qualify(d, q);
                let Some(&h) = self.global_elements.get(&q) else {
                    return Err(self.docs[d].err(
                        node,
                        format!("substitution group head `{q}` is not declared"),
                    ));
                };
                self.ensure_element(h)?;
                Some(h)
            }
            None => None,
        };
        let decl = self.element_decl(d, node, name, head)?;
        self.elements[id as usize] = Some(decl);
        self.elem_state[id as usize] = State::Done;
        Ok(())
    }

    fn element_decl(
        &mut self,
        d: usize,
        node: &'d XNode,
        name: XName,
        head: Option<ElemId>,
    ) -> Result<ElementDecl, XsdError> {
        if let Some(ic) = node
            .children
            .iter()
            .find(|c| matches!(&*c.name, "key" | "unique" | "keyref"))
        {
            return Err(self.docs[d].err(
                ic,
                format!("identity constraints (xs:{}) are not supported", ic.name),
            ));
        }
        let default_type = head
            .and_then(|h| self.elements.get(h as usize).and_then(Option::as_ref))
            .map_or(self.any_type, |h| h.ty);
        let ty = self.declared_type(d, node, default_type)?;
        let doc = &self.docs[d];
        let block = match node.attr("block") {
            Some(b) => parse_block(Some(b)),
            None => doc.block_default,
        };
        let symbol = self.intern(&name);
        Ok(ElementDecl {
            name,
            symbol,
            ty,
            nillable: node.attr("nillable").map(str::trim) == Some("true"),
            is_abstract: node.attr("abstract").map(str::trim) == Some("true"),
            constraint: constraint(node),
            block,
            subst_head: head,
        })
    }

    // ----- attributes -------------------------------------------------------------------

    fn global_attribute(
        &mut self,
        d: usize,
        q: &XName,
        at: Option<&XNode>,
    ) -> Result<AttrDecl, XsdError> {
        if let Some(a) = self.global_attributes.get(q) {
            return Ok(a.clone());
        }
        let Some(&(ad, anode)) = self.defs.get(&(DefKind::Attribute, q.clone())) else {
            let doc = &self.docs[d];
            return Err(match at {
                Some(n) => doc.err(n, format!("attribute `{q}` is not declared")),
                None => doc.err(&doc.root, format!("attribute `{q}` is not declared")),
            });
        };
        if !self.attr_building.insert(q.clone()) {
            return Err(self.docs[ad].err(anode, "circular attribute declaration"));
        }
        let any_simple = self.any_simple;
        let ty = self.declared_type(ad, anode, any_simple)?;
        self.check_simple_type(ad, anode, ty)?;
        let decl = AttrDecl {
            ty,
            constraint: constraint(anode),
        };
        self.attr_building.remove(q);
        self.global_attributes.insert(q.clone(), decl.clone());
        Ok(decl)
    }

    fn check_simple_type(&mut self, d: usize, node: &XNode, ty: TypeId) -> Result<(), XsdError> {
        self.ensure_type(ty)?;
        match self.type_def(ty).map(|t| &t.kind) {
            Some(TypeKind::Simple(_)) => Ok(()),
            _ => Err(self.docs[d].err(node, "an attribute's type must be a simple type")),
        }
    }

    /// The attribute uses and the complete attribute wildcard declared among `node`'s
    /// children (attributes, attribute group references, anyAttribute).
    fn attribute_uses(
        &mut self,
        d: usize,
        node: &'d XNode,
    ) -> Result<(AttrUses, Option<Wildcard>), XsdError> {
        let mut uses: AttrUses = Vec::new();
        // Index of each attribute name in `uses` (attribute groups hold a hundred or more).
        let mut index: FastMap<XName, usize> = FastMap::default();
        let mut local_wc: Option<Wildcard> = None;
        let mut group_wcs: Vec<Wildcard> = Vec::new();
        for c in &node.children {
            match &*c.name {
                "attribute" => {
                    let u = self.attribute_use(d, c)?;
                    match index.get(&u.0.name) {
                        Some(&i) => uses[i] = u,
                        None => {
                            index.insert(u.0.name.clone(), uses.len());
                            uses.push(u);
                        }
                    }
                }
                "attributeGroup" => {
                    let Some(q) = c.qname("ref") else {
                        return Err(self.docs[d].err(c, "a local attributeGroup needs ref"));
                    };
                    let q = self.qualify(d, q);
                    let (gu, gw) = self.attribute_group(d, c, &q)?;
                    for u in gu {
                        if !index.contains_key(&u.0.name) {
                            index.insert(u.0.name.clone(), uses.len());
                            uses.push(u);
                        }
                    }
                    if let Some(w) = gw {
                        group_wcs.push(w);
                    }
                }
                "anyAttribute" => local_wc = Some(wildcard_of(&self.docs[d], c)?),
                _ => {}
            }
        }
        let wildcard = match local_wc {
            Some(mut w) => {
                for g in &group_wcs {
                    w.ns = intersect(&w.ns, &g.ns);
                }
                Some(w)
            }
            None => {
                let mut it = group_wcs.into_iter();
                it.next().map(|mut w| {
                    for g in it {
                        w.ns = intersect(&w.ns, &g.ns);
                    }
                    w
                })
            }
        };
        Ok((uses, wildcard))
    }

    fn attribute_group(
        &mut self,
        d: usize,
        at: &XNode,
        q: &XName,
    ) -> Result<(AttrUses, Option<Wildcard>), XsdError> {
        if let Some(g) = self.attr_groups.get(q) {
            return Ok(g.clone());
        }
        let Some(&(gd, gnode)) = self.defs.get(&(DefKind::AttributeGroup, q.clone())) else {
            return Err(self.docs[d].err(at, format!("attribute group `{q}` is not defined")));
        };
        if !self.attr_groups_building.insert(q.clone()) {
            return Err(self.docs[d].err(at, format!("attribute group `{q}` refers to itself")));
        }
        let g = self.attribute_uses(gd, gnode)?;
        self.attr_groups_building.remove(q);
        self.attr_groups.insert(q.clone(), g.clone());
        Ok(g)
    }

    fn attribute_use(&mut self, d: usize, node: &'d XNode) -> Result<(AttrUse, bool), XsdError> {
        let use_ = node.attr("use").map(str::trim).unwrap_or("optional");
        let required = use_ == "required";
        let prohibited = use_ == "prohibited";
        let own_constraint = constraint(node);
        if let Some(q) = node.qname("ref") {
            let q = self.qualify(d, q);
            let decl = self.global_attribute(d, &q, Some(node))?;
            self.namespace_id(&q.ns);
            return Ok((
                AttrUse {
                    name: q,
                    ty: decl.ty,
                    required,
                    constraint: own_constraint.or(decl.constraint),
                },
                prohibited,
            ));
        }
        let doc = &self.docs[d];
        let Some(local) = node.attr("name") else {
            return Err(doc.err(node, "a local attribute needs a name or ref"));
        };
        let qualified = match node.attr("form") {
            Some(f) => f.trim() == "qualified",
            None => doc.attribute_qualified,
        };
        let ns: &str = if qualified { &doc.target } else { "" };
        let name = XName::new(ns, local);
        let any_simple = self.any_simple;
        let ty = self.declared_type(d, node, any_simple)?;
        self.check_simple_type(d, node, ty)?;
        Ok((
            AttrUse {
                name,
                ty,
                required,
                constraint: own_constraint,
            },
            prohibited,
        ))
    }
}

fn empty_particle() -> Particle {
    Particle {
        min: 1,
        max: Some(1),
        term: Term::Sequence(Vec::new()),
    }
}

fn derivation_child<'n>(doc: &Doc, node: &'n XNode) -> Result<(Derivation, &'n XNode), XsdError> {
    if let Some(r) = node.child("restriction") {
        return Ok((Derivation::Restriction, r));
    }
    if let Some(e) = node.child("extension") {
        return Ok((Derivation::Extension, e));
    }
    Err(doc.err(
        node,
        format!("<xs:{}> needs a restriction or extension", node.name),
    ))
}

/// The attribute uses and wildcard of a derived type.
fn merge_attributes(
    derivation: Derivation,
    base: Vec<AttrUse>,
    base_wc: Option<Wildcard>,
    own: AttrUses,
    own_wc: Option<Wildcard>,
) -> (Vec<AttrUse>, Option<Wildcard>) {
    let mut uses = base;
    if !own.is_empty() {
        let replaced: HashSet<&XName> = own.iter().map(|(u, _)| &u.name).collect();
        uses.retain(|x| !replaced.contains(&x.name));
        uses.extend(own.into_iter().filter(|(_, p)| !p).map(|(u, _)| u));
    }
    let wildcard = match derivation {
        Derivation::Restriction => own_wc,
        Derivation::Extension => match (base_wc, own_wc) {
            (Some(b), Some(mut o)) => {
                o.ns = union(&o.ns, &b.ns);
                Some(o)
            }
            (b, o) => o.or(b),
        },
    };
    (uses, wildcard)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locations_join_and_stay_inside() {
        struct NoUris;
        impl Source for NoUris {
            fn read(&self, _: &str) -> Result<std::borrow::Cow<'_, [u8]>, String> {
                Err("none".into())
            }
            fn map_uri(&self, _: &str) -> Option<String> {
                None
            }
        }
        assert_eq!(
            resolve_location(&NoUris, "a/b.xsd", "c/d.xsd").unwrap(),
            "a/c/d.xsd"
        );
        assert_eq!(
            resolve_location(&NoUris, "a/b/c.xsd", "../d.xsd").unwrap(),
            "a/d.xsd"
        );
        assert!(resolve_location(&NoUris, "b.xsd", "../d.xsd").is_err());
        assert!(resolve_location(&NoUris, "b.xsd", "http://example.org/x.xsd").is_err());
    }

    #[test]
    fn wildcard_algebra() {
        let only = |v: &[&str]| NsSet::Only(v.iter().map(|s| (*s).into()).collect());
        assert_eq!(intersect(&NsSet::Any, &only(&["a"])), only(&["a"]));
        assert_eq!(
            intersect(&only(&["a", "", "t"]), &NsSet::Not("t".into())),
            only(&["a"])
        );
        assert_eq!(union(&only(&["t"]), &NsSet::Not("t".into())), NsSet::Any);
        assert!(NsSet::Not("t".into()).allows("x"));
        assert!(!NsSet::Not("t".into()).allows(""));
    }
}
