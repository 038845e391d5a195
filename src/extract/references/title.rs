//! Where a title ends in an author-date entry: at the first field separator after which the
//! container or the publication facts begin.
//!
//! A title may hold full stops and commas of its own (`Tide mills of the coast. A survey of
//! sites. Mar Hist Rev 34:1327–50`, `Docks, quays and piers of the south,
//! in: Harbour Studies, 10`), so splitting at the first separator cuts it short. The
//! title runs instead up to the first separator (`.`, `,`, `;`, `//`) followed by what opens the
//! rest of an entry: a chapter lead (`In:`, `in`), a place with or without its publisher
//! (`Paris: Seuil`, `, New York,`), a journal name with its volume (`Mar Hist Rev 101:213`), a
//! thesis, report or series, an edition, a volume, an editor or page label, a publisher or a
//! university, a meeting, or a link that was taken out. Every word comes from the marker tables.

use super::text::{contains_any, find_all, is_place, quoted_ranges, starts_with_any, trim_punct};
use crate::extract::markers::common;
use crate::extract::markers::references::all_of;
use regex::Regex;
use std::sync::LazyLock;

/// A place of publication that is no known place, before its publisher: `Neuville: EDS`,
/// `Portsea and London: The University of Portsea Press`, `Seaview, NJ: Quay`.
static PLACE_COLON: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?P<place>\p{Lu}[\p{L}.'’\-]*(?:(?:\s+|\s*/\s*|\s*,\s*)(?:and\s+|&\s+|und\s+|et\s+)?\p{Lu}[\p{L}.'’\-]*){0,3})\s*:\s*(?P<rest>[^:]+)$",
    )
    .expect("valid regex")
});

/// An edition printed after its number (`2nd ed.`, `3. Aufl.`, `4th edn`).
static EDITION: LazyLock<Regex> = LazyLock::new(|| {
    let labels: Vec<String> = all_of(|t| t.edition_after)
        .iter()
        .map(|l| regex::escape(l.trim_end_matches('.')))
        .collect();
    Regex::new(&format!(
        r"(?i)^(?:\d+(?:st|nd|rd|th|\.)?|[a-z]+)\s*(?:{})\.?(?:$|[\s,.;)])",
        labels.join("|")
    ))
    .expect("valid regex")
});

/// A label before a number: volume, issue or pages (`vol. 2`, `pp. 12-30`, `S. 47`).
static NUMBER_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    let mut labels: Vec<&str> = all_of(|t| t.volume_labels);
    labels.extend(all_of(|t| t.issue_labels));
    labels.extend(common::PAGE_LABELS.iter().copied());
    let alt: Vec<String> = labels
        .iter()
        .map(|l| regex::escape(l.trim_end_matches('.')))
        .collect();
    Regex::new(&format!(r"^(?:{})\.?\s*\d", alt.join("|"))).expect("valid regex")
});

/// The separators a title may end at, with where the text after each begins.
fn separators(text: &str) -> Vec<(usize, usize)> {
    let quoted = quoted_ranges(text);
    let mut depth = 0i32;
    let mut in_parens = Vec::new();
    for (i, c) in text.char_indices() {
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => depth = (depth - 1).max(0),
            _ => {}
        }
        if depth > 0 {
            in_parens.push(i);
        }
    }
    let protected = |i: usize| {
        quoted.iter().any(|&(s, e)| i > s && i < e) || in_parens.binary_search(&i).is_ok()
    };
    let abbreviations = find_all(text, &all_of(|t| t.abbreviations));
    let mut out = Vec::new();
    let bytes: Vec<(usize, char)> = text.char_indices().collect();
    for (k, &(i, c)) in bytes.iter().enumerate() {
        if protected(i) {
            continue;
        }
        let next = bytes.get(k + 1).map(|x| x.1);
        let prev_space = k
            .checked_sub(1)
            .and_then(|j| bytes.get(j))
            .is_some_and(|x| x.1.is_whitespace());
        let sep_len = match c {
            '.' | ',' | ';' | '|' if next.is_none_or(char::is_whitespace) || prev_space => {
                c.len_utf8()
            }
            '?' | '!' if next.is_some_and(char::is_whitespace) => c.len_utf8(),
            '/' if next == Some('/') => 2,
            _ => continue,
        };
        if c == '.' {
            // An abbreviation or an initial does not end a field.
            if abbreviations.iter().any(|f| i >= f.start && i < f.end) {
                continue;
            }
            let prev = k.checked_sub(1).and_then(|j| bytes.get(j)).map(|x| x.1);
            let prev2 = k.checked_sub(2).and_then(|j| bytes.get(j)).map(|x| x.1);
            if prev.is_some_and(char::is_uppercase) && prev2.is_none_or(|p| !p.is_alphanumeric()) {
                continue;
            }
        }
        let after = text
            .get(i + sep_len..)
            .map_or(text.len(), |r| text.len() - r.trim_start().len());
        out.push((i, after));
    }
    out
}

