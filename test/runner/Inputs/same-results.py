#!/usr/bin/env python3
"""Succeeds when two SARIF logs hold the same results and rules, in any
order. Usage: same-results.py A.sarif B.sarif"""
import json
import sys


def summary(path):
    with open(path, encoding="utf-8") as f:
        run = json.load(f)["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    results = []
    for r in run["results"]:
        r = dict(r)
        r["ruleIndex"] = rules[r["ruleIndex"]]["id"]  # indexes differ by order
        results.append(json.dumps(r, sort_keys=True))
    return sorted(results), sorted(json.dumps(r, sort_keys=True) for r in rules)


a, b = summary(sys.argv[1]), summary(sys.argv[2])
if a != b:
    print("%s and %s differ:\n%s\n%s" % (sys.argv[1], sys.argv[2], a, b))
    sys.exit(1)
