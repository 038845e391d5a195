//! The named character entities a JATS file may use without declaring them: those of the
//! official JATS DTDs (ISO 8879 and 9573-13 sets, xmlchars, MathML 2 aliases), embedded from
//! `schemas/jats/entities.tsv` so real files read offline, without their DTD.

use std::collections::HashMap;
use std::sync::LazyLock;

/// `name<TAB>code points` lines, made by `tools/jats-entities/make_entities.py` from the
/// official JATS 1.3 DTD package (`../shared/vendor/jats-1.3/publishing/`).
const TABLE: &str = include_str!("../../../schemas/jats/entities.tsv");

static ENTITIES: LazyLock<HashMap<&'static str, String>> = LazyLock::new(|| {
    TABLE
        .lines()
        .filter_map(|line| {
            let (name, points) = line.split_once('\t')?;
            let text: Option<String> = points
                .split(' ')
                .map(|p| u32::from_str_radix(p, 16).ok().and_then(char::from_u32))
                .collect();
            Some((name, text?))
        })
        .collect()
});

/// The text of a DTD-declared named entity (`nbsp`, `ndash`, `rsqb`, ...).
pub(crate) fn dtd_entity(name: &str) -> Option<&'static str> {
    ENTITIES.get(name).map(String::as_str)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_official_sets() {
        assert!(ENTITIES.len() > 2000, "{}", ENTITIES.len());
        assert_eq!(dtd_entity("nbsp"), Some("\u{A0}"));
        assert_eq!(dtd_entity("ndash"), Some("–"));
        assert_eq!(dtd_entity("rsqb"), Some("]"));
        assert_eq!(dtd_entity("Ascr"), Some("\u{1D49C}"));
        assert_eq!(dtd_entity("nonesuch"), None);
    }
}
