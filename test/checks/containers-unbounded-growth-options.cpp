// Options of containers-unbounded-growth.
// RUN: %clang_tidy -checks='-*,containers-unbounded-growth' %s -- %mock_std \
// RUN:   | FileCheck %s -implicit-check-not='{{warning|error}}:'
// MemberContainers: members of classes with no short-lived object here.
// RUN: %clang_tidy -checks='-*,containers-unbounded-growth' \
// RUN:   -config="{CheckOptions: [{key: containers-unbounded-growth.MemberContainers, value: true}]}" \
// RUN:   %s -- %mock_std | FileCheck %s -check-prefixes=CHECK,MEMBERS -implicit-check-not='{{warning|error}}:'
// A bad value is a configuration error:
// RUN: %clang_tidy -checks='-*,containers-unbounded-growth' \
// RUN:   -config="{CheckOptions: [{key: containers-unbounded-growth.MemberContainers, value: maybe}]}" \
// RUN:   %s -- %mock_std 2>&1 | FileCheck %s -check-prefix=BAD
// BAD: invalid configuration value 'maybe' for option 'containers-unbounded-growth.MemberContainers'
// containers.ExtraContainers makes a user container known:
// RUN: %clang_tidy -checks='-*,containers-unbounded-growth' \
// RUN:   -config="{CheckOptions: [{key: containers.ExtraContainers, value: 'mylib::Bag=node-list'}]}" \
// RUN:   %s -- %mock_std | FileCheck %s -check-prefixes=CHECK,EXTRA -implicit-check-not='{{warning|error}}:'

#include <map>
#include <vector>

static std::map<int, int> g_counts;
void count(int k) { ++g_counts[k]; }
// CHECK: :[[@LINE-1]]:23: warning: 'operator[]' inserts into 'g_counts', a long-lived container that is never erased from or bounded; it grows for as long as 'g_counts' lives [containers-unbounded-growth]
// CHECK: :[[@LINE-3]]:27: note: 'g_counts' is declared here at namespace scope

class Accumulator {
public:
  void add(int v) { values_.push_back(v); }
  // MEMBERS: :[[@LINE-1]]:29: warning: 'push_back' inserts into 'values_', a long-lived container that is never erased from or bounded; it grows for as long as 'values_' lives
  // MEMBERS: :[[@LINE+2]]:20: note: 'values_' is declared here as a member of 'Accumulator', which never erases from it
private:
  std::vector<int> values_;
};

// A short-lived local object: its member dies with it.
class Batch {
public:
  void add(int v) { items_.push_back(v); }
private:
  std::vector<int> items_;
};
int runBatch() {
  Batch b;
  b.add(1);
  return 0;
}

namespace mylib {
template <class T> class Bag {
public:
  void push_back(const T &) {}
  void erase_all() {}
};
} // namespace mylib
static mylib::Bag<int> g_bag;
void fill(int v) { g_bag.push_back(v); }
// EXTRA: :[[@LINE-1]]:26: warning: 'push_back' inserts into 'g_bag'
// EXTRA: :[[@LINE-3]]:24: note: 'g_bag' is declared here at namespace scope
