// Shared by bool-map-as-set-libstdcxx.cpp and bool-map-as-set-libcxx.cpp:
// containers-bool-map-as-set over the real standard library headers. Line
// numbers below are this file's.
#include <map>
#include <string>
#include <unordered_map>
#include <utility>

namespace {
std::unordered_map<std::string, bool> loadedModules;
// CHECK: bool-map-as-set.h:[[@LINE-1]]:39: warning: 'loadedModules' is a map to bool used as a set: every store writes 'true' and every read tests presence; use 'std::unordered_set<std::string>' [containers-bool-map-as-set]
} // namespace

bool loadOnce(const std::string &name) {
  if (loadedModules.find(name) != loadedModules.end())
    return false;
  loadedModules.insert({name, true});
  // CHECK: bool-map-as-set.h:[[@LINE-1]]:17: note: 'true' is stored here
  return true;
}

int ordered(int n) {
  std::map<int, bool> done;
  // CHECK: bool-map-as-set.h:[[@LINE-1]]:23: warning: 'done' is a map to bool used as a set: every store writes 'true' and every read tests presence; use 'std::set<int>'
  for (int i = 0; i < n; ++i)
    if (!done.count(i % 3))
      done.emplace(i % 3, true);
  // CHECK: bool-map-as-set.h:[[@LINE-1]]:12: note: 'true' is stored here
  done[n] = true;
  // CHECK: bool-map-as-set.h:[[@LINE-1]]:3: note: 'true' is stored here
  return static_cast<int>(done.size());
}

// Near miss: a real boolean value.
int flags(int n) {
  std::map<int, bool> enabled;
  enabled.insert(std::make_pair(n, false));
  return enabled.count(n) ? 1 : 0;
}
