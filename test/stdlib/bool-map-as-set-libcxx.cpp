// containers-bool-map-as-set over the real libc++.
// REQUIRES: libcxx
// RUN: %clang_tidy -checks='-*,containers-bool-map-as-set' -header-filter='.*' %s -- -std=c++17 -stdlib=libc++ \
// RUN:   | FileCheck %S/bool-map-as-set.h -implicit-check-not='{{warning|error}}:'
#include "bool-map-as-set.h"
