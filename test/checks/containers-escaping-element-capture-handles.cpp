// lib/ElementHandle (which captures hold a handle into an element) and
// lib/LambdaEscape (where a lambda goes, and whether its thread is joined),
// case by case through containers-escaping-element-capture.
// RUN: %clang_tidy -checks='-*,containers-escaping-element-capture' %s -- %mock_std \
// RUN:   | FileCheck %s -implicit-check-not='{{warning|error}}:'

#include <functional>
#include <future>
#include <map>
#include <span>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

struct Session {
  void send(int);
};
void use(int);
void post(std::function<void()> task);
struct IoContext {
  void run();
};
void post(IoContext &io, std::function<void()> task);
void keep(std::function<void()> task);

// --- ElementHandle: which captures are handles --------------------------------

void referenceByValue(std::vector<int> &v) {
  // Near miss: a reference captured by value copies the element.
  int &x = v[0];
  post([x] { use(x); });
}

void pointerByReference(std::vector<int> &v) {
  int *p = &v[1];
  post([&p] { use(*p); });
  // CHECK: :[[@LINE-1]]:10: warning: lambda passed to 'post' captures pointer 'p' into 'v'; the task may run after the element is erased or moved [containers-escaping-element-capture]
  // CHECK: :[[@LINE-3]]:8: note: 'p' is obtained from 'v' here
  // CHECK: :[[@LINE-3]]:3: note: the lambda is passed to 'post' here
  // CHECK: :[[@LINE-4]]:10: note: capture the element by value, a shared_ptr to it, or its key to look it up when the lambda runs
}

void iteratorFromBegin(std::vector<int> &v) {
  auto first = v.begin();
  post([first] { use(*first); });
  // CHECK: :[[@LINE-1]]:9: warning: lambda passed to 'post' captures iterator 'first' into 'v'; the task may run after the element is erased or moved [containers-escaping-element-capture]
  // CHECK: :[[@LINE-3]]:8: note: 'first' is obtained from 'v' here
  // CHECK: :[[@LINE-3]]:3: note: the lambda is passed to 'post' here
  // CHECK: :[[@LINE-4]]:9: note: capture the element by value, a shared_ptr to it, or its key to look it up when the lambda runs
}

void initCaptureAt(std::map<int, Session> &m, int k) {
  post([&s = m.at(k)] { s.send(1); });
  // CHECK: :[[@LINE-1]]:10: warning: lambda passed to 'post' captures reference 's' into 'm'; the task may run after the element is erased or moved [containers-escaping-element-capture]
  // CHECK: :[[@LINE-2]]:3: note: the lambda is passed to 'post' here
  // CHECK: :[[@LINE-3]]:10: note: capture the element by value, a shared_ptr to it, or its key to look it up when the lambda runs
}

void initCaptureCopy(std::map<int, Session> &m, int k) {
  // Near miss: the element copied by an init-capture.
  post([s = m.at(k)]() mutable { s.send(2); });
}

void initCapturePointer(std::map<int, Session> &m, int k) {
  post([p = &m[k]] { p->send(3); });
  // CHECK: :[[@LINE-1]]:9: warning: lambda passed to 'post' captures pointer 'p' into 'm'; the task may run after the element is erased or moved [containers-escaping-element-capture]
  // CHECK: :[[@LINE-2]]:3: note: the lambda is passed to 'post' here
  // CHECK: :[[@LINE-3]]:9: note: capture the element by value, a shared_ptr to it, or its key to look it up when the lambda runs
}

void initCaptureIterator(std::map<int, Session> &m, int k) {
  post([it = m.find(k)] { it->second.send(4); });
  // CHECK: :[[@LINE-1]]:9: warning: lambda passed to 'post' captures iterator 'it' into 'm'; the task may run after the element is erased or moved [containers-escaping-element-capture]
  // CHECK: :[[@LINE-2]]:3: note: the lambda is passed to 'post' here
  // CHECK: :[[@LINE-3]]:9: note: capture the element by value, a shared_ptr to it, or its key to look it up when the lambda runs
}

