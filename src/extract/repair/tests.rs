//! Tests of the repair step: the patterns pdftotext printed for the typeset cases of
//! tests/golden/arabic-pdf-*, and properties (correct text is left alone; idempotence).

use super::*;
use proptest::prelude::*;

fn fix(line: &str) -> String {
    repair_line(line).text.into_owned()
}

// U+202B … U+202C around a right-to-left line, U+202A … U+202C around a visual run.
fn rtl(parts: &str) -> String {
    format!(
        "\u{202B}{}\u{202C}",
        parts.replace('[', "\u{202A}").replace(']', "\u{202C}")
    )
}

#[test]
fn words_split_after_a_letter_that_does_not_join_are_joined() {
    let r = repair_line("المصارف التجار ية في الر ياض");
    assert_eq!(r.text, "المصارف التجارية في الرياض");
    assert_eq!(r.counts.split_words, 2);
    // Real words after such a letter stay apart.
    assert_eq!(fix("دار النشر في بغداد"), "دار النشر في بغداد");
    assert_eq!(fix("التجار يبيعون"), "التجار يبيعون");
    assert_eq!(fix("الا ان"), "الا ان");
}

#[test]
fn dotted_abbreviations_opened_by_spaces_are_closed_up() {
    let r = repair_line("م. د. علي حسن، كتاب في الفقه");
    assert_eq!(r.text, "م.د. علي حسن، كتاب في الفقه");
    assert_eq!(r.counts.split_words, 1);
    assert_eq!(fix("أ. م. د. سعاد كامل"), "أ.م.د. سعاد كامل");
    // as pdftotext prints it: the dots in visual runs, a note label first
    assert_eq!(fix(&rtl("([ )3]أ[ .]د[ .]هدى")), "(3) أ.د. هدى");
    // closed ones stay; a letter and a dot before a word is not a chain
    for line in [
        "م.م. زينب",
        "د. علي حسن",
        "أ. التعريف بالمصطلح",
        "ينظر: ص. 12",
    ] {
        assert_eq!(fix(line), line, "{line}");
    }
}

#[test]
fn a_bracketed_number_before_a_mirrored_one_stays() {
    // Found by `repairing_twice_changes_nothing`: `(٠)` is correct, only what follows it is
    // mirrored.
    for line in [")٠(٠(ا", ")0)0(ع"] {
        let once = fix(line);
        assert_eq!(fix(&once), once, "{line}");
    }
}

#[test]
fn a_line_of_digits_alone_reads_right_to_left() {
    // A reference's page range wrapped onto its own line: `٤٠١-٤٣٦.`
    assert_eq!(fix(&rtl("[.٤٣٦-٤٠١]")), "٤٠١-٤٣٦.");
    // XeLaTeX sets a rising range left to right as a whole: it stays.
    assert_eq!(fix(&rtl("العلوم[.33–58 ،(1)7 ،]")), "العلوم، 7(1)، 33–58.");
    // The year that ends a Latin reference keeps its order.
    assert_eq!(fix(&rtl("[2018.]")), "2018.");
    // A Latin line alone keeps its order.
    assert_eq!(fix(&rtl("[Abstract: text.]")), "Abstract: text.");
}

#[test]
fn digits_and_punctuation_in_visual_runs_read_in_order() {
    // LibreOffice, footnote marker glued to the full stop (`الأطراف1. وقد`)
    assert_eq!(fix(&rtl("الأطراف[ .1]وقد")), "الأطراف1. وقد");
    // a number between words: the space is printed on the wrong side
    assert_eq!(fix(&rtl("رقم [ 45]لسنة")), "رقم 45 لسنة");
    // a comma alone
    assert_eq!(fix(&rtl("الله[ ،]والإلزام")), "الله، والإلزام");
    // a label at the end of its line
    assert_eq!(
        fix(&rtl("الكلمات المفتاحية[ :]العقد")),
        "الكلمات المفتاحية: العقد"
    );
    // digits of two kinds and a bracket: `(المادة ٢٣) 45 عام`
    assert_eq!(fix(&rtl("(المادة [ 45 )٢٣]عام")), "(المادة ٢٣) 45 عام");
    // the journal header `العدد ٣، ٢٠٢٣`
    assert_eq!(fix(&rtl("العدد [٢٠٢٣ ،٣]")), "العدد ٣، ٢٠٢٣");
    // a year between commas and a page number
    assert_eq!(fix(&rtl("البصرة[ ،2019 ،]ص [.17]")), "البصرة، 2019، ص 17.");
    // a range of years (LibreOffice prints `(1881-1914)` as `([)1914-1881]`)
    assert_eq!(
        fix(&rtl("الاستعمارية ([)1914-1881]")),
        "الاستعمارية (1881-1914)"
    );
    // decimals stay whole
    assert_eq!(
        fix(&rtl("متوسط درجاتها ([ )٢٦٫٤]مقابل")),
        "متوسط درجاتها (٢٦٫٤) مقابل"
    );
    // an academic prefix cut by the dots
    assert_eq!(fix(&rtl("أ[.]م[.]د[ .]حيدر كريم")), "أ.م.د. حيدر كريم");
}

