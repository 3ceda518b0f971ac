// Broken code: a missing header, undeclared names, broken templates. The
// compiler's errors are reported; the checks add nothing and do not crash.
// RUN: not %clang_tidy -checks='-*,containers-*' %s -- %mock_std -DMISSING_HEADER 2>&1 \
// RUN:   | FileCheck %s -check-prefix=MISSING -implicit-check-not='warning:'
// RUN: not %clang_tidy -checks='-*,containers-*' %s -- %mock_std 2>&1 \
// RUN:   | FileCheck %s -implicit-check-not='warning:'
// MISSING: error: 'no_such_header.h' file not found [clang-diagnostic-error]
// CHECK: error: unknown type name 'UnknownType' [clang-diagnostic-error]

#ifdef MISSING_HEADER
#include "no_such_header.h"
#endif
#include <map>
#include <vector>

template <class T> struct Broken {
  std::vector<T> items;
  UnknownType member;
  void f() {
    for (auto &x : items)
      items.push_back(x);
  }
};

template <class T> void usesBroken(T &t) {
  for (auto &x : t.missing())
    t.erase(x);
}

void g(std::vector<int> &v, std::map<int, int> &m) {
  Broken<int> b;
  b.f();
  for (int x : v)
    v.push_back(undeclared_value + x);
  auto it = m.find(undeclared_key);
  m.erase(it);
  use(it->second);
}
