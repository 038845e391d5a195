//! Profile checks: what PubMed Central (PMC) and JATS4R ask of a JATS article beyond DTD
//! validity — a publication date, pages, categories, affiliations linked to authors,
//! languages on translated parts, DOIs tagged as `pub-id`, and the like.
//!
//! Every finding is a warning (code `profile-…`); `Report::into_strict` turns them into
//! errors for the CLI's `--strict`. A document that is not well-formed gives one
//! `xml-syntax` error and no profile finding.

use std::collections::HashSet;

use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;

use crate::model::identifiers::{days_in_month, max_days_in_month, OrcidError, ORCID_RESOLVER};
use crate::model::{Diagnostic, Doi, Issn, Orcid};
use crate::script::parse_number;
use crate::validate::Report;

/// A set of rules a JATS consumer applies on top of the DTD.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Profile {
    /// PubMed Central's tagging guidelines (as its style checker enforces them).
    Pmc,
    /// The JATS4R (JATS for Reuse) recommendations.
    Jats4r,
    /// What papermeta asks of its own output, in every format: for JATS the JATS 1.3
    /// Publishing DOCTYPE and the project's subset DTD, for JSON-LD papermeta's output
    /// schema, for BibTeX ASCII keys and every required field. Its findings are errors.
    Papermeta,
}

impl Profile {
    /// The profile's name as the CLI spells it.
    pub fn name(self) -> &'static str {
        match self {
            Profile::Pmc => "pmc",
            Profile::Jats4r => "jats4r",
            Profile::Papermeta => "papermeta",
        }
    }

    /// Every profile.
    pub const ALL: [Profile; 2] = [Profile::Pmc, Profile::Jats4r];
}

impl std::str::FromStr for Profile {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.to_ascii_lowercase().as_str() {
            "pmc" => Ok(Profile::Pmc),
            "jats4r" => Ok(Profile::Jats4r),
            "papermeta" => Ok(Profile::Papermeta),
            other => Err(format!(
                "unknown profile {other:?} (known: pmc, jats4r, papermeta)"
            )),
        }
    }
}

/// Checks a JATS document against a profile. Findings are warnings in document order.
pub fn check_profile(xml: &[u8], profile: Profile) -> Report {
    if profile == Profile::Papermeta {
        return crate::validate::jats::check_papermeta_profile(xml);
    }
    let tree = match Tree::parse(xml) {
        Ok(tree) => tree,
        Err(d) => {
            return Report {
                diagnostics: vec![d],
            }
        }
    };
    let mut findings = Vec::new();
    for rule in RULES {
        if rule.profiles.contains(&profile) {
            (rule.check)(
                &tree,
                &mut Sink {
                    tree: &tree,
                    code: rule.code,
                    out: &mut findings,
                },
            );
        }
    }
    findings.sort_by_key(|(offset, _)| *offset);
    Report {
        diagnostics: findings.into_iter().map(|(_, d)| d).collect(),
    }
}

// ----------------------------------------------------------------------------------------
// The rules
// ----------------------------------------------------------------------------------------

/// One rule: a stable code, the profiles that apply it, and its check.
struct Rule {
    code: &'static str,
    profiles: &'static [Profile],
    check: fn(&Tree, &mut Sink),
}

const BOTH: &[Profile] = &[Profile::Pmc, Profile::Jats4r];
const PMC: &[Profile] = &[Profile::Pmc];
const JATS4R: &[Profile] = &[Profile::Jats4r];

const RULES: &[Rule] = &[
    Rule {
        code: "profile-article-type",
        profiles: PMC,
        check: article_type,
    },
    Rule {
        code: "profile-article-lang",
        profiles: JATS4R,
        check: article_lang,
    },
    Rule {
        code: "profile-journal-title",
        profiles: PMC,
        check: journal_title,
    },
    Rule {
        code: "profile-publisher",
        profiles: PMC,
        check: publisher,
    },
    Rule {
        code: "profile-issn",
        profiles: BOTH,
        check: issn,
    },
    Rule {
        code: "profile-article-categories",
        profiles: PMC,
        check: article_categories,
    },
    Rule {
        code: "profile-contrib-type",
        profiles: BOTH,
        check: contrib_type,
    },
    Rule {
        code: "profile-aff-link",
        profiles: BOTH,
        check: aff_link,
    },
    Rule {
        code: "profile-xref-type",
        profiles: JATS4R,
        check: xref_type,
    },
    Rule {
        code: "profile-contrib-id",
        profiles: JATS4R,
        check: contrib_id,
    },
    Rule {
        code: "profile-pub-date",
        profiles: BOTH,
        check: pub_date,
    },
    Rule {
        code: "profile-date",
        profiles: BOTH,
        check: date_values,
    },
    Rule {
        code: "profile-pages",
        profiles: PMC,
        check: pages,
    },
    Rule {
        code: "profile-page-order",
        profiles: BOTH,
        check: page_order,
    },
    Rule {
        code: "profile-permissions",
        profiles: JATS4R,
        check: permissions,
    },
    Rule {
        code: "profile-xml-lang",
        profiles: BOTH,
        check: translated_lang,
    },
    Rule {
        code: "profile-kwd-group",
        profiles: JATS4R,
        check: kwd_groups,
    },
    Rule {
        code: "profile-publication-type",
        profiles: JATS4R,
        check: publication_type,
    },
    Rule {
        code: "profile-doi-tagging",
        profiles: BOTH,
        check: doi_tagging,
    },
    Rule {
        code: "profile-doi-format",
        profiles: BOTH,
        check: doi_format,
    },
];

