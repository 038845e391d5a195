//! Unit tests of the JATS writer on small hand-made documents.

use super::*;
use crate::model::*;

fn text(t: &str) -> Inline {
    Inline::Text {
        text: t.to_string(),
    }
}

fn loc(lang: &str, t: &str) -> LocalizedText {
    LocalizedText {
        lang: lang.to_string(),
        text: t.to_string(),
        source: None,
    }
}

/// The smallest document JATS accepts: a title and a journal with an id and an ISSN.
pub(super) fn minimal(lang: &str, title: &str) -> Document {
    let mut doc = Document::default();
    doc.front.language = lang.to_string();
    doc.front.titles = vec![loc(lang, title)];
    doc.front.publication.journal = Some(Journal {
        id: Some("j".to_string()),
        issn_print: Some("0000-0019".into()),
        ..Default::default()
    });
    doc
}

fn compact(doc: &Document) -> (String, Vec<Diagnostic>) {
    let options = JatsOptions {
        pretty: false,
        ..Default::default()
    };
    let export = write_jats(doc, &options).expect("export");
    // Every output must pass the validator that guards writing.
    let report = crate::validate::jats::validate_jats(&export.bytes);
    let errors: Vec<_> = report.errors().collect();
    assert!(errors.is_empty(), "invalid JATS: {errors:#?}");
    (
        String::from_utf8(export.bytes).expect("utf-8"),
        export.warnings,
    )
}

fn codes(warnings: &[Diagnostic]) -> Vec<&str> {
    warnings.iter().map(|w| w.code.as_str()).collect()
}

fn section(id: &str, kind: SectionKind, title: &str, blocks: Vec<Block>) -> Section {
    Section {
        id: id.to_string(),
        level: 1,
        kind,
        title: vec![text(title)],
        blocks,
        source: Span::line(10),
        ..Default::default()
    }
}

fn para(content: Vec<Inline>) -> Block {
    Block::Paragraph(Paragraph {
        content,
        source: Span::line(11),
    })
}

fn footnote(id: &str, label: &str, text: &str) -> Footnote {
    Footnote {
        id: id.to_string(),
        page: 1,
        label: label.to_string(),
        number: 1,
        text: text.to_string(),
        source: Span::line(20),
        placement: Default::default(),
        citation: None,
    }
}

fn reference(id: &str, t: ReferenceType) -> Reference {
    Reference {
        id: id.to_string(),
        raw: format!("raw {id}"),
        lang: "en".to_string(),
        ref_type: t,
        source: Span::line(30),
        ..Default::default()
    }
}

#[test]
fn missing_journal_id_names_its_key() {
    let mut doc = minimal("en", "T");
    if let Some(j) = doc.front.publication.journal.as_mut() {
        j.id = Some(" ".to_string());
    }
    let err = write_jats(&doc, &JatsOptions::default()).unwrap_err();
    assert!(matches!(
        err,
        ExportError::MissingFact {
            key: "journal.id",
            ..
        }
    ));
}

#[test]
fn electronic_issn_alone_is_enough() {
    let mut doc = minimal("en", "T");
    if let Some(j) = doc.front.publication.journal.as_mut() {
        j.issn_print = None;
        j.issn_electronic = Some("2049-3630".into());
    }
    let (xml, _) = compact(&doc);
    assert!(
        xml.contains("<issn pub-type=\"epub\" publication-format=\"electronic\">2049-3630</issn>")
    );
    assert!(!xml.contains("publication-format=\"print\""));
}

#[test]
fn missing_optional_facts_are_warned_not_fatal() {
    let (xml, warnings) = compact(&minimal("en", "T"));
    let c = codes(&warnings);
    for code in [
        "missing-publication-date",
        "missing-pages",
        "missing-subject",
        "missing-journal-title",
    ] {
        assert!(c.contains(&code), "{code} not in {c:?}");
    }
    assert!(!xml.contains("pub-date"));
    assert!(!xml.contains("<body>"), "an empty body is not written");
}

