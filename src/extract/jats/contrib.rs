//! JATS contributors → the model's contributors, affiliations and author notes: names (with
//! their alternative forms and academic prefix), ORCID iDs, emails, corresponding authors,
//! and the links from each contributor to its affiliations and notes.

use super::context::{lang_of, Ctx, IdKind};
use super::text::{leaf, leaf_opt, tidy};
use super::tree::{Element, Node};
use crate::model::identifiers::ORCID_RESOLVER;
use crate::model::{
    AcademicPrefix, Affiliation, AuthorNote, Contributor, ContributorRole, Front, NameOrigin,
    PersonName, Printed, Span,
};
use crate::script::detect_script;
use std::collections::HashMap;

/// Reads the contributors, affiliations and author notes of `article-meta`; `footnote_ids`
/// maps the XML ids of the article's footnotes to theirs in the model, for the notes an
/// author's name calls.
pub(super) fn read_contributors(
    ctx: &mut Ctx,
    front_el: &Element,
    front: &mut Front,
    footnote_ids: &HashMap<String, String>,
) {
    let Some(meta) = front_el.child("article-meta") else {
        return;
    };
    let lang = ctx.lang.clone();
    // Affiliations first: contributors point to them.
    let mut affs = Affiliations::default();
    for aff in meta.elements().filter(|e| is_aff(e)) {
        let _ = affs.read(ctx, aff, &lang);
    }
    for group in meta.children_named("contrib-group") {
        for aff in group.elements().filter(|e| is_aff(e)) {
            let _ = affs.read(ctx, aff, &lang);
        }
    }
    let notes = author_notes(meta);
    let mut note_owner: Vec<Option<String>> = vec![None; notes.notes.len()];
    let mut contributors = Vec::new();
    for group in meta.children_named("contrib-group") {
        for c in group.children_named("contrib") {
            let Some(role) = role(c, group) else {
                ctx.not_read("contrib", c.line);
                continue;
            };
            let id = ctx.fresh_id(IdKind::Contributor, "c");
            let Some(mut contributor) = contributor(ctx, c, &lang, role, &id) else {
                continue;
            };
            for aff in c.elements().filter(|e| is_aff(e)) {
                if let Some(aff_id) = affs.read(ctx, aff, &lang) {
                    contributor.affiliation_ids.push(aff_id);
                }
            }
            for x in c.children_named("xref") {
                let rids = x.attr("rid").unwrap_or("").split_whitespace();
                match x.attr("ref-type") {
                    Some("aff") => {
                        for rid in rids {
                            if affs.ids.contains_key(rid)
                                && !contributor.affiliation_ids.iter().any(|a| a == rid)
                            {
                                contributor.affiliation_ids.push(rid.to_string());
                            }
                        }
                    }
                    Some("author-notes" | "corresp" | "fn") => {
                        for rid in rids {
                            if let Some(note) = footnote_ids.get(rid) {
                                if !contributor.footnote_ids.contains(note) {
                                    contributor.footnote_ids.push(note.clone());
                                }
                                continue;
                            }
                            if let Some(&i) = notes.by_id.get(rid) {
                                let owner = &mut note_owner[i];
                                if owner.is_none() {
                                    *owner = Some(id.clone());
                                }
                                if notes.corresp.get(i).copied().unwrap_or(false) {
                                    contributor.corresponding = true;
                                }
                            }
                        }
                    }
                    _ => {}
                }
            }
            contributors.push(contributor);
        }
    }
    // A contributor without an email of its own has the one of its correspondence note.
    for (i, owner) in note_owner.iter().enumerate() {
        let (Some(owner), Some(email)) = (owner, notes.notes.get(i).and_then(|n| n.email.clone()))
        else {
            continue;
        };
        if let Some(c) = contributors.iter_mut().find(|c| &c.id == owner) {
            if c.email.is_none() && notes.corresp.get(i).copied().unwrap_or(false) {
                c.email = Some(email);
            }
        }
    }
    front.contributors = contributors;
    front.affiliations = affs.list;
    front.author_notes = notes
        .notes
        .into_iter()
        .zip(note_owner)
        .map(|(mut note, owner)| {
            note.contributor_id = owner;
            note
        })
        .collect();
}

fn is_aff(e: &Element) -> bool {
    e.is("aff") || e.is("aff-alternatives")
}

