//! Content models → deterministic automata, as the DTD engine builds them
//! (`dtd::content`): the Glushkov construction (one position per element or wildcard
//! occurrence) followed by the subset construction. XSD adds three things:
//!
//! - occurrence bounds: `{n,m}` is unrolled into `n` copies and `m - n` nested optional
//!   copies (`{n,∞}` into `n - 1` copies and a `+`), each copy with fresh positions;
//! - positions that stand for a declaration: an element particle becomes one position per
//!   member of its substitution group (abstract ones left out), and every transition
//!   remembers the declaration or wildcard it matched, so the validator knows the child's
//!   type;
//! - wildcards: the alphabet of a model is the element names it mentions, one symbol per
//!   namespace it mentions ("another element of that namespace") and one for every other
//!   namespace; a wildcard position moves on each of these its namespace constraint allows.
//!
//! `xs:all` groups (any order, each member at most once) would need 2ⁿ states; they run as
//! a bit set of the members seen instead.

use std::collections::HashMap;

use super::{
    ElemId, NsSet, Particle, Schema, Term, Wildcard, BLOCK_EXTENSION, BLOCK_RESTRICTION,
    BLOCK_SUBSTITUTION,
};

/// Most positions (after unrolling) one content model may have.
const MAX_POSITIONS: usize = 50_000;
/// Most automaton states one content model may have.
const MAX_STATES: usize = 20_000;

/// What a transition matched.
#[derive(Debug, Clone)]
pub(crate) enum Matcher {
    Element(ElemId),
    Any(Wildcard),
}

#[derive(Debug)]
struct DState {
    accepting: bool,
    /// `(symbol, next state, matcher)`, sorted by symbol.
    transitions: Box<[(u32, u32, u32)]>,
}

#[derive(Debug)]
struct AllMember {
    /// `(symbol, matcher)` of the member and its substitution group.
    letters: Box<[(u32, u32)]>,
    required: bool,
}

#[derive(Debug)]
enum Kind {
    Dfa(Vec<DState>),
    All {
        members: Vec<AllMember>,
        emptiable: bool,
    },
}

/// A compiled content model. States are `u64`s starting at 0 (a DFA state number, or the
/// set of `xs:all` members seen).
#[derive(Debug)]
pub(crate) struct Automaton {
    kind: Kind,
    /// Element-name symbols the model mentions, sorted.
    names: Box<[u32]>,
    /// Namespace ids the model tells apart, sorted.
    namespaces: Box<[u32]>,
    matchers: Vec<Matcher>,
    /// First namespace-class symbol (= number of element-name symbols).
    class_base: u32,
    /// The symbol for an element of a namespace the model does not mention.
    other: u32,
}

impl Automaton {
    /// The symbol an element `{ns}local` reads as in this model.
    pub(crate) fn symbol(&self, schema: &Schema, ns: &str, local: &str) -> u32 {
        if let Some(s) = schema.name_symbol(ns, local) {
            if self.names.binary_search(&s).is_ok() {
                return s;
            }
        }
        match schema.namespaces.get(ns) {
            Some(&id) if self.namespaces.binary_search(&id).is_ok() => self.class_base + id,
            _ => self.other,
        }
    }

    /// The state after `symbol` and what it matched, or `None` when not allowed here.
    pub(crate) fn step(&self, state: u64, symbol: u32) -> Option<(u64, &Matcher)> {
        match &self.kind {
            Kind::Dfa(states) => {
                let st = states.get(usize::try_from(state).ok()?)?;
                let i = st
                    .transitions
                    .binary_search_by_key(&symbol, |&(s, _, _)| s)
                    .ok()?;
                let &(_, next, m) = st.transitions.get(i)?;
                Some((u64::from(next), self.matchers.get(m as usize)?))
            }
            Kind::All { members, .. } => {
                for (i, m) in members.iter().enumerate() {
                    if let Some(&(_, mi)) = m.letters.iter().find(|(s, _)| *s == symbol) {
                        if state & (1 << i) != 0 {
                            return None;
                        }
                        return Some((state | (1 << i), self.matchers.get(mi as usize)?));
                    }
                }
                None
            }
        }
    }