#[test]
fn article_root_carries_language_type_and_namespaces() {
    let doc = minimal("ar", "عنوان");
    let options = JatsOptions {
        pretty: true,
        article_type: "review-article".to_string(),
    };
    let xml = String::from_utf8(write_jats(&doc, &options).expect("export").bytes).expect("utf-8");
    assert!(xml.contains("<article article-type=\"review-article\" dtd-version=\"1.3\" xml:lang=\"ar\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" xmlns:mml=\"http://www.w3.org/1998/Math/MathML\" xmlns:ali=\"http://www.niso.org/schemas/ali/1.0/\">"));
    assert!(xml.contains("\n  <front>\n    <journal-meta>\n"));
}

#[test]
fn main_title_is_the_main_language_one_even_when_listed_second() {
    let mut doc = minimal("ar", "x");
    doc.front.titles = vec![loc("en", "English Title"), loc("ar", "العنوان العربي")];
    let (xml, _) = compact(&doc);
    assert!(xml.contains("<article-title>العنوان العربي</article-title><trans-title-group xml:lang=\"en\"><trans-title>English Title</trans-title></trans-title-group>"));
}

#[test]
fn partial_publication_date_and_numbers() {
    let mut doc = minimal("en", "T");
    doc.front.publication.published = Some(PartialDate {
        year: 2023,
        month: Some(7),
        day: None,
    });
    doc.front.publication.volume = Some("٣٤".into());
    doc.front.publication.issue = Some("2 (special)".into());
    doc.front.publication.elocation = Some("e102".to_string());
    let (xml, warnings) = compact(&doc);
    assert!(xml.contains("<pub-date date-type=\"pub\" publication-format=\"electronic\" iso-8601-date=\"2023-07\"><month>07</month><year>2023</year></pub-date>"));
    assert!(xml.contains(
        "<volume>34</volume><issue>2 (special)</issue><elocation-id>e102</elocation-id>"
    ));
    assert!(!codes(&warnings).contains(&"missing-pages"));
}

#[test]
fn pages_win_over_elocation_with_a_warning() {
    let mut doc = minimal("en", "T");
    doc.front.publication.pages = Some(PageRange {
        raw: "٩-١٢".to_string(),
        first: Some(9),
        last: Some(12),
    });
    doc.front.publication.elocation = Some("e7".to_string());
    let (xml, warnings) = compact(&doc);
    assert!(xml.contains("<fpage>9</fpage><lpage>12</lpage>"));
    assert!(!xml.contains("elocation-id"));
    assert!(codes(&warnings).contains(&"elocation-not-rendered"));
}

#[test]
fn alternate_name_gets_the_rank_prefix_in_its_language() {
    let mut doc = minimal("ar", "ع");
    doc.front.contributors = vec![Contributor {
        id: "c1".to_string(),
        name: PersonName {
            as_written: "هدى جاسم".to_string(),
            script: Script::Arabic,
            lang: "ar".to_string(),
            given: Some("هدى".to_string()),
            family: Some("جاسم".to_string()),
            ..Default::default()
        },
        alt_names: vec![PersonName {
            as_written: "Huda Jasim".to_string(),
            script: Script::Latin,
            // A romanized Arabic name: Latin letters, Arabic language.
            lang: "ar-Latn".to_string(),
            given: Some("Huda".to_string()),
            family: Some("Jasim".to_string()),
            ..Default::default()
        }],
        prefix: Some(AcademicPrefix {
            as_written: "أ.د".to_string(),
            meaning: Some(AcademicRank::Professor),
        }),
        ..Default::default()
    }];
    let (xml, _) = compact(&doc);
    assert!(xml.contains("<name-alternatives><name name-style=\"western\" xml:lang=\"ar\"><surname>جاسم</surname><given-names>هدى</given-names><prefix>أ.د</prefix></name><name name-style=\"western\" xml:lang=\"ar-Latn\"><surname>Jasim</surname><given-names>Huda</given-names><prefix>Prof.</prefix></name></name-alternatives>"));
}

