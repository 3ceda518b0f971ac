// A bad containers.ExtraContainers value is a configuration error that names
// the entry and what is wrong with it.
// RUN: not %clang_tidy -checks='-*,containers-iterator-invalidation' \
// RUN:   -config="{CheckOptions: [{key: containers.ExtraContainers, value: 'mylib::FastMap=hashmap'}]}" \
// RUN:   %s -- %mock_std 2>&1 | FileCheck %s -check-prefix=FAMILY -implicit-check-not='warning:'
// FAMILY: error: invalid value 'mylib::FastMap=hashmap' for option 'containers.ExtraContainers': entry 'mylib::FastMap=hashmap' names unknown family 'hashmap' (families: contiguous, deque, node-list, ordered, unordered, open-addressing); the option is ignored [clang-tidy-config]
//
// RUN: not %clang_tidy -checks='-*,containers-iterator-invalidation' \
// RUN:   -config="{CheckOptions: [{key: containers.ExtraContainers, value: 'mylib::(Fast=deque'}]}" \
// RUN:   %s -- %mock_std 2>&1 | FileCheck %s -check-prefix=REGEX -implicit-check-not='warning:'
// REGEX: error: invalid value 'mylib::(Fast=deque' for option 'containers.ExtraContainers': entry 'mylib::(Fast=deque' has an invalid regex: parentheses not balanced; the option is ignored [clang-tidy-config]
//
// RUN: not %clang_tidy -checks='-*,containers-iterator-invalidation' \
// RUN:   -config="{CheckOptions: [{key: containers.ExtraContainers, value: 'mylib::FastMap'}]}" \
// RUN:   %s -- %mock_std 2>&1 | FileCheck %s -check-prefix=FORM -implicit-check-not='warning:'
// FORM: error: invalid value 'mylib::FastMap' for option 'containers.ExtraContainers': entry 'mylib::FastMap' is not of the form 'type-regex=family' (families: contiguous, deque, node-list, ordered, unordered, open-addressing); the option is ignored [clang-tidy-config]

#include <vector>
void f(std::vector<int> &v) {
  for (int x : v)
    v.push_back(x);
}
// The check still runs with its built-in table:
// FAMILY: :[[@LINE-3]]:7: warning: 'v' is modified by 'push_back'
// REGEX: :[[@LINE-4]]:7: warning: 'v' is modified by 'push_back'
// FORM: :[[@LINE-5]]:7: warning: 'v' is modified by 'push_back'