    /// Whether the content may end in `state`.
    pub(crate) fn accepts(&self, state: u64) -> bool {
        match &self.kind {
            Kind::Dfa(states) => usize::try_from(state)
                .ok()
                .and_then(|s| states.get(s))
                .is_some_and(|s| s.accepting),
            Kind::All { members, emptiable } => {
                (state == 0 && *emptiable)
                    || members
                        .iter()
                        .enumerate()
                        .all(|(i, m)| !m.required || state & (1 << i) != 0)
            }
        }
    }

    /// What may come next in `state`, for messages.
    pub(crate) fn expected(&self, schema: &Schema, state: u64) -> Vec<String> {
        let syms: Vec<u32> = match &self.kind {
            Kind::Dfa(states) => usize::try_from(state)
                .ok()
                .and_then(|s| states.get(s))
                .map(|s| s.transitions.iter().map(|&(sym, _, _)| sym).collect())
                .unwrap_or_default(),
            Kind::All { members, .. } => members
                .iter()
                .enumerate()
                .filter(|(i, _)| state & (1 << i) == 0)
                .flat_map(|(_, m)| m.letters.iter().map(|&(s, _)| s))
                .collect(),
        };
        let by_ns: HashMap<u32, &str> = schema.namespaces.iter().map(|(n, &i)| (i, &**n)).collect();
        let mut out = Vec::new();
        for s in syms {
            let label = if s < self.class_base {
                schema
                    .symbol_names
                    .get(s as usize)
                    .map_or_else(|| "?".to_string(), |n| n.local.to_string())
            } else if s < self.other {
                match by_ns.get(&(s - self.class_base)) {
                    Some(&"") => "an unqualified element".to_string(),
                    Some(ns) => format!("an element of namespace {ns}"),
                    None => "?".to_string(),
                }
            } else {
                "an element of another namespace".to_string()
            };
            if !out.contains(&label) {
                out.push(label);
            }
        }
        out
    }
}

/// A regular expression over positions.
enum Rx {
    Pos(u32),
    Seq(Vec<Rx>),
    Alt(Vec<Rx>),
    Opt(Box<Rx>),
    Star(Box<Rx>),
    Plus(Box<Rx>),
}

struct Compiler<'s> {
    schema: &'s Schema,
    matchers: Vec<Matcher>,
    element_matcher: HashMap<ElemId, u32>,
    names: Vec<u32>,
    namespaces: Vec<u32>,
    class_base: u32,
    other: u32,
    /// Letters and matcher of each position.
    positions: Vec<(Vec<u32>, u32)>,
}

/// The declarations an element particle stands for: the element and, transitively, its
/// substitution group, without abstract ones and those the head blocks.
fn substitution_members(schema: &Schema, head: ElemId) -> Vec<ElemId> {
    let Some(h) = schema.elements.get(head as usize) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    if !h.is_abstract {
        out.push(head);
    }
    if h.block & BLOCK_SUBSTITUTION != 0 {
        return out;
    }
    let blocked = h.block & (BLOCK_EXTENSION | BLOCK_RESTRICTION);
    let mut stack: Vec<ElemId> = schema.substitutes.get(&head).cloned().unwrap_or_default();
    let mut seen = vec![head];
    while let Some(e) = stack.pop() {
        if seen.contains(&e) {
            continue;
        }
        seen.push(e);
        let Some(d) = schema.elements.get(e as usize) else {
            continue;
        };
        if let Some(more) = schema.substitutes.get(&e) {
            stack.extend(more.iter().copied());
        }
        if d.is_abstract || !schema.derives_from(d.ty, h.ty, blocked) {
            continue;
        }
        out.push(e);
    }
    out.sort_unstable();
    out
}

