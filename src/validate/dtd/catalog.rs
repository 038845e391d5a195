//! OASIS XML Catalogs 1.1 (the subset DTD loading needs): `public`, `system`, `uri`,
//! `rewriteSystem`, `rewriteURI`, `systemSuffix`, `uriSuffix`, `group`, `nextCatalog`,
//! `prefer` and `xml:base`. Catalogs only ever map to local files; a URL result is ignored.

use super::{line_col, DtdError};
use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;
use std::path::{Path, PathBuf};

/// Most catalogs followed through `nextCatalog` (guards against cycles).
const MAX_CATALOGS: usize = 32;

#[derive(Debug, Clone)]
enum Entry {
    Public {
        id: String,
        target: PathBuf,
        prefer_public: bool,
    },
    System {
        id: String,
        target: PathBuf,
    },
    Uri {
        name: String,
        target: PathBuf,
    },
    RewriteSystem {
        prefix: String,
        target: PathBuf,
    },
    RewriteUri {
        prefix: String,
        target: PathBuf,
    },
    SystemSuffix {
        suffix: String,
        target: PathBuf,
    },
    UriSuffix {
        suffix: String,
        target: PathBuf,
    },
}

/// A loaded catalog with its `nextCatalog` chain flattened in order.
#[derive(Debug, Clone, Default)]
pub struct Catalog {
    /// Each catalog's own entries, in document order, catalogs in lookup order.
    catalogs: Vec<Vec<Entry>>,
}

/// Collapses whitespace as OASIS §6.2 asks for public identifiers.
fn normalize_public(id: &str) -> String {
    id.split_ascii_whitespace().collect::<Vec<_>>().join(" ")
}

/// Turns a catalog URI reference into a local path against `base`; `None` for URLs.
fn to_path(base: &Path, reference: &str) -> Option<PathBuf> {
    let r = reference.trim();
    if let Some(rest) = r.strip_prefix("file://") {
        // file:///abs/path or file://localhost/abs/path
        let rest = rest.strip_prefix("localhost").unwrap_or(rest);
        return Some(PathBuf::from(rest));
    }
    if has_scheme(r) {
        return None;
    }
    Some(base.join(r))
}

/// Whether `s` starts with a URI scheme (`http:`, `urn:` ...). A Windows drive letter is a
/// scheme of length 1 and is treated as a path.
pub(crate) fn has_scheme(s: &str) -> bool {
    match s.find(':') {
        Some(i) if i > 1 => {
            let scheme = &s[..i];
            scheme.starts_with(|c: char| c.is_ascii_alphabetic())
                && scheme
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
        }
        _ => false,
    }
}

impl Catalog {
    /// Loads a catalog and every catalog it chains to with `nextCatalog`.
    pub fn load(path: &Path) -> Result<Catalog, DtdError> {
        let mut catalog = Catalog::default();
        let mut queue: Vec<PathBuf> = vec![path.to_path_buf()];
        let mut seen: Vec<PathBuf> = Vec::new();
        let mut i = 0;
        while let Some(p) = queue.get(i).cloned() {
            i += 1;
            let canon = p.canonicalize().unwrap_or_else(|_| p.clone());
            if seen.contains(&canon) {
                continue;
            }
            if seen.len() >= MAX_CATALOGS {
                break;
            }
            seen.push(canon);
            // A missing chained catalog is skipped, as resolvers do; the first must exist.
            let text = match std::fs::read_to_string(&p) {
                Ok(t) => t,
                Err(source) if i == 1 => {
                    return Err(DtdError::Io {
                        file: p.display().to_string(),
                        line: 1,
                        column: 1,
                        path: p.clone(),
                        source,
                    })
                }
                Err(_) => continue,
            };
            let (entries, next) = parse(&p, &text)?;
            catalog.catalogs.push(entries);
            // Chained catalogs are consulted after this one (depth-first order is
            // approximated by appending; the common single-chain case is exact).
            queue.extend(next);
        }
        Ok(catalog)
    }

