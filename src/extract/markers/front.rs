//! Marker table: front matter (abstract and keyword labels, academic prefixes, affiliation
//! words, places, name particles).
//!
//! Entries are matched as whole words. Arabic entries are compared after folding alef forms,
//! `ة`/`ه` and `ى`/`ي`; Latin entries case-insensitively. In prefixes, a `.` also matches a dot
//! surrounded by spaces or a missing final dot (`م.م`, `م. م.`), and a space matches any run of
//! spaces.

use super::common::Numbered;
use crate::model::{AcademicRank, HistoryKind};

/// An academic prefix printed before an author's name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Prefix {
    /// The prefix in its usual spelling.
    pub written: &'static str,
    /// What it means, when it has a standard meaning.
    pub rank: Option<AcademicRank>,
}

/// A label of the submission history (`Received`, `تاريخ القبول`) and the event it dates.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HistoryLabel {
    /// The label in its usual spelling.
    pub written: &'static str,
    /// The event the date after it belongs to.
    pub kind: HistoryKind,
}

/// Shorthand for the tables below.
const fn hl(written: &'static str, kind: HistoryKind) -> HistoryLabel {
    HistoryLabel { written, kind }
}

/// Shorthand for the tables below.
const fn nb(written: &'static str, value: u32) -> Numbered {
    Numbered { written, value }
}

/// The front-matter markers of one language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FrontMarkers {
    /// BCP 47 tag of the language.
    pub lang: &'static str,
    /// Labels that open an abstract.
    pub abstract_labels: &'static [&'static str],
    /// Labels that open a keyword list.
    pub keyword_labels: &'static [&'static str],
    /// Headings that open the body (the front matter ends before them).
    pub body_headings: &'static [&'static str],
    /// Academic prefixes; longer ones are tried first whatever their order here.
    pub prefixes: &'static [Prefix],
    /// Words that name an institution (university, institute, ministry).
    pub institution_words: &'static [&'static str],
    /// Words that name a faculty or college.
    pub faculty_words: &'static [&'static str],
    /// Words that name a department.
    pub department_words: &'static [&'static str],
    /// Words that, in a note written as a sentence, open the author's institution (`… is
    /// professor of law at the University of X`).
    pub affiliation_leads: &'static [&'static str],
    /// Common cities of affiliations.
    pub cities: &'static [&'static str],
    /// Countries.
    pub countries: &'static [&'static str],
    /// Name particles of Latin-script names that join the next word into the family name
    /// (`van`, `al`); Arabic-script compounds are in `markers::names`.
    pub joins_next: &'static [&'static str],
    /// Latin-script name words that join the previous word (`aldin`, `allah`).
    pub joins_previous: &'static [&'static str],
    /// Words that separate authors printed on one line (`and`, `و`).
    pub author_separators: &'static [&'static str],
    /// Words that open a byline (`by Jane Roe and Omar Haddad`).
    pub byline_leads: &'static [&'static str],
    /// Words that occur in titles and sentences but never in a person's name.
    pub non_name_words: &'static [&'static str],
    /// Labels that announce the corresponding author.
    pub corresponding_labels: &'static [&'static str],
    /// Labels printed before an email address.
    pub email_labels: &'static [&'static str],
    /// Labels printed before an ORCID iD.
    pub orcid_labels: &'static [&'static str],
    /// Words that name a journal in a running header (`مجلة`, `Journal`).
    pub journal_words: &'static [&'static str],
    /// Words of a volume/issue statement (`العدد`, `Vol.`, `ISSN`).
    pub issue_words: &'static [&'static str],
    /// Labels of the submission history (`تاريخ الاستلام`, `Received`), each with the event
    /// it dates; longer labels win (`Received in revised form` over `Received`). Read by
    /// `extract::front` into `Publication::history`.
    pub history_labels: &'static [HistoryLabel],
    /// Headings printed before history labels on the same line (`Article history:`).
    pub history_headings: &'static [&'static str],
    /// Words after which a date in another calendar follows (`الموافق`): the date text is cut
    /// there.
    pub date_stop_words: &'static [&'static str],
    /// Labels printed before the article's DOI (`DOI:`).
    pub doi_labels: &'static [&'static str],
    /// Words that introduce a volume number in a journal head (`Vol.`, `المجلد`).
    pub volume_words: &'static [&'static str],
    /// Words that introduce an issue number in a journal head (`No.`, `العدد`).
    pub issue_number_words: &'static [&'static str],
    /// Ordinal words of 1 to 10 and the `الحادي` of compounds (`العدد الثالث` = issue 3).
    pub ordinal_units: &'static [Numbered],
    /// Ordinal tens (`العشرون` = 20), also read after a unit joined by `ordinal_and`.
    pub ordinal_tens: &'static [Numbered],
    /// The word that adds ten to a preceding unit (`الثالث عشر` = 13).
    pub ordinal_teen: &'static [&'static str],
    /// The conjunction glued to tens in compound ordinals (`الحادي والعشرون` = 21).
    pub ordinal_and: &'static [&'static str],
    /// Article categories printed alone on a line above the title (`Research Article`).
    pub article_types: &'static [&'static str],
    /// Degrees printed after a name, between commas (`Jane Roe, LL.M.`): not a name.
    pub post_nominals: &'static [&'static str],
    /// Words that introduce a translator's name under the author (`Translated by`).
    pub translator_leads: &'static [&'static str],
    /// Words that open the line of a contributor's position printed under the name (rank
    /// and field: `مدرس المناهج وطرق التدريس`, `Lecturer in Law`): not a name.
    pub position_leads: &'static [&'static str],
    /// Headings of a table of contents printed in the front matter (`Table of contents:`).
    pub contents_labels: &'static [&'static str],
}

