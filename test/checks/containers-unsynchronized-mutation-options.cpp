// The options of containers-unsynchronized-mutation, each with a non-default
// value, and bad values as configuration errors.
// RUN: %clang_tidy -checks='-*,containers-unsynchronized-mutation' %s -- %mock_std -isystem %inputs/thirdparty \
// RUN:   | FileCheck %s -check-prefix=DEFAULT -implicit-check-not='{{warning|error}}:'
// RUN: %clang_tidy -checks='-*,containers-unsynchronized-mutation' \
// RUN:   -config="{CheckOptions: [{key: containers.MutexTypes, value: 'std::mutex;mylib::SpinLock'}, \
// RUN:                            {key: containers.LockTypes, value: 'std::lock_guard;mylib::Guard'}, \
// RUN:                            {key: containers-unsynchronized-mutation.LockedSuffixes, value: 'Unsafe'}, \
// RUN:                            {key: containers-unsynchronized-mutation.FlagUnlockedReads, value: false}, \
// RUN:                            {key: containers.ExtraContainers, value: 'mylib::ConcurrentMap=unordered'}, \
// RUN:                            {key: containers-unsynchronized-mutation.ThreadSafeContainers, value: 'mylib::ConcurrentMap'}, \
// RUN:                            {key: containers.ExecutorFunctions, value: 'mylib::run_later'}]}" \
// RUN:   %s -- %mock_std -isystem %inputs/thirdparty \
// RUN:   | FileCheck %s -check-prefix=CUSTOM -implicit-check-not='{{warning|error}}:'
// Bad values: an empty type list, invalid regexes, a bad executor name, a
// bad boolean.
// RUN: not %clang_tidy -checks='-*,containers-unsynchronized-mutation' \
// RUN:   -config="{CheckOptions: [{key: containers.MutexTypes, value: ''}, {key: containers.LockTypes, value: 'my(Guard'}, \
// RUN:                            {key: containers-unsynchronized-mutation.ThreadSafeContainers, value: 'tbb::[x'}, \
// RUN:                            {key: containers.ExecutorFunctions, value: 'post it'}]}" \
// RUN:   %s -- %mock_std -isystem %inputs/thirdparty 2>&1 | FileCheck %s -check-prefix=BAD
// BAD-DAG: error: invalid value '' for option 'containers.MutexTypes': the list of types is empty; the default is used [clang-tidy-config]
// BAD-DAG: error: invalid value 'my(Guard' for option 'containers.LockTypes': 'my(Guard' is not a valid regex: parentheses not balanced; the default is used [clang-tidy-config]
// BAD-DAG: error: invalid value 'tbb::[x' for option 'containers-unsynchronized-mutation.ThreadSafeContainers': 'tbb::[x' is not a valid regex: brackets ([ ]) not balanced; the default is used [clang-tidy-config]
// BAD-DAG: error: invalid value 'post it' for option 'containers.ExecutorFunctions': 'post it' is not a function name
// RUN: %clang_tidy -checks='-*,containers-unsynchronized-mutation' \
// RUN:   -config="{CheckOptions: [{key: containers-unsynchronized-mutation.FlagUnlockedReads, value: maybe}]}" \
// RUN:   %s -- %mock_std -isystem %inputs/thirdparty 2>&1 | FileCheck %s -check-prefix=BADBOOL
// BADBOOL: invalid configuration value 'maybe' for option 'containers-unsynchronized-mutation.FlagUnlockedReads'

#include <mutex>
#include <mylocks.h>
#include <vector>

// MutexTypes and LockTypes: a user mutex and guard.
class Spin {
public:
  void add(int v) {
    mylib::Guard<mylib::SpinLock> g(mu_);
    items_.push_back(v);
  }
  void addUnguarded(int v) { items_.push_back(v); }
  // CUSTOM: :[[@LINE-1]]:37: warning: 'items_' is modified by 'push_back' without holding 'mu_', which guards it in 'Spin::add' [containers-unsynchronized-mutation]
  // CUSTOM: :[[@LINE-4]]:12: note: 'items_' is accessed with 'mu_' held here

private:
  mylib::SpinLock mu_;
  std::vector<int> items_;
};

// LockedSuffixes: 'Unsafe' replaces the default list.
// FlagUnlockedReads: unlocked reads are reported by default only.
class Suffixes {
public:
  void add(int v) {
    std::lock_guard<std::mutex> g(mu_);
    items_.push_back(v);
  }
  void addUnsafe(int v) { items_.push_back(v); }
  // DEFAULT: :[[@LINE-1]]:34: warning: 'items_' is modified by 'push_back' without holding 'mu_', which guards it in 'Suffixes::add' [containers-unsynchronized-mutation]
  // DEFAULT: :[[@LINE-4]]:12: note: 'items_' is accessed with 'mu_' held here
  void addLocked(int v) { items_.push_back(v); }
  // CUSTOM: :[[@LINE-1]]:34: warning: 'items_' is modified by 'push_back' without holding 'mu_', which guards it in 'Suffixes::add'
  // CUSTOM: :[[@LINE-7]]:12: note: 'items_' is accessed with 'mu_' held here
  int count() const { return static_cast<int>(items_.size()); }
  // DEFAULT: :[[@LINE-1]]:54: warning: 'items_' is read by 'size' without holding 'mu_', which guards it in 'Suffixes::add', while 'Suffixes::addUnsafe' modifies it
  // DEFAULT: :[[@LINE-10]]:12: note: 'items_' is accessed with 'mu_' held here
  // DEFAULT: :[[@LINE-9]]:34: note: 'items_' is modified here

private:
  std::mutex mu_;
  std::vector<int> items_;
};

// ThreadSafeContainers: a concurrent map is never reported.
class Concurrent {
public:
  void add(int k) {
    std::lock_guard<std::mutex> g(mu_);
    map_.insert(k, k);
  }
  void drop(int k) { map_.erase(k); }

private:
  std::mutex mu_;
  mylib::ConcurrentMap<int, int> map_;
};

// ExecutorFunctions: a qualified name replaces the default list.
void executor(int n) {
  std::vector<int> out;
  for (int i = 0; i < n; ++i)
    mylib::run_later([&out, i] { out.push_back(i); });
  // CUSTOM: :[[@LINE-1]]:38: warning: 'out' is modified by 'push_back' in a callable passed to 'run_later' that is started more than once; no lock is held
  // CUSTOM: :[[@LINE-2]]:5: note: it starts running here (run_later)
}
