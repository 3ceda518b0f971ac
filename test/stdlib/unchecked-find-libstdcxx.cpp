// containers-unchecked-find over the real libstdc++ (GCC 12), with and
// without NDEBUG.
// REQUIRES: libstdcxx
// RUN: %clang_tidy -checks='-*,containers-unchecked-find' -header-filter='.*' %s -- -std=c++17 -stdlib=libstdc++ \
// RUN:   | FileCheck %S/unchecked-find.h -implicit-check-not='{{warning|error}}:'
// RUN: %clang_tidy -checks='-*,containers-unchecked-find' -header-filter='.*' %s -- -std=c++17 -stdlib=libstdc++ -DNDEBUG \
// RUN:   | FileCheck %S/unchecked-find.h -implicit-check-not='{{warning|error}}:'
#include "unchecked-find.h"
