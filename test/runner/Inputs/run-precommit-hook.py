#!/usr/bin/env python3
"""Runs a hook of a .pre-commit-hooks.yaml the way the pre-commit framework
does for `language: script`: the entry (a path inside the hook repository,
then its arguments), the args of the user's config, then the file names.
Exits with the hook's status.
Usage: run-precommit-hook.py HOOK_REPO HOOK_ID [ARG...] -- FILE..."""
import importlib.machinery
import importlib.util
import os
import shlex
import subprocess
import sys

repo, hook_id = sys.argv[1], sys.argv[2]
rest = sys.argv[3:]
args, files = (rest[:rest.index("--")], rest[rest.index("--") + 1:]) if "--" in rest else (rest, [])
loader = importlib.machinery.SourceFileLoader("ct", os.path.join(repo, "tools", "containers-tidy"))
spec = importlib.util.spec_from_loader("ct", loader)
ct = importlib.util.module_from_spec(spec)
loader.exec_module(ct)
with open(os.path.join(repo, ".pre-commit-hooks.yaml"), encoding="utf-8") as f:
    hooks = ct.parse_yaml_documents(f.read())[0]
hook = next(h for h in hooks if h["id"] == hook_id)
assert hook["language"] == "script", hook
entry = shlex.split(hook["entry"])
cmd = [os.path.join(repo, entry[0])] + entry[1:] + list(hook.get("args") or []) + args + files
sys.exit(subprocess.run(cmd).returncode)