/// The byte offset in `text` (what follows the year mark, leading separators removed) where
/// its title ends, when something after the title opens the rest of the entry.
///
/// A short field between a full stop and the comma before the rest is the rest's own first
/// field (`Title. Quayside, New York`, `Title? Preprint, available at ...`), not the title's.
pub(crate) fn title_end(text: &str) -> Option<usize> {
    let seps = separators(text);
    for (k, &(at, rest_at)) in seps.iter().enumerate() {
        let head = text.get(..at).unwrap_or("");
        if !head.chars().any(char::is_alphabetic) {
            continue;
        }
        let rest = text.get(rest_at..).unwrap_or("");
        let sep = text.get(at..rest_at).unwrap_or("");
        if sep.starts_with("//") || sep.starts_with('|') || opens_rest(rest) {
            if sep.starts_with(',') {
                let strong = seps[..k].iter().rev().find(|&&(p, _)| {
                    text.get(p..)
                        .is_some_and(|x| x.starts_with(['.', '?', '!']))
                });
                if let Some(&(p, p_rest)) = strong {
                    let between = text.get(p_rest..at).unwrap_or("");
                    if between.split_whitespace().count() <= 3 {
                        let keep = text.get(p..).is_some_and(|x| x.starts_with(['?', '!']));
                        return Some(if keep { p + 1 } else { p });
                    }
                }
            }
            return Some(subtitles_checked(text, &seps[..k], with_mark(text, at)));
        }
    }
    None
}

/// A title ending in a question or exclamation mark keeps it.
fn with_mark(text: &str, at: usize) -> usize {
    if text.get(at..).is_some_and(|x| x.starts_with(['?', '!'])) {
        at + 1
    } else {
        at
    }
}

/// The title end `at`, or the first full stop before it when the sentences the title would
/// take in after its first do not read as subtitles: more than two, or one shorter than three
/// words (`Title. Tide Counts. Bulletin of the Harbour Office, 2004` keeps `Title`).
fn subtitles_checked(text: &str, before: &[(usize, usize)], at: usize) -> usize {
    let stops: Vec<(usize, usize)> = before
        .iter()
        .copied()
        .filter(|&(p, _)| {
            text.get(p..)
                .is_some_and(|x| x.starts_with(['.', '?', '!']))
        })
        .collect();
    let Some(&(first, _)) = stops.first() else {
        return at;
    };
    let mut starts: Vec<usize> = stops.iter().map(|&(_, r)| r).collect();
    let ends: Vec<usize> = stops.iter().skip(1).map(|&(p, _)| p).chain([at]).collect();
    starts.truncate(ends.len());
    let short = starts.iter().zip(&ends).any(|(&s, &e)| {
        text.get(s..e)
            .is_none_or(|x| x.split_whitespace().count() < 3)
    });
    if stops.len() > 2 || short {
        let keep = text.get(first..).is_some_and(|x| x.starts_with(['?', '!']));
        if keep {
            first + 1
        } else {
            first
        }
    } else {
        at
    }
}

/// The first field of `rest`: up to the next separator.
fn first_field(rest: &str) -> &str {
    let end = separators(rest).first().map_or(rest.len(), |&(at, _)| at);
    rest.get(..end).unwrap_or(rest)
}