    /// Resolves an external identifier to a local file (OASIS §7.1.2).
    pub fn resolve_external(&self, public: Option<&str>, system: Option<&str>) -> Option<PathBuf> {
        let public = public.map(normalize_public);
        for entries in &self.catalogs {
            if let Some(sys) = system {
                if let Some(p) = resolve_system_in(entries, sys) {
                    return Some(p);
                }
            }
            if let Some(public) = &public {
                for e in entries {
                    if let Entry::Public {
                        id,
                        target,
                        prefer_public,
                    } = e
                    {
                        if id == public && (*prefer_public || system.is_none()) {
                            return Some(target.clone());
                        }
                    }
                }
            }
        }
        None
    }

    /// Resolves a URI reference through `uri`, `rewriteURI` and `uriSuffix` entries.
    pub fn resolve_uri(&self, uri: &str) -> Option<PathBuf> {
        for entries in &self.catalogs {
            let mut best: Option<(usize, PathBuf)> = None;
            for e in entries {
                match e {
                    Entry::Uri { name, target } if name == uri => return Some(target.clone()),
                    Entry::RewriteUri { prefix, target }
                        if uri.starts_with(prefix.as_str())
                            && best.as_ref().is_none_or(|(l, _)| prefix.len() > *l) =>
                    {
                        best = Some((prefix.len(), target.join(&uri[prefix.len()..])));
                    }
                    Entry::UriSuffix { suffix, target }
                        if uri.ends_with(suffix.as_str()) && best.is_none() =>
                    {
                        best = Some((0, target.clone()));
                    }
                    _ => {}
                }
            }
            if let Some((_, p)) = best {
                return Some(p);
            }
        }
        None
    }
}

fn resolve_system_in(entries: &[Entry], sys: &str) -> Option<PathBuf> {
    for e in entries {
        if let Entry::System { id, target } = e {
            if id == sys {
                return Some(target.clone());
            }
        }
    }
    let mut best: Option<(usize, PathBuf)> = None;
    for e in entries {
        if let Entry::RewriteSystem { prefix, target } = e {
            if sys.starts_with(prefix.as_str())
                && best.as_ref().is_none_or(|(l, _)| prefix.len() > *l)
            {
                best = Some((prefix.len(), target.join(&sys[prefix.len()..])));
            }
        }
    }
    if best.is_none() {
        for e in entries {
            if let Entry::SystemSuffix { suffix, target } = e {
                if sys.ends_with(suffix.as_str()) {
                    best = Some((0, target.clone()));
                    break;
                }
            }
        }
    }
    best.map(|(_, p)| p)
}

struct Scope {
    base: PathBuf,
    prefer_public: bool,
}

fn attr(e: &BytesStart<'_>, name: &[u8]) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.as_ref() == name)
        .and_then(|a| a.unescape_value().ok().map(|v| v.into_owned()))
}

