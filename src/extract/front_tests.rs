//! Tests of the front-matter reader on small inline papers written for these tests, in Arabic
//! and English and in several layouts, plus a structural check of the bundled sample.

use super::*;
use crate::model::AcademicRank;

fn read(text: &str) -> Result<FrontMatter, ExtractError> {
    let lines = crate::extract::text::lines(text);
    let pages = crate::extract::pages::split_pages(&lines);
    extract_front_matter(&pages, "t.txt")
}

fn codes(fm: &FrontMatter) -> Vec<&str> {
    fm.warnings.iter().map(|w| w.code.as_str()).collect()
}

fn aff<'a>(front: &'a Front, id: &str) -> &'a Affiliation {
    front
        .affiliations
        .iter()
        .find(|a| a.id == id)
        .expect("affiliation")
}

const ENGLISH_PAPER: &str = "\
Water Scarcity and Regional Cooperation in the Tigris Basin

Jane Roe¹, Omar Haddad²* and Li Wei¹

¹ Department of Geography, University of Kent, Canterbury, UK
² College of Engineering, University of Baghdad, Baghdad, Iraq

Corresponding author: o.haddad@uobaghdad.edu.iq

Abstract
This paper examines how upstream dams change water sharing.
It argues that cooperation depends on data exchange.

Key words: water security; dams; Tigris.

1. Introduction
Rivers cross borders and so do their problems.
";

#[test]
fn reads_an_english_paper_with_numbered_affiliations() {
    let fm = read(ENGLISH_PAPER).unwrap();
    let f = &fm.front;
    assert_eq!(f.language, "en");
    assert_eq!(f.titles.len(), 1);
    assert_eq!(
        f.titles[0].text,
        "Water Scarcity and Regional Cooperation in the Tigris Basin"
    );
    let names: Vec<_> = f
        .contributors
        .iter()
        .map(|c| c.name.as_written.as_str())
        .collect();
    assert_eq!(names, ["Jane Roe", "Omar Haddad", "Li Wei"]);
    assert_eq!(f.contributors[1].name.family.as_deref(), Some("Haddad"));
    assert_eq!(f.contributors[1].name.given.as_deref(), Some("Omar"));
    let ids: Vec<_> = f.contributors.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(ids, ["c1", "c2", "c3"]);
    assert_eq!(f.contributors[0].affiliation_ids, ["aff1"]);
    assert_eq!(f.contributors[1].affiliation_ids, ["aff2"]);
    assert_eq!(f.contributors[2].affiliation_ids, ["aff1"]);
    let kent = aff(f, "aff1");
    assert_eq!(kent.department.as_deref(), Some("Department of Geography"));
    assert_eq!(kent.institution.as_deref(), Some("University of Kent"));
    assert_eq!(kent.country.as_deref(), Some("UK"));
    let baghdad = aff(f, "aff2");
    assert_eq!(baghdad.faculty.as_deref(), Some("College of Engineering"));
    assert_eq!(baghdad.city.as_deref(), Some("Baghdad"));
    assert_eq!(baghdad.country.as_deref(), Some("Iraq"));
    assert_eq!(
        f.contributors[1].email.as_deref(),
        Some("o.haddad@uobaghdad.edu.iq")
    );
    assert!(f.contributors[1].corresponding);
    assert!(!f.contributors[0].corresponding);
    assert_eq!(f.abstracts.len(), 1);
    assert_eq!(f.abstracts[0].lang, "en");
    assert_eq!(
        f.abstracts[0].text,
        "This paper examines how upstream dams change water sharing.\nIt argues that cooperation depends on data exchange."
    );
    assert_eq!(f.keywords[0].keywords, ["water security", "dams", "Tigris"]);
    assert_eq!(fm.body_start_line, 16);
    assert!(codes(&fm).is_empty(), "{:?}", fm.warnings);
}

const ARABIC_PAPER: &str = "\
السياسة المائية التركية وانعكاساتها على الأمن الغذائي

أ.م.د سعاد كريم عبد الرحيم
قسم الجغرافية
كلية التربية للبنات / جامعة الكوفة
suad.kareem@uokufa.edu.iq

المستخلص
تتناول الدراسة أثر السدود على الزراعة.
وتقترح حلولا للتعاون.

الكلمات الدالة: المياه، الأمن الغذائي، تركيا

Turkish Water Policy and Food Security

Asst. Prof. Dr. Suad Kareem Abdulrahim

Abstract: The study deals with the effect of dams on farming.

Keywords: water, food security, Turkey.

المقدمة
تعد المياه موردا مهما.
";

