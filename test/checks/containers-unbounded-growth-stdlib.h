// Cases of containers-unbounded-growth over the real standard libraries, included by
// containers-unbounded-growth-libstdcxx.cpp and -libcxx.cpp, which run FileCheck on this file.
#pragma once

#include <map>
#include <set>
#include <stop_token>
#include <string>
#include <unordered_map>
#include <vector>

static std::unordered_map<std::string, std::stop_source> g_sources;
void start(const std::string &id) { g_sources[id] = std::stop_source(); }
// CHECK: :[[@LINE-1]]:37: warning: 'operator[]' inserts into 'g_sources', a long-lived container that is never erased from or bounded; it grows for as long as 'g_sources' lives [containers-unbounded-growth]
// CHECK: :[[@LINE-3]]:58: note: 'g_sources' is declared here at namespace scope

static std::vector<std::string> g_log;
void log(const std::string &line) { g_log.push_back(line); }
// CHECK: :[[@LINE-1]]:43: warning: 'push_back' inserts into 'g_log'
// CHECK: :[[@LINE-3]]:33: note: 'g_log' is declared here at namespace scope

const std::string &name(int id) {
  static std::map<int, std::string> names;
  // CHECK: :[[@LINE+1]]:16: warning: 'try_emplace' inserts into 'names'
  return names.try_emplace(id, std::to_string(id)).first->second;
  // CHECK: :[[@LINE-3]]:37: note: 'names' is declared here as a function-local static
}

// Near misses: evicted, erased, local.
static std::set<int> g_window;
void slide(int v) {
  g_window.insert(v);
  if (g_window.size() > 10)
    g_window.erase(g_window.begin());
}
static std::map<int, int> g_open;
void openOne(int id) { g_open.emplace(id, 0); }
void closeOne(int id) { g_open.erase(id); }
int local(int n) {
  std::vector<int> v;
  v.push_back(n);
  return static_cast<int>(v.size());
}