fn article_type(t: &Tree, s: &mut Sink) {
    if t.attr(ROOT, "article-type")
        .is_none_or(|v| v.trim().is_empty())
    {
        s.warn(
            ROOT,
            "<article> has no article-type (e.g. \"research-article\")",
        );
    }
}

fn article_lang(t: &Tree, s: &mut Sink) {
    if t.attr(ROOT, "xml:lang").is_none() {
        s.warn(
            ROOT,
            "<article> has no xml:lang naming the article's main language",
        );
    }
}

fn journal_title(t: &Tree, s: &mut Sink) {
    if let Some(jm) = t.find_path(ROOT, &["front", "journal-meta"]) {
        if t.descendants(jm, "journal-title").next().is_none() {
            s.warn(jm, "<journal-meta> has no <journal-title>");
        }
    }
}

fn publisher(t: &Tree, s: &mut Sink) {
    if let Some(jm) = t.find_path(ROOT, &["front", "journal-meta"]) {
        if t.child(jm, "publisher").is_none() {
            s.warn(
                jm,
                "<journal-meta> has no <publisher> with <publisher-name>",
            );
        }
    }
}

fn issn(t: &Tree, s: &mut Sink) {
    let Some(jm) = t.find_path(ROOT, &["front", "journal-meta"]) else {
        return;
    };
    let issns: Vec<usize> = t.children(jm, "issn").collect();
    for &i in &issns {
        let value = t.text(i);
        if Issn::parse(value.trim()).is_err() {
            s.warn(
                i,
                format!(
                    "ISSN \"{}\" is not NNNN-NNNC with a valid check digit",
                    value.trim()
                ),
            );
        }
        if issns.len() > 1
            && t.attr(i, "publication-format").is_none()
            && t.attr(i, "pub-type").is_none()
        {
            s.warn(
                i,
                "several ISSNs: each needs publication-format (\"print\" or \"electronic\")",
            );
        }
    }
}

fn article_categories(t: &Tree, s: &mut Sink) {
    let Some(am) = t.find_path(ROOT, &["front", "article-meta"]) else {
        return;
    };
    match t.child(am, "article-categories") {
        None => s.warn(
            am,
            "<article-meta> has no <article-categories> (a subj-group with the article's heading)",
        ),
        Some(c) if t.descendants(c, "subject").next().is_none() => {
            s.warn(c, "<article-categories> holds no <subject>")
        }
        Some(_) => {}
    }
}

fn contrib_type(t: &Tree, s: &mut Sink) {
    let Some(am) = t.find_path(ROOT, &["front", "article-meta"]) else {
        return;
    };
    let contribs: Vec<usize> = t.descendants(am, "contrib").collect();
    for &c in &contribs {
        if t.attr(c, "contrib-type")
            .is_none_or(|v| v.trim().is_empty())
        {
            s.warn(c, "<contrib> has no contrib-type (e.g. \"author\")");
        }
    }
    let authors = contribs
        .iter()
        .filter(|c| t.attr(**c, "contrib-type") == Some("author"))
        .count();
    if !contribs.is_empty() && authors == 0 {
        s.warn(am, "no <contrib contrib-type=\"author\">");
    }
    let equal = contribs
        .iter()
        .filter(|c| t.attr(**c, "equal-contrib") == Some("yes"))
        .count();
    if equal == 1 {
        s.warn(am, "only one contributor has equal-contrib=\"yes\"");
    }
}

fn aff_link(t: &Tree, s: &mut Sink) {
    let Some(am) = t.find_path(ROOT, &["front", "article-meta"]) else {
        return;
    };
    let contribs: Vec<usize> = t.descendants(am, "contrib").collect();
    // Affiliations outside any contrib must be pointed at when there is a choice to make.
    let loose: Vec<usize> = t
        .descendants(am, "aff")
        .filter(|a| !t.has_ancestor(*a, "contrib") && t.has_ancestor(*a, "article-meta"))
        .collect();
    let referenced: HashSet<&str> = t
        .descendants(am, "xref")
        .filter(|x| t.attr(*x, "ref-type") == Some("aff"))
        .filter_map(|x| t.attr(x, "rid"))
        .flat_map(str::split_whitespace)
        .collect();
    if contribs.len() > 1 && loose.len() > 1 {
        for &a in &loose {
            let linked = t.attr(a, "id").is_some_and(|id| referenced.contains(id));
            if !linked {
                s.warn(a, "with several authors and affiliations, each <aff> needs an id that an <xref ref-type=\"aff\"> in a <contrib> points to");
            }
        }
        for &c in &contribs {
            let has_own = t.child(c, "aff").is_some()
                || t.children(c, "xref")
                    .any(|x| t.attr(x, "ref-type") == Some("aff"));
            if !has_own {
                s.warn(
                    c,
                    "<contrib> is linked to no affiliation (no <xref ref-type=\"aff\">, no <aff>)",
                );
            }
        }
    }
    // An xref that points at an aff must say so.
    let aff_ids: HashSet<&str> = t
        .descendants(ROOT, "aff")
        .filter_map(|a| t.attr(a, "id"))
        .collect();
    for x in t.descendants(ROOT, "xref") {
        let points_to_aff = t
            .attr(x, "rid")
            .is_some_and(|r| r.split_whitespace().any(|id| aff_ids.contains(id)));
        if points_to_aff && t.attr(x, "ref-type") != Some("aff") {
            s.warn(
                x,
                "an <xref> pointing to an <aff> must have ref-type=\"aff\"",
            );
        }
    }
}

