//! A footnote zone whose labels are plain digits, read the way pdftotext lays it out.
//!
//! Raised labels come out of pdftotext as plain numbers, and not always before their note:
//! alone on the line before the text (`12` / `See id.`), glued to it (`12See`), spaced
//! (`12 See`), moved below the last note (a run of numbers closing the zone), or stacked
//! above the texts (a column of numbers, then the notes). [`parse_plain_zone`] takes the
//! numbers that stand before a text and rise through the zone as anchors (a number that
//! only opens a wrapped line, `1 BLACKSTONE`, does not fit the sequence and stays text),
//! then gives each moved number a note start: between the anchors around its number, at
//! the line boundary that most reads as the end of a note (a short line that ends a
//! sentence, a next line that opens like a note). Lines above the first note continue the
//! previous page's last note. `*`, `†`, `‡` notes are author notes, read apart.

use super::markers::notes as notes_table;
use super::notelabels::{plain_label, PlainLabel};
use std::sync::LazyLock;

/// A numbered note of a plain zone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlainNote {
    /// Its number.
    pub number: u32,
    /// The label as printed.
    pub label: String,
    /// Its text pieces: (index of the zone line, byte offset where the text starts).
    pub pieces: Vec<(usize, usize)>,
}

/// What a plain zone holds.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PlainZone {
    /// Lines above the first note: the previous page's last note goes on.
    pub carry: Vec<usize>,
    /// The author notes (`*`, `†`), each as its pieces.
    pub stars: Vec<Vec<(usize, usize)>>,
    /// The numbered notes, in number order.
    pub notes: Vec<PlainNote>,
    /// Label lines no note took (a stray number).
    pub strays: Vec<usize>,
    /// Running text pdftotext printed under the zone's first label: a short line that does
    /// not end a sentence, between the label and its note (the page's last line of text).
    pub displaced: Vec<usize>,
}

impl PlainZone {
    /// The numbers of the notes, in order.
    pub fn numbers(&self) -> Vec<u32> {
        self.notes.iter().map(|n| n.number).collect()
    }
}

/// How a zone line was read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    /// A label that stands before its text (anchor candidate).
    Before(u32),
    /// A number glued or spaced before its text on the same line (anchor candidate).
    Led(u32, usize),
    /// A label moved away from its note.
    Moved(u32),
    /// An author-note mark before its text, alone or on the same line.
    Star(Option<usize>),
    /// An author-note mark moved away from its note.
    MovedStar,
    /// Text.
    Text,
}

/// Note openers of every table, longest first.
static OPENERS: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    let mut v: Vec<&'static str> = notes_table::ALL
        .iter()
        .flat_map(|t| t.note_openers.iter().copied())
        .collect();
    v.sort_by_key(|w| std::cmp::Reverse(w.len()));
    v
});

/// The roles of the zone lines: a label alone is before its text when a text line follows;
/// a run of labels, or labels after the last text, were moved.
fn roles(lines: &[&str]) -> Vec<Role> {
    let labels: Vec<PlainLabel> = lines.iter().map(|l| plain_label(l)).collect();
    let is_alone = |l: &PlainLabel| matches!(l, PlainLabel::Alone(_) | PlainLabel::StarAlone);
    let mut out = Vec::with_capacity(lines.len());
    for (i, label) in labels.iter().enumerate() {
        let prev_alone = i > 0 && labels.get(i - 1).is_some_and(is_alone);
        let next = labels.get(i + 1);
        let next_text =
            next.is_some_and(|n| matches!(n, PlainLabel::Text | PlainLabel::Led { .. }));
        let in_run = prev_alone || next.is_some_and(is_alone);
        let role = match *label {
            PlainLabel::Alone(n) if next_text && !in_run => Role::Before(n),
            PlainLabel::Alone(n) => Role::Moved(n),
            PlainLabel::StarAlone if next_text && !in_run => Role::Star(None),
            PlainLabel::StarAlone => Role::MovedStar,
            PlainLabel::Led { number, rest } => Role::Led(number, rest),
            PlainLabel::StarLed { rest } => Role::Star(Some(rest)),
            PlainLabel::Text => Role::Text,
        };
        out.push(role);
    }
    out
}

