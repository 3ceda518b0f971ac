// The real libc++ (std::__1); its <stop_token> is behind _LIBCPP_ENABLE_EXPERIMENTAL in libc++ 19.
// REQUIRES: libcxx
// RUN: %clang_tidy -checks='-*,containers-long-lived-cancellation-token' -header-filter='.*' %s -- -std=c++20 -stdlib=libc++ -D_LIBCPP_ENABLE_EXPERIMENTAL \
// RUN:   | FileCheck %S/containers-long-lived-cancellation-token-stdlib.h -implicit-check-not='{{warning|error}}:'
#include "containers-long-lived-cancellation-token-stdlib.h"
