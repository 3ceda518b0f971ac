// map[key] used only to read inserts a default value for a missing key.
// RUN: %clang_tidy -checks='-*,containers-subscript-lookup' %s -- %mock_std -isystem %inputs/thirdparty \
// RUN:   | FileCheck %s -implicit-check-not='{{warning|error}}:'

#include <absl/container/flat_hash_map.h>
#include <map>
#include <string>
#include <unordered_map>
#include <vector>

void use(int);
void useString(const std::string &);
void takeCopy(std::string);
void takeRef(std::string &);
void takeVector(const std::vector<int> &);

// --- reads ------------------------------------------------------------------

int readScalar(std::map<std::string, int> &counts, const std::string &key) {
  return counts[key];
  // CHECK: :[[@LINE-1]]:10: warning: 'counts[key]' is only read here; operator[] inserts a default value when 'key' is missing [containers-subscript-lookup]
  // CHECK: :[[@LINE-2]]:10: note: look the key up without inserting: 'find', 'count', 'contains' (C++20) or 'at'
}

void compare(std::unordered_map<int, int> &limits, int id, int value) {
  if (limits[id] < value)
    use(value);
  // CHECK: :[[@LINE-2]]:7: warning: 'limits[id]' is only read here; operator[] inserts a default value when 'id' is missing
  // CHECK: :[[@LINE-3]]:7: note: look the key up without inserting
}

void copies(std::map<int, std::string> &names, int id) {
  std::string name = names[id];
  // CHECK: :[[@LINE-1]]:22: warning: 'names[id]' is only read here; operator[] inserts a default value when 'id' is missing
  // CHECK: :[[@LINE-2]]:22: note: look the key up
  takeCopy(names[id + 1]);
  // CHECK: :[[@LINE-1]]:12: warning: 'names[id + 1]' is only read here; operator[] inserts a default value when 'id + 1' is missing
  // CHECK: :[[@LINE-2]]:12: note: look the key up
  useString(names[id + 2]);
  // CHECK: :[[@LINE-1]]:13: warning: 'names[id + 2]' is only read here
  // CHECK: :[[@LINE-2]]:13: note: look the key up
  const std::string &ref = names[id + 3];
  // CHECK: :[[@LINE-1]]:28: warning: 'names[id + 3]' is only read here
  // CHECK: :[[@LINE-2]]:28: note: look the key up
  useString(ref);
}

void constMember(std::map<int, std::vector<int>> &groups, int g) {
  use(static_cast<int>(groups[g].size()));
  // CHECK: :[[@LINE-1]]:24: warning: 'groups[g]' is only read here
  // CHECK: :[[@LINE-2]]:24: note: look the key up
  takeVector(groups[g + 1]);
  // CHECK: :[[@LINE-1]]:14: warning: 'groups[g + 1]' is only read here
  // CHECK: :[[@LINE-2]]:14: note: look the key up
}

struct Registry {
  std::map<std::string, int> byName;
  int lookup(const std::string &n) { return byName[n]; }
  // CHECK: :[[@LINE-1]]:45: warning: 'byName[n]' is only read here
  // CHECK: :[[@LINE-2]]:45: note: look the key up
  int lookupThis(const std::string &n) { return this->byName[n]; }
  // CHECK: :[[@LINE-1]]:49: warning: 'this->byName[n]' is only read here
  // CHECK: :[[@LINE-2]]:49: note: look the key up
};

int openAddressing(absl::flat_hash_map<int, int> &cache, int k) {
  return cache[k] * 2;
  // CHECK: :[[@LINE-1]]:10: warning: 'cache[k]' is only read here
  // CHECK: :[[@LINE-2]]:10: note: look the key up
}

// --- conditions: exact fix-its ------------------------------------------------

