// containers.ExtraContainers makes a user map known to this check too.
// RUN: %clang_tidy -checks='-*,containers-subscript-lookup' %s -- %mock_std -isystem %inputs/thirdparty \
// RUN:   | FileCheck %s -check-prefix=DEFAULT -allow-empty -implicit-check-not='{{warning|error}}:'
// RUN: %clang_tidy -checks='-*,containers-subscript-lookup' \
// RUN:   -config="{CheckOptions: [{key: containers.ExtraContainers, value: 'mylib::FastMap=open-addressing'}]}" \
// RUN:   %s -- %mock_std -isystem %inputs/thirdparty \
// RUN:   | FileCheck %s -implicit-check-not='{{warning|error}}:'
// A local map is reported only with IncludeLocalMaps:
// RUN: %clang_tidy -checks='-*,containers-subscript-lookup' \
// RUN:   -config="{CheckOptions: [{key: containers-subscript-lookup.IncludeLocalMaps, value: true}]}" \
// RUN:   %s -- %mock_std -isystem %inputs/thirdparty \
// RUN:   | FileCheck %s -check-prefix=LOCAL -implicit-check-not='{{warning|error}}:'
// An invalid value is a configuration error:
// RUN: %clang_tidy -checks='-*,containers-subscript-lookup' \
// RUN:   -config="{CheckOptions: [{key: containers-subscript-lookup.IncludeLocalMaps, value: maybe}]}" \
// RUN:   %s -- %mock_std -isystem %inputs/thirdparty 2>&1 \
// RUN:   | FileCheck %s -check-prefix=BAD
// BAD: invalid configuration value 'maybe' for option 'containers-subscript-lookup.IncludeLocalMaps'
// DEFAULT-NOT: warning:

#include <map>
#include <mylib.h>
#include <string>

int localMap(const std::string &query) {
  // Near miss by default: the local map and its defaults die with the call.
  std::map<std::string, int> params;
  params["size"] = static_cast<int>(query.size());
  return params["limit"];
  // LOCAL: :[[@LINE-1]]:10: warning: 'params["limit"]' is only read here; operator[] inserts a default value when '"limit"' is missing [containers-subscript-lookup]
}

int read(mylib::FastMap<int, int> &m, int k) {
  return m[k];
  // CHECK: :[[@LINE-1]]:10: warning: 'm[k]' is only read here; operator[] inserts a default value when 'k' is missing [containers-subscript-lookup]
}

void write(mylib::FastMap<int, int> &m, int k) {
  m[k] = 1; // near miss: a write
}
