#!/usr/bin/env bash
# The long fuzzing run: every smm-fuzz target (or those named) for a given
# time each, then a table of executions, executions per second, distinct
# outcomes, corpus size, crashes and hangs, with the seed.
#
#   scripts/fuzz.sh [--seconds N] [--seed S] [--engine libfuzzer|own] [TARGET...]
#
# --engine libfuzzer (the default): coverage-guided libFuzzer through
#   `cargo fuzz run --sanitizer none` (stable Rust), with smm-fuzz's
#   structure-aware mutations as its custom mutator. Corpora grow in
#   target/fuzz-corpus/<target>/ and are kept between runs.
# --engine own: smm-fuzz's own seeded harness (what CI's smoke uses).
#
# Every crash or hang is copied to crates/smm-fuzz/regressions/<target>/,
# where `cargo test -p smm-fuzz` replays it: fix the bug, keep the file.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export PATH="$HOME/.cargo/bin:$PATH"

SECONDS_EACH=600 SEED=1 ENGINE=libfuzzer TARGETS=()
while [ $# -gt 0 ]; do
  case "$1" in
    --seconds) SECONDS_EACH="$2"; shift 2 ;;
    --seed) SEED="$2"; shift 2 ;;
    --engine) ENGINE="$2"; shift 2 ;;
    -h|--help) sed -n 2,16p "$0"; exit 0 ;;
    *) TARGETS+=("$1"); shift ;;
  esac
done

cargo build -q --profile fuzz -p smm-fuzz
FUZZ="$ROOT/target/fuzz/smm-fuzz"
if [ ${#TARGETS[@]} -eq 0 ]; then
  mapfile -t TARGETS < <("$FUZZ" list | awk '{print $1}')
fi

if [ "$ENGINE" = own ]; then
  args=()
  for t in "${TARGETS[@]}"; do args+=(--target "$t"); done
  exec "$FUZZ" run --seconds "$SECONDS_EACH" --seed "$SEED" "${args[@]}"
fi

CARGO_FUZZ_VERSION="0.13.1"
if [ "$(cargo fuzz --version 2>/dev/null || true)" != "cargo-fuzz $CARGO_FUZZ_VERSION" ]; then
  echo "[fuzz] installing cargo-fuzz $CARGO_FUZZ_VERSION"
  cargo install cargo-fuzz --version "$CARGO_FUZZ_VERSION" --locked
fi
FUZZ_DIR="$ROOT/crates/smm-fuzz/libfuzzer"
cargo fuzz build --fuzz-dir "$FUZZ_DIR" --sanitizer none smm
BIN="$FUZZ_DIR/target/x86_64-unknown-linux-gnu/release/smm"

results=()
for t in "${TARGETS[@]}"; do
  corpus="$ROOT/target/fuzz-corpus/$t" artifacts="$ROOT/target/fuzz-artifacts/$t"
  mkdir -p "$corpus" "$artifacts"
  "$FUZZ" seeds --target "$t" --out "$ROOT/target/fuzz-seeds" >/dev/null
  case "$t" in workbook) max_len=1048576 ;; *) max_len=262144 ;; esac
  log="$artifacts/run.log"
  echo "[fuzz] $t: libFuzzer for ${SECONDS_EACH}s (seed $SEED)"
  set +e
  SMM_FUZZ_TARGET="$t" "$BIN" "$corpus" "$ROOT/target/fuzz-seeds/$t" \
    -seed="$SEED" -max_total_time="$SECONDS_EACH" -timeout=20 -rss_limit_mb=4096 -max_len="$max_len" \
    -artifact_prefix="$artifacts/" -print_final_stats=1 -close_fd_mask=3 >"$log" 2>&1
  status=$?
  set -e
  execs=$(sed -nE 's/^stat::number_of_executed_units: *([0-9]+).*/\1/p' "$log" | tail -1)
  rate=$(sed -nE 's/^stat::average_exec_per_sec: *([0-9]+).*/\1/p' "$log" | tail -1)
  crashes=0 hangs=0
  for f in "$artifacts"/crash-* "$artifacts"/oom-*; do
    [ -e "$f" ] || continue; crashes=$((crashes + 1))
    mkdir -p "crates/smm-fuzz/regressions/$t"; cp "$f" "crates/smm-fuzz/regressions/$t/"
  done
  for f in "$artifacts"/timeout-* "$artifacts"/slow-unit-*; do
    [ -e "$f" ] || continue; hangs=$((hangs + 1))
    mkdir -p "crates/smm-fuzz/regressions/$t"; cp "$f" "crates/smm-fuzz/regressions/$t/"
  done
  survey=$("$FUZZ" replay --target "$t" "$corpus" | tail -1)
  inputs=$(echo "$survey" | sed -E 's/.*: ([0-9]+) inputs.*/\1/')
  outcomes=$(echo "$survey" | sed -E 's/.* ([0-9]+) distinct outcomes.*/\1/')
  results+=("$(printf '%-12s %12s %10s %9s %8s %8s %6s %6s %6s' "$t" "${execs:-?}" "${rate:-?}" "$outcomes" "$inputs" "$crashes" "$hangs" "$status" "$SEED")")
done

printf '%-12s %12s %10s %9s %8s %8s %6s %6s %6s\n' target execs execs/s outcomes corpus crashes hangs exit seed
printf '%s\n' "${results[@]}"