/// The model role of a `contrib`, when the model has one for it: its own `contrib-type`, else
/// (none, or one that only says it is a person, as Texture writes) its group's `content-type`.
fn role(c: &Element, group: &Element) -> Option<ContributorRole> {
    let named = |kind: Option<&str>| match kind.map(str::trim) {
        Some("author") => Some(Some(ContributorRole::Author)),
        Some("editor") => Some(Some(ContributorRole::Editor)),
        Some("translator") => Some(Some(ContributorRole::Translator)),
        None | Some("" | "person" | "individual") => None,
        Some(_) => Some(None),
    };
    named(c.attr("contrib-type"))
        .or_else(|| named(group.attr("content-type")))
        .unwrap_or(Some(ContributorRole::Author))
}

fn contributor(
    ctx: &mut Ctx,
    c: &Element,
    lang: &str,
    role: ContributorRole,
    id: &str,
) -> Option<Contributor> {
    let mut forms: Vec<(PersonName, Option<String>)> = Vec::new();
    for e in c.elements() {
        match e.name.as_str() {
            "name" | "string-name" => forms.push(person_name(e, lang)),
            "name-alternatives" => {
                for n in e.elements().filter(|n| n.is("name") || n.is("string-name")) {
                    forms.push(person_name(n, lang));
                }
            }
            "collab" | "collab-alternatives" => {
                let text = collab_text(e);
                if !text.is_empty() {
                    forms.push((plain_name(&text, &lang_of(e, lang)), None));
                }
            }
            _ => {}
        }
    }
    if forms.is_empty() {
        ctx.warn(
            "jats-contributor-unnamed",
            "a contributor without a name, string-name or collab is not read",
            c.line,
        );
        return None;
    }
    let mut forms = forms.into_iter();
    let (name, prefix) = forms.next()?;
    let alt_names = forms.map(|(n, _)| n).collect();
    let orcid = c
        .children_named("contrib-id")
        .find(|e| e.attr("contrib-id-type") == Some("orcid"))
        .map(|e| bare_orcid(&leaf(e)))
        .filter(|o| !o.is_empty())
        .map(Printed::new);
    let email = c
        .child("email")
        .or_else(|| c.child("address").and_then(|a| a.child("email")))
        .or_else(|| c.children_named("aff").find_map(|a| a.child("email")))
        .map(leaf)
        .filter(|m| !m.is_empty());
    Some(Contributor {
        id: id.to_string(),
        role,
        name,
        alt_names,
        prefix: prefix.map(|p| AcademicPrefix {
            meaning: prefix_meaning(&p),
            as_written: p,
        }),
        position: c.child("role").map(leaf).filter(|r| !r.is_empty()),
        email,
        orcid,
        affiliation_ids: Vec::new(),
        footnote_ids: Vec::new(),
        corresponding: c.attr("corresp") == Some("yes"),
        source: Some(Span::lines(c.line, c.end_line)),
    })
}

/// An ORCID iD without its resolver.
fn bare_orcid(text: &str) -> String {
    let t = text.trim();
    t.strip_prefix(ORCID_RESOLVER)
        .or_else(|| t.strip_prefix("http://orcid.org/"))
        .or_else(|| t.strip_prefix("orcid.org/"))
        .unwrap_or(t)
        .trim()
        .to_string()
}

/// The rank of a prefix as printed, when the whole prefix is in papermeta's table.
fn prefix_meaning(prefix: &str) -> Option<crate::model::AcademicRank> {
    let (rank, len) = crate::extract::front::names::match_prefix(prefix)?;
    let rest = prefix.get(len..).unwrap_or("");
    rest.trim_matches(|c: char| c.is_whitespace() || c == '.')
        .is_empty()
        .then_some(rank)
        .flatten()
}

