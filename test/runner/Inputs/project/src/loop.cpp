// A range-based for loop that erases from the map it walks.
#include <map>

void expire(std::map<int, bool> &sessions) {
  for (auto &entry : sessions)
    if (entry.second)
      sessions.erase(entry.first);
}
