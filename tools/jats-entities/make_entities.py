#!/usr/bin/env python3
"""make_entities.py VENDOR_PUBLISHING_DIR > schemas/jats/entities.tsv

Writes the named character entities that the official JATS 1.3 Journal Publishing DTD
declares (its ISO 8879, ISO 9573-13, xmlchars and MathML 2 alias entity sets, the same sets
JATS 1.0-1.2 and NLM 3.0 declare) as `name<TAB>code points`, one entity a line, sorted by
name. papermeta embeds the table to read real JATS files offline (src/extract/jats/entities.rs).
Usage: make_entities.py ../shared/vendor/jats-1.3/publishing > schemas/jats/entities.tsv
"""
import os
import re
import sys

SETS = ["iso8879", "iso9573-13", "xmlchars", "mathml"]
DECL = re.compile(r'<!ENTITY\s+([A-Za-z][A-Za-z0-9.]*)\s+"([^"]*)"\s*>')
# Parameter entity the astral-plane declarations use: `%plane1D;49C;` is `&#x1D49C;`.
PLANE = re.compile(r'%plane1D;')
CHARREF = re.compile(r'&#(?:38;#)?(?:x([0-9A-Fa-f]+)|([0-9]+));')


def main():
    base = sys.argv[1]
    table = {}
    for folder in SETS:
        for name in sorted(os.listdir(os.path.join(base, folder))):
            if not name.endswith(".ent"):
                continue
            with open(os.path.join(base, folder, name), encoding="utf-8") as f:
                text = f.read()
            for entity, value in DECL.findall(text):
                value = PLANE.sub("&#x1D", value)
                points = []
                rest = value
                while rest:
                    m = CHARREF.match(rest)
                    if not m:
                        sys.exit(f"{folder}/{name}: cannot read the value of {entity}: {value!r}")
                    points.append(int(m.group(1), 16) if m.group(1) else int(m.group(2)))
                    rest = rest[m.end():]
                # The first declaration of a name wins, as in XML.
                table.setdefault(entity, points)
    for entity in sorted(table):
        print(entity + "\t" + " ".join(f"{p:04X}" for p in table[entity]))


if __name__ == "__main__":
    main()
