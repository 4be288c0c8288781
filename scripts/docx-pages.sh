#!/usr/bin/env bash
# The Word report and the board page as people open and print them: writes
# both for each example with `smm report --format docx [--board]`, converts
# them to PDF in LibreOffice Writer and each page to a PNG, and prints the
# page counts. Look at every page: headings, tables with their header rows
# repeated, charts with their captions, nothing cut off; the board page is one
# A4 page. Installs Debian's libreoffice-writer-nogui, poppler-utils and the
# Carlito font (metric-compatible with Calibri, the report's font) when
# missing; not run by scripts/test.sh (tests/interop/docx_check.py, with
# python-docx, checks the structure and the figures on every run).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
missing=()
command -v soffice >/dev/null || missing+=(libreoffice-writer-nogui)
command -v pdftoppm >/dev/null || missing+=(poppler-utils)
[ -e /usr/share/fonts/truetype/crosextra/Carlito-Regular.ttf ] || missing+=(fonts-crosextra-carlito)
if [ "${#missing[@]}" -gt 0 ]; then
  echo "[docx-pages] installing ${missing[*]}"
  sudo_=""; [ "$(id -u)" -eq 0 ] || sudo_="sudo"
  $sudo_ apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_ apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
cargo build -q -p smm-cli --locked
out="${1:-tests/e2e/artifacts/docx-pages}"
rm -rf "$out"; mkdir -p "$out"
for ex in examples/*.smm.json; do
  name=$(basename "$ex" .smm.json)
  target/debug/smm report "$ex" --format docx > "$out/$name.docx"
  target/debug/smm report "$ex" --board --format docx > "$out/$name-board.docx"
  for doc in "$name" "$name-board"; do
    soffice --headless --convert-to pdf --outdir "$out" "$out/$doc.docx" >/dev/null 2>&1
    pages=$(pdfinfo "$out/$doc.pdf" | awk '/^Pages:/ {print $2}')
    pdftoppm -r 60 -png "$out/$doc.pdf" "$out/$doc-page"
    echo "$doc: $pages page(s) ($out/$doc.pdf, $out/$doc-page-*.png)"
  done
  boards=$(pdfinfo "$out/$name-board.pdf" | awk '/^Pages:/ {print $2}')
  [ "$boards" = 1 ] || { echo "the board page of $name takes $boards pages" >&2; exit 1; }
done
