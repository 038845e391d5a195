//! What stands above the title and where the header stops: a section label (`ARTICLES &
//! ESSAYS`, `Editorial`) or a masthead set one word per line above the title, author lines
//! printed above the title (as German law journals do), a run-in table of contents, and the
//! first paragraph of running text.

use super::lines::{classify, is_history_line, is_journal_line, Kind};
use super::names::{all_entries, find_label, fold, is_body_heading};
use crate::extract::text::Line;

/// The blocks of non-blank lines of `stream` from `from` on, each as its line indexes;
/// history, DOI and journal lines are left out (they may stand between a label and the
/// title).
fn blocks_from(stream: &[Line<'_>], from: usize, count: usize) -> Vec<Vec<usize>> {
    let mut blocks: Vec<Vec<usize>> = Vec::new();
    let mut current: Vec<usize> = Vec::new();
    for (i, line) in stream.iter().enumerate().skip(from) {
        let t = line.text.trim();
        if t.is_empty() {
            if !current.is_empty() {
                blocks.push(std::mem::take(&mut current));
                if blocks.len() >= count {
                    break;
                }
            }
            continue;
        }
        if is_history_line(t) || is_journal_line(t) {
            continue;
        }
        current.push(i);
    }
    if !current.is_empty() && blocks.len() < count {
        blocks.push(current);
    }
    blocks
}

/// Whether a line can open a title: text, not a label, heading or contact line (a title's
/// first line may end with a colon, as a run-in heading does).
fn opens_title(text: &str) -> bool {
    let t = text.trim();
    find_label(t).is_none()
        && (t.ends_with(':') || !is_body_heading(t))
        && !is_contents_line(t)
        && matches!(classify(t), Kind::Text | Kind::Candidate)
        && t.split_whitespace().count() <= 20
}

/// Whether a line is only names: an author line.
fn is_names(text: &str) -> bool {
    matches!(classify(text), Kind::Author)
}

/// What the header reader skips above the title: the index of the title's first line, and
/// the author lines printed above it, if any.
pub(super) struct AboveTitle {
    /// Index in the stream of the title's first line.
    pub first: usize,
    /// Indexes of author lines printed above the title.
    pub authors: Vec<usize>,
}

/// Skips a section label or masthead above the title at `stream[first]`, and author lines
/// printed above the title. A section label is a one-line block of at most four words, in
/// capitals or a single word, with a title after it (or author lines and then a title); a
/// masthead is two or more lines of one word each over a longer line.
pub(super) fn above_title(stream: &[Line<'_>], first: usize) -> AboveTitle {
    let words = |i: usize| {
        stream
            .get(i)
            .map_or(0, |l| l.text.split_whitespace().count())
    };
    let text = |i: usize| stream.get(i).map_or("", |l| l.text.trim());
    let blocks = blocks_from(stream, first, 3);
    let Some(head) = blocks.first() else {
        return AboveTitle {
            first,
            authors: Vec::new(),
        };
    };
    // A masthead: one word per line, then the title in the same block.
    let single = head.iter().take_while(|&&i| words(i) == 1).count();
    if single >= 2 && head.len() > single {
        if let Some(&title) = head.get(single) {
            return authors_then_title(stream, title);
        }
    }
    let label_like = |i: usize| {
        let t = text(i);
        let letters: Vec<char> = t.chars().filter(|c| c.is_alphabetic()).collect();
        let capitals = letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase());
        words(i) <= 4 && (capitals || words(i) == 1) && !t.ends_with('.')
    };
    if let ([label], Some(next)) = (head.as_slice(), blocks.get(1)) {
        let next_first = next.first().copied().unwrap_or(0);
        if label_like(*label) {
            if opens_title(text(next_first)) && !is_names(text(next_first)) {
                return AboveTitle {
                    first: next_first,
                    authors: Vec::new(),
                };
            }
            // Authors above the title.
            if is_names(text(next_first)) {
                let title = blocks.get(2).and_then(|b| b.first()).copied();
                if let Some(t) = title.filter(|&t| opens_title(text(t)) && !is_names(text(t))) {
                    return AboveTitle {
                        first: t,
                        authors: next.clone(),
                    };
                }
            }
        }
    }
    AboveTitle {
        first,
        authors: Vec::new(),
    }
}

/// From `first` on: author lines that open the block followed by a title block, or the
/// title itself.
fn authors_then_title(stream: &[Line<'_>], first: usize) -> AboveTitle {
    let text = |i: usize| stream.get(i).map_or("", |l| l.text.trim());
    let blocks = blocks_from(stream, first, 2);
    if let (Some(names), Some(next)) = (blocks.first(), blocks.get(1)) {
        let all_names = names
            .iter()
            .all(|&i| matches!(classify(text(i)), Kind::Author | Kind::Candidate));
        let title = next.first().copied().unwrap_or(0);
        if is_names(text(first)) && all_names && opens_title(text(title)) {
            return AboveTitle {
                first: title,
                authors: names.clone(),
            };
        }
    }
    AboveTitle {
        first,
        authors: Vec::new(),
    }
}

/// Whether a line opens a run-in table of contents (`Table of contents: 1. Introduction; ...`).
pub(super) fn is_contents_line(text: &str) -> bool {
    let folded = fold(text.trim());
    all_entries(|m| m.contents_labels).any(|label| {
        let l = fold(label);
        folded
            .strip_prefix(l.as_str())
            .is_some_and(|rest| rest.trim_start().starts_with(':'))
    })
}

/// How many lines a run-in table of contents at `stream[at]` takes: its first line and the
/// lines after it up to a blank line, a label or a heading (at most eight).
pub(super) fn contents_lines(stream: &[Line<'_>], at: usize) -> usize {
    if !stream.get(at).is_some_and(|l| is_contents_line(l.text)) {
        return 0;
    }
    let mut n = 1;
    while let Some(line) = stream.get(at + n) {
        let t = line.text.trim();
        if t.is_empty() || find_label(t).is_some() || is_body_heading(t) || n >= 8 {
            break;
        }
        n += 1;
    }
    n
}

/// Whether running text starts at `stream[i]`: a line of text of eighteen words or more, or
/// three lines of text of twelve words or more each (a paragraph, not a title).
pub(super) fn starts_prose(stream: &[Line<'_>], i: usize) -> bool {
    let prose = |l: &Line| classify(l.text) == Kind::Text;
    let words = |l: &Line| l.text.split_whitespace().count();
    let Some(line) = stream.get(i) else {
        return false;
    };
    if !prose(line) {
        return false;
    }
    if words(line) >= 18 {
        return true;
    }
    let run = stream
        .get(i..)
        .unwrap_or_default()
        .iter()
        .filter(|l| !l.is_blank())
        .take(3)
        .filter(|l| prose(l) && words(l) >= 12)
        .count();
    run == 3
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::text::lines;

    #[test]
    fn section_label_and_authors_above_the_title() {
        let l = lines(
            "ESSAYS\n\nhttps://doi.org/10.1000/x1\n\nA Study of Rivers:\nTheir Laws\nJANE ROE †\n",
        );
        let above = above_title(&l, 0);
        assert_eq!(above.first, 4);
        assert!(above.authors.is_empty());
        let l = lines("Wasserrecht\n\nDr. iur. Jana Roe and Prof. Dr. Omar Haddad*\n\nRivers and Their Laws\nA second line of the title\n");
        let above = above_title(&l, 0);
        assert_eq!((above.first, above.authors.clone()), (4, vec![2]));
        // A title followed by its authors stays.
        let l = lines("Water Politics\n\nJane Roe¹, Omar Haddad²\n\n¹ University of Kent\n");
        assert_eq!(above_title(&l, 0).first, 0);
    }

    #[test]
    fn masthead_one_word_a_line() {
        let l = lines("Acta\nIuris\nRivers and Their Laws\nJane Roe*\n");
        assert_eq!(above_title(&l, 0).first, 2);
    }

    #[test]
    fn contents_and_prose() {
        let l =
            lines("TABLE OF CONTENTS: 1. Introduction; 2. Rivers;\n3. Lakes.\nABSTRACT: Text.\n");
        assert!(is_contents_line(l[0].text));
        assert_eq!(contents_lines(&l, 0), 2);
        let l = lines("This paper was written in the context of a project on rivers and lakes\nof the north, funded by a council that supports research on water and law,\nand on the cities that stand on their banks in the plains of the north.\n");
        assert!(starts_prose(&l, 0));
        let l =
            lines("A Long Title of a Paper on Rivers and Lakes in the Northern Plains\nJane Roe\n");
        assert!(!starts_prose(&l, 0));
    }
}