#[test]
fn reads_an_arabic_paper_with_a_translated_title() {
    let fm = read(ARABIC_PAPER).unwrap();
    let f = &fm.front;
    assert_eq!(f.language, "ar");
    let titles: Vec<_> = f
        .titles
        .iter()
        .map(|t| (t.lang.as_str(), t.text.as_str()))
        .collect();
    assert_eq!(
        titles,
        [
            ("ar", "السياسة المائية التركية وانعكاساتها على الأمن الغذائي"),
            ("en", "Turkish Water Policy and Food Security")
        ]
    );
    assert_eq!(f.contributors.len(), 1);
    let c = &f.contributors[0];
    let prefix = c.prefix.as_ref().unwrap();
    assert_eq!(prefix.as_written, "أ.م.د");
    assert_eq!(prefix.meaning, Some(AcademicRank::AssistantProfessor));
    assert_eq!(c.name.given.as_deref(), Some("سعاد كريم"));
    assert_eq!(c.name.family.as_deref(), Some("عبد الرحيم"));
    assert_eq!(c.email.as_deref(), Some("suad.kareem@uokufa.edu.iq"));
    assert_eq!(c.alt_names.len(), 1);
    assert_eq!(c.alt_names[0].as_written, "Suad Kareem Abdulrahim");
    assert_eq!(c.alt_names[0].lang, "en");
    // The three stacked lines are one affiliation.
    assert_eq!(f.affiliations.len(), 1);
    let a = &f.affiliations[0];
    assert_eq!(a.department.as_deref(), Some("قسم الجغرافية"));
    assert_eq!(a.faculty.as_deref(), Some("كلية التربية للبنات"));
    assert_eq!(a.institution.as_deref(), Some("جامعة الكوفة"));
    assert_eq!(c.affiliation_ids, ["aff1"]);
    let abstracts: Vec<_> = f
        .abstracts
        .iter()
        .map(|t| (t.lang.as_str(), t.text.as_str()))
        .collect();
    assert_eq!(
        abstracts,
        [
            (
                "ar",
                "تتناول الدراسة أثر السدود على الزراعة.\nوتقترح حلولا للتعاون."
            ),
            ("en", "The study deals with the effect of dams on farming.")
        ]
    );
    assert_eq!(f.keywords.len(), 2);
    assert_eq!(f.keywords[0].lang, "ar");
    assert_eq!(f.keywords[0].keywords, ["المياه", "الأمن الغذائي", "تركيا"]);
    assert_eq!(f.keywords[1].keywords, ["water", "food security", "Turkey"]);
    assert_eq!(fm.body_start_line, 22);
}

const STAR_NOTES: &str = "\
الأمن المائي في حوض الفرات

* م.م هدى سالم جواد *

جامعة بابل / كلية القانون

* م.د كريم عباس ناجي *

جامعة بابل / كلية القانون

الملخص: تبحث الدراسة في الأمن المائي.

الكلمات المفتاحية: المياه، الأمن.

المقدمة :

تمثل المياه موردا استراتيجيا.

* قسم القانون العام/ كلية القانون/ جامعة بابل / kareem.abbas@uobabylon.edu.iq
* قسم القانون الخاص/ كلية القانون/ جامعة بابل / huda.salim@uobabylon.edu.iq
* مكتب المجلة / office@uobabylon.edu.iq
";

#[test]
fn matches_star_notes_by_name_and_splits_shared_affiliations() {
    let fm = read(STAR_NOTES).unwrap();
    let f = &fm.front;
    assert_eq!(f.contributors.len(), 2);
    let (huda, kareem) = (&f.contributors[0], &f.contributors[1]);
    assert_eq!(huda.email.as_deref(), Some("huda.salim@uobabylon.edu.iq"));
    assert_eq!(
        kareem.email.as_deref(),
        Some("kareem.abbas@uobabylon.edu.iq")
    );
    assert_eq!(
        kareem.prefix.as_ref().unwrap().meaning,
        Some(AcademicRank::LecturerDoctor)
    );
    // Same printed affiliation, different departments: each author gets their own.
    let dep = |c: &Contributor| {
        aff(f, &c.affiliation_ids[0])
            .department
            .clone()
            .unwrap_or_default()
    };
    assert_eq!(dep(huda), "قسم القانون الخاص");
    assert_eq!(dep(kareem), "قسم القانون العام");
    assert_eq!(
        aff(f, &huda.affiliation_ids[0]).faculty.as_deref(),
        Some("كلية القانون")
    );
    assert_eq!(f.author_notes.len(), 3);
    assert_eq!(f.author_notes[0].contributor_id.as_deref(), Some("c2"));
    assert_eq!(f.author_notes[1].contributor_id.as_deref(), Some("c1"));
    assert_eq!(f.author_notes[2].contributor_id, None);
    assert_eq!(
        f.author_notes[2].email.as_deref(),
        Some("office@uobabylon.edu.iq")
    );
    assert!(codes(&fm).contains(&"email-unmatched"));
    assert_eq!(fm.body_start_line, 15);
}

