//! Unit tests of the XSD engine on small schemas written here, and on the embedded ones.

use super::*;

struct Mem(&'static [(&'static str, &'static str)]);

impl Source for Mem {
    fn read(&self, location: &str) -> Result<Cow<'_, [u8]>, String> {
        self.0
            .iter()
            .find(|(p, _)| *p == location)
            .map(|(_, t)| Cow::Borrowed(t.as_bytes()))
            .ok_or_else(|| "no such file".to_string())
    }
    fn map_uri(&self, _: &str) -> Option<String> {
        None
    }
}

fn schema(xsd: &'static str) -> Schema {
    let files: &'static [(&'static str, &'static str)] = Box::leak(Box::new([("s.xsd", xsd)]));
    build::load(&Mem(files), "s.xsd").unwrap_or_else(|e| panic!("{e}"))
}

fn valid(s: &Schema, xml: &str) -> bool {
    let d = s.validate(xml.as_bytes());
    d.is_empty()
}

#[test]
fn embedded_schemas_load_and_every_content_model_compiles() {
    let t = std::time::Instant::now();
    let cr = crossref_schema().unwrap_or_else(|e| panic!("{e}"));
    let loaded = t.elapsed();
    let n = cr.compile_all().unwrap();
    assert!(n > 300, "{n} automata");
    assert!(cr
        .global_elements
        .contains_key(&XName::new(NS_CROSSREF, "doi_batch")));
    assert!(cr
        .global_elements
        .contains_key(&XName::new("http://www.ncbi.nlm.nih.gov/JATS1", "abstract")));
    let marc = marc21_schema().unwrap_or_else(|e| panic!("{e}"));
    assert!(marc.compile_all().unwrap() >= 3);
    eprintln!(
        "crossref loaded in {loaded:?}; warnings: {:?}",
        cr.warnings()
    );
}

const S2: &str = r###"<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:t" xmlns="urn:t" elementFormDefault="qualified">
 <xs:element name="r">
  <xs:complexType><xs:sequence>
   <xs:element name="e" minOccurs="0" maxOccurs="unbounded"><xs:complexType><xs:attribute name="id" type="xs:ID"/><xs:attribute name="ref" type="xs:IDREF"/><xs:attribute name="k"><xs:simpleType><xs:restriction base="xs:NMTOKEN"><xs:enumeration value="a"/><xs:enumeration value="b"/></xs:restriction></xs:simpleType></xs:attribute></xs:complexType></xs:element>
   <xs:element name="p" minOccurs="0" nillable="true"><xs:simpleType><xs:restriction base="xs:string"><xs:pattern value="\d{3}"/></xs:restriction></xs:simpleType></xs:element>
   <xs:element name="w" minOccurs="0"><xs:complexType><xs:sequence><xs:any namespace="##other" processContents="lax" minOccurs="0" maxOccurs="unbounded"/></xs:sequence><xs:anyAttribute namespace="##other" processContents="lax"/></xs:complexType></xs:element>
   <xs:element name="s" minOccurs="0"><xs:complexType><xs:sequence><xs:any namespace="##any" processContents="strict" minOccurs="0"/></xs:sequence></xs:complexType></xs:element>
   <xs:element name="n" minOccurs="0" type="xs:decimal"/>
   <xs:element name="d" minOccurs="0" type="xs:integer" default="5"/>
   <xs:element name="c" minOccurs="0" maxOccurs="3"><xs:complexType><xs:attribute name="x" type="xs:string" fixed="1"/></xs:complexType></xs:element>
  </xs:sequence></xs:complexType>
 </xs:element>
 <xs:attribute name="ga" type="xs:integer"/>
</xs:schema>"###;

