// Deeply nested lambdas and templates, macros that make containers and loops,
// concepts: nothing crashes, and only the two real findings are reported.
// RUN: %clang_tidy -checks='-*,containers-*' %s -- %mock_std \
// RUN:   | FileCheck %s -implicit-check-not='{{warning|error}}:'

#include <map>
#include <vector>

template <class T>
concept Container = requires(T t) {
  t.begin();
  t.end();
};

template <Container C, class F> void forEach(C &c, F f) {
  for (auto &x : c)
    f(x);
}

template <int N> struct Depth {
  template <Container C> static void run(C &c) {
    Depth<N - 1>::run(c);
    for (auto &x : c)
      (void)x;
  }
};
template <> struct Depth<0> {
  template <Container C> static void run(C &) {}
};

void nestedLambdas(std::vector<int> &v) {
  auto a = [&] {
    auto b = [&] {
      auto c = [&] {
        auto d = [&] {
          for (int x : v)
            v.push_back(x);
          // CHECK: :[[@LINE-1]]:15: warning: 'v' is modified by 'push_back' while a range-based for loop iterates it
          // CHECK: :[[@LINE-3]]:24: note: the range-based for loop iterates 'v' here
        };
        d();
      };
      c();
    };
    b();
  };
  a();
  forEach(v, [&](int &x) { x += 1; });
  Depth<40>::run(v);
}

#define DECLARE_TABLE(name) std::map<int, int> name
#define FOR_EACH_ENTRY(table, body)                                            \
  for (auto &entry : table) {                                                  \
    body;                                                                      \
  }
#define ERASE_IT(table) table.erase(entry.first)

void macroLoops() {
  DECLARE_TABLE(table);
  FOR_EACH_ENTRY(table, (void)entry.second);
  FOR_EACH_ENTRY(table, ERASE_IT(table));
  // CHECK: :[[@LINE-1]]:25: warning: 'table' is modified by 'erase', which erases the element the range-based for loop is visiting
}

template <class T> struct Registry {
  std::map<int, T> entries;
  template <class F> void visit(F f) {
    for (auto &[k, v] : entries)
      f(k, v);
  }
};

void visitDependent() {
  Registry<std::vector<int>> r;
  r.visit([](int, std::vector<int> &v) { v.push_back(1); });
}
