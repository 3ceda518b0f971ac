#!/usr/bin/env python3
"""Sweep containers-tidy over the bench corpus.

    bench/sweep.py [--corpus DIR] [--plugin PATH] [--clang-tidy BIN] [-j N]
                   [--out DIR] [--checks GLOB] [--force] [--sample N]
                   [--timeout S] [--headers] [PKG...]

For every unique C++ source file of each package's compile_commands.json
(.c files skipped) runs

    clang-tidy --load=PLUGIN -checks='-*,GLOB' -p CORPUS/PKG/build FILE --quiet

plus the package's extra arguments (EXTRA_ARGS below), in parallel. One JSON
record per TU goes to OUT/PKG/tu/<hash>.json; a TU that already has a record
for the same checks and extra arguments is skipped unless --force. At the end
it writes OUT/warnings.txt (sorted, unique lines
`check<TAB>file:line:col<TAB>message`, paths relative to the package source
root), OUT/summary.json, and prints a per-package table.

Python 3 standard library only.
"""

import argparse
import concurrent.futures
import fnmatch
import hashlib
import json
import os
import re
import shlex
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)

# Extra clang-tidy arguments per package (see bench/README.md).
EXTRA_ARGS = {
    "i2pd": ["--extra-arg=-Wno-error=enum-constexpr-conversion"],
}

CXX_EXTS = (".cc", ".cpp", ".cxx", ".c++", ".C", ".cp", ".mm")

DIAG_RE = re.compile(
    r"^(?P<file>[^\s|][^:]*?):(?P<line>\d+):(?P<col>\d+): "
    r"(?P<kind>warning|error|note|fatal error|remark): (?P<msg>.*?)"
    r"(?: \[(?P<tag>[A-Za-z0-9_.,+-]+)\])?$")

CRASH_MARKERS = ("Stack dump", "PLEASE submit a bug report",
                 "Assertion `", "Assertion failed", "LLVM ERROR",
                 "UNREACHABLE executed")


def default_plugin():
    """$CONTAINERS_TIDY_PLUGIN, else the first that exists of build/install
    (tools/setup.sh), build/llvm-19, /usr/local."""
    if os.environ.get("CONTAINERS_TIDY_PLUGIN"):
        return os.environ["CONTAINERS_TIDY_PLUGIN"]
    cands = [os.path.join(REPO, "build/install/lib/containers-tidy/libContainersTidy.so"),
             os.path.join(REPO, "build/llvm-19/lib/containers-tidy/libContainersTidy.so"),
             "/usr/local/lib/containers-tidy/libContainersTidy.so"]
    for p in cands:
        if os.path.exists(p):
            return p
    return cands[-1]


def source_root(pkg_dir):
    """The unpacked source directory DIR/PKG/PKG-VERSION (anything but build/)."""
    pkg = os.path.basename(pkg_dir.rstrip("/"))
    cands = sorted(d for d in os.listdir(pkg_dir)
                   if d != "build" and os.path.isdir(os.path.join(pkg_dir, d)))
    for d in cands:
        if d.startswith(pkg + "-"):
            return os.path.join(pkg_dir, d)
    return os.path.join(pkg_dir, cands[0]) if cands else pkg_dir


def rel_path(path, src_root, pkg_dir):
    path = os.path.normpath(path)
    for base in (src_root, pkg_dir):
        if path.startswith(base.rstrip("/") + "/"):
            return os.path.relpath(path, base)
    return path


def tu_files(build_dir):
    with open(os.path.join(build_dir, "compile_commands.json")) as f:
        db = json.load(f)
    files = set()
    for e in db:
        p = e["file"]
        if not os.path.isabs(p):
            p = os.path.join(e["directory"], p)
        p = os.path.normpath(p)
        if p.endswith(CXX_EXTS):
            files.add(p)
    return sorted(files)


def tu_hash(path):
    return hashlib.sha1(path.encode()).hexdigest()[:16]


def parse_output(text, checks_tag_ok):
    """Returns (warnings, parse_errors). Notes attach to the diagnostic before."""
    warnings = []
    parse_errors = 0
    current = None  # the last warning we keep, or None (a note of something else)
    for line in text.splitlines():
        m = DIAG_RE.match(line)
        if not m:
            continue
        kind, tag = m.group("kind"), m.group("tag")
        loc = {"file": m.group("file"), "line": int(m.group("line")),
               "col": int(m.group("col")), "message": m.group("msg")}
        if kind == "note":
            if current is not None:
                current["notes"].append(loc)
            continue
        current = None
        if kind in ("error", "fatal error") and tag == "clang-diagnostic-error":
            parse_errors += 1
        elif kind == "warning" and tag and checks_tag_ok(tag):
            current = {"check": tag, **loc, "notes": []}
            warnings.append(current)
    # clang-tidy runs once per compile command of a file: drop exact repeats.
    seen, unique = set(), []
    for w in warnings:
        key = json.dumps(w, sort_keys=True)
        if key not in seen:
            seen.add(key)
            unique.append(w)
    return unique, parse_errors


