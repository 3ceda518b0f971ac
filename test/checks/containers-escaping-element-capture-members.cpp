// containers-escaping-element-capture on member containers reached through
// `this`: erases in other member functions of the class are named, and a
// thread member joined before the container is destroyed (in the destructor,
// or a std::jthread member destroyed first) is not reported when no member
// function erases from the container. Each case is paired with its near miss.
// RUN: %clang_tidy -checks='-*,containers-escaping-element-capture' %s -- %mock_std \
// RUN:   | FileCheck %s -implicit-check-not='{{warning|error}}:'

#include <functional>
#include <map>
#include <thread>
#include <utility>
#include <vector>

struct Session {
  void send(int);
};
void post(std::function<void()> task);
struct ThreadPool {
  template <class F> void submit(F f) {}
  void wait();
};

// --- erases in other member functions ------------------------------------------

class Registry {
  std::map<int, Session> sessions_;
  std::function<void()> onClose_;

public:
  void watch(int id) {
    Session &s = sessions_[id];
    onClose_ = [&s] { s.send(1); };
    // CHECK: :[[@LINE-1]]:18: warning: lambda stored in 'onClose_' captures reference 's' into 'sessions_', and 'sessions_' is erased in 'Registry::remove' while the stored lambda may still run [containers-escaping-element-capture]
    // CHECK: :[[@LINE-3]]:14: note: 's' is obtained from 'sessions_' here
    // CHECK: :[[@LINE-3]]:14: note: the lambda is stored in 'onClose_' here
    // CHECK: :[[@LINE+9]]:43: note: 'sessions_' is erased here
    // CHECK: :[[@LINE-5]]:18: note: capture the element by value, a shared_ptr to it, or its key to look it up when the lambda runs
  }
  // Near miss: insertion keeps std::map references valid; not named.
  void add(int id) { sessions_[id].send(0); }
  void remove(int id);
  // Near miss: erases another container of the same type.
  void removeFrom(Registry &other, int id) { other.sessions_.erase(id); }
};
void Registry::remove(int id) { sessions_.erase(id); }

struct Poster {
  std::vector<int> values_;
  std::function<void()> report_;

  void arm() {
    int *p = &values_[0];
    report_ = [p] { (void)*p; };
    // CHECK: :[[@LINE-1]]:16: warning: lambda stored in 'report_' captures pointer 'p' into 'values_', and 'values_' is modified by 'push_back' in 'Poster::later' while the stored lambda may still run [containers-escaping-element-capture]
    // CHECK: :[[@LINE-3]]:10: note: 'p' is obtained from 'values_' here
    // CHECK: :[[@LINE-3]]:13: note: the lambda is stored in 'report_' here
    // CHECK: :[[@LINE+5]]:30: note: 'values_' is modified by 'push_back' here
    // CHECK: :[[@LINE-5]]:16: note: capture the element by value, a shared_ptr to it, or its key to look it up when the lambda runs
  }
  // Growth inside a lambda written in another member function.
  void later(int v) {
    post([this, v] { values_.push_back(v); });
  }
  // Near miss: constructors run before anything can be running.
  Poster() { values_.clear(); }
};

// --- a thread member joined in the destructor ------------------------------------

class Worker {
  // Near miss: the destructor joins before the members are destroyed, and
  // no member function erases from 'sessions_'.
  std::map<int, Session> sessions_;
  std::thread thread_;

public:
  void start(int id) {
    Session &s = sessions_[id];
    thread_ = std::thread([&s] { s.send(2); });
  }
  void add(int id) { sessions_[id].send(0); }
  ~Worker() {
    if (thread_.joinable())
      thread_.join();
    sessions_.clear();
  }
};

