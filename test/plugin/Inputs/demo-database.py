#!/usr/bin/env python3
"""Writes OUT_DIR/compile_commands.json for the demo programs in EXAMPLES_DIR
(every *.cpp there, compiled with its compile_flags.txt), so the runner can
check the demo of an installed tree or of the source checkout.

    demo-database.py EXAMPLES_DIR OUT_DIR"""
import json
import os
import sys

examples, out = (os.path.abspath(a) for a in sys.argv[1:3])
with open(os.path.join(examples, "compile_flags.txt"), encoding="utf-8") as f:
    flags = f.read().split()
entries = [{"directory": examples, "file": os.path.join(examples, name),
            "arguments": ["clang++"] + flags + ["-c", name]}
           for name in sorted(os.listdir(examples)) if name.endswith(".cpp")]
os.makedirs(out, exist_ok=True)
with open(os.path.join(out, "compile_commands.json"), "w", encoding="utf-8") as f:
    json.dump(entries, f, indent=2)
