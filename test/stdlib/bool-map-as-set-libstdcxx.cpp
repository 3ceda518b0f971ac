// containers-bool-map-as-set over the real libstdc++ (GCC 12).
// REQUIRES: libstdcxx
// RUN: %clang_tidy -checks='-*,containers-bool-map-as-set' -header-filter='.*' %s -- -std=c++17 -stdlib=libstdc++ \
// RUN:   | FileCheck %S/bool-map-as-set.h -implicit-check-not='{{warning|error}}:'
#include "bool-map-as-set.h"
