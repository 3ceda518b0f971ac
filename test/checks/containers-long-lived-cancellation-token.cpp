// Cancellation tokens stored in a long-lived container that is never erased
// from stay alive, with everything registered on them.
// RUN: %clang_tidy -checks='-*,containers-long-lived-cancellation-token' %s -- \
// RUN:   %mock_std -isystem %inputs/thirdparty -I %inputs/storage \
// RUN:   | FileCheck %s -implicit-check-not='{{warning|error}}:'

#include <boost/asio/steady_timer.hpp>
#include <deque>
#include <folly/CancellationToken.h>
#include <grpcpp/client_context.h>
#include <list>
#include <map>
#include <memory>
#include <optional>
#include <registry.h>
#include <stop_token>
#include <string>
#include <thread>
#include <tuple>
#include <unordered_map>
#include <vector>

void work(std::stop_token);

// --- positives ----------------------------------------------------------------

// A map of stop sources keyed by request id, at namespace scope.
static std::unordered_map<int, std::stop_source> g_sources;
// CHECK-DAG: :[[@LINE-1]]:50: note: 'g_sources' is declared here at namespace scope
void startRequest(int id) {
  // CHECK-DAG: :[[@LINE-1]]:6: note: 'startRequest' inserts into 'g_sources' each time it is called
  g_sources[id] = std::stop_source();
  // CHECK-DAG: :[[@LINE-1]]:3: warning: 'operator[]' stores a 'std::stop_source' in 'g_sources', a long-lived container that is never erased from; every token stays alive, with everything registered on it, as long as 'g_sources' does [containers-long-lived-cancellation-token]
}

namespace {
// Anonymous namespace; stop tokens by value.
std::map<int, std::stop_token> tokens;
// CHECK-DAG: :[[@LINE-1]]:32: note: 'tokens' is declared here at namespace scope
} // namespace
void watch(int id, std::stop_token t) {
  // CHECK-DAG: :[[@LINE-1]]:6: note: 'watch' inserts into 'tokens' each time it is called
  tokens.emplace(id, t);
  // CHECK-DAG: :[[@LINE-1]]:10: warning: 'emplace' stores a 'std::stop_token' in 'tokens', a long-lived container that is never erased from; every token
}

// A jthread per request, never joined away.
static std::vector<std::jthread> g_workers;
// CHECK-DAG: :[[@LINE-1]]:34: note: 'g_workers' is declared here at namespace scope
void spawn() {
  // CHECK-DAG: :[[@LINE-1]]:6: note: 'spawn' inserts into 'g_workers' each time it is called
  g_workers.emplace_back(work);
  // CHECK-DAG: :[[@LINE-1]]:13: warning: 'emplace_back' stores a 'std::jthread' in 'g_workers'
}

// A private static data member of a class defined entirely in this file;
// shared_ptr is looked through.
class Registry {
public:
  void add(int id);
private:
  static std::map<int, std::shared_ptr<std::stop_source>> active_;
  // CHECK-DAG: :[[@LINE-1]]:59: note: 'active_' is declared here as a static data member
};
std::map<int, std::shared_ptr<std::stop_source>> Registry::active_;
void Registry::add(int id) {
  // CHECK-DAG: :[[@LINE-1]]:16: note: 'add' inserts into 'active_' each time it is called
  active_.insert({id, std::make_shared<std::stop_source>()});
  // CHECK-DAG: :[[@LINE-1]]:11: warning: 'insert' stores a 'std::stop_source' in 'active_'
}

// A function-local static; optional is looked through.
void byName(const std::string &name) {
  // CHECK-DAG: :[[@LINE-1]]:6: note: 'byName' inserts into 'cache' each time it is called
  static std::unordered_map<std::string, std::optional<std::stop_source>> cache;
  // CHECK-DAG: :[[@LINE-1]]:75: note: 'cache' is declared here as a function-local static
  cache.try_emplace(name);
  // CHECK-DAG: :[[@LINE-1]]:9: warning: 'try_emplace' stores a 'std::stop_source' in 'cache'
}

