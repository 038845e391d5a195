#!/usr/bin/env python3
"""The expected title, authors, abstract and reference count of each JATS file, read with
lxml XPath, independently of papermeta's reader (tests/jats_corpus.rs compares them).

Usage: expected.py FILE... > expected.json

Named entities of the JATS/ISO entity sets are resolved by their HTML5 names (the sets agree
on every name the corpus uses), so no DTD is loaded."""

import html.entities
import json
import re
import sys

from lxml import etree

XML_ENTITIES = {"amp", "lt", "gt", "quot", "apos"}
ROLES = {"author", "editor", "translator"}


def resolve_entities(text):
    def repl(m):
        name = m.group(1)
        if name in XML_ENTITIES:
            return m.group(0)
        ch = html.entities.html5.get(name + ";")
        if ch is None:
            return m.group(0)
        return ch.replace("&", "&amp;").replace("<", "&lt;")

    return re.sub(r"&([A-Za-z][A-Za-z0-9]*);", repl, text)


# Prefixes the JATS DTDs declare as fixed attributes, so files may use them undeclared.
DTD_NAMESPACES = {
    "xlink": "http://www.w3.org/1999/xlink",
    "mml": "http://www.w3.org/1998/Math/MathML",
    "ali": "http://www.niso.org/schemas/ali/1.0/",
    "xsi": "http://www.w3.org/2001/XMLSchema-instance",
    "oasis": "http://www.niso.org/standards/z39-96/ns/oasis-exchange/table",
}


def declare_dtd_namespaces(text):
    # The root's start tag: the first element tag after any DOCTYPE and comments.
    body = re.sub(r"<!--.*?-->", lambda c: " " * len(c.group(0)), text, flags=re.S)
    doctype = re.search(r"<!DOCTYPE[^\[>]*(\[.*?\])?\s*>", body, flags=re.S)
    start = doctype.end() if doctype else 0
    m = re.compile(r"<[A-Za-z_][^\s/>]*").search(body, start)
    if not m:
        return text
    decls = "".join(
        f' xmlns:{p}="{uri}"' for p, uri in DTD_NAMESPACES.items() if f"xmlns:{p}=" not in text
    )
    return text[: m.end()] + decls + text[m.end():]


def strip_ns(root):
    for e in root.iter():
        if isinstance(e.tag, str) and "}" in e.tag:
            e.tag = e.tag.split("}", 1)[1]


def collapse(text):
    return " ".join(text.split())


def string_value(e):
    return "".join(e.itertext())


def role(contrib, group):
    def named(kind):
        if kind is None or kind.strip() in ("", "person", "individual"):
            return None
        return kind.strip()

    r = named(contrib.get("contrib-type")) or named(group.get("content-type")) or "author"
    return r


def name_of(contrib):
    for n in contrib.xpath("name | string-name | name-alternatives/*[self::name or self::string-name] | collab | collab-alternatives"):
        if n.tag == "name":
            given = collapse(string_value(n.find("given-names"))) if n.find("given-names") is not None else ""
            family = collapse(string_value(n.find("surname"))) if n.find("surname") is not None else ""
            suffix = collapse(string_value(n.find("suffix"))) if n.find("suffix") is not None else ""
            parts = [family, given] if n.get("name-style") == "eastern" else [given, family]
            return collapse(" ".join(p for p in parts + [suffix] if p))
        if n.tag == "string-name":
            text = "".join(
                t for t in n.xpath(".//text()[not(ancestor::prefix)]")
            )
            return collapse(text)
        # A collab's own name, without the members listed inside it.
        text = collapse("".join(n.xpath(".//text()[not(ancestor::*[self::contrib-group or self::address or self::email or self::xref][ancestor::collab])]")))
        if text:
            return text
    return None


def expected(path):
    with open(path, "rb") as f:
        raw = f.read()
    text = raw.decode("utf-8", errors="replace")
    # Drop the declaration (lxml refuses a str with an encoding declaration).
    text = re.sub(r"^\s*<\?xml[^>]*\?>", "", text)
    text = resolve_entities(text)
    text = declare_dtd_namespaces(text)
    parser = etree.XMLParser(load_dtd=False, no_network=True, resolve_entities=False, huge_tree=True)
    root = etree.fromstring(text.encode("utf-8"), parser)
    strip_ns(root)
    article = root if root.tag == "article" else (root.xpath("//article") or [None])[0]
    if article is None:
        return {"article": False}
    meta = article.xpath("front/article-meta")
    meta = meta[0] if meta else None
    title = subtitle = ""
    authors = []
    abstract = ""
    if meta is not None:
        t = meta.xpath("title-group/article-title")
        title = collapse(string_value(t[0])) if t else ""
        s = meta.xpath("title-group/subtitle")
        subtitle = collapse(string_value(s[0])) if s else ""
        for group in meta.xpath("contrib-group"):
            for c in group.xpath("contrib"):
                if role(c, group) != "author":
                    continue
                n = name_of(c)
                if n:
                    authors.append(n)
        parts = []
        for a in meta.xpath("abstract | trans-abstract"):
            parts.append(
                "".join(
                    a.xpath(
                        ".//text()[not(ancestor::object-id)"
                        " and not(ancestor::*[self::title or self::label][parent::abstract or parent::trans-abstract])]"
                    )
                )
            )
        abstract = re.sub(r"\s+", "", "".join(parts))
    refs = int(article.xpath("count(back//ref)"))
    return {
        "article": True,
        "title": title,
        "subtitle": subtitle,
        "authors": authors,
        "abstract_text": abstract,
        "references": refs,
    }


def main():
    out = {}
    for path in sys.argv[1:]:
        try:
            out[path] = expected(path)
        except etree.XMLSyntaxError as e:
            out[path] = {"error": str(e)}
    json.dump(out, sys.stdout, ensure_ascii=False, indent=1)


if __name__ == "__main__":
    main()
