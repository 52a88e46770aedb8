#!/usr/bin/env python3
"""Prints, as Markdown, what the reliability and security tests of the last `mvn verify` injected and survived.

Each test writes server/target/reliability/<name>.json (vn.hoinghi.testing.Figures); docs/reliability.md is
written from this output.  Usage: bench/reliability-figures.py [server/target/reliability]
"""
import json
import pathlib
import sys

root = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else "server/target/reliability")
files = sorted(root.glob("*.json"))
if not files:
    print(f"no figures under {root}")
    sys.exit(0)


def show(v):
    if isinstance(v, dict):
        return ", ".join(f"{k} {show(x)}" for k, x in v.items())
    if isinstance(v, list):
        return ", ".join(show(x) for x in v)
    if isinstance(v, int) and not isinstance(v, bool):
        return f"{v:,}"
    return str(v)


total_cases = 0
for f in files:
    d = json.loads(f.read_text(encoding="utf-8"))
    name = d.pop("test", f.stem)
    at = d.pop("at", "")
    if name in ("ws-fuzz", "rest-fuzz", "ws-flood-default-limit"):
        total_cases += int(d.get("cases", 0))
    print(f"### {name}  ({at})\n")
    print("| figure | value |\n|---|---|")
    for k, v in d.items():
        print(f"| {k} | {show(v)} |")
    print()
print(f"Hostile input cases in all: {total_cases:,}")
