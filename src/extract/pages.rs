//! Pages and their zones: running text and the footnote zone at the bottom.
//!
//! A page break is a form feed, or, in text without form feeds, a run of blank lines longer
//! than the runs that separate paragraphs. Running headers and footers (lines repeated at the
//! top or bottom of several pages, digits aside) and page numbers are dropped. The footnote
//! zone is the last stretch of a page made of labelled notes (see
//! [`super::notelabels::note_label`]) and their continuation lines, or everything below a
//! separator rule. The zone may follow the last text line with no blank line between; it
//! never opens on a list that starts right under the reference-list or endnotes heading (the
//! endnotes are read by `super::sections`), nor takes in a heading or a line of text that
//! calls a note.

use super::input::PagedInput;
use super::markers::notes as table;
use super::markers::sections::{self as sections_table, fold};
use super::notelabels::{note_label, scan_markers, MarkForm};
use super::text::Line;
use crate::model::{SectionKind, Span};
use regex::Regex;
use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

/// One page of the input, split into zones.
#[derive(Debug, Clone, PartialEq)]
pub struct PageLines<'a> {
    /// Page number, counted from 1.
    pub number: usize,
    /// The page's whole line range.
    pub span: Span,
    /// Lines of running text (headers, footers and page numbers dropped).
    pub body: Vec<Line<'a>>,
    /// Lines of the footnote zone, `*` author notes included (blank lines left out).
    pub notes: Vec<Line<'a>>,
}

impl PageLines<'_> {
    /// The first line of the footnote zone, when the page has one.
    pub fn footnote_zone_line(&self) -> Option<usize> {
        self.notes.first().map(|l| l.number)
    }
}

/// Splits text lines into pages (see [`super::text::page_chunks`]), drops page furniture and
/// finds each page's footnote zone.
pub fn split_pages<'a>(lines: &[Line<'a>]) -> Vec<PageLines<'a>> {
    let chunks = super::text::page_chunks(lines);
    zone_pages(
        chunks
            .into_iter()
            .enumerate()
            .map(|(i, c)| (i + 1, c))
            .collect(),
    )
}

/// The pages of a reader's input, furniture dropped and footnote zones found.
pub fn input_pages(input: &PagedInput) -> Vec<PageLines<'_>> {
    zone_pages(
        input
            .pages
            .iter()
            .map(|p| (p.number, p.lines.iter().map(Line::from).collect()))
            .collect(),
    )
}

/// Drops page furniture from numbered pages of lines and finds each page's footnote zone.
/// Blank lines at a page's edges are left out; a page with no text gives no page.
fn zone_pages<'a>(chunks: Vec<(usize, Vec<Line<'a>>)>) -> Vec<PageLines<'a>> {
    let chunks: Vec<(usize, Vec<Line<'a>>)> = chunks
        .into_iter()
        .map(|(n, c)| (n, trim_blank_edges(c)))
        .filter(|(_, c)| !c.is_empty())
        .collect();
    let repeated = repeated_furniture(&chunks);
    let mut pages = Vec::with_capacity(chunks.len());
    for (index, (number, chunk)) in chunks.into_iter().enumerate() {
        let span = match (chunk.first(), chunk.last()) {
            (Some(a), Some(b)) => Span::lines(a.number, b.number),
            _ => continue,
        };
        let content = strip_furniture(chunk, &repeated);
        let (body_end, zone_start) =
            find_zone(&content, index).unwrap_or((content.len(), content.len()));
        let mut body: Vec<Line<'a>> = content.get(..body_end).unwrap_or_default().to_vec();
        while body.last().is_some_and(|l| l.is_blank()) {
            body.pop();
        }
        let notes = content
            .get(zone_start..)
            .unwrap_or_default()
            .iter()
            .filter(|l| !l.is_blank())
            .copied()
            .collect();
        pages.push(PageLines {
            number,
            span,
            body,
            notes,
        });
    }
    pages
}

