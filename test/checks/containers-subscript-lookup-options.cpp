// containers.ExtraContainers makes a user map known to this check too.
// RUN: %clang_tidy -checks='-*,containers-subscript-lookup' %s -- %mock_std -isystem %inputs/thirdparty \
// RUN:   | FileCheck %s -check-prefix=DEFAULT -allow-empty -implicit-check-not='{{warning|error}}:'
// RUN: %clang_tidy -checks='-*,containers-subscript-lookup' \
// RUN:   -config="{CheckOptions: [{key: containers.ExtraContainers, value: 'mylib::FastMap=open-addressing'}]}" \
// RUN:   %s -- %mock_std -isystem %inputs/thirdparty \
// RUN:   | FileCheck %s -implicit-check-not='{{warning|error}}:'
// DEFAULT-NOT: warning:

#include <mylib.h>

int read(mylib::FastMap<int, int> &m, int k) {
  return m[k];
  // CHECK: :[[@LINE-1]]:10: warning: 'm[k]' is only read here; operator[] inserts a default value when 'k' is missing [containers-subscript-lookup]
}

void write(mylib::FastMap<int, int> &m, int k) {
  m[k] = 1; // near miss: a write
}