/// Arabic front-matter markers.
pub const ARABIC: FrontMarkers = FrontMarkers {
    lang: "ar",
    abstract_labels: &[
        "ملخص البحث",
        "ملخص الدراسة",
        "الملخص",
        "المستخلص",
        "مستخلص",
        "ملخص",
    ],
    keyword_labels: &[
        "الكلمات المفتاحية",
        "الكلمات المفتاحيه",
        "كلمات مفتاحية",
        "الكلمات الدالة",
        "الكلمات الدلالية",
        "كلمات دالة",
        "مفاتيح البحث",
        "الكلمات المفتاح",
    ],
    body_headings: &[
        "المقدمة",
        "مقدمة",
        "مقدمة البحث",
        "التمهيد",
        "تمهيد",
        "المدخل",
    ],
    prefixes: &[
        Prefix {
            written: "الأستاذ الدكتور",
            rank: Some(AcademicRank::Professor),
        },
        Prefix {
            written: "الاستاذ المساعد الدكتور",
            rank: Some(AcademicRank::AssistantProfessor),
        },
        Prefix {
            written: "أ.د",
            rank: Some(AcademicRank::Professor),
        },
        Prefix {
            written: "أ.م.د",
            rank: Some(AcademicRank::AssistantProfessor),
        },
        Prefix {
            written: "أ.م",
            rank: Some(AcademicRank::AssistantProfessor),
        },
        Prefix {
            written: "م.د",
            rank: Some(AcademicRank::LecturerDoctor),
        },
        Prefix {
            written: "م.م",
            rank: Some(AcademicRank::AssistantLecturer),
        },
        Prefix {
            written: "م.",
            rank: Some(AcademicRank::Lecturer),
        },
        Prefix {
            written: "د.",
            rank: Some(AcademicRank::Doctor),
        },
        Prefix {
            written: "الدكتور",
            rank: Some(AcademicRank::Doctor),
        },
        Prefix {
            written: "الدكتورة",
            rank: Some(AcademicRank::Doctor),
        },
        Prefix {
            written: "المدرس المساعد",
            rank: Some(AcademicRank::AssistantLecturer),
        },
        Prefix {
            written: "المدرس الدكتور",
            rank: Some(AcademicRank::LecturerDoctor),
        },
        Prefix {
            written: "المدرس",
            rank: Some(AcademicRank::Lecturer),
        },
        Prefix {
            written: "الأستاذ المساعد",
            rank: Some(AcademicRank::AssistantProfessor),
        },
        Prefix {
            written: "الأستاذ",
            rank: Some(AcademicRank::Professor),
        },
        Prefix {
            written: "الباحث",
            rank: Some(AcademicRank::Researcher),
        },
        // A doctoral student (طالب دكتوراه), a researcher by rank (Maghreb usage).
        Prefix {
            written: "ط.د.",
            rank: Some(AcademicRank::Researcher),
        },
        Prefix {
            written: "ط.د",
            rank: Some(AcademicRank::Researcher),
        },
        Prefix {
            written: "طالب دكتوراه",
            rank: Some(AcademicRank::Researcher),
        },
        Prefix {
            written: "طالبة دكتوراه",
            rank: Some(AcademicRank::Researcher),
        },
        Prefix {
            written: "الباحثة",
            rank: Some(AcademicRank::Researcher),
        },
        Prefix {
            written: "الباحث/ة",
            rank: Some(AcademicRank::Researcher),
        },
        Prefix {
            written: "الباحث / ة",
            rank: Some(AcademicRank::Researcher),
        },
        Prefix {
            written: "الباحثان",
            rank: Some(AcademicRank::Researcher),
        },
        Prefix {
            written: "الأستاذ المشارك",
            rank: Some(AcademicRank::AssociateProfessor),
        },
        Prefix {
            written: "أستاذ مشارك",
            rank: Some(AcademicRank::AssociateProfessor),
        },
        Prefix {
            written: "أ.",
            rank: None,
        },
    ],
    institution_words: &[
        "جامعة",
        "الجامعة",
        "معهد",
        "المعهد",
        "مركز",
        "أكاديمية",
        "الأكاديمية",
        "وزارة",
        "هيئة",
        "رئاسة",
    ],
    faculty_words: &["كلية", "الكلية"],
    affiliation_leads: &["في"],
    department_words: &["قسم", "فرع", "شعبة"],
    cities: &[
        "بغداد",
        "البصرة",
        "الموصل",
        "أربيل",
        "النجف",
        "النجف الأشرف",
        "كربلاء",
        "كربلاء المقدسة",
        "الكوفة",
        "بابل",
        "الحلة",
        "ديالى",
        "بعقوبة",
        "الأنبار",
        "الرمادي",
        "تكريت",
        "السليمانية",
        "دهوك",
        "كركوك",
        "الناصرية",
        "العمارة",
        "الكوت",
        "السماوة",
        "الديوانية",
        "القاهرة",
        "الإسكندرية",
        "عمان",
        "بيروت",
        "دمشق",
        "الرياض",
        "جدة",
        "الدوحة",
        "دبي",
        "الكويت",
    ],
    countries: &[
        "العراق",
        "جمهورية العراق",
        "مصر",
        "الأردن",
        "سوريا",
        "سورية",
        "لبنان",
        "السعودية",
        "المملكة العربية السعودية",
        "الإمارات",
        "قطر",
        "البحرين",
        "سلطنة عمان",
        "اليمن",
        "ليبيا",
        "تونس",
        "الجزائر",
        "المغرب",
        "فلسطين",
        "السودان",
        "تركيا",
        "إيران",
    ],
    // Arabic names are split by `person_names` with the compounds of `markers::names`.
    joins_next: &[],
    joins_previous: &[],
    author_separators: &["و"],
    byline_leads: &["إعداد", "بقلم"],
    non_name_words: &[
        "في",
        "من",
        "إلى",
        "الى",
        "عن",
        "مع",
        "بين",
        "حول",
        "نحو",
        "دور",
        "أثر",
        "اثر",
        "دراسة",
        "تحليل",
        "واقع",
        "إشكالية",
        "ظل",
        "خلال",
        "بعد",
        "قبل",
        "ضد",
        "لدى",
        "عند",
        "هذا",
        "هذه",
        "التي",
        "الذي",
        "انموذجا",
        "أنموذجا",
        "نموذجا",
        "مقاربة",
    ],
    corresponding_labels: &["الباحث المراسل", "المؤلف المراسل", "المؤلف المسؤول"],
    email_labels: &["البريد الإلكتروني", "البريد الالكتروني", "الإيميل", "ايميل"],
    orcid_labels: &["المعرف الرقمي", "معرف أوركيد", "أوركيد"],
    journal_words: &["مجلة", "المجلة"],
    issue_words: &["العدد", "المجلد", "الإصدار", "ردمد"],
    history_labels: &[
        hl("تاريخ الاستلام", HistoryKind::Received),
        hl("تاريخ استلام البحث", HistoryKind::Received),
        hl("تاريخ الإستلام", HistoryKind::Received),
        hl("تاريخ التقديم", HistoryKind::Received),
        hl("تاريخ تقديم البحث", HistoryKind::Received),
        hl("تاريخ الارسال", HistoryKind::Received),
        hl("تاريخ الإرسال", HistoryKind::Received),
        hl("تاريخ الورود", HistoryKind::Received),
        hl("استلام البحث", HistoryKind::Received),
        hl("تاريخ التعديل", HistoryKind::Revised),
        hl("تاريخ المراجعة", HistoryKind::Revised),
        hl("تاريخ التنقيح", HistoryKind::Revised),
        hl("تاريخ استلام النسخة المعدلة", HistoryKind::Revised),
        hl("تاريخ القبول", HistoryKind::Accepted),
        hl("تاريخ قبول البحث", HistoryKind::Accepted),
        hl("تاريخ قبول النشر", HistoryKind::Accepted),
        hl("قبول البحث", HistoryKind::Accepted),
        hl("قبول النشر", HistoryKind::Accepted),
        hl("تاريخ النشر", HistoryKind::Published),
        hl("تاريخ نشر البحث", HistoryKind::Published),
        hl("تاريخ النشر الإلكتروني", HistoryKind::Published),
        hl("نشر البحث", HistoryKind::Published),
    ],
    history_headings: &["تواريخ البحث", "سجل البحث"],
    date_stop_words: &["الموافق", "الموافق لـ"],
    doi_labels: &[
        "المعرف الرقمي للوثيقة",
        "معرف الوثيقة الرقمي",
        "رقم المعرف الرقمي",
    ],
    volume_words: &["المجلد", "مجلد", "المجلّد"],
    issue_number_words: &["العدد", "عدد"],
    ordinal_units: &[
        nb("الأول", 1),
        nb("الأولى", 1),
        nb("الحادي", 1),
        nb("الحادية", 1),
        nb("الثاني", 2),
        nb("الثانية", 2),
        nb("الثالث", 3),
        nb("الثالثة", 3),
        nb("الرابع", 4),
        nb("الرابعة", 4),
        nb("الخامس", 5),
        nb("الخامسة", 5),
        nb("السادس", 6),
        nb("السادسة", 6),
        nb("السابع", 7),
        nb("السابعة", 7),
        nb("الثامن", 8),
        nb("الثامنة", 8),
        nb("التاسع", 9),
        nb("التاسعة", 9),
        nb("العاشر", 10),
        nb("العاشرة", 10),
    ],
    ordinal_tens: &[
        nb("العشرون", 20),
        nb("العشرين", 20),
        nb("الثلاثون", 30),
        nb("الثلاثين", 30),
        nb("الأربعون", 40),
        nb("الأربعين", 40),
        nb("الخمسون", 50),
        nb("الخمسين", 50),
        nb("الستون", 60),
        nb("الستين", 60),
        nb("السبعون", 70),
        nb("السبعين", 70),
        nb("الثمانون", 80),
        nb("الثمانين", 80),
        nb("التسعون", 90),
        nb("التسعين", 90),
    ],
    ordinal_teen: &["عشر", "عشرة"],
    ordinal_and: &["و"],
    article_types: &[
        "بحث أصيل",
        "بحث علمي",
        "بحث منشور",
        "مقالة بحثية",
        "ورقة بحثية",
        "مقال بحثي",
        "بحث مستل",
    ],
    post_nominals: &[],
    translator_leads: &["ترجمة", "تعريب"],
    position_leads: &[
        "أستاذ",
        "أستاذة",
        "الأستاذ",
        "الأستاذة",
        "مدرس",
        "مدرسة",
        "المدرس",
        "المدرسة",
        "محاضر",
        "محاضرة",
        "باحث",
        "باحثة",
        "معيد",
        "معيدة",
        "طالب",
        "طالبة",
        "عميد",
        "عميدة",
        "رئيس",
        "رئيسة",
    ],
    contents_labels: &["المحتويات", "فهرس المحتويات"],
};