fn xref_type(t: &Tree, s: &mut Sink) {
    for x in t.descendants(ROOT, "xref") {
        if t.attr(x, "ref-type").is_none() {
            s.warn(x, "<xref> has no ref-type");
        }
    }
}

fn contrib_id(t: &Tree, s: &mut Sink) {
    for c in t.descendants(ROOT, "contrib-id") {
        match t.attr(c, "contrib-id-type") {
            None => s.warn(c, "<contrib-id> has no contrib-id-type"),
            Some("orcid") => {
                let v = t.text(c);
                let v = v.trim();
                let written = v.strip_prefix(ORCID_RESOLVER).map(Orcid::parse);
                match written {
                    Some(Ok(id)) if v.ends_with(&id.to_string()) => {}
                    Some(Err(OrcidError::CheckDigit { expected, .. })) => s.warn(
                        c,
                        format!("ORCID \"{v}\" has a wrong check digit (expected {expected})"),
                    ),
                    _ => s.warn(
                        c,
                        format!(
                            "ORCID \"{v}\" is not written https://orcid.org/NNNN-NNNN-NNNN-NNNN"
                        ),
                    ),
                }
            }
            Some(_) => {}
        }
    }
}

fn pub_date(t: &Tree, s: &mut Sink) {
    let Some(am) = t.find_path(ROOT, &["front", "article-meta"]) else {
        return;
    };
    let dates: Vec<usize> = t.children(am, "pub-date").collect();
    if dates.is_empty() {
        s.warn(am, "<article-meta> has no <pub-date>");
    }
    for d in dates {
        if t.attr(d, "date-type").is_none() && t.attr(d, "pub-type").is_none() {
            s.warn(d, "<pub-date> has neither date-type nor pub-type");
        }
        if t.attr(d, "publication-format").is_none() && t.attr(d, "pub-type").is_none() {
            s.warn(
                d,
                "<pub-date> has no publication-format (\"print\" or \"electronic\")",
            );
        }
    }
}

/// Day, month and year of pub-date/date-in-citation/year elements must be real and agree
/// with iso-8601-date.
fn date_values(t: &Tree, s: &mut Sink) {
    for d in t.descendants(ROOT, "pub-date") {
        let num = |name| {
            t.child(d, name)
                .map(|e| (e, parse_number(t.text(e).trim())))
        };
        let year = num("year");
        let month = num("month");
        let day = num("day");
        if let Some((e, None)) = year {
            s.warn(
                e,
                format!("<year> \"{}\" is not a number", t.text(e).trim()),
            );
        }
        if let Some((e, m)) = month {
            if !m.is_some_and(|m| (1..=12).contains(&m)) {
                s.warn(e, format!("<month> \"{}\" is not 1-12", t.text(e).trim()));
            }
        }
        if let Some((e, dd)) = day {
            let month_number = month.and_then(|m| m.1).and_then(|m| u8::try_from(m).ok());
            let year_number = year.and_then(|y| y.1).and_then(|y| i32::try_from(y).ok());
            let max = month_number
                .and_then(|m| match year_number {
                    Some(y) => days_in_month(y, m),
                    None => max_days_in_month(m),
                })
                .map_or(31, u32::from);
            if !dd.is_some_and(|dd| (1..=max).contains(&dd)) {
                s.warn(
                    e,
                    format!("<day> \"{}\" is not a day of the month", t.text(e).trim()),
                );
            }
        }
        if let Some(iso) = t.attr(d, "iso-8601-date") {
            let parts: Vec<Option<u32>> = iso.split('-').map(parse_number).collect();
            let given = [year, month, day].map(|x| x.and_then(|(_, v)| v));
            let agrees = parts
                .iter()
                .zip(given.iter())
                .all(|(iso, given)| given.is_none() || iso == given);
            if !agrees || parts.first().is_none_or(|y| y.is_none()) {
                s.warn(
                    d,
                    format!("iso-8601-date \"{iso}\" does not agree with the date's parts"),
                );
            }
        }
    }
}

fn pages(t: &Tree, s: &mut Sink) {
    let Some(am) = t.find_path(ROOT, &["front", "article-meta"]) else {
        return;
    };
    if t.child(am, "fpage").is_none() && t.child(am, "elocation-id").is_none() {
        s.warn(am, "<article-meta> has neither <fpage> nor <elocation-id>");
    }
}

