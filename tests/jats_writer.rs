//! The JATS writer end to end: a hand-made complete Document (Arabic main language with
//! English alternates, footnotes, two reference groups) and an English one, written and
//! checked with the real consumers (`../shared/tools/check-jats`: DTD + PMC Style Checker).

mod common;

use papermeta::export::jats::{write_jats, JatsOptions};
use papermeta::export::ExportError;
use papermeta::model::*;
use std::path::{Path, PathBuf};
use std::process::Command;

fn text(t: &str) -> Inline {
    Inline::Text {
        text: t.to_string(),
    }
}

fn marker(m: &str, id: Option<&str>) -> Inline {
    Inline::FootnoteRef {
        marker: m.to_string(),
        footnote_id: id.map(str::to_string),
    }
}

fn loc(lang: &str, t: &str) -> LocalizedText {
    LocalizedText {
        lang: lang.to_string(),
        text: t.to_string(),
        source: None,
    }
}

fn para(content: Vec<Inline>, line: usize) -> Block {
    Block::Paragraph(Paragraph {
        content,
        source: Span::line(line),
    })
}

fn person(as_written: &str, family: Option<&str>, given: Option<&str>) -> Agent {
    Agent::Person {
        as_written: as_written.to_string(),
        family: family.map(str::to_string),
        given: given.map(str::to_string),
    }
}

fn journal() -> Journal {
    Journal {
        id: Some("jrs".to_string()),
        titles: vec![
            loc("ar", "مجلة الدراسات الإقليمية"),
            loc("en", "Journal of Regional Studies"),
        ],
        issn_print: Some("1234-5679".into()),
        issn_electronic: Some("2345-678X".into()),
        publisher_name: Some("دار النشر الجامعية".to_string()),
        publisher_place: Some("الكوفة".to_string()),
    }
}

