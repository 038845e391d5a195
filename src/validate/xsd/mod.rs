//! An XML Schema 1.0 validator for the schemas papermeta's outputs are defined by: the
//! Crossref deposit schema 5.3.1 (with Crossref's JATS 1.3 XSD, MathML 3, XLink, ALI and
//! `xml.xsd`) and the Library of Congress MARC 21 slim schema.
//!
//! Schema documents are read into components ([`build`]): element and attribute
//! declarations, complex types (with simple, empty, element-only or mixed content, derived
//! by extension or restriction), simple types (atomic, list, union; every facet of Part 2;
//! patterns translated from the XSD regex dialect by [`regex`]), model and attribute groups,
//! wildcards with namespace constraints and `processContents`, substitution groups,
//! includes (chameleon too) and imports across namespaces. Content models are compiled on
//! first use into deterministic automata ([`automaton`]) by the Glushkov construction and
//! subset construction, as the DTD engine does, with occurrence bounds unrolled and every
//! position remembering the declaration it stands for. Instances are then checked in one
//! streaming pass ([`validator`]), with line and column on every diagnostic.
//!
//! Not supported (a schema using them is refused with an error, never half-checked):
//! identity constraints (`key`, `unique`, `keyref`) and `redefine`. Two deliberate
//! differences from libxml2, where it is looser than the specification: an IDREF naming no
//! ID is an error here (libxml2 does not check), and so is an empty `NMTOKENS`, `IDREFS` or
//! `ENTITIES` value (libxml2 ignores their built-in `minLength` of 1). Whatever this engine
//! accepts, libxml2 accepts too.
//!
//! The official schemas are embedded ([`CROSSREF_5_3_1`], [`MARC21_SLIM`]); where each came
//! from is recorded in `schemas/xsd/SOURCE.md`. They are compiled once per process, when
//! first needed ([`crossref_schema`], [`marc21_schema`]).

mod automaton;
mod build;
mod doc;
mod regex;
mod simple;
mod uri;
mod validator;

#[cfg(test)]
mod tests;

use std::borrow::Cow;
use std::collections::HashMap;
use std::hash::BuildHasherDefault;
use std::path::{Path, PathBuf};
use std::sync::{Arc, LazyLock, OnceLock};

use crate::model::Diagnostic;
use automaton::Automaton;
use simple::SimpleType;

/// The XML Schema namespace.
pub const NS_XSD: &str = "http://www.w3.org/2001/XMLSchema";
/// The XML Schema instance namespace (`xsi:type`, `xsi:nil`, ...).
pub const NS_XSI: &str = "http://www.w3.org/2001/XMLSchema-instance";
/// The namespace of `xml:lang` and friends.
pub const NS_XML: &str = "http://www.w3.org/XML/1998/namespace";

/// Why a schema could not be loaded. Positions are 1-based (column in characters).
#[derive(Debug, thiserror::Error, PartialEq)]
pub enum XsdError {
    /// A schema document could not be read.
    #[error("{file}:{line}:{column}: cannot read schema document `{location}`: {message}")]
    Missing {
        /// The document holding the include or import.
        file: String,
        /// Line of the reference.
        line: usize,
        /// Column of the reference.
        column: usize,
        /// The location that could not be read.
        location: String,
        /// Why.
        message: String,
    },
    /// A schema document is malformed or uses XML Schema incorrectly (or uses a construct
    /// this engine does not support).
    #[error("{file}:{line}:{column}: {message}")]
    Schema {
        /// The schema document.
        file: String,
        /// Line (1-based).
        line: usize,
        /// Column (1-based).
        column: usize,
        /// What is wrong.
        message: String,
    },
}

impl XsdError {
    pub(crate) fn at(file: &str, text: &[u8], offset: usize, message: &str) -> XsdError {
        let (line, column) = crate::validate::dtd::line_col(text, offset);
        XsdError::Schema {
            file: file.to_string(),
            line,
            column,
            message: message.to_string(),
        }
    }
}

/// An expanded name: namespace (empty when absent) and local name.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) struct XName {
    pub ns: Box<str>,
    pub local: Box<str>,
}

impl XName {
    pub(crate) fn new(ns: &str, local: &str) -> XName {
        XName {
            ns: ns.into(),
            local: local.into(),
        }
    }
}

impl std::fmt::Display for XName {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.ns.is_empty() {
            f.write_str(&self.local)
        } else {
            write!(f, "{{{}}}{}", self.ns, self.local)
        }
    }
}

/// Maps keyed by schema names: FNV hashing, as the DTD engine's interner (names come from
/// the schema, so a keyed hash buys nothing).
pub(crate) type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<crate::validate::dtd::Fnv>>;

