// A member container accessed under the class's mutex in one member function
// and mutated (or read while another function mutates it) without a lock in
// another; a mutation under a shared (reader) lock.
// RUN: %clang_tidy -checks='-*,containers-unsynchronized-mutation' %s -- %mock_std \
// RUN:   | FileCheck %s -implicit-check-not='{{warning|error}}:'

#include <functional>
#include <list>
#include <map>
#include <mutex>
#include <set>
#include <shared_mutex>
#include <string>
#include <unordered_map>
#include <vector>

// --- rule 2: the guard inferred from use --------------------------------------

class Registry {
public:
  int find(const std::string &k) {
    std::lock_guard<std::mutex> g(mu_);
    auto it = sessions_.find(k);
    return it == sessions_.end() ? 0 : it->second;
  }
  void add(const std::string &k, int v) {
    sessions_.emplace(k, v);
    // CHECK: :[[@LINE-1]]:15: warning: 'sessions_' is modified by 'emplace' without holding 'mu_', which guards it in 'Registry::find' [containers-unsynchronized-mutation]
    // CHECK: :[[@LINE-6]]:25: note: 'sessions_' is accessed with 'mu_' held here
  }
  void drop(const std::string &k) {
    sessions_.erase(k);
    // CHECK: :[[@LINE-1]]:15: warning: 'sessions_' is modified by 'erase' without holding 'mu_', which guards it in 'Registry::find'
    // CHECK: :[[@LINE-11]]:25: note: 'sessions_' is accessed with 'mu_' held here
  }
  void reset() {
    sessions_ = {};
    // CHECK: :[[@LINE-1]]:15: warning: 'sessions_' is modified by 'operator=' without holding 'mu_', which guards it in 'Registry::find'
    // CHECK: :[[@LINE-16]]:25: note: 'sessions_' is accessed with 'mu_' held here
  }
  // operator[] on a map is a write even when only read.
  int peek(const std::string &k) {
    return sessions_[k];
    // CHECK: :[[@LINE-1]]:12: warning: 'sessions_' is modified by 'operator[]' without holding 'mu_', which guards it in 'Registry::find'
    // CHECK: :[[@LINE-22]]:25: note: 'sessions_' is accessed with 'mu_' held here
  }
  // An unlocked read of a guarded container that another function mutates.
  bool empty() const {
    return sessions_.empty();
    // CHECK: :[[@LINE-1]]:22: warning: 'sessions_' is read by 'empty' without holding 'mu_', which guards it in 'Registry::find', while 'Registry::add' modifies it
    // CHECK: :[[@LINE-28]]:25: note: 'sessions_' is accessed with 'mu_' held here
    // CHECK: :[[@LINE-25]]:15: note: 'sessions_' is modified here
  }
  // Near miss: the same mutation with the lock held.
  void addLocked2(const std::string &k) {
    std::unique_lock<std::mutex> l(mu_);
    sessions_.emplace(k, 0);
  }

  // Exempt: constructors and destructors run before and after sharing.
  Registry() { sessions_.clear(); }
  ~Registry() { sessions_.clear(); }
  // Exempt: the LockedSuffixes.
  void eraseLocked(const std::string &k) { sessions_.erase(k); }
  void erase_locked(const std::string &k) { sessions_.erase(k); }
  void clearNoLock() { sessions_.clear(); }
  void clear_nolock() { sessions_.clear(); }

private:
  mutable std::mutex mu_;
  std::map<std::string, int> sessions_;
};

// The evidence is taken from another member function when there is one; the
// other containers of the class are guarded only by their own evidence.
class Queue {
public:
  void push(int v) {
    std::scoped_lock lock(mu_);
    items_.push_back(v);
  }
  void pushTwice(int v) {
    items_.push_back(v);
    // CHECK: :[[@LINE-1]]:12: warning: 'items_' is modified by 'push_back' without holding 'mu_', which guards it in 'Queue::push'
    // CHECK: :[[@LINE-5]]:12: note: 'items_' is accessed with 'mu_' held here
    std::scoped_lock lock(mu_);
    items_.push_back(v);
  }
  // One warning per function and container: the missing lock is one bug.
  void pushMany(int v) {
    items_.push_back(v);
    // CHECK: :[[@LINE-1]]:12: warning: 'items_' is modified by 'push_back' without holding 'mu_', which guards it in 'Queue::push'
    // CHECK: :[[@LINE-13]]:12: note: 'items_' is accessed with 'mu_' held here
    items_.push_back(v + 1);
    items_.pop_front();
  }
  // Near miss: never accessed under the lock, so not guarded.
  void note(int v) { history_.push_back(v); }
  // Near miss: a container local to the function.
  void local() {
    std::vector<int> scratch;
    scratch.push_back(1);
  }

private:
  std::mutex mu_;
  std::list<int> items_;
  std::vector<int> history_;
};