/// Each case was run through `xmllint --noout --schema` (libxml2 2.9.14); the verdicts here
/// are xmllint's (except the dangling IDREF, see the module documentation).
#[test]
fn verdicts_agree_with_xmllint_on_small_cases() {
    let s = schema(S2);
    let x = |body: &str| {
        format!(
            r#"<r xmlns="urn:t" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">{body}</r>"#
        )
    };
    let cases: &[(&str, bool)] = &[
        ("", true),
        (r#"<e id="a"/><e id="a"/>"#, false),
        (r#"<e id=" a"/><e id="a "/>"#, false),
        (r#"<e k=" a "/>"#, true),
        (r#"<e k="a b"/>"#, false),
        ("<e k=\"&#9;a&#10;\"/>", true),
        ("<e> </e>", false),
        ("<p>12<!--x-->3</p>", true),
        ("<p> 123</p>", false),
        ("<p>١٢٣</p>", true),
        (r#"<p xsi:nil="true"/>"#, true),
        (r#"<p xsi:nil="true">123</p>"#, false),
        (r#"<e xsi:foo="1"/>"#, false),
        (r#"<e xml:lang="en"/>"#, false),
        (r#"<w><x xmlns="urn:o"><y/></x></w>"#, true),
        ("<w><r/></w>", false),
        (r#"<w xmlns:o="urn:o" o:z="1"/>"#, true),
        (r#"<w xmlns:t="urn:t" t:ga="x"/>"#, false),
        (r#"<w xmlns:t="urn:t2" t:ga="x"/>"#, true),
        (r#"<s><x xmlns="urn:o"/></s>"#, false),
        ("<s><r/></s>", true),
        ("<n>+01.50</n>", true),
        ("<n>.5</n>", true),
        ("<n> 5 </n>", true),
        ("<n>5e3</n>", false),
        ("<d/>", true),
        ("<d></d>", true),
        ("<d> </d>", false),
        (" x ", false),
        ("<e/><![CDATA[ ]]>", false),
        (r#"<c x="1"/><c/><c x=" 1"/>"#, false),
        ("<c/><c/><c/>", true),
        ("<c/><c/><c/><c/>", false),
        ("<n/><e/>", false),
        (r#"<e ref="nowhere"/>"#, false),
        (r#"<e id="a" ref="a"/>"#, true),
    ];
    let mut wrong = Vec::new();
    for (body, expected) in cases {
        let doc = x(body);
        let d = s.validate(doc.as_bytes());
        if d.is_empty() != *expected {
            wrong.push(format!("{body}: expected {expected}, got {d:?}"));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn diagnostics_point_at_line_and_column() {
    let s = schema(S2);
    let d = s.validate(b"<r xmlns=\"urn:t\">\n  <n>x</n>\n  <zz/>\n</r>");
    assert_eq!(d.len(), 2, "{d:?}");
    assert_eq!((d[0].line, d[0].column), (Some(2), Some(3)));
    assert!(
        d[0].message.contains("'x' is not a valid value"),
        "{}",
        d[0].message
    );
    assert_eq!((d[1].line, d[1].column), (Some(3), Some(3)));
    assert!(d[1].message.contains("not expected"), "{}", d[1].message);
    assert!(!valid(&s, "<r xmlns=\"urn:t\"><n>1</n>"));
    assert!(!valid(&s, "<x/>"));
}

const MAIN: &str = include_str!("testdata/main.xsd");
const CHAMELEON: &str = include_str!("testdata/cham.xsd");
const OTHER: &str = include_str!("testdata/other.xsd");

/// Substitution groups (abstract head), extension, xs:all, lists, unions, simpleContent
/// extension and restriction, mixed content, fixed values, a chameleon include, an import,
/// attribute groups with a strict attribute wildcard, `##local` skip wildcards, xsi:type,
/// xsi:nil and IDs. Verdicts from `xmllint --noout --schema testdata/main.xsd`, except the
/// empty NMTOKENS (see the module documentation).
#[test]
fn feature_verdicts_agree_with_xmllint() {
    let files: &'static [(&'static str, &'static str)] = Box::leak(Box::new([
        ("main.xsd", MAIN),
        ("cham.xsd", CHAMELEON),
        ("other.xsd", OTHER),
    ]));
    let s = build::load(&Mem(files), "main.xsd").unwrap_or_else(|e| panic!("{e}"));
    let head = r#"<doc xmlns="urn:m" xmlns:o="urn:o" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance""#;
    let cases: &[(&str, bool)] = &[
        (r#"></doc>"#, true),
        (r#"><circle><r>3</r></circle></doc>"#, true),
        (r#"><shape/></doc>"#, false),
        (
            r#"><square/><circle fill=" red "><r>1</r></circle></doc>"#,
            true,
        ),
        (r#"><circle fill="green"><r>1</r></circle></doc>"#, false),
        (r#"><circle><r>0</r></circle></doc>"#, false),
        (r#"><square/><square/><square/><square/></doc>"#, false),
        (r#"><bag><c>true</c><a>x</a></bag></doc>"#, true),
        (r#"><bag><a>x</a><b/><c>1</c></bag></doc>"#, true),
        (r#"><bag><a>x</a></bag></doc>"#, false),
        (r#"><bag><a>x</a><a>y</a><c>0</c></bag></doc>"#, false),
        (r#"><bag/></doc>"#, false),
        (r#"><sz>1 2</sz></doc>"#, true),
        (r#"><sz>1</sz></doc>"#, false),
        (r#"><sz>1 2 3 4</sz></doc>"#, false),
        (r#"><sz>1 x</sz></doc>"#, false),
        (r#"><sz> </sz></doc>"#, false),
        (r#"><nw>12</nw><nw> blue </nw><nw>ab</nw></doc>"#, true),
        (r#"><nw>abc</nw></doc>"#, false),
        (r#"><p cur="EUR">12.50</p></doc>"#, true),
        (r#"><p>12.50</p></doc>"#, false),
        (r#"><p cur="x" xsi:nil="true"/></doc>"#, true),
        (r#"><sp cur="x">9.99</sp></doc>"#, true),
        (r#"><sp cur="x">10.01</sp></doc>"#, false),
        (r#"><sp cur="x">1.001</sp></doc>"#, false),
        (r#"><mix>a<em>b</em>c<em>d</em></mix></doc>"#, true),
        (r#"><mix><em>b</em><em>b</em><em>b</em></mix></doc>"#, false),
        (r#"><fx>7</fx></doc>"#, true),
        (r#"><fx> 07 </fx></doc>"#, false),
        (r#"><fx>8</fx></doc>"#, false),
        (r#"><fx/></doc>"#, true),
        (r#"><fx> 7</fx></doc>"#, false),
        (r#"><cham><k>1</k></cham></doc>"#, true),
        (r#"><cham><k>1</k><k>2</k><k>3</k></cham></doc>"#, false),
        (r#"><o:thing><local>5</local></o:thing></doc>"#, false),
        (r#"><o:thing><o:local>5</o:local></o:thing></doc>"#, false),
        (
            r#"><o:thing><local xmlns="">5</local></o:thing></doc>"#,
            true,
        ),
        (r#" o:flag="true"></doc>"#, true),
        (r#" o:flag="maybe"></doc>"#, false),
        (r#" o:other="1"></doc>"#, false),
        (r#" lang="en-GB"></doc>"#, true),
        (r#"><anything><deep x="1"/></anything></doc>"#, false),
        (
            r#"><anything xmlns=""><deep x="1"/></anything></doc>"#,
            true,
        ),
        (r#"><o:stranger/></doc>"#, false),
        (
            r#"><when>2024-02-29</when><when>2024</when><when>2024-01-01T10:00:00Z</when></doc>"#,
            true,
        ),
        (r#"><when>2024-13</when></doc>"#, false),
        (r#"><nm>a b c</nm></doc>"#, true),
        // libxml2 accepts this; NMTOKENS has minLength 1 (XML Schema Part 2, 3.3.4).
        (r#"><nm> </nm></doc>"#, false),
        (
            r#"><square xsi:type="circleT"><r>2</r></square></doc>"#,
            true,
        ),
        (r#"><square xsi:type="colour"/></doc>"#, false),
        (
            r#"><circle id="i1"><r>1</r></circle><square id="i1"/></doc>"#,
            false,
        ),
    ];
    let mut wrong = Vec::new();
    for (body, expected) in cases {
        let doc = format!("{head}{body}");
        let d = s.validate(doc.as_bytes());
        if d.is_empty() != *expected {
            wrong.push(format!("{body}: expected {expected}, got {d:?}"));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn schema_errors_name_file_and_position() {
    let e = build::load(
        &Mem(Box::leak(Box::new([(
            "s.xsd",
            "<xs:schema xmlns:xs=\"http://www.w3.org/2001/XMLSchema\">\n  <xs:element name=\"a\" type=\"nope\"/>\n</xs:schema>",
        )]))),
        "s.xsd",
    )
    .unwrap_err();
    assert_eq!(
        e.to_string(),
        "s.xsd:2:3: type `nope` is not defined in the schema"
    );
    let e = build::load(
        &Mem(Box::leak(Box::new([(
            "s.xsd",
            "<xs:schema xmlns:xs=\"http://www.w3.org/2001/XMLSchema\">\n<xs:include schemaLocation=\"gone.xsd\"/>\n</xs:schema>",
        )]))),
        "s.xsd",
    )
    .unwrap_err();
    assert!(matches!(e, XsdError::Missing { line: 2, .. }), "{e}");
    let e = build::load(
        &Mem(Box::leak(Box::new([(
            "s.xsd",
            "<xs:schema xmlns:xs=\"http://www.w3.org/2001/XMLSchema\"><xs:element name=\"a\"><xs:complexType/><xs:key name=\"k\"/></xs:element></xs:schema>",
        )]))),
        "s.xsd",
    )
    .unwrap_err();
    assert!(e.to_string().contains("not supported"), "{e}");
}

#[test]
fn hostile_documents_give_errors_not_panics() {
    let s = schema(S2);
    for doc in [
        &b""[..],
        b"<",
        b"<r xmlns=\"urn:t\">",
        b"<r xmlns=\"urn:t\"></x>",
        b"<r xmlns=\"urn:t\"><e id=\"a\" id=\"b\"/></r>",
        b"<p:r/>",
        b"\xff\xfe<r/>",
        b"<r xmlns=\"urn:t\">&undefined;</r>",
        b"<r xmlns=\"urn:t\"/><r xmlns=\"urn:t\"/>",
        b"<r xmlns=\"urn:t\"/>trailing",
    ] {
        assert!(
            !s.validate(doc).is_empty(),
            "{}",
            String::from_utf8_lossy(doc)
        );
    }
    let deep = format!("{}{}", "<a>".repeat(5000), "</a>".repeat(5000));
    assert!(!s.validate(deep.as_bytes()).is_empty());
}
