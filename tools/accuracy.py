#!/usr/bin/env python3
"""Scores papermeta on the development corpus (../shared/corpus) and on the repository's own
typeset Arabic cases, and writes one table per paper to docs/accuracy.md.

Usage: tools/accuracy.py [--bin PATH] [--out docs/accuracy.md] [--only excite|footnotes|arabic]
                         [--pdf] [--quiet]
  --bin   the papermeta binary (default: target/release/papermeta, else target/debug/papermeta)
  --pdf   also read each paper from its PDF (when papermeta reads PDFs), beside its text
Skips, with a message, when ../shared is absent. Nothing of the corpus is written to the
repository except the scores.

What is measured:
- excite-en: ../shared/tools/score_refs.py on each paper's JATS (references against the
  EXCITE gold); the mean score is the issue's figure.
- footnotes-en: the title and authors against the TEI header; footnotes found and the
  highest footnote number; markers linked; how many of the notes the TEI lists as citing a
  work carry a citation in our output.
- Arabic cases (tests/golden/arabic-pdf-*): ../shared/tools/score_jats.py against gold.json.
"""
import argparse, json, os, re, subprocess, sys, tempfile, time, unicodedata
import xml.etree.ElementTree as ET

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.path.join(os.path.dirname(ROOT), "shared")
CORPUS = os.path.join(SHARED, "corpus")
TOOLS = os.path.join(SHARED, "tools")
TEI = "{http://www.tei-c.org/ns/1.0}"

META = """[journal]
id = "corpus"
title = { en = "Development corpus" }
issn_print = "2070-9250"
"""


def norm(s):
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", s or "")).strip()


def run_papermeta(binary, inp, out_dir, meta):
    started = time.perf_counter()
    p = subprocess.run(
        [binary, "extract", inp, "-o", out_dir, "--meta", meta, "-q", "--partial", "--to", "jats,model"],
        capture_output=True, text=True,
    )
    elapsed = time.perf_counter() - started
    stem = os.path.splitext(os.path.basename(inp))[0]
    jats = os.path.join(out_dir, stem + ".jats.xml")
    return (jats if os.path.exists(jats) else None), p, elapsed


def load_jats(path):
    raw = open(path, "rb").read().decode("utf-8")
    raw = re.sub(r"<!DOCTYPE[^>]*>", "", raw, count=1)
    return ET.fromstring(raw)


def text_of(el):
    return norm("".join(el.itertext())) if el is not None else ""


def score_refs(jats, gold):
    p = subprocess.run([sys.executable, os.path.join(TOOLS, "score_refs.py"), jats or "-", gold, "--json"],
                       capture_output=True, text=True)
    try:
        return json.loads(p.stdout.strip().splitlines()[-1])
    except Exception:
        m = {}
        for line in p.stdout.splitlines():
            k, _, v = line.partition(" ")
            try:
                m[k] = float(v.split()[0])
            except Exception:
                pass
        return m


def excite(binary, work, variants):
    rows = []
    base = os.path.join(CORPUS, "excite-en")
    for pid in sorted(d for d in os.listdir(base) if os.path.isdir(os.path.join(base, d))):
        gold = os.path.join(base, pid, pid + ".gold.json")
        row = {"paper": pid}
        for v in variants:
            inp = os.path.join(base, pid, pid + (".txt" if v == "text" else ".pdf"))
            out = os.path.join(work, v, "excite", pid)
            os.makedirs(out, exist_ok=True)
            jats, proc, el = run_papermeta(binary, inp, out, os.path.join(work, "meta.toml"))
            m = score_refs(jats, gold)
            row[v] = {"score": m.get("score", 0.0), "f1": m.get("ref_f1", 0.0),
                      "gold": m.get("refs_gold"), "found": m.get("refs_found"),
                      "error": (proc.stderr.strip().splitlines() or [""])[-1] if jats is None else "",
                      "seconds": el}
        rows.append(row)
    return rows


def tei_facts(path):
    root = ET.parse(path).getroot()
    title = root.find(f".//{TEI}titleStmt/{TEI}title")
    authors = []
    for a in root.findall(f".//{TEI}titleStmt/{TEI}author"):
        names = [norm("".join(x.itertext())) for x in a.iter() if x.tag in (f"{TEI}forename", f"{TEI}surname")]
        if names:
            authors.append(" ".join(names))
    citing = set()
    for b in root.findall(f".//{TEI}listBibl/{TEI}biblStruct"):
        src = b.get("source") or ""
        m = re.match(r"fn(\d+)", src)
        if m:
            citing.add(int(m.group(1)))
    return text_of(title) if title is not None else "", authors, citing


