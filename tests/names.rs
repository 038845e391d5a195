//! Names on the bundled sample: both authors' Latin forms are recovered from their emails,
//! and every export carries them (JATS `name-alternatives`, JSON-LD `alternateName`, MARCXML
//! 880 pairs).

mod common;

use papermeta::model::{NameOrigin, Script};

#[test]
fn the_sample_authors_latin_forms_come_from_their_emails() {
    let path = common::root().join("samples/political-issues-000.txt");
    let bytes = std::fs::read(&path).expect("the bundled sample");
    let mut doc = papermeta::extract::extract_document(&bytes, "political-issues-000.txt")
        .expect("the sample extracts");
    // The journal's facts, which JATS needs; the file names no author.
    let meta_path = common::root().join("samples/political-issues.meta.toml");
    let meta_text = std::fs::read_to_string(&meta_path).expect("the sample's metadata");
    let meta = papermeta::meta::parse_metadata(&meta_text, "political-issues.meta.toml")
        .expect("the sample's metadata parses");
    papermeta::meta::apply_metadata(&mut doc, &meta);
    let authors: Vec<_> = doc.front.authors().collect();
    assert_eq!(authors.len(), 2);
    for a in &authors {
        assert_eq!(a.name.script, Script::Arabic, "{}", a.name.as_written);
        let email = a.email.as_deref().expect("each author has an email");
        let latin: Vec<_> = a
            .alt_names
            .iter()
            .filter(|n| n.script == Script::Latin)
            .collect();
        assert_eq!(latin.len(), 1, "{:?}", a.alt_names);
        let l = latin[0];
        assert_eq!(l.origin, NameOrigin::Email, "{l:?}");
        assert_eq!(l.lang, "ar-Latn");
        // The Latin form spells the email's local part word by word, capitalized.
        let local = email.split('@').next().unwrap_or("");
        assert_eq!(
            l.as_written.to_lowercase().replace(' ', "."),
            local.to_lowercase()
        );
        assert!(l
            .as_written
            .split(' ')
            .all(|w| w.chars().next().is_some_and(char::is_uppercase)));
        assert_eq!(
            format!(
                "{} {}",
                l.given.as_deref().unwrap(),
                l.family.as_deref().unwrap()
            ),
            l.as_written
        );
    }

    let jats = String::from_utf8(
        papermeta::export::jats::write_jats(&doc, &Default::default())
            .expect("JATS")
            .bytes,
    )
    .unwrap();
    assert_eq!(jats.matches("<name-alternatives>").count(), 2, "{jats}");
    assert_eq!(
        jats.matches("specific-use=\"email\" xml:lang=\"ar-Latn\"")
            .count(),
        2
    );
    let jsonld =
        String::from_utf8(papermeta::export::jsonld::write_jsonld(&doc).unwrap().bytes).unwrap();
    let marc = String::from_utf8(
        papermeta::export::marcxml::write_marcxml(&doc)
            .unwrap()
            .bytes,
    )
    .unwrap();
    for a in &authors {
        let l = &a.alt_names[0];
        assert!(
            jsonld.contains(&format!("\"alternateName\": \"{}\"", l.as_written)),
            "{jsonld}"
        );
        let heading = format!(
            "{}, {}",
            l.family.as_deref().unwrap(),
            l.given.as_deref().unwrap()
        );
        assert!(marc.contains(&heading), "{marc}");
    }
    assert!(marc.contains("<subfield code=\"6\">100-01/(3/r</subfield>"));
    assert!(marc.contains("<subfield code=\"6\">700-02/(3/r</subfield>"));
}