fn page_order(t: &Tree, s: &mut Sink) {
    for parent in t.all() {
        let (Some(f), Some(l)) = (t.child(parent, "fpage"), t.child(parent, "lpage")) else {
            continue;
        };
        let (first_text, last_text) = (t.text(f), t.text(l));
        if let (Some(first), Some(last)) = (
            parse_number(first_text.trim()),
            full_last_page(first_text.trim(), last_text.trim()),
        ) {
            if last < first {
                s.warn(
                    l,
                    format!(
                        "<lpage> {} (page {last}) comes before <fpage> {}",
                        last_text.trim(),
                        first_text.trim()
                    ),
                );
            }
        }
    }
    for c in t.citations() {
        if t.child(c, "elocation-id").is_some() && t.child(c, "fpage").is_some() {
            s.warn(c, "a reference has both <elocation-id> and <fpage>");
        }
    }
}

/// The last page of a range, with an abbreviated one (`986–92`, the common style of
/// reference lists) completed from the first page's leading digits: 992; Vancouver style
/// abbreviates short ranges too (`20–8` is 20–28).
fn full_last_page(first: &str, last: &str) -> Option<u32> {
    let value = parse_number(last)?;
    let (first_digits, last_digits) = (first.chars().count(), last.chars().count());
    if last_digits >= first_digits {
        return Some(value);
    }
    let first_value = parse_number(first)?;
    let scale = 10u32.checked_pow(u32::try_from(last_digits).ok()?)?;
    (first_value / scale).checked_mul(scale)?.checked_add(value)
}

fn permissions(t: &Tree, s: &mut Sink) {
    let Some(am) = t.find_path(ROOT, &["front", "article-meta"]) else {
        return;
    };
    let Some(p) = t.child(am, "permissions") else {
        s.warn(am, "<article-meta> has no <permissions>");
        return;
    };
    let statement = t.child(p, "copyright-statement").is_some();
    if statement && t.child(p, "copyright-year").is_none() {
        s.warn(p, "a copyright statement without <copyright-year>");
    }
    if statement && t.child(p, "copyright-holder").is_none() {
        s.warn(p, "a copyright statement without <copyright-holder>");
    }
    for l in t.children(p, "license") {
        let href = t.attr(l, "xlink:href");
        let reference = t.child(l, "ali:license_ref").map(|r| t.text(r));
        match (href, &reference) {
            (None, None) => s.warn(
                l,
                "<license> names no licence URI (ali:license_ref or xlink:href)",
            ),
            (Some(h), Some(r)) if h.trim() != r.trim() => {
                s.warn(l, "xlink:href and <ali:license_ref> of a <license> differ")
            }
            _ => {}
        }
    }
}

fn translated_lang(t: &Tree, s: &mut Sink) {
    for name in ["trans-title-group", "trans-abstract"] {
        for e in t.descendants(ROOT, name) {
            if t.attr(e, "xml:lang").is_none() {
                s.warn(e, format!("<{name}> has no xml:lang"));
            }
        }
    }
    for e in t.descendants(ROOT, "trans-title") {
        let parent_lang = t.parent(e).and_then(|p| t.attr(p, "xml:lang"));
        if parent_lang.is_none() && t.attr(e, "xml:lang").is_none() {
            s.warn(
                e,
                "<trans-title> has no language (xml:lang on it or its group)",
            );
        }
    }
}

fn kwd_groups(t: &Tree, s: &mut Sink) {
    let Some(am) = t.find_path(ROOT, &["front", "article-meta"]) else {
        return;
    };
    let groups: Vec<usize> = t.children(am, "kwd-group").collect();
    let plain = groups
        .iter()
        .filter(|g| t.attr(**g, "xml:lang").is_none() && t.attr(**g, "kwd-group-type").is_none())
        .count();
    if plain > 1 {
        s.warn(
            am,
            format!("{plain} <kwd-group>s have neither xml:lang nor kwd-group-type"),
        );
    }
}

fn publication_type(t: &Tree, s: &mut Sink) {
    for c in t.citations() {
        match t.attr(c, "publication-type") {
            None => s.warn(c, format!("<{}> has no publication-type", t.name(c))),
            Some("other") => s.warn(
                c,
                format!(
                    "<{}> has publication-type=\"other\"; name the type where possible",
                    t.name(c)
                ),
            ),
            Some(_) => {}
        }
    }
}

fn doi_tagging(t: &Tree, s: &mut Sink) {
    for c in t.citations() {
        let mut text = String::new();
        t.text_outside(c, &["pub-id"], &mut text);
        if let Some(found) = Doi::find(&text) {
            s.warn(
                c,
                format!(
                    "DOI \"{}\" in a citation is not tagged <pub-id pub-id-type=\"doi\">",
                    found.doi
                ),
            );
        }
        for l in t.descendants(c, "ext-link").chain(t.descendants(c, "uri")) {
            let target = t
                .attr(l, "xlink:href")
                .map(str::to_string)
                .unwrap_or_else(|| t.text(l));
            if target.contains("doi.org/10.") {
                s.warn(
                    l,
                    "a DOI link in a citation: tag the DOI as <pub-id pub-id-type=\"doi\">",
                );
            }
        }
    }
}