/// Picks the anchors: the longest rising run of anchor candidates whose missing numbers
/// between them are all among the moved labels (a candidate whose number a moved label
/// carries is text). Numbers alone before their text win over numbers opening a line.
fn pick_anchors(roles: &[Role], moved: &[u32]) -> Vec<usize> {
    let cands: Vec<(usize, u32, bool)> = roles
        .iter()
        .enumerate()
        .filter_map(|(i, r)| match *r {
            Role::Before(n) if !moved.contains(&n) => Some((i, n, true)),
            Role::Led(n, _) if !moved.contains(&n) => Some((i, n, false)),
            _ => None,
        })
        .collect();
    let covered = |a: u32, b: u32| (a + 1..b).all(|m| moved.contains(&m));
    // best[k]: (count, alone count, previous index) of the best chain ending at k.
    let mut best: Vec<(usize, usize, Option<usize>)> = Vec::with_capacity(cands.len());
    for (k, &(_, n, alone)) in cands.iter().enumerate() {
        let mut here = (1, usize::from(alone), None);
        for (p, &(_, m, _)) in cands.iter().enumerate().take(k) {
            if m < n && covered(m, n) {
                if let Some(&(c, a, _)) = best.get(p) {
                    let score = (c + 1, a + usize::from(alone));
                    if score > (here.0, here.1) {
                        here = (score.0, score.1, Some(p));
                    }
                }
            }
        }
        best.push(here);
    }
    let Some(mut k) = (0..best.len()).max_by_key(|&k| best.get(k).map(|b| (b.0, b.1, k))) else {
        return Vec::new();
    };
    let mut chain = Vec::new();
    loop {
        if let Some(&(i, _, _)) = cands.get(k) {
            chain.push(i);
        }
        match best.get(k).and_then(|b| b.2) {
            Some(p) => k = p,
            None => break,
        }
    }
    chain.reverse();
    chain
}

/// Whether a line ends a note: final punctuation, or a URL.
pub fn ends_note(text: &str) -> bool {
    let t = text.trim_end();
    let last_word = t.rsplit(char::is_whitespace).next().unwrap_or("");
    t.chars()
        .next_back()
        .is_some_and(|c| ".!?)]”\"’»".contains(c))
        || last_word.starts_with("http")
}

/// How much the boundary between `prev` and `line` reads as one note ending and another
/// starting. `width` is the length of a full line of the zone.
fn boundary_score(prev: &str, line: &str, width: usize) -> i32 {
    let p = prev.trim_end();
    let t = line.trim_start();
    let mut score = 0;
    let last = p.chars().next_back();
    if last.is_some_and(|c| ".!?)]”\"’»".contains(c)) {
        score += 2;
    }
    if last.is_some_and(|c| ",;:-–(".contains(c)) {
        score -= 2;
    }
    let last_word = p.rsplit(char::is_whitespace).next().unwrap_or("");
    if last_word.starts_with("http") || last_word.starts_with("www.") {
        score += 1;
    }
    if p.chars().count() * 4 < width * 3 {
        score += 2;
    }
    match t.chars().next() {
        Some(c) if c.is_uppercase() || c.is_numeric() || "“\"‘'§(".contains(c) => score += 1,
        Some(c) if c.is_lowercase() => score -= 2,
        _ => {}
    }
    if OPENERS.iter().any(|o| t.starts_with(o)) {
        score += 1;
    }
    score
}

/// Chooses `count` note starts among `candidates` (zone line indices, in order): the
/// boundaries that most read as a note ending. The text before a candidate is the zone's
/// text line above it (`prev_text`), or else the previous page's last note line; a line with
/// neither must start a note.
fn choose_starts(
    candidates: &[usize],
    count: usize,
    lines: &[&str],
    prev_text: &[Option<usize>],
    prev_tail: Option<&str>,
    width: usize,
) -> Option<Vec<usize>> {
    if count == 0 {
        return Some(Vec::new());
    }
    if candidates.len() < count {
        return None;
    }
    let mut scored: Vec<(i32, usize)> = Vec::new();
    for &i in candidates {
        let line = lines.get(i).copied().unwrap_or("");
        let prev = match prev_text.get(i).copied().flatten() {
            Some(p) => lines.get(p).copied(),
            None => prev_tail,
        };
        let score = match prev {
            Some(p) => boundary_score(p, line, width),
            // Nothing before the zone's first line: it opens a note.
            None => i32::MAX,
        };
        scored.push((score, i));
    }
    // Best first; on equal scores the earlier line.
    scored.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    let mut chosen: Vec<usize> = scored.iter().take(count).map(|&(_, i)| i).collect();
    chosen.sort_unstable();
    Some(chosen)
}

