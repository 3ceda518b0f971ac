// The real libstdc++ (GCC 12): std::__cxx11::basic_string, the
// __normal_iterator wrapper, std::_Rb_tree-based maps, _Hashtable.
// REQUIRES: libstdcxx
// RUN: %clang_tidy -checks='-*,containers-*' -header-filter='.*' %s -- -std=c++20 -stdlib=libstdc++ \
// RUN:   | FileCheck %S/common.h -implicit-check-not='{{warning|error}}:'
#include "common.h"
