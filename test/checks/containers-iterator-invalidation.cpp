// Range-based for loops that modify the container they walk.
// RUN: %clang_tidy -checks='-*,containers-iterator-invalidation' %s -- %mock_std -isystem %inputs/thirdparty \
// RUN:   | FileCheck %s -implicit-check-not='{{warning|error}}:'

#include <absl/container/flat_hash_map.h>
#include <deque>
#include <list>
#include <llvm/ADT/DenseMap.h>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

struct Session {
  int id;
  bool dead;
};
void use(int);
[[noreturn]] void fatal();

// --- contiguous ----------------------------------------------------------

void vectorPushBack(std::vector<int> &v, std::vector<int> &out) {
  // push_back may reallocate.
  for (int x : v)
    v.push_back(x);
  // CHECK: :[[@LINE-1]]:7: warning: 'v' is modified by 'push_back' while a range-based for loop iterates it; the loop's iterator is invalidated [containers-iterator-invalidation]
  // CHECK: :[[@LINE-3]]:16: note: the range-based for loop iterates 'v' here

  // Near miss: another vector.
  for (int x : v)
    out.push_back(x);
}

void vectorOverCopies(std::vector<int> &v) {
  // Near miss: the loop walks a copy, the original may change.
  for (int x : std::vector<int>(v))
    v.push_back(x);
  for (int x : std::vector(v)) // class template argument deduction
    v.push_back(x);
  std::vector<int> snapshot = v;
  for (int &x : snapshot)
    v.push_back(x);
}

void rewrittenComparisons(std::vector<int> &v) {
  // Near miss: the mock iterators declare only operator==, so C++20 rewrites
  // every `it != end` here and in each range-for; none of that is a finding.
  for (auto it = v.begin(); it != v.end(); ++it)
    use(*it);
  for (int x : v)
    use(x);
}

void vectorReadsOnly(std::vector<int> &v) {
  // Near miss: operator[] and const members do not modify a vector.
  for (int &x : v)
    v[0] = x + static_cast<int>(v.size());
}

void pointerAndSmartPointer(std::vector<int> *p,
                            std::unique_ptr<std::vector<int>> &sp) {
  for (int x : *p)
    p->emplace_back(x);
  // CHECK: :[[@LINE-1]]:8: warning: 'p' is modified by 'emplace_back' while a range-based for loop iterates it; the loop's iterator is invalidated
  // CHECK: :[[@LINE-3]]:16: note: the range-based for loop iterates 'p' here
  for (int x : *sp)
    if (x < 0)
      sp->clear();
  // CHECK: :[[@LINE-1]]:11: warning: 'sp' is modified by 'clear' while a range-based for loop iterates it; the loop's iterator is invalidated
  // CHECK: :[[@LINE-4]]:16: note: the range-based for loop iterates 'sp' here
}

using Registry = std::vector<Session>;
class Server {
  Registry sessions_;
  std::map<int, Session> byId_;

  void closeAll() { sessions_.clear(); }
  void drop(int id) { byId_.erase(id); }
  void log(int) const;

public:
  void reap() {
    // Through a type alias, on a member.
    for (Session &s : sessions_)
      if (s.dead)
        sessions_.erase(sessions_.begin());
    // CHECK: :[[@LINE-1]]:19: warning: 'sessions_' is modified by 'erase' while a range-based for loop iterates it; the loop's iterator is invalidated
    // CHECK: :[[@LINE-4]]:23: note: the range-based for loop iterates 'sessions_' here
  }
  void shutdown() {
    // One call level deep: the callee clears the walked member.
    for (Session &s : this->sessions_)
      if (s.dead)
        closeAll();
    // CHECK: :[[@LINE-1]]:9: warning: 'sessions_' is modified by the call to 'closeAll' while a range-based for loop iterates it; the loop's iterator is invalidated
    // CHECK: :[[@LINE-19]]:31: note: 'sessions_' is modified by 'clear' here
    // CHECK: :[[@LINE-5]]:23: note: the range-based for loop iterates 'sessions_' here
    // Near miss: a const member function.
    for (Session &s : sessions_)
      log(s.id);
  }
  void expire() {
    // One call level deep, through a parameter: drop() erases the visited
    // element.
    for (auto &[id, s] : byId_)
      if (s.dead)
        drop(id);
    // CHECK: :[[@LINE-1]]:9: warning: 'byId_' is modified by the call to 'drop' while a range-based for loop iterates it; the loop's iterator is invalidated
    // CHECK: :[[@LINE-31]]:29: note: 'byId_' is modified by 'erase' here
    // CHECK: :[[@LINE-5]]:26: note: the range-based for loop iterates 'byId_' here
    // Near miss: drop() of some other key leaves the loop's iterator valid.
    for (auto &[id, s] : byId_)
      if (s.dead)
        drop(id + 1000);
  }
};

