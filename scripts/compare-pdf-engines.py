#!/usr/bin/env python3
"""Measures PDF text engines on real and typeset PDFs (docs/pdf-engines.md).

Usage: scripts/compare-pdf-engines.py ENGINE=COMMAND ... -- PDF...
  Each COMMAND is run as `COMMAND FILE.pdf` and must print the text on stdout, e.g.
  papermeta='target/release/examples/pdf_lines' pdftotext='pdftotext -enc UTF-8 {} -'
  (`{}` stands for the file when present).
For each PDF with a `.source.txt` beside it (the text that was typeset), the character error
rate and word recall are measured against it; otherwise against pdftotext's text (word F1,
order-insensitive, and CER). Also counted: Arabic presentation forms, bidi controls, reversed
lam-alef (`ال` read as `لا` + reversed `أ`), wall time and peak memory (GNU time).
Needs rapidfuzz (pip install rapidfuzz).
"""
import collections, re, subprocess, sys, time, os
from rapidfuzz.distance import Levenshtein

def run(cmd, pdf):
    argv = [a.replace('{}', pdf) for a in cmd.split()]
    if '{}' not in cmd:
        argv.append(pdf)
    t = time.time()
    p = subprocess.run(['/usr/bin/time', '-f', '%M'] + argv, capture_output=True)
    dt = time.time() - t
    try:
        rss = int(p.stderr.decode(errors='replace').strip().splitlines()[-1])
    except (ValueError, IndexError):
        rss = 0
    return p.stdout.decode('utf-8', errors='replace'), dt, rss, p.returncode

def norm(text):
    return re.sub(r'\s+', ' ', text.replace('\f', ' ')).strip()

def words(text):
    return collections.Counter(re.findall(r'\w+', text))

def f1(ref, out):
    common = sum((ref & out).values())
    if not common:
        return 0.0
    p, r = common / sum(out.values()), common / sum(ref.values())
    return 2 * p * r / (p + r)

def artefacts(text):
    return {
        'pres': sum(1 for c in text if 0xFB50 <= ord(c) <= 0xFDFF or 0xFE70 <= ord(c) <= 0xFEFF),
        'bidi': sum(1 for c in text if 0x202A <= ord(c) <= 0x202E or 0x2066 <= ord(c) <= 0x2069),
        'lamalef_rev': len(re.findall('األ|اإل|اآل|اهلل', text)),
    }

def main():
    argv = sys.argv[1:]
    sep = argv.index('--')
    engines = [a.split('=', 1) for a in argv[:sep]]
    pdfs = argv[sep + 1:]
    totals = collections.defaultdict(lambda: collections.defaultdict(float))
    print('| file | engine | ref | CER | word F1 | pres. forms | bidi ctrl | lam-alef rev. | time s | peak MiB |')
    print('|---|---|---|---|---|---|---|---|---|---|')
    for pdf in pdfs:
        source = os.path.splitext(pdf)[0] + '.source.txt'
        if os.path.exists(source):
            ref, refname = open(source, encoding='utf-8').read(), 'source'
        else:
            ref, _, _, _ = run('pdftotext -enc UTF-8 {} -', pdf)
            refname = 'pdftotext'
        nref = norm(ref)
        for name, cmd in engines:
            out, dt, rss, rc = run(cmd, pdf)
            nout = norm(out)
            cer = Levenshtein.distance(nref, nout) / max(1, len(nref))
            wf = f1(words(nref), words(nout))
            a = artefacts(out)
            t = totals[(name, refname)]
            t['n'] += 1; t['cer'] += cer; t['f1'] += wf; t['time'] += dt; t['rss'] = max(t['rss'], rss / 1024)
            for k, v in a.items():
                t[k] += v
            print(f"| {os.path.basename(pdf)} | {name} | {refname} | {cer:.3f} | {wf:.3f} | {a['pres']} | {a['bidi']} | {a['lamalef_rev']} | {dt:.3f} | {rss/1024:.0f} |" + ('' if rc == 0 else f' exit {rc}'))
    print()
    print('| engine | ref | files | mean CER | mean word F1 | pres. forms | bidi ctrl | lam-alef rev. | total time s | max peak MiB |')
    print('|---|---|---|---|---|---|---|---|---|---|')
    for (name, refname), t in sorted(totals.items(), key=lambda kv: (kv[0][1], kv[0][0])):
        n = t['n']
        print(f"| {name} | {refname} | {n:.0f} | {t['cer']/n:.3f} | {t['f1']/n:.3f} | {t['pres']:.0f} | {t['bidi']:.0f} | {t['lamalef_rev']:.0f} | {t['time']:.2f} | {t['rss']:.0f} |")

main()
