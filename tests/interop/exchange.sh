#!/usr/bin/env bash
# The workbook and OSCAL exports checked by independent tools: openpyxl reads
# the workbook (sheets, values, validations, formatting, chart), edits it as a
# spreadsheet user would, and `smm apply-xlsx` must find exactly those changes;
# the hostile workbooks are refused or partly taken with their messages; the
# OSCAL document validates with compliance-trestle, and a broken one does not.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
SMM="$ROOT/target/debug/smm"
A="$ROOT/examples/bottling-line-asset-owner.smm.json"
T="$(mktemp -d)"
trap 'rm -rf "$T"' EXIT
"$SMM" report "$A" --format xlsx > "$T/book.xlsx"
python3 "$ROOT/tests/interop/xlsx_check.py" check "$T/book.xlsx" "$A"
edits=$(python3 "$ROOT/tests/interop/xlsx_check.py" edit "$T/book.xlsx" "$T/edited.xlsx")
"$SMM" apply-xlsx "$A" "$T/edited.xlsx" --output "$T/applied.json" 2> "$T/changes.txt"
python3 - "$A" "$T/applied.json" "$edits" "$T/changes.txt" <<'PY'
import json, sys
before, after, edits = json.load(open(sys.argv[1])), json.load(open(sys.argv[2])), json.loads(sys.argv[3])
changes = [l for l in open(sys.argv[4]) if '->' in l]
assert len(changes) == 5, changes  # a target, two indicators, an owner, a due date
pid, level = edits['target']
assert after['targets'][pid]['level'] == level, after['targets'][pid]
for i in edits['indicators']:
    assert i in after['results']['patch-management']['indicators_met'], i
assert after['plan'][edits['step']]['owner'] == edits['owner']
assert after['plan'][edits['step']]['due'] == edits['due']
# Nothing else changed.
for k in ('metadata', 'priorities', 'profiles'):
    assert before.get(k) == after.get(k), k
b, a = dict(before['targets']), dict(after['targets'])
b.pop(pid), a.pop(pid)
assert a == b, 'other targets unchanged'
for p, r in before['results'].items():
    if p != 'patch-management':
        assert after['results'][p] == r, p
print('ok: apply-xlsx found exactly the five edits')
PY
python3 "$ROOT/tests/interop/xlsx_check.py" hostile "$T/book.xlsx" "$T/hostile" > /dev/null
python3 - "$SMM" "$A" "$T/hostile" <<'PY'
import json, os, subprocess, sys
smm, a, d = sys.argv[1:]
expected = json.load(open(os.path.join(d, 'expected.json')))
for name, message in expected.items():
    out = subprocess.run([smm, 'apply-xlsx', a, os.path.join(d, name), '--output', os.devnull], capture_output=True, text=True)
    assert message in out.stderr, f'{name}: {message!r} not in {out.stderr[-500:]!r}'
    refused = name in ('another-assessment.xlsx', 'other-source.xlsx', 'csv-renamed.xlsx', 'password-protected.xlsx', 'zip-bomb.xlsx',
                       'review-shared-strings-17mib.xlsx', 'review-single-quoted-reversed-range.xlsx')
    assert out.returncode == (1 if refused else 0), f'{name}: exit {out.returncode}'
    if not refused:
        assert '0 change(s)' in out.stderr, f'{name}: nothing guessed'
print(f'ok: {len(expected)} hostile workbooks refused or partly taken with their messages')
PY
"$SMM" report "$A" --format oscal > "$T/results.json"
( cd "$T" && mkdir ws && cd ws && trestle init > /dev/null && trestle import -f "$T/results.json" -o bottling > /dev/null \
  && trestle validate -f assessment-results/bottling/assessment-results.json )
python3 - "$T/results.json" "$T/broken.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
d['assessment-results']['results'][0]['findings'][0]['target']['status']['state'] = 'maybe'
json.dump(d, open(sys.argv[2], 'w'))
PY
if ( cd "$T/ws" && trestle import -f "$T/broken.json" -o broken > /dev/null 2>&1 && trestle validate -f assessment-results/broken/assessment-results.json > /dev/null 2>&1 ); then
  echo "FAIL: trestle accepted a broken document, so the check proves nothing" >&2; exit 1
fi
echo "ok: the OSCAL assessment results validate with compliance-trestle (and a broken copy does not)"
# The Word report and the board page (issue 27): python-docx finds the styles,
# headings, tables with repeated header rows, images with alternative text and
# the figures of the JSON report, for every example.
for ex in "$ROOT"/examples/*.smm.json; do
  SMM_TODAY=2026-12-06 "$SMM" report "$ex" --format docx > "$T/report.docx"
  SMM_TODAY=2026-12-06 "$SMM" report "$ex" --format json > "$T/report.json"
  python3 "$ROOT/tests/interop/docx_check.py" report "$T/report.docx" "$T/report.json"
  SMM_TODAY=2026-12-06 "$SMM" report "$ex" --board --format docx > "$T/board.docx"
  SMM_TODAY=2026-12-06 "$SMM" report "$ex" --board --format json > "$T/board.json"
  python3 "$ROOT/tests/interop/docx_check.py" board "$T/board.docx" "$T/board.json"
done