/// Index of a type definition in [`Schema::types`].
pub(crate) type TypeId = u32;
/// Index of an element declaration in [`Schema::elements`].
pub(crate) type ElemId = u32;

/// `{block}` / `{final}` bits.
pub(crate) const BLOCK_EXTENSION: u8 = 1;
pub(crate) const BLOCK_RESTRICTION: u8 = 2;
pub(crate) const BLOCK_SUBSTITUTION: u8 = 4;

/// A `default` or `fixed` value.
#[derive(Debug, Clone)]
pub(crate) struct ValueConstraint {
    pub fixed: bool,
    pub value: Box<str>,
}

/// An element declaration (global or local).
#[derive(Debug, Clone)]
pub(crate) struct ElementDecl {
    pub name: XName,
    /// The interned name (see [`Schema::name_symbol`]).
    pub symbol: u32,
    pub ty: TypeId,
    pub nillable: bool,
    pub is_abstract: bool,
    pub constraint: Option<ValueConstraint>,
    pub block: u8,
    pub subst_head: Option<ElemId>,
}

/// How a type was derived from its base.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Derivation {
    Restriction,
    Extension,
}

/// A namespace constraint of a wildcard.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum NsSet {
    /// `##any`
    Any,
    /// `##other`: neither this namespace nor absent.
    Not(Box<str>),
    /// An explicit list (`""` stands for `##local`).
    Only(Vec<Box<str>>),
}

impl NsSet {
    pub(crate) fn allows(&self, ns: &str) -> bool {
        match self {
            NsSet::Any => true,
            NsSet::Not(t) => !ns.is_empty() && ns != &**t,
            NsSet::Only(list) => list.iter().any(|n| &**n == ns),
        }
    }
}

/// `processContents`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Process {
    Strict,
    Lax,
    Skip,
}

/// An element or attribute wildcard.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Wildcard {
    pub ns: NsSet,
    pub process: Process,
}

/// A particle: a term with occurrence bounds (`max` `None` is unbounded).
#[derive(Debug, Clone)]
pub(crate) struct Particle {
    pub min: u32,
    pub max: Option<u32>,
    pub term: Term,
}

/// What a particle matches.
#[derive(Debug, Clone)]
pub(crate) enum Term {
    Element(ElemId),
    Any(Wildcard),
    Sequence(Vec<Particle>),
    Choice(Vec<Particle>),
    All(Vec<Particle>),
}

/// What a complex type's element may contain.
#[derive(Debug, Clone)]
pub(crate) enum Content {
    Empty,
    /// Character data of a simple type, no elements.
    Simple(TypeId),
    /// Elements per the particle; `mixed` allows character data between them.
    Elements {
        particle: Particle,
        mixed: bool,
    },
}

/// An attribute use of a complex type.
#[derive(Debug, Clone)]
pub(crate) struct AttrUse {
    pub name: XName,
    pub ty: TypeId,
    pub required: bool,
    pub constraint: Option<ValueConstraint>,
}

/// A global attribute declaration.
#[derive(Debug, Clone)]
pub(crate) struct AttrDecl {
    pub ty: TypeId,
    pub constraint: Option<ValueConstraint>,
}

/// A complex type definition.
#[derive(Debug)]
pub(crate) struct ComplexType {
    pub content: Content,
    pub attributes: Vec<AttrUse>,
    pub wildcard: Option<Wildcard>,
    pub is_abstract: bool,
    /// The content automaton, compiled on first use.
    pub automaton: OnceLock<Result<Arc<Automaton>, String>>,
}

/// Simple or complex.
#[derive(Debug)]
pub(crate) enum TypeKind {
    Simple(Box<SimpleType>),
    Complex(ComplexType),
}

/// A type definition.
#[derive(Debug)]
pub(crate) struct TypeDef {
    /// The name of a global type; `None` for anonymous ones.
    pub name: Option<XName>,
    /// The base type; `None` only for anyType.
    pub base: Option<TypeId>,
    pub derivation: Derivation,
    pub block: u8,
    pub kind: TypeKind,
}

/// A compiled schema: every component of every document it includes and imports.
#[derive(Debug)]
pub struct Schema {
    pub(crate) elements: Vec<ElementDecl>,
    pub(crate) types: Vec<TypeDef>,
    pub(crate) global_elements: FastMap<XName, ElemId>,
    pub(crate) global_types: FastMap<XName, TypeId>,
    pub(crate) global_attributes: FastMap<XName, AttrDecl>,
    /// Direct members of each substitution group head.
    pub(crate) substitutes: FastMap<ElemId, Vec<ElemId>>,
    /// Element names to symbols (per namespace, then local name).
    pub(crate) name_symbols: FastMap<Box<str>, FastMap<Box<str>, u32>>,
    /// Symbol to name.
    pub(crate) symbol_names: Vec<XName>,
    /// Namespace names to their index.
    pub(crate) namespaces: FastMap<Box<str>, u32>,
    /// Warnings from loading (skipped imports and the like).
    pub(crate) warnings: Vec<String>,
}