#[test]
fn reads_author_notes_from_the_footnote_zone() {
    let text = "\
عنوان تجريبي عن الاقتصاد الريعي
* م.م علي حسين كاظم *
جامعة البصرة / كلية الإدارة والاقتصاد
الملخص: نص قصير.
المقدمة
نص.
* قسم الاقتصاد / كلية الإدارة والاقتصاد / جامعة البصرة
ali.hussein@uobasrah.edu.iq";
    let lines = crate::extract::text::lines(text);
    let (body, notes) = lines.split_at(6);
    let pages = vec![PageLines {
        number: 1,
        span: Span::lines(1, 8),
        body: body.to_vec(),
        notes: notes.to_vec(),
    }];
    let fm = extract_front_matter(&pages, "z.txt").unwrap();
    let c = &fm.front.contributors[0];
    assert_eq!(c.email.as_deref(), Some("ali.hussein@uobasrah.edu.iq"));
    let a = aff(&fm.front, &c.affiliation_ids[0]);
    assert_eq!(a.department.as_deref(), Some("قسم الاقتصاد"));
    assert_eq!(a.institution.as_deref(), Some("جامعة البصرة"));
    assert_eq!(fm.front.author_notes.len(), 1);
    assert_eq!(fm.front.author_notes[0].source, Some(Span::lines(7, 8)));
    assert_eq!(fm.body_start_line, 5);
}

#[test]
fn reads_unmarked_names_before_an_affiliation() {
    let text = "\
Trade Routes of the Gulf in Late Antiquity

Sara Nasser and Karim Aziz
University of Basrah, Iraq

Summary - The paper follows trade routes.

Introduction
";
    let fm = read(text).unwrap();
    let f = &fm.front;
    assert_eq!(
        f.titles[0].text,
        "Trade Routes of the Gulf in Late Antiquity"
    );
    let names: Vec<_> = f
        .contributors
        .iter()
        .map(|c| c.name.as_written.as_str())
        .collect();
    assert_eq!(names, ["Sara Nasser", "Karim Aziz"]);
    assert!(f.contributors.iter().all(|c| c.affiliation_ids == ["aff1"]));
    assert!(f.contributors.iter().all(|c| c.prefix.is_none()));
    assert_eq!(f.abstracts[0].text, "The paper follows trade routes.");
    assert!(f.keywords.is_empty());
    assert_eq!(fm.body_start_line, 8);
}

#[test]
fn reads_a_wrapped_title_and_several_authors_on_one_line() {
    let text = "\
التحولات الاجتماعية في المدن العراقية
بعد عام ألفين وثلاثة
د. ليلى حامد¹، أ.د مازن فاضل²
١ جامعة بغداد / كلية الآداب
٢ الجامعة المستنصرية / كلية التربية
ملخص البحث
يدرس البحث التحولات.
كلمات مفتاحية: المدينة؛ المجتمع
";
    let fm = read(text).unwrap();
    let f = &fm.front;
    assert_eq!(
        f.titles[0].text,
        "التحولات الاجتماعية في المدن العراقية بعد عام ألفين وثلاثة"
    );
    assert_eq!(f.titles[0].source, Some(Span::lines(1, 2)));
    assert_eq!(f.contributors.len(), 2);
    assert_eq!(f.contributors[0].prefix.as_ref().unwrap().as_written, "د.");
    assert_eq!(
        f.contributors[1].prefix.as_ref().unwrap().meaning,
        Some(AcademicRank::Professor)
    );
    assert_eq!(f.contributors[1].name.as_written, "مازن فاضل");
    let inst = |c: &Contributor| aff(f, &c.affiliation_ids[0]).institution.clone();
    assert_eq!(inst(&f.contributors[0]).as_deref(), Some("جامعة بغداد"));
    assert_eq!(
        inst(&f.contributors[1]).as_deref(),
        Some("الجامعة المستنصرية")
    );
    assert_eq!(f.keywords[0].keywords, ["المدينة", "المجتمع"]);
    assert!(codes(&fm).is_empty(), "{:?}", fm.warnings);
}

#[test]
fn warns_about_what_it_guessed() {
    let text = "\
A Short Note on Method

Dr. Ann Lee

Introduction
Text.
";
    let fm = read(text).unwrap();
    assert_eq!(fm.front.contributors.len(), 1);
    let c = codes(&fm);
    assert!(c.contains(&"abstract-missing"), "{c:?}");
    assert!(c.contains(&"author-without-affiliation"), "{c:?}");
    assert_eq!(fm.body_start_line, 5);
}

