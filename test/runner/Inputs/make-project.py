#!/usr/bin/env python3
"""Copies test/runner/Inputs/project to DEST and writes
DEST/build/compile_commands.json for its sources, compiled with the flags
given after `--`. With --git, DEST becomes a git repository with one commit.

Usage: make-project.py DEST [--git] [--command] [--broken] -- FLAGS..."""
import json
import os
import shutil
import subprocess
import sys

args = sys.argv[1:]
flags = args[args.index("--") + 1:] if "--" in args else []
opts = args[:args.index("--")] if "--" in args else args
dest = os.path.abspath(opts[0])
src = os.path.join(os.path.dirname(os.path.abspath(__file__)), "project")
shutil.rmtree(dest, ignore_errors=True)
shutil.copytree(src, dest)
os.makedirs(os.path.join(dest, "build"), exist_ok=True)
# --broken adds a file that does not compile and one the fake clang-tidy
# (crashing-clang-tidy) crashes on.
if "--broken" in opts:
    with open(os.path.join(dest, "src", "broken.cpp"), "w") as f:
        f.write("int broken() { return undeclared; }\n")
    with open(os.path.join(dest, "src", "crash.cpp"), "w") as f:
        f.write("int crash() { return 0; }\n")
entries = []
for dirpath, _, files in os.walk(os.path.join(dest, "src")):
    for f in sorted(files):
        if f.endswith(".cpp"):
            rel = os.path.relpath(os.path.join(dirpath, f), dest)
            argv = ["clang++"] + flags + ["-I", os.path.join(dest, "include"), "-c", rel]
            entry = {"directory": dest, "file": rel}
            if "--command" in opts:
                entry["command"] = " ".join(argv)
            else:
                entry["arguments"] = argv
            entries.append(entry)
with open(os.path.join(dest, "build", "compile_commands.json"), "w") as out:
    json.dump(entries, out, indent=1)
if "--git" in opts:
    def git(*a):
        subprocess.run(["git", "-c", "user.name=test", "-c", "user.email=test@example.com",
                        "-c", "init.defaultBranch=main", "-c", "commit.gpgsign=false"] + list(a),
                       cwd=dest, check=True, stdout=subprocess.DEVNULL)
    with open(os.path.join(dest, ".gitignore"), "w") as f:
        f.write("build/\n")
    git("init", "-q")
    git("add", "-A")
    git("commit", "-q", "-m", "initial")
