// Included through -isystem: a system header to the checks.
#include <vector>

inline void vendorGrow(std::vector<int> &v) {
  for (int x : v)
    if (x > 0)
      v.push_back(x);
}

template <class T> void vendorGrowAll(std::vector<T> &v) {
  for (const T &x : v)
    v.push_back(x);
}