#[test]
fn latin_prefix_stays_as_printed_and_given_only_names_are_styled() {
    let mut doc = minimal("en", "T");
    doc.front.contributors = vec![Contributor {
        id: "c1".to_string(),
        name: PersonName {
            as_written: "Sukarno".to_string(),
            script: Script::Latin,
            lang: "en".to_string(),
            given: Some("Sukarno".to_string()),
            family: None,
            ..Default::default()
        },
        prefix: Some(AcademicPrefix {
            as_written: "Dr.".to_string(),
            meaning: Some(AcademicRank::Doctor),
        }),
        corresponding: true,
        email: Some("s@example.org".to_string()),
        ..Default::default()
    }];
    let (xml, _) = compact(&doc);
    assert!(xml.contains("<contrib contrib-type=\"author\" corresp=\"yes\"><name name-style=\"given-only\" xml:lang=\"en\"><given-names>Sukarno</given-names><prefix>Dr.</prefix></name><email>s@example.org</email></contrib>"));
}

#[test]
fn unsplit_name_is_written_whole_and_reported() {
    let mut doc = minimal("ar", "ع");
    doc.front.contributors = vec![Contributor {
        id: "c1".to_string(),
        name: PersonName {
            as_written: "نور الهدى".to_string(),
            script: Script::Arabic,
            lang: "ar".to_string(),
            ..Default::default()
        },
        source: Some(Span::line(3)),
        ..Default::default()
    }];
    let (xml, warnings) = compact(&doc);
    assert!(xml.contains("<surname>نور الهدى</surname>"));
    assert!(warnings
        .iter()
        .any(|w| w.code == "contributor-name-unsplit" && w.line == Some(3)));
}

#[test]
fn affiliation_parts_are_tagged_inside_the_printed_text() {
    let mut doc = minimal("ar", "ع");
    doc.front.affiliations = vec![Affiliation {
        id: "aff1".to_string(),
        // The city also occurs inside the university's name.
        raw: "جامعة البصرة - كلية التربية - البصرة".to_string(),
        lang: "ar".to_string(),
        institution: Some("جامعة البصرة".to_string()),
        faculty: Some("كلية التربية".to_string()),
        city: Some("البصرة".to_string()),
        country: Some("الكويت".to_string()),
        ..Default::default()
    }];
    let (xml, warnings) = compact(&doc);
    assert!(xml.contains("<aff id=\"aff1\"><institution-wrap><institution content-type=\"university\">جامعة البصرة</institution></institution-wrap> - <institution-wrap><institution content-type=\"faculty\">كلية التربية</institution></institution-wrap> - <city>البصرة</city>، <country>الكويت</country></aff>"), "{xml}");
    assert!(codes(&warnings).contains(&"affiliation-part-appended"));
}

#[test]
fn affiliation_without_printed_text_is_structured() {
    let mut doc = minimal("en", "T");
    doc.front.affiliations = vec![Affiliation {
        id: "aff1".to_string(),
        raw: String::new(),
        lang: "en".to_string(),
        institution: Some("University of Mosul".to_string()),
        department: Some("Department of Physics".to_string()),
        country: Some("Iraq".to_string()),
        ..Default::default()
    }];
    let (xml, _) = compact(&doc);
    assert!(xml.contains("<aff id=\"aff1\"><institution-wrap><institution content-type=\"university\">University of Mosul</institution><institution content-type=\"department\">Department of Physics</institution></institution-wrap>, <country>Iraq</country></aff>"));
}