/// The lines without the blank lines at their start and end.
fn trim_blank_edges(mut lines: Vec<Line<'_>>) -> Vec<Line<'_>> {
    while lines.last().is_some_and(|l| l.is_blank()) {
        lines.pop();
    }
    let lead = lines.iter().take_while(|l| l.is_blank()).count();
    lines.drain(..lead);
    lines
}

static PAGE_NUMBER_RE: LazyLock<Regex> = LazyLock::new(|| {
    let words: Vec<String> = table::ALL
        .iter()
        .flat_map(|t| t.page_words.iter())
        .map(|w| regex::escape(w))
        .collect();
    let of: Vec<String> = table::ALL
        .iter()
        .flat_map(|t| t.page_of.iter())
        .map(|w| regex::escape(w))
        .collect();
    let digit = r"[0-9\x{0660}-\x{0669}\x{06F0}-\x{06F9}]";
    Regex::new(&format!(
        r"(?i)^[\s\-\x{{2013}}\x{{2014}}|•·\[\]]*(?:(?:{})\s*)?{digit}{{1,4}}(?:\s*(?:{}|/)\s*{digit}{{1,4}})?[\s\-\x{{2013}}\x{{2014}}|•·\[\]]*$",
        words.join("|"),
        of.join("|")
    ))
    .expect("page number pattern")
});

static SEPARATOR_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*[_\x{0640}\x{2014}\x{2013}\-]{5,}\s*$").expect("separator pattern")
});

/// Whether a line is only a page number (`12`, `- 12 -`, `Page 3 of 9`, `ص ٣`).
fn is_page_number(text: &str) -> bool {
    PAGE_NUMBER_RE.is_match(text)
}

/// A line's shape with its digits blanked, to spot a header repeated with changing numbers.
fn furniture_key(text: &str) -> Option<String> {
    let t = text.trim();
    if t.is_empty() || t.split_whitespace().count() > 20 || note_label(t).is_some() {
        return None;
    }
    let mut key = String::new();
    for word in t.split_whitespace() {
        if !key.is_empty() {
            key.push(' ');
        }
        key.extend(
            word.chars()
                .map(|c| if crate::script::is_digit(c) { '#' } else { c }),
        );
    }
    Some(key)
}

/// How many lines at each edge of a page may be furniture.
const EDGE: usize = 2;

/// Keys of lines found at the same edge (top or bottom) of enough pages to be furniture.
fn repeated_furniture(chunks: &[(usize, Vec<Line>)]) -> HashSet<(bool, String)> {
    let mut seen: HashMap<(bool, String), HashSet<usize>> = HashMap::new();
    for (index, (_, chunk)) in chunks.iter().enumerate() {
        let texts: Vec<&Line> = chunk.iter().filter(|l| !l.is_blank()).collect();
        let top = texts.iter().take(EDGE).map(|l| (true, l));
        let bottom = texts.iter().rev().take(EDGE).map(|l| (false, l));
        for (at_top, line) in top.chain(bottom) {
            if let Some(key) = furniture_key(line.text) {
                seen.entry((at_top, key)).or_default().insert(index);
            }
        }
    }
    // Alternating headers (journal on even pages, article on odd) appear on half the pages.
    let needed = (chunks.len() / 4).max(2);
    seen.into_iter()
        .filter(|(_, pages)| pages.len() >= needed)
        .map(|(key, _)| key)
        .collect()
}

