#!/usr/bin/env bash
# Builds the Debian package of each LLVM major's build tree (build/llvm-N,
# already built), installs all of them side by side and runs the demo through
# each installed plugin with that major's clang-tidy. Ends with
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

# No two packages may own the same file (directories may be shared).
dpkg_files() { dpkg-deb -c "$1" | awk '$1 !~ /^d/ { print $6 }'; }
dups=$(for d in "${debs[@]}"; do dpkg_files "$d"; done | sort | uniq -d)
if [ -z "$dups" ]; then ok "packages share no file"; else echo "$dups"; bad "packages share files"; fi

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
