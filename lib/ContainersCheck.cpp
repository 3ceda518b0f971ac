//===- ContainersCheck.cpp ------------------------------------------------===//

#include "lib/ContainersCheck.h"
#include "lib/SharedOptions.h"

namespace clang::tidy::containers {

ContainersCheck::ContainersCheck(llvm::StringRef Name,
                                 ClangTidyContext *Context)
    : ClangTidyCheck(Name, Context),
      ExtraContainers(
          readSharedOption(*Context, Name, "ExtraContainers", "")) {
  std::string Error;
  if (!Model.addExtraContainers(ExtraContainers, Error))
    configurationDiag("invalid value for option 'containers.ExtraContainers': "
                      "%0; the option is ignored",
                      DiagnosticIDs::Error)
        << Error;
}

void ContainersCheck::registerMatchers(ast_matchers::MatchFinder *Finder) {
  Traversal = ProgramTraversal::shared(Finder);
  registerProgramMatchers(Traversal->finder());
}

void ContainersCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  Options.store(Opts, "ExtraContainers", ExtraContainers);
}

} // namespace clang::tidy::containers
