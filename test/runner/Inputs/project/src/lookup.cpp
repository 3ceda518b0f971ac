// Two identical read-only lookups (same line text) and a fix-it.
#include <map>

bool seenTwice(std::map<int, bool> &seen, int k) {
  if (seen[k])
    return true;
  if (seen[k])
    return true;
  return false;
}
