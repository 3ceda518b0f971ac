// containers-unbounded-growth and containers-long-lived-cancellation-token
// share one Storage inventory per translation unit: enabled together, each
// reports what it reports alone, with its own options.
// RUN: %clang_tidy -checks='-*,containers-unbounded-growth,containers-long-lived-cancellation-token' %s -- \
// RUN:   %mock_std | FileCheck %s -implicit-check-not='{{warning|error}}:'
// RUN: %clang_tidy -checks='-*,containers-long-lived-cancellation-token,containers-unbounded-growth' \
// RUN:   -config="{CheckOptions: [{key: containers-unbounded-growth.MemberContainers, value: true}]}" %s -- \
// RUN:   %mock_std | FileCheck %s -check-prefixes=CHECK,MEMBERS -implicit-check-not='{{warning|error}}:'

#include <map>
#include <stop_token>
#include <vector>

static std::map<int, std::stop_source> g_sources;
// CHECK-DAG: :[[@LINE-1]]:40: note: 'g_sources' is declared here at namespace scope
void start(int id) {
  // CHECK-DAG: :[[@LINE-1]]:6: note: 'start' inserts into 'g_sources' each time it is called
  g_sources[id] = std::stop_source();
  // CHECK-DAG: :[[@LINE-1]]:3: warning: 'operator[]' stores a 'std::stop_source' in 'g_sources', a long-lived container that is never erased from; every token stays alive, with everything registered on it, as long as 'g_sources' does [containers-long-lived-cancellation-token]
  // CHECK-DAG: :[[@LINE-2]]:3: warning: 'operator[]' inserts into 'g_sources', a long-lived container that is never erased from or bounded; it grows for as long as 'g_sources' lives [containers-unbounded-growth]
}

// A member container of an ordinary class: only with MemberContainers.
class Accumulator {
public:
  void add(int v) { values_.push_back(v); }
  // MEMBERS-DAG: :[[@LINE-1]]:29: warning: 'push_back' inserts into 'values_', a long-lived container that is never erased from or bounded; it grows for as long as 'values_' lives [containers-unbounded-growth]
private:
  std::vector<int> values_;
  // MEMBERS-DAG: :[[@LINE-1]]:20: note: 'values_' is declared here as a member of 'Accumulator', which never erases from it
};

// Near miss: erased somewhere, so neither check reports.
static std::map<int, std::stop_source> g_erased;
void startErased(int id) { g_erased[id] = std::stop_source(); }
void stopErased(int id) { g_erased.erase(id); }

// A table of function pointers is traversed (a lambda in it clears the
// map); a table of plain constants is skipped, and nothing is lost.
static std::map<int, std::stop_source> g_cleared;
void startCleared(int id) { g_cleared[id] = std::stop_source(); }
static void (*const g_hooks[])() = {[] { g_cleared.clear(); }};
static const int g_table[2][3] = {{1, 2, 3}, {4, 5, 6}};
int lookup(int i, int j) { return g_table[i][j]; }
