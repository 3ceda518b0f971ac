// Options of containers-long-lived-cancellation-token.
// RUN: %clang_tidy -checks='-*,containers-long-lived-cancellation-token' %s -- %mock_std \
// RUN:   | FileCheck %s -check-prefixes=DEFAULT,ALL -implicit-check-not='{{warning|error}}:'
// TokenTypes replaces the list of type names; TokenNamePattern '' turns name
// matching off:
// RUN: %clang_tidy -checks='-*,containers-long-lived-cancellation-token' \
// RUN:   -config="{CheckOptions: [{key: containers-long-lived-cancellation-token.TokenTypes, value: 'mylib::Lease;mylib::Ticket.*'}, \
// RUN:                            {key: containers-long-lived-cancellation-token.TokenNamePattern, value: ''}]}" \
// RUN:   %s -- %mock_std | FileCheck %s -check-prefix=TYPES -implicit-check-not='{{warning|error}}:'
// A TokenNamePattern of one's own (case-insensitive):
// RUN: %clang_tidy -checks='-*,containers-long-lived-cancellation-token' \
// RUN:   -config="{CheckOptions: [{key: containers-long-lived-cancellation-token.TokenNamePattern, value: '^ticket'}]}" \
// RUN:   %s -- %mock_std | FileCheck %s -check-prefixes=PATTERN,ALL -implicit-check-not='{{warning|error}}:'
// MemberContainers off: members count only in singletons.
// RUN: %clang_tidy -checks='-*,containers-long-lived-cancellation-token' \
// RUN:   -config="{CheckOptions: [{key: containers-long-lived-cancellation-token.MemberContainers, value: false}]}" \
// RUN:   %s -- %mock_std | FileCheck %s -check-prefixes=NOMEMBER,ALL -implicit-check-not='{{warning|error}}:'
//
// Bad values are configuration errors naming the option and the value; the
// default is used instead:
// RUN: not %clang_tidy -checks='-*,containers-long-lived-cancellation-token' \
// RUN:   -config="{CheckOptions: [{key: containers-long-lived-cancellation-token.TokenTypes, value: 'std::stop_source;;mylib::Lease'}]}" \
// RUN:   %s -- %mock_std 2>&1 | FileCheck %s -check-prefixes=EMPTY,DEFAULT,ALL
// EMPTY: error: invalid value 'std::stop_source;;mylib::Lease' for option 'containers-long-lived-cancellation-token.TokenTypes': the list has an empty entry; the default is used [clang-tidy-config]
// RUN: not %clang_tidy -checks='-*,containers-long-lived-cancellation-token' \
// RUN:   -config="{CheckOptions: [{key: containers-long-lived-cancellation-token.TokenTypes, value: 'std::(stop'}]}" \
// RUN:   %s -- %mock_std 2>&1 | FileCheck %s -check-prefixes=REGEX,DEFAULT,ALL
// REGEX: error: invalid value 'std::(stop' for option 'containers-long-lived-cancellation-token.TokenTypes': entry 'std::(stop' is not a valid regex: parentheses not balanced; the default is used [clang-tidy-config]
// RUN: not %clang_tidy -checks='-*,containers-long-lived-cancellation-token' \
// RUN:   -config="{CheckOptions: [{key: containers-long-lived-cancellation-token.TokenNamePattern, value: 'cancel|('}]}" \
// RUN:   %s -- %mock_std 2>&1 | FileCheck %s -check-prefixes=NAME,DEFAULT,ALL
// NAME: error: invalid value 'cancel|(' for option 'containers-long-lived-cancellation-token.TokenNamePattern': not a valid regex: parentheses not balanced; the default is used [clang-tidy-config]
// RUN: %clang_tidy -checks='-*,containers-long-lived-cancellation-token' \
// RUN:   -config="{CheckOptions: [{key: containers-long-lived-cancellation-token.MemberContainers, value: maybe}]}" \
// RUN:   %s -- %mock_std 2>&1 | FileCheck %s -check-prefix=BOOL
// BOOL: invalid configuration value 'maybe' for option 'containers-long-lived-cancellation-token.MemberContainers'

#include <map>
#include <stop_token>
#include <vector>

namespace mylib {
class Lease {};
class TicketHolder {};
} // namespace mylib
struct CancelScope {};

static std::map<int, std::stop_source> g_sources;
void start(int id) { g_sources[id]; }
// DEFAULT: :[[@LINE-1]]:22: warning: 'operator[]' stores a 'std::stop_source' in 'g_sources'
// NOMEMBER: :[[@LINE-2]]:22: warning: 'operator[]' stores a 'std::stop_source' in 'g_sources'
// PATTERN: :[[@LINE-3]]:22: warning: 'operator[]' stores a 'std::stop_source' in 'g_sources'

static std::vector<mylib::Lease> g_leases;
void lease() { g_leases.emplace_back(); }
// TYPES: :[[@LINE-1]]:25: warning: 'emplace_back' stores a 'mylib::Lease' in 'g_leases'

static std::vector<mylib::TicketHolder> g_tickets;
void ticket() { g_tickets.emplace_back(); }
// TYPES: :[[@LINE-1]]:27: warning: 'emplace_back' stores a 'mylib::TicketHolder' in 'g_tickets'
// PATTERN: :[[@LINE-2]]:27: warning: 'emplace_back' stores a 'mylib::TicketHolder' in 'g_tickets'

static std::vector<CancelScope> g_scopes;
void scope() { g_scopes.emplace_back(); }
// DEFAULT: :[[@LINE-1]]:25: warning: 'emplace_back' stores a 'CancelScope' in 'g_scopes'
// NOMEMBER: :[[@LINE-2]]:25: warning: 'emplace_back' stores a 'CancelScope' in 'g_scopes'

class Singleton {
public:
  static Singleton &get() {
    static Singleton s;
    return s;
  }
  void add() { sources_.emplace_back(); }
  // ALL: :[[@LINE-1]]:25: warning: 'emplace_back' stores a 'std::stop_source' in 'sources_', a long-lived container that is never erased from; every token stays alive, with everything registered on it, as long as 'sources_' does
private:
  std::vector<std::stop_source> sources_;
};

class Member {
public:
  void add() { sources_.emplace_back(); }
  // DEFAULT: :[[@LINE-1]]:25: warning: 'emplace_back' stores a 'std::stop_source' in 'sources_', a long-lived container that is never erased from; every token stays alive, with everything registered on it, as long as 'sources_' does
  // PATTERN: :[[@LINE-2]]:25: warning: 'emplace_back' stores a 'std::stop_source' in 'sources_'
private:
  std::vector<std::stop_source> sources_;
};
