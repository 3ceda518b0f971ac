// Rule 1 on started functions: a thread, task or executor callable that is
// a function, a member function with `this` (`std::thread(&C::run, this)`)
// or a `std::bind` of one, rather than a lambda.
// RUN: %clang_tidy -checks='-*,containers-unsynchronized-mutation' %s -- %mock_std \
// RUN:   | FileCheck %s -implicit-check-not='{{warning|error}}:'

#include <deque>
#include <functional>
#include <future>
#include <map>
#include <mutex>
#include <thread>
#include <vector>

void use(int);

// A worker member function started several times races with itself.
class Pool {
public:
  void start(int n) {
    for (int i = 0; i < n; ++i)
      threads_.emplace_back(&Pool::worker, this);
  }

private:
  void worker() {
    while (!queue_.empty()) {
      use(queue_.front());
      queue_.pop_front();
      // CHECK: :[[@LINE-1]]:14: warning: 'queue_' is modified by 'pop_front' in a thread that is started more than once; no lock is held [containers-unsynchronized-mutation]
      // CHECK: :[[@LINE-9]]:7: note: it starts running here (std::thread)
    }
  }
  std::vector<std::thread> threads_;
  std::deque<int> queue_;
};

// The creating function keeps using the member after the start.
class Service {
public:
  void start() {
    thread_ = std::thread(&Service::run, this);
    pending_.push_back(1);
  }
  void startBound() {
    thread_ = std::thread(std::bind(&Service::drain, this));
    pending_.push_back(2);
  }

private:
  void run() {
    pending_.clear();
    // CHECK: :[[@LINE-1]]:14: warning: 'pending_' is modified by 'clear' in a thread while the creating function also modifies it; no lock is held
    // CHECK: :[[@LINE-12]]:15: note: it starts running here (std::thread)
    // CHECK: :[[@LINE-12]]:14: note: the creating function accesses 'pending_' here
  }
  void drain() {
    pending_.pop_back();
    // CHECK: :[[@LINE-1]]:14: warning: 'pending_' is modified by 'pop_back' in a thread while the creating function also modifies it; no lock is held
    // CHECK: :[[@LINE-14]]:15: note: it starts running here (std::thread)
    // CHECK: :[[@LINE-14]]:14: note: the creating function accesses 'pending_' here
  }
  std::thread thread_;
  std::vector<int> pending_;
};

// A free function and a container with static storage duration.
std::vector<int> log_lines;
void logger() {
  log_lines.push_back(1);
  // CHECK: :[[@LINE-1]]:13: warning: 'log_lines' is modified by 'push_back' in an asynchronous task while the creating function also reads it; no lock is held
  // CHECK: :[[@LINE+4]]:12: note: it starts running here (std::async)
  // CHECK: :[[@LINE+4]]:34: note: the creating function accesses 'log_lines' here
}
void startLogger() {
  auto f = std::async(logger);
  use(static_cast<int>(log_lines.size()));
  f.get();
}

// Two member functions started from one creator touch the same member.
class Pipeline {
public:
  void start() {
    a_ = std::thread(&Pipeline::produce, this);
    b_ = std::thread(&Pipeline::consume, this);
  }

private:
  void produce() {
    items_.push_back(1);
    // CHECK: :[[@LINE-1]]:12: warning: 'items_' is modified by 'push_back' in a thread while another concurrent callable also reads it; no lock is held
    // CHECK: :[[@LINE-8]]:10: note: it starts running here (std::thread)
    // CHECK: :[[@LINE-8]]:10: note: another concurrent callable starts here (std::thread)
    // CHECK: :[[@LINE+3]]:17: note: and accesses 'items_' here
  }
  void consume() {
    if (!items_.empty())
      items_.pop_back();
    // CHECK: :[[@LINE-1]]:14: warning: 'items_' is modified by 'pop_back' in a thread while another concurrent callable also modifies it; no lock is held
    // CHECK: :[[@LINE-15]]:10: note: it starts running here (std::thread)
    // CHECK: :[[@LINE-17]]:10: note: another concurrent callable starts here (std::thread)
    // CHECK: :[[@LINE-12]]:12: note: and accesses 'items_' here
  }
  std::thread a_, b_;
  std::vector<int> items_;
};

// --- near misses ----------------------------------------------------------

// The started function takes the lock.
class Locked {
public:
  void start() {
    thread_ = std::thread(&Locked::run, this);
    std::lock_guard<std::mutex> g(mu_);
    jobs_.push_back(1);
  }

private:
  void run() {
    std::lock_guard<std::mutex> g(mu_);
    jobs_.clear();
  }
  std::mutex mu_;
  std::thread thread_;
  std::vector<int> jobs_;
};

// The creator touches the member only after joining.
class Joined {
public:
  void once() {
    std::thread t(&Joined::run, this);
    t.join();
    results_.clear();
  }

private:
  void run() { results_.push_back(1); }
  std::vector<int> results_;
};

// Started once, and nobody else touches the member while it runs.
class Single {
public:
  void start() { thread_ = std::thread(&Single::run, this); }

private:
  void run() { seen_[1] = 2; }
  std::thread thread_;
  std::map<int, int> seen_;
};

// Run on another object: its members are not this object's.
class Peer {
public:
  void startOn(Peer &other) {
    thread_ = std::thread(&Peer::run, &other);
    cache_.push_back(1);
  }

private:
  void run() { cache_.clear(); }
  std::thread thread_;
  std::vector<int> cache_;
};

// A function's own local container is not shared.
void localWork() {
  std::vector<int> mine;
  mine.push_back(1);
}
void startLocalWork() {
  std::thread t(localWork);
  std::thread u(localWork);
  t.join();
  u.join();
}

// A function declared here but defined elsewhere cannot be followed.
void external();
void startExternal() {
  std::thread t(external);
  log_lines.push_back(3);
  t.join();
}
