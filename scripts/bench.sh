#!/usr/bin/env bash
# Builds the release and prints the performance figures of SMM Navigator on this
# machine: the size of every file and of each bundle (reader, workbench,
# on-demand worker), the first load of each reader page, the documentation page
# and a workbench page as transferred, the background fetch after one visit,
# edit-to-update latency, time to interactive with 50 stored assessments, the
# on-demand worker's first job, and Lighthouse scores (mobile, median of 3) for
# three reader and two workbench pages. Figures, not pass/fail: each is printed
# with its budget and, when missed, by how much.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
. "$ROOT/scripts/ensure-tools.sh"
cd "$ROOT"
rm -rf dist
cargo build -q --release --locked --target wasm32-unknown-unknown -p smm-navigator --bins
trunk build --release --locked >/dev/null 2>&1 || trunk build --release --locked
echo "== bundle (dist/)"
scripts/size-report.sh
budget() { # label bytes limit-KiB
  if [ "$2" -le $(($3 * 1024)) ]; then echo "$1: $2 bytes gzip, within budget ($3 KiB)";
  else echo "$1: $2 bytes gzip, OVER budget ($3 KiB) by $(($2 - $3 * 1024)) bytes"; fi
}
gz() { gzip -9c "dist/$1" | wc -c; }
br() { node -e 'const z=require("zlib");process.stdout.write(String(z.brotliCompressSync(require("fs").readFileSync(process.argv[1]),{params:{[z.constants.BROTLI_PARAM_QUALITY]:11}}).length))' "dist/$1"; }
# A page's first load from the files: the page, boot.js, main.css, its module and wasm
# (what the browser fetches; the bench in Chromium below measures the same on the wire).
first_load() { # page bundle -> "gzip brotli"
  local g=0 b=0
  for f in "$1" boot.js main.css "$2.js" "$2_bg.wasm"; do g=$(( g + $(gz "$f") )); b=$(( b + $(br "$f") )); done
  echo "$g $b"
}
read -r wb_gz wb_br < <(first_load workbench.html workbench)
budget "workbench first load from the files (workbench.html, boot.js, main.css, workbench.js, workbench_bg.wasm)" "$wb_gz" 300
echo "  the same in brotli (quality 11, the .br files beside them in dist/): $wb_br bytes"
read -r rd_gz rd_br < <(first_load index.html reader)
budget "reader first load from the files (index.html, boot.js, main.css, reader.js, reader_bg.wasm)" "$rd_gz" 160
echo "  the same in brotli: $rd_br bytes"
read -r rv_gz rv_br < <(first_load review.html review)
echo "review page first load from the files (frameworks, trust, report, history; no budget of its own): $rv_gz bytes gzip, $rv_br brotli"
read -r ex_gz ex_br < <(first_load exchange.html exchange)
echo "exchange page first load from the files (interviews, workbook, OSCAL; no budget of its own): $ex_gz bytes gzip, $ex_br brotli"
fw_files=0
for f in dist/frameworks/*.json dist/mappings/*.json; do fw_files=$(( fw_files + $(gzip -9c "$f" | wc -c) )); done
echo "framework catalogues and mappings fetched with the frameworks view (dist/frameworks, dist/mappings): $fw_files bytes gzip"
echo "on-demand worker (worker_loader.js, worker.js, worker_bg.wasm): $(( $(gz worker_loader.js) + $(gz worker.js) + $(gz worker_bg.wasm) )) bytes gzip"
echo "== in headless Chromium"
node scripts/bench.mjs
echo "== Lighthouse"
node scripts/lighthouse.mjs
