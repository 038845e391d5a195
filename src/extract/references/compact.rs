//! Heads of the two compact styles that print initials after the family name and no year
//! after the authors, so neither the year mark nor the field splitter can part the authors
//! from the title:
//! - Vancouver (ICMJE, biomedical and many Latin American journals): `Family AB, Family C,
//!   et al. Title. Journal. 2015;27(4):601-19.`, books `Title. 2nd ed. Place: Publisher;
//!   2009.`, chapters `In: Editors, editors. Book. Place: Publisher; 2004. p. 101-9.`;
//! - GOST 7.1 / 7.0.5 (Russian and East European journals): `Family A. B., Family C. Title
//!   // Container. 2011. Vol. 7, no. 2. P. 45-60.`, the container after `//` and an editor
//!   statement after ` / `.
//!
//! Only the head is read here (authors, title, container and, for Vancouver, the
//! `Year;Volume(Issue):Pages` run); the rest goes back to the general field reader.

use regex::Regex;
use std::sync::LazyLock;

/// A Vancouver author: one to four family-name words (capitalized, or the particles names
/// share everywhere) and initials in capitals without stops.
static VANCOUVER_AUTHOR: LazyLock<String> = LazyLock::new(|| {
    let particles: Vec<&str> = crate::extract::markers::names::LATIN_PARTICLES
        .iter()
        .filter(|p| p.chars().all(char::is_alphabetic))
        .copied()
        .collect();
    let word = format!(
        r"(?:\p{{Lu}}[\p{{Ll}}'’][\p{{L}}'’\-]*|\p{{Lu}}'\p{{Lu}}[\p{{L}}'’\-]*|(?:{}))",
        particles.join("|")
    );
    // Brazilian lists print a name's particle after the initials (`Silva CAB da`).
    format!(
        r"{word}(?:[ \-]{word}){{0,3}} \p{{Lu}}{{1,5}}(?:-\p{{Lu}}{{1,2}})?(?: (?:Jr|Sr|II|III|IV))?(?: (?:{p}))?",
        p = particles.join("|")
    )
});

/// The Vancouver author list and the full stop that ends it.
static VANCOUVER_AUTHORS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^({a}(?:,\s*{a})*(?:,?\s*et\s+al)?(?:,\s*(?:editors?|eds?))?)\.\s+",
        a = *VANCOUVER_AUTHOR
    ))
    .expect("valid regex")
});

/// A GOST author: family-name words and dotted initials (`Иванова Т. С.`, `Kowalski J.`,
/// `Berg L.-K.`).
const GOST_AUTHOR: &str = r"\p{Lu}[\p{Ll}'’][\p{L}'’\-]*(?:[ \-]\p{Lu}[\p{Ll}'’][\p{L}'’\-]*)? (?:\p{Lu}\.(?:\s?-?\p{Lu}\.)?(?:\s?\p{Lu}\.)?)";

/// The GOST author list (the last initial's stop ends it).
static GOST_AUTHORS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^({a}(?:,\s*{a})*(?:,?\s*(?:et\s+al\.|и\s+др\.))?)\s+",
        a = GOST_AUTHOR
    ))
    .expect("valid regex")
});

/// Vancouver's `2015;27(4):601-19`, `2012 Mar;46:88-95`, `2008;8:243`.
static VANCOUVER_NUMBERS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(\d{4})[a-z]?(?:\s+[A-Z][a-z]{2,8}\.?(?:\s+\d{1,2})?)?\s*;\s*(\d+)?\s*(?:\(([^)]{1,20})\))?\s*(?::\s*([A-Za-z]?\d+(?:\s*[-–—]\s*[A-Za-z]?\d+)?))?",
    )
    .expect("valid regex")
});

/// Vancouver's `Place: Publisher; Year` of a book or an edited book.
static VANCOUVER_IMPRINT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|[.,]\s+)([^.:;,\d][^.:;]{1,60}):\s*([^:;]{2,120});\s*((\d{4})[a-z]?)")
        .expect("valid regex")
});

