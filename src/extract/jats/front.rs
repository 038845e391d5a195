//! JATS front matter → the model's publication facts, titles, abstracts and keywords:
//! `journal-meta`, and everything of `article-meta` but the contributors (`contrib`).

use super::context::{lang_of, Ctx};
use super::text::{leaf, leaf_opt, tidy};
use super::tree::{Element, Node};
use crate::model::{
    Front, HistoryDate, HistoryKind, IsoDate, Journal, KeywordGroup, License, LocalizedText,
    Numbering, PageRange, PartialDate, Printed, Publication, Span,
};

/// Reads `journal-meta` and the facts of `article-meta` into `front`.
pub(super) fn read_front(ctx: &mut Ctx, front_el: &Element, front: &mut Front) {
    let lang = ctx.lang.clone();
    if let Some(j) = front_el.child("journal-meta") {
        front.publication.journal = Some(journal(j, &lang));
    }
    let Some(meta) = front_el.child("article-meta") else {
        ctx.warn(
            "jats-no-article-meta",
            "the article has no `article-meta`: no title, contributors or abstract",
            front_el.line.max(1),
        );
        return;
    };
    publication(ctx, meta, &mut front.publication);
    front.titles = titles(ctx, meta, &lang);
    front.abstracts = abstracts(meta, &lang);
    front.keywords = keywords(meta, &lang);
}

fn journal(j: &Element, lang: &str) -> Journal {
    let ids: Vec<&Element> = j.children_named("journal-id").collect();
    let id = ids
        .iter()
        .find(|e| e.attr("journal-id-type") == Some("publisher-id"))
        .or(ids.first())
        .map(|e| leaf(e))
        .filter(|t| !t.is_empty());
    let mut titles = Vec::new();
    // JATS groups the titles; NLM 2 and some JATS files put them straight in journal-meta.
    let groups: Vec<&Element> = j.children_named("journal-title-group").collect();
    let holders: Vec<&Element> = if groups.is_empty() { vec![j] } else { groups };
    for holder in holders {
        let group_lang = lang_of(holder, lang);
        for t in holder.children_named("journal-title") {
            push_text(&mut titles, t, &lang_of(t, &group_lang));
        }
        for g in holder.children_named("trans-title-group") {
            let g_lang = lang_of(g, &group_lang);
            for t in g.children_named("trans-title") {
                push_text(&mut titles, t, &lang_of(t, &g_lang));
            }
        }
    }
    let mut journal = Journal {
        id,
        titles,
        ..Journal::default()
    };
    for issn in j.children_named("issn") {
        let text = leaf(issn);
        if text.is_empty() {
            continue;
        }
        let format = issn.attr("publication-format");
        let pub_type = issn.attr("pub-type");
        let electronic = format == Some("electronic")
            || format == Some("online")
            || pub_type == Some("epub")
            || pub_type == Some("electronic");
        let slot = if electronic {
            &mut journal.issn_electronic
        } else {
            &mut journal.issn_print
        };
        if slot.is_none() {
            *slot = Some(Printed::new(text));
        }
    }
    if let Some(p) = j.child("publisher") {
        journal.publisher_name = leaf_opt(p.child("publisher-name"));
        journal.publisher_place = leaf_opt(p.child("publisher-loc"));
    }
    journal
}

fn push_text(out: &mut Vec<LocalizedText>, e: &Element, lang: &str) {
    let text = leaf(e);
    if !text.is_empty() {
        out.push(LocalizedText {
            lang: lang.to_string(),
            text,
            source: Some(Span::lines(e.line, e.end_line)),
        });
    }
}