def footnote_facts(jats):
    root = load_jats(jats)
    am = root.find("./front/article-meta")
    title = text_of(am.find("title-group/article-title")) if am is not None else ""
    names = []
    for c in (am.findall(".//contrib[@contrib-type='author']") if am is not None else []):
        n = c.find("name")
        if n is not None:
            names.append(norm(" ".join(x for x in [text_of(n.find("given-names")), text_of(n.find("surname"))] if x)))
        else:
            names.append(text_of(c.find("string-name")))
    fns = root.findall(".//fn-group/fn") + root.findall(".//back//fn")
    seen, notes = set(), []
    for f in fns:
        if f.get("id") in seen:
            continue
        seen.add(f.get("id"))
        label = text_of(f.find("label"))
        cites = f.find(".//xref[@ref-type='bibr']") is not None
        notes.append((label, cites, f.get("id")))
    # in-text markers, and the calls printed after an author's name (`Ann Lee 1`)
    markers = root.findall(".//body//xref[@ref-type='fn']") + root.findall(".//front//contrib/xref[@ref-type='fn']")
    linked = {m.get("rid") for m in markers}
    return title, names, notes, len(markers), linked


def footnotes(binary, work, variants):
    rows = []
    base = os.path.join(CORPUS, "footnotes-en")
    for name in sorted(f[:-4] for f in os.listdir(base) if f.endswith(".txt")):
        gtitle, gauthors, citing = tei_facts(os.path.join(base, name + ".gold.tei.xml"))
        row = {"paper": name}
        for v in variants:
            inp = os.path.join(base, name + (".txt" if v == "text" else ".pdf"))
            out = os.path.join(work, v, "footnotes", name)
            os.makedirs(out, exist_ok=True)
            jats, proc, el = run_papermeta(binary, inp, out, os.path.join(work, "meta.toml"))
            if jats is None:
                row[v] = {"error": (proc.stderr.strip().splitlines() or ["?"])[-1]}
                continue
            title, names, notes, markers, linked = footnote_facts(jats)
            numbers = [int(l) for l, _, _ in notes if l.isdigit()]
            by_number = {}
            for l, c, _ in notes:
                if l.isdigit():
                    by_number.setdefault(int(l), c)
            row[v] = {
                "title_exact": norm(title) == norm(gtitle),
                "authors": f"{sum(1 for g in gauthors if any(set(g.lower().split()) <= set(n.lower().split()) for n in names))}/{len(gauthors)}",
                "footnotes": len(notes), "max_number": max(numbers, default=0),
                "markers": markers, "notes_with_marker": sum(1 for _, _, i in notes if i in linked),
                "tei_notes_cited": f"{sum(1 for n in citing if by_number.get(n))}/{len(citing)}",
                "seconds": el,
            }
        rows.append(row)
    return rows


def arabic(binary, work, variants):
    rows = []
    golden = os.path.join(ROOT, "tests", "golden")
    for case in sorted(os.listdir(golden)):
        gold = os.path.join(golden, case, "gold.json")
        if not os.path.exists(gold):
            continue
        meta = os.path.join(golden, case, "meta.toml")
        row = {"paper": case}
        for v in variants:
            inp = os.path.join(golden, case, "input.txt" if v == "text" else "input.pdf")
            if not os.path.exists(inp):
                continue
            out = os.path.join(work, v, "arabic", case)
            os.makedirs(out, exist_ok=True)
            jats, proc, el = run_papermeta(binary, inp, out, meta if os.path.exists(meta) else os.path.join(work, "meta.toml"))
            p = subprocess.run([sys.executable, os.path.join(TOOLS, "score_jats.py"), jats or "-", gold],
                               capture_output=True, text=True)
            metrics = {}
            for line in p.stdout.splitlines():
                k, _, val = line.partition(" ")
                metrics[k] = val
            score = float(metrics.get("score", "0").split()[0]) if metrics.get("score") else 0.0
            row[v] = {"score": score, "metrics": metrics, "seconds": el}
        rows.append(row)
    return rows