void initCaptureView(std::vector<std::string> &names, int i) {
  post([sv = std::string_view(names[i])] { use(sv.size()); });
  // CHECK: :[[@LINE-1]]:9: warning: lambda passed to 'post' captures view 'sv' into 'names'; the task may run after the element is erased or moved [containers-escaping-element-capture]
  // CHECK: :[[@LINE-2]]:3: note: the lambda is passed to 'post' here
  // CHECK: :[[@LINE-3]]:9: note: capture the element by value, a shared_ptr to it, or its key to look it up when the lambda runs
}

void initCaptureData(std::vector<int> &v) {
  post([e = v.data()] { use(*e); });
  // CHECK: :[[@LINE-1]]:9: warning: lambda passed to 'post' captures pointer 'e' into 'v'; the task may run after the element is erased or moved [containers-escaping-element-capture]
  // CHECK: :[[@LINE-2]]:3: note: the lambda is passed to 'post' here
  // CHECK: :[[@LINE-3]]:9: note: capture the element by value, a shared_ptr to it, or its key to look it up when the lambda runs
}

void viewOfReferenceHandle(std::vector<std::string> &names) {
  std::string &n = names.back();
  std::string_view sv = n;
  post([sv] { use(sv.size()); });
  // CHECK: :[[@LINE-1]]:9: warning: lambda passed to 'post' captures view 'sv' into 'names'; the task may run after the element is erased or moved [containers-escaping-element-capture]
  // CHECK: :[[@LINE-3]]:20: note: 'sv' is obtained from 'names' here
  // CHECK: :[[@LINE-3]]:3: note: the lambda is passed to 'post' here
  // CHECK: :[[@LINE-4]]:9: note: capture the element by value, a shared_ptr to it, or its key to look it up when the lambda runs
}

void viewOfLocal() {
  // Near miss: a view of a local string, not of an element.
  std::string name;
  std::string_view sv = name;
  keep([sv] { use(sv.size()); });
}

void spanOfElement(std::vector<std::vector<int>> &rows, int i) {
  std::span<int> row(rows[i]);
  post([row] { use(row.size()); });
  // CHECK: :[[@LINE-1]]:9: warning: lambda passed to 'post' captures view 'row' into 'rows'; the task may run after the element is erased or moved [containers-escaping-element-capture]
  // CHECK: :[[@LINE-3]]:18: note: 'row' is obtained from 'rows' here
  // CHECK: :[[@LINE-3]]:3: note: the lambda is passed to 'post' here
  // CHECK: :[[@LINE-4]]:9: note: capture the element by value, a shared_ptr to it, or its key to look it up when the lambda runs
}

void loopVariableCopy(std::vector<Session> &sessions) {
  // Near miss: the loop variable is a copy.
  for (Session s : sessions)
    post([s]() mutable { s.send(6); });
}

void pointerElement(std::vector<Session *> &sessions) {
  // Near miss: an element that is a pointer, copied: it points elsewhere.
  Session *p = sessions[0];
  post([p] { p->send(7); });
}

void findArrow(std::map<int, int> &m, int k) {
  int &value = m.find(k)->second;
  post([&value] { use(value); });
  // CHECK: :[[@LINE-1]]:10: warning: lambda passed to 'post' captures reference 'value' into 'm'; the task may run after the element is erased or moved [containers-escaping-element-capture]
  // CHECK: :[[@LINE-3]]:8: note: 'value' is obtained from 'm' here
  // CHECK: :[[@LINE-3]]:3: note: the lambda is passed to 'post' here
  // CHECK: :[[@LINE-4]]:10: note: capture the element by value, a shared_ptr to it, or its key to look it up when the lambda runs
}

void derefIterator(std::map<int, int> &m, int k) {
  auto it = m.find(k);
  auto &entry = *it;
  post([&entry] { use(entry.second); });
  // CHECK: :[[@LINE-1]]:10: warning: lambda passed to 'post' captures reference 'entry' into 'm'; the task may run after the element is erased or moved [containers-escaping-element-capture]
  // CHECK: :[[@LINE-3]]:9: note: 'entry' is obtained from 'm' here
  // CHECK: :[[@LINE-3]]:3: note: the lambda is passed to 'post' here
  // CHECK: :[[@LINE-4]]:10: note: capture the element by value, a shared_ptr to it, or its key to look it up when the lambda runs
}