/// A `name` or `string-name`, with the prefix printed in it.
pub(super) fn person_name(e: &Element, lang: &str) -> (PersonName, Option<String>) {
    let lang = lang_of(e, lang);
    let prefix = leaf_opt(e.child("prefix"));
    let family = leaf_opt(e.child("surname"));
    let given = leaf_opt(e.child("given-names"));
    let suffix = leaf_opt(e.child("suffix"));
    let as_written = if e.is("string-name") {
        // The printed name is the text around the prefix.
        let mut text = String::new();
        for c in &e.children {
            match c {
                Node::Text(t) => text.push_str(t),
                Node::Element(c) if c.is("prefix") => {}
                Node::Element(c) => text.push_str(&c.text()),
            }
        }
        tidy(&text)
    } else {
        let eastern = e.attr("name-style") == Some("eastern");
        let mut parts: Vec<&str> = Vec::new();
        let (first, second) = if eastern {
            (&family, &given)
        } else {
            (&given, &family)
        };
        parts.extend(first.as_deref());
        parts.extend(second.as_deref());
        parts.extend(suffix.as_deref());
        parts.join(" ")
    };
    let script = match detect_script(&as_written) {
        crate::model::Script::Other => e
            .attr("xml:lang")
            .map_or(crate::model::Script::Other, lang_script),
        s => s,
    };
    // Our own JATS marks the forms papermeta derived (`specific-use`).
    let origin = match e.attr("specific-use").map(str::trim) {
        Some("metadata") => NameOrigin::Metadata,
        Some("email") => NameOrigin::Email,
        Some("machine") => NameOrigin::Machine,
        _ => NameOrigin::Printed,
    };
    (
        PersonName {
            as_written,
            script,
            lang,
            given,
            family,
            origin,
        },
        prefix,
    )
}

/// The script a language tag names (`ar-Latn` → Latin).
fn lang_script(tag: &str) -> crate::model::Script {
    let lower = tag.to_ascii_lowercase();
    if lower.contains("-latn") {
        crate::model::Script::Latin
    } else if lower.contains("-arab") {
        crate::model::Script::Arabic
    } else {
        crate::model::Script::Other
    }
}

/// A name known only whole (a group's name).
fn plain_name(text: &str, lang: &str) -> PersonName {
    PersonName {
        as_written: text.to_string(),
        script: detect_script(text),
        lang: lang.to_string(),
        given: None,
        family: None,
        origin: NameOrigin::Printed,
    }
}

/// A group author's name, without the member list a `collab` may hold.
fn collab_text(e: &Element) -> String {
    let first = if e.is("collab-alternatives") {
        e.elements().next()
    } else {
        Some(e)
    };
    let Some(collab) = first else {
        return String::new();
    };
    let mut text = String::new();
    for c in &collab.children {
        match c {
            Node::Text(t) => text.push_str(t),
            Node::Element(c) if c.is("contrib-group") || c.is("address") => {}
            Node::Element(c) => text.push_str(&c.text()),
        }
    }
    tidy(&text)
}

/// The affiliations read so far, by id.
#[derive(Default)]
struct Affiliations {
    list: Vec<Affiliation>,
    ids: HashMap<String, usize>,
}

impl Affiliations {
    /// Reads an `aff` (or the first of an `aff-alternatives`) and returns its model id; an
    /// `aff` that names no place (only an email, say) is none.
    fn read(&mut self, ctx: &mut Ctx, e: &Element, lang: &str) -> Option<String> {
        let aff = if e.is("aff-alternatives") {
            e.elements().find(|a| a.is("aff")).unwrap_or(e)
        } else {
            e
        };
        let id = match e.attr_trimmed("id").or(aff.attr_trimmed("id")) {
            Some(id) => id.to_string(),
            None => ctx.fresh_id(IdKind::Affiliation, "aff"),
        };
        if self.ids.contains_key(&id) {
            return Some(id);
        }
        let affiliation = affiliation(aff, &id, lang);
        if affiliation.raw.is_empty() && affiliation.institution.is_none() {
            return None;
        }
        self.ids.insert(id.clone(), self.list.len());
        self.list.push(affiliation);
        Some(id)
    }
}

