#!/usr/bin/env bash
# Builds the Debian package of each LLVM major's build tree (build/llvm-N,
# already built), installs all of them side by side and, for each major, runs
# from the installed files only: the demo through the installed plugin with
# that major's clang-tidy, through the installed runner (which must find its
# plugin and clang-tidy-N with no arguments; its SARIF must carry the rule
# help of the installed docs pages), through the installed clang-tidy wrapper,
# and the installed git hook in a scratch repository. Ends with
#   N passed, N failed
#
# Usage: tools/test-packages.sh [--install] MAJOR...
#   --install  install with `dpkg -i` and remove again with `dpkg -r` (CI, as
#              root, on a machine where nothing else uses these packages);
#              without it the packages are extracted into a scratch root.
#   CONTAINERS_TIDY_BUILD_ROOT  where the build trees are (default: ./build)
set -u
cd "$(dirname "$0")/.." || exit 2
root=$(pwd)
build_root=${CONTAINERS_TIDY_BUILD_ROOT:-$root/build}
install=0
if [ "${1:-}" = --install ]; then install=1; shift; fi
majors="$*"
[ -n "$majors" ] || { echo "usage: tools/test-packages.sh [--install] MAJOR..." >&2; exit 2; }

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
pass=0
fail=0
ok() { echo "PASS: $1"; pass=$((pass + 1)); }
bad() { echo "FAIL: $1"; fail=$((fail + 1)); }

debs=()
for m in $majors; do
  if cpack --config "$build_root/llvm-$m/CPackConfig.cmake" -B "$out/llvm-$m" >"$out/cpack-$m.log" 2>&1 &&
     deb=$(ls "$out/llvm-$m"/containers-tidy-llvm"$m"_*.deb 2>/dev/null) && [ -n "$deb" ]; then
    ok "LLVM $m: $(basename "$deb") ($(stat -c %s "$deb") bytes)"
    debs+=("$deb")
  else
    cat "$out/cpack-$m.log"; bad "LLVM $m: cpack"
  fi
done

# No two packages may own the same file (directories may be shared), and
# every file is under the major's prefix or carries the major in its name.
dpkg_files() { dpkg-deb -c "$1" | awk '$1 !~ /^d/ { print $6 }'; }
dups=$(for d in "${debs[@]}"; do dpkg_files "$d"; done | sort | uniq -d)
if [ -z "$dups" ]; then ok "packages share no file ($(for d in "${debs[@]}"; do dpkg_files "$d"; done | wc -l) files in ${#debs[@]} packages)"
else echo "$dups"; bad "packages share files"; fi
for d in "${debs[@]}"; do
  m=$(dpkg-deb -f "$d" Package | sed 's/^containers-tidy-llvm//')
  stray=$(dpkg_files "$d" | grep -v -E "^\./usr/(lib/llvm-$m/.*|bin/containers-(clang-)?tidy-$m)\$")
  if [ -z "$stray" ]; then ok "LLVM $m: every file under /usr/lib/llvm-$m/ or /usr/bin/*-$m"
  else echo "$stray"; bad "LLVM $m: files outside /usr/lib/llvm-$m/"; fi
done
# Nor may they own a file that an installed package (LLVM's own) owns.
# shellcheck disable=SC2046
owned=$(dpkg -S $(for d in "${debs[@]}"; do dpkg_files "$d"; done | sed 's/^\.//') 2>/dev/null |
  grep -v '^containers-tidy-llvm[0-9]*: ')
if [ -z "$owned" ]; then ok "no file of the packages belongs to an installed package"
else echo "$owned"; bad "files of installed packages"; fi

sysroot=""
if [ "$install" -eq 1 ]; then
  if dpkg -i "${debs[@]}" >"$out/dpkg.log" 2>&1; then ok "dpkg -i ${debs[*]##*/}"
  else cat "$out/dpkg.log"; bad "dpkg -i"; fi
else
  sysroot=$out/root
  for d in "${debs[@]}"; do dpkg-deb -x "$d" "$sysroot"; done
fi

for m in $majors; do
  plugin=$sysroot/usr/lib/llvm-$m/lib/containers-tidy/libContainersTidy.so
  demo=$(clang-tidy-"$m" --load="$plugin" -checks='-*,containers-*' --quiet \
    examples/job_queue.cpp examples/session_table.cpp 2>&1)
  n=$(echo "$demo" | grep -c 'warning: .*\[containers-iterator-invalidation\]')
  if [ "$n" -ge 3 ] && ! echo "$demo" | grep -q 'containers-tidy: error'; then
    ok "LLVM $m: demo through $plugin ($n containers-iterator-invalidation warnings)"
  else
    echo "$demo"; bad "LLVM $m: demo through $plugin"
  fi
  # The installed runner, with no --plugin/--clang-tidy, as a user runs it.
  prefix=$sysroot/usr/lib/llvm-$m
  runner=$sysroot/usr/bin/containers-tidy-$m
  tc=$(env -u CONTAINERS_TIDY_PLUGIN -u CONTAINERS_TIDY_CLANG_TIDY "$runner" --print-toolchain 2>&1)
  if echo "$tc" | grep -qx "plugin: $prefix/lib/containers-tidy/libContainersTidy.so" &&
     echo "$tc" | grep -q "^clang-tidy: .* (LLVM $m)\$"; then
    ok "LLVM $m: $runner finds $(echo "$tc" | tr '\n' ' ')"
  else
    echo "$tc"; bad "LLVM $m: $runner --print-toolchain"
  fi
  db=$out/demo-db-$m
  python3 test/plugin/Inputs/demo-database.py "$prefix/share/containers-tidy/examples" "$db"
  demo=$(env -u CONTAINERS_TIDY_PLUGIN -u CONTAINERS_TIDY_CLANG_TIDY \
    "$runner" -p "$db" --quiet --sarif "$out/demo-$m.sarif" 2>&1)
  status=$?
  n=$(echo "$demo" | grep -c 'warning: .*\[containers-iterator-invalidation\]')
  other=$(echo "$demo" | grep -E '(warning|error):' | grep -vc '\[containers-iterator-invalidation\]')
  if [ "$status" -eq 1 ] && [ "$n" -eq 3 ] && [ "$other" -eq 0 ]; then
    ok "LLVM $m: demo through $runner (exit 1, $n containers-iterator-invalidation warnings, $(echo "$demo" | wc -l) lines)"
  else
    echo "$demo"; bad "LLVM $m: demo through $runner (exit $status, $n warnings, $other others)"
  fi
  # The SARIF rule help comes from the installed docs pages.
  if python3 - "$out/demo-$m.sarif" "$prefix/share/containers-tidy/VERSION" <<'PY'