class ErasingWorker {
  std::map<int, Session> sessions_;
  std::thread thread_;

public:
  // The destructor's join does not protect against an erase in another
  // member function.
  void start(int id) {
    Session &s = sessions_[id];
    thread_ = std::thread([&s] { s.send(3); });
    // CHECK: :[[@LINE-1]]:29: warning: lambda passed to 'std::thread' captures reference 's' into 'sessions_', and 'sessions_' is erased in 'ErasingWorker::stop' while the thread may still run [containers-escaping-element-capture]
    // CHECK: :[[@LINE-3]]:14: note: 's' is obtained from 'sessions_' here
    // CHECK: :[[@LINE-3]]:15: note: the lambda is passed to 'std::thread' here
    // CHECK: :[[@LINE+4]]:33: note: 'sessions_' is erased here
    // CHECK: :[[@LINE-5]]:29: note: capture the element by value, a shared_ptr to it, or its key to look it up when the lambda runs
  }
  ~ErasingWorker() { thread_.join(); }
  void stop(int id) { sessions_.erase(id); }
};

class ClearsFirst {
  std::map<int, Session> sessions_;
  std::thread thread_;

public:
  void start(int id) {
    Session &s = sessions_[id];
    thread_ = std::thread([&s] { s.send(4); });
    // CHECK: :[[@LINE-1]]:29: warning: lambda passed to 'std::thread' captures reference 's' into 'sessions_', and 'sessions_' is cleared in 'ClearsFirst::~ClearsFirst' while the thread may still run [containers-escaping-element-capture]
    // CHECK: :[[@LINE-3]]:14: note: 's' is obtained from 'sessions_' here
    // CHECK: :[[@LINE-3]]:15: note: the lambda is passed to 'std::thread' here
    // CHECK: :[[@LINE+5]]:15: note: 'sessions_' is cleared here
    // CHECK: :[[@LINE-5]]:29: note: capture the element by value, a shared_ptr to it, or its key to look it up when the lambda runs
  }
  // The destructor clears the map before it joins.
  ~ClearsFirst() {
    sessions_.clear();
    thread_.join();
  }
};

class JoinsOnOnePath {
  std::map<int, Session> sessions_;
  std::thread thread_;
  bool wait_ = true;

public:
  // The destructor detaches on the other path: the thread may outlive the
  // map.
  void start(int id) {
    Session &s = sessions_[id];
    thread_ = std::thread([&s] { s.send(5); });
    // CHECK: :[[@LINE-1]]:29: warning: lambda passed to 'std::thread' captures reference 's' into 'sessions_'; the thread may run after the element is erased or moved [containers-escaping-element-capture]
    // CHECK: :[[@LINE-3]]:14: note: 's' is obtained from 'sessions_' here
    // CHECK: :[[@LINE-3]]:15: note: the lambda is passed to 'std::thread' here
    // CHECK: :[[@LINE-4]]:29: note: capture the element by value, a shared_ptr to it, or its key to look it up when the lambda runs
  }
  ~JoinsOnOnePath() {
    if (wait_)
      thread_.join();
    else
      thread_.detach();
  }
};

class NoDestructor {
  std::map<int, Session> sessions_;
  std::thread thread_;

public:
  // Nothing joins the member thread before the map is destroyed.
  void start(int id) {
    Session &s = sessions_[id];
    thread_ = std::thread([&s] { s.send(6); });
    // CHECK: :[[@LINE-1]]:29: warning: lambda passed to 'std::thread' captures reference 's' into 'sessions_'; the thread may run after the element is erased or moved [containers-escaping-element-capture]
    // CHECK: :[[@LINE-3]]:14: note: 's' is obtained from 'sessions_' here
    // CHECK: :[[@LINE-3]]:15: note: the lambda is passed to 'std::thread' here
    // CHECK: :[[@LINE-4]]:29: note: capture the element by value, a shared_ptr to it, or its key to look it up when the lambda runs
  }
};

class JoinsButNotOwner {
  std::thread thread_;

public:
  // The destructor's join says nothing about a container the class does
  // not own.
  void start(std::map<int, Session> &sessions, int id) {
    Session &s = sessions[id];
    thread_ = std::thread([&s] { s.send(7); });
    // CHECK: :[[@LINE-1]]:29: warning: lambda passed to 'std::thread' captures reference 's' into 'sessions'; the thread may run after the element is erased or moved [containers-escaping-element-capture]
    // CHECK: :[[@LINE-3]]:14: note: 's' is obtained from 'sessions' here
    // CHECK: :[[@LINE-3]]:15: note: the lambda is passed to 'std::thread' here
    // CHECK: :[[@LINE-4]]:29: note: capture the element by value, a shared_ptr to it, or its key to look it up when the lambda runs
  }
  ~JoinsButNotOwner() { thread_.join(); }
};

