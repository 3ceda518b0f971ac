// Cases of containers-long-lived-cancellation-token over the real standard libraries, included by
// containers-long-lived-cancellation-token-libstdcxx.cpp and -libcxx.cpp, which run FileCheck on this file.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <stop_token>
#include <string>
#include <thread>
#include <unordered_map>
#include <vector>

static std::unordered_map<std::string, std::stop_source> g_sources;
// CHECK-DAG: :[[@LINE-1]]:58: note: 'g_sources' is declared here at namespace scope
void start(const std::string &id) {
  // CHECK-DAG: :[[@LINE-1]]:6: note: 'start' inserts into 'g_sources' each time it is called
  g_sources[id] = std::stop_source();
  // CHECK-DAG: :[[@LINE-1]]:3: warning: 'operator[]' stores a 'std::stop_source' in 'g_sources', a long-lived container that is never erased from; every token stays alive, with everything registered on it, as long as 'g_sources' does [containers-long-lived-cancellation-token]
}

using Callback = std::stop_callback<std::function<void()>>;
static std::vector<std::unique_ptr<Callback>> g_callbacks;
// CHECK-DAG: :[[@LINE-1]]:47: note: 'g_callbacks' is declared here at namespace scope
void onStop(std::stop_token t, std::function<void()> f) {
  // CHECK-DAG: :[[@LINE-1]]:6: note: 'onStop' inserts into 'g_callbacks' each time it is called
  g_callbacks.push_back(std::make_unique<Callback>(t, std::move(f)));
  // CHECK-DAG: :[[@LINE-1]]:15: warning: 'push_back' stores a 'std::stop_callback' in 'g_callbacks'
}

class Workers {
public:
  static Workers &instance() {
    static Workers w;
    return w;
  }
  void spawn(int id) {
    // CHECK-DAG: :[[@LINE-1]]:8: note: 'spawn' inserts into 'threads_' each time it is called
    threads_.try_emplace(id, [](std::stop_token) {});
    // CHECK-DAG: :[[@LINE-1]]:14: warning: 'try_emplace' stores a 'std::jthread' in 'threads_'
  }
private:
  std::map<int, std::optional<std::jthread>> threads_;
  // CHECK-DAG: :[[@LINE-1]]:46: note: 'threads_' is declared here as a member of 'Workers', which is used as a singleton
};

// Near misses: erased elsewhere; erase_if; a local container.
static std::map<int, std::stop_source> g_erased;
void add(int id) { g_erased.emplace(id, std::stop_source()); }
void remove(int id) { g_erased.erase(id); }
static std::vector<std::stop_source> g_filtered;
void addFiltered() { g_filtered.emplace_back(); }
void prune() {
  std::erase_if(g_filtered, [](const std::stop_source &s) { return s.stop_requested(); });
}
void local() {
  std::vector<std::stop_source> sources;
  sources.emplace_back();
}
