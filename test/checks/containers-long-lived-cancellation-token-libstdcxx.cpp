// The real libstdc++ (GCC 12): std::stop_source and friends live in std.
// REQUIRES: libstdcxx
// RUN: %clang_tidy -checks='-*,containers-long-lived-cancellation-token' -header-filter='.*' %s -- -std=c++20 \
// RUN:   | FileCheck %S/containers-long-lived-cancellation-token-stdlib.h -implicit-check-not='{{warning|error}}:'
#include "containers-long-lived-cancellation-token-stdlib.h"
