#!/usr/bin/env bash
# Prints the size of the release bundle in dist/, raw and gzip -9, file by file and in total.
set -euo pipefail
DIST="${1:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/dist}"
total_raw=0
total_gz=0
printf '%-48s %10s %10s\n' "file" "bytes" "gzip"
while IFS= read -r -d '' f; do
  raw=$(stat -c %s "$f")
  gz=$(gzip -9c "$f" | wc -c)
  total_raw=$((total_raw + raw))
  total_gz=$((total_gz + gz))
  printf '%-48s %10d %10d\n' "${f#"$DIST"/}" "$raw" "$gz"
done < <(find "$DIST" -type f ! -path '*/.stage/*' -print0 | sort -z)
printf '%-48s %10d %10d\n' "total" "$total_raw" "$total_gz"
