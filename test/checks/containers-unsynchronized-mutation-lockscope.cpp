// lib/LockScope: which locks are held at a statement. Each method of Locks
// mutates 'v_', which 'guarded' accesses under 'mu_'; a warning means
// LockScope found no lock held there, silence means it found one.
// RUN: %clang_tidy -checks='-*,containers-unsynchronized-mutation' %s -- %mock_std \
// RUN:   | FileCheck %s -implicit-check-not='{{warning|error}}:'

#include <mutex>
#include <shared_mutex>
#include <vector>

bool cond();
void mayThrow();

class Locks {
public:
  void guarded() {
    std::lock_guard<std::mutex> g(mu_);
    v_.push_back(0);
  }
  // A guard in an outer scope covers nested blocks.
  void outerScope() {
    std::lock_guard<std::mutex> g(mu_);
    {
      if (cond())
        v_.push_back(1);
    }
  }
  // A guard's scope ends with its block.
  void innerScope() {
    {
      std::lock_guard<std::mutex> g(mu_);
      v_.push_back(1);
    }
    v_.push_back(2);
    // CHECK: :[[@LINE-1]]:8: warning: 'v_' is modified by 'push_back' without holding 'mu_', which guards it in 'Locks::guarded' [containers-unsynchronized-mutation]
    // CHECK: :[[@LINE-18]]:8: note: 'v_' is accessed with 'mu_' held here
  }
  // unique_lock unlocked and locked again.
  void uniqueUnlock() {
    std::unique_lock<std::mutex> l(mu_);
    v_.push_back(1);
    l.unlock();
    v_.push_back(2);
    // CHECK: :[[@LINE-1]]:8: warning: 'v_' is modified by 'push_back' without holding 'mu_'
    // CHECK: :[[@LINE-27]]:8: note: 'v_' is accessed with 'mu_' held here
    l.lock();
    v_.push_back(3);
  }
  // defer_lock: not held until lock().
  void deferred() {
    std::unique_lock<std::mutex> l(mu_, std::defer_lock);
    v_.push_back(1);
    // CHECK: :[[@LINE-1]]:8: warning: 'v_' is modified by 'push_back' without holding 'mu_'
    // CHECK: :[[@LINE-36]]:8: note: 'v_' is accessed with 'mu_' held here
    l.lock();
    v_.push_back(2);
  }
  // try_to_lock and try_lock(): maybe held, so not reported.
  void tryLocks() {
    std::unique_lock<std::mutex> l(mu_, std::try_to_lock);
    v_.push_back(1);
  }
  void tryLockCall() {
    if (mu_.try_lock()) {
      v_.push_back(1);
      mu_.unlock();
    }
  }
  // Explicit lock()/unlock() regions in the same block.
  void explicitRegion() {
    mu_.lock();
    v_.push_back(1);
    mu_.unlock();
    v_.push_back(2);
    // CHECK: :[[@LINE-1]]:8: warning: 'v_' is modified by 'push_back' without holding 'mu_'
    // CHECK: :[[@LINE-58]]:8: note: 'v_' is accessed with 'mu_' held here
  }
  // An early return after unlock() leaves the rest of the function locked.
  void earlyReturn() {
    mu_.lock();
    if (cond()) {
      mu_.unlock();
      return;
    }
    v_.push_back(1);
    mu_.unlock();
  }
  // A lock taken or released in one branch only: maybe held, not reported.
  void oneBranch() {
    if (cond())
      mu_.lock();
    v_.push_back(1);
    if (cond())
      mu_.unlock();
  }
  // A guard inside a loop body ends with each iteration.
  void loop() {
    while (cond()) {
      std::lock_guard<std::mutex> g(mu_);
      v_.push_back(1);
    }
    v_.push_back(2);
    // CHECK: :[[@LINE-1]]:8: warning: 'v_' is modified by 'push_back' without holding 'mu_'
    // CHECK: :[[@LINE-86]]:8: note: 'v_' is accessed with 'mu_' held here
  }
  // A guard declared in a switch case block.
  void inSwitch(int k) {
    switch (k) {
    case 0: {
      std::lock_guard<std::mutex> g(mu_);
      v_.push_back(1);
      break;
    }
    case 1:
      v_.push_back(2);
      // CHECK: :[[@LINE-1]]:10: warning: 'v_' is modified by 'push_back' without holding 'mu_'
      // CHECK: :[[@LINE-99]]:8: note: 'v_' is accessed with 'mu_' held here
      break;
    }
  }
  // The lock held around a try block.
  void tryCatch() {
    std::lock_guard<std::mutex> g(mu_);
    try {
      mayThrow();
      v_.push_back(1);
    } catch (...) {
      v_.clear();
    }
  }
  // std::lock then adopting guards.
  void adopt() {
    std::lock(mu_, other_);
    std::lock_guard<std::mutex> a(mu_, std::adopt_lock);
    std::lock_guard<std::mutex> b(other_, std::adopt_lock);
    v_.push_back(1);
  }
  // scoped_lock over several mutexes.
  void scoped() {
    std::scoped_lock both(mu_, other_);
    v_.push_back(1);
  }
  // A guard handed in by the caller.
  void withGuard(std::unique_lock<std::mutex> &held) { v_.push_back(1); }
  // A guard in an if-statement's initialiser covers the statement only.
  void ifInit() {
    if (std::lock_guard<std::mutex> g(mu_); cond())
      v_.push_back(1);
    v_.push_back(2);
    // CHECK: :[[@LINE-1]]:8: warning: 'v_' is modified by 'push_back' without holding 'mu_'
    // CHECK: :[[@LINE-133]]:8: note: 'v_' is accessed with 'mu_' held here
  }
  // A guard through a pointer to the mutex.
  void viaPointer() {
    std::mutex *m = &mu_;
    std::lock_guard<std::mutex> g(*m);
    v_.push_back(1);
  }

private:
  std::mutex mu_;
  std::mutex other_;
  std::vector<int> v_;
};

