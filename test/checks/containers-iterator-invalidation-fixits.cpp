// The erase-in-iterator-loop fix-it, offered only where the rewrite is exact.
// RUN: sed -e 's#// FIXED.*##' %s > %t.cpp
// RUN: %clang_tidy -checks='-*,containers-iterator-invalidation' %t.cpp -- %mock_std \
// RUN:   | FileCheck %s -implicit-check-not='{{warning|error}}:'
// RUN: %clang_tidy -checks='-*,containers-iterator-invalidation' -fix %t.cpp -- %mock_std > /dev/null 2>&1
// RUN: FileCheck %s -check-prefix=FIXED -input-file=%t.cpp

#include <list>
#include <map>
#include <vector>

bool dead(int);

void exactShape(std::list<int> &l) {
  for (auto it = l.begin(); it != l.end(); ++it)
    if (dead(*it))
      l.erase(it);
  // CHECK: :[[@LINE-1]]:9: warning: 'erase' on 'l' invalidates iterator 'it', which is used afterwards [containers-iterator-invalidation]
  // CHECK: :[[@LINE-4]]:13: note: 'it' is obtained from 'l' here
  // CHECK: :[[@LINE-5]]:46: note: 'it' is used here
}
// FIXED: for (auto it = l.begin(); it != l.end(); )
// FIXED-NEXT: if (dead(*it))
// FIXED-NEXT: it = l.erase(it);
// FIXED-NEXT: {{^    }}else
// FIXED-NEXT: {{^      }}++it;

void bracedShape(std::map<int, int> &m) {
  for (auto it = m.begin(); it != m.end(); it++) {
    int key = it->first;
    if (dead(key)) {
      m.erase(it);
    }
  }
  // CHECK: :[[@LINE-3]]:9: warning: 'erase' on 'm' invalidates iterator 'it', which is used afterwards
  // CHECK: :[[@LINE-7]]:13: note: 'it' is obtained from 'm' here
  // CHECK: :[[@LINE-8]]:44: note: 'it' is used here
}
// FIXED: for (auto it = m.begin(); it != m.end(); ) {
// FIXED-NEXT: int key = it->first;
// FIXED-NEXT: if (dead(key)) {
// FIXED-NEXT: it = m.erase(it);
// FIXED-NEXT: }
// FIXED-NEXT: {{^    }}else
// FIXED-NEXT: {{^      }}++it;

void notTheLastStatement(std::list<int> &l, std::vector<int> &log) {
  // Near miss for the fix-it: a statement after the if would see the
  // advanced iterator; only the note is given.
  for (auto it = l.begin(); it != l.end(); ++it) {
    if (dead(*it))
      l.erase(it);
    log.push_back(0);
  }
  // CHECK: :[[@LINE-3]]:9: warning: 'erase' on 'l' invalidates iterator 'it', which is used afterwards
  // CHECK: :[[@LINE-6]]:13: note: 'it' is obtained from 'l' here
  // CHECK: :[[@LINE-7]]:46: note: 'it' is used here
  // CHECK: :[[@LINE-6]]:9: note: use the iterator that 'erase' returns ('it = l.erase(it)') and advance 'it' only when nothing was erased
}
// FIXED: for (auto it = l.begin(); it != l.end(); ++it) {
// FIXED-NEXT: if (dead(*it))
// FIXED-NEXT: l.erase(it);