#[test]
fn note_labels_as_libreoffice_prints_them() {
    assert_eq!(fix(&rtl("([ )1]د[ .]ليث")), "(1) د. ليث");
    assert_eq!(fix(&rtl("([)2]ينظر[ :]المادة")), "(2)ينظر: المادة");
}

// U+202A … U+202C around a left-to-right line's runs of Arabic.
fn ltr(parts: &str) -> String {
    parts.replace('[', "\u{202B}").replace(']', "\u{202C}")
}

#[test]
fn latin_note_lines_with_the_label_at_the_end() {
    assert_eq!(
        fix(&rtl("[.Bergen, T., Flipping the classroom, p. 44 2]")),
        "2 Bergen, T., Flipping the classroom, p. 44."
    );
    assert_eq!(
        fix(&rtl(
            "[Ferrand (Lucien), L'administration des communes, Paris, -2]"
        )),
        "2- Ferrand (Lucien), L'administration des communes, Paris,"
    );
    assert_eq!(fix(&rtl("[.Ibid., p. 150-3]")), "3- Ibid., p. 150.");
    // a Latin line that ends in numbers and no sentence, or an English abstract's line
    assert_eq!(
        fix(&rtl("[Review of Law, vol. 2, pp. 150-3]")),
        "Review of Law, vol. 2, pp. 150-3"
    );
    assert_eq!(
        fix(&rtl("[in the years 1990 and 2001 there were 3]")),
        "in the years 1990 and 2001 there were 3"
    );
}

#[test]
fn a_closing_bracket_printed_outside_its_latin_line() {
    assert_eq!(
        fix(&rtl(")[and Surveillance (1881-1914]")),
        "and Surveillance (1881-1914)"
    );
}

#[test]
fn an_arabic_line_set_left_to_right_reads_right_to_left() {
    assert_eq!(
        fix(&ltr("2021 ،01 [ العدد]،09 [مجلة الحوار — المجلد]")),
        "مجلة الحوار — المجلد 09، العدد 01، 2021"
    );
    assert_eq!(
        fix(&ltr("[ المراجع الفرنسية]:ً[ثانيا]")),
        "ثانياً: المراجع الفرنسية"
    );
    assert_eq!(fix(&ltr(":[الهوامش]")), "الهوامش:");
    // an English line quoting Arabic keeps its order
    assert_eq!(
        fix(&ltr("The word [الهوامش] means notes")),
        "The word الهوامش means notes"
    );
}

#[test]
fn marks_of_final_letters() {
    assert_eq!(fix("السوق أدا ًة للجباية"), "السوق أداةً للجباية");
    assert_eq!(fix("أوالً: المراجع"), "أولاً: المراجع");
    assert_eq!(fix("تحوالً نحو"), "تحولاً نحو");
}

#[test]
fn mirrored_brackets_around_numbers_turn_back() {
    assert_eq!(fix("وزعت على )٣٨٠( عميلاً"), "وزعت على (٣٨٠) عميلاً");
    assert_eq!(fix("مجلة الاقتصاد، ١١)٣(، ٢٠٥"), "مجلة الاقتصاد، ١١(٣)، ٢٠٥");
    assert_eq!(fix("الثبات )0.91(، و)12.5%("), "الثبات (0.91)، و(12.5%)");
    // correct brackets and Latin lines stay
    assert_eq!(fix("رقم (٤٠) لسنة ١٩٥١"), "رقم (٤٠) لسنة ١٩٥١");
    assert_eq!(fix("a) 12 (b"), "a) 12 (b");
    assert_eq!(fix("نص) 12 (نص"), "نص) 12 (نص");
}

