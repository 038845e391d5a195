//! Front matter: title, contributors, affiliations, abstracts, keywords, publication facts.

use super::common::{LocalizedText, Numbering, PageRange, PartialDate, Printed, Script, Span};
use super::identifiers::{Doi, Issn, Orcid};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// Everything that identifies and describes the paper.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Front {
    /// BCP 47 tag of the article's main language.
    pub language: String,
    /// The title in each language it is known in; the main-language title comes first.
    pub titles: Vec<LocalizedText>,
    /// Authors and other contributors, in the order printed.
    #[serde(default)]
    pub contributors: Vec<Contributor>,
    /// Affiliations, referred to by `Contributor::affiliation_ids`.
    #[serde(default)]
    pub affiliations: Vec<Affiliation>,
    /// Abstracts, one per language, in the order printed.
    #[serde(default)]
    pub abstracts: Vec<LocalizedText>,
    /// Keyword groups, one per language.
    #[serde(default)]
    pub keywords: Vec<KeywordGroup>,
    /// Notes attached to authors (the `*` notes), including emails no author could be matched to.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub author_notes: Vec<AuthorNote>,
    /// Journal, issue and identifiers; mostly from a metadata file.
    #[serde(default)]
    pub publication: Publication,
}

impl Front {
    /// The title in the main language, if any.
    pub fn main_title(&self) -> Option<&LocalizedText> {
        self.titles
            .iter()
            .find(|t| t.lang == self.language)
            .or(self.titles.first())
    }

    /// The contributors whose role is author, in order.
    pub fn authors(&self) -> impl Iterator<Item = &Contributor> {
        self.contributors
            .iter()
            .filter(|c| c.role == ContributorRole::Author)
    }
}

/// What a contributor did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum ContributorRole {
    /// Wrote the paper.
    #[default]
    Author,
    /// Edited the paper or the volume.
    Editor,
    /// Translated the paper.
    Translator,
}

/// A person's name in one script.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PersonName {
    /// The whole name exactly as written, without any academic prefix.
    pub as_written: String,
    /// The script the name is written in.
    pub script: Script,
    /// BCP 47 tag of the name's language, e.g. `ar` or `en`.
    pub lang: String,
    /// Given name(s), when the parts are known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub given: Option<String>,
    /// Family name, when the parts are known. For Arabic names written `Given Father Grandfather`
    /// this is the last element, kept whole (`عبد الله`, `الحسيني`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub family: Option<String>,
    /// Where this form of the name came from: printed in the input (the default, not
    /// serialized), the metadata file, the author's email address, or papermeta's
    /// romanization (see `docs/names.md`).
    #[serde(default, skip_serializing_if = "NameOrigin::is_printed")]
    pub origin: NameOrigin,
}

/// Where a form of a person's name came from. Latin forms of a name in another script are
/// taken, in this order, from the metadata file, from the author's email address when its
/// local part spells the name, else from papermeta's romanization.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum NameOrigin {
    /// Printed in the input (the paper's text, or the JATS read).
    #[default]
    Printed,
    /// Given in the metadata file.
    Metadata,
    /// Recovered from the local part of the author's email address (`huda.salim`).
    Email,
    /// Romanized by papermeta (ALA-LC style, see `docs/names.md`): a machine reading, to be
    /// checked by a cataloguer.
    Machine,
}

impl NameOrigin {
    /// Whether the form was printed in the input (the default).
    pub fn is_printed(&self) -> bool {
        *self == NameOrigin::Printed
    }

    /// Whether papermeta derived the form (from an email, or romanized) rather than read it.
    pub fn is_derived(&self) -> bool {
        matches!(self, NameOrigin::Email | NameOrigin::Machine)
    }

    /// The origin's name as serialized (`printed`, `metadata`, `email`, `machine`).
    pub fn as_str(&self) -> &'static str {
        match self {
            NameOrigin::Printed => "printed",
            NameOrigin::Metadata => "metadata",
            NameOrigin::Email => "email",
            NameOrigin::Machine => "machine",
        }
    }
}

/// What an academic prefix means.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum AcademicRank {
    /// Professor (`أ.د`, `Prof.`).
    Professor,
    /// Assistant professor (`أ.م.د`, `Asst. Prof.`).
    AssistantProfessor,
    /// Associate professor (`Assoc. Prof.`, `أستاذ مشارك`).
    AssociateProfessor,
    /// Lecturer holding a doctorate (`م.د`).
    LecturerDoctor,
    /// Lecturer (`م.`).
    Lecturer,
    /// Assistant lecturer (`م.م`).
    AssistantLecturer,
    /// Holder of a doctorate (`د.`, `Dr.`).
    Doctor,
    /// Researcher (`الباحث`, `Researcher`).
    Researcher,
}

/// An academic prefix as printed before a name, with its meaning where known.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AcademicPrefix {
    /// The prefix exactly as printed (`م.م`, `أ.د`, `Dr.`).
    pub as_written: String,
    /// Its meaning, when the prefix is in papermeta's table.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub meaning: Option<AcademicRank>,
}

