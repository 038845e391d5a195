"""The source data of one invented paper, shared by the ODT and TeX writers and the gold writer.

A paper is plain Python data: the writers typeset it, and `gold.py` writes what was typeset as
the gold file, so gold and PDF cannot drift apart.
"""

from dataclasses import dataclass, field


@dataclass
class Note:
    """A footnote or endnote at its place in a paragraph. `ref` names the reference it cites."""

    text: str
    ref: str | None = None


@dataclass
class Para:
    """A body paragraph: strings and notes in reading order."""

    parts: list

    def __init__(self, *parts):
        self.parts = list(parts)


@dataclass
class Heading:
    """A section heading; `level` counts from 1."""

    level: int
    text: str


@dataclass
class Ref:
    """One reference entry as printed (without its list number)."""

    id: str
    raw: str
    year: str | None = None
    family: str | None = None  # first author's family name, or a corporate author
    url: str | None = None


@dataclass
class RefGroup:
    title: str | None
    refs: list


@dataclass
class Author:
    prefix: str  # academic prefix as printed: د. / أ.م.د. / م.م.
    name: str
    affiliation: list  # lines under the name
    email: str | None = None


@dataclass
class Abstract:
    lang: str  # ar, en, fr
    label: str  # printed label, e.g. "الملخص:" or "Abstract:"
    text: str
    keywords_label: str
    keywords: list
    keywords_sep: str = "، "


@dataclass
class Paper:
    case: str
    engine: str  # "odt" or "tex"
    journal: dict  # ar, en, issn, volume, issue, year, first_page
    title_ar: str
    title_en: str
    authors: list
    abstracts: list  # in printed order
    body: list  # Heading and Para items
    references_heading: str | None
    reference_groups: list
    notes: str = "footnotes"  # footnotes | endnotes | none
    notes_heading: str | None = None  # heading printed above endnotes
    style: dict = field(default_factory=dict)

    def all_refs(self):
        return [r for g in self.reference_groups for r in g.refs]

    def all_notes(self):
        return [p for item in self.body if isinstance(item, Para) for p in item.parts if isinstance(p, Note)]
