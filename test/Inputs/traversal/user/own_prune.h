// Included through -I: the program's own header.
#include <vector>

inline void ownGrow(std::vector<int> &v) {
  for (int x : v)
    if (x > 0)
      v.push_back(x);
}
