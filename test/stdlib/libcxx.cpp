// The real libc++: everything lives in the inline namespace std::__1.
// REQUIRES: libcxx
// RUN: %clang_tidy -checks='-*,containers-*' -header-filter='.*' %s -- -std=c++20 -stdlib=libc++ \
// RUN:   | FileCheck %S/common.h -implicit-check-not='{{warning|error}}:'
#include "common.h"
