#!/usr/bin/env bash
# Installs what is missing, then runs every check of SMM Navigator:
# rustfmt, the no-web-dependency rule of smm-core, clippy (host and wasm32),
# import circles, cargo deny, a release build with its size figures, the
# Playwright end-to-end tests and the long editing session (in the background,
# beside cargo doc, clippy and the test builds), then core and CLI tests (the
# layer and redaction tests among them), app unit and tidy tests, the fuzz
# targets' replays, smoke and growth check, the independent checkers, and the
# wasm-bindgen tests in headless Chromium.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
. "$ROOT/scripts/ensure-tools.sh"
cd "$ROOT"
export CHROMEDRIVER=/usr/bin/chromedriver
# A clean checkout gains nothing from incremental builds, which doubled the
# size of target/ (CI ran out of disk on 2026-12-06). Set it to 1 to keep them.
export CARGO_INCREMENTAL="${CARGO_INCREMENTAL:-0}"
df -h . | awk 'NR==2 {print "[test] disk: " $4 " free at the start"}'
start=$(date +%s)
step() { printf '\n\033[1m== %s\033[0m (%ss)\n' "$*" "$(( $(date +%s) - start ))"; }

step "rustfmt"
cargo fmt --all -- --check

step "smm-core has no web dependency"
if cargo tree -p smm-core -e normal,build --prefix none | grep -E '^(leptos|web-sys|js-sys|wasm-bindgen)[ _-]'; then
  echo "smm-core must not depend on leptos, web-sys, js-sys or wasm-bindgen" >&2
  exit 1
fi
echo "ok: no leptos, web-sys, js-sys or wasm-bindgen under smm-core"

step "no import circle in any crate or in src/ (scripts/import-circles.py)"
python3 scripts/import-circles.py .

step "cargo deny: licences, bans (a second version of a crate) and sources (deny.toml)"
# Advisories need the RustSec database, which these machines cannot fetch.
CARGO_DENY_VERSION="0.18.4"
if [ "$(cargo deny --version 2>/dev/null || true)" != "cargo-deny $CARGO_DENY_VERSION" ]; then
  echo "[test] installing cargo-deny $CARGO_DENY_VERSION (about 11 minutes on two cores, once)"
  cargo install cargo-deny --version "$CARGO_DENY_VERSION" --locked
fi
cargo deny --offline check licenses bans sources

step "the smm command for the end-to-end tests (a debug build, copied to target/e2e/smm)"
# The end-to-end tests compare the pages with the `smm` command. They run beside
# the builds below, so they call a copy (SMM_CLI): a `cargo run` would wait on
# cargo's lock, and a build beside them could replace target/debug/smm while a
# test runs it.
cargo build -p smm-cli --locked
mkdir -p target/e2e
cp target/debug/smm target/e2e/smm
export SMM_CLI="$ROOT/target/e2e/smm"

step "release build"
rm -rf dist
# The five bundles in one cargo call first: cargo links them side by side (each
# link is a whole-program optimisation on one core), where Trunk's five calls,
# one per bundle, wait on each other. Trunk then finds them built.
cargo build --release --locked --target wasm32-unknown-unknown -p smm-navigator --bins
trunk build --release --locked
scripts/size-report.sh

step "end-to-end tests (Playwright, headless Chromium) and the long editing session (2,000 edits; the full 10,000: scripts/long-session.sh) start in the background"
# The browser tests spend part of their time waiting on the page, so the builds
# and static checks below run beside them at a lower priority (nice 10), and the
# tests that time themselves run after them (2026-12-07, one machine: 1,154 s
# in all, against 1,212 s with the browser tests after everything else). Each end-to-end file has its own server on its own port and its
# own browser; two run at a time. The long session asserts what storage holds
# and how memory grows, never how long an edit takes; its own node process,
# because --test-timeout bounds a whole file and this one runs long.
mkdir -p tests/e2e/artifacts
node --test --test-timeout=2700000 --test-force-exit tests/soak/ >tests/e2e/artifacts/long-session.log 2>&1 &
soak=$!
node --test --test-concurrency=2 --test-timeout=300000 --test-force-exit tests/e2e/ >tests/e2e/artifacts/e2e.log 2>&1 &
e2e=$!
# Should a check below fail, the browser tests end with the script.
trap 'kill "$e2e" "$soak" 2>/dev/null || true' EXIT
renice -n 10 -p $$ >/dev/null 2>&1 || true