#[test]
fn contributor_links_resolve_or_are_reported() {
    let mut doc = minimal("en", "T");
    doc.front.affiliations = vec![Affiliation {
        id: "aff1".to_string(),
        raw: "Some Institute".to_string(),
        lang: "en".to_string(),
        ..Default::default()
    }];
    doc.front.contributors = vec![Contributor {
        id: "c1".to_string(),
        name: PersonName {
            as_written: "Ann Lee".to_string(),
            script: Script::Latin,
            lang: "en".to_string(),
            given: Some("Ann".to_string()),
            family: Some("Lee".to_string()),
            ..Default::default()
        },
        affiliation_ids: vec!["aff1".to_string(), "aff9".to_string()],
        ..Default::default()
    }];
    doc.front.author_notes = vec![
        AuthorNote {
            text: "Ann's note".to_string(),
            contributor_id: Some("c1".to_string()),
            email: Some("ann@example.org".to_string()),
            ..Default::default()
        },
        AuthorNote {
            text: "A note for nobody".to_string(),
            ..Default::default()
        },
    ];
    let (xml, warnings) = compact(&doc);
    assert!(xml.contains("<email>ann@example.org</email><xref ref-type=\"aff\" rid=\"aff1\"/><xref ref-type=\"author-notes\" rid=\"an1\"/></contrib>"));
    assert!(!xml.contains("aff9"));
    assert!(codes(&warnings).contains(&"unknown-affiliation"));
    assert!(xml.contains("<author-notes><fn id=\"an1\"><p>Ann&apos;s note</p></fn>") || xml.contains("<author-notes><fn id=\"an1\"><p>Ann's note</p></fn><fn id=\"an2\"><p>A note for nobody</p></fn></author-notes>"));
}

#[test]
fn body_sections_keep_labels_kinds_and_markers() {
    let mut doc = minimal("en", "T");
    doc.body.sections = vec![
        Section {
            label: Some("2.".to_string()),
            title: vec![],
            ..section("s1", SectionKind::Methods, "", vec![])
        },
        section(
            "s2",
            SectionKind::Other,
            "Results",
            vec![para(vec![
                text("See"),
                Inline::FootnoteRef {
                    marker: "^(1)".to_string(),
                    footnote_id: Some("fn1".to_string()),
                },
                text(" and"),
                Inline::FootnoteRef {
                    marker: "(9)".to_string(),
                    footnote_id: Some("fn9".to_string()),
                },
            ])],
        ),
    ];
    doc.back.footnotes = vec![footnote("fn1", "1", "A note.")];
    let (xml, warnings) = compact(&doc);
    assert!(xml.contains("<sec id=\"s1\" sec-type=\"methods\"><label>2.</label><title/></sec>"));
    assert!(xml.contains(
        "<sec id=\"s2\"><title>Results</title><p>See<xref ref-type=\"fn\" rid=\"fn1\">1</xref> and(9)</p></sec>"
    ));
    assert!(warnings
        .iter()
        .any(|w| w.code == "unlinked-footnote-marker" && w.message.contains("fn9")));
    assert!(xml.contains("<fn-group><fn id=\"fn1\"><label>1</label><p>A note.</p></fn></fn-group>"));
}

#[test]
fn invalid_and_duplicate_ids_are_replaced_and_links_follow_the_first() {
    let mut doc = minimal("en", "T");
    doc.body.sections = vec![
        section("1st", SectionKind::Other, "A", vec![]),
        section(
            "fn1",
            SectionKind::Other,
            "B",
            vec![para(vec![Inline::FootnoteRef {
                marker: "1".to_string(),
                footnote_id: Some("fn1".to_string()),
            }])],
        ),
    ];
    doc.back.footnotes = vec![footnote("fn1", "1", "Note.")];
    let (xml, warnings) = compact(&doc);
    let c = codes(&warnings);
    assert!(c.contains(&"jats-id-replaced"));
    assert!(c.contains(&"jats-duplicate-id"));
    // The footnote was declared before the sections, so it keeps `fn1`.
    assert!(xml.contains("<fn id=\"fn1\">"));
    assert!(xml.contains("<xref ref-type=\"fn\" rid=\"fn1\">1</xref>"));
    assert!(!xml.contains("id=\"1st\""));
}

