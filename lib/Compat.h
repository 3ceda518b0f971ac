//===- Compat.h - the one place that knows LLVM version differences --------===//
//
// Every `#if CONTAINERS_TIDY_LLVM_MAJOR` in the project lives here. Code
// elsewhere includes this header instead of the version-specific ones.
//
//===----------------------------------------------------------------------===//

#ifndef CONTAINERS_TIDY_LIB_COMPAT_H
#define CONTAINERS_TIDY_LIB_COMPAT_H

#include "clang-tidy/ClangTidyModule.h"
// LLVM 22 moved the registry into ClangTidyModule.h and deprecated the old
// header (removal planned for 24).
#if CONTAINERS_TIDY_LLVM_MAJOR < 22
#include "clang-tidy/ClangTidyModuleRegistry.h"
#endif

#endif // CONTAINERS_TIDY_LIB_COMPAT_H
