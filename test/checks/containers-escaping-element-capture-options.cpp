// containers.ExecutorFunctions names the functions that may run a callable on
// another thread; a non-default list replaces the defaults.
// RUN: %clang_tidy -checks='-*,containers-escaping-element-capture' \
// RUN:   -config="{CheckOptions: [{key: containers.ExecutorFunctions, value: 'loop::Loop::runLater'}]}" \
// RUN:   %s -- %mock_std | FileCheck %s -implicit-check-not='{{warning|error}}:'
// RUN: %clang_tidy -checks='-*,containers-escaping-element-capture' \
// RUN:   -config="{CheckOptions: [{key: containers-escaping-element-capture.ExecutorFunctions, value: 'runLater'}]}" \
// RUN:   %s -- %mock_std | FileCheck %s -implicit-check-not='{{warning|error}}:'
// A malformed entry is a configuration error naming it; the defaults are used:
// RUN: not %clang_tidy -checks='-*,containers-escaping-element-capture' \
// RUN:   -config="{CheckOptions: [{key: containers.ExecutorFunctions, value: 'runLater;run later'}]}" \
// RUN:   %s -- %mock_std 2>&1 | FileCheck %s -check-prefix=BAD -implicit-check-not='warning:'
// BAD: error: invalid value 'runLater;run later' for option 'containers.ExecutorFunctions': 'run later' is not a function name (expected a name such as 'post' or a qualified one such as 'boost::asio::post'); the default is used [clang-tidy-config]

#include <functional>
#include <vector>

void post(std::function<void()>);
namespace loop {
struct Loop {
  void runLater(std::function<void()>);
};
} // namespace loop

void f(loop::Loop &l, std::vector<int> &v) {
  int &x = v[0];
  l.runLater([&x] { (void)x; });
  // CHECK: :[[@LINE-1]]:16: warning: lambda passed to 'runLater' captures reference 'x' into 'v'; the task may run after the element is erased or moved [containers-escaping-element-capture]
  // CHECK: :[[@LINE-3]]:8: note: 'x' is obtained from 'v' here
  // CHECK: :[[@LINE-3]]:3: note: the lambda is passed to 'runLater' here
  // CHECK: :[[@LINE-4]]:16: note: capture the element by value, a shared_ptr to it, or its key to look it up when the lambda runs
  // Near miss: 'post' is no longer an executor.
  post([&x] { (void)x; });
  // BAD: :[[@LINE-1]]:10: warning: lambda passed to 'post' captures reference 'x' into 'v'
}
