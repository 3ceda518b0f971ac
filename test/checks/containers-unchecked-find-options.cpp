// AssertMacros names project assertion macros that guard like assert.
// RUN: %clang_tidy -checks='-*,containers-unchecked-find' %s -- %mock_std \
// RUN:   | FileCheck %s -check-prefix=DEFAULT -implicit-check-not='{{warning|error}}:'
// RUN: %clang_tidy -checks='-*,containers-unchecked-find' \
// RUN:   -config="{CheckOptions: [{key: containers-unchecked-find.AssertMacros, value: 'DCHECK; MY_ASSERT'}]}" \
// RUN:   %s -- %mock_std | FileCheck %s -check-prefix=MACROS -allow-empty -implicit-check-not='{{warning|error}}:'
// MACROS-NOT: warning:
// An empty entry or one that is not an identifier is a configuration error:
// RUN: not %clang_tidy -checks='-*,containers-unchecked-find' \
// RUN:   -config="{CheckOptions: [{key: containers-unchecked-find.AssertMacros, value: 'DCHECK;;MY_ASSERT'}]}" \
// RUN:   %s -- %mock_std 2>&1 | FileCheck %s -check-prefix=EMPTY
// EMPTY: error: invalid value 'DCHECK;;MY_ASSERT' for option 'containers-unchecked-find.AssertMacros': entry '' is not a macro name; the option is ignored [clang-tidy-config]
// RUN: not %clang_tidy -checks='-*,containers-unchecked-find' \
// RUN:   -config="{CheckOptions: [{key: containers-unchecked-find.AssertMacros, value: 'DCHECK(x)'}]}" \
// RUN:   %s -- %mock_std 2>&1 | FileCheck %s -check-prefix=IDENT
// IDENT: error: invalid value 'DCHECK(x)' for option 'containers-unchecked-find.AssertMacros': entry 'DCHECK(x)' is not a macro name; the option is ignored [clang-tidy-config]

#include <map>

// Release-build definitions: the argument leaves nothing in the AST.
#define DCHECK(cond) ((void)0)
#define MY_ASSERT(cond) do { } while (false)

int dchecked(std::map<int, int> &m, int k) {
  auto it = m.find(k);
  DCHECK(it != m.end());
  return it->second;
  // DEFAULT: :[[@LINE-1]]:10: warning: 'it' is dereferenced without a comparison with the end of 'm'; 'find' returns the end iterator when nothing matches [containers-unchecked-find]
  // DEFAULT: :[[@LINE-4]]:15: note: 'it' is the result of 'find' here
  // EMPTY: :[[@LINE-3]]:10: warning: 'it' is dereferenced without a comparison
  // IDENT: :[[@LINE-4]]:10: warning: 'it' is dereferenced without a comparison
}

int myAsserted(std::map<int, int> &m, int k) {
  MY_ASSERT(m.count(k));
  return m.find(k)->second;
  // DEFAULT: :[[@LINE-1]]:12: warning: the result of 'find' is dereferenced without a comparison with the end of 'm'
  // EMPTY: :[[@LINE-2]]:12: warning: the result of 'find' is dereferenced
  // IDENT: :[[@LINE-3]]:12: warning: the result of 'find' is dereferenced
}
