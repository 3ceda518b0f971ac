// Fix-its for truth tests, and the --fix round trip: the fixed file compiles
// and the check is silent on it.
// RUN: sed -e 's#// FIXED.*##' %s > %t.cpp
// RUN: %clang_tidy -checks='-*,containers-subscript-lookup' %t.cpp -- %mock_std \
// RUN:   | FileCheck %s -implicit-check-not='{{warning|error}}:'
// RUN: %clang_tidy -checks='-*,containers-subscript-lookup' -fix %t.cpp -- %mock_std > /dev/null 2>&1
// RUN: FileCheck %s -check-prefix=FIXED -input-file=%t.cpp
// RUN: %clang_tidy -checks='-*,containers-subscript-lookup' %t.cpp -- %mock_std \
// RUN:   | FileCheck %s -check-prefix=SILENT -allow-empty -implicit-check-not='{{warning|error}}:'
// SILENT-NOT: warning:

#include <map>
#include <unordered_map>

void use(int);

void tests(std::map<int, bool> &seen, std::unordered_map<int, int> &hits,
           std::map<int, int *> &owners, int k) {
  if (seen[k])
    use(1);
  // CHECK: :[[@LINE-2]]:7: warning: 'seen[k]' is only read here; operator[] inserts a default value when 'k' is missing [containers-subscript-lookup]
  // FIXED: if (seen.count(k) && seen.at(k))
  while (hits[42])
    use(2);
  // CHECK: :[[@LINE-2]]:10: warning: 'hits[42]' is only read here; operator[] inserts a default value when '42' is missing
  // FIXED: while (hits.count(42) && hits.at(42))
  if (!owners[k])
    use(3);
  // CHECK: :[[@LINE-2]]:8: warning: 'owners[k]' is only read here
  // FIXED: if (!(owners.count(k) && owners.at(k)))
  use(seen[k] ? 4 : 5);
  // CHECK: :[[@LINE-1]]:7: warning: 'seen[k]' is only read here
  // FIXED: use(seen.count(k) && seen.at(k) ? 4 : 5);
}
