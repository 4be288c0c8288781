#!/usr/bin/env bash
# Builds the release and prints the performance figures of SMM Navigator on this
# machine: bundle size (raw and gzip), edit-to-update latency, and time to
# interactive with 50 stored assessments. Figures, not pass/fail.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
. "$ROOT/scripts/ensure-tools.sh"
cd "$ROOT"
rm -rf dist
trunk build --release >/dev/null 2>&1 || trunk build --release
echo "== bundle (dist/)"
scripts/size-report.sh
total_gz=$(scripts/size-report.sh | awk '$1 == "total" { print $3 }')
limit=$((250 * 1024))
if [ "$total_gz" -le "$limit" ]; then
  echo "bundle gzip: $total_gz bytes, within budget (250 KiB)"
else
  echo "bundle gzip: $total_gz bytes, OVER budget (250 KiB) by $((total_gz - limit)) bytes"
fi
echo "== in headless Chromium"
node scripts/bench.mjs