// Lambdas inside member functions: a lambda that runs where it is created
// takes the locks held there; with no lock it may be run by a helper that
// takes the lock, so it is not reported.
class Tasks {
public:
  void run(const std::function<void()> &f);
  void add(int v) {
    std::lock_guard<std::mutex> g(mu_);
    [&] { ids_.insert(v); }();
  }
  void addUnlocked(int v) {
    run([&] { ids_.insert(v); });
  }
  void remove(int v) {
    ids_.erase(v);
    // CHECK: :[[@LINE-1]]:10: warning: 'ids_' is modified by 'erase' without holding 'mu_', which guards it in 'Tasks::add'
    // CHECK: :[[@LINE-8]]:16: note: 'ids_' is accessed with 'mu_' held here
  }
  // A nested lambda inside a locked region is under the lock too.
  void nested(int v) {
    std::lock_guard<std::mutex> g(mu_);
    auto outer = [&] { [&] { ids_.insert(v); }(); };
    outer();
  }

private:
  std::mutex mu_;
  std::set<int> ids_;
};

// Private helpers called only with the lock held are exempt; a private
// helper called once without the lock is not.
class Index {
public:
  void add(int k) {
    std::lock_guard<std::mutex> g(mu_);
    insertHelper(k);
    chainHelper(k);
  }
  void addTwo(int k) {
    std::lock_guard<std::mutex> g(mu_);
    map_[k] = 2;
    insertHelper(k + 1);
  }
  void addUnlocked(int k) { sloppyHelper(k); }
  void addLocked(int k) {
    std::lock_guard<std::mutex> g(mu_);
    sloppyHelper(k);
  }

private:
  void insertHelper(int k) { map_[k] = 1; }
  // Called only from a helper that is itself only called under the lock.
  void chainHelper(int k) { innerHelper(k); }
  void innerHelper(int k) { map_.erase(k); }
  void sloppyHelper(int k) { map_.erase(k); }
  // CHECK: :[[@LINE-1]]:35: warning: 'map_' is modified by 'erase' without holding 'mu_', which guards it in 'Index::addTwo'
  // CHECK: :[[@LINE-16]]:5: note: 'map_' is accessed with 'mu_' held here
  std::mutex mu_;
  std::unordered_map<int, int> map_;
};

// Functions annotated with Clang thread-safety attributes are left to
// -Wthread-safety, and so are GUARDED_BY members.
#define CAPABILITY(x) __attribute__((capability(x)))
#define GUARDED_BY(x) __attribute__((guarded_by(x)))
#define REQUIRES(...) __attribute__((requires_capability(__VA_ARGS__)))
class Annotated {
public:
  void add(int v) {
    std::lock_guard<std::mutex> g(mu_);
    plain_.push_back(v);
    annotated_.push_back(v);
  }
  void addRequires(int v) REQUIRES(mu_) { plain_.push_back(v); }
  void addUnlocked(int v) { annotated_.push_back(v); }

private:
  std::mutex mu_;
  std::vector<int> plain_;
  std::vector<int> annotated_ GUARDED_BY(mu_);
};

// A class template reports once, at the template's code, whatever the
// number of instantiations; uninstantiated members are not analysed.
template <class T> class Cache {
public:
  void put(int k, T v) {
    std::lock_guard<std::mutex> g(mu_);
    values_[k] = v;
  }
  void forget(int k) {
    values_.erase(k);
    // CHECK: :[[@LINE-1]]:13: warning: 'values_' is modified by 'erase' without holding 'mu_', which guards it in 'Cache::put'
    // CHECK: :[[@LINE-5]]:5: note: 'values_' is accessed with 'mu_' held here
  }
  void neverCalled(int k) { values_.erase(k); }

private:
  std::mutex mu_;
  std::map<int, T> values_;
};
void useCaches() {
  Cache<int> a;
  a.put(1, 1);
  a.forget(1);
  Cache<std::string> b;
  b.put(1, "x");
  b.forget(1);
}

// std::function members are callbacks: a lambda stored into one runs later,
// on a thread nobody can see here; it is not reported.
class Callbacks {
public:
  void arm() {
    onEvent_ = [this](int v) { seen_.push_back(v); };
  }
  void record(int v) {
    std::lock_guard<std::mutex> g(mu_);
    seen_.push_back(v);
  }

private:
  std::mutex mu_;
  std::vector<int> seen_;
  std::function<void(int)> onEvent_;
};