/// An Arabic article with every fact the model can hold.
fn complete_document() -> Document {
    let mut doc = Document::default();
    doc.source.file_name = "paper.txt".to_string();
    doc.front = Front {
        language: "ar".to_string(),
        titles: vec![
            loc("ar", "أثر المياه الجوفية على الزراعة & الري <دراسة>"),
            loc("en", "The Effect of \"Groundwater\" on Farming"),
        ],
        contributors: vec![
            Contributor {
                id: "c1".to_string(),
                name: PersonName {
                    as_written: "سعاد كريم الحسني".to_string(),
                    script: Script::Arabic,
                    lang: "ar".to_string(),
                    given: Some("سعاد كريم".to_string()),
                    family: Some("الحسني".to_string()),
                    ..Default::default()
                },
                alt_names: vec![PersonName {
                    as_written: "Suad Karim Al-Hasani".to_string(),
                    script: Script::Latin,
                    lang: "en".to_string(),
                    given: Some("Suad Karim".to_string()),
                    family: Some("Al-Hasani".to_string()),
                    ..Default::default()
                }],
                prefix: Some(AcademicPrefix {
                    as_written: "أ.م.د".to_string(),
                    meaning: Some(AcademicRank::AssistantProfessor),
                }),
                email: Some("suad@example.edu".to_string()),
                orcid: Some("0000-0002-1825-0097".into()),
                affiliation_ids: vec!["aff1".to_string()],
                corresponding: true,
                ..Default::default()
            },
            Contributor {
                id: "c2".to_string(),
                name: PersonName {
                    as_written: "علي حسن".to_string(),
                    script: Script::Arabic,
                    lang: "ar".to_string(),
                    given: None,
                    family: None,
                    ..Default::default()
                },
                prefix: Some(AcademicPrefix {
                    as_written: "م.م".to_string(),
                    meaning: Some(AcademicRank::AssistantLecturer),
                }),
                affiliation_ids: vec!["aff2".to_string()],
                ..Default::default()
            },
        ],
        affiliations: vec![
            Affiliation {
                id: "aff1".to_string(),
                raw: "جامعة الكوفة / كلية الزراعة / قسم التربة، النجف، العراق".to_string(),
                lang: "ar".to_string(),
                institution: Some("جامعة الكوفة".to_string()),
                faculty: Some("كلية الزراعة".to_string()),
                department: Some("قسم التربة".to_string()),
                city: Some("النجف".to_string()),
                country: Some("العراق".to_string()),
                source: Some(Span::line(5)),
            },
            Affiliation {
                id: "aff2".to_string(),
                raw: "Department of Geography, University of Basrah".to_string(),
                lang: "en".to_string(),
                institution: Some("University of Basrah".to_string()),
                department: Some("Department of Geography".to_string()),
                ..Default::default()
            },
        ],
        abstracts: vec![
            loc("ar", "تتناول الدراسة أثر المياه الجوفية.\nوتقترح حلولاً."),
            loc("en", "The study examines groundwater & farming."),
        ],
        keywords: vec![
            KeywordGroup {
                lang: "ar".to_string(),
                keywords: vec!["المياه".to_string(), "الزراعة".to_string()],
                source: None,
            },
            KeywordGroup {
                lang: "en".to_string(),
                keywords: vec!["water".to_string(), "farming".to_string()],
                source: None,
            },
        ],
        author_notes: vec![
            AuthorNote {
                text: "قسم التربة / suad@example.edu".to_string(),
                contributor_id: Some("c1".to_string()),
                email: Some("suad@example.edu".to_string()),
                ..Default::default()
            },
            AuthorNote {
                text: "بحث مستل من أطروحة دكتوراه".to_string(),
                ..Default::default()
            },
        ],
        publication: Publication {
            journal: Some(journal()),
            volume: Some("١٢".into()),
            issue: Some("3".into()),
            published: Some(PartialDate {
                year: 2024,
                month: Some(3),
                day: Some(31),
            }),
            pages: Some(PageRange {
                raw: "١٥١-١٧٨".to_string(),
                first: Some(151),
                last: Some(178),
            }),
            elocation: None,
            doi: Some("10.5555/jrs.2024.12.3.151".into()),
            url: Some("https://example.org/jrs/article/151?lang=ar&v=1".to_string()),
            license: Some(License {
                url: Some("https://creativecommons.org/licenses/by/4.0/".to_string()),
                text: Some("This article is licensed under CC BY 4.0.".to_string()),
            }),
            subject: Some("بحوث".to_string()),
            history: Vec::new(),
            depositor: None,
            registrant: None,
        },
    };
    doc.body = Body {
        pages: vec![],
        blocks: vec![para(vec![text("تمهيد قصير.")], 20)],
        sections: vec![
            Section {
                id: "sec1".to_string(),
                level: 1,
                kind: SectionKind::Introduction,
                title: vec![text("المقدمة")],
                blocks: vec![
                    para(
                        vec![
                            text("يعتمد الري على المياه الجوفية"),
                            marker("(١)", Some("fn1")),
                            text(" بشكل كبير"),
                            marker("(٢)", Some("fn2")),
                            text("."),
                        ],
                        22,
                    ),
                    Block::List(List {
                        ordered: true,
                        items: vec![
                            ListItem {
                                label: Some("١.".to_string()),
                                content: vec![text("البند الأول"), marker("(٣)", Some("fn3"))],
                                source: Span::line(24),
                            },
                            ListItem {
                                label: Some("٢.".to_string()),
                                content: vec![text("البند الثاني")],
                                source: Span::line(25),
                            },
                        ],
                        source: Span::lines(24, 25),
                    }),
                    Block::List(List {
                        ordered: false,
                        items: vec![ListItem {
                            label: Some("-".to_string()),
                            content: vec![text("نقطة")],
                            source: Span::line(26),
                        }],
                        source: Span::line(26),
                    }),
                    Block::Quote(Quote {
                        content: vec![text("«الماء أصل الحياة»")],
                        source: Span::line(27),
                    }),
                ],
                ..Default::default()
            },
            Section {
                id: "sec2".to_string(),
                level: 1,
                kind: SectionKind::Other,
                label: Some("المبحث الأول".to_string()),
                title: vec![text("مصادر المياه")],
                blocks: vec![para(vec![text("نص المبحث.")], 30)],
                sections: vec![Section {
                    id: "sec2-1".to_string(),
                    level: 2,
                    label: Some("أولاً".to_string()),
                    title: vec![text("الآبار")],
                    run_in: true,
                    blocks: vec![para(vec![text("نص فرعي"), marker("(٤)", None)], 32)],
                    source: Span::line(31),
                    ..Default::default()
                }],
                source: Span::line(29),
                ..Default::default()
            },
            Section {
                id: "sec3".to_string(),
                level: 1,
                kind: SectionKind::Conclusion,
                title: vec![text("الخاتمة")],
                blocks: vec![para(vec![text("الخلاصة.")], 40)],
                source: Span::line(39),
                ..Default::default()
            },
            Section {
                id: "sec4".to_string(),
                level: 1,
                kind: SectionKind::Acknowledgements,
                title: vec![text("شكر وتقدير")],
                blocks: vec![para(vec![text("نشكر الجميع.")], 42)],
                source: Span::line(41),
                ..Default::default()
            },
            Section {
                id: "sec5".to_string(),
                level: 1,
                kind: SectionKind::References,
                title: vec![text("قائمة المصادر")],
                sections: vec![
                    Section {
                        id: "sec5-1".to_string(),
                        level: 2,
                        kind: SectionKind::ReferenceGroup,
                        title: vec![text("المصادر العربية")],
                        source: Span::line(45),
                        ..Default::default()
                    },
                    Section {
                        id: "sec5-2".to_string(),
                        level: 2,
                        kind: SectionKind::ReferenceGroup,
                        title: vec![text("Foreign sources")],
                        source: Span::line(50),
                        ..Default::default()
                    },
                ],
                source: Span::line(44),
                ..Default::default()
            },
        ],
    };
    doc.back = Back {
        footnotes: vec![
            Footnote {
                id: "fn1".to_string(),
                page: 1,
                label: "١".to_string(),
                number: 1,
                text: "الحسني، سعاد. الري الحديث، ص ٢٢.".to_string(),
                source: Span::line(60),
                placement: Default::default(),
                citation: Some(Citation {
                    kind: CitationKind::Direct,
                    reference_id: Some("ref1".to_string()),
                    via_footnote_id: None,
                    locator: None,
                }),
            },
            Footnote {
                id: "fn2".to_string(),
                page: 1,
                label: "٢".to_string(),
                number: 2,
                text: "المصدر نفسه، ص ٢٥.".to_string(),
                source: Span::line(61),
                placement: Default::default(),
                citation: Some(Citation {
                    kind: CitationKind::Ibid,
                    reference_id: Some("ref1".to_string()),
                    via_footnote_id: Some("fn1".to_string()),
                    locator: None,
                }),
            },
            Footnote {
                id: "fn3".to_string(),
                page: 2,
                label: "٣".to_string(),
                number: 3,
                text: "ينظر: مقابلة شخصية <غير منشورة>.".to_string(),
                source: Span::line(62),
                placement: Default::default(),
                citation: None,
            },
        ],
        reference_groups: vec![
            ReferenceGroup {
                id: "refs1".to_string(),
                title: Some("المصادر العربية".to_string()),
                lang: Some("ar".to_string()),
                source: Some(Span::line(45)),
                references: vec![
                    Reference {
                        id: "ref1".to_string(),
                        raw: "الحسني، سعاد. (٢٠١١) الري الحديث. ط٢. دار المعرفة: بيروت.".to_string(),
                        label: Some("-".to_string()),
                        lang: "ar".to_string(),
                        ref_type: ReferenceType::Book,
                        authors: vec![person("الحسني، سعاد", Some("الحسني"), Some("سعاد"))],
                        year: Some(MaybeTyped::typed("٢٠١١", 2011)),
                        title: Some("الري الحديث".to_string()),
                        edition: Some("ط٢".to_string()),
                        publisher: Some("دار المعرفة".to_string()),
                        place: Some("بيروت".to_string()),
                        cited_by: vec!["fn1".to_string(), "fn2".to_string()],
                        source: Span::line(46),
                        ..Default::default()
                    },
                    Reference {
                        id: "ref2".to_string(),
                        raw: "وزارة الموارد المائية. (د.ت) تقرير المياه.\n<https://example.gov/r?a=1&b=2>".to_string(),
                        lang: "ar".to_string(),
                        ref_type: ReferenceType::Report,
                        authors: vec![Agent::Organization {
                            name: "وزارة الموارد المائية".to_string(),
                        }],
                        no_date: true,
                        title: Some("تقرير المياه".to_string()),
                        url: Some("https://example.gov/r?a=1&b=2".to_string()),
                        accessed: Some("١٠/٢/٢٠٢٤".to_string()),
                        source: Span::lines(47, 48),
                        ..Default::default()
                    },
                    Reference {
                        id: "ref3".to_string(),
                        raw: "كاظم، أحمد. (٢٠٢٠) أطروحة دكتوراه. جامعة الكوفة.".to_string(),
                        lang: "ar".to_string(),
                        ref_type: ReferenceType::DoctoralThesis,
                        authors: vec![person("كاظم، أحمد", None, None)],
                        year: Some(MaybeTyped::typed("٢٠٢٠", 2020)),
                        publisher: Some("جامعة الكوفة".to_string()),
                        source: Span::line(49),
                        ..Default::default()
                    },
                ],
            },
            ReferenceGroup {
                id: "refs2".to_string(),
                title: None,
                lang: Some("en".to_string()),
                source: Some(Span::line(50)),
                references: vec![
                    Reference {
                        id: "ref4".to_string(),
                        raw: "Smith, John, et al. (2019). Water use. Journal of Water, 4(2), 33-47. doi:10.1000/xyz".to_string(),
                        label: Some("1.".to_string()),
                        lang: "en".to_string(),
                        ref_type: ReferenceType::JournalArticle,
                        authors: vec![person("Smith, John", Some("Smith"), Some("John"))],
                        et_al: true,
                        year: Some(MaybeTyped::typed("2019", 2019)),
                        title: Some("Water use".to_string()),
                        container: Some("Journal of Water".to_string()),
                        volume: Some("4".into()),
                        issue: Some("2".into()),
                        pages: Some(PageRange {
                            raw: "33-47".to_string(),
                            first: Some(33),
                            last: Some(47),
                        }),
                        doi: Some("10.1000/xyz".into()),
                        source: Span::line(51),
                        ..Default::default()
                    },
                    Reference {
                        id: "ref5".to_string(),
                        raw: "Something unclassifiable".to_string(),
                        lang: "en".to_string(),
                        source: Span::line(52),
                        ..Default::default()
                    },
                    Reference {
                        id: "ref6".to_string(),
                        raw: "Lee, A. (2018). A chapter. In B. Editor (Ed.), The Book (pp. iv-x).".to_string(),
                        lang: "en".to_string(),
                        ref_type: ReferenceType::Chapter,
                        authors: vec![person("Lee, A.", Some("Lee"), Some("A."))],
                        year: Some(MaybeTyped::typed("2018", 2018)),
                        title: Some("A chapter".to_string()),
                        container: Some("The Book".to_string()),
                        pages: Some(PageRange {
                            raw: "iv-x".to_string(),
                            first: None,
                            last: None,
                        }),
                        source: Span::line(53),
                        ..Default::default()
                    },
                ],
            },
        ],
    };
    doc
}