impl Schema {
    /// Loads a schema from a file; includes and imports resolve relative to it and may not
    /// leave its directory.
    pub fn from_file(path: &Path) -> Result<Schema, XsdError> {
        let io = |e: std::io::Error| XsdError::Missing {
            file: path.display().to_string(),
            line: 1,
            column: 1,
            location: path.display().to_string(),
            message: e.to_string(),
        };
        let full = path.canonicalize().map_err(io)?;
        let root = full.parent().map(Path::to_path_buf).unwrap_or_default();
        let entry = full
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let source = DirSource { root };
        build::load(&source, &entry)
    }

    /// Loads an embedded schema bundle.
    pub fn from_bundle(bundle: &Bundle) -> Result<Schema, XsdError> {
        build::load(bundle, bundle.entry)
    }

    /// Validates an XML document against the schema. Never panics; diagnostics carry line
    /// and column (1-based). An empty list means the document is valid.
    pub fn validate(&self, xml: &[u8]) -> Vec<Diagnostic> {
        validator::validate(self, xml)
    }

    /// Compiles every content automaton now (normally each is compiled when first needed);
    /// returns the first that fails.
    pub fn compile_all(&self) -> Result<usize, String> {
        let mut n = 0;
        for t in &self.types {
            if let TypeKind::Complex(_) = &t.kind {
                if let Some(a) = self.automaton_of(t) {
                    a?;
                    n += 1;
                }
            }
        }
        Ok(n)
    }

    /// Problems met while loading that did not stop it.
    pub fn warnings(&self) -> &[String] {
        &self.warnings
    }

    /// The names of the global element declarations, sorted.
    pub fn global_element_names(&self) -> Vec<String> {
        let mut v: Vec<String> = self.global_elements.keys().map(|n| n.to_string()).collect();
        v.sort();
        v
    }

    pub(crate) fn name_symbol(&self, ns: &str, local: &str) -> Option<u32> {
        self.name_symbols.get(ns)?.get(local).copied()
    }

    pub(crate) fn automaton_of(&self, t: &TypeDef) -> Option<Result<Arc<Automaton>, String>> {
        let TypeKind::Complex(c) = &t.kind else {
            return None;
        };
        let Content::Elements { particle, .. } = &c.content else {
            return None;
        };
        Some(
            c.automaton
                .get_or_init(|| automaton::compile(self, particle).map(Arc::new))
                .clone(),
        )
    }

    pub(crate) fn simple(&self, id: TypeId) -> Option<&SimpleType> {
        match &self.types.get(id as usize)?.kind {
            TypeKind::Simple(s) => Some(&**s),
            TypeKind::Complex(_) => None,
        }
    }

    /// Whether `derived` is `base` or derived from it, with no step in `blocked`.
    pub(crate) fn derives_from(&self, derived: TypeId, base: TypeId, blocked: u8) -> bool {
        let mut cur = derived;
        let mut guard = 0;
        loop {
            if cur == base {
                return true;
            }
            let Some(t) = self.types.get(cur as usize) else {
                return false;
            };
            let step = match t.derivation {
                Derivation::Extension => BLOCK_EXTENSION,
                Derivation::Restriction => BLOCK_RESTRICTION,
            };
            if blocked & step != 0 {
                return false;
            }
            match t.base {
                Some(b) if guard < 10_000 => {
                    cur = b;
                    guard += 1;
                }
                _ => return false,
            }
        }
    }

    /// A type's name for messages (`xs:string`, `{ns}name` or "the local type").
    pub(crate) fn type_label(&self, id: TypeId) -> String {
        match self.types.get(id as usize).and_then(|t| t.name.as_ref()) {
            Some(n) if &*n.ns == NS_XSD => format!("xs:{}", n.local),
            Some(n) => format!("'{n}'"),
            None => "the local type".to_string(),
        }
    }
}

/// Where schema documents are read from.
pub(crate) trait Source {
    /// The bytes of the document at a normalized location.
    fn read(&self, location: &str) -> Result<Cow<'_, [u8]>, String>;
    /// Maps an absolute URI (an import's `schemaLocation`) onto a location, as an XML
    /// catalog would.
    fn map_uri(&self, uri: &str) -> Option<String>;
}