/// Takes a Vancouver imprint out of a book's tail: (place, publisher, year, what is left).
fn take_imprint(head: &mut CompactHead, tail: &str) -> String {
    let Some(c) = VANCOUVER_IMPRINT.captures(tail) else {
        return tail.replace(';', ",");
    };
    let (Some(all), Some(place), Some(publisher), Some(year), Some(digits)) =
        (c.get(0), c.get(1), c.get(2), c.get(3), c.get(4))
    else {
        return tail.to_string();
    };
    head.place = Some(place.as_str().trim().to_string());
    head.publisher = Some(publisher.as_str().trim().to_string());
    head.year = digits
        .as_str()
        .parse()
        .ok()
        .map(|v| (year.as_str().to_string(), v));
    let before = &tail[..all.start() + all.as_str().find(place.as_str()).unwrap_or(0)];
    format!(
        "{} {}",
        before.trim_end_matches([',', ' ']),
        &tail[all.end()..]
    )
}

/// `Given M. Family, Title`: a name printed given name first (law and humanities notes),
/// whose middle initial only looks like a compact author's.
fn family_name_follows(rest: &str) -> bool {
    let word: String = rest
        .chars()
        .take_while(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’'))
        .collect();
    word.chars().next().is_some_and(char::is_uppercase) && rest[word.len()..].starts_with(',')
}

/// What a compact-style head gives.
#[derive(Debug, Default, PartialEq, Eq)]
pub(super) struct CompactHead {
    /// The authors' field as printed, for the name parser.
    pub authors: Option<String>,
    /// The work's title.
    pub title: String,
    /// The journal or the book the work is part of.
    pub container: Option<String>,
    /// A chapter in an edited book (`In:`, a GOST editor statement).
    pub chapter: bool,
    /// A journal article (Vancouver's `Year;Volume` run).
    pub journal: bool,
    /// The year as printed and its value.
    pub year: Option<(String, i32)>,
    /// Volume, issue and pages from Vancouver's numbers run.
    pub volume: Option<String>,
    pub issue: Option<String>,
    pub pages: Option<String>,
    /// A book's place and publisher (Vancouver's `Place: Publisher; Year`).
    pub place: Option<String>,
    pub publisher: Option<String>,
    /// What is left after the head, for the general field reader.
    pub rest: String,
}

/// The head of `text` when it is printed in Vancouver or GOST style.
pub(super) fn compact_head(text: &str) -> Option<CompactHead> {
    let text = text.trim();
    // `Family K. Title` is both styles; GOST's container slashes tell them apart.
    if text.contains("//") {
        gost(text)
    } else {
        vancouver(text).or_else(|| gost(text))
    }
}

/// The end of the sentence that starts `s`: the byte offset of its final `.`, `?` or `!`
/// (followed by a space or the end) that does not close an initial or a one-letter
/// abbreviation. Returns (end of the sentence's text, start of what follows).
pub(super) fn sentence_end(s: &str) -> Option<(usize, usize)> {
    let mut prev_word_len = 0usize;
    let mut word_len = 0usize;
    let mut depth = 0i32;
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    for (k, &(i, c)) in chars.iter().enumerate() {
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => depth -= 1,
            _ => {}
        }
        if c.is_alphanumeric() {
            word_len += 1;
            continue;
        }
        if word_len > 0 {
            prev_word_len = word_len;
        }
        let last_len = if word_len > 0 {
            word_len
        } else {
            prev_word_len
        };
        word_len = 0;
        if !matches!(c, '.' | '?' | '!') || depth > 0 {
            continue;
        }
        let next = chars.get(k + 1).map(|&(_, n)| n);
        if !next.is_none_or(char::is_whitespace) {
            continue;
        }
        // `J.`, `U.S.`: a one-letter word before a stop is an initial, not the end.
        if c == '.' && last_len == 1 && k >= 1 && chars[k - 1].1.is_alphabetic() {
            continue;
        }
        let keep = if c == '.' { i } else { i + c.len_utf8() };
        let after = i + c.len_utf8();
        return Some((keep, after));
    }
    None
}

/// Abbreviated labels of an editor statement (`ed. by`, `под ред.`), whose stops do not end
/// it.
const STATEMENT_LABELS: &[&str] = &["ed", "eds", "by", "под", "ред", "общ", "сост", "comp"];

