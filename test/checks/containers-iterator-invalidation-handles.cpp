// Iterators, references and pointers used after an operation that
// invalidates them, in straight-line code and iterator loops.
// RUN: %clang_tidy -checks='-*,containers-iterator-invalidation' %s -- %mock_std \
// RUN:   | FileCheck %s -implicit-check-not='{{warning|error}}:'

#include <deque>
#include <list>
#include <map>
#include <string>
#include <unordered_map>
#include <vector>

void use(int);
void useRef(const int &);

// --- references -------------------------------------------------------------

void referenceAfterPushBack(std::vector<int> &v, int x) {
  auto &first = v.front();
  v.push_back(x);
  // CHECK: :[[@LINE-1]]:5: warning: 'push_back' on 'v' invalidates reference 'first', which is used afterwards [containers-iterator-invalidation]
  // CHECK: :[[@LINE-3]]:9: note: 'first' is obtained from 'v' here
  // CHECK: :[[@LINE+1]]:7: note: 'first' is used here
  use(first);
}

void referenceWrittenAfterClear(std::vector<int> &v) {
  int &slot = v[3];
  v.clear();
  // CHECK: :[[@LINE-1]]:5: warning: 'clear' on 'v' invalidates reference 'slot', which is used afterwards
  // CHECK: :[[@LINE-3]]:8: note: 'slot' is obtained from 'v' here
  // CHECK: :[[@LINE+1]]:3: note: 'slot' is used here
  slot = 1;
}

void referenceThroughFindArrow(std::map<int, int> &m, int k) {
  int &value = m.find(k)->second;
  m.erase(k);
  // CHECK: :[[@LINE-1]]:5: warning: 'erase' on 'm' invalidates reference 'value', which is used afterwards
  // CHECK: :[[@LINE-3]]:8: note: 'value' is obtained from 'm' here
  // CHECK: :[[@LINE+1]]:7: note: 'value' is used here
  use(value);
}

void referenceThroughIterator(std::map<int, int> &m, int k) {
  auto it = m.find(k);
  auto &entry = *it;
  m.erase(it);
  // CHECK: :[[@LINE-1]]:5: warning: 'erase' on 'm' invalidates reference 'entry', which is used afterwards
  // CHECK: :[[@LINE-3]]:9: note: 'entry' is obtained from 'm' here
  // CHECK: :[[@LINE+1]]:7: note: 'entry' is used here
  use(entry.second);
}

void referenceSurvivesNodeInsertion(std::map<int, int> &m,
                                    std::unordered_map<int, int> &um,
                                    std::deque<int> &d, std::list<int> &l) {
  // Near misses: node containers keep references on insertion, unordered
  // maps keep them on rehash, a deque keeps them on push at either end.
  int &a = m[1];
  m[2] = 3;
  use(a);
  int &b = um[1];
  um.insert({5, 6});
  um[7] = 8;
  use(b);
  int &c = d.front();
  d.push_back(1);
  d.push_front(2);
  use(c);
  int &e = l.back();
  l.push_back(1);
  use(e);
}

void referenceToAnotherKey(std::map<int, int> &m, int k, int other) {
  // Near miss: erasing another key (or one that cannot be told apart).
  int &value = m.at(k);
  m.erase(other);
  use(value);
}

void referenceBoundAfter(std::vector<int> &v) {
  // Near miss: bound after the growth.
  v.push_back(1);
  int &last = v.back();
  use(last);
}

void referenceAfterReserve(std::vector<int> &v) {
  // Documented rule: growth after reserve() is taken as not reallocating.
  v.reserve(v.size() + 1);
  int &first = v.front();
  v.push_back(2);
  use(first);
}

void referenceUsedBeforeOnly(std::vector<int> &v) {
  // Near miss: used before the growth only.
  int &first = v.front();
  use(first);
  v.push_back(first);
}

struct Inbox {
  std::vector<int> pending;
};
void referenceThroughBinding(std::map<int, Inbox> &boxes) {
  // The container is a member of a structured binding.
  for (auto &[id, box] : boxes) {
    int &first = box.pending.front();
    box.pending.push_back(id);
    // CHECK: :[[@LINE-1]]:17: warning: 'push_back' on 'box.pending' invalidates reference 'first', which is used afterwards
    // CHECK: :[[@LINE-3]]:10: note: 'first' is obtained from 'box.pending' here
    // CHECK: :[[@LINE+1]]:9: note: 'first' is used here
    use(first);
  }
}

// --- pointers -------------------------------------------------------------

void pointerDereferencedAfterResize(std::vector<int> &v) {
  int *data = v.data();
  v.resize(100);
  // CHECK: :[[@LINE-1]]:5: warning: 'resize' on 'v' invalidates pointer 'data', which is used afterwards
  // CHECK: :[[@LINE-3]]:8: note: 'data' is obtained from 'v' here
  // CHECK: :[[@LINE+1]]:3: note: 'data' is used here
  data[0] = 1;
}

void pointerToElement(std::vector<int> &v, std::string &s) {
  int *p = &v[0];
  v.emplace_back(3);
  // CHECK: :[[@LINE-1]]:5: warning: 'emplace_back' on 'v' invalidates pointer 'p', which is used afterwards
  // CHECK: :[[@LINE-3]]:8: note: 'p' is obtained from 'v' here
  // CHECK: :[[@LINE+1]]:8: note: 'p' is used here
  use(*p);
  const char *text = s.c_str();
  s += "!";
  // CHECK: :[[@LINE-1]]:5: warning: 'operator+=' on 's' invalidates pointer 'text', which is used afterwards
  // CHECK: :[[@LINE-3]]:15: note: 'text' is obtained from 's' here
  // CHECK: :[[@LINE+1]]:7: note: 'text' is used here
  use(text[0]);
}

