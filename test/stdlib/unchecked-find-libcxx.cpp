// containers-unchecked-find over the real libstdc++ , with and
// without NDEBUG.
// REQUIRES: libcxx
// RUN: %clang_tidy -checks='-*,containers-unchecked-find' -header-filter='.*' %s -- -std=c++17 -stdlib=libc++ \
// RUN:   | FileCheck %S/unchecked-find.h -implicit-check-not='{{warning|error}}:'
// RUN: %clang_tidy -checks='-*,containers-unchecked-find' -header-filter='.*' %s -- -std=c++17 -stdlib=libc++ -DNDEBUG \
// RUN:   | FileCheck %S/unchecked-find.h -implicit-check-not='{{warning|error}}:'
#include "unchecked-find.h"