/// Where what follows an editor statement starts: after the first sentence end that does not
/// close one of its labels.
fn statement_end(s: &str) -> Option<usize> {
    let mut from = 0;
    loop {
        let (e, a) = sentence_end(&s[from..])?;
        let last = s[from..from + e]
            .rsplit(|c: char| !c.is_alphanumeric())
            .next()
            .unwrap_or("");
        if !STATEMENT_LABELS.contains(&last.to_lowercase().as_str()) {
            return Some(from + a);
        }
        from += a;
    }
}

/// The most words a journal's name runs to before its numbers run.
const MAX_JOURNAL_WORDS: usize = 12;

/// A Vancouver head: the author list ended by a full stop, the title to the next sentence
/// end, then a journal with its `Year;Volume` run, a chapter's `In:`, or a book's fields.
fn vancouver(text: &str) -> Option<CompactHead> {
    let (authors, after_authors) = match VANCOUVER_AUTHORS.captures(text) {
        Some(c) => (c.get(1)?.as_str().to_string(), c.get(0)?.end()),
        None => return None,
    };
    let rest = &text[after_authors..];
    if family_name_follows(rest) {
        return None;
    }
    // `Family A. B. Title`: dotted initials go on, the list is GOST's.
    let mut next = rest.chars();
    if next.next().is_some_and(char::is_uppercase) && next.next() == Some('.') {
        return None;
    }
    let (t_end, t_after) = sentence_end(rest)?;
    let title = rest[..t_end].trim().to_string();
    if title.is_empty() {
        return None;
    }
    let mut head = CompactHead {
        authors: Some(authors),
        title,
        ..CompactHead::default()
    };
    let mut tail = rest[t_after..].trim_start();
    if let Some(after_in) = tail
        .strip_prefix("In:")
        .or_else(|| tail.strip_prefix("In "))
    {
        // `In: Lima SA, Rocha PE, editors. Book. Place: Publisher; 2004. p. 101-9.`
        head.chapter = true;
        let mut after_in = after_in.trim_start();
        if let Some(c) = VANCOUVER_AUTHORS.captures(after_in) {
            after_in = after_in[c.get(0)?.end()..].trim_start();
        }
        if let Some((e, a)) = sentence_end(after_in) {
            head.container = Some(after_in[..e].trim().to_string());
            tail = after_in[a..].trim_start();
        } else {
            head.container = Some(after_in.trim().trim_end_matches('.').to_string());
            tail = "";
        }
        head.rest = take_imprint(&mut head, tail);
        return Some(head);
    }
    // `Journal. 2015;27(4):601-19.`: the journal is what comes before the numbers run, its
    // abbreviations' stops included (`Rev. Bras. Geriatr. Gerontol. 2007;10(2)`).
    let mut from = 0;
    while let Some((e, a)) = sentence_end(&tail[from..]) {
        let (e, a) = (from + e, from + a);
        from = a;
        let after = tail[a..].trim_start();
        if tail[..e].split_whitespace().count() > MAX_JOURNAL_WORDS {
            break;
        }
        if let Some(c) = VANCOUVER_NUMBERS.captures(after) {
            head.journal = true;
            head.container = Some(tail[..e].trim().to_string());
            let y = c.get(1)?.as_str();
            head.year = y.parse().ok().map(|v| (y.to_string(), v));
            head.volume = c.get(2).map(|m| m.as_str().to_string());
            head.issue = c.get(3).map(|m| m.as_str().trim().to_string());
            head.pages = c.get(4).map(|m| m.as_str().to_string());
            head.rest = after[c.get(0)?.end()..].to_string();
            return Some(head);
        }
    }
    // A book: its edition for the field reader, its imprint read here.
    head.rest = take_imprint(&mut head, tail);
    Some(head)
}

/// A GOST head: the dotted-initial authors (or none), the title up to ` // `, the container
/// up to its sentence end or an editor statement (` / ed. by …`, ` / под ред. …`), which is
/// dropped with the names it gives; a book without ` // ` has its title to the first sentence
/// end.
fn gost(text: &str) -> Option<CompactHead> {
    let (authors, after_authors) = match GOST_AUTHORS.captures(text) {
        Some(c) => (Some(c.get(1)?.as_str().to_string()), c.get(0)?.end()),
        None => (None, 0),
    };
    let rest = &text[after_authors..];
    if family_name_follows(rest) {
        return None;
    }
    gost_after_authors(authors, rest)
}