#[test]
fn reference_sections_become_ref_lists_not_body() {
    let mut doc = minimal("ar", "ع");
    let mut refs = section(
        "s9",
        SectionKind::References,
        "",
        vec![para(vec![text("stray")])],
    );
    refs.title = vec![];
    doc.body.sections = vec![
        section("s1", SectionKind::Introduction, "تمهيد", vec![]),
        refs,
    ];
    doc.back.reference_groups = vec![ReferenceGroup {
        id: "g1".to_string(),
        references: vec![reference("r1", ReferenceType::Other)],
        ..Default::default()
    }];
    let (xml, warnings) = compact(&doc);
    assert!(!xml.contains("id=\"s9\""));
    assert!(!xml.contains("stray"));
    assert!(codes(&warnings).contains(&"reference-section-text-not-rendered"));
    // No heading anywhere: the main language's word.
    assert!(xml.contains("<ref-list id=\"g1\"><title>المراجع</title><ref id=\"r1\"><mixed-citation publication-type=\"other\" xml:lang=\"en\">raw r1</mixed-citation></ref></ref-list>"));
}

#[test]
fn element_citation_maps_titles_by_type() {
    let mut doc = minimal("en", "T");
    let mut news = reference("r1", ReferenceType::NewsArticle);
    news.title = Some("Headline".to_string());
    news.container = Some("Daily".to_string());
    let mut book = reference("r2", ReferenceType::Book);
    book.title = Some("Big Book".to_string());
    book.container = Some("Series X".to_string());
    let mut web = reference("r3", ReferenceType::WebPage);
    web.title = Some("Page".to_string());
    web.url = Some("https://e.org/?a=1&b=2".to_string());
    web.accessed = Some("5 May 2024".to_string());
    let mut thesis = reference("r4", ReferenceType::MastersThesis);
    thesis.title = Some("On things".to_string());
    thesis.publisher = Some("Univ".to_string());
    thesis.year = Some(MaybeTyped::untyped("n.d."));
    thesis.label = Some("•".to_string());
    doc.back.reference_groups = vec![ReferenceGroup {
        id: "g1".to_string(),
        title: Some("Sources".to_string()),
        references: vec![news, book, web, thesis],
        ..Default::default()
    }];
    let (xml, _) = compact(&doc);
    assert!(xml.contains("<element-citation publication-type=\"newspaper\"><article-title>Headline</article-title><source>Daily</source></element-citation>"));
    assert!(xml.contains("<element-citation publication-type=\"book\"><source>Big Book</source><comment content-type=\"series\">Series X</comment></element-citation>"));
    assert!(xml.contains("<element-citation publication-type=\"webpage\"><source>Page</source><ext-link ext-link-type=\"uri\" xlink:href=\"https://e.org/?a=1&amp;b=2\">https://e.org/?a=1&amp;b=2</ext-link><date-in-citation content-type=\"access-date\">5 May 2024</date-in-citation></element-citation>"));
    assert!(xml.contains("<ref id=\"r4\"><citation-alternatives><mixed-citation publication-type=\"thesis\">raw r4</mixed-citation><element-citation publication-type=\"thesis\"><source>On things</source><year>n.d.</year><publisher-name>Univ</publisher-name></element-citation>"), "a bullet is not a label");
    assert!(xml.contains("<title>Sources</title>"));
}

