//! DTD validation engine (XML 1.0 §2.8, §3, §4): loads a DTD made of many files, compiles
//! content models to automata and validates documents against it.
//!
//! - Loading ([`Dtd::from_file`], [`Dtd::from_str`]): internal and external parameter
//!   entities, conditional sections (nested `INCLUDE`/`IGNORE`), comments, PIs, text
//!   declarations with their encoding. External identifiers are resolved through the OASIS
//!   catalog of [`DtdOptions::catalog`] first (`public`, `system`, `uri`, `rewriteSystem`,
//!   `rewriteURI`, `systemSuffix`, `uriSuffix`, `group`, `nextCatalog`, `prefer`,
//!   `xml:base`; `delegate*` entries are ignored), then relative to the declaring file, which
//!   must stay inside the main DTD's directory tree. URLs are never fetched.
//! - Content models compile by the Glushkov construction; positions with equal follow sets
//!   share a state, and non-deterministic models fall back to the subset construction
//!   (bounded to 10 000 states). Element names are interned to `u32`.
//! - [`Dtd::validate`] reads the document with quick-xml and reports [`Diagnostic`]s with
//!   line and column: codes `xml-syntax`, `dtd-root`, `dtd-content`,
//!   `dtd-undeclared-element`, `dtd-undeclared-attribute`, `dtd-required-attribute`,
//!   `dtd-enumeration`, `dtd-fixed-attribute`, `dtd-attribute-value`, `dtd-duplicate-id`,
//!   `dtd-dangling-idref`, `dtd-text-not-allowed`, `dtd-undeclared-entity`,
//!   `dtd-external-entity`, `dtd-syntax` (internal subset), `dtd-limit`.
//!   The internal subset is honoured (its declarations come first), but no external entity
//!   a document names is ever opened. DTD validation is namespace-unaware: `mml:math` and
//!   `xmlns:xlink` are plain names and must be declared.
//!
//! [`Diagnostic`]: crate::model::Diagnostic

mod catalog;
pub mod content;
mod parser;
mod validator;

pub use parser::{AttDef, AttType, DefaultDecl, GeneralEntity};

use content::{ContentSpec, Dfa};
use parser::{Access, Decls, Parser};
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Bounds that keep hostile DTDs and documents from exhausting time or memory.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Limits {
    /// Deepest element nesting accepted in a document, and deepest nesting of parentheses
    /// in a DTD's content model (default 512).
    pub max_depth: usize,
    /// Most attributes accepted on one element (default 256).
    pub max_attributes: usize,
    /// Largest document, and largest single DTD file, in bytes (default 64 MiB).
    pub max_document_bytes: usize,
    /// Most bytes produced by entity expansion while loading one DTD or validating one
    /// document (default 32 MiB).
    pub max_entity_expansion_bytes: usize,
    /// Deepest nesting of entity references inside entity replacement texts (default 40).
    pub max_entity_depth: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_depth: 512,
            max_attributes: 256,
            max_document_bytes: 64 << 20,
            max_entity_expansion_bytes: 32 << 20,
            max_entity_depth: 40,
        }
    }
}

/// How a DTD is loaded.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DtdOptions {
    /// An OASIS XML catalog used to resolve PUBLIC (and SYSTEM) identifiers; `None` resolves
    /// system identifiers relative to the including file only.
    pub catalog: Option<PathBuf>,
    /// Resource bounds.
    pub limits: Limits,
}

