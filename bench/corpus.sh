#!/usr/bin/env bash
# Prepare real-world C++ corpus packages (Debian 12 "bookworm" sources) with a
# compile_commands.json each, for sweeping containers-tidy over real code.
#
# usage: bench/corpus.sh [--dir DIR] [PKG...]
#   DIR  defaults to $CONTAINERS_TIDY_CORPUS, else /work/corpus
#   PKG  defaults to: leveldb spdlog prometheus-cpp i2pd libtorrent-rasterbar
#
# For each package: fetch the pinned Debian source into DIR/PKG/PKG-UPSTREAMVER/,
# install its build dependencies (apt-get build-dep), and configure it with CMake
# into DIR/PKG/build, so DIR/PKG/build/compile_commands.json exists. Nothing is
# compiled, except the few ninja targets that generate headers (see GEN_TARGETS).
# A package whose compile_commands.json already exists is skipped. Needs root (apt).
# See bench/README.md ("Corpus") for the clang-tidy extra args each package needs.
set -uo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
fetch_script=$repo/../shared/corpus/fetch-debian-source.sh
dir=${CONTAINERS_TIDY_CORPUS:-/work/corpus}
default_pkgs=(leveldb spdlog prometheus-cpp i2pd libtorrent-rasterbar)

# Pinned bookworm source versions (apt-cache showsrc PKG, 2025-05-20 snapshot).
declare -A VERSION=(
  [leveldb]=1.23-4
  [spdlog]=1:1.10.0+ds-0.4
  [prometheus-cpp]=1.0.1-1
  [i2pd]=2.45.1-1
  [libtorrent-rasterbar]=2.0.8-1
)
# Where the top-level CMakeLists.txt lives inside the unpacked source.
declare -A SUBDIR=(
  [i2pd]=build   # i2pd keeps its CMake project in build/
)
# Per-package CMake flags (from /work/shared/corpus/README.md). spdlog also gets
# its tests (Catch2 comes with build-dep): 7 TUs without them, 29 with.
declare -A FLAGS=(
  [leveldb]="-DCMAKE_CXX_STANDARD=17"
  [spdlog]="-DSPDLOG_FMT_EXTERNAL=ON -DSPDLOG_BUILD_SHARED=ON -DSPDLOG_BUILD_TESTS=ON"
  [prometheus-cpp]="-DUSE_THIRDPARTY_LIBRARIES=OFF -DENABLE_PULL=ON -DENABLE_PUSH=ON"
  [i2pd]=""
  [libtorrent-rasterbar]="-Dbuild_tests=OFF -Dpython-bindings=OFF"
)
# Ninja targets that generate headers the TUs include (run after configuring).
# Empty for all five: their generated headers (leveldb's port_config.h,
# prometheus-cpp's *_export.h, ...) are written by CMake at configure time.
declare -A GEN_TARGETS=()

usage() { sed -n '2,14p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; }

pkgs=()
while [ $# -gt 0 ]; do
  case $1 in
    --dir) dir=${2:?--dir needs an argument}; shift 2 ;;
    --dir=*) dir=${1#--dir=}; shift ;;
    -h|--help) usage; exit 0 ;;
    -*) echo "corpus.sh: unknown option $1" >&2; usage >&2; exit 2 ;;
    *) pkgs+=("$1"); shift ;;
  esac
