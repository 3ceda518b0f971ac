#!/usr/bin/env python3
"""What containers-tidy costs on real code, next to the alternatives.

    bench/cost.py [--corpus DIR] [--llvm N] [--plugin PATH] [--sample N | --all]
                  [--reps R] [--no-analyzer] [--no-cppcheck] [--out DIR] [PKG...]

For a deterministic sample of translation units (the first N by a hash of
their path; default 40, --all for every TU) it times, per TU and interleaved
in each repetition so machine noise hits every mode alike:

  baseline   clang-tidy with one trivial built-in check (cppcoreguidelines-avoid-goto,
             which matches goto statements only): parse + AST, the floor
  checks     clang-tidy --load=PLUGIN -checks='-*,containers-*'
  analyzer   the Clang Static Analyzer's iterator checkers (InvalidatedIterator,
             IteratorRange, MismatchedIterator), with the analyzer option
             without which they skip the whole TU
  cppcheck   cppcheck 2.x on the TU, with its -I/-D/-std

and keeps the minimum of R repetitions (default 3). Overhead is
(mode - baseline) / baseline, per TU and in total. (The checks run in one
traversal of their own at the end of clang-tidy's, which
--enable-check-profile does not time per check; --instructions counts them
exactly.)
Writes OUT/cost.json and OUT/cost.md (default OUT: bench/results/cost) and
prints the Markdown table. Python 3 standard library only.
"""

import argparse
import glob
import hashlib
import json
import os
import re
import shlex
import subprocess
import sys
import tempfile
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from sweep import EXTRA_ARGS, tu_files  # noqa: E402  (same corpus conventions)

BASELINE_CHECK = "cppcoreguidelines-avoid-goto"

REPO = os.path.dirname(HERE)
ANALYZER_CHECKS = ",".join("clang-analyzer-alpha.cplusplus." + c for c in
                           ("InvalidatedIterator", "IteratorRange", "MismatchedIterator"))
ANALYZER_ARGS = ["--allow-enabling-analyzer-alpha-checkers"] + [
    "--extra-arg=" + a for a in
    ("-Xclang", "-analyzer-config", "-Xclang",
     "aggressive-binary-operation-simplification=true")]
# cppcheck no longer predefines the platform once -D is given.
CPPCHECK_PLATFORM = ["-D__linux__", "-D__x86_64__", "-D__GNUC__=12", "-D__cplusplus=201703L"]


def timed(cmd, timeout):
    """Runs cmd; returns (seconds, exit code, output, peak RSS in KiB)."""
    with tempfile.TemporaryFile() as out:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=out, stderr=subprocess.STDOUT)
        timer = threading.Timer(timeout, proc.kill)
        timer.start()
        _, status, usage = os.wait4(proc.pid, 0)
        elapsed = time.perf_counter() - start
        timer.cancel()
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        text = out.read().decode(errors="replace")
    if proc.returncode < 0:
        return float("inf"), proc.returncode, text + "\nkilled", usage.ru_maxrss
    return elapsed, proc.returncode, text, usage.ru_maxrss


def compile_entry(build, path):
    with open(os.path.join(build, "compile_commands.json")) as f:
        for e in json.load(f):
            p = e["file"] if os.path.isabs(e["file"]) else os.path.join(e["directory"], e["file"])
            if os.path.normpath(p) == path:
                return e
    return None


