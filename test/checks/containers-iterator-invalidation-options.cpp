// containers.ExtraContainers maps user types onto a container family.
// Without the option, mylib::FastMap is unknown and nothing is reported:
// RUN: %clang_tidy -checks='-*,containers-iterator-invalidation' %s -- %mock_std -isystem %inputs/thirdparty \
// RUN:   | FileCheck %s -check-prefix=DEFAULT -allow-empty -implicit-check-not='{{warning|error}}:'
// With it, as a shared option or the check's own:
// RUN: %clang_tidy -checks='-*,containers-iterator-invalidation' \
// RUN:   -config="{CheckOptions: [{key: containers.ExtraContainers, value: 'mylib::FastMap=open-addressing;mylib::Ring.*=deque'}]}" \
// RUN:   %s -- %mock_std -isystem %inputs/thirdparty \
// RUN:   | FileCheck %s -implicit-check-not='{{warning|error}}:'
// RUN: %clang_tidy -checks='-*,containers-iterator-invalidation' \
// RUN:   -config="{CheckOptions: [{key: containers-iterator-invalidation.ExtraContainers, value: 'mylib::Fast.*=open-addressing'}]}" \
// RUN:   %s -- %mock_std -isystem %inputs/thirdparty \
// RUN:   | FileCheck %s -implicit-check-not='{{warning|error}}:'

// DEFAULT-NOT: warning:
#include <mylib.h>

void grow(mylib::FastMap<int, int> &m) {
  for (auto &kv : m)
    m.insert({kv.first + 1, 0});
  // CHECK: :[[@LINE-1]]:7: warning: 'm' is modified by 'insert' while a range-based for loop iterates it; the loop's iterator is invalidated [containers-iterator-invalidation]
  // CHECK: :[[@LINE-3]]:19: note: the range-based for loop iterates 'm' here
}

void lookup(mylib::FastMap<int, int> &m) {
  // Near miss: a read-only loop.
  int sum = 0;
  for (auto &kv : m)
    sum += kv.second;
}
