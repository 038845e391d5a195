//! Content models (XML 1.0 §3.2): the parsed form, its rendering for messages, and the
//! Glushkov construction followed by subset construction into a DFA over interned names.

use std::collections::HashMap;
use std::fmt::Write as _;

/// How often a content particle may occur.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Occurrence {
    /// Exactly once.
    One,
    /// `?`
    Optional,
    /// `*`
    ZeroOrMore,
    /// `+`
    OneOrMore,
}

impl Occurrence {
    fn suffix(self) -> &'static str {
        match self {
            Occurrence::One => "",
            Occurrence::Optional => "?",
            Occurrence::ZeroOrMore => "*",
            Occurrence::OneOrMore => "+",
        }
    }
    fn nullable(self) -> bool {
        matches!(self, Occurrence::Optional | Occurrence::ZeroOrMore)
    }
    fn repeats(self) -> bool {
        matches!(self, Occurrence::ZeroOrMore | Occurrence::OneOrMore)
    }
}

/// A content particle of element content (`children` in the XML grammar).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Particle {
    /// An element name.
    Name(String, Occurrence),
    /// `(a, b, c)`
    Seq(Vec<Particle>, Occurrence),
    /// `(a | b | c)`
    Choice(Vec<Particle>, Occurrence),
}

/// The content specification of an `<!ELEMENT>` declaration.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ContentSpec {
    /// `EMPTY`
    Empty,
    /// `ANY`
    Any,
    /// `(#PCDATA | a | b)*` (the names; empty for `(#PCDATA)`).
    Mixed(Vec<String>),
    /// Element content.
    Children(Particle),
}

impl ContentSpec {
    /// The declaration's content model written back in DTD syntax, e.g. `(a, b?, (c | d)*)`.
    pub fn render(&self) -> String {
        let mut out = String::new();
        match self {
            ContentSpec::Empty => out.push_str("EMPTY"),
            ContentSpec::Any => out.push_str("ANY"),
            ContentSpec::Mixed(names) if names.is_empty() => out.push_str("(#PCDATA)"),
            ContentSpec::Mixed(names) => {
                out.push_str("(#PCDATA");
                for n in names {
                    out.push_str(" | ");
                    out.push_str(n);
                }
                out.push_str(")*");
            }
            ContentSpec::Children(p) => render_particle(p, &mut out, true),
        }
        out
    }
}

fn render_particle(p: &Particle, out: &mut String, top: bool) {
    match p {
        Particle::Name(n, occ) => {
            if top {
                // A bare name at top level is still written as a group, as in DTD syntax.
                let _ = write!(out, "({n}{})", occ.suffix());
            } else {
                let _ = write!(out, "{n}{}", occ.suffix());
            }
        }
        Particle::Seq(items, occ) | Particle::Choice(items, occ) => {
            let sep = if matches!(p, Particle::Seq(..)) {
                ", "
            } else {
                " | "
            };
            out.push('(');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push_str(sep);
                }
                render_particle(item, out, false);
            }
            out.push(')');
            out.push_str(occ.suffix());
        }
    }
}

/// One DFA state: whether the content may end here, and the transitions sorted by symbol.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct State {
    /// The element may end in this state.
    pub accepting: bool,
    /// `(symbol, next state)`, sorted by symbol.
    pub transitions: Box<[(u32, u32)]>,
}

/// A deterministic automaton over interned element names; state 0 is the start.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dfa {
    /// The states; state 0 is the initial one.
    pub states: Vec<State>,
    /// Whether the content model is deterministic in the sense of XML 1.0 Appendix E.
    pub deterministic: bool,
}

impl Dfa {
    /// The state reached from `state` on `symbol`, if any.
    #[inline]
    pub fn step(&self, state: u32, symbol: u32) -> Option<u32> {
        let st = self.states.get(state as usize)?;
        st.transitions
            .binary_search_by_key(&symbol, |&(s, _)| s)
            .ok()
            .and_then(|i| st.transitions.get(i))
            .map(|&(_, t)| t)
    }
    /// Whether the content may end in `state`.
    #[inline]
    pub fn accepts(&self, state: u32) -> bool {
        self.states.get(state as usize).is_some_and(|s| s.accepting)
    }
    /// The symbols allowed next in `state`.
    pub fn expected(&self, state: u32) -> impl Iterator<Item = u32> + '_ {
        self.states
            .get(state as usize)
            .into_iter()
            .flat_map(|s| s.transitions.iter().map(|&(sym, _)| sym))
    }
}

/// The content model's automaton has more states than the given bound.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TooComplex(pub usize);

/// Glushkov construction: positions are the name occurrences of the particle.
struct Glushkov<'a, F: FnMut(&str) -> u32> {
    intern: &'a mut F,
    symbols: Vec<u32>,
    follow: Vec<Vec<u32>>,
}

struct Info {
    nullable: bool,
    first: Vec<u32>,
    last: Vec<u32>,
}

