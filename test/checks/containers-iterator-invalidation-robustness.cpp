// Code that does not compile gets the compiler's error and nothing from the
// check (its AST is partial); and nothing crashes.
// RUN: not %clang_tidy -checks='-*,containers-iterator-invalidation' %s -- %mock_std \
// RUN:   | FileCheck %s -implicit-check-not='{{warning|error}}:'
// CHECK: :[[@LINE+10]]:7: error: use of undeclared identifier 'undeclared' [clang-diagnostic-error]
// CHECK: :[[@LINE+17]]:3: error: use of undeclared identifier 'undeclared' [clang-diagnostic-error]

#include <map>
#include <vector>

template <class T> struct Dependent {
  std::vector<T> items;
  void f(std::map<int, T> &m) {
    for (auto &x : items)
      undeclared(x);
    for (auto &kv : m)
      items.push_back(kv.second);
  }
};

void g(std::vector<int> &v, std::map<int, int> &m) {
  Dependent<int>().f(m);
  undeclared(v);
  for (int x : v)
    v.push_back(x);
}