#[test]
fn a_latin_note_gets_its_label_back() {
    assert_eq!(
        fix(&rtl("([Jean Martin, Le droit civil, Éditions )2]")),
        "(2) Jean Martin, Le droit civil, Éditions"
    );
    assert_eq!(fix(&rtl("([.Ibid., p. 93)3]")), "(3) Ibid., p. 93.");
    assert_eq!(
        fix(&rtl("([.Hale (ed.), Contracts, p. 4)12]")),
        "(12) Hale (ed.), Contracts, p. 4."
    );
    // Arabic text after the run, or no label digits: the general rules apply.
    assert_eq!(fix(&rtl("([)2]ينظر[ :]المادة")), "(2)ينظر: المادة");
    assert_eq!(
        fix(&rtl("التوجيه والمناقشة ([.)Harlow & Benning, 2016]")),
        "التوجيه والمناقشة (Harlow & Benning, 2016)."
    );
}

#[test]
fn latin_inside_arabic_keeps_its_order_and_its_brackets() {
    assert_eq!(
        fix(&rtl("الآن[ Code civil (art. 12) .]هنا")),
        "الآن. Code civil (art. 12) هنا"
    );
    assert_eq!(
        fix(&rtl("التوجيه والمناقشة ([.)Harlow & Benning, 2016]")),
        "التوجيه والمناقشة (Harlow & Benning, 2016)."
    );
}

#[test]
fn a_line_that_is_one_latin_run_stays_left_to_right() {
    // an English abstract line on a right-to-left page
    assert_eq!(
        fix(&rtl("[Keywords: duty to inform, consumer protection,]")),
        "Keywords: duty to inform, consumer protection,"
    );
    // the end of a Latin note set in a right-to-left paragraph
    assert_eq!(
        fix(&rtl("[.Juridiques du Lac, Lyon, 2012, p. 88]")),
        "Juridiques du Lac, Lyon, 2012, p. 88."
    );
}

#[test]
fn arabic_runs_in_a_left_to_right_line() {
    // `see الكتاب here`: the space after the Arabic run was printed before it
    assert_eq!(fix("see \u{202B} الكتاب\u{202C}here"), "see الكتاب here");
}

#[test]
fn controls_of_another_shape_are_only_dropped() {
    assert_eq!(fix("\u{200F}النص\u{200E} text"), "النص text");
    assert_eq!(fix("\u{2067}النص\u{2069}"), "النص");
}

#[test]
fn reversed_lam_alef_after_an_alef() {
    // KacstBook through LibreOffice: every lam-alef glyph comes out backwards
    assert_eq!(fix("األحكام"), "الأحكام");
    assert_eq!(fix("اإلسالمية"), "الإسالمية"); // the second lam-alef (سلا) is ambiguous
    assert_eq!(fix("االلتزام باإلعالم"), "الالتزام بالإعالم");
    assert_eq!(fix("ال إله إال"), "ال إله إلا");
    // `لآلئ` printed `آللئ` is left: `آل` begins many words
    assert_eq!(fix("آللئ"), "آللئ");
    assert_eq!(fix("آالف"), "آلاف");
    assert_eq!(fix("أال"), "ألا");
}

#[test]
fn reversed_allah_ligature() {
    assert_eq!(fix("في اهلل"), "في الله");
    assert_eq!(fix("باهلل وعبداهلل"), "بالله وعبدالله");
}

#[test]
fn marks_split_off_their_letter() {
    // Amiri through LibreOffice: tanween after a final alef, pushed past a space
    assert_eq!(fix("فرقا ً دالا ً"), "فرقاً دالاً");
    // a mark over a reversed lam-alef: `أولاً` printed `أو ًال`
    assert_eq!(fix("أو ًال"), "أولاً");
    assert_eq!(fix("تعدي ًال"), "تعديلاً");
}

#[test]
fn justification_tatweel() {
    // XeLaTeX/Amiri: a kashida inside `الإلكترونية`
    assert_eq!(fix("الإلـكترونية"), "الإلكترونية");
    assert_eq!(fix("المقدمـــة"), "المقدمة");
    // a rule of tatweels, and a tatweel after a letter that does not join, are kept
    assert_eq!(fix("ــــــــ"), "ــــــــ");
    assert_eq!(fix("داـر"), "داـر");
}