struct Writer {
  bool done;
};
void containerOfPointers(std::deque<Writer *> &writers,
                         std::vector<Writer *> &all) {
  // Near miss (leveldb's DBImpl::Write): 'ready' copies the element's value,
  // a pointer to a Writer that lives elsewhere; pop_front() destroys only the
  // stored pointer.
  while (writers.size() > 0) {
    Writer *ready = writers.front();
    writers.pop_front();
    ready->done = true;
  }
  Writer *first = all[0];
  all.push_back(nullptr);
  first->done = true;
  // But a pointer to the stored pointer does dangle.
  Writer **slot = &all.back();
  all.pop_back();
  // CHECK: :[[@LINE-1]]:7: warning: 'pop_back' on 'all' invalidates pointer 'slot', which is used afterwards
  // CHECK: :[[@LINE-3]]:12: note: 'slot' is obtained from 'all' here
  // CHECK: :[[@LINE+1]]:5: note: 'slot' is used here
  (*slot)->done = true;
}

void pointerNotDereferenced(std::vector<int> &v) {
  // Near misses: the dangling pointer is reset, or re-pointed, not read.
  int *p = &v[0];
  v.clear();
  p = nullptr;
  int *q = &v.front();
  v.push_back(1);
  q = &v.front();
  use(*q);
}

// --- iterators ------------------------------------------------------------

int iteratorAfterEraseByKey(std::map<int, int> &m, int k) {
  auto it = m.find(k);
  m.erase(k);
  // CHECK: :[[@LINE-1]]:5: warning: 'erase' on 'm' invalidates iterator 'it', which is used afterwards
  // CHECK: :[[@LINE-3]]:8: note: 'it' is obtained from 'm' here
  // CHECK: :[[@LINE+1]]:10: note: 'it' is used here
  return it->second;
}

void iteratorAfterRehash(std::unordered_map<int, int> &m, int k) {
  auto it = m.find(k);
  m.emplace(k + 1, 0);
  // CHECK: :[[@LINE-1]]:5: warning: 'emplace' on 'm' invalidates iterator 'it', which is used afterwards
  // CHECK: :[[@LINE-3]]:8: note: 'it' is obtained from 'm' here
  // CHECK: :[[@LINE+1]]:7: note: 'it' is used here
  use(it->second);
}

void dequeIteratorAfterPush(std::deque<int> &d) {
  auto it = d.begin();
  d.push_back(1);
  // CHECK: :[[@LINE-1]]:5: warning: 'push_back' on 'd' invalidates iterator 'it', which is used afterwards
  // CHECK: :[[@LINE-3]]:8: note: 'it' is obtained from 'd' here
  // CHECK: :[[@LINE+1]]:8: note: 'it' is used here
  use(*it);
}

void eraseInIteratorLoop(std::list<int> &l) {
  for (auto it = l.begin(); it != l.end(); ++it)
    if (*it == 0)
      l.erase(it);
  // CHECK: :[[@LINE-1]]:9: warning: 'erase' on 'l' invalidates iterator 'it', which is used afterwards
  // CHECK: :[[@LINE-4]]:13: note: 'it' is obtained from 'l' here
  // CHECK: :[[@LINE-5]]:46: note: 'it' is used here
}

void growInIteratorLoop(std::vector<int> &v) {
  for (auto it = v.begin(); it != v.end(); ++it)
    if (*it < 0)
      v.push_back(-*it);
  // CHECK: :[[@LINE-1]]:9: warning: 'push_back' on 'v' invalidates iterator 'it', which is used afterwards
  // CHECK: :[[@LINE-4]]:13: note: 'it' is obtained from 'v' here
  // CHECK: :[[@LINE-5]]:46: note: 'it' is used here
}

void iteratorIdioms(std::map<int, int> &m, std::vector<int> &v) {
  // Near misses: the idioms that keep the iterator valid.
  for (auto it = m.begin(); it != m.end();)
    if (it->second == 0)
      it = m.erase(it);
    else
      ++it;
  for (auto it = m.begin(); it != m.end();)
    if (it->second == 0)
      m.erase(it++);
    else
      ++it;
  for (auto it = v.begin(); it != v.end(); ++it)
    if (*it == 0) {
      v.erase(it);
      break;
    }
  auto it = v.begin();
  v.push_back(1);
  it = v.begin();
  use(*it);
}

void iteratorToAnotherKey(std::map<int, int> &m, int a, int b) {
  // Near miss: erasing some other key leaves 'it' valid in a map.
  auto it = m.find(a);
  m.erase(b);
  use(it->second);
}

// --- inside lambdas and templates -------------------------------------------

template <class T> T firstAfterGrowth(std::vector<T> &v) {
  T &first = v.front();
  v.push_back(T());
  // CHECK: :[[@LINE-1]]:5: warning: 'push_back' on 'v' invalidates reference 'first', which is used afterwards
  // CHECK: :[[@LINE-3]]:6: note: 'first' is obtained from 'v' here
  // CHECK: :[[@LINE+1]]:10: note: 'first' is used here
  return first;
}
int instantiateTwice(std::vector<int> &a, std::vector<long> &b) {
  return firstAfterGrowth(a) + static_cast<int>(firstAfterGrowth(b));
}

void handleInLambda(std::vector<int> &v) {
  auto f = [&v] {
    auto &last = v.back();
    v.pop_back();
    // CHECK: :[[@LINE-1]]:7: warning: 'pop_back' on 'v' invalidates reference 'last', which is used afterwards
    // CHECK: :[[@LINE-3]]:11: note: 'last' is obtained from 'v' here
    // CHECK: :[[@LINE+1]]:9: note: 'last' is used here
    use(last);
  };
  f();
}
