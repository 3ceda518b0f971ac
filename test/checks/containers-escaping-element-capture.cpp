// Lambdas that outlive their statement (threads, std::async, executors,
// stored std::function callbacks, returned lambdas) capturing a handle into a
// container element; each case is paired with its near-miss negative.
// RUN: %clang_tidy -checks='-*,containers-escaping-element-capture' %s -- %mock_std -isystem %inputs/thirdparty \
// RUN:   | FileCheck %s -implicit-check-not='{{warning|error}}:'

#include <absl/container/flat_hash_map.h>
#include <algorithm>
#include <array>
#include <deque>
#include <functional>
#include <future>
#include <map>
#include <string>
#include <thread>
#include <vector>

struct WaitGroup {
  void done();
};
struct Session {
  void send(int);
  int id;
};
void use(int);
void post(std::function<void()> task);
struct ThreadPool {
  template <class F> void submit(F f) {}
  template <class F> std::future<void> enqueue(F f) { return {}; }
  void wait();
};

// --- threads ------------------------------------------------------------------

void classic(std::map<std::string, WaitGroup> &tasks) {
  // The example: the thread may run after the element is erased.
  auto &wg = tasks["t1"];
  std::thread([&wg] { wg.done(); }).detach();
  // CHECK: :[[@LINE-1]]:17: warning: lambda passed to 'std::thread' captures reference 'wg' into 'tasks', and 'tasks' is erased at line [[@LINE+5]] while the thread may still run [containers-escaping-element-capture]
  // CHECK: :[[@LINE-3]]:9: note: 'wg' is obtained from 'tasks' here
  // CHECK: :[[@LINE-3]]:3: note: the lambda is passed to 'std::thread' here
  // CHECK: :[[@LINE+2]]:9: note: 'tasks' is erased here
  // CHECK: :[[@LINE-5]]:17: note: capture the element by value, a shared_ptr to it, or its key to look it up when the lambda runs
  tasks.erase("t1");
}

void classicJoined(std::map<std::string, WaitGroup> &tasks) {
  // Near miss: joined before the container is touched again.
  auto &wg = tasks["t1"];
  std::thread t([&wg] { wg.done(); });
  t.join();
  tasks.erase("t1");
}

void joinedTooLate(std::map<std::string, WaitGroup> &tasks) {
  auto &wg = tasks["t1"];
  std::thread t([&wg] { wg.done(); });
  // CHECK: :[[@LINE-1]]:19: warning: lambda passed to 'std::thread' captures reference 'wg' into 'tasks', and 'tasks' is erased at line [[@LINE+5]] while the thread may still run [containers-escaping-element-capture]
  // CHECK: :[[@LINE-3]]:9: note: 'wg' is obtained from 'tasks' here
  // CHECK: :[[@LINE-3]]:15: note: the lambda is passed to 'std::thread' here
  // CHECK: :[[@LINE+2]]:9: note: 'tasks' is erased here
  // CHECK: :[[@LINE-5]]:19: note: capture the element by value, a shared_ptr to it, or its key to look it up when the lambda runs
  tasks.erase("t1");
  t.join();
}

void joinedOnOnePath(std::vector<int> &v, bool wait) {
  // Detached on the other path: the thread outlives the function.
  int &x = v[0];
  std::thread t([&] { use(x); });
  // CHECK: :[[@LINE-1]]:27: warning: lambda passed to 'std::thread' captures reference 'x' into 'v'; the thread may run after the element is erased or moved [containers-escaping-element-capture]
  // CHECK: :[[@LINE-3]]:8: note: 'x' is obtained from 'v' here
  // CHECK: :[[@LINE-3]]:15: note: the lambda is passed to 'std::thread' here
  // CHECK: :[[@LINE-4]]:27: note: capture the element by value, a shared_ptr to it, or its key to look it up when the lambda runs
  if (wait)
    t.join();
  else
    t.detach();
}

void joinedIfJoinable(std::vector<int> &v) {
  // Near miss: `if (t.joinable()) t.join();` joins.
  int &x = v[0];
  std::thread t([&x] { use(x); });
  if (t.joinable())
    t.join();
  v.push_back(1);
}

