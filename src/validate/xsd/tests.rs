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
