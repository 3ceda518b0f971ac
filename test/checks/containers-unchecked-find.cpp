// The result of find, lower_bound or upper_bound dereferenced without a
// comparison with the container's end. The NDEBUG run proves that an assert
// that expands to nothing still guards.
// RUN: %clang_tidy -checks='-*,containers-unchecked-find' %s -- %mock_std -isystem %inputs/thirdparty \
// RUN:   | FileCheck %s -implicit-check-not='{{warning|error}}:'
// RUN: %clang_tidy -checks='-*,containers-unchecked-find' %s -- %mock_std -isystem %inputs/thirdparty -DNDEBUG \
// RUN:   | FileCheck %s -implicit-check-not='{{warning|error}}:'

#include <absl/container/flat_hash_map.h>
#include <algorithm>
#include <cassert>
#include <map>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

void use(int);
void take(std::map<int, int>::iterator);
int key(int);

// --- dereferenced right away -------------------------------------------------

struct Registry {
  std::map<std::string, int> ids_;
  std::unordered_map<int, int> index_;
  int idOf(const std::string &name) { return ids_.find(name)->second; }
  // CHECK: :[[@LINE-1]]:51: warning: the result of 'find' is dereferenced without a comparison with the end of 'ids_'; 'find' returns the end iterator when nothing matches [containers-unchecked-find]
  int slot(int k) { return this->index_.find(k)->second; }
  // CHECK: :[[@LINE-1]]:41: warning: the result of 'find' is dereferenced without a comparison with the end of 'index_'
};

int direct(std::map<int, int> &m, int k) { return m.find(k)->second; }
// CHECK: :[[@LINE-1]]:53: warning: the result of 'find' is dereferenced without a comparison with the end of 'm'

int directStar(std::set<int> &s, int x) { return *s.find(x); }
// CHECK: :[[@LINE-1]]:53: warning: the result of 'find' is dereferenced without a comparison with the end of 's'

int directParens(std::unordered_map<int, int> &u, int k) {
  return (*u.find(k)).second;
  // CHECK: :[[@LINE-1]]:14: warning: the result of 'find' is dereferenced without a comparison with the end of 'u'
}

int throughPointer(std::map<int, int> *p, int k) { return p->find(k)->second; }
// CHECK: :[[@LINE-1]]:62: warning: the result of 'find' is dereferenced without a comparison with the end of 'p'

int constMap(const std::map<int, int> &m, int k) { return m.lower_bound(k)->second; }
// CHECK: :[[@LINE-1]]:61: warning: the result of 'lower_bound' is dereferenced without a comparison with the end of 'm'; 'lower_bound' returns the end iterator when every element is ordered before the key

int openAddressing(absl::flat_hash_map<int, int> &f, int k) { return f.find(k)->second; }
// CHECK: :[[@LINE-1]]:72: warning: the result of 'find' is dereferenced without a comparison with the end of 'f'

int algorithm(std::vector<int> &v, int x) { return *std::find(v.begin(), v.end(), x); }
// CHECK: :[[@LINE-1]]:58: warning: the result of 'std::find' is dereferenced without a comparison with the end of 'v'; 'std::find' returns the end iterator when nothing matches

int otherKey(std::map<int, int> &m, int a, int b) {
  if (!m.count(a)) // tests another key
    return 0;
  return m.find(b)->second;
  // CHECK: :[[@LINE-1]]:12: warning: the result of 'find' is dereferenced without a comparison with the end of 'm'
}

int inLambda(std::map<int, int> &m, int k) {
  auto f = [&] { return m.find(k)->second; };
  // CHECK: :[[@LINE-1]]:27: warning: the result of 'find' is dereferenced without a comparison with the end of 'm'
  return f();
}

// Reported once, at the template, for both instantiations.
template <class M> int lookupIn(M &m, int k) { return m.find(k)->second; }
// CHECK: :[[@LINE-1]]:57: warning: the result of 'find' is dereferenced without a comparison with the end of 'm'
int instantiate(std::map<int, int> &a, std::unordered_map<int, int> &b) {
  return lookupIn(a, 1) + lookupIn(b, 2);
}

// --- stored in a variable -----------------------------------------------------

int variable(std::map<int, int> &m, int k) {
  auto it = m.find(k);
  return it->second;
  // CHECK: :[[@LINE-1]]:10: warning: 'it' is dereferenced without a comparison with the end of 'm'; 'find' returns the end iterator when nothing matches [containers-unchecked-find]
  // CHECK: :[[@LINE-3]]:15: note: 'it' is the result of 'find' here
}

int derefBeforeCheck(std::map<int, int> &m, int k) {
  auto it = m.find(k);
  use(it->second); // the comparison comes too late
  // CHECK: :[[@LINE-1]]:7: warning: 'it' is dereferenced without a comparison with the end of 'm'
  // CHECK: :[[@LINE-3]]:15: note: 'it' is the result of 'find' here
  if (it != m.end())
    return 1;
  return 0;
}

int oneBranchChecked(std::map<int, int> &m, int k, bool strict) {
  auto it = m.find(k);
  if (strict) {
    if (it == m.end())
      return -1;
  }
  return it->second; // unchecked when !strict
  // CHECK: :[[@LINE-1]]:10: warning: 'it' is dereferenced without a comparison with the end of 'm'
  // CHECK: :[[@LINE-7]]:15: note: 'it' is the result of 'find' here
}

