// containers-escaping-element-capture: the function that lets the lambda
// escape later moves out of the container (the element changes owner while
// the lambda may still run); each case is paired with its near miss.
// RUN: %clang_tidy -checks='-*,containers-escaping-element-capture' %s -- %mock_std \
// RUN:   | FileCheck %s -implicit-check-not='{{warning|error}}:'

#include <functional>
#include <map>
#include <string>
#include <thread>
#include <utility>

struct WaitGroup {
  void done();
};
using Tasks = std::map<std::string, WaitGroup>;
void post(std::function<void()> task);
void consume(Tasks tasks);
void sink(Tasks &&tasks);

void movedIntoLocal(Tasks &tasks) {
  // The local that takes the elements is destroyed when the function
  // returns, while the thread may still run.
  auto &wg = tasks["t1"];
  std::thread([&wg] { wg.done(); }).detach();
  // CHECK: :[[@LINE-1]]:17: warning: lambda passed to 'std::thread' captures reference 'wg' into 'tasks', and 'tasks' is moved from at line [[@LINE+5]] while the thread may still run [containers-escaping-element-capture]
  // CHECK: :[[@LINE-3]]:9: note: 'wg' is obtained from 'tasks' here
  // CHECK: :[[@LINE-3]]:3: note: the lambda is passed to 'std::thread' here
  // CHECK: :[[@LINE+2]]:24: note: 'tasks' is moved from here
  // CHECK: :[[@LINE-5]]:17: note: capture the element by value, a shared_ptr to it, or its key to look it up when the lambda runs
  auto old = std::move(tasks);
}

void movedByValueArgument(Tasks &tasks) {
  // A by-value parameter is move-constructed from the container.
  auto &wg = tasks["t1"];
  post([&wg] { wg.done(); });
  // CHECK: :[[@LINE-1]]:10: warning: lambda passed to 'post' captures reference 'wg' into 'tasks', and 'tasks' is moved from at line [[@LINE+5]] while the task may still run [containers-escaping-element-capture]
  // CHECK: :[[@LINE-3]]:9: note: 'wg' is obtained from 'tasks' here
  // CHECK: :[[@LINE-3]]:3: note: the lambda is passed to 'post' here
  // CHECK: :[[@LINE+2]]:21: note: 'tasks' is moved from here
  // CHECK: :[[@LINE-5]]:10: note: capture the element by value, a shared_ptr to it, or its key to look it up when the lambda runs
  consume(std::move(tasks));
}

struct Scheduler {
  Tasks pending_;
  Tasks retired_;
  std::function<void()> onDone_;

  void retire() {
    // Move assignment out of a member, with a stored callback.
    auto it = pending_.find("t1");
    onDone_ = [it] { it->second.done(); };
    // CHECK: :[[@LINE-1]]:16: warning: lambda stored in 'onDone_' captures iterator 'it' into 'pending_', and 'pending_' is moved from at line [[@LINE+5]] while the stored lambda may still run [containers-escaping-element-capture]
    // CHECK: :[[@LINE-3]]:10: note: 'it' is obtained from 'pending_' here
    // CHECK: :[[@LINE-3]]:13: note: the lambda is stored in 'onDone_' here
    // CHECK: :[[@LINE+2]]:26: note: 'pending_' is moved from here
    // CHECK: :[[@LINE-5]]:16: note: capture the element by value, a shared_ptr to it, or its key to look it up when the lambda runs
    retired_ = std::move(pending_);
  }

  void retireOther() {
    // Near miss: the move here is of the other member and is not named; the
    // move out of 'pending_' in retire() is.
    auto &wg = pending_["t1"];
    onDone_ = [&wg] { wg.done(); };
    // CHECK: :[[@LINE-1]]:17: warning: lambda stored in 'onDone_' captures reference 'wg' into 'pending_', and 'pending_' is moved from in 'Scheduler::retire' while the stored lambda may still run [containers-escaping-element-capture]
    // CHECK: :[[@LINE-3]]:11: note: 'wg' is obtained from 'pending_' here
    // CHECK: :[[@LINE-3]]:13: note: the lambda is stored in 'onDone_' here
    // CHECK: :[[@LINE-11]]:26: note: 'pending_' is moved from here
    // CHECK: :[[@LINE-5]]:17: note: capture the element by value, a shared_ptr to it, or its key to look it up when the lambda runs
    Tasks old = std::move(retired_);
  }
};

