//===- Compat.h - the one place that knows LLVM version differences
//--------===//
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

#include "clang/AST/Decl.h"
#include <optional>
#if CONTAINERS_TIDY_LLVM_MAJOR < 16
#include "llvm/ADT/Optional.h"
#endif

namespace clang::tidy::containers::compat {
/// The optional type of clang-tidy's virtual interfaces
/// (getCheckTraversalKind): llvm::Optional up to LLVM 15, std::optional from
/// 16.
#if CONTAINERS_TIDY_LLVM_MAJOR < 16
template <class T> using TidyOptional = llvm::Optional<T>;
#else
template <class T> using TidyOptional = std::optional<T>;
#endif

/// FunctionDecl::isPure() became isPureVirtual() in LLVM 18.
inline bool isPureVirtual(const FunctionDecl *FD) {
#if CONTAINERS_TIDY_LLVM_MAJOR < 18
  return FD->isPure();
#else
  return FD->isPureVirtual();
#endif
}
} // namespace clang::tidy::containers::compat

#endif // CONTAINERS_TIDY_LIB_COMPAT_H
