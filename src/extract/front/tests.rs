//! Tests of the front-matter reader on small inline papers written for these tests, in Arabic
//! and English and in several layouts, plus a structural check of the bundled sample.

use super::emails::{email_name_score, EMAIL_MATCH_THRESHOLD};
use super::*;
use crate::model::{AcademicRank, Affiliation, Contributor, HistoryKind, Script, Span};

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
    assert_eq!(c.alt_names[0].lang, "ar-Latn");
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
    let text = std::fs::read_to_string(path).expect("the bundled sample is readable");
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
        assert!(email_name_score(email, &c.name.as_written) >= EMAIL_MATCH_THRESHOLD);
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

// ---------------------------------------------------------------------------------------------
// Round 2: front-matter blocks laid out the way Arab university journals and English journals
// print them. Every name, title and address below is invented for these tests.

fn names_of(f: &Front) -> Vec<&str> {
    f.contributors
        .iter()
        .map(|c| c.name.as_written.as_str())
        .collect()
}

fn rank_of(c: &Contributor) -> Option<AcademicRank> {
    c.prefix.as_ref().and_then(|p| p.meaning)
}

const IRAQI_WITH_ENGLISH_PAGE: &str = "\
السياسة الخارجية الإيرانية تجاه دول الجوار بعد عام ٢٠٠٣

أ.م.د. علي حسين الجبوري
جامعة بغداد / كلية العلوم السياسية / قسم النظم السياسية
م.م. زينب كاظم عبد الله
الجامعة المستنصرية / كلية القانون
ali.aljubouri@uobaghdad.edu.iq
zainab.kadhim@uomustansiriyah.edu.iq

الملخص
يتناول البحث السياسة الخارجية الإيرانية.

الكلمات المفتاحية : إيران، السياسة الخارجية، الجوار

Iranian Foreign Policy towards Neighbouring States after 2003
Assist. Prof. Dr. Ali Hussein Al-Jubouri
University of Baghdad / College of Political Science
Asst. Lect. Zainab Kadhim Abdullah
Al-Mustansiriyah University / College of Law

ABSTRACT:
The research deals with Iranian foreign policy.

KEYWORDS - Iran, foreign policy, neighbours

المقدمة
نص.
";

#[test]
fn english_page_adds_translated_title_and_latin_names() {
    let fm = read(IRAQI_WITH_ENGLISH_PAGE).unwrap();
    let f = &fm.front;
    let titles: Vec<_> = f
        .titles
        .iter()
        .map(|t| (t.lang.as_str(), t.text.as_str()))
        .collect();
    assert_eq!(
        titles,
        [
            (
                "ar",
                "السياسة الخارجية الإيرانية تجاه دول الجوار بعد عام ٢٠٠٣"
            ),
            (
                "en",
                "Iranian Foreign Policy towards Neighbouring States after 2003"
            )
        ]
    );
    assert_eq!(names_of(f), ["علي حسين الجبوري", "زينب كاظم عبد الله"]);
    let (ali, zainab) = (&f.contributors[0], &f.contributors[1]);
    assert_eq!(ali.prefix.as_ref().unwrap().as_written, "أ.م.د.");
    assert_eq!(rank_of(ali), Some(AcademicRank::AssistantProfessor));
    assert_eq!(rank_of(zainab), Some(AcademicRank::AssistantLecturer));
    assert_eq!(zainab.name.family.as_deref(), Some("عبد الله"));
    let alt = |c: &Contributor| {
        assert_eq!(c.alt_names.len(), 1, "{:?}", c.alt_names);
        let a = &c.alt_names[0];
        assert_eq!((a.script, a.lang.as_str()), (Script::Latin, "ar-Latn"));
        (
            a.as_written.clone(),
            a.given.clone().unwrap_or_default(),
            a.family.clone().unwrap_or_default(),
        )
    };
    assert_eq!(
        alt(ali),
        (
            "Ali Hussein Al-Jubouri".to_string(),
            "Ali Hussein".to_string(),
            "Al-Jubouri".to_string()
        )
    );
    assert_eq!(
        alt(zainab),
        (
            "Zainab Kadhim Abdullah".to_string(),
            "Zainab Kadhim".to_string(),
            "Abdullah".to_string()
        )
    );
    // The Latin affiliations are translations, not new affiliations.
    assert_eq!(f.affiliations.len(), 2);
    assert!(f.affiliations.iter().all(|a| a.lang == "ar"));
    let a1 = aff(f, &ali.affiliation_ids[0]);
    assert_eq!(a1.department.as_deref(), Some("قسم النظم السياسية"));
    assert_eq!(a1.faculty.as_deref(), Some("كلية العلوم السياسية"));
    assert_eq!(a1.institution.as_deref(), Some("جامعة بغداد"));
    let a2 = aff(f, &zainab.affiliation_ids[0]);
    assert_eq!(a2.institution.as_deref(), Some("الجامعة المستنصرية"));
    assert_eq!(ali.email.as_deref(), Some("ali.aljubouri@uobaghdad.edu.iq"));
    assert_eq!(
        zainab.email.as_deref(),
        Some("zainab.kadhim@uomustansiriyah.edu.iq")
    );
    let abstracts: Vec<_> = f.abstracts.iter().map(|a| a.lang.as_str()).collect();
    assert_eq!(abstracts, ["ar", "en"]);
    assert_eq!(
        f.abstracts[1].text,
        "The research deals with Iranian foreign policy."
    );
    assert_eq!(
        f.keywords[0].keywords,
        ["إيران", "السياسة الخارجية", "الجوار"]
    );
    assert_eq!(
        f.keywords[1].keywords,
        ["Iran", "foreign policy", "neighbours"]
    );
    assert_eq!(fm.body_start_line, 26);
    assert!(codes(&fm).is_empty(), "{:?}", fm.warnings);
}

