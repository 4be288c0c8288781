#!/usr/bin/env python3
"""Check the built-in CSF 2.0 and ISO/IEC 27001:2022 data against the reference lists.

Loads
  crates/smm-core/data/frameworks/csf-2.0.json
  crates/smm-core/data/frameworks/iso27001-2022.json
  crates/smm-core/data/mappings/indicative-csf-2.0.json
  crates/smm-core/data/mappings/indicative-iso27001-2022.json
  crates/smm-core/data/catalogue.json
and the reference markdown (../shared/reference/nist-csf-2.md and iso27001-2022.md,
parsed with the same code as the generators), and asserts:
  - exact fields of each file (no unknown, no missing);
  - counts: 6 functions / 22 categories / 106 subcategories; 4 themes / 93 controls;
  - every group and requirement id and title equals the reference, in reference order;
  - group parents and requirement groups resolve (CSF: subcategories in categories,
    categories under functions; ISO: controls in themes);
  - every mapping row: known practice, level 1-4, requirement in its framework, no role;
  - every practice x level cell of catalogue.json has at least one row in each mapping;
  - rationales start "Level N" (N = row level), have at least 8 words, end with a full
    stop, and do not present themselves as NIST's, ISO's or the IIC's, nor equate SMM
    levels with CSF tiers or ISO maturity;
  - no duplicate (practice, level, requirement); rows sorted by practice (catalogue
    order), level, requirement (framework order).
Then prints a summary. Exit status 1 on any failure.

Usage: python3 scripts/data/check_frameworks.py [REFERENCE_DIR]
"""
import collections
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import csf_from_reference  # noqa: E402
import iso_from_reference  # noqa: E402

ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))
DATA = os.path.join(ROOT, "crates", "smm-core", "data")
REF_DIR = sys.argv[1] if len(sys.argv) > 1 else os.path.normpath(os.path.join(ROOT, "..", "shared", "reference"))

FRAMEWORK_FIELDS = {"format", "version", "id", "name", "edition", "about", "group_kinds", "groups", "requirements"}
GROUP_FIELDS = {"id", "title"}
GROUP_OPTIONAL = {"parent"}
REQUIREMENT_FIELDS = {"id", "title", "group"}
MAPPING_FIELDS = {"format", "version", "id", "framework", "name", "about", "rows"}
ROW_FIELDS = {"practice", "level", "requirement", "rationale"}

# Wording a rationale must not use: it is SMM Navigator's reasoning, not a body's,
# and SMM levels are not CSF tiers or ISO maturity ratings.
FORBIDDEN = [
    (re.compile(r"\b(NIST|ISO|IEC|IIC)\s+(says|states|requires|recommends|mandates|maps)\b", re.I), "presents itself as a body's statement"),
    (re.compile(r"\baccording to (NIST|ISO|the IIC|IIC|the standard)\b", re.I), "presents itself as a body's statement"),
    (re.compile(r"\btier\b", re.I), "mentions a CSF tier"),
    (re.compile(r"\bmaturity (level|rating|score)\b", re.I), "mentions a maturity rating"),
    (re.compile(r"\bshall\b", re.I), "uses the standard's 'shall' wording"),
    (re.compile(r"[\"“”]"), "contains a quotation"),
]

failures = []


def check(cond, msg):
    if not cond:
        failures.append(msg)
    return cond


def load(rel):
    with open(os.path.join(DATA, rel), encoding="utf-8") as f:
        return json.load(f)


def check_fields(obj, required, optional, where):
    keys = set(obj)
    check(required <= keys, f"{where}: missing fields {sorted(required - keys)}")
    check(keys <= required | optional, f"{where}: unknown fields {sorted(keys - required - optional)}")