/// English front-matter markers.
pub const ENGLISH: FrontMarkers = FrontMarkers {
    lang: "en",
    abstract_labels: &["Abstract", "Summary", "Research Summary"],
    keyword_labels: &["Keywords", "Key words", "Key-words", "Index Terms"],
    body_headings: &["Introduction", "Preface", "Background"],
    prefixes: &[
        Prefix {
            written: "Prof. Dr.",
            rank: Some(AcademicRank::Professor),
        },
        Prefix {
            written: "Prof.",
            rank: Some(AcademicRank::Professor),
        },
        Prefix {
            written: "Prof",
            rank: Some(AcademicRank::Professor),
        },
        Prefix {
            written: "Professor",
            rank: Some(AcademicRank::Professor),
        },
        Prefix {
            written: "Asst. Prof. Dr.",
            rank: Some(AcademicRank::AssistantProfessor),
        },
        Prefix {
            written: "Assist. Prof. Dr.",
            rank: Some(AcademicRank::AssistantProfessor),
        },
        Prefix {
            written: "Asst. Prof.",
            rank: Some(AcademicRank::AssistantProfessor),
        },
        Prefix {
            written: "Assist. Prof.",
            rank: Some(AcademicRank::AssistantProfessor),
        },
        Prefix {
            written: "Assistant Professor",
            rank: Some(AcademicRank::AssistantProfessor),
        },
        Prefix {
            written: "Assoc. Prof.",
            rank: Some(AcademicRank::AssociateProfessor),
        },
        Prefix {
            written: "Assoc. Prof. Dr.",
            rank: Some(AcademicRank::AssociateProfessor),
        },
        Prefix {
            written: "Associate Professor",
            rank: Some(AcademicRank::AssociateProfessor),
        },
        Prefix {
            written: "Assistant Prof.",
            rank: Some(AcademicRank::AssistantProfessor),
        },
        Prefix {
            written: "Asst. Lecturer",
            rank: Some(AcademicRank::AssistantLecturer),
        },
        Prefix {
            written: "Assist. Lecturer",
            rank: Some(AcademicRank::AssistantLecturer),
        },
        Prefix {
            written: "Lec. Dr.",
            rank: Some(AcademicRank::LecturerDoctor),
        },
        Prefix {
            written: "Lect. Dr.",
            rank: Some(AcademicRank::LecturerDoctor),
        },
        Prefix {
            written: "Lecturer Dr.",
            rank: Some(AcademicRank::LecturerDoctor),
        },
        Prefix {
            written: "Asst. Lect.",
            rank: Some(AcademicRank::AssistantLecturer),
        },
        Prefix {
            written: "Assist. Lect.",
            rank: Some(AcademicRank::AssistantLecturer),
        },
        Prefix {
            written: "Assistant Lecturer",
            rank: Some(AcademicRank::AssistantLecturer),
        },
        Prefix {
            written: "Lect.",
            rank: Some(AcademicRank::Lecturer),
        },
        Prefix {
            written: "Lecturer",
            rank: Some(AcademicRank::Lecturer),
        },
        Prefix {
            written: "Dr.",
            rank: Some(AcademicRank::Doctor),
        },
        Prefix {
            written: "Dr",
            rank: Some(AcademicRank::Doctor),
        },
        Prefix {
            written: "Researcher",
            rank: Some(AcademicRank::Researcher),
        },
        Prefix {
            written: "Mr.",
            rank: None,
        },
        Prefix {
            written: "Mrs.",
            rank: None,
        },
        Prefix {
            written: "Ms.",
            rank: None,
        },
    ],
    institution_words: &[
        "University",
        "Universiti",
        "Université",
        "Universidad",
        "Institute",
        "Academy",
        "Center",
        "Centre",
        "Ministry",
        "Authority",
        "Hospital",
    ],
    faculty_words: &["College", "Faculty", "School"],
    affiliation_leads: &["at", "at the"],
    department_words: &["Department", "Dept.", "Dept", "Division", "Branch"],
    cities: &[
        "Baghdad",
        "Basra",
        "Basrah",
        "Mosul",
        "Erbil",
        "Najaf",
        "Karbala",
        "Kerbala",
        "Kufa",
        "Babylon",
        "Hilla",
        "Diyala",
        "Baqubah",
        "Anbar",
        "Ramadi",
        "Tikrit",
        "Sulaimani",
        "Sulaymaniyah",
        "Duhok",
        "Kirkuk",
        "Nasiriyah",
        "Amarah",
        "Kut",
        "Samawah",
        "Diwaniyah",
        "Cairo",
        "Alexandria",
        "Amman",
        "Beirut",
        "Damascus",
        "Riyadh",
        "Jeddah",
        "Doha",
        "Dubai",
        "London",
        "Paris",
        "Berlin",
        "New York",
        "Washington",
        "Istanbul",
        "Ankara",
        "Tehran",
        "Kuala Lumpur",
    ],
    countries: &[
        "Iraq",
        "Republic of Iraq",
        "Egypt",
        "Jordan",
        "Syria",
        "Lebanon",
        "Saudi Arabia",
        "KSA",
        "Kuwait",
        "UAE",
        "United Arab Emirates",
        "Qatar",
        "Bahrain",
        "Oman",
        "Yemen",
        "Libya",
        "Tunisia",
        "Algeria",
        "Morocco",
        "Palestine",
        "Sudan",
        "Turkey",
        "Türkiye",
        "Iran",
        "Malaysia",
        "USA",
        "United States",
        "United States of America",
        "UK",
        "United Kingdom",
        "Germany",
        "France",
        "Canada",
        "Australia",
        "India",
        "Pakistan",
        "China",
    ],
    joins_next: &[
        "al", "el", "abu", "abd", "bin", "ibn", "van", "von", "de", "der", "den", "del", "da",
        "di", "du", "la", "le",
    ],
    joins_previous: &["al-din", "aldin", "uddin", "allah", "ullah"],
    // `Æ` is how pdftotext prints the bullet between names of a broken Springer font map.
    author_separators: &["and", "&", "•", "·", "Æ"],
    byline_leads: &["by", "By", "BY"],
    non_name_words: &[
        "the", "of", "in", "on", "for", "a", "an", "to", "with", "between", "from", "by", "toward",
        "towards", "study", "analysis", "impact", "effect", "role", "case", "after", "under",
        "its", "their", "is", "are", "as", "at", "into", "vs", "versus", "approach",
    ],
    corresponding_labels: &[
        "Corresponding author",
        "Corresponding Author",
        "Correspondence",
    ],
    email_labels: &["Email", "E-mail", "e-mail", "Mail"],
    orcid_labels: &["ORCID", "ORCID iD", "ORCID ID"],
    journal_words: &["Journal", "Review", "Quarterly"],
    issue_words: &[
        "Vol.", "Vol", "Volume", "No.", "Issue", "Iss.", "ISSN", "e-ISSN", "p-ISSN", "pp.", "DOI",
    ],
    history_labels: &[
        hl("Received", HistoryKind::Received),
        hl("Submitted", HistoryKind::Received),
        hl("Date of submission", HistoryKind::Received),
        hl("Date of receipt", HistoryKind::Received),
        hl("Revised", HistoryKind::Revised),
        hl("Received in revised form", HistoryKind::Revised),
        hl("Revised version received", HistoryKind::Revised),
        hl("Revision received", HistoryKind::Revised),
        hl("Accepted", HistoryKind::Accepted),
        hl("Accepted for publication", HistoryKind::Accepted),
        hl("Date of acceptance", HistoryKind::Accepted),
        hl("Published", HistoryKind::Published),
        hl("Published online", HistoryKind::Published),
        hl("Available online", HistoryKind::Published),
        hl("Date of publication", HistoryKind::Published),
    ],
    history_headings: &["Article history", "Article info", "History"],
    date_stop_words: &[],
    doi_labels: &["DOI", "Digital Object Identifier"],
    volume_words: &["Vol.", "Vol", "Volume"],
    issue_number_words: &["No.", "No", "Issue", "Iss.", "Number"],
    ordinal_units: &[],
    ordinal_tens: &[],
    ordinal_teen: &[],
    ordinal_and: &[],
    article_types: &[
        "Research Article",
        "Original Article",
        "Original Research",
        "Original Research Article",
        "Original Paper",
        "Research Paper",
        "Review Article",
        "Review Paper",
        "Article",
    ],
    post_nominals: &[
        "Ph.D.", "PhD", "LL.M.", "LLM", "LL.B.", "LL.D.", "J.D.", "JD", "J.S.D.", "S.J.D.", "M.A.",
        "M.Sc.", "MSc", "B.A.", "B.Sc.", "M.Phil.", "MPhil", "D.Phil.", "DPhil", "MBA", "Esq.",
        "Jr.", "Sr.",
    ],
    translator_leads: &["Translated by", "Translation by", "Translated from"],
    position_leads: &[
        "Professor",
        "Associate Professor",
        "Assistant Professor",
        "Lecturer",
        "Senior Lecturer",
        "Reader",
        "Research Fellow",
        "Research Associate",
        "Researcher",
        "PhD Candidate",
        "PhD candidate",
        "PhD Student",
        "PhD student",
        "Doctoral Candidate",
        "Postdoctoral",
        "Dean",
        "Head of",
        "Chair of",
    ],
    contents_labels: &["Table of contents", "Contents"],
};