/// An English article with few facts: no date, no pages, no subject, one reference group.
fn sparse_english_document() -> Document {
    let mut doc = Document::default();
    doc.front.language = "en".to_string();
    doc.front.titles = vec![loc("en", "Sparse Paper")];
    doc.front.publication.journal = Some(Journal {
        id: Some("sj".to_string()),
        titles: vec![loc("en", "Sparse Journal")],
        issn_electronic: Some("2049-3630".into()),
        ..Default::default()
    });
    doc.front.contributors = vec![Contributor {
        id: "c1".to_string(),
        name: PersonName {
            as_written: "Plato".to_string(),
            script: Script::Latin,
            lang: "en".to_string(),
            given: Some("Plato".to_string()),
            family: None,
            ..Default::default()
        },
        ..Default::default()
    }];
    doc.body.sections = vec![
        Section {
            id: "s1".to_string(),
            level: 1,
            label: Some("1.".to_string()),
            title: vec![],
            blocks: vec![para(vec![text("Body text.")], 3)],
            source: Span::line(2),
            ..Default::default()
        },
        Section {
            id: "s2".to_string(),
            level: 1,
            kind: SectionKind::Appendix,
            title: vec![text("Appendix A")],
            blocks: vec![para(vec![text("Extra.")], 9)],
            source: Span::line(8),
            ..Default::default()
        },
    ];
    doc.back.reference_groups = vec![ReferenceGroup {
        id: "g1".to_string(),
        references: vec![Reference {
            id: "r1".to_string(),
            raw: "Doe, J. (2001). A Book. Publisher.".to_string(),
            lang: "en".to_string(),
            ref_type: ReferenceType::Book,
            title: Some("A Book".to_string()),
            source: Span::line(12),
            ..Default::default()
        }],
        ..Default::default()
    }];
    doc
}