def check_framework(fw, expected, rel, fid, kinds):
    """expected: the generator's output from the reference (same structure)."""
    check_fields(fw, FRAMEWORK_FIELDS, set(), rel)
    check(fw.get("format") == "smm-navigator/framework", f"{rel}: format")
    check(fw.get("version") == 1, f"{rel}: version")
    check(fw.get("id") == fid, f"{rel}: id {fw.get('id')!r}")
    check(fw.get("group_kinds") == kinds, f"{rel}: group_kinds {fw.get('group_kinds')!r}")
    for k in ("name", "edition", "about"):
        check(isinstance(fw.get(k), str) and fw[k].strip(), f"{rel}: {k} empty")
    for k in ("name", "edition"):
        check(fw.get(k) == expected[k], f"{rel}: {k} {fw.get(k)!r} != {expected[k]!r}")
    for i, g in enumerate(fw["groups"]):
        check_fields(g, GROUP_FIELDS, GROUP_OPTIONAL, f"{rel}: groups[{i}]")
    for i, r in enumerate(fw["requirements"]):
        check_fields(r, REQUIREMENT_FIELDS, set(), f"{rel}: requirements[{i}]")
    gids = [g["id"] for g in fw["groups"]]
    rids = [r["id"] for r in fw["requirements"]]
    check(len(set(gids)) == len(gids), f"{rel}: duplicate group ids")
    check(len(set(rids)) == len(rids), f"{rel}: duplicate requirement ids")
    check(not (set(gids) & set(rids)), f"{rel}: a group id is also a requirement id")
    # Exact equality with the reference, order included.
    check(fw["groups"] == expected["groups"], f"{rel}: groups differ from the reference: "
          + str([(a, b) for a, b in zip(fw["groups"], expected["groups"]) if a != b][:3]))
    check(fw["requirements"] == expected["requirements"], f"{rel}: requirements differ from the reference: "
          + str([(a, b) for a, b in zip(fw["requirements"], expected["requirements"]) if a != b][:3]))
    # Structure resolves.
    by_id = {g["id"]: g for g in fw["groups"]}
    for g in fw["groups"]:
        if "parent" in g:
            check(g["parent"] in by_id, f"{rel}: group {g['id']} parent {g['parent']} unknown")
            check("parent" not in by_id.get(g["parent"], {}), f"{rel}: group {g['id']} nested more than two deep")
    leaf_groups = {g["id"] for g in fw["groups"] if not any(h.get("parent") == g["id"] for h in fw["groups"])}
    for r in fw["requirements"]:
        check(r["group"] in leaf_groups, f"{rel}: requirement {r['id']} group {r['group']} is not a leaf group")
        check(r["title"].strip() == r["title"] and r["title"], f"{rel}: requirement {r['id']} title blank or padded")
    return rids


def check_csf(fw):
    tops = [g for g in fw["groups"] if "parent" not in g]
    cats = [g for g in fw["groups"] if "parent" in g]
    check(len(tops) == 6, f"csf: {len(tops)} functions, expected 6")
    check([g["title"] for g in tops] == ["Govern", "Identify", "Protect", "Detect", "Respond", "Recover"], "csf: function titles")
    check(len(cats) == 22, f"csf: {len(cats)} categories, expected 22")
    check(len(fw["requirements"]) == 106, f"csf: {len(fw['requirements'])} subcategories, expected 106")
    for c in cats:
        check(c["id"].split(".")[0] == c["parent"], f"csf: category {c['id']} under {c['parent']}")
    for r in fw["requirements"]:
        check(re.fullmatch(r"[A-Z]{2}\.[A-Z]{2}-\d{2}", r["id"]) is not None, f"csf: id grammar {r['id']}")
        check(r["id"].rsplit("-", 1)[0] == r["group"], f"csf: {r['id']} in group {r['group']}")
    counts = collections.Counter(r["group"].split(".")[0] for r in fw["requirements"])
    check(counts == {"GV": 31, "ID": 21, "PR": 22, "DE": 11, "RS": 13, "RC": 8}, f"csf: per-function counts {dict(counts)}")


def check_iso(fw):
    check([(g["id"], g["title"]) for g in fw["groups"]] == [
        ("5", "Organizational controls"), ("6", "People controls"),
        ("7", "Physical controls"), ("8", "Technological controls")], "iso: themes")
    check(len(fw["requirements"]) == 93, f"iso: {len(fw['requirements'])} controls, expected 93")
    counts = collections.Counter(r["group"] for r in fw["requirements"])
    check(counts == {"5": 37, "6": 8, "7": 14, "8": 34}, f"iso: per-theme counts {dict(counts)}")
    for r in fw["requirements"]:
        check(r["id"].split(".")[0] == r["group"], f"iso: {r['id']} in theme {r['group']}")


def check_mapping(mp, rel, mid, fid, fw, catalogue):
    check_fields(mp, MAPPING_FIELDS, set(), rel)
    check(mp.get("format") == "smm-navigator/mapping", f"{rel}: format")
    check(mp.get("version") == 2, f"{rel}: version")
    check(mp.get("id") == mid, f"{rel}: id")
    check(mp.get("framework") == fid, f"{rel}: framework")
    check("(SMM Navigator)" in mp.get("name", "") and mp["name"].startswith("Indicative"), f"{rel}: name must say Indicative ... (SMM Navigator)")
    check("indicative" in mp.get("about", "").lower() and "not the IIC" in mp.get("about", ""), f"{rel}: about must say indicative and not the IIC's")
    practices = [p["id"] for p in catalogue["practices"]]
    porder = {p: i for i, p in enumerate(practices)}
    rorder = {r["id"]: i for i, r in enumerate(fw["requirements"])}
    seen = set()
    keys = []
    for i, row in enumerate(mp["rows"]):
        where = f"{rel}: rows[{i}]"
        check_fields(row, ROW_FIELDS, set(), where)
        p, lvl, req, text = row.get("practice"), row.get("level"), row.get("requirement"), row.get("rationale", "")
        if not (check(p in porder, f"{where}: unknown practice {p!r}")
                and check(isinstance(lvl, int) and 1 <= lvl <= 4, f"{where}: level {lvl!r}")
                and check(req in rorder, f"{where}: requirement {req!r} not in {fid}")):
            continue
        k = (p, lvl, req)
        check(k not in seen, f"{where}: duplicate {k}")
        seen.add(k)
        keys.append((porder[p], lvl, rorder[req]))
        where = f"{where} ({p} L{lvl} {req})"
        check(re.match(rf"Level {lvl}\b", text) is not None, f"{where}: rationale must start 'Level {lvl}'")
        check(len(text.split()) >= 8, f"{where}: rationale shorter than 8 words")
        check(text.endswith(".") and not text.endswith(".."), f"{where}: rationale must end with a full stop")
        check(text == text.strip() and "  " not in text, f"{where}: rationale whitespace")
        for pat, why in FORBIDDEN:
            check(not pat.search(text), f"{where}: rationale {why}")
        if fid == "csf-2.0":
            title = fw["requirements"][rorder[req]]["title"]
            check(title.lower() not in text.lower(), f"{where}: rationale repeats NIST's statement instead of reasoning")
    check(keys == sorted(keys), f"{rel}: rows not sorted by practice, level, requirement; first break at row "
          + str(next((i for i in range(1, len(keys)) if keys[i] < keys[i - 1]), None)))
    cells = {(p, l) for p in practices for l in (1, 2, 3, 4)}
    covered = {(p, l) for p, l, _ in seen}
    missing = sorted(cells - covered, key=lambda c: (porder[c[0]], c[1]))
    check(not missing, f"{rel}: cells without a row: {missing}")
    return seen, len(cells & covered), len(cells)