#[test]
fn footnote_citations_link_to_references_or_back_to_footnotes() {
    let mut doc = minimal("en", "T");
    let mut f1 = footnote("fn1", "1", "Smith, Book, p. 3.");
    f1.citation = Some(Citation {
        kind: CitationKind::Direct,
        reference_id: Some("r1".to_string()),
        ..Default::default()
    });
    let mut f2 = footnote("fn2", "2", "Ibid.");
    f2.citation = Some(Citation {
        kind: CitationKind::Ibid,
        via_footnote_id: Some("fn1".to_string()),
        ..Default::default()
    });
    let mut f3 = footnote("fn3", "3", "Jones, Gone.");
    f3.citation = Some(Citation {
        kind: CitationKind::Direct,
        reference_id: Some("r404".to_string()),
        ..Default::default()
    });
    doc.back.footnotes = vec![f1, f2, f3];
    doc.back.reference_groups = vec![ReferenceGroup {
        id: "g1".to_string(),
        references: vec![reference("r1", ReferenceType::Book)],
        ..Default::default()
    }];
    let (xml, warnings) = compact(&doc);
    assert!(xml.contains("<p>Smith, Book, p. 3.<xref ref-type=\"bibr\" rid=\"r1\"/></p>"));
    assert!(xml.contains("<p>Ibid.<xref ref-type=\"fn\" rid=\"fn1\"/></p>"));
    assert!(xml.contains("<p>Jones, Gone.</p>"));
    assert!(codes(&warnings).contains(&"unknown-reference"));
}

#[test]
fn acknowledgements_and_appendices_move_to_back() {
    let mut doc = minimal("en", "T");
    doc.body.sections = vec![
        section("s1", SectionKind::Introduction, "Intro", vec![]),
        section("s2", SectionKind::Acknowledgements, "Thanks", vec![]),
        section("s3", SectionKind::Appendix, "Appendix", vec![]),
    ];
    let (xml, _) = compact(&doc);
    assert!(
        xml.contains("<body><sec id=\"s1\" sec-type=\"intro\"><title>Intro</title></sec></body>")
    );
    assert!(xml.contains("<back><sec id=\"s2\" sec-type=\"acknowledgments\"><title>Thanks</title></sec><sec id=\"s3\" sec-type=\"appendix\"><title>Appendix</title></sec></back>"));
}

#[test]
fn control_characters_are_replaced_and_reported() {
    let mut doc = minimal("en", "T\u{7}x");
    doc.front.abstracts = vec![loc("en", "a\u{0}b")];
    let (xml, warnings) = compact(&doc);
    assert!(xml.contains("T\u{FFFD}x"));
    assert!(warnings
        .iter()
        .any(|w| w.code == "jats-invalid-character" && w.message.starts_with('2')));
}

#[test]
fn ncname_check() {
    assert!(is_ncname("sec1-2"));
    assert!(is_ncname("_a.b"));
    assert!(!is_ncname("1sec"));
    assert!(!is_ncname("a b"));
    assert!(!is_ncname(""));
    assert!(!is_ncname("قسم"));
}

#[test]
fn empty_language_tags_are_left_out() {
    let mut doc = minimal("en", "T");
    doc.front.titles.push(loc("", "Untagged"));
    doc.front.abstracts = vec![loc("", "Abstract without a tag.")];
    doc.front.keywords = vec![KeywordGroup {
        lang: " ".to_string(),
        keywords: vec!["k".to_string()],
        source: None,
    }];
    let (xml, _) = compact(&doc);
    assert!(!xml.contains("xml:lang=\"\""), "{xml}");
    assert!(
        xml.contains("<trans-title-group><trans-title>Untagged</trans-title></trans-title-group>")
    );
    assert!(xml.contains("<trans-abstract><p>Abstract without a tag.</p></trans-abstract><kwd-group><kwd>k</kwd></kwd-group>"));
}

#[test]
fn abstracts_in_one_language_share_one_element() {
    let mut doc = minimal("ar", "ع");
    let text = |lang: &str, text: &str| LocalizedText {
        lang: lang.to_string(),
        text: text.to_string(),
        source: None,
    };
    doc.front.abstracts = vec![
        text("ar", "أ"),
        text("en", "E1"),
        text("ar", "ب"),
        text("en", "E2"),
    ];
    let (xml, _) = compact(&doc);
    assert!(xml.contains("<abstract xml:lang=\"ar\"><p>أ</p><p>ب</p></abstract><trans-abstract xml:lang=\"en\"><p>E1</p><p>E2</p></trans-abstract>"), "{xml}");
    assert_eq!(xml.matches("<abstract").count(), 1);
}