impl Compiler<'_> {
    fn element_matcher(&mut self, e: ElemId) -> u32 {
        if let Some(&m) = self.element_matcher.get(&e) {
            return m;
        }
        let m = self.matchers.len() as u32;
        self.matchers.push(Matcher::Element(e));
        self.element_matcher.insert(e, m);
        m
    }

    /// Pass 1: the names and namespaces the model mentions.
    fn alphabet(&mut self, p: &Particle) {
        match &p.term {
            Term::Element(e) => {
                for m in substitution_members(self.schema, *e) {
                    if let Some(d) = self.schema.elements.get(m as usize) {
                        self.names.push(d.symbol);
                        if let Some(&ns) = self.schema.namespaces.get(&d.name.ns) {
                            self.namespaces.push(ns);
                        }
                    }
                }
            }
            Term::Any(w) => {
                let list: Vec<&str> = match &w.ns {
                    NsSet::Any => Vec::new(),
                    NsSet::Not(t) => vec![&**t],
                    NsSet::Only(l) => l.iter().map(|s| &**s).collect(),
                };
                for ns in list {
                    if let Some(&id) = self.schema.namespaces.get(ns) {
                        self.namespaces.push(id);
                    }
                }
            }
            Term::Sequence(items) | Term::Choice(items) | Term::All(items) => {
                for i in items {
                    self.alphabet(i);
                }
            }
        }
    }

    fn wildcard_letters(&self, w: &Wildcard) -> Vec<u32> {
        let mut letters = Vec::new();
        for &s in &self.names {
            if let Some(n) = self.schema.symbol_names.get(s as usize) {
                if w.ns.allows(&n.ns) {
                    letters.push(s);
                }
            }
        }
        for (ns, &id) in &self.schema.namespaces {
            if self.namespaces.binary_search(&id).is_ok() && w.ns.allows(ns) {
                letters.push(self.class_base + id);
            }
        }
        if !matches!(w.ns, NsSet::Only(_)) {
            letters.push(self.other);
        }
        letters.sort_unstable();
        letters
    }

    fn position(&mut self, letters: Vec<u32>, matcher: u32) -> Result<Rx, String> {
        if self.positions.len() >= MAX_POSITIONS {
            return Err(format!(
                "content model needs more than {MAX_POSITIONS} positions once occurrence bounds are unrolled"
            ));
        }
        let p = self.positions.len() as u32;
        self.positions.push((letters, matcher));
        Ok(Rx::Pos(p))
    }

    fn term(&mut self, t: &Term) -> Result<Rx, String> {
        Ok(match t {
            Term::Element(e) => {
                let members = substitution_members(self.schema, *e);
                let mut alts = Vec::with_capacity(members.len());
                for m in members {
                    let sym = self
                        .schema
                        .elements
                        .get(m as usize)
                        .map_or(u32::MAX, |d| d.symbol);
                    let mi = self.element_matcher(m);
                    alts.push(self.position(vec![sym], mi)?);
                }
                if alts.len() == 1 {
                    alts.pop().unwrap_or(Rx::Alt(Vec::new()))
                } else {
                    Rx::Alt(alts)
                }
            }
            Term::Any(w) => {
                let letters = self.wildcard_letters(w);
                let mi = self.matchers.len() as u32;
                self.matchers.push(Matcher::Any(w.clone()));
                self.position(letters, mi)?
            }
            Term::Sequence(items) => {
                let mut v = Vec::with_capacity(items.len());
                for i in items {
                    v.push(self.particle(i)?);
                }
                Rx::Seq(v)
            }
            Term::Choice(items) => {
                let mut v = Vec::with_capacity(items.len());
                for i in items {
                    v.push(self.particle(i)?);
                }
                Rx::Alt(v)
            }
            Term::All(_) => {
                return Err("xs:all may only be the whole content model".to_string());
            }
        })
    }

    fn particle(&mut self, p: &Particle) -> Result<Rx, String> {
        Ok(match (p.min, p.max) {
            (_, Some(0)) => Rx::Seq(Vec::new()),
            (1, Some(1)) => self.term(&p.term)?,
            (0, Some(1)) => Rx::Opt(Box::new(self.term(&p.term)?)),
            (0, None) => Rx::Star(Box::new(self.term(&p.term)?)),
            (1, None) => Rx::Plus(Box::new(self.term(&p.term)?)),
            (n, None) => {
                let mut items = Vec::new();
                for _ in 1..n {
                    items.push(self.term(&p.term)?);
                }
                items.push(Rx::Plus(Box::new(self.term(&p.term)?)));
                Rx::Seq(items)
            }
            (n, Some(m)) => {
                let mut items = Vec::new();
                for _ in 0..n {
                    items.push(self.term(&p.term)?);
                }
                let mut tail: Option<Rx> = None;
                for _ in n..m {
                    let t = self.term(&p.term)?;
                    tail = Some(Rx::Opt(Box::new(match tail {
                        None => t,
                        Some(rest) => Rx::Seq(vec![t, rest]),
                    })));
                }
                items.extend(tail);
                Rx::Seq(items)
            }
        })
    }
}