def summary(name, fw, seen, covered, cells, catalogue):
    print(f"== {name}: {len(seen)} rows, {covered}/{cells} practice x level cells covered")
    per_practice = collections.Counter(p for p, _, _ in seen)
    per_level = collections.Counter(l for _, l, _ in seen)
    print("   rows per level: " + ", ".join(f"L{l} {per_level[l]}" for l in (1, 2, 3, 4)))
    print("   rows per practice:")
    for p in catalogue["practices"]:
        lv = collections.Counter(l for q, l, _ in seen if q == p["id"])
        print(f"     {per_practice[p['id']]:3d}  {p['id']}  (" + " ".join(f"L{l}:{lv[l]}" for l in (1, 2, 3, 4)) + ")")
    used = {r for _, _, r in seen}
    reqs = [r["id"] for r in fw["requirements"]]
    print(f"   requirements referenced: {len(used)} of {len(reqs)}")
    unused = [r for r in reqs if r not in used]
    print(f"   requirements never referenced ({len(unused)}): " + ", ".join(unused))
    group_of = {r["id"]: r["group"] for r in fw["requirements"]}
    parent = {g["id"]: g.get("parent") for g in fw["groups"]}
    hit = set()
    for r in used:
        g = group_of[r]
        while g:
            hit.add(g)
            g = parent[g]
    for g in fw["groups"]:
        n = sum(1 for _, _, r in seen if group_of[r] == g["id"] or parent.get(group_of[r]) == g["id"])
        print(f"     group {g['id']:6s} {g['title']}: {n} rows")
    never = [g["id"] for g in fw["groups"] if g["id"] not in hit]
    print("   groups with no row: " + (", ".join(never) if never else "none"))


def main():
    catalogue = load("catalogue.json")
    with open(os.path.join(REF_DIR, "nist-csf-2.md"), encoding="utf-8") as f:
        csf_expected = csf_from_reference.build(f.read())
    with open(os.path.join(REF_DIR, "iso27001-2022.md"), encoding="utf-8") as f:
        iso_expected = iso_from_reference.build(f.read())
    csf = load("frameworks/csf-2.0.json")
    iso = load("frameworks/iso27001-2022.json")
    check_framework(csf, csf_expected, "frameworks/csf-2.0.json", "csf-2.0", ["Function", "Category"])
    check_csf(csf)
    check_framework(iso, iso_expected, "frameworks/iso27001-2022.json", "iso27001-2022", ["Theme"])
    check_iso(iso)
    # The ISO file must hold ids and titles only: no text field anywhere.
    check(all(set(r) == REQUIREMENT_FIELDS for r in iso["requirements"]), "iso: requirements carry more than id, title, group")
    out = []
    for rel, mid, fid, fw in (
        ("mappings/indicative-csf-2.0.json", "indicative-csf-2.0", "csf-2.0", csf),
        ("mappings/indicative-iso27001-2022.json", "indicative-iso27001-2022", "iso27001-2022", iso),
    ):
        mp = load(rel)
        out.append((fid, fw) + check_mapping(mp, rel, mid, fid, fw, catalogue))
    for fid, fw, seen, covered, cells in out:
        summary(fid, fw, seen, covered, cells, catalogue)
    if failures:
        print(f"\nFAILED: {len(failures)} problem(s)")
        for f in failures:
            print("  - " + f)
        sys.exit(1)
    print("\nOK: frameworks match the reference lists; both mappings resolve, cover every cell and follow the rationale rules.")


if __name__ == "__main__":
    main()
