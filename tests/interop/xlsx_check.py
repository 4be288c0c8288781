#!/usr/bin/env python3
"""Checks SMM Navigator's workbook with an independent reader (openpyxl), then
edits it as a spreadsheet user would and saves the edited copy.

    xlsx_check.py check BOOK.xlsx ASSESSMENT.json      # sheets, values, validations, formatting, chart
    xlsx_check.py edit BOOK.xlsx EDITED.xlsx           # a target, two indicators, an owner and a due date
    xlsx_check.py hostile BOOK.xlsx OUTDIR             # the hostile workbooks made from a real one
Prints what it found; exits non-zero on the first failed check."""
import json, os, sys, zipfile

import openpyxl

SHEETS = ['Overview', 'Targets', 'Priorities', 'Indicators', 'Results', 'Gaps', 'Roadmap', 'Frameworks']
# The edits `edit` makes, also what the tests expect to come back.
EDIT_TARGET = ('threat-modeling', 3)
EDIT_PRACTICE = 'patch-management'  # two of its unmet indicators are marked met
EDIT_OWNER = 'K. Adeyemi (OT engineering)'
EDIT_DUE = '2027-06-30'


def fail(msg):
    print('FAIL:', msg)
    sys.exit(1)


def rows(ws):
    return [[c.value for c in r] for r in ws.iter_rows()]


def validations(ws):
    out = {}
    for dv in ws.data_validations.dataValidation:
        out[str(dv.sqref)] = (dv.type, dv.formula1, dv.formula2)
    return out


def check(book, assessment_path):
    a = json.load(open(assessment_path))
    wb = openpyxl.load_workbook(book)
    if wb.sheetnames != SHEETS:
        fail(f'sheets {wb.sheetnames}')
    ov = {r[0]: r[1] for r in rows(wb['Overview']) if r[0]}
    if ov.get('format') != 'smm-navigator/workbook' or ov.get('assessment_id') != a['id'] or ov.get('Assessment') != a['metadata']['name']:
        fail(f'overview {ov}')
    if not any('SMM Navigator' in str(v) for v in ov.values()):
        fail('the roll-up formulas are not labelled as SMM Navigator\'s own')
    t = wb['Targets']
    if t.freeze_panes != 'A2':
        fail(f'Targets freeze panes {t.freeze_panes}')
    if t.column_dimensions['F'].width < 40:
        fail('the rationale column is narrow')
    body = {r[0]: r for r in rows(t)[1:]}
    if len(body) != 18:
        fail(f'{len(body)} practices on Targets')
    for pid, target in a['targets'].items():
        r = body[pid]
        if r[2] != target['level'] or r[3] != target['scope'] or (r[5] or '') != target.get('rationale', ''):
            fail(f'Targets row {pid}: {r} vs {target}')
    if not t['F2'].alignment.wrap_text:
        fail('rationales do not wrap')
    v = validations(t)
    if ('whole', '0', '4') not in v.values():
        fail(f'no level validation on Targets: {v}')
    if not any(x[0] == 'list' and 'industry' in (x[1] or '') for x in v.values()):
        fail(f'no scope drop-down: {v}')
    ind = wb['Indicators']
    met = {r[0]: r[4] for r in rows(ind)[1:]}
    for pid, res in a['results'].items():
        for i in res.get('indicators_met', []):
            if '.' in i and i.count('.') == 2 and met.get(i) != 'yes':
                fail(f'indicator {i} not yes')
    if not any(x[0] == 'list' and 'yes' in (x[1] or '') for x in validations(ind).values()):
        fail('no yes/no drop-down on Indicators')
    if not any(x[0] == 'list' and 'high' in (x[1] or '') for x in validations(wb['Priorities']).values()):
        fail('no priority drop-down')
    rm = wb['Roadmap']
    if not any(x[0] == 'list' and 'in-progress' in (x[1] or '') for x in validations(rm).values()):
        fail('no status drop-down on Roadmap')
    plan = {r[0]: r for r in rows(rm)[1:]}
    for step, p in a.get('plan', {}).items():
        if step in plan and (plan[step][5] or '') != p.get('owner', ''):
            fail(f'roadmap owner of {step}')
    gaps = wb['Gaps']
    cf = gaps.conditional_formatting
    ranges = sorted(str(r.sqref) for r in cf)
    if ranges != ['F2:F19', 'G2:G19']:
        fail(f'conditional formatting ranges {ranges}')
    if len(gaps._charts) != 1:
        fail('no chart on Gaps')
    res = {r[0]: r for r in rows(wb['Results'])[1:]}
    for pid, r in a['results'].items():
        if (res[pid][7] or '') != r.get('notes', ''):
            fail(f'notes of {pid}')
    fw = rows(wb['Frameworks'])
    if not any(r[0] == 'csf-2.0' for r in fw[1:]):
        fail('no CSF coverage')
    # Every coverage row names the mapping it was read through (the shipped ones say "Indicative").
    if fw[0][6] != 'Mapping read' or not all('Indicative' in (r[6] or '') for r in fw[1:] if r[1]):
        fail('a Frameworks row does not name its mapping')
    ind = rows(wb['Indicators'])
    if ind[0][5] != 'Counts toward the level':
        fail(f'Indicators column F is {ind[0][5]!r}')
    counts = {r[5] for r in ind[1:]}
    if 'yes' not in counts or not any(str(c).startswith('no: for ') for c in counts):
        fail(f'Indicators column F does not fold the indicators for other roles: {sorted(map(str, counts))[:5]}')
    print('ok: sheets, values, widths, wrapping, frozen headers, validations, conditional formats, chart')