/// The rest of a GOST head after its authors (`authors`, when found): the title and the
/// container, or a book's title.
pub(super) fn gost_after_authors(authors: Option<String>, rest: &str) -> Option<CompactHead> {
    let slashes = rest.find(" // ").or_else(|| rest.find("//"));
    let Some(sl) = slashes else {
        // A book in GOST needs its authors to be told from other styles.
        authors.as_ref()?;
        let (e, a) = sentence_end(rest)?;
        let title = rest[..e].trim().to_string();
        return (!title.is_empty()).then(|| CompactHead {
            authors,
            title,
            rest: rest[a..].to_string(),
            ..CompactHead::default()
        });
    };
    let title = rest[..sl].trim().trim_end_matches('.').trim().to_string();
    if title.is_empty() {
        return None;
    }
    let after = rest[sl..].trim_start_matches([' ', '/']).trim_start();
    let mut head = CompactHead {
        authors,
        title,
        ..CompactHead::default()
    };
    // The container ends at an editor statement or at its sentence end.
    let editor_at = after.find(" / ");
    let sentence = sentence_end(after);
    match (editor_at, sentence) {
        (Some(ed), s) if s.is_none_or(|(e, _)| ed < e) => {
            head.chapter = true;
            head.container = Some(after[..ed].trim().to_string());
            let statement = &after[ed + 3..];
            head.rest =
                statement_end(statement).map_or(String::new(), |a| statement[a..].to_string());
        }
        (_, Some((e, a))) => {
            head.container = Some(after[..e].trim().to_string());
            head.rest = after[a..].to_string();
        }
        (_, None) => head.container = Some(after.trim().to_string()),
    }
    Some(head)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vancouver_article_head() {
        let h = compact_head(
            "Moreno TL, Okafor BE, et al. Walking and pain: a cohort study. J Aging Health. 2015;27(4):601–19.",
        )
        .unwrap();
        assert_eq!(h.authors.as_deref(), Some("Moreno TL, Okafor BE, et al"));
        assert_eq!(h.title, "Walking and pain: a cohort study");
        assert_eq!(h.container.as_deref(), Some("J Aging Health"));
        assert_eq!(h.year, Some(("2015".into(), 2015)));
        assert_eq!(
            (h.volume.as_deref(), h.issue.as_deref(), h.pages.as_deref()),
            (Some("27"), Some("4"), Some("601–19"))
        );
    }

    #[test]
    fn vancouver_title_may_end_in_a_question_and_hold_initials() {
        let h = compact_head("Ngata RW. Is U.S. aid late? Int J Econ. 2018;12:5-14.").unwrap();
        assert_eq!(h.title, "Is U.S. aid late?");
        assert_eq!(h.container.as_deref(), Some("Int J Econ"));
    }

    #[test]
    fn gost_heads_with_and_without_container() {
        let h =
            compact_head("Lind K. A., Varga M. Border towns // Regional Studies. 2009. Vol. 3.")
                .unwrap();
        assert_eq!(h.authors.as_deref(), Some("Lind K. A., Varga M."));
        assert_eq!(h.title, "Border towns");
        assert_eq!(h.container.as_deref(), Some("Regional Studies"));
        assert_eq!(h.rest.trim(), "2009. Vol. 3.");
        let b = compact_head("Petrova A. V. Urban policy. Moscow: Nauka, 2005.").unwrap();
        assert_eq!(b.title, "Urban policy");
        let c = compact_head("Berg L. Local rule // New regions / ed. by K. Lund. Oslo, 2010.")
            .unwrap();
        assert!(c.chapter);
        assert_eq!(c.container.as_deref(), Some("New regions"));
        assert_eq!(c.rest.trim(), "Oslo, 2010.");
    }

    #[test]
    fn other_styles_are_not_compact() {
        for s in [
            "Smith, J. (2010). A title. Journal, 3, 1-2.",
            "World Health Organization. Ageing well. Geneva: WHO; 2005.",
            "Hale A and Ito B (2006) Title of a work. Journal 2: 3-4.",
            "Emily R. Hale, Duties in contracts, 12 Law Rev. 3 (2017).",
        ] {
            assert_eq!(compact_head(s), None, "{s}");
        }
    }
}
