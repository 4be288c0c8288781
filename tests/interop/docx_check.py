#!/usr/bin/env python3
"""An independent reader of SMM Navigator's Word report and board page.

    docx_check.py report REPORT.docx REPORT.json   # REPORT.json from `smm report --format json`
    docx_check.py board BOARD.docx BOARD.json      # BOARD.json from `smm report --board --format json`

python-docx opens the document; the check finds Word's built-in styles (Title,
Heading 1-3, Caption, Table Grid), the headings, the tables with a header row
repeated on each page, and the images with their alternative text; and it finds
the figures of the JSON report in the tables: every practice's target, achieved
level, shortfall and excess, the key figures, and the evidence past its date.
Prints "ok: ..." or exits 1 with what is wrong."""
import json
import sys

import docx
from docx.oxml.ns import qn


def fail(msg):
    print(f"docx_check: {msg}")
    sys.exit(1)


def tables_with_caption(d):
    """Each table with the caption paragraph just before it."""
    body = d.element.body
    out = []
    prev = None
    for child in body.iterchildren():
        if child.tag == qn("w:tbl"):
            table = next(t for t in d.tables if t._tbl is child)
            out.append((prev or "", table))
        elif child.tag == qn("w:p"):
            prev = "".join(t.text or "" for t in child.iter(qn("w:t")))
    return out


def common(d):
    styles = {p.style.name for p in d.paragraphs}
    for s in ["Title", "Caption"]:
        if s not in styles:
            fail(f"no paragraph in style {s}: {sorted(styles)}")
    for t in d.tables:
        if t.style is None or t.style.name != "Table Grid":
            fail(f"a table in style {t.style.name if t.style else None}, not Table Grid")
        first = t.rows[0]._tr
        if first.find(qn("w:trPr")) is None or first.find(qn("w:trPr")).find(qn("w:tblHeader")) is None:
            fail(f"a table whose header row does not repeat: {[c.text for c in t.rows[0].cells]}")
    images = d.inline_shapes
    if len(images) == 0:
        fail("no image")
    for shape in images:
        descr = shape._inline.docPr.get("descr")
        if not descr:
            fail("an image without alternative text")
    return styles, images


def cell_rows(table):
    return [[c.text for c in r.cells] for r in table.rows]


def report(path, report_json):
    d = docx.Document(path)
    r = json.load(open(report_json, encoding="utf-8"))
    styles, images = common(d)
    for s in ["Heading 1", "Heading 2", "Heading 3"]:
        if s not in styles:
            fail(f"no paragraph in style {s}")
    headings = [p.text for p in d.paragraphs if p.style.name == "Heading 1"]
    for h in ["Summary", "Target versus achieved", "Summary by domain", "Roadmap", "Trustworthiness", "Sign-off"]:
        if h not in headings:
            fail(f"no Heading 1 '{h}': {headings}")
    if len(images) != 2:
        fail(f"{len(images)} images, expected the gap chart and the domain chart")
    if d.paragraphs[0].style.name != "Title" or d.paragraphs[0].text != r["metadata"]["name"]:
        fail(f"the title is {d.paragraphs[0].text!r}")
    tables = tables_with_caption(d)
    gap = [t for c, t in tables if "Gap analysis per practice" in c]
    if len(gap) != 1:
        fail("no gap analysis table")
    rows = cell_rows(gap[0])[1:]
    if len(rows) != len(r["practices"]):
        fail(f"{len(rows)} gap rows for {len(r['practices'])} practices")
    for row, g in zip(rows, r["practices"]):
        target = "-" if g["target"] is None else f"{g['target']['level']} ({g['target']['scope']})"
        achieved = "-" if g["achieved"] is None else str(g["achieved"])
        if row[1] != target or not row[2].startswith(achieved):
            fail(f"{g['id']}: target {row[1]!r} achieved {row[2]!r}, the report says {target!r} {achieved!r}")
        if g["status"] != "not-applicable" and (row[4], row[5]) != (str(g["shortfall"]), str(g["excess"])):
            fail(f"{g['id']}: shortfall/excess {row[4]}/{row[5]}, the report says {g['shortfall']}/{g['excess']}")
    o = r["rollups"]["overall"]
    key = [t for c, t in tables if c.startswith("Table") and "Key figures" in c]
    if not key:
        fail("no key figures table")
    k = {row[0]: row[1] for row in cell_rows(key[0])[1:]}
    if k.get("On or above target") != f"{o['on_or_above_target']} of {o['with_target']}":
        fail(f"on or above target {k.get('On or above target')!r}")
    if k.get("Total shortfall") != f"{o['total_shortfall']} level(s)":
        fail(f"total shortfall {k.get('Total shortfall')!r}")
    expired = [e for e in r["evidence"] if e["expired"]]
    ev = [t for c, t in tables if "Evidence references" in c]
    if r["evidence"]:
        if not ev:
            fail("no evidence table")
        past = [row for row in cell_rows(ev[0])[1:] if "(past its date)" in row[4]]
        if len(past) != len(expired):
            fail(f"{len(past)} evidence rows past their date, the report says {len(expired)}")
    progress = [t for c, t in tables if "Roadmap steps as of" in c]
    if not progress or cell_rows(progress[0])[1][0] != str(r["progress"]["steps"]):
        fail("the progress table does not give the report's number of steps")
    print(f"ok: {len(d.paragraphs)} paragraphs, {len(d.tables)} tables with repeated header rows, "
          f"{len(images)} images with alternative text, {len(rows)} practices as in the JSON report")


def board(path, board_json):
    d = docx.Document(path)
    b = json.load(open(board_json, encoding="utf-8"))
    common(d)
    texts = [p.text for p in d.paragraphs]
    if b["summary"] not in texts:
        fail("the board sentence is missing")
    tables = tables_with_caption(d)
    gaps = [t for c, t in tables if "largest gaps" in c]
    if not gaps:
        fail("no table of the largest gaps")
    names = [row[0] for row in cell_rows(gaps[0])[1:]]
    if names != [g["name"] for g in b["gaps"]]:
        fail(f"gaps {names}, the board page says {[g['name'] for g in b['gaps']]}")
    over = [t for c, t in tables if "over-investment" in c]
    if b["over_investment"] and [row[0] for row in cell_rows(over[0])[1:]] != [e["name"] for e in b["over_investment"]]:
        fail("the over-investment table differs from the board page")
    print(f"ok: board page with {len(names)} gaps and {len(b['over_investment'])} practices above target")


if __name__ == "__main__":
    if len(sys.argv) != 4 or sys.argv[1] not in ("report", "board"):
        fail(__doc__)
    (report if sys.argv[1] == "report" else board)(sys.argv[2], sys.argv[3])
