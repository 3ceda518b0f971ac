#!/usr/bin/env python3
"""What containers-tidy costs on real code, next to the alternatives.

    bench/cost.py [--corpus DIR] [--llvm N] [--plugin PATH] [--sample N | --all]
                  [--reps R] [--no-analyzer] [--no-cppcheck] [--out DIR] [PKG...]
    bench/cost.py --instructions-only [-j J] [--callgrind-dir DIR] [--force] ...

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
prints the Markdown table.

--instructions-only skips the timed modes and counts, under
valgrind --tool=callgrind, the instructions of the baseline and of the checks
on every TU of the sample (or the first N with --instructions N), J callgrind
processes at a time (-j, default 2). Instruction counts do not depend on the
machine's load, so this is the exact figure of the checks' cost. It writes
OUT/cost.json and OUT/cost.md (default OUT: bench/results/cost-instructions):
per TU the baseline and checks instructions and the overhead, the total, the
median and the worst TU. Until every TU is counted, each count is also kept
in OUT/raw/ with the plugin's SHA-256, so an interrupted run resumes (--force
counts again);
--callgrind-dir keeps callgrind's output files for callgrind_annotate.
Python 3 standard library only.
"""

import argparse
import concurrent.futures
import glob
import hashlib
import json
import os
import re
import shlex
import shutil
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


def callgrind(cmd, timeout, out_file):
    """Runs cmd under callgrind; returns (instructions or None, exit code, output)."""
    _, rc, text, _ = timed(["valgrind", "--tool=callgrind", "--callgrind-out-file=" + out_file]
                           + cmd, timeout)
    total_ir = None
    if os.path.exists(out_file):
        with open(out_file) as fh:
            for line in fh:
                if line.startswith("totals:"):
                    total_ir = int(line.split()[1])
    return total_ir, rc, text


def sha256(path):
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def plugin_digest(plugin, llvm):
    """SHA-256 of the plugin and of the checks library it loads for this major."""
    parts = [sha256(plugin)]
    checks = os.path.join(os.path.dirname(plugin), "llvm-%s" % llvm, "libContainersTidyChecks.so")
    if os.path.exists(checks):
        parts.append(sha256(checks))
    return "+".join(parts)