/// Latin names printed in a different order than the Arabic ones still go to the right author
/// (position is only the first guess; romanization decides).
#[test]
fn latin_names_follow_romanization_over_position() {
    let text = "\
الأحزاب السياسية والتحول الديمقراطي
م.د. حيدر صالح مهدي
م.م. سلوى جبار عيسى
جامعة الكوفة / كلية القانون
الملخص: نص عربي قصير.
Political Parties and Democratic Transition
Salwa Jabbar Issa
Haider Salih Mahdi
Abstract: A short English text.
";
    let fm = read(text).unwrap();
    let f = &fm.front;
    let alt = |i: usize| {
        f.contributors[i]
            .alt_names
            .first()
            .map(|a| a.as_written.as_str())
    };
    assert_eq!(alt(0), Some("Haider Salih Mahdi"));
    assert_eq!(alt(1), Some("Salwa Jabbar Issa"));
    assert_eq!(
        f.contributors[0].alt_names[0].family.as_deref(),
        Some("Mahdi")
    );
}

#[test]
fn one_line_author_with_affiliation_and_history_lines() {
    let text = "\
مجلة العلوم السياسية - المجلد ٣٢ - العدد ٦٥ - السنة ٢٠٢٣
الحوكمة الرشيدة ومكافحة الفساد في العراق:
دراسة في الآليات المؤسسية
أ.م.د. عادل حميد الربيعي / جامعة بغداد / كلية العلوم السياسية
تاريخ الاستلام: ١٢/٣/٢٠٢٣      تاريخ القبول: ٢٠/٥/٢٠٢٣
ملخص:
يدرس البحث آليات مكافحة الفساد.
كلمات مفتاحية: الحوكمة، الفساد،
المؤسسات، العراق
المقدمة
نص.
";
    let fm = read(text).unwrap();
    let f = &fm.front;
    assert_eq!(f.titles.len(), 1);
    assert_eq!(
        f.titles[0].text,
        "الحوكمة الرشيدة ومكافحة الفساد في العراق: دراسة في الآليات المؤسسية"
    );
    assert_eq!(f.titles[0].source, Some(Span::lines(2, 3)));
    assert_eq!(names_of(f), ["عادل حميد الربيعي"]);
    let c = &f.contributors[0];
    assert_eq!(c.prefix.as_ref().unwrap().as_written, "أ.م.د.");
    let a = aff(f, &c.affiliation_ids[0]);
    assert_eq!(a.institution.as_deref(), Some("جامعة بغداد"));
    assert_eq!(a.faculty.as_deref(), Some("كلية العلوم السياسية"));
    assert_eq!(f.affiliations.len(), 1);
    assert_eq!(f.abstracts[0].text, "يدرس البحث آليات مكافحة الفساد.");
    assert_eq!(
        f.keywords[0].keywords,
        ["الحوكمة", "الفساد", "المؤسسات", "العراق"]
    );
    assert_eq!(fm.body_start_line, 10);
}