// Clang thread-safety attributes: a `capability` class is a mutex, a
// `scoped_lockable` class is a guard, acquire/release methods open and close
// regions, and a requires_capability function holds the lock from entry (its
// accesses are evidence; it is itself exempt).
#define CAPABILITY(x) __attribute__((capability(x)))
#define SCOPED_CAPABILITY __attribute__((scoped_lockable))
#define ACQUIRE(...) __attribute__((acquire_capability(__VA_ARGS__)))
#define RELEASE(...) __attribute__((release_capability(__VA_ARGS__)))
#define REQUIRES(...) __attribute__((requires_capability(__VA_ARGS__)))
class CAPABILITY("mutex") Mutex {
public:
  void Lock() ACQUIRE() {}
  void Unlock() RELEASE() {}
};
class SCOPED_CAPABILITY MutexLock {
public:
  explicit MutexLock(Mutex *m) ACQUIRE(m) : m_(m) { m->Lock(); }
  ~MutexLock() RELEASE() { m_->Unlock(); }

private:
  Mutex *m_;
};
class Annotated {
public:
  void addRequires(int v) REQUIRES(mu_) { items_.push_back(v); }
  void addScoped(int v) {
    MutexLock l(&mu_);
    items_.push_back(v);
  }
  void addRegion(int v) {
    mu_.Lock();
    items_.push_back(v);
    mu_.Unlock();
    items_.push_back(v);
    // CHECK: :[[@LINE-1]]:12: warning: 'items_' is modified by 'push_back' without holding 'mu_', which guards it in 'Annotated::addRequires'
    // CHECK: :[[@LINE-11]]:50: note: 'items_' is accessed with 'mu_' held here
  }

private:
  Mutex mu_;
  std::vector<int> items_;
};
// The evidence may come from a requires_capability function alone.
class OnlyRequires {
public:
  void addRequires(int v) REQUIRES(mu_) { items_.push_back(v); }
  void add(int v) { items_.push_back(v); }
  // CHECK: :[[@LINE-1]]:28: warning: 'items_' is modified by 'push_back' without holding 'mu_', which guards it in 'OnlyRequires::addRequires'
  // CHECK: :[[@LINE-3]]:50: note: 'items_' is accessed with 'mu_' held here

private:
  std::mutex mu_;
  std::vector<int> items_;
};

// Shared and exclusive: only a surely-held shared lock with no exclusive one
// is a reader lock.
class Shared {
public:
  void readerThenWriter() {
    std::shared_lock<std::shared_mutex> r(mu_);
    std::lock_guard<std::mutex> w(other_);
    items_.push_back(1);
  }
  void maybeShared() {
    if (cond())
      mu_.lock_shared();
    items_.push_back(1);
  }
  void sharedLockUnlocked() {
    std::shared_lock<std::shared_mutex> r(mu_);
    r.unlock();
    mu_.lock();
    items_.push_back(1);
    mu_.unlock();
  }
  void sharedRegion() {
    mu_.lock_shared();
    mu_.unlock_shared();
    mu_.lock();
    items_.push_back(1);
    mu_.unlock();
  }

private:
  std::shared_mutex mu_;
  std::mutex other_;
  std::vector<int> items_;
};