struct Info {
    nullable: bool,
    first: Vec<u32>,
    last: Vec<u32>,
}

fn glushkov(rx: &Rx, follow: &mut Vec<Vec<u32>>) -> Info {
    let link = |from: &[u32], to: &[u32], follow: &mut Vec<Vec<u32>>| {
        for &p in from {
            if let Some(f) = follow.get_mut(p as usize) {
                f.extend_from_slice(to);
            }
        }
    };
    match rx {
        Rx::Pos(p) => Info {
            nullable: false,
            first: vec![*p],
            last: vec![*p],
        },
        Rx::Seq(items) => {
            let mut info = Info {
                nullable: true,
                first: Vec::new(),
                last: Vec::new(),
            };
            for item in items {
                let i = glushkov(item, follow);
                link(&info.last, &i.first, follow);
                if info.nullable {
                    info.first.extend_from_slice(&i.first);
                }
                if i.nullable {
                    info.last.extend(i.last);
                } else {
                    info.last = i.last;
                }
                info.nullable &= i.nullable;
            }
            info
        }
        Rx::Alt(items) => {
            let mut info = Info {
                nullable: false,
                first: Vec::new(),
                last: Vec::new(),
            };
            for item in items {
                let i = glushkov(item, follow);
                info.nullable |= i.nullable;
                info.first.extend(i.first);
                info.last.extend(i.last);
            }
            info
        }
        Rx::Opt(x) => {
            let mut i = glushkov(x, follow);
            i.nullable = true;
            i
        }
        Rx::Star(x) | Rx::Plus(x) => {
            let mut i = glushkov(x, follow);
            link(&i.last, &i.first, follow);
            if matches!(rx, Rx::Star(_)) {
                i.nullable = true;
            }
            i
        }
    }
}

/// Compiles the content model of a complex type.
pub(crate) fn compile(schema: &Schema, particle: &Particle) -> Result<Automaton, String> {
    let class_base = schema.symbol_names.len() as u32;
    let other = class_base + schema.namespaces.len() as u32;
    let mut c = Compiler {
        schema,
        matchers: Vec::new(),
        element_matcher: HashMap::new(),
        names: Vec::new(),
        namespaces: Vec::new(),
        class_base,
        other,
        positions: Vec::new(),
    };
    c.alphabet(particle);
    if let Some(&absent) = schema.namespaces.get("") {
        c.namespaces.push(absent);
    }
    c.names.sort_unstable();
    c.names.dedup();
    c.namespaces.sort_unstable();
    c.namespaces.dedup();

    let kind = if let Term::All(items) = &particle.term {
        let mut members = Vec::new();
        for item in items {
            if item.max == Some(0) {
                continue;
            }
            let Term::Element(e) = &item.term else {
                return Err("xs:all may only hold element particles".to_string());
            };
            if item.max.is_none_or(|m| m > 1) {
                return Err("an xs:all member may occur at most once".to_string());
            }
            let mut letters = Vec::new();
            for m in substitution_members(schema, *e) {
                let sym = schema
                    .elements
                    .get(m as usize)
                    .map_or(u32::MAX, |d| d.symbol);
                letters.push((sym, c.element_matcher(m)));
            }
            members.push(AllMember {
                letters: letters.into_boxed_slice(),
                required: item.min > 0,
            });
        }
        if members.len() > 64 {
            return Err("xs:all with more than 64 members".to_string());
        }
        Kind::All {
            members,
            emptiable: particle.min == 0 || items.iter().all(|i| i.min == 0),
        }
    } else {
        let rx = c.particle(particle)?;
        let mut follow = vec![Vec::new(); c.positions.len()];
        let root = glushkov(&rx, &mut follow);
        for f in &mut follow {
            f.sort_unstable();
            f.dedup();
        }
        Kind::Dfa(subset(&c, &root, &follow)?)
    };
    Ok(Automaton {
        kind,
        names: c.names.into_boxed_slice(),
        namespaces: c.namespaces.into_boxed_slice(),
        matchers: c.matchers,
        class_base,
        other,
    })
}