#[test]
fn researcher_prefixes_and_two_authors_on_one_line() {
    let text = "\
التنمية المستدامة في التشريعات البيئية العربية
الباحثة سارة محمود حسن و أ.د. كريم عبد الأمير الساعدي
جامعة بابل / كلية القانون
البريد الإلكتروني: sara.mahmood@uobabylon.edu.iq ، kareem.alsaadi@uobabylon.edu.iq
الملخص
تبحث الدراسة في التشريعات البيئية.
الكلمات المفتاحية: البيئة، التنمية
";
    let fm = read(text).unwrap();
    let f = &fm.front;
    assert_eq!(names_of(f), ["سارة محمود حسن", "كريم عبد الأمير الساعدي"]);
    assert_eq!(rank_of(&f.contributors[0]), Some(AcademicRank::Researcher));
    assert_eq!(rank_of(&f.contributors[1]), Some(AcademicRank::Professor));
    assert_eq!(
        f.contributors[0].email.as_deref(),
        Some("sara.mahmood@uobabylon.edu.iq")
    );
    assert_eq!(
        f.contributors[1].email.as_deref(),
        Some("kareem.alsaadi@uobabylon.edu.iq")
    );
    assert!(f.contributors.iter().all(|c| c.affiliation_ids == ["aff1"]));
    assert_eq!(f.abstracts[0].text, "تبحث الدراسة في التشريعات البيئية.");
    assert!(codes(&fm).is_empty(), "{:?}", fm.warnings);
}

#[test]
fn researcher_slash_prefix_and_comma_separated_authors() {
    let text = "\
أثر الإعلام الرقمي في المشاركة السياسية للشباب
الباحث/ة رنا فؤاد جميل، م.م. مصطفى قاسم عباس
جامعة ديالى - كلية التربية - قسم التاريخ - ديالى - العراق
البريد الالكتروني : rana.fuad@uodiyala.edu.iq
ملخص البحث
يدرس البحث أثر الإعلام الرقمي.
";
    let fm = read(text).unwrap();
    let f = &fm.front;
    assert_eq!(names_of(f), ["رنا فؤاد جميل", "مصطفى قاسم عباس"]);
    let p = f.contributors[0].prefix.as_ref().unwrap();
    assert_eq!(
        (p.as_written.as_str(), p.meaning),
        ("الباحث/ة", Some(AcademicRank::Researcher))
    );
    assert_eq!(
        rank_of(&f.contributors[1]),
        Some(AcademicRank::AssistantLecturer)
    );
    let a = &f.affiliations[0];
    assert_eq!(a.department.as_deref(), Some("قسم التاريخ"));
    assert_eq!(a.faculty.as_deref(), Some("كلية التربية"));
    assert_eq!(a.institution.as_deref(), Some("جامعة ديالى"));
    assert_eq!(a.city.as_deref(), Some("ديالى"));
    assert_eq!(a.country.as_deref(), Some("العراق"));
    assert_eq!(
        f.contributors[0].email.as_deref(),
        Some("rana.fuad@uodiyala.edu.iq")
    );
    assert_eq!(f.contributors[1].email, None);
}

#[test]
fn english_journal_header_ranks_orcid_and_dash_labels() {
    let text = "\
Journal of Political Studies, Vol. 12, No. 2 (2022), pp. 45-70
Populism and Party Systems in the Middle East:
A Comparative Perspective
Assoc. Prof. Dr. Layla Hassan¹ and Lect. Omar Saleh²
¹ Department of International Relations, College of Political Science, University of Mosul, Mosul, Iraq
² College of Law, University of Duhok, Duhok, Iraq
E-mail: layla.hassan@uomosul.edu.iq; omar.saleh@uod.ac
ORCID: 0000-0002-1825-0097 (Layla Hassan)
Received: 3 March 2022; Accepted: 1 May 2022
Abstract— This paper compares populist parties in three states.
Keywords— populism; party systems;
Middle East; elections
I. Introduction
Text.
";
    let fm = read(text).unwrap();
    let f = &fm.front;
    assert_eq!(
        f.titles[0].text,
        "Populism and Party Systems in the Middle East: A Comparative Perspective"
    );
    assert_eq!(f.titles.len(), 1);
    assert_eq!(names_of(f), ["Layla Hassan", "Omar Saleh"]);
    let (layla, omar) = (&f.contributors[0], &f.contributors[1]);
    assert_eq!(
        layla.prefix.as_ref().unwrap().as_written,
        "Assoc. Prof. Dr."
    );
    assert_eq!(rank_of(layla), Some(AcademicRank::AssociateProfessor));
    assert_eq!(rank_of(omar), Some(AcademicRank::Lecturer));
    assert_eq!(layla.orcid.as_deref(), Some("0000-0002-1825-0097"));
    assert_eq!(omar.orcid, None);
    assert_eq!(layla.email.as_deref(), Some("layla.hassan@uomosul.edu.iq"));
    assert_eq!(omar.email.as_deref(), Some("omar.saleh@uod.ac"));
    let a1 = aff(f, &layla.affiliation_ids[0]);
    assert_eq!(
        a1.department.as_deref(),
        Some("Department of International Relations")
    );
    assert_eq!(a1.city.as_deref(), Some("Mosul"));
    let a2 = aff(f, &omar.affiliation_ids[0]);
    assert_eq!(a2.institution.as_deref(), Some("University of Duhok"));
    assert_eq!(
        f.abstracts[0].text,
        "This paper compares populist parties in three states."
    );
    assert_eq!(
        f.keywords[0].keywords,
        ["populism", "party systems", "Middle East", "elections"]
    );
    assert_eq!(fm.body_start_line, 13);
}

