// containers-escaping-element-capture over the real libc++ (std::__1).
// REQUIRES: libcxx
// RUN: %clang_tidy -checks='-*,containers-escaping-element-capture' -header-filter='.*' %s -- -std=c++20 -stdlib=libc++ \
// RUN:   | FileCheck %S/containers-escaping-element-capture-stdlib.h -implicit-check-not='{{warning|error}}:'
#include "containers-escaping-element-capture-stdlib.h"