/// Reads a zone of plain-digit labels. `lines` are the zone's non-blank lines; `prev_tail`
/// is the last line of the previous page's notes, when it had some. Returns `None` when the
/// lines do not read as numbered notes: no anchor or moved label, numbers that do not follow
/// each other, or moved labels with no line to start their note.
pub fn parse_plain_zone(lines: &[&str], prev_tail: Option<&str>) -> Option<PlainZone> {
    let roles = roles(lines);
    let moved: Vec<u32> = roles
        .iter()
        .filter_map(|r| match r {
            Role::Moved(n) => Some(*n),
            _ => None,
        })
        .collect();
    let moved_stars = roles.iter().filter(|r| **r == Role::MovedStar).count();
    let anchors = zone_anchors(&roles, &moved);
    let anchor_numbers: Vec<u32> = anchors
        .iter()
        .filter_map(|&i| match roles.get(i) {
            Some(Role::Before(n) | Role::Led(n, _)) => Some(*n),
            _ => None,
        })
        .collect();
    // The numbers of the zone: the anchors and the moved labels that extend or fill them.
    let (first, last) = zone_numbers(&anchor_numbers, &moved)?;
    // Where each note starts: the anchors, then the moved labels placed in their gaps.
    let is_start_free = |i: usize| matches!(roles.get(i), Some(Role::Text | Role::Led(..)));
    let star_starts: Vec<usize> = roles
        .iter()
        .enumerate()
        .filter(|(_, r)| matches!(r, Role::Star(_)))
        .map(|(i, _)| i)
        .collect();
    let width = full_width(lines);
    let lead = |i: usize| lines.get(i).map_or(0, |l| l.len() - l.trim_start().len());
    // The byte where an anchor's text begins: after the label on its own line.
    let text_at = |anchor: usize| -> usize {
        match roles.get(anchor) {
            Some(Role::Led(_, rest)) | Some(Role::Star(Some(rest))) => *rest,
            _ => lead(anchor + 1),
        }
    };
    // The line that holds a start's first text: a label alone stands before it.
    let first_text_line = |i: usize| match roles.get(i) {
        Some(Role::Before(_)) | Some(Role::Star(None)) => i + 1,
        _ => i,
    };
    // (first text line, byte offset of the text, number or none for a star).
    let mut starts: Vec<(usize, usize, Option<u32>)> = Vec::new();
    for (&i, &n) in anchors.iter().zip(&anchor_numbers) {
        starts.push((first_text_line(i), text_at(i), Some(n)));
    }
    for &i in &star_starts {
        starts.push((first_text_line(i), text_at(i), None));
    }
    let prev_text = text_line_above(&roles);
    starts.sort_unstable();
    // Gaps: below the first anchor (top), between anchors, after the last.
    let mut bounds: Vec<Option<u32>> = Vec::new();
    bounds.push(None);
    bounds.extend(anchor_numbers.iter().map(|&n| Some(n)));
    let mut placed: Vec<(usize, usize, Option<u32>)> = Vec::new();
    for (g, lo) in bounds.iter().enumerate() {
        let hi = anchor_numbers.get(g).copied();
        let from = match lo {
            None => first,
            Some(n) => n + 1,
        };
        let to = match hi {
            Some(n) => n,
            None => last + 1,
        };
        let missing: Vec<Option<u32>> = (from..to).map(Some).collect();
        let mut missing = missing;
        if g == 0 {
            // Moved stars go first, above the numbered notes.
            let stars: Vec<Option<u32>> = (0..moved_stars).map(|_| None).collect();
            missing = stars.into_iter().chain(missing).collect();
        }
        if missing.is_empty() {
            continue;
        }
        // Candidate lines: text lines of the gap that no start holds already.
        let (gap_from, gap_to) = match (lo, hi) {
            (None, Some(_)) => (0, anchors.get(g).copied().unwrap_or(lines.len())),
            (None, None) => (0, lines.len()),
            (Some(_), _) => {
                let a = anchors.get(g - 1).copied().unwrap_or(0);
                let b = anchors.get(g).copied().unwrap_or(lines.len());
                (first_text_line(a) + 1, b)
            }
        };
        let candidates: Vec<usize> = (gap_from..gap_to)
            .filter(|&i| is_start_free(i) && !starts.iter().any(|s| s.0 == i))
            .collect();
        let chosen = choose_starts(
            &candidates,
            missing.len(),
            lines,
            &prev_text,
            prev_tail,
            width,
        )?;
        placed.extend(
            chosen
                .into_iter()
                .zip(missing)
                .map(|(i, n)| (i, lead(i), n)),
        );
    }
    starts.extend(placed);
    starts.sort_unstable();
    starts.dedup_by_key(|s| s.0);
    // Every text line belongs to the start above it; lines above the first are carried.
    let mut zone = PlainZone::default();
    let first_line = starts.first().map_or(lines.len(), |s| s.0);
    for i in 0..first_line {
        if matches!(roles.get(i), Some(Role::Text | Role::Led(..))) {
            zone.carry.push(i);
        }
    }
    let (mut numbered, stars) = cut_notes(&starts, &roles, lines.len())?;
    zone.stars = stars;
    if let Some(first) = numbered.first_mut() {
        let from_label = anchors.first().is_some_and(|&a| {
            matches!(roles.get(a), Some(Role::Before(_)))
                && first_text_line(a) == first.pieces.first().map_or(usize::MAX, |p| p.0)
        });
        if from_label {
            zone.displaced
                .extend(displace_body_tail(first, lines, width));
        }
    }
    numbered.sort_by_key(|n| n.number);
    if numbered.is_empty() || numbered.windows(2).any(|w| w[1].number != w[0].number + 1) {
        return None;
    }
    // Labels no note took.
    zone.strays = stray_labels(&roles, &numbered);
    zone.notes = numbered;
    Some(zone)
}

