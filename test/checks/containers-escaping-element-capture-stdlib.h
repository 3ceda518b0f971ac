// Shared by containers-escaping-element-capture-libstdcxx.cpp and -libcxx.cpp:
// the real <thread>, <future>, <functional>, <string_view> and containers.
#include <deque>
#include <functional>
#include <future>
#include <map>
#include <string>
#include <string_view>
#include <thread>
#include <unordered_map>
#include <vector>

void use(std::size_t);

struct Jobs {
  std::map<std::string, int> tasks;
  std::deque<std::function<void()>> queue;
  std::function<void()> onDone;

  void start(const std::string &k) {
    int &n = tasks[k];
    std::thread([&n] { use(n); }).detach();
    // CHECK: containers-escaping-element-capture-stdlib.h:[[@LINE-1]]:19: warning: lambda passed to 'std::thread' captures reference 'n' into 'tasks', and 'tasks' is erased at line [[@LINE+5]] while the thread may still run [containers-escaping-element-capture]
    // CHECK: containers-escaping-element-capture-stdlib.h:[[@LINE-3]]:10: note: 'n' is obtained from 'tasks' here
    // CHECK: containers-escaping-element-capture-stdlib.h:[[@LINE-3]]:5: note: the lambda is passed to 'std::thread' here
    // CHECK: containers-escaping-element-capture-stdlib.h:[[@LINE+2]]:11: note: 'tasks' is erased here
    // CHECK: containers-escaping-element-capture-stdlib.h:[[@LINE-5]]:19: note: capture the element by value, a shared_ptr to it, or its key to look it up when the lambda runs
    tasks.erase(k);
  }

  void later(std::vector<std::string> &names, std::size_t i) {
    queue.push_back([sv = std::string_view(names[i])] { use(sv.size()); });
    // CHECK: containers-escaping-element-capture-stdlib.h:[[@LINE-1]]:22: warning: lambda stored in 'queue' captures view 'sv' into 'names'; the stored lambda may run after the element is erased or moved [containers-escaping-element-capture]
    // CHECK: containers-escaping-element-capture-stdlib.h:[[@LINE-2]]:11: note: the lambda is stored in 'queue' here
    // CHECK: containers-escaping-element-capture-stdlib.h:[[@LINE-3]]:22: note: capture the element by value, a shared_ptr to it, or its key to look it up when the lambda runs
    auto it = tasks.find("x");
    onDone = [it] { use(it->second); };
    // CHECK: containers-escaping-element-capture-stdlib.h:[[@LINE-1]]:15: warning: lambda stored in 'onDone' captures iterator 'it' into 'tasks', and 'tasks' is erased in 'Jobs::start' while the stored lambda may still run [containers-escaping-element-capture]
    // CHECK: containers-escaping-element-capture-stdlib.h:[[@LINE-3]]:10: note: 'it' is obtained from 'tasks' here
    // CHECK: containers-escaping-element-capture-stdlib.h:[[@LINE-3]]:12: note: the lambda is stored in 'onDone' here
    // CHECK: containers-escaping-element-capture-stdlib.h:[[@LINE-13]]:11: note: 'tasks' is erased here
    // CHECK: containers-escaping-element-capture-stdlib.h:[[@LINE-5]]:15: note: capture the element by value, a shared_ptr to it, or its key to look it up when the lambda runs
  }

  void waited(std::unordered_map<int, std::string> &m) {
    // Near misses: joined, waited, discarded future, run in place.
    std::string &s = m[1];
    std::thread t([&s] { use(s.size()); });
    t.join();
    auto f = std::async(std::launch::async, [&s] { use(s.size()); });
    f.get();
    std::async(std::launch::async, [&s] { use(s.size()); });
    std::invoke([&s] { use(s.size()); });
    m.clear();
  }

  void grows(std::vector<int> &v) {
    int &x = v.front();
    auto f = std::async([&x] { use(x); });
    // CHECK: containers-escaping-element-capture-stdlib.h:[[@LINE-1]]:27: warning: lambda passed to 'std::async' captures reference 'x' into 'v', and 'v' is modified by 'push_back' at line [[@LINE+5]] while the task may still run [containers-escaping-element-capture]
    // CHECK: containers-escaping-element-capture-stdlib.h:[[@LINE-3]]:10: note: 'x' is obtained from 'v' here
    // CHECK: containers-escaping-element-capture-stdlib.h:[[@LINE-3]]:14: note: the lambda is passed to 'std::async' here
    // CHECK: containers-escaping-element-capture-stdlib.h:[[@LINE+2]]:7: note: 'v' is modified by 'push_back' here
    // CHECK: containers-escaping-element-capture-stdlib.h:[[@LINE-5]]:27: note: capture the element by value, a shared_ptr to it, or its key to look it up when the lambda runs
    v.push_back(1);
    f.wait();
  }
};

// A thread member joined in the destructor, and a move out of a container.
class Worker {
  std::map<int, std::string> names_;
  std::thread thread_;

public:
  void start(int id) {
    // Near miss: joined before 'names_' is destroyed, never erased.
    std::string &n = names_[id];
    thread_ = std::thread([&n] { use(n.size()); });
  }
  void retire(std::map<int, std::string> &m) {
    std::string &n = m[1];
    std::thread([&n] { use(n.size()); }).detach();
    // CHECK: containers-escaping-element-capture-stdlib.h:[[@LINE-1]]:19: warning: lambda passed to 'std::thread' captures reference 'n' into 'm', and 'm' is moved from at line [[@LINE+5]] while the thread may still run [containers-escaping-element-capture]
    // CHECK: containers-escaping-element-capture-stdlib.h:[[@LINE-3]]:18: note: 'n' is obtained from 'm' here
    // CHECK: containers-escaping-element-capture-stdlib.h:[[@LINE-3]]:5: note: the lambda is passed to 'std::thread' here
    // CHECK: containers-escaping-element-capture-stdlib.h:[[@LINE+2]]:26: note: 'm' is moved from here
    // CHECK: containers-escaping-element-capture-stdlib.h:[[@LINE-5]]:19: note: capture the element by value, a shared_ptr to it, or its key to look it up when the lambda runs
    auto old = std::move(m);
  }
  ~Worker() {
    if (thread_.joinable())
      thread_.join();
  }
};
