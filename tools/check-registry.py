#!/usr/bin/env python3
"""Checks that the registry of checks (checks/Checks.def) and the files that
list checks agree: every check has its test, its docs page, its row in the
README and in docs/index.md, and no FIXME placeholder from
tools/new-check.py is left behind. Exits 1 with one line per problem."""
import os
import re
import sys

root = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def read(*parts):
    with open(os.path.join(root, *parts), encoding="utf-8") as f:
        return f.read()


registry = re.findall(r'CONTAINERS_CHECK\("(containers-[a-z0-9-]+)",\s*(\w+),\s*"(\w+)",\s*((?:"[^"]*"\s*)+)\)',
                      read("checks", "Checks.def"))
problems = []
readme = read("README.md")
index = read("docs", "index.md")
for name, cls, maturity, summary_parts in registry:
    summary = "".join(re.findall(r'"([^"]*)"', summary_parts))
    if not os.path.exists(os.path.join(root, "checks", cls + ".cpp")):
        problems.append("%s: no checks/%s.cpp" % (name, cls))
    tests = [t for t in os.listdir(os.path.join(root, "test", "checks")) if t.startswith(name)]
    if not tests:
        problems.append("%s: no test/checks/%s*.cpp" % (name, name))
    doc = os.path.join(root, "docs", "checks", name + ".md")
    if not os.path.exists(doc):
        problems.append("%s: no docs/checks/%s.md" % (name, name))
    elif summary not in read("docs", "checks", name + ".md").replace("\n", " "):
        problems.append("%s: docs page does not state the registry summary" % name)
    for where, text in (("README.md", readme), ("docs/index.md", index)):
        row = [l for l in text.splitlines() if l.startswith("|") and "`%s`" % name in l]
        if not row:
            problems.append("%s: no table row in %s" % (name, where))
        elif maturity not in row[0]:
            problems.append("%s: %s row does not say maturity '%s'" % (name, where, maturity))
if "FIXME: placeholder" in readme:
    problems.append("README.md: placeholder left from tools/new-check.py")
for d in ("checks", "lib", "docs", os.path.join("test", "checks")):
    for dirpath, _, files in os.walk(os.path.join(root, d)):
        for f in files:
            text = open(os.path.join(dirpath, f), encoding="utf-8").read()
            if "FIXME: placeholder" in text:
                problems.append("%s: placeholder left from tools/new-check.py" % os.path.join(dirpath, f))
if not registry:
    problems.append("checks/Checks.def: no CONTAINERS_CHECK rows found")
for p in problems:
    print(p)
sys.exit(1 if problems else 0)