fn affiliation(aff: &Element, id: &str, lang: &str) -> Affiliation {
    let mut a = Affiliation {
        id: id.to_string(),
        source: Some(Span::lines(aff.line, aff.end_line)),
        ..Affiliation::default()
    };
    // papermeta writes an affiliation known only by its parts as one `institution-wrap`
    // holding every institution: it has no printed text.
    let parts_only = aff
        .children_named("institution-wrap")
        .any(|w| w.children_named("institution").count() > 1);
    let mut raw = String::new();
    let mut last_was_element = false;
    // White space with a line break between two parts only lays out the XML: the parts are
    // separated as the text would print them, once the next part comes.
    let mut pending_separator = false;
    for c in &aff.children {
        match c {
            Node::Text(t) => {
                if last_was_element && t.trim().is_empty() && t.contains('\n') {
                    pending_separator = true;
                } else {
                    raw.push_str(t);
                }
                last_was_element = false;
            }
            Node::Element(e) => {
                match e.name.as_str() {
                    "label" | "sup" if raw.trim().is_empty() => continue,
                    "institution-wrap" => {
                        for i in e.children_named("institution") {
                            a.set_institution(i);
                        }
                    }
                    "institution" => a.set_institution(e),
                    "city" => set_once(&mut a.city, leaf(e)),
                    "country" => set_once(&mut a.country, leaf(e)),
                    "addr-line" => {
                        for n in e.children_named("named-content") {
                            match n.attr("content-type") {
                                Some("city") => set_once(&mut a.city, leaf(n)),
                                Some("country") => set_once(&mut a.country, leaf(n)),
                                _ => {}
                            }
                        }
                        if let Some(city) = e.child("city") {
                            set_once(&mut a.city, leaf(city));
                        }
                    }
                    "email" | "ext-link" | "uri" => continue,
                    _ => {}
                }
                if (pending_separator || last_was_element) && !raw.trim().is_empty() {
                    raw.push_str(", ");
                }
                pending_separator = false;
                raw.push_str(&institution_text(e));
                last_was_element = true;
            }
        }
    }
    a.raw = if parts_only {
        String::new()
    } else {
        tidy(&raw)
    };
    let text = if a.raw.is_empty() {
        a.institution.clone().unwrap_or_default()
    } else {
        a.raw.clone()
    };
    a.lang = match aff.attr_trimmed("xml:lang") {
        Some(l) => l.to_string(),
        None => match detect_script(&text) {
            crate::model::Script::Arabic if !lang.starts_with("ar") => "ar".to_string(),
            _ => lang.to_string(),
        },
    };
    a
}

/// The text of an affiliation part, without the identifiers an `institution-wrap` holds.
fn institution_text(e: &Element) -> String {
    if !e.is("institution-wrap") {
        return e.text();
    }
    e.children
        .iter()
        .map(|c| match c {
            Node::Text(t) => t.clone(),
            Node::Element(c) if c.is("institution-id") => String::new(),
            Node::Element(c) => c.text(),
        })
        .collect()
}

fn set_once(slot: &mut Option<String>, value: String) {
    if slot.is_none() && !value.is_empty() {
        *slot = Some(value);
    }
}

impl Affiliation {
    fn set_institution(&mut self, i: &Element) {
        let value = leaf(i);
        let slot = match i.attr("content-type").map(str::trim) {
            Some("faculty" | "college" | "school") => &mut self.faculty,
            Some("department" | "dept" | "orgdiv1" | "orgdiv2") => &mut self.department,
            _ => &mut self.institution,
        };
        set_once(slot, value);
    }
}

/// The author notes (`author-notes/fn` and `corresp`), their ids, and which are
/// correspondence notes.
#[derive(Default)]
struct Notes {
    notes: Vec<AuthorNote>,
    by_id: HashMap<String, usize>,
    corresp: Vec<bool>,
}

fn author_notes(meta: &Element) -> Notes {
    let mut notes = Notes::default();
    let Some(group) = meta.child("author-notes") else {
        return notes;
    };
    for n in group.elements().filter(|e| e.is("fn") || e.is("corresp")) {
        let mut paragraphs: Vec<String> = n
            .children_named("p")
            .map(leaf)
            .filter(|p| !p.is_empty())
            .collect();
        if paragraphs.is_empty() {
            let text: String = n
                .children
                .iter()
                .map(|c| match c {
                    Node::Text(t) => t.clone(),
                    Node::Element(e) if e.is("label") => String::new(),
                    Node::Element(e) => e.text(),
                })
                .collect();
            paragraphs.push(tidy(&text));
        }
        let mut emails = Vec::new();
        n.descendants_named("email", &mut emails);
        if let Some(id) = n.attr_trimmed("id") {
            notes.by_id.insert(id.to_string(), notes.notes.len());
        }
        notes
            .corresp
            .push(n.is("corresp") || n.attr("fn-type") == Some("corresp"));
        notes.notes.push(AuthorNote {
            text: paragraphs.join("\n"),
            contributor_id: None,
            email: emails.first().map(|e| leaf(e)).filter(|m| !m.is_empty()),
            department: None,
            source: Some(Span::lines(n.line, n.end_line)),
        });
    }
    notes
}