def cppcheck_cmd(entry, path):
    args = entry.get("arguments") or shlex.split(entry["command"])
    keep = []
    for i, a in enumerate(args):
        if a.startswith("-std="):
            # cppcheck spells it --std and knows no GNU dialects.
            keep.append("-" + a.replace("=gnu++", "=c++"))
        elif a.startswith(("-I", "-D", "-U")) and len(a) > 2:
            keep.append(a)
        elif a in ("-I", "-isystem") and i + 1 < len(args):
            keep.append("-I" + args[i + 1])
    return (["cppcheck", "--quiet", "--enable=warning,performance", "--inline-suppr",
             "--language=c++"] + CPPCHECK_PLATFORM + keep + [path])


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", default=os.environ.get("CONTAINERS_TIDY_CORPUS", "/work/corpus"))
    ap.add_argument("--llvm", default="19")
    ap.add_argument("--plugin")
    ap.add_argument("--sample", type=int, default=40)
    ap.add_argument("--all", action="store_true")
    ap.add_argument("--reps", type=int, default=3)
    ap.add_argument("--timeout", type=float, default=600)
    ap.add_argument("--no-analyzer", action="store_true")
    ap.add_argument("--no-cppcheck", action="store_true")
    ap.add_argument("--instructions", type=int, default=0, metavar="N",
                    help="also count instructions (valgrind --tool=callgrind, about 40x "
                         "slower, but the same on a loaded machine) of the baseline and the "
                         "checks on the first N TUs of the sample")
    ap.add_argument("--out", default=os.path.join(HERE, "results", "cost"))
    ap.add_argument("packages", nargs="*")
    a = ap.parse_args()

    tidy = "/usr/lib/llvm-%s/bin/clang-tidy" % a.llvm
    plugin = a.plugin or os.path.join(
        REPO, "build/llvm-%s/lib/containers-tidy/libContainersTidy.so" % a.llvm)
    for need, what in ((tidy, "install clang-tidy-%s" % a.llvm),
                       (plugin, "build it: tools/run-tests.sh %s" % a.llvm)):
        if not os.path.exists(need):
            sys.exit("cost.py: %s not found (%s)" % (need, what))
    pkgs = a.packages or sorted(d for d in os.listdir(a.corpus)
                                if os.path.exists(os.path.join(a.corpus, d, "build",
                                                               "compile_commands.json")))
    if not pkgs:
        sys.exit("cost.py: no package with build/compile_commands.json under %s; "
                 "run bench/corpus.sh first" % a.corpus)
    tus = []
    for pkg in pkgs:
        build = os.path.join(a.corpus, pkg, "build")
        tus += [(pkg, build, f) for f in tu_files(build)]
    tus.sort(key=lambda t: hashlib.sha1(t[2].encode()).hexdigest())
    if not a.all:
        tus = tus[:a.sample]

    # The floor: clang-tidy refuses to run with no check, so the baseline
    # enables one whose matcher only looks at `goto` statements. (An earlier
    # baseline, readability-braces-around-statements, costs about 11% of
    # parse + AST by itself: 276 M of 2.41 G instructions on spdlog's
    # stdout_sinks.cpp under callgrind, which hid that much of the checks'
    # cost.)
    modes = {
        "baseline": lambda pkg, build, f: [tidy, "-checks=-*," + BASELINE_CHECK,
                                           "-p", build, f, "--quiet"] + EXTRA_ARGS.get(pkg, []),
        "checks": lambda pkg, build, f: [tidy, "--load=" + plugin, "-checks=-*,containers-*",
                                         "-p", build, f, "--quiet"] + EXTRA_ARGS.get(pkg, []),
    }
    if not a.no_analyzer:
        modes["analyzer"] = lambda pkg, build, f: ([tidy, "-checks=-*," + ANALYZER_CHECKS,
                                                    "-p", build, f, "--quiet"] + ANALYZER_ARGS
                                                   + EXTRA_ARGS.get(pkg, []))
    if not a.no_cppcheck and subprocess.run(["which", "cppcheck"], stdout=subprocess.DEVNULL).returncode == 0:
        modes["cppcheck"] = lambda pkg, build, f: cppcheck_cmd(compile_entry(build, f), f)

    rows = []
    for i, (pkg, build, f) in enumerate(tus, 1):
        best = {m: float("inf") for m in modes}
        peak = {m: 0 for m in modes}
        failed = {}
        for _ in range(a.reps):
            for m, cmd in modes.items():
                t, rc, out, rss = timed(cmd(pkg, build, f), a.timeout)
                peak[m] = max(peak[m], rss)
                if m != "cppcheck" and "clang-diagnostic-error" in out:
                    failed[m] = "parse error"
                elif m == "cppcheck" and rc != 0:
                    failed[m] = out.strip().splitlines()[-1][:200] if out.strip() else "exit %d" % rc
                best[m] = min(best[m], t)
        row = {"package": pkg, "file": os.path.relpath(f, os.path.join(a.corpus, pkg)),
               **{m: round(v, 3) for m, v in best.items()},
               "peak_kib": peak, "failed": failed}
        rows.append(row)
        print("[%d/%d] %s %s" % (i, len(tus), row["file"],
                                 " ".join("%s=%.2fs" % (m, best[m]) for m in modes)),
              file=sys.stderr, flush=True)

    # Instruction counts: repeatable where wall time is not.
    instructions = []
    for pkg, build, f in tus[:a.instructions]:
        counts = {}
        for m in ("baseline", "checks"):
            with tempfile.TemporaryDirectory() as tmp:
                log = os.path.join(tmp, "callgrind.out")
                timed(["valgrind", "--tool=callgrind", "--callgrind-out-file=" + log]
                      + modes[m](pkg, build, f), 40 * a.timeout)
                total_ir = None
                if os.path.exists(log):
                    with open(log) as fh:
                        for line in fh:
                            if line.startswith("totals:"):
                                total_ir = int(line.split()[1])
                counts[m] = total_ir
        instructions.append({"package": pkg, "file": os.path.relpath(f, os.path.join(a.corpus, pkg)),
                             **counts})
        print("[instructions] %s %s" % (instructions[-1]["file"], counts), file=sys.stderr, flush=True)

    ok = [r for r in rows if not r["failed"]]
    total = {m: sum(r[m] for r in ok) for m in modes}
    def over(m, rs):
        base = sum(r["baseline"] for r in rs)
        return (sum(r[m] for r in rs) - base) / base if base else 0.0
    per_tu = {m: sorted((r[m] - r["baseline"]) / r["baseline"] for r in ok if r["baseline"] > 0)
              for m in modes if m != "baseline"}
    summary = {
        "llvm": a.llvm, "tus": len(rows), "tus_parsed": len(ok), "reps": a.reps,
        "total_seconds": {m: round(v, 2) for m, v in total.items()},
        "overhead_total": {m: round(over(m, ok), 4) for m in modes if m != "baseline"},
        "overhead_median": {m: round(v[len(v) // 2], 4) if v else None for m, v in per_tu.items()},
        "overhead_max": {m: round(v[-1], 4) if v else None for m, v in per_tu.items()},
        "peak_memory_over_baseline_max": round(max(
            (r["peak_kib"]["checks"] - r["peak_kib"]["baseline"]) / r["peak_kib"]["baseline"]
            for r in ok) if ok else 0.0, 4),
    }
    counted = [r for r in instructions if r["baseline"] and r["checks"]]
    if counted:
        base_ir = sum(r["baseline"] for r in counted)
        summary["instructions"] = {
            "tus": len(counted), "baseline": base_ir,
            "checks": sum(r["checks"] for r in counted),
            "overhead_total": round(sum(r["checks"] for r in counted) / base_ir - 1, 4),
            "overhead_max": round(max(r["checks"] / r["baseline"] - 1 for r in counted), 4)}
    os.makedirs(a.out, exist_ok=True)
    with open(os.path.join(a.out, "cost.json"), "w") as fh:
        json.dump({"summary": summary, "tus": rows, "instructions": instructions}, fh, indent=1)
    md = ["# Cost on %d TUs (LLVM %s, min of %d reps, %d parsed)" % (len(rows), a.llvm, a.reps, len(ok)), "",
          "| mode | total s | overhead vs baseline (total) | median per TU | worst TU |",
          "|---|---|---|---|---|"]
    for m in modes:
        if m == "baseline":
            md.append("| baseline (parse + AST) | %.1f | — | — | — |" % total[m])
        else:
            md.append("| %s | %.1f | %+.1f%% | %+.1f%% | %+.1f%% |" % (
                m, total[m], 100 * summary["overhead_total"][m],
                100 * (summary["overhead_median"][m] or 0), 100 * (summary["overhead_max"][m] or 0)))
    md += ["", "Peak memory (max RSS) of the checks run over baseline, worst TU: %+.1f%%"
           % (100 * summary["peak_memory_over_baseline_max"])]
    if "instructions" in summary:
        ins = summary["instructions"]
        md += ["", "Instructions (callgrind) on the first %d TUs: baseline %.3f G, checks %.3f G: "
               "%+.1f%% in total, worst TU %+.1f%%" % (
                   ins["tus"], ins["baseline"] / 1e9, ins["checks"] / 1e9,
                   100 * ins["overhead_total"], 100 * ins["overhead_max"])]
        md += ["", "| package | TU (callgrind) | baseline Ir | checks Ir | overhead |", "|---|---|---|---|---|"]
        md += ["| %s | %s | %d | %d | %+.1f%% |" % (r["package"], r["file"], r["baseline"], r["checks"],
                                                   100 * (r["checks"] / r["baseline"] - 1))
               for r in counted]
    md += ["", "| package | TU | " + " | ".join("%s s" % m for m in modes) + " |",
           "|---|---|" + "---|" * len(modes)]
    for r in rows:
        md.append("| %s | %s | %s |" % (r["package"], r["file"], " | ".join(
            "%.2f" % r[m] for m in modes)) + (" parse error" if r["failed"] else ""))
    with open(os.path.join(a.out, "cost.md"), "w") as fh:
        fh.write("\n".join(md) + "\n")
    per_tu_table = next(i for i, l in enumerate(md) if l.startswith("| package |"))
    print("\n".join(md[:per_tu_table]))


if __name__ == "__main__":
    main()