fn subset(c: &Compiler<'_>, root: &Info, follow: &[Vec<u32>]) -> Result<Vec<DState>, String> {
    let n = c.positions.len();
    let mut is_last = vec![false; n];
    for &p in &root.last {
        if let Some(slot) = is_last.get_mut(p as usize) {
            *slot = true;
        }
    }
    let mut first = root.first.clone();
    first.sort_unstable();
    first.dedup();
    // Positions with the same follow set and finality accept the same continuations, so a
    // state need only know their class (as in the DTD engine: this keeps `(a | b | ...)*`
    // over hundreds of inline elements at one state instead of one per element). Which
    // declaration a transition matched is still taken from the positions themselves.
    let mut class_of = vec![0u32; n];
    let mut reps: Vec<usize> = Vec::new();
    {
        let mut classes: HashMap<(&[u32], bool), u32> = HashMap::new();
        for (p, f) in follow.iter().enumerate() {
            let fin = is_last.get(p).copied().unwrap_or(false);
            let next = reps.len() as u32;
            let id = *classes.entry((f.as_slice(), fin)).or_insert(next);
            if id == next {
                reps.push(p);
            }
            if let Some(slot) = class_of.get_mut(p) {
                *slot = id;
            }
        }
    }
    let mut states: Vec<DState> = Vec::new();
    // A state is the set of position classes just matched; the start state is empty.
    let mut sets: Vec<Vec<u32>> = vec![Vec::new()];
    let mut index: HashMap<Vec<u32>, u32> = HashMap::new();
    index.insert(Vec::new(), 0);
    let mut next = 0usize;
    let mut pairs: Vec<(u32, u32)> = Vec::new();
    while let Some(set) = sets.get(next).cloned() {
        let is_start = next == 0;
        next += 1;
        let accepting = if is_start {
            root.nullable
        } else {
            set.iter().any(|&k| {
                reps.get(k as usize)
                    .is_some_and(|&p| is_last.get(p).copied().unwrap_or(false))
            })
        };
        pairs.clear();
        let candidates: Vec<u32> = if is_start {
            first.clone()
        } else {
            let mut v: Vec<u32> = set
                .iter()
                .filter_map(|&k| reps.get(k as usize))
                .flat_map(|&p| follow.get(p).into_iter().flatten().copied())
                .collect();
            v.sort_unstable();
            v.dedup();
            v
        };
        for q in candidates {
            if let Some((letters, _)) = c.positions.get(q as usize) {
                pairs.extend(letters.iter().map(|&l| (l, q)));
            }
        }
        pairs.sort_unstable();
        pairs.dedup();
        let mut transitions = Vec::new();
        let mut i = 0;
        while let Some(&(sym, _)) = pairs.get(i) {
            let mut matched = Vec::new();
            while let Some(&(s, q)) = pairs.get(i) {
                if s != sym {
                    break;
                }
                matched.push(q);
                i += 1;
            }
            // An element declaration wins over a wildcard competing for the same name.
            let matcher = matched
                .iter()
                .filter_map(|&q| c.positions.get(q as usize).map(|(_, m)| *m))
                .find(|&m| matches!(c.matchers.get(m as usize), Some(Matcher::Element(_))))
                .or_else(|| {
                    matched
                        .first()
                        .and_then(|&q| c.positions.get(q as usize))
                        .map(|(_, m)| *m)
                })
                .unwrap_or(0);
            let mut target: Vec<u32> = matched
                .iter()
                .filter_map(|&q| class_of.get(q as usize).copied())
                .collect();
            target.sort_unstable();
            target.dedup();
            let id = match index.get(&target) {
                Some(&id) => id,
                None => {
                    if sets.len() >= MAX_STATES {
                        return Err(format!(
                            "content model needs more than {MAX_STATES} automaton states"
                        ));
                    }
                    let id = sets.len() as u32;
                    index.insert(target.clone(), id);
                    sets.push(target);
                    id
                }
            };
            transitions.push((sym, id, matcher));
        }
        states.push(DState {
            accepting,
            transitions: transitions.into_boxed_slice(),
        });
    }
    Ok(states)
}
