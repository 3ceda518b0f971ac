// Rule 2's inference (lib/ClassGuards): when a mutex guards a member
// container (a locked modification, or locked functions at least as many as
// unlocked ones), which unlocked reads count (not the writer's own), and
// which accesses are start-up code (before the function starts its thread).
// RUN: %clang_tidy -checks='-*,containers-unsynchronized-mutation' %s -- %mock_std \
// RUN:   | FileCheck %s -implicit-check-not='{{warning|error}}:'

#include <map>
#include <mutex>
#include <thread>
#include <vector>

void use(int);

// --- when a container is guarded ---------------------------------------------

// Near miss (libtorrent's mmap_disk_io): one read of a container in a
// function that holds the mutex for another member (the job queue) does not
// make the mutex the container's guard when more functions touch it without
// any lock.
class DiskIo {
public:
  void addStorage(int s) { storages_.push_back(s); }
  int storageAt(int i) { return storages_[static_cast<unsigned>(i)]; }
  void abortJobs(int i) {
    std::lock_guard<std::mutex> lock(jobMutex_);
    int s = storages_[static_cast<unsigned>(i)];
    jobs_.erase(jobs_.begin() + s);
  }

private:
  std::mutex jobMutex_;
  std::vector<int> jobs_;
  std::vector<int> storages_;
};

// A modification under the mutex says the mutex guards the container, however
// many functions forget it.
class Sessions {
public:
  void open(int id) {
    std::lock_guard<std::mutex> g(mu_);
    open_[id] = 1;
  }
  void close(int id) {
    open_.erase(id);
    // CHECK: :[[@LINE-1]]:11: warning: 'open_' is modified by 'erase' without holding 'mu_', which guards it in 'Sessions::open' [containers-unsynchronized-mutation]
    // CHECK: :[[@LINE-5]]:5: note: 'open_' is accessed with 'mu_' held here
  }
  void closeAll() {
    open_.clear();
    // CHECK: :[[@LINE-1]]:11: warning: 'open_' is modified by 'clear' without holding 'mu_', which guards it in 'Sessions::open'
    // CHECK: :[[@LINE-10]]:5: note: 'open_' is accessed with 'mu_' held here
  }
  void reopen(int id) {
    open_.erase(id);
    // CHECK: :[[@LINE-1]]:11: warning: 'open_' is modified by 'erase' without holding 'mu_', which guards it in 'Sessions::open'
    // CHECK: :[[@LINE-15]]:5: note: 'open_' is accessed with 'mu_' held here
  }

private:
  std::mutex mu_;
  std::map<int, int> open_;
};

// Locked reads only: guarded when the locked functions are at least as many
// as the unlocked ones (two against two here).
class Stats {
public:
  int total() {
    std::lock_guard<std::mutex> g(mu_);
    return static_cast<int>(counts_.size());
  }
  bool has(int k) {
    std::lock_guard<std::mutex> g(mu_);
    return counts_.count(k) != 0;
  }
  void bump(int k) {
    counts_[k] += 1;
    // CHECK: :[[@LINE-1]]:5: warning: 'counts_' is modified by 'operator[]' without holding 'mu_', which guards it in 'Stats::total'
    // CHECK: :[[@LINE-9]]:37: note: 'counts_' is accessed with 'mu_' held here
  }
  void reset() {
    counts_.clear();
    // CHECK: :[[@LINE-1]]:13: warning: 'counts_' is modified by 'clear' without holding 'mu_', which guards it in 'Stats::total'
    // CHECK: :[[@LINE-14]]:37: note: 'counts_' is accessed with 'mu_' held here
  }

private:
  std::mutex mu_;
  std::map<int, int> counts_;
};

// Near miss: one locked read against two unlocked functions.
class Outnumbered {
public:
  int total() {
    std::lock_guard<std::mutex> g(mu_);
    return static_cast<int>(counts_.size());
  }
  void bump(int k) { counts_[k] += 1; }
  void reset() { counts_.clear(); }

private:
  std::mutex mu_;
  std::map<int, int> counts_;
};

// --- unlocked reads: the writer's are not reported ---------------------------

