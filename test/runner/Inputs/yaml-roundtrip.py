#!/usr/bin/env python3
"""Reads YAML as clang-tidy's --export-fixes writes it (single- and
double-quoted scalars, folded lines, escapes, empty lists) with the runner's
reader, writes it back with its writer, and reads that again.
Usage: yaml-roundtrip.py tools/containers-tidy"""
import importlib.machinery
import importlib.util
import sys

loader = importlib.machinery.SourceFileLoader("containers_tidy", sys.argv[1])
spec = importlib.util.spec_from_loader("containers_tidy", loader)
ct = importlib.util.module_from_spec(spec)
loader.exec_module(ct)

TEXT = r"""---
MainSourceFile:  '/src/a b.cpp'
Diagnostics:
  - DiagnosticName:  containers-subscript-lookup
    DiagnosticMessage:
      Message:         '''m["a\tb"]'' is only read here'
      FilePath:        '/src/a b.cpp'
      FileOffset:      101
      Replacements:
        - FilePath:        '/src/a b.cpp'
          Offset:          54
          Length:          0
          ReplacementText: "\n}\t\"q\" \\ \x41"
        - FilePath:        '/src/a b.cpp'
          Offset:          60
          Length:          2
          ReplacementText: 'one
            two

            three'
    Notes:
      - Message:         'note: it''s here'
        FilePath:        '/src/a b.cpp'
        FileOffset:      0
        Replacements:    []
    Level:           Warning
    BuildDirectory:  '/build'
...
"""
WANT = {
    "MainSourceFile": "/src/a b.cpp",
    "Diagnostics": [{
        "DiagnosticName": "containers-subscript-lookup",
        "DiagnosticMessage": {
            "Message": "'m[\"a\\tb\"]' is only read here",
            "FilePath": "/src/a b.cpp", "FileOffset": 101,
            "Replacements": [
                {"FilePath": "/src/a b.cpp", "Offset": 54, "Length": 0,
                 "ReplacementText": "\n}\t\"q\" \\ A"},
                {"FilePath": "/src/a b.cpp", "Offset": 60, "Length": 2,
                 "ReplacementText": "one two\nthree"}]},
        "Notes": [{"Message": "note: it's here", "FilePath": "/src/a b.cpp", "FileOffset": 0,
                   "Replacements": []}],
        "Level": "Warning", "BuildDirectory": "/build"}]}

docs = ct.parse_yaml_documents(TEXT)
if docs != [WANT]:
    print("read:\n%r\nwant:\n%r" % (docs, [WANT]))
    sys.exit(1)
again = ct.parse_yaml_documents(ct.dump_fixes_yaml(WANT["Diagnostics"]))
if again != [dict(WANT, MainSourceFile="")]:
    print("round trip:\n%r" % again)
    sys.exit(1)
print("ok")
