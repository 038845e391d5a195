//! How a front-matter line reads: a title or not, a journal running head, a history or
//! article-type line, a `*` author note, and the kind of each header line (names,
//! affiliation, contact), up to where the title ends.

use super::affil::{is_affiliation_text, same_text};
use super::emails::{EMAIL, ORCID};
use super::facts;
use super::names::{
    self, all_entries, find_label, is_name_like, is_strong_author_line, longest_match,
    split_affiliation_label, LabelKind,
};
use crate::extract::text::Line;
use crate::model::Script;
use crate::script::detect_script;
use regex::Regex;
use std::sync::LazyLock;

/// A line longer than this many words is running text, never a title or a header line.
pub(super) const MAX_HEADER_WORDS: usize = 40;

/// A title longer than this many characters is not a title.
pub(super) const MAX_TITLE_CHARS: usize = 300;

/// A footnote opening a line: `(1)`, `1-`, `1.`, `¹`.
pub(super) static FOOTNOTE_START: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*(?:[\(\[]\s*[0-9٠-٩]{1,3}\s*[\)\]]|[0-9٠-٩]{1,3}\s*[\-.)]\s|[\x{00B9}\x{00B2}\x{00B3}\x{2070}\x{2074}-\x{2079}]+\s*\S)")
        .expect("valid regex")
});

/// Why `text` cannot be a title, if it cannot.
pub(super) fn title_problem(text: &str) -> Option<String> {
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
pub(super) fn is_history_line(text: &str) -> bool {
    facts::is_history_line(text) || facts::is_doi_line(text)
}

/// Whether `text` is only an article category (`Research Article`, `بحث أصيل`).
pub(super) fn is_article_type(text: &str) -> bool {
    let t = text.trim();
    all_entries(|m| m.article_types).any(|e| same_text(e, t))
}

/// Whether `text` is a journal running head: a journal word with a volume/issue word
/// (`مجلة ... - العدد الثالث`), two volume/issue words with a number (`Vol. 12, No. 2`), a line
/// that opens with one (`ISSN 1234-5678`), or a journal word with a year-like number after a
/// separator (`Journal of X | 2021`). One `No. 21` inside a title (`Law No. 21 of 2008`) is
/// not enough.
pub(super) fn is_journal_line(text: &str) -> bool {
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
pub(super) fn is_note_line(text: &str) -> bool {
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
pub(super) fn strip_note_mark(text: &str) -> &str {
    let t = text.trim();
    let t = t.strip_prefix("(*)").unwrap_or(t);
    t.trim_start_matches(['*', '†', ' ', '\t']).trim()
}

/// Adds the author notes of `lines` to `out`. In the footnote zone (`zone`), a note's
/// unmarked next line continues it when the note still lacks its email.
pub(super) fn collect_notes<'a>(lines: &[Line<'a>], zone: bool, out: &mut Vec<Line<'a>>) {
    let mut i = 0;
    while let Some(line) = lines.get(i) {
        // An author's note may wrap: its first line alone may not show the affiliation
        // (`* Prof. Dr. Jane Roe is professor of law at the` / `University …`).
        let wrapped = if !is_note_line(line.text) {
            wrapped_note_lines(lines, i)
        } else {
            0
        };
        if wrapped > 0 {
            out.extend(lines.iter().skip(i).take(wrapped + 1).copied());
            i += wrapped + 1;
            continue;
        }
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

/// How many unmarked lines after the `*` line `lines[i]` make it an author note, read
/// together (at most [`MAX_WRAPPED_NOTE_LINES`]); 0 when none does.
fn wrapped_note_lines(lines: &[Line], i: usize) -> usize {
    let Some(first) = lines.get(i).map(|l| l.text.trim()) else {
        return 0;
    };
    // A wrapped note runs on past its first line: a sentence, not an author line (`* Ali
    // Kazim *` above the affiliation).
    let words = first.split_whitespace().count();
    if !first.starts_with(['*', '†'])
        || first.ends_with(['*', '†'])
        || words < MIN_WRAPPED_NOTE_WORDS
        || is_strong_author_line(first)
    {
        return 0;
    }
    let mut text = first.to_string();
    for (k, next) in lines
        .iter()
        .skip(i + 1)
        .take(MAX_WRAPPED_NOTE_LINES)
        .enumerate()
    {
        let t = next.text.trim();
        if t.starts_with(['*', '†']) || FOOTNOTE_START.is_match(t) {
            return 0;
        }
        text.push(' ');
        text.push_str(t);
        if is_note_line(&text) {
            return k + 1;
        }
    }
    0
}

/// How many lines an author note may wrap onto.
const MAX_WRAPPED_NOTE_LINES: usize = 2;

/// The fewest words on the first line of a wrapped author note.
const MIN_WRAPPED_NOTE_WORDS: usize = 6;

/// Whether `text` states a contributor's position (rank and field) rather than a name:
/// it opens with a position word (`Lecturer`, `مدرس`) that is no academic prefix of a name,
/// and, in Latin script, what follows is a lowercase word (`Professor of Law`), a comma or
/// nothing (`Professor Jane Roe` is a prefixed name). Read only right under a name.
pub(super) fn is_position_line(text: &str) -> bool {
    let t = text.trim();
    if EMAIL.is_match(t) || t.split_whitespace().count() > 12 {
        return false;
    }
    let Some((_, len)) = longest_match(t, all_entries(|m| m.position_leads), false) else {
        return false;
    };
    let rest = t.get(len..).unwrap_or("");
    let after = rest.trim_start();
    if after.is_empty() || after.starts_with([',', '،', ';']) {
        return true;
    }
    match detect_script(t) {
        Script::Latin => after.chars().next().is_some_and(|c| c.is_lowercase()),
        // Arabic prefixes (`الأستاذ الدكتور`) are longer than the position words they start
        // with: a line a prefix opens is a name.
        _ => names::match_prefix(t).is_none_or(|(_, n)| n < len),
    }
}

/// How a header line reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
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
pub(super) fn classify(text: &str) -> Kind {
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
pub(super) fn split_inline_affiliation(text: &str) -> Option<(&str, &str)> {
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

/// Where the title ends in `kinds` (the first line is always title): with certain author
/// lines present, at the first line that is neither text nor a candidate; otherwise before
/// the run of candidates, in one script, that precedes the first affiliation or contact line.
pub(super) fn title_end(lines: &[Line<'_>], kinds: &[Kind]) -> usize {
    // A wrapped title line that names a faculty or a university (`… لدى طلبة كلية التربية`)
    // looks like an affiliation; right under the title and above the first prefixed name,
    // in the title's script, it is the title's end: affiliations follow their names.
    let first_author = kinds
        .iter()
        .skip(1)
        .position(|k| *k == Kind::Author)
        .map(|p| p + 1);
    if let Some(a) = first_author.filter(|&a| a <= 3) {
        let title_script = lines.first().map(|l| detect_script(l.text));
        let wrapped = (1..a).all(|i| {
            matches!(
                kinds.get(i),
                Some(Kind::Text | Kind::Candidate | Kind::Affiliation)
            ) && lines.get(i).is_some_and(|l| {
                Some(detect_script(l.text)) == title_script && !l.text.contains(['@', '،', ','])
            })
        });
        if wrapped && (1..a).any(|i| kinds.get(i) == Some(&Kind::Affiliation)) {
            return a;
        }
    }
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