fn publication(ctx: &mut Ctx, meta: &Element, p: &mut Publication) {
    p.doi = meta
        .children_named("article-id")
        .find(|e| e.attr("pub-id-type") == Some("doi"))
        .map(leaf)
        .filter(|t| !t.is_empty())
        .map(Printed::new);
    if let Some(categories) = meta.child("article-categories") {
        let groups: Vec<&Element> = categories.children_named("subj-group").collect();
        p.subject = groups
            .iter()
            .find(|g| g.attr("subj-group-type") == Some("heading"))
            .or(groups.first())
            .and_then(|g| leaf_opt(g.child("subject")));
    }
    p.published = publication_date(meta);
    p.volume = leaf_opt(meta.child("volume")).map(Numbering::new);
    p.issue = leaf_opt(meta.child("issue")).map(Numbering::new);
    let fpage = leaf_opt(meta.child("fpage"));
    let lpage = leaf_opt(meta.child("lpage"));
    p.pages = fpage.map(|f| page_range(&f, lpage.as_deref()));
    p.elocation = leaf_opt(meta.child("elocation-id"));
    if let Some(h) = meta.child("history") {
        for d in h.children_named("date") {
            let kind = match d.attr("date-type") {
                Some("received") => HistoryKind::Received,
                Some("rev-recd") | Some("revised") => HistoryKind::Revised,
                Some("accepted") => HistoryKind::Accepted,
                _ => continue,
            };
            match read_date(d) {
                Some(date) => p.history.push(HistoryDate {
                    kind,
                    date: Some(date),
                    raw: date.iso(),
                    source: Some(Span::line(d.line)),
                }),
                None => ctx.warn(
                    "jats-date-unread",
                    format!("the history date `{}` is not a date", tidy(&d.text())),
                    d.line,
                ),
            }
        }
    }
    if let Some(license) = meta
        .child("permissions")
        .and_then(|perm| perm.child("license"))
    {
        p.license = Some(read_license(license));
    }
    p.url = meta
        .children_named("self-uri")
        .find(|e| matches!(e.attr("content-type"), Some("landing-page") | None))
        .and_then(|e| {
            e.attr_trimmed("xlink:href")
                .map(str::to_string)
                .or_else(|| Some(leaf(e)))
        })
        .filter(|u| u.starts_with("http://") || u.starts_with("https://"));
}

/// A page range from `fpage` and `lpage`: numbers when they are numbers, else as written.
pub(super) fn page_range(first: &str, last: Option<&str>) -> PageRange {
    let raw = match last {
        Some(l) => format!("{first}-{l}"),
        None => first.to_string(),
    };
    let first_n = crate::script::parse_number(first);
    match first_n {
        Some(f) => PageRange {
            raw,
            first: Some(f),
            last: last.and_then(crate::script::parse_number),
        },
        None => PageRange {
            raw: first.to_string(),
            first: None,
            last: None,
        },
    }
}

/// The publication date: the electronic one first, then print, then any other.
fn publication_date(meta: &Element) -> Option<PartialDate> {
    let dates: Vec<&Element> = meta.children_named("pub-date").collect();
    let rank = |d: &Element| {
        let kind = d.attr("pub-type").or(d.attr("date-type")).unwrap_or("");
        let format = d.attr("publication-format").unwrap_or("");
        match (kind, format) {
            ("pub", "electronic") | ("epub", _) => 0,
            ("pub", _) | ("ppub", _) | ("epub-ppub", _) => 1,
            ("", _) => 2,
            ("collection", _) => 3,
            ("pmc-release", _) => 5,
            _ => 4,
        }
    };
    let mut ranked: Vec<(usize, &Element)> = dates.iter().map(|d| (rank(d), *d)).collect();
    ranked.sort_by_key(|(r, _)| *r);
    ranked.into_iter().find_map(|(_, d)| read_date(d))
}

/// A date element: its `iso-8601-date`, else its `year`, `month` and `day`.
pub(super) fn read_date(d: &Element) -> Option<PartialDate> {
    if let Some(date) = d
        .attr_trimmed("iso-8601-date")
        .and_then(|iso| IsoDate::parse(iso).ok())
    {
        return Some(PartialDate::from(date));
    }
    let number = |name: &str| {
        d.child(name)
            .and_then(|e| crate::script::parse_number(e.text().trim()))
    };
    let year = number("year").and_then(|y| i32::try_from(y).ok())?;
    let month = number("month")
        .or_else(|| d.child("month").and_then(|m| month_name(&m.text())))
        .and_then(|m| u8::try_from(m).ok())
        .filter(|m| (1..=12).contains(m));
    let day = number("day")
        .and_then(|n| u8::try_from(n).ok())
        .filter(|_| month.is_some());
    let date = PartialDate { year, month, day };
    // A day that does not exist is dropped, the month and year kept.
    match date.checked() {
        Ok(_) => Some(date),
        Err(_) => {
            let month_only = PartialDate { day: None, ..date };
            month_only
                .checked()
                .ok()
                .map(|_| month_only)
                .or(Some(PartialDate {
                    year,
                    month: None,
                    day: None,
                }))
        }
    }
}

/// The number of an English month name or abbreviation (`Jan`, `March`).
fn month_name(text: &str) -> Option<u32> {
    const MONTHS: [&str; 12] = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    let t = text.trim().to_ascii_lowercase();
    let head = t.get(..3)?;
    MONTHS
        .iter()
        .position(|m| *m == head)
        .and_then(|i| u32::try_from(i + 1).ok())
}

