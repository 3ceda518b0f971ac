// The real libstdc++ (GCC 12): std::mutex over __gthread, std::__cxx11
// strings, std::thread's variadic constructor.
// REQUIRES: libstdcxx
// RUN: %clang_tidy -checks='-*,containers-unsynchronized-mutation' -header-filter='.*' %s -- -std=c++20 -stdlib=libstdc++ \
// RUN:   | FileCheck %S/containers-unsynchronized-mutation-stdlib.h -implicit-check-not='{{warning|error}}:'
#include "containers-unsynchronized-mutation-stdlib.h"
