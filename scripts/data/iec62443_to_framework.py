#!/usr/bin/env python3
"""One-off conversion (kept for the record): the 62443 catalogue and mapping of
format `smm-navigator/iec62443-catalogue` v1 and `smm-navigator/mapping` v1 into
the framework-neutral pair (`smm-navigator/framework` v1, `smm-navigator/mapping`
v2). Nothing is lost: parts become top-level groups (with edition and roles),
foundational requirements and 4-1/2-4/2-1 groups become second-level groups under
their part, and each requirement keeps its title, parent, minimum SL, note and
confidence. A mapping row's part is the top-level group of its requirement."""
import json, sys

src, src_map, out, out_map = sys.argv[1:5]
c = json.load(open(src))
frs = {f['id']: f for f in c['foundational_requirements']}
groups = []
for p in c['parts']:
    g = {'id': p['id'], 'title': p['title'], 'edition': p['edition'], 'roles': p['roles']}
    groups.append(g)
    used_frs = []
    for r in c['requirements']:
        if r['part'] == p['id'] and 'fr' in r and r['fr'] not in used_frs:
            used_frs.append(r['fr'])
    for fr in sorted(used_frs, key=lambda x: int(x.split()[1])):
        f = frs[fr]
        groups.append({'id': f"{p['id']} {fr}", 'title': f"{fr} {f['title']} ({f['abbr']})", 'parent': p['id']})
    for x in c['groups']:
        if x['part'] == p['id']:
            g2 = {'id': f"{p['id']} {x['id']}", 'title': x['title'], 'parent': p['id']}
            if 'confidence' in x:
                g2['confidence'] = x['confidence']
            groups.append(g2)
reqs = []
for r in c['requirements']:
    if 'fr' in r:
        group = f"{r['part']} {r['fr']}"
    elif 'group' in r:
        group = f"{r['part']} {r['group']}"
    else:
        group = r['part']
    n = {'id': r['id'], 'title': r['title'], 'group': group}
    for k in ('parent', 'min_sl', 'note', 'confidence'):
        if k in r:
            n[k] = r[k]
    reqs.append(n)
fw = {
    'format': 'smm-navigator/framework',
    'version': 1,
    'id': 'iec62443',
    'name': 'ISA/IEC 62443',
    'edition': 'parts 2-1, 2-4, 3-2, 3-3, 4-1 and 4-2 (editions per part)',
    'about': c['about'],
    'group_kinds': ['Part', 'Group'],
    'caution': ('Two different scales. SMM levels (0 to 4) measure how comprehensive a practice is; 62443 security '
                'levels (SL 1 to 4) measure the strength a system needs against an attacker. An SMM target of 3 is '
                'not SL 3, and nothing here converts one into the other. 62443-2-1 appears only as its eight '
                'programme elements (SPE 1 to SPE 8): element-level references, not single requirements.'),
    'groups': groups,
    'requirements': reqs,
}
json.dump(fw, open(out, 'w'), indent=2, ensure_ascii=False)
open(out, 'a').write('\n')
m = json.load(open(src_map))
part_of = {r['id']: r['part'] for r in c['requirements']}
rows = []
for r in m['rows']:
    assert part_of[r['requirement']] == r['part'], r
    rows.append({k: r[k] for k in ('practice', 'level', 'role', 'requirement', 'rationale')})
m2 = {'format': 'smm-navigator/mapping', 'version': 2, 'id': m['id'], 'framework': 'iec62443',
      'name': m['name'], 'about': m['about'], 'rows': rows}
json.dump(m2, open(out_map, 'w'), indent=2, ensure_ascii=False)
open(out_map, 'a').write('\n')
print(f"{len(groups)} groups, {len(reqs)} requirements, {len(rows)} rows")
