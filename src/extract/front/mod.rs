//! Front matter: title, authors, affiliations, author notes, abstracts and keywords, and the
//! publication facts printed with them (history dates, DOI, volume/issue; see `facts.rs`).
//!
//! The reader walks the first page's running text: the title comes first, then a header of
//! author and affiliation lines, then labelled blocks (abstracts, keywords) possibly separated
//! by a translated title. `*` author notes are read from the footnote zone and, while pages
//! are not split, from running-text lines that start with `*`. Every marker word comes from
//! `markers::front`.

mod affil;
mod facts;
pub(crate) mod names;

use super::pages::PageLines;
use super::text::Line;
use super::ExtractError;
use crate::model::{
    Affiliation, AuthorNote, Contributor, ContributorRole, Diagnostic, Front, HistoryKind,
    KeywordGroup, LocalizedText, PersonName, Script, Span,
};
use crate::script::{default_lang, detect_script};
use affil::{
    email_name_score, is_affiliation_text, match_emails, parse_affiliation, same_text, AffParts,
    EMAIL, EMAIL_MATCH_THRESHOLD, ORCID,
};
use names::{
    all_entries, find_label, is_body_heading, is_name_like, is_strong_author_line, longest_match,
    parse_author_line, split_affiliation_label, Label, LabelKind, ParsedAuthor,
};
use regex::Regex;
use std::sync::LazyLock;

/// What the front-matter reader found, and where the body begins.
#[derive(Debug, Clone, PartialEq)]
pub struct FrontMatter {
    /// The front matter.
    pub front: Front,
    /// The first source line of the body.
    pub body_start_line: usize,
    /// What the reader was unsure about.
    pub warnings: Vec<Diagnostic>,
}

/// A line longer than this many words is running text, never a title or a header line.
const MAX_HEADER_WORDS: usize = 40;
/// A title longer than this many characters is not a title.
const MAX_TITLE_CHARS: usize = 300;
/// How many non-blank lines the header (title to first label) may have.
const MAX_HEADER_LINES: usize = 30;
/// How many non-blank lines may separate two labelled blocks (a translated title, names).
const MAX_GAP_LINES: usize = 8;

/// While the input is one unsplit page, how many lines after the body start may still hold
/// the first page's `*` author notes.
const UNSPLIT_NOTE_WINDOW: usize = 80;

/// A footnote opening a line: `(1)`, `1-`, `1.`, `¹`.
static FOOTNOTE_START: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*(?:[\(\[]\s*[0-9٠-٩]{1,3}\s*[\)\]]|[0-9٠-٩]{1,3}\s*[\-.)]\s|[\x{00B9}\x{00B2}\x{00B3}\x{2070}\x{2074}-\x{2079}]+\s*\S)")
        .expect("valid regex")
});

/// The lowest romanization score at which a name in another script is taken for the author at
/// the same position (below [`EMAIL_MATCH_THRESHOLD`], which decides without position).
const ALT_POSITION_THRESHOLD: f64 = 0.45;

/// How well the first names of two forms of a name in different scripts agree, in 0..=1.
const FIRST_NAME_THRESHOLD: f64 = 0.65;

/// How well two forms of a name in different scripts agree, in 0..=1 (the Latin form is read
/// like an email's local part against the romanized Arabic form). The whole-name score is
/// generous with unrelated names (a title scores about 0.5), so the first given name, printed
/// first in both forms, must agree too.
fn cross_script_score(a: &str, b: &str) -> f64 {
    let whole = email_name_score(a, b).max(email_name_score(b, a));
    let (latin, arabic) = match (detect_script(a), detect_script(b)) {
        (Script::Latin, Script::Arabic) => (a, b),
        (Script::Arabic, Script::Latin) => (b, a),
        _ => return whole,
    };
    let first = latin
        .split(|c: char| c.is_whitespace() || c == '-')
        .find(|w| !w.is_empty())
        .unwrap_or("")
        .to_lowercase();
    let words: Vec<&str> = arabic.split_whitespace().collect();
    // `Abdulrahman` is `عبد الرحمن`: try the first Arabic word and the first two glued.
    let forms = [
        words.first().map(|w| w.to_string()),
        words.get(..2).map(|w| w.concat()),
    ];
    let first_score = forms
        .iter()
        .flatten()
        .map(|f| affil::token_similarity(&first, f))
        .fold(0.0, f64::max);
    if first_score < FIRST_NAME_THRESHOLD {
        0.0
    } else {
        whole
    }
}