fn tools_dir() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/tools");
    dir.join("check-jats").is_file().then_some(dir)
}

/// Runs check-jats on `xml`; `None` when the tool is not installed.
fn check_jats(xml: &[u8], name: &str) -> Option<(bool, String)> {
    check_jats_with(xml, name, &[])
}

/// Runs check-jats with extra flags.
fn check_jats_with(xml: &[u8], name: &str, flags: &[&str]) -> Option<(bool, String)> {
    let Some(tools) = tools_dir() else {
        common::skip("../shared/tools/check-jats is absent; JATS output not validated");
        return None;
    };
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join(name);
    std::fs::write(&path, xml).expect("write temp file");
    let out = Command::new(tools.join("check-jats"))
        .args(flags)
        .arg(&path)
        .output()
        .expect("run check-jats");
    let stdout = String::from_utf8_lossy(&out.stdout).to_string();
    Some((out.status.success() && stdout.contains(" 0 failed"), stdout))
}

#[test]
fn complete_document_passes_dtd_and_pmc_style_checker() {
    let export = write_jats(&complete_document(), &JatsOptions::default()).expect("export");
    if let Some((ok, report)) = check_jats(&export.bytes, "complete.xml") {
        assert!(
            ok,
            "check-jats failed:\n{report}\n{}",
            String::from_utf8_lossy(&export.bytes)
        );
    }
}

