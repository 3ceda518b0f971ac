// Structured bindings of range-for variables captured by lambdas (C++20;
// Clang 16 and later can capture a structured binding).
// UNSUPPORTED: llvm-14, llvm-15
// RUN: %clang_tidy -checks='-*,containers-escaping-element-capture' %s -- %mock_std \
// RUN:   | FileCheck %s -implicit-check-not='{{warning|error}}:'

#include <functional>
#include <map>

struct Session {
  void send(int);
};
void use(int);
void post(std::function<void()> task);

void postBinding(std::map<int, Session> &sessions) {
  // A structured binding of the range-for variable names part of the element.
  for (auto &[id, s] : sessions)
    post([&s] { s.send(3); });
    // CHECK: :[[@LINE-1]]:12: warning: lambda passed to 'post' captures reference 's' into 'sessions'; the task may run after the element is erased or moved [containers-escaping-element-capture]
    // CHECK: :[[@LINE-3]]:19: note: 's' is obtained from 'sessions' here
    // CHECK: :[[@LINE-3]]:5: note: the lambda is passed to 'post' here
    // CHECK: :[[@LINE-4]]:12: note: capture the element by value, a shared_ptr to it, or its key to look it up when the lambda runs
}

void bindingsByValue(std::map<int, Session> &m) {
  // Near miss: `auto [id, s]` binds a copy of the element.
  for (auto [id, s] : m)
    post([&s] { s.send(5); });
}

void bindingKeyByReference(std::map<int, Session> &m) {
  // The key binding of a reference loop names the key inside the element.
  for (auto &[id, s] : m)
    post([&id] { use(id); });
    // CHECK: :[[@LINE-1]]:12: warning: lambda passed to 'post' captures reference 'id' into 'm'; the task may run after the element is erased or moved [containers-escaping-element-capture]
    // CHECK: :[[@LINE-3]]:15: note: 'id' is obtained from 'm' here
    // CHECK: :[[@LINE-3]]:5: note: the lambda is passed to 'post' here
    // CHECK: :[[@LINE-4]]:12: note: capture the element by value, a shared_ptr to it, or its key to look it up when the lambda runs
}
