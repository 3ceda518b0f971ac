// A header included by two sources: its warning is reported once.
#include <vector>

inline void grow(std::vector<int> &v) {
  for (int x : v)
    v.push_back(x);
}
