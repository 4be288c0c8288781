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
trunk build --release --locked >/dev/null 2>&1 || trunk build --release --locked
echo "== bundle (dist/)"
scripts/size-report.sh
budget() { # label bytes limit-KiB
  if [ "$2" -le $(($3 * 1024)) ]; then echo "$1: $2 bytes gzip, within budget ($3 KiB)";
  else echo "$1: $2 bytes gzip, OVER budget ($3 KiB) by $(($2 - $3 * 1024)) bytes"; fi
}
gz() { gzip -9c "dist/$1" | wc -c; }
# The workbench bundle: its page, module and wasm (440 KB gzip was the whole app
# before the split; it must not grow beyond that).
wb=$(( $(gz workbench.html) + $(gz workbench.js) + $(gz workbench_bg.wasm) ))
budget "workbench bundle (workbench.html, workbench.js, workbench_bg.wasm)" "$wb" 440
# Issue 13: the CSF and ISO catalogues and mappings are workbench data only; the
# workbench wasm may grow by at most their compressed size plus 15 KiB over the
# wasm before them (427,488 bytes gzip: scripts/size-ablation.sh on commit ef92954).
# All framework data (62443 too) now stays out of the wasm: dist/frameworks/ and
# dist/mappings/ are fetched when the frameworks view opens (and cached offline).
D=crates/smm-core/data
new_data=$(( $(gzip -9c $D/frameworks/csf-2.0.json | wc -c) + $(gzip -9c $D/frameworks/iso27001-2022.json | wc -c) \
  + $(gzip -9c $D/mappings/indicative-csf-2.0.json | wc -c) + $(gzip -9c $D/mappings/indicative-iso27001-2022.json | wc -c) ))
growth=$(( $(gz workbench_bg.wasm) - 427488 ))
allowed=$(( new_data + 15 * 1024 ))
if [ "$growth" -le "$allowed" ]; then verdict="within budget"; else verdict="OVER budget by $(( growth - allowed )) bytes"; fi
echo "workbench growth for the frameworks view: $growth bytes gzip; new data $new_data bytes gzip + 15 KiB = $allowed allowed: $verdict"
fw_files=0
for f in dist/frameworks/*.json dist/mappings/*.json; do fw_files=$(( fw_files + $(gzip -9c "$f" | wc -c) )); done
echo "framework catalogues and mappings fetched with the frameworks view (dist/frameworks, dist/mappings): $fw_files bytes gzip"
echo "reader bundle (reader.js, reader_bg.wasm): $(( $(gz reader.js) + $(gz reader_bg.wasm) )) bytes gzip"
echo "on-demand worker (worker_loader.js, worker.js, worker_bg.wasm): $(( $(gz worker_loader.js) + $(gz worker.js) + $(gz worker_bg.wasm) )) bytes gzip"
echo "exchange bundle (exchange.html, exchange.js, exchange_bg.wasm): interviews, spreadsheet and OSCAL pages: $(( $(gz exchange.html) + $(gz exchange.js) + $(gz exchange_bg.wasm) )) bytes gzip"
# Issue 14: the workbench grew by the encrypted export and import, evidence
# fingerprints and the assessment format 5; the interviews, the workbook and
# OSCAL live in the exchange bundle and the shipped profiles are fetched like the frameworks. 439,726 bytes
# gzip was the workbench wasm before issue 14 (commit c8529ba).
echo "workbench wasm growth in issue 14: $(( $(gz workbench_bg.wasm) - 439726 )) bytes gzip (reason: encryption, fingerprints and format 5 in the workbench; see the issue)"
echo "== in headless Chromium"
node scripts/bench.mjs
echo "== Lighthouse"
node scripts/lighthouse.mjs
