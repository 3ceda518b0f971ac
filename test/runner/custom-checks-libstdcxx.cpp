// The generated custom checks recognise the real libstdc++ containers.
// REQUIRES: llvm-22, libstdcxx
// RUN: %{installed_tidy} --experimental-custom-checks --config-file=%source_root/docs/custom-checks.clang-tidy \
// RUN:   %s -- -std=c++20 2>/dev/null | FileCheck %s -implicit-check-not='{{warning|error}}:'
#include <map>
#include <unordered_map>
#include <vector>

void f(std::vector<int> &v, std::unordered_map<int, int> &m, std::map<int, int> &o) {
  for (int x : v)
    v.push_back(x);
  // CHECK: :[[@LINE-1]]:5: warning: {{.*}} [custom-containers-loop-modification-contiguous]
  if (m[3])
    v.clear();
  // CHECK: :[[@LINE-2]]:7: warning: {{.*}} [custom-containers-subscript-truth-test]
  for (auto &kv : o)
    if (kv.second)
      o.erase(kv.first); // the visited element: plugin-only
}
