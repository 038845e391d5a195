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