void jthreadScope(std::map<std::string, WaitGroup> &tasks) {
  // Near miss: a jthread joins when its scope ends, before the erase.
  {
    auto &wg = tasks["t1"];
    std::jthread t([&wg] { wg.done(); });
  }
  tasks.erase("t1");
}

void jthreadEraseInScope(std::map<std::string, WaitGroup> &tasks) {
  auto &wg = tasks["t1"];
  std::jthread t([&wg] { wg.done(); });
  // CHECK: :[[@LINE-1]]:20: warning: lambda passed to 'std::jthread' captures reference 'wg' into 'tasks', and 'tasks' is erased at line [[@LINE+5]] while the thread may still run [containers-escaping-element-capture]
  // CHECK: :[[@LINE-3]]:9: note: 'wg' is obtained from 'tasks' here
  // CHECK: :[[@LINE-3]]:16: note: the lambda is passed to 'std::jthread' here
  // CHECK: :[[@LINE+2]]:9: note: 'tasks' is erased here
  // CHECK: :[[@LINE-5]]:20: note: capture the element by value, a shared_ptr to it, or its key to look it up when the lambda runs
  tasks.erase("t1");
}

void threadFromLocalLambda(std::vector<Session> &sessions) {
  // The lambda reaches the thread through a local variable.
  Session &s = sessions.back();
  auto task = [&s] { s.send(1); };
  // CHECK: :[[@LINE-1]]:17: warning: lambda passed to 'std::thread' captures reference 's' into 'sessions'; the thread may run after the element is erased or moved [containers-escaping-element-capture]
  // CHECK: :[[@LINE-3]]:12: note: 's' is obtained from 'sessions' here
  // CHECK: :[[@LINE+2]]:3: note: the lambda is passed to 'std::thread' here
  // CHECK: :[[@LINE-4]]:17: note: capture the element by value, a shared_ptr to it, or its key to look it up when the lambda runs
  std::thread(task).detach();
}

void workerPerElement(std::vector<int> &v) {
  // Near miss: every worker is joined before the vector is cleared.
  std::vector<std::thread> workers;
  for (int &x : v)
    workers.emplace_back([&x] { use(x); });
  for (auto &w : workers)
    w.join();
  v.clear();
}

void workersClearedFirst(std::vector<int> &v) {
  std::vector<std::thread> workers;
  for (int &x : v)
    workers.emplace_back([&x] { use(x); });
    // CHECK: :[[@LINE-1]]:28: warning: lambda passed to 'std::thread' captures reference 'x' into 'v', and 'v' is cleared at line [[@LINE+5]] while the thread may still run [containers-escaping-element-capture]
    // CHECK: :[[@LINE-3]]:13: note: 'x' is obtained from 'v' here
    // CHECK: :[[@LINE-3]]:5: note: the lambda is passed to 'std::thread' here
    // CHECK: :[[@LINE+2]]:5: note: 'v' is cleared here
    // CHECK: :[[@LINE-5]]:28: note: capture the element by value, a shared_ptr to it, or its key to look it up when the lambda runs
  v.clear();
  for (auto &w : workers)
    w.join();
}

// --- std::async ---------------------------------------------------------------

void asyncKeptFuture(std::vector<int> &v) {
  int &x = v[0];
  auto f = std::async(std::launch::async, [&x] { use(x); });
  // CHECK: :[[@LINE-1]]:45: warning: lambda passed to 'std::async' captures reference 'x' into 'v', and 'v' is modified by 'push_back' at line [[@LINE+5]] while the task may still run [containers-escaping-element-capture]
  // CHECK: :[[@LINE-3]]:8: note: 'x' is obtained from 'v' here
  // CHECK: :[[@LINE-3]]:12: note: the lambda is passed to 'std::async' here
  // CHECK: :[[@LINE+2]]:5: note: 'v' is modified by 'push_back' here
  // CHECK: :[[@LINE-5]]:45: note: capture the element by value, a shared_ptr to it, or its key to look it up when the lambda runs
  v.push_back(1);
  f.get();
}

void asyncWaitedFirst(std::vector<int> &v) {
  // Near miss: waited for before the growth.
  int &x = v[0];
  auto f = std::async([&x] { use(x); });
  f.wait();
  v.push_back(1);
}

