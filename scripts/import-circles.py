#!/usr/bin/env python3
"""Import circles between the files of each Rust crate in this repository.

A copy of the workplace's shared tool (shared/tools/import-circles.py), kept
here so that a clean checkout in CI runs the same check.

Usage: ../shared/tools/import-circles.py [REPO]    (default: the current directory)

A file is a module (lib.rs, main.rs and mod.rs stand for their folder). An arrow
a -> b is drawn when a names b through `crate::`, `super::` or `self::` paths
(in `use` lines or in code). Module roots (lib.rs, main.rs, mod.rs) and code
after `#[cfg(test)]` are left out, so re-exports and test helpers draw no arrow.
Prints every circle (strongly connected group of two or more files) with the
names that tie it, and exits 1 when there is one, 0 when there is none.
"""
import os
import re
import sys
from collections import defaultdict

REPO = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else ".")
SKIP = {"target", "node_modules", "dist", ".git", "fuzz", "tests", "benches", "examples"}


def crates(repo):
    """Each folder holding a Cargo.toml and a src/ folder."""
    for root, dirs, files in os.walk(repo):
        dirs[:] = [d for d in dirs if d not in SKIP and not d.startswith(".")]
        if "Cargo.toml" in files and os.path.isdir(os.path.join(root, "src")):
            yield root


def module_of(src, path):
    rel = os.path.relpath(path, src)[:-3].split(os.sep)
    if rel[-1] in ("lib", "main", "mod"):
        rel = rel[:-1]
    return tuple(rel)


def is_root(path):
    return os.path.basename(path) in ("lib.rs", "main.rs", "mod.rs")


def code_of(path):
    text = open(path, encoding="utf-8", errors="replace").read()
    cut = text.find("#[cfg(test)]")
    if cut >= 0:
        text = text[:cut]
    text = re.sub(r"//[^\n]*", "", text)  # comments, doc comments included
    return text


PATH = re.compile(r"\b(crate|super|self)((?:::\s*[A-Za-z_][A-Za-z0-9_]*)+)")
GROUP = re.compile(r"\b(crate|super|self)((?:::\s*[A-Za-z_][A-Za-z0-9_]*)*)::\s*\{([^;]*?)\}\s*;", re.S)


def targets(mod, text, modules):
    """The modules (files) this module names, with the names taken from each."""
    found = defaultdict(set)

    def resolve(kind, segs):
        base = {"crate": (), "super": mod[:-1], "self": mod}[kind]
        parts = list(base) + segs
        while parts and parts[0] == "super":  # super::super::
            parts = parts[1:]
        for n in range(len(parts), 0, -1):
            if tuple(parts[:n]) in modules:
                return tuple(parts[:n]), (parts[n] if n < len(parts) else parts[-1])
        return None, None

    for m in GROUP.finditer(text):
        kind, head, inner = m.group(1), m.group(2), m.group(3)
        segs = [s.strip() for s in head.split("::") if s.strip()]
        for item in re.split(r",", inner):
            item = item.strip().split(" as ")[0].strip()
            if not item or item in ("self", "*"):
                t, name = resolve(kind, segs)
            else:
                t, name = resolve(kind, segs + [s.strip() for s in item.split("::") if s.strip() and s.strip() not in "{}"])
            if t and t != mod:
                found[t].add(name)
    for m in PATH.finditer(text):
        kind, rest = m.group(1), m.group(2)
        segs = [s.strip() for s in rest.split("::") if s.strip()]
        t, name = resolve(kind, segs)
        if t and t != mod:
            found[t].add(name)
    return found


def circles(nodes, edges):
    index, low, stack, on, out = {}, {}, [], set(), []
    counter = [0]

    def strong(v):
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on.add(v)
        for w in edges.get(v, ()):
            if w not in index:
                strong(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            group = []
            while True:
                w = stack.pop()
                on.discard(w)
                group.append(w)
                if w == v:
                    break
            if len(group) > 1:
                out.append(sorted(group))

    sys.setrecursionlimit(10000)
    for v in nodes:
        if v not in index:
            strong(v)
    return out


def main():
    total = 0
    for crate in sorted(crates(REPO)):
        src = os.path.join(crate, "src")
        files = {}
        for root, dirs, names in os.walk(src):
            dirs[:] = [d for d in dirs if d not in SKIP]
            for n in names:
                if n.endswith(".rs"):
                    p = os.path.join(root, n)
                    files[module_of(src, p)] = p
        modules = set(files)
        edges, ties = defaultdict(set), {}
        for mod, path in files.items():
            if is_root(path):
                continue
            for t, names in targets(mod, code_of(path), modules).items():
                if t in files and not is_root(files[t]):
                    edges[mod].add(t)
                    ties[(mod, t)] = names
        found = circles(sorted(files), edges)
        name = os.path.relpath(crate, REPO)
        for group in found:
            total += 1
            rel = lambda m: os.path.relpath(files[m], REPO)
            print(f"circle in {name}: {len(group)} files: " + ", ".join(rel(m) for m in group))
            for a in group:
                for b in sorted(edges[a]):
                    if b in group:
                        print(f"  {rel(a)} -> {rel(b)}: {', '.join(sorted(ties[(a, b)]))}")
    if total == 0:
        print("no import circles")
    return 1 if total else 0


if __name__ == "__main__":
    sys.exit(main())