void strings(std::string &s) {
  for (char c : s)
    if (c == ' ')
      s.append("x");
  // CHECK: :[[@LINE-1]]:9: warning: 's' is modified by 'append' while a range-based for loop iterates it; the loop's iterator is invalidated
  // CHECK: :[[@LINE-4]]:17: note: the range-based for loop iterates 's' here
}

void freeErasure(std::vector<int> &v) {
  for (int x : v)
    if (x == 0)
      std::erase_if(v, [](int y) { return y < 0; });
  // CHECK: :[[@LINE-1]]:7: warning: 'v' is modified by 'std::erase_if' while a range-based for loop iterates it; the loop's iterator is invalidated
  // CHECK: :[[@LINE-4]]:16: note: the range-based for loop iterates 'v' here
}

// --- leaving the loop right after the modification is safe -------------

void leaves(std::vector<int> &v, std::map<int, int> &m) {
  for (int x : v)
    if (x == 0) {
      v.erase(v.begin());
      break;
    }
  for (auto &kv : m)
    if (kv.second == 0) {
      m.erase(kv.first);
      return;
    }
  for (int x : v) {
    v.push_back(x);
    throw 1;
  }
  for (int x : v) {
    v.push_back(x);
    fatal();
  }
  for (auto &kv : m)
    if (kv.second == 0) {
      m.erase(kv.first);
      goto done;
    }
done:;
}

int returnsErase(std::map<int, int> &m) {
  for (auto &kv : m)
    if (kv.second == 0)
      return static_cast<int>(m.erase(kv.first));
  return 0;
}

void breakOnlyLeavesInnerLoop(std::vector<int> &v) {
  for (int x : v) {
    for (int i = 0; i < x; ++i) {
      v.push_back(i);
      // CHECK: :[[@LINE-1]]:9: warning: 'v' is modified by 'push_back' while a range-based for loop iterates it; the loop's iterator is invalidated
      // CHECK: :[[@LINE-4]]:16: note: the range-based for loop iterates 'v' here
      break;
    }
  }
}

void continueComesFirst(std::vector<int> &v, bool again) {
  for (int x : v) {
    v.push_back(x);
    // CHECK: :[[@LINE-1]]:7: warning: 'v' is modified by 'push_back' while a range-based for loop iterates it; the loop's iterator is invalidated
    // CHECK: :[[@LINE-3]]:16: note: the range-based for loop iterates 'v' here
    if (again)
      continue;
    break;
  }
}

void mutationInLambda(std::vector<int> &v, void (*later)(void (*)())) {
  // Near miss: the lambda does not run as part of the iteration.
  for (int x : v) {
    auto f = [&v] { v.push_back(1); };
    (void)f;
  }
}

// --- deque, lists ---------------------------------------------------------

void deques(std::deque<int> &d, std::list<int> &l) {
  for (int x : d)
    d.push_front(x);
  // CHECK: :[[@LINE-1]]:7: warning: 'd' is modified by 'push_front' while a range-based for loop iterates it; the loop's iterator is invalidated
  // CHECK: :[[@LINE-3]]:16: note: the range-based for loop iterates 'd' here
  // Near miss: insertion into a list keeps its iterators valid.
  for (int x : l)
    l.push_back(x);
  for (int x : l)
    if (x == 0)
      l.remove(x);
  // CHECK: :[[@LINE-1]]:9: warning: 'l' is modified by 'remove' while a range-based for loop iterates it; the loop's iterator is invalidated
  // CHECK: :[[@LINE-4]]:16: note: the range-based for loop iterates 'l' here
}

// --- ordered associative --------------------------------------------------

void orderedErase(std::map<int, int> &m, std::set<int> &s, int other) {
  for (auto &[k, v] : m)
    if (v == 0)
      m.erase(k);
  // CHECK: :[[@LINE-1]]:9: warning: 'm' is modified by 'erase', which erases the element the range-based for loop is visiting; the loop's iterator is invalidated
  // CHECK: :[[@LINE-4]]:23: note: the range-based for loop iterates 'm' here
  for (auto &kv : m)
    m.erase(m.find(kv.first));
  // CHECK: :[[@LINE-1]]:7: warning: 'm' is modified by 'erase', which erases the element the range-based for loop is visiting
  // CHECK: :[[@LINE-3]]:19: note: the range-based for loop iterates 'm' here
  for (int x : s) {
    const int &key = x;
    s.erase(key);
    // CHECK: :[[@LINE-1]]:7: warning: 's' is modified by 'erase', which erases the element the range-based for loop is visiting
    // CHECK: :[[@LINE-4]]:16: note: the range-based for loop iterates 's' here
  }
  for (auto &kv : m)
    if (kv.second == 0)
      m.clear();
  // CHECK: :[[@LINE-1]]:9: warning: 'm' is modified by 'clear' while a range-based for loop iterates it
  // CHECK: :[[@LINE-4]]:19: note: the range-based for loop iterates 'm' here

  // Near misses: erasing another element, or inserting, keeps the loop's
  // iterator valid in node-based containers.
  for (auto &kv : m)
    m.erase(other);
  for (auto &kv : m)
    m[kv.first + 1] = 0;
  for (auto &kv : m)
    m.emplace(kv.first * 2, 1);
  for (int x : s)
    s.insert(x + 1);
}

