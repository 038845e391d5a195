//! Tests of the JATS reader on small made-up articles.

use super::*;

fn read(xml: &str) -> Document {
    read_jats(xml.as_bytes(), "a.xml").unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn reads_a_small_article() {
    let doc = read(include_str!("testdata/small.xml"));
    assert_eq!(doc.front.language, "en");
    assert_eq!(doc.front.titles[0].text, "A made-up study of rivers");
}

/// References with only typed fields give one warning for the list, naming the first ones.
#[test]
fn composed_references_are_reported_once_for_the_list() {
    let refs: String = (1..=7)
        .map(|n| {
            format!("<ref id=\"b{n}\"><element-citation publication-type=\"book\"><person-group person-group-type=\"author\"><name><surname>Roe{n}</surname></name></person-group><source>Rivers {n}</source><year>2001</year></element-citation></ref>\n")
        })
        .collect();
    let xml = format!("<article xml:lang=\"en\"><front><article-meta><title-group><article-title>T</article-title></title-group></article-meta></front><back><ref-list>\n{refs}</ref-list></back></article>");
    let doc = read(&xml);
    let composed: Vec<_> = doc
        .warnings
        .iter()
        .filter(|w| w.code == "jats-reference-composed")
        .collect();
    assert_eq!(composed.len(), 1, "{composed:?}");
    assert!(
        composed[0]
            .message
            .starts_with("7 references have no printed form")
            && composed[0]
                .message
                .contains("(b1, b2, b3, b4, b5 and 2 more;"),
        "{}",
        composed[0].message
    );
    assert_eq!(composed[0].line, Some(2));
}

/// A footnote that an author's name calls (`xref ref-type="fn"` in `contrib`) stays linked to
/// the author, and to no marker in the text.
#[test]
fn a_footnote_called_by_an_author_is_linked_to_the_author() {
    let xml = "<article xml:lang=\"en\"><front><article-meta><title-group><article-title>T</article-title></title-group><contrib-group><contrib contrib-type=\"author\"><name><surname>Roe</surname><given-names>Jane</given-names></name><xref ref-type=\"fn\" rid=\"n1\">1</xref></contrib></contrib-group></article-meta></front><body><p>Text.</p></body><back><fn-group><fn id=\"n1\"><label>1</label><p>Lecturer in law.</p></fn></fn-group></back></article>";
    let doc = read(xml);
    let note = &doc.back.footnotes[0];
    assert_eq!(
        doc.front.contributors[0].footnote_ids,
        std::slice::from_ref(&note.id)
    );
}