/// German front-matter markers.
pub const GERMAN: FrontMarkers = FrontMarkers {
    lang: "de",
    abstract_labels: &["Zusammenfassung", "Kurzfassung"],
    keyword_labels: &[
        "Schlüsselwörter",
        "Schlagwörter",
        "Schlagworte",
        "Stichwörter",
    ],
    body_headings: &["Einleitung", "Einführung"],
    prefixes: &[
        Prefix {
            written: "Prof. Dr. Dr.",
            rank: Some(AcademicRank::Professor),
        },
        Prefix {
            written: "Univ.-Prof. Dr.",
            rank: Some(AcademicRank::Professor),
        },
        Prefix {
            written: "Prof. Dr. iur.",
            rank: Some(AcademicRank::Professor),
        },
        Prefix {
            written: "Prof. Dr. jur.",
            rank: Some(AcademicRank::Professor),
        },
        Prefix {
            written: "Prof. Dr. phil.",
            rank: Some(AcademicRank::Professor),
        },
        Prefix {
            written: "Priv.-Doz. Dr.",
            rank: Some(AcademicRank::Doctor),
        },
        Prefix {
            written: "PD Dr.",
            rank: Some(AcademicRank::Doctor),
        },
        Prefix {
            written: "Dr. iur.",
            rank: Some(AcademicRank::Doctor),
        },
        Prefix {
            written: "Dr. jur.",
            rank: Some(AcademicRank::Doctor),
        },
        Prefix {
            written: "Dr. phil.",
            rank: Some(AcademicRank::Doctor),
        },
        Prefix {
            written: "Dr. rer. pol.",
            rank: Some(AcademicRank::Doctor),
        },
        Prefix {
            written: "Dr. rer. nat.",
            rank: Some(AcademicRank::Doctor),
        },
        Prefix {
            written: "Dr. med.",
            rank: Some(AcademicRank::Doctor),
        },
        Prefix {
            written: "Ass. iur.",
            rank: None,
        },
        Prefix {
            written: "Ass. jur.",
            rank: None,
        },
        Prefix {
            written: "Dipl.-Jur.",
            rank: None,
        },
        Prefix {
            written: "Dipl.-Ing.",
            rank: None,
        },
        Prefix {
            written: "Mag.",
            rank: None,
        },
        Prefix {
            written: "RA",
            rank: None,
        },
    ],
    institution_words: &[
        "Universität",
        "Hochschule",
        "Institut",
        "Akademie",
        "Ministerium",
    ],
    faculty_words: &["Fakultät", "Fachbereich"],
    affiliation_leads: &["an der", "an dem", "am", "bei der"],
    department_words: &["Lehrstuhl", "Abteilung", "Professur"],
    cities: &[],
    countries: &["Deutschland", "Österreich", "Schweiz"],
    joins_next: &["von", "vom", "zu", "zur", "van", "de"],
    joins_previous: &[],
    author_separators: &["und"],
    byline_leads: &["von", "Von"],
    non_name_words: &[
        "der", "die", "das", "des", "dem", "den", "und", "über", "für", "zur", "zum", "im", "mit",
        "ein", "eine", "als", "auf", "aus", "bei", "nach", "oder", "wie", "ist",
    ],
    corresponding_labels: &["Korrespondenzautor", "Korrespondierender Autor"],
    email_labels: &["E-Mail"],
    orcid_labels: &[],
    journal_words: &["Zeitschrift"],
    issue_words: &["Heft", "Jahrgang", "Jg.", "Bd.", "Band"],
    history_labels: &[
        hl("Eingereicht", HistoryKind::Received),
        hl("Eingegangen", HistoryKind::Received),
        hl("Überarbeitet", HistoryKind::Revised),
        hl("Angenommen", HistoryKind::Accepted),
        hl("Veröffentlicht", HistoryKind::Published),
    ],
    history_headings: &[],
    date_stop_words: &[],
    doi_labels: &[],
    volume_words: &["Jahrgang", "Jg.", "Band", "Bd."],
    issue_number_words: &["Heft", "Nr."],
    ordinal_units: &[],
    ordinal_tens: &[],
    ordinal_teen: &[],
    ordinal_and: &[],
    article_types: &["Aufsatz", "Beitrag", "Abhandlung", "Rezension", "Editorial"],
    post_nominals: &["LL.M.", "M.A.", "M.Sc.", "MBA", "Maître en droit"],
    translator_leads: &["Übersetzt von", "Übersetzung von", "Aus dem Englischen von"],
    position_leads: &[
        "Professor",
        "Professorin",
        "Juniorprofessor",
        "Juniorprofessorin",
        "Wissenschaftlicher Mitarbeiter",
        "Wissenschaftliche Mitarbeiterin",
        "Doktorand",
        "Doktorandin",
        "Lehrbeauftragter",
        "Lehrbeauftragte",
    ],
    contents_labels: &[
        "Inhaltsverzeichnis",
        "Inhalt",
        "Inhaltsübersicht",
        "Gliederung",
    ],
};

