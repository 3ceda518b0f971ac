// False positive 1 (containers-iterator-invalidation), reduced from
// leveldb 1.23 db/db_impl.cc:1256 (DBImpl::Write):
//   warning: 'pop_front' on 'writers' invalidates pointer 'ready', which is
//            used afterwards
// The deque holds pointers. 'ready' is a copy of the element's value (a
// Writer *), not a pointer into the deque, so pop_front() does not invalidate
// it: the Writer it points at lives elsewhere.
// Run: clang-tidy-19 --load=.../libContainersTidy.so \
//        -checks='-*,containers-*' 1.cpp -- -std=c++17
#include <deque>

struct Writer {
  bool done = false;
};

void drain(std::deque<Writer *> &writers) {
  while (!writers.empty()) {
    Writer *ready = writers.front();
    writers.pop_front();
    ready->done = true; // fine: 'ready' points at a Writer, not into 'writers'
  }
}

// Same root cause, also reported (W is any struct):
//   std::vector<W *> v;  W *p = v[0];    v.push_back(nullptr); p->x = 1;
//   std::vector<W *> v;  W *p = v.back(); v.pop_back();        p->x = 1;
//   std::vector<const char *> v;  const char *p = v[0];  v.clear();  *p;
// Not reported (the same copies spelled differently):
//   W *p = static_cast<W *>(d.front());   std::shared_ptr<W> p = d.front();
//   int v = d.front();                    auto it = vec_of_iterators.back();
