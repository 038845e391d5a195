//! Heading levels: section names and division words have fixed ranks; other styles
//! (ordinals, numbers, labels) nest under the heading above them and are siblings of the last
//! heading of the same style; numbered sequences after an unnumbered introduction may be its
//! siblings.

use super::headings::{classify, names_intro_part, Heading, Style};
use super::lines::{SLine, TypeKey};
use crate::model::SectionKind;
use std::collections::HashMap;

/// Kinds that close a paper's main part: the sections after its numbered body.
pub(super) const END_KINDS: &[SectionKind] = &[
    SectionKind::Conclusion,
    SectionKind::Recommendations,
    SectionKind::References,
    SectionKind::Acknowledgements,
    SectionKind::Appendix,
];

/// Styles that number a paper's main sections when they follow an unnumbered introduction
/// (`Introduction`, `I.`, `II.`, `Conclusion`): Roman numerals and single numbers. Ordinal
/// adverbs (`مقدمة`, `أولاً`, `ثانياً`, `خاتمة`) do too when they come first.
pub(super) fn can_number_main_sections(style: &Style) -> bool {
    matches!(style, Style::Roman(_) | Style::Number(_, _, 1))
}

/// Finds the numbered sequences that are siblings of an unnumbered introduction rather than
/// its subsections: after the introduction, up to the next top-level heading (which must be
/// a closing one, or none), no division word, at least two headings of the style, and not
/// all of them names of an introduction's parts (`1. Research problem`, `٢. أهمية البحث`).
pub(super) fn promoted_styles(
    lines: &[SLine],
    heads: &[(usize, Heading)],
) -> Vec<(Style, usize, usize)> {
    let mut out = Vec::new();
    for (n, (_, h)) in heads.iter().enumerate() {
        if h.style != Style::Top || h.kind != SectionKind::Introduction {
            continue;
        }
        let rest = heads.get(n + 1..).unwrap_or_default();
        let end = rest.iter().position(|(_, x)| x.top).unwrap_or(rest.len());
        if rest
            .get(end)
            .is_some_and(|(_, x)| !END_KINDS.contains(&x.kind))
        {
            continue;
        }
        let stretch = rest.get(..end).unwrap_or_default();
        if stretch
            .iter()
            .any(|(_, x)| matches!(x.style, Style::Division(_)))
        {
            continue;
        }
        // Unnumbered headings at the head of their blocks (no run-in label) may be the main
        // sections too, when no numbered style is there to be.
        let main_style = |x: &Heading| {
            can_number_main_sections(&x.style)
                || (x.style == Style::Label && x.run_in.is_none() && x.kind == SectionKind::Other)
        };
        let numbered = stretch
            .iter()
            .any(|(_, x)| can_number_main_sections(&x.style));
        let Some((from, style)) = stretch
            .iter()
            .find(|(_, x)| {
                if numbered {
                    can_number_main_sections(&x.style)
                } else {
                    main_style(x) || x.style == Style::Ordinal
                }
            })
            .map(|(k, x)| (*k, x.style.clone()))
        else {
            continue;
        };
        let titles: Vec<&str> = stretch
            .iter()
            .filter(|(_, x)| x.style == style)
            .filter_map(|(k, x)| {
                let (off, s, e) = x.title;
                lines.get(k + off).and_then(|l| l.line.text.get(s..e))
            })
            .collect();
        if titles.len() < 2 || titles.iter().all(|t| names_intro_part(t)) {
            continue;
        }
        let until = rest.get(end).map_or(usize::MAX, |(k, _)| *k);
        out.push((style, from, until));
    }
    out
}

/// The levels of the headings read so far.
pub(super) struct Levels {
    stack: Vec<(Style, u8)>,
    division_levels: HashMap<u8, u8>,
    top_kind: SectionKind,
    /// Numbering styles that are top-level over a stretch of the stream: (style, first
    /// stream line, end of the stretch).
    promoted: Vec<(Style, usize, usize)>,
    /// The level the page's type gives an unnumbered heading, by its stream line.
    typeset: HashMap<usize, u8>,
}

