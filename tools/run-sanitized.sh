#!/usr/bin/env bash
# Builds the checks with AddressSanitizer and UndefinedBehaviorSanitizer and
# runs the lit suite with the sanitizer runtime preloaded into the stock
# clang-tidy; with --corpus N it also sweeps N TUs per corpus package
# (bench/corpus.sh) under the sanitizers. Any sanitizer report fails the run.
#
# Usage: tools/run-sanitized.sh [--llvm N] [--corpus N]
set -u
cd "$(dirname "$0")/.."
root=$(pwd)
major=19
corpus=0
while [ $# -gt 0 ]; do
  case "$1" in
    --llvm) major="$2"; shift 2 ;;
    --corpus) corpus="$2"; shift 2 ;;
    *) echo "run-sanitized.sh: unknown argument '$1'" >&2; exit 2 ;;
  esac
done
dir=$root/build/sanitize-llvm-$major
cmake -S "$root" -B "$dir" -G Ninja -DLLVM_VERSION="$major" \
  -DCMAKE_CXX_COMPILER="clang++-$major" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCONTAINERS_TIDY_SANITIZE=ON >/dev/null || exit 2
ninja -C "$dir" ContainersTidy ContainersTidyChecks || exit 2
runtime=$(clang++-"$major" -print-file-name=libclang_rt.asan-x86_64.so)
[ -f "$runtime" ] || { echo "no ASan runtime ($runtime): apt-get install libclang-rt-$major-dev" >&2; exit 2; }
# clang-tidy itself leaks on purpose at exit: leak checking is off.
# The lit suite preloads the runtime into every command, among them the fake
# clang-tidy of test/runner/crash.test that kills itself with SIGSEGV: with
# ASan's SEGV handler it would die of SIGABRT instead. handle_segv=0 leaves a
# segfault a segfault (a real one in the checks still kills clang-tidy and
# fails the test); ASan's own checks are not affected.
export CONTAINERS_TIDY_SANITIZE_LD_PRELOAD=$runtime
export CONTAINERS_TIDY_SANITIZE_ASAN_OPTIONS=detect_leaks=0:abort_on_error=1:handle_segv=0
export CONTAINERS_TIDY_SANITIZE_UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
lit=/usr/lib/llvm-$major/bin/lit
[ -x "$lit" ] || lit=/usr/lib/llvm-$major/build/utils/lit/lit.py
python3 "$lit" -sv "$dir/test" || exit 1
if [ "$corpus" -gt 0 ]; then
  rm -rf "$dir/sweep"
  LD_PRELOAD=$runtime ASAN_OPTIONS=detect_leaks=0:abort_on_error=1 \
    UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    python3 bench/sweep.py --plugin "$dir/lib/containers-tidy/libContainersTidy.so" \
      --clang-tidy "clang-tidy-$major" --sample "$corpus" --force --out "$dir/sweep" || exit 1
  # sweep.py exits 0 when a TU crashed; a sanitizer report aborts clang-tidy,
  # which the sweep records as a crash: look at every TU's record.
  python3 - "$dir/sweep" <<'EOF' || exit 1
import glob, json, sys
records = glob.glob(sys.argv[1] + "/*/tu/*.json")
bad = []
for path in records:
    with open(path) as f:
        r = json.load(f)
    tail = r.get("stderr_tail", "")
    if (r["crash"] or r["timeout"] or "Sanitizer" in tail or "runtime error:" in tail
            or (r["exit"] != 0 and not r["parse_failure"])):
        bad.append(r)
        print("sanitized sweep: %s: exit %s%s\n%s" % (
            r["file"], r["exit"], " (timeout)" if r["timeout"] else "", tail[-3000:]),
            file=sys.stderr)
print("sanitized sweep: %d TUs, %d with a crash, timeout or report" % (len(records), len(bad)))
sys.exit(1 if bad or not records else 0)
EOF
fi
echo "sanitized run: no reports"
