//! Personal names as catalogues file them, shared by the front matter, the reference list
//! and the metadata file: the Arabic name splitter (compound elements kept whole, the last
//! element the family name, inverted and direct forms alike) and the Latin form of a name in
//! another script (from the author's email, else romanized, ALA-LC style). `docs/names.md`
//! describes both.

use crate::extract::front::emails::{token_similarity, EMAIL_MATCH_THRESHOLD};
use crate::extract::markers::names::{NameMarkers, NameWord, ALL, ARABIC};
use crate::model::{Contributor, NameOrigin, PersonName, Script};
use crate::script::fold::fold;
use crate::script::romanize::{ala_lc_word, capitalize_word};

/// How well each email token must spell its name element ([`token_similarity`]: consonant
/// skeletons and spelling compared); the threshold that gives an email to an author.
const EMAIL_TOKEN_THRESHOLD: f64 = EMAIL_MATCH_THRESHOLD;

/// `word` without the punctuation around it, folded for comparison with the table.
fn folded_word(word: &str) -> String {
    fold(word.trim_matches(|c: char| !c.is_alphanumeric()))
}

/// The table entry `word` is, from `words`.
fn entry<'t>(word: &str, mut words: impl Iterator<Item = &'t NameWord>) -> Option<&'t NameWord> {
    let w = folded_word(word);
    (!w.is_empty())
        .then(|| words.find(|e| fold(e.written) == w))
        .flatten()
}

/// Whether `word` joins the next word into one Arabic name element (`عبد`, `أبو`, `بن`).
pub(crate) fn joins_next(word: &str) -> bool {
    ALL.iter().any(|t| entry(word, t.heads()).is_some())
}

/// Whether `word` joins the previous word into one Arabic name element (`الدين`, `الله`).
pub(crate) fn joins_previous(word: &str) -> bool {
    ALL.iter()
        .any(|t| entry(word, t.joins_previous.iter()).is_some())
}

/// The elements of a name written given names first: its words grouped so that compounds
/// stay whole (`عبد الله`, `أبو زيد`, `نور الدين`, `بن سعد`, `آل ثاني`, a detached `ال`
/// with its word). A word that joins the next one takes the whole following element
/// (`أبو عبد الله`, `بن عبد الرحمن`).
pub(crate) fn name_elements(name: &str, table: &NameMarkers) -> Vec<String> {
    let mut elements: Vec<String> = Vec::new();
    let mut join_next = false;
    for word in name.split_whitespace() {
        let joins_prev = entry(word, table.joins_previous.iter()).is_some();
        match elements.last_mut() {
            Some(last) if join_next || joins_prev => {
                last.push(' ');
                last.push_str(word);
            }
            _ => elements.push(word.to_string()),
        }
        join_next = entry(word, table.heads()).is_some();
    }
    elements
}

/// `s` without the spaces and punctuation around it.
fn trim_part(s: &str) -> &str {
    s.trim_matches(|c: char| c.is_whitespace() || ",،;؛.".contains(c))
}

/// The first comma of an inverted name (`العبيدي، عبد الله محمد`, `Roe, Jane`).
fn inverted(name: &str) -> Option<(&str, &str)> {
    let (family, given) = name.split_once([',', '،'])?;
    Some((trim_part(family), trim_part(given)))
}

/// Splits an Arabic personal name as Arabic catalogues do, into (given, family). Inverted
/// (`Family، Given`): the part before the comma is the family name. Direct (`Given Father
/// Grandfather Family`): the last element is the family name, kept whole with its article
/// (`العبيدي`), compound (`عبد الرحمن`, `أبو زيد`, `سيف الدين`) or lineage (`بن سعد`); the
/// elements before it, lineage chains included (`محمد بن عبد الله`), are the given names.
/// A name of one element is all family name.
pub(crate) fn split_arabic_name(name: &str) -> (Option<String>, Option<String>) {
    let some = |s: &str| (!s.is_empty()).then(|| s.to_string());
    if let Some((family, given)) = inverted(name) {
        if !family.is_empty() {
            return (some(given), some(family));
        }
    }
    let mut elements = name_elements(name.trim(), &ARABIC);
    let family = elements.pop();
    let given = (!elements.is_empty()).then(|| elements.join(" "));
    (given, family)
}