/// The levels the page's type gives unnumbered headings: the settings that at least two
/// headings share, larger first and bold before regular at one size, are levels 1, 2, ...
/// Only when there are two such settings or more (one setting tells no depth).
fn typeset_levels(lines: &[SLine], heads: &[(usize, Heading)]) -> HashMap<usize, u8> {
    let unnumbered = |h: &Heading| matches!(h.style, Style::Top | Style::Label | Style::Ordinal);
    let keyed: Vec<(usize, TypeKey)> = heads
        .iter()
        .filter(|(_, h)| unnumbered(h))
        .filter_map(|(k, _)| lines.get(*k).and_then(|l| l.set_apart).map(|key| (*k, key)))
        .collect();
    let mut shared: Vec<TypeKey> = Vec::new();
    for (_, key) in &keyed {
        if !shared.contains(key) && keyed.iter().filter(|(_, k)| k == key).count() >= 2 {
            shared.push(*key);
        }
    }
    if shared.len() < 2 {
        return HashMap::new();
    }
    shared.sort_by(|a, b| b.cmp(a));
    keyed
        .into_iter()
        .filter_map(|(k, key)| {
            let rank = shared.iter().position(|x| *x == key)?;
            Some((k, u8::try_from(rank + 1).unwrap_or(u8::MAX)))
        })
        .collect()
}

impl Levels {
    pub(super) fn new(lines: &[SLine]) -> Self {
        // Division words rank their sections: the highest rank used is level 1.
        let heads: Vec<(usize, Heading)> = (0..lines.len())
            .filter_map(|k| classify(lines, k).map(|h| (k, h)))
            .collect();
        let mut ranks: Vec<u8> = heads
            .iter()
            .filter_map(|(_, h)| match h.style {
                Style::Division(r) => Some(r),
                _ => None,
            })
            .collect();
        ranks.sort_unstable();
        ranks.dedup();
        let division_levels = ranks
            .iter()
            .enumerate()
            .map(|(i, r)| (*r, u8::try_from(i + 1).unwrap_or(u8::MAX)))
            .collect();
        Levels {
            stack: Vec::new(),
            division_levels,
            top_kind: SectionKind::Other,
            promoted: promoted_styles(lines, &heads),
            typeset: typeset_levels(lines, &heads),
        }
    }

    /// The level of a new heading, from its style and the headings above it.
    pub(super) fn level(&mut self, h: &Heading, i: usize) -> u8 {
        let in_conclusion = self.top_kind == SectionKind::Conclusion
            && crate::extract::markers::sections::ALL
                .iter()
                .any(|t| t.conclusion_parts.contains(&h.kind));
        let style = if in_conclusion {
            Style::Label
        } else {
            h.style.clone()
        };
        let promoted = self
            .promoted
            .iter()
            .any(|(st, from, until)| *st == style && (*from..*until).contains(&i));
        // A dotted number tells its own depth (`2.1`, `2.1.`): its delimiter is noise, and it
        // nests under the number one level shorter when that is open.
        let style = match style {
            Style::Number(script, _, depth) if depth > 1 => Style::Number(script, None, depth),
            other => other,
        };
        let parent_number = match style {
            Style::Number(script, _, depth) if depth > 1 => self.stack.iter().find_map(|(s, l)| {
                matches!(s, Style::Number(sc, _, d) if *sc == script && *d + 1 == depth)
                    .then_some(*l)
            }),
            _ => None,
        };
        let level = if let Some(&l) = self.typeset.get(&i) {
            l
        } else if (h.top || promoted) && !in_conclusion {
            1
        } else if let Style::Division(rank) = style {
            self.division_levels.get(&rank).copied().unwrap_or(1)
        } else if let Some((_, l)) = self.stack.iter().find(|(s, _)| *s == style) {
            *l
        } else if let Some(l) = parent_number {
            l.saturating_add(1)
        } else {
            self.stack.last().map_or(1, |(_, l)| l.saturating_add(1))
        };
        self.stack.retain(|(_, l)| *l < level);
        self.stack.push((style, level));
        if level == 1 {
            self.top_kind = h.kind;
        }
        level
    }
}