def fmt_table(header, rows):
    out = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    out += ["| " + " | ".join(str(c) for c in r) + " |" for r in rows]
    return "\n".join(out)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin")
    ap.add_argument("--out", default=os.path.join(ROOT, "docs", "accuracy.md"))
    ap.add_argument("--only", choices=["excite", "footnotes", "arabic"])
    ap.add_argument("--pdf", action="store_true")
    ap.add_argument("--quiet", action="store_true")
    args = ap.parse_args()
    if not os.path.isdir(CORPUS):
        print(f"accuracy: {CORPUS} is absent; nothing measured")
        return 0
    binary = args.bin or next((p for p in (os.path.join(ROOT, "target", "release", "papermeta"),
                                             os.path.join(ROOT, "target", "debug", "papermeta")) if os.path.exists(p)), None)
    if not binary:
        print("accuracy: build papermeta first (cargo build --release)")
        return 2
    variants = ["text"] + (["pdf"] if args.pdf else [])
    work = tempfile.mkdtemp(prefix="papermeta-accuracy-")
    open(os.path.join(work, "meta.toml"), "w").write(META)
    parts = []
    summary = []
    if args.only in (None, "excite"):
        rows = excite(binary, work, variants)
        header = ["paper"] + [f"{v} {k}" for v in variants for k in ("score", "F1", "gold", "found")]
        table = []
        for r in rows:
            cells = [r["paper"]]
            for v in variants:
                x = r[v]
                cells += [f"{x['score']:.3f}", f"{x['f1']:.3f}", x["gold"], x["found"] if not x["error"] else f"error: {x['error'][:60]}"]
            table.append(cells)
        means = {v: sum(r[v]["score"] for r in rows) / len(rows) for v in variants}
        zero = {v: sum(1 for r in rows if not r[v]["found"]) for v in variants}
        for v in variants:
            summary.append(f"excite-en ({v}): mean score {means[v]:.3f} over {len(rows)} papers; {zero[v]} with no reference found")
        parts.append("## excite-en: references (score_refs.py)\n\n" + fmt_table(header, table))
    if args.only in (None, "footnotes"):
        rows = footnotes(binary, work, variants)
        keys = ["title_exact", "authors", "footnotes", "max_number", "markers", "notes_with_marker", "tei_notes_cited"]
        header = ["paper"] + [f"{v} {k}" for v in variants for k in keys]
        table = []
        for r in rows:
            cells = [r["paper"]]
            for v in variants:
                x = r[v]
                cells += [x.get(k, x.get("error", "")) for k in keys]
            table.append(cells)
        parts.append("## footnotes-en: notes, title, authors\n\n" + fmt_table(header, table))
        for r in rows:
            x = r["text"]
            summary.append(f"footnotes-en {r['paper']}: title {'exact' if x.get('title_exact') else 'wrong'}, authors {x.get('authors')}, "
                           f"{x.get('footnotes')} notes (highest {x.get('max_number')}), {x.get('notes_with_marker')} with a marker, TEI-cited notes linked {x.get('tei_notes_cited')}")
    if args.only in (None, "arabic"):
        rows = arabic(binary, work, variants)
        header = ["case"] + [f"{v} score" for v in variants] + ["text metrics"]
        table = []
        for r in rows:
            cells = [r["paper"]] + [f"{r[v]['score']:.3f}" if v in r else "" for v in variants]
            m = r.get("text", {}).get("metrics", {})
            cells.append(", ".join(f"{k} {v}" for k, v in m.items() if k != "score"))
            table.append(cells)
        parts.append("## Arabic typeset cases (score_jats.py against gold.json)\n\n" + fmt_table(header, table))
        for r in rows:
            scores = " / ".join("%s %.3f" % (v, r[v]["score"]) for v in variants if v in r)
            summary.append(f"arabic {r['paper']}: {scores}")
    if not args.quiet:
        print("\n".join(summary))
    if args.only is None:
        os.makedirs(os.path.dirname(args.out), exist_ok=True)
        with open(args.out, "w") as f:
            f.write("# Accuracy on the development corpus\n\nWritten by `tools/accuracy.py` "
                    "(papermeta on `../shared/corpus` and `tests/golden/arabic-pdf-*`); do not edit by hand.\n\n")
            f.write("\n".join(f"- {s}" for s in summary) + "\n\n")
            f.write("\n\n".join(parts) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
