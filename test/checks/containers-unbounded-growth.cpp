// A long-lived container that is only ever inserted into grows for as long
// as it lives.
// RUN: %clang_tidy -checks='-*,containers-unbounded-growth' %s -- \
// RUN:   %mock_std -isystem %inputs/thirdparty -I %inputs/storage \
// RUN:   | FileCheck %s -implicit-check-not='{{warning|error}}:'

#include <absl/container/flat_hash_map.h>
#include <deque>
#include <functional>
#include <list>
#include <map>
#include <registry.h>
#include <set>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

std::string describe(int);

// --- positives ----------------------------------------------------------------

// Every name ever seen, at namespace scope.
static std::vector<std::string> g_names;
// CHECK-DAG: :[[@LINE-1]]:33: note: 'g_names' is declared here at namespace scope
void remember(const std::string &name) {
  g_names.push_back(name);
  // CHECK-DAG: :[[@LINE-1]]:11: warning: 'push_back' inserts into 'g_names', a long-lived container that is never erased from or bounded; it grows for as long as 'g_names' lives [containers-unbounded-growth]
}

namespace {
std::set<int> seen;
// CHECK-DAG: :[[@LINE-1]]:15: note: 'seen' is declared here at namespace scope
} // namespace
bool firstTime(int id) {
  return seen.insert(id).second;
  // CHECK-DAG: :[[@LINE-1]]:15: warning: 'insert' inserts into 'seen', a long-lived container
}

// A counter per key, keyed by a value from outside.
static std::map<std::string, int> g_hits;
// CHECK-DAG: :[[@LINE-1]]:35: note: 'g_hits' is declared here at namespace scope
void hit(const std::string &path) {
  g_hits[path] += 1;
  // CHECK-DAG: :[[@LINE-1]]:3: warning: 'operator[]' inserts into 'g_hits', a long-lived container
}

static std::unordered_map<int, std::string> g_descriptions;
// CHECK-DAG: :[[@LINE-1]]:45: note: 'g_descriptions' is declared here at namespace scope
void describeOnce(int id) {
  g_descriptions.emplace(id, describe(id));
  // CHECK-DAG: :[[@LINE-1]]:18: warning: 'emplace' inserts into 'g_descriptions'
}

// A memo table in a function-local static.
const std::string &memo(int id) {
  static std::map<int, std::string> cache;
  // CHECK-DAG: :[[@LINE-1]]:37: note: 'cache' is declared here as a function-local static
  auto [it, inserted] = cache.try_emplace(id, describe(id));
  // CHECK-DAG: :[[@LINE-1]]:31: warning: 'try_emplace' inserts into 'cache'
  return it->second;
}

// A private static data member.
class Stats {
public:
  void record(int sample) { samples_.push_back(sample); }
  // CHECK-DAG: :[[@LINE-1]]:38: warning: 'push_back' inserts into 'samples_'
private:
  static std::vector<int> samples_;
  // CHECK-DAG: :[[@LINE-1]]:27: note: 'samples_' is declared here as a static data member
};
std::vector<int> Stats::samples_;

// A member of a singleton (static accessor).
class Interner {
public:
  static Interner &get() {
    static Interner i;
    return i;
  }
  int intern(const std::string &s) {
    ids_.insert_or_assign(s, next_);
    // CHECK-DAG: :[[@LINE-1]]:10: warning: 'insert_or_assign' inserts into 'ids_'
    return next_++;
  }
private:
  std::unordered_map<std::string, int> ids_;
  // CHECK-DAG: :[[@LINE-1]]:40: note: 'ids_' is declared here as a member of 'Interner', which is used as a singleton
  int next_ = 0;
};

// A member of a singleton (a static instance).
class EventLog {
public:
  void add(int e) { events_.push_back(e); }
  // CHECK-DAG: :[[@LINE-1]]:29: warning: 'push_back' inserts into 'events_'
private:
  std::deque<int> events_;
  // CHECK-DAG: :[[@LINE-1]]:19: note: 'events_' is declared here as a member of 'EventLog', which is used as a singleton
};
static EventLog g_log;
void logEvent(int e) { g_log.add(e); }

