//! Front matter helpers: affiliation parts, emails, and matching emails to authors by name.

use super::names::{all_entries, find_words, fold};
use crate::script::romanize::{consonant_skeleton, romanize};
use regex::Regex;
use std::sync::LazyLock;

/// An email address.
pub(crate) static EMAIL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"[A-Za-z0-9][A-Za-z0-9._%+\-]*@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}")
        .expect("valid regex")
});

/// An ORCID iD.
pub(crate) static ORCID: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b\d{4}-\d{4}-\d{4}-\d{3}[\dX]\b").expect("valid regex"));

/// Separators between the parts of an affiliation: `/`, `،`, `,`, `;`, `|`, and a dash between
/// spaces (a dash inside a word, as in `Al-Mustansiriyah`, is kept).
static AFF_SEPARATORS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\s*(?:[/،,;؛|]|\s[-–—]\s)\s*").expect("valid regex"));

/// The classified parts of an affiliation text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct AffParts {
    /// University or institution.
    pub institution: Option<String>,
    /// Faculty or college.
    pub faculty: Option<String>,
    /// Department.
    pub department: Option<String>,
    /// City.
    pub city: Option<String>,
    /// Country.
    pub country: Option<String>,
}

impl AffParts {
    /// Fills the parts `other` has and `self` lacks; `false` (and no change) when a part both
    /// have differs, i.e. when `other` is another affiliation.
    pub fn merge(&mut self, other: &AffParts) -> bool {
        let pairs = [
            (&self.institution, &other.institution),
            (&self.faculty, &other.faculty),
            (&self.department, &other.department),
        ];
        if pairs
            .iter()
            .any(|(a, b)| matches!((a, b), (Some(x), Some(y)) if !same_text(x, y)))
        {
            return false;
        }
        for (mine, theirs) in [
            (&mut self.institution, &other.institution),
            (&mut self.faculty, &other.faculty),
            (&mut self.department, &other.department),
            (&mut self.city, &other.city),
            (&mut self.country, &other.country),
        ] {
            if mine.is_none() {
                mine.clone_from(theirs);
            }
        }
        true
    }
}

/// Whether two printed texts are the same name (spacing, alef forms and case folded).
pub(crate) fn same_text(a: &str, b: &str) -> bool {
    let f = |s: &str| -> String { fold(s).chars().filter(|c| c.is_alphanumeric()).collect() };
    f(a) == f(b)
}

/// Whether some part of `text` names an institution, faculty or department.
pub(crate) fn is_affiliation_text(text: &str) -> bool {
    find_words(text, all_entries(|m| m.institution_words)).is_some()
        || find_words(text, all_entries(|m| m.faculty_words)).is_some()
        || find_words(text, all_entries(|m| m.department_words)).is_some()
}

/// Whether `part` is exactly one entry of a place list.
fn is_place(
    part: &str,
    pick: fn(&crate::extract::markers::front::FrontMarkers) -> &'static [&'static str],
) -> bool {
    all_entries(pick).any(|e| same_text(e, part))
}

/// Splits an affiliation text (emails removed) into parts and classifies each with the tables:
/// the earliest institution/faculty/department word of a part decides its kind.
pub(crate) fn parse_affiliation(text: &str) -> AffParts {
    let without_email = EMAIL.replace_all(text, " ");
    let mut parts = AffParts::default();
    for part in AFF_SEPARATORS.split(&without_email) {
        let part = part
            .trim()
            .trim_matches(|c: char| c.is_whitespace() || ".:*()".contains(c));
        if part.is_empty() {
            continue;
        }
        let found = [
            (0, find_words(part, all_entries(|m| m.institution_words))),
            (1, find_words(part, all_entries(|m| m.faculty_words))),
            (2, find_words(part, all_entries(|m| m.department_words))),
        ]
        .into_iter()
        .filter_map(|(k, pos)| pos.map(|p| (p, k)))
        .min();
        let slot = match found {
            Some((_, 0)) => &mut parts.institution,
            Some((_, 1)) => &mut parts.faculty,
            Some((_, _)) => &mut parts.department,
            None if is_place(part, |m| m.countries) => &mut parts.country,
            None if is_place(part, |m| m.cities) => &mut parts.city,
            None => continue,
        };
        if slot.is_none() {
            *slot = Some(part.to_string());
        }
    }
    parts
}

