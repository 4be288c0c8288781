#!/usr/bin/env bash
# Prints the size of the release bundle in dist/, file by file and in total: raw,
# gzip -9 (the figure the budgets use) and brotli at quality 11 (what most
# static hosts serve; computed with Node's built-in zlib). The precompressed
# copies a release build writes beside each file (.gz, .br) are left out.
set -euo pipefail
DIST="${1:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/dist}"
brotli() { node -e 'const z=require("zlib");process.stdout.write(String(z.brotliCompressSync(require("fs").readFileSync(process.argv[1]),{params:{[z.constants.BROTLI_PARAM_QUALITY]:11}}).length))' "$1"; }
total_raw=0
total_gz=0
total_br=0
printf '%-48s %10s %10s %10s\n' "file" "bytes" "gzip" "brotli"
while IFS= read -r -d '' f; do
  raw=$(stat -c %s "$f")
  gz=$(gzip -9c "$f" | wc -c)
  br=$(brotli "$f")
  total_raw=$((total_raw + raw))
  total_gz=$((total_gz + gz))
  total_br=$((total_br + br))
  printf '%-48s %10d %10d %10d\n' "${f#"$DIST"/}" "$raw" "$gz" "$br"
done < <(find "$DIST" -type f ! -path '*/.stage/*' ! -name '*.gz' ! -name '*.br' -print0 | sort -z)
printf '%-48s %10d %10d %10d\n' "total" "$total_raw" "$total_gz" "$total_br"
