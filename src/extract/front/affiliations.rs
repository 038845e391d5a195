//! Affiliations of the header: labelled and grouped affiliation lines, stacked lines merged,
//! deduplicated and linked to their authors, and departments that author notes add.

use super::affil::{parse_affiliation, same_text, AffParts};
use super::emails::EMAIL;
use super::names::split_affiliation_label;
use super::reader::{Group, PendingAff, Reader};
use crate::model::{Affiliation, Script, Span};
use crate::script::{default_lang, detect_script};

impl Reader {
    /// Adds an affiliation line: a labelled one to `labeled`, an unlabelled one to the current
    /// author group. Right after another affiliation line (`after_aff`) it continues that
    /// affiliation when their parts do not conflict (a department, faculty and university
    /// stacked on three lines).
    pub(super) fn push_affiliation(
        &mut self,
        line_text: &str,
        line: usize,
        after_aff: bool,
        groups: &mut Vec<Group>,
        labeled: &mut Vec<PendingAff>,
    ) {
        let main_script = self.main_script();
        let (label, rest) = split_affiliation_label(line_text);
        let text = EMAIL.replace_all(rest, "");
        let text = text
            .trim()
            .trim_end_matches(|c: char| c.is_whitespace() || ",،/;:-".contains(c))
            .to_string();
        if text.is_empty() {
            return;
        }
        let parts = parse_affiliation(&text);
        let translated = main_script != Script::Other
            && detect_script(&text) != main_script
            && (groups.last().is_some_and(|g| !g.affs.is_empty()) || !labeled.is_empty());
        if translated {
            // A translation of an affiliation already read.
            return;
        }
        let pending = PendingAff {
            label,
            texts: vec![text],
            parts,
            first_line: line,
            last_line: line,
        };
        let continues_labeled =
            after_aff && groups.last().is_none_or(|g| g.affs.is_empty()) && !labeled.is_empty();
        let target = if label.is_some() || continues_labeled {
            labeled
        } else {
            if groups.is_empty() {
                groups.push(Group::default());
            }
            match groups.last_mut() {
                Some(g) => &mut g.affs,
                None => labeled,
            }
        };
        let merged = after_aff
            && label.is_none()
            && target.last_mut().is_some_and(|last| {
                let ok = last.parts.merge(&pending.parts);
                if ok {
                    last.texts.extend(pending.texts.iter().cloned());
                    last.last_line = pending.last_line;
                }
                ok
            });
        if !merged {
            target.push(pending);
        }
    }

    /// Turns the pending affiliations into deduplicated `Affiliation`s and links them.
    pub(super) fn link_affiliations(&mut self, groups: Vec<Group>, labeled: Vec<PendingAff>) {
        let mut label_ids: Vec<(u32, String)> = Vec::new();
        for p in labeled {
            let id = self.intern_affiliation(&p);
            if let Some(label) = p.label {
                label_ids.push((label, id));
            }
        }
        for g in groups {
            let ids: Vec<String> = g.affs.iter().map(|p| self.intern_affiliation(p)).collect();
            // As many affiliations as authors, one each: printed in author order.
            let one_each = g.members.len() > 1 && ids.len() == g.members.len();
            for (k, &c) in g.members.iter().enumerate() {
                let mine: Vec<String> = if one_each {
                    ids.get(k).cloned().into_iter().collect()
                } else {
                    ids.clone()
                };
                if let Some(contrib) = self.front.contributors.get_mut(c) {
                    for id in mine {
                        if !contrib.affiliation_ids.contains(&id) {
                            contrib.affiliation_ids.push(id);
                        }
                    }
                }
            }
        }
        for (c, labels) in self.labels.iter().enumerate() {
            for label in labels {
                let Some((_, id)) = label_ids.iter().find(|(l, _)| l == label) else {
                    continue;
                };
                if let Some(contrib) = self.front.contributors.get_mut(c) {
                    if !contrib.affiliation_ids.contains(id) {
                        contrib.affiliation_ids.push(id.clone());
                    }
                }
            }
        }
    }

    /// The id of the affiliation with this text, created when new.
    pub(super) fn intern_affiliation(&mut self, p: &PendingAff) -> String {
        let raw = p.texts.join(" ");
        if let Some(a) = self
            .front
            .affiliations
            .iter()
            .find(|a| same_text(&a.raw, &raw) && a.department == p.parts.department)
        {
            return a.id.clone();
        }
        let id = format!("aff{}", self.front.affiliations.len() + 1);
        let lang = default_lang(detect_script(&raw))
            .unwrap_or("und")
            .to_string();
        self.front.affiliations.push(Affiliation {
            id: id.clone(),
            raw,
            lang,
            institution: p.parts.institution.clone(),
            faculty: p.parts.faculty.clone(),
            department: p.parts.department.clone(),
            city: p.parts.city.clone(),
            country: p.parts.country.clone(),
            source: Some(Span::lines(p.first_line, p.last_line)),
        });
        id
    }