/// Whether `rest` (the text after a separator) opens what follows a title.
fn opens_rest(rest: &str) -> bool {
    let r = rest.trim_start();
    let Some(first) = r.chars().next() else {
        return false;
    };
    let field = trim_punct(first_field(r));
    let words = field.split_whitespace().count();
    // A chapter's book or a journal after `In:` / `in`.
    if r.starts_with("In:") || r.starts_with("in:") || r.starts_with("In :") {
        return true;
    }
    if let Some(x) = r.strip_prefix("In ").or_else(|| r.strip_prefix("in ")) {
        if x.chars().next().is_some_and(char::is_uppercase) {
            return true;
        }
    }
    if starts_with_any(r, &all_of(|t| t.chapter_words)).is_some_and(|f| f.start == 0)
        && !first.is_uppercase()
    {
        return true;
    }
    // A place, alone or before its publisher.
    let place_part = field.split(':').next().unwrap_or(field).trim();
    let places_of = |p: &str| {
        p.split([',', '/'])
            .flat_map(|x| x.split(" and "))
            .flat_map(|x| x.split(" & "))
            .map(str::trim)
            .filter(|x| !x.is_empty())
            .all(|x| is_place(x) || (x.len() == 2 && x.chars().all(|c| c.is_ascii_uppercase())))
    };
    if !place_part.is_empty() && places_of(place_part) && is_place_start(place_part) {
        return true;
    }
    if let Some(c) = PLACE_COLON.captures(place_field(r)) {
        let rest = c.name("rest").map_or("", |m| m.as_str());
        let rest_field = trim_punct(first_field(rest));
        if publisher_like(rest_field) || rest_field.split_whitespace().count() <= 3 {
            return true;
        }
    }
    if words == 0 {
        return false;
    }
    // A thesis, a report or series, a meeting.
    if words <= 10
        && (contains_any(field, &all_of(|t| t.doctoral_thesis))
            || contains_any(field, &all_of(|t| t.masters_thesis)))
    {
        return true;
    }
    if contains_any(field, &all_of(|t| t.report_words))
        && (words <= 10 || starts_with_any(field, &all_of(|t| t.report_words)).is_some())
        && field.chars().any(|c| c.is_ascii_digit())
    {
        return true;
    }
    if starts_with_any(r, &all_of(|t| t.conference_leads)).is_some() {
        return true;
    }
    // An edition, a volume, an issue or pages; an editor; a link lead.
    if EDITION.is_match(r) || NUMBER_LABEL.is_match(r) {
        return true;
    }
    if starts_with_any(r, &all_of(|t| t.editor_words)).is_some_and(|f| f.start == 0)
        || starts_with_any(r, &all_of(|t| t.url_leads)).is_some()
        || starts_with_any(r, &all_of(|t| t.accessed_leads)).is_some()
    {
        return true;
    }
    // A journal name with its volume.
    if let Some(c) = super::bounded::journal_volume(r) {
        let name = c.name("name").map_or("", |m| m.as_str()).trim();
        let name_words = name.split_whitespace().count();
        // `Rev. port. marit. 14` is one name; `The influence of sharing. Journal of X 85`
        // holds a sentence of the title before the name.
        let sentence_inside = {
            let parts: Vec<&str> = name.split(". ").collect();
            parts.len() > 1
                && parts[..parts.len() - 1]
                    .iter()
                    .any(|p| p.split_whitespace().count() >= 3)
        };
        if (1..=12).contains(&name_words) && !ends_like_sentence_word(name) && !sentence_inside {
            return true;
        }
    }
    // A journal by its name's words.
    if words <= 12 && starts_with_any(field, &all_of(|t| t.journal_words)).is_some() {
        return true;
    }
    // A publisher or a university as the last fields.
    words <= 8 && publisher_like(field) && !field.contains(':')
}

/// The first field of `r`, with a state or country code after a comma (`Seaview, NJ:
/// Quay`), so that a place and its publisher are read as one piece.
fn place_field(r: &str) -> &str {
    static CODE: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^[^,.:]{2,40},\s*[A-Z]{2}\s*:").expect("valid regex"));
    let seps = separators(r);
    let k = usize::from(CODE.is_match(r));
    let end = seps.get(k).map_or(r.len(), |&(at, _)| at);
    r.get(..end).unwrap_or(r)
}

/// Whether a piece names a publisher or a university.
fn publisher_like(s: &str) -> bool {
    contains_any(s, &all_of(|t| t.publisher_words))
        || contains_any(s, &all_of(|t| t.university_words))
}

/// A place name starts with a capital.
fn is_place_start(s: &str) -> bool {
    s.chars().next().is_some_and(char::is_uppercase)
}

/// Whether a would-be journal name is rather the start of a sentence of the title (`In 1990`
/// is caught before; `The Case of 3 Cities` ends in a lower-case word before its number).
fn ends_like_sentence_word(name: &str) -> bool {
    let stop = [
        "the", "of", "and", "in", "on", "for", "a", "an", "to", "with",
    ];
    name.split_whitespace()
        .last()
        .is_some_and(|w| stop.contains(&w.to_lowercase().as_str()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn title(s: &str) -> &str {
        title_end(s).map_or(s, |e| s[..e].trim_end())
    }

    #[test]
    fn a_title_runs_to_the_container() {
        // Subtitle after a full stop, then a journal with its volume.
        assert_eq!(
            title("Tide mills of the coast. A survey of sites. Mar Hist Rev 34:1327–1350"),
            "Tide mills of the coast. A survey of sites"
        );
        // Commas inside the title, then `in:`.
        assert_eq!(
            title("Docks, quays and piers of the south, in: Harbour Studies, 10, 177-194."),
            "Docks, quays and piers of the south"
        );
        // A known place, a place with its publisher, a publisher alone.
        assert_eq!(
            title("Salt roads, volume 2, Paris: Quay Press."),
            "Salt roads"
        );
        assert_eq!(title("Salt roads. Neuville: EDS."), "Salt roads");
        assert_eq!(
            title("Salt roads of the north., New York, Harbor University Press."),
            "Salt roads of the north."
        );
        // A thesis, a series with its number.
        assert_eq!(
            title("Ports and towns, 1974-2000, doctoral thesis, University of Kent."),
            "Ports and towns, 1974-2000"
        );
        assert_eq!(
            title("Ports and towns, IZA Discussion Paper 410."),
            "Ports and towns"
        );
        // A journal without a volume, by its name.
        assert_eq!(
            title("Ports and towns. Journal of Harbour Studies."),
            "Ports and towns"
        );
        // GOST `//` before the container.
        assert_eq!(
            title("Ports and towns // The Sea and the City. Oslo, 2006."),
            "Ports and towns"
        );
        // Nothing opens a container: no end.
        assert_eq!(title_end("Ports and towns. Mimeo."), None);
    }
}
