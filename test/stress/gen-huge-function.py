"""Writes a translation unit with one very large function: thousands of
statements, nested loops over containers, and handles, to check that the
per-function analysis stays linear and silent on correct code."""
import sys

n = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
print("#include <unordered_map>\n#include <vector>\nint use(int);")
print("int huge(std::vector<int> &v, std::unordered_map<int, int> &m) {\n  int acc = 0;")
for i in range(n):
    print("  for (int x%d : v) {" % i)
    print("    auto it%d = m.find(x%d);" % (i, i))
    print("    if (it%d != m.end()) acc += use(it%d->second);" % (i, i))
    print("    else m.emplace(x%d, %d);" % (i, i))
    print("  }")
print("  return acc;\n}")
