// containers-tidy-bin is clang-tidy's own driver with the checks built in: it
// lists them with no --load, keeps clang-tidy's stock checks, reports like the
// plugin, and reads the checks' options.
// REQUIRES: containers-tidy-bin
// RUN: %{tidy_bin} -checks='-*,containers-*,bugprone-use-after-move' --list-checks \
// RUN:   | FileCheck %s --check-prefix=LIST
// LIST: Enabled checks:
// LIST: bugprone-use-after-move
// LIST: containers-iterator-invalidation
// LIST: containers-subscript-lookup
// RUN: %{tidy_bin} --version | FileCheck %s --check-prefix=VERSION -DV=%{version} -DM=%llvm_major
// VERSION: LLVM version [[M]].
// VERSION: containers-tidy [[V]] (containers-* checks built in)
// RUN: %{tidy_bin} --quiet -checks='-*,containers-iterator-invalidation' %s -- %mock_std \
// RUN:   | FileCheck %s -implicit-check-not='{{warning|error}}:'
// RUN: %{tidy_bin} --quiet -checks='-*,containers-iterator-invalidation' -dump-config \
// RUN:   -config="{CheckOptions: [{key: containers.ExtraContainers, value: 'mylib::Ring=deque'}]}" %s \
// RUN:   | FileCheck %s --check-prefix=CONFIG
// CONFIG: containers-iterator-invalidation.ExtraContainers
// CONFIG: mylib::Ring=deque

#include <vector>

void vectorPushBack(std::vector<int> &v, std::vector<int> &out) {
  for (int x : v)
    v.push_back(x);
  // CHECK: :[[@LINE-1]]:7: warning: 'v' is modified by 'push_back' while a range-based for loop iterates it; the loop's iterator is invalidated [containers-iterator-invalidation]
  // CHECK: :[[@LINE-3]]:16: note: the range-based for loop iterates 'v' here

  // Near miss: another vector.
  for (int x : v)
    out.push_back(x);
}