fn doi_format(t: &Tree, s: &mut Sink) {
    for e in t
        .descendants(ROOT, "pub-id")
        .chain(t.descendants(ROOT, "article-id"))
    {
        if t.attr(e, "pub-id-type") == Some("doi") {
            let v = t.text(e);
            if Doi::parse(v.trim()).is_err() {
                s.warn(
                    e,
                    format!(
                        "DOI \"{}\" is not a bare 10.NNNN/suffix (no resolver prefix)",
                        v.trim()
                    ),
                );
            }
        }
    }
}

// ----------------------------------------------------------------------------------------
// A small read-only tree of the document
// ----------------------------------------------------------------------------------------

/// The root element's index.
const ROOT: usize = 0;

#[derive(Debug)]
struct Node {
    name: String,
    attrs: Vec<(String, String)>,
    parent: Option<usize>,
    children: Vec<usize>,
    /// Text directly inside, each piece with the index of the child it precedes.
    text: Vec<(usize, String)>,
    /// Byte offset of the start tag.
    offset: usize,
}

/// Elements in document order (index 0 is the root).
struct Tree {
    nodes: Vec<Node>,
    /// Line starts, for offsets → line/column.
    line_starts: Vec<usize>,
    xml: Vec<u8>,
}

impl Tree {
    fn parse(xml: &[u8]) -> Result<Tree, Diagnostic> {
        let mut reader = Reader::from_reader(xml);
        reader.config_mut().check_end_names = true;
        let mut nodes: Vec<Node> = Vec::new();
        let mut stack: Vec<usize> = Vec::new();
        let line_starts: Vec<usize> = std::iter::once(0)
            .chain(
                xml.iter()
                    .enumerate()
                    .filter(|(_, b)| **b == b'\n')
                    .map(|(i, _)| i + 1),
            )
            .collect();
        let syntax = |msg: String, offset: u64| {
            let mut d =
                Diagnostic::error("xml-syntax", format!("not well-formed XML: {msg}"), None);
            let offset = usize::try_from(offset).unwrap_or(usize::MAX);
            let line = line_starts.partition_point(|s| *s <= offset).max(1);
            d.line = Some(line);
            d
        };
        loop {
            let offset = reader.buffer_position() as usize;
            let event = reader
                .read_event()
                .map_err(|e| syntax(e.to_string(), reader.error_position()))?;
            match event {
                Event::Eof => break,
                Event::Start(ref e) | Event::Empty(ref e) => {
                    if stack.is_empty() && !nodes.is_empty() {
                        return Err(syntax("a second root element".into(), offset as u64));
                    }
                    let index = nodes.len();
                    let parent = stack.last().copied();
                    nodes.push(Node {
                        name: String::from_utf8_lossy(e.name().as_ref()).into_owned(),
                        attrs: attributes(e),
                        parent,
                        children: Vec::new(),
                        text: Vec::new(),
                        offset,
                    });
                    if let Some(p) = parent.and_then(|p| nodes.get_mut(p)) {
                        p.children.push(index);
                    }
                    if matches!(event, Event::Start(_)) {
                        stack.push(index);
                    }
                }
                Event::End(_) => {
                    stack.pop();
                }
                Event::Text(ref t) => {
                    if let Some(node) = stack.last().and_then(|i| nodes.get_mut(*i)) {
                        let text = t
                            .unescape()
                            .map(|c| c.into_owned())
                            .unwrap_or_else(|_| String::from_utf8_lossy(t).into_owned());
                        node.text.push((node.children.len(), text));
                    }
                }
                Event::CData(ref t) => {
                    if let Some(node) = stack.last().and_then(|i| nodes.get_mut(*i)) {
                        node.text
                            .push((node.children.len(), String::from_utf8_lossy(t).into_owned()));
                    }
                }
                _ => {}
            }
        }
        if !stack.is_empty() {
            return Err(syntax(
                "elements not closed at the end".into(),
                xml.len() as u64,
            ));
        }
        if nodes.is_empty() {
            return Err(syntax("no root element".into(), 0));
        }
        Ok(Tree {
            nodes,
            line_starts,
            xml: xml.to_vec(),
        })
    }

    fn name(&self, i: usize) -> &str {
        self.nodes.get(i).map_or("", |n| n.name.as_str())
    }

