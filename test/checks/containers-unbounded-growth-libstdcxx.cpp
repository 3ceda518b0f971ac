// The real libstdc++ (GCC 12).
// REQUIRES: libstdcxx
// RUN: %clang_tidy -checks='-*,containers-unbounded-growth' -header-filter='.*' %s -- -std=c++20 \
// RUN:   | FileCheck %S/containers-unbounded-growth-stdlib.h -implicit-check-not='{{warning|error}}:'
#include "containers-unbounded-growth-stdlib.h"