done
[ ${#pkgs[@]} -gt 0 ] || pkgs=("${default_pkgs[@]}")
for p in "${pkgs[@]}"; do
  [ -n "${VERSION[$p]:-}" ] || { echo "corpus.sh: unknown package '$p' (known: ${!VERSION[*]})" >&2; exit 2; }
done

export DEBIAN_FRONTEND=noninteractive
mkdir -p "$dir"
dir=$(cd "$dir" && pwd)

# Tools needed for every package; build-dep does not always pull ninja.
need=()
command -v cmake >/dev/null || need+=(cmake)
command -v ninja >/dev/null || need+=(ninja-build)
command -v clang++-19 >/dev/null || need+=(clang-19)
command -v dpkg-source >/dev/null || need+=(dpkg-dev)
if [ ${#need[@]} -gt 0 ]; then
  apt-get install -y -qq "${need[@]}" || { echo "corpus.sh: cannot install ${need[*]}" >&2; exit 1; }
fi

# The unpacked source tree of $1, e.g. DIR/spdlog/spdlog-1.10.0+ds (empty if none).
srcdir_of() {
  local p=$1 ver=${VERSION[$1]}
  ver=${ver#*:}; ver=${ver%-*}   # strip epoch and Debian revision
  [ -d "$dir/$p/$p-$ver" ] && echo "$dir/$p/$p-$ver"
}

fetch() {
  local p=$1 pdir=$dir/$1
  mkdir -p "$pdir"
  [ -n "$(srcdir_of "$p")" ] && return 0
  if [ -f "$fetch_script" ]; then
    # The shared script enables deb-src if needed but cannot pin a version: it
    # fetches the archive's current one, which is checked against the pin below.
    bash "$fetch_script" "$pdir" "$p" || return 1
  else
    [ -n "$(apt-cache showsrc "$p" 2>/dev/null)" ] || {
      echo "no source records for $p: add deb-src entries to /etc/apt/sources.list.d and apt-get update" >&2
      return 1; }
    (cd "$pdir" && apt-get source -qq "$p=${VERSION[$p]}") >"$pdir/fetch.log" 2>&1 || {
      tail -20 "$pdir/fetch.log" >&2; return 1; }
  fi
  local src; src=$(srcdir_of "$p")
  if [ -z "$src" ]; then
    echo "fetched $p but found no tree for pinned ${VERSION[$p]} in $pdir (archive has a different version?)" >&2
    return 1
  fi
  local got; got=$(dpkg-parsechangelog -l "$src/debian/changelog" -S Version)
  [ "$got" = "${VERSION[$p]}" ] || { echo "$p: fetched version $got, pinned ${VERSION[$p]}" >&2; return 1; }
}

configure() {
  local p=$1 src build=$dir/$1/build log=$dir/$1/configure.log
  src=$(srcdir_of "$p")/${SUBDIR[$p]:-}
  # shellcheck disable=SC2086  # FLAGS are word-split on purpose
  cmake -S "$src" -B "$build" -G Ninja \
    -DCMAKE_EXPORT_COMPILE_COMMANDS=ON \
    -DCMAKE_C_COMPILER=clang-19 -DCMAKE_CXX_COMPILER=clang++-19 \
    ${FLAGS[$p]} >"$log" 2>&1 || { tail -20 "$log" >&2; return 1; }
  if [ -n "${GEN_TARGETS[$p]:-}" ]; then
    # shellcheck disable=SC2086
    ninja -C "$build" ${GEN_TARGETS[$p]} >>"$log" 2>&1 || {
      tail -20 "$log" >&2
      rm -f "$build/compile_commands.json"   # so a rerun retries this package
      return 1; }
  fi
  [ -f "$build/compile_commands.json" ]
}

failed=()
for p in "${pkgs[@]}"; do
  cc=$dir/$p/build/compile_commands.json
  if [ -f "$cc" ]; then echo "== $p: have $cc, skipping"; continue; fi
  echo "== $p ${VERSION[$p]}"
  if ! fetch "$p"; then
    echo "corpus.sh: ERROR: $p: fetching the source failed" >&2; failed+=("$p"); continue
  fi
  if ! apt-get build-dep -y -qq "$p=${VERSION[$p]}" >"$dir/$p/build-dep.log" 2>&1; then
    tail -20 "$dir/$p/build-dep.log" >&2
    echo "corpus.sh: ERROR: $p: apt-get build-dep failed (see $dir/$p/build-dep.log)" >&2; failed+=("$p"); continue
  fi
  if ! configure "$p"; then
    echo "corpus.sh: ERROR: $p: CMake configure failed (see $dir/$p/configure.log)" >&2; failed+=("$p"); continue
  fi
  echo "   wrote $cc"
done

echo
echo "TUs per package (compile_commands.json entries):"
for p in "${pkgs[@]}"; do
  cc=$dir/$p/build/compile_commands.json
  if [ -f "$cc" ]; then
    printf '  %-22s %5s  %s\n' "$p" "$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))))' "$cc")" "$cc"
  else
    printf '  %-22s %5s\n' "$p" "FAILED"
  fi
done
if [ ${#failed[@]} -gt 0 ]; then
  echo "corpus.sh: failed: ${failed[*]}" >&2
  exit 1
fi
