#!/usr/bin/env bash
# One command for a fresh Debian 12 machine: installs the Debian packages,
# builds containers-tidy for each supported LLVM major, installs it under a
# prefix, and runs the checks over examples/.
#
# Usage: tools/setup.sh [--llvm "19 22"] [--libcxx N] [--prefix DIR] [--no-demo]
#   --llvm     LLVM majors to install and build for (default: "19 22";
#              14, 15 and 16 are supported too; 14 is Debian 12's
#              default clang-tidy)
#   --libcxx   which major's libc++ to install for the libc++ tests; Debian
#              allows one libc++-N-dev at a time (default: the first major)
#   --prefix   where `cmake --install` puts the plugin (default: ./build/install)
#   --no-demo  stop after installing
set -eu
cd "$(dirname "$0")/.."
root=$(pwd)
majors="19 22"
libcxx=""
prefix="$root/build/install"
demo=1
while [ $# -gt 0 ]; do
  case "$1" in
    --llvm) majors="$2"; shift 2 ;;
    --libcxx) libcxx="$2"; shift 2 ;;
    --prefix) prefix="$2"; shift 2 ;;
    --no-demo) demo=0; shift ;;
    -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
    *) echo "setup.sh: unknown argument '$1' (see --help)" >&2; exit 2 ;;
  esac
done
for m in $majors; do
  case " 14 15 16 19 22 " in
    *" $m "*) ;;
    *) echo "setup.sh: LLVM $m is not supported (supported: 14 15 16 19 22)" >&2; exit 2 ;;
  esac
done
if [ -z "$libcxx" ]; then
  for m in $majors; do
    # Debian 12 has no libc++ 14 that clang-tidy-14 finds by -stdlib=libc++
    # alongside the others; pick the first of the newer majors.
    [ "$m" = 14 ] || { libcxx=$m; break; }
  done
fi

sudo=""
[ "$(id -u)" -eq 0 ] || sudo=sudo
packages="cmake ninja-build python3 git"
for m in $majors; do
  packages="$packages libclang-$m-dev llvm-$m-dev clang-tidy-$m clang-$m llvm-$m-tools"
done
[ -z "$libcxx" ] || packages="$packages libc++-$libcxx-dev libc++abi-$libcxx-dev"
echo "=== installing: $packages"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq $packages >/dev/null

for m in $majors; do
  echo "=== building for LLVM $m"
  cmake -S "$root" -B "$root/build/llvm-$m" -G Ninja -DLLVM_VERSION="$m" \
    -DCMAKE_CXX_COMPILER="clang++-$m" -DCMAKE_BUILD_TYPE=Release \
    -DCMAKE_INSTALL_PREFIX="$prefix" >/dev/null
  targets="ContainersTidy ContainersTidyChecks"
  grep -q '^CONTAINERS_TIDY_BUILD_BIN:BOOL=ON$' "$root/build/llvm-$m/CMakeCache.txt" &&
    targets="$targets containers-tidy-bin"
  # shellcheck disable=SC2086
  ninja -C "$root/build/llvm-$m" $targets
  cmake --install "$root/build/llvm-$m" >/dev/null
done
plugin="$prefix/lib/containers-tidy/libContainersTidy.so"
echo "=== installed $plugin (checks for LLVM: $majors)"
echo "=== runner: $prefix/bin/containers-tidy -p BUILD_DIR (see docs/runner.md)"

if [ "$demo" -eq 1 ]; then
  newest=${majors##* }
  echo "=== clang-tidy-$newest --load=$plugin -checks='-*,containers-*' examples/*.cpp"
  clang-tidy-$newest --load="$plugin" -checks='-*,containers-*' "$root"/examples/*.cpp
fi
