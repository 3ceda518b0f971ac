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
#include "clang-tidy/ClangTidyCheck.h"
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

protected:
  const std::string ExtraContainers;
  ContainerModel Model;
};

} // namespace clang::tidy::containers

#endif // CONTAINERS_TIDY_LIB_CONTAINERSCHECK_H
