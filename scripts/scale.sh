#!/usr/bin/env bash
# Scale of the portfolio and the benchmark (issue 28): `smm portfolio` over 10,
# 100 and 1,000 assessment files and `smm benchmark` over 10, 100 and 1,000
# redacted files (copies of the twelve members in tests/fixtures/benchmark-members,
# each under its own id), timed with the debug build of the CLI (as the tests
# run it), printing the time per file so that linear growth shows. Prints
# figures; asserts nothing (crates/smm-core/tests/portfolio.rs holds the growth).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
cargo build -q -p smm-cli --locked
SMM="$ROOT/target/debug/smm"
T="$(mktemp -d)"; trap 'rm -rf "$T"' EXIT
python3 - "$T" <<'PY'
import glob, json, os, sys
out = sys.argv[1]
members = [json.load(open(p)) for p in sorted(glob.glob('tests/fixtures/benchmark-members/member-*.smm.json'))]
for i in range(1000):
    a = dict(members[i % len(members)])
    a['id'] = f'copy-{i:04}'
    json.dump(a, open(os.path.join(out, f'a-{i:04}.smm.json'), 'w'))
PY
all=("$T"/a-*.smm.json)
for n in 10 100 1000; do
  files=("${all[@]:0:$n}")
  for cmd in portfolio benchmark; do
    start=$(date +%s%N)
    if [ "$cmd" = portfolio ]; then "$SMM" portfolio "${files[@]}" --format json > /dev/null; else "$SMM" benchmark "${files[@]}" > /dev/null 2>&1 || true; fi
    ms=$(( ($(date +%s%N) - start) / 1000000 ))
    echo "smm $cmd over $n files: $ms ms ($(( ms * 1000 / n )) µs per file)"
  done
done
