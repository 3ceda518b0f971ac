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
/// \p Default; \p Key, when given, is set to the key the value was read
/// under (`containers.<LocalName>` for the default).
std::string readSharedOption(const ClangTidyContext &Context,
                             llvm::StringRef CheckName,
                             llvm::StringRef LocalName,
                             llvm::StringRef Default,
                             std::string *Key = nullptr);

/// Is this the first report of an error about the value \p Value of
/// option \p Key in this process? A shared option is read by every check
/// that uses it, and the checks are made afresh for every translation unit:
/// its error is reported once, not once per check and file.
bool firstReportOfBadOption(llvm::StringRef Key, llvm::StringRef Value);

} // namespace clang::tidy::containers

#endif // CONTAINERS_TIDY_LIB_SHAREDOPTIONS_H
