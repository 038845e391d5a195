#!/usr/bin/env python3
"""Typesets the invented Arabic journal papers of papers/ and writes each as a golden case.

Usage: generate.py [--out DIR] [--keep] [CASE ...]

For each paper: ODT (LibreOffice, real footnotes/endnotes) or .tex (XeLaTeX, polyglossia +
Amiri) → input.pdf → `pdftotext -enc UTF-8 input.pdf` (default mode, as users run it) →
input.txt, plus gold.json and source.txt written from the paper's own data, and meta.toml
with the journal's record (no article title or authors: those must come from the text).
See README.md for the tools it needs.
"""

import argparse
import importlib
import os
import pkgutil
import re
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import gold  # noqa: E402
import odt  # noqa: E402

ROOT = os.path.abspath(os.path.join(HERE, "..", ".."))


def papers():
    pkg = os.path.join(HERE, "papers")
    for m in sorted(pkgutil.iter_modules([pkg]), key=lambda m: m.name):
        yield importlib.import_module(f"papers.{m.name}").PAPER


def run(cmd, cwd):
    r = subprocess.run(cmd, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    if r.returncode != 0:
        sys.exit(f"{' '.join(cmd)} failed in {cwd}:\n{r.stdout[-3000:]}")
    return r.stdout


def typeset(paper, work):
    """Returns the path of the PDF made in `work`."""
    if paper.engine == "odt":
        src = os.path.join(work, "paper.odt")
        odt.write_odt(paper, src)
        # A private profile keeps the conversion independent of the user's LibreOffice settings.
        profile = "file://" + os.path.join(work, "lo-profile")
        run(["soffice", f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
             "--outdir", work, src], work)
    elif paper.engine == "tex":
        typeset_tex(paper, work)
    else:
        sys.exit(f"{paper.case}: unknown engine {paper.engine}")
    return os.path.join(work, "paper.pdf")


def note_pages(work):
    """The page of each footnote, from the \\label{pmfnK} entries of paper.aux."""
    pages = {}
    with open(os.path.join(work, "paper.aux"), encoding="utf-8") as f:
        for line in f:
            m = re.match(r"\\newlabel\{pmfn(\d+)\}\{(.*)\}\s*$", line)
            if m:
                # {{number}{page}}: the page is the second balanced group
                groups, depth, start = [], 0, 0
                for i, c in enumerate(m.group(2)):
                    if c == "{":
                        depth += 1
                        if depth == 1:
                            start = i
                    elif c == "}":
                        depth -= 1
                        if depth == 0:
                            groups.append(m.group(2)[start + 1:i])
                pages[int(m.group(1))] = groups[1]
    return [pages[k] for k in sorted(pages)]


def typeset_tex(paper, work):
    """Footnotes are numbered per page, as the genre does: a first pass finds each note's page,
    later passes print its number on that page, until the pages no longer move."""
    import tex

    numbers = None
    for _ in range(4):
        with open(os.path.join(work, "paper.tex"), "w", encoding="utf-8") as f:
            f.write(tex.render(paper, numbers))
        for _ in range(2):
            run(["xelatex", "-interaction=nonstopmode", "-halt-on-error", "paper.tex"], work)
        pages = note_pages(work)
        new, count, last = [], 0, None
        for page in pages:
            count = count + 1 if page == last else 1
            last = page
            new.append(count)
        if new == numbers:
            return
        numbers = new
    sys.exit(f"{paper.case}: per-page note numbers do not settle")


def meta_toml(paper, pages):
    """The journal's record of the article; `pages` is the PDF's page count."""
    j = paper.journal
    last = j["first_page"] + pages - 1
    return (
        "# TEST DATA ONLY: an invented journal record for a paper written from scratch and typeset\n"
        "# by tools/arabic-corpus (see gold.json for what was typeset).\n"
        "[journal]\n"
        f'id = "{j["id"]}"\n'
        f'title = {{ ar = "{j["ar"]}", en = "{j["en"]}" }}\n'
        f'issn_print = "{j["issn"]}"\n\n'
        "[article]\n"
        f'volume = "{j["volume_num"]}"\n'
        f'issue = "{j["issue_num"]}"\n'
        f'published = "{j["published"]}"\n'
        f'pages = "{j["first_page"]}-{last}"\n'
        f'subject = "{j["subject"]}"\n'
    )


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--out", default=os.path.join(ROOT, "tests", "golden"))
    ap.add_argument("--keep", action="store_true", help="keep the work directory (ODT/TeX)")
    ap.add_argument("cases", nargs="*")
    args = ap.parse_args()
    for paper in papers():
        if args.cases and paper.case not in args.cases:
            continue
        work = tempfile.mkdtemp(prefix=f"{paper.case}-")
        pdf = typeset(paper, work)
        out = os.path.join(args.out, paper.case)
        os.makedirs(out, exist_ok=True)
        shutil.copyfile(pdf, os.path.join(out, "input.pdf"))
        run(["pdftotext", "-enc", "UTF-8", "input.pdf", "input.txt"], out)
        gold.write_gold(paper, os.path.join(out, "gold.json"))
        with open(os.path.join(out, "source.txt"), "w", encoding="utf-8") as f:
            f.write(gold.source_text(paper))
        size = os.path.getsize(os.path.join(out, "input.pdf"))
        pages = int(run(["pdfinfo", "input.pdf"], out).split("Pages:")[1].split()[0])
        with open(os.path.join(out, "meta.toml"), "w", encoding="utf-8") as f:
            f.write(meta_toml(paper, pages))
        print(f"{paper.case}: {pages} pages, {size // 1024} KB -> {out}")
        if size > 200 * 1024:
            sys.exit(f"{paper.case}: input.pdf is {size} bytes, over the 200 KB limit")
        if args.keep:
            print(f"  work directory: {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