fn parse(path: &Path, text: &str) -> Result<(Vec<Entry>, Vec<PathBuf>), DtdError> {
    let file = path.display().to_string();
    let dir = path.parent().map(Path::to_path_buf).unwrap_or_default();
    let mut reader = Reader::from_str(text);
    let mut scopes: Vec<Scope> = vec![Scope {
        base: dir,
        prefer_public: true,
    }];
    let mut entries = Vec::new();
    let mut next = Vec::new();
    loop {
        let event = reader.read_event().map_err(|e| {
            let (line, column) = line_col(text.as_bytes(), reader.error_position() as usize);
            DtdError::Catalog {
                file: file.clone(),
                line,
                column,
                message: e.to_string(),
            }
        })?;
        let (e, is_start) = match &event {
            Event::Start(e) => (e, true),
            Event::Empty(e) => (e, false),
            Event::End(_) => {
                if scopes.len() > 1 {
                    scopes.pop();
                }
                continue;
            }
            Event::Eof => break,
            _ => continue,
        };
        let (parent_base, parent_prefer) = match scopes.last() {
            Some(s) => (s.base.clone(), s.prefer_public),
            None => (PathBuf::new(), true),
        };
        let base = match attr(e, b"xml:base") {
            Some(b) => to_path(&parent_base, &b).unwrap_or(parent_base),
            None => parent_base,
        };
        let prefer_public = match attr(e, b"prefer").as_deref() {
            Some("system") => false,
            Some("public") => true,
            _ => parent_prefer,
        };
        let local = e.local_name();
        let target = |key: &[u8]| attr(e, key).and_then(|u| to_path(&base, &u));
        let entry = match local.as_ref() {
            b"public" => attr(e, b"publicId")
                .zip(target(b"uri"))
                .map(|(id, t)| Entry::Public {
                    id: normalize_public(&id),
                    target: t,
                    prefer_public,
                }),
            b"system" => attr(e, b"systemId")
                .zip(target(b"uri"))
                .map(|(id, t)| Entry::System { id, target: t }),
            b"uri" => attr(e, b"name")
                .zip(target(b"uri"))
                .map(|(name, t)| Entry::Uri { name, target: t }),
            b"rewriteSystem" => attr(e, b"systemIdStartString")
                .zip(target(b"rewritePrefix"))
                .map(|(prefix, t)| Entry::RewriteSystem { prefix, target: t }),
            b"rewriteURI" => attr(e, b"uriStartString")
                .zip(target(b"rewritePrefix"))
                .map(|(prefix, t)| Entry::RewriteUri { prefix, target: t }),
            b"systemSuffix" => attr(e, b"systemIdSuffix")
                .zip(target(b"uri"))
                .map(|(suffix, t)| Entry::SystemSuffix { suffix, target: t }),
            b"uriSuffix" => attr(e, b"uriSuffix")
                .zip(target(b"uri"))
                .map(|(suffix, t)| Entry::UriSuffix { suffix, target: t }),
            b"nextCatalog" => {
                if let Some(t) = target(b"catalog") {
                    next.push(t);
                }
                None
            }
            _ => None,
        };
        if let Some(entry) = entry {
            entries.push(entry);
        }
        if is_start {
            scopes.push(Scope {
                base,
                prefer_public,
            });
        }
    }
    Ok((entries, next))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resolves_public_system_rewrite_and_next_catalog() {
        let dir = tempfile::tempdir().expect("tempdir");
        let sub = dir.path().join("sub");
        std::fs::create_dir_all(&sub).expect("mkdir");
        std::fs::write(
            dir.path().join("catalog.xml"),
            r#"<?xml version="1.0"?>
<catalog xmlns="urn:oasis:names:tc:entity:xmlns:xml:catalog" prefer="public">
  <rewriteSystem systemIdStartString="https://example.org/dtd/" rewritePrefix="local/"/>
  <system systemId="main.dtd" uri="local/main.dtd"/>
  <group xml:base="other/" prefer="system">
    <public publicId="-//X//ONLY   IF NO SYSTEM//EN" uri="p.ent"/>
  </group>
  <uri name="urn:x:y" uri="y.xml"/>
  <nextCatalog catalog="sub/next.xml"/>
</catalog>"#,
        )
        .expect("write");
        std::fs::write(
            sub.join("next.xml"),
            r#"<catalog xmlns="urn:oasis:names:tc:entity:xmlns:xml:catalog">
  <public publicId="-//Y//Entities//EN" uri="ents/y.ent"/>
</catalog>"#,
        )
        .expect("write");
        let c = Catalog::load(&dir.path().join("catalog.xml")).expect("loads");
        assert_eq!(
            c.resolve_external(None, Some("https://example.org/dtd/a/b.ent")),
            Some(dir.path().join("local/").join("a/b.ent"))
        );
        assert_eq!(
            c.resolve_external(Some("-//Y//Entities//EN"), Some("whatever.ent")),
            Some(sub.join("ents/y.ent"))
        );
        // prefer="system": the public entry applies only without a system identifier.
        assert_eq!(
            c.resolve_external(Some("-//X//ONLY IF NO SYSTEM//EN"), Some("q.ent")),
            None
        );
        assert_eq!(
            c.resolve_external(Some("-//X//ONLY IF NO SYSTEM//EN"), None),
            Some(dir.path().join("other/").join("p.ent"))
        );
        assert_eq!(c.resolve_uri("urn:x:y"), Some(dir.path().join("y.xml")));
        assert_eq!(
            c.resolve_external(None, Some("http://evil.example/x")),
            None
        );
    }

    #[test]
    fn urls_never_become_paths() {
        assert_eq!(to_path(Path::new("/a"), "http://x.org/y.dtd"), None);
        assert_eq!(
            to_path(Path::new("/a"), "b/c.ent"),
            Some(PathBuf::from("/a/b/c.ent"))
        );
        assert!(has_scheme("https://x"));
        assert!(!has_scheme("C:\\x"));
    }
}
