// A header seen by other translation units: what is declared here may be
// erased from in a TU the check cannot see.
#pragma once
#include <map>
#include <stop_token>
#include <vector>

extern std::map<int, std::stop_source> g_shared_sources;

class HeaderRegistry {
public:
  void add(int id);
  void remove(int id); // defined in another translation unit
private:
  std::map<int, std::stop_source> sources_;
};

struct HeaderOpen {
  std::vector<std::stop_source> items;
  void add();
};
