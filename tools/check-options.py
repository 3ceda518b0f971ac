#!/usr/bin/env python3
"""Checks the options of every containers-* check against three sources:
what the plugin reports (`clang-tidy -dump-config`), the `## Options` table of
each check's docs page (plus the shared options table of docs/index.md), and
the example configuration examples/.clang-tidy, which sets every option to its
default.

The option list is derived, not written down here: the checks come from
checks/Checks.def, their options from the dump. Exits 1 with one line per
problem.

Usage: check-options.py SOURCE_ROOT --defaults DUMP --example DUMP
                        [--override DUMP NAME VALUE]
  --defaults  `-dump-config` with `-checks=-*,containers-*` and no options set
  --example   `-dump-config` of a file in examples/ (reads examples/.clang-tidy)
  --override  `-dump-config` with the shared option containers.NAME set to
              VALUE: every check that has NAME must show VALUE
"""
import argparse
import os
import re
import sys


def unquote(value):
    value = value.strip()
    if len(value) >= 2 and value[0] == value[-1] == "'":
        return value[1:-1].replace("''", "'")
    if len(value) >= 2 and value[0] == value[-1] == '"':
        return value[1:-1].encode().decode("unicode_escape")
    return value


def parse_config(text):
    """(Checks, {key: value}) of a clang-tidy YAML configuration. Reads the
    map form of CheckOptions (`key: value`, -dump-config of 15 and later) and
    the list form (`- key: K` / `value: V`, 14 and examples/.clang-tidy)."""
    checks = ""
    options = {}
    in_options = False
    pending_key = None
    for raw in text.splitlines():
        line = raw.split(" #", 1)[0].rstrip() if not raw.lstrip().startswith("#") else ""
        if not line.strip() or line.strip() in ("---", "..."):
            continue
        if not line.startswith((" ", "-")):
            in_options = line.startswith("CheckOptions:")
            m = re.match(r"Checks:\s*(.*)", line)
            if m:
                checks = unquote(m.group(1))
            continue
        if not in_options:
            continue
        item = line.strip()
        m = re.match(r"-\s*key:\s*(.*)", item)
        if m:
            pending_key = unquote(m.group(1))
            continue
        m = re.match(r"value:\s*(.*)", item)
        if m and pending_key is not None:
            options[pending_key] = unquote(m.group(1))
            pending_key = None
            continue
        m = re.match(r"([^\s:]+):\s*(.*)", item)
        if m:
            options[m.group(1)] = unquote(m.group(2))
    return checks, options


def read(root, *parts):
    with open(os.path.join(root, *parts), encoding="utf-8") as f:
        return f.read()


def table_rows(markdown, heading):
    """The body rows of the first table under `## heading`."""
    rows = []
    m = re.search(r"^## %s\s*$(.*?)(?=^## |\Z)" % re.escape(heading), markdown, re.M | re.S)
    if not m:
        return rows
    for line in m.group(1).splitlines():
        if not line.startswith("|") or re.match(r"^\|[\s|:-]+\|$", line):
            continue
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if cells and cells[0] != "option":
            rows.append(cells)
    return rows


def documented_default(cell):
    """The default a docs table states, or None when it is prose."""
    if cell == "empty":
        return ""
    m = re.fullmatch(r"`([^`]*)`", cell)
    return m.group(1) if m else None


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("root")
    ap.add_argument("--defaults", required=True)
    ap.add_argument("--example", required=True)
    ap.add_argument("--override", nargs=3, metavar=("DUMP", "NAME", "VALUE"))
    args = ap.parse_args()
    root = args.root
    problems = []

    checks = re.findall(r'CONTAINERS_CHECK\("(containers-[a-z0-9-]+)"', read(root, "checks", "Checks.def"))
    _, defaults = parse_config(read(args.defaults))
    example_checks, example = parse_config(read(root, "examples", ".clang-tidy"))
    _, example_dump = parse_config(read(args.example))

    shared = {}
    for cells in table_rows(read(root, "docs", "index.md"), "Shared options"):
        m = re.match(r"`containers\.(\w+)`", cells[0])
        if m:
            shared[m.group(1)] = cells
    for name in shared:
        if "containers." + name not in example:
            problems.append("examples/.clang-tidy: shared option 'containers.%s' (docs/index.md) is not set" % name)

    dumped = {}
    for key, value in defaults.items():
        check, _, option = key.rpartition(".")
        if check.startswith("containers-"):
            dumped.setdefault(check, {})[option] = value
    for check in dumped:
        if check not in checks:
            problems.append("-dump-config: options of '%s', which checks/Checks.def does not list" % check)

    total = 0
    for check in checks:
        options = dumped.get(check, {})
        total += len(options)
        page = os.path.join("docs", "checks", check + ".md")
        docs = {}
        if os.path.exists(os.path.join(root, page)):
            for cells in table_rows(read(root, page), "Options"):
                m = re.match(r"`(\w+)`", cells[0])
                if m:
                    docs[m.group(1)] = cells
        for option, value in sorted(options.items()):
            key = "%s.%s" % (check, option)
            if option not in docs:
                problems.append("%s: option '%s' (in -dump-config) has no row in the ## Options table" % (page, option))
            elif len(docs[option]) > 1:
                stated = documented_default(docs[option][1])
                if stated is not None and stated != value:
                    problems.append("%s: '%s' documented default '%s', but -dump-config says '%s'"
                                    % (page, option, stated, value))
            if option in shared:
                source = "containers." + option
                if key in example:
                    problems.append("examples/.clang-tidy: set shared option '%s' once as '%s'" % (key, source))
            else:
                source = key
            if source not in example:
                problems.append("examples/.clang-tidy: option '%s' is not set (default: '%s')" % (source, value))
            elif example[source] != value:
                problems.append("examples/.clang-tidy: '%s' is '%s', not its default '%s'" % (source, example[source], value))
            if source in example and example_dump.get(key) != example[source]:
                problems.append("-dump-config with examples/.clang-tidy: '%s' is '%s', expected '%s'"
                                % (key, example_dump.get(key), example[source]))
        for option in sorted(set(docs) - set(options)):
            problems.append("%s: documents option '%s', which -dump-config does not show" % (page, option))

    known = {"%s.%s" % (c, o) for c, opts in dumped.items() for o in opts}
    known |= {"containers." + s for s in shared}
    for key in sorted(example):
        if key not in known:
            problems.append("examples/.clang-tidy: '%s' is not an option of any containers-* check" % key)
    if "containers-*" not in example_checks:
        problems.append("examples/.clang-tidy: Checks does not enable containers-*")

    if args.override:
        dump, name, value = args.override
        _, overridden = parse_config(read(dump))
        seen = 0
        for check in checks:
            if name in dumped.get(check, {}):
                seen += 1
                if overridden.get("%s.%s" % (check, name)) != value:
                    problems.append("containers.%s='%s' is not applied to %s (-dump-config: '%s')"
                                    % (name, value, check, overridden.get("%s.%s" % (check, name))))
        if not seen:
            problems.append("no check has the shared option '%s'" % name)

    if not checks:
        problems.append("checks/Checks.def: no CONTAINERS_CHECK rows found")
    for p in problems:
        print(p)
    if not problems:
        print("%d checks, %d options: documented, in examples/.clang-tidy, shown by -dump-config"
              % (len(checks), total))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