/// Whether `text` is an inverted Arabic name (`العبيدي، عبد الله محمد`) rather than two
/// names: one comma, one element before it, one to four after it.
pub(crate) fn is_inverted_arabic_name(text: &str) -> bool {
    let commas = text.matches([',', '،']).count();
    match inverted(text) {
        Some((family, given)) if commas == 1 => {
            let f = name_elements(family, &ARABIC).len();
            let g = name_elements(given, &ARABIC).len();
            f == 1 && (1..=4).contains(&g)
        }
        _ => false,
    }
}

/// One Arabic word romanized ALA-LC style: table words take their catalogue form (`عبد` →
/// `ʻAbd`, `الدين` → `al-Dīn`, `بن` → `bin`); the article is `al-` (`al-ʻUbaydī`); a
/// compound head glued to its word is read as two (`عبدالله` → `ʻAbd Allāh`); other words
/// letter by letter, capitalized.
fn romanize_word(word: &str, table: &NameMarkers) -> String {
    if let Some(e) = entry(word, table.all()) {
        return e.latin.to_string();
    }
    let folded = folded_word(word);
    let article = fold(table.article.written);
    for head in table.glued_heads {
        let h = fold(head.written);
        if let Some(rest) = folded.strip_prefix(h.as_str()) {
            if rest.starts_with(article.as_str()) && rest.chars().count() > article.chars().count()
            {
                let rest_at = word
                    .char_indices()
                    .filter(|(_, c)| !crate::script::fold::is_ignorable(*c))
                    .nth(h.chars().count())
                    .map_or(word.len(), |(i, _)| i);
                let tail = romanize_word(word.get(rest_at..).unwrap_or(""), table);
                return format!("{} {tail}", head.latin);
            }
        }
    }
    if let Some(rest) = folded.strip_prefix(article.as_str()) {
        if rest.chars().count() >= 2 {
            let rest_at = word
                .char_indices()
                .filter(|(_, c)| !crate::script::fold::is_ignorable(*c))
                .nth(article.chars().count())
                .map_or(word.len(), |(i, _)| i);
            let body = ala_lc_word(word.get(rest_at..).unwrap_or(""));
            return format!("{}{}", table.article.latin, capitalize_word(&body));
        }
    }
    capitalize_word(&ala_lc_word(word))
}

