#!/usr/bin/env python3
"""Generate crates/smm-core/data/frameworks/csf-2.0.json from the reference list
of the NIST CSF 2.0 Core (../shared/reference/nist-csf-2.md).

Functions come from the "Functions (6)" table, categories from the
"Categories (22)" table (publication order), subcategories and their NIST
outcome statements (public domain) from the per-category tables under
"Subcategories (106)". Nothing is typed by hand, so ids and statements are
exactly the reference's.

Usage: python3 scripts/data/csf_from_reference.py [REFERENCE_MD] [OUTPUT_JSON]
"""
import os
import re

from reference_tables import FRAMEWORKS, REFERENCE, rows_by_heading, run, section, table_rows

DEFAULT_REF = os.path.join(REFERENCE, "nist-csf-2.md")
DEFAULT_OUT = os.path.join(FRAMEWORKS, "csf-2.0.json")

ABOUT = (
    "The outcomes of the NIST Cybersecurity Framework 2.0 Core: its 6 functions, 22 categories "
    "and 106 subcategories, in NIST's publication order. Each subcategory title is NIST's own "
    "outcome statement, a US government work in the public domain. The mapping from SMM "
    "practices and levels to these outcomes is SMM Navigator's own, not NIST's or the IIC's."
)


def parse(text):
    functions = []
    for cells in table_rows(section(text, "## Functions (6)")):
        if cells[0] == "Id":
            continue
        fid, name = cells[0], cells[1]
        assert re.fullmatch(r"[A-Z]{2}", fid), fid
        functions.append((fid, name.capitalize()))

    categories = []
    for cells in table_rows(section(text, "## Categories (22)")):
        if cells[0] == "Id":
            continue
        cid, title, count, active = cells[0], cells[1], int(cells[2]), cells[3]
        assert re.fullmatch(r"[A-Z]{2}\.[A-Z]{2}", cid), cid
        nums = [n.strip() for n in active.split(",")]
        assert len(nums) == count, (cid, nums, count)
        categories.append((cid, title, nums))

    subcategories = []
    heading = r"^#### ([A-Z]{2}\.[A-Z]{2}) (.+) \((\d+)\)$"
    for current, cells in rows_by_heading(section(text, "## Subcategories (106)"), heading):
        sid, statement = cells[0], cells[1]
        assert re.fullmatch(r"[A-Z]{2}\.[A-Z]{2}-\d{2}", sid), sid
        assert sid.startswith(current + "-"), (sid, current)
        subcategories.append((sid, statement, current))
    return functions, categories, subcategories


def build(text):
    functions, categories, subcategories = parse(text)
    assert len(functions) == 6, len(functions)
    assert len(categories) == 22, len(categories)
    assert len(subcategories) == 106, len(subcategories)
    fids = [f for f, _ in functions]
    # The category table's "active ids" must agree with the subcategory tables.
    listed = [f"{cid}-{n}" for cid, _, nums in categories for n in nums]
    found = [sid for sid, _, _ in subcategories]
    assert sorted(listed) == sorted(found), set(listed) ^ set(found)
    groups = []
    for fid, name in functions:
        groups.append({"id": fid, "title": name})
        for cid, title, _ in categories:
            if cid.split(".")[0] == fid:
                groups.append({"id": cid, "title": title, "parent": fid})
    assert all(c.split(".")[0] in fids for c, _, _ in categories)
    # Requirements follow the publication order of the categories.
    cat_order = {cid: i for i, (cid, _, _) in enumerate(categories)}
    reqs = sorted(subcategories, key=lambda s: (cat_order[s[2]], found.index(s[0])))
    assert [s[0] for s in reqs] == found, "subcategory tables are not in category order"
    return {
        "format": "smm-navigator/framework",
        "version": 1,
        "id": "csf-2.0",
        "name": "NIST Cybersecurity Framework",
        "edition": "2.0 (CSWP 29, February 2024)",
        "about": ABOUT,
        "group_kinds": ["Function", "Category"],
        "groups": groups,
        "requirements": [
            {"id": sid, "title": statement, "group": cid} for sid, statement, cid in reqs
        ],
    }


if __name__ == "__main__":
    run(build, DEFAULT_REF, DEFAULT_OUT)
