#!/usr/bin/env python3
"""Generate crates/smm-core/data/frameworks/iso27001-2022.json from the reference
list of ISO/IEC 27001:2022 Annex A (../shared/reference/iso27001-2022.md).

Only control ids and short titles are taken (the "Themes" table and the four
"Annex A controls (93)" tables). The standard's text is copyrighted by ISO/IEC
and is neither in the reference nor in the output.

Usage: python3 scripts/data/iso_from_reference.py [REFERENCE_MD] [OUTPUT_JSON]
"""
import os
import re

from reference_tables import FRAMEWORKS, REFERENCE, rows_by_heading, run, section, table_rows

DEFAULT_REF = os.path.join(REFERENCE, "iso27001-2022.md")
DEFAULT_OUT = os.path.join(FRAMEWORKS, "iso27001-2022.json")

ABOUT = (
    "The 93 controls of ISO/IEC 27001:2022 Annex A in its four themes, by id and short title "
    "only: the text of the standard is copyrighted by ISO/IEC and is not included, so read the "
    "standard itself for what each control requires. The mapping from SMM practices and levels "
    "to these controls is SMM Navigator's own, not ISO's or the IIC's."
)

THEME_COUNTS = {"5": 37, "6": 8, "7": 14, "8": 34}


def parse(text):
    lines = text.splitlines()
    themes = []
    for cells in table_rows(section(text, "## Themes")):
        if cells[0] in ("Theme", ""):
            continue  # header and the total row
        themes.append((cells[0], cells[1], int(cells[3])))
    controls = []
    heading = r"^### ([5-8]) (.+) \((\d+): .*\)$"
    for current, cells in rows_by_heading(section(text, "## Annex A controls (93)"), heading):
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


if __name__ == "__main__":
    run(build, DEFAULT_REF, DEFAULT_OUT)
