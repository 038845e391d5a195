//! Affiliation text: its parts (institution, faculty, department, city, country) read from
//! the marker tables, and when two affiliation texts are the same.

use super::emails::EMAIL;
use super::names::{all_entries, find_words, fold};
use regex::Regex;
use std::sync::LazyLock;

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
        let part = match found {
            Some((at, _)) => cut_sentence(part, at),
            None => part,
        };
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

/// A part at least this many words long is a sentence, not a list of names.
const SENTENCE_WORDS: usize = 8;

/// A part written as a sentence (`… is professor of law at the University of X`) is cut to
/// what follows its last institution lead before `at_char`, the word that classed it.
fn cut_sentence(part: &str, at_char: usize) -> &str {
    if part.split_whitespace().count() < SENTENCE_WORDS {
        return part;
    }
    let at = part
        .char_indices()
        .nth(at_char)
        .map_or(part.len(), |(b, _)| b);
    let head = part.get(..at).unwrap_or(part);
    let mut cut: Option<usize> = None;
    for lead in all_entries(|m| m.affiliation_leads) {
        for (i, _) in head.match_indices(lead) {
            let end = i + lead.len();
            let starts_word = head
                .get(..i)
                .is_some_and(|b| b.is_empty() || b.ends_with(' '));
            let elided = lead.ends_with(['\'', '’']);
            let ends_word = elided || head.get(end..).is_some_and(|r| r.starts_with(' '));
            if starts_word && ends_word {
                cut = cut.max(Some(end));
            }
        }
    }
    match cut.and_then(|e| part.get(e..)).map(str::trim_start) {
        Some(rest) if !rest.is_empty() => rest,
        _ => part,
    }
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
    fn a_note_written_as_a_sentence_names_its_institution_after_the_lead() {
        let p = parse_affiliation(
            "Prof. Dr. Jane Roe is a full professor of private law at the Free University Berlin.",
        );
        assert_eq!(p.institution.as_deref(), Some("Free University Berlin"));
        let p = parse_affiliation(
            "Prof. Dr. Jane Roe ist Professorin für Privatrecht an der Freien Universität Berlin.",
        );
        assert_eq!(p.institution.as_deref(), Some("Freien Universität Berlin"));
        // A short part keeps its words.
        let p = parse_affiliation("Centre for Legal Studies at the Institute of Law");
        assert_eq!(
            p.institution.as_deref(),
            Some("Centre for Legal Studies at the Institute of Law")
        );
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
}