/// Why a DTD could not be loaded. Every variant names the file, line and column (1-based)
/// of the declaration or reference at fault.
#[derive(Debug, thiserror::Error)]
pub enum DtdError {
    /// A file could not be read.
    #[error("{file}:{line}:{column}: cannot read {}: {source}", path.display())]
    Io {
        /// The file holding the reference (or the file itself when it is the DTD).
        file: String,
        /// Line of the reference.
        line: usize,
        /// Column of the reference.
        column: usize,
        /// The file that could not be read.
        path: PathBuf,
        /// The underlying error.
        #[source]
        source: std::io::Error,
    },
    /// The DTD text is malformed.
    #[error("{file}:{line}:{column}: {message}")]
    Syntax {
        /// File of the error.
        file: String,
        /// Line (1-based).
        line: usize,
        /// Column (1-based, characters).
        column: usize,
        /// What is wrong.
        message: String,
    },
    /// A bound of [`Limits`] was exceeded.
    #[error("{file}:{line}:{column}: limit exceeded: {message}")]
    Limit {
        /// File of the error.
        file: String,
        /// Line (1-based).
        line: usize,
        /// Column (1-based, characters).
        column: usize,
        /// Which limit.
        message: String,
    },
    /// A parameter entity was referenced but never declared, or is recursive.
    #[error("{file}:{line}:{column}: unresolved parameter entity %{name};: {message}")]
    UnresolvedEntity {
        /// File of the reference.
        file: String,
        /// Line (1-based).
        line: usize,
        /// Column (1-based, characters).
        column: usize,
        /// The entity name.
        name: String,
        /// Why it could not be resolved.
        message: String,
    },
    /// An external identifier names something that may not be opened (a URL, a path outside
    /// the DTD's directory tree and not mapped by the catalog).
    #[error("{file}:{line}:{column}: refused to load {system_id:?}: {message}")]
    Forbidden {
        /// File of the reference.
        file: String,
        /// Line (1-based).
        line: usize,
        /// Column (1-based, characters).
        column: usize,
        /// The system identifier.
        system_id: String,
        /// Why it was refused.
        message: String,
    },
    /// The XML catalog is malformed.
    #[error("{file}:{line}:{column}: catalog: {message}")]
    Catalog {
        /// The catalog file.
        file: String,
        /// Line (1-based).
        line: usize,
        /// Column (1-based, characters).
        column: usize,
        /// What is wrong.
        message: String,
    },
}

/// A read-only set of DTD files held in memory (the official DTDs embedded in the binary),
/// named by `/`-separated relative paths.
pub trait DtdFiles {
    /// The bytes of the file at `path`, if there is one.
    fn read(&self, path: &str) -> Option<std::borrow::Cow<'_, [u8]>>;
}

/// Most DFA states one content model may compile to (guards against exponential models).
const MAX_DFA_STATES: usize = 10_000;

/// FNV-1a: names come from the DTD, so a fast non-keyed hash is fine for the interner.
#[derive(Clone, Copy)]
pub(crate) struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Self {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl Hasher for Fnv {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 ^= u64::from(b);
            self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
        }
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

type FnvMap<K, V> = HashMap<K, V, BuildHasherDefault<Fnv>>;

/// 1-based line and column (in characters) of byte `offset` in `text`.
pub(crate) fn line_col(text: &[u8], offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let before = text.get(..offset).unwrap_or_default();
    let line = 1 + before.iter().filter(|&&b| b == b'\n').count();
    let start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |i| i + 1);
    let col = 1 + before
        .get(start..)
        .unwrap_or_default()
        .iter()
        .filter(|&&b| (b & 0xC0) != 0x80)
        .count();
    (line, col)
}

/// What an element may contain, compiled.
#[derive(Debug, Clone)]
pub(crate) enum Content {
    /// Mentioned (in a model or an ATTLIST) but never declared.
    Undeclared,
    /// `EMPTY`
    Empty,
    /// `ANY`
    Any,
    /// Mixed content: the allowed element symbols, sorted.
    Mixed(Box<[u32]>),
    /// Element content (shared between elements with the same model).
    Children(Arc<Dfa>),
}

/// An attribute definition with its default value normalized.
#[derive(Debug, Clone)]
pub(crate) struct Attr {
    pub name: Box<str>,
    pub ty: AttType,
    pub default: DefaultDecl,
}

/// One element type, indexed by its symbol.
#[derive(Debug, Clone)]
pub(crate) struct Element {
    pub content: Content,
    /// The content model as written in DTD syntax, for messages.
    pub model: Box<str>,
    pub attrs: Vec<Attr>,
    /// Whether some attribute is `#REQUIRED` (skips the check loop otherwise).
    pub has_required: bool,
}

/// A compiled DTD: elements with their content automata, attribute lists and entities.
#[derive(Debug, Clone)]
pub struct Dtd {
    decls: Decls,
    symbols: FnvMap<Box<str>, u32>,
    names: Vec<Box<str>>,
    elements: Vec<Element>,
    declared: Vec<u32>,
    options: DtdOptions,
    /// Problems that do not prevent validation (duplicate declarations, ambiguous models).
    warnings: Vec<String>,
}

