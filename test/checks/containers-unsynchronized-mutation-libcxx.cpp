// The real libc++: everything lives in the inline namespace std::__1.
// REQUIRES: libcxx
// RUN: %clang_tidy -checks='-*,containers-unsynchronized-mutation' -header-filter='.*' %s -- -std=c++20 -stdlib=libc++ \
// RUN:   | FileCheck %S/containers-unsynchronized-mutation-stdlib.h -implicit-check-not='{{warning|error}}:'
#include "containers-unsynchronized-mutation-stdlib.h"
