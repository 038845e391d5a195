//! Mapping tables from the model's enums to JATS values, and the few words the writer
//! itself supplies (headings that JATS needs where the paper printed none).

use crate::model::{AcademicRank, ContributorRole, ReferenceType, Script, SectionKind};

/// Elements whose content is element-only, so whitespace may be added between children.
/// Everything else is written inline (mixed content keeps its text exact).
pub(crate) const BLOCK_ELEMENTS: &[&str] = &[
    "article",
    "front",
    "body",
    "back",
    "journal-meta",
    "journal-title-group",
    "trans-title-group",
    "publisher",
    "article-meta",
    "article-categories",
    "subj-group",
    "title-group",
    "contrib-group",
    "contrib",
    "name-alternatives",
    "name",
    "author-notes",
    "pub-date",
    "history",
    "date",
    "permissions",
    "license",
    "abstract",
    "trans-abstract",
    "kwd-group",
    "sec",
    "list",
    "list-item",
    "disp-quote",
    "fn-group",
    "fn",
    "ref-list",
    "ref",
    "citation-alternatives",
    "element-citation",
    "institution-wrap",
];

/// `SectionKind` → `sec-type` (JATS suggested values where one exists).
pub(crate) const SEC_TYPES: &[(SectionKind, &str)] = &[
    (SectionKind::Introduction, "intro"),
    (SectionKind::Methods, "methods"),
    (SectionKind::Conclusion, "conclusions"),
    (SectionKind::Recommendations, "recommendations"),
    (SectionKind::Acknowledgements, "acknowledgments"),
    (SectionKind::Appendix, "appendix"),
];

/// The `sec-type` of a section kind, if it has one.
pub(crate) fn sec_type(kind: SectionKind) -> Option<&'static str> {
    SEC_TYPES.iter().find(|(k, _)| *k == kind).map(|(_, v)| *v)
}

/// `ReferenceType` → `element-citation/@publication-type`.
pub(crate) const PUBLICATION_TYPES: &[(ReferenceType, &str)] = &[
    (ReferenceType::Book, "book"),
    (ReferenceType::Chapter, "book"),
    (ReferenceType::JournalArticle, "journal"),
    (ReferenceType::MastersThesis, "thesis"),
    (ReferenceType::DoctoralThesis, "thesis"),
    (ReferenceType::NewsArticle, "newspaper"),
    (ReferenceType::WebPage, "webpage"),
    (ReferenceType::Report, "report"),
    (ReferenceType::LegalDocument, "government"),
    (ReferenceType::Other, "other"),
];

/// The `publication-type` of a reference type.
pub(crate) fn publication_type(t: ReferenceType) -> &'static str {
    PUBLICATION_TYPES
        .iter()
        .find(|(k, _)| *k == t)
        .map_or("other", |(_, v)| *v)
}

/// `ContributorRole` → `contrib/@contrib-type`.
pub(crate) const CONTRIB_TYPES: &[(ContributorRole, &str)] = &[
    (ContributorRole::Author, "author"),
    (ContributorRole::Editor, "editor"),
    (ContributorRole::Translator, "translator"),
];

/// The `contrib-type` of a role.
pub(crate) fn contrib_type(role: ContributorRole) -> &'static str {
    CONTRIB_TYPES
        .iter()
        .find(|(k, _)| *k == role)
        .map_or("author", |(_, v)| *v)
}

/// Prefix text per academic rank, for a name form whose script differs from the prefix as
/// printed (e.g. the Latin form of an Arabic name): (rank, Latin script (English), Arabic).
pub(crate) const RANK_PREFIXES: &[(AcademicRank, &str, &str)] = &[
    (AcademicRank::Professor, "Prof.", "أ.د"),
    (AcademicRank::AssistantProfessor, "Asst. Prof.", "أ.م.د"),
    (
        AcademicRank::AssociateProfessor,
        "Assoc. Prof.",
        "أستاذ مشارك",
    ),
    (AcademicRank::LecturerDoctor, "Lect. Dr.", "م.د"),
    (AcademicRank::Lecturer, "Lect.", "م."),
    (AcademicRank::AssistantLecturer, "Asst. Lect.", "م.م"),
    (AcademicRank::Doctor, "Dr.", "د."),
    (AcademicRank::Researcher, "Researcher", "الباحث"),
];

/// The prefix text of a rank for a name written in `script` (a romanized Arabic name,
/// `ar-Latn`, takes the Latin-script prefix).
pub(crate) fn rank_prefix(rank: AcademicRank, script: Script) -> Option<&'static str> {
    let row = RANK_PREFIXES.iter().find(|(r, _, _)| *r == rank)?;
    match script {
        Script::Latin => Some(row.1),
        Script::Arabic => Some(row.2),
        Script::Other => None,
    }
}

/// The heading of a reference list that printed none, per language.
pub(crate) const REFERENCES_TITLES: &[(&str, &str)] = &[
    ("ar", "المراجع"),
    ("en", "References"),
    ("fr", "Références"),
];

/// The references heading for a language, English when the language is not in the table.
pub(crate) fn references_title(lang: &str) -> &'static str {
    let primary = crate::model::identifiers::primary_language(lang);
    REFERENCES_TITLES
        .iter()
        .find(|(l, _)| *l == primary)
        .map_or("References", |(_, t)| *t)
}

/// Whether two BCP 47 tags name the same language (case-insensitive).
pub(crate) fn same_lang(a: &str, b: &str) -> bool {
    a.eq_ignore_ascii_case(b)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_section_kind_written_in_body_is_mapped_or_deliberately_plain() {
        assert_eq!(sec_type(SectionKind::Introduction), Some("intro"));
        assert_eq!(sec_type(SectionKind::Conclusion), Some("conclusions"));
        assert_eq!(sec_type(SectionKind::Methods), Some("methods"));
        assert_eq!(sec_type(SectionKind::Other), None);
    }

    #[test]
    fn reference_types_map_to_publication_types() {
        assert_eq!(publication_type(ReferenceType::Book), "book");
        assert_eq!(publication_type(ReferenceType::JournalArticle), "journal");
        assert_eq!(publication_type(ReferenceType::DoctoralThesis), "thesis");
        assert_eq!(publication_type(ReferenceType::NewsArticle), "newspaper");
        assert_eq!(publication_type(ReferenceType::WebPage), "webpage");
        assert_eq!(publication_type(ReferenceType::LegalDocument), "government");
        assert_eq!(publication_type(ReferenceType::Other), "other");
    }

    #[test]
    fn ranks_have_prefixes_in_both_languages() {
        assert_eq!(
            rank_prefix(AcademicRank::AssistantLecturer, Script::Latin),
            Some("Asst. Lect.")
        );
        assert_eq!(
            rank_prefix(AcademicRank::Professor, Script::Arabic),
            Some("أ.د")
        );
        assert_eq!(rank_prefix(AcademicRank::Doctor, Script::Other), None);
    }

    #[test]
    fn references_title_falls_back_to_english() {
        assert_eq!(references_title("ar"), "المراجع");
        assert_eq!(references_title("EN-gb"), "References");
        assert_eq!(references_title("tr"), "References");
    }

    #[test]
    fn roles_map_to_contrib_types() {
        assert_eq!(contrib_type(ContributorRole::Editor), "editor");
        assert_eq!(contrib_type(ContributorRole::Author), "author");
    }
}
