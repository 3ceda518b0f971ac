// The clang-tidy 22 custom checks generated from lib/ContainerModel.cpp
// (docs/custom-checks.clang-tidy) report a subset of the plugin's warnings:
// every warning below is also the plugin's, on the same line; the plugin's
// warnings the matchers cannot express are listed as such (PLUGIN-only).
// REQUIRES: llvm-22
// RUN: %{installed_tidy} --experimental-custom-checks --config-file=%source_root/docs/custom-checks.clang-tidy \
// RUN:   %s -- %mock_std -isystem %inputs/thirdparty 2>/dev/null | FileCheck %s -check-prefix=CUSTOM -implicit-check-not='{{warning|error}}:'
// RUN: %clang_tidy -checks='-*,containers-iterator-invalidation,containers-subscript-lookup' \
// RUN:   %s -- %mock_std -isystem %inputs/thirdparty | FileCheck %s -check-prefix=PLUGIN -implicit-check-not='{{warning|error}}:'

#include <absl/container/flat_hash_map.h>
#include <deque>
#include <list>
#include <map>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

void use(int);

void vectorGrows(std::vector<int> &v) {
  for (int x : v)
    v.push_back(x);
  // CUSTOM: :[[@LINE-1]]:5: warning: the container a range-based for loop walks is modified here; the loop's iterator is invalidated (a subset of containers-iterator-invalidation) [custom-containers-loop-modification-contiguous]
  // CUSTOM: :[[@LINE-3]]:3: note: the range-based for loop iterates the container here
  // PLUGIN: :[[@LINE-3]]:7: warning: 'v' is modified by 'push_back'
}

void vectorErasesInBlock(std::vector<int> &v) {
  for (int x : v) {
    if (x == 0)
      v.erase(v.begin());
    // CUSTOM: :[[@LINE-1]]:7: warning: the container a range-based for loop walks is modified here
    // PLUGIN: :[[@LINE-2]]:9: warning: 'v' is modified by 'erase'
  }
}

void dequeFront(std::deque<int> &d) {
  for (int x : d) {
    use(x);
    d.push_front(x);
    // CUSTOM: :[[@LINE-1]]:5: warning: {{.*}} [custom-containers-loop-modification-deque]
    // PLUGIN: :[[@LINE-2]]:7: warning: 'd' is modified by 'push_front'
  }
}

struct Registry {
  std::map<int, std::string> names;
  std::unordered_map<int, int> hits;
  absl::flat_hash_map<int, int> flat;
  void reset() {
    for (auto &kv : names)
      names.clear();
    // CUSTOM: :[[@LINE-1]]:7: warning: {{.*}} [custom-containers-loop-modification-ordered]
    // PLUGIN: :[[@LINE-2]]:13: warning: 'names' is modified by 'clear'
  }
  void rehash() {
    for (auto &kv : hits)
      hits.insert({kv.first + 1, 0});
    // CUSTOM: :[[@LINE-1]]:7: warning: {{.*}} [custom-containers-loop-modification-unordered]
    // PLUGIN: :[[@LINE-2]]:12: warning: 'hits' is modified by 'insert'
  }
  void flatErase() {
    for (auto &kv : flat)
      if (kv.second == 0)
        flat.erase(kv.first);
    // CUSTOM: :[[@LINE-1]]:9: warning: {{.*}} [custom-containers-loop-modification-open-addressing]
    // PLUGIN: :[[@LINE-2]]:14: warning: 'flat' is modified by 'erase'
  }
  bool known(int k) {
    if (hits[k])
      return true;
    // CUSTOM: :[[@LINE-2]]:9: warning: map operator[] used only as a truth test; it inserts a default value when the key is missing (a subset of containers-subscript-lookup) [custom-containers-subscript-truth-test]
    // PLUGIN: :[[@LINE-3]]:9: warning: 'hits[k]' is only read here
    return !flat[k];
    // CUSTOM: :[[@LINE-1]]:13: warning: map operator[] used only as a truth test
    // PLUGIN: :[[@LINE-2]]:13: warning: 'flat[k]' is only read here
  }
};

// --- what the plugin reports and the matchers leave out ---------------------

void mapEraseVisited(std::map<int, int> &m) {
  // Erasing the visited element of a map: the plugin tells the visited key
  // from any other; the snippet does not try.
  for (auto &[k, v] : m)
    if (v == 0)
      m.erase(k);
  // PLUGIN: :[[@LINE-1]]:9: warning: 'm' is modified by 'erase', which erases the element
}

int subscriptRead(std::map<int, int> &m, int k) {
  // A read that is not a truth test.
  return m[k] + 1;
  // PLUGIN: :[[@LINE-1]]:10: warning: 'm[k]' is only read here
}

void modifiedInExpression(std::vector<int> &v) {
  // The modification is not a statement of its own.
  for (int x : v)
    use((v.push_back(x), 0));
  // PLUGIN: :[[@LINE-1]]:12: warning: 'v' is modified by 'push_back'
}

// --- silent for both ----------------------------------------------------------

void eraseThenBreak(std::vector<int> &v) {
  for (int x : v) {
    if (x == 0) {
      v.erase(v.begin());
      break;
    }
  }
}

void otherContainer(std::vector<int> &v, std::vector<int> &out) {
  for (int x : v)
    out.push_back(x);
}

void nodeListInsert(std::list<int> &l) {
  for (int x : l)
    if (x == 0)
      l.push_back(1); // list insertion invalidates nothing
}

void setLoopLookup(std::set<int> &s, std::map<int, int> &m) {
  for (int x : s)
    use(x);
  int local = 0;
  for (auto &kv : m)
    if (m[kv.first]) // the key of a loop over the same map exists
      ++local;
}

bool managedKey(std::map<int, bool> &m, int k) {
  if (m.count(k) == 0)
    return false;
  if (m[k])
    return true;
  return false;
}

bool localMap(int k) {
  std::map<int, bool> m;
  if (m[k])
    return true;
  return false;
}

// More plugin-only cases: a static local map (the queries skip every local),
// and a loop in a template (the queries skip instantiations).
bool staticLocalMap(int k) {
  static std::map<int, bool> cache;
  if (cache[k])
    return true;
  // PLUGIN: :[[@LINE-2]]:7: warning: 'cache[k]' is only read here
  return false;
}

template <typename C> void grow(C &c) {
  for (auto x : c)
    c.push_back(x);
  // PLUGIN: :[[@LINE-1]]:7: warning: 'c' is modified by 'push_back'
}
void instantiate(std::vector<int> &v) { grow(v); }