// A member of a class used as a singleton through a static accessor.
class Tracker {
public:
  static Tracker &instance() {
    static Tracker t;
    return t;
  }
  void track(int id) {
    // CHECK-DAG: :[[@LINE-1]]:8: note: 'track' inserts into 'pending_' each time it is called
    pending_.insert_or_assign(id, std::stop_source());
    // CHECK-DAG: :[[@LINE-1]]:14: warning: 'insert_or_assign' stores a 'std::stop_source' in 'pending_'
  }
private:
  std::map<int, std::stop_source> pending_;
  // CHECK-DAG: :[[@LINE-1]]:35: note: 'pending_' is declared here as a member of 'Tracker', which is used as a singleton
};

// MemberContainers: a class no local object of which exists here, that
// never erases from its member; pair is looked through.
class Server {
public:
  void onRequest(int id, std::stop_token t) { tokens_.push_back({id, t}); }
  // CHECK-DAG: :[[@LINE-1]]:8: note: 'onRequest' inserts into 'tokens_' each time it is called
  // CHECK-DAG: :[[@LINE-2]]:55: warning: 'push_back' stores a 'std::stop_token' in 'tokens_'
private:
  std::vector<std::pair<int, std::stop_token>> tokens_;
  // CHECK-DAG: :[[@LINE-1]]:48: note: 'tokens_' is declared here as a member of 'Server', which never erases from it
};

// tuple is looked through.
static std::vector<std::tuple<int, std::string, std::stop_source>> g_jobs;
// CHECK-DAG: :[[@LINE-1]]:68: note: 'g_jobs' is declared here at namespace scope
void queueJob(int id, const std::string &what) {
  // CHECK-DAG: :[[@LINE-1]]:6: note: 'queueJob' inserts into 'g_jobs'
  g_jobs.emplace_back(id, what, std::stop_source());
  // CHECK-DAG: :[[@LINE-1]]:10: warning: 'emplace_back' stores a 'std::stop_source' in 'g_jobs'
}

// One level of struct fields in the element type.
struct Pending {
  int id;
  std::stop_source source;
};
static std::map<int, Pending> g_pending;
// CHECK-DAG: :[[@LINE-1]]:31: note: 'g_pending' is declared here at namespace scope
void remember(int id) {
  // CHECK-DAG: :[[@LINE-1]]:6: note: 'remember' inserts into 'g_pending'
  g_pending.insert({id, Pending{id, {}}});
  // CHECK-DAG: :[[@LINE-1]]:13: warning: 'insert' stores a 'std::stop_source' in 'g_pending'
}

// unique_ptr to a stop_callback.
using Callback = void (*)();
static std::vector<std::unique_ptr<std::stop_callback<Callback>>> g_callbacks;
// CHECK-DAG: :[[@LINE-1]]:67: note: 'g_callbacks' is declared here at namespace scope
void onStop(std::stop_token t, Callback f) {
  // CHECK-DAG: :[[@LINE-1]]:6: note: 'onStop' inserts into 'g_callbacks'
  g_callbacks.push_back(std::make_unique<std::stop_callback<Callback>>(t, f));
  // CHECK-DAG: :[[@LINE-1]]:15: warning: 'push_back' stores a 'std::stop_callback' in 'g_callbacks'
}

// Asio timers through their alias, and cancellation signals.
static std::map<int, std::shared_ptr<boost::asio::steady_timer>> g_timers;
// CHECK-DAG: :[[@LINE-1]]:66: note: 'g_timers' is declared here at namespace scope
static std::unordered_map<int, boost::asio::cancellation_signal> g_signals;
// CHECK-DAG: :[[@LINE-1]]:66: note: 'g_signals' is declared here at namespace scope
void armTimer(boost::asio::io_context &io, int id) {
  // CHECK-DAG: :[[@LINE-1]]:6: note: 'armTimer' inserts into 'g_timers'
  // CHECK-DAG: :[[@LINE-2]]:6: note: 'armTimer' inserts into 'g_signals'
  g_timers.emplace(id, std::make_shared<boost::asio::steady_timer>(io));
  // CHECK-DAG: :[[@LINE-1]]:12: warning: 'emplace' stores a 'boost::asio::basic_waitable_timer' in 'g_timers'
  g_signals[id];
  // CHECK-DAG: :[[@LINE-1]]:3: warning: 'operator[]' stores a 'boost::asio::cancellation_signal' in 'g_signals'
}

