"""Typesets a Paper as a XeLaTeX document: polyglossia (Arabic main language, English and French
other languages), Amiri, bidi, real \\footnote with per-page numbering, fancyhdr running
header and footer."""

import re

from model import Heading, Note, Para

SPECIAL = {"\\": r"\textbackslash{}", "&": r"\&", "%": r"\%", "$": r"\$", "#": r"\#",
           "_": r"\_", "{": r"\{", "}": r"\}", "~": r"\textasciitilde{}", "^": r"\^{}"}


def esc(s):
    return "".join(SPECIAL.get(c, c) for c in s)


# Latin text and Western digit groups are set in the Latin font: with Amiri (Script=Arabic)
# XeTeX would shape "0.91" right to left even inside \LR.
LATIN_RUN = re.compile(
    r"[A-Za-zÀ-ÿ][A-Za-zÀ-ÿ0-9 .,:;'’&/-]*[A-Za-zÀ-ÿ0-9.]|[A-Za-zÀ-ÿ]|[0-9]+(?:[.,:/–-][0-9]+)*"
)


def latin_spans(s):
    """Escapes `s` and sets its runs of Latin text and digits left to right in the Latin font."""
    out, last = [], 0
    for m in LATIN_RUN.finditer(s):
        out.append(esc(s[last:m.start()]))
        out.append(f"\\textenglish{{{esc(m.group(0))}}}")
        last = m.end()
    out.append(esc(s[last:]))
    return "".join(out)


def is_latin(s):
    letters = [c for c in s if c.isalpha()]
    return letters and sum(c.isascii() or c in "éèàçôâêîûÉ" for c in letters) > len(letters) / 2


def render(paper, note_numbers=None):
    """`note_numbers`: the number to print for each note (per page), from a first pass; None
    numbers them through the document and labels each with its page."""
    j = paper.journal
    s = paper.style
    lines = [
        r"\documentclass[12pt]{article}",
        r"\usepackage[paperwidth=17cm,paperheight=24cm,top=2.2cm,bottom=2cm,left=2cm,right=2cm,headsep=0.5cm]{geometry}",
        r"\usepackage{fontspec}",
        r"\usepackage{fancyhdr}",
        r"\usepackage{polyglossia}",
        r"\setmainlanguage[numerals=maghrib]{arabic}" if s.get("western_digits") else r"\setmainlanguage{arabic}",
        r"\setotherlanguages{english,french}",
        r"\newfontfamily\arabicfont[Script=Arabic]{Amiri}",
        r"\newfontfamily\arabicfontsf[Script=Arabic]{Amiri}",
        r"\newfontfamily\arabicfonttt[Script=Arabic]{Amiri}",
        r"\setmonofont{Liberation Mono}",
        r"\setmainfont{Liberation Serif}",
        r"\pagestyle{fancy}",
        r"\fancyhf{}",
        f"\\fancyhead[C]{{\\small {esc(j['ar'])} -- المجلد {esc(j['volume'])}، العدد {esc(j['issue'])}، {esc(j['year'])}}}",
        f"\\fancyfoot[C]{{\\small {esc(s.get('footer_prefix', ''))}\\thepage}}",
        r"\renewcommand{\headrulewidth}{0.4pt}",
        r"\setlength{\parindent}{1em}",
        r"\begin{document}",
        f"\\setcounter{{page}}{{{j['first_page']}}}",
        r"\thispagestyle{fancy}",
        r"\begin{center}",
        f"{{\\Large\\bfseries {latin_spans(paper.title_ar)}\\par}}\\vspace{{0.6em}}",
    ]
    for a in paper.authors:
        lines.append(f"{{\\bfseries {esc(a.prefix)} {esc(a.name)}\\par}}")
        for aff in a.affiliation:
            lines.append(f"{{\\small {latin_spans(aff)}\\par}}")
        if a.email:
            lines.append(f"{{\\small \\LR{{\\texttt{{{esc(a.email)}}}}}\\par}}\\vspace{{0.4em}}")
    lines.append(r"\end{center}")
    for ab in paper.abstracts:
        if ab.lang == "ar":
            lines.append(f"\\noindent\\textbf{{{esc(ab.label)}}} {latin_spans(ab.text)}\\par\\smallskip")
            lines.append(f"\\noindent\\textbf{{{esc(ab.keywords_label)}}} {latin_spans(ab.keywords_sep.join(ab.keywords))}\\par\\medskip")
        else:
            lang = {"en": "english", "fr": "french"}[ab.lang]
            lines.append(f"\\begin{{{lang}}}")
            if ab.lang == "en":
                lines.append(f"\\begin{{center}}{{\\large\\bfseries {esc(paper.title_en)}\\par}}\\end{{center}}")
            lines.append(f"\\noindent\\textbf{{{esc(ab.label)}}} {esc(ab.text)}\\par\\smallskip")
            lines.append(f"\\noindent\\textbf{{{esc(ab.keywords_label)}}} {esc(ab.keywords_sep.join(ab.keywords))}\\par\\medskip")
            lines.append(f"\\end{{{lang}}}")
    notes_seen = []
    for item in paper.body:
        if isinstance(item, Heading):
            cmd = {1: "section", 2: "subsection", 3: "subsubsection"}[item.level]
            lines.append(f"\\{cmd}*{{{latin_spans(item.text)}}}")
        elif isinstance(item, Para):
            parts = []
            for part in item.parts:
                if isinstance(part, Note):
                    # bidi sets a Latin note left to right with \\LTRfootnote.
                    cmd = "LTRfootnote" if is_latin(part.text) else "footnote"
                    if is_latin(part.text):
                        body = f"\\textenglish{{{esc(part.text)}}}"
                    else:
                        body = latin_spans(part.text)
                    k = len(notes_seen)
                    notes_seen.append(k)
                    num = f"[{note_numbers[k]}]" if note_numbers else ""
                    parts.append(f"\\{cmd}{num}{{{body}\\label{{pmfn{k}}}}}")
                else:
                    parts.append(latin_spans(part))
            lines.append("".join(parts) + "\n")
    if paper.references_heading:
        lines.append(f"\\section*{{{esc(paper.references_heading)}}}")
    for g in paper.reference_groups:
        if g.title:
            lines.append(f"\\subsection*{{{esc(g.title)}}}")
        for r in g.refs:
            if is_latin(r.raw):
                lines.append(f"\\begin{{english}}\\noindent\\hangindent=1.5em {esc(r.raw)}\\par\\end{{english}}")
            else:
                lines.append(f"\\noindent\\hangindent=1.5em {latin_spans(r.raw)}\\par")
    lines.append(r"\end{document}")
    return "\n".join(lines) + "\n"