# The app is linted and documented for wasm32, where it ships (its only code
# compiled for the host is its unit tests, which --all-targets lints there too);
# the other crates for the host. So no check build of leptos is made for the host.
step "clippy (wasm32: the app, with its tests)"
cargo clippy -p smm-navigator --target wasm32-unknown-unknown --all-targets --locked -- -D warnings
step "cargo doc, warnings denied (the app for wasm32)"
RUSTDOCFLAGS="-D warnings" cargo doc --no-deps -p smm-navigator --target wasm32-unknown-unknown --locked

step "clippy (host: every crate but the app)"
cargo clippy --workspace --exclude smm-navigator --all-targets --locked -- -D warnings
step "cargo doc, warnings denied (every crate but the app)"
RUSTDOCFLAGS="-D warnings" cargo doc --no-deps --workspace --exclude smm-navigator --locked

step "test builds: core, charts, CLI, exchange, app (host and wasm32), fuzz targets, and the fuzz harness (optimised)"
cargo test --no-run -p smm-core -p smm-charts -p smm-cli -p smm-exchange --all-features --locked
cargo test --no-run -p smm-navigator --lib --test tidy --locked
cargo test --no-run -p smm-fuzz --locked
cargo test --no-run -p smm-navigator --target wasm32-unknown-unknown --test web --locked
cargo build -q --profile fuzz -p smm-fuzz --locked

step "waiting for the end-to-end tests and the long editing session"
e2e_status=0 soak_status=0
wait "$e2e" || e2e_status=$?
wait "$soak" || soak_status=$?
renice -n 0 -p $$ >/dev/null 2>&1 || true
cat tests/e2e/artifacts/e2e.log
echo "-- the long editing session:"
cat tests/e2e/artifacts/long-session.log
[ "$e2e_status" -eq 0 ] || { echo "end-to-end tests failed" >&2; exit "$e2e_status"; }
[ "$soak_status" -eq 0 ] || { echo "the long editing session failed" >&2; exit "$soak_status"; }

step "core (with the layer test), charts (PNG), CLI, exchange (with the redaction property test), app unit and tidy tests"
cargo test -p smm-core -p smm-charts -p smm-cli -p smm-exchange --all-features --locked
cargo test -p smm-navigator --lib --test tidy --locked

step "fuzz targets: every seed and saved finding replayed"
cargo test -p smm-fuzz --locked

step "fuzz smoke: every target, seed 1, a fixed count each, half the targets on each core (the long run is scripts/fuzz.sh)"
fuzz="${CARGO_TARGET_DIR:-target}/fuzz/smm-fuzz"
"$fuzz" smoke --part 2/2 >"$fuzz-smoke-2.log" 2>&1 &
half=$!
smoke=0
"$fuzz" smoke --part 1/2 || smoke=$?
wait "$half" || smoke=$?
cat "$fuzz-smoke-2.log"
[ "$smoke" -eq 0 ] || { echo "the fuzz smoke found something" >&2; exit "$smoke"; }

step "growth check: every target on the attack shapes at n and 8n (a ratio of 16 fails)"
"$fuzz" growth

step "independent checkers: the workbook (openpyxl), OSCAL (compliance-trestle) and the Word report (python-docx)"
tests/interop/exchange.sh

step "wasm-bindgen tests in headless Chromium"
cargo test -p smm-navigator --target wasm32-unknown-unknown --test web --locked

du -sh target 2>/dev/null | awk '{print "[test] target/ holds " $1}'
df -h . | awk 'NR==2 {print "[test] disk: " $4 " free at the end"}'
step "all checks passed in $(( $(date +%s) - start ))s"
