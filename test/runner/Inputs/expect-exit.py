#!/usr/bin/env python3
"""Runs a command and succeeds only when it exits with the given status.
Usage: expect-exit.py STATUS COMMAND [ARG...]   (stdout/stderr pass through)"""
import subprocess
import sys

want = int(sys.argv[1])
r = subprocess.run(sys.argv[2:])
if r.returncode != want:
    print("expect-exit: %s exited with %d, expected %d" % (sys.argv[2], r.returncode, want),
          file=sys.stderr)
    sys.exit(1)