/// A web address (an ORCID or DOI resolver left after the iD is removed).
static URL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\b(?:https?://|www\.)\S*").expect("valid regex"));

/// Reads the front matter from the first pages.
pub fn extract_front_matter(
    pages: &[PageLines],
    file_name: &str,
) -> Result<FrontMatter, ExtractError> {
    let stream: Vec<Line<'_>> = pages.iter().flat_map(|p| p.body.iter().copied()).collect();
    let no_title = |detail: &str| ExtractError::NoTitle {
        file: file_name.to_string(),
        detail: detail.to_string(),
    };
    let mut first = stream
        .iter()
        .position(|l| !l.is_blank())
        .ok_or_else(|| no_title("the input has no text line"))?;
    // A journal running head (name, volume, issue), a history line, or a line with no letter
    // at all (a page number, a stray mark) printed above the title.
    while stream.get(first).is_some_and(|l| {
        is_journal_line(l.text)
            || is_history_line(l.text)
            || is_article_type(l.text)
            || !l.text.chars().any(char::is_alphabetic)
    }) {
        match stream
            .iter()
            .enumerate()
            .skip(first + 1)
            .find(|(_, l)| !l.is_blank())
        {
            Some((k, _)) => first = k,
            None => break,
        }
    }
    let first_text = stream.get(first).map_or("", |l| l.text.trim());
    if let Some(problem) = title_problem(first_text) {
        return Err(no_title(&problem));
    }
    let mut reader = Reader::default();

    // The header: from the title to the first label, heading or running paragraph.
    let mut header: Vec<Line<'_>> = Vec::new();
    let mut i = first;
    let mut stop_reason_line: Option<usize> = None;
    while let Some(line) = stream.get(i) {
        let t = line.text.trim();
        let skip = !header.is_empty()
            && (!t.chars().any(char::is_alphabetic) || is_history_line(t) || is_journal_line(t));
        if t.is_empty() || skip {
            i += 1;
            continue;
        }
        if !header.is_empty()
            && (find_label(t).is_some()
                || is_body_heading(t)
                || t.split_whitespace().count() > MAX_HEADER_WORDS
                || header.len() >= MAX_HEADER_LINES)
        {
            stop_reason_line = Some(i);
            break;
        }
        header.push(*line);
        i += 1;
    }
    reader.read_header(&header);

    // Labelled blocks and the gaps between them.
    let mut body_start: Option<usize> = None;
    let mut j = stop_reason_line.unwrap_or(stream.len());
    let mut saw_label = false;
    while let Some(line) = stream.get(j) {
        let Some(label) = find_label(line.text.trim()) else {
            // A heading or running paragraph right after the header: the body.
            body_start = Some(line.number);
            break;
        };
        saw_label = true;
        let end = match label.kind {
            LabelKind::Abstract => reader.read_abstract(&stream, j, &label),
            LabelKind::Keywords => reader.read_keywords(&stream, j, &label),
        };
        // The gap up to the next label.
        let mut gap: Vec<Line<'_>> = Vec::new();
        let mut k = end;
        let mut next_label = false;
        while let Some(l) = stream.get(k) {
            let t = l.text.trim();
            if t.is_empty() || is_note_line(t) || is_history_line(t) || is_journal_line(t) {
                k += 1;
                continue;
            }
            if find_label(t).is_some() {
                next_label = true;
                break;
            }
            if is_body_heading(t)
                || t.split_whitespace().count() > MAX_HEADER_WORDS
                || gap.len() >= MAX_GAP_LINES
            {
                break;
            }
            gap.push(*l);
            k += 1;
        }
        if next_label {
            reader.read_gap(&gap);
            j = k;
            continue;
        }
        body_start = gap
            .first()
            .or(stream.get(k))
            .map(|l| l.number)
            .or_else(|| stream.last().map(|l| l.number + 1));
        break;
    }
    let body_start_line = body_start
        .or_else(|| stream.last().map(|l| l.number + 1))
        .unwrap_or(1);
    if !saw_label {
        reader.warn(
            "abstract-missing",
            "no abstract or keyword label was found after the title and authors",
            Some(body_start_line),
        );
    } else if reader.front.abstracts.is_empty() {
        reader.warn(
            "abstract-missing",
            "no abstract was found",
            stream.get(first).map(|l| l.number),
        );
    }

    // Author notes: the footnote zone of the front pages, and `*` lines of their running text.
    let mut note_lines: Vec<Line<'_>> = Vec::new();
    for (n, page) in pages.iter().enumerate() {
        if n > 0 && page.span.line > body_start_line {
            break;
        }
        collect_notes(&page.notes, true, &mut note_lines);
        // Until pages are split, the first page's notes sit in the running text shortly after
        // the front matter; `*` lines further on are other footnotes.
        let near: Vec<Line<'_>> = page
            .body
            .iter()
            .filter(|l| pages.len() > 1 || l.number < body_start_line + UNSPLIT_NOTE_WINDOW)
            .copied()
            .collect();
        collect_notes(&near, false, &mut note_lines);
    }
    note_lines.sort_by_key(|l| l.number);
    note_lines.dedup_by_key(|l| l.number);
    reader.read_notes(&note_lines);

    // Publication facts: the front zone, and history/DOI lines of the first footnote zone.
    // Volume and issue are read only from journal heads above the first label, where no
    // abstract or footnote can cite another journal.
    let mut fact_lines: Vec<Line<'_>> = stream
        .iter()
        .filter(|l| l.number < body_start_line)
        .copied()
        .collect();
    if pages.len() > 1 {
        if let Some(page) = pages.first() {
            fact_lines.extend(
                page.notes
                    .iter()
                    .filter(|l| facts::is_history_line(l.text) || facts::is_doi_line(l.text))
                    .copied(),
            );
        }
    }
    fact_lines.sort_by_key(|l| l.number);
    fact_lines.dedup_by_key(|l| l.number);
    let head_end = stop_reason_line
        .and_then(|k| stream.get(k))
        .map_or(body_start_line, |l| l.number);
    let found = facts::read_facts(&fact_lines, |l| {
        l.number < head_end && is_journal_line(l.text)
    });
    reader.apply_facts(found);
    reader.finish();

    Ok(FrontMatter {
        front: reader.front,
        body_start_line,
        warnings: reader.warnings,
    })
}

/// Why `text` cannot be a title, if it cannot.
fn title_problem(text: &str) -> Option<String> {
    if let Some(label) = find_label(text) {
        return Some(match label.kind {
            LabelKind::Abstract => "an abstract label".to_string(),
            LabelKind::Keywords => "a keyword label".to_string(),
        });
    }
    if text.starts_with('*') {
        return Some(if is_strong_author_line(text) {
            "an author line".to_string()
        } else {
            "a footnote".to_string()
        });
    }
    if FOOTNOTE_START.is_match(text) {
        return Some("a footnote".to_string());
    }
    if EMAIL.is_match(text) {
        return Some("an email address".to_string());
    }
    let words = text.split_whitespace().count();
    if text.chars().count() > MAX_TITLE_CHARS || words > MAX_HEADER_WORDS {
        return Some(format!("a line of {words} words"));
    }
    if !text.chars().any(|c| c.is_alphabetic()) {
        return Some("a line without letters".to_string());
    }
    None
}

/// Whether `text` is a submission-history line (`Received: ...`, `تاريخ الاستلام: ...`) or a
/// DOI line. They are kept out of the title, names and abstracts wherever they are printed;
/// [`facts::read_facts`] reads them into `Publication`.
fn is_history_line(text: &str) -> bool {
    facts::is_history_line(text) || facts::is_doi_line(text)
}

/// Whether `text` is only an article category (`Research Article`, `بحث أصيل`).
fn is_article_type(text: &str) -> bool {
    let t = text.trim();
    all_entries(|m| m.article_types).any(|e| same_text(e, t))
}

/// Whether `text` is a journal running head: a journal word with a volume/issue word
/// (`مجلة ... - العدد الثالث`), two volume/issue words with a number (`Vol. 12, No. 2`), a line
/// that opens with one (`ISSN 1234-5678`), or a journal word with a year-like number after a
/// separator (`Journal of X | 2021`). One `No. 21` inside a title (`Law No. 21 of 2008`) is
/// not enough.
fn is_journal_line(text: &str) -> bool {
    let t = text.trim();
    if t.split_whitespace().count() > MAX_HEADER_WORDS || EMAIL.is_match(t) {
        return false;
    }
    let journal = names::find_words(t, all_entries(|m| m.journal_words)).is_some();
    // `مجلد 12 عدد 2`: a volume and an issue both read confidently.
    if let (Some(_), Some(_)) = facts::read_volume_issue(t) {
        return true;
    }
    let tokens: Vec<&str> = t
        .split(|c: char| c.is_whitespace() || ",،;|()[]".contains(c))
        .filter(|w| !w.is_empty())
        .collect();
    let is_issue = |w: &str| {
        longest_match(w, all_entries(|m| m.issue_words), false)
            .is_some_and(|(_, n)| w.get(n..).is_some_and(|r| r.chars().all(|c| c == ':')))
    };
    let issues = tokens.iter().filter(|w| is_issue(w)).count();
    let opens = tokens.first().is_some_and(|w| is_issue(w));
    let digits = t.chars().filter(|c| crate::script::is_digit(*c)).count();
    let separated = t.contains(" - ") || t.contains('|') || t.contains(',') || t.contains('،');
    (journal && issues > 0)
        || (digits > 0 && (issues >= 2 || opens))
        || (journal && separated && digits >= 4)
}

/// Whether `text` is a `*` author note: a `*`-marked line (not a `* Name *` author line) that
/// names a department or institution, or carries an email.
fn is_note_line(text: &str) -> bool {
    let t = text.trim();
    let marked = t.starts_with('*') || t.starts_with("(*)") || t.starts_with('†');
    // Author notes are short; a long `*` paragraph is a footnote or running text.
    if !marked || t.split_whitespace().count() > MAX_HEADER_WORDS || is_strong_author_line(t) {
        return false;
    }
    let inner = strip_note_mark(t);
    !inner.is_empty()
        && (EMAIL.is_match(inner)
            || is_affiliation_text(inner)
            || longest_match(inner, all_entries(|m| m.corresponding_labels), false).is_some())
}

/// The note text without its `*`, `(*)` or `†` mark.
fn strip_note_mark(text: &str) -> &str {
    let t = text.trim();
    let t = t.strip_prefix("(*)").unwrap_or(t);
    t.trim_start_matches(['*', '†', ' ', '\t']).trim()
}

/// Adds the author notes of `lines` to `out`. In the footnote zone (`zone`), a note's
/// unmarked next line continues it when the note still lacks its email.
fn collect_notes<'a>(lines: &[Line<'a>], zone: bool, out: &mut Vec<Line<'a>>) {
    let mut i = 0;
    while let Some(line) = lines.get(i) {
        if is_note_line(line.text) {
            out.push(*line);
            if zone && !EMAIL.is_match(line.text) {
                if let Some(next) = lines.get(i + 1) {
                    let t = next.text.trim();
                    let unmarked = !t.starts_with('*') && !FOOTNOTE_START.is_match(t);
                    if unmarked && EMAIL.is_match(t) && t.split_whitespace().count() <= 4 {
                        out.push(*next);
                        i += 1;
                    }
                }
            }
        }
        i += 1;
    }
}