    fn attr(&self, i: usize, name: &str) -> Option<&str> {
        self.nodes
            .get(i)?
            .attrs
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    fn parent(&self, i: usize) -> Option<usize> {
        self.nodes.get(i)?.parent
    }

    fn children<'a>(&'a self, i: usize, name: &'a str) -> impl Iterator<Item = usize> + 'a {
        self.nodes
            .get(i)
            .map(|n| n.children.as_slice())
            .unwrap_or(&[])
            .iter()
            .copied()
            .filter(move |c| self.name(*c) == name)
    }

    fn child(&self, i: usize, name: &str) -> Option<usize> {
        self.children(i, name).next()
    }

    fn find_path(&self, mut i: usize, path: &[&str]) -> Option<usize> {
        for name in path {
            i = self.child(i, name)?;
        }
        Some(i)
    }

    fn all(&self) -> std::ops::Range<usize> {
        0..self.nodes.len()
    }

    /// Descendants of `i` named `name`, in document order (nodes are stored in that order
    /// and a subtree is contiguous).
    fn descendants<'a>(&'a self, i: usize, name: &'a str) -> impl Iterator<Item = usize> + 'a {
        let end = self.subtree_end(i);
        (i + 1..end).filter(move |d| self.name(*d) == name)
    }

    fn subtree_end(&self, i: usize) -> usize {
        let mut last = i;
        while let Some(&c) = self.nodes.get(last).and_then(|n| n.children.last()) {
            last = c;
        }
        (last + 1).min(self.nodes.len())
    }

    fn has_ancestor(&self, i: usize, name: &str) -> bool {
        let mut cur = self.parent(i);
        while let Some(p) = cur {
            if self.name(p) == name {
                return true;
            }
            cur = self.parent(p);
        }
        false
    }

    /// The text content of an element and its descendants.
    fn text(&self, i: usize) -> String {
        let mut out = String::new();
        self.text_outside(i, &[], &mut out);
        out
    }

    /// Appends the text content, skipping descendants named in `skip`.
    fn text_outside(&self, i: usize, skip: &[&str], out: &mut String) {
        let Some(node) = self.nodes.get(i) else {
            return;
        };
        let mut pieces = node.text.iter().peekable();
        for (k, &c) in node.children.iter().enumerate() {
            while let Some((_, t)) = pieces.next_if(|(at, _)| *at <= k) {
                out.push_str(t);
            }
            if !skip.contains(&self.name(c)) {
                self.text_outside(c, skip, out);
            }
        }
        for (_, t) in pieces {
            out.push_str(t);
        }
    }

    /// Every mixed- and element-citation.
    fn citations(&self) -> impl Iterator<Item = usize> + '_ {
        self.all()
            .filter(|i| matches!(self.name(*i), "mixed-citation" | "element-citation"))
    }

    fn line_column(&self, i: usize) -> (usize, usize) {
        let offset = self.nodes.get(i).map_or(0, |n| n.offset);
        let line = self.line_starts.partition_point(|s| *s <= offset).max(1);
        let start = self.line_starts.get(line - 1).copied().unwrap_or(0);
        let column = 1 + String::from_utf8_lossy(self.xml.get(start..offset).unwrap_or(&[]))
            .chars()
            .count();
        (line, column)
    }
}

fn attributes(e: &BytesStart) -> Vec<(String, String)> {
    e.attributes()
        .flatten()
        .map(|a| {
            let value = a
                .unescape_value()
                .map(|v| v.into_owned())
                .unwrap_or_else(|_| String::from_utf8_lossy(&a.value).into_owned());
            (String::from_utf8_lossy(a.key.as_ref()).into_owned(), value)
        })
        .collect()
}

/// Collects one rule's findings with their positions.
struct Sink<'a> {
    tree: &'a Tree,
    code: &'static str,
    out: &'a mut Vec<(usize, Diagnostic)>,
}