def run_tu(job):
    cmd, cwd, record_path, file, config, timeout, checks_tag_ok = job
    t0 = time.monotonic()
    timed_out = False
    try:
        p = subprocess.run(cmd, cwd=cwd, stdout=subprocess.PIPE,
                           stderr=subprocess.PIPE, timeout=timeout)
        rc, out, err = p.returncode, p.stdout, p.stderr
    except subprocess.TimeoutExpired as e:
        timed_out = True
        rc, out, err = None, e.stdout or b"", e.stderr or b""
    except OSError as e:
        rc, out, err = 127, b"", ("sweep: cannot run %s: %s" % (cmd[0], e)).encode()
    secs = time.monotonic() - t0
    out = out.decode("utf-8", "replace")
    err = err.decode("utf-8", "replace")
    warnings, parse_errors = parse_output(out + "\n" + err, checks_tag_ok)
    markers = [m for m in CRASH_MARKERS if m in err or m in out]
    crash = (rc is not None and rc < 0) or bool(markers)
    rec = {
        "file": file,
        "exit": rc,
        "signal": -rc if rc is not None and rc < 0 else None,
        "timeout": timed_out,
        "seconds": round(secs, 2),
        "parse_errors": parse_errors,
        "parse_failure": bool(rc not in (0, None) and parse_errors > 0),
        "crash": crash,
        "crash_markers": markers,
        "reproducer": "cd %s && %s" % (shlex.quote(cwd), shlex.join(cmd)),
        "config": config,
        "warnings": warnings,
    }
    if crash or timed_out or (rc not in (0, None) and parse_errors == 0):
        rec["stderr_tail"] = err[-4000:]
    tmp = record_path + ".tmp"
    with open(tmp, "w") as f:
        json.dump(rec, f, indent=1)
    os.replace(tmp, record_path)
    return rec


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", default=os.environ.get("CONTAINERS_TIDY_CORPUS", "/work/corpus"))
    ap.add_argument("--plugin", default=default_plugin(),
                    help="libContainersTidy.so (default: $CONTAINERS_TIDY_PLUGIN, "
                         "build/install, build/llvm-19, /usr/local)")
    ap.add_argument("--clang-tidy", default="clang-tidy-19")
    ap.add_argument("-j", type=int, default=os.cpu_count() or 1, metavar="N",
                    help="parallel clang-tidy processes (default: nproc)")
    ap.add_argument("--out", default=os.path.join(HERE, "results"))
    ap.add_argument("--checks", default="containers-*", metavar="GLOB",
                    help="run with -checks='-*,GLOB' (default: containers-*)")
    ap.add_argument("--force", action="store_true", help="re-run TUs already recorded")
    ap.add_argument("--sample", type=int, default=0, metavar="N",
                    help="at most N TUs per package (deterministic: by hash of the path)")
    ap.add_argument("--timeout", type=float, default=1200, help="seconds per TU")
    ap.add_argument("--headers", action="store_true",
                    help="also report in the package's own headers "
                         "(--header-filter=^SOURCE_ROOT/); default: main files only")
    ap.add_argument("pkgs", nargs="*", metavar="PKG")
    a = ap.parse_args()

    if os.sep in a.clang_tidy:  # the TUs run in the build directory
        a.clang_tidy = os.path.abspath(a.clang_tidy)
    corpus = os.path.abspath(a.corpus)
    out = os.path.abspath(a.out)
    plugin = os.path.abspath(a.plugin)
    pkgs = a.pkgs or sorted(
        d for d in os.listdir(corpus)
        if os.path.exists(os.path.join(corpus, d, "build", "compile_commands.json")))
    globs = [g.strip() for g in a.checks.split(",") if g.strip()]
    pos = [g for g in globs if not g.startswith("-")]
    neg = [g[1:] for g in globs if g.startswith("-")]

    def checks_tag_ok(tag):
        return any(fnmatch.fnmatchcase(t, g) for t in tag.split(",") for g in pos) and \
            not any(fnmatch.fnmatchcase(t, g) for t in tag.split(",") for g in neg)

    jobs, selected = [], {}
    for pkg in pkgs:
        pkg_dir = os.path.join(corpus, pkg)
        build = os.path.join(pkg_dir, "build")
        if not os.path.exists(os.path.join(build, "compile_commands.json")):
            print("sweep: %s: no %s/compile_commands.json" % (pkg, build), file=sys.stderr)
            return 2
        files = tu_files(build)
        if a.sample and len(files) > a.sample:
            files = sorted(sorted(files, key=tu_hash)[:a.sample])
        tu_dir = os.path.join(out, pkg, "tu")
        os.makedirs(tu_dir, exist_ok=True)
        extra = list(EXTRA_ARGS.get(pkg, []))
        if a.headers:
            extra.append("--header-filter=^" + re.escape(source_root(pkg_dir)) + "/")
        config = {"checks": a.checks, "extra": extra}
        selected[pkg] = files
        for f in files:
            rp = os.path.join(tu_dir, tu_hash(f) + ".json")
            if not a.force and os.path.exists(rp):
                try:
                    with open(rp) as fh:
                        if json.load(fh).get("config") == config:
                            continue
                except (OSError, ValueError):
                    pass
            cmd = [a.clang_tidy, "--load=" + plugin, "-checks=-*," + a.checks,
                   "-p", build, f, "--quiet"] + extra
            jobs.append((cmd, build, rp, f, config, a.timeout, checks_tag_ok))

    total = len(jobs)
    if total:
        print("sweep: %d TUs to run, -j %d" % (total, a.j), file=sys.stderr)
    t0 = time.monotonic()
    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, a.j)) as ex:
        futs = [ex.submit(run_tu, j) for j in jobs]
        for i, fut in enumerate(concurrent.futures.as_completed(futs), 1):
            rec = fut.result()
            flag = " CRASH" if rec["crash"] else (" PARSE-FAIL" if rec["parse_failure"] else "")
            print("[%d/%d %4.0fs] %5.1fs %d warn%s  %s" % (
                i, total, time.monotonic() - t0, rec["seconds"], len(rec["warnings"]),
                flag, rec["file"]), file=sys.stderr, flush=True)

    wall = time.monotonic() - t0

    # Aggregate over the selected TUs of every package (including earlier runs).
    summary, lines = {}, set()
    for pkg in pkgs:
        pkg_dir = os.path.join(corpus, pkg)
        src = source_root(pkg_dir)
        s = {"tus": 0, "missing": 0, "parse_failures": 0, "crashes": 0, "timeouts": 0,
             "warnings": 0, "seconds": 0.0, "source_root": src,
             "parse_failed_files": [], "crashed_files": []}
        pkg_lines = set()
        for f in selected[pkg]:
            rp = os.path.join(out, pkg, "tu", tu_hash(f) + ".json")
            try:
                with open(rp) as fh:
                    rec = json.load(fh)
            except (OSError, ValueError):
                s["missing"] += 1
                continue
            s["tus"] += 1
            s["seconds"] += rec["seconds"]
            rf = rel_path(f, src, pkg_dir)
            if rec["parse_failure"]:
                s["parse_failures"] += 1
                s["parse_failed_files"].append(rf)
            if rec["crash"]:
                s["crashes"] += 1
                s["crashed_files"].append({"file": rf, "reproducer": rec["reproducer"]})
            if rec.get("timeout"):
                s["timeouts"] += 1
            for w in rec["warnings"]:
                pkg_lines.add("%s\t%s:%d:%d\t%s" % (
                    w["check"], rel_path(w["file"], src, pkg_dir), w["line"], w["col"],
                    w["message"]))
        s["warnings"] = len(pkg_lines)
        s["seconds"] = round(s["seconds"], 1)
        summary[pkg] = s
        # One file for all packages: prefix the package-relative path with PKG/.
        for l in pkg_lines:
            check, rest = l.split("\t", 1)
            lines.add("%s\t%s/%s" % (check, pkg, rest))

    os.makedirs(out, exist_ok=True)
    with open(os.path.join(out, "warnings.txt"), "w") as f:
        for l in sorted(lines):
            f.write(l + "\n")
    meta = {"clang_tidy": a.clang_tidy, "plugin": plugin, "checks": a.checks,
            "sample": a.sample, "headers": a.headers, "jobs": a.j,
            "tus_run_now": total, "wall_seconds_now": round(wall, 1),
            "packages": summary}
    with open(os.path.join(out, "summary.json"), "w") as f:
        json.dump(meta, f, indent=1, sort_keys=True)

    hdr = ("package", "TUs", "parse fail", "crashes", "warnings", "seconds")
    rows = [(p, s["tus"], s["parse_failures"], s["crashes"], s["warnings"], s["seconds"])
            for p, s in summary.items()]
    rows.append(("total",) + tuple(
        round(sum(r[i] for r in rows), 1) for i in range(1, 6)))
    w0 = max(len(str(r[0])) for r in rows + [hdr])
    print("%-*s %6s %11s %8s %9s %9s" % ((w0,) + hdr))
    for r in rows:
        print("%-*s %6d %11d %8d %9d %9.1f" % ((w0,) + r))
    bad = any(s["missing"] for s in summary.values())
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