void conditions(std::map<int, bool> &seen, std::unordered_map<int, int> &hits,
                std::map<int, int *> &ptrs, int k) {
  if (seen[k])
    use(1);
  // CHECK: :[[@LINE-2]]:7: warning: 'seen[k]' is only read here; operator[] inserts a default value when 'k' is missing
  while (hits[k])
    use(2);
  // CHECK: :[[@LINE-2]]:10: warning: 'hits[k]' is only read here
  if (!ptrs[k])
    use(3);
  // CHECK: :[[@LINE-2]]:8: warning: 'ptrs[k]' is only read here
  use(seen[k + 1] ? 1 : 0);
  // CHECK: :[[@LINE-1]]:7: warning: 'seen[k + 1]' is only read here
  // CHECK: :[[@LINE-2]]:7: note: look the key up
}

// --- templates: once --------------------------------------------------------

template <class M> int get(M &m, int k) { return m[k]; }
// CHECK: :[[@LINE-1]]:50: warning: 'm[k]' is only read here
// CHECK: :[[@LINE-2]]:50: note: look the key up
int instantiate(std::map<int, int> &a, std::unordered_map<int, int> &b,
                std::vector<int> &v) {
  return get(a, 1) + get(b, 2) + get(v, 3); // vector: no insertion
}

// --- near misses ------------------------------------------------------------

void writes(std::map<int, int> &m, std::map<int, std::vector<int>> &g,
            std::map<int, std::string> &s, int k) {
  m[k] = 1;                // assignment
  m[k + 1] += 2;           // compound assignment
  ++m[k + 2];              // increment
  m[k + 3]++;
  int &slot = m[k + 4];    // non-const reference
  slot = 5;
  g[k].push_back(1);       // non-const member
  takeRef(s[k]);           // non-const reference parameter
  m[k + 5];                // creates the entry on purpose
  std::string moved = std::move(s[k + 1]);
}

int managedKey(std::map<int, int> &m, int k) {
  // The function tests or writes the same key: reading a default is meant.
  if (m.count(k) == 0)
    return -1;
  return m[k];
}

int counterIdiom(std::map<int, int> &m, int k) {
  m[k] = m[k] + 1;
  return 0;
}

int foundFirst(std::unordered_map<int, int> &m, int k) {
  if (m.find(k) != m.end())
    return m[k];
  return 0;
}

int loopKeys(std::map<int, int> &m, std::map<int, int> &other) {
  int sum = 0;
  for (auto &[k, v] : m)
    sum += m[k];          // the key of the visited element exists
  for (auto &kv : m)
    sum += m[kv.first];
  for (auto &kv : other)
    sum += m[kv.first];   // another map's keys: a real read-insert
  // CHECK: :[[@LINE-1]]:12: warning: 'm[kv.first]' is only read here
  // CHECK: :[[@LINE-2]]:12: note: look the key up
  return sum;
}

int vectorsAndStrings(std::vector<int> &v, std::string &s) {
  return v[0] + s[0]; // operator[] of a sequence never inserts
}

// A map class whose own operator[] is a const lookup that cannot insert
// (boost::program_options::variables_map does this).
struct Options : std::map<std::string, int> {
  const int &operator[](const std::string &name) const;
};
int options(Options &o, const char *name) {
  return o[name]; // near miss: Options::operator[] is const
}

// The key converted to the key type is still the same key.
int converted(std::map<std::string, int> &m, const char *name) {
  if (!m.count(name))
    return 0;
  return m[name]; // near miss: managed through count()
}

// --- lambdas: a lambda's implicit members do not end the enclosing function --

struct AfterLambda {
  std::map<int, int> table;
  int afterLambda(int k) {
    auto one = [this] { return 1; };
    return one() + table[k];
    // CHECK: :[[@LINE-1]]:20: warning: 'table[k]' is only read here; operator[] inserts a default value when 'k' is missing
    // CHECK: :[[@LINE-2]]:20: note: look the key up
  }
};

int insideLambda(std::map<int, int> &m, int k) {
  auto read = [&m, k] { return m[k]; };
  // CHECK: :[[@LINE-1]]:32: warning: 'm[k]' is only read here; operator[] inserts a default value when 'k' is missing
  // CHECK: :[[@LINE-2]]:32: note: look the key up
  return read();
}

int managedOutsideLambda(std::map<int, int> &m, int k) {
  auto read = [&m, k] { return m[k]; }; // the function tests the key
  return m.count(k) ? read() : 0;
}
