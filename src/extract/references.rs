//! The reference list: groups, entries and their typed fields.
//!
//! The input is the lines under the reference-list heading (page-break blank runs and
//! footnote zones already removed by the body reader; blank lines are tolerated anyway).
//! Group headings (`- المصادر العربية :`, `2. Foreign sources:`, `Books`) open groups; entries
//! are bulleted, numbered or bare and may wrap (a URL alone on a line belongs to the entry
//! above). Each entry keeps its raw text and gets typed fields from [`parse::parse_work`].

#[path = "references_parse.rs"]
pub(crate) mod parse;
#[path = "references_text.rs"]
pub(crate) mod text;

use super::markers::references::all_of;
use super::text::Line;
use crate::model::{Diagnostic, Reference, ReferenceGroup, ReferenceType, Span};
use crate::script::{default_lang, detect_script};
use regex::Regex;
use std::sync::LazyLock;

/// A bullet or number opening an entry or a group heading: `-`, `•`, `1.`, `١-`, `[3]`, `(3)`.
static LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*([-–—•▪●◦■]|\*\s|\[\s*\d{1,3}\s*\]|\(\s*\d{1,3}\s*\)|\d{1,3}\s*[.\-–)](?:\s|$|[^\d]))")
        .expect("valid label regex")
});

/// An APA-like year near the start of a line (`(2019)`, `(n.d.)`), telling a new bare entry.
static EARLY_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^.{0,120}?\(\s*(?:\d{4}[a-z]?|n\.\s?d\.?|د\.\s?ت)\s*[),]").expect("valid regex")
});

/// The bullet or number of a line, and the rest of it.
fn split_label(line: &str) -> (Option<String>, &str) {
    if let Some(c) = LABEL.captures(line) {
        if let Some(m) = c.get(1) {
            let mut label = m.as_str().trim().to_string();
            let mut end = m.end();
            // The number pattern may have eaten the first character of the text.
            if let Some(last) = label.chars().last() {
                if !matches!(
                    last,
                    '.' | '-' | '–' | ')' | ']' | '—' | '•' | '▪' | '●' | '◦' | '■' | '*'
                ) && !last.is_whitespace()
                {
                    end -= last.len_utf8();
                    label.pop();
                    label = label.trim().to_string();
                }
            }
            let rest = line.get(end..).unwrap_or("").trim();
            return (Some(label), rest);
        }
    }
    (None, line.trim())
}

/// A group heading: its title as printed (ordinal and colon removed) and the type its
/// entries default to.
fn group_heading(text: &str) -> Option<(String, ReferenceType)> {
    let t = text
        .trim()
        .trim_end_matches([':', '-', ' ', '：', '.'])
        .trim();
    if t.is_empty() || t.contains("http") || t.contains([',', '،', '(', '<', '.']) {
        return None;
    }
    let ordinals = all_of(|m| m.group_ordinals);
    let t = match text::starts_with_any(t, &ordinals) {
        Some(f) => t[f.end..]
            .trim_start_matches([':', '-', '–', '.', ' '])
            .trim(),
        None => t,
    };
    let words = t.split_whitespace().count();
    if words == 0 || words > 6 || t.chars().any(crate::script::is_digit) {
        return None;
    }
    let table: Vec<(&'static str, ReferenceType)> = super::markers::references::ALL
        .iter()
        .flat_map(|m| m.group_words.iter().copied())
        .collect();
    let names: Vec<&'static str> = table.iter().map(|(w, _)| *w).collect();
    let found = text::find_all(t, &names);
    if found.is_empty() {
        return None;
    }
    // Most words of a heading are group words (`المصادر العربية`), unlike an entry's title.
    let covered: usize = found
        .iter()
        .map(|f| t[f.start..f.end].split_whitespace().count())
        .sum();
    if covered * 2 < words {
        return None;
    }
    let kind = found
        .iter()
        .filter_map(|f| table.iter().find(|(w, _)| *w == f.marker).map(|(_, k)| *k))
        .find(|k| *k != ReferenceType::Other)
        .unwrap_or(ReferenceType::Other);
    Some((t.to_string(), kind))
}

/// Whether a line is the heading of the whole list (when the caller left it in).
fn is_list_heading(text: &str) -> bool {
    let t = text.trim().trim_end_matches([':', '-', ' ', '.']).trim();
    text::equals_any(t, &all_of(|m| m.list_headings))
}

/// Whether a line without a label continues the entry above whatever the layout.
fn always_continues(rest: &str) -> bool {
    let t = rest.trim();
    let only_url = {
        let urls = text::find_urls(t);
        !urls.is_empty() && {
            let mut s = t.to_string();
            for u in urls.iter().rev() {
                s.replace_range(u.start..u.end, "");
            }
            text::trim_punct(&s).is_empty()
        }
    };
    only_url
        || text::find_doi(t).is_some_and(|(_, s, _)| s == 0)
        || text::starts_with_any(t, &all_of(|m| m.url_leads)).is_some()
        || text::starts_with_any(t, &all_of(|m| m.accessed_leads)).is_some()
        || t.chars().next().is_some_and(|c| c.is_lowercase())
}

struct Entry<'a> {
    label: Option<String>,
    lines: Vec<(usize, &'a str)>,
}

struct Group<'a> {
    title: Option<String>,
    kind: ReferenceType,
    source: Option<usize>,
    entries: Vec<Entry<'a>>,
}