/// Lower-case letter tokens of an email's local part (`Omar.khalid88` → `omar`, `khalid`).
fn email_tokens(email: &str) -> Vec<String> {
    let local = email.split('@').next().unwrap_or("");
    local
        .split(|c: char| !c.is_ascii_alphabetic())
        .filter(|t| t.len() >= 2)
        .map(|t| t.to_ascii_lowercase())
        .collect()
}

/// Similarity of a token from an email and a romanized name part, in 0..=1.
pub(crate) fn token_similarity(email_token: &str, name_part: &str) -> f64 {
    let a = consonant_skeleton(email_token);
    let b = consonant_skeleton(name_part);
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let skel = strsim::normalized_levenshtein(&a, &b);
    let spelled = strsim::jaro_winkler(email_token, &romanize(name_part).replace(' ', ""));
    let prefix = if a.len() >= 2 && b.len() >= 2 && (a.starts_with(&b) || b.starts_with(&a)) {
        0.8
    } else {
        0.0
    };
    skel.max(prefix).max(spelled * 0.9)
}

/// How well `email` fits the person `name` (any script), in 0..=1: each token of the local
/// part is compared with the name's words and runs of adjacent words (`shamsaldeen` with
/// `شمس الدين`) by consonant skeleton, and the whole local part with the words glued together.
pub(crate) fn email_name_score(email: &str, name: &str) -> f64 {
    let words: Vec<&str> = name.split_whitespace().collect();
    if words.is_empty() {
        return 0.0;
    }
    let mut candidates: Vec<String> = Vec::new();
    for i in 0..words.len() {
        for len in 1..=3 {
            if let Some(run) = words.get(i..i + len) {
                candidates.push(run.concat());
            }
        }
    }
    let tokens = email_tokens(email);
    if tokens.is_empty() {
        return 0.0;
    }
    let per_token: f64 = tokens
        .iter()
        .map(|t| {
            candidates
                .iter()
                .map(|c| token_similarity(t, c))
                .fold(0.0, f64::max)
        })
        .sum::<f64>()
        / tokens.len() as f64;
    // The whole local part against initials + a word, or two glued words (`okhalid`).
    let whole: String = tokens.concat();
    let mut glued = 0.0f64;
    for (i, w) in words.iter().enumerate() {
        for (j, v) in words.iter().enumerate() {
            if i == j {
                continue;
            }
            let initial: String = romanize(w).chars().take(1).collect();
            let forms = [
                format!("{initial}{}", romanize(v)),
                romanize(&format!("{w}{v}")),
            ];
            for f in forms {
                let f: String = f.chars().filter(|c| !c.is_whitespace()).collect();
                glued = glued.max(strsim::normalized_levenshtein(&whole, &f));
                glued = glued.max(strsim::normalized_levenshtein(
                    &consonant_skeleton(&whole),
                    &consonant_skeleton(&f),
                ));
            }
        }
    }
    per_token.max(glued)
}

/// The lowest score at which an email is taken to belong to a name.
pub(crate) const EMAIL_MATCH_THRESHOLD: f64 = 0.72;