void asyncDiscarded(std::vector<int> &v) {
  // Near miss: a discarded std::async future blocks until the task is done.
  int &x = v[0];
  std::async(std::launch::async, [&x] { use(x); });
  v.push_back(1);
}

void asyncDeferred(std::vector<int> &v) {
  // Near miss: launch::deferred runs the task in get(), on this thread.
  int &x = v[0];
  auto f = std::async(std::launch::deferred, [&x] { use(x); });
  v.push_back(1);
}

// --- executors and thread pools ------------------------------------------------

void postIterator(std::map<int, Session> &sessions, int id) {
  // An iterator captured by value still points into the map.
  auto it = sessions.find(id);
  post([it] { it->second.send(1); });
  // CHECK: :[[@LINE-1]]:9: warning: lambda passed to 'post' captures iterator 'it' into 'sessions'; the task may run after the element is erased or moved [containers-escaping-element-capture]
  // CHECK: :[[@LINE-3]]:8: note: 'it' is obtained from 'sessions' here
  // CHECK: :[[@LINE-3]]:3: note: the lambda is passed to 'post' here
  // CHECK: :[[@LINE-4]]:9: note: capture the element by value, a shared_ptr to it, or its key to look it up when the lambda runs
}

void postEachElement(std::vector<Session> &sessions) {
  for (Session &s : sessions)
    post([&s] { s.send(2); });
    // CHECK: :[[@LINE-1]]:12: warning: lambda passed to 'post' captures reference 's' into 'sessions'; the task may run after the element is erased or moved [containers-escaping-element-capture]
    // CHECK: :[[@LINE-3]]:17: note: 's' is obtained from 'sessions' here
    // CHECK: :[[@LINE-3]]:5: note: the lambda is passed to 'post' here
    // CHECK: :[[@LINE-4]]:12: note: capture the element by value, a shared_ptr to it, or its key to look it up when the lambda runs
}

void localPoolWaited(std::vector<int> &v) {
  // Near miss: the tasks of a local pool cannot outlive it, and it is waited
  // for before the vector is cleared.
  ThreadPool pool;
  for (int &x : v)
    pool.submit([&x] { use(x); });
  pool.wait();
  v.clear();
}

void poolFuture(std::deque<int> &d) {
  int &x = d.front();
  auto done = ThreadPool().enqueue([&x] { use(x); });
  // CHECK: :[[@LINE-1]]:38: warning: lambda passed to 'enqueue' captures reference 'x' into 'd', and 'd' is erased at line [[@LINE+5]] while the task may still run [containers-escaping-element-capture]
  // CHECK: :[[@LINE-3]]:8: note: 'x' is obtained from 'd' here
  // CHECK: :[[@LINE-3]]:15: note: the lambda is passed to 'enqueue' here
  // CHECK: :[[@LINE+2]]:5: note: 'd' is erased here
  // CHECK: :[[@LINE-5]]:38: note: capture the element by value, a shared_ptr to it, or its key to look it up when the lambda runs
  d.pop_front();
  done.get();
}

struct Server {
  std::map<int, Session> sessions_;
  absl::flat_hash_map<int, Session> active_;
  ThreadPool pool_;
  std::function<void()> onClose_;
  std::deque<std::function<void()>> queue_;
  std::map<int, std::function<void(int)>> handlers_;
  std::vector<std::thread> workers_;

  void broadcast(int id) {
    // A member container through `this`, posted to a member pool; the
    // erase in another member function (closeLater) is named.
    Session &s = sessions_[id];
    pool_.submit([&s] { s.send(4); });
    // CHECK: :[[@LINE-1]]:20: warning: lambda passed to 'submit' captures reference 's' into 'sessions_', and 'sessions_' is erased in 'Server::closeLater' while the task may still run [containers-escaping-element-capture]
    // CHECK: :[[@LINE-3]]:14: note: 's' is obtained from 'sessions_' here
    // CHECK: :[[@LINE-3]]:5: note: the lambda is passed to 'submit' here
    // CHECK: :[[@LINE+56]]:15: note: 'sessions_' is erased here
    // CHECK: :[[@LINE-5]]:20: note: capture the element by value, a shared_ptr to it, or its key to look it up when the lambda runs
  }

  void broadcastAll() {
    // Near miss: the member pool is waited for before returning.
    for (auto &kv : sessions_)
      pool_.submit([&kv] { kv.second.send(5); });
    pool_.wait();
  }

