// Shared by containers-unsynchronized-mutation-libstdcxx.cpp and -libcxx.cpp:
// the real <mutex>, <shared_mutex>, <thread> and <future>. Line numbers below
// are this file's.
#include <future>
#include <map>
#include <mutex>
#include <shared_mutex>
#include <string>
#include <thread>
#include <unordered_map>
#include <vector>

class Sessions {
public:
  int find(const std::string &k) {
    std::lock_guard<std::mutex> g(mu_);
    auto it = sessions_.find(k);
    return it == sessions_.end() ? 0 : it->second;
  }
  void add(const std::string &k) {
    sessions_.emplace(k, 1);
    // CHECK: stdlib.h:[[@LINE-1]]:15: warning: 'sessions_' is modified by 'emplace' without holding 'mu_', which guards it in 'Sessions::find' [containers-unsynchronized-mutation]
    // CHECK: stdlib.h:[[@LINE-6]]:25: note: 'sessions_' is accessed with 'mu_' held here
  }
  void addLocked2(const std::string &k) {
    std::unique_lock<std::mutex> l(mu_, std::defer_lock);
    l.lock();
    sessions_.emplace(k, 2);
    l.unlock();
  }

private:
  std::mutex mu_;
  std::map<std::string, int> sessions_;
};

class Cache {
public:
  int get(int k) {
    std::shared_lock<std::shared_mutex> r(mu_);
    return cache_[k];
    // CHECK: stdlib.h:[[@LINE-1]]:12: warning: 'cache_' is modified by 'operator[]', which inserts a missing key, while only a shared lock on 'mu_' is held; other readers race with the write [containers-unsynchronized-mutation]
    // CHECK: stdlib.h:[[@LINE-3]]:41: note: the shared lock on 'mu_' is taken here
  }
  void put(int k, int v) {
    std::scoped_lock w(mu_);
    cache_[k] = v;
  }

private:
  std::shared_mutex mu_;
  std::unordered_map<int, int> cache_;
};

void threads(int n) {
  std::vector<int> counts;
  std::thread t([&] { counts.push_back(1); });
  // CHECK: stdlib.h:[[@LINE-1]]:30: warning: 'counts' is modified by 'push_back' in a thread while the creating function also modifies it; no lock is held [containers-unsynchronized-mutation]
  // CHECK: stdlib.h:[[@LINE-2]]:15: note: it starts running here (std::thread)
  // CHECK: stdlib.h:[[@LINE+1]]:10: note: the creating function accesses 'counts' here
  counts.push_back(2);
  t.join();

  std::vector<std::string> names;
  std::vector<std::thread> workers;
  for (int i = 0; i < n; ++i)
    workers.emplace_back([&names] { names.emplace_back("w"); });
  // CHECK: stdlib.h:[[@LINE-1]]:43: warning: 'names' is modified by 'emplace_back' in a thread that is started more than once; no lock is held
  // CHECK: stdlib.h:[[@LINE-2]]:5: note: it starts running here (std::thread)
  for (auto &w : workers)
    w.join();

  // Near misses: after get(); a deferred task.
  std::vector<int> later;
  auto f = std::async(std::launch::async, [&] { later.push_back(1); });
  f.get();
  later.push_back(2);
  auto d = std::async(std::launch::deferred, [&] { later.push_back(3); });
  later.push_back(4);
  d.wait();
}
