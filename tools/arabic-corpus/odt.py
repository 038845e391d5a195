"""Typesets a Paper as an OpenDocument text file (zip of content.xml, styles.xml, manifest) with
real LibreOffice footnotes or endnotes, running header and footer, as a journal's Word/Writer
template would. LibreOffice then converts it to PDF."""

import zipfile
from xml.sax.saxutils import escape

from model import Heading, Note, Para

NS = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
    'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" '
    'xmlns:loext="urn:org:documentfoundation:names:experimental:office:xmlns:loext:1.0" '
    'office:version="1.3"'
)

DEFAULTS = {
    "arabic_font": "KacstBook",
    "latin_font": "Liberation Serif",
    "body_size": "14pt",
    "note_size": "11pt",
    "body_align": "justify",
    "page_width": "17cm",
    "page_height": "24cm",
    "margin": "2cm",
    "page_digits": "1",  # LibreOffice num-format: "1" or "١, ٢, ٣"
    "note_prefix": "(",
    "note_suffix": ")",
    "header": None,  # text of the running header; default: journal name, volume and issue
    "footer_prefix": "",
    "line_height": "115%",
}


def paragraph_style(name, s, *, rtl=True, size=None, bold=False, align=None, indent=None,
                    space_before="0cm", space_after="0.15cm", hanging=None, keep_next=False):
    size = size or s["body_size"]
    align = align or ("justify" if rtl else "justify")
    mode = "rl-tb" if rtl else "lr-tb"
    weight = ' fo:font-weight="bold" style:font-weight-complex="bold"' if bold else ""
    extra = ""
    if indent:
        extra += f' fo:text-indent="{indent}"'
    if hanging:
        extra += f' fo:margin-right="{hanging}" fo:text-indent="-{hanging}"' if rtl else \
            f' fo:margin-left="{hanging}" fo:text-indent="-{hanging}"'
    if keep_next:
        extra += ' fo:keep-with-next="always"'
    lang = 'style:language-complex="ar" style:country-complex="IQ"'
    return (
        f'<style:style style:name="{name}" style:family="paragraph">'
        f'<style:paragraph-properties style:writing-mode="{mode}" fo:text-align="{align}" '
        f'fo:line-height="{s["line_height"]}" fo:margin-top="{space_before}" '
        f'fo:margin-bottom="{space_after}"{extra}/>'
        f'<style:text-properties style:font-name="{s["latin_font"]}" fo:font-size="{size}" '
        f'style:font-name-complex="{s["arabic_font"]}" style:font-size-complex="{size}" '
        f'{lang} fo:language="{"ar" if rtl else "en"}"{weight}/>'
        "</style:style>"
    )