impl Sink<'_> {
    fn warn(&mut self, node: usize, message: impl Into<String>) {
        let (line, column) = self.tree.line_column(node);
        let mut d = Diagnostic::warning(self.code, message, Some(line));
        d.column = Some(column);
        let offset = self.tree.nodes.get(node).map_or(0, |n| n.offset);
        self.out.push((offset, d));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codes(xml: &str, profile: Profile) -> Vec<String> {
        check_profile(xml.as_bytes(), profile)
            .diagnostics
            .into_iter()
            .map(|d| d.code)
            .collect()
    }

    /// A complete article that both profiles accept.
    const GOOD: &str = r#"<?xml version="1.0"?>
<article article-type="research-article" xml:lang="ar" xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:ali="http://www.niso.org/schemas/ali/1.0/">
<front>
<journal-meta><journal-id>j</journal-id><journal-title-group><journal-title>مجلة</journal-title></journal-title-group>
<issn publication-format="print">0317-8471</issn><issn publication-format="electronic">2049-3630</issn>
<publisher><publisher-name>ناشر</publisher-name></publisher></journal-meta>
<article-meta>
<article-id pub-id-type="doi">10.1234/abc.1</article-id>
<article-categories><subj-group><subject>بحث</subject></subj-group></article-categories>
<title-group><article-title>عنوان</article-title><trans-title-group xml:lang="en"><trans-title>Title</trans-title></trans-title-group></title-group>
<contrib-group>
<contrib contrib-type="author"><name><surname>أ</surname></name><xref ref-type="aff" rid="a1">1</xref></contrib>
<contrib contrib-type="author"><name><surname>ب</surname></name><xref ref-type="aff" rid="a2">2</xref></contrib>
<aff id="a1">جامعة ١</aff><aff id="a2">جامعة ٢</aff>
</contrib-group>
<pub-date date-type="pub" publication-format="print" iso-8601-date="2020-02-29"><day>29</day><month>2</month><year>2020</year></pub-date>
<fpage>١٠</fpage><lpage>٢٠</lpage>
<permissions><copyright-statement>© 2020</copyright-statement><copyright-year>2020</copyright-year><copyright-holder>x</copyright-holder>
<license xlink:href="https://creativecommons.org/licenses/by/4.0/"><ali:license_ref>https://creativecommons.org/licenses/by/4.0/</ali:license_ref><license-p>CC BY</license-p></license></permissions>
<trans-abstract xml:lang="en"><p>Summary.</p></trans-abstract>
<kwd-group xml:lang="ar"><kwd>ك</kwd></kwd-group><kwd-group xml:lang="en"><kwd>k</kwd></kwd-group>
</article-meta></front>
<back><ref-list><ref id="r1"><mixed-citation publication-type="journal">Doe. <source>J</source>. doi:<pub-id pub-id-type="doi">10.5555/x.1</pub-id></mixed-citation></ref></ref-list></back>
</article>"#;

    #[test]
    fn a_complete_article_passes_both_profiles() {
        for p in Profile::ALL {
            let report = check_profile(GOOD.as_bytes(), p);
            assert!(
                report.diagnostics.is_empty(),
                "{p:?}: {:?}",
                report.diagnostics
            );
        }
    }

    #[test]
    fn missing_date_pages_and_categories_are_pmc_warnings() {
        let xml = r#"<article article-type="research-article"><front><journal-meta><journal-id>j</journal-id><journal-title-group><journal-title>T</journal-title></journal-title-group><issn>0317-8471</issn><publisher><publisher-name>P</publisher-name></publisher></journal-meta>
<article-meta><title-group><article-title>A</article-title></title-group></article-meta></front></article>"#;
        let pmc = codes(xml, Profile::Pmc);
        for code in [
            "profile-pub-date",
            "profile-pages",
            "profile-article-categories",
        ] {
            assert!(
                pmc.contains(&code.to_string()),
                "{code} missing from {pmc:?}"
            );
        }
        let report = check_profile(xml.as_bytes(), Profile::Pmc);
        assert!(report.is_valid(), "profile findings are warnings");
        assert!(report.diagnostics.iter().all(|d| d.line == Some(2)));
        // JATS4R does not ask for pages or categories.
        let j = codes(xml, Profile::Jats4r);
        assert!(!j.contains(&"profile-pages".to_string()));
        assert!(j.contains(&"profile-article-lang".to_string()));
    }

    #[test]
    fn unlinked_affiliations_are_found() {
        let xml = GOOD.replace(r#"<xref ref-type="aff" rid="a2">2</xref>"#, "");
        let found = check_profile(xml.as_bytes(), Profile::Jats4r);
        let msgs: Vec<&str> = found
            .diagnostics
            .iter()
            .filter(|d| d.code == "profile-aff-link")
            .map(|d| d.message.as_str())
            .collect();
        assert_eq!(msgs.len(), 2, "{msgs:?}"); // aff a2 unreferenced, second contrib unlinked
        let xml = GOOD.replace(r#"ref-type="aff" rid="a2""#, r#"ref-type="fn" rid="a2""#);
        assert!(codes(&xml, Profile::Pmc).contains(&"profile-aff-link".to_string()));
    }

    #[test]
    fn translated_parts_need_a_language() {
        let xml = GOOD
            .replace(
                r#"<trans-title-group xml:lang="en">"#,
                "<trans-title-group>",
            )
            .replace(r#"<trans-abstract xml:lang="en">"#, "<trans-abstract>");
        let c = codes(&xml, Profile::Jats4r);
        assert_eq!(
            c.iter().filter(|c| *c == "profile-xml-lang").count(),
            3,
            "{c:?}"
        );
    }

    #[test]
    fn dois_in_citation_text_must_be_tagged() {
        let xml = GOOD.replace(
            r#"doi:<pub-id pub-id-type="doi">10.5555/x.1</pub-id>"#,
            r#"doi:10.5555/x.1 <ext-link xlink:href="https://doi.org/10.5555/x.1">link</ext-link>"#,
        );
        let c = codes(&xml, Profile::Pmc);
        assert_eq!(
            c.iter().filter(|c| *c == "profile-doi-tagging").count(),
            2,
            "{c:?}"
        );
        let xml = GOOD.replace(">10.5555/x.1<", ">https://doi.org/10.5555/x.1<");
        assert!(codes(&xml, Profile::Jats4r).contains(&"profile-doi-format".to_string()));
    }

    #[test]
    fn dates_and_pages_are_checked_with_any_digits() {
        let xml = GOOD.replace(
            "<day>29</day><month>2</month><year>2020</year>",
            "<day>30</day><month>٢</month><year>2020</year>",
        );
        let c = codes(&xml, Profile::Pmc);
        assert!(c.contains(&"profile-date".to_string()), "{c:?}"); // 30 February; iso disagrees
        let xml = GOOD.replace("<lpage>٢٠</lpage>", "<lpage>٠٩</lpage>");
        assert!(codes(&xml, Profile::Jats4r).contains(&"profile-page-order".to_string()));
    }

    #[test]
    fn abbreviated_page_ranges_are_in_order() {
        assert_eq!(full_last_page("986", "92"), Some(992));
        assert_eq!(full_last_page("1003", "5"), Some(1005));
        assert_eq!(full_last_page("١٢٣", "٢٥"), Some(125));
        assert_eq!(full_last_page("12", "130"), Some(130));
        assert_eq!(full_last_page("e12", "5"), None);
        assert_eq!(full_last_page("20", "8"), Some(28));
        let range = |f: &str, l: &str| {
            GOOD.replace("<fpage>١٠</fpage>", &format!("<fpage>{f}</fpage>"))
                .replace("<lpage>٢٠</lpage>", &format!("<lpage>{l}</lpage>"))
        };
        for (f, l) in [("986", "92"), ("1003", "5"), ("٩٨٦", "٩٢")] {
            let c = codes(&range(f, l), Profile::Pmc);
            assert!(
                !c.contains(&"profile-page-order".to_string()),
                "{f}–{l}: {c:?}"
            );
        }
        // 986–81 abbreviates 981: before the first page.
        let c = codes(&range("986", "81"), Profile::Pmc);
        assert!(c.contains(&"profile-page-order".to_string()), "{c:?}");
    }

    #[test]
    fn issn_check_digits() {
        assert!(!codes(GOOD, Profile::Pmc).contains(&"profile-issn".to_string()));
        for bad in ["1234-5678", "03178471", "1234--567"] {
            let xml = GOOD.replace("0317-8471", bad);
            assert!(
                codes(&xml, Profile::Pmc).contains(&"profile-issn".to_string()),
                "{bad}"
            );
        }
    }

    #[test]
    fn citations_need_a_publication_type_for_jats4r() {
        let xml = GOOD.replace(r#" publication-type="journal""#, "");
        assert!(codes(&xml, Profile::Jats4r).contains(&"profile-publication-type".to_string()));
        assert!(!codes(&xml, Profile::Pmc).contains(&"profile-publication-type".to_string()));
    }

    #[test]
    fn orcid_and_license_checks() {
        let xml = GOOD.replace(
            "<name><surname>أ</surname></name>",
            r#"<contrib-id contrib-id-type="orcid">0000-0002-1825-0097</contrib-id><name><surname>أ</surname></name>"#,
        );
        assert!(codes(&xml, Profile::Jats4r).contains(&"profile-contrib-id".to_string()));
        let orcid = |id: &str| {
            GOOD.replace(
                "<name><surname>أ</surname></name>",
                &format!(r#"<contrib-id contrib-id-type="orcid">{id}</contrib-id><name><surname>أ</surname></name>"#),
            )
        };
        let messages = |xml: &str| -> Vec<String> {
            check_profile(xml.as_bytes(), Profile::Jats4r)
                .diagnostics
                .into_iter()
                .filter(|d| d.code == "profile-contrib-id")
                .map(|d| d.message)
                .collect()
        };
        assert!(messages(&orcid("https://orcid.org/0000-0002-1825-0097")).is_empty());
        assert!(messages(&orcid("https://orcid.org/0000-0002-1694-233X")).is_empty());
        let lower = messages(&orcid("https://orcid.org/0000-0002-1694-233x"));
        assert!(lower[0].contains("is not written"), "{lower:?}");
        let wrong = messages(&orcid("https://orcid.org/0000-0002-1825-0098"));
        assert!(
            wrong[0].contains("wrong check digit (expected 7)"),
            "{wrong:?}"
        );
        let xml = GOOD.replace(
            "<ali:license_ref>https://creativecommons.org/licenses/by/4.0/</ali:license_ref>",
            "<ali:license_ref>https://example.org/l</ali:license_ref>",
        );
        assert!(codes(&xml, Profile::Jats4r).contains(&"profile-permissions".to_string()));
    }

    #[test]
    fn malformed_input_gives_one_syntax_error() {
        let report = check_profile("<article><front></article>".as_bytes(), Profile::Pmc);
        assert_eq!(report.diagnostics.len(), 1);
        assert_eq!(report.diagnostics[0].code, "xml-syntax");
        assert!(!report.is_valid());
        let report = check_profile(b"", Profile::Jats4r);
        assert_eq!(report.diagnostics[0].code, "xml-syntax");
    }

    #[test]
    fn profile_names_parse() {
        assert_eq!("PMC".parse::<Profile>(), Ok(Profile::Pmc));
        assert_eq!("jats4r".parse::<Profile>(), Ok(Profile::Jats4r));
        assert!("crossref".parse::<Profile>().is_err());
        assert_eq!(Profile::Jats4r.name(), "jats4r");
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(64))]
        #[test]
        fn never_panics_on_random_bytes(data in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..400)) {
            for p in Profile::ALL {
                let _ = check_profile(&data, p);
            }
        }

        #[test]
        fn never_panics_on_a_mutated_article(cut in 0usize..GOOD.len(), len in 0usize..40, insert in "[<>&;/=\"a-z0-9١ ]{0,12}") {
            let mut bytes = GOOD.as_bytes().to_vec();
            let end = (cut + len).min(bytes.len());
            bytes.splice(cut..end, insert.bytes());
            for p in Profile::ALL {
                let report = check_profile(&bytes, p);
                // Either a syntax error alone, or warnings only.
                let errors = report.errors().count();
                proptest::prop_assert!(errors == 0 || report.diagnostics.len() == 1);
            }
        }
    }

    #[test]
    fn text_outside_skips_named_descendants_in_order() {
        let t = Tree::parse(b"<a>x<b>y</b>z<c>w</c>v</a>").unwrap();
        let mut s = String::new();
        t.text_outside(0, &["b"], &mut s);
        assert_eq!(s, "xzwv");
        assert_eq!(t.text(0), "xyzwv");
    }
}