/// Cuts the zone's text lines into notes at their starts (first text line, byte offset of
/// the text, number or none for a star): numbered notes and star notes, or none when a
/// start holds no text.
#[allow(clippy::type_complexity)]
fn cut_notes(
    starts: &[(usize, usize, Option<u32>)],
    roles: &[Role],
    line_count: usize,
) -> Option<(Vec<PlainNote>, Vec<Vec<(usize, usize)>>)> {
    let mut numbered: Vec<PlainNote> = Vec::new();
    let mut stars = Vec::new();
    for (k, &(start, offset, number)) in starts.iter().enumerate() {
        let end = starts.get(k + 1).map_or(line_count, |s| s.0);
        let mut pieces = Vec::new();
        for i in start..end {
            match roles.get(i) {
                Some(Role::Text | Role::Led(..)) => {
                    pieces.push((i, if i == start { offset } else { 0 }));
                }
                Some(Role::Star(Some(_))) if i == start => pieces.push((i, offset)),
                _ => {}
            }
        }
        if pieces.is_empty() {
            return None;
        }
        match number {
            Some(n) => numbered.push(PlainNote {
                number: n,
                label: n.to_string(),
                pieces,
            }),
            None => stars.push(pieces),
        }
    }
    Some((numbered, stars))
}

/// The first note opened by a label alone: a short unfinished line before a line that opens
/// like a note is the body's last piece of text, printed after the label. Takes those
/// lines out of the note and returns them.
fn displace_body_tail(first: &mut PlainNote, lines: &[&str], width: usize) -> Vec<usize> {
    let piece_line = |k: usize| {
        first
            .pieces
            .get(k)
            .and_then(|&(i, _)| lines.get(i))
            .copied()
    };
    let loose = |t: &str| t.trim().chars().count() * 5 < width * 3 && !ends_note(t);
    // pdftotext may print the words of a justified line one per line.
    let run = (0..first.pieces.len())
        .take_while(|&k| piece_line(k).is_some_and(loose))
        .count();
    let opens = piece_line(run).is_some_and(|next| {
        next.trim_start()
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_numeric())
    });
    if run == 0 || !opens {
        return Vec::new();
    }
    let displaced = first.pieces.drain(..run).map(|(i, _)| i).collect();
    if let Some(p) = first.pieces.first_mut() {
        p.1 = lines.get(p.0).map_or(0, |l| l.len() - l.trim_start().len());
    }
    displaced
}