/// An author or other contributor.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Contributor {
    /// Stable identifier within the document (`c1`, `c2`, ...).
    pub id: String,
    /// The contributor's role.
    #[serde(default)]
    pub role: ContributorRole,
    /// The name as printed in the paper.
    pub name: PersonName,
    /// Other forms of the name, e.g. its Latin form.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub alt_names: Vec<PersonName>,
    /// Academic prefix printed before the name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prefix: Option<AcademicPrefix>,
    /// The position printed under the name, as written: rank and field (`Lecturer in Law`,
    /// `مدرس المناهج وطرق التدريس`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub position: Option<String>,
    /// Email address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// ORCID iD in its 16-character form (`0000-0002-1825-0097`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub orcid: Option<Printed<Orcid>>,
    /// Identifiers of this contributor's affiliations, in order.
    #[serde(default)]
    pub affiliation_ids: Vec<String>,
    /// Identifiers of the numbered footnotes that the name calls (`Ann Lee 1`, the note
    /// holding her post), when the running text does not call them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub footnote_ids: Vec<String>,
    /// Whether this is the corresponding author.
    #[serde(default)]
    pub corresponding: bool,
    /// Where the name was read from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<Span>,
}

/// An institution a contributor belongs to.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Affiliation {
    /// Stable identifier within the document (`aff1`, ...).
    pub id: String,
    /// The affiliation text exactly as printed.
    pub raw: String,
    /// BCP 47 tag of the text's language.
    pub lang: String,
    /// University or other institution.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub institution: Option<String>,
    /// Faculty or college.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub faculty: Option<String>,
    /// Department.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub department: Option<String>,
    /// City.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub city: Option<String>,
    /// Country.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    /// Where the text was read from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<Span>,
}

/// Keywords in one language.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct KeywordGroup {
    /// BCP 47 tag of the keywords' language.
    pub lang: String,
    /// The keywords as printed, trimmed, in order.
    pub keywords: Vec<String>,
    /// Where the keywords were read from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<Span>,
}

/// A note attached to an author (usually marked with `*`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AuthorNote {
    /// The note exactly as printed, without its `*` mark.
    pub text: String,
    /// The contributor the note belongs to, when it could be matched.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contributor_id: Option<String>,
    /// An email address found in the note.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// A department named in the note.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub department: Option<String>,
    /// Where the note was read from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<Span>,
}

/// The journal an article appeared in.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Journal {
    /// The publisher's identifier for the journal.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// The journal title per language; the first is the main title.
    #[serde(default)]
    pub titles: Vec<LocalizedText>,
    /// ISSN of the print edition (`2070-9250`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub issn_print: Option<Printed<Issn>>,
    /// ISSN of the electronic edition.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub issn_electronic: Option<Printed<Issn>>,
    /// Publisher name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub publisher_name: Option<String>,
    /// Publisher place.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub publisher_place: Option<String>,
}

/// A license the article is published under.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct License {
    /// The license URL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// The license statement.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
}

/// Where and when the article was published, and its identifiers.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Publication {
    /// The journal, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub journal: Option<Journal>,
    /// Volume number as printed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub volume: Option<Numbering>,
    /// Issue number as printed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub issue: Option<Numbering>,
    /// Publication date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<PartialDate>,
    /// Page range within the issue.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pages: Option<PageRange>,
    /// Electronic location identifier, used instead of pages.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub elocation: Option<String>,
    /// DOI without a resolver prefix (`10.5555/example`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub doi: Option<Printed<Doi>>,
    /// Landing page URL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// License.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub license: Option<License>,
    /// Subject heading or article category (`Research Article`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subject: Option<String>,
    /// Submission history printed in the paper (received, revised, accepted, published), in
    /// the order printed.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub history: Vec<HistoryDate>,
    /// Who deposits the article's metadata with a DOI registration agency.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub depositor: Option<Depositor>,
    /// The organization that owns the DOI prefix the article is registered under.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub registrant: Option<String>,
}

/// The person or organization that deposits metadata with a DOI registration agency, and
/// the address its deposit reports go to.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Depositor {
    /// Name of the depositor.
    pub name: String,
    /// Email address for the agency's reports on the deposit.
    pub email: String,
}

/// What happened to the article on a history date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum HistoryKind {
    /// The manuscript was received (submitted).
    Received,
    /// A revised manuscript was received.
    Revised,
    /// The manuscript was accepted for publication.
    Accepted,
    /// The article was published (online or in print).
    Published,
}

/// One dated event of the submission history, as printed (`Received: 15 March 2024`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct HistoryDate {
    /// What happened on that date.
    pub kind: HistoryKind,
    /// The date read from `raw`; absent when the text could not be read as a date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<PartialDate>,
    /// The date text exactly as printed, without its label.
    pub raw: String,
    /// Where the date was read from; absent when it came from a metadata file.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<Span>,
}
