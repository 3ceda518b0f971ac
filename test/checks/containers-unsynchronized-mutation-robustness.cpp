// Robustness: macros report at the user's expansion, uninstantiated and
// dependent code is skipped, and a TU with errors reports nothing but them.
// RUN: %clang_tidy -checks='-*,containers-unsynchronized-mutation' %s -- %mock_std \
// RUN:   | FileCheck %s -implicit-check-not='{{warning|error}}:'
// RUN: not %clang_tidy -checks='-*,containers-unsynchronized-mutation' %s -- %mock_std -DBROKEN 2>&1 \
// RUN:   | FileCheck %s -check-prefix=BROKEN -implicit-check-not='warning:'
// BROKEN: error: use of undeclared identifier 'undeclared'

#include <map>
#include <mutex>
#include <thread>
#include <vector>

#define ADD_ITEM(c, v) (c).push_back(v)
#define LOCK_IT(m) std::lock_guard<std::mutex> guard_(m)

class Macros {
public:
  void add(int v) {
    LOCK_IT(mu_);
    ADD_ITEM(items_, v);
  }
  void addUnlocked(int v) { ADD_ITEM(items_, v); }
  // CHECK: :[[@LINE-1]]:29: warning: 'items_' is modified by 'push_back' without holding 'mu_', which guards it in 'Macros::add' [containers-unsynchronized-mutation]
  // CHECK: :[[@LINE-4]]:5: note: 'items_' is accessed with 'mu_' held here

private:
  std::mutex mu_;
  std::vector<int> items_;
};

// Never instantiated: nothing to say.
template <class T> class Unused {
public:
  void add(T v) {
    std::lock_guard<std::mutex> g(mu_);
    items_.push_back(v);
  }
  void addUnlocked(T v) { items_.push_back(v); }
  void start() {
    std::thread t([&] { items_.push_back(T()); });
    items_.clear();
    t.join();
  }

private:
  std::mutex mu_;
  std::vector<T> items_;
};

// A generic lambda started in a thread is not followed (its call operator is
// a template): silent.
void genericLambda() {
  std::vector<int> v;
  auto work = [&](auto x) { v.push_back(x); };
  std::thread t(work, 1);
  v.clear();
  t.join();
}

// A recursive mutex, a self-referential structure, an empty class body.
struct Node {
  std::recursive_mutex mu;
  std::map<int, Node *> children;
  void link(int k, Node *n) {
    std::lock_guard<std::recursive_mutex> g(mu);
    children[k] = n;
    n->children.clear();
  }
};

#ifdef BROKEN
void broken() { undeclared.push_back(1); }
#endif