#[test]
fn orcid_url_line_goes_to_the_author_above_it() {
    let text = "\
Tribal Authority and the Modern State in Southern Iraq

Asst. Lect. Noor Kadhim Jawad (noor.kadhim@uokufa.edu.iq)
https://orcid.org/0000-0001-5109-3700
University of Kufa, Faculty of Arts, Najaf, Iraq

ABSTRACT
The study traces tribal mediation after 2003.

Key Words: tribes, state building, Iraq
";
    let fm = read(text).unwrap();
    let f = &fm.front;
    assert_eq!(names_of(f), ["Noor Kadhim Jawad"]);
    let c = &f.contributors[0];
    assert_eq!(rank_of(c), Some(AcademicRank::AssistantLecturer));
    assert_eq!(c.email.as_deref(), Some("noor.kadhim@uokufa.edu.iq"));
    assert_eq!(c.orcid.as_deref(), Some("0000-0001-5109-3700"));
    let a = aff(f, &c.affiliation_ids[0]);
    assert_eq!(a.institution.as_deref(), Some("University of Kufa"));
    assert_eq!(a.faculty.as_deref(), Some("Faculty of Arts"));
    assert_eq!(a.city.as_deref(), Some("Najaf"));
    assert_eq!(
        f.abstracts[0].text,
        "The study traces tribal mediation after 2003."
    );
    assert_eq!(f.keywords[0].keywords, ["tribes", "state building", "Iraq"]);
}

#[test]
fn superscript_and_digit_labels_on_arabic_names() {
    let text = "\
الهجرة الداخلية وأثرها في التخطيط الحضري
م.د. نادية سامي رشيد¹ ، أ.م. هاشم جواد كريم²
¹ جامعة الموصل / كلية التربية للعلوم الإنسانية / قسم الجغرافية
² جامعة تكريت / كلية الآداب
المستخلص:
تبحث الدراسة أنماط الهجرة.
الكلمات الدالة: الهجرة؛ التخطيط الحضري؛ المدن
";
    let fm = read(text).unwrap();
    let f = &fm.front;
    assert_eq!(names_of(f), ["نادية سامي رشيد", "هاشم جواد كريم"]);
    let inst = |i: usize| {
        aff(f, &f.contributors[i].affiliation_ids[0])
            .institution
            .clone()
    };
    assert_eq!(inst(0).as_deref(), Some("جامعة الموصل"));
    assert_eq!(inst(1).as_deref(), Some("جامعة تكريت"));
    assert_eq!(
        aff(f, &f.contributors[0].affiliation_ids[0])
            .department
            .as_deref(),
        Some("قسم الجغرافية")
    );
    assert_eq!(
        f.keywords[0].keywords,
        ["الهجرة", "التخطيط الحضري", "المدن"]
    );

    let text = "\
Sectarian Balancing in Post-War Lebanon
Rami Khoury1, Dina Haddad2
1 Department of Political Science, American University of Beirut, Beirut, Lebanon
2 Faculty of Law, Lebanese University, Beirut, Lebanon
Abstract
The article reviews power sharing.
";
    let fm = read(text).unwrap();
    let f = &fm.front;
    assert_eq!(names_of(f), ["Rami Khoury", "Dina Haddad"]);
    assert_eq!(
        aff(f, &f.contributors[1].affiliation_ids[0])
            .faculty
            .as_deref(),
        Some("Faculty of Law")
    );
    assert_eq!(
        aff(f, &f.contributors[0].affiliation_ids[0])
            .country
            .as_deref(),
        Some("Lebanon")
    );
}

