//! Tests of the whole engine: small DTDs written here, the official JATS 1.3 DTD when
//! `../shared` is present, and agreement with `xmllint --valid` when it is installed.

use super::*;
use crate::model::Diagnostic;
use std::time::Instant;

fn jats_dir() -> Option<PathBuf> {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/vendor/jats-1.3");
    if p.join("publishing/JATS-journalpublishing1-3.dtd").is_file() {
        Some(p)
    } else {
        crate::testing::skip("../shared/vendor/jats-1.3 is absent");
        None
    }
}

fn load_jats(with_catalog: bool) -> Option<Dtd> {
    let dir = jats_dir()?;
    let options = DtdOptions {
        catalog: with_catalog.then(|| dir.join("catalog.xml")),
        limits: Limits::default(),
    };
    Some(
        Dtd::from_file(
            &dir.join("publishing/JATS-journalpublishing1-3.dtd"),
            &options,
        )
        .expect("official JATS DTD loads"),
    )
}

fn codes(d: &[Diagnostic]) -> Vec<&str> {
    d.iter().map(|d| d.code.as_str()).collect()
}

#[test]
fn jats_dtd_loads_fast() {
    let Some(_) = jats_dir() else { return };
    let start = Instant::now();
    let dtd = load_jats(true).expect("loads");
    let took = start.elapsed();
    eprintln!(
        "JATS 1.3 compiled in {took:?}; {} elements",
        dtd.element_names().count()
    );
    assert!(dtd.element_names().any(|n| n == "article"));
    assert!(dtd.element_names().any(|n| n == "mml:math"));
    assert!(dtd
        .content_model("journal-meta")
        .is_some_and(|m| m.starts_with("(journal-id")));
    assert_eq!(
        dtd.general_entity("eacute"),
        Some(&GeneralEntity::Internal("\u{e9}".into()))
    );
    let no_catalog = load_jats(false).expect("loads without the catalog");
    assert_eq!(
        no_catalog.element_names().count(),
        dtd.element_names().count()
    );
}

/// A small DTD unlike JATS: a letter with a sender, paragraphs and notes.
const LETTER_DTD: &str = r##"<!ENTITY % text "#PCDATA | em | ref">
<!ENTITY % id.att "id ID #IMPLIED">
<!ELEMENT letter (head, (para | list)+, note*)>
<!ATTLIST letter %id.att; xml:lang NMTOKEN #REQUIRED
          status (draft | final) "draft"
          xmlns CDATA #FIXED "urn:example:letter"
          version CDATA #FIXED "2">
