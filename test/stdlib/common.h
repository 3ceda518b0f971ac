// Shared by libstdcxx.cpp and libcxx.cpp: representative cases over the
// real standard library headers. Line numbers below are this file's.
#include <algorithm>
#include <deque>
#include <list>
#include <map>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

using SessionTable = std::unordered_map<std::string, int>;
void use(int);

void stdlibCases(std::vector<int> &v, std::map<int, std::string> &m,
                 SessionTable &sessions, std::string &s,
                 std::list<int> &l, std::deque<int> &d) {
  for (int x : v)
    v.push_back(x);
  // CHECK: common.h:[[@LINE-1]]:7: warning: 'v' is modified by 'push_back' while a range-based for loop iterates it; the loop's iterator is invalidated [containers-iterator-invalidation]
  // CHECK: common.h:[[@LINE-3]]:16: note: the range-based for loop iterates 'v' here
  for (auto &[id, name] : m)
    if (name.empty())
      m.erase(id);
  // CHECK: common.h:[[@LINE-1]]:9: warning: 'm' is modified by 'erase', which erases the element the range-based for loop is visiting; the loop's iterator is invalidated
  // CHECK: common.h:[[@LINE-4]]:27: note: the range-based for loop iterates 'm' here
  for (auto &kv : sessions)
    sessions[kv.first + "-copy"] = kv.second;
  // CHECK: common.h:[[@LINE-1]]:5: warning: 'sessions' is modified by 'operator[]' while a range-based for loop iterates it
  // CHECK: common.h:[[@LINE-3]]:19: note: the range-based for loop iterates 'sessions' here
  for (char c : s)
    s += c;
  // CHECK: common.h:[[@LINE-1]]:7: warning: 's' is modified by 'operator+=' while a range-based for loop iterates it
  // CHECK: common.h:[[@LINE-3]]:17: note: the range-based for loop iterates 's' here
  auto &first = v.front();
  v.emplace_back(1);
  // CHECK: common.h:[[@LINE-1]]:5: warning: 'emplace_back' on 'v' invalidates reference 'first', which is used afterwards
  // CHECK: common.h:[[@LINE-3]]:9: note: 'first' is obtained from 'v' here
  // CHECK: common.h:[[@LINE+1]]:7: note: 'first' is used here
  use(first);
  for (auto it = l.begin(); it != l.end(); ++it)
    if (*it == 0)
      l.erase(it);
  // CHECK: common.h:[[@LINE-1]]:9: warning: 'erase' on 'l' invalidates iterator 'it', which is used afterwards
  // CHECK: common.h:[[@LINE-4]]:13: note: 'it' is obtained from 'l' here
  // CHECK: common.h:[[@LINE-5]]:46: note: 'it' is used here

  // Near misses.
  for (auto &kv : m)
    m.emplace(kv.first + 100, "x");
  for (int x : l)
    l.push_back(x);
  int &front = d.front();
  d.push_back(1);
  use(front);
  for (auto it = m.begin(); it != m.end();)
    if (it->second.empty())
      it = m.erase(it);
    else
      ++it;
  std::erase_if(v, [](int x) { return x < 0; });
}

int stdlibSubscript(std::map<int, std::string> &m, SessionTable &sessions) {
  return static_cast<int>(m[1].size()) + sessions["x"];
  // CHECK: common.h:[[@LINE-1]]:27: warning: 'm[1]' is only read here; operator[] inserts a default value when '1' is missing [containers-subscript-lookup]
  // CHECK: common.h:[[@LINE-2]]:42: warning: 'sessions["x"]' is only read here; operator[] inserts a default value when '"x"' is missing [containers-subscript-lookup]
}
