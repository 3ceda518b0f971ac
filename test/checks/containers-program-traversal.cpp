// The checks analyse the program's code (the main file and headers reached
// through -I), not system headers, even with --system-headers; a program
// template instantiated from the main file is analysed, a system header's
// template instantiated from it is not.
// RUN: %clang_tidy --system-headers --header-filter='.*' -checks='-*,containers-iterator-invalidation' %s -- \
// RUN:   %mock_std -isystem %inputs/traversal/system -I %inputs/traversal/user \
// RUN:   | FileCheck %s -implicit-check-not='{{warning|error}}:'

#include <own_prune.h>
#include <vendor_prune.h>
// CHECK-DAG: own_prune.h:7:9: warning: 'v' is modified by 'push_back' while a range-based for loop iterates it; the loop's iterator is invalidated [containers-iterator-invalidation]

template <class T> void growAll(std::vector<T> &v) {
  for (const T &x : v)
    v.push_back(x);
  // CHECK-DAG: :[[@LINE-1]]:7: warning: 'v' is modified by 'push_back' while a range-based for loop iterates it; the loop's iterator is invalidated [containers-iterator-invalidation]
}

void use(std::vector<int> &v, std::vector<long> &w) {
  vendorGrow(v);
  vendorGrowAll(w);
  growAll(w);
  ownGrow(v);
}

// Near miss: the same loop that does not modify its container.
void sum(const std::vector<int> &v, long &total) {
  for (int x : v)
    total += x;
}