// A single-writer design: the owning thread modifies under the lock (for the
// readers on other threads) and reads without it; a reader elsewhere that
// forgets the lock is reported.
class Table {
public:
  void update(int k, int v) {
    auto it = rows_.find(k);
    if (it != rows_.end() && it->second == v)
      return;
    std::lock_guard<std::mutex> g(mu_);
    rows_[k] = v;
  }
  void expire(int k) {
    if (rows_.empty())
      return;
    std::lock_guard<std::mutex> g(mu_);
    rows_.erase(k);
  }
  int lookup(int k) {
    std::lock_guard<std::mutex> g(mu_);
    auto it = rows_.find(k);
    return it == rows_.end() ? 0 : it->second;
  }
  int size() const {
    return static_cast<int>(rows_.size());
    // CHECK: :[[@LINE-1]]:35: warning: 'rows_' is read by 'size' without holding 'mu_', which guards it in 'Table::update', while 'Table::expire' modifies it
    // CHECK: :[[@LINE-16]]:5: note: 'rows_' is accessed with 'mu_' held here
    // CHECK: :[[@LINE-11]]:11: note: 'rows_' is modified here
  }

private:
  mutable std::mutex mu_;
  std::map<int, int> rows_;
};

// --- start-up code -----------------------------------------------------------

// The accesses of a function before it starts the class's thread are the
// creator's alone; those after the start race with the thread.
class Daemon {
public:
  void start() {
    routers_.clear();
    routers_[0] = 1;
    load();
    thread_ = std::thread(&Daemon::run, this);
    routers_[2] = 3;
    // CHECK: :[[@LINE-1]]:5: warning: 'routers_' is modified by 'operator[]' without holding 'mu_', which guards it in 'Daemon::run'
    // CHECK: :[[@LINE+14]]:14: note: 'routers_' is accessed with 'mu_' held here
  }
  void stop() {
    routers_.clear();
    // CHECK: :[[@LINE-1]]:14: warning: 'routers_' is modified by 'clear' without holding 'mu_', which guards it in 'Daemon::run'
    // CHECK: :[[@LINE+9]]:14: note: 'routers_' is accessed with 'mu_' held here
    thread_.join();
  }

private:
  // Called only before the thread starts: start-up code too.
  void load() { routers_[1] = 2; }
  void run() {
    std::lock_guard<std::mutex> g(mu_);
    routers_.erase(0);
  }
  std::mutex mu_;
  std::thread thread_;
  std::map<int, int> routers_;
};

// A thread started in a loop is running when the loop comes round again: the
// accesses in the loop before the start are not start-up code.
class Workers {
public:
  void spawn(int n) {
    for (int i = 0; i < n; ++i) {
      ids_.push_back(i);
      // CHECK: :[[@LINE-1]]:12: warning: 'ids_' is modified by 'push_back' without holding 'mu_', which guards it in 'Workers::work'
      // CHECK: :[[@LINE+8]]:10: note: 'ids_' is accessed with 'mu_' held here
      threads_.emplace_back(&Workers::work, this);
    }
  }

private:
  void work() {
    std::lock_guard<std::mutex> g(mu_);
    ids_.pop_back();
  }
  std::mutex mu_;
  std::vector<std::thread> threads_;
  std::vector<int> ids_;
};

// Near miss: a private helper called both before the start and from a
// public function without the lock is not start-up code.
class Loader {
public:
  void start() {
    fill();
    thread_ = std::thread(&Loader::run, this);
  }
  void refill() { fill(); }

private:
  void fill() { cache_.push_back(1); }
  // CHECK: :[[@LINE-1]]:24: warning: 'cache_' is modified by 'push_back' without holding 'mu_', which guards it in 'Loader::run'
  // CHECK: :[[@LINE+3]]:12: note: 'cache_' is accessed with 'mu_' held here
  void run() {
    std::lock_guard<std::mutex> g(mu_);
    cache_.clear();
  }
  std::mutex mu_;
  std::thread thread_;
  std::vector<int> cache_;
};

// Near miss: the only unlocked writer is start-up code, so an unlocked read
// races with nothing that runs beside the thread.
class Directory {
public:
  void start() {
    names_.push_back(1);
    thread_ = std::thread(&Directory::run, this);
  }
  int count() const { return static_cast<int>(names_.size()); }

private:
  void run() {
    std::lock_guard<std::mutex> g(mu_);
    use(names_.front());
  }
  mutable std::mutex mu_;
  std::thread thread_;
  std::vector<int> names_;
};