/// The zone's anchors (labels standing at their notes), or none when they explain fewer
/// notes than the moved labels alone (a wrapped line opening with a number, under a column
/// of moved labels, is text).
fn zone_anchors(roles: &[Role], moved: &[u32]) -> Vec<usize> {
    let anchors = pick_anchors(roles, moved);
    // Anchors that explain fewer notes than the moved labels alone (a wrapped line opening
    // with a number, under a column of moved labels) are text.
    let moved_run = {
        let mut sorted = moved.to_vec();
        sorted.sort_unstable();
        sorted.dedup();
        let lo = sorted.first().copied().unwrap_or(0);
        (lo..).take_while(|n| sorted.contains(n)).count()
    };
    let explained = |chain: &[usize]| -> usize {
        let numbers: Vec<u32> = chain
            .iter()
            .filter_map(|&i| match roles.get(i) {
                Some(Role::Before(n) | Role::Led(n, _)) => Some(*n),
                _ => None,
            })
            .collect();
        let (Some(&a), Some(&b)) = (numbers.first(), numbers.last()) else {
            return 0;
        };
        let below = (1..a).rev().take_while(|m| moved.contains(m)).count();
        let above = (b + 1..).take_while(|m| moved.contains(m)).count();
        let inside = moved.iter().filter(|&&m| a < m && m < b).count();
        numbers.len() + below + above + inside
    };
    if explained(&anchors) < moved_run {
        return Vec::new();
    }
    anchors
}

/// The numbers of the zone: the anchors and the moved labels that extend or fill them; with
/// no anchor, the moved labels alone, which must follow each other.
fn zone_numbers(anchor_numbers: &[u32], moved: &[u32]) -> Option<(u32, u32)> {
    Some(match (anchor_numbers.first(), anchor_numbers.last()) {
        (Some(&a), Some(&b)) => {
            let mut lo = a;
            while lo > 1 && moved.contains(&(lo - 1)) {
                lo -= 1;
            }
            let mut hi = b;
            while moved.contains(&(hi + 1)) {
                hi += 1;
            }
            (lo, hi)
        }
        _ => {
            // No anchor: the moved labels alone, which must follow each other.
            let mut sorted = moved.to_vec();
            sorted.sort_unstable();
            sorted.dedup();
            let (&lo, &hi) = (sorted.first()?, sorted.last()?);
            let mut hi_run = lo;
            while sorted.contains(&(hi_run + 1)) {
                hi_run += 1;
            }
            (lo, hi_run.min(hi))
        }
    })
}

/// A full line's length: the longest, unless it is half again as long as the next one (two
/// lines pdftotext glued together).
fn full_width(lines: &[&str]) -> usize {
    let mut lengths: Vec<usize> = lines.iter().map(|l| l.trim().chars().count()).collect();
    lengths.sort_unstable_by(|a, b| b.cmp(a));
    match (lengths.first(), lengths.get(1)) {
        (Some(&a), Some(&b)) if a * 2 > b * 3 && b * 2 > a => b,
        (Some(&a), _) => a,
        _ => 0,
    }
}

/// For each line, the text line above it (for the boundary scores).
fn text_line_above(roles: &[Role]) -> Vec<Option<usize>> {
    let mut prev_text: Vec<Option<usize>> = Vec::with_capacity(roles.len());
    let mut last_text = None;
    for r in roles {
        prev_text.push(last_text);
        if matches!(r, Role::Text | Role::Led(..) | Role::Star(Some(_))) {
            last_text = Some(prev_text.len() - 1);
        }
    }
    prev_text
}