    /// Adds the departments of matched notes to their authors' affiliations: in place when
    /// every user of the affiliation asks for the same department, as a copy otherwise, and
    /// as a new affiliation read from the note when no affiliation of the author agrees.
    pub(super) fn apply_note_affiliations(
        &mut self,
        requests: Vec<(usize, AffParts, String, usize)>,
    ) {
        // (contributor, affiliation index, parts) for requests that agree with an affiliation.
        let mut agreeing: Vec<(usize, usize, AffParts)> = Vec::new();
        for (c, parts, note_text, line) in requests {
            if parts.department.is_none() && parts.institution.is_none() && parts.faculty.is_none()
            {
                continue;
            }
            let ids = self
                .front
                .contributors
                .get(c)
                .map(|x| x.affiliation_ids.clone())
                .unwrap_or_default();
            let found = ids.iter().find_map(|id| {
                let (k, a) = self
                    .front
                    .affiliations
                    .iter()
                    .enumerate()
                    .find(|(_, a)| &a.id == id)?;
                let mut mine = AffParts {
                    institution: a.institution.clone(),
                    faculty: a.faculty.clone(),
                    department: a.department.clone(),
                    city: a.city.clone(),
                    country: a.country.clone(),
                };
                let agrees =
                    (mine.institution.is_some() || mine.faculty.is_some()) && mine.merge(&parts);
                agrees.then_some(k)
            });
            match found {
                Some(k) => agreeing.push((c, k, parts)),
                None => {
                    let raw = EMAIL.replace_all(&note_text, "");
                    let raw = raw
                        .trim()
                        .trim_end_matches(|ch: char| ch.is_whitespace() || ",،/;:-".contains(ch))
                        .to_string();
                    let pending = PendingAff {
                        label: None,
                        texts: vec![raw],
                        parts,
                        first_line: line,
                        last_line: line,
                    };
                    let id = self.intern_affiliation(&pending);
                    if let Some(contrib) = self.front.contributors.get_mut(c) {
                        if !contrib.affiliation_ids.contains(&id) {
                            contrib.affiliation_ids.push(id);
                        }
                    }
                }
            }
        }
        for (c, k, parts) in &agreeing {
            let Some(aff) = self.front.affiliations.get(*k).cloned() else {
                continue;
            };
            if aff.department.is_some() && aff.department == parts.department {
                continue;
            }
            let users: Vec<usize> = self
                .front
                .contributors
                .iter()
                .enumerate()
                .filter(|(_, x)| x.affiliation_ids.contains(&aff.id))
                .map(|(i, _)| i)
                .collect();
            let all_same = users.iter().all(|u| {
                agreeing
                    .iter()
                    .any(|(c2, k2, p2)| c2 == u && k2 == k && p2.department == parts.department)
            });
            let mut filled = aff.clone();
            filled.department.clone_from(&parts.department);
            for (mine, theirs) in [
                (&mut filled.institution, &parts.institution),
                (&mut filled.faculty, &parts.faculty),
                (&mut filled.city, &parts.city),
                (&mut filled.country, &parts.country),
            ] {
                if mine.is_none() {
                    mine.clone_from(theirs);
                }
            }
            if all_same {
                if let Some(a) = self.front.affiliations.get_mut(*k) {
                    *a = filled;
                }
                continue;
            }
            // Another author shares the printed affiliation: give this one its own copy.
            let existing = self
                .front
                .affiliations
                .iter()
                .find(|a| same_text(&a.raw, &filled.raw) && a.department == filled.department)
                .map(|a| a.id.clone());
            let new_id = match existing {
                Some(id) => id,
                None => {
                    filled.id = format!("aff{}", self.front.affiliations.len() + 1);
                    let id = filled.id.clone();
                    self.front.affiliations.push(filled);
                    id
                }
            };
            if let Some(contrib) = self.front.contributors.get_mut(*c) {
                for id in contrib.affiliation_ids.iter_mut() {
                    if *id == aff.id {
                        id.clone_from(&new_id);
                    }
                }
            }
        }
    }
}
