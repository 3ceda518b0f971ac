//===- ContainersCheck.h - what every containers-* check shares -----------===//
//
// The base of the checks: the container table with the user's
// `containers.ExtraContainers` applied (a bad value is a configuration error
// naming the entry), C++11 and later, AST traversal as is (instantiations are
// analysed; each check reports a template once by location).
//
//===----------------------------------------------------------------------===//

#ifndef CONTAINERS_TIDY_LIB_CONTAINERSCHECK_H
#define CONTAINERS_TIDY_LIB_CONTAINERSCHECK_H

#include "lib/Compat.h"
#include "lib/ContainerModel.h"
#include "lib/ProgramTraversal.h"
#include "clang-tidy/ClangTidyCheck.h"
#include <memory>
#include <string>

namespace clang::tidy::containers {

class ContainersCheck : public ClangTidyCheck {
public:
  ContainersCheck(llvm::StringRef Name, ClangTidyContext *Context);
  void storeOptions(ClangTidyOptions::OptionMap &Opts) override;
  bool isLanguageVersionSupported(const LangOptions &LangOpts) const override {
    return LangOpts.CPlusPlus11;
  }
  /// The AST as is, which is the matcher engine's default: saying so
  /// explicitly would wrap every matcher in a traverse() node, one more
  /// dispatch per node tried.
  compat::TidyOptional<TraversalKind> getCheckTraversalKind() const override {
    return {};
  }

  /// Registers the check's matchers with the program traversal's finder
  /// (lib/ProgramTraversal), not with clang-tidy's: they see the program's
  /// code only.
  void registerMatchers(ast_matchers::MatchFinder *Finder) final;

protected:
  /// The check's matchers, on \p Finder (the program traversal's).
  virtual void registerProgramMatchers(ast_matchers::MatchFinder *Finder) = 0;

  /// Reports the configuration error "invalid value '\p Value' for option
  /// '\p Key': \p Why; \p Fallback", once per clang-tidy run for each key
  /// and value (firstReportOfBadOption): the checks that share an option
  /// report it once between them.
  void badOption(llvm::StringRef Key, llvm::StringRef Value,
                 llvm::StringRef Why,
                 llvm::StringRef Fallback = "the default is used");

  std::string ExtraContainersKey;
  const std::string ExtraContainers;
  ContainerModel Model;

private:
  std::shared_ptr<ProgramTraversal> Traversal;
};

} // namespace clang::tidy::containers

#endif // CONTAINERS_TIDY_LIB_CONTAINERSCHECK_H