/// The lines of moved labels that no note took.
fn stray_labels(roles: &[Role], numbered: &[PlainNote]) -> Vec<usize> {
    let used: Vec<u32> = numbered.iter().map(|n| n.number).collect();
    roles
        .iter()
        .enumerate()
        .filter(|(_, r)| matches!(r, Role::Moved(n) if !used.contains(n)))
        .map(|(i, _)| i)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(zone: &PlainZone, lines: &[&str]) -> Vec<(u32, String)> {
        zone.notes
            .iter()
            .map(|n| {
                let t: Vec<&str> = n
                    .pieces
                    .iter()
                    .map(|&(i, o)| lines[i].get(o..).unwrap_or("").trim())
                    .collect();
                (n.number, t.join(" "))
            })
            .collect()
    }

    #[test]
    fn labels_alone_before_their_text() {
        let lines = [
            "4",
            "See the first report on rivers, at 12.",
            "5",
            "1 SMITH, supra note 2, at 40.",
            "6",
            "Id.",
        ];
        let zone = parse_plain_zone(&lines, None).unwrap();
        assert_eq!(
            texts(&zone, &lines),
            vec![
                (4, "See the first report on rivers, at 12.".to_string()),
                (5, "1 SMITH, supra note 2, at 40.".to_string()),
                (6, "Id.".to_string())
            ]
        );
        assert!(zone.carry.is_empty());
    }

    #[test]
    fn a_label_moved_below_the_last_note() {
        // The label of the short note went to the bottom of the zone.
        let lines = [
            "21",
            "See A. Author, Rivers and Lakes of the Northern Plains, 4 J. WATER 1, 4 (2001).",
            "Id. at 7.",
            "23",
            "See B. Writer, Harbours, 9 SEA L. REV. 33 (2010), a long note that fills a line.",
            "22",
        ];
        let zone = parse_plain_zone(&lines, None).unwrap();
        let t = texts(&zone, &lines);
        assert_eq!(t[1], (22, "Id. at 7.".to_string()));
        assert_eq!(t.len(), 3);
    }

    #[test]
    fn labels_moved_to_the_zone_end_and_the_top_notes() {
        let lines = [
            "Author, A. (2001). A report on water. Publisher.",
            "Id.",
            "12 Writer, B. (2010). Harbours. https://example.org/harbours",
            "10",
            "11",
        ];
        let zone = parse_plain_zone(&lines, Some("the previous note ends here.")).unwrap();
        assert_eq!(
            texts(&zone, &lines),
            vec![
                (
                    10,
                    "Author, A. (2001). A report on water. Publisher.".to_string()
                ),
                (11, "Id.".to_string()),
                (
                    12,
                    "Writer, B. (2010). Harbours. https://example.org/harbours".to_string()
                )
            ]
        );
    }

    #[test]
    fn stacked_labels_above_the_texts_and_a_carried_line() {
        let lines = [
            "8",
            "9",
            "continued from the note on the previous page, 2001.",
            "Vgl. Autor, Titel des Buches, 2001, 12.",
            "Siehe Andere, Ein zweiter Titel, der eine ganze Zeile der Fußnote füllt, 2003,",
            "45 f.",
        ];
        let zone = parse_plain_zone(&lines, Some("Vgl. etwa Erster, Titel, 1999;")).unwrap();
        assert_eq!(zone.carry, vec![2]);
        assert_eq!(
            texts(&zone, &lines),
            vec![
                (8, "Vgl. Autor, Titel des Buches, 2001, 12.".to_string()),
                (
                    9,
                    "Siehe Andere, Ein zweiter Titel, der eine ganze Zeile der Fußnote füllt, 2003, 45 f.".to_string()
                )
            ]
        );
    }

    #[test]
    fn author_notes_and_glued_labels() {
        let lines = [
            "†",
            "Professor of Law, University of the North.",
            "1See A. Author, Rivers 4 (2001).",
            "2 Id. at 5.",
        ];
        let zone = parse_plain_zone(&lines, None).unwrap();
        assert_eq!(zone.stars, vec![vec![(1, 0)]]);
        assert_eq!(
            texts(&zone, &lines),
            vec![
                (1, "See A. Author, Rivers 4 (2001).".to_string()),
                (2, "Id. at 5.".to_string())
            ]
        );
    }

    #[test]
    fn the_last_body_words_printed_under_the_first_label() {
        let lines = [
            "12",
            "The argument goes",
            "See A. Author, A Long Title of a Book on Rivers and Their Laws 4 (2001).",
            "13",
            "Id. at 5.",
        ];
        let zone = parse_plain_zone(&lines, None).unwrap();
        assert_eq!(zone.displaced, vec![1]);
        assert_eq!(
            texts(&zone, &lines)[0],
            (
                12,
                "See A. Author, A Long Title of a Book on Rivers and Their Laws 4 (2001)."
                    .to_string()
            )
        );
    }

    #[test]
    fn text_without_labels_is_no_zone() {
        assert!(parse_plain_zone(&["Just a line of text.", "And another."], None).is_none());
        // A moved label with no line to start its note.
        assert!(parse_plain_zone(&["4 A note.", "3"], None).is_none());
    }
}