void otherContainerMoved(Tasks &tasks, Tasks &done) {
  // Near miss: a different container is moved from; no note.
  auto &wg = tasks["t1"];
  std::thread([&wg] { wg.done(); }).detach();
  // CHECK: :[[@LINE-1]]:17: warning: lambda passed to 'std::thread' captures reference 'wg' into 'tasks'; the thread may run after the element is erased or moved [containers-escaping-element-capture]
  // CHECK: :[[@LINE-3]]:9: note: 'wg' is obtained from 'tasks' here
  // CHECK: :[[@LINE-3]]:3: note: the lambda is passed to 'std::thread' here
  // CHECK: :[[@LINE-4]]:17: note: capture the element by value, a shared_ptr to it, or its key to look it up when the lambda runs
  auto old = std::move(done);
}

void elementValueMoved(Tasks &tasks) {
  // Near miss: an element's value is moved, not the container; no note.
  auto &wg = tasks["t1"];
  std::thread([&wg] { wg.done(); }).detach();
  // CHECK: :[[@LINE-1]]:17: warning: lambda passed to 'std::thread' captures reference 'wg' into 'tasks'; the thread may run after the element is erased or moved [containers-escaping-element-capture]
  // CHECK: :[[@LINE-3]]:9: note: 'wg' is obtained from 'tasks' here
  // CHECK: :[[@LINE-3]]:3: note: the lambda is passed to 'std::thread' here
  // CHECK: :[[@LINE-4]]:17: note: capture the element by value, a shared_ptr to it, or its key to look it up when the lambda runs
  WaitGroup moved = std::move(tasks["t2"]);
}

void swapped(Tasks &tasks, Tasks &other) {
  // Near miss: swap keeps handles valid, pointing into the other container
  // ([container.reqmts]/49, the swap row of lib/ContainerModel.cpp); no note.
  auto &wg = tasks["t1"];
  std::thread([&wg] { wg.done(); }).detach();
  // CHECK: :[[@LINE-1]]:17: warning: lambda passed to 'std::thread' captures reference 'wg' into 'tasks'; the thread may run after the element is erased or moved [containers-escaping-element-capture]
  // CHECK: :[[@LINE-3]]:9: note: 'wg' is obtained from 'tasks' here
  // CHECK: :[[@LINE-3]]:3: note: the lambda is passed to 'std::thread' here
  // CHECK: :[[@LINE-4]]:17: note: capture the element by value, a shared_ptr to it, or its key to look it up when the lambda runs
  tasks.swap(other);
}

void rvalueReferenceParameter(Tasks &tasks) {
  // Near miss: `sink` takes an rvalue reference and may not move; no note.
  auto &wg = tasks["t1"];
  std::thread([&wg] { wg.done(); }).detach();
  // CHECK: :[[@LINE-1]]:17: warning: lambda passed to 'std::thread' captures reference 'wg' into 'tasks'; the thread may run after the element is erased or moved [containers-escaping-element-capture]
  // CHECK: :[[@LINE-3]]:9: note: 'wg' is obtained from 'tasks' here
  // CHECK: :[[@LINE-3]]:3: note: the lambda is passed to 'std::thread' here
  // CHECK: :[[@LINE-4]]:17: note: capture the element by value, a shared_ptr to it, or its key to look it up when the lambda runs
  sink(std::move(tasks));
}

void movedBeforeEscape(Tasks &tasks) {
  // Near miss: the move comes before the lambda escapes; no note.
  auto &wg = tasks["t1"];
  Tasks old = std::move(tasks);
  std::thread([&wg] { wg.done(); }).detach();
  // CHECK: :[[@LINE-1]]:17: warning: lambda passed to 'std::thread' captures reference 'wg' into 'tasks'; the thread may run after the element is erased or moved [containers-escaping-element-capture]
  // CHECK: :[[@LINE-4]]:9: note: 'wg' is obtained from 'tasks' here
  // CHECK: :[[@LINE-3]]:3: note: the lambda is passed to 'std::thread' here
  // CHECK: :[[@LINE-4]]:17: note: capture the element by value, a shared_ptr to it, or its key to look it up when the lambda runs
}

void joinedWhileOwnerLives(Tasks &tasks) {
  // Near miss: the element lives on in 'old' until the join; silent.
  auto &wg = tasks["t1"];
  std::thread t([&wg] { wg.done(); });
  Tasks old = std::move(tasks);
  t.join();
}

void joinedBeforeMove(Tasks &tasks) {
  // Near miss: joined before the move; silent.
  auto &wg = tasks["t1"];
  std::thread t([&wg] { wg.done(); });
  t.join();
  Tasks old = std::move(tasks);
}