#[test]
fn arabic_label_alone_and_keywords_wrapping_without_separator() {
    let text = "\
الرقابة البرلمانية على أعمال الحكومة
في النظام الدستوري العراقي
م. أحمد ناظم سلمان
جامعة القادسية / كلية القانون
Email: ahmed.nadhim@qu.edu.iq
الملخص
تتناول الدراسة الرقابة البرلمانية.

وتنتهي بتوصيات.
الكلمات المفتاحية:
الرقابة البرلمانية، الاستجواب، السؤال البرلماني
، سحب الثقة
The Parliamentary Oversight of Government Acts in the Iraqi Constitutional System
Lect. Ahmed Nadhim Salman
Abstract
The study deals with parliamentary oversight.
Key Words: parliamentary oversight, interpellation
المقدمة
نص.
";
    let fm = read(text).unwrap();
    let f = &fm.front;
    assert_eq!(
        f.titles[0].text,
        "الرقابة البرلمانية على أعمال الحكومة في النظام الدستوري العراقي"
    );
    assert_eq!(f.titles[1].lang, "en");
    let c = &f.contributors[0];
    assert_eq!(rank_of(c), Some(AcademicRank::Lecturer));
    assert_eq!(c.email.as_deref(), Some("ahmed.nadhim@qu.edu.iq"));
    assert_eq!(c.alt_names[0].as_written, "Ahmed Nadhim Salman");
    assert_eq!(
        f.abstracts[0].text,
        "تتناول الدراسة الرقابة البرلمانية.\n\nوتنتهي بتوصيات."
    );
    assert_eq!(
        f.keywords[0].keywords,
        [
            "الرقابة البرلمانية",
            "الاستجواب",
            "السؤال البرلماني",
            "سحب الثقة"
        ]
    );
    assert_eq!(
        f.keywords[1].keywords,
        ["parliamentary oversight", "interpellation"]
    );
    assert_eq!(fm.body_start_line, 18);
}

#[test]
fn english_paper_with_arabic_summary_and_keyword_wrap() {
    let text = "\
Electoral Systems and Minority Representation in Iraq

Dr. Yusuf Adel Karim
Department of Political Systems, College of Political Science, Al-Qadisiyah University, Diwaniyah, Iraq
Email: yusuf.adel@qu.edu.iq, Received: 10 January 2021, Accepted: 2 March 2021

Abstract: This study examines quota seats for minorities.

Keywords: electoral systems, quota, minorities, representation,
Iraq
الأنظمة الانتخابية وتمثيل الأقليات في العراق
ملخص: تدرس هذه الدراسة مقاعد الكوتا.
الكلمات المفتاحية: الأنظمة الانتخابية، الكوتا
1. Introduction
Text.
";
    let fm = read(text).unwrap();
    let f = &fm.front;
    assert_eq!(f.language, "en");
    let titles: Vec<_> = f.titles.iter().map(|t| t.lang.as_str()).collect();
    assert_eq!(titles, ["en", "ar"]);
    assert_eq!(
        f.titles[1].text,
        "الأنظمة الانتخابية وتمثيل الأقليات في العراق"
    );
    let c = &f.contributors[0];
    assert_eq!(c.email.as_deref(), Some("yusuf.adel@qu.edu.iq"));
    let a = aff(f, &c.affiliation_ids[0]);
    assert_eq!(
        a.department.as_deref(),
        Some("Department of Political Systems")
    );
    assert_eq!(a.institution.as_deref(), Some("Al-Qadisiyah University"));
    assert_eq!(a.city.as_deref(), Some("Diwaniyah"));
    assert_eq!(
        f.keywords[0].keywords,
        [
            "electoral systems",
            "quota",
            "minorities",
            "representation",
            "Iraq"
        ]
    );
    assert_eq!(f.abstracts[1].lang, "ar");
    assert_eq!(f.keywords[1].keywords, ["الأنظمة الانتخابية", "الكوتا"]);
    assert_eq!(fm.body_start_line, 14);
}

#[test]
fn english_block_in_the_header_before_the_arabic_abstract() {
    let text = "\
دور المجتمع المدني في بناء السلام
م.د. فاطمة عدنان ياسين (1)
(1) جامعة الكوفة / كلية العلوم السياسية
The Role of Civil Society in Peace Building
Fatima Adnan Yaseen / University of Kufa
fatima.adnan@uokufa.edu.iq
ملخص: يدرس البحث دور المجتمع المدني.
Abstract: The research studies civil society.
";
    let fm = read(text).unwrap();
    let f = &fm.front;
    let titles: Vec<_> = f
        .titles
        .iter()
        .map(|t| (t.lang.as_str(), t.text.as_str()))
        .collect();
    assert_eq!(
        titles,
        [
            ("ar", "دور المجتمع المدني في بناء السلام"),
            ("en", "The Role of Civil Society in Peace Building")
        ]
    );
    assert_eq!(names_of(f), ["فاطمة عدنان ياسين"]);
    let c = &f.contributors[0];
    assert_eq!(c.alt_names.len(), 1);
    assert_eq!(c.alt_names[0].as_written, "Fatima Adnan Yaseen");
    assert_eq!(c.alt_names[0].lang, "ar-Latn");
    assert_eq!(f.affiliations.len(), 1);
    assert_eq!(
        aff(f, &c.affiliation_ids[0]).faculty.as_deref(),
        Some("كلية العلوم السياسية")
    );
    assert_eq!(c.email.as_deref(), Some("fatima.adnan@uokufa.edu.iq"));
    assert_eq!(f.abstracts.len(), 2);
}

