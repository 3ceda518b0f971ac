// Shared by unchecked-find-libstdcxx.cpp and unchecked-find-libcxx.cpp:
// containers-unchecked-find over the real standard library headers (the
// real assert, iterators, std::find). Line numbers below are this file's.
#include <algorithm>
#include <cassert>
#include <map>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

int realLibrary(std::map<std::string, int> &m, std::unordered_map<int, int> &u,
                std::set<int> &s, std::vector<int> &v, const std::string &k) {
  int total = m.find(k)->second;
  // CHECK: unchecked-find.h:[[@LINE-1]]:17: warning: the result of 'find' is dereferenced without a comparison with the end of 'm'; 'find' returns the end iterator when nothing matches [containers-unchecked-find]
  auto it = u.find(3);
  total += it->second;
  // CHECK: unchecked-find.h:[[@LINE-1]]:12: warning: 'it' is dereferenced without a comparison with the end of 'u'
  // CHECK: unchecked-find.h:[[@LINE-3]]:15: note: 'it' is the result of 'find' here
  total += *std::find(v.begin(), v.end(), 4);
  // CHECK: unchecked-find.h:[[@LINE-1]]:18: warning: the result of 'std::find' is dereferenced without a comparison with the end of 'v'
  auto low = s.lower_bound(5);
  total += *low;
  // CHECK: unchecked-find.h:[[@LINE-1]]:13: warning: 'low' is dereferenced without a comparison with the end of 's'
  // CHECK: unchecked-find.h:[[@LINE-3]]:16: note: 'low' is the result of 'lower_bound' here
  return total + static_cast<int>(k.find('x'));
}

// Near misses: checked, asserted.
int realLibraryGuarded(std::map<std::string, int> &m, std::set<int> &s) {
  int total = 0;
  auto checked = s.find(6);
  if (checked != s.end())
    total += *checked;
  auto asserted = m.find("x");
  assert(asserted != m.end());
  total += asserted->second;
  return total;
}
