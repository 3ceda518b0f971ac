#pragma once
#include <utility>
namespace absl {
// Abseil versions its namespace with an inline namespace.
inline namespace lts_20230802 {
template <class K, class V> class flat_hash_map {
public:
  using value_type = std::pair<const K, V>;
  using iterator = std::__iter<value_type>;
  iterator begin() { return {d}; }
  iterator end() { return {d}; }
  V &operator[](const K &) { return d->second; }
  iterator find(const K &) { return {d}; }
  std::pair<iterator, bool> insert(const value_type &) { return {}; }
  template <class... A> std::pair<iterator, bool> try_emplace(const K &, A &&...) { return {}; }
  size_t erase(const K &) { return 0; }
  void erase(iterator) {}
private:
  value_type *d = nullptr;
};
} // namespace lts_20230802
} // namespace absl
