//! The official JATS and NLM DTDs, embedded in the binary so that `papermeta validate` judges
//! a file against the DTD its DOCTYPE declares, offline and without `../shared`.
//!
//! Bundled (unmodified files of NCBI/NLM, public domain; see `schemas/jats/official/SOURCE.md`):
//! NISO JATS Journal Publishing 1.0, 1.1 and 1.3 (MathML 2 flavour) and the NLM Journal
//! Publishing DTD 3.0. The files are zlib-compressed in `schemas/jats/official/dtds.bin`
//! (packed by `schemas/jats/official/pack.py`); a file is decompressed only when a DTD that
//! needs it is compiled, and each DTD is compiled at most once per process.
//!
//! A DOCTYPE picks its DTD as an OASIS catalog listing [`BUNDLES`] would: its system
//! identifier when that is a bundle's official URL, else its public identifier.

mod files;

use crate::validate::dtd::{Dtd, DtdError, DtdFiles, DtdOptions};
use std::borrow::Cow;
use std::sync::OnceLock;

/// One packed file.
pub(crate) struct PackedFile {
    /// Path inside the bundles (`jats-publishing-1.1/JATS-journalpublishing1.dtd`).
    pub path: &'static str,
    /// Where its zlib stream starts in [`PACK`].
    pub offset: usize,
    /// Length of the zlib stream.
    pub length: usize,
    /// Size once decompressed.
    pub size: usize,
    /// SHA-256 of the decompressed file.
    pub sha256: &'static str,
    /// Where it came from, under `../shared/vendor/jats-dtds/`.
    pub vendor_path: &'static str,
}

/// The packed files, each a zlib stream.
static PACK: &[u8] = include_bytes!("../../../schemas/jats/official/dtds.bin");

/// An official DTD papermeta carries.
#[derive(Debug)]
pub struct Bundle {
    /// Human name, for messages (`JATS Journal Publishing 1.1`).
    pub name: &'static str,
    /// The formal public identifiers that name it.
    pub public_ids: &'static [&'static str],
    /// Its official URLs (system identifiers).
    pub system_ids: &'static [&'static str],
    /// The main DTD file, inside the packed files.
    pub main: &'static str,
}

/// Every bundled DTD.
pub static BUNDLES: [Bundle; 4] = [
    Bundle {
        name: "NISO JATS Journal Publishing 1.0",
        public_ids: &["-//NLM//DTD JATS (Z39.96) Journal Publishing DTD v1.0 20120330//EN"],
        system_ids: &[
            "http://jats.nlm.nih.gov/publishing/1.0/JATS-journalpublishing1.dtd",
            "https://jats.nlm.nih.gov/publishing/1.0/JATS-journalpublishing1.dtd",
        ],
        main: "jats-publishing-1.0/JATS-journalpublishing1.dtd",
    },
    Bundle {
        name: "NISO JATS Journal Publishing 1.1",
        public_ids: &["-//NLM//DTD JATS (Z39.96) Journal Publishing DTD v1.1 20151215//EN"],
        system_ids: &[
            "http://jats.nlm.nih.gov/publishing/1.1/JATS-journalpublishing1.dtd",
            "https://jats.nlm.nih.gov/publishing/1.1/JATS-journalpublishing1.dtd",
        ],
        main: "jats-publishing-1.1/JATS-journalpublishing1.dtd",
    },
    Bundle {
        name: "NISO JATS Journal Publishing 1.3",
        public_ids: &["-//NLM//DTD JATS (Z39.96) Journal Publishing DTD v1.3 20210610//EN"],
        system_ids: &[
            "http://jats.nlm.nih.gov/publishing/1.3/JATS-journalpublishing1-3.dtd",
            "https://jats.nlm.nih.gov/publishing/1.3/JATS-journalpublishing1-3.dtd",
        ],
        main: "jats-publishing-1.3/JATS-journalpublishing1-3.dtd",
    },
    Bundle {
        name: "NLM Journal Publishing 3.0",
        public_ids: &["-//NLM//DTD Journal Publishing DTD v3.0 20080202//EN"],
        system_ids: &[
            "http://dtd.nlm.nih.gov/publishing/3.0/journalpublishing3.dtd",
            "https://dtd.nlm.nih.gov/publishing/3.0/journalpublishing3.dtd",
        ],
        main: "nlm-publishing-3.0/journalpublishing3.dtd",
    },
];

/// The packed files, read through [`DtdFiles`].
struct Packed;

