"""Gold file (format of ../shared/tools/score_jats.py) and plain source text of a paper.

Both come from the same data the writers typeset; nothing here reads the PDF.
"""

import json

from model import Heading, Note, Para


def sections(paper):
    """The heading tree as score_jats.py reads it: body headings, then the reference list
    heading with its group titles (JATS ref-list titles count as headings there). The endnote
    heading is a note-group title in JATS, not a section, so it is left out."""
    root = []
    stack = []  # (level, node)
    for item in paper.body:
        if not isinstance(item, Heading):
            continue
        node = {"heading": item.text, "level": item.level, "children": []}
        while stack and stack[-1][0] >= item.level:
            stack.pop()
        (stack[-1][1]["children"] if stack else root).append(node)
        stack.append((item.level, node))
    if paper.references_heading:
        refs = {"heading": paper.references_heading, "level": 1, "children": []}
        for g in paper.reference_groups:
            if g.title:
                refs["children"].append({"heading": g.title, "level": 2, "children": []})
        root.append(refs)
    return root


def gold(paper):
    refs = paper.all_refs()
    index = {r.id: i for i, r in enumerate(refs)}
    notes = []
    for n in paper.all_notes():
        notes.append({"text": n.text, "cites_reference": index[n.ref] if n.ref else None})
    references = []
    for r in refs:
        entry = {"raw": r.raw}
        if r.year:
            entry["year"] = r.year
        if r.url:
            entry["url"] = r.url
        if r.family:
            entry["authors"] = [{"family": r.family}]
        references.append(entry)
    return {
        "case": paper.case,
        "note": "Invented paper, written from scratch and typeset by tools/arabic-corpus; "
        "this gold is the generator's own source data.",
        "language": "ar",
        "title": {"ar": paper.title_ar, "en": paper.title_en},
        "authors": [
            {"name_ar": a.name, "prefix": a.prefix, **({"email": a.email} if a.email else {})}
            for a in paper.authors
        ],
        "abstracts": [{"lang": a.lang, "text": a.text} for a in paper.abstracts],
        "keywords": {a.lang: list(a.keywords) for a in paper.abstracts},
        "sections": sections(paper),
        "footnotes": notes,
        "counts": {"in_text_markers": len(notes)},
        "references": references,
    }


def write_gold(paper, path):
    with open(path, "w", encoding="utf-8") as f:
        json.dump(gold(paper), f, ensure_ascii=False, indent=1)
        f.write("\n")


def source_text(paper):
    """Everything typeset except page furniture and note numbers, one paragraph a line, in
    logical order: the reference text for character error rates."""
    out = [paper.title_ar, paper.title_en]
    for a in paper.authors:
        out.append(f"{a.prefix} {a.name}")
        out.extend(a.affiliation)
        if a.email:
            out.append(a.email)
    for ab in paper.abstracts:
        out.append(f"{ab.label} {ab.text}")
        out.append(f"{ab.keywords_label} {ab.keywords_sep.join(ab.keywords)}")
    for item in paper.body:
        if isinstance(item, Heading):
            out.append(item.text)
        elif isinstance(item, Para):
            out.append("".join(p for p in item.parts if isinstance(p, str)))
    notes = [n.text for n in paper.all_notes()]
    if paper.notes == "footnotes":
        out.extend(notes)
    if paper.references_heading:
        out.append(paper.references_heading)
    for g in paper.reference_groups:
        if g.title:
            out.append(g.title)
        out.extend(r.raw for r in g.refs)
    if paper.notes == "endnotes":
        if paper.notes_heading:
            out.append(paper.notes_heading)
        out.extend(notes)
    return "\n".join(out) + "\n"