// folly and gRPC.
static std::deque<folly::CancellationSource> g_folly;
// CHECK-DAG: :[[@LINE-1]]:46: note: 'g_folly' is declared here at namespace scope
static std::map<long, std::unique_ptr<grpc::ClientContext>> g_calls;
// CHECK-DAG: :[[@LINE-1]]:61: note: 'g_calls' is declared here at namespace scope
void call(long tag) {
  // CHECK-DAG: :[[@LINE-1]]:6: note: 'call' inserts into 'g_folly'
  // CHECK-DAG: :[[@LINE-2]]:6: note: 'call' inserts into 'g_calls'
  g_folly.push_front(folly::CancellationSource());
  // CHECK-DAG: :[[@LINE-1]]:11: warning: 'push_front' stores a 'folly::CancellationSource' in 'g_folly'
  g_calls.emplace(tag, std::make_unique<grpc::ClientContext>());
  // CHECK-DAG: :[[@LINE-1]]:11: warning: 'emplace' stores a 'grpc::ClientContext' in 'g_calls'
}

// A user type whose name matches TokenNamePattern.
struct RequestCancelHandle {
  int id;
};
static std::list<RequestCancelHandle> g_handles;
// CHECK-DAG: :[[@LINE-1]]:39: note: 'g_handles' is declared here at namespace scope
void handle(int id) {
  // CHECK-DAG: :[[@LINE-1]]:6: note: 'handle' inserts into 'g_handles'
  g_handles.push_back({id});
  // CHECK-DAG: :[[@LINE-1]]:13: warning: 'push_back' stores a 'RequestCancelHandle' in 'g_handles'
}

// External linkage, declared only in this file: another TU could only
// reach it through an extern declaration of its own, so the message says so.
std::vector<std::stop_source> g_exported;
// CHECK-DAG: :[[@LINE-1]]:31: note: 'g_exported' is declared here at namespace scope
void exportOne() {
  // CHECK-DAG: :[[@LINE-1]]:6: note: 'exportOne' inserts into 'g_exported'
  g_exported.emplace_back();
  // CHECK-DAG: :[[@LINE-1]]:14: warning: 'emplace_back' stores a 'std::stop_source' in 'g_exported', a long-lived container that is never erased from in this translation unit; every token
}

// Nested containers are looked through.
static std::map<int, std::vector<std::stop_source>> g_groups;
// CHECK-DAG: :[[@LINE-1]]:53: note: 'g_groups' is declared here at namespace scope
void join(int group) {
  // CHECK-DAG: :[[@LINE-1]]:6: note: 'join' inserts into 'g_groups'
  g_groups[group];
  // CHECK-DAG: :[[@LINE-1]]:3: warning: 'operator[]' stores a 'std::stop_source' in 'g_groups'
}

// A leaked singleton map held through a pointer.
static auto *g_registry = new std::unordered_map<int, std::stop_source>;
// CHECK-DAG: :[[@LINE-1]]:14: note: 'g_registry' is declared here at namespace scope
void enroll(int id) {
  // CHECK-DAG: :[[@LINE-1]]:6: note: 'enroll' inserts into 'g_registry'
  g_registry->emplace(id, std::stop_source());
  // CHECK-DAG: :[[@LINE-1]]:15: warning: 'emplace' stores a 'std::stop_source' in 'g_registry'
}

// A function template instantiated twice is reported once.
static std::vector<std::stop_source> g_templated;
// CHECK-DAG: :[[@LINE-1]]:38: note: 'g_templated' is declared here at namespace scope
template <class T> void addFor(T) {
  // CHECK-DAG: :[[@LINE-1]]:25: note: 'addFor' inserts into 'g_templated'
  g_templated.emplace_back();
  // CHECK-DAG: :[[@LINE-1]]:15: warning: 'emplace_back' stores a 'std::stop_source' in 'g_templated'
}
void useTemplates() {
  addFor(1);
  addFor('c');
}

// --- negatives ----------------------------------------------------------------

// A matching erase elsewhere in the TU.
static std::map<int, std::stop_source> g_erased;
void begin1(int id) { g_erased.emplace(id, std::stop_source()); }
void end1(int id) { g_erased.erase(id); }

// An RAII guard whose destructor erases the key.
static std::unordered_map<int, std::stop_source> g_guarded;
struct Guard {
  int id;
  ~Guard() { g_guarded.erase(id); }
};
void guarded(int id) {
  g_guarded[id] = std::stop_source();
  Guard g{id};
}

// A bounded cache with eviction.
static std::map<int, std::shared_ptr<std::stop_source>> g_bounded;
void cached(int id) {
  if (g_bounded.size() > 100)
    g_bounded.erase(g_bounded.begin());
  g_bounded.emplace(id, std::make_shared<std::stop_source>());
}

