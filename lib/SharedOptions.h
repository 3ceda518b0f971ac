//===- SharedOptions.h - options shared by every containers-* check -------===//
//
// A shared option `Foo` is read as `<check-name>.Foo` first, then as
// `containers.Foo`, so one line in .clang-tidy configures every check.
//
//===----------------------------------------------------------------------===//

#ifndef CONTAINERS_TIDY_LIB_SHAREDOPTIONS_H
#define CONTAINERS_TIDY_LIB_SHAREDOPTIONS_H

#include "clang-tidy/ClangTidyCheck.h"
#include <string>

namespace clang::tidy::containers {

/// The value of shared option \p LocalName for check \p CheckName, or
/// \p Default.
std::string readSharedOption(const ClangTidyContext &Context,
                             llvm::StringRef CheckName,
                             llvm::StringRef LocalName,
                             llvm::StringRef Default);

} // namespace clang::tidy::containers

#endif // CONTAINERS_TIDY_LIB_SHAREDOPTIONS_H
