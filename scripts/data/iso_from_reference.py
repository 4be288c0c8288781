#!/usr/bin/env python3
"""Generate crates/smm-core/data/frameworks/iso27001-2022.json from the reference
list of ISO/IEC 27001:2022 Annex A (../shared/reference/iso27001-2022.md).

Only control ids and short titles are taken (the "Themes" table and the four
"Annex A controls (93)" tables). The standard's text is copyrighted by ISO/IEC
and is neither in the reference nor in the output.

Usage: python3 scripts/data/iso_from_reference.py [REFERENCE_MD] [OUTPUT_JSON]
"""
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))
DEFAULT_REF = os.path.normpath(os.path.join(ROOT, "..", "shared", "reference", "iso27001-2022.md"))
DEFAULT_OUT = os.path.join(ROOT, "crates", "smm-core", "data", "frameworks", "iso27001-2022.json")

ABOUT = (
    "The 93 controls of ISO/IEC 27001:2022 Annex A in its four themes, by id and short title "
    "only: the text of the standard is copyrighted by ISO/IEC and is not included, so read the "
    "standard itself for what each control requires. The mapping from SMM practices and levels "
    "to these controls is SMM Navigator's own, not ISO's or the IIC's."
)

THEME_COUNTS = {"5": 37, "6": 8, "7": 14, "8": 34}


def table_rows(lines):
    for line in lines:
        line = line.strip()
        if not line.startswith("|"):
            continue
        cells = [c.strip() for c in line.strip("|").split("|")]
        if all(re.fullmatch(r":?-+:?", c) for c in cells):
            continue
        yield cells


def section(lines, heading):
    level = len(heading) - len(heading.lstrip("#"))
    out, inside = [], False
    for line in lines:
        if line.strip() == heading:
            inside = True
            continue
        if inside:
            m = re.match(r"^(#+) ", line)
            if m and len(m.group(1)) <= level:
                break
            out.append(line)
    if not inside:
        raise SystemExit(f"heading not found in reference: {heading!r}")
    return out


def parse(text):
    lines = text.splitlines()
    themes = []
    for cells in table_rows(section(lines, "## Themes")):
        if cells[0] in ("Theme", ""):
            continue  # header and the total row
        themes.append((cells[0], cells[1], int(cells[3])))
    controls = []
    annex = section(lines, "## Annex A controls (93)")
    current = None
    for line in annex:
        m = re.match(r"^### ([5-8]) (.+) \((\d+): .*\)$", line.strip())
        if m:
            current = m.group(1)
            continue
        if current is None:
            continue
        for cells in table_rows([line]):
            if cells[0] == "Id":
                continue
            cid, title = cells[0], cells[1]
            assert re.fullmatch(r"[5-8]\.\d{1,2}", cid), cid
            assert cid.split(".")[0] == current, (cid, current)
            controls.append((cid, title, current))
    return themes, controls


def build(text):
    themes, controls = parse(text)
    assert [(t, n) for t, _, n in themes] == list(THEME_COUNTS.items()), themes
    assert len(controls) == 93, len(controls)
    expected = [f"{t}.{i}" for t, n in THEME_COUNTS.items() for i in range(1, n + 1)]
    assert [c for c, _, _ in controls] == expected, "ids are not 5.1-5.37, 6.1-6.8, 7.1-7.14, 8.1-8.34 in order"
    return {
        "format": "smm-navigator/framework",
        "version": 1,
        "id": "iso27001-2022",
        "name": "ISO/IEC 27001:2022 Annex A",
        "edition": "2022 (third edition)",
        "about": ABOUT,
        "group_kinds": ["Theme"],
        "groups": [{"id": t, "title": title} for t, title, _ in themes],
        "requirements": [{"id": c, "title": title, "group": g} for c, title, g in controls],
    }


def main():
    ref = sys.argv[1] if len(sys.argv) > 1 else DEFAULT_REF
    out = sys.argv[2] if len(sys.argv) > 2 else DEFAULT_OUT
    with open(ref, encoding="utf-8") as f:
        data = build(f.read())
    with open(out, "w", encoding="utf-8") as f:
        json.dump(data, f, indent=2, ensure_ascii=False)
        f.write("\n")
    print(f"wrote {out}: {len(data['groups'])} groups, {len(data['requirements'])} requirements")


if __name__ == "__main__":
    main()