def edit(book, out):
    wb = openpyxl.load_workbook(book)
    t = wb['Targets']
    for r in t.iter_rows(min_row=2):
        if r[0].value == EDIT_TARGET[0]:
            r[2].value = EDIT_TARGET[1]
    ticked = []
    for r in wb['Indicators'].iter_rows(min_row=2):
        if r[1].value == EDIT_PRACTICE and r[4].value == 'no' and len(ticked) < 2:
            r[4].value = 'yes'
            ticked.append(r[0].value)
    rm = wb['Roadmap']
    first = next(rm.iter_rows(min_row=2))
    first[5].value = EDIT_OWNER
    first[6].value = EDIT_DUE
    wb.save(out)
    print(json.dumps({'target': EDIT_TARGET, 'indicators': ticked, 'step': first[0].value, 'owner': EDIT_OWNER, 'due': EDIT_DUE}))


# What the import says of each of the review's workbooks (filled in from the reader).
REVIEW_MESSAGES = {
    # 2 MiB of '<' in the Targets sheet: read in well under a second, nothing in it is a change.
    'review-run-of-lt.xlsx': 'Targets: the sheet could not be read (damaged)',
    'review-single-quoted-reversed-range.xlsx': 'a range that ends before it starts (`B2:A1`)',
    # A date serial far outside a spreadsheet's dates stays a number (no overflow).
    'review-date-1e300.xlsx': 'is not a practice id; row left out',
    'review-shared-strings-17mib.xlsx': 'unpacks to more than 16 MiB',
}


