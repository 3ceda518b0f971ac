#!/usr/bin/env bash
# Builds containers-tidy for each supported LLVM major that is installed (or
# for the majors given as arguments) and runs the lit suite against each
# one's clang-tidy. Ends with the totals on a line of their own:
#   N passed, N failed
# Exit status: 0 when every suite ran and nothing failed.
#
# Usage: tools/run-tests.sh [MAJOR...]
#   CONTAINERS_TIDY_BUILD_ROOT  where build trees go (default: ./build)
set -u
cd "$(dirname "$0")/.." || exit 2
root=$(pwd)
build_root=${CONTAINERS_TIDY_BUILD_ROOT:-$root/build}
supported="14 15 16 19 22"

majors="$*"
if [ -z "$majors" ]; then
  for m in $supported; do
    if [ -f /usr/lib/llvm-$m/lib/cmake/llvm/LLVMConfig.cmake ] &&
       [ -x /usr/lib/llvm-$m/bin/clang-tidy ]; then
      majors="$majors $m"
    fi
  done
fi
if [ -z "$majors" ]; then
  echo "error: no supported LLVM installed (supported: $supported); run tools/setup.sh first" >&2
  echo "0 passed, 1 failed"
  exit 1
fi

lit_for() {
  if [ -x /usr/lib/llvm-$1/bin/lit ]; then echo /usr/lib/llvm-$1/bin/lit
  elif [ -f /usr/lib/llvm-$1/build/utils/lit/lit.py ]; then echo /usr/lib/llvm-$1/build/utils/lit/lit.py
  fi
}

total_pass=0
total_fail=0
summary=""
for m in $majors; do
  echo "=== LLVM $m: build"
  dir=$build_root/llvm-$m
  cxx=clang++-$m
  command -v "$cxx" >/dev/null 2>&1 || cxx=c++
  mkdir -p "$dir"
  if ! cmake -S "$root" -B "$dir" -G Ninja -DLLVM_VERSION="$m" \
      -DCMAKE_CXX_COMPILER="$cxx" -DCMAKE_BUILD_TYPE=Release >"$dir/cmake.log" 2>&1; then
    cat "$dir/cmake.log" >&2
    echo "LLVM $m: configure failed" >&2
    total_fail=$((total_fail + 1)); summary="$summary\nLLVM $m: configure failed"
    continue
  fi
  targets="ContainersTidy ContainersTidyChecks"
  # containers-tidy-bin too, in a tree configured with -DCONTAINERS_TIDY_BUILD_BIN=ON.
  grep -q '^CONTAINERS_TIDY_BUILD_BIN:BOOL=ON$' "$dir/CMakeCache.txt" && targets="$targets containers-tidy-bin"
  # shellcheck disable=SC2086
  if ! ninja -C "$dir" $targets; then
    echo "LLVM $m: build failed" >&2
    total_fail=$((total_fail + 1)); summary="$summary\nLLVM $m: build failed"
    continue
  fi
  lit=$(lit_for "$m")
  if [ -z "$lit" ]; then
    echo "LLVM $m: lit not found; install llvm-$m-tools" >&2
    total_fail=$((total_fail + 1)); summary="$summary\nLLVM $m: no lit"
    continue
  fi
  echo "=== LLVM $m: test"
  out=$(python3 "$lit" -v "$dir/test" 2>&1)
  echo "$out" | grep -vE '^(PASS|UNSUPPORTED): ' | tail -n 60
  pass=$(echo "$out" | grep -cE '^(PASS|XFAIL): ')
  fail=$(echo "$out" | grep -cE '^(FAIL|XPASS|UNRESOLVED|TIMEOUT): ')
  skip=$(echo "$out" | grep -cE '^UNSUPPORTED: ')
  if [ "$pass" -eq 0 ] && [ "$fail" -eq 0 ]; then
    fail=1 # a suite that ran nothing is a failure
  fi
  total_pass=$((total_pass + pass))
  total_fail=$((total_fail + fail))
  summary="$summary\nLLVM $m: $pass passed, $fail failed, $skip unsupported"
done
printf '%b\n' "$summary" | sed '/^$/d'
echo "$total_pass passed, $total_fail failed"
[ "$total_fail" -eq 0 ]