  void flatMapGrows(int id, int other) {
    // Insertion into an open-addressing map moves its elements.
    Session &s = active_[id];
    post([&s] { s.send(6); });
    // CHECK: :[[@LINE-1]]:12: warning: lambda passed to 'post' captures reference 's' into 'active_', and 'active_' is modified by 'operator[]' at line [[@LINE+5]] while the task may still run [containers-escaping-element-capture]
    // CHECK: :[[@LINE-3]]:14: note: 's' is obtained from 'active_' here
    // CHECK: :[[@LINE-3]]:5: note: the lambda is passed to 'post' here
    // CHECK: :[[@LINE+2]]:5: note: 'active_' is modified by 'operator[]' here
    // CHECK: :[[@LINE-5]]:12: note: capture the element by value, a shared_ptr to it, or its key to look it up when the lambda runs
    active_[other].id = other;
  }

  void nodeMapKeeps(int id, int other) {
    // A std::map keeps references on insertion: the insertion here is not
    // named; the erase in another member function (closeLater) is.
    Session &s = sessions_[id];
    post([&s] { s.send(7); });
    // CHECK: :[[@LINE-1]]:12: warning: lambda passed to 'post' captures reference 's' into 'sessions_', and 'sessions_' is erased in 'Server::closeLater' while the task may still run [containers-escaping-element-capture]
    // CHECK: :[[@LINE-3]]:14: note: 's' is obtained from 'sessions_' here
    // CHECK: :[[@LINE-3]]:5: note: the lambda is passed to 'post' here
    // CHECK: :[[@LINE+25]]:15: note: 'sessions_' is erased here
    // CHECK: :[[@LINE-5]]:12: note: capture the element by value, a shared_ptr to it, or its key to look it up when the lambda runs
    sessions_[other].id = other;
  }

  void spawnWorker(int id) {
    Session &s = sessions_.at(id);
    workers_.emplace_back([&s] { s.send(8); });
    // CHECK: :[[@LINE-1]]:29: warning: lambda passed to 'std::thread' captures reference 's' into 'sessions_', and 'sessions_' is erased in 'Server::closeLater' while the thread may still run [containers-escaping-element-capture]
    // CHECK: :[[@LINE-3]]:14: note: 's' is obtained from 'sessions_' here
    // CHECK: :[[@LINE-3]]:5: note: the lambda is passed to 'std::thread' here
    // CHECK: :[[@LINE+14]]:15: note: 'sessions_' is erased here
    // CHECK: :[[@LINE-5]]:29: note: capture the element by value, a shared_ptr to it, or its key to look it up when the lambda runs
  }

  // --- stored callbacks --------------------------------------------------------

  void closeLater(int id) {
    Session &s = sessions_[id];
    onClose_ = [&s] { s.send(9); };
    // CHECK: :[[@LINE-1]]:18: warning: lambda stored in 'onClose_' captures reference 's' into 'sessions_', and 'sessions_' is erased at line [[@LINE+5]] while the stored lambda may still run [containers-escaping-element-capture]
    // CHECK: :[[@LINE-3]]:14: note: 's' is obtained from 'sessions_' here
    // CHECK: :[[@LINE-3]]:14: note: the lambda is stored in 'onClose_' here
    // CHECK: :[[@LINE+2]]:15: note: 'sessions_' is erased here
    // CHECK: :[[@LINE-5]]:18: note: capture the element by value, a shared_ptr to it, or its key to look it up when the lambda runs
    sessions_.erase(id);
  }

  void queueLater(std::vector<int> &v) {
    int *p = &v[0];
    queue_.push_back([p] { use(*p); });
    // CHECK: :[[@LINE-1]]:23: warning: lambda stored in 'queue_' captures pointer 'p' into 'v', and 'v' is cleared at line [[@LINE+5]] while the stored lambda may still run [containers-escaping-element-capture]
    // CHECK: :[[@LINE-3]]:10: note: 'p' is obtained from 'v' here
    // CHECK: :[[@LINE-3]]:12: note: the lambda is stored in 'queue_' here
    // CHECK: :[[@LINE+2]]:7: note: 'v' is cleared here
    // CHECK: :[[@LINE-5]]:23: note: capture the element by value, a shared_ptr to it, or its key to look it up when the lambda runs
    v.clear();
  }