int upper(std::map<int, int> &m, int k) {
  const auto it = m.upper_bound(k);
  return it->first;
  // CHECK: :[[@LINE-1]]:10: warning: 'it' is dereferenced without a comparison with the end of 'm'; 'upper_bound' returns the end iterator when no element is ordered after the key
  // CHECK: :[[@LINE-3]]:21: note: 'it' is the result of 'upper_bound' here
}

int findIf(std::vector<int> &v) {
  auto pos = std::find_if(v.begin(), v.end(), [](int x) { return x > 0; });
  return *pos;
  // CHECK: :[[@LINE-1]]:11: warning: 'pos' is dereferenced without a comparison with the end of 'v'; 'std::find_if' returns the end iterator when nothing matches
  // CHECK: :[[@LINE-3]]:19: note: 'pos' is the result of 'std::find_if' here
}

int sortedVector(std::vector<int> &v, int x) {
  auto at = std::lower_bound(v.begin(), v.end(), x);
  return *at;
  // CHECK: :[[@LINE-1]]:11: warning: 'at' is dereferenced without a comparison with the end of 'v'; 'std::lower_bound' returns the end iterator when every element is ordered before the key
  // CHECK: :[[@LINE-3]]:18: note: 'at' is the result of 'std::lower_bound' here
}

int setVariable(const std::set<std::string> &names, const std::string &n) {
  auto found = names.find(n);
  return static_cast<int>(found->size());
  // CHECK: :[[@LINE-1]]:27: warning: 'found' is dereferenced without a comparison with the end of 'names'
  // CHECK: :[[@LINE-3]]:22: note: 'found' is the result of 'find' here
}

// --- near misses: guarded, managed or unknown --------------------------------

int checked(std::map<int, int> &m, int k) {
  auto it = m.find(k);
  if (it == m.end())
    return 0;
  return it->second;
}

int conditional(std::map<int, int> &m, int k) {
  auto it = m.find(k);
  return it != m.end() ? it->second : 0;
}

int asserted(std::map<int, int> &m, int k) {
  auto it = m.find(k);
  assert(it != m.end()); // a guard, also when NDEBUG removes it
  return it->second;
}

int assertedPresence(std::map<int, int> &m, int k) {
  assert(m.count(k) == 1); // states that the key is there
  return m.find(k)->second;
}

int countedFirst(std::map<int, int> &m, int k) {
  if (!m.count(k))
    return 0;
  return m.find(k)->second;
}

int insertedFirst(std::map<int, int> &m, int k) {
  m[k] = 1;
  return m.find(k)->second;
}

int sameLookupTested(std::map<int, int> &m, int x) {
  if (m.find(key(x)) != m.end()) // a key the check cannot compare
    return m.find(key(x))->second;
  return 0;
}

int savedComparison(std::map<int, int> &m, int k) {
  auto it = m.find(k);
  bool found = it != m.end();
  return found ? it->second : 0;
}

int passedOn(std::map<int, int> &m, int k) {
  auto it = m.find(k);
  take(it); // may check it
  return it->second;
}

int stepped(std::map<int, int> &m, int k) {
  auto it = m.upper_bound(k);
  --it; // the element before: the code knows more than the check
  return it->second;
}

int reassigned(std::map<int, int> &m, int k) {
  auto it = m.find(k);
  it = m.begin();
  return it->second;
}

int derefInLoop(std::map<int, int> &m, int k, int n) {
  auto it = m.find(k);
  int total = 0;
  for (int i = 0; i < n; ++i) // loops are not followed
    total += it->second;
  return total;
}

int visitedKeys(std::map<int, int> &m) {
  int total = 0;
  for (auto &[k, v] : m)
    total += m.find(k)->second;
  return total;
}

int capturedFirst(std::map<int, int> &m, int k) {
  auto it = m.find(k);
  auto valid = [&] { return it != m.end(); };
  return valid() ? it->second : 0;
}

int stringPosition(std::string &s) {
  auto pos = s.find('x'); // a position, not an iterator
  return static_cast<int>(pos);
}

int overArray(int *a, int n, int x) { return *std::find(a, a + n, x); }

struct Cache {
  struct Entry { int value; };
  Entry *find(int);
};
int notAContainer(Cache &c, int k) { return c.find(k)->value; }

int iteratorLoop(std::map<int, int> &m, int k) {
  int total = 0;
  for (auto it = m.find(k); it != m.end(); ++it)
    total += it->second;
  return total;
}

int ifInit(std::unordered_map<int, int> &u, int k) {
  if (auto it = u.find(k); it != u.end())
    return it->second;
  return 0;
}

int algorithmTested(std::vector<int> &v, int x) {
  if (std::find(v.begin(), v.end(), x) == v.end())
    return 0;
  return *std::find(v.begin(), v.end(), x);
}

int otherEnd(std::map<int, int> &m, std::map<int, int> &n, int k) {
  auto it = m.find(k);
  if (it == n.end()) // a comparison, even a wrong one, is left to the reader
    return 0;
  return it->second;
}

template <class M> int dependent(M &m, int k) {
  auto it = m.find(k);
  if (it == m.end())
    return 0;
  return it->second;
}
int instantiateDependent(std::map<int, int> &m) { return dependent(m, 1); }
