#!/usr/bin/env bash
# Scores extraction from each corpus PDF against extraction from its pdftotext text, paper by
# paper (issue 10's acceptance): excite-en with score_refs.py, footnotes-en by counting
# footnotes and linked markers. Writes a Markdown table on stdout.
# Usage: scripts/score-pdf-vs-text.sh [PAPERMETA_BINARY]  (skips when ../shared is absent)
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${1:-target/release/papermeta}
SHARED=../shared
if [ ! -d "$SHARED/corpus" ]; then
  echo "score-pdf-vs-text: ../shared/corpus is absent; nothing scored"
  exit 0
fi
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT
cat > "$OUT/meta.toml" <<'M'
[journal]
id = "ssoar"
title = { en = "Social Science Open Access Repository" }
issn_print = "0000-0000"
M
score() { python3 "$SHARED/tools/score_refs.py" "$1" "$2" 2>/dev/null | awk '/^score/ {print $2}'; }
echo "| paper | from text | from PDF |"
echo "|---|---|---|"
for dir in "$SHARED"/corpus/excite-en/*/; do
  id=$(basename "$dir")
  for kind in txt pdf; do
    mkdir -p "$OUT/$kind"
    "$BIN" extract "$dir/$id.$kind" --meta "$OUT/meta.toml" --to jats -o "$OUT/$kind" -q >/dev/null 2>&1 || true
  done
  echo "| $id | $(score "$OUT/txt/$id.jats.xml" "$dir/$id.gold.json") | $(score "$OUT/pdf/$id.jats.xml" "$dir/$id.gold.json") |"
done
echo
echo "| paper | footnotes (text) | linked markers (text) | footnotes (PDF) | linked markers (PDF) |"
echo "|---|---|---|---|---|"
for f in "$SHARED"/corpus/footnotes-en/*.pdf; do
  stem=$(basename "$f" .pdf)
  row="| $stem"
  for kind in txt pdf; do
    mkdir -p "$OUT/$kind"
    "$BIN" extract "${f%.pdf}.$kind" --to model -o "$OUT/$kind" -q >/dev/null 2>&1 || true
    row="$row | $(python3 - "$OUT/$kind/$stem.model.json" <<'P'
import json, sys
try:
    d = json.load(open(sys.argv[1]))
except Exception:
    print("0 | 0"); sys.exit()
notes = d.get("back", {}).get("footnotes", [])
refs = set()
def walk(o):
    if isinstance(o, dict):
        if o.get("footnote_id"):
            refs.add(o["footnote_id"])
        for v in o.values():
            walk(v)
    elif isinstance(o, list):
        for v in o:
            walk(v)
walk(d.get("body", {}))
walk(d.get("front", {}))
linked = sum(1 for n in notes if n["id"] in refs)
print(f"{len(notes)} | {linked}")
P
)"
  done
  echo "$row |"
done
