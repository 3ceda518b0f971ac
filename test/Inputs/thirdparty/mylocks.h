#pragma once
// User lock and container types that only options make known.
namespace mylib {
class SpinLock {
public:
  void lock() {}
  void unlock() {}
};
template <class M> class Guard {
public:
  explicit Guard(M &m) : m(m) { m.lock(); }
  ~Guard() { m.unlock(); }

private:
  M &m;
};
template <class K, class V> class ConcurrentMap {
public:
  bool insert(const K &, const V &) { return true; }
  bool erase(const K &) { return true; }
};
template <class F> void run_later(F) {}
} // namespace mylib