#[test]
fn latin_name_with_affiliation_on_the_english_page() {
    let text = "\
الأمن الغذائي في العراق
أ.د. مهند عباس خليل
جامعة البصرة / كلية الإدارة والاقتصاد
الملخص: نص.
Food Security in Iraq
Muhannad Abbas Khalil, University of Basrah, Iraq
Abstract: Text.
";
    let fm = read(text).unwrap();
    let f = &fm.front;
    assert_eq!(f.titles.len(), 2);
    assert_eq!(f.titles[1].text, "Food Security in Iraq");
    let c = &f.contributors[0];
    assert_eq!(
        c.alt_names.first().map(|a| a.as_written.as_str()),
        Some("Muhannad Abbas Khalil")
    );
    assert_eq!(f.affiliations.len(), 1);
    assert_eq!(f.contributors.len(), 1);
}

#[test]
fn article_type_and_doi_lines_above_the_title_are_dropped() {
    let text = "\
Original Research Article
DOI: 10.5555/jps.2023.0042
مشكلة المياه في العلاقات العراقية التركية
الباحث حسن طالب مجيد و الباحثة ميس جاسم عبد الحسين
جامعة واسط / كلية التربية
الملخص: نص عربي.
The Water Problem in Iraqi-Turkish Relations
Hassan Talib Majeed and Mais Jasim Abdulhussein
Abstract: English text.
";
    let fm = read(text).unwrap();
    let f = &fm.front;
    assert_eq!(f.titles[0].text, "مشكلة المياه في العلاقات العراقية التركية");
    assert_eq!(f.titles[0].source, Some(Span::line(3)));
    assert_eq!(
        f.titles[1].text,
        "The Water Problem in Iraqi-Turkish Relations"
    );
    assert_eq!(names_of(f), ["حسن طالب مجيد", "ميس جاسم عبد الحسين"]);
    assert!(f
        .contributors
        .iter()
        .all(|c| rank_of(c) == Some(AcademicRank::Researcher)));
    let alts: Vec<_> = f
        .contributors
        .iter()
        .map(|c| c.alt_names.first().map(|a| a.as_written.as_str()))
        .collect();
    assert_eq!(
        alts,
        [Some("Hassan Talib Majeed"), Some("Mais Jasim Abdulhussein")]
    );
}

#[test]
fn name_like_english_title_among_arabic_header_lines() {
    let text = "\
الفيدرالية العراقية مراجعة نقدية
أ.د. سعد ناجي حمود
جامعة الموصل / كلية الحقوق
Iraqi Federalism Reconsidered
Prof. Dr. Saad Naji Hammoud
الملخص: نص.
";
    let fm = read(text).unwrap();
    let f = &fm.front;
    assert_eq!(f.titles.len(), 2);
    assert_eq!(f.titles[1].text, "Iraqi Federalism Reconsidered");
    assert_eq!(f.contributors.len(), 1);
    assert_eq!(
        f.contributors[0]
            .alt_names
            .first()
            .map(|a| a.as_written.as_str()),
        Some("Saad Naji Hammoud")
    );
}

/// Publication facts printed above and below the names, in English.
const ENGLISH_FACTS: &str = "\
Review of Coastal Policy | Volume 5 (2) | 2021
https://doi.org/10.5555/rcp.2021.52

Fishing Rights After the Treaty

Anna Berg
Institute of Marine Law, University of Bergen, Norway

Article history: Submitted 2 Feb 2021 / Accepted for publication 1 June 2021
Available online 20/7/2021

Abstract: A short abstract about fishing rights written only for this test.

Keywords: fisheries; treaties

Introduction
Body text starts here and runs on for a while so that it reads as a paragraph of prose.
";

#[test]
fn keeps_english_history_doi_volume_issue() {
    let fm = read(ENGLISH_FACTS).expect("front");
    let p = &fm.front.publication;
    assert_eq!(fm.front.titles[0].text, "Fishing Rights After the Treaty");
    assert_eq!(p.doi.as_deref(), Some("10.5555/rcp.2021.52"));
    assert_eq!(p.volume.as_deref(), Some("5"));
    assert_eq!(p.issue.as_deref(), Some("2"));
    let kinds: Vec<HistoryKind> = p.history.iter().map(|h| h.kind).collect();
    assert_eq!(
        kinds,
        [
            HistoryKind::Received,
            HistoryKind::Accepted,
            HistoryKind::Published
        ]
    );
    assert_eq!(p.history[0].raw, "2 Feb 2021");
    assert_eq!(p.history[0].source, Some(Span::line(9)));
    let june = crate::model::PartialDate {
        year: 2021,
        month: Some(6),
        day: Some(1),
    };
    assert_eq!(p.history[1].date, Some(june));
    // The printed publication date fills the publication date.
    assert_eq!(p.published.map(|d| d.iso()).as_deref(), Some("2021-07-20"));
    assert!(
        !codes(&fm).contains(&"history-date-unparsed"),
        "{:?}",
        fm.warnings
    );
    assert_eq!(fm.front.contributors.len(), 1);
}