fn read_license(l: &Element) -> License {
    let url = l
        .attr_trimmed("xlink:href")
        .map(str::to_string)
        .or_else(|| {
            l.elements()
                .find(|e| e.local_name() == "license_ref")
                .map(leaf)
        })
        .filter(|u| !u.is_empty());
    let paragraphs: Vec<&Element> = l.children_named("license-p").collect();
    // A statement that is only a link to the license URL (as papermeta writes a license
    // without one) is no statement.
    let only_link = |p: &Element| {
        let links: Vec<&Element> = p.elements().collect();
        links.len() == 1
            && links[0].is("ext-link")
            && url.as_deref() == Some(leaf(links[0]).as_str())
            && p.children.iter().all(|c| match c {
                Node::Text(t) => t.trim().is_empty(),
                Node::Element(_) => true,
            })
    };
    let text = paragraphs
        .iter()
        .filter(|p| !only_link(p))
        .map(|p| leaf(p))
        .filter(|t| !t.is_empty())
        .collect::<Vec<_>>()
        .join("\n");
    License {
        url,
        text: (!text.is_empty()).then_some(text),
    }
}

fn titles(ctx: &mut Ctx, meta: &Element, lang: &str) -> Vec<LocalizedText> {
    let mut titles = Vec::new();
    let Some(group) = meta.child("title-group") else {
        ctx.warn(
            "jats-no-title",
            "the article has no `title-group`",
            meta.line,
        );
        return titles;
    };
    if let Some(t) = group.child("article-title") {
        let mut text = leaf(t);
        if let Some(sub) = leaf_opt(group.child("subtitle")) {
            text = join_subtitle(&text, &sub);
        }
        if !text.is_empty() {
            titles.push(LocalizedText {
                lang: lang_of(t, lang),
                text,
                source: Some(Span::lines(t.line, t.end_line)),
            });
        }
    }
    for g in group.children_named("trans-title-group") {
        let g_lang = lang_of(g, lang);
        if let Some(t) = g.child("trans-title") {
            let mut text = leaf(t);
            if let Some(sub) = leaf_opt(g.child("trans-subtitle")) {
                text = join_subtitle(&text, &sub);
            }
            if !text.is_empty() {
                titles.push(LocalizedText {
                    lang: lang_of(t, &g_lang),
                    text,
                    source: Some(Span::lines(t.line, t.end_line)),
                });
            }
        }
    }
    // NLM 2 puts a translated title straight in the title group.
    for t in group.children_named("trans-title") {
        push_text(&mut titles, t, &lang_of(t, lang));
    }
    titles
}

/// `Title: Subtitle`, without doubling a colon or question mark the title ends with.
fn join_subtitle(title: &str, subtitle: &str) -> String {
    if title.is_empty() {
        return subtitle.to_string();
    }
    if title.ends_with([':', '?', '!', '.', '؟']) {
        format!("{title} {subtitle}")
    } else {
        format!("{title}: {subtitle}")
    }
}

/// Every `abstract` and `trans-abstract`, one text per paragraph (a section title of a
/// structured abstract is a paragraph of its own); the abstract's own heading is left out.
fn abstracts(meta: &Element, lang: &str) -> Vec<LocalizedText> {
    let mut out = Vec::new();
    for a in meta
        .elements()
        .filter(|e| e.is("abstract") || e.is("trans-abstract"))
    {
        // Text straight in the abstract is read as a paragraph; an abstract with nothing but
        // its heading (a graphical abstract's figure) adds no text.
        abstract_parts(a, &lang_of(a, lang), true, &mut out);
    }
    out
}

fn abstract_parts(e: &Element, lang: &str, top: bool, out: &mut Vec<LocalizedText>) {
    for c in &e.children {
        match c {
            Node::Element(c) => match c.name.as_str() {
                "title" | "label" if top => {}
                "object-id" => {}
                "sec" => abstract_parts(c, &lang_of(c, lang), false, out),
                _ => push_text(out, c, &lang_of(c, lang)),
            },
            Node::Text(t) if !t.trim().is_empty() => out.push(LocalizedText {
                lang: lang.to_string(),
                text: tidy(t),
                source: Some(Span::line(e.line)),
            }),
            Node::Text(_) => {}
        }
    }
}

fn keywords(meta: &Element, lang: &str) -> Vec<KeywordGroup> {
    meta.children_named("kwd-group")
        .map(|g| {
            let g_lang = lang_of(g, lang);
            let keywords = g
                .elements()
                .filter(|k| k.is("kwd") || k.is("compound-kwd"))
                .map(leaf)
                .filter(|k| !k.is_empty())
                .collect();
            KeywordGroup {
                lang: g_lang,
                keywords,
                source: Some(Span::lines(g.line, g.end_line)),
            }
        })
        .filter(|g| !g.keywords.is_empty())
        .collect()
}