#[test]
fn compact_output_passes_too() {
    let options = JatsOptions {
        pretty: false,
        ..Default::default()
    };
    let export = write_jats(&complete_document(), &options).expect("export");
    let xml = String::from_utf8(export.bytes.clone()).expect("utf-8");
    assert!(!xml.contains("\n  <"), "compact output is indented");
    if let Some((ok, report)) = check_jats(&export.bytes, "compact.xml") {
        assert!(ok, "check-jats failed:\n{report}");
    }
}

#[test]
fn sparse_document_passes_and_warns_about_missing_facts() {
    let export = write_jats(&sparse_english_document(), &JatsOptions::default()).expect("export");
    let codes: Vec<&str> = export.warnings.iter().map(|w| w.code.as_str()).collect();
    for code in [
        "missing-publication-date",
        "missing-pages",
        "missing-subject",
    ] {
        assert!(codes.contains(&code), "no {code} warning in {codes:?}");
    }
    // The DTD lets these facts go missing; the PMC Style Checker does not, and says so.
    if let Some((ok, report)) = check_jats_with(&export.bytes, "sparse.xml", &["--no-pmc"]) {
        assert!(
            ok,
            "check-jats failed:\n{report}\n{}",
            String::from_utf8_lossy(&export.bytes)
        );
    }
    if let Some((ok, report)) = check_jats(&export.bytes, "sparse-pmc.xml") {
        assert!(!ok);
        assert!(report.contains("3 error(s)"), "{report}");
        assert!(report.contains("fpage-elocation check"), "{report}");
    }
}

