"""What the two generators of framework catalogues share: where the files are,
reading the rows of a markdown table, and writing the JSON file."""
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))
REFERENCE = os.path.normpath(os.path.join(ROOT, "..", "shared", "reference"))
FRAMEWORKS = os.path.join(ROOT, "crates", "smm-core", "data", "frameworks")


def table_rows(lines):
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


def rows_by_heading(lines, heading_pattern):
    """(group id, cells) for each table row below a heading that matches
    `heading_pattern` (its first group is the id), header rows skipped."""
    current = None
    for line in lines:
        m = re.match(heading_pattern, line.strip())
        if m:
            current = m.group(1)
            continue
        if current is None:
            continue
        for cells in table_rows([line]):
            if cells[0] != "Id":
                yield current, cells


def run(build, default_ref, default_out):
    """Reads the reference list (argv[1] or `default_ref`), builds the catalogue
    with `build`, writes it to argv[2] or `default_out`."""
    ref = sys.argv[1] if len(sys.argv) > 1 else default_ref
    out = sys.argv[2] if len(sys.argv) > 2 else default_out
    with open(ref, encoding="utf-8") as f:
        data = build(f.read())
    with open(out, "w", encoding="utf-8") as f:
        json.dump(data, f, indent=2, ensure_ascii=False)
        f.write("\n")
    print(f"wrote {out}: {len(data['groups'])} groups, {len(data['requirements'])} requirements")