/// How a header line reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// Title or other text.
    Text,
    /// Could be names.
    Candidate,
    /// Certainly names.
    Author,
    /// An affiliation.
    Affiliation,
    /// An email, ORCID or corresponding-author line.
    Contact,
    /// A `*` author note.
    Note,
}

/// Classifies a header line.
fn classify(text: &str) -> Kind {
    let t = text.trim();
    if is_note_line(t) {
        return Kind::Note;
    }
    let without_email = EMAIL.replace_all(t, " ");
    if split_inline_affiliation(without_email.trim()).is_some() {
        return Kind::Author;
    }
    let label_first = longest_match(t, all_entries(|m| m.corresponding_labels), false).is_some()
        || longest_match(t, all_entries(|m| m.email_labels), false).is_some()
        || longest_match(t, all_entries(|m| m.orcid_labels), false).is_some();
    if EMAIL.is_match(t) || ORCID.is_match(t) || label_first {
        return Kind::Contact;
    }
    if is_strong_author_line(t) {
        return Kind::Author;
    }
    let (_, rest) = split_affiliation_label(t);
    if is_affiliation_text(rest) {
        return Kind::Affiliation;
    }
    if is_name_like(t) {
        return Kind::Candidate;
    }
    Kind::Text
}

/// Splits an author line that carries its affiliation (`Dr. Ann Lee, University of Kent`,
/// `أ.د علي حسن / جامعة بغداد`) into the names and the affiliation text.
fn split_inline_affiliation(text: &str) -> Option<(&str, &str)> {
    if !is_affiliation_text(text) {
        return None;
    }
    for (p, c) in text.char_indices() {
        let sep = matches!(c, '/' | '،' | ',' | '(' | '|' | '-' | '–' | '—');
        if !sep {
            continue;
        }
        // A dash separates only between spaces (`Al-Mustansiriyah` is one word).
        let spaced = text.get(..p).is_some_and(|b| b.ends_with(' '));
        if matches!(c, '-' | '–' | '—') && !spaced {
            continue;
        }
        let before = text.get(..p).unwrap_or("").trim();
        let after = text.get(p + c.len_utf8()..).unwrap_or("").trim();
        if before.is_empty() || is_affiliation_text(before) {
            continue;
        }
        if is_affiliation_text(after) && is_strong_author_line(before) {
            return Some((before, after.trim_end_matches(')').trim()));
        }
    }
    None
}

/// The text of a contact line without its emails, ORCID iDs and leading labels.
fn contact_rest(text: &str) -> String {
    let mut rest = EMAIL.replace_all(text, " ").to_string();
    rest = ORCID.replace_all(&rest, " ").to_string();
    rest = URL.replace_all(&rest, " ").to_string();
    loop {
        let t = rest.trim_start_matches(|c: char| c.is_whitespace() || "*:-–()".contains(c));
        let label = longest_match(t, all_entries(|m| m.corresponding_labels), false)
            .or_else(|| longest_match(t, all_entries(|m| m.email_labels), false))
            .or_else(|| longest_match(t, all_entries(|m| m.orcid_labels), false));
        match label {
            Some((_, len)) => rest = t.get(len..).unwrap_or("").to_string(),
            None => {
                rest = t.to_string();
                break;
            }
        }
    }
    rest.trim_matches(|c: char| c.is_whitespace() || ",،;:()<>-".contains(c))
        .to_string()
}