  void queueConverted(std::vector<int> &v) {
    auto task = std::function<void()>([&e = v.back()] { use(e); });
    // CHECK: :[[@LINE-1]]:41: warning: lambda stored in 'queue_' captures reference 'e' into 'v'; the stored lambda may run after the element is erased or moved [containers-escaping-element-capture]
    // CHECK: :[[@LINE+2]]:12: note: the lambda is stored in 'queue_' here
    // CHECK: :[[@LINE-3]]:41: note: capture the element by value, a shared_ptr to it, or its key to look it up when the lambda runs
    queue_.push_front(std::move(task));
  }

  void handlerFor(int id) {
    handlers_[id] = [&s = sessions_[id]](int n) { s.send(n); };
    // CHECK: :[[@LINE-1]]:23: warning: lambda stored in 'handlers_' captures reference 's' into 'sessions_', and 'sessions_' is erased in 'Server::closeLater' while the stored lambda may still run [containers-escaping-element-capture]
    // CHECK: :[[@LINE-2]]:19: note: the lambda is stored in 'handlers_' here
    // CHECK: :[[@LINE-26]]:15: note: 'sessions_' is erased here
    // CHECK: :[[@LINE-4]]:23: note: capture the element by value, a shared_ptr to it, or its key to look it up when the lambda runs
  }

  void handlerEmplaced(int id) {
    auto it = sessions_.find(id);
    handlers_.emplace(id, [it](int n) { it->second.send(n); });
    // CHECK: :[[@LINE-1]]:28: warning: lambda stored in 'handlers_' captures iterator 'it' into 'sessions_', and 'sessions_' is erased in 'Server::closeLater' while the stored lambda may still run [containers-escaping-element-capture]
    // CHECK: :[[@LINE-3]]:10: note: 'it' is obtained from 'sessions_' here
    // CHECK: :[[@LINE-3]]:15: note: the lambda is stored in 'handlers_' here
    // CHECK: :[[@LINE-36]]:15: note: 'sessions_' is erased here
    // CHECK: :[[@LINE-5]]:28: note: capture the element by value, a shared_ptr to it, or its key to look it up when the lambda runs
  }

  void capturesOnlyKey(int id) {
    // Near miss: the key, looked up when the callback runs.
    onClose_ = [this, id] { sessions_[id].send(10); };
  }

  void capturesCopy(int id) {
    // Near miss: the element copied into the lambda.
    onClose_ = [s = sessions_[id]]() mutable { s.send(11); };
  }

  void capturesContainer() {
    // Near miss: the container itself.
    onClose_ = [this] { sessions_.clear(); };
  }

  void runsNow(int id) {
    // Near misses: run in place, by an algorithm, by std::invoke.
    Session &s = sessions_[id];
    [&s] { s.send(12); }();
    std::invoke([&s] { s.send(13); });
    std::vector<int> ids;
    std::for_each(ids.begin(), ids.end(), [&s](int n) { s.send(n); });
  }

  void localCallbacks(int id) {
    // Near miss: a local std::function and a local queue run before return.
    Session &s = sessions_[id];
    std::function<void()> f = [&s] { s.send(14); };
    f();
    std::vector<std::function<void()>> steps;
    steps.push_back([&s] { s.send(15); });
    for (auto &step : steps)
      step();
  }
};

std::function<void()> g_onExit;

void atExit(std::vector<std::string> &names) {
  std::string &n = names.front();
  g_onExit = [&n] { use(n.size()); };
  // CHECK: :[[@LINE-1]]:16: warning: lambda stored in 'g_onExit' captures reference 'n' into 'names'; the stored lambda may run after the element is erased or moved [containers-escaping-element-capture]
  // CHECK: :[[@LINE-3]]:16: note: 'n' is obtained from 'names' here
  // CHECK: :[[@LINE-3]]:12: note: the lambda is stored in 'g_onExit' here
  // CHECK: :[[@LINE-4]]:16: note: capture the element by value, a shared_ptr to it, or its key to look it up when the lambda runs
}

