// A map to bool in which every store writes true and every read tests
// presence: a set of the keys.
// RUN: %clang_tidy -checks='-*,containers-bool-map-as-set' %s -- %mock_std -isystem %inputs/thirdparty \
// RUN:   | FileCheck %s -implicit-check-not='{{warning|error}}:'

#include <absl/container/flat_hash_map.h>
#include <map>
#include <string>
#include <unordered_map>
#include <utility>

void use(int);

// --- used as a set -----------------------------------------------------------

namespace {
std::map<std::string, bool> visitedNames;
} // namespace
void visitName(const std::string &name) {
  if (visitedNames.count(name))
    return;
  visitedNames[name] = true;
}
// CHECK: :[[@LINE-7]]:29: warning: 'visitedNames' is a map to bool used as a set: every store writes 'true' and every read tests presence; use 'std::set<std::string>' [containers-bool-map-as-set]
// CHECK: :[[@LINE-3]]:3: note: 'true' is stored here

static std::unordered_map<int, bool> seenIds;
bool firstTime(int id) {
  if (seenIds.contains(id))
    return false;
  seenIds.emplace(id, true);
  return true;
}
// CHECK: :[[@LINE-7]]:38: warning: 'seenIds' is a map to bool used as a set: every store writes 'true' and every read tests presence; use 'std::unordered_set<int>'
// CHECK: :[[@LINE-4]]:11: note: 'true' is stored here

int subscriptTest(int n) {
  std::map<int, bool> done;
  // CHECK: :[[@LINE-1]]:23: warning: 'done' is a map to bool used as a set: every store writes 'true' and every read tests presence; use 'std::set<int>'
  int count = 0;
  for (int i = 0; i < n; ++i) {
    if (done[i % 7])
      continue;
    done[i % 7] = true;
    // CHECK: :[[@LINE-1]]:5: note: 'true' is stored here
    ++count;
  }
  return count;
}

int findTest(int n) {
  std::unordered_map<int, bool> marks;
  // CHECK: :[[@LINE-1]]:33: warning: 'marks' is a map to bool used as a set
  marks.insert({n, true});
  // CHECK: :[[@LINE-1]]:9: note: 'true' is stored here
  return marks.find(n + 1) != marks.end();
}

int reversedFind(int n) {
  std::map<int, bool> marks;
  // CHECK: :[[@LINE-1]]:23: warning: 'marks' is a map to bool used as a set
  marks.try_emplace(n, true);
  // CHECK: :[[@LINE-1]]:9: note: 'true' is stored here
  return marks.end() == marks.find(n) ? 0 : 1;
}

int negatedTest(int n) {
  std::map<int, bool> marks;
  // CHECK: :[[@LINE-1]]:23: warning: 'marks' is a map to bool used as a set
  marks.insert(std::make_pair(n, true));
  // CHECK: :[[@LINE-1]]:9: note: 'true' is stored here
  if (!marks[n + 1])
    return 0;
  return 1;
}

int assignOrInsert(int a, int b) {
  std::map<int, bool> marks;
  // CHECK: :[[@LINE-1]]:23: warning: 'marks' is a map to bool used as a set
  marks.insert_or_assign(a, true);
  // CHECK: :[[@LINE-1]]:9: note: 'true' is stored here
  marks[b] = true;
  // CHECK: :[[@LINE-1]]:3: note: 'true' is stored here
  marks.emplace(a + b, true);
  // CHECK: :[[@LINE-1]]:9: note: 'true' is stored here
  return marks[a] && marks[b] ? 2 : static_cast<int>(marks.size());
}

int erasures(int n) {
  std::unordered_map<int, bool> pending;
  // CHECK: :[[@LINE-1]]:33: warning: 'pending' is a map to bool used as a set
  pending[n] = true;
  // CHECK: :[[@LINE-1]]:3: note: 'true' is stored here
  pending.erase(n + 1);
  if (pending.empty())
    pending.clear();
  return pending.count(n) ? 1 : 0;
}

int functionStatic(int n) {
  static std::map<int, bool> cache;
  // CHECK: :[[@LINE-1]]:30: warning: 'cache' is a map to bool used as a set
  while (cache[n])
    ++n;
  cache[n] = true;
  // CHECK: :[[@LINE-1]]:3: note: 'true' is stored here
  return n;
}

using NameFlags = std::unordered_map<std::string, bool>;
int aliased(const std::string &s) {
  NameFlags flags;
  // CHECK: :[[@LINE-1]]:13: warning: 'flags' is a map to bool used as a set: every store writes 'true' and every read tests presence; use 'std::unordered_set<std::string>'
  flags[s] = true;
  // CHECK: :[[@LINE-1]]:3: note: 'true' is stored here
  return flags.count("x") ? 1 : 0;
}

typedef bool Flag;
int typedefBool(int k) {
  std::map<int, Flag> flags;
  // CHECK: :[[@LINE-1]]:23: warning: 'flags' is a map to bool used as a set
  flags[k] = true;
  // CHECK: :[[@LINE-1]]:3: note: 'true' is stored here
  return flags.count(k + 1) ? 1 : 0;
}