class MovesOut {
  std::map<int, Session> sessions_;
  std::thread thread_;

public:
  void start(int id) {
    Session &s = sessions_[id];
    thread_ = std::thread([&s] { s.send(8); });
    // CHECK: :[[@LINE-1]]:29: warning: lambda passed to 'std::thread' captures reference 's' into 'sessions_', and 'sessions_' is moved from in 'MovesOut::drain' while the thread may still run [containers-escaping-element-capture]
    // CHECK: :[[@LINE-3]]:14: note: 's' is obtained from 'sessions_' here
    // CHECK: :[[@LINE-3]]:15: note: the lambda is passed to 'std::thread' here
    // CHECK: :[[@LINE+6]]:26: note: 'sessions_' is moved from here
    // CHECK: :[[@LINE-5]]:29: note: capture the element by value, a shared_ptr to it, or its key to look it up when the lambda runs
  }
  ~MovesOut() { thread_.join(); }
  // A move into a local: its elements die when drain() returns.
  void drain() {
    auto old = std::move(sessions_);
  }
};

// --- std::jthread members, destroyed in reverse order of declaration ----------------

class JThreadAfter {
  // Near miss: the jthread is declared after the map, so it is destroyed
  // (and joins) first.
  std::map<int, Session> sessions_;
  std::jthread thread_;

public:
  void start(int id) {
    Session &s = sessions_[id];
    thread_ = std::jthread([&s] { s.send(9); });
  }
};

class JThreadBefore {
  std::jthread thread_;
  std::map<int, Session> sessions_;

public:
  // The map is destroyed before the jthread joins.
  void start(int id) {
    Session &s = sessions_[id];
    thread_ = std::jthread([&s] { s.send(10); });
    // CHECK: :[[@LINE-1]]:30: warning: lambda passed to 'std::jthread' captures reference 's' into 'sessions_'; the thread may run after the element is erased or moved [containers-escaping-element-capture]
    // CHECK: :[[@LINE-3]]:14: note: 's' is obtained from 'sessions_' here
    // CHECK: :[[@LINE-3]]:15: note: the lambda is passed to 'std::jthread' here
    // CHECK: :[[@LINE-4]]:30: note: capture the element by value, a shared_ptr to it, or its key to look it up when the lambda runs
  }
};

// --- a member pool waited for in the destructor -------------------------------------

class Service {
  // Near miss: the destructor waits for the pool's tasks.
  std::vector<int> values_;
  ThreadPool pool_;

public:
  void schedule() {
    for (int &v : values_)
      pool_.submit([&v] { (void)v; });
  }
  ~Service() { pool_.wait(); }
};

// --- class templates ---------------------------------------------------------------

template <class T> class Cache {
  std::map<int, T> items_;
  std::function<void()> onEvict_;

public:
  void watch(int id) {
    T &item = items_[id];
    onEvict_ = [&item] { (void)item; };
    // CHECK: :[[@LINE-1]]:18: warning: lambda stored in 'onEvict_' captures reference 'item' into 'items_', and 'items_' is erased in 'Cache::evict' while the stored lambda may still run [containers-escaping-element-capture]
    // CHECK: :[[@LINE-3]]:8: note: 'item' is obtained from 'items_' here
    // CHECK: :[[@LINE-3]]:14: note: the lambda is stored in 'onEvict_' here
    // CHECK: :[[@LINE+3]]:31: note: 'items_' is erased here
    // CHECK: :[[@LINE-5]]:18: note: capture the element by value, a shared_ptr to it, or its key to look it up when the lambda runs
  }
  void evict(int id) { items_.erase(id); }
};
template class Cache<int>;
template class Cache<Session>;