void registerOnce(std::vector<int> &v) {
  static std::function<void()> handler = [p = v.data()] { use(*p); };
  // CHECK: :[[@LINE-1]]:43: warning: lambda stored in 'handler' captures pointer 'p' into 'v'; the stored lambda may run after the element is erased or moved [containers-escaping-element-capture]
  // CHECK: :[[@LINE-2]]:32: note: the lambda is stored in 'handler' here
  // CHECK: :[[@LINE-3]]:43: note: capture the element by value, a shared_ptr to it, or its key to look it up when the lambda runs
}

struct Registry {
  std::function<void()> cb;
};
void registerInto(Registry &r, std::vector<int> &v) {
  // Stored into an object the caller owns.
  int &x = v[0];
  r.cb = [&x] { use(x); };
  // CHECK: :[[@LINE-1]]:12: warning: lambda stored in 'r.cb' captures reference 'x' into 'v'; the stored lambda may run after the element is erased or moved [containers-escaping-element-capture]
  // CHECK: :[[@LINE-3]]:8: note: 'x' is obtained from 'v' here
  // CHECK: :[[@LINE-3]]:8: note: the lambda is stored in 'r.cb' here
  // CHECK: :[[@LINE-4]]:12: note: capture the element by value, a shared_ptr to it, or its key to look it up when the lambda runs
}

std::function<void()> returnsCallback(std::vector<int> &v) {
  int &last = v.back();
  return [&last] { use(last); };
  // CHECK: :[[@LINE-1]]:12: warning: lambda returned from 'returnsCallback' captures reference 'last' into 'v'; the returned lambda may run after the element is erased or moved [containers-escaping-element-capture]
  // CHECK: :[[@LINE-3]]:8: note: 'last' is obtained from 'v' here
  // CHECK: :[[@LINE-3]]:3: note: the lambda is returned here
  // CHECK: :[[@LINE-4]]:12: note: capture the element by value, a shared_ptr to it, or its key to look it up when the lambda runs
}

auto returnsLambda(std::map<int, int> &m, int k) {
  auto it = m.find(k);
  return [it] { return it->second; };
  // CHECK: :[[@LINE-1]]:11: warning: lambda returned from 'returnsLambda' captures iterator 'it' into 'm'; the returned lambda may run after the element is erased or moved [containers-escaping-element-capture]
  // CHECK: :[[@LINE-3]]:8: note: 'it' is obtained from 'm' here
  // CHECK: :[[@LINE-3]]:3: note: the lambda is returned here
  // CHECK: :[[@LINE-4]]:11: note: capture the element by value, a shared_ptr to it, or its key to look it up when the lambda runs
}

void returnedFromLambda(std::vector<int> &v) {
  // Near miss: what a lambda returns is used by its caller, here.
  auto make = [&v] {
    int &x = v[0];
    return [&x] { use(x); };
  };
  make()();
}

// --- fixed storage and constant tables -------------------------------------------

std::array<int, 4> slots;
static const std::map<int, std::string> kNames = {};

void fixedStorage() {
  // Near miss: std::array never reallocates and erases nothing.
  int &slot = slots[1];
  std::thread([&slot] { use(slot); }).detach();
}

void constantTable(int k) {
  // Near miss: a static const table outlives every thread, and nothing can
  // modify it.
  const std::string &name = kNames.at(k);
  std::thread([&name] { use(name.size()); }).detach();
}

// --- templates ------------------------------------------------------------------

template <class C> void spawnFront(C &c) {
  // Reported once, not once per instantiation.
  auto &first = c.front();
  std::thread([&first] { (void)first; }).detach();
  // CHECK: :[[@LINE-1]]:17: warning: lambda passed to 'std::thread' captures reference 'first' into 'c'; the thread may run after the element is erased or moved [containers-escaping-element-capture]
  // CHECK: :[[@LINE-3]]:9: note: 'first' is obtained from 'c' here
  // CHECK: :[[@LINE-3]]:3: note: the lambda is passed to 'std::thread' here
  // CHECK: :[[@LINE-4]]:17: note: capture the element by value, a shared_ptr to it, or its key to look it up when the lambda runs
}
template void spawnFront(std::vector<int> &);
template void spawnFront(std::deque<int> &);

template <class C> void neverInstantiated(C &c) {
  auto &first = c.front();
  std::thread([&first] { (void)first; }).detach();
}