int openAddressing(int k) {
  absl::flat_hash_map<int, bool> seen;
  // CHECK: :[[@LINE-1]]:34: warning: 'seen' is a map to bool used as a set: every store writes 'true' and every read tests presence; use 'absl::flat_hash_set<int>'
  seen.try_emplace(k, true);
  // CHECK: :[[@LINE-1]]:8: note: 'true' is stored here
  return seen.find(k + 1) != seen.end();
}

// Reported once for both instantiations.
template <class T> int inTemplate(T k) {
  std::map<int, bool> seen;
  // CHECK: :[[@LINE-1]]:23: warning: 'seen' is a map to bool used as a set
  seen[static_cast<int>(k)] = true;
  // CHECK: :[[@LINE-1]]:3: note: 'true' is stored here
  return seen.count(1) ? 1 : 0;
}
int instantiate() { return inTemplate(1) + inTemplate(2L); }

class Tracker {
public:
  void add(int k) { this->seen_[k] = true; }
  bool has(int k) const { return seen_.count(k) != 0; }
  void forget(int k);

private:
  std::map<int, bool> seen_;
};
// CHECK: :[[@LINE-2]]:23: warning: 'seen_' is a map to bool used as a set: every store writes 'true' and every read tests presence; use 'std::set<int>'
// CHECK: :[[@LINE-8]]:21: note: 'true' is stored here
void Tracker::forget(int k) { seen_.erase(k); }

class StaticTracker {
public:
  static void add(int k) { ids_.insert({k, true}); }
  static bool has(int k) { return ids_.contains(k); }

private:
  static std::unordered_map<int, bool> ids_;
};
// CHECK: :[[@LINE-2]]:40: warning: 'ids_' is a map to bool used as a set
// CHECK: :[[@LINE-7]]:33: note: 'true' is stored here
std::unordered_map<int, bool> StaticTracker::ids_;

// --- near misses -------------------------------------------------------------

int storesFalse(int k) {
  std::map<int, bool> flags;
  flags[k] = true;
  flags[k + 1] = false; // a real boolean value
  return flags.count(k);
}

int storesVariable(int k, bool on) {
  std::map<int, bool> flags;
  flags[k] = on;
  return flags.count(k);
}

bool readsValue(int k) {
  std::map<int, bool> flags;
  flags[k] = true;
  bool v = flags[k]; // the value, not in a condition
  return v;
}

bool readsAt(int k) {
  std::map<int, bool> flags;
  flags.emplace(k, true);
  return flags.at(k);
}

int iterated() {
  std::map<int, bool> flags;
  flags[1] = true;
  int n = 0;
  for (auto &[k, v] : flags)
    n += v;
  return n + static_cast<int>(flags.count(2));
}

void fill(std::map<int, bool> &);
int passedOn(int k) {
  std::map<int, bool> flags;
  fill(flags); // may store false
  flags[k] = true;
  return flags.count(k);
}

std::map<int, bool> externalFlags; // another TU may write false
void setExternal(int k) { externalFlags[k] = true; }
bool testExternal(int k) { return externalFlags.count(k); }

class PublicSet {
public:
  std::map<int, bool> seen; // other TUs may use it
  void add(int k) { seen[k] = true; }
  bool has(int k) { return seen.count(k); }
};

class ElsewhereDefined {
public:
  void add(int k) { seen_[k] = true; }
  bool has(int k) { return seen_.count(k); }
  void reset(); // defined in another TU: may store false

private:
  std::map<int, bool> seen_;
};

class WithFriend {
  friend void poke(WithFriend &);
public:
  void add(int k) { seen_[k] = true; }
  bool has(int k) { return seen_.count(k); }

private:
  std::map<int, bool> seen_;
};

std::map<int, bool> makeFlags();
int initialised(int k) {
  std::map<int, bool> flags = makeFlags(); // initial contents unknown
  flags[k] = true;
  return flags.count(k);
}

int notBool(int k) {
  std::map<int, int> counts;
  counts[k] = 1;
  return counts.count(k);
}

int multi(int k) {
  std::multimap<int, bool> flags;
  flags.insert({k, true});
  return flags.count(k);
}

int valueAfterFind(int k) {
  std::map<int, bool> flags;
  flags[k] = true;
  auto it = flags.find(k);
  return it != flags.end() && it->second;
}

int neverRead(int k) {
  std::map<int, bool> flags;
  flags[k] = true;
  return 0;
}

int neverStored(int k) {
  std::map<int, bool> flags;
  return flags.count(k);
}

struct DerivedMap : std::map<int, bool> {};
int derived(int k) {
  DerivedMap flags;
  flags[k] = true;
  return flags.count(k);
}

int byValue(std::map<int, bool> flags, int k) {
  flags[k] = true;
  return flags.count(k);
}

int createsDefault(int k) {
  std::map<int, bool> flags;
  flags[k]; // inserts false
  flags[k + 1] = true;
  return flags.count(k);
}

int compound(int k, bool on) {
  std::map<int, bool> flags;
  flags[k] = true;
  flags[k] |= on;
  return flags.count(k);
}

int copied(int k) {
  std::map<int, bool> flags;
  flags[k] = true;
  auto other = flags;
  return flags.count(k) + other.count(k);
}

int pairNotMap(int k) {
  std::pair<int, bool> p(k, true);
  return p.second ? 1 : 0;
}

int storesFlag(int k, bool on) {
  std::map<int, bool> flags;
  flags.emplace(k, on);
  return flags.count(k);
}