/// A set of schema documents embedded in the binary, with the URIs they answer for.
#[derive(Debug)]
pub struct Bundle {
    /// The document to start from.
    pub entry: &'static str,
    /// Relative path and content of every document.
    pub files: &'static [(&'static str, &'static [u8])],
    /// Absolute URIs mapped onto the paths above.
    pub uris: &'static [(&'static str, &'static str)],
}

impl Source for Bundle {
    fn read(&self, location: &str) -> Result<Cow<'_, [u8]>, String> {
        self.files
            .iter()
            .find(|(p, _)| *p == location)
            .map(|(_, b)| Cow::Borrowed(*b))
            .ok_or_else(|| "not in the embedded schema bundle".to_string())
    }
    fn map_uri(&self, uri: &str) -> Option<String> {
        self.uris
            .iter()
            .find(|(u, _)| *u == uri)
            .map(|(_, p)| p.to_string())
    }
}

struct DirSource {
    root: PathBuf,
}

impl Source for DirSource {
    fn read(&self, location: &str) -> Result<Cow<'_, [u8]>, String> {
        std::fs::read(self.root.join(location))
            .map(Cow::Owned)
            .map_err(|e| e.to_string())
    }
    fn map_uri(&self, _uri: &str) -> Option<String> {
        None
    }
}

macro_rules! schema_file {
    ($dir:literal, $path:literal) => {
        (
            $path,
            include_bytes!(concat!("../../../schemas/xsd/", $dir, "/", $path)) as &[u8],
        )
    };
}

/// The Crossref deposit schema 5.3.1 with everything it imports (Crossref schema bundle
/// 0.3.1; see `schemas/xsd/SOURCE.md`).
pub static CROSSREF_5_3_1: Bundle = Bundle {
    entry: "crossref5.3.1.xsd",
    files: &[
        schema_file!("crossref-5.3.1", "crossref5.3.1.xsd"),
        schema_file!("crossref-5.3.1", "common5.3.1.xsd"),
        schema_file!("crossref-5.3.1", "fundref.xsd"),
        schema_file!("crossref-5.3.1", "AccessIndicators.xsd"),
        schema_file!("crossref-5.3.1", "clinicaltrials.xsd"),
        schema_file!("crossref-5.3.1", "relations.xsd"),
        schema_file!("crossref-5.3.1", "JATS-journalpublishing1-3d2-mathml3.xsd"),
        schema_file!(
            "crossref-5.3.1",
            "JATS-journalpublishing1-3d2-mathml3-elements.xsd"
        ),
        schema_file!("crossref-5.3.1", "standard-modules/xlink.xsd"),
        schema_file!("crossref-5.3.1", "standard-modules/xml.xsd"),
        schema_file!("crossref-5.3.1", "standard-modules/module-ali.xsd"),
        schema_file!("crossref-5.3.1", "standard-modules/mathml3/mathml3.xsd"),
        schema_file!(
            "crossref-5.3.1",
            "standard-modules/mathml3/mathml3-common.xsd"
        ),
        schema_file!(
            "crossref-5.3.1",
            "standard-modules/mathml3/mathml3-content.xsd"
        ),
        schema_file!(
            "crossref-5.3.1",
            "standard-modules/mathml3/mathml3-presentation.xsd"
        ),
        schema_file!(
            "crossref-5.3.1",
            "standard-modules/mathml3/mathml3-strict-content.xsd"
        ),
    ],
    uris: &[(
        "http://www.w3.org/Math/XMLSchema/mathml3/mathml3.xsd",
        "standard-modules/mathml3/mathml3.xsd",
    )],
};

/// The MARC 21 slim schema (MARCXML) 1.2 of the Library of Congress.
pub static MARC21_SLIM: Bundle = Bundle {
    entry: "MARC21slim.xsd",
    files: &[schema_file!("marc21", "MARC21slim.xsd")],
    uris: &[],
};

/// The namespace of Crossref deposit schema 5.3.1.
pub const NS_CROSSREF: &str = "http://www.crossref.org/schema/5.3.1";
/// The MARCXML namespace.
pub const NS_MARC: &str = "http://www.loc.gov/MARC21/slim";

static CROSSREF: LazyLock<Result<Schema, XsdError>> =
    LazyLock::new(|| Schema::from_bundle(&CROSSREF_5_3_1));
static MARC21: LazyLock<Result<Schema, XsdError>> =
    LazyLock::new(|| Schema::from_bundle(&MARC21_SLIM));

/// The Crossref 5.3.1 deposit schema, compiled on first use and shared by the process.
pub fn crossref_schema() -> Result<&'static Schema, &'static XsdError> {
    CROSSREF.as_ref()
}

/// The MARC 21 slim schema, compiled on first use and shared by the process.
pub fn marc21_schema() -> Result<&'static Schema, &'static XsdError> {
    MARC21.as_ref()
}