impl Dtd {
    /// Loads a DTD from a file; parameter entities resolved relative to the including file;
    /// PUBLIC identifiers resolved through the XML catalog when given.
    pub fn from_file(path: &Path, options: &DtdOptions) -> Result<Dtd, DtdError> {
        let io = |source: std::io::Error| DtdError::Io {
            file: path.display().to_string(),
            line: 1,
            column: 1,
            path: path.to_path_buf(),
            source,
        };
        let len = std::fs::metadata(path).map_err(io)?.len();
        if len > options.limits.max_document_bytes as u64 {
            return Err(DtdError::Limit {
                file: path.display().to_string(),
                line: 1,
                column: 1,
                message: format!(
                    "larger than max_document_bytes ({})",
                    options.limits.max_document_bytes
                ),
            });
        }
        let bytes = std::fs::read(path).map_err(io)?;
        let text = parser::decode_entity(&bytes);
        let dir = path
            .canonicalize()
            .map_err(io)?
            .parent()
            .map(Path::to_path_buf);
        Self::build(&text, &path.display().to_string(), dir, options)
    }

    /// Compiles a DTD from text (external parameter entities resolved against `base_dir`).
    #[allow(clippy::should_implement_trait)]
    pub fn from_str(
        text: &str,
        base_dir: Option<&Path>,
        options: &DtdOptions,
    ) -> Result<Dtd, DtdError> {
        let dir = match base_dir {
            Some(d) => Some(d.canonicalize().map_err(|source| DtdError::Io {
                file: "<string>".into(),
                line: 1,
                column: 1,
                path: d.to_path_buf(),
                source,
            })?),
            None => None,
        };
        Self::build(text, "<string>", dir, options)
    }

    /// Compiles the DTD at `main` from in-memory files: its external parameter entities
    /// resolve relative to the including file and must stay inside `main`'s directory; the
    /// file system is never read (`options.catalog` is not used).
    pub fn from_files(
        files: &dyn DtdFiles,
        main: &str,
        options: &DtdOptions,
    ) -> Result<Dtd, DtdError> {
        let path = PathBuf::from(main);
        let bytes = files.read(main).ok_or_else(|| DtdError::Io {
            file: main.to_string(),
            line: 1,
            column: 1,
            path: path.clone(),
            source: std::io::Error::new(std::io::ErrorKind::NotFound, "not a bundled file"),
        })?;
        let text = parser::decode_entity(&bytes);
        let dir = path.parent().map(Path::to_path_buf);
        let access = Access {
            catalog: None,
            root: dir.clone(),
            external: true,
            files: Some(files),
        };
        let decls = Parser::new(&text, main, dir, &options.limits, access).parse()?;
        Self::compile(decls, options, main)
    }

    fn build(
        text: &str,
        name: &str,
        dir: Option<PathBuf>,
        options: &DtdOptions,
    ) -> Result<Dtd, DtdError> {
        let catalog = match &options.catalog {
            Some(p) => Some(catalog::Catalog::load(p)?),
            None => None,
        };
        let access = Access {
            catalog: catalog.as_ref(),
            root: dir.clone(),
            external: true,
            files: None,
        };
        let decls = Parser::new(text, name, dir, &options.limits, access).parse()?;
        Self::compile(decls, options, name)
    }