/// Parses the lines under the reference-list heading.
pub fn extract_references(lines: &[Line]) -> (Vec<ReferenceGroup>, Vec<Diagnostic>) {
    let mut diags = Vec::new();
    let mut groups: Vec<Group> = Vec::new();
    let mut seen_text = false;

    // First pass: is the list labelled? Then unlabelled lines are continuations.
    let mut labelled = 0usize;
    let mut starts = 0usize;
    for l in lines.iter().filter(|l| !l.is_blank()) {
        let (label, rest) = split_label(l.text);
        if group_heading(rest).is_some() || always_continues(rest) {
            continue;
        }
        starts += 1;
        if label.is_some() {
            labelled += 1;
        }
    }
    let labelled_list = labelled > 0 && labelled * 3 >= starts;

    let mut blank_before = false;
    for l in lines {
        if l.is_blank() {
            blank_before = true;
            continue;
        }
        let (label, rest) = split_label(l.text);
        if !seen_text && label.is_none() && is_list_heading(rest) {
            seen_text = true;
            continue;
        }
        seen_text = true;
        if let Some((title, kind)) = group_heading(rest) {
            groups.push(Group {
                title: Some(title),
                kind,
                source: Some(l.number),
                entries: Vec::new(),
            });
            blank_before = false;
            continue;
        }
        if groups.is_empty() {
            groups.push(Group {
                title: None,
                kind: ReferenceType::Other,
                source: None,
                entries: Vec::new(),
            });
        }
        let Some(group) = groups.last_mut() else {
            continue;
        };
        let continues = match (&label, group.entries.last()) {
            (_, None) => false,
            (Some(_), _) => false,
            (None, Some(prev)) => {
                if always_continues(rest) || labelled_list {
                    true
                } else {
                    let prev_text = prev.lines.last().map_or("", |x| x.1).trim_end();
                    let ended = prev_text.ends_with(['.', ')', '>', '”', ']', '»', '"']);
                    let starts_entry = EARLY_YEAR.is_match(rest)
                        || rest
                            .split_whitespace()
                            .take(4)
                            .any(|w| w.ends_with([',', '،']));
                    !(ended || (blank_before && starts_entry))
                }
            }
        };
        blank_before = false;
        if continues {
            if let Some(e) = group.entries.last_mut() {
                e.lines.push((l.number, rest));
            }
        } else {
            group.entries.push(Entry {
                label,
                lines: vec![(l.number, rest)],
            });
        }
    }

    let mut out = Vec::new();
    let mut n_ref = 0usize;
    for g in groups.into_iter().filter(|g| !g.entries.is_empty()) {
        let mut refs = Vec::new();
        for e in g.entries {
            n_ref += 1;
            let raw = e
                .lines
                .iter()
                .map(|(_, t)| t.trim())
                .collect::<Vec<_>>()
                .join("\n");
            let first = e.lines.first().map_or(0, |x| x.0);
            let last = e.lines.last().map_or(first, |x| x.0);
            let mut r = parse::parse_work(&raw, parse::Origin::ListEntry, g.kind);
            r.id = format!("ref{n_ref}");
            r.label = e.label;
            r.lang = lang_of(&raw).to_string();
            r.source = Span::lines(first, last);
            if r.title.is_none() {
                diags.push(Diagnostic::warning(
                    "reference-without-title",
                    format!("reference {} has no title that could be told apart", r.id),
                    Some(first),
                ));
            }
            r.raw = raw;
            refs.push(r);
        }
        let lang = match &g.title {
            Some(t) => default_lang(detect_script(t)).map(str::to_string),
            None => majority_lang(&refs),
        };
        let source = g.source.or_else(|| refs.first().map(|r| r.source.line));
        out.push(ReferenceGroup {
            id: format!("refs{}", out.len() + 1),
            title: g.title,
            lang,
            references: refs,
            source: source.map(Span::line),
        });
    }
    (out, diags)
}

/// BCP 47 tag for a text by its script (`und` when it cannot be told).
pub(crate) fn lang_of(text: &str) -> &'static str {
    default_lang(detect_script(text)).unwrap_or("und")
}