def median(values):
    v = sorted(values)
    if not v:
        return None
    n = len(v)
    return v[n // 2] if n % 2 else (v[n // 2 - 1] + v[n // 2]) / 2


def instructions_only(a, tus, modes, tidy, plugin):
    """Counts baseline and checks instructions of every TU, a.j at a time."""
    out = a.out or os.path.join(HERE, "results", "cost-instructions")
    raw_dir = os.path.join(out, "raw")
    os.makedirs(raw_dir, exist_ok=True)
    if a.callgrind_dir:
        os.makedirs(a.callgrind_dir, exist_ok=True)
    digest = plugin_digest(plugin, a.llvm)
    if a.instructions:
        tus = tus[:a.instructions]

    def rel(pkg, f):
        return os.path.relpath(f, os.path.join(a.corpus, pkg))

    def job(pkg, build, f, m):
        cmd = modes[m](pkg, build, f)
        key = hashlib.sha1(("%s\0%s" % (f, m)).encode()).hexdigest()[:16]
        raw = os.path.join(raw_dir, "%s-%s.json" % (key, m))
        if not a.force and os.path.exists(raw):
            with open(raw) as fh:
                rec = json.load(fh)
            if rec.get("plugin_sha256") == digest and rec.get("command") == cmd \
                    and rec.get("instructions"):
                return rec, True
        name = "%s-%s.callgrind" % (key, m)
        with tempfile.TemporaryDirectory() as tmp:
            log = os.path.join(a.callgrind_dir or tmp, name)
            start = time.perf_counter()
            ir, rc, text = callgrind(cmd, 40 * a.timeout, log)
            secs = time.perf_counter() - start
        rec = {"package": pkg, "file": rel(pkg, f), "mode": m, "instructions": ir,
               "exit": rc, "parse_error": "clang-diagnostic-error" in text,
               "seconds_under_callgrind": round(secs, 1), "command": cmd,
               "plugin": plugin, "plugin_sha256": digest,
               "callgrind_out": log if a.callgrind_dir else None}
        if rc != 0 or ir is None:
            rec["output_tail"] = text[-2000:]
        tmp_raw = raw + ".tmp"
        with open(tmp_raw, "w") as fh:
            json.dump(rec, fh, indent=1)
        os.replace(tmp_raw, raw)
        return rec, False

    jobs = [(pkg, build, f, m) for pkg, build, f in tus for m in ("baseline", "checks")]
    results = {}
    start = time.perf_counter()
    with concurrent.futures.ThreadPoolExecutor(max_workers=a.j) as pool:
        futures = {pool.submit(job, *j): j for j in jobs}
        for done, fut in enumerate(concurrent.futures.as_completed(futures), 1):
            pkg, build, f, m = futures[fut]
            rec, cached = fut.result()
            results[(f, m)] = rec
            print("[%d/%d] %s %s %s: %s%s" % (
                done, len(jobs), pkg, rec["file"], m,
                "%.3f G" % (rec["instructions"] / 1e9) if rec["instructions"] else "no count",
                " (cached)" if cached else " (%.0f s, exit %d)" % (
                    rec["seconds_under_callgrind"], rec["exit"])),
                file=sys.stderr, flush=True)
    wall = time.perf_counter() - start

    rows = []
    for pkg, build, f in tus:
        b, c = results[(f, "baseline")], results[(f, "checks")]
        failed = [m for m, r in (("baseline", b), ("checks", c))
                  if r["instructions"] is None or r["exit"] != 0 or r["parse_error"]]
        row = {"package": pkg, "file": rel(pkg, f), "baseline": b["instructions"],
               "checks": c["instructions"], "failed": failed}
        if not failed:
            row["overhead"] = round(c["instructions"] / b["instructions"] - 1, 6)
        rows.append(row)
    ok = [r for r in rows if not r["failed"]]
    base_ir = sum(r["baseline"] for r in ok)
    checks_ir = sum(r["checks"] for r in ok)
    worst = max(ok, key=lambda r: r["overhead"]) if ok else None
    limit_total, limit_tu = 0.03, 0.10
    summary = {
        "llvm": a.llvm, "clang_tidy": tidy, "plugin": plugin, "plugin_sha256": digest,
        "tus": len(rows), "tus_counted": len(ok),
        "failed": [{"package": r["package"], "file": r["file"], "modes": r["failed"]}
                   for r in rows if r["failed"]],
        "baseline_instructions": base_ir, "checks_instructions": checks_ir,
        "overhead_total": round(checks_ir / base_ir - 1, 6) if base_ir else None,
        "overhead_median": round(median(r["overhead"] for r in ok), 6) if ok else None,
        "overhead_max": round(worst["overhead"], 6) if worst else None,
        "worst_tu": "%s %s" % (worst["package"], worst["file"]) if worst else None,
        "target": {"total": limit_total, "per_tu": limit_tu},
        "tus_over_per_tu_target": ["%s %s" % (r["package"], r["file"])
                                   for r in ok if r["overhead"] > limit_tu],
        "jobs": a.j, "wall_seconds": round(wall, 1),
    }
    os.makedirs(out, exist_ok=True)
    runs = [results[(f, m)] for _, _, f in tus for m in ("baseline", "checks")]
    with open(os.path.join(out, "cost.json"), "w") as fh:
        json.dump({"summary": summary, "tus": rows, "runs": runs}, fh, indent=1)
    s = summary
    md = ["# Instructions on %d TUs (callgrind, LLVM %s, %d counted)" % (
        s["tus"], a.llvm, s["tus_counted"]), "",
        "Baseline: clang-tidy `-checks=-*,%s` (parse + AST). Checks: "
        "`--load=PLUGIN -checks=-*,containers-*`. Overhead = checks / baseline - 1." % BASELINE_CHECK,
        "Plugin SHA-256: `%s`." % digest, ""]
    if ok:
        md += ["| | baseline instructions | with `containers-*` | overhead |", "|---|---|---|---|",
               "| total | %.3f G | %.3f G | %+.2f%% |" % (base_ir / 1e9, checks_ir / 1e9,
                                                     100 * s["overhead_total"]),
               "| median per TU | | | %+.2f%% |" % (100 * s["overhead_median"]),
               "| worst TU (%s) | %.3f G | %.3f G | %+.2f%% |" % (
                   s["worst_tu"], worst["baseline"] / 1e9, worst["checks"] / 1e9,
                   100 * s["overhead_max"]), "",
               "Target: at most +%d%% in total (%s), no TU above +%d%% (%d above)." % (
                   100 * limit_total, "met" if s["overhead_total"] <= limit_total else "NOT met",
                   100 * limit_tu, len(s["tus_over_per_tu_target"]))]
    if s["failed"]:
        md += ["", "Not counted (no count, non-zero exit or parse error): " + ", ".join(
            "%s %s (%s)" % (r["package"], r["file"], "/".join(r["modes"])) for r in s["failed"])]
    md += ["", "| package | TU | baseline instructions | with `containers-*` | overhead |",
           "|---|---|---|---|---|"]
    for r in sorted(rows, key=lambda r: -r.get("overhead", float("inf"))):
        md.append("| %s | %s | %s | %s | %s |" % (
            r["package"], r["file"],
            "{:,}".format(r["baseline"]) if r["baseline"] else "—",
            "{:,}".format(r["checks"]) if r["checks"] else "—",
            "%+.2f%%" % (100 * r["overhead"]) if "overhead" in r else "failed: " + "/".join(r["failed"])))
    with open(os.path.join(out, "cost.md"), "w") as fh:
        fh.write("\n".join(md) + "\n")
    if not s["failed"]:
        shutil.rmtree(raw_dir)  # every count is in cost.json
    print("\n".join(md[:md.index("| package | TU | baseline instructions | with `containers-*` | overhead |")]))
    return 1 if s["failed"] else 0


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
    paragraphs = __doc__.split("\n\n")
    ap = argparse.ArgumentParser(
        description=paragraphs[0], formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog=next(p for p in paragraphs if p.startswith("--instructions-only")))
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
    ap.add_argument("--instructions-only", action="store_true",
                    help="no timed run: count the instructions (callgrind) of the baseline "
                         "and the checks on every TU of the sample (the first N with "
                         "--instructions N), -j at a time; writes OUT/cost.json and "
                         "OUT/cost.md (default OUT: bench/results/cost-instructions)")
    ap.add_argument("-j", type=int, default=2, metavar="J",
                    help="callgrind processes at a time with --instructions-only (default 2)")
    ap.add_argument("--callgrind-dir", metavar="DIR",
                    help="with --instructions-only: keep callgrind's output files in DIR "
                         "(for callgrind_annotate)")
    ap.add_argument("--force", action="store_true",
                    help="with --instructions-only: count again the TUs already counted in "
                         "OUT/raw/ with the same plugin")
    ap.add_argument("--out", help="default: bench/results/cost (bench/results/cost-instructions "
                                  "with --instructions-only)")
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
    if a.instructions_only:
        return instructions_only(a, tus, modes, tidy, plugin)
    a.out = a.out or os.path.join(HERE, "results", "cost")
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
                counts[m] = callgrind(modes[m](pkg, build, f), 40 * a.timeout,
                                      os.path.join(tmp, "callgrind.out"))[0]
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
    sys.exit(main())