// A function-local container that is not static.
void local(int n) {
  std::vector<std::stop_source> sources;
  for (int i = 0; i < n; ++i)
    sources.emplace_back();
}

// A registration table filled once at start-up, from literals.
static std::map<std::string, std::stop_source> g_named;
static bool registered = [] {
  g_named.emplace("shutdown", std::stop_source());
  g_named.emplace("reload", std::stop_source());
  return true;
}();
static std::vector<std::stop_source> g_startup;
static bool fillStartup() {
  for (int i = 0; i < 4; ++i)
    g_startup.emplace_back();
  return true;
}
static bool filled = fillStartup();

// Tokens in a container member of a short-lived local object.
struct Batch {
  void add() { sources.emplace_back(); }
private:
  std::vector<std::stop_source> sources;
};
void runBatch() {
  Batch b;
  b.add();
}

// clear(), swap(), pop_front(), std::erase_if and assignment release.
static std::vector<std::stop_source> g_cleared;
void addCleared() { g_cleared.emplace_back(); }
void shutdownCleared() { g_cleared.clear(); }
static std::vector<std::stop_source> g_swapped;
void addSwapped() { g_swapped.emplace_back(); }
void shutdownSwapped() {
  std::vector<std::stop_source> empty;
  g_swapped.swap(empty);
}
static std::deque<std::stop_source> g_queue;
void addQueued() { g_queue.push_back(std::stop_source()); }
void popQueued() { g_queue.pop_front(); }
static std::vector<std::stop_source> g_filtered;
void addFiltered() { g_filtered.emplace_back(); }
void dropStopped() {
  std::erase_if(g_filtered, [](const std::stop_source &s) { return s.stop_requested(); });
}
static std::vector<std::stop_source> g_assigned;
void addAssigned() { g_assigned.emplace_back(); }
void resetAssigned() { g_assigned = {}; }

// Moved from, or handed to a function that may erase: not followed.
static std::vector<std::stop_source> g_moved;
void addMoved() { g_moved.emplace_back(); }
std::vector<std::stop_source> takeAll() { return std::move(g_moved); }
static std::map<int, std::stop_source> g_drained;
void drain(std::map<int, std::stop_source> &);
void addDrained(int id) {
  g_drained[id];
  drain(g_drained);
}

// Not a token type; weak_ptr does not keep its object alive.
static std::map<int, int> g_counts;
void count(int id) { g_counts[id] = 1; }
static std::map<int, std::weak_ptr<std::stop_source>> g_weak;
void observe(int id, std::shared_ptr<std::stop_source> s) { g_weak.emplace(id, s); }

// Declared in a header another TU sees: it may be erased from there.
void addShared(int id) { g_shared_sources[id] = std::stop_source(); }
void HeaderRegistry::add(int id) { sources_[id] = std::stop_source(); }

// A constant key writes the same slot again.
static std::map<std::string, std::stop_source> g_fixed;
void resetFixed() { g_fixed["main"] = std::stop_source(); }

// Filled in the constructor of its owner: set up once, not per request.
class Pool {
public:
  explicit Pool(int n) {
    for (int i = 0; i < n; ++i)
      threads_.emplace_back(work);
  }
private:
  std::vector<std::jthread> threads_;
};

// thread_local dies with its thread.
thread_local std::vector<std::stop_source> t_sources;
void addThreadLocal() { t_sources.emplace_back(); }

// A public member of a class another TU sees.
void HeaderOpen::add() { items.emplace_back(); }

// Members of class templates: an uninstantiated erase would be invisible.
template <class T> class Table {
public:
  void add(T id) { items_.emplace(id, std::stop_source()); }
  void remove(T id) { items_.erase(id); }
private:
  std::map<T, std::stop_source> items_;
};
static Table<int> g_table;
void addTable(int id) { g_table.add(id); }

// Start-up code: main.
static std::vector<std::stop_source> g_main;
int main() {
  g_main.emplace_back();
  return 0;
}

// A value type: a local object of it exists, so its members are not
// long-lived, even though a static instance exists too.
struct Scope {
  void add() { sources.emplace_back(); }
  std::vector<std::stop_source> sources;
};
static Scope g_rootScope;
void scoped() {
  Scope s;
  s.add();
  g_rootScope.add();
}