/// An Arabic paper with its facts in a running head, in the header and after the keywords.
const ARABIC_FACTS: &str = "\
مجلة الدراسات الإقليمية، المجلد ٩، العدد الرابع عشر

التحولات الاقتصادية في المدن الحدودية

أ.م.د خالد عمر الدليمي
جامعة تكريت / كلية الاقتصاد

استلام البحث: ٣ شباط ٢٠٢٠ - قبول النشر: ٢٠٢٠/٤/٩

الملخص: ملخص قصير كتب لهذا الاختبار فقط عن المدن الحدودية وتحولاتها.

الكلمات المفتاحية: المدن الحدودية، الاقتصاد

تاريخ النشر: في وقت لاحق

المقدمة
نص البحث يبدأ هنا ويمتد على سطر طويل بما يكفي ليعد فقرة من النص الجاري في البحث.
";

#[test]
fn keeps_arabic_history_and_ordinal_issue() {
    let fm = read(ARABIC_FACTS).expect("front");
    let p = &fm.front.publication;
    assert_eq!(
        fm.front.titles[0].text,
        "التحولات الاقتصادية في المدن الحدودية"
    );
    assert_eq!(p.volume.as_deref(), Some("٩"));
    assert_eq!(p.issue.as_deref(), Some("14"));
    assert_eq!(p.doi, None);
    assert_eq!(p.history.len(), 3);
    assert_eq!(p.history[0].kind, HistoryKind::Received);
    assert_eq!(
        p.history[0].date.map(|d| d.iso()).as_deref(),
        Some("2020-02-03")
    );
    assert_eq!(p.history[1].kind, HistoryKind::Accepted);
    assert_eq!(
        p.history[1].date.map(|d| d.iso()).as_deref(),
        Some("2020-04-09")
    );
    // Unreadable: kept raw, warned, and no publication date invented.
    assert_eq!(p.history[2].kind, HistoryKind::Published);
    assert_eq!(p.history[2].raw, "في وقت لاحق");
    assert_eq!(p.history[2].date, None);
    assert_eq!(p.published, None);
    assert!(codes(&fm).contains(&"history-date-unparsed"));
    assert!(fm.front.abstracts[0].text.ends_with("وتحولاتها."));
}

#[test]
fn papers_without_facts_keep_an_empty_publication() {
    let fm = read(ENGLISH_PAPER).expect("front");
    assert_eq!(fm.front.publication, crate::model::Publication::default());
}

/// An abstract ends at the first numbered heading after one of its paragraphs, and does not
/// run on past a page break (a page number between is no part of it).
#[test]
fn abstract_stops_at_a_numbered_heading_or_a_new_page() {
    let fm = read("Ports and Wars in the North Sea\nAnn Vale\nAbstract: Markets priced the coming war early.\nThe paper reads bond prices.\n\n1. How are ports affected by wars?\nA long body paragraph follows here and goes on with the argument of the paper.\n").unwrap();
    assert_eq!(fm.front.abstracts.len(), 1);
    assert!(!fm.front.abstracts[0].text.contains("How are ports"));
    assert_eq!(fm.body_start_line, 6);
    let fm = read("Ports and Wars in the North Sea\nAnn Vale\n\nAbstract\nMarkets priced the coming war early.\nThe paper reads bond prices.\n\n3\n\u{0C}A first version of this paper was read at a meeting in Oslo.\nWe thank the readers.\n").unwrap();
    assert_eq!(
        fm.front.abstracts[0].text,
        "Markets priced the coming war early.\nThe paper reads bond prices."
    );
    assert_eq!(fm.body_start_line, 9);
}

/// A cover label alone on the first line (`ABSTRACT` above the title) is no reason to refuse
/// the paper: the title is the next line.
#[test]
fn a_lone_abstract_label_above_the_title_is_passed_over() {
    let fm = read("ABSTRACT\nPorts and Wars in the North Sea\n\nAnn Vale\n").unwrap();
    assert!(fm.front.titles[0]
        .text
        .starts_with("Ports and Wars in the North Sea"));
    assert_eq!(fm.front.titles[0].source.map(|s| s.line), Some(2));
}