/// A name part (words of Arabic script) romanized ALA-LC style, word by word.
pub(crate) fn romanize_arabic(part: &str) -> String {
    part.split_whitespace()
        .map(|w| romanize_word(w, &ARABIC))
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The BCP 47 tag of the Latin form of a name in `lang` (`ar` → `ar-Latn`).
fn latin_lang(lang: &str) -> String {
    let primary = lang.split('-').next().unwrap_or("").trim();
    let primary = if primary.is_empty() { "und" } else { primary };
    format!("{primary}-Latn")
}

/// The machine Latin form of an Arabic name: given and family names romanized ALA-LC style
/// (see [`romanize_arabic`]), marked [`NameOrigin::Machine`].
pub(crate) fn machine_latin_form(name: &PersonName) -> Option<PersonName> {
    if name.script != Script::Arabic {
        return None;
    }
    let given = name
        .given
        .as_deref()
        .map(romanize_arabic)
        .filter(|g| !g.is_empty());
    let family = name
        .family
        .as_deref()
        .map(romanize_arabic)
        .filter(|f| !f.is_empty());
    let as_written = match (&given, &family) {
        (None, None) => romanize_arabic(&name.as_written),
        (g, f) => [g.as_deref(), f.as_deref()]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(" "),
    };
    (!as_written.is_empty()).then(|| PersonName {
        as_written,
        script: Script::Latin,
        lang: latin_lang(&name.lang),
        given,
        family,
        origin: NameOrigin::Machine,
    })
}

/// An email token as a name is written (`salim` → `Salim`); a token with capitals inside
/// (`NoorAldin`) keeps them.
fn token_as_name(token: &str) -> String {
    let inner_capitals =
        token.chars().skip(1).any(char::is_uppercase) && token.chars().any(char::is_lowercase);
    if inner_capitals {
        capitalize_word(token)
    } else {
        capitalize_word(&token.to_lowercase())
    }
}

/// The Latin form of an Arabic name recovered from an email address whose local part spells
/// it (`huda.salim` for `هدى سالم جواد` → `Huda Salim`): two or more
/// letter tokens, each spelling the next name element in order by consonant skeleton, the
/// first spelling the first element. The Latin form is split as Latin names are (its last
/// word the family name), marked [`NameOrigin::Email`].
pub(crate) fn latin_form_from_email(email: &str, name: &PersonName) -> Option<PersonName> {
    if name.script != Script::Arabic {
        return None;
    }
    let local = email.split('@').next()?;
    let tokens: Vec<&str> = local
        .split(|c: char| !c.is_ascii_alphabetic())
        .filter(|t| !t.is_empty())
        .collect();
    if tokens.len() < 2 || tokens.iter().any(|t| t.len() < 2) {
        return None;
    }
    // The name in direct order, as an email spells it (the printed form may be inverted).
    let direct = match (&name.given, &name.family) {
        (Some(g), Some(f)) => format!("{g} {f}"),
        _ => name.as_written.clone(),
    };
    let elements: Vec<String> = name_elements(&direct, &ARABIC)
        .iter()
        .map(|e| e.split_whitespace().collect::<String>())
        .collect();
    let mut next = 0;
    for (k, token) in tokens.iter().enumerate() {
        let found = elements
            .iter()
            .enumerate()
            .skip(next)
            .find(|(_, e)| token_similarity(&token.to_lowercase(), e) >= EMAIL_TOKEN_THRESHOLD);
        match found {
            Some((i, _)) if k > 0 || i == 0 => next = i + 1,
            _ => return None,
        }
    }
    let words: Vec<String> = tokens.iter().map(|t| token_as_name(t)).collect();
    let (given, family) = words.split_at(words.len() - 1);
    Some(PersonName {
        as_written: words.join(" "),
        script: Script::Latin,
        lang: latin_lang(&name.lang),
        given: Some(given.join(" ")),
        family: family.first().cloned(),
        origin: NameOrigin::Email,
    })
}

/// Gives a contributor whose name is in Arabic script and who has no Latin form yet its
/// Latin form: from the email when it spells the name, else romanized (marked machine).
/// A Latin form printed or from the metadata file is kept.
pub(crate) fn fill_latin_form(c: &mut Contributor) {
    if c.name.script != Script::Arabic || c.alt_names.iter().any(|n| n.script == Script::Latin) {
        return;
    }
    let form = c
        .email
        .as_deref()
        .and_then(|e| latin_form_from_email(e, &c.name))
        .or_else(|| machine_latin_form(&c.name));
    c.alt_names.extend(form);
}

/// Drops the Latin forms papermeta derived (from the email or romanized), so that a name or
/// email changed afterwards gets fresh ones from [`fill_latin_form`].
pub(crate) fn drop_derived_latin_forms(c: &mut Contributor) {
    c.alt_names
        .retain(|n| !matches!(n.origin, NameOrigin::Email | NameOrigin::Machine));
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Names written for this test (none from a sample or corpus paper): the name as
    /// printed, the expected given names and family name.
    const SPLITS: &[(&str, Option<&str>, &str)] = &[
        // Plain names: the last element is the family name.
        ("هدى سالم جواد", Some("هدى سالم"), "جواد"),
        ("كريم جواد الحسيني", Some("كريم جواد"), "الحسيني"),
        ("نادية  خليل", Some("نادية"), "خليل"),
        ("فاطمة الزهراء", Some("فاطمة"), "الزهراء"),
        ("سارة", None, "سارة"),
        ("الجاحظ", None, "الجاحظ"),
        // `عبد …` kept whole, spaced or glued.
        ("سعاد كريم عبد الرحيم", Some("سعاد كريم"), "عبد الرحيم"),
        ("عبد الله محمد العبيدي", Some("عبد الله محمد"), "العبيدي"),
        ("عمر فاروق عبد الجبار", Some("عمر فاروق"), "عبد الجبار"),
        ("ليلى عبد الكريم الشمري", Some("ليلى عبد الكريم"), "الشمري"),
        ("زينب عبد الأمير الموسوي", Some("زينب عبد الأمير"), "الموسوي"),
        ("عبدالله محمود", Some("عبدالله"), "محمود"),
        ("رنا عبدالكريم", Some("رنا"), "عبدالكريم"),
        ("عبد الرحمن", None, "عبد الرحمن"),
        // `أبو …`, `أم …`, `ذو …`.
        ("علي محمد أبو زيد", Some("علي محمد"), "أبو زيد"),
        ("أبو بكر محمد الرازي", Some("أبو بكر محمد"), "الرازي"),
        ("أبو عبد الله الشافعي", Some("أبو عبد الله"), "الشافعي"),
        ("تامر ابو العلا", Some("تامر"), "ابو العلا"),
        (
            "إيمان عبد المنعم أبو الفتوح",
            Some("إيمان عبد المنعم"),
            "أبو الفتوح",
        ),
        ("أم كلثوم إبراهيم", Some("أم كلثوم"), "إبراهيم"),
        ("ذو الفقار علي", Some("ذو الفقار"), "علي"),
        // `… الدين`, `… الله` and the other second halves.
        ("عز الدين حسن", Some("عز الدين"), "حسن"),
        ("حسن علي سيف الدين", Some("حسن علي"), "سيف الدين"),
        ("صلاح الدين يوسف الأيوبي", Some("صلاح الدين يوسف"), "الأيوبي"),
        ("رائد جميل الدين", Some("رائد"), "جميل الدين"),
        ("عطا الله سليم", Some("عطا الله"), "سليم"),
        ("سامي نصر الله", Some("سامي"), "نصر الله"),
        ("محمد شمس الإسلام", Some("محمد"), "شمس الإسلام"),
        ("بديع الزمان سعيد", Some("بديع الزمان"), "سعيد"),
        ("ضياء الحق أحمد", Some("ضياء الحق"), "أحمد"),
        // `بن`/`ابن`/`بنت` chains and `آل`.
        (
            "محمد بن عبد الله بن سعد الغامدي",
            Some("محمد بن عبد الله بن سعد"),
            "الغامدي",
        ),
        ("خالد بن راشد", Some("خالد"), "بن راشد"),
        ("أحمد ابن خلدون", Some("أحمد"), "ابن خلدون"),
        ("يوسف بن عبد الرحمن", Some("يوسف"), "بن عبد الرحمن"),
        (
            "عبد الرزاق بن علي بن حمد",
            Some("عبد الرزاق بن علي"),
            "بن حمد",
        ),
        ("مريم بنت عمران", Some("مريم"), "بنت عمران"),
        ("حمد بن خليفة آل ثاني", Some("حمد بن خليفة"), "آل ثاني"),
        // A detached article stays with its word.
        ("منى ال سعدي", Some("منى"), "ال سعدي"),
        // Inverted: the part before the comma is the family name.
        ("العبيدي، عبد الله محمد", Some("عبد الله محمد"), "العبيدي"),
        ("الحسيني، كريم جواد", Some("كريم جواد"), "الحسيني"),
        ("الشمري، ليلى عبد الكريم", Some("ليلى عبد الكريم"), "الشمري"),
        ("الموسوي, زينب عبد الأمير", Some("زينب عبد الأمير"), "الموسوي"),
        ("عبد الكريم، ليلى", Some("ليلى"), "عبد الكريم"),
        ("أبو زيد، علي محمد", Some("علي محمد"), "أبو زيد"),
        ("سيف الدين، حسن علي", Some("حسن علي"), "سيف الدين"),
        (
            "الغامدي، محمد بن عبد الله بن سعد",
            Some("محمد بن عبد الله بن سعد"),
            "الغامدي",
        ),
        ("آل ثاني، حمد بن خليفة", Some("حمد بن خليفة"), "آل ثاني"),
        ("العلوي،", None, "العلوي"),
    ];

    /// Pairs of the same person written direct and inverted.
    const SAME_PERSON: &[(&str, &str)] = &[
        ("عبد الله محمد العبيدي", "العبيدي، عبد الله محمد"),
        ("كريم جواد الحسيني", "الحسيني، كريم جواد"),
        ("ليلى عبد الكريم الشمري", "الشمري، ليلى عبد الكريم"),
        ("زينب عبد الأمير الموسوي", "الموسوي, زينب عبد الأمير"),
        ("علي محمد أبو زيد", "أبو زيد، علي محمد"),
        ("حسن علي سيف الدين", "سيف الدين، حسن علي"),
        (
            "محمد بن عبد الله بن سعد الغامدي",
            "الغامدي، محمد بن عبد الله بن سعد",
        ),
        ("حمد بن خليفة آل ثاني", "آل ثاني، حمد بن خليفة"),
    ];

    #[test]
    fn arabic_names_split_as_catalogues_file_them() {
        assert!(SPLITS.len() >= 40, "{} names", SPLITS.len());
        let mut wrong = Vec::new();
        for (name, given, family) in SPLITS {
            let got = split_arabic_name(name);
            let want = (given.map(str::to_string), Some(family.to_string()));
            if got != want {
                wrong.push(format!("{name}: got {got:?}, want {want:?}"));
            }
        }
        assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    }

    #[test]
    fn inverted_and_direct_forms_are_the_same_person() {
        for (direct, inverted) in SAME_PERSON {
            assert_eq!(
                split_arabic_name(direct),
                split_arabic_name(inverted),
                "{direct}"
            );
            assert!(is_inverted_arabic_name(inverted), "{inverted}");
            assert!(!is_inverted_arabic_name(direct), "{direct}");
        }
        // Two names separated by a comma are not one inverted name.
        assert!(!is_inverted_arabic_name("هدى سالم جواد، كريم عباس ناجي"));
    }

    #[test]
    fn authors_and_reference_persons_split_alike() {
        use crate::extract::front::names::parse_author_line;
        use crate::extract::references::parse::person;
        use crate::model::Agent;
        for (direct, inverted) in SAME_PERSON {
            let want = split_arabic_name(direct);
            for form in [direct, inverted] {
                let authors = parse_author_line(form);
                assert_eq!(authors.len(), 1, "{form}");
                let n = &authors[0].name;
                assert_eq!((n.given.clone(), n.family.clone()), want, "author {form}");
                match person(form) {
                    Agent::Person { given, family, .. } => {
                        assert_eq!((given, family), want, "reference {form}")
                    }
                    other => panic!("{form}: {other:?}"),
                }
            }
        }
    }

    fn arabic(name: &str) -> PersonName {
        let (given, family) = split_arabic_name(name);
        PersonName {
            as_written: name.to_string(),
            script: Script::Arabic,
            lang: "ar".into(),
            given,
            family,
            origin: NameOrigin::Printed,
        }
    }

    #[test]
    fn latin_forms_come_from_an_email_that_spells_the_name() {
        let n = arabic("سيف الدين كاظم علي");
        let l = latin_form_from_email("saifaldeen.kadhim@uni.edu.iq", &n).unwrap();
        assert_eq!(l.as_written, "Saifaldeen Kadhim");
        assert_eq!(
            (l.given.as_deref(), l.family.as_deref()),
            (Some("Saifaldeen"), Some("Kadhim"))
        );
        assert_eq!((l.lang.as_str(), l.origin), ("ar-Latn", NameOrigin::Email));
        // The whole name, from its inverted printing.
        let n = arabic("العبيدي، عبد الله محمد");
        let l = latin_form_from_email("abdullah.mohammed.alobaidi@x.org", &n).unwrap();
        assert_eq!(l.as_written, "Abdullah Mohammed Alobaidi");
        // Capitals inside a token are kept; other tokens are capitalized.
        let n = arabic("سيف الدين كاظم علي");
        let l = latin_form_from_email("SaifAldeen.KADHIM@uni.edu.iq", &n).unwrap();
        assert_eq!(l.as_written, "SaifAldeen Kadhim");
        let n = arabic("هدى سالم جواد");
        let l = latin_form_from_email("Huda.Salim@x.org", &n).unwrap();
        assert_eq!(l.as_written, "Huda Salim");
        // No form: one token, an initial, an office address, another person, wrong order.
        for email in [
            "huda77@x.org",
            "h.salim@x.org",
            "editor.office@x.org",
            "kareem.abbas@x.org",
            "salim.huda@x.org",
        ] {
            assert!(latin_form_from_email(email, &n).is_none(), "{email}");
        }
    }

    #[test]
    fn machine_forms_are_romanized_ala_lc_style() {
        let cases = [
            ("عبد الله محمد العبيدي", "ʻAbd Allāh Mḥmd", "al-ʻBīdī"),
            ("نور الدين حسن", "Nūr al-Dīn", "Ḥsn"),
            ("عبدالرحمن موسى", "ʻAbd al-Raḥmān", "Mūsá"),
            ("خالد بن راشد", "Khāld", "bin Rāshd"),
            ("مُحَمَّد سالم", "Muḥammad", "Sālm"),
            ("فاطمة الزهراء", "Fāṭmah", "al-Zhrāʼ"),
        ];
        for (name, given, family) in cases {
            let m = machine_latin_form(&arabic(name)).unwrap();
            assert_eq!(
                (m.given.as_deref(), m.family.as_deref()),
                (Some(given), Some(family)),
                "{name}"
            );
            assert_eq!(m.as_written, format!("{given} {family}"));
            assert_eq!(
                (m.lang.as_str(), m.origin),
                ("ar-Latn", NameOrigin::Machine)
            );
        }
    }

    #[test]
    fn fill_prefers_a_known_latin_form_then_the_email_then_romanization() {
        let mut c = Contributor {
            name: arabic("هدى سالم جواد"),
            email: Some("huda.salim@x.org".into()),
            ..Contributor::default()
        };
        fill_latin_form(&mut c);
        assert_eq!(c.alt_names.len(), 1);
        assert_eq!(c.alt_names[0].origin, NameOrigin::Email);
        // Filling again adds nothing.
        fill_latin_form(&mut c);
        assert_eq!(c.alt_names.len(), 1);
        drop_derived_latin_forms(&mut c);
        c.email = Some("office@x.org".into());
        fill_latin_form(&mut c);
        assert_eq!(c.alt_names[0].origin, NameOrigin::Machine);
        // A printed Latin form is kept.
        let mut c = Contributor {
            name: arabic("هدى سالم جواد"),
            alt_names: vec![PersonName {
                as_written: "Hoda Jawad".into(),
                script: Script::Latin,
                ..PersonName::default()
            }],
            ..Contributor::default()
        };
        fill_latin_form(&mut c);
        assert_eq!(c.alt_names.len(), 1);
        assert_eq!(c.alt_names[0].as_written, "Hoda Jawad");
    }
}