def hostile(book, outdir):
    """The hostile workbooks: each from the real one, and the message the import must give."""
    os.makedirs(outdir, exist_ok=True)
    cases = {}
    def save(name, wb, message):
        wb.save(os.path.join(outdir, name))
        cases[name] = message
    wb = openpyxl.load_workbook(book); wb['Targets']['C3'] = '=2+1'
    save('formula-in-level.xlsx', wb, 'a formula (=2+1) where a value is expected')
    wb = openpyxl.load_workbook(book); wb['Targets'].merge_cells('E2:F3')
    save('merged-cells.xlsx', wb, 'merged cells; left out')
    wb = openpyxl.load_workbook(book); wb['Targets'].title = 'My targets'
    save('sheet-renamed.xlsx', wb, 'Targets: the sheet is missing (renamed or deleted)')
    wb = openpyxl.load_workbook(book); wb['Targets']['C2'] = 'high'
    save('text-in-level.xlsx', wb, '`high` is not a level 0-4')
    wb = openpyxl.load_workbook(book); ws = wb['Indicators']
    for i in range(100_000):
        ws.append([f'extra-{i}', 'x', 1, 'padding', 'no'])
    save('100000-extra-rows.xlsx', wb, 'only the first 5000 after the header were read')
    wb = openpyxl.load_workbook(book); wb['Overview']['B3'] = 'someone-else'
    save('another-assessment.xlsx', wb, 'this workbook is of another assessment')
    other = openpyxl.Workbook(); other.active['A1'] = 'Budget 2026'
    save('other-source.xlsx', other, 'this workbook was not made by SMM Navigator')
    with open(os.path.join(outdir, 'csv-renamed.xlsx'), 'w') as f:
        f.write('practice_id,level\nthreat-modeling,3\n')
    cases['csv-renamed.xlsx'] = 'this is not an XLSX workbook'
    with open(os.path.join(outdir, 'password-protected.xlsx'), 'wb') as f:
        f.write(bytes([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) + bytes(4096))
    cases['password-protected.xlsx'] = 'password-protected'
    with zipfile.ZipFile(os.path.join(outdir, 'zip-bomb.xlsx'), 'w', zipfile.ZIP_DEFLATED) as z:
        z.writestr('[Content_Types].xml', '<Types/>')
        z.writestr('xl/worksheets/sheet1.xml', b'\0' * (200 * 1024 * 1024))
    cases['zip-bomb.xlsx'] = 'a zip bomb is refused'
    # The outside review's attacks (issue 23), each a part of the real workbook replaced.
    def with_part(name, part, data, message):
        with zipfile.ZipFile(book) as src, zipfile.ZipFile(os.path.join(outdir, name), 'w', zipfile.ZIP_DEFLATED) as out:
            for item in src.infolist():
                out.writestr(item.filename, data if item.filename == part else src.read(item.filename))
        cases[name] = message
    targets = 'xl/worksheets/sheet2.xml'
    with zipfile.ZipFile(book) as z:
        sheet = z.read(targets).decode()
    with_part('review-run-of-lt.xlsx', targets, '<' * (2 * 1024 * 1024), REVIEW_MESSAGES['review-run-of-lt.xlsx'])
    with_part('review-single-quoted-reversed-range.xlsx', targets,
              sheet.replace('<sheetData>', "<dimension ref='B2:A1'/><sheetData>", 1),
              REVIEW_MESSAGES['review-single-quoted-reversed-range.xlsx'])
    with_part('review-date-1e300.xlsx', targets,
              sheet.replace('</sheetData>', "<row r='900'><c r='A900'><v>1E300</v></c><c r='B900'><v>-1E300</v></c></row></sheetData>", 1),
              REVIEW_MESSAGES['review-date-1e300.xlsx'])
    with_part('review-shared-strings-17mib.xlsx', 'xl/sharedStrings.xml',
              '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>' + 'x' * (17 * 1024 * 1024) + '</t></si></sst>',
              REVIEW_MESSAGES['review-shared-strings-17mib.xlsx'])
    with open(os.path.join(outdir, 'expected.json'), 'w') as f:
        json.dump(cases, f, indent=1, sort_keys=True)
        f.write('\n')
    print(len(cases), 'hostile workbooks')


if __name__ == '__main__':
    mode = sys.argv[1] if len(sys.argv) > 1 else ''
    if mode == 'check' and len(sys.argv) == 4:
        check(sys.argv[2], sys.argv[3])
    elif mode == 'edit' and len(sys.argv) == 4:
        edit(sys.argv[2], sys.argv[3])
    elif mode == 'hostile' and len(sys.argv) == 4:
        hostile(sys.argv[2], sys.argv[3])
    else:
        sys.exit(__doc__)