/// French front-matter markers (Maghreb and European journals: `Résumé`, `Mots-clés`).
pub const FRENCH: FrontMarkers = FrontMarkers {
    lang: "fr",
    abstract_labels: &["Résumé", "Resume"],
    keyword_labels: &[
        "Mots-clés",
        "Mots clés",
        "Mots-clefs",
        "Mots clefs",
        "Mots-cles",
    ],
    body_headings: &["Introduction"],
    prefixes: &[
        Prefix {
            written: "Pr.",
            rank: Some(AcademicRank::Professor),
        },
        Prefix {
            written: "Professeur",
            rank: Some(AcademicRank::Professor),
        },
        Prefix {
            written: "Docteur",
            rank: Some(AcademicRank::Doctor),
        },
        Prefix {
            written: "Me",
            rank: None,
        },
    ],
    institution_words: &["Université", "Institut", "École", "Ecole", "Centre"],
    faculty_words: &["Faculté"],
    affiliation_leads: &["à", "à la", "au", "à l’", "à l'"],
    department_words: &["Département", "Laboratoire"],
    cities: &["Alger", "Oran", "Constantine", "Tunis", "Rabat", "Beyrouth"],
    countries: &["Algérie", "Tunisie", "Maroc", "Liban", "Belgique", "Suisse"],
    joins_next: &["de", "du", "des", "d'", "le", "la", "ben"],
    joins_previous: &[],
    author_separators: &["et"],
    byline_leads: &["par", "Par"],
    non_name_words: &[
        // Not `la`, `du`: they are also surnames (`Du`, `La Porta`).
        "le", "les", "des", "en", "au", "aux", "par", "vers", "dans", "pour", "sur", "entre", "et",
        "une", "un", "étude", "analyse",
    ],
    corresponding_labels: &["Auteur correspondant"],
    email_labels: &["Courriel", "Mél.", "Adresse électronique"],
    orcid_labels: &["ORCID"],
    journal_words: &["Revue", "Cahiers", "Annales"],
    issue_words: &["n°", "N°", "Numéro", "Tome"],
    history_labels: &[
        hl("Reçu le", HistoryKind::Received),
        hl("Date de réception", HistoryKind::Received),
        hl("Accepté le", HistoryKind::Accepted),
        hl("Date d'acceptation", HistoryKind::Accepted),
        hl("Publié le", HistoryKind::Published),
        hl("Date de publication", HistoryKind::Published),
    ],
    history_headings: &[],
    date_stop_words: &[],
    doi_labels: &[],
    volume_words: &["Tome", "Volume"],
    issue_number_words: &["n°", "N°", "Numéro"],
    ordinal_units: &[],
    ordinal_tens: &[],
    ordinal_teen: &[],
    ordinal_and: &[],
    article_types: &[
        "Article de recherche",
        "Article original",
        "Note de recherche",
    ],
    post_nominals: &[],
    translator_leads: &["Traduit par", "Traduction de"],
    position_leads: &[
        "Professeur",
        "Professeure",
        "Maître de conférences",
        "Chargé de recherche",
        "Chargée de recherche",
        "Doctorant",
        "Doctorante",
        "Chercheur",
        "Chercheuse",
    ],
    contents_labels: &["Table des matières", "Sommaire"],
};

/// All front-matter tables, in the order they are tried.
pub const ALL: &[&FrontMarkers] = &[&ARABIC, &ENGLISH, &GERMAN, &FRENCH];
