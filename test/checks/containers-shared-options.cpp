// A bad shared option is reported once, however many checks read it; the
// key it was read under is named (a check's own key wins over the shared
// one); a good value gives no error.
// RUN: not %clang_tidy -checks='-*,containers-*' \
// RUN:   -config="{CheckOptions: [{key: containers.ExecutorFunctions, value: 'run later'}, \
// RUN:                            {key: containers.ExtraContainers, value: 'mylib::Map'}]}" \
// RUN:   %s -- %mock_std 2>&1 | FileCheck %s -check-prefix=ONCE -implicit-check-not='error:'
// ONCE-DAG: error: invalid value 'run later' for option 'containers.ExecutorFunctions': 'run later' is not a function name (expected a name such as 'post' or a qualified one such as 'boost::asio::post'); the default is used [clang-tidy-config]
// ONCE-DAG: error: invalid value 'mylib::Map' for option 'containers.ExtraContainers': entry 'mylib::Map' is not of the form 'type-regex=family' (families: contiguous, deque, node-list, ordered, unordered, open-addressing); the option is ignored [clang-tidy-config]
//
// RUN: not %clang_tidy -checks='-*,containers-escaping-element-capture,containers-unsynchronized-mutation' \
// RUN:   -config="{CheckOptions: [{key: containers-escaping-element-capture.ExecutorFunctions, value: 'a b'}]}" \
// RUN:   %s -- %mock_std 2>&1 | FileCheck %s -check-prefix=OWN -implicit-check-not='error:'
// OWN: error: invalid value 'a b' for option 'containers-escaping-element-capture.ExecutorFunctions': 'a b' is not a function name
//
// RUN: %clang_tidy -checks='-*,containers-*' \
// RUN:   -config="{CheckOptions: [{key: containers.ExecutorFunctions, value: 'post;mylib::run_later'}, \
// RUN:                            {key: containers.ExtraContainers, value: 'mylib::Map=ordered'}]}" \
// RUN:   %s -- %mock_std 2>&1 | FileCheck %s -check-prefix=GOOD -allow-empty -implicit-check-not='{{error|warning}}:'

// GOOD-NOT: invalid value
#include <vector>
int total(const std::vector<int> &v) {
  int t = 0;
  for (int x : v)
    t += x;
  return t;
}