// --- unordered and open addressing -----------------------------------------

void unordered(std::unordered_map<int, int> &m, std::unordered_set<int> &s) {
  for (auto &kv : m)
    m.insert({kv.first + 1, 0});
  // CHECK: :[[@LINE-1]]:7: warning: 'm' is modified by 'insert' while a range-based for loop iterates it; the loop's iterator is invalidated
  // CHECK: :[[@LINE-3]]:19: note: the range-based for loop iterates 'm' here
  for (auto &[k, v] : m)
    m[k + 1] += v;
  // CHECK: :[[@LINE-1]]:5: warning: 'm' is modified by 'operator[]' while a range-based for loop iterates it
  // CHECK: :[[@LINE-3]]:23: note: the range-based for loop iterates 'm' here
  for (int x : s)
    s.emplace(x * 2);
  // CHECK: :[[@LINE-1]]:7: warning: 's' is modified by 'emplace' while a range-based for loop iterates it
  // CHECK: :[[@LINE-3]]:16: note: the range-based for loop iterates 's' here
  for (auto &kv : m)
    m.reserve(100);
  // CHECK: :[[@LINE-1]]:7: warning: 'm' is modified by 'reserve' while a range-based for loop iterates it
  // CHECK: :[[@LINE-3]]:19: note: the range-based for loop iterates 'm' here

  // Near miss: the visited key exists, so nothing is inserted.
  for (auto &[k, v] : m)
    m[k] += 1;
  for (auto &kv : m)
    m.insert_or_assign(kv.first, 2);
}

void openAddressing(absl::flat_hash_map<int, int> &fm,
                    llvm::DenseMap<int, int> &dm, int k) {
  // Erasing any element of an open-addressing table during the loop.
  for (auto &kv : fm)
    fm.erase(k);
  // CHECK: :[[@LINE-1]]:8: warning: 'fm' is modified by 'erase' while a range-based for loop iterates it
  // CHECK: :[[@LINE-3]]:19: note: the range-based for loop iterates 'fm' here
  for (auto &kv : dm)
    dm.insert({kv.first + 1, 0});
  // CHECK: :[[@LINE-1]]:8: warning: 'dm' is modified by 'insert' while a range-based for loop iterates it
  // CHECK: :[[@LINE-3]]:19: note: the range-based for loop iterates 'dm' here
  // Near miss: a lookup.
  for (auto &kv : dm)
    use(dm.find(kv.first)->second);
}

// --- reserve ahead of growth ------------------------------------------------

void reserved(std::vector<int> &v, const std::vector<int> &in) {
  // Documented rule: growth after reserve() in the same function is taken as
  // not reallocating.
  v.reserve(v.size() + in.size());
  for (int x : v)
    if (x > 0)
      v.push_back(-x);
}

// --- templates: once, in user code ----------------------------------------

template <class C> void appendAll(C &c) {
  for (auto &x : c)
    c.push_back(x);
  // CHECK: :[[@LINE-1]]:7: warning: 'c' is modified by 'push_back' while a range-based for loop iterates it; the loop's iterator is invalidated
  // CHECK: :[[@LINE-3]]:18: note: the range-based for loop iterates 'c' here
}
void instantiate(std::vector<int> &a, std::vector<long> &b, std::list<int> &c) {
  appendAll(a);
  appendAll(b);
  appendAll(c); // list: safe
}

// --- macros: reported where the user wrote the macro -----------------------

#define APPEND(c, x) (c).push_back(x)
void macros(std::vector<int> &v) {
  for (int x : v)
    APPEND(v, x);
  // CHECK: :[[@LINE-1]]:5: warning: 'v' is modified by 'push_back' while a range-based for loop iterates it
  // CHECK: :[[@LINE-3]]:16: note: the range-based for loop iterates 'v' here
}

// --- lambdas are functions of their own ------------------------------------

void insideLambda(std::vector<int> &v) {
  auto f = [&v] {
    for (int x : v)
      v.push_back(x);
    // CHECK: :[[@LINE-1]]:9: warning: 'v' is modified by 'push_back' while a range-based for loop iterates it
    // CHECK: :[[@LINE-3]]:18: note: the range-based for loop iterates 'v' here
  };
  f();
}

// --- NOLINT ----------------------------------------------------------------

void silenced(std::vector<int> &v) {
  for (int x : v)
    v.push_back(x); // NOLINT(containers-iterator-invalidation)
  for (int x : v)
    // NOLINTNEXTLINE(containers-iterator-invalidation)
    v.push_back(x);
}