impl<F: FnMut(&str) -> u32> Glushkov<'_, F> {
    fn visit(&mut self, p: &Particle) -> Info {
        let (mut info, occ) = match p {
            Particle::Name(n, occ) => {
                let pos = self.symbols.len() as u32;
                self.symbols.push((self.intern)(n));
                self.follow.push(Vec::new());
                (
                    Info {
                        nullable: false,
                        first: vec![pos],
                        last: vec![pos],
                    },
                    *occ,
                )
            }
            Particle::Choice(items, occ) => {
                let mut info = Info {
                    nullable: false,
                    first: Vec::new(),
                    last: Vec::new(),
                };
                for item in items {
                    let i = self.visit(item);
                    info.nullable |= i.nullable;
                    info.first.extend(i.first);
                    info.last.extend(i.last);
                }
                (info, *occ)
            }
            Particle::Seq(items, occ) => {
                let mut info = Info {
                    nullable: true,
                    first: Vec::new(),
                    last: Vec::new(),
                };
                for item in items {
                    let i = self.visit(item);
                    for &p in &info.last {
                        if let Some(f) = self.follow.get_mut(p as usize) {
                            f.extend_from_slice(&i.first);
                        }
                    }
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
                (info, *occ)
            }
        };
        if occ.repeats() {
            for &p in &info.last {
                if let Some(f) = self.follow.get_mut(p as usize) {
                    f.extend_from_slice(&info.first);
                }
            }
        }
        if occ.nullable() {
            info.nullable = true;
        }
        info
    }
}

