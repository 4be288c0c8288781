#!/usr/bin/env bash
# The workbook as people print it: writes the workbook of each example with
# `smm report --format xlsx`, converts it to PDF in LibreOffice Calc (as a user
# would print it) and each page to a PNG, and prints the pages per sheet.
# Look at the PNGs: no text runs over the row below, every column of a sheet
# is on the page, the header row is on every page, the footer names the sheet.
# Installs Debian's libreoffice-calc-nogui, poppler-utils and the Carlito font
# (metric-compatible with Calibri, the workbook's font) when missing; not run
# by scripts/test.sh (tests/print.rs in crates/smm-exchange checks the page
# set-up and the row heights on every run).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
missing=()
command -v soffice >/dev/null || missing+=(libreoffice-calc-nogui)
command -v pdftoppm >/dev/null || missing+=(poppler-utils)
[ -e /usr/share/fonts/truetype/crosextra/Carlito-Regular.ttf ] || missing+=(fonts-crosextra-carlito)
if [ "${#missing[@]}" -gt 0 ]; then
  echo "[workbook-pages] installing ${missing[*]}"
  sudo_=""; [ "$(id -u)" -eq 0 ] || sudo_="sudo"
  $sudo_ apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_ apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
cargo build -q -p smm-cli --locked
out="${1:-tests/e2e/artifacts/workbook-pages}"
rm -rf "$out"; mkdir -p "$out"
for ex in examples/*.smm.json; do
  name=$(basename "$ex" .smm.json)
  target/debug/smm report "$ex" --format xlsx > "$out/$name.xlsx"
  soffice --headless --convert-to pdf --outdir "$out" "$out/$name.xlsx" >/dev/null 2>&1
  pages=$(pdfinfo "$out/$name.pdf" | awk '/^Pages:/ {print $2}')
  pdftoppm -r 60 -png "$out/$name.pdf" "$out/$name-page"
  echo "$name: $pages pages ($out/$name.pdf, $out/$name-page-*.png)"
  # The sheet each page belongs to, from its footer.
  for p in $(seq 1 "$pages"); do
    pdftotext -f "$p" -l "$p" -layout "$out/$name.pdf" - | grep -Eo '^\S+\s+Page [0-9]+ of [0-9]+' | tail -1 | sed "s/^/  page $p: /" || true
  done
done