def styles_xml(paper, s):
    j = paper.journal
    header = s["header"] or f'{j["ar"]} — المجلد {j["volume"]}، العدد {j["issue"]}، {j["year"]}'
    fonts = "".join(
        f'<style:font-face style:name="{f}" svg:font-family="&apos;{f}&apos;"/>'
        for f in {s["arabic_font"], s["latin_font"]}
    )
    small = "10pt"
    para = [
        paragraph_style("Standard", s),
        paragraph_style("Body", s, indent="0.8cm", align=s["body_align"]),
        paragraph_style("BodyFirst", s, align=s["body_align"]),
        paragraph_style("Title", s, size="17pt", bold=True, align="center", space_after="0.3cm"),
        paragraph_style("TitleEn", s, rtl=False, size="14pt", bold=True, align="center",
                        space_before="0.4cm", space_after="0.3cm"),
        paragraph_style("Author", s, size="13pt", bold=True, align="center", space_before="0.2cm",
                        space_after="0cm"),
        paragraph_style("Affil", s, size="11pt", align="center", space_after="0cm"),
        paragraph_style("Email", s, rtl=False, size="11pt", align="center", space_after="0.1cm"),
        paragraph_style("AbsLabel", s, size="13pt", bold=True, align="start", space_before="0.3cm",
                        keep_next=True),
        paragraph_style("Abs", s, size="12pt", align=s["body_align"]),
        paragraph_style("Kw", s, size="12pt", align="start", space_after="0.3cm"),
        paragraph_style("AbsLabelLtr", s, rtl=False, size="12pt", bold=True, align="start",
                        space_before="0.3cm", keep_next=True),
        paragraph_style("AbsLtr", s, rtl=False, size="11.5pt", align="justify"),
        paragraph_style("KwLtr", s, rtl=False, size="11.5pt", align="start", space_after="0.3cm"),
        paragraph_style("H1", s, size="15pt", bold=True, align="start", space_before="0.35cm",
                        keep_next=True),
        paragraph_style("H2", s, size="14pt", bold=True, align="start", space_before="0.25cm",
                        keep_next=True),
        paragraph_style("H3", s, size="14pt", bold=True, align="start", space_before="0.2cm",
                        keep_next=True),
        paragraph_style("Footnote", s, size=s["note_size"], align=s["body_align"], space_after="0cm"),
        paragraph_style("RefHead", s, size="15pt", bold=True, align="start", space_before="0.4cm",
                        keep_next=True),
        paragraph_style("RefGroup", s, size="13pt", bold=True, align="start",
                        space_before="0.2cm", keep_next=True),
        paragraph_style("Ref", s, size="12pt", align=s["body_align"], hanging="0.8cm",
                        space_after="0.05cm"),
        paragraph_style("RefLtr", s, rtl=False, size="11.5pt", align="justify", hanging="0.8cm",
                        space_after="0.05cm"),
        paragraph_style("Header", s, size=small, align="center", space_after="0cm"),
        paragraph_style("Footer", s, size=small, align="center", space_after="0cm"),
    ]
    text_styles = (
        '<style:style style:name="Footnote_20_Symbol" style:display-name="Footnote Symbol" '
        'style:family="text"/>'
        '<style:style style:name="Footnote_20_anchor" style:display-name="Footnote anchor" '
        'style:family="text"><style:text-properties style:text-position="super 58%"/></style:style>'
        '<style:style style:name="Endnote_20_Symbol" style:display-name="Endnote Symbol" '
        'style:family="text"/>'
        '<style:style style:name="Endnote_20_anchor" style:display-name="Endnote anchor" '
        'style:family="text"><style:text-properties style:text-position="super 58%"/></style:style>'
        '<style:style style:name="B" style:family="text"><style:text-properties '
        'fo:font-weight="bold" style:font-weight-complex="bold"/></style:style>'
    )
    notes_conf = (
        '<text:notes-configuration text:note-class="footnote" '
        'text:citation-style-name="Footnote_20_Symbol" '
        'text:citation-body-style-name="Footnote_20_anchor" text:default-style-name="Footnote" '
        f'style:num-prefix="{escape(s["note_prefix"])}" style:num-suffix="{escape(s["note_suffix"])}" '
        'style:num-format="1" text:start-value="0" text:footnotes-position="page" '
        'text:start-numbering-at="page"/>'
        '<text:notes-configuration text:note-class="endnote" '
        'text:citation-style-name="Endnote_20_Symbol" '
        'text:citation-body-style-name="Endnote_20_anchor" text:default-style-name="Footnote" '
        f'style:num-prefix="{escape(s["note_prefix"])}" style:num-suffix="{escape(s["note_suffix"])}" '
        'style:num-format="1" text:start-value="0"/>'
    )
    layout = (
        '<style:page-layout style:name="pm1">'
        f'<style:page-layout-properties fo:page-width="{s["page_width"]}" '
        f'fo:page-height="{s["page_height"]}" style:num-format="{s["page_digits"]}" '
        'style:writing-mode="rl-tb" '
        f'fo:margin-top="1.2cm" fo:margin-bottom="1.2cm" fo:margin-left="{s["margin"]}" '
        f'fo:margin-right="{s["margin"]}">'
        '<style:footnote-sep style:width="0.018cm" style:distance-before-sep="0.1cm" '
        'style:distance-after-sep="0.1cm" style:line-style="solid" style:adjustment="right" '
        'style:rel-width="33%" style:color="#000000"/>'
        '</style:page-layout-properties>'
        '<style:header-style><style:header-footer-properties fo:min-height="0.6cm" '
        'fo:margin-bottom="0.4cm" fo:border-bottom="0.5pt solid #000000"/></style:header-style>'
        '<style:footer-style><style:header-footer-properties fo:min-height="0.6cm" '
        'fo:margin-top="0.4cm"/></style:footer-style>'
        '</style:page-layout>'
    )
    master = (
        '<style:master-page style:name="Journal" style:page-layout-name="pm1">'
        f'<style:header><text:p text:style-name="Header">{escape(header)}</text:p></style:header>'
        f'<style:footer><text:p text:style-name="Footer">{escape(s["footer_prefix"])}'
        '<text:page-number text:select-page="current"/></text:p></style:footer>'
        '</style:master-page>'
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>'
        f"<office:document-styles {NS}>"
        f"<office:font-face-decls>{fonts}</office:font-face-decls>"
        f'<office:styles>{"".join(para)}{text_styles}{notes_conf}</office:styles>'
        f"<office:automatic-styles>{layout}</office:automatic-styles>"
        f"<office:master-styles>{master}</office:master-styles>"
        "</office:document-styles>"
    )


