//===- ContainersCheck.cpp ------------------------------------------------===//

#include "lib/ContainersCheck.h"
#include "lib/SharedOptions.h"

namespace clang::tidy::containers {

ContainersCheck::ContainersCheck(llvm::StringRef Name,
                                 ClangTidyContext *Context)
    : ClangTidyCheck(Name, Context),
      ExtraContainers(readSharedOption(*Context, Name, "ExtraContainers", "",
                                       &ExtraContainersKey)) {
  std::string Error;
  if (!Model.addExtraContainers(ExtraContainers, Error))
    badOption(ExtraContainersKey, ExtraContainers, Error,
              "the option is ignored");
}

void ContainersCheck::badOption(llvm::StringRef Key, llvm::StringRef Value,
                                llvm::StringRef Why,
                                llvm::StringRef Fallback) {
  if (firstReportOfBadOption(Key, Value))
    configurationDiag("invalid value '%0' for option '%1': %2; %3",
                      DiagnosticIDs::Error)
        << Value << Key << Why << Fallback;
}

void ContainersCheck::registerMatchers(ast_matchers::MatchFinder *Finder) {
  Traversal = ProgramTraversal::shared(Finder);
  registerProgramMatchers(Traversal->finder());
}

void ContainersCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  Options.store(Opts, "ExtraContainers", ExtraContainers);
}

} // namespace clang::tidy::containers