/// Drops page numbers and repeated headers from the top and footers from the bottom.
fn strip_furniture<'a>(
    mut chunk: Vec<Line<'a>>,
    repeated: &HashSet<(bool, String)>,
) -> Vec<Line<'a>> {
    let is_furniture = |line: &Line, at_top: bool| {
        is_page_number(line.text)
            || furniture_key(line.text).is_some_and(|k| repeated.contains(&(at_top, k)))
    };
    for _ in 0..=EDGE {
        match chunk.iter().position(|l| !l.is_blank()) {
            Some(i) if chunk.get(i).is_some_and(|l| is_furniture(l, true)) => {
                chunk.drain(..=i);
            }
            _ => break,
        }
    }
    for _ in 0..=EDGE {
        match chunk.iter().rposition(|l| !l.is_blank()) {
            Some(i) if chunk.get(i).is_some_and(|l| is_furniture(l, false)) => {
                chunk.truncate(i);
            }
            _ => break,
        }
    }
    let lead = chunk.iter().take_while(|l| l.is_blank()).count();
    chunk.drain(..lead);
    while chunk.last().is_some_and(|l| l.is_blank()) {
        chunk.pop();
    }
    chunk
}

/// Whether a line without a label can continue a footnote: a URL, a DOI, or wrapped text
/// that starts in lower case.
fn continues_note(text: &str) -> bool {
    let t = text.trim_start();
    let lower = t.to_ascii_lowercase();
    lower.starts_with("<http")
        || lower.starts_with("http")
        || lower.starts_with("www.")
        || lower.starts_with("doi")
        || t.chars().next().is_some_and(|c| c.is_lowercase())
}

