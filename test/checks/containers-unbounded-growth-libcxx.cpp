// The real libc++ (std::__1); its <stop_token> is behind _LIBCPP_ENABLE_EXPERIMENTAL in libc++ 19.
// REQUIRES: libcxx
// RUN: %clang_tidy -checks='-*,containers-unbounded-growth' -header-filter='.*' %s -- -std=c++20 -stdlib=libc++ -D_LIBCPP_ENABLE_EXPERIMENTAL \
// RUN:   | FileCheck %S/containers-unbounded-growth-stdlib.h -implicit-check-not='{{warning|error}}:'
#include "containers-unbounded-growth-stdlib.h"
