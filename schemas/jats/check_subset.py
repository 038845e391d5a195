#!/usr/bin/env python3
"""check_subset.py OFFICIAL.dtd PROJECT.dtd

Proves, declaration by declaration, that the project's JATS DTD is never looser than the
official one (uses lxml's DTD reader, i.e. libxml2):
  - every element and attribute the project declares is declared by the official DTD;
  - attribute types match (an enumeration may narrow an enumeration or CDATA/NMTOKEN);
    #FIXED values match;
  - mixed content lists only children the official mix lists;
  - every child sequence an element-only model accepts is accepted by the official model
    (language inclusion by subset construction on Thompson automata).
Prints one line per problem and a summary; exits 1 on any problem.
"""
import sys

from lxml import etree


def ename(x):
    return (x.prefix + ":" if x.prefix else "") + x.name


class NFA:
    def __init__(self):
        self.eps, self.tr, self.n = {}, {}, 0

    def new(self):
        self.n += 1
        return self.n - 1

    def e(self, a, b):
        self.eps.setdefault(a, []).append(b)

    def t(self, a, sym, b):
        self.tr.setdefault(a, []).append((sym, b))


def build(nfa, c):
    if c is None or c.type == "pcdata":
        a = nfa.new()
        return a, a
    if c.type == "element":
        s, f = nfa.new(), nfa.new()
        nfa.t(s, ename(c) if hasattr(c, "prefix") else c.name, f)
    elif c.type == "seq":
        s1, f1 = build(nfa, c.left)
        s2, f2 = build(nfa, c.right)
        nfa.e(f1, s2)
        s, f = s1, f2
    else:  # or
        s, f = nfa.new(), nfa.new()
        for sub in (c.left, c.right):
            a, b = build(nfa, sub)
            nfa.e(s, a)
            nfa.e(b, f)
    if c.occur == "once":
        return s, f
    s2, f2 = nfa.new(), nfa.new()
    nfa.e(s2, s)
    nfa.e(f, f2)
    if c.occur in ("opt", "mult"):
        nfa.e(s2, f2)
    if c.occur in ("mult", "plus"):
        nfa.e(f, s)
    return s2, f2


def closure(nfa, states):
    stack, seen = list(states), set(states)
    while stack:
        x = stack.pop()
        for y in nfa.eps.get(x, []):
            if y not in seen:
                seen.add(y)
                stack.append(y)
    return frozenset(seen)


def step(nfa, states, sym):
    return closure(nfa, {b for x in states for (t, b) in nfa.tr.get(x, []) if t == sym})


def children(c, out):
    if c is None:
        return out
    if c.type == "element":
        out.add(c.name)
    children(c.left, out)
    children(c.right, out)
    return out


def model(e):
    if e.type in ("empty", "any"):
        return e.type, None
    if e.type == "mixed":
        return "mixed", children(e.content, set())
    nfa = NFA()
    s, f = build(nfa, e.content)
    return "element", (nfa, s, f)


def included(mine, official):
    (nfa, s, f), (onfa, os_, of) = mine, official
    start = (closure(nfa, {s}), closure(onfa, {os_}))
    seen, stack = {start}, [start]
    syms = {t for v in nfa.tr.values() for t, _ in v}
    while stack:
        a, b = stack.pop()
        if f in a and of not in b:
            return False
        for x in syms:
            a2 = step(nfa, a, x)
            if a2:
                pair = (a2, step(onfa, b, x))
                if pair not in seen:
                    seen.add(pair)
                    stack.append(pair)
    return True


def nullable(m):
    nfa, s, f = m
    return f in closure(nfa, {s})


def main(official_path, project_path):
    off, mine = etree.DTD(official_path), etree.DTD(project_path)
    official = {ename(e): e for e in off.iterelements()}
    problems = []
    count = 0
    for e in mine.iterelements():
        count += 1
        n = ename(e)
        o = official.get(n)
        if o is None:
            problems.append(f"<{n}> is not declared by the official DTD")
            continue
        attrs = {ename(a): a for a in o.iterattributes()}
        for a in e.iterattributes():
            an, oa = ename(a), attrs.get(ename(a))
            if oa is None:
                problems.append(f"<{n}> {an}: not declared by the official DTD")
                continue
            if a.type == "enumeration":
                if oa.type == "enumeration" and not set(a.values()) <= set(oa.values()):
                    extra = sorted(set(a.values()) - set(oa.values()))
                    problems.append(f"<{n}> {an}: values {extra} not in the official list")
                elif oa.type not in ("enumeration", "cdata", "nmtoken"):
                    problems.append(f"<{n}> {an}: enumeration where the official type is {oa.type}")
            elif a.type != oa.type:
                problems.append(f"<{n}> {an}: type {a.type}, official {oa.type}")
            if oa.default == "fixed" and (a.default != "fixed" or a.default_value != oa.default_value):
                problems.append(f"<{n}> {an}: official value is #FIXED {oa.default_value!r}")
        km, mm = model(e)
        ko, mo = model(o)
        if ko == "any" or km == "empty" and ko != "element":
            continue
        if km == "any":
            problems.append(f"<{n}> ANY is wider than the official model")
        elif ko == "empty":
            if km != "empty":
                problems.append(f"<{n}> official model is EMPTY")
        elif ko == "mixed":
            names = mm if km == "mixed" else children(e.content, set()) if km == "element" else set()
            if not names <= mo:
                problems.append(f"<{n}> children {sorted(names - mo)} not in the official mix")
        elif km == "mixed":
            problems.append(f"<{n}> mixed content where the official model is element-only")
        elif km == "empty":
            if not nullable(mo):
                problems.append(f"<{n}> EMPTY but the official model needs children")
        elif not included(mm, mo):
            problems.append(f"<{n}> accepts child sequences the official model rejects")
    for p in problems:
        print("WIDER", p)
    print(f"{count} project declarations checked, {len(problems)} wider than the official DTD")
    return 1 if problems else 0


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    sys.exit(main(sys.argv[1], sys.argv[2]))
