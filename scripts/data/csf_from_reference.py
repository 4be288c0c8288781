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
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))
DEFAULT_REF = os.path.normpath(os.path.join(ROOT, "..", "shared", "reference", "nist-csf-2.md"))
DEFAULT_OUT = os.path.join(ROOT, "crates", "smm-core", "data", "frameworks", "csf-2.0.json")

ABOUT = (
    "The outcomes of the NIST Cybersecurity Framework 2.0 Core: its 6 functions, 22 categories "
    "and 106 subcategories, in NIST's publication order. Each subcategory title is NIST's own "
    "outcome statement, a US government work in the public domain. The mapping from SMM "
    "practices and levels to these outcomes is SMM Navigator's own, not NIST's or the IIC's."
)


def table_rows(lines):
    """Yield the cells of each markdown table row (header and rule rows excluded)."""
    for line in lines:
        line = line.strip()
        if not line.startswith("|"):
            continue
        cells = [c.strip() for c in line.strip("|").split("|")]
        if all(re.fullmatch(r":?-+:?", c) for c in cells):
            continue
        yield cells


def section(text, heading):
    """Lines of the section that starts with the given heading line, up to the next heading of the same or higher level."""
    lines = text.splitlines()
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
    sub_lines = section(text, "## Subcategories (106)")
    current = None
    for line in sub_lines:
        m = re.match(r"^#### ([A-Z]{2}\.[A-Z]{2}) (.+) \((\d+)\)$", line.strip())
        if m:
            current = m.group(1)
            continue
        if current is None:
            continue
        for cells in table_rows([line]):
            if cells[0] == "Id":
                continue
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