void cStrOfLocal() {
  // A std::string is a container: c_str() points into it.
  std::string name;
  const char *c = name.c_str();
  post([c] { use(*c); });
  // CHECK: :[[@LINE-1]]:9: warning: lambda passed to 'post' captures pointer 'c' into 'name'; the task may run after the element is erased or moved [containers-escaping-element-capture]
  // CHECK: :[[@LINE-3]]:15: note: 'c' is obtained from 'name' here
  // CHECK: :[[@LINE-3]]:3: note: the lambda is passed to 'post' here
  // CHECK: :[[@LINE-4]]:9: note: capture the element by value, a shared_ptr to it, or its key to look it up when the lambda runs
}

// --- LambdaEscape: where the lambda goes --------------------------------------

struct Owner {
  std::function<void()> cb_;
  std::vector<std::function<void()>> queue_;
  std::thread worker_;

  void throughLocalFunction(std::vector<int> &v) {
    int &x = v[0];
    std::function<void()> f = [&x] { use(x); };
    // CHECK: :[[@LINE-1]]:33: warning: lambda stored in 'cb_' captures reference 'x' into 'v'; the stored lambda may run after the element is erased or moved [containers-escaping-element-capture]
    // CHECK: :[[@LINE-3]]:10: note: 'x' is obtained from 'v' here
    // CHECK: :[[@LINE+2]]:9: note: the lambda is stored in 'cb_' here
    // CHECK: :[[@LINE-4]]:33: note: capture the element by value, a shared_ptr to it, or its key to look it up when the lambda runs
    cb_ = f;
  }

  void throughMove(std::vector<int> &v) {
    int &x = v[0];
    auto task = [&x] { use(x); };
    // CHECK: :[[@LINE-1]]:19: warning: lambda stored in 'queue_' captures reference 'x' into 'v'; the stored lambda may run after the element is erased or moved [containers-escaping-element-capture]
    // CHECK: :[[@LINE-3]]:10: note: 'x' is obtained from 'v' here
    // CHECK: :[[@LINE+2]]:12: note: the lambda is stored in 'queue_' here
    // CHECK: :[[@LINE-4]]:19: note: capture the element by value, a shared_ptr to it, or its key to look it up when the lambda runs
    queue_.push_back(std::move(task));
  }

  void memberThread(std::vector<int> &v) {
    int &x = v[0];
    worker_ = std::thread([&x] { use(x); });
    // CHECK: :[[@LINE-1]]:29: warning: lambda passed to 'std::thread' captures reference 'x' into 'v'; the thread may run after the element is erased or moved [containers-escaping-element-capture]
    // CHECK: :[[@LINE-3]]:10: note: 'x' is obtained from 'v' here
    // CHECK: :[[@LINE-3]]:15: note: the lambda is passed to 'std::thread' here
    // CHECK: :[[@LINE-4]]:29: note: capture the element by value, a shared_ptr to it, or its key to look it up when the lambda runs
  }

  void memberThreadJoined(std::vector<int> &v) {
    // Near miss: the member thread is joined before the clear.
    int &x = v[0];
    worker_ = std::thread([&x] { use(x); });
    worker_.join();
    v.clear();
  }
};

void unknownCallee(std::vector<int> &v) {
  // Near miss: a function that takes a std::function may or may not store
  // it; it is not an executor.
  int &x = v[0];
  keep([&x] { use(x); });
}

void nestedPost(std::vector<int> &v) {
  post([&v] {
    int &x = v[0];
    post([&x] { use(x); });
    // CHECK: :[[@LINE-1]]:12: warning: lambda passed to 'post' captures reference 'x' into 'v'; the task may run after the element is erased or moved [containers-escaping-element-capture]
    // CHECK: :[[@LINE-3]]:10: note: 'x' is obtained from 'v' here
    // CHECK: :[[@LINE-3]]:5: note: the lambda is passed to 'post' here
    // CHECK: :[[@LINE-4]]:12: note: capture the element by value, a shared_ptr to it, or its key to look it up when the lambda runs
  });
}

void threadAssignedLater(std::vector<int> &v) {
  // Near miss: assigned to a local thread, joined before the clear.
  int &x = v[0];
  std::thread t;
  t = std::thread([&x] { use(x); });
  t.join();
  v.clear();
}