#[test]
fn complete_document_has_the_expected_shape() {
    let export = write_jats(&complete_document(), &JatsOptions::default()).expect("export");
    let xml = String::from_utf8(export.bytes).expect("utf-8");
    assert!(xml.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE article PUBLIC \"-//NLM//DTD JATS (Z39.96) Journal Publishing DTD v1.3 20210610//EN\" \"https://jats.nlm.nih.gov/publishing/1.3/JATS-journalpublishing1-3.dtd\">"));
    assert!(xml.contains(
        "<article article-type=\"research-article\" dtd-version=\"1.3\" xml:lang=\"ar\""
    ));
    // Escaping, with Arabic text intact.
    assert!(xml.contains(
        "<article-title>أثر المياه الجوفية على الزراعة &amp; الري &lt;دراسة&gt;</article-title>"
    ));
    assert!(xml.contains("<trans-title>The Effect of \"Groundwater\" on Farming</trans-title>"));
    assert!(xml.contains("xlink:href=\"https://example.org/jrs/article/151?lang=ar&amp;v=1\""));
    // The references section is not in body; its groups are ref-lists.
    let body = xml
        .split("<body>")
        .nth(1)
        .and_then(|b| b.split("</body>").next())
        .expect("body");
    assert!(!body.contains("قائمة المصادر"));
    assert!(
        !body.contains("شكر وتقدير"),
        "acknowledgements belong in back"
    );
    assert!(
        xml.contains("<ref-list id=\"sec5\">\n        <title>قائمة المصادر</title>")
            || xml.contains("<title>قائمة المصادر</title>")
    );
    assert!(xml.contains("<ref-list id=\"refs1\">"));
    assert!(xml.contains("<title>المصادر العربية</title>"));
    assert!(xml.contains("<sec id=\"sec4\" sec-type=\"acknowledgments\">"));
    // Footnote markers become xrefs holding the label; an unlinked marker stays text.
    assert!(xml.contains(
        "يعتمد الري على المياه الجوفية<xref ref-type=\"fn\" rid=\"fn1\">١</xref> بشكل كبير"
    ));
    assert!(xml.contains("نص فرعي(٤)</p>"));
    assert!(export
        .warnings
        .iter()
        .any(|w| w.code == "unlinked-footnote-marker" && w.line == Some(32)));
    // A footnote keeps its text and links to the work it cites.
    assert!(xml
        .contains("<p>الحسني، سعاد. الري الحديث، ص ٢٢.<xref ref-type=\"bibr\" rid=\"ref1\"/></p>"));
    assert!(xml.contains("<p>ينظر: مقابلة شخصية &lt;غير منشورة&gt;.</p>"));
    // Every rid resolves to an id, and ids are unique.
    let ids = attr_values(&xml, " id=\"");
    let mut unique = ids.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(ids.len(), unique.len(), "duplicate ids: {ids:?}");
    for rid in attr_values(&xml, " rid=\"") {
        assert!(ids.contains(&rid), "rid {rid} does not resolve");
    }
}

#[test]
fn outputs_are_valid_against_the_project_jats_subset() {
    // The exporter's output must pass the validator that guards writing (convert).
    for (name, doc) in [
        ("complete", complete_document()),
        ("sparse", sparse_english_document()),
    ] {
        let export = write_jats(&doc, &JatsOptions::default()).expect("export");
        let report = papermeta::validate::jats::validate_jats(&export.bytes);
        let errors: Vec<_> = report.errors().collect();
        assert!(errors.is_empty(), "{name}: {errors:#?}");
    }
}

fn attr_values(xml: &str, key: &str) -> Vec<String> {
    xml.split(key)
        .skip(1)
        .filter_map(|s| s.split('"').next())
        .map(str::to_string)
        .collect()
}

#[test]
fn missing_journal_id_or_issn_fails_naming_the_key() {
    let mut doc = complete_document();
    if let Some(j) = doc.front.publication.journal.as_mut() {
        j.issn_print = None;
        j.issn_electronic = Some("  ".into());
    }
    match write_jats(&doc, &JatsOptions::default()) {
        Err(ExportError::MissingFact { format, key, .. }) => {
            assert_eq!(format, "JATS");
            assert_eq!(key, "journal.issn_print");
        }
        other => panic!("expected MissingFact, got {other:?}"),
    }
    doc.front.publication.journal = None;
    match write_jats(&doc, &JatsOptions::default()) {
        Err(ExportError::MissingFact { key, .. }) => assert_eq!(key, "journal.id"),
        other => panic!("expected MissingFact, got {other:?}"),
    }
}

#[test]
fn english_main_language_variant_passes_too() {
    let mut doc = complete_document();
    doc.front.language = "en".to_string();
    let export = write_jats(&doc, &JatsOptions::default()).expect("export");
    let xml = String::from_utf8(export.bytes.clone()).expect("utf-8");
    // The English title and abstract lead; the Arabic ones become translations.
    assert!(xml.contains("<article-title>The Effect of \"Groundwater\" on Farming</article-title>"));
    assert!(xml.contains("<trans-title-group xml:lang=\"ar\">"));
    assert!(xml.contains("<abstract xml:lang=\"en\">"));
    assert!(xml.contains("<trans-abstract xml:lang=\"ar\">"));
    // Arabic references now differ from the article language.
    assert!(xml.contains("<mixed-citation publication-type=\"book\" xml:lang=\"ar\">"));
    if let Some((ok, report)) = check_jats(&export.bytes, "english.xml") {
        assert!(ok, "check-jats failed:\n{report}");
    }
}
