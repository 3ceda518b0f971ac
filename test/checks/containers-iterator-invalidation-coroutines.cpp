// Coroutines and structured bindings: co_return leaves the loop.
// RUN: %clang_tidy -checks='-*,containers-iterator-invalidation' %s -- %mock_std -I %inputs \
// RUN:   | FileCheck %s -implicit-check-not='{{warning|error}}:'

#include "mock_coroutine.h"
#include <map>
#include <vector>

Task drain(std::vector<int> &queue) {
  for (int job : queue)
    if (job < 0) {
      queue.clear();
      co_return;
    }
  for (int job : queue)
    queue.push_back(job);
  // CHECK: :[[@LINE-1]]:11: warning: 'queue' is modified by 'push_back' while a range-based for loop iterates it; the loop's iterator is invalidated [containers-iterator-invalidation]
  // CHECK: :[[@LINE-3]]:18: note: the range-based for loop iterates 'queue' here
  co_return;
}

Task expire(std::map<int, int> &timers) {
  for (const auto &[id, deadline] : timers)
    if (deadline == 0)
      timers.erase(id);
  // CHECK: :[[@LINE-1]]:14: warning: 'timers' is modified by 'erase', which erases the element the range-based for loop is visiting; the loop's iterator is invalidated [containers-iterator-invalidation]
  // CHECK: :[[@LINE-4]]:37: note: the range-based for loop iterates 'timers' here
  co_return;
}