def note_xml(note, n, cls):
    return (
        f'<text:note text:id="{cls}{n}" text:note-class="{cls}">'
        f"<text:note-citation>{n}</text:note-citation><text:note-body>"
        f'<text:p text:style-name="Footnote">{escape(note.text)}</text:p>'
        "</text:note-body></text:note>"
    )


def p(style, text):
    return f'<text:p text:style-name="{style}">{text}</text:p>'


def bold(text):
    return f'<text:span text:style-name="B">{escape(text)}</text:span>'


def content_xml(paper, s):
    j = paper.journal
    out = []
    # The first paragraph carries the master page and the journal's first page number.
    auto = (
        '<style:style style:name="First" style:family="paragraph" style:parent-style-name="Title" '
        'style:master-page-name="Journal">'
        f'<style:paragraph-properties style:page-number="{j["first_page"]}"/></style:style>'
    )
    out.append(p("First", escape(paper.title_ar)))
    for a in paper.authors:
        out.append(p("Author", escape(f"{a.prefix} {a.name}")))
        for line in a.affiliation:
            out.append(p("Affil", escape(line)))
        if a.email:
            out.append(p("Email", escape(a.email)))
    for ab in paper.abstracts:
        rtl = ab.lang == "ar"
        if ab.lang != "ar" and ab.lang == "en":
            out.append(p("TitleEn", escape(paper.title_en)))
        out.append(p("AbsLabel" if rtl else "AbsLabelLtr", escape(ab.label)))
        out.append(p("Abs" if rtl else "AbsLtr", escape(ab.text)))
        out.append(p("Kw" if rtl else "KwLtr",
                     bold(ab.keywords_label) + " " + escape(ab.keywords_sep.join(ab.keywords))))
    cls = "endnote" if paper.notes == "endnotes" else "footnote"
    n = 0
    after_heading = True
    for item in paper.body:
        if isinstance(item, Heading):
            out.append(p(f"H{item.level}", escape(item.text)))
            after_heading = True
        elif isinstance(item, Para):
            parts = []
            for part in item.parts:
                if isinstance(part, Note):
                    n += 1
                    parts.append(note_xml(part, n, cls))
                else:
                    parts.append(escape(part))
            out.append(p("BodyFirst" if after_heading else "Body", "".join(parts)))
            after_heading = False
    if paper.references_heading:
        out.append(p("RefHead", escape(paper.references_heading)))
    for g in paper.reference_groups:
        if g.title:
            out.append(p("RefGroup", escape(g.title)))
        numbered = paper.style.get("numbered_refs", True)
        for i, r in enumerate(g.refs, 1):
            latin = sum(c.isascii() and c.isalpha() for c in r.raw) > len(r.raw) / 3
            label = f"{i}- " if numbered else ""
            out.append(p("RefLtr" if latin else "Ref", escape(label + r.raw)))
    if paper.notes == "endnotes" and paper.notes_heading:
        out.append(p("RefHead", escape(paper.notes_heading)))
    return (
        '<?xml version="1.0" encoding="UTF-8"?>'
        f"<office:document-content {NS}>"
        f"<office:automatic-styles>{auto}</office:automatic-styles>"
        f'<office:body><office:text>{"".join(out)}</office:text></office:body>'
        "</office:document-content>"
    )


MANIFEST = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" '
    'manifest:version="1.3">'
    '<manifest:file-entry manifest:full-path="/" '
    'manifest:media-type="application/vnd.oasis.opendocument.text"/>'
    '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
    '<manifest:file-entry manifest:full-path="styles.xml" manifest:media-type="text/xml"/>'
    "</manifest:manifest>"
)


def write_odt(paper, path):
    s = dict(DEFAULTS)
    s.update(paper.style)
    with zipfile.ZipFile(path, "w") as z:
        # The mimetype entry comes first and uncompressed, as ODF requires.
        z.writestr(zipfile.ZipInfo("mimetype", (2000, 1, 1, 0, 0, 0)),
                   "application/vnd.oasis.opendocument.text")
        for name, data in (
            ("styles.xml", styles_xml(paper, s)),
            ("content.xml", content_xml(paper, s)),
            ("META-INF/manifest.xml", MANIFEST),
        ):
            z.writestr(zipfile.ZipInfo(name, (2000, 1, 1, 0, 0, 0)), data, zipfile.ZIP_DEFLATED)