#[test]
fn presentation_forms_become_letters() {
    // ﻻ (lam-alef isolated) ﺍﻟﻌﺮﺑﻴﺔ (initial/medial/final forms)
    assert_eq!(
        fix("\u{FEFB} \u{FE8D}\u{FEDF}\u{FECC}\u{FEAE}\u{FE91}\u{FEF4}\u{FE94}"),
        "لا العربية"
    );
    assert_eq!(fix("\u{FEF7}"), "لأ");
    // honorific ligatures stay
    assert_eq!(fix("محمد \u{FDFA}"), "محمد \u{FDFA}");
}

#[test]
fn counts_and_offsets() {
    let r = repair_line("\u{202B}رقم \u{202A} 45\u{202C}لسنة\u{202C}");
    assert_eq!(r.text, "رقم 45 لسنة");
    assert_eq!(r.counts.bidi_controls, 4);
    assert_eq!(r.counts.visual_runs, 1);
    // `4` of the repaired text comes from byte 13 of the source line (after RLE, رقم, space, LRE, space)
    let four = r.text.find('4').unwrap();
    assert_eq!(r.source_offset(four), "\u{202B}رقم \u{202A} ".len());
    let r = repair_line("األحكام");
    assert_eq!(r.counts.ligatures, 1);
    let plain = repair_line("Plain text 12.");
    assert!(plain.counts.is_empty());
    assert!(matches!(plain.text, Cow::Borrowed(_)));
    assert_eq!(plain.source_offset(3), 3);
}

/// Correct words: they hold every letter sequence the rules look at in its right order.
const WORDS: &[&str] = &[
    "الأحكام",
    "الإسلامية",
    "لا",
    "إلا",
    "الله",
    "بالله",
    "لله",
    "العلاقات",
    "العالم",
    "ألف",
    "أليس",
    "الآن",
    "لآلئ",
    "أولاً",
    "فرقاً",
    "كتابًا",
    "مُدرِّس",
    "الاستهلاك",
    "مال",
    "سؤال",
    "والإلزام",
    "ـــــ",
    "ﷺ",
    "(١)",
    "٢٠٢٣",
    "12.5",
    "Code",
    "civil",
    "(art.",
    "12)",
    "Ibid.,",
    "p.",
    "«القانون»",
    "،",
    "؛",
    ":",
    "-",
    "%",
    "٪٢٥",
    "É",
    "l'obligation",
    "المصدر",
    "نفسه،",
];

proptest! {
    #![proptest_config(ProptestConfig { cases: 500, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn correct_text_is_left_alone(words in proptest::collection::vec(proptest::sample::select(WORDS), 0..12)) {
        let line = words.join(" ");
        prop_assert_eq!(fix(&line), line);
    }

    #[test]
    fn repairing_twice_changes_nothing(line in "[\u{202A}\u{202B}\u{202C}\u{200F} ().,،:0-9٠-٩اأإآلهـًٌٍَُِّبعرمقAbc]{0,40}") {
        let once = fix(&line);
        prop_assert_eq!(fix(&once), once.clone());
        let r = repair_line(&line);
        // every offset points into the source line at a character boundary
        for (k, c) in r.text.char_indices() {
            let src = r.source_offset(k);
            prop_assert!(src < line.len() && line.is_char_boundary(src), "{c} at {k} -> {src}");
        }
    }

    #[test]
    fn poppler_lines_lose_every_control(words in proptest::collection::vec(proptest::sample::select(WORDS), 1..8)) {
        let line = rtl(&words.join("[ ]"));
        let out = fix(&line);
        prop_assert!(!out.chars().any(is_bidi_control));
    }
}

#[test]
fn every_golden_input_line_repairs_to_a_fixed_point() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden");
    let mut lines = 0;
    for case in std::fs::read_dir(root).unwrap().flatten() {
        let Ok(text) = std::fs::read_to_string(case.path().join("input.txt")) else {
            continue; // not UTF-8 (the Windows-1256 case) or no input
        };
        for line in text.lines() {
            let once = fix(line);
            assert_eq!(fix(&once), once, "{}: {line}", case.path().display());
            lines += 1;
        }
    }
    assert!(lines > 1000, "only {lines} lines read");
}

#[test]
fn a_group_heading_whose_ordinal_comes_last_in_visual_order() {
    let line = "\u{202B} المراجع باللغة الفرنسية\u{202C}:ً\u{202B}ثانيا\u{202C}";
    assert_eq!(fix(line), "ثانياً: المراجع باللغة الفرنسية");
}