/// Assigns emails to names, best pairs first, each name and each email at most once.
/// Returns, for each email, the index of its name.
pub(crate) fn match_emails(emails: &[&str], names: &[&[String]]) -> Vec<Option<usize>> {
    let mut pairs: Vec<(f64, usize, usize)> = Vec::new();
    for (e, email) in emails.iter().enumerate() {
        for (n, forms) in names.iter().enumerate() {
            let score = forms
                .iter()
                .map(|f| email_name_score(email, f))
                .fold(0.0, f64::max);
            if score >= EMAIL_MATCH_THRESHOLD {
                pairs.push((score, e, n));
            }
        }
    }
    pairs.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    let mut out = vec![None; emails.len()];
    let mut taken = vec![false; names.len()];
    for (_, e, n) in pairs {
        if out.get(e).is_some_and(|o| o.is_none()) && taken.get(n).is_some_and(|t| !t) {
            if let Some(slot) = out.get_mut(e) {
                *slot = Some(n);
            }
            if let Some(t) = taken.get_mut(n) {
                *t = true;
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classifies_affiliation_parts() {
        let p = parse_affiliation("قسم الاقتصاد/ كلية الإدارة والاقتصاد - جامعة البصرة، العراق");
        assert_eq!(p.department.as_deref(), Some("قسم الاقتصاد"));
        assert_eq!(p.faculty.as_deref(), Some("كلية الإدارة والاقتصاد"));
        assert_eq!(p.institution.as_deref(), Some("جامعة البصرة"));
        assert_eq!(p.country.as_deref(), Some("العراق"));
        let p = parse_affiliation(
            "Department of History, Faculty of Arts, Al-Azhar University, Cairo, Egypt. x@y.eg",
        );
        assert_eq!(p.department.as_deref(), Some("Department of History"));
        assert_eq!(p.faculty.as_deref(), Some("Faculty of Arts"));
        assert_eq!(p.institution.as_deref(), Some("Al-Azhar University"));
        assert_eq!(p.city.as_deref(), Some("Cairo"));
        assert_eq!(p.country.as_deref(), Some("Egypt"));
        let p = parse_affiliation("الجامعة المستنصرية / كلية القانون");
        assert_eq!(p.institution.as_deref(), Some("الجامعة المستنصرية"));
    }

    #[test]
    fn merges_compatible_parts_only() {
        let mut a = parse_affiliation("جامعة الكوفة / كلية الآداب");
        assert!(a.merge(&parse_affiliation("قسم التاريخ / كلية الآداب/ جامعة الكوفة")));
        assert_eq!(a.department.as_deref(), Some("قسم التاريخ"));
        let mut b = parse_affiliation("جامعة الكوفة");
        assert!(!b.merge(&parse_affiliation("جامعة بابل / قسم التاريخ")));
        assert_eq!(b.department, None);
    }

    #[test]
    fn scores_emails_against_arabic_and_latin_names() {
        let s = |e, n| email_name_score(e, n);
        assert!(s("huda.salim@uni.edu.iq", "هدى سالم جواد") >= EMAIL_MATCH_THRESHOLD);
        assert!(s("saifaldeen.k@uni.edu.iq", "سيف الدين كاظم علي") >= EMAIL_MATCH_THRESHOLD);
        assert!(s("abdulrahman77@gmail.com", "عبد الرحمن حسين") >= EMAIL_MATCH_THRESHOLD);
        assert!(s("jroe@kent.ac.uk", "Jane Roe") >= EMAIL_MATCH_THRESHOLD);
        assert!(s("huda.salim@uni.edu.iq", "كريم عباس ناجي") < EMAIL_MATCH_THRESHOLD);
        assert!(s("editor@journal.org", "هدى سالم جواد") < EMAIL_MATCH_THRESHOLD);
    }

    #[test]
    fn matches_emails_by_name_not_order() {
        let a = vec!["هدى سالم جواد".to_string()];
        let b = vec!["كريم عباس ناجي".to_string()];
        let names: Vec<&[String]> = vec![&a, &b];
        let got = match_emails(&["kareem.abbas@x.iq", "huda.s@x.iq", "office@x.iq"], &names);
        assert_eq!(got, [Some(1), Some(0), None]);
    }
}
