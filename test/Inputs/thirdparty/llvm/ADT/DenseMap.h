#pragma once
#include <utility>
namespace llvm {
template <class K, class V> class DenseMapBase {
public:
  using value_type = std::pair<K, V>;
  using iterator = std::__iter<value_type>;
  iterator begin() { return {d}; }
  iterator end() { return {d}; }
  V &operator[](const K &) { return d->second; }
  iterator find(const K &) { return {d}; }
  std::pair<iterator, bool> insert(const value_type &) { return {}; }
  bool erase(const K &) { return false; }
protected:
  value_type *d = nullptr;
};
template <class K, class V> class DenseMap : public DenseMapBase<K, V> {};
} // namespace llvm