static std::list<std::string> g_history;
// CHECK-DAG: :[[@LINE-1]]:31: note: 'g_history' is declared here at namespace scope
void pushHistory(int id) {
  g_history.push_front(describe(id));
  // CHECK-DAG: :[[@LINE-1]]:13: warning: 'push_front' inserts into 'g_history'
}

// A string appended to forever.
static std::string g_transcript;
// CHECK-DAG: :[[@LINE-1]]:20: note: 'g_transcript' is declared here at namespace scope
void say(const char *line) {
  g_transcript += line;
  // CHECK-DAG: :[[@LINE-1]]:16: warning: 'operator+=' inserts into 'g_transcript'
}

// Held through a pointer.
static auto *g_visited = new std::unordered_set<std::string>;
// CHECK-DAG: :[[@LINE-1]]:14: note: 'g_visited' is declared here at namespace scope
void visit(const std::string &url) {
  g_visited->emplace(url);
  // CHECK-DAG: :[[@LINE-1]]:14: warning: 'emplace' inserts into 'g_visited'
}

// External linkage, declared only in this file.
std::vector<int> g_exported;
// CHECK-DAG: :[[@LINE-1]]:18: note: 'g_exported' is declared here at namespace scope
void exportOne(int v) {
  g_exported.push_back(v);
  // CHECK-DAG: :[[@LINE-1]]:14: warning: 'push_back' inserts into 'g_exported', a long-lived container that is never erased from or bounded in this translation unit; it grows for as long as 'g_exported' lives
}

// Open addressing.
static absl::flat_hash_map<int, int> g_flat;
// CHECK-DAG: :[[@LINE-1]]:38: note: 'g_flat' is declared here at namespace scope
void flat(int k, int v) {
  g_flat.try_emplace(k, v);
  // CHECK-DAG: :[[@LINE-1]]:10: warning: 'try_emplace' inserts into 'g_flat'
}

// A capturing callback per call.
static std::vector<std::function<void()>> g_listeners;
// CHECK-DAG: :[[@LINE-1]]:43: note: 'g_listeners' is declared here at namespace scope
void subscribe(int id) {
  g_listeners.push_back([id] { describe(id); });
  // CHECK-DAG: :[[@LINE-1]]:15: warning: 'push_back' inserts into 'g_listeners'
}

// A function template instantiated twice is reported once.
static std::vector<long> g_templated;
// CHECK-DAG: :[[@LINE-1]]:26: note: 'g_templated' is declared here at namespace scope
template <class T> void addFor(T v) {
  g_templated.push_back(static_cast<long>(v));
  // CHECK-DAG: :[[@LINE-1]]:15: warning: 'push_back' inserts into 'g_templated'
}
void useTemplates() {
  addFor(1);
  addFor('c');
}

// A second insertion site: one warning, at the first.
static std::vector<int> g_twice;
// CHECK-DAG: :[[@LINE-1]]:25: note: 'g_twice' is declared here at namespace scope
void twiceA(int v) {
  g_twice.push_back(v);
  // CHECK-DAG: :[[@LINE-1]]:11: warning: 'push_back' inserts into 'g_twice'
}
void twiceB(int v) { g_twice.push_back(v + 1); }

// --- negatives ----------------------------------------------------------------

// A matching erase elsewhere.
static std::map<int, std::string> g_sessions;
void open(int id) { g_sessions.emplace(id, describe(id)); }
void close(int id) { g_sessions.erase(id); }

// An RAII guard whose destructor erases the key.
static std::set<int> g_active;
struct Active {
  int id;
  ~Active() { g_active.erase(id); }
};
void run(int id) {
  g_active.insert(id);
  Active a{id};
}

// A bounded cache with eviction; a size bound on the insertion.
static std::list<int> g_recent;
void touch(int id) {
  g_recent.push_front(id);
  if (g_recent.size() > 64)
    g_recent.pop_back();
}
static std::vector<int> g_capped;
void capped(int v) {
  if (g_capped.size() < 1000)
    g_capped.push_back(v);
}