#[test]
fn a_position_under_a_name_is_no_author() {
    let text = "\
فاعلية برنامج قائم على التعلم المدمج
د. رحاب سمير البنا
مدرس المناهج وطرق التدريس
كلية التربية – جامعة الدلتا
r.banna@edu.example.eg

ملخص: يهدف البحث إلى قياس فاعلية البرنامج.
";
    let fm = read(text).unwrap();
    let f = &fm.front;
    assert_eq!(names_of(f), ["رحاب سمير البنا"]);
    assert_eq!(
        f.contributors[0].position.as_deref(),
        Some("مدرس المناهج وطرق التدريس")
    );
    assert_eq!(f.affiliations.len(), 1);
    // `Professor Jane Roe` is a prefixed name, `Professor of Law` a position.
    assert!(super::lines::is_position_line("Professor of Law"));
    assert!(!super::lines::is_position_line("Professor Jane Roe"));
    assert!(!super::lines::is_position_line("الأستاذ الدكتور علي حسن"));
}

#[test]
fn a_translated_title_may_name_a_university() {
    let text = "\
ثقة الطلبة في الأخبار المتداولة
أ. حمزة علي
جامعة الساحل، الجزائر
h.ali@univ.example.dz

University Students' Trust in Shared News:
A Field Study
Abstract: The study examines trust.
ملخص: تدرس الدراسة الثقة.
";
    let fm = read(text).unwrap();
    let titles: Vec<&str> = fm.front.titles.iter().map(|t| t.text.as_str()).collect();
    assert_eq!(
        titles,
        [
            "ثقة الطلبة في الأخبار المتداولة",
            "University Students' Trust in Shared News: A Field Study"
        ]
    );
}

#[test]
fn bylines_bullets_and_note_calls_around_english_authors() {
    let text = "\
Rivers and Their Laws: An Empirical Analysis *
by Jane Roe and Omar Haddad

Abstract: The paper studies rivers.
";
    let fm = read(text).unwrap();
    assert_eq!(
        fm.front.titles[0].text,
        "Rivers and Their Laws: An Empirical Analysis"
    );
    assert_eq!(names_of(&fm.front), ["Jane Roe", "Omar Haddad"]);
    // Names separated by bullets (pdftotext prints a broken one as `Æ`), one ending its line.
    let text = "\
Rivers and Their Laws
Jane Roe Æ Omar Haddad Æ
Lina Saleh
University of Kent

Abstract: The paper studies rivers.
";
    let fm = read(text).unwrap();
    assert_eq!(
        names_of(&fm.front),
        ["Jane Roe", "Omar Haddad", "Lina Saleh"]
    );
    // A title's note call glued to its last word; an author line ending with `∗`.
    let text = "\
Rivers and Their Laws1
Jane Roe & Omar Haddad ∗

Abstract: The paper studies rivers.
";
    let fm = read(text).unwrap();
    assert_eq!(fm.front.titles[0].text, "Rivers and Their Laws");
    assert_eq!(names_of(&fm.front), ["Jane Roe", "Omar Haddad"]);
    assert_eq!(
        super::titles::without_note_call("Vision 2030"),
        "Vision 2030"
    );
}

#[test]
fn a_title_printed_in_two_languages_with_a_shared_first_line_is_two_titles() {
    let text = "\
The Weather of Courts
Studien über die Zukunft der Gerichte1
The Weather of Courts
Toward a Climate of the Next Judiciary1

Anna Berg*

Abstract
This paper reads the courts as weather.

1. Introduction
Courts change as weather does.
";
    let fm = read(text).unwrap();
    let f = &fm.front;
    let titles: Vec<_> = f
        .titles
        .iter()
        .map(|t| (t.lang.as_str(), t.text.as_str()))
        .collect();
    assert_eq!(
        titles,
        [
            (
                "en",
                "The Weather of Courts. Toward a Climate of the Next Judiciary"
            ),
            (
                "de",
                "The Weather of Courts. Studien über die Zukunft der Gerichte"
            ),
        ]
    );
    assert_eq!(f.titles[0].source, Some(Span::lines(3, 4)));
}

#[test]
fn a_cover_page_leaves_the_author_note_to_the_page_the_text_opens_on() {
    // The cover carries title and author; the author's `*` note, wrapped and without an
    // email, stands at the foot of the next page, above the first numbered note.
    let text = "\
The Future of Private Law

Jane Roe*

\u{c}The text of the paper opens on this page and runs on for a while, as running text does.
It goes on with a second sentence that carries a note marker.1

* Prof. Dr. Jane Roe is a full professor of private law at the
Free University Berlin.
1 See the first source of the paper, 2001, 12.
";
    let fm = read(text).expect("front");
    let ids = &fm.front.contributors[0].affiliation_ids;
    assert_eq!(ids.len(), 1, "{:?}", fm.front.affiliations);
    assert_eq!(
        aff(&fm.front, &ids[0]).institution.as_deref(),
        Some("Free University Berlin")
    );
    assert_eq!(fm.front.author_notes.len(), 1);
}