/// Finds the footnote zone of a page: returns the end of the body and the start of the zone
/// (they differ when a separator rule lies between them).
fn find_zone(lines: &[Line], page_index: usize) -> Option<(usize, usize)> {
    let has_text_before = |i: usize| {
        lines
            .get(..i)
            .is_some_and(|b| b.iter().any(|l| !l.is_blank()))
    };
    if let Some(sep) = lines.iter().rposition(|l| SEPARATOR_RE.is_match(l.text)) {
        if has_text_before(sep)
            && lines
                .get(sep + 1..)
                .is_some_and(|r| r.iter().any(|l| !l.is_blank()))
        {
            return Some((sep, sep + 1));
        }
    }
    // Blocks of non-blank lines, bottom up; collect the possible zone starts.
    let mut blocks: Vec<(usize, usize)> = Vec::new();
    let mut start = None;
    for (i, line) in lines.iter().enumerate() {
        match (line.is_blank(), start) {
            (false, None) => start = Some(i),
            (true, Some(s)) => {
                blocks.push((s, i));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        blocks.push((s, lines.len()));
    }
    // Every labelled line of the trailing blocks may open the zone: the zone may follow the
    // last body line with no blank line between (then the block mixes text and notes), and a
    // numbered list or reference list may stand right above it.
    let mut starts = Vec::new();
    for &(s, e) in blocks.iter().rev() {
        let labelled: Vec<usize> = (s..e)
            .filter(|&i| lines.get(i).is_some_and(|l| note_label(l.text).is_some()))
            .collect();
        match labelled.first() {
            Some(&k) => {
                starts.extend(labelled.iter().rev());
                if k > s {
                    break;
                }
            }
            None if (s..e).all(|i| lines.get(i).is_some_and(|l| continues_note(l.text))) => {}
            None => break,
        }
        if starts.len() >= MAX_ZONE_STARTS {
            break;
        }
    }
    starts.truncate(MAX_ZONE_STARTS);
    // A numbered list that opens right under the reference-list heading (`References` /
    // `[1] ...`) or an endnotes heading (`الهوامش` / `(١) ...`) is that list, whatever text
    // cites it on the page: no line from its first entry down to `k` has a label of another
    // family.
    let under_heading = |k: usize| {
        let Some(form) = lines
            .get(k)
            .and_then(|l| note_label(l.text))
            .map(|n| n.form)
        else {
            return false;
        };
        let above = lines.get(..k).unwrap_or_default();
        let Some(heading) = above.iter().rposition(|l| {
            matches!(
                section_line_kind(l.text),
                Some(SectionKind::References | SectionKind::Notes)
            )
        }) else {
            return false;
        };
        let list = above.get(heading + 1..).unwrap_or_default();
        list.iter()
            .find(|l| !l.is_blank())
            .is_none_or(|first| note_label(first.text).is_some_and(|n| n.form.same_family(form)))
            && list
                .iter()
                .all(|l| note_label(l.text).is_none_or(|n| n.form.same_family(form)))
    };
    starts
        .into_iter()
        .rev()
        .find(|&k| has_text_before(k) && !under_heading(k) && zone_is_valid(lines, k, page_index))
        .map(|k| (k, k))
}

/// Whether a line is a section name, numbered or not (`References`, `6. References`).
fn is_section_line(text: &str) -> bool {
    section_line_kind(text).is_some()
}

/// The kind of section a line names, numbered or not.
fn section_line_kind(text: &str) -> Option<SectionKind> {
    section_kind(text).or_else(|| {
        note_label(text)
            .and_then(|n| text.get(n.rest..))
            .and_then(section_kind)
    })
}

/// How many labelled lines, from the bottom of a page, are tried as the zone's first line;
/// no page prints more notes, and the bound keeps the search linear.
const MAX_ZONE_STARTS: usize = 64;

/// A zone must read as notes: one family of labels with rising numbers, most of them matched
/// by a marker in the text above. A zone of `*` notes alone is only taken near the start of
/// the paper, where author notes are printed.
fn zone_is_valid(lines: &[Line], start: usize, page_index: usize) -> bool {
    let Some(zone) = lines.get(start..) else {
        return false;
    };
    let labels: Vec<_> = zone.iter().filter_map(|l| note_label(l.text)).collect();
    let numbered: Vec<_> = labels.iter().filter(|l| l.form != MarkForm::Star).collect();
    if numbered.is_empty() {
        return !labels.is_empty() && page_index <= 1;
    }
    let family = numbered.first().map(|l| l.form);
    let same = |a: MarkForm, b: MarkForm| {
        a == b
            || matches!(
                (a, b),
                (
                    MarkForm::SuperParen | MarkForm::Superscript | MarkForm::Caret,
                    MarkForm::SuperParen | MarkForm::Superscript | MarkForm::Caret
                )
            )
    };
    let mut numbers = Vec::new();
    for label in &numbered {
        if family.is_some_and(|f| !same(f, label.form)) {
            // A bare number in a wrapped line is text; any other foreign label spoils the zone.
            if label.form == MarkForm::Bare {
                continue;
            }
            return false;
        }
        numbers.push(label.number.unwrap_or(0));
    }
    if numbers.windows(2).any(|w| w[1] <= w[0]) {
        return false;
    }
    // Running text taken in by a zone opened too high: a section heading, or, among raised
    // labels, an unlabelled line that calls a note (notes do not call notes).
    let raised = family.is_some_and(|f| same(f, MarkForm::Superscript));
    let spoiled = zone.iter().filter(|l| !l.is_blank()).any(|l| {
        let label = note_label(l.text);
        is_section_line(l.text)
            || (raised
                && label.is_none()
                && scan_markers(l.text)
                    .iter()
                    .any(|m| same(m.form, MarkForm::Superscript)))
    });
    if spoiled {
        return false;
    }
    if family == Some(MarkForm::Bare) {
        // A bare number is the weakest label (`1. Introduction`, `١ جامعة ...` are not
        // notes): every other line must be a URL or wrapped lower-case text, and the numbers
        // must count up by one.
        let loose = zone
            .iter()
            .filter(|l| !l.is_blank() && note_label(l.text).is_none())
            .any(|l| !continues_note(l.text));
        let gap = numbers.windows(2).any(|w| w[1] != w[0] + 1);
        let names_section = zone
            .iter()
            .filter_map(|l| note_label(l.text).map(|n| l.text.get(n.rest..).unwrap_or("")))
            .any(names_a_section);
        if loose || gap || names_section {
            return false;
        }
    }
    // Marker numbers above the zone, with whether each sits in a long line of running text.
    let mut markers: HashMap<u32, bool> = HashMap::new();
    for line in lines.get(..start).unwrap_or_default() {
        let long = line.text.trim().chars().count() > 55;
        for c in scan_markers(line.text) {
            *markers.entry(c.number).or_default() |= long;
        }
    }
    let matched: Vec<bool> = numbers
        .iter()
        .filter_map(|n| markers.get(n).copied())
        .collect();
    // On the first page, notes called only from short lines (the authors' names) are
    // affiliations for the front matter, not footnotes.
    if page_index == 0 && matched.iter().all(|long| !long) {
        return false;
    }
    !matched.is_empty() && matched.len() * 2 >= numbers.len()
}

/// Whether a line is only a section name (`Introduction`, `المقدمة`).
fn names_a_section(text: &str) -> bool {
    section_kind(text).is_some()
}

/// The kind of the section a line names when it is only a section name.
fn section_kind(text: &str) -> Option<SectionKind> {
    let folded = fold(text.trim().trim_end_matches([':', '.', ' ']));
    sections_table::FOLDED
        .iter()
        .flat_map(|t| t.kinds.iter())
        .find(|(w, _)| *w == folded)
        .map(|(_, k)| *k)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::text::lines;

    fn texts<'a>(v: &[Line<'a>]) -> Vec<&'a str> {
        v.iter().filter(|l| !l.is_blank()).map(|l| l.text).collect()
    }

    #[test]
    fn splits_on_long_blank_runs_and_finds_zones() {
        let src = "\n\nعنوان البحث\n\nنص الفقرة الأولى من البحث وهي فقرة طويلة بما يكفي⁽¹⁾ وتستمر\n\n(1) مصدر أول، ص ٣.\n\n\n\nعلى الصفحة الثانية.\n\nفقرة.\n";
        let l = lines(src);
        let pages = split_pages(&l);
        assert_eq!(pages.len(), 2);
        assert_eq!(pages[0].span, Span::lines(3, 7));
        assert_eq!(
            texts(&pages[0].body),
            vec![
                "عنوان البحث",
                "نص الفقرة الأولى من البحث وهي فقرة طويلة بما يكفي⁽¹⁾ وتستمر"
            ]
        );
        assert_eq!(texts(&pages[0].notes), vec!["(1) مصدر أول، ص ٣."]);
        assert_eq!(pages[0].footnote_zone_line(), Some(7));
        assert_eq!(pages[1].notes, vec![]);
        assert_eq!(pages[1].number, 2);
    }

    #[test]
    fn splits_on_form_feeds_and_drops_headers_footers_and_page_numbers() {
        let src = "Journal of Studies, Vol. 3\nFirst page text that runs long enough for a paragraph[1].\n[1] A note.\n- 1 -\n\u{0C}Journal of Studies, Vol. 3\nSecond page.\nPage 2 of 3\n\u{0C}Journal of Studies, Vol. 3\nThird page.\n3\n";
        let l = lines(src);
        let pages = split_pages(&l);
        assert_eq!(pages.len(), 3);
        assert_eq!(
            texts(&pages[0].body),
            vec!["First page text that runs long enough for a paragraph[1]."]
        );
        assert_eq!(texts(&pages[0].notes), vec!["[1] A note."]);
        assert_eq!(texts(&pages[1].body), vec!["Second page."]);
        assert_eq!(texts(&pages[2].body), vec!["Third page."]);
    }

    #[test]
    fn drops_a_repeated_journal_header_in_arabic() {
        let mut src = String::new();
        let bodies = [
            "نص البداية.",
            "نص يتبع الحديث.",
            "نص آخر مختلف.",
            "نص الختام.",
        ];
        for (p, body) in bodies.iter().enumerate() {
            src.push_str(&format!(
                "مجلة الدراسات السياسية العدد ٧٥ ص {p}\n\n{body}\n\n\n\n"
            ));
        }
        let l = lines(&src);
        let pages = split_pages(&l);
        assert_eq!(pages.len(), 4);
        for page in &pages {
            assert_eq!(texts(&page.body).len(), 1, "{:?}", page.body);
            assert!(page.body[0].text.starts_with("نص "));
        }
    }

    #[test]
    fn a_list_at_the_page_bottom_is_not_a_zone() {
        let src = "مقدمة النص:\n\n١. البند الأول.\n٢. البند الثاني.\n\n(1) قرار مهم\n";
        let l = lines(src);
        let pages = split_pages(&l);
        assert!(pages[0].notes.is_empty(), "{:?}", pages[0].notes);
        // Author notes at the bottom of the first page form a zone.
        let src =
            "Title\n\nAuthor*\n\nIntroduction text.\n\n* Department of Politics, University.\n";
        let l = lines(src);
        let pages = split_pages(&l);
        assert_eq!(
            texts(&pages[0].notes),
            vec!["* Department of Politics, University."]
        );
    }

    #[test]
    fn zone_keeps_url_blocks_and_stops_at_body() {
        let src = "نص أول.\n\nنص ثان طويل بما يكفي ليكون فقرة من فقرات البحث^(١) وثالث^(٢).\n\n(١) مصدر على الرابط:\n\n<https://example.org>\n\n(٢) مصدر آخر.\n";
        let l = lines(src);
        let pages = split_pages(&l);
        assert_eq!(
            texts(&pages[0].notes),
            vec![
                "(١) مصدر على الرابط:",
                "<https://example.org>",
                "(٢) مصدر آخر."
            ]
        );
        assert_eq!(texts(&pages[0].body).len(), 2);
    }

    #[test]
    fn separator_rule_opens_the_zone() {
        let src = "Body text¹ here.\n__________\ncontinued from the previous page.\n¹ Note one.\n";
        let l = lines(src);
        let pages = split_pages(&l);
        assert_eq!(texts(&pages[0].body), vec!["Body text¹ here."]);
        assert_eq!(pages[0].notes.len(), 2);
    }

    #[test]
    fn first_page_affiliation_notes_stay_in_the_body() {
        let src = "A Title\n\nJane Roe¹, Omar Haddad²\n\nThe running text of the first page is long enough to be a paragraph.\n\n¹ University of Kent, UK\n² University of Baghdad, Iraq\n";
        let l = lines(src);
        let pages = split_pages(&l);
        assert!(pages[0].notes.is_empty(), "{:?}", pages[0].notes);
        let src = "1. Introduction\nRivers cross borders¹ and so do their problems.\n\n1. Introduction\nMore text.\n";
        let l = lines(src);
        assert!(split_pages(&l)[0].notes.is_empty());
    }

    #[test]
    fn zone_right_under_the_text_without_a_blank_line() {
        let src = "Cover page of the issue\n\n\n\nThe second page carries on with the argument at length,¹ citing a source\nand then another one² before the page ends without any blank line below.\n¹ First source, 2001, p. 4.\n² Second source, available at\nhttps://example.org/second\n";
        let l = lines(src);
        let pages = split_pages(&l);
        assert_eq!(pages.len(), 2);
        assert_eq!(pages[1].footnote_zone_line(), Some(7));
        assert_eq!(texts(&pages[1].body).len(), 2);
        assert_eq!(pages[1].notes.len(), 3);
        // Arabic: a numbered reference list and the notes straight after it.
        let src = "صفحة أولى من البحث.\n\n\n\nالمصادر\n١- الكاتب، كتاب أول، بغداد، ٢٠٠١.\n٢- الكاتب، كتاب ثان، القاهرة، ٢٠١٠.\nوقد ورد هذا في التقرير السنوي للهيئة المستقلة الصادر عن المجلس⁽١⁾ وفي غيره⁽٢⁾.\n⁽١⁾ التقرير السنوي، ص ٣.\n⁽٢⁾ المصدر نفسه، ص ٥.\n";
        let l = lines(src);
        let pages = split_pages(&l);
        assert_eq!(
            texts(&pages[1].notes),
            vec!["⁽١⁾ التقرير السنوي، ص ٣.", "⁽٢⁾ المصدر نفسه، ص ٥."]
        );
        assert_eq!(texts(&pages[1].body).len(), 4);
    }

    #[test]
    fn labelled_lines_above_running_text_are_no_zone() {
        // A page without blank lines: affiliations under the names, then the text. The zone
        // may not run over a heading or over text that calls its own notes.
        for body in [
            "Introduction\nThe paper opens with a question about water and cities that runs on.",
            "The paper opens with a question¹ about water and cities that runs on and on.",
        ] {
            let src = format!("Cover\n\n\n\nA Title Here\nAnn Lee¹, Bo Chan²\n¹ Department of Politics, University of the North, Northtown\n² College of Law, University of the South\n{body}\nMore of the running text follows in this line.\n");
            let l = lines(&src);
            let pages = split_pages(&l);
            assert_eq!(pages.len(), 2);
            assert!(pages[1].notes.is_empty(), "{:?}", pages[1].notes);
            assert_eq!(texts(&pages[1].body).len(), 5 + body.lines().count());
        }
        // A numbered heading between notes spoils the zone too.
        let src = "Text with a note¹ and another² in a line long enough to be running text.\n¹ A note.\n2. Methods\n";
        let l = lines(src);
        assert!(split_pages(&l)[0].notes.is_empty());
    }

    #[test]
    fn endnotes_under_their_heading_are_not_a_zone() {
        // The notes end the last page, right under the text that calls them.
        let src = "نص يحيل إلى المصدر (١) وإلى المصدر الآخر (٢) في سطر طويل من الكلام المتصل.\n\nالهوامش\n\n(١) الكاتب، كتاب أول، بغداد، ٢٠٠١.\n(٢) المصدر نفسه، ص ٩.\n";
        let l = lines(src);
        assert!(split_pages(&l)[0].notes.is_empty());
        let src = "Text that calls a note¹ and another² in a line long enough to be running text.\n\nEndnotes\n¹ A first note.\n² A second note.\n";
        let l = lines(src);
        assert!(split_pages(&l)[0].notes.is_empty());
        // Without the heading the same notes are the page's footnotes.
        let src = "Text that calls a note¹ and another² in a line long enough to be running text.\n\n¹ A first note.\n² A second note.\n";
        let l = lines(src);
        assert_eq!(split_pages(&l)[0].notes.len(), 2);
    }

    #[test]
    fn a_numbered_reference_list_is_not_a_zone() {
        // Bracketed entries cited on the same page: still the list under its heading.
        let src = "5. Conclusion\n\nThe model fits the data [3] and agrees with the survey [4] in most cases.\n\nReferences\n\n[1] A. Hale, \"Ports,\" Sea Review, vol. 2, 2001.\n[2] B. Ito, Harbours. York: Dock, 2004.\n[3] C. Roy, \"Tides,\" Coast, vol. 9, 2012.\n[4] D. Sen, Survey of Ports, 2015.\n";
        let l = lines(src);
        let pages = split_pages(&l);
        assert!(pages[0].notes.is_empty(), "{:?}", pages[0].notes);
        // Arabic: a numbered heading over the list.
        let src = "نص يحيل إلى المصدر (1) وإلى المصدر الآخر (2) في سطر طويل من الكلام المتصل.\n\n٥. المصادر\n(1) الكاتب، كتاب أول، بغداد، ٢٠٠١.\n(2) الكاتب، كتاب ثان، القاهرة، ٢٠١٠.\n";
        let l = lines(src);
        assert!(split_pages(&l)[0].notes.is_empty());
    }
}