#[test]
fn refuses_files_without_a_title() {
    for (text, detail) in [
        (
            "\n\nAbstract: a paper without a title.\n",
            "an abstract label",
        ),
        ("الكلمات المفتاحية: أ، ب\n", "a keyword label"),
        ("(1) ينظر: المصدر.\n", "a footnote"),
        ("* قسم التاريخ / جامعة الموصل\n", "a footnote"),
        (&"word ".repeat(80), "a line of 80 words"),
        ("  \n \n", "the input has no text line"),
    ] {
        match read(text) {
            Err(ExtractError::NoTitle { detail: d, .. }) => assert_eq!(d, detail, "{text}"),
            other => panic!("{text}: {other:?}"),
        }
    }
}

#[test]
fn reads_the_bundled_sample_structurally() {
    // The sample's words are not repeated here: expectations are taken from its lines.
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/samples/political-issues-000.txt"
    );
    let Ok(text) = std::fs::read_to_string(path) else {
        return;
    };
    let lines = crate::extract::text::lines(&text);
    let line = |n: usize| lines[n - 1].text.trim();
    let fm = read(&text).unwrap();
    let f = &fm.front;
    assert_eq!(f.language, "ar");
    assert_eq!(f.titles.len(), 1);
    assert_eq!(f.titles[0].text, line(5));
    assert_eq!(f.contributors.len(), 2);
    for c in &f.contributors {
        assert_eq!(c.prefix.as_ref().unwrap().as_written, "م.م");
        let a = aff(f, &c.affiliation_ids[0]);
        assert!(a.institution.is_some() && a.faculty.is_some() && a.department.is_some());
        let email = c.email.as_deref().unwrap();
        assert!(affil::email_name_score(email, &c.name.as_written) >= EMAIL_MATCH_THRESHOLD);
    }
    // The notes come in reverse author order: the first author's email is on the later line.
    let c1 = f.contributors[0].email.as_deref().unwrap();
    assert!(line(31).contains(c1));
    assert_eq!(f.abstracts.len(), 2);
    assert_eq!(f.abstracts[0].text, line(17));
    assert!(line(21).ends_with(f.abstracts[1].text.as_str()));
    assert_eq!(
        f.keywords
            .iter()
            .map(|g| g.keywords.len())
            .collect::<Vec<_>>(),
        [5, 5]
    );
    assert_eq!(fm.body_start_line, 25);
    assert!(fm.warnings.is_empty(), "{:?}", fm.warnings);
}

#[test]
fn reads_affiliations_and_emails_printed_on_author_lines() {
    let text = "\
Oil Rents and State Capacity

Dr. Ann Lee, University of Leeds, Leeds, UK
Prof. Samir Khalil - Faculty of Economics, Cairo University
Mona Aziz, mona.aziz@aucegypt.edu

Abstract: A comparison of two rentier states.
";
    let fm = read(text).unwrap();
    let f = &fm.front;
    let names: Vec<_> = f
        .contributors
        .iter()
        .map(|c| c.name.as_written.as_str())
        .collect();
    assert_eq!(names, ["Ann Lee", "Samir Khalil", "Mona Aziz"]);
    let a1 = aff(f, &f.contributors[0].affiliation_ids[0]);
    assert_eq!(a1.institution.as_deref(), Some("University of Leeds"));
    assert_eq!(a1.country.as_deref(), Some("UK"));
    let a2 = aff(f, &f.contributors[1].affiliation_ids[0]);
    assert_eq!(a2.faculty.as_deref(), Some("Faculty of Economics"));
    assert_eq!(a2.institution.as_deref(), Some("Cairo University"));
    assert_eq!(
        f.contributors[2].email.as_deref(),
        Some("mona.aziz@aucegypt.edu")
    );
    assert!(f.contributors[2].affiliation_ids.is_empty());
    assert_eq!(
        f.contributors[1].prefix.as_ref().unwrap().meaning,
        Some(AcademicRank::Professor)
    );
}

#[test]
fn inline_affiliation_on_an_arabic_author_line() {
    let text = "\
الإصلاح الإداري في المؤسسات العامة
أ.د علي حسن جبار / جامعة الموصل / كلية الحقوق
الملخص: نص.
";
    let fm = read(text).unwrap();
    let f = &fm.front;
    assert_eq!(f.contributors.len(), 1);
    assert_eq!(f.contributors[0].name.as_written, "علي حسن جبار");
    let a = aff(f, &f.contributors[0].affiliation_ids[0]);
    assert_eq!(a.raw, "جامعة الموصل / كلية الحقوق");
    assert_eq!(a.institution.as_deref(), Some("جامعة الموصل"));
    assert_eq!(a.faculty.as_deref(), Some("كلية الحقوق"));
}