// A class without a mutex member: single-threaded code, never reported.
class Plain {
public:
  void add(int v) { items_.push_back(v); }
  size_t size() const { return items_.size(); }

private:
  std::vector<int> items_;
};

// Another object of the same class is not `this`: its lock is not ours.
class Peer {
public:
  void add(int v) {
    std::lock_guard<std::mutex> g(mu_);
    items_.push_back(v);
  }
  void copyFrom(Peer &other) { other.items_.clear(); }

private:
  std::mutex mu_;
  std::vector<int> items_;
};

// --- rule 3: a write under a reader lock -------------------------------------

class Directory {
public:
  int get(const std::string &k) {
    std::shared_lock<std::shared_mutex> r(mu_);
    return entries_[k];
    // CHECK: :[[@LINE-1]]:12: warning: 'entries_' is modified by 'operator[]', which inserts a missing key, while only a shared lock on 'mu_' is held; other readers race with the write
    // CHECK: :[[@LINE-3]]:41: note: the shared lock on 'mu_' is taken here
  }
  void touch(const std::string &k) {
    std::shared_lock<std::shared_mutex> r(mu_);
    entries_.erase(k);
    // CHECK: :[[@LINE-1]]:14: warning: 'entries_' is modified by 'erase' while only a shared lock on 'mu_' is held; other readers race with the write
    // CHECK: :[[@LINE-3]]:41: note: the shared lock on 'mu_' is taken here
  }
  void explicitShared(const std::string &k) {
    mu_.lock_shared();
    entries_.emplace(k, 1);
    // CHECK: :[[@LINE-1]]:14: warning: 'entries_' is modified by 'emplace' while only a shared lock on 'mu_' is held
    // CHECK: :[[@LINE-3]]:5: note: the shared lock on 'mu_' is taken here
    mu_.unlock_shared();
  }
  // Near misses: a read under the shared lock; a write under the exclusive
  // lock; the shared lock released and the exclusive one taken (upgrade).
  bool has(const std::string &k) {
    std::shared_lock<std::shared_mutex> r(mu_);
    return entries_.count(k) != 0;
  }
  void set(const std::string &k, int v) {
    std::unique_lock<std::shared_mutex> w(mu_);
    entries_[k] = v;
  }
  int getOrAdd(const std::string &k) {
    {
      std::shared_lock<std::shared_mutex> r(mu_);
      auto it = entries_.find(k);
      if (it != entries_.end())
        return it->second;
    }
    std::unique_lock<std::shared_mutex> w(mu_);
    return entries_[k];
  }
  int upgrade(const std::string &k) {
    std::shared_lock<std::shared_mutex> r(mu_);
    r.unlock();
    std::unique_lock<std::shared_mutex> w(mu_);
    return entries_[k];
  }
  // A local container under the shared lock is the function's own.
  std::vector<int> snapshot() {
    std::shared_lock<std::shared_mutex> r(mu_);
    std::vector<int> out;
    for (const auto &kv : entries_)
      out.push_back(kv.second);
    return out;
  }

private:
  std::shared_mutex mu_;
  std::map<std::string, int> entries_;
};

// Rule 3 also holds outside classes with a mutex member: a global map.
std::shared_mutex globalMu;
std::unordered_map<int, int> globalMap;
void bump(int k) {
  std::shared_lock<std::shared_mutex> r(globalMu);
  ++globalMap[k];
  // CHECK: :[[@LINE-1]]:5: warning: 'globalMap' is modified by 'operator[]', which inserts a missing key, while only a shared lock on 'globalMu' is held; other readers race with the write
  // CHECK: :[[@LINE-3]]:39: note: the shared lock on 'globalMu' is taken here
}
// ...and inside a lambda with its own shared lock.
void bumpLater(int k) {
  auto f = [k] {
    std::shared_lock<std::shared_mutex> r(globalMu);
    globalMap.erase(k);
    // CHECK: :[[@LINE-1]]:15: warning: 'globalMap' is modified by 'erase' while only a shared lock on 'globalMu' is held
    // CHECK: :[[@LINE-3]]:41: note: the shared lock on 'globalMu' is taken here
  };
  f();
}
// Near miss: a shared lock held by a caller's lock in an outer scope does not
// reach into a lambda created under it (a different function).
void sharedOuter(int k) {
  std::shared_lock<std::shared_mutex> r(globalMu);
  auto g = [k] { return k; };
  g();
}