impl DtdFiles for Packed {
    fn read(&self, path: &str) -> Option<Cow<'_, [u8]>> {
        let file = files::FILES.iter().find(|f| f.path == path)?;
        let stream = PACK.get(file.offset..file.offset + file.length)?;
        miniz_oxide::inflate::decompress_to_vec_zlib_with_limit(stream, file.size)
            .ok()
            .map(Cow::Owned)
    }
}

/// Collapses white space as OASIS catalogs do for public identifiers.
fn normalize_public(id: &str) -> String {
    id.split_ascii_whitespace().collect::<Vec<_>>().join(" ")
}

/// The bundled DTD a DOCTYPE names: by system identifier first, then by public identifier
/// (the lookup order of an OASIS catalog that prefers public identifiers).
pub fn resolve(public_id: Option<&str>, system_id: Option<&str>) -> Option<&'static Bundle> {
    if let Some(system) = system_id.map(str::trim) {
        if let Some(b) = BUNDLES.iter().find(|b| b.system_ids.contains(&system)) {
            return Some(b);
        }
    }
    let public = normalize_public(public_id?);
    BUNDLES
        .iter()
        .find(|b| b.public_ids.iter().any(|p| *p == public))
}

/// The compiled DTDs, one slot per bundle.
static COMPILED: [OnceLock<Result<Dtd, DtdError>>; 4] = [
    OnceLock::new(),
    OnceLock::new(),
    OnceLock::new(),
    OnceLock::new(),
];

impl Bundle {
    /// The DTD compiled from the packed files: on first use, then shared by the process.
    pub fn dtd(&'static self) -> Result<&'static Dtd, &'static DtdError> {
        let index = BUNDLES
            .iter()
            .position(|b| std::ptr::eq(b, self))
            .unwrap_or(0);
        COMPILED[index]
            .get_or_init(|| Dtd::from_files(&Packed, self.main, &DtdOptions::default()))
            .as_ref()
    }
}

/// Every packed file as (path inside the bundles, path under the vendor folder, SHA-256),
/// for the test that checks the pack against the vendor's files.
pub fn packed_files() -> impl Iterator<Item = (&'static str, &'static str, &'static str)> {
    files::FILES
        .iter()
        .map(|f| (f.path, f.vendor_path, f.sha256))
}

/// The decompressed bytes of a packed file.
pub fn packed_file(path: &str) -> Option<Vec<u8>> {
    Packed.read(path).map(Cow::into_owned)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_bundle_compiles_and_declares_article() {
        for bundle in &BUNDLES {
            let dtd = bundle
                .dtd()
                .unwrap_or_else(|e| panic!("{}: {e}", bundle.name));
            assert!(
                dtd.element_names().any(|n| n == "article"),
                "{}",
                bundle.name
            );
        }
    }

    #[test]
    fn doctypes_pick_their_bundle() {
        let pick = |p: Option<&str>, s: Option<&str>| resolve(p, s).map(|b| b.name);
        assert_eq!(
            pick(
                Some("-//NLM//DTD JATS (Z39.96) Journal Publishing DTD v1.1 20151215//EN"),
                Some("JATS-archivearticle1.dtd")
            ),
            Some("NISO JATS Journal Publishing 1.1")
        );
        assert_eq!(
            pick(
                Some("-//NLM//DTD  Journal Publishing DTD v3.0 20080202//EN"),
                None
            ),
            Some("NLM Journal Publishing 3.0")
        );
        // The system identifier wins, as in a catalog.
        assert_eq!(
            pick(
                Some("-//NLM//DTD JATS (Z39.96) Journal Publishing DTD v1.1 20151215//EN"),
                Some("https://jats.nlm.nih.gov/publishing/1.3/JATS-journalpublishing1-3.dtd")
            ),
            Some("NISO JATS Journal Publishing 1.3")
        );
        assert_eq!(
            pick(
                Some("-//NLM//DTD JATS (Z39.96) Journal Archiving and Interchange DTD v1.1 20151215//EN"),
                Some("JATS-archivearticle1.dtd")
            ),
            None
        );
        assert_eq!(pick(None, Some("JATS-journalpublishing1.dtd")), None);
    }

    #[test]
    fn packed_files_match_their_digests() {
        use sha2::Digest;
        for (path, _, digest) in packed_files() {
            let bytes = packed_file(path).unwrap_or_else(|| panic!("{path} unpacks"));
            let hex: String = sha2::Sha256::digest(&bytes)
                .iter()
                .map(|b| format!("{b:02x}"))
                .collect();
            assert_eq!(hex, digest, "{path}");
        }
    }
}