    /// Interns names and compiles every content model.
    fn compile(decls: Decls, options: &DtdOptions, source: &str) -> Result<Dtd, DtdError> {
        let mut symbols: FnvMap<Box<str>, u32> = FnvMap::default();
        let mut names: Vec<Box<str>> = Vec::new();
        let mut intern = |n: &str| -> u32 {
            if let Some(&s) = symbols.get(n) {
                return s;
            }
            let s = names.len() as u32;
            names.push(n.into());
            symbols.insert(n.into(), s);
            s
        };
        let mut warnings: Vec<String> = decls
            .duplicate_elements
            .iter()
            .map(|n| format!("element type <{n}> is declared more than once"))
            .collect();
        let mut declared = Vec::with_capacity(decls.elements.len());
        for (name, _) in &decls.elements {
            declared.push(intern(name));
        }
        let mut dfa_cache: HashMap<String, Arc<Dfa>> = HashMap::new();
        let mut compiled: Vec<(u32, Content, Box<str>)> = Vec::with_capacity(decls.elements.len());
        for (name, spec) in &decls.elements {
            let sym = intern(name);
            let content = match spec {
                ContentSpec::Empty => Content::Empty,
                ContentSpec::Any => Content::Any,
                ContentSpec::Mixed(list) => {
                    let mut v: Vec<u32> = list.iter().map(|n| intern(n)).collect();
                    v.sort_unstable();
                    v.dedup();
                    Content::Mixed(v.into_boxed_slice())
                }
                ContentSpec::Children(p) => {
                    let model = spec.render();
                    // Modules reuse one model for many elements (MathML especially).
                    let dfa = match dfa_cache.get(&model) {
                        Some(d) => Arc::clone(d),
                        None => {
                            let d = content::compile(p, &mut intern, MAX_DFA_STATES).map_err(
                                |e| DtdError::Limit {
                                    file: source.to_string(),
                                    line: 1,
                                    column: 1,
                                    message: format!(
                                        "content model of <{name}> needs more than {} automaton states",
                                        e.0
                                    ),
                                },
                            )?;
                            let d = Arc::new(d);
                            dfa_cache.insert(model, Arc::clone(&d));
                            d
                        }
                    };
                    if !dfa.deterministic {
                        warnings.push(format!(
                            "content model of <{name}> is not deterministic (XML 1.0 appendix E)"
                        ));
                    }
                    Content::Children(dfa)
                }
            };
            compiled.push((sym, content, spec.render().into()));
        }
        for (name, _) in &decls.attlists {
            intern(name);
        }
        let mut elements: Vec<Element> = (0..names.len())
            .map(|_| Element {
                content: Content::Undeclared,
                model: "".into(),
                attrs: Vec::new(),
                has_required: false,
            })
            .collect();
        for (sym, content, model) in compiled {
            if let Some(e) = elements.get_mut(sym as usize) {
                e.content = content;
                e.model = model;
            }
        }
        for (name, defs) in &decls.attlists {
            let Some(&sym) = symbols.get(name.as_str()) else {
                continue;
            };
            let Some(e) = elements.get_mut(sym as usize) else {
                continue;
            };
            for d in defs {
                let cdata = d.ty == AttType::Cdata;
                let norm = |v: &str| {
                    validator::normalize_static(v, cdata, &decls.general, &options.limits)
                        .unwrap_or_else(|_| v.to_string())
                };
                let default = match &d.default {
                    DefaultDecl::Fixed(v) => DefaultDecl::Fixed(norm(v)),
                    DefaultDecl::Value(v) => DefaultDecl::Value(norm(v)),
                    other => other.clone(),
                };
                e.has_required |= default == DefaultDecl::Required;
                e.attrs.push(Attr {
                    name: d.name.as_str().into(),
                    ty: d.ty.clone(),
                    default,
                });
            }
        }
        Ok(Dtd {
            decls,
            symbols,
            names,
            elements,
            declared,
            options: options.clone(),
            warnings,
        })
    }

    /// Validates an XML document (bytes) against this DTD. Never panics; hostile input gives
    /// errors. Diagnostics carry line and column (1-based).
    pub fn validate(&self, xml: &[u8]) -> Vec<crate::model::Diagnostic> {
        validator::validate(self, xml)
    }

    /// The declared element names (each may be a document's root), in declaration order.
    pub fn element_names(&self) -> impl Iterator<Item = &str> {
        self.declared
            .iter()
            .filter_map(|&s| self.names.get(s as usize).map(|n| &**n))
    }

    /// Problems found while compiling that do not stop validation (element types declared
    /// twice, content models that are not deterministic).
    pub fn warnings(&self) -> &[String] {
        &self.warnings
    }

    /// The content model of a declared element as written in DTD syntax
    /// (`EMPTY`, `ANY`, `(#PCDATA | b)*`, `(a, b?)`).
    pub fn content_model(&self, element: &str) -> Option<&str> {
        let e = self.element(self.symbol(element.as_bytes())?)?;
        (!matches!(e.content, Content::Undeclared)).then_some(&*e.model)
    }

    /// The attribute definitions of an element, in declaration order.
    pub fn attributes(&self, element: &str) -> Vec<AttDef> {
        self.symbol(element.as_bytes())
            .and_then(|s| self.element(s))
            .map(|e| {
                e.attrs
                    .iter()
                    .map(|a| AttDef {
                        name: a.name.to_string(),
                        ty: a.ty.clone(),
                        default: a.default.clone(),
                    })
                    .collect()
            })
            .unwrap_or_default()
    }

    /// A general entity declared by the DTD.
    pub fn general_entity(&self, name: &str) -> Option<&GeneralEntity> {
        self.decls.general.get(name)
    }

    #[inline]
    pub(crate) fn symbol(&self, name: &[u8]) -> Option<u32> {
        let s = std::str::from_utf8(name).ok()?;
        self.symbols.get(s).copied()
    }

    #[inline]
    pub(crate) fn element(&self, sym: u32) -> Option<&Element> {
        self.elements.get(sym as usize)
    }

    #[inline]
    pub(crate) fn name(&self, sym: u32) -> &str {
        self.names.get(sym as usize).map_or("?", |n| n)
    }
}

#[cfg(test)]
mod tests;