/// Compiles element content to a DFA, interning names with `intern`. Fails when the subset
/// construction would exceed `max_states` states.
pub fn compile(
    particle: &Particle,
    intern: &mut impl FnMut(&str) -> u32,
    max_states: usize,
) -> Result<Dfa, TooComplex> {
    let mut g = Glushkov {
        intern,
        symbols: Vec::new(),
        follow: Vec::new(),
    };
    let root = g.visit(particle);
    let symbols = g.symbols;
    let mut follow = g.follow;
    for f in &mut follow {
        f.sort_unstable();
        f.dedup();
    }
    let mut is_last = vec![false; symbols.len()];
    for &p in &root.last {
        if let Some(slot) = is_last.get_mut(p as usize) {
            *slot = true;
        }
    }
    let mut first = root.first;
    first.sort_unstable();
    first.dedup();

    // Positions with the same follow set and finality accept the same continuations, so
    // they share one state (this keeps `(a | b | ...)*` at one state, not one per name).
    let mut class_of = vec![0u32; symbols.len()];
    let mut reps: Vec<usize> = Vec::new();
    {
        let mut classes: HashMap<(&[u32], bool), u32> = HashMap::new();
        for (p, f) in follow.iter().enumerate() {
            let fin = is_last.get(p).copied().unwrap_or(false);
            let next = reps.len() as u32 + 1;
            let c = *classes.entry((f.as_slice(), fin)).or_insert(next);
            if c == next {
                reps.push(p);
            }
            if let Some(slot) = class_of.get_mut(p) {
                *slot = c;
            }
        }
    }
    let table = |set: &[u32]| -> Option<Box<[(u32, u32)]>> {
        let mut t: Vec<(u32, u32)> = set
            .iter()
            .filter_map(|&q| Some((*symbols.get(q as usize)?, *class_of.get(q as usize)?)))
            .collect();
        t.sort_unstable();
        t.dedup();
        // Two targets on one symbol: not deterministic, use the subset construction.
        if t.windows(2).any(|w| w[0].0 == w[1].0) {
            None
        } else {
            Some(t.into_boxed_slice())
        }
    };
    let mut fast: Vec<State> = Vec::with_capacity(reps.len() + 1);
    if let Some(t) = table(&first) {
        fast.push(State {
            accepting: root.nullable,
            transitions: t,
        });
        for &p in &reps {
            match follow.get(p).and_then(|f| table(f)) {
                Some(t) => fast.push(State {
                    accepting: is_last.get(p).copied().unwrap_or(false),
                    transitions: t,
                }),
                None => break,
            }
        }
        if fast.len() == reps.len() + 1 {
            return Ok(Dfa {
                states: fast,
                deterministic: true,
            });
        }
    }

    // Subset construction. A state is the set of positions just matched; the start state
    // is the empty set and moves on `first`.
    let mut deterministic = true;
    let mut states: Vec<State> = Vec::new();
    let mut sets: Vec<Vec<u32>> = vec![Vec::new()];
    let mut index: HashMap<Vec<u32>, u32> = HashMap::new();
    index.insert(Vec::new(), 0);
    let mut pairs: Vec<(u32, u32)> = Vec::new();
    let mut next = 0usize;
    while let Some(set) = sets.get(next).cloned() {
        next += 1;
        pairs.clear();
        let accepting = if set.is_empty() {
            root.nullable
        } else {
            set.iter()
                .any(|&p| is_last.get(p as usize).copied().unwrap_or(false))
        };
        let mut push = |q: u32| {
            if let Some(&sym) = symbols.get(q as usize) {
                pairs.push((sym, q));
            }
        };
        if set.is_empty() {
            first.iter().for_each(|&q| push(q));
        } else {
            for &p in &set {
                follow
                    .get(p as usize)
                    .into_iter()
                    .flatten()
                    .for_each(|&q| push(q));
            }
        }
        pairs.sort_unstable();
        pairs.dedup();
        let mut transitions = Vec::new();
        let mut i = 0;
        while let Some(&(sym, _)) = pairs.get(i) {
            let mut j = i;
            let mut target: Vec<u32> = Vec::new();
            while let Some(&(s, q)) = pairs.get(j) {
                if s != sym {
                    break;
                }
                target.push(q);
                j += 1;
            }
            if target.len() > 1 {
                deterministic = false;
            }
            let id = match index.get(&target) {
                Some(&id) => id,
                None => {
                    let id = sets.len() as u32;
                    if sets.len() >= max_states {
                        return Err(TooComplex(max_states));
                    }
                    index.insert(target.clone(), id);
                    sets.push(target);
                    id
                }
            };
            transitions.push((sym, id));
            i = j;
        }
        states.push(State {
            accepting,
            transitions: transitions.into_boxed_slice(),
        });
    }
    Ok(Dfa {
        states,
        deterministic,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn n(s: &str, o: Occurrence) -> Particle {
        Particle::Name(s.to_string(), o)
    }

    struct Names(Vec<String>);
    impl Names {
        fn id(&mut self, s: &str) -> u32 {
            match self.0.iter().position(|x| x == s) {
                Some(i) => i as u32,
                None => {
                    self.0.push(s.to_string());
                    (self.0.len() - 1) as u32
                }
            }
        }
    }

    fn accepts(dfa: &Dfa, names: &mut Names, word: &[&str]) -> bool {
        let mut st = 0;
        for w in word {
            let sym = names.id(w);
            match dfa.step(st, sym) {
                Some(s) => st = s,
                None => return false,
            }
        }
        dfa.accepts(st)
    }

    #[test]
    fn sequence_with_occurrences() {
        use Occurrence::*;
        // (title, author+, (para | list)*, note?)
        let p = Particle::Seq(
            vec![
                n("title", One),
                n("author", OneOrMore),
                Particle::Choice(vec![n("para", One), n("list", One)], ZeroOrMore),
                n("note", Optional),
            ],
            One,
        );
        let mut names = Names(Vec::new());
        let dfa = compile(&p, &mut |s| names.id(s), 100).expect("compiles");
        assert!(dfa.deterministic);
        assert!(accepts(&dfa, &mut names, &["title", "author"]));
        assert!(accepts(
            &dfa,
            &mut names,
            &["title", "author", "author", "list", "para", "note"]
        ));
        assert!(!accepts(&dfa, &mut names, &["title"]));
        assert!(!accepts(&dfa, &mut names, &["author", "title"]));
        assert!(!accepts(
            &dfa,
            &mut names,
            &["title", "author", "note", "para"]
        ));
        assert_eq!(
            ContentSpec::Children(p).render(),
            "(title, author+, (para | list)*, note?)"
        );
    }

    #[test]
    fn nested_nullable_groups_and_ambiguity() {
        use Occurrence::*;
        // ((a?, b?)+, c) and the ambiguous ((a, b) | (a, c))
        let p = Particle::Seq(
            vec![
                Particle::Seq(vec![n("a", Optional), n("b", Optional)], OneOrMore),
                n("c", One),
            ],
            One,
        );
        let mut names = Names(Vec::new());
        let dfa = compile(&p, &mut |s| names.id(s), 100).expect("compiles");
        assert!(accepts(&dfa, &mut names, &["c"]));
        assert!(accepts(&dfa, &mut names, &["b", "a", "b", "c"]));
        assert!(!accepts(&dfa, &mut names, &["a", "c", "c"]));
        let amb = Particle::Choice(
            vec![
                Particle::Seq(vec![n("a", One), n("b", One)], One),
                Particle::Seq(vec![n("a", One), n("c", One)], One),
            ],
            One,
        );
        let dfa = compile(&amb, &mut |s| names.id(s), 100).expect("compiles");
        assert!(!dfa.deterministic);
        assert!(accepts(&dfa, &mut names, &["a", "c"]));
        assert!(accepts(&dfa, &mut names, &["a", "b"]));
        assert!(!accepts(&dfa, &mut names, &["a"]));
    }

    #[test]
    fn state_bound_is_enforced() {
        use Occurrence::*;
        // (a | b)*, a, (a | b), (a | b), (a | b): the classic exponential blow-up.
        let ab = || Particle::Choice(vec![n("a", One), n("b", One)], One);
        let mut items = vec![Particle::Choice(vec![n("a", One), n("b", One)], ZeroOrMore)];
        items.push(n("a", One));
        for _ in 0..8 {
            items.push(ab());
        }
        let p = Particle::Seq(items, One);
        let mut names = Names(Vec::new());
        assert_eq!(compile(&p, &mut |s| names.id(s), 16), Err(TooComplex(16)));
    }
}