fn majority_lang(refs: &[Reference]) -> Option<String> {
    let ar = refs.iter().filter(|r| r.lang == "ar").count();
    let en = refs.iter().filter(|r| r.lang == "en").count();
    match (ar, en) {
        (0, 0) => None,
        (a, e) if a >= e => Some("ar".into()),
        _ => Some("en".into()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Agent;

    fn lines(text: &str) -> Vec<Line<'_>> {
        text.lines()
            .enumerate()
            .map(|(i, t)| Line {
                number: i + 100,
                text: t,
            })
            .collect()
    }

    #[test]
    fn two_groups_bullets_wraps_and_page_break() {
        let src = "- المراجع العربية :\n - البدري، سامي.(2001). مدن الماء. دار النهر. بغداد.\n - مكتب الإحصاء.(2020) تقرير السكان السنوي.\n<https://stats.example/r>\n\n\n\n- القيسي، منى.(د.ت) الأسواق القديمة.\n\n2. المراجع الأجنبية:\n\n- Lane, Mark.(2015). *River towns*. <https://example.org/rt>";
        let l = lines(src);
        let (groups, _) = extract_references(&l);
        assert_eq!(groups.len(), 2);
        assert_eq!(groups[0].title.as_deref(), Some("المراجع العربية"));
        assert_eq!(groups[0].lang.as_deref(), Some("ar"));
        assert_eq!(groups[1].title.as_deref(), Some("المراجع الأجنبية"));
        // The heading's language, whatever its entries' script.
        assert_eq!(groups[1].lang.as_deref(), Some("ar"));
        assert_eq!(groups[1].references[0].lang, "en");
        assert_eq!(groups[0].references.len(), 3);
        let r2 = &groups[0].references[1];
        assert_eq!(
            r2.raw,
            "مكتب الإحصاء.(2020) تقرير السكان السنوي.\n<https://stats.example/r>"
        );
        assert_eq!(r2.url.as_deref(), Some("https://stats.example/r"));
        assert_eq!(r2.source, Span::lines(102, 103));
        assert!(matches!(r2.authors[0], Agent::Organization { .. }));
        assert!(groups[0].references[2].no_date);
        assert_eq!(groups[1].references[0].id, "ref4");
        assert_eq!(
            groups[1].references[0].title.as_deref(),
            Some("River towns")
        );
        assert_eq!(groups[1].references[0].label.as_deref(), Some("-"));
    }

    #[test]
    fn numbered_english_apa_list_with_dois_no_heading() {
        let src = "References\n[1] Adams, R., & Cole, M. (2019). Ports and trade. Maritime Review, 8(1), 1-20. https://doi.org/10.4242/mr.8.1\n[2] Baker, S. (2020). Salt roads (3rd ed.). Harbor Press.\n[3] Chen, L. (n.d.). Tide tables online. Retrieved May 2, 2022, from https://tides.example.com";
        let (groups, _) = extract_references(&lines(src));
        assert_eq!(groups.len(), 1);
        assert_eq!(groups[0].title, None);
        let r = &groups[0].references;
        assert_eq!(r.len(), 3);
        assert_eq!(r[0].label.as_deref(), Some("[1]"));
        assert_eq!(r[0].doi.as_deref(), Some("10.4242/mr.8.1"));
        assert_eq!(r[0].ref_type, ReferenceType::JournalArticle);
        assert_eq!(r[1].ref_type, ReferenceType::Book);
        assert_eq!(r[1].publisher.as_deref(), Some("Harbor Press"));
        assert!(r[2].no_date);
        assert_eq!(r[2].accessed.as_deref(), Some("May 2, 2022"));
        assert_eq!(r[2].ref_type, ReferenceType::WebPage);
    }

    #[test]
    fn bare_entries_split_on_terminal_punctuation_and_typed_by_group() {
        let src = "Books\nHart, Ann. Old Maps of the Coast. London: Tidewater\nPress, 2004.\nIvers, Tom. Lighthouses. Boston: Beacon Books, 1990.\nWebsites\nHarbor authority. Annual notice. https://harbor.example.gov";
        let (groups, _) = extract_references(&lines(src));
        assert_eq!(groups.len(), 2);
        assert_eq!(groups[0].references.len(), 2);
        assert_eq!(
            groups[0].references[0].raw,
            "Hart, Ann. Old Maps of the Coast. London: Tidewater\nPress, 2004."
        );
        assert_eq!(groups[0].references[1].place.as_deref(), Some("Boston"));
        assert_eq!(groups[1].references[0].ref_type, ReferenceType::WebPage);
    }

    #[test]
    fn arabic_numbered_entries_with_arabic_indic_labels() {
        let src = "أولاً: الكتب\n١- الجبوري، كامل. الحكم المحلي. بيروت. ٢٠١٢.\n٢- سعيد، نوال. المدن والريف. القاهرة. ١٩٩٩.";
        let (groups, _) = extract_references(&lines(src));
        assert_eq!(groups[0].title.as_deref(), Some("الكتب"));
        let r = &groups[0].references;
        assert_eq!(r.len(), 2);
        assert_eq!(r[0].label.as_deref(), Some("١-"));
        assert_eq!(r[0].raw, "الجبوري، كامل. الحكم المحلي. بيروت. ٢٠١٢.");
        assert_eq!(r[0].year.as_ref().and_then(|y| y.value), Some(2012));
        assert_eq!(r[0].year.as_ref().map(|y| y.raw.as_str()), Some("٢٠١٢"));
        assert_eq!(r[0].ref_type, ReferenceType::Book);
    }
}
