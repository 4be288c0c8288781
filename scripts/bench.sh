#!/usr/bin/env bash
# Builds the release and prints the performance figures of SMM Navigator on this
# machine: bundle and first-load size (raw and gzip), edit-to-update latency,
# time to interactive with 50 stored assessments, and Lighthouse scores and time
# to interactive (mobile settings) for the home, explorer, assessment and
# results pages. Figures, not pass/fail: each is printed with its budget.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
. "$ROOT/scripts/ensure-tools.sh"
cd "$ROOT"
rm -rf dist
trunk build --release >/dev/null 2>&1 || trunk build --release
echo "== bundle (dist/)"
scripts/size-report.sh
budget() { # label bytes limit-KiB
  if [ "$2" -le $(($3 * 1024)) ]; then echo "$1: $2 bytes gzip, within budget ($3 KiB)";
  else echo "$1: $2 bytes gzip, OVER budget ($3 KiB) by $(($2 - $3 * 1024)) bytes"; fi
}
total_gz=$(scripts/size-report.sh | awk '$1 == "total" { print $3 }')
budget "whole bundle" "$total_gz" 250
# First load: what index.html loads (the embed script is not part of it).
first_gz=$(scripts/size-report.sh | awk '$1 != "total" && $1 != "file" && $1 != "embed.js" { s += $3 } END { print s }')
budget "first load (HTML, JS, wasm with its data, CSS, service worker)" "$first_gz" 200
echo "== in headless Chromium"
node scripts/bench.mjs
echo "== Lighthouse"
node scripts/lighthouse.mjs