/// Where the title ends in `kinds` (the first line is always title): with certain author
/// lines present, at the first line that is neither text nor a candidate; otherwise before
/// the run of candidates, in one script, that precedes the first affiliation or contact line.
fn title_end(lines: &[Line<'_>], kinds: &[Kind]) -> usize {
    let first_other = kinds
        .iter()
        .skip(1)
        .position(|k| !matches!(k, Kind::Text | Kind::Candidate))
        .map_or(kinds.len(), |p| p + 1);
    if kinds.contains(&Kind::Author) || first_other == kinds.len() {
        return first_other.max(1).min(kinds.len());
    }
    // Names without markers: the candidate run just before the first affiliation/contact.
    let mut start = first_other;
    let script_before = |i: usize| lines.get(i).map(|l| detect_script(l.text));
    let run_script = script_before(first_other.saturating_sub(1));
    while start > 1
        && kinds.get(start - 1) == Some(&Kind::Candidate)
        && script_before(start - 1) == run_script
    {
        start -= 1;
    }
    start.max(1)
}

/// An email found in the front matter, before it is matched to an author.
#[derive(Debug, Clone)]
struct FoundEmail {
    email: String,
    line: usize,
    /// Index into `Reader::notes` when the email comes from a `*` note.
    note: Option<usize>,
    /// Whether the line names the corresponding author.
    corresponding: bool,
    /// The contributor printed on the same line, when there is exactly one.
    direct: Option<usize>,
    /// The whole line, kept as an unattached note when no author matches.
    text: String,
}

/// A `*` note being read.
#[derive(Debug, Clone)]
struct Note {
    note: AuthorNote,
    parts: AffParts,
}

/// An affiliation printed in the header, before deduplication.
#[derive(Debug, Clone)]
struct PendingAff {
    label: Option<u32>,
    texts: Vec<String>,
    parts: AffParts,
    first_line: usize,
    last_line: usize,
}

/// Authors printed together, and the affiliations printed after them.
#[derive(Debug, Clone, Default)]
struct Group {
    members: Vec<usize>,
    affs: Vec<PendingAff>,
}

/// The state of one front-matter reading.
#[derive(Debug, Default)]
struct Reader {
    front: Front,
    warnings: Vec<Diagnostic>,
    emails: Vec<FoundEmail>,
    notes: Vec<Note>,
    /// Affiliation labels printed after each contributor's name.
    labels: Vec<Vec<u32>>,
    /// The contributor whose name (or other-script name) was read last, for an ORCID line
    /// printed under a name.
    last_person: Option<usize>,
}

impl Reader {
    fn warn(&mut self, code: &str, message: impl Into<String>, line: Option<usize>) {
        self.warnings.push(Diagnostic::warning(code, message, line));
    }

    /// The script of the main title.
    fn main_script(&self) -> Script {
        self.front
            .titles
            .first()
            .map_or(Script::Other, |t| detect_script(&t.text))
    }

    /// Reads the title, authors, affiliations and contact lines of the header.
    fn read_header(&mut self, header: &[Line<'_>]) {
        let kinds: Vec<Kind> = header
            .iter()
            .enumerate()
            .map(|(i, l)| if i == 0 { Kind::Text } else { classify(l.text) })
            .collect();
        let end = title_end(header, &kinds);
        let title_lines = header.get(..end).unwrap_or(&[]);
        let main_script = title_lines
            .first()
            .map_or(Script::Other, |l| detect_script(l.text));
        let (main, other): (Vec<&Line<'_>>, Vec<&Line<'_>>) = title_lines.iter().partition(|l| {
            let s = detect_script(l.text);
            s == main_script || s == Script::Other
        });
        self.front.language = default_lang(main_script).unwrap_or("und").to_string();
        self.push_title(&main, main_script);
        if !other.is_empty() {
            let script = detect_script(other.first().map_or("", |l| l.text));
            self.push_title(&other, script);
        }
        self.read_people(
            header.get(end..).unwrap_or(&[]),
            kinds.get(end..).unwrap_or(&[]),
            false,
        );
    }

    /// Adds a title made of `lines` (joined with a space), unless one exists in that language.
    fn push_title(&mut self, lines: &[&Line<'_>], script: Script) {
        let (Some(first), Some(last)) = (lines.first(), lines.last()) else {
            return;
        };
        let lang = default_lang(script).unwrap_or("und").to_string();
        if self.front.titles.iter().any(|t| t.lang == lang) {
            return;
        }
        let text = lines
            .iter()
            .map(|l| l.text.trim())
            .collect::<Vec<_>>()
            .join(" ");
        self.front.titles.push(LocalizedText {
            lang,
            text,
            source: Some(Span::lines(first.number, last.number)),
        });
    }

    /// Reads author, affiliation and contact lines. In `alt_mode` (lines between abstracts)
    /// names only add other-script forms to known authors and affiliations are not read.
    fn read_people(&mut self, lines: &[Line<'_>], kinds: &[Kind], alt_mode: bool) {
        let mut groups: Vec<Group> = Vec::new();
        let mut labeled: Vec<PendingAff> = Vec::new();
        let mut prev = Kind::Text;
        // A translated title printed among the header lines, being read.
        let mut title_lines: Vec<&Line<'_>> = Vec::new();
        for (line, &kind) in lines.iter().zip(kinds) {
            let t = line.text.trim();
            let continues = !title_lines.is_empty() && kind == Kind::Text;
            if !alt_mode && (continues || self.is_translated_title(t, kind)) {
                title_lines.push(line);
                continue;
            }
            if let Some(first) = title_lines.first() {
                self.push_title(&title_lines, detect_script(first.text));
                title_lines.clear();
            }
            let other_script =
                detect_script(t) != self.main_script() && self.main_script() != Script::Other;
            let mut aff_text = t.to_string();
            if kind == Kind::Affiliation && other_script {
                // `Ali Hassan / University of Kufa`: the Latin form of a known author's name
                // printed with the affiliation's translation.
                let without_email = EMAIL.replace_all(t, " ");
                if let Some((names, rest)) = self.leading_known_names(&without_email) {
                    self.add_authors(parse_author_line(&names), line.number, alt_mode);
                    aff_text = rest;
                }
            }
            match kind {
                Kind::Author | Kind::Candidate => {
                    let without_email = EMAIL.replace_all(t, " ");
                    let (names_text, inline_aff) =
                        match split_inline_affiliation(without_email.trim()) {
                            Some((n, a)) => (n.to_string(), Some(a.to_string())),
                            None => (without_email.trim().to_string(), None),
                        };
                    let added =
                        self.add_authors(parse_author_line(&names_text), line.number, alt_mode);
                    if !added.is_empty() {
                        let new_group = groups
                            .last()
                            .is_none_or(|g| !g.affs.is_empty() || prev != kind);
                        if new_group {
                            groups.push(Group::default());
                        }
                        if let Some(g) = groups.last_mut() {
                            g.members.extend(added);
                        }
                    }
                    self.collect_emails(t, line.number, None);
                    if let (Some(a), false) = (inline_aff, alt_mode) {
                        self.push_affiliation(&a, line.number, false, &mut groups, &mut labeled);
                        prev = Kind::Affiliation;
                        continue;
                    }
                }
                Kind::Affiliation => {
                    self.collect_emails(t, line.number, None);
                    if !alt_mode {
                        let after_aff = prev == Kind::Affiliation;
                        self.push_affiliation(
                            &aff_text,
                            line.number,
                            after_aff,
                            &mut groups,
                            &mut labeled,
                        );
                    }
                }
                Kind::Contact => {
                    // `Jane Roe, jroe@x.org`: an author printed with their email.
                    let rest = contact_rest(t);
                    let known = self.single_named_author(&rest).is_some();
                    if !rest.is_empty() && !known && is_name_like(&rest) && !alt_mode {
                        let added = self.add_authors(parse_author_line(&rest), line.number, false);
                        if !added.is_empty() {
                            groups.push(Group {
                                members: added,
                                affs: Vec::new(),
                            });
                        }
                    }
                    self.read_contact(t, line.number);
                }
                Kind::Note | Kind::Text => {}
            }
            prev = kind;
        }
        if let Some(first) = title_lines.first() {
            self.push_title(&title_lines, detect_script(first.text));
        }
        if !alt_mode {
            self.link_affiliations(groups, labeled);
        }
    }

    /// Adds an affiliation line: a labelled one to `labeled`, an unlabelled one to the current
    /// author group. Right after another affiliation line (`after_aff`) it continues that
    /// affiliation when their parts do not conflict (a department, faculty and university
    /// stacked on three lines).
    fn push_affiliation(
        &mut self,
        line_text: &str,
        line: usize,
        after_aff: bool,
        groups: &mut Vec<Group>,
        labeled: &mut Vec<PendingAff>,
    ) {
        let main_script = self.main_script();
        let (label, rest) = split_affiliation_label(line_text);
        let text = EMAIL.replace_all(rest, "");
        let text = text
            .trim()
            .trim_end_matches(|c: char| c.is_whitespace() || ",،/;:-".contains(c))
            .to_string();
        if text.is_empty() {
            return;
        }
        let parts = parse_affiliation(&text);
        let translated = main_script != Script::Other
            && detect_script(&text) != main_script
            && (groups.last().is_some_and(|g| !g.affs.is_empty()) || !labeled.is_empty());
        if translated {
            // A translation of an affiliation already read.
            return;
        }
        let pending = PendingAff {
            label,
            texts: vec![text],
            parts,
            first_line: line,
            last_line: line,
        };
        let continues_labeled =
            after_aff && groups.last().is_none_or(|g| g.affs.is_empty()) && !labeled.is_empty();
        let target = if label.is_some() || continues_labeled {
            labeled
        } else {
            if groups.is_empty() {
                groups.push(Group::default());
            }
            match groups.last_mut() {
                Some(g) => &mut g.affs,
                None => labeled,
            }
        };
        let merged = after_aff
            && label.is_none()
            && target.last_mut().is_some_and(|last| {
                let ok = last.parts.merge(&pending.parts);
                if ok {
                    last.texts.extend(pending.texts.iter().cloned());
                    last.last_line = pending.last_line;
                }
                ok
            });
        if !merged {
            target.push(pending);
        }
    }

    /// Creates contributors for `authors` (or alt names for known ones), returning the indexes
    /// of the new contributors.
    fn add_authors(
        &mut self,
        authors: Vec<ParsedAuthor>,
        line: usize,
        alt_mode: bool,
    ) -> Vec<usize> {
        let main_script = self.main_script();
        let mut added = Vec::new();
        for a in authors {
            let other_script = main_script != Script::Other && a.name.script != main_script;
            if other_script || alt_mode {
                if let Some(c) = self.best_alt_match(&a.name) {
                    if let Some(contrib) = self.front.contributors.get_mut(c) {
                        let mut alt = a.name;
                        // The Latin form of an Arabic name is romanized Arabic, not English.
                        if contrib.name.script == Script::Arabic && alt.script == Script::Latin {
                            alt.lang = format!("{}-Latn", contrib.name.lang);
                        }
                        contrib.alt_names.push(alt);
                    }
                    self.last_person = Some(c);
                    continue;
                }
                if alt_mode && !self.front.contributors.is_empty() {
                    continue;
                }
            }
            let id = format!("c{}", self.front.contributors.len() + 1);
            self.front.contributors.push(Contributor {
                id,
                role: ContributorRole::Author,
                name: a.name,
                alt_names: Vec::new(),
                prefix: a.prefix,
                email: None,
                orcid: None,
                affiliation_ids: Vec::new(),
                corresponding: false,
                source: Some(Span::line(line)),
            });
            self.labels.push(a.labels);
            added.push(self.front.contributors.len() - 1);
            self.last_person = Some(self.front.contributors.len() - 1);
        }
        added
    }

    /// The known contributor whose name matches `name` written in another script: the best
    /// match by romanization when it is sure, otherwise the first contributor still without a
    /// name in that script (names are reprinted in the same order) when romanization does not
    /// contradict it.
    fn best_alt_match(&self, name: &PersonName) -> Option<usize> {
        let mut best: Option<(f64, usize)> = None;
        let mut first_open: Option<(f64, usize)> = None;
        for (i, c) in self.front.contributors.iter().enumerate() {
            if c.name.script == name.script || c.alt_names.iter().any(|a| a.script == name.script) {
                continue;
            }
            let score = cross_script_score(&name.as_written, &c.name.as_written);
            if first_open.is_none() {
                first_open = Some((score, i));
            }
            if score >= EMAIL_MATCH_THRESHOLD && best.is_none_or(|(b, _)| score > b) {
                best = Some((score, i));
            }
        }
        best.or(first_open.filter(|(s, _)| *s >= ALT_POSITION_THRESHOLD))
            .map(|(_, i)| i)
    }

    /// Records the emails and ORCID iDs of a contact line.
    fn read_contact(&mut self, text: &str, line: usize) {
        let corresponding =
            names::find_words(text, all_entries(|m| m.corresponding_labels)).is_some();
        let before = self.emails.len();
        self.collect_emails(text, line, None);
        for e in self.emails.iter_mut().skip(before) {
            e.corresponding = corresponding;
        }
        self.read_orcids(text);
        if corresponding && self.emails.len() == before {
            if let Some(c) = self.single_named_author(text) {
                if let Some(contrib) = self.front.contributors.get_mut(c) {
                    contrib.corresponding = true;
                }
            }
        }
    }

    /// Gives the ORCID iDs of a line to authors: the author named just before an iD (or just
    /// after it, `0000-… (Name)`); without names, one iD goes to the author printed last above
    /// the line, and as many iDs as authors without one go to them in order.
    fn read_orcids(&mut self, text: &str) {
        let found: Vec<regex::Match<'_>> = ORCID.find_iter(text).collect();
        if found.is_empty() {
            return;
        }
        let mut unnamed: Vec<String> = Vec::new();
        for (k, m) in found.iter().enumerate() {
            let from = k
                .checked_sub(1)
                .and_then(|p| found.get(p))
                .map_or(0, |p| p.end());
            let to = found.get(k + 1).map_or(text.len(), |n| n.start());
            let before = text.get(from..m.start()).unwrap_or("");
            let after = text.get(m.end()..to).unwrap_or("");
            let who = self
                .single_named_author(before)
                .or_else(|| self.single_named_author(after));
            let id = m.as_str().to_string();
            match who {
                Some(c) => self.set_orcid(c, id),
                None => unnamed.push(id),
            }
        }
        let without: Vec<usize> = (0..self.front.contributors.len())
            .filter(|&c| {
                self.front
                    .contributors
                    .get(c)
                    .is_some_and(|x| x.orcid.is_none())
            })
            .collect();
        if unnamed.len() == 1 {
            let target = self
                .last_person
                .filter(|c| without.contains(c))
                .or_else(|| {
                    (without.len() == 1)
                        .then(|| without.first().copied())
                        .flatten()
                });
            if let (Some(c), Some(id)) = (target, unnamed.pop()) {
                self.set_orcid(c, id);
            }
        } else if unnamed.len() > 1 && unnamed.len() == without.len() {
            for (c, id) in without.into_iter().zip(unnamed) {
                self.set_orcid(c, id);
            }
        }
    }

    /// Sets a contributor's ORCID iD unless it has one.
    fn set_orcid(&mut self, c: usize, id: String) {
        if let Some(contrib) = self.front.contributors.get_mut(c) {
            contrib.orcid.get_or_insert_with(|| id.into());
        }
    }

    /// The one known contributor whose name is printed in `text`.
    fn single_named_author(&self, text: &str) -> Option<usize> {
        let hits: Vec<usize> = self
            .front
            .contributors
            .iter()
            .enumerate()
            .filter(|(_, c)| {
                std::iter::once(&c.name)
                    .chain(c.alt_names.iter())
                    .any(|n| text.contains(n.as_written.as_str()))
            })
            .map(|(i, _)| i)
            .collect();
        (hits.len() == 1).then(|| hits[0])
    }

    /// Records every email of `text`.
    fn collect_emails(&mut self, text: &str, line: usize, note: Option<usize>) {
        let direct = self.single_named_author(&EMAIL.replace_all(text, " "));
        for m in EMAIL.find_iter(text) {
            let email = m.as_str().trim_end_matches('.').to_string();
            if self
                .emails
                .iter()
                .any(|e| e.email.eq_ignore_ascii_case(&email))
            {
                continue;
            }
            self.emails.push(FoundEmail {
                email,
                line,
                note,
                corresponding: false,
                direct,
                text: text.to_string(),
            });
        }
    }

    /// Turns the pending affiliations into deduplicated `Affiliation`s and links them.
    fn link_affiliations(&mut self, groups: Vec<Group>, labeled: Vec<PendingAff>) {
        let mut label_ids: Vec<(u32, String)> = Vec::new();
        for p in labeled {
            let id = self.intern_affiliation(&p);
            if let Some(label) = p.label {
                label_ids.push((label, id));
            }
        }
        for g in groups {
            let ids: Vec<String> = g.affs.iter().map(|p| self.intern_affiliation(p)).collect();
            // As many affiliations as authors, one each: printed in author order.
            let one_each = g.members.len() > 1 && ids.len() == g.members.len();
            for (k, &c) in g.members.iter().enumerate() {
                let mine: Vec<String> = if one_each {
                    ids.get(k).cloned().into_iter().collect()
                } else {
                    ids.clone()
                };
                if let Some(contrib) = self.front.contributors.get_mut(c) {
                    for id in mine {
                        if !contrib.affiliation_ids.contains(&id) {
                            contrib.affiliation_ids.push(id);
                        }
                    }
                }
            }
        }
        for (c, labels) in self.labels.iter().enumerate() {
            for label in labels {
                let Some((_, id)) = label_ids.iter().find(|(l, _)| l == label) else {
                    continue;
                };
                if let Some(contrib) = self.front.contributors.get_mut(c) {
                    if !contrib.affiliation_ids.contains(id) {
                        contrib.affiliation_ids.push(id.clone());
                    }
                }
            }
        }
    }

    /// The id of the affiliation with this text, created when new.
    fn intern_affiliation(&mut self, p: &PendingAff) -> String {
        let raw = p.texts.join(" ");
        if let Some(a) = self
            .front
            .affiliations
            .iter()
            .find(|a| same_text(&a.raw, &raw) && a.department == p.parts.department)
        {
            return a.id.clone();
        }
        let id = format!("aff{}", self.front.affiliations.len() + 1);
        let lang = default_lang(detect_script(&raw))
            .unwrap_or("und")
            .to_string();
        self.front.affiliations.push(Affiliation {
            id: id.clone(),
            raw,
            lang,
            institution: p.parts.institution.clone(),
            faculty: p.parts.faculty.clone(),
            department: p.parts.department.clone(),
            city: p.parts.city.clone(),
            country: p.parts.country.clone(),
            source: Some(Span::lines(p.first_line, p.last_line)),
        });
        id
    }

    /// Reads an abstract opened by `label` at `stream[at]`; returns the index after its text.
    fn read_abstract(&mut self, stream: &[Line<'_>], at: usize, label: &Label<'_>) -> usize {
        let mut paras: Vec<Vec<&str>> = Vec::new();
        let mut cur: Vec<&str> = Vec::new();
        let mut script = Some(detect_script(label.rest)).filter(|s| *s != Script::Other);
        if !label.rest.is_empty() {
            cur.push(label.rest);
        }
        let mut last = at;
        let mut j = at + 1;
        while let Some(line) = stream.get(j) {
            let t = line.text.trim();
            if t.is_empty() {
                if !cur.is_empty() {
                    paras.push(std::mem::take(&mut cur));
                }
                j += 1;
                continue;
            }
            if find_label(t).is_some()
                || is_body_heading(t)
                || is_note_line(t)
                || is_history_line(t)
            {
                break;
            }
            let s = detect_script(t);
            match script {
                Some(sc) if s != Script::Other && s != sc => break,
                None if s != Script::Other => script = Some(s),
                _ => {}
            }
            cur.push(t);
            last = j;
            j += 1;
        }
        if !cur.is_empty() {
            paras.push(cur);
        }
        let text = paras
            .iter()
            .map(|p| p.join("\n"))
            .collect::<Vec<_>>()
            .join("\n\n");
        let line_no = |i: usize| stream.get(i).map_or(0, |l| l.number);
        if text.is_empty() {
            self.warn(
                "abstract-empty",
                "an abstract label is followed by no text",
                Some(line_no(at)),
            );
        } else {
            let lang = script
                .and_then(default_lang)
                .unwrap_or(label.lang)
                .to_string();
            if self.front.abstracts.iter().any(|a| a.lang == lang) {
                self.warn(
                    "abstract-repeated",
                    format!("a second abstract in language `{lang}` was kept"),
                    Some(line_no(at)),
                );
            }
            self.front.abstracts.push(LocalizedText {
                lang,
                text,
                source: Some(Span::lines(line_no(at), line_no(last))),
            });
        }
        last + 1
    }

    /// Reads a keyword list opened by `label` at `stream[at]`; returns the index after it.
    fn read_keywords(&mut self, stream: &[Line<'_>], at: usize, label: &Label<'_>) -> usize {
        let mut text = label.rest.to_string();
        let mut last = at;
        let usable = |t: &str| {
            !t.is_empty()
                && find_label(t).is_none()
                && !is_body_heading(t)
                && !is_note_line(t)
                && !is_history_line(t)
                && !is_journal_line(t)
        };
        if text.is_empty() {
            if let Some((k, line)) = stream
                .iter()
                .enumerate()
                .skip(at + 1)
                .find(|(_, l)| !l.is_blank())
            {
                if usable(line.text.trim()) {
                    text = line.text.trim().to_string();
                    last = k;
                }
            }
        }
        // Wrapped keyword lines: the next line directly below, in the same script, or any
        // next line when the list ends with a separator.
        loop {
            let open = text.ends_with(',') || text.ends_with('،') || text.ends_with(';');
            let next = if open {
                stream
                    .iter()
                    .enumerate()
                    .skip(last + 1)
                    .find(|(_, l)| !l.is_blank())
            } else {
                stream.get(last + 1).map(|l| (last + 1, l))
            };
            let Some((k, line)) = next else { break };
            let t = line.text.trim();
            let same_script = detect_script(t) == detect_script(&text);
            let short = t.split_whitespace().count() <= 12;
            if !usable(t) || !same_script || !(open || short) || text.ends_with('.') {
                break;
            }
            text.push(' ');
            text.push_str(t);
            last = k;
        }
        let keywords: Vec<String> = text
            .split([',', '،', ';', '؛', '/'])
            .map(|k| {
                k.trim()
                    .trim_end_matches(['.', '。', '۔'])
                    .trim()
                    .to_string()
            })
            .filter(|k| !k.is_empty())
            .collect();
        let line_no = |i: usize| stream.get(i).map_or(0, |l| l.number);
        if keywords.is_empty() {
            self.warn(
                "keywords-empty",
                "a keyword label is followed by no keyword",
                Some(line_no(at)),
            );
            return last + 1;
        }
        let lang = default_lang(detect_script(&text))
            .unwrap_or(label.lang)
            .to_string();
        let span = Span::lines(line_no(at), line_no(last));
        match self.front.keywords.iter_mut().find(|g| g.lang == lang) {
            Some(group) => {
                group.keywords.extend(keywords);
                if let Some(s) = group.source.as_mut() {
                    s.end_line = s.end_line.max(span.end_line);
                }
            }
            None => self.front.keywords.push(KeywordGroup {
                lang,
                keywords,
                source: Some(span),
            }),
        }
        last + 1
    }

    /// Reads the lines between two labelled blocks: a title in another language, names in
    /// another script, contact lines.
    fn read_gap(&mut self, gap: &[Line<'_>]) {
        if gap.is_empty() {
            return;
        }
        let kinds: Vec<Kind> = gap.iter().map(|l| classify(l.text)).collect();
        let first_script = detect_script(gap.first().map_or("", |l| l.text));
        let lang = default_lang(first_script).unwrap_or("und");
        let has_title = self.front.titles.iter().any(|t| t.lang == lang);
        let mut start = 0;
        if !has_title && matches!(kinds.first(), Some(Kind::Text | Kind::Candidate)) {
            let mut k = kinds.clone();
            if let Some(first) = k.first_mut() {
                *first = Kind::Text;
            }
            let mut end = title_end(gap, &k);
            // Names of known authors reprinted under the translated title end it.
            if let Some(p) = (1..end).find(|&i| {
                matches!(k.get(i), Some(Kind::Candidate | Kind::Author))
                    && gap.get(i).is_some_and(|l| self.names_known_authors(l.text))
            }) {
                end = p;
            }
            let lines: Vec<&Line<'_>> = gap
                .get(..end)
                .unwrap_or(&[])
                .iter()
                .filter(|l| detect_script(l.text) == first_script)
                .collect();
            self.push_title(&lines, first_script);
            start = end;
        }
        self.read_people(
            gap.get(start..).unwrap_or(&[]),
            kinds.get(start..).unwrap_or(&[]),
            true,
        );
    }

    /// Whether a header line after the authors starts a title in another script: text (or
    /// name-like words that name no known author) in a script with no title yet.
    fn is_translated_title(&self, text: &str, kind: Kind) -> bool {
        let main = self.main_script();
        let script = detect_script(text);
        if main == Script::Other || script == main || script == Script::Other {
            return false;
        }
        let lang = default_lang(script).unwrap_or("und");
        if self.front.titles.iter().any(|t| t.lang == lang) || self.front.contributors.is_empty() {
            return false;
        }
        match kind {
            Kind::Text => text.chars().filter(|c| c.is_alphabetic()).count() >= 3,
            Kind::Candidate => !self.names_known_authors(text),
            _ => false,
        }
    }

    /// The names of known authors printed before an affiliation on one line
    /// (`Ali Hassan / University of Kufa`), when there are such names.
    fn leading_known_names(&self, text: &str) -> Option<(String, String)> {
        for (p, c) in text.char_indices() {
            let spaced_dash =
                matches!(c, '-' | '–' | '—') && text.get(..p).is_some_and(|b| b.ends_with(' '));
            if !(matches!(c, '/' | '،' | ',' | '(' | '|') || spaced_dash) {
                continue;
            }
            let before = text.get(..p).unwrap_or("").trim();
            let after = text.get(p + c.len_utf8()..).unwrap_or("");
            if before.is_empty() || is_affiliation_text(before) {
                return None;
            }
            if is_affiliation_text(after) && self.names_known_authors(before) {
                return Some((before.to_string(), after.trim().to_string()));
            }
        }
        None
    }

    /// Whether every name on `text` is another-script form of a known author.
    fn names_known_authors(&self, text: &str) -> bool {
        let parsed = parse_author_line(&EMAIL.replace_all(text, " "));
        !self.front.contributors.is_empty()
            && !parsed.is_empty()
            && parsed
                .iter()
                .all(|a| self.best_alt_match(&a.name).is_some())
    }

    /// Keeps the publication facts printed in the paper. The metadata file, applied later,
    /// overrides volume, issue, DOI and publication date.
    fn apply_facts(&mut self, found: facts::Facts) {
        let publication = &mut self.front.publication;
        publication.volume = publication.volume.take().or(found.volume);
        publication.issue = publication.issue.take().or(found.issue);
        publication.doi = publication.doi.take().or(found.doi);
        if publication.published.is_none() {
            // The printed publication date, when it is read.
            publication.published = found
                .history
                .iter()
                .find(|h| h.kind == HistoryKind::Published)
                .and_then(|h| h.date);
        }
        publication.history = found.history;
        self.warnings.extend(found.warnings);
    }

    /// Reads the `*` author notes.
    fn read_notes(&mut self, lines: &[Line<'_>]) {
        for line in lines {
            let t = strip_note_mark(line.text);
            // A continuation line (email alone) extends the previous note.
            if !is_note_line(line.text) {
                if let Some(prev) = self.notes.last_mut() {
                    prev.note.text.push(' ');
                    prev.note.text.push_str(t);
                    prev.note.source = prev.note.source.map(|s| Span::lines(s.line, line.number));
                    let idx = self.notes.len() - 1;
                    self.collect_emails(t, line.number, Some(idx));
                }
                continue;
            }
            let parts = parse_affiliation(t);
            self.notes.push(Note {
                note: AuthorNote {
                    text: t.to_string(),
                    contributor_id: None,
                    email: None,
                    department: parts.department.clone(),
                    source: Some(Span::line(line.number)),
                },
                parts,
            });
            let idx = self.notes.len() - 1;
            let before = self.emails.len();
            self.collect_emails(t, line.number, Some(idx));
            if self.emails.len() == before {
                // A note without an email still belongs to some author.
                if let Some(e) = EMAIL.find(t) {
                    let email = e.as_str().to_string();
                    if let Some(found) = self.emails.iter_mut().find(|f| f.email == email) {
                        found.note.get_or_insert(idx);
                    }
                }
            }
            let corresponding =
                names::find_words(t, all_entries(|m| m.corresponding_labels)).is_some();
            for e in self.emails.iter_mut().skip(before) {
                e.corresponding |= corresponding;
            }
        }
    }

    /// Matches emails to authors, applies notes, and warns about what stayed unsure.
    fn finish(&mut self) {
        let forms: Vec<Vec<String>> = self
            .front
            .contributors
            .iter()
            .map(|c| {
                std::iter::once(c.name.as_written.clone())
                    .chain(c.alt_names.iter().map(|a| a.as_written.clone()))
                    .collect()
            })
            .collect();
        let refs: Vec<&[String]> = forms.iter().map(|f| f.as_slice()).collect();
        let to_match: Vec<usize> = (0..self.emails.len())
            .filter(|&i| self.emails.get(i).is_some_and(|e| e.direct.is_none()))
            .collect();
        let addresses: Vec<&str> = to_match
            .iter()
            .filter_map(|&i| self.emails.get(i).map(|e| e.email.as_str()))
            .collect();
        let matched = match_emails(&addresses, &refs);
        let mut owner: Vec<Option<usize>> = self.emails.iter().map(|e| e.direct).collect();
        for (k, &i) in to_match.iter().enumerate() {
            if let (Some(slot), Some(m)) = (owner.get_mut(i), matched.get(k)) {
                *slot = *m;
            }
        }
        // One author and one `*` note: the note can only be that author's.
        let note_emails: Vec<usize> = (0..self.emails.len())
            .filter(|&i| self.emails.get(i).is_some_and(|e| e.note.is_some()))
            .collect();
        if self.front.contributors.len() == 1 && note_emails.len() == 1 {
            if let Some(&i) = note_emails.first() {
                if owner.get(i).is_some_and(|o| o.is_none()) {
                    if let Some(slot) = owner.get_mut(i) {
                        *slot = Some(0);
                    }
                    let line = self.emails.get(i).map(|e| e.line);
                    self.warn(
                        "email-guessed",
                        "the only author note's email was given to the only author although it does not spell the author's name",
                        line,
                    );
                }
            }
        }
        let mut requests: Vec<(usize, AffParts, String, usize)> = Vec::new();
        let emails = std::mem::take(&mut self.emails);
        for (i, e) in emails.iter().enumerate() {
            let who = owner.get(i).copied().flatten();
            if let Some(n) = e.note.and_then(|n| self.notes.get_mut(n)) {
                n.note.email.get_or_insert_with(|| e.email.clone());
            }
            match who {
                Some(c) => {
                    let id = match self.front.contributors.get_mut(c) {
                        Some(contrib) => {
                            contrib.email.get_or_insert_with(|| e.email.clone());
                            contrib.corresponding |= e.corresponding;
                            contrib.id.clone()
                        }
                        None => continue,
                    };
                    if let Some(n) = e.note.and_then(|n| self.notes.get_mut(n)) {
                        n.note.contributor_id.get_or_insert(id);
                        requests.push((c, n.parts.clone(), n.note.text.clone(), e.line));
                    }
                }
                None => {
                    self.warn(
                        "email-unmatched",
                        format!("the email {} matches no author's name; it is kept as an unattached note", e.email),
                        Some(e.line),
                    );
                    if e.note.is_none() {
                        self.notes.push(Note {
                            note: AuthorNote {
                                text: e.text.clone(),
                                contributor_id: None,
                                email: Some(e.email.clone()),
                                department: None,
                                source: Some(Span::line(e.line)),
                            },
                            parts: AffParts::default(),
                        });
                    }
                }
            }
        }
        self.apply_note_affiliations(requests);
        for n in &self.notes {
            if n.note.contributor_id.is_none() && n.note.email.is_none() {
                self.warnings.push(Diagnostic::warning(
                    "author-note-unmatched",
                    "an author note has no email and could not be given to an author",
                    n.note.source.map(|s| s.line),
                ));
            }
        }
        self.front.author_notes = self.notes.drain(..).map(|n| n.note).collect();
        if self.front.contributors.is_empty() {
            let line = self
                .front
                .titles
                .first()
                .and_then(|t| t.source)
                .map(|s| s.end_line + 1);
            self.warn(
                "authors-missing",
                "no author line was found after the title",
                line,
            );
        }
        let without: Vec<(String, Option<usize>)> = self
            .front
            .contributors
            .iter()
            .filter(|c| c.affiliation_ids.is_empty())
            .map(|c| (c.name.as_written.clone(), c.source.map(|s| s.line)))
            .collect();
        for (name, line) in without {
            self.warn(
                "author-without-affiliation",
                format!("no affiliation was found for the author {name}"),
                line,
            );
        }
    }

    /// Adds the departments of matched notes to their authors' affiliations: in place when
    /// every user of the affiliation asks for the same department, as a copy otherwise, and
    /// as a new affiliation read from the note when no affiliation of the author agrees.
    fn apply_note_affiliations(&mut self, requests: Vec<(usize, AffParts, String, usize)>) {
        // (contributor, affiliation index, parts) for requests that agree with an affiliation.
        let mut agreeing: Vec<(usize, usize, AffParts)> = Vec::new();
        for (c, parts, note_text, line) in requests {
            if parts.department.is_none() && parts.institution.is_none() && parts.faculty.is_none()
            {
                continue;
            }
            let ids = self
                .front
                .contributors
                .get(c)
                .map(|x| x.affiliation_ids.clone())
                .unwrap_or_default();
            let found = ids.iter().find_map(|id| {
                let (k, a) = self
                    .front
                    .affiliations
                    .iter()
                    .enumerate()
                    .find(|(_, a)| &a.id == id)?;
                let mut mine = AffParts {
                    institution: a.institution.clone(),
                    faculty: a.faculty.clone(),
                    department: a.department.clone(),
                    city: a.city.clone(),
                    country: a.country.clone(),
                };
                let agrees =
                    (mine.institution.is_some() || mine.faculty.is_some()) && mine.merge(&parts);
                agrees.then_some(k)
            });
            match found {
                Some(k) => agreeing.push((c, k, parts)),
                None => {
                    let raw = EMAIL.replace_all(&note_text, "");
                    let raw = raw
                        .trim()
                        .trim_end_matches(|ch: char| ch.is_whitespace() || ",،/;:-".contains(ch))
                        .to_string();
                    let pending = PendingAff {
                        label: None,
                        texts: vec![raw],
                        parts,
                        first_line: line,
                        last_line: line,
                    };
                    let id = self.intern_affiliation(&pending);
                    if let Some(contrib) = self.front.contributors.get_mut(c) {
                        if !contrib.affiliation_ids.contains(&id) {
                            contrib.affiliation_ids.push(id);
                        }
                    }
                }
            }
        }
        for (c, k, parts) in &agreeing {
            let Some(aff) = self.front.affiliations.get(*k).cloned() else {
                continue;
            };
            if aff.department.is_some() && aff.department == parts.department {
                continue;
            }
            let users: Vec<usize> = self
                .front
                .contributors
                .iter()
                .enumerate()
                .filter(|(_, x)| x.affiliation_ids.contains(&aff.id))
                .map(|(i, _)| i)
                .collect();
            let all_same = users.iter().all(|u| {
                agreeing
                    .iter()
                    .any(|(c2, k2, p2)| c2 == u && k2 == k && p2.department == parts.department)
            });
            let mut filled = aff.clone();
            filled.department.clone_from(&parts.department);
            for (mine, theirs) in [
                (&mut filled.institution, &parts.institution),
                (&mut filled.faculty, &parts.faculty),
                (&mut filled.city, &parts.city),
                (&mut filled.country, &parts.country),
            ] {
                if mine.is_none() {
                    mine.clone_from(theirs);
                }
            }
            if all_same {
                if let Some(a) = self.front.affiliations.get_mut(*k) {
                    *a = filled;
                }
                continue;
            }
            // Another author shares the printed affiliation: give this one its own copy.
            let existing = self
                .front
                .affiliations
                .iter()
                .find(|a| same_text(&a.raw, &filled.raw) && a.department == filled.department)
                .map(|a| a.id.clone());
            let new_id = match existing {
                Some(id) => id,
                None => {
                    filled.id = format!("aff{}", self.front.affiliations.len() + 1);
                    let id = filled.id.clone();
                    self.front.affiliations.push(filled);
                    id
                }
            };
            if let Some(contrib) = self.front.contributors.get_mut(*c) {
                for id in contrib.affiliation_ids.iter_mut() {
                    if *id == aff.id {
                        id.clone_from(&new_id);
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests;