import json, sys
log = json.load(open(sys.argv[1]))
driver = log["runs"][0]["tool"]["driver"]
rules = {r["id"]: r for r in driver["rules"]}
rule = rules["containers-iterator-invalidation"]
assert rule["help"]["markdown"].startswith("# containers-iterator-invalidation\n"), rule["help"]
assert rule["help"]["text"].startswith("A container modified while a loop walks it"), rule["help"]
assert driver.get("semanticVersion") == open(sys.argv[2]).read().strip(), driver.get("semanticVersion")
assert len(log["runs"][0]["results"]) == 3, len(log["runs"][0]["results"])
PY
  then ok "LLVM $m: SARIF of $runner has the installed docs as rule help"
  else bad "LLVM $m: SARIF of $runner"; fi
  # The installed clang-tidy wrapper, the way an editor runs it.
  wrapper=$sysroot/usr/bin/containers-clang-tidy-$m
  demo=$(cd "$prefix/share/containers-tidy/examples" && env -u CONTAINERS_TIDY_PLUGIN -u CONTAINERS_TIDY_CLANG_TIDY \
    "$wrapper" -checks='-*,containers-*' --quiet job_queue.cpp session_table.cpp 2>&1)
  n=$(echo "$demo" | grep -c 'warning: .*\[containers-iterator-invalidation\]')
  if [ "$n" -eq 3 ]; then ok "LLVM $m: demo through $wrapper ($n containers-iterator-invalidation warnings)"
  else echo "$demo"; bad "LLVM $m: demo through $wrapper"; fi
  # The installed git hook, linked into a repository, finds the installed
  # runner and blocks a commit that adds a warning.
  repo=$out/repo-$m
  mkdir -p "$repo" && cp "$prefix/share/containers-tidy/examples/job_queue.cpp" "$repo/" &&
    cp "$prefix/share/containers-tidy/examples/compile_flags.txt" "$repo/"
  python3 test/plugin/Inputs/demo-database.py "$repo" "$repo/build"
  gitc() { git -C "$repo" -c user.name=t -c user.email=t@example.com "$@"; }
  gitc init -q && gitc add compile_flags.txt && gitc commit -q -m flags &&
    ln -s "$prefix/share/containers-tidy/pre-commit" "$repo/.git/hooks/pre-commit" &&
    gitc add job_queue.cpp
  hook=$(cd "$repo" && env -u CONTAINERS_TIDY -u CONTAINERS_TIDY_PLUGIN -u CONTAINERS_TIDY_CLANG_TIDY \
    PATH=/usr/bin:/bin git -c user.name=t -c user.email=t@example.com commit -q -m demo 2>&1)
  status=$?
  if [ "$status" -ne 0 ] && echo "$hook" | grep -q 'job_queue.cpp:18:16: warning: .*\[containers-iterator-invalidation\]' &&
     echo "$hook" | grep -q 'commit blocked (exit status 1)' && [ "$(gitc rev-list --count HEAD)" = 1 ]; then
    ok "LLVM $m: $prefix/share/containers-tidy/pre-commit blocks a commit with a warning"
  else
    echo "$hook"; bad "LLVM $m: installed pre-commit hook"
  fi
  # containers-tidy-bin, in a package built with -DCONTAINERS_TIDY_BUILD_BIN=ON.
  bin=$sysroot/usr/lib/llvm-$m/bin/containers-tidy-bin
  [ -e "$bin" ] || continue
  demo=$("$bin" -checks='-*,containers-*' --quiet examples/job_queue.cpp examples/session_table.cpp 2>&1)
  n=$(echo "$demo" | grep -c 'warning: .*\[containers-iterator-invalidation\]')
  if [ "$n" -ge 3 ]; then ok "LLVM $m: demo through $bin ($n containers-iterator-invalidation warnings)"
  else echo "$demo"; bad "LLVM $m: demo through $bin"; fi
done

if [ "$install" -eq 1 ]; then
  names=""
  for m in $majors; do names="$names containers-tidy-llvm$m"; done
  # shellcheck disable=SC2086
  if dpkg -r $names >"$out/dpkg.log" 2>&1; then ok "dpkg -r$names"
  else cat "$out/dpkg.log"; bad "dpkg -r"; fi
fi

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