void futuresJoinedInLoop(std::vector<int> &v) {
  // Near miss: every future is waited for in a loop.
  std::vector<std::future<void>> pending;
  for (int &x : v)
    pending.push_back(std::async(std::launch::async, [&x] { use(x); }));
  for (auto &f : pending)
    f.get();
  v.clear();
}

void futuresScope(std::vector<int> &v) {
  // Near miss: a local container of std::async futures waits when it is
  // destroyed, before the clear.
  {
    std::vector<std::future<void>> pending;
    for (int &x : v)
      pending.push_back(std::async(std::launch::async, [&x] { use(x); }));
  }
  v.clear();
}

void localExecutorRunsLater(std::vector<int> &v) {
  // The handler runs in io.run(), after the growth.
  IoContext io;
  int &x = v[0];
  post(io, [&x] { use(x); });
  // CHECK: :[[@LINE-1]]:14: warning: lambda passed to 'post' captures reference 'x' into 'v', and 'v' is modified by 'push_back' at line [[@LINE+5]] while the task may still run [containers-escaping-element-capture]
  // CHECK: :[[@LINE-3]]:8: note: 'x' is obtained from 'v' here
  // CHECK: :[[@LINE-3]]:3: note: the lambda is passed to 'post' here
  // CHECK: :[[@LINE+2]]:5: note: 'v' is modified by 'push_back' here
  // CHECK: :[[@LINE-5]]:14: note: capture the element by value, a shared_ptr to it, or its key to look it up when the lambda runs
  v.push_back(1);
  io.run();
}

void localExecutorDone(std::vector<int> &v) {
  // Near miss: the tasks of a local executor end with it.
  {
    IoContext io;
    int &x = v[0];
    post(io, [&x] { use(x); });
    io.run();
  }
  v.push_back(1);
}

void asyncMayDefer(std::vector<int> &v) {
  // async | deferred may run on another thread.
  int &x = v[0];
  auto f = std::async(std::launch::async | std::launch::deferred, [&x] { use(x); });
  // CHECK: :[[@LINE-1]]:69: warning: lambda passed to 'std::async' captures reference 'x' into 'v', and 'v' is modified by 'push_back' at line [[@LINE+5]] while the task may still run [containers-escaping-element-capture]
  // CHECK: :[[@LINE-3]]:8: note: 'x' is obtained from 'v' here
  // CHECK: :[[@LINE-3]]:12: note: the lambda is passed to 'std::async' here
  // CHECK: :[[@LINE+2]]:5: note: 'v' is modified by 'push_back' here
  // CHECK: :[[@LINE-5]]:69: note: capture the element by value, a shared_ptr to it, or its key to look it up when the lambda runs
  v.push_back(1);
  f.get();
}

void jthreadsScope(std::vector<int> &v) {
  // Near miss: a local container of jthreads joins when it is destroyed.
  {
    std::vector<std::jthread> workers;
    for (int &x : v)
      workers.emplace_back([&x] { use(x); });
  }
  v.clear();
}

void jthreadsClearedInScope(std::vector<int> &v) {
  std::vector<std::jthread> workers;
  for (int &x : v)
    workers.emplace_back([&x] { use(x); });
    // CHECK: :[[@LINE-1]]:28: warning: lambda passed to 'std::jthread' captures reference 'x' into 'v', and 'v' is cleared at line [[@LINE+5]] while the thread may still run [containers-escaping-element-capture]
    // CHECK: :[[@LINE-3]]:13: note: 'x' is obtained from 'v' here
    // CHECK: :[[@LINE-3]]:5: note: the lambda is passed to 'std::jthread' here
    // CHECK: :[[@LINE+2]]:5: note: 'v' is cleared here
    // CHECK: :[[@LINE-5]]:28: note: capture the element by value, a shared_ptr to it, or its key to look it up when the lambda runs
  v.clear();
}

void joinedInLoopBody(std::vector<int> &v) {
  // Near miss: each thread is joined in the same iteration.
  for (int &x : v) {
    std::thread t([&x] { use(x); });
    t.join();
  }
  v.clear();
}