<!ELEMENT head (sender, date?)>
<!ELEMENT sender (%text;)*>
<!ELEMENT date (#PCDATA)>
<!ELEMENT para (%text;)*>
<!ATTLIST para %id.att; tokens NMTOKENS #IMPLIED>
<!ELEMENT list (item+)>
<!ELEMENT item (#PCDATA)>
<!ELEMENT em (#PCDATA)>
<!ELEMENT ref EMPTY>
<!ATTLIST ref to IDREFS #REQUIRED>
<!ELEMENT note ANY>
<!ATTLIST note %id.att;>
<!ENTITY sign "&#x2014; the author">
<!ENTITY boiler "<em>standard</em> text &sign;">
"##;

fn letter() -> Dtd {
    Dtd::from_str(LETTER_DTD, None, &DtdOptions::default()).expect("letter DTD compiles")
}

#[test]
fn valid_letters_in_english_and_arabic() {
    let dtd = letter();
    let en = r#"<?xml version="1.0"?>
<!DOCTYPE letter SYSTEM "letter.dtd">
<letter xml:lang="en" status="final" id="l1">
  <head><sender>Ann <em>B.</em></sender><date>2021</date></head>
  <para id="p1">See <ref to="p2 l1"/> &sign; &amp; &#233;.</para>
  <para id="p2" tokens=" a  b-1 ">&boiler;</para>
  <note><para>any</para>free text</note>
</letter>"#;
    let diags = dtd.validate(en.as_bytes());
    assert!(diags.is_empty(), "{diags:#?}");
    let ar = "<letter xml:lang=\"ar\">\n<head>\n\t<sender>يوسف الكرمي</sender>\n</head>\n<list><item>البند الأول</item></list>\n</letter>";
    let diags = dtd.validate(ar.as_bytes());
    assert!(diags.is_empty(), "{diags:#?}");
    assert_eq!(
        dtd.element_names().take(3).collect::<Vec<_>>(),
        ["letter", "head", "sender"]
    );
}

#[test]
fn content_errors_name_the_model_and_position() {
    let dtd = letter();
    // <date> before <sender>, on line 2.
    let doc = "<letter xml:lang=\"ar\">\n<head>  <date>2020</date><sender>س</sender></head><para/></letter>";
    let d = dtd.validate(doc.as_bytes());
    assert_eq!(codes(&d), ["dtd-content"], "{d:#?}");
    assert_eq!((d[0].line, d[0].column), (Some(2), Some(9)));
    assert!(
        d[0].message
            .contains("<head> expected (sender, date?) but found <date>"),
        "{}",
        d[0].message
    );
    assert!(
        d[0].message.contains("allowed here: <sender>"),
        "{}",
        d[0].message
    );
    // Content that stops early is reported at the end tag.
    let d = dtd.validate(b"<letter xml:lang=\"en\"><head><sender/></head></letter>");
    assert_eq!(codes(&d), ["dtd-content"], "{d:#?}");
    assert!(
        d[0].message.contains("found the end of <letter>"),
        "{}",
        d[0].message
    );
    assert!(d[0].message.contains("<para>, <list>"), "{}", d[0].message);
}

#[test]
fn text_empty_and_undeclared_things() {
    let dtd = letter();
    let doc = "<letter xml:lang=\"en\">\n<head><sender/></head>\nstray words\n<para>x<ref to=\"a\">oops</ref><b>bold</b></para>\n<list><item/></list></letter>";
    let d = dtd.validate(doc.as_bytes());
    let c = codes(&d);
    assert!(c.contains(&"dtd-text-not-allowed"), "{d:#?}");
    assert!(c.contains(&"dtd-undeclared-element"), "{d:#?}");
    // <b> is also not in the mixed model of <para>.
    assert!(c.contains(&"dtd-content"), "{d:#?}");
    assert!(c.contains(&"dtd-dangling-idref"), "{d:#?}");
    let text = d
        .iter()
        .find(|x| x.code == "dtd-text-not-allowed")
        .expect("text error");
    assert_eq!(text.line, Some(2));
    let empty = d
        .iter()
        .find(|x| x.message.contains("declared EMPTY"))
        .expect("EMPTY violation");
    assert_eq!(empty.line, Some(4));
}

#[test]
fn attribute_errors() {
    let dtd = letter();
    let doc = r#"<letter status="sent" version="3" color="red" xmlns="urn:example:letter" xmlns:x="urn:x">
<head><sender/></head>
<para id="a" tokens="ok bad!token">x</para><para id="a">y</para><para id="1bad"/>
<para><ref/></para>
</letter>"#;
    let d = dtd.validate(doc.as_bytes());
    let c = codes(&d);
    for want in [
        "dtd-required-attribute",
        "dtd-enumeration",
        "dtd-fixed-attribute",
        "dtd-undeclared-attribute",
        "dtd-attribute-value",
        "dtd-duplicate-id",
    ] {
        assert!(c.contains(&want), "missing {want}: {d:#?}");
    }
    // xmlns is declared (#FIXED) and accepted; xmlns:x is not declared.
    let undeclared: Vec<_> = d
        .iter()
        .filter(|x| x.code == "dtd-undeclared-attribute")
        .map(|x| x.message.as_str())
        .collect();
    assert_eq!(undeclared.len(), 2, "{undeclared:?}");
    assert!(undeclared.iter().any(|m| m.contains("xmlns:x")));
    assert!(!undeclared.iter().any(|m| m.contains("xmlns ")));
    let dup = d
        .iter()
        .find(|x| x.code == "dtd-duplicate-id")
        .expect("dup");
    assert!(dup.message.contains("line 3"), "{}", dup.message);
    // Two required attributes missing on <ref> (line 4) and on <letter> (line 1).
    let req: Vec<_> = d
        .iter()
        .filter(|x| x.code == "dtd-required-attribute")
        .map(|x| x.line)
        .collect();
    assert_eq!(req, [Some(1), Some(4)]);
    let en = d
        .iter()
        .find(|x| x.code == "dtd-enumeration")
        .expect("enum");
    assert_eq!(en.column, Some(9));
}

#[test]
fn doctype_root_and_internal_subset() {
    let dtd = letter();
    let d = dtd
        .validate(b"<!DOCTYPE note><letter xml:lang=\"en\"><head><sender/></head><para/></letter>");
    assert_eq!(codes(&d), ["dtd-root"], "{d:#?}");
    let doc = r#"<!DOCTYPE letter [
  <!ENTITY place "the <em>old</em> town">
  <!ENTITY sign "overridden">
  <!ATTLIST para extra CDATA #IMPLIED>
  <!ENTITY secret SYSTEM "/etc/passwd">
]>
<letter xml:lang="en"><head><sender>&place; &sign;</sender></head><para extra="1"/></letter>"#;
    let d = dtd.validate(doc.as_bytes());
    assert!(d.is_empty(), "{d:#?}");
    let doc = r#"<!DOCTYPE letter [ <!ENTITY secret SYSTEM "/etc/passwd"> ]>
<letter xml:lang="en"><head><sender>&secret;</sender></head><para/></letter>"#;
    let d = dtd.validate(doc.as_bytes());
    assert_eq!(codes(&d), ["dtd-external-entity"], "{d:#?}");
    let doc = r#"<!DOCTYPE letter [ <!ENTITY % ext SYSTEM "/etc/passwd"> %ext; ]>
<letter xml:lang="en"><head><sender/></head><para/></letter>"#;
    let d = dtd.validate(doc.as_bytes());
    assert_eq!(codes(&d), ["dtd-external-entity"], "{d:#?}");
    let d = dtd
        .validate(b"<letter xml:lang=\"en\"><head><sender>&nope;</sender></head><para/></letter>");
    assert_eq!(codes(&d), ["dtd-undeclared-entity"], "{d:#?}");
}

#[test]
fn billion_laughs_fails_fast() {
    let dtd = letter();
    let mut doc =
        String::from("<?xml version=\"1.0\"?>\n<!DOCTYPE letter [\n<!ENTITY lol \"lol\">\n");
    let mut prev = String::from("lol");
    for i in 1..=9 {
        let name = format!("lol{i}");
        doc.push_str(&format!(
            "<!ENTITY {name} \"{}\">\n",
            format!("&{prev};").repeat(10)
        ));
        prev = name;
    }
    doc.push_str(&format!(
        "]>\n<letter xml:lang=\"en\"><head><sender>&{prev};</sender></head><para/></letter>"
    ));
    let start = Instant::now();
    let d = dtd.validate(doc.as_bytes());
    assert!(start.elapsed().as_millis() < 500, "{:?}", start.elapsed());
    assert_eq!(codes(&d), ["dtd-limit"], "{d:#?}");
    assert_eq!(d[0].line, Some(14));
    // The same attack through an attribute value.
    let attr = doc
        .replace(
            &format!("<sender>&{prev};</sender>"),
            "<sender/><date>x</date>",
        )
        .replace("<para/>", &format!("<para tokens=\"&{prev};\"/>"));
    let d = dtd.validate(attr.as_bytes());
    assert_eq!(codes(&d), ["dtd-limit"], "{d:#?}");
}

#[test]
fn limits_are_enforced() {
    let options = DtdOptions {
        catalog: None,
        limits: Limits {
            max_depth: 4,
            max_attributes: 2,
            max_document_bytes: 300,
            ..Limits::default()
        },
    };
    let dtd = Dtd::from_str(LETTER_DTD, None, &options).expect("compiles");
    let deep =
        "<letter xml:lang=\"en\"><head><sender><em><x><y/></x></em></sender></head></letter>";
    assert!(codes(&dtd.validate(deep.as_bytes())).contains(&"dtd-limit"));
    let many = "<letter xml:lang=\"en\" a=\"1\" b=\"2\"><head><sender/></head><para/></letter>";
    assert!(codes(&dtd.validate(many.as_bytes())).contains(&"dtd-limit"));
    let big = format!(
        "<letter xml:lang=\"en\"><!--{}--></letter>",
        "x".repeat(400)
    );
    assert_eq!(codes(&dtd.validate(big.as_bytes())), ["dtd-limit"]);
}

#[test]
fn malformed_documents_give_xml_syntax() {
    let dtd = letter();
    for doc in [
        "<letter xml:lang=\"en\"><head></letter>",
        "<letter xml:lang=\"en\"><head><sender/></head><para/>",
        "<letter xml:lang=\"en\" xml:lang=\"ar\"/>",
        "",
        "<letter xml:lang=\"en\"><head><sender>a & b</sender></head><para/></letter>",
        "<letter xml:lang='en'><head><sender/></head><para/></letter><letter/>",
    ] {
        let d = dtd.validate(doc.as_bytes());
        assert!(codes(&d).contains(&"xml-syntax"), "{doc}: {d:#?}");
        assert!(d.iter().all(|x| x.line.is_some() && x.column.is_some()));
    }
}

#[test]
fn dtd_errors_name_their_file() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(
        dir.path().join("main.dtd"),
        "<!ENTITY % m SYSTEM \"mod.ent\">\n%m;\n",
    )
    .expect("write");
    std::fs::write(
        dir.path().join("mod.ent"),
        "<!ELEMENT a (b)>\n\n<!ELEMENT c (d,>\n",
    )
    .expect("write");
    let e = Dtd::from_file(&dir.path().join("main.dtd"), &DtdOptions::default())
        .expect_err("syntax error");
    match &e {
        DtdError::Syntax { file, line, .. } => {
            assert!(file.ends_with("mod.ent"), "{file}");
            assert_eq!(*line, 3);
        }
        other => panic!("{other:?}"),
    }
    assert!(e.to_string().contains("mod.ent:3:"), "{e}");
    let e = Dtd::from_file(&dir.path().join("absent.dtd"), &DtdOptions::default()).expect_err("io");
    assert!(matches!(e, DtdError::Io { .. }));
}

/// A hand-written JATS 1.3 article (Arabic, with an English summary, MathML, footnote and
/// two kinds of citation), valid against the Publishing DTD.
const ARTICLE: &str = include_str!("testdata/article-ar.xml");

/// `Some(valid)` from `xmllint --valid` with the vendored catalog, `None` without xmllint.
fn xmllint_valid(doc: &str) -> Option<bool> {
    let dir = jats_dir()?;
    let tmp = tempfile::tempdir().ok()?;
    let file = tmp.path().join("doc.xml");
    std::fs::write(&file, doc).ok()?;
    let out = std::process::Command::new("xmllint")
        .args(["--noout", "--valid", "--nonet"])
        .arg(&file)
        .env("XML_CATALOG_FILES", dir.join("catalog.xml"))
        .output();
    match out {
        Ok(o) => Some(o.status.success()),
        Err(_) => {
            crate::testing::skip("xmllint comparison: xmllint not runnable");
            None
        }
    }
}

/// (name, document, the code we must report or None for valid)
fn jats_cases() -> Vec<(&'static str, String, Option<&'static str>)> {
    let a = ARTICLE.to_string();
    vec![
        ("valid", a.clone(), None),
        (
            "no issn before publisher",
            a.replace("<issn pub-type=\"ppub\">1234-5678</issn>", ""),
            Some("dtd-content"),
        ),
        (
            "issue before volume",
            a.replace(
                "<volume>12</volume>\n      <issue>3</issue>",
                "<issue>3</issue>\n      <volume>12</volume>",
            ),
            Some("dtd-content"),
        ),
        (
            "title-group missing",
            a.replace("<article-title>عنوان المقال</article-title>", ""),
            Some("dtd-content"),
        ),
        (
            "undeclared element",
            a.replace("<p>Text.</p>", "<p>Text <foo/>.</p>"),
            Some("dtd-undeclared-element"),
        ),
        (
            "dangling rid",
            a.replace("rid=\"fn1\"", "rid=\"fn9\""),
            Some("dtd-dangling-idref"),
        ),
        (
            "duplicate id",
            a.replace("<sec id=\"s1.1\">", "<sec id=\"s1\">"),
            Some("dtd-duplicate-id"),
        ),
        (
            "text in back",
            a.replace("<back>", "<back>loose text"),
            Some("dtd-text-not-allowed"),
        ),
        (
            "bad ref-type",
            a.replace("ref-type=\"bibr\"", "ref-type=\"citation\""),
            Some("dtd-enumeration"),
        ),
        (
            "bad corresp",
            a.replace(
                "contrib-type=\"author\"",
                "contrib-type=\"author\" corresp=\"maybe\"",
            ),
            Some("dtd-enumeration"),
        ),
        (
            "undeclared attribute",
            a.replace("<fpage>", "<fpage seq=\"a\" colour=\"red\">"),
            Some("dtd-undeclared-attribute"),
        ),
        (
            "undeclared entity",
            a.replace("&eacute;", "&notanentity;"),
            Some("dtd-undeclared-entity"),
        ),
        (
            "wrong root",
            a.replace("<!DOCTYPE article", "<!DOCTYPE book"),
            Some("dtd-root"),
        ),
        (
            "math in wrong place",
            a.replace("<mml:mi>x</mml:mi>", "<mml:mi>x<mml:mn>1</mml:mn></mml:mi>"),
            Some("dtd-content"),
        ),
    ]
}

#[test]
fn jats_articles_agree_with_xmllint() {
    let Some(dtd) = load_jats(true) else { return };
    for (name, doc, want) in jats_cases() {
        let start = Instant::now();
        let d = dtd.validate(doc.as_bytes());
        let took = start.elapsed();
        match want {
            None => assert!(d.is_empty(), "{name}: {d:#?}"),
            Some(code) => assert!(
                codes(&d).contains(&code),
                "{name}: expected {code}, got {d:#?}"
            ),
        }
        assert!(
            d.iter().all(|x| x.line.is_some() && x.column.is_some()),
            "{name}"
        );
        if let Some(valid) = xmllint_valid(&doc) {
            assert_eq!(
                valid,
                d.is_empty(),
                "{name}: xmllint says valid={valid}; we say {d:#?}"
            );
        }
        eprintln!("{name}: {took:?}");
    }
}

#[test]
fn jats_content_message_quotes_the_model() {
    let Some(dtd) = load_jats(true) else { return };
    let doc = ARTICLE.replace(
        "<journal-id journal-id-type=\"publisher-id\">qs</journal-id>",
        "<publisher><publisher-name>x</publisher-name></publisher>",
    );
    let d = dtd.validate(doc.as_bytes());
    let msg = &d.first().expect("an error").message;
    assert!(
        msg.starts_with("<journal-meta> expected (journal-id"),
        "{msg}"
    );
    assert!(msg.contains("but found <publisher>"), "{msg}");
    assert_eq!(d[0].line, Some(6), "{d:#?}");
    assert_eq!(d[0].column, Some(7), "{d:#?}");
}

#[test]
fn jats_large_article_validates_quickly() {
    let Some(dtd) = load_jats(true) else { return };
    let sec = "<sec id=\"sN\"><title>قسم</title><p>نص تجريبي طويل &amp; كلمات <italic>مائل</italic> <xref ref-type=\"fn\" rid=\"fn1\">1</xref> r&eacute;sum&eacute; and more text to fill the paragraph with words.</p><p>Second paragraph <bold>bold</bold>.</p></sec>\n";
    let mut body = String::new();
    let mut i = 0;
    while body.len() < 100_000 {
        body.push_str(&sec.replace("sN", &format!("x{i}")));
        i += 1;
    }
    let doc = ARTICLE.replace("<body>", &format!("<body>{body}"));
    let start = Instant::now();
    let d = dtd.validate(doc.as_bytes());
    let took = start.elapsed();
    assert!(d.is_empty(), "{d:#?}");
    eprintln!("validated {} bytes in {took:?} (debug build)", doc.len());
}

#[test]
fn dtd_is_shareable_between_threads() {
    fn assert_send_sync<T: Send + Sync>() {}
    assert_send_sync::<Dtd>();
}

mod fuzz {
    use super::*;
    use proptest::prelude::*;

    const VALID: &str = "<?xml version=\"1.0\"?>\n<!DOCTYPE letter [<!ENTITY x \"<em>e</em>&sign;\">]>\n<letter xml:lang=\"ar\" id=\"a\"><head><sender>نص &x; &#x41;</sender><date>1</date></head>\n<para id=\"b\" tokens=\"t u\"><ref to=\"a b\"/>&sign;</para><list><item>i</item></list><note><![CDATA[c]]><!--c--><?p i?></note></letter>";

    fn mutate(doc: &str, edits: &[(usize, u8, u8)]) -> Vec<u8> {
        let mut b = doc.as_bytes().to_vec();
        for &(at, kind, byte) in edits {
            if b.is_empty() {
                b.push(byte);
                continue;
            }
            let i = at % b.len();
            match kind % 3 {
                0 => b[i] = byte,
                1 => b.insert(i, byte),
                _ => {
                    b.remove(i);
                }
            }
        }
        b
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(200))]

        #[test]
        fn random_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..300)) {
            let dtd = letter();
            let d = dtd.validate(&bytes);
            prop_assert!(d.iter().all(|x| x.line.is_some() && x.column.is_some()));
        }

        #[test]
        fn mutated_documents_never_panic(
            edits in proptest::collection::vec((any::<usize>(), any::<u8>(), prop_oneof![
                Just(b'<'), Just(b'>'), Just(b'&'), Just(b';'), Just(b'"'), Just(b'/'),
                Just(b'['), Just(b'%'), Just(0xD8u8), Just(b' '), any::<u8>()
            ]), 1..6)
        ) {
            let dtd = letter();
            assert!(dtd.validate(VALID.as_bytes()).is_empty(), "{:#?}", dtd.validate(VALID.as_bytes()));
            let doc = mutate(VALID, &edits);
            let d = dtd.validate(&doc);
            prop_assert!(d.iter().all(|x| x.line.is_some() && x.column.is_some()));
        }

        #[test]
        fn mutated_dtds_never_panic(
            edits in proptest::collection::vec((any::<usize>(), any::<u8>(), prop_oneof![
                Just(b'('), Just(b')'), Just(b'%'), Just(b'|'), Just(b','), Just(b'"'),
                Just(b'>'), Just(b'<'), Just(b'['), Just(b']'), Just(b'*'), any::<u8>()
            ]), 1..6)
        ) {
            let text = mutate(LETTER_DTD, &edits);
            let text = String::from_utf8_lossy(&text);
            if let Ok(dtd) = Dtd::from_str(&text, None, &DtdOptions::default()) {
                let _ = dtd.validate(VALID.as_bytes());
            }
        }
    }
}
