// containers-escaping-element-capture over the real libstdc++ (GCC 12):
// std::thread, std::async, std::function, string_view's conversion operator.
// REQUIRES: libstdcxx
// RUN: %clang_tidy -checks='-*,containers-escaping-element-capture' -header-filter='.*' %s -- -std=c++20 -stdlib=libstdc++ \
// RUN:   | FileCheck %S/containers-escaping-element-capture-stdlib.h -implicit-check-not='{{warning|error}}:'
#include "containers-escaping-element-capture-stdlib.h"