// Function-local containers that are not static.
int local(int n) {
  std::vector<int> v;
  for (int i = 0; i < n; ++i)
    v.push_back(i);
  return static_cast<int>(v.size());
}

// Registration tables filled at start-up or from literals.
static std::map<std::string, int> g_codes;
static bool codesReady = [] {
  g_codes.emplace("ok", 0);
  g_codes.emplace("error", 1);
  return true;
}();
static std::vector<std::string> g_builtin;
static bool loadBuiltin() {
  for (int i = 0; i < 3; ++i)
    g_builtin.push_back(describe(i));
  return true;
}
static bool builtinReady = loadBuiltin();
static std::map<std::string, int> g_levels;
static std::vector<const char *> g_levelNames;
void registerLevels() {
  g_levels["debug"] = 0;
  g_levels["info"] = 1;
  g_levelNames.push_back("debug");
  g_levelNames.push_back("info");
}
int main() {
  g_builtin.push_back(describe(99));
  return 0;
}

// Cleared, swapped, assigned, resized, or handed elsewhere.
static std::vector<int> g_batch;
void addBatch(int v) { g_batch.push_back(v); }
void flush() { g_batch.clear(); }
static std::vector<int> g_swapped;
void addSwapped(int v) { g_swapped.push_back(v); }
std::vector<int> takeSwapped() {
  std::vector<int> out;
  out.swap(g_swapped);
  return out;
}
static std::deque<int> g_jobs;
void addJob(int v) { g_jobs.push_back(v); }
void nextJob() { g_jobs.pop_front(); }
static std::vector<int> g_all;
void addAll(int v) { g_all.push_back(v); }
std::vector<int> &all() { return g_all; }
static std::vector<int> g_passed;
void consume(std::vector<int> &);
void addPassed(int v) {
  g_passed.push_back(v);
  consume(g_passed);
}

// Declared in a header another TU sees.
void addShared(int id) { g_shared_sources[id]; }

// A constant key writes the same slot again.
static std::map<std::string, int> g_last;
void setLast(int v) { g_last["value"] = v; }

// Filled in the constructor of a singleton: set up once.
class Config {
public:
  Config() { keys_.push_back(describe(0)); }
  static Config &get() {
    static Config c;
    return c;
  }
private:
  std::vector<std::string> keys_;
};

// thread_local, class templates.
thread_local std::vector<int> t_scratch;
void scratch(int v) { t_scratch.push_back(v); }
template <class T> class Pool {
public:
  void put(T v) { free_.push_back(v); }
private:
  std::vector<T> free_;
};
static Pool<int> g_pool;
void give(int v) { g_pool.put(v); }

// Members of ordinary classes only with MemberContainers.
class Accumulator {
public:
  void add(int v) { values_.push_back(v); }
private:
  std::vector<int> values_;
};

// A static pointer assigned `this` points at whichever instance was made
// last (a test fixture's `current_`): not a singleton; each fixture's
// vectors die with it.
class CacheFixture {
public:
  CacheFixture() { current_ = this; }
  static void deleter(int key) { current_->deleted_keys_.push_back(key); }
private:
  static CacheFixture *current_;
  std::vector<int> deleted_keys_;
};
CacheFixture *CacheFixture::current_;

// A lazily created instance behind a static pointer is a singleton.
class Lazy {
public:
  static Lazy &get() {
    if (!instance_)
      instance_ = new Lazy;
    return *instance_;
  }
  void remember(int v) { seen_.push_back(v); }
  // CHECK-DAG: :[[@LINE-1]]:32: warning: 'push_back' inserts into 'seen_', a long-lived container that is never erased from or bounded; it grows for as long as 'seen_' lives [containers-unbounded-growth]
private:
  static Lazy *instance_;
  std::vector<int> seen_;
  // CHECK-DAG: :[[@LINE-1]]:20: note: 'seen_' is declared here as a member of 'Lazy', which is used as a singleton
};
Lazy *Lazy::instance_;
